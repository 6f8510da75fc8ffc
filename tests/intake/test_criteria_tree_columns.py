"""The offers sheet of a consultation whose lots have their own criteria and documents: the mark
columns are the leaves of every set in use, a value in a column the row's lot does not use is
an error at its cell, each lot's own scale bounds its marks; the marks sheet names leaves."""

from fractions import Fraction as F
from pathlib import Path

import openpyxl

from referent_ess import api
from referent_ess.evaluation.results import Status

LOTS = """\
consultation: {title: T, required_documents: [cv, kbis]}
lots:
  - {id: 1, title: A, cap_ht: 50000}
  - {id: 2, title: B, cap_ht: 50000, criteria: travaux, required_documents: [cv, attestation]}
"""

CRITERIA = """\
criteria:
  - id: technique
    label: Valeur technique
    weight: 60
    sub_criteria:
      - {id: methode, label: Méthodologie, weight: 24}
      - {id: equipe, label: Équipe, weight: 36, scale: 10}
  - {id: prix, label: Prix, weight: 40, price: {formula: proportional}}
sets:
  travaux:
    criteria:
      - {id: equipe, label: Équipe, weight: 70, scale: 4}
      - {id: prix, label: Prix, weight: 30, price: {formula: proportional}}
"""

HEADER = ["candidate", "lot", "day_rate_ht", "days", "cv", "kbis", "attestation"]
MARKS = ["methode", "equipe", "methode commentaire"]


def consultation(tmp_path: Path) -> tuple[Path, Path]:
    lots, criteria = tmp_path / "lots.yaml", tmp_path / "criteria.yaml"
    lots.write_text(LOTS, encoding="utf-8")
    criteria.write_text(CRITERIA, encoding="utf-8")
    return lots, criteria


def workbook(
    tmp_path: Path,
    rows: list[list[object]],
    header: list[str] = HEADER + MARKS,
    marks: list[list[object]] | None = None,
) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "offers"
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    if marks is not None:
        notes = book.create_sheet("marks")
        notes.append(["Candidat", "Lot", "Critère", "Évaluateur", "Note"])
        for row in marks:
            notes.append(row)
    path = tmp_path / "offers.xlsx"
    book.save(path)
    return path


def test_a_lot_fills_only_its_own_columns(tmp_path: Path) -> None:
    offers = workbook(
        tmp_path,
        [
            ["Alpha", 1, 300, 10, "oui", "oui", None, 4, 7, "Claire"],
            ["Beta", 2, 300, 10, "oui", None, "oui", None, 3, None],
        ],
    )
    evaluation = api.score(*consultation(tmp_path), offers)
    assert evaluation.book.problems == ()
    alpha = evaluation.lots[0].ranked[0]
    # methode 24 × 4/5 = 19.2, equipe 36 × 7/10 = 25.2, technique 44.4, prix 40: total 84.4
    assert dict(alpha.points) == {
        "technique": F(222, 5),
        "methode": F(96, 5),
        "equipe": F(126, 5),
        "prix": F(40),
    }
    assert alpha.offer.comments == {"methode": "Claire"}
    beta = evaluation.lots[1].ranked[0]
    # travaux: equipe 70 × 3/4 = 52.5 on its own scale of 4, prix 30: total 82.5
    assert dict(beta.points) == {"equipe": F(105, 2), "prix": F(30)}


def test_a_value_in_a_column_the_lot_does_not_use_is_an_error_at_its_cell(
    tmp_path: Path,
) -> None:
    offers = workbook(
        tmp_path,
        [
            ["Alpha", 1, 300, 10, "oui", "oui", "non", 4, 7, None],
            ["Beta", 2, 300, 10, "oui", "oui", "oui", 4, 3, "Bien"],
        ],
    )
    evaluation = api.score(*consultation(tmp_path), offers)
    headings = evaluation.book.headings
    lines = [p.line_in("en", headings).split(": ", 1)[1] for p in evaluation.book.problems]
    assert lines == [
        "offers!G2: attestation: lot 1 does not require the document attestation; "
        "leave the cell empty [not-for-lot]",
        "offers!F3: kbis: lot 2 does not require the document kbis; leave the cell "
        "empty [not-for-lot]",
        'offers!H3: methode: lot 2 is not marked on "Méthodologie": that criterion '
        "is not among the lot's criteria; leave the cell empty [not-for-lot]",
        'offers!J3: methode commentaire: lot 2 is not marked on "Méthodologie": a '
        "comment on it has no place here; leave the cell empty [not-for-lot]",
    ]
    french = [p.line_in("fr", headings) for p in evaluation.book.problems]
    assert french[2].endswith(
        "H3 : methode : le lot 2 n'est pas noté sur « Méthodologie » : ce critère n'est pas "
        "parmi ceux du lot ; laissez la cellule vide [not-for-lot]"
    )
    assert [lot.offers[0].status for lot in evaluation.lots] == [Status.INVALID] * 2


def test_each_lot_bounds_a_mark_by_its_own_scale(tmp_path: Path) -> None:
    # equipe: out of 10 in the default set, out of 4 in travaux
    offers = workbook(
        tmp_path,
        [
            ["Alpha", 1, 300, 10, "oui", "oui", None, 4, 9, None],
            ["Beta", 2, 300, 10, "oui", None, "oui", None, 5, None],
        ],
    )
    evaluation = api.score(*consultation(tmp_path), offers)
    assert [(p.cell, p.code, p.params) for p in evaluation.book.problems] == [
        ("I3", "mark-out-of-range", (("found_num", "5"), ("scale_num", "4")))
    ]


def test_a_missing_leaf_of_the_lots_set_is_a_missing_mark(tmp_path: Path) -> None:
    offers = workbook(
        tmp_path,
        [
            ["Alpha", 1, 300, 10, "oui", "oui", None, None, 7, None],
            ["Beta", 2, 300, 10, "oui", None, "oui", None, 3, None],
        ],
    )
    evaluation = api.score(*consultation(tmp_path), offers)
    (alpha,) = evaluation.lots[0].offers
    assert [(r.code, r.cell) for r in alpha.reasons] == [("missing-mark", "H2")]
    assert evaluation.lots[1].ranked[0].candidate == "Beta"  # lot 2 needs no methode


def test_every_leaf_in_use_is_a_required_column(tmp_path: Path) -> None:
    offers = workbook(tmp_path, [], header=[*HEADER, "equipe"])
    book = api.validate(*consultation(tmp_path), offers)
    assert [(p.code, p.field) for p in book.errors] == [("missing-column", "methode")]


def test_the_marks_sheet_names_leaves_and_refuses_those_of_another_lot(tmp_path: Path) -> None:
    offers = workbook(
        tmp_path,
        [
            ["Alpha", 1, 300, 10, "oui", "oui", None],
            ["Beta", 2, 300, 10, "oui", None, "oui"],
        ],
        header=HEADER,
        marks=[
            ["Alpha", 1, "Méthodologie", "Anne", 4],
            ["Alpha", 1, "equipe", "Anne", 7],
            ["Beta", 2, "equipe", "Anne", 3],
            ["Beta", 2, "methode", "Anne", 2],
        ],
    )
    evaluation = api.score(*consultation(tmp_path), offers)
    assert [(p.sheet, p.cell, p.code) for p in evaluation.book.problems] == [
        ("marks", "C5", "not-for-lot")
    ]
    (problem,) = evaluation.book.problems
    assert problem.line_in("en").endswith(
        'lot 2 is not marked on "Méthodologie": that criterion is not among the lot\'s '
        "criteria; remove the row [not-for-lot]"
    )
    alpha = evaluation.lots[0].ranked[0]
    assert alpha.total == F(222, 5) + 40  # as in the columns: 19.2 + 25.2 + 40
    beta = evaluation.lots[1].ranked[0]
    assert beta.total == F(105, 2) + 30
