"""Each criterion's points from its mark, and the total: the figures actually used, exact when
rounding to 2 places would hide something (``15.31 (exactly 750/49)``)."""

from collections.abc import Mapping
from decimal import Decimal
from fractions import Fraction

from referent_ess.base.exact import round_half_up
from referent_ess.config.model import Config, CriteriaSet, Criterion
from referent_ess.evaluation.kernel import max_points
from referent_ess.evaluation.results import OfferResult, Status

from .terms import (
    STOP,
    Joiner,
    Listed,
    MaxPoints,
    Notation,
    Phrase,
    Points,
    Quantity,
    Step,
    Value,
    exactly,
    phrase,
    points_with_exact,
)


def criterion_head(
    criterion: Criterion, top: MaxPoints, criteria: CriteriaSet | None = None
) -> Phrase:
    """``context (weight 30 %, at most 30 points)``, with the exact maximum when it is not
    what the rounded one says. In a criteria tree, a node is named by its label, and a
    sub-criterion with its parent's: ``“Équipe”, sub-criterion of “Moyens” (weight 20 %…)``."""
    if criteria is None or criteria.is_flat:
        return phrase(
            "ex.head",
            id=criterion.header,
            weight=Quantity(criterion.weight),
            top=top,
            exact=exactly(top.value),
        )
    parent = criteria.parent_of(criterion.id)
    within: Value = "" if parent is None else phrase("ex.head.within", parent=parent.label)
    return phrase(
        "ex.head.tree",
        label=criterion.label,
        within=within,
        weight=Quantity(criterion.weight),
        top=top,
        exact=exactly(top.value),
    )


def _criterion_figures(
    config: Config, criterion: Criterion, criteria: CriteriaSet | None
) -> tuple[MaxPoints, Phrase, dict[str, Value]]:
    """What every step on a criterion's points starts from: its maximum, its head phrase, and
    the figures common to them all."""
    top = MaxPoints(max_points(config.total, criterion.weight))
    figures: dict[str, Value] = {
        "criterion": criterion.id,
        "weight": Quantity(criterion.weight),
        "max_points": Points(top.value),
        "max_points_exact": top.value,
    }
    return top, criterion_head(criterion, top, criteria), figures


def parent_points_step(
    config: Config, result: OfferResult, criterion: Criterion, criteria: CriteriaSet
) -> Step:
    """A criterion with sub-criteria: exactly the sum of its children's points."""
    _, head, figures = _criterion_figures(config, criterion, criteria)
    figures["sub_criteria"] = ", ".join(c.id for c in criterion.sub_criteria)
    points = result.points.get(criterion.id)
    if points is None:
        return Step("parent-points", (phrase("ex.parent.none", head=head),), figures)
    parts = tuple(
        Notation(
            "{label} {points}", {"label": child.label, "points": Points(result.points[child.id])}
        )
        for child in criterion.sub_criteria
    )
    words = phrase(
        "ex.parent",
        head=head,
        parts=Listed(parts, Joiner.PLUS),
        points=points_with_exact(points),
    )
    figures.update(points=Points(points), points_exact=points)
    return Step("parent-points", (words, STOP), figures)


def mark_points_step(
    config: Config, result: OfferResult, criterion: Criterion, criteria: CriteriaSet | None = None
) -> Step:
    offer = result.offer
    top, head, figures = _criterion_figures(config, criterion, criteria)
    figures["scale"] = Quantity(criterion.scale)
    mark = offer.marks.get(criterion.id)
    points = result.points.get(criterion.id)
    if mark is None or points is None:
        why: Value = ""
        if result.status not in (Status.ADMISSIBLE, Status.INVALID):
            why = phrase("ex.mark.eliminated")
        return Step("mark-points", (phrase("ex.mark.none", head=head, why=why),), figures)
    origin, where = mark_origin(config, result, criterion)
    figures.update(where)
    word = criterion.word_for(mark)  # a mark on a descriptor scale: its word first
    words: list[Value] = [
        phrase(
            "ex.mark" if word is None else "ex.mark.word",
            head=head,
            mark=mark_words(mark),
            origin=origin,
            scale=Quantity(criterion.scale),
            top=top,
            points=points_with_exact(points),
            **({} if word is None else {"word": word}),
        )
    ]
    if word is not None:
        figures["mark_word"] = word
    if result.status is not Status.ADMISSIBLE:
        words.append(phrase("ex.mark.not_ranked"))
    figures.update(
        mark=mark_figure(mark),
        mark_exact=Fraction(mark),
        points=Points(points),
        points_exact=points,
    )
    comment = offer.comments.get(criterion.id)
    if comment:
        figures["comment"] = comment
        # the jury's own words, last and untouched: no full stop after the closing quote
        return Step("mark-points", (*words, phrase("ex.mark.comment", comment=comment)), figures)
    return Step("mark-points", (*words, STOP), figures)


def threshold_step(result: OfferResult, criterion: Criterion) -> Step:
    """A threshold the consultation rules announce on ``criterion`` (``min_points``): reached
    or not, compared exactly (at the threshold, the offer passes)."""
    threshold = criterion.min_points
    assert threshold is not None
    got = result.points.get(criterion.id)
    figures: dict[str, Value] = {"criterion": criterion.id, "min_points": Quantity(threshold)}
    head: dict[str, Value] = {"label": criterion.label, "min": Quantity(threshold)}
    if got is None:
        return Step("threshold", (phrase("ex.threshold.unknown", **head), STOP), figures)
    reached = got >= threshold
    figures.update(points=Points(got), points_exact=got, verdict="reached" if reached else "missed")
    key = "ex.threshold.met" if reached else "ex.threshold.missed"
    words = phrase(key, **head, points=points_with_exact(got))
    return Step("threshold", (words, STOP), figures)


def mark_origin(
    config: Config, result: OfferResult, criterion: Criterion
) -> tuple[Value, dict[str, Value]]:
    """Where a mark comes from (its cell, or the evaluators' marks and how they were combined),
    and the figures that say it."""
    offer = result.offer
    marks = offer.evaluator_marks.get(criterion.id)
    if marks:
        how = config.marks_aggregate.value
        figures: dict[str, Value] = {"aggregate": how}
        figures.update({f"evaluator_mark.{who}": Quantity(value) for who, value in marks.items()})
        listed = Listed(
            tuple(_evaluator_mark(criterion, who, value) for who, value in marks.items()),
            Joiner.COMMA,
        )
        how_combined = phrase(f"ex.aggregate.{how}")
        return phrase("ex.mark.evaluators", how=how_combined, listed=listed), figures
    cell = offer.cells.get(criterion.id)
    if cell:
        return phrase("ex.cell", cell=cell), {"cell": cell}
    return "", {}


def _evaluator_mark(criterion: Criterion, who: str, mark: Decimal) -> Value:
    """``Anne 3``, or on a descriptor scale ``Anne “Satisfaisant” (3)``."""
    word = criterion.word_for(mark)
    if word is None:
        return Notation("{who} {mark}", {"who": who, "mark": Quantity(mark)})
    return phrase("ex.mark.evaluator_word", who=who, word=word, mark=Quantity(mark))


def mark_words(mark: Decimal | Fraction) -> Value:
    """A mark as typed (``3.5``), or an aggregated one exactly (``23/6 ≈ 3.83``)."""
    if isinstance(mark, Decimal):
        return Quantity(mark)
    if mark.denominator == 1:
        return mark
    return Notation("{exact} ≈ {rounded}", {"exact": mark, "rounded": Points(mark)})


def mark_figure(mark: Decimal | Fraction) -> Value:
    """A mark as data: as typed, or an aggregated one rounded (its exact value is beside it)."""
    if isinstance(mark, Decimal):
        return Quantity(mark)
    return mark if mark.denominator == 1 else Points(mark)


def total_step(criteria: CriteriaSet, points: Mapping[str, Fraction], total: Fraction) -> Step:
    """The sum of the exact points of the top-level criteria, and why it may differ from the
    sum of the rounded ones (by id; by label in a criteria tree, as its steps name them)."""
    ids = [c.id for c in criteria.criteria if c.id in points]
    named = {c.id: c.header for c in criteria.criteria}
    parts = tuple(
        Notation("{id} {points}", {"id": named[c], "points": Points(points[c])}) for c in ids
    )
    words: list[Value] = [phrase("ex.total", parts=Listed(parts, Joiner.PLUS), total=Points(total))]
    exact = exactly(total)  # the exact value of each part is in its own step
    if exact:
        words.append(exact)
    rounded_sum = sum((round_half_up(points[c]) for c in ids), Decimal(0))
    if rounded_sum != round_half_up(total):
        words.append(phrase("ex.total.rounded", sum=Points(rounded_sum)))
    return Step("total", (*words, STOP), {"total": Points(total), "total_exact": total})
