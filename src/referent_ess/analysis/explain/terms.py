"""The vocabulary of an explanation: steps made of typed values, in no language.

A step says one computation as a sentence *to be worded*: catalogue keys (:class:`Phrase`) and
language-neutral notation (:class:`Notation`: ``{top} × Pmin / P``), filled with typed values
(an amount, a count, points, a date...) that the renderer writes in the run's language. Its
figures are the same typed values, written raw for ``--format json``. So an explanation is
built once and worded as many times as needed (English for the JSON, the run's language for
people): no figure is turned into text here.
"""

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from enum import Enum
from fractions import Fraction
from typing import Generic, TypeVar

from referent_ess.base.exact import round_half_up
from referent_ess.config.choices import PriceFormula
from referent_ess.evaluation.results import Evaluation, Ground, LotResult, OfferResult, Status

T = TypeVar("T")

# ---- figures: what a number is, so that it is written the way such a number is written -------


@dataclass(frozen=True)
class Figure(Generic[T]):
    """A value, and by its class how it is written."""

    value: T


class Money(Figure[Decimal]):
    """An amount to the cent: ``9000.00``."""


class ExactMoney(Figure[Decimal]):
    """An amount before rounding, with every place it has: ``9613.725``."""


class Quantity(Figure[Decimal]):
    """A count, weight, scale or typed mark, without useless zeros: ``21.5``, ``30``."""


class Rate(Figure[Decimal]):
    """A rate as a decimal, at least 2 places: ``0.20``, ``0.055``."""


class Percent(Figure[Decimal]):
    """A rate as a percentage: ``20 %``, ``5.5 %``."""


class Points(Figure[Fraction | Decimal]):
    """Points (or a total, a gap) rounded half up to 2 places, as every output shows them."""


class MaxPoints(Figure[Fraction]):
    """A maximum of points in a heading: ``30``, ``33.33`` (no ``.00``)."""


class Moment(Figure[date]):
    """A date, or a date and time."""


class Ordinal(Figure[int]):
    """A position: ``1st``, ``2nd``."""


# ---- sentences: how the figures are put together ---------------------------------------------


@dataclass(frozen=True)
class Phrase:
    """A catalogue text (``key``) filled with typed ``params``."""

    key: str
    params: Mapping[str, "Value"] = field(default_factory=dict)


@dataclass(frozen=True)
class Notation:
    """Text that is the same in every language (a formula, a cell in parentheses), filled with
    typed ``params`` that are not: ``{top} × Pmin / P`` gives ``20 × Pmin / P``."""

    template: str
    params: Mapping[str, "Value"] = field(default_factory=dict)


class Joiner(Enum):
    """How the items of a :class:`Listed` are joined."""

    NOTHING = "nothing"  # one after the other: clauses of one sentence
    COMMA = "comma"  # a, b, c
    PLUS = "plus"  # a + b + c
    SERIES = "series"  # a, b and c
    SEMICOLON = "semicolon"  # a; b; c


@dataclass(frozen=True)
class Listed:
    """Several values, joined; ``distinct``: each text once (two statuses a language words
    alike, « irrégulière », are named once)."""

    items: tuple["Value", ...]
    joiner: Joiner
    distinct: bool = False


@dataclass(frozen=True)
class Sentence:
    """A value written as a sentence: a capital first, a full stop last."""

    value: "Value"


# ---- what other outputs say too: worded by the renderers' shared sentences -------------------


@dataclass(frozen=True)
class FormulaName:
    """The name of a price formula."""

    formula: PriceFormula


@dataclass(frozen=True)
class LegalBasis:
    """The legal basis of a ground of law (a figure: in French in the JSON, like ``score``'s)."""

    ground: Ground


@dataclass(frozen=True)
class AwardNote:
    """Why the lot has no award, or why it goes to an offer that is not first."""

    lot: LotResult


@dataclass(frozen=True)
class ProvisionalNote:
    """Why the lot's ranking is provisional, and what to do about it."""

    evaluation: Evaluation
    lot: LotResult


@dataclass(frozen=True)
class AbnormalNote:
    """Why the abnormally-low detection did not apply to the lot."""

    evaluation: Evaluation


@dataclass(frozen=True)
class ReasonText:
    """The ``index``-th reason of the offer's status, with its cell and legal basis."""

    result: OfferResult
    index: int


@dataclass(frozen=True)
class WarningText:
    """The message of the offer's ``index``-th warning."""

    result: OfferResult
    index: int


@dataclass(frozen=True)
class LotWarningText:
    """The message of the lot's ``index``-th warning (vat-basis)."""

    lot: LotResult
    index: int


Value = (
    str
    | int
    | Fraction  # an exact value, written as it is: 750/49
    | Money
    | ExactMoney
    | Quantity
    | Rate
    | Percent
    | Points
    | MaxPoints
    | Moment
    | Ordinal
    | Phrase
    | Notation
    | Listed
    | Sentence
    | FormulaName
    | AwardNote
    | LegalBasis
    | ProvisionalNote
    | AbnormalNote
    | ReasonText
    | WarningText
    | LotWarningText
)


@dataclass(frozen=True)
class Step:
    """One computation: a stable ``code``, its sentence (``words``, worded one after the other)
    and the figures it used (data: written raw, the same in every language)."""

    code: str
    words: tuple[Value, ...]
    figures: Mapping[str, Value] = field(default_factory=dict)


@dataclass(frozen=True)
class Explanation:
    """Every step of one offer's evaluation, in the order a reader follows them."""

    lot: int
    lot_title: str
    candidate: str
    row: int
    status: str
    rank: int | None
    steps: tuple[Step, ...]


# ---- small builders shared by the steps ------------------------------------------------------

STOP = Notation(".")


def phrase(key: str, /, **params: Value) -> Phrase:
    return Phrase(key, params)


def together(*parts: Value) -> Listed:
    """Clauses of one sentence, one after the other."""
    return Listed(parts, Joiner.NOTHING)


def in_parentheses(cell: str | None) -> Value:
    """`` (C5)`` after a word, or nothing when there is no cell."""
    return Notation(" ({cell})", {"cell": cell}) if cell else ""


def status_label(status: Status) -> Phrase:
    return phrase(f"status.{status.value}")


def exactly(value: Fraction) -> Value:
    """`` (exactly 750/49)`` when rounding to 2 places hides something, else nothing."""
    if value.denominator == 1 or Fraction(round_half_up(value)) == value:
        return ""
    return phrase("ex.exactly", value=value)


def points_with_exact(value: Fraction) -> Value:
    """``20.00``, or ``15.31 (exactly 750/49)`` when rounding hides something."""
    exact = exactly(value)
    return together(Points(value), exact) if exact else Points(value)


def present(**values: Value | None) -> dict[str, Value]:
    """The figures that are known: a missing value is left out, never written as ``None``."""
    return {key: value for key, value in values.items() if value is not None}
