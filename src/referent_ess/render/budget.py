"""The budget check written out: its summary line, and the offers against their caps in JSON, CSV
and Markdown. The verdicts and counts are computed in :mod:`referent_ess.evaluation.budget`.
"""

import csv
import io
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from referent_ess import i18n
from referent_ess.config.choices import PriceBasis
from referent_ess.evaluation.budget import (
    BudgetReport,
    Verdict,
    check_verdict,
    unchecked_because,
    verdict,
)
from referent_ess.evaluation.results import Evaluation, OfferResult
from referent_ess.i18n import tr
from referent_ess.render.formats import (
    budget_list,
    header,
    inputs_text,
    md_text,
    money,
    quantity,
    rate,
    safe_text,
    to_json,
)


def summary(report: BudgetReport) -> str:
    parts = [
        tr("budget.checked", n=report.checked),
        tr("budget.over", n=len(report.over_cap)),
    ]
    colon = tr("punct.colon")
    if report.unchecked:
        names = ", ".join(
            f"{r.candidate} ({tr('md.row', row=r.offer.row)}{colon}{_why_unchecked(r)})"
            for r in report.unchecked
        )
        parts.append(tr("budget.unchecked", n=len(report.unchecked), names=names))
    return tr("punct.semicolon").join(parts)


def _why_unchecked(result: OfferResult) -> str:
    return tr(f"budget.{unchecked_because(result)}")  # budget.no_lot, no_price, no_ttc


def _offer(result: OfferResult) -> dict[str, Any]:
    offer = result.offer
    return {
        "candidate": offer.candidate,
        "row": offer.row,
        "day_rate_ht": money(offer.day_rate_ht),
        "days": quantity(offer.days),
        "vat_rate": rate(result.vat_rate),
        "price_ht": money(result.price_ht),
        "price_ttc": money(result.price_ttc),
        "budget": budget_list(result),
        "verdict": verdict(result),
    }


def budget_json(evaluation: Evaluation, report: BudgetReport) -> str:
    data = header(evaluation.config, evaluation)
    data["lots"] = [
        {
            "id": lot.lot.id,
            "title": lot.lot.title,
            "cap_ht": money(lot.lot.cap_ht),
            "cap_ttc": money(lot.lot.cap_ttc),
            "offers": [_offer(r) for r in _by_row(lot.offers)],
        }
        for lot in evaluation.lots
    ]
    data["unplaced_offers"] = [_offer(r) for r in evaluation.unplaced]
    data["summary"] = {
        "checked": report.checked,
        "over_cap": len(report.over_cap),
        "unchecked": len(report.unchecked),
    }
    return to_json(data)


_COLUMNS = [
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


def _by_row(results: Iterable[OfferResult]) -> list[OfferResult]:
    return sorted(results, key=lambda r: r.offer.row)


@dataclass(frozen=True)
class _Words:
    """How the cells of a budget row are written: raw for CSV, in the run's language for a
    document."""

    money: Callable[[Decimal | None], str | None]
    quantity: Callable[[Decimal | None], str | None]
    rate: Callable[[Decimal | None], str | None]
    basis: Callable[[PriceBasis], str]
    verdict: Callable[[str], str]


_RAW = _Words(money, quantity, rate, lambda basis: basis.value, lambda verdict: verdict)


def _rows(evaluation: Evaluation, words: _Words = _RAW) -> list[list[str]]:
    """One row per offer and cap checked (two per offer when the basis is both)."""
    placed = [(str(lot.lot.id), r) for lot in evaluation.lots for r in _by_row(lot.offers)]
    unplaced = [("", r) for r in evaluation.unplaced]
    rows: list[list[str]] = []
    for lot_id, result in placed + unplaced:
        offer = result.offer
        common = [
            lot_id,
            offer.candidate or "",
            str(offer.row),
            words.money(offer.day_rate_ht) or "",
            words.quantity(offer.days) or "",
            words.rate(result.vat_rate) or "",
            words.money(result.price_ht) or "",
            words.money(result.price_ttc) or "",
        ]
        if not result.budget:
            rows.append([*common, "", "", "", words.verdict(Verdict.UNCHECKED)])
        for check in result.budget:
            cap, margin = words.money(check.cap) or "", words.money(check.margin) or ""
            checked = words.verdict(check_verdict(check))
            rows.append([*common, words.basis(check.basis), cap, margin, checked])
    return rows


def budget_csv(evaluation: Evaluation) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(_COLUMNS)
    for row in _rows(evaluation):
        row[1] = safe_text(row[1])
        writer.writerow(row)
    return buffer.getvalue()


_MARKDOWN_COLUMNS = (
    "lot", "candidate", "row", "day_rate", "days", "vat", "price_ht", "price_ttc", "basis", "cap",
    "margin", "check",
)  # fmt: skip


def budget_markdown(evaluation: Evaluation, report: BudgetReport) -> str:
    """The budget check for a document: its input files, one line per offer and cap checked,
    worded and with amounts written in the current language."""
    title = tr("md.budget_title", title=evaluation.config.consultation.title)
    out = [f"# {md_text(title)}", "", md_text(inputs_text(evaluation)), ""]
    out.append("| " + " | ".join(md_text(tr(f"col.{key}")) for key in _MARKDOWN_COLUMNS) + " |")
    out.append("|" + "---|" * len(_MARKDOWN_COLUMNS))
    words = _Words(i18n.money, i18n.quantity, i18n.percent, str.upper, lambda v: tr(f"verdict.{v}"))
    for row in _rows(evaluation, words):
        out.append("| " + " | ".join(md_text(cell) for cell in row) + " |")
    out += ["", summary(report), ""]
    return "\n".join(out)
