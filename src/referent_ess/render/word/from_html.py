"""The HTML report read as Word blocks, so that the Word report says exactly what the HTML
report says (one source of content): its headings, paragraphs, lists, the facts of its cover
and its tables, cell by cell, with the figures' columns right-aligned.

Only the HTML :mod:`referent_ess.render.html.report` writes is read here (well-formed, escaped
by it): what a screen reader alone hears (``visually-hidden``), the table of contents (Word
has its navigation pane) and the charts' SVG are left out; a chart is replaced by the native
chart its lot's section is given (``charts``, by the section's id: « lot-3 »)."""

from collections.abc import Mapping
from dataclasses import dataclass, field
from html.parser import HTMLParser

from referent_ess.render.word.blocks import (
    Block,
    Bullets,
    Chart,
    Heading,
    Look,
    Paragraph,
    Run,
    Table,
)

_SKIPPED = frozenset({"head", "style", "title", "svg", "nav", "script"})
_VOID = frozenset({"br", "meta", "link", "img", "hr", "input", "line", "rect", "path"})
_LINE_BEFORE = frozenset({"sub", "max", "legal", "badge"})  # spans set on a line of their own
_ITALIC = frozenset({"legal", "badge", "sub"})


@dataclass
class _Cell:
    runs: list[Run] = field(default_factory=list)
    numeric: bool = False


@dataclass
class _Table:
    header: list[list[_Cell]] = field(default_factory=list)
    rows: list[list[_Cell]] = field(default_factory=list)
    caption: list[Run] = field(default_factory=list)
    in_head: bool = False


class _Reader(HTMLParser):
    def __init__(self, charts: Mapping[str, Chart]) -> None:
        super().__init__(convert_charrefs=True)
        self.charts = charts
        self.section = ""  # the id of the section being read
        self.blocks: list[Block] = []
        self.open: list[tuple[str, frozenset[str]]] = []  # tag and classes, outermost first
        self.skip = 0  # depth inside a skipped element
        self.runs: list[Run] | None = None  # the text being gathered, if any
        self.look = Look.BODY
        self.heading: int | None = None
        self.new_page = False
        self.items: list[tuple[Run, ...]] | None = None
        self.term: list[Run] = []
        self.table: _Table | None = None
        self.row: list[_Cell] | None = None
        self.cell: _Cell | None = None
        self.in_lot = False

    # --- what is open -------------------------------------------------------------------
    def _has(self, name: str) -> bool:
        return any(name in classes for _, classes in self.open)

    def _inside(self, tag: str) -> bool:
        return any(open_tag == tag for open_tag, _ in self.open)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        classes = frozenset((dict(attrs).get("class") or "").split())
        if self.skip:
            if tag not in _VOID:
                self.skip += 1
            return
        if tag in _SKIPPED or "visually-hidden" in classes:
            self.skip = 1
            return
        if tag == "figure" and "chart" in classes:
            chart = self.charts.get(self.section)
            if chart is not None:
                self.blocks.append(chart)
            self.skip = 1
            return
        if tag == "br":
            self._break()
            return
        if tag in _VOID:
            return
        self.open.append((tag, classes))
        if tag == "section":
            self.section = dict(attrs).get("id") or ""
            self.in_lot = "lot" in classes
            self.new_page = self.in_lot
        elif tag in ("h1", "h2", "h3"):
            self.runs, self.heading = [], int(tag[1])
        elif tag == "p" and self.cell is None:
            self.runs = []
            self.look = Look.ALERT if "alert" in classes else Look.BODY
            if "small" in classes:
                self.look = Look.SMALL
        elif tag in ("ul", "ol") and self.cell is None:
            self.items = []
        elif tag == "li":
            if self.cell is not None:
                self._break()
                self.cell.runs.append(Run("– "))
            else:
                self.runs = []
        elif tag in ("dt", "dd"):
            self.runs = []
        elif tag == "table":
            self.table = _Table()
        elif tag == "caption" and self.table is not None:
            self.runs = []
        elif tag == "thead" and self.table is not None:
            self.table.in_head = True
        elif tag == "tr":
            self.row = []
        elif tag in ("td", "th") and self.row is not None:
            self.cell = _Cell(numeric="num" in classes)
        elif tag == "span" and classes & _LINE_BEFORE:
            self._break()

    def handle_endtag(self, tag: str) -> None:
        if self.skip:
            if tag not in _VOID:
                self.skip -= 1
            return
        if tag in _VOID:
            return
        while self.open and self.open[-1][0] != tag:  # an element closed implicitly
            self.open.pop()
        if not self.open:
            return
        _, classes = self.open.pop()
        if tag == "span" and "lot-no" in classes and self.runs is not None:
            self.runs.append(Run(" — "))  # « Lot 1 — Services… », as the contents list it
        if tag in ("h1", "h2", "h3") and self.runs is not None and self.heading is not None:
            runs = _tidy(self.runs)
            if tag == "h1":
                self.blocks.append(Paragraph(runs, Look.TITLE))
            else:
                level = self.heading - 1
                self.blocks.append(Heading(level, runs, new_page=self.new_page and level == 1))
                self.new_page = False
            self.runs, self.heading = None, None
        elif tag == "p" and self.cell is None and self.runs is not None:
            if self.runs:
                self.blocks.append(Paragraph(_tidy(self.runs), self.look))
            self.runs, self.look = None, Look.BODY
        elif tag == "li" and self.cell is None and self.runs is not None:
            if self.items is not None:
                self.items.append(_tidy(self.runs))
            self.runs = None
        elif tag in ("ul", "ol") and self.cell is None and self.items is not None:
            if self.items:
                self.blocks.append(Bullets(tuple(self.items), numbered=tag == "ol"))
            self.items = None
        elif tag == "dt" and self.runs is not None:
            self.term, self.runs = self.runs, None
        elif tag == "dd" and self.runs is not None:
            term = [Run(r.text, True, r.italic, r.code) for r in _tidy(self.term)]
            self.blocks.append(Paragraph((*term, Run(" : "), *_tidy(self.runs))))
            self.runs, self.term = None, []
        elif tag == "caption" and self.table is not None and self.runs is not None:
            self.table.caption, self.runs = list(_tidy(self.runs)), None
        elif tag == "thead" and self.table is not None:
            self.table.in_head = False
        elif tag in ("td", "th") and self.cell is not None and self.row is not None:
            self.row.append(self.cell)
            self.cell = None
        elif tag == "tr" and self.row is not None and self.table is not None:
            (self.table.header if self.table.in_head else self.table.rows).append(self.row)
            self.row = None
        elif tag == "table" and self.table is not None:
            self.blocks.append(_table(self.table))
            self.table = None

    def handle_data(self, data: str) -> None:
        if self.skip:
            return
        target = self.cell.runs if self.cell is not None else self.runs
        if target is None:
            return
        text = " ".join(data.split())
        if data[:1].isspace():
            text = " " + text
        if data[-1:].isspace() and text.strip():
            text += " "
        if not text:
            return
        bold = self._inside("strong") or self._inside("b")
        italic = self._inside("em") or any(self._has(name) for name in _ITALIC)
        target.append(Run(text, bold, italic, self._inside("code")))

    def _break(self) -> None:
        target = self.cell.runs if self.cell is not None else self.runs
        if target:
            last = target[-1]
            target[-1] = Run(last.text.rstrip(), last.bold, last.italic, last.code, True)


def _tidy(runs: list[Run]) -> tuple[Run, ...]:
    """Runs without the spaces HTML would not show: none at the start or the end of a line,
    never two in a row."""
    out: list[Run] = []
    line_start = True
    for run in runs:
        text = run.text
        if line_start or (out and out[-1].text.endswith(" ")):
            text = text.lstrip()
        if run.line_break:
            text = text.rstrip()
        if not text and not run.line_break:
            continue
        out.append(Run(text, run.bold, run.italic, run.code, run.line_break))
        line_start = run.line_break
    if out and not out[-1].line_break:
        last = out[-1]
        out[-1] = Run(last.text.rstrip(), last.bold, last.italic, last.code)
    return tuple(run for run in out if run.text or run.line_break)


def _table(table: _Table) -> Table:
    header = table.header[-1] if table.header else []
    width = max([len(header), *(len(row) for row in table.rows)], default=0)
    numeric = frozenset(
        index
        for index in range(width)
        if any(len(row) > index and row[index].numeric for row in table.rows)
        or (len(header) > index and header[index].numeric)
    )
    return Table(
        header=tuple(_tidy(cell.runs) for cell in header),
        rows=tuple(tuple(_tidy(cell.runs) for cell in row) for row in table.rows),
        numeric=numeric,
        caption=tuple(table.caption),
    )


def blocks(html: str, charts: Mapping[str, Chart] | None = None) -> list[Block]:
    """The blocks of the report's HTML, in order (``charts``: the chart that stands for the
    SVG chart of each section, by the section's id; a chart without one is left out)."""
    reader = _Reader(charts or {})
    reader.feed(html)
    reader.close()
    return reader.blocks
