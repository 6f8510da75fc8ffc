"""A new consultation in one minute: the offers workbook to fill in, and ``referent init``.

Most errors come from an offers sheet typed by hand. The template prevents them at typing time:
every column the configuration needs is there under a header the tool recognises, each data
cell carries a spreadsheet validation (a list of lots, ``oui``/``non``, a positive amount, a mark
within the scale, a date, a VAT rate from a list) with its input message and error alert in
French, and each header explains its field with an example. :func:`init_consultation` writes a
commented ``lots.yaml`` and ``criteria.yaml`` beside that workbook, so that a buyer starts from
a working consultation instead of a blank page.

The workbook's bytes depend only on the configuration (fixed document properties, zip entries
dated 1980-01-01): two runs give the same file.
"""

import json
import re
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Final, Literal

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE, Cell, MergedCell
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from referent_ess.base.normalise import normalise
from referent_ess.config.choices import Ordering
from referent_ess.config.columns import COMMENT_SUFFIX, HEADERS, MARKS_HEADERS, OfferField
from referent_ess.config.consultation import Config, Criterion, load_config
from referent_ess.files.atomic_write import write_atomically
from referent_ess.files.xlsx_bytes import workbook_bytes
from referent_ess.i18n.numbers import percent
from referent_ess.intake.read import offer_rows
from referent_ess.problems.errors import ReferentError
from referent_ess.problems.problem import Problem

OFFERS_SHEET: Final = "offers"
MARKS_SHEET: Final = "marks"
README_SHEET: Final = "lisez-moi"
LISTS_SHEET: Final = "listes"  # hidden: the items of a list too long (or too odd) to inline

LAST_ROW: Final = 1000  # offers: validations on rows 2..1000
LAST_MARK_ROW: Final = 5000  # marks: one row per offer, criterion and evaluator, so more rows

FIRST_DATE: Final = date(2000, 1, 1)
LAST_DATE: Final = date(2100, 12, 31)

# The workbook is French, so 5,5 % has a decimal comma. Items of an inline list validation are
# separated by commas in the file whatever the spreadsheet's language, so this list is written in
# the hidden sheet instead (see _Lists); the tool's VAT parser reads every item.
VAT_CHOICES: Final[tuple[str, ...]] = ("20 %", "10 %", "5,5 %", "0 %", "exonéré")
YES_NO: Final[tuple[str, ...]] = ("oui", "non")

MONEY_FORMAT: Final = '#,##0.00 "€"'
DAYS_FORMAT: Final = "0.00"
DATE_FORMAT: Final = "DD/MM/YYYY"
DATETIME_FORMAT: Final = "DD/MM/YYYY HH:MM"
TEXT_FORMAT: Final = "@"  # VAT as typed: "5,5 %" stays the text of the list item

FIXED_TIME: Final = datetime(1980, 1, 1)

# Excel refuses (and "repairs") a validation whose texts are longer than these.
MAX_TITLE: Final = 32
MAX_MESSAGE: Final = 255
MAX_INLINE_LIST: Final = 255

_BOLD = Font(bold=True)
_TITLE = Font(bold=True, size=14)
_HEADER_FILL = PatternFill("solid", fgColor="D9E1F2")
_HEADER_ALIGN = Alignment(horizontal="center", vertical="center", wrap_text=True)
_WRAP = Alignment(vertical="top", wrap_text=True)

ValidationType = Literal["list", "decimal", "date", "whole", "textLength", "custom", "time"]
Operator = Literal[
    "between",
    "notBetween",
    "equal",
    "notEqual",
    "lessThan",
    "lessThanOrEqual",
    "greaterThan",
    "greaterThanOrEqual",
]


@dataclass(frozen=True)
class _Rule:
    """One column's data validation: what may be typed, what is shown while typing, the alert."""

    kind: ValidationType | None  # None: any value, only the input message
    formula1: str | None
    prompt_title: str
    prompt: str
    error: str = ""
    operator: Operator | None = None
    formula2: str | None = None


@dataclass(frozen=True)
class _Column:
    header: str
    note: str  # the header cell's comment: what the field is, with an example
    width: float
    rule: _Rule
    number_format: str | None = None


# ---- the workbook --------------------------------------------------------------------------------


def build_template(config: Config, evaluators: Sequence[str] = ()) -> bytes:
    """The offers workbook to fill in for ``config``, as the bytes of an .xlsx file.

    With ``evaluators``, the marks go in a ``marks`` sheet (one row per offer, criterion and
    evaluator) instead of mark columns in ``offers``: the tool reads one or the other.
    """
    names = _evaluators(evaluators)
    book = Workbook()
    lists = _Lists(book)
    offers = book.active
    assert offers is not None
    offers.title = OFFERS_SHEET
    _fill_sheet(offers, _offer_columns(config, lists, marks_inline=not names), LAST_ROW)
    offers.freeze_panes = "B2"
    if names:
        marks = book.create_sheet(MARKS_SHEET)
        _fill_sheet(marks, _mark_columns(config, names, lists), LAST_MARK_ROW)
        marks.freeze_panes = "A2"
    _readme(book.create_sheet(README_SHEET), config, names)
    if lists.sheet is not None:
        book.move_sheet(lists.sheet, offset=len(book.sheetnames))  # last, out of the way
    book.active = 0
    book.properties.creator = "referent"
    book.properties.title = _clean(f"Offres — {config.consultation.title}")[:255]
    book.properties.created = FIXED_TIME
    book.properties.modified = FIXED_TIME
    return workbook_bytes(book)


def _evaluators(evaluators: Sequence[str]) -> tuple[str, ...]:
    """The evaluators' names, tidied; an empty or repeated name would mislead the jury."""
    names = tuple(" ".join(name.split()) for name in evaluators)
    if any(not name for name in names):
        raise ReferentError(
            "an evaluator's name is empty; give names such as Anne,Bruno",
            "bad-evaluators",
            params=(("form", "empty"),),
        )
    seen: dict[str, str] = {}
    for name in names:
        earlier = seen.get(normalise(name))
        seen.setdefault(normalise(name), name)
        if earlier is not None:
            raise ReferentError(
                f"the evaluators {earlier!r} and {name!r} are the same name; give each once",
                "bad-evaluators",
                params=(("form", "same"), ("earlier", repr(earlier)), ("name", repr(name))),
            )
    return names


class _Lists:
    """Where a list validation takes its items: inline when Excel allows it, else a range of a
    hidden sheet (more than 255 characters, or an item holding a comma or a quote)."""

    def __init__(self, book: Workbook) -> None:
        self.book = book
        self.sheet: Worksheet | None = None
        self.ranges: dict[tuple[str, ...], str] = {}  # a list written once serves every column

    def source(self, items: Sequence[str]) -> str:
        joined = ",".join(items)
        if len(joined) <= MAX_INLINE_LIST and not any("," in i or '"' in i for i in items):
            return f'"{joined}"'
        known = self.ranges.get(tuple(items))
        if known is not None:
            return known
        if self.sheet is None:
            self.sheet = self.book.create_sheet(LISTS_SHEET)
            self.sheet.sheet_state = "hidden"
        column = len(self.ranges) + 1
        for row, item in enumerate(items, start=1):
            _set_text(self.sheet.cell(row=row, column=column), item)
        letter = get_column_letter(column)
        self.ranges[tuple(items)] = f"{LISTS_SHEET}!${letter}$1:${letter}${len(items)}"
        return self.ranges[tuple(items)]


def _offer_columns(config: Config, lists: _Lists, *, marks_inline: bool) -> list[_Column]:
    consultation = config.consultation
    ids = [str(lot.id) for lot in config.lots]
    lots_text = _lot_ids_text(config)
    deadline = consultation.deadline
    timed = isinstance(deadline, datetime)
    default_vat = percent(consultation.vat_rate).replace(".", ",")
    columns = [
        _Column(
            HEADERS[OfferField.CANDIDATE],
            "Nom du candidat (la structure qui répond), écrit de la même façon sur chacune de "
            "ses lignes.\nExemple : Atelier Matières Vives (SCIC)",
            40,
            _Rule(
                None,
                None,
                "Candidat",
                "Nom du candidat, écrit de la même façon sur chacune de ses lignes. "
                "Une ligne par offre : un candidat qui répond à deux lots a deux lignes.",
            ),
        ),
        _Column(
            HEADERS[OfferField.LOT],
            f"Numéro du lot auquel l'offre répond ({lots_text}). Un candidat qui répond à "
            f"deux lots a deux lignes.\nExemple : {ids[0]}",
            10,
            _Rule(
                "list",
                lists.source(ids),
                "N° du lot",
                f"Choisissez le lot dans la liste ({lots_text}).",
                f"Ce lot n'existe pas dans lots.yaml ({lots_text}) : choisissez-le dans la liste.",
            ),
        ),
        _Column(
            HEADERS[OfferField.DAY_RATE_HT],
            "Coût d'une journée d'intervention, hors taxes, en euros (au plus 2 décimales)."
            "\nExemple : 450 ou 487,50",
            20,
            _positive(
                "Coût journalier HT",
                "Coût d'une journée hors taxes, en euros, supérieur à 0 (au plus 2 décimales). "
                "Exemple : 450 ou 487,50.",
                "le coût journalier HT",
                "450 ou 487,50",
            ),
            MONEY_FORMAT,
        ),
        _Column(
            HEADERS[OfferField.DAYS],
            "Nombre de jours d'intervention proposés (une demi-journée : 0,5).\n"
            "Exemple : 20 ou 21,5",
            17,
            _positive(
                "Nombre de jours",
                "Nombre de jours proposés, supérieur à 0 (au plus 2 décimales). "
                "Exemple : 20 ou 21,5.",
                "le nombre de jours",
                "20 ou 21,5",
            ),
            DAYS_FORMAT,
        ),
        _Column(
            HEADERS[OfferField.VAT_RATE],
            "Taux de TVA de l'offre : 20 %, 10 %, 5,5 %, 0 % ou exonéré (association non "
            f"assujettie : le prix TTC est alors le prix HT). Vide : le taux de la "
            f"consultation ({default_vat}).\nExemple : 20 %",
            14,
            _Rule(
                "list",
                lists.source(VAT_CHOICES),
                "Taux de TVA",
                "Choisissez le taux dans la liste : 20 %, 10 %, 5,5 %, 0 % ou exonéré. "
                f"Laissez vide pour le taux de la consultation ({default_vat}).",
                "Taux de TVA inconnu : choisissez 20 %, 10 %, 5,5 %, 0 % ou exonéré dans la liste.",
            ),
            TEXT_FORMAT,
        ),
        _Column(
            HEADERS[OfferField.PRICE_HT],
            "Facultatif : le montant total HT annoncé par le candidat, pour contrôle. Le prix "
            "retenu reste coût journalier × nombre de jours ; un écart de plus de 0,01 € est "
            "signalé.\nExemple : 9 000,00",
            16,
            _positive(
                "Montant HT (facultatif)",
                "Montant total HT annoncé par le candidat, pour contrôle : le prix retenu est "
                "coût journalier × nombre de jours. Exemple : 9000.",
                "le montant HT",
                "9000 ou 9612,50",
            ),
            MONEY_FORMAT,
        ),
        _Column(
            HEADERS[OfferField.RECEIVED_AT],
            "Date de réception de l'offre"
            + (" et son heure (la date limite en a une)" if timed else "")
            + f". Date limite : {_deadline_text(deadline)} ; une offre reçue après est hors "
            f"délai.\nExemple : {'23/03/2018 17:30' if timed else '22/03/2018'}",
            18,
            _Rule(
                "date",
                str(_serial(FIRST_DATE)),
                "Date de réception",
                "Date de réception de l'offre, jour en premier : 22/03/2018"
                + (" 17:30 (avec l'heure : la date limite en a une)." if timed else ".")
                + f" Date limite : {_deadline_text(deadline)}.",
                "Date invalide : tapez une date entre le 01/01/2000 et le 31/12/2100, jour en "
                "premier, par exemple 22/03/2018.",
                "between",
                str(_serial(LAST_DATE)),
            ),
            DATETIME_FORMAT if timed else DATE_FORMAT,
        ),
    ]
    yes_no = lists.source(YES_NO)
    for document in consultation.required_documents:
        columns.append(
            _Column(
                document,
                f"Pièce exigée « {document} » : oui si elle figure dans l'offre, non sinon "
                "(vide = non). Une pièce manquante rend l'offre irrégulière "
                "(art. L2152-2).\nExemple : oui",
                max(12, len(document) + 4),
                _Rule(
                    "list",
                    yes_no,
                    _clip(f"Pièce {document}", MAX_TITLE),
                    f"oui si la pièce « {document} » est dans l'offre, non sinon (vide = non).",
                    "Répondez oui ou non (choisissez dans la liste).",
                ),
            )
        )
    if marks_inline:
        for criterion in config.marked_criteria:
            columns += _mark_and_comment(config, criterion)
    return columns


def _mark_and_comment(config: Config, criterion: Criterion) -> list[_Column]:
    scale = _french(criterion.scale)
    return [
        _Column(
            criterion.id,
            f"Note du jury pour le critère « {criterion.label} »{_weight_text(config, criterion)}"
            f", de 0 à {scale} (3,5 accepté).\nExemple : {_example_mark(criterion.scale)}",
            max(10, len(criterion.id) + 4),
            _mark_rule(criterion.id, f"« {criterion.label} »", criterion.scale),
        ),
        _Column(
            f"{criterion.id} {COMMENT_SUFFIX}",
            f"Facultatif : la justification de la note « {criterion.id} », reprise à côté de "
            "la note dans le rapport d'analyse des offres.\n"
            "Exemple : Bonne connaissance des acteurs du territoire.",
            45,
            _Rule(
                None,
                None,
                _clip(f"Justification {criterion.id}", MAX_TITLE),
                f"Facultatif : pourquoi cette note au critère {criterion.id}. Repris dans le "
                "rapport d'analyse des offres.",
            ),
        ),
    ]


def _mark_columns(config: Config, evaluators: tuple[str, ...], lists: _Lists) -> list[_Column]:
    marked = config.marked_criteria
    ids = [c.id for c in marked]
    scales = {c.scale for c in marked}
    top = max(scales) if scales else Decimal(5)
    scale_text = (
        f"de 0 à {_french(top)}"
        if len(scales) <= 1
        else "de 0 à l'échelle du critère ("
        + ", ".join(f"{c.id} : {_french(c.scale)}" for c in marked)
        + ")"
    )
    lots_text = _lot_ids_text(config)
    names = ", ".join(evaluators)
    first = marked[0] if marked else None
    return [
        _Column(
            MARKS_HEADERS[0],
            "Nom du candidat, écrit exactement comme dans la feuille offers.\n"
            "Exemple : Atelier Matières Vives (SCIC)",
            40,
            _Rule(
                "list",
                f"{OFFERS_SHEET}!$A$2:$A${LAST_ROW}",
                "Candidat",
                "Choisissez un candidat de la feuille offers (remplissez-la d'abord).",
                "Ce candidat n'est pas dans la feuille offers : choisissez-le dans la liste.",
            ),
        ),
        _Column(
            MARKS_HEADERS[1],
            f"Numéro du lot de l'offre notée ({lots_text}).\nExemple : {config.lots[0].id}",
            10,
            _Rule(
                "list",
                lists.source([str(lot.id) for lot in config.lots]),
                "N° du lot",
                f"Choisissez le lot de l'offre notée ({lots_text}).",
                f"Ce lot n'existe pas dans lots.yaml ({lots_text}) : choisissez-le dans la liste.",
            ),
        ),
        _Column(
            MARKS_HEADERS[2],
            "Critère noté, par son identifiant dans criteria.yaml : "
            + " ; ".join(f"{c.id} = {c.label}" for c in marked)
            + f".\nExemple : {first.id if first else 'context'}",
            16,
            _Rule(
                "list",
                lists.source(ids),
                "Critère",
                _clip("Choisissez le critère dans la liste : " + ", ".join(ids) + ".", 255),
                "Critère inconnu : choisissez-le dans la liste (identifiants de criteria.yaml).",
            ),
        ),
        _Column(
            MARKS_HEADERS[3],
            f"Membre du jury qui donne la note : {names}.\nExemple : {evaluators[0]}",
            18,
            _Rule(
                "list",
                lists.source(evaluators),
                "Évaluateur",
                _clip(f"Choisissez l'évaluateur dans la liste : {names}.", 255),
                _clip(f"Évaluateur inconnu : choisissez-le dans la liste ({names}).", 255),
            ),
        ),
        _Column(
            MARKS_HEADERS[4],
            f"La note de cet évaluateur pour ce critère, {scale_text} (3,5 accepté). Les notes "
            "des évaluateurs sont agrégées (moyenne ou médiane, criteria.yaml).\nExemple : 4",
            10,
            _mark_rule("", "", top, scale_text),
        ),
        _Column(
            MARKS_HEADERS[5],
            "Facultatif : la justification de la note, reprise dans le rapport d'analyse.\n"
            "Exemple : Enjeux du territoire bien identifiés.",
            50,
            _Rule(
                None,
                None,
                "Commentaire",
                "Facultatif : pourquoi cette note. Repris dans le rapport d'analyse des offres.",
            ),
        ),
    ]


def _positive(title: str, prompt: str, what: str, example: str) -> _Rule:
    return _Rule(
        "decimal",
        "0",
        title,
        prompt,
        f"Tapez {what} : un nombre supérieur à 0, par exemple {example}.",
        "greaterThan",
    )


def _mark_rule(criterion: str, label: str, scale: Decimal, scale_text: str = "") -> _Rule:
    shown = scale_text or f"de 0 à {_french(scale)}"
    title = _clip(f"Note {criterion}".strip(), MAX_TITLE)
    if label:
        prompt = f"Note du jury pour le critère {label}, {shown} (3,5 accepté)."
    else:
        prompt = f"Note de l'évaluateur pour ce critère, {shown} (3,5 accepté)."
    return _Rule(
        "decimal",
        "0",
        title,
        _clip(prompt, MAX_MESSAGE),
        _clip(f"Note hors barème : tapez un nombre {shown}.", MAX_MESSAGE),
        "between",
        _plain(scale),
    )


def _fill_sheet(ws: Worksheet, columns: Sequence[_Column], last_row: int) -> None:
    """Header, notes, widths, number formats and one validation per column."""
    for index, column in enumerate(columns, start=1):
        letter = get_column_letter(index)
        cell = ws.cell(row=1, column=index)
        _set_text(cell, column.header)
        cell.font = _BOLD
        cell.fill = _HEADER_FILL
        cell.alignment = _HEADER_ALIGN
        note = Comment(_clean(column.note), "referent")
        note.width = 320
        note.height = 140
        cell.comment = note
        dimension = ws.column_dimensions[letter]
        dimension.width = column.width
        if column.number_format is not None:
            dimension.number_format = column.number_format  # applies to what is typed later
        ws.add_data_validation(_validation(column.rule, f"{letter}2:{letter}{last_row}"))
    ws.row_dimensions[1].height = 32


def _validation(rule: _Rule, cells: str) -> DataValidation:
    checked = rule.kind is not None
    validation = DataValidation(
        type=rule.kind,
        operator=rule.operator,
        formula1=rule.formula1,
        formula2=rule.formula2,
        allow_blank=True,  # an empty cell is the tool's to judge (optional, or reported)
        showInputMessage=True,
        showErrorMessage=checked,
        promptTitle=_clip(rule.prompt_title, MAX_TITLE),
        prompt=_clip(_clean(rule.prompt), MAX_MESSAGE),
        errorTitle="Saisie refusée" if checked else None,
        error=_clip(_clean(rule.error), MAX_MESSAGE) if checked else None,
        errorStyle="stop" if checked else None,
    )
    validation.add(cells)
    return validation


def _readme(ws: Worksheet, config: Config, evaluators: tuple[str, ...]) -> None:
    """How to fill the workbook, in the buyer's words, and what to run next."""
    consultation = config.consultation
    marked = config.marked_criteria
    vat = percent(consultation.vat_rate).replace(".", ",")
    lines: list[tuple[str, bool]] = [
        (f"Classeur des offres — {consultation.title}", True),
        ("", False),
        ("Comment le remplir", True),
        (
            "• Feuille offers : une ligne par offre et par lot. Un candidat qui répond à deux "
            "lots a deux lignes, avec le même nom écrit de la même façon.",
            False,
        ),
        (
            "• Chaque en-tête porte une note (survolez-le) qui explique la colonne, avec un "
            "exemple. Ne renommez pas les en-têtes : referent les reconnaît.",
            False,
        ),
        (
            "• Les cellules refusent une saisie impossible (un lot inconnu, un montant négatif, "
            "une note hors barème) : le message dit quoi taper.",
            False,
        ),
        ("", False),
        ("Les colonnes", True),
        ("• Candidat : le nom de la structure qui répond.", False),
        (f"• N° lot : le lot de l'offre ({_lot_ids_text(config)}).", False),
        (
            "• Coût journalier HT : le prix d'une journée hors taxes, en euros ; Nombre de "
            "jours : les jours proposés (0,5 pour une demi-journée). Le prix HT de l'offre est "
            "coût journalier × nombre de jours.",
            False,
        ),
        (
            "• Taux de TVA : 20 %, 10 %, 5,5 %, 0 % ou exonéré (une association non assujettie "
            f"à la TVA : prix TTC = prix HT). Vide : le taux de la consultation ({vat}).",
            False,
        ),
        (
            "• Montant HT (facultatif) : le total annoncé par le candidat, pour contrôle ; un "
            "écart avec coût journalier × nombre de jours est signalé.",
            False,
        ),
        (
            "• Date de réception : le jour (et l'heure) où l'offre est arrivée. Date limite : "
            f"{_deadline_text(consultation.deadline)} ; une offre reçue après est hors délai.",
            False,
        ),
    ]
    if consultation.required_documents:
        lines.append(
            (
                "• Pièces exigées ("
                + ", ".join(consultation.required_documents)
                + ") : oui si la pièce est dans l'offre, non sinon (vide = non). Une pièce "
                "manquante rend l'offre irrégulière (art. L2152-2).",
                False,
            )
        )
    scales = " ; ".join(f"{c.id} ({c.label}) de 0 à {_french(c.scale)}" for c in marked)
    if evaluators:
        lines += [
            (
                "• Les notes du jury ne vont pas dans la feuille offers mais dans la feuille "
                "marks : une ligne par candidat, lot, critère et évaluateur ("
                + ", ".join(evaluators)
                + "). referent en fait la moyenne (ou la médiane, selon criteria.yaml) et "
                "signale les notes trop éloignées.",
                False,
            ),
            (f"• Barème des notes : {scales}. 3,5 est accepté.", False),
        ]
    elif marked:
        lines += [
            (
                "• Notes du jury, une colonne par critère : "
                + scales
                + ". 3,5 est accepté. La colonne « <critère> commentaire » (facultative) "
                "justifie la note.",
                False,
            ),
        ]
    lines += [
        (
            f"• Le critère {config.price_criterion.id} ({config.price_criterion.label}) "
            "n'est pas noté à la main : referent le calcule à partir des prix.",
            False,
        ),
        ("", False),
        ("Les lots", True),
        *(
            (
                f"• Lot {lot.id} — {lot.title} : montant maximum {_euros(lot.cap_ht)} HT / "
                f"{_euros(lot.cap_ttc)} TTC.",
                False,
            )
            for lot in config.lots
        ),
        ("", False),
        ("Ensuite", True),
        ("1. Vérifier le classeur (chaque erreur est donnée avec sa cellule) :", False),
        ("referent validate offers.xlsx", False),
        ("2. Calculer les points et le classement de chaque lot :", False),
        ("referent score offers.xlsx", False),
    ]
    ws.column_dimensions["A"].width = 110
    for row, (text, heading) in enumerate(lines, start=1):
        cell = ws.cell(row=row, column=1)
        _set_text(cell, text)
        cell.alignment = _WRAP
        if heading:
            cell.font = _TITLE if row == 1 else _BOLD
        elif text.startswith("referent "):
            cell.font = Font(name="Courier New", bold=True)


# ---- small helpers ----------------------------------------------------------------------------


def _set_text(cell: Cell | MergedCell, text: str) -> None:
    """Text from the configuration stays text: openpyxl would store ``=…`` as a formula."""
    cell.value = _clean(text)[:32767]
    if cell.data_type == "f":
        cell.data_type = "s"


def _serial(day: date) -> int:
    """A date as a spreadsheet formula holds it: days since 1899-12-30 (2000-01-01 is 36526)."""
    return (day - date(1899, 12, 30)).days


def _clean(text: str) -> str:
    return ILLEGAL_CHARACTERS_RE.sub("", text)


def _clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _plain(value: Decimal) -> str:
    """A number as a formula holds it: 5, 2.5."""
    return f"{value.normalize():f}"


def _french(value: Decimal) -> str:
    return _plain(value).replace(".", ",")


def _euros(amount: Decimal) -> str:
    return f"{amount:,.2f}".replace(",", "\u202f").replace(".", ",") + "\u00a0€"


def _lot_ids_text(config: Config) -> str:
    ids = [str(lot.id) for lot in config.lots]
    if len(ids) == 1:
        return f"lot {ids[0]}"
    if [lot.id for lot in config.lots] == list(range(config.lots[0].id, config.lots[-1].id + 1)):
        return f"lots {ids[0]} à {ids[-1]}"
    if len(ids) > 12:
        return "lots " + ", ".join(ids[:10]) + f"… ({len(ids)} lots)"
    return "lots " + ", ".join(ids[:-1]) + " ou " + ids[-1]


def _deadline_text(deadline: date | datetime | None) -> str:
    if deadline is None:
        return "non fixée dans lots.yaml"
    if isinstance(deadline, datetime):
        return deadline.strftime("%d/%m/%Y à %H:%M")
    return deadline.strftime("%d/%m/%Y") + " (jusqu'à la fin de ce jour)"


def _weight_text(config: Config, criterion: Criterion) -> str:
    if config.ordering is Ordering.HIERARCHY:
        return ""
    return f" ({_french(criterion.weight)} % des points)"


def _example_mark(scale: Decimal) -> str:
    return _french(min(scale, (scale * 4 / 5).quantize(Decimal("0.5"))))


# ---- referent init ----------------------------------------------------------------------------

LOTS_FILE: Final = "lots.yaml"
CRITERIA_FILE: Final = "criteria.yaml"
OFFERS_FILE: Final = "offers.xlsx"
PLACEHOLDER_CAP_TTC: Final = 10000
DEFAULT_DEADLINE_DAYS: Final = 30

# Characters PyYAML refuses in a file, or reads as a line break inside a quoted string.
_YAML_UNSAFE = re.compile(
    "[^\t\n\r\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd\U00010000-\U0010ffff]"
)


def init_consultation(
    folder: Path,
    lots: int = 4,
    title: str = "Ma consultation",
    force: bool = False,
    *,
    deadline: date | None = None,
) -> list[Path]:
    """Write a working consultation into ``folder``: commented ``lots.yaml`` and
    ``criteria.yaml``, and the matching ``offers.xlsx`` template.

    Nothing is written unless all three can be (an existing file is replaced only with
    ``force``). ``deadline`` defaults to 30 days from today: a placeholder to replace.
    """
    if lots < 1:
        raise ReferentError(
            f"--lots {lots}: a consultation has at least one lot",
            "init-lots",
            params=(("lots", str(lots)),),
        )
    if folder.exists() and not folder.is_dir():
        raise ReferentError(
            f"{folder}: is a file, not a folder",
            "init-not-a-folder",
            params=(("path", str(folder)),),
        )
    targets = [folder / LOTS_FILE, folder / CRITERIA_FILE, folder / OFFERS_FILE]
    rows = offer_rows(folder / OFFERS_FILE)
    if rows:  # typed offers are never lost, even with force
        raise ReferentError(
            f"{folder / OFFERS_FILE}: holds {rows} offer row(s); init never replaces it, even "
            "with --force: choose another folder, or move the workbook away first",
            "init-holds-offers",
            params=(("path", str(folder / OFFERS_FILE)), ("rows", str(rows))),
        )
    existing = [path for path in targets if path.exists()]
    if existing and not force:
        lines = [
            (path, f"{path}: already exists; pass --force to replace it, or choose another folder")
            for path in existing
        ]
        raise ReferentError(
            [line for _, line in lines],
            "init-exists",
            problems=[  # one line per file, each worded in the user's language
                Problem("init-exists", line, params=(("path", str(path)),)) for path, line in lines
            ],
        )
    lots_text = _lots_yaml(lots, title, deadline or date.today() + timedelta(DEFAULT_DEADLINE_DAYS))
    criteria_text = _criteria_yaml()
    with tempfile.TemporaryDirectory() as scratch:  # check the files before writing any of them
        lots_path = Path(scratch) / LOTS_FILE
        lots_path.write_text(lots_text, encoding="utf-8")
        (Path(scratch) / CRITERIA_FILE).write_text(criteria_text, encoding="utf-8")
        workbook = build_template(load_config(lots_path, Path(scratch) / CRITERIA_FILE))
    folder.mkdir(parents=True, exist_ok=True)
    contents: tuple[str | bytes, ...] = (lots_text, criteria_text, workbook)
    for path, content in zip(targets, contents, strict=True):
        write_atomically(path, content, inputs=[], force=force)
    return targets


def _yaml_string(text: str) -> str:
    """A YAML double-quoted scalar: JSON's string syntax is valid YAML, kept readable."""
    return _YAML_UNSAFE.sub(_yaml_escape, json.dumps(text, ensure_ascii=False))


def _yaml_escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"


def _lots_yaml(lots: int, title: str, deadline: date) -> str:
    """The commented ``lots.yaml`` of a new consultation (French comments, placeholders)."""
    lines = [
        "# La consultation et ses lots, lus par referent. Remplacez les valeurs d'exemple :",
        "# intitulés et montants maximums des lots, date limite, pièces exigées.",
        "# Vérifiez ensuite avec : referent validate",
        "consultation:",
        f"  title: {_yaml_string(title)}   # intitulé de la consultation",
        "  # buyer: \"Nom de l'acheteur\"   # facultatif : l'acheteur, repris dans le rapport et "
        "les lettres",
        f"  deadline: {deadline.isoformat()}   # date limite de réception des offres (une date : "
        'jusqu\'à la fin du jour ; ou "2026-03-23 12:00")',
        "  vat_rate: 0.20   # taux de TVA appliqué à une offre qui n'en indique pas",
        "  # cap_basis : ht | ttc | both, le maximum auquel on compare le prix d'une offre.",
        "  # ttc : le budget est le montant TTC que l'acheteur paiera (une offre exonérée de TVA",
        "  # y est comparée telle quelle) ; le montant HT se déduit avec vat_rate. Prenez ht si",
        "  # votre avis fixe les maximums hors taxes.",
        "  cap_basis: ttc",
        "  # pièces exigées par le règlement : une colonne oui/non chacune dans le classeur",
        "  required_documents: [note_contexte, chantiers, presentation_cv, proposition_financiere]",
        f"  offers: {OFFERS_FILE}   # le classeur des offres, relatif à ce fichier",
        "  # signaler (jamais écarter) un prix sous 80 % de la moyenne des autres offres du lot",
        "  abnormally_low: {method: mean-ratio, ratio: 0.8}",
        "  # max_lots_per_candidate: 2   # facultatif : nombre maximum de lots attribués à un "
        "même candidat",
        "",
        "lots:",
    ]
    for number in range(1, lots + 1):
        lot_title = _yaml_string(f"Titre du lot {number} (à renommer)")
        if number == 1:
            lines += [
                f"  - id: {number}   # numéro du lot : un entier positif, unique",
                f"    title: {lot_title}   # intitulé du lot",
                f"    cap_ttc: {PLACEHOLDER_CAP_TTC}   # montant maximum TTC du lot (à "
                "remplacer) ; cap_ht pour le HT, ou les deux",
            ]
        else:
            lines += [
                f"  - id: {number}",
                f"    title: {lot_title}",
                f"    cap_ttc: {PLACEHOLDER_CAP_TTC}",
            ]
    return "\n".join(lines) + "\n"


_SEED_CRITERIA: Final[tuple[tuple[str, str, int], ...]] = (
    (
        "context",
        "Note de contexte, connaissance du secteur et des acteurs, enjeux du territoire",
        30,
    ),
    ("technical", "Qualité technique de la proposition", 30),
    ("competence", "Compétence de l'intervenant (animation de projets partenariaux)", 20),
)


def _criteria_yaml() -> str:
    """The commented ``criteria.yaml`` of a new consultation: the seed's four criteria."""
    lines = [
        "# Critères d'attribution et pondération. EXEMPLE : ces quatre critères et les poids",
        "# 30/30/20/20 viennent d'une consultation précédente ; remplacez-les par ceux de votre",
        "# règlement de consultation.",
        "total: 100   # points d'une offre parfaite (100 ou 20 sont courants)",
        "marks_scale: 5   # les notes du jury vont de 0 à ce nombre (sauf `scale` propre à un "
        "critère)",
        "# marks_aggregate: mean   # plusieurs évaluateurs : moyenne (mean) ou médiane (median)",
        "criteria:",
    ]
    for index, (criterion_id, label, weight) in enumerate(_SEED_CRITERIA):
        if index == 0:
            lines += [
                f"  - id: {criterion_id}   # identifiant : l'en-tête de sa colonne de notes",
                f"    label: {_yaml_string(label)}   # intitulé, tel que dans le règlement",
                f"    weight: {weight}   # pondération en % ; la somme des poids fait 100",
            ]
        else:
            lines += [
                f"  - id: {criterion_id}",
                f"    label: {_yaml_string(label)}",
                f"    weight: {weight}",
            ]
    lines += [
        "  - id: price",
        f"    label: {_yaml_string('Prix de la prestation')}",
        "    weight: 20",
        "    price:   # le critère prix : calculé par referent, pas noté par le jury",
        "      formula: proportional   # proportional (Pmin / P) | linear | gap",
        "      basis: ht   # ht | ttc : le montant comparé",
        "tie_break: [price, context]   # égalité exacte : critères qui départagent, dans l'ordre",
    ]
    return "\n".join(lines) + "\n"
