"""What a row of results holds, whatever the output: the figure shown for a criterion, its
heading, the gap to the first, and the budget check's rows (one per offer and cap checked).

The terminal tables, the CSV and the Markdown (and the reports, for the gap) take their cells
from here, so that each shows the same figure; how a cell is written (raw for CSV, in the run's
language for people) is the caller's choice.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

from referent_ess.base.exact import round_half_up
from referent_ess.config.choices import Ordering, PriceBasis
from referent_ess.config.model import Config, Criterion
from referent_ess.evaluation.budget import Verdict, check_verdict
from referent_ess.evaluation.kernel import max_points
from referent_ess.evaluation.results import Evaluation, LotResult, OfferResult
from referent_ess.i18n.numbers import (
    POINTS_PLACES,
    decimal_raw,
    money_raw,
    points,
    quantity_raw,
    short_raw,
)


def criterion_value(result: OfferResult, criterion: Criterion, config: Config) -> Decimal | None:
    """What a table shows for an offer and a criterion: its points, or in a hierarchy (no
    points) its mark; rounded half up to 2 decimals."""
    if config.ordering is Ordering.HIERARCHY:
        mark = result.offer.marks.get(criterion.id)
        return None if mark is None else round_half_up(mark, POINTS_PLACES)
    return points(result.points.get(criterion.id))


def criterion_text(
    result: OfferResult,
    criterion: Criterion,
    config: Config,
    number: Callable[[Decimal], str],
    escape: Callable[[str], str] = str,
) -> str | None:
    """:func:`criterion_value` as a person reads it (``number`` writes a figure): in a hierarchy,
    a mark on a descriptor scale with its word, ``Satisfaisant (3)`` (the word from the
    configuration through ``escape``, for Markdown)."""
    value = criterion_value(result, criterion, config)
    if value is None:
        return None
    shown = number(value)
    if config.ordering is Ordering.HIERARCHY:
        word = criterion.word_for(result.offer.marks.get(criterion.id))
        if word is not None:
            return f"{escape(word)} ({shown})"
    return shown


def criterion_heading(criterion: Criterion, config: Config, depth: int = 1) -> str:
    """``context /30`` (its maximum points), or in a hierarchy ``context /5`` (its scale); a
    sub-criterion marked by its depth: ``·methode /24``, ``··equipe /20``."""
    mark = "·" * (depth - 1)
    if config.ordering is Ordering.HIERARCHY:
        return (
            f"{mark}{criterion.header} /{'P' if criterion.is_price else short_raw(criterion.scale)}"
        )
    return (
        f"{mark}{criterion.header} /{short_raw(points(max_points(config.total, criterion.weight)))}"
    )


def shown_criteria(
    config: Config, lot_id: int, *, detail: bool
) -> tuple[tuple[Criterion, int], ...]:
    """The criteria a table of the lot shows, each with its depth: the lot's top-level
    criteria, or (``detail``) every node of its tree, each parent before its children."""
    criteria = config.criteria_for(lot_id)
    if not detail:
        return tuple((c, 1) for c in criteria.criteria)
    return tuple((c, criteria.depth_of(c.id)) for c in criteria.nodes)


def node_columns(config: Config) -> tuple[Criterion, ...]:
    """Every node of every set in use, each id once, in the order of the sets: the columns of a
    table that holds offers of several lots (CSV)."""
    seen: dict[str, Criterion] = {}
    for criteria in config.sets_in_use:
        for node in criteria.nodes:
            seen.setdefault(node.id, node)
    return tuple(seen.values())


def gap_to_first(lot: LotResult, result: OfferResult) -> Fraction | None:
    """How many points the offer is behind the first of its lot (0 for the first)."""
    if result.total is None or not lot.ranked or lot.ranked[0].total is None:
        return None
    return lot.ranked[0].total - result.total


def text(value: object) -> str:
    """A cell of a CSV or Markdown table: empty when there is no value."""
    return "" if value is None else str(value)


# ---- the budget check ---------------------------------------------------------------------------


@dataclass(frozen=True)
class BudgetWords:
    """How the cells of a budget row are written: raw for CSV, in the run's language for a
    document."""

    money: Callable[[Decimal | None], str | None]
    quantity: Callable[[Decimal | None], str | None]
    rate: Callable[[Decimal | None], str | None]
    basis: Callable[[PriceBasis], str]
    verdict: Callable[[str], str]


RAW = BudgetWords(
    money_raw, quantity_raw, decimal_raw, lambda basis: basis.value, lambda verdict: verdict
)


def by_row(results: Iterable[OfferResult]) -> list[OfferResult]:
    """Offers in the order of the workbook's rows."""
    return sorted(results, key=lambda r: r.offer.row)


def checked_prices(config: Config, result: OfferResult) -> tuple[Decimal | None, Decimal | None]:
    """The prices HT and TTC checked against the caps: the compared price (base + retained
    PSE), or the base price alone when the caps do not include the PSE."""
    if result.pse and not config.consultation.caps_include_pse:
        return result.base_ht, result.base_ttc
    return result.price_ht, result.price_ttc


def budget_rows(evaluation: Evaluation, words: BudgetWords = RAW) -> list[list[str]]:
    """One row per offer and cap checked (two per offer when the basis is both): lot,
    candidate, row, day rate, days, VAT rate, prices HT and TTC, basis, cap, margin, verdict.
    The prices are those checked: base + retained PSE, or the base price alone when the caps
    do not include the PSE (``caps_include_pse: false``)."""
    placed = [(str(lot.lot.id), r) for lot in evaluation.lots for r in by_row(lot.offers)]
    unplaced = [("", r) for r in evaluation.unplaced]
    rows: list[list[str]] = []
    for lot_id, result in placed + unplaced:
        offer = result.offer
        ht, ttc = checked_prices(evaluation.config, result)
        common = [
            lot_id,
            offer.candidate or "",
            str(offer.row),
            words.money(offer.day_rate_ht) or "",
            words.quantity(offer.days) or "",
            words.rate(result.vat_rate) or "",
            words.money(ht) or "",
            words.money(ttc) or "",
        ]
        if not result.budget:
            rows.append([*common, "", "", "", words.verdict(Verdict.UNCHECKED)])
        for check in result.budget:
            cap, margin = words.money(check.cap) or "", words.money(check.margin) or ""
            checked = words.verdict(check_verdict(check))
            rows.append([*common, words.basis(check.basis), cap, margin, checked])
    return rows
