""".ods and .xls workbooks with a prices sheet (``prix``): the LibreOffice copies of the schedule
workbook of :mod:`schedule_case` (``tests/fixtures/libreoffice/schedule.ods``/``.xls``, made by
``tests/fixtures/make_libreoffice_fixtures.py schedule``) give the JSON of the ``.xlsx``."""

import json
import zipfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

from referent_ess import api
from referent_ess.cli import app
from referent_ess.intake.ods_reader import read_ods_offers
from referent_ess.intake.ods_scan import scan_ods
from referent_ess.intake.xls_reader import read_xls_offers
from referent_ess.problems.errors import ReferentError
from schedule_case import OFFERS, OFFERS_HEADER, PRICES_HEADER, write_case

MIMETYPE = b"application/vnd.oasis.opendocument.spreadsheet"

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "libreoffice"


def _score(runner: CliRunner, offers: Path, folder: Path) -> dict[str, object]:
    args = ["score", str(offers), "--lots", str(folder / "lots.yaml")]
    args += ["--criteria", str(folder / "criteria.yaml"), "--format", "json"]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    document: dict[str, object] = json.loads(result.stdout)
    inputs = document["inputs"]
    assert isinstance(inputs, dict)
    inputs["offers"] = {k: v for k, v in inputs["offers"].items() if k not in ("path", "sha256")}
    return document


@pytest.mark.parametrize("kind", ["ods", "xls"])
def test_a_libreoffice_copy_with_a_prices_sheet_gives_the_json_of_the_xlsx(
    runner: CliRunner, tmp_path: Path, kind: str
) -> None:
    lots, _, workbook = write_case(tmp_path)
    copy = FIXTURES / f"schedule.{kind}"
    assert _score(runner, copy, tmp_path) == _score(runner, workbook, tmp_path)
    # and the figures are the lines': Beta 450.00 + 20 × 1.5 + 4 × 12 = 528.00 (it states 518)
    config, book = api.load(lots, tmp_path / "criteria.yaml", copy)
    beta = next(o for o in book.offers if o.candidate == "Beta")
    assert [(line.id, line.price, line.cell) for line in beta.lines or ()] == [
        ("1.1", 450, "prix!D5"),
        ("1.2", 20, "prix!D6"),
        ("2", 4, "prix!D7"),
    ]
    assert config.lot(1) is not None


def test_the_scans_name_the_prices_sheet_and_pass_it_on() -> None:
    assert scan_ods(FIXTURES / "schedule.ods").scan.prices == "prix"
    for raw in (
        read_ods_offers(FIXTURES / "schedule.ods"),
        read_xls_offers(FIXTURES / "schedule.xls"),
    ):
        assert raw.prices_sheet is not None
        assert raw.prices_sheet.sheet == "prix"
        assert raw.sheet == "offers"


def test_a_copy_without_a_prices_sheet_is_refused_for_a_lot_priced_by_lines(
    tmp_path: Path,
) -> None:
    """diagnostics.ods has no ``prix`` sheet: its offers on the schedule lot have no lines."""
    lots, criteria, _ = write_case(tmp_path)
    with pytest.raises(ReferentError) as caught:
        api.score(lots, criteria, FIXTURES / "diagnostics.ods")
    assert "prices-sheet-missing" in [p.code for p in caught.value.problems]


# ---- a handmade .ods: the prices sheet's diagnostics -------------------------------------------

_NAMESPACES = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
    'xmlns:calcext="urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0"'
)
_DIV0 = (
    '<table:table-cell table:formula="of:=1/0" office:value-type="string" '
    'office:string-value="" calcext:value-type="error"><text:p>#DIV/0!</text:p>'
    "</table:table-cell>"
)


def _cell(value: object) -> str:
    if value is None:
        return "<table:table-cell/>"
    if isinstance(value, int | float):
        kind = f'office:value-type="float" office:value="{value}"'
    else:
        kind = 'office:value-type="string"'
    return f"<table:table-cell {kind}><text:p>{value}</text:p></table:table-cell>"


def _table(name: str, rows: list[list[object]]) -> str:
    body = "".join(
        "<table:table-row>"
        + "".join(_DIV0 if v == "#DIV/0!" else _cell(v) for v in row)
        + "</table:table-row>"
        for row in rows
    )
    return f'<table:table table:name="{name}">{body}</table:table>'


def test_an_error_cell_of_an_ods_prices_sheet_is_said_with_its_sheet_and_cell(
    tmp_path: Path,
) -> None:
    lots, criteria, _ = write_case(tmp_path)
    offers = [OFFERS_HEADER, OFFERS[0]]  # Alpha, lot 1
    prices = [
        PRICES_HEADER,
        ["Alpha", 1, "1.1", 500, None],  # row 2
        ["Alpha", 1, "1.2", "#DIV/0!", None],  # row 3: an error value as its unit price
        ["Alpha", 1, "2", 3.33, None],  # row 4
    ]
    content = (
        f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {_NAMESPACES}>'
        "<office:body><office:spreadsheet>"
        f"{_table('offers', offers)}{_table('prix', prices)}"
        "</office:spreadsheet></office:body></office:document-content>"
    ).encode()
    path = tmp_path / "offres.ods"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(zipfile.ZipInfo("mimetype"), MIMETYPE, zipfile.ZIP_STORED)
        archive.writestr("content.xml", content)
        archive.writestr("META-INF/manifest.xml", b"<manifest:manifest/>")
    report = api.validate(lots, criteria, path)
    found = [(p.code, p.sheet, p.cell) for p in report.errors]
    assert ("error-cell", "prix", "D3") in found
