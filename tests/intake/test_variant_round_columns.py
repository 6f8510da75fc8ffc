"""The columns ``variante`` and ``tour`` of the offers sheet (intake/rows.py, sheet_notes.py):
their headers, a round that is not a whole number from 1, the same offer twice in one round
(both cells named), rounds that skip a number.

The test consultation (conftest.py) has lots 1 and 2, one required document ``cv`` and one
marked criterion ``quality``. Columns: A candidate … G quality, H Variante, I Tour. Every
expected cell and message is typed by hand."""

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from referent_ess import i18n
from referent_ess.config.loader import load_config
from referent_ess.config.model import Config
from referent_ess.intake.offer import OfferBook
from referent_ess.intake.offers import load_offers
from referent_ess.problems.problem import Problem

HEADER = ["candidate", "lot", "day_rate_ht", "days", "vat_rate", "cv", "quality"]
ROUNDS = [*HEADER, "Variante", "Tour"]  # H and I


@pytest.fixture
def config(make_config: Callable[..., tuple[Path, Path]]) -> Config:
    return load_config(*make_config())


def read(
    make_workbook: Callable[..., Path], config: Config, rows: list[list[Any]], header: Any = ROUNDS
) -> OfferBook:
    return load_offers(make_workbook(rows, header), config)


def located(book: OfferBook, code: str) -> list[tuple[str | None, str]]:
    return [(p.cell, i18n.message(p.code, p.params, lang="en")) for p in _of(book, code)]


def _of(book: OfferBook, code: str) -> list[Problem]:
    return [p for p in book.problems if p.code == code]


@pytest.mark.parametrize(
    ("variant_header", "round_header"),
    [
        ("Variante", "Tour"),
        ("libellé de la variante", "tour de négociation"),
        ("variant", "round"),
    ],
)
def test_the_headers_of_variant_and_round_are_recognised(
    make_workbook: Callable[..., Path], config: Config, variant_header: str, round_header: str
) -> None:
    rows = [["Alpha", 1, 450, 10, 0.2, "oui", 4, "Visio", 2]]
    book = read(make_workbook, config, rows, [*HEADER, variant_header, round_header])
    (offer,) = book.offers
    assert (offer.variant, offer.round) == ("Visio", 2)
    assert [p.code for p in book.problems] == ["round-gap"]  # round 1 is missing


def test_an_empty_variant_is_the_base_offer_and_an_empty_round_is_round_1(
    make_workbook: Callable[..., Path], config: Config
) -> None:
    book = read(make_workbook, config, [["Alpha", 1, 450, 10, 0.2, "oui", 4, None, None]])
    (offer,) = book.offers
    assert (offer.variant, offer.round) == (None, 1)


@pytest.mark.parametrize("value", ["deux", 0, 1.5, -1])
def test_a_round_that_is_not_a_whole_number_from_1_is_an_error_at_its_cell(
    make_workbook: Callable[..., Path], config: Config, value: object
) -> None:
    book = read(make_workbook, config, [["Alpha", 1, 450, 10, 0.2, "oui", 4, None, value]])
    ((cell, message),) = located(book, "bad-round")
    assert cell == "I2"
    assert message.endswith("expected a negotiation round: a whole number from 1")


def test_a_round_given_twice_for_one_offer_is_an_error_naming_both_cells(
    make_workbook: Callable[..., Path], config: Config
) -> None:
    rows = [
        ["Alpha", 1, 450, 10, 0.2, "oui", 4, None, 1],
        ["Alpha", 1, 400, 10, 0.2, "oui", 4, None, 2],
        ["alpha ", 1, 390, 10, 0.2, "oui", 4, None, 2],  # the same candidate, typed otherwise
    ]
    book = read(make_workbook, config, rows)
    assert located(book, "duplicate-offer") == [
        (
            "I3",
            "'Alpha' has more than one offer in round 2 on lot 1 (also I4); keep one row per "
            "candidate, lot and round",
        ),
        (
            "I4",
            "'alpha' has more than one offer in round 2 on lot 1 (also I3); keep one row per "
            "candidate, lot and round",
        ),
    ]


def test_two_variants_of_one_label_are_duplicates_two_labels_are_not(
    make_workbook: Callable[..., Path], config: Config
) -> None:
    rows = [
        ["Alpha", 1, 450, 10, 0.2, "oui", 4, None],
        ["Alpha", 1, 400, 10, 0.2, "oui", 4, "Visio"],
        ["Alpha", 1, 380, 10, 0.2, "oui", 4, "VISIO"],
        ["Alpha", 1, 370, 10, 0.2, "oui", 4, "Eco"],
    ]
    book = read(make_workbook, config, rows, [*HEADER, "Variante"])
    assert located(book, "duplicate-offer") == [
        (
            "A3",
            "'Alpha' has more than one variant “Visio” on lot 1 (also A4); give each variant "
            "its own label",
        ),
        (
            "A4",
            "'Alpha' has more than one variant “VISIO” on lot 1 (also A3); give each variant "
            "its own label",
        ),
    ]


def test_a_variant_given_twice_in_one_round_names_the_round_cells(
    make_workbook: Callable[..., Path], config: Config
) -> None:
    rows = [
        ["Alpha", 1, 400, 10, 0.2, "oui", 4, "Visio", 1],
        ["Alpha", 1, 380, 10, 0.2, "oui", 4, "Visio", 1],
        ["Alpha", 1, 380, 10, 0.2, "oui", 4, "Visio", 2],
    ]
    book = read(make_workbook, config, rows)
    assert [cell for cell, _ in located(book, "duplicate-offer")] == ["I2", "I3"]
    with i18n.language("fr"):
        problem = _of(book, "duplicate-offer")[0]
        assert i18n.message(problem.code, problem.params) == (
            "'Alpha' a plusieurs variantes « Visio » au tour 1 sur le lot 1 (voir aussi I3) ; "
            "gardez une seule ligne par variante et par tour"
        )


def test_the_same_base_offer_twice_without_rounds_is_still_the_duplicate_of_before(
    make_workbook: Callable[..., Path], config: Config
) -> None:
    rows = [["Alpha", 1, 450, 10, 0.2, "oui", 4], ["Alpha", 1, 400, 10, 0.2, "oui", 4]]
    book = read(make_workbook, config, rows, HEADER)
    assert located(book, "duplicate-offer")[0] == (
        "A2",
        "'Alpha' has more than one offer on lot 1 (also A3); keep one row per candidate and lot",
    )


def test_rounds_that_skip_a_number_are_flagged_on_the_row_after_the_gap(
    make_workbook: Callable[..., Path], config: Config
) -> None:
    rows = [
        ["Alpha", 1, 450, 10, 0.2, "oui", 4, None, 1],
        ["Alpha", 1, 400, 10, 0.2, "oui", 4, None, 3],
        ["Beta", 1, 400, 10, 0.2, "oui", 4, None, 2],
        ["Alpha", 2, 400, 10, 0.2, "oui", 4, None, 1],  # another lot: its own rounds
        ["Alpha", 2, 390, 10, 0.2, "oui", 4, None, 2],
    ]
    book = read(make_workbook, config, rows)
    assert located(book, "round-gap") == [
        ("I3", "'Alpha' goes from round 1 to round 3 on lot 1: round 2 is missing"),
        ("I4", "the first offer of 'Beta' on lot 1 is in round 2: round 1 is missing"),
    ]
    assert all(not p.is_error for p in _of(book, "round-gap"))


RECEIVED = [*HEADER, "Variante", "Tour", "received_at"]  # J: the date of receipt


@pytest.mark.parametrize(
    ("first", "second", "shown"),
    [
        # round 2 received on 3 March, round 1 on 5 March: the dates or the numbers are wrong
        ("2027-03-05", "2027-03-03", ("03/03/2027", "05/03/2027")),
        # both with a time, the same day: by the minute
        ("2027-03-05 10:00", "2027-03-05 09:30", ("05/03/2027 à 09:30", "05/03/2027 à 10:00")),
    ],
)
def test_a_round_received_before_the_previous_one_is_an_error_at_its_date(
    make_workbook: Callable[..., Path],
    config: Config,
    first: str,
    second: str,
    shown: tuple[str, str],
) -> None:
    rows = [
        ["Alpha", 1, 450, 10, 0.2, "oui", 4, None, 1, first],
        ["Alpha", 1, 400, 10, 0.2, "oui", 4, None, 2, second],
    ]
    book = read(make_workbook, config, rows, RECEIVED)
    (problem,) = _of(book, "round-order")
    assert (problem.cell, problem.is_error) == ("J3", True)
    assert i18n.message(problem.code, problem.params, lang="fr") == (
        f"le tour 2 de 'Alpha' sur le lot 1 a été reçu le {shown[0]}, avant son tour 1 "
        f"({shown[1]}) : un tour ne peut pas précéder le précédent ; corrigez le numéro du tour "
        "ou la date"
    )


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("2027-03-03", "2027-03-05"),  # in order
        ("2027-03-05", "2027-03-05"),  # the same day
        ("2027-03-05 10:00", "2027-03-05"),  # a date without a time is the whole day
    ],
)
def test_rounds_in_date_order_or_not_comparable_are_not_flagged(
    make_workbook: Callable[..., Path], config: Config, first: str, second: str
) -> None:
    rows = [
        ["Alpha", 1, 450, 10, 0.2, "oui", 4, None, 1, first],
        ["Alpha", 1, 400, 10, 0.2, "oui", 4, None, 2, second],
        ["Beta", 1, 400, 10, 0.2, "oui", 4, None, 2, "2027-03-01"],  # round 2 alone: a gap only
    ]
    book = read(make_workbook, config, rows, RECEIVED)
    assert _of(book, "round-order") == []
