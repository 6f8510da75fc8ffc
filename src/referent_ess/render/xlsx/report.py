"""The offer-analysis report ("rapport d'analyse des offres") as an .xlsx workbook.

A French buyer hands this workbook to their board: a summary of every lot, one sheet per lot
with the ranking, the marks (and the jury's comments), the offers not ranked with their legal
basis and a stacked bar chart (:mod:`.lot_sheet`), the scoring method written out
(:mod:`.method_sheet`), and an audit trail of the run.

French whatever ``--lang`` says, worded from the French catalogue (``doc.*`` keys). Rendering
only: every figure comes from the evaluation; points are rounded half up to 2 decimals here, for
display. Text that comes from the inputs is neutralised against formula injection
(:mod:`.sheet_writer`). The same inputs give byte-identical sheets apart from the run date
(workbook properties and zip entry timestamps are fixed), so two reports can be compared file to
file.
"""

from collections.abc import Sequence
from datetime import UTC, datetime

from openpyxl import Workbook
from openpyxl.styles import Border, Side

from referent_ess import i18n
from referent_ess.evaluation.results import Evaluation, LotResult, OfferResult, Status
from referent_ess.files.xlsx_bytes import workbook_bytes
from referent_ess.i18n import numbers, tr
from referent_ess.render.commission import commission_block
from referent_ess.render.document_phrases import input_role, offer_name
from referent_ess.render.phrases import award_note, basis_words
from referent_ess.render.run_info import RunInfo
from referent_ess.render.xlsx.lot_sheet import lot_sheet
from referent_ess.render.xlsx.method_sheet import method_sheet
from referent_ess.render.xlsx.sheet_writer import (
    BOLD,
    MONEY_FORMAT,
    NOTE,
    POINTS_FORMAT,
    WARNING,
    SheetWriter,
    clean,
    header_footer,
    money,
    page_setup,
)
from referent_ess.render.xlsx.wording import deadline_text, plain, provisional_note

__all__ = ["build_report_xlsx"]


def build_report_xlsx(
    evaluation: Evaluation, run: RunInfo, lot_ids: Sequence[int] | None = None
) -> bytes:
    """The report as the bytes of an .xlsx file, restricted to ``lot_ids`` when given."""
    with i18n.language("fr"):
        lots = [lot for lot in evaluation.lots if lot_ids is None or lot.lot.id in lot_ids]
        workbook = Workbook()
        default = workbook.active
        if default is not None:
            workbook.remove(default)
        _summary_sheet(SheetWriter(workbook.create_sheet(tr("doc.summary"))), evaluation, lots)
        for lot in lots:
            ws = workbook.create_sheet(tr("doc.lot", lot=lot.lot.id))
            lot_sheet(SheetWriter(ws), evaluation, lot)
        _commission_sheet(
            SheetWriter(workbook.create_sheet(tr("doc.xlsx.sheet.commission"))), evaluation, lots
        )
        method_sheet(
            SheetWriter(workbook.create_sheet(tr("doc.xlsx.sheet.method"))),
            evaluation.config,
            evaluation,
            lot_ids,
        )
        _audit_sheet(
            SheetWriter(workbook.create_sheet(tr("doc.xlsx.sheet.audit"))), evaluation, run, lots
        )

        for ws in workbook.worksheets:
            header_footer(ws, evaluation.config.consultation.title)
        moment = _naive_utc(run.run_at)
        properties = workbook.properties
        properties.created = moment
        properties.modified = moment
        properties.creator = "referent"
        properties.lastModifiedBy = None
        properties.title = clean(tr("doc.report.of", title=evaluation.config.consultation.title))
        return workbook_bytes(workbook)


# ---- the commission's sheet -------------------------------------------------------------------


_THIN = Side(style="thin")
_SIGNATURE_BOX = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_SIGNATURE_HEIGHT = 60.0  # points: room to sign


def _commission_sheet(
    sheet: SheetWriter, evaluation: Evaluation, lots: Sequence[LotResult]
) -> None:
    """What the board signs: who met, the proposed award of each lot, a box per signature."""
    block = commission_block(evaluation, lots)
    sheet.title(block.heading)
    sheet.block(2, 1, 3, block.meeting)
    row = 4
    if block.members:
        sheet.put(row, 1, tr("doc.commission.member"), header=True)
        sheet.put(row, 2, tr("doc.commission.role"), header=True)
        for name, role in block.members:
            row += 1
            sheet.put(row, 1, name, wrap=40)
            sheet.put(row, 2, role or None, wrap=30)
    else:
        sheet.block(row, 1, 3, tr("doc.commission.no_members"))
    row += 2
    for text in block.proposals:
        sheet.block(row, 1, 3, text)
        row += 1
    row += 1
    sheet.put(row, 1, block.signature_heading, font=BOLD, measure=False)
    row += 1
    sheet.put(row, 1, block.signature_place, measure=False)
    for name in block.signatories:
        row += 1
        sheet.put(row, 1, name or None, wrap=40)
        box = sheet.ws.cell(row=row, column=2)
        box.border = _SIGNATURE_BOX
        sheet.put(row, 3, None, measure=False)
        sheet.ws.cell(row=row, column=3).border = _SIGNATURE_BOX
        sheet.ws.merge_cells(start_row=row, start_column=2, end_row=row, end_column=3)
        sheet.ws.row_dimensions[row].height = _SIGNATURE_HEIGHT
    page_setup(sheet.ws, landscape=False)
    sheet.widths[2] = max(sheet.widths.get(2, 0.0), 30.0)
    sheet.widths[3] = max(sheet.widths.get(3, 0.0), 30.0)
    sheet.finish()


# ---- the summary sheet ------------------------------------------------------------------------


def _summary_sheet(sheet: SheetWriter, evaluation: Evaluation, lots: Sequence[LotResult]) -> None:
    """What the board reads first: the consultation, then one line per lot with its winner."""
    config = evaluation.config
    consultation = config.consultation
    total = tr("doc.xlsx.col.total", total=plain(config.total))
    headers = [
        tr("col.lot"),
        tr("doc.xlsx.col.title"),
        tr("doc.xlsx.col.cap_ht"),
        tr("doc.xlsx.col.cap_ttc"),
        tr("doc.col.received"),
        tr("doc.xlsx.col.admissible"),
        tr("lot.not_ranked"),
        tr("doc.col.winner"),
        total,
        tr("doc.col.price_ht"),
        tr("doc.col.price_ttc"),
        tr("doc.xlsx.col.observation"),
    ]
    last = len(headers)
    sheet.title(tr("doc.report"))
    basis = basis_words(consultation.cap_basis)
    facts = [
        (tr("doc.xlsx.summary.consultation"), consultation.title),
        (tr("doc.xlsx.summary.buyer"), consultation.buyer or tr("doc.xlsx.summary.no_buyer")),
        (tr("doc.deadline"), deadline_text(consultation.deadline)),
        (tr("doc.xlsx.summary.cap"), tr("doc.xlsx.summary.cap_value", basis=basis)),
        (
            tr("doc.xlsx.summary.criteria"),
            tr(
                "doc.xlsx.summary.criteria_value"
                if len(config.sets_in_use) == 1
                else "doc.xlsx.summary.criteria_by_lot",
                n=len(config.sets_in_use[0].criteria),
                total=plain(config.total),
                sheet=tr("doc.xlsx.sheet.method"),
            ),
        ),
    ]
    row = 3
    for label, value in facts:
        sheet.put(row, 1, label, font=BOLD, measure=False)
        sheet.ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=2)
        sheet.block(row, 3, last, value)
        row += 1
    row += 1
    header_row = row
    for col, header in enumerate(headers, start=1):
        sheet.put(row, col, header, header=True, wrap=12 if col > 2 else None)
    for lot in lots:
        row += 1
        _summary_row(sheet, row, lot)
    row += 2
    notes = []
    if any(lot.provisional for lot in lots):
        notes.append(provisional_note(evaluation, lots))
    if evaluation.unplaced:
        notes.append(tr("doc.xlsx.summary.unplaced", n=len(evaluation.unplaced)))
    notes.append(tr("doc.xlsx.summary.rounding"))
    for note in notes:
        sheet.block(row, 1, last, note, font=NOTE)
        row += 1
    sheet.ws.freeze_panes = f"A{header_row + 1}"
    page_setup(sheet.ws)
    sheet.finish(maximum=45)


def _summary_row(sheet: SheetWriter, row: int, lot: LotResult) -> None:
    sheet.put(row, 1, lot.lot.id, center=True)
    sheet.put(row, 2, lot.lot.title, wrap=45)
    sheet.put(row, 3, money(lot.lot.cap_ht), fmt=MONEY_FORMAT)
    sheet.put(row, 4, money(lot.lot.cap_ttc), fmt=MONEY_FORMAT)
    sheet.put(row, 5, len(lot.offers))
    sheet.put(row, 6, sum(1 for r in lot.offers if r.status is Status.ADMISSIBLE))
    sheet.put(row, 7, len(lot.excluded))
    winners = lot.winners
    observation = ""
    if not winners:
        sheet.put(row, 8, tr("doc.xlsx.summary.no_admissible"), font=WARNING)
    elif lot.provisional:
        sheet.put(row, 8, tr("doc.xlsx.summary.provisional"), font=WARNING)
        leader = winners[0]
        observation = tr(
            "doc.xlsx.summary.leading",
            names=numbers.listed([offer_name(r) for r in winners]),
            total=numbers.number(leader.total or 0, grouped=True),
        )
    else:
        if lot.award is not None and lot.award not in winners:  # max_lots_per_candidate
            winners = (lot.award,)
            observation = str(award_note(lot))
        first = winners[0]
        sheet.put(row, 8, numbers.listed([offer_name(r) for r in winners]), font=BOLD, wrap=40)
        sheet.put(row, 9, numbers.points(first.total), fmt=POINTS_FORMAT, font=BOLD)
        if len(winners) == 1:
            sheet.put(row, 10, money(first.price_ht), fmt=MONEY_FORMAT)
            sheet.put(row, 11, money(first.price_ttc), fmt=MONEY_FORMAT)
        else:
            observation = tr("doc.xlsx.summary.tie")
    sheet.put(row, 12, observation or None, wrap=45)


# ---- the audit sheet --------------------------------------------------------------------------


def _audit_sheet(
    sheet: SheetWriter, evaluation: Evaluation, run: RunInfo, lots: Sequence[LotResult]
) -> None:
    """Which tool, when, how, and on exactly which files: the trail a buyer can show."""
    sheet.title(tr("doc.xlsx.audit.title"))
    facts = [
        (tr("doc.audit.tool"), "referent"),
        (tr("doc.xlsx.audit.version"), run.version),
        (tr("doc.xlsx.audit.run_at"), run.run_at.isoformat(sep=" ", timespec="seconds")),
        (tr("doc.audit.command"), run.command_line),
        (tr("doc.xlsx.audit.sheet"), evaluation.book.sheet or tr("doc.xlsx.audit.csv")),
    ]
    row = 3
    for label, value in facts:
        sheet.put(row, 1, label, font=BOLD)
        sheet.block(row, 2, 3, value)
        row += 1
    row += 1
    headers = [tr("doc.audit.file"), tr("doc.audit.path"), "SHA-256"]
    for col, header in enumerate(headers, start=1):
        sheet.put(row, col, header, header=True)
    for item in run.inputs:
        row += 1
        sheet.put(row, 1, input_role(item.role))
        sheet.put(row, 2, str(item.path), wrap=60)
        sheet.put(row, 3, item.sha256)
    row += 2
    sheet.block(row, 1, 3, tr("doc.xlsx.audit.same_files"), font=NOTE)
    _offer_rows(sheet, row + 2, evaluation, lots)
    page_setup(sheet.ws)
    sheet.finish()


def _offer_rows(
    sheet: SheetWriter, row: int, evaluation: Evaluation, lots: Sequence[LotResult]
) -> None:
    """The spreadsheet row of each offer: for whoever checks the report against the workbook,
    never in the tables a board reads."""
    shown: list[tuple[int | None, OfferResult]] = [
        (lot.lot.id, r) for lot in lots for r in lot.offers
    ]
    shown += [(None, r) for r in evaluation.unplaced]
    if not shown:
        return
    sheet.put(row, 1, tr("doc.audit.rows"), font=BOLD, measure=False)
    row += 1
    for col, header in enumerate((tr("col.row"), tr("doc.audit.lot"), tr("col.candidate")), 1):
        sheet.put(row, col, header, header=True)
    for lot_id, result in sorted(shown, key=lambda item: item[1].offer.row):
        row += 1
        sheet.put(row, 1, result.offer.row, center=True)
        sheet.put(row, 2, lot_id if lot_id is not None else "—", center=True)
        sheet.put(row, 3, offer_name(result), wrap=60)


def _naive_utc(moment: datetime) -> datetime:
    """openpyxl writes the workbook dates as UTC and refuses time zones."""
    if moment.tzinfo is None:
        return moment
    return moment.astimezone(UTC).replace(tzinfo=None)
