"""The command line on a consultation with a descriptor scale and announced thresholds
(tests/descriptor_consultation.py): exit codes, and what a person reads in each language."""

from pathlib import Path

import openpyxl
from typer.testing import CliRunner

from descriptor_consultation import CRITERIA, ROWS, arguments, write_consultation
from referent_ess.cli import app

LISTED_FR = (
    "« Très satisfaisant » (5), « Satisfaisant » (3), « Peu satisfaisant » (1), « Insuffisant » (0)"
)


def test_an_offer_below_a_threshold_is_eliminated_not_a_finding(
    tmp_path: Path, runner: CliRunner
) -> None:
    write_consultation(tmp_path)
    result = runner.invoke(app, ["score", *arguments(tmp_path)])
    assert result.exit_code == 0  # a final ranking: not provisional
    assert "★ 1" in result.stdout
    lines = [" ".join(line.split()) for line in result.stdout.splitlines()]
    # Alpha 52 + 32 = 84; Beta 30 (its threshold, exactly) + 40 = 70
    assert "★ 1 Alpha 10000.00 12000.00 52.00 32.00 84.00" in lines
    assert "2 Beta 8000.00 9600.00 30.00 40.00 70.00" in lines
    gamma = "Gamma 4 below the threshold 7000.00 28.00 points on"
    assert any(line.startswith(gamma) for line in lines)
    validate = runner.invoke(app, ["validate", *arguments(tmp_path)])
    assert validate.exit_code == 0
    assert "valid: 0 errors, 0 warnings" in validate.stdout


def test_an_unknown_word_is_a_finding_at_its_cell(tmp_path: Path, runner: CliRunner) -> None:
    rows = [list(row) for row in ROWS]
    rows[1][5] = "Assez satisfaisant"
    write_consultation(tmp_path, rows)
    result = runner.invoke(app, ["--lang", "fr", "validate", *arguments(tmp_path)])
    assert result.exit_code == 1
    text = " ".join(result.stdout.split())
    assert (
        f"'Assez satisfaisant' n'est pas une appréciation de l'échelle de ce critère : "
        f"{LISTED_FR} (ou sa note)" in text
    )
    assert "offers!F3" in text
    score = runner.invoke(app, ["score", *arguments(tmp_path)])
    assert score.exit_code == 1  # Beta cannot be evaluated: the ranking is provisional
    assert "PROVISIONAL" in score.stdout


def test_a_bad_scale_is_refused_before_anything_is_read(tmp_path: Path, runner: CliRunner) -> None:
    write_consultation(tmp_path, criteria=CRITERIA.replace("Insuffisant: 0", "Insuffisant: -1"))
    result = runner.invoke(app, ["--lang", "fr", "score", *arguments(tmp_path)])
    assert result.exit_code == 2
    assert result.stderr == (
        f"erreur : {tmp_path / 'criteria.yaml'}:6 : scales.appreciation.Insuffisant : "
        "l'appréciation 'Insuffisant' vaut la note -1 ; une note est positive ou nulle "
        "[scale-mark]\n"
    )


def test_a_threshold_above_the_maximum_is_refused(tmp_path: Path, runner: CliRunner) -> None:
    # methode can give 100 × 40 / 100 = 40 points
    write_consultation(tmp_path, criteria=CRITERIA.replace("min_points: 16", "min_points: 41"))
    result = runner.invoke(app, ["score", *arguments(tmp_path)])
    assert result.exit_code == 2
    assert result.stderr == (
        f"error: {tmp_path / 'criteria.yaml'}:13: criteria.0.sub_criteria.0.min_points: "
        "min_points 41 is above the 40 points 'methode' can give (100 × 40 / 100): no offer "
        "could reach it; give a threshold above 0 and at most 40 [threshold-above-max]\n"
    )


def test_the_template_offers_the_words(tmp_path: Path, runner: CliRunner) -> None:
    write_consultation(tmp_path)
    (tmp_path / "offers.xlsx").unlink()
    out = tmp_path / "blank.xlsx"
    args = ["template", "--lots", str(tmp_path / "lots.yaml"), "--out", str(out)]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    sheet = openpyxl.load_workbook(out)["offers"]
    lists = [dv.formula1 for dv in sheet.data_validations.dataValidation if dv.type == "list"]
    assert '"Très satisfaisant,Satisfaisant,Peu satisfaisant,Insuffisant"' in lists
