"""The offers template of a consultation with lots priced line by line: a ``prix`` sheet with
its headers and validations, each schedule or DPGF lot's lines pre-filled once, that the tool
reads back once the buyer types candidates and prices."""

import io
from datetime import datetime
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

from referent_ess import api
from referent_ess.config.loader import load_config
from referent_ess.problems.errors import ReferentError
from referent_ess.scaffold.offers_template import build_template, write_template
from referent_ess.scaffold.update_template import update_template
from schedule_case import CRITERIA, LOTS


def _config(tmp_path: Path, lots: str = LOTS) -> tuple[Path, Path]:
    (tmp_path / "lots.yaml").write_text(lots, encoding="utf-8")
    (tmp_path / "criteria.yaml").write_text(CRITERIA, encoding="utf-8")
    return tmp_path / "lots.yaml", tmp_path / "criteria.yaml"


def _book(tmp_path: Path, lots: str = LOTS) -> openpyxl.Workbook:
    return openpyxl.load_workbook(io.BytesIO(build_template(load_config(*_config(tmp_path, lots)))))


def test_the_prix_sheet_holds_each_lots_lines_once(tmp_path: Path) -> None:
    book = _book(tmp_path)
    assert book.sheetnames[:2] == ["offers", "prix"]
    sheet = book["prix"]
    rows = [tuple(c.value for c in row) for row in sheet.iter_rows(max_row=7)]
    assert rows == [
        (
            "Candidat",
            "N° lot",
            "Ligne",
            "Désignation",
            "Unité",
            "Quantité",
            "Prix unitaire HT",
            "Montant HT",
        ),
        (None, 1, "1.1", "Installation", "forfait", 1, None, None),
        (None, 1, "1.2", "Heure de nettoyage", "h", 1.5, None, None),
        (None, 1, "2", "Produits", "kg", 12, None, None),
        (None, 2, "A", "Études", None, None, None, None),  # a DPGF line: no quantity
        (None, 2, "B", "Travaux", None, None, None, None),
        (None, None, None, None, None, None, None, None),
    ]
    validations = {str(v.sqref): v for v in sheet.data_validations.dataValidation}
    assert validations["A2:A5000"].formula1 == "offers!$A$2:$A$1000"  # candidates typed there
    assert validations["B2:B5000"].formula1 == '"1,2"'  # only the lots priced by lines
    for column in "GH":
        price = validations[f"{column}2:{column}5000"]
        assert (price.type, price.operator, price.formula1) == ("decimal", "between", "0.01")


def test_the_readme_sheet_says_how_to_fill_the_prix_sheet(tmp_path: Path) -> None:
    texts = [str(c.value) for row in _book(tmp_path)["lisez-moi"].iter_rows() for c in row]
    assert any(
        t.startswith("• Feuille prix (lots 1 et 2, chiffrés ligne par ligne) : une ligne par offre")
        for t in texts
    )


def test_the_amount_column_says_it_is_checked_against_the_lines(tmp_path: Path) -> None:
    offers = _book(tmp_path)["offers"]
    notes = {c.value: c.comment.text for c in offers[1] if c.comment is not None}
    assert "Montant HT" in notes
    assert notes["Montant HT"].startswith(
        "Facultatif : le total HT annoncé par le candidat. Le prix retenu est la somme des "
        "lignes de la feuille prix"
    )
    # a day-rate lot beside them: its note, then the lines lots'
    mixed = _book(tmp_path, LOTS + "  - {id: 3, title: C, cap_ht: 5}\n")["offers"]
    notes = {c.value: c.comment.text for c in mixed[1] if c.comment is not None}
    assert notes["Montant HT"].endswith(
        "Lots 1 et 2 (chiffrés ligne par ligne, feuille prix) : facultatif, le total HT annoncé, "
        "comparé à la somme des lignes."
    )
    assert "Coût journalier HT" in notes


def test_no_prix_sheet_without_a_lot_priced_by_lines(tmp_path: Path) -> None:
    lots = LOTS.split("  - id: 1\n")[0] + "  - {id: 1, title: A, cap_ht: 5}\n"
    assert "prix" not in _book(tmp_path, lots).sheetnames


def test_a_filled_template_is_read_back(tmp_path: Path) -> None:
    lots, criteria = _config(tmp_path)
    path = tmp_path / "offers.xlsx"
    write_template(path, load_config(lots, criteria))
    book = openpyxl.load_workbook(path)
    offers = book["offers"]
    headers = [c.value for c in offers[1]]
    values = {"Candidat": "Alpha", "N° lot": 1, "Taux de TVA": 0.2, "cv": "oui", "quality": 4}
    for column, header in enumerate(headers, start=1):
        if header in values:
            offers.cell(row=2, column=column, value=values[header])
    prix = book["prix"]
    for row, price in ((2, 500), (3, 10.25), (4, 3.33)):  # the pre-filled lines of lot 1
        prix.cell(row=row, column=1, value="Alpha")
        prix.cell(row=row, column=7, value=price)
    book.save(path)
    evaluation = api.score(lots, criteria, path)
    [alpha] = evaluation.lots[0].offers
    # 500.00 + 10.25 × 1.5 = 15.375 → 15.38 + 3.33 × 12 = 39.96 → 555.34
    assert alpha.price_ht == Decimal("555.34")
    # the lot 2 block, not filled in, is not read: no problem about it
    assert not [p for p in evaluation.book.problems if p.sheet == "prix"]
    # and the template is not written over the lines typed
    with pytest.raises(ReferentError) as caught:
        write_template(path, load_config(lots, criteria), force=True)
    assert caught.value.code == "output-holds-offers"


def test_template_update_keeps_the_lines_typed_in_the_prix_sheet(tmp_path: Path) -> None:
    lots, criteria = _config(tmp_path)
    path = tmp_path / "offers.xlsx"
    write_template(path, load_config(lots, criteria))
    book = openpyxl.load_workbook(path)
    book["prix"].cell(row=3, column=1, value="Alpha")  # line 1.2 of lot 1
    book["prix"].cell(row=3, column=7, value=10.25)
    book.save(path)
    done = update_template(path, load_config(lots, criteria), now=datetime(2026, 12, 7, 22, 0))
    assert not [p for p in done.dropped if "prix" in str(p.params)]
    rows = [tuple(c.value for c in row) for row in openpyxl.load_workbook(path)["prix"].iter_rows()]
    assert rows[2][:7] == ("Alpha", 1, "1.2", "Heure de nettoyage", "h", 1.5, 10.25)
    assert rows[1][:3] == (None, 1, "1.1")  # the rest of the block, as it was
