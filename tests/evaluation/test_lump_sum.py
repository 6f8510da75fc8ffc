"""A lot priced as a lump sum (``price_model: lump_sum``): the amount HT of the offer is its
price, the day rate and the days are not needed, and everything downstream (caps, ranking,
explain, budget check, JSON) works on that amount."""

import json
from collections.abc import Callable
from decimal import Decimal
from fractions import Fraction
from pathlib import Path

import pytest
from typer.testing import CliRunner

from helpers import english
from referent_ess import api, i18n
from referent_ess.cli import app
from referent_ess.config.choices import PriceModel
from referent_ess.evaluation.budget import Unchecked, unchecked_because
from referent_ess.evaluation.results import Status
from referent_ess.problems.errors import ReferentError
from referent_ess.problems.problem import Problem

# Lot 1 by day rate × days (cap 10000 HT), lot 2 as a lump sum (cap 5000 HT).
LOTS = """\
consultation:
  title: Test consultation
  deadline: 2018-03-23
  vat_rate: 0.20
  cap_basis: ht
  required_documents: [cv]
lots:
  - id: 1
    title: Lot one
    cap_ht: 10000
  - id: 2
    title: Lot two
    cap_ht: 5000
    price_model: lump_sum
"""

HEADER = ["candidate", "lot", "day_rate_ht", "days", "vat_rate", "price_ht", "cv", "quality"]
ROWS = [
    ["Alpha", 1, 450, 10, 0.2, None, "oui", 4],  # 450 × 10 = 4500.00 HT
    ["Beta", 2, None, None, 0.2, 4000, "oui", 3],  # the lump sum 4000.00 HT is the price
    ["Gamma", 2, None, None, 0.2, 4500, "oui", 5],  # 4500.00 HT
    ["Over", 2, 100, 10, 0.2, "5000.50", "oui", 5],  # 5000.50 > 5000.00: over by 0.50
]

Maker = Callable[..., Path]


def _files(make_config: Maker, make_workbook: Maker, rows: list[list[object]] = ROWS) -> list[Path]:
    lots, criteria = make_config(lots_text=LOTS)
    return [lots, criteria, make_workbook(rows, HEADER)]


def test_the_lump_sum_is_the_price_and_the_lot_is_ranked_on_it(
    make_config: Maker, make_workbook: Maker
) -> None:
    evaluation = api.score(*_files(make_config, make_workbook))
    assert evaluation.config.lot(2) is not None
    assert evaluation.config.price_model_for(2) is PriceModel.LUMP_SUM
    assert evaluation.config.price_model_for(1) is PriceModel.DAY_RATE
    lot2 = evaluation.lots[1]
    offers = {r.candidate: r for r in lot2.offers}
    assert offers["Beta"].price_ht == Decimal("4000.00")
    assert offers["Beta"].price_ttc == Decimal("4800.00")  # 4000 × 1.20
    # quality 60 × mark / 5, price 40 × Pmin / P with Pmin = 4000.00
    # Beta: 60 × 3/5 = 36, 40 × 4000/4000 = 40: 76
    # Gamma: 60 × 5/5 = 60, 40 × 4000/4500 = 320/9: 860/9 = 95.56
    assert offers["Beta"].total == Fraction(76)
    assert offers["Gamma"].total == Fraction(860, 9)
    assert [r.candidate for r in lot2.ranked] == ["Gamma", "Beta"]
    # over the cap, and the reason points at the amount's cell (F5), not the day rate's
    assert offers["Over"].status is Status.OVER_CAP
    assert [(r.code, r.cell, r.field) for r in offers["Over"].reasons] == [
        ("over_cap", "F5", "price_ht")
    ]
    assert offers["Over"].price_ht == Decimal("5000.50")  # not 100 × 10
    # lot 1 is unchanged: 450 × 10
    assert evaluation.lots[0].offers[0].price_ht == Decimal("4500.00")


def test_no_day_rate_is_needed_but_the_amount_is(make_config: Maker, make_workbook: Maker) -> None:
    rows = [*ROWS, ["Delta", 2, 300, None, 0.2, None, "oui", 5], ["Eps", 1, 300, 2, 0.2]]
    report = api.validate(*_files(make_config, make_workbook, rows))
    # only Delta's empty amount (F6) is an error: no day rate or days are asked of lot 2, and
    # no amount of lot 1 (Eps, row 7, G7/H7 aside)
    errors = [(p.code, p.cell) for p in report.errors]
    assert ("missing-value", "F6") in errors
    assert not any(cell in {"C3", "D3", "C4", "D4", "D6", "F2", "F7"} for _, cell in errors)
    problem = next(p for p in report.errors if p.cell == "F6")
    assert english(problem) == (
        "empty cell: the amount HT (the lot is priced as a lump sum) is required"
    )


def test_the_french_message_of_an_empty_amount(
    runner: CliRunner, make_config: Maker, make_workbook: Maker
) -> None:
    rows = [["Delta", 2, None, None, 0.2, None, "oui", 5]]
    lots, criteria, book = _files(make_config, make_workbook, rows)
    result = runner.invoke(
        app,
        ["--lang", "fr", "validate", str(book), "--lots", str(lots), "--criteria", str(criteria)],
    )
    assert result.exit_code == 1
    assert "le montant HT (le lot est à prix forfaitaire) est obligatoire" in result.stdout


def test_a_sheet_without_an_amount_column_is_unusable_when_a_lot_is_a_lump_sum(
    make_config: Maker, make_workbook: Maker
) -> None:
    lots, criteria = make_config(lots_text=LOTS)
    header = ["candidate", "lot", "day_rate_ht", "days", "cv", "quality"]
    report = api.validate(lots, criteria, make_workbook([["Alpha", 1, 450, 10, "oui", 4]], header))
    assert [(p.code, p.field) for p in report.errors] == [("missing-column", "price_ht")]


def test_only_lump_sums_need_no_day_rate_column(make_config: Maker, make_workbook: Maker) -> None:
    lots_text = LOTS.replace(
        "    cap_ht: 10000\n", "    cap_ht: 10000\n    price_model: lump_sum\n"
    )
    lots, criteria = make_config(lots_text=lots_text)
    header = ["candidate", "lot", "price_ht", "cv", "quality"]
    book = make_workbook([["Alpha", 1, "1234.56", "oui", 4]], header)
    assert api.validate(lots, criteria, book).valid
    offer = api.score(lots, criteria, book).lots[0].offers[0]
    assert offer.price_ht == Decimal("1234.56")
    assert offer.price_ttc == Decimal("1481.47")  # 1234.56 × 1.2 = 1481.472 → 1481.47


def test_an_unreadable_amount_cannot_be_checked_against_the_cap(
    make_config: Maker, make_workbook: Maker
) -> None:
    rows = [["Zeta", 2, None, None, 0.2, "beaucoup", "oui", 5]]
    evaluation = api.check_budget(*_files(make_config, make_workbook, rows))
    zeta = evaluation.lots[1].offers[0]
    assert [(r.code, r.cell) for r in zeta.reasons] == [("bad-number", "F2")]
    assert unchecked_because(zeta) is Unchecked.NO_AMOUNT


def test_a_missing_amount_column_makes_the_sheet_unusable_for_a_budget_check(
    make_config: Maker, make_workbook: Maker
) -> None:
    lots, criteria = make_config(lots_text=LOTS)
    header = ["candidate", "lot", "day_rate_ht", "days", "cv", "quality"]
    with pytest.raises(ReferentError) as raised:
        api.check_budget(lots, criteria, make_workbook([["Beta", 2, 1, 1, "oui"]], header))
    assert [(p.code, p.field) for p in raised.value.problems] == [("missing-column", "price_ht")]


def test_the_reason_of_a_lump_sum_without_its_amount_says_so() -> None:
    # validate evaluates a sheet without the column: each offer of the lot has no price
    reason = Problem("no-price", params=(("form", "lump-sum"),))
    assert english(reason) == (
        "no price: the lot is priced as a lump sum and the amount HT is missing"
    )


def test_explain_says_the_price_is_the_lump_sum(
    runner: CliRunner, make_config: Maker, make_workbook: Maker
) -> None:
    lots, criteria, book = _files(make_config, make_workbook)
    args = [str(book), "--lot", "2", "--lots", str(lots), "--criteria", str(criteria)]
    result = runner.invoke(app, ["--lang", "fr", "explain", "Beta", *args])
    assert result.exit_code == 0, result.output
    text = result.stdout.replace("\u202f", " ").replace("\u00a0", " ")
    assert "Prix HT = le montant forfaitaire indiqué dans l'offre (F3) = 4 000,00 €." in text
    english_run = runner.invoke(app, ["explain", "Beta", *args])
    assert "Price HT = the lump sum the offer states (F3) = 4000.00" in english_run.stdout


def test_json_says_which_lots_are_lump_sums(
    runner: CliRunner, make_config: Maker, make_workbook: Maker
) -> None:
    lots, criteria, book = _files(make_config, make_workbook)
    args = [str(book), "--lots", str(lots), "--criteria", str(criteria), "--format", "json"]
    for command in ("score", "check-budget"):
        result = runner.invoke(app, [command, *args])
        data = json.loads(result.stdout)
        by_id = {lot["id"]: lot for lot in data["lots"]}
        assert "price_model" not in by_id[1]  # the default, day rate × days, is not written
        assert by_id[2]["price_model"] == "lump_sum"
        beta = next(o for o in by_id[2]["offers"] if o["candidate"] == "Beta")
        assert beta["price_ht"] == "4000.00"


def test_a_day_rate_in_a_lump_sum_lot_is_not_read_and_said(
    make_config: Maker, make_workbook: Maker
) -> None:
    rows = [
        ["Beta", 2, 300, "n/a", 0.2, 4000, "oui", 3],
        ["Alpha", 1, 450, 10, 0.2, None, "oui", 4],
    ]
    report = api.validate(*_files(make_config, make_workbook, rows))
    # "n/a" would be a bad number of days in a lot priced by day rate: here it is only not read
    assert report.errors == ()
    assert [(p.code, p.cell) for p in report.warnings] == [
        ("not-for-lot", "C2"),
        ("not-for-lot", "D2"),
    ]
    assert english(report.warnings[0]) == (
        "lot 2 is priced as a lump sum: the day rate HT takes no part in its price "
        "(the amount HT is the price) and is not read; leave the cell empty"
    )
    assert i18n.message(report.warnings[1].code, report.warnings[1].params, lang="fr") == (
        "le lot 2 est à prix forfaitaire : le nombre de jours n'entre pas dans son prix (le prix "
        "est le montant HT) et n'est pas lu ; laissez la cellule vide"
    )
    beta = api.score(*_files(make_config, make_workbook, rows)).lots[1].offers[0]
    assert (beta.offer.day_rate_ht, beta.offer.days, beta.price_ht) == (None, None, Decimal("4000"))


def test_an_abnormally_low_lump_sum_is_flagged_at_its_amount(
    make_config: Maker, make_workbook: Maker
) -> None:
    lots_text = LOTS.replace(
        "  required_documents: [cv]\n",
        "  required_documents: [cv]\n  abnormally_low: {method: mean-ratio, ratio: 0.8}\n",
    )
    lots, criteria = make_config(lots_text=lots_text)
    rows = [
        ["Beta", 2, None, None, 0.2, 4000, "oui", 3],
        ["Gamma", 2, None, None, 0.2, 4500, "oui", 5],
        # 1000 < 0.8 × (4000 + 4500) / 2 = 3400: flagged; 4000 > 0.8 × 2750 = 2200 and
        # 4500 > 0.8 × 2500 = 2000 are not
        ["Low", 2, None, None, 0.2, 1000, "oui", 1],
    ]
    lot2 = api.score(lots, criteria, make_workbook(rows, HEADER)).lots[1]
    flagged = [
        (r.candidate, w.cell, w.field)
        for r in lot2.offers
        for w in r.warnings
        if w.code == "abnormally-low"
    ]
    assert flagged == [("Low", "F4", "price_ht")]


def test_ocds_and_csv_carry_the_lump_sum(
    runner: CliRunner, make_config: Maker, make_workbook: Maker, tmp_path: Path
) -> None:
    lots, criteria, book = _files(make_config, make_workbook)
    config = ["--lots", str(lots), "--criteria", str(criteria)]
    out = tmp_path / "release.json"
    result = runner.invoke(app, ["export", str(book), *config, "--ocds", "--out", str(out)])
    assert result.exit_code == 0, result.output
    release = json.loads(out.read_text(encoding="utf-8"))
    release = release["releases"][0] if "releases" in release else release
    amounts = sorted(bid["value"]["amount"] for bid in release["bids"]["details"])
    # Alpha 450 × 10 = 4500 (lot 1); Beta 4000, Gamma 4500, Over 5000.50 (lot 2, lump sums)
    assert amounts == [4000, 4500, 4500, 5000.5]
    csv_run = runner.invoke(app, ["score", str(book), *config, "--format", "csv"])
    beta = next(line for line in csv_run.stdout.splitlines() if ",Beta," in line)
    # day_rate_ht and days empty, price HT 4000.00, TTC 4800.00
    assert ",,,0.20,4000.00,4800.00," in beta
