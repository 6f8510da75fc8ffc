"""What every part of the HTML report writes the same way: escaped inputs, figures in cells.

Every text that comes from the inputs (names, titles, comments, messages, paths) goes through
:func:`escape`, so that a candidate called ``<script>`` is shown as text, never run. The texts of
the catalogue (``doc.*``) hold no markup and no ``<`` or ``&`` (a test checks it): they go into
the page as they are. Figures are written by :mod:`referent_ess.i18n.numbers`, in French.
"""

import html
from decimal import Decimal
from fractions import Fraction

from referent_ess.evaluation.results import LotResult, OfferResult
from referent_ess.i18n import numbers, tr

NOT_APPLICABLE = "—"


def escape(text: object) -> str:
    """Text from the inputs for HTML (and inline SVG): ``<``, ``>``, ``&`` and quotes escaped."""
    return html.escape(str(text), quote=True)


def compact(value: Fraction | Decimal | int) -> str:
    """A figure without its decimals when they are zeros (30, 100), else the French way (12,50)."""
    return numbers.short(value, grouped=True)


def figure(value: Fraction | Decimal | int) -> str:
    """Points or a total the French way, to the hundredth: 88,31."""
    return numbers.number(value, grouped=True)


def money_cell(amount: Decimal | None) -> str:
    return numbers.money(amount) if amount is not None else NOT_APPLICABLE


def points_cell(value: Fraction | None) -> str:
    return figure(value) if value is not None else NOT_APPLICABLE


def counted(key: str, n: int, **params: object) -> str:
    """``key.one`` or ``key.other``, as ``n`` agrees (French: 0 and 1 take the singular), with
    ``{n}`` filled."""
    return tr(numbers.plural(n, f"{key}.one", f"{key}.other"), n=n, **params)


def short_label(label: str) -> str:
    """A column header that fits: a long label up to its first comma or parenthesis (the full
    label is in the chart's legend and in the method section). Never cut within its words:
    the header wraps instead."""
    if len(label) <= 36:
        return label
    return label.split(",")[0].split(" (")[0].strip() or label


def ranked_first(lot: LotResult) -> tuple[OfferResult, ...]:
    """The proposed winner(s): none while the ranking is provisional."""
    if lot.provisional:
        return ()
    return (lot.award,) if lot.award is not None else lot.winners


def is_winner(lot: LotResult, result: OfferResult) -> bool:
    return lot.is_awarded(result)
