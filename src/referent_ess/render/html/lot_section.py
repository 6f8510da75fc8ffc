"""One lot of the HTML report: its ranking, notes, chart, the jury's comments, the points to
check and the offers not ranked (with their reasons and legal basis); and the offers without a
lot, which make every ranking provisional."""

from collections.abc import Iterator, Sequence

from referent_ess import i18n
from referent_ess.config.model import Config
from referent_ess.evaluation.kernel import max_points
from referent_ess.evaluation.results import Evaluation, LotResult, OfferResult, Status
from referent_ess.i18n import numbers, tr
from referent_ess.problems.problem import Problem
from referent_ess.render.cells import gap_to_first
from referent_ess.render.document_phrases import (
    indented_label,
    lead_of,
    offer_name,
    report_price_note,
    report_reason,
    report_tie_notes,
    report_tree_notes,
)
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
    legal_basis,
    reasons_with_caps,
    round_lines,
    status_explained,
    status_label,
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
        parts.append(_detail_table(evaluation, lot))
        parts.append(f'<div class="notes">{_notes(evaluation, lot)}</div>')
        parts.append(lot_chart(evaluation.config, lot))
    else:
        parts.append(f'<p class="empty">{tr("doc.no_ranking")}</p>')
    revised = round_lines(lot)
    if revised:
        items = "".join(f"<li>{escape(line)}</li>" for line in revised)
        parts.append(f'<h3>{escape(tr("rounds.title"))}</h3>\n<ul class="rounds">{items}</ul>')
    parts.append(_comments(evaluation.config, lot))
    parts.append(_warnings(lot))
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
    """Rank, candidate, prices, points per top-level criterion of the lot, total and gap; the
    winner highlighted."""
    config = evaluation.config
    criteria = config.criteria_for(lot.lot.id).criteria
    heads = [
        f'<th scope="col" class="num">{tr("col.rank")}</th>',
        f'<th scope="col">{tr("col.candidate")}</th>',
        f'<th scope="col" class="num">{tr("doc.col.price_ht")}</th>',
        f'<th scope="col" class="num">{tr("doc.col.price_ttc")}</th>',
    ]
    for criterion in criteria:
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
        name = escape(offer_name(result))
        if winner:
            name = f'<strong>{name}</strong> <span class="badge">{tr("doc.html.winner")}</span>'
        cells = [
            f'<td class="num rank">{result.rank}</td>',
            f'<th scope="row" class="candidate">{name}</th>',
            f'<td class="num">{money_cell(result.price_ht)}</td>',
            f'<td class="num">{money_cell(result.price_ttc)}</td>',
            *(f'<td class="num">{points_cell(result.points.get(c.id))}</td>' for c in criteria),
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


def _detail_table(evaluation: Evaluation, lot: LotResult) -> str:
    """The points of every sub-criterion of the lot's criteria, offer by offer in rank order
    (nothing when the lot's criteria have none): the detail a candidate may ask for."""
    config = evaluation.config
    criteria = config.criteria_for(lot.lot.id)
    nodes = [n for n in criteria.nodes if criteria.depth_of(n.id) > 1]
    if not nodes:
        return ""
    heads = [f'<th scope="col">{tr("col.candidate")}</th>']
    for node in nodes:
        top = compact(max_points(config.total, node.weight))
        parent = criteria.parent_of(node.id)
        whole = f"{parent.label} — {node.label}" if parent is not None else node.label
        label = indented_label(short_label(node.label), criteria.depth_of(node.id) - 1)
        heads.append(
            f'<th scope="col" class="num crit"><span class="crit-label" '
            f'title="{escape(whole)}">{escape(label)}</span><span class="max">/{top}</span></th>'
        )
    rows = [
        f'<tr><th scope="row" class="candidate">{escape(offer_name(result))}</th>'
        + "".join(f'<td class="num">{points_cell(result.points.get(n.id))}</td>' for n in nodes)
        + "</tr>"
        for result in lot.ranked
    ]
    caption = tr("doc.html.lot.detail_caption", lot=lot.lot.id)
    return (
        f"<h3>{tr('doc.sub_criteria')}</h3>"
        f'<table class="ranking detail"><caption class="visually-hidden">{caption}</caption>'
        f"<thead><tr>{''.join(heads)}</tr></thead>"
        f"<tbody>{''.join(rows)}</tbody></table>"
    )


def _notes(evaluation: Evaluation, lot: LotResult) -> str:
    """The price note, what each criterion with sub-criteria is made of, and the tie notes
    under the ranking, each with its lead in bold."""
    notes = [
        lead_of(report_price_note(evaluation, lot), "doc.price_points"),
        *(
            lead_of(note, "doc.sub_criteria")
            for note in report_tree_notes(evaluation.config, lot.lot.id)
        ),
        *(lead_of(note, "doc.tie") for note in report_tie_notes(evaluation.config, lot)),
    ]
    return "".join(
        f"<p><strong>{escape(lead)}</strong>{escape(rest)}</p>"
        if lead
        else f"<p>{escape(rest)}</p>"
        for lead, rest in notes
    )


def _comments(config: Config, lot: LotResult) -> str:
    """The jury's written justification next to the points it explains (R2181-3)."""
    rows = []
    for result in lot.offers:
        for criterion in config.criteria_for(lot.lot.id).marked:
            comment = result.offer.comments.get(criterion.id)
            if not comment:
                continue
            top = compact(max_points(config.total, criterion.weight))
            word = criterion.word_for(result.offer.marks.get(criterion.id))
            said = "" if word is None else f"{escape(tr('doc.html.word', word=word))} "
            got = points_cell(result.points.get(criterion.id))
            rows.append(
                f'<tr><th scope="row" class="candidate">{escape(offer_name(result))}</th>'
                f'<td title="{escape(criterion.label)}">{escape(short_label(criterion.label))}'
                f'</td><td class="num">{said}{got} / {top}</td>'
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


def _warnings(lot: LotResult) -> str:
    """Warnings do not change a result, but a buyer may have to explain them: the lot's own
    first (vat-basis), then each offer's."""
    colon = tr("punct.colon")
    items = [
        f"<li><strong>{tr('doc.lot', lot=lot.lot.id)}</strong>{colon}{_warning_text(problem)}</li>"
        for problem in lot.warnings
    ]
    items += [
        f"<li><strong>{escape(offer_name(result))}</strong>{colon}{_warning_text(problem)}</li>"
        for result in lot.offers
        for problem in result.warnings
    ]
    if not items:
        return ""
    return f'<h3>{tr("doc.html.warnings")}</h3>\n<ul class="warnings">{"".join(items)}</ul>'


def _warning_text(problem: Problem) -> str:
    cell = ", " + tr("doc.cell", cell=escape(problem.cell)) if problem.cell else ""
    message = i18n.message(problem.code, problem.params)
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
            f'<tr><th scope="row" class="candidate">{escape(offer_name(result))}</th>'
            f"<td>{status}</td>"
            f'<td class="num">{money_cell(result.price_ht)}</td>'
            f'<td class="num">{money_cell(result.price_ttc)}</td>'
            f'<td><ul class="reasons">{reasons}</ul></td></tr>'
        )
    head = (
        f'<tr><th scope="col">{tr("col.candidate")}</th>'
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
        basis = legal_basis(reason) or tr("no_ground")
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
