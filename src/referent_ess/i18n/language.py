"""The language of a run: chosen once, held in a context variable, read by every formatter.

``--lang``, else ``REFERENT_LANG``, else the locale (``fr`` when ``LANG`` or ``LC_ALL`` starts
with ``fr``). A context variable, so that the library's renderers need no extra argument and a
script can write ``with language("fr"): ...``.
"""

import os
import re
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from decimal import Decimal, InvalidOperation
from string import Formatter
from typing import Literal

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
    return fill(template, params, _current.get()) if params else template


def fill(template: str, params: Mapping[str, object], lang: str) -> str:
    """A template filled with ``params``; ``{n:offre|offres}`` is the word that agrees with the
    figure ``n`` (the one place plurals are made: no « offre(s) » anywhere)."""
    if "|" not in template:  # no plural to make: the plain (ten times faster) str.format
        return template.format_map(params)
    return _PluralFormatter(lang).vformat(template, (), params)


def agrees(count: object, singular: str, plural_form: str, lang: str) -> str:
    """The word that agrees with ``count`` as it is shown: French takes the singular below 2
    (« 0 offre », « 1,50 point », « 7,31 points »), English for exactly 1 only. A count that is
    not a figure takes the plural."""
    text = re.sub(r"[\s\u00a0\u202f+\u2212-]", "", str(count)).replace(",", ".")
    try:
        value = abs(Decimal(text))
    except InvalidOperation:
        return plural_form
    if not value.is_finite():
        return plural_form
    if lang == "fr":
        return singular if value < 2 else plural_form
    return singular if value == 1 else plural_form


class _PluralFormatter(Formatter):
    def __init__(self, lang: str) -> None:
        self.lang = lang

    def format_field(self, value: object, format_spec: str) -> str:
        if "|" in format_spec:
            singular, plural_form = format_spec.split("|", 1)
            return agrees(value, singular, plural_form, self.lang)
        return str(super().format_field(value, format_spec))


def has(key: str) -> bool:
    return key in CATALOGUES[_current.get()]
