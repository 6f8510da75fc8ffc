"""The same lot ranked under every price formula, side by side.

A relative price formula can change the winner, and a badly chosen one can neutralise the
price criterion. The rule used here to warn is the tool's own heuristic, not a threshold set
by a court: among the admissible offers, the price points spread over less than 25 % of the
price criterion's maximum while the prices differ by more than 20 %.
"""

from collections.abc import Mapping
from dataclasses import dataclass, replace
from decimal import Decimal
from fractions import Fraction

from referent_ess.analysis.needs_weights import require_weights
from referent_ess.base.exact import round_half_up
from referent_ess.config.choices import PriceFormula
from referent_ess.config.model import Config, PriceRule
from referent_ess.evaluation.engine import evaluate
from referent_ess.evaluation.kernel import max_points
from referent_ess.evaluation.lookup import lot_or_error
from referent_ess.evaluation.results import Evaluation, LotResult
from referent_ess.problems.errors import ReferentError

NEUTRALISED_POINTS = Fraction(1, 4)  # price points spread below 25 % of the criterion's max...
NEUTRALISED_PRICES = Fraction(1, 5)  # ...while the prices differ by more than 20 %


@dataclass(frozen=True)
class Neutralisation:
    """Why a formula neutralises the price criterion: the figures of the warning (worded by
    :func:`referent_ess.render.phrases.neutralisation_text`)."""

    name: str
    spread: Decimal  # the spread of the price points
    maximum: Decimal  # the price criterion's maximum
    price_gap: Decimal  # how far the highest price is above the lowest, in %


@dataclass(frozen=True)
class Variant:
    name: str  # e.g. "proportional", "gap k=2"
    rule: PriceRule
    lot: LotResult
    neutralisation: Neutralisation | None  # when the price criterion is neutralised


@dataclass(frozen=True)
class Simulation:
    lot_id: int
    variants: tuple[Variant, ...]

    @property
    def winners(self) -> Mapping[str, tuple[int, ...]]:
        """Rows of the rank-1 offers under each formula."""
        return {v.name: tuple(r.offer.row for r in v.lot.winners) for v in self.variants}

    @property
    def winner_changes(self) -> bool:
        return len(set(self.winners.values())) > 1


def standard_rules(config: Config, lot_id: int | None = None) -> list[tuple[str, PriceRule]]:
    """Proportional, linear and gap (k=2) on the configured basis, plus the configured rule (of
    the lot's criteria)."""
    configured = config.criteria_for(lot_id).price_criterion.price
    assert configured is not None
    rules = [
        ("proportional", PriceRule(PriceFormula.PROPORTIONAL, configured.basis, Decimal(2))),
        ("linear", PriceRule(PriceFormula.LINEAR, configured.basis, Decimal(2))),
        ("gap k=2", PriceRule(PriceFormula.GAP, configured.basis, Decimal(2))),
    ]
    if configured.formula is PriceFormula.GAP and configured.k != 2:
        rules.append((f"gap k={configured.k}", configured))
    return rules


def simulate(evaluation: Evaluation, lot_id: int) -> Simulation:
    """The lot ranked under each of :func:`standard_rules`. Raises :class:`ReferentError` when
    that does not apply: a hierarchy of criteria, an unknown lot, a lot with nothing to rank."""
    require_weights(evaluation, "simulate")
    if not lot_or_error(evaluation, lot_id).ranked:  # else every formula "keeps" a missing winner
        raise ReferentError(
            "not-applicable",
            params=(("form", "simulate-empty"), ("lot", str(lot_id))),
        )
    config = evaluation.config
    variants = []
    criteria_set = config.criteria_for(lot_id)
    for name, rule in standard_rules(config, lot_id):
        criteria = tuple(replace(c, price=rule) if c.is_price else c for c in criteria_set.criteria)
        changed = config.with_set(replace(criteria_set, criteria=criteria))
        again = evaluate(changed, evaluation.book).lot(lot_id)
        assert again is not None
        variants.append(Variant(name, rule, again, neutralised(again, config, name)))
    return Simulation(lot_id, tuple(variants))


def neutralised(lot: LotResult, config: Config, name: str) -> Neutralisation | None:
    """The figures of the neutralisation heuristic on the lot's ranked offers, when it applies
    (``referent lint`` applies it to the configured formula, ``simulate`` to each formula)."""
    criterion = config.criteria_for(lot.lot.id).price_criterion
    if len(lot.ranked) < 2 or lot.lowest_price is None or lot.highest_price is None:
        return None
    price_points = [r.points[criterion.id] for r in lot.ranked]
    spread = max(price_points) - min(price_points)
    maximum = max_points(config.total, criterion.weight)
    price_gap = (Fraction(lot.highest_price) - Fraction(lot.lowest_price)) / Fraction(
        lot.lowest_price
    )
    if spread < NEUTRALISED_POINTS * maximum and price_gap > NEUTRALISED_PRICES:
        return Neutralisation(
            name, round_half_up(spread), round_half_up(maximum), round_half_up(price_gap * 100, 1)
        )
    return None
