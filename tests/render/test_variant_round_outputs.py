"""Variants and negotiation rounds in the outputs: the JSON's ``variant``, ``round``,
``rounds`` and ``regularised`` (only for a sheet with those columns), explain's rounds, the
Markdown's « initial offer → final offer », the letters' file names, and the OCDS release
(valid against the schema with the bid extension).

The test consultation (conftest.py): lot 1 capped at 10000 HT, quality 60 points (marks 0-5),
price 40 points proportional on HT (40 × Pmin / P), deadline 2018-03-23, ``cv`` required;
round 2's deadline 2018-04-10. Every figure is worked out by hand:

- round 1: Alpha 450 × 10 = 4500.00 (mark 4: 48), Alpha's variant « Visio » 380 × 10 = 3800.00
  (mark 3: 36), Beta 400 × 10 = 4000.00 without its cv (incomplete). Pmin 3800: Alpha
  48 + 40 × 3800/4500 = 48 + 304/9 = 736/9 = 81.78, first; Visio 36 + 40 = 76, second.
- round 2: Alpha 400 × 10 = 4000.00, Beta 420 × 10 = 4200.00 with its cv (mark 3: 36); Visio
  unchanged. Pmin 3800: Alpha 48 + 40 × 3800/4000 = 48 + 38 = 86, first; Visio 76, second;
  Beta 36 + 40 × 3800/4200 = 36 + 760/21 = 1516/21 = 72.19, third.
"""

import json
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import openpyxl
import pytest
from test_ocds import OfflineValidator
from typer.testing import CliRunner

from referent_ess import api
from referent_ess.cli import app
from referent_ess.render.letters.file_names import file_names
from referent_ess.render.ocds import build_ocds_release
from referent_ess.render.run_info import run_info

LOTS = """\
consultation:
  title: Test consultation
  deadline: 2018-03-23
  vat_rate: 0.20
  required_documents: [cv]
  rounds: [{number: 2, deadline: 2018-04-10}]
lots:
  - {id: 1, title: Lot one, cap_ht: 10000}
"""
HEADER = ["candidate", "lot", "day_rate_ht", "days", "vat_rate", "cv", "quality", "received_at"]
ROWS = [
    ["Alpha", 1, 450, 10, 0.2, "oui", 4, "22/03/2018", None, 1],
    ["Alpha", 1, 400, 10, 0.2, "oui", 4, "08/04/2018", None, 2],
    ["Alpha", 1, 380, 10, 0.2, "oui", 3, "22/03/2018", "Visio", 1],
    ["Beta", 1, 400, 10, 0.2, "non", 3, "22/03/2018", None, 1],
    ["Beta", 1, 420, 10, 0.2, "oui", 3, "09/04/2018", None, 2],
]


@pytest.fixture
def args(
    make_config: Callable[..., tuple[Path, Path]], make_workbook: Callable[..., Path]
) -> list[str]:
    lots, criteria = make_config(lots_text=LOTS)
    book = make_workbook(ROWS, [*HEADER, "Variante", "Tour"])
    return [str(book), "--lots", str(lots), "--criteria", str(criteria)]


def invoke(runner: CliRunner, *words: str) -> str:
    result = runner.invoke(app, list(words))
    assert result.exit_code == 0, result.output
    return result.stdout


def test_the_json_gives_each_offers_variant_and_rounds(runner: CliRunner, args: list[str]) -> None:
    data = json.loads(invoke(runner, "score", *args, "-f", "json"))
    offers = {o["row"]: o for o in data["lots"][0]["offers"]}
    assert sorted(offers) == [3, 4, 6]  # the latest round of each offer
    alpha, visio, beta = offers[3], offers[4], offers[6]
    assert (alpha["variant"], alpha["round"], alpha["regularised"]) == (None, 2, False)
    assert [(r["round"], r["row"], r["status"], r["price_ht"], r["total"], r["rank"])
            for r in alpha["rounds"]] == [
        (1, 2, "admissible", "4500.00", 81.78, 1),
        (2, 3, "admissible", "4000.00", 86.0, 1),
    ]  # fmt: skip
    # round 1 points: quality 48, price 304/9 = 33.78
    assert alpha["rounds"][0]["points"] == {"quality": 48.0, "price": 33.78}
    assert (visio["candidate"], visio["variant"], visio["round"]) == ("Alpha", "Visio", 1)
    assert [(r["round"], r["total"], r["rank"]) for r in visio["rounds"]] == [(1, 76.0, 2)]
    assert beta["regularised"] is True
    assert [(r["round"], r["status"], r["price_ttc"], r["total"], r["rank"])
            for r in beta["rounds"]] == [
        (1, "incomplete", "4800.00", None, None),
        (2, "admissible", "5040.00", 72.19, 3),
    ]  # fmt: skip


def test_a_sheet_without_the_two_columns_keeps_the_json_keys_of_before(
    runner: CliRunner, config: list[str], book: Path
) -> None:
    data = json.loads(invoke(runner, "score", str(book), *config, "-f", "json"))
    offer = data["lots"][0]["offers"][0]
    assert not {"variant", "round", "rounds", "regularised"} & offer.keys()


@pytest.mark.usefixtures("wide_terminal")
def test_explain_tells_the_earlier_rounds_and_the_regularisation(
    runner: CliRunner, args: list[str]
) -> None:
    lines = invoke(runner, "explain", "Beta", *args, "--lot", "1").splitlines()
    assert lines[1:4] == [
        " 1. Round 1 (row 5): incomplete, price 4000.00 € HT.",
        " 2. This offer is that of round 2 (row 6), the last one: it is the one evaluated.",
        " 3. Irregular or unacceptable in an earlier round, it no longer is in the last one: "
        "regularised during the negotiation (art. R2152-1 of the Code de la commande publique).",
    ]
    lines = invoke(runner, "explain", "alpha", *args, "--lot", "1", "--variant", "visio")
    assert lines.splitlines()[0] == "Lot 1 — Lot one: variant “Visio” of Alpha (row 4, rank 2)"


@pytest.mark.usefixtures("wide_terminal")
def test_explain_judges_a_later_rounds_reception_against_that_rounds_deadline(
    runner: CliRunner,
    args: list[str],
    make_config: Callable[..., tuple[Path, Path]],
    make_workbook: Callable[..., Path],
) -> None:
    # Beta's round 2 came on 09/04/2018: after the first deadline (2018-03-23), before round 2's
    # (2018-04-10). Explain said "by the deadline 2018-03-23 (the end of that day)" before.
    text = invoke(runner, "explain", "Beta", *args, "--lot", "1")
    assert (
        "received 2018-04-09, by the deadline 2018-04-10 (the end of that day) "
        "(the deadline of round 2)" in text
    ), text
    assert "2018-03-23" not in text.split("Status admissible")[1]
    # round 1's offers keep the consultation's deadline, without a round
    text = invoke(runner, "explain", "alpha", *args, "--lot", "1", "--variant", "visio")
    assert "received 2018-03-22, by the deadline 2018-03-23 (the end of that day);" in text
    french = runner.invoke(app, ["--lang", "fr", "explain", "Beta", *args, "--lot", "1"])
    assert "dans le délai (date limite : 10/04/2018 inclus, celle du tour 2)" in french.stdout
    # a round that `rounds` gives no deadline (Beta's second offer typed as round 3): said
    # so, never the first round's deadline
    lots, criteria = make_config(lots_text=LOTS)
    book = make_workbook([*ROWS[:-1], [*ROWS[-1][:-1], 3]], [*HEADER, "Variante", "Tour"])
    words = [str(book), "--lots", str(lots), "--criteria", str(criteria)]
    text = invoke(runner, "explain", "Beta", *words, "--lot", "1")
    assert "no deadline is set for round 3;" in text, text


def test_the_markdown_says_initial_offer_then_final_offer(
    runner: CliRunner, args: list[str]
) -> None:
    text = invoke(runner, "score", *args, "-f", "markdown")
    assert (
        "- Alpha: initial offer (round 1: 4500.00 € HT, rank 1, 81.78 points) → final offer "
        "(round 2: 4000.00 € HT, rank 1, 86.00 points)"
    ) in text
    assert (
        "- Beta: initial offer (round 1: 4000.00 € HT, incomplete) → final offer (round 2: "
        "4200.00 € HT, rank 3, 72.19 points) — regularised during the negotiation (art. "
        "R2152-1 of the Code de la commande publique)"
    ) in text
    french = invoke(runner, "--lang", "fr", "score", *args, "-f", "markdown")
    assert "**Négociation : offre initiale → offre finale**" in french


def test_a_variants_letter_has_its_own_file_name(
    make_config: Callable[..., tuple[Path, Path]], make_workbook: Callable[..., Path]
) -> None:
    lots, criteria = make_config(lots_text=LOTS)
    evaluation = api.score(lots, criteria, make_workbook(ROWS, [*HEADER, "Variante", "Tour"]))
    assert file_names(evaluation.lots[0]) == [
        "lot-1-alpha.md",
        "lot-1-alpha-variante-visio.md",
        "lot-1-beta.md",
    ]


def test_the_ocds_release_marks_variants_and_keeps_the_rounds_and_is_valid(
    make_config: Callable[..., tuple[Path, Path]], make_workbook: Callable[..., Path]
) -> None:
    lots, criteria = make_config(lots_text=LOTS)
    evaluation = api.score(lots, criteria, make_workbook(ROWS, [*HEADER, "Variante", "Tour"]))
    run = run_info(evaluation, datetime(2026, 1, 5, 10, 0, tzinfo=UTC), ["referent"])
    release = build_ocds_release(evaluation, run)
    assert OfflineValidator().errors(release) == []
    bids = {bid["id"]: bid for bid in release["bids"]["details"]}
    assert sorted(bids) == ["lot-1-row-3", "lot-1-row-4", "lot-1-row-6"]
    assert (bids["lot-1-row-3"]["variant"], bids["lot-1-row-4"]["variant"]) == (False, True)
    assert bids["lot-1-row-4"]["referent:variant"] == "Visio"
    beta = bids["lot-1-row-6"]["referent:evaluation"]
    assert (beta["round"], beta["regularised"]) == (2, True)
    assert [(r["round"], r["row"], r["status"], r["value"]["amount"]) for r in beta["rounds"]] == [
        (1, 5, "incomplete", 4000.0)
    ]


def test_the_csv_has_the_variant_and_round_columns_after_the_row(
    runner: CliRunner, args: list[str]
) -> None:
    lines = invoke(runner, "score", *args, "-f", "csv").splitlines()
    assert lines[0].startswith("lot,rank,candidate,row,variant,round,status,")
    # ranked: Alpha (86), its variant Visio (76), Beta (72.19)
    assert [line.split(",")[:7] for line in lines[1:]] == [
        ["1", "1", "Alpha", "3", "", "2", "admissible"],
        ["1", "2", "Alpha", "4", "Visio", "1", "admissible"],
        ["1", "3", "Beta", "6", "", "2", "admissible"],
    ]


def test_a_csv_without_the_two_columns_keeps_its_columns(
    runner: CliRunner, config: list[str], book: Path
) -> None:
    header = invoke(runner, "score", str(book), *config, "-f", "csv").splitlines()[0]
    assert header.startswith("lot,rank,candidate,row,status,")


def test_a_letter_says_which_offer_it_is_about(
    runner: CliRunner, args: list[str], tmp_path: Path
) -> None:
    out = tmp_path / "lettres"
    out.mkdir()
    invoke(runner, "letters", *args, "--lot", "1", "--format", "markdown", "--out", str(out))
    beta = (out / "lot-1-beta.md").read_text(encoding="utf-8")
    assert (
        "n'a pas été retenue. Cette lettre porte sur votre offre finale, remise au tour 2 de la "
        "négociation.\n"
    ) in beta
    visio = (out / "lot-1-alpha-variante-visio.md").read_text(encoding="utf-8")
    assert "n'a pas été retenue. Cette lettre porte sur votre variante « Visio ».\n" in visio


# A winning variant: Alpha 450 × 10 = 4500.00 (mark 4: 48 + 40 × 3000/4500 = 48 + 80/3 = 74.67),
# Alpha's variant « Visio » 300 × 10 = 3000.00 (mark 3: 36 + 40 = 76, first), Beta 400 × 10 =
# 4000.00 (mark 3: 36 + 30 = 66)
VARIANT_WINS = [
    ["Alpha", 1, 450, 10, 0.2, "oui", 4, "22/03/2018", None],
    ["Alpha", 1, 300, 10, 0.2, "oui", 3, "22/03/2018", "Visio"],
    ["Beta", 1, 400, 10, 0.2, "oui", 3, "22/03/2018", None],
]


def test_a_winning_variant_is_named_as_the_variant_wherever_the_winner_is_named(
    runner: CliRunner,
    make_config: Callable[..., tuple[Path, Path]],
    make_workbook: Callable[..., Path],
    tmp_path: Path,
) -> None:
    lots, criteria = make_config(lots_text=LOTS)
    book = make_workbook(VARIANT_WINS, [*HEADER, "Variante"])
    words = [str(book), "--lots", str(lots), "--criteria", str(criteria)]
    out = tmp_path / "lettres"
    out.mkdir()
    invoke(runner, "letters", *words, "--lot", "1", "--format", "markdown", "--out", str(out))
    beta = (out / "lot-1-beta.md").read_text(encoding="utf-8")
    assert "variante « Visio » de Alpha" in beta
    base = (out / "lot-1-alpha.md").read_text(encoding="utf-8")  # Alpha's own base offer lost
    assert "variante « Visio » de Alpha" in base
    winner = (out / "lot-1-alpha-variante-visio.md").read_text(encoding="utf-8")
    assert "Cette lettre porte sur votre variante « Visio »." in winner
    html = tmp_path / "rapport.html"
    invoke(runner, "report", *words, "--out", str(html))
    assert "<strong>variante « Visio » de Alpha</strong>" in html.read_text(encoding="utf-8")
    xlsx = tmp_path / "rapport.xlsx"
    invoke(runner, "report", *words, "--out", str(xlsx))
    summary = openpyxl.load_workbook(xlsx)["Synthèse"]
    cells = [str(c.value) for row in summary.iter_rows() for c in row if c.value is not None]
    assert "variante « Visio » de Alpha" in cells


def test_the_xlsx_lot_sheet_says_initial_offer_then_final_offer(
    runner: CliRunner, args: list[str], tmp_path: Path
) -> None:
    # the figures of the module's docstring, French formats (narrow no-break space in amounts);
    # Beta's round 1 lacks its cv: status incomplete, « irrégulière » in French documents
    xlsx = tmp_path / "rapport.xlsx"
    invoke(runner, "report", *args, "--out", str(xlsx))
    ws = openpyxl.load_workbook(xlsx)["Lot 1"]
    cells = [str(c.value) for row in ws.iter_rows() for c in row if c.value is not None]
    heading = cells.index("Négociation : offre initiale → offre finale")
    assert cells[heading + 1 : heading + 3] == [
        "Alpha : offre initiale (tour 1 : 4\u202f500,00\u00a0€ HT, rang 1, 81,78 points) → offre "
        "finale (tour 2 : 4\u202f000,00\u00a0€ HT, rang 1, 86,00 points)",
        "Beta : offre initiale (tour 1 : 4\u202f000,00\u00a0€ HT, irrégulière) → offre finale "
        "(tour 2 : 4\u202f200,00\u00a0€ HT, rang 3, 72,19 points) — offre régularisée au cours de "
        "la négociation (art. R2152-1 du Code de la commande publique)",
    ]


def test_an_xlsx_lot_sheet_without_rounds_has_no_negotiation_part(
    runner: CliRunner,
    make_config: Callable[..., tuple[Path, Path]],
    make_workbook: Callable[..., Path],
    tmp_path: Path,
) -> None:
    lots, criteria = make_config(lots_text=LOTS)
    book = make_workbook(VARIANT_WINS, [*HEADER, "Variante"])
    xlsx = tmp_path / "rapport.xlsx"
    invoke(runner, "report", str(book), "--lots", str(lots), "--criteria", str(criteria),
           "--out", str(xlsx))  # fmt: skip
    ws = openpyxl.load_workbook(xlsx)["Lot 1"]
    cells = [str(c.value) for row in ws.iter_rows() for c in row if c.value is not None]
    assert not any("offre initiale" in cell for cell in cells)
