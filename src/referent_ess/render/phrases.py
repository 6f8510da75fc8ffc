"""The sentences several renderers share, written once per language in the catalogue.

Status labels, price formulas and bases, the price note, the tie notes, the provisional note,
the award note, the abnormally-low note, the lot's warnings, the lines around a table, the
analyses' sentences, deadlines, and a reason in the report's voice and in the letter's: the
terminal tables, the Markdown, explain, the reports, the letters and the OCDS release word them
here, in the run's language (``with i18n.language("fr"): ...`` for a document that is always
French). Figures come from :mod:`referent_ess.i18n.numbers`.
"""

from collections.abc import Callable, Iterable, Sequence
from datetime import date, datetime
from decimal import Decimal
from fractions import Fraction
from typing import TYPE_CHECKING, NamedTuple

from referent_ess import i18n
from referent_ess.config.choices import CapBasis, Ordering, PriceBasis, PriceFormula, PriceModel
from referent_ess.config.model import Config, Criterion, Lot, PriceRule
from referent_ess.evaluation.abnormally_low import MINIMUM_OFFERS
from referent_ess.evaluation.budget import BudgetReport, unchecked_because
from referent_ess.evaluation.kernel import max_points
from referent_ess.evaluation.results import (
    GROUNDS,
    BudgetCheck,
    Evaluation,
    Ground,
    LotResult,
    OfferResult,
    Reason,
    Status,
)
from referent_ess.i18n import numbers, tr
from referent_ess.i18n.numbers import date_words, listed, money, percent, points, short_raw
from referent_ess.problems.problem import ValidationReport

if TYPE_CHECKING:  # the analyses are imported only by the commands that run them
    from referent_ess.analysis.sensitivity import Sensitivity
    from referent_ess.analysis.simulate import Neutralisation

# ---- words --------------------------------------------------------------------------------------


def status_label(status: Status) -> str:
    """One label per status, the same in every output: « à corriger », « hors délai »."""
    return tr(f"status.{status.value}")


def status_explained(status: Status) -> str:
    """What the status means for the offer, in a sentence a candidate can read."""
    return tr(f"status.explained.{status.value}")


def legal_basis_of(
    ground: Ground | None, *, note: bool = True, lang: str | None = None
) -> str | None:
    """The legal basis of a ground of law: « offre irrégulière : art. L2152-2 du Code de la
    commande publique », with (``note``) what the buyer may do about it (« l'acheteur peut en
    autoriser la régularisation : art. R2152-2 »); None for no ground. In ``lang`` (default: the
    run's language)."""
    if ground is None:
        return None
    noted = f"legal-note.{ground.value}" if note else "legal-note.none"
    return i18n.message("legal-basis", (("form", ground.value), ("note_part", noted)), lang=lang)


def legal_basis(reason: Reason, *, note: bool = True, lang: str | None = None) -> str | None:
    """The legal basis of a reason's status (see :func:`legal_basis_of`), or None for a data
    error. JSON, CSV and the OCDS release hold it in French (``lang="fr"``), the Code's words."""
    return legal_basis_of(reason.ground, note=note, lang=lang)


def status_legal_basis(status: Status) -> str | None:
    """The legal basis of a status, as the method tables of the reports give it."""
    return legal_basis_of(GROUNDS.get(status))


def formula_name(formula: PriceFormula) -> str:
    """``proportional``; « proportionnelle »."""
    return tr(f"formula.{formula.value}")


def formula_described(formula: PriceFormula) -> str:
    """The formula's name with its expression: « proportionnelle (Pmin / P) »."""
    return tr(f"formula.{formula.value}.described")


def basis_words(basis: CapBasis | PriceBasis) -> str:
    """``HT``, ``TTC``, « HT et TTC »."""
    return tr(f"basis.{basis.value}")


def formula_text(formula: PriceFormula, top: str, comma: str = ", ") -> str:
    """A price formula with the criterion's maximum points, e.g. ``20 × Pmin / P`` (``comma``
    separates the arguments of max: ``" ; "`` in a French spreadsheet)."""
    return {
        PriceFormula.PROPORTIONAL: f"{top} × Pmin / P",
        PriceFormula.LINEAR: f"{top} × (Pmax − P) / (Pmax − Pmin)",
        PriceFormula.GAP: f"{top} × max(0{comma}(k·Pmin − P) / ((k − 1)·Pmin))",
    }[formula]


def criterion_label(config: Config, criterion_id: str, lot_id: int | None = None) -> str:
    """The label of a criterion (of the lot's set, else of the first set that has it)."""
    sets = (config.criteria_for(lot_id), config.default_set, *config.named_sets)
    found = (s.node(criterion_id) for s in sets)
    return next((c.label for c in found if c is not None), criterion_id)


def criterion_header(config: Config, criterion_id: str, lot_id: int | None = None) -> str:
    """The name a table gives a criterion (its short label, see :attr:`Criterion.header`)."""
    node = config.criteria_for(lot_id).node(criterion_id)
    return criterion_id if node is None else node.header


def table_tie_notes(config: Config, lot: LotResult) -> list[str]:
    """The tie notes of a table, each criterion by its header rather than its id."""
    voice = TieVoice(criterion=lambda node: criterion_header(config, node, lot.lot.id))
    return tie_notes(lot, voice)


def tree_notes(config: Config, lot_id: int) -> list[str]:
    """One sentence per criterion of the lot that has sub-criteria: what it is made of, with
    each node's label and maximum points (nothing for a flat set, or in a hierarchy)."""
    criteria = config.criteria_for(lot_id)
    if criteria.is_flat or config.ordering is Ordering.HIERARCHY:
        return []

    def named(node: Criterion) -> str:
        top = short_raw(points(max_points(config.total, node.weight)))
        return tr("note.tree.node", id=node.id, label=node.label, maximum=top)

    return [
        tr(
            "note.tree",
            parent=named(parent),
            children=", ".join(named(child) for child in parent.sub_criteria),
        )
        for parent in criteria.nodes
        if parent.sub_criteria
    ]


def names_of(results: Sequence[OfferResult]) -> str:
    """The candidates, ``A, B and C``."""
    return listed([r.candidate for r in results])


# ---- notes under a ranking -------------------------------------------------------------------


def price_note(evaluation: Evaluation, lot: LotResult) -> str:
    """How the lot's price points were computed, with the figures used (or, in a hierarchy,
    the order in which the criteria are compared)."""
    config = evaluation.config
    criteria = config.criteria_for(lot.lot.id)
    if config.ordering is Ordering.HIERARCHY:
        order = tr("note.hierarchy.then").join(
            tr("note.hierarchy.price" if c.is_price else "note.hierarchy.mark", criterion=c.header)
            for c in criteria.criteria
        )
        return tr("note.hierarchy", order=order)
    criterion = criteria.price_criterion
    rule = criterion.price
    assert rule is not None
    top = short_raw(points(max_points(config.total, criterion.weight)))
    basis = rule.basis.value.upper()
    note = tr(
        "note.price",
        criterion=criterion.header,
        formula=formula_name(rule.formula),
        basis=basis,
        expression=price_expression(rule, top, str(rule.k)),
        figures=price_figures(lot, rule, lambda amount: str(money(amount))),
    )
    return note + vat_mix_note(lot, basis) + pse_note(config, lot.lot)


def pse_note(config: Config, lot: Lot) -> str:
    """The sentence that says which PSE of the lot the compared price includes, named by their
    labels (empty for a lot without PSE, so that its outputs are unchanged)."""
    if not lot.pse:
        return ""
    quoted = [tr("note.pse.quoted", label=p.label) for p in lot.pse]
    retained = [q for q, p in zip(quoted, lot.pse, strict=True) if p.retained]
    left = [q for q, p in zip(quoted, lot.pse, strict=True) if not p.retained]
    note = tr("note.pse.retained", retained=listed(retained)) if retained else tr("note.pse.none")
    if left:
        note += tr("note.pse.left", left=listed(left))
    if retained and not config.consultation.caps_include_pse:
        note += tr("note.pse.caps_base")
    return note


def budget_pse_note(config: Config, lot: Lot) -> str:
    """For a lot with PSE, which prices the caps are checked against (empty otherwise)."""
    if not lot.pse:
        return ""
    if not config.consultation.caps_include_pse:
        return tr("budget.pse.base")
    retained = [tr("note.pse.quoted", label=p.label) for p in lot.retained_pse]
    return (
        tr("budget.pse.included", retained=listed(retained)) if retained else tr("budget.pse.none")
    )


def price_expression(rule: PriceRule, top: str, k: str) -> str:
    """The lot's price formula with its figures: ``20 × Pmin / P``; ``…, k = 2`` by gap."""
    expression = formula_text(rule.formula, top)
    return expression + f", k = {k}" if rule.formula is PriceFormula.GAP else expression


def price_figures(lot: LotResult, rule: PriceRule, amount: Callable[[Decimal | None], str]) -> str:
    """The prices the formula used: ``Pmin = 9000.00`` (and ``Pmax`` for the linear one)."""
    figures = f"Pmin = {amount(lot.lowest_price)}"
    if rule.formula is PriceFormula.LINEAR:
        figures += f", Pmax = {amount(lot.highest_price)}"
    return figures


def vat_mix_note(lot: LotResult, basis: str) -> str:
    """`` VAT rates differ among them (5.5 %, 20 %): prices are compared TTC.`` when the ranked
    offers have different rates, else nothing."""
    rates = sorted({r.vat_rate for r in lot.ranked if r.vat_rate is not None})
    if len(rates) < 2:
        return ""
    return tr("note.vat_mix", rates=", ".join(percent(r) for r in rates), basis=basis)


class TieVoice(NamedTuple):
    """What a tie note words differently in the tables and in the documents: the catalogue keys
    of its parts, how it names a criterion and the candidates, and how it writes points."""

    lead: str = "note.tie"
    decided: str = "note.tie_decided"
    shared: str = "note.tie_shared"
    criterion: Callable[[str], str] = str  # the criterion's id
    names: Callable[[Sequence[OfferResult]], str] = names_of
    figure: Callable[[Fraction | None], str] = lambda value: str(numbers.number(value))
    separator: Callable[[], str] = lambda: " ; " if i18n.current() == "fr" else ", "


def tie_notes(lot: LotResult, voice: TieVoice = TieVoice()) -> list[str]:  # noqa: B008
    """One sentence per exact tie of the lot: who tied, what decided, who still shares a rank."""
    notes = []
    for tie in lot.ties:
        note = tr(voice.lead, total=voice.figure(tie.total), names=voice.names(tie.offers))
        if tie.decided_by is not None:
            shown = voice.separator().join(
                voice.figure(r.points.get(tie.decided_by)) for r in tie.offers
            )
            note += tr(voice.decided, criterion=voice.criterion(tie.decided_by), figures=shown)
        else:
            note += tr("note.tie_undecided")
        for same in tie.shared:
            note += tr(voice.shared, names=voice.names(same), rank=same[0].rank)
        notes.append(note + ".")
    return notes


def abnormal_text(evaluation: Evaluation) -> str:
    """Why the abnormally-low detection did not apply to a lot (fewer than 3 offers)."""
    method = evaluation.config.consultation.abnormally_low.value
    return tr("lot.abnormal", n=MINIMUM_OFFERS, method=tr(f"abnormal.method.{method}"))


def lot_warnings(lot: LotResult) -> list[str]:
    """The lot's own warnings (``vat-basis``), one sentence each, with their code."""
    return [
        tr("lot.warning", code=w.code, message=i18n.message(w.code, w.params)) for w in lot.warnings
    ]


def award_note(lot: LotResult) -> str | None:
    """Why the lot has no award, or why it goes to an offer that is not first."""
    if lot.award_note is None:
        return None
    return i18n.message("award-note", lot.award_params)


def provisional_note(evaluation: Evaluation, lots: Sequence[LotResult]) -> str:
    """Why a ranking is provisional and what to do about it."""
    ids = {lot.lot.id for lot in lots}
    rows = sorted(
        [
            r.offer.row
            for lot in evaluation.lots
            if lot.lot.id in ids
            for r in lot.excluded
            if r.status is Status.INVALID
        ]
        + [r.offer.row for r in evaluation.unplaced]
    )
    which = listed([str(i) for i in sorted(ids)])
    shown = ", ".join(map(str, rows))
    return tr(
        "provisional",
        path=evaluation.book.path,
        lots=tr("provisional.lot" if len(ids) == 1 else "provisional.lots", which=which),
        n=len(rows),
        rows=tr("provisional.row" if len(rows) == 1 else "provisional.rows", rows=shown),
    )


# ---- lines above and below a table -----------------------------------------------------------


def inputs_text(evaluation: Evaluation) -> str:
    """The files a result comes from, so that a printed table can be traced back."""
    config = evaluation.config
    book = evaluation.book
    files = f"{config.lots_path}, {config.criteria_path}, {book.path}"
    if not book.sheet:  # a CSV file has no sheet
        return tr("inputs.csv", files=files, sha=book.sha256[:12])
    return tr("inputs", files=files, sheet=book.sheet, sha=book.sha256[:12])


def excluded_reasons(result: OfferResult) -> Iterable[str]:
    """Each reason as one sentence, with its cell and legal basis when it has them."""
    for reason in result.reasons:
        cell = f" ({reason.cell})" if reason.cell else ""
        basis = f" — {legal_basis(reason) or tr('no_ground')}"
        yield f"{i18n.message(reason.code, reason.params)}{cell}{basis}"


def validation_verdict(report: ValidationReport) -> str:
    """``valid: 0 error(s), 2 warning(s)``."""
    key = "valid" if report.valid else "not_valid"
    return tr(key, errors=len(report.errors), warnings=len(report.warnings))


def budget_summary(report: BudgetReport) -> str:
    """How many offers were checked, how many are over, and which could not be checked."""
    parts = [
        tr("budget.checked", n=report.checked),
        tr("budget.over", n=len(report.over_cap)),
    ]
    colon = tr("punct.colon")
    if report.unchecked:
        names = ", ".join(
            f"{r.candidate} ({tr('md.row', row=r.offer.row)}{colon}{_why_unchecked(r)})"
            for r in report.unchecked
        )
        parts.append(tr("budget.unchecked", n=len(report.unchecked), names=names))
    return tr("punct.semicolon").join(parts)


def _why_unchecked(result: OfferResult) -> str:
    return tr(f"budget.{unchecked_because(result)}")  # budget.no_lot, no_price, no_ttc


# ---- the analyses: simulation and sensitivity --------------------------------------------------


def formula_label(name: str) -> str:
    """A variant's name as people read it here: ``gap k=2`` in English, ``écart k=2`` in French."""
    if name.startswith("gap k="):
        k = name.removeprefix("gap k=")
        return tr("sim.formula.gap", k=k.replace(".", ",") if i18n.current() == "fr" else k)
    key = f"sim.formula.{name}"
    return tr(key) if key in i18n.CATALOGUES["en"] else name


def neutralisation_text(neutralisation: "Neutralisation") -> str:
    """The warning that the price criterion is neutralised under a formula."""
    return tr(
        "sim.neutralised",
        name=formula_label(neutralisation.name),
        spread=numbers.number(neutralisation.spread),
        maximum=numbers.number(neutralisation.maximum),
        gap=numbers.number(neutralisation.price_gap, 1),
    )


def sensitivity_summary(analysis: "Sensitivity") -> str:
    """How far the weights can move before the winner changes."""
    margin = analysis.margin
    name = analysis.winner.candidate
    if margin is None:
        return tr("sens.summary_any", name=name)
    return tr("sens.summary", name=name, margin=numbers.number(margin))


# ---- deadlines and reasons -------------------------------------------------------------------


def moment_text(moment: date | datetime, space: str = " ") -> str:
    """A date as a sentence writes it: in words in French (« 23 mars 2018 à 17 h 30 »), in
    figures in English (``2018-03-23 17:30``)."""
    return date_words(moment, space) if i18n.current() == "fr" else numbers.when(moment)


def deadline_words(deadline: date | datetime | None, space: str = " ") -> str:
    """The deadline in a sentence; a date alone runs to the end of that day."""
    if deadline is None:
        return tr("deadline.none")
    if isinstance(deadline, datetime):
        return moment_text(deadline, space)
    return tr("deadline.whole_day", date=moment_text(deadline, space))


def missing_documents(config: Config, result: OfferResult) -> list[str]:
    """The required documents the offer lacks, in the order lots.yaml lists them (those of its
    lot)."""
    required = config.documents_for(result.offer.lot)
    return [
        config.document_label(document)
        for document in required
        if result.offer.documents.get(document) is False
    ]


def reason_text(
    config: Config,
    result: OfferResult,
    reason: Reason,
    check: BudgetCheck | None,
    space: str = " ",
) -> str | None:
    """A reason as the reports word it, from the offer's own figures (``check``: the cap it is
    over, for ``over_cap``); None for a data error, which each document words with its code.
    Plain text: the HTML report escapes it; ``space`` keeps its dates on one line."""
    offer = result.offer
    deadline = config.consultation.deadline
    if reason.code == "late" and offer.received_at is not None and deadline is not None:
        received = moment_text(offer.received_at, space)
        return tr("reason.late", received=received, deadline=deadline_words(deadline, space))
    if reason.code == "incomplete":
        missing = missing_documents(config, result)
        if missing:
            key = "reason.incomplete.one" if len(missing) == 1 else "reason.incomplete.many"
            return tr(key, documents=", ".join(missing))
    if reason.code == "over_cap" and check is not None:
        return tr(
            "reason.over_cap",
            basis=check.basis.value.upper(),
            price=money(check.price),
            cap=money(check.cap),
            excess=money(-check.margin),
        )
    if reason.code == "jury-decision":
        return tr("reason.jury", reason=_jury_reason(reason))
    if reason.code == "missing-mark" and reason.field is not None:
        label = criterion_label(config, reason.field, result.offer.lot)
        return tr("reason.missing_mark", criterion=label)
    if reason.code == "no-price" and reason.params[:1] == (("form", "pse"),):
        return tr("reason.no_price.pse", label=dict(reason.params)["label"])
    if reason.code == "no-price":
        lump_sum = result.price_model is PriceModel.LUMP_SUM
        return tr("reason.no_price.lump_sum" if lump_sum else "reason.no_price")
    if reason.code == "below_threshold":  # its message holds the criterion and both figures
        return i18n.message(reason.code, reason.params)
    return None


def letter_reason(
    config: Config,
    result: OfferResult,
    reason: Reason,
    check: BudgetCheck | None,
    quote: Callable[[str], str] = lambda document: f"« {document} »",
    plain: Callable[[str], str] = str,
) -> str | None:
    """A reason as a letter to the candidate words it (« votre offre »), from the offer's own
    figures (``check``: the cap it is over, for ``over_cap``; ``quote``: how a document's name is
    quoted, escaped for the letter's format; ``plain``: how the jury's own text is escaped);
    None for the others, which the letter words from their message."""
    offer = result.offer
    if reason.code == "late" and offer.received_at is not None:
        deadline = config.consultation.deadline
        received = moment_text(offer.received_at)
        if deadline is None:
            return tr("letter.reason.late", received=received)
        return tr("letter.reason.late_by", received=received, deadline=moment_text(deadline))
    if reason.code == "incomplete":
        missing = missing_documents(config, result)
        if missing:
            key = "letter.reason.incomplete." + ("one" if len(missing) == 1 else "many")
            return tr(key, documents=", ".join(quote(document) for document in missing))
    if reason.code == "over_cap" and check is not None:
        return tr(
            "letter.reason.over_cap",
            price=money(check.price),
            basis=check.basis.upper(),
            excess=money(-check.margin),
            cap=money(check.cap),
        )
    if reason.code == "jury-decision":
        return tr("letter.reason.jury", reason=plain(_jury_reason(reason)))
    return None


def _jury_reason(reason: Reason) -> str:
    """The jury's own words, as typed in the offers sheet."""
    return next(value for name, value in reason.params if name == "reason")


# ---- a reason with the cap it is over ----------------------------------------------------------


def reasons_with_caps(result: OfferResult) -> list[tuple[Reason, BudgetCheck | None]]:
    """Each reason of the offer with the cap it is over: the n-th ``over_cap`` reason goes with
    the n-th cap exceeded; None for every other reason."""
    over = iter([check for check in result.budget if not check.within])
    return [
        (reason, next(over, None) if reason.code == "over_cap" else None)
        for reason in result.reasons
    ]


# ---- negotiation rounds --------------------------------------------------------------------


def round_lines(lot: LotResult) -> list[str]:
    """One line per offer of the lot revised during a negotiation: « Alpha : offre initiale
    (tour 1 : 4 500,00 € HT, classée au rang 1, 81,78 points) → offre finale (tour 2 : …) »,
    and whether the negotiation regularised it (art. R2152-1)."""
    lines = []
    for result in lot.offers:
        if not result.history:
            continue
        first = result.history[0]
        initial = _round_state(first.round, first.price_ht, first.status, first.rank, first.total)
        final = _round_state(
            result.offer.round, result.price_ht, result.status, result.rank, result.total
        )
        line = tr("rounds.line", candidate=result.candidate, initial=initial, final=final)
        if result.regularised:
            line += tr("rounds.regularised")
        lines.append(line)
    return lines


def _round_state(
    number: int,
    price: Decimal | None,
    status: Status,
    rank: int | None,
    total: Fraction | None,
) -> str:
    if rank is not None and total is not None:
        outcome = tr("rounds.ranked", rank=rank, total=numbers.number(total))
    else:
        outcome = status_label(status)
    if price is None:
        return tr("rounds.state.no_price", round=number, outcome=outcome)
    return tr("rounds.state", round=number, price=money(price), outcome=outcome)
