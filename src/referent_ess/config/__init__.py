"""Layer 1: the consultation as the buyer defines it in ``lots.yaml`` and ``criteria.yaml``:
the YAML reader, the validated model, the choices it offers and the columns of the offers sheet."""
