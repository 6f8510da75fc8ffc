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
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from decimal import Decimal
from fractions import Fraction
from typing import Any

from referent_ess import i18n
from referent_ess.base.normalise import normalise
from referent_ess.config.choices import Ordering, PriceBasis, PriceFormula
from referent_ess.config.consultation import Config, Criterion
from referent_ess.evaluation.kernel import max_points
from referent_ess.evaluation.results import BudgetCheck, Evaluation, LotResult, OfferResult, Status
from referent_ess.i18n import numbers, tr
from referent_ess.i18n.numbers import percent
from referent_ess.problems.errors import ReferentError
from referent_ess.problems.problem import Problem
from referent_ess.render import cells, phrases

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
    steps: tuple[Step, ...]  # in English, like the JSON
    read: tuple[str, ...] = ()  # the steps' texts in the run's language, when not English


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
            params=(
                ("path", str(where)),
                ("candidate", repr(candidate)),
                ("count", str(len(matches))),
                ("lot", str(lot_id)),
                ("rows", rows),
            ),
        )
    message, params = _unknown_candidate(evaluation, lot, candidate)
    raise ReferentError(message, UNKNOWN_CANDIDATE, params=params)


def _lot(evaluation: Evaluation, lot_id: int) -> LotResult:
    lot = evaluation.lot(lot_id)
    if lot is None:
        known = ", ".join(str(result.lot.id) for result in evaluation.lots)
        path = evaluation.config.lots_path
        raise ReferentError(
            f"{path}: there is no lot {lot_id} (lots: {known})",
            NO_LOT,
            params=(("path", str(path)), ("lot", str(lot_id)), ("known", known)),
        )
    return lot


def _unknown_candidate(
    evaluation: Evaluation, lot: LotResult, candidate: str
) -> tuple[str, tuple[tuple[str, str], ...]]:
    """The message for a name that matches no offer, and its parameters: the closest names, the
    lot's candidates, and the other lots the name has offers on (a wrong --lot is a common
    slip)."""
    names = [r.candidate for r in lot.offers]
    by_key = {normalise(r.offer.candidate): r.candidate for r in lot.offers if r.offer.candidate}
    wanted = normalise(candidate)
    close = difflib.get_close_matches(wanted, list(by_key), n=3, cutoff=0.6)
    message = f"{evaluation.book.path}: lot {lot.lot.id} has no offer from {candidate!r}"
    params: list[tuple[str, str]] = [
        ("path", str(evaluation.book.path)),
        ("lot", str(lot.lot.id)),
        ("candidate", repr(candidate)),
        ("close_part", f"close.{len(close)}"),
        *((f"close{number}", repr(by_key[key])) for number, key in enumerate(close, 1)),
        ("listed", ", ".join(names)),
        ("listed_part", "candidates.some" if names else "candidates.none"),
        ("elsewhere_part", "elsewhere.none"),
    ]
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
        params[-1] = ("elsewhere_part", "elsewhere.some")
        params.append(("elsewhere", ", ".join(elsewhere)))
    return message, tuple(params)


# ---- the explanation -------------------------------------------------------------------------


def explain(evaluation: Evaluation, lot_id: int, candidate: str) -> Explanation:
    """Every step of the evaluation of ``candidate``'s offer on lot ``lot_id``.

    The steps are written in English (the JSON's text, which never changes with the language);
    in another language, ``read`` holds the same steps as they are printed for people."""
    with i18n.language("en"):
        explanation = _explain(evaluation, lot_id, candidate)
    if i18n.current() == "en":
        return explanation
    localised = _explain(evaluation, lot_id, candidate)
    return replace(explanation, read=tuple(step.text for step in localised.steps))


def _explain(evaluation: Evaluation, lot_id: int, candidate: str) -> Explanation:
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
        steps.append(Step("provisional", phrases.provisional_note(evaluation, [lot]) + "."))
    steps += _award_steps(config, lot, result)
    steps += _status_steps(config, result)
    if lot.abnormal_note is not None and result.status is Status.ADMISSIBLE:
        steps.append(Step("abnormally-low-check", _sentence(phrases.abnormal_text(evaluation))))
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
        cells = f" {tr('and')} ".join(
            f"{tr(what)} ({offer.cells.get(name, tr('ex.no_column'))})"
            for name, what, value in (
                ("day_rate_ht", "ex.what.day_rate", rate),
                ("days", "ex.what.days", days),
            )
            if value is None
        )
        yield Step(
            "price-ht",
            tr("ex.price_ht.unknown", cells=cells or tr("ex.what.either")),
            _present(day_rate_ht=numbers.money_raw(rate), days=numbers.quantity_raw(days)),
        )
        yield Step("price-ttc", tr("ex.price_ttc.no_ht"))
        return
    product = rate * days
    figures = {
        "day_rate_ht": _money(rate),
        "days": _text(numbers.quantity_raw(days)),
        "product": _decimal(product),
        "price_ht": _money(result.price_ht),
    }
    if product == result.price_ht:
        value = _m(result.price_ht)
    else:
        value = tr("ex.rounded", exact=_exact_money(product), rounded=_m(result.price_ht))
    text = tr("ex.price_ht", rate=_m(rate), days=_n(figures["days"]), value=value)
    stated = offer.price_ht_stated
    if stated is not None:
        figures["stated_price_ht"] = _money(stated)
        if not any(w.code == "price-mismatch" for w in result.warnings):
            text += tr("ex.price_ht.stated", stated=_m(stated))
    yield Step("price-ht", text + ".", figures)
    yield _ttc_step(config, result, result.price_ht)


def _ttc_step(config: Config, result: OfferResult, amount_ht: Decimal) -> Step:
    """TTC with the rate applied and where it comes from: a buyer is asked that first."""
    offer = result.offer
    cell = offer.cells.get("vat_rate")
    vat = result.vat_rate
    if vat is None or result.price_ttc is None:
        where = f" ({cell})" if cell else ""
        return Step(
            "price-ttc", tr("ex.price_ttc.no_vat", where=where), {"price_ht": _money(amount_ht)}
        )
    if offer.vat_rate is not None:
        source = "offer"
        origin = tr("ex.vat.offer_cell", cell=cell) if cell else tr("ex.vat.offer")
    else:
        source = "consultation"
        empty = tr("ex.vat.empty_cell", cell=cell) if cell else ""
        origin = tr("ex.vat.default", file=config.lots_path.name, empty=empty)
    shown = tr("ex.vat.exempt") if vat == 0 else tr("ex.vat.rate", rate=_percent(vat))
    product = amount_ht * (1 + vat)
    if product == result.price_ttc:
        value = _m(result.price_ttc)
    else:
        value = tr("ex.rounded", exact=_exact_money(product), rounded=_m(result.price_ttc))
    text = tr(
        "ex.price_ttc",
        ht=_m(amount_ht),
        rate=_n(_text(numbers.decimal_raw(vat))),
        value=value,
        shown=shown,
        origin=origin,
    )
    figures = {
        "price_ht": _money(amount_ht),
        "vat_rate": _text(numbers.decimal_raw(vat)),
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
        yield Step("cap-check", tr("ex.cap.unknown", cap_basis=cap_basis), {"cap_basis": cap_basis})
        return
    for check in result.budget:
        yield _cap_step(cap_basis, check)


def _cap_step(cap_basis: str, check: BudgetCheck) -> Step:
    basis = check.basis.value.upper()
    price, cap = _m(check.price), _m(check.cap)
    if check.within:
        verdict = tr("ex.cap.within", price=price, cap=cap, margin=_m(check.margin))
    else:
        verdict = tr("ex.cap.over", price=price, cap=cap, excess=_m(-check.margin))
    return Step(
        "cap-check",
        tr("ex.cap", basis=basis, cap_basis=cap_basis, verdict=verdict),
        {
            "cap_basis": cap_basis,
            "basis": check.basis.value,
            "price": _money(check.price),
            "cap": _money(check.cap),
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
            why = tr("ex.mark.eliminated")
        return Step("mark-points", tr("ex.mark.none", head=head, why=why), figures)
    text = tr(
        "ex.mark",
        head=head,
        mark=_n(_mark(mark)),
        origin=_mark_origin(config, result, criterion, figures),
        scale=_n(_plain(criterion.scale)),
        top=_n(_short(top)),
        points=_with_exact(points),
    )
    if result.status is not Status.ADMISSIBLE:
        text += tr("ex.mark.not_ranked")
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
        return Step("mark-points", text + tr("ex.mark.comment", comment=comment), figures)
    return Step("mark-points", text + ".", figures)


def _criterion_head(criterion: Criterion, top: Fraction) -> str:
    """``context (weight 30 %, at most 30 points)``, with the exact maximum when it is not
    what the rounded one says."""
    exact = "" if Fraction(_rounded(top)) == top else tr("ex.exactly", value=top)
    return tr(
        "ex.head",
        id=criterion.id,
        weight=_n(_plain(criterion.weight)),
        top=_n(_short(top)),
        exact=exact,
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
        listed = ", ".join(f"{who} {_n(_plain(value))}" for who, value in marks.items())
        return tr("ex.mark.evaluators", how=tr(f"ex.aggregate.{how}"), listed=listed)
    cell = offer.cells.get(criterion.id)
    if cell:
        figures["cell"] = cell
        return tr("ex.cell", cell=cell)
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
            tr(
                "ex.price_points.none",
                head=head,
                lot=lot.lot.id,
                status=tr(f"status.{result.status.value}"),
            ),
            figures,
        )
    price = result.price_ht if rule.basis is PriceBasis.HT else result.price_ttc
    low, high = lot.lowest_price, lot.highest_price
    assert price is not None
    assert low is not None
    assert high is not None
    p, p_min, p_max, t = _m(price), _m(low), _m(high), _n(_short(top))
    share = points / top
    figures.update(price=_money(price), pmin=_money(low), pmax=_money(high))
    if rule.formula is PriceFormula.PROPORTIONAL:
        formula = f"{t} × Pmin / P = {t} × {p_min} / {p}"
    elif rule.formula is PriceFormula.LINEAR and low == high:
        formula = tr("ex.linear_all", top=t, pmin=p_min)
    elif rule.formula is PriceFormula.LINEAR:
        formula = f"{t} × (Pmax − P) / (Pmax − Pmin) = {t} × ({p_max} − {p}) / ({p_max} − {p_min})"
    else:
        k = _plain(rule.k)
        figures["k"] = k
        formula = (
            f"{t} × max(0, (k·Pmin − P) / ((k − 1)·Pmin)) = "
            f"{t} × max(0, ({_n(k)} × {p_min} − {p}) / (({_n(k)} − 1) × {p_min}))"
        )
    figures.update(share=str(share), points=_points(points), points_exact=str(points))
    count = len(lot.ranked)
    used = tr("ex.pmin", pmin=p_min, basis=basis, count=count)
    if rule.formula is PriceFormula.LINEAR:
        used += tr("ex.pmax", pmax=p_max)
    if price == low:
        used += tr("ex.pmin_is_this")
    text = tr(
        "ex.price_points",
        head=head,
        formula=phrases.formula_name(rule.formula),
        basis=basis,
        expression=formula,
        points=_with_exact(points),
        used=used,
    )
    rates = sorted({r.vat_rate for r in lot.ranked if r.vat_rate is not None})
    if len(rates) > 1 and rule.basis is PriceBasis.HT:
        text += tr("ex.vat_mix", rates=", ".join(_percent(r) for r in rates))
    return Step("price-points", text + ".", figures)


def _total_step(config: Config, points: Mapping[str, Fraction], total: Fraction) -> Step:
    ids = [c.id for c in config.criteria if c.id in points]
    parts = " + ".join(f"{c} {_n(_points(points[c]))}" for c in ids)
    text = f"Total = {parts} = {_n(_points(total))}"
    if any(points[c].denominator != 1 for c in ids):
        exact = " + ".join(str(points[c]) for c in ids)
        text += tr("ex.total.exact", exact=exact, total=total)
    rounded_sum = sum((_rounded(points[c]) for c in ids), Decimal(0))
    if rounded_sum != _rounded(total):
        text += tr("ex.total.rounded", sum=_n(str(rounded_sum)))
    return Step("total", text + ".", {"total": _points(total), "total_exact": str(total)})


def _rank_steps(config: Config, lot: LotResult, result: OfferResult) -> Iterator[Step]:
    rank = result.rank
    assert rank is not None
    assert result.total is not None
    count = len(lot.ranked)
    yield Step(
        "rank",
        tr("ex.rank", rank=rank, count=count, lot=lot.lot.id),
        {"rank": str(rank), "ranked": str(count)},
    )
    above = [r for r in lot.ranked if r.rank is not None and r.rank < rank]
    below = [r for r in lot.ranked if r.rank is not None and r.rank > rank]
    first = lot.ranked[0]
    if above and above[-1].rank != first.rank:
        yield _gap_step("gap-above", tr("ex.where.just_above"), above[-1], result)
    gap = cells.gap_to_first(lot, result)
    assert gap is not None
    if rank == 1:
        yield Step(
            "gap-first",
            tr("ex.gap.first", zero=_n("0.00")),
            {"candidate": first.candidate, "gap": _points(gap), "gap_exact": str(gap)},
        )
        if below:
            yield _gap_step("gap-below", tr("ex.where.just_below"), below[0], result)
    else:
        just_above = above[-1].offer.row == first.offer.row
        where = tr("ex.where.first_just_above") if just_above else tr("ex.where.first")
        yield _gap_step("gap-first", where, first, result)
    yield from _tie_steps(config, lot, result)


def _gap_step(code: str, where: str, other: OfferResult, result: OfferResult) -> Step:
    """The difference of two totals, exact and then rounded, said the right way round."""
    assert other.total is not None
    assert result.total is not None
    ahead = result.total > other.total
    high, low = (result.total, other.total) if ahead else (other.total, result.total)
    gap = high - low
    text = tr(
        "ex.gap.lead" if ahead else "ex.gap.behind",
        other=other.candidate,
        where=where,
        rank=other.rank,
        total=_n(_points(other.total)),
        high=high,
        low=low,
        gap=gap,
        rounded=_n(_points(gap)),
    )
    naive = _rounded(high) - _rounded(low)
    if naive != _rounded(gap):
        text += tr("ex.gap.naive", naive=_n(str(naive)))
    elif gap == 0:
        text += tr("ex.gap.same_total")
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
        text = tr("ex.tie", total=_n(_points(tie.total)), names=_names(others))
        figures = {
            "total": _points(tie.total),
            "total_exact": str(tie.total),
            "with": "; ".join(r.candidate for r in others),
            "tie_break": ", ".join(config.tie_break),
            "decided_by": tie.decided_by or "",
        }
        if not config.tie_break:
            text += tr("ex.tie.none")
        else:
            text += tr("ex.tie.rule", rule=", ".join(config.tie_break))
            compared = []
            for criterion in config.tie_break:
                values = [_points(r.points.get(criterion, Fraction(0))) for r in tie.offers]
                listed = ", ".join(
                    f"{_this_or(r, result)} {_n(value)}"
                    for r, value in zip(tie.offers, values, strict=True)
                )
                if criterion == tie.decided_by:
                    compared.append(tr("ex.tie.decided", criterion=criterion, listed=listed))
                    break
                compared.append(tr("ex.tie.equal", criterion=criterion, value=_n(values[0])))
            text += tr("ex.tie.compared", compared=tr("ex.semicolon").join(compared))
            if tie.decided_by is None:
                text += tr("ex.tie.undecided")
        ranks = ", ".join(f"{_this_or(r, result)} {r.rank}" for r in tie.offers)
        text += tr("ex.tie.ranks", ranks=ranks)
        for same in tie.shared:
            if any(r.offer.row == result.offer.row for r in same):
                text += tr("ex.tie.shared", rank=result.rank)
        figures["ranks"] = "; ".join(f"{r.candidate}: {r.rank}" for r in tie.offers)
        yield Step("tie", text + ".", figures)


def _this_or(other: OfferResult, result: OfferResult) -> str:
    return tr("ex.this_offer") if other.offer.row == result.offer.row else other.candidate


# ---- ordering: hierarchy ----------------------------------------------------------------------


def _hierarchy_steps(config: Config, lot: LotResult, result: OfferResult) -> Iterator[Step]:
    """No points in a hierarchy: each criterion's mark (or the price), then the comparison with
    the offers ranked next to this one, criterion by criterion."""
    for position, criterion in enumerate(config.criteria, start=1):
        head = tr("ex.hierarchy.head", id=criterion.id, ordinal=_ordinal(position))
        if criterion.is_price:
            rule = criterion.price
            assert rule is not None
            price = _price_on(result, rule.basis)
            shown = _m(price) if price is not None else tr("ex.unknown")
            yield Step(
                "price-compared",
                tr("ex.hierarchy.price", head=head, basis=rule.basis.value.upper(), shown=shown),
                _present(
                    criterion=criterion.id, basis=rule.basis.value, price=numbers.money_raw(price)
                ),
            )
            continue
        figures = {"criterion": criterion.id, "scale": _plain(criterion.scale)}
        mark = result.offer.marks.get(criterion.id)
        if mark is None:
            yield Step("mark", tr("ex.hierarchy.no_mark", head=head), figures)
            continue
        origin = _mark_origin(config, result, criterion, figures)
        figures.update(mark=_mark_figure(mark), mark_exact=str(Fraction(mark)))
        yield Step(
            "mark",
            tr(
                "ex.hierarchy.mark",
                head=head,
                mark=_n(_mark(mark)),
                origin=origin,
                scale=_n(_plain(criterion.scale)),
            ),
            figures,
        )
    rank = result.rank
    if rank is None:
        figures = {"status": result.status.value}
        yield Step(
            "rank",
            tr(
                "ex.hierarchy.not_ranked",
                lot=lot.lot.id,
                status=tr(f"status.{result.status.value}"),
            ),
            figures,
        )
        return
    count = len(lot.ranked)
    yield Step(
        "rank",
        tr("ex.hierarchy.rank", rank=rank, count=count, lot=lot.lot.id),
        {"rank": str(rank), "ranked": str(count)},
    )
    above = [r for r in lot.ranked if r.rank is not None and r.rank < rank]
    same = [r for r in lot.ranked if r.rank == rank and r is not result]
    below = [r for r in lot.ranked if r.rank is not None and r.rank > rank]
    if above:
        yield _comparison("compare-above", tr("ex.where.just_above"), config, result, above[-1])
    for other in same:
        yield _comparison("compare-same", tr("ex.where.same"), config, result, other)
    if below:
        yield _comparison("compare-below", tr("ex.where.just_below"), config, result, below[0])


def _comparison(
    code: str, where: str, config: Config, result: OfferResult, other: OfferResult
) -> Step:
    """Criterion by criterion until one differs: the one that put one offer before the other."""
    equal: list[str] = []
    figures = {"candidate": other.candidate, "row": str(other.offer.row), "rank": str(other.rank)}
    text = tr("ex.compare", other=other.candidate, where=where, rank=other.rank)
    for criterion in config.criteria:
        mine, theirs, shown_mine, shown_theirs = _hierarchy_values(criterion, result, other)
        if mine == theirs:
            equal.append(tr("ex.compare.each", id=criterion.id, shown=_localised(shown_mine)))
            continue
        ahead = tr("ex.this_offer") if mine > theirs else other.candidate
        if equal:
            text += tr("ex.compare.equal_on", equal=", ".join(equal))
        text += tr(
            "ex.compare.decided",
            id=criterion.id,
            mine=_localised(shown_mine),
            theirs=_localised(shown_theirs),
            ahead=ahead,
            lower=tr("ex.compare.lower_price") if criterion.is_price else "",
        )
        figures.update(decided_by=criterion.id, this=shown_mine, other=shown_theirs)
        return Step(code, text, figures)
    figures["decided_by"] = ""
    return Step(
        code,
        text + tr("ex.compare.all_equal", equal=", ".join(equal), rank=other.rank),
        figures,
    )


def _localised(shown: str) -> str:
    """A compared value (``9000.00 HT``, ``4 / 5``) as people read it here."""
    if i18n.current() == "en":
        return shown
    amount, _, basis = shown.partition(" ")
    if basis in ("HT", "TTC"):
        return f"{i18n.money(Decimal(amount))} {basis}"
    return _n(shown)


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
    translated = phrases.award_note(lot)
    note = f" ({translated})" if translated else ""
    award = lot.award
    if award is None:
        if translated is None:
            return
        yield Step("award", tr("ex.award.none", lot=lot.lot.id, note=translated), figures)
        return
    figures.update(
        award_candidate=award.candidate, award_row=str(award.offer.row), award_rank=str(award.rank)
    )
    if award.offer.row == result.offer.row:
        text = tr("ex.award.this", lot=lot.lot.id, rank=award.rank, note=note)
    else:
        text = tr(
            "ex.award.other", lot=lot.lot.id, candidate=award.candidate, rank=award.rank, note=note
        )
    if limit is not None and any(w.code == "lot-limit" for r in lot.ranked for w in r.warnings):
        text += tr("ex.award.limit", limit=limit)
    yield Step("award", text + ".", figures)


def _status_steps(config: Config, result: OfferResult) -> Iterator[Step]:
    status = result.status.value
    if result.status is Status.ADMISSIBLE:
        yield Step(
            "status",
            tr(
                "ex.status.admissible",
                reception=_reception(config, result),
                documents=_documents(config),
            ),
            {"status": status},
        )
        return
    order = ", ".join(tr(f"status.{s.value}") for s in Status if s is not Status.ADMISSIBLE)
    yield Step(
        "status",
        tr("ex.status.excluded", status=tr(f"status.{status}"), order=order),
        {"status": status},
    )
    lines = phrases.excluded_reasons(result)
    for reason, line in zip(result.reasons, lines, strict=True):
        # A reason that is a status (late, incomplete, over_cap) is named by the status's label
        # (hors délai in French); another (bad-number) by its code, then its status's label.
        if reason.code == reason.status.value:
            name = tr(f"status.{reason.status.value}")
        else:
            name = f"{reason.code} ({tr(f'status.{reason.status.value}')})"
        yield Step(
            "reason",
            tr("ex.reason", name=name, line=line),
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
        return tr("ex.reception.no_deadline")
    limit = (
        _when(deadline)
        if isinstance(deadline, datetime)
        else tr("ex.reception.end_of_day", when=_when(deadline))
    )
    if received is None:
        return tr("ex.reception.no_date", limit=limit)
    same_day = isinstance(deadline, datetime) and received == deadline.date()
    if same_day and not isinstance(received, datetime):
        return tr("ex.reception.no_time", when=_when(received), limit=limit)
    return tr("ex.reception.in_time", when=_when(received), limit=limit)


def _documents(config: Config) -> str:
    required = config.consultation.required_documents
    if not required:
        return tr("ex.documents.none")
    return tr("ex.documents.all", documents=", ".join(required))


def _warning_step(warning: Problem) -> Step:
    cell = f" ({warning.cell})" if warning.cell else ""
    message = i18n.message(warning.code, warning.params, warning.message)
    return Step(
        "warning",
        tr("ex.warning", code=warning.code, cell=cell, message=_sentence(message)),
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
    """The explanation as data (``--format json``): keys, codes and texts never change with the
    language (the texts are the English steps)."""
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
    rank = (
        tr("ex.heading.rank", rank=explanation.rank)
        if explanation.rank is not None
        else tr(f"status.{explanation.status}")
    )
    lines = [
        tr(
            "ex.heading",
            lot=explanation.lot,
            title=explanation.lot_title,
            candidate=explanation.candidate,
            row=explanation.row,
            rank=rank,
        )
    ]
    texts = explanation.read or tuple(step.text for step in explanation.steps)
    width = len(str(len(texts)))
    lines += [f"{number:>{width}}. {text}" for number, text in enumerate(texts, start=1)]
    return "\n".join(lines) + "\n"


# ---- small helpers ---------------------------------------------------------------------------


def _m(value: Decimal) -> str:
    """A money amount in a sentence: ``9000.00`` in English, ``9 000,00 €`` in French."""
    shown = i18n.money(value)
    assert shown is not None
    return shown


def _n(text: str) -> str:
    """A figure written the English way (``12.50``) as people read it here (``12,50``)."""
    return text.replace(".", ",") if i18n.current() == "fr" else text


def _exact_money(value: Decimal) -> str:
    """An exact amount before rounding: ``9613.725`` in English, ``9 613,725 €`` in French."""
    text = _decimal(value)
    if i18n.current() != "fr":
        return text
    whole, _, places = text.partition(".")
    grouped = f"{int(whole):,}".replace(",", "\u202f")
    return f"{grouped},{places}\u00a0€"


def _percent(rate: Decimal) -> str:
    """``20 %``; in French ``5,5 %`` with a no-break space."""
    text = percent(rate)
    return _n(text).replace(" %", "\u00a0%") if i18n.current() == "fr" else text


def _money(value: Decimal) -> str:
    shown = numbers.money_raw(value)
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
    rounded = numbers.points(value)
    assert rounded is not None
    return rounded


def _with_exact(value: Fraction) -> str:
    """``20.00``, or ``15.31 (exactly 750/49)`` when rounding hides something."""
    if value.denominator == 1 or Fraction(_rounded(value)) == value:
        return _n(_points(value))
    return _n(_points(value)) + tr("ex.exactly", value=value)


def _short(value: Fraction) -> str:
    """A maximum of points as written in a heading: ``30``, ``33.33``."""
    text = _points(value)
    return text[:-3] if text.endswith(".00") else text


def _plain(value: Decimal) -> str:
    """A weight, scale or mark without useless zeros: ``30``, ``3.5``."""
    return _text(numbers.quantity_raw(value))


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
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} {tr('and')} {names[-1]}"


def _ordinal(position: int) -> str:
    """1st, 2nd, 3rd, 4th… 11th, 12th, 13th, 21st; in French 1er, 2e, 3e…"""
    if i18n.current() == "fr":
        return "1er" if position == 1 else f"{position}e"
    if 10 <= position % 100 <= 20:
        return f"{position}th"
    return f"{position}{ {1: 'st', 2: 'nd', 3: 'rd'}.get(position % 10, 'th') }"


def _when(moment: date | datetime) -> str:
    return i18n.when(moment)  # ISO in English, 23/03/2018 à 17:30 in French


def _sentence(text: str) -> str:
    text = text[:1].upper() + text[1:]
    return text if text.endswith(".") else text + "."


def _present(**values: str | None) -> dict[str, str]:
    """The figures that are known: a missing value is left out, never written as ``None``."""
    return {key: value for key, value in values.items() if value is not None}
