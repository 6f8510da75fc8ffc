"""Rich tables for people at a terminal. Used by the CLI only: the core never imports rich.

Every figure comes from the evaluation through :mod:`referent_ess.render.formats`, so what a
table shows is what the JSON says, rounded the same way.
"""

from collections.abc import Iterator, Sequence
from fractions import Fraction
from typing import TYPE_CHECKING, Any

from rich import box
from rich.cells import cell_len
from rich.console import Console, Group, RenderableType
from rich.table import Table
from rich.text import Text

from referent_ess import i18n
from referent_ess.base.exact import round_half_up
from referent_ess.base.values import percent
from referent_ess.config.choices import Ordering
from referent_ess.config.consultation import Criterion
from referent_ess.evaluation.budget import verdict as budget_verdict
from referent_ess.evaluation.results import Evaluation, LotResult, OfferResult
from referent_ess.i18n import tr
from referent_ess.problems.problem import ValidationReport
from referent_ess.render.formats import (
    abnormal_text,
    award_note,
    criterion_heading,
    criterion_value,
    excluded_reasons,
    gap_to_first,
    inputs_text,
    price_note,
    quantity,
    tie_notes,
)

if TYPE_CHECKING:
    from referent_ess.analysis.sensitivity import Sensitivity
    from referent_ess.analysis.simulate import Simulation

WINNER = "★"


def _lot_title(lot: LotResult) -> str:
    return tr("lot.title", id=lot.lot.id, title=lot.lot.title)


def _caps(lot: LotResult) -> str:
    return tr("lot.caps", ht=i18n.money(lot.lot.cap_ht), ttc=i18n.money(lot.lot.cap_ttc))


def _cell(value: object) -> str:
    return "—" if value is None else str(value)


def _table(title: str | None = None, caption: str | None = None) -> Table:
    return Table(
        title=title,
        caption=caption,
        title_justify="left",
        caption_justify="left",
        box=box.SIMPLE_HEAD,
        pad_edge=False,
        show_edge=False,
    )


def inputs_line(evaluation: Evaluation) -> str:
    return inputs_text(evaluation)


TOP = 50  # ranked offers shown per lot in a table; --all or --format csv/json show every one


def score_tables(
    evaluation: Evaluation, lots: Sequence[LotResult], *, gaps: bool, limit: int | None = TOP
) -> RenderableType:
    """Per lot: the ranked offers (the winner marked ★, unless the ranking is provisional), how
    price points were computed, ties, then the others with their reasons."""
    criteria = evaluation.config.criteria
    parts: list[RenderableType] = []
    for lot in lots:
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
            if lot.abnormal_note:
                parts.append(Text(abnormal_text(evaluation), style="italic"))
            parts += [Text(note, style="italic") for note in tie_notes(lot)]
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
    criteria: Sequence[Criterion],
    *,
    gaps: bool,
    limit: int | None = TOP,
) -> Table:
    table = _table()
    table.add_column(tr("col.rank"), justify="right")
    table.add_column(tr("col.candidate"))
    table.add_column(tr("col.price_ht"), justify="right")
    table.add_column(tr("col.price_ttc"), justify="right")
    config = evaluation.config
    weighted = config.ordering is Ordering.WEIGHTED  # a hierarchy has no total and no gap
    for criterion in criteria:
        table.add_column(criterion_heading(criterion, config).replace(" ", "\n"), justify="right")
    if weighted:
        table.add_column(
            f"{tr('col.total')}\n/{_short(round_half_up(config.total))}", justify="right"
        )
    if gaps and weighted:
        table.add_column(tr("col.gap"), justify="right")
    for result in lot.ranked if limit is None else lot.ranked[:limit]:
        winner = result.rank == 1 and not lot.provisional
        rank = f"{WINNER} {result.rank}" if winner else str(result.rank)
        cells = [
            rank,
            result.candidate,
            _cell(i18n.money(result.price_ht)),
            _cell(i18n.money(result.price_ttc)),
            *(_cell(i18n.number(criterion_value(result, c, config))) for c in criteria),
        ]
        if weighted:
            cells.append(_cell(i18n.number(result.total)))
        if gaps and weighted:
            cells.append(_cell(i18n.number(gap_to_first(lot, result))))
        table.add_row(*cells, style="bold green" if winner else None)
    return keep_whole(table)


def _not_ranked(results: Sequence[OfferResult], title: str) -> Table:
    table = _table(title)
    table.add_column(tr("col.candidate"))
    table.add_column(tr("col.row"), justify="right")
    table.add_column(tr("col.status"))
    table.add_column(tr("col.price_ht"), justify="right")
    table.add_column(tr("col.reasons"))
    for result in results:
        table.add_row(
            result.candidate,
            str(result.offer.row),
            tr(f"status.{result.status.value}"),
            _cell(i18n.money(result.price_ht)),
            "\n".join(excluded_reasons(result)),
        )
    return keep_whole(table, wrappable=(tr("col.candidate"), tr("col.reasons")))


def _short(value: object) -> str:
    text = str(value)
    return text[:-3] if text.endswith(".00") else text


def budget_tables(evaluation: Evaluation) -> RenderableType:
    """Per lot: its caps, and every offer's price against the cap it is checked on."""
    basis = evaluation.config.consultation.cap_basis.value.upper()
    parts: list[RenderableType] = []
    for lot in evaluation.lots:
        caption = f"{_caps(lot)} · {tr('budget.checked_on', basis=basis)}"
        parts += [_budget_table(_lot_title(lot), caption, lot.offers), Text("")]
    if evaluation.unplaced:
        title = tr("budget.unplaced")
        parts.append(_budget_table(title, None, evaluation.unplaced))
    return Group(*parts)


def _budget_table(title: str, caption: str | None, results: Sequence[OfferResult]) -> Table:
    table = _table(title, caption)
    table.add_column(tr("col.candidate"))
    for key in ("row", "day_rate", "days", "vat", "price_ht", "price_ttc", "cap", "margin"):
        table.add_column(tr(f"col.{key}"), justify="right")
    table.add_column(tr("col.check"))
    table.add_column(tr("col.note"))
    for result in sorted(results, key=lambda r: r.offer.row):
        checks = result.budget
        verdict = budget_verdict(result)
        low = any(w.code == "abnormally-low" for w in result.warnings)
        table.add_row(
            result.candidate,
            str(result.offer.row),
            _cell(i18n.money(result.offer.day_rate_ht)),
            _cell(_days(result)),
            _cell(_percent(result)),
            _cell(i18n.money(result.price_ht)),
            _cell(i18n.money(result.price_ttc)),
            "\n".join(f"{i18n.money(c.cap)} {c.basis.upper()}" for c in checks) or "—",
            "\n".join(_cell(i18n.money(c.margin)) for c in checks) or "—",
            tr(f"verdict.{verdict}"),
            tr("budget.abnormally_low") if low else "",
            style={"over": "bold red", "unchecked": "yellow"}.get(verdict),
        )
    return keep_whole(table)


def _days(result: OfferResult) -> str | None:
    days = quantity(result.offer.days)
    return days.replace(".", ",") if days and i18n.current() == "fr" else days


def _percent(result: OfferResult) -> str | None:
    if result.vat_rate is None:
        return None
    return percent(result.vat_rate)


def problems_table(report: ValidationReport) -> Table:
    table = _table(tr("problems"))
    for key in ("severity", "where", "field", "code", "message"):
        table.add_column(tr(f"col.{key}"))
    for problem in report.problems:
        table.add_row(
            tr(f"severity.{problem.severity.value}"),
            problem.place(tr("word.sheet"), tr("punct.colon")),
            problem.field or "",
            problem.code,
            i18n.message(problem.code, problem.params, problem.message),
            style="red" if problem.is_error else "yellow",
        )
    return keep_whole(table, wrappable=(tr("col.candidate"), tr("col.message")))


def keep_whole(table: Table, *, wrappable: Sequence[str] | None = None) -> Table:
    """Never truncate a figure: every column but the text ones is at least as wide as its cells."""
    if wrappable is None:
        wrappable = (tr("col.candidate"), tr("col.message"))
    for column in table.columns:
        if str(column.header) in wrappable:
            column.min_width = 12
            continue
        lines = [line for cell in column.cells for line in str(cell).splitlines()]
        lines += str(column.header).splitlines()
        column.min_width = max([len(line) for line in lines] + [1])
        column.no_wrap = True
    return table


# Cells hold the buyer's data: a candidate named "Coop [b]" or "A :star: B" is printed as typed,
# never read as rich markup or emoji codes (and "[/]" in a name must not crash the table).
_PLAIN: dict[str, Any] = {"highlight": False, "soft_wrap": False, "markup": False, "emoji": False}


def print_wide(renderable: RenderableType) -> None:
    """Print to stdout without ever truncating a figure.

    On a terminal, at its width (or wider, if the table cannot fit: the terminal then wraps).
    Elsewhere (a file, a pipe), as wide as the content needs, without trailing spaces, written
    as it is rendered.
    """
    console = make_console()
    if not console.is_terminal:
        for piece in plain_parts(renderable):
            console.file.write(piece)
        return
    measured = console.measure(renderable, options=console.options.update_width(10_000))
    if measured.minimum > console.width:
        console = Console(**_PLAIN, width=measured.minimum)
    console.print(renderable)


def render_plain(renderable: RenderableType) -> str:
    """The renderable as plain text, as wide as it needs, for a file or a pipe."""
    return "".join(plain_parts(renderable))


ROWS_PER_PIECE = 500


def plain_parts(renderable: RenderableType) -> Iterator[str]:
    """:func:`render_plain` in pieces, to be written as they come: a table of every offer of a
    large lot is rendered 500 rows at a time, its columns sized once from their content.

    Printed on a console wide enough for anything, then stripped of trailing spaces: tables do
    not expand, so each takes its natural width, and nothing is measured."""
    wide = Console(**_PLAIN, width=10_000, color_system=None)
    for part in _flat(renderable):
        pieces = _pieces(part, ROWS_PER_PIECE) if isinstance(part, Table) else [part]
        for piece in pieces:
            with wide.capture() as capture:
                wide.print(piece)
            yield "".join(line.rstrip() + "\n" for line in capture.get().splitlines())


def _flat(renderable: RenderableType) -> Iterator[RenderableType]:
    """The renderables of a group, and of the groups in it, in order."""
    if isinstance(renderable, Group):
        for part in renderable.renderables:
            yield from _flat(part)
    else:
        yield renderable


def _pieces(table: Table, size: int) -> Iterator[Table]:
    """The table sized to its content, cut into tables of ``size`` rows that print as it does:
    the title and header on the first, the caption on the last (the box has no outer lines)."""
    _size_to_content(table)
    if table.row_count <= size:
        yield table
        return
    cells = [list(column.cells) for column in table.columns]
    for start in range(0, table.row_count, size):
        end = min(start + size, table.row_count)
        piece = Table(
            title=table.title if start == 0 else None,
            caption=table.caption if end == table.row_count else None,
            title_justify=table.title_justify,
            caption_justify=table.caption_justify,
            box=table.box,
            pad_edge=table.pad_edge,
            show_edge=table.show_edge,
            show_header=table.show_header and start == 0,
        )
        for column in table.columns:
            piece.add_column(
                column.header,
                justify=column.justify,
                width=column.width,
                no_wrap=column.no_wrap,
                style=column.style,
                header_style=column.header_style,
            )
        for index in range(start, end):
            piece.add_row(*(column[index] for column in cells), style=table.rows[index].style)
        yield piece


def _size_to_content(table: Table) -> None:
    """Each column as wide as its widest line (or its minimum width, if more): nothing to measure
    when nothing wraps (rich measures every cell otherwise: seconds for a table of every offer)."""
    for column in table.columns:
        lines = [line for cell in (column.header, *column.cells) for line in str(cell).split("\n")]
        column.width = max(*map(cell_len, lines), column.min_width or 0)


def make_console() -> Console:
    """A console that writes plain text when not on a terminal or when NO_COLOR is set."""
    return Console(**_PLAIN)


def simulation_table(simulation: "Simulation", evaluation: Evaluation) -> RenderableType:
    """Each offer's rank and total under every price formula, side by side."""
    from referent_ess.render.analysis_formats import formula_label, neutralisation_text

    lot = evaluation.lot(simulation.lot_id)
    assert lot is not None
    table = _table(tr("sim.title", id=lot.lot.id))
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


def sensitivity_tables(analysis: "Sensitivity") -> RenderableType:
    """The weight transfers that change the winner, leave-one-out, and random draws."""
    from referent_ess.render.analysis_formats import sensitivity_summary

    lot = analysis.lot
    parts: list[RenderableType] = [
        Text(tr("sens.title", id=lot.lot.id, name=analysis.winner.candidate), style="bold"),
        Text(sensitivity_summary(analysis)),
    ]
    if analysis.transfers:
        table = _table(tr("sens.transfers"))
        table.add_column(tr("sens.col.from"))
        table.add_column(tr("sens.col.to"))
        table.add_column(tr("sens.col.points"), justify="right")
        table.add_column(tr("sens.col.then_first"))
        for transfer in sorted(analysis.transfers, key=lambda t: t.points):
            table.add_row(
                transfer.source,
                transfer.target,
                i18n.number(transfer.points),
                transfer.challenger.candidate,
            )
        parts.append(keep_whole(table))
    if analysis.leave_one_out:
        table = _table(tr("sens.loo"))
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
        table = _table(tr("sens.draws", n=analysis.samples))
        table.add_column(tr("sens.col.candidate"))
        table.add_column(tr("sens.col.wins"), justify="right")
        table.add_column(tr("sens.col.share"), justify="right")
        for result in lot.ranked:
            wins = analysis.wins.get(result.offer.row, 0)
            share = i18n.number(Fraction(wins * 100, analysis.samples), 1)
            table.add_row(result.candidate, str(wins), tr("sens.share", share=share))
        parts.append(keep_whole(table))
    return Group(*parts)
