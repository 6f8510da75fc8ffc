"""Layer 0: bytes on disk. Atomic writes of outputs, and the fixed bytes of an ``.xlsx`` file."""
