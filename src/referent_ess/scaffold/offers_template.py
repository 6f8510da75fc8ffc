"""The offers workbook to fill in: most errors come from an offers sheet typed by hand, and the
template prevents them at typing time.

Every column the configuration needs is there under a header the tool recognises, each header
explains its field with an example, and each data cell carries a spreadsheet validation with its
input message and error alert (the columns: :mod:`~referent_ess.scaffold.template_columns`);
a lisez-moi sheet says how to fill it (:mod:`~referent_ess.scaffold.readme_sheet`). The buyer
who fills it is French: the workbook is French whatever ``--lang`` is.

The workbook's bytes depend only on the configuration (fixed document properties, zip entries
dated 1980-01-01): two runs give the same file. And typed offers are never lost:
:func:`write_template` refuses to replace a workbook that holds offers, or that it cannot read
(so cannot prove empty), even with ``force``.
"""

import math
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path
from typing import Final

from openpyxl import Workbook
from openpyxl.comments import Comment
from openpyxl.formatting.rule import Rule as FormattingRule
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.styles.differential import DifferentialStyle
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from referent_ess import i18n
from referent_ess.base.normalise import normalise
from referent_ess.config.model import Config
from referent_ess.files.atomic_write import write_atomically
from referent_ess.files.targets import PathKind, output_path, path_kind, require_writable
from referent_ess.files.xlsx_bytes import workbook_bytes
from referent_ess.i18n import tr
from referent_ess.intake.read import read_offers_sheet
from referent_ess.problems.codes import Params
from referent_ess.problems.errors import ReferentError
from referent_ess.scaffold.cell_text import clean, clip, set_text
from referent_ess.scaffold.prices_template import (
    LAST_PRICE_ROW,
    PRICES_SHEET,
    fill_lines,
    prices_columns,
    prices_rows,
)
from referent_ess.scaffold.readme_sheet import README_SHEET, write_readme
from referent_ess.scaffold.template_columns import (
    LAST_MARK_ROW,
    LAST_ROW,
    LOT_COLUMN,
    MAX_MESSAGE,
    MAX_TITLE,
    OFFERS_SHEET,
    Column,
    Rule,
    for_lots,
    mark_columns,
    offer_columns,
)

MARKS_SHEET: Final = "marks"
LISTS_SHEET: Final = "listes"  # hidden: the items of a list too long (or too odd) to inline
MAX_INLINE_LIST: Final = 255  # Excel's limit for the items of a list written in its formula

FIXED_TIME: Final = datetime(1980, 1, 1)

_HEADER_FONT = Font(bold=True)
_HEADER_FILL = PatternFill("solid", fgColor="D9E1F2")
_HEADER_ALIGN = Alignment(horizontal="center", vertical="center", wrap_text=True)
_NOT_APPLICABLE_FILL = PatternFill("solid", fgColor="BFBFBF", bgColor="BFBFBF")


def build_template(config: Config, evaluators: Sequence[str] = ()) -> bytes:
    """The offers workbook to fill in for ``config``, as the bytes of an .xlsx file.

    With ``evaluators``, the marks go in a ``marks`` sheet (one row per offer, criterion and
    evaluator) instead of mark columns in ``offers``: the tool reads one or the other.
    """
    return workbook_bytes(template_book(config, evaluators))


def template_book(config: Config, evaluators: Sequence[str] = ()) -> Workbook:
    """The workbook of :func:`build_template`, before it is written (``template --update``
    fills it with the offers of the previous one first)."""
    names = _evaluators(evaluators)
    book = Workbook()
    lists = ListsSheet(book)
    offers = book.active
    assert offers is not None
    with i18n.language("fr"):
        offers.title = OFFERS_SHEET
        _fill_sheet(offers, offer_columns(config, lists.source, marks_inline=not names), LAST_ROW)
        offers.freeze_panes = "B2"
        if names:
            marks = book.create_sheet(MARKS_SHEET)
            _fill_sheet(marks, mark_columns(config, names, lists.source), LAST_MARK_ROW)
            marks.freeze_panes = "A2"
        if any(lot.price_model.has_lines for lot in config.lots):
            prices = book.create_sheet(PRICES_SHEET)
            columns = prices_columns(config, lists.source)
            _fill_sheet(prices, columns, LAST_PRICE_ROW)
            fill_lines(prices, config, columns)
            prices.freeze_panes = "A2"
        write_readme(book.create_sheet(README_SHEET), config, names)
        if lists.sheet is not None:
            book.move_sheet(lists.sheet, offset=len(book.sheetnames))  # last, out of the way
        book.active = 0
        book.properties.creator = "referent"
        book.properties.title = clean(tr("tpl.book.title", title=config.consultation.title))[:255]
    book.properties.created = FIXED_TIME
    book.properties.modified = FIXED_TIME
    return book


def write_template(
    path: Path,
    config: Config,
    evaluators: Sequence[str] = (),
    *,
    inputs: Sequence[Path] = (),
    force: bool = False,
) -> None:
    """Write the offers workbook of ``config`` to ``path`` (``referent template``).

    An existing file is replaced only with ``force``, and only when it is proven to hold no
    offers (:func:`refuse_filled_workbook`): typed offers are never lost. ``inputs`` are the
    files read to build it, never written over.
    """
    path = output_path(path)
    require_writable([path], inputs=inputs, force=True)  # an input, a folder, a FIFO: said first
    refuse_filled_workbook(path)  # offers in the file are said before its name's suffix
    if path.suffix.lower() != ".xlsx":  # .xlsx bytes under an .ods or .xls name would not open
        raise ReferentError("template-not-xlsx", params=(("path", str(path)),))
    write_atomically(path, build_template(config, evaluators), inputs=inputs, force=force)


def refuse_filled_workbook(path: Path, *, by_init: bool = False) -> None:
    """Raise unless ``path`` may be replaced by a blank template: nothing there, an empty
    file, or an offers file read without error that holds no offer row. A file that holds
    offers, or that cannot be read (a password, a CSV under an .xlsx name, a damaged file), is
    never replaced by ``template`` nor by ``init`` (``by_init``), even with --force. What is not
    a regular file is left to the writer, which refuses it."""
    if path_kind(path) is not PathKind.FILE:
        return
    command = "init" if by_init else "template"
    try:
        if path.stat().st_size == 0:
            return
        sheet = read_offers_sheet(path)
    except (ReferentError, OSError) as exc:
        why = _unproven_reason(exc)
        params = (("form", command), ("path", str(path)), ("why_part", f"unproven.{why}"))
        raise ReferentError("offers-not-proven-empty", params=params) from None
    foreign = [name for name, _ in sheet.other_headers if name not in _TEMPLATE_SHEETS]
    if foreign:
        # a sheet the template never writes may hold anything (offers typed elsewhere, an
        # archive, the jury's notes): nothing proves it empty, since only the offers and marks
        # sheets are read
        foreign_params: Params = (
            ("form", command),
            ("path", str(path)),
            ("why_part", "unproven.other-sheets"),
            ("sheets", ", ".join(repr(name) for name in foreign)),
        )
        raise ReferentError("offers-not-proven-empty", params=foreign_params)
    rows = len(sheet.rows) + (len(sheet.marks_sheet.rows) if sheet.marks_sheet else 0)
    if sheet.prices_sheet is not None:
        rows += prices_rows(sheet.prices_sheet.header, sheet.prices_sheet.rows)
    if rows:
        code = "init-holds-offers" if by_init else "output-holds-offers"
        form = "one" if rows == 1 else "many"
        raise ReferentError(code, params=(("form", form), ("path", str(path)), ("rows", str(rows))))


# The sheets a template holds besides the offers and marks sheets: replaceable, as written.
_TEMPLATE_SHEETS = frozenset({README_SHEET, LISTS_SHEET})

# What the reader's refusal says of the file, in the words of a refused template.
_UNPROVEN = {
    "encrypted-workbook": "encrypted",
    "csv-renamed": "csv",
    "unreadable-file": "unreadable",
}


def _unproven_reason(exc: ReferentError | OSError) -> str:
    if isinstance(exc, OSError):
        return "unreadable"
    return _UNPROVEN.get(exc.code or "", "other")


def _evaluators(evaluators: Sequence[str]) -> tuple[str, ...]:
    """The evaluators' names, tidied; an empty or repeated name would mislead the jury."""
    names = tuple(" ".join(name.split()) for name in evaluators)
    if any(not name for name in names):
        raise ReferentError(
            "bad-evaluators",
            params=(("form", "empty"),),
        )
    seen: dict[str, str] = {}
    for name in names:
        earlier = seen.get(normalise(name))
        seen.setdefault(normalise(name), name)
        if earlier is not None:
            raise ReferentError(
                "bad-evaluators",
                params=(("form", "same"), ("earlier", repr(earlier)), ("name", repr(name))),
            )
    return names


class ListsSheet:
    """Where a list validation takes its items: inline when Excel allows it, else a range of a
    hidden sheet (more than 255 characters, or an item holding a comma or a quote)."""

    def __init__(self, book: Workbook) -> None:
        self.book = book
        self.sheet: Worksheet | None = None
        self.ranges: dict[tuple[str, ...], str] = {}  # a list written once serves every column

    def source(self, items: Sequence[str]) -> str:
        joined = ",".join(items)
        if len(joined) <= MAX_INLINE_LIST and not any("," in i or '"' in i for i in items):
            return f'"{joined}"'
        known = self.ranges.get(tuple(items))
        if known is not None:
            return known
        if self.sheet is None:
            self.sheet = self.book.create_sheet(LISTS_SHEET)
            self.sheet.sheet_state = "hidden"
        column = len(self.ranges) + 1
        for row, item in enumerate(items, start=1):
            set_text(self.sheet.cell(row=row, column=column), item)
        letter = get_column_letter(column)
        self.ranges[tuple(items)] = f"{LISTS_SHEET}!${letter}$1:${letter}${len(items)}"
        return self.ranges[tuple(items)]


def _fill_sheet(ws: Worksheet, columns: Sequence[Column], last_row: int) -> None:
    """Header, notes, widths, number formats and one validation per column."""
    for index, column in enumerate(columns, start=1):
        letter = get_column_letter(index)
        cell = ws.cell(row=1, column=index)
        set_text(cell, column.header)
        cell.font = _HEADER_FONT
        cell.fill = _HEADER_FILL
        cell.alignment = _HEADER_ALIGN
        note = Comment(clean(column.note), "referent")
        note.width = 320
        note.height = 140
        cell.comment = note
        dimension = ws.column_dimensions[letter]
        dimension.width = column.width
        if column.number_format is not None:
            dimension.number_format = column.number_format  # applies to what is typed later
        ws.add_data_validation(_validation(column.rule, f"{letter}2:{letter}{last_row}"))
        if column.lots:  # greyed on the rows of the other lots, once the row's lot is typed
            others = f'AND(${LOT_COLUMN}2<>"",NOT({for_lots(column.lots)}))'
            grey = FormattingRule(
                type="expression",
                formula=[others],
                stopIfTrue=True,
                dxf=DifferentialStyle(fill=_NOT_APPLICABLE_FILL),
            )
            ws.conditional_formatting.add(f"{letter}2:{letter}{last_row}", grey)
    ws.row_dimensions[1].height = header_height(columns)


def header_height(columns: Sequence[Column]) -> float:
    """The height of row 1 (in points) that shows every header whole: a long label wraps onto
    several lines of its column (about one character per unit of width, bold text a little
    wider), 15 points a line; two lines at least, as before labels."""
    lines = max((math.ceil(len(c.header) * 1.15 / c.width) for c in columns), default=1)
    return float(max(32, 15 * lines + 2))


def _validation(rule: Rule, cells: str) -> DataValidation:
    checked = rule.kind is not None
    validation = DataValidation(
        type=rule.kind,
        operator=rule.operator,
        formula1=None if rule.formula1 is None else clean(rule.formula1),  # names in a list
        formula2=None if rule.formula2 is None else clean(rule.formula2),
        allow_blank=True,  # an empty cell is the tool's to judge (optional, or reported)
        showInputMessage=True,
        showErrorMessage=checked,
        promptTitle=clip(clean(rule.prompt_title), MAX_TITLE),
        prompt=clip(clean(rule.prompt), MAX_MESSAGE),
        errorTitle=tr("tpl.refused") if checked else None,
        error=clip(clean(rule.error), MAX_MESSAGE) if checked else None,
        errorStyle=rule.style if checked else None,
    )
    validation.add(cells)
    return validation
