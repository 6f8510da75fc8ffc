"""``check-budget`` and ``validate``: their outputs and their exit code 1 on findings, on the
bundled example (figures in ``cli_helpers.py``) and on broken workbooks."""

import csv
import io

import pytest
from cli_helpers import (
    CONFIG,
    ConfigMaker,
    WorkbookMaker,
    as_json,
    broken_workbook,
    lot_of,
    run,
    ttc_check,
)
from typer.testing import CliRunner

# ---- the bundled example ---------------------------------------------------------------------


def test_example_validate_and_budget_summaries(runner: CliRunner) -> None:
    validate = run(runner, ["validate", *CONFIG], 0)
    assert validate.stdout == "valid: 0 errors, 0 warnings\n"
    budget = run(runner, ["check-budget", *CONFIG], 1)
    assert budget.stdout.splitlines()[-1] == "14 offers checked; 1 over the cap"


# ---- check-budget: JSON, CSV and Markdown ----------------------------------------------------


def test_check_budget_json(runner: CliRunner) -> None:
    data = as_json(run(runner, ["check-budget", "--format", "json", *CONFIG], 1))
    assert data["summary"] == {"checked": 14, "over_cap": 1, "unchecked": 0}
    assert data["tool"] == {"name": "referent", "version": "0.1.0"}
    lot = lot_of(data, 4)
    assert [o["row"] for o in lot["offers"]] == [5, 7, 10, 13]  # sheet order
    over = lot["offers"][2]
    assert over == {
        "candidate": "Recyclerie Coopérative de l'Ouest (SCIC)",
        "row": 10,
        "day_rate_ht": "650.00",
        "days": "20",
        "vat_rate": "0.20",
        "price_ht": "13000.00",
        "price_ttc": "15600.00",
        "budget": ttc_check("15000.00", "15600.00", "-600.00", within=False),
        "verdict": "over",
    }
    verdicts = [o["verdict"] for lot in data["lots"] for o in lot["offers"]]
    assert verdicts.count("ok") == 13
    # the late row 15 is checked too: 10000.00 - 6840.00
    late = lot_of(data, 1)["offers"][2]
    assert (late["row"], late["budget"][0]["margin"], late["verdict"]) == (15, "3160.00", "ok")


def test_check_budget_csv(runner: CliRunner) -> None:
    stdout = run(runner, ["check-budget", "--format", "csv", *CONFIG], 1).stdout
    header, *rows = list(csv.reader(io.StringIO(stdout)))
    assert header == [
        "lot",
        "candidate",
        "row",
        "day_rate_ht",
        "days",
        "vat_rate",
        "price_ht",
        "price_ttc",
        "basis",
        "cap",
        "margin",
        "verdict",
    ]
    assert len(rows) == 14  # one per offer: the basis is ttc only
    assert [r[2] for r in rows] == [
        "4", "9", "15", "2", "8", "12", "3", "6", "11", "14", "5", "7", "10", "13",
    ]  # fmt: skip
    by_row = {r[2]: r for r in rows}
    assert by_row["10"] == [
        "4", "Recyclerie Coopérative de l'Ouest (SCIC)", "10", "650.00", "20", "0.20",
        "13000.00", "15600.00", "ttc", "15000.00", "-600.00", "over",
    ]  # fmt: skip
    assert by_row["8"][-2:] == ["280.00", "ok"]  # 10000.00 - 9720.00
    assert by_row["13"][3:] == [
        "447.15", "21.5", "0.20", "9613.73", "11536.48", "ttc", "15000.00", "3463.52", "ok",
    ]  # fmt: skip
    assert [r[-1] for r in rows].count("over") == 1


def test_budget_markdown_names_its_inputs_and_speaks_the_language(runner: CliRunner) -> None:
    # lot 4, row 10: 650 × 20 = 13 000 HT, × 1.2 = 15 600 TTC, over the 15 000 TTC cap by 600
    english = run(runner, ["check-budget", "--format", "markdown", *CONFIG], 1).stdout
    lines = english.splitlines()
    assert lines[0] == "# Budget check — Référent de secteur d'activité de l'ESS 2018"
    assert lines[2].startswith("Inputs: ")
    assert lines[4] == (
        "| Lot | Candidate | Row | Day rate HT | Days | VAT | Price HT | Price TTC | Basis | Cap "
        "| Margin | Check |"
    )
    assert (
        "| 4 | Recyclerie Coopérative de l'Ouest (SCIC) | 10 | 650.00 | 20 | 20 % | 13000.00 | "
        "15600.00 | TTC | 15000.00 | -600.00 | OVER |"
    ) in lines
    french = run(runner, ["--lang", "fr", "check-budget", "--format", "markdown", *CONFIG], 1)
    lines = french.stdout.replace("\u202f", " ").replace("\u00a0", " ").splitlines()
    assert lines[0] == "# Contrôle budgétaire — Référent de secteur d'activité de l'ESS 2018"
    assert lines[2].startswith("Fichiers : ")
    assert (
        "| 4 | Recyclerie Coopérative de l'Ouest (SCIC) | 10 | 650,00 € | 20 | 20 % | "
        "13 000,00 € | 15 600,00 € | TTC | 15 000,00 € | -600,00 € | DÉPASSE |"
    ) in lines
    assert (
        "| 4 | Ressourceries en Réseau | 13 | 447,15 € | 21,5 | 20 % | 9 613,73 € | 11 536,48 € | "
        "TTC | 15 000,00 € | 3 463,52 € | OK |"
    ) in lines  # 447.15 × 21.5 = 9613.725 → 9613.73; × 1.2 = 11536.476 → 11536.48


# ---- validate and check-budget on a broken workbook ------------------------------------------


@pytest.fixture
def broken(make_config: ConfigMaker, make_workbook: WorkbookMaker) -> list[str]:
    """A bad day rate (C2), an unknown lot (B3) and a good offer; returns the CLI arguments."""
    return broken_workbook(make_config, make_workbook)


def test_validate_broken_workbook(runner: CliRunner, broken: list[str]) -> None:
    result = run(runner, ["validate", *broken], 1)
    lines = [line.rstrip() for line in result.stdout.splitlines()]
    assert lines[-1] == "not valid: 2 errors, 0 warnings"
    assert any("offers!C2" in line and "bad-number" in line for line in lines)
    assert any("offers!B3" in line and "unknown-lot" in line for line in lines)


def test_validate_broken_workbook_json(runner: CliRunner, broken: list[str]) -> None:
    data = as_json(run(runner, ["validate", "--format", "json", *broken], 1))
    workbook = broken[0]
    assert data == {
        "valid": False,
        "errors": [
            {
                "file": workbook,
                "code": "bad-number",
                "severity": "error",
                "sheet": "offers",
                "cell": "C2",
                "row": 2,
                "field": "day_rate_ht",
                "message": "'abc' is not a number; expected e.g. 450, 450.50, 450,50 or 1 234,50 €",
            },
            {
                "file": workbook,
                "code": "unknown-lot",
                "severity": "error",
                "sheet": "offers",
                "cell": "B3",
                "row": 3,
                "field": "lot",
                "message": "lot 7 is not in lots.yaml (lots: 1, 2)",
            },
        ],
        "warnings": [],
    }


def test_validate_broken_workbook_csv(runner: CliRunner, broken: list[str]) -> None:
    stdout = run(runner, ["validate", "--format", "csv", *broken], 1).stdout
    assert list(csv.reader(io.StringIO(stdout))) == [
        ["severity", "file", "sheet", "cell", "row", "field", "code", "message"],
        ["error", broken[0], "offers", "C2", "2", "day_rate_ht", "bad-number",
         "'abc' is not a number; expected e.g. 450, 450.50, 450,50 or 1 234,50 €"],
        ["error", broken[0], "offers", "B3", "3", "lot", "unknown-lot",
         "lot 7 is not in lots.yaml (lots: 1, 2)"],
    ]  # fmt: skip


def test_validate_markdown_speaks_the_language(
    runner: CliRunner, make_config, make_workbook
) -> None:
    lots, criteria = make_config()
    offers = make_workbook([["Alpha", 1, "environ 500", 10, None, "oui", 4]])
    args = ["validate", str(offers), "--lots", str(lots), "--criteria", str(criteria)]
    french = run(runner, ["--lang", "fr", *args, "--format", "markdown"], 1).stdout.splitlines()
    assert french[2] == "| Gravité | Où | Champ | Code | Message |"
    assert french[4].startswith(f"| erreur | {offers} : offers!C2 | day_rate_ht | bad-number | ")
    assert "'environ 500' n'est pas un nombre" in french[4]
    english = run(runner, [*args, "--format", "markdown"], 1).stdout.splitlines()
    assert english[2] == "| Severity | Where | Field | Code | Message |"
    assert english[4].startswith(f"| error | {offers}: offers!C2 | day_rate_ht | bad-number | ")
    assert "'environ 500' is not a number" in english[4]


def test_check_budget_counts_offers_without_price(runner: CliRunner, broken: list[str]) -> None:
    # Gamma: 400 x 10 = 4000.00 <= 5000.00. Alpha has no day rate, Beta no lot: neither checked.
    data = as_json(run(runner, ["check-budget", "--format", "json", *broken], 1))
    assert data["summary"] == {"checked": 1, "over_cap": 0, "unchecked": 2}
    assert lot_of(data, 2)["offers"][0]["budget"][0]["margin"] == "1000.00"
    assert lot_of(data, 1)["offers"][0]["verdict"] == "unchecked"


def test_check_budget_csv_lists_offers_without_a_valid_lot(
    runner: CliRunner, broken: list[str]
) -> None:
    # Regression: at 9e215ab the budget CSV and table silently dropped such offers.
    stdout = run(runner, ["check-budget", "--format", "csv", *broken], 1).stdout
    rows = list(csv.reader(io.StringIO(stdout)))[1:]
    assert sorted(r[2] for r in rows) == ["2", "3", "4"]  # one row per offer, Beta (row 3) too
    (beta,) = [r for r in rows if r[2] == "3"]
    assert beta == [
        "",
        "Beta",
        "3",
        "500.00",
        "10",
        "0.20",
        "5000.00",
        "6000.00",
        "",
        "",
        "",
        "unchecked",
    ]
    table = run(runner, ["check-budget", *broken], 1).stdout
    assert "Beta" in table


# ---- a missing column: unusable for score, found by validate ---------------------------------


@pytest.fixture
def no_days(make_config: ConfigMaker, make_workbook: WorkbookMaker) -> list[str]:
    """A workbook without the required `days` column; returns the CLI arguments."""
    lots, criteria = make_config()
    workbook = make_workbook(
        [["Alpha", 1, 300, 0.2, "oui", 4]],
        header=["candidate", "lot", "day_rate_ht", "vat_rate", "cv", "quality"],
    )
    return [str(workbook), "--lots", str(lots), "--criteria", str(criteria)]


NO_DAYS = (
    "no column for the number of days (days): add a column headed one of 'days', 'jours', "
    "'nombre de jours', 'nb jours', 'nb de jours', 'durée en jours'"
)


@pytest.mark.parametrize("command", ["score", "check-budget"])
def test_missing_required_column_is_unusable(
    runner: CliRunner, no_days: list[str], command: str
) -> None:
    result = run(runner, [command, *no_days], 2)
    assert result.stdout == ""
    assert result.stderr == f"error: {no_days[0]}: sheet 'offers': {NO_DAYS} [missing-column]\n"


def test_missing_required_column_is_a_validation_error(
    runner: CliRunner, no_days: list[str]
) -> None:
    # Regression: at 9e215ab validate crashed (AssertionError in evaluate._basis_price, exit 1
    # by accident, with a traceback): an offer without a days column was taken as admissible.
    data = as_json(run(runner, ["validate", "--format", "json", *no_days], 1))
    assert data["valid"] is False
    assert data["errors"] == [
        {
            "file": no_days[0],
            "code": "missing-column",
            "severity": "error",
            "sheet": "offers",
            "cell": None,
            "row": 1,
            "field": "days",
            "message": NO_DAYS,
        }
    ]


def test_missing_marks_column_blocks_score_not_budget(
    runner: CliRunner, make_config: ConfigMaker, make_workbook: WorkbookMaker
) -> None:
    lots, criteria = make_config()
    workbook = make_workbook(
        [["Alpha", 1, 300, 10, 0.2, "oui"]],
        header=["candidate", "lot", "day_rate_ht", "days", "vat_rate", "cv"],  # no quality
    )
    args = [str(workbook), "--lots", str(lots), "--criteria", str(criteria)]
    assert "criterion 'Quality'" in run(runner, ["score", *args], 2).stderr  # by its label
    data = as_json(run(runner, ["check-budget", "--format", "json", *args], 0))
    assert data["summary"] == {"checked": 1, "over_cap": 0, "unchecked": 0}
    assert lot_of(data, 1)["offers"][0]["budget"][0]["margin"] == "7000.00"  # 10000 - 3000
