"""How a letter writes its figures (points, signed gaps, amounts, ranks, dates) as French letters
write them, with :mod:`referent_ess.i18n.numbers`; text from the inputs is made inert in Markdown
by :func:`referent_ess.render.markdown_text.md`, as in every Markdown document."""

from datetime import date, datetime
from decimal import Decimal
from fractions import Fraction

from referent_ess.i18n import numbers, tr

NOT_APPLICABLE = "—"
_MINUS = "\u2212"


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
