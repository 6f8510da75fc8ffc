"""Row 1 of the offers sheet: which column is which, and what is missing or suspicious.

A header is matched by its normalised text against the columns the tool knows (fields,
required documents, marked criteria and their comments); one that is not known but close to a
known one is probably a typo, and a column the tool needs that is absent is named with the
header most like it, or with another sheet that has it."""

from referent_ess.base.values import Params, is_blank
from referent_ess.config.columns import (
    ALIASES,
    SHOWN_NAMES,
    About,
    Column,
    ColumnKind,
    HeaderLookup,
    HeaderWords,
    NearSpellings,
    column_letter,
    header_key,
    pse_column,
    pse_key,
    pse_lookup,
    required_fields,
)
from referent_ess.config.model import Config
from referent_ess.intake.sheet import RawSheet
from referent_ess.problems.problem import Problem


class Header:
    """The columns found in row 1 of ``raw`` and the problems of that row."""

    def __init__(self, raw: RawSheet, config: Config) -> None:
        self.raw = raw
        self.documents = config.document_columns  # of every lot: some lots may need only some
        self.marked = tuple(c.id for c in config.mark_columns)
        self.names = config.column_names  # ids, and labels where usable
        self.lookup: HeaderLookup = self.names.lookup
        # with a marks sheet, the offers sheet's mark columns are not read: no look-alike either
        marks_here = self.marked if raw.marks_sheet is None else ()
        self.words = HeaderWords(self.documents, marks_here)
        self.near = NearSpellings(self.lookup)
        self.labels = {c.id: c.label for c in config.mark_columns}
        self.required = required_fields(config.price_models)
        self.pse = {p.id: p.label for p in config.pse_columns}
        self.pse_lookup = pse_lookup(tuple(self.pse.items()))
        self.config_lump_sums = config.lump_sum_pse_ids  # a PSE priced by lines needs no column
        self.columns: list[Column] = []
        self.problems: list[Problem] = []
        self.unknown: list[tuple[str, str, str | None]] = []  # (cell, header, probable column)
        self._map()
        if not self.columns and not self.problems:
            self._add("empty-sheet", None, None)
        elif self.columns or self.unknown:
            self._check_missing()

    def _add(self, code: str, cell: str | None, field: str | None, params: Params = ()) -> None:
        self.problems.append(
            Problem(
                code,
                params=params,
                file=self.raw.file,
                sheet=self.raw.sheet,
                cell=cell,
                row=1,
                field=field,
            )
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
            if match is None and self.pse_lookup:
                pse_id = self.pse_lookup.get(pse_key(header))
                match = None if pse_id is None else (ColumnKind.PSE, pse_column(pse_id))
            if match is None:
                self._unknown(cell, header)
                continue
            kind, name = match
            if kind is ColumnKind.COMMENT:
                name = f"{name}_comment"
            if name in first_cell:
                params = (("header", repr(header)), ("first", first_cell[name]))
                self._add("duplicate-column", cell, name, params)
                continue
            first_cell[name] = cell
            self.columns.append(Column(kind, name, index, letter, header))

    def _suspicious(self, cell: str, header: str, kind: ColumnKind, name: str) -> None:
        """A header that is probably a typo of a known column: name that column as the template
        heads it (``Date de réception``), with its id when that differs (``received_at``)."""
        column = f"{name}_comment" if kind is ColumnKind.COMMENT else name
        self.unknown.append((cell, header, column))
        shown = self.names.shown(kind, column)  # a document or criterion by its label
        params: Params = (("header", repr(header)), ("probable", repr(shown)))
        if kind is ColumnKind.FIELD and shown != column:
            params = (("form", "named"), *params, ("column", column))
        self._add("suspicious-column", cell, column, params)

    def _unknown(self, cell: str, header: str) -> None:
        """A header the tool does not know: a warning when it is about something else (a
        comment, an identifier) or nothing the tool knows; an error when it is probably a typo
        of a known column, or about a value the evaluation uses (``Date de dépôt`` once, ``Prix
        TTC``), since ignoring it could change the result without a word."""
        other = self.words.other(header)
        probable = None if other else self.near.probable(header)
        about = None if other else self.words.about(header)
        if about is not None and (probable is None or probable[1] != about.name):
            self._about(cell, header, about)  # what its words say beats a near spelling
        elif probable is not None:
            self._suspicious(cell, header, *probable)
        else:
            self.unknown.append((cell, header, None))
            self._add("unknown-column", cell, None, (("header", repr(header)),))

    def _about(self, cell: str, header: str, about: About) -> None:
        name = about.name
        self.unknown.append((cell, header, name))
        topic: Params = (("about_part", f"about.{about.topic}"),)
        shown = self.names.shown(about.kind, name)
        if about.kind is ColumnKind.DOCUMENT:
            topic = (*topic, ("document", repr(shown)))
        elif about.kind is ColumnKind.MARK:
            topic = (*topic, ("criterion", repr(self.labels[name])))
        fix = "fix.csv" if self.raw.sheet is None else "fix.sheet"
        params: Params = (
            ("form", "about"),
            ("header", repr(header)),
            ("probable", repr(shown)),
            *topic,
            ("fix_part", fix),
        )
        self._add("suspicious-column", cell, name, params)

    def _check_missing(self) -> None:
        found = {c.name for c in self.columns}
        for wanted in self.required:
            if wanted.value not in found:
                shown = (wanted.value, *ALIASES[wanted])[:SHOWN_NAMES]
                names = ", ".join(repr(n) for n in shown)
                params: Params = (
                    ("form", "field"),
                    ("field", wanted.value),
                    ("what_part", f"field.{wanted.value}"),
                    ("names", names),
                    *self._hint(wanted.value),
                )
                self._add("missing-column", None, wanted.value, params)
        for document in self.documents:
            if document not in found:
                header = repr(self.names.header(ColumnKind.DOCUMENT, document))
                params = (("form", "document"), ("document", header), *self._hint(document))
                self._add("missing-column", None, document, params)
        for pse_id, label in self.pse.items():
            if pse_id in self.config_lump_sums and pse_column(pse_id) not in found:
                params = (("form", "pse"), ("pse", pse_id), ("label", label))
                self._add("missing-column", None, pse_column(pse_id), params)
        for criterion in self.marked if self.raw.marks_sheet is None else ():
            if criterion not in found:
                params = (
                    ("form", "criterion"),
                    ("criterion", repr(self.names.header(ColumnKind.MARK, criterion))),
                    *self._hint(criterion),
                )
                self._add("missing-column", None, criterion, params)

    def _hint(self, name: str) -> Params:
        """The clause that points at a header that is probably a typo of ``name``, or at a sheet
        that has it."""
        for cell, header, probable in self.unknown:
            if probable == name:
                return (
                    ("hint_part", "hint.typo"),
                    ("hint_cell", cell),
                    ("hint_header", repr(header)),
                )
        for sheet, header_row in self.raw.other_headers:
            keys = {header_key(str(v)) for v in header_row if not is_blank(v)}
            if any(self.lookup.get(k, (None, None))[1] == name for k in keys):
                return (("hint_part", "hint.sheet"), ("hint_sheet", repr(sheet)))
        return (("hint_part", "hint.none"),)
