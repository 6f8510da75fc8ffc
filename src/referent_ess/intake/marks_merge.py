"""The evaluators' marks sheet merged into the offers: each offer's marks replaced by the
aggregate of its evaluators' marks, and what does not fit said (a mark given twice, an
evaluator missing, marks that spread too far, a row of the marks sheet for no offer)."""

from dataclasses import replace
from decimal import Decimal
from fractions import Fraction

from referent_ess.base.normalise import normalise
from referent_ess.config.columns import Column, ColumnKind
from referent_ess.config.model import Config
from referent_ess.intake.marks_sheet import (
    MarksKey,
    MarksSheet,
    OfferMarks,
    divergence,
    read_marks,
)
from referent_ess.intake.offer import Offer
from referent_ess.intake.sheet import RawSheet
from referent_ess.problems.problem import Problem


def apply_marks_sheet(
    offers: tuple[Offer, ...], raw: RawSheet, columns: list[Column], config: Config
) -> tuple[tuple[Offer, ...], list[Problem]]:
    """Replace the offers' marks by the evaluators' marks of the marks sheet, aggregated.

    The marks of an offer are those of its candidate, lot, variant and round. A round that has
    none takes those of the latest earlier round of the same offer that has some, and says so
    (``marks-carried-over``): in a negotiation the technical marks are re-assessed only when the
    offer changed, and the buyer re-assesses them by giving the later round its own rows."""
    assert raw.marks_sheet is not None
    sheet = read_marks(raw.marks_sheet, config)
    problems = [*sheet.problems, *_ignored_columns(raw, columns)]
    rounds_of: dict[tuple[str, int, str], dict[int, MarksKey]] = {}
    for marks_key in sheet.offers:
        rounds_of.setdefault(marks_key[:3], {})[marks_key[3]] = marks_key
    used: set[MarksKey] = set()
    updated = []
    for offer in offers:
        identity = offer.identity or (  # computed once per offer, when it has one
            normalise(offer.candidate or ""),
            offer.lot or 0,
            normalise(offer.variant or ""),
        )
        marked = rounds_of.get(identity, {})
        key = marked.get(offer.round)
        carried: int | None = None
        if key is None:
            earlier = [number for number in marked if number < offer.round]
            if earlier:
                carried = max(earlier)
                key = marked[carried]
        marks_of = None if key is None else sheet.offers[key]
        if key is not None and carried is None:
            used.add(key)
        result = _with_marks(offer, marks_of, sheet, raw, config)
        if carried is not None:
            result = replace(result, problems=(*result.problems, _carried(offer, carried, raw)))
        updated.append(result)
    problems += _unmatched(sheet, used, raw)
    return tuple(updated), problems


def _carried(offer: Offer, carried: int, raw: RawSheet) -> Problem:
    """The warning of an offer of round N marked with an earlier round's marks."""
    return Problem(
        "marks-carried-over",
        params=(("round", str(offer.round)), ("from_round", str(carried))),
        file=raw.file,
        sheet=raw.sheet,
        cell=offer.cells.get("round"),
        row=offer.row,
        field="round",
    )


def _ignored_columns(raw: RawSheet, columns: list[Column]) -> list[Problem]:
    """The mark columns of the offers sheet, which the marks sheet replaces."""
    assert raw.marks_sheet is not None
    sheet = repr(raw.marks_sheet.name)
    return [
        Problem(
            "marks-column-ignored",
            params=(("sheet", sheet), ("column", repr(header))),
            file=raw.file,
            sheet=raw.sheet,
        )
        for _, header in sorted({(c.name, c.header) for c in columns if c.kind is ColumnKind.MARK})
    ]


def _with_marks(
    offer: Offer, marks_of: OfferMarks | None, sheet: MarksSheet, raw: RawSheet, config: Config
) -> Offer:
    """``offer`` with its evaluators' marks, each criterion's aggregate, the evaluators who did
    not mark it, their comments, and the problems of its marks."""
    assert raw.marks_sheet is not None
    extra: list[Problem] = []
    marks: dict[str, Decimal | Fraction] = {}
    by_evaluator: dict[str, dict[str, Decimal]] = {}
    missing: dict[str, tuple[str, ...]] = {}
    comments = dict(offer.comments)
    for criterion in config.criteria_for(offer.lot).marked:
        shown = config.column_names.header(ColumnKind.MARK, criterion.id)  # as the sheet heads it
        entries = marks_of.by_criterion.get(criterion.id, {}) if marks_of else {}
        if criterion.id in offer.marks and entries:
            elsewhere = f"{raw.marks_sheet.name}!{next(iter(entries.values())).cell}"
            extra.append(
                Problem(
                    "mark-given-twice",
                    params=(("criterion", shown), ("elsewhere", elsewhere)),
                    file=raw.file,
                    sheet=raw.sheet,
                    cell=offer.cells.get(criterion.id),
                    row=offer.row,
                    field=criterion.id,
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
            threshold = criterion.scale * Decimal("0.4")
        spread = divergence(list(entries.values()), threshold, shown)
        if spread is not None:
            extra.append(
                Problem(
                    "marks-divergence",
                    params=spread,
                    file=raw.file,
                    sheet=raw.marks_sheet.name,
                    cell=next(iter(entries.values())).cell,
                    row=offer.row,
                    field=criterion.id,
                )
            )
    return replace(
        offer,
        marks=marks,
        evaluator_marks=by_evaluator,
        missing_evaluators=missing,
        comments=comments,
        problems=offer.problems + tuple(extra),
    )


def _unmatched(sheet: MarksSheet, used: set[MarksKey], raw: RawSheet) -> list[Problem]:
    """The (candidate, lot, variant, round) of the marks sheet that no offer has: a name, a
    lot, a variant or a round mistyped."""
    assert raw.marks_sheet is not None
    problems = []
    for key, marks_of in sheet.offers.items():
        if key in used:
            continue
        entry = next(e for entries in marks_of.by_criterion.values() for e in entries.values())
        params: tuple[tuple[str, str], ...] = (
            ("candidate", repr(entry.candidate)),
            ("lot", str(entry.lot)),
        )
        if entry.variant is not None and entry.round > 1:
            form = "variant-round"
        elif entry.variant is not None:
            form = "variant"
        else:
            form = "round" if entry.round > 1 else ""
        if form:
            params = (("form", form), *params)
        if entry.variant is not None:
            params += (("variant", entry.variant),)
        if entry.round > 1:
            params += (("round", str(entry.round)),)
        problems.append(
            Problem(
                "no-such-offer",
                params=params,
                file=raw.file,
                sheet=raw.marks_sheet.name,
                cell=entry.cell,
                row=entry.row,
                field="candidate",
            )
        )
    return problems
