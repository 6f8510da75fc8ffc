"""The texts of the few values an offer's row holds, written fast and exactly as the general
writers write them: the JSON writer of :mod:`~referent_ess.render.json_doc` and the CSV of
:mod:`~referent_ess.render.csv_doc` write a hundred thousand offers through these.

Each function here is the exact equivalent of a slower general one, and says which:

- :func:`hundredths`: :func:`~referent_ess.base.exact.scaled_half_up` at 2 places, from a
  numerator and a denominator (so a difference of two fractions needs no normalised Fraction);
- :meth:`Texts.points_json`: what ``json.dumps`` writes for ``_number(value)`` (the float of
  the points rounded half up to hundredths);
- :func:`points_raw`: ``str(points(value))``, the CSV's ``6.02``;
- :func:`json_string`: ``writable(json.dumps(text, ensure_ascii=False))``;
- :class:`Texts`: ``money_raw``, ``quantity_raw`` and ``decimal_raw``, remembered per distinct
  value for one document (a few VAT rates and caps, tens of thousands of day rates).
"""

import json
import math
from collections.abc import Callable
from decimal import Decimal
from fractions import Fraction
from json.encoder import encode_basestring  # what json.dumps(…, ensure_ascii=False) calls
from typing import Any

from referent_ess.base.writable import writable
from referent_ess.i18n.numbers import decimal_raw, money_raw, points, quantity_raw

NULL = "null"


def hundredths(numerator: int, denominator: int) -> int:
    """``numerator / denominator`` × 100 rounded half away from zero (``denominator`` > 0).

    Why it equals ``scaled_half_up(Fraction(numerator, denominator), 2)``: for a value v ≥ 0,
    that function adds one to ⌊100·v⌋ when the remainder r of 100·n by d has 2r ≥ d, which is
    ⌊100·v + 1/2⌋ = ⌊(200·n + d) / (2·d)⌋; a negative value is rounded as its opposite, then
    negated. Both depend only on the value n/d, not on the fraction being reduced."""
    if numerator >= 0:
        return (200 * numerator + denominator) // (2 * denominator)
    return -((-200 * numerator + denominator) // (2 * denominator))


_FLOATS: dict[int, str] = {}  # hundredths → JSON text: points take few values


def hundredths_json(whole: int) -> str:
    """The JSON number of ``whole`` hundredths: ``json.dumps(whole / 100)`` (``6.02``, ``30.0``,
    ``0.0``). ``whole / 100`` is the float nearest to the exact quotient (Python's true division
    of integers is correctly rounded), the float ``_number`` gives; json writes a finite float
    with ``float.__repr__``."""
    text = _FLOATS.get(whole)
    if text is None:
        text = _FLOATS[whole] = float.__repr__(whole / 100)
    return text


def fraction_json(numerator: int, denominator: int) -> str:
    """``hundredths_json(hundredths(numerator, denominator))`` (``denominator`` > 0) in one
    call: the figure of a point value, a total or a gap from its numerator and denominator,
    written for most offers (the same arithmetic as :func:`hundredths`, inline)."""
    if numerator >= 0:
        whole = (200 * numerator + denominator) // (2 * denominator)
    else:
        whole = -((-200 * numerator + denominator) // (2 * denominator))
    return _FLOATS.get(whole) or hundredths_json(whole)


def hundredths_raw(whole: int, negative: bool) -> str:
    """``str(points(value))`` for a value of ``whole`` hundredths once rounded (``whole`` ≥ 0 is
    the rounded magnitude; ``negative``: the value was below zero). ``points`` gives
    ``Decimal(whole).scaleb(-2)``, negated for a negative value; negating a zero gives ``0.00``
    (a Decimal's negation is 0 − x, and 0 − 0 is +0 in the default context), so -0.001 is
    written ``0.00``. Its ``str`` has exactly two decimals: its exponent is -2 and its adjusted
    exponent is never below -6."""
    sign = "-" if negative and whole else ""
    return f"{sign}{whole // 100}.{whole % 100:02d}"


def points_raw(value: Fraction | Decimal | None) -> str:
    """The CSV cell of a point figure: ``str(points(value))``, empty for none."""
    if value is None:
        return ""
    if type(value) is Fraction:
        numerator = value.numerator
        whole = hundredths(numerator, value.denominator)
        return hundredths_raw(abs(whole), numerator < 0)
    return str(points(value))


def json_string(text: str) -> str:
    """``writable(json.dumps(text, ensure_ascii=False))``: the JSON string of ``text``, with
    the characters XML forbids replaced as in every output. Why :func:`writable` is needed only
    for a text that is not ASCII: the encoder escapes every control character (``\\u0001``),
    so what :func:`writable` would still replace (surrogates, U+FFFE, U+FFFF) is not ASCII;
    and ``str.isascii`` costs nothing (CPython keeps it as a flag); nor is any character of
    Latin-1 (U+0000 to U+00FF), which ``str.encode("latin-1")`` tells at the cost of a copy
    (far less than :func:`writable`'s search)."""
    encoded = encode_basestring(text)
    if text.isascii():
        return encoded
    try:  # a text of Latin-1 only (``é``, ``×``): none of them either
        text.encode("latin-1")
    except UnicodeEncodeError:
        return writable(encoded)
    return encoded


def _float_json(number: float) -> str:
    """``json.dumps(number)``: ``float.__repr__`` for a finite float, as json's encoder does."""
    return float.__repr__(number) if math.isfinite(number) else json.dumps(number)


_LIMIT = 65_536  # entries a memo keeps before it starts again: a bound on its memory
_IDENTITY_LIMIT = 4_096  # the shared Fractions are a few per lot; unique ones would pile up


class Texts:
    """The texts of one document's repeated values, each worked out once per distinct value
    while it is remembered: marks, caps, day rates, criterion ids (``money_raw`` alone costs
    microseconds, and a hundred thousand offers write several amounts each). Each memo starts
    again when full, so that a document of unique values keeps its memory bounded.

    A zero is never remembered: ``0`` and ``-0`` are equal keys but ``money_raw`` writes
    ``0.00`` and ``-0.00``; nor a value that is not finite (a NaN is unequal to itself, a
    signalling one cannot be hashed)."""

    def __init__(self, decimal_number: Callable[[Decimal | Fraction], float]) -> None:
        self._decimal_number = decimal_number  # _number's Decimal branch
        self._marks: dict[Decimal, str] = {}
        # a Fraction's text by its identity (hashing a Fraction costs more than rounding it):
        # the evaluation shares one Fraction among the offers with the same mark. The entry
        # keeps the Fraction alive, so no other object can take its id while it is there, and
        # the ``is`` test makes a stale entry impossible anyway.
        self._fractions: dict[int, tuple[Fraction, str]] = {}
        self._fractions_csv: dict[int, tuple[Fraction, str]] = {}
        self._money: dict[Decimal, str] = {}
        self._strings: dict[str, str] = {}

    def points_json(self, value: Fraction | Decimal | None) -> str:
        """JSON of a point figure: ``null``, or the number ``json.dumps`` writes for
        ``_number(value)``: a Fraction (points, totals) through :func:`hundredths_json`, a
        Decimal (a mark) through ``_number``'s own branch."""
        if value is None:
            return NULL
        if type(value) is Fraction:
            seen = self._fractions.get(id(value))
            if seen is not None and seen[0] is value:
                return seen[1]
            figure = hundredths_json(hundredths(value.numerator, value.denominator))
            if len(self._fractions) >= _IDENTITY_LIMIT:
                self._fractions.clear()
            self._fractions[id(value)] = (value, figure)
            return figure
        if not isinstance(value, Decimal) or not value.is_finite() or not value:
            return _float_json(self._decimal_number(value))
        text = self._marks.get(value)
        if text is None:
            text = _remember(self._marks, value, _float_json(self._decimal_number(value)))
        return text

    def points_csv(self, value: Fraction | Decimal | None) -> str:
        """:func:`points_raw`, a Fraction's remembered by its identity (as in
        :meth:`points_json`)."""
        if type(value) is not Fraction:
            return points_raw(value)
        seen = self._fractions_csv.get(id(value))
        if seen is not None and seen[0] is value:
            return seen[1]
        cell = points_raw(value)
        if len(self._fractions_csv) >= _IDENTITY_LIMIT:
            self._fractions_csv.clear()
        self._fractions_csv[id(value)] = (value, cell)
        return cell

    def money(self, value: Decimal | None) -> str | None:
        """``money_raw(value)``, remembered: for amounts that repeat (day rates, caps)."""
        if value is None:
            return None
        if not value.is_finite() or not value:
            return money_raw(value)
        text = self._money.get(value)
        if text is None:
            text = _remember(self._money, value, money_text(value))
        return text

    def money_json(self, value: Decimal | None) -> str:
        """``json.dumps(money_raw(value))``, remembered: the raw amount is digits, a sign and a
        point (or a word such as ``NaN``), which JSON writes between quotes as they are."""
        text = self.money(value)
        return NULL if text is None else f'"{text}"'

    def string(self, text: str | None) -> str:
        """:func:`json_string`, remembered: for texts that repeat (criterion ids, statuses,
        bases); ``null`` for none."""
        if text is None:
            return NULL
        encoded = self._strings.get(text)
        if encoded is None:
            encoded = _remember(self._strings, text, json_string(text))
        return encoded


def money_text(value: Decimal) -> str:
    """``money_raw(value)``, fast for an amount already to the cent (a price, a margin).

    Why ``str(value)`` is then the same text: ``money_raw`` writes ``value.quantize(CENT)``
    with two decimals, and an amount whose exponent is -2 is its own quantization. ``str`` of
    a Decimal is in plain notation (never scientific when the exponent is below 0 and the
    adjusted exponent at least -6, which -2 always is) with as many decimals as the exponent
    says; so a ``str`` whose third character from the end is the point has exponent -2
    (scientific notation ends with an exponent such as ``E+5``, which leaves no point there).
    Any other amount goes through ``money_raw``."""
    text = str(value)
    return text if text[-3:-2] == "." else money_raw(value)


def money_json(value: Decimal | None) -> str:
    """``json.dumps(money_raw(value))``, for an amount that seldom repeats (a price)."""
    return NULL if value is None else f'"{money_text(value)}"'


def quantity_json(value: Decimal | None) -> str:
    """``json.dumps(quantity_raw(value))`` (``quantity_raw`` remembers its values)."""
    text = quantity_raw(value)
    return NULL if text is None else f'"{text}"'


def rate_json(value: Decimal | None) -> str:
    """``json.dumps(decimal_raw(value))`` (``decimal_raw`` remembers its values)."""
    text = decimal_raw(value)
    return NULL if text is None else f'"{text}"'


def string_json(text: str | None) -> str:
    """:func:`json_string`, ``null`` for none: for a text that seldom repeats (a name)."""
    return NULL if text is None else json_string(text)


class ByIdentity:
    """The texts of values remembered by the values' identity: ``known.get(id(value)) or
    new(value)`` is ``write(value)``, a dictionary lookup when the value was seen (the reader
    shares one Decimal among the cells with the same value, the evaluation one Fraction among
    the offers with the same mark), with no hashing of the value at all. Each value is kept in
    ``alive`` as long as its entry, so that no other object can take its id meanwhile; both
    start again when full. ``write`` never gives an empty text (the ``or``)."""

    def __init__(self, write: Callable[[Any], str]) -> None:
        self.write = write
        self.known: dict[int, str] = {}
        self.alive: list[object] = []

    def new(self, value: object) -> str:
        """The text of a value not yet known, remembered."""
        if len(self.alive) >= _LIMIT:
            self.known.clear()
            self.alive.clear()
        text = self.known[id(value)] = self.write(value)
        self.alive.append(value)
        return text


class Keys(dict[str, str]):
    """Object keys as JSON writes them, each encoded once: ``keys[name]`` is ``"name":``."""

    def __missing__(self, name: str) -> str:
        text = self[name] = json_string(name) + ":"
        return text


def _remember(memo: dict[Any, str], key: Any, text: str) -> str:
    """Keep ``text`` in ``memo`` under ``key`` (starting the memo again when full)."""
    if len(memo) >= _LIMIT:
        memo.clear()
    memo[key] = text
    return text
