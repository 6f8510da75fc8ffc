"""Problems found in the inputs: data, never exceptions, so that all of them are reported at once.

Each problem has a stable ``code`` (scripts and tests rely on it), typed parameters (the figures
of its message), a severity, and where it is: the file, and for a workbook the sheet, the cell
(``D7``), the row and the field. Its words are the catalogue's (:mod:`referent_ess.i18n`):
:attr:`Problem.message` is the English text, :func:`referent_ess.i18n.message` the run's.
"""

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, fields
from dataclasses import field as default
from enum import StrEnum

from referent_ess import i18n
from referent_ess.i18n import templates
from referent_ess.problems.codes import Kind, Params, kind_of

# A column's header as written in its sheet, by (sheet, the name a problem's ``field`` holds; the
# sheet is None for a CSV file): what a person reads instead of that name (« Coût journalier
# HT », not ``day_rate_ht``), from :attr:`~referent_ess.intake.offer.OfferBook.headings`.
Headings = Mapping[tuple[str | None, str], str]
NO_HEADINGS: Headings = {}


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


def english(code: str, params: Params) -> str:
    """The English text of a message: the English catalogue's template, filled in. What JSON,
    CSV and the exception's text hold, whatever the language of the run."""
    return i18n.message(code, params, lang="en")


def english_part(name: str, params: Params) -> str:
    """The English text of the clause ``part:<name>`` of a message."""
    return templates.part(name, params, lang="en")


@dataclass(frozen=True, slots=True, init=False)
class Problem:
    """``Problem("bad-lot", params=(("found", "'x'"),), file=..., sheet=..., cell="B2", row=2,
    field="lot")``; the severity is the code's (:mod:`~referent_ess.problems.codes`) unless
    given."""

    code: str
    params: Params
    severity: Severity
    file: str | None
    sheet: str | None
    cell: str | None
    row: int | None
    field: str | None

    def __init__(
        self,
        code: str,
        *,
        params: Params = (),
        severity: Severity | None = None,
        file: str | None = None,
        sheet: str | None = None,
        cell: str | None = None,
        row: int | None = None,
        field: str | None = None,
    ) -> None:
        kind = kind_of(code, params)
        if severity is None:
            severity = Severity.WARNING if kind is Kind.WARNING else Severity.ERROR
        object.__setattr__(self, "code", code)
        object.__setattr__(self, "params", params)
        object.__setattr__(self, "severity", severity)
        object.__setattr__(self, "file", file)
        object.__setattr__(self, "sheet", sheet)
        object.__setattr__(self, "cell", cell)
        object.__setattr__(self, "row", row)
        object.__setattr__(self, "field", field)

    @property
    def message(self) -> str:
        """The English text (JSON and CSV keep it whatever the language)."""
        return english(self.code, self.params)

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR

    @property
    def location(self) -> str:
        """Where the problem is: ``offers.xlsx: offers!D7``, or ``lots.yaml:12`` in a YAML file."""
        return self.place()

    def place(self, sheet_word: str = "sheet", colon: str = ": ") -> str:
        """:attr:`location`, with ``sheet_word`` naming a whole sheet (``feuille`` in French) and
        ``colon`` between the file and the place in it (`` : `` in French)."""
        if self.sheet is None and self.cell is None and self.file and self.row is not None:
            return f"{self.file}:{self.row}"
        place = ""
        if self.sheet is not None:
            place = f"{self.sheet}!{self.cell}" if self.cell else f"{sheet_word} {self.sheet!r}"
        elif self.cell is not None:
            place = self.cell
        if self.file and place:
            return f"{self.file}{colon}{place}"
        return self.file or place

    def shown_field(self, headings: Headings = NO_HEADINGS) -> str:
        """The field as a person reads it: the header of the problem's column as written in
        its sheet (``headings``); else nothing for a cell of a sheet (the cell says where it
        is: a column's internal name is not for people); else, for a configuration file, the
        key path as written there (``lots.2.cap_ttc``)."""
        if self.field is None:
            return ""
        heading = headings.get((self.sheet, self.field))
        if heading is not None:
            return heading
        return self.field if self.sheet is None and self.cell is None else ""

    def describe(
        self,
        message: str | None = None,
        sheet_word: str = "sheet",
        colon: str = ": ",
        headings: Headings = NO_HEADINGS,
    ) -> str:
        """One line for a terminal: ``location: [field: ]message [code]``; ``message``,
        ``sheet_word`` and ``colon`` replace the English words and punctuation (a translation:
        French puts a space before the colon); the field is shown as :meth:`shown_field` says,
        with ``headings``."""
        location = self.place(sheet_word, colon)
        where = f"{location}{colon}" if location else ""
        shown = self.shown_field(headings)
        if self.sheet is not None and not self.cell:
            shown = ""  # a whole sheet's problem: no column to name
        field_part = f"{shown}{colon}" if shown else ""
        return f"{where}{field_part}{self.message if message is None else message} [{self.code}]"

    def line_in(self, lang: str | None = None, headings: Headings = NO_HEADINGS) -> str:
        """:meth:`describe` in ``lang`` (default: the run's language): its message, the word for
        a sheet and the colon as that language writes them, the field as ``headings`` head it."""
        chosen = i18n.current() if lang is None else lang
        words = i18n.CATALOGUES[chosen]
        message = i18n.message(self.code, self.params, lang=chosen)
        return self.describe(message, words["word.sheet"], words["punct.colon"], headings)

    def to_dict(self) -> dict[str, object]:
        """The problem in JSON: its English message, never its parameters (not a contract)."""
        return {
            "code": self.code,
            "message": self.message,
            "severity": self.severity.value,
            "file": self.file,
            "sheet": self.sheet,
            "cell": self.cell,
            "row": self.row,
            "field": self.field,
        }


_FIELDS = ("code", "params", "severity", "file", "sheet", "cell", "row", "field")
if tuple(f.name for f in fields(Problem)) != _FIELDS:  # pragma: no cover - a bug
    raise AssertionError("Problem's fields changed: update problem_maker")
_SETTERS = tuple(getattr(Problem, name).__set__ for name in _FIELDS)


def problem_maker(
    code: str, *, file: str | None, sheet: str | None, field: str | None
) -> Callable[[Params, str | None, int | None], Problem]:
    """``make(params, cell, row)``: ``Problem(code, params=params, file=file, sheet=sheet,
    cell=cell, row=row, field=field)``, for many problems of one code at one field of a file
    (the abnormally low prices of a lot: thousands), at a third of the cost.

    The code's kind, hence the severity, is looked up once, here: ``params`` must not carry a
    ``form`` (which would choose another key); a code that needs one is refused here. Why it
    is the same object: Problem is a frozen dataclass with slots; its ``__init__`` only looks
    up the severity and calls ``object.__setattr__(self, name, value)`` for each field, which
    for a slot is that slot's descriptor's ``__set__``, called here directly (the check above
    refuses a changed list of fields, and a test compares both ways of building one)."""
    kind = kind_of(code, ())
    severity = Severity.WARNING if kind is Kind.WARNING else Severity.ERROR
    set_code, set_params, set_severity, set_file, set_sheet, set_cell, set_row, set_field = _SETTERS
    new = object.__new__

    def make(params: Params, cell: str | None, row: int | None) -> Problem:
        problem: Problem = new(Problem)
        set_code(problem, code)
        set_params(problem, params)
        set_severity(problem, severity)
        set_file(problem, file)
        set_sheet(problem, sheet)
        set_cell(problem, cell)
        set_row(problem, row)
        set_field(problem, field)
        return problem

    return make


def new_warnings(warnings: Sequence[Problem], known: Sequence[Problem]) -> list[Problem]:
    """The ``warnings`` that are not already among ``known`` (an offer's warnings repeat its
    row's problems), in order: one pass over each, however many a row has (a row of twenty
    thousand stray cells has as many warnings)."""
    seen = set(known)
    return [w for w in warnings if w not in seen]


@dataclass(frozen=True)
class ValidationReport:
    """Every problem of the configuration and the workbook, errors and warnings."""

    problems: tuple[Problem, ...]
    # the offers sheet's headers as written, to name each problem's column (:data:`Headings`)
    headings: Headings = default(default_factory=dict)

    @property
    def errors(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.is_error)

    @property
    def warnings(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if not p.is_error)

    @property
    def valid(self) -> bool:
        return not self.errors
