"""The columns of the offers sheet and the header names a buyer may use for them.

Matching ignores case, accents, surrounding spaces and punctuation such as ``( ) . % €``, and
treats `` ``, ``_``, ``-``, ``'`` alike: ``Coût journalier H.T.``, ``cout_journalier_ht`` and
``TVA (%)`` are recognised. A header that nearly matches a known one (``Candidta``) is reported
with the name it probably means.
"""

import difflib
import re
from dataclasses import dataclass
from enum import StrEnum
from typing import Final

from referent_ess.base.normalise import normalise


class OfferField(StrEnum):
    CANDIDATE = "candidate"
    LOT = "lot"
    DAY_RATE_HT = "day_rate_ht"
    DAYS = "days"
    VAT_RATE = "vat_rate"
    PRICE_HT = "price_ht"
    RECEIVED_AT = "received_at"
    JURY_DECISION = "jury_decision"  # irrégulière, inacceptable or inappropriée (intake.jury)
    JURY_REASON = "jury_reason"  # the jury's reason for it, mandatory with a decision


REQUIRED_FIELDS: tuple[OfferField, ...] = (
    OfferField.CANDIDATE,
    OfferField.LOT,
    OfferField.DAY_RATE_HT,
    OfferField.DAYS,
)

ALIASES: dict[OfferField, tuple[str, ...]] = {
    OfferField.CANDIDATE: ("candidat", "structure", "prestataire", "soumissionnaire"),
    OfferField.LOT: ("n° lot", "numéro de lot", "n° de lot", "numéro lot"),
    OfferField.DAY_RATE_HT: (
        "coût journalier HT",
        "taux journalier HT",
        "prix journalier HT",
        "TJM HT",
    ),
    OfferField.DAYS: ("jours", "nombre de jours", "nb jours", "nb de jours", "durée en jours"),
    OfferField.VAT_RATE: ("TVA", "taux TVA", "taux de TVA"),
    OfferField.PRICE_HT: ("montant HT", "prix HT", "forfait HT"),
    OfferField.RECEIVED_AT: ("date de réception", "reçu le"),
    OfferField.JURY_DECISION: ("décision du jury", "décision", "décision jury"),
    OfferField.JURY_REASON: (
        "motif de la décision",
        "motif de la décision du jury",
        "motif du jury",
        "motif",
    ),
}

_PUNCTUATION = re.compile(r"[()%€:;,/\\\[\]\"*]")


def header_key(text: str) -> str:
    """The form under which two headers are the same column (``H.T.`` is ``HT``)."""
    return " ".join(normalise(_PUNCTUATION.sub(" ", text.replace(".", ""))).split())


class ColumnKind(StrEnum):
    FIELD = "field"
    DOCUMENT = "document"
    MARK = "mark"
    COMMENT = "comment"  # the jury's justification of a mark: <criterion>_comment


@dataclass(frozen=True)
class Column:
    """What one header cell of the sheet stands for."""

    kind: ColumnKind
    name: str  # an OfferField value, a document id or a criterion id
    index: int  # 0-based column index in the sheet
    letter: str  # column letter, e.g. "D"
    header: str  # the header as typed in the sheet


HeaderLookup = dict[str, tuple[ColumnKind, str]]


def header_lookup(documents: tuple[str, ...], marked: tuple[str, ...]) -> HeaderLookup:
    """Header key → (kind, canonical name) for every column the sheet may have."""
    lookup: HeaderLookup = {}
    for field in OfferField:
        for name in (field.value, *ALIASES[field]):
            lookup[header_key(name)] = (ColumnKind.FIELD, field.value)
    for document in documents:
        lookup[header_key(document)] = (ColumnKind.DOCUMENT, document)
    for criterion in marked:
        lookup[header_key(criterion)] = (ColumnKind.MARK, criterion)
        for suffix in ("comment", "commentaire"):
            lookup[header_key(f"{criterion} {suffix}")] = (ColumnKind.COMMENT, criterion)
    return lookup


def probable_match(header: str, lookup: HeaderLookup) -> tuple[ColumnKind, str] | None:
    """The kind and name of the known column an unknown header most likely means (a typo), if
    any."""
    close = difflib.get_close_matches(header_key(header), list(lookup), n=1, cutoff=0.8)
    return lookup[close[0]] if close else None


def column_letter(index: int) -> str:
    """The spreadsheet letter of a 1-based column index: 1 → A, 27 → AA."""
    letters = ""
    while index > 0:
        index, remainder = divmod(index - 1, 26)
        letters = chr(ord("A") + remainder) + letters
    return letters


# The headers the offers template writes (the readers accept these and their aliases).
HEADERS: Final[dict[OfferField, str]] = {
    OfferField.CANDIDATE: "Candidat",
    OfferField.LOT: "N° lot",
    OfferField.DAY_RATE_HT: "Coût journalier HT",
    OfferField.DAYS: "Nombre de jours",
    OfferField.VAT_RATE: "Taux de TVA",
    OfferField.PRICE_HT: "Montant HT",
    OfferField.RECEIVED_AT: "Date de réception",
    OfferField.JURY_DECISION: "Décision du jury",
    OfferField.JURY_REASON: "Motif de la décision",
}
MARKS_HEADERS: Final[tuple[str, ...]] = (
    "Candidat",
    "N° lot",
    "Critère",
    "Évaluateur",
    "Note",
    "Commentaire",
)
COMMENT_SUFFIX: Final = "commentaire"  # the header of a mark's justification: "<id> commentaire"
