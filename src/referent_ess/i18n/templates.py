"""A message in words: the template of its code, filled with its typed parameters.

A problem, an error, a reason or a note is a stable ``code`` and parameters (name, value as
text). Each language's catalogue holds its template: ``msg:<code>``, or ``msg:<code>.<form>``
when the code words several cases (the ``form`` parameter picks one). English is written there
once, like every other language: no code carries an English sentence of its own, and a missing
template is a bug (:class:`KeyError`), never a silent fallback.

The name of a parameter says how its value is written in each language:

- ``*_money``: an amount (``8333.00``; ``8 333,00 €`` in French);
- ``*_num``: a figure, with the language's decimal mark (``5.5``; ``5,5``);
- ``*_marks``: evaluators' marks, given as JSON ``[[evaluator, mark], ...]`` (:func:`marks`);
- ``*_words``: the words of a descriptor scale, given as JSON ``[[word, mark], ...]``
  (:func:`scale_words`);
- ``*_date``: an ISO date or ``YYYY-MM-DD HH:MM`` (:func:`~referent_ess.i18n.numbers.when`);
- ``*_part``: the name of another template, ``part:<value>``, filled with the same parameters:
  a word such as a field's name, or a clause that only some messages have;
- any other: as given (a name, a path, a cell, a count).
"""

import json
import re
from collections.abc import Callable
from datetime import date, datetime
from decimal import Decimal
from functools import lru_cache
from string import Formatter

from referent_ess.i18n.language import CATALOGUES, current, fill
from referent_ess.i18n.numbers import money, when

Params = tuple[tuple[str, str], ...]


def message_key(code: str, params: Params) -> str:
    """The catalogue key of a message: ``msg:<code>``, or ``msg:<code>.<form>`` (the first
    ``form`` parameter's, when it is not empty). A plain loop: a generator costs more than the
    few parameters it would go through, once per message of a hundred thousand offers."""
    for name, value in params:
        if name == "form":
            return f"msg:{code}.{value}" if value else f"msg:{code}"
    return f"msg:{code}"


def message(
    code: str,
    params: Params,
    *,
    lang: str | None = None,
) -> str:
    """The message of ``code`` in ``lang`` (default: the run's language), its template filled
    with ``params``."""
    chosen = current() if lang is None else lang
    return _filled(message_key(code, params), params, chosen)


def part(name: str, params: Params, *, lang: str | None = None) -> str:
    """The clause ``part:<name>`` alone, filled with ``params``: what a message says inside
    itself (the figures of an abnormally low price, say) when something needs it apart."""
    return _filled(f"part:{name}", params, current() if lang is None else lang)


@lru_cache(maxsize=4096)  # a sheet's problems repeat: the same code, the same figures
def _filled(key: str, params: Params, lang: str) -> str:
    catalogue = CATALOGUES[lang]
    values: dict[str, object] = {}
    parts = False
    for name, value in params:
        if name != "form":
            writer = _WRITERS.get(name) or _writer(name)
            if writer is _as_given:
                values[name] = value
            else:
                values[name] = writer(value, lang)
                parts = parts or writer is _as_part
    if parts:  # in the parameters' order: a later clause sees an earlier one filled in
        for name, value in params:
            if name.endswith("_part"):
                values[name] = fill(catalogue[f"part:{value}"], values, lang)
    return fill(catalogue[key], values, lang)


Writer = Callable[[str, str], str]  # (value, lang) → the value as people read it in lang


def _writer(name: str) -> Writer:
    """How a parameter is written, by the suffix of its name: worked out once per name (a
    hundred thousand messages have the same few names), remembered in ``_WRITERS``."""
    if name.endswith("_money"):
        writer: Writer = _money
    elif name.endswith("_num"):
        writer = _number
    elif name.endswith("_marks"):
        writer = _marks
    elif name.endswith("_words"):
        writer = _scale_words
    elif name.endswith("_date"):
        writer = _date
    elif name.endswith("_part"):
        writer = _as_part  # as given, until :func:`_filled` fills its clause
    else:
        writer = _as_given
    if len(_WRITERS) < _NAMES:  # names come from the code, never from a sheet: a safety bound
        _WRITERS[name] = writer
    return writer


_NAMES = 4096
_WRITERS: dict[str, Writer] = {}

# An amount already written with two decimals (``2548.13``, ``-0.00``): ``money`` gives it back
# as it is in English (see :func:`_money`). At most 20 digits before the point, far within the
# 28 digits of the decimal context, so that ``quantize`` neither rounds nor fails.
_CENTS = re.compile(r"-?(?:0|[1-9][0-9]{0,19})\.[0-9]{2}")


def _money(value: str, lang: str) -> str:
    """A ``*_money`` parameter: ``money(Decimal(value), lang=lang)``. Why English needs no
    Decimal for an amount already to the cent: ``money`` writes ``round_half_up(value)`` (a
    ``quantize`` to the cent, which leaves an amount with exponent -2 as it is, sign and zeros
    included) with ``:.2f``, which writes its digits, its point and its sign back as they were
    read (a negative zero too: ``-0.00``); without leading zeros (``007.50`` is ``7.50``),
    which the pattern excludes."""
    if lang == "en" and _CENTS.fullmatch(value):
        return value
    return money(Decimal(value), lang=lang)


def _number(value: str, lang: str) -> str:
    """A ``*_num`` parameter: with the language's decimal mark."""
    return value.replace(".", ",") if lang == "fr" else value


def _marks(value: str, lang: str) -> str:
    return marks(value, lang=lang)


def _scale_words(value: str, lang: str) -> str:
    return scale_words(value, lang=lang)


def _as_given(value: str, _lang: str) -> str:
    return value


def _as_part(value: str, _lang: str) -> str:
    return value


def _date(value: str, lang: str) -> str:
    """A ``*_date`` parameter (``2018-03-23`` or ``2018-03-23 17:30``) in ``lang``."""
    try:
        return when(datetime.strptime(value, "%Y-%m-%d %H:%M"), lang=lang)
    except ValueError:
        pass
    try:
        return when(date.fromisoformat(value), lang=lang)
    except ValueError:
        return value  # not a date (``?``): as given


def marks(encoded: str, *, lang: str | None = None) -> str:
    """Evaluators' marks, given as JSON ``[[evaluator, mark], ...]``, as people read them:
    ``Anne 2, Bruno 4.5`` in English, ``Anne (2), Bruno (4,5)`` in French."""
    return _pairs(encoded, "list.mark", "evaluator", lang)


def scale_words(encoded: str, *, lang: str | None = None) -> str:
    """The words of a descriptor scale and their marks, given as JSON ``[[word, mark], ...]``:
    ``"Très satisfaisant" (5), "Satisfaisant" (3)`` in English, with « » in French."""
    return _pairs(encoded, "list.scale_word", "word", lang)


def _pairs(encoded: str, key: str, name: str, lang: str | None) -> str:
    """A list of (text, mark) pairs, each worded by the catalogue's ``key``, the mark with the
    language's decimal separator."""
    chosen = current() if lang is None else lang
    catalogue = CATALOGUES[chosen]
    return catalogue["list.separator"].join(
        catalogue[key].format_map(
            {name: text, "mark": mark.replace(".", ",") if chosen == "fr" else mark}
        )
        for text, mark in json.loads(encoded)
    )


def placeholders(template: str) -> frozenset[str]:
    """The names a template fills in (``{lot}``, ``{price_money}``...)."""
    return frozenset(name for _, name, _, _ in Formatter().parse(template) if name)
