"""Finding a lot, the lots chosen and a candidate's offer in an evaluation: what exists is found
however it is typed, what does not is refused with what exists instead."""

from collections.abc import Callable
from pathlib import Path

import pytest

from referent_ess import api
from referent_ess.evaluation.lookup import (
    chosen_lots,
    lot_ids_or_error,
    lot_or_error,
    offer_or_error,
)
from referent_ess.evaluation.results import Evaluation
from referent_ess.problems.errors import ReferentError

# The small test consultation (lots 1 and 2, quality 60 + price 40, proportional). On lot 1,
# Alpha gets 4/5 × 60 + 40 = 88 and Beta 3/5 × 60 + 40 × 4000/4500 ≈ 71.56: Alpha ranks first.
ROWS = [
    ["Alpha", 1, 400, 10, None, "oui", 4],  # row 2
    ["Beta", 1, 450, 10, None, "oui", 3],  # row 3
    ["Gamma", 2, 450, 10, None, "oui", 3],  # row 4
]


@pytest.fixture
def consultation(
    make_config: Callable[..., tuple[Path, Path]], make_workbook: Callable[..., Path]
) -> tuple[Evaluation, Path]:
    lots, criteria = make_config()
    return api.score(lots, criteria, make_workbook(ROWS)), lots


def _refusal(call: Callable[[], object]) -> ReferentError:
    with pytest.raises(ReferentError) as caught:
        call()
    return caught.value


def test_a_lot_is_found_by_its_number(consultation: tuple[Evaluation, Path]) -> None:
    evaluation, _ = consultation
    assert lot_or_error(evaluation, 2).lot.title == "Lot two"
    assert [r.candidate for r in lot_or_error(evaluation, 1).offers] == ["Alpha", "Beta"]


def test_an_unknown_lot_is_refused_with_the_lots_there_are(
    consultation: tuple[Evaluation, Path],
) -> None:
    evaluation, lots = consultation
    error = _refusal(lambda: lot_or_error(evaluation, 9))
    assert error.code == "no-such-lot"
    assert error.lines == (f"{lots}: there is no lot 9 (lots: 1, 2) [no-such-lot]",)
    assert error.params == (("path", str(lots)), ("lot", "9"), ("known", "1, 2"))


def test_without_a_lot_a_command_works_on_every_lot(
    consultation: tuple[Evaluation, Path],
) -> None:
    evaluation, lots = consultation
    assert lot_ids_or_error(evaluation, None) == [1, 2]
    assert lot_ids_or_error(evaluation, 2) == [2]
    error = _refusal(lambda: lot_ids_or_error(evaluation, 0))
    assert error.lines == (f"{lots}: there is no lot 0 (lots: 1, 2) [no-such-lot]",)


def test_the_chosen_lots_keep_the_consultation_order(
    consultation: tuple[Evaluation, Path],
) -> None:
    evaluation, _ = consultation
    assert [lot.lot.id for lot in chosen_lots(evaluation, None)] == [1, 2]
    assert [lot.lot.id for lot in chosen_lots(evaluation, [2])] == [2]
    assert [lot.lot.id for lot in chosen_lots(evaluation, [2, 1])] == [1, 2]
    assert chosen_lots(evaluation, [7]) == []  # a filter, not a check: lot_or_error checks
    assert chosen_lots(evaluation, ()) == []


def test_a_name_is_found_however_it_is_typed(consultation: tuple[Evaluation, Path]) -> None:
    evaluation, _ = consultation
    lot = lot_or_error(evaluation, 1)
    assert offer_or_error(evaluation, lot, "  ALPHA ").offer.row == 2
    assert offer_or_error(evaluation, lot, "beta").candidate == "Beta"


def test_an_unknown_name_suggests_the_closest_and_lists_the_lot(
    consultation: tuple[Evaluation, Path],
) -> None:
    evaluation, _ = consultation
    book = evaluation.book.path
    error = _refusal(lambda: offer_or_error(evaluation, lot_or_error(evaluation, 1), "Betta"))
    assert error.lines == (
        f"{book}: lot 1 has no offer from 'Betta'; did you mean 'Beta'? (candidates of lot 1: "
        "Alpha, Beta) [unknown-candidate]",
    )
    assert ("close_part", "close.1") in error.params
    assert ("close1", "'Beta'") in error.params


def test_a_name_on_another_lot_is_pointed_at(consultation: tuple[Evaluation, Path]) -> None:
    evaluation, _ = consultation
    book = evaluation.book.path
    error = _refusal(lambda: offer_or_error(evaluation, lot_or_error(evaluation, 1), "gamma"))
    assert error.code == "unknown-candidate"
    assert error.lines == (
        f"{book}: lot 1 has no offer from 'gamma' (candidates of lot 1: Alpha, Beta); 'gamma' "
        "has an offer on lot 2 [unknown-candidate]",
    )
    assert error.params[-2:] == (("elsewhere_part", "elsewhere.some"), ("elsewhere", "2"))


def test_two_offers_of_one_candidate_on_a_lot_are_not_guessed(
    make_config: Callable[..., tuple[Path, Path]], make_workbook: Callable[..., Path]
) -> None:
    lots, criteria = make_config()
    rows = [["Alpha", 1, 400, 10, None, "oui", 4], ["alpha ", 1, 900, 10, None, "oui", 5]]
    evaluation = api.score(lots, criteria, make_workbook(rows))
    book = evaluation.book.path
    error = _refusal(lambda: offer_or_error(evaluation, lot_or_error(evaluation, 1), "ALPHA"))
    assert error.lines == (
        f"{book}: 'ALPHA' has 2 offers on lot 1 (rows 2, 3); a candidate may bid once per lot: "
        "correct the workbook (see `referent validate`) [ambiguous-candidate]",
    )
