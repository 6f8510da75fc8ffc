"""The jury's decisions on the command line: exit codes, and every problem of the two columns
listed by ``validate`` with its cell, in both languages.

The test consultation (conftest.py), lot 1: Alpha 450 × 10 marked 4, Beta 400 × 10 marked 3;
the jury columns are H (« Décision du jury ») and I (« Motif de la décision »).
"""

import json
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

import pytest
from typer.testing import CliRunner

from referent_ess.cli import app

pytestmark = pytest.mark.usefixtures("wide_terminal")

HEADER = ["candidate", "lot", "day_rate_ht", "days", "vat_rate", "cv", "quality"]
JURY = [*HEADER, "Décision du jury", "Motif de la décision"]


def args(
    make_config: Callable[..., tuple[Path, Path]],
    make_workbook: Callable[..., Path],
    rows: list[list[object]],
) -> list[str]:
    lots, criteria = make_config()
    return [str(make_workbook(rows, JURY)), "--lots", str(lots), "--criteria", str(criteria)]


def test_a_decision_with_its_reason_scores_with_exit_0(
    runner: CliRunner,
    make_config: Callable[..., tuple[Path, Path]],
    make_workbook: Callable[..., Path],
) -> None:
    files = args(
        make_config,
        make_workbook,
        [
            ["Alpha", 1, 450, 10, 0.2, "oui", 4, None, None],
            ["Beta", 1, 400, 10, 0.2, "oui", 3, "inappropriée", "Hors sujet."],
        ],
    )
    scored = runner.invoke(app, ["score", *files, "--format", "json"])
    assert scored.exit_code == 0, scored.output
    (lot,) = [lot for lot in json.loads(scored.stdout)["lots"] if lot["id"] == 1]
    assert not lot["provisional"]
    # Alpha alone is ranked: 48 + 40 × 4500/4500 = 88
    assert [(o["candidate"], o["rank"], o["total"]) for o in lot["offers"]] == [
        ("Alpha", 1, 88.0),
        ("Beta", None, None),
    ]
    assert runner.invoke(app, ["validate", *files]).exit_code == 0


def test_every_problem_of_the_jury_columns_is_listed_with_its_cell(
    runner: CliRunner,
    make_config: Callable[..., tuple[Path, Path]],
    make_workbook: Callable[..., Path],
) -> None:
    files = args(
        make_config,
        make_workbook,
        [
            ["Alpha", 1, 450, 10, 0.2, "oui", 4, datetime(2018, 3, 1), None],  # a date: refused
            ["Beta", 1, 400, 10, 0.2, "oui", 3, "Irrégulière", None],  # no reason
            ["Gamma", 1, 400, 10, 0.2, "oui", 3, None, 12],  # a reason alone (a number)
        ],
    )
    validated = runner.invoke(app, ["--lang", "fr", "validate", *files, "--format", "json"])
    assert validated.exit_code == 1
    assert "Traceback" not in validated.output
    report = json.loads(validated.stdout)
    assert [(p["code"], p["cell"]) for p in report["errors"]] == [
        ("bad-jury-decision", "H2"),
        ("jury-reason-missing", "I3"),
    ]
    assert [(p["code"], p["cell"]) for p in report["warnings"]] == [("jury-reason-alone", "I4")]
    assert report["errors"][0]["message"].startswith("found 2018-03-01, expected")
    table = runner.invoke(app, ["--lang", "fr", "validate", *files])
    assert (
        "le jury a déclaré l'offre irrégulière (H3) sans en donner le motif : écrivez-le dans "
        "cette cellule ; la lettre au candidat doit l'indiquer"
    ) in table.stdout
    # the offers in error are not evaluated: the ranking is provisional, score exits 1
    assert runner.invoke(app, ["score", *files]).exit_code == 1
