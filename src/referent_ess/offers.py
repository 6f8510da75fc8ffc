"""From the raw cells of the offers sheet to :class:`Offer` values and located problems.

Each cell is read by the parser of its column (:mod:`referent_ess.values`); every problem is kept
with its cell, so one run reports all of them. Nothing here decides whether an offer is admissible:
that is :mod:`referent_ess.evaluate`'s job.
"""

import hashlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import TypeVar

from referent_ess.columns import (
    ALIASES,
    REQUIRED_FIELDS,
    Column,
    ColumnKind,
    Field,
    column_letter,
    header_lookup,
)
from referent_ess.config import Config
from referent_ess.problems import Problem, Severity
from referent_ess.text import normalise
from referent_ess.values import (
    BadValue,
    parse_amount,
    parse_lot,
    parse_number,
    parse_rate,
    parse_when,
    parse_yes_no,
    percent,
)
from referent_ess.workbook import ErrorCell, RawSheet, UncomputedFormula, read_offers_sheet

USUAL_VAT_RATES = frozenset(
    Decimal(rate) for rate in ("0", "0.021", "0.055", "0.1", "0.2", "0.0105", "0.0175", "0.085")
)


@dataclass(frozen=True)
class Offer:
    """One row of the offers sheet, as far as its cells could be read."""

    row: int
    candidate: str | None
    lot: int | None
    day_rate_ht: Decimal | None
    days: Decimal | None
    vat_rate: Decimal | None  # as stated; None when the cell is empty (the default applies)
    price_ht_stated: Decimal | None
    received_at: date | datetime | None
    documents: Mapping[str, bool]
    marks: Mapping[str, Decimal]
    cells: Mapping[str, str]  # column name → cell reference, e.g. "day_rate_ht" → "C5"
    problems: tuple[Problem, ...] = ()

    @property
    def errors(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.is_error)


@dataclass(frozen=True)
class OfferBook:
    """The offers of one workbook and every problem found while reading it."""

    path: Path
    sha256: str
    sheet: str
    columns: tuple[Column, ...]
    offers: tuple[Offer, ...]
    sheet_problems: tuple[Problem, ...] = field(default=())

    @property
    def problems(self) -> tuple[Problem, ...]:
        """Sheet-level problems first, then each row's problems in sheet order."""
        return self.sheet_problems + tuple(p for offer in self.offers for p in offer.problems)

    @property
    def errors(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.is_error)

    def blocking_problems(self, *, for_scoring: bool) -> tuple[Problem, ...]:
        """Sheet-level errors that make the book unusable: no price, or (for scoring) no marks."""
        return tuple(
            p
            for p in self.sheet_problems
            if p.is_error
            and (
                for_scoring
                or p.field in {f.value for f in REQUIRED_FIELDS}
                or p.code == "duplicate-column"
            )
        )


def load_offers(path: Path, config: Config) -> OfferBook:
    """Read and check the offers workbook at ``path`` against ``config``."""
    raw = read_offers_sheet(path)
    return parse_offers(raw, config, path, file_sha256(path))


def parse_offers(raw: RawSheet, config: Config, path: Path, sha256: str = "") -> OfferBook:
    """Interpret a raw sheet: map its header, then read every data row."""
    columns, sheet_problems = _map_header(raw, config)
    reader = _RowReader(raw, config, columns)
    offers = tuple(reader.read(number, values) for number, values in raw.rows)
    offers = _flag_duplicates(offers, raw)
    if not raw.rows and not any(p.is_error for p in sheet_problems):
        sheet_problems.append(
            Problem(
                "no-offers",
                "the sheet has no offer rows below its header",
                Severity.WARNING,
                raw.file,
                raw.name,
            )
        )
    return OfferBook(path, sha256, raw.name, tuple(columns), offers, tuple(sheet_problems))


def _map_header(raw: RawSheet, config: Config) -> tuple[list[Column], list[Problem]]:
    documents = config.consultation.required_documents
    marked = tuple(c.id for c in config.marked_criteria)
    lookup = header_lookup(documents, marked)
    columns: list[Column] = []
    problems: list[Problem] = []
    first_cell: dict[str, str] = {}
    for index, value in enumerate(raw.header):
        if value is None or (isinstance(value, str) and not value.strip()):
            continue
        letter = column_letter(index + 1)
        header = str(value).strip()
        match = lookup.get(normalise(header))
        if match is None:
            problems.append(
                Problem(
                    "unknown-column",
                    f"column {header!r} is not used by the tool and is ignored",
                    Severity.WARNING,
                    raw.file,
                    raw.name,
                    f"{letter}1",
                    1,
                )
            )
            continue
        kind, name = match
        if name in first_cell:
            problems.append(
                Problem(
                    "duplicate-column",
                    f"column {header!r} is the same column as {first_cell[name]}: "
                    "keep only one of them",
                    Severity.ERROR,
                    raw.file,
                    raw.name,
                    f"{letter}1",
                    1,
                    name,
                )
            )
            continue
        first_cell[name] = f"{letter}1"
        columns.append(Column(kind, name, index, letter, header))

    if not columns and not problems:
        problems.append(
            Problem(
                "empty-sheet",
                "the sheet has no header row: row 1 must name the columns (candidate, lot, "
                "day_rate_ht, days, ...)",
                Severity.ERROR,
                raw.file,
                raw.name,
                None,
                1,
                Field.CANDIDATE.value,
            )
        )
        return columns, problems
    found = {c.name for c in columns}
    for wanted in REQUIRED_FIELDS:
        if wanted.value not in found:
            names = ", ".join(repr(n) for n in (wanted.value, *ALIASES[wanted]))
            problems.append(
                _missing_column(
                    raw,
                    wanted.value,
                    f"no column for {wanted.value}: add a column headed one of {names}",
                )
            )
    for document in documents:
        if document not in found:
            problems.append(
                _missing_column(
                    raw,
                    document,
                    f"no column for the required document {document!r} (lots.yaml): add a column "
                    f"{document!r} saying oui/non for each offer",
                )
            )
    for criterion in marked:
        if criterion not in found:
            problems.append(
                _missing_column(
                    raw,
                    criterion,
                    f"no column for the marks of criterion {criterion!r} (criteria.yaml): add a "
                    f"column {criterion!r} with the jury's mark of each offer",
                )
            )
    return columns, problems


def _missing_column(raw: RawSheet, name: str, message: str) -> Problem:
    return Problem("missing-column", message, Severity.ERROR, raw.file, raw.name, None, 1, name)


class _RowReader:
    """Reads the cells of one data row, collecting a located problem for each bad cell."""

    def __init__(self, raw: RawSheet, config: Config, columns: list[Column]) -> None:
        self.raw = raw
        self.config = config
        self.columns = columns
        self.lot_ids = {lot.id for lot in config.lots}
        self.scales = {c.id: c.scale for c in config.marked_criteria}

    def read(self, number: int, values: tuple[object, ...]) -> "Offer":
        self.problems: list[Problem] = []
        self.number = number
        cells: dict[str, str] = {}
        read: dict[str, object] = {}
        documents: dict[str, bool] = {}
        marks: dict[str, Decimal] = {}
        for column in self.columns:
            cell = f"{column.letter}{number}"
            cells[column.name] = cell
            value = values[column.index] if column.index < len(values) else None
            if isinstance(value, str):
                value = value.strip() or None
            if not self._readable(value, column.name, cell):
                continue
            if column.kind is ColumnKind.DOCUMENT:
                parsed = self._parse(parse_yes_no, value, column.name, cell)
                if isinstance(parsed, bool):
                    documents[column.name] = parsed
            elif column.kind is ColumnKind.MARK:
                if value is not None:
                    mark = self._parse(self._mark_parser(column.name), value, column.name, cell)
                    if isinstance(mark, Decimal):
                        marks[column.name] = mark
            else:
                read[column.name] = self._field(Field(column.name), value, cell)
        self._extra_cells(values, number)
        return Offer(
            row=number,
            candidate=_typed(read.get(Field.CANDIDATE), str),
            lot=_typed(read.get(Field.LOT), int),
            day_rate_ht=_typed(read.get(Field.DAY_RATE_HT), Decimal),
            days=_typed(read.get(Field.DAYS), Decimal),
            vat_rate=_typed(read.get(Field.VAT_RATE), Decimal),
            price_ht_stated=_typed(read.get(Field.PRICE_HT), Decimal),
            received_at=_typed(read.get(Field.RECEIVED_AT), date),
            documents=documents,
            marks=marks,
            cells=cells,
            problems=tuple(self.problems),
        )

    def _readable(self, value: object, name: str, cell: str) -> bool:
        if isinstance(value, ErrorCell):
            self._problem(
                "error-cell",
                f"the cell holds the error {value.text}; correct it in the sheet",
                name,
                cell,
            )
            return False
        if isinstance(value, UncomputedFormula):
            self._problem(
                "formula-not-computed",
                f"the formula {value.formula} has no computed value (the file was not saved by a "
                "spreadsheet since it was written); open and save it in Excel or LibreOffice, or "
                "type the value",
                name,
                cell,
            )
            return False
        return True

    def _field(self, which: Field, value: object, cell: str) -> object:
        name = which.value
        if value is None:
            if which in REQUIRED_FIELDS:
                self._problem("missing-value", f"empty cell: a {name} is required", name, cell)
            elif which is Field.RECEIVED_AT:
                self._problem(
                    "missing-value",
                    "no reception date: the deadline cannot be checked for this offer",
                    name,
                    cell,
                    Severity.WARNING,
                )
            return None
        if which is Field.CANDIDATE:
            return " ".join(str(value).split())
        if which is Field.LOT:
            lot = self._parse(parse_lot, value, name, cell)
            if isinstance(lot, int) and lot not in self.lot_ids:
                known = ", ".join(str(i) for i in sorted(self.lot_ids))
                self._problem(
                    "unknown-lot", f"lot {lot} is not in lots.yaml (lots: {known})", name, cell
                )
                return None
            return lot
        if which is Field.DAY_RATE_HT:
            return self._parse(lambda v: parse_amount(v, what="a day rate"), value, name, cell)
        if which is Field.DAYS:
            return self._parse(
                lambda v: parse_amount(v, what="a number of days"), value, name, cell
            )
        if which is Field.PRICE_HT:
            return self._parse(lambda v: parse_amount(v, what="an amount"), value, name, cell)
        if which is Field.VAT_RATE:
            rate = self._parse(parse_rate, value, name, cell)
            if isinstance(rate, Decimal) and rate not in USUAL_VAT_RATES:
                self._problem(
                    "unusual-vat-rate",
                    f"VAT rate {percent(rate)} is not a French rate (20, 10, 5.5, 2.1, 0 %, "
                    "or the overseas 8.5, 1.75, 1.05 %); check the cell",
                    name,
                    cell,
                    Severity.WARNING,
                )
            return rate
        return self._parse(parse_when, value, name, cell)

    def _mark_parser(self, criterion: str) -> Callable[[object], Decimal]:
        scale = self.scales[criterion]

        def parse_mark(value: object) -> Decimal:
            mark = parse_number(value)
            if not 0 <= mark <= scale:
                raise BadValue(
                    "mark-out-of-range", f"found the mark {mark}, expected a mark from 0 to {scale}"
                )
            return mark

        return parse_mark

    def _parse(
        self, parser: Callable[[object], object], value: object, name: str, cell: str
    ) -> object:
        try:
            return parser(value)
        except BadValue as bad:
            self._problem(bad.code, bad.message, name, cell)
            return None

    def _extra_cells(self, values: tuple[object, ...], number: int) -> None:
        """Data under an empty header would be silently lost: say so."""
        used = {c.index for c in self.columns}
        for index, value in enumerate(values):
            if index in used or value is None or (isinstance(value, str) and not value.strip()):
                continue
            header = self.raw.header[index] if index < len(self.raw.header) else None
            if header is None or (isinstance(header, str) and not header.strip()):
                cell = f"{column_letter(index + 1)}{number}"
                self._problem(
                    "no-header",
                    "this cell has no header above it and is ignored",
                    None,
                    cell,
                    Severity.WARNING,
                )

    def _problem(
        self,
        code: str,
        message: str,
        name: str | None,
        cell: str,
        severity: Severity = Severity.ERROR,
    ) -> None:
        self.problems.append(
            Problem(code, message, severity, self.raw.file, self.raw.name, cell, self.number, name)
        )


T = TypeVar("T")


def file_sha256(path: Path) -> str:
    """The SHA-256 of a file, read in blocks: it identifies the exact input of a result."""
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        for block in iter(lambda: stream.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _typed(value: object, kind: type[T]) -> T | None:
    return value if isinstance(value, kind) else None


def _flag_duplicates(offers: tuple[Offer, ...], raw: RawSheet) -> tuple[Offer, ...]:
    """The same candidate twice on the same lot: both rows are errors, each naming the other."""
    by_key: dict[tuple[str, int], list[Offer]] = {}
    for offer in offers:
        if offer.candidate is not None and offer.lot is not None:
            by_key.setdefault((normalise(offer.candidate), offer.lot), []).append(offer)
    extra: dict[int, list[Problem]] = {}
    for group in by_key.values():
        if len(group) < 2:
            continue
        for offer in group:
            others = ", ".join(o.cells[Field.CANDIDATE] for o in group if o is not offer)
            extra.setdefault(offer.row, []).append(
                Problem(
                    "duplicate-offer",
                    f"{offer.candidate!r} has more than one offer on lot {offer.lot} "
                    f"(also {others}); keep one row per candidate and lot",
                    Severity.ERROR,
                    raw.file,
                    raw.name,
                    offer.cells[Field.CANDIDATE],
                    offer.row,
                    Field.CANDIDATE.value,
                )
            )
    if not extra:
        return offers
    return tuple(
        _with_problems(offer, extra[offer.row]) if offer.row in extra else offer for offer in offers
    )


def _with_problems(offer: Offer, problems: list[Problem]) -> Offer:
    return replace(offer, problems=offer.problems + tuple(problems))
