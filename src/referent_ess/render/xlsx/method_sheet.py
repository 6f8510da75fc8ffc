"""The method sheet of the xlsx report: the rules the figures follow, written out, so that the
report explains itself (criteria and weights, price formula, prices, rounding, ties, abnormally
low offers, deadline and documents, the statuses and their legal basis)."""

from collections.abc import Sequence
from decimal import Decimal

from referent_ess.base.exact import round_half_up
from referent_ess.config.choices import AbnormalMethod, PriceFormula
from referent_ess.config.model import Config, CriteriaSet
from referent_ess.evaluation.abnormally_low import MINIMUM_OFFERS
from referent_ess.evaluation.results import Evaluation, Status
from referent_ess.i18n import numbers, tr
from referent_ess.render.document_phrases import (
    indented_label,
    lots_of,
    lump_sum_text,
    scoring_rule,
    statuses_of,
    threshold_rule,
)
from referent_ess.render.lint_doc import report_findings, summary
from referent_ess.render.phrases import (
    basis_words,
    formula_described,
    status_explained,
    status_label,
    status_legal_basis,
)
from referent_ess.render.procedure_text import procedure_lines
from referent_ess.render.xlsx.sheet_writer import BOLD, POINTS_FORMAT, SheetWriter, page_setup
from referent_ess.render.xlsx.wording import deadline_text, maximum, plain, price_formula


def method_sheet(
    sheet: SheetWriter, config: Config, evaluation: Evaluation, lot_ids: Sequence[int] | None
) -> None:
    """The rules, written out, so that the report explains itself, then what the legal checks
    of the evaluation model find (``referent lint``)."""
    last = 5
    sheet.title(tr("doc.xlsx.method.title"))
    row = 3
    sheet.put(row, 1, tr("doc.criteria"), font=BOLD, measure=False)
    row += 1
    sets = config.sets_in_use
    for criteria in sets:
        if len(sets) > 1:
            sheet.put(row, 1, lots_of(config, criteria), font=BOLD, measure=False)
            row += 1
        row = _criteria_table(sheet, row, config, criteria) + 2
    row -= 2

    for title, text in _sections(config):
        row += 2
        sheet.put(row, 1, title, font=BOLD, measure=False)
        row += 1
        sheet.block(row, 1, last, text)

    row += 2
    sheet.put(row, 1, tr("doc.xlsx.method.statuses"), font=BOLD, measure=False)
    row += 1
    for col, header in enumerate([tr("col.status"), tr("doc.col.meaning")], start=1):
        sheet.put(row, col, header, header=True)
    for col in range(3, last + 1):
        sheet.put(row, col, None, header=True, measure=False)
    sheet.block(row, 3, last, tr("doc.col.legal_basis"), font=BOLD)
    for status in statuses_of(config):
        row += 1
        sheet.put(row, 1, status_label(status))
        sheet.put(row, 2, status_explained(status), wrap=50)
        basis_text = status_legal_basis(status) or (
            tr("doc.xlsx.method.ranked") if status is Status.ADMISSIBLE else tr("no_ground")
        )
        sheet.block(row, 3, last, basis_text)
    _lint_rows(sheet, row + 2, last, evaluation, lot_ids)
    page_setup(sheet.ws, landscape=False)
    sheet.finish(maximum=52)


def _lint_rows(
    sheet: SheetWriter, row: int, last: int, evaluation: Evaluation, lot_ids: Sequence[int] | None
) -> None:
    """The findings of ``referent lint``: severity, scope, the finding with its code and its
    source, what to do; or one line saying there are none."""
    findings, texts = report_findings(evaluation, lot_ids)
    sheet.put(row, 1, tr("doc.method.lint"), font=BOLD, measure=False)
    row += 1
    sheet.block(row, 1, last, f"{tr('doc.method.lint_text')} {summary(findings)}")
    if not texts:
        return
    row += 1
    headers = ("lint.col.severity", "lint.col.where", "lint.col.found", "lint.col.action")
    for col, header in enumerate(headers, start=1):
        sheet.put(row, col, tr(header), header=True)
    for col in range(len(headers) + 1, last + 1):
        sheet.put(row, col, None, header=True, measure=False)
    for w in texts:
        row += 1
        sheet.put(row, 1, w.severity)
        sheet.put(row, 2, w.where)
        sheet.put(row, 3, f"{w.found} [{w.finding.code}] — {w.source}", wrap=50)
        sheet.block(row, 4, last, w.action)


def _criteria_table(sheet: SheetWriter, row: int, config: Config, criteria: CriteriaSet) -> int:
    """A set's criteria, each sub-criterion after its parent with its label indented, and the
    total of the top-level weights; the last row written."""
    headers = ["doc.col.criterion", "doc.xlsx.col.label", "doc.xlsx.col.weight"]
    headers += ["doc.col.scoring", "doc.xlsx.col.max_points"]
    for col, header in enumerate(headers, start=1):
        sheet.put(row, col, tr(header), header=True, wrap=14)
    for criterion in criteria.nodes:
        row += 1
        top = maximum(config, criterion)
        if criterion.sub_criteria:
            how = tr("doc.parent_rule")
        elif criterion.is_price:
            how = tr("doc.xlsx.method.price_rule", formula=price_formula(config, criteria))
        else:
            how = scoring_rule(config, criterion, plain)
        how += threshold_rule(criterion, plain)
        label = indented_label(criterion.label, criteria.depth_of(criterion.id))
        sheet.put(row, 1, criterion.header)  # the name the tables give it, never its id
        sheet.put(row, 2, label, wrap=50)
        sheet.put(row, 3, criterion.weight)
        sheet.put(row, 4, how, wrap=40)
        sheet.put(row, 5, numbers.points(top), fmt=POINTS_FORMAT)
    row += 1
    sheet.put(row, 1, tr("col.total"), font=BOLD)
    sheet.put(row, 3, sum((c.weight for c in criteria.criteria), Decimal(0)), font=BOLD)
    sheet.put(row, 5, round_half_up(config.total), fmt=POINTS_FORMAT, font=BOLD)
    return row


def _per_set(config: Config, texts: list[tuple[CriteriaSet, str]]) -> str:
    """One text per set in use: alone when all lots share one, else each after its lots."""
    if len(texts) == 1:
        return texts[0][1]
    return " ".join(f"{lots_of(config, criteria)} : {text}" for criteria, text in texts)


def _formula_text(config: Config, criteria: CriteriaSet) -> str:
    price = criteria.price_criterion
    rule = price.price
    assert rule is not None
    extra = {
        PriceFormula.PROPORTIONAL: "",
        PriceFormula.LINEAR: tr("doc.xlsx.method.linear"),
        PriceFormula.GAP: tr("doc.xlsx.method.gap", k=plain(rule.k)),
    }[rule.formula]
    return tr(
        "doc.xlsx.method.formula_text",
        criterion=price.label,
        formula=formula_described(rule.formula),
        expression=price_formula(config, criteria),
        basis=basis_words(rule.basis),
        extra=extra,
    )


def _documents_text(config: Config) -> str:
    """The documents required: the consultation's list, or each lot's when they differ."""
    none = tr("doc.xlsx.method.no_documents")
    lists = {config.documents_for(lot.id) for lot in config.lots}
    if len(lists) <= 1:
        return (
            ", ".join(map(config.document_label, config.documents_for(config.lots[0].id))) or none
        )
    return tr("punct.semicolon").join(
        f"{tr('doc.lot', lot=lot.id)}{tr('punct.colon')}"
        f"{', '.join(map(config.document_label, config.documents_for(lot.id))) or none}"
        for lot in config.lots
    )


def _sections(config: Config) -> list[tuple[str, str]]:
    """Each rule: its title and its paragraph."""
    consultation = config.consultation
    sets = config.sets_in_use
    documents = _documents_text(config)
    return [
        (tr("doc.report.procedure.heading"), " ".join(procedure_lines(config))),
        (
            tr("doc.xlsx.method.formula"),
            _per_set(config, [(s, _formula_text(config, s)) for s in sets]),
        ),
        (
            tr("doc.xlsx.method.prices"),
            tr(
                "doc.xlsx.method.prices_text",
                vat=numbers.percent(consultation.vat_rate),
                basis=basis_words(consultation.cap_basis),
            )
            + lump_sum_text(config),
        ),
        (tr("doc.xlsx.method.rounding"), tr("doc.xlsx.method.rounding_text")),
        (
            tr("doc.xlsx.method.ties"),
            _per_set(config, [(s, _tie_break_text(s)) for s in sets]),
        ),
        (tr("doc.xlsx.method.abnormal"), _abnormal_text(config)),
        (
            tr("doc.xlsx.method.deadline"),
            tr(
                "doc.xlsx.method.deadline_text",
                deadline=deadline_text(consultation.deadline),
                documents=documents,
            ),
        ),
    ]


def _abnormal_text(config: Config) -> str:
    consultation = config.consultation
    method = consultation.abnormally_low
    if method is AbnormalMethod.NONE:
        return tr("doc.xlsx.abnormal.none")
    rule = tr(f"doc.xlsx.abnormal.{method.value}", ratio=plain(consultation.abnormally_low_ratio))
    return tr("doc.xlsx.abnormal.rule", rule=rule, n=MINIMUM_OFFERS)


def _tie_break_text(criteria: CriteriaSet) -> str:
    if not criteria.tie_break:
        return tr("doc.xlsx.method.no_tie_break")
    labels = tr("note.hierarchy.then").join(
        f"« {node.label} »" for c in criteria.tie_break if (node := criteria.node(c)) is not None
    )
    return tr("doc.xlsx.method.tie_break", criteria=labels)
