"""Mark cells of a criterion marked on a descriptor scale: a word of the scale (any case, accents
or not, punctuation and surrounding spaces aside) or exactly one of its marks; anything else an
error at its cell listing the scale's words. The offers sheet and the marks sheet alike."""

from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from descriptor_consultation import write_consultation
from referent_ess import api
from referent_ess.base.values import BadValue
from referent_ess.config.model import DescriptorScale
from referent_ess.intake.mark_value import mark_parser

SCALE = DescriptorScale(
    "appreciation",
    (
        ("Très satisfaisant", Decimal(5)),
        ("Satisfaisant", Decimal(3)),
        ("Peu satisfaisant", Decimal(1)),
        ("Insuffisant", Decimal(0)),
    ),
)
LISTED = '"Très satisfaisant" (5), "Satisfaisant" (3), "Peu satisfaisant" (1), "Insuffisant" (0)'
LISTED_FR = (
    "« Très satisfaisant » (5), « Satisfaisant » (3), « Peu satisfaisant » (1), « Insuffisant » (0)"
)


def marks_of(tmp_path: Path, *typed: object) -> list[object]:
    """The methode marks read from offers whose methode cells hold ``typed``."""
    rows = [[f"C{i}", 1, 400, 20, 0.2, value, 3] for i, value in enumerate(typed)]
    lots, criteria, offers = write_consultation(tmp_path, rows)
    book = api.load(lots, criteria, offers)[1]
    return [offer.marks.get("methode") for offer in book.offers]


def problems_of(tmp_path: Path, *typed: object, lang: str = "en") -> list[str]:
    rows = [[f"C{i}", 1, 400, 20, 0.2, value, 3] for i, value in enumerate(typed)]
    lots, criteria, offers = write_consultation(tmp_path, rows)
    report = api.validate(lots, criteria, offers)
    colon = " : " if lang == "fr" else ": "
    return [p.line_in(lang, report.headings).replace(f"{offers}{colon}", "") for p in report.errors]


def test_the_words_and_their_variants_give_their_marks(tmp_path: Path) -> None:
    typed = [
        "Très satisfaisant",
        "tres satisfaisant",
        "TRÈS SATISFAISANT.",
        "  Très-Satisfaisant ! ",
        "« satisfaisant »",
        "Peu satisfaisant…",
        "insuffisant",
    ]
    assert marks_of(tmp_path, *typed) == [5, 5, 5, 5, 3, 1, 0]


def test_a_number_is_accepted_when_it_is_exactly_a_mark_of_the_scale(tmp_path: Path) -> None:
    # a number cell, a text, a decimal comma, a float: each exactly one of 5, 3, 1, 0
    assert marks_of(tmp_path, 3, "5", "1,0", 0.0) == [3, 5, 1, 0]
    # the scale's own mark, so that 3.0 is shown as 3
    assert [str(m) for m in marks_of(tmp_path, "3,0", 5.0)] == ["3", "5"]


def test_an_unknown_word_is_an_error_at_its_cell_listing_the_words(tmp_path: Path) -> None:
    assert problems_of(tmp_path, "Satisfaisante", "bien") == [
        f"offers!F2: methode: found 'Satisfaisante', expected one of the words of this "
        f"criterion's scale: {LISTED} (or its mark) [unknown-mark-word]",
        f"offers!F3: methode: found 'bien', expected one of the words of this "
        f"criterion's scale: {LISTED} (or its mark) [unknown-mark-word]",
    ]


def test_a_number_that_is_no_mark_of_the_scale_is_an_error(tmp_path: Path) -> None:
    assert problems_of(tmp_path, 4, "2,5", lang="fr") == [
        f"offers!F2 : methode : la note 4 n'est aucune des notes de l'échelle de ce "
        f"critère : {LISTED_FR} ; saisissez l'une de ces appréciations ou sa note "
        "[unknown-mark-word]",
        f"offers!F3 : methode : la note 2,5 n'est aucune des notes de l'échelle de "
        f"ce critère : {LISTED_FR} ; saisissez l'une de ces appréciations ou sa note "
        "[unknown-mark-word]",
    ]
    assert problems_of(tmp_path, "Satisfaisante", lang="fr") == [
        f"offers!F2 : methode : 'Satisfaisante' n'est pas une appréciation de "
        f"l'échelle de ce critère : {LISTED_FR} (ou sa note) [unknown-mark-word]"
    ]


def test_a_boolean_is_refused_as_in_any_number_cell(tmp_path: Path) -> None:
    (line,) = problems_of(tmp_path, True)
    assert line == "offers!F2: methode: found the boolean True, expected a number [bad-number]"


def test_the_numeric_criterion_beside_it_keeps_its_numbers(tmp_path: Path) -> None:
    rows = [["Alpha", 1, 400, 20, 0.2, "Satisfaisant", "Satisfaisant"]]
    lots, criteria, offers = write_consultation(tmp_path, rows)
    report = api.validate(lots, criteria, offers)
    (line,) = [p.line_in("en", report.headings) for p in report.errors]
    assert line.endswith(
        "G2: moyens: 'Satisfaisant' is not a number; expected e.g. 3, 3.5 or 3,5 [bad-number]"
    )


def test_the_marks_sheet_reads_words_too(tmp_path: Path) -> None:
    rows = [["Alpha", 1, 500, 20, 0.2], ["Beta", 1, 400, 20, 0.2]]
    marks = [
        ["Alpha", 1, "methode", "Anne", "très satisfaisant"],
        ["Alpha", 1, "methode", "Bruno", "Satisfaisant."],
        ["Alpha", 1, "moyens", "Anne", 3],
        ["Alpha", 1, "moyens", "Bruno", 3],
        ["Beta", 1, "Méthodologie", "Anne", 1],  # a mark of the scale, by the criterion's label
        ["Beta", 1, "methode", "Bruno", "Moyen"],
        ["Beta", 1, "moyens", "Anne", 2],
        ["Beta", 1, "moyens", "Bruno", 2],
    ]
    header = ["candidate", "lot", "day_rate_ht", "days", "vat_rate"]
    lots, criteria, offers = write_consultation(tmp_path, rows, header=header, marks=marks)
    book = api.load(lots, criteria, offers)[1]
    alpha = book.offers[0]
    assert dict(alpha.evaluator_marks["methode"]) == {"Anne": 5, "Bruno": 3}
    assert alpha.marks["methode"] == 4  # (5 + 3) / 2
    errors = [p.line_in("en").replace(f"{offers}: ", "") for p in book.errors]
    assert errors == [
        f"notes!E7: found 'Moyen', expected one of the words of this criterion's "
        f"scale: {LISTED} (or its mark) [unknown-mark-word]"
    ]


WORDS = [word for word, _ in SCALE.words]


@st.composite
def spelled(draw: st.DrawFn) -> tuple[str, Decimal]:
    """A word of the scale as a person might type it, and its mark."""
    word, mark = draw(st.sampled_from(SCALE.words))
    cased = "".join(c.upper() if draw(st.booleans()) else c.lower() for c in word)
    plain = cased.replace("è", "e").replace("È", "E") if draw(st.booleans()) else cased
    before = draw(st.sampled_from(["", " ", "  ", "« ", '"']))
    after = draw(st.sampled_from(["", " ", ".", " !", "…", " »", '"']))
    return before + plain + after, mark


@settings(deadline=None, max_examples=200, derandomize=True)
@given(spelled())
def test_any_spelling_of_a_word_gives_its_mark(typed: tuple[str, Decimal]) -> None:
    text, mark = typed
    assert mark_parser(SCALE.maximum, SCALE)(text) == mark


@settings(deadline=None, max_examples=200, derandomize=True)
@given(st.text(min_size=1, max_size=12))
def test_any_other_text_is_refused_or_is_a_mark(text: str) -> None:
    parse = mark_parser(SCALE.maximum, SCALE)
    code: str | None = None
    try:
        mark = parse(text)
    except BadValue as bad:
        code = bad.code
    if code is None:
        assert mark in SCALE.marks
    else:
        assert code in ("unknown-mark-word", "bad-number")


@pytest.mark.parametrize("word", WORDS)
def test_every_word_of_the_scale_is_read(word: str) -> None:
    assert mark_parser(SCALE.maximum, SCALE)(word) == SCALE.mark_of(word)
