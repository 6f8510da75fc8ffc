"""Detecting abnormally low offers (offres anormalement basses): a flag, never an exclusion.

French law (art. L2152-5 and R2152-3 of the Code de la commande publique) requires the buyer to
ask the candidate to justify a price that seems abnormally low, and allows a rejection only
after examining the answer. A formula may therefore only *flag* an offer. Every method compares
prices exactly (fractions), and needs at least three admissible offers in the lot.

- ``mean-ratio``: the price is below ``ratio`` × the mean of the *other* admissible offers;
- ``mean-sigma``: the price is below the mean minus one (population) standard deviation of the
  admissible offers; compared exactly as (mean − price) > 0 and (mean − price)² > variance;
- ``ffb``: the mean of the admissible offers; the offers more than 20 % above it are set aside;
  the mean of the others; an offer is suspect when it is at least 10 % below that second mean.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum
from fractions import Fraction

from referent_ess.money import round_half_up

MINIMUM_OFFERS = 3


class AbnormalMethod(StrEnum):
    NONE = "none"
    MEAN_RATIO = "mean-ratio"
    MEAN_SIGMA = "mean-sigma"
    FFB = "ffb"


@dataclass(frozen=True)
class Suspicion:
    """Why one price is flagged: the method, the threshold it fell below, and the figures."""

    index: int  # position of the price in the list given
    threshold: Fraction
    explanation: str
    # the figures of the explanation, for the catalogues (``explanation_part`` names its template)
    params: tuple[tuple[str, str], ...] = ()


def detect(
    prices: Sequence[Decimal], method: AbnormalMethod, ratio: Decimal = Decimal("0.8")
) -> list[Suspicion]:
    """The suspicious prices among the admissible ``prices`` of one lot (none if < 3 prices)."""
    if method is AbnormalMethod.NONE or len(prices) < MINIMUM_OFFERS:
        return []
    exact = [Fraction(p) for p in prices]
    if method is AbnormalMethod.MEAN_RATIO:
        return _mean_ratio(exact, ratio)
    if method is AbnormalMethod.MEAN_SIGMA:
        return _mean_sigma(exact)
    return _ffb(exact)


def _shown(value: Fraction) -> str:
    return f"{round_half_up(value):.2f}"


def _mean_ratio(prices: list[Fraction], ratio: Decimal) -> list[Suspicion]:
    found = []
    total = sum(prices, Fraction(0))
    for index, price in enumerate(prices):
        others = (total - price) / (len(prices) - 1)
        threshold = Fraction(ratio) * others
        if price < threshold:
            found.append(
                Suspicion(
                    index,
                    threshold,
                    f"mean-ratio: {_shown(price)} < {ratio} × {_shown(others)} (mean of the "
                    f"other {len(prices) - 1} admissible offers) = {_shown(threshold)}",
                    (
                        ("explanation_part", "abnormal.mean-ratio"),
                        ("price_money", _shown(price)),
                        ("ratio_num", str(ratio)),
                        ("others_money", _shown(others)),
                        ("count", str(len(prices) - 1)),
                        ("threshold_money", _shown(threshold)),
                    ),
                )
            )
    return found


def _mean_sigma(prices: list[Fraction]) -> list[Suspicion]:
    mean = sum(prices, Fraction(0)) / len(prices)
    variance = sum(((p - mean) ** 2 for p in prices), Fraction(0)) / len(prices)
    sigma = Decimal(variance.numerator) / Decimal(variance.denominator)
    sigma_shown = sigma.sqrt()  # for the message only; the comparison below is exact
    found = []
    for index, price in enumerate(prices):
        gap = mean - price
        if gap > 0 and gap * gap > variance:
            threshold = mean - Fraction(sigma_shown)
            found.append(
                Suspicion(
                    index,
                    threshold,
                    f"mean-sigma: {_shown(price)} < mean {_shown(mean)} − standard deviation "
                    f"{round_half_up(sigma_shown):.2f} = {_shown(threshold)}",
                    (
                        ("explanation_part", "abnormal.mean-sigma"),
                        ("price_money", _shown(price)),
                        ("mean_money", _shown(mean)),
                        ("sigma_money", f"{round_half_up(sigma_shown):.2f}"),
                        ("threshold_money", _shown(threshold)),
                    ),
                )
            )
    return found


def _ffb(prices: list[Fraction]) -> list[Suspicion]:
    first = sum(prices, Fraction(0)) / len(prices)
    kept = [p for p in prices if p <= first * Fraction(6, 5)]
    second = sum(kept, Fraction(0)) / len(kept)
    threshold = second * Fraction(9, 10)
    return [
        Suspicion(
            index,
            threshold,
            f"ffb: {_shown(price)} ≤ 0.9 × {_shown(second)} (mean of the {len(kept)} offers "
            f"not more than 20 % above the mean {_shown(first)}) = {_shown(threshold)}",
            (
                ("explanation_part", "abnormal.ffb"),
                ("price_money", _shown(price)),
                ("second_money", _shown(second)),
                ("count", str(len(kept))),
                ("first_money", _shown(first)),
                ("threshold_money", _shown(threshold)),
            ),
        )
        for index, price in enumerate(prices)
        if price <= threshold
    ]
