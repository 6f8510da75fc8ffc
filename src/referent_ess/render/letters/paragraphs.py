"""The paragraphs a letter fills its template with: the legal introduction, the status and
reasons of a rejection, the rank, the table of points, the jury's comments, and the relative
advantages of the winning offer. French, from the catalogue (``doc.letter.*``)."""

from datetime import date, timedelta
from fractions import Fraction

from referent_ess import i18n
from referent_ess.config.choices import Procedure, Sending
from referent_ess.config.model import Config, Criterion
from referent_ess.evaluation import kernel as scoring
from referent_ess.evaluation.results import BudgetCheck, LotResult, OfferResult, Reason, Status
from referent_ess.i18n import numbers, tr
from referent_ess.render.document_phrases import indented_label
from referent_ess.render.letters.markdown import (
    NOT_APPLICABLE,
    figure,
    ordinal,
    points,
    signed,
    when,
)
from referent_ess.render.markdown_text import md
from referent_ess.render.phrases import (
    legal_basis,
    letter_reason,
    reasons_with_caps,
    status_explained,
)


def offer_note(result: OfferResult) -> str:
    """Which offer the letter is about when the candidate made several: its variant, its final
    offer after a negotiation; then, for a lot with PSE, which PSE the compared prices include;
    empty for a single offer of a lot without PSE."""
    variant, rounds = result.offer.variant, bool(result.history)
    if variant is not None and rounds:
        key = "doc.letter.offer.variant_round"
    elif variant is not None:
        key = "doc.letter.offer.variant"
    elif rounds:
        key = "doc.letter.offer.round"
    else:
        return _pse_note(result)
    return " " + tr(key, variant=md(variant or ""), round=result.offer.round) + _pse_note(result)


def _pse_note(result: OfferResult) -> str:
    """The PSE the compared prices include, by label (empty for a lot without PSE)."""
    if not result.pse:
        return ""
    retained = [f"« {md(p.label)} »" for p in result.retained_pse]
    if not retained:
        return " " + tr("doc.letter.pse.none")
    key = "doc.letter.pse.single" if len(retained) == 1 else "doc.letter.pse.several"
    return " " + tr(key, pse=numbers.listed(retained))


def legal_intro(procedure: Procedure, ranked: bool) -> str:
    """What the rejection letter contains, under the articles of its procedure (R2181-2 in a
    procédure adaptée, R2181-3 in a formalised one)."""
    if procedure.formalised:
        return tr(
            "doc.letter.legal_intro.formalised_ranked"
            if ranked
            else "doc.letter.legal_intro.formalised"
        )
    return tr("doc.letter.legal_intro.ranked" if ranked else "doc.letter.legal_intro")


def standstill_days(config: Config) -> int:
    """The standstill of art. R2182-1: 11 days from the sending of the letters, 16 when they are
    not sent electronically."""
    return 11 if _sending(config) is Sending.ELECTRONIC else 16


def _sending(config: Config) -> Sending:
    """How the letters are sent (``buyer.sending``): electronically unless lots.yaml says
    otherwise."""
    return config.consultation.buyer_details.sending or Sending.ELECTRONIC


def earliest_signature(config: Config, sent: date) -> date | None:
    """The first day the contract may be signed after the standstill, in a formalised procedure
    (None otherwise: no standstill is due, so none is claimed). The days are counted from date to
    date, the day of sending and the last day included (CE, 2 August 2011, n° 347526: sent on
    28 December, 16 days, the contract may be signed on 13 January)."""
    if not config.consultation.procedure.formalised:
        return None
    return sent + timedelta(days=standstill_days(config))


def standstill(config: Config, sent: date, *, award: bool) -> str:
    """The sentence that gives the earliest signature date; empty outside a formalised
    procedure (a procédure adaptée has no legal standstill)."""
    signature = earliest_signature(config, sent)
    if signature is None:
        return ""
    return tr(
        "doc.letter.standstill.award" if award else "doc.letter.standstill.rejection",
        days=standstill_days(config),
        sending=tr(f"doc.letter.sent_by.{_sending(config).value}"),
        sent=when(sent),
        signature=when(signature),
    )


def information_request(procedure: Procedure) -> str:
    """What the candidate may ask for afterwards, and within which delay (R2181-2 in a
    procédure adaptée, R2181-4 in a formalised one)."""
    return tr(
        "doc.letter.request.formalised" if procedure.formalised else "doc.letter.request.adapted"
    )


def appeals() -> str:
    """The appeal routes and their deadlines: a deadline only runs against the candidate when
    the decision states it (art. R421-5 of the code de justice administrative)."""
    return tr("doc.letter.appeals")


def procedure_name(procedure: Procedure) -> str:
    return tr(f"doc.procedure.{procedure.value}")


def reasons(config: Config, lot: LotResult, result: OfferResult) -> str:
    """Status, then each reason with its legal basis; for a ranked offer, why it lost."""
    status = tr(f"doc.letter.status.{result.status.value}")
    if result.status is Status.ADMISSIBLE:
        where = (
            tr("doc.letter.ranked_of", rank=ordinal(result.rank), n=len(lot.ranked))
            if result.rank is not None
            else tr("doc.letter.not_ranked_clause")
        )
        return f"{status} ; {where}.\n\n{tr('doc.letter.not_retained')}"
    lines = [f"{status} — {status_explained(result.status)}.", ""]
    for reason, check in reasons_with_caps(result):
        text = reason_text(config, result, reason, check)
        basis = _legal_basis(reason)
        lines.append(f"- {text}" + (f" — {basis}." if basis else "."))
    lines += ["", _consequence(result.status)]
    return "\n".join(lines).rstrip()


def reason_text(
    config: Config, result: OfferResult, reason: Reason, check: BudgetCheck | None
) -> str:
    """A reason as a letter words it to the candidate, from the figures of the offer (``check``:
    the cap it is over, for ``over_cap``; the reason messages themselves are English)."""
    text = letter_reason(config, result, reason, check, lambda name: f"« {md(name)} »", md)
    return text or md(i18n.message(reason.code, reason.params))


def _legal_basis(reason: Reason) -> str | None:
    """The legal basis, without the note meant for the buyer (the possibility to allow a
    regularisation is the buyer's choice, not something to offer in a rejection)."""
    return legal_basis(reason, note=False)


_REJECTED = (Status.INCOMPLETE, Status.IRREGULAR, Status.OVER_CAP, Status.UNACCEPTABLE)


def _consequence(status: Status) -> str:
    if status is Status.LATE:
        return tr("doc.letter.consequence.late")
    if status is Status.BELOW_THRESHOLD:
        return tr("doc.letter.consequence.threshold")
    if status in _REJECTED:
        return tr("doc.letter.consequence.rejected")
    if status is Status.INAPPROPRIATE:
        return tr("doc.letter.consequence.inappropriate")
    return tr("doc.letter.consequence")


def ranking(config: Config, lot: LotResult, result: OfferResult) -> str:
    """Its rank in one sentence, and how an exact tie was broken."""
    if result.status is Status.BELOW_THRESHOLD:
        return tr("doc.letter.ranking.threshold")
    if result.rank is None:
        return tr("doc.letter.ranking.none")
    shared = sum(1 for other in lot.ranked if other.rank == result.rank) > 1
    text = tr(
        "doc.letter.ranking",
        total=points(result.total),
        maximum=numbers.short(config.total),
        rank=ordinal(result.rank),
        tied=tr("doc.letter.tied") if shared else "",
        n=len(lot.ranked),
    )
    for tie in lot.ties:
        if any(other is result for other in tie.offers) and tie.decided_by is not None:
            criterion = config.criteria_for(lot.lot.id).node(tie.decided_by)
            assert criterion is not None  # a tie-break names a node of the lot's set
            others = len(tie.offers) - 1
            with_whom = tr(
                numbers.plural(others, "doc.letter.others.one", "doc.letter.others.other"), n=others
            )
            text += tr(
                "doc.letter.ranking.tie",
                total=points(tie.total),
                others=with_whom,
                criterion=md(criterion.label),
            )
    return text


def points_table(config: Config, result: OfferResult, winner: OfferResult | None) -> str:
    """Criterion, points max, this offer's points and, in a rejection, the winner's; each
    sub-criterion after its parent."""
    header = [tr("doc.col.criterion"), tr("doc.letter.col.max"), tr("doc.letter.col.yours")]
    if winner is not None:
        header.append(tr("doc.letter.col.retained"))
    ranked = result.rank is not None
    marked = ranked or _marked_then_eliminated(result)
    rows = ["| " + " | ".join(header) + " |", "|---|" + "---:|" * (len(header) - 1)]
    criteria = config.criteria_for(result.offer.lot)
    for criterion in criteria.nodes:
        maximum = scoring.max_points(config.total, criterion.weight)
        cells = [
            md(indented_label(criterion.label, criteria.depth_of(criterion.id))),
            figure(maximum),
            _with_word(criterion, result, points(result.points.get(criterion.id)))
            if marked and (ranked or not criterion.is_price)
            else NOT_APPLICABLE,
        ]
        if winner is not None:
            cells.append(_with_word(criterion, winner, points(winner.points.get(criterion.id))))
        rows.append("| " + " | ".join(cells) + " |")
    total = [
        f"**{tr('col.total')}**",
        figure(config.total),
        f"**{points(result.total)}**" if ranked else NOT_APPLICABLE,
    ]
    if winner is not None:
        total.append(f"**{points(winner.total)}**")
    rows.append("| " + " | ".join(total) + " |")
    return "\n".join(rows)


def _marked_then_eliminated(result: OfferResult) -> bool:
    """An offer the jury marked, then eliminated by a threshold the consultation rules
    announce: its marks' points are what eliminated it, so its letter gives them."""
    return result.status is Status.BELOW_THRESHOLD


def _with_word(criterion: Criterion, result: OfferResult, shown: str) -> str:
    """Points, and on a descriptor scale the jury's word: ``24,00 (« Satisfaisant »)``."""
    word = criterion.word_for(result.offer.marks.get(criterion.id))
    return shown if word is None else tr("doc.letter.with_word", points=shown, word=md(word))


def comments(config: Config, result: OfferResult, whose: str) -> str:
    """The jury's written justification of the marks, when the workbook has some (``whose``:
    the catalogue key of « votre offre » or « l'offre retenue »)."""
    written = result.offer.comments
    if (result.rank is None and not _marked_then_eliminated(result)) or not written:
        return ""
    lines = [tr("doc.letter.comments", whose=tr(whose)), ""]
    for criterion in config.criteria_for(result.offer.lot).marked:
        comment = written.get(criterion.id)
        if comment:
            lines.append(f"- {md(criterion.label)}{tr('punct.colon')}{md(comment)}")
    return "\n".join(lines) if len(lines) > 2 else ""


def advantages(config: Config, result: OfferResult, winner: OfferResult) -> str:
    """Criterion by criterion (and sub-criterion by sub-criterion), where the winning offer
    scored more or less than this one.

    Differences are computed on the exact points, then rounded, like every gap of the tool."""
    assert result.total is not None
    assert winner.total is not None
    ahead: list[str] = []
    behind: list[str] = []
    level: list[str] = []
    for criterion in config.criteria_for(result.offer.lot).nodes:
        theirs = winner.points.get(criterion.id, Fraction(0))
        ours = result.points.get(criterion.id, Fraction(0))
        label = f"« {md(criterion.label)} »"
        if theirs == ours:
            level.append(tr("doc.letter.level_item", criterion=label, points=points(ours)))
            continue
        line = "- " + tr(
            "doc.letter.gap_item",
            criterion=label,
            theirs=points(theirs),
            ours=points(ours),
            gap=signed(theirs - ours),
        )
        (ahead if theirs > ours else behind).append(line)
    if winner.total == result.total:  # first by the tie-break: no gap to state
        lines = [tr("doc.letter.advantages_tied", total=points(result.total))]
    else:
        lines = [
            tr(
                "doc.letter.advantages",
                theirs=points(winner.total),
                ours=points(result.total),
                gap=signed(winner.total - result.total),
            )
        ]
    if ahead:
        lines += ["", tr("doc.letter.ahead"), ""]
        lines += _listed(ahead)
    if behind:
        lines += ["", tr("doc.letter.behind"), ""]
        lines += _listed(behind)
    if level:
        lines += ["", tr("doc.letter.level", criteria=", ".join(level))]
    lines += ["", tr("doc.letter.gaps_rounded")]
    return "\n".join(lines)


def _listed(items: list[str]) -> list[str]:
    """List items the French way: « ; » after each, a full stop after the last."""
    semicolon = tr("punct.semicolon").rstrip()
    return [
        item + (semicolon if index < len(items) - 1 else ".") for index, item in enumerate(items)
    ]
