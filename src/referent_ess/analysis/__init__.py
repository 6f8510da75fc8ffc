"""Layer 3: questions asked of an evaluation: other price formulas (``simulate``) and how much
the weights would have to change for another winner (``sensitivity``)."""
