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

The price criterion's neutralisation and a formula that would not give the lowest price the
best mark are not checked here: the three formulas the tool knows always give it the best mark.
"""

from collections.abc import Iterator
from decimal import Decimal
from fractions import Fraction

from referent_ess.analysis.lint.finding import Facts, Finding, Severity
from referent_ess.base.exact import round_half_up
from referent_ess.config.choices import PriceBasis, PriceFormula
from referent_ess.evaluation.results import LotResult

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
            yield Finding("lint-linear-few", Severity.ADVICE, lot.lot.id, params, SOURCE)


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
