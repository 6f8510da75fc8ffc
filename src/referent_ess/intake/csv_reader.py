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
from pathlib import Path

from referent_ess.base.values import is_blank
from referent_ess.intake.sheet import RawSheet
from referent_ess.problems.errors import ReferentError, os_reason

SEPARATORS = (";", ",")  # in order of preference when both split the header line


def read_offers_csv(path: Path) -> RawSheet:
    """Read the offers table of a CSV file: row 1 is the header, each later record one row.

    Empty fields are ``None``, every other field the ``str`` found in the file; fully blank
    records are skipped. An empty file gives an empty header, for the caller to report.
    """
    display = str(path)
    text = _read_text(path, display)
    if not text.strip():
        return _sheet(display, (), ())
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_separator(text), strict=True)
    records: list[tuple[int, tuple[str | None, ...]]] = []
    start = 1
    try:
        for record in reader:
            records.append((start, tuple(field if field else None for field in record)))
            start = reader.line_num + 1
    except csv.Error as exc:
        params = (("path", display), ("line", str(start)), ("detail", str(exc)))
        raise ReferentError("bad-csv-quotes", params=params) from None
    if not records:  # pragma: no cover - a text that is not blank holds at least one record
        return _sheet(display, (), ())
    rows = tuple(
        (number, values)
        for number, values in records[1:]
        if not all(is_blank(value) for value in values)
    )
    return _sheet(display, records[0][1], rows)


def _sheet(
    display: str, header: tuple[object, ...], rows: tuple[tuple[int, tuple[object, ...]], ...]
) -> RawSheet:
    """A sheet with no name: a CSV file has no sheets (and no other sheets to hint at)."""
    return RawSheet(file=display, name="", header=header, rows=rows, other_headers=())


def _read_text(path: Path, display: str) -> str:
    """The decoded content of the file, or a :class:`ReferentError` saying why it is unusable."""
    if not path.exists():
        raise ReferentError("file-not-found", params=(("path", display), ("form", "offers")))
    if path.is_dir():
        raise ReferentError("is-a-folder", params=(("path", display), ("form", "csv")))
    if not path.is_file():
        raise ReferentError("unreadable-file", params=(("form", "not-regular"), ("path", display)))
    try:
        data = path.read_bytes()
    except OSError as exc:
        params = (("path", display), *os_reason(exc, str(exc.strerror or exc)))
        raise ReferentError("unreadable-file", params=params) from None
    bom = len(codecs.BOM_UTF8) if data.startswith(codecs.BOM_UTF8) else 0
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        # utf-8-sig counts from after the BOM; the message counts from the start of the file.
        params = (("form", "csv"), ("path", display), ("byte", str(exc.start + bom)))
        raise ReferentError("not-utf8", params=params) from None
    if "\0" in text:
        raise ReferentError("nul-bytes", params=(("path", display),))
    return text


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
