"""One lot of the HTML report: its ranking, notes, chart, the jury's comments, the points to
check and the offers not ranked (with their reasons and legal basis); and the offers without a
lot, which make every ranking provisional."""

from collections.abc import Iterable, Iterator, Sequence

from referent_ess import i18n
from referent_ess.config.choices import PriceFormula
from referent_ess.config.consultation import Config
from referent_ess.evaluation.kernel import max_points
from referent_ess.evaluation.results import Evaluation, LotResult, OfferResult, Status
from referent_ess.i18n import numbers, tr
from referent_ess.problems.problem import Problem
from referent_ess.render.cells import gap_to_first
from referent_ess.render.html.chart import lot_chart
from referent_ess.render.html.markup import (
    compact,
    counted,
    escape,
    figure,
    is_winner,
    money_cell,
    points_cell,
    short_label,
)
from referent_ess.render.phrases import (
    basis_words,
    criterion_label,
    formula_described,
    formula_text,
    reasons_with_caps,
    report_reason,
    status_explained,
    status_label,
    vat_mix_note,
)


def lot_section(evaluation: Evaluation, lot: LotResult) -> str:
    """Everything about one lot; it starts a new page when printed."""
    lot_id = lot.lot.id
    basis = basis_words(evaluation.config.consultation.cap_basis)
    facts = tr(
        "doc.html.lot.facts",
        ht=f"<strong>{tr('doc.amount.ht', amount=numbers.money(lot.lot.cap_ht))}</strong>",
        ttc=f"<strong>{tr('doc.amount.ttc', amount=numbers.money(lot.lot.cap_ttc))}</strong>",
        basis=basis,
        received=counted("doc.html.received", len(lot.offers)),
        ranked=counted("doc.html.ranked", len(lot.ranked)),
        excluded=counted("doc.html.excluded", len(lot.excluded)),
    )
    parts = [
        f'<section class="lot" id="lot-{lot_id}" aria-labelledby="lot-{lot_id}-titre">',
        f'<h2 id="lot-{lot_id}-titre"><span class="lot-no">{tr("doc.lot", lot=lot_id)}</span> '
        f"{escape(lot.lot.title)}</h2>",
        f'<p class="lot-facts">{facts}</p>',
    ]
    if lot.provisional:
        parts.append(_provisional_alert(evaluation, lot))
    parts.append(f"<h3>{tr('doc.html.lot.ranking')}</h3>")
    if lot.ranked:
        parts.append(_ranking_table(evaluation, lot))
        notes = [_price_note(evaluation, lot), *_tie_notes(evaluation.config, lot)]
        parts.append('<div class="notes">' + "".join(f"<p>{n}</p>" for n in notes) + "</div>")
        parts.append(lot_chart(evaluation.config, lot))
    else:
        parts.append(f'<p class="empty">{tr("doc.no_ranking")}</p>')
    parts.append(_comments(evaluation.config, lot))
    parts.append(_warnings(lot.offers))
    parts.append(f"<h3>{tr('lot.not_ranked')}</h3>")
    if lot.excluded:
        parts.append(excluded_table(evaluation.config, lot.excluded))
    else:
        parts.append(f'<p class="empty">{tr("doc.html.lot.none_excluded")}</p>')
    parts.append("</section>")
    return "\n".join(part for part in parts if part)


def _provisional_alert(evaluation: Evaluation, lot: LotResult) -> str:
    rows = sorted(
        [r.offer.row for r in lot.excluded if r.status is Status.INVALID]
        + [r.offer.row for r in evaluation.unplaced]
    )
    where = ", ".join(str(row) for row in rows)
    lead = f"<strong>{tr('doc.provisional')}</strong>{tr('punct.colon')}"
    return f'<p class="alert">{lead}{counted("doc.html.provisional", len(rows), rows=where)}</p>'


def _ranking_table(evaluation: Evaluation, lot: LotResult) -> str:
    """Rank, candidate, prices, points per criterion, total and gap; the winner highlighted."""
    config = evaluation.config
    heads = [
        f'<th scope="col" class="num">{tr("col.rank")}</th>',
        f'<th scope="col">{tr("col.candidate")}</th>',
        f'<th scope="col" class="num">{tr("doc.col.price_ht")}</th>',
        f'<th scope="col" class="num">{tr("doc.col.price_ttc")}</th>',
    ]
    for criterion in config.criteria:
        top = compact(max_points(config.total, criterion.weight))
        heads.append(
            f'<th scope="col" class="num crit"><span class="crit-label" '
            f'title="{escape(criterion.label)}">{escape(short_label(criterion.label))}'
            f'</span><span class="max">/{top}</span></th>'
        )
    heads.append(
        f'<th scope="col" class="num">{tr("col.total")}'
        f'<span class="max">/{compact(config.total)}</span></th>'
    )
    heads.append(f'<th scope="col" class="num">{tr("doc.col.gap")}</th>')
    rows = []
    for result in lot.ranked:
        winner = is_winner(lot, result)
        assert result.total is not None
        gap = gap_to_first(lot, result)
        name = escape(result.candidate)
        if winner:
            name = f'<strong>{name}</strong> <span class="badge">{tr("doc.html.winner")}</span>'
        cells = [
            f'<td class="num rank">{result.rank}</td>',
            f'<th scope="row" class="candidate">{name}</th>',
            f'<td class="num">{money_cell(result.price_ht)}</td>',
            f'<td class="num">{money_cell(result.price_ttc)}</td>',
            *(
                f'<td class="num">{points_cell(result.points.get(c.id))}</td>'
                for c in config.criteria
            ),
            f'<td class="num total">{figure(result.total)}</td>',
            f'<td class="num">{points_cell(gap)}</td>',
        ]
        css = ' class="winner"' if winner else ""
        rows.append(f"<tr{css}>{''.join(cells)}</tr>")
    caption = tr("doc.html.lot.caption", lot=lot.lot.id)
    return (
        f'<table class="ranking"><caption class="visually-hidden">{caption}</caption>'
        f"<thead><tr>{''.join(heads)}</tr></thead>"
        f"<tbody>{''.join(rows)}</tbody></table>"
    )


def _price_note(evaluation: Evaluation, lot: LotResult) -> str:
    """How the lot's price points were computed, with the Pmin (and Pmax) used."""
    config = evaluation.config
    criterion = config.price_criterion
    rule = criterion.price
    assert rule is not None
    top = compact(max_points(config.total, criterion.weight))
    basis = rule.basis.value.upper()
    formula = formula_text(rule.formula, top)
    if rule.formula is PriceFormula.GAP:
        formula += f", k = {compact(rule.k)}"
    figures = f"Pmin = {money_cell(lot.lowest_price)}"
    if rule.formula is PriceFormula.LINEAR:
        figures += f", Pmax = {money_cell(lot.highest_price)}"
    note = tr(
        "doc.price_note",
        lead=f"<strong>{tr('doc.price_points')}</strong>",
        criterion=escape(criterion.label),
        formula=formula_described(rule.formula),
        basis=basis,
        expression=formula,
        figures=figures,
    )
    return note + vat_mix_note(lot, basis)


def _tie_notes(config: Config, lot: LotResult) -> list[str]:
    """One sentence per exact tie: who tied, what decided, who still shares a rank."""
    notes = []
    for tie in lot.ties:
        names = numbers.listed([escape(r.candidate) for r in tie.offers])
        lead = f"<strong>{tr('doc.tie')}</strong>"
        note = tr("doc.html.tie", lead=lead, total=figure(tie.total), names=names)
        if tie.decided_by is not None:
            figures = tr("punct.semicolon").join(
                points_cell(r.points.get(tie.decided_by)) for r in tie.offers
            )
            label = escape(criterion_label(config, tie.decided_by))
            note += tr("doc.tie.decided", criterion=label, figures=figures)
        else:
            note += tr("note.tie_undecided")
        for same in tie.shared:
            shared = numbers.listed([escape(r.candidate) for r in same])
            note += tr("doc.tie.shared", names=shared, rank=same[0].rank)
        notes.append(note + ".")
    return notes


def _comments(config: Config, lot: LotResult) -> str:
    """The jury's written justification next to the points it explains (R2181-3)."""
    rows = []
    for result in lot.offers:
        for criterion in config.criteria:
            comment = result.offer.comments.get(criterion.id)
            if not comment:
                continue
            top = compact(max_points(config.total, criterion.weight))
            rows.append(
                f'<tr><th scope="row" class="candidate">{escape(result.candidate)}</th>'
                f'<td title="{escape(criterion.label)}">{escape(short_label(criterion.label))}'
                f'</td><td class="num">{points_cell(result.points.get(criterion.id))} / {top}</td>'
                f'<td class="comment">{escape(comment)}</td></tr>'
            )
    if not rows:
        return ""
    head = (
        f'<tr><th scope="col">{tr("col.candidate")}</th>'
        f'<th scope="col">{tr("doc.col.criterion")}</th>'
        f'<th scope="col" class="num">{tr("doc.col.points")}</th>'
        f'<th scope="col">{tr("doc.col.comment")}</th></tr>'
    )
    return (
        f"<h3>{tr('doc.html.comments')}</h3>\n"
        f'<table class="comments"><thead>{head}</thead><tbody>{"".join(rows)}</tbody></table>'
    )


def _warnings(results: Iterable[OfferResult]) -> str:
    """Warnings do not change a result, but a buyer may have to explain them."""
    colon = tr("punct.colon")
    items = [
        f"<li><strong>{escape(result.candidate)}</strong>{colon}{_warning_text(problem)}</li>"
        for result in results
        for problem in result.warnings
    ]
    if not items:
        return ""
    return f'<h3>{tr("doc.html.warnings")}</h3>\n<ul class="warnings">{"".join(items)}</ul>'


def _warning_text(problem: Problem) -> str:
    cell = ", " + tr("doc.cell", cell=escape(problem.cell)) if problem.cell else ""
    message = i18n.message(problem.code, problem.params, problem.message)
    detail = f'<span class="detail">({escape(message)}{cell})</span>'
    key = f"doc.html.warning.{problem.code}"  # what it means for the buyer, where worded
    lead = tr(key) if i18n.has(key) else tr("severity.warning")
    return f"{escape(lead)} {detail}"


def excluded_table(config: Config, results: Sequence[OfferResult]) -> str:
    """Offers not ranked: status in French, each reason with its cell and legal basis."""
    rows = []
    for result in results:
        status = (
            f'<strong>{status_label(result.status)}</strong><span class="sub">'
            f"{status_explained(result.status)}</span>"
        )
        reasons = "".join(f"<li>{text}</li>" for text in _reason_items(config, result))
        rows.append(
            f'<tr><th scope="row" class="candidate">{escape(result.candidate)}</th>'
            f'<td class="num">{result.offer.row}</td>'
            f"<td>{status}</td>"
            f'<td class="num">{money_cell(result.price_ht)}</td>'
            f'<td class="num">{money_cell(result.price_ttc)}</td>'
            f'<td><ul class="reasons">{reasons}</ul></td></tr>'
        )
    head = (
        f'<tr><th scope="col">{tr("col.candidate")}</th>'
        f'<th scope="col" class="num">{tr("col.row")}</th>'
        f'<th scope="col">{tr("col.status")}</th>'
        f'<th scope="col" class="num">{tr("doc.col.price_ht")}</th>'
        f'<th scope="col" class="num">{tr("doc.col.price_ttc")}</th>'
        f'<th scope="col">{tr("doc.html.col.reasons")}</th></tr>'
    )
    return f'<table class="excluded"><thead>{head}</thead><tbody>{"".join(rows)}</tbody></table>'


def _reason_items(config: Config, result: OfferResult) -> Iterator[str]:
    """Each reason in French, its cell, and its legal basis (or why it has none)."""
    for reason, check in reasons_with_caps(result):
        text = escape(report_reason(config, result, reason, check, "\u00a0"))
        cell = (
            f' <span class="cell">({tr("doc.cell", cell=escape(reason.cell))})</span>'
            if reason.cell
            else ""
        )
        basis = reason.legal_basis or tr("no_ground")
        yield f'{text}{cell}<span class="legal">{escape(basis)}</span>'


def unplaced_section(evaluation: Evaluation) -> str:
    """Rows whose lot could not be read: listed, since they make every ranking provisional."""
    if not evaluation.unplaced:
        return ""
    return (
        '<section class="unplaced" id="sans-lot" aria-labelledby="sans-lot-titre">\n'
        f'<h2 id="sans-lot-titre">{tr("lot.unplaced")}</h2>\n'
        f"<p>{tr('doc.html.unplaced')}</p>\n"
        f"{excluded_table(evaluation.config, evaluation.unplaced)}\n</section>"
    )
