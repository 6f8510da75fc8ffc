"""Statuses, prices, points, totals and ranks: the evaluation of every offer, lot by lot.

Pure: takes the configuration and the offers read from the workbook, returns immutable results
that every output (tables, JSON, CSV, Markdown) is rendered from.
"""

from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import date, datetime
from decimal import Decimal
from enum import StrEnum
from fractions import Fraction
from functools import cached_property, lru_cache
from math import lcm
from typing import Any

from referent_ess.base.exact import price_ht, price_ttc
from referent_ess.base.normalise import normalise
from referent_ess.config.choices import AbnormalMethod, CapBasis, Ordering, PriceBasis
from referent_ess.config.consultation import Config, Lot
from referent_ess.evaluation import kernel as scoring
from referent_ess.evaluation.abnormally_low import MINIMUM_OFFERS, Suspicion, detect
from referent_ess.intake.offers import Offer, OfferBook
from referent_ess.problems.codes import kind_of
from referent_ess.problems.problem import Problem, english

Params = tuple[tuple[str, str], ...]


class Status(StrEnum):
    """An offer's status: the first that applies, in this order."""

    INVALID = "invalid"
    LATE = "late"
    INCOMPLETE = "incomplete"
    OVER_CAP = "over_cap"
    ADMISSIBLE = "admissible"


_SEVERITY = {status: order for order, status in enumerate(Status)}  # the first one applies

LEGAL_BASIS: dict[Status, str] = {
    Status.LATE: (
        "offre hors délai, éliminée : art. R2143-2 et R2151-5 du Code de la commande publique"
    ),
    Status.INCOMPLETE: (
        "offre irrégulière : art. L2152-2 du Code de la commande publique "
        "(l'acheteur peut en autoriser la régularisation : art. R2152-2)"
    ),
    Status.OVER_CAP: "offre inacceptable : art. L2152-3 du Code de la commande publique",
}


@dataclass(frozen=True, slots=True, init=False)
class Reason:
    """Why an offer is not admissible. ``code`` is stable; ``status`` is the status it leads to;
    ``params`` are the figures of its message, which the catalogues word."""

    code: str
    status: Status
    cell: str | None
    field: str | None
    params: Params

    def __init__(
        self,
        code: str,
        status: Status,
        *legacy: Any,  # TODO(wording): remove after merge: Reason(code, status, text, cell, ...)
        params: Params = (),
        cell: str | None = None,
        field: str | None = None,
    ) -> None:
        given = dict(zip(("cell", "field", "params"), legacy[1:], strict=False))
        kind_of(code, given.get("params", params))  # a code the registry does not list is a bug
        object.__setattr__(self, "code", code)
        object.__setattr__(self, "status", status)
        object.__setattr__(self, "cell", given.get("cell", cell))
        object.__setattr__(self, "field", given.get("field", field))
        object.__setattr__(self, "params", given.get("params", params))

    @property
    def message(self) -> str:
        """The English text (JSON and CSV keep it whatever the language)."""
        return english(self.code, self.params)

    @property
    def legal_basis(self) -> str | None:
        return LEGAL_BASIS.get(self.status)


@dataclass(frozen=True, slots=True)
class BudgetCheck:
    """An offer's price against one of its lot's caps."""

    basis: PriceBasis
    price: Decimal
    cap: Decimal

    @property
    def margin(self) -> Decimal:
        return self.cap - self.price

    @property
    def within(self) -> bool:
        return self.price <= self.cap


@dataclass(frozen=True, slots=True)
class OfferResult:
    offer: Offer
    status: Status
    reasons: tuple[Reason, ...]
    warnings: tuple[Problem, ...]
    vat_rate: Decimal | None  # the rate applied: the offer's, else the consultation's
    price_ht: Decimal | None
    price_ttc: Decimal | None
    budget: tuple[BudgetCheck, ...]
    points: Mapping[str, Fraction]  # what could be computed; price points only when admissible
    total: Fraction | None = None  # admissible offers only
    rank: int | None = None  # admissible offers only

    @property
    def candidate(self) -> str:
        return self.offer.candidate or f"(row {self.offer.row})"

    @property
    def over_cap(self) -> bool:
        return any(not check.within for check in self.budget)


@dataclass(frozen=True)
class Tie:
    """Ranked offers with exactly the same total: the first tie-break criterion whose points
    differ among them (``None`` if none does), and the groups that still share a rank."""

    total: Fraction
    offers: tuple[OfferResult, ...]
    decided_by: str | None
    shared: tuple[tuple[OfferResult, ...], ...]


@dataclass(frozen=True)
class LotResult:
    lot: Lot
    offers: tuple[OfferResult, ...]  # ranked offers in rank order, then the others in sheet order
    lowest_price: Decimal | None  # Pmin among admissible offers, on the price criterion's basis
    highest_price: Decimal | None
    ties: tuple[Tie, ...] = ()
    provisional: bool = False  # some offer of the lot (or without a lot) could not be evaluated
    # why abnormally-low detection did not apply, if it did not: the figures of its message
    abnormal_params: Params = ()
    award: "OfferResult | None" = None  # the offer the lot goes to, when that can be said
    # why there is no award, or why it is not the first ranked: the form and figures of its note
    award_params: Params = ()

    @property
    def abnormal_note(self) -> str | None:
        """In English (the JSON keeps it): ``abnormally-low-skipped``, or None."""
        return (
            english("abnormally-low-skipped", self.abnormal_params)
            if self.abnormal_params
            else None
        )

    @property
    def award_note(self) -> str | None:
        """In English (the JSON keeps it): ``award-note``, or None."""
        return english("award-note", self.award_params) if self.award_params else None

    @cached_property
    def ranked(self) -> tuple[OfferResult, ...]:
        return tuple(o for o in self.offers if o.rank is not None)

    @cached_property
    def excluded(self) -> tuple[OfferResult, ...]:
        return tuple(o for o in self.offers if o.rank is None)

    @cached_property
    def winners(self) -> tuple[OfferResult, ...]:
        """The offers ranked first (more than one only when a tie survives the tie-break)."""
        return tuple(o for o in self.offers if o.rank == 1)


@dataclass(frozen=True)
class Evaluation:
    config: Config
    book: OfferBook
    lots: tuple[LotResult, ...]
    unplaced: tuple[OfferResult, ...]  # offers whose lot could not be read

    def lot(self, lot_id: int) -> LotResult | None:
        return next((result for result in self.lots if result.lot.id == lot_id), None)


def evaluate(config: Config, book: OfferBook) -> Evaluation:
    """Give every offer its status, prices and points, then rank each lot's admissible offers."""
    by_lot: dict[int, list[OfferResult]] = {lot.id: [] for lot in config.lots}
    unplaced: list[OfferResult] = []
    source = (str(book.path), book.sheet or None)
    for offer in book.offers:
        lot = config.lot(offer.lot) if offer.lot is not None else None
        result = _judge(offer, lot, config, source)
        (by_lot[lot.id] if lot is not None else unplaced).append(result)
    lots = tuple(
        _rank_lot(lot, by_lot[lot.id], config, source, unsure=bool(unplaced)) for lot in config.lots
    )
    lots = _allocate(lots, config.consultation.max_lots_per_candidate, source)
    return Evaluation(config, book, lots, tuple(unplaced))


def _allocate(
    lots: tuple[LotResult, ...], limit: int | None, source: tuple[str, str | None]
) -> tuple[LotResult, ...]:
    """Who each lot goes to: its single first-ranked offer, or, with a limit of lots per
    candidate, the best-ranked offer whose candidate has not reached it, lot by lot in id
    order. An offer passed over this way says why."""
    if limit is None:  # no limit: the lot goes to its single first-ranked offer
        return tuple(_award_first(lot) for lot in lots)
    held: dict[str, list[int]] = {}
    allocated = []
    for lot in lots:
        if lot.provisional:
            allocated.append(replace(lot, **_note("provisional")))
            continue
        passed_over: dict[int, Problem] = {}
        award: OfferResult | None = None
        note: dict[str, Any] | None = None
        for result in lot.ranked:
            who = normalise(result.candidate)
            if limit is not None and len(held.get(who, [])) >= limit:
                earlier = ", ".join(str(i) for i in held[who])
                passed_over[result.offer.row] = _offer_warning(
                    result.offer,
                    source,
                    "lot-limit",
                    "candidate",
                    (
                        ("rank", str(result.rank)),
                        ("lot", str(lot.lot.id)),
                        ("earlier", earlier),
                        ("limit", str(limit)),
                    ),
                )
                continue
            same_rank = [r for r in lot.ranked if r.rank == result.rank and r is not result]
            if any(len(held.get(normalise(r.candidate), [])) < (limit or 1) for r in same_rank):
                note = _note("tie", count=len(same_rank) + 1, rank=result.rank)
            else:
                award = result
                held.setdefault(who, []).append(lot.lot.id)
                if passed_over:
                    note = _note("passed-over", rank=result.rank)
            break
        if award is None and note is None:
            note = _note("no-admissible" if not lot.ranked else "nobody")
        offers = tuple(
            replace(r, warnings=(*r.warnings, passed_over[r.offer.row]))
            if r.offer.row in passed_over
            else r
            for r in lot.offers
        )
        allocated.append(replace(lot, offers=offers, award=_same(award, offers), **(note or {})))
    return tuple(allocated)


def _award_first(lot: LotResult) -> LotResult:
    if lot.provisional:
        return replace(lot, **_note("provisional"))
    if not lot.ranked:
        return replace(lot, **_note("no-admissible"))
    if len(lot.winners) > 1:
        return replace(lot, **_note("tie", count=len(lot.winners), rank=1))
    return replace(lot, award=lot.winners[0])


def _note(form: str, **figures: int | None) -> dict[str, Any]:
    """A lot's award note (code ``award-note``): its form and figures."""
    params = (("form", form), *((name, str(value)) for name, value in figures.items()))
    return {"award_params": params}


def _same(award: "OfferResult | None", offers: tuple[OfferResult, ...]) -> "OfferResult | None":
    """The award, as it stands in ``offers`` (with any warning added since)."""
    if award is None:
        return None
    return next(r for r in offers if r.offer.row == award.offer.row)


def _judge(
    offer: Offer, lot: Lot | None, config: Config, source: tuple[str, str | None]
) -> OfferResult:
    """Everything about one offer that does not depend on the other offers of its lot."""
    consultation = config.consultation
    reasons = [
        Reason(p.code, Status.INVALID, params=p.params, cell=p.cell, field=p.field)
        for p in offer.errors
    ]
    warnings = [p for p in offer.problems if not p.is_error]

    # only an empty VAT cell takes the consultation's rate; an unreadable one leaves TTC unknown
    vat = None if offer.has_error_in("vat_rate") else offer.vat_rate
    if vat is None and not offer.has_error_in("vat_rate"):
        vat = consultation.vat_rate
    amount_ht = amount_ttc = None
    if offer.day_rate_ht is not None and offer.days is not None:
        amount_ht = price_ht(offer.day_rate_ht, offer.days)
        amount_ttc = price_ttc(amount_ht, vat) if vat is not None else None
        warnings += _price_mismatch(offer, amount_ht, source)
        if amount_ht <= 0:
            reasons.append(_zero_price(offer, amount_ht))
    elif not reasons:
        # no cell error explains it: the column itself is missing (validate still evaluates)
        reasons.append(Reason("no-price", Status.INVALID))

    late = _lateness(offer, consultation.deadline)
    if late is True:
        params: Params = (
            ("received_date", _when(offer.received_at)),
            ("deadline_date", _when(consultation.deadline)),
        )
        cell = offer.cells.get("received_at")
        reasons.append(Reason("late", Status.LATE, params=params, cell=cell, field="received_at"))
    elif late is None:
        params = (("deadline_date", _when(consultation.deadline)),)
        warnings.append(
            _offer_warning(offer, source, "received-time-unknown", "received_at", params)
        )

    reasons += _missing_documents(offer, consultation.required_documents)

    budget: tuple[BudgetCheck, ...] = ()
    if lot is not None and amount_ht is not None and amount_ttc is not None:
        budget = _budget_checks(amount_ht, amount_ttc, lot, consultation.cap_basis)
        reasons += [_over_cap(offer, check) for check in budget if not check.within]
        warnings += _other_cap(offer, source, amount_ht, amount_ttc, lot, consultation.cap_basis)

    points, unmarked = _mark_points(offer, config)
    if unmarked and not reasons:
        # Only an offer that would be ranked needs every mark: a jury does not mark offers
        # already eliminated (late, irregular or unacceptable).
        reasons += [_missing_mark(offer, criterion) for criterion in unmarked]

    status = (
        min((r.status for r in reasons), key=_SEVERITY.__getitem__)
        if reasons
        else Status.ADMISSIBLE
    )
    return OfferResult(
        offer=offer,
        status=status,
        reasons=tuple(reasons),
        warnings=tuple(warnings),
        vat_rate=vat,
        price_ht=amount_ht,
        price_ttc=amount_ttc,
        budget=budget,
        points=points,
    )


def _zero_price(offer: Offer, amount_ht: Decimal) -> Reason:
    """A day rate × days that rounds to 0.00: no price formula can score it (Pmin / 0)."""
    params = (
        ("rate_num", str(offer.day_rate_ht)),
        ("days_num", str(offer.days)),
        ("amount_money", str(amount_ht)),
    )
    cell = offer.cells.get("day_rate_ht")
    return Reason("zero-price", Status.INVALID, params=params, cell=cell, field="day_rate_ht")


def _price_mismatch(
    offer: Offer, amount_ht: Decimal, source: tuple[str, str | None]
) -> list[Problem]:
    """A stated total HT that disagrees with day rate × days: warn, the unit price prevails."""
    stated = offer.price_ht_stated
    if stated is None or abs(stated - amount_ht) <= Decimal("0.01"):
        return []
    params = (
        ("stated_money", str(stated)),
        ("rate_money", str(offer.day_rate_ht)),
        ("days_num", str(offer.days)),
        ("amount_money", str(amount_ht)),
    )
    return [_offer_warning(offer, source, "price-mismatch", "price_ht", params)]


def _other_cap(
    offer: Offer,
    source: tuple[str, str | None],
    amount_ht: Decimal,
    amount_ttc: Decimal,
    lot: Lot,
    basis: CapBasis,
) -> list[Problem]:
    """An offer on one side of the cap checked and on the other side of the cap not checked:
    say so, since the buyer chose the basis and may have to justify it."""
    if basis is CapBasis.BOTH:
        return []
    checked, other = (
        (
            BudgetCheck(PriceBasis.HT, amount_ht, lot.cap_ht),
            BudgetCheck(PriceBasis.TTC, amount_ttc, lot.cap_ttc),
        )
        if basis is CapBasis.HT
        else (
            BudgetCheck(PriceBasis.TTC, amount_ttc, lot.cap_ttc),
            BudgetCheck(PriceBasis.HT, amount_ht, lot.cap_ht),
        )
    )
    if checked.within == other.within:
        return []
    side = "within" if other.within else "over"
    params = (
        ("side_part", f"cap.{side}"),
        ("basis", other.basis.upper()),
        ("price_money", str(other.price)),
        ("cap_money", str(other.cap)),
        ("checked_basis", basis.value),
        ("checked_part", f"cap.{'within' if checked.within else 'over'}"),
    )
    return [_offer_warning(offer, source, "other-cap", "day_rate_ht", params)]


def _missing_documents(offer: Offer, required: tuple[str, ...]) -> list[Reason]:
    missing = [document for document in required if offer.documents.get(document) is False]
    if not missing:
        return []
    params = (("form", "several" if len(missing) > 1 else "one"), ("documents", ", ".join(missing)))
    cell = offer.cells.get(missing[0])
    return [Reason("incomplete", Status.INCOMPLETE, params=params, cell=cell, field=missing[0])]


def _over_cap(offer: Offer, check: "BudgetCheck") -> Reason:
    basis = check.basis.upper()
    params = (
        ("basis", basis),
        ("price_money", str(check.price)),
        ("cap_money", str(check.cap)),
        ("excess_money", str(-check.margin)),
    )
    cell = offer.cells.get("day_rate_ht")
    return Reason("over_cap", Status.OVER_CAP, params=params, cell=cell, field="day_rate_ht")


def _missing_mark(offer: Offer, criterion: str) -> Reason:
    absent = offer.missing_evaluators.get(criterion)
    if absent:
        params: Params = (
            ("evaluators", ", ".join(absent)),
            ("criterion", criterion),
            ("candidate", repr(offer.candidate)),
            ("lot", str(offer.lot)),
        )
        cell = offer.cells.get("candidate")
        return Reason(
            "missing-evaluator-mark", Status.INVALID, params=params, cell=cell, field=criterion
        )
    params = (("criterion", criterion),)
    cell = offer.cells.get(criterion)
    return Reason("missing-mark", Status.INVALID, params=params, cell=cell, field=criterion)


def _mark_points(offer: Offer, config: Config) -> tuple[dict[str, Fraction], list[str]]:
    """Points of every marked criterion the offer has a mark for, and the criteria it lacks."""
    points: dict[str, Fraction] = {}
    unmarked: list[str] = []
    for criterion in config.marked_criteria:
        mark = offer.marks.get(criterion.id)
        if mark is None:
            unmarked.append(criterion.id)
            continue
        if config.ordering is Ordering.WEIGHTED:  # a hierarchy has marks, not points
            points[criterion.id] = _points_for(
                mark, criterion.scale, config.total, criterion.weight
            )
    return points, unmarked


@lru_cache(maxsize=4096)
def _points_for(
    mark: Decimal | Fraction, scale: Decimal, total: Decimal, weight: Decimal
) -> Fraction:
    """Marks take few values (0, 0.5, …, 5): each is converted and multiplied once."""
    return scoring.mark_points(mark, scale, scoring.max_points(total, weight))


def _budget_checks(
    amount_ht: Decimal, amount_ttc: Decimal, lot: Lot, basis: CapBasis
) -> tuple[BudgetCheck, ...]:
    checks = []
    if basis in (CapBasis.HT, CapBasis.BOTH):
        checks.append(BudgetCheck(PriceBasis.HT, amount_ht, lot.cap_ht))
    if basis in (CapBasis.TTC, CapBasis.BOTH):
        checks.append(BudgetCheck(PriceBasis.TTC, amount_ttc, lot.cap_ttc))
    return tuple(checks)


def _lateness(offer: Offer, deadline: date | datetime | None) -> bool | None:
    """True when late, False when on time or unknown, None when it cannot be told (same day)."""
    received = offer.received_at
    if deadline is None or received is None:
        return False
    if not isinstance(deadline, datetime):  # a date: the end of that day, inclusive
        day = received.date() if isinstance(received, datetime) else received
        return day > deadline
    if isinstance(received, datetime):
        return received > deadline
    if received == deadline.date():
        return None
    return received > deadline.date()


def _when(moment: date | datetime | None) -> str:
    if isinstance(moment, datetime):
        return moment.strftime("%Y-%m-%d %H:%M")
    return moment.isoformat() if moment is not None else "?"


def _offer_warning(
    offer: Offer, source: tuple[str, str | None], code: str, field: str, params: Params
) -> Problem:
    file, sheet = source
    cell = offer.cells.get(field)
    return Problem(
        code, params=params, file=file, sheet=sheet, cell=cell, row=offer.row, field=field
    )


def _rank_lot(
    lot: Lot,
    results: list[OfferResult],
    config: Config,
    source: tuple[str, str | None],
    *,
    unsure: bool,
) -> LotResult:
    """Price points among the lot's admissible offers, totals, then ranks (ties share a rank)."""
    criterion = config.price_criterion
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
        all_points, sums = _weighted_points(admissible, prices, config)
        tie_break = config.tie_break
        keys = [
            (total, *(points.get(c, _ZERO) for c in tie_break))
            for points, total in zip(all_points, sums, strict=True)
        ]
        totals: list[Fraction | None] = list(sums)
    else:  # a hierarchy: no points and no total, criteria compared one after the other
        all_points = [{} for _ in admissible]
        totals = [None] * len(admissible)
        keys = [
            _hierarchy_key(r, config, price) for r, price in zip(admissible, prices, strict=True)
        ]
    ranks = scoring.competition_ranks(keys)
    ranked = []
    for index, result in enumerate(admissible):
        warnings = result.warnings
        if index in flags:
            warnings += (_abnormally_low(result, flags[index], source),)
        ranked.append(
            OfferResult(
                result.offer,
                result.status,
                result.reasons,
                warnings,
                result.vat_rate,
                result.price_ht,
                result.price_ttc,
                result.budget,
                all_points[index],
                totals[index],
                ranks[index],
            )
        )
    ranked.sort(key=lambda r: (r.rank, r.offer.row))
    others = [r for r in results if r.status is not Status.ADMISSIBLE]
    ties = _exact_ties(ranked, config.tie_break) if config.ordering is Ordering.WEIGHTED else ()
    provisional = unsure or any(r.status is Status.INVALID for r in others)
    skipped: Params = ()
    if method is not AbnormalMethod.NONE and len(admissible) < MINIMUM_OFFERS:
        skipped = (("count", str(MINIMUM_OFFERS)), ("method", method.value))
    return LotResult(lot, tuple(ranked + others), lowest, highest, ties, provisional, skipped)


_ZERO = Fraction(0)


def _weighted_points(
    admissible: list[OfferResult], prices: list[Decimal], config: Config
) -> tuple[list[dict[str, Fraction]], list[Fraction]]:
    """Every admissible offer's points (its marks' and its price's) and total, in integers on
    common denominators where a lot has thousands of offers: the price share on whole cents,
    the marks' points in units of 1/L, L the least common denominator of those in the lot."""
    criterion = config.price_criterion
    rule = criterion.price
    assert rule is not None
    maximum = scoring.max_points(config.total, criterion.weight)
    units, _ = scoring.whole_units(prices)
    p_min, p_max = min(units, default=0), max(units, default=0)
    factor = Fraction(rule.k)
    in_units, unit = _mark_units(admissible)
    all_points: list[dict[str, Fraction]] = []
    totals: list[Fraction] = []
    for result, price in zip(admissible, units, strict=True):
        share, out_of = scoring.share_terms(rule.formula, price, p_min, p_max, factor)
        numerator, denominator = maximum.numerator * share, maximum.denominator * out_of
        marks = result.offer.marks
        marks_total = sum(in_units[c, marks[c]] for c in result.points)
        all_points.append({**result.points, criterion.id: Fraction(numerator, denominator)})
        totals.append(Fraction(marks_total * denominator + numerator * unit, unit * denominator))
    return all_points, totals


def _mark_units(
    results: list[OfferResult],
) -> tuple[dict[tuple[str, Decimal | Fraction], int], int]:
    """The points of each (criterion, mark) met in ``results`` as integers of 1/L, and L."""
    distinct = {(c, r.offer.marks[c]): points for r in results for c, points in r.points.items()}
    unit = lcm(*(points.denominator for points in distinct.values()))
    return {key: p.numerator * (unit // p.denominator) for key, p in distinct.items()}, unit


def _abnormally_low(
    result: OfferResult, suspicion: Suspicion, source: tuple[str, str | None]
) -> Problem:
    """The flag of an abnormally low price: the figures, and what the law requires next."""
    return _offer_warning(result.offer, source, "abnormally-low", "day_rate_ht", suspicion.params)


def _exact_ties(ranked: list[OfferResult], tie_break: tuple[str, ...]) -> tuple[Tie, ...]:
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


def _hierarchy_key(result: OfferResult, config: Config, price: Decimal) -> tuple[Fraction, ...]:
    """Mark / scale of each marked criterion, and minus the price (lower is better), in the
    order the criteria are listed."""
    key = []
    for criterion in config.criteria:
        if criterion.is_price:
            key.append(-Fraction(price))
        else:
            key.append(Fraction(result.offer.marks[criterion.id]) / Fraction(criterion.scale))
    return tuple(key)
