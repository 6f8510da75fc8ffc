"""The warning ``vat-basis`` in every output of ``score``/``rank``/``explain``: the bundled example
scored HT on purpose, in English and in French.

By hand (see ``cli_helpers.py`` and ``test_example_known_answers.py``), lot 1 compared HT:
Cap Services Coop (SCOP) 63 + 20 × 7560/7800 = 1071/13 = 82.38 first, Association Trame
Solidaire 61 + 20 = 81 second. Compared TTC: the association (VAT-exempt, 7560.00 TTC) 81
first, Cap Services 63 + 20 × 7560/9360 = 1029/13 = 79.15. Lots 2, 3 and 4 have every admissible
offer at 20 %: no warning there.
"""

import csv
import io
import json
from pathlib import Path

import pytest
from cli_helpers import CRITERIA, LOTS, as_json, lot_of, run
from typer.testing import CliRunner

from referent_ess.cli import app

ASSOCIATION = "Association Trame Solidaire"
CAP = "Cap Services Coop (SCOP)"
ENGLISH = (
    "lot 1: prices are compared HT although the VAT rates of its admissible offers differ; "
    f"compared TTC, what the buyer pays, the first rank would go to {ASSOCIATION} instead of "
    f"{CAP}"
)
FRENCH = (
    "lot 1 : les prix sont comparés HT alors que les taux de TVA de ses offres admissibles "
    "diffèrent ; comparés TTC, ce que paie l'acheteur, le premier rang reviendrait à "
    f"{ASSOCIATION} au lieu de {CAP}"
)


@pytest.fixture
def ht(tmp_path: Path) -> list[str]:
    """The bundled example with its price criterion compared HT, as a buyer could choose."""
    text = CRITERIA.read_text(encoding="utf-8")
    assert text.count("      basis: ttc\n") == 1
    criteria = tmp_path / "criteria.yaml"
    criteria.write_text(text.replace("      basis: ttc\n", "      basis: ht\n"), encoding="utf-8")
    return ["--lots", str(LOTS), "--criteria", str(criteria)]


def test_table_in_english(runner: CliRunner, ht: list[str]) -> None:
    lines = run(runner, ["score", *ht], 0).stdout.splitlines()
    assert f"Warning (vat-basis) — {ENGLISH}." in lines
    # the ranking stays the HT one the buyer chose: Cap Services first (82.38)
    first = next(line for line in lines if line.startswith(" ★ 1   "))  # lot 1's winner
    assert CAP in first
    assert "82.38" in first
    assert sum("(vat-basis)" in line for line in lines) == 1  # lot 1 only


def test_table_in_french(runner: CliRunner, ht: list[str]) -> None:
    lines = run(runner, ["--lang", "fr", "rank", "--lot", "1", *ht], 0).stdout.splitlines()
    assert f"Avertissement (vat-basis) — {FRENCH}." in lines


def test_json_lot_warnings(runner: CliRunner, ht: list[str]) -> None:
    data = as_json(run(runner, ["score", "--format", "json", *ht], 0))
    assert lot_of(data, 1)["warnings"] == [
        {
            "code": "vat-basis",
            "severity": "warning",
            "sheet": None,
            "cell": None,
            "row": None,
            "field": None,
            "message": ENGLISH,
        }
    ]
    assert [lot_of(data, n)["warnings"] for n in (2, 3, 4)] == [[], [], []]
    # JSON is the same whatever the language
    french = as_json(run(runner, ["--lang", "fr", "score", "--format", "json", *ht], 0))
    assert lot_of(french, 1)["warnings"] == lot_of(data, 1)["warnings"]


def test_markdown_in_both_languages(runner: CliRunner, ht: list[str]) -> None:
    english = run(runner, ["score", "--format", "markdown", *ht], 0).stdout.splitlines()
    assert f"**Warning (vat-basis) — {ENGLISH}.**" in english
    french = run(runner, ["--lang", "fr", "score", "--format", "markdown", *ht], 0).stdout
    assert f"**Avertissement (vat-basis) — {FRENCH}.**" in french.splitlines()


def test_csv_warnings_column(runner: CliRunner, ht: list[str]) -> None:
    stdout = run(runner, ["score", "--format", "csv", *ht], 0).stdout
    header, *rows = list(csv.reader(io.StringIO(stdout)))
    assert header[-1] == "warnings"
    by_row = {r[3]: r for r in rows}
    # every row of lot 1 (rows 9, 4 and the late 15) repeats its lot's warning
    assert {by_row[row][-1] for row in ("9", "4", "15")} == {f"vat-basis: {ENGLISH}"}
    assert by_row["6"][-1] == ""  # lot 3: every offer at 20 %


def test_explain_says_it_for_every_offer_of_the_lot(runner: CliRunner, ht: list[str]) -> None:
    out = run(runner, ["explain", "--lot", "1", ASSOCIATION, *ht], 0).stdout
    # the message, as a sentence: a capital first and a full stop last
    assert f"Warning vat-basis on the whole lot: L{ENGLISH[1:]}." in out
    french = run(runner, ["--lang", "fr", "explain", "--lot", "1", CAP, *ht], 0).stdout
    assert f"Avertissement vat-basis sur l'ensemble du lot : L{FRENCH[1:]}." in french
    data = as_json(run(runner, ["explain", "--lot", "1", CAP, "--format", "json", *ht], 0))
    (step,) = [s for s in data["steps"] if s["code"] == "lot-warning"]
    assert step["figures"] == {"code": "vat-basis", "severity": "warning", "message": ENGLISH}


def test_the_bundled_example_compared_ttc_has_no_such_warning(runner: CliRunner) -> None:
    data = as_json(run(runner, ["score", "--format", "json", "--lots", str(LOTS)], 0))
    assert [lot["warnings"] for lot in data["lots"]] == [[], [], [], []]
    assert lot_of(data, 1)["offers"][0]["candidate"] == ASSOCIATION  # 81 against 79.15


def test_validate_lists_it(runner: CliRunner, ht: list[str]) -> None:
    out = run(runner, ["validate", "--format", "json", *ht], 0).stdout
    assert "vat-basis" in out
    assert ENGLISH in out


def test_a_tie_for_first_under_ttc_is_said_as_a_tie(
    runner: CliRunner, make_config, make_workbook
) -> None:
    """H: 440 × 10 = 4400.00 HT at 0 %, so 4400.00 TTC; I: 400 × 10 = 4000.00 HT at 10 %, so
    4400.00 TTC; same mark. Compared HT, I is first alone (40 × 4000/4000 = 40 against
    40 × 4000/4400 = 36.36); compared TTC both get 40 price points and the same total, and the
    tie-break (price points) cannot part them."""
    lots, criteria = make_config(basis="ht")
    offers = make_workbook([["H", 1, 440, 10, 0, "oui", 4], ["I", 1, 400, 10, "10 %", "oui", 4]])
    config = ["--lots", str(lots), "--criteria", str(criteria), str(offers)]
    english = runner.invoke(app, ["score", *config, "--format", "json"])
    warnings = json.loads(english.stdout)["lots"][0]["warnings"]
    assert [w["code"] for w in warnings] == ["vat-basis"]
    assert warnings[0]["message"] == (
        "lot 1: prices are compared HT although the VAT rates of its admissible offers differ; "
        "compared TTC, what the buyer pays, H, I would tie for the first rank, which the "
        "tie-break does not settle, instead of I first"
    )
