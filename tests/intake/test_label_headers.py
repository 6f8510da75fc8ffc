"""Columns headed by labels: the offers sheet reads a document or criterion by its id (as ever)
or its labels, the marks sheet a criterion by its short label too, and every message names a
column the way the template heads it (its label), never by its configuration id.

The consultation: lot 1 (cap 10 000 HT) and lot 2 (cap 5 000 HT) with its own documents;
documents « CV de l'équipe » (id cv, both lots) and « attestation de visite » (id visite, lot 1
only); criterion « Qualité de la méthode » (id quality, short label « Méthode », 60 points,
marks 0-5), price 40 points.
"""

from pathlib import Path
from typing import Any

import openpyxl
import pytest

from referent_ess import i18n
from referent_ess.config.loader import load_config
from referent_ess.config.model import Config
from referent_ess.intake.offer import OfferBook
from referent_ess.intake.offers import load_offers

LOTS = """\
consultation:
  title: T
  deadline: 2018-03-23
  required_documents: [{id: cv, label: CV de l'équipe}, {id: visite, label: attestation de visite}]
lots:
  - {id: 1, title: Un, cap_ht: 10000}
  - {id: 2, title: Deux, cap_ht: 5000, required_documents: [cv]}
"""
CRITERIA = """\
criteria:
  - {id: quality, label: Qualité de la méthode, short_label: Méthode, weight: 60}
  - {id: price, label: Prix, weight: 40, price: {formula: proportional, basis: ht}}
"""
FIELDS = ["Candidat", "N° lot", "Coût journalier HT", "Nombre de jours"]


@pytest.fixture
def config(tmp_path: Path) -> Config:
    (tmp_path / "lots.yaml").write_text(LOTS, encoding="utf-8")
    (tmp_path / "criteria.yaml").write_text(CRITERIA, encoding="utf-8")
    return load_config(tmp_path / "lots.yaml", tmp_path / "criteria.yaml")


def read(
    tmp_path: Path,
    config: Config,
    header: list[str],
    rows: list[list[Any]],
    marks: list[list[Any]] | None = None,
) -> OfferBook:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "offers"
    for row in [header, *rows]:
        sheet.append(row)
    if marks is not None:
        notes = book.create_sheet("notes")
        for row in [["Candidat", "N° lot", "Critère", "Évaluateur", "Note"], *marks]:
            notes.append(row)
    path = tmp_path / "offres.xlsx"
    book.save(path)
    return load_offers(path, config)


def messages(book: OfferBook, lang: str = "en") -> list[str]:
    return [i18n.message(p.code, p.params, lang=lang) for p in book.problems]


@pytest.mark.parametrize(
    "headers",
    [
        ["cv", "visite", "quality", "quality commentaire"],  # the ids, as ever
        ["CV de l'équipe", "Attestation de visite", "Méthode", "Méthode commentaire"],
        [
            "cv de l equipe",
            "ATTESTATION DE VISITE",
            "Qualité de la méthode",
            "méthode — commentaire",
        ],
    ],
)
def test_a_column_is_read_by_its_id_or_its_labels(
    tmp_path: Path, config: Config, headers: list[str]
) -> None:
    book = read(
        tmp_path, config, [*FIELDS, *headers], [["Alpha", 1, 400, 10, "oui", "non", 4, "Bien"]]
    )
    assert book.problems == ()
    (offer,) = book.offers
    assert offer.documents == {"cv": True, "visite": False}
    assert offer.marks == {"quality": 4}
    assert offer.comments == {"quality": "Bien"}


def test_a_missing_column_is_named_as_the_template_heads_it(tmp_path: Path, config: Config) -> None:
    book = read(tmp_path, config, [*FIELDS, "cv"], [["Alpha", 1, 400, 10, "oui"]])
    assert messages(book) == [
        "no column for the required document 'attestation de visite' (lots.yaml): add a column "
        "'attestation de visite' saying oui/non for each offer",
        "no column for the marks of criterion 'Méthode' (criteria.yaml): add a column 'Méthode' "
        "with the jury's mark of each offer",
    ]
    assert messages(book, "fr")[1] == (
        "aucune colonne pour les notes du critère 'Méthode' (criteria.yaml) : ajoutez une "
        "colonne 'Méthode' avec la note du jury pour chaque offre"
    )


def test_a_typo_of_a_label_is_named_by_the_label(tmp_path: Path, config: Config) -> None:
    header = [*FIELDS, "cv", "visite", "Métode", "quality commentaire"]
    book = read(tmp_path, config, header, [["Alpha", 1, 400, 10, "oui", "oui", 4, None]])
    assert [p.code for p in book.problems] == ["suspicious-column", "missing-column"]
    assert messages(book)[0] == (
        "column 'Métode' is not a known column; did you mean 'Méthode'? If so, correct the "
        "header; if not, rename it to a header the tool does not use"
    )
    assert messages(book)[1].endswith("(G1 'Métode' looks like it)")  # the cell, as typed


def test_a_value_for_another_lot_names_the_document_by_its_label(
    tmp_path: Path, config: Config
) -> None:
    header = [*FIELDS, "cv", "visite", "quality"]
    book = read(tmp_path, config, header, [["Alpha", 2, 400, 10, "oui", "oui", 4]])
    assert messages(book) == [
        "lot 2 does not require the document attestation de visite; leave the cell empty"
    ]


def test_the_marks_sheet_reads_a_short_label_and_names_criteria_by_it(
    tmp_path: Path, config: Config
) -> None:
    header = [*FIELDS, "cv", "visite"]
    marks = [
        ["Alpha", 1, "Méthode", "Anne", 4],  # the template's list: the short label
        ["Alpha", 1, "quality", "Bruno", 3],  # the id, as ever
        ["Alpha", 1, "Qualité de la méthode", "Chloé", 5],
        ["Alpha", 1, "Méthode", "Anne", 2],  # Anne twice
        ["Alpha", 1, "Délais", "Bruno", 3],
    ]
    book = read(tmp_path, config, header, [["Alpha", 1, 400, 10, "oui", "oui"]], marks)
    (offer,) = book.offers
    assert offer.evaluator_marks["quality"] == {"Anne": 4, "Bruno": 3, "Chloé": 5}
    assert messages(book)[:2] == [
        "Anne marks 'Alpha' on Méthode twice (also E2); keep one row",
        "'Délais' is not a marked criterion of criteria.yaml (Méthode)",
    ]
