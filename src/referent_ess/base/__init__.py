"""Layer 0: what every other layer may use. Problems and the one exception, exact money, the
reading of one value, text normalisation. Imports nothing else from the package."""
