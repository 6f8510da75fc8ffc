"""The sentences the documents write alike: a candidate's name, the price note and the tie notes
of both reports, a reason with its figures, the name of an input file.

The documents are French whatever ``--lang`` says: these are called inside
``i18n.language("fr")`` and word from the catalogue's ``doc.*`` keys. They are plain text: the
HTML report escapes a sentence whole (the catalogue's texts hold nothing HTML would read) and
sets its lead in bold (:func:`lead_of`).
"""

from collections.abc import Callable
from decimal import Decimal
from fractions import Fraction

from referent_ess import i18n
from referent_ess.config.choices import Ordering, Prevails, PriceModel
from referent_ess.config.model import Config, CriteriaSet, Criterion
from referent_ess.evaluation.kernel import max_points
from referent_ess.evaluation.results import (
    BudgetCheck,
    Evaluation,
    LotResult,
    OfferResult,
    Reason,
    Status,
)
from referent_ess.i18n import numbers, tr
from referent_ess.render.phrases import (
    TieVoice,
    criterion_label,
    formula_described,
    price_expression,
    price_figures,
    pse_note,
    reason_text,
    tie_notes,
    vat_mix_note,
)


def lump_sum_text(config: Config) -> str:
    """The sentence that follows the price rule when some lot is priced as a lump sum (its price
    HT is the amount the offer states), else nothing."""
    return _lump_sum_text(config) + lines_text(config)


def _lump_sum_text(config: Config) -> str:
    lump = [str(lot.id) for lot in config.lots if lot.price_model is PriceModel.LUMP_SUM]
    if not lump:
        return ""
    if len(lump) == len(config.lots):
        return tr("doc.method.lump_sum.all")
    if len(lump) == 1:
        return tr("doc.method.lump_sum.single", lot=lump[0])
    listed = f"{', '.join(lump[:-1])} et {lump[-1]}"
    return tr("doc.method.lump_sum.several", lots=listed)


def lines_text(config: Config) -> str:
    """One sentence per lot priced line by line (schedule or DPGF): how its price is made, the
    rounding, and which total prevails on an arithmetic error; nothing for other lots."""
    sentences = []
    for lot in config.lots:
        if lot.price_model.has_lines:
            key = _LINES_TEXT[lot.price_model]
            rule = tr(_PREVAILS_TEXT[lot.price_model, lot.prevails])
            sentences.append(tr(key, lot=str(lot.id), rule=rule))
    return "".join(sentences)


_LINES_TEXT = {PriceModel.SCHEDULE: "doc.method.schedule", PriceModel.DPGF: "doc.method.dpgf"}
_PREVAILS_TEXT = {
    (PriceModel.SCHEDULE, Prevails.UNIT_PRICE): "doc.method.rule.schedule.unit_price",
    (PriceModel.SCHEDULE, Prevails.STATED_TOTAL): "doc.method.rule.schedule.stated_total",
    (PriceModel.DPGF, Prevails.UNIT_PRICE): "doc.method.rule.dpgf.unit_price",
    (PriceModel.DPGF, Prevails.STATED_TOTAL): "doc.method.rule.dpgf.stated_total",
}


def candidate_name(result: OfferResult) -> str:
    """The candidate's name, or « (sans nom, ligne 5) » when the workbook gives none: who the
    offer is from (a letter's addressee)."""
    return result.offer.candidate or tr("doc.nameless", row=result.offer.row)


def offer_name(result: OfferResult) -> str:
    """The offer as documents name it: its candidate, or « variante « Visio » de Alpha » for a
    variant, so that a winning variant is never named as its candidate's base offer."""
    if result.offer.variant is None:
        return candidate_name(result)
    return tr("offer.variant", variant=result.offer.variant, candidate=candidate_name(result))


def figure(value: Fraction | None) -> str:
    """Points or a total the French way, to the hundredth: 88,31 (« — » when there are none)."""
    return "—" if value is None else numbers.number(value, grouped=True)


def report_price_note(evaluation: Evaluation, lot: LotResult) -> str:
    """How the lot's price points were computed, with the Pmin (and Pmax) used."""
    config = evaluation.config
    criterion = config.criteria_for(lot.lot.id).price_criterion
    rule = criterion.price
    assert rule is not None
    top = numbers.short(max_points(config.total, criterion.weight), grouped=True)
    basis = rule.basis.value.upper()
    note = tr(
        "doc.price_note",
        lead=tr("doc.price_points"),
        criterion=criterion.label,
        formula=formula_described(rule.formula),
        basis=basis,
        expression=price_expression(rule, top, numbers.short(rule.k, grouped=True)),
        figures=price_figures(lot, rule, _amount),
    )
    return note + vat_mix_note(lot, basis) + pse_note(config, lot.lot)


def report_tie_notes(config: Config, lot: LotResult) -> list[str]:
    """One sentence per exact tie: who tied, which criterion decided (by its label), who still
    shares a rank."""
    voice = TieVoice(
        decided="doc.tie.decided",
        shared="doc.tie.shared",
        criterion=lambda criterion_id: criterion_label(config, criterion_id, lot.lot.id),
        names=lambda results: numbers.listed([offer_name(r) for r in results]),
        figure=figure,
        separator=lambda: tr("punct.semicolon"),
    )
    return tie_notes(lot, voice)


def report_tree_notes(config: Config, lot_id: int) -> list[str]:
    """One sentence per criterion of the lot that has sub-criteria: what it is made of, by
    label, with each one's maximum points (nothing for a flat set or a hierarchy)."""
    criteria = config.criteria_for(lot_id)
    if criteria.is_flat or config.ordering is Ordering.HIERARCHY:
        return []

    def named(node: Criterion) -> str:
        top = numbers.short(max_points(config.total, node.weight), grouped=True)
        return tr("doc.tree.node", label=node.label, top=top)

    return [
        tr(
            "doc.tree_note",
            lead=tr("doc.sub_criteria"),
            parent=named(parent),
            children=", ".join(named(child) for child in parent.sub_criteria),
        )
        for parent in criteria.nodes
        if parent.sub_criteria
    ]


def scoring_rule(
    config: Config, criterion: Criterion, figure_of: Callable[[Decimal | Fraction], str]
) -> str:
    """How a marked criterion's mark gives its points (on a descriptor scale, each word with
    its mark), written with ``figure_of``; for any criterion, its announced threshold is
    :func:`threshold_rule`."""
    top = figure_of(max_points(config.total, criterion.weight))
    scale = figure_of(criterion.scale)
    if criterion.descriptors is None:
        return tr("doc.marks_rule", scale=scale, top=top)
    words = i18n.numbers.listed(
        [
            tr("doc.scale_word", word=word, mark=figure_of(mark))
            for word, mark in criterion.descriptors.words
        ]
    )
    return tr("doc.marks_rule.words", words=words, scale=scale, top=top)


def threshold_rule(criterion: Criterion, figure_of: Callable[[Decimal | Fraction], str]) -> str:
    """`` ; seuil éliminatoire … : 30 points …`` after a criterion's rule, or nothing."""
    if criterion.min_points is None:
        return ""
    return tr("doc.threshold_rule", min_points=figure_of(criterion.min_points))


def statuses_of(config: Config) -> tuple[Status, ...]:
    """The statuses a method section explains: every one, but the announced thresholds' when
    no criterion of the consultation has one."""
    thresholds = any(criteria.thresholds for criteria in config.sets_in_use)
    return tuple(s for s in Status if thresholds or s is not Status.BELOW_THRESHOLD)


def lots_of(config: Config, criteria: CriteriaSet) -> str:
    """« Lot 2 », « Lots 1 et 3 »: the lots evaluated on a set of criteria."""
    ids = [lot.id for lot in config.lots if config.criteria_for(lot.id) is criteria]
    key = "doc.set_lots.one" if len(ids) == 1 else "doc.set_lots.other"
    return tr(key, lots=numbers.listed([str(i) for i in ids]))


def indented_label(label: str, depth: int) -> str:
    """A criterion's label in a list of a tree: a sub-criterion after one dash per level."""
    return "— " * (depth - 1) + label


def lead_of(sentence: str, lead_key: str) -> tuple[str, str]:
    """The sentence cut after its lead (« Points prix », « Égalité exacte »), which the HTML
    report sets in bold; no lead when the sentence does not start with it."""
    lead = tr(lead_key)
    if not sentence.startswith(lead):
        return "", sentence
    return lead, sentence.removeprefix(lead)


def report_reason(
    config: Config,
    result: OfferResult,
    reason: Reason,
    check: BudgetCheck | None,
    space: str = " ",
) -> str:
    """A reason as both reports word it: from the offer's figures, or for a data error « à
    corriger (code) : message »."""
    return reason_text(config, result, reason, check, space) or tr(
        "doc.data_error",
        code=reason.code,
        message=i18n.message(reason.code, reason.params),
    )


def input_role(role: str) -> str:
    """What an input file of the run is for (``lots``, ``criteria``, ``offers``), as the
    reports' audit trail names it."""
    key = "doc.criteria" if role == "criteria" else f"doc.role.{role}"
    return tr(key) if i18n.has(key) else role


def _amount(amount: Decimal | None) -> str:
    return "—" if amount is None else numbers.money(amount)
