"""Invisible characters in the texts the checks compare (issue: hostile inputs, names).

A zero-width space, a soft hyphen, a word joiner, a byte-order mark, a variation selector or a
bidirectional control in a candidate's name, a lot cell, or a criterion or evaluator of the
marks sheet is ignored when names are compared (tests/base/test_normalise.py), and said: a
warning names the cell and each character by its Unicode name and code point.

The consultation of conftest.py: lots 1 and 2, document ``cv``, criterion ``quality``.
"""

from collections.abc import Callable
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from referent_ess import api, i18n
from referent_ess.config.loader import load_config
from referent_ess.config.model import Config
from referent_ess.intake.offer import OfferBook
from referent_ess.intake.offers import load_offers
from referent_ess.problems.problem import Problem, Severity

HEADER = ["candidate", "lot", "day_rate_ht", "days", "vat_rate", "cv", "quality"]
CSV_HEADER = "candidate;lot;day_rate_ht;days;vat_rate;cv;quality\n"

# (text typed in the cell, the characters the warning names, in order of first appearance)
DISGUISED = [
    ("Al\u200bpha", "ZERO WIDTH SPACE (U+200B)"),
    ("\u202eAlpha", "RIGHT-TO-LEFT OVERRIDE (U+202E)"),
    ("Alpha\u00ad", "SOFT HYPHEN (U+00AD)"),
    ("Al\u2060pha", "WORD JOINER (U+2060)"),
    ("\ufeffAlpha", "ZERO WIDTH NO-BREAK SPACE (U+FEFF)"),
    ("\u2066Alpha\u2069", "LEFT-TO-RIGHT ISOLATE (U+2066), POP DIRECTIONAL ISOLATE (U+2069)"),
    ("Alp\ufe0fha", "VARIATION SELECTOR-16 (U+FE0F)"),
    ("Al\u200dp\u200bha\u200d", "ZERO WIDTH JOINER (U+200D), ZERO WIDTH SPACE (U+200B)"),
]


@pytest.fixture
def config(make_config: Callable[..., tuple[Path, Path]]) -> Config:
    return load_config(*make_config())


def xlsx(tmp_path: Path, rows: list[list[Any]]) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "offers"
    for row in [HEADER, *rows]:
        sheet.append(row)
    path = tmp_path / "offers.xlsx"
    book.save(path)
    return path


def csv(tmp_path: Path, lines: str) -> Path:
    path = tmp_path / "offers.csv"
    path.write_text(CSV_HEADER + lines, encoding="utf-8")
    return path


def invisible(book: OfferBook) -> list[tuple[str | None, str | None, Severity, str]]:
    return [
        (p.cell, p.field, p.severity, dict(p.params)["characters"])
        for p in book.problems
        if p.code == "invisible-character"
    ]


@pytest.mark.parametrize(("name", "named"), DISGUISED)
def test_an_invisible_character_in_a_name_is_a_warning_naming_it_xlsx(
    tmp_path: Path, config: Config, name: str, named: str
) -> None:
    book = load_offers(xlsx(tmp_path, [["Beta", 1, 400, 10, 0.2, "oui", 4],
                                       [name, 2, 450, 10, 0.2, "oui", 3]]), config)  # fmt: skip
    assert invisible(book) == [("A3", "candidate", Severity.WARNING, named)]
    assert book.errors == ()
    assert book.offers[1].candidate == name  # read as typed; only the comparisons ignore it


@pytest.mark.parametrize(("name", "named"), DISGUISED)
def test_an_invisible_character_in_a_name_is_a_warning_naming_it_csv(
    tmp_path: Path, config: Config, name: str, named: str
) -> None:
    book = load_offers(csv(tmp_path, f"{name};1;400;10;0,2;oui;4\n"), config)
    assert invisible(book) == [("A2", "candidate", Severity.WARNING, named)]
    assert book.errors == ()


def test_the_message_names_one_character_or_several(tmp_path: Path, config: Config) -> None:
    path = csv(tmp_path, "Al\u200bpha;1;400;10;0,2;oui;4\n\u202eBe\u00adta;2;400;10;0,2;oui;4\n")
    one, several = (p for p in load_offers(path, config).problems)
    assert one.message == (
        "the cell holds the invisible character ZERO WIDTH SPACE (U+200B): the tool ignores it "
        "when it compares names, lots and criteria, but it makes the text differ from what is "
        "seen; retype the cell without it"
    )
    assert several.message == (
        "the cell holds the invisible characters RIGHT-TO-LEFT OVERRIDE (U+202E), SOFT HYPHEN "
        "(U+00AD): the tool ignores them when it compares names, lots and criteria, but they "
        "make the text differ from what is seen; retype the cell without them"
    )
    assert i18n.message(one.code, one.params, lang="fr") == (
        "la cellule contient le caractère invisible ZERO WIDTH SPACE (U+200B) : l'outil n'en "
        "tient pas compte pour comparer les noms, les lots et les critères, mais le texte n'est "
        "plus celui qu'on voit ; retapez la cellule sans ce caractère"
    )


@pytest.mark.parametrize(
    ("cell", "named"),
    [
        ("Lot\u200b 2", "ZERO WIDTH SPACE (U+200B)"),
        ("\u202e2", "RIGHT-TO-LEFT OVERRIDE (U+202E)"),
        ("lot n°2\ufeff", "ZERO WIDTH NO-BREAK SPACE (U+FEFF)"),
    ],
)
def test_an_invisible_character_in_a_lot_cell_is_a_warning_and_the_lot_is_read(
    tmp_path: Path, config: Config, cell: str, named: str
) -> None:
    book = load_offers(xlsx(tmp_path, [["Alpha", cell, 400, 10, 0.2, "oui", 4]]), config)
    assert invisible(book) == [("B2", "lot", Severity.WARNING, named)]
    assert book.offers[0].lot == 2


@pytest.mark.parametrize("nothing", ["\u200b", "\u200b \u2060", "\ufeff\u202e"])
def test_a_name_made_only_of_invisible_characters_is_a_missing_name(
    tmp_path: Path, config: Config, nothing: str
) -> None:
    book = load_offers(csv(tmp_path, f"{nothing};1;400;10;0,2;oui;4\n"), config)
    assert [(p.code, p.cell) for p in book.problems] == [
        ("missing-value", "A2"),
        ("invisible-character", "A2"),
    ]
    assert book.offers[0].candidate is None


def test_visible_names_and_plain_lots_get_no_warning(tmp_path: Path, config: Config) -> None:
    rows = [["Échelle Habitat (SCOP)", "Lot 1", 400, 10, 0.2, "oui", 4],
            ["Coop’Alpha — 44", 2, 400, 10, 0.2, "oui", 4]]  # fmt: skip
    assert invisible(load_offers(xlsx(tmp_path, rows), config)) == []


def test_a_disguised_duplicate_is_an_error_and_its_disguise_a_warning(
    make_config: Callable[..., tuple[Path, Path]], tmp_path: Path
) -> None:
    lots, criteria = make_config()
    offers = xlsx(tmp_path, [["Alpha", 1, 400, 10, 0.2, "oui", 4],
                             ["Al\u2060pha\u202e", 1, 390, 10, 0.2, "oui", 3]])  # fmt: skip
    report = api.validate(lots, criteria, offers)
    assert not report.valid
    assert [(p.code, p.cell) for p in report.errors] == [
        ("duplicate-offer", "A2"),
        ("duplicate-offer", "A3"),
    ]
    assert ("invisible-character", "A3") in [(p.code, p.cell) for p in report.warnings]


def marks_book(tmp_path: Path, marks: list[list[Any]]) -> Path:
    book = openpyxl.Workbook()
    offers = book.active
    assert offers is not None
    offers.title = "offers"
    offers.append(HEADER[:-1])
    offers.append(["Alpha", 1, 400, 10, 0.2, "oui"])
    notes = book.create_sheet("Notes")
    notes.append(["Candidat", "Lot", "Critère", "Évaluateur", "Note", "Commentaire"])
    for row in marks:
        notes.append(row)
    path = tmp_path / "offers.xlsx"
    book.save(path)
    return path


def test_invisible_characters_in_the_marks_sheet_are_warnings_and_the_marks_are_read(
    make_config: Callable[..., tuple[Path, Path]], tmp_path: Path
) -> None:
    lots, criteria = make_config()
    path = marks_book(
        tmp_path,
        [
            ["Al\u200bpha", 1, "quality", "Anne", 4, "ok\u200b"],  # a comment is not compared
            ["Alpha", "1\u2060", "qual\u00adity", "Bru\u202eno", 2, None],
        ],
    )
    report = api.validate(lots, criteria, path)
    found = [(p.code, p.sheet, p.cell) for p in report.problems if p.code != "no-offers"]
    assert found == [
        ("invisible-character", "Notes", "A2"),
        ("invisible-character", "Notes", "B3"),
        ("invisible-character", "Notes", "C3"),
        ("invisible-character", "Notes", "D3"),
    ]
    (lot,) = [lot for lot in api.score(lots, criteria, path).lots if lot.lot.id == 1]
    (alpha,) = lot.ranked
    assert alpha.offer.marks["quality"] == 3  # (4 + 2) / 2: both marks read


def test_a_warning_is_a_problem_of_its_row(tmp_path: Path, config: Config) -> None:
    book = load_offers(csv(tmp_path, "Al\u200bpha;1;400;10;0,2;oui;4\n"), config)
    (problem,) = book.problems
    assert isinstance(problem, Problem)
    assert (problem.file, problem.sheet, problem.row) == (str(tmp_path / "offers.csv"), None, 2)
    line = problem.describe(headings=book.headings)
    assert line.startswith(f"{tmp_path / 'offers.csv'}: A2: candidate: ")
