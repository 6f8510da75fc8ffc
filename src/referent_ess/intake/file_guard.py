"""What an offers file really is, checked before any parser touches it.

Workbooks come from outside: an old ``.xls``, a password-protected or LibreOffice ``.ods`` file, a
CSV renamed ``.xlsx``, a truncated download, a zip bomb or an XML entity attack must each get one
clear line naming the file and saying what to do, never a traceback from deep inside a parser.

The check reads the zip's central directory (sizes as declared), then streams every XML part once,
decompressing it itself in bounded chunks, so that:

- nothing larger than :data:`MAX_UNCOMPRESSED` is ever decompressed, and a member whose real size
  differs from its declared size (a crafted zip) is refused;
- any XML part declaring a DTD (``<!DOCTYPE``/``<!ENTITY``) is refused: OOXML parts never need
  one, and it is how entity-expansion and external-entity attacks start;
- the worksheets' formulas, merged cells and hidden rows and columns are noted on the way, so
  that the loader can report them with their cells.
"""

import re
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import BinaryIO

import defusedxml.ElementTree as SafeET

from referent_ess.config.columns import column_letter
from referent_ess.problems.errors import ReferentError, os_reason

MB = 1000 * 1000  # the megabyte of the messages and the README (Mo in French): 10**6 bytes
MAX_UNCOMPRESSED = 200 * MB  # 200 MB of XML is about a million offer rows
MAX_MEMBERS = 10_000  # an offers workbook has a few dozen parts
OLE2_MAGIC = bytes.fromhex("D0CF11E0A1B11AE1")
ZIP_MAGIC = (b"PK\x03\x04", b"PK\x05\x06")
_CHUNK = 1 << 16

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


def refuse(path: Path, code: str, *params: tuple[str, str]) -> ReferentError:
    """The error that refuses the file at ``path``: its code and the figures of its message."""
    return ReferentError(code, params=(("path", str(path)), *params))


def check_readable(path: Path) -> bytes:
    """The file's first bytes; refuse a missing, unreadable, folder or empty file."""
    if not path.exists():
        raise refuse(path, "file-not-found", ("form", "offers"))
    if path.is_dir():
        raise refuse(path, "is-a-folder", ("form", "offers"))
    try:
        with path.open("rb") as stream:
            head = stream.read(8)
    except OSError as exc:
        raise refuse(path, "unreadable-file", *os_reason(exc)) from None
    if not head:
        raise refuse(path, "empty-file")
    return head


def scan_xlsx(path: Path) -> XlsxScan:
    """Check that ``path`` is a safe .xlsx/.xlsm workbook and note what its worksheets hold."""
    head = check_readable(path)
    if head.startswith(OLE2_MAGIC):
        raise _ole2(path)
    if not head.startswith(ZIP_MAGIC):
        raise _not_a_zip(path, head)
    try:
        with path.open("rb") as stream, zipfile.ZipFile(stream) as archive:
            infos = archive.infolist()
            _check_directory(path, archive, infos)
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


def _ole2(path: Path) -> ReferentError:
    with path.open("rb") as stream:
        start = stream.read(1 << 20)
    if "EncryptionInfo".encode("utf-16-le") in start:
        return refuse(path, "encrypted-workbook", ("form", "ole2"))
    return refuse(path, "legacy-xls")


def _not_a_zip(path: Path, head: bytes) -> ReferentError:
    with path.open("rb") as stream:
        start = stream.read(4096)
    try:
        text = start.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = None
    if text is not None and text.lstrip().startswith("<"):
        return refuse(path, "html-file")
    if text is not None and ("\n" in text or len(start) < 4096) and (";" in text or "," in text):
        return refuse(path, "csv-renamed")
    return refuse(path, "not-a-workbook", ("form", "bytes"), ("start", head[:8].hex(" ")))


def _check_directory(path: Path, archive: zipfile.ZipFile, infos: list[zipfile.ZipInfo]) -> None:
    if len(infos) > MAX_MEMBERS:
        raise refuse(
            path, "too-many-members", ("count", str(len(infos))), ("limit", str(MAX_MEMBERS))
        )
    names = [info.filename for info in infos]
    repeated = (
        sorted({name for name in names if names.count(name) > 1})
        if len(set(names)) < len(names)
        else []
    )
    if repeated:
        raise refuse(path, "duplicate-zip-member", ("member", repr(repeated[0])))
    declared = sum(info.file_size for info in infos)
    if declared > MAX_UNCOMPRESSED:
        # rounded up, so that a size just over the limit never reads as the limit itself
        size, limit = str(-(-declared // MB)), str(MAX_UNCOMPRESSED // MB)
        raise refuse(path, "zip-bomb", ("size", size), ("limit", limit))
    if "mimetype" in names and b"opendocument" in archive.read("mimetype")[:200]:
        raise refuse(path, "ods-file")
    if "[Content_Types].xml" not in names:
        raise refuse(path, "not-a-workbook", ("form", "zip"))
    if "xl/workbook.xml" not in names:
        kind = next(
            (
                kind
                for folder, kind in (("word/", "word"), ("ppt/", "powerpoint"))
                if any(n.startswith(folder) for n in names)
            ),
            "other",
        )
        raise refuse(path, "not-a-workbook", ("form", "office"), ("kind_part", f"office.{kind}"))
    if any(info.flag_bits & 0x1 for info in infos):
        raise refuse(path, "encrypted-workbook", ("form", "zip"))


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
    for chunk in _decompressed(path, stream, info):
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


def _decompressed(path: Path, stream: BinaryIO, info: zipfile.ZipInfo) -> Iterator[bytes]:
    """The member's bytes, never more than it declared, with its size and CRC checked."""
    stream.seek(info.header_offset)
    local = stream.read(30)
    if local[:4] != b"PK\x03\x04":
        raise zipfile.BadZipFile(f"bad local header for {info.filename}")
    skip = int.from_bytes(local[26:28], "little") + int.from_bytes(local[28:30], "little")
    stream.seek(info.header_offset + 30 + skip)
    if info.compress_type == zipfile.ZIP_DEFLATED:
        inflate = zlib.decompressobj(-zlib.MAX_WBITS)
    elif info.compress_type != zipfile.ZIP_STORED:
        raise refuse(path, "unusual-compression", ("part", info.filename))
    left = info.compress_size
    produced = 0
    crc = 0
    while left > 0 or (info.compress_type == zipfile.ZIP_DEFLATED and inflate.unconsumed_tail):
        raw = b""
        if info.compress_type == zipfile.ZIP_DEFLATED and inflate.unconsumed_tail:
            pending = inflate.unconsumed_tail
        else:
            raw = stream.read(min(_CHUNK, left))
            if not raw:
                raise zipfile.BadZipFile(f"{info.filename} is cut short")
            left -= len(raw)
            pending = raw
        out = (
            inflate.decompress(pending, _CHUNK)
            if info.compress_type == zipfile.ZIP_DEFLATED
            else pending
        )
        produced += len(out)
        if produced > info.file_size:
            raise _size_mismatch(path, info)
        crc = zlib.crc32(out, crc)
        if out:
            yield out
    if produced != info.file_size:
        raise _size_mismatch(path, info)
    if crc != info.CRC:
        raise zipfile.BadZipFile(f"bad CRC-32 for {info.filename}")


def _size_mismatch(path: Path, info: zipfile.ZipInfo) -> ReferentError:
    return refuse(path, "zip-size-mismatch", ("part", info.filename), ("size", str(info.file_size)))


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
