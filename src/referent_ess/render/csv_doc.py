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
from fractions import Fraction

from referent_ess.base.writable import writable
from referent_ess.config.choices import Ordering
from referent_ess.config.model import Config, Criterion
from referent_ess.evaluation.lookup import chosen_lots
from referent_ess.evaluation.results import Evaluation, LotResult, OfferResult
from referent_ess.i18n.numbers import decimal_raw, money_raw, points, quantity_raw
from referent_ess.intake.offer import Offer
from referent_ess.problems.problem import Problem, ValidationReport
from referent_ess.render.cells import (
    budget_rows,
    criterion_value,
    gap_to_first,
    node_columns,
    text,
)
from referent_ess.render.number_texts import Texts, hundredths, hundredths_raw, money_text

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
    rows = _Rows(evaluation.config, columns, extra)
    for lot in chosen_lots(evaluation, lot_ids):
        writer.writerows([rows.row(lot, result) for result in lot.offers])
    writer.writerows([rows.row(None, result) for result in evaluation.unplaced])
    return writable(buffer.getvalue())


class _Rows:
    """:func:`_csv_row`, fast for a hundred thousand offers: the same cells, with point figures
    and amounts written by :mod:`~referent_ess.render.number_texts` (exact integer rounding,
    texts remembered per value) rather than through Decimals; the cells that are usually
    empty (reasons, warnings) and those of PSE, variants and rounds keep the general path."""

    def __init__(self, config: Config, columns: Sequence[Criterion], extra: Sequence[str]) -> None:
        self.config = config
        self.columns = columns
        self.extra = extra
        self.ids = [c.id for c in columns]
        self.weighted = config.ordering is not Ordering.HIERARCHY  # points, not marks
        self.texts = Texts(float)  # (its JSON side is not used here)
        self.lot: LotResult | None = None
        self.lot_id = ""
        self.first: Fraction | None = None  # the total of the lot's first ranked offer

    def row(self, lot: LotResult | None, result: OfferResult) -> list[str]:
        """The offer's row (``lot`` None: an offer without a lot)."""
        if lot is not self.lot:
            self._start(lot)
        offer = result.offer
        texts = self.texts
        config = self.config
        if self.weighted:
            got = result.points.get
            figures = [texts.points_csv(got(node)) for node in self.ids]
        else:
            figures = [text(criterion_value(result, c, config)) for c in self.columns]
        return [
            self.lot_id,
            "" if result.rank is None else str(result.rank),
            safe_text(offer.candidate or ""),
            str(offer.row),
            *(_extra_cells(offer, self.extra) if self.extra else ()),
            result.status.value,
            texts.money(offer.day_rate_ht) or "",
            quantity_raw(offer.days) or "",
            decimal_raw(result.vat_rate) or "",
            "" if result.price_ht is None else money_text(result.price_ht),
            "" if result.price_ttc is None else money_text(result.price_ttc),
            *_pse_cells(result, config),
            *figures,
            texts.points_csv(result.total),
            self._gap(result),
            safe_text("; ".join(f"{r.code}: {r.message}" for r in result.reasons))
            if result.reasons
            else "",
            safe_text("; ".join(f"{w.code}: {w.message}" for w in _warnings(lot, result)))
            if result.warnings or (lot is not None and lot.warnings)
            else "",
        ]

    def _start(self, lot: LotResult | None) -> None:
        """What every row of ``lot`` shares: its id and its first total."""
        self.lot = lot
        self.lot_id = "" if lot is None else str(lot.lot.id)
        self.first = lot.ranked[0].total if lot is not None and lot.ranked else None

    def _gap(self, result: OfferResult) -> str:
        """``text(points(gap_to_first(lot, result)))`` from the totals' numerators and
        denominators: first − total = (a·d − c·b) / (b·d), rounded by :func:`hundredths`
        (the same whether the fraction is reduced or not), negative exactly when a·d < c·b."""
        first, total, lot = self.first, result.total, self.lot
        if lot is None or first is None or total is None:
            return ""
        if type(first) is not Fraction or type(total) is not Fraction:
            return text(points(gap_to_first(lot, result)))
        a, b = first.numerator, first.denominator
        c, d = total.numerator, total.denominator
        difference = a * d - c * b
        return hundredths_raw(abs(hundredths(difference, b * d)), difference < 0)


def _extra_cells(offer: Offer, extra: Sequence[str]) -> list[str]:
    """The cells of the variant and round columns, as :func:`_csv_row` writes them."""
    added = {"variant": safe_text(offer.variant or ""), "round": str(offer.round)}
    return [added[name] for name in extra]


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
