"""What an offers file really is, checked before any parser touches it.

Workbooks come from outside: an old ``.xls``, a password-protected or LibreOffice ``.ods`` file, a
CSV renamed ``.xlsx``, a truncated download, a zip bomb or an XML entity attack must each get one
clear line naming the file and saying what to do, never a traceback from deep inside a parser.

The zip's central directory is read first (sizes as declared); then :func:`decompressed` gives a
member's bytes in bounded chunks, so that nothing larger than :data:`MAX_UNCOMPRESSED` is ever
decompressed, and a member whose real size differs from its declared size (a crafted zip) is
refused. What the worksheets hold is :mod:`.xlsx_scan`'s business.
"""

import re
import zipfile
import zlib
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import BinaryIO, TypeVar

from referent_ess.problems.errors import ReferentError, os_reason

MB = 1000 * 1000  # the megabyte of the messages and the README (Mo in French): 10**6 bytes
MAX_UNCOMPRESSED = 200 * MB  # 200 MB of XML is about a million offer rows
MAX_MEMBERS = 10_000  # an offers workbook has a few dozen parts
OLE2_MAGIC = bytes.fromhex("D0CF11E0A1B11AE1")
ZIP_MAGIC = (b"PK\x03\x04", b"PK\x05\x06")
_CHUNK = 1 << 16
ScanT = TypeVar("ScanT")


def scan_zip(path: Path, scan: Callable[[Path, BinaryIO, zipfile.ZipFile], ScanT]) -> ScanT:
    """``scan`` of the zip at ``path`` (an .xlsx or .ods), with what Python's zipfile raises for
    a damaged or crafted archive turned into one ``damaged-zip`` line."""
    try:
        with path.open("rb") as stream, zipfile.ZipFile(stream) as archive:
            return scan(path, stream, archive)
    except (
        zipfile.BadZipFile,
        zlib.error,
        NotImplementedError,
        UnicodeDecodeError,
        OSError,
    ) as exc:
        reason, part = damage_of(exc)
        raise refuse(
            path, "damaged-zip", ("reason_part", f"zip.{reason}"), ("part", part)
        ) from None


class ZipDamage(zipfile.BadZipFile):
    """What the guarded reading found wrong with a member: ``reason`` (a ``part:zip.*`` key of
    the catalogues) and the member's name."""

    def __init__(self, reason: str, part: str) -> None:
        super().__init__(f"{reason}: {part}")
        self.reason = reason
        self.part = part


_QUOTED = re.compile(r"'([^']*)'")


def damage_of(exc: BaseException) -> tuple[str, str]:
    """The reason a zip could not be read, as a coded reason and the member it concerns (empty
    when none): Python's own English wording is never shown."""
    if isinstance(exc, ZipDamage):
        return exc.reason, exc.part
    text = str(exc).lower()
    if isinstance(exc, zipfile.BadZipFile):
        named = _QUOTED.search(str(exc))
        if "crc" in text and named is not None:  # zipfile: "Bad CRC-32 for file 'x'"
            return "crc", named.group(1)
        if "not a zip file" in text:
            return "not-zip", ""
        return "structure", ""  # truncated directory, bad magic number, overlapping entries…
    if isinstance(exc, zlib.error):
        return "inflate", ""
    if isinstance(exc, NotImplementedError):
        return "compression", ""
    if isinstance(exc, UnicodeDecodeError):
        return "names", ""
    return "unreadable", ""  # an OSError while reading


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


def check_kind(path: Path, head: bytes) -> None:
    """Refuse a file whose first bytes are not a zip's: an old or encrypted Excel file, HTML,
    CSV, or anything else."""
    if head.startswith(OLE2_MAGIC):
        raise ole2_refusal(path)
    if not head.startswith(ZIP_MAGIC):
        raise _not_a_zip(path, head)


def ole2_refusal(path: Path) -> ReferentError:
    """What an OLE2 file that is not an Excel 97-2003 workbook is: a password-protected .xlsx
    (its encrypted package is an OLE2 file), or another Office 97 document."""
    with path.open("rb") as stream:
        start = stream.read(1 << 20)
    if "EncryptionInfo".encode("utf-16-le") in start:
        return refuse(path, "encrypted-workbook", ("form", "ole2"))
    return refuse(path, "not-a-workbook", ("form", "office"), ("kind_part", "office.other"))


def opendocument_type(path: Path) -> bytes | None:
    """The media type an OpenDocument file declares, or None: its first zip member is
    ``mimetype``, stored uncompressed (the ODF package rule), so its bytes follow the local
    header at the start of the file."""
    with path.open("rb") as stream:
        local = stream.read(30 + 8 + 100)
    if len(local) < 38 or local[:4] != b"PK\x03\x04" or local[30:38] != b"mimetype":
        return None
    method = int.from_bytes(local[8:10], "little")
    name_length = int.from_bytes(local[26:28], "little")
    extra_length = int.from_bytes(local[28:30], "little")
    size = int.from_bytes(local[18:22], "little")
    if method != zipfile.ZIP_STORED or name_length != 8 or extra_length or size > 100:
        return None
    return local[38 : 38 + size]


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


def check_members(path: Path, infos: list[zipfile.ZipInfo]) -> None:
    """What any zip's directory declares: not too many members, none twice, not too large once
    inflated, none encrypted."""
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
    if any(info.flag_bits & 0x1 for info in infos):
        raise refuse(path, "encrypted-workbook", ("form", "zip"))


def check_directory(path: Path, archive: zipfile.ZipFile, infos: list[zipfile.ZipInfo]) -> None:
    """What the zip's directory declares (:func:`check_members`), and a workbook (not another
    OpenDocument file, a Word document or a password-protected file)."""
    check_members(path, infos)
    names = [info.filename for info in infos]
    if "mimetype" in names and b"opendocument" in archive.read("mimetype")[:200]:
        raise refuse(path, "not-a-workbook", ("form", "office"), ("kind_part", "office.odf"))
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


def decompressed(path: Path, stream: BinaryIO, info: zipfile.ZipInfo) -> Iterator[bytes]:
    """The member's bytes, never more than it declared, with its size and CRC checked."""
    stream.seek(info.header_offset)
    local = stream.read(30)
    if local[:4] != b"PK\x03\x04":
        raise ZipDamage("header", info.filename)
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
                raise ZipDamage("cut-short", info.filename)
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
        raise ZipDamage("crc", info.filename)


def _size_mismatch(path: Path, info: zipfile.ZipInfo) -> ReferentError:
    return refuse(path, "zip-size-mismatch", ("part", info.filename), ("size", str(info.file_size)))
