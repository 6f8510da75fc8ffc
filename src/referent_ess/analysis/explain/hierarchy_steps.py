"""``ordering: hierarchy``: no points and no total. Each criterion's mark (or the price), then
the comparison with the offers ranked next to this one, criterion by criterion until one
differs: the one that put one offer before the other."""

from collections.abc import Iterator
from fractions import Fraction

from referent_ess.config.model import Config, Criterion
from referent_ess.evaluation.results import LotResult, OfferResult

from .points_steps import mark_figure, mark_origin, mark_words
from .price_steps import price_on
from .rank_steps import rank_step, ranked_around
from .terms import (
    Joiner,
    Listed,
    Money,
    Notation,
    Ordinal,
    Phrase,
    Quantity,
    Step,
    Value,
    phrase,
    present,
    status_label,
)


def hierarchy_steps(config: Config, lot: LotResult, result: OfferResult) -> Iterator[Step]:
    for position, criterion in enumerate(config.criteria_for(lot.lot.id).criteria, start=1):
        head = phrase("ex.hierarchy.head", id=criterion.header, ordinal=Ordinal(position))
        if criterion.price is not None:
            basis = criterion.price.basis
            price = price_on(result, basis)
            yield Step(
                "price-compared",
                (
                    phrase(
                        "ex.hierarchy.price",
                        head=head,
                        basis=basis.value.upper(),
                        shown=phrase("ex.unknown") if price is None else Money(price),
                    ),
                ),
                present(
                    criterion=criterion.id,
                    basis=basis.value,
                    price=None if price is None else Money(price),
                ),
            )
            continue
        figures: dict[str, Value] = {"criterion": criterion.id, "scale": Quantity(criterion.scale)}
        mark = result.offer.marks.get(criterion.id)
        if mark is None:
            yield Step("mark", (phrase("ex.hierarchy.no_mark", head=head),), figures)
            continue
        origin, where = mark_origin(config, result, criterion)
        figures.update(where)
        figures.update(mark=mark_figure(mark), mark_exact=Fraction(mark))
        word = criterion.word_for(mark)  # a mark on a descriptor scale: its word first
        if word is not None:
            figures["mark_word"] = word
        words = phrase(
            "ex.hierarchy.mark" if word is None else "ex.hierarchy.mark.word",
            head=head,
            mark=mark_words(mark),
            origin=origin,
            scale=Quantity(criterion.scale),
            **({} if word is None else {"word": word}),
        )
        yield Step("mark", (words,), figures)
    yield from _rank_steps(config, lot, result)


def _rank_steps(config: Config, lot: LotResult, result: OfferResult) -> Iterator[Step]:
    rank = result.rank
    if rank is None:
        yield Step(
            "rank",
            (
                phrase(
                    "ex.hierarchy.not_ranked", lot=lot.lot.id, status=status_label(result.status)
                ),
            ),
            {"status": result.status.value},
        )
        return
    yield rank_step("ex.hierarchy.rank", lot, rank)
    above, below = ranked_around(lot, rank)
    same = [r for r in lot.ranked if r.rank == rank and r is not result]
    if above:
        yield _comparison("compare-above", phrase("ex.where.just_above"), config, result, above[-1])
    for other in same:
        yield _comparison("compare-same", phrase("ex.where.same"), config, result, other)
    if below:
        yield _comparison("compare-below", phrase("ex.where.just_below"), config, result, below[0])


def _comparison(
    code: str, where: Phrase, config: Config, result: OfferResult, other: OfferResult
) -> Step:
    """Criterion by criterion until one differs: the one that put one offer before the other."""
    equal: list[Value] = []
    figures: dict[str, Value] = {
        "candidate": other.candidate,
        "row": other.offer.row,
        "rank": str(other.rank),
    }
    words: list[Value] = [
        phrase("ex.compare", other=other.candidate, where=where, rank=str(other.rank))
    ]
    for criterion in config.criteria_for(result.offer.lot).criteria:
        mine, theirs, shown_mine, shown_theirs = _compared(criterion, result, other)
        if mine == theirs:
            equal.append(phrase("ex.compare.each", id=criterion.id, shown=shown_mine))
            continue
        if equal:
            words.append(phrase("ex.compare.equal_on", equal=Listed(tuple(equal), Joiner.COMMA)))
        lower = phrase("ex.compare.lower_price") if criterion.is_price else ""
        words.append(
            phrase(
                "ex.compare.decided",
                id=criterion.id,
                mine=shown_mine,
                theirs=shown_theirs,
                ahead=phrase("ex.this_offer") if mine > theirs else other.candidate,
                lower=lower,
            )
        )
        figures.update(decided_by=criterion.id, this=shown_mine, other=shown_theirs)
        return Step(code, tuple(words), figures)
    figures["decided_by"] = ""
    everything = Listed(tuple(equal), Joiner.COMMA)
    words.append(phrase("ex.compare.all_equal", equal=everything, rank=str(other.rank)))
    return Step(code, tuple(words), figures)


def _compared(
    criterion: Criterion, result: OfferResult, other: OfferResult
) -> tuple[Fraction, Fraction, Notation, Notation]:
    """The compared values of both offers (higher is better) and how they are shown:
    ``9000.00 HT`` (the lower price first), ``4.5 / 5``."""
    if criterion.price is not None:
        basis = criterion.price.basis
        mine_price = price_on(result, basis)
        their_price = price_on(other, basis)
        assert mine_price is not None
        assert their_price is not None
        shown = "{amount} " + basis.value.upper()
        return (
            -Fraction(mine_price),
            -Fraction(their_price),
            Notation(shown, {"amount": Money(mine_price)}),
            Notation(shown, {"amount": Money(their_price)}),
        )
    scale = Quantity(criterion.scale)
    mine = result.offer.marks[criterion.id]
    theirs = other.offer.marks[criterion.id]
    return (
        Fraction(mine) / Fraction(criterion.scale),
        Fraction(theirs) / Fraction(criterion.scale),
        Notation("{mark} / {scale}", {"mark": mark_words(mine), "scale": scale}),
        Notation("{mark} / {scale}", {"mark": mark_words(theirs), "scale": scale}),
    )
