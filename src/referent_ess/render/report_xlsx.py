"""The offer-analysis report ("rapport d'analyse des offres") as an .xlsx workbook.

A French buyer hands this workbook to their board: a summary of every lot, one sheet per lot
with the ranking, the marks (and the jury's comments), the offers not ranked with their legal
basis and a stacked bar chart, the scoring method written out, and an audit trail of the run.

Rendering only: every figure comes from :mod:`referent_ess.evaluation.engine`; points are
rounded half up to 2 decimals here, for display. Text that comes from the inputs is neutralised
against formula
injection. The same inputs give byte-identical sheets apart from the run date (workbook
properties and zip entry timestamps are fixed), so two reports can be compared file to file.
"""

import math
from collections.abc import Iterable, Sequence
from datetime import UTC, date, datetime
from decimal import Decimal
from fractions import Fraction

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.chart import BarChart, Reference, Series
from openpyxl.chart.data_source import AxDataSource, StrRef
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.properties import PageSetupProperties
from openpyxl.worksheet.worksheet import Worksheet

from referent_ess.base.exact import round_half_up
from referent_ess.config.choices import AbnormalMethod, PriceFormula
from referent_ess.config.consultation import Config, Criterion
from referent_ess.evaluation.abnormally_low import MINIMUM_OFFERS
from referent_ess.evaluation.kernel import max_points
from referent_ess.evaluation.results import (
    LEGAL_BASIS,
    Evaluation,
    LotResult,
    OfferResult,
    Reason,
    Status,
)
from referent_ess.files.xlsx_bytes import workbook_bytes
from referent_ess.i18n.numbers import percent, points
from referent_ess.render.cells import gap_to_first
from referent_ess.render.csv_doc import safe_text
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
from referent_ess.render.run_info import RunInfo

MONEY_FORMAT = '#,##0.00 "€"'
POINTS_FORMAT = "0.00"

SUMMARY = "Synthèse"
METHOD = "Méthode"
AUDIT = "Audit"
RUN_DATE_LABEL = "Date d'exécution"
HEADER_ROW = 4  # on a lot sheet: title, caps, provisional warning, then the table header

_FONT = "Calibri"  # the workbook's default font: named, so that every viewer uses the same one
_BOLD = Font(name=_FONT, size=11, bold=True)
_TITLE = Font(name=_FONT, size=14, bold=True)
_WARNING = Font(name=_FONT, size=11, bold=True, color="9C0006")
_NOTE = Font(name=_FONT, size=11, italic=True)
_HEADER_FILL = PatternFill("solid", fgColor="D9E1F2")
_HEADER_BORDER = Border(bottom=Side(style="thin"))
_NUMBER = Alignment(vertical="top")
_CENTER = Alignment(horizontal="center", vertical="top")
_HEADER = Alignment(horizontal="center", vertical="top", wrap_text=True)
_TEXT = Alignment(horizontal="left", vertical="top", indent=1)  # apart from a number on its left
_TEXT_WRAP = Alignment(horizontal="left", vertical="top", indent=1, wrap_text=True)
_PLAIN = Alignment(horizontal="left", vertical="top")
_WRAP = Alignment(horizontal="left", vertical="top", wrap_text=True)
_LINE_HEIGHT = 15.0  # points per line of Calibri 11, the workbook's default font
_MAX_CELL = 32767  # longest text a cell may hold
_MAX_ROW_HEIGHT = 409.0  # points: Excel repairs a file with a taller row

_ROLE = {"lots": "consultation et lots", "criteria": "critères", "offers": "offres"}
ABNORMALLY_LOW = "abnormally-low"  # the warning code of a price flagged as abnormally low
_NO_BASIS = "donnée à corriger dans le classeur, pas un motif de rejet"

Value = str | Decimal | int | None


def build_report_xlsx(
    evaluation: Evaluation, run: RunInfo, lot_ids: Sequence[int] | None = None
) -> bytes:
    """The report as the bytes of an .xlsx file, restricted to ``lot_ids`` when given."""
    lots = [lot for lot in evaluation.lots if lot_ids is None or lot.lot.id in lot_ids]
    workbook = Workbook()
    default = workbook.active
    if default is not None:
        workbook.remove(default)
    _summary_sheet(_Sheet(workbook.create_sheet(SUMMARY)), evaluation, lots)
    for lot in lots:
        _lot_sheet(_Sheet(workbook.create_sheet(f"Lot {lot.lot.id}")), evaluation, lot)
    _method_sheet(_Sheet(workbook.create_sheet(METHOD)), evaluation.config)
    _audit_sheet(_Sheet(workbook.create_sheet(AUDIT)), evaluation, run)

    moment = _naive_utc(run.run_at)
    properties = workbook.properties
    properties.created = moment
    properties.modified = moment
    properties.creator = "referent"
    properties.lastModifiedBy = None
    properties.title = _clean(
        f"Rapport d'analyse des offres — {evaluation.config.consultation.title}"
    )
    return workbook_bytes(workbook)


# ---- writing cells ----------------------------------------------------------------------------


def _clean(text: str) -> str:
    """Text a spreadsheet shows as text: no character XML refuses, never run as a formula."""
    return safe_text(ILLEGAL_CHARACTERS_RE.sub("", text))[:_MAX_CELL]


class _Sheet:
    """A worksheet that remembers how wide each column's content is and which cells wrap, so
    that column widths and row heights can fit the content (openpyxl measures nothing)."""

    def __init__(self, ws: Worksheet) -> None:
        self.ws = ws
        self.widths: dict[int, float] = {}
        # row, first col, last col, text, characters per unit of width
        self.wrapped: list[tuple[int, int, int, str, float]] = []

    def put(
        self,
        row: int,
        col: int,
        value: Value,
        *,
        fmt: str | None = None,
        font: Font | None = None,
        wrap: int | None = None,
        header: bool = False,
        measure: bool = True,
        center: bool = False,
    ) -> None:
        """Write one cell; ``wrap`` is the widest the column may grow for this text."""
        cell = self.ws.cell(row=row, column=col)
        cell.value = _clean(value) if isinstance(value, str) else value
        if fmt is not None:
            cell.number_format = fmt
        if header:
            cell.font = _BOLD
            cell.fill = _HEADER_FILL
            cell.border = _HEADER_BORDER
        if font is not None:
            cell.font = font
        if header:
            cell.alignment = _HEADER
        elif center:
            cell.alignment = _CENTER
        elif not isinstance(value, str):
            cell.alignment = _NUMBER
        elif not measure:  # titles and labels: flush left
            cell.alignment = _PLAIN
        else:
            cell.alignment = _TEXT_WRAP if wrap is not None else _TEXT
        density = _density(value, bold=header or bool(font is not None and font.bold))
        if wrap is not None and isinstance(value, str):
            self.wrapped.append((row, col, col, value, density))
        if measure:
            chars = _display_width(value, fmt)
            if wrap is not None:
                chars = min(chars, max(wrap, _longest_word(value)))
            self.widths[col] = max(self.widths.get(col, 0.0), chars / density)

    def title(self, text: str) -> None:
        """The sheet's title, in row 1."""
        self.put(1, 1, text, font=_TITLE, measure=False)
        self.ws.row_dimensions[1].height = 21

    def block(
        self, row: int, first: int, last: int, text: str, *, font: Font | None = None
    ) -> None:
        """A paragraph over merged columns, wrapped; it does not widen the columns."""
        self.put(row, first, text, font=font, measure=False)
        self.ws.cell(row=row, column=first).alignment = _WRAP
        if last > first:
            self.ws.merge_cells(start_row=row, start_column=first, end_row=row, end_column=last)
        bold = bool(font is not None and font.bold)
        self.wrapped.append((row, first, last, text, _density(text, bold=bold)))

    def finish(self, *, minimum: float = 6.0, maximum: float = 70.0) -> None:
        """Set every column's width from its content, then every wrapped row's height."""
        for col, width in sorted(self.widths.items()):
            letter = get_column_letter(col)
            self.ws.column_dimensions[letter].width = math.ceil(
                min(max(width + 2, minimum), maximum)
            )
        heights: dict[int, float] = {}
        for row, first, last, text, density in self.wrapped:
            width = sum(self._width(col) for col in range(first, last + 1))
            room = (width - 2) * density
            lines = _wrapped_lines(text, room)
            heights[row] = max(heights.get(row, _LINE_HEIGHT), lines * _LINE_HEIGHT)
        for row, height in sorted(heights.items()):
            if height > _LINE_HEIGHT:
                self.ws.row_dimensions[row].height = min(height, _MAX_ROW_HEIGHT)

    def _width(self, col: int) -> float:
        width = self.ws.column_dimensions[get_column_letter(col)].width
        return float(width) if width else 8.43  # Excel's default column width


def _density(value: Value, *, bold: bool) -> float:
    """Characters per unit of column width: a unit is one digit; letters are narrower."""
    if not isinstance(value, str):
        return 1.0
    return 1.05 if bold else 1.2


def _display_width(value: Value, fmt: str | None) -> float:
    """About how many characters the cell shows."""
    if value is None:
        return 0.0
    if isinstance(value, Decimal) and fmt == MONEY_FORMAT:
        return len(f"{value:,.2f} €")
    if isinstance(value, Decimal):
        return len(f"{value:.2f}")
    return float(max((len(line) for line in str(value).splitlines()), default=0))


def _longest_word(value: Value) -> int:
    return max((len(word) for word in str(value).split()), default=0)


def _wrapped_lines(text: str, room: float) -> int:
    """Lines a text takes in a cell ``room`` characters wide, wrapped at spaces."""
    room = max(room, 1.0)
    total = 0
    for paragraph in text.split("\n"):
        lines, used = 1, 0
        for word in paragraph.split():
            needed = len(word) if used == 0 else used + 1 + len(word)
            if needed <= room or used == 0:
                used = needed
            else:
                lines, used = lines + 1, len(word)
            while used > room:  # a word longer than the cell is broken
                lines, used = lines + 1, used - math.floor(room)
        total += lines
    return total


def _money(amount: Decimal | None) -> Decimal | None:
    return None if amount is None else round_half_up(amount)


# ---- French text ------------------------------------------------------------------------------


def _plain(value: Decimal | Fraction | int) -> str:
    """A number the French way, without ",00" when it is whole: 30, 17,5."""
    text = number(value)
    return text.removesuffix(",00")


def _when(moment: date | datetime | None) -> str:
    if moment is None:
        return "non précisée"
    if isinstance(moment, datetime):
        return moment.strftime("%d/%m/%Y à %H:%M")
    return moment.strftime("%d/%m/%Y")


def _deadline_text(deadline: date | datetime | None) -> str:
    if deadline is None:
        return "non précisée"
    if isinstance(deadline, datetime):
        return f"le {_when(deadline)}"
    return f"le {_when(deadline)}, jusqu'à la fin de la journée"


def _candidate(result: OfferResult) -> str:
    return result.offer.candidate or f"(sans nom, ligne {result.offer.row})"


def _names(results: Sequence[OfferResult]) -> str:
    names = [_candidate(r) for r in results]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " et " + names[-1]


def _maximum(config: Config, criterion: Criterion) -> Fraction:
    return max_points(config.total, criterion.weight)


def _formula_text(config: Config) -> str:
    """The price formula with its figures: "20 × Pmin / P"."""
    criterion = config.price_criterion
    rule = criterion.price
    assert rule is not None
    top = _plain(_maximum(config, criterion))
    formula = formula_text(rule.formula, top, comma=" ; ")
    if rule.formula is PriceFormula.GAP:
        formula += f", avec k = {_plain(rule.k)}"
    return formula


def _price_note(config: Config, lot: LotResult) -> str:
    """How the lot's price points were computed, with the figures used."""
    criterion = config.price_criterion
    rule = criterion.price
    assert rule is not None
    basis = BASIS[rule.basis.value]
    figures = f"Pmin = {euros(lot.lowest_price)}" if lot.lowest_price is not None else ""
    if rule.formula is PriceFormula.LINEAR and lot.highest_price is not None:
        figures += f", Pmax = {euros(lot.highest_price)}"
    note = (
        f"Points du critère « {criterion.label} » : formule {FORMULA[rule.formula.value]} sur "
        f"le prix {basis} des offres admissibles, {_formula_text(config)}, avec {figures}."
    )
    rates = sorted({r.vat_rate for r in lot.ranked if r.vat_rate is not None})
    if len(rates) > 1:
        shown = ", ".join(percent(r) for r in rates)
        note += f" Les taux de TVA diffèrent ({shown}) : les prix sont comparés {basis}."
    return note


def _tie_notes(config: Config, lot: LotResult) -> list[str]:
    """One sentence per exact tie: who tied, what decided, who still shares a rank."""
    notes = []
    for tie in lot.ties:
        note = f"Égalité exacte à {number(tie.total)} points entre {_names(tie.offers)}"
        if tie.decided_by is not None:
            figures = " ; ".join(
                number(r.points.get(tie.decided_by, Fraction(0))) for r in tie.offers
            )
            note += (
                " : départagées par les points du critère "
                f"« {criterion_label(config, tie.decided_by)} » ({figures})"
            )
        else:
            note += " : les critères de départage ne les séparent pas"
        for same in tie.shared:
            note += f" ; {_names(same)} partagent le rang {same[0].rank}"
        notes.append(note + ".")
    return notes


def _provisional_note(evaluation: Evaluation, lots: Iterable[LotResult]) -> str:
    rows = sorted(
        [r.offer.row for lot in lots for r in lot.excluded if r.status is Status.INVALID]
        + [r.offer.row for r in evaluation.unplaced]
    )
    shown = ", ".join(str(row) for row in rows)
    return (
        f"Classement provisoire : {len(rows)} offre(s) n'ont pas pu être évaluées à cause "
        f"d'erreurs de saisie dans le classeur des offres (ligne(s) {shown}). Corrigez-les "
        "(voir `referent validate`) avant de décider."
    )


def _reason_text(result: OfferResult, reason: Reason, evaluation: Evaluation) -> str:
    """A reason in French, from the offer's figures (the same words as the HTML report)."""
    check = None
    if reason.code == "over_cap":  # the n-th over_cap reason is the n-th cap exceeded
        overs = [c for c in result.budget if not c.within]
        index = [r for r in result.reasons if r.code == "over_cap"].index(reason)
        check = overs[index] if index < len(overs) else None
    cell = f" (cellule {reason.cell})" if reason.cell else ""
    text = reason_fr(evaluation.config, result, reason, check) or (
        f"à corriger ({reason.code}) : {message_fr(reason.code, reason.params, reason.message)}"
    )
    return text + cell


def _ex_aequo(lot: LotResult, result: OfferResult) -> bool:
    return sum(1 for other in lot.ranked if other.rank == result.rank) > 1


# ---- the summary sheet ------------------------------------------------------------------------


def _summary_sheet(sheet: _Sheet, evaluation: Evaluation, lots: Sequence[LotResult]) -> None:
    """What the board reads first: the consultation, then one line per lot with its winner."""
    config = evaluation.config
    consultation = config.consultation
    headers = [
        "Lot",
        "Intitulé",
        "Montant maximum HT",
        "Montant maximum TTC",
        "Offres reçues",
        "Offres admissibles",
        "Offres non classées",
        "Attributaire pressenti",
        f"Total (/{_plain(config.total)})",
        "Prix HT",
        "Prix TTC",
        "Observation",
    ]
    last = len(headers)
    sheet.title("Rapport d'analyse des offres")
    facts = [
        ("Consultation", consultation.title),
        ("Acheteur", consultation.buyer or "non précisé"),
        ("Date limite de réception des offres", _deadline_text(consultation.deadline)),
        (
            "Montant maximum contrôlé",
            f"{BASIS[consultation.cap_basis.value]} : le prix de chaque offre est comparé au "
            f"montant maximum {BASIS[consultation.cap_basis.value]} de son lot",
        ),
        (
            "Critères",
            f"{len(config.criteria)} critères notés sur {_plain(config.total)} points "
            f"(voir la feuille {METHOD})",
        ),
    ]
    row = 3
    for label, value in facts:
        sheet.put(row, 1, label, font=_BOLD, measure=False)
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
        notes.append(_provisional_note(evaluation, lots))
    if evaluation.unplaced:
        notes.append(
            f"{len(evaluation.unplaced)} offre(s) sans numéro de lot lisible ne figurent dans "
            "aucun lot : corrigez le classeur des offres."
        )
    notes.append(
        "Les points et les totaux sont arrondis à 2 décimales pour l'affichage ; le classement "
        "est établi sur les valeurs exactes."
    )
    for note in notes:
        sheet.block(row, 1, last, note, font=_NOTE)
        row += 1
    sheet.ws.freeze_panes = f"A{header_row + 1}"
    _page_setup(sheet.ws)
    sheet.finish(maximum=45)


def _summary_row(sheet: _Sheet, row: int, lot: LotResult) -> None:
    sheet.put(row, 1, lot.lot.id, center=True)
    sheet.put(row, 2, lot.lot.title, wrap=45)
    sheet.put(row, 3, _money(lot.lot.cap_ht), fmt=MONEY_FORMAT)
    sheet.put(row, 4, _money(lot.lot.cap_ttc), fmt=MONEY_FORMAT)
    sheet.put(row, 5, len(lot.offers))
    sheet.put(row, 6, sum(1 for r in lot.offers if r.status is Status.ADMISSIBLE))
    sheet.put(row, 7, len(lot.excluded))
    winners = lot.winners
    observation = ""
    if not winners:
        sheet.put(row, 8, "aucune offre admissible", font=_WARNING)
    elif lot.provisional:
        sheet.put(row, 8, "classement provisoire", font=_WARNING)
        leader = winners[0]
        observation = (
            f"En tête provisoirement : {_names(winners)} ({number(leader.total or 0)} points) ; "
            "des offres sont à corriger avant de décider."
        )
    else:
        if lot.award is not None and lot.award not in winners:  # max_lots_per_candidate
            winners = (lot.award,)
            observation = message_fr("award-note", lot.award_params, str(lot.award_note))
        first = winners[0]
        sheet.put(row, 8, _names(winners), font=_BOLD, wrap=40)
        sheet.put(row, 9, points(first.total), fmt=POINTS_FORMAT, font=_BOLD)
        if len(winners) == 1:
            sheet.put(row, 10, _money(first.price_ht), fmt=MONEY_FORMAT)
            sheet.put(row, 11, _money(first.price_ttc), fmt=MONEY_FORMAT)
        else:
            observation = (
                "Ex aequo au premier rang : les critères de départage ne les séparent pas."
            )
    sheet.put(row, 12, observation or None, wrap=45)


# ---- one sheet per lot ------------------------------------------------------------------------


def _lot_sheet(sheet: _Sheet, evaluation: Evaluation, lot: LotResult) -> None:
    """The lot's ranking with marks, comments and chart, then the offers not ranked."""
    config = evaluation.config
    ws = sheet.ws
    sheet.title(f"Lot {lot.lot.id} — {lot.lot.title}")
    sheet.put(
        2,
        1,
        f"Montant maximum : {euros(lot.lot.cap_ht)} HT / {euros(lot.lot.cap_ttc)} TTC "
        f"(contrôlé {BASIS[config.consultation.cap_basis.value]}) · {len(lot.offers)} offre(s) "
        f"reçue(s), {len(lot.ranked)} classée(s), {len(lot.excluded)} non classée(s)",
        measure=False,
    )
    if lot.provisional:
        sheet.put(3, 1, "Classement provisoire : voir la note sous le tableau.", font=_WARNING)
        sheet.widths.pop(1, None)

    # the columns of the ranking: comments only next to criteria some ranked offer has one for
    commented = {c for r in lot.ranked for c, text in r.offer.comments.items() if text.strip()}
    headers: list[tuple[str, int | None]] = [
        ("Rang", None),
        ("Candidat", 40),
        ("Prix HT", None),
        ("Prix TTC", None),
    ]
    criterion_cols: dict[str, int] = {}
    comment_cols: dict[str, int] = {}
    for criterion in config.criteria:
        headers.append((f"{criterion.label} (/{_plain(_maximum(config, criterion))})", 18))
        criterion_cols[criterion.id] = len(headers)
        if criterion.id in commented:
            headers.append(("Commentaire du jury", 45))
            comment_cols[criterion.id] = len(headers)
    headers += [
        (f"Total (/{_plain(config.total)})", 10),
        ("Écart au premier", 10),
        ("Statut", None),
    ]
    last = len(headers)
    total_col, gap_col, status_col = last - 2, last - 1, last
    for col, (header, wrap) in enumerate(headers, start=1):
        sheet.put(HEADER_ROW, col, header, header=True, wrap=wrap if wrap is not None else 12)

    row = HEADER_ROW
    for result in lot.ranked:
        row += 1
        bold = _BOLD if result.rank == 1 and not lot.provisional else None
        sheet.put(row, 1, result.rank, font=bold, center=True)
        sheet.put(row, 2, _candidate(result), font=bold, wrap=40)
        sheet.put(row, 3, _money(result.price_ht), fmt=MONEY_FORMAT, font=bold)
        sheet.put(row, 4, _money(result.price_ttc), fmt=MONEY_FORMAT, font=bold)
        for criterion_id, col in criterion_cols.items():
            value = points(result.points.get(criterion_id))
            sheet.put(row, col, value, fmt=POINTS_FORMAT, font=bold)
        for criterion_id, col in comment_cols.items():
            comment = result.offer.comments.get(criterion_id, "").strip()
            sheet.put(row, col, comment or None, wrap=45)
        sheet.put(row, total_col, points(result.total), fmt=POINTS_FORMAT, font=bold)
        gap = points(gap_to_first(lot, result))
        sheet.put(row, gap_col, gap, fmt=POINTS_FORMAT, font=bold)
        status = STATUS[result.status] + (" (ex aequo)" if _ex_aequo(lot, result) else "")
        if any(w.code == ABNORMALLY_LOW for w in result.warnings):
            status += " ; prix à justifier (anormalement bas ?)"
        sheet.put(row, status_col, status, font=bold)
    if not lot.ranked:
        row += 1
        sheet.block(row, 1, last, "Aucune offre admissible : pas de classement.", font=_WARNING)

    chart_rows = (HEADER_ROW + 1, row) if lot.ranked else None
    row += 2
    for note in _lot_notes(evaluation, lot):
        sheet.block(row, 1, last, note, font=_NOTE)
        row += 1

    if lot.excluded:
        row += 1
        _excluded_table(sheet, row, evaluation, lot, last)

    ws.freeze_panes = f"A{HEADER_ROW + 1}"
    ws.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW}"
    _page_setup(ws)
    sheet.finish()
    if chart_rows is not None:
        ws.add_chart(
            _chart(ws, config, lot, chart_rows, criterion_cols),
            f"{get_column_letter(last + 2)}{HEADER_ROW}",
        )


def _lot_notes(evaluation: Evaluation, lot: LotResult) -> list[str]:
    """The sentences under the ranking: price points, ties, what remains to check."""
    notes = []
    if lot.provisional:
        notes.append(_provisional_note(evaluation, [lot]))
    if lot.ranked:
        notes.append(_price_note(evaluation.config, lot))
        notes += _tie_notes(evaluation.config, lot)
        notes.append(
            "L'écart au premier est calculé sur les totaux exacts : il peut différer de 0,01 de "
            "la différence des totaux arrondis affichés."
        )
    if lot.abnormal_note:
        method = evaluation.config.consultation.abnormally_low.value
        notes.append(
            f"Offres anormalement basses : moins de {MINIMUM_OFFERS} offres admissibles, la "
            f"méthode {method} ne s'applique pas ; les prix sont à apprécier au cas par cas."
        )
    for result in lot.offers:
        for warning in result.warnings:
            if warning.code == ABNORMALLY_LOW:
                notes.append(
                    f"Prix peut-être anormalement bas — {_candidate(result)} : l'offre reste "
                    "classée ; avant tout rejet, il faut demander au candidat de justifier son "
                    "prix (art. L2152-5 et R2152-3 du Code de la commande publique). Détail : "
                    f"{message_fr(warning.code, warning.params, warning.message)}"
                )
            else:
                detail = message_fr(warning.code, warning.params, warning.message)
                notes.append(f"À vérifier — {_candidate(result)} : {detail}")
    return notes


def _excluded_table(
    sheet: _Sheet, row: int, evaluation: Evaluation, lot: LotResult, last: int
) -> None:
    """The offers not ranked: status, every reason and its legal basis."""
    sheet.put(row, 1, f"Offres non classées ({len(lot.excluded)})", font=_BOLD, measure=False)
    row += 1
    # the reasons take about half the room right of the status, the legal basis the rest
    room = [sheet.widths.get(col, 8.0) for col in range(6, last + 1)]
    reasons_last = 6
    while reasons_last < last - 1 and sum(room[: reasons_last - 5]) < sum(room) / 2:
        reasons_last += 1
    for col, header in [(2, "Candidat"), (3, "Prix HT"), (4, "Prix TTC"), (5, "Statut")]:
        sheet.put(row, col, header, header=True)
    for first, end, header in [
        (6, reasons_last, "Motifs"),
        (reasons_last + 1, last, "Fondement juridique"),
    ]:
        for col in range(first, end + 1):
            sheet.put(row, col, None, header=True, measure=False)
        sheet.block(row, first, end, header, font=_BOLD)
    for result in lot.excluded:
        row += 1
        sheet.put(row, 2, _candidate(result), wrap=40)
        sheet.put(row, 3, _money(result.price_ht), fmt=MONEY_FORMAT)
        sheet.put(row, 4, _money(result.price_ttc), fmt=MONEY_FORMAT)
        sheet.put(row, 5, STATUS[result.status], wrap=14)
        reasons = [f"• {_reason_text(result, r, evaluation)}" for r in result.reasons]
        bases = list(dict.fromkeys(r.legal_basis or _NO_BASIS for r in result.reasons))
        sheet.block(row, 6, reasons_last, "\n".join(reasons))
        sheet.block(row, reasons_last + 1, last, "\n".join(bases))


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
    chart.title = f"Lot {lot.lot.id} : points par critère"
    chart.y_axis.title = "Points"
    chart.y_axis.scaling.min = 0
    chart.y_axis.scaling.max = float(config.total)
    chart.y_axis.number_format = "0"
    chart.y_axis.delete = False
    chart.x_axis.delete = False
    names = Reference(ws, min_col=2, min_row=first, max_row=end)
    for criterion in config.criteria:
        values = Reference(ws, min_col=criterion_cols[criterion.id], min_row=first, max_row=end)
        series = Series(values, title=criterion.label)
        series.cat = AxDataSource(strRef=StrRef(f=str(names)))  # names are text, not numbers
        chart.series.append(series)
    chart.legend.position = "b"
    chart.width = 18  # cm: room for the legend's criterion labels
    chart.height = 10
    return chart


# ---- the method sheet -------------------------------------------------------------------------


def _method_sheet(sheet: _Sheet, config: Config) -> None:
    """The rules, written out, so that the report explains itself."""
    consultation = config.consultation
    price = config.price_criterion
    rule = price.price
    assert rule is not None
    last = 5
    sheet.title("Méthode de notation et de classement")
    row = 3
    sheet.put(row, 1, "Critères d'attribution", font=_BOLD, measure=False)
    row += 1
    headers = ["Critère", "Libellé", "Pondération (%)", "Notation", "Points maximum"]
    for col, header in enumerate(headers, start=1):
        sheet.put(row, col, header, header=True, wrap=14)
    for criterion in config.criteria:
        row += 1
        maximum = _maximum(config, criterion)
        if criterion.is_price:
            how = f"formule de prix : {_formula_text(config)}"
        else:
            how = (
                f"note du jury de 0 à {_plain(criterion.scale)} ; points = {_plain(maximum)} × "
                f"note / {_plain(criterion.scale)}"
            )
        sheet.put(row, 1, criterion.id)
        sheet.put(row, 2, criterion.label, wrap=50)
        sheet.put(row, 3, criterion.weight)
        sheet.put(row, 4, how, wrap=40)
        sheet.put(row, 5, points(maximum), fmt=POINTS_FORMAT)
    row += 1
    sheet.put(row, 1, "Total", font=_BOLD)
    sheet.put(row, 3, sum((c.weight for c in config.criteria), Decimal(0)), font=_BOLD)
    sheet.put(row, 5, round_half_up(config.total), fmt=POINTS_FORMAT, font=_BOLD)

    basis = BASIS[rule.basis.value]
    extra = {
        PriceFormula.PROPORTIONAL: "",
        PriceFormula.LINEAR: (
            " Pmax est le prix le plus élevé parmi elles ; quand Pmax = Pmin, toutes les offres "
            "ont le maximum des points."
        ),
        PriceFormula.GAP: (
            f" Une offre dont le prix atteint {_plain(rule.k)} × Pmin ou plus a 0 point."
        ),
    }[rule.formula]
    sections = [
        (
            "Formule de prix",
            f"Critère « {price.label} », formule {FORMULA[rule.formula.value]} : points = "
            f"{_formula_text(config)}, où P est le prix {basis} de l'offre et Pmin le prix "
            f"{basis} le plus bas parmi les offres admissibles du lot.{extra} Les offres non "
            "admissibles ne comptent pas dans Pmin.",
        ),
        (
            "Prix des offres",
            "Prix HT = coût journalier HT × nombre de jours, au centime, arrondi au demi "
            "supérieur ; prix TTC = prix HT × (1 + taux de TVA), au centime, arrondi au demi "
            f"supérieur. Une offre sans taux de TVA prend celui de la consultation "
            f"({percent(consultation.vat_rate)}) ; une offre exonérée a un prix TTC égal au "
            "prix HT. Le prix est comparé au montant maximum "
            f"{BASIS[consultation.cap_basis.value]} du lot.",
        ),
        (
            "Arrondis",
            "Les points et les totaux sont calculés en fractions exactes, sans arrondi. Ils "
            "sont arrondis à 2 décimales, au demi supérieur (ROUND_HALF_UP : 0,125 donne 0,13), "
            "pour l'affichage seulement ; le classement et l'écart au premier utilisent les "
            "valeurs exactes.",
        ),
        ("Départage des égalités", _tie_break_text(config)),
        ("Offres anormalement basses", _abnormal_text(config)),
        (
            "Date limite et pièces exigées",
            f"Date limite de réception des offres : {_deadline_text(consultation.deadline)}. "
            "Pièces exigées : " + (", ".join(consultation.required_documents) or "aucune") + ".",
        ),
    ]
    for title, text in sections:
        row += 2
        sheet.put(row, 1, title, font=_BOLD, measure=False)
        row += 1
        sheet.block(row, 1, last, text)

    row += 2
    sheet.put(row, 1, "Statuts des offres (le premier qui s'applique)", font=_BOLD, measure=False)
    row += 1
    for col, header in enumerate(["Statut", "Signification"], start=1):
        sheet.put(row, col, header, header=True)
    for col in range(3, last + 1):
        sheet.put(row, col, None, header=True, measure=False)
    sheet.block(row, 3, last, "Fondement juridique", font=_BOLD)
    for status in Status:
        row += 1
        sheet.put(row, 1, STATUS[status])
        sheet.put(row, 2, STATUS_EXPLAINED[status], wrap=50)
        basis_text = LEGAL_BASIS.get(status) or (
            "offre classée" if status is Status.ADMISSIBLE else _NO_BASIS
        )
        sheet.block(row, 3, last, basis_text)
    _page_setup(sheet.ws, landscape=False)
    sheet.finish(maximum=52)


def _abnormal_text(config: Config) -> str:
    consultation = config.consultation
    method = consultation.abnormally_low
    rule = {
        AbnormalMethod.NONE: "Aucune méthode de détection n'est configurée : les prix sont "
        "appréciés au cas par cas.",
        AbnormalMethod.MEAN_RATIO: "Méthode mean-ratio : un prix est signalé quand il est "
        f"inférieur à {_plain(consultation.abnormally_low_ratio)} × la moyenne des autres "
        "offres admissibles du lot.",
        AbnormalMethod.MEAN_SIGMA: "Méthode mean-sigma : un prix est signalé quand il est "
        "inférieur à la moyenne des offres admissibles du lot moins leur écart-type.",
        AbnormalMethod.FFB: "Méthode ffb : moyenne des offres admissibles du lot, puis moyenne "
        "de celles qui ne la dépassent pas de plus de 20 % ; un prix est signalé quand il est "
        "inférieur ou égal à 0,9 × cette seconde moyenne.",
    }[method]
    if method is AbnormalMethod.NONE:
        return rule
    return (
        f"{rule} Il faut au moins {MINIMUM_OFFERS} offres admissibles. Une offre signalée reste "
        "admissible et classée : la loi impose de demander au candidat de justifier son prix "
        "avant tout rejet (art. L2152-5 et R2152-3 du Code de la commande publique)."
    )


def _tie_break_text(config: Config) -> str:
    if not config.tie_break:
        return (
            "Aucun critère de départage : des offres dont les totaux exacts sont égaux "
            "partagent le même rang."
        )
    labels = " puis ".join(f"« {criterion_label(config, c)} »" for c in config.tie_break)
    return (
        "Deux offres dont les totaux exacts sont égaux sont départagées par les points du "
        f"critère {labels}, dans cet ordre ; si aucun ne les sépare, elles partagent le même "
        "rang."
    )


# ---- the audit sheet --------------------------------------------------------------------------


def _audit_sheet(sheet: _Sheet, evaluation: Evaluation, run: RunInfo) -> None:
    """Which tool, when, how, and on exactly which files: the trail a buyer can show."""
    sheet.title("Traçabilité de l'analyse")
    facts = [
        ("Outil", "referent"),
        ("Version", run.version),
        (RUN_DATE_LABEL, run.run_at.isoformat(sep=" ", timespec="seconds")),
        ("Ligne de commande", run.command_line),
        ("Feuille des offres lue", evaluation.book.sheet or "(fichier CSV : une seule feuille)"),
    ]
    row = 3
    for label, value in facts:
        sheet.put(row, 1, label, font=_BOLD)
        sheet.block(row, 2, 3, value)
        row += 1
    row += 1
    for col, header in enumerate(["Fichier", "Chemin", "SHA-256"], start=1):
        sheet.put(row, col, header, header=True)
    for item in run.inputs:
        row += 1
        sheet.put(row, 1, _ROLE.get(item.role, item.role))
        sheet.put(row, 2, str(item.path), wrap=60)
        sheet.put(row, 3, item.sha256)
    row += 2
    sheet.block(
        row,
        1,
        3,
        "Les mêmes fichiers d'entrée (mêmes empreintes SHA-256) donnent les mêmes feuilles, à la "
        "date d'exécution près.",
        font=_NOTE,
    )
    _page_setup(sheet.ws)
    sheet.finish()


# ---- page setup and a reproducible file -------------------------------------------------------


def _page_setup(ws: Worksheet, *, landscape: bool = True) -> None:
    """A4, one page wide, so that the board gets a readable print."""
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = "landscape" if landscape else "portrait"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)


def _naive_utc(moment: datetime) -> datetime:
    """openpyxl writes the workbook dates as UTC and refuses time zones."""
    if moment.tzinfo is None:
        return moment
    return moment.astimezone(UTC).replace(tzinfo=None)
