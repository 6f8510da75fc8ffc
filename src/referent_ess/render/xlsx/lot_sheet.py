"""One sheet per lot of the xlsx report: the ranking with its points, the jury's comments, the
notes under it, the offers not ranked with their reasons and legal basis, and a stacked chart."""

from openpyxl.chart import BarChart, Reference, Series
from openpyxl.chart.data_source import AxDataSource, StrRef
from openpyxl.worksheet.worksheet import Worksheet

from referent_ess import i18n
from referent_ess.base.writable import writable
from referent_ess.config.model import Config
from referent_ess.evaluation.results import Evaluation, LotResult, OfferResult, Reason
from referent_ess.i18n import numbers, tr
from referent_ess.render.cells import gap_to_first
from referent_ess.render.document_phrases import (
    indented_label,
    offer_name,
    report_price_note,
    report_reason,
    report_tie_notes,
    report_tree_notes,
)
from referent_ess.render.phrases import (
    abnormal_text,
    basis_words,
    legal_basis,
    reasons_with_caps,
    round_lines,
    status_label,
)
from referent_ess.render.xlsx.sheet_writer import (
    BOLD,
    MONEY_FORMAT,
    NOTE,
    POINTS_FORMAT,
    WARNING,
    SheetWriter,
    money,
    page_setup,
)
from referent_ess.render.xlsx.wording import (
    maximum,
    plain,
    provisional_note,
)

HEADER_ROW = 4  # on a lot sheet: title, caps, provisional warning, then the table header
ABNORMALLY_LOW = "abnormally-low"  # the warning code of a price flagged as abnormally low


def lot_sheet(sheet: SheetWriter, evaluation: Evaluation, lot: LotResult) -> None:
    """The lot's ranking with marks, comments and chart, then the offers not ranked."""
    config = evaluation.config
    ws = sheet.ws
    sheet.title(tr("lot.title", id=lot.lot.id, title=lot.lot.title))
    facts = tr(
        "doc.xlsx.lot.facts",
        ht=tr("doc.amount.ht", amount=numbers.money(lot.lot.cap_ht)),
        ttc=tr("doc.amount.ttc", amount=numbers.money(lot.lot.cap_ttc)),
        basis=basis_words(config.consultation.cap_basis),
        received=len(lot.offers),
        ranked=len(lot.ranked),
        excluded=len(lot.excluded),
    )
    sheet.put(2, 1, facts, measure=False)
    if lot.provisional:
        sheet.put(3, 1, tr("doc.xlsx.lot.provisional"), font=WARNING)
        sheet.widths.pop(1, None)

    # the columns of the ranking: comments only next to criteria some ranked offer has one for
    commented = {c for r in lot.ranked for c, text in r.offer.comments.items() if text.strip()}
    headers: list[tuple[str, int | None]] = [
        (tr("col.rank"), None),
        (tr("col.candidate"), 40),
        (tr("doc.col.price_ht"), None),
        (tr("doc.col.price_ttc"), None),
    ]
    criterion_cols: dict[str, int] = {}
    comment_cols: dict[str, int] = {}
    criteria = config.criteria_for(lot.lot.id)
    for criterion in criteria.nodes:  # every sub-criterion after its parent
        top = plain(maximum(config, criterion))
        label = indented_label(criterion.label, criteria.depth_of(criterion.id))
        headers.append((tr("doc.xlsx.col.criterion", criterion=label, top=top), 18))
        criterion_cols[criterion.id] = len(headers)
        if criterion.id in commented:
            headers.append((tr("doc.xlsx.col.comment"), 45))
            comment_cols[criterion.id] = len(headers)
    headers += [
        (tr("doc.xlsx.col.total", total=plain(config.total)), 10),
        (tr("doc.col.gap"), 10),
        (tr("col.status"), None),
    ]
    last = len(headers)
    total_col, gap_col, status_col = last - 2, last - 1, last
    for col, (header, wrap) in enumerate(headers, start=1):
        sheet.put(HEADER_ROW, col, header, header=True, wrap=wrap if wrap is not None else 12)

    row = HEADER_ROW
    for result in lot.ranked:
        row += 1
        bold = BOLD if lot.is_awarded(result) else None
        sheet.put(row, 1, result.rank, font=bold, center=True)
        sheet.put(row, 2, offer_name(result), font=bold, wrap=40)
        sheet.put(row, 3, money(result.price_ht), fmt=MONEY_FORMAT, font=bold)
        sheet.put(row, 4, money(result.price_ttc), fmt=MONEY_FORMAT, font=bold)
        for criterion_id, col in criterion_cols.items():
            value = numbers.points(result.points.get(criterion_id))
            sheet.put(row, col, value, fmt=POINTS_FORMAT, font=bold)
        for criterion_id, col in comment_cols.items():
            comment = result.offer.comments.get(criterion_id, "").strip()
            sheet.put(row, col, comment or None, wrap=45)
        sheet.put(row, total_col, numbers.points(result.total), fmt=POINTS_FORMAT, font=bold)
        gap = numbers.points(gap_to_first(lot, result))
        sheet.put(row, gap_col, gap, fmt=POINTS_FORMAT, font=bold)
        sheet.put(row, status_col, _ranked_status(lot, result), font=bold)
    if not lot.ranked:
        row += 1
        sheet.block(row, 1, last, tr("doc.no_ranking"), font=WARNING)

    chart_rows = (HEADER_ROW + 1, row) if lot.ranked else None
    row += 2
    for note in _lot_notes(evaluation, lot):
        sheet.block(row, 1, last, note, font=NOTE)
        row += 1

    revised = round_lines(lot)  # « offre initiale → offre finale », as the HTML report says
    if revised:
        row += 1
        sheet.put(row, 1, tr("rounds.title"), font=BOLD, measure=False)
        for line in revised:
            row += 1
            sheet.block(row, 1, last, line)
        row += 1

    if lot.excluded:
        row += 1
        _excluded_table(sheet, row, evaluation, lot, last)

    ws.freeze_panes = f"A{HEADER_ROW + 1}"
    ws.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW}"
    page_setup(ws)
    sheet.finish()
    if chart_rows is not None:  # below the tables: beside them, it would double the page width
        ws.add_chart(_chart(ws, config, lot, chart_rows, criterion_cols), f"A{ws.max_row + 2}")


def _ranked_status(lot: LotResult, result: OfferResult) -> str:
    """« admissible », « (ex aequo) » when it shares its rank, and a price to justify."""
    status = status_label(result.status)
    if sum(1 for other in lot.ranked if other.rank == result.rank) > 1:
        status += tr("doc.xlsx.tied")
    if any(w.code == ABNORMALLY_LOW for w in result.warnings):
        status += tr("doc.xlsx.abnormal_flag")
    return status


def _lot_notes(evaluation: Evaluation, lot: LotResult) -> list[str]:
    """The sentences under the ranking: price points, ties, what remains to check."""
    notes = []
    if lot.provisional:
        notes.append(provisional_note(evaluation, [lot]))
    if lot.ranked:
        notes.append(report_price_note(evaluation, lot))
        notes += report_tree_notes(evaluation.config, lot.lot.id)
        notes += report_tie_notes(evaluation.config, lot)
        notes.append(tr("doc.xlsx.lot.gap_note"))
    if lot.abnormal_note:
        notes.append(abnormal_text(evaluation) + ".")
    for warning in lot.warnings:  # the lot's own (vat-basis): the message names the lot
        notes.append(
            tr("doc.xlsx.lot.check_lot", detail=i18n.message(warning.code, warning.params))
        )
    for result in lot.offers:
        for warning in result.warnings:
            detail = i18n.message(warning.code, warning.params)
            key = (
                "doc.xlsx.lot.abnormal" if warning.code == ABNORMALLY_LOW else "doc.xlsx.lot.check"
            )
            notes.append(tr(key, candidate=offer_name(result), detail=detail))
    return notes


def _excluded_table(
    sheet: SheetWriter, row: int, evaluation: Evaluation, lot: LotResult, last: int
) -> None:
    """The offers not ranked: status, every reason and its legal basis."""
    sheet.put(row, 1, tr("doc.xlsx.excluded", n=len(lot.excluded)), font=BOLD, measure=False)
    row += 1
    # the reasons take about half the room right of the status, the legal basis the rest
    room = [sheet.widths.get(col, 8.0) for col in range(6, last + 1)]
    reasons_last = 6
    while reasons_last < last - 1 and sum(room[: reasons_last - 5]) < sum(room) / 2:
        reasons_last += 1
    headers = ["col.candidate", "doc.col.price_ht", "doc.col.price_ttc", "col.status"]
    for col, header in enumerate(headers, start=2):
        sheet.put(row, col, tr(header), header=True)
    for first, end, header in [
        (6, reasons_last, tr("col.reasons")),
        (reasons_last + 1, last, tr("doc.col.legal_basis")),
    ]:
        for col in range(first, end + 1):
            sheet.put(row, col, None, header=True, measure=False)
        sheet.block(row, first, end, header, font=BOLD)
    for result in lot.excluded:
        row += 1
        sheet.put(row, 2, offer_name(result), wrap=40)
        sheet.put(row, 3, money(result.price_ht), fmt=MONEY_FORMAT)
        sheet.put(row, 4, money(result.price_ttc), fmt=MONEY_FORMAT)
        sheet.put(row, 5, status_label(result.status), wrap=14)
        reasons = [
            f"• {report_reason(evaluation.config, result, reason, check)}{_cell(reason)}"
            for reason, check in reasons_with_caps(result)
        ]
        bases = list(dict.fromkeys(legal_basis(r) or tr("no_ground") for r in result.reasons))
        sheet.block(row, 6, reasons_last, "\n".join(reasons))
        sheet.block(row, reasons_last + 1, last, "\n".join(bases))


def _cell(reason: Reason) -> str:
    """`` (cellule C5)`` after a reason that has its cell."""
    return f" ({tr('doc.cell', cell=reason.cell)})" if reason.cell else ""


def _chart(
    ws: Worksheet,
    config: Config,
    lot: LotResult,
    rows: tuple[int, int],
    criterion_cols: dict[str, int],
) -> BarChart:
    """Totals as stacked bars, one colour per criterion: who wins where, at a glance."""
    first, end = rows
    chart = BarChart()
    chart.type = "col"
    chart.grouping = "stacked"
    chart.overlap = 100
    chart.gapWidth = 60
    chart.title = tr("doc.xlsx.chart.title", lot=lot.lot.id)
    chart.y_axis.title = tr("doc.col.points")
    chart.y_axis.scaling.min = 0
    chart.y_axis.scaling.max = float(config.total)
    chart.y_axis.number_format = "0"
    chart.y_axis.delete = False
    chart.x_axis.delete = False
    labels = Reference(ws, min_col=2, min_row=first, max_row=end)
    for criterion in config.criteria_for(lot.lot.id).criteria:  # sub-criteria are in theirs
        values = Reference(ws, min_col=criterion_cols[criterion.id], min_row=first, max_row=end)
        series = Series(values, title=writable(criterion.label))  # into the chart's XML
        series.cat = AxDataSource(strRef=StrRef(f=str(labels)))  # names are text, not numbers
        chart.series.append(series)
    chart.legend.position = "b"
    chart.width = 18  # cm: room for the legend's criterion labels
    chart.height = 10
    return chart
