""".ods and .xls offers files: read with the same results and the same guarantees as an .xlsx.

The LibreOffice copies are ``tests/fixtures/libreoffice/`` (made by
``tests/fixtures/make_libreoffice_fixtures.py`` with LibreOffice itself). The hostile files are
built in ``tmp_path``: an ``.ods`` is a zip written here member by member, an encrypted ``.xls``
is a LibreOffice copy whose first record after the workbook's BOF is turned into a FILEPASS (what
Excel writes first in an encrypted workbook), a truncated one is a copy cut short.
"""

import json
import re
import struct
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from helpers import BILLION_LAUGHS, OLE2, declared_sizes
from referent_ess import api
from referent_ess.cli import app
from referent_ess.problems.errors import ReferentError
from referent_ess.problems.problem import Severity

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures" / "libreoffice"
EXAMPLES = {
    "offers-2018": (ROOT / "examples" / "offers-2018.xlsx", ROOT / "lots.yaml"),
    "nettoyage-2026": (
        ROOT / "examples" / "nettoyage-2026" / "offres.xlsx",
        ROOT / "examples" / "nettoyage-2026" / "lots.yaml",
    ),
}
ConfigMaker = Callable[..., tuple[Path, Path]]

MIMETYPE = b"application/vnd.oasis.opendocument.spreadsheet"
NAMESPACES = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
    'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
    'xmlns:calcext="urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0"'
)
HEADER = ["candidate", "lot", "day_rate_ht", "days", "vat_rate", "cv", "quality"]


def score_json(runner: CliRunner, offers: Path, lots: Path) -> dict[str, object]:
    result = runner.invoke(app, ["score", str(offers), "--lots", str(lots), "--format", "json"])
    assert result.exit_code == 0, result.output
    document: dict[str, object] = json.loads(result.stdout)
    inputs = document["inputs"]
    assert isinstance(inputs, dict)
    assert inputs["offers"]["path"] == str(offers)
    inputs["offers"] = {k: v for k, v in inputs["offers"].items() if k not in ("path", "sha256")}
    return document


# ---- the same results as the .xlsx ------------------------------------------------------------


@pytest.mark.parametrize("kind", ["ods", "xls"])
@pytest.mark.parametrize("example", sorted(EXAMPLES))
def test_a_libreoffice_copy_gives_the_json_of_the_xlsx(
    runner: CliRunner, example: str, kind: str
) -> None:
    workbook, lots = EXAMPLES[example]
    copy = FIXTURES / f"{example}.{kind}"
    assert score_json(runner, copy, lots) == score_json(runner, workbook, lots)


@pytest.mark.parametrize("kind", ["ods", "xls"])
def test_the_example_copy_holds_the_hand_computed_prices(runner: CliRunner, kind: str) -> None:
    # lot 4: 447.15 × 21.5 = 9613.725, half up to 9613.73 HT (see examples/make_offers.py);
    # lot 1: the offer typed as text, « 487,50 € » × 16 days = 7800.00 HT
    text = json.dumps(score_json(runner, FIXTURES / f"offers-2018.{kind}", ROOT / "lots.yaml"))
    assert '"9613.73"' in text
    assert '"7800.00"' in text


def test_the_kind_is_told_by_the_content_not_the_name(runner: CliRunner, tmp_path: Path) -> None:
    workbook, lots = EXAMPLES["offers-2018"]
    expected = score_json(runner, workbook, lots)
    for kind in ("ods", "xls"):
        renamed = tmp_path / f"{kind}-named.xlsx"
        renamed.write_bytes((FIXTURES / f"offers-2018.{kind}").read_bytes())
        assert score_json(runner, renamed, lots) == expected


# ---- what the sheet says, in both formats ----------------------------------------------------


@pytest.mark.parametrize("kind", ["ods", "xls"])
def test_error_cells_hidden_rows_columns_and_merges_are_said_with_their_cell(
    make_config: ConfigMaker, kind: str
) -> None:
    # diagnostics.*: Alpha's day rate =1/0 (C2), Beta's row 3 hidden, A4:B4 merged (Gamma, its
    # lot cell covered), column G (quality) hidden, a hidden sheet 'archive' that is not read
    lots, criteria = make_config()
    report = api.validate(lots, criteria, FIXTURES / f"diagnostics.{kind}")
    found = {(p.code, p.cell, p.severity) for p in report.problems}
    assert ("error-cell", "C2", Severity.ERROR) in found
    assert ("hidden-row", "A3", Severity.WARNING) in found
    assert ("merged-cells", "A4", Severity.ERROR) in found
    assert ("hidden-column", "G1", Severity.WARNING) in found
    assert not any(p.code == "hidden-sheet" for p in report.problems)  # 'offers' is visible
    (error,) = [p for p in report.problems if p.code == "error-cell"]
    assert "#DIV/0!" in error.message


# ---- hostile .ods --------------------------------------------------------------------------


def ods(
    path: Path,
    content: bytes,
    *,
    extra: tuple[tuple[str, bytes], ...] = (),
    manifest: bytes = b"<manifest:manifest/>",
) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(zipfile.ZipInfo("mimetype"), MIMETYPE, zipfile.ZIP_STORED)
        archive.writestr("content.xml", content)
        archive.writestr("META-INF/manifest.xml", manifest)
        for name, data in extra:
            archive.writestr(name, data)
    return path


def cell(value: object, attributes: str = "") -> str:
    if isinstance(value, int | float):
        kind = f'office:value-type="float" office:value="{value}"'
    else:
        kind = 'office:value-type="string"'
    return f"<table:table-cell {kind}{attributes}><text:p>{value}</text:p></table:table-cell>"


def content(*rows: str, table: str = '<table:table table:name="offers">') -> bytes:
    header = "<table:table-row>" + "".join(cell(h) for h in HEADER) + "</table:table-row>"
    return (
        f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {NAMESPACES}>'
        f"<office:body><office:spreadsheet>{table}{header}{''.join(rows)}</table:table>"
        "</office:spreadsheet></office:body></office:document-content>"
    ).encode()


def row(*values: object) -> str:
    return "<table:table-row>" + "".join(cell(v) for v in values) + "</table:table-row>"


ALPHA = row("Alpha", 1, 300, 10, 0.2, "oui", 4)
BETA = row("Beta", 1, 400, 10, 0.2, "oui", 5)


def refused(runner: CliRunner, path: Path, config: ConfigMaker, code: str) -> str:
    lots, criteria = config()
    result: Result = runner.invoke(
        app, ["score", str(path), "--lots", str(lots), "--criteria", str(criteria)]
    )
    assert (result.exit_code, result.stdout) == (2, ""), result.output
    lines = result.stderr.splitlines()
    assert len(lines) == 1, lines
    assert "Traceback" not in result.stderr
    assert lines[0].startswith(f"error: {path}"), lines[0]
    assert lines[0].endswith(f"[{code}]"), lines[0]
    return lines[0]


def test_a_handmade_ods_is_scored(make_config: ConfigMaker, tmp_path: Path) -> None:
    # Beta = 60 + 40 × 3000 / 4000 = 90.00, Alpha = 60 × 4/5 + 40 = 88.00
    lots, criteria = make_config()
    path = ods(tmp_path / "offers.ods", content(ALPHA, BETA))
    evaluation = api.score(lots, criteria, path)
    (lot,) = [lot for lot in evaluation.lots if lot.lot.id == 1]
    totals = {r.offer.candidate: r.total for r in lot.offers}
    assert totals == {"Alpha": 88, "Beta": 90}


@pytest.mark.parametrize(
    ("declared", "said"),
    [(999_000_000, "1000 MB"), (200_000_001, "201 MB"), (4_000_000_000, "4001 MB")],
    ids=["1 GB", "just over", "4 GB"],
)
def test_an_ods_bomb_is_refused_before_any_decompression(
    runner: CliRunner, make_config: ConfigMaker, tmp_path: Path, declared: int, said: str
) -> None:
    # the declared size of content.xml plus the few hundred bytes of the other members, in MB
    # of 10**6 bytes rounded up: 999 000 000 + a few hundred is 999.000 3 MB, said 1000 MB
    base = ods(tmp_path / "base.ods", content(ALPHA, BETA)).read_bytes()
    path = tmp_path / "bomb.ods"
    path.write_bytes(declared_sizes(base, {"content.xml": declared}))
    line = refused(runner, path, make_config, "zip-bomb")
    assert f"would expand to {said} " in line


@pytest.mark.parametrize("part", ["content.xml", "styles.xml", "META-INF/manifest.xml"])
def test_an_ods_part_declaring_entities_is_refused(
    runner: CliRunner, make_config: ConfigMaker, tmp_path: Path, part: str
) -> None:
    laughs = b'<?xml version="1.0"?>\n' + BILLION_LAUGHS + b"<lolz>&lol2;</lolz>"
    body = content(ALPHA, BETA)
    if part == "content.xml":
        path = ods(tmp_path / "x.ods", laughs)
    elif part == "styles.xml":
        path = ods(tmp_path / "x.ods", body, extra=(("styles.xml", laughs),))
    else:
        path = ods(tmp_path / "x.ods", body, manifest=laughs)
    line = refused(runner, path, make_config, "xml-entities")
    assert part in line


def test_an_external_entity_in_content_is_refused(
    runner: CliRunner, make_config: ConfigMaker, tmp_path: Path
) -> None:
    external = b'<?xml version="1.0"?>\n<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>'
    path = ods(tmp_path / "x.ods", external + b"<x>&e;</x>")
    refused(runner, path, make_config, "xml-entities")


@pytest.mark.parametrize("member", ["content.xml", "META-INF/manifest.xml", "styles.xml"])
def test_an_ods_with_a_member_twice_is_refused(
    runner: CliRunner, make_config: ConfigMaker, tmp_path: Path, member: str
) -> None:
    path = tmp_path / "twice.ods"
    extra = (("styles.xml", b"<x/>"),) if member == "styles.xml" else ()
    ods(path, content(ALPHA, BETA), extra=extra)
    with pytest.warns(UserWarning, match="Duplicate name"), zipfile.ZipFile(path, "a") as archive:
        archive.writestr(member, b"<x/>")
    line = refused(runner, path, make_config, "duplicate-zip-member")
    assert repr(member) in line


def test_a_password_protected_ods_is_refused(
    runner: CliRunner, make_config: ConfigMaker, tmp_path: Path
) -> None:
    # what LibreOffice writes for an encrypted part: its manifest entry has encryption data
    manifest = (
        b'<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0">'
        b'<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml">'
        b'<manifest:encryption-data manifest:checksum-type="SHA1/1K"/></manifest:file-entry>'
        b"</manifest:manifest>"
    )
    path = ods(tmp_path / "secret.ods", b"\x8f\x01binary", manifest=manifest)
    line = refused(runner, path, make_config, "encrypted-workbook")
    assert "password" in line


@pytest.mark.parametrize(
    ("rows", "cell", "form"),
    [
        # a value repeated to column 16 384: refused at the first column beyond 500 (SG)
        (
            '<table:table-row><table:table-cell office:value-type="float" office:value="1" '
            'table:number-columns-repeated="16384"/></table:table-row>',
            "SG2",
            "columns",
        ),
        # a row of 14 values repeated 800 000 times from row 2: 14 × 800 001 > 10 000 000
        # cells; the first row beyond is 10 000 000 // 14 + 1 = 714 286 (14 × 714 285 =
        # 9 999 990 cells fit), at the last column, N
        (
            '<table:table-row table:number-rows-repeated="800000">'
            '<table:table-cell office:value-type="float" office:value="1" '
            'table:number-columns-repeated="14"/></table:table-row>',
            "N714286",
            "cells",
        ),
        # a text 600 columns to the right, after 599 empty ones
        (
            '<table:table-row><table:table-cell table:number-columns-repeated="599"/>'
            f"{cell('far')}</table:table-row>",
            "WB2",
            "columns",
        ),
    ],
    ids=["columns repeated", "rows repeated", "one far cell"],
)
def test_repetitions_cannot_make_the_reader_allocate_without_bound(
    make_config: ConfigMaker, tmp_path: Path, rows: str, cell: str, form: str
) -> None:
    lots, criteria = make_config()
    path = ods(tmp_path / "big.ods", content(rows))
    with pytest.raises(ReferentError) as caught:
        api.validate(lots, criteria, path)
    (problem,) = caught.value.problems
    assert (problem.code, problem.cell) == ("sheet-too-large", cell)
    assert dict(problem.params)["form"] == form


def test_empty_rows_repeated_to_the_end_cost_nothing(
    make_config: ConfigMaker, tmp_path: Path
) -> None:
    # what LibreOffice writes after the data: a million empty rows of 16 384 empty cells
    tail = (
        '<table:table-row table:number-rows-repeated="1048570">'
        '<table:table-cell table:number-columns-repeated="16384"/></table:table-row>'
    )
    lots, criteria = make_config()
    path = ods(tmp_path / "tail.ods", content(ALPHA, BETA, tail))
    assert not api.validate(lots, criteria, path).errors


def test_a_formula_without_a_value_and_an_error_value_are_said_at_their_cell(
    make_config: ConfigMaker, tmp_path: Path
) -> None:
    uncomputed = '<table:table-cell table:formula="of:=[.D2]*2"/>'
    error = (
        '<table:table-cell table:formula="of:=1/0" office:value-type="string" '
        'office:string-value="" calcext:value-type="error"><text:p>#DIV/0!</text:p>'
        "</table:table-cell>"
    )
    # the rows of Alpha and Beta with their day rate (column C) replaced
    alpha_rest = ALPHA.split("</table:table-cell>", 3)[3]
    beta_rest = BETA.split("</table:table-cell>", 3)[3]
    alpha = f"<table:table-row>{cell('Alpha')}{cell(1)}{uncomputed}{alpha_rest}"
    beta = f"<table:table-row>{cell('Beta')}{cell(1)}{error}{beta_rest}"
    lots, criteria = make_config()
    report = api.validate(lots, criteria, ods(tmp_path / "f.ods", content(alpha, beta)))
    found = [(p.code, p.cell) for p in report.errors]
    assert ("formula-not-computed", "C2") in found
    assert ("error-cell", "C3") in found


def test_a_hidden_offers_sheet_and_hidden_rows_are_said(
    make_config: ConfigMaker, tmp_path: Path
) -> None:
    styles = (
        '<office:automatic-styles><style:style style:name="ta2" style:family="table">'
        '<style:table-properties table:display="false"/></style:style></office:automatic-styles>'
    )
    hidden_beta = BETA.replace("<table:table-row>", '<table:table-row table:visibility="collapse">')
    body = content(
        ALPHA, hidden_beta, table='<table:table table:name="offers" table:style-name="ta2">'
    )
    body = body.replace(b"<office:body>", styles.encode() + b"<office:body>")
    lots, criteria = make_config()
    report = api.validate(lots, criteria, ods(tmp_path / "h.ods", body))
    found = {(p.code, p.cell) for p in report.warnings}
    assert ("hidden-sheet", None) in found
    assert ("hidden-row", "A3") in found


def test_a_damaged_content_is_refused_with_its_line(
    runner: CliRunner, make_config: ConfigMaker, tmp_path: Path
) -> None:
    path = ods(tmp_path / "bad.ods", content(ALPHA, BETA)[:-30])
    line = refused(runner, path, make_config, "malformed-workbook")
    assert "content.xml" in line


# ---- hostile .xls ----------------------------------------------------------------------------

BOF = bytes.fromhex("0908100000060500")  # BIFF8 BOF of the workbook globals


def encrypted(data: bytes) -> bytes:
    """The workbook with its record after the globals' BOF turned into a FILEPASS (type 0x002F),
    its length kept: what an encrypting spreadsheet writes first."""
    at = data.index(BOF) + 4 + 16
    return data[:at] + struct.pack("<H", 0x002F) + data[at + 2 :]


@pytest.mark.parametrize("example", ["offers-2018", "nettoyage-2026", "diagnostics"])
def test_a_password_protected_xls_is_refused(
    runner: CliRunner, make_config: ConfigMaker, tmp_path: Path, example: str
) -> None:
    path = tmp_path / "secret.xls"
    path.write_bytes(encrypted((FIXTURES / f"{example}.xls").read_bytes()))
    line = refused(runner, path, make_config, "encrypted-workbook")
    assert "password" in line
    assert "(.xls)" in line


@pytest.mark.parametrize("keep", [0.5, 0.9, 600, 100])
def test_a_truncated_xls_is_refused_in_one_line(
    runner: CliRunner, make_config: ConfigMaker, tmp_path: Path, keep: float
) -> None:
    data = (FIXTURES / "offers-2018.xls").read_bytes()
    size = int(len(data) * keep) if keep < 1 else int(keep)
    path = tmp_path / "cut.xls"
    path.write_bytes(data[:size])
    refused(runner, path, make_config, "damaged-xls")


def test_an_ole2_header_alone_is_a_damaged_xls(
    runner: CliRunner, make_config: ConfigMaker, tmp_path: Path
) -> None:
    path = tmp_path / "header.xls"
    path.write_bytes(OLE2 + bytes(504))
    line = refused(runner, path, make_config, "damaged-xls")
    assert re.search(r"\(.+\)", line)
