"""One offer, explained step by step: what a buyer reads out to a candidate who asks why.

Why: a score is only accepted when it can be retraced by hand. Every step says a computation in
words and in numbers (price HT, TTC, the cap, each criterion's points with the figures actually
used, the total, the rank, the gaps, ties, the award, the reasons and the warnings), and keeps the
raw values as strings so that ``--format json`` gives the same thing as data.

Nothing is recomputed here: every figure is read from the :class:`Evaluation` (exact decimals
and fractions) and only rounded for display, half up, like every other output of the tool.
"""

import difflib
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from fractions import Fraction
from typing import Any

from referent_ess import formats
from referent_ess.choices import Ordering, PriceBasis, PriceFormula
from referent_ess.config import Config, Criterion
from referent_ess.errors import ReferentError
from referent_ess.evaluate import BudgetCheck, Evaluation, LotResult, OfferResult, Status
from referent_ess.problems import Problem
from referent_ess.scoring import max_points
from referent_ess.text import normalise
from referent_ess.values import percent

UNKNOWN_CANDIDATE = "unknown-candidate"
AMBIGUOUS_CANDIDATE = "ambiguous-candidate"
NO_LOT = "no-lot"


@dataclass(frozen=True)
class Step:
    """One computation: a stable ``code``, one line of English, and the raw figures it used."""

    code: str
    text: str
    figures: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Explanation:
    """Every step of one offer's evaluation, in the order a reader follows them."""

    lot: int
    lot_title: str
    candidate: str
    row: int
    status: str
    rank: int | None
    steps: tuple[Step, ...]


# ---- finding the offer -----------------------------------------------------------------------


def find_offer(evaluation: Evaluation, lot_id: int, candidate: str) -> OfferResult:
    """The offer of ``candidate`` on lot ``lot_id``, the name matched as a person types it (case,
    accents and spaces do not count); an unknown name raises :class:`ReferentError` listing the
    lot's candidates and the closest names, so that a typo is fixed in one go."""
    lot = _lot(evaluation, lot_id)
    wanted = normalise(candidate)
    matches = [
        r for r in lot.offers if r.offer.candidate and normalise(r.offer.candidate) == wanted
    ]
    if len(matches) == 1:
        return matches[0]
    where = evaluation.book.path
    if matches:
        rows = ", ".join(str(r.offer.row) for r in matches)
        raise ReferentError(
            f"{where}: {candidate!r} has {len(matches)} offers on lot {lot_id} (rows {rows}); "
            "a candidate may bid once per lot: correct the workbook (see `referent validate`)",
            AMBIGUOUS_CANDIDATE,
        )
    raise ReferentError(_unknown_candidate(evaluation, lot, candidate), UNKNOWN_CANDIDATE)


def _lot(evaluation: Evaluation, lot_id: int) -> LotResult:
    lot = evaluation.lot(lot_id)
    if lot is None:
        known = ", ".join(str(result.lot.id) for result in evaluation.lots)
        raise ReferentError(
            f"{evaluation.config.lots_path}: there is no lot {lot_id} (lots: {known})", NO_LOT
        )
    return lot


def _unknown_candidate(evaluation: Evaluation, lot: LotResult, candidate: str) -> str:
    """The message for a name that matches no offer: the closest names, the lot's candidates,
    and the other lots the name has offers on (a wrong --lot is a common slip)."""
    names = [r.candidate for r in lot.offers]
    by_key = {normalise(r.offer.candidate): r.candidate for r in lot.offers if r.offer.candidate}
    wanted = normalise(candidate)
    close = difflib.get_close_matches(wanted, list(by_key), n=3, cutoff=0.6)
    message = f"{evaluation.book.path}: lot {lot.lot.id} has no offer from {candidate!r}"
    if close:
        message += f"; did you mean {' or '.join(repr(by_key[key]) for key in close)}?"
    listed = ", ".join(names) if names else "none"
    message += f" (candidates of lot {lot.lot.id}: {listed})"
    elsewhere = [
        str(other.lot.id)
        for other in evaluation.lots
        if other is not lot and wanted in {normalise(r.offer.candidate or "") for r in other.offers}
    ]
    if elsewhere:
        message += f"; {candidate!r} has an offer on lot {', '.join(elsewhere)}"
    return message


# ---- the explanation -------------------------------------------------------------------------


def explain(evaluation: Evaluation, lot_id: int, candidate: str) -> Explanation:
    """Every step of the evaluation of ``candidate``'s offer on lot ``lot_id``."""
    lot = _lot(evaluation, lot_id)
    result = find_offer(evaluation, lot_id, candidate)
    config = evaluation.config
    steps: list[Step] = [*_price_steps(config, result)]
    steps += _cap_steps(config, result)
    if config.ordering is Ordering.HIERARCHY:
        steps += _hierarchy_steps(config, lot, result)
    else:
        steps += _points_steps(config, lot, result)
        if result.rank is not None:
            steps += _rank_steps(config, lot, result)
    if lot.provisional:
        steps.append(Step("provisional", formats.provisional_note(evaluation, [lot]) + "."))
    steps += _award_steps(config, lot, result)
    steps += _status_steps(config, result)
    if lot.abnormal_note is not None and result.status is Status.ADMISSIBLE:
        steps.append(Step("abnormally-low-check", _sentence(lot.abnormal_note)))
    steps += [_warning_step(warning) for warning in result.warnings]
    return Explanation(
        lot=lot.lot.id,
        lot_title=lot.lot.title,
        candidate=result.candidate,
        row=result.offer.row,
        status=result.status.value,
        rank=result.rank,
        steps=tuple(steps),
    )


def _price_steps(config: Config, result: OfferResult) -> Iterator[Step]:
    """Price HT from the unit price (the product before rounding, then to the cent), then TTC."""
    offer = result.offer
    rate, days = offer.day_rate_ht, offer.days
    if result.price_ht is None or rate is None or days is None:
        cells = " and ".join(
            f"{what} ({offer.cells.get(name, 'no column')})"
            for name, what, value in (("day_rate_ht", "day rate", rate), ("days", "days", days))
            if value is None
        )
        yield Step(
            "price-ht",
            f"Price HT cannot be computed: no readable {cells or 'day rate or days'}.",
            _present(day_rate_ht=formats.money(rate), days=formats.quantity(days)),
        )
        yield Step("price-ttc", "Price TTC cannot be computed without the price HT.")
        return
    product = rate * days
    figures = {
        "day_rate_ht": _money(rate),
        "days": _text(formats.quantity(days)),
        "product": _decimal(product),
        "price_ht": _money(result.price_ht),
    }
    text = f"Price HT = day rate HT × days = {_money(rate)} × {figures['days']} = "
    if product == result.price_ht:
        text += f"{_money(result.price_ht)}."
    else:
        text += f"{_decimal(product)}, rounded to the cent half up: {_money(result.price_ht)}."
    stated = offer.price_ht_stated
    if stated is not None:
        figures["stated_price_ht"] = _money(stated)
        if not any(w.code == "price-mismatch" for w in result.warnings):
            text = text[:-1] + f" (the stated price HT {_money(stated)} agrees)."
    yield Step("price-ht", text, figures)
    yield _ttc_step(config, result, result.price_ht)


def _ttc_step(config: Config, result: OfferResult, amount_ht: Decimal) -> Step:
    """TTC with the rate applied and where it comes from: a buyer is asked that first."""
    offer = result.offer
    cell = offer.cells.get("vat_rate")
    vat = result.vat_rate
    if vat is None or result.price_ttc is None:
        where = f" ({cell})" if cell else ""
        return Step(
            "price-ttc",
            f"Price TTC cannot be computed: the VAT rate{where} cannot be read, and an "
            "unreadable rate is never replaced by the default.",
            {"price_ht": _money(amount_ht)},
        )
    if offer.vat_rate is not None:
        source = "offer"
        origin = f"as stated in the offer (cell {cell})" if cell else "as stated in the offer"
    else:
        source = "consultation"
        empty = f" (cell {cell} empty)" if cell else ""
        origin = (
            f"the consultation's default rate (vat_rate in {config.lots_path.name}), the offer "
            f"stating none{empty}"
        )
    shown = "VAT-exempt (0 %)" if vat == 0 else f"VAT {percent(vat)}"
    product = amount_ht * (1 + vat)
    text = (
        f"Price TTC = price HT × (1 + VAT) = {_money(amount_ht)} × "
        f"(1 + {_text(formats.rate(vat))}) = "
    )
    if product == result.price_ttc:
        text += f"{_money(result.price_ttc)}"
    else:
        text += f"{_decimal(product)}, rounded to the cent half up: {_money(result.price_ttc)}"
    text += f"; {shown}, {origin}."
    figures = {
        "price_ht": _money(amount_ht),
        "vat_rate": _text(formats.rate(vat)),
        "vat_source": source,
        "product": _decimal(product),
        "price_ttc": _money(result.price_ttc),
    }
    if cell:
        figures["vat_cell"] = cell
    return Step("price-ttc", text, figures)


def _cap_steps(config: Config, result: OfferResult) -> Iterator[Step]:
    """One step per cap checked (two with ``cap_basis: both``), with the margin."""
    cap_basis = config.consultation.cap_basis.value
    if not result.budget:
        yield Step(
            "cap-check",
            f"Cap check (cap_basis: {cap_basis}): not possible, the price is unknown.",
            {"cap_basis": cap_basis},
        )
        return
    for check in result.budget:
        yield _cap_step(cap_basis, check)


def _cap_step(cap_basis: str, check: BudgetCheck) -> Step:
    basis = check.basis.value.upper()
    price, cap = _money(check.price), _money(check.cap)
    if check.within:
        verdict = f"{price} ≤ {cap}: within the cap, with a margin of {_money(check.margin)}"
    else:
        verdict = f"{price} > {cap}: over the cap by {_money(-check.margin)}"
    return Step(
        "cap-check",
        f"Cap check on the price {basis} (cap_basis: {cap_basis}) against the lot's cap "
        f"{basis}: {verdict}.",
        {
            "cap_basis": cap_basis,
            "basis": check.basis.value,
            "price": price,
            "cap": cap,
            "margin": _money(check.margin),
            "within": "true" if check.within else "false",
        },
    )


# ---- weighted criteria: points, total, rank, gaps, ties ---------------------------------------


def _points_steps(config: Config, lot: LotResult, result: OfferResult) -> Iterator[Step]:
    for criterion in config.criteria:
        if criterion.is_price:
            yield _price_points_step(config, lot, result, criterion)
        else:
            yield _mark_points_step(config, result, criterion)
    if result.total is not None:
        yield _total_step(config, result.points, result.total)


def _mark_points_step(config: Config, result: OfferResult, criterion: Criterion) -> Step:
    offer = result.offer
    top = max_points(config.total, criterion.weight)
    head = _criterion_head(criterion, top)
    figures = {
        "criterion": criterion.id,
        "weight": _plain(criterion.weight),
        "max_points": _points(top),
        "max_points_exact": str(top),
        "scale": _plain(criterion.scale),
    }
    mark = offer.marks.get(criterion.id)
    points = result.points.get(criterion.id)
    if mark is None or points is None:
        why = ""
        if result.status not in (Status.ADMISSIBLE, Status.INVALID):
            why = " (a jury does not mark an offer already eliminated)"
        return Step("mark-points", f"{head}: no mark{why}, so no points.", figures)
    shown_mark = _mark(mark)
    text = f"{head}: mark {shown_mark}{_mark_origin(config, result, criterion, figures)} / "
    text += f"{_plain(criterion.scale)} × {_short(top)} = {_with_exact(points)}"
    if result.status is not Status.ADMISSIBLE:
        text += "; for information, since the offer is not ranked"
    figures.update(
        mark=_mark_figure(mark),
        mark_exact=str(Fraction(mark)),
        points=_points(points),
        points_exact=str(points),
    )
    comment = offer.comments.get(criterion.id)
    if comment:
        figures["comment"] = comment
        # the jury's own words, last and untouched: no full stop after the closing quote
        return Step("mark-points", f"{text}; the jury's comment: “{comment}”", figures)
    return Step("mark-points", text + ".", figures)


def _criterion_head(criterion: Criterion, top: Fraction) -> str:
    """``context (weight 30 %, at most 30 points)``, with the exact maximum when it is not
    what the rounded one says."""
    exact = "" if Fraction(_rounded(top)) == top else f" (exactly {top})"
    return (
        f"{criterion.id} (weight {_plain(criterion.weight)} %, at most {_short(top)} points{exact})"
    )


def _mark_origin(
    config: Config, result: OfferResult, criterion: Criterion, figures: dict[str, str]
) -> str:
    """Where a mark comes from: its cell, or the evaluators' marks and how they were combined."""
    offer = result.offer
    marks = offer.evaluator_marks.get(criterion.id)
    if marks:
        how = config.marks_aggregate.value
        figures["aggregate"] = how
        for who, value in marks.items():
            figures[f"evaluator_mark.{who}"] = _plain(value)
        listed = ", ".join(f"{who} {_plain(value)}" for who, value in marks.items())
        return f" ({how} of the evaluators' marks: {listed})"
    cell = offer.cells.get(criterion.id)
    if cell:
        figures["cell"] = cell
        return f" (cell {cell})"
    return ""


def _price_points_step(
    config: Config, lot: LotResult, result: OfferResult, criterion: Criterion
) -> Step:
    rule = criterion.price
    assert rule is not None
    top = max_points(config.total, criterion.weight)
    basis = rule.basis.value.upper()
    head = _criterion_head(criterion, top)
    figures = {
        "criterion": criterion.id,
        "formula": rule.formula.value,
        "basis": rule.basis.value,
        "weight": _plain(criterion.weight),
        "max_points": _points(top),
        "max_points_exact": str(top),
    }
    points = result.points.get(criterion.id)
    if result.status is not Status.ADMISSIBLE or points is None:
        figures["status"] = result.status.value
        return Step(
            "price-points",
            f"{head}: no price points; only the admissible offers of lot {lot.lot.id} get price "
            f"points, a total and a rank, and this offer is {result.status.value}.",
            figures,
        )
    price = result.price_ht if rule.basis is PriceBasis.HT else result.price_ttc
    low, high = lot.lowest_price, lot.highest_price
    assert price is not None
    assert low is not None
    assert high is not None
    p, p_min, p_max, t = _money(price), _money(low), _money(high), _short(top)
    share = points / top
    figures.update(price=p, pmin=p_min, pmax=p_max)
    if rule.formula is PriceFormula.PROPORTIONAL:
        formula = f"{t} × Pmin / P = {t} × {p_min} / {p}"
    elif rule.formula is PriceFormula.LINEAR and low == high:
        formula = f"{t} × 1 (Pmax = Pmin = {p_min}: every admissible offer gets it all)"
    elif rule.formula is PriceFormula.LINEAR:
        formula = f"{t} × (Pmax − P) / (Pmax − Pmin) = {t} × ({p_max} − {p}) / ({p_max} − {p_min})"
    else:
        k = _plain(rule.k)
        figures["k"] = k
        formula = (
            f"{t} × max(0, (k·Pmin − P) / ((k − 1)·Pmin)) = "
            f"{t} × max(0, ({k} × {p_min} − {p}) / (({k} − 1) × {p_min}))"
        )
    figures.update(share=str(share), points=_points(points), points_exact=str(points))
    count = len(lot.ranked)
    used = f"Pmin = {p_min} is the lowest price {basis} of the {count} admissible offer(s)"
    if rule.formula is PriceFormula.LINEAR:
        used += f", Pmax = {p_max} the highest"
    if price == low:
        used += " (Pmin is this offer's price)"
    text = (
        f"{head}, {rule.formula.value} formula on the price {basis}: {formula} = "
        f"{_with_exact(points)}; {used}"
    )
    rates = sorted({r.vat_rate for r in lot.ranked if r.vat_rate is not None})
    if len(rates) > 1 and rule.basis is PriceBasis.HT:
        text += f"; VAT rates differ among them ({', '.join(percent(r) for r in rates)})"
    return Step("price-points", text + ".", figures)


def _total_step(config: Config, points: Mapping[str, Fraction], total: Fraction) -> Step:
    ids = [c.id for c in config.criteria if c.id in points]
    parts = " + ".join(f"{c} {_points(points[c])}" for c in ids)
    text = f"Total = {parts} = {_points(total)}"
    if any(points[c].denominator != 1 for c in ids):
        exact = " + ".join(str(points[c]) for c in ids)
        text += f" (exactly {exact} = {total})"
    rounded_sum = sum((_rounded(points[c]) for c in ids), Decimal(0))
    if rounded_sum != _rounded(total):
        text += (
            f"; the total is the sum of the exact points, so it differs from the sum of the "
            f"rounded points ({rounded_sum})"
        )
    return Step("total", text + ".", {"total": _points(total), "total_exact": str(total)})


def _rank_steps(config: Config, lot: LotResult, result: OfferResult) -> Iterator[Step]:
    rank = result.rank
    assert rank is not None
    assert result.total is not None
    count = len(lot.ranked)
    yield Step(
        "rank",
        f"Rank {rank} of {count} admissible offer(s) of lot {lot.lot.id}, by exact total, "
        "highest first.",
        {"rank": str(rank), "ranked": str(count)},
    )
    above = [r for r in lot.ranked if r.rank is not None and r.rank < rank]
    below = [r for r in lot.ranked if r.rank is not None and r.rank > rank]
    first = lot.ranked[0]
    if above and above[-1].rank != first.rank:
        yield _gap_step("gap-above", "ranked just above", above[-1], result)
    gap = formats.gap_to_first(lot, result)
    assert gap is not None
    if rank == 1:
        yield Step(
            "gap-first",
            "Ranked first: gap to the first 0.00.",
            {"candidate": first.candidate, "gap": _points(gap), "gap_exact": str(gap)},
        )
        if below:
            yield _gap_step("gap-below", "ranked just below", below[0], result)
    else:
        just_above = above[-1].offer.row == first.offer.row
        where = "ranked first, just above" if just_above else "ranked first"
        yield _gap_step("gap-first", where, first, result)
    yield from _tie_steps(config, lot, result)


def _gap_step(code: str, where: str, other: OfferResult, result: OfferResult) -> Step:
    """The difference of two totals, exact and then rounded, said the right way round."""
    assert other.total is not None
    assert result.total is not None
    ahead = result.total > other.total
    high, low = (result.total, other.total) if ahead else (other.total, result.total)
    gap = high - low
    text = (
        f"{'Lead over' if ahead else 'Gap to'} {other.candidate}, {where} (rank {other.rank}, "
        f"total {_points(other.total)}): {high} − {low} = {gap} exactly, {_points(gap)} points "
        "rounded half up"
    )
    naive = _rounded(high) - _rounded(low)
    if naive != _rounded(gap):
        text += f" (the difference of the rounded totals would give {naive})"
    elif gap == 0:
        text += ": the same total, see the tie"
    return Step(
        code,
        text + ".",
        {
            "candidate": other.candidate,
            "row": str(other.offer.row),
            "rank": str(other.rank),
            "total": _points(other.total),
            "gap": _points(gap),
            "gap_exact": str(gap),
        },
    )


def _tie_steps(config: Config, lot: LotResult, result: OfferResult) -> Iterator[Step]:
    for tie in lot.ties:
        rows = [r.offer.row for r in tie.offers]
        if result.offer.row not in rows:
            continue
        others = [r for r in tie.offers if r.offer.row != result.offer.row]
        text = f"Exact tie at {_points(tie.total)} points with {_names(others)}"
        figures = {
            "total": _points(tie.total),
            "total_exact": str(tie.total),
            "with": "; ".join(r.candidate for r in others),
            "tie_break": ", ".join(config.tie_break),
            "decided_by": tie.decided_by or "",
        }
        if not config.tie_break:
            text += ": no tie_break is configured"
        else:
            text += f"; tie_break: {', '.join(config.tie_break)}"
            compared = []
            for criterion in config.tie_break:
                values = [_points(r.points.get(criterion, Fraction(0))) for r in tie.offers]
                listed = ", ".join(
                    f"{'this offer' if r.offer.row == result.offer.row else r.candidate} {value}"
                    for r, value in zip(tie.offers, values, strict=True)
                )
                if criterion == tie.decided_by:
                    compared.append(f"decided by {criterion} points ({listed})")
                    break
                compared.append(f"{criterion} points equal ({values[0]})")
            text += ": " + "; ".join(compared)
            if tie.decided_by is None:
                text += ": the tie-break does not separate them"
        ranks = ", ".join(
            f"{'this offer' if r.offer.row == result.offer.row else r.candidate} {r.rank}"
            for r in tie.offers
        )
        text += f"; ranks: {ranks}"
        for same in tie.shared:
            if any(r.offer.row == result.offer.row for r in same):
                text += f"; this offer shares rank {result.rank}"
        figures["ranks"] = "; ".join(f"{r.candidate}: {r.rank}" for r in tie.offers)
        yield Step("tie", text + ".", figures)


# ---- ordering: hierarchy ----------------------------------------------------------------------


def _hierarchy_steps(config: Config, lot: LotResult, result: OfferResult) -> Iterator[Step]:
    """No points in a hierarchy: each criterion's mark (or the price), then the comparison with
    the offers ranked next to this one, criterion by criterion."""
    for position, criterion in enumerate(config.criteria, start=1):
        head = f"{criterion.id} ({_ordinal(position)} in the hierarchy)"
        if criterion.is_price:
            rule = criterion.price
            assert rule is not None
            price = _price_on(result, rule.basis)
            shown = _money(price) if price is not None else "unknown"
            yield Step(
                "price-compared",
                f"{head}: compared on the price {rule.basis.value.upper()}, {shown}, "
                "the lower first.",
                _present(
                    criterion=criterion.id, basis=rule.basis.value, price=formats.money(price)
                ),
            )
            continue
        figures = {"criterion": criterion.id, "scale": _plain(criterion.scale)}
        mark = result.offer.marks.get(criterion.id)
        if mark is None:
            yield Step("mark", f"{head}: no mark.", figures)
            continue
        origin = _mark_origin(config, result, criterion, figures)
        figures.update(mark=_mark_figure(mark), mark_exact=str(Fraction(mark)))
        yield Step(
            "mark",
            f"{head}: mark {_mark(mark)}{origin} / {_plain(criterion.scale)}, the higher first.",
            figures,
        )
    rank = result.rank
    if rank is None:
        figures = {"status": result.status.value}
        yield Step(
            "rank",
            f"Not ranked: only the admissible offers of lot {lot.lot.id} are compared, and this "
            f"offer is {result.status.value}.",
            figures,
        )
        return
    count = len(lot.ranked)
    yield Step(
        "rank",
        f"Rank {rank} of {count} admissible offer(s) of lot {lot.lot.id} (ordering: hierarchy, "
        "no points and no total): criteria compared one after the other, in the order listed.",
        {"rank": str(rank), "ranked": str(count)},
    )
    above = [r for r in lot.ranked if r.rank is not None and r.rank < rank]
    same = [r for r in lot.ranked if r.rank == rank and r is not result]
    below = [r for r in lot.ranked if r.rank is not None and r.rank > rank]
    if above:
        yield _comparison("compare-above", "ranked just above", config, result, above[-1])
    for other in same:
        yield _comparison("compare-same", "same rank", config, result, other)
    if below:
        yield _comparison("compare-below", "ranked just below", config, result, below[0])


def _comparison(
    code: str, where: str, config: Config, result: OfferResult, other: OfferResult
) -> Step:
    """Criterion by criterion until one differs: the one that put one offer before the other."""
    equal: list[str] = []
    figures = {"candidate": other.candidate, "row": str(other.offer.row), "rank": str(other.rank)}
    text = f"Against {other.candidate}, {where} (rank {other.rank}): "
    for criterion in config.criteria:
        mine, theirs, shown_mine, shown_theirs = _hierarchy_values(criterion, result, other)
        if mine == theirs:
            equal.append(f"{criterion.id} ({shown_mine} each)")
            continue
        ahead = "this offer" if mine > theirs else other.candidate
        if equal:
            text += f"equal on {', '.join(equal)}; "
        text += (
            f"on {criterion.id}, {shown_mine} against {shown_theirs}: {ahead} comes first"
            f"{' (lower price)' if criterion.is_price else ''}."
        )
        figures.update(decided_by=criterion.id, this=shown_mine, other=shown_theirs)
        return Step(code, text, figures)
    figures["decided_by"] = ""
    return Step(
        code,
        text + f"equal on every criterion, {', '.join(equal)}: they share rank {other.rank}.",
        figures,
    )


def _hierarchy_values(
    criterion: Criterion, result: OfferResult, other: OfferResult
) -> tuple[Fraction, Fraction, str, str]:
    """The compared values of both offers (higher is better) and how they are shown."""
    if criterion.price is not None:
        mine_price = _price_on(result, criterion.price.basis)
        their_price = _price_on(other, criterion.price.basis)
        assert mine_price is not None
        assert their_price is not None
        basis = criterion.price.basis.value.upper()
        return (
            -Fraction(mine_price),
            -Fraction(their_price),
            f"{_money(mine_price)} {basis}",
            f"{_money(their_price)} {basis}",
        )
    scale = _plain(criterion.scale)
    mine = result.offer.marks[criterion.id]
    theirs = other.offer.marks[criterion.id]
    return (
        Fraction(mine) / Fraction(criterion.scale),
        Fraction(theirs) / Fraction(criterion.scale),
        f"{_mark(mine)} / {scale}",
        f"{_mark(theirs)} / {scale}",
    )


# ---- award, status, reasons, warnings --------------------------------------------------------


def _award_steps(config: Config, lot: LotResult, result: OfferResult) -> Iterator[Step]:
    limit = config.consultation.max_lots_per_candidate
    figures = _present(
        award_note=lot.award_note,
        max_lots_per_candidate=None if limit is None else str(limit),
    )
    note = f" ({lot.award_note})" if lot.award_note else ""
    limit_text = f"; a candidate may win at most {limit} lot(s) (max_lots_per_candidate)"
    award = lot.award
    if award is None:
        if lot.award_note is None:
            return
        yield Step("award", f"No award for lot {lot.lot.id}: {lot.award_note}.", figures)
        return
    figures.update(
        award_candidate=award.candidate, award_row=str(award.offer.row), award_rank=str(award.rank)
    )
    if award.offer.row == result.offer.row:
        text = f"Lot {lot.lot.id} goes to this offer (rank {award.rank}){note}"
    else:
        text = (
            f"Lot {lot.lot.id} goes to {award.candidate} (rank {award.rank}){note}, "
            "not to this offer"
        )
    if limit is not None and any(w.code == "lot-limit" for r in lot.ranked for w in r.warnings):
        text += limit_text
    yield Step("award", text + ".", figures)


def _status_steps(config: Config, result: OfferResult) -> Iterator[Step]:
    status = result.status.value
    if result.status is Status.ADMISSIBLE:
        yield Step(
            "status",
            f"Status admissible: {_reception(config, result)}; "
            f"{_documents(config)}; price within the cap: ranked.",
            {"status": status},
        )
        return
    order = ", ".join(s.value for s in Status if s is not Status.ADMISSIBLE)
    yield Step(
        "status",
        f"Status {status}: not ranked, so no price points, no total and no rank (an offer takes "
        f"the first status that applies, in the order {order}).",
        {"status": status},
    )
    lines = formats.excluded_reasons(result)
    for reason, line in zip(result.reasons, lines, strict=True):
        kind = "" if reason.code == reason.status.value else f" ({reason.status.value})"
        yield Step(
            "reason",
            f"Reason {reason.code}{kind}: {line}.",
            _present(
                code=reason.code,
                status=reason.status.value,
                message=reason.message,
                cell=reason.cell,
                field=reason.field,
                legal_basis=reason.legal_basis,
            ),
        )


def _reception(config: Config, result: OfferResult) -> str:
    deadline = config.consultation.deadline
    received = result.offer.received_at
    if deadline is None:
        return "no deadline is set"
    limit = (
        _when(deadline)
        if isinstance(deadline, datetime)
        else f"{_when(deadline)} (the end of that day)"
    )
    if received is None:
        return f"no reception date given (deadline {limit})"
    same_day = isinstance(deadline, datetime) and received == deadline.date()
    if same_day and not isinstance(received, datetime):
        return f"received {_when(received)} without a time, the deadline being {limit}"
    return f"received {_when(received)}, by the deadline {limit}"


def _documents(config: Config) -> str:
    required = config.consultation.required_documents
    if not required:
        return "no document is required"
    return f"every required document provided ({', '.join(required)})"


def _warning_step(warning: Problem) -> Step:
    cell = f" ({warning.cell})" if warning.cell else ""
    return Step(
        "warning",
        f"Warning {warning.code}{cell}: {_sentence(warning.message)}",
        _present(
            code=warning.code,
            severity=warning.severity.value,
            cell=warning.cell,
            field=warning.field,
            message=warning.message,
        ),
    )


# ---- outputs ---------------------------------------------------------------------------------


def explanation_dict(explanation: Explanation) -> dict[str, Any]:
    """The explanation as data (``--format json``): keys and codes never change with the
    language."""
    return {
        "lot": explanation.lot,
        "lot_title": explanation.lot_title,
        "candidate": explanation.candidate,
        "row": explanation.row,
        "status": explanation.status,
        "rank": explanation.rank,
        "steps": [
            {"code": step.code, "text": step.text, "figures": dict(step.figures)}
            for step in explanation.steps
        ],
    }


def explanation_text(explanation: Explanation) -> str:
    """Numbered lines for the terminal, under a heading naming the offer."""
    rank = f"rank {explanation.rank}" if explanation.rank is not None else explanation.status
    lines = [
        f"Lot {explanation.lot} — {explanation.lot_title}: {explanation.candidate} "
        f"(row {explanation.row}, {rank})"
    ]
    width = len(str(len(explanation.steps)))
    lines += [
        f"{number:>{width}}. {step.text}" for number, step in enumerate(explanation.steps, start=1)
    ]
    return "\n".join(lines) + "\n"


# ---- small helpers ---------------------------------------------------------------------------


def _money(value: Decimal) -> str:
    shown = formats.money(value)
    assert shown is not None
    return shown


def _text(value: str | None) -> str:
    return "" if value is None else value


def _decimal(value: Decimal) -> str:
    """An exact decimal with at least 2 places and no more than it has: 9000.00, 9613.725."""
    exponent = value.normalize().as_tuple().exponent
    places = max(2, -exponent if isinstance(exponent, int) else 2)
    return f"{value:.{places}f}"


def _points(value: Fraction) -> str:
    """Points rounded half up to 2 decimals, as every output shows them."""
    return str(_rounded(value))


def _rounded(value: Fraction) -> Decimal:
    rounded = formats.points(value)
    assert rounded is not None
    return rounded


def _with_exact(value: Fraction) -> str:
    """``20.00``, or ``15.31 (exactly 750/49)`` when rounding hides something."""
    if value.denominator == 1 or Fraction(_rounded(value)) == value:
        return _points(value)
    return f"{_points(value)} (exactly {value})"


def _short(value: Fraction) -> str:
    """A maximum of points as written in a heading: ``30``, ``33.33``."""
    text = _points(value)
    return text[:-3] if text.endswith(".00") else text


def _plain(value: Decimal) -> str:
    """A weight, scale or mark without useless zeros: ``30``, ``3.5``."""
    return _text(formats.quantity(value))


def _mark(value: Decimal | Fraction) -> str:
    """A mark as typed (``3.5``), or an aggregated one exactly (``23/6 ≈ 3.83``)."""
    if isinstance(value, Decimal):
        return _plain(value)
    if value.denominator == 1:
        return str(value.numerator)
    return f"{value} ≈ {_points(value)}"


def _mark_figure(value: Decimal | Fraction) -> str:
    if isinstance(value, Decimal):
        return _plain(value)
    return _points(value) if value.denominator != 1 else str(value.numerator)


def _price_on(result: OfferResult, basis: PriceBasis) -> Decimal | None:
    return result.price_ht if basis is PriceBasis.HT else result.price_ttc


def _names(results: Iterable[OfferResult]) -> str:
    names = [r.candidate for r in results]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def _ordinal(position: int) -> str:
    """1st, 2nd, 3rd, 4th… 11th, 12th, 13th, 21st."""
    if 10 <= position % 100 <= 20:
        return f"{position}th"
    return f"{position}{ {1: 'st', 2: 'nd', 3: 'rd'}.get(position % 10, 'th') }"


def _when(moment: date | datetime) -> str:
    if isinstance(moment, datetime):
        return moment.strftime("%Y-%m-%d %H:%M")
    return moment.isoformat()


def _sentence(text: str) -> str:
    text = text[:1].upper() + text[1:]
    return text if text.endswith(".") else text + "."


def _present(**values: str | None) -> dict[str, str]:
    """The figures that are known: a missing value is left out, never written as ``None``."""
    return {key: value for key, value in values.items() if value is not None}
