"""The prices sheet (``prix``, ``bpu``, ``dqe``, ``dpgf``, « bordereau des prix »): the lines of
the offers of lots priced line by line, in long form.

Each row gives a candidate, a lot, (a variant and a round, when the offers sheet uses them), a
line id, and the line's price: its unit price HT for a schedule lot (BPU × DQE; the quantity is
the DQE's, in ``lots.yaml``), its amount HT for a DPGF lot. A schedule row may also state the
line's amount (« Montant HT »): an amount that is not unit price × quantity is what explains an
arithmetic error. Rows are keyed generically, by the offer's identity (candidate as the offers
sheet compares it, lot, variant, round) and the line id, so that a line may later belong to
something else of the offer (a PSE) without changing the key.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from functools import lru_cache, partial

from referent_ess.base.normalise import control_characters, normalise
from referent_ess.base.values import (
    BadValue,
    Params,
    is_blank,
    parse_amount,
    parse_lot,
    parse_round,
)
from referent_ess.config.choices import PriceModel
from referent_ess.config.columns import ALIASES, SHOWN_NAMES, OfferField, column_letter, header_key
from referent_ess.config.model import Config
from referent_ess.intake.offer import StatedLine
from referent_ess.intake.rows import control_params
from referent_ess.intake.sheet import ErrorCell, RawSheet, UncomputedFormula
from referent_ess.problems.problem import Problem

PRICES_COLUMNS: dict[str, tuple[str, ...]] = {
    "candidate": (OfferField.CANDIDATE.value, *ALIASES[OfferField.CANDIDATE]),
    "lot": (OfferField.LOT.value, *ALIASES[OfferField.LOT]),
    "variant": (OfferField.VARIANT.value, *ALIASES[OfferField.VARIANT]),
    "round": (OfferField.ROUND.value, *ALIASES[OfferField.ROUND]),
    "line": (
        "line",
        "ligne",
        "n° de ligne",
        "numéro de ligne",
        "n° ligne",
        "n° de prix",
        "numéro de prix",
        "n° prix",
        "article",
        "poste",
        "line id",
    ),
    "unit_price": (
        "unit price HT",
        "unit_price",
        "unit price",
        "prix unitaire HT",
        "prix unitaire",
        "PU HT",
        "PU",
    ),
    "amount": (
        "amount HT",
        "amount",
        "montant HT",
        "montant",
        "prix total HT",
        "total HT",
        "montant de la ligne HT",
    ),
}
REQUIRED = ("candidate", "lot", "line")
# an offer's key: candidate and variant as the offers sheet compares them, lot, round
OfferKey = tuple[str, int, str, int]


@dataclass(frozen=True)
class PriceRow:
    """One row of the prices sheet, read."""

    row: int
    candidate: str
    lot: int
    variant: str | None
    round: int
    line: StatedLine


@dataclass
class OfferLines:
    """The lines the prices sheet gives one offer, by line id (first row kept)."""

    first: PriceRow
    lines: dict[str, StatedLine] = field(default_factory=dict)


@dataclass(frozen=True)
class PricesSheet:
    offers: dict[OfferKey, OfferLines]
    problems: tuple[Problem, ...]


_UNIT_PRICE = partial(parse_amount, what="unit-price")
_AMOUNT = partial(parse_amount, what="amount")


def line_key(value: object) -> str:
    """A line id as written: ``1.1`` (a number typed in a cell), ``A2``; a whole number without
    its ``.0``."""
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, Decimal):
        return format(value.normalize(), "f") if value == value.to_integral_value() else str(value)
    return " ".join(str(value).split())


def read_prices(raw: RawSheet, config: Config) -> PricesSheet:
    """Every row of the prices sheet, keyed by its offer and line; the problems of its cells."""
    problems: list[Problem] = []

    def report(code: str, cell: str | None, row: int, fld: str | None, params: Params) -> None:
        problems.append(
            Problem(
                code, params=params, file=raw.file, sheet=raw.sheet, cell=cell, row=row, field=fld
            )
        )

    positions = _header(raw, report)
    if any(name not in positions for name in REQUIRED) or (
        "unit_price" not in positions and "amount" not in positions
    ):
        return PricesSheet({}, tuple(problems))
    lots = {lot.id: lot for lot in config.lots}
    offers: dict[OfferKey, OfferLines] = {}
    letters = {name: column_letter(index + 1) for name, index in positions.items()}
    columns = tuple(positions.items())
    memo: dict[tuple[str, type, object], object] = {}  # lots, rounds and names repeat on every line
    params: Params
    number = 0
    row: dict[str, object] = {}

    def cell(name: str) -> str:
        return f"{letters[name]}{number}"

    def parsed(parser: Callable[[object], object], name: str) -> object:
        raw_value = row.get(name)
        key = (name, type(raw_value), raw_value) if name in _MEMOISED else None
        if key is not None and key in memo:
            return memo[key]
        if isinstance(raw_value, ErrorCell):  # said as in the offers sheet, with its cell
            report("error-cell", cell(name), number, name, (("error", raw_value.text),))
            return None
        if isinstance(raw_value, UncomputedFormula):
            params = (("formula", raw_value.formula),)
            report("formula-not-computed", cell(name), number, name, params)
            return None
        try:
            result = parser(raw_value)
        except BadValue as bad:
            report(bad.code, cell(name), number, name, bad.params)
            return None
        if key is not None and len(memo) < _MEMO_LIMIT:
            memo[key] = result
        return result

    for number, values in raw.rows:  # the two helpers above read it
        width = len(values)
        row = {}
        for name, index in columns:
            found = values[index] if index < width else None
            if found is not None and not (isinstance(found, str) and not found.strip()):
                row[name] = found

        if not ("candidate" in row or "unit_price" in row or "amount" in row):
            continue  # a line of the template's block, not filled in for any offer
        missing = [name for name in REQUIRED if name not in row]
        for name in missing:
            report("missing-value", cell(name), number, name, (("field_part", f"field.{name}"),))
        if missing or not _safe_text(row, cell, number, report):
            continue
        lot_id = parsed(parse_lot, "lot")
        if not isinstance(lot_id, int):
            continue
        lot = lots.get(lot_id)
        if lot is None:
            params = (("form", "prices"), ("lot", str(lot_id)))
            report("unknown-lot", cell("lot"), number, "lot", params)
            continue
        if not lot.price_model.has_lines:
            params = (
                ("form", "prices"),
                ("lot", str(lot_id)),
                ("model", lot.price_model.value),
            )
            report("not-for-lot", cell("lot"), number, "lot", params)
            continue
        round_number = parsed(parse_round, "round") if "round" in row else 1
        # a schedule line: its unit price (and the amount it states); a DPGF line: its amount
        price_name = "unit_price" if lot.price_model is PriceModel.SCHEDULE else "amount"
        if price_name not in row:
            where = cell(price_name) if price_name in positions else cell("line")
            params = (("field_part", f"field.{price_name}"),)
            report("missing-value", where, number, price_name, params)
            continue
        price = parsed(_UNIT_PRICE if price_name == "unit_price" else _AMOUNT, price_name)
        stated = None
        if price_name == "unit_price" and "amount" in row:
            stated = parsed(_AMOUNT, "amount")
        if not isinstance(price, Decimal) or not isinstance(round_number, int):
            continue
        candidate = _text(row["candidate"])
        variant_text = row.get("variant")
        variant = None if variant_text is None else _text(variant_text)
        where = cell(price_name)
        line = StatedLine(
            line_key(row["line"]),
            price,
            stated if isinstance(stated, Decimal) else None,
            f"{raw.name}!{where}" if raw.name else where,
            number,
        )
        key = (_key(candidate), lot_id, _key(variant or ""), round_number)
        lines_of = offers.get(key)
        if lines_of is None:
            entry = PriceRow(number, candidate, lot_id, variant, round_number, line)
            lines_of = offers[key] = OfferLines(entry)
        earlier = lines_of.lines.get(line.id)
        if earlier is not None:
            params = (
                ("line", line.id),
                ("candidate", repr(candidate)),
                ("lot", str(lot_id)),
                ("cell", earlier.cell),
                ("other", line.cell),
            )
            report("line-priced-twice", where, number, "line", params)
            continue
        lines_of.lines[line.id] = line
    return PricesSheet(offers, tuple(problems))


_TEXT_COLUMNS = ("candidate", "lot", "variant", "line")


def _safe_text(
    row: dict[str, object], cell: Callable[[str], str], number: int, report: "Report"
) -> bool:
    """A control character or a noncharacter in a text cell is an error: the row is not read."""
    safe = True
    for name in _TEXT_COLUMNS:
        text = row.get(name)
        if isinstance(text, str):
            control = control_characters(text)
            if control:
                report("control-character", cell(name), number, name, control_params(control))
                safe = False
    return safe


@lru_cache(maxsize=4096)
def _text(value: object) -> str:
    """A name as compared and shown: its spaces tidied (names repeat on every line)."""
    return " ".join(str(value).split())


@lru_cache(maxsize=4096)
def _key(text: str) -> str:
    return normalise(text)


_MEMOISED = frozenset({"lot", "round"})
_MEMO_LIMIT = 4096


def _header(raw: RawSheet, report: "Report") -> dict[str, int]:
    lookup = {
        header_key(alias): name for name, aliases in PRICES_COLUMNS.items() for alias in aliases
    }
    positions: dict[str, int] = {}
    for index, title in enumerate(raw.header):
        if is_blank(title):
            continue
        name = lookup.get(header_key(str(title)))
        if name is not None and name not in positions:
            positions[name] = index
    wanted = [*REQUIRED]
    if "unit_price" not in positions and "amount" not in positions:
        wanted.append("unit_price")
    for name in wanted:
        if name not in positions:
            aliases = ", ".join(repr(a) for a in PRICES_COLUMNS[name][:SHOWN_NAMES])
            params = (("form", "prices"), ("field", name), ("names", aliases))
            report("missing-column", None, 1, name, params)
    return positions


Report = Callable[[str, str | None, int, str | None, Params], None]
