"""Every output says which PSE the compared price includes (figures of :mod:`pse_consultation`,
worked out there): the JSON and CSV of score, the Markdown and table note, explain, the OCDS
release, the letters and the reports. A consultation without PSE has none of it."""

import json
from pathlib import Path

from typer.testing import CliRunner

from pse_consultation import LOTS, ROWS, consultation
from referent_ess.cli import app


def _invoke(
    tmp_path: Path, command: str, *args: str, lang: str = "en", first: tuple[str, ...] = ()
) -> str:
    """``command`` on lot 1's three offers; ``first``: arguments before the workbook's path."""
    lots, criteria, offers = consultation(tmp_path, rows=ROWS[:3])
    where = ["--lots", str(lots), "--criteria", str(criteria)]
    result = CliRunner().invoke(app, ["--lang", lang, command, *first, str(offers), *where, *args])
    assert result.exit_code in (0, 1), result.output
    return result.stdout


def test_json_gives_each_offers_pse_and_the_lots_retained_ones(tmp_path: Path) -> None:
    data = json.loads(_invoke(tmp_path, "score", "--format", "json"))
    lot = data["lots"][0]
    assert lot["pse_retained"] == ["PSE1"]
    assert lot["pse"] == [
        {"id": "PSE1", "label": "Nettoyage des vitres", "retained": True},
        {"id": "PSE2", "label": "Espaces verts", "retained": False},
    ]
    assert lot["caps_include_pse"] is True
    gamma = next(o for o in lot["offers"] if o["candidate"] == "Gamma")
    # 9000.10 + 1200.10 = 10200.20 HT; TTC 9495.11 + 1266.11 = 10761.22
    assert (gamma["price_ht"], gamma["price_ttc"]) == ("10200.20", "10761.22")
    assert (gamma["base_price_ht"], gamma["base_price_ttc"]) == ("9000.10", "9495.11")
    assert gamma["pse"] == [
        {
            "id": "PSE1",
            "label": "Nettoyage des vitres",
            "retained": True,
            "amount_ht": "1200.10",
            "amount_ttc": "1266.11",
        },
        {  # 200.00 × 1.055 = 211.00
            "id": "PSE2",
            "label": "Espaces verts",
            "retained": False,
            "amount_ht": "200.00",
            "amount_ttc": "211.00",
        },
    ]
    # lot 2 has its own PSE (PSE3); no offer of it in these rows
    assert data["lots"][1]["pse_retained"] == ["PSE3"]


def test_a_consultation_without_pse_has_no_pse_key(tmp_path: Path) -> None:
    lots = tmp_path / "plain.yaml"
    lots.write_text(
        "consultation: {title: T, cap_basis: ht}\nlots: [{id: 1, title: A, cap_ht: 20000}]\n",
        encoding="utf-8",
    )
    _, criteria, _ = consultation(tmp_path)
    offers = tmp_path / "plain.csv"
    offers.write_text(
        "candidate,lot,day_rate_ht,days,quality\nAlpha,1,450,10,4\n", encoding="utf-8"
    )
    args = ["score", str(offers), "--lots", str(lots), "--criteria", str(criteria)]
    data = json.loads(CliRunner().invoke(app, [*args, "--format", "json"]).stdout)
    lot = data["lots"][0]
    assert not {"pse", "pse_retained", "caps_include_pse"} & set(lot)
    assert not {"pse", "base_price_ht", "base_price_ttc"} & set(lot["offers"][0])
    header = CliRunner().invoke(app, [*args, "--format", "csv"]).stdout.splitlines()[0]
    assert "pse" not in header


def test_csv_gives_the_base_price_the_retained_ids_and_each_amount(tmp_path: Path) -> None:
    rows = _invoke(tmp_path, "score", "--format", "csv").splitlines()
    header = rows[0].split(",")
    assert header[8:15] == [
        "price_ht",
        "price_ttc",
        "base_price_ht",
        "pse_retained",
        "PSE1",
        "PSE2",
        "PSE3",
    ]
    alpha = dict(zip(header, rows[1].split(","), strict=False))
    assert (alpha["candidate"], alpha["price_ht"], alpha["base_price_ht"]) == (
        "Alpha",
        "10500.00",
        "10000.00",
    )
    assert (alpha["pse_retained"], alpha["PSE1"], alpha["PSE2"], alpha["PSE3"]) == (
        "PSE1",
        "500.00",
        "300.00",
        "",
    )


def test_the_price_note_names_the_pse_by_label(tmp_path: Path) -> None:
    markdown = _invoke(tmp_path, "score", "--format", "markdown", lang="fr")
    assert (
        "PSE retenues, comprises dans le prix comparé (offre de base + PSE) : « Nettoyage des "
        "vitres ». Non retenues : « Espaces verts »." in markdown
    )
    table = " ".join(_invoke(tmp_path, "score").split())
    assert (
        "PSE included in the compared price (base + PSE): “Nettoyage des vitres”. Not included: "
        "“Espaces verts”." in table
    )


def test_explain_adds_the_retained_pse_to_the_base_price(tmp_path: Path) -> None:
    out = " ".join(_invoke(tmp_path, "explain", "--lot", "1", first=("Gamma",)).split())
    assert "Price HT = the lump sum the offer states (F4) = 9000.10." in out
    assert (
        "Compared price HT = base price + retained PSE = 9000.10 + 1200.10 (Nettoyage des vitres)"
        " = 10200.20; TTC = 9495.11 + 1266.11 (Nettoyage des vitres) = 10761.22; not retained: "
        "200.00 (Espaces verts)." in out
    )


def test_ocds_bids_are_valued_at_the_compared_price_with_their_parts(tmp_path: Path) -> None:
    release_path = tmp_path / "release.json"
    _invoke(tmp_path, "export", "--ocds", "--out", str(release_path))
    release = json.loads(release_path.read_text(encoding="utf-8"))
    release = release["releases"][0] if "releases" in release else release
    lot = release["tender"]["lots"][0]
    assert lot["referent:pse"] == {
        "items": [
            {"id": "PSE1", "title": "Nettoyage des vitres", "retained": True},
            {"id": "PSE2", "title": "Espaces verts", "retained": False},
        ],
        "capsIncludeRetained": True,
    }
    alpha = next(b for b in release["bids"]["details"] if b["id"] == "lot-1-row-2")
    assert alpha["value"] == {"amount": 10500.0, "currency": "EUR"}
    evaluation = alpha["referent:evaluation"]
    assert evaluation["basePrice"] == 10000.0
    assert [(p["id"], p["retained"], p["amountHt"]) for p in evaluation["pse"]] == [
        ("PSE1", True, 500.0),
        ("PSE2", False, 300.0),
    ]


def test_letters_and_report_say_which_pse_the_prices_include(tmp_path: Path) -> None:
    folder = tmp_path / "lettres"
    _invoke(tmp_path, "letters", "--lot", "1", "--format", "markdown", "--out", str(folder))
    beta = (folder / "lot-1-beta.md").read_text(encoding="utf-8")
    assert (
        "Les prix comparés sont ceux des offres de base augmentés de la prestation "
        "supplémentaire éventuelle retenue : « Nettoyage des vitres »." in " ".join(beta.split())
    )
    report = tmp_path / "rapport.html"
    _invoke(tmp_path, "report", "--out", str(report))
    html = " ".join(report.read_text(encoding="utf-8").split())
    assert "PSE retenues, comprises dans le prix comparé" in html
    assert "« Nettoyage des vitres »" in html


def test_check_budget_shows_the_prices_the_caps_are_checked_against(tmp_path: Path) -> None:
    # Delta: base 10600.00 + PSE1 500.00 = 11100.00 > cap 11000.00 by 100.00; base within by 400.00
    rows = (*ROWS[:3], ("Delta", 1, None, None, "0.2", "10600", "500", "50", None, 5))
    for setting, price, margin, verdict, note in (
        ("", "11100.00", "-100.00", "over", "prices with the retained PSE: “Nettoyage des vitres”"),
        (
            "  caps_include_pse: false\n",
            "10600.00",
            "400.00",
            "ok",
            "base prices, without the PSE (caps_include_pse: false)",
        ),
    ):
        lots_text = LOTS.replace("  cap_basis: ht\n", f"  cap_basis: ht\n{setting}")
        lots, criteria, offers = consultation(tmp_path, lots=lots_text, rows=rows)
        args = ["check-budget", str(offers), "--lots", str(lots), "--criteria", str(criteria)]
        csv_rows = CliRunner().invoke(app, [*args, "--format", "csv"]).stdout.splitlines()
        header = csv_rows[0].split(",")
        delta = dict(
            zip(header, next(r for r in csv_rows if ",Delta," in r).split(","), strict=False)
        )
        assert (delta["price_ht"], delta["margin"], delta["verdict"]) == (price, margin, verdict)
        table = " ".join(CliRunner().invoke(app, args).stdout.split())
        assert note in table


def test_explain_json_has_the_pse_step_and_says_when_none_is_retained(tmp_path: Path) -> None:
    data = json.loads(
        _invoke(tmp_path, "explain", "--lot", "1", "--format", "json", first=("Alpha",))
    )
    steps = {step["code"]: step for step in data["steps"]}
    # 10000.00 + 500.00 = 10500.00 HT; 12000.00 + 600.00 = 12600.00 TTC
    assert steps["price-ht"]["figures"]["price_ht"] == "10000.00"
    pse = steps["price-pse"]["figures"]
    assert (pse["pse_retained"], pse["pse_PSE1_ht"], pse["pse_PSE2_ht"]) == (
        "PSE1",
        "500.00",
        "300.00",
    )
    assert (pse["price_ht"], pse["price_ttc"]) == ("10500.00", "12600.00")

    lots, criteria, offers = consultation(
        tmp_path,
        lots=LOTS.replace(
            "Nettoyage des vitres, retained: true", "Nettoyage des vitres, retained: false"
        ),
        rows=ROWS[:3],
    )
    args = ["explain", "Alpha", str(offers), "--lots", str(lots), "--criteria", str(criteria)]
    out = " ".join(CliRunner().invoke(app, [*args, "--lot", "1"]).stdout.split())
    assert (
        "No PSE is retained: the compared price is the base price; not retained: 500.00 (Nettoyage"
        " des vitres) and 300.00 (Espaces verts)." in out
    )
