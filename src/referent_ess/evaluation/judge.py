"""One offer judged on its own: its prices, VAT, deadline, documents, caps and marks, hence its
status and the reasons for it. Nothing here depends on the other offers of the lot (see
:mod:`~referent_ess.evaluation.ranking` for what does)."""

from collections.abc import Callable
from datetime import date, datetime
from decimal import Decimal
from fractions import Fraction
from functools import lru_cache

from referent_ess.base.exact import price_ht, price_ttc, round_half_up
from referent_ess.config.choices import CapBasis, Ordering, PriceBasis, PriceModel
from referent_ess.config.columns import ColumnKind, price_cell
from referent_ess.config.model import Config, Lot
from referent_ess.evaluation import kernel as scoring
from referent_ess.evaluation.offer_warning import Source, offer_warning
from referent_ess.evaluation.pse import compared_price, pse_amounts
from referent_ess.evaluation.results import BudgetCheck, OfferResult, Reason, Status
from referent_ess.evaluation.rounds import variant_reasons
from referent_ess.evaluation.schedule import SchedulePrice, priced_lines, schedule_price
from referent_ess.intake.offers import Offer
from referent_ess.problems.codes import Params
from referent_ess.problems.problem import Problem

_SEVERITY = {status: order for order, status in enumerate(Status)}  # the first one applies


def judge(
    offer: Offer, lot: Lot | None, config: Config, source: Source, *, has_base: bool = True
) -> OfferResult:
    """Everything about one offer that does not depend on the other offers of its lot (but
    whether its candidate made a base offer, for a variant: ``has_base``)."""
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
    schedule: SchedulePrice | None = None
    model = lot.price_model if lot is not None else PriceModel.DAY_RATE
    where = price_cell(model)
    if model is PriceModel.LUMP_SUM:
        # the amount HT stated is the price (read as positive and to the cent)
        if offer.price_ht_stated is not None:
            amount_ht = offer.price_ht_stated
            amount_ttc = price_ttc(amount_ht, vat) if vat is not None else None
        elif not reasons:  # the column itself is missing
            reasons.append(Reason("no-price", Status.INVALID, params=(("form", "lump-sum"),)))
    elif model.has_lines and lot is not None:
        schedule = _schedule(offer, lot)
        if schedule is not None:
            amount_ht = schedule.price
            amount_ttc = price_ttc(amount_ht, vat) if vat is not None else None
            if schedule.arithmetic_error:
                warnings.append(_arithmetic_error(offer, schedule, lot, source))
        elif not reasons:  # no line error explains it: the prices sheet is missing
            reasons.append(Reason("no-lines", Status.INVALID, params=(("lot", str(lot.id)),)))
    elif offer.day_rate_ht is not None and offer.days is not None:
        amount_ht = price_ht(offer.day_rate_ht, offer.days)
        amount_ttc = price_ttc(amount_ht, vat) if vat is not None else None
        warnings += _price_mismatch(offer, amount_ht, source)
        if amount_ht <= 0:
            reasons.append(_zero_price(offer, amount_ht))
    elif not reasons:
        # no cell error explains it: the column itself is missing (validate still evaluates)
        reasons.append(Reason("no-price", Status.INVALID))

    # the compared price: base + the retained PSE (the base alone for a lot without PSE)
    base_ht, base_ttc = amount_ht, amount_ttc
    pse = pse_amounts(offer, lot, vat)
    amount_ht, amount_ttc = compared_price(base_ht, base_ttc, pse)
    if base_ht is not None and amount_ht is None and not reasons:
        absent = next(p for p in pse if p.retained and p.amount_ht is None)
        absent_params = (("form", "pse"), ("pse", absent.id), ("label", absent.label))
        reasons.append(Reason("no-price", Status.INVALID, params=absent_params))
    caps_ht, caps_ttc = (
        (amount_ht, amount_ttc) if consultation.caps_include_pse else (base_ht, base_ttc)
    )

    deadline = consultation.deadline_of(offer.round)
    late = lateness(offer, deadline)
    if late is True:
        params: Params = (
            ("received_date", _when(offer.received_at)),
            ("deadline_date", _when(deadline)),
        )
        if offer.round > 1:  # a negotiation round's own deadline
            params = (("form", "round"), *params, ("round", str(offer.round)))
        cell = offer.cells.get("received_at")
        reasons.append(Reason("late", Status.LATE, params=params, cell=cell, field="received_at"))
    elif late is None:
        params = (("deadline_date", _when(deadline)),)
        warnings.append(
            offer_warning(offer, source, "received-time-unknown", "received_at", params)
        )

    reasons += variant_reasons(offer, lot, has_base)
    reasons += _jury_decision(offer)
    reasons += _missing_documents(offer, config.documents_for(offer.lot), config.document_label)

    budget: tuple[BudgetCheck, ...] = ()
    if lot is not None and caps_ht is not None and caps_ttc is not None:
        budget = _budget_checks(caps_ht, caps_ttc, lot, consultation.cap_basis)
        reasons += [_over_cap(offer, check, where) for check in budget if not check.within]
        warnings += _other_cap(offer, source, caps_ht, caps_ttc, lot, consultation.cap_basis, where)

    points, unmarked = mark_points(offer, config)
    if config.ordering is Ordering.WEIGHTED:
        reasons += _below_thresholds(offer, config, points)
    if unmarked and not reasons:
        # Only an offer that would be ranked needs every mark: a jury does not mark offers
        # already eliminated (late, irregular or unacceptable).
        headers = config.column_names  # each criterion as the workbook heads it
        reasons += [
            _missing_mark(offer, criterion, headers.header(ColumnKind.MARK, criterion))
            for criterion in unmarked
        ]

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
        price_model=model,
        schedule=schedule,
        pse=pse,
        base_ht=base_ht if pse else None,
        base_ttc=base_ttc if pse else None,
    )


def _schedule(offer: Offer, lot: Lot) -> SchedulePrice | None:
    """The price of an offer of a schedule or DPGF lot, from its lines (None unless it prices
    every line of the lot: a missing one is an error on its row). A DPGF line's amount is a
    unit price of quantity 1."""
    stated = {line.id: line for line in offer.lines or ()}
    if offer.lines is None or any(line.id not in stated for line in lot.lines):
        return None
    return schedule_price(priced_lines(lot.lines, stated), offer.price_ht_stated, lot.prevails)


_HOW_MANY = ("none", "one", "some")


def _arithmetic_error(offer: Offer, schedule: SchedulePrice, lot: Lot, source: Source) -> Problem:
    """A stated total that is not the sum of the lines: the lines that explain it, and the
    rule applied (which total the offer is evaluated on)."""
    assert schedule.stated is not None
    dpgf = lot.price_model is PriceModel.DPGF
    params: Params = (
        ("form", "dpgf" if dpgf else "schedule"),
        ("stated_money", str(schedule.stated)),
        ("recomputed_money", str(schedule.recomputed)),
        ("price_money", str(schedule.price)),
        ("rule_part", f"prevails{'-dpgf' if dpgf else ''}.{lot.prevails.value}"),
    )
    if not dpgf:
        explaining = schedule.explaining
        params += (
            ("lines_part", f"arith-lines.{_HOW_MANY[min(len(explaining), 2)]}"),
            ("lines", ", ".join(line.id for line in explaining)),
        )
    return offer_warning(offer, source, "arithmetic-error", "price_ht", params)


def _zero_price(offer: Offer, amount_ht: Decimal) -> Reason:
    """A day rate × days that rounds to 0.00: no price formula can score it (Pmin / 0)."""
    params = (
        ("rate_num", str(offer.day_rate_ht)),
        ("days_num", str(offer.days)),
        ("amount_money", str(amount_ht)),
    )
    cell = offer.cells.get("day_rate_ht")
    return Reason("zero-price", Status.INVALID, params=params, cell=cell, field="day_rate_ht")


def _price_mismatch(offer: Offer, amount_ht: Decimal, source: Source) -> list[Problem]:
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
    return [offer_warning(offer, source, "price-mismatch", "price_ht", params)]


def _other_cap(
    offer: Offer,
    source: Source,
    amount_ht: Decimal,
    amount_ttc: Decimal,
    lot: Lot,
    basis: CapBasis,
    where: str,
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
        ("checked_basis", basis.value.upper()),
        ("checked_part", f"cap.{'within' if checked.within else 'over'}"),
    )
    return [offer_warning(offer, source, "other-cap", where, params)]


def _jury_decision(offer: Offer) -> list[Reason]:
    """The jury's own decision, recorded with its reason: the offer gets that status. Without
    its reason the row is in error (``jury-reason-missing``) and the offer is invalid."""
    decision, reason = offer.jury_decision, offer.jury_reason
    if decision is None or reason is None:
        return []
    params = (("form", decision.value), ("reason", reason))
    cell = offer.cells.get("jury_decision")
    return [
        Reason(
            "jury-decision", Status(decision.value), params=params, cell=cell, field="jury_decision"
        )
    ]


def _missing_documents(
    offer: Offer, required: tuple[str, ...], label: Callable[[str], str]
) -> list[Reason]:
    """The documents the offer lacks, by the names a person reads (their labels)."""
    missing = [document for document in required if offer.documents.get(document) is False]
    if not missing:
        return []
    named = ", ".join(label(document) for document in missing)
    params = (("form", "several" if len(missing) > 1 else "one"), ("documents", named))
    cell = offer.cells.get(missing[0])
    return [Reason("incomplete", Status.INCOMPLETE, params=params, cell=cell, field=missing[0])]


def _over_cap(offer: Offer, check: BudgetCheck, where: str) -> Reason:
    basis = check.basis.upper()
    params = (
        ("basis", basis),
        ("price_money", str(check.price)),
        ("cap_money", str(check.cap)),
        ("excess_money", str(-check.margin)),
    )
    cell = offer.cells.get(where)
    return Reason("over_cap", Status.OVER_CAP, params=params, cell=cell, field=where)


def _missing_mark(offer: Offer, criterion: str, shown: str) -> Reason:
    """The mark of ``criterion`` (named ``shown``, as its column is headed) is missing."""
    absent = offer.missing_evaluators.get(criterion)
    if absent:
        params: Params = (
            ("evaluators", ", ".join(absent)),
            ("criterion", shown),
            ("candidate", repr(offer.candidate)),
            ("lot", str(offer.lot)),
        )
        cell = offer.cells.get("candidate")
        return Reason(
            "missing-evaluator-mark", Status.INVALID, params=params, cell=cell, field=criterion
        )
    params = (("criterion", shown),)
    cell = offer.cells.get(criterion)
    return Reason("missing-mark", Status.INVALID, params=params, cell=cell, field=criterion)


def mark_points(offer: Offer, config: Config) -> tuple[dict[str, Fraction], list[str]]:
    """Points of every marked leaf of the lot's criteria the offer has a mark for, and of every
    parent all of whose leaves are marked (exactly the sum of its children's); and the leaves
    it lacks. The price criterion is at the top level and has no sub-criteria: a parent's
    points never wait for the other offers."""
    criteria = config.criteria_for(offer.lot)
    weighted = config.ordering is Ordering.WEIGHTED  # a hierarchy has marks, not points
    points: dict[str, Fraction] = {}
    unmarked: list[str] = []
    for criterion in criteria.marked:
        mark = offer.marks.get(criterion.id)
        if mark is None:
            unmarked.append(criterion.id)
        elif weighted:
            points[criterion.id] = points_for(mark, criterion.scale, config.total, criterion.weight)
    if criteria.is_flat or not weighted:
        return points, unmarked
    for node in reversed(criteria.nodes):  # children before their parent
        if node.sub_criteria and all(child.id in points for child in node.sub_criteria):
            points[node.id] = sum((points[child.id] for child in node.sub_criteria), Fraction(0))
    in_order = {n.id: points[n.id] for n in criteria.nodes if n.id in points}
    return in_order, unmarked


def _below_thresholds(offer: Offer, config: Config, points: dict[str, Fraction]) -> list[Reason]:
    """Each announced threshold (``min_points``) the offer's points fall short of, compared
    exactly: at the threshold, it passes. A criterion whose points are unknown (a mark
    missing) is not judged here: the missing mark is what is said."""
    reasons = []
    for criterion in config.criteria_for(offer.lot).thresholds:
        threshold = criterion.min_points
        got = points.get(criterion.id)
        if threshold is None or got is None or got >= threshold:
            continue
        shown = round_half_up(got, 2)
        params: Params = (
            ("criterion", criterion.label),
            ("points_num", str(shown)),
            ("min_num", format(threshold.normalize(), "f")),
        )
        if shown >= threshold:  # rounding would hide that it is below: the exact figure too
            params = (("form", "exact"), *params, ("exact", f"{got.numerator}/{got.denominator}"))
        cell = offer.cells.get(criterion.id) if criterion.is_leaf else None
        reasons.append(
            Reason(
                "below_threshold",
                Status.BELOW_THRESHOLD,
                params=params,
                cell=cell,
                field=criterion.id,
            )
        )
    return reasons


@lru_cache(maxsize=4096)
def points_for(
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


def lateness(offer: Offer, deadline: date | datetime | None) -> bool | None:
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
