"""Schedule (BPU × DQE) and DPGF offers in every document: the JSON's ``lines`` per offer, the
explanation's lines and arithmetic error, the CSV, OCDS ``bids.details.value``, the reports'
method and warnings, and the letters, all on the price the rule gives."""

import csv
import io
import json
from pathlib import Path

import openpyxl
import pytest
from typer.testing import CliRunner

from helpers import NBSP, NNBSP
from referent_ess.cli import app
from schedule_case import LOTS, OFFERS, OFFERS_HEADER, PRICES, write_case

# a third lot priced by day rate × days: its offers' JSON keeps the keys it always had
LOTS_3 = LOTS + "  - {id: 3, title: Lot three, cap_ht: 5000}\n"
HEADER_3 = [*OFFERS_HEADER, "day_rate_ht", "days"]
OFFERS_3 = [[*row, None, None] for row in OFFERS] + [["Zeta", 3, 0.2, None, "oui", 4, 400, 10]]


@pytest.fixture
def case(tmp_path: Path) -> list[str]:
    paths = write_case(tmp_path, OFFERS_3, PRICES, lots=LOTS_3, offers_header=HEADER_3)
    return [str(paths[2]), "--lots", str(paths[0]), "--criteria", str(paths[1])]


def _spaced(text: str) -> str:
    """French text with its narrow and no-break spaces as plain spaces."""
    return text.replace(NNBSP, " ").replace(NBSP, " ")


def _run(runner: CliRunner, *args: str) -> str:
    result = runner.invoke(app, list(args))
    assert result.exit_code == 0, result.output
    return result.stdout


def test_the_json_gives_each_offer_its_lines(runner: CliRunner, case: list[str]) -> None:
    data = json.loads(_run(runner, "score", *case, "--format", "json"))
    lots = {lot["id"]: lot for lot in data["lots"]}
    assert lots[1]["price_model"] == "schedule"
    assert lots[2]["price_model"] == "dpgf"
    beta = next(o for o in lots[1]["offers"] if o["candidate"] == "Beta")
    assert beta["price_ht"] == "528.00"
    assert beta["lines"] == [
        {
            "id": "1.1",
            "label": "Installation",
            "unit": "forfait",
            "quantity": "1",
            "unit_price": "450.00",
            "amount": "450.00",
            "stated_amount": "450.00",
            "cell": "prix!D5",
        },
        {
            "id": "1.2",
            "label": "Heure de nettoyage",
            "unit": "h",
            "quantity": "1.5",
            "unit_price": "20.00",
            "amount": "30.00",  # 20 × 1.5
            "stated_amount": "20.00",
            "cell": "prix!D6",
        },
        {
            "id": "2",
            "label": "Produits",
            "unit": "kg",
            "quantity": "12",
            "unit_price": "4.00",
            "amount": "48.00",  # 4 × 12
            "stated_amount": "48.00",
            "cell": "prix!D7",
        },
    ]
    assert (beta["recomputed_price_ht"], beta["stated_price_ht"]) == ("528.00", "518.00")
    assert (beta["arithmetic_error"], beta["prevails"]) == (True, "unit_price")
    delta = next(o for o in lots[2]["offers"] if o["candidate"] == "Delta")
    assert [(line["id"], line["amount"], line["quantity"]) for line in delta["lines"]] == [
        ("A", "1000.00", "1"),
        ("B", "2500.50", "1"),
    ]
    assert delta["arithmetic_error"] is False
    # an offer priced by day rate × days: none of these keys
    zeta = lots[3]["offers"][0]
    assert "price_model" not in lots[3]
    assert not {"lines", "recomputed_price_ht", "arithmetic_error"} & set(zeta)
    assert zeta["price_ht"] == "4000.00"


def test_explain_shows_the_lines_and_the_arithmetic_error(
    runner: CliRunner, case: list[str]
) -> None:
    text = _run(runner, "explain", "Beta", *case, "--lot", "1")
    assert (
        " 1. Price HT = the sum of the 3 lines of the schedule, each unit price × quantity "
        "rounded half up to the cent = 528.00." in text
    )
    assert " 2. Line 1.1 (Installation): 450.00 × 1 forfait = 450.00 (the amount stated, " in text
    assert (
        " 3. Line 1.2 (Heure de nettoyage): 20.00 × 1.5 h = 30.00 (the amount stated, 20.00, "
        "is not unit price × quantity: it explains the arithmetic error)." in text
    )
    assert (
        " 5. Arithmetic error: the offer states a total HT of 518.00, its lines make 528.00; "
        "the unit prices prevail, so the offer is evaluated on 528.00." in text
    )
    alpha = _run(runner, "explain", "Alpha", *case, "--lot", "1")
    # 10.25 × 1.5 = 15.375, rounded to 15.38
    assert "Line 1.2 (Heure de nettoyage): 10.25 × 1.5 h = 15.375, rounded" in alpha
    assert "The total HT the offer states, 555.34, agrees." in alpha
    data = json.loads(_run(runner, "explain", "Eps", *case, "--lot", "2", "--format", "json"))
    steps = [(s["code"], s["figures"]) for s in data["steps"]]
    assert steps[:4] == [
        (
            "price-ht",
            {
                "price_model": "dpgf",
                "lines": "2",
                "recomputed_ht": "3200.00",
                "price_ht": "3200.00",
            },
        ),
        ("price-line", {"line": "A", "label": "Études", "amount": "1200.00", "cell": "prix!E13"}),
        ("price-line", {"line": "B", "label": "Travaux", "amount": "2000.00", "cell": "prix!E14"}),
        (
            "arithmetic-error",
            {
                "stated_ht": "3300.00",
                "recomputed_ht": "3200.00",
                "price_ht": "3200.00",
                "prevails": "unit_price",
                "explaining_lines": "",
            },
        ),
    ]


def test_the_french_explanation_is_french(runner: CliRunner, case: list[str]) -> None:
    text = _spaced(_run(runner, "--lang", "fr", "explain", "Eps", *case, "--lot", "2"))
    assert " 1. Prix HT = somme des 2 lignes de la DPGF = 3 200,00 €." in text
    assert (
        "Erreur matérielle : l'offre indique un montant forfaitaire HT de 3 300,00 €, ses lignes "
        "font 3 200,00 € ; les lignes prévalent, l'offre est donc évaluée "
        "sur 3 200,00 €." in text
    )


def test_the_csv_ocds_and_budget_use_the_recomputed_price(
    runner: CliRunner, case: list[str], tmp_path: Path
) -> None:
    rows = list(csv.DictReader(io.StringIO(_run(runner, "score", *case, "--format", "csv"))))
    beta = next(r for r in rows if r["candidate"] == "Beta")
    assert (beta["price_ht"], beta["price_ttc"]) == ("528.00", "633.60")  # 528 × 1.2
    assert beta["warnings"].startswith("arithmetic-error: arithmetic error: the stated total")
    out = tmp_path / "release.json"
    _run(runner, "export", *case, "--ocds", "--out", str(out))
    bids = json.loads(out.read_text(encoding="utf-8"))["bids"]["details"]
    values = {b["tenderers"][0]["name"]: b["value"] for b in bids}
    assert values["Beta"] == {"amount": 528.0, "currency": "EUR"}
    assert values["Eps"] == {"amount": 3200.0, "currency": "EUR"}
    budget = json.loads(_run(runner, "check-budget", *case, "--format", "json"))
    text = json.dumps(budget)
    assert '"price_ht": "3200.00"' in text  # Eps, not its stated 3300.00
    assert '"3300.00"' not in text


def test_the_reports_say_how_lines_make_the_price_and_the_error(
    runner: CliRunner, case: list[str], tmp_path: Path
) -> None:
    html_path = tmp_path / "r.html"
    _run(runner, "report", *case, "--out", str(html_path))
    html = _spaced(html_path.read_text(encoding="utf-8"))
    assert "Le lot 1 est chiffré sur bordereau des prix unitaires et détail quantitatif" in html
    assert "quand le total indiqué dans l&#x27;offre en diffère (erreur matérielle), les prix " in (
        html
    )
    assert "Le lot 2 est chiffré sur décomposition du prix global et forfaitaire (DPGF)" in html
    assert "erreur matérielle : le montant forfaitaire HT indiqué, 3 300,00 €" in html
    xlsx_path = tmp_path / "r.xlsx"
    _run(runner, "report", *case, "--out", str(xlsx_path))
    workbook = openpyxl.load_workbook(io.BytesIO(xlsx_path.read_bytes()))
    texts = [
        _spaced(str(c.value)) for s in workbook.worksheets for row in s.iter_rows() for c in row
    ]
    assert any("Le lot 1 est chiffré sur bordereau" in t for t in texts)
    assert any("erreur matérielle : le total HT indiqué, 518,00 €" in t for t in texts)


def test_the_letters_state_the_price_as_evaluated(
    runner: CliRunner, case: list[str], tmp_path: Path
) -> None:
    letters = str(tmp_path / "letters")
    _run(runner, "letters", *case, "--lot", "1", "--format", "markdown", "--out", letters)
    award = _spaced((tmp_path / "letters" / "lot-1-gamma.md").read_text(encoding="utf-8"))
    # Gamma stated 600.00; its lines make 598.75, the price evaluated
    assert "598,75 € HT" in award
    assert "600,00" not in award


def test_simulate_and_sensitivity_work_on_the_recomputed_prices(
    runner: CliRunner, case: list[str]
) -> None:
    data = json.loads(_run(runner, "simulate", *case, "--lot", "1", "--format", "json"))
    linear = next(v for v in data["variants"] if v["formula"] == "linear")
    # linear: 40 × (Pmax − P) / (Pmax − Pmin), Pmax 598.75 (Gamma), Pmin 528.00 (Beta):
    # Beta 48 + 40 = 88; Alpha 48 + 40 × 43.41 / 70.75 = 72.54; Gamma 60 + 0 = 60
    ranks = {o["candidate"]: (o["rank"], o["price_ht"]) for o in linear["offers"]}
    assert ranks == {
        "Beta": (1, "528.00"),
        "Alpha": (2, "555.34"),
        "Gamma": (3, "598.75"),
    }
    assert data["winner_changes"] is True
    sensitivity = json.loads(_run(runner, "sensitivity", *case, "--lot", "1", "--format", "json"))
    # moving t points from quality to price, Beta catches up with Gamma when
    # (60 − t) + (40 + t) × 528/598.75 = 0.8 × (60 − t) + (40 + t), i.e. with 528/598.75 =
    # 2112/2395: 12 − 0.2 t = (40 + t) × 283/2395, 28740 − 479 t = 11320 + 283 t, t = 8710/381
    assert sensitivity["winner"] == {"candidate": "Gamma", "row": 4}
    [transfer] = sensitivity["transfers"]
    assert (transfer["points_exact"], transfer["new_winner"]["candidate"]) == ("8710/381", "Beta")


def test_the_markdown_ranking_notes_each_arithmetic_error(
    runner: CliRunner, case: list[str]
) -> None:
    text = _spaced(_run(runner, "--lang", "fr", "score", *case, "--format", "markdown"))
    assert (
        "- Beta : erreur matérielle : le total HT indiqué, 518,00 €, diffère de la somme des "
        "lignes (prix unitaire × quantité, chacune arrondie au centime), 528,00 € (ligne 1.2 : "
        "son montant indiqué n'est pas prix unitaire × quantité) ; les prix unitaires prévalent "
        "(prevails: unit_price dans lots.yaml) : l'offre est évaluée sur 528,00 €"
    ) in text
    assert "| 2 | Beta | 528,00 € | 633,60 € |" in text
    assert text.count("erreur matérielle") == 3  # Gamma, Beta, Eps; not Alpha, Delta, Zeta
