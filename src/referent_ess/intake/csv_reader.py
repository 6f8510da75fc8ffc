"""Reading an offers table saved as CSV into raw cell values, nothing interpreted yet.

Bidders' data often arrives as CSV rather than as a workbook: exported by a purchasing platform,
a form or another program, or saved from a spreadsheet. This module turns such a file into the
same :class:`~referent_ess.intake.sheet.RawSheet` as the ``.xlsx`` reader, so the offers
parser reads both alike. Every cell stays text (``"1 234,50"``, ``"20 %"``, ``"22/03/2018"``): the
offers
parser interprets it, exactly as it interprets text typed in a spreadsheet cell.

Nothing is guessed. The file must be UTF-8 (with or without a BOM): another encoding is refused
with the byte where decoding failed, never decoded as cp1252 or Latin-1 on a hunch. The separator
is ``;`` (what French Excel writes, since ``,`` is the decimal mark) or ``,``, decided from the
header line alone; :class:`csv.Sniffer` is not used because it mistakes ``450,50`` for two
fields. A badly quoted field is refused rather than allowed to swallow the lines after it. The row
number of a record is the line where it starts in the file, so that a message names a line a
person can find in a text editor.
"""

import codecs
import csv
import io
from collections.abc import Iterator
from itertools import chain
from pathlib import Path
from typing import BinaryIO

from referent_ess.base.values import Params, is_blank
from referent_ess.intake.file_status import regular_file
from referent_ess.intake.sheet import RawSheet
from referent_ess.problems.errors import ReferentError, os_reason

SEPARATORS = (";", ",")  # in order of preference when both split the header line
MB = 1000 * 1000  # the megabyte of the messages and the README (Mo in French): 10**6 bytes
MAX_CSV_BYTES = 200 * MB  # as much as a workbook may hold once uncompressed: a million offers
_CHUNK = 1 << 16
_SHARED_LENGTH = 16  # texts this short are kept once when they repeat
_SHARED_COUNT = 1 << 16


def read_offers_csv(path: Path) -> RawSheet:
    """Read the offers table of a CSV file: row 1 is the header, each later record one row.

    Empty fields are ``None``, every other field the ``str`` found in the file; fully blank
    records are skipped. An empty file gives an empty header, for the caller to report. A file
    larger than :data:`MAX_CSV_BYTES` is refused before anything is read; the others are read
    line by line, never as one string.
    """
    display = str(path)
    size = regular_file(path, "csv").st_size
    if size > MAX_CSV_BYTES:
        # rounded up, so that a size just over the limit never reads as the limit itself
        params: Params = (
            ("path", display),
            ("size", str(-(-size // MB))),
            ("limit", str(MAX_CSV_BYTES // MB)),
        )
        raise ReferentError("file-too-large", params=params)
    try:
        binary = path.open("rb")
    except OSError as exc:
        params = (("path", display), *os_reason(exc, str(exc.strerror or exc)))
        raise ReferentError("unreadable-file", params=params) from None
    with binary:
        text = io.TextIOWrapper(binary, encoding="utf-8-sig", errors="strict", newline="")
        try:
            return _records(display, _checked(text))
        except _NulByte:
            _drain(text, binary, display)  # a byte that is no UTF-8 is said first, as it was
            raise ReferentError("nul-bytes", params=(("path", display),)) from None
        except UnicodeDecodeError:
            raise _not_utf8(binary, display) from None
        except OSError as exc:
            params = (("path", display), *os_reason(exc, str(exc.strerror or exc)))
            raise ReferentError("unreadable-file", params=params) from None


def _records(display: str, lines: Iterator[str]) -> RawSheet:
    """The header and the non-blank records of ``lines``, each numbered by the line where it
    starts."""
    head = _header_lines(lines)
    if not any(line.strip() for line in head):
        return _sheet(display, (), ())
    separator = _separator("".join(head))
    reader = csv.reader(chain(head, lines), delimiter=separator, strict=True)
    header: tuple[str | None, ...] | None = None
    rows: list[tuple[int, tuple[object, ...]]] = []
    start = 1
    # Lots, oui/non, rates, days and marks repeat from row to row: each short text is kept
    # once, which nearly halves the memory the rows of a large file take.
    shared: dict[str, str] = {}
    try:
        for record in reader:
            values = tuple(
                (shared.setdefault(field, field) if len(field) <= _SHARED_LENGTH else field)
                if field
                else None
                for field in record
            )
            if len(shared) > _SHARED_COUNT:
                shared.clear()  # values that hardly repeat: stop keeping them
            if header is None:
                header = values
            elif not all(is_blank(value) for value in values):
                rows.append((start, values))
            start = reader.line_num + 1
    except csv.Error as exc:
        params = (("path", display), ("line", str(start)), ("detail", str(exc)))
        raise ReferentError("bad-csv-quotes", params=params) from None
    return _sheet(display, header or (), tuple(rows))


def _header_lines(lines: Iterator[str]) -> list[str]:
    """The lines up to the end of the header record (a quoted header may hold a line break),
    or up to the first line that is not blank: what decides the separator."""
    head: list[str] = []
    quotes = 0
    for line in lines:
        head.append(line)
        quotes += line.count('"')
        if line.strip() and quotes % 2 == 0:
            break
    return head


class _NulByte(Exception):
    """A NUL byte in the file: a UTF-16 file, or not text at all."""


def _checked(text: io.TextIOWrapper) -> Iterator[str]:
    for line in text:
        if "\0" in line:
            raise _NulByte
        yield line


def _drain(text: io.TextIOWrapper, binary: BinaryIO, display: str) -> None:
    """Decode the rest of the file, so that a byte that is no UTF-8 anywhere is said first."""
    try:
        while text.read(_CHUNK):
            pass
    except UnicodeDecodeError:
        raise _not_utf8(binary, display) from None


def _not_utf8(binary: BinaryIO, display: str) -> ReferentError:
    """``not-utf8`` with the offset of the first byte that is no UTF-8, counted from the start
    of the file (the BOM, valid UTF-8, included)."""
    binary.seek(0)
    decoder = codecs.getincrementaldecoder("utf-8")()
    offset = 0
    byte = 0
    while True:
        chunk = binary.read(_CHUNK)
        pending = len(decoder.getstate()[0])  # the bytes of a character cut by the last chunk
        try:
            decoder.decode(chunk, final=not chunk)
        except UnicodeDecodeError as exc:
            byte = offset - pending + exc.start
            break
        if not chunk:
            break
        offset += len(chunk)
    return ReferentError(
        "not-utf8", params=(("form", "csv"), ("path", display), ("byte", str(byte)))
    )


def _sheet(
    display: str, header: tuple[object, ...], rows: tuple[tuple[int, tuple[object, ...]], ...]
) -> RawSheet:
    """A sheet with no name: a CSV file has no sheets (and no other sheets to hint at)."""
    return RawSheet(file=display, name="", header=header, rows=rows, other_headers=())


def _separator(text: str) -> str:
    """``;`` or ``,``: the one that splits the header line, counted outside quotes.

    When both split it, the one giving more columns wins, ``;`` on a tie; when neither does, the
    file has a single column and ``;`` keeps decimal commas in later lines whole.
    """
    counts = dict.fromkeys(SEPARATORS, 0)
    quoted = False
    for char in text:
        if char == '"':
            quoted = not quoted  # a doubled quote "" toggles twice: still inside
        elif quoted:
            continue
        elif char in "\r\n":
            break
        elif char in counts:
            counts[char] += 1
    return max(SEPARATORS, key=lambda separator: counts[separator])
