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
from datetime import date, datetime
from decimal import Decimal
from functools import lru_cache
from string import Formatter

from referent_ess.i18n.language import CATALOGUES, current, fill
from referent_ess.i18n.numbers import money, when

Params = tuple[tuple[str, str], ...]


def message_key(code: str, params: Params) -> str:
    """The catalogue key of a message: ``msg:<code>``, or ``msg:<code>.<form>``."""
    form = next((value for name, value in params if name == "form"), None)
    return f"msg:{code}.{form}" if form else f"msg:{code}"


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
    for name, value in params:
        if name != "form":
            values[name] = _written(name, value, lang)
    for name, value in params:
        if name.endswith("_part"):
            values[name] = fill(catalogue[f"part:{value}"], values, lang)
    return fill(catalogue[key], values, lang)


def _written(name: str, value: str, lang: str) -> str:
    """One parameter's value as people read it in ``lang``, by the suffix of its name."""
    if name.endswith("_money"):
        return money(Decimal(value), lang=lang)
    if name.endswith("_num"):
        return value.replace(".", ",") if lang == "fr" else value
    if name.endswith("_marks"):
        return marks(value, lang=lang)
    if name.endswith("_words"):
        return scale_words(value, lang=lang)
    if name.endswith("_date"):
        return _date(value, lang)
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
