"""The offer-analysis report ("rapport d'analyse des offres") as one self-contained HTML file.

A buyer hands this file to a board, attaches it to an e-mail or prints it: it must open anywhere,
offline, years later, and show the same thing. So: one file, inline CSS, charts as inline SVG
drawn here, no JavaScript, no fonts, images or styles fetched from anywhere (a Content Security
Policy forbids it, so even a mistake could not make the browser load something), A4 print rules.

Rendering only: every figure comes from :mod:`referent_ess.evaluation.engine`. Every text
that comes from the inputs (names, titles, comments, messages, paths) goes through :func:`_e`, so a
candidate
called ``<script>`` is shown as text, never run.
"""

import html
from collections.abc import Iterable, Iterator, Sequence
from datetime import date, datetime
from decimal import Decimal
from fractions import Fraction
from string import Template

from referent_ess.config.choices import PriceFormula
from referent_ess.config.consultation import Config, Criterion
from referent_ess.evaluation.kernel import max_points
from referent_ess.evaluation.results import LEGAL_BASIS, Evaluation, LotResult, OfferResult, Status
from referent_ess.i18n.numbers import date_words, percent
from referent_ess.problems.problem import Problem
from referent_ess.render.cells import gap_to_first
from referent_ess.render.phrases import (
    BASIS,
    FORMULA,
    STATUS,
    STATUS_EXPLAINED,
    criterion_label,
    euros,
    formula_text,
    message_fr,
    number,
    reason_fr,
)
from referent_ess.render.phrases import deadline_fr as deadline_words
from referent_ess.render.run_info import RunInfo

__all__ = ["build_report_html"]


def build_report_html(
    evaluation: Evaluation, run: RunInfo, lot_ids: Sequence[int] | None = None
) -> str:
    """The whole report: cover, summary, one section per lot, method, audit trail.

    ``lot_ids`` restricts the report to some lots (``referent report --lot N``); offers whose
    lot could not be read are always shown, since they make every ranking provisional.
    """
    lots = [lot for lot in evaluation.lots if lot_ids is None or lot.lot.id in lot_ids]
    consultation = evaluation.config.consultation
    parts = [
        _cover(evaluation, lots, run),
        _contents(lots, evaluation),
        _summary(evaluation, lots),
        *(_lot_section(evaluation, lot) for lot in lots),
        _unplaced_section(evaluation),
        _method_section(evaluation.config),
        _audit_section(evaluation, run),
    ]
    return _PAGE.substitute(
        title=_e(f"Rapport d'analyse des offres — {consultation.title}"),
        generator=_e(f"referent {run.version}"),
        style=_STYLE,
        body="\n".join(part for part in parts if part),
    )


# ---- small helpers -----------------------------------------------------------------------------


def _e(text: object) -> str:
    """Escape text from the inputs for HTML (and inline SVG): ``<``, ``>``, ``&`` and quotes."""
    return html.escape(str(text), quote=True)


def _compact(value: Fraction | Decimal | int) -> str:
    """A whole number without decimals (30, 100), anything else the French way (12,50)."""
    exact = Fraction(value)
    if exact.denominator == 1:
        return number(exact, 0)
    return number(exact)


def _count(n: int, singular: str, plural: str) -> str:
    """French agreement: 0 and 1 take the singular."""
    return f"{n} {singular if n < 2 else plural}"


def _date_fr(moment: date | datetime) -> str:
    """A date in words, as French documents write it."""
    return date_words(moment, "\u00a0")


def _deadline_fr(deadline: date | datetime | None) -> str:
    return deadline_words(deadline, "\u00a0")


def _ranked_first(lot: LotResult) -> tuple[OfferResult, ...]:
    """The proposed winner(s): none while the ranking is provisional."""
    if lot.provisional:
        return ()
    return (lot.award,) if lot.award is not None else lot.winners


def _is_winner(lot: LotResult, result: OfferResult) -> bool:
    return not lot.provisional and result.rank == 1


def _short_label(label: str) -> str:
    """A column header that fits: a long label up to its first comma or parenthesis (the full
    label is in the chart's legend and in the method section)."""
    if len(label) <= 36:
        return label
    short = label.split(",")[0].split(" (")[0].strip()
    return short if len(short) <= 40 else short[:39].rstrip() + "…"


def _and(names: Sequence[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " et " + names[-1]


# ---- cover, contents, summary ------------------------------------------------------------------


def _cover(evaluation: Evaluation, lots: Sequence[LotResult], run: RunInfo) -> str:
    """What a reader needs before anything else: which call, which lots, when it was analysed."""
    consultation = evaluation.config.consultation
    received = sum(len(lot.offers) for lot in lots)
    where = f"le lot {lots[0].lot.id}" if len(lots) == 1 else _count(len(lots), "lot", "lots")
    buyer = f'<p class="buyer">{_e(consultation.buyer)}</p>' if consultation.buyer else ""
    facts = [
        ("Date limite de réception des offres", _e(_deadline_fr(consultation.deadline))),
        (
            "Montants maximums contrôlés",
            f"prix {BASIS[consultation.cap_basis.value]} de chaque offre",
        ),
        (
            "Offres analysées",
            f"{_count(received, 'offre reçue', 'offres reçues')} sur {where}",
        ),
        ("Rapport établi le", _e(_date_fr(run.run_at))),
    ]
    items = "".join(f"<div><dt>{term}</dt><dd>{value}</dd></div>" for term, value in facts)
    return (
        '<header class="cover">\n'
        '<p class="kicker">Rapport d\'analyse des offres</p>\n'
        f"<h1>{_e(consultation.title)}</h1>\n{buyer}\n"
        f'<dl class="facts">{items}</dl>\n'
        "</header>"
    )


def _contents(lots: Sequence[LotResult], evaluation: Evaluation) -> str:
    """A table of contents with in-page links only (never a link out of the file)."""
    entries = [("synthese", "Synthèse")]
    entries += [(f"lot-{lot.lot.id}", f"Lot {lot.lot.id} — {lot.lot.title}") for lot in lots]
    if evaluation.unplaced:
        entries.append(("sans-lot", "Offres sans lot valide"))
    entries += [("methode", "Méthode d'analyse"), ("tracabilite", "Traçabilité")]
    items = "".join(f'<li><a href="#{anchor}">{_e(text)}</a></li>' for anchor, text in entries)
    return f'<nav class="contents" aria-label="Sommaire"><ol>{items}</ol></nav>'


def _summary(evaluation: Evaluation, lots: Sequence[LotResult]) -> str:
    """One line per lot: caps, offers received / admissible / not ranked, proposed winner."""
    rows = []
    for lot in lots:
        winner, total, price = _summary_outcome(lot)
        css = ' class="provisional"' if lot.provisional else ""
        rows.append(
            f"<tr{css}>"
            f'<th scope="row"><a href="#lot-{lot.lot.id}">Lot {lot.lot.id}</a>'
            f'<span class="sub">{_e(lot.lot.title)}</span></th>'
            f'<td class="num">{euros(lot.lot.cap_ht)}</td>'
            f'<td class="num">{euros(lot.lot.cap_ttc)}</td>'
            f'<td class="num">{len(lot.offers)}</td>'
            f'<td class="num">{len(lot.ranked)}</td>'
            f'<td class="num">{len(lot.excluded)}</td>'
            f"<td>{winner}</td>"
            f'<td class="num">{total}</td>'
            f'<td class="num">{price}</td>'
            "</tr>"
        )
    total_points = _compact(evaluation.config.total)
    head = (
        '<tr><th scope="col">Lot</th>'
        '<th scope="col" class="num">Montant max. HT</th>'
        '<th scope="col" class="num">Montant max. TTC</th>'
        '<th scope="col" class="num">Offres reçues</th>'
        '<th scope="col" class="num">Admissibles</th>'
        '<th scope="col" class="num">Non classées</th>'
        '<th scope="col">Attributaire pressenti</th>'
        f'<th scope="col" class="num">Total /{total_points}</th>'
        '<th scope="col" class="num">Prix</th></tr>'
    )
    notes = []
    if any(lot.provisional for lot in lots):
        notes.append(
            '<p class="alert">Un classement provisoire ne désigne pas d\'attributaire : '
            "des offres n'ont pas pu être évaluées à cause d'erreurs de saisie dans le classeur "
            "des offres. Corrigez-les (voir <code>referent validate</code>) avant de décider.</p>"
        )
    basis = BASIS[evaluation.config.consultation.cap_basis.value]
    return (
        '<section class="summary" id="synthese" aria-labelledby="synthese-titre">\n'
        '<h2 id="synthese-titre">Synthèse</h2>\n'
        f"<p>Les offres sont contrôlées par rapport au montant maximum {basis} de chaque lot, "
        "puis les offres admissibles sont notées et classées selon les critères pondérés "
        'décrits dans la <a href="#methode">méthode d\'analyse</a>.</p>\n'
        f'<table class="summary-table"><thead>{head}</thead><tbody>{"".join(rows)}</tbody></table>'
        f"\n{''.join(notes)}\n</section>"
    )


def _summary_outcome(lot: LotResult) -> tuple[str, str, str]:
    """The summary's winner, total and price cells for one lot."""
    if lot.provisional:
        return '<span class="flag">Classement provisoire</span>', "—", "—"
    if not lot.ranked:
        return '<span class="flag">Aucune offre admissible</span>', "—", "—"
    first = _ranked_first(lot)
    if len(first) > 1:
        names = _and([_e(r.candidate) for r in first])
        total = first[0].total
        assert total is not None
        return f'<span class="flag">Ex æquo</span> {names}', number(total), "—"
    (winner,) = first
    assert winner.total is not None
    price = _prices(winner)
    return (
        f"<strong>{_e(winner.candidate)}</strong>",
        f"<strong>{number(winner.total)}</strong>",
        price,
    )


def _prices(result: OfferResult) -> str:
    ht = f"{euros(result.price_ht)} HT" if result.price_ht is not None else "HT inconnu"
    ttc = f"{euros(result.price_ttc)} TTC" if result.price_ttc is not None else "TTC inconnu"
    return f'{ht}<span class="sub">{ttc}</span>'


# ---- one lot -----------------------------------------------------------------------------------


def _lot_section(evaluation: Evaluation, lot: LotResult) -> str:
    """Everything about one lot; it starts a new page when printed."""
    lot_id = lot.lot.id
    basis = BASIS[evaluation.config.consultation.cap_basis.value]
    facts = (
        f'<p class="lot-facts">Montant maximum : <strong>{euros(lot.lot.cap_ht)} HT</strong>'
        f" · <strong>{euros(lot.lot.cap_ttc)} TTC</strong> (montant contrôlé : {basis}) — "
        f"{_count(len(lot.offers), 'offre reçue', 'offres reçues')}, "
        f"{_count(len(lot.ranked), 'admissible et classée', 'admissibles et classées')}, "
        f"{_count(len(lot.excluded), 'non classée', 'non classées')}.</p>"
    )
    parts = [
        f'<section class="lot" id="lot-{lot_id}" aria-labelledby="lot-{lot_id}-titre">',
        f'<h2 id="lot-{lot_id}-titre"><span class="lot-no">Lot {lot_id}</span> '
        f"{_e(lot.lot.title)}</h2>",
        facts,
    ]
    if lot.provisional:
        parts.append(_provisional_alert(evaluation, lot))
    parts.append("<h3>Classement des offres admissibles</h3>")
    if lot.ranked:
        parts.append(_ranking_table(evaluation, lot))
        notes = [_price_note(evaluation, lot), *_tie_notes(evaluation.config, lot)]
        parts.append('<div class="notes">' + "".join(f"<p>{n}</p>" for n in notes) + "</div>")
        parts.append(_chart(evaluation.config, lot))
    else:
        parts.append('<p class="empty">Aucune offre admissible : aucun classement.</p>')
    parts.append(_comments(evaluation.config, lot))
    parts.append(_warnings(lot.offers))
    parts.append("<h3>Offres non classées</h3>")
    if lot.excluded:
        parts.append(_excluded_table(evaluation.config, lot.excluded))
    else:
        parts.append('<p class="empty">Aucune : toutes les offres reçues sont admissibles.</p>')
    parts.append("</section>")
    return "\n".join(part for part in parts if part)


def _provisional_alert(evaluation: Evaluation, lot: LotResult) -> str:
    rows = sorted(
        [r.offer.row for r in lot.excluded if r.status is Status.INVALID]
        + [r.offer.row for r in evaluation.unplaced]
    )
    where = ", ".join(str(row) for row in rows)
    return (
        '<p class="alert"><strong>Classement provisoire</strong> : '
        f"{_count(len(rows), 'offre n’a pas pu', 'offres n’ont pas pu')} être évaluée"
        f"{'s' if len(rows) > 1 else ''} (erreurs de saisie, ligne{'s' if len(rows) > 1 else ''}"
        f" {where} du classeur). Aucun attributaire n'est proposé tant qu'elles ne sont pas "
        "corrigées.</p>"
    )


def _ranking_table(evaluation: Evaluation, lot: LotResult) -> str:
    """Rank, candidate, prices, points per criterion, total and gap; the winner highlighted."""
    config = evaluation.config
    heads = [
        '<th scope="col" class="num">Rang</th>',
        '<th scope="col">Candidat</th>',
        '<th scope="col" class="num">Prix HT</th>',
        '<th scope="col" class="num">Prix TTC</th>',
    ]
    for criterion in config.criteria:
        top = _compact(max_points(config.total, criterion.weight))
        heads.append(
            f'<th scope="col" class="num crit"><span class="crit-label" '
            f'title="{_e(criterion.label)}">{_e(_short_label(criterion.label))}'
            f'</span><span class="max">/{top}</span></th>'
        )
    heads.append(
        f'<th scope="col" class="num">Total<span class="max">/{_compact(config.total)}</span></th>'
    )
    heads.append('<th scope="col" class="num">Écart au premier</th>')
    rows = []
    for result in lot.ranked:
        winner = _is_winner(lot, result)
        assert result.total is not None
        gap = gap_to_first(lot, result)
        name = _e(result.candidate)
        if winner:
            name = f'<strong>{name}</strong> <span class="badge">attributaire pressenti</span>'
        cells = [
            f'<td class="num rank">{result.rank}</td>',
            f'<th scope="row" class="candidate">{name}</th>',
            f'<td class="num">{_money(result.price_ht)}</td>',
            f'<td class="num">{_money(result.price_ttc)}</td>',
            *(f'<td class="num">{_points(result.points.get(c.id))}</td>' for c in config.criteria),
            f'<td class="num total">{number(result.total)}</td>',
            f'<td class="num">{_points(gap)}</td>',
        ]
        css = ' class="winner"' if winner else ""
        rows.append(f"<tr{css}>{''.join(cells)}</tr>")
    return (
        f'<table class="ranking"><caption class="visually-hidden">Classement du lot '
        f"{lot.lot.id}</caption><thead><tr>{''.join(heads)}</tr></thead>"
        f"<tbody>{''.join(rows)}</tbody></table>"
    )


def _money(amount: Decimal | None) -> str:
    return euros(amount) if amount is not None else "—"


def _points(value: Fraction | None) -> str:
    return number(value) if value is not None else "—"


def _price_note(evaluation: Evaluation, lot: LotResult) -> str:
    """How the lot's price points were computed, with the Pmin (and Pmax) used."""
    config = evaluation.config
    criterion = config.price_criterion
    rule = criterion.price
    assert rule is not None
    top = _compact(max_points(config.total, criterion.weight))
    basis = rule.basis.value.upper()
    formula = formula_text(rule.formula, top)
    if rule.formula is PriceFormula.GAP:
        formula += f", k = {_compact(rule.k)}"
    figures = f"Pmin = {_money(lot.lowest_price)}"
    if rule.formula is PriceFormula.LINEAR:
        figures += f", Pmax = {_money(lot.highest_price)}"
    note = (
        f"<strong>Points prix</strong> (« {_e(criterion.label)} ») : méthode "
        f"{FORMULA[rule.formula.value]} sur le prix {basis} des offres admissibles, "
        f"{formula}, avec {figures}."
    )
    rates = sorted({r.vat_rate for r in lot.ranked if r.vat_rate is not None})
    if len(rates) > 1:
        shown = ", ".join(percent(r).replace(".", ",") for r in rates)
        note += f" Les taux de TVA diffèrent ({shown}) : les prix sont comparés {basis}."
    return note


def _tie_notes(config: Config, lot: LotResult) -> list[str]:
    """One sentence per exact tie: who tied, what decided, who still shares a rank."""
    notes = []
    for tie in lot.ties:
        names = _and([_e(r.candidate) for r in tie.offers])
        note = f"<strong>Égalité exacte</strong> à {number(tie.total)} points entre {names}"
        if tie.decided_by is not None:
            figures = " ; ".join(_points(r.points.get(tie.decided_by)) for r in tie.offers)
            label = _e(criterion_label(config, tie.decided_by))
            note += f" : départagées par les points du critère « {label} » ({figures})"
        else:
            note += " : les critères de départage ne les séparent pas"
        for same in tie.shared:
            shared = _and([_e(r.candidate) for r in same])
            note += f" ; {shared} partagent le rang {same[0].rank}"
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
            top = _compact(max_points(config.total, criterion.weight))
            rows.append(
                f'<tr><th scope="row" class="candidate">{_e(result.candidate)}</th>'
                f'<td title="{_e(criterion.label)}">{_e(_short_label(criterion.label))}</td>'
                f'<td class="num">{_points(result.points.get(criterion.id))} / {top}</td>'
                f'<td class="comment">{_e(comment)}</td></tr>'
            )
    if not rows:
        return ""
    head = (
        '<tr><th scope="col">Candidat</th><th scope="col">Critère</th>'
        '<th scope="col" class="num">Points</th><th scope="col">Appréciation du jury</th></tr>'
    )
    return (
        "<h3>Appréciations du jury</h3>\n"
        f'<table class="comments"><thead>{head}</thead><tbody>{"".join(rows)}</tbody></table>'
    )


_WARNING_FR = {
    "price-mismatch": "le montant HT indiqué diffère du coût journalier × nombre de jours ; "
    "le prix unitaire prévaut",
    "other-cap": "l'offre est d'un côté d'un montant maximum et de l'autre côté du second : "
    "seul le montant contrôlé décide",
    "received-time-unknown": "reçue le jour de la date limite, sans heure : vérifier qu'elle "
    "était dans les délais",
    "unusual-vat-rate": "taux de TVA inhabituel en France",
    "missing-value": "une valeur facultative manque",
}


def _warnings(results: Iterable[OfferResult]) -> str:
    """Warnings do not change a result, but a buyer may have to explain them."""
    items = [
        f"<li><strong>{_e(result.candidate)}</strong> : {_warning_text(problem)}</li>"
        for result in results
        for problem in result.warnings
    ]
    if not items:
        return ""
    return f'<h3>Points d\'attention</h3>\n<ul class="warnings">{"".join(items)}</ul>'


def _warning_text(problem: Problem) -> str:
    cell = f", cellule {_e(problem.cell)}" if problem.cell else ""
    message = message_fr(problem.code, problem.params, problem.message)
    detail = f'<span class="detail">({_e(message)}{cell})</span>'
    lead = _WARNING_FR.get(problem.code, "avertissement")
    return f"{_e(lead)} {detail}"


def _excluded_table(config: Config, results: Sequence[OfferResult]) -> str:
    """Offers not ranked: status in French, each reason with its cell and legal basis."""
    rows = []
    for result in results:
        status = (
            f'<strong>{STATUS[result.status]}</strong><span class="sub">'
            f"{STATUS_EXPLAINED[result.status]}</span>"
        )
        reasons = "".join(f"<li>{text}</li>" for text in _reason_items(config, result))
        rows.append(
            f'<tr><th scope="row" class="candidate">{_e(result.candidate)}</th>'
            f'<td class="num">{result.offer.row}</td>'
            f"<td>{status}</td>"
            f'<td class="num">{_money(result.price_ht)}</td>'
            f'<td class="num">{_money(result.price_ttc)}</td>'
            f'<td><ul class="reasons">{reasons}</ul></td></tr>'
        )
    head = (
        '<tr><th scope="col">Candidat</th><th scope="col" class="num">Ligne</th>'
        '<th scope="col">Statut</th><th scope="col" class="num">Prix HT</th>'
        '<th scope="col" class="num">Prix TTC</th>'
        '<th scope="col">Motifs et fondement juridique</th></tr>'
    )
    return f'<table class="excluded"><thead>{head}</thead><tbody>{"".join(rows)}</tbody></table>'


def _reason_items(config: Config, result: OfferResult) -> Iterator[str]:
    """Each reason in French, its cell, and its legal basis (or why it has none)."""
    over = iter(check for check in result.budget if not check.within)
    for reason in result.reasons:
        check = next(over, None) if reason.code == "over_cap" else None
        text = _e(
            reason_fr(config, result, reason, check, "\u00a0")
            or f"erreur de saisie : {message_fr(reason.code, reason.params, reason.message)} "
            f"[{reason.code}]"
        )
        cell = f' <span class="cell">(cellule {_e(reason.cell)})</span>' if reason.cell else ""
        basis = reason.legal_basis or (
            "donnée à corriger dans le classeur : ce n'est pas un motif de rejet"
        )
        yield f'{text}{cell}<span class="legal">{_e(basis)}</span>'


def _unplaced_section(evaluation: Evaluation) -> str:
    """Rows whose lot could not be read: listed, since they make every ranking provisional."""
    if not evaluation.unplaced:
        return ""
    return (
        '<section class="unplaced" id="sans-lot" aria-labelledby="sans-lot-titre">\n'
        '<h2 id="sans-lot-titre">Offres sans lot valide</h2>\n'
        "<p>Le lot de ces offres n'a pas pu être lu : tant qu'elles ne sont pas corrigées, "
        "le classement de chaque lot est provisoire.</p>\n"
        f"{_excluded_table(evaluation.config, evaluation.unplaced)}\n</section>"
    )


# ---- chart -------------------------------------------------------------------------------------

# Dark to light, with distinct hues: the segments stay apart in colour and in greyscale
# (relative luminance about 0.04, 0.18, 0.41, 0.70, 0.09, 0.27); white gaps separate them too.
_PALETTE = ("#1d3557", "#3a7ca5", "#7cb992", "#f6d68b", "#9b2d20", "#bf812d")
_DARK_FILLS = frozenset({"#1d3557", "#3a7ca5", "#9b2d20", "#bf812d"})
_CHAR_WIDTH = 6.6  # average width of a 12 px sans-serif character, in SVG units


def _chart(config: Config, lot: LotResult) -> str:
    """The totals of the ranked offers as horizontal bars stacked by criterion, inline SVG."""
    lot_id = lot.lot.id
    criteria = config.criteria
    total = Fraction(config.total)
    width = 880.0
    names = [f"{r.rank}. {r.candidate}" for r in lot.ranked]
    longest = max(len(name) for name in names)
    label_width = min(max(longest * _CHAR_WIDTH + 16, 140.0), 340.0)
    max_chars = int((label_width - 16) / _CHAR_WIDTH)
    left, right, top = label_width, width - 56, 12.0
    bar, step = 24.0, 36.0
    plot_bottom = top + step * len(lot.ranked)
    ticks_y = plot_bottom + 18
    legend_top = ticks_y + 30
    height = legend_top + 20 * len(criteria) + 4

    def x(value: Fraction) -> float:
        return left + float(value / total) * (right - left)

    out = []
    for tick in _ticks(total):
        out.append(
            f'<line class="grid{" axis" if tick == 0 else ""}" x1="{x(tick):.1f}" '
            f'y1="{top - 6:.1f}" x2="{x(tick):.1f}" y2="{plot_bottom:.1f}"/>'
            f'<text class="tick" x="{x(tick):.1f}" y="{ticks_y:.1f}" '
            f'text-anchor="middle">{_compact(tick)}</text>'
        )
    out.append(
        f'<text class="axis-title" x="{right:.1f}" y="{ticks_y + 16:.1f}" text-anchor="end">'
        f"points (sur {_compact(total)})</text>"
    )
    for index, result in enumerate(lot.ranked):
        y = top + step * index + (step - bar) / 2 - 6
        name = names[index]
        shown = name if len(name) <= max_chars else name[: max_chars - 1] + "…"
        css = "name winner" if _is_winner(lot, result) else "name"
        out.append(
            f'<text class="{css}" x="{left - 10:.1f}" y="{y + bar / 2 + 4:.1f}" '
            f'text-anchor="end">{_e(shown)}<title>{_e(name)}</title></text>'
        )
        start = Fraction(0)
        for position, criterion in enumerate(criteria):
            value = result.points.get(criterion.id, Fraction(0))
            fill = _PALETTE[position % len(_PALETTE)]
            x0, x1 = x(start), x(start + value)
            tip = (
                f"{result.candidate} — {criterion.label} : {number(value)} / "
                f"{_compact(max_points(config.total, criterion.weight))}"
            )
            out.append(
                f'<rect x="{x0:.1f}" y="{y:.1f}" width="{max(x1 - x0, 0):.1f}" '
                f'height="{bar:.1f}" fill="{fill}"><title>{_e(tip)}</title></rect>'
            )
            if x1 - x0 >= 38:
                ink = "on-dark" if fill in _DARK_FILLS else "on-light"
                out.append(
                    f'<text class="seg {ink}" x="{(x0 + x1) / 2:.1f}" y="{y + bar / 2 + 4:.1f}" '
                    f'text-anchor="middle">{number(value)}</text>'
                )
            start += value
        assert result.total is not None
        out.append(
            f'<text class="sum" x="{x(result.total) + 6:.1f}" y="{y + bar / 2 + 4:.1f}">'
            f"{number(result.total)}</text>"
        )
    legend_chars = int((width - left - 22) / _CHAR_WIDTH)
    for position, criterion in enumerate(criteria):
        y = legend_top + 20 * position
        fill = _PALETTE[position % len(_PALETTE)]
        entry = f"{criterion.label} ({_compact(max_points(config.total, criterion.weight))} points)"
        shown = entry if len(entry) <= legend_chars else entry[: legend_chars - 1] + "…"
        out.append(
            f'<rect x="{left:.1f}" y="{y:.1f}" width="14" height="14" fill="{fill}"/>'
            f'<text class="legend" x="{left + 22:.1f}" y="{y + 11:.1f}">'
            f"{_e(shown)}<title>{_e(entry)}</title></text>"
        )
    title = f"Lot {lot_id} : total des points de chaque offre classée, décomposé par critère"
    description = " ; ".join(
        f"{r.rank}. {r.candidate} : {number(r.total or 0)} points" for r in lot.ranked
    )
    return (
        f'<figure class="chart"><svg role="img" viewBox="0 0 {width:.0f} {height:.0f}" '
        f'width="100%" aria-labelledby="lot-{lot_id}-graphique-titre '
        f'lot-{lot_id}-graphique-desc" preserveAspectRatio="xMinYMin meet">'
        f'<title id="lot-{lot_id}-graphique-titre">{_e(title)}</title>'
        f'<desc id="lot-{lot_id}-graphique-desc">{_e(description)}</desc>'
        f"{''.join(out)}</svg>"
        f"<figcaption>Total des points de chaque offre classée, décomposé par critère "
        f"(sur {_compact(total)}).</figcaption></figure>"
    )


def _ticks(total: Fraction) -> list[Fraction]:
    """Gridlines at a round step (1, 2 or 5 × a power of ten) giving about ten intervals."""
    raw = total / 10
    magnitude = Fraction(1)
    while magnitude * 10 <= raw:
        magnitude *= 10
    while magnitude > raw:
        magnitude /= 10
    step = next(f * magnitude for f in (1, 2, 5, 10) if f * magnitude >= raw)
    ticks = []
    value = Fraction(0)
    while value < total - step / 2:  # no tick crowding the end of the axis
        ticks.append(value)
        value += step
    return [*ticks, total]


# ---- method and audit --------------------------------------------------------------------------


def _method_section(config: Config) -> str:
    """The rules the numbers follow, so that the report explains itself."""
    consultation = config.consultation
    total = _compact(config.total)
    rows = []
    for criterion in config.criteria:
        top = _compact(max_points(config.total, criterion.weight))
        rows.append(
            f'<tr><th scope="row">{_e(criterion.label)}<span class="sub">{_e(criterion.id)}'
            f'</span></th><td class="num">{_compact(criterion.weight)} %</td>'
            f'<td class="num">{top}</td><td>{_scoring_rule(config, criterion)}</td></tr>'
        )
    head = (
        '<tr><th scope="col">Critère</th><th scope="col" class="num">Pondération</th>'
        '<th scope="col" class="num">Points max.</th><th scope="col">Notation</th></tr>'
    )
    labels = [f"« {_e(criterion_label(config, c))} »" for c in config.tie_break]
    if labels:
        tie_break = (
            "Une égalité exacte des totaux est départagée par les points du critère "
            f"{', puis '.join(labels)} : l'offre qui en a le plus est classée devant. "
            "Les offres encore à égalité partagent le rang (1, 2, 2, 4) et sont citées dans "
            "l'ordre du classeur."
        )
    else:
        tie_break = (
            "Aucun critère de départage n'est prévu : les offres dont les totaux sont "
            "exactement égaux partagent le rang (1, 2, 2, 4)."
        )
    statuses = "".join(
        f'<tr><th scope="row">{STATUS[status]}</th><td>{STATUS_EXPLAINED[status]}</td>'
        f"<td>{_e(LEGAL_BASIS.get(status) or _NO_LEGAL_BASIS[status])}</td></tr>"
        for status in Status
    )
    vat = percent(consultation.vat_rate).replace(".", ",")
    basis = BASIS[consultation.cap_basis.value]
    return f"""<section class="method" id="methode" aria-labelledby="methode-titre">
<h2 id="methode-titre">Méthode d'analyse</h2>
<h3>Critères d'attribution</h3>
<p>Chaque offre admissible est notée sur {total} points ; la pondération de chaque critère en
donne le nombre de points maximum.</p>
<table class="criteria"><thead>{head}</thead><tbody>{"".join(rows)}</tbody></table>
<h3>Prix et montants maximums</h3>
<p>Prix HT = coût journalier HT × nombre de jours ; prix TTC = prix HT × (1 + taux de TVA de
l'offre, {vat} par défaut). Chaque montant est arrondi au centime, au demi supérieur. Le prix de
chaque offre est comparé au montant maximum {basis} de son lot : au-delà, l'offre est
inacceptable.</p>
<h3>Calculs et arrondis</h3>
<p>Les points et les totaux sont calculés en fractions exactes, sans aucune approximation : un
résultat comme 40/3 reste exact et n'est pas remplacé par 13,333… Ils ne sont arrondis au centième,
au demi supérieur (0,125 → 0,13), que pour l'affichage. Le classement, les égalités et les écarts
au premier sont établis sur les valeurs exactes : un écart affiché peut différer d'un centième de
la différence des totaux affichés.</p>
<h3>Classement et égalités</h3>
<p>Les offres admissibles sont classées par total décroissant. {tie_break}</p>
<h3>Statut des offres</h3>
<p>Chaque offre reçoit le premier statut qui s'applique, dans l'ordre ci-dessous ; seules les
offres admissibles reçoivent des points prix et un rang.</p>
<table class="statuses"><thead><tr><th scope="col">Statut</th><th scope="col">Signification</th>
<th scope="col">Fondement juridique (Code de la commande publique)</th></tr></thead>
<tbody>{statuses}</tbody></table>
</section>"""


_NO_LEGAL_BASIS = {
    Status.INVALID: "aucun : le classeur doit être corrigé, le classement du lot est provisoire",
    Status.ADMISSIBLE: "—",
}


def _scoring_rule(config: Config, criterion: Criterion) -> str:
    top = _compact(max_points(config.total, criterion.weight))
    rule = criterion.price
    if rule is None:
        scale = _compact(criterion.scale)
        return f"note du jury de 0 à {scale} ; points = {top} × note / {scale}"
    basis = rule.basis.value.upper()
    formula = (
        formula_text(rule.formula, top)
        + {
            PriceFormula.PROPORTIONAL: "",
            PriceFormula.LINEAR: f", {top} si Pmax = Pmin",
            PriceFormula.GAP: f", avec k = {_compact(rule.k)}",
        }[rule.formula]
    )
    return (
        f"méthode {FORMULA[rule.formula.value]} : points = {formula}, où P est "
        f"le prix {basis} de l'offre, Pmin (et Pmax) le prix {basis} le plus bas (le plus haut) "
        "des offres admissibles du lot"
    )


_ROLES = {
    "lots": "Consultation et lots",
    "criteria": "Critères d'attribution",
    "offers": "Offres et notes du jury",
}


def _audit_section(evaluation: Evaluation, run: RunInfo) -> str:
    """Which tool, when, how it was called and the exact files: enough to redo the analysis."""
    inputs = "".join(
        f'<tr><th scope="row">{_e(_ROLES.get(item.role, item.role))}</th>'
        f'<td class="path">{_e(item.path)}</td><td class="hash">{_e(item.sha256)}</td></tr>'
        for item in run.inputs
    )
    problems = [
        _e(p.describe(message_fr(p.code, p.params, p.message), "feuille", " : "))
        for p in evaluation.book.sheet_problems
    ]
    sheet_notes = (
        "<h3>Remarques sur le classeur</h3><ul>"
        + "".join(f"<li>{p}</li>" for p in problems)
        + "</ul>"
        if problems
        else ""
    )
    return f"""<section class="audit" id="tracabilite" aria-labelledby="tracabilite-titre">
<h2 id="tracabilite-titre">Traçabilité</h2>
<dl class="facts">
<div><dt>Outil</dt><dd>referent {_e(run.version)}</dd></div>
<div><dt>Exécuté le</dt><dd>{_e(_date_fr(run.run_at))}</dd></div>
<div><dt>Feuille des offres</dt><dd>{_e(evaluation.book.sheet) or "—"}</dd></div>
</dl>
<p>Ligne de commande : <code class="command">{_e(run.command_line)}</code></p>
<table class="inputs"><thead><tr><th scope="col">Fichier</th><th scope="col">Chemin</th>
<th scope="col">Empreinte SHA-256</th></tr></thead><tbody>{inputs}</tbody></table>
<p class="small">Les mêmes fichiers (mêmes empreintes) donnent le même rapport, à la date
d'exécution près. Tout changement d'un fichier change son empreinte.</p>
{sheet_notes}
</section>"""


# ---- page and style ----------------------------------------------------------------------------

_PAGE = Template("""<!DOCTYPE html>
<html lang="fr">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; \
base-uri 'none'; form-action 'none'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="$generator">
<title>$title</title>
<style>
$style
</style>
</head>
<body>
<main>
$body
</main>
</body>
</html>
""")

_STYLE = """\
:root {
  --ink: #1b2430; --muted: #5a6472; --rule: #c8ced6; --rule-light: #e3e7ec;
  --accent: #1d3557; --winner: #fdf1cf; --winner-rule: #b8860b; --alert: #8a1c1c;
}
* { box-sizing: border-box; }
html { background: #e9ecf0; }
body {
  margin: 0; color: var(--ink);
  font: 14px/1.45 "Segoe UI", "Helvetica Neue", Arial, "Liberation Sans", "DejaVu Sans",
    sans-serif;
  font-variant-numeric: tabular-nums lining-nums;
  -webkit-print-color-adjust: exact; print-color-adjust: exact;
}
main {
  max-width: 1080px; margin: 24px auto; padding: 40px 52px 48px; background: #fff;
  box-shadow: 0 1px 3px rgba(0, 0, 0, .12), 0 6px 24px rgba(0, 0, 0, .06);
}
h1, h2, h3 { color: var(--accent); line-height: 1.2; break-after: avoid; }
h1 { font-size: 26px; margin: 4px 0 2px; }
h2 {
  font-size: 20px; margin: 36px 0 10px; padding-bottom: 6px;
  border-bottom: 2px solid var(--accent);
}
h3 { font-size: 15px; margin: 22px 0 8px; }
p { margin: 6px 0 10px; }
a { color: var(--accent); }
code { font-family: "DejaVu Sans Mono", "Liberation Mono", Consolas, monospace; font-size: 12px; }
.kicker {
  margin: 0; color: var(--muted); font-size: 12px; letter-spacing: .12em;
  text-transform: uppercase; font-weight: 600;
}
.buyer { margin: 0 0 14px; font-size: 16px; color: var(--muted); }
.cover { border-bottom: 1px solid var(--rule); padding-bottom: 14px; }
dl.facts {
  display: grid; grid-template-columns: repeat(auto-fit, minmax(150px, 1fr)); gap: 8px 20px;
  margin: 12px 0 0;
}
dl.facts div { border-left: 3px solid var(--rule); padding-left: 10px; }
dt { font-size: 11px; color: var(--muted); text-transform: uppercase; letter-spacing: .05em; }
dd { margin: 2px 0 0; font-weight: 600; }
nav.contents { margin: 14px 0 0; font-size: 13px; }
nav.contents ol { margin: 0; padding: 0; list-style: none; display: flex; flex-wrap: wrap;
  gap: 4px 18px; }
nav.contents a { text-decoration: none; border-bottom: 1px dotted var(--accent); }
table { width: 100%; border-collapse: collapse; margin: 8px 0 12px; font-size: 13px; }
thead { display: table-header-group; }
tr { break-inside: avoid; }
th, td { padding: 6px 8px; text-align: left; vertical-align: top; }
thead th {
  vertical-align: bottom; border-bottom: 2px solid var(--ink); font-size: 12px;
  font-weight: 600; color: var(--ink);
}
tbody th { font-weight: normal; }
tbody tr { border-bottom: 1px solid var(--rule-light); }
tbody tr:last-child { border-bottom: 1px solid var(--rule); }
.num { text-align: right; white-space: nowrap; }
thead th.num { white-space: normal; }
.sub { display: block; color: var(--muted); font-size: 11.5px; font-weight: normal; }
.max { display: block; color: var(--muted); font-weight: normal; }
th.crit { min-width: 84px; max-width: 130px; font-weight: 600; }
.crit-label { display: block; hyphens: auto; }
td.total { font-weight: 700; }
tr.winner { background: var(--winner); box-shadow: inset 4px 0 0 var(--winner-rule); }
tr.winner td, tr.winner th { font-weight: 700; }
.badge {
  display: inline-block; margin-left: 4px; padding: 0 6px; border: 1px solid var(--winner-rule);
  border-radius: 9px; font-size: 10.5px; font-weight: 600; color: #6b4e00; background: #fff;
  white-space: nowrap; vertical-align: 1px;
}
.flag { font-weight: 700; color: var(--alert); }
.alert {
  border-left: 4px solid var(--alert); background: #fbeaea; padding: 8px 12px; color: #4a0e0e;
}
.notes { font-size: 12.5px; color: #333b46; }
.notes p { margin: 3px 0; }
.empty { color: var(--muted); font-style: italic; }
.lot-facts { color: #333b46; }
.lot-no {
  display: inline-block; margin-right: 6px; padding: 1px 8px; background: var(--accent);
  color: #fff; border-radius: 3px; font-size: 16px; vertical-align: 2px;
}
figure.chart { margin: 14px 0 8px; break-inside: avoid; }
figure.chart svg { display: block; width: 100%; height: auto; max-width: 880px; }
figcaption { font-size: 11.5px; color: var(--muted); margin-top: 2px; }
svg text { font-family: inherit; fill: var(--ink); }
svg .grid { stroke: #d3d8de; stroke-width: 1; }
svg .grid.axis { stroke: #6b7480; }
svg .tick, svg .axis-title { font-size: 11px; fill: var(--muted); }
svg .name { font-size: 12px; }
svg .name.winner, svg .sum { font-weight: 700; }
svg .sum { font-size: 12px; }
svg .seg { font-size: 10.5px; }
svg .seg.on-dark { fill: #fff; }
svg .legend { font-size: 11.5px; }
svg rect { stroke: #fff; stroke-width: 1; }
table.comments td.comment { font-style: italic; }
ul.reasons { margin: 0; padding-left: 16px; }
ul.reasons li + li { margin-top: 4px; }
.legal { display: block; color: var(--muted); font-size: 11.5px; }
.cell, .detail { color: var(--muted); font-size: 11.5px; }
ul.warnings { font-size: 13px; }
td.path { word-break: break-all; }
td.hash { font-family: "DejaVu Sans Mono", "Liberation Mono", Consolas, monospace;
  font-size: 11px; word-break: break-all; }
code.command { word-break: break-all; }
.small { font-size: 12px; color: var(--muted); }
.visually-hidden {
  position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0);
  white-space: nowrap;
}
@page {
  size: A4; margin: 15mm;
  @bottom-right { content: counter(page) " / " counter(pages); font-size: 8pt; color: #5a6472; }
}
@media print {
  html { background: none; }
  body { font-size: 9.5pt; }
  main { max-width: none; margin: 0; padding: 0; box-shadow: none; }
  section.lot, section.method { break-before: page; }
  nav.contents { display: none; }
  table { font-size: 8.5pt; }
  thead th { font-size: 8pt; }
  h3 { margin: 14px 0 6px; }
  figure.chart { margin: 8px 0 4px; }
  h2 { margin-top: 0; }
  section.summary h2, section.audit h2, section.unplaced h2 { margin-top: 18px; }
  a { color: inherit; text-decoration: none; }
  figure.chart svg { max-width: 100%; }
}"""
