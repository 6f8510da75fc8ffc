"""Award notes (why a lot has no award, or goes to an offer that is not first), in both
languages: the English template gives back the core's note; French tables say it in French."""

from pathlib import Path

import pytest
from typer.testing import CliRunner

from referent_ess import api
from referent_ess.cli import app
from referent_ess.i18n import CATALOGUES, language
from referent_ess.render import phrases

LIMIT = "  required_documents: [cv]\n  max_lots_per_candidate: 1\n"


@pytest.fixture
def limited(make_config, make_workbook) -> list[str]:
    """Star first on both lots; with one lot per candidate, lot 2 goes to Other (rank 2)."""
    lots, criteria = make_config()
    text = lots.read_text(encoding="utf-8").replace("  required_documents: [cv]\n", LIMIT)
    lots.write_text(text, encoding="utf-8")
    offers = make_workbook(
        [
            ["Star", 1, 400, 10, None, "oui", 5],
            ["Second", 1, 450, 10, None, "oui", 4],
            ["Star", 2, 400, 10, None, "oui", 5],
            ["Other", 2, 450, 10, None, "oui", 3],
        ]
    )
    return [str(offers), "--lots", str(lots), "--criteria", str(criteria)]


def test_an_award_passed_to_rank_2_is_explained_in_french(
    runner: CliRunner, limited: list[str]
) -> None:
    english = runner.invoke(app, ["--lang", "en", "rank", "--lot", "2", *limited])
    french = runner.invoke(app, ["--lang", "fr", "rank", "--lot", "2", *limited])
    assert "awarded to the rank-2 offer (max_lots_per_candidate)" in english.stdout
    assert "attribué à l'offre de rang 2 (max_lots_per_candidate)" in french.stdout
    assert "awarded to the rank-2" not in french.stdout


def test_a_tie_at_rank_1_is_explained_in_french(
    runner: CliRunner, make_config, make_workbook
) -> None:
    lots, criteria = make_config()
    offers = make_workbook(
        [["Same A", 1, 400, 10, None, "oui", 4], ["Same B", 1, 400, 10, None, "oui", 4]]
    )
    files = [str(offers), "--lots", str(lots), "--criteria", str(criteria)]
    evaluation = api.score(lots, criteria, offers)
    assert evaluation.lots[0].award_note == "2 offers share rank 1: the buyer decides"
    with language("fr"):
        assert phrases.award_note(evaluation.lots[0]) == (
            "2 offres se partagent le rang 1 : l'acheteur tranche"
        )
    french = runner.invoke(app, ["--lang", "fr", "explain", "--lot", "1", "Same A", *files])
    assert "2 offres se partagent le rang 1 : l'acheteur tranche" in french.stdout


@pytest.mark.parametrize(
    ("rows", "note"),
    [
        ([], "no admissible offer"),
        ([["Late", 1, "x", 10, None, "oui", 4]], "provisional ranking: no award yet"),
    ],
)
def test_every_award_note_has_its_templates(
    make_config, make_workbook, rows: list[list[object]], note: str
) -> None:
    lots, criteria = make_config()
    offers = make_workbook([*rows, ["Alone", 2, 400, 10, None, "oui", 4]])
    lot = api.score(lots, criteria, offers).lots[0]
    assert lot.award_note == note
    given = dict(lot.award_params)
    key = f"msg:award-note.{given.pop('form')}"
    assert CATALOGUES["en"][key].format(**given) == note
    assert key in CATALOGUES["fr"]


def test_the_english_templates_are_the_core_notes(limited: list[str]) -> None:
    offers, _, lots, _, criteria = limited
    lot2 = api.score(Path(lots), Path(criteria), Path(offers)).lots[1]
    given = dict(lot2.award_params)
    assert given.pop("form") == "passed-over"
    assert CATALOGUES["en"]["msg:award-note.passed-over"].format(**given) == lot2.award_note
