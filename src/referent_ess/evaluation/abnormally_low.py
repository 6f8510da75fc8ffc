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

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

from referent_ess.base.exact import round_half_up
from referent_ess.config.choices import AbnormalMethod
from referent_ess.evaluation.kernel import whole_units
from referent_ess.problems.codes import Params
from referent_ess.problems.problem import english_part

MINIMUM_OFFERS = 3


@dataclass(frozen=True)
class Suspicion:
    """Why one price is flagged: the method, the threshold it fell below, and the figures."""

    index: int  # position of the price in the list given
    threshold: Fraction
    # the figures of the explanation, for the catalogues (``explanation_part`` names its template)
    params: tuple[tuple[str, str], ...] = ()

    @property
    def explanation(self) -> str:
        """The figures in English: ``mean-ratio: 3000.00 < 0.8 × 7000.00 (...) = 5600.00``."""
        return english_part(dict(self.params)["explanation_part"], self.params)


def detect(
    prices: Sequence[Decimal], method: AbnormalMethod, ratio: Decimal = Decimal("0.8")
) -> list[Suspicion]:
    """The suspicious prices among the admissible ``prices`` of one lot (none if < 3 prices)."""
    if method is AbnormalMethod.NONE or len(prices) < MINIMUM_OFFERS:
        return []
    units, places = whole_units(prices)  # cents: every comparison below is on integers
    return detect_units(units, places, method, ratio)


def detect_units(
    units: Sequence[int], places: int, method: AbnormalMethod, ratio: Decimal = Decimal("0.8")
) -> list[Suspicion]:
    """:func:`detect` on prices already in whole units of 10**-places (as
    :func:`~.kernel.whole_units` gives them), for a ranking that has them anyway."""
    if method is AbnormalMethod.NONE or len(units) < MINIMUM_OFFERS:
        return []
    scale = 10**places
    if method is AbnormalMethod.MEAN_RATIO:
        return _mean_ratio(units, scale, ratio)
    if method is AbnormalMethod.MEAN_SIGMA:
        return _mean_sigma(units, scale)
    return _ffb(units, scale)


def flagged_units(
    units: Sequence[int], places: int, method: AbnormalMethod, ratio: Decimal = Decimal("0.8")
) -> dict[int, Params]:
    """:func:`detect_units` as what a ranking needs of it: each flagged price's position, and
    the figures of its message (:attr:`Suspicion.params`). The same figures, without the
    :class:`Suspicion` and the threshold's Fraction of each offer flagged: under
    ``mean-ratio``, a lot of a hundred thousand offers flags a third of them."""
    if method is AbnormalMethod.MEAN_RATIO and len(units) >= MINIMUM_OFFERS:
        return {index: params for index, _, params in _mean_ratio_found(units, 10**places, ratio)}
    return {s.index: s.params for s in detect_units(units, places, method, ratio)}


def _shown(value: Fraction) -> str:
    return f"{round_half_up(value):.2f}"


def _shown_terms(numerator: int, denominator: int) -> str:
    """``_shown(Fraction(numerator, denominator))`` for a value ≥ 0, in integers: the value in
    cents rounded half up is (200·n + d) // (2·d), written with two decimals, as the Decimal
    of that many cents is by ``:.2f``. No Fraction is built: a lot may flag thousands."""
    if numerator < 0 or denominator < 0:  # never a price; the general way, to be sure
        return _shown(Fraction(numerator, denominator))
    cents = (200 * numerator + denominator) // (2 * denominator)
    if cents < 100:
        return f"0.{cents:02d}"
    digits = str(cents)  # cutting the digits costs less than formatting two numbers
    return f"{digits[:-2]}.{digits[-2:]}"


def _mean_ratio(units: Sequence[int], scale: int, ratio: Decimal) -> list[Suspicion]:
    return [
        Suspicion(index, Fraction(*threshold), params)
        for index, threshold, params in _mean_ratio_found(units, scale, ratio)
    ]


def _mean_ratio_found(
    units: Sequence[int], scale: int, ratio: Decimal
) -> Iterator[tuple[int, tuple[int, int], Params]]:
    """Each price flagged by ``mean-ratio``: its position, its threshold as (numerator,
    denominator), and the figures of its message."""
    total = sum(units)
    count = len(units) - 1
    share = Fraction(ratio)
    top, bottom = share.numerator, share.denominator
    # the figures the same for every offer flagged, each pair built once (memory: a lot of a
    # hundred thousand offers flags a third of them)
    ratio_pair = ("ratio_num", str(ratio))
    count_pair = ("count", str(count))
    out_of = count * scale
    for index, unit in enumerate(units):
        # price < ratio × (total − price) / count, multiplied out
        if unit * count * bottom < top * (total - unit):
            # the mean of the others, (total − price) / count, and ratio × that mean
            rest = total - unit
            threshold = (top * rest, bottom * out_of)
            yield (
                index,
                threshold,
                (
                    ("explanation_part", "abnormal.mean-ratio"),
                    ("price_money", _shown_terms(unit, scale)),
                    ratio_pair,
                    ("others_money", _shown_terms(rest, out_of)),
                    count_pair,
                    ("threshold_money", _shown_terms(*threshold)),
                ),
            )


def _mean_sigma(units: Sequence[int], scale: int) -> list[Suspicion]:
    count, total = len(units), sum(units)
    # mean − price > 0 and (mean − price)² > variance, multiplied by count² (all integers)
    spread = count * sum(u * u for u in units) - total * total  # count² × variance
    mean = Fraction(total, count * scale)
    variance = Fraction(spread, (count * scale) ** 2)
    sigma = Decimal(variance.numerator) / Decimal(variance.denominator)
    sigma_shown = sigma.sqrt()  # for the message only; the comparison below is exact
    threshold = mean - Fraction(sigma_shown)
    shared = (  # the same for every offer flagged: worded once
        ("mean_money", _shown(mean)),
        ("sigma_money", f"{round_half_up(sigma_shown):.2f}"),
        ("threshold_money", _shown(threshold)),
    )
    found = []
    for index, unit in enumerate(units):
        gap = total - count * unit
        if gap > 0 and gap * gap > spread:
            found.append(
                Suspicion(
                    index,
                    threshold,
                    (
                        ("explanation_part", "abnormal.mean-sigma"),
                        ("price_money", _shown_terms(unit, scale)),
                        *shared,
                    ),
                )
            )
    return found


def _ffb(units: Sequence[int], scale: int) -> list[Suspicion]:
    count, total = len(units), sum(units)
    kept = [u for u in units if 5 * count * u <= 6 * total]  # price ≤ 1.2 × mean
    kept_total = sum(kept)
    first = Fraction(total, count * scale)
    second = Fraction(kept_total, len(kept) * scale)
    threshold = second * Fraction(9, 10)
    shared = (  # the same for every offer flagged: worded once
        ("second_money", _shown(second)),
        ("count", str(len(kept))),
        ("first_money", _shown(first)),
        ("threshold_money", _shown(threshold)),
    )
    return [
        Suspicion(
            index,
            threshold,
            (
                ("explanation_part", "abnormal.ffb"),
                ("price_money", _shown_terms(unit, scale)),
                *shared,
            ),
        )
        for index, unit in enumerate(units)
        if 10 * len(kept) * unit <= 9 * kept_total  # price ≤ 0.9 × the mean of those kept
    ]
