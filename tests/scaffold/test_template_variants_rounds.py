"""The offers template's columns ``Variante`` and ``Tour`` (scaffold/template_columns.py):
written only when the consultation announces them (a lot that says ``variants: allowed``,
negotiation ``rounds``), each with its note and validation; a filled template reads back."""

import io
from pathlib import Path

import openpyxl

from referent_ess.config.loader import load_config
from referent_ess.config.model import Config
from referent_ess.intake.offers import load_offers
from referent_ess.scaffold.offers_template import build_template

CRITERIA = """\
criteria:
  - {id: quality, label: Qualité, weight: 60}
  - {id: price, label: Prix, weight: 40, price: {formula: proportional}}
"""
LOTS = """\
consultation:
  title: Test
  deadline: 2018-03-23
{rounds}lots:
  - {{id: 1, title: Un, cap_ht: 10000{variants}}}
"""


def config_of(tmp_path: Path, *, rounds: str = "", variants: str = "") -> Config:
    (tmp_path / "lots.yaml").write_text(
        LOTS.format(rounds=rounds, variants=variants), encoding="utf-8"
    )
    (tmp_path / "criteria.yaml").write_text(CRITERIA, encoding="utf-8")
    return load_config(tmp_path / "lots.yaml", tmp_path / "criteria.yaml")


def headers(config: Config) -> list[object]:
    sheet = openpyxl.load_workbook(io.BytesIO(build_template(config)))["offers"]
    return [c.value for c in sheet[1]]


def test_the_columns_are_written_only_when_the_consultation_announces_them(
    tmp_path: Path,
) -> None:
    silent = headers(config_of(tmp_path))
    assert "Variante" not in silent
    assert "Tour" not in silent
    announced = headers(
        config_of(
            tmp_path,
            rounds="  rounds: [{number: 2, deadline: 2018-04-10}]\n",
            variants=", variants: allowed",
        )
    )
    # after the marks, before the jury's decision
    assert announced[-4:] == ["Variante", "Tour", "Décision du jury", "Motif de la décision"]


def test_the_round_column_accepts_whole_numbers_from_1_and_explains_itself(
    tmp_path: Path,
) -> None:
    config = config_of(tmp_path, rounds="  rounds: [{number: 2, deadline: 2018-04-10}]\n")
    sheet = openpyxl.load_workbook(io.BytesIO(build_template(config)))["offers"]
    letter = next(c.column_letter for c in sheet[1] if c.value == "Tour")
    (rule,) = [dv for dv in sheet.data_validations.dataValidation if f"{letter}2:" in str(dv.sqref)]
    assert (rule.type, rule.operator, rule.formula1, rule.formula2) == (
        "whole",
        "between",
        "1",
        "1000",
    )
    assert rule.error == "Le tour est un nombre entier à partir de 1, par exemple 2."
    comment = next(c for c in sheet[1] if c.value == "Tour").comment
    assert comment is not None
    assert comment.text.startswith("Le tour de négociation de l'offre : 1 pour l'offre initiale")


def test_a_filled_template_reads_back_its_variant_and_round(tmp_path: Path) -> None:
    config = config_of(
        tmp_path,
        rounds="  rounds: [{number: 2, deadline: 2018-04-10}]\n",
        variants=", variants: allowed",
    )
    book = openpyxl.load_workbook(io.BytesIO(build_template(config)))
    sheet = book["offers"]
    columns = {c.value: c.column for c in sheet[1]}
    values = {"Candidat": "Alpha", "N° lot": 1, "Coût journalier HT": 400, "Nombre de jours": 10}
    values |= {"Qualité": 4, "Variante": "Visio", "Tour": 2}  # the criterion by its label
    for header, value in values.items():
        sheet.cell(row=2, column=columns[header], value=value)
    path = tmp_path / "offres.xlsx"
    book.save(path)
    (offer,) = load_offers(path, config).offers
    assert (offer.candidate, offer.variant, offer.round) == ("Alpha", "Visio", 2)


def test_the_marks_sheet_gets_the_two_columns_too(tmp_path: Path) -> None:
    # several evaluators: the marks sheet marks a variant and a round apart when announced
    config = config_of(
        tmp_path,
        rounds="  rounds: [{number: 2, deadline: 2018-04-10}]\n",
        variants=", variants: allowed",
    )
    marks = openpyxl.load_workbook(io.BytesIO(build_template(config, ["Anne", "Bruno"])))["marks"]
    assert [c.value for c in marks[1]][-3:] == ["Commentaire", "Variante", "Tour"]
    silent = config_of(tmp_path)
    marks = openpyxl.load_workbook(io.BytesIO(build_template(silent, ["Anne", "Bruno"])))["marks"]
    assert [c.value for c in marks[1]][-1] == "Commentaire"
