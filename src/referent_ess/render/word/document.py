"""Blocks written as a Word document with python-docx: Word's own headings, paragraphs, lists
and tables, so that the buyer edits a real document (styles, navigation pane, table tools).

The base is python-docx's blank document set up for a French letter (A4, French proofing), or
the buyer's own ``.docx`` (checked first by :mod:`.base`): its letterhead, styles, header and
footer are kept and only its body is replaced. A style the base lacks (a buyer's template may
have no « Heading 2 ») is replaced by direct formatting, never by an error.
"""

import io
from collections.abc import Iterable

from docx import Document
from docx.document import Document as WordDocument
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.table import CT_Row, CT_Tc
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.shared import Cm, Emu, Length, Pt
from docx.table import Table as WordTable
from docx.text.paragraph import Paragraph as WordParagraph

from referent_ess.render.word.blocks import (
    Block,
    Bullets,
    Chart,
    Heading,
    Look,
    Paragraph,
    Run,
    Table,
    plain,
)
from referent_ess.render.word.chart_table import add_chart

_HEADING_SIZES = {1: Pt(15), 2: Pt(12.5), 3: Pt(11)}
_BODY_POINTS = 10.5
_SHADE = "E7ECF2"  # the header row of a table: light enough to print in greyscale


def word_document(
    blocks: Iterable[Block],
    *,
    title: str,
    author: str | None,
    base: bytes | None = None,
    landscape: bool = False,
    table_points: float | None = None,
) -> bytes:
    """The .docx bytes of ``blocks``, on the buyer's ``base`` if given (the bytes
    :func:`~referent_ess.render.word.base.checked_base` returned)."""
    if base is not None:
        document = Document(io.BytesIO(base))
        _clear_body(document)
    else:
        document = Document()
        _set_up(document, landscape)
    writer = _Writer(document, Pt(table_points) if table_points else None)
    for block in blocks:
        writer.add(block)
    properties = document.core_properties
    properties.title = title
    properties.author = author or ""
    properties.last_modified_by = author or ""
    properties.language = "fr-FR"
    properties.comments = ""
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _clear_body(document: WordDocument) -> None:
    """Everything of the base's body but its last section's settings (page size, margins, the
    header and footer it points to)."""
    body = document.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)


def _set_up(document: WordDocument, landscape: bool) -> None:
    """A4 with French margins, Arial 11 (Liberation Sans where Arial is missing), French
    proofing: python-docx's blank document is US Letter in English."""
    section = document.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
    short, long = Cm(21), Cm(29.7)
    section.page_width, section.page_height = (long, short) if landscape else (short, long)
    section.left_margin = section.right_margin = Cm(2.2)
    section.top_margin = section.bottom_margin = Cm(2)
    normal = document.styles["Normal"]
    normal.font.name = "Arial"
    normal.font.size = Pt(_BODY_POINTS)
    normal.paragraph_format.space_after = Pt(6)
    rpr = normal.element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is not None:
        for attribute in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
            fonts.set(qn(attribute), "Arial")
    language = OxmlElement("w:lang")
    language.set(qn("w:val"), "fr-FR")
    language.set(qn("w:eastAsia"), "fr-FR")
    rpr.append(language)
    for level in (1, 2, 3):
        style = document.styles[f"Heading {level}"]
        style.font.name = "Arial"
        style.font.size = _HEADING_SIZES[level]
        style.font.color.rgb = None
        style.paragraph_format.space_before = Pt(12 if level > 1 else 6)
        style.paragraph_format.space_after = Pt(6)
        style.paragraph_format.keep_with_next = True
    _page_numbers(document)


def _page_numbers(document: WordDocument) -> None:
    """« Page n / m » at the bottom right of every page."""
    if "Footer" in {style.name for style in document.styles}:
        document.styles["Footer"].font.size = Pt(8)
    footer = document.sections[0].footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    footer.add_run("Page ").font.size = Pt(8)
    _field(footer, "PAGE")
    footer.add_run(" / ").font.size = Pt(8)
    _field(footer, "NUMPAGES")


def _field(paragraph: WordParagraph, instruction: str) -> None:
    run = paragraph.add_run()
    run.font.size = Pt(8)
    begin, text, separate, shown, end = (
        OxmlElement("w:fldChar"),
        OxmlElement("w:instrText"),
        OxmlElement("w:fldChar"),
        OxmlElement("w:t"),
        OxmlElement("w:fldChar"),
    )
    begin.set(qn("w:fldCharType"), "begin")
    text.set(qn("xml:space"), "preserve")
    text.text = f" {instruction} "
    separate.set(qn("w:fldCharType"), "separate")
    shown.text = "1"
    end.set(qn("w:fldCharType"), "end")
    for element in (begin, text, separate, shown, end):
        run._r.append(element)


class _Writer:
    def __init__(self, document: WordDocument, table_font: Pt | None) -> None:
        self.document = document
        self.table_font = table_font
        # style name -> id, looked up once: python-docx looks a name up among every style
        self.styles = {style.name: style.style_id for style in document.styles if style.name}

    def add(self, block: Block) -> None:
        if isinstance(block, Heading):
            self._heading(block)
        elif isinstance(block, Paragraph):
            self._paragraph(block)
        elif isinstance(block, Bullets):
            self._bullets(block)
        elif isinstance(block, Chart):
            add_chart(self.document, block, self._text_width())
        else:
            self._table(block)

    def _text_width(self) -> int:
        """The width between the margins of the last section, in EMU."""
        section = self.document.sections[-1]
        page = section.page_width or Cm(21)
        return int(page - (section.left_margin or 0) - (section.right_margin or 0))

    def _style(self, name: str) -> str | None:
        """The id of the style called ``name``, None when the document has none."""
        return self.styles.get(name)

    def _paragraph_in(self, style: str | None) -> WordParagraph:
        paragraph = self.document.add_paragraph()
        if style is not None:
            paragraph._p.style = style
        return paragraph

    def _heading(self, block: Heading) -> None:
        style = self._style(f"Heading {block.level}")
        paragraph = self._paragraph_in(style)
        _runs(paragraph, block.runs, bold=style is None)
        if style is None:
            for run in paragraph.runs:
                run.font.size = _HEADING_SIZES.get(block.level, Pt(11))
            paragraph.paragraph_format.keep_with_next = True
        if block.new_page:
            paragraph.paragraph_format.page_break_before = True

    def _paragraph(self, block: Paragraph) -> None:
        style = self._style("Title") if block.look is Look.TITLE else None
        paragraph = self._paragraph_in(style)
        _runs(paragraph, block.runs)
        layout = paragraph.paragraph_format
        if block.look is Look.ADDRESS:
            layout.left_indent = Cm(9)
            layout.space_before = Pt(12)
            layout.space_after = Pt(18)
        elif block.look is Look.SMALL:
            for run in paragraph.runs:
                run.font.size = Pt(8.5)
        elif block.look is Look.ALERT:
            for run in paragraph.runs:
                run.bold = True
        elif block.look is Look.TITLE and style is None:
            for run in paragraph.runs:
                run.bold = True
                run.font.size = Pt(18)

    def _bullets(self, block: Bullets) -> None:
        name = "List Number" if block.numbered else "List Bullet"
        style = self._style(name)
        for number, item in enumerate(block.items, start=1):
            paragraph = self._paragraph_in(style)
            if style is None:  # a base without list styles: the mark typed, with a hanging indent
                paragraph.add_run(f"{number}. " if block.numbered else "– ")
                paragraph.paragraph_format.left_indent = Cm(0.6)
                paragraph.paragraph_format.first_line_indent = Cm(-0.4)
            last = number == len(block.items)
            paragraph.paragraph_format.space_after = Pt(6 if last else 2)  # air after the list
            _runs(paragraph, item)

    def _table(self, block: Table) -> None:
        width = max([len(block.header), *(len(row) for row in block.rows)])
        table = self.document.add_table(rows=1 + len(block.rows), cols=width)
        style = self._style("Table Grid")
        if style is not None:
            table._tbl.tblStyle_val = style
        else:
            _borders(table)
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        table.autofit = False
        size = self.table_font.pt if self.table_font is not None else _BODY_POINTS
        widths = _widths(block, width, self._text_width(), size)
        grid = table._tbl.tblGrid
        for column, share in zip(grid.gridCol_lst, widths, strict=True):
            column.w = share
        for index, cells in enumerate((block.header, *block.rows)):
            row = table.rows[index]
            if index == 0:
                _repeat_header(row._tr)
            _cant_split(row._tr)
            for column in range(width):
                cell = row.cells[column]
                cell.width = widths[column]
                runs = cells[column] if column < len(cells) else ()
                paragraph = cell.paragraphs[0]
                paragraph.paragraph_format.space_after = Pt(0)
                if column in block.numeric:
                    paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
                _runs(paragraph, runs, bold=index == 0)
                if self.table_font is not None:
                    for run in paragraph.runs:
                        run.font.size = self.table_font
                if index == 0:
                    _shade(cell._tc)
        if block.caption:
            caption = self.document.add_paragraph()
            _runs(caption, block.caption)
            for run in caption.runs:
                run.font.size = Pt(8.5)
        else:  # a little space between a table and what follows
            self.document.add_paragraph().paragraph_format.space_after = Pt(0)


def _widths(block: Table, count: int, available: int, points: float) -> list[Length]:
    """Each column's width: room for its longest word first (at ``points`` the size of its
    text), so that no word or figure is ever cut; what is left shared in proportion to
    :func:`column_weights`."""
    weights = column_weights(block, count)
    character = int(_CHARACTER * points * 12700)  # EMU per average character
    smallest = [_PADDING + character * _longest_word(block, column) for column in range(count)]
    wanted = [_PADDING + character * weight for weight in weights]
    spare = max(available - sum(smallest), 0)
    extra = [max(w - s, 0) for w, s in zip(wanted, smallest, strict=True)]
    shared = sum(extra) or 1
    return [Emu(s + spare * e // shared) for s, e in zip(smallest, extra, strict=True)]


_CHARACTER = 0.56  # the average width of a character of Arial, in ems
_PADDING = int(Cm(0.45))  # a cell's left and right margins, and a little air


def _longest_word(block: Table, column: int) -> int:
    cells = [row[column] for row in (block.header, *block.rows) if column < len(row)]
    lines = [line for cell in cells for line in plain(cell).split("\n")]
    return max((len(word) for line in lines for word in line.split(" ")), default=1)


def column_weights(block: Table, count: int | None = None) -> list[int]:
    """What each column needs, in characters: the longest line of its body (up to 30
    characters: a longer text wraps; a header wraps), never less than its longest word, so that
    a word or a figure is not cut in the middle, plus the cell's margins."""
    if count is None:
        count = max([len(block.header), *(len(row) for row in block.rows)])
    weights = []
    for column in range(count):
        head = plain(block.header[column]).split("\n") if column < len(block.header) else []
        body = [
            line
            for row in block.rows
            if column < len(row)
            for line in plain(row[column]).split("\n")
        ]
        # only a plain space breaks a line: a figure's no-break spaces hold it together
        words = (len(word) for line in head + body for word in line.split(" "))
        longest_word = max(words, default=1)
        longest_line = max((len(line) for line in body), default=1)
        weights.append(max(longest_word, min(longest_line, 30), 3) + 3)
    return weights


def _runs(paragraph: WordParagraph, runs: Iterable[Run], bold: bool = False) -> None:
    for run in runs:
        written = paragraph.add_run(run.text)
        written.bold = run.bold or bold or None
        written.italic = run.italic or None
        if run.code:
            written.font.name = "Courier New"
            written.font.size = Pt(8)
        if run.line_break:
            written.add_break()


def _repeat_header(tr: CT_Row) -> None:
    """The header row repeated at the top of each page the table runs over."""
    tr.get_or_add_trPr().append(_on("w:tblHeader"))


def _cant_split(tr: CT_Row) -> None:
    """A row is never cut between two pages."""
    tr.get_or_add_trPr().append(_on("w:cantSplit"))


def _on(tag: str) -> BaseOxmlElement:
    element = OxmlElement(tag)
    element.set(qn("w:val"), "true")
    return element


def _shade(tc: CT_Tc) -> None:
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), _SHADE)
    tc.get_or_add_tcPr().append(shading)


def _borders(table: WordTable) -> None:
    """Thin borders, for a base document without the « Table Grid » style."""
    properties = table._tbl.tblPr
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        line = OxmlElement(f"w:{edge}")
        line.set(qn("w:val"), "single")
        line.set(qn("w:sz"), "4")
        line.set(qn("w:space"), "0")
        line.set(qn("w:color"), "808080")
        borders.append(line)
    properties.append(borders)
