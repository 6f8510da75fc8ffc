"""The language of what people read: headings, statuses, reasons, notes, money.

One catalogue module per language (``en.py``, ``fr.py``), the same keys in each (a test checks
it). JSON and CSV never change with the language: keys and codes are a contract. The language is
chosen once per run — ``--lang``, else ``REFERENT_LANG``, else the locale (``fr`` when ``LANG`` or
``LC_ALL`` starts with ``fr``) — and held in a context variable, so the library's renderers need
no extra argument and a script can write ``with language("fr"): ...``.
"""

import json
import os
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import date, datetime
from decimal import Decimal
from fractions import Fraction
from typing import Literal

from referent_ess.base.exact import round_half_up
from referent_ess.i18n.catalogues import en, fr

Lang = Literal["en", "fr"]
CATALOGUES: dict[str, Mapping[str, str]] = {"en": en.MESSAGES, "fr": fr.MESSAGES}
_current: ContextVar[str] = ContextVar("referent_language", default="en")


def default_language(environ: Mapping[str, str] | None = None) -> Lang:
    """``REFERENT_LANG`` if set, else ``fr`` when the locale is French, else ``en``."""
    env = os.environ if environ is None else environ
    chosen = env.get("REFERENT_LANG", "").strip().lower()
    if chosen in CATALOGUES:
        return "fr" if chosen == "fr" else "en"
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(name, "")
        if value:
            return "fr" if value.lower().startswith("fr") else "en"
    return "en"


@contextmanager
def language(lang: str) -> Iterator[None]:
    """Render in ``lang`` inside the ``with`` block."""
    token = _current.set(lang if lang in CATALOGUES else "en")
    try:
        yield
    finally:
        _current.reset(token)


def set_language(lang: str) -> None:
    """Render in ``lang`` from now on in this context (the CLI sets it once per run)."""
    _current.set(lang if lang in CATALOGUES else "en")


def current() -> str:
    return _current.get()


def tr(key: str, /, **params: object) -> str:
    """The text of ``key`` in the current language, with ``{params}`` filled in."""
    template = CATALOGUES[_current.get()].get(key) or en.MESSAGES[key]
    return template.format(**params) if params else template


def has(key: str) -> bool:
    return key in CATALOGUES[_current.get()]


def number(value: Decimal | Fraction | int | None, places: int = 2) -> str | None:
    """A figure as people read it here: ``88.31`` in English, ``88,31`` in French."""
    if value is None:
        return None
    text = f"{round_half_up(value, places):.{places}f}"
    return text.replace(".", ",") if _current.get() == "fr" else text


def money(value: Decimal | Fraction | None) -> str | None:
    """``8333.00`` in English; ``8 333,00 €`` in French (narrow no-break spaces)."""
    if value is None:
        return None
    if _current.get() != "fr":
        return f"{round_half_up(value):.2f}"
    grouped = f"{round_half_up(value):,.2f}".replace(",", "\u202f").replace(".", ",")
    return grouped + "\u00a0€"


def quantity(value: Decimal | None) -> str | None:
    """A count such as days, without useless zeros: ``21.5`` in English, ``21,5`` in French."""
    if value is None:
        return None
    text = f"{value.normalize():f}"
    return text.replace(".", ",") if _current.get() == "fr" else text


def percent(rate: Decimal | None) -> str | None:
    """A rate as a percentage: ``5.5 %`` in English, ``5,5 %`` in French."""
    return None if rate is None else f"{quantity(rate * 100)} %"


def when(moment: date | datetime) -> str:
    """A date (and time) as people read it here: ISO in English (``2018-03-23 17:30``), the
    French way in French (``23/03/2018 à 17:30``). JSON and CSV keep ISO dates."""
    if _current.get() != "fr":
        if isinstance(moment, datetime):
            return moment.strftime("%Y-%m-%d %H:%M")
        return moment.isoformat()
    if isinstance(moment, datetime):
        return moment.strftime("%d/%m/%Y à %H:%M")
    return moment.strftime("%d/%m/%Y")


def _date_param(value: str) -> str:
    """A ``*_date`` parameter (``2018-03-23`` or ``2018-03-23 17:30``) in the current language."""
    try:
        return when(datetime.strptime(value, "%Y-%m-%d %H:%M"))
    except ValueError:
        pass
    try:
        return when(date.fromisoformat(value))
    except ValueError:
        return value  # not a date (``?``): as given


def marks(encoded: str) -> str:
    """Evaluators' marks, given as JSON ``[[evaluator, mark], ...]``, as people read them here:
    ``Anne 2, Bruno 4.5`` in English, ``Anne (2), Bruno (4,5)`` in French."""
    entries = json.loads(encoded)
    decimal_comma = _current.get() == "fr"
    return tr("list.separator").join(
        tr("list.mark", evaluator=who, mark=mark.replace(".", ",") if decimal_comma else mark)
        for who, mark in entries
    )


def message(code: str, params: tuple[tuple[str, str], ...], fallback: str) -> str:
    """A reason's or a problem's message in the current language: its template filled with its
    parameters when the catalogue has one, else the message as the core wrote it.

    A ``form`` parameter picks one of the code's messages (``msg:<code>.<form>``). Parameters
    named ``*_money`` are amounts, ``*_num`` figures written with the language's decimal mark,
    ``*_marks`` evaluators' marks (see :func:`marks`), ``*_date`` ISO dates (see :func:`when`),
    and ``*_part`` name another template
    (``part:<value>``), filled with the same parameters: a word such as a field's name, or a
    clause that only some messages have.
    """
    given = dict(params)
    form = given.pop("form", None)
    key = f"msg:{code}.{form}" if form else f"msg:{code}"
    if _current.get() == "en" or not params or key not in CATALOGUES[_current.get()]:
        return fallback
    values: dict[str, object] = {}
    for name, value in given.items():
        if name.endswith("_money"):
            values[name] = money(Decimal(value))
        elif name.endswith("_num"):
            values[name] = value.replace(".", ",") if _current.get() == "fr" else value
        elif name.endswith("_marks"):
            values[name] = marks(value)
        elif name.endswith("_date"):
            values[name] = _date_param(value)
        else:
            values[name] = value
    try:
        for name, value in given.items():
            if name.endswith("_part"):
                values[name] = tr(f"part:{value}", **values)
        return tr(key, **values)
    except KeyError:  # a template asking for a parameter this message does not carry
        return fallback
