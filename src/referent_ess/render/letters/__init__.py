"""The letters to candidates, and their packaged templates (``attribution.md``, ``rejet.md``)."""
