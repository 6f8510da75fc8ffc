"""One lot ranked in integers: the fast path of :func:`~.ranking.rank_lot`, for a lot ranked on
weighted points, whose offers were judged either by :func:`~.clean.judge_clean` (the common
clean offer) or by :func:`~.judge.judge` (every other).

It gives exactly what ``rank_lot`` gives on the same offers all judged by ``judge`` (a property
test compares both on random consultations), with less work per offer:

- prices in whole cents, computed once for the price points and the abnormally low check;
- a total as an integer pair N/D (the marks' points of each combination of marks summed once,
  the price points over ``max × share``), ordered by the float N / D, which is correctly
  rounded and so never reverses two different totals; equal floats only are compared exactly
  (:func:`~.kernel.ranked_order`), and exact ties looked for only among equal floats;
- the Fractions a result holds (its price points, its total) built from their reduced terms
  (:func:`~.kernel.fraction`); no Fraction or Suspicion per abnormally low price, only the
  figures of its warning (:func:`~.abnormally_low.flagged_units`), built by one
  :func:`~.offer_warning.offer_warnings` for the lot;
- one result built per offer, with its final points, total and rank (no copy of a result),
  in sheet order, where its figures lie next to the last one's, then put in rank order
  (the stable sort keeps offers of one rank in sheet order: no sort by rank and row).
"""

from collections.abc import Sequence
from dataclasses import fields, replace
from decimal import Decimal
from fractions import Fraction
from operator import attrgetter, ge
from typing import cast

from referent_ess.config.choices import AbnormalMethod, PriceBasis, PriceFormula, PriceModel
from referent_ess.config.columns import price_cell
from referent_ess.config.model import Config, Lot
from referent_ess.evaluation import kernel as scoring
from referent_ess.evaluation.abnormally_low import MINIMUM_OFFERS, flagged_units
from referent_ess.evaluation.clean import Clean
from referent_ess.evaluation.offer_warning import Source, offer_warnings
from referent_ess.evaluation.ranking import exact_ties
from referent_ess.evaluation.results import BudgetCheck, LotResult, OfferResult, Status
from referent_ess.intake.offer import Offer
from referent_ess.problems.codes import Params
from referent_ess.problems.problem import Problem

Judged = Clean | OfferResult  # an offer of the lot judged, on the fast path or the reference
_ZERO = Fraction(0)


def rank_judged(
    lot: Lot, judged: Sequence[Judged], config: Config, source: Source, *, unsure: bool
) -> LotResult:
    """The lot ranked (weighted points only): what :func:`~.ranking.rank_lot` gives on the
    same offers judged by :func:`~.judge.judge`. ``judged`` is in sheet order."""
    criteria = config.criteria_for(lot.id)
    criterion = criteria.price_criterion
    rule = criterion.price
    assert rule is not None
    admissible = [j for j in judged if isinstance(j, Clean) or j.status is Status.ADMISSIBLE]
    basis = "price_ht" if rule.basis is PriceBasis.HT else "price_ttc"
    prices: list[Decimal] = list(map(attrgetter(basis), admissible))
    assert None not in prices  # an admissible offer has a price
    units, places = cents(prices)
    method = config.consultation.abnormally_low
    flags = flagged_units(units, places, method, config.consultation.abnormally_low_ratio)
    maximum = scoring.max_points(config.total, criterion.weight)
    p_min, p_max = min(units, default=0), max(units, default=0)
    price_n, price_d = _price_terms(rule.formula, units, p_min, p_max, Fraction(rule.k), maximum)
    leaves = tuple(c.id for c in criteria.marked)
    approx: list[float] = []
    price_points: list[Fraction] = []
    totals: list[Fraction] = []
    fraction = scoring.fraction
    for one, numerator, denominator in zip(admissible, price_n, price_d, strict=True):
        a, b = one.marks_sum if isinstance(one, Clean) else _marks_sum(one, leaves)
        # total = a/b + numerator/denominator, over b × denominator
        total_n, total_d = a * denominator + numerator * b, b * denominator
        approx.append(total_n / total_d)
        price_points.append(fraction(numerator, denominator))
        totals.append(fraction(total_n, total_d))
    tie_break = criteria.tie_break
    price_id = criterion.id

    def exact_key(index: int) -> tuple[Fraction, ...]:
        """The reference's sort key: the total, then the tie-break criteria's points."""
        points = admissible[index].points
        return (
            totals[index],
            *(price_points[index] if c == price_id else points.get(c, _ZERO) for c in tie_break),
        )

    order, ranks, runs = scoring.ranked_order(approx, exact_key)
    warn = offer_warnings(source, "abnormally-low", price_cell(lot.price_model))
    built: list[OfferResult] = []
    # in sheet order, each offer's figures next to the last one's (in rank order they are
    # scattered through memory, and reading them took twice as long), then put in rank order
    for one, points_now, total, rank, flag in zip(
        admissible,
        price_points,
        totals,
        ranks,
        map(flags.get, range(len(admissible))),
        strict=True,
    ):
        points = {**one.points, price_id: points_now}
        if isinstance(one, Clean):
            warnings: tuple[Problem, ...] = () if flag is None else (warn(one.offer, flag),)
            built.append(_new_result(one, warnings, points, total, rank))
            continue
        warnings = one.warnings if flag is None else (*one.warnings, warn(one.offer, flag))
        built.append(replace(one, warnings=warnings, points=points, total=total, rank=rank))
    # best first; of one rank, in the order of admissible (see below)
    ranked = list(map(built.__getitem__, order))
    rows = [one.offer.row for one in admissible]
    if any(map(ge, rows, rows[1:])):  # pragma: no cover - judged is in sheet order
        ranked.sort(key=_rank_then_row)
        ties = exact_ties(ranked, tie_break)
    else:  # of one rank in row order already (ranked_order is stable), and equal totals have
        # equal floats: exact ties are within the runs of equal floats
        ties = tuple(tie for start, end in runs for tie in exact_ties(ranked[start:end], tie_break))
    others = [j for j in judged if isinstance(j, OfferResult) and j.status is not Status.ADMISSIBLE]
    provisional = unsure or any(r.status is Status.INVALID for r in others)
    skipped: Params = ()
    if method is not AbnormalMethod.NONE and len(admissible) < MINIMUM_OFFERS:
        skipped = (
            ("count", str(MINIMUM_OFFERS)),
            ("method_part", f"abnormal-method.{method.value}"),
        )
    # min() and max() of the prices, found among their units: equal units, equal prices, and
    # index() gives the first, as min() and max() do
    lowest = prices[units.index(p_min)] if prices else None
    highest = prices[units.index(p_max)] if prices else None
    return LotResult(lot, (*ranked, *others), lowest, highest, ties, provisional, skipped)


def _price_terms(
    formula: PriceFormula,
    units: list[int],
    p_min: int,
    p_max: int,
    factor: Fraction,
    maximum: Fraction,
) -> tuple[list[int], list[int]]:
    """Each price's points, max × share, as (numerators, denominators), not reduced:
    :func:`~.kernel.share_terms` times the maximum, the common formulas a list at a time."""
    top, bottom = maximum.numerator, maximum.denominator
    count = len(units)
    if formula is PriceFormula.PROPORTIONAL:  # Pmin / P
        return [top * p_min] * count, [bottom * unit for unit in units]
    if formula is PriceFormula.LINEAR and p_max == p_min:  # 1 for every offer
        return [top] * count, [bottom] * count
    numerators, denominators = [], []
    for unit in units:
        share, out_of = scoring.share_terms(formula, unit, p_min, p_max, factor)
        numerators.append(top * share)
        denominators.append(bottom * out_of)
    return numerators, denominators


def _marks_sum(result: OfferResult, leaves: tuple[str, ...]) -> tuple[int, int]:
    """Σ the points of the marked leaves of an offer judged by ``judge``: (n, d)."""
    summed = sum((result.points[c] for c in leaves), _ZERO)
    return summed.numerator, summed.denominator


def cents(prices: Sequence[Decimal]) -> tuple[list[int], int]:
    """:func:`~.kernel.whole_units` of prices, faster for prices to the cent (all, but a lump
    sum typed to the euro or to the tenth): a price's exact ratio n/d has d dividing 100 when
    it has at most two decimals, and is then n × (100 / d) cents. Otherwise (more decimals) the
    general way."""
    units = []
    for price in prices:
        numerator, denominator = price.as_integer_ratio()
        if 100 % denominator:
            return scoring.whole_units(prices)
        units.append(numerator * (100 // denominator))
    return units, 2


_FIELDS = (
    "offer",
    "status",
    "reasons",
    "warnings",
    "vat_rate",
    "price_ht",
    "price_ttc",
    "budget",
    "points",
    "total",
    "rank",
    "history",
    "price_model",
    "schedule",
    "pse",
    "base_ht",
    "base_ttc",
)
if tuple(f.name for f in fields(OfferResult)) != _FIELDS or OfferResult.__slots__ != _FIELDS:
    raise AssertionError("OfferResult's fields changed: update _new_result")  # pragma: no cover


class _Unfinished:
    """A result being built: OfferResult's slots, in its order, but writable. Each is set as
    any attribute is (the quickest way to fill a slot), then the object becomes the
    OfferResult it now is (:func:`_new_result`)."""

    __slots__ = _FIELDS
    offer: Offer
    status: Status
    reasons: tuple[()]
    warnings: tuple[Problem, ...]
    vat_rate: Decimal
    price_ht: Decimal
    price_ttc: Decimal
    budget: tuple[BudgetCheck, ...]
    points: dict[str, Fraction]
    total: Fraction
    rank: int
    history: tuple[()]
    price_model: PriceModel
    schedule: None
    pse: tuple[()]
    base_ht: None
    base_ttc: None


def _new_result(
    clean: Clean,
    warnings: tuple[Problem, ...],
    points: dict[str, Fraction],
    total: Fraction,
    rank: int,
) -> OfferResult:
    """The result of a clean offer, ranked: ``OfferResult(offer, Status.ADMISSIBLE, (),
    warnings, ..., rank)`` with no history, schedule or PSE, built at a third of the cost: a
    hundred thousand offers have as many results.

    Why it is the same object: OfferResult is a frozen dataclass with slots and no
    ``__post_init__``; its generated ``__init__`` only calls ``object.__setattr__(self, name,
    value)`` for each field, which stores the value in that field's slot. Here each slot is
    filled in an :class:`_Unfinished`, whose slots are the same, in the same order (the check
    above refuses any change of OfferResult's); then its class is set to OfferResult, which
    Python allows exactly between classes of the same layout (same base, same slots), and
    which changes nothing but the class. A test compares both ways of building one."""
    result = _Unfinished()
    result.offer = clean.offer
    result.status = Status.ADMISSIBLE
    result.reasons = ()
    result.warnings = warnings
    result.vat_rate = clean.vat_rate
    result.price_ht = clean.price_ht
    result.price_ttc = clean.price_ttc
    result.budget = clean.budget
    result.points = points
    result.total = total
    result.rank = rank
    result.history = ()  # an offer of round 1 has no earlier round
    result.price_model = clean.price_model
    result.schedule = None  # a day rate or a lump sum has no lines
    result.pse = ()  # its lot has no PSE: no base price apart either
    result.base_ht = None
    result.base_ttc = None
    result.__class__ = OfferResult  # type: ignore[assignment]
    return cast(OfferResult, result)


def _rank_then_row(result: OfferResult) -> tuple[int, int]:
    assert result.rank is not None
    return result.rank, result.offer.row
