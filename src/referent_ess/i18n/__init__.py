"""The language of what people read: headings, statuses, reasons, notes, money.

One catalogue per language (``catalogues/en``, ``catalogues/fr``), the same keys in each (a test
checks it). JSON and CSV never change with the language: keys and codes are a contract. The
language of a run is in :mod:`.language`; every number, amount and date is written by
:mod:`.numbers`; :mod:`.templates` fills a message's template with its typed parameters.
"""

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
from referent_ess.i18n.templates import marks, message

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
