"""What the offers sheet holds, read: one :class:`Offer` per row, and the :class:`OfferBook` of
them with every problem found. Nothing here decides whether an offer is admissible: that is
the evaluation's job."""

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from typing import Any

from referent_ess.base.normalise import normalise
from referent_ess.config.columns import MAYBE_REQUIRED, REQUIRED_FIELDS, Column
from referent_ess.i18n import tr
from referent_ess.intake.jury import Decision
from referent_ess.problems.problem import Headings, Problem


class _Unset:
    """The mark of a cached value not computed yet."""


_UNSET = _Unset()
UNSET = _UNSET  # an identity not computed yet


class CellRefs(Mapping[str, str]):
    """Column name → cell reference of one row (``day_rate_ht`` → ``C5``), computed when asked:
    a hundred thousand rows do not each keep a dictionary of strings."""

    __slots__ = ("_letters", "_row")

    def __init__(self, letters: Mapping[str, str], row: int) -> None:
        self._letters = letters  # shared by every row of the sheet
        self._row = row

    def __getitem__(self, name: str) -> str:
        return f"{self._letters[name]}{self._row}"

    def __contains__(self, name: object) -> bool:
        """Whether the sheet has that column (what ``Mapping`` would find by raising KeyError
        from :meth:`__getitem__`, without the exception: the JSON asks it of every offer)."""
        return name in self._letters

    def __iter__(self) -> Iterator[str]:
        return iter(self._letters)

    def __len__(self) -> int:
        return len(self._letters)


@dataclass(frozen=True, slots=True)
class StatedLine:
    """One line an offer prices in the prices sheet: its id, its unit price HT (a schedule's;
    a DPGF line's amount HT), the amount the offer states for it, if any, and where."""

    id: str
    price: Decimal
    stated_amount: Decimal | None
    cell: str  # the price's cell, with its sheet: « prix!E5 »
    row: int


@dataclass(frozen=True, slots=True)
class Offer:
    """One row of the offers sheet, as far as its cells could be read."""

    row: int
    candidate: str | None
    lot: int | None
    day_rate_ht: Decimal | None
    days: Decimal | None
    vat_rate: Decimal | None  # as stated; None when the cell is empty or unreadable
    price_ht_stated: Decimal | None
    received_at: date | datetime | None
    documents: Mapping[str, bool]
    marks: Mapping[str, Decimal | Fraction]  # aggregated exactly when several evaluators mark
    cells: Mapping[str, str]  # column name → cell reference, e.g. "day_rate_ht" → "C5"
    comments: Mapping[str, str] = field(default_factory=dict)  # criterion id → jury's comment
    evaluator_marks: Mapping[str, Mapping[str, Decimal]] = field(default_factory=dict)
    missing_evaluators: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    problems: tuple[Problem, ...] = ()
    jury_decision: Decision | None = None  # what the jury declared the offer, if anything
    jury_reason: str | None = None  # the jury's reason for it, as typed
    variant: str | None = None  # the variant's label; None: the candidate's base offer
    round: int = 1  # the negotiation round (1: the initial offer)
    pse: Mapping[str, Decimal] = field(default_factory=dict)  # PSE id → its amount HT, as read
    address: tuple[str, ...] = ()  # the candidate's postal address, line by line, if given
    # the lines of an offer of a schedule or DPGF lot (prices sheet), in the lot's order; None
    # for an offer of a lot priced otherwise
    lines: tuple[StatedLine, ...] | None = None
    # the identity, once computed: duplicates, rounds, marks and the evaluation each ask for it,
    # and normalising a name is the costly part (not an attribute of the offer: not compared,
    # not shown, not passed on by ``replace``, which recomputes it when asked)
    _identity: "tuple[str, int, str] | _Unset | None" = field(
        default=_UNSET, init=False, repr=False, compare=False
    )

    @property
    def shown_name(self) -> str:
        """The candidate as people read it: its name, or « variante « X » de Candidat »."""
        name = self.candidate or tr("offer.nameless", row=self.row)
        if self.variant is None:
            return name
        return tr("offer.variant", variant=self.variant, candidate=name)

    @property
    def identity(self) -> tuple[str, int, str] | None:
        """Who offers what: (candidate, lot, variant) compared as people read them (case,
        accents and spaces aside); None when the candidate or the lot cannot be read. The
        rounds of one identity are the versions of one offer."""
        known = self._identity
        if not isinstance(known, _Unset):
            return known
        identity = None
        if self.candidate is not None and self.lot is not None:
            identity = normalise(self.candidate), self.lot, normalise(self.variant or "")
        # a cache, not a change of the offer: the same value whenever it is computed
        object.__setattr__(self, "_identity", identity)
        return identity

    @property
    def errors(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.is_error) if self.problems else ()

    def has_error_in(self, field: str) -> bool:
        return any(p.field == field for p in self.errors)


SLOTS: tuple[str, ...] = Offer.__slots__  # its fields, then _identity

# an offer being made: the slots of Offer, set as those of any object (an Offer's own are set
# only through object.__setattr__, a call each); the same layout, so it can become an Offer
_Draft: Any = type("_Draft", (), {"__slots__": SLOTS})


def offers_of(rows: Iterable[tuple[object, ...]]) -> list[Offer]:
    """The offers of ``rows``, each row the values of an offer's attributes in the order of
    :data:`SLOTS` (the fields of :class:`Offer`, then its identity, or :data:`UNSET`): what
    ``Offer(...)`` gives, without the keyword arguments and the 23 ``object.__setattr__`` of a
    frozen dataclass's ``__init__`` (5 µs an offer, a quarter of reading a clean row).

    Each offer is made as a draft with Offer's slots, its attributes set as plain attributes,
    then made an Offer by assigning its class, which Python allows between classes of the same
    slots: nobody sees the draft, and the offer is as frozen as any other from then on."""
    new = object.__new__
    offers: list[Offer] = []
    append = offers.append
    for values in rows:
        offer = new(_Draft)
        (
            offer.row,
            offer.candidate,
            offer.lot,
            offer.day_rate_ht,
            offer.days,
            offer.vat_rate,
            offer.price_ht_stated,
            offer.received_at,
            offer.documents,
            offer.marks,
            offer.cells,
            offer.comments,
            offer.evaluator_marks,
            offer.missing_evaluators,
            offer.problems,
            offer.jury_decision,
            offer.jury_reason,
            offer.variant,
            offer.round,
            offer.pse,
            offer.address,
            offer.lines,
            offer._identity,
        ) = values
        offer.__class__ = Offer
        append(offer)
    return offers


@dataclass(frozen=True)
class OfferBook:
    """The offers of one workbook and every problem found while reading it."""

    path: Path
    sha256: str
    sheet: str
    columns: tuple[Column, ...]
    offers: tuple[Offer, ...]
    sheet_problems: tuple[Problem, ...] = ()

    @property
    def headings(self) -> Headings:
        """Each column's header as written in the offers sheet, by (sheet, column name): what
        a problem line shows instead of the column's internal name."""
        sheet = self.sheet or None
        return {(sheet, c.name): " ".join(c.header.split()) for c in self.columns}

    @property
    def problems(self) -> tuple[Problem, ...]:
        """Sheet-level problems first, then each row's problems in sheet order."""
        return self.sheet_problems + tuple(p for offer in self.offers for p in offer.problems)

    @property
    def errors(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.is_error)

    def blocking_problems(self, *, for_scoring: bool) -> tuple[Problem, ...]:
        """Errors of the offers sheet's header that make the book unusable: no prices, or (to
        score) no marks. Problems of the marks sheet only leave some marks missing: the offers
        concerned cannot be ranked, and the ranking says it is provisional."""
        price_columns = {f.value for f in (*REQUIRED_FIELDS, *MAYBE_REQUIRED)}
        return tuple(
            p
            for p in self.sheet_problems
            if p.is_error
            and p.sheet == (self.sheet or None)
            and (for_scoring or p.field in price_columns or p.field is None)
        )
