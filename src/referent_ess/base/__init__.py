"""Layer 0: what every other layer may use, with no wording: exact money and rounding, the
normalised key of a name, the reading of one value (numbers, rates, dates, lots) with a stable
code for each way it can be wrong. Imports nothing else from the package."""
