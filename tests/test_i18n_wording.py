"""Wording found unclear by a newcomer: each French (and English) line as printed, written by
hand.

Figures come from the bundled example (``lots.yaml``, ``criteria.yaml``, the offers workbook it
names) or from small workbooks built in ``tmp_path``. French money: narrow no-break space (U+202F)
between thousands, no-break space (U+00A0) before €.
"""

from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from referent_ess.cli import app

ROOT = Path(__file__).resolve().parents[1]
CONFIG = ["--lots", str(ROOT / "lots.yaml"), "--criteria", str(ROOT / "criteria.yaml")]
NNBSP, NBSP = "\u202f", "\u00a0"


@pytest.fixture(autouse=True)
def _wide(monkeypatch: pytest.MonkeyPatch) -> None:
    """Long sentences on one line each, so that they are compared whole."""
    monkeypatch.setenv("COLUMNS", "1000")


def run(runner: CliRunner, *args: str) -> Result:
    result = runner.invoke(app, [*args, *CONFIG])
    assert result.exit_code == 0, result.output
    return result


# ---- explain: a reason is named by its status's label, not by its code ----------------------


def test_explain_names_a_late_offers_reason_in_french(runner: CliRunner) -> None:
    out = run(runner, "--lang", "fr", "explain", "--lot", "1", "Parenthèse Familles Conseil")
    assert out.stdout.rstrip().splitlines()[-1] == (
        "10. Motif hors délai : reçue le 26/03/2018, après la date limite du 23/03/2018 (G15) — "
        "offre hors délai, éliminée : art. R2143-2 et R2151-5 du Code de la commande publique."
    )


def test_explain_names_an_incomplete_offers_reason_in_french(runner: CliRunner) -> None:
    out = run(runner, "--lang", "fr", "explain", "--lot", "4", "Second Souffle Conseil")
    assert out.stdout.rstrip().splitlines()[-1] == (
        "10. Motif irrégulière : pièce(s) exigée(s) manquante(s) : presentation_cv (J5) — offre "
        "irrégulière : art. L2152-2 du Code de la commande publique (l'acheteur peut en "
        "autoriser la régularisation : art. R2152-2)."
    )


def test_explain_keeps_the_reason_codes_in_english(runner: CliRunner) -> None:
    out = run(runner, "--lang", "en", "explain", "--lot", "1", "Parenthèse Familles Conseil")
    assert out.stdout.rstrip().splitlines()[-1] == (
        "10. Reason late: received 2018-03-26, after the deadline 2018-03-23 (G15) — offre hors "
        "délai, éliminée : art. R2143-2 et R2151-5 du Code de la commande publique."
    )
