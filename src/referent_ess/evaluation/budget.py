"""The budget check, computed: every offer's price against its lot's cap, as verdicts and
counts. An offer is over when its price exceeds the cap on the consultation's ``cap_basis``
(HT, TTC or both). An offer whose price cannot be computed (a bad day rate or number of days)
cannot be checked: it is counted as such, never as within budget. The words are the
renderers' (:mod:`referent_ess.render.phrases` and the format modules).
"""

from dataclasses import dataclass
from enum import StrEnum

from referent_ess.config.choices import PriceModel
from referent_ess.evaluation.results import BudgetCheck, Evaluation, OfferResult


class Verdict(StrEnum):
    """An offer's (or one cap's) budget verdict; the value is the code the outputs show."""

    OK = "ok"
    OVER = "over"
    UNCHECKED = "unchecked"  # no price, or no cap, to compare


class Unchecked(StrEnum):
    """Why an offer's price could not be checked against a cap."""

    NO_LOT = "no_lot"  # no valid lot, so no cap
    NO_PRICE = "no_price"  # day rate or days unreadable
    NO_TTC = "no_ttc"  # VAT rate unreadable, while a TTC cap is checked
    NO_AMOUNT = "no_amount"  # the amount HT of a lump sum unreadable
    NO_LINES = "no_lines"  # a schedule or DPGF offer without all its lines


@dataclass(frozen=True)
class BudgetReport:
    checked: int
    over_cap: tuple[OfferResult, ...]
    unchecked: tuple[OfferResult, ...]  # no price: the cap could not be checked


def budget_report(evaluation: Evaluation) -> BudgetReport:
    """The counts of a budget check, over every offer (those without a lot included)."""
    offers = evaluation.offers
    return BudgetReport(
        checked=sum(1 for r in offers if r.budget),
        over_cap=tuple(r for r in offers if r.over_cap),
        unchecked=tuple(r for r in offers if not r.budget),
    )


def verdict(result: OfferResult) -> Verdict:
    """``ok``, ``over``, or ``unchecked`` when there is no price or no cap to compare."""
    if not result.budget:
        return Verdict.UNCHECKED
    return Verdict.OVER if result.over_cap else Verdict.OK


def check_verdict(check: BudgetCheck) -> Verdict:
    """One cap's verdict: ``ok`` or ``over``."""
    return Verdict.OK if check.within else Verdict.OVER


def unchecked_because(result: OfferResult) -> Unchecked:
    """Why ``result`` (an offer without budget checks) could not be checked."""
    if result.offer.lot is None:
        return Unchecked.NO_LOT
    if result.price_ht is None:
        if result.price_model is PriceModel.LUMP_SUM:
            return Unchecked.NO_AMOUNT
        if result.price_model.has_lines:
            return Unchecked.NO_LINES
        return Unchecked.NO_PRICE
    return Unchecked.NO_TTC
