"""How a letter writes what it did not word itself: text from the inputs made inert in Markdown,
and the figures (points, signed gaps, amounts, ranks, dates) as French letters write them, with
:mod:`referent_ess.i18n.numbers`."""

import re
from datetime import date, datetime
from decimal import Decimal
from fractions import Fraction

from referent_ess.i18n import numbers, tr

NOT_APPLICABLE = "—"
_MINUS = "\u2212"
# `_` only at a word's edge: snake_case ids stay readable, `_emphasis_` stays inert
_MARKDOWN_SPECIAL = re.compile(r"([\\`*\[\]<>|#]|(?<!\w)_|_(?!\w))")


def md(text: str) -> str:
    """Text from the inputs, inert in Markdown: no table break, no emphasis, no link, no HTML."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", " ".join(text.split()))


def figure(value: Fraction | Decimal | int) -> str:
    """Points the French way, to the hundredth: 81,00."""
    return numbers.number(value, grouped=True)


def points(value: Fraction | None) -> str:
    return NOT_APPLICABLE if value is None else figure(value)


def signed(value: Fraction) -> str:
    """A difference with its sign, the French way: +6,00 or −4,69 (a true minus sign)."""
    sign = "+" if value >= 0 else _MINUS
    return sign + figure(abs(value))


def amount(value: Decimal | None) -> str:
    return NOT_APPLICABLE if value is None else numbers.money(value)


def ordinal(rank: int | None) -> str:
    """A rank as French writes it for « une offre classée … »: 1re, 2e, 3e."""
    if rank is None:
        return tr("doc.letter.not_ranked")
    return numbers.ordinal(rank, feminine=True)


def when(moment: date | datetime) -> str:
    """A date in words, as French documents write it."""
    return numbers.date_words(moment, " ")
