"""Characters no workbook can hold, read from a CSV file or a workbook (issue: hostile inputs).

U+FFFE in a name from a CSV file used to pass ``validate`` and then make ``report --out r.xlsx``
write XML that Excel refuses. A control character (but tab and line breaks), a lone surrogate or
a noncharacter in any cell the tool reads is the error ``control-character`` naming the cell
and the code points, and the offer cannot be evaluated. In a workbook, Excel writes such a
character as ``_xHHHH_``, which the reader decodes.
"""

import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from typer.testing import CliRunner

from referent_ess import api
from referent_ess.cli import app
from referent_ess.config.loader import load_config
from referent_ess.config.model import Config
from referent_ess.intake.offers import load_offers
from referent_ess.problems.errors import ReferentError
from referent_ess.problems.problem import Severity

HEADER = ["candidate", "lot", "day_rate_ht", "days", "vat_rate", "cv", "quality", "remarks"]


@pytest.fixture
def config(make_config: Callable[..., tuple[Path, Path]]) -> Config:
    return load_config(*make_config())


def csv_file(tmp_path: Path, rows: list[list[str]]) -> Path:
    path = tmp_path / "offers.csv"
    lines = [";".join([*HEADER[:-1], "quality commentaire"]), *(";".join(r) for r in rows)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def controls(book: Any) -> list[tuple[str, str | None, Severity, str]]:
    return [
        (p.cell, p.field, p.severity, dict(p.params)["control"])
        for p in book.problems
        if p.code == "control-character"
    ]


GOOD = ["Alpha", "1", "400", "10", "0,2", "oui", "4", "Solide"]


@pytest.mark.parametrize(
    ("column", "text", "cell", "field", "control"),
    [
        (0, "Al\ufffepha", "A2", "candidate", "U+FFFE"),
        (0, "Alpha\uffff", "A2", "candidate", "U+FFFF"),
        (0, "\ufdd0Alpha", "A2", "candidate", "U+FDD0"),
        (0, "Al\U0010fffepha", "A2", "candidate", "U+10FFFE"),
        (0, "Al\x01pha\x1f", "A2", "candidate", "U+0001, U+001F"),
        (1, "1\ufffe", "B2", "lot", "U+FFFE"),
        (2, "400\x0b", "C2", "day_rate_ht", "U+000B"),
        (5, "oui\x0c", "F2", "cv", "U+000C"),
        (7, "Très \ufffebien", "H2", "quality_comment", "U+FFFE"),
    ],
)
def test_a_forbidden_character_in_a_csv_cell_is_an_error_naming_it(
    tmp_path: Path,
    make_config: Callable[..., tuple[Path, Path]],
    column: int,
    text: str,
    cell: str,
    field: str,
    control: str,
) -> None:
    row = list(GOOD)
    row[column] = text
    path = csv_file(tmp_path, [row])
    lots, criteria = make_config()
    book = load_offers(path, load_config(lots, criteria))
    assert controls(book) == [(cell, field, Severity.ERROR, control)]
    report = api.validate(lots, criteria, path)
    assert not report.valid
    assert [(p.code, p.cell) for p in report.errors] == [("control-character", cell)]


def test_the_message_names_one_code_point_or_several(tmp_path: Path, config: Config) -> None:
    path = csv_file(tmp_path, [["Al\ufffepha", *GOOD[1:]], ["Be\x07ta\ufffe", *GOOD[1:]]])
    one, several = load_offers(path, config).problems
    assert one.message == (
        "the cell holds the character U+FFFE, a control character or a noncharacter that no "
        "workbook can hold; retype the cell"
    )
    assert several.message == (
        "the cell holds the characters U+0007, U+FFFE, control characters or noncharacters "
        "that no workbook can hold; retype the cell"
    )


def xlsx(tmp_path: Path, rows: list[list[Any]], marks: list[list[Any]] | None = None) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "offers"
    sheet.append(HEADER[:7] if marks is None else HEADER[:6])
    for row in rows:
        sheet.append(row)
    if marks is not None:
        notes = book.create_sheet("Notes")
        notes.append(["Candidat", "Lot", "Critère", "Évaluateur", "Note", "Commentaire"])
        for row in marks:
            notes.append(row)
    path = tmp_path / "offers.xlsx"
    book.save(path)
    return path


def with_raw_text(path: Path, placeholder: str, text: str) -> Path:
    """The workbook with ``placeholder`` replaced by ``text``, UTF-8, in every XML part."""
    with zipfile.ZipFile(path) as source:
        parts = [(info, source.read(info)) for info in source.infolist()]
    patched = path.with_name("raw.xlsx")
    with zipfile.ZipFile(patched, "w", zipfile.ZIP_DEFLATED) as target:
        for info, data in parts:
            target.writestr(info, data.replace(placeholder.encode(), text.encode()))
    assert any(placeholder.encode() in data for _, data in parts)  # the text was really placed
    return patched


@pytest.mark.parametrize(
    ("text", "control"),
    [
        ("_x0007_Alpha", "U+0007"),  # how Excel writes a character XML cannot hold
        ("Al_x001B_pha_x0001_", "U+0001, U+001B"),
        ("Alpha_x000B_", "U+000B"),  # at the end of the text, where strip() would drop it
    ],
)
def test_a_control_character_in_a_workbook_cell_is_an_error_naming_it(
    tmp_path: Path, config: Config, text: str, control: str
) -> None:
    book = load_offers(xlsx(tmp_path, [["Beta", 1, 400, 10, 0.2, "oui", 4],
                                       [text, 2, 400, 10, 0.2, "oui", 4]]), config)  # fmt: skip
    assert controls(book) == [("A3", "candidate", Severity.ERROR, control)]
    assert book.offers[1].candidate is None  # never handed to a writer


@pytest.mark.parametrize(("text", "control"), [("Al\ufffepha", "U+FFFE"), ("A\uffff", "U+FFFF")])
def test_a_noncharacter_written_raw_in_a_workbook_is_never_read_silently(
    tmp_path: Path, config: Config, text: str, control: str
) -> None:
    # Written raw into the sheet's XML (as a careless writer would): XML that is not
    # well-formed, which a reader may refuse. openpyxl refuses to write it itself when lxml is
    # installed, so a placeholder is written and then replaced in the zip's bytes.
    placeholder = "PLACEHOLDERNAME"
    rows = [["Beta", 1, 400, 10, 0.2, "oui", 4], [placeholder, 2, 400, 10, 0.2, "oui", 4]]
    path = with_raw_text(xlsx(tmp_path, rows), placeholder, text)
    try:
        book = load_offers(path, config)
    except ReferentError:
        return  # refused as a whole: fine too
    assert controls(book) == [("A3", "candidate", Severity.ERROR, control)]


def test_a_forbidden_character_in_the_marks_sheet_is_an_error_and_its_row_is_not_read(
    make_config: Callable[..., tuple[Path, Path]], tmp_path: Path
) -> None:
    lots, criteria = make_config()
    path = xlsx(
        tmp_path,
        [["Alpha", 1, 400, 10, 0.2, "oui"]],
        marks=[
            ["Alpha", 1, "quality", "Anne", 4, None],
            ["Alpha", 1, "quality", "Bruno_x001F_", 2, None],  # the evaluator
            ["Alpha", 1, "quality", "Chloé", 3, "bien_x0008_"],  # the comment
        ],
    )
    report = api.validate(lots, criteria, path)
    assert [(p.code, p.sheet, p.cell, p.field) for p in report.errors] == [
        ("control-character", "Notes", "D3", "evaluator"),
        ("control-character", "Notes", "F4", "comment"),
    ]
    (lot,) = [lot for lot in api.score(lots, criteria, path).lots if lot.lot.id == 1]
    (alpha,) = lot.ranked
    assert dict(alpha.offer.evaluator_marks["quality"]) == {"Anne": 4}  # only Anne's row read


def test_validate_does_not_say_valid(
    runner: CliRunner, tmp_path: Path, make_config: Callable[..., Any]
) -> None:
    lots, criteria = make_config()
    path = csv_file(tmp_path, [["Al\ufffepha", *GOOD[1:]]])
    result = runner.invoke(app, ["validate", str(path), "--lots", str(lots), "--criteria",
                                 str(criteria), "--format", "json"])  # fmt: skip
    assert result.exit_code == 1, result.output
    assert '"valid":false' in result.stdout.replace(" ", "")
    assert "U+FFFE" in result.stdout
