"""Who each lot goes to, once every lot is ranked: its single first-ranked offer, or, with a
limit of lots per candidate, the best-ranked offer whose candidate may still take it. A lot
without an award says why (an award note: its form and figures)."""

from dataclasses import replace
from typing import Any

from referent_ess.base.normalise import normalise
from referent_ess.evaluation.offer_warning import Source, offer_warning
from referent_ess.evaluation.results import LotResult, OfferResult
from referent_ess.problems.problem import Problem


def allocate(
    lots: tuple[LotResult, ...], limit: int | None, source: Source
) -> tuple[LotResult, ...]:
    """Who each lot goes to: its single first-ranked offer, or, with a limit of lots per
    candidate, the best-ranked offer whose candidate has not reached it, lot by lot in id
    order. An offer passed over this way says why."""
    if limit is None:  # no limit: the lot goes to its single first-ranked offer
        return tuple(_award_first(lot) for lot in lots)
    held: dict[str, list[int]] = {}
    allocated = []
    for lot in lots:
        if lot.provisional:
            allocated.append(replace(lot, **_note("provisional")))
            continue
        passed_over: dict[int, Problem] = {}
        award: OfferResult | None = None
        note: dict[str, Any] | None = None
        for result in lot.ranked:
            who = normalise(result.name)
            if limit is not None and len(held.get(who, [])) >= limit:
                earlier = ", ".join(str(i) for i in held[who])
                passed_over[result.offer.row] = offer_warning(
                    result.offer,
                    source,
                    "lot-limit",
                    "candidate",
                    (
                        ("rank", str(result.rank)),
                        ("lot", str(lot.lot.id)),
                        ("earlier", earlier),
                        ("limit", str(limit)),
                    ),
                )
                continue
            same_rank = [r for r in lot.ranked if r.rank == result.rank and r is not result]
            if any(len(held.get(normalise(r.name), [])) < (limit or 1) for r in same_rank):
                note = _note("tie", count=len(same_rank) + 1, rank=result.rank)
            else:
                award = result
                held.setdefault(who, []).append(lot.lot.id)
                if passed_over:
                    note = _note("passed-over", rank=result.rank)
            break
        if award is None and note is None:
            note = _note("no-admissible" if not lot.ranked else "nobody")
        offers = tuple(
            replace(r, warnings=(*r.warnings, passed_over[r.offer.row]))
            if r.offer.row in passed_over
            else r
            for r in lot.offers
        )
        allocated.append(replace(lot, offers=offers, award=_same(award, offers), **(note or {})))
    return tuple(allocated)


def _award_first(lot: LotResult) -> LotResult:
    if lot.provisional:
        return replace(lot, **_note("provisional"))
    if not lot.ranked:
        return replace(lot, **_note("no-admissible"))
    if len(lot.winners) > 1:
        return replace(lot, **_note("tie", count=len(lot.winners), rank=1))
    return replace(lot, award=lot.winners[0])


def _note(form: str, **figures: int | None) -> dict[str, Any]:
    """A lot's award note (code ``award-note``): its form and figures."""
    params = (("form", form), *((name, str(value)) for name, value in figures.items()))
    return {"award_params": params}


def _same(award: OfferResult | None, offers: tuple[OfferResult, ...]) -> OfferResult | None:
    """The award, as it stands in ``offers`` (with any warning added since)."""
    if award is None:
        return None
    return next(r for r in offers if r.offer.row == award.offer.row)
