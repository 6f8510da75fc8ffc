"""What an OpenDocument spreadsheet (``.ods``) holds, checked before python-calamine reads it.

An ``.ods`` is a zip, checked as an ``.xlsx`` is (:mod:`.zip_guard`: no member twice, not too
many, not too large once inflated, none encrypted, each decompressed by referent itself in
bounded steps); every XML member is streamed once and refused if it declares a DTD. Then
``content.xml``, which holds every sheet, is parsed once with expat, as a stream, for what
python-calamine does not say and for what would make it allocate without bound:

- each sheet's name and whether it is hidden (its table style's ``table:display="false"``);
- hidden rows and columns (``table:visibility``), merged cells
  (``table:number-columns-spanned``/``number-rows-spanned``), formulas without a value (a
  ``table:formula`` without ``office:value-type``), error values (``calcext:value-type="error"``),
  each with its cell;
- the used range: ``table:number-rows-repeated``/``number-columns-repeated`` let a few bytes
  describe millions of cells, which python-calamine allocates. A cell with content beyond
  :data:`~.sheet_xml.MAX_COLUMNS` columns, or a used range of more than
  :data:`~.sheet_xml.MAX_CELLS` cells, is refused at that cell before calamine reads anything.
  Empty cells repeated to the sheet's end (LibreOffice writes them) cost nothing.
"""

import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO
from xml.parsers import expat

from referent_ess.config.columns import column_letter
from referent_ess.intake.sheet import ErrorCell, Marker, Markers, UncomputedFormula
from referent_ess.intake.sheet_xml import MAX_CELLS, MAX_COLUMNS, SheetFacts
from referent_ess.intake.xlsx_scan import (
    SheetScan,
    XlsxScan,
    chosen_sheets,
    consume,
    xml_chunks,
)
from referent_ess.intake.zip_guard import check_members, check_readable, refuse
from referent_ess.problems.errors import ReferentError
from referent_ess.problems.problem import Problem

CONTENT = "content.xml"
MANIFEST = "META-INF/manifest.xml"

_TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
_OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
_STYLE = "urn:oasis:names:tc:opendocument:xmlns:style:1.0"
_TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
_CALCEXT = "urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0"

_E_TABLE, _E_COLUMN, _E_ROW = (f"{_TABLE} {n}" for n in ("table", "table-column", "table-row"))
_E_CELL, _E_COVERED = f"{_TABLE} table-cell", f"{_TABLE} covered-table-cell"
_E_STYLE, _E_TABLE_PROPS = f"{_STYLE} style", f"{_STYLE} table-properties"
_E_PARAGRAPH = f"{_TEXT} p"
_A_NAME, _A_STYLE_NAME = f"{_TABLE} name", f"{_TABLE} style-name"
_A_ROWS_REPEATED = f"{_TABLE} number-rows-repeated"
_A_COLUMNS_REPEATED = f"{_TABLE} number-columns-repeated"
_A_COLUMNS_SPANNED = f"{_TABLE} number-columns-spanned"
_A_ROWS_SPANNED = f"{_TABLE} number-rows-spanned"
_A_VISIBILITY, _A_DISPLAY = f"{_TABLE} visibility", f"{_TABLE} display"
_A_FORMULA, _A_VALUE_TYPE = f"{_TABLE} formula", f"{_OFFICE} value-type"
_A_CALC_TYPE = f"{_CALCEXT} value-type"
_A_STYLE_NAME_STYLE, _A_FAMILY = f"{_STYLE} name", f"{_STYLE} family"


@dataclass(frozen=True)
class OdsScan:
    """The sheets of the workbook (as :class:`~.xlsx_scan.XlsxScan` names them) and, for each
    sheet read, the cells that hold an error or a formula without a value."""

    scan: XlsxScan
    markers: dict[str, Markers] = field(default_factory=dict)


def scan_ods(path: Path) -> OdsScan:
    """Check that ``path`` is a safe ``.ods`` workbook and choose the sheets to read;
    :class:`ReferentError` when it cannot be read safely (each problem with its cell)."""
    check_readable(path)
    try:
        with path.open("rb") as stream, zipfile.ZipFile(stream) as archive:
            return _scan(path, stream, archive)
    except (
        zipfile.BadZipFile,
        zlib.error,
        NotImplementedError,
        UnicodeDecodeError,
        OSError,
    ) as exc:
        raise refuse(path, "damaged-zip", ("detail", str(exc))) from None


def _scan(path: Path, stream: BinaryIO, archive: zipfile.ZipFile) -> OdsScan:
    infos = archive.infolist()
    check_members(path, infos)
    members = {info.filename: info for info in infos}
    manifest = members.get(MANIFEST)
    if manifest is not None and b"encryption-data" in b"".join(xml_chunks(path, stream, manifest)):
        raise refuse(path, "encrypted-workbook", ("form", "ods"))
    if CONTENT not in members:
        detail = f"it has no {CONTENT}"
        raise refuse(path, "malformed-workbook", ("form", "parts"), ("detail", detail))
    for info in infos:
        if info.filename.endswith((".xml", ".rdf")) and info.filename != CONTENT:
            consume(xml_chunks(path, stream, info))
    parser = ContentParser(str(path))
    try:
        for chunk in xml_chunks(path, stream, members[CONTENT]):
            parser.feed(chunk)
        parser.feed(b"", final=True)
    except expat.ExpatError as exc:
        where = (("line", str(exc.lineno)), ("column", str(exc.offset + 1)))
        raise refuse(
            path, "malformed-workbook", ("form", "xml"), ("part", CONTENT), *where
        ) from None
    return _chosen(path, parser)


def _chosen(path: Path, parser: "ContentParser") -> OdsScan:
    sheets = [
        SheetScan(sheet.name, CONTENT, "hidden" if sheet.hidden else "visible", sheet.facts())
        for sheet in parser.sheets
    ]
    scan = chosen_sheets(path, sheets)
    read = (scan.offers, scan.marks, scan.prices)
    return OdsScan(
        scan, {sheet.name: sheet.markers for sheet in parser.sheets if sheet.name in read}
    )


def _count(attributes: dict[str, str], name: str) -> int:
    """A repetition or a span: a whole number from 1 (anything else counts as 1, as
    LibreOffice reads it)."""
    text = attributes.get(name)
    if text is None or not text.isascii() or not text.isdigit() or len(text) > 12:
        return 1
    return max(int(text), 1)


@dataclass
class _Sheet:
    """What one ``table:table`` holds, as it is parsed."""

    name: str
    hidden: bool
    first_row: list[str] = field(default_factory=list)
    merged: list[str] = field(default_factory=list)
    hidden_rows: list[int] = field(default_factory=list)
    hidden_columns: dict[str, None] = field(default_factory=dict)
    markers: Markers = field(default_factory=dict)
    rows: int = 0  # the used range, from A1 to the last cell with content
    columns: int = 0
    formulas: bool = False
    errors: bool = False

    def facts(self) -> SheetFacts:
        return SheetFacts(
            first_row=tuple(self.first_row),
            has_formulas=self.formulas,
            has_error_cells=self.errors,
            merged=tuple(self.merged),
            hidden_rows=tuple(self.hidden_rows),
            hidden_columns=tuple(self.hidden_columns),
            rows=self.rows,
            columns=self.columns,
            read_in_full=True,
        )


class ContentParser:
    """Feed the bytes of ``content.xml``, chunk by chunk; :attr:`sheets` then says what each
    sheet holds. A cell with content beyond the limits raises :class:`ReferentError` at once,
    with its sheet and cell."""

    def __init__(self, file: str) -> None:
        self._file = file
        self.sheets: list[_Sheet] = []
        self._hidden_styles: set[str] = set()
        self._style: str | None = None  # the table style being read
        self._sheet: _Sheet | None = None
        self._nested = 0  # depth of tables inside a cell: their cells are not the sheet's
        self._column = 0  # the next table-column's index
        self._row = 0  # the current row's index, from 0
        self._row_repeat = 1
        self._row_hidden = False
        self._row_used = 0  # columns used in the current row (the last with content, from 1)
        self._row_markers: list[tuple[int, Marker]] = []
        self._cell = 0  # the current cell's column, from 0
        self._cell_attributes: dict[str, str] | None = None
        self._text: list[str] = []
        self._paragraphs = 0
        parser = expat.ParserCreate(namespace_separator=" ")
        parser.buffer_text = True
        parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
        parser.StartDoctypeDeclHandler = self._doctype
        parser.EntityDeclHandler = self._doctype
        parser.StartElementHandler = self._start
        parser.EndElementHandler = self._end
        parser.CharacterDataHandler = self._characters
        self._parser = parser

    def feed(self, data: bytes, *, final: bool = False) -> None:
        self._parser.Parse(data, final)

    def _doctype(self, *_: object) -> None:
        raise ReferentError("xml-entities", params=(("path", self._file), ("part", CONTENT)))

    def _start(self, name: str, attributes: dict[str, str]) -> None:
        if self._nested:
            self._nested += name == _E_TABLE
            return
        if name in (_E_CELL, _E_COVERED):
            self._cell_attributes = attributes
            self._text = []
            self._paragraphs = 0
        elif name == _E_PARAGRAPH:
            if self._cell_attributes is not None and self._paragraphs:
                self._text.append("\n")
            self._paragraphs += 1
        elif name == _E_ROW and self._sheet is not None:
            self._row_repeat = _count(attributes, _A_ROWS_REPEATED)
            self._row_hidden = attributes.get(_A_VISIBILITY, "visible") != "visible"
            self._row_used = 0
            self._row_markers = []
            self._cell = 0
        elif name == _E_COLUMN and self._sheet is not None:
            repeat = _count(attributes, _A_COLUMNS_REPEATED)
            if attributes.get(_A_VISIBILITY, "visible") != "visible":
                for index in range(self._column, min(self._column + repeat, MAX_COLUMNS)):
                    self._sheet.hidden_columns[column_letter(index + 1)] = None
            self._column += repeat
        elif name == _E_TABLE:
            if self._cell_attributes is not None:
                self._nested = 1
                return
            style = attributes.get(_A_STYLE_NAME, "")
            self._sheet = _Sheet(attributes.get(_A_NAME, ""), style in self._hidden_styles)
            self.sheets.append(self._sheet)
            self._column = self._row = 0
        elif name == _E_STYLE:
            family = attributes.get(_A_FAMILY)
            self._style = attributes.get(_A_STYLE_NAME_STYLE) if family == "table" else None
        elif (
            name == _E_TABLE_PROPS
            and self._style is not None
            and attributes.get(_A_DISPLAY) == "false"
        ):
            self._hidden_styles.add(self._style)

    def _characters(self, data: str) -> None:
        if self._cell_attributes is not None and self._paragraphs:
            self._text.append(data)

    def _end(self, name: str) -> None:
        if self._nested:
            self._nested -= name == _E_TABLE
            return
        if name in (_E_CELL, _E_COVERED):
            self._end_cell(name == _E_COVERED)
        elif name == _E_ROW and self._sheet is not None:
            self._end_row(self._sheet)
        elif name == _E_TABLE:
            self._sheet = None
        elif name == _E_STYLE:
            self._style = None

    def _end_cell(self, covered: bool) -> None:
        attributes, self._cell_attributes = self._cell_attributes or {}, None
        sheet = self._sheet
        start = self._cell
        repeat = _count(attributes, _A_COLUMNS_REPEATED) if _A_COLUMNS_REPEATED in attributes else 1
        self._cell += repeat
        if sheet is None:
            return
        text = "".join(self._text)
        formula = attributes.get(_A_FORMULA)
        kind = attributes.get(_A_VALUE_TYPE)
        if not covered and (_A_COLUMNS_SPANNED in attributes or _A_ROWS_SPANNED in attributes):
            spanned = (_count(attributes, _A_COLUMNS_SPANNED), _count(attributes, _A_ROWS_SPANNED))
            if spanned != (1, 1) and start < MAX_COLUMNS:
                first = f"{column_letter(start + 1)}{self._row + 1}"
                last_column = min(start + spanned[0], MAX_COLUMNS)
                last = f"{column_letter(last_column)}{self._row + spanned[1]}"
                sheet.merged.append(f"{first}:{last}")
        if kind is None and formula is None and not text.strip():
            return  # an empty cell, however often repeated
        end = start + repeat  # the columns used, from 1
        if end > MAX_COLUMNS:
            self._refuse_columns(sheet, max(start, MAX_COLUMNS))
        self._row_used = end
        if self._row == 0:
            sheet.first_row.extend([text] * repeat if text.strip() else [])
        error = attributes.get(_A_CALC_TYPE) == "error"
        if formula is None and not error:
            return  # a plain value: most cells
        marker: Marker | None = None
        if error:
            marker = ErrorCell(text.strip() or "#VALUE!")
            sheet.errors = True
        elif formula is not None:
            sheet.formulas = True
            if kind is None:
                marker = UncomputedFormula(formula.removeprefix("of:"))
        if marker is not None:
            self._row_markers.extend((column, marker) for column in range(start, end))

    def _end_row(self, sheet: _Sheet) -> None:
        first, repeat = self._row, self._row_repeat
        self._row += repeat
        if not self._row_used:
            return
        rows, columns = self._row, max(sheet.columns, self._row_used)
        if rows * columns > MAX_CELLS:
            # the first row of the repetition whose range goes beyond the limit
            row = max(first + 1, MAX_CELLS // columns + 1)
            self._refuse_cells(sheet, row, columns)
        sheet.rows, sheet.columns = rows, columns
        if self._row_hidden:
            sheet.hidden_rows.extend(range(first + 1, self._row + 1))
        for row in range(first, self._row) if self._row_markers else ():
            sheet.markers.update(((row, column), marker) for column, marker in self._row_markers)

    def _refuse_columns(self, sheet: _Sheet, column: int) -> None:
        cell = f"{column_letter(column + 1)}{self._row + 1}"
        params = (
            ("form", "columns"),
            ("cell", cell),
            ("limit", str(MAX_COLUMNS)),
            ("last", column_letter(MAX_COLUMNS)),
            ("sheet", sheet.name),
        )
        self._refuse(sheet, cell, self._row + 1, params)

    def _refuse_cells(self, sheet: _Sheet, row: int, columns: int) -> None:
        cell = f"{column_letter(min(columns, MAX_COLUMNS))}{row}"
        params = (
            ("form", "cells"),
            ("cell", cell),
            ("rows", str(row)),
            ("columns", str(columns)),
            ("limit", f"{MAX_CELLS:,}".replace(",", " ")),
            ("sheet", sheet.name),
        )
        self._refuse(sheet, cell, row, params)

    def _refuse(
        self, sheet: _Sheet, cell: str, row: int, params: tuple[tuple[str, str], ...]
    ) -> None:
        problem = Problem(
            "sheet-too-large", params=params, file=self._file, sheet=sheet.name, cell=cell, row=row
        )
        raise ReferentError.from_problems([problem])
