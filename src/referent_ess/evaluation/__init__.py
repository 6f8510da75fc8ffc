"""Layer 2: the evaluation, pure and exact. No wording, no I/O: statuses, points, ranks and
awards as values, each with the code and figures a renderer needs to word it."""
