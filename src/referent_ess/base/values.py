"""Reading one cell's value: numbers in French or plain form, rates, dates, yes/no, lot numbers.

Each parser takes what openpyxl gives for a cell (``None``, ``bool``, ``int``, ``float``,
``str``, ``datetime``...) and returns an exact value, or raises :class:`BadValue` with a stable
code and the figures of a message saying what was found and what is expected (the catalogues
word it). Nothing is guessed: a text that could mean two numbers (``1.234,50``, ``12,345``) is
refused.
"""

import math
import re
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from enum import StrEnum
from typing import Literal

from referent_ess.base.exact import CENT
from referent_ess.base.normalise import normalise

Params = tuple[tuple[str, str], ...]  # the figures of a message, named by their type

SPACES = " \u00a0\u202f\u2009"  # normal, no-break, narrow no-break and thin spaces


class BadValue(ValueError):
    """A cell value that cannot be read as the field expects: a stable ``code`` and the
    parameters of its message (``form``, ``found``...), which the catalogues word."""

    def __init__(self, code: str, params: Params = ()) -> None:
        self.code = code
        self.params = params
        super().__init__(code, params)


_CURRENCY = re.compile(r"^(?:€|euros?|eur)\s*|\s*(?:€|euros?|eur)$", re.IGNORECASE)
_PLAIN = re.compile(r"[0-9]+(?:[.,][0-9]+)?")
_GROUPED = re.compile(rf"[0-9]{{1,3}}(?:[{SPACES}][0-9]{{3}})+(?:[.,][0-9]+)?")
_THOUSANDS_LOOKALIKE = re.compile(r"[1-9][0-9]{0,2}[.,][0-9]{3}")
_SEVERAL_SEPARATORS = re.compile(r"[0-9]+(?:[.,][0-9]+){2,}")
# under a convention: its plain and grouped spellings (the decimal part is optional)
_FR_NUMBER = re.compile(rf"[0-9]+(?:,[0-9]+)?|[0-9]{{1,3}}(?:[{SPACES}][0-9]{{3}})+(?:,[0-9]+)?")
_EN_NUMBER = re.compile(
    rf"[0-9]+(?:\.[0-9]+)?|[0-9]{{1,3}}(?:,[0-9]{{3}})+(?:\.[0-9]+)?"
    rf"|[0-9]{{1,3}}(?:[{SPACES}][0-9]{{3}})+(?:\.[0-9]+)?"
)


class Numbers(StrEnum):
    """How the numbers typed as text in the offers are written (``numbers`` in lots.yaml,
    ``--numbers``): never guessed. Without it, a text that could mean two numbers is refused."""

    FR = "fr"  # 7 800,00: a decimal comma, thousands separated by spaces
    EN = "en"  # 7,800.00: a decimal point, thousands separated by commas (or spaces)


# (whether cells of the offers are being read, and the convention they follow)
_CONVENTION: ContextVar[tuple[bool, Numbers | None]] = ContextVar("numbers", default=(False, None))


@contextmanager
def number_convention(numbers: Numbers | None) -> Iterator[None]:
    """Read the numbers typed as text in the offers' cells with ``numbers`` while the block
    runs (the offers file is read inside one: every cell parser below follows it, whichever
    column it reads); an ambiguous number then says how to set the convention."""
    token = _CONVENTION.set((True, numbers))
    try:
        yield
    finally:
        _CONVENTION.reset(token)


def is_blank(value: object) -> bool:
    """An empty cell: nothing, or only spaces."""
    return value is None or (isinstance(value, str) and not value.strip())


def _shown(value: object) -> str:
    return repr(value) if isinstance(value, str) else str(value)


Examples = Literal["money", "days", "mark"]  # the examples a message gives of a number


def parse_number(value: object, *, examples: Examples = "money") -> Decimal:
    """An exact Decimal from a numeric cell or a text such as ``1 234,50 €`` or ``450.5``.

    ``examples``: what the cell holds, so that a text that is no number is answered with
    examples of that (days: 20, 21.5 or 21,5; marks: 3, 3.5 or 3,5) rather than of money."""
    if isinstance(value, bool):
        raise BadValue("bad-number", (("form", "boolean"), ("found", str(value))))
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, float):
        if not math.isfinite(value):
            raise _not_finite(value)
        # Spreadsheets work to 15 significant digits: a formula's cached binary noise
        # (=C2*D2 → 1350.3000000000002) is not part of the value anybody sees (1350.3).
        return Decimal(format(value, ".15g"))
    if isinstance(value, Decimal):
        if not value.is_finite():
            raise _not_finite(value)
        return value
    if isinstance(value, str):
        return _parse_number_text(value, examples)
    raise BadValue("bad-number", (("form", "other"), ("found", _shown(value))))


def _not_finite(value: object) -> BadValue:
    return BadValue("bad-number", (("form", "not-finite"), ("found", str(value))))


def _parse_number_text(raw: str, examples: Examples) -> Decimal:
    text = raw.strip(SPACES + "\t\r\n")
    foreign = _foreign_digits(text)
    if foreign:
        params = (("form", "foreign-digits"), ("found", repr(raw)), ("digits", foreign))
        raise BadValue("bad-number", params)
    body = _CURRENCY.sub("", text)
    sign = 1
    if body[:1] in ("-", "+", "\u2212"):
        sign = -1 if body[0] != "+" else 1
        body = body[1:].lstrip(SPACES)
    convention = _CONVENTION.get()[1]
    if convention is not None:
        number = _conventional(body, raw, convention, examples)
        return number if sign > 0 else -number
    if _PLAIN.fullmatch(body):
        if _THOUSANDS_LOOKALIKE.fullmatch(body):
            raise _ambiguous(raw)
    elif _GROUPED.fullmatch(body):
        body = "".join(c for c in body if c not in SPACES)
    elif _SEVERAL_SEPARATORS.fullmatch(body):
        raise _ambiguous(raw)
    else:
        form = () if examples == "money" else (("form", examples),)
        raise BadValue("bad-number", (*form, ("found", repr(raw))))
    try:
        number = Decimal(body.replace(",", "."))
    except InvalidOperation:  # pragma: no cover - the patterns above only admit valid decimals
        raise BadValue("bad-number", (("form", "plain"), ("found", repr(raw)))) from None
    return number if sign > 0 else -number


def _conventional(body: str, raw: str, convention: Numbers, examples: Examples) -> Decimal:
    """A number written under ``convention``; a text that is one only under the other
    convention is said so (``wrong-number-convention``), any other text is no number."""
    own, other = (_FR_NUMBER, _EN_NUMBER) if convention is Numbers.FR else (_EN_NUMBER, _FR_NUMBER)
    if own.fullmatch(body):
        decimal = "," if convention is Numbers.FR else "."
        kept = "".join(c for c in body if c.isdigit() or c == decimal)
        return Decimal(kept.replace(",", "."))
    if other.fullmatch(body) or _SEVERAL_SEPARATORS.fullmatch(body):
        params = (("form", convention.value), ("found", repr(raw)))
        raise BadValue("wrong-number-convention", params)
    form = () if examples == "money" else (("form", examples),)
    raise BadValue("bad-number", (*form, ("found", repr(raw))))


def _foreign_digits(text: str) -> str:
    """The digits of ``text`` that are not 0-9 (Arabic-Indic, fullwidth, superscript...)."""
    return "".join(sorted({c for c in text if c.isdigit() and c not in "0123456789"}))


def _ambiguous(raw: str) -> BadValue:
    """An ambiguous number: in a cell of the offers, the message says how to set the file's
    convention (``numbers``); in lots.yaml, how to write it."""
    form = (("form", "cell"),) if _CONVENTION.get()[0] else ()
    return BadValue("ambiguous-number", (*form, ("found", repr(raw))))


LARGEST_AMOUNT = Decimal(10) ** 12  # a thousand billion euros or days: surely a typing error


Amount = Literal["amount", "day-rate", "days", "unit-price"]


def parse_amount(value: object, *, what: Amount = "amount") -> Decimal:
    """A positive number with at most 2 decimals: ``what`` is money (an amount, a day rate) or
    a number of days."""
    number = parse_number(value, examples="days" if what == "days" else "money")
    if number <= 0:
        raise _bad_amount("not-positive", number, what)
    if number >= LARGEST_AMOUNT:
        raise _bad_amount("too-large", number, what)
    if number != number.quantize(CENT):
        raise _bad_amount("too-many-decimals", number, what)
    return number


def _bad_amount(code: str, number: Decimal, what: Amount) -> BadValue:
    """The problem of an amount, its figures written only when there is one (a hundred
    thousand day rates are read without them)."""
    return BadValue(code, (("found_num", str(number)), ("what_part", f"amount.{what}")))


_VAT_EXEMPT_WORDS = frozenset(
    normalise(w)
    for w in ("exonéré", "exonérée", "exempt", "exempte", "non applicable", "sans TVA", "N/A")
)


def parse_rate(value: object) -> Decimal:
    """A VAT rate as a fraction: ``0.2``, ``20``, ``20%`` and ``20 %`` are all 0.20.

    A number of 1 or more is read as a percentage; ``0`` and the words *exonéré*, *exempt*,
    *non applicable*, *sans TVA* mean VAT-exempt (rate 0).
    """
    if isinstance(value, str):
        text = value.strip(SPACES + "\t\r\n")
        if normalise(text) in _VAT_EXEMPT_WORDS:
            return Decimal(0)
        if text.endswith("%"):
            rate = _rate_number(text[:-1], value) / 100
            return _checked_rate(rate, value)
    rate = _rate_number(value, value)
    return _checked_rate(rate / 100 if rate >= 1 else rate, value)


def _rate_number(value: object, original: object) -> Decimal:
    try:
        return parse_number(value)
    except BadValue:
        raise BadValue("bad-rate", (("form", "not-number"), ("found", _shown(original)))) from None


def _checked_rate(rate: Decimal, original: object) -> Decimal:
    if not 0 <= rate < 1:
        raise BadValue("bad-rate", (("form", "range"), ("found", _shown(original))))
    return rate.normalize() if rate else Decimal(0)


_LOT = re.compile(r"(?:lot\s*)?(?:n\s*[°o]?\.?\s*)?([0-9]+)(?:[.,]0+)?")


def parse_lot(value: object) -> int:
    """A lot number: ``3``, ``3.0``, ``Lot 3``, ``lot n°3``."""
    if isinstance(value, int | float | Decimal) and not isinstance(value, bool):
        try:
            number = parse_number(value)
        except BadValue:
            number = Decimal(0)  # NaN or infinite: not a lot number
        if number == number.to_integral_value() and number > 0:
            return int(number)
    elif isinstance(value, str) and not _foreign_digits(value):
        match = _LOT.fullmatch(normalise(value))
        if match and int(match.group(1)) > 0:
            return int(match.group(1))
    raise BadValue("bad-lot", (("found", _shown(value)),))


def parse_round(value: object) -> int:
    """A negotiation round: a whole number from 1 (``2``, ``2.0``, ``"2"``)."""
    if isinstance(value, str) and value.strip().isdigit() and value.strip().isascii():
        value = int(value.strip())
    if isinstance(value, int | float | Decimal) and not isinstance(value, bool):
        try:
            number = parse_number(value)
        except BadValue:
            number = Decimal(0)  # NaN or infinite: no round
        if number == number.to_integral_value() and 0 < number <= 1000:
            return int(number)
    raise BadValue("bad-round", (("found", _shown(value)),))


_YES = frozenset(normalise(w) for w in ("oui", "yes", "y", "o", "x", "✓", "✔", "1", "vrai", "true"))
_NO = frozenset(normalise(w) for w in ("non", "no", "n", "0", "faux", "false"))


_USUAL_YES_NO = {"oui": True, "Oui": True, "OUI": True, "x": True, "X": True, "non": False,
                 "Non": False, "NON": False, "yes": True, "no": False}  # fmt: skip


def parse_yes_no(value: object) -> bool:
    """A document cell: yes/no in French or English, ``x``, ``✓``, 1/0, TRUE/FALSE; empty is no."""
    if value is None:
        return False
    if isinstance(value, bool):
        return value
    if isinstance(value, int | float) and value in (0, 1):
        return bool(value)
    if isinstance(value, str):
        known = _USUAL_YES_NO.get(value)  # the words people type, without normalising them
        if known is not None:
            return known
        word = normalise(value)
        if word in _YES:
            return True
        if word in _NO or word == "":
            return False
    raise BadValue("bad-yes-no", (("found", _shown(value)),))


_ISO = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?", re.ASCII)
_TWO_DIGIT_YEAR = re.compile(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{2})(?:\s.*)?", re.ASCII)
_FRENCH = re.compile(
    r"(\d{1,2})/(\d{1,2})/(\d{4})(?:\s+(\d{1,2})[:h](\d{2})(?::(\d{2}))?)?", re.ASCII
)


def parse_when(value: object) -> date | datetime:
    """A reception date: a date cell, ``2018-03-22``, ``22/03/2018`` or ``22/03/2018 17:30``.

    A datetime at exactly midnight is what a date-formatted cell holds, so it is read as a date.
    """
    if isinstance(value, datetime):
        if value.tzinfo is not None:
            value = value.replace(tzinfo=None)
        return value.date() if value.time() == datetime.min.time() else value
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        text = value.strip(SPACES + "\t\r\n")
        iso = _ISO.fullmatch(text)
        french = _FRENCH.fullmatch(text)
        if _TWO_DIGIT_YEAR.fullmatch(text):
            raise BadValue("ambiguous-date", (("form", "two-digit-year"), ("found", repr(value))))
        if french and int(french.group(2)) > 12 and int(french.group(1)) <= 12:
            day_first = f"{french.group(2)}/{french.group(1)}/{french.group(3)}"
            params = (("form", "month-first"), ("found", repr(value)), ("day_first", day_first))
            raise BadValue("ambiguous-date", params)
        try:
            if iso:
                y, m, d, hh, mm, ss = iso.groups()
                return _make_when(int(y), int(m), int(d), hh, mm, ss)
            if french:
                d, m, y, hh, mm, ss = french.groups()
                return _make_when(int(y), int(m), int(d), hh, mm, ss)
        except ValueError:
            raise BadValue("bad-date", (("found", repr(value)),)) from None
    if isinstance(value, int | float) and not isinstance(value, bool):
        raise BadValue("bad-date", (("form", "number"), ("found", str(value))))
    raise BadValue("bad-date", (("form", "other"), ("found", _shown(value))))


def _make_when(
    year: int, month: int, day: int, hh: str | None, mm: str | None, ss: str | None
) -> date | datetime:
    if hh is None:
        return date(year, month, day)
    return datetime(year, month, day, int(hh), int(mm or 0), int(ss or 0))
