"""The rank of an offer by its total, the gaps to its neighbours and to the first, and the ties.

A gap is the difference of the exact totals (``4327/49 − 81 = 358/49``), then rounded: the
difference of the rounded totals can be a hundredth off, and the step says so when it is.
"""

from collections.abc import Iterator
from fractions import Fraction

from referent_ess.base.exact import round_half_up
from referent_ess.config.model import Config
from referent_ess.evaluation.results import LotResult, OfferResult

from .terms import (
    STOP,
    Joiner,
    Listed,
    Notation,
    Phrase,
    Points,
    Step,
    Value,
    exactly,
    phrase,
    points_with_exact,
)


def rank_steps(config: Config, lot: LotResult, result: OfferResult) -> Iterator[Step]:
    rank = result.rank
    assert rank is not None
    assert result.total is not None
    yield rank_step("ex.rank", lot, rank)
    above, below = ranked_around(lot, rank)
    first = lot.ranked[0]
    assert first.total is not None
    if above and above[-1].rank != first.rank:
        yield _gap_step("gap-above", phrase("ex.where.just_above"), above[-1], result)
    if rank == 1:
        gap = first.total - result.total
        yield Step(
            "gap-first",
            (phrase("ex.gap.first", zero=Points(Fraction(0))),),
            {"candidate": first.candidate, "gap": Points(gap), "gap_exact": gap},
        )
        if below:
            yield _gap_step("gap-below", phrase("ex.where.just_below"), below[0], result)
    else:
        just_above = above[-1].offer.row == first.offer.row
        where = phrase("ex.where.first_just_above" if just_above else "ex.where.first")
        yield _gap_step("gap-first", where, first, result)
    yield from _tie_steps(config, lot, result)


def rank_step(key: str, lot: LotResult, rank: int) -> Step:
    """``Rank 2 of 4 admissible offer(s) of lot 3``, and how the ranking was made."""
    count = len(lot.ranked)
    words = phrase(key, rank=rank, count=count, lot=lot.lot.id)
    return Step("rank", (words,), {"rank": rank, "ranked": count})


def ranked_around(lot: LotResult, rank: int) -> tuple[list[OfferResult], list[OfferResult]]:
    """The offers ranked before ``rank``, and those ranked after it, in rank order."""
    above = [r for r in lot.ranked if r.rank is not None and r.rank < rank]
    below = [r for r in lot.ranked if r.rank is not None and r.rank > rank]
    return above, below


def _gap_step(code: str, where: Phrase, other: OfferResult, result: OfferResult) -> Step:
    """The difference of two totals, exact and then rounded, said the right way round."""
    assert other.total is not None
    assert result.total is not None
    ahead = result.total > other.total
    high, low = (result.total, other.total) if ahead else (other.total, result.total)
    gap = high - low
    naive = round_half_up(high) - round_half_up(low)
    # decimals, the exact fraction only where rounding hides something: the totals too when
    # their rounded difference is not the rounded gap (88.31 − 67.14 would not read 21.16)
    shown = points_with_exact if naive != round_half_up(gap) else Points
    words: list[Value] = [
        phrase(
            "ex.gap.lead" if ahead else "ex.gap.behind",
            other=other.candidate,
            where=where,
            rank=str(other.rank),
            total=Points(other.total),
            high=shown(high),
            low=shown(low),
            gap=Points(gap),
            exact=exactly(gap),
        )
    ]
    if naive != round_half_up(gap):
        words.append(phrase("ex.gap.naive", naive=Points(naive)))
    elif gap == 0:
        words.append(phrase("ex.gap.same_total"))
    return Step(
        code,
        (*words, STOP),
        {
            "candidate": other.candidate,
            "row": other.offer.row,
            "rank": str(other.rank),
            "total": Points(other.total),
            "gap": Points(gap),
            "gap_exact": gap,
        },
    )


def _tie_steps(config: Config, lot: LotResult, result: OfferResult) -> Iterator[Step]:
    """The exact tie this offer is in, if any: the tie-break criteria compared in order until
    one separates the offers, and the ranks that follow."""
    for tie in lot.ties:
        if result.offer.row not in [r.offer.row for r in tie.offers]:
            continue
        others = [r for r in tie.offers if r.offer.row != result.offer.row]
        criteria = config.criteria_for(lot.lot.id)
        tie_break = criteria.tie_break
        shown = {i: node.header for i in tie_break if (node := criteria.node(i)) is not None}
        names = Listed(tuple(r.candidate for r in others), Joiner.SERIES)
        words: list[Value] = [phrase("ex.tie", total=Points(tie.total), names=names)]
        figures: dict[str, Value] = {
            "total": Points(tie.total),
            "total_exact": tie.total,
            "with": "; ".join(r.candidate for r in others),
            "tie_break": ", ".join(tie_break),
            "decided_by": tie.decided_by or "",
        }
        if not tie_break:
            words.append(phrase("ex.tie.none"))
        else:
            rule = ", ".join(shown.get(i, i) for i in tie_break)  # headers, never ids
            words.append(phrase("ex.tie.rule", rule=rule))
            compared: list[Value] = []
            for criterion in tie_break:
                values = [Points(r.points.get(criterion, Fraction(0))) for r in tie.offers]
                if criterion == tie.decided_by:
                    listed = Listed(
                        tuple(
                            Notation("{who} {points}", {"who": this_or(r, result), "points": v})
                            for r, v in zip(tie.offers, values, strict=True)
                        ),
                        Joiner.COMMA,
                    )
                    name = shown.get(criterion, criterion)
                    compared.append(phrase("ex.tie.decided", criterion=name, listed=listed))
                    break
                name = shown.get(criterion, criterion)
                compared.append(phrase("ex.tie.equal", criterion=name, value=values[0]))
            words.append(
                phrase("ex.tie.compared", compared=Listed(tuple(compared), Joiner.SEMICOLON))
            )
            if tie.decided_by is None:
                words.append(phrase("ex.tie.undecided"))
        ranks = tuple(
            Notation("{who} {rank}", {"who": this_or(r, result), "rank": str(r.rank)})
            for r in tie.offers
        )
        words.append(phrase("ex.tie.ranks", ranks=Listed(ranks, Joiner.COMMA)))
        for same in tie.shared:
            if any(r.offer.row == result.offer.row for r in same):
                words.append(phrase("ex.tie.shared", rank=str(result.rank)))
        figures["ranks"] = "; ".join(f"{r.candidate}: {r.rank}" for r in tie.offers)
        yield Step("tie", (*words, STOP), figures)


def this_or(other: OfferResult, result: OfferResult) -> Value:
    """``this offer`` for the offer explained, else the other offer's candidate."""
    return phrase("ex.this_offer") if other.offer.row == result.offer.row else other.candidate
