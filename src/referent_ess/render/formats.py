"""Evaluations as data for machines and documents: JSON, CSV and Markdown.

Rendering only: every number comes from :mod:`referent_ess.evaluation.engine`. Money and rates are
written as strings with fixed decimals; points and totals are rounded half up to 2 decimals,
here and nowhere else.
"""

import csv
import io
import json
from collections.abc import Iterable, Iterator, Sequence
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction
from functools import lru_cache
from typing import Any

from referent_ess import i18n
from referent_ess._version import __version__
from referent_ess.base.exact import CENT, round_half_up, scaled_half_up
from referent_ess.base.values import percent
from referent_ess.config.choices import Ordering, PriceFormula
from referent_ess.config.consultation import Config, Criterion
from referent_ess.evaluation.abnormally_low import MINIMUM_OFFERS
from referent_ess.evaluation.kernel import max_points
from referent_ess.evaluation.results import Evaluation, LotResult, OfferResult, Status
from referent_ess.i18n import tr
from referent_ess.problems.problem import Problem, ValidationReport

POINTS_PLACES = 2
_HUNDREDTHS = 100  # 10 ** POINTS_PLACES


def money(value: Decimal | None) -> str | None:
    """A money amount with 2 decimals, e.g. ``9000.00`` (half up, like every rounding here)."""
    return None if value is None else f"{value.quantize(CENT, ROUND_HALF_UP):.2f}"


@lru_cache(maxsize=1024)  # few rates and day counts, written for every offer
def rate(value: Decimal | None) -> str | None:
    """A rate with at least 2 decimals: ``0.20``, ``0.055``, ``0.00``."""
    if value is None:
        return None
    exponent = value.normalize().as_tuple().exponent
    places = max(2, -exponent if isinstance(exponent, int) else 2)
    return f"{value:.{places}f}"


@lru_cache(maxsize=1024)
def quantity(value: Decimal | None) -> str | None:
    """A number of days without useless zeros: ``20``, ``21.5``."""
    if value is None:
        return None
    text = f"{value:f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def points(value: Fraction | Decimal | None) -> Decimal | None:
    return None if value is None else round_half_up(value, POINTS_PLACES)


def _number(value: Fraction | Decimal | None) -> float | None:
    """A point figure for JSON: rounded half up to 2 decimals, then the nearest float."""
    if value is None:
        return None
    if type(value) is Fraction:  # the integer of hundredths / 100 is that same float
        return scaled_half_up(value, POINTS_PLACES) / _HUNDREDTHS
    return _decimal_number(value)


@lru_cache(maxsize=4096)  # marks take few values
def _decimal_number(value: Decimal | Fraction) -> float:
    return float(round_half_up(value, POINTS_PLACES))


def award_note(lot: LotResult) -> str | None:
    """Why the lot has no award, or why it goes to an offer that is not first, in the current
    language."""
    if lot.award_note is None:
        return None
    return i18n.message("award-note", lot.award_params, lot.award_note)


def formula_text(formula: PriceFormula, top: str, comma: str = ", ") -> str:
    """A price formula with the criterion's maximum points, e.g. ``20 × Pmin / P`` (``comma``
    separates the arguments of max: ``" ; "`` in a French spreadsheet)."""
    return {
        PriceFormula.PROPORTIONAL: f"{top} × Pmin / P",
        PriceFormula.LINEAR: f"{top} × (Pmax − P) / (Pmax − Pmin)",
        PriceFormula.GAP: f"{top} × max(0{comma}(k·Pmin − P) / ((k − 1)·Pmin))",
    }[formula]


def tie_notes(lot: LotResult) -> list[str]:
    """One sentence per exact tie of the lot: who tied, what decided, who still shares a rank."""
    notes = []
    for tie in lot.ties:
        note = tr("note.tie", total=i18n.number(tie.total), names=_names(tie.offers))
        if tie.decided_by is not None:
            figures = ("; " if i18n.current() == "fr" else ", ").join(
                str(i18n.number(r.points.get(tie.decided_by))) for r in tie.offers
            )
            note += tr("note.tie_decided", criterion=tie.decided_by, figures=figures)
        else:
            note += tr("note.tie_undecided")
        for same in tie.shared:
            note += tr("note.tie_shared", names=_names(same), rank=same[0].rank)
        notes.append(note + ".")
    return notes


def _listed(items: Sequence[str]) -> str:
    """``1``, ``1 and 2``, ``1, 2 and 3`` (``et`` in French)."""
    if len(items) < 2:
        return "".join(items)
    return f"{', '.join(items[:-1])} {tr('and')} {items[-1]}"


def _names(results: Sequence[OfferResult]) -> str:
    names = [r.candidate for r in results]
    and_ = tr("and")
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + f" {and_} " + names[-1]


def criterion_value(result: OfferResult, criterion: Criterion, config: Config) -> Decimal | None:
    """What a table shows for an offer and a criterion: its points, or in a hierarchy (no
    points) its mark; rounded half up to 2 decimals."""
    if config.ordering is Ordering.HIERARCHY:
        mark = result.offer.marks.get(criterion.id)
        return None if mark is None else round_half_up(mark, POINTS_PLACES)
    return points(result.points.get(criterion.id))


def criterion_heading(criterion: Criterion, config: Config) -> str:
    """``context /30`` (its maximum points), or in a hierarchy ``context /5`` (its scale)."""
    if config.ordering is Ordering.HIERARCHY:
        return f"{criterion.id} /{'P' if criterion.is_price else _short(criterion.scale)}"
    return f"{criterion.id} /{_short(points(max_points(config.total, criterion.weight)))}"


def price_note(evaluation: Evaluation, lot: LotResult) -> str:
    """How the lot's price points were computed, with the figures used."""
    if evaluation.config.ordering is Ordering.HIERARCHY:
        order = ", then ".join(
            f"{c.id} (lower price first)" if c.is_price else f"{c.id} (higher mark first)"
            for c in evaluation.config.criteria
        )
        return (
            f"Ranked by hierarchy (ordering: hierarchy, no points and no total): {order}; "
            "the next criterion is looked at only when the previous ones are equal."
        )
    criterion = evaluation.config.price_criterion
    rule = criterion.price
    assert rule is not None
    top = _short(points(max_points(evaluation.config.total, criterion.weight)))
    basis = rule.basis.value.upper()
    formula = formula_text(rule.formula, top)
    if rule.formula is PriceFormula.GAP:
        formula += f", k = {rule.k}"
    figures = f"Pmin = {i18n.money(lot.lowest_price)}"
    if rule.formula is PriceFormula.LINEAR:
        figures += f", Pmax = {i18n.money(lot.highest_price)}"
    note = tr(
        "note.price",
        criterion=criterion.id,
        formula=FORMULA_NAMES[i18n.current()][rule.formula],
        basis=basis,
        expression=formula,
        figures=figures,
    )
    rates = sorted({r.vat_rate for r in lot.ranked if r.vat_rate is not None})
    if len(rates) > 1:
        note += tr("note.vat_mix", rates=", ".join(percent(r) for r in rates), basis=basis)
    return note


FORMULA_NAMES: dict[str, dict[PriceFormula, str]] = {
    "en": {f: f.value for f in PriceFormula},
    "fr": {
        PriceFormula.PROPORTIONAL: "proportionnelle",
        PriceFormula.LINEAR: "linéaire",
        PriceFormula.GAP: "par écart",
    },
}


def abnormal_text(evaluation: Evaluation) -> str:
    """Why the abnormally-low detection did not apply to a lot (fewer than 3 offers)."""
    method = evaluation.config.consultation.abnormally_low.value
    return tr("lot.abnormal", n=MINIMUM_OFFERS, method=method)


def provisional_note(evaluation: Evaluation, lots: Sequence[LotResult]) -> str:
    """Why a ranking is provisional and what to do about it."""
    ids = {lot.lot.id for lot in lots}
    rows = sorted(
        [
            r.offer.row
            for lot in evaluation.lots
            if lot.lot.id in ids
            for r in lot.excluded
            if r.status is Status.INVALID
        ]
        + [r.offer.row for r in evaluation.unplaced]
    )
    which = _listed([str(i) for i in sorted(ids)])
    listed = ", ".join(map(str, rows))
    return tr(
        "provisional",
        path=evaluation.book.path,
        lots=tr("provisional.lot" if len(ids) == 1 else "provisional.lots", which=which),
        n=len(rows),
        rows=tr("provisional.row" if len(rows) == 1 else "provisional.rows", rows=listed),
    )


def _short(value: object) -> str:
    text = str(value)
    return text[:-3] if text.endswith(".00") else text


def gap_to_first(lot: LotResult, result: OfferResult) -> Fraction | None:
    """How many points the offer is behind the first of its lot (0 for the first)."""
    if result.total is None or not lot.ranked or lot.ranked[0].total is None:
        return None
    return lot.ranked[0].total - result.total


# ---- JSON -------------------------------------------------------------------------------------


def header(config: Config, evaluation: Evaluation) -> dict[str, Any]:
    deadline = config.consultation.deadline
    return {
        "tool": {"name": "referent", "version": __version__},
        "inputs": {
            "lots": {"path": str(config.lots_path), "sha256": config.lots_sha256},
            "criteria": {"path": str(config.criteria_path), "sha256": config.criteria_sha256},
            "offers": {"path": str(evaluation.book.path), "sha256": evaluation.book.sha256},
        },
        "consultation": {
            "title": config.consultation.title,
            "buyer": config.consultation.buyer,
            "deadline": deadline.isoformat() if deadline is not None else None,
            "cap_basis": config.consultation.cap_basis.value,
            "abnormally_low_method": config.consultation.abnormally_low.value,
        },
    }


def problem_dict(problem: Problem) -> dict[str, Any]:
    return {
        "code": problem.code,
        "severity": problem.severity.value,
        "sheet": problem.sheet,
        "cell": problem.cell,
        "row": problem.row,
        "field": problem.field,
        "message": problem.message,
    }


def offer_dict(result: OfferResult, lot: LotResult | None) -> dict[str, Any]:
    offer = result.offer
    return {
        "candidate": offer.candidate,
        "row": offer.row,
        "status": result.status.value,
        "rank": result.rank,
        "day_rate_ht": money(offer.day_rate_ht),
        "days": quantity(offer.days),
        "vat_rate": rate(result.vat_rate),
        "price_ht": money(result.price_ht),
        "price_ttc": money(result.price_ttc),
        "points": {name: _number(value) for name, value in result.points.items()},
        "marks": {name: _number(mark) for name, mark in offer.marks.items()},
        "evaluator_marks": {
            criterion: {who: str(mark) for who, mark in marks.items()}
            for criterion, marks in offer.evaluator_marks.items()
        },
        "total": _number(result.total),
        "gap_to_first": _number(gap_to_first(lot, result)) if lot is not None else None,
        "budget": budget_list(result),
        "reasons": [
            {
                "code": reason.code,
                "status": reason.status.value,
                "message": reason.message,
                "cell": reason.cell,
                "legal_basis": reason.legal_basis,
            }
            for reason in result.reasons
        ],
        "warnings": [problem_dict(w) for w in result.warnings],
    }


def budget_list(result: OfferResult) -> list[dict[str, Any]]:
    """The offer's price against each cap checked: the same shape in every JSON output."""
    return [
        {
            "basis": check.basis.value,
            "cap": money(check.cap),
            "price": money(check.price),
            "margin": money(check.margin),
            "within": check.within,
        }
        for check in result.budget
    ]


def lot_dict(lot: LotResult, *, with_offers: bool = True) -> dict[str, Any]:
    offers = [offer_dict(result, lot) for result in lot.offers] if with_offers else []
    return {
        "id": lot.lot.id,
        "title": lot.lot.title,
        "cap_ht": money(lot.lot.cap_ht),
        "cap_ttc": money(lot.lot.cap_ttc),
        "provisional": lot.provisional,
        "award": None
        if lot.award is None
        else {"candidate": lot.award.candidate, "row": lot.award.offer.row},
        "award_note": lot.award_note,
        "abnormally_low_note": lot.abnormal_note,
        "lowest_price": money(lot.lowest_price),
        "highest_price": money(lot.highest_price),
        "offers": offers,
        "ties": [
            {
                "total": _number(tie.total),
                "rows": [r.offer.row for r in tie.offers],
                "decided_by": tie.decided_by,
                "shared_ranks": [[r.offer.row for r in same] for same in tie.shared],
            }
            for tie in lot.ties
        ],
    }


def evaluation_dict(evaluation: Evaluation, lot_ids: Sequence[int] | None = None) -> dict[str, Any]:
    """The JSON contract of ``score`` and ``rank`` (see the README)."""
    data = header(evaluation.config, evaluation)
    data["lots"] = [lot_dict(lot) for lot in _chosen(evaluation, lot_ids)]
    data["unplaced_offers"] = [offer_dict(result, None) for result in evaluation.unplaced]
    data["problems"] = [problem_dict(p) for p in evaluation.book.sheet_problems]
    return data


_OFFERS_SLOT = "\u0000offers\u0000"  # stands for the list of offers until they are written


def evaluation_json(evaluation: Evaluation, lot_ids: Sequence[int] | None = None) -> str:
    """:func:`evaluation_dict` as JSON text (the same text as ``to_json(evaluation_dict(…))``)."""
    return "".join(evaluation_json_parts(evaluation, lot_ids))


def evaluation_json_parts(
    evaluation: Evaluation, lot_ids: Sequence[int] | None = None
) -> Iterator[str]:
    """:func:`evaluation_json` in pieces, one lot at a time, to be written as they come: a
    hundred thousand offers never exist all at once as dictionaries, nor as one string."""
    data = header(evaluation.config, evaluation)
    yield _dumps(data)[:-1] + ',"lots":['  # the header without its closing brace
    for index, lot in enumerate(_chosen(evaluation, lot_ids)):
        shell = {**lot_dict(lot, with_offers=False), "offers": _OFFERS_SLOT}
        offers = ",".join(_dumps(offer_dict(result, lot)) for result in lot.offers)
        text = _dumps(shell).replace(f'"{_OFFERS_SLOT_JSON}"', f"[{offers}]", 1)
        yield f",{text}" if index else text
    unplaced = ",".join(_dumps(offer_dict(result, None)) for result in evaluation.unplaced)
    problems = _dumps([problem_dict(p) for p in evaluation.book.sheet_problems])
    yield f'],"unplaced_offers":[{unplaced}],"problems":{problems}}}\n'


_OFFERS_SLOT_JSON = json.dumps(_OFFERS_SLOT)[1:-1]


def _dumps(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def validation_verdict(report: ValidationReport) -> str:
    key = "valid" if report.valid else "not_valid"
    return tr(key, errors=len(report.errors), warnings=len(report.warnings))


def validation_dict(report: ValidationReport) -> dict[str, Any]:
    return {
        "valid": report.valid,
        "errors": [_with_file(p) for p in report.errors],
        "warnings": [_with_file(p) for p in report.warnings],
    }


def _with_file(problem: Problem) -> dict[str, Any]:
    return {"file": problem.file, **problem_dict(problem)}


def to_json(data: Any) -> str:
    """Compact JSON on one line (json's fast encoder; pipe it to ``jq`` to read it)."""
    return _dumps(data) + "\n"


def _chosen(evaluation: Evaluation, lot_ids: Sequence[int] | None) -> list[LotResult]:
    if lot_ids is None:
        return list(evaluation.lots)
    return [lot for lot in evaluation.lots if lot.lot.id in lot_ids]


# ---- CSV --------------------------------------------------------------------------------------

_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_text(text: str) -> str:
    """Text a spreadsheet will not run as a formula (OWASP CSV injection): prefix with '."""
    return "'" + text if text.startswith(_FORMULA_STARTS) else text


def evaluation_csv(evaluation: Evaluation, lot_ids: Sequence[int] | None = None) -> str:
    """One row per offer: lot, rank, candidate, status, prices, points per criterion, total."""
    criteria = [c.id for c in evaluation.config.criteria]
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(
        [
            "lot",
            "rank",
            "candidate",
            "row",
            "status",
            "day_rate_ht",
            "days",
            "vat_rate",
            "price_ht",
            "price_ttc",
            *criteria,
            "total",
            "gap_to_first",
            "reasons",
        ]
    )
    for lot in _chosen(evaluation, lot_ids):
        for result in lot.offers:
            writer.writerow(_csv_row(lot.lot.id, lot, result, evaluation.config))
    for result in evaluation.unplaced:
        writer.writerow(_csv_row(None, None, result, evaluation.config))
    return buffer.getvalue()


def _csv_row(
    lot_id: int | None, lot: LotResult | None, result: OfferResult, config: Config
) -> list[str]:
    offer = result.offer
    return [
        "" if lot_id is None else str(lot_id),
        _text(result.rank),
        safe_text(offer.candidate or ""),
        str(offer.row),
        result.status.value,
        _text(money(offer.day_rate_ht)),
        _text(quantity(offer.days)),
        _text(rate(result.vat_rate)),
        _text(money(result.price_ht)),
        _text(money(result.price_ttc)),
        *(_text(criterion_value(result, c, config)) for c in config.criteria),
        _text(points(result.total)),
        _text(points(gap_to_first(lot, result)) if lot is not None else None),
        safe_text("; ".join(f"{r.code}: {r.message}" for r in result.reasons)),
    ]


def _text(value: object) -> str:
    return "" if value is None else str(value)


# ---- Markdown ---------------------------------------------------------------------------------


def evaluation_markdown(
    evaluation: Evaluation, lot_ids: Sequence[int] | None = None, *, gaps: bool = False
) -> str:
    """A ranked table per lot, how price points were computed, then the offers not ranked with
    their reasons and legal basis."""
    config = evaluation.config
    criteria = config.criteria
    out: list[str] = [
        f"# {md_text(config.consultation.title)}",
        "",
        md_text(inputs_text(evaluation)),
        "",
    ]
    for lot in _chosen(evaluation, lot_ids):
        out += [f"## {md_text(tr('lot.title', id=lot.lot.id, title=lot.lot.title))}", ""]
        caps = tr("md.caps", ht=i18n.money(lot.lot.cap_ht), ttc=i18n.money(lot.lot.cap_ttc))
        out += [caps, ""]
        if lot.provisional:
            out += [tr("md.provisional"), ""]
        if lot.ranked:
            columns = ("rank", "candidate", "price_ht", "price_ttc")
            header = [tr(f"col.{c}").replace("\n", " ") for c in columns]
            header += [c.id for c in criteria]
            header += [tr("col.total"), *([tr("col.gap")] if gaps else [])]
            out.append("| " + " | ".join(header) + " |")
            out.append("|---:|---|" + "---:|" * (len(header) - 2))
            for result in lot.ranked:
                cells = [
                    str(result.rank),
                    md_text(result.candidate),
                    _text(i18n.money(result.price_ht)),
                    _text(i18n.money(result.price_ttc)),
                    *(_text(i18n.number(criterion_value(result, c, config))) for c in criteria),
                    _text(i18n.number(result.total)),
                    *([_text(i18n.number(gap_to_first(lot, result)))] if gaps else []),
                ]
                if result.rank == 1 and not lot.provisional:
                    cells = [f"**{cell}**" if cell else cell for cell in cells]
                out.append("| " + " | ".join(cells) + " |")
            out += ["", md_text(price_note(evaluation, lot)), ""]
            out += [md_text(abnormal_text(evaluation)), ""] if lot.abnormal_note else []
            out += [*(md_text(note) for note in tie_notes(lot)), ""] if lot.ties else []
            if lot.award is not None and lot.award.rank != 1:
                award = tr("lot.award", candidate=lot.award.candidate, note=award_note(lot))
                out += [f"**{md_text(award)}**", ""]
        else:
            out += [tr("lot.no_admissible"), ""]
        if lot.excluded:
            out += [tr("md.not_ranked"), ""]
            out += [f"- {md_text(_excluded_line(result))}" for result in lot.excluded]
            out.append("")
    if evaluation.unplaced:
        out += [f"## {tr('lot.unplaced')}", ""]
        out += [f"- {md_text(_excluded_line(result))}" for result in evaluation.unplaced]
        out.append("")
    return "\n".join(out)


def inputs_text(evaluation: Evaluation) -> str:
    """The files a result comes from, so that a printed table can be traced back."""
    config = evaluation.config
    book = evaluation.book
    files = f"{config.lots_path}, {config.criteria_path}, {book.path}"
    return tr("inputs", files=files, sheet=repr(book.sheet), sha=book.sha256[:12])


def excluded_reasons(result: OfferResult) -> Iterable[str]:
    """Each reason as one sentence, with its cell and legal basis when it has them."""
    for reason in result.reasons:
        cell = f" ({reason.cell})" if reason.cell else ""
        basis = f" — {reason.legal_basis}" if reason.legal_basis else f" — {tr('no_ground')}"
        yield f"{i18n.message(reason.code, reason.params, reason.message)}{cell}{basis}"


def _excluded_line(result: OfferResult) -> str:
    reasons = tr("punct.semicolon").join(excluded_reasons(result))
    status = tr(f"status.{result.status.value}")
    row = tr("md.row", row=result.offer.row)
    return tr("md.excluded", candidate=result.candidate, row=row, status=status, reasons=reasons)


def md_text(text: str) -> str:
    """Text for one Markdown line or table cell: backslashes and pipes escaped, on one line."""
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ")


_PROBLEM_COLUMNS = ["severity", "file", "sheet", "cell", "row", "field", "code", "message"]


def _problem_row(problem: Problem) -> list[str]:
    return [
        problem.severity.value,
        problem.file or "",
        problem.sheet or "",
        problem.cell or "",
        "" if problem.row is None else str(problem.row),
        problem.field or "",
        problem.code,
        problem.message,
    ]


def validation_csv(report: ValidationReport) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(_PROBLEM_COLUMNS)
    for problem in report.problems:
        writer.writerow([safe_text(cell) for cell in _problem_row(problem)])
    return buffer.getvalue()


def validation_markdown(report: ValidationReport) -> str:
    """The verdict, then one line per problem, worded in the current language (the CSV and the
    JSON keep the raw fields)."""
    out = [validation_verdict(report), ""]
    if report.problems:
        columns = ("severity", "where", "field", "code", "message")
        out.append("| " + " | ".join(md_text(tr(f"col.{key}")) for key in columns) + " |")
        out.append("|" + "---|" * len(columns))
        for problem in report.problems:
            cells = (
                tr(f"severity.{problem.severity.value}"),
                problem.place(tr("word.sheet"), tr("punct.colon")),
                problem.field or "",
                problem.code,
                i18n.message(problem.code, problem.params, problem.message),
            )
            out.append("| " + " | ".join(md_text(cell) for cell in cells) + " |")
        out.append("")
    return "\n".join(out)
