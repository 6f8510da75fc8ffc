"""The integer fast paths of scoring and abnormal-offer detection against their definitions.

Large lots are scored with integers (whole cents, common denominators) and ranked on floats
first; each test here states the rule with plain fractions, straight from its definition, and
checks the fast path gives exactly the same answer, including where floats cannot tell values
apart."""

from decimal import Decimal
from fractions import Fraction

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from referent_ess.config.choices import AbnormalMethod, PriceFormula
from referent_ess.evaluation.abnormally_low import detect
from referent_ess.evaluation.kernel import competition_ranks, price_share, whole_units

cents = st.integers(min_value=1, max_value=10**9).map(lambda c: Decimal(c).scaleb(-2))
prices = st.lists(cents, min_size=1, max_size=30)


def definition_ranks(keys: list[tuple[Fraction, ...]]) -> list[int]:
    """Competition ranking: one plus the number of keys strictly better."""
    return [1 + sum(other > key for other in keys) for key in keys]


# Totals a float cannot tell apart: 1/3 and 1/3 plus 10^-30 have the same nearest float.
close = st.sampled_from(
    [
        Fraction(1, 3),
        Fraction(1, 3) + Fraction(1, 10**30),
        Fraction(1, 3) - Fraction(1, 10**30),
        Fraction(88306, 1000),
        Fraction(88306, 1000) + Fraction(1, 10**25),
        Fraction(81),
    ]
)
totals = st.one_of(close, st.fractions(min_value=0, max_value=100, max_denominator=10**6))


@given(st.lists(st.tuples(totals, totals), max_size=25))
@settings(suppress_health_check=[HealthCheck.too_slow])  # fractions are slow to draw on a busy CI
def test_ranks_are_the_definition_even_where_floats_are_equal(
    keys: list[tuple[Fraction, Fraction]],
) -> None:
    assert competition_ranks(keys) == definition_ranks(keys)


def test_a_total_smaller_than_a_float_can_show_still_decides() -> None:
    tiny = Fraction(1, 10**30)
    keys = [(Fraction(1, 3),), (Fraction(1, 3) + tiny,), (Fraction(1, 3),)]
    assert float(keys[0][0]) == float(keys[1][0])  # the case the float sort cannot decide
    assert competition_ranks(keys) == [2, 1, 2]


def definition_share(
    formula: PriceFormula, p: Fraction, p_min: Fraction, p_max: Fraction, k: Fraction
) -> Fraction:
    """The three formulas as the README states them."""
    if formula is PriceFormula.PROPORTIONAL:
        return p_min / p
    if formula is PriceFormula.LINEAR:
        return Fraction(1) if p_max == p_min else (p_max - p) / (p_max - p_min)
    return max(Fraction(0), (k * p_min - p) / ((k - 1) * p_min))


@given(
    st.sampled_from(list(PriceFormula)),
    prices,
    st.decimals(min_value=Decimal("1.01"), max_value=Decimal(5), places=2),
)
def test_price_shares_on_whole_cents_are_the_formulas(
    formula: PriceFormula, lot: list[Decimal], k: Decimal
) -> None:
    low, high = min(lot), max(lot)
    for price in lot:
        expected = definition_share(
            formula, Fraction(price), Fraction(low), Fraction(high), Fraction(k)
        )
        assert price_share(formula, price, low, high, k) == expected


@given(st.lists(st.decimals(min_value=0, max_value=10**6, places=3), min_size=1, max_size=20))
def test_whole_units_are_the_same_amounts(values: list[Decimal]) -> None:
    units, places = whole_units(values)
    assert [Decimal(u).scaleb(-places) for u in units] == values


def definition_flags(lot: list[Decimal], method: AbnormalMethod, ratio: Decimal) -> list[int]:
    """The three methods of the module docstring, on fractions."""
    exact = [Fraction(p) for p in lot]
    n = len(exact)
    mean = sum(exact, Fraction(0)) / n
    if method is AbnormalMethod.MEAN_RATIO:
        return [
            i
            for i, p in enumerate(exact)
            if p < Fraction(ratio) * (sum(exact, Fraction(0)) - p) / (n - 1)
        ]
    if method is AbnormalMethod.MEAN_SIGMA:
        variance = sum(((p - mean) ** 2 for p in exact), Fraction(0)) / n
        return [i for i, p in enumerate(exact) if mean - p > 0 and (mean - p) ** 2 > variance]
    kept = [p for p in exact if p <= Fraction(6, 5) * mean]
    second = sum(kept, Fraction(0)) / len(kept)
    return [i for i, p in enumerate(exact) if p <= Fraction(9, 10) * second]


# Prices drawn from a few values, so that boundaries (equal to a threshold) are often met.
boundary_prices = st.lists(
    st.sampled_from([Decimal(v) for v in ("6000", "7999.99", "8000", "9000", "10000", "12000")]),
    min_size=3,
    max_size=12,
)


@given(
    st.one_of(prices.filter(lambda lot: len(lot) >= 3), boundary_prices),
    st.sampled_from([m for m in AbnormalMethod if m is not AbnormalMethod.NONE]),
    st.sampled_from([Decimal("0.8"), Decimal("0.7"), Decimal("0.85")]),
)
def test_abnormal_checks_on_integers_are_the_definitions(
    lot: list[Decimal], method: AbnormalMethod, ratio: Decimal
) -> None:
    found = detect(lot, method, ratio)
    assert [s.index for s in found] == definition_flags(lot, method, ratio)
