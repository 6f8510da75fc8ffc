"""The negotiation rounds of an offer: each earlier round as it was (its price, status, total
and rank among the lot's offers as they stood then), then which round is evaluated, and whether
the negotiation regularised it (art. R2152-1)."""

from referent_ess.evaluation.results import OfferResult, RoundStep

from .terms import STOP, Money, Points, Step, Value, phrase, present, status_label


def round_steps(result: OfferResult) -> list[Step]:
    """Nothing for an offer of a single round."""
    if not result.history:
        return []
    steps = [_earlier(step) for step in result.history]
    figures = present(round=result.offer.round, row=result.offer.row)
    steps.append(
        Step(
            "round-evaluated",
            (phrase("ex.round.final", round=result.offer.round, row=result.offer.row), STOP),
            figures,
        )
    )
    if result.regularised:
        steps.append(Step("regularised", (phrase("ex.round.regularised"), STOP)))
    return steps


def _earlier(step: RoundStep) -> Step:
    words: list[Value] = [
        phrase(
            "ex.round.earlier",
            round=step.round,
            row=step.row,
            status=status_label(step.status),
        )
    ]
    if step.price_ht is not None:
        words.append(phrase("ex.round.price", price=Money(step.price_ht)))
    if step.total is not None and step.rank is not None:
        words.append(phrase("ex.round.rank", total=Points(step.total), rank=step.rank))
    words.append(STOP)
    figures = present(
        round=step.round,
        row=step.row,
        status=step.status.value,
        price_ht=Money(step.price_ht) if step.price_ht is not None else None,
        total=Points(step.total) if step.total is not None else None,
        rank=step.rank,
    )
    return Step("round", tuple(words), figures)
