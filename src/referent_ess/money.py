"""Exact money: prices to the cent, and rounding for display only.

Every rounding in the tool is ROUND_HALF_UP (0.125 → 0.13), the rule of French accounting, not
Python's default banker's rounding (0.125 → 0.12).
"""

from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

from referent_ess.values import CENT


def price_ht(day_rate_ht: Decimal, days: Decimal) -> Decimal:
    """Day rate HT × days, to the cent, half up."""
    return (day_rate_ht * days).quantize(CENT, ROUND_HALF_UP)


def price_ttc(amount_ht: Decimal, vat_rate: Decimal) -> Decimal:
    """HT × (1 + VAT), to the cent, half up."""
    return (amount_ht * (1 + vat_rate)).quantize(CENT, ROUND_HALF_UP)


def round_half_up(value: Fraction | Decimal | int, places: int = 2) -> Decimal:
    """Round an exact value to ``places`` decimals, half away from zero, never through float."""
    exact = Fraction(value)
    scaled = abs(exact) * 10**places
    whole = int(scaled + Fraction(1, 2))  # floor(x + 1/2) for x ≥ 0 is round-half-up
    rounded = Decimal(whole).scaleb(-places)
    return -rounded if exact < 0 else rounded
