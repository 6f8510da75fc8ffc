"""The offers workbook wrong: each data problem of a cell, a row or a sheet, and of the
evaluators' marks sheet, in French and in English, written by hand."""

from collections.abc import Callable
from pathlib import Path

import openpyxl
import pytest
from typer.testing import CliRunner

from consultation_text import HEADER
from referent_ess import i18n
from referent_ess.cli import app
from referent_ess.config.loader import load_config
from referent_ess.intake.offers import load_offers

ROWS = [
    [None, 1, 450, 10, 0.2, "oui", 4],  # missing candidate
    ["Alpha", 1, "1.234,50", 10, 0.2, "oui", 4],  # ambiguous number
    ["Beta", 1, -450, 10, 0.2, "oui", 4],  # not positive
    ["Gamma", 1, 450.123, 10, 0.2, "oui", 4],  # too many decimals
    ["Delta", "premier", 450, 10, 0.2, "oui", 4],  # bad lot
    ["Epsilon", 7, 450, 10, 0.2, "oui", 4],  # unknown lot
    ["Zeta", 1, 450, 10, 0.2, "peut-être", 4],  # bad yes/no
    ["Eta", 1, 450, 10, 0.2, "oui", 9],  # mark out of range
    ["Theta", 1, "abc", 10, 0.2, "oui", 4],  # bad number
    ["Iota", 2, 450, 10, 0.2, "oui", 4],
    ["Iota", 2, 460, 10, 0.2, "oui", 4],  # duplicate offer
]


HEADER_WITH_REMARKS = [*HEADER, "remarks"]


def _workbook(make_config: Callable[..., tuple[Path, Path]], make_workbook: Callable[..., Path]):
    lots, criteria = make_config()
    return lots, criteria, make_workbook(ROWS, HEADER_WITH_REMARKS)


def test_french_validate_messages(
    runner: CliRunner,
    make_config: Callable[..., tuple[Path, Path]],
    make_workbook: Callable[..., Path],
) -> None:
    lots, criteria, book = _workbook(make_config, make_workbook)
    args = ["--lang", "fr", "validate", str(book), "--lots", str(lots), "--criteria", str(criteria)]
    result = runner.invoke(app, args)
    text = " ".join(result.output.split())
    for expected in (
        "cellule vide : le nom du candidat est obligatoire",
        "'1.234,50' est ambigu (le point ou la virgule sépare-t-il les milliers ou les "
        "décimales ?) ; écrivez 1234,50 ou 1 234,50",
        "la cellule contient -450 : il faut un coût journalier supérieur à 0",
        "la cellule contient 450,123 : il faut un coût journalier avec au plus 2 décimales",
        "la cellule contient 'premier' : il faut un numéro de lot, par exemple 3 ou Lot 3",
        "le lot 7 n'existe pas dans lots.yaml (lots : 1, 2)",
        "la cellule contient 'peut-être' : écrivez oui ou non (ou x, 1/0)",
        "la note 9 n'est pas entre 0 et 5",
        "'abc' n'est pas un nombre ; écrivez par exemple 450, 450,50 ou 1 234,50 €",
        "'Iota' a plusieurs offres sur le lot 2",
        "la colonne 'remarks' n'est pas utilisée par l'outil ; elle est ignorée",
    ):
        assert expected in text, expected


def test_json_is_the_same_in_every_language(
    runner: CliRunner,
    make_config: Callable[..., tuple[Path, Path]],
    make_workbook: Callable[..., Path],
) -> None:
    lots, criteria, book = _workbook(make_config, make_workbook)
    tail = ["validate", "--format", "json", str(book), "--lots", str(lots)]
    tail += ["--criteria", str(criteria)]
    english = runner.invoke(app, ["--lang", "en", *tail])
    french = runner.invoke(app, ["--lang", "fr", *tail])
    assert english.output == french.output
    assert "is ambiguous" in english.output


def test_the_data_problems_in_english(
    make_config: Callable[..., tuple[Path, Path]], make_workbook: Callable[..., Path]
) -> None:
    lots, criteria, book = _workbook(make_config, make_workbook)
    problems = load_offers(book, load_config(lots, criteria)).problems
    assert [p.message for p in problems] == [
        "column 'remarks' is not used by the tool and is ignored",
        "empty cell: the candidate's name is required",
        "'1.234,50' is ambiguous (is '.' or ',' a thousands or a decimal separator?); write it "
        "without thousands separator, e.g. 1234,50 or 1234.50, or with spaces: 1 234,50; or say "
        "how the file writes numbers: numbers: fr (1 234,50) or numbers: en (1,234.50) in the "
        "consultation of lots.yaml, or the option --numbers fr or --numbers en",
        "found -450, expected a day rate greater than 0",
        "found 450.123, expected a day rate with at most 2 decimals",
        "found 'premier', expected a lot number such as 3 or Lot 3",
        "lot 7 is not in lots.yaml (lots: 1, 2)",
        "found 'peut-être', expected oui/non, yes/no, x, 1/0",
        "found the mark 9, expected a mark from 0 to 5",
        "'abc' is not a number; expected e.g. 450, 450.50, 450,50 or 1 234,50 €",
        "'Iota' has more than one offer on lot 2 (also A12); keep one row per candidate and lot",
        "'Iota' has more than one offer on lot 2 (also A11); keep one row per candidate and lot",
    ]


def test_the_marks_sheet_problems_in_english(
    make_config: Callable[..., tuple[Path, Path]], tmp_path: Path
) -> None:
    lots, criteria = make_config()
    offers = load_offers(_marks_workbook(tmp_path), load_config(lots, criteria))
    codes = {p.code for p in offers.problems} | {p.code for o in offers.offers for p in o.problems}
    assert {"marks-column-ignored", "mark-given-twice", "duplicate-mark", "no-such-offer"} <= codes
    every = [*offers.problems, *(p for o in offers.offers for p in o.problems)]
    assert [p.message for p in every] == [
        "Anne marks 'Beta' on Quality twice (also E3); keep one row",  # by its label
        "the marks sheet 'Notes' replaces the mark columns: column 'quality' of the offers sheet "
        "is not used",
        "no offer of 'Gamma' on lot 1 in the offers sheet; check the name and the lot",
        "the mark of Quality is given both here and in the marks sheet (Notes!E2); keep one of "
        "them",
        "the mark of Quality is given both here and in the marks sheet (Notes!E2); keep one of "
        "them",
    ]


def _marks_workbook(tmp_path: Path) -> Path:
    """An offers sheet with a mark column, and a marks sheet with every kind of mistake."""
    book = openpyxl.Workbook()
    offers = book.active
    assert offers is not None
    offers.title = "offers"
    offers.append(["candidate", "lot", "day_rate_ht", "days", "vat_rate", "cv", "quality"])
    offers.append(["Alpha", 1, 400, 10, None, "oui", 4])
    offers.append(["Beta", 1, 400, 10, None, "oui", None])
    notes = book.create_sheet("Notes")
    notes.append(["Candidat", "Lot", "Critère", "Évaluateur", "Note"])
    notes.append(["Alpha", 1, "quality", "Anne", 3])  # also in the offers sheet
    notes.append(["Beta", 1, "quality", "Anne", 3])
    notes.append(["Beta", 1, "quality", "Anne", 4])  # twice
    notes.append(["Gamma", 1, "quality", "Anne", 3])  # no such offer
    path = tmp_path / "offers.xlsx"
    book.save(path)
    return path


def test_marks_sheet_messages_in_french_and_english(
    runner: CliRunner, make_config: Callable[..., tuple[Path, Path]], tmp_path: Path
) -> None:
    lots, criteria = make_config()
    book = _marks_workbook(tmp_path)
    args = ["validate", str(book), "--lots", str(lots), "--criteria", str(criteria)]
    french = " ".join(runner.invoke(app, ["--lang", "fr", *args]).output.split())
    for expected in (
        "la feuille de notes 'Notes' remplace les colonnes de notes : la colonne 'quality' de la "
        "feuille des offres n'est pas utilisée",
        "la note du critère Quality est donnée ici et dans la feuille de notes (Notes!E2) : n'en "
        "gardez qu'une",
        "Anne note deux fois 'Beta' sur le critère Quality (aussi E3) ; n'en gardez qu'une ligne",
        "aucune offre de 'Gamma' sur le lot 1 dans la feuille des offres ; vérifiez le nom et le "
        "lot",
    ):
        assert expected in french, expected
    english = " ".join(runner.invoke(app, ["--lang", "en", *args]).output.split())
    for expected in (
        "the marks sheet 'Notes' replaces the mark columns: column 'quality' of the offers sheet "
        "is not used",
        "the mark of Quality is given both here and in the marks sheet (Notes!E2); keep one of "
        "them",
        "Anne marks 'Beta' on Quality twice (also E3); keep one row",  # by its label
        "no offer of 'Gamma' on lot 1 in the offers sheet; check the name and the lot",
    ):
        assert expected in english, expected


# ---- the jury's marks that diverge: marks written the French way ----------------------------


def _marks_book(tmp_path: Path, marks: list[list[object]]) -> Path:
    book = openpyxl.Workbook()
    offers = book.active
    assert offers is not None
    offers.title = "offers"
    offers.append(["candidate", "lot", "day_rate_ht", "days", "vat_rate", "cv"])
    offers.append(["Alpha", 1, 400, 10, None, "oui"])
    offers.append(["Beta", 1, 400, 10, None, "oui"])
    notes = book.create_sheet("Notes")
    notes.append(["Candidat", "Lot", "Critère", "Évaluateur", "Note"])
    for row in marks:
        notes.append(row)
    path = tmp_path / "offers.xlsx"
    book.save(path)
    return path


DIVERGING = [
    ["Alpha", 1, "quality", "Anne", 3],
    ["Alpha", 1, "quality", "Bruno", 3],
    ["Beta", 1, "quality", "Anne", 1],
    ["Beta", 1, "quality", "Bruno", "4,5"],  # spread 3.5 > 2 (40 % of the scale 5)
]


def test_diverging_marks_in_french(
    runner: CliRunner, make_config: Callable[..., tuple[Path, Path]], tmp_path: Path
) -> None:
    lots, criteria = make_config()
    book = _marks_book(tmp_path, DIVERGING)
    args = ["score", str(book), "--lots", str(lots), "--criteria", str(criteria)]
    french = runner.invoke(app, ["--lang", "fr", *args]).stderr.splitlines()
    assert (
        f"avertissement : {book} : Notes!E4 : les notes des évaluateurs sur le critère "
        "Quality s'écartent de 3,5 (plus de 2,0) : Anne (1), Bruno (4,5) ; le jury doit en "
        "débattre avant de signer [marks-divergence]"
    ) in french
    english = runner.invoke(app, ["--lang", "en", *args]).stderr.splitlines()
    assert (
        f"warning: {book}: Notes!E4: the evaluators' marks on Quality spread by 3.5 "
        "(more than 2.0): Anne 1, Bruno 4.5; the jury should discuss them before signing "
        "[marks-divergence]"
    ) in english


def test_diverging_marks_in_english(
    make_config: Callable[..., tuple[Path, Path]], tmp_path: Path
) -> None:
    lots, criteria = make_config()
    offers = load_offers(_marks_book(tmp_path, DIVERGING), load_config(lots, criteria))
    flags = [p for o in offers.offers for p in o.problems if p.code == "marks-divergence"]
    assert len(flags) == 1
    assert [p.message for p in flags] == [
        "the evaluators' marks on Quality spread by 3.5 (more than 2.0): Anne 1, Bruno 4.5; the "
        "jury should discuss them before signing"
    ]


@pytest.mark.parametrize(
    ("field", "english_text", "french_text"),
    [
        (
            "days",
            "empty cell: the number of days is required",
            "cellule vide : le nombre de jours est obligatoire",
        ),
        (
            "day_rate_ht",
            "empty cell: the day rate HT is required",
            "cellule vide : le coût journalier HT est obligatoire",
        ),
        (
            "lot",
            "empty cell: the lot number is required",
            "cellule vide : le numéro de lot est obligatoire",
        ),
        ("mark", "empty cell: the mark is required", "cellule vide : la note est obligatoire"),
        (
            "evaluator",
            "empty cell: the evaluator's name is required",
            "cellule vide : le nom de l'évaluateur est obligatoire",
        ),
    ],
)
def test_an_empty_required_cell_is_said_in_words(
    field: str, english_text: str, french_text: str
) -> None:
    # never "a days is required"
    params = (("field_part", f"field.{field}"),)
    assert i18n.message("missing-value", params, lang="en") == english_text
    assert i18n.message("missing-value", params, lang="fr") == french_text
