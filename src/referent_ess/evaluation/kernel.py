"""The scoring kernel: pure, exact arithmetic on fractions, no validation and no I/O.

Points of a marked criterion are ``max_points × mark / scale``; points of the price criterion are
``max_points × share``, where the share depends on the formula (P is the offer's price, Pmin and
Pmax the lowest and highest admissible prices of the lot):

- proportional: Pmin / P
- linear: (Pmax − P) / (Pmax − Pmin), and 1 for every offer when Pmax = Pmin
- gap: max(0, (k·Pmin − P) / ((k − 1)·Pmin)), with k > 1
"""

from collections.abc import Callable, Sequence
from decimal import Decimal
from fractions import Fraction

from referent_ess.config.choices import PriceFormula


def max_points(total: Decimal, weight: Decimal) -> Fraction:
    """The points a perfect offer gets on a criterion: total × weight / 100."""
    return Fraction(total) * Fraction(weight) / 100


def mark_points(mark: Decimal | Fraction, scale: Decimal, maximum: Fraction) -> Fraction:
    return maximum * Fraction(mark) / Fraction(scale)


def price_share(
    formula: PriceFormula, price: Decimal, lowest: Decimal, highest: Decimal, k: Decimal
) -> Fraction:
    """The share (0 to 1) of the price criterion's points an offer at ``price`` gets."""
    (p, p_min, p_max), _ = whole_units((price, lowest, highest))
    return Fraction(*share_terms(formula, p, p_min, p_max, Fraction(k)))


def share_terms(
    formula: PriceFormula, p: int, p_min: int, p_max: int, factor: Fraction
) -> tuple[int, int]:
    """The share as (numerator, denominator), the prices in whole units (cents, see
    :func:`whole_units`): integer arithmetic, since a lot may have thousands of offers. Prices
    are above 0 and k above 1, as the configuration and the evaluation guarantee."""
    if formula is PriceFormula.PROPORTIONAL:
        return p_min, p
    if formula is PriceFormula.LINEAR:
        return (1, 1) if p_max == p_min else (p_max - p, p_max - p_min)
    k, j = factor.numerator, factor.denominator  # k/j·Pmin − P over (k/j − 1)·Pmin, times j
    return max(0, k * p_min - j * p), (k - j) * p_min


def whole_units(values: Sequence[Decimal]) -> tuple[list[int], int]:
    """Decimals as integers of one common unit, 10**-places (cents for prices), and places."""
    exponents = (v.as_tuple().exponent for v in values)
    places = max(0, max((-e for e in exponents if isinstance(e, int)), default=0))
    return [int(v.scaleb(places)) for v in values], places


def competition_ranks(keys: Sequence[tuple[Fraction, ...]]) -> list[int]:
    """Ranks for offers whose keys compare best-first (higher is better): 1, 2, 2, 4.

    Offers with equal keys share a rank; the next rank skips as many places as were shared.
    Sorted first on the float of each key's first term (see :func:`ranks_by`)."""
    approx = [float(key[0]) if key else 0.0 for key in keys]
    return ranks_by(approx, keys.__getitem__)


def ranks_by(approx: Sequence[float], key: Callable[[int], tuple[Fraction, ...]]) -> list[int]:
    """The ranks of :func:`competition_ranks`, from each offer's ``approx``, the float of the
    first term of its key, and ``key(index)``, its exact key, asked only where needed.

    Sorted first on the floats, which is exact to order by: the float of a fraction is
    correctly rounded (so is ``n / d`` of two integers in CPython), hence never reverses two
    different values. Only offers whose floats are equal are then compared by their exact keys,
    built for them alone: in a lot of a thousand offers, a few."""
    order = sorted(range(len(approx)), key=approx.__getitem__, reverse=True)
    exact: dict[int, tuple[Fraction, ...]] = {}

    def exact_key(index: int) -> tuple[Fraction, ...]:
        if index not in exact:
            exact[index] = key(index)
        return exact[index]

    start = 0
    while start < len(order):  # each run of equal floats, put in exact order
        end = start + 1
        while end < len(order) and approx[order[end]] == approx[order[start]]:
            end += 1
        if end - start > 1:
            order[start:end] = sorted(order[start:end], key=exact_key, reverse=True)
        start = end
    ranks = [0] * len(approx)
    for place, index in enumerate(order, start=1):
        previous = order[place - 2] if place > 1 else None
        same = (
            previous is not None
            and approx[previous] == approx[index]
            and exact_key(previous) == exact_key(index)
        )
        ranks[index] = ranks[previous] if same and previous is not None else place
    return ranks
