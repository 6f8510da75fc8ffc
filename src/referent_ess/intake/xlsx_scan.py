"""What a workbook is made of, checked before any reader touches it, and which sheets are read.

Every XML part is streamed once (:func:`~.zip_guard.decompressed`, bounded), so that any part
declaring a DTD (``<!DOCTYPE``/``<!ENTITY``) is refused before any parser sees it (OOXML parts
never need one, and it is how entity-expansion and external-entity attacks start). Then:

- the workbook's sheets, from ``xl/workbook.xml`` and its relationships, and the parts where
  both readers look for them (``[Content_Types].xml``);
- the table of shared texts, counted as both readers count it;
- the sheets to read: the offers sheet (named ``offers``/``offres``, else the first visible
  worksheet; two sheets with such names are refused), and the evaluators' marks sheet (``marks``,
  or ``notes`` with an evaluator column; two are refused), and the prices sheet of lots priced
  line by line (``prix``, ``bpu``, ``dqe``, ``dpgf``, ``bordereau des prix``; two are refused);
- each of these parsed in full by :class:`~.sheet_xml.SheetParser`, which notes its formulas,
  error cells, merged cells and hidden rows and columns, and refuses, each with its cell, a sheet
  too large to read or whose XML the two readers would read differently; the other worksheets
  are parsed up to their first row only (the hints of a missing column).
"""

import re
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import BinaryIO
from xml.parsers import expat

import defusedxml.ElementTree as SafeET

from referent_ess.base.normalise import normalise
from referent_ess.intake.sheet import OFFERS_SHEET_NAMES
from referent_ess.intake.sheet_xml import (
    PLAIN_FROM,
    DoctypeFound,
    FirstRow,
    SharedStringsParser,
    SheetFacts,
    SheetParser,
)
from referent_ess.intake.zip_guard import (
    ZipDamage,
    check_directory,
    check_kind,
    check_readable,
    decompressed,
    refuse,
    scan_zip,
)
from referent_ess.problems.errors import ReferentError

_DTD = re.compile(rb"<!(?:DOCTYPE|ENTITY)")
_DTD_SPAN = len(b"<!DOCTYPE") - 1  # what a chunk keeps of the previous one for the search

_NS_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_NS_REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_NS_PKG_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_NS_TYPES = "{http://schemas.openxmlformats.org/package/2006/content-types}"

CONTENT_TYPES = "[Content_Types].xml"
WORKBOOK = "xl/workbook.xml"
WORKBOOK_RELS = "xl/_rels/workbook.xml.rels"
SHARED_STRINGS = "xl/sharedStrings.xml"  # where calamine reads them, whatever the manifest says

# where the cells of a sheet are: a worksheet part of an .xlsx, or (.ods, .xls) the one part of
# the whole workbook
CELL_PARTS = ("xl/worksheets/", "content.xml", "Workbook")

MARKS_SHEET_NAMES = frozenset({"marks"})
NOTES_SHEET_NAMES = frozenset({"notes"})  # the marks sheet when it has an evaluator column
# the prices sheet: the lines of the offers of schedule (BPU × DQE) and DPGF lots
PRICES_SHEET_NAMES = frozenset(
    {
        "prix",
        "prices",
        "bpu",
        "dqe",
        "dpgf",
        "bpu dqe",
        "bordereau des prix",
        "bordereau de prix",
        "bordereau des prix unitaires",
        "detail des prix",
    }
)
EVALUATOR_HEADERS = frozenset({"evaluator", "evaluateur", "evaluatrice", "membre du jury", "jury"})


@dataclass(frozen=True)
class SheetScan:
    """One sheet of the workbook, and what its XML holds (see :class:`~.sheet_xml.SheetFacts`)."""

    name: str
    part: str  # zip member, e.g. xl/worksheets/sheet1.xml (CELL_PARTS for .ods and .xls)
    state: str  # visible, hidden or veryHidden
    facts: SheetFacts = field(default_factory=SheetFacts)

    @property
    def has_formulas(self) -> bool:
        return self.facts.has_formulas

    @property
    def has_error_cells(self) -> bool:
        return self.facts.has_error_cells

    @property
    def merged(self) -> tuple[str, ...]:
        return self.facts.merged

    @property
    def hidden_rows(self) -> tuple[int, ...]:
        return self.facts.hidden_rows

    @property
    def hidden_columns(self) -> tuple[str, ...]:
        return self.facts.hidden_columns


@dataclass(frozen=True)
class XlsxScan:
    sheets: tuple[SheetScan, ...]
    offers: str = ""  # the name of the offers sheet
    marks: str | None = None  # the name of the evaluators' marks sheet, when there is one
    prices: str | None = None  # the name of the prices sheet, when there is one

    def sheet(self, name: str) -> SheetScan | None:
        return next((s for s in self.sheets if s.name == name), None)

    @property
    def worksheets(self) -> tuple[SheetScan, ...]:
        """The sheets that hold cells (not chartsheets), in the workbook's order."""
        return tuple(s for s in self.sheets if is_worksheet(s))

    @property
    def other_headers(self) -> tuple[tuple[str, FirstRow], ...]:
        """The first row of each worksheet that is not read: where a missing column may be."""
        read = (self.offers, self.marks, self.prices)
        return tuple((s.name, s.facts.first_row) for s in self.worksheets if s.name not in read)


def scan_xlsx(path: Path) -> XlsxScan:
    """Check that ``path`` is a safe .xlsx/.xlsm workbook, choose the sheets to read and check
    them; :class:`ReferentError` (every problem, with its cell) when it cannot be read safely."""
    check_kind(path, check_readable(path))
    return scan_zip(path, _scan)


def _scan(path: Path, stream: BinaryIO, archive: zipfile.ZipFile) -> XlsxScan:
    infos = archive.infolist()
    check_directory(path, archive, infos)
    members = {info.filename: info for info in infos}
    first = [members[name] for name in (CONTENT_TYPES, WORKBOOK, WORKBOOK_RELS) if name in members]
    for info in first:
        consume(xml_chunks(path, stream, info))
    sheets = _sheets(path, archive)
    _check_parts(path, archive, sheets)
    worksheets = [s for s in sheets if is_worksheet(s)]
    parsed = {info.filename for info in first} | {s.part for s in worksheets} | {SHARED_STRINGS}
    for info in infos:
        if _is_xml(info) and info.filename not in parsed:
            consume(xml_chunks(path, stream, info))
    shared = _shared_strings(path, stream, members.get(SHARED_STRINGS))
    offers = offers_sheet(path, worksheets)
    for sheet in worksheets:
        if sheet.part not in members and (
            sheet.name == offers or normalise(sheet.name) in MARKS_SHEET_NAMES | PRICES_SHEET_NAMES
        ):
            detail = f"the sheet {sheet.name!r} is the part {sheet.part}, which is missing"
            raise refuse(path, "malformed-workbook", ("form", "parts"), ("detail", detail))
    scanned = {
        sheet.name: _scan_sheet(path, stream, members[sheet.part], sheet, shared, offers)
        for sheet in worksheets
        if sheet.part in members
    }
    prices = [name for name in scanned if name != offers and normalise(name) in PRICES_SHEET_NAMES]
    marks = [
        name
        for name, facts in scanned.items()
        if name != offers and name not in prices and facts.read_in_full
    ]
    for form, found in (("marks", marks), ("prices", prices)):
        if len(found) > 1:
            params = (("path", str(path)), ("first", repr(found[0])), ("second", repr(found[1])))
            raise ReferentError("two-offers-sheets", params=(("form", form), *params))
    problems = [p for name in (offers, *marks, *prices) for p in scanned[name].problems]
    if problems:
        raise ReferentError.from_problems(problems)
    return XlsxScan(
        tuple(
            SheetScan(s.name, s.part, s.state, scanned.get(s.name, SheetFacts())) for s in sheets
        ),
        offers,
        marks[0] if marks else None,
        prices[0] if prices else None,
    )


def is_worksheet(sheet: SheetScan) -> bool:
    """A sheet that holds cells (not a chartsheet)."""
    return sheet.part.startswith(CELL_PARTS)


def _scan_sheet(
    path: Path,
    stream: BinaryIO,
    info: zipfile.ZipInfo,
    sheet: SheetScan,
    shared: list[str],
    offers: str,
) -> SheetFacts:
    """Parse one worksheet: in full if it is read, else up to its first row (its other bytes
    are still streamed, for their size, CRC and DTD checks)."""
    kind = normalise(sheet.name)
    full: bool | Callable[[FirstRow], bool] = False
    if sheet.name == offers or kind in MARKS_SHEET_NAMES | PRICES_SHEET_NAMES:
        full = True
    elif kind in NOTES_SHEET_NAMES:
        full = has_evaluator_column
    fast = info.file_size >= PLAIN_FROM  # below, compiling the expression costs more
    parser = SheetParser(str(path), sheet.name, shared, full, fast=fast, size=info.file_size)
    wanted = True
    try:
        for chunk in xml_chunks(path, stream, info):
            wanted = wanted and parser.feed(chunk)
    except DoctypeFound:
        raise refuse(path, "xml-entities", ("part", info.filename)) from None
    return parser.facts()


def chosen_sheets(path: Path, sheets: list[SheetScan]) -> XlsxScan:
    """The sheets of an ``.ods`` or ``.xls`` workbook (scanned whole) with the offers sheet and
    the marks and prices sheets chosen as in an ``.xlsx``."""
    worksheets = [s for s in sheets if is_worksheet(s)]
    offers = offers_sheet(path, worksheets)
    prices = [
        s.name for s in worksheets if s.name != offers and normalise(s.name) in PRICES_SHEET_NAMES
    ]
    marks = [
        s.name
        for s in worksheets
        if s.name != offers
        and s.name not in prices
        and (
            normalise(s.name) in MARKS_SHEET_NAMES
            or (normalise(s.name) in NOTES_SHEET_NAMES and has_evaluator_column(s.facts.first_row))
        )
    ]
    for form, found in (("marks", marks), ("prices", prices)):
        if len(found) > 1:
            params = (("path", str(path)), ("first", repr(found[0])), ("second", repr(found[1])))
            raise ReferentError("two-offers-sheets", params=(("form", form), *params))
    return XlsxScan(
        tuple(sheets), offers, marks[0] if marks else None, prices[0] if prices else None
    )


def has_evaluator_column(first_row: FirstRow) -> bool:
    """A ``notes`` sheet is the evaluators' marks when it has an evaluator column (a sheet of
    free-text notes is not)."""
    return any(normalise(text) in EVALUATOR_HEADERS for text in first_row)


def offers_sheet(path: Path, worksheets: list[SheetScan]) -> str:
    """The worksheet named ``offers``/``offres`` (any case, even hidden), else the first
    visible worksheet; never a chartsheet. Two sheets named so are refused: reading one of
    them (an old copy, say) would silently score the wrong offers."""
    named = [s.name for s in worksheets if normalise(s.name) in OFFERS_SHEET_NAMES]
    if len(named) > 1:
        params = (("path", str(path)), ("first", repr(named[0])), ("second", repr(named[1])))
        raise ReferentError("two-offers-sheets", params=(("form", "offers"), *params))
    if named:
        return named[0]
    visible = [s.name for s in worksheets if s.state == "visible"]
    if not visible:
        raise ReferentError("no-worksheet", params=(("path", str(path)),))
    return visible[0]


def _is_xml(info: zipfile.ZipInfo) -> bool:
    return info.filename.endswith((".xml", ".rels", ".vml"))


def xml_chunks(path: Path, stream: BinaryIO, info: zipfile.ZipInfo) -> Iterator[bytes]:
    """A member's bytes in bounded chunks, each searched for a DTD before it is given (with the
    end of the previous one: a ``<!DOCTYPE`` cut in two is found). A chunk without a ``!``
    (most chunks of a sheet: a search for one byte is several times cheaper) holds none."""
    tail = b""
    for chunk in decompressed(path, stream, info):
        if _DTD.search(tail + chunk[:_DTD_SPAN]) or (b"!" in chunk and _DTD.search(chunk)):
            raise refuse(path, "xml-entities", ("part", info.filename))
        tail = chunk[-_DTD_SPAN:]
        yield chunk


def consume(chunks: Iterator[bytes]) -> None:
    for _ in chunks:
        pass


def _shared_strings(path: Path, stream: BinaryIO, info: zipfile.ZipInfo | None) -> list[str]:
    if info is None:
        return []
    parser = SharedStringsParser()
    try:
        for chunk in xml_chunks(path, stream, info):
            parser.feed(chunk)
        parser.feed(b"", final=True)
    except DoctypeFound:
        raise refuse(path, "xml-entities", ("part", info.filename)) from None
    except expat.ExpatError as exc:
        where = (("line", str(exc.lineno)), ("column", str(exc.offset + 1)))
        raise refuse(
            path, "malformed-workbook", ("form", "xml"), ("part", info.filename), *where
        ) from None
    if parser.problem is not None:
        raise refuse(
            path,
            "malformed-workbook",
            ("form", "shared-strings"),
            ("part", info.filename),
            ("detail", parser.problem),
        )
    return parser.strings


def _sheets(path: Path, archive: zipfile.ZipFile) -> list[SheetScan]:
    """Sheet names, states and parts from xl/workbook.xml and its relationships."""
    try:
        workbook = SafeET.fromstring(_small(archive, WORKBOOK))
        rels = (
            SafeET.fromstring(_small(archive, WORKBOOK_RELS))
            if WORKBOOK_RELS in archive.namelist()
            else None
        )
    except Exception as exc:  # defusedxml and ElementTree raise several types; all mean unusable
        raise refuse(path, "damaged-workbook", ("detail", str(exc))) from None
    targets = {
        rel.get("Id", ""): rel.get("Target", "")
        for rel in (rels.iter(f"{_NS_PKG_REL}Relationship") if rels is not None else ())
    }
    sheets = []
    for sheet in workbook.iter(f"{_NS_MAIN}sheet"):
        target = targets.get(sheet.get(f"{_NS_REL}id", ""), "")
        if _unusual_target(target):
            detail = f"the sheet {sheet.get('name', '')!r} is the part {target}"
            raise refuse(path, "malformed-workbook", ("form", "parts"), ("detail", detail))
        part = target.lstrip("/") if target.startswith("/") else str(PurePosixPath("xl") / target)
        sheets.append(SheetScan(sheet.get("name", ""), part, sheet.get("state", "visible")))
    return sheets


def _unusual_target(target: str) -> bool:
    """A relationship target that the two readers resolve differently: calamine reads
    ``xl/worksheets/sheet1.xml`` from the zip's root and keeps ``..`` as it is, openpyxl reads
    it from ``xl/`` and resolves ``..``. Spreadsheets write ``worksheets/sheet1.xml`` or
    ``/xl/worksheets/sheet1.xml``."""
    relative = target.lstrip("/") if target.startswith("/") else target
    pieces = relative.split("/")
    return bool(target) and (
        ".." in pieces
        or "." in pieces
        or "" in pieces
        or (not target.startswith("/") and pieces[0] == "xl")
    )


def _check_parts(path: Path, archive: zipfile.ZipFile, sheets: list[SheetScan]) -> None:
    """Both readers must read the same parts: calamine reads xl/workbook.xml and
    xl/sharedStrings.xml, openpyxl the parts the manifest ([Content_Types].xml) names; and no
    two sheets may share a part or a name (each reader would pick one of them)."""
    for kind, values in (
        ("part", [s.part for s in sheets if s.part]),
        ("name", [s.name for s in sheets]),
    ):
        twice = _first_twice(values)
        if twice is not None:
            detail = f"two sheets have the {kind} {twice!r}"
            raise refuse(path, "malformed-workbook", ("form", "parts"), ("detail", detail))
    try:
        manifest = SafeET.fromstring(_small(archive, CONTENT_TYPES))
    except Exception:  # a damaged manifest: openpyxl refuses the file itself
        return
    for override in manifest.iter(f"{_NS_TYPES}Override"):
        name = override.get("PartName", "")
        kind = override.get("ContentType", "")
        expected = (
            f"/{WORKBOOK}"
            if kind.endswith(".main+xml")
            else f"/{SHARED_STRINGS}"
            if kind.endswith(".sharedStrings+xml")
            else None
        )
        if expected is not None and name != expected:
            detail = f"{CONTENT_TYPES} names {name} instead of {expected}"
            raise refuse(path, "malformed-workbook", ("form", "parts"), ("detail", detail))


def _first_twice(values: list[str]) -> str | None:
    """The first value seen a second time (in one pass: a workbook may have 10 000 sheets)."""
    seen: set[str] = set()
    for value in values:
        if value in seen:
            return value
        seen.add(value)
    return None


def _small(archive: zipfile.ZipFile, name: str) -> bytes:
    info = archive.getinfo(name)
    if info.file_size > 10 * 1024 * 1024:
        raise ZipDamage("too-large", name)
    return archive.read(name)
