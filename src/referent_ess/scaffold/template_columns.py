"""The columns of the offers workbook and their typing rules.

Each column has a header the tool recognises, a note on the header that explains the field with
an example, a width and number format, and a spreadsheet validation: what may be typed (a lot
from the list, ``oui``/``non``, a positive amount, a mark within the scale, a date, a VAT rate
from the list), the input message shown while typing, and the alert shown on a refused value.

The texts are French (``tpl.`` keys of the French catalogue): the functions here word them in
the current language, and :func:`~referent_ess.scaffold.offers_template.build_template` calls
them inside ``i18n.language("fr")``.
"""

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Final, Literal

from referent_ess import i18n
from referent_ess.config.choices import Ordering, PriceModel, Variants
from referent_ess.config.columns import (
    HEADERS,
    MARKS_HEADERS,
    ColumnKind,
    OfferField,
    column_letter,
)
from referent_ess.config.model import Config, Criterion, DescriptorScale
from referent_ess.i18n import tr
from referent_ess.i18n.numbers import quantity_raw
from referent_ess.scaffold.cell_text import clip

OFFERS_SHEET: Final = "offers"
LAST_ROW: Final = 1000  # offers: validations on rows 2..1000
LAST_MARK_ROW: Final = 5000  # marks: one row per offer, criterion and evaluator, so more rows

FIRST_DATE: Final = date(2000, 1, 1)
LAST_DATE: Final = date(2100, 12, 31)

# The workbook is French, so 5,5 % has a decimal comma. Items of an inline list validation are
# separated by commas in the file whatever the spreadsheet's language, so this list is written in
# the hidden sheet instead (see offers_template.ListsSheet); the tool's VAT parser reads every
# item.
VAT_CHOICES: Final[tuple[str, ...]] = ("20 %", "10 %", "5,5 %", "0 %", "exonéré")
YES_NO: Final[tuple[str, ...]] = ("oui", "non")
# The jury's decisions, as the list offers them (the tool reads other spellings too).
DECISIONS: Final[tuple[str, ...]] = ("irrégulière", "inacceptable", "inappropriée")

MONEY_FORMAT: Final = '#,##0.00 "€"'
DAYS_FORMAT: Final = "0.00"
DATE_FORMAT: Final = "DD/MM/YYYY"
DATETIME_FORMAT: Final = "DD/MM/YYYY HH:MM"
TEXT_FORMAT: Final = "@"  # VAT as typed: "5,5 %" stays the text of the list item

# Excel refuses (and "repairs") a validation whose texts are longer than these.
MAX_TITLE: Final = 32
MAX_MESSAGE: Final = 255

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

ListSource = Callable[[Sequence[str]], str]
"""Where a list validation takes its items: inline (``"1,2,3"``) or a range of a hidden sheet."""


@dataclass(frozen=True)
class Rule:
    """One column's data validation: what may be typed, what is shown while typing, the alert."""

    kind: ValidationType | None  # None: any value, only the input message
    formula1: str | None
    prompt_title: str
    prompt: str
    error: str = ""
    operator: Operator | None = None
    formula2: str | None = None
    # "stop" refuses the value; "warning" asks to confirm it (a number typed beside the words)
    style: Literal["stop", "warning"] = "stop"


@dataclass(frozen=True)
class Column:
    header: str
    note: str  # the header cell's comment: what the field is, with an example
    width: float
    rule: Rule
    number_format: str | None = None
    # the lots whose offers fill it (empty: every lot); the others' cells are greyed and refused
    lots: tuple[int, ...] = ()


LOT_COLUMN: Final = "B"  # where the row's lot is typed: the second column of the offers sheet
MAX_FORMULA: Final = 255  # Excel's limit for a validation's formula


def for_lots(lots: Sequence[int], row: int = 2) -> str:
    """The condition that the row's lot is one of ``lots`` (or not typed yet)."""
    cell = f"${LOT_COLUMN}{row}"
    return f'OR({cell}="",' + ",".join(f"{cell}={lot}" for lot in lots) + ")"


def restricted(rule: Rule, cell: str, lots: Sequence[int], scales: dict[int, Decimal]) -> Rule:
    """``rule`` (of a document, a mark or a comment column) limited to the rows of ``lots``: a
    custom validation, since a cell takes one. A mark is bounded by its lot's own scale
    (``scales``: lot → scale); a document is ``oui`` or ``non``. When the formula would be
    longer than Excel allows, the column keeps its own rule and the tool refuses a value for
    another lot when it reads the workbook."""
    lot_cell = f"${LOT_COLUMN}2"
    if rule.kind == "decimal" and scales:
        by_scale: dict[Decimal, list[int]] = {}
        for lot in lots:
            by_scale.setdefault(scales[lot], []).append(lot)
        bounds = ",".join(
            f"AND(OR({','.join(f'{lot_cell}={lot}' for lot in group)}),{cell}<={quantity_raw(top)})"
            for top, group in by_scale.items()
        )
        value = f'OR({lot_cell}="",{bounds})'
        formula = f"AND(ISNUMBER({cell}),{cell}>=0,{value})"
    elif rule.kind == "list":
        formula = f'AND({for_lots(lots)},OR({cell}="oui",{cell}="non"))'
    else:
        formula = for_lots(lots)
    if len(formula) > MAX_FORMULA:
        return rule
    return Rule(
        "custom",
        formula,
        rule.prompt_title,
        rule.prompt,
        tr(_plural("tpl.lots_only.error", lots), lots=_listed(lots), error=rule.error).strip(),
    )


def _plural(key: str, lots: Sequence[int]) -> str:
    return f"{key}.one" if len(lots) == 1 else f"{key}.other"


def _listed(lots: Sequence[int]) -> str:
    """``2``, ``1 et 3``, ``1, 3 et 4``."""
    return i18n.numbers.listed([str(lot) for lot in lots])


def offer_columns(config: Config, list_source: ListSource, *, marks_inline: bool) -> list[Column]:
    """The columns of the ``offers`` sheet: the offer's fields, one yes/no column per required
    document and, with ``marks_inline``, a mark and a comment column per marked criterion."""
    consultation = config.consultation
    ids = [str(lot.id) for lot in config.lots]
    lots = lot_ids_text(config)
    deadline = deadline_text(consultation.deadline)
    timed = isinstance(consultation.deadline, datetime)
    form = "timed" if timed else "day"
    vat = {"choices": either(VAT_CHOICES), "default": i18n.percent(consultation.vat_rate)}
    columns = [
        Column(
            HEADERS[OfferField.CANDIDATE],
            tr("tpl.candidate.note"),
            40,
            Rule(None, None, tr("tpl.candidate.title"), tr("tpl.candidate.prompt")),
        ),
        Column(
            HEADERS[OfferField.LOT],
            tr("tpl.lot.note", lots=lots, example=ids[0]),
            10,
            Rule(
                "list",
                list_source(ids),
                tr("tpl.lot.title"),
                tr("tpl.lot.prompt", lots=lots),
                tr("tpl.lot.error", lots=lots),
            ),
        ),
        *_day_rate_columns(config),
        Column(
            HEADERS[OfferField.VAT_RATE],
            tr("tpl.vat.note", **vat),
            14,
            Rule(
                "list",
                list_source(VAT_CHOICES),
                tr("tpl.vat.title"),
                tr("tpl.vat.prompt", **vat),
                tr("tpl.vat.error", **vat),
            ),
            TEXT_FORMAT,
        ),
        _price_column(config),
        # after candidate, lot, the day-rate columns, VAT and amount: column 5 + their count
        *_pse_columns(config, 5 + len(_day_rate_columns(config))),
        Column(
            HEADERS[OfferField.RECEIVED_AT],
            tr(f"tpl.received.note.{form}", deadline=deadline),
            18,
            Rule(
                "date",
                str(_serial(FIRST_DATE)),
                tr("tpl.received.title"),
                tr(f"tpl.received.prompt.{form}", deadline=deadline),
                tr("tpl.received.error", first=i18n.when(FIRST_DATE), last=i18n.when(LAST_DATE)),
                "between",
                str(_serial(LAST_DATE)),
            ),
            DATETIME_FORMAT if timed else DATE_FORMAT,
        ),
    ]
    yes_no = list_source(YES_NO)
    names = config.column_names
    for document in config.document_columns:
        used_by = tuple(lot.id for lot in config.lots if document in config.documents_for(lot.id))
        only = () if len(used_by) == len(config.lots) else used_by
        header = names.header(ColumnKind.DOCUMENT, document)  # its label, where usable
        rule = Rule(
            "list",
            yes_no,
            clip(tr("tpl.document.title", document=header), MAX_TITLE),
            clip(tr("tpl.document.prompt", document=header), MAX_MESSAGE),
            tr("tpl.document.error"),
        )
        cell = f"{column_letter(len(columns) + 1)}2"
        columns.append(
            Column(
                header,
                tr("tpl.document.note", document=header) + _lots_note(only),
                header_width(header, 12),
                restricted(rule, cell, only, {}) if only else rule,
                lots=only,
            )
        )
    if marks_inline:
        for criterion in config.mark_columns:
            columns += _mark_and_comment(config, criterion, len(columns) + 1, list_source)
    return [*columns, *_variant_and_round(config), *_jury_decision(list_source)]


def _variant_and_round(config: Config) -> list[Column]:
    """The columns the consultation announces: ``Variante`` when a lot says it allows variants
    (``variants: allowed``), ``Tour`` when negotiation rounds are given (``rounds``)."""
    columns = []
    if any(lot.variants is Variants.ALLOWED for lot in config.lots):
        columns.append(
            Column(
                HEADERS[OfferField.VARIANT],
                tr("tpl.variant.note"),
                20,
                Rule(None, None, tr("tpl.variant.title"), tr("tpl.variant.prompt")),
            )
        )
    if config.consultation.round_deadlines:
        columns.append(
            Column(
                HEADERS[OfferField.ROUND],
                tr("tpl.round.note"),
                8,
                Rule(
                    "whole",
                    "1",
                    tr("tpl.round.title"),
                    tr("tpl.round.prompt"),
                    tr("tpl.round.error"),
                    "between",
                    "1000",
                ),
            )
        )
    return columns


def _jury_decision(list_source: ListSource) -> list[Column]:
    """The jury's decision on the offer (a list of the three words) and its reason: last, since
    the jury decides once the offers are examined."""
    return [
        Column(
            HEADERS[OfferField.JURY_DECISION],
            tr("tpl.decision.note"),
            18,
            Rule(
                "list",
                list_source(DECISIONS),
                tr("tpl.decision.title"),
                tr("tpl.decision.prompt"),
                tr("tpl.decision.error"),
            ),
        ),
        Column(
            HEADERS[OfferField.JURY_REASON],
            tr("tpl.reason.note"),
            50,
            Rule(None, None, tr("tpl.reason.title"), tr("tpl.reason.prompt")),
        ),
    ]


def _lots_note(lots: Sequence[int]) -> str:
    """What a column's note adds when only some lots fill it."""
    return tr(_plural("tpl.lots_only.note", lots), lots=_listed(lots)) if lots else ""


def _full_label(config: Config, criterion: Criterion) -> str:
    """A sub-criterion's label after its parent's (« Valeur technique — Méthodologie »), as the
    lots marking it name it."""
    lot = config.lots_marking(criterion.id)[0]
    criteria = config.criteria_for(lot)
    parent = criteria.parent_of(criterion.id)
    return criterion.label if parent is None else f"{parent.label} — {criterion.label}"


def _mark_and_comment(
    config: Config, criterion: Criterion, index: int, list_source: ListSource
) -> list[Column]:
    """The mark and comment columns of a marked criterion, ``index`` being the mark's (from
    1). When only some lots mark it, or not all on one scale, their rules say which lots and
    which scale. A criterion marked on a descriptor scale offers its words as a dropdown."""
    marking = lot_scales(config, criterion.id)
    lots = () if len(marking) == len(config.lots) else tuple(marking)
    if criterion.descriptors is not None:
        return _words_and_comment(config, criterion, index, list_source, lots)
    uneven = len(set(marking.values())) > 1
    shown = tr("tpl.mark.range", scale=i18n.quantity(criterion.scale))
    weight = (
        ""
        if config.ordering is Ordering.HIERARCHY
        else tr("tpl.mark.weight", weight=i18n.quantity(criterion.weight))
    )
    example = i18n.quantity(
        min(criterion.scale, (criterion.scale * 4 / 5).quantize(Decimal("0.5")))
    )
    if uneven:
        scales = ", ".join(
            tr("tpl.mark.lot_scale", lot=lot, scale=i18n.quantity(scale))
            for lot, scale in marking.items()
        )
        shown = tr("tpl.mark.ranges", scales=scales)
    label = _full_label(config, criterion)
    header = config.column_names.header(ColumnKind.MARK, criterion.id)
    mark_rule = _mark_rule(
        tr("tpl.mark.title", criterion=header),
        tr("tpl.mark.prompt", label=label, range=shown),
        max(marking.values()),
        shown,
    )
    if lots or uneven:
        mark_rule = restricted(mark_rule, f"{column_letter(index)}2", tuple(marking), marking)
    return [
        Column(
            header,
            tr("tpl.mark.note", label=label, weight=weight, range=shown, example=example)
            + _lots_note(lots),
            header_width(header, 10),
            mark_rule,
            lots=lots,
        ),
        _comment(config, criterion, index + 1, lots),
    ]


def _words_and_comment(
    config: Config,
    criterion: Criterion,
    index: int,
    list_source: ListSource,
    lots: tuple[int, ...],
) -> list[Column]:
    """A criterion marked on a descriptor scale: a dropdown of its words (the same scale in
    every set that marks it). When only some lots mark it, the column keeps its dropdown (a
    cell takes one validation): its grey fill and its note say which lots, and the tool
    refuses a word on another lot's row when it reads the workbook."""
    scale = criterion.descriptors
    assert scale is not None
    words = [word for word, _ in scale.words]
    listed = scale_words_text(criterion)
    label = _full_label(config, criterion)
    header = config.column_names.header(ColumnKind.MARK, criterion.id)
    weight = (
        ""
        if config.ordering is Ordering.HIERARCHY
        else tr("tpl.mark.weight", weight=i18n.quantity(criterion.weight))
    )
    rule = Rule(
        "list",
        list_source(words),
        clip(tr("tpl.mark.title", criterion=header), MAX_TITLE),
        clip(tr("tpl.mark.prompt.words", label=label, words=listed), MAX_MESSAGE),
        clip(tr("tpl.mark.error.words", words=listed), MAX_MESSAGE),
    )
    note = tr("tpl.mark.note.words", label=label, weight=weight, words=listed, example=words[0])
    return [
        Column(
            header,
            note + _lots_note(lots),
            max(header_width(header, 18), *(len(word) + 4 for word in words)),
            rule,
            lots=lots,
        ),
        _comment(config, criterion, index + 1, lots),
    ]


def scale_words_text(criterion: Criterion) -> str:
    """The words of a criterion's descriptor scale with their marks, in the workbook's words:
    « Très satisfaisant » (5), « Satisfaisant » (3)…"""
    assert criterion.descriptors is not None
    return ", ".join(
        tr("tpl.mark.word", word=word, mark=i18n.quantity(mark))
        for word, mark in criterion.descriptors.words
    )


def _comment(config: Config, criterion: Criterion, index: int, lots: tuple[int, ...]) -> Column:
    """The jury's justification of a criterion's mark, ``index`` being its column."""
    header = config.column_names.header(ColumnKind.MARK, criterion.id)
    rule = Rule(
        None,
        None,
        clip(tr("tpl.comment.title", criterion=header), MAX_TITLE),
        clip(tr("tpl.comment.prompt", criterion=header), MAX_MESSAGE),
    )
    if lots:
        rule = restricted(rule, f"{column_letter(index)}2", lots, {})
    return Column(
        config.column_names.comment_header(criterion.id),
        tr("tpl.comment.note", criterion=header) + _lots_note(lots),
        45,
        rule,
        lots=lots,
    )


def named_entry(header: str, label: str) -> str:
    """A criterion as a list names it, with its label when its header is a shorter one:
    « Contexte » (Note de contexte…)."""
    if header == label:
        return tr("tpl.marks.criterion.entry.same", header=header)
    return tr("tpl.marks.criterion.entry", header=header, label=label)


MAX_HEADER_WIDTH: Final = 30  # a longer header wraps in its cell (row 1 grows to fit)


def header_width(header: str, least: float) -> float:
    """The width of a column headed ``header``: the header and a margin, at least ``least``, at
    most :data:`MAX_HEADER_WIDTH` (a long label wraps instead of widening the sheet)."""
    return max(least, min(len(header) + 4, MAX_HEADER_WIDTH))


def lot_scales(config: Config, criterion_id: str) -> dict[int, Decimal]:
    """The scale of a marked criterion in each lot that marks it."""
    scales = {}
    for lot in config.lots_marking(criterion_id):
        node = config.criteria_for(lot).node(criterion_id)
        assert node is not None
        scales[lot] = node.scale
    return scales


def mark_columns(
    config: Config, evaluators: Sequence[str], list_source: ListSource
) -> list[Column]:
    """The columns of the ``marks`` sheet: one row per offer, criterion and evaluator, and the
    ``Variante`` and ``Tour`` columns when the consultation announces variants or rounds."""
    marked = config.mark_columns
    # each criterion as the list offers it: its header in the offers sheet (the reader takes
    # its id or either label as well)
    headers = {c.id: config.column_names.header(ColumnKind.MARK, c.id) for c in marked}
    ids = list(headers.values())
    scales = {c.scale for c in marked if c.descriptors is None}
    top = max(scales) if scales else Decimal(5)
    shown = (
        tr("tpl.mark.range", scale=i18n.quantity(top))
        if len(scales) <= 1
        else tr(
            "tpl.mark.ranges",
            scales=", ".join(
                tr("tpl.mark.scale", id=headers[c.id], scale=i18n.quantity(c.scale)) for c in marked
            ),
        )
    )
    lots = lot_ids_text(config)
    names = ", ".join(evaluators)
    criteria = " ; ".join(named_entry(headers[c.id], c.label) for c in marked)
    return [
        Column(
            MARKS_HEADERS[0],
            tr("tpl.marks.candidate.note"),
            40,
            Rule(
                "list",
                f"{OFFERS_SHEET}!$A$2:$A${LAST_ROW}",
                tr("tpl.candidate.title"),
                tr("tpl.marks.candidate.prompt"),
                tr("tpl.marks.candidate.error"),
            ),
        ),
        Column(
            MARKS_HEADERS[1],
            tr("tpl.marks.lot.note", lots=lots, example=config.lots[0].id),
            10,
            Rule(
                "list",
                list_source([str(lot.id) for lot in config.lots]),
                tr("tpl.lot.title"),
                tr("tpl.marks.lot.prompt", lots=lots),
                tr("tpl.lot.error", lots=lots),
            ),
        ),
        Column(
            MARKS_HEADERS[2],
            tr("tpl.marks.criterion.note", criteria=criteria, example=ids[0] if ids else "context"),
            16,
            Rule(
                "list",
                list_source(ids),
                tr("tpl.marks.criterion.title"),
                clip(tr("tpl.marks.criterion.prompt", ids=", ".join(ids)), MAX_MESSAGE),
                tr("tpl.marks.criterion.error"),
            ),
        ),
        Column(
            MARKS_HEADERS[3],
            tr("tpl.marks.evaluator.note", names=names, example=evaluators[0]),
            18,
            Rule(
                "list",
                list_source(evaluators),
                tr("tpl.marks.evaluator.title"),
                clip(tr("tpl.marks.evaluator.prompt", names=names), MAX_MESSAGE),
                clip(tr("tpl.marks.evaluator.error", names=names), MAX_MESSAGE),
            ),
        ),
        _marks_sheet_mark(marked, headers, top, shown, list_source),
        Column(
            MARKS_HEADERS[5],
            tr("tpl.marks.comment.note"),
            50,
            Rule(None, None, tr("tpl.marks.comment.title"), tr("tpl.marks.comment.prompt")),
        ),
        *_variant_and_round(config),  # a variant or a round marked apart, as in the offers sheet
    ]


def _marks_sheet_mark(
    marked: Sequence[Criterion],
    headers: dict[str, str],
    top: Decimal,
    shown: str,
    list_source: ListSource,
) -> Column:
    """The mark of a row of the marks sheet: a number from 0 to the scale; or, when criteria
    are marked on descriptor scales, a dropdown of their words, which refuses anything else
    when every criterion is marked with words, and asks to confirm a number otherwise."""
    worded = [c for c in marked if c.descriptors is not None]
    if not worded:
        return Column(
            MARKS_HEADERS[4],
            tr("tpl.marks.mark.note", range=shown),
            10,
            _mark_rule(
                tr("tpl.marks.mark.title"), tr("tpl.marks.mark.prompt", range=shown), top, shown
            ),
        )
    by_scale: dict[DescriptorScale, list[Criterion]] = {}
    for criterion in worded:
        assert criterion.descriptors is not None
        by_scale.setdefault(criterion.descriptors, []).append(criterion)
    words = list(dict.fromkeys(word for scale in by_scale for word, _ in scale.words))
    listed = " ; ".join(
        tr(
            "tpl.marks.mark.scale",
            ids=", ".join(headers[c.id] for c in group),
            words=scale_words_text(group[0]),
        )
        for group in by_scale.values()
    )
    form = "words" if len(worded) == len(marked) else "mixed"
    return Column(
        MARKS_HEADERS[4],
        tr(f"tpl.marks.mark.note.{form}", words=listed, range=shown, example=words[0]),
        max(18, *(len(word) + 4 for word in words)),
        Rule(
            "list",
            list_source(words),
            tr("tpl.marks.mark.title"),
            clip(tr(f"tpl.marks.mark.prompt.{form}", words=listed, range=shown), MAX_MESSAGE),
            clip(tr(f"tpl.marks.mark.error.{form}", words=listed, range=shown), MAX_MESSAGE),
            style="stop" if form == "words" else "warning",
        ),
    )


def _day_rate_columns(config: Config) -> list[Column]:
    """The day rate and the days, when some lot is priced by them."""
    if PriceModel.DAY_RATE not in config.price_models:
        return []
    return [
        Column(
            HEADERS[OfferField.DAY_RATE_HT],
            tr("tpl.day_rate.note"),
            20,
            _positive("day_rate"),
            MONEY_FORMAT,
        ),
        Column(HEADERS[OfferField.DAYS], tr("tpl.days.note"), 17, _positive("days"), DAYS_FORMAT),
    ]


def _price_column(config: Config) -> Column:
    """The amount HT: a cross-check of day rate × days, the price of a lump sum, or both when
    the lots differ (the note names the lots priced as a lump sum)."""
    models = config.price_models
    lined = [str(lot.id) for lot in config.lots if lot.price_model.has_lines]
    if lined and all(model.has_lines for model in models):
        key = "price_lines"
    elif PriceModel.LUMP_SUM not in models:
        key = "price"
    elif PriceModel.DAY_RATE not in models:
        key = "price_lump"
    else:
        key = "price_mixed"
    lump = [str(lot.id) for lot in config.lots if lot.price_model is PriceModel.LUMP_SUM]
    if key == "price_mixed":
        listed = ", ".join(lump[:-1]) + " " + tr("tpl.and") + " " + lump[-1]
        lots = (
            tr("tpl.lots.one", id=lump[0]) if len(lump) == 1 else tr("tpl.lots.some", listed=listed)
        )
        note = tr("tpl.price_mixed.note", lots=lots[:1].upper() + lots[1:])
    else:
        note = tr(f"tpl.{key}.note")
    if lined and key != "price_lines":  # the other lots' rows: the total of their lines
        note += "\n" + tr("tpl.price_lines.also", lots=i18n.numbers.listed(lined))
    return Column(HEADERS[OfferField.PRICE_HT], note, 16, _positive(key), MONEY_FORMAT)


def _pse_columns(config: Config, first: int) -> list[Column]:
    """One column per PSE some lot declares, headed by its id, from column ``first`` (1-based):
    its amount HT, a number above 0, required for the offers of the lots declaring it (the
    others' cells greyed and refused)."""
    columns = []
    lump_sums = [p for p in config.pse_columns if p.id in config.lump_sum_pse_ids]
    for index, pse in enumerate(lump_sums):
        used_by = tuple(
            lot.id for lot in config.lots if any(p.id == pse.id for p in lot.lump_sum_pse)
        )
        only = () if len(used_by) == len(config.lots) else used_by
        cell = f"{column_letter(first + index)}2"
        error = tr("tpl.positive.error", what=tr("tpl.pse.what"), example=tr("tpl.price.example"))
        positive = f"AND(ISNUMBER({cell}),{cell}>0)"
        formula = f"AND({for_lots(only)},{positive})" if only else positive
        if only:
            error = tr(_plural("tpl.lots_only.error", only), lots=_listed(only), error=error)
        rule = Rule(
            "custom",
            formula,
            clip(tr("tpl.pse.title", id=pse.id), MAX_TITLE),
            clip(tr("tpl.pse.prompt", label=pse.label), MAX_MESSAGE),
            clip(error.strip(), MAX_MESSAGE),
        )
        note = tr("tpl.pse.note", label=pse.label) + _lots_note(only)
        columns.append(Column(pse.id, note, max(12, len(pse.id) + 4), rule, MONEY_FORMAT, only))
    return columns


def _positive(field: str) -> Rule:
    """A number above 0: the day rate, the days, the announced amount (``tpl.<field>.*``)."""
    return Rule(
        "decimal",
        "0",
        tr(f"tpl.{field}.title"),
        tr(f"tpl.{field}.prompt"),
        tr(
            "tpl.positive.error",
            what=tr(f"tpl.{field}.what"),
            example=tr(f"tpl.{field}.example"),
        ),
        "greaterThan",
    )


def _mark_rule(title: str, prompt: str, scale: Decimal, shown: str) -> Rule:
    """A mark from 0 to ``scale`` (``shown``: that range in words)."""
    return Rule(
        "decimal",
        "0",
        clip(title, MAX_TITLE),
        clip(prompt, MAX_MESSAGE),
        clip(tr("tpl.mark.error", range=shown), MAX_MESSAGE),
        "between",
        quantity_raw(scale),  # as a formula holds it: 5, 2.5
    )


def _serial(day: date) -> int:
    """A date as a spreadsheet formula holds it: days since 1899-12-30 (2000-01-01 is 36526)."""
    return (day - date(1899, 12, 30)).days


def lot_ids_text(config: Config) -> str:
    """The lots a buyer may choose: ``lot 1``, ``lots 1 à 4``, ``lots 1, 3 ou 7``."""
    ids = [str(lot.id) for lot in config.lots]
    if len(ids) == 1:
        return tr("tpl.lots.one", id=ids[0])
    if [lot.id for lot in config.lots] == list(range(config.lots[0].id, config.lots[-1].id + 1)):
        return tr("tpl.lots.range", first=ids[0], last=ids[-1])
    if len(ids) > 12:
        return tr("tpl.lots.many", listed=", ".join(ids[:10]), count=len(ids))
    return tr("tpl.lots.some", listed=either(ids))


def either(items: Sequence[str]) -> str:
    """``A, B ou C``: one of the items."""
    if len(items) == 1:
        return items[0]
    return tr("tpl.either", listed=", ".join(items[:-1]), last=items[-1])


def deadline_text(deadline: date | datetime | None) -> str:
    """The deadline as the workbook states it: a day runs to its end."""
    if deadline is None:
        return tr("tpl.deadline.none")
    if isinstance(deadline, datetime):
        return i18n.when(deadline)
    return tr("tpl.deadline.day", date=i18n.when(deadline))
