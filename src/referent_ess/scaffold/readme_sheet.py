"""The lisez-moi sheet of the offers workbook: how to fill it, in the buyer's words, and what to
run next. Its texts are the French catalogue's ``tpl.readme.*`` (worded in the current language:
``build_template`` writes the workbook in French)."""

from collections.abc import Sequence
from typing import Final

from openpyxl.styles import Alignment, Font
from openpyxl.worksheet.worksheet import Worksheet

from referent_ess import i18n
from referent_ess.config.columns import ColumnKind
from referent_ess.config.model import Config
from referent_ess.i18n import tr
from referent_ess.scaffold.cell_text import set_text
from referent_ess.scaffold.template_columns import (
    VAT_CHOICES,
    deadline_text,
    either,
    lot_ids_text,
    scale_words_text,
)

README_SHEET: Final = "lisez-moi"
VALIDATE_COMMAND: Final = "referent validate offers.xlsx"
SCORE_COMMAND: Final = "referent score offers.xlsx"

_TITLE = Font(bold=True, size=14)
_HEADING = Font(bold=True)
_COMMAND = Font(name="Courier New", bold=True)
_WRAP = Alignment(vertical="top", wrap_text=True)

Line = tuple[str, bool]  # a line of the sheet, and whether it is a heading


def write_readme(ws: Worksheet, config: Config, evaluators: Sequence[str]) -> None:
    """Fill ``ws``: one line per row of column A, headings in bold, commands in a fixed font."""
    ws.column_dimensions["A"].width = 110
    for row, (text, heading) in enumerate(readme_lines(config, evaluators), start=1):
        cell = ws.cell(row=row, column=1)
        set_text(cell, text)
        cell.alignment = _WRAP
        if heading:
            cell.font = _TITLE if row == 1 else _HEADING
        elif text.startswith("referent "):
            cell.font = _COMMAND


def readme_lines(config: Config, evaluators: Sequence[str]) -> list[Line]:
    """The sheet's lines: how to fill it, the columns, the lots, then what to run."""
    consultation = config.consultation
    lines: list[Line] = [
        (tr("tpl.readme.title", title=consultation.title), True),
        ("", False),
        (tr("tpl.readme.how"), True),
        (tr("tpl.readme.how.rows"), False),
        (tr("tpl.readme.how.notes"), False),
        (tr("tpl.readme.how.checks"), False),
        ("", False),
        (tr("tpl.readme.columns"), True),
        (tr("tpl.readme.candidate"), False),
        (tr("tpl.readme.lot", lots=lot_ids_text(config)), False),
        (tr("tpl.readme.price"), False),
        (
            tr(
                "tpl.readme.vat",
                choices=either(VAT_CHOICES),
                default=i18n.percent(consultation.vat_rate),
            ),
            False,
        ),
        (tr("tpl.readme.amount"), False),
        (tr("tpl.readme.received", deadline=deadline_text(consultation.deadline)), False),
    ]
    if config.document_columns:
        lists = {config.documents_for(lot.id) for lot in config.lots}
        names = config.column_names

        def headed(documents: Sequence[str]) -> str:
            """The documents as their columns are headed: « mémoire technique », « kbis »."""
            return ", ".join(f"« {names.header(ColumnKind.DOCUMENT, d)} »" for d in documents)

        if len(lists) == 1:
            documents = headed(config.document_columns)
        else:
            documents = " ; ".join(
                tr(
                    "tpl.readme.lot_documents",
                    lot=lot.id,
                    documents=headed(config.documents_for(lot.id)) or tr("tpl.readme.none"),
                )
                for lot in config.lots
            )
        lines.append((tr("tpl.readme.documents", documents=documents), False))
    lined = [str(lot.id) for lot in config.lots if lot.price_model.has_lines]
    if lined:
        lines.append((tr("tpl.readme.prix", lots=i18n.numbers.listed(lined)), False))
    lines += _marks_lines(config, evaluators)
    lines.append((tr("tpl.readme.decision"), False))
    price = config.sets_in_use[0].price_criterion
    lines += [
        (tr("tpl.readme.price_criterion", label=price.label), False),
        ("", False),
        (tr("tpl.readme.lots"), True),
        *(
            (
                tr(
                    "tpl.readme.lot_caps",
                    id=lot.id,
                    title=lot.title,
                    cap_ht=i18n.money(lot.cap_ht),
                    cap_ttc=i18n.money(lot.cap_ttc),
                ),
                False,
            )
            for lot in config.lots
        ),
        ("", False),
        (tr("tpl.readme.next"), True),
        (tr("tpl.readme.validate"), False),
        (VALIDATE_COMMAND, False),
        (tr("tpl.readme.score"), False),
        (SCORE_COMMAND, False),
    ]
    return lines


def _marks_lines(config: Config, evaluators: Sequence[str]) -> list[Line]:
    """Where the jury's marks go (the marks sheet, or a column per criterion) and their scale;
    when the lots do not share their criteria, which lots mark each one."""
    marked = config.mark_columns
    headers = {c.id: config.column_names.header(ColumnKind.MARK, c.id) for c in marked}
    scales = " ; ".join(
        tr(
            "tpl.readme.scale" if headers[c.id] == c.label else "tpl.readme.scale.long",
            header=headers[c.id],
            label=c.label,
            range=tr("tpl.mark.range", scale=i18n.quantity(c.scale))
            if c.descriptors is None
            else tr("tpl.readme.words", words=scale_words_text(c)),
        )
        + _which_lots(config, c.id)
        for c in marked
    )
    if evaluators:
        return [
            (tr("tpl.readme.marks_sheet", evaluators=", ".join(evaluators)), False),
            (tr("tpl.readme.marks_scales", scales=scales), False),
        ]
    if marked:
        return [(tr("tpl.readme.marks_columns", scales=scales), False)]
    return []


def _which_lots(config: Config, criterion_id: str) -> str:
    """`` (lots 1 et 3 seulement)`` after a criterion only some lots mark, else nothing."""
    lots = config.lots_marking(criterion_id)
    if len(lots) == len(config.lots):
        return ""
    listed = either([str(lot) for lot in lots])
    return tr("tpl.readme.only_lots", lots=listed)
