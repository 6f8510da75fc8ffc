"""The ``prix`` sheet of the offers template, when some lot is priced line by line (schedule or
DPGF): one row per offer and line, the lines of each such lot written once, in the order of
``lots.yaml`` (lot, line id, label, unit and, for a schedule, the DQE's quantity), so that the
buyer copies a lot's block once per candidate and types only the candidate's name and the
prices. Rows with neither a candidate nor a price are not read: an unused block is harmless."""

from decimal import Decimal

from openpyxl.styles import Font
from openpyxl.worksheet.worksheet import Worksheet

from referent_ess.base.normalise import normalise
from referent_ess.config.choices import PriceModel
from referent_ess.config.model import Config
from referent_ess.i18n import tr
from referent_ess.i18n.numbers import listed
from referent_ess.scaffold.cell_text import set_text
from referent_ess.scaffold.template_columns import (
    LAST_ROW,
    OFFERS_SHEET,
    Column,
    ListSource,
    Rule,
)

PRICES_SHEET = "prix"
LAST_PRICE_ROW = 5000
_MONEY = "#,##0.00"
_GREY = Font(color="595959")


def prices_columns(config: Config, list_source: ListSource) -> list[Column]:
    """Candidate, lot, line, label, unit, quantity, unit price HT, amount HT (and the variant
    and round when the offers sheet has them)."""
    lots = [lot for lot in config.lots if lot.price_model.has_lines]
    ids = listed([str(lot.id) for lot in lots])
    price_rule = Rule(
        "decimal",
        "0.01",
        tr("tpl.prix.price.title"),
        tr("tpl.prix.price.prompt"),
        tr("tpl.prix.price.error"),
        "between",
        "999999999999.99",
    )
    columns = [
        Column(
            "Candidat",
            tr("tpl.prix.candidate.note"),
            32,
            Rule(
                "list",
                f"{OFFERS_SHEET}!$A$2:$A${LAST_ROW}",
                tr("tpl.candidate.title"),
                tr("tpl.marks.candidate.prompt"),
                tr("tpl.marks.candidate.error"),
            ),
        ),
        Column(
            "N° lot",
            tr("tpl.prix.lot.note", lots=ids),
            8,
            Rule(
                "list",
                list_source([str(lot.id) for lot in lots]),
                tr("tpl.lot.title"),
                tr("tpl.prix.lot.prompt", lots=ids),
                tr("tpl.prix.lot.error", lots=ids),
            ),
        ),
    ]
    if any(lot.variants is not None and lot.variants.value == "allowed" for lot in config.lots):
        columns.append(
            Column(
                "Variante",
                tr("tpl.prix.variant.note"),
                18,
                Rule(None, None, tr("tpl.variant.title"), tr("tpl.variant.prompt")),
            )
        )
    if config.consultation.round_deadlines:
        columns.append(
            Column(
                "Tour",
                tr("tpl.prix.round.note"),
                8,
                Rule(
                    "whole",
                    "1",
                    tr("tpl.round.title"),
                    tr("tpl.round.prompt"),
                    tr("tpl.round.error"),
                    "between",
                    "1000",
                ),
            )
        )
    info = Rule(None, None, tr("tpl.prix.info.title"), tr("tpl.prix.info.prompt"))
    columns += [
        Column(
            "Ligne",
            tr("tpl.prix.line.note"),
            10,
            Rule(None, None, "Ligne", tr("tpl.prix.line.prompt")),
        ),
        Column("Désignation", tr("tpl.prix.label.note"), 36, info),
        Column("Unité", tr("tpl.prix.unit.note"), 10, info),
        Column("Quantité", tr("tpl.prix.quantity.note"), 10, info),
        Column("Prix unitaire HT", tr("tpl.prix.unit_price.note"), 16, price_rule, _MONEY),
        Column("Montant HT", tr("tpl.prix.amount.note"), 16, price_rule, _MONEY),
    ]
    return columns


def fill_lines(ws: Worksheet, config: Config, columns: list[Column]) -> None:
    """Each schedule or DPGF lot's lines (its PSE's too), once, from row 2: lot, line, label,
    unit, quantity (informative, greyed: the tool takes the quantities from lots.yaml)."""
    at = {column.header: index for index, column in enumerate(columns, start=1)}
    row = 2
    for lot in config.lots:
        if not lot.price_model.has_lines:
            continue
        for line in lot.all_lines:  # its own lines, then its PSE's priced by lines
            ws.cell(row=row, column=at["N° lot"], value=lot.id)
            set_text(ws.cell(row=row, column=at["Ligne"]), line.id)
            for header, text in (("Désignation", line.label), ("Unité", line.unit or "")):
                cell = ws.cell(row=row, column=at[header])
                set_text(cell, text)
                cell.font = _GREY
            if lot.price_model is PriceModel.SCHEDULE:
                quantity = ws.cell(row=row, column=at["Quantité"], value=_number(line.quantity))
                quantity.font = _GREY
            row += 1


def _number(value: Decimal) -> int | float:
    """A quantity as the cell's number (a spreadsheet holds floats; shown as typed)."""
    return int(value) if value == value.to_integral_value() else float(value)


def prices_rows(
    header: tuple[object, ...], rows: tuple[tuple[int, tuple[object, ...]], ...]
) -> int:
    """How many rows of a prices sheet hold an offer's line (a candidate typed): a template's
    blocks of lines, not yet filled, hold none."""
    candidate = next(
        (i for i, title in enumerate(header) if normalise(str(title or "")) == "candidat"), None
    )
    if candidate is None:
        return len(rows)
    return sum(
        1 for _, values in rows if candidate < len(values) and str(values[candidate] or "").strip()
    )
