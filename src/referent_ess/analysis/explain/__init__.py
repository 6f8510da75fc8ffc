"""One offer, explained step by step: what a buyer reads out to a candidate who asks why.

Why: a score is only accepted when it can be retraced by hand. Every step says one computation
(price HT, TTC, the cap, each criterion's points with the figures actually used, the total, the
rank, the gaps, ties, the award, the reasons and the warnings) with its exact figures.

Nothing is recomputed and nothing is worded here: every figure is read from the
:class:`Evaluation` (exact decimals and fractions) and kept typed; the steps are built once and
:mod:`referent_ess.render.explain` words them, in English for the JSON and in the run's
language for people.
"""

from referent_ess.config.choices import Ordering
from referent_ess.config.model import Config, Criterion
from referent_ess.evaluation.results import Evaluation, LotResult, OfferResult, Status

from .hierarchy_steps import hierarchy_steps
from .points_steps import mark_points_step, parent_points_step, threshold_step, total_step
from .price_steps import cap_steps, price_points_step, price_steps
from .rank_steps import rank_steps
from .status_steps import (
    abnormal_step,
    award_steps,
    lot_warning_steps,
    provisional_step,
    status_steps,
    warning_steps,
)
from .terms import Explanation, Step

__all__ = ["Explanation", "Step", "explain_offer"]


def explain_offer(evaluation: Evaluation, lot: LotResult, result: OfferResult) -> Explanation:
    """Every step of the evaluation of ``result``, an offer of ``lot``."""
    config = evaluation.config
    steps: list[Step] = [*price_steps(config, result), *cap_steps(config, result)]
    if config.ordering is Ordering.HIERARCHY:
        steps += hierarchy_steps(config, lot, result)
    else:
        steps += _points_steps(config, lot, result)
        if result.rank is not None:
            steps += rank_steps(config, lot, result)
    if lot.provisional:
        steps.append(provisional_step(evaluation, lot))
    steps += award_steps(config, lot, result)
    steps += status_steps(config, result)
    if lot.abnormal_note is not None and result.status is Status.ADMISSIBLE:
        steps.append(abnormal_step(evaluation))
    steps += lot_warning_steps(lot)
    steps += warning_steps(result)
    return Explanation(
        lot=lot.lot.id,
        lot_title=lot.lot.title,
        candidate=result.candidate,
        row=result.offer.row,
        status=result.status.value,
        rank=result.rank,
        steps=tuple(steps),
    )


def _points_steps(config: Config, lot: LotResult, result: OfferResult) -> list[Step]:
    """Each criterion's points in the order of the lot's criteria (a criterion with
    sub-criteria after them: the sum of theirs), each announced threshold after the points it
    judges, then the total."""
    criteria = config.criteria_for(lot.lot.id)

    def node_steps(criterion: Criterion) -> list[Step]:
        if criterion.is_price:
            return [price_points_step(config, lot, result, criterion, criteria)]
        threshold = [] if criterion.min_points is None else [threshold_step(result, criterion)]
        if criterion.is_leaf:
            return [mark_points_step(config, result, criterion, criteria), *threshold]
        below = [step for child in criterion.sub_criteria for step in node_steps(child)]
        return [*below, parent_points_step(config, result, criterion, criteria), *threshold]

    steps = [step for criterion in criteria.criteria for step in node_steps(criterion)]
    if result.total is not None:
        steps.append(total_step(criteria, result.points, result.total))
    return steps
