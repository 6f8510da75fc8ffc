"""A whole column of the offers sheet read at once: what each of its cells gives, for the rows
none of whose cells has a problem (the clean path of :meth:`.rows.RowReader.read_all`).

What a cell means depends only on its column and its value: each distinct value of a column is
read once (by :meth:`.rows.RowReader._reading`, which remembers it for the full path too), and
the column's outcomes are then looked up value by value, in loops that run in C. A cell with a
problem is marked :data:`BAD`: its row is read again by the full path, which says what is wrong
and where, so no problem is lost."""

from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import date, datetime, time
from decimal import Decimal
from itertools import repeat
from math import copysign
from operator import itemgetter
from types import MappingProxyType

# what a cell holds, and its problems (:data:`.rows._Reading`): the problems are only counted here
Reading = tuple[object, tuple[object, ...]]
Read = Callable[[object], Reading]  # a column's reading of one value


class _Bad:
    """The mark of a cell with a problem, in a column's outcomes."""

    __slots__ = ()

    def __repr__(self) -> str:
        return "BAD"


BAD = _Bad()

EMPTY: Mapping[str, object] = MappingProxyType({})  # one empty mapping shared by the offers


def memo_key(value: object) -> object:
    """What tells two cell values apart for the memo.

    A text is its own key, and so is a float other than a zero or NaN: a ``str`` equals only a
    ``str`` that reads the same, and such a float equals only the same number (same bits, same
    repr), or an ``int`` or ``Decimal`` of its value, which are never their own keys. Any other
    value is keyed with its type (``True``, ``1`` and ``1.0`` are equal in Python, not in a
    sheet), and by its repr when Python calls it equal to a value that reads differently:
    ``-0.0`` and ``0.0``, ``Decimal("2.50")`` and ``Decimal("2.5")``, one instant in two time
    zones; a NaN, equal to nothing, by its repr too, so that it is read once."""
    kind = value.__class__
    if kind is str:
        return value
    if kind is float:
        return value if value == value != 0 else (kind, repr(value))
    if kind is Decimal or kind is datetime or kind is time:
        return kind, repr(value)
    return kind, value


def column_cells(sheet: Sequence[tuple[object, ...]], index: int) -> list[object]:
    """The cell of column ``index`` of each row of ``sheet`` (None beyond a shorter row)."""
    try:
        return list(map(itemgetter(index), sheet))
    except IndexError:  # some row stops before the column
        return [values[index] if index < len(values) else None for values in sheet]


def _own_keys(cells: list[object]) -> bool:
    """Whether each cell is its own :func:`memo_key` and two cells of different keys are never
    equal: a column of texts only, of dates only, of integers only, or of floats only, none of
    them a NaN (a sum is NaN when a term is, or when infinities of both signs meet: such a
    column is keyed cell by cell) nor a negative zero (equal to a zero, written « -0 »)."""
    kinds = set(map(type, cells))
    if len(kinds) != 1:
        return False
    kind = kinds.pop()
    if kind is str or kind is date or kind is int:
        return True
    if kind is not float:
        return False
    floats: list[float] = cells  # type: ignore[assignment]  # floats only, checked above
    total = sum(floats)
    if total != total:
        return False
    if 0.0 in floats:  # a zero or a negative zero: look at the signs of the zeros only
        return all(copysign(1.0, zero) > 0 for zero in [v for v in floats if v == 0])
    return True


def memo_outcomes(cells: list[object], read: Read) -> tuple[list[object], list[int]]:
    """What each cell gives (:data:`BAD` for a cell with a problem), and the positions of the
    cells with a problem. Each distinct value is read once, whatever its number of cells."""
    if _own_keys(cells):
        keys = cells
        outcome_of = {value: _outcome(read(value)) for value in set(cells)}
    else:  # a text, or a float other than a zero or NaN, is its own key (memo_key)
        keys = [
            value
            if value.__class__ is str or (value.__class__ is float and value == value != 0)
            else memo_key(value)
            for value in cells
        ]
        try:
            firsts = dict(zip(keys, cells, strict=True))  # each key with one of its cells
        except TypeError:  # an unhashable value: each cell read on its own
            outcomes = [_outcome(read(value)) for value in cells]
            return outcomes, [i for i, outcome in enumerate(outcomes) if outcome is BAD]
        outcome_of = {key: _outcome(read(value)) for key, value in firsts.items()}
    outcomes = list(map(outcome_of.__getitem__, keys))
    if BAD not in outcome_of.values():
        return outcomes, []
    return outcomes, [i for i, outcome in enumerate(outcomes) if outcome is BAD]


def text_outcomes(cells: list[object], read: Read) -> tuple[list[object], list[int]]:
    """:func:`memo_outcomes` for a column of free text (a name, a reason, a comment), which
    rarely holds the same value twice: a printable ASCII text is its words, one space between
    each (it can hold no control character and no invisible one, all beyond ASCII or not
    printable); an empty cell reads as the column reads it; any other cell is read in full."""
    outcomes: list[object] = [
        " ".join(value.split())
        if value.__class__ is str and value.isascii() and value.isprintable()
        else None
        for value in cells
    ]
    empty = _outcome(read(None))
    bad = []
    for i in [i for i, outcome in enumerate(outcomes) if not outcome]:  # blank, or not plain
        value = cells[i]
        outcomes[i] = outcome = empty if value is None else _outcome(read(value))
        if outcome is BAD:
            bad.append(i)
    return outcomes, bad


def _outcome(reading: Reading) -> object:
    outcome, notes = reading
    return BAD if notes else outcome


def shared_mappings(
    names: Sequence[str],
    columns: Sequence[list[object]],
    value: Callable[[object], object],
    *,
    singletons: bool = False,
) -> Iterable[Mapping[str, object]]:
    """For each row, the mapping of each name to ``value`` of its column's outcome (a cell that
    gives None left out), one read-only mapping shared by the rows that give the same outcomes:
    a hundred thousand offers hold a few hundred combinations of documents and marks, not a
    hundred thousand dictionaries.

    The rows are told apart by their outcomes' identities (equal decimals may be written
    differently, 4 and 4.0; each outcome stays alive in its column while this runs), or by
    their values when every outcome is a ``singletons``: True, False or None."""
    if not names:
        return repeat(EMPTY)
    by = columns if singletons else [list(map(id, column)) for column in columns]
    keys = list(zip(*by, strict=True))
    rows = dict(zip(keys, range(len(keys)), strict=True))  # each combination with one row of it
    made = {
        key: _mapping(names, [column[row] for column in columns], value)
        for key, row in rows.items()
    }
    return list(map(made.__getitem__, keys))


def _mapping(
    names: Sequence[str], outcomes: Sequence[object], value: Callable[[object], object]
) -> Mapping[str, object]:
    entries = {n: value(o) for n, o in zip(names, outcomes, strict=True) if o is not None}
    return MappingProxyType(entries) if entries else EMPTY
