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


def hundredths_raw(whole: int, negative: bool) -> str:
    """``str(points(value))`` for a value of ``whole`` hundredths once rounded (``whole`` ≥ 0 is
    the rounded magnitude; ``negative``: the value was below zero). ``points`` gives
    ``Decimal(whole).scaleb(-2)`` (negated for a negative value, so ``-0.00`` for a value such as
    -0.001): its ``str`` has exactly two decimals, since its exponent is -2 and its adjusted
    exponent never below -6."""
    sign = "-" if negative else ""
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
    and ``str.isascii`` costs nothing (CPython keeps it as a flag)."""
    encoded = encode_basestring(text)
    return encoded if text.isascii() else writable(encoded)


def _float_json(number: float) -> str:
    """``json.dumps(number)``: ``float.__repr__`` for a finite float, as json's encoder does."""
    return float.__repr__(number) if math.isfinite(number) else json.dumps(number)


class Texts:
    """The raw texts of one document's money, quantities and rates, each worked out once per
    distinct value (``money_raw`` costs microseconds and a hundred thousand offers write five
    amounts each). A zero is never remembered: ``0`` and ``-0`` are equal keys but
    ``money_raw`` writes ``0.00`` and ``-0.00``; nor a value that is not finite (a NaN is
    unequal to itself, a signalling one cannot be hashed)."""

    def __init__(self, decimal_number: Callable[[Decimal | Fraction], float]) -> None:
        self._decimal_number = decimal_number  # _number's Decimal branch
        self._points: dict[Decimal, str] = {}
        self._money: dict[Decimal, str] = {}
        self._money_json: dict[Decimal, str] = {}
        self._strings: dict[str, str] = {}

    def points_json(self, value: Fraction | Decimal | None) -> str:
        """JSON of a point figure: ``null``, or the number ``json.dumps`` writes for
        ``_number(value)``: a Fraction (points, totals) through :func:`hundredths_json`, a
        Decimal (a mark) through ``_number``'s own branch, remembered."""
        if value is None:
            return NULL
        if type(value) is Fraction:
            return hundredths_json(hundredths(value.numerator, value.denominator))
        if not isinstance(value, Decimal) or not value.is_finite() or not value:
            return _float_json(self._decimal_number(value))
        text = self._points.get(value)
        if text is None:
            text = self._points[value] = _float_json(self._decimal_number(value))
        return text

    def money(self, value: Decimal | None) -> str | None:
        """``money_raw(value)``."""
        if value is None:
            return None
        if not value.is_finite() or not value:
            return money_raw(value)
        text = self._money.get(value)
        if text is None:
            text = self._money[value] = money_raw(value)
        return text

    def money_json(self, value: Decimal | None) -> str:
        """``json.dumps(money_raw(value))``: the raw amount is digits, a sign and a point (or a
        word such as ``NaN``), which JSON writes between quotes as they are."""
        if value is None:
            return NULL
        if not value.is_finite() or not value:
            return f'"{money_raw(value)}"'
        text = self._money_json.get(value)
        if text is None:
            text = self._money_json[value] = f'"{money_raw(value)}"'
        return text

    @staticmethod
    def quantity_json(value: Decimal | None) -> str:
        """``json.dumps(quantity_raw(value))`` (``quantity_raw`` remembers its values)."""
        text = quantity_raw(value)
        return NULL if text is None else f'"{text}"'

    @staticmethod
    def rate_json(value: Decimal | None) -> str:
        """``json.dumps(decimal_raw(value))`` (``decimal_raw`` remembers its values)."""
        text = decimal_raw(value)
        return NULL if text is None else f'"{text}"'

    def string(self, text: str | None) -> str:
        """:func:`json_string`, remembered (criterion ids, statuses, bases repeat on every
        offer); ``null`` for none."""
        if text is None:
            return NULL
        encoded = self._strings.get(text)
        if encoded is None:
            encoded = self._strings[text] = json_string(text)
        return encoded
