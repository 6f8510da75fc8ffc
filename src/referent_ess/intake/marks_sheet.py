"""Several evaluators: the ``marks`` sheet (``notes``), one mark per evaluator, in long form.

Each row gives a candidate, a lot, a criterion, an evaluator and a mark (and a comment), and,
optionally, the variant and the negotiation round it marks (``Variante``, ``Tour``, matched like
the offers sheet's: empty is the base offer, round 1). When the sheet is there it replaces the
mark columns of the offers sheet. The marks of one offer and
criterion are aggregated exactly (mean or median, as fractions); each evaluator's mark is kept.
When the evaluators' marks spread more than ``marks_divergence`` (default 40 % of the scale), the
offer gets a warning listing them: these are the marks a jury must discuss before signing.
"""

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from fractions import Fraction
from statistics import median

from referent_ess.base.normalise import control_characters, invisible_names, normalise
from referent_ess.base.values import (
    BadValue,
    Params,
    is_blank,
    parse_lot,
    parse_number,
    parse_round,
)
from referent_ess.config.choices import MarksAggregate
from referent_ess.config.columns import (
    ALIASES,
    SHOWN_NAMES,
    ColumnKind,
    OfferField,
    column_letter,
    header_key,
)
from referent_ess.config.model import Config, Criterion
from referent_ess.intake.mark_value import mark_parser
from referent_ess.intake.rows import control_params, invisible_params
from referent_ess.intake.sheet import RawSheet
from referent_ess.problems.problem import Problem

MARKS_COLUMNS: dict[str, tuple[str, ...]] = {
    "candidate": (OfferField.CANDIDATE.value, *ALIASES[OfferField.CANDIDATE]),
    "lot": (OfferField.LOT.value, *ALIASES[OfferField.LOT]),
    "criterion": ("criterion", "critère"),
    "evaluator": ("evaluator", "évaluateur", "évaluatrice", "membre du jury", "jury"),
    "mark": ("mark", "note"),
    "comment": ("comment", "commentaire"),
    "variant": (OfferField.VARIANT.value, *ALIASES[OfferField.VARIANT]),
    "round": (OfferField.ROUND.value, *ALIASES[OfferField.ROUND]),
}
REQUIRED = ("candidate", "lot", "criterion", "evaluator", "mark")
MarksKey = tuple[str, int, str, int]  # normalised candidate, lot, normalised variant, round
# the jury's decision and its reason, which only the offers sheet holds
_JURY_HEADERS = frozenset(
    header_key(name)
    for field in (OfferField.JURY_DECISION, OfferField.JURY_REASON)
    for name in (field.value, *ALIASES[field])
)


@dataclass(frozen=True)
class MarkEntry:
    row: int
    candidate: str
    lot: int
    criterion: str
    evaluator: str
    mark: Decimal
    comment: str | None
    cell: str  # the mark's cell
    variant: str | None = None  # the variant marked; None: the base offer
    round: int = 1  # the negotiation round marked


@dataclass
class OfferMarks:
    """Everything the marks sheet says about one offer."""

    by_criterion: dict[str, dict[str, MarkEntry]] = field(default_factory=dict)

    def aggregate(self, criterion: str, how: MarksAggregate) -> Fraction:
        marks = [Fraction(e.mark) for e in self.by_criterion[criterion].values()]
        if how is MarksAggregate.MEDIAN:
            return Fraction(median(marks))
        return sum(marks, Fraction(0)) / len(marks)


@dataclass(frozen=True)
class MarksSheet:
    """The marks sheet read: entries per offer (:data:`MarksKey`), the evaluators, problems."""

    offers: dict[MarksKey, OfferMarks]
    evaluators: tuple[str, ...]
    problems: tuple[Problem, ...]


def read_marks(raw: RawSheet, config: Config) -> MarksSheet:
    problems: list[Problem] = []

    def report(
        code: str, cell: str | None, row: int | None, fld: str | None, params: Params
    ) -> None:
        problems.append(
            Problem(
                code,
                params=params,
                file=raw.file,
                sheet=raw.sheet,
                cell=cell,
                row=row,
                field=fld,
            )
        )

    positions = _header(raw, report)
    if any(name not in positions for name in REQUIRED):
        return MarksSheet({}, (), tuple(problems))
    # a criterion is named by its id, its short label or its label: those of the marked leaves
    # of every set (the template's list offers its header: the short label, else the label)
    names = config.column_names
    criteria: dict[str, Criterion] = {}
    for criteria_set in config.sets_in_use:
        for known in criteria_set.marked:
            criteria.setdefault(header_key(known.id), known)
    for criteria_set in config.sets_in_use:
        for known in criteria_set.marked:
            for name in _names(known):
                criteria.setdefault(header_key(name), known)
    lots = {lot.id for lot in config.lots}
    offers: dict[MarksKey, OfferMarks] = {}
    evaluators: dict[str, str] = {}  # normalised → as first written
    for number, values in raw.rows:

        def cell(name: str, number: int = number) -> str:
            return f"{column_letter(positions[name] + 1)}{number}"

        def value(name: str, values: tuple[object, ...] = values) -> object:
            index = positions.get(name)
            found = values[index] if index is not None and index < len(values) else None
            return None if is_blank(found) else found

        missing = [name for name in REQUIRED if value(name) is None]
        for name in missing:
            report("missing-value", cell(name), number, name, (("field_part", f"field.{name}"),))
        if missing or not _safe_text(value, cell, number, report):
            continue
        lot = _parsed(parse_lot, value("lot"), _at(report, cell("lot"), number, "lot"))
        named = header_key(str(value("criterion")))
        criterion = criteria.get(named)
        if isinstance(lot, int) and lot in lots and criterion is not None:
            criterion = _in_lot(config.criteria_for(lot).marked, named)
            if criterion is None:
                shown = names.header(ColumnKind.MARK, criteria[named].id)
                params: Params = (("form", "marks"), ("lot", str(lot)), ("criterion", shown))
                report("not-for-lot", cell("criterion"), number, "criterion", params)
                continue
        if criterion is None:
            ids = ", ".join(names.header(ColumnKind.MARK, c.id) for c in config.mark_columns)
            report(
                "unknown-criterion",
                cell("criterion"),
                number,
                "criterion",
                (("found", repr(value("criterion"))), ("ids", ids)),
            )
        parser = (
            parse_number
            if criterion is None
            else mark_parser(criterion.scale, criterion.descriptors)
        )
        mark = _parsed(parser, value("mark"), _at(report, cell("mark"), number, "mark"))
        if isinstance(lot, int) and lot not in lots:
            params = (("form", "marks"), ("lot", str(lot)))
            report("unknown-lot", cell("lot"), number, "lot", params)
            lot = None
        round_number: object = 1
        if value("round") is not None:
            round_number = _parsed(
                parse_round, value("round"), _at(report, cell("round"), number, "round")
            )
        if (
            not isinstance(lot, int)
            or criterion is None
            or not isinstance(mark, Decimal)
            or not isinstance(round_number, int)
        ):
            continue
        candidate = " ".join(str(value("candidate")).split())
        variant = None if value("variant") is None else " ".join(str(value("variant")).split())
        evaluator = " ".join(str(value("evaluator")).split())
        evaluators.setdefault(normalise(evaluator), evaluator)
        comment = value("comment")
        entry = MarkEntry(
            number,
            candidate,
            lot,
            criterion.id,
            evaluators[normalise(evaluator)],
            mark,
            None if comment is None else " ".join(str(comment).split()),
            cell("mark"),
            variant,
            round_number,
        )
        key = (normalise(candidate), lot, normalise(variant or ""), round_number)
        marks = offers.setdefault(key, OfferMarks())
        slot = marks.by_criterion.setdefault(criterion.id, {})
        earlier = slot.get(entry.evaluator)
        if earlier is not None:
            report(
                "duplicate-mark",
                entry.cell,
                number,
                "mark",
                (
                    ("evaluator", entry.evaluator),
                    ("candidate", repr(candidate)),
                    ("criterion", names.header(ColumnKind.MARK, criterion.id)),
                    ("elsewhere", earlier.cell or ""),
                ),
            )
            continue
        slot[entry.evaluator] = entry
    return MarksSheet(offers, tuple(evaluators.values()), tuple(problems))


def _names(criterion: Criterion) -> tuple[str, ...]:
    """What a row may call a criterion besides its id: its short label, its label."""
    return tuple(n for n in (criterion.short_label, criterion.label) if n)


def _in_lot(marked: tuple[Criterion, ...], named: str) -> Criterion | None:
    """The marked leaf of the lot's set that ``named`` (a header key) names, by id, short label
    or label (an id first)."""
    by_id = next((c for c in marked if named == header_key(c.id)), None)
    if by_id is not None:
        return by_id
    return next((c for c in marked if named in {header_key(n) for n in _names(c)}), None)


_TEXT_COLUMNS = ("candidate", "lot", "criterion", "evaluator", "variant", "comment")
_COMPARED = frozenset(_TEXT_COLUMNS[:-1])  # matched with the offers sheet and the criteria


def _safe_text(
    value: Callable[[str], object], cell: Callable[[str], str], row: int, report: "Report"
) -> bool:
    """Whether the row's text cells can be read: a control character or a noncharacter is an
    error (the row is not read), an invisible character in a compared text a warning."""
    safe = True
    for name in _TEXT_COLUMNS:
        text = value(name)
        if not isinstance(text, str):
            continue
        control = control_characters(text)
        if control:
            report("control-character", cell(name), row, name, control_params(control))
            safe = False
        elif name in _COMPARED and invisible_names(text):
            params = invisible_params(invisible_names(text))
            report("invisible-character", cell(name), row, name, params)
    return safe


def _header(raw: RawSheet, report: "Report") -> dict[str, int]:
    lookup = {
        header_key(alias): name for name, aliases in MARKS_COLUMNS.items() for alias in aliases
    }
    positions: dict[str, int] = {}
    for index, title in enumerate(raw.header):
        if is_blank(title):
            continue
        name = lookup.get(header_key(str(title)))
        if name is not None and name not in positions:
            positions[name] = index
        elif name is None and header_key(str(title)) in _JURY_HEADERS:
            # a decision typed here would be lost without a word: it belongs to the offer's row
            params = (("header", repr(str(title).strip())),)
            report("jury-column-in-marks", f"{column_letter(index + 1)}1", 1, None, params)
    for name in REQUIRED:
        if name not in positions:
            aliases = ", ".join(repr(a) for a in MARKS_COLUMNS[name][:SHOWN_NAMES])
            report(
                "missing-column",
                None,
                1,
                name,
                (("form", "marks"), ("field", name), ("names", aliases)),
            )
    return positions


Report = Callable[[str, str | None, int | None, str | None, Params], None]
Located = Callable[[str, Params], None]


def _at(report: Report, cell: str, row: int, name: str) -> Located:
    """``report`` with the place filled in, for a parser's code and parameters."""

    def located(code: str, params: Params) -> None:
        report(code, cell, row, name, params)

    return located


def _parsed(parser: Callable[[object], object], value: object, report: Located) -> object:
    try:
        return parser(value)
    except BadValue as bad:
        report(bad.code, bad.params)
        return None


def divergence(entries: Sequence[MarkEntry], threshold: Decimal, shown: str) -> Params | None:
    """The parameters of ``marks-divergence``, if the marks spread more than ``threshold``: the
    jury must discuss them (``shown``: the criterion as the template names it)."""
    marks = [e.mark for e in entries]
    if len(marks) < 2 or max(marks) - min(marks) <= threshold:
        return None
    spread = max(marks) - min(marks)
    return (
        ("criterion", shown),
        ("spread_num", str(spread)),
        ("threshold_num", str(threshold)),
        ("listed_marks", json.dumps([[e.evaluator, str(e.mark)] for e in entries])),
    )
