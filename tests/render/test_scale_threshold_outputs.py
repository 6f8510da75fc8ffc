"""Every output of the consultation with a descriptor scale and announced thresholds
(tests/descriptor_consultation.py, its figures worked out by hand there): where an output shows
a mark it shows its word (« Satisfaisant » (3/5)), JSON keeps the numeric mark and adds the
word, and every output names the threshold an eliminated offer misses, by label, with its points
and the threshold. Both languages where the output has two."""

import io
import json
from datetime import UTC, datetime
from pathlib import Path

import openpyxl
import pytest
from typer.testing import CliRunner

from descriptor_consultation import CRITERIA, arguments, write_consultation
from referent_ess import api, i18n
from referent_ess.cli import app
from referent_ess.evaluation.results import Evaluation, Ground
from referent_ess.render import run_info as runinfo
from referent_ess.render.html.report import build_report_html
from referent_ess.render.ocds import build_ocds_release
from referent_ess.render.phrases import legal_basis_of
from referent_ess.render.xlsx.report import build_report_xlsx

RUN_AT = datetime(2026, 11, 28, 10, 0, tzinfo=UTC)
NBSP = "\u00a0"
# the reasons of Gamma (technique 8 + 20 = 28 < 30; methode 8 × 1 = 8 < 16) and of Delta
TECHNIQUE_EN = (
    '28.00 points on "Valeur technique", below the eliminatory threshold of 30 points announced '
    "in the consultation rules"
)
METHODE_EN = (
    '8.00 points on "Méthodologie", below the eliminatory threshold of 16 points announced in '
    "the consultation rules"
)
TECHNIQUE_FR = (
    "28,00 points au critère « Valeur technique », sous le seuil éliminatoire de 30 points "
    "annoncé au règlement de la consultation"
)
GROUND = "offre éliminée : seuil éliminatoire annoncé au règlement de la consultation"
GROUND_EN = "offer eliminated: eliminatory threshold announced in the consultation rules"


@pytest.fixture
def files(tmp_path: Path) -> list[str]:
    write_consultation(tmp_path)
    return arguments(tmp_path)


@pytest.fixture
def evaluation(tmp_path: Path) -> Evaluation:
    return api.score(*write_consultation(tmp_path))


def output(runner: CliRunner, *args: str) -> str:
    result = runner.invoke(app, list(args))
    assert result.exit_code == 0, result.output
    return result.stdout


def squeezed(text: str) -> str:
    return " ".join(text.split())


def test_the_thresholds_ground_has_no_article() -> None:
    assert legal_basis_of(Ground.THRESHOLD, lang="fr") == GROUND
    assert legal_basis_of(Ground.THRESHOLD, lang="en") == GROUND_EN


def test_explain_gives_the_word_and_its_mark(runner: CliRunner, files: list[str]) -> None:
    text = squeezed(output(runner, "explain", "--lot", "1", "Beta", *files))
    # Beta typed « satisfaisant »: Satisfaisant, 3 of 5; 3 / 5 × 40 = 24
    assert (
        "“Méthodologie”, sub-criterion of “Valeur technique” (weight 40 %, at most 40 points): "
        "“Satisfaisant” (3/5) (cell F3), so 3 / 5 × 40 = 24.00." in text
    )
    # technique 24 + 6 = 30, its threshold exactly: reached
    assert (
        "Eliminatory threshold announced in the consultation rules for “Valeur technique”: 30 "
        "points; 30.00 ≥ 30: reached." in text
    )
    french = output(runner, "--lang", "fr", "explain", "--lot", "1", "Gamma", *files)
    assert (
        f"Critère « Méthodologie », sous-critère de « Valeur technique » (pondération 40{NBSP}%, "
        f"au plus 40 points) : «{NBSP}Peu satisfaisant{NBSP}» (1/5) (cellule F4), soit 1 / 5 × "
        "40 = 8,00 ; à titre indicatif, l'offre n'étant pas classée." in french
    )
    assert (
        f"Seuil éliminatoire annoncé au règlement de la consultation pour «{NBSP}Méthodologie"
        f"{NBSP}» : 16 points ; 8,00 < 16 : non atteint, l'offre est donc éliminée." in french
    )
    assert f"Motif sous le seuil éliminatoire : {TECHNIQUE_FR} — {GROUND}." in squeezed(french)


def test_explain_as_json_keeps_the_mark_and_adds_the_word(
    runner: CliRunner, files: list[str]
) -> None:
    data = json.loads(output(runner, "explain", "--lot", "1", "Alpha", "--format", "json", *files))
    steps = {(s["code"], s["figures"].get("criterion")): s["figures"] for s in data["steps"]}
    methode = steps[("mark-points", "methode")]
    assert (methode["mark"], methode["mark_word"], methode["points"]) == (
        "5",
        "Très satisfaisant",
        "40.00",
    )
    threshold = steps[("threshold", "technique")]
    assert (threshold["min_points"], threshold["points"], threshold["points_exact"]) == (
        "30",
        "52.00",
        "52",
    )
    assert threshold["verdict"] == "reached"


def test_json_keeps_the_numbers_and_adds_words_and_thresholds(
    runner: CliRunner, files: list[str]
) -> None:
    data = json.loads(output(runner, "score", "--format", "json", *files))
    (lot,) = data["lots"]
    technique, prix = lot["criteria"]
    assert technique["min_points"] == 30.0
    assert technique["scale_words"] is None
    methode, moyens = technique["children"]
    assert methode["min_points"] == 16.0
    assert methode["scale_words"] == [
        {"word": "Très satisfaisant", "mark": 5.0},
        {"word": "Satisfaisant", "mark": 3.0},
        {"word": "Peu satisfaisant", "mark": 1.0},
        {"word": "Insuffisant", "mark": 0.0},
    ]
    assert moyens["scale_words"] is None
    assert prix["min_points"] is None
    offers = {o["candidate"]: o for o in lot["offers"]}
    assert offers["Beta"]["marks"] == {"methode": 3.0, "moyens": 1.5}
    assert offers["Beta"]["mark_words"] == {"methode": "Satisfaisant"}
    assert offers["Delta"]["mark_words"] == {"methode": "Satisfaisant"}  # the number 3 typed
    gamma = offers["Gamma"]
    assert (gamma["status"], gamma["rank"], gamma["total"]) == ("below_threshold", None, None)
    assert gamma["reasons"][0] == {
        "code": "below_threshold",
        "status": "below_threshold",
        "message": TECHNIQUE_EN,
        "cell": None,
        "legal_basis": GROUND,
    }
    assert gamma["reasons"][1]["message"] == METHODE_EN
    assert gamma["reasons"][1]["cell"] == "F4"
    assert "min_points" not in gamma["tree"][0]  # the lot's tree says it once
    assert lot["provisional"] is False


def test_csv_markdown_and_tables_name_the_threshold(runner: CliRunner, files: list[str]) -> None:
    csv = output(runner, "score", "--format", "csv", *files).splitlines()
    assert csv[3] == (
        f"1,,Gamma,4,below_threshold,350.00,20,0.20,7000.00,8400.00,28.00,8.00,20.00,,,,"
        f'"below_threshold: {TECHNIQUE_EN.replace(chr(34), 2 * chr(34))}; below_threshold: '
        f'{METHODE_EN.replace(chr(34), 2 * chr(34))}",'
    )
    markdown = output(runner, "score", "--format", "markdown", *files)
    assert f"- Delta (row 5): below the threshold — {TECHNIQUE_EN} — {GROUND_EN}" in markdown
    table = squeezed(output(runner, "--lang", "fr", "score", *files))
    assert f"Delta 5 sous le seuil éliminatoire 9 000,00 € {TECHNIQUE_FR} — {GROUND}" in table


def test_a_hierarchy_table_shows_the_word_with_the_mark(tmp_path: Path, runner: CliRunner) -> None:
    criteria = """\
ordering: hierarchy
scales:
  appreciation: {Très satisfaisant: 5, Satisfaisant: 3, Peu satisfaisant: 1, Insuffisant: 0}
criteria:
  - {id: methode, label: Méthodologie, scale: appreciation}
  - {id: moyens, label: Moyens humains}
  - {id: prix, label: Prix, price: {formula: proportional}}
"""
    write_consultation(tmp_path, criteria=criteria)
    lines = [squeezed(line) for line in output(runner, "score", *arguments(tmp_path)).splitlines()]
    # by methode first: Alpha 5; Beta and Delta 3, then moyens 1.5 > 1; Gamma 1
    assert lines[6:10] == [
        "★ 1 Alpha 10000.00 12000.00 Très satisfaisant (5.00) 3.00 —",
        "2 Beta 8000.00 9600.00 Satisfaisant (3.00) 1.50 —",
        "3 Delta 9000.00 10800.00 Satisfaisant (3.00) 1.00 —",
        "4 Gamma 7000.00 8400.00 Peu satisfaisant (1.00) 5.00 —",
    ]
    markdown = output(runner, "score", "--format", "markdown", *arguments(tmp_path))
    assert "| Satisfaisant (3.00) | 1.50 |" in markdown
    explained = output(runner, "explain", "--lot", "1", "Beta", *arguments(tmp_path))
    assert (
        " 4. Méthodologie (1st in the hierarchy): “Satisfaisant” (3/5) (cell F3), the higher first."
        in (explained.splitlines())
    )


def test_the_html_report_lists_the_words_and_thresholds(evaluation: Evaluation) -> None:
    run = runinfo.run_info(evaluation, RUN_AT, ["referent", "report"])
    page = build_report_html(evaluation, run)
    method = page[page.index('id="methode"') :]
    assert (
        "appréciation du jury : « Très satisfaisant » = 5, « Satisfaisant » = 3, « Peu "
        "satisfaisant » = 1 et « Insuffisant » = 0 ; points = 40 × note / 5 ; seuil éliminatoire "
        "annoncé au règlement de la consultation : 16 points (une offre qui en obtient moins est "
        "éliminée)" in method
    )
    assert (
        "somme des points de ses sous-critères ; seuil éliminatoire annoncé au règlement de la "
        "consultation : 30 points" in method
    )
    assert "sous le seuil éliminatoire" in method  # the status, in the table of statuses
    lot = page[page.index('id="lot-1"') : page.index('id="methode"')]
    assert f"{TECHNIQUE_FR}" in lot
    assert "à corriger" not in lot  # an elimination is no data error


def test_the_html_method_has_no_threshold_status_without_thresholds(tmp_path: Path) -> None:
    plain = CRITERIA.replace("    min_points: 30\n", "").replace(", min_points: 16", "")
    evaluation = api.score(*write_consultation(tmp_path, criteria=plain))
    page = build_report_html(evaluation, runinfo.run_info(evaluation, RUN_AT, ["referent"]))
    assert "seuil" not in page


def test_the_xlsx_report_names_the_threshold(evaluation: Evaluation) -> None:
    run = runinfo.run_info(evaluation, RUN_AT, ["referent", "report"])
    book = openpyxl.load_workbook(io.BytesIO(build_report_xlsx(evaluation, run)))
    cells = [str(c.value) for row in book.worksheets[1].iter_rows() for c in row if c.value]
    assert any(TECHNIQUE_FR in cell for cell in cells)
    method = [[c.value for c in row] for row in book.worksheets[-2].iter_rows(max_col=5)]
    assert [
        "Méthodologie",  # the criterion's name (no short label: its label), never its id
        "— Méthodologie",
        40,
        "appréciation du jury : « Très satisfaisant » = 5, « Satisfaisant » = 3, « Peu "
        "satisfaisant » = 1 et « Insuffisant » = 0 ; points = 40 × note / 5 ; seuil éliminatoire "
        "annoncé au règlement de la consultation : 16 points (une offre qui en obtient moins est "
        "éliminée)",
        40,
    ] in method


def test_letters_give_the_word_and_the_threshold(
    tmp_path: Path, runner: CliRunner, files: list[str]
) -> None:
    output(
        runner,
        "letters",
        "--lot",
        "1",
        "--format",
        "markdown",
        "--out",
        str(tmp_path / "letters"),
        *files,
    )
    gamma = (tmp_path / "letters" / "lot-1-gamma.md").read_text(encoding="utf-8")
    assert f"- {TECHNIQUE_FR} — {GROUND}." in gamma
    # its own points (the jury marked it), the winner's, and the words given
    assert (
        "| Valeur technique | 60,00 | 28,00 | 52,00 |\n"
        "| — Méthodologie | 40,00 | 8,00 (« Peu satisfaisant ») | 40,00 (« Très satisfaisant ») |\n"
        "| — Moyens humains | 20,00 | 20,00 | 12,00 |\n"
        "| Prix | 40,00 | — | 32,00 |"
    ) in gamma
    assert (
        "Le règlement de la consultation annonce que les offres qui n'atteignent pas ce seuil "
        "sont éliminées : votre offre n'a donc pas été classée." in gamma
    )
    beta = (tmp_path / "letters" / "lot-1-beta.md").read_text(encoding="utf-8")
    assert (
        "| — Méthodologie | 40,00 | 24,00 (« Satisfaisant ») | 40,00 (« Très satisfaisant ») |"
        in beta
    )


def test_the_ocds_release_disqualifies_the_eliminated_offers(evaluation: Evaluation) -> None:
    run = runinfo.run_info(evaluation, RUN_AT, ["referent", "export"])
    with i18n.language("fr"):
        release = build_ocds_release(evaluation, run)
    statuses = {bid["tenderers"][0]["name"]: bid["status"] for bid in release["bids"]["details"]}
    assert statuses == {
        "Alpha": "valid",
        "Beta": "valid",
        "Gamma": "disqualified",
        "Delta": "disqualified",
    }
    (technique, _) = release["tender"]["lots"][0]["awardCriteria"]["criteria"]
    assert technique["referent:minPoints"] == 30.0
    methode = technique["referent:subCriteria"][0]
    assert methode["description"] == (
        "Appréciation du jury (« Très satisfaisant » = 5, « Satisfaisant » = 3, « Peu "
        "satisfaisant » = 1 et « Insuffisant » = 0), convertie en points ; 40 points au plus ; "
        "seuil éliminatoire annoncé au règlement de la consultation : 16 points"
    )
    assert methode["referent:scaleWords"][1] == {"word": "Satisfaisant", "mark": 3.0}
    gamma = next(b for b in release["bids"]["details"] if b["tenderers"][0]["name"] == "Gamma")
    reasons = gamma["referent:evaluation"]["reasons"]
    assert [r["legalBasis"] for r in reasons] == [GROUND, GROUND]
    assert reasons[0]["message"] == TECHNIQUE_EN
