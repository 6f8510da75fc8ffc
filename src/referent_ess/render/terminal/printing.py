"""Printing rich renderables without ever truncating a figure: at a terminal, at its width (or
wider); to a file or a pipe, as wide as the content, in pieces of 500 rows, without trailing
spaces. Used by the CLI only: the core never imports rich.
"""

from collections.abc import Iterator, Sequence
from typing import Any

from rich import box
from rich.cells import cell_len
from rich.console import Console, Group, RenderableType
from rich.table import Table

from referent_ess.base.writable import writable
from referent_ess.i18n import tr


def new_table(title: str | None = None, caption: str | None = None) -> Table:
    """A table in the house style: a title and caption on the left, a rule under the header, no
    outer edge."""
    return Table(
        title=title,
        caption=caption,
        title_justify="left",
        caption_justify="left",
        box=box.SIMPLE_HEAD,
        pad_edge=False,
        show_edge=False,
    )


def keep_whole(table: Table, *, wrappable: Sequence[str] | None = None) -> Table:
    """Never truncate a figure: every column but the text ones is at least as wide as its cells."""
    if wrappable is None:
        wrappable = (tr("col.candidate"), tr("col.message"))
    for column in table.columns:
        if str(column.header) in wrappable:
            column.min_width = 12
            continue
        lines = [line for cell in column.cells for line in str(cell).splitlines()]
        lines += str(column.header).splitlines()
        column.min_width = max([len(line) for line in lines] + [1])
        column.no_wrap = True
    return table


# Cells hold the buyer's data: a candidate named "Coop [b]" or "A :star: B" is printed as typed,
# never read as rich markup or emoji codes (and "[/]" in a name must not crash the table).
_PLAIN: dict[str, Any] = {"highlight": False, "soft_wrap": False, "markup": False, "emoji": False}


def print_wide(renderable: RenderableType) -> None:
    """Print to stdout without ever truncating a figure.

    On a terminal, at its width (or wider, if the table cannot fit: the terminal then wraps).
    Elsewhere (a file, a pipe), as wide as the content needs, without trailing spaces, written
    as it is rendered.
    """
    console = make_console()
    if not console.is_terminal:
        for piece in plain_parts(renderable):
            console.file.write(piece)
        return
    measured = console.measure(renderable, options=console.options.update_width(10_000))
    if measured.minimum > console.width:
        console = Console(**_PLAIN, width=measured.minimum)
    console.print(renderable)


def render_plain(renderable: RenderableType) -> str:
    """The renderable as plain text, as wide as it needs, for a file or a pipe."""
    return "".join(plain_parts(renderable))


ROWS_PER_PIECE = 500


def plain_parts(renderable: RenderableType) -> Iterator[str]:
    """:func:`render_plain` in pieces, to be written as they come: a table of every offer of a
    large lot is rendered 500 rows at a time, its columns sized once from their content.

    Printed on a console wide enough for anything, then stripped of trailing spaces: tables do
    not expand, so each takes its natural width, and nothing is measured."""
    wide = Console(**_PLAIN, width=10_000, color_system=None)
    for part in _flat(renderable):
        pieces = _pieces(part, ROWS_PER_PIECE) if isinstance(part, Table) else [part]
        for piece in pieces:
            with wide.capture() as capture:
                wide.print(piece)
            text = "".join(line.rstrip() + "\n" for line in capture.get().splitlines())
            yield writable(text)  # a file or a pipe: the characters XML forbids replaced


def _flat(renderable: RenderableType) -> Iterator[RenderableType]:
    """The renderables of a group, and of the groups in it, in order."""
    if isinstance(renderable, Group):
        for part in renderable.renderables:
            yield from _flat(part)
    else:
        yield renderable


def _pieces(table: Table, size: int) -> Iterator[Table]:
    """The table sized to its content, cut into tables of ``size`` rows that print as it does:
    the title and header on the first, the caption on the last (the box has no outer lines)."""
    _size_to_content(table)
    if table.row_count <= size:
        yield table
        return
    cells = [list(column.cells) for column in table.columns]
    for start in range(0, table.row_count, size):
        end = min(start + size, table.row_count)
        piece = Table(
            title=table.title if start == 0 else None,
            caption=table.caption if end == table.row_count else None,
            title_justify=table.title_justify,
            caption_justify=table.caption_justify,
            box=table.box,
            pad_edge=table.pad_edge,
            show_edge=table.show_edge,
            show_header=table.show_header and start == 0,
        )
        for column in table.columns:
            piece.add_column(
                column.header,
                justify=column.justify,
                width=column.width,
                no_wrap=column.no_wrap,
                style=column.style,
                header_style=column.header_style,
            )
        for index in range(start, end):
            piece.add_row(*(column[index] for column in cells), style=table.rows[index].style)
        yield piece


def _size_to_content(table: Table) -> None:
    """Each column as wide as its widest line (or its minimum width, if more): nothing to measure
    when nothing wraps (rich measures every cell otherwise: seconds for a table of every offer)."""
    for column in table.columns:
        lines = [line for cell in (column.header, *column.cells) for line in str(cell).split("\n")]
        column.width = max(*map(cell_len, lines), column.min_width or 0)


def make_console() -> Console:
    """A console that writes plain text when not on a terminal or when NO_COLOR is set."""
    return Console(**_PLAIN)
