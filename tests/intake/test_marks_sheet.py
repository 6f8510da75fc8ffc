"""Several evaluators: the marks sheet, exact mean and median, divergence, missing marks."""

from fractions import Fraction
from pathlib import Path

import openpyxl

from referent_ess import api
from referent_ess.evaluation.results import Status

F = Fraction
OFFERS = ["candidate", "lot", "day_rate_ht", "days", "vat_rate", "cv"]
MARKS = ["Candidat", "Lot", "Critère", "Évaluateur", "Note", "Commentaire"]


def workbook(tmp_path: Path, offers: list[list[object]], marks: list[list[object]],
             offers_header: list[str] = OFFERS) -> Path:  # fmt: skip
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "offers"
    sheet.append(offers_header)
    for row in offers:
        sheet.append(row)
    notes = book.create_sheet("Notes")
    notes.append(MARKS)
    for row in marks:
        notes.append(row)
    path = tmp_path / "offers.xlsx"
    book.save(path)
    return path


def criteria(tmp_path: Path, extra: str = "") -> Path:
    path = tmp_path / "criteria.yaml"
    path.write_text(
        "criteria:\n"
        "  - {id: quality, label: Qualité, weight: 60}\n"
        "  - {id: price, label: Prix, weight: 40, price: {formula: proportional}}\n" + extra,
        encoding="utf-8",
    )
    return path


def test_mean_and_median_of_three_evaluators(make_config, tmp_path: Path) -> None:
    lots, _ = make_config()
    offers = workbook(
        tmp_path,
        [["Alpha", 1, 400, 10, None, "oui"], ["Beta", 1, 400, 10, None, "oui"]],
        [
            ["Alpha", 1, "quality", "Anne", 3, "Solide"],
            ["Alpha", 1, "Qualité", "Bruno", 4, None],  # the label works too
            ["Alpha", 1, "quality", "Chloé", "4,5", None],
            ["Beta", 1, "quality", "Anne", 2, None],
            ["Beta", 1, "quality", "Bruno", 2, None],
            ["Beta", 1, "quality", "Chloé", 5, None],
        ],
    )
    mean = api.score(lots, criteria(tmp_path), offers).lots[0]
    by_name = {r.candidate: r for r in mean.ranked}
    # Alpha: (3 + 4 + 4.5) / 3 = 23/6; 60 × 23/6 / 5 = 46; Beta: 9/3 = 3 → 36
    assert by_name["Alpha"].offer.marks["quality"] == F(23, 6)
    assert by_name["Alpha"].points["quality"] == 46
    assert by_name["Beta"].points["quality"] == 36
    assert dict(by_name["Alpha"].offer.evaluator_marks["quality"]) == {
        "Anne": 3, "Bruno": 4, "Chloé": F(9, 2),
    }  # fmt: skip
    assert by_name["Alpha"].offer.comments["quality"] == "Anne : Solide"
    median = api.score(lots, criteria(tmp_path, "marks_aggregate: median\n"), offers).lots[0]
    by_name = {r.candidate: r for r in median.ranked}
    # Alpha: median(3, 4, 4.5) = 4 → 48; Beta: median(2, 2, 5) = 2 → 24
    assert (by_name["Alpha"].points["quality"], by_name["Beta"].points["quality"]) == (48, 24)


def test_median_of_an_even_number_of_marks_is_the_mean_of_the_middle_two(make_config, tmp_path):
    lots, _ = make_config()
    offers = workbook(
        tmp_path,
        [["Alpha", 1, 400, 10, None, "oui"]],
        [
            ["Alpha", 1, "quality", who, mark, None]
            for who, mark in zip("ABCD", [1, 2, 4, 5], strict=True)
        ],
    )
    result = api.score(lots, criteria(tmp_path, "marks_aggregate: median\n"), offers)
    assert result.lots[0].ranked[0].offer.marks["quality"] == 3  # (2 + 4) / 2


def test_divergence_is_flagged_above_the_threshold_only(make_config, tmp_path: Path) -> None:
    lots, _ = make_config()
    # default threshold: 40 % of the scale 5 = 2 points
    offers = workbook(
        tmp_path,
        [["Alpha", 1, 400, 10, None, "oui"], ["Beta", 1, 400, 10, None, "oui"]],
        [
            ["Alpha", 1, "quality", "Anne", 2, None],
            ["Alpha", 1, "quality", "Bruno", 4, None],  # spread 2: at the threshold, no flag
            ["Beta", 1, "quality", "Anne", 2, None],
            ["Beta", 1, "quality", "Bruno", "4,5", None],  # spread 2.5 > 2: flagged
        ],
    )
    lot = api.score(lots, criteria(tmp_path), offers).lots[0]
    flags = {
        r.candidate: [w for w in r.offer.problems if w.code == "marks-divergence"]
        for r in lot.ranked
    }
    assert flags["Alpha"] == []
    (flag,) = flags["Beta"]
    assert flag.message == (
        "the evaluators' marks on Qualité spread by 2.5 (more than 2.0): Anne 2, Bruno 4.5; the "
        "jury should discuss them before signing"
    )
    assert (flag.sheet, flag.cell) == ("Notes", "E4")


def test_a_missing_evaluator_mark_names_everything(make_config, tmp_path: Path) -> None:
    lots, _ = make_config()
    offers = workbook(
        tmp_path,
        [["Alpha", 1, 400, 10, None, "oui"], ["Beta", 1, 500, 10, None, "oui"]],
        [
            ["Alpha", 1, "quality", "Anne", 3, None],
            ["Alpha", 1, "quality", "Bruno", 4, None],
            ["Beta", 1, "quality", "Anne", 3, None],  # Bruno did not mark Beta
        ],
    )
    lot = api.score(lots, criteria(tmp_path), offers).lots[0]
    beta = next(r for r in lot.offers if r.candidate == "Beta")
    assert beta.status is Status.INVALID
    assert [(r.code, r.field, r.message) for r in beta.reasons] == [
        (
            "missing-evaluator-mark",
            "quality",
            "no mark from Bruno for Qualité: every evaluator must mark 'Beta' on lot 1 (marks "
            "sheet)",
        )
    ]
    assert lot.provisional


def test_a_mark_in_both_sheets_is_an_error_naming_both_cells(make_config, tmp_path: Path) -> None:
    lots, _ = make_config()
    offers = workbook(
        tmp_path,
        [["Alpha", 1, 400, 10, None, "oui", 4]],
        [["Alpha", 1, "quality", "Anne", 3, None]],
        offers_header=[*OFFERS, "quality"],
    )
    report = api.validate(lots, criteria(tmp_path), offers)
    twice = [p for p in report.errors if p.code == "mark-given-twice"]
    assert [(p.sheet, p.cell) for p in twice] == [("offers", "G2")]
    assert "(Notes!E2)" in twice[0].message
    assert [p.code for p in report.warnings] == ["marks-column-ignored"]


def test_marks_for_an_offer_that_does_not_exist_are_reported(make_config, tmp_path: Path) -> None:
    lots, _ = make_config()
    offers = workbook(
        tmp_path,
        [["Alpha", 1, 400, 10, None, "oui"]],
        [["Alpha", 1, "quality", "Anne", 3, None], ["Gamma", 1, "quality", "Anne", 3, None]],
    )
    report = api.validate(lots, criteria(tmp_path), offers)
    assert [(p.code, p.sheet, p.cell) for p in report.errors] == [("no-such-offer", "Notes", "E3")]
