"""How solid a lot's decision is: weight transfers, leave-one-out, random weights.

Every total is linear in the weights: an offer's total is ``total/100 × Σ w_c × s_c``, where
``s_c`` is its share of criterion ``c`` (mark / scale, or the price share, which depends on the
prices only). Moving ``t`` points of weight from criterion ``i`` to ``j`` changes the total of
offer ``o`` by ``total/100 × t × (s_oj − s_oi)``. The transfer at which another offer catches up
with the winner is therefore solved exactly, with fractions, never sampled.

In a criteria tree, weight moves between two top-level criteria (a criterion with
sub-criteria keeps how its weight is shared among them: its share ``s_c`` is its points over
its maximum, the weighted mean of theirs) and between two sub-criteria of the same criterion
(whose weight does not change). Random weightings move the top-level weights.
"""

import random
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from fractions import Fraction

from referent_ess.config.choices import Ordering
from referent_ess.config.model import Config, Criterion
from referent_ess.evaluation.engine import evaluate
from referent_ess.evaluation.kernel import competition_ranks, max_points
from referent_ess.evaluation.results import Evaluation, LotResult, OfferResult
from referent_ess.evaluation.rounds import with_base

MAX_SPREAD = 100  # points: a weight cannot move by more than the whole total


@dataclass(frozen=True)
class Transfer:
    """The smallest move of weight from one criterion to another that lets ``challenger`` catch
    up with the winner (equal totals; beyond it the challenger is ahead)."""

    source: str
    target: str
    points: Fraction  # percentage points of weight moved from source to target
    challenger: OfferResult


@dataclass(frozen=True)
class LeaveOneOut:
    removed: OfferResult
    winner: OfferResult | None  # the winner of the lot without the removed offer
    changed: bool


@dataclass(frozen=True)
class Sensitivity:
    lot: LotResult
    winner: OfferResult
    transfers: tuple[Transfer, ...]  # one per ordered pair of criteria that can flip the winner
    leave_one_out: tuple[LeaveOneOut, ...]
    samples: int
    wins: Mapping[int, int]  # row → number of random draws the offer won

    @property
    def margin(self) -> Fraction | None:
        """The winner holds as long as no weight moves by more than this many points."""
        return min((t.points for t in self.transfers), default=None)


class NotApplicable(ValueError):
    """Sensitivity needs one winner: not a provisional lot, not a tie at the top. ``reason`` is
    a stable name for the case (``hierarchy``, ``provisional``, ``no-winner``)."""

    def __init__(self, message: str, reason: str) -> None:
        super().__init__(message)
        self.reason = reason


def shares(result: OfferResult, config: Config) -> dict[str, Fraction]:
    """The offer's share (0 to 1) of each criterion of its lot, sub-criteria included, from its
    exact points."""
    return {
        c.id: result.points.get(c.id, Fraction(0)) / max_points(config.total, c.weight)
        for c in config.criteria_for(result.offer.lot).nodes
    }


def totals_with(
    ranked: Sequence[OfferResult], config: Config, weights: Mapping[str, Fraction]
) -> list[Fraction]:
    """Every ranked offer's total under other weights of the top-level criteria (same marks,
    same price shares; sub-criteria keep their share of their criterion's weight)."""
    scale = Fraction(config.total) / 100
    totals = []
    for result in ranked:
        share = shares(result, config)
        totals.append(scale * sum((w * share[c] for c, w in weights.items()), Fraction(0)))
    return totals


def analyse(
    evaluation: Evaluation, lot_id: int, *, samples: int = 0, spread: int = 10, seed: int = 1
) -> Sensitivity:
    """Transfers between every pair of criteria, leave-one-out, and (optionally) ``samples``
    random weightings, each weight moved by up to ``spread`` points (0 to :data:`MAX_SPREAD`)."""
    if not 0 <= spread <= MAX_SPREAD:
        raise ValueError(f"spread must be between 0 and {MAX_SPREAD} points, not {spread}")
    if samples < 0:
        raise ValueError(f"samples must be 0 or more, not {samples}")
    lot = evaluation.lot(lot_id)
    assert lot is not None
    config = evaluation.config
    if config.ordering is Ordering.HIERARCHY:
        raise NotApplicable("ordering: hierarchy has no weights to move", "hierarchy")
    if lot.provisional:
        raise NotApplicable("the ranking is provisional: correct the workbook first", "provisional")
    if len(lot.winners) != 1:
        raise NotApplicable(
            "no single winner (no admissible offer, or a tie for first place)", "no-winner"
        )
    winner = lot.winners[0]
    return Sensitivity(
        lot,
        winner,
        _transfers(lot, config, winner),
        _leave_one_out(evaluation, lot, winner),
        samples,
        _random_weights(lot, config, samples, spread, seed) if samples else {},
    )


def _transfers(lot: LotResult, config: Config, winner: OfferResult) -> tuple[Transfer, ...]:
    """Between every ordered pair of top-level criteria, then of sub-criteria of one
    criterion."""
    scale = Fraction(config.total) / 100
    found = []
    share_of = {r.offer.row: shares(r, config) for r in lot.ranked}
    lead = {r.offer.row: _total(winner) - _total(r) for r in lot.ranked if r is not winner}
    criteria = config.criteria_for(lot.lot.id)
    siblings = [criteria.criteria, *(n.sub_criteria for n in criteria.nodes if n.sub_criteria)]
    pairs = [(source, target) for group in siblings for source in group for target in group]
    for source, target in pairs:
        if source is target:
            continue
        best: tuple[Fraction, OfferResult] | None = None
        w_gain = share_of[winner.offer.row][target.id] - share_of[winner.offer.row][source.id]
        for other in lot.ranked:
            if other is winner:
                continue
            gain = share_of[other.offer.row][target.id] - share_of[other.offer.row][source.id]
            speed = scale * (gain - w_gain)
            if speed <= 0:
                continue
            needed = lead[other.offer.row] / speed
            if needed <= Fraction(source.weight) and (best is None or needed < best[0]):
                best = (needed, other)
        if best is not None:
            found.append(Transfer(source.id, target.id, best[0], best[1]))
    return tuple(found)


def _total(result: OfferResult) -> Fraction:
    assert result.total is not None  # ranked offers have a total
    return result.total


def _leave_one_out(
    evaluation: Evaluation, lot: LotResult, winner: OfferResult
) -> tuple[LeaveOneOut, ...]:
    """Relative price formulas depend on the other offers: removing one can change the winner.

    An offer is removed with every round of it (its earlier rounds would otherwise stand in for
    it). A base offer is removed as a competitor only: its candidate's variants keep the
    standing they have beside it (otherwise ``variant_needs_base`` would make them irregular,
    and a winning variant would seem to lose to the removal of its own base offer)."""
    found = []
    book = evaluation.book
    for removed in lot.ranked:
        if removed is winner:
            continue
        gone = removed.offer.identity
        config, offers = evaluation.config, book.offers
        kept = tuple(o for o in offers if o.row != removed.offer.row and o.identity != gone)
        if gone is not None and removed.offer.variant is None and lot.lot.variant_needs_base:
            config = _variants_need_no_base(config, lot.lot.id)
            # the lot's variants without a base offer were irregular: they stay out
            bases = with_base(offers)
            kept = tuple(
                o
                for o in kept
                if o.lot != lot.lot.id
                or o.variant is None
                or (o.identity is not None and o.identity[:2] in bases)
            )
        again = evaluate(config, replace(book, offers=kept)).lot(lot.lot.id)
        assert again is not None
        new_winner = again.winners[0] if len(again.winners) == 1 else None
        changed = new_winner is None or new_winner.offer.row != winner.offer.row
        found.append(LeaveOneOut(removed, new_winner, changed))
    return tuple(found)


def _variants_need_no_base(config: Config, lot_id: int) -> Config:
    lots = tuple(
        replace(lot, variant_needs_base=False) if lot.id == lot_id else lot for lot in config.lots
    )
    return replace(config, lots=lots)


def _jitter(draw: random.Random, spread: int) -> Fraction:
    """A move of weight between −spread and +spread points, to the hundredth."""
    return Fraction(draw.randint(-spread * 100, spread * 100), 100)


def _draw_weights(
    draw: random.Random, criteria: Sequence[Criterion], spread: int
) -> dict[str, Fraction]:
    """One random weighting of ``criteria`` (the top-level ones): each weight moved by up to
    ``spread`` points, never below 0. A draw that leaves no weight at all is no weighting: it is
    drawn again (each weight falls to 0 with a probability below one half, so this ends)."""
    while True:
        moved = {
            c.id: max(Fraction(0), Fraction(c.weight) + _jitter(draw, spread)) for c in criteria
        }
        if any(moved.values()):
            return moved


def _random_weights(
    lot: LotResult, config: Config, samples: int, spread: int, seed: int
) -> dict[int, int]:
    """Seeded draws of weights within ±spread points, renormalised to 100: who wins how often."""
    draw = random.Random(seed)
    wins = {r.offer.row: 0 for r in lot.ranked}
    criteria = config.criteria_for(lot.lot.id)
    # a tie-break node's points follow its top-level criterion's weight: (node, its top, w / w_top)
    tops = {n.id: (top.id, top.weight) for top in criteria.criteria for n in top.walk()}
    breaks = []
    for c in criteria.tie_break:
        node = criteria.node(c)
        assert node is not None
        top, top_weight = tops[c]
        breaks.append((c, top, Fraction(node.weight) / Fraction(top_weight)))
    share_of = {r.offer.row: shares(r, config) for r in lot.ranked}
    for _ in range(samples):
        moved = _draw_weights(draw, criteria.criteria, spread)
        total = sum(moved.values(), Fraction(0))
        weights = {c: w * 100 / total for c, w in moved.items()}
        totals = totals_with(lot.ranked, config, weights)
        keys = [
            (t, *(weights[top] * part * share_of[r.offer.row][c] for c, top, part in breaks))
            for t, r in zip(totals, lot.ranked, strict=True)
        ]
        for rank, result in zip(competition_ranks(keys), lot.ranked, strict=True):
            if rank == 1:
                wins[result.offer.row] += 1
    return wins
