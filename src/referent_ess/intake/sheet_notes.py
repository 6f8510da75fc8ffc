"""What is noticed across the rows of the offers sheet, not in one cell: the same candidate
twice on a lot, names that differ only by case or accents, hidden or merged rows and columns,
a hidden sheet."""

from datetime import date, datetime
from itertools import pairwise

from referent_ess.base.normalise import normalise
from referent_ess.base.values import Params
from referent_ess.config.columns import Column, OfferField, pse_column
from referent_ess.config.model import Config
from referent_ess.intake.offer import Offer
from referent_ess.intake.sheet import RawSheet
from referent_ess.problems.problem import Problem

RowNotes = dict[int, list[Problem]]  # row number → the problems noted on it
Identity = tuple[str, int, str]  # :attr:`.Offer.identity`
Versions = dict[Identity, list[Offer]]  # each identity's offers, in sheet order


def versions(offers: tuple[Offer, ...]) -> Versions:
    """The offers of each identity (candidate, lot, variant), in sheet order: grouped once for
    :func:`duplicates`, :func:`round_gaps` and :func:`round_order`, which look only at the
    identities with several rows, or with one row whose round is not 1."""
    groups: Versions = {}
    for offer in offers:
        identity = offer.identity
        if identity is not None:
            group = groups.get(identity)
            if group is None:
                groups[identity] = [offer]
            else:
                group.append(offer)
    return groups


def duplicates(groups: Versions, raw: RawSheet) -> RowNotes:
    """The same offer twice: one candidate's base offer, or its variant of one label, twice on
    a lot in the same negotiation round. Both rows are errors, each naming the other's cells.

    Found by hashing a normalised key, never by comparing rows pairwise."""
    notes: RowNotes = {}
    for group in groups.values():
        if len(group) < 2:
            continue  # most offers: one row, nothing twice
        by_round: dict[int, list[Offer]] = {}
        for offer in group:
            by_round.setdefault(offer.round, []).append(offer)
        for same in by_round.values():
            for offer in same if len(same) > 1 else ():
                notes.setdefault(offer.row, []).append(_duplicate(offer, same, raw))
    return notes


def _duplicate(offer: Offer, group: list[Offer], raw: RawSheet) -> Problem:
    """``duplicate-offer``: as before variants and rounds when the row has neither, else the
    form that names the variant and the round (on the round's cell, when there is one)."""
    rounds = OfferField.ROUND.value in offer.cells
    field = OfferField.ROUND if rounds else OfferField.CANDIDATE
    others = ", ".join(o.cells[field] for o in group if o is not offer)
    params: Params = (("candidate", repr(offer.candidate)), ("lot", str(offer.lot)))
    if offer.variant is not None:
        params = (("form", "variant-round" if rounds else "variant"), *params)
        params += (("variant", offer.variant),)
    elif rounds:
        params = (("form", "round"), *params)
    if rounds:
        params += (("round", str(offer.round)),)
    params += (("others", others),)
    if not rounds:
        return _row_problem(raw, offer, "duplicate-offer", params)
    cell = offer.cells[OfferField.ROUND]
    return Problem(
        "duplicate-offer",
        params=params,
        file=raw.file,
        sheet=raw.sheet,
        cell=cell,
        row=offer.row,
        field=OfferField.ROUND.value,
    )


def round_gaps(groups: Versions, raw: RawSheet) -> RowNotes:
    """The rounds of one offer (candidate, lot, variant) that skip a number (1 then 3), or that
    do not start at 1: a warning on the first row after the gap, naming the missing round."""
    notes: RowNotes = {}
    for group in groups.values():
        if len(group) == 1 and group[0].round == 1:
            continue  # most offers: one row, of round 1
        by_round: dict[int, Offer] = {}
        for offer in group:
            by_round.setdefault(offer.round, offer)
        previous = 0
        for number in sorted(by_round):
            if number > previous + 1:
                offer = by_round[number]
                params: Params = (
                    ("form", "after" if previous else "first"),
                    ("candidate", repr(offer.candidate)),
                    ("lot", str(offer.lot)),
                    ("round", str(number)),
                    ("missing", str(previous + 1)),
                )
                if previous:
                    params += (("previous", str(previous)),)
                problem = _row_problem(raw, offer, "round-gap", params, OfferField.ROUND)
                notes.setdefault(offer.row, []).append(problem)
            previous = number
    return notes


def round_order(groups: Versions, raw: RawSheet) -> RowNotes:
    """A round received before an earlier round of the same offer (round 2 on 3 March, round 1
    on 5 March): the round numbers or the dates are wrong, and the round evaluated (the latest
    by number) may not be the offer's last word. An error on the later round's date cell."""
    notes: RowNotes = {}
    for group in groups.values():
        if len(group) < 2:
            continue  # one row: no earlier round to compare with
        versions: list[tuple[int, date | datetime, Offer]] = []
        for offer in group:
            if offer.received_at is not None:
                versions.append((offer.round, offer.received_at, offer))
        versions.sort(key=lambda version: version[0])
        for (number, received, _), (later_number, later_received, later) in pairwise(versions):
            if later_number > number and _before(later_received, received):
                params: Params = (
                    ("candidate", repr(later.candidate)),
                    ("lot", str(later.lot)),
                    ("round", str(later_number)),
                    ("received_date", _iso(later_received)),
                    ("previous", str(number)),
                    ("previous_date", _iso(received)),
                )
                problem = _row_problem(raw, later, "round-order", params, OfferField.RECEIVED_AT)
                notes.setdefault(later.row, []).append(problem)
    return notes


def _before(one: date | datetime, other: date | datetime) -> bool:
    """``one`` strictly before ``other``: by the minute when both have a time, else by the day
    (a date without a time is the whole day)."""
    if isinstance(one, datetime) and isinstance(other, datetime):
        return one < other
    return _day(one) < _day(other)


def _day(moment: date | datetime) -> date:
    return moment.date() if isinstance(moment, datetime) else moment


def _iso(moment: date | datetime) -> str:
    return moment.strftime("%Y-%m-%d %H:%M") if isinstance(moment, datetime) else moment.isoformat()


def pse_gaps(offers: tuple[Offer, ...], raw: RawSheet, config: Config) -> RowNotes:
    """Each empty cell of a PSE the row's lot declares, when the sheet has the PSE's column: an
    error on that cell, naming the offers of the lot that priced it (or saying none did). A
    cell that holds an unreadable amount has its own error already."""
    notes: RowNotes = {}
    by_lot: dict[int, list[Offer]] = {}
    for offer in offers:  # grouped once: a sheet may hold many lots and many offers
        if offer.lot is not None:
            by_lot.setdefault(offer.lot, []).append(offer)
    for lot in config.lots:
        in_lot = by_lot.get(lot.id, [])
        for pse in lot.lump_sum_pse if in_lot else ():
            name = pse_column(pse.id)
            priced = [o for o in in_lot if pse.id in o.pse]
            others = ", ".join(f"{o.shown_name} ({o.cells[name]})" for o in priced[:_SHOWN])
            if len(priced) > _SHOWN:
                others += ", …"
            for offer in in_lot:
                if name not in offer.cells or pse.id in offer.pse or offer.has_error_in(name):
                    continue
                params: Params = (
                    ("form", "some" if priced else "none"),
                    ("lot", str(lot.id)),
                    ("pse", pse.id),
                    ("label", pse.label),
                )
                if priced:
                    params += (("others", others),)
                problem = Problem(
                    "pse-missing",
                    params=params,
                    file=raw.file,
                    sheet=raw.sheet,
                    cell=offer.cells[name],
                    row=offer.row,
                    field=name,
                )
                notes.setdefault(offer.row, []).append(problem)
    return notes


_SHOWN = 5  # the offers a missing PSE's message names, at most


def similar_names(offers: list[Offer], raw: RawSheet) -> RowNotes:
    """Names that differ only by case, spaces or accents: probably one candidate typed twice.

    The names spelt two ways are found first, each name with only its first spelling: most
    names of a large sheet are spelt one way, and their offers are not grouped at all."""
    first: dict[str, str] = {}  # each name, as people read it, with its first spelling
    several: set[str] = set()  # the names spelt more than one way
    for offer in offers:
        candidate = offer.candidate
        if candidate is not None:
            key = _name_key(offer, candidate)
            if first.setdefault(key, candidate) != candidate:
                several.add(key)
    spellings: dict[str, dict[str, Offer]] = {}
    for offer in offers if several else ():
        candidate = offer.candidate
        if candidate is not None:
            key = _name_key(offer, candidate)
            if key in several:
                spellings.setdefault(key, {}).setdefault(candidate, offer)
    notes: RowNotes = {}
    for variants in spellings.values():
        for name, offer in variants.items():
            others = ", ".join(
                f"{other!r} ({o.cells[OfferField.CANDIDATE]})"
                for other, o in variants.items()
                if other != name
            )
            params = (("name", repr(name)), ("others", others))
            problem = _row_problem(raw, offer, "similar-candidates", params)
            notes.setdefault(offer.row, []).append(problem)
    return notes


def _name_key(offer: Offer, candidate: str) -> str:
    """The offer's name as people read it: normalised once already, when it has a lot."""
    identity = offer.identity
    return normalise(candidate) if identity is None else identity[0]


def hidden_and_merged(offers: tuple[Offer, ...], raw: RawSheet) -> RowNotes:
    """Hidden rows (read all the same) and merged cells (the others read as empty)."""
    notes: RowNotes = {}
    if not raw.hidden_rows and not raw.merged:
        return notes  # most sheets
    rows = {offer.row for offer in offers}
    for row in raw.hidden_rows:
        if row in rows:
            problem = Problem("hidden-row", file=raw.file, sheet=raw.sheet, cell=f"A{row}", row=row)
            notes.setdefault(row, []).append(problem)
    for cells in raw.merged:
        first, _, last = cells.partition(":")
        top, bottom = _row_of(first), _row_of(last or first)
        for row in range(max(top, 2), bottom + 1):
            if row in rows:
                problem = Problem(
                    "merged-cells",
                    params=(("cells", cells), ("first", first)),
                    file=raw.file,
                    sheet=raw.sheet,
                    cell=first,
                    row=row,
                )
                notes.setdefault(row, []).append(problem)
    return notes


def sheet_notes(raw: RawSheet, columns: list[Column]) -> list[Problem]:
    """What is true of the whole sheet: hidden, merged header cells, hidden columns."""
    notes: list[Problem] = []
    if raw.hidden:
        params: Params = (("name", repr(raw.name)),)
        notes.append(Problem("hidden-sheet", params=params, file=raw.file, sheet=raw.sheet))
    for cells in raw.merged:
        first = cells.partition(":")[0]
        if _row_of(first) == 1:
            notes.append(
                Problem(
                    "merged-cells",
                    params=(("form", "header"), ("cells", cells)),
                    file=raw.file,
                    sheet=raw.sheet,
                    cell=first,
                    row=1,
                )
            )
    used = {c.letter: c for c in columns}
    for letter in raw.hidden_columns:
        if letter in used:
            column = used[letter]  # named by its header as written, not its internal name
            notes.append(
                Problem(
                    "hidden-column",
                    params=(("letter", letter), ("field", " ".join(column.header.split()))),
                    file=raw.file,
                    sheet=raw.sheet,
                    cell=f"{letter}1",
                    row=1,
                    field=column.name,
                )
            )
    return notes


def _row_of(cell: str) -> int:
    return int("".join(c for c in cell if c.isdigit()) or 0)


def _row_problem(
    raw: RawSheet,
    offer: Offer,
    code: str,
    params: Params,
    field: OfferField = OfferField.CANDIDATE,
) -> Problem:
    """A problem of a whole row, placed on the cell of ``field`` (its candidate's, unless the
    problem is of another cell of the row)."""
    return Problem(
        code,
        params=params,
        file=raw.file,
        sheet=raw.sheet,
        cell=offer.cells[field],
        row=offer.row,
        field=field.value,
    )
