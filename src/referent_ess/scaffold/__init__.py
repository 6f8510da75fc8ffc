"""Layer 4: starting a consultation: ``init`` and the offers template."""
