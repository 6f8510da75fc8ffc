"""The columns of the offers sheet and the header names a buyer may use for them.

Matching ignores case, accents, surrounding spaces and punctuation such as ``( ) . % €``, and
treats `` ``, ``_``, ``-``, ``'`` alike: ``Coût journalier H.T.``, ``cout_journalier_ht`` and
``TVA (%)`` are recognised. A header that nearly matches a known one (``Candidta``) is reported
with the name it probably means.
"""

import difflib
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache
from typing import Final

from referent_ess.base.normalise import normalise
from referent_ess.config.choices import PriceModel


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
    VARIANT = "variant"  # the label of a variant; empty: the candidate's base offer
    ROUND = "round"  # the negotiation round of the offer, from 1; empty: 1
    ADDRESS = "address"  # the candidate's postal address, for its letter (several lines)


REQUIRED_FIELDS: tuple[OfferField, ...] = (
    OfferField.CANDIDATE,
    OfferField.LOT,
    OfferField.DAY_RATE_HT,
    OfferField.DAYS,
)

# the cells that state an offer's price, by the price model of its lot; the first one is the cell
# a problem of the price as a whole points at (over the cap, abnormally low)
PRICE_FIELDS: Final[dict[PriceModel, tuple[OfferField, ...]]] = {
    PriceModel.DAY_RATE: (OfferField.DAY_RATE_HT, OfferField.DAYS),
    PriceModel.LUMP_SUM: (OfferField.PRICE_HT,),
    # priced by lines of the ``prix`` sheet: the « Montant HT » of the offers sheet, optional,
    # is the total the offer states (checked against its lines)
    PriceModel.SCHEDULE: (),
    PriceModel.DPGF: (),
}
# the cells whose emptiness is an error or not depending on the lot's price model
MAYBE_REQUIRED: Final[frozenset[OfferField]] = frozenset(
    f for fields in PRICE_FIELDS.values() for f in fields
)


def required_fields(models: frozenset[PriceModel]) -> tuple[OfferField, ...]:
    """The columns the offers sheet must have when the lots use ``models``: the candidate, the
    lot, and the cells of every model in use (in the order of :class:`OfferField`)."""
    wanted = {OfferField.CANDIDATE, OfferField.LOT}
    wanted.update(f for model in models for f in PRICE_FIELDS[model])
    return tuple(f for f in OfferField if f in wanted)


def price_cell(model: PriceModel | None) -> str:
    """The column a problem of the whole price points at (the day rate's, by default)."""
    fields = PRICE_FIELDS[model or PriceModel.DAY_RATE]
    return fields[0].value if fields else OfferField.PRICE_HT.value


# What buyers and the purchasing platforms' registers (registre des dépôts) head these columns.
ALIASES: dict[OfferField, tuple[str, ...]] = {
    OfferField.CANDIDATE: (
        "candidat",
        "structure",
        "prestataire",
        "soumissionnaire",
        "nom du candidat",
        "nom du soumissionnaire",
        "raison sociale",
        "dénomination",
        "dénomination sociale",
        "entreprise",
        "nom de l'entreprise",
        "société",
        "nom de la société",
        "opérateur économique",
    ),
    OfferField.LOT: (
        "n° lot",
        "numéro de lot",
        "n° de lot",
        "numéro lot",
        "n° du lot",
        "numéro du lot",
        "lot n°",
        "lot(s)",
        "lots",
    ),
    OfferField.DAY_RATE_HT: (
        "coût journalier HT",
        "taux journalier HT",
        "prix journalier HT",
        "TJM HT",
        "tarif journalier HT",
        "prix de journée HT",
        "coût de la journée HT",
        "prix par jour HT",
        "coût par jour HT",
    ),
    OfferField.DAYS: (
        "jours",
        "nombre de jours",
        "nb jours",
        "nb de jours",
        "durée en jours",
        "nombre de journées",
        "nb de journées",
        "jours homme",
        "nombre de jours homme",
    ),
    OfferField.VAT_RATE: (
        "TVA",
        "taux TVA",
        "taux de TVA",
        "TVA applicable",
        "TVA appliquée",
        "taux de TVA applicable",
        "taux de TVA appliqué",
        "vat",
        "vat rate",
    ),
    OfferField.PRICE_HT: (
        "montant HT",
        "prix HT",
        "forfait HT",
        "montant total HT",
        "prix total HT",
        "total HT",
        "montant de l'offre HT",
        "prix global HT",
        "montant global HT",
    ),
    OfferField.RECEIVED_AT: (
        "date de réception",
        "reçu le",
        "reçue le",
        "date de dépôt",
        "date du dépôt",
        "date et heure de dépôt",
        "date et heure du dépôt",
        "déposé le",
        "déposée le",
        "date de remise",
        "date et heure de remise",
        "date de remise de l'offre",
        "date de réception de l'offre",
        "date de réception du pli",
        "date et heure de réception",
        "date d'arrivée",
        "date et heure d'arrivée",
        "horodatage",
        "horodatage du dépôt",
    ),
    OfferField.JURY_DECISION: ("décision du jury", "décision", "décision jury"),
    OfferField.JURY_REASON: (
        "motif de la décision",
        "motif de la décision du jury",
        "motif du jury",
        "motif",
    ),
    OfferField.VARIANT: ("variante", "libellé de la variante", "libellé variante"),
    OfferField.ROUND: ("tour", "tour de négociation", "n° de tour", "numéro du tour"),
    OfferField.ADDRESS: (
        "adresse",
        "adresse du candidat",
        "adresse postale",
        "adresse du soumissionnaire",
        "adresse de l'entreprise",
        "adresse du siège",
        "adresse du siège social",
        "siège social",
    ),
}

SHOWN_NAMES = 6  # how many of a column's names a message lists: the README lists them all


_PUNCTUATION = re.compile(r"[()%€:;,/\\\[\]\"*]")


# Words spelled out that headers also abbreviate: "Montant hors taxes" is "Montant HT".
_SPELLED_OUT = (
    (re.compile(r"\bhors taxes?\b"), "ht"),
    (re.compile(r"\btoutes taxes comprises\b"), "ttc"),
)


def header_key(text: str) -> str:
    """The form under which two headers are the same column (``H.T.`` is ``HT``, ``hors
    taxes`` too)."""
    key = " ".join(normalise(_PUNCTUATION.sub(" ", text.replace(".", ""))).split())
    if "taxe" in key:
        for spelled, short in _SPELLED_OUT:
            key = spelled.sub(short, key)
    return key


class ColumnKind(StrEnum):
    FIELD = "field"
    DOCUMENT = "document"
    MARK = "mark"
    COMMENT = "comment"  # the jury's justification of a mark: <criterion>_comment
    PSE = "pse"  # the amount HT of a PSE of the lot: its name is pse_column(id)


@dataclass(frozen=True)
class Column:
    """What one header cell of the sheet stands for."""

    kind: ColumnKind
    name: str  # an OfferField value, a document id or a criterion id
    index: int  # 0-based column index in the sheet
    letter: str  # column letter, e.g. "D"
    header: str  # the header as typed in the sheet


HeaderLookup = dict[str, tuple[ColumnKind, str]]

# the column name of a PSE: "pse:PSE1" (no field, document or criterion id holds ":")
PSE_PREFIX: Final = "pse:"
# what may follow a PSE's id or label in its header, longest first
_PSE_SUFFIXES = ("montant ht", "prix ht", "forfait ht", "en ht", "montant", "ht")


def pse_column(pse_id: str) -> str:
    """The name of the column holding the amount HT of the PSE ``pse_id``."""
    return f"{PSE_PREFIX}{pse_id}"


def pse_id_of(column_name: str) -> str | None:
    """The PSE id of a PSE column's name, None for any other column."""
    return column_name.removeprefix(PSE_PREFIX) if column_name.startswith(PSE_PREFIX) else None


def pse_key(text: str) -> str:
    """The form under which a header names a PSE: its id or its label, with or without spaces
    and « HT » (« PSE1 », « PSE 1 », « PSE 1 HT », « Nettoyage des vitres (HT) »)."""
    key = header_key(text)
    for suffix in _PSE_SUFFIXES:
        if key.endswith(f" {suffix}"):
            key = key.removesuffix(f" {suffix}")
            break
    return key.replace(" ", "")


def pse_lookup(pse: tuple[tuple[str, str], ...]) -> dict[str, str]:
    """:func:`pse_key` of every PSE's id and label → its id (an id wins over another PSE's
    label; the first of two PSE of one label keeps it)."""
    lookup: dict[str, str] = {}
    for pse_id, _ in pse:
        lookup.setdefault(pse_key(pse_id), pse_id)
    for pse_id, label in pse:
        lookup.setdefault(pse_key(label), pse_id)
    return lookup


@lru_cache(maxsize=4096)
def _column_keys(kind: ColumnKind, name: str) -> tuple[str, ...]:
    """The keys a column is read under by ``name``: its own, and a mark's comment's."""
    if kind is not ColumnKind.MARK:
        return (header_key(name),)
    return (header_key(name), *(header_key(form.format(name)) for form in _COMMENT_FORMS))


@lru_cache(maxsize=1)
def _field_keys() -> tuple[tuple[str, str], ...]:
    """(key, field) of every field's name and alias, in the order of :class:`OfferField`."""
    return tuple(
        (header_key(name), field.value)
        for field in OfferField
        for name in (field.value, *ALIASES[field])
    )


def header_lookup(documents: tuple[str, ...], marked: tuple[str, ...]) -> HeaderLookup:
    """Header key → (kind, canonical name) for every column the sheet may have, the documents
    and criteria known by their ids only (:class:`ColumnNames` knows their labels too)."""
    named = [Named(ColumnKind.DOCUMENT, d) for d in documents]
    named += [Named(ColumnKind.MARK, c) for c in marked]
    return ColumnNames(named).lookup


# How a mark's comment column may be headed after its criterion's id or label: the template
# writes "<label> commentaire".
_COMMENT_FORMS = ("{} comment", "{} commentaire", "{} — commentaire")

Owner = tuple[ColumnKind, str]  # a field (its value), a document or a criterion (its id)


@dataclass(frozen=True)
class Named:
    """A document's or marked criterion's column and the names a person may head it with
    besides its id, the one the template writes first: a criterion's ``short_label`` then its
    ``label`` (each label it has in any set), a document's ``label``."""

    kind: ColumnKind  # DOCUMENT or MARK
    id: str
    names: tuple[str, ...] = ()


class ColumnNames:
    """The headers of the documents' and marked criteria's columns, by label, and what reads
    them.

    Every column is read by its id, forever (workbooks written before labels, the bundled
    examples). A label is a header as well unless its key (:func:`header_key`), or the key of
    its comment column's header, is also the key of anything else: a field's name or alias,
    another column's id or label. Such a label is not read at all (a header that could mean two
    columns must not pick one), and the template heads that column with the next usable name,
    in the end its id. A ``short_label`` is written for headers only: the loader refuses one
    that is not usable (:func:`~referent_ess.config.checks.check_columns`)."""

    def __init__(self, named: Sequence[Named]) -> None:
        owners: dict[str, set[Owner]] = {}
        for key, field in _field_keys():
            owners.setdefault(key, set()).add((ColumnKind.FIELD, field))
        for column in named:
            for name in (column.id, *column.names):
                for key in self._keys(column.kind, name):
                    owners.setdefault(key, set()).add((column.kind, column.id))
        self._owners = owners
        lookup: HeaderLookup = {key: (ColumnKind.FIELD, field) for key, field in _field_keys()}
        for column in named:  # ids first: an id keeps its key whatever a label says
            self._register(lookup, column, column.id)
        self._headers: dict[Owner, str] = {}
        for column in named:
            owner = (column.kind, column.id)
            usable = [n for n in column.names if self.usable(owner, n)]
            for name in usable:
                if all(key not in lookup for key in self._keys(column.kind, name)):
                    self._register(lookup, column, name)
            self._headers.setdefault(owner, usable[0] if usable else column.id)
        self.lookup = lookup

    @staticmethod
    def _keys(kind: ColumnKind, name: str) -> tuple[str, ...]:
        return _column_keys(kind, name)

    @staticmethod
    def _register(lookup: HeaderLookup, column: Named, name: str) -> None:
        own, *comments = _column_keys(column.kind, name)
        lookup[own] = (column.kind, column.id)
        for key in comments:
            lookup.setdefault(key, (ColumnKind.COMMENT, column.id))

    def usable(self, owner: Owner, name: str) -> bool:
        """Whether ``name`` can head ``owner``'s column: nothing else is read under its key."""
        return not self.others(owner, name)

    def others(self, owner: Owner, name: str) -> tuple[Owner, ...]:
        """What else is read under ``name``'s key (or its comment's), fields first."""
        found = {o for key in self._keys(owner[0], name) for o in self._owners.get(key, ())}
        found.discard(owner)
        return tuple(sorted(found, key=lambda o: (o[0] is not ColumnKind.FIELD, o[0], o[1])))

    def header(self, kind: ColumnKind, name: str) -> str:
        """The header the template writes for a document's or criterion's column (a comment's:
        :meth:`comment_header`)."""
        return self._headers.get((kind, name), name)

    def comment_header(self, criterion: str) -> str:
        """The header of the jury's comment on a criterion: « Contexte commentaire »."""
        return f"{self.header(ColumnKind.MARK, criterion)} {COMMENT_SUFFIX}"

    def shown(self, kind: ColumnKind, name: str) -> str:
        """A column as the template heads it, from the name a :class:`Column` holds (a
        field's value, a document's or criterion's id, ``<criterion>_comment``)."""
        if kind is ColumnKind.FIELD:
            return HEADERS[OfferField(name)]
        if kind is ColumnKind.COMMENT:
            return self.comment_header(name.removesuffix("_comment"))
        return self.header(kind, name)


class NearSpellings:
    """The known column an unknown header most likely means (a typo): the known header closest
    to it by :mod:`difflib`'s ratio, if that is at least 0.8.

    :func:`difflib.get_close_matches` compares a header with every known header, a few hundred
    microseconds each time: a header row of twenty thousand unknown columns took seconds. Its
    first filter (``quick_ratio``: the characters two texts share, counted with repetition, can
    give at most that ratio) is computed here for all the known headers at once; only those
    that pass it are compared, so the answer is the same.

    How: each known header is one byte of a large integer; for a character ``c`` and a count
    ``j``, the integer ``self.at_least[c, j]`` has 1 in the bytes of the known headers holding
    ``c`` at least ``j`` times. A header holding ``c`` ``t`` times shares ``min(t, count)`` of it
    with each known header: the sum of ``at_least[c, 1..t]``. Adding these integers for every
    character of the header gives, byte by byte, what it shares with every known header."""

    CUTOFF = 0.8

    def __init__(self, lookup: HeaderLookup) -> None:
        self.lookup = lookup
        self.keys = [key for key in lookup if len(key) < 256]  # a byte holds what is shared
        self.at_least: dict[tuple[str, int], int] = {}
        self.needs: dict[int, list[int]] = {}  # by the length of a header
        for index, key in enumerate(self.keys):
            for char, count in Counter(key).items():
                for times in range(1, count + 1):
                    bit = 1 << (8 * index)
                    self.at_least[char, times] = self.at_least.get((char, times), 0) | bit

    def probable(self, header: str) -> tuple[ColumnKind, str] | None:
        key = header_key(header)
        total = 0
        for char, count in Counter(key).items():
            for times in range(1, count + 1):
                lane = self.at_least.get((char, times))
                if lane is None:
                    break  # no known header holds it this many times, nor more
                total += lane
        shared = total.to_bytes(len(self.keys), "little")
        needed = self._needed(len(key))
        possible = [
            known
            for known, common, need in zip(self.keys, shared, needed, strict=True)
            if common >= need
        ]
        close = difflib.get_close_matches(key, possible, n=1, cutoff=self.CUTOFF)
        return self.lookup[close[0]] if close else None

    def _needed(self, length: int) -> list[int]:
        """For a header of ``length`` characters, how many it must share with each known header
        for difflib's ``quick_ratio`` (2 × shared / both lengths) to reach the cutoff."""
        needed = self.needs.get(length)
        if needed is None:
            needed = [self._least(length + len(known)) for known in self.keys]
            self.needs[length] = needed
        return needed

    def _least(self, both: int) -> int:
        """The least count ``c`` with ``2.0 * c / both >= CUTOFF``, as difflib computes it."""
        least = max(0, int(self.CUTOFF * both / 2) - 1)
        while 2.0 * least / both < self.CUTOFF:
            least += 1
        return least


def _word_set(*lines: str) -> frozenset[str]:
    return frozenset(word for line in lines for word in line.split())


# The words that say what a header is about. An unknown header about a value the evaluation
# uses may hold that value under a name the tool does not know ("Date de dépôt" once): ignored,
# it would change the result without a word, so it is an error. A header is about a field when
# each group of one of the field's entries has a word in it.
_Words = tuple[frozenset[str], ...]
_ABOUT: tuple[tuple[str, OfferField, _Words], ...] = tuple(
    (topic, field, tuple(_word_set(group) for group in groups))
    for topic, field, groups in (
        ("received_at", OfferField.RECEIVED_AT, ("date horodatage heure depot depose deposee "
                                                 "reception recu recue arrivee",)),
        ("ttc", OfferField.VAT_RATE, ("ttc",)),
        ("vat_rate", OfferField.VAT_RATE, ("tva vat taxe taxes exonere exoneree exoneration",)),
        ("day_rate_ht", OfferField.DAY_RATE_HT, ("journalier journaliere tjm unitaire",)),
        ("day_rate_ht", OfferField.DAY_RATE_HT, ("jour journee", "prix cout tarif taux montant")),
        ("days", OfferField.DAYS, ("jours journees duree",)),
        ("days", OfferField.DAYS, ("jour journee", "nombre nb nbre")),
        ("price_ht", OfferField.PRICE_HT, ("prix montant cout tarif forfait ht remise rabais",)),
        ("lot", OfferField.LOT, ("lot lots",)),
        ("candidate", OfferField.CANDIDATE, ("candidat candidate candidats candidates "
                                             "soumissionnaire soumissionnaires prestataire "
                                             "prestataires",)),
        ("candidate", OfferField.CANDIDATE, ("raison", "sociale")),
    )
)  # fmt: skip
# Words that say a header is about something else: free text (the jury's comments), the
# candidate's identifiers and contact details, a label, how or when a file was handled.
_NOT_ABOUT = _word_set(
    "commentaire commentaires comment comments remarque remarques observation observations "
    "justification justifications appreciation appreciations motif motifs "
    "siret siren intracommunautaire intracom naf ape rcs "
    "adresse courriel email mail telephone tel fax contact ville postal cp "
    "intitule libelle titre objet designation description "
    "mode taille fichier retrait ouverture validite",
)
_LINKING = _word_set("de du des d la le les l et en au aux a of the and")


@dataclass(frozen=True)
class About:
    """What an unknown header is about: the column that would hold it (``kind``, ``name``) and
    the topic its message names (a field, ``ttc``, ``document`` or ``criterion``)."""

    kind: ColumnKind
    name: str
    topic: str


class HeaderWords:
    """What an unknown header is about: a value the evaluation uses (a field, a required
    document or a marked criterion, whose id's words it holds), or plainly something else (a
    comment, an identifier, a label: :meth:`other`)."""

    def __init__(self, documents: tuple[str, ...], marked: tuple[str, ...]) -> None:
        entries: list[tuple[About, _Words]] = []
        for kind, topic, names in (
            (ColumnKind.DOCUMENT, "document", documents),
            (ColumnKind.MARK, "criterion", marked),
        ):
            for name in names:
                words = frozenset(header_key(name).split()) - _LINKING
                if words:  # a document's or criterion's own words: more precise than a field's
                    entries.append((About(kind, name, topic), tuple(frozenset({w}) for w in words)))
        for topic, field, groups in _ABOUT:
            entries.append((About(ColumnKind.FIELD, field.value, topic), groups))
        self.entries = tuple(entries)

    @staticmethod
    def other(header: str) -> bool:
        """Whether ``header`` says it is about something else than a value: the jury's comments,
        the candidate's identifiers or contact details, a label, how a file was handled."""
        return not _NOT_ABOUT.isdisjoint(header_key(header).split())

    def about(self, header: str) -> About | None:
        words = set(header_key(header).split())
        for about, groups in self.entries:
            if all(words & group for group in groups):
                return about
        return None


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
    OfferField.VARIANT: "Variante",
    OfferField.ROUND: "Tour",
    OfferField.ADDRESS: "Adresse du candidat",
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
