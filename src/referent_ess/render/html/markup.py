"""What every part of the HTML report writes the same way: escaped inputs, figures in cells.

Every text that comes from the inputs (names, titles, comments, messages, paths) goes through
:func:`escape`, so that a candidate called ``<script>`` is shown as text, never run. The texts of
the catalogue (``doc.html.*``) hold no markup and no ``<`` or ``&`` (a test checks it): they go
into the page as they are.
"""

import html
from collections.abc import Sequence
from decimal import Decimal
from fractions import Fraction

from referent_ess import i18n
from referent_ess.evaluation.engine import LotResult, OfferResult
from referent_ess.render.labels_fr import euros, number

NOT_APPLICABLE = "—"


def escape(text: object) -> str:
    """Text from the inputs for HTML (and inline SVG): ``<``, ``>``, ``&`` and quotes escaped."""
    return html.escape(str(text), quote=True)


def compact(value: Fraction | Decimal | int) -> str:
    """A whole number without decimals (30, 100), anything else the French way (12,50)."""
    exact = Fraction(value)
    if exact.denominator == 1:
        return number(exact, 0)
    return number(exact)


def money_cell(amount: Decimal | None) -> str:
    return euros(amount) if amount is not None else NOT_APPLICABLE


def points_cell(value: Fraction | None) -> str:
    return number(value) if value is not None else NOT_APPLICABLE


def joined(names: Sequence[str]) -> str:
    """« A, B et C »."""
    last = f" {i18n.tr('and')} {names[-1]}"
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + last


def counted(key: str, n: int, **params: object) -> str:
    """``key.one`` for 0 and 1 (French agreement), ``key.other`` above, with ``{n}`` filled."""
    return i18n.tr(f"{key}.{'one' if n < 2 else 'other'}", n=n, **params)


def short_label(label: str) -> str:
    """A column header that fits: a long label up to its first comma or parenthesis (the full
    label is in the chart's legend and in the method section)."""
    if len(label) <= 36:
        return label
    short = label.split(",")[0].split(" (")[0].strip()
    return short if len(short) <= 40 else short[:39].rstrip() + "…"


def ranked_first(lot: LotResult) -> tuple[OfferResult, ...]:
    """The proposed winner(s): none while the ranking is provisional."""
    if lot.provisional:
        return ()
    return (lot.award,) if lot.award is not None else lot.winners


def is_winner(lot: LotResult, result: OfferResult) -> bool:
    return not lot.provisional and result.rank == 1
