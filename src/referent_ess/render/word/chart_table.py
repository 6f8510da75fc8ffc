"""A chart written as native Word content (no picture, no drawing library): a borderless table
whose rows are the ranked offers and whose shaded cells are the criteria's segments, each as
wide as its points (to the scale of the total of points), so that Word and LibreOffice show it
and print it as they show any table; the total follows each bar (in the blank after it, or in
the last column when the bar is nearly full), a legend of coloured squares follows the table.

The widths are exact to the twip: each segment's ends are the cumulative points rounded to the
nearest twip, and the table's grid is the union of every row's ends (a segment spans the grid
columns between its ends, as Word itself lays out rows of different cells)."""

import itertools
from fractions import Fraction

from docx.document import Document as WordDocument
from docx.enum.table import WD_ROW_HEIGHT_RULE, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.table import CT_Tc
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.shared import Pt, RGBColor, Twips
from docx.table import _Cell

from referent_ess.render.word.blocks import Chart

_TOTAL_TWIPS = 850  # the total's column, about 1.5 cm
_CHARACTER_TWIPS = 90  # an average character of Arial 8 pt, in twips
_BAR_TWIPS = 300  # a bar's height
_GAP_TWIPS = 80  # the white between two bars
_FIGURE_TWIPS = 600  # a segment at least this wide shows its points


def add_chart(document: WordDocument, chart: Chart, available: int) -> None:
    """Write ``chart`` at the end of ``document``, ``available`` EMU wide."""
    width = available // 635  # EMU to twips
    title = document.add_paragraph()
    title.paragraph_format.keep_with_next = True
    title.paragraph_format.space_before = Pt(6)
    run = title.add_run(chart.title)
    run.bold = True
    run.font.size = Pt(9)
    longest = max((len(bar.label) for bar in chart.bars), default=10)
    name = min(max(longest * _CHARACTER_TWIPS + 200, 2000), width * 2 // 5)
    plot = width - name - _TOTAL_TWIPS
    ends = [_ends(bar.segments, chart.scale, plot) for bar in chart.bars]
    grid = sorted({0, plot, *(end for row in ends for end in row)})
    columns = [name, *(b - a for a, b in itertools.pairwise(grid)), _TOTAL_TWIPS]
    rows = 2 * len(chart.bars) - 1
    table = document.add_table(rows=max(rows, 1), cols=len(columns))
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    _layout(table._tbl.tblPr)
    for column, twips in zip(table._tbl.tblGrid.gridCol_lst, columns, strict=True):
        column.w = Twips(twips)
    last = len(columns) - 1
    for index, (bar, row_ends) in enumerate(zip(chart.bars, ends, strict=True)):
        row = table.rows[2 * index]
        row.height, row.height_rule = Twips(_BAR_TWIPS), WD_ROW_HEIGHT_RULE.AT_LEAST
        label = table.cell(2 * index, 0)
        label.width = Twips(name)
        _text(label, bar.label, bold=bar.winner, align=WD_ALIGN_PARAGRAPH.RIGHT)
        # the segments and the blank after the bar, merged from right to left so that the
        # grid positions of the cells still to merge do not move
        spans: list[tuple[int, int, int | None]] = []
        shown = False  # whether the total is written in the blank after the bar
        start = 0
        for criterion, end in enumerate(row_ends):
            if end > start:
                spans.append((start, end, criterion))
            start = max(start, end)
        if start < plot:
            spans.append((start, plot, None))
        for first, last_end, position in reversed(spans):
            a, b = 1 + grid.index(first), grid.index(last_end)
            cell = table.cell(2 * index, a)
            if b > a:
                cell = cell.merge(table.cell(2 * index, b))
            cell.width = Twips(last_end - first)
            if position is None:  # the blank after the bar: the total, if it fits
                if last_end - first >= _FIGURE_TWIPS:
                    _text(cell, bar.total, bold=True, align=WD_ALIGN_PARAGRAPH.LEFT)
                    shown = True
                continue
            colour = chart.colours[position]
            _shade(cell._tc, colour)
            if last_end - first >= _FIGURE_TWIPS:
                ink = "FFFFFF" if colour in chart.dark else "000000"
                _text(cell, bar.segments[position][1], colour=ink)
        total = table.cell(2 * index, last)
        total.width = Twips(_TOTAL_TWIPS)
        if not shown:
            _text(total, bar.total, bold=True, align=WD_ALIGN_PARAGRAPH.LEFT)
        if index + 1 < len(chart.bars):  # the gap before the next bar: one empty cell
            gap = table.rows[2 * index + 1]
            gap.height, gap.height_rule = Twips(_GAP_TWIPS), WD_ROW_HEIGHT_RULE.EXACTLY
            merged = table.cell(2 * index + 1, 0).merge(table.cell(2 * index + 1, last))
            merged.paragraphs[0].paragraph_format.space_after = Pt(0)
            for paragraph_run in merged.paragraphs[0].runs:
                paragraph_run.font.size = Pt(1)
    for entry, colour in zip(chart.legend, chart.colours, strict=True):
        paragraph = document.add_paragraph()
        paragraph.paragraph_format.space_after = Pt(0)
        paragraph.paragraph_format.left_indent = Twips(name)
        paragraph.paragraph_format.keep_with_next = True
        square = paragraph.add_run("■ ")
        square.font.color.rgb = RGBColor.from_string(colour)
        square.font.size = Pt(11)
        paragraph.add_run(entry).font.size = Pt(8.5)
    caption = document.add_paragraph()
    caption.paragraph_format.space_before = Pt(4)
    caption_run = caption.add_run(chart.caption)
    caption_run.italic = True
    caption_run.font.size = Pt(8.5)


def _ends(segments: tuple[tuple[Fraction, str], ...], scale: Fraction, plot: int) -> list[int]:
    """Where each segment ends, in twips from the bar's start: the cumulative points to the
    scale, rounded to the nearest twip (so that the segments add up to the rounded total)."""
    ends, running = [], Fraction(0)
    for points, _ in segments:
        running += points
        ends.append(round(running / scale * plot))
    return ends


def _layout(tblPr: BaseOxmlElement) -> None:
    """No borders and narrow cell margins (the layout is fixed by ``autofit = False``: the
    widths are kept whatever the text), in the order the schema wants them."""
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        line = OxmlElement(f"w:{edge}")
        line.set(qn("w:val"), "nil")
        borders.append(line)
    tblPr.insert_element_before(
        borders, "w:shd", "w:tblLayout", "w:tblCellMar", "w:tblLook", "w:tblCaption"
    )
    margins = OxmlElement("w:tblCellMar")
    for edge, twips in (("left", 40), ("right", 40)):
        margin = OxmlElement(f"w:{edge}")
        margin.set(qn("w:w"), str(twips))
        margin.set(qn("w:type"), "dxa")
        margins.append(margin)
    tblPr.insert_element_before(margins, "w:tblLook", "w:tblCaption", "w:tblDescription")


def _shade(tc: CT_Tc, colour: str) -> None:
    """A segment's colour, and a thin white line at its right end to part it from the next."""
    properties = tc.get_or_add_tcPr()
    borders = OxmlElement("w:tcBorders")
    line = OxmlElement("w:right")
    line.set(qn("w:val"), "single")
    line.set(qn("w:sz"), "8")
    line.set(qn("w:space"), "0")
    line.set(qn("w:color"), "FFFFFF")
    borders.append(line)
    properties.append(borders)
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), colour)
    properties.append(shading)


def _text(
    cell: _Cell,
    text: str,
    *,
    bold: bool = False,
    colour: str | None = None,
    align: WD_ALIGN_PARAGRAPH | None = None,
) -> None:
    paragraph = cell.paragraphs[0]
    paragraph.paragraph_format.space_after = Pt(0)
    paragraph.paragraph_format.space_before = Pt(2)
    paragraph.alignment = align if align is not None else WD_ALIGN_PARAGRAPH.CENTER
    run = paragraph.add_run(text)
    run.font.size = Pt(8)
    run.bold = bold or None
    if colour is not None:
        run.font.color.rgb = RGBColor.from_string(colour)
