"""The offers template heads documents and criteria by their labels: the short label, else the
label, else (a label another column or a field is read under) the id. A long label wraps in
a column of bounded width, row 1 growing to show it whole."""

import io
from pathlib import Path

import openpyxl

from referent_ess import api
from referent_ess.config.loader import load_config
from referent_ess.config.model import Config
from referent_ess.scaffold.offers_template import build_template

LOTS = """\
consultation:
  title: T
  required_documents:
    - {id: identite, label: Candidat}
    - {id: memoire, label: Mémoire technique détaillant l'organisation et les moyens affectés}
lots: [{id: 1, title: Un, cap_ht: 10000}]
"""
CRITERIA = """\
criteria:
  - {id: tech_a, label: Méthodologie, weight: 30}
  - {id: tech_b, label: méthodologie, weight: 30}
  - {id: delais, label: Délais d'intervention, short_label: Délais, weight: 10}
  - {id: price, label: Prix, weight: 30, price: {formula: linear}}
"""


def config_of(tmp_path: Path) -> Config:
    (tmp_path / "lots.yaml").write_text(LOTS, encoding="utf-8")
    (tmp_path / "criteria.yaml").write_text(CRITERIA, encoding="utf-8")
    return load_config(tmp_path / "lots.yaml", tmp_path / "criteria.yaml")


def test_an_unusable_label_leaves_its_column_headed_by_its_id(tmp_path: Path) -> None:
    book = openpyxl.load_workbook(io.BytesIO(build_template(config_of(tmp_path), ["Anne"])))
    headers = [c.value for c in book["offers"][1]]
    assert headers[:2] == ["Candidat", "N° lot"]  # the field keeps its header
    memoire = "Mémoire technique détaillant l'organisation et les moyens affectés"
    assert headers[7:9] == ["identite", memoire]  # « Candidat » is the field's
    marks = {str(v.sqref): v for v in book["marks"].data_validations.dataValidation}
    # two criteria labelled alike: neither label heads them; the short label does
    assert marks["C2:C5000"].formula1 == '"tech_a,tech_b,Délais"'
    readme = "\n".join(str(c.value) for c in book["lisez-moi"]["A"] if c.value)
    assert "« identite », « " + memoire + " »" in readme
    assert "« Délais » (Délais d'intervention) de 0 à 5" in readme


def test_a_long_label_wraps_in_a_bounded_column(tmp_path: Path) -> None:
    sheet = openpyxl.load_workbook(io.BytesIO(build_template(config_of(tmp_path))))["offers"]
    memoire = sheet["I1"]
    assert str(memoire.value).startswith("Mémoire technique")
    assert memoire.alignment.wrap_text
    assert sheet.column_dimensions["I"].width == 30  # 66 characters + 4, bounded at 30
    assert sheet.column_dimensions["H"].width == 12  # « identite »: 8 + 4
    # 66 characters × 1.15 / 30 = 2.53 → 3 lines of 15 points, + 2
    assert sheet.row_dimensions[1].height == 47
    assert sheet["J1"].value == "tech_a"
    assert sheet["L1"].value == "tech_b"
    assert sheet["N1"].value == "Délais"
    assert sheet["O1"].value == "Délais commentaire"


def test_the_label_headed_template_filled_in_scores(tmp_path: Path) -> None:
    config = config_of(tmp_path)
    book = openpyxl.load_workbook(io.BytesIO(build_template(config)))
    sheet = book["offers"]
    columns = {c.value: c.column for c in sheet[1]}
    memoire = "Mémoire technique détaillant l'organisation et les moyens affectés"
    typed = {"Candidat": "Alpha", "N° lot": 1, "Coût journalier HT": 400, "Nombre de jours": 10}
    typed |= {"identite": "oui", memoire: "oui", "tech_a": 5, "tech_b": 4, "Délais": 5}
    for header, value in typed.items():
        sheet.cell(row=2, column=columns[header], value=value)
    path = tmp_path / "offers.xlsx"
    book.save(path)
    result = api.score(tmp_path / "lots.yaml", tmp_path / "criteria.yaml", path)
    (ranked,) = result.lots[0].ranked
    # 30 × 5/5 + 30 × 4/5 + 10 × 5/5 + 30 (the only price) = 30 + 24 + 10 + 30
    assert ranked.total == 94
