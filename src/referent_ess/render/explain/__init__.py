"""``referent explain``: one offer step by step, worded for people and written as data.

The steps are built once, in no language (:mod:`referent_ess.analysis.explain`); here they are
worded in the run's language for the terminal, and in English for the JSON, whose texts never
change with the language (like its keys, codes and figures).
"""

from typing import Any

from referent_ess import i18n
from referent_ess.analysis.explain import Explanation, Step, explain_offer
from referent_ess.evaluation.lookup import lot_or_error, offer_or_error
from referent_ess.evaluation.results import Evaluation, OfferResult
from referent_ess.i18n import tr

from .words import figures, step_text

__all__ = [
    "Explanation",
    "Step",
    "explain",
    "explanation_dict",
    "explanation_text",
    "find_offer",
    "step_text",
]


def explain(
    evaluation: Evaluation, lot_id: int, candidate: str, variant: str | None = None
) -> Explanation:
    """Every step of the evaluation of ``candidate``'s offer on lot ``lot_id`` (the name matched
    as a person types it, see :func:`find_offer`): its base offer, or its variant ``variant``."""
    lot = lot_or_error(evaluation, lot_id)
    return explain_offer(evaluation, lot, offer_or_error(evaluation, lot, candidate, variant))


def find_offer(evaluation: Evaluation, lot_id: int, candidate: str) -> OfferResult:
    """The offer ``explain`` would explain: an unknown lot or name raises the
    :class:`~referent_ess.problems.errors.ReferentError` of :mod:`referent_ess.evaluation.lookup`
    (with the lot's candidates and the closest names)."""
    return offer_or_error(evaluation, lot_or_error(evaluation, lot_id), candidate)


def explanation_dict(explanation: Explanation) -> dict[str, Any]:
    """The explanation as data (``--format json``): keys, codes and texts never change with the
    language (the texts are the English steps)."""
    with i18n.language("en"):
        steps = [
            {"code": step.code, "text": step_text(step), "figures": figures(step)}
            for step in explanation.steps
        ]
    return {
        "lot": explanation.lot,
        "lot_title": explanation.lot_title,
        "candidate": explanation.candidate,
        "row": explanation.row,
        "status": explanation.status,
        "rank": explanation.rank,
        "steps": steps,
    }


def explanation_text(explanation: Explanation) -> str:
    """Numbered lines in the run's language, under a heading naming the offer."""
    rank = (
        tr("ex.heading.rank", rank=explanation.rank)
        if explanation.rank is not None
        else tr(f"status.{explanation.status}")
    )
    lines = [
        tr(
            "ex.heading",
            lot=explanation.lot,
            title=explanation.lot_title,
            candidate=explanation.candidate,
            row=explanation.row,
            rank=rank,
        )
    ]
    texts = [step_text(step) for step in explanation.steps]
    width = len(str(len(texts)))
    lines += [f"{number:>{width}}. {text}" for number, text in enumerate(texts, start=1)]
    return "\n".join(lines) + "\n"
