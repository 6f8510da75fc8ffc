"""What the evaluation gives: every offer's status, prices and points, every lot's ranking and
award. Plain, immutable values that every output (tables, JSON, CSV, Markdown, reports, letters)
is rendered from, so that each figure shown has one source.
"""

from collections.abc import Mapping
from dataclasses import KW_ONLY, dataclass
from decimal import Decimal
from enum import StrEnum
from fractions import Fraction
from functools import cached_property
from types import MappingProxyType

from referent_ess.config.choices import PriceBasis, PriceModel
from referent_ess.config.model import Config, Lot
from referent_ess.evaluation.schedule import PricedLine, SchedulePrice
from referent_ess.intake.offers import Offer, OfferBook
from referent_ess.problems.codes import Params, kind_of
from referent_ess.problems.problem import Problem, english


class Status(StrEnum):
    """An offer's status: the first that applies, in this order (the order of the Code for the
    grounds of rejection: irregular, unacceptable, inappropriate). ``irregular``,
    ``unacceptable`` and ``inappropriate`` are the jury's own decisions, recorded in the offers
    sheet; ``incomplete`` and ``over_cap`` are the irregular and unacceptable offers the tool
    finds itself; ``below_threshold`` is an offer below a threshold the consultation rules
    announce (``min_points``), their own ground, last since it judges the marks of an offer the
    Code's grounds leave in."""

    INVALID = "invalid"
    LATE = "late"
    INCOMPLETE = "incomplete"
    IRREGULAR = "irregular"
    OVER_CAP = "over_cap"
    UNACCEPTABLE = "unacceptable"
    INAPPROPRIATE = "inappropriate"
    # below a threshold the consultation rules announce (min_points): the rules' own ground
    BELOW_THRESHOLD = "below_threshold"
    ADMISSIBLE = "admissible"


class Ground(StrEnum):
    """The ground of law a status stands for: its legal basis is the catalogues' message
    ``legal-basis`` of that form (the evaluation holds no wording)."""

    LATE = "late"  # art. R2143-2 and R2151-5
    IRREGULAR = "irregular"  # art. L2152-2
    UNACCEPTABLE = "unacceptable"  # art. L2152-3
    INAPPROPRIATE = "inappropriate"  # art. L2152-4
    THRESHOLD = "threshold"  # no article: the consultation rules' own announced threshold


GROUNDS: Mapping[Status, Ground] = MappingProxyType(
    {
        Status.LATE: Ground.LATE,
        Status.INCOMPLETE: Ground.IRREGULAR,
        Status.IRREGULAR: Ground.IRREGULAR,
        Status.OVER_CAP: Ground.UNACCEPTABLE,
        Status.UNACCEPTABLE: Ground.UNACCEPTABLE,
        Status.INAPPROPRIATE: Ground.INAPPROPRIATE,
        Status.BELOW_THRESHOLD: Ground.THRESHOLD,
    }
)
"""The ground of each status that is one; ``invalid`` (a data error to correct) and
``admissible`` have none."""


@dataclass(frozen=True, slots=True)
class Reason:
    """Why an offer is not admissible. ``code`` is stable; ``status`` is the status it leads to;
    ``params`` are the figures of its message, which the catalogues word."""

    code: str
    status: Status
    _: KW_ONLY
    params: Params = ()
    cell: str | None = None
    field: str | None = None

    def __post_init__(self) -> None:
        kind_of(self.code, self.params)  # a code the registry does not list is a bug

    @property
    def message(self) -> str:
        """The English text (JSON and CSV keep it whatever the language)."""
        return english(self.code, self.params)

    @property
    def ground(self) -> Ground | None:
        """The ground of law of its status (its legal basis, worded by the catalogues), or
        None for a data error."""
        return GROUNDS.get(self.status)


@dataclass(frozen=True, slots=True)
class BudgetCheck:
    """An offer's price against one of its lot's caps."""

    basis: PriceBasis
    price: Decimal
    cap: Decimal

    @property
    def margin(self) -> Decimal:
        return self.cap - self.price

    @property
    def within(self) -> bool:
        return self.price <= self.cap


@dataclass(frozen=True, slots=True)
class PseAmount:
    """One PSE of an offer's lot: the offer's amount HT and TTC (None when it has none) and
    whether the buyer retained it (its amount is then part of the compared price)."""

    id: str
    label: str
    retained: bool
    amount_ht: Decimal | None
    amount_ttc: Decimal | None
    # a PSE priced by lines: the lines that make its amount (Σ their amounts), in order
    lines: tuple[PricedLine, ...] = ()


_REGULARISABLE = frozenset(
    {Status.INCOMPLETE, Status.IRREGULAR, Status.OVER_CAP, Status.UNACCEPTABLE}
)
"""The statuses a negotiation may cure (art. R2152-1: irregular and unacceptable offers)."""


@dataclass(frozen=True, slots=True)
class RoundStep:
    """One earlier negotiation round of an offer: what it was then, its points and its rank
    among the offers of its lot as they stood at that round (each candidate's latest offer up
    to it)."""

    round: int
    row: int
    status: Status
    reasons: tuple[Reason, ...]
    price_ht: Decimal | None
    price_ttc: Decimal | None
    points: Mapping[str, Fraction]
    total: Fraction | None
    rank: int | None


@dataclass(frozen=True, slots=True)
class OfferResult:
    offer: Offer
    status: Status
    reasons: tuple[Reason, ...]
    warnings: tuple[Problem, ...]
    vat_rate: Decimal | None  # the rate applied: the offer's, else the consultation's
    price_ht: Decimal | None
    price_ttc: Decimal | None
    budget: tuple[BudgetCheck, ...]
    points: Mapping[str, Fraction]  # what could be computed; price points only when admissible
    total: Fraction | None = None  # admissible offers only
    rank: int | None = None  # admissible offers only
    history: tuple[RoundStep, ...] = ()  # its earlier negotiation rounds, first to last

    @property
    def name(self) -> str:
        """The candidate's name as written (or its row), whatever the offer: the JSON's."""
        return self.offer.candidate or f"(row {self.offer.row})"

    price_model: PriceModel = PriceModel.DAY_RATE  # how the offer states its price (its lot's)
    # the lines that make the price of a schedule or DPGF offer, their total and the stated one
    schedule: SchedulePrice | None = None
    # its lot's PSE with its amounts; price_ht and price_ttc are base + the retained ones
    pse: tuple[PseAmount, ...] = ()
    base_ht: Decimal | None = None  # the price without PSE (set only when the lot has PSE)
    base_ttc: Decimal | None = None

    @property
    def retained_pse(self) -> tuple[PseAmount, ...]:
        return tuple(p for p in self.pse if p.retained)

    @property
    def candidate(self) -> str:
        """Who offers it, as people read it: the candidate, or a variant of the candidate."""
        return self.offer.shown_name

    @property
    def regularised(self) -> bool:
        """Irregular or unacceptable in an earlier round, neither in its last (R2152-1)."""
        return (
            self.status not in _REGULARISABLE
            and self.status is not Status.INVALID
            and any(step.status in _REGULARISABLE for step in self.history)
        )

    @property
    def over_cap(self) -> bool:
        return any(not check.within for check in self.budget)


@dataclass(frozen=True)
class Tie:
    """Ranked offers with exactly the same total: the first tie-break criterion whose points
    differ among them (``None`` if none does), and the groups that still share a rank."""

    total: Fraction
    offers: tuple[OfferResult, ...]
    decided_by: str | None
    shared: tuple[tuple[OfferResult, ...], ...]


@dataclass(frozen=True)
class LotResult:
    lot: Lot
    offers: tuple[OfferResult, ...]  # ranked offers in rank order, then the others in sheet order
    lowest_price: Decimal | None  # Pmin among admissible offers, on the price criterion's basis
    highest_price: Decimal | None
    ties: tuple[Tie, ...] = ()
    provisional: bool = False  # some offer of the lot (or without a lot) could not be evaluated
    # why abnormally-low detection did not apply, if it did not: the figures of its message
    abnormal_params: Params = ()
    award: OfferResult | None = None  # the offer the lot goes to, when that can be said
    # why there is no award, or why it is not the first ranked: the form and figures of its note
    award_params: Params = ()
    # what the whole lot must be warned of (vat-basis): problems like an offer's warnings, in
    # every output beside them, but of no cell
    warnings: tuple[Problem, ...] = ()

    @property
    def abnormal_note(self) -> str | None:
        """In English (the JSON keeps it): ``abnormally-low-skipped``, or None."""
        if not self.abnormal_params:
            return None
        return english("abnormally-low-skipped", self.abnormal_params)

    @property
    def award_note(self) -> str | None:
        """In English (the JSON keeps it): ``award-note``, or None."""
        return english("award-note", self.award_params) if self.award_params else None

    @cached_property
    def ranked(self) -> tuple[OfferResult, ...]:
        return tuple(o for o in self.offers if o.rank is not None)

    @cached_property
    def excluded(self) -> tuple[OfferResult, ...]:
        return tuple(o for o in self.offers if o.rank is None)

    @cached_property
    def winners(self) -> tuple[OfferResult, ...]:
        """The offers ranked first (more than one only when a tie survives the tie-break)."""
        return tuple(o for o in self.offers if o.rank == 1)

    def is_awarded(self, result: OfferResult) -> bool:
        """Whether the lot goes to ``result``: the one offer every output marks as the winner.
        None is while the ranking is provisional or a tie for first survives the tie-break, and
        with a limit of lots per candidate it may be an offer ranked below first."""
        return self.award is not None and self.award.offer.row == result.offer.row


@dataclass(frozen=True)
class Evaluation:
    config: Config
    book: OfferBook
    lots: tuple[LotResult, ...]
    unplaced: tuple[OfferResult, ...]  # offers whose lot could not be read

    @cached_property
    def offers(self) -> tuple[OfferResult, ...]:
        """Every offer once: lot by lot, then those whose lot could not be read."""
        return (*(result for lot in self.lots for result in lot.offers), *self.unplaced)

    def lot(self, lot_id: int) -> LotResult | None:
        return next((result for result in self.lots if result.lot.id == lot_id), None)
