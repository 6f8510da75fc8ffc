"""The fast path of :func:`~referent_ess.evaluation.judge.judge` for the common clean offer.

A consultation of a hundred thousand offers is mostly offers with nothing to say: every cell
read, priced by a day rate or a lump sum, on time, every document, within the caps, every mark.
Such an offer is admissible with no reason and no warning, and judging it only needs its prices
and its marks' points. :func:`judge_clean` does just that, with what the lot's offers share
computed once (:class:`LotRules`), and returns ``None`` for any offer that is not of that kind:
the caller then judges it with :func:`~referent_ess.evaluation.judge.judge`, the reference,
which says everything there is to say. So an unusual offer costs what it did, and a clean one
gets exactly the figures ``judge`` would give it (a property test compares both on random
consultations: ``tests/evaluation/test_fast_kernel_equivalence.py``).

The money stays in :class:`~decimal.Decimal`, computed by the same operations as ``judge``'s
(:func:`~referent_ess.base.exact.price_ht` and :func:`~referent_ess.base.exact.price_ttc`,
written out in :func:`judge_clean`): identical, and cheap (decimal is C).
"""

from collections.abc import Callable, Mapping
from dataclasses import fields
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction
from operator import itemgetter
from typing import NamedTuple

from referent_ess.config.choices import CapBasis, Ordering, PriceBasis, PriceModel
from referent_ess.config.model import Config, CriteriaSet, Lot
from referent_ess.evaluation.judge import lateness, mark_points, points_for
from referent_ess.evaluation.results import BudgetCheck
from referent_ess.intake.offer import Offer

_CENT = Decimal("0.01")
_FAST_MODELS = frozenset({PriceModel.DAY_RATE, PriceModel.LUMP_SUM})


class Clean(NamedTuple):
    """A clean offer judged: admissible, no reason, no warning; what its result holds before
    the ranking (the names are :class:`~.results.OfferResult`'s, which the ranking reads). A
    named tuple, since one is built per offer: a tuple is the cheapest immutable record."""

    offer: Offer
    vat_rate: Decimal
    price_ht: Decimal
    price_ttc: Decimal
    budget: tuple[BudgetCheck, ...]
    points: dict[str, Fraction]  # its marks' points, in the order ``judge`` gives them
    marks_sum: tuple[int, int]  # Σ its marked leaves' points: numerator, denominator
    price_model: PriceModel


class LotRules:
    """What every offer of one lot is judged against, looked up once per lot: its criteria,
    documents, deadline, caps. ``usable`` is False for a lot the fast path does not handle at
    all (a price model with lines or PSE, a hierarchy of criteria): its offers all go to
    ``judge``."""

    __slots__ = (
        "_by_mark",
        "basis",
        "cap_ht",
        "cap_ttc",
        "checks",
        "combinations",
        "config",
        "criteria",
        "deadline",
        "deadline_day",
        "documents",
        "flat",
        "leaves",
        "lot",
        "marks_of",
        "model",
        "thresholds",
        "total",
        "usable",
        "vat",
    )

    def __init__(self, lot: Lot, config: Config) -> None:
        consultation = config.consultation
        self.lot = lot
        self.config = config
        self.criteria: CriteriaSet = config.criteria_for(lot.id)
        self.model = lot.price_model
        self.usable = (
            self.model in _FAST_MODELS and not lot.pse and config.ordering is Ordering.WEIGHTED
        )
        self.vat = consultation.vat_rate
        self.deadline = consultation.deadline_of(1)
        deadline = self.deadline
        # a deadline that is a day (not a moment): an offer received on a day is late after it
        self.deadline_day = deadline if type(deadline) is date else None
        self.documents = config.documents_for(lot.id)
        self.basis = consultation.cap_basis
        self.cap_ht, self.cap_ttc = lot.cap_ht, lot.cap_ttc
        # which caps are checked, as judge lists them: HT first
        self.checks = (
            self.basis is not CapBasis.TTC,
            self.basis is not CapBasis.HT,
        )
        self.leaves = tuple((c.id, c.scale, c.weight) for c in self.criteria.marked)
        self.flat = self.criteria.is_flat
        self.thresholds = tuple(
            (c.id, c.min_points) for c in self.criteria.thresholds if c.min_points is not None
        )
        self.total = config.total
        # flat criteria without thresholds: each leaf's points by mark (marks take few values)
        self._by_mark: tuple[dict[Decimal | Fraction, tuple[Fraction, int, int]], ...] = tuple(
            {} for _ in self.leaves
        )
        # the marks' points of each combination of marks met (a few thousand at most in a
        # lot of a hundred thousand offers): its marks' tuple, by one itemgetter call
        leaf_ids = tuple(leaf for leaf, _, _ in self.leaves)
        self.marks_of: Callable[[Mapping[str, Decimal | Fraction]], object] = (
            itemgetter(*leaf_ids) if leaf_ids else _no_marks
        )
        self.combinations: dict[object, tuple[dict[str, Fraction], tuple[int, int]] | None] = {}

    def points(self, offer: Offer) -> tuple[dict[str, Fraction], tuple[int, int]] | None:
        """The offer's marks' points as :func:`~.judge.judge` gives them, and their sum as an
        integer pair (numerator, denominator), not reduced; None when a mark is missing or a
        threshold is not met (``judge`` says why). Worked out once per combination of marks
        (the dict of points is then shared by the offers of that combination: the ranking
        copies it, never changes it)."""
        try:  # no marked criterion (a lot judged on its price alone): one combination, ()
            key = self.marks_of(offer.marks)
        except KeyError:  # a mark missing
            return None
        combinations = self.combinations
        if key in combinations:
            return combinations[key]
        got = self._leaf_points(offer) if self.flat and not self.thresholds else None
        if got is None:
            got = self._points_of(offer)
        combinations[key] = got
        return got

    def _leaf_points(self, offer: Offer) -> tuple[dict[str, Fraction], tuple[int, int]] | None:
        """Flat criteria without thresholds: each leaf's points, from its mark (each mark met
        converted once), and their sum."""
        marks = offer.marks
        points = {}
        numerator, denominator = 0, 1
        for (leaf, scale, weight), known in zip(self.leaves, self._by_mark, strict=True):
            mark = marks.get(leaf)
            if mark is None:
                return None
            if mark not in known:
                got = points_for(mark, scale, self.total, weight)
                known[mark] = got, got.numerator, got.denominator
            fraction, n, d = known[mark]
            points[leaf] = fraction
            numerator, denominator = numerator * d + n * denominator, denominator * d
        return points, (numerator, denominator)

    def _points_of(self, offer: Offer) -> tuple[dict[str, Fraction], tuple[int, int]] | None:
        """The points of one combination of marks, by the reference's own function, and
        whether they meet every threshold (exactly: at the threshold, it passes)."""
        points, unmarked = mark_points(offer, self.config)
        if unmarked:
            return None
        for criterion, threshold in self.thresholds:
            got = points.get(criterion)
            if got is not None and got < threshold:
                return None
        summed = sum((points[leaf] for leaf, _, _ in self.leaves), Fraction(0))
        return points, (summed.numerator, summed.denominator)


if tuple(f.name for f in fields(BudgetCheck)) != ("basis", "price", "cap"):  # pragma: no cover
    raise AssertionError("BudgetCheck's fields changed: update _budget_check")
_BASIS, _PRICE, _CAP = (getattr(BudgetCheck, name).__set__ for name in ("basis", "price", "cap"))


def _budget_check(basis: PriceBasis, price: Decimal, cap: Decimal) -> BudgetCheck:
    """``BudgetCheck(basis, price, cap)``, at a third of the cost, as :func:`~.fast_rank.
    _new_result` builds a result: a frozen dataclass with slots and no ``__post_init__``, whose
    ``__init__`` only sets each slot (the check above refuses a changed list of fields; a test
    compares both ways)."""
    check: BudgetCheck = _new(BudgetCheck)
    _BASIS(check, basis)
    _PRICE(check, price)
    _CAP(check, cap)
    return check


_new = object.__new__


def _no_marks(_marks: Mapping[str, Decimal | Fraction]) -> tuple[()]:
    """The combination of marks of an offer of a lot without marked criterion: none."""
    return ()


def judge_clean(offer: Offer, rules: LotRules) -> Clean | None:
    """The judgement of an offer of ``rules.lot`` with nothing to say (see the module's
    docstring), or None for any other: every condition below is one under which
    :func:`~.judge.judge` would add a reason or a warning, or compute the price otherwise.

    Written out in one function (the price, the lateness, the documents, the caps, the marks'
    points found for the combination met before): it runs once per offer of the consultation,
    where each call of a helper would cost as much as what it does."""
    if (
        offer.problems  # a cell in error or a warning read from the workbook
        or offer.variant is not None
        or offer.round != 1
        or offer.jury_decision is not None
        or offer.lines is not None
        or offer.pse
    ):
        return None
    stated = offer.price_ht_stated
    if rules.model is PriceModel.LUMP_SUM:
        amount_ht = stated
        if amount_ht is None:
            return None
    else:  # price_ht(rate, days), above 0 and within a cent of the stated total if any
        rate, days = offer.day_rate_ht, offer.days
        if rate is None or days is None:
            return None
        amount_ht = (rate * days).quantize(_CENT, ROUND_HALF_UP)
        if amount_ht <= 0 or (stated is not None and abs(stated - amount_ht) > _CENT):
            return None
    vat = offer.vat_rate
    if vat is None:
        vat = rules.vat
    amount_ttc = (amount_ht * (1 + vat)).quantize(_CENT, ROUND_HALF_UP)  # price_ttc
    received, day = offer.received_at, rules.deadline_day
    if received is not None:  # lateness(offer, rules.deadline) is not False, for a day quickly
        if day is not None and type(received) is date:
            if received > day:
                return None
        elif lateness(offer, rules.deadline) is not False:
            return None
    # a required document marked absent (False; an unknown one is None): the values are
    # booleans, so ``False in`` (identity, then equality) finds exactly those
    if False in map(offer.documents.get, rules.documents):
        return None
    within_ht = amount_ht <= rules.cap_ht
    if within_ht != (amount_ttc <= rules.cap_ttc) or not within_ht:  # over, or other-cap
        return None
    check_ht, check_ttc = rules.checks
    budget: tuple[BudgetCheck, ...]
    if check_ht and check_ttc:
        budget = (
            _budget_check(PriceBasis.HT, amount_ht, rules.cap_ht),
            _budget_check(PriceBasis.TTC, amount_ttc, rules.cap_ttc),
        )
    elif check_ht:
        budget = (_budget_check(PriceBasis.HT, amount_ht, rules.cap_ht),)
    else:
        budget = (_budget_check(PriceBasis.TTC, amount_ttc, rules.cap_ttc),)
    try:  # the combination of marks met before: its points (rules.points, without a call)
        marked = rules.combinations[rules.marks_of(offer.marks)]
    except KeyError:  # a mark missing, or a combination not met yet
        marked = rules.points(offer)
    if marked is None:
        return None
    points, marks_sum = marked
    return _new_clean(
        Clean, (offer, vat, amount_ht, amount_ttc, budget, points, marks_sum, rules.model)
    )


_new_clean = tuple.__new__  # Clean(...) without the named tuple's own __new__ (a Python call)
