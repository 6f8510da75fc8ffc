"""The language of what people read: headings, statuses, reasons, notes, money.

One catalogue per language (``catalogues/en``, ``catalogues/fr``), the same keys in each (a test
checks it). JSON and CSV never change with the language: keys and codes are a contract. The
language of a run is in :mod:`.language`; every number, amount and date is written by
:mod:`.numbers`; this module fills a message's template with its typed parameters.
"""

import json
from datetime import date, datetime
from decimal import Decimal

from referent_ess.i18n.catalogues import en, fr
from referent_ess.i18n.language import (
    CATALOGUES,
    Lang,
    current,
    default_language,
    has,
    language,
    set_language,
    tr,
)
from referent_ess.i18n.numbers import money, number, percent, quantity, when

__all__ = [
    "CATALOGUES",
    "Lang",
    "current",
    "default_language",
    "en",
    "fr",
    "has",
    "language",
    "marks",
    "message",
    "money",
    "number",
    "percent",
    "quantity",
    "set_language",
    "tr",
    "when",
]


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
    decimal_comma = current() == "fr"
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
    if current() == "en" or not params or key not in CATALOGUES[current()]:
        return fallback
    values: dict[str, object] = {}
    for name, value in given.items():
        if name.endswith("_money"):
            values[name] = money(Decimal(value))
        elif name.endswith("_num"):
            values[name] = value.replace(".", ",") if current() == "fr" else value
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
