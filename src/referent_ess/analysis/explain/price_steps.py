"""The price of an offer, step by step: price HT, price TTC, the caps, the price points.

Each product is said before its rounding (``447.15 × 21.5 = 9613.725``, then ``9613.73``), and
the VAT rate with where it comes from: the first things a buyer is asked about a price.
"""

from collections.abc import Iterator
from dataclasses import replace
from decimal import Decimal

from referent_ess.config.choices import PriceBasis, PriceFormula, PriceModel
from referent_ess.config.model import Config, CriteriaSet, Criterion, ScheduleLine
from referent_ess.evaluation.kernel import max_points
from referent_ess.evaluation.results import BudgetCheck, LotResult, OfferResult, Status
from referent_ess.evaluation.schedule import PricedLine, SchedulePrice

from .points_steps import criterion_head
from .terms import (
    STOP,
    ExactMoney,
    FormulaName,
    Joiner,
    Listed,
    MaxPoints,
    Money,
    Notation,
    Percent,
    Points,
    Quantity,
    Rate,
    Step,
    Value,
    in_parentheses,
    phrase,
    points_with_exact,
    present,
    status_label,
    together,
)

# The formulas as written in every language, with the figures they were given.
PROPORTIONAL = "{top} × Pmin / P = {top} × {pmin} / {price}"
LINEAR = "{top} × (Pmax − P) / (Pmax − Pmin) = {top} × ({pmax} − {price}) / ({pmax} − {pmin})"
GAP = (
    "{top} × max(0, (k·Pmin − P) / ((k − 1)·Pmin)) = "
    "{top} × max(0, ({k} × {pmin} − {price}) / (({k} − 1) × {pmin}))"
)


def price_steps(config: Config, result: OfferResult) -> Iterator[Step]:
    """Price HT from the unit price (the product before rounding, then to the cent), or the
    lump sum stated, then TTC; for a lot with PSE, those of the base offer, then the compared
    price (base + retained PSE)."""
    if not result.pse:
        yield from _base_steps(config, result)
        return
    yield from _base_steps(
        config, replace(result, price_ht=result.base_ht, price_ttc=result.base_ttc)
    )
    lot = config.lot(result.offer.lot) if result.offer.lot is not None else None
    dpgf = result.price_model is PriceModel.DPGF
    for pse in result.pse:
        declared = lot.pse_by_id(pse.id) if lot is not None else None
        if declared is None or not declared.lines:
            continue
        words = phrase(
            "ex.pse.lines",
            pse=pse.id,
            label=pse.label,
            count=len(declared.lines),
            value="?" if pse.amount_ht is None else Money(pse.amount_ht),
        )
        yield Step("price-pse-lines", (words, STOP), {"pse": pse.id})
        by_id = {line.id: line for line in declared.lines}
        for priced in pse.lines:
            yield _line_step(priced, by_id.get(priced.id), dpgf)
    yield _pse_step(result)


def _pse_step(result: OfferResult) -> Step:
    """The compared price: the base price plus each retained PSE, HT and TTC (each PSE's TTC at
    the offer's rate, to the cent); the PSE not retained named with their amounts."""

    def amounts(retained: bool, ttc: bool) -> tuple[Value, ...]:
        return tuple(
            Notation(
                "{amount} ({label})",
                {
                    "amount": "?" if amount is None else Money(amount),
                    "label": p.label,
                },
            )
            for p in result.pse
            if p.retained is retained
            for amount in ((p.amount_ttc if ttc else p.amount_ht),)
        )

    figures: dict[str, Value] = {
        f"pse_{p.id}_ht": "" if p.amount_ht is None else Money(p.amount_ht) for p in result.pse
    }
    figures["pse_retained"] = " ".join(p.id for p in result.retained_pse)
    left = amounts(False, False)
    rest: tuple[Value, ...] = (
        (phrase("ex.pse.left", left=Listed(left, Joiner.SERIES)),) if left else ()
    )
    if not result.retained_pse:
        return Step("price-pse", (phrase("ex.pse.none"), *rest, STOP), figures)
    if result.price_ht is None or result.base_ht is None:
        return Step("price-pse", (phrase("ex.pse.unknown"), *rest, STOP), figures)
    figures["price_ht"] = Money(result.price_ht)
    words: list[Value] = [
        phrase(
            "ex.pse.ht",
            base=Money(result.base_ht),
            parts=Listed(amounts(True, False), Joiner.PLUS),
            value=Money(result.price_ht),
        )
    ]
    if result.price_ttc is not None and result.base_ttc is not None:
        figures["price_ttc"] = Money(result.price_ttc)
        words.append(
            phrase(
                "ex.pse.ttc",
                base=Money(result.base_ttc),
                parts=Listed(amounts(True, True), Joiner.PLUS),
                value=Money(result.price_ttc),
            )
        )
    return Step("price-pse", (*words, *rest, STOP), figures)


def _base_steps(config: Config, result: OfferResult) -> Iterator[Step]:
    offer = result.offer
    if config.price_model_for(offer.lot) is PriceModel.LUMP_SUM:
        yield from _lump_sum_steps(config, result)
        return
    if result.schedule is not None:
        yield from _schedule_steps(config, result, result.schedule)
        return
    if result.price_model.has_lines:
        yield Step("price-ht", (phrase("ex.price_ht.no_lines"),), {})
        yield Step("price-ttc", (phrase("ex.price_ttc.no_ht"),))
        return
    rate, days = offer.day_rate_ht, offer.days
    if result.price_ht is None or rate is None or days is None:
        yield from _unknown_price_steps(result)
        return
    product = rate * days
    figures: dict[str, Value] = {
        "day_rate_ht": Money(rate),
        "days": Quantity(days),
        "product": ExactMoney(product),
        "price_ht": Money(result.price_ht),
    }
    words: list[Value] = [
        phrase(
            "ex.price_ht",
            rate=Money(rate),
            days=Quantity(days),
            value=_rounded(product, result.price_ht),
        )
    ]
    stated = offer.price_ht_stated
    if stated is not None:
        figures["stated_price_ht"] = Money(stated)
        if not any(w.code == "price-mismatch" for w in result.warnings):
            words.append(phrase("ex.price_ht.stated", stated=Money(stated)))
    yield Step("price-ht", (*words, STOP), figures)
    yield _ttc_step(config, result, result.price_ht)


def _lump_sum_steps(config: Config, result: OfferResult) -> Iterator[Step]:
    """A lump sum: the amount HT the offer states is the price, then TTC."""
    offer = result.offer
    cell = offer.cells.get("price_ht")
    if result.price_ht is None:
        where = cell if cell is not None else phrase("ex.no_column")
        what = Notation("{what} ({cell})", {"what": phrase("ex.what.amount"), "cell": where})
        yield Step("price-ht", (phrase("ex.price_ht.unknown", cells=what),), {})
        yield Step("price-ttc", (phrase("ex.price_ttc.no_ht"),))
        return
    figures: dict[str, Value] = {"price_model": "lump_sum", "price_ht": Money(result.price_ht)}
    if cell is not None:
        figures["price_cell"] = cell
    words = phrase("ex.price_ht.lump_sum", where=in_parentheses(cell), value=Money(result.price_ht))
    yield Step("price-ht", (words, STOP), figures)
    yield _ttc_step(config, result, result.price_ht)


def _schedule_steps(config: Config, result: OfferResult, schedule: SchedulePrice) -> Iterator[Step]:
    """A schedule (BPU × DQE) or a DPGF: the sum, each line (unit price × quantity before and
    after rounding to the cent), the total the offer states and, when it differs, the rule
    that says which one the offer is evaluated on; then TTC."""
    lot = config.lot(result.offer.lot) if result.offer.lot is not None else None
    dpgf = result.price_model is PriceModel.DPGF
    kind = "dpgf" if dpgf else "schedule"
    figures: dict[str, Value] = {
        "price_model": result.price_model.value,
        "lines": str(len(schedule.lines)),
        "recomputed_ht": Money(schedule.recomputed),
        "price_ht": Money(schedule.price),
    }
    words = phrase(
        f"ex.price_ht.{kind}", count=len(schedule.lines), value=Money(schedule.recomputed)
    )
    yield Step("price-ht", (words, STOP), figures)
    for priced in schedule.lines:
        yield _line_step(priced, lot.line(priced.id) if lot is not None else None, dpgf)
    if schedule.stated is not None:
        stated = Money(schedule.stated)
        if schedule.arithmetic_error:
            prevails = lot.prevails.value if lot is not None else "unit_price"
            words = phrase(
                f"ex.arith.{kind}.{prevails}",
                stated=stated,
                recomputed=Money(schedule.recomputed),
                price=Money(schedule.price),
            )
            arith: dict[str, Value] = {
                "stated_ht": stated,
                "recomputed_ht": Money(schedule.recomputed),
                "price_ht": Money(schedule.price),
                "prevails": prevails,
                "explaining_lines": ", ".join(line.id for line in schedule.explaining),
            }
            yield Step("arithmetic-error", (words, STOP), arith)
        else:
            yield Step("stated-total", (phrase("ex.stated_total", stated=stated), STOP))
    yield _ttc_step(config, result, schedule.price)


def _unknown_price_steps(result: OfferResult) -> Iterator[Step]:
    """No price HT, so no price TTC: which of the day rate and the days could not be read."""
    offer = result.offer
    rate, days = offer.day_rate_ht, offer.days
    unread = tuple(
        Notation(
            "{what} ({cell})",
            {
                "what": phrase(what),
                "cell": offer.cells[name] if name in offer.cells else phrase("ex.no_column"),
            },
        )
        for name, what, value in (
            ("day_rate_ht", "ex.what.day_rate", rate),
            ("days", "ex.what.days", days),
        )
        if value is None
    )
    cells = Listed(unread, Joiner.SERIES) if unread else phrase("ex.what.either")
    yield Step(
        "price-ht",
        (phrase("ex.price_ht.unknown", cells=cells),),
        present(
            day_rate_ht=None if rate is None else Money(rate),
            days=None if days is None else Quantity(days),
        ),
    )
    yield Step("price-ttc", (phrase("ex.price_ttc.no_ht"),))


def _rounded(product: Decimal, price: Decimal) -> Value:
    """The price, after the exact product when rounding to the cent changed it."""
    if product == price:
        return Money(price)
    return phrase("ex.rounded", exact=ExactMoney(product), rounded=Money(price))


def _ttc_step(config: Config, result: OfferResult, amount_ht: Decimal) -> Step:
    """TTC with the rate applied and where it comes from: a buyer is asked that first."""
    offer = result.offer
    cell = offer.cells.get("vat_rate")
    vat = result.vat_rate
    if vat is None or result.price_ttc is None:
        return Step(
            "price-ttc",
            (phrase("ex.price_ttc.no_vat", where=in_parentheses(cell)),),
            {"price_ht": Money(amount_ht)},
        )
    origin: Value
    if offer.vat_rate is not None:
        source = "offer"
        origin = phrase("ex.vat.offer_cell", cell=cell) if cell else phrase("ex.vat.offer")
    else:
        source = "consultation"
        empty = phrase("ex.vat.empty_cell", cell=cell) if cell else ""
        origin = phrase("ex.vat.default", file=config.lots_path.name, empty=empty)
    shown = phrase("ex.vat.exempt") if vat == 0 else phrase("ex.vat.rate", rate=Percent(vat))
    product = amount_ht * (1 + vat)
    words = phrase(
        "ex.price_ttc",
        ht=Money(amount_ht),
        rate=Rate(vat),
        value=_rounded(product, result.price_ttc),
        shown=shown,
        origin=origin,
    )
    figures: dict[str, Value] = {
        "price_ht": Money(amount_ht),
        "vat_rate": Rate(vat),
        "vat_source": source,
        "product": ExactMoney(product),
        "price_ttc": Money(result.price_ttc),
    }
    if cell:
        figures["vat_cell"] = cell
    return Step("price-ttc", (words,), figures)


def cap_steps(config: Config, result: OfferResult) -> Iterator[Step]:
    """One step per cap checked (two with ``cap_basis: both``), with the margin."""
    cap_basis = config.consultation.cap_basis.value
    if not result.budget:
        yield Step(
            "cap-check", (phrase("ex.cap.unknown", cap_basis=cap_basis),), {"cap_basis": cap_basis}
        )
        return
    for check in result.budget:
        yield _cap_step(cap_basis, check)


def _cap_step(cap_basis: str, check: BudgetCheck) -> Step:
    price, cap = Money(check.price), Money(check.cap)
    if check.within:
        verdict = phrase("ex.cap.within", price=price, cap=cap, margin=Money(check.margin))
    else:
        verdict = phrase("ex.cap.over", price=price, cap=cap, excess=Money(-check.margin))
    basis = check.basis.value.upper()
    return Step(
        "cap-check",
        (phrase("ex.cap", basis=basis, cap_basis=cap_basis, verdict=verdict),),
        {
            "cap_basis": cap_basis,
            "basis": check.basis.value,
            "price": price,
            "cap": cap,
            "margin": Money(check.margin),
            "within": "true" if check.within else "false",
        },
    )


def price_points_step(
    config: Config,
    lot: LotResult,
    result: OfferResult,
    criterion: Criterion,
    criteria: CriteriaSet | None = None,
) -> Step:
    """The price points with the formula written out, and Pmin (and Pmax) with where they
    come from."""
    rule = criterion.price
    assert rule is not None
    top = MaxPoints(max_points(config.total, criterion.weight))
    basis = rule.basis.value.upper()
    head = criterion_head(criterion, top, criteria)
    figures: dict[str, Value] = {
        "criterion": criterion.id,
        "formula": rule.formula.value,
        "basis": rule.basis.value,
        "weight": Quantity(criterion.weight),
        "max_points": Points(top.value),
        "max_points_exact": top.value,
    }
    points = result.points.get(criterion.id)
    if result.status is not Status.ADMISSIBLE or points is None:
        figures["status"] = result.status.value
        return Step(
            "price-points",
            (
                phrase(
                    "ex.price_points.none",
                    head=head,
                    lot=lot.lot.id,
                    status=status_label(result.status),
                ),
            ),
            figures,
        )
    price = price_on(result, rule.basis)
    low, high = lot.lowest_price, lot.highest_price
    assert price is not None
    assert low is not None
    assert high is not None
    given: dict[str, Value] = {"top": top, "price": Money(price), "pmin": Money(low)}
    figures.update(price=Money(price), pmin=Money(low), pmax=Money(high))
    formula: Value
    if rule.formula is PriceFormula.PROPORTIONAL:
        formula = Notation(PROPORTIONAL, given)
    elif rule.formula is PriceFormula.LINEAR and low == high:
        formula = phrase("ex.linear_all", top=top, pmin=Money(low))
    elif rule.formula is PriceFormula.LINEAR:
        formula = Notation(LINEAR, {**given, "pmax": Money(high)})
    else:
        figures["k"] = Quantity(rule.k)
        formula = Notation(GAP, {**given, "k": Quantity(rule.k)})
    figures.update(share=points / top.value, points=Points(points), points_exact=points)
    used: list[Value] = [phrase("ex.pmin", pmin=Money(low), basis=basis, count=len(lot.ranked))]
    if rule.formula is PriceFormula.LINEAR:
        used.append(phrase("ex.pmax", pmax=Money(high)))
    if price == low:
        used.append(phrase("ex.pmin_is_this"))
    words: list[Value] = [
        phrase(
            "ex.price_points",
            head=head,
            formula=FormulaName(rule.formula),
            basis=basis,
            expression=formula,
            points=points_with_exact(points),
            used=together(*used),
        )
    ]
    rates = sorted({r.vat_rate for r in lot.ranked if r.vat_rate is not None})
    if len(rates) > 1 and rule.basis is PriceBasis.HT:
        listed = Listed(tuple(Percent(r) for r in rates), Joiner.COMMA)
        words.append(phrase("ex.vat_mix", rates=listed))
    return Step("price-points", (*words, STOP), figures)


def price_on(result: OfferResult, basis: PriceBasis) -> Decimal | None:
    return result.price_ht if basis is PriceBasis.HT else result.price_ttc


def _line_step(priced: PricedLine, line: ScheduleLine | None, dpgf: bool) -> Step:
    """One line of a schedule, a DPGF or a PSE priced by lines: unit price × quantity before
    and after rounding to the cent (a DPGF line: its amount), and the amount stated."""
    label = line.label if line is not None else priced.id
    line_figures: dict[str, Value] = {
        "line": priced.id,
        "label": label,
        "amount": Money(priced.amount),
    }
    if line is not None and line.unit:
        line_figures["unit"] = line.unit
    if priced.cell:
        line_figures["cell"] = priced.cell
    if dpgf:
        line_words: tuple[Value, ...] = (
            phrase("ex.line.dpgf", line=priced.id, label=label, amount=Money(priced.amount)),
        )
    else:
        line_figures |= {"unit_price": Money(priced.unit_price)}
        line_figures |= {"quantity": Quantity(priced.quantity)}
        unit = f" {line.unit}" if line is not None and line.unit else ""
        line_words = (
            phrase(
                "ex.line.schedule",
                line=priced.id,
                label=label,
                price=Money(priced.unit_price),
                quantity=Quantity(priced.quantity),
                unit=unit,
                value=_rounded(priced.exact, priced.amount),
            ),
        )
        if priced.stated_amount is not None:
            line_figures["stated_amount"] = Money(priced.stated_amount)
            key = "ex.line.stated_differs" if priced.miscomputed else "ex.line.stated"
            line_words += (phrase(key, stated=Money(priced.stated_amount)),)
    return Step("price-line", (*line_words, STOP), line_figures)
