"""French and English output: the same numbers, translated words, French money."""

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from referent_ess.cli import app
from referent_ess.i18n import default_language, en, fr

ROOT = Path(__file__).resolve().parents[2]
CONFIG = ["--lots", str(ROOT / "lots.yaml"), "--criteria", str(ROOT / "criteria.yaml")]
NNBSP = "\u202f"
NBSP = "\u00a0"


def test_both_catalogues_have_the_same_keys() -> None:
    """Apart from the documents' texts (``doc.*``): the reports, letters and OCDS release are
    French whatever ``--lang`` says, so their keys exist in French only (test_fr_documents.py)."""
    assert set(en.MESSAGES) == {key for key in fr.MESSAGES if not key.startswith("doc.")}


@pytest.mark.parametrize(
    ("environ", "expected"),
    [
        ({"REFERENT_LANG": "fr"}, "fr"),
        ({"REFERENT_LANG": "en", "LANG": "fr_FR.UTF-8"}, "en"),
        ({"LANG": "fr_FR.UTF-8"}, "fr"),
        ({"LC_ALL": "fr_CA.UTF-8", "LANG": "en_US.UTF-8"}, "fr"),
        ({"LANG": "en_GB.UTF-8"}, "en"),
        ({}, "en"),
    ],
)
def test_the_default_language_comes_from_the_environment(environ, expected) -> None:
    assert default_language(environ) == expected


def test_json_never_changes_with_the_language(runner: CliRunner) -> None:
    english = runner.invoke(app, ["--lang", "en", "score", "--format", "json", *CONFIG])
    french = runner.invoke(app, ["--lang", "fr", "score", "--format", "json", *CONFIG])
    assert english.exit_code == french.exit_code == 0
    assert json.loads(english.stdout) == json.loads(french.stdout)


def test_the_same_ranking_in_french_and_in_english(runner: CliRunner) -> None:
    english = runner.invoke(app, ["--lang", "en", "rank", "--lot", "4", *CONFIG]).stdout
    french = runner.invoke(app, ["--lang", "fr", "rank", "--lot", "4", *CONFIG]).stdout
    # the winner's row: 540 × 22 = 11 880.00 HT, × 1.2 = 14 256.00 TTC, total 80.18
    assert "11880.00   14256.00" in english
    assert f"11{NNBSP}880,00{NBSP}€   14{NNBSP}256,00{NBSP}€" in french
    assert "80.18" in english
    assert "80,18" in french
    for word_en, word_fr in (
        ("Rank", "Rang"),
        ("Candidate", "Candidat"),
        ("Not ranked", "Offres non classées"),
        ("over_cap", "inacceptable"),
        ("incomplete", "irrégulière"),
    ):
        assert word_en in english
        assert word_fr in french
    assert (
        f"prix TTC de 15{NNBSP}600,00{NBSP}€, supérieur de 600,00{NBSP}€ au montant maximum TTC "
        f"du lot (15{NNBSP}000,00{NBSP}€)"
    ) in french


def test_referent_lang_selects_french(runner: CliRunner) -> None:
    result = runner.invoke(app, ["validate", *CONFIG], env={"REFERENT_LANG": "fr"})
    assert result.stdout.strip() == "valide : 0 erreur(s), 0 avertissement(s)"
