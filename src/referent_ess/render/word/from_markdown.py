"""The Markdown of a letter read as Word blocks: the Markdown the templates and paragraphs
write (``#`` headings, paragraphs, a line ending in ``\\`` for a line break, ``> `` for the
recipient's block, ``- `` lists, ``|`` tables with ``---:`` for figures, ``**bold**`` and
``*italic*``), with every backslash escape of :func:`~referent_ess.render.markdown_text.md`
undone, so that a candidate's name reads as typed and never as markup."""

import re

from referent_ess.render.word.blocks import Block, Bullets, Heading, Look, Paragraph, Run, Table

_HEADING = re.compile(r"^(#{1,3}) +(.*)$")
_RULE_CELL = re.compile(r"^:?-{3,}:?$")


def blocks(markdown: str) -> list[Block]:
    """The blocks of a Markdown text, in order."""
    out: list[Block] = []
    for chunk in re.split(r"\n[ \t]*\n", markdown.strip("\n")):
        lines = [line for line in chunk.split("\n") if line.strip()]
        if lines:
            out.extend(_chunk(lines))
    return out


def _chunk(lines: list[str]) -> list[Block]:
    heading = _HEADING.match(lines[0])
    if heading and len(lines) == 1:
        return [Heading(len(heading.group(1)), inline(heading.group(2).strip()))]
    if all(line.lstrip().startswith("|") for line in lines):
        return [_table(lines)]
    if all(line.startswith(("- ", "* ")) for line in lines):
        return [Bullets(tuple(inline(line[2:].strip()) for line in lines))]
    if all(line.startswith(">") for line in lines):
        text = [line[1:].removeprefix(" ") for line in lines]
        return [Paragraph(_lines(text), Look.ADDRESS)]
    return [Paragraph(_lines(lines))]


def _lines(lines: list[str]) -> tuple[Run, ...]:
    """A paragraph's lines: joined by a space, or by a line break after a ``\\`` (or two
    spaces) at a line's end."""
    runs: list[Run] = []
    for index, line in enumerate(lines):
        last = index == len(lines) - 1
        hard = line.endswith("  ") or (line.endswith("\\") and not line.endswith("\\\\"))
        text = line.rstrip()
        if hard and text.endswith("\\"):
            text = text[:-1]
        parts = list(inline(text.strip()))
        if not last and hard:
            end = parts[-1] if parts else Run("")
            parts[-1:] = [Run(end.text, end.bold, end.italic, end.code, line_break=True)]
        elif not last and parts:
            parts.append(Run(" ", parts[-1].bold, parts[-1].italic))
        runs.extend(parts)
    return tuple(_merged(runs))


def _table(lines: list[str]) -> Table:
    rows = [_cells(line) for line in lines]
    numeric: frozenset[int] = frozenset()
    if len(rows) > 1 and all(_RULE_CELL.match(cell) for cell in rows[1]):
        numeric = frozenset(i for i, cell in enumerate(rows[1]) if cell.endswith(":"))
        header, body = rows[0], rows[2:]
    else:
        header, body = rows[0], rows[1:]
    return Table(
        header=tuple(inline(cell) for cell in header),
        rows=tuple(tuple(inline(cell) for cell in row) for row in body),
        numeric=numeric,
    )


def _cells(line: str) -> list[str]:
    """A table row's cells, split on the ``|`` that are not escaped."""
    text = line.strip()
    text = text.removeprefix("|")
    if text.endswith("|") and not text.endswith("\\|"):
        text = text[:-1]
    cells, current, escaped = [], [], False
    for char in text:
        if escaped:
            current.append("\\" + char)
            escaped = False
        elif char == "\\":
            escaped = True
        elif char == "|":
            cells.append("".join(current).strip())
            current = []
        else:
            current.append(char)
    if escaped:
        current.append("\\")
    cells.append("".join(current).strip())
    return cells


def inline(text: str) -> tuple[Run, ...]:
    """Runs of one line: ``**bold**`` and ``*italic*`` (or ``_italic_``) marks, backslash
    escapes undone (``\\*`` is a star), the marks themselves never shown."""
    runs: list[Run] = []
    bold = italic = False
    current: list[str] = []
    index = 0

    def flush() -> None:
        if current:
            runs.append(Run("".join(current), bold, italic))
            current.clear()

    while index < len(text):
        char = text[index]
        if char == "\\" and index + 1 < len(text):
            current.append(text[index + 1])
            index += 2
            continue
        if text.startswith("**", index):
            flush()
            bold = not bold
            index += 2
            continue
        if char == "*" or (char == "_" and _at_word_edge(text, index)):
            flush()
            italic = not italic
            index += 1
            continue
        current.append(char)
        index += 1
    flush()
    return tuple(_merged(runs))


def _at_word_edge(text: str, index: int) -> bool:
    before = text[index - 1] if index > 0 else " "
    after = text[index + 1] if index + 1 < len(text) else " "
    return not (before.isalnum() and after.isalnum())


def _merged(runs: list[Run]) -> list[Run]:
    """Neighbouring runs of one look as one run."""
    out: list[Run] = []
    for run in runs:
        if not run.text and not run.line_break:
            continue
        if out and not out[-1].line_break and _look(out[-1]) == _look(run):
            last = out[-1]
            out[-1] = Run(last.text + run.text, last.bold, last.italic, last.code, run.line_break)
        else:
            out.append(run)
    return out


def _look(run: Run) -> tuple[bool, bool, bool]:
    return run.bold, run.italic, run.code
