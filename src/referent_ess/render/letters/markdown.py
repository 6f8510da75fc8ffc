"""How a letter writes what it did not word itself: text from the inputs made inert in Markdown,
and the figures (points, signed gaps, amounts, ranks, dates) as French letters write them."""

import re
from datetime import date, datetime
from decimal import Decimal
from fractions import Fraction

from referent_ess.i18n import tr
from referent_ess.render.labels_fr import date_words, euros, number

NOT_APPLICABLE = "—"
_MINUS = "\u2212"
# `_` only at a word's edge: snake_case ids stay readable, `_emphasis_` stays inert
_MARKDOWN_SPECIAL = re.compile(r"([\\`*\[\]<>|#]|(?<!\w)_|_(?!\w))")


def md(text: str) -> str:
    """Text from the inputs, inert in Markdown: no table break, no emphasis, no link, no HTML."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", " ".join(text.split()))


def points(value: Fraction | None) -> str:
    return NOT_APPLICABLE if value is None else number(value)


def signed(value: Fraction) -> str:
    """A difference with its sign, the French way: +6,00 or −4,69 (a true minus sign)."""
    sign = "+" if value >= 0 else _MINUS
    return sign + number(abs(value))


def plain(value: Decimal) -> str:
    """A whole number without decimals (« sur 100 »), any other the French way (« 20,5 »)."""
    return str(int(value)) if value == int(value) else number(value, 2)


def amount(value: Decimal | None) -> str:
    return NOT_APPLICABLE if value is None else euros(value)


def ordinal(rank: int | None) -> str:
    """A rank as French writes it for « une offre classée … »: 1re, 2e, 3e."""
    if rank is None:
        return tr("doc.letter.not_ranked")
    return tr("doc.letter.rank.first") if rank == 1 else tr("doc.letter.rank", rank=rank)


def when(moment: date | datetime) -> str:
    """A date in words, as French documents write it."""
    return date_words(moment, " ")
