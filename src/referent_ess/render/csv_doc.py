"""CSV for spreadsheets: one row per offer (``score``, ``rank``), per problem (``validate``), per
offer and cap checked (``check-budget``).

Raw values, the same whatever the language: money and rates with fixed decimals, points rounded
half up to 2 decimals, codes rather than words. A text cell that a spreadsheet would run as a
formula is prefixed with ``'`` (:func:`safe_text`); a character XML forbids becomes U+FFFD
(:func:`~referent_ess.base.writable.writable`), as in every output.
"""

import csv
import io
from collections.abc import Sequence

from referent_ess.base.writable import writable
from referent_ess.config.model import Config, Criterion
from referent_ess.evaluation.lookup import chosen_lots
from referent_ess.evaluation.results import Evaluation, LotResult, OfferResult
from referent_ess.i18n.numbers import decimal_raw, money_raw, points, quantity_raw
from referent_ess.problems.problem import Problem, ValidationReport
from referent_ess.render.cells import (
    budget_rows,
    criterion_value,
    gap_to_first,
    node_columns,
    text,
)

_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_text(text: str) -> str:
    """Text a spreadsheet will not run as a formula (OWASP CSV injection): prefix with '."""
    return "'" + text if text.startswith(_FORMULA_STARTS) else text


def evaluation_csv(evaluation: Evaluation, lot_ids: Sequence[int] | None = None) -> str:
    """One row per offer: lot, rank, candidate, status, prices, points per criterion, total, the
    reasons it is not ranked, and its warnings and its lot's. There is a column for every node
    of every lot's criteria tree (its id heads it), parents and sub-criteria alike; a lot whose
    set has no such node leaves it empty."""
    columns = node_columns(evaluation.config)
    criteria = [c.id for c in columns]
    # a sheet with a variant or round column: the same after ``row`` (only then, so that a
    # sheet without them keeps its columns)
    extra = [c.name for c in evaluation.book.columns if c.name in ("variant", "round")]
    extra.sort(key=("variant", "round").index)
    # with PSE (only then): the base price, the retained PSE's ids, each PSE's amount HT
    pse_ids = [p.id for p in evaluation.config.pse_columns]
    pse_heads = ["base_price_ht", "pse_retained", *pse_ids] if pse_ids else []
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(
        [
            "lot",
            "rank",
            "candidate",
            "row",
            *extra,
            "status",
            "day_rate_ht",
            "days",
            "vat_rate",
            "price_ht",
            "price_ttc",
            *pse_heads,
            *criteria,
            "total",
            "gap_to_first",
            "reasons",
            "warnings",
        ]
    )
    for lot in chosen_lots(evaluation, lot_ids):
        for result in lot.offers:
            writer.writerow(_csv_row(lot.lot.id, lot, result, evaluation.config, columns, extra))
    for result in evaluation.unplaced:
        writer.writerow(_csv_row(None, None, result, evaluation.config, columns, extra))
    return writable(buffer.getvalue())


def _csv_row(
    lot_id: int | None,
    lot: LotResult | None,
    result: OfferResult,
    config: Config,
    columns: Sequence[Criterion],
    extra: Sequence[str] = (),
) -> list[str]:
    offer = result.offer
    added = {"variant": safe_text(offer.variant or ""), "round": str(offer.round)}
    return [
        "" if lot_id is None else str(lot_id),
        text(result.rank),
        safe_text(offer.candidate or ""),
        str(offer.row),
        *(added[name] for name in extra),
        result.status.value,
        text(money_raw(offer.day_rate_ht)),
        text(quantity_raw(offer.days)),
        text(decimal_raw(result.vat_rate)),
        text(money_raw(result.price_ht)),
        text(money_raw(result.price_ttc)),
        *_pse_cells(result, config),
        *(text(criterion_value(result, c, config)) for c in columns),
        text(points(result.total)),
        text(points(gap_to_first(lot, result)) if lot is not None else None),
        safe_text("; ".join(f"{r.code}: {r.message}" for r in result.reasons)),
        safe_text("; ".join(f"{w.code}: {w.message}" for w in _warnings(lot, result))),
    ]


def _pse_cells(result: OfferResult, config: Config) -> list[str]:
    """With PSE in the consultation: the base price, the ids of the PSE included in the price
    (space-separated), and the offer's amount HT of each PSE (empty when its lot has none)."""
    if not config.pse_columns:
        return []
    amounts = {p.id: p.amount_ht for p in result.pse}
    return [
        text(money_raw(result.base_ht if result.pse else result.price_ht)),
        safe_text(" ".join(p.id for p in result.retained_pse)),
        *(text(money_raw(amounts.get(p.id))) for p in config.pse_columns),
    ]


def _warnings(lot: LotResult | None, result: OfferResult) -> tuple[Problem, ...]:
    """The offer's warnings, then its lot's (vat-basis): a flat file repeats them on each row."""
    return (*result.warnings, *(lot.warnings if lot is not None else ()))


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
    return writable(buffer.getvalue())


_BUDGET_COLUMNS = [
    "lot",
    "candidate",
    "row",
    "day_rate_ht",
    "days",
    "vat_rate",
    "price_ht",
    "price_ttc",
    "basis",
    "cap",
    "margin",
    "verdict",
]


def budget_csv(evaluation: Evaluation) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(_BUDGET_COLUMNS)
    for row in budget_rows(evaluation):
        row[1] = safe_text(row[1])
        writer.writerow(row)
    return writable(buffer.getvalue())
