"""The offers template writes one column per PSE some lot declares, headed by its id, after the
amount HT: a note naming the PSE's label, an amount above 0, and for a PSE of some lots only,
the other lots' cells refused. Filled in, it is read back and the PSE priced."""

import io
from decimal import Decimal
from pathlib import Path

import openpyxl

from pse_consultation import CRITERIA, LOTS
from referent_ess import api
from referent_ess.config.loader import load_config
from referent_ess.scaffold.offers_template import build_template


def _template(tmp_path: Path) -> tuple[Path, Path, openpyxl.Workbook]:
    lots, criteria = tmp_path / "lots.yaml", tmp_path / "criteria.yaml"
    lots.write_text(LOTS, encoding="utf-8")
    criteria.write_text(CRITERIA, encoding="utf-8")
    book = openpyxl.load_workbook(io.BytesIO(build_template(load_config(lots, criteria))))
    return lots, criteria, book


def test_one_column_per_pse_with_its_validation(tmp_path: Path) -> None:
    _, _, book = _template(tmp_path)
    sheet = book["offers"]
    headers = [cell.value for cell in sheet[1]]
    # lot 2 is priced by day rate × days, lot 1 as a lump sum: both price columns are written
    assert headers[:9] == [
        "Candidat",
        "N° lot",
        "Coût journalier HT",
        "Nombre de jours",
        "Taux de TVA",
        "Montant HT",
        "PSE1",
        "PSE2",
        "PSE3",
    ]
    note = sheet["G1"].comment
    assert note is not None
    assert "« Nettoyage des vitres »" in note.text
    assert "Seulement pour les offres du lot 1" in note.text
    rules = {str(v.sqref): v for v in sheet.data_validations.dataValidation}
    # PSE1 and PSE2 are lot 1's, PSE3 lot 2's: the others' rows refuse a value
    assert rules["G2:G1000"].type == "custom"
    assert rules["G2:G1000"].formula1 == 'AND(OR($B2="",$B2=1),AND(ISNUMBER(G2),G2>0))'
    assert rules["I2:I1000"].formula1 == 'AND(OR($B2="",$B2=2),AND(ISNUMBER(I2),I2>0))'
    assert rules["H2:H1000"].promptTitle == "PSE2 (montant HT)"


def test_the_filled_template_is_read_back_with_its_pse(tmp_path: Path) -> None:
    lots, criteria, book = _template(tmp_path)
    sheet = book["offers"]
    # Alpha, lot 1, lump sum 10000 HT at 20 %, PSE1 500, PSE2 300: compared 10500.00 HT,
    # TTC 12000.00 + 600.00 = 12600.00
    for column, value in {1: "Alpha", 2: 1, 5: "20 %", 6: 10000, 7: 500, 8: 300}.items():
        sheet.cell(row=2, column=column, value=value)
    path = tmp_path / "filled.xlsx"
    book.save(path)
    evaluation = api.check_budget(lots, criteria, path)
    lot = evaluation.lot(1)
    assert lot is not None
    alpha = lot.offers[0]
    assert (alpha.base_ht, alpha.price_ht, alpha.price_ttc) == (
        Decimal("10000.00"),
        Decimal("10500.00"),
        Decimal("12600.00"),
    )
