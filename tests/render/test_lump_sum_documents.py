"""The reports say which lots are priced as a lump sum, after the rule of the price."""

import io
from collections.abc import Callable
from pathlib import Path

import openpyxl
from typer.testing import CliRunner

from referent_ess.cli import app

LOTS = """\
consultation:
  title: Test consultation
  vat_rate: 0.20
lots:
  - {{id: 1, title: Lot one, cap_ht: 10000{first}}}
  - {{id: 2, title: Lot two, cap_ht: 5000, price_model: lump_sum}}
"""
HEADER = ["candidate", "lot", "day_rate_ht", "days", "price_ht", "quality"]
ROWS = [["Alpha", 1, 450, 10, None, 4], ["Beta", 2, None, None, 4000, 3]]


def _report(
    runner: CliRunner,
    make_config: Callable[..., tuple[Path, Path]],
    book: Path,
    first: str,
    out: Path,
) -> None:
    lots, criteria = make_config(lots_text=LOTS.format(first=first))
    args = [
        "report",
        str(book),
        "--lots",
        str(lots),
        "--criteria",
        str(criteria),
        "--out",
        str(out),
    ]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output


def test_the_html_and_xlsx_reports_name_the_lump_sum_lot(
    runner: CliRunner, make_config: Callable[..., tuple[Path, Path]], make_workbook, tmp_path: Path
) -> None:
    book = make_workbook(ROWS, HEADER)
    _report(runner, make_config, book, "", tmp_path / "r.html")
    html = (tmp_path / "r.html").read_text(encoding="utf-8")
    assert "Le lot 2 est à prix forfaitaire : le prix HT d&#x27;une offre est le montant HT" in html
    _report(runner, make_config, book, "", tmp_path / "r.xlsx")
    workbook = openpyxl.load_workbook(io.BytesIO((tmp_path / "r.xlsx").read_bytes()))
    texts = [str(c.value) for s in workbook.worksheets for row in s.iter_rows() for c in row]
    assert any("Le lot 2 est à prix forfaitaire" in t for t in texts)


def test_every_lot_a_lump_sum_is_said_once(
    runner: CliRunner, make_config: Callable[..., tuple[Path, Path]], make_workbook, tmp_path: Path
) -> None:
    book = make_workbook([["Alpha", 1, None, None, 4500, 4], ROWS[1]], HEADER)
    _report(runner, make_config, book, ", price_model: lump_sum", tmp_path / "r.html")
    html = (tmp_path / "r.html").read_text(encoding="utf-8")
    assert "Les lots sont à prix forfaitaire" in html
    assert "Le lot 2 est" not in html
