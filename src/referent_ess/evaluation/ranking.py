"""One lot ranked: price points among its admissible offers, totals, ranks (equal keys share a
rank), exact ties and what broke them, or, under a hierarchy of criteria, the criteria compared
one after the other. Abnormally low prices are flagged here, since they depend on the lot."""

from dataclasses import replace
from decimal import Decimal
from fractions import Fraction
from math import lcm

from referent_ess.config.choices import AbnormalMethod, Ordering, PriceBasis
from referent_ess.config.columns import price_cell
from referent_ess.config.model import Config, CriteriaSet, Lot
from referent_ess.evaluation import kernel as scoring
from referent_ess.evaluation.abnormally_low import MINIMUM_OFFERS, Suspicion, detect
from referent_ess.evaluation.offer_warning import Source, offer_warning
from referent_ess.evaluation.results import LotResult, OfferResult, Status, Tie
from referent_ess.problems.codes import Params
from referent_ess.problems.problem import Problem


def rank_lot(
    lot: Lot,
    results: list[OfferResult],
    config: Config,
    source: Source,
    *,
    unsure: bool,
) -> LotResult:
    """Price points among the lot's admissible offers, totals, then ranks (ties share a rank),
    on the lot's own criteria."""
    criteria = config.criteria_for(lot.id)
    criterion = criteria.price_criterion
    rule = criterion.price
    assert rule is not None
    admissible = [r for r in results if r.status is Status.ADMISSIBLE]
    prices = [_basis_price(r, rule.basis) for r in admissible]
    lowest = min(prices, default=None)
    highest = max(prices, default=None)

    method = config.consultation.abnormally_low
    flags = {s.index: s for s in detect(prices, method, config.consultation.abnormally_low_ratio)}
    weighted = config.ordering is Ordering.WEIGHTED
    if weighted:
        all_points, sums = _weighted_points(admissible, prices, config, criteria)
        tie_break = criteria.tie_break
        keys = [
            (total, *(points.get(c, _ZERO) for c in tie_break))
            for points, total in zip(all_points, sums, strict=True)
        ]
        totals: list[Fraction | None] = list(sums)
    else:  # a hierarchy: no points and no total, criteria compared one after the other
        all_points = [{} for _ in admissible]
        totals = [None] * len(admissible)
        keys = [
            _hierarchy_key(r, criteria, price) for r, price in zip(admissible, prices, strict=True)
        ]
    ranks = scoring.competition_ranks(keys)
    ranked = []
    for index, result in enumerate(admissible):
        warnings = result.warnings
        if index in flags:
            warnings += (
                _abnormally_low(result, flags[index], source, price_cell(lot.price_model)),
            )
        ranked.append(
            replace(
                result,
                warnings=warnings,
                points=all_points[index],
                total=totals[index],
                rank=ranks[index],
            )
        )
    ranked.sort(key=lambda r: (r.rank, r.offer.row))
    others = [r for r in results if r.status is not Status.ADMISSIBLE]
    ties = exact_ties(ranked, criteria.tie_break) if weighted else ()
    provisional = unsure or any(r.status is Status.INVALID for r in others)
    skipped: Params = ()
    if method is not AbnormalMethod.NONE and len(admissible) < MINIMUM_OFFERS:
        skipped = (
            ("count", str(MINIMUM_OFFERS)),
            ("method_part", f"abnormal-method.{method.value}"),
        )
    return LotResult(lot, tuple(ranked + others), lowest, highest, ties, provisional, skipped)


_ZERO = Fraction(0)


def _weighted_points(
    admissible: list[OfferResult], prices: list[Decimal], config: Config, criteria: CriteriaSet
) -> tuple[list[dict[str, Fraction]], list[Fraction]]:
    """Every admissible offer's points (its marks' and its price's) and total, in integers on
    common denominators where a lot has thousands of offers: the price share on whole cents,
    the marked leaves' points in units of 1/L, L the least common denominator of those in the
    lot. The total is the sum of the leaves' points: that of the top-level criteria, since a
    parent's points are exactly the sum of its children's."""
    criterion = criteria.price_criterion
    rule = criterion.price
    assert rule is not None
    maximum = scoring.max_points(config.total, criterion.weight)
    units, _ = scoring.whole_units(prices)
    p_min, p_max = min(units, default=0), max(units, default=0)
    factor = Fraction(rule.k)
    leaves = tuple(c.id for c in criteria.marked)
    in_units, unit = _mark_units(admissible, leaves)
    all_points: list[dict[str, Fraction]] = []
    totals: list[Fraction] = []
    for result, price in zip(admissible, units, strict=True):
        share, out_of = scoring.share_terms(rule.formula, price, p_min, p_max, factor)
        numerator, denominator = maximum.numerator * share, maximum.denominator * out_of
        marks = result.offer.marks
        marks_total = sum(in_units[c, marks[c]] for c in leaves)
        all_points.append({**result.points, criterion.id: Fraction(numerator, denominator)})
        totals.append(Fraction(marks_total * denominator + numerator * unit, unit * denominator))
    return all_points, totals


def _mark_units(
    results: list[OfferResult], leaves: tuple[str, ...]
) -> tuple[dict[tuple[str, Decimal | Fraction], int], int]:
    """The points of each (marked leaf, mark) met in ``results`` as integers of 1/L, and L."""
    distinct = {(c, r.offer.marks[c]): r.points[c] for r in results for c in leaves}
    unit = lcm(*(points.denominator for points in distinct.values()))
    return {key: p.numerator * (unit // p.denominator) for key, p in distinct.items()}, unit


def _abnormally_low(
    result: OfferResult, suspicion: Suspicion, source: Source, where: str
) -> Problem:
    """The flag of an abnormally low price: the figures, and what the law requires next; at the
    cell of the price (the day rate's, or the amount's of a lump sum)."""
    return offer_warning(result.offer, source, "abnormally-low", where, suspicion.params)


def exact_ties(ranked: list[OfferResult], tie_break: tuple[str, ...]) -> tuple[Tie, ...]:
    """Groups of offers with equal exact totals, each with what decided between them.

    ``ranked`` is sorted by total, so equal totals are neighbours: no hashing of fractions."""
    groups: list[list[OfferResult]] = []
    for result in ranked:
        if groups and _equal(groups[-1][0].total, result.total):
            groups[-1].append(result)
        else:
            groups.append([result])
    ties = []
    for group in groups:
        if len(group) < 2:
            continue
        decided_by = next(
            (
                criterion
                for criterion in tie_break
                if len({r.points.get(criterion) for r in group}) > 1
            ),
            None,
        )
        by_rank: dict[int | None, list[OfferResult]] = {}
        for result in group:
            by_rank.setdefault(result.rank, []).append(result)
        shared = tuple(tuple(same) for same in by_rank.values() if len(same) > 1)
        total = group[0].total
        assert total is not None
        ties.append(Tie(total, tuple(group), decided_by, shared))
    return tuple(ties)


def _equal(a: Fraction | None, b: Fraction | None) -> bool:
    """Fractions are kept in lowest terms: equal when their terms are (cheaper than ==)."""
    if a is None or b is None:
        return a is b
    return a.numerator == b.numerator and a.denominator == b.denominator


def _basis_price(result: OfferResult, basis: PriceBasis) -> Decimal:
    price = result.price_ht if basis is PriceBasis.HT else result.price_ttc
    assert price is not None  # an admissible offer has a price
    return price


def _hierarchy_key(
    result: OfferResult, criteria: CriteriaSet, price: Decimal
) -> tuple[Fraction, ...]:
    """Mark / scale of each marked criterion, and minus the price (lower is better), in the
    order the criteria are listed (a hierarchy has no sub-criteria)."""
    key = []
    for criterion in criteria.criteria:
        if criterion.is_price:
            key.append(-Fraction(price))
        else:
            key.append(Fraction(result.offer.marks[criterion.id]) / Fraction(criterion.scale))
    return tuple(key)
