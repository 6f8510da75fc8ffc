"""Offers files that are not what they claim to be: one ``error: <file>: … [code]`` line, exit 2.

Every bad file is built byte by byte in ``tmp_path`` (zip archives with :mod:`zipfile`, the
header fields of a crafted zip patched with :mod:`struct`), then given to ``referent score``.
The expected code of each case is written by hand. The last two tests are properties: any bytes
at all, and a real workbook with a few bytes flipped or cut off, give exit 0, 1 or 2 and never a
traceback.

The small consultation of ``conftest.py`` is used throughout: lot 1 (cap 10000 HT), quality 60
points on a 0-5 scale, price 40 points proportional on the HT price. For the accepted files below,
Alpha offers 300 x 10 = 3000.00 HT marked 4 and Beta 400 x 10 = 4000.00 HT marked 5, so
Beta = 60 + 40 x 3000 / 4000 = 90.00 ranks first and Alpha = 48 + 40 = 88.00 second.
"""

import errno
import io
import os
import re
import struct
import subprocess
import sys
import zipfile
import zlib
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner, Result

from helpers import (
    BILLION_LAUGHS,
    OLE2,
    SHEET,
    declared_sizes,
    directory,
    with_dtd,
    zip_bytes,
)
from helpers import VALID_ROWS as ROWS
from referent_ess.cli import app

ConfigMaker = Callable[..., tuple[Path, Path]]
WorkbookMaker = Callable[..., Path]

MB = 1024 * 1024

EXTERNAL_ENTITY = b'<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>\n'


# ---- helpers ---------------------------------------------------------------------------------


@pytest.fixture
def config(make_config: ConfigMaker) -> list[str]:
    lots, criteria = make_config()
    return ["--lots", str(lots), "--criteria", str(criteria)]


@pytest.fixture
def workbook(make_workbook: WorkbookMaker) -> Path:
    """A valid offers workbook (Alpha and Beta on lot 1), the base of the crafted ones."""
    return make_workbook(ROWS)


def score(runner: CliRunner, path: Path, config: list[str]) -> Result:
    return runner.invoke(app, ["score", str(path), *config])


def assert_refused(result: Result, path: Path, code: str) -> str:
    """Exit 2, nothing on stdout, exactly one ``error: <path>: … [code]`` line; returns it."""
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(
        result.exception
    )
    assert (result.exit_code, result.stdout) == (2, ""), result.output
    assert "Traceback" not in result.stderr
    lines = result.stderr.splitlines()
    assert len(lines) == 1, lines
    (line,) = lines
    assert result.stderr == line + "\n"
    assert line.startswith(f"error: {path}: "), line
    assert line.endswith(f" [{code}]"), line
    return line


def assert_ranked(result: Result) -> None:
    """Exit 0 and lot 1 ranked: Beta 90.00 first, Alpha 88.00 second."""
    assert result.exception is None, repr(result.exception)
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    beta = next(i for i, line in enumerate(lines) if "Beta" in line)
    alpha = next(i for i, line in enumerate(lines) if "Alpha" in line)
    assert lines[beta].split()[-1] == "90.00", lines[beta]
    assert lines[alpha].split()[-1] == "88.00", lines[alpha]
    assert beta < alpha


def write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def rewritten(source: Path, target: Path, replace: Mapping[str, bytes]) -> Path:
    """``source`` copied member by member to ``target``, some members' content replaced."""
    with zipfile.ZipFile(source) as old:
        members = {info.filename: old.read(info) for info in old.infolist()}
    assert set(replace) <= set(members)
    return write(target, zip_bytes({**members, **replace}))


# ---- the file itself: missing, a folder, empty, unreadable -----------------------------------


@pytest.mark.parametrize("name", ["offers.xlsx", "offers.csv"])
def test_missing_file(runner: CliRunner, config: list[str], tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    assert_refused(score(runner, path, config), path, "file-not-found")


@pytest.mark.parametrize("name", ["offers", "offers.xlsx", "offers.csv"])
def test_folder(runner: CliRunner, config: list[str], tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.mkdir()
    assert_refused(score(runner, path, config), path, "is-a-folder")


@pytest.mark.parametrize("name", ["offers.xlsx", "offers.csv"])
def test_empty_file(runner: CliRunner, config: list[str], tmp_path: Path, name: str) -> None:
    path = write(tmp_path / name, b"")
    assert_refused(score(runner, path, config), path, "empty-file")


@pytest.mark.parametrize("name", ["offers.xlsx", "offers.csv"])
def test_unreadable_file(
    runner: CliRunner,
    config: list[str],
    make_workbook: WorkbookMaker,
    deny_reading: Callable[[Path], None],
    name: str,
) -> None:
    path = make_workbook(ROWS, name=name)
    deny_reading(path)
    line = assert_refused(score(runner, path, config), path, "unreadable-file")
    assert os.strerror(errno.EACCES) in line


# ---- not a zip: truncated, noise, old Excel, text ---------------------------------------------


def test_truncated_workbook(
    runner: CliRunner, config: list[str], workbook: Path, tmp_path: Path
) -> None:
    data = workbook.read_bytes()
    path = write(tmp_path / "cut.xlsx", data[: len(data) // 2])
    line = assert_refused(score(runner, path, config), path, "damaged-zip")
    assert "(it is no valid zip archive)" in line  # its directory is gone: words, no Python


def test_noise(runner: CliRunner, config: list[str], tmp_path: Path) -> None:
    path = write(tmp_path / "offers.xlsx", bytes(range(256)) * 10)
    line = assert_refused(score(runner, path, config), path, "not-a-workbook")
    assert "00 01 02 03 04 05 06 07" in line  # the first bytes, to recognise the file


def test_an_ole2_file_that_is_no_compound_file_is_a_damaged_xls(
    runner: CliRunner, config: list[str], tmp_path: Path
) -> None:
    # the OLE2 signature, then zeros: no sector size, so no workbook can be found in it
    path = write(tmp_path / "offers.xls", OLE2 + bytes(4088))
    line = assert_refused(score(runner, path, config), path, "damaged-xls")
    assert "(.xls)" in line


def test_password_protected_workbook(runner: CliRunner, config: list[str], tmp_path: Path) -> None:
    # An encrypted .xlsx is an OLE2 container holding an EncryptionInfo stream.
    data = bytearray(OLE2 + bytes(4088))
    marker = "EncryptionInfo".encode("utf-16-le")
    data[600 : 600 + len(marker)] = marker
    path = write(tmp_path / "offers.xlsx", bytes(data))
    assert_refused(score(runner, path, config), path, "encrypted-workbook")


def test_csv_renamed_xlsx(runner: CliRunner, config: list[str], tmp_path: Path) -> None:
    path = write(tmp_path / "offers.xlsx", b"candidate;lot\nA;1\n")
    line = assert_refused(score(runner, path, config), path, "csv-renamed")
    assert ".csv" in line


def test_html_saved_as_xlsx(runner: CliRunner, config: list[str], tmp_path: Path) -> None:
    html = (
        b"<!DOCTYPE html>\n<html><body><table>\n"
        b"<tr><td>candidate</td><td>lot</td></tr>\n<tr><td>A</td><td>1</td></tr>\n"
        b"</table></body></html>\n"
    )
    path = write(tmp_path / "offers.xlsx", html)
    assert_refused(score(runner, path, config), path, "html-file")


# ---- zips that are not workbooks -------------------------------------------------------------


def test_an_ods_file_without_sheets(runner: CliRunner, config: list[str], tmp_path: Path) -> None:
    data = zip_bytes(
        {
            "mimetype": b"application/vnd.oasis.opendocument.spreadsheet",
            "content.xml": b'<?xml version="1.0" encoding="UTF-8"?><office:document-content '
            b'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"/>',
            "META-INF/manifest.xml": b'<?xml version="1.0" encoding="UTF-8"?><manifest/>',
        },
        stored=("mimetype",),
    )
    path = write(tmp_path / "offers.ods", data)
    assert_refused(score(runner, path, config), path, "no-worksheet")


def test_zip_without_content_types(runner: CliRunner, config: list[str], tmp_path: Path) -> None:
    path = write(tmp_path / "offers.xlsx", zip_bytes({"hello.txt": b"hello\n"}))
    line = assert_refused(score(runner, path, config), path, "not-a-workbook")
    assert "[Content_Types].xml" in line


def test_word_document(runner: CliRunner, config: list[str], tmp_path: Path) -> None:
    data = zip_bytes(
        {
            "[Content_Types].xml": b'<Types xmlns="http://schemas.openxmlformats.org/'
            b'package/2006/content-types"/>',
            "word/document.xml": b"<w:document/>",
        }
    )
    path = write(tmp_path / "offers.xlsx", data)
    line = assert_refused(score(runner, path, config), path, "not-a-workbook")
    assert "Word document" in line


# ---- crafted zips: duplicate members, bombs, too many members, lying sizes --------------------


def test_duplicate_zip_member(runner: CliRunner, config: list[str], workbook: Path) -> None:
    with zipfile.ZipFile(workbook) as archive:
        second = archive.read("xl/workbook.xml")
    with (
        pytest.warns(UserWarning, match="Duplicate name"),
        zipfile.ZipFile(workbook, "a") as archive,
    ):
        archive.writestr("xl/workbook.xml", second)
    line = assert_refused(score(runner, workbook, config), workbook, "duplicate-zip-member")
    assert "'xl/workbook.xml'" in line


@pytest.mark.parametrize(
    "sizes",
    [
        {SHEET: 300 * MB},  # one member declares 300 MB
        {SHEET: 150 * MB, "xl/styles.xml": 150 * MB},  # 150 MB each: 300 MB in all
    ],
    ids=["one-member", "two-members"],
)
def test_zip_bomb_is_refused_before_decompressing(
    runner: CliRunner,
    config: list[str],
    workbook: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    sizes: dict[str, int],
) -> None:
    path = write(tmp_path / "bomb.xlsx", declared_sizes(workbook.read_bytes(), sizes))

    def no_inflating(*_args: object) -> None:
        raise AssertionError("a zip bomb was decompressed")

    monkeypatch.setattr(zlib, "decompressobj", no_inflating)
    monkeypatch.setattr(zlib, "decompress", no_inflating)
    assert_refused(score(runner, path, config), path, "zip-bomb")


def test_the_zip_bomb_limit_is_200_mb_as_the_message_and_the_readme_say(
    runner: CliRunner, config: list[str], workbook: Path, tmp_path: Path
) -> None:
    """200 MB is 200 000 000 bytes: one byte more is refused, worded as 201 MB, never as the
    limit itself; the limit itself is accepted by this check."""
    from referent_ess.intake.zip_guard import MAX_UNCOMPRESSED

    assert MAX_UNCOMPRESSED == 200_000_000
    others = _declared_total(workbook) - _declared(workbook, SHEET)
    over = {SHEET: MAX_UNCOMPRESSED - others + 1}
    path = write(tmp_path / "over.xlsx", declared_sizes(workbook.read_bytes(), over))
    line = assert_refused(score(runner, path, config), path, "zip-bomb")
    assert "would expand to 201 MB (more than the 200 MB accepted; a zip bomb?)" in line


def _declared(workbook: Path, name: str) -> int:
    with zipfile.ZipFile(workbook) as archive:
        return archive.getinfo(name).file_size


def _declared_total(workbook: Path) -> int:
    with zipfile.ZipFile(workbook) as archive:
        return sum(info.file_size for info in archive.infolist())


def test_too_many_members(runner: CliRunner, config: list[str], workbook: Path) -> None:
    with zipfile.ZipFile(workbook) as archive:
        count = len(archive.infolist())
    with zipfile.ZipFile(workbook, "a", zipfile.ZIP_STORED) as archive:
        for number in range(10_001 - count):
            archive.writestr(f"customXml/item{number}.bin", b"")
    line = assert_refused(score(runner, workbook, config), workbook, "too-many-members")
    assert "10001" in line


def test_ten_thousand_members_are_accepted(
    runner: CliRunner, config: list[str], workbook: Path
) -> None:
    with zipfile.ZipFile(workbook) as archive:
        count = len(archive.infolist())
    with zipfile.ZipFile(workbook, "a", zipfile.ZIP_STORED) as archive:
        for number in range(10_000 - count):
            archive.writestr(f"customXml/item{number}.bin", b"")
    assert_ranked(score(runner, workbook, config))


@pytest.mark.parametrize("change", [-1000, +1], ids=["declared-smaller", "declared-larger"])
def test_member_larger_or_smaller_than_declared(
    runner: CliRunner, config: list[str], workbook: Path, tmp_path: Path, change: int
) -> None:
    with zipfile.ZipFile(workbook) as archive:
        real = archive.getinfo(SHEET).file_size
    assert real > 1000
    path = write(
        tmp_path / "lying.xlsx", declared_sizes(workbook.read_bytes(), {SHEET: real + change})
    )
    line = assert_refused(score(runner, path, config), path, "zip-size-mismatch")
    assert SHEET in line


def test_a_lying_size_stops_decompression_at_once(
    runner: CliRunner,
    config: list[str],
    workbook: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """20 MB of XML declared as 1000 bytes: refused after one 64 KiB chunk, not 20 MB later."""
    part = "customXml/item1.xml"
    with zipfile.ZipFile(workbook, "a", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(part, b"<x>" + b" " * (20 * MB) + b"</x>")
    path = write(tmp_path / "lying.xlsx", declared_sizes(workbook.read_bytes(), {part: 1000}))
    produced: list[int] = []
    real_decompressobj = zlib.decompressobj

    class Counting:
        def __init__(self, *args: Any) -> None:
            self._inflate = real_decompressobj(*args)

        def decompress(self, data: bytes, max_length: int = 0) -> bytes:
            out = self._inflate.decompress(data, max_length)
            produced.append(len(out))
            return out

        def __getattr__(self, name: str) -> Any:
            return getattr(self._inflate, name)

    monkeypatch.setattr(zlib, "decompressobj", Counting)
    line = assert_refused(score(runner, path, config), path, "zip-size-mismatch")
    assert part in line
    assert 0 < sum(produced) < MB  # the real parts (~16 kB) and one chunk, never the 20 MB


def test_a_wrong_crc_is_a_damaged_zip(
    runner: CliRunner, config: list[str], workbook: Path, tmp_path: Path
) -> None:
    data = bytearray(workbook.read_bytes())
    for raw_name, record, local in directory(bytes(data)):
        if raw_name == SHEET.encode():
            (crc,) = struct.unpack_from("<I", data, record + 16)
            struct.pack_into("<I", data, record + 16, crc ^ 1)  # central directory
            struct.pack_into("<I", data, local + 14, crc ^ 1)  # local file header
    path = write(tmp_path / "crc.xlsx", bytes(data))
    line = assert_refused(score(runner, path, config), path, "damaged-zip")
    assert f"(part {SHEET} does not match its checksum)" in line


# ---- XML entity attacks ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("part", "dtd"),
    [(SHEET, BILLION_LAUGHS), (SHEET, EXTERNAL_ENTITY), ("xl/workbook.xml", EXTERNAL_ENTITY)],
    ids=["billion-laughs-in-sheet", "external-entity-in-sheet", "dtd-in-workbook-part"],
)
def test_xml_entities(
    runner: CliRunner, config: list[str], workbook: Path, tmp_path: Path, part: str, dtd: bytes
) -> None:
    with zipfile.ZipFile(workbook) as archive:
        xml = archive.read(part)
    path = rewritten(workbook, tmp_path / "attack.xlsx", {part: with_dtd(xml, dtd)})
    line = assert_refused(score(runner, path, config), path, "xml-entities")
    assert part in line


def test_rewritten_workbook_without_dtd_is_accepted(
    runner: CliRunner, config: list[str], workbook: Path, tmp_path: Path
) -> None:
    """The control of the test above: the same rewrite, with a declaration and no DTD."""
    with zipfile.ZipFile(workbook) as archive:
        xml = archive.read(SHEET)
    path = rewritten(workbook, tmp_path / "plain.xlsx", {SHEET: with_dtd(xml, b"")})
    assert_ranked(score(runner, path, config))


# ---- accepted files --------------------------------------------------------------------------


def test_xlsm_is_accepted(
    runner: CliRunner, config: list[str], make_workbook: WorkbookMaker
) -> None:
    path = make_workbook(ROWS, name="offers.xlsm")
    with zipfile.ZipFile(path) as archive:
        assert b"spreadsheetml.sheet.main+xml" in archive.read("[Content_Types].xml")
    assert_ranked(score(runner, path, config))


CSV_HEADER = b"candidate;lot;day_rate_ht;days;vat_rate;cv;quality\n"  # 51 bytes


def test_csv_offers_end_to_end(runner: CliRunner, config: list[str], tmp_path: Path) -> None:
    path = write(
        tmp_path / "offers.csv",
        CSV_HEADER + b"Alpha;1;300;10;20 %;oui;4\nBeta;1;400;10;20 %;oui;5\n",
    )
    assert_ranked(score(runner, path, config))


def test_cp1252_csv(runner: CliRunner, config: list[str], tmp_path: Path) -> None:
    rows = "Équipe Alpha;1;300;10;20 %;oui;4\n".encode("cp1252")
    path = write(tmp_path / "offers.csv", CSV_HEADER + rows)
    line = assert_refused(score(runner, path, config), path, "not-utf8")
    assert "(byte 51)" in line  # the É right after the 51-byte header line


# ---- damaged files that once escaped as tracebacks or several lines -------------------------
#
# Each was found by the damaged-workbook property below or by mutating a workbook's XML parts.


def raw_deflate_garbage(data: bytes, member: str) -> bytes:
    """``data`` with the compressed bytes of ``member`` replaced by 0xFF bytes: a deflate block
    of the reserved type 3, which zlib refuses ("invalid block type"). Sizes and CRC kept."""
    out = bytearray(data)
    for raw_name, _, local in directory(data):
        if raw_name == member.encode():
            (size,) = struct.unpack_from("<I", data, local + 18)
            name_length, extra_length = struct.unpack_from("<HH", data, local + 26)
            start = local + 30 + name_length + extra_length
            out[start : start + size] = b"\xff" * size
            return bytes(out)
    raise AssertionError(member)


def needs_version(data: bytes, member: str, version: int) -> bytes:
    """``data`` with the 'version needed to extract' of ``member`` (central directory) set."""
    out = bytearray(data)
    (record,) = [record for name, record, _ in directory(data) if name == member.encode()]
    struct.pack_into("<H", out, record + 6, version)
    return bytes(out)


def utf8_flag_on_a_latin_name(data: bytes, member: str) -> bytes:
    """``data`` whose ``member``, named in ASCII, gets a 0xFF byte in its central directory name
    and the 'name is UTF-8' flag (bit 11): a name that cannot be decoded."""
    out = bytearray(data)
    (record,) = [record for name, record, _ in directory(data) if name == member.encode()]
    out[record + 46] = 0xFF
    (flags,) = struct.unpack_from("<H", data, record + 8)
    struct.pack_into("<H", out, record + 8, flags | 0x800)
    return bytes(out)


def test_a_corrupt_deflate_stream_is_a_damaged_zip(
    runner: CliRunner, config: list[str], workbook: Path, tmp_path: Path
) -> None:
    path = write(tmp_path / "corrupt.xlsx", raw_deflate_garbage(workbook.read_bytes(), SHEET))
    line = assert_refused(score(runner, path, config), path, "damaged-zip")
    assert "(compressed data is corrupt)" in line


def test_an_impossible_zip_version_is_a_damaged_zip(
    runner: CliRunner, config: list[str], workbook: Path, tmp_path: Path
) -> None:
    path = write(tmp_path / "version.xlsx", needs_version(workbook.read_bytes(), SHEET, 99))
    line = assert_refused(score(runner, path, config), path, "damaged-zip")
    assert "(a part uses a compression method that cannot be read)" in line


def test_an_undecodable_member_name_is_a_damaged_zip(
    runner: CliRunner, config: list[str], workbook: Path, tmp_path: Path
) -> None:
    with zipfile.ZipFile(workbook, "a") as archive:
        archive.writestr("customXml/item1.bin", b"x")
    data = utf8_flag_on_a_latin_name(workbook.read_bytes(), "customXml/item1.bin")
    path = write(tmp_path / "names.xlsx", data)
    line = assert_refused(score(runner, path, config), path, "damaged-zip")
    assert "(a part's name is unreadable)" in line


def test_a_directory_offset_beyond_the_directory_is_a_damaged_zip(
    runner: CliRunner, config: list[str], workbook: Path, tmp_path: Path
) -> None:
    # zipfile shifts every member's offset by (where the directory is) - (where the end record
    # says it is): 1000 bytes too far puts the first members before the start of the file.
    data = bytearray(workbook.read_bytes())
    eocd = data.rindex(b"PK\x05\x06")
    (offset,) = struct.unpack_from("<I", data, eocd + 16)
    struct.pack_into("<I", data, eocd + 16, offset + 1000)
    path = write(tmp_path / "offset.xlsx", bytes(data))
    line = assert_refused(score(runner, path, config), path, "damaged-zip")
    assert "(the header of part [Content_Types].xml is unreadable)" in line  # where it points


@pytest.mark.parametrize(
    ("damage", "place"),
    [
        # cut in the middle: not well-formed, after the last cell read
        (
            lambda xml: xml[: len(xml) // 2],
            r"offers![A-Z]+[0-9]+: the sheet's XML is damaged at line 1, column [0-9]+: ",
        ),
        # a cell reference that is not one, in row 2
        (
            lambda xml: xml.replace(b'r="B2"', b'r="B2x"', 1),
            r"sheet 'offers': a cell of row 2 is written 'B2x'",
        ),
    ],
    ids=["not-well-formed", "bad-cell-reference"],
)
def test_a_broken_sheet_part_is_refused_with_its_place(
    runner: CliRunner,
    config: list[str],
    workbook: Path,
    tmp_path: Path,
    damage: Callable[[bytes], bytes],
    place: str,
) -> None:
    with zipfile.ZipFile(workbook) as archive:
        xml = archive.read(SHEET)
    broken = damage(xml)
    assert broken != xml
    path = rewritten(workbook, tmp_path / "broken.xlsx", {SHEET: broken})
    line = assert_refused(score(runner, path, config), path, "malformed-sheet")
    assert re.match(rf"error: {re.escape(str(path))}: {place}", line), line


def test_a_bad_date_in_the_properties_does_not_stop_the_reading(
    runner: CliRunner, config: list[str], workbook: Path, tmp_path: Path
) -> None:
    with zipfile.ZipFile(workbook) as archive:
        core = archive.read("docProps/core.xml")
    start = core.index(b">", core.index(b"<dcterms:created")) + 1
    end = core.index(b"</dcterms:created>")
    bad = core[:start] + b"yesterday" + core[end:]
    path = rewritten(workbook, tmp_path / "props.xlsx", {"docProps/core.xml": bad})
    # the offers themselves are intact: they are read (a stricter reader once refused the file
    # with a three-line message)
    result = score(runner, path, config)
    assert result.exit_code == 0, result.output
    assert "Beta" in result.stdout


def test_a_member_name_with_a_newline_stays_one_error_line(
    runner: CliRunner, config: list[str], workbook: Path
) -> None:
    with zipfile.ZipFile(workbook, "a") as archive:
        archive.writestr("customXml/item\n1.xml", b"<!DOCTYPE x []><x/>")
    assert_refused(score(runner, workbook, config), workbook, "xml-entities")


def test_a_damaged_relationship_does_not_reach_stderr(
    config: list[str], workbook: Path, tmp_path: Path
) -> None:
    with zipfile.ZipFile(workbook) as archive:
        rels = archive.read("xl/_rels/workbook.xml.rels")
    assert b'Target="styles.xml" ' in rels
    path = rewritten(
        workbook,
        tmp_path / "rels.xlsx",
        {"xl/_rels/workbook.xml.rels": rels.replace(b'Target="styles.xml" ', b"")},
    )
    # A real process: under pytest, warnings are recorded instead of printed.
    done = subprocess.run(
        [sys.executable, "-m", "referent_ess", "score", str(path), *config],
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "PYTHONWARNINGS": ""},
    )
    # the offers are intact and read; nothing from a library reaches stderr
    assert done.returncode == 0, done.stderr
    assert "Beta" in done.stdout
    assert done.stderr == ""


# ---- properties: whatever the bytes, an exit code and never a traceback ----------------------

PROPERTY = settings(
    max_examples=150,
    derandomize=True,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
COMMANDS = ("score", "check-budget", "validate")


@pytest.fixture(scope="module")
def small_workbook() -> bytes:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = "offers"
    sheet.append(["candidate", "lot", "day_rate_ht", "days", "vat_rate", "cv", "quality"])
    for row in ROWS:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def assert_handled(runner: CliRunner, path: Path, config: list[str]) -> None:
    for command in COMMANDS:
        result = runner.invoke(app, [command, str(path), *config])
        assert result.exception is None or isinstance(result.exception, SystemExit), (
            command,
            repr(result.exception),
        )
        assert result.exit_code in (0, 1, 2), (command, result.exit_code, result.output)
        if result.exit_code == 2:
            assert result.stderr.splitlines()[-1].startswith("error: "), (command, result.stderr)


@PROPERTY
@given(data=st.binary(max_size=2000))
def test_any_bytes_give_an_exit_code(
    runner: CliRunner, config: list[str], tmp_path: Path, data: bytes
) -> None:
    assert_handled(runner, write(tmp_path / "offers.xlsx", data), config)


@PROPERTY
@given(data=st.data())
def test_a_damaged_workbook_gives_an_exit_code(
    runner: CliRunner, config: list[str], tmp_path: Path, small_workbook: bytes, data: st.DataObject
) -> None:
    damaged = bytearray(small_workbook)
    flips = data.draw(
        st.lists(
            st.tuples(st.integers(0, len(damaged) - 1), st.integers(1, 255)), min_size=0, max_size=4
        ),
        label="flips (position, xor)",
    )
    for position, xor in flips:
        damaged[position] ^= xor
    cut = data.draw(st.none() | st.integers(0, len(damaged)), label="truncated at")
    if cut is not None:
        del damaged[cut:]
    assert_handled(runner, write(tmp_path / "offers.xlsx", bytes(damaged)), config)
