"""Layer 1: the offers file. Checks of the file itself, the readers (xlsx, csv), then the rows
turned into checked offers and the evaluators' marks. Imports ``base`` and ``config`` only."""
