"""The offers workbook of a consultation with descriptor scales: each worded criterion's column
offers its words as a dropdown (inline, or a range of the hidden listes sheet when Excel could
not take them inline), the marks sheet offers them too, and what the dropdown gives, the tool
reads."""

import io
from pathlib import Path

import openpyxl
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from descriptor_consultation import CRITERIA, LOTS
from referent_ess import api
from referent_ess.config.loader import load_config
from referent_ess.config.model import Config
from referent_ess.scaffold.offers_template import build_template


def config_of(tmp_path: Path, criteria: str = CRITERIA, lots: str = LOTS) -> Config:
    (tmp_path / "lots.yaml").write_text(lots, encoding="utf-8")
    (tmp_path / "criteria.yaml").write_text(criteria, encoding="utf-8")
    return load_config(tmp_path / "lots.yaml", tmp_path / "criteria.yaml")


def validation_of(sheet: Worksheet, header: str) -> DataValidation:
    """The validation of the column headed ``header`` (from row 2 down)."""
    column = next(c.column_letter for c in sheet[1] if c.value == header)
    found = [dv for dv in sheet.data_validations.dataValidation if f"{column}2:" in str(dv.sqref)]
    assert len(found) == 1
    return found[0]


def test_a_worded_criterion_has_a_dropdown_of_its_words(tmp_path: Path) -> None:
    book = openpyxl.load_workbook(io.BytesIO(build_template(config_of(tmp_path))))
    offers = book["offers"]
    words = validation_of(offers, "Méthodologie")
    assert words.type == "list"
    assert words.formula1 == '"Très satisfaisant,Satisfaisant,Peu satisfaisant,Insuffisant"'
    assert words.errorStyle == "stop"
    assert words.prompt == (
        "Choisissez l'appréciation du jury pour le critère « Valeur technique — Méthodologie » : "
        "« Très satisfaisant » (5), « Satisfaisant » (3), « Peu satisfaisant » (1), "
        "« Insuffisant » (0)."
    )
    header = next(c for c in offers[1] if c.value == "Méthodologie")
    assert header.comment is not None
    assert header.comment.text.startswith(
        "Appréciation du jury pour le critère « Valeur technique — Méthodologie » (40 % des "
        "points), à choisir dans la liste : « Très satisfaisant » (5), « Satisfaisant » (3), "
        "« Peu satisfaisant » (1), « Insuffisant » (0)."
    )
    # the numeric criterion beside it keeps its range
    marks = validation_of(offers, "Moyens humains")
    assert (marks.type, marks.formula1, marks.formula2) == ("decimal", "0", "5")
    readme = "\n".join(
        str(c.value) for row in book["lisez-moi"].iter_rows() for c in row if c.value
    )
    assert (
        "« Méthodologie » par appréciation : « Très satisfaisant » (5), « Satisfaisant » "
        "(3), « Peu satisfaisant » (1), « Insuffisant » (0)" in readme
    )


def test_long_words_or_words_with_commas_go_to_the_hidden_sheet(tmp_path: Path) -> None:
    long_words = [f"Appréciation numéro {i} très détaillée du jury" for i in range(8)]
    # 8 words of 44 characters, with 7 commas between them: 8 × 44 + 7 = 359 > 255
    assert sum(len(w) for w in long_words) + 7 > 255
    scale = "".join(f"    {word}: {i}\n" for i, word in enumerate(long_words))
    criteria = CRITERIA.replace(
        "    Très satisfaisant: 5\n    Satisfaisant: 3\n    Peu satisfaisant: 1\n"
        "    Insuffisant: 0\n",
        scale,
    )
    book = openpyxl.load_workbook(io.BytesIO(build_template(config_of(tmp_path, criteria))))
    words = validation_of(book["offers"], "Méthodologie")
    assert words.formula1 == "listes!$B$1:$B$8"  # column A holds the VAT rates
    lists = book["listes"]
    assert lists.sheet_state == "hidden"
    assert [lists.cell(row=r, column=2).value for r in range(1, 9)] == long_words

    commas = CRITERIA.replace("Peu satisfaisant: 1", "'Peu, ou pas, satisfaisant': 1")
    book = openpyxl.load_workbook(io.BytesIO(build_template(config_of(tmp_path, commas))))
    assert validation_of(book["offers"], "Méthodologie").formula1 == "listes!$B$1:$B$4"
    assert book["listes"]["B3"].value == "Peu, ou pas, satisfaisant"


def test_the_marks_sheet_offers_the_words(tmp_path: Path) -> None:
    data = build_template(config_of(tmp_path), evaluators=["Anne", "Bruno"])
    book = openpyxl.load_workbook(io.BytesIO(data))
    mark = validation_of(book["marks"], "Note")
    assert mark.type == "list"
    assert mark.formula1 == '"Très satisfaisant,Satisfaisant,Peu satisfaisant,Insuffisant"'
    # moyens is marked with numbers: a number typed is to be confirmed, not refused
    assert mark.errorStyle == "warning"
    only_words = CRITERIA.replace(
        "{id: moyens, label: Moyens humains, weight: 20}",
        "{id: moyens, label: Moyens humains, weight: 20, scale: appreciation}",
    )
    data = build_template(config_of(tmp_path, only_words), evaluators=["Anne", "Bruno"])
    mark = validation_of(openpyxl.load_workbook(io.BytesIO(data))["marks"], "Note")
    assert mark.errorStyle == "stop"
    assert mark.prompt == (
        "Choisissez l'appréciation dans la liste : Méthodologie, Moyens humains : « Très "
        "satisfaisant » (5), « Satisfaisant » (3), « Peu satisfaisant » (1), « Insuffisant » (0)."
    )


def test_a_column_only_some_lots_mark_keeps_its_dropdown_and_is_greyed(tmp_path: Path) -> None:
    lots = LOTS + "  - {id: 2, title: Vitres, cap_ht: 50000, criteria: vitres}\n"
    criteria = CRITERIA + (
        "sets:\n"
        "  vitres:\n"
        "    criteria:\n"
        "      - {id: moyens, label: Moyens humains, weight: 60}\n"
        "      - {id: prix, label: Prix, weight: 40, price: {formula: proportional}}\n"
    )
    book = openpyxl.load_workbook(io.BytesIO(build_template(config_of(tmp_path, criteria, lots))))
    offers = book["offers"]
    words = validation_of(offers, "Méthodologie")
    assert words.type == "list"
    assert words.formula1 == '"Très satisfaisant,Satisfaisant,Peu satisfaisant,Insuffisant"'
    header = next(c for c in offers[1] if c.value == "Méthodologie")
    letter = header.column_letter
    greyed = [str(rule.sqref) for rule in offers.conditional_formatting]
    assert f"{letter}2:{letter}1000" in greyed


def test_what_the_dropdown_gives_the_tool_reads(tmp_path: Path) -> None:
    config_of(tmp_path)
    book = openpyxl.load_workbook(io.BytesIO(build_template(config_of(tmp_path))))
    offers = book["offers"]
    headers = [c.value for c in offers[1]]
    words = ["Très satisfaisant", "Satisfaisant", "Peu satisfaisant", "Insuffisant"]
    for row, word in enumerate(words, start=2):
        values = {"Candidat": f"C{row}", "N° lot": 1, "Coût journalier HT": 100}
        values |= {"Nombre de jours": 10, "Méthodologie": word, "Moyens humains": 5}
        for column, header in enumerate(headers, start=1):
            if header in values:
                offers.cell(row=row, column=column, value=values[header])
    path = tmp_path / "offers.xlsx"
    book.save(path)
    evaluation = api.score(tmp_path / "lots.yaml", tmp_path / "criteria.yaml", path)
    by_name = {r.candidate: r for r in evaluation.offers}
    # methode: 8 × mark (5, 3, 1, 0) = 40, 24, 8, 0
    assert [by_name[f"C{row}"].points["methode"] for row in range(2, 6)] == [40, 24, 8, 0]
