"""What a Word document is made of here: headings, paragraphs of runs, bullet lists and tables.

The letters' Markdown and the report's HTML are read into these blocks (one source of content
for every format), and :mod:`.document` writes them with Word's own styles."""

from dataclasses import dataclass, field
from enum import StrEnum
from fractions import Fraction


@dataclass(frozen=True)
class Run:
    """A stretch of text with one look."""

    text: str
    bold: bool = False
    italic: bool = False
    code: bool = False  # a command line or a checksum: a fixed-width font
    line_break: bool = False  # a line break after this run, within the paragraph


class Look(StrEnum):
    """How a paragraph stands on the page."""

    BODY = "body"
    ADDRESS = "address"  # the recipient's block, on the right like an envelope's window
    SMALL = "small"  # a note under a table
    TITLE = "title"  # the document's title
    ALERT = "alert"  # a warning the reader must not miss


@dataclass(frozen=True)
class Paragraph:
    runs: tuple[Run, ...]
    look: Look = Look.BODY


@dataclass(frozen=True)
class Heading:
    level: int  # 1 to 3
    runs: tuple[Run, ...]
    new_page: bool = False


@dataclass(frozen=True)
class Bullets:
    items: tuple[tuple[Run, ...], ...]
    numbered: bool = False


@dataclass(frozen=True)
class Table:
    """A table: its header row, its rows, which columns hold figures (right-aligned) and
    which rows are headers inside the body (a row label is bold)."""

    header: tuple[tuple[Run, ...], ...]
    rows: tuple[tuple[tuple[Run, ...], ...], ...]
    numeric: frozenset[int] = field(default_factory=frozenset)
    caption: tuple[Run, ...] = ()


@dataclass(frozen=True)
class Bar:
    """One ranked offer of a chart: its label, its points by criterion (in the legend's order)
    with the figure shown on each segment, and its total as shown."""

    label: str
    segments: tuple[tuple[Fraction, str], ...]
    total: str
    winner: bool = False


@dataclass(frozen=True)
class Chart:
    """A lot's chart: one horizontal bar per ranked offer, stacked by criterion, to the scale
    of ``scale`` points; ``colours`` (hex RGB) and ``legend`` go by criterion."""

    title: str
    bars: tuple[Bar, ...]
    legend: tuple[str, ...]
    colours: tuple[str, ...]
    dark: frozenset[str]  # the colours on which a figure is written in white
    scale: Fraction
    caption: str


Block = Paragraph | Heading | Bullets | Table | Chart


def plain(runs: tuple[Run, ...]) -> str:
    """The text of runs, line breaks as new lines."""
    return "".join(run.text + ("\n" if run.line_break else "") for run in runs)
