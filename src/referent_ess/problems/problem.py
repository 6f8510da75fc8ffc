"""Problems found in the inputs: data, never exceptions, so that all of them are reported at once.

Each problem has a stable ``code`` (scripts and tests rely on it), a severity, and where it is:
the file, and for a workbook the sheet, the cell (``D7``), the row and the field.
"""

from dataclasses import asdict, dataclass
from enum import StrEnum


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, slots=True)
class Problem:
    code: str
    message: str
    severity: Severity = Severity.ERROR
    file: str | None = None
    sheet: str | None = None
    cell: str | None = None
    row: int | None = None
    field: str | None = None
    params: tuple[tuple[str, str], ...] = ()  # the figures of the message, for translations

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

    def describe(
        self, message: str | None = None, sheet_word: str = "sheet", colon: str = ": "
    ) -> str:
        """One line for a terminal: ``location: [field: ]message [code]``; ``message``,
        ``sheet_word`` and ``colon`` replace the English words and punctuation (a translation:
        French puts a space before the colon)."""
        location = self.place(sheet_word, colon)
        where = f"{location}{colon}" if location else ""
        if self.sheet is None:
            field = f"{self.field}{colon}" if self.field else ""
        else:
            field = f"{self.field}{colon}" if self.field and self.cell else ""
        return f"{where}{field}{self.message if message is None else message} [{self.code}]"

    def to_dict(self) -> dict[str, object]:
        data = asdict(self)
        data["severity"] = self.severity.value
        del data["params"]
        return data


@dataclass(frozen=True)
class ValidationReport:
    """Every problem of the configuration and the workbook, errors and warnings."""

    problems: tuple[Problem, ...]

    @property
    def errors(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.is_error)

    @property
    def warnings(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if not p.is_error)

    @property
    def valid(self) -> bool:
        return not self.errors
