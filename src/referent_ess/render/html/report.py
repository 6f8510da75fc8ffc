"""The offer-analysis report ("rapport d'analyse des offres") as one self-contained HTML file.

A buyer hands this file to a board, attaches it to an e-mail or prints it: it must open anywhere,
offline, years later, and show the same thing. So: one file, inline CSS (``report.css``, shipped
in the package), charts as inline SVG, no JavaScript, no fonts, images or styles fetched from
anywhere (a Content Security Policy forbids it, so even a mistake could not make the browser load
something), A4 print rules.

The report is French whatever ``--lang`` says (a document for a French public buyer): it is
worded from the French catalogue (``doc.*`` keys, ``i18n/catalogues/fr/documents.py``). This
module writes the page, the cover, the contents, the summary, the method and the audit trail;
:mod:`.lot_section` writes each lot. Every figure comes from the evaluation.
"""

from collections.abc import Sequence
from datetime import date, datetime
from functools import cache
from importlib import resources
from string import Template

from referent_ess import i18n
from referent_ess.base.writable import writable
from referent_ess.config.choices import PriceFormula
from referent_ess.config.model import Config, CriteriaSet, Criterion
from referent_ess.evaluation.kernel import max_points
from referent_ess.evaluation.results import Evaluation, LotResult, OfferResult, Status
from referent_ess.i18n import numbers, tr
from referent_ess.render.commission import commission_block
from referent_ess.render.document_phrases import (
    indented_label,
    input_role,
    lots_of,
    lump_sum_text,
    offer_name,
    scoring_rule,
    statuses_of,
    threshold_rule,
)
from referent_ess.render.html.lot_section import lot_section, unplaced_section
from referent_ess.render.html.markup import (
    NOT_APPLICABLE,
    compact,
    counted,
    escape,
    figure,
    ranked_first,
)
from referent_ess.render.lint_doc import report_findings, summary
from referent_ess.render.phrases import (
    basis_words,
    deadline_words,
    formula_described,
    formula_text,
    status_explained,
    status_label,
    status_legal_basis,
)
from referent_ess.render.procedure_text import procedure_lines
from referent_ess.render.run_info import RunInfo

__all__ = ["build_report_html"]


def build_report_html(
    evaluation: Evaluation, run: RunInfo, lot_ids: Sequence[int] | None = None
) -> str:
    """The whole report: cover, summary, one section per lot, method, audit trail.

    ``lot_ids`` restricts the report to some lots (``referent report --lot N``); offers whose
    lot could not be read are always shown, since they make every ranking provisional.
    """
    with i18n.language("fr"):
        lots = [lot for lot in evaluation.lots if lot_ids is None or lot.lot.id in lot_ids]
        consultation = evaluation.config.consultation
        parts = [
            _cover(evaluation, lots, run),
            _contents(lots, evaluation),
            _summary(evaluation, lots),
            *(lot_section(evaluation, lot) for lot in lots),
            unplaced_section(evaluation),
            _commission_section(evaluation, lots),
            _method_section(evaluation.config, _lint_part(evaluation, lot_ids)),
            _audit_section(evaluation, lots, run),
        ]
        page = _PAGE.substitute(
            title=escape(tr("doc.report.of", title=consultation.title)),
            generator=escape(f"referent {run.version}"),
            style=_style(),
            body="\n".join(part for part in parts if part),
        )
        return writable(page)


def _date_fr(moment: date | datetime) -> str:
    """A date in words, as French documents write it, on one line."""
    return numbers.date_words(moment, "\u00a0")


# ---- cover, contents, summary ------------------------------------------------------------------


def _cover(evaluation: Evaluation, lots: Sequence[LotResult], run: RunInfo) -> str:
    """What a reader needs before anything else: which call, which lots, when it was analysed."""
    consultation = evaluation.config.consultation
    received = sum(len(lot.offers) for lot in lots)
    where = (
        tr("doc.html.cover.one_lot", lot=lots[0].lot.id)
        if len(lots) == 1
        else counted("doc.html.lots", len(lots))
    )
    buyer = f'<p class="buyer">{escape(consultation.buyer)}</p>' if consultation.buyer else ""
    facts = [
        (tr("doc.deadline"), escape(deadline_words(consultation.deadline, "\u00a0"))),
        (
            tr("doc.html.cover.caps"),
            tr("doc.html.cover.caps_value", basis=basis_words(consultation.cap_basis)),
        ),
        (
            tr("doc.html.cover.offers"),
            tr(
                "doc.html.cover.offers_value",
                received=counted("doc.html.received", received),
                where=where,
            ),
        ),
        (tr("doc.html.cover.date"), escape(_date_fr(run.run_at))),
    ]
    items = "".join(f"<div><dt>{term}</dt><dd>{value}</dd></div>" for term, value in facts)
    return (
        '<header class="cover">\n'
        f'<p class="kicker">{tr("doc.report")}</p>\n'
        f"<h1>{escape(consultation.title)}</h1>\n{buyer}\n"
        f'<dl class="facts">{items}</dl>\n'
        "</header>"
    )


def _contents(lots: Sequence[LotResult], evaluation: Evaluation) -> str:
    """A table of contents with in-page links only (never a link out of the file)."""
    entries = [("synthese", tr("doc.summary"))]
    entries += [
        (f"lot-{lot.lot.id}", tr("lot.title", id=lot.lot.id, title=lot.lot.title)) for lot in lots
    ]
    if evaluation.unplaced:
        entries.append(("sans-lot", tr("lot.unplaced")))
    entries += [
        ("commission", tr("doc.commission.heading")),
        ("methode", tr("doc.html.method")),
        ("tracabilite", tr("doc.html.audit")),
    ]
    items = "".join(f'<li><a href="#{anchor}">{escape(text)}</a></li>' for anchor, text in entries)
    label = tr("doc.html.contents")
    return f'<nav class="contents" aria-label="{label}"><ol>{items}</ol></nav>'


def _summary(evaluation: Evaluation, lots: Sequence[LotResult]) -> str:
    """One line per lot: caps, offers received / admissible / not ranked, proposed winner."""
    rows = []
    for lot in lots:
        winner, total, price = _summary_outcome(lot)
        css = ' class="provisional"' if lot.provisional else ""
        rows.append(
            f"<tr{css}>"
            f'<th scope="row"><a href="#lot-{lot.lot.id}">{tr("doc.lot", lot=lot.lot.id)}</a>'
            f'<span class="sub">{escape(lot.lot.title)}</span></th>'
            f'<td class="num">{numbers.money(lot.lot.cap_ht)}</td>'
            f'<td class="num">{numbers.money(lot.lot.cap_ttc)}</td>'
            f'<td class="num">{len(lot.offers)}</td>'
            f'<td class="num">{len(lot.ranked)}</td>'
            f'<td class="num">{len(lot.excluded)}</td>'
            f"<td>{winner}</td>"
            f'<td class="num">{total}</td>'
            f'<td class="num">{price}</td>'
            "</tr>"
        )
    figure_heads = [
        tr("doc.html.col.cap_ht"),
        tr("doc.html.col.cap_ttc"),
        tr("doc.col.received"),
        tr("doc.html.col.admissible"),
        tr("doc.html.col.excluded"),
    ]
    head = (
        f'<tr><th scope="col">{tr("col.lot")}</th>'
        + "".join(f'<th scope="col" class="num">{text}</th>' for text in figure_heads)
        + f'<th scope="col">{tr("doc.col.winner")}</th>'
        f'<th scope="col" class="num">{tr("col.total")} /{compact(evaluation.config.total)}</th>'
        f'<th scope="col" class="num">{tr("doc.html.col.price")}</th></tr>'
    )
    notes = []
    if any(lot.provisional for lot in lots):
        command = "<code>referent validate</code>"
        notes.append(f'<p class="alert">{tr("doc.html.summary.provisional", command=command)}</p>')
    method = f'<a href="#methode">{tr("doc.html.summary.method_link")}</a>'
    basis = basis_words(evaluation.config.consultation.cap_basis)
    return (
        '<section class="summary" id="synthese" aria-labelledby="synthese-titre">\n'
        f'<h2 id="synthese-titre">{tr("doc.summary")}</h2>\n'
        f"<p>{tr('doc.html.summary.intro', basis=basis, method=method)}</p>\n"
        f'<table class="summary-table"><thead>{head}</thead><tbody>{"".join(rows)}</tbody></table>'
        f"\n{''.join(notes)}\n</section>"
    )


def _summary_outcome(lot: LotResult) -> tuple[str, str, str]:
    """The summary's winner, total and price cells for one lot."""
    if lot.provisional:
        flag = tr("doc.provisional")
        return f'<span class="flag">{flag}</span>', NOT_APPLICABLE, NOT_APPLICABLE
    if not lot.ranked:
        flag = tr("doc.html.summary.no_admissible")
        return f'<span class="flag">{flag}</span>', NOT_APPLICABLE, NOT_APPLICABLE
    first = ranked_first(lot)
    if len(first) > 1:
        names = numbers.listed([escape(offer_name(r)) for r in first])
        total = first[0].total
        assert total is not None
        flag = tr("doc.html.summary.tie")
        return f'<span class="flag">{flag}</span> {names}', figure(total), NOT_APPLICABLE
    (winner,) = first
    assert winner.total is not None
    return (
        f"<strong>{escape(offer_name(winner))}</strong>",
        f"<strong>{figure(winner.total)}</strong>",
        _prices(winner),
    )


def _prices(result: OfferResult) -> str:
    ht = (
        tr("doc.amount.ht", amount=numbers.money(result.price_ht))
        if result.price_ht is not None
        else tr("doc.html.unknown_ht")
    )
    ttc = (
        tr("doc.amount.ttc", amount=numbers.money(result.price_ttc))
        if result.price_ttc is not None
        else tr("doc.html.unknown_ttc")
    )
    return f'{ht}<span class="sub">{ttc}</span>'


# ---- method and audit --------------------------------------------------------------------------


def _lint_part(evaluation: Evaluation, lot_ids: Sequence[int] | None) -> str:
    """What ``referent lint`` finds, listed in the method section: severity, scope, the
    finding with its code, what to do, and the source."""
    findings, texts = report_findings(evaluation, lot_ids)
    lead = f"<h3>{tr('doc.method.lint')}</h3>\n<p>{escape(tr('doc.method.lint_text'))} "
    if not findings:
        return f"{lead}{escape(summary(findings))}</p>"
    head = "".join(
        f'<th scope="col">{tr(key)}</th>'
        for key in ("lint.col.severity", "lint.col.where", "lint.col.found", "lint.col.action")
    )
    rows = "".join(
        f"<tr><td>{escape(w.severity)}</td><td>{escape(w.where)}</td>"
        f"<td>{escape(w.found)} <code>{escape(w.finding.code)}</code>"
        f'<br><span class="source">{escape(w.source)}</span></td>'
        f"<td>{escape(w.action)}</td></tr>"
        for w in texts
    )
    return (
        f"{lead}{escape(summary(findings))}</p>\n"
        f'<table class="lint"><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>'
    )


def _method_section(config: Config, lint_part: str) -> str:
    """The rules the numbers follow, so that the report explains itself, and what the legal
    checks of the evaluation model find."""
    consultation = config.consultation
    sets = config.sets_in_use
    tables, tie_breaks = [], []
    for criteria in sets:
        heading = "" if len(sets) == 1 else f"<h4>{escape(lots_of(config, criteria))}</h4>"
        tables.append(heading + _criteria_table(config, criteria))
        tie_break = _tie_break(criteria)
        tie_breaks.append(
            tie_break if len(sets) == 1 else f"{lots_of(config, criteria)} : {tie_break}"
        )
    tie_break = " ".join(tie_breaks)
    statuses = "".join(
        f'<tr><th scope="row">{status_label(status)}</th><td>{status_explained(status)}</td>'
        f"<td>{escape(status_legal_basis(status) or _no_legal_basis(status))}</td></tr>"
        for status in statuses_of(config)
    )
    vat = numbers.percent(consultation.vat_rate)
    basis = basis_words(consultation.cap_basis)
    procedure = "\n".join(f"<p>{escape(line)}</p>" for line in procedure_lines(config))
    return f"""<section class="method" id="methode" aria-labelledby="methode-titre">
<h2 id="methode-titre">{tr("doc.html.method")}</h2>
<h3>{tr("doc.report.procedure.heading")}</h3>
{procedure}
<h3>{tr("doc.criteria")}</h3>
<p>{tr("doc.html.method.points", total=compact(config.total))}</p>
{"".join(tables)}
<h3>{tr("doc.html.method.prices")}</h3>
<p>{tr("doc.html.method.prices_text", vat=vat, basis=basis)}{escape(lump_sum_text(config))}</p>
<h3>{tr("doc.html.method.rounding")}</h3>
<p>{tr("doc.html.method.rounding_text")}</p>
<h3>{tr("doc.html.method.ranking")}</h3>
<p>{tr("doc.html.method.ranking_text", tie_break=tie_break)}</p>
<h3>{tr("doc.html.method.statuses")}</h3>
<p>{tr("doc.html.method.statuses_text")}</p>
<table class="statuses"><thead><tr><th scope="col">{tr("col.status")}</th>\
<th scope="col">{tr("doc.col.meaning")}</th>
<th scope="col">{tr("doc.html.col.legal_basis")}</th></tr></thead>
<tbody>{statuses}</tbody></table>
{lint_part}
</section>"""


def _criteria_table(config: Config, criteria: CriteriaSet) -> str:
    """Every criterion of a set with its weight, maximum and rule; a sub-criterion after its
    parent, indented."""
    rows = []
    for criterion in criteria.nodes:
        depth = criteria.depth_of(criterion.id)
        top = compact(max_points(config.total, criterion.weight))
        css = ' class="sub-criterion"' if depth > 1 else ""
        label = indented_label(criterion.label, depth)
        # its short label (the name the tables give it), never its id
        short = "" if criterion.header == criterion.label else criterion.header
        rows.append(
            f'<tr{css}><th scope="row">{escape(label)}<span class="sub">'
            f"{escape(short)}</span></th>"
            f'<td class="num">{compact(criterion.weight)} %</td>'
            f'<td class="num">{top}</td><td>{_scoring_rule(config, criterion)}</td></tr>'
        )
    head = (
        f'<tr><th scope="col">{tr("doc.col.criterion")}</th>'
        f'<th scope="col" class="num">{tr("doc.html.col.weight")}</th>'
        f'<th scope="col" class="num">{tr("doc.html.col.max_points")}</th>'
        f'<th scope="col">{tr("doc.col.scoring")}</th></tr>'
    )
    return f'<table class="criteria"><thead>{head}</thead><tbody>{"".join(rows)}</tbody></table>'


def _tie_break(criteria: CriteriaSet) -> str:
    """The set's tie-break rule, its criteria by label."""
    labels = [f"« {escape(c.label)} »" for i in criteria.tie_break if (c := criteria.node(i))]
    if labels:
        then = tr("note.hierarchy.then")
        return tr("doc.html.method.tie_break", criteria=then.join(labels))
    return tr("doc.html.method.no_tie_break")


def _no_legal_basis(status: Status) -> str:
    """What the method table says for a status that is no ground of law."""
    if status is Status.INVALID:
        return tr("doc.html.method.invalid_basis")
    return NOT_APPLICABLE


def _scoring_rule(config: Config, criterion: Criterion) -> str:
    """How the criterion gets its points, and its announced threshold if any (escaped: the
    words of a descriptor scale are the buyer's)."""
    threshold = escape(threshold_rule(criterion, compact))
    if criterion.sub_criteria:
        return tr("doc.parent_rule") + threshold
    if criterion.price is None:
        return escape(scoring_rule(config, criterion, compact)) + threshold
    return _price_rule(config, criterion)


def _price_rule(config: Config, criterion: Criterion) -> str:
    top = compact(max_points(config.total, criterion.weight))
    rule = criterion.price
    assert rule is not None
    basis = rule.basis.value.upper()
    formula = formula_text(rule.formula, top)
    if rule.formula is PriceFormula.LINEAR:
        formula += tr("doc.html.method.linear_equal", top=top)
    elif rule.formula is PriceFormula.GAP:
        formula += tr("doc.with_k", k=compact(rule.k))
    return tr(
        "doc.html.method.price_rule",
        formula=formula_described(rule.formula),
        expression=formula,
        basis=basis,
    )


def _commission_section(evaluation: Evaluation, lots: Sequence[LotResult]) -> str:
    """What the board signs: who met, when and where, the proposed award of each lot, and a
    signature box per member (blank boxes when lots.yaml names none)."""
    block = commission_block(evaluation, lots)
    if block.members:
        rows = "".join(
            f'<tr><th scope="row">{escape(name)}</th><td>{escape(role)}</td></tr>'
            for name, role in block.members
        )
        members = (
            f"<h3>{tr('doc.commission.members')}</h3>"
            f'<table class="members"><thead><tr><th scope="col">{tr("doc.commission.member")}'
            f'</th><th scope="col">{tr("doc.commission.role")}</th></tr></thead>'
            f"<tbody>{rows}</tbody></table>"
        )
    else:
        members = f"<p>{escape(tr('doc.commission.no_members'))}</p>"
    proposals = "".join(f"<li>{escape(text)}</li>" for text in block.proposals)
    boxes = "".join(
        f'<div class="signature"><span class="signatory">{escape(name) or "&nbsp;"}</span>'
        f'<span class="sign-here">{tr("doc.commission.signature")}</span></div>'
        for name in block.signatories
    )
    return f"""<section class="commission" id="commission" aria-labelledby="commission-titre">
<h2 id="commission-titre">{escape(block.heading)}</h2>
<p class="meeting">{escape(block.meeting)}</p>
{members}
<ol class="proposals">{proposals}</ol>
<h3>{escape(block.signature_heading)}</h3>
<p>{escape(block.signature_place)}</p>
<div class="signatures">{boxes}</div>
</section>"""


def _audit_section(evaluation: Evaluation, lots: Sequence[LotResult], run: RunInfo) -> str:
    """Which tool, when, how it was called and the exact files: enough to redo the analysis."""
    inputs = "".join(
        f'<tr><th scope="row">{escape(input_role(item.role))}</th>'
        f'<td class="path">{escape(item.path)}</td><td class="hash">{escape(item.sha256)}</td>'
        "</tr>"
        for item in run.inputs
    )
    headings = evaluation.book.headings
    problems = [
        escape(
            p.describe(
                i18n.message(p.code, p.params), tr("word.sheet"), tr("punct.colon"), headings
            )
        )
        for p in evaluation.book.sheet_problems
    ]
    sheet_notes = (
        f"<h3>{tr('doc.html.audit.sheet_notes')}</h3><ul>"
        + "".join(f"<li>{p}</li>" for p in problems)
        + "</ul>"
        if problems
        else ""
    )
    command = f'<code class="command">{escape(run.command_line)}</code>'
    # the spreadsheet row of each offer: for whoever checks the report against the workbook,
    # never in the tables a board reads
    shown = [(str(lot.lot.id), r) for lot in lots for r in lot.offers]
    shown += [(NOT_APPLICABLE, r) for r in evaluation.unplaced]
    offer_rows = "".join(
        f'<tr><td class="num">{result.offer.row}</td>'
        f'<td class="num">{lot_id}</td><td>{escape(offer_name(result))}</td></tr>'
        for lot_id, result in sorted(shown, key=lambda item: item[1].offer.row)
    )
    rows_table = (
        f"<h3>{tr('doc.audit.rows')}</h3>"
        f'<table class="rows"><thead><tr><th scope="col" class="num">{tr("col.row")}</th>'
        f'<th scope="col" class="num">{tr("doc.audit.lot")}</th>'
        f'<th scope="col">{tr("col.candidate")}</th></tr></thead><tbody>{offer_rows}</tbody>'
        "</table>"
        if offer_rows
        else ""
    )
    return f"""<section class="audit" id="tracabilite" aria-labelledby="tracabilite-titre">
<h2 id="tracabilite-titre">{tr("doc.html.audit")}</h2>
<dl class="facts">
<div><dt>{tr("doc.audit.tool")}</dt><dd>referent {escape(run.version)}</dd></div>
<div><dt>{tr("doc.html.audit.run_at")}</dt><dd>{escape(_date_fr(run.run_at))}</dd></div>
<div><dt>{tr("doc.html.audit.sheet")}</dt><dd>{escape(evaluation.book.sheet) or NOT_APPLICABLE}\
</dd></div>
</dl>
<p>{tr("doc.audit.command")}{tr("punct.colon")}{command}</p>
<table class="inputs"><thead><tr><th scope="col">{tr("doc.audit.file")}</th>\
<th scope="col">{tr("doc.audit.path")}</th>
<th scope="col">{tr("doc.html.audit.sha256")}</th></tr></thead><tbody>{inputs}</tbody></table>
<p class="small">{tr("doc.html.audit.same_files")}</p>
{rows_table}
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


@cache
def _style() -> str:
    """The page's style sheet, ``report.css`` (shipped in the package), without its last
    newline (the page adds one)."""
    css = resources.files("referent_ess.render.html").joinpath("report.css")
    return css.read_text(encoding="utf-8").removesuffix("\n")
