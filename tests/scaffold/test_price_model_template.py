"""The offers template follows the lots' price models: day rate and days only when some lot is
priced by them, and the amount HT said to be the price of a lump-sum lot."""

import io
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import openpyxl

from referent_ess import api
from referent_ess.config.loader import load_config
from referent_ess.scaffold.offers_template import build_template

LOTS = """\
consultation:
  title: Test consultation
  vat_rate: 0.20
lots:
  - {{id: 1, title: Lot one, cap_ht: 10000{first}}}
  - {{id: 2, title: Lot two, cap_ht: 5000, price_model: lump_sum}}
  - {{id: 3, title: Lot three, cap_ht: 5000, price_model: lump_sum}}
"""

Maker = Callable[..., tuple[Path, Path]]


def _offers_sheet(make_config: Maker, first: str) -> tuple[list[object], list[str | None]]:
    lots, criteria = make_config(lots_text=LOTS.format(first=first))
    book = openpyxl.load_workbook(io.BytesIO(build_template(load_config(lots, criteria))))
    sheet = book["offers"]
    headers = [cell.value for cell in sheet[1]]
    notes = [cell.comment.text if cell.comment else None for cell in sheet[1]]
    return headers, notes


def test_mixed_lots_keep_the_day_rate_and_say_which_lots_are_lump_sums(make_config: Maker) -> None:
    headers, notes = _offers_sheet(make_config, "")
    assert headers[:6] == [
        "Candidat",
        "N° lot",
        "Coût journalier HT",
        "Nombre de jours",
        "Taux de TVA",
        "Montant HT",
    ]
    assert notes[5] is not None
    assert notes[5].startswith("Lots 2 et 3 (prix forfaitaire) : obligatoire, c'est le prix")


def test_only_lump_sums_have_no_day_rate_column_and_the_template_scores(
    make_config: Maker, tmp_path: Path
) -> None:
    headers, notes = _offers_sheet(make_config, ", price_model: lump_sum")
    assert headers[:4] == ["Candidat", "N° lot", "Taux de TVA", "Montant HT"]
    assert notes[3] is not None
    assert notes[3].startswith("Obligatoire : le prix forfaitaire de l'offre, hors taxes")
    # filled in, the template is read back: the amount is the price
    lots, criteria = make_config(lots_text=LOTS.format(first=", price_model: lump_sum"))
    book = openpyxl.load_workbook(io.BytesIO(build_template(load_config(lots, criteria))))
    sheet = book["offers"]
    for column, value in enumerate(["Alpha", 2, "20 %", 4200], start=1):
        sheet.cell(row=2, column=column, value=value)
    path = tmp_path / "filled.xlsx"
    book.save(path)
    evaluation = api.check_budget(lots, criteria, path)
    alpha = evaluation.lots[1].offers[0]
    assert alpha.price_ht == Decimal("4200.00")
    assert alpha.price_ttc == Decimal("5040.00")  # 4200 × 1.20
