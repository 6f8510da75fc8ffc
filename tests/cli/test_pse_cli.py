"""``referent pse --lot N``: the table, Markdown, CSV and JSON of the lot ranked under every
combination of its PSE (figures of ``tests/analysis/test_pse_combinations.py``, worked out
there), and the located refusals."""

import json
from pathlib import Path

from typer.testing import CliRunner

from pse_consultation import LOTS, ROWS, consultation
from referent_ess.cli import app


def _run(tmp_path: Path, *args: str, lang: str = "en") -> tuple[int, str, str]:
    lots, criteria, offers = consultation(tmp_path, rows=ROWS[:3])
    result = CliRunner().invoke(
        app,
        [
            "--lang",
            lang,
            "pse",
            str(offers),
            "--lots",
            str(lots),
            "--criteria",
            str(criteria),
            *args,
        ],
    )
    return result.exit_code, result.stdout, result.stderr


def test_the_table_marks_the_configured_combination_and_says_the_winner_changes(
    tmp_path: Path,
) -> None:
    code, out, _ = _run(tmp_path, "--lot", "1")
    assert code == 0
    lines = [" ".join(line.split()) for line in out.splitlines()]
    assert "none (base offers only) Beta 9800.00 1. Beta > 2. Alpha > 3. Gamma" in lines
    assert (
        "“Nettoyage des vitres” ◀ lots.yaml Alpha 10500.00 1. Alpha > 2. Beta > 3. Gamma" in lines
    )
    assert "“Espaces verts” Beta 9900.00 1. Beta > 2. Alpha > 3. Gamma" in lines
    assert (
        "“Nettoyage des vitres” and “Espaces verts” Alpha and Beta 10800.00 1. Alpha > 1. Beta > "
        "3. Gamma" in lines
    )
    assert "The first ranked CHANGES with the PSE retained." in lines


def test_json_gives_each_combination_with_its_ranking(tmp_path: Path) -> None:
    code, out, _ = _run(tmp_path, "--lot", "1", "--format", "json")
    assert code == 0
    data = json.loads(out)
    assert data["lot"] == 1
    assert data["winner_changes"] is True
    assert data["pse"] == [
        {"id": "PSE1", "label": "Nettoyage des vitres", "retained": True},
        {"id": "PSE2", "label": "Espaces verts", "retained": False},
    ]
    combos = data["combinations"]
    assert [(c["retained"], c["configured"], c["winner_rows"]) for c in combos] == [
        ([], False, [3]),
        (["PSE1"], True, [2]),
        (["PSE2"], False, [3]),
        (["PSE1", "PSE2"], False, [2, 3]),
    ]
    # PSE1: Alpha 10500.00 HT, 12600.00 TTC, 48 + 102002/2625 = 86.857… → 86.86
    assert combos[1]["offers"][0] == {
        "candidate": "Alpha",
        "row": 2,
        "rank": 1,
        "price_ht": "10500.00",
        "price_ttc": "12600.00",
        "total": 86.86,
    }


def test_markdown_and_csv(tmp_path: Path) -> None:
    code, out, _ = _run(tmp_path, "--lot", "1", "--format", "markdown", lang="fr")
    assert code == 0
    assert "| « Nettoyage des vitres » | ◀ lots.yaml | Alpha | 10 500,00 € |" in out
    assert "Le premier classé CHANGE selon les PSE retenues." in out
    code, out, _ = _run(tmp_path, "--lot", "1", "--format", "csv")
    assert code == 0
    rows = out.splitlines()
    assert rows[0] == "retained,configured,rank,candidate,row,price_ht"
    assert rows[1:4] == [
        ",no,1,Beta,3,9800.00",
        ",no,2,Alpha,2,10000.00",
        ",no,3,Gamma,4,9000.10",
    ]
    assert "PSE1 PSE2,no,1,Beta,3,10800.00" in rows


def test_an_unknown_lot_is_refused_with_exit_code_2(tmp_path: Path) -> None:
    code, _, err = _run(tmp_path, "--lot", "3")
    assert code == 2
    assert "there is no lot 3 (lots: 1, 2)" in err


def test_an_offer_over_the_cap_under_one_combination_is_named_not_dropped(tmp_path: Path) -> None:
    """Cap 10750.00 HT instead of 11000.00. With both PSE, Alpha 10000 + 500 + 300 = 10800.00
    and Beta 9800 + 900 + 100 = 10800.00 are over it (10800 > 10750): only Gamma (9000.10 +
    1200.10 + 200.00 = 10400.20) is ranked, and the two others are named, not silently gone.
    Under lots.yaml's combination (PSE1), 10500.00, 10700.00 and 10200.20 are all within."""
    lots, criteria, offers = consultation(
        tmp_path, lots=LOTS.replace("cap_ht: 11000", "cap_ht: 10750"), rows=ROWS[:3]
    )
    words = ["pse", str(offers), "--lots", str(lots), "--criteria", str(criteria), "--lot", "1"]
    result = CliRunner().invoke(app, [*words, "--format", "json"])
    assert result.exit_code == 0, result.output
    both = json.loads(result.stdout)["combinations"][-1]
    assert [o["row"] for o in both["offers"]] == [4]
    assert both["set_aside"] == [
        {"candidate": "Alpha", "row": 2, "status": "over_cap", "price_ht": "10800.00"},
        {"candidate": "Beta", "row": 3, "status": "over_cap", "price_ht": "10800.00"},
    ]
    configured = json.loads(result.stdout)["combinations"][1]
    assert (configured["retained"], configured["set_aside"]) == (["PSE1"], [])
    result = CliRunner().invoke(app, words)
    lines = [" ".join(line.split()) for line in result.stdout.splitlines()]
    assert (
        "1. Gamma; not ranked: Alpha (over the cap at 10800.00 HT) and Beta (over the cap at "
        "10800.00 HT)" in " ".join(lines)
    ), lines
    result = CliRunner().invoke(app, ["--lang", "fr", *words])
    assert "non classées : Alpha (au-dessus du montant maximum, à 10" in result.stdout
