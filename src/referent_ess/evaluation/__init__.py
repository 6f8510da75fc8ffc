"""Layer 2: the evaluation, pure and exact. No wording, no I/O: statuses, points, ranks and
awards as values, each with the code and figures a renderer needs to word it.

- ``results``: what the evaluation gives (Status, Reason, BudgetCheck, OfferResult, Tie,
  LotResult, Evaluation);
- ``engine``: ``evaluate(config, book)``, which runs the three steps below;
- ``judge``: one offer on its own (prices, VAT, deadline, documents, caps, marks);
- ``ranking``: one lot (price points, totals, ranks, ties, hierarchy, abnormally low prices);
- ``clean`` and ``fast_rank``: the fast path of those two for the common clean offer and a lot
  ranked in integers, giving exactly what they give (``evaluate(..., reference=True)`` runs
  ``judge`` and ``rank_lot`` alone: the reference);
- ``award``: who each lot goes to (max_lots_per_candidate);
- ``offer_warning``: a warning the evaluation itself finds about an offer, at its cell;
- ``kernel`` and ``abnormally_low``: the integer arithmetic of points and of suspicion;
- ``budget``: the budget check's verdicts and counts;
- ``lookup``: a lot, the chosen lots, a candidate's offer, as a command asks for them.

This package imports none of them, so that ``import referent_ess.evaluation.kernel`` stays
light; and no module is named ``evaluate``, so that ``referent_ess.evaluate`` stays the function.
"""
