"""Markdown for documents: the ranking of each lot with its notes (``score``, ``rank``), the
problems found (``validate``), the budget check (``check-budget``).

Worded in the run's language, amounts and figures written as people read them there; the same
sentences as the terminal tables (:mod:`referent_ess.render.phrases`). Whatever comes from the
inputs is made inert (:func:`~referent_ess.render.markdown_text.md`), and the document writable
(:func:`~referent_ess.base.writable.writable`).
"""

from collections.abc import Sequence

from referent_ess import i18n
from referent_ess.base.writable import writable
from referent_ess.config.choices import PriceModel
from referent_ess.evaluation.budget import BudgetReport
from referent_ess.evaluation.lookup import chosen_lots
from referent_ess.evaluation.results import Evaluation, LotResult, OfferResult
from referent_ess.i18n import tr
from referent_ess.problems.problem import Problem, ValidationReport
from referent_ess.render.cells import (
    BudgetWords,
    budget_rows,
    criterion_text,
    gap_to_first,
    shown_criteria,
    text,
)
from referent_ess.render.commission import commission_block
from referent_ess.render.markdown_text import md
from referent_ess.render.phrases import (
    abnormal_text,
    award_note,
    budget_pse_note,
    budget_summary,
    excluded_reasons,
    inputs_text,
    lot_warnings,
    price_note,
    round_lines,
    status_label,
    table_tie_notes,
    tree_notes,
    validation_verdict,
)
from referent_ess.render.procedure_text import procedure_lines


def evaluation_markdown(
    evaluation: Evaluation,
    lot_ids: Sequence[int] | None = None,
    *,
    gaps: bool = False,
    detail: bool = False,
) -> str:
    """A ranked table per lot (its top-level criteria; ``detail``: every sub-criterion too),
    how price points were computed, what each criterion with sub-criteria is made of, then the
    offers not ranked with their reasons and legal basis."""
    config = evaluation.config
    out: list[str] = [
        f"# {md(config.consultation.title)}",
        "",
        md(inputs_text(evaluation)),
        "",
    ]
    with i18n.language("fr"):  # as the commission's block: the documents' words
        out += [line for text in procedure_lines(config) for line in (md(text), "")]
    for lot in chosen_lots(evaluation, lot_ids):
        out += [f"## {md(tr('lot.title', id=lot.lot.id, title=lot.lot.title))}", ""]
        caps = tr("md.caps", ht=i18n.money(lot.lot.cap_ht), ttc=i18n.money(lot.lot.cap_ttc))
        out += [caps, ""]
        if lot.provisional:
            out += [tr("md.provisional"), ""]
        if lot.ranked:
            shown = shown_criteria(config, lot.lot.id, detail=detail)
            criteria = [c for c, _ in shown]
            columns = ("rank", "candidate", "price_ht", "price_ttc")
            header = [tr(f"col.{c}").replace("\n", " ") for c in columns]
            header += [f"{'·' * (depth - 1)}{md(c.header)}" for c, depth in shown]
            header += [tr("col.total"), *([tr("col.gap")] if gaps else [])]
            out.append("| " + " | ".join(header) + " |")
            out.append("|---:|---|" + "---:|" * (len(header) - 2))
            for result in lot.ranked:
                cells = [
                    str(result.rank),
                    md(result.candidate),
                    text(i18n.money(result.price_ht)),
                    text(i18n.money(result.price_ttc)),
                    *(text(criterion_text(result, c, config, i18n.number, md)) for c in criteria),
                    text(i18n.number(result.total)),
                    *([text(i18n.number(gap_to_first(lot, result)))] if gaps else []),
                ]
                if lot.is_awarded(result):
                    cells = [f"**{cell}**" if cell else cell for cell in cells]
                out.append("| " + " | ".join(cells) + " |")
            out += ["", md(price_note(evaluation, lot)), ""]
            out += _arithmetic_notes(lot.offers)
            out += [line for n in tree_notes(config, lot.lot.id) for line in (md(n), "")]
            out += [md(abnormal_text(evaluation)), ""] if lot.abnormal_note else []
            out += [line for warning in lot_warnings(lot) for line in (f"**{md(warning)}**", "")]
            out += [*(md(note) for note in table_tie_notes(config, lot)), ""] if lot.ties else []
            if lot.award is not None and lot.award.rank != 1:
                award = tr("lot.award", candidate=lot.award.candidate, note=award_note(lot))
                out += [f"**{md(award)}**", ""]
        else:
            out += [tr("lot.no_admissible"), ""]
        revised = round_lines(lot)
        if revised:
            out += [f"**{md(tr('rounds.title'))}**", ""]
            out += [*(f"- {md(line)}" for line in revised), ""]
        if lot.excluded:
            out += [tr("md.not_ranked"), ""]
            out += [f"- {md(_excluded_line(result))}" for result in lot.excluded]
            out.append("")
    if evaluation.unplaced:
        out += [f"## {tr('lot.unplaced')}", ""]
        out += [f"- {md(_excluded_line(result))}" for result in evaluation.unplaced]
        out.append("")
    if config.consultation.commission is not None:
        out += _commission_lines(evaluation, chosen_lots(evaluation, lot_ids))
    return writable("\n".join(out))


def _arithmetic_notes(offers: Sequence[OfferResult]) -> list[str]:
    """The offers of a schedule or DPGF lot whose stated total is not their lines': what was
    stated, the sum, and the price evaluated (none for other lots)."""
    notes = [
        f"- {md(tr('md.offer_note', candidate=result.candidate, note=_worded(warning)))}"
        for result in offers
        for warning in result.warnings
        if warning.code == "arithmetic-error"
    ]
    return [*notes, ""] if notes else []


def _worded(problem: Problem) -> str:
    return i18n.message(problem.code, problem.params)


def _commission_lines(evaluation: Evaluation, lots: Sequence[LotResult]) -> list[str]:
    """The commission's block (``commission:`` of lots.yaml), in French as every document a
    board signs: the meeting, the members, the proposed awards, the signatures to fill in."""
    with i18n.language("fr"):
        block = commission_block(evaluation, lots)
        out = [f"## {md(block.heading)}", "", md(block.meeting), ""]
        if block.members:
            out += [f"| {tr('doc.commission.member')} | {tr('doc.commission.role')} |", "|---|---|"]
            out += [f"| {md(name)} | {md(role)} |" for name, role in block.members]
        else:
            out.append(md(tr("doc.commission.no_members")))
        out += ["", *(f"- {md(text)}" for text in block.proposals), ""]
        out += [f"### {md(block.signature_heading)}", "", md(block.signature_place), ""]
        signature = tr("doc.commission.signature")
        blank = tr("doc.commission.blank")
        out += [f"- {md(name) or blank} — {signature} : {blank}" for name in block.signatories]
        out.append("")
    return out


def _excluded_line(result: OfferResult) -> str:
    reasons = tr("punct.semicolon").join(excluded_reasons(result))
    status = status_label(result.status)
    row = tr("md.row", row=result.offer.row)
    return tr("md.excluded", candidate=result.candidate, row=row, status=status, reasons=reasons)


def validation_markdown(report: ValidationReport) -> str:
    """The verdict, then one line per problem, worded in the current language (the CSV and the
    JSON keep the raw fields)."""
    out = [validation_verdict(report), ""]
    if report.problems:
        columns = ("severity", "where", "field", "code", "message")
        out.append("| " + " | ".join(md(tr(f"col.{key}")) for key in columns) + " |")
        out.append("|" + "---|" * len(columns))
        for problem in report.problems:
            cells = (
                tr(f"severity.{problem.severity.value}"),
                problem.place(tr("word.sheet"), tr("punct.colon")),
                problem.shown_field(report.headings),
                problem.code,
                i18n.message(problem.code, problem.params),
            )
            out.append("| " + " | ".join(md(cell) for cell in cells) + " |")
        out.append("")
    return writable("\n".join(out))


_MARKDOWN_COLUMNS = (
    "lot", "candidate", "row", "day_rate", "days", "vat", "price_ht", "price_ttc", "basis", "cap",
    "margin", "check",
)  # fmt: skip
_DAY_RATE = frozenset({"day_rate", "days"})


def budget_markdown(evaluation: Evaluation, report: BudgetReport) -> str:
    """The budget check for a document: its input files, one line per offer and cap checked,
    worded and with amounts written in the current language."""
    title = tr("md.budget_title", title=evaluation.config.consultation.title)
    out = [f"# {md(title)}", "", md(inputs_text(evaluation)), ""]
    # the day rate and days: only when some lot is priced by them, or an offer of no known lot
    # states them (else always empty: lump sums, lines)
    day_rate = PriceModel.DAY_RATE in evaluation.config.price_models or any(
        r.offer.day_rate_ht is not None for r in evaluation.unplaced
    )
    shown = [i for i, key in enumerate(_MARKDOWN_COLUMNS) if day_rate or key not in _DAY_RATE]
    out.append("| " + " | ".join(md(tr(f"col.{_MARKDOWN_COLUMNS[i]}")) for i in shown) + " |")
    out.append("|" + "---|" * len(shown))
    words = BudgetWords(
        i18n.money, i18n.quantity, i18n.percent, str.upper, lambda v: tr(f"verdict.{v}")
    )
    for row in budget_rows(evaluation, words):
        out.append("| " + " | ".join(md(row[i]) for i in shown) + " |")
    for lot in evaluation.lots:  # a lot with PSE: which prices its caps are checked against
        pse = budget_pse_note(evaluation.config, lot.lot)
        if pse:
            heading = tr("lot.title", id=lot.lot.id, title=lot.lot.title)
            out += ["", md(f"{heading}{tr('punct.colon')}{pse}")]
    out += ["", budget_summary(report), ""]
    return writable("\n".join(out))
