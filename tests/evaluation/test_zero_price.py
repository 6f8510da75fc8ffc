"""A day rate × days that rounds to 0.00 €: reported as a data error, never a crash.

0.01 × 0.1 = 0.001, which rounds half up to 0.00: the proportional formula would divide by
zero (Pmin / P with P = 0) and the gap formula by (k − 1) × Pmin = 0."""

import pytest
from typer.testing import CliRunner

from helpers import english
from referent_ess import api
from referent_ess.cli import app
from referent_ess.evaluation.results import Status

ROWS = [
    ["Tiny", 1, "0.01", "0.1", None, "oui", 4],  # 0.001 → 0.00
    ["Normal", 1, 700, 10, None, "oui", 4],
]


@pytest.mark.parametrize("formula", ["proportional", "linear", "gap"])
def test_an_offer_priced_zero_is_invalid_and_the_others_are_ranked(
    make_config, make_workbook, formula: str
) -> None:
    lots, criteria = make_config(formula=formula)
    evaluation = api.score(lots, criteria, make_workbook(ROWS))
    lot = evaluation.lots[0]
    tiny = next(r for r in lot.offers if r.candidate == "Tiny")
    assert tiny.status is Status.INVALID
    assert [(r.code, r.cell) for r in tiny.reasons] == [("zero-price", "C2")]
    assert tiny.reasons[0].message == (
        "the price HT 0.01 × 0.1 = 0.00 is zero once rounded to the cent; a price must be at "
        "least 0.01"
    )
    assert [r.candidate for r in lot.ranked] == ["Normal"]
    assert lot.provisional  # an invalid offer: no winner until it is corrected


@pytest.fixture
def files(make_config, make_workbook) -> list[str]:
    """The offers workbook of ROWS and the configuration, as command-line arguments."""
    lots, criteria = make_config()
    return [str(make_workbook(ROWS)), "--lots", str(lots), "--criteria", str(criteria)]


def test_score_exits_1_and_validate_lists_the_cell(runner: CliRunner, files: list[str]) -> None:
    scored = runner.invoke(app, ["score", *files, "--format", "json"])
    assert scored.exit_code == 1
    assert "Traceback" not in scored.output
    validated = runner.invoke(app, ["validate", *files])
    assert validated.exit_code == 1
    assert "offers!C2" in validated.stdout
    assert "is zero once rounded to the cent" in validated.stdout


def test_the_french_message_says_it_in_french(runner: CliRunner, files: list[str]) -> None:
    result = runner.invoke(app, ["--lang", "fr", "score", *files])
    assert result.exit_code == 1
    assert (
        "le prix HT 0,01 × 0,1 = 0,00 € vaut zéro une fois arrondi au centime ; un prix doit "
        "être d'au moins 0,01 €"
    ) in result.stdout.replace("\u202f", " ").replace("\u00a0", " ")


def test_the_english_catalogue_words_the_reason(make_config, make_workbook) -> None:
    lots, criteria = make_config()
    evaluation = api.score(lots, criteria, make_workbook(ROWS))
    reason = next(r for r in evaluation.lots[0].offers if r.candidate == "Tiny").reasons[0]
    assert english(reason) == (
        "the price HT 0.01 × 0.1 = 0.00 is zero once rounded to the cent; a price must be at "
        "least 0.01"
    )
