"""A PSE priced by lines in the outputs: the JSON's ``pse`` entries carry their lines (in the
form of the base lines'), ``explain`` shows the PSE's sum and each of its lines. Figures from
:mod:`pse_lines_case`, worked out by hand there and here."""

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pse_lines_case import write_pse_case
from referent_ess.cli import app


@pytest.fixture
def case(tmp_path: Path) -> list[str]:
    paths = write_pse_case(tmp_path)
    return [str(paths[2]), "--lots", str(paths[0]), "--criteria", str(paths[1])]


def _run(runner: CliRunner, *args: str, code: int = 0) -> str:
    result = runner.invoke(app, list(args))
    assert result.exit_code == code, result.output
    return result.stdout


def test_the_json_pse_entries_carry_their_lines(runner: CliRunner, case: list[str]) -> None:
    # Gamma and Eps have errors in their rows: validate's exit 1 is not asked for here
    data = json.loads(_run(runner, "score", *case, "--format", "json", code=1))
    lots = {lot["id"]: lot for lot in data["lots"]}
    alpha = next(o for o in lots[1]["offers"] if o["candidate"] == "Alpha")
    assert (alpha["base_price_ht"], alpha["price_ht"]) == ("555.34", "566.10")
    assert alpha["pse"] == [
        {
            "id": "PSE1",
            "label": "Vitres",
            "retained": True,
            "amount_ht": "10.76",  # 10.38 + 0.38
            "amount_ttc": "12.91",  # 10.76 × 1.2 = 12.912
            "lines": [
                {
                    "id": "P1.1",
                    "label": "Vitres intérieures",
                    "unit": "m2",
                    "quantity": "2.5",
                    "unit_price": "4.15",
                    "amount": "10.38",  # 4.15 × 2.5 = 10.375
                    "stated_amount": None,
                    "cell": "prix!D15",
                },
                {
                    "id": "P1.2",
                    "label": "Vitres extérieures",
                    "unit": "m2",
                    "quantity": "1.5",
                    "unit_price": "0.25",
                    "amount": "0.38",  # 0.25 × 1.5 = 0.375
                    "stated_amount": None,
                    "cell": "prix!D16",
                },
            ],
        }
    ]
    # the base lines stay the lot's own three
    assert [line["id"] for line in alpha["lines"]] == ["1.1", "1.2", "2"]
    delta = next(o for o in lots[2]["offers"] if o["candidate"] == "Delta")
    assert [(p["amount_ht"], [line["amount"] for line in p["lines"]]) for p in delta["pse"]] == [
        ("150.25", ["100.00", "50.25"])
    ]


def test_explain_shows_the_pse_lines(runner: CliRunner, case: list[str]) -> None:
    text = _run(runner, "explain", "Alpha", *case, "--lot", "1")
    assert (
        'PSE PSE1 ("Vitres") = the sum of its 2 lines, each rounded half up to the cent = 10.76.'
        in text
    )
    assert "Line P1.1 (Vitres intérieures): 4.15 × 2.5 m2 = 10.375, rounded" in text
    assert "Compared price HT = base price + retained PSE = 555.34 + 10.76 (Vitres) = 566.10" in (
        text
    )
