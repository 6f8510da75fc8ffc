"""What the worksheets of a safe workbook hold that openpyxl's read-only mode hides.

Every XML part is streamed once (:func:`~.zip_guard.decompressed`, bounded), so that any part
declaring a DTD (``<!DOCTYPE``/``<!ENTITY``) is refused (OOXML parts never need one, and it is
how entity-expansion and external-entity attacks start), and the worksheets' formulas, error
cells, merged cells and hidden rows and columns are noted on the way, for the loader to report
them with their cells.
"""

import re
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import BinaryIO

import defusedxml.ElementTree as SafeET

from referent_ess.config.columns import column_letter
from referent_ess.intake.zip_guard import (
    check_directory,
    check_kind,
    check_readable,
    decompressed,
    refuse,
)

_DTD = re.compile(rb"<!(?:DOCTYPE|ENTITY)")
_FORMULA = re.compile(rb"<(?:\w+:)?f[\s>/]")
_ERROR_CELL = re.compile(rb'<(?:\w+:)?c\s[^>]*t="e"')
_MERGE = re.compile(rb'<(?:\w+:)?mergeCell\s[^>]*?ref="([A-Z]+[0-9]+(?::[A-Z]+[0-9]+)?)"')
_ROW = re.compile(rb"<(?:\w+:)?row\s([^>]*)>")
_COL = re.compile(rb"<(?:\w+:)?col\s([^>]*?)/?>")
_ATTRIBUTE = re.compile(rb'(\w+)="([^"]*)"')

_NS_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_NS_REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_NS_PKG_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"


@dataclass(frozen=True)
class SheetScan:
    """What the loader needs to know about one worksheet that openpyxl's read-only mode hides."""

    name: str
    part: str  # zip member, e.g. xl/worksheets/sheet1.xml
    state: str  # visible, hidden or veryHidden
    has_formulas: bool = False
    has_error_cells: bool = False
    merged: tuple[str, ...] = ()  # ranges such as "A1:B1"
    hidden_rows: tuple[int, ...] = ()
    hidden_columns: tuple[str, ...] = ()  # column letters


@dataclass(frozen=True)
class XlsxScan:
    sheets: tuple[SheetScan, ...]

    def sheet(self, name: str) -> SheetScan | None:
        return next((s for s in self.sheets if s.name == name), None)

    @property
    def worksheets(self) -> tuple[SheetScan, ...]:
        """The sheets that hold cells (not chartsheets), in the workbook's order."""
        return tuple(s for s in self.sheets if s.part.startswith("xl/worksheets/"))


def scan_xlsx(path: Path) -> XlsxScan:
    """Check that ``path`` is a safe .xlsx/.xlsm workbook and note what its worksheets hold."""
    check_kind(path, check_readable(path))
    try:
        with path.open("rb") as stream, zipfile.ZipFile(stream) as archive:
            infos = archive.infolist()
            check_directory(path, archive, infos)
            notes = {
                info.filename: _scan_member(path, stream, info) for info in infos if _is_xml(info)
            }
            sheets = _sheets(path, archive)  # parsed only once every part is known DTD-free
    except (
        zipfile.BadZipFile,
        zlib.error,
        NotImplementedError,
        UnicodeDecodeError,
        OSError,
    ) as exc:
        # what Python's zipfile raises for a damaged or crafted archive
        raise refuse(path, "damaged-zip", ("detail", str(exc))) from None
    return XlsxScan(
        tuple(_with_notes(sheet, notes.get(sheet.part, _PartNotes())) for sheet in sheets)
    )


def _is_xml(info: zipfile.ZipInfo) -> bool:
    return info.filename.endswith((".xml", ".rels", ".vml"))


@dataclass
class _PartNotes:
    has_formulas: bool = False
    has_error_cells: bool = False
    merged: tuple[str, ...] = ()
    hidden_rows: tuple[int, ...] = ()
    hidden_columns: tuple[str, ...] = ()


def _scan_member(path: Path, stream: BinaryIO, info: zipfile.ZipInfo) -> _PartNotes:
    """Decompress one member in bounded chunks: check its size, refuse a DTD, note the rest."""
    notes = _PartNotes()
    merged: list[str] = []
    hidden_rows: list[int] = []
    hidden_columns: list[str] = []
    carry = b""
    for chunk in decompressed(path, stream, info):
        data = carry + chunk
        cut = data.rfind(b">") + 1
        complete, carry = data[:cut], data[cut:][-(1 << 20) :]
        if _DTD.search(complete) or _DTD.search(carry):
            raise refuse(path, "xml-entities", ("part", info.filename))
        # cheap byte searches first: most chunks have no formula, merge or hidden row at all
        if not notes.has_formulas and (b"<f" in complete or b":f" in complete):
            notes.has_formulas = bool(_FORMULA.search(complete)) or notes.has_formulas
        if not notes.has_error_cells and b't="e"' in complete:
            notes.has_error_cells = bool(_ERROR_CELL.search(complete))
        if b"mergeCell" in complete:
            merged += [m.decode() for m in _MERGE.findall(complete)]
        if b"hidden=" not in complete:
            continue
        for attributes in _ROW.findall(complete):
            found = dict(_ATTRIBUTE.findall(attributes))
            if found.get(b"hidden") in (b"1", b"true") and found.get(b"r", b"").isdigit():
                hidden_rows.append(int(found[b"r"]))
        for attributes in _COL.findall(complete):
            found = dict(_ATTRIBUTE.findall(attributes))
            if found.get(b"hidden") in (b"1", b"true"):
                low, high = int(found.get(b"min", b"0")), int(found.get(b"max", b"0"))
                hidden_columns += [column_letter(i) for i in range(low, min(high, low + 50) + 1)]
    notes.merged, notes.hidden_rows, notes.hidden_columns = (
        tuple(merged),
        tuple(hidden_rows),
        tuple(hidden_columns),
    )
    return notes


def _sheets(path: Path, archive: zipfile.ZipFile) -> list[SheetScan]:
    """Sheet names, states and parts from xl/workbook.xml and its relationships."""
    try:
        workbook = SafeET.fromstring(_small(archive, "xl/workbook.xml"))
        rels_name = "xl/_rels/workbook.xml.rels"
        rels = (
            SafeET.fromstring(_small(archive, rels_name))
            if rels_name in archive.namelist()
            else None
        )
    except Exception as exc:  # defusedxml and ElementTree raise several types; all mean unusable
        raise refuse(path, "damaged-workbook", ("detail", str(exc))) from None
    targets: dict[str, str] = {}
    for rel in rels.iter(f"{_NS_PKG_REL}Relationship") if rels is not None else ():
        target = rel.get("Target", "")
        part = target.lstrip("/") if target.startswith("/") else str(PurePosixPath("xl") / target)
        targets[rel.get("Id", "")] = _normal(part)
    sheets = []
    for sheet in workbook.iter(f"{_NS_MAIN}sheet"):
        part = targets.get(sheet.get(f"{_NS_REL}id", ""), "")
        sheets.append(SheetScan(sheet.get("name", ""), part, sheet.get("state", "visible")))
    return sheets


def _small(archive: zipfile.ZipFile, name: str) -> bytes:
    info = archive.getinfo(name)
    if info.file_size > 10 * 1024 * 1024:
        raise zipfile.BadZipFile(f"{name} is implausibly large")
    return archive.read(name)


def _normal(part: str) -> str:
    """Resolve ``..`` in a part name: xl/worksheets/../foo.xml → xl/foo.xml."""
    pieces: list[str] = []
    for piece in part.split("/"):
        if piece == "..":
            if pieces:
                pieces.pop()
        elif piece not in ("", "."):
            pieces.append(piece)
    return "/".join(pieces)


def _with_notes(sheet: SheetScan, notes: _PartNotes) -> SheetScan:
    return SheetScan(
        sheet.name,
        sheet.part,
        sheet.state,
        notes.has_formulas,
        notes.has_error_cells,
        notes.merged,
        notes.hidden_rows,
        notes.hidden_columns,
    )
