"""The scoring kernel: pure, exact arithmetic on fractions, no validation and no I/O.

Points of a marked criterion are ``max_points × mark / scale``; points of the price criterion are
``max_points × share``, where the share depends on the formula (P is the offer's price, Pmin and
Pmax the lowest and highest admissible prices of the lot):

- proportional: Pmin / P
- linear: (Pmax − P) / (Pmax − Pmin), and 1 for every offer when Pmax = Pmin
- gap: max(0, (k·Pmin − P) / ((k − 1)·Pmin)), with k > 1
"""

from collections.abc import Sequence
from decimal import Decimal
from fractions import Fraction

from referent_ess.choices import PriceFormula


def max_points(total: Decimal, weight: Decimal) -> Fraction:
    """The points a perfect offer gets on a criterion: total × weight / 100."""
    return Fraction(total) * Fraction(weight) / 100


def mark_points(mark: Decimal | Fraction, scale: Decimal, maximum: Fraction) -> Fraction:
    return maximum * Fraction(mark) / Fraction(scale)


def price_share(
    formula: PriceFormula, price: Decimal, lowest: Decimal, highest: Decimal, k: Decimal
) -> Fraction:
    """The share (0 to 1) of the price criterion's points an offer at ``price`` gets."""
    return share_of(formula, Fraction(price), Fraction(lowest), Fraction(highest), Fraction(k))


def share_of(
    formula: PriceFormula, p: Fraction, p_min: Fraction, p_max: Fraction, factor: Fraction
) -> Fraction:
    """:func:`price_share` on fractions (a lot converts its lowest and highest prices once)."""
    if formula is PriceFormula.PROPORTIONAL:
        return p_min / p
    if formula is PriceFormula.LINEAR:
        return Fraction(1) if p_max == p_min else (p_max - p) / (p_max - p_min)
    return max(Fraction(0), (factor * p_min - p) / ((factor - 1) * p_min))


def competition_ranks(keys: Sequence[tuple[Fraction, ...]]) -> list[int]:
    """Ranks for offers whose keys compare best-first (higher is better): 1, 2, 2, 4.

    Offers with equal keys share a rank; the next rank skips as many places as were shared.
    Sorted once, equal keys are neighbours: no hashing of fractions.
    """
    order = sorted(range(len(keys)), key=keys.__getitem__, reverse=True)
    ranks = [0] * len(keys)
    for place, index in enumerate(order, start=1):
        previous = order[place - 2] if place > 1 else None
        same = previous is not None and keys[previous] == keys[index]
        ranks[index] = ranks[previous] if same and previous is not None else place
    return ranks
