"""The marks sheet's optional Variante and Tour columns: a variant and a negotiation round are
marked apart, matched like the offers sheet's (empty: the base offer, round 1); a round without
its own marks keeps the latest earlier round's, and says so; a row for no offer is named at its
cell.

Lot 1 (tests/conftest.py: cap 10000 HT); quality 60 points on 0-5 (12 points a mark), price 40
proportional HT. Offers: Alpha round 1 400 × 10 = 4000.00, round 2 380 × 10 = 3800.00; Alpha's
variant « Visio » 300 × 10 = 3000.00; Beta 400 × 10 = 4000.00. Marks of Anne and Bruno, their
mean: Alpha round 1 (3 + 4)/2 = 7/2 → 42 points; Visio (2 + 2)/2 = 2 → 24; Beta (4 + 5)/2 = 9/2
→ 54.
"""

from fractions import Fraction
from pathlib import Path

import openpyxl

from referent_ess import api, i18n
from referent_ess.i18n.templates import message

OFFERS = ["candidate", "lot", "day_rate_ht", "days", "vat_rate", "cv", "Variante", "Tour"]
MARKS = ["Candidat", "Lot", "Critère", "Évaluateur", "Note", "Commentaire", "Variante", "Tour"]
ROWS = [
    ["Alpha", 1, 400, 10, None, "oui", None, 1],
    ["Alpha", 1, 380, 10, None, "oui", None, 2],
    ["Alpha", 1, 300, 10, None, "oui", "Visio", None],
    ["Beta", 1, 400, 10, None, "oui", None, None],
]
MARKED = [
    ["Alpha", 1, "quality", "Anne", 3, None, None, 1],
    ["Alpha", 1, "quality", "Bruno", 4, None, None, None],  # empty: round 1
    ["Alpha", 1, "quality", "Anne", 2, None, "visio", None],  # a variant's label, any case
    ["Alpha", 1, "quality", "Bruno", 2, None, "Visio", 1],
    ["Beta", 1, "quality", "Anne", 4, None, None, None],
    ["Beta", 1, "quality", "Bruno", 5, None, None, None],
]


def workbook(tmp_path: Path, marks: list[list[object]]) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "offers"
    for row in [OFFERS, *ROWS]:
        sheet.append(row)
    notes = book.create_sheet("Notes")
    for row in [MARKS, *marks]:
        notes.append(row)
    path = tmp_path / "offers.xlsx"
    book.save(path)
    return path


def criteria(tmp_path: Path) -> Path:
    path = tmp_path / "criteria.yaml"
    path.write_text(
        "criteria:\n"
        "  - {id: quality, label: Qualité, weight: 60}\n"
        "  - {id: price, label: Prix, weight: 40, price: {formula: proportional}}\n",
        encoding="utf-8",
    )
    return path


def test_a_variant_is_marked_apart_and_round_2_keeps_round_1s_marks(make_config, tmp_path):
    lots, _ = make_config()
    lot = api.score(lots, criteria(tmp_path), workbook(tmp_path, MARKED)).lots[0]
    by_row = {r.offer.row: r for r in lot.offers}
    alpha, visio, beta = by_row[3], by_row[4], by_row[5]  # Alpha's latest round is row 3
    assert (alpha.offer.round, alpha.offer.marks["quality"], alpha.points["quality"]) == (
        2,
        Fraction(7, 2),
        42,
    )
    assert (visio.offer.marks["quality"], visio.points["quality"]) == (2, 24)
    assert (beta.offer.marks["quality"], beta.points["quality"]) == (Fraction(9, 2), 54)
    [carried] = [w for w in alpha.warnings if w.code == "marks-carried-over"]
    assert (carried.params, carried.cell) == ((("round", "2"), ("from_round", "1")), "H3")
    assert message(carried.code, carried.params, lang="fr") == (
        "la feuille de notes ne donne aucune note pour le tour 2 : les notes des évaluateurs du "
        "tour 1 sont reprises (les notes ne sont réévaluées que si l'offre a changé ; pour la "
        "réévaluer, ajoutez à la feuille de notes des lignes du tour 2)"
    )
    assert not [w for r in (visio, beta) for w in r.warnings if w.code == "marks-carried-over"]


def test_a_round_with_its_own_marks_is_marked_on_them(make_config, tmp_path):
    # Alpha's round 2 re-assessed: (5 + 5)/2 = 5 → 60 points, and nothing carried over
    lots, _ = make_config()
    marks = [*MARKED, ["Alpha", 1, "quality", "Anne", 5, None, None, 2],
             ["Alpha", 1, "quality", "Bruno", 5, None, None, "2"]]  # fmt: skip
    lot = api.score(lots, criteria(tmp_path), workbook(tmp_path, marks)).lots[0]
    alpha = next(r for r in lot.offers if r.offer.row == 3)
    assert (alpha.offer.marks["quality"], alpha.points["quality"]) == (5, 60)
    assert not [w for w in alpha.warnings if w.code == "marks-carried-over"]
    # its round 1, kept in the history, was marked on round 1's marks: 42 + price
    # 40 × 3000/4000 = 30 → 72
    assert [(step.round, step.total) for step in alpha.history] == [(1, 72)]


def test_marks_of_no_variant_or_no_round_are_named_at_their_cell(make_config, tmp_path):
    lots, _ = make_config()
    marks = [
        *MARKED,
        ["Beta", 1, "quality", "Anne", 4, None, "Visio", None],  # Beta has no variant: row 8
        ["Beta", 1, "quality", "Anne", 4, None, None, 3],  # nor a round 3: row 9
        ["Alpha", 1, "quality", "Anne", 4, None, "Visio", 2],  # Visio has no round 2: row 10
        ["Alpha", 1, "quality", "Anne", 4, None, None, "deux"],  # not a round: row 11
    ]
    report = api.validate(lots, criteria(tmp_path), workbook(tmp_path, marks))
    found = [(p.code, dict(p.params).get("form"), p.sheet, p.cell) for p in report.errors]
    assert found == [  # in the order of the rows
        ("no-such-offer", "variant", "Notes", "E8"),
        ("no-such-offer", "round", "Notes", "E9"),
        ("no-such-offer", "variant-round", "Notes", "E10"),
        ("bad-round", None, "Notes", "H11"),
    ]
    with i18n.language("en"):
        texts = [message(p.code, p.params) for p in report.errors[:3]]
    assert texts == [
        "no variant Visio of 'Beta' on lot 1 in the offers sheet; check the name, the lot and "
        "the variant's label",
        "no offer of 'Beta' on lot 1 in round 3 in the offers sheet; check the name, the lot and "
        "the round",
        "no variant Visio of 'Alpha' on lot 1 in round 2 in the offers sheet; check the name, "
        "the lot, the variant's label and the round",
    ]


def test_a_marks_sheet_without_the_two_columns_marks_every_round_and_says_so(make_config, tmp_path):
    # no Variante/Tour columns in the marks sheet: every row marks round 1's base offer; the
    # variant has no marks of its own (missing), Alpha's round 2 keeps round 1's
    lots, _ = make_config()
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "offers"
    for row in [OFFERS, *ROWS]:
        sheet.append(row)
    notes = book.create_sheet("Notes")
    for row in [MARKS[:6], *(r[:6] for r in MARKED if r[6] is None)]:
        notes.append(row)
    path = tmp_path / "offers.xlsx"
    book.save(path)
    lot = api.score(lots, criteria(tmp_path), path).lots[0]
    alpha = next(r for r in lot.offers if r.offer.row == 3)
    assert alpha.offer.marks["quality"] == Fraction(7, 2)
    assert [w.code for w in alpha.warnings if w.code == "marks-carried-over"] == [
        "marks-carried-over"
    ]
    visio = next(r for r in lot.offers if r.offer.row == 4)
    assert "quality" not in visio.offer.marks
