"""What a reader hands to the offers parser: the raw cells of one sheet, and the markers of
cells that hold no value (an error such as ``#DIV/0!``, a formula never computed).

Both readers (:mod:`~referent_ess.intake.xlsx_reader`, :mod:`~referent_ess.intake.csv_reader`)
produce a :class:`RawSheet`, so that everything after them is the same for every file kind.
"""

from collections.abc import Callable
from dataclasses import dataclass

OFFERS_SHEET_NAMES = frozenset({"offers", "offres"})


@dataclass(frozen=True)
class ErrorCell:
    """A cell holding a spreadsheet error such as ``#DIV/0!``."""

    text: str


@dataclass(frozen=True)
class UncomputedFormula:
    """A formula cell with no cached value."""

    formula: str


@dataclass(frozen=True)
class RawSheet:
    """The header and the non-empty data rows of one sheet, as (row number, values).

    ``name`` is empty for a CSV file, which has no sheets.
    """

    file: str
    name: str
    header: tuple[object, ...]
    rows: tuple[tuple[int, tuple[object, ...]], ...]
    other_headers: tuple[tuple[str, tuple[object, ...]], ...] = ()  # (sheet, row 1): for hints
    hidden: bool = False  # the sheet itself is hidden
    merged: tuple[str, ...] = ()  # merged ranges, e.g. "A1:B1"
    hidden_rows: tuple[int, ...] = ()
    hidden_columns: tuple[str, ...] = ()
    marks_sheet: "RawSheet | None" = None  # the evaluators' marks, when the workbook has them
    prices_sheet: "RawSheet | None" = None  # the lines of schedule and DPGF offers (``prix``)
    workbook: bool = False  # read from a workbook (a CSV file cannot hold a prices sheet)

    @property
    def sheet(self) -> str | None:
        """The sheet name for problems: None for a CSV file."""
        return self.name or None


Marker = ErrorCell | UncomputedFormula
Markers = dict[tuple[int, int], Marker]  # (row, column), from 0: what a cell holds instead


def with_markers(values: list[tuple[object, ...]], markers: Markers) -> list[tuple[object, ...]]:
    """The rows of ``values`` with each marked cell replaced by its marker (a reader that reads
    an error or a formula without a value as empty text is told by a scan where they are)."""
    if not markers:
        return values
    rows = [list(row) for row in values]
    for (row, column), marker in markers.items():
        rows.extend([] for _ in range(row + 1 - len(rows)))
        cells = rows[row]
        cells.extend([None] * (column + 1 - len(cells)))
        cells[column] = marker
    return [tuple(row) for row in rows]


Progress = Callable[[int], None]  # called with the number of rows read so far
