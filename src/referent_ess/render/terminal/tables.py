"""Rich tables for people at a terminal: the ranking of each lot, the budget check, the problems
found, the simulation and the sensitivity analysis. Used by the CLI only: the core never imports
rich.

Every figure comes from the evaluation through the same cells as the CSV and Markdown
(:mod:`referent_ess.render.cells`), so what a table shows is what the JSON says, rounded the same
way; the sentences under a table are :mod:`referent_ess.render.phrases`'.
"""

from collections.abc import Sequence
from fractions import Fraction
from typing import TYPE_CHECKING

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from referent_ess import i18n
from referent_ess.base.exact import round_half_up
from referent_ess.config.choices import Ordering, PriceModel
from referent_ess.config.model import Config, Criterion
from referent_ess.evaluation.budget import verdict as budget_verdict
from referent_ess.evaluation.results import Evaluation, LotResult, OfferResult
from referent_ess.i18n import tr
from referent_ess.i18n.numbers import percent, short_raw
from referent_ess.problems.problem import ValidationReport
from referent_ess.render.cells import (
    checked_prices,
    criterion_heading,
    criterion_text,
    gap_to_first,
    shown_criteria,
)
from referent_ess.render.phrases import (
    abnormal_text,
    award_note,
    budget_pse_note,
    criterion_header,
    excluded_reasons,
    formula_label,
    inputs_text,
    lot_warnings,
    neutralisation_text,
    price_note,
    sensitivity_summary,
    status_label,
    table_tie_notes,
    tree_notes,
)
from referent_ess.render.terminal.printing import keep_whole, new_table

if TYPE_CHECKING:
    from referent_ess.analysis.pse_combinations import PseComparison
    from referent_ess.analysis.sensitivity import Sensitivity
    from referent_ess.analysis.simulate import Simulation

WINNER = "★"


def _lot_title(lot: LotResult) -> str:
    return tr("lot.title", id=lot.lot.id, title=lot.lot.title)


def _caps(lot: LotResult) -> str:
    return tr("lot.caps", ht=i18n.money(lot.lot.cap_ht), ttc=i18n.money(lot.lot.cap_ttc))


def _cell(value: object) -> str:
    return "—" if value is None else str(value)


def inputs_line(evaluation: Evaluation) -> str:
    return inputs_text(evaluation)


TOP = 50  # ranked offers shown per lot in a table; --all or --format csv/json show every one


def score_tables(
    evaluation: Evaluation,
    lots: Sequence[LotResult],
    *,
    gaps: bool,
    limit: int | None = TOP,
    detail: bool = False,
) -> RenderableType:
    """Per lot: the ranked offers (the winner marked ★, unless the ranking is provisional) with
    the points of the lot's top-level criteria (``detail``: of every sub-criterion too), how
    price points were computed, what each criterion with sub-criteria is made of, ties, then
    the others with their reasons."""
    parts: list[RenderableType] = []
    for lot in lots:
        criteria = shown_criteria(evaluation.config, lot.lot.id, detail=detail)
        parts.append(Text(_lot_title(lot), style="bold"))
        parts.append(Text(f"{_caps(lot)} · {tr('lot.ranked_count', n=len(lot.ranked))}"))
        if lot.provisional:
            parts.append(Text(tr("lot.provisional"), style="bold yellow"))
        if lot.ranked:
            parts.append(_ranking(evaluation, lot, criteria, gaps=gaps, limit=limit))
            hidden = len(lot.ranked) - limit if limit is not None else 0
            if hidden > 0:
                parts.append(Text(tr("more_ranked", n=hidden), style="italic"))
            parts.append(Text(price_note(evaluation, lot), style="italic"))
            notes = tree_notes(evaluation.config, lot.lot.id)
            parts += [Text(note, style="italic") for note in notes]
            if lot.abnormal_note:
                parts.append(Text(abnormal_text(evaluation), style="italic"))
            parts += [Text(line, style="bold yellow") for line in lot_warnings(lot)]
            ties = table_tie_notes(evaluation.config, lot)
            parts += [Text(note, style="italic") for note in ties]
            if lot.award is not None and lot.award.rank != 1:
                award = tr("lot.award", candidate=lot.award.candidate, note=award_note(lot))
                parts.append(Text(award, style="bold yellow"))
        else:
            parts.append(Text(tr("lot.no_admissible"), style="yellow"))
        if lot.excluded:
            shown = lot.excluded if limit is None else lot.excluded[:limit]
            parts.append(_not_ranked(shown, tr("lot.not_ranked")))
            if len(shown) < len(lot.excluded):
                more = len(lot.excluded) - len(shown)
                parts.append(Text(tr("more_excluded", n=more), style="italic"))
        parts.append(Text(""))
    if evaluation.unplaced:
        parts.append(_not_ranked(evaluation.unplaced, tr("lot.unplaced")))
    return Group(*parts)


def _ranking(
    evaluation: Evaluation,
    lot: LotResult,
    criteria: Sequence[tuple[Criterion, int]],
    *,
    gaps: bool,
    limit: int | None = TOP,
) -> Table:
    table = new_table()
    table.add_column(tr("col.rank"), justify="right")
    table.add_column(tr("col.candidate"))
    table.add_column(tr("col.price_ht"), justify="right")
    table.add_column(tr("col.price_ttc"), justify="right")
    config = evaluation.config
    weighted = config.ordering is Ordering.WEIGHTED  # a hierarchy has no total and no gap
    for criterion, depth in criteria:
        heading = criterion_heading(criterion, config, depth).replace(" /", "\n/")
        table.add_column(heading, justify="right")
    if weighted:
        table.add_column(
            f"{tr('col.total')}\n/{short_raw(round_half_up(config.total))}", justify="right"
        )
    if gaps and weighted:
        table.add_column(tr("col.gap"), justify="right")
    for result in lot.ranked if limit is None else lot.ranked[:limit]:
        winner = lot.is_awarded(result)
        rank = f"{WINNER} {result.rank}" if winner else str(result.rank)
        cells = [
            rank,
            result.candidate,
            _cell(i18n.money(result.price_ht)),
            _cell(i18n.money(result.price_ttc)),
            *(_cell(criterion_text(result, c, config, i18n.number)) for c, _ in criteria),
        ]
        if weighted:
            cells.append(_cell(i18n.number(result.total)))
        if gaps and weighted:
            cells.append(_cell(i18n.number(gap_to_first(lot, result))))
        table.add_row(*cells, style="bold green" if winner else None)
    return keep_whole(table)


def _not_ranked(results: Sequence[OfferResult], title: str) -> Table:
    table = new_table(title)
    table.add_column(tr("col.candidate"))
    table.add_column(tr("col.row"), justify="right")
    table.add_column(tr("col.status"))
    table.add_column(tr("col.price_ht"), justify="right")
    table.add_column(tr("col.reasons"))
    for result in results:
        table.add_row(
            result.candidate,
            str(result.offer.row),
            status_label(result.status),
            _cell(i18n.money(result.price_ht)),
            "\n".join(excluded_reasons(result)),
        )
    return keep_whole(table, wrappable=(tr("col.candidate"), tr("col.reasons")))


def budget_tables(evaluation: Evaluation) -> RenderableType:
    """Per lot: its caps, and every offer's price against the cap it is checked on."""
    basis = evaluation.config.consultation.cap_basis.value.upper()
    parts: list[RenderableType] = []
    for lot in evaluation.lots:
        caption = f"{_caps(lot)} · {tr('budget.checked_on', basis=basis)}"
        pse = budget_pse_note(evaluation.config, lot.lot)
        caption += f" · {pse}" if pse else ""
        parts += [_budget_table(_lot_title(lot), caption, lot.offers, evaluation), Text("")]
    if evaluation.unplaced:
        title = tr("budget.unplaced")
        parts.append(_budget_table(title, None, evaluation.unplaced, evaluation))
    return Group(*parts)


def by_day_rate(results: Sequence[OfferResult], evaluation: Evaluation) -> bool:
    """Whether the day rate and days columns belong in a table: some offer of it is for a lot
    priced by day rate (an offer of no known lot: when it states them). Else they would be
    empty: a lot priced as a lump sum or line by line."""
    config = evaluation.config
    return any(
        config.price_model_for(r.offer.lot) is PriceModel.DAY_RATE
        or (
            (r.offer.lot is None or config.lot(r.offer.lot) is None)
            and r.offer.day_rate_ht is not None
        )
        for r in results
    )


def _budget_table(
    title: str, caption: str | None, results: Sequence[OfferResult], evaluation: Evaluation
) -> Table:
    table = new_table(title, caption)
    table.add_column(tr("col.candidate"))
    day_rate = by_day_rate(results, evaluation)
    keys = ("row", "day_rate", "days", "vat", "price_ht", "price_ttc", "cap", "margin")
    for key in keys if day_rate else tuple(k for k in keys if k not in ("day_rate", "days")):
        table.add_column(tr(f"col.{key}"), justify="right")
    table.add_column(tr("col.check"))
    table.add_column(tr("col.note"))
    for result in sorted(results, key=lambda r: r.offer.row):
        checks = result.budget
        verdict = budget_verdict(result)
        low = any(w.code == "abnormally-low" for w in result.warnings)
        checked_ht, checked_ttc = checked_prices(evaluation.config, result)
        rate = (
            [_cell(i18n.money(result.offer.day_rate_ht)), _cell(i18n.quantity(result.offer.days))]
            if day_rate
            else []
        )
        table.add_row(
            result.candidate,
            str(result.offer.row),
            *rate,
            _cell(percent(result.vat_rate)),
            _cell(i18n.money(checked_ht)),
            _cell(i18n.money(checked_ttc)),
            "\n".join(f"{i18n.money(c.cap)} {c.basis.upper()}" for c in checks) or "—",
            "\n".join(_cell(i18n.money(c.margin)) for c in checks) or "—",
            tr(f"verdict.{verdict}"),
            tr("budget.abnormally_low") if low else "",
            style={"over": "bold red", "unchecked": "yellow"}.get(verdict),
        )
    return keep_whole(table)


def problems_table(report: ValidationReport) -> Table:
    table = new_table(tr("problems"))
    for key in ("severity", "where", "field", "code", "message"):
        table.add_column(tr(f"col.{key}"))
    for problem in report.problems:
        table.add_row(
            tr(f"severity.{problem.severity.value}"),
            problem.place(tr("word.sheet"), tr("punct.colon")),
            problem.shown_field(report.headings),
            problem.code,
            i18n.message(problem.code, problem.params),
            style="red" if problem.is_error else "yellow",
        )
    return keep_whole(table, wrappable=(tr("col.candidate"), tr("col.message")))


def simulation_table(simulation: "Simulation", evaluation: Evaluation) -> RenderableType:
    """Each offer's rank and total under every price formula, side by side."""
    lot = evaluation.lot(simulation.lot_id)
    assert lot is not None
    table = new_table(tr("sim.title", id=lot.lot.id))
    table.add_column(tr("sim.col.candidate"))
    for variant in simulation.variants:
        label = formula_label(variant.name)
        table.add_column(tr("sim.col.rank", formula=label), justify="right")
        table.add_column(tr("sim.col.total", formula=label), justify="right")
    by_row = {v.name: {r.offer.row: r for r in v.lot.ranked} for v in simulation.variants}
    for result in lot.ranked:
        cells = [result.candidate]
        for variant in simulation.variants:
            found = by_row[variant.name].get(result.offer.row)
            cells += [
                _cell(found.rank if found else None),
                _cell(i18n.number(found.total) if found and found.total is not None else None),
            ]
        table.add_row(*cells)
    parts: list[RenderableType] = [keep_whole(table)]
    verdict = tr("sim.changes") if simulation.winner_changes else tr("sim.same")
    parts.append(Text(verdict, style="bold"))
    parts += [
        Text(neutralisation_text(v.neutralisation), style="yellow")
        for v in simulation.variants
        if v.neutralisation is not None
    ]
    return Group(*parts)


def pse_table(comparison: "PseComparison", evaluation: Evaluation) -> RenderableType:
    """The lot's first ranked and ranking under each combination of its PSE, the configured
    one marked."""
    from referent_ess.render.pse_view import combination_cells, pse_verdict

    lot = evaluation.lot(comparison.lot_id)
    assert lot is not None
    table = new_table(tr("pse.title", id=lot.lot.id, title=lot.lot.title))
    table.add_column(tr("pse.col.retained"))
    table.add_column(tr("pse.col.configured"))
    table.add_column(tr("pse.col.winner"))
    table.add_column(tr("pse.col.price"), justify="right")
    table.add_column(tr("pse.col.ranking"))
    for combination in comparison.combinations:
        style = "bold" if combination.configured else None
        table.add_row(*combination_cells(combination), style=style)
    parts: list[RenderableType] = [
        keep_whole(table, wrappable=(tr("pse.col.retained"), tr("pse.col.ranking"))),
        Text(pse_verdict(comparison), style="bold"),
    ]
    if lot.provisional:
        parts.append(Text(tr("pse.provisional"), style="yellow"))
    return Group(*parts)


def sensitivity_tables(analysis: "Sensitivity", config: Config | None = None) -> RenderableType:
    """The weight transfers that change the winner, leave-one-out, and random draws."""
    lot = analysis.lot
    parts: list[RenderableType] = [
        Text(tr("sens.title", id=lot.lot.id, name=analysis.winner.candidate), style="bold"),
        Text(sensitivity_summary(analysis)),
    ]
    if analysis.transfers:
        table = new_table(tr("sens.transfers"))
        table.add_column(tr("sens.col.from"))
        table.add_column(tr("sens.col.to"))
        table.add_column(tr("sens.col.points"), justify="right")
        table.add_column(tr("sens.col.then_first"))
        for transfer in sorted(analysis.transfers, key=lambda t: t.points):
            lot_id = analysis.lot.lot.id
            table.add_row(
                criterion_header(config, transfer.source, lot_id) if config else transfer.source,
                criterion_header(config, transfer.target, lot_id) if config else transfer.target,
                i18n.number(transfer.points),
                transfer.challenger.candidate,
            )
        parts.append(keep_whole(table))
    if analysis.leave_one_out:
        table = new_table(tr("sens.loo"))
        table.add_column(tr("sens.col.without"))
        table.add_column(tr("sens.col.winner"))
        table.add_column(tr("sens.col.changes"))
        for loo in analysis.leave_one_out:
            table.add_row(
                loo.removed.candidate,
                loo.winner.candidate if loo.winner else tr("sens.no_single_winner"),
                tr("sens.yes") if loo.changed else tr("sens.no"),
                style="bold yellow" if loo.changed else None,
            )
        parts.append(keep_whole(table))
    if analysis.samples:
        table = new_table(tr("sens.draws", n=analysis.samples))
        table.add_column(tr("sens.col.candidate"))
        table.add_column(tr("sens.col.wins"), justify="right")
        table.add_column(tr("sens.col.share"), justify="right")
        for result in lot.ranked:
            wins = analysis.wins.get(result.offer.row, 0)
            share = i18n.number(Fraction(wins * 100, analysis.samples), 1)
            table.add_row(result.candidate, str(wins), tr("sens.share", share=share))
        parts.append(keep_whole(table))
    return Group(*parts)
