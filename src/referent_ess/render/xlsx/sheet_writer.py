"""Writing the report's cells: a worksheet that fits its columns and rows to their content.

openpyxl measures nothing, so :class:`SheetWriter` remembers how wide each column's content is
and which cells wrap, then sets every column's width and every wrapped row's height. Text that
comes from the inputs is neutralised against formula injection, and the characters XML refuses
are replaced (:func:`~referent_ess.base.writable.writable`).
"""

import math
from decimal import Decimal

from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.properties import PageSetupProperties
from openpyxl.worksheet.worksheet import Worksheet

from referent_ess.base.exact import round_half_up
from referent_ess.base.writable import writable
from referent_ess.render.csv_doc import safe_text

# Tagged with the French locale (LCID 0x040C), so that the numbers read the French way wherever
# the workbook is opened: LibreOffice, under an English locale too, shows 7 800,00 € (an untagged
# format follows the viewer's locale: 7,800.00 €). Excel keeps the viewer's separators.
MONEY_FORMAT = '[$-40C]#,##0.00 "€"'
POINTS_FORMAT = "[$-40C]0.00"

_FONT = "Calibri"  # the workbook's default font: named, so that every viewer uses the same one
BOLD = Font(name=_FONT, size=11, bold=True)
TITLE = Font(name=_FONT, size=14, bold=True)
WARNING = Font(name=_FONT, size=11, bold=True, color="9C0006")
NOTE = Font(name=_FONT, size=11, italic=True)
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

Value = str | Decimal | int | None


def clean(text: str) -> str:
    """Text a spreadsheet shows as text: no character XML refuses, never run as a formula."""
    return safe_text(writable(text))[:_MAX_CELL]


def money(amount: Decimal | None) -> Decimal | None:
    """An amount for a money cell: to the cent, rounded half up."""
    return None if amount is None else round_half_up(amount)


class SheetWriter:
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
        cell.value = clean(value) if isinstance(value, str) else value
        if fmt is not None:
            cell.number_format = fmt
        if header:
            cell.font = BOLD
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
        self.put(1, 1, text, font=TITLE, measure=False)
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
            lines = wrapped_lines(text, room)
            heights[row] = max(heights.get(row, _LINE_HEIGHT), lines * _LINE_HEIGHT)
        for row, height in sorted(heights.items()):
            if height > _LINE_HEIGHT:
                self.ws.row_dimensions[row].height = min(height, _MAX_ROW_HEIGHT)

    def _width(self, col: int) -> float:
        width = self.ws.column_dimensions[get_column_letter(col)].width
        return float(width) if width else 8.43  # Excel's default column width


def page_setup(ws: Worksheet, *, landscape: bool = True) -> None:
    """A4, one page wide, so that the board gets a readable print."""
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = "landscape" if landscape else "portrait"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)


_MAX_HEADER = 255  # characters Excel allows in a header or a footer, codes included


def header_footer(ws: Worksheet, title: str) -> None:
    """The consultation's title in the page header, « Page N / M » in the footer: a printed
    page says what it belongs to and where it goes."""
    escaped = writable(title).replace("&", "&&")  # & starts a code in a header
    room = _MAX_HEADER - len("&10")
    if len(escaped) > room:
        escaped = escaped[: room - 1].rstrip("&") + "…"
    header, footer = ws.oddHeader, ws.oddFooter
    assert header is not None  # openpyxl creates both with the sheet
    assert footer is not None
    header.center.text = escaped
    header.center.size = 10
    footer.center.text = "Page &P / &N"
    footer.center.size = 9


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


def wrapped_lines(text: str, room: float) -> int:
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
