"""The method sheet of the xlsx report: the rules the figures follow, written out, so that the
report explains itself (criteria and weights, price formula, prices, rounding, ties, abnormally
low offers, deadline and documents, the statuses and their legal basis)."""

from decimal import Decimal

from referent_ess.base.exact import round_half_up
from referent_ess.config.choices import AbnormalMethod, PriceFormula
from referent_ess.config.model import Config
from referent_ess.evaluation.abnormally_low import MINIMUM_OFFERS
from referent_ess.evaluation.results import Status
from referent_ess.i18n import numbers, tr
from referent_ess.render.phrases import (
    basis_words,
    criterion_label,
    formula_described,
    status_explained,
    status_label,
    status_legal_basis,
)
from referent_ess.render.xlsx.sheet_writer import BOLD, POINTS_FORMAT, SheetWriter, page_setup
from referent_ess.render.xlsx.wording import deadline_text, maximum, plain, price_formula


def method_sheet(sheet: SheetWriter, config: Config) -> None:
    """The rules, written out, so that the report explains itself."""
    last = 5
    sheet.title(tr("doc.xlsx.method.title"))
    row = 3
    sheet.put(row, 1, tr("doc.criteria"), font=BOLD, measure=False)
    row += 1
    headers = ["doc.col.criterion", "doc.xlsx.col.label", "doc.xlsx.col.weight"]
    headers += ["doc.col.scoring", "doc.xlsx.col.max_points"]
    for col, header in enumerate(headers, start=1):
        sheet.put(row, col, tr(header), header=True, wrap=14)
    for criterion in config.criteria:
        row += 1
        top = maximum(config, criterion)
        if criterion.is_price:
            how = tr("doc.xlsx.method.price_rule", formula=price_formula(config))
        else:
            how = tr("doc.marks_rule", scale=plain(criterion.scale), top=plain(top))
        sheet.put(row, 1, criterion.id)
        sheet.put(row, 2, criterion.label, wrap=50)
        sheet.put(row, 3, criterion.weight)
        sheet.put(row, 4, how, wrap=40)
        sheet.put(row, 5, numbers.points(top), fmt=POINTS_FORMAT)
    row += 1
    sheet.put(row, 1, tr("col.total"), font=BOLD)
    sheet.put(row, 3, sum((c.weight for c in config.criteria), Decimal(0)), font=BOLD)
    sheet.put(row, 5, round_half_up(config.total), fmt=POINTS_FORMAT, font=BOLD)

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
    for status in Status:
        row += 1
        sheet.put(row, 1, status_label(status))
        sheet.put(row, 2, status_explained(status), wrap=50)
        basis_text = status_legal_basis(status) or (
            tr("doc.xlsx.method.ranked") if status is Status.ADMISSIBLE else tr("no_ground")
        )
        sheet.block(row, 3, last, basis_text)
    page_setup(sheet.ws, landscape=False)
    sheet.finish(maximum=52)


def _sections(config: Config) -> list[tuple[str, str]]:
    """Each rule: its title and its paragraph."""
    consultation = config.consultation
    price = config.price_criterion
    rule = price.price
    assert rule is not None
    basis = basis_words(rule.basis)
    extra = {
        PriceFormula.PROPORTIONAL: "",
        PriceFormula.LINEAR: tr("doc.xlsx.method.linear"),
        PriceFormula.GAP: tr("doc.xlsx.method.gap", k=plain(rule.k)),
    }[rule.formula]
    documents = ", ".join(consultation.required_documents) or tr("doc.xlsx.method.no_documents")
    return [
        (
            tr("doc.xlsx.method.formula"),
            tr(
                "doc.xlsx.method.formula_text",
                criterion=price.label,
                formula=formula_described(rule.formula),
                expression=price_formula(config),
                basis=basis,
                extra=extra,
            ),
        ),
        (
            tr("doc.xlsx.method.prices"),
            tr(
                "doc.xlsx.method.prices_text",
                vat=numbers.percent(consultation.vat_rate),
                basis=basis_words(consultation.cap_basis),
            ),
        ),
        (tr("doc.xlsx.method.rounding"), tr("doc.xlsx.method.rounding_text")),
        (tr("doc.xlsx.method.ties"), _tie_break_text(config)),
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


def _tie_break_text(config: Config) -> str:
    if not config.tie_break:
        return tr("doc.xlsx.method.no_tie_break")
    labels = tr("note.hierarchy.then").join(
        f"« {criterion_label(config, c)} »" for c in config.tie_break
    )
    return tr("doc.xlsx.method.tie_break", criteria=labels)
