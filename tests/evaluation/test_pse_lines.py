"""A PSE priced by lines in the evaluation: its amount is the sum of its line amounts (each unit
price × quantity to the cent, half up, like the lot's own lines), added to the base price when
retained; an offer that prices none of its lines, or only some, gets a located error. The
figures are those of :mod:`pse_lines_case`, worked out by hand here."""

from dataclasses import replace
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pse_lines_case import PSE_PRICES, write_pse_case
from referent_ess import api
from referent_ess.config.model import Config, Pse, ScheduleLine
from referent_ess.evaluation.engine import evaluate
from referent_ess.evaluation.judge import judge
from referent_ess.evaluation.results import OfferResult, Status
from referent_ess.intake.offer import Offer, StatedLine

D = Decimal


def _offers(tmp_path: Path) -> dict[str, OfferResult]:
    config, book = api.load(*write_pse_case(tmp_path))
    evaluation = evaluate(config, book)
    return {r.candidate: r for lot in evaluation.lots for r in lot.offers}


def test_a_retained_pse_priced_by_lines_adds_the_sum_of_its_rounded_lines(
    tmp_path: Path,
) -> None:
    offers = _offers(tmp_path)
    alpha, beta = offers["Alpha"], offers["Beta"]
    # Alpha: 4.15 × 2.5 = 10.375 → 10.38; 0.25 × 1.5 = 0.375 → 0.38; PSE1 = 10.76 (rounded
    # on the total it would be 10.75); compared 555.34 + 10.76 = 566.10
    assert [p.amount_ht for p in alpha.pse] == [D("10.76")]
    assert [line.amount for line in alpha.pse[0].lines] == [D("10.38"), D("0.38")]
    assert (alpha.base_ht, alpha.price_ht) == (D("555.34"), D("566.10"))
    # TTC: 555.34 × 1.2 = 666.408 → 666.41; 10.76 × 1.2 = 12.912 → 12.91; 679.32
    assert (alpha.base_ttc, alpha.price_ttc) == (D("666.41"), D("679.32"))
    # Beta: 10 × 2.5 = 25.00 + 2 × 1.5 = 3.00 → 28.00; 528.00 + 28.00 = 556.00
    assert (beta.base_ht, beta.price_ht) == (D("528.00"), D("556.00"))
    assert beta.price_ttc == D("667.20")  # 633.60 + 33.60


def test_the_lot_is_ranked_on_base_plus_the_retained_pse_lines(tmp_path: Path) -> None:
    offers = _offers(tmp_path)
    # Pmin = 556.00 (Beta); quality 60 × 4 / 5 = 48 for both
    # Beta: 48 + 40 = 88
    # Alpha: 48 + 40 × 556 / 566.10 = 48 + 222400/5661 = (271728 + 222400)/5661 = 494128/5661
    assert offers["Beta"].total == Fraction(88)
    assert offers["Alpha"].total == Fraction(494128, 5661)
    assert (offers["Beta"].rank, offers["Alpha"].rank) == (1, 2)


def test_an_offer_that_prices_no_line_of_the_pse_is_told_who_did(tmp_path: Path) -> None:
    gamma = _offers(tmp_path)["Gamma"]
    assert gamma.status is Status.INVALID
    assert gamma.price_ht is None  # the retained PSE has no amount: no compared price
    problems = [(p.code, dict(p.params), p.cell, p.row) for p in gamma.offer.problems]
    assert problems == [
        (
            "pse-missing",
            {
                "form": "lines-some",
                "lot": "1",
                "pse": "PSE1",
                "label": "Vitres",
                "others": "Alpha (prix!D15), Beta (prix!D17)",
            },
            "A4",
            4,
        )
    ]


def test_a_pse_line_left_out_is_a_line_missing_and_a_pse_not_retained_adds_nothing(
    tmp_path: Path,
) -> None:
    offers = _offers(tmp_path)
    delta, eps = offers["Delta"], offers["Eps"]
    # Delta: PSE2 = 100.00 + 50.25 = 150.25, not retained: the price stays 3500.50
    assert [p.amount_ht for p in delta.pse] == [D("150.25")]
    assert (delta.base_ht, delta.price_ht) == (D("3500.50"), D("3500.50"))
    assert delta.status is Status.ADMISSIBLE
    # Eps prices PA only: PB missing, an error naming the line
    assert [(r.code, dict(r.params)["line"]) for r in eps.reasons] == [("line-missing", "PB")]
    assert eps.pse[0].amount_ht is None


def test_no_offer_pricing_the_pse_is_said_too(tmp_path: Path) -> None:
    prices = [p for p in PSE_PRICES if p[2] not in ("P1.1", "P1.2")]
    config, book = api.load(*write_pse_case(tmp_path, prices=prices))
    lot = evaluate(config, book).lot(1)
    assert lot is not None
    forms = {
        r.candidate: [dict(p.params)["form"] for p in r.offer.problems if p.code == "pse-missing"]
        for r in lot.offers
    }
    assert forms == {"Alpha": ["lines-none"], "Beta": ["lines-none"], "Gamma": ["lines-none"]}


# ---- property --------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def case_config(tmp_path_factory: pytest.TempPathFactory) -> Config:
    config, _ = api.load(*write_pse_case(tmp_path_factory.mktemp("case")))
    return config


cents = st.integers(min_value=1, max_value=10**9).map(lambda n: D(n) / 100)
quantities = st.integers(min_value=1, max_value=10**7).map(lambda n: D(n) / 1000)


@settings(deadline=None, max_examples=150)
@given(
    base=cents,
    pairs=st.lists(st.tuples(cents, quantities), min_size=1, max_size=10),
    retained=st.booleans(),
)
def test_adding_a_retained_pse_priced_by_lines_never_lowers_the_price(
    case_config: Config, base: Decimal, pairs: list[tuple[Decimal, Decimal]], retained: bool
) -> None:
    pse_lines = tuple(ScheduleLine(f"P{i}", f"p{i}", None, q) for i, (_, q) in enumerate(pairs))
    without = replace(case_config.lots[0], lines=(ScheduleLine("L", "l", None, D(1)),), pse=())
    with_pse = replace(without, pse=(Pse("PSE1", "V", retained, pse_lines),))
    offer = Offer(
        row=2,
        candidate="A",
        lot=without.id,
        day_rate_ht=None,
        days=None,
        vat_rate=D("0.2"),
        price_ht_stated=None,
        received_at=None,
        documents={"cv": True},
        marks={"quality": D(3)},
        cells={},
        lines=(
            StatedLine("L", base, None, "prix!D2", 2),
            *(
                StatedLine(f"P{i}", price, None, f"prix!D{i + 3}", i + 3)
                for i, (price, _) in enumerate(pairs)
            ),
        ),
    )
    before = judge(offer, without, case_config, ("offers.xlsx", "offers"))
    after = judge(offer, with_pse, case_config, ("offers.xlsx", "offers"))
    assert before.price_ht is not None
    assert after.price_ht is not None
    assert before.price_ttc is not None
    assert after.price_ttc is not None
    # the PSE: Σ (price × quantity to the cent, half up), exactly
    amount = sum(((p * q).quantize(D("0.01"), rounding=ROUND_HALF_UP) for p, q in pairs), D("0.00"))
    assert after.pse[0].amount_ht == amount
    assert after.price_ht == (before.price_ht + amount if retained else before.price_ht)
    assert after.price_ht >= before.price_ht
    assert after.price_ttc >= before.price_ttc
