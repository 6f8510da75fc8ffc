"""The columns of the offers sheet and the header names a buyer may use for them.

Matching ignores case, accents, surrounding spaces and treats `` ``, ``_``, ``-``, ``'`` alike
(see :func:`referent_ess.text.normalise`).
"""

from dataclasses import dataclass
from enum import StrEnum

from referent_ess.text import normalise


class Field(StrEnum):
    CANDIDATE = "candidate"
    LOT = "lot"
    DAY_RATE_HT = "day_rate_ht"
    DAYS = "days"
    VAT_RATE = "vat_rate"
    PRICE_HT = "price_ht"
    RECEIVED_AT = "received_at"


REQUIRED_FIELDS: tuple[Field, ...] = (Field.CANDIDATE, Field.LOT, Field.DAY_RATE_HT, Field.DAYS)

ALIASES: dict[Field, tuple[str, ...]] = {
    Field.CANDIDATE: ("candidat", "structure", "prestataire", "soumissionnaire"),
    Field.LOT: ("n° lot", "numero de lot", "numéro de lot", "n° de lot"),
    Field.DAY_RATE_HT: (
        "cout journalier ht",
        "taux journalier ht",
        "prix journalier ht",
        "tjm ht",
    ),
    Field.DAYS: ("jours", "nombre de jours", "nb jours"),
    Field.VAT_RATE: ("tva", "taux tva", "taux de tva"),
    Field.PRICE_HT: ("montant ht", "prix ht", "forfait ht"),
    Field.RECEIVED_AT: ("date de reception", "recu le"),
}

STANDARD_NAMES: dict[str, str] = {
    normalise(name): f"the {field.value} column"
    for field in Field
    for name in (field.value, *ALIASES[field])
}


class ColumnKind(StrEnum):
    FIELD = "field"
    DOCUMENT = "document"
    MARK = "mark"


@dataclass(frozen=True)
class Column:
    """What one header cell of the sheet stands for."""

    kind: ColumnKind
    name: str  # a Field value, a document id or a criterion id
    index: int  # 0-based column index in the sheet
    letter: str  # column letter, e.g. "D"
    header: str  # the header as typed in the sheet


def header_lookup(
    documents: tuple[str, ...], marked: tuple[str, ...]
) -> dict[str, tuple[ColumnKind, str]]:
    """Normalised header → (kind, canonical name) for every column the sheet may have."""
    lookup: dict[str, tuple[ColumnKind, str]] = {}
    for field in Field:
        for name in (field.value, *ALIASES[field]):
            lookup[normalise(name)] = (ColumnKind.FIELD, field.value)
    for document in documents:
        lookup[normalise(document)] = (ColumnKind.DOCUMENT, document)
    for criterion in marked:
        lookup[normalise(criterion)] = (ColumnKind.MARK, criterion)
    return lookup


def column_letter(index: int) -> str:
    """The spreadsheet letter of a 1-based column index: 1 → A, 27 → AA."""
    letters = ""
    while index > 0:
        index, remainder = divmod(index - 1, 26)
        letters = chr(ord("A") + remainder) + letters
    return letters
