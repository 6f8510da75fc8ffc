"""The XML of a worksheet, parsed for real before any reader touches it.

python-calamine (fast) and openpyxl (cell by cell) read the offers. Each is a real XML parser,
but they do not resolve the same oddities the same way: two ``<row r="2">`` (calamine keeps the
last, openpyxl the first), a cell written twice or out of order, two values in a cell, a shared
text index of -1, a number written `` 12 `` or with a character reference. And python-calamine
allocates the sheet's whole used range (rows × columns) before it gives a single value: one cell
at ``XFD1048576`` asks for 512 GiB.

So the sheets that are read (the offers sheet, the marks sheet) are parsed here first, with
expat (the standard library's streaming parser, fed only once :mod:`.xlsx_scan` knows the part
declares no DTD), and refused, each problem with its cell, unless both readers must give the same
values and the used range fits in :data:`MAX_COLUMNS` columns and :data:`MAX_CELLS` cells. The
same pass notes what openpyxl's read-only mode hides (formulas, error cells, merged cells, hidden
rows and columns) and the sheet's first row. The other sheets are parsed up to their first row
only: their first row is all the tool asks of them (the hints of a missing column, the header of
a ``notes`` sheet).

What a sheet may hold, in the spreadsheet namespace: one ``sheetData``; in it only ``row``
elements, in increasing order; in a row only ``c`` cells, in increasing order, on that row; in a
cell a formula ``f``, then one value ``v`` or inline text ``is``; a ``v`` of a number, a boolean
or a shared text in plain digits (no character reference, no CDATA), read the same way by both
readers, and no CDATA in any ``v``; ``is`` only in a cell of type ``inlineStr``, and no ``v``
there; in ``is`` (as in a shared text's ``si``) at most one ``t``, before any run ``r``, one ``t``
in each run, and no element in a ``t`` (calamine joins every ``t`` it finds, openpyxl keeps the
last of each place); no cell of type ``d`` (calamine and openpyxl do not parse the same ISO 8601
spellings, and spreadsheets write dates as numbers with a date format); nothing named ``row``,
``c`` or ``sheetData`` anywhere else.
"""

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache
from xml.parsers import expat

from referent_ess.base.values import Params
from referent_ess.config.columns import column_letter
from referent_ess.problems.problem import Problem

MAX_ROW = 1_048_576  # Excel's last row
MAX_COLUMN = 16_384  # Excel's last column, XFD
# What an offers sheet can need: a few dozen columns (the fields, one per required document,
# one per marked criterion and its comment), and rows for every offer. 500 columns leave ten
# times that room; 10 million cells (rows × columns from A1) are 769 000 offers of 13 columns,
# or 20 000 rows of 500 columns, and cost python-calamine about 400 MB.
MAX_COLUMNS = 500
MAX_CELLS = 10_000_000
MAX_LISTED = 20  # problems listed per sheet; the others are counted

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_WORKSHEET, _SHEET_DATA, _ROW, _C = (f"{MAIN} {n}" for n in ("worksheet", "sheetData", "row", "c"))
_V, _F, _IS, _T, _R = (f"{MAIN} {n}" for n in ("v", "f", "is", "t", "r"))
_RPH = f"{MAIN} rPh"  # phonetic text: skipped by both readers
_MERGE_CELL, _COL = f"{MAIN} mergeCell", f"{MAIN} col"
_KEPT = 1 << 16  # bytes kept from the previous chunk: a value is never that long
_PLACED = frozenset({"row", "c", "sheetData"})  # local names that must be where they belong

_COLUMNS = {column_letter(index): index for index in range(1, MAX_COLUMNS + 1)}
# patterns compiled on first use (re caches them): most files never need them
_REFERENCE = r"([A-Z]{1,3})([1-9][0-9]{0,6})"
_RANGE = r"[A-Z]{1,3}[1-9][0-9]{0,6}(?::[A-Z]{1,3}[1-9][0-9]{0,6})?"
# a number both readers read alike: calamine parses it as a float, openpyxl as an int when it has
# no '.' nor exponent (so at most 15 digits, which a float holds exactly)
_NUMBER = (
    rb"[+-]?(?:[0-9]{1,15}|[0-9]+\.[0-9]*|\.[0-9]+|(?:[0-9]+\.?[0-9]*|\.[0-9]+)[eE][+-]?[0-9]+)"
)
_INDEX = rb"[0-9]{1,10}"
_TYPES = frozenset({"b", "d", "e", "inlineStr", "n", "s", "str"})
_CHECKED = frozenset({"n", "s", "b"})  # the types whose raw value is checked

# Rows as spreadsheets write them (Excel, LibreOffice, openpyxl), recognised whole: a row's
# number, its attributes (none declaring a namespace), and cells on that row, each with its
# reference, a style, a type, an optional formula and a value in the plain spelling both readers
# read alike for its type. Nothing else: any other spelling goes to expat's handlers.
# (possessive quantifiers: a row that does not match fails at once, and goes to the handlers;
# a number of more than 15 digits before its decimal point, valid as it is, goes there too)
_PLAIN_NUMBER = rb"[+-]?+(?:[0-9]{1,15}+(?:\.[0-9]*+)?+|\.[0-9]++)(?:[eE][+-]?+[0-9]++)?+"
_PLAIN_FORMULA = rb'(?:<f(?: [a-zA-Z]++="[^"<>&]*+")*+(?:/>|>[^<]*+</f>))?+'


def _plain_body(value: bytes, formula: bytes = _PLAIN_FORMULA) -> bytes:
    """What follows a cell's attributes: ``/>``, or an optional formula, then an optional
    value written ``value``, then ``</c>``."""
    return rb"(?:/>|>" + formula + rb"(?:<v>" + value + rb"</v>)?+</c>)"


def _cell_tail(formula: bytes, texts: bytes, *, shared: bool = True) -> bytes:
    """What follows a plain cell's reference: its style, its type and its body (``formula``:
    how a formula may be written; ``texts``: the types whose value is a text; ``shared``:
    whether a cell may be a shared text's)."""
    return (
        rb'(?: s="[0-9]{1,9}+")?+(?:'
        + _plain_body(rb"(?:" + _PLAIN_NUMBER + rb")?+", formula)
        + rb'| t="(?:n"'
        + _plain_body(rb"(?:" + _PLAIN_NUMBER + rb")?+", formula)
        + (rb'|s"' + _plain_body(rb"[0-9]{1,10}+", formula) if shared else b"")
        + rb'|b"'
        + _plain_body(rb"[01]", formula)
        + rb'|inlineStr"(?:/>|>(?:<is><t(?: xml:space="preserve")?+>[^<]*+</t></is>)?+</c>)'
        + rb"|"
        + texts
        + rb'"'
        + _plain_body(rb"[^<&]*+", formula)
        + rb"))"
    )


_PLAIN_CELL_TAIL = _cell_tail(_PLAIN_FORMULA, rb"(?:e|str)")
_PLAIN_CELL = rb'<c r="[A-Z]{1,3}+(?P=row)"' + _PLAIN_CELL_TAIL
_PLAIN_ROW_NUMBER = rb'<row r="(?P<row>[1-9][0-9]{0,6}+)"'
_PLAIN_ROW_ATTRIBUTES = rb'(?: (?!xmlns)[A-Za-z][\w:.-]*+="[^"<>&]*+")*+'
_BARE_ROW_ATTRIBUTES = rb'(?: (?!xmlns|hidden=)[A-Za-z][\w:.-]*+="[^"<>&]*+")*+'  # not hidden
_PLAIN_ROW = (
    _PLAIN_ROW_NUMBER
    + rb"("
    + _PLAIN_ROW_ATTRIBUTES
    + rb")"
    + rb"(?:/>|>((?:"
    + _PLAIN_CELL
    + rb")*+)</row>)"
)
PLAIN_FROM = 1 << 20  # sheets from this size (about 2 000 offers) have their rows recognised


# what recognises plain rows: the row, a cell's column letters, a shared text's index, an error
# cell, a row's number, a hidden row; the column letters of the first n columns; the column of
# each letters
_Plain = tuple[
    re.Pattern[bytes],
    re.Pattern[bytes],
    re.Pattern[bytes],
    re.Pattern[bytes],
    re.Pattern[bytes],
    re.Pattern[bytes],
    list[list[bytes]],
    dict[bytes, int],
]


@cache
def _plain() -> _Plain:
    """Compiled when a large sheet first needs it (a few milliseconds)."""
    letters = [column_letter(index).encode() for index in range(1, MAX_COLUMNS + 1)]
    return (
        re.compile(_PLAIN_ROW),
        re.compile(rb'<c r="([A-Z]{1,3})'),
        re.compile(rb' t="s">' + _PLAIN_FORMULA + rb"<v>([0-9]+)</v>"),
        # in plain cells, whose attributes are r, then s, then t: not a text that looks so
        re.compile(rb'<c r="[A-Z0-9]++"(?: s="[0-9]++")?+ t="e"'),
        re.compile(rb'<row r="([0-9]++)"'),
        # in a plain row's start tag (its attributes hold no '>')
        re.compile(rb'<row r="([0-9]++)"[^>]*? hidden="([^"]*)"'),
        [letters[:count] for count in range(MAX_COLUMNS + 1)],
        {text: index for index, text in enumerate(letters, start=1)},
    )


ALIKE_COLUMNS = 64  # the widest rows recognised a run at a time (see _rows_alike)
ALIKE_BYTES = 200_000  # bytes of sheet a column's part of the expression must be worth


@cache
def _rows_alike(columns: int, bare: bool, shared: bool = True) -> re.Pattern[bytes]:
    """A run of rows recognised whole by :data:`_PLAIN_ROW` whose cells are within the first
    ``columns`` columns, in increasing order: the rows of a sheet as wide as the ones before,
    recognised with one call for a whole chunk, their columns checked by the expression itself
    (each column's cell is optional, in order) rather than row by row in Python. ``bare``: rows
    without a formula, an error cell nor a hidden row, so that the run need not be searched for
    them; ``shared``: whether cells of shared texts are recognised (not when the workbook has
    no table of them: the run need not be searched for their indexes). The expression grows
    with ``columns`` (about 15 ms to compile for 13 columns): it is worth it from about
    :data:`ALIKE_BYTES` bytes of sheet a column."""
    if bare:  # without a formula nor an error cell
        tail = _cell_tail(b"", rb"str", shared=shared)
    else:
        tail = _cell_tail(_PLAIN_FORMULA, rb"(?:e|str)", shared=shared)
    cells = b"".join(
        rb'(?:<c r="' + letters + rb'(?P=row)"' + tail + rb")?+" for letters in _plain()[6][columns]
    )
    return re.compile(
        rb"(?:"
        + _PLAIN_ROW_NUMBER
        + (_BARE_ROW_ATTRIBUTES if bare else _PLAIN_ROW_ATTRIBUTES)
        + rb"(?:/>|>"
        + cells
        + rb"</row>))*+"
    )


def _run_end(run: re.Pattern[bytes], data: bytes, at: int) -> int:
    """Where the run that ``run`` (an expression that may match nothing) finds at ``at`` ends."""
    found = run.match(data, at)
    return found.end() if found is not None else at


_WAIT_LIMIT = 1 << 22  # bytes a row may take before it is parsed without waiting for its end


def _may_be_a_row(data: bytes, at: int) -> bool:
    """Whether the bytes from ``at`` may be the start of a row whose end is still to come."""
    head = data[at : at + 5]
    if len(head) < 5:
        return b"<row ".startswith(head)
    return head == b"<row " and data.find(b"</row>", at) < 0 and len(data) - at < _WAIT_LIMIT


def _next_boundary(data: bytes, at: int) -> int:
    """Where expat may next stand between two rows: after the next ``</row>`` or
    ``<sheetData>``; else the end of the data."""
    ends = [
        found + len(tag)
        for tag in (b"</row>", b"<sheetData>")
        if (found := data.find(tag, at)) >= 0
    ]
    return min(ends) if ends else len(data)


_TRUE = frozenset({"1", "true"})

# what the element being parsed is (the parser keeps a stack of these)
_OUT, _DATA, _IN_ROW, _CELL, _VALUE, _FORMULA, _INLINE, _BAD = range(8)

FirstRow = tuple[str, ...]


class DoctypeFound(Exception):
    """The part declares a DTD: refused by the caller (``xml-entities``)."""


class _Stop(Exception):
    """Nothing more is wanted from this sheet."""


@dataclass(frozen=True)
class SheetFacts:
    """What the XML of one worksheet holds."""

    first_row: FirstRow = ()  # the texts of row 1, in column order, empty cells left out
    has_formulas: bool = False
    has_error_cells: bool = False
    merged: tuple[str, ...] = ()  # ranges such as "A1:B1"
    hidden_rows: tuple[int, ...] = ()
    hidden_columns: tuple[str, ...] = ()  # column letters
    rows: int = 0  # the used range, from A1 to the last cell
    columns: int = 0
    read_in_full: bool = False  # parsed to its end, every check made
    problems: tuple[Problem, ...] = ()  # why the readers could not be trusted with it


class SheetParser:
    """Feed the bytes of a worksheet part, chunk by chunk; :meth:`facts` then says what it holds.

    ``full`` says whether the whole sheet is checked: ``True`` for the offers sheet, ``False``
    for a sheet whose first row is all that is wanted, or a function deciding from the first row
    (a ``notes`` sheet is the marks sheet when its header has an evaluator column). :meth:`feed`
    returns ``False`` as soon as nothing more is wanted."""

    def __init__(
        self,
        file: str,
        sheet: str,
        shared: Sequence[str],
        full: bool | Callable[[FirstRow], bool],
        *,
        fast: bool = True,
        size: int | None = None,
    ) -> None:
        self._file, self._sheet, self._full = file, sheet, full
        self._parser = expat.ParserCreate(namespace_separator=" ")
        self._parser.buffer_text = True
        self._fast = fast  # recognise rows written as spreadsheets write them (see _drive)
        self._size = size  # the part's size, when known: whether runs of rows are worth it
        self._received = b""  # bytes received and not yet given to expat
        self._window = b""  # the bytes given to expat last, where values' raw text is checked
        self._fed = 0  # bytes given to expat
        self._aligned = False  # expat has parsed exactly what it was given
        self._problems: list[Problem] = []
        self._unlisted = 0
        self._done = False
        self._decided = full is True
        self._wanted = full is True
        self._first: list[str] = []
        self._merged: list[str] = []
        self._hidden_rows: list[int] = []
        self._hidden_columns: dict[str, None] = {}
        self._formulas = self._errors = False
        self._used: Callable[[], tuple[int, int]] = lambda: (0, 0)
        self._see: Callable[[bytes, int], None] = lambda _data, _start: None
        self._finish: Callable[[], None] = lambda: None
        self._where: Callable[[], tuple[str | None, int | None]] = lambda: (None, None)
        self._between_rows: Callable[[], bool] = lambda: False
        self._plain_rows: Callable[[bytes, int], int] = lambda _data, start: start
        self._install(shared)

    def feed(self, data: bytes) -> bool:
        """Parse ``data``; ``False`` once nothing more is wanted from this sheet."""
        if self._done:
            return False
        self._received += data
        self._drive(final=False)
        return not self._done

    def facts(self) -> SheetFacts:
        """What the sheet holds, once every byte was fed (or :meth:`feed` said it had enough)."""
        if not self._done:
            self._drive(final=True)
        if not self._decided:
            self._decide(stop=False)
        problems = self._problems if self._wanted else []
        if problems and self._unlisted:
            problems.append(self._problem("more", None, None, ("count", str(self._unlisted))))
        rows, columns = self._used()
        return SheetFacts(
            tuple(self._first),
            self._formulas,
            self._errors,
            tuple(self._merged),
            tuple(self._hidden_rows),
            tuple(self._hidden_columns),
            rows,
            columns,
            self._wanted,
            tuple(problems),
        )

    def _drive(self, *, final: bool) -> None:
        """Give expat the bytes received, and note what they hold.

        Everything goes through expat, which checks the XML. Its handlers (a Python call for
        every element: most of the cost) are on, except for runs of rows written exactly as
        spreadsheets write them (:data:`_PLAIN_ROW`: ``<row r="2" ...><c r="A2" t="s"><v>0</v>
        </c>...</row>``, each value in the plain digits both readers read alike), which a
        regular expression recognises whole and which expat then parses without handlers. Such
        a run is only looked for where expat stands between two rows of sheetData and has
        parsed exactly what it was given; what the expression does not recognise (any other
        spelling, any oddity) goes to the handlers, one row at a time, so that every spelling
        is understood and every problem found by the same code."""
        data, at = self._received, 0
        try:
            while at < len(data):
                if self._fast and self._aligned and self._between_rows():
                    end = self._plain_rows(data, at)
                    if end > at:
                        self._give(data[at:end], quiet=True)
                        at = end
                        continue
                    if not final and _may_be_a_row(data, at):
                        break  # the rest of a row is still to come
                end = _next_boundary(data, at)
                self._give(data[at:end], quiet=False)
                at = end
                self._aligned = self._parser.CurrentByteIndex == self._fed
            if final:
                self._parser.Parse(b"", True)
                self._finish()
        except _Stop:
            self._done = True
        except expat.ExpatError as exc:
            self._done = True
            cell, row = self._where()
            params = (("line", str(exc.lineno)), ("column", str(exc.offset + 1)))
            self._add(self._problem("xml", cell, row, *params))
        if final:
            self._done = True
        self._received = b"" if self._done else data[at:]

    def _give(self, piece: bytes, *, quiet: bool) -> None:
        """Parse ``piece`` with expat: with its handlers, or ``quiet`` (a plain run of rows)."""
        kept = self._window[-_KEPT:]
        self._window = kept + piece if len(piece) < _KEPT else piece
        self._see(self._window, self._fed + len(piece) - len(self._window))
        self._fed += len(piece)
        if quiet:
            parse_quietly(self._parser, piece)
        else:
            self._parser.Parse(piece, False)

    def _decide(self, *, stop: bool = True) -> None:
        """The first row is known: is the rest of the sheet wanted?"""
        full = self._full
        self._decided = True
        self._parser.CharacterDataHandler = None
        self._wanted = full(tuple(self._first)) if callable(full) else full
        if stop and not self._wanted:
            raise _Stop

    def _problem(
        self, form: str, cell: str | None, row: int | None, *params: tuple[str, str]
    ) -> Problem:
        return Problem(
            "malformed-sheet",
            params=(("form", form), *params),
            file=self._file,
            sheet=self._sheet,
            cell=cell,
            row=row,
        )

    def _add(self, problem: Problem) -> None:
        if len(self._problems) < MAX_LISTED:
            self._problems.append(problem)
        else:
            self._unlisted += 1

    def _too_large(self, form: str, cell: str, row: int, params: Params) -> None:
        self._add(
            Problem(
                "sheet-too-large",
                params=(("form", form), ("cell", cell), *params, ("sheet", self._sheet)),
                file=self._file,
                sheet=self._sheet,
                cell=cell,
                row=row,
            )
        )

    def _install(self, shared: Sequence[str]) -> None:
        """Set expat's handlers: closures over local variables, the cheapest calls Python has.

        They run for every element of the sheet, so they are written flat. Only element starts
        call Python: ends are counted by a C method (``list.append``) and unwound at the next
        start, since each kind of element has one place (a value is in a cell, a cell in a row)
        and what closes is always the element last opened; the depth is counted only in inline
        text and in misplaced elements. Values are checked on the raw bytes between their tags,
        so no character data reaches Python (except the first row's texts, when wanted)."""
        parser = self._parser
        shared_count = len(shared)
        add, problem = self._add, self._problem
        ends: list[str] = []  # the elements closed since the last start, filled by expat
        texts: list[str] = []  # the first row's character data
        window, window_start = b"", 0
        kind = _OUT
        depth = 0  # of the elements open outside sheetData
        inner = 0  # of the elements open in inline text or in a misplaced element
        bad_from = _OUT  # what a misplaced element is in
        seen_data = False
        row = 0  # the current row, and its number as written in references
        row_text, row_length = "", 0
        column = 0  # the last cell's column in the current row
        rows = columns = 0  # the used range
        too_large = False
        cell_type: str | None = None
        cell_ref = ""  # the current cell's reference as written, "" when it has none
        stage = 0  # in the current cell, 0: nothing yet, 1: a formula, 2: a value
        pending = -1  # where the raw text of a value not yet checked begins (a byte index)
        plain_data = False  # sheetData is written <sheetData>: its rows are in the main namespace
        in_cdata = False  # in a CDATA section (whose text may look like rows)
        in_first = False  # in row 1 of a sheet whose first row is wanted
        inline_path: list[str] = []  # the elements open in inline text, outermost first
        inline_texts = 0  # the texts (t) of the inline text, and of its current run (r)
        run_texts = 0
        inline_runs = False  # a run (r) was seen in the inline text
        inline_reported = False  # its text was refused already

        def see(data: bytes, start: int) -> None:
            nonlocal window, window_start
            window, window_start = data, start

        def used() -> tuple[int, int]:
            return rows, columns

        def finish() -> None:
            """The document is over: close what its last elements closed."""
            if ends:
                unwind()
            if pending >= 0:
                check_value(pending - window_start)
            if not self._decided:
                self._decide()

        def where() -> tuple[str | None, int | None]:
            """The last cell (or row) seen: where damaged XML is."""
            if not row:
                return None, None
            return here(column) if column or cell_ref else f"A{row}", row

        self._see, self._used, self._finish, self._where = see, used, finish, where

        def here(at_column: int) -> str:
            return cell_ref or f"{column_letter(at_column)}{row}"

        def misplaced(name: str, where: str | None) -> None:
            nonlocal kind, bad_from, inner
            bad_from, kind, inner = kind, _BAD, 0
            add(problem("misplaced", where, row or None, ("element", name.rpartition(" ")[2])))

        def grow(at_column: int) -> None:
            nonlocal rows, columns, too_large
            columns, rows = max(columns, at_column), max(rows, row)
            if too_large:
                return
            params: Params
            if columns > MAX_COLUMNS:
                too_large = True
                params = (("limit", str(MAX_COLUMNS)), ("last", column_letter(MAX_COLUMNS)))
                self._too_large("columns", here(at_column), row, params)
            elif columns * rows > MAX_CELLS:
                too_large = True
                limit = f"{MAX_CELLS:,}".replace(",", " ")
                params = (("rows", str(rows)), ("columns", str(columns)), ("limit", limit))
                self._too_large("cells", here(at_column), row, params)

        def bad_reference(found: str) -> None:
            add(problem("reference", None, row, ("found", repr(found)), ("row", str(row))))

        def slow_column(reference: str) -> int:
            """The column of a reference that is not a column letter within the limit followed
            by the row's number; 0, and a problem, when the reference cannot be trusted."""
            found = re.fullmatch(_REFERENCE, reference)
            number = 0
            for letter in found.group(1) if found else "":
                number = number * 26 + ord(letter) - 64
            if found is None or number > MAX_COLUMN or int(found.group(2)) > MAX_ROW:
                bad_reference(reference)
                return 0
            if found.group(2) != row_text:
                add(problem("cell-row", reference, row, ("cell", reference), ("row", str(row))))
                return 0
            return number

        def unwind() -> None:
            """Close the elements expat closed since the last start, innermost first."""
            nonlocal kind, depth, inner, in_first
            for _ in range(len(ends)):
                if kind in (_VALUE, _FORMULA):
                    kind = _CELL
                elif kind == _CELL:
                    kind = _IN_ROW
                    if in_first:
                        text = "".join(texts).strip()
                        texts.clear()
                        if text and cell_type == "s":
                            index = int(text) if text.isascii() and text.isdigit() else -1
                            text = shared[index] if 0 <= index < shared_count else ""
                        if text:
                            self._first.append(text)
                elif kind == _INLINE:
                    if inner:
                        inner -= 1
                        close_inline()
                    else:
                        kind = _CELL
                elif kind == _IN_ROW:
                    kind = _DATA
                    if in_first:
                        in_first = False
                        self._decide()
                elif kind == _BAD:
                    if inner:
                        inner -= 1
                    else:
                        kind = bad_from
                elif kind == _DATA:
                    kind = _OUT
                    if not self._decided:
                        self._decide()
                else:
                    depth -= 1
            ends.clear()

        def check_value(begin: int) -> None:
            """The raw text of the value that begins at ``begin`` in the window (after its start
            tag): a number, a boolean or a shared text's index written so that both readers read
            it alike, and nothing else before its end tag (no character reference, no CDATA, no
            comment: calamine reads only the text before them)."""
            nonlocal pending
            close = window.find(b"</", begin) if begin >= 0 else -1
            if close < 0 and begin >= 0 and pending < 0 and len(window) - begin < _KEPT:
                pending = begin + window_start  # its end tag is in the next chunk
                return
            pending = -1
            raw = window[begin:close] if close >= 0 else b"<"  # else longer than any number
            if b"<" not in raw:  # nothing but text up to the end tag
                if cell_type is None or cell_type == "n":
                    if not raw or re.fullmatch(_NUMBER, raw):
                        return
                elif cell_type == "s":
                    if re.fullmatch(_INDEX, raw) and int(raw) < shared_count:
                        return
                    found = raw[:20].decode("utf-8", "replace")
                    params = (("found", found), ("count", str(shared_count)))
                    add(problem("shared-string", here(column), row, *params))
                    return
                elif raw in (b"0", b"1"):  # a boolean
                    return
            found = repr(raw[:40].decode("utf-8", "replace"))
            add(problem("value", here(column), row, ("found", found)))

        def start_row(attrs: dict[str, str]) -> None:
            nonlocal row, row_text, row_length, column, in_first
            written = attrs.get("r")
            number = row + 1
            if written is not None:
                if written.isascii() and written.isdigit() and len(written) <= 7:
                    number = int(written)
                if not 0 < number <= MAX_ROW or str(number) != written:
                    params = (("found", repr(written)), ("previous", str(row)))
                    add(problem("row-reference", None, row + 1, *params))  # after row ``row``
                    number = row + 1
                elif number <= row:
                    form = "duplicate-row" if number == row else "row-order"
                    params = (("row", str(number)), ("previous", str(row)))
                    add(problem(form, f"A{number}", number, *params))
            if not self._decided and number > 1:
                self._decide()  # there is no row 1
            row, column = number, 0
            row_text = str(number)
            row_length = len(row_text)
            if number == 1 and not self._decided:
                in_first = True
                parser.CharacterDataHandler = texts.append
            hidden = attrs.get("hidden")
            if hidden is not None and hidden.strip() in _TRUE:
                self._hidden_rows.append(number)

        def second_value() -> None:
            add(problem("two-values", here(column), row))

        def rich_text() -> None:
            """The inline text is written in pieces the readers join differently."""
            nonlocal inline_reported
            if not inline_reported:
                inline_reported = True
                add(problem("text", here(column), row))

        def close_inline() -> None:
            """An element of the inline text closes: a run must have held its text."""
            name = inline_path.pop()
            if name == _R and not inline_path and not run_texts:
                rich_text()

        def start_inline(name: str) -> None:
            """An element in inline text: one ``t``, before the runs; one ``t`` in each run;
            nothing in a ``t``. Elsewhere (``rPh``, ``rPr``...) a ``t`` is read by calamine
            and not by openpyxl, except in phonetic text, which both skip."""
            nonlocal inline_texts, run_texts, inline_runs
            parent = inline_path[-1] if inline_path else _IS
            if parent == _T:
                rich_text()
            elif name == _T:
                if parent == _IS:
                    inline_texts += 1
                    if inline_texts > 1 or inline_runs:
                        rich_text()
                elif parent == _R and len(inline_path) == 1:
                    run_texts += 1
                    if run_texts > 1:
                        rich_text()
                elif _RPH not in inline_path:
                    rich_text()
            elif name == _R and parent == _IS:
                inline_runs, run_texts = True, 0
            inline_path.append(name)

        def start(name: str, attrs: dict[str, str]) -> None:
            nonlocal kind, stage, inner, column, cell_type, cell_ref
            nonlocal inline_texts, inline_runs, inline_reported
            if ends:  # the usual closings first: a value and its cell, an empty cell
                closed = len(ends)
                if in_first:
                    unwind()
                elif (closed == 2 and kind in (_VALUE, _FORMULA)) or (
                    closed == 1 and kind == _CELL
                ):
                    kind = _IN_ROW
                    ends.clear()
                elif kind == _INLINE and closed == inner + 2:
                    while inline_path:
                        close_inline()
                    kind, inner = _IN_ROW, 0
                    ends.clear()
                else:
                    unwind()
            if pending >= 0:
                check_value(pending - window_start)
            if kind == _IN_ROW:
                if name != _C:
                    misplaced(name, f"A{row}")
                    return
                kind, stage = _CELL, 0
                written = attrs.get("r")
                if written is None:
                    cell_ref, at = "", column + 1
                    if at > MAX_COLUMN:
                        bad_reference(column_letter(at) + row_text)
                        at = 0
                else:
                    cell_ref = written
                    at = _COLUMNS.get(written[:-row_length], 0) if written.endswith(row_text) else 0
                    if not at:
                        at = slow_column(written)
                if at > column:
                    column = at
                    if at > columns or row > rows:
                        grow(at)
                elif at:
                    form = "duplicate-cell" if at == column else "cell-order"
                    params = (("cell", here(at)), ("previous", f"{column_letter(column)}{row}"))
                    add(problem(form, here(at), row, *params))
                cell_type = attrs.get("t")
                if cell_type is not None and cell_type not in _TYPES:
                    add(problem("cell-type", here(column), row, ("found", repr(cell_type))))
                elif cell_type == "e":
                    self._errors = True
                elif cell_type == "d":
                    add(problem("date-cell", here(column), row))
            elif kind == _CELL:
                if name == _V:
                    kind = _VALUE
                    if stage == 2:
                        second_value()
                    elif cell_type == "inlineStr":
                        add(problem("inline-value", here(column), row))
                    stage = 2
                    if in_first:
                        texts.clear()  # not the formula's text
                    if cell_type is None or cell_type in _CHECKED:
                        at = parser.CurrentByteIndex - window_start
                        if window.startswith(b"<v>", at):
                            at += 3
                            end_at = window.find(b"<", at)
                            raw = window[at:end_at]
                            if (
                                cell_type is not None
                                or end_at < 0
                                or window[end_at + 1 : end_at + 2] != b"/"
                                or not (
                                    not raw
                                    or (raw.isdigit() and len(raw) <= 15)
                                    or (b"." in raw and raw.replace(b".", b"", 1).isdigit())
                                )
                            ):
                                check_value(at)  # the slow way, for the rest
                        else:
                            check_value(window.find(b">", at) + 1 if at >= 0 else -1)
                elif name == _IS:
                    kind, inner = _INLINE, 0
                    inline_path.clear()
                    inline_texts, inline_runs, inline_reported = 0, False, False
                    if stage == 2:
                        second_value()
                    elif cell_type != "inlineStr":
                        found = repr(cell_type or "n")
                        add(problem("inline-text", here(column), row, ("found", found)))
                    stage = 2
                elif name == _F:
                    kind = _FORMULA
                    self._formulas = True
                    if stage:
                        second_value()
                    stage = 1
                else:
                    misplaced(name, here(column))
            elif kind == _INLINE:
                inner += 1
                start_inline(name)
                if name != _T and name != _R and name.rpartition(" ")[2] in _PLACED:
                    misplaced(name, here(column))
            elif kind == _DATA:
                if name == _ROW:
                    kind = _IN_ROW
                    start_row(attrs)
                else:
                    misplaced(name, None)
            elif kind == _OUT:
                out(name, attrs)
            elif kind == _BAD:
                inner += 1
            else:  # an element in a value or a formula
                misplaced(name, here(column))

        def out(name: str, attrs: dict[str, str]) -> None:
            """An element outside sheetData."""
            nonlocal kind, depth, seen_data, plain_data
            if depth == 0 and name != _WORKSHEET:
                found = name.rpartition(" ")[0] or "-"
                add(problem("namespace", None, None, ("namespace", found)))
                raise _Stop
            if name == _SHEET_DATA and depth == 1 and not seen_data:
                seen_data = True
                kind = _DATA
                plain_data = window.startswith(
                    b"<sheetData>", parser.CurrentByteIndex - window_start
                )
                return
            if name.rpartition(" ")[2] in _PLACED:
                misplaced(name, None)
                return
            depth += 1
            if name == _MERGE_CELL:
                reference = attrs.get("ref", "").strip()
                if re.fullmatch(_RANGE, reference):
                    self._merged.append(reference)
            elif name == _COL:
                self._hide_columns(attrs)

        def between_rows() -> bool:
            """Whether expat stands between two rows of sheetData (what it closed, closed), in
            a sheet read in full whose rows are in the spreadsheet namespace."""
            if ends:
                unwind()
            return (
                kind == _DATA
                and pending < 0
                and not in_cdata
                and plain_data
                and self._decided
                and self._wanted
            )

        def plain_rows(data: bytes, at: int) -> int:
            """Note the rows from ``at`` that :data:`_PLAIN_ROW` recognises, as the handlers
            would; stop before the first that it does not, or that holds anything the handlers
            would report (rows or cells out of order, a cell beyond the limits, a shared text
            beyond the table). Returns where it stopped.

            Runs of rows no wider than the rows before are recognised a chunk at a time
            (:func:`rows_alike`); the others, and any run in which something is to be reported,
            one row at a time (:func:`row_by_row`), which finds where to stop."""
            nonlocal row_text, row_length
            started = at
            while True:
                end = rows_alike(data, at)
                if end == at:
                    end = row_by_row(data, at)
                    if end == at:
                        break
                at = end
            if at > started:
                row_text = str(row)
                row_length = len(row_text)
            return at

        size = self._size

        def rows_alike(data: bytes, at: int) -> int:
            """The run of rows from ``at`` that :func:`_rows_alike` recognises for the columns
            used so far, when nothing in it is to be reported: noted as a whole, each fact
            found with one search over the run (a row's number, a cell's reference, a value
            hold no ``<``, so the tags found are the run's own). Returns where the run ends, or
            ``at`` when there is none or when something in it is to be reported (the rows are
            then noted one by one, up to it)."""
            nonlocal row, rows
            if not 0 < columns <= ALIKE_COLUMNS or (
                size is not None and size < columns * ALIKE_BYTES
            ):
                return at
            bare = True
            end = _run_end(_rows_alike(columns, True, shared_count > 0), data, at)
            if end == at:
                bare = False
                end = _run_end(_rows_alike(columns, False), data, at)
                if end == at:
                    return at
            _row, _letters, shared_pattern, error_pattern, number_pattern, hidden_pattern = (
                _plain()[:6]
            )
            numbers = list(map(int, number_pattern.findall(data, at, end)))
            if (
                numbers[0] <= row
                or numbers[-1] > MAX_ROW
                or not all(map(int.__lt__, numbers, numbers[1:]))
            ):
                return at
            filled = rows  # the last row with a cell
            last_cell = data.rfind(b"<c ", at, end)
            if last_cell >= 0:
                begin = data.rfind(b'<row r="', at, last_cell) + 8
                filled = int(data[begin : data.index(b'"', begin)])
                if filled * columns > MAX_CELLS:
                    return at
            if (
                (not bare or shared_count)
                and data.find(b' t="s"', at, end) >= 0
                and (
                    max(map(int, shared_pattern.findall(data, at, end)), default=-1) >= shared_count
                )
            ):
                return at
            if not bare:  # formulas, error cells, hidden rows may be in the run
                if data.find(b' t="e"', at, end) >= 0 and error_pattern.search(data, at, end):
                    self._errors = True
                if data.find(b"<f", at, end) >= 0:
                    self._formulas = True
                if data.find(b' hidden="', at, end) >= 0:
                    for found in hidden_pattern.finditer(data, at, end):
                        if found[2].decode("utf-8", "replace").strip() in _TRUE:
                            self._hidden_rows.append(int(found[1]))
            row, rows = numbers[-1], max(rows, filled)  # after a row out of order, rows > row
            return end

        def row_by_row(data: bytes, at: int) -> int:
            """The rows from ``at`` that :data:`_PLAIN_ROW` recognises, noted one by one up to
            the first to stop before, or up to one that widens the used range (after it, the
            rows may be alike again)."""
            nonlocal row, rows, columns
            (
                row_pattern,
                letters_pattern,
                shared_pattern,
                error_pattern,
                _number,
                hidden_pattern,
                first,
                column_of,
            ) = _plain()
            match = row_pattern.match
            while (found := match(data, at)) is not None:
                number = int(found[1])
                if not row < number <= MAX_ROW:
                    break
                content = found[3]
                widened = False
                if content:
                    letters = letters_pattern.findall(content)
                    last = len(letters)
                    if last > MAX_COLUMNS:  # the handlers say where the row goes beyond
                        break
                    if letters != first[last]:  # not A, B, C...: the usual row
                        numbers = [column_of.get(text, 0) for text in letters]
                        if 0 in numbers or numbers != sorted(set(numbers)):
                            break
                        last = numbers[-1]
                    if last < columns:
                        last = columns
                    top = max(rows, number)  # after a row out of order, rows > row
                    if top * last > MAX_CELLS:
                        break
                    if b' t="s"' in content and (
                        max(map(int, shared_pattern.findall(content)), default=-1) >= shared_count
                    ):
                        break
                    if b' t="e"' in content and error_pattern.search(content):
                        self._errors = True
                    if b"<f" in content:
                        self._formulas = True
                    widened = last > columns
                    rows, columns = top, last
                attributes = found[2]
                if attributes and b" hidden=" in attributes:
                    hidden = hidden_pattern.search(found[0])
                    if hidden is not None and hidden[2].decode("utf-8", "replace").strip() in _TRUE:
                        self._hidden_rows.append(number)
                row = number
                at = found.end()
                if widened:
                    break
            return at

        self._between_rows, self._plain_rows = between_rows, plain_rows

        def cdata_starts() -> None:
            nonlocal in_cdata
            in_cdata = True
            if kind == _VALUE and not ends and cell_type not in _CHECKED and cell_type:
                # calamine reads only the text after the section, openpyxl all of it (the
                # values of the checked types refuse it already)
                add(problem("text", here(column), row))

        def cdata_ends() -> None:
            nonlocal in_cdata
            in_cdata = False

        parser.StartCdataSectionHandler = cdata_starts
        parser.EndCdataSectionHandler = cdata_ends

        def doctype(*_args: object) -> None:
            raise DoctypeFound

        parser.StartElementHandler = start
        parser.EndElementHandler = ends.append
        parser.StartDoctypeDeclHandler = doctype
        parser.EntityDeclHandler = doctype

    def _hide_columns(self, attrs: dict[str, str]) -> None:
        hidden = attrs.get("hidden")
        if hidden is None or hidden.strip() not in _TRUE:
            return
        try:
            low, high = int(attrs.get("min", "0")), int(attrs.get("max", "0"))
        except ValueError:
            return
        for index in range(max(low, 1), min(high, MAX_COLUMNS) + 1):
            self._hidden_columns[column_letter(index)] = None


_SST, _SI = f"{MAIN} sst", f"{MAIN} si"
_RPH_KIND = 6  # a phonetic text (rPh) in a shared text: skipped by both readers


class SharedStringsParser:
    """The workbook's table of shared texts (``xl/sharedStrings.xml``), parsed with expat: the
    texts that cells of type ``s`` point at, by number.

    Both readers count the texts, but not alike: calamine counts any element named ``si``
    wherever it is and whatever its namespace, openpyxl the ``si`` of the spreadsheet namespace
    wherever they are. A table whose texts are the ``si`` children of its root, in the
    spreadsheet namespace, with nothing from another namespace inside them, is counted alike.
    And calamine joins every ``t`` of a text (but those of its phonetic ``rPh``), where openpyxl
    keeps one ``t`` before the runs and one in each run ``r``: a text is read alike when it holds
    at most one ``t``, before its runs, and one ``t`` in each run, with no element inside a
    ``t``. :attr:`problem` says what else was found."""

    def __init__(self, *, fast: bool = True) -> None:
        self.strings: list[str] = []
        self.problem: str | None = None  # what is wrong, in English (the message's detail)
        self._parser = expat.ParserCreate(namespace_separator=" ")
        self._parser.buffer_text = True
        self._fast = fast  # recognise texts written as spreadsheets write them (see feed)
        self._received = b""  # bytes received and not yet given to expat
        self._fed = 0  # bytes given to expat
        self._aligned = False  # expat has parsed exactly what it was given
        self._plain_root = False  # the root is sst, its default namespace the spreadsheet's
        # 0: elsewhere, 1: the root, 2: a text, 3: its words, 4: skipped, 5: a run
        stack: list[int] = []
        self._stack = stack
        defaults: list[str] = []  # the default namespace the root declares
        encodings: list[str | None] = []  # the encoding the XML declaration declares

        def declared(prefix: str | None, uri: str) -> None:
            if not stack and prefix is None:
                defaults.append(uri)

        def xml_declared(_version: str, encoding: str | None, _standalone: int) -> None:
            encodings.append(encoding)

        words: list[str] = []
        counts = [0, 0, 0]  # in the current text: its t, its runs, the t of its current run

        def wrong(detail: str) -> None:
            if self.problem is None:
                self.problem = detail

        def start(name: str, _attrs: dict[str, str]) -> None:
            local = name.rpartition(" ")[2]
            parent = stack[-1] if stack else -1
            kind = 0
            if parent == -1:
                kind = 1
                if name != _SST:
                    wrong(f"its root is {local!r} in namespace {name.rpartition(' ')[0] or '-'}")
                # and its bytes are UTF-8, the texts' bytes decoded as expat decodes them
                utf8 = all(e is None or e.upper() == "UTF-8" for e in encodings)
                self._plain_root = name == _SST and defaults == [MAIN] and utf8
            elif parent == 1 and name == _SI:
                kind = 2
                words.clear()
                counts[:] = [0, 0, 0]
            elif local == "si":
                wrong("a text (si) is not where a table of texts holds them")
            elif parent in (2, 3, 4, 5, _RPH_KIND) and not name.startswith(f"{MAIN} "):
                wrong(f"a text holds an element {local!r} from another namespace")
            elif parent == 3:
                wrong(f"a text holds an element {local!r} inside its <t>")
                kind = 4
            elif parent == 2 and name == _T:
                kind = 3
                counts[0] += 1
                if counts[0] > 1 or counts[1]:
                    wrong("a text holds two <t>, or a <t> after a run <r>")
            elif parent == 5 and name == _T:
                kind = 3
                counts[2] += 1
                if counts[2] > 1:
                    wrong("a run <r> of a text holds two <t>")
            elif parent == 2 and name == _R:
                kind = 5
                counts[1] += 1
                counts[2] = 0
            elif parent == _RPH_KIND or (parent == 2 and name == _RPH):
                kind = _RPH_KIND
            elif parent in (4, 5) and name == _T:
                wrong("a text holds a <t> outside its runs")
                kind = 4
            elif parent in (2, 4, 5):
                kind = 4
            stack.append(kind)
            self._parser.CharacterDataHandler = words.append if kind == 3 else None

        def end(_name: str) -> None:
            kind = stack.pop()
            if kind == 5 and not counts[2]:
                wrong("a run <r> of a text holds no <t>")
            if kind == 2 and stack and stack[-1] == 1:
                self.strings.append("".join(words))
            self._parser.CharacterDataHandler = words.append if stack and stack[-1] == 3 else None

        def doctype(*_args: object) -> None:
            raise DoctypeFound

        self._parser.StartElementHandler = start
        self._parser.EndElementHandler = end
        self._parser.StartNamespaceDeclHandler = declared
        self._parser.XmlDeclHandler = xml_declared
        self._parser.StartDoctypeDeclHandler = doctype
        self._parser.EntityDeclHandler = doctype

    def feed(self, data: bytes, *, final: bool = False) -> None:
        """Parse ``data``; :class:`expat.ExpatError` when it is not well-formed XML.

        Everything goes through expat, which checks the XML. Its handlers (a Python call for
        every element) are on, except for runs of texts written exactly as spreadsheets write
        them (:data:`_PLAIN_TEXTS`: ``<si><t>words</t></si>``, the words without a reference
        nor a carriage return, so that their bytes are the text expat would give), which a
        regular expression recognises whole and which expat then parses without handlers.
        Such a run is only looked for where expat stands between two texts of a table in
        UTF-8 whose root is ``sst`` in the spreadsheet namespace, declared as the default one
        (so that an unprefixed ``si`` is the spreadsheet's), and has parsed exactly what it
        was given;
        anything else goes to the handlers, up to the next ``<si><t``."""
        data, at = self._received + data, 0
        parser = self._parser
        while at < len(data):
            if self._fast and self._aligned and self._plain_root and self._stack == [1]:
                end = _run_end(_plain_texts(), data, at)
                if end > at:
                    self._quiet(data[at:end])
                    self.strings.extend(
                        words.decode()  # UTF-8, as expat, which parsed them, checked
                        for words in _plain_words().findall(data, at, end)
                    )
                    at = end
                    continue
                if not final and _may_be_a_text(data, at):
                    break  # the rest of a text is still to come
            # to the handlers: up to where a plain text may start, else all that was received
            end = (
                data.find(b"<si><t", at + 1)
                if self._fast and (self._plain_root or not self._stack)
                else -1
            )
            end = len(data) if end < 0 else end
            parser.Parse(data[at:end], False)
            self._fed += end - at
            at = end
            self._aligned = parser.CurrentByteIndex == self._fed
        self._received = data[at:]
        if final:
            parser.Parse(b"", True)

    def _quiet(self, piece: bytes) -> None:
        """Parse ``piece`` (a run of plain texts) with expat, without its handlers."""
        parse_quietly(self._parser, piece)
        self._fed += len(piece)


def parse_quietly(parser: "expat.XMLParserType", piece: bytes) -> None:
    """Parse ``piece`` with ``parser`` without its element handlers: a run already recognised
    whole (plain rows, plain shared texts), whose well-formedness expat still checks byte by
    byte, at a fraction of the cost of a Python call per element."""
    start, end = parser.StartElementHandler, parser.EndElementHandler
    parser.StartElementHandler = parser.EndElementHandler = None
    try:
        parser.Parse(piece, False)
    finally:
        parser.StartElementHandler, parser.EndElementHandler = start, end


# texts of a table of shared texts as spreadsheets write them, their words as expat gives them
_PLAIN_TEXT = rb'<si><t(?: xml:space="preserve")?+>([^<&\r]*+)</t></si>'
_PLAIN_TEXTS = rb"(?:" + _PLAIN_TEXT + rb")*+"


@cache
def _plain_texts() -> re.Pattern[bytes]:
    return re.compile(_PLAIN_TEXTS)


@cache
def _plain_words() -> re.Pattern[bytes]:
    return re.compile(_PLAIN_TEXT)


def _may_be_a_text(data: bytes, at: int) -> bool:
    """Whether the bytes from ``at`` may be the start of a text whose end is still to come."""
    head = data[at : at + 4]
    if len(head) < 4:
        return b"<si>".startswith(head)
    return head == b"<si>" and data.find(b"</si>", at) < 0 and len(data) - at < _WAIT_LIMIT
