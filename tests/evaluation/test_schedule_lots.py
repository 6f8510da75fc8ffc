"""Lots priced line by line, wired through the evaluation: a schedule (BPU × DQE) lot and a DPGF
lot, every price from their lines, the arithmetic errors flagged with the lines that explain
them and the rule applied, and the ranking on the price the rule gives."""

from dataclasses import replace
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from helpers import english
from referent_ess import api
from referent_ess.config.choices import Prevails
from referent_ess.config.model import Config, ScheduleLine
from referent_ess.evaluation.budget import Unchecked, unchecked_because
from referent_ess.evaluation.judge import judge
from referent_ess.evaluation.results import OfferResult, Status
from referent_ess.intake.offer import Offer, StatedLine
from schedule_case import LOTS, OFFERS, PRICES, write_case

D = Decimal


def _offers(tmp_path: Path, lots: str = LOTS) -> dict[str, OfferResult]:
    evaluation = api.score(*write_case(tmp_path, lots=lots))
    return {r.candidate: r for lot in evaluation.lots for r in lot.offers}


def test_every_price_is_the_sum_of_its_lines_each_rounded_to_the_cent(tmp_path: Path) -> None:
    offers = _offers(tmp_path)
    # Alpha: 500.00 × 1 = 500.00; 10.25 × 1.5 = 15.375 → 15.38; 3.33 × 12 = 39.96;
    # 500.00 + 15.38 + 39.96 = 555.34 (its stated total: no error)
    assert offers["Alpha"].price_ht == D("555.34")
    assert offers["Alpha"].price_ttc == D("666.41")  # 555.34 × 1.2 = 666.408 → 666.41
    assert not offers["Alpha"].warnings
    # Beta: 450.00 + 20.00 × 1.5 = 30.00 + 4.00 × 12 = 48.00 → 528.00
    assert offers["Beta"].price_ht == D("528.00")
    # Gamma: 520.00 + 12.10 × 1.5 = 18.15 + 5.05 × 12 = 60.60 → 598.75
    assert offers["Gamma"].price_ht == D("598.75")
    # DPGF: Delta 1000.00 + 2500.50 = 3500.50; Eps 1200.00 + 2000.00 = 3200.00
    assert offers["Delta"].price_ht == D("3500.50")
    assert offers["Eps"].price_ht == D("3200.00")
    schedule = offers["Alpha"].schedule
    assert schedule is not None
    assert [line.amount for line in schedule.lines] == [D("500.00"), D("15.38"), D("39.96")]


def test_the_lot_is_ranked_on_the_recomputed_prices(tmp_path: Path) -> None:
    offers = _offers(tmp_path)
    # lot 1: Pmin = 528.00 (Beta); quality 60 × mark / 5, price 40 × 528 / P
    # Beta: 48 + 40 = 88
    # Alpha: 48 + 40 × 528 / 555.34 = 48 + 2112000 / 55534 = 48 + 1056000/27767
    #        = (1332816 + 1056000) / 27767 = 2388816/27767
    # Gamma: 60 + 40 × 528 / 598.75 = 60 + 16896/479 = 45636/479 (95.27): first
    assert offers["Beta"].total == Fraction(88)
    assert offers["Alpha"].total == Fraction(2388816, 27767)
    assert offers["Gamma"].total == Fraction(45636, 479)
    assert [offers[c].rank for c in ("Gamma", "Beta", "Alpha")] == [1, 2, 3]
    # lot 2: Pmin = 3200.00 (Eps, not its stated 3300.00): Eps 60 + 40 = 100;
    # Delta 36 + 40 × 3200 / 3500.50 = 36 + 256000/7001 = 508036/7001
    assert offers["Eps"].total == Fraction(100)
    assert offers["Delta"].total == Fraction(508036, 7001)


def test_an_arithmetic_error_names_the_lines_that_explain_it_and_the_rule(
    tmp_path: Path,
) -> None:
    offers = _offers(tmp_path)
    [beta] = offers["Beta"].warnings
    assert (beta.code, beta.cell, beta.sheet) == ("arithmetic-error", "D3", "offers")
    # stated 450 + 20 + 48 = 518.00; line 1.2 states 20.00 for 20.00 × 1.5 = 30.00
    assert english(beta) == (
        "arithmetic error: the stated total HT 518.00 differs from the sum of the lines (unit "
        "price × quantity, each to the cent), 528.00 (line 1.2: its stated amount is not unit "
        "price × quantity); the unit prices prevail (prevails: unit_price in lots.yaml): the "
        "offer is evaluated on 528.00"
    )
    [gamma] = offers["Gamma"].warnings  # 600.00 stated, no line amount stated
    assert "600.00 differs from the sum of the lines (unit price × quantity, each to the " in (
        english(gamma)
    )
    assert "598.75 (no line's stated amount explains it: the total is miscounted)" in (
        english(gamma)
    )
    [eps] = offers["Eps"].warnings
    assert english(eps) == (
        "arithmetic error: the stated lump sum HT 3300.00 differs from the sum of the DPGF's "
        "lines, 3200.00; the lines prevail (prevails: unit_price in lots.yaml): the offer is "
        "evaluated on 3200.00"
    )


def test_the_stated_total_is_evaluated_when_it_prevails(tmp_path: Path) -> None:
    lots = LOTS.replace(
        "price_model: schedule\n", "price_model: schedule\n    prevails: stated_total\n"
    )
    lots = lots.replace("price_model: dpgf\n", "price_model: dpgf\n    prevails: stated_total\n")
    offers = _offers(tmp_path, lots)
    assert offers["Beta"].price_ht == D("518.00")  # as stated
    assert offers["Gamma"].price_ht == D("600.00")
    assert offers["Eps"].price_ht == D("3300.00")
    assert offers["Beta"].schedule is not None
    assert offers["Beta"].schedule.recomputed == D("528.00")  # still said
    assert "the stated total prevails (prevails: stated_total in lots.yaml): the offer is " in (
        english(offers["Beta"].warnings[0])
    )


def test_an_offer_without_its_lines_is_not_ranked(tmp_path: Path) -> None:
    prices = [p for p in PRICES if p[0] != "Gamma"]
    evaluation = api.score(*write_case(tmp_path, prices=prices))
    gamma = next(r for r in evaluation.lots[0].offers if r.candidate == "Gamma")
    assert gamma.status is Status.INVALID
    assert [r.code for r in gamma.reasons] == ["no-lines"]
    assert gamma.price_ht is None
    assert unchecked_because(gamma) is Unchecked.NO_LINES
    # Beta now first: 88 > Alpha's 2388816/27767 (86.03)
    assert [r.candidate for r in evaluation.lots[0].ranked] == ["Beta", "Alpha"]


def test_a_schedule_offer_over_the_cap_is_over_the_cap(tmp_path: Path) -> None:
    prices = [list(p) for p in PRICES]
    prices[0][3] = 9500  # Alpha 1.1: 9500.00 + 15.38 + 39.96 = 9555.34 ≤ 10000
    prices[2][3] = 40  # Alpha 2: 40 × 12 = 480.00: 9500 + 15.38 + 480 = 9995.38 ≤ 10000
    prices[1][3] = 10.25
    offers_rows = [list(o) for o in OFFERS]
    offers_rows[0][3] = None
    evaluation = api.score(*write_case(tmp_path, offers_rows, prices))
    alpha = next(r for r in evaluation.lots[0].offers if r.candidate == "Alpha")
    assert alpha.price_ht == D("9995.38")
    assert alpha.status is Status.ADMISSIBLE
    prices[2][3] = 41  # 41 × 12 = 492.00: 9500 + 15.38 + 492 = 10007.38 > 10000 by 7.38
    evaluation = api.score(*write_case(tmp_path, offers_rows, prices))
    alpha = next(r for r in evaluation.lots[0].offers if r.candidate == "Alpha")
    assert alpha.status is Status.OVER_CAP
    assert alpha.budget[0].margin == D("-7.38")


@pytest.fixture(scope="module")
def case_config(tmp_path_factory: pytest.TempPathFactory) -> Config:
    config, _ = api.load(*write_case(tmp_path_factory.mktemp("case")))
    return config


cents = st.integers(min_value=1, max_value=10**9).map(lambda n: D(n) / 100)
quantities = st.integers(min_value=1, max_value=10**7).map(lambda n: D(n) / 1000)


@settings(deadline=None, max_examples=200)
@given(st.lists(st.tuples(cents, quantities), min_size=1, max_size=25))
def test_a_schedule_offer_is_priced_exactly_the_sum_of_its_line_prices(
    case_config: Config, pairs: list[tuple[Decimal, Decimal]]
) -> None:
    lot = replace(
        case_config.lots[0],
        lines=tuple(ScheduleLine(f"L{i}", f"line {i}", None, q) for i, (_, q) in enumerate(pairs)),
        prevails=Prevails.UNIT_PRICE,
    )
    offer = Offer(
        row=2,
        candidate="A",
        lot=lot.id,
        day_rate_ht=None,
        days=None,
        vat_rate=D("0.2"),
        price_ht_stated=None,
        received_at=None,
        documents={"cv": True},
        marks={"quality": D(3)},
        cells={},
        lines=tuple(
            StatedLine(f"L{i}", price, None, f"prix!D{i + 2}", i + 2)
            for i, (price, _) in enumerate(pairs)
        ),
    )
    result = judge(offer, lot, case_config, ("offers.xlsx", "offers"))
    # each line: price × quantity to the cent, half up (the documented rounding), then summed
    expected = sum(
        ((p * q).quantize(D("0.01"), rounding=ROUND_HALF_UP) for p, q in pairs), D("0.00")
    )
    assert result.price_ht == expected
    assert result.schedule is not None
    assert result.schedule.recomputed == sum((line.amount for line in result.schedule.lines), D(0))


def test_an_abnormally_low_schedule_price_is_flagged_on_its_recomputed_price(
    tmp_path: Path,
) -> None:
    lots = LOTS.replace(
        "  cap_basis: ht\n", "  cap_basis: ht\n  abnormally_low: {method: mean-ratio}\n"
    )
    prices = [list(p) for p in PRICES]
    prices[3][3] = 50  # Beta 1.1: 50.00 + 30.00 + 48.00 = 128.00
    prices[3][4] = None
    evaluation = api.score(*write_case(tmp_path, prices=prices, lots=lots))
    offers = {r.candidate: r for r in evaluation.lots[0].offers}
    assert offers["Beta"].price_ht == D("128.00")
    # mean of 555.34, 128.00 and 598.75 = 1282.09 / 3 = 427.363…; × 0.8 = 341.89…: Beta only
    flagged = [c for c, r in offers.items() if any(w.code == "abnormally-low" for w in r.warnings)]
    assert flagged == ["Beta"]
    warning = next(w for w in offers["Beta"].warnings if w.code == "abnormally-low")
    assert (warning.cell, warning.field) == ("D3", "price_ht")  # the stated total's cell
