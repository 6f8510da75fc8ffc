"""The price of an offer stated as lines: each line rounded half up to the cent, then summed
exactly; an arithmetic error between the stated total and that sum, and which total prevails."""

from decimal import ROUND_HALF_UP, Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from referent_ess.config.choices import Prevails
from referent_ess.evaluation.schedule import PricedLine, schedule_price

D = Decimal


def test_each_line_is_rounded_to_the_cent_before_the_sum() -> None:
    # 10.25 × 1.5 = 15.375 → 15.38 on each line: 15.38 + 15.38 = 30.76
    # (rounded on the total instead: 15.375 + 15.375 = 30.750 → 30.75, one cent less)
    lines = [PricedLine("1", D("10.25"), D("1.5")), PricedLine("2", D("10.25"), D("1.5"))]
    priced = schedule_price(lines)
    assert [line.amount for line in priced.lines] == [D("15.38"), D("15.38")]
    assert priced.recomputed == D("30.76")
    assert priced.price == D("30.76")
    assert not priced.arithmetic_error


def test_half_a_cent_goes_up_not_to_even() -> None:
    # 0.25 × 0.5 = 0.125 → 0.13 (banker's rounding would give 0.12)
    # 0.35 × 0.5 = 0.175 → 0.18; total 0.13 + 0.18 = 0.31
    lines = [PricedLine("a", D("0.25"), D("0.5")), PricedLine("b", D("0.35"), D("0.5"))]
    assert schedule_price(lines).price == D("0.31")


def test_a_stated_total_that_differs_is_an_arithmetic_error_and_the_unit_prices_prevail() -> None:
    # 120 m² × 12.50 = 1500.00; 8 u × 45.10 = 360.80; 1 ft × 250 = 250.00: 2110.80
    # the offer writes 8 × 45.10 = 368.00 on line 2 and a total of 2118.00
    lines = [
        PricedLine("1.1", D("12.50"), D("120"), D("1500.00"), "F2"),
        PricedLine("1.2", D("45.10"), D("8"), D("368.00"), "F3"),
        PricedLine("2.1", D("250"), D("1"), D("250.00"), "F4"),
    ]
    priced = schedule_price(lines, stated=D("2118.00"))
    assert priced.recomputed == D("2110.80")
    assert priced.price == D("2110.80")
    assert priced.arithmetic_error
    assert [line.id for line in priced.explaining] == ["1.2"]
    assert priced.explaining[0].cell == "F3"


def test_the_stated_total_prevails_when_the_consultation_says_so() -> None:
    lines = [PricedLine("1", D("45.10"), D("8"))]  # 360.80
    priced = schedule_price(lines, stated=D("368.00"), prevails=Prevails.STATED_TOTAL)
    assert priced.recomputed == D("360.80")
    assert priced.price == D("368.00")
    assert priced.arithmetic_error
    assert priced.explaining == ()  # no line amount stated: only the total is wrong


def test_a_stated_total_equal_to_the_sum_is_no_error() -> None:
    priced = schedule_price([PricedLine("1", D("45.10"), D("8"))], stated=D("360.80"))
    assert not priced.arithmetic_error
    assert priced.price == D("360.80")


cents = st.integers(min_value=1, max_value=10**9).map(lambda n: D(n).scaleb(-2))
quantities = st.integers(min_value=1, max_value=10**7).map(lambda n: D(n).scaleb(-3))


@settings(deadline=None, max_examples=200)
@given(st.lists(st.tuples(cents, quantities), min_size=1, max_size=30))
def test_the_price_is_the_sum_of_the_line_prices_exactly(pairs: list[tuple[D, D]]) -> None:
    lines = [PricedLine(str(i), price, quantity) for i, (price, quantity) in enumerate(pairs)]
    priced = schedule_price(lines)
    # each line to the cent, half up, by Decimal's own quantize; then an exact sum
    expected = sum(((p * q).quantize(D("0.01"), ROUND_HALF_UP) for p, q in pairs), start=D("0.00"))
    assert priced.price == expected
    assert priced.price == priced.price.quantize(D("0.01"))  # to the cent
    # and never more than half a cent per line away from the exact sum
    assert abs(priced.price - sum(p * q for p, q in pairs)) <= D("0.005") * len(pairs)
