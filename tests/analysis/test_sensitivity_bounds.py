"""Random weightings never crash: any spread from 0 to 100 points gives a count of wins for every
draw, and a spread or a number of draws out of range is refused with a sentence, not a
ZeroDivisionError or a ValueError from deep inside ``random`` (issue: hostile inputs)."""

from pathlib import Path

import pytest

from referent_ess import api
from referent_ess.analysis.sensitivity import MAX_SPREAD, analyse

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def example():
    return api.score(
        ROOT / "lots.yaml", ROOT / "criteria.yaml", ROOT / "examples" / "offers-2018.xlsx"
    )


@pytest.mark.parametrize("spread", [0, 50, 61, 99, MAX_SPREAD])
def test_every_draw_is_counted_whatever_the_spread(example, spread: int) -> None:
    # above 30 points, every weight of a draw can fall to 0 (the weights of the example are 30,
    # 30, 20 and 20; at 50 points, about 7 draws in 2000 do): such a draw used to divide by zero
    wins = analyse(example, 3, samples=2000, spread=spread, seed=1).wins
    assert sum(wins.values()) >= 2000  # each draw has at least one winner (ties count twice)


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"spread": -1}, "spread must be between 0 and 100 points, not -1"),
        ({"spread": 101}, "spread must be between 0 and 100 points, not 101"),
        ({"samples": -5}, "samples must be 0 or more, not -5"),
    ],
)
def test_out_of_range_options_are_refused_in_words(example, options, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        analyse(example, 3, **options)
