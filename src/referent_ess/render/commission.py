"""What a board signs, the same in every report: the commission that met (``commission:`` of
lots.yaml), a formal proposed award per lot, and a signature block.

Only the words are chosen here, in the French documents' catalogue; the HTML, Markdown and xlsx
reports lay them out (:func:`commission_block`). Every figure comes from the evaluation: the
offer a lot is proposed for is the lot's award, never recomputed.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from referent_ess.config.model import Commission
from referent_ess.evaluation.results import Evaluation, LotResult
from referent_ess.i18n import numbers, tr
from referent_ess.render.document_phrases import figure, offer_name
from referent_ess.render.phrases import award_note


@dataclass(frozen=True)
class CommissionBlock:
    """The board's part of a report, as texts to lay out."""

    heading: str
    meeting: str  # who met, when and where: one sentence
    members: tuple[tuple[str, str], ...]  # (name, role), the role "" when not given
    proposals: tuple[str, ...]  # one formal sentence per lot
    signature_heading: str
    signature_place: str  # « Fait à Nantes, le 5 avril 2018 » with blanks to fill when not given
    signatories: tuple[str, ...]  # one signature box per member, by name; blank boxes without


def commission_block(evaluation: Evaluation, lots: Sequence[LotResult]) -> CommissionBlock:
    """The commission's block of the report on ``lots`` (the documents' language: French)."""
    commission = evaluation.config.consultation.commission or Commission(None, None, None, ())
    name = commission.name or tr("doc.commission.default_name")
    if commission.meeting_date is not None:
        when = numbers.date_words(commission.meeting_date)
        meeting = tr("doc.commission.met", name=name, date=when)
    else:
        meeting = tr("doc.commission.met.undated", name=name)
    if commission.place:
        meeting += tr("doc.commission.met.place", place=commission.place)
    members = tuple((m.name, m.role or "") for m in commission.members)
    place = commission.place or tr("doc.commission.blank")
    date_text = (
        numbers.date_words(commission.meeting_date)
        if commission.meeting_date is not None
        else tr("doc.commission.blank")
    )
    return CommissionBlock(
        heading=tr("doc.commission.heading"),
        meeting=meeting + ".",
        members=members,
        proposals=tuple(proposal(lot, evaluation.config.total) for lot in lots),
        signature_heading=tr("doc.commission.signatures"),
        signature_place=tr("doc.commission.done_at", place=place, date=date_text),
        signatories=tuple(m.name for m in commission.members) or ("", ""),
    )


def proposal(lot: LotResult, total: Decimal) -> str:
    """The formal proposed award of one lot, or why the commission cannot propose one yet."""
    lot_words = tr("doc.commission.lot", id=lot.lot.id, title=lot.lot.title)
    if lot.provisional:
        return tr("doc.commission.proposal.provisional", lot=lot_words)
    award = lot.award
    if award is None:
        if not lot.ranked:
            return tr("doc.commission.proposal.none", lot=lot_words)
        why = award_note(lot)
        reason = tr("doc.commission.proposal.because", why=why.rstrip(".")) if why else ""
        return tr("doc.commission.proposal.undecided", lot=lot_words, why=reason)
    assert award.total is not None
    assert award.rank is not None
    return tr(
        "doc.commission.proposal",
        lot=lot_words,
        candidate=offer_name(award),
        rank=numbers.ordinal(award.rank, feminine=True, lang="fr"),
        total=figure(award.total),
        top=numbers.short(total),
    )
