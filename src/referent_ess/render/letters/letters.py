"""Letters to the candidates of one lot: the notice of award and the notices of rejection.

Why: French public procurement law asks the buyer to notify every rejected candidate without
delay (art. R2181-1 of the Code de la commande publique) with the reasons of the rejection and,
when its offer was admissible, the name of the winner and the characteristics and advantages of
the winning offer (art. R2181-2 for a procédure adaptée). The letters are built from the
evaluation only, so that they say exactly what the ranking says, and they are refused while the
ranking is provisional or has no single winner: such letters could not be taken back.

The text comes from two ``string.Template`` files (:mod:`.templates`), filled with the
paragraphs of :mod:`.paragraphs`; the letters are French whatever ``--lang`` says (the
catalogue's ``doc.letter.*`` keys), apart from the refusals, which are errors of the run and
follow its language.
"""

import re
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from referent_ess import i18n
from referent_ess.base.normalise import normalise
from referent_ess.base.writable import writable
from referent_ess.config.model import Config
from referent_ess.evaluation.lookup import chosen_lots, lot_or_error, offer_or_error
from referent_ess.evaluation.results import Evaluation, LotResult, OfferResult
from referent_ess.i18n import numbers, tr
from referent_ess.problems.errors import ReferentError
from referent_ess.problems.problem import Problem
from referent_ess.render.document_phrases import candidate_name, offer_name
from referent_ess.render.letters import blocks, paragraphs
from referent_ess.render.letters.file_names import file_names
from referent_ess.render.letters.markdown import amount, ordinal, points, when
from referent_ess.render.letters.templates import load_templates
from referent_ess.render.markdown_text import md
from referent_ess.render.phrases import award_note, status_explained, status_label


def build_letters(
    evaluation: Evaluation,
    lot_id: int,
    template_dir: Path | None = None,
    today: date | None = None,
    candidate: str | None = None,
) -> dict[str, str]:
    """One Markdown letter per candidate of the lot (or only to ``candidate``'s offers, its
    name matched as the offers sheet matches names), keyed by a file name that is safe to join
    to any output folder: an award letter for the winner, a rejection letter for the others.

    Raises :class:`ReferentError` for an unknown lot, a provisional ranking, a lot without a
    single winner, or a template that cannot be used."""
    lot = lot_or_error(evaluation, lot_id)
    chosen = [
        (result, name)
        for result, name in zip(lot.offers, file_names(lot), strict=True)
        if candidate is None or _same_name(result, candidate)
    ]
    if not chosen:  # the candidate has no offer on this lot: nothing to write, nothing to check
        return {}
    winner = _single_winner(lot)
    templates = load_templates(template_dir)
    when_written = today if today is not None else date.today()
    letters: dict[str, str] = {}
    with i18n.language("fr"):
        for result, name in chosen:
            values = _values(evaluation.config, lot, result, winner, when_written)
            template = templates.award if result is winner else templates.rejection
            letters[name] = writable(_tidy(template.substitute(values)))
    return letters


def build_all_letters(
    evaluation: Evaluation,
    lot_ids: Sequence[int],
    template_dir: Path | None = None,
    today: date | None = None,
    candidate: str | None = None,
) -> dict[str, str]:
    """The letters of every lot of ``lot_ids`` (file names start with the lot: ``lot-3-…``),
    or only ``candidate``'s. A lot whose letters cannot be written (provisional, tied…) stops
    the run, every such lot named at once: letters go out for all the lots asked, or none.
    An unknown ``candidate`` is refused with the candidates there are."""
    letters: dict[str, str] = {}
    problems: list[Problem] = []
    for lot_id in lot_ids:
        try:
            letters.update(build_letters(evaluation, lot_id, template_dir, today, candidate))
        except ReferentError as error:
            if error.code is None:
                raise
            problems.append(Problem(error.code, params=error.params))
    if len(problems) == 1:
        raise ReferentError(problems[0].code, params=problems[0].params)
    if problems:
        raise ReferentError.from_problems(problems)
    if candidate is not None and not letters:
        _unknown_candidate(evaluation, lot_ids, candidate)
    return letters


def _same_name(result: OfferResult, candidate: str) -> bool:
    return normalise(result.offer.candidate or "") == normalise(candidate)


def _unknown_candidate(evaluation: Evaluation, lot_ids: Sequence[int], candidate: str) -> None:
    """Refuse a name no offer of the lots has: with one lot, as every command refuses an unknown
    name on a lot (close names, other lots); else with every candidate's name."""
    if len(lot_ids) == 1:
        offer_or_error(evaluation, lot_or_error(evaluation, lot_ids[0]), candidate)
    names: dict[str, str] = {}
    for lot in chosen_lots(evaluation, lot_ids):
        for result in lot.offers:
            if result.offer.candidate:
                names.setdefault(normalise(result.offer.candidate), result.offer.candidate)
    raise ReferentError(
        "letters-unknown-candidate",
        params=(("name", repr(candidate)), ("known", ", ".join(names.values()))),
    )


def _single_winner(lot: LotResult) -> OfferResult:
    """The one offer ranked first; letters are final, so anything less certain is refused."""
    params = (("lot", str(lot.lot.id)),)
    if lot.provisional:
        raise ReferentError(
            "letters-provisional",
            params=params,
        )
    if lot.award is not None:  # the first ranked, or the next one under max_lots_per_candidate
        return lot.award
    winners = lot.winners
    if not winners:
        raise ReferentError(
            "letters-no-winner",
            params=params,
        )
    if len(winners) > 1:
        names = ", ".join(result.candidate for result in winners)
        raise ReferentError(
            "letters-tie",
            params=(*params, ("count", str(len(winners))), ("names", names)),
        )
    raise ReferentError(
        "letters-no-award",
        params=(*params, ("note", str(award_note(lot)))),  # in the language of the run
    )


def _values(
    config: Config, lot: LotResult, result: OfferResult, winner: OfferResult, today: date
) -> dict[str, str]:
    """Every placeholder of :data:`.templates.PLACEHOLDERS`, for the letter to ``result``."""
    consultation = config.consultation
    ranked = result.rank is not None
    rejected = result is not winner
    procedure = consultation.procedure
    sent = consultation.sending_date or today
    signature = paragraphs.earliest_signature(config, sent)
    ranked_count = len(lot.ranked)
    return {
        "buyer": md(consultation.buyer or tr("doc.letter.buyer")),
        "letterhead": blocks.letterhead(consultation),
        "recipient": blocks.recipient(result),
        "references": blocks.references(consultation.buyer_details),
        "signature": blocks.signature(consultation, today),
        "consultation": md(consultation.title),
        "deadline": when(consultation.deadline) if consultation.deadline else tr("deadline.none"),
        "date": when(today),
        "lot_id": str(lot.lot.id),
        "lot_title": md(lot.lot.title),
        "cap_ht": numbers.money(lot.lot.cap_ht),
        "cap_ttc": numbers.money(lot.lot.cap_ttc),
        "candidate": md(candidate_name(result)),
        "row": str(result.offer.row),
        "status": status_label(result.status),
        "status_explained": status_explained(result.status),
        "rank": ordinal(result.rank),
        "ranked_count": str(ranked_count),
        "ranked_offers": tr("doc.letter.ranked_offers", n=ranked_count),
        "procedure": paragraphs.procedure_name(procedure),
        "procedure_line": tr(
            "doc.letter.procedure", procedure=paragraphs.procedure_name(procedure)
        ),
        "sending_date": when(sent),
        "signature_date": when(signature) if signature is not None else "",
        "standstill": paragraphs.standstill(config, sent, award=not rejected),
        "information_request": paragraphs.information_request(procedure) if rejected else "",
        "appeals": paragraphs.appeals() if rejected else "",
        "price_ht": amount(result.price_ht),
        "price_ttc": amount(result.price_ttc),
        "total": points(result.total),
        "max_total": numbers.short(config.total),
        "winner": md(offer_name(winner)),
        "winner_total": points(winner.total),
        "winner_price_ht": amount(winner.price_ht),
        "winner_price_ttc": amount(winner.price_ttc),
        "offer_note": paragraphs.offer_note(result),
        "legal_intro": paragraphs.legal_intro(procedure, ranked) if rejected else "",
        "reasons": paragraphs.reasons(config, lot, result) if rejected else "",
        "ranking": paragraphs.ranking(config, lot, result),
        "points_table": paragraphs.points_table(
            config, result, None if result is winner else winner
        ),
        "comments": paragraphs.comments(config, result, "doc.letter.your_offer"),
        "winner_comments": paragraphs.comments(config, winner, "doc.letter.retained_offer"),
        "advantages": paragraphs.advantages(config, result, winner) if ranked and rejected else "",
    }


def _tidy(text: str) -> str:
    """No run of blank lines where an optional block was empty; one final newline."""
    return re.sub(r"\n{3,}", "\n\n", text).strip() + "\n"
