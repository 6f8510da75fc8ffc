"""``simulate``, ``sensitivity`` and ``explain``: what the command line adds to the analyses (the
lot looked up, the cases that do not apply, exit code 2)."""

from pathlib import Path

import pytest
from cli_helpers import CONFIG, LOTS, ConfigMaker, WorkbookMaker, run
from typer.testing import CliRunner

# ---- simulate --------------------------------------------------------------------------------


def test_simulate_refuses_a_lot_without_admissible_offer(
    runner: CliRunner, make_config, make_workbook
) -> None:
    lots, criteria = make_config()
    offers = make_workbook([["Alone", 2, 400, 10, None, "oui", 4]])  # nothing on lot 1
    args = ["simulate", "--lot", "1", str(offers), "--lots", str(lots), "--criteria", str(criteria)]
    english = run(runner, args, 2)
    assert english.stderr == (
        "error: lot 1: simulate does not apply: the lot has no admissible offer to rank "
        "[not-applicable]\n"
    )
    french = run(runner, ["--lang", "fr", *args], 2)
    assert french.stderr == (
        "erreur : lot 1 : la simulation ne s'applique pas : le lot n'a aucune offre admissible "
        "à classer [not-applicable]\n"
    )
    assert run(runner, [*args[:2], "2", *args[3:]], 0).stdout  # lot 2 has one: it runs


def test_simulate_an_unknown_lot(runner: CliRunner) -> None:
    result = run(runner, ["simulate", "--lot", "9", *CONFIG], 2)
    assert (result.stdout, result.stderr) == (
        "",
        f"error: {LOTS}: there is no lot 9 (lots: 1, 2, 3, 4) [no-such-lot]\n",
    )


# ---- sensitivity and explain -----------------------------------------------------------------


@pytest.mark.parametrize(
    "command",
    [["sensitivity", "--lot", "5"], ["explain", "--lot", "5", "Habiter Autrement 44"]],
)
def test_an_unknown_lot(runner: CliRunner, command: list[str]) -> None:
    result = run(runner, [*command, *CONFIG], 2)
    assert result.stderr == f"error: {LOTS}: there is no lot 5 (lots: 1, 2, 3, 4) [no-such-lot]\n"


def test_sensitivity_of_a_provisional_ranking(
    runner: CliRunner, make_config: ConfigMaker, make_workbook: WorkbookMaker
) -> None:
    lots, criteria = make_config()
    book = make_workbook(
        [["Alpha", 1, 300, 10, 0.2, "oui", 4], ["Beta", 1, "abc", 10, 0.2, "oui", 4]]
    )
    config = ["--lots", str(lots), "--criteria", str(criteria)]
    args = ["sensitivity", "--lot", "1", str(book), *config]
    assert run(runner, args, 2).stderr == (
        "error: lot 1: sensitivity does not apply: the ranking is provisional: correct the "
        "workbook first [not-applicable]\n"
    )


# ---- a hierarchy of criteria has no weights ------------------------------------------------------

HIERARCHY_CRITERIA = """\
ordering: hierarchy
criteria:
  - {id: quality, label: Q}
  - {id: price, label: P, price: {formula: proportional}}
"""


def test_the_commands_that_need_weights(
    runner: CliRunner, make_config: ConfigMaker, make_workbook: WorkbookMaker, tmp_path: Path
) -> None:
    """A hierarchy of criteria has no weights: these commands refuse it, before even looking up
    the lot (lot 9 does not exist)."""
    lots, criteria = make_config(criteria_text=HIERARCHY_CRITERIA)
    book = make_workbook([["Alpha", 1, 300, 10, 0.2, "oui", 4]])
    tail = ["--lot", "9", str(book), "--lots", str(lots), "--criteria", str(criteria)]
    refused = {
        "report": ("the report", ["--out", str(tmp_path / "rapport.xlsx")]),
        "letters": ("letters", ["--out", str(tmp_path / "lettres")]),
        "simulate": ("simulate (price formulas give points, which a hierarchy has not)", []),
        "sensitivity": ("sensitivity (there are no weights to move in a hierarchy)", []),
    }
    for command, (use, out) in refused.items():
        assert run(runner, [command, *tail, *out], 2).stderr == (
            f"error: {criteria}: {use} does not apply with ordering: hierarchy; use `referent "
            "score` or `rank` [not-applicable]\n"
        )
    assert sorted(path.name for path in tmp_path.iterdir()) == [
        "criteria.yaml",
        "lots.yaml",
        "offers.xlsx",
    ]


def test_explain_serves_a_hierarchy(
    runner: CliRunner, make_config: ConfigMaker, make_workbook: WorkbookMaker
) -> None:
    lots, criteria = make_config(criteria_text=HIERARCHY_CRITERIA)
    book = make_workbook([["Alpha", 1, 300, 10, 0.2, "oui", 4]])
    args = ["explain", "--lot", "1", "Alpha", str(book), "--lots", str(lots)]
    lines = run(runner, [*args, "--criteria", str(criteria)], 0).stdout.splitlines()
    # no weights to explain: each criterion in its place in the hierarchy (mark in G2)
    assert "4. Q (1st in the hierarchy): mark 4 (cell G2) / 5, the higher first." in lines
