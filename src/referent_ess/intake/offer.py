"""What the offers sheet holds, read: one :class:`Offer` per row, and the :class:`OfferBook` of
them with every problem found. Nothing here decides whether an offer is admissible: that is
the evaluation's job."""

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from fractions import Fraction
from pathlib import Path

from referent_ess.base.normalise import normalise
from referent_ess.config.columns import MAYBE_REQUIRED, REQUIRED_FIELDS, Column
from referent_ess.i18n import tr
from referent_ess.intake.jury import Decision
from referent_ess.problems.problem import Problem


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


# each attribute's own setter, in the order of Offer.__slots__ (its fields, then _identity)
_SETTERS = tuple(getattr(Offer, name).__set__ for name in Offer.__slots__)
SLOTS: tuple[str, ...] = Offer.__slots__


def offers_of(rows: Iterable[tuple[object, ...]]) -> list[Offer]:
    """The offers of ``rows``, each row the values of an offer's attributes in the order of
    :data:`SLOTS` (the fields of :class:`Offer`, then its identity, or :data:`UNSET`): what
    ``Offer(...)`` gives, without the keyword arguments and the ``object.__setattr__`` of a
    frozen dataclass's ``__init__`` (5 µs an offer, a quarter of reading a clean row). The
    attributes are set once, by their slots' own setters, before anybody sees the offer."""
    new = object.__new__
    (s0, s1, s2, s3, s4, s5, s6, s7, s8, s9, s10, s11) = _SETTERS[:12]
    (s12, s13, s14, s15, s16, s17, s18, s19, s20, s21, s22) = _SETTERS[12:]
    offers: list[Offer] = []
    append = offers.append
    for (
        v0,
        v1,
        v2,
        v3,
        v4,
        v5,
        v6,
        v7,
        v8,
        v9,
        v10,
        v11,
        v12,
        v13,
        v14,
        v15,
        v16,
        v17,
        v18,
        v19,
        v20,
        v21,
        v22,
    ) in rows:
        offer = new(Offer)
        s0(offer, v0)
        s1(offer, v1)
        s2(offer, v2)
        s3(offer, v3)
        s4(offer, v4)
        s5(offer, v5)
        s6(offer, v6)
        s7(offer, v7)
        s8(offer, v8)
        s9(offer, v9)
        s10(offer, v10)
        s11(offer, v11)
        s12(offer, v12)
        s13(offer, v13)
        s14(offer, v14)
        s15(offer, v15)
        s16(offer, v16)
        s17(offer, v17)
        s18(offer, v18)
        s19(offer, v19)
        s20(offer, v20)
        s21(offer, v21)
        s22(offer, v22)
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
