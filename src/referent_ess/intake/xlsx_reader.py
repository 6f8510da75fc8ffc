"""Reading the offers sheet of an ``.xlsx`` workbook (or a ``.csv`` file) into raw cell values.

The file is first checked and scanned by :mod:`referent_ess.intake.xlsx_scan` (what it really
is, zip bombs, XML attacks, which sheets are read, their size, merged cells, hidden rows, and
anything in their XML that the two readers below would read differently). python-calamine then
reads the sheets of plain values, openpyxl in read-only mode those with formulas or error cells,
with the values Excel or LibreOffice cached for formulas; macros in an ``.xlsm`` are never run.
Two kinds of cells cannot be read as values and are kept as markers so that the caller can
report them with their cell: error cells (``#DIV/0!``, ``#REF!``...) and formulas that were never
computed (a workbook written by a program and not opened in a spreadsheet since): such a formula
has no cached value and must not be read as an empty cell.
"""

import warnings
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO

from referent_ess.base.values import is_blank
from referent_ess.intake.sheet import (
    ErrorCell,
    Progress,
    RawSheet,
    UncomputedFormula,
)
from referent_ess.intake.xlsx_scan import SheetScan, XlsxScan, scan_xlsx
from referent_ess.problems.errors import ReferentError

if TYPE_CHECKING:
    from openpyxl.worksheet._read_only import ReadOnlyWorksheet
    from python_calamine import CalamineWorkbook


def read_xlsx_offers(path: Path, progress: Progress | None = None) -> RawSheet:
    """The offers sheet of an ``.xlsx`` workbook (and its marks and prices sheets, when it has
    them)."""
    scan = scan_xlsx(path)
    try:
        with warnings.catch_warnings():  # openpyxl warns about parts it skips; not our reader's
            warnings.simplefilter("ignore")
            read = _read(path, scan, progress)
    except (ReferentError, KeyboardInterrupt, SystemExit, GeneratorExit):
        raise
    except BaseException as exc:  # a Rust panic in the reader is a BaseException, not Exception
        params = (("path", str(path)), ("detail", str(exc)))
        raise ReferentError("unreadable-workbook", params=params) from None
    return raw_sheets(path, scan, read.offers_values, read.marks_values, read.prices_values)


def raw_sheets(
    path: Path,
    scan: XlsxScan,
    offers_values: list[tuple[object, ...]],
    marks_values: list[tuple[object, ...]],
    prices_values: list[tuple[object, ...]] | None = None,
) -> RawSheet:
    """The offers sheet, with the marks and prices sheets when the workbook has them, from their
    values and what the scan found in them (whatever the kind of workbook)."""
    marks = _raw(path, scan, scan.marks, marks_values, ()) if scan.marks else None
    prices = _raw(path, scan, scan.prices, prices_values or [], ()) if scan.prices else None
    offers = _raw(path, scan, scan.offers, offers_values, scan.other_headers)
    return replace(offers, marks_sheet=marks, prices_sheet=prices, workbook=True)


def _raw(
    path: Path,
    scan: XlsxScan,
    name: str,
    values: list[tuple[object, ...]],
    other_headers: tuple[tuple[str, tuple[object, ...]], ...],
) -> RawSheet:
    notes = scan.sheet(name) or SheetScan(name, "", "visible")
    header = values[0] if values else ()
    # a row is kept unless every cell is blank: most rows are settled by their first cell
    rows = tuple(
        (number, row)
        for number, row in enumerate(values[1:], start=2)
        if (row and (first := row[0]) is not None and (not isinstance(first, str) or first.strip()))
        or not all(map(is_blank, row))
    )
    return RawSheet(
        str(path),
        name,
        header,
        rows,
        other_headers,
        hidden=notes.state != "visible",
        merged=notes.merged,
        hidden_rows=notes.hidden_rows,
        hidden_columns=notes.hidden_columns,
    )


@dataclass(frozen=True)
class _Read:
    offers_name: str
    offers_values: list[tuple[object, ...]]
    other_headers: tuple[tuple[str, tuple[object, ...]], ...]
    marks_name: str | None
    marks_values: list[tuple[object, ...]]
    prices_name: str | None = None
    prices_values: list[tuple[object, ...]] = field(default_factory=list)


def _read(path: Path, scan: XlsxScan, progress: Progress | None) -> "_Read":
    """Values with python-calamine (fast) when the sheets read hold plain values; with openpyxl
    when they hold formulas or error cells, whose cells must be reported one by one (calamine
    reads both as empty text). Only the offers and marks sheets are read: the scan gave the first
    row of the others, and checked that the two readers would read these alike."""
    wanted = [scan.offers, *(name for name in (scan.marks, scan.prices) if name)]
    exact = [
        name
        for name in wanted
        if (notes := scan.sheet(name)) is not None and (notes.has_formulas or notes.has_error_cells)
    ]
    values: dict[str, list[tuple[object, ...]]] = {}
    if len(exact) < len(wanted):
        from python_calamine import CalamineWorkbook

        calamine = CalamineWorkbook.from_path(str(path))
        try:
            for name in wanted:
                if name not in exact:
                    values[name] = _calamine_values(calamine, name, progress)
        finally:
            calamine.close()
    if exact:
        values.update(_openpyxl_values(path, exact, progress))
    return _Read(
        scan.offers,
        values[scan.offers],
        scan.other_headers,
        scan.marks,
        values[scan.marks] if scan.marks else [],
        scan.prices,
        values[scan.prices] if scan.prices else [],
    )


def plain(row: Sequence[object]) -> tuple[object, ...]:
    """calamine's empty cells are empty strings: the loader's are None."""
    if "" not in row:  # most rows: every cell filled
        return tuple(row)
    return tuple(None if value == "" else value for value in row)


def calamine_sheets(
    stream: BinaryIO, names: Sequence[str], progress: Progress | None
) -> dict[str, list[tuple[object, ...]]]:
    """The named sheets of the workbook in ``stream``, read by python-calamine (.ods, .xls)."""
    from python_calamine import CalamineWorkbook

    workbook = CalamineWorkbook.from_filelike(stream)
    try:
        return {name: _calamine_values(workbook, name, progress) for name in names}
    finally:
        workbook.close()


def _calamine_values(
    calamine: "CalamineWorkbook", name: str, progress: Progress | None
) -> list[tuple[object, ...]]:
    rows = calamine.get_sheet_by_name(name).to_python(skip_empty_area=False)
    if progress is not None:
        progress(len(rows))
    # plain(row) for each row, written out: a call a row is a good part of the cost
    return [
        tuple(row) if "" not in row else tuple(None if value == "" else value for value in row)
        for row in rows
    ]


def _openpyxl_values(
    path: Path, names: Sequence[str], progress: Progress | None
) -> dict[str, list[tuple[object, ...]]]:
    """Values cell by cell, error cells and formulas without a cached value kept as markers."""
    import openpyxl

    workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
    try:
        values = {name: _sheet_values(workbook[name], progress) for name in names}
    finally:
        workbook.close()
    formulas = openpyxl.load_workbook(path, read_only=True, data_only=False)
    try:
        for name in names:
            values[name] = _mark_uncomputed(values[name], _sheet_values(formulas[name]))
    finally:
        formulas.close()
    return values


def _sheet_values(
    sheet: "ReadOnlyWorksheet", progress: Progress | None = None
) -> list[tuple[object, ...]]:
    sheet.reset_dimensions()  # a wrong stored dimension must not hide rows or columns
    rows: list[tuple[object, ...]] = []
    for cells in sheet.iter_rows():  # type: ignore[misc]  # stubs type it for Worksheet only
        rows.append(tuple(_cell_value(cell) for cell in cells))
        if progress is not None and len(rows) % 500 == 0:
            progress(len(rows))
    return rows


def _cell_value(cell: Any) -> object:
    kind = getattr(cell, "data_type", None)
    if kind == "e":
        return ErrorCell(str(cell.value))
    if kind == "str" and cell.value is None:
        return ""  # a formula whose computed result is the empty string, e.g. =IF(A2="";"";…)
    return cell.value


def _mark_uncomputed(
    values: list[tuple[object, ...]], formulas: list[tuple[object, ...]]
) -> list[tuple[object, ...]]:
    marked: list[tuple[object, ...]] = []
    for row_values, row_formulas in zip(values, formulas, strict=False):
        marked.append(
            tuple(
                UncomputedFormula(formula)
                if value is None and isinstance(formula, str) and formula.startswith("=")
                else value
                for value, formula in zip(row_values, row_formulas, strict=False)
            )
            + row_values[len(row_formulas) :]
        )
    return marked + values[len(formulas) :]
