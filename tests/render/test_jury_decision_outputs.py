"""Every output shows an offer the jury declared irrégulière, inacceptable or inappropriée: its
status, its legal basis and the jury's own reason, in both languages where the output has two.

The test consultation (conftest.py): lot 1 capped at 10000 HT, lot 2 at 5000 HT / 6000 TTC;
quality 60 points (marks 0-5), price 40 points proportional on HT. The sheet, by hand:

- lot 1: Alpha 450 × 10 = 4500.00 HT, mark 4 (48 points); Beta 4000.00, mark 3 (36); Gamma
  3000.00, declared inappropriée (H4). Pmin = 4000.00: Alpha 48 + 40 × 4000/4500 = 752/9 =
  83.56, first; Beta 36 + 40 = 76.00;
- lot 2: Delta declared irrégulière (H5), Epsilon 4000.00 HT, mark 4: 48 + 40 = 88.00, first;
  Zeta declared inacceptable (H7).
"""

import csv
import io
import json
from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from typer.testing import CliRunner

from referent_ess import api
from referent_ess.cli import app
from referent_ess.evaluation.results import Evaluation, Ground, Status
from referent_ess.render.html.report import build_report_html
from referent_ess.render.letters.letters import build_letters
from referent_ess.render.ocds import build_ocds_release
from referent_ess.render.phrases import legal_basis_of
from referent_ess.render.run_info import run_info
from referent_ess.render.xlsx.report import build_report_xlsx

pytestmark = pytest.mark.usefixtures("wide_terminal")  # long lines kept whole

HEADER = ["candidate", "lot", "day_rate_ht", "days", "vat_rate", "cv", "quality"]
JURY = [*HEADER, "Décision du jury", "Motif de la décision"]  # H and I
GAMMA_WHY = "Le mémoire technique décrit une prestation de nettoyage, sans rapport avec le besoin."
DELTA_WHY = "Le planning ne respecte pas le délai fixé par le CCTP."
ZETA_WHY = "Le prix dépasse les crédits alloués au lot, fixés à 3 000 euros HT."
ROWS = [
    ["Alpha", 1, 450, 10, 0.2, "oui", 4, None, None],  # row 2
    ["Beta", 1, 400, 10, 0.2, "oui", 3, None, None],  # row 3
    ["Gamma", 1, 300, 10, 0.2, "oui", 2, "Offre inappropriée", GAMMA_WHY],  # row 4
    ["Delta", 2, 300, 10, 0.2, "oui", 4, "irreguliere", DELTA_WHY],  # row 5
    ["Epsilon", 2, 400, 10, 0.2, "oui", 4, None, None],  # row 6
    ["Zeta", 2, 350, 10, 0.2, "oui", 4, "INACCEPTABLE", ZETA_WHY],  # row 7
]

FR_INAPPROPRIATE = (
    "offre inappropriée : art. L2152-4 du Code de la commande publique (éliminée dans toutes les "
    "procédures : art. R2152-1)"
)
FR_IRREGULAR = (
    "offre irrégulière : art. L2152-2 du Code de la commande publique (l'acheteur peut en "
    "autoriser la régularisation : art. R2152-2)"
)
FR_UNACCEPTABLE = "offre inacceptable : art. L2152-3 du Code de la commande publique"
EN_INAPPROPRIATE = (
    "inappropriate offer: art. L2152-4 of the Code de la commande publique (eliminated in every "
    "procedure: art. R2152-1)"
)
EN_IRREGULAR = (
    "irregular offer: art. L2152-2 of the Code de la commande publique (the buyer may allow it to "
    "be regularised: art. R2152-2)"
)
EN_UNACCEPTABLE = "unacceptable offer: art. L2152-3 of the Code de la commande publique"
RUN_AT = datetime(2026, 11, 28, 10, 0, tzinfo=UTC)


@pytest.fixture
def files(
    make_config: Callable[..., tuple[Path, Path]], make_workbook: Callable[..., Path]
) -> list[str]:
    lots, criteria = make_config()
    return [str(make_workbook(ROWS, JURY)), "--lots", str(lots), "--criteria", str(criteria)]


@pytest.fixture
def evaluation(files: list[str]) -> Evaluation:
    return api.score(files[2], files[4], files[0])


def run(runner: CliRunner, *args: str, code: int = 0) -> str:
    result = runner.invoke(app, list(args))
    assert result.exit_code == code, result.output
    assert "Traceback" not in result.output
    return result.stdout


# ---- the legal bases, from the catalogues -----------------------------------------------------


def test_the_legal_bases_in_both_languages() -> None:
    assert legal_basis_of(Ground.INAPPROPRIATE, lang="fr") == FR_INAPPROPRIATE
    assert legal_basis_of(Ground.IRREGULAR, lang="fr") == FR_IRREGULAR
    assert legal_basis_of(Ground.UNACCEPTABLE, lang="fr") == FR_UNACCEPTABLE
    assert legal_basis_of(Ground.LATE, lang="fr") == (
        "offre hors délai, éliminée : art. R2143-2 et R2151-5 du Code de la commande publique"
    )
    assert legal_basis_of(Ground.INAPPROPRIATE, lang="en") == EN_INAPPROPRIATE
    assert legal_basis_of(Ground.IRREGULAR, lang="en") == EN_IRREGULAR
    assert legal_basis_of(Ground.UNACCEPTABLE, lang="en") == EN_UNACCEPTABLE
    # a letter states the ground without the note meant for the buyer
    assert legal_basis_of(Ground.IRREGULAR, note=False, lang="fr") == (
        "offre irrégulière : art. L2152-2 du Code de la commande publique"
    )
    assert legal_basis_of(None) is None


# ---- terminal, Markdown, JSON, CSV, explain -------------------------------------------------


def test_the_score_table_shows_status_reason_and_legal_basis(
    runner: CliRunner, files: list[str]
) -> None:
    english = run(runner, "--lang", "en", "score", *files).splitlines()
    (gamma,) = [line for line in english if line.startswith("Gamma")]
    assert gamma.split()[:3] == ["Gamma", "4", "inappropriate"]
    assert gamma.endswith(
        f"declared inappropriate by the jury: {GAMMA_WHY} (H4) — {EN_INAPPROPRIATE}"
    )
    (zeta,) = [line for line in english if line.startswith("Zeta")]
    assert zeta.split()[:3] == ["Zeta", "7", "unacceptable"]
    assert zeta.endswith(f"declared unacceptable by the jury: {ZETA_WHY} (H7) — {EN_UNACCEPTABLE}")
    french = run(runner, "--lang", "fr", "score", *files).splitlines()
    (gamma,) = [line for line in french if line.startswith("Gamma")]
    assert gamma.split()[:3] == ["Gamma", "4", "inappropriée"]
    assert gamma.endswith(
        f"déclarée inappropriée par le jury : {GAMMA_WHY} (H4) — {FR_INAPPROPRIATE}"
    )
    (delta,) = [line for line in french if line.startswith("Delta")]
    assert delta.split()[:3] == ["Delta", "5", "irrégulière"]
    assert delta.endswith(f"déclarée irrégulière par le jury : {DELTA_WHY} (H5) — {FR_IRREGULAR}")
    # ranked without Gamma: Alpha 752/9 = 83.56 first, Beta 76.00
    (alpha,) = [line for line in french if "Alpha" in line]
    assert alpha.split()[-1] == "83,56"


def test_markdown_lists_the_offer_with_the_jurys_reason(
    runner: CliRunner, files: list[str]
) -> None:
    english = run(runner, "--lang", "en", "score", *files, "--format", "markdown").splitlines()
    assert (
        f"- Gamma (row 4): inappropriate — declared inappropriate by the jury: {GAMMA_WHY} (H4) "
        f"— {EN_INAPPROPRIATE}"
    ) in english
    french = run(runner, "--lang", "fr", "score", *files, "--format", "markdown").splitlines()
    assert (
        f"- Gamma (ligne 4) : inappropriée — déclarée inappropriée par le jury : {GAMMA_WHY} "
        f"(H4) — {FR_INAPPROPRIATE}"
    ) in french
    assert (
        f"- Zeta (ligne 7) : inacceptable — déclarée inacceptable par le jury : {ZETA_WHY} (H7) "
        f"— {FR_UNACCEPTABLE}"
    ) in french


def test_json_carries_the_status_the_decision_and_the_reason(
    runner: CliRunner, files: list[str]
) -> None:
    data = json.loads(run(runner, "--lang", "fr", "score", *files, "--format", "json"))
    offers = {o["candidate"]: o for lot in data["lots"] for o in lot["offers"]}
    gamma = offers["Gamma"]
    assert (gamma["status"], gamma["rank"], gamma["total"]) == ("inappropriate", None, None)
    assert gamma["jury_decision"] == {
        "decision": "inappropriate",
        "reason": GAMMA_WHY,
        "cell": "H4",
        "reason_cell": "I4",
    }
    assert gamma["reasons"] == [
        {
            "code": "jury-decision",
            "status": "inappropriate",
            "message": f"declared inappropriate by the jury: {GAMMA_WHY}",
            "cell": "H4",
            "legal_basis": FR_INAPPROPRIATE,  # the Code's words, whatever the language
        }
    ]
    assert offers["Delta"]["status"] == "irregular"
    assert offers["Delta"]["reasons"][0]["legal_basis"] == FR_IRREGULAR
    assert offers["Zeta"]["status"] == "unacceptable"
    assert offers["Zeta"]["jury_decision"]["decision"] == "unacceptable"
    assert offers["Alpha"]["jury_decision"] is None
    assert [o["candidate"] for o in data["lots"][0]["offers"] if o["rank"] is not None] == [
        "Alpha",
        "Beta",
    ]
    assert data["lots"][0]["lowest_price"] == "4000.00"  # Beta's, not Gamma's 3000.00


def test_csv_has_the_status_and_the_jurys_reason(runner: CliRunner, files: list[str]) -> None:
    rows = list(csv.DictReader(io.StringIO(run(runner, "score", *files, "--format", "csv"))))
    by_name = {r["candidate"]: r for r in rows}
    assert (by_name["Gamma"]["status"], by_name["Gamma"]["rank"]) == ("inappropriate", "")
    assert by_name["Gamma"]["reasons"] == (
        f"jury-decision: declared inappropriate by the jury: {GAMMA_WHY}"
    )
    assert by_name["Delta"]["status"] == "irregular"
    assert by_name["Zeta"]["status"] == "unacceptable"


def test_explain_gives_the_status_and_the_jurys_reason_in_both_languages(
    runner: CliRunner, files: list[str]
) -> None:
    args = ["explain", "--lot", "1", "Gamma", files[0], *files[1:]]
    english = run(runner, "--lang", "en", *args).rstrip().splitlines()
    assert english[-1] == (
        f"8. Reason inappropriate: declared inappropriate by the jury: {GAMMA_WHY} (H4) — "
        f"{EN_INAPPROPRIATE}."
    )
    assert english[-2].startswith("7. Status inappropriate: not ranked")
    assert english[-2].endswith(
        "in the order invalid, late, incomplete, irregular, over the cap, unacceptable, "
        "inappropriate)."
    )
    french = run(runner, "--lang", "fr", *args).rstrip().splitlines()
    assert french[-1] == (
        f"8. Motif inappropriée : déclarée inappropriée par le jury : {GAMMA_WHY} (H4) — "
        f"{FR_INAPPROPRIATE}."
    )
    # a label two statuses share is named once in the order
    assert french[-2].endswith(
        "dans l'ordre : à corriger, hors délai, irrégulière, inacceptable, inappropriée)."
    )
    data = json.loads(run(runner, *args, "--format", "json"))
    assert data["status"] == "inappropriate"
    assert data["steps"][-1]["figures"] == {
        "code": "jury-decision",
        "status": "inappropriate",
        "message": f"declared inappropriate by the jury: {GAMMA_WHY}",
        "cell": "H4",
        "field": "jury_decision",
        "legal_basis": FR_INAPPROPRIATE,
    }


# ---- the reports, the letters, the OCDS release --------------------------------------------


def test_the_html_report_gives_the_reason_and_the_legal_basis(evaluation: Evaluation) -> None:
    page = build_report_html(evaluation, run_info(evaluation, RUN_AT, ["referent", "report"]))
    assert (
        f'<li>motif du jury : {GAMMA_WHY} <span class="cell">(cellule H4)</span>'
        f'<span class="legal">{FR_INAPPROPRIATE}</span></li>'
    ) in page
    assert "<strong>inappropriée</strong>" in page
    # the method's table of statuses has the new one, with its legal basis
    assert (
        '<tr><th scope="row">inappropriée</th><td>offre déclarée inappropriée par le jury : sans '
        "rapport avec le marché, elle n'est manifestement pas en mesure de répondre au besoin et "
        "aux exigences de l'acheteur sans modification substantielle</td>"
        f"<td>{FR_INAPPROPRIATE}</td></tr>"
    ) in page


def test_the_xlsx_report_gives_the_reason_and_the_legal_basis(evaluation: Evaluation) -> None:
    data = build_report_xlsx(evaluation, run_info(evaluation, RUN_AT, ["referent", "report"]))
    book = openpyxl.load_workbook(io.BytesIO(data))
    texts = {
        ws.title: [v for row in ws.iter_rows(values_only=True) for v in row if isinstance(v, str)]
        for ws in book
    }
    lot_1 = texts["Lot 1"]
    assert "inappropriée" in lot_1
    assert f"• motif du jury : {GAMMA_WHY} (cellule H4)" in lot_1
    assert FR_INAPPROPRIATE in lot_1
    assert f"• motif du jury : {ZETA_WHY} (cellule H7)" in texts["Lot 2"]
    assert FR_UNACCEPTABLE in texts["Lot 2"]
    method = texts["Méthode"]
    position = method.index("inappropriée")
    assert method[position + 1].startswith("offre déclarée inappropriée par le jury")
    assert method[position + 2] == FR_INAPPROPRIATE


def test_the_rejection_letter_states_the_jurys_reason_and_the_legal_basis(
    evaluation: Evaluation,
) -> None:
    letters = build_letters(evaluation, 1, today=date(2026, 12, 1))
    gamma = letters["lot-1-gamma.md"]
    assert (
        "Votre offre est **inappropriée** — offre déclarée inappropriée par le jury : "
        "sans rapport avec le marché, elle n'est manifestement pas en mesure de répondre au besoin "
        "et aux exigences de l'acheteur sans modification substantielle."
    ) in gamma
    assert (
        f"- Motif retenu par le jury : {GAMMA_WHY} — offre inappropriée : art. L2152-4 du Code de "
        "la commande publique."
    ) in gamma
    assert "éliminée dans toutes les procédures" not in gamma  # the note is the buyer's
    assert (
        "Les offres inappropriées sont écartées (article L2152-1 du code de la commande "
        "publique) : votre offre n'a donc pas été classée."
    ) in gamma
    delta = build_letters(evaluation, 2, today=date(2026, 12, 1))["lot-2-delta.md"]
    assert (
        f"- Motif retenu par le jury : {DELTA_WHY} — offre irrégulière : art. L2152-2 du Code de "
        "la commande publique."
    ) in delta
    assert "régularisation" not in delta
    assert "Les offres irrégulières ou inacceptables sont écartées" in delta


def test_the_ocds_release_disqualifies_the_bid_with_the_jurys_reason(
    evaluation: Evaluation,
) -> None:
    release = build_ocds_release(evaluation, run_info(evaluation, RUN_AT, ["referent"]))
    bids = {b["referent:evaluation"]["row"]: b for b in release["bids"]["details"]}
    gamma = bids[4]
    assert gamma["status"] == "disqualified"  # bidStatus: did not meet the criteria
    assert gamma["hasRank"] is False
    evaluation_field: Any = gamma["referent:evaluation"]
    assert evaluation_field["status"] == "inappropriate"
    assert evaluation_field["juryDecision"] == {"decision": "inappropriate", "reason": GAMMA_WHY}
    assert evaluation_field["reasons"] == [
        {
            "code": "jury-decision",
            "status": "inappropriate",
            "message": f"declared inappropriate by the jury: {GAMMA_WHY}",
            "legalBasis": FR_INAPPROPRIATE,
        }
    ]
    assert (bids[5]["status"], bids[7]["status"]) == ("disqualified", "disqualified")
    assert "juryDecision" not in bids[2]["referent:evaluation"]  # Alpha: no decision
    assert {r.status for r in evaluation.offers if r.offer.jury_decision} == {
        Status.INAPPROPRIATE,
        Status.IRREGULAR,
        Status.UNACCEPTABLE,
    }
