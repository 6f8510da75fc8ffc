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
from itertools import compress
from math import gcd
from operator import eq

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
    first term of its key, and ``key(index)``, its exact key, asked only where needed (see
    :func:`ranked_order`)."""
    return ranked_order(approx, key)[1]


def ranked_order(
    approx: Sequence[float], key: Callable[[int], tuple[Fraction, ...]]
) -> tuple[list[int], list[int], list[tuple[int, int]]]:
    """The offers best first (their indexes), each offer's rank (:func:`ranks_by`), and the
    runs of equal floats in that order, ``order[start:end]`` (the only places where two offers
    may have equal exact keys, or equal totals: a caller looking for exact ties looks there).

    Sorted first on the floats, which is exact to order by: the float of a fraction is
    correctly rounded (so is ``n / d`` of two integers in CPython), hence never reverses two
    different values. Only offers whose floats are equal are then compared by their exact keys,
    built for them alone: in a lot of a thousand offers, a few. Both sorts are stable, so that
    offers of equal keys (of one rank) stay in the order given: the caller that gives them in
    sheet order gets them in rank then sheet order."""
    order = sorted(range(len(approx)), key=approx.__getitem__, reverse=True)
    exact: dict[int, tuple[Fraction, ...]] = {}

    def exact_key(index: int) -> tuple[Fraction, ...]:
        if index not in exact:
            exact[index] = key(index)
        return exact[index]

    count = len(order)
    ranks = list(range(1, count + 1))  # a place each, until equal floats are looked at
    values = list(map(approx.__getitem__, order))
    runs: list[tuple[int, int]] = []
    for place in compress(range(1, count), map(eq, values[1:], values)):  # equal to previous
        if runs and runs[-1][1] == place:
            runs[-1] = (runs[-1][0], place + 1)
        else:
            runs.append((place - 1, place + 1))
    for start, end in runs:  # each run of equal floats, put in exact order
        run = sorted(order[start:end], key=exact_key, reverse=True)
        order[start:end] = run
        for place in range(start + 1, end):  # equal exact keys share the previous one's rank
            if exact_key(run[place - start - 1]) == exact_key(run[place - start]):
                ranks[place] = ranks[place - 1]
    by_index = [0] * count
    for place, index in enumerate(order):
        by_index[index] = ranks[place]
    return order, by_index, runs


def fraction(numerator: int, denominator: int) -> Fraction:
    """``Fraction(numerator, denominator)`` for integers, at a quarter of the cost: a lot of a
    hundred thousand offers needs two per offer (its price points and its total).

    Why it is the same object: ``Fraction.__new__``, given two integers, divides both by their
    gcd (the denominator made positive) and stores them in its two slots, ``_numerator`` and
    ``_denominator``; done here directly (a check below refuses other slots, and a test
    compares both ways on random integers). A denominator ≤ 0 goes the general way."""
    if denominator <= 0 or not _SLOTS:
        return Fraction(numerator, denominator)
    common = gcd(numerator, denominator)
    result = _new_fraction(Fraction)
    result._numerator = numerator // common  # type: ignore[attr-defined]
    result._denominator = denominator // common  # type: ignore[attr-defined]
    return result


_new_fraction = object.__new__
_SLOTS = getattr(Fraction, "__slots__", None) == ("_numerator", "_denominator")
