"""From the raw cells of the offers sheet to :class:`Offer` values and located problems.

Each cell is read by the parser of its column (:mod:`referent_ess.base.values`); every
problem is kept with its cell, so one run reports all of them. Nothing here decides whether an
offer is admissible:
that is :mod:`referent_ess.evaluation.engine`'s job.
"""

import hashlib
import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from datetime import date, datetime, time
from decimal import Decimal
from fractions import Fraction
from functools import partial
from pathlib import Path
from typing import TypeVar

from referent_ess.base.normalise import normalise
from referent_ess.base.values import (
    BadValue,
    is_blank,
    parse_amount,
    parse_lot,
    parse_number,
    parse_rate,
    parse_when,
    parse_yes_no,
)
from referent_ess.config.columns import (
    ALIASES,
    REQUIRED_FIELDS,
    Column,
    ColumnKind,
    HeaderLookup,
    OfferField,
    column_letter,
    header_key,
    header_lookup,
    probable_match,
)
from referent_ess.config.consultation import Config
from referent_ess.i18n.numbers import percent_raw
from referent_ess.intake.read import read_offers_sheet
from referent_ess.intake.sheet import ErrorCell, Progress, RawSheet, UncomputedFormula
from referent_ess.problems.problem import Problem, Severity

_AMOUNT_PARSERS: dict[OfferField, Callable[[object], object]] = {
    OfferField.DAY_RATE_HT: partial(parse_amount, what="a day rate"),
    OfferField.DAYS: partial(parse_amount, what="a number of days"),
    OfferField.PRICE_HT: partial(parse_amount, what="an amount"),
}

USUAL_VAT_RATES = frozenset(
    Decimal(rate) for rate in ("0", "0.021", "0.055", "0.1", "0.2", "0.0105", "0.0175", "0.085")
)


class CellRefs(Mapping[str, str]):
    """Column name → cell reference of one row (``day_rate_ht`` → ``C5``), computed when asked:
    a hundred thousand rows do not each keep a dictionary of strings."""

    __slots__ = ("_letters", "_row")

    def __init__(self, letters: Mapping[str, str], row: int) -> None:
        self._letters = letters  # shared by every row of the sheet
        self._row = row

    def __getitem__(self, name: str) -> str:
        return f"{self._letters[name]}{self._row}"

    def __iter__(self) -> Iterator[str]:
        return iter(self._letters)

    def __len__(self) -> int:
        return len(self._letters)


@dataclass(frozen=True, slots=True)
class Offer:
    """One row of the offers sheet, as far as its cells could be read."""

    row: int
    candidate: str | None
    lot: int | None
    day_rate_ht: Decimal | None
    days: Decimal | None
    vat_rate: Decimal | None  # as stated; None when the cell is empty or unreadable
    price_ht_stated: Decimal | None
    received_at: date | datetime | None
    documents: Mapping[str, bool]
    marks: Mapping[str, Decimal | Fraction]  # aggregated exactly when several evaluators mark
    cells: Mapping[str, str]  # column name → cell reference, e.g. "day_rate_ht" → "C5"
    comments: Mapping[str, str] = field(default_factory=dict)  # criterion id → jury's comment
    evaluator_marks: Mapping[str, Mapping[str, Decimal]] = field(default_factory=dict)
    missing_evaluators: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    problems: tuple[Problem, ...] = ()

    @property
    def errors(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.is_error) if self.problems else ()

    def has_error_in(self, field: str) -> bool:
        return any(p.field == field for p in self.errors)


@dataclass(frozen=True)
class OfferBook:
    """The offers of one workbook and every problem found while reading it."""

    path: Path
    sha256: str
    sheet: str
    columns: tuple[Column, ...]
    offers: tuple[Offer, ...]
    sheet_problems: tuple[Problem, ...] = ()

    @property
    def problems(self) -> tuple[Problem, ...]:
        """Sheet-level problems first, then each row's problems in sheet order."""
        return self.sheet_problems + tuple(p for offer in self.offers for p in offer.problems)

    @property
    def errors(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.is_error)

    def blocking_problems(self, *, for_scoring: bool) -> tuple[Problem, ...]:
        """Errors of the offers sheet's header that make the book unusable: no prices, or (to
        score) no marks. Problems of the marks sheet only leave some marks missing: the offers
        concerned cannot be ranked, and the ranking says it is provisional."""
        price_columns = {f.value for f in REQUIRED_FIELDS}
        return tuple(
            p
            for p in self.sheet_problems
            if p.is_error
            and p.sheet == (self.sheet or None)
            and (for_scoring or p.field in price_columns or p.field is None)
        )


def load_offers(path: Path, config: Config, progress: Progress | None = None) -> OfferBook:
    """Read and check the offers workbook at ``path`` against ``config``."""
    raw = read_offers_sheet(path, progress)
    return parse_offers(raw, config, path, file_sha256(path))


def parse_offers(raw: RawSheet, config: Config, path: Path, sha256: str = "") -> OfferBook:
    """Interpret a raw sheet: map its header, then read every data row."""
    header = _Header(raw, config)
    reader = _RowReader(raw, config, header.columns)
    offers = tuple(reader.read(n, values) for n, values in raw.rows)
    duplicates = _duplicates(offers, raw)
    similar = _similar_names([o for o in offers if o.row not in duplicates], raw)
    row_notes = [duplicates, similar, _hidden_and_merged(offers, raw)]
    noted = {row for notes in row_notes for row in notes}
    offers = tuple(
        replace(
            o, problems=o.problems + tuple(p for notes in row_notes for p in notes.get(o.row, ()))
        )
        if o.row in noted
        else o
        for o in offers
    )
    problems = header.problems + _sheet_notes(raw, header.columns)
    if raw.marks_sheet is not None:
        offers, marks_problems = _apply_marks_sheet(offers, raw, header.columns, config)
        problems += marks_problems
    if not raw.rows and not any(p.is_error for p in problems):
        message = "the sheet has no offer rows below its header"
        problems.append(
            Problem(
                "no-offers",
                message,
                Severity.WARNING,
                raw.file,
                raw.sheet,
                params=(("form", "rows"),),
            )
        )
    return OfferBook(path, sha256, raw.name, tuple(header.columns), offers, tuple(problems))


class _Header:
    """Row 1 of the sheet: which column is which, and what is missing or suspicious."""

    def __init__(self, raw: RawSheet, config: Config) -> None:
        self.raw = raw
        self.documents = config.consultation.required_documents
        self.marked = tuple(c.id for c in config.marked_criteria)
        self.lookup: HeaderLookup = header_lookup(self.documents, self.marked)
        self.columns: list[Column] = []
        self.problems: list[Problem] = []
        self.unknown: list[tuple[str, str, str | None]] = []  # (cell, header, probable column)
        self._map()
        if not self.columns and not self.problems:
            message = (
                "the sheet has no header row: row 1 must name the columns (candidate, lot, "
                "day_rate_ht, days, ...)"
            )
            self._add("empty-sheet", message, None, None, (("form", "header"),))
        elif self.columns or self.unknown:
            self._check_missing()

    def _add(
        self,
        code: str,
        message: str,
        cell: str | None,
        field: str | None,
        params: tuple[tuple[str, str], ...] = (),
    ) -> None:
        severity = Severity.WARNING if code in ("unknown-column",) else Severity.ERROR
        self.problems.append(
            Problem(code, message, severity, self.raw.file, self.raw.sheet, cell, 1, field, params)
        )

    def _map(self) -> None:
        first_cell: dict[str, str] = {}
        for index, value in enumerate(self.raw.header):
            if is_blank(value):
                continue
            letter = column_letter(index + 1)
            cell = f"{letter}1"
            header = str(value).strip()
            match = self.lookup.get(header_key(header))
            if match is None:
                probable = probable_match(header, self.lookup)
                if probable is None:
                    self.unknown.append((cell, header, None))
                    message = f"column {header!r} is not used by the tool and is ignored"
                    self._add("unknown-column", message, cell, None, (("header", repr(header)),))
                else:
                    self._suspicious(cell, header, *probable)
                continue
            kind, name = match
            if kind is ColumnKind.COMMENT:
                name = f"{name}_comment"
            if name in first_cell:
                message = (
                    f"column {header!r} is the same column as {first_cell[name]}: keep only one"
                )
                params = (("header", repr(header)), ("first", first_cell[name]))
                self._add("duplicate-column", message, cell, name, params)
                continue
            first_cell[name] = cell
            self.columns.append(Column(kind, name, index, letter, header))

    def _suspicious(self, cell: str, header: str, kind: ColumnKind, name: str) -> None:
        """A header that is probably a typo of a known column: name that column as the template
        heads it (``Date de réception``), with its id when that differs (``received_at``)."""
        from referent_ess.config.columns import COMMENT_SUFFIX, HEADERS

        column = f"{name}_comment" if kind is ColumnKind.COMMENT else name
        self.unknown.append((cell, header, column))
        if kind is ColumnKind.FIELD:
            shown = HEADERS[OfferField(name)]
        elif kind is ColumnKind.COMMENT:
            shown = f"{name} {COMMENT_SUFFIX}"
        else:
            shown = name  # a document or a criterion: the template heads it with its id
        params: Params = (("header", repr(header)), ("probable", repr(shown)))
        meant = repr(shown)
        if shown != column:
            params = (("form", "named"), *params, ("column", column))
            meant += f" ({column})"
        message = (
            f"column {header!r} is not a known column; did you mean {meant}? If so, correct the "
            "header; if not, rename it to a header the tool does not use"
        )
        self._add("suspicious-column", message, cell, column, params)

    def _check_missing(self) -> None:
        found = {c.name for c in self.columns}
        for wanted in REQUIRED_FIELDS:
            if wanted.value not in found:
                names = ", ".join(repr(n) for n in (wanted.value, *ALIASES[wanted]))
                message = f"no column for {wanted.value}: add a column headed one of {names}"
                hint, params = self._hint(wanted.value)
                params = (
                    ("form", "field"),
                    ("field", wanted.value),
                    ("what_part", f"field.{wanted.value}"),
                    ("names", names),
                    *params,
                )
                self._add("missing-column", message + hint, None, wanted.value, params)
        for document in self.documents:
            if document not in found:
                message = (
                    f"no column for the required document {document!r} (lots.yaml): add a column "
                    f"{document!r} saying oui/non for each offer"
                )
                hint, params = self._hint(document)
                params = (("form", "document"), ("document", repr(document)), *params)
                self._add("missing-column", message + hint, None, document, params)
        for criterion in self.marked if self.raw.marks_sheet is None else ():
            if criterion not in found:
                message = (
                    f"no column for the marks of criterion {criterion!r} (criteria.yaml): add a "
                    f"column {criterion!r} with the jury's mark of each offer"
                )
                hint, params = self._hint(criterion)
                params = (("form", "criterion"), ("criterion", repr(criterion)), *params)
                self._add("missing-column", message + hint, None, criterion, params)

    def _hint(self, name: str) -> tuple[str, tuple[tuple[str, str], ...]]:
        """Point at a header that is probably a typo of ``name``, or at a sheet that has it
        (with the parameters of that clause, for translations)."""
        for cell, header, probable in self.unknown:
            if probable == name:
                params = (
                    ("hint_part", "hint.typo"),
                    ("hint_cell", cell),
                    ("hint_header", repr(header)),
                )
                return f" ({cell} {header!r} looks like it)", params
        for sheet, header_row in self.raw.other_headers:
            keys = {header_key(str(v)) for v in header_row if not is_blank(v)}
            if any(self.lookup.get(k, (None, None))[1] == name for k in keys):
                message = (
                    f" (sheet {sheet!r} has one: name the offers sheet 'offers' so that it is "
                    "the one read)"
                )
                return message, (("hint_part", "hint.sheet"), ("hint_sheet", repr(sheet)))
        return "", (("hint_part", "hint.none"),)


Params = tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class _Note:
    """A problem of one cell's value, before it is placed in its row and cell."""

    code: str
    message: str
    field: str | None
    warning: bool = False
    params: Params = ()


_Reading = tuple[object, tuple[_Note, ...]]  # what a cell holds, and what is wrong with it
_Memo = dict[tuple[type, object], _Reading]  # a column's readings, by value
_MEMO_LIMIT = 4096  # distinct values remembered per column: lots, yes/no, marks, days repeat


class _RowReader:
    """Reads the cells of one data row, collecting a located problem for each bad cell.

    What a cell means depends only on its column and its value, so each column remembers the
    readings of the values it has seen: a lot number or a ``oui`` is parsed once, not once per
    row."""

    def __init__(self, raw: RawSheet, config: Config, columns: list[Column]) -> None:
        self.raw = raw
        self.columns = columns
        self.lot_ids = {lot.id for lot in config.lots}
        self.scales = {c.id: c.scale for c in config.marked_criteria}
        self.fields = {c.index: OfferField(c.name) for c in columns if c.kind is ColumnKind.FIELD}
        self.unheaded = [i for i, title in enumerate(raw.header) if is_blank(title)]
        self.letters = {c.name: c.letter for c in columns}
        self.mark_parsers = {c.id: self._mark_parser(c.id) for c in config.marked_criteria}
        free_text = [
            c for c in columns if c.name == OfferField.CANDIDATE or c.kind is ColumnKind.COMMENT
        ]
        # each column with its memo of readings; free text rarely holds the same value twice
        self.plan: list[tuple[Column, _Memo | None]] = [
            (c, None if c in free_text else {}) for c in columns
        ]

    def read(self, number: int, values: tuple[object, ...]) -> Offer:
        problems: list[Problem] = []
        fields: dict[str, object] = {}
        documents: dict[str, bool] = {}
        marks: dict[str, Decimal] = {}
        comments: dict[str, str] = {}
        width = len(values)
        for column, memo in self.plan:
            value = values[column.index] if column.index < width else None
            outcome, notes = self._reading(column, value, memo)
            for note in notes:
                problems.append(self._problem(note, f"{column.letter}{number}", number))
            if outcome is None:
                continue
            kind = column.kind
            if kind is ColumnKind.FIELD:
                fields[column.name] = outcome
            elif kind is ColumnKind.DOCUMENT:
                documents[column.name] = outcome is True
            elif kind is ColumnKind.MARK:
                marks[column.name] = outcome  # type: ignore[assignment]
            else:
                comments[column.name.removesuffix("_comment")] = str(outcome)
        header_width = len(self.raw.header)
        unheaded = [i for i in self.unheaded if i < width]
        unheaded += range(header_width, width)  # cells right of the last header
        for index in unheaded:
            if not is_blank(values[index]):
                cell = f"{column_letter(index + 1)}{number}"
                note = _Note(
                    "no-header",
                    "this cell has no header above it and is ignored",
                    None,
                    warning=True,
                    params=(("form", "cell"),),
                )
                problems.append(self._problem(note, cell, number))
        return Offer(
            row=number,
            candidate=_typed(fields.get(OfferField.CANDIDATE), str),
            lot=_typed(fields.get(OfferField.LOT), int),
            day_rate_ht=_typed(fields.get(OfferField.DAY_RATE_HT), Decimal),
            days=_typed(fields.get(OfferField.DAYS), Decimal),
            vat_rate=_typed(fields.get(OfferField.VAT_RATE), Decimal),
            price_ht_stated=_typed(fields.get(OfferField.PRICE_HT), Decimal),
            received_at=_typed(fields.get(OfferField.RECEIVED_AT), date),
            documents=documents,
            marks=marks,
            cells=CellRefs(self.letters, number),
            comments=comments,
            problems=tuple(problems),
        )

    def _problem(self, note: _Note, cell: str, row: int) -> Problem:
        severity = Severity.WARNING if note.warning else Severity.ERROR
        return Problem(
            note.code,
            note.message,
            severity,
            self.raw.file,
            self.raw.sheet,
            cell,
            row,
            note.field,
            note.params,
        )

    def _reading(self, column: Column, value: object, memo: _Memo | None) -> _Reading:
        """:meth:`_interpret`, remembered in ``memo`` (None for a column of free text) by
        :func:`_memo_key`."""
        if memo is None:
            return self._interpret(column, value)
        key = _memo_key(value)
        try:
            return memo[key]
        except KeyError:
            reading = self._interpret(column, value)
            if len(memo) < _MEMO_LIMIT:  # beyond, values hardly repeat: stop remembering
                memo[key] = reading
            return reading
        except TypeError:  # an unhashable value: read it every time
            return self._interpret(column, value)

    def _interpret(self, column: Column, value: object) -> _Reading:
        """What one cell of ``column`` holding ``value`` gives, and its problems (unplaced)."""
        name = column.name
        if value.__class__ is str:
            value = value.strip() or None
        control = _control_characters(value) if value.__class__ is str else ""
        if control:
            message = f"the cell holds the invisible control character(s) {control}; retype it"
            return None, (
                _Note("control-character", message, name, params=(("control", control),)),
            )
        if isinstance(value, ErrorCell):
            message = f"the cell holds the error {value.text}; correct it in the sheet"
            return None, (_Note("error-cell", message, name, params=(("error", value.text),)),)
        if isinstance(value, UncomputedFormula):
            message = (
                f"the formula {value.formula} has no computed value (the file was not saved "
                "by a spreadsheet since it was written); open and save it in Excel or "
                "LibreOffice, or type the value"
            )
            params = (("formula", value.formula),)
            return None, (_Note("formula-not-computed", message, name, params=params),)
        if column.kind is ColumnKind.DOCUMENT:
            return _parsed(parse_yes_no, value, name)
        if column.kind is ColumnKind.COMMENT:
            return (None if value is None else " ".join(str(value).split())), ()
        if column.kind is ColumnKind.MARK:
            return (None, ()) if value is None else _parsed(self.mark_parsers[name], value, name)
        return self._field(self.fields[column.index], value)

    def _field(self, which: OfferField, value: object) -> _Reading:
        name = which.value
        if value is None:
            if which in REQUIRED_FIELDS:
                message = f"empty cell: a {name} is required"
                params: Params = (("field", name), ("field_part", f"field.{name}"))
                return None, (_Note("missing-value", message, name, params=params),)
            if which is OfferField.RECEIVED_AT:
                message = "no reception date: the deadline cannot be checked for this offer"
                params = (("form", "no-date"),)
                return None, (_Note("missing-value", message, name, True, params),)
            return None, ()
        if which is OfferField.CANDIDATE:
            return " ".join(str(value).split()), ()
        if which is OfferField.LOT:
            lot, notes = _parsed(parse_lot, value, name)
            if isinstance(lot, int) and lot not in self.lot_ids:
                known = ", ".join(str(i) for i in sorted(self.lot_ids))
                message = f"lot {lot} is not in lots.yaml (lots: {known})"
                params = (("lot", str(lot)), ("known", known))
                return None, (_Note("unknown-lot", message, name, params=params),)
            return lot, notes
        if which in _AMOUNT_PARSERS:
            return _parsed(_AMOUNT_PARSERS[which], value, name)
        if which is OfferField.VAT_RATE:
            rate, notes = _parsed(parse_rate, value, name)
            if isinstance(rate, Decimal) and rate not in USUAL_VAT_RATES:
                message = (
                    f"VAT rate {percent_raw(rate)} is not a French rate (20, 10, 5.5, 2.1, 0 %, "
                    "or the overseas 8.5, 1.75, 1.05 %); check the cell"
                )
                params = (("rate_num", percent_raw(rate)),)
                return rate, (_Note("unusual-vat-rate", message, name, True, params),)
            return rate, notes
        return _parsed(parse_when, value, name)

    def _mark_parser(self, criterion: str) -> Callable[[object], Decimal]:
        scale = self.scales[criterion]

        def parse_mark(value: object) -> Decimal:
            mark = parse_number(value, examples="mark")
            if not 0 <= mark <= scale:
                message = f"found the mark {mark}, expected a mark from 0 to {scale}"
                params = (("found_num", str(mark)), ("scale_num", str(scale)))
                raise BadValue("mark-out-of-range", message, params)
            return mark

        return parse_mark


def _memo_key(value: object) -> tuple[type, object]:
    """What tells two cell values apart for the memo. The type is part of it (``True``, ``1`` and
    ``1.0`` are equal in Python, not in a sheet); so is the repr of the values Python calls
    equal but that read differently: ``-0.0`` and ``0.0``, ``Decimal("2.50")`` and
    ``Decimal("2.5")``, one instant in two time zones."""
    kind = value.__class__
    if kind is float or kind is Decimal or kind is datetime or kind is time:
        return kind, repr(value)
    return kind, value


def _parsed(parser: Callable[[object], object], value: object, name: str) -> _Reading:
    try:
        return parser(value), ()
    except BadValue as bad:
        return None, (_Note(bad.code, bad.message, name, params=bad.params),)


T = TypeVar("T")


def _typed(value: object, kind: type[T]) -> T | None:
    return value if isinstance(value, kind) else None


def file_sha256(path: Path) -> str:
    """The SHA-256 of a file, read in blocks: it identifies the exact input of a result."""
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        for block in iter(lambda: stream.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")  # Cc but tab and line breaks


def _control_characters(value: object) -> str:
    """Control characters other than tab and line breaks (which read as spaces), as U+XXXX."""
    if not isinstance(value, str) or not _CONTROL.search(value):
        return ""
    return ", ".join(f"U+{ord(c):04X}" for c in sorted(set(_CONTROL.findall(value))))


RowNotes = dict[int, list[Problem]]


def _duplicates(offers: tuple[Offer, ...], raw: RawSheet) -> RowNotes:
    """The same candidate twice on the same lot: both rows are errors, each naming the other.

    Found by hashing a normalised key, never by comparing rows pairwise."""
    by_key: dict[tuple[str, int], list[Offer]] = {}
    for offer in offers:
        if offer.candidate is not None and offer.lot is not None:
            by_key.setdefault((normalise(offer.candidate), offer.lot), []).append(offer)
    notes: RowNotes = {}
    for group in by_key.values():
        for offer in group if len(group) > 1 else ():
            others = ", ".join(o.cells[OfferField.CANDIDATE] for o in group if o is not offer)
            message = (
                f"{offer.candidate!r} has more than one offer on lot {offer.lot} "
                f"(also {others}); keep one row per candidate and lot"
            )
            params = (
                ("candidate", repr(offer.candidate)),
                ("lot", str(offer.lot)),
                ("others", others),
            )
            notes.setdefault(offer.row, []).append(
                _row_problem(raw, offer, "duplicate-offer", message, params=params)
            )
    return notes


def _similar_names(offers: list[Offer], raw: RawSheet) -> RowNotes:
    """Names that differ only by case, spaces or accents: probably one candidate typed twice."""
    spellings: dict[str, dict[str, Offer]] = {}
    for offer in offers:
        if offer.candidate is not None:
            spellings.setdefault(normalise(offer.candidate), {}).setdefault(offer.candidate, offer)
    notes: RowNotes = {}
    for variants in spellings.values():
        if len(variants) < 2:
            continue
        for name, offer in variants.items():
            others = ", ".join(
                f"{other!r} ({o.cells[OfferField.CANDIDATE]})"
                for other, o in variants.items()
                if other != name
            )
            message = (
                f"{name!r} differs from {others} only by case, spaces or accents: if they are the "
                "same candidate, write the name the same way"
            )
            params = (("name", repr(name)), ("others", others))
            problem = _row_problem(
                raw, offer, "similar-candidates", message, Severity.WARNING, params
            )
            notes.setdefault(offer.row, []).append(problem)
    return notes


def _hidden_and_merged(offers: tuple[Offer, ...], raw: RawSheet) -> RowNotes:
    notes: RowNotes = {}
    rows = {offer.row for offer in offers}
    for row in raw.hidden_rows:
        if row in rows:
            message = "this row is hidden in the sheet; it is read all the same"
            problem = Problem(
                "hidden-row",
                message,
                Severity.WARNING,
                raw.file,
                raw.sheet,
                f"A{row}",
                row,
                params=(("form", "row"),),
            )
            notes.setdefault(row, []).append(problem)
    for cells in raw.merged:
        first, _, last = cells.partition(":")
        top, bottom = _row_of(first), _row_of(last or first)
        for row in range(max(top, 2), bottom + 1):
            if row in rows:
                message = (
                    f"cells {cells} are merged: only {first} holds a value, the others read as "
                    "empty; unmerge them and fill each cell"
                )
                problem = Problem(
                    "merged-cells",
                    message,
                    Severity.ERROR,
                    raw.file,
                    raw.sheet,
                    first,
                    row,
                    params=(("cells", cells), ("first", first)),
                )
                notes.setdefault(row, []).append(problem)
    return notes


def _sheet_notes(raw: RawSheet, columns: list[Column]) -> list[Problem]:
    """What is true of the whole sheet: hidden, merged header cells, hidden columns."""
    notes: list[Problem] = []
    if raw.hidden:
        message = f"the sheet {raw.name!r} is hidden in the workbook; it is read all the same"
        notes.append(
            Problem(
                "hidden-sheet",
                message,
                Severity.WARNING,
                raw.file,
                raw.sheet,
                params=(("name", repr(raw.name)),),
            )
        )
    for cells in raw.merged:
        first = cells.partition(":")[0]
        if _row_of(first) == 1:
            message = f"header cells {cells} are merged: unmerge them, one header per column"
            notes.append(
                Problem(
                    "merged-cells",
                    message,
                    Severity.ERROR,
                    raw.file,
                    raw.sheet,
                    first,
                    1,
                    params=(("form", "header"), ("cells", cells)),
                )
            )
    used = {c.letter: c.name for c in columns}
    for letter in raw.hidden_columns:
        if letter in used:
            message = (
                f"column {letter} ({used[letter]}) is hidden in the sheet; it is read all the same"
            )
            notes.append(
                Problem(
                    "hidden-column",
                    message,
                    Severity.WARNING,
                    raw.file,
                    raw.sheet,
                    f"{letter}1",
                    1,
                    used[letter],
                    (("letter", letter), ("field", used[letter])),
                )
            )
    return notes


def _row_of(cell: str) -> int:
    return int("".join(c for c in cell if c.isdigit()) or 0)


def _row_problem(
    raw: RawSheet,
    offer: Offer,
    code: str,
    message: str,
    severity: Severity = Severity.ERROR,
    params: tuple[tuple[str, str], ...] = (),
) -> Problem:
    cell = offer.cells[OfferField.CANDIDATE]
    field = OfferField.CANDIDATE.value
    return Problem(code, message, severity, raw.file, raw.sheet, cell, offer.row, field, params)


def _apply_marks_sheet(
    offers: tuple[Offer, ...], raw: RawSheet, columns: list[Column], config: Config
) -> tuple[tuple[Offer, ...], list[Problem]]:
    """Replace the offers' marks by the evaluators' marks of the marks sheet, aggregated."""
    from referent_ess.intake.marks_sheet import divergence, read_marks

    assert raw.marks_sheet is not None
    sheet = read_marks(raw.marks_sheet, config)
    problems = list(sheet.problems)
    marked_columns = {c.name for c in columns if c.kind is ColumnKind.MARK}
    for name in sorted(marked_columns):
        message = (
            f"the marks sheet {raw.marks_sheet.name!r} replaces the mark columns: column "
            f"{name!r} of the offers sheet is not used"
        )
        params = (("sheet", repr(raw.marks_sheet.name)), ("column", repr(name)))
        problems.append(
            Problem(
                "marks-column-ignored",
                message,
                Severity.WARNING,
                raw.file,
                raw.sheet,
                params=params,
            )
        )
    scales = {c.id: c.scale for c in config.marked_criteria}
    used: set[tuple[str, int]] = set()
    updated = []
    for offer in offers:
        key = (normalise(offer.candidate or ""), offer.lot or 0)
        marks_of = sheet.offers.get(key)
        if marks_of is not None:
            used.add(key)
        extra: list[Problem] = []
        marks: dict[str, Decimal | Fraction] = {}
        by_evaluator: dict[str, dict[str, Decimal]] = {}
        missing: dict[str, tuple[str, ...]] = {}
        comments = dict(offer.comments)
        for criterion in config.marked_criteria:
            entries = marks_of.by_criterion.get(criterion.id, {}) if marks_of else {}
            if criterion.id in offer.marks and entries:
                first = next(iter(entries.values()))
                message = (
                    f"the mark of {criterion.id} is given both here and in the marks sheet "
                    f"({raw.marks_sheet.name}!{first.cell}); keep one of them"
                )
                extra.append(
                    Problem(
                        "mark-given-twice",
                        message,
                        Severity.ERROR,
                        raw.file,
                        raw.sheet,
                        offer.cells.get(criterion.id),
                        offer.row,
                        criterion.id,
                        (
                            ("criterion", criterion.id),
                            ("elsewhere", f"{raw.marks_sheet.name}!{first.cell}"),
                        ),
                    )
                )
            absent = tuple(e for e in sheet.evaluators if e not in entries)
            if entries and not absent:
                assert marks_of is not None
                marks[criterion.id] = marks_of.aggregate(criterion.id, config.marks_aggregate)
            if absent and sheet.evaluators:
                missing[criterion.id] = absent
            by_evaluator[criterion.id] = {e: entry.mark for e, entry in entries.items()}
            notes = [f"{e.evaluator} : {e.comment}" for e in entries.values() if e.comment]
            if notes:
                comments[criterion.id] = " ; ".join(notes)
            threshold = config.marks_divergence
            if threshold is None:
                threshold = scales[criterion.id] * Decimal("0.4")
            spread = divergence(list(entries.values()), threshold)
            if spread is not None:
                extra.append(
                    Problem(
                        "marks-divergence",
                        spread[0],
                        Severity.WARNING,
                        raw.file,
                        raw.marks_sheet.name,
                        next(iter(entries.values())).cell,
                        offer.row,
                        criterion.id,
                        spread[1],
                    )
                )
        updated.append(
            replace(
                offer,
                marks=marks,
                evaluator_marks=by_evaluator,
                missing_evaluators=missing,
                comments=comments,
                problems=offer.problems + tuple(extra),
            )
        )
    for key, marks_of in sheet.offers.items():
        if key in used:
            continue
        entry = next(e for entries in marks_of.by_criterion.values() for e in entries.values())
        message = (
            f"no offer of {entry.candidate!r} on lot {entry.lot} in the offers sheet; check the "
            "name and the lot"
        )
        problems.append(
            Problem(
                "no-such-offer",
                message,
                Severity.ERROR,
                raw.file,
                raw.marks_sheet.name,
                entry.cell,
                entry.row,
                "candidate",
                (("candidate", repr(entry.candidate)), ("lot", str(entry.lot))),
            )
        )
    return tuple(updated), problems
