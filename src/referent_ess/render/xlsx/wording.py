"""The texts several sheets of the xlsx report share: names, plain figures, the deadline, the
price formula with its figures, the provisional-ranking note. French, from the catalogue."""

from collections.abc import Iterable
from datetime import date, datetime
from decimal import Decimal
from fractions import Fraction

from referent_ess.config.choices import PriceFormula
from referent_ess.config.model import Config, CriteriaSet, Criterion
from referent_ess.evaluation.kernel import max_points
from referent_ess.evaluation.results import Evaluation, LotResult, Status
from referent_ess.i18n import numbers, tr
from referent_ess.render.phrases import formula_text


def plain(value: Decimal | Fraction | int) -> str:
    """A figure the French way, without ",00" when it is whole: 30, 17,50."""
    return numbers.short(value, grouped=True)


def deadline_text(deadline: date | datetime | None) -> str:
    """« le 23/03/2018 à 17:00 »; a date alone runs to the end of that day."""
    if deadline is None:
        return tr("deadline.none")
    if isinstance(deadline, datetime):
        return tr("doc.xlsx.deadline.at", when=numbers.when(deadline))
    return tr("doc.xlsx.deadline.day", when=numbers.when(deadline))


def maximum(config: Config, criterion: Criterion) -> Fraction:
    return max_points(config.total, criterion.weight)


def price_formula(config: Config, criteria: CriteriaSet) -> str:
    """The price formula of a set with its figures: "20 × Pmin / P"."""
    criterion = criteria.price_criterion
    rule = criterion.price
    assert rule is not None
    top = plain(maximum(config, criterion))
    formula = formula_text(rule.formula, top, comma=" ; ")
    if rule.formula is PriceFormula.GAP:
        formula += tr("doc.with_k", k=plain(rule.k))
    return formula


def provisional_note(evaluation: Evaluation, lots: Iterable[LotResult]) -> str:
    rows = sorted(
        [r.offer.row for lot in lots for r in lot.excluded if r.status is Status.INVALID]
        + [r.offer.row for r in evaluation.unplaced]
    )
    shown = ", ".join(str(row) for row in rows)
    return tr("doc.xlsx.provisional", n=len(rows), rows=shown)
