"""Exact money: prices to the cent, and rounding for display only.

Every rounding in the tool is ROUND_HALF_UP (0.125 → 0.13), the rule of French accounting, not
Python's default banker's rounding (0.125 → 0.12).
"""

from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

CENT = Decimal("0.01")


def price_ht(day_rate_ht: Decimal, days: Decimal) -> Decimal:
    """Day rate HT × days, to the cent, half up."""
    return (day_rate_ht * days).quantize(CENT, ROUND_HALF_UP)


def price_ttc(amount_ht: Decimal, vat_rate: Decimal) -> Decimal:
    """HT × (1 + VAT), to the cent, half up."""
    return (amount_ht * (1 + vat_rate)).quantize(CENT, ROUND_HALF_UP)


def derive_cap_ht(cap_ttc: Decimal, vat_rate: Decimal) -> Decimal:
    """A lot's cap HT from its cap TTC: TTC / (1 + VAT), to the cent, half up (the other way
    is :func:`price_ttc`)."""
    return (cap_ttc / (1 + vat_rate)).quantize(CENT, ROUND_HALF_UP)


_STEPS = {0: Decimal(1), 1: Decimal("0.1"), 2: CENT}


def round_half_up(value: Fraction | Decimal | int, places: int = 2) -> Decimal:
    """Round an exact value to ``places`` decimals, half away from zero, never through float."""
    if isinstance(value, Decimal):
        return value.quantize(_STEPS.get(places) or Decimal(1).scaleb(-places), ROUND_HALF_UP)
    rounded = Decimal(abs(scaled_half_up(value, places))).scaleb(-places)
    return -rounded if value < 0 else rounded


def scaled_half_up(value: Fraction | int, places: int = 2) -> int:
    """``value`` × 10**places rounded half away from zero, as an integer (88.306 → 8831)."""
    exact = value if type(value) is Fraction else Fraction(value)  # (isinstance is slower)
    numerator: int = exact.numerator
    denominator: int = exact.denominator
    scale: int = 10**places
    whole, rest = divmod(abs(numerator) * scale, denominator)
    if 2 * rest >= denominator:  # half or more: away from zero
        whole += 1
    return -whole if numerator < 0 else whole
