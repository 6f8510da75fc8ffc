"""What an Excel 97-2003 workbook (``.xls``) holds, checked before python-calamine reads it.

An ``.xls`` is an OLE2 compound file (sectors chained by a table, the FAT) holding a
``Workbook`` stream of BIFF8 records. The file is read whole (it is bounded:
:data:`MAX_XLS_BYTES`), its compound structure walked here with every sector index checked (a
truncated file is one clear line, ``damaged-xls``), and its records read once, for:

- encryption: a ``FILEPASS`` record in the workbook's globals (``encrypted-workbook``), before
  calamine, which reads such a file as garbage or fails with an unrelated message;
- each sheet's name, kind and whether it is hidden (``BOUNDSHEET8``);
- in each worksheet, the used range from the cell records (a cell beyond
  :data:`~.sheet_xml.MAX_COLUMNS` columns or a range of more than :data:`~.sheet_xml.MAX_CELLS`
  cells is refused at that cell: calamine allocates the whole range), error cells (``BOOLERR``
  and formulas whose cached result is an error), formulas, hidden rows (``ROW``) and columns
  (``COLINFO``) and merged cells (``MERGECELLS``).

A formula always has its computed value in an ``.xls`` (no ``formula-not-computed`` there).
"""

import struct
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from referent_ess.config.columns import column_letter
from referent_ess.intake.sheet import ErrorCell
from referent_ess.intake.sheet_xml import MAX_CELLS, MAX_COLUMNS, SheetFacts
from referent_ess.intake.zip_guard import MAX_UNCOMPRESSED, MB, refuse
from referent_ess.problems.errors import ReferentError
from referent_ess.problems.problem import Problem

MAX_XLS_BYTES = MAX_UNCOMPRESSED  # the bound of an .xlsx once inflated, and of a CSV
WORKBOOK_STREAMS = ("Workbook", "Book")
_FREE, _END = 0xFFFFFFFF, 0xFFFFFFFE
_BOF, _EOF, _FILEPASS, _BOUNDSHEET = 0x0809, 0x000A, 0x002F, 0x0085
_ROW, _COLINFO, _MERGECELLS = 0x0208, 0x007D, 0x00E5
_BOOLERR, _FORMULA = 0x0205, 0x0006
_MULRK, _MULBLANK = 0x00BD, 0x00BE
# records of one cell, each starting with its row and column
_CELLS = frozenset({0x0203, 0x027E, 0x00FD, 0x0204, 0x0201, 0x00D6, _BOOLERR, _FORMULA})
_ERRORS = {
    0x00: "#NULL!",
    0x07: "#DIV/0!",
    0x0F: "#VALUE!",
    0x17: "#REF!",
    0x1D: "#NAME?",
    0x24: "#NUM!",
    0x2A: "#N/A",
}
_STATES = {0: "visible", 1: "hidden", 2: "veryHidden"}


class _Damaged(Exception):
    """The compound file or its records are cut short or inconsistent."""


@dataclass
class XlsSheet:
    """One sheet of the workbook, and (for a worksheet) what its records hold."""

    name: str
    state: str
    worksheet: bool
    offset: int  # where its records start in the workbook stream
    merged: list[str] = field(default_factory=list)
    hidden_rows: list[int] = field(default_factory=list)
    hidden_columns: dict[str, None] = field(default_factory=dict)
    errors: dict[tuple[int, int], ErrorCell] = field(default_factory=dict)
    formulas: bool = False
    rows: int = 0
    columns: int = 0

    def facts(self) -> SheetFacts:
        return SheetFacts(
            has_formulas=self.formulas,
            has_error_cells=bool(self.errors),
            merged=tuple(self.merged),
            hidden_rows=tuple(self.hidden_rows),
            hidden_columns=tuple(self.hidden_columns),
            rows=self.rows,
            columns=self.columns,
            read_in_full=True,
        )


def scan_xls(path: Path, data: bytes) -> list[XlsSheet]:
    """The sheets of the ``.xls`` whose bytes are ``data``; :class:`ReferentError` when it is
    encrypted, damaged, or holds a worksheet too large to read (with its cell)."""
    try:
        stream = _workbook_stream(data)
        if stream is None:
            raise refuse(path, "not-a-workbook", ("form", "office"), ("kind_part", "office.other"))
        sheets = _globals(path, stream)
        for sheet in sheets:
            if sheet.worksheet:
                _worksheet(str(path), stream, sheet)
    except (_Damaged, struct.error, IndexError) as exc:
        detail = str(exc) or "a record is cut short"
        raise refuse(path, "damaged-xls", ("detail", detail)) from None
    return sheets


def check_size(path: Path, size: int) -> None:
    if size > MAX_XLS_BYTES:
        params = (("path", str(path)), ("size", str(-(-size // MB))))
        raise ReferentError("file-too-large", params=(*params, ("limit", str(MAX_XLS_BYTES // MB))))


def _workbook_stream(data: bytes) -> bytes | None:
    """The bytes of the ``Workbook`` stream of the compound file, or None when there is none."""
    if len(data) < 512:
        raise _Damaged("the file is shorter than its header")
    shift, mini_shift = struct.unpack_from("<HH", data, 0x1E)
    if shift not in (9, 12) or mini_shift != 6:
        raise _Damaged("its header is not that of a compound file")
    size = 1 << shift
    count = (len(data) - 512) // size if shift == 9 else len(data) // size - 1
    fat_count, directory, _, cutoff, mini_fat, mini_count, difat, difat_count = struct.unpack_from(
        "<8I", data, 0x2C
    )

    def sector(index: int) -> bytes:
        if index >= count:
            raise _Damaged(f"sector {index} is beyond the end of the file (cut short?)")
        start = (index + 1) << shift
        return data[start : start + size]

    fat_sectors = [s for s in struct.unpack_from("<109I", data, 0x4C) if s != _FREE]
    index, seen = difat, 0
    while index not in (_END, _FREE) and seen < difat_count and seen <= count:
        pointers = struct.unpack(f"<{size // 4}I", sector(index))
        fat_sectors += [s for s in pointers[:-1] if s != _FREE]
        index, seen = pointers[-1], seen + 1
    fat_sectors = fat_sectors[:fat_count]
    fat = b"".join(sector(s) for s in fat_sectors)
    table = struct.unpack(f"<{len(fat) // 4}I", fat)

    entries = _chain(directory, table, sector)
    root_start, root_size = struct.unpack_from("<II", entries, 116)
    for at in range(0, len(entries) - 127, 128):
        length, kind = struct.unpack_from("<HB", entries, at + 64)
        name = entries[at : at + max(length - 2, 0)].decode("utf-16-le", "replace")
        if kind != 2 or name not in WORKBOOK_STREAMS:
            continue
        start, length = struct.unpack_from("<II", entries, at + 116)
        if length >= cutoff:
            return _chain(start, table, sector)[:length]
        mini_stream = _chain(root_start, table, sector)[:root_size]
        mini_fat_bytes = _chain(mini_fat, table, sector) if mini_count else b""
        mini_table = struct.unpack(f"<{len(mini_fat_bytes) // 4}I", mini_fat_bytes)
        return _chain(start, mini_table, _mini_sectors(mini_stream))[:length]
    return None


def _mini_sectors(mini_stream: bytes) -> Callable[[int], bytes]:
    """The reader of the 64-byte sectors of the mini stream (where small streams are)."""

    def mini(index: int) -> bytes:
        if (index + 1) * 64 > len(mini_stream):
            raise _Damaged(f"mini sector {index} is beyond the mini stream (cut short?)")
        return mini_stream[index * 64 : index * 64 + 64]

    return mini


def _chain(start: int, table: tuple[int, ...], read: Callable[[int], bytes]) -> bytes:
    """The bytes of the sectors chained from ``start`` by ``table``; a chain that leaves the
    table or loops is a damaged file."""
    parts: list[bytes] = []
    index = start
    while index != _END:
        if index >= len(table) or len(parts) > len(table):
            raise _Damaged("a chain of sectors is broken (cut short?)")
        parts.append(read(index))
        index = table[index]
    return b"".join(parts)


def _records(stream: bytes, start: int) -> Iterator[tuple[int, int, bytes]]:
    """The records from ``start`` to the end of their substream: (position, type, data)."""
    at = start
    while at + 4 <= len(stream):
        kind, length = struct.unpack_from("<HH", stream, at)
        if at + 4 + length > len(stream):
            raise _Damaged("a record is cut short")
        yield at, kind, stream[at + 4 : at + 4 + length]
        if kind == _EOF:
            return
        at += 4 + length
    raise _Damaged("the workbook stream ends before its last record")


def _globals(path: Path, stream: bytes) -> list[XlsSheet]:
    sheets: list[XlsSheet] = []
    first = True
    for _, kind, body in _records(stream, 0):
        if first and kind != _BOF:
            raise _Damaged("the workbook stream does not start with a BOF record")
        first = False
        if kind == _FILEPASS:
            raise refuse(path, "encrypted-workbook", ("form", "xls"))
        if kind == _BOUNDSHEET:
            offset, state, sheet_kind, length, wide = struct.unpack_from("<IBBBB", body, 0)
            raw = body[8 : 8 + (length * 2 if wide & 1 else length)]
            name = raw.decode("utf-16-le" if wide & 1 else "latin-1", "replace")
            sheets.append(XlsSheet(name, _STATES.get(state & 3, "hidden"), sheet_kind == 0, offset))
    return sheets


def _worksheet(file: str, stream: bytes, sheet: XlsSheet) -> None:
    """Read the records of one worksheet: its used range (bounded), error cells, formulas,
    hidden rows and columns, merged cells."""
    for _, kind, body in _records(stream, sheet.offset):
        if kind in _CELLS or kind in (_MULRK, _MULBLANK):
            row, column = struct.unpack_from("<HH", body, 0)
            last = (
                struct.unpack_from("<H", body, len(body) - 2)[0]
                if kind
                in (
                    _MULRK,
                    _MULBLANK,
                )
                else column
            )
            _grow(file, sheet, row + 1, last + 1)
            if kind == _BOOLERR and body[7] == 1:
                sheet.errors[(row, column)] = ErrorCell(_ERRORS.get(body[6], "#VALUE!"))
            elif kind == _FORMULA:
                sheet.formulas = True
                if body[12:14] == b"\xff\xff" and body[6] == 2:
                    sheet.errors[(row, column)] = ErrorCell(_ERRORS.get(body[8], "#VALUE!"))
        elif kind == _ROW:
            row, flags = struct.unpack_from("<H", body, 0)[0], struct.unpack_from("<H", body, 12)[0]
            if flags & 0x20:
                sheet.hidden_rows.append(row + 1)
        elif kind == _COLINFO:
            first, last, _, _, flags = struct.unpack_from("<HHHHH", body, 0)
            if flags & 1:
                for index in range(first, min(last + 1, MAX_COLUMNS)):
                    sheet.hidden_columns[column_letter(index + 1)] = None
        elif kind == _MERGECELLS:
            (count,) = struct.unpack_from("<H", body, 0)
            for at in range(2, 2 + 8 * count, 8):
                top, bottom, left, right = struct.unpack_from("<HHHH", body, at)
                if left < MAX_COLUMNS:
                    sheet.merged.append(
                        f"{column_letter(left + 1)}{top + 1}:"
                        f"{column_letter(min(right + 1, MAX_COLUMNS))}{bottom + 1}"
                    )


def _grow(file: str, sheet: XlsSheet, row: int, column: int) -> None:
    """Extend the used range to (row, column), both from 1; refuse it beyond the limits."""
    rows, columns = max(sheet.rows, row), max(sheet.columns, column)
    params: tuple[tuple[str, str], ...]
    if columns > MAX_COLUMNS:
        cell = f"{column_letter(MAX_COLUMNS + 1)}{row}"
        params = (("limit", str(MAX_COLUMNS)), ("last", column_letter(MAX_COLUMNS)))
        _refuse(file, sheet, "columns", cell, row, params)
    if rows * columns > MAX_CELLS:
        cell = f"{column_letter(column)}{row}"
        limit = f"{MAX_CELLS:,}".replace(",", " ")
        params = (("rows", str(rows)), ("columns", str(columns)), ("limit", limit))
        _refuse(file, sheet, "cells", cell, row, params)
    sheet.rows, sheet.columns = rows, columns


def _refuse(
    file: str, sheet: XlsSheet, form: str, cell: str, row: int, params: tuple[tuple[str, str], ...]
) -> None:
    problem = Problem(
        "sheet-too-large",
        params=(("form", form), ("cell", cell), *params, ("sheet", sheet.name)),
        file=file,
        sheet=sheet.name,
        cell=cell,
        row=row,
    )
    raise ReferentError.from_problems([problem])
