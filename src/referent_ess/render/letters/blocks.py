"""The blocks around a letter's text: the buyer's letterhead, the recipient's block, the
reference and the way of sending, and « Fait à …, le … » with the signature — from ``buyer:``
in ``lots.yaml`` and the offers sheet's address column. Markdown, like the rest of the letter
(a line ending in ``\\`` is a line break, ``> `` the block on the right), so that one text makes
both the Markdown and the Word letter; every value from the inputs made inert by
:func:`~referent_ess.render.markdown_text.md`."""

from datetime import date

from referent_ess.config.choices import Sending
from referent_ess.config.model import BuyerDetails, Consultation
from referent_ess.evaluation.results import OfferResult
from referent_ess.i18n import tr
from referent_ess.render.document_phrases import candidate_name
from referent_ess.render.letters.markdown import when
from referent_ess.render.markdown_text import md

_BREAK = "\\\n"
_SENDING = {
    Sending.ELECTRONIC: "doc.letter.sending.electronic",
    Sending.REGISTERED_MAIL: "doc.letter.sending.registered-mail",
    Sending.HAND: "doc.letter.sending.hand",
}


def letterhead(consultation: Consultation) -> str:
    """The buyer's name in bold, then its address, one line each."""
    name = f"**{md(consultation.buyer or tr('doc.letter.buyer'))}**"
    return _BREAK.join([name, *(md(line) for line in consultation.buyer_details.address)])


def recipient(result: OfferResult) -> str:
    """The candidate's name in bold and its address: the block of a window envelope."""
    lines = [f"**{md(candidate_name(result))}**", *(md(line) for line in result.offer.address)]
    return _quoted(lines)


def references(details: BuyerDetails) -> str:
    """« Réf. : … » and the way the letter is sent, one line each; empty when neither is set."""
    lines = []
    if details.reference:
        lines.append(tr("doc.letter.reference", reference=md(details.reference)))
    if details.sending is not None:
        if details.platform and details.sending is Sending.ELECTRONIC:
            lines.append(tr("doc.letter.sending.electronic_via", platform=md(details.platform)))
        else:
            lines.append(tr(_SENDING[details.sending]))
    return _BREAK.join(f"*{line}*" for line in lines)


def signature(consultation: Consultation, today: date) -> str:
    """« Fait à <place>, le <date> », then the signatory's title and name (room left to sign
    between them), or the buyer's name: a block on the right."""
    details = consultation.buyer_details
    done = (
        tr("doc.letter.done_at", place=md(details.place), date=when(today))
        if details.place
        else tr("doc.letter.done", date=when(today))
    )
    title = [md(details.signatory_title)] if details.signatory_title else []
    if details.signatory:
        who = [*title, "", "", md(details.signatory)]
    else:
        who = [*title, md(consultation.buyer or tr("doc.letter.buyer"))]
    return _quoted([done, "", *who])


def _quoted(lines: list[str]) -> str:
    """Lines as one Markdown quote, each ending in a line break but the last."""
    return "\n".join(
        "> " + line + ("\\" if index < len(lines) - 1 else "") for index, line in enumerate(lines)
    )
