"""The price criterion's risks, seen on the offers of each lot (nothing without offers).

- ``lint-vat-basis``: prices compared HT while the admissible offers' VAT rates differ (the
  evaluation's own ``vat-basis`` warning, with the first offer under each basis). The DAJ's
  fiche « Les méthodes de notation du critère prix dans les marchés publics » (January 2024):
  the amounts to compare are the TTC amounts.
- ``lint-linear-few``: the linear formula gives 0 to the highest price whatever its gap from
  the lowest; the same fiche advises against it when few offers are expected. Fewer than
  :data:`FEW_OFFERS` admissible offers is the tool's own heuristic.
- ``lint-proportional-spread``: the proportional formula favours high prices when prices are
  heterogeneous (the same fiche). A highest price at least :data:`HETEROGENEOUS` times the
  lowest is the tool's own heuristic (that offer still gets half of the price points or more).

- ``lint-price-neutralised``: ``simulate``'s neutralisation heuristic applied to the configured
  formula (the price points spread over less than 25 % of the criterion's maximum while the
  prices differ by more than 20 %): the tool's own heuristic, so advice.
- ``lint-lowest-price-mark``: an offer with a lower compared price than another gets fewer
  price points (CE, 29 October 2013, Val d'Oise Habitat, n° 370789: a method that gives a
  lower mark to a lower price is irregular): a risk. The three formulas the tool computes
  never do it; the rule checks the figures of the evaluation itself, so that a price points
  computation that would (a formula added later, a compared price that is not the one the
  points were computed on) is caught rather than trusted.
"""

from collections.abc import Iterator
from decimal import Decimal
from fractions import Fraction
from itertools import groupby

from referent_ess.analysis.lint.finding import Facts, Finding, Severity
from referent_ess.analysis.simulate import NEUTRALISED_POINTS, NEUTRALISED_PRICES, neutralised
from referent_ess.base.exact import round_half_up
from referent_ess.config.choices import PriceBasis, PriceFormula
from referent_ess.evaluation.results import LotResult, OfferResult

FEW_OFFERS = 4  # fewer admissible offers than this: "few" for the linear formula
HETEROGENEOUS = Decimal(2)  # highest / lowest price from which prices are "heterogeneous"
SOURCE = "daj-price-2024"


def vat_basis(facts: Facts) -> Iterator[Finding]:
    if facts.evaluation is None:
        return
    for lot in facts.evaluation.lots:
        for warning in lot.warnings:
            if warning.code == "vat-basis":
                params = tuple((k, v) for k, v in warning.params if k != "lot")
                yield Finding("lint-vat-basis", Severity.ADVICE, lot.lot.id, params, SOURCE)


def linear_with_few_offers(facts: Facts) -> Iterator[Finding]:
    for lot, formula in _priced_lots(facts):
        count = len(lot.ranked)
        if formula is PriceFormula.LINEAR and 2 <= count < FEW_OFFERS:
            params = (("count", str(count)), ("few", str(FEW_OFFERS)))
            yield Finding("lint-linear-few", Severity.ADVICE, lot.lot.id, params, "linear-2024")


def proportional_on_spread_prices(facts: Facts) -> Iterator[Finding]:
    for lot, formula in _priced_lots(facts):
        low, high = lot.lowest_price, lot.highest_price
        if formula is not PriceFormula.PROPORTIONAL or low is None or high is None or low <= 0:
            continue
        ratio = Fraction(high) / Fraction(low)
        if ratio >= HETEROGENEOUS:
            params = (
                ("basis", _basis(facts, lot)),
                ("lowest_money", str(low)),
                ("highest_money", str(high)),
                ("ratio_num", str(round_half_up(ratio, 2))),
                ("heuristic_num", str(HETEROGENEOUS)),
                ("share_num", str(round_half_up(100 / ratio, 1))),
            )
            yield Finding("lint-proportional-spread", Severity.ADVICE, lot.lot.id, params, SOURCE)


def price_neutralised(facts: Facts) -> Iterator[Finding]:
    for lot, formula in _priced_lots(facts):
        price_id = facts.config.criteria_for(lot.lot.id).price_criterion.id
        if any(price_id not in r.points for r in lot.ranked):
            continue  # a hierarchy of criteria: no points to spread
        found = neutralised(lot, facts.config, formula.value)
        if found is not None:
            params = (
                ("spread_num", str(found.spread)),
                ("maximum_num", str(found.maximum)),
                ("gap_num", str(found.price_gap)),
                ("points_num", str(NEUTRALISED_POINTS * 100)),
                ("prices_num", str(NEUTRALISED_PRICES * 100)),
            )
            yield Finding(
                "lint-price-neutralised", Severity.ADVICE, lot.lot.id, params, "heuristic"
            )


def lowest_price_not_best_mark(facts: Facts) -> Iterator[Finding]:
    """Per lot, the cheapest ranked offer that gets fewer price points than a dearer one (form
    ``lowest`` when it is the lowest price: the best mark does not go to it), with that
    dearer offer."""
    if facts.evaluation is None:
        return
    for lot in facts.evaluation.lots:
        criterion = facts.config.criteria_for(lot.lot.id).price_criterion
        if criterion.price is None:
            continue
        priced = [
            (price, r)
            for r in lot.ranked
            if (price := _compared(facts, lot, r)) is not None and criterion.id in r.points
        ]  # a hierarchy of criteria gives no points: nothing to compare
        priced.sort(key=lambda pair: pair[0])
        pair = _inverted(priced, criterion.id)
        if pair is None:
            continue
        (low_price, low), (high_price, high) = pair
        lowest = low_price == priced[0][0]
        params = (
            ("form", "lowest" if lowest else "lower"),
            ("basis", _basis(facts, lot)),
            ("low", low.candidate),
            ("low_money", str(low_price)),
            ("low_points_num", str(round_half_up(low.points[criterion.id]))),
            ("high", high.candidate),
            ("high_money", str(high_price)),
            ("high_points_num", str(round_half_up(high.points[criterion.id]))),
        )
        yield Finding("lint-lowest-price-mark", Severity.RISK, lot.lot.id, params, "ce-370789")


def _inverted(
    priced: list[tuple[Decimal, OfferResult]], criterion: str
) -> tuple[tuple[Decimal, OfferResult], tuple[Decimal, OfferResult]] | None:
    """The cheapest (lower price, higher price) pair whose lower price has fewer points: from
    the dearest price down, each offer is compared with the best points of the strictly
    dearer offers (one pass, however many offers)."""
    best_above: tuple[Decimal, OfferResult] | None = None
    found = None
    for _, group in groupby(reversed(priced), key=lambda pair: pair[0]):
        same_price = list(group)
        for price, result in same_price:
            if (
                best_above is not None
                and result.points[criterion] < best_above[1].points[criterion]
            ):
                found = ((price, result), best_above)
        for price, result in same_price:
            if best_above is None or result.points[criterion] > best_above[1].points[criterion]:
                best_above = (price, result)
    return found


def _compared(facts: Facts, lot: LotResult, result: OfferResult) -> Decimal | None:
    """The price the price criterion compares: HT or TTC as the criterion says."""
    return result.price_ttc if _basis(facts, lot) == "TTC" else result.price_ht


def _priced_lots(facts: Facts) -> Iterator[tuple[LotResult, PriceFormula]]:
    """Each lot ranked on weighted criteria, with its price formula."""
    if facts.evaluation is None:
        return
    for lot in facts.evaluation.lots:
        rule = facts.config.criteria_for(lot.lot.id).price_criterion.price
        if rule is not None and lot.ranked:
            yield lot, rule.formula


def _basis(facts: Facts, lot: LotResult) -> str:
    rule = facts.config.criteria_for(lot.lot.id).price_criterion.price
    return "TTC" if rule is None or rule.basis is PriceBasis.TTC else "HT"
