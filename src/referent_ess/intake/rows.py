"""The data rows of the offers sheet: each cell read by the parser of its column
(:mod:`referent_ess.base.values`), each problem kept with its cell, so one run reports all of
them."""

from bisect import bisect_left
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from functools import partial
from itertools import chain, compress, repeat
from types import MappingProxyType
from typing import TypeVar

from referent_ess.base.normalise import (
    control_characters,
    invisible_names,
    normalise,
    without_invisible,
)
from referent_ess.base.values import (
    BadValue,
    Params,
    is_blank,
    parse_amount,
    parse_lot,
    parse_rate,
    parse_round,
    parse_when,
    parse_yes_no,
)
from referent_ess.config.choices import PriceModel
from referent_ess.config.columns import (
    MAYBE_REQUIRED,
    PRICE_FIELDS,
    REQUIRED_FIELDS,
    Column,
    ColumnKind,
    OfferField,
    column_letter,
    pse_id_of,
)
from referent_ess.config.model import Config
from referent_ess.i18n.numbers import percent_raw
from referent_ess.intake.column_readings import (
    EMPTY,
    column_cells,
    memo_key,
    memo_outcomes,
    shared_mappings,
    text_outcomes,
)
from referent_ess.intake.jury import Decision, parse_decision
from referent_ess.intake.mark_value import mark_parser
from referent_ess.intake.offer import CellRefs, Offer, offers_of
from referent_ess.intake.sheet import ErrorCell, RawSheet, UncomputedFormula
from referent_ess.problems.problem import Problem

_AMOUNT_PARSERS: dict[OfferField, Callable[[object], object]] = {
    OfferField.DAY_RATE_HT: partial(parse_amount, what="day-rate"),
    OfferField.DAYS: partial(parse_amount, what="days"),
    OfferField.PRICE_HT: partial(parse_amount, what="amount"),
}

USUAL_VAT_RATES = frozenset(
    Decimal(rate) for rate in ("0", "0.021", "0.055", "0.1", "0.2", "0.0105", "0.0175", "0.085")
)


@dataclass(frozen=True)
class _Note:
    """A problem of one cell's value, before it is placed in its row and cell."""

    code: str
    field: str | None
    params: Params = ()


_Reading = tuple[object, tuple[_Note, ...]]  # what a cell holds, and what is wrong with it
_Memo = dict[object, _Reading]  # a column's readings, by value (:func:`memo_key`)
# the clean path's columns: index, column, memo, kind, and the key of its reading in the offer
_CleanPlan = tuple[tuple[int, Column, _Memo | None, ColumnKind, str], ...]


class RowReader:
    """Reads the cells of one data row, collecting a located problem for each bad cell.

    What a cell means depends only on its column and its value, so each column remembers the
    readings of the values it has seen: a lot number or a ``oui`` is parsed once, not once per
    row."""

    def __init__(self, raw: RawSheet, config: Config, columns: list[Column]) -> None:
        self.raw = raw
        self.columns = columns
        self.lot_ids = {lot.id for lot in config.lots}
        # a mark is checked against the largest scale its criterion has in any set, then (when
        # the lots differ) against the scale of the offer's lot
        self.scales: dict[str, Decimal] = {}
        for criteria in config.sets_in_use:
            for leaf in criteria.marked:
                self.scales[leaf.id] = max(leaf.scale, self.scales.get(leaf.id, leaf.scale))
        self.per_lot = None if config.uniform else _per_lot(config)
        self.fields = {c.index: OfferField(c.name) for c in columns if c.kind is ColumnKind.FIELD}
        self.unheaded = [i for i, title in enumerate(raw.header) if is_blank(title)]
        self.width = len(raw.header)  # a value right of it is under no header
        self.letters = {c.name: c.letter for c in columns}
        # a criterion marked with words has one descriptor scale in every set (config checks)
        self.mark_parsers = {
            c.id: mark_parser(self.scales[c.id], c.descriptors) for c in config.mark_columns
        }
        free_text = [
            c
            for c in columns
            if c.name in (OfferField.CANDIDATE, OfferField.JURY_REASON)
            or c.kind is ColumnKind.COMMENT
        ]
        # each column with its memo of readings; free text rarely holds the same value twice
        self.plan: list[tuple[Column, _Memo | None]] = [
            (c, None if c in free_text else {}) for c in columns
        ]
        jury = (OfferField.JURY_DECISION.value, OfferField.JURY_REASON.value)
        self.jury = any(c.name in jury for c in columns)  # the sheet records decisions
        # the lot's column, read first when lots differ: it says which columns apply to the row
        self.lot_plan = next(
            (step for step in self.plan if step[0].name == OfferField.LOT.value), None
        )
        # the price cells a row must fill: those of its lot's price model (day rate and days,
        # or the amount HT); with one model for every lot, known without reading the lot
        self.price_cells = {
            lot.id: frozenset(f.value for f in PRICE_FIELDS[lot.price_model]) for lot in config.lots
        }
        models = config.price_models
        # the lots priced otherwise than by day rate × days, and how (the day rate is not read)
        self.lump_sums = {
            lot.id: "price-lines" if lot.price_model.has_lines else "price"
            for lot in config.lots
            if lot.price_model is not PriceModel.DAY_RATE
        }
        # the PSE each lot declares, when some lot declares one
        self.lot_pse = {lot.id: frozenset(p.id for p in lot.lump_sum_pse) for lot in config.lots}
        # the PSE each lot prices by lines (prices sheet): a column amount for one is not read
        self.lot_pse_lines = {
            lot.id: frozenset(p.id for p in lot.pse if p.lines) for lot in config.lots
        }
        self.has_pse = any(c.kind is ColumnKind.PSE for c in columns)
        self.same_price_cells = (
            frozenset(f.value for f in PRICE_FIELDS[next(iter(models))])
            if len(models) == 1
            else None
        )
        # the rows of a sheet whose columns mean the same for every lot (one price model, no
        # lump sum, no PSE, every mark and document for every lot) are read by the clean path
        # first: each cell, its memo and where its reading goes, without the lot's checks
        self.clean_plan: _CleanPlan | None = None
        if self.per_lot is None and not self.has_pse and not self.lump_sums and len(models) == 1:
            self.clean_plan = tuple(
                (c.index, c, memo, c.kind, _stored_as(c)) for c, memo in self.plan
            )

    def read(self, number: int, values: tuple[object, ...]) -> Offer:
        """The offer of row ``number``, with the problems of its cells and of its row."""
        return self.read_all(((number, values),))[0]

    def read_all(self, rows: Sequence[tuple[int, tuple[object, ...]]]) -> list[Offer]:
        """The offers of ``rows``, with the problems of their cells and of their rows.

        Where the clean path applies, each column is read whole (:mod:`.column_readings`), the
        offers of the rows none of whose cells has a problem are made column by column from
        their cells' outcomes, and every other row is read by :meth:`_read`, which says what
        is wrong with it and where. With every column meaning the same for every lot, what
        :meth:`_read` adds to a cell without a problem is nothing: both give the same offer."""
        plan = self.clean_plan
        if not plan or not rows:  # no clean path, or no column at all to read
            return [self._read(number, values) for number, values in rows]
        sheet = [values for _, values in rows]
        numbers = [number for number, _ in rows]
        outcomes: dict[str, list[object]] = {}  # each column's, by its name
        bad: set[int] = set()  # the positions of the rows with a cell that has a problem
        for index, column, memo, _, _ in plan:
            cells = column_cells(sheet, index)
            read = self._column_reader(column, memo)
            by_column = text_outcomes if memo is None else memo_outcomes
            outcomes[column.name], problems = by_column(cells, read)
            bad.update(problems)
        if bad:  # their offers are made by _read: the clean columns keep the other rows
            keep = [position not in bad for position in range(len(rows))]
            outcomes = {name: list(compress(got, keep)) for name, got in outcomes.items()}
            clean_sheet = list(compress(sheet, keep))
            clean_numbers = list(compress(numbers, keep))
        else:
            clean_sheet, clean_numbers = sheet, numbers
        clean = iter(self._clean_offers(clean_numbers, clean_sheet, outcomes))
        if not bad:
            return list(clean)
        return [
            self._read(numbers[position], sheet[position]) if position in bad else next(clean)
            for position in range(len(rows))
        ]

    def _column_reader(self, column: Column, memo: _Memo | None) -> Callable[[object], _Reading]:
        """How the clean path reads a value of ``column``: a float in a column of amounts by
        the amount's parser, which is all :meth:`_interpret` does with it (a hundred thousand
        day rates hold some 35 000 distinct values), any other value by :meth:`_reading`."""
        full = partial(self._reading, column, memo=memo)
        which = self.fields.get(column.index)
        parser = None if which is None else _AMOUNT_PARSERS.get(which)
        if parser is None:
            return full
        amount, name = parser, column.name

        def read(value: object) -> _Reading:
            return _parsed(amount, value, name) if value.__class__ is float else full(value)

        return read

    def _clean_offers(
        self,
        numbers: list[int],
        sheet: list[tuple[object, ...]],
        outcomes: dict[str, list[object]],
    ) -> list[Offer]:
        """The offers of rows none of whose cells has a problem, from their columns'
        ``outcomes`` (each column's by its name), made column by column."""
        plan = self.clean_plan or ()

        def field(name: str, empty: object = None) -> Iterable[object]:
            got = outcomes.get(name)
            if got is None:
                return repeat(empty)
            return got if empty is None else [outcome or empty for outcome in got]

        def kind(which: ColumnKind) -> tuple[list[str], list[list[object]]]:
            chosen = [(c.name, stored) for _, c, _, k, stored in plan if k is which]
            return [stored for _, stored in chosen], [outcomes[name] for name, _ in chosen]

        documents = shared_mappings(*kind(_DOCUMENT), _is_true, singletons=True)
        marks = shared_mappings(*kind(_MARK), _same)
        comments = shared_mappings(*kind(ColumnKind.COMMENT), str)
        # each offer's identity (Offer.identity), computed here for the whole column: most
        # names are distinct, and normalise's cache would only be filled and emptied again
        fold = normalise.__wrapped__
        variants = outcomes.get(_VARIANT)
        folded = repeat(fold("")) if variants is None else (fold(v or "") for v in variants)
        identities = [
            (fold(candidate), lot, variant) if candidate is not None and lot is not None else None
            for _, candidate, lot, variant in zip(
                numbers, field(_CANDIDATE), field(_LOT), folded, strict=False
            )
        ]
        rows = zip(
            numbers,
            field(_CANDIDATE),
            field(_LOT),
            field(_DAY_RATE_HT),
            field(_DAYS),
            field(_VAT_RATE),
            field(_PRICE_HT),
            field(_RECEIVED_AT),
            documents,
            marks,
            map(CellRefs, repeat(self.letters), numbers),
            comments,
            repeat(EMPTY),  # evaluator_marks: only a marks sheet gives some
            repeat(EMPTY),  # missing_evaluators
            self._row_problems(numbers, sheet, outcomes),
            field(_JURY_DECISION),
            field(_JURY_REASON),
            field(_VARIANT),
            field(_ROUND, 1),
            repeat(_NO_PSE),  # no PSE column on the clean path
            field(_ADDRESS, ()),
            repeat(None),  # lines: only a prices sheet gives some
            identities,
            strict=False,  # the columns absent repeat their value: the rows' numbers end it
        )
        return offers_of(rows)

    def _row_problems(
        self,
        numbers: list[int],
        sheet: list[tuple[object, ...]],
        outcomes: dict[str, list[object]],
    ) -> Iterable[tuple[Problem, ...]]:
        """The problems of each clean row as a whole: values under no header, and a jury's
        decision without its reason (or a reason without a decision)."""
        if not self.unheaded and max(map(len, sheet), default=0) <= self.width and not self.jury:
            return repeat(())  # most sheets: nothing of the kind can be found
        found: list[tuple[Problem, ...]] = []
        decisions = outcomes.get(_JURY_DECISION) or repeat(None)
        reasons = outcomes.get(_JURY_REASON) or repeat(None)
        jury = zip(decisions, reasons, strict=False)
        for number, values, (decision, reason) in zip(numbers, sheet, jury, strict=False):
            width = len(values)
            problems: tuple[Problem, ...] = ()
            if width > self.width or self.unheaded:  # some cell may be under no header
                stray = self._stray(values, width)
                problems = (self._stray_problem(stray, number),) if stray else ()
            if decision is not None or reason is not None:
                pair = {_JURY_DECISION: decision, _JURY_REASON: reason}
                problems += tuple(self._jury_pair(pair, set(), number))
            found.append(problems)
        return found

    def _read(self, number: int, values: tuple[object, ...]) -> Offer:
        """The offer of row ``number``, every cell read with what its row's lot says of its
        column, every problem kept with its cell."""
        problems: list[Problem] = []
        fields: dict[str, object] = {}
        documents: dict[str, bool] = {}
        marks: dict[str, Decimal] = {}
        comments: dict[str, str] = {}
        width = len(values)
        unread: set[str] = set()  # the columns whose cell holds something that cannot be read
        applies = self._applicable(values) if self.per_lot is not None else None
        price_cells = self.same_price_cells
        lump_sum: int | None = None  # the row's lot, when it is priced as a lump sum
        pse: dict[str, Decimal] = {}
        lot = self._lot_of(values) if self.has_pse else None
        if price_cells is None or self.lump_sums:
            lot = lot if self.has_pse else self._lot_of(values)
            price_cells = frozenset() if lot is None else self.price_cells.get(lot, frozenset())
            lump_sum = lot if lot in self.lump_sums else None
        for column, memo in self.plan:
            index = column.index
            value = values[index] if index < width else None
            kind = column.kind
            if kind is ColumnKind.PSE:
                self._pse_cell(column, value, memo, lot, number, pse, problems)
                continue
            if applies is not None and kind is not ColumnKind.FIELD:
                note = applies.refusal(column, value)
                if note is not None:
                    problems.append(self._problem(note, f"{column.letter}{number}", number))
                    continue
            if memo is None:
                outcome, notes = self._interpret(column, value)
            else:  # _reading, inlined: this runs for every cell of the sheet
                try:
                    outcome, notes = memo[value if value.__class__ is str else memo_key(value)]
                except (KeyError, TypeError):
                    outcome, notes = self._reading(column, value, memo)
            if notes or lump_sum is not None or applies is not None:  # the unusual cell
                outcome, notes = self._checked(column, value, outcome, notes, price_cells, lump_sum)
                for note in notes:
                    problems.append(self._problem(note, f"{column.letter}{number}", number))
                if outcome is None:
                    if notes:
                        unread.add(column.name)
                    continue
                if applies is not None and kind is ColumnKind.MARK and not notes:
                    notes = applies.out_of_range(column.name, outcome)
                    if notes:
                        note = notes[0]
                        problems.append(self._problem(note, f"{column.letter}{number}", number))
                        unread.add(column.name)
                        continue
            elif outcome is None:
                continue
            if kind is ColumnKind.FIELD:
                fields[column.name] = outcome
            elif kind is ColumnKind.DOCUMENT:
                documents[column.name] = outcome is True
            elif kind is ColumnKind.MARK:
                marks[column.name] = outcome  # type: ignore[assignment]
            else:
                comments[column.name.removesuffix("_comment")] = str(outcome)
        stray = self._stray(values, width)
        if stray:
            problems.append(self._stray_problem(stray, number))
        if self.jury:
            problems += self._jury_pair(fields, unread, number)
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
            jury_decision=_typed(fields.get(OfferField.JURY_DECISION), Decision),
            jury_reason=_typed(fields.get(OfferField.JURY_REASON), str),
            variant=_typed(fields.get(OfferField.VARIANT), str),
            round=_typed(fields.get(OfferField.ROUND), int) or 1,
            pse=pse or _NO_PSE,  # one shared empty mapping: most rows have no PSE
            address=_typed(fields.get(OfferField.ADDRESS), tuple) or (),
        )

    def _checked(
        self,
        column: Column,
        value: object,
        outcome: object,
        notes: tuple[_Note, ...],
        price_cells: frozenset[str],
        lump_sum: int | None,
    ) -> _Reading:
        """A cell's reading, corrected by what its row's lot says of the column: an empty price
        cell that the lot's price model does not use is no problem; a day rate or days in a
        lot priced as a lump sum is not read, and said."""
        name = column.name
        if name in _MAYBE_REQUIRED and name not in price_cells and notes:
            notes = tuple(n for n in notes if n.code != "missing-value")
        if lump_sum is not None and name in _DAY_RATE_CELLS and not is_blank(value):
            params = (("form", self.lump_sums[lump_sum]), ("lot", str(lump_sum)))
            field_part = ("field_part", f"field.{name}")
            return None, (_Note("not-for-lot", name, (*params, field_part)),)
        return outcome, notes

    def _pse_cell(
        self,
        column: Column,
        value: object,
        memo: _Memo | None,
        lot: int | None,
        row: int,
        pse: dict[str, Decimal],
        problems: list[Problem],
    ) -> None:
        """The amount HT of a PSE: read as any amount when the row's lot declares the PSE (an
        empty cell is judged across the lot's offers: :func:`.sheet_notes.pse_gaps`), a warning
        and not read when the lot does not declare it."""
        pse_id = pse_id_of(column.name) or ""
        cell = f"{column.letter}{row}"
        if is_blank(value):
            return
        if lot is not None and pse_id not in self.lot_pse.get(lot, frozenset()):
            by_lines = pse_id in self.lot_pse_lines.get(lot, frozenset())
            form = "pse-lines" if by_lines else "pse"
            params: Params = (("form", form), ("lot", str(lot)), ("pse", pse_id))
            problems.append(self._problem(_Note("not-for-lot", column.name, params), cell, row))
            return
        outcome, notes = self._reading(column, value, memo)
        for note in notes:
            problems.append(self._problem(note, cell, row))
        if isinstance(outcome, Decimal) and not notes:
            pse[pse_id] = outcome

    def _jury_pair(self, fields: dict[str, object], unread: set[str], row: int) -> list[Problem]:
        """A decision needs its reason (the letter to the candidate must state it): an error in
        the reason's cell, or in the decision's when the sheet has no reason column. A reason
        without a decision is only worth a look (a note such as « régularisée le 12/04 »)."""
        decision = fields.get(OfferField.JURY_DECISION)
        reason = fields.get(OfferField.JURY_REASON)
        decision_name, reason_name = OfferField.JURY_DECISION.value, OfferField.JURY_REASON.value
        if isinstance(decision, Decision) and reason is None and reason_name not in unread:
            params: Params = (("decision_part", f"decision.{decision.value}"),)
            if reason_name in self.letters:
                decision_cell = f"{self.letters[decision_name]}{row}"
                note = _Note(
                    "jury-reason-missing", reason_name, (*params, ("decision_cell", decision_cell))
                )
                return [self._problem(note, f"{self.letters[reason_name]}{row}", row)]
            note = _Note("jury-reason-missing", decision_name, (("form", "no-column"), *params))
            return [self._problem(note, f"{self.letters[decision_name]}{row}", row)]
        if reason is not None and decision is None and decision_name not in unread:
            note = _Note("jury-reason-alone", reason_name)
            return [self._problem(note, f"{self.letters[reason_name]}{row}", row)]
        return []

    def _stray(self, values: tuple[object, ...], width: int) -> list[int]:
        """The indexes of the row's values under no header: in a column whose header is blank,
        or right of the last header. Only the row's own cells are looked at, once each."""
        under_blank = self.unheaded[: bisect_left(self.unheaded, width)]
        right = range(len(self.raw.header), width)
        return [i for i in chain(under_blank, right) if not is_blank(values[i])]

    def _stray_problem(self, stray: list[int], number: int) -> Problem:
        """One warning for the row's values under no header, however many: a row of twenty
        thousand stray cells is one line to read, naming the first and the last."""
        first = f"{column_letter(stray[0] + 1)}{number}"
        if len(stray) == 1:
            return self._problem(_Note("no-header", None), first, number)
        last = f"{column_letter(stray[-1] + 1)}{number}"
        params = (("form", "several"), ("count", str(len(stray))), ("first", first), ("last", last))
        return self._problem(_Note("no-header", None, params), first, number)

    def _applicable(self, values: tuple[object, ...]) -> "_LotColumns | None":
        """What applies to the row's lot (None when the lot cannot be read: the row is already
        in error)."""
        assert self.per_lot is not None
        lot = self._lot_of(values)
        return None if lot is None else self.per_lot.get(lot)

    def _lot_of(self, values: tuple[object, ...]) -> int | None:
        """The row's lot, read ahead of its turn (None when it cannot be read)."""
        if self.lot_plan is None:
            return None
        column, memo = self.lot_plan
        value = values[column.index] if column.index < len(values) else None
        lot, _ = self._reading(column, value, memo)  # its notes are reported in the row's turn
        return lot if isinstance(lot, int) else None

    def _problem(self, note: _Note, cell: str, row: int) -> Problem:
        return Problem(
            note.code,
            params=note.params,
            file=self.raw.file,
            sheet=self.raw.sheet,
            cell=cell,
            row=row,
            field=note.field,
        )

    def _reading(self, column: Column, value: object, memo: _Memo | None) -> _Reading:
        """:meth:`_interpret`, remembered in ``memo`` (None for a column of free text) by
        :func:`memo_key`. Every distinct value is remembered, however many: a column holds no
        more of them than the sheet has rows, and a hundred thousand day rates hold some
        35 000 distinct ones, each read once instead of several times."""
        if memo is None:
            return self._interpret(column, value)
        key = memo_key(value)
        try:
            return memo[key]
        except KeyError:
            reading = memo[key] = self._interpret(column, value)
            return reading
        except TypeError:  # an unhashable value: read it every time
            return self._interpret(column, value)

    def _interpret(self, column: Column, value: object) -> _Reading:
        """What one cell of ``column`` holding ``value`` gives, and its problems (unplaced)."""
        name = column.name
        if value.__class__ is str:
            control = control_characters(value)  # before strip(), which drops some of them
            if control:
                return None, (_control_note(control, name),)
            value = value.strip() or None
        if value.__class__ is str and name in _COMPARED and column.kind is ColumnKind.FIELD:
            invisible = invisible_names(value)
            if invisible:  # read as if they were not there, and said
                shown = without_invisible(value).strip() or None
                outcome, notes = self._field(self.fields[column.index], shown and value)
                return outcome, (*notes, _invisible_note(invisible, name))
        if isinstance(value, ErrorCell):
            return None, (_Note("error-cell", name, (("error", value.text),)),)
        if isinstance(value, UncomputedFormula):
            return None, (_Note("formula-not-computed", name, (("formula", value.formula),)),)
        if column.kind is ColumnKind.DOCUMENT:
            return _parsed(parse_yes_no, value, name)
        if column.kind is ColumnKind.COMMENT:
            return (None if value is None else " ".join(str(value).split())), ()
        if column.kind is ColumnKind.MARK:
            return (None, ()) if value is None else _parsed(self.mark_parsers[name], value, name)
        if column.kind is ColumnKind.PSE:
            return _parsed(_AMOUNT_PARSERS[OfferField.PRICE_HT], value, name)
        return self._field(self.fields[column.index], value)

    def _field(self, which: OfferField, value: object) -> _Reading:
        name = which.value
        if value is None:
            if which in REQUIRED_FIELDS or which in MAYBE_REQUIRED:
                params = (("field_part", f"field.{name}"),)
                return None, (_Note("missing-value", name, params),)
            if which is OfferField.RECEIVED_AT:
                return None, (_Note("missing-value", name, (("form", "no-date"),)),)
            return None, ()
        if which is OfferField.ROUND:
            return _parsed(parse_round, value, name)
        if which in (OfferField.CANDIDATE, OfferField.JURY_REASON, OfferField.VARIANT):
            return " ".join(str(value).split()), ()
        if which is OfferField.ADDRESS:  # its lines, each with its spaces tidied
            lines = (" ".join(line.split()) for line in str(value).splitlines())
            return tuple(line for line in lines if line), ()
        if which is OfferField.JURY_DECISION:
            return _parsed(parse_decision, value, name)
        if which is OfferField.LOT:
            lot, notes = _parsed(parse_lot, value, name)
            if isinstance(lot, int) and lot not in self.lot_ids:
                known = ", ".join(str(i) for i in sorted(self.lot_ids))
                return None, (_Note("unknown-lot", name, (("lot", str(lot)), ("known", known))),)
            return lot, notes
        if which in _AMOUNT_PARSERS:
            return _parsed(_AMOUNT_PARSERS[which], value, name)
        if which is OfferField.VAT_RATE:
            rate, notes = _parsed(parse_rate, value, name)
            if isinstance(rate, Decimal) and rate not in USUAL_VAT_RATES:
                return rate, (_Note("unusual-vat-rate", name, (("rate_num", percent_raw(rate)),)),)
            return rate, notes
        return _parsed(parse_when, value, name)


@dataclass(frozen=True)
class _LotColumns:
    """The columns that apply to one lot: the marks of its set (each with its scale) and its
    documents; a value in another mark, comment or document column is refused."""

    lot: int
    marks: dict[str, tuple[str, Decimal]]  # leaf id → (its label, its scale in the lot's set)
    documents: frozenset[str]
    labels: dict[str, str]  # every mark and document column → its header, to name it

    def refusal(self, column: Column, value: object) -> _Note | None:
        """The problem of a value in a column that does not apply to the lot, if any."""
        if is_blank(value):
            return None
        if column.kind is ColumnKind.DOCUMENT:
            if column.name in self.documents:
                return None
            params: Params = (("form", "document"), ("lot", str(self.lot)))
            shown = self.labels.get(column.name, column.name)
            return _Note("not-for-lot", column.name, (*params, ("document", shown)))
        criterion = column.name.removesuffix("_comment")
        if criterion in self.marks:
            return None
        form = "mark" if column.kind is ColumnKind.MARK else "comment"
        label = self.labels.get(criterion, criterion)
        params = (("form", form), ("lot", str(self.lot)), ("criterion", label))
        return _Note("not-for-lot", column.name, params)

    def out_of_range(self, criterion: str, mark: object) -> tuple[_Note, ...]:
        """A mark within the largest scale of its criterion but above the lot's own."""
        if not isinstance(mark, Decimal) or criterion not in self.marks:
            return ()
        scale = self.marks[criterion][1]
        if mark > scale:
            params = (("found_num", str(mark)), ("scale_num", str(scale)))
            return (_Note("mark-out-of-range", criterion, params),)
        return ()


def _per_lot(config: Config) -> dict[int, _LotColumns]:
    # every column by its header in the template: a criterion's short label, a document's label
    names = config.column_names
    labels = {c.id: names.header(ColumnKind.MARK, c.id) for c in config.mark_columns}
    labels |= {d: names.header(ColumnKind.DOCUMENT, d) for d in config.document_columns}
    return {
        lot.id: _LotColumns(
            lot.id,
            {c.id: (c.label, c.scale) for c in config.criteria_for(lot.id).marked},
            frozenset(config.documents_for(lot.id)),
            labels,
        )
        for lot in config.lots
    }


def _stored_as(column: Column) -> str:
    """The key of a column's reading in its offer: a comment is its criterion's."""
    if column.kind is ColumnKind.COMMENT:
        return column.name.removesuffix("_comment")
    return column.name


def _is_true(outcome: object) -> bool:
    return outcome is True


def _same(outcome: object) -> object:
    return outcome


def _parsed(parser: Callable[[object], object], value: object, name: str) -> _Reading:
    try:
        return parser(value), ()
    except BadValue as bad:
        return None, (_Note(bad.code, name, bad.params),)


T = TypeVar("T")


def _typed(value: object, kind: type[T]) -> T | None:
    return value if isinstance(value, kind) else None


_MAYBE_REQUIRED = frozenset(f.value for f in MAYBE_REQUIRED)
# the names of the fields and kinds of columns, as plain values for the clean path's loop
_CANDIDATE, _LOT, _VARIANT = (
    f.value for f in (OfferField.CANDIDATE, OfferField.LOT, OfferField.VARIANT)
)
_DAY_RATE_HT, _DAYS = OfferField.DAY_RATE_HT.value, OfferField.DAYS.value
_VAT_RATE, _PRICE_HT = OfferField.VAT_RATE.value, OfferField.PRICE_HT.value
_RECEIVED_AT, _ROUND = OfferField.RECEIVED_AT.value, OfferField.ROUND.value
_JURY_DECISION, _JURY_REASON = OfferField.JURY_DECISION.value, OfferField.JURY_REASON.value
_ADDRESS = OfferField.ADDRESS.value
_FIELD, _DOCUMENT, _MARK = ColumnKind.FIELD, ColumnKind.DOCUMENT, ColumnKind.MARK
_NO_PSE: Mapping[str, Decimal] = MappingProxyType({})
_DAY_RATE_CELLS = frozenset(f.value for f in PRICE_FIELDS[PriceModel.DAY_RATE])

# the fields whose text is compared with other cells' (the same candidate twice, the lot limit)
_COMPARED = frozenset({OfferField.CANDIDATE.value, OfferField.LOT.value, OfferField.VARIANT.value})


def control_params(control: tuple[str, ...]) -> Params:
    """The parameters of ``control-character``: a cell holding characters no workbook can hold
    (``U+0007``, ``U+FFFE``), an error."""
    return (("form", "one" if len(control) == 1 else "several"), ("control", ", ".join(control)))


def invisible_params(invisible: tuple[str, ...]) -> Params:
    """The parameters of ``invisible-character``: a compared text holding invisible characters
    (``ZERO WIDTH SPACE (U+200B)``), a warning, since the comparison ignores them but nobody
    can see them."""
    form = "one" if len(invisible) == 1 else "several"
    return (("form", form), ("characters", ", ".join(invisible)))


def _control_note(control: tuple[str, ...], name: str) -> _Note:
    return _Note("control-character", name, control_params(control))


def _invisible_note(invisible: tuple[str, ...], name: str) -> _Note:
    return _Note("invisible-character", name, invisible_params(invisible))
