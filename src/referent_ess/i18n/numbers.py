"""Every number, amount, rate and date the tool writes, for machines and for people: one place.

Two families:

- *raw* forms (``money_raw``, ``decimal_raw``, ``quantity_raw``, ``short_raw``, ``points``): what
  JSON and CSV hold, the same whatever the language (``9000.00``, ``0.055``, ``21.5``);
- *localised* forms (``money``, ``number``, ``quantity``, ``short``, ``percent``, ``when``,
  ``ordinal``, ``listed``, ``plural``): what people read, in the run's language unless ``lang``
  names another (the documents are French whatever ``--lang`` says): ``8333.00`` and ``5.5 %``
  in English, ``8 333,00 €`` and ``5,5 %`` in French (narrow no-break space between thousands,
  no-break space before the euro sign).

Every rounding is half up, on exact values (Decimal or Fraction): never a float.
"""

from collections.abc import Sequence
from datetime import date, datetime
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction
from functools import lru_cache
from typing import overload

from referent_ess.base.exact import CENT, round_half_up
from referent_ess.i18n.language import CATALOGUES, agrees, current

POINTS_PLACES = 2  # points and totals: rounded half up to 2 decimals, here and nowhere else
THOUSANDS = "\u202f"  # narrow no-break space: 8 333,00
EURO = "\u00a0€"  # no-break space, then the sign


def _french(lang: str | None) -> bool:
    return (current() if lang is None else lang) == "fr"


# ---- raw: JSON and CSV ------------------------------------------------------------------------


@overload
def money_raw(value: Decimal | Fraction) -> str: ...
@overload
def money_raw(value: None) -> None: ...
def money_raw(value: Decimal | Fraction | None) -> str | None:
    """An amount with 2 decimals, rounded half up: ``9000.00``."""
    if value is None:
        return None
    if isinstance(value, Decimal):
        return f"{value.quantize(CENT, ROUND_HALF_UP):.2f}"
    return f"{round_half_up(value):.2f}"


@lru_cache(maxsize=1024)  # few rates, written for every offer
def decimal_raw(value: Decimal | None) -> str | None:
    """An exact decimal with at least 2 places and no more than it has: a rate (``0.20``,
    ``0.055``) or an amount before rounding (``9613.725``)."""
    if value is None:
        return None
    exponent = value.normalize().as_tuple().exponent
    places = max(2, -exponent if isinstance(exponent, int) else 2)
    return f"{value:.{places}f}"


@lru_cache(maxsize=1024)  # few day counts, written for every offer
def quantity_raw(value: Decimal | None) -> str | None:
    """A count (days, a weight, a mark) without useless zeros: ``20``, ``21.5``."""
    if value is None:
        return None
    text = f"{value:f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


@overload
def points(value: Fraction | Decimal | int) -> Decimal: ...
@overload
def points(value: None) -> None: ...
def points(value: Fraction | Decimal | int | None) -> Decimal | None:
    """Points (or a total) rounded half up to 2 decimals, as every output shows them."""
    return None if value is None else round_half_up(value, POINTS_PLACES)


def percent_raw(rate: Decimal) -> str:
    """A rate as a percentage, the same in every language: 0.055 → ``5.5 %`` (a message's
    parameter, which the catalogue localises)."""
    return f"{quantity_raw(rate * 100)} %"


def short_raw(value: object) -> str:
    """A figure written with 2 decimals, without them when they are zeros: ``30``, ``33.33``
    (a maximum of points in a heading)."""
    text = str(value)
    return text[:-3] if text.endswith(".00") else text


# ---- for people: in the run's language --------------------------------------------------------


@overload
def number(
    value: Decimal | Fraction | int,
    places: int = ...,
    *,
    grouped: bool = ...,
    lang: str | None = ...,
) -> str: ...
@overload
def number(
    value: None, places: int = ..., *, grouped: bool = ..., lang: str | None = ...
) -> None: ...
def number(
    value: Decimal | Fraction | int | None,
    places: int = 2,
    *,
    grouped: bool = False,
    lang: str | None = None,
) -> str | None:
    """A figure rounded half up: ``88.31`` in English, ``88,31`` in French; ``grouped`` separates
    the thousands (``8 333,00``), as French documents write amounts."""
    if value is None:
        return None
    rounded = round_half_up(value, places)
    text = f"{rounded:,.{places}f}" if grouped else f"{rounded:.{places}f}"
    if not _french(lang):
        return text
    return text.replace(",", THOUSANDS).replace(".", ",")


@overload
def money(value: Decimal | Fraction | int, *, lang: str | None = ...) -> str: ...
@overload
def money(value: None, *, lang: str | None = ...) -> None: ...
def money(value: Decimal | Fraction | int | None, *, lang: str | None = None) -> str | None:
    """An amount: ``8333.00`` in English; ``8 333,00 €`` in French."""
    if value is None:
        return None
    if not _french(lang):
        return f"{round_half_up(value):.2f}"
    return number(value, grouped=True, lang="fr") + EURO


def exact_money(value: Decimal, *, lang: str | None = None) -> str:
    """An exact amount before rounding: ``9613.725`` in English, ``9 613,725 €`` in French."""
    text = decimal_raw(value)
    assert text is not None
    if not _french(lang):
        return text
    whole, _, places = text.partition(".")
    return f"{int(whole):,}".replace(",", THOUSANDS) + f",{places}{EURO}"


def exact_number(value: Decimal, *, lang: str | None = None) -> str:
    """An exact decimal with at least 2 places, as written in a formula: a rate ``0.055`` in
    English, ``0,055`` in French."""
    text = decimal_raw(value)
    assert text is not None
    return text.replace(".", ",") if _french(lang) else text


@overload
def quantity(value: Decimal, *, lang: str | None = ...) -> str: ...
@overload
def quantity(value: None, *, lang: str | None = ...) -> None: ...
def quantity(value: Decimal | None, *, lang: str | None = None) -> str | None:
    """A count such as days, a weight, a mark or a line's quantity, without useless zeros and
    with its thousands grouped: ``21.5``, ``1,200``, ``262.5`` in English; ``21,5``, ``1 200``
    (a narrow no-break space) in French."""
    if value is None:
        return None
    whole, dot, places = f"{value.normalize():f}".partition(".")
    sign, digits = ("-", whole[1:]) if whole.startswith("-") else ("", whole)
    grouped = f"{int(digits):,}"
    if _french(lang):
        return sign + grouped.replace(",", THOUSANDS) + ("," + places if dot else "")
    return sign + grouped + dot + places


def short(
    value: Decimal | Fraction | int, *, grouped: bool = False, lang: str | None = None
) -> str:
    """:func:`number` without its decimals when they are zeros: ``30``, ``17.50``, ``17,50``."""
    text = number(value, grouped=grouped, lang=lang)
    return text.removesuffix(",00" if _french(lang) else ".00")


@overload
def percent(rate: Decimal, *, lang: str | None = ...) -> str: ...
@overload
def percent(rate: None, *, lang: str | None = ...) -> None: ...
def percent(rate: Decimal | None, *, lang: str | None = None) -> str | None:
    """A rate as a percentage: 0.055 → ``5.5 %`` in English, ``5,5 %`` in French."""
    return None if rate is None else f"{quantity(rate * 100, lang=lang)} %"


def when(moment: date | datetime, *, lang: str | None = None) -> str:
    """A date (and time) in figures: ISO in English (``2018-03-23 17:30``), the French way in
    French (``23/03/2018 à 17:30``). JSON and CSV keep ISO dates."""
    if not _french(lang):
        if isinstance(moment, datetime):
            return moment.strftime("%Y-%m-%d %H:%M")
        return moment.isoformat()
    if isinstance(moment, datetime):
        return moment.strftime("%d/%m/%Y à %H:%M")
    return moment.strftime("%d/%m/%Y")


MONTHS = (
    "janvier", "février", "mars", "avril", "mai", "juin",
    "juillet", "août", "septembre", "octobre", "novembre", "décembre",
)  # fmt: skip


def date_words(moment: date | datetime, space: str = " ") -> str:
    """A date in words, as French documents write it: ``1er avril 2018``, ``23 mars 2018 à
    17 h 30`` (``space``: a no-break space in HTML, so that a date never breaks across lines).
    Only the French documents write dates in words: English output writes them in figures."""
    day = ordinal(moment.day, lang="fr") if moment.day == 1 else str(moment.day)
    text = f"{day}{space}{MONTHS[moment.month - 1]}{space}{moment.year}"
    if isinstance(moment, datetime):
        text += f" à{space}{moment.hour}{space}h{space}{moment.minute:02d}"
    return text


def ordinal(position: int, *, feminine: bool = False, lang: str | None = None) -> str:
    """1st, 2nd, 3rd, 4th… 11th, 12th, 13th, 21st; in French 1er (1re when ``feminine``: « une
    offre classée 1re »), 2e, 3e…"""
    if _french(lang):
        return ("1re" if feminine else "1er") if position == 1 else f"{position}e"
    if 10 <= position % 100 <= 20:
        return f"{position}th"
    return f"{position}{ {1: 'st', 2: 'nd', 3: 'rd'}.get(position % 10, 'th') }"


def listed(items: Sequence[str], *, lang: str | None = None) -> str:
    """``A``, ``A and B``, ``A, B and C`` (``A, B et C`` in French)."""
    if len(items) < 2:
        return "".join(items)
    return f"{', '.join(items[:-1])} {CATALOGUES[lang or current()]['and']} {items[-1]}"


def plural(n: int, singular: str, plural_form: str, *, lang: str | None = None) -> str:
    """The word that agrees with ``n``: French takes the singular for 0 and 1, English for 1
    only (``plural(n, "offre", "offres")``)."""
    return agrees(n, singular, plural_form, "fr" if _french(lang) else "en")
