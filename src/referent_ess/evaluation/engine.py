"""The evaluation of a consultation, start to end: judge every offer on its own, rank every
lot, then award the lots. Pure: takes the configuration and the offers read from the workbook,
returns immutable results (:mod:`~referent_ess.evaluation.results`).

Each offer (a candidate's base offer or variant on a lot) is evaluated in its latest
negotiation round; its earlier rounds are judged and ranked as the lot stood then, and kept as
its history (:mod:`.rounds`).

Named ``engine``, not ``evaluate``: a module ``evaluate`` would shadow the function
``referent_ess.evaluate`` of the same name as soon as it is imported.
"""

import gc
from dataclasses import replace
from functools import partial

from referent_ess.config.model import Config, Lot
from referent_ess.evaluation.award import allocate
from referent_ess.evaluation.clean import LotRules, judge_clean
from referent_ess.evaluation.fast_rank import Judged, rank_judged
from referent_ess.evaluation.judge import judge
from referent_ess.evaluation.offer_warning import Source
from referent_ess.evaluation.ranking import rank_lot
from referent_ess.evaluation.results import Evaluation, LotResult, OfferResult, RoundStep
from referent_ess.evaluation.rounds import latest_rounds, with_base
from referent_ess.evaluation.vat_basis import vat_basis_warnings
from referent_ess.intake.offer import Offer
from referent_ess.intake.offers import OfferBook


def evaluate(config: Config, book: OfferBook, *, reference: bool = False) -> Evaluation:
    """:func:`_evaluate`, with Python's cyclic garbage collector paused meanwhile.

    Why: the evaluation builds a few objects per offer (its result, points, checks) and keeps
    them all, and creates no reference cycle; yet every few hundred allocations the collector
    runs, and its full passes walk every live object (the offers read, the results so far), so
    that at 100 000 offers it took 40 % of the evaluation's time, growing faster than the
    number of offers. Pausing it changes no result: it only defers collecting cyclic garbage,
    of which there is none here (and whatever a caller's cycles, they are collected once the
    collector runs again). Its previous state is restored, even on an exception."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        return _evaluate(config, book, reference=reference)
    finally:
        if enabled:
            gc.enable()


def _evaluate(config: Config, book: OfferBook, *, reference: bool) -> Evaluation:
    """Give every offer its status, prices and points, then rank each lot's admissible offers
    (and say when comparing HT hides a different first rank: :mod:`.vat_basis`).

    The common clean offer is judged on the fast path (:mod:`.clean`) and each lot ranked in
    integers (:mod:`.fast_rank`); every other offer, and every lot the fast path does not
    handle, by the reference (:func:`~.judge.judge`, :func:`~.ranking.rank_lot`), which
    ``reference=True`` uses for everything: the results are the same (a property test
    compares both)."""
    source = (str(book.path), book.sheet or None)
    finals, earlier = latest_rounds(book.offers)
    by_lot, unplaced, fast_ids = _judge_all(config, book, finals, source, reference=reference)
    ranked = []
    for lot in config.lots:
        # each lot's judged offers let go once it is ranked (see _judge_all)
        entries, unsure = by_lot.pop(lot.id), bool(unplaced)
        fast = lot.id in fast_ids
        lot_result = _rank(lot, entries, config, source, unsure, fast=fast)
        if earlier:
            lot_result = _with_history(lot_result, book.offers, earlier, config, source, unsure)
        warnings = vat_basis_warnings(
            lot_result,
            partial(_rank, lot, entries, source=source, unsure=unsure, fast=fast),
            config,
            source,
        )
        ranked.append(replace(lot_result, warnings=warnings) if warnings else lot_result)
    lots = allocate(tuple(ranked), config.consultation.max_lots_per_candidate, source)
    return Evaluation(config, book, lots, tuple(unplaced))


def _judge_all(
    config: Config, book: OfferBook, finals: list[Offer], source: Source, *, reference: bool
) -> tuple[dict[int, list[Judged]], list[OfferResult], frozenset[int]]:
    """Every final offer (its latest round) judged on its own: each lot's, in sheet order,
    the offers without a lot, and the lots the fast path ranks (:func:`_evaluate`).

    A function of its own for memory: the lots' rules (:class:`~.clean.LotRules`) hold the
    points of each combination of marks met, one per offer nearly in a lot of a few hundred
    offers, of no use to the ranking (which reads each clean offer's own); they go when it
    returns, as each lot's judged offers go once the lot is ranked, so that at 100 000 offers
    the results are built in the memory these leave, not beside them."""
    by_lot: dict[int, list[Judged]] = {lot.id: [] for lot in config.lots}
    rules = {lot.id: LotRules(lot, config) for lot in config.lots}
    unplaced: list[OfferResult] = []
    has_variants = any(offer.variant is not None for offer in book.offers)
    bases = with_base(book.offers) if has_variants else frozenset()
    # the lots the fast path judges: their rules, and where their clean offers go
    fast_lots = {
        lot_id: (lot_rules, by_lot[lot_id].append)
        for lot_id, lot_rules in rules.items()
        if lot_rules.usable and not reference
    }
    for offer in finals:
        fast_lot = fast_lots.get(offer.lot) if offer.lot is not None else None
        if fast_lot is not None:
            clean = judge_clean(offer, fast_lot[0])
            if clean is not None:
                fast_lot[1](clean)
                continue
        lot_rules = rules.get(offer.lot) if offer.lot is not None else None
        lot = lot_rules.lot if lot_rules is not None else None
        # whether the candidate made a base offer only matters to a variant
        has_base = offer.variant is None or _has_base(offer, bases)
        result = judge(offer, lot, config, source, has_base=has_base)
        (by_lot[lot.id] if lot is not None else unplaced).append(result)
    return by_lot, unplaced, frozenset(fast_lots)


def _rank(
    lot: Lot, entries: list[Judged], config: Config, source: Source, unsure: bool, *, fast: bool
) -> LotResult:
    """The lot ranked on the fast path, or by the reference (every entry is then a result of
    :func:`~.judge.judge`)."""
    if fast:
        return rank_judged(lot, entries, config, source, unsure=unsure)
    results = [entry for entry in entries if isinstance(entry, OfferResult)]
    assert len(results) == len(entries)
    return rank_lot(lot, results, config, source, unsure=unsure)


def _has_base(offer: Offer, bases: frozenset[tuple[str, int]]) -> bool:
    identity = offer.identity
    return identity is None or (identity[0], identity[1]) in bases


def _with_history(
    lot_result: LotResult,
    offers: tuple[Offer, ...],
    earlier: dict[int, list[Offer]],
    config: Config,
    source: Source,
    unsure: bool,
) -> LotResult:
    """The lot's offers with their earlier rounds: each round's offer judged on its own, then
    ranked among the lot's offers as they stood at that round (each identity's latest offer up
    to it), so that its points and rank are those it had then."""
    lot = lot_result.lot
    mine = [o for o in offers if o.lot == lot.id and o.identity is not None]
    if not any(o.row in earlier for o in mine):
        return lot_result
    bases = with_base(tuple(mine))
    judged = {o.row: judge(o, lot, config, source, has_base=_has_base(o, bases)) for o in mine}
    standing_at: dict[int, dict[int, OfferResult]] = {}
    for number in sorted({o.round for o in mine})[:-1]:
        standing_at[number] = _standing(lot, mine, judged, number, config, source, unsure)
    offers_now = []
    for result in lot_result.offers:
        rounds = earlier.get(result.offer.row)
        if not rounds:
            offers_now.append(result)
            continue
        history = []
        for offer in rounds:
            then = standing_at.get(offer.round, {}).get(offer.row, judged[offer.row])
            history.append(
                RoundStep(
                    offer.round,
                    offer.row,
                    then.status,
                    then.reasons,
                    then.price_ht,
                    then.price_ttc,
                    then.points,
                    then.total,
                    then.rank,
                )
            )
        offers_now.append(replace(result, history=tuple(history)))
    return replace(lot_result, offers=tuple(offers_now))


def _standing(
    lot: Lot,
    mine: list[Offer],
    judged: dict[int, OfferResult],
    number: int,
    config: Config,
    source: Source,
    unsure: bool,
) -> dict[int, OfferResult]:
    """The lot ranked as it stood at round ``number``: by row, each offer's result then."""
    latest: dict[tuple[str, int, str], int] = {}
    for offer in mine:
        identity = offer.identity
        assert identity is not None
        if offer.round <= number and offer.round >= latest.get(identity, 0):
            latest[identity] = offer.round
    standing = [
        judged[o.row] for o in mine if o.identity is not None and latest.get(o.identity) == o.round
    ]
    ranked = rank_lot(lot, standing, config, source, unsure=unsure)
    return {r.offer.row: r for r in ranked.offers}
