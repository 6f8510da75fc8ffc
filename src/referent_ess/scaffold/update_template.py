"""``template --update``: the offers workbook regenerated for a changed configuration, keeping
everything typed.

The previous workbook is read the guarded way every offers file is (:func:`~referent_ess.intake.
read.read_offers_sheet`: zip bomb, entities, crafted sheets refused before anything is parsed);
each of its columns goes to the new template's column of the same meaning (the same field,
document, criterion or comment, whatever its header's spelling), on the same row, so that a
cell keeps its row. A column the new configuration no longer has, and a sheet a template never
writes, are not carried over: they are listed, and the previous file is kept beside the new one,
byte for byte, as a backup. Both files are written together or not at all.
"""

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from pathlib import Path

from openpyxl.cell.cell import Cell
from openpyxl.worksheet.worksheet import Worksheet

from referent_ess.base.values import is_blank
from referent_ess.config.columns import ColumnKind, column_letter, header_key
from referent_ess.config.model import Config
from referent_ess.files.atomic_write import write_files
from referent_ess.files.targets import PathKind, output_path, path_kind, require_writable
from referent_ess.files.xlsx_bytes import workbook_bytes
from referent_ess.intake.marks_sheet import MARKS_COLUMNS
from referent_ess.intake.prices_sheet import PRICES_COLUMNS
from referent_ess.intake.read import read_offers_sheet
from referent_ess.intake.sheet import ErrorCell, RawSheet, UncomputedFormula
from referent_ess.problems.errors import ReferentError
from referent_ess.problems.problem import Problem
from referent_ess.scaffold.cell_text import set_text
from referent_ess.scaffold.offers_template import (
    LISTS_SHEET,
    MARKS_SHEET,
    template_book,
)
from referent_ess.scaffold.prices_template import PRICES_SHEET
from referent_ess.scaffold.readme_sheet import README_SHEET
from referent_ess.scaffold.template_columns import OFFERS_SHEET

_KeyOf = Callable[[object], str]
_TEMPLATE_SHEETS = frozenset({OFFERS_SHEET, MARKS_SHEET, README_SHEET, LISTS_SHEET})


@dataclass(frozen=True)
class Update:
    """What ``template --update`` did: the backup, the rows kept, what was not carried over."""

    path: Path
    backup: Path
    offer_rows: int
    mark_rows: int
    dropped: tuple[Problem, ...]  # columns and sheets not carried over (warnings)


def update_template(
    path: Path,
    config: Config,
    evaluators: Sequence[str] = (),
    *,
    inputs: Sequence[Path] = (),
    now: datetime | None = None,
) -> Update:
    """Regenerate the offers workbook ``path`` for ``config``, keeping its offers and marks.

    Without ``evaluators``, the evaluators of its marks sheet, if it has one, keep theirs."""
    path = output_path(path)
    if path_kind(path) is not PathKind.FILE:
        require_writable([path], inputs=inputs, force=True)  # a folder, a FIFO: said as such
        raise ReferentError("update-no-workbook", params=(("path", str(path)),))
    require_writable([path], inputs=inputs, force=True)
    if path.suffix.lower() not in (".xlsx", ".xlsm"):
        raise ReferentError("update-not-xlsx", params=(("path", str(path)),))
    previous = read_offers_sheet(path)
    marks = previous.marks_sheet
    names = list(evaluators) or (_evaluators_of(marks) if marks is not None else [])
    book = template_book(config, names)
    dropped: list[Problem] = []
    offers = book[OFFERS_SHEET]
    # a column by its id or its label, whichever heads it: an id-headed workbook (written before
    # labels) goes to the label-headed template column for column
    lookup = config.column_names.lookup

    def offer_key(header: object) -> str:
        key = header_key(str(header))
        match = lookup.get(key)
        if match is None:
            return f"?{key}"
        kind, name = match
        return f"{kind.value}:{name}" + (":comment" if kind is ColumnKind.COMMENT else "")

    dropped += _carry(previous, offers, offer_key)
    mark_rows = 0
    if marks is not None:
        if MARKS_SHEET in book.sheetnames:
            dropped += _carry(marks, book[MARKS_SHEET], _marks_key)
            mark_rows = len(marks.rows)
        else:
            dropped.append(_sheet_dropped(previous, marks.name))
    prices = previous.prices_sheet
    if prices is not None:
        if PRICES_SHEET in book.sheetnames:
            sheet = book[PRICES_SHEET]
            sheet.delete_rows(2, sheet.max_row)  # the lines pre-filled: the typed rows replace them
            dropped += _carry(prices, sheet, _prices_key)
        else:
            dropped.append(_sheet_dropped(previous, prices.name))
    for name, _ in previous.other_headers:
        if name not in _TEMPLATE_SHEETS:
            dropped.append(_sheet_dropped(previous, name))
    backup = _backup_path(path, now or datetime.now())
    write_files(
        [(backup, path.read_bytes()), (path, workbook_bytes(book))], inputs=inputs, force=True
    )
    return Update(path, backup, len(previous.rows), mark_rows, tuple(dropped))


def _marks_key(header: object) -> str:
    key = header_key(str(header))
    for name, spellings in MARKS_COLUMNS.items():
        if key in {header_key(s) for s in spellings}:
            return name
    return f"?{key}"


_PRICES_KEYS = {
    header_key(spelling): name
    for name, spellings in (
        *PRICES_COLUMNS.items(),
        ("label", ("désignation", "libellé", "label")),
        ("unit", ("unité", "unit")),
        ("quantity", ("quantité", "quantity", "qté")),
    )
    for spelling in spellings
}


def _prices_key(header: object) -> str:
    key = header_key(str(header))
    return _PRICES_KEYS.get(key, f"?{key}")


def _evaluators_of(marks: RawSheet) -> list[str]:
    """The evaluators named in a marks sheet, in the order they first appear."""
    column = next((i for i, h in enumerate(marks.header) if _marks_key(h) == "evaluator"), None)
    if column is None:
        return []
    names: dict[str, None] = {}
    for _, values in marks.rows:
        if column < len(values) and not is_blank(values[column]):
            names.setdefault(" ".join(str(values[column]).split()), None)
    return list(names)


def _carry(previous: RawSheet, sheet: Worksheet, key_of: _KeyOf) -> list[Problem]:
    """Every cell of ``previous`` written to the column of ``sheet`` with the same meaning, on
    its row; the columns that have none, as warnings."""
    targets: dict[str, int] = {}
    for index, cell in enumerate(sheet[1], start=1):
        if not is_blank(cell.value):
            targets.setdefault(key_of(cell.value), index)
    dropped: list[Problem] = []
    used: set[int] = set()
    for index, header in enumerate(previous.header):
        values = [v for _, row in previous.rows if index < len(row) for v in (row[index],)]
        filled = sum(1 for v in values if not is_blank(v))
        target = None if is_blank(header) else targets.get(key_of(header))
        if target is None or target in used:
            if filled or not is_blank(header):
                dropped.append(_column_dropped(previous, index, header, filled))
            continue
        used.add(target)
        for row, row_values in previous.rows:
            if index < len(row_values) and not is_blank(row_values[index]):
                _put(sheet.cell(row=row, column=target), row_values[index])
    return dropped


def _put(cell: object, value: object) -> None:
    """A value as it was typed: text stays text, a number a number, a date a date, an error
    cell an error cell, a formula without a value its formula."""
    assert isinstance(cell, Cell)
    match value:
        case str():
            set_text(cell, value)
        case ErrorCell(text):
            cell.value = text
            cell.data_type = "e"
        case UncomputedFormula(formula):
            cell.value = formula if formula.startswith("=") else f"={formula}"
        case int() | float() | datetime() | date() | time() | timedelta():
            cell.value = value  # a bool is an int: it stays a bool
        case _:  # nothing else is read from a sheet; said as text all the same
            set_text(cell, str(value))


def _column_dropped(previous: RawSheet, index: int, header: object, filled: int) -> Problem:
    form = "empty" if filled == 0 else "one" if filled == 1 else "many"
    shown = "" if is_blank(header) else str(header).strip()
    return Problem(
        "update-column-dropped",
        params=(("form", form), ("header", repr(shown)), ("cells", str(filled))),
        file=previous.file,
        sheet=previous.name,
        cell=f"{column_letter(index + 1)}1",
        row=1,
    )


def _sheet_dropped(previous: RawSheet, name: str) -> Problem:
    return Problem("update-sheet-dropped", params=(("name", repr(name)),), file=previous.file)


def _backup_path(path: Path, now: datetime) -> Path:
    """``offers.sauvegarde-20261207-2150.xlsx`` beside ``offers.xlsx``: never an existing file."""
    stamp = now.strftime("%Y%m%d-%H%M%S")
    for attempt in range(1, 1000):
        suffix = "" if attempt == 1 else f"-{attempt}"
        candidate = path.with_name(f"{path.stem}.sauvegarde-{stamp}{suffix}{path.suffix}")
        if path_kind(candidate) is PathKind.MISSING:
            return candidate
    raise ReferentError("output-exists", params=(("path", str(candidate)),))
