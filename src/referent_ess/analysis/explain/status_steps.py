"""What follows from the ranking: the award, the status with its reasons, the notes of the lot
(provisional ranking, abnormally-low detection), the lot's warnings and the offer's."""

from collections.abc import Iterator
from datetime import datetime

from referent_ess.config.model import Config
from referent_ess.evaluation.results import Evaluation, LotResult, OfferResult, Status

from .terms import (
    STOP,
    AbnormalNote,
    AwardNote,
    Joiner,
    LegalBasis,
    Listed,
    LotWarningText,
    Moment,
    Notation,
    Phrase,
    ProvisionalNote,
    ReasonText,
    Sentence,
    Step,
    Value,
    WarningText,
    in_parentheses,
    phrase,
    present,
    status_label,
)


def provisional_step(evaluation: Evaluation, lot: LotResult) -> Step:
    return Step("provisional", (ProvisionalNote(evaluation, lot), STOP))


def abnormal_step(evaluation: Evaluation) -> Step:
    return Step("abnormally-low-check", (Sentence(AbnormalNote(evaluation)),))


def award_steps(config: Config, lot: LotResult, result: OfferResult) -> Iterator[Step]:
    """Who the lot goes to, and why not to the first when it is so."""
    limit = config.consultation.max_lots_per_candidate
    figures = present(award_note=lot.award_note, max_lots_per_candidate=limit)
    award = lot.award
    if award is None:
        if lot.award_note is not None:
            yield Step(
                "award", (phrase("ex.award.none", lot=lot.lot.id, note=AwardNote(lot)),), figures
            )
        return
    note = Notation(" ({note})", {"note": AwardNote(lot)}) if lot.award_note else ""
    figures.update(
        award_candidate=award.candidate,
        award_row=award.offer.row,
        award_rank=str(award.rank),
    )
    words: list[Value]
    if award.offer.row == result.offer.row:
        words = [phrase("ex.award.this", lot=lot.lot.id, rank=str(award.rank), note=note)]
    else:
        words = [
            phrase(
                "ex.award.other",
                lot=lot.lot.id,
                candidate=award.candidate,
                rank=str(award.rank),
                note=note,
            )
        ]
    if limit is not None and any(w.code == "lot-limit" for r in lot.ranked for w in r.warnings):
        words.append(phrase("ex.award.limit", limit=limit))
    yield Step("award", (*words, STOP), figures)


def status_steps(config: Config, result: OfferResult) -> Iterator[Step]:
    """Admissible with what that took, or the status and one step per reason."""
    status = result.status.value
    if result.status is Status.ADMISSIBLE:
        admissible = phrase(
            "ex.status.admissible",
            reception=_reception(config, result),
            documents=_documents(config, result),
        )
        yield Step("status", (admissible,), {"status": status})
        return
    # the announced thresholds' status only where the lot's criteria announce one
    thresholds = bool(config.criteria_for(result.offer.lot).thresholds)
    shown = [s for s in Status if thresholds or s is not Status.BELOW_THRESHOLD]
    order = Listed(
        tuple(status_label(s) for s in shown if s is not Status.ADMISSIBLE),
        Joiner.COMMA,
        distinct=True,
    )
    excluded = phrase("ex.status.excluded", status=status_label(result.status), order=order)
    yield Step("status", (excluded,), {"status": status})
    for index, reason in enumerate(result.reasons):
        # A reason that is a ground of law (late, incomplete, over_cap, the jury's decisions) is
        # named by its status's label (hors délai in French); a data error (bad-number) by its
        # code, then its status's label.
        name: Value = status_label(reason.status)
        if reason.ground is None:
            name = Notation("{code} ({status})", {"code": reason.code, "status": name})
        yield Step(
            "reason",
            (phrase("ex.reason", name=name, line=ReasonText(result, index)),),
            present(
                code=reason.code,
                status=reason.status.value,
                message=reason.message,
                cell=reason.cell,
                field=reason.field,
                legal_basis=LegalBasis(reason.ground) if reason.ground is not None else None,
            ),
        )


def _reception(config: Config, result: OfferResult) -> Phrase:
    # an offer of a negotiation round is judged against that round's own deadline, as `judge` does
    round_number = result.offer.round
    deadline = config.consultation.deadline_of(round_number)
    received = result.offer.received_at
    if deadline is None:
        if round_number > 1:
            return phrase("ex.reception.no_round_deadline", round=str(round_number))
        return phrase("ex.reception.no_deadline")
    limit: Value = (
        Moment(deadline)
        if isinstance(deadline, datetime)
        else phrase("ex.reception.end_of_day", when=Moment(deadline))
    )
    if round_number > 1:
        limit = phrase("ex.reception.round_limit", limit=limit, round=str(round_number))
    if received is None:
        return phrase("ex.reception.no_date", limit=limit)
    same_day = isinstance(deadline, datetime) and received == deadline.date()
    if same_day and not isinstance(received, datetime):
        return phrase("ex.reception.no_time", when=Moment(received), limit=limit)
    return phrase("ex.reception.in_time", when=Moment(received), limit=limit)


def _documents(config: Config, result: OfferResult) -> Phrase:
    required = config.documents_for(result.offer.lot)
    if not required:
        return phrase("ex.documents.none")
    labels = tuple(config.document_label(document) for document in required)
    return phrase("ex.documents.all", documents=Listed(labels, Joiner.COMMA))


def lot_warning_steps(lot: LotResult) -> Iterator[Step]:
    """The lot's own warnings (vat-basis), which every offer of the lot is explained with."""
    for index, warning in enumerate(lot.warnings):
        words = phrase(
            "ex.lot_warning", code=warning.code, message=Sentence(LotWarningText(lot, index))
        )
        yield Step(
            "lot-warning",
            (words,),
            present(code=warning.code, severity=warning.severity.value, message=warning.message),
        )


def warning_steps(result: OfferResult) -> Iterator[Step]:
    for index, warning in enumerate(result.warnings):
        words = phrase(
            "ex.warning",
            code=warning.code,
            cell=in_parentheses(warning.cell),
            message=Sentence(WarningText(result, index)),
        )
        yield Step(
            "warning",
            (words,),
            present(
                code=warning.code,
                severity=warning.severity.value,
                cell=warning.cell,
                field=warning.field,
                message=warning.message,
            ),
        )
