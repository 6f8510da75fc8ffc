"""The prices sheet merged into the offers: each offer of a lot priced line by line (schedule or
DPGF) gets its lines, in the order of the lot's lines in ``lots.yaml``, and what does not fit is
said where it is: a line of the lot the offer does not price (an error on the offer's row, naming
the line), an offer with no line at all (an error), a line the lot does not have (a warning on
its cell), prices for no offer of the offers sheet (an error on their first cell)."""

from dataclasses import replace
from typing import TYPE_CHECKING

from referent_ess.base.normalise import normalise
from referent_ess.base.values import Params
from referent_ess.config.model import Config, Lot
from referent_ess.intake.offer import Offer, StatedLine
from referent_ess.intake.sheet import RawSheet
from referent_ess.problems.problem import Problem

if TYPE_CHECKING:
    from referent_ess.intake.prices_sheet import OfferKey, OfferLines, PricesSheet


def apply_prices_sheet(
    offers: tuple[Offer, ...], raw: RawSheet, config: Config
) -> tuple[tuple[Offer, ...], list[Problem]]:
    """The offers with their lines, and the problems of the prices sheet itself."""
    lined = {lot.id: lot for lot in config.lots if lot.price_model.has_lines}
    if not lined:
        return offers, []
    if raw.prices_sheet is None:
        if not any(o.lot in lined for o in offers):
            return offers, []
        params = (
            ("form", "workbook" if raw.workbook else "csv"),
            ("lots", ", ".join(str(i) for i in sorted(lined))),
        )
        return offers, [
            Problem("prices-sheet-missing", params=params, file=raw.file, sheet=raw.sheet)
        ]
    # imported when a workbook has a prices sheet: a start-up cost for every other run
    from referent_ess.intake.prices_sheet import read_prices

    sheet = read_prices(raw.prices_sheet, config)
    problems = list(sheet.problems)
    used: set[OfferKey] = set()
    updated = []
    for offer in offers:
        lot = lined.get(offer.lot) if offer.lot is not None else None
        identity = offer.identity
        if lot is None or identity is None:
            updated.append(offer)
            continue
        key = (*identity, offer.round)
        used.add(key)
        found = sheet.offers.get(key)
        updated.append(_with_lines(offer, lot, found, raw))
        if found is not None:
            problems += _extra_lines(found, lot, raw.prices_sheet)
    problems += _unmatched(sheet, used, raw.prices_sheet)
    return _pse_gaps(tuple(updated), lined, raw), problems


def _with_lines(offer: Offer, lot: Lot, found: "OfferLines | None", raw: RawSheet) -> Offer:
    """``offer`` with its lines in the lot's order, and an error for each line it lacks (or
    one for no line at all)."""
    cell = offer.cells.get("candidate")

    def problem(code: str, params: Params) -> Problem:
        return Problem(
            code,
            params=params,
            file=raw.file,
            sheet=raw.sheet,
            cell=cell,
            row=offer.row,
            field="candidate",
        )

    if found is None:
        return replace(
            offer, problems=(*offer.problems, problem("no-lines", (("lot", str(lot.id)),)))
        )
    lines: list[StatedLine] = []
    missing: list[Problem] = []
    # a PSE priced by none of its lines is said once, across the lot's offers (_pse_gaps)
    unpriced = {
        line.id
        for pse in lot.pse
        if pse.lines and not any(line.id in found.lines for line in pse.lines)
        for line in pse.lines
    }
    for line in lot.all_lines:
        stated = found.lines.get(line.id)
        if stated is None and line.id in unpriced:
            continue
        if stated is None:
            params = (
                ("candidate", repr(offer.shown_name)),
                ("lot", str(lot.id)),
                ("line", line.id),
                ("label", line.label),
            )
            missing.append(problem("line-missing", params))
        else:
            lines.append(stated)
    return replace(offer, lines=tuple(lines), problems=(*offer.problems, *missing))


def _extra_lines(found: "OfferLines", lot: Lot, prices: RawSheet) -> list[Problem]:
    """The lines an offer prices that the lot does not have: not counted, and said."""
    known = {line.id for line in lot.all_lines}
    listed = ", ".join(line.id for line in lot.all_lines)
    return [
        Problem(
            "line-not-in-lot",
            params=(("line", stated.id), ("lot", str(lot.id)), ("known", listed)),
            file=prices.file,
            sheet=prices.sheet,
            cell=stated.cell.rpartition("!")[2],
            row=stated.row,
            field="line",
        )
        for stated in found.lines.values()
        if stated.id not in known
    ]


def _unmatched(sheet: "PricesSheet", used: "set[OfferKey]", prices: RawSheet) -> list[Problem]:
    """The prices for no offer of the offers sheet: a name, a lot, a variant or a round
    mistyped."""
    problems = []
    for key, found in sheet.offers.items():
        if key in used:
            continue
        first = found.first
        params: Params = (("candidate", repr(first.candidate)), ("lot", str(first.lot)))
        if first.variant is not None and normalise(first.variant):
            params = (("form", "prices-variant"), *params, ("variant", repr(first.variant)))
        else:
            params = (("form", "prices"), *params)
        params += (("round", str(first.round)),)
        problems.append(
            Problem(
                "no-such-offer",
                params=params,
                file=prices.file,
                sheet=prices.sheet,
                cell=first.line.cell.rpartition("!")[2],
                row=first.row,
                field="candidate",
            )
        )
    return problems


_SHOWN = 5  # the offers a missing PSE's message names, at most


def _pse_gaps(offers: tuple[Offer, ...], lined: dict[int, Lot], raw: RawSheet) -> tuple[Offer, ...]:
    """Each offer (with lines) that prices none of the lines of a PSE priced by lines: an error
    on its row naming the offers of the lot that priced it (or saying none did)."""
    by_lot: dict[int, list[Offer]] = {}
    for offer in offers:
        if offer.lot in lined and offer.lines is not None:
            by_lot.setdefault(offer.lot, []).append(offer)
    added: dict[int, list[Problem]] = {}
    for lot_id, in_lot in by_lot.items():
        lot = lined[lot_id]
        for pse in lot.pse:
            if not pse.lines:
                continue
            ids = {line.id for line in pse.lines}
            cells = {
                id(o): next((s.cell for s in o.lines or () if s.id in ids), None) for o in in_lot
            }
            priced = [o for o in in_lot if cells[id(o)] is not None]
            others = ", ".join(f"{o.shown_name} ({cells[id(o)]})" for o in priced[:_SHOWN])
            if len(priced) > _SHOWN:
                others += ", …"
            for offer in in_lot:
                if cells[id(offer)] is not None:
                    continue
                params: Params = (
                    ("form", "lines-some" if priced else "lines-none"),
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
                    cell=offer.cells.get("candidate"),
                    row=offer.row,
                    field="candidate",
                )
                added.setdefault(id(offer), []).append(problem)
    return tuple(
        replace(o, problems=(*o.problems, *added[id(o)])) if id(o) in added else o for o in offers
    )
