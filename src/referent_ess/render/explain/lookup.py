"""Finding the offer to explain: the lot by its id, the offer by its candidate's name as a
person types it, with errors that say how to fix a slip (the closest names, the other lots the
name has offers on)."""

import difflib

from referent_ess.base.normalise import normalise
from referent_ess.evaluation.results import Evaluation, LotResult, OfferResult
from referent_ess.problems.errors import ReferentError

UNKNOWN_CANDIDATE = "unknown-candidate"
AMBIGUOUS_CANDIDATE = "ambiguous-candidate"
NO_LOT = "no-lot"


def find_offer(evaluation: Evaluation, lot_id: int, candidate: str) -> OfferResult:
    """The offer of ``candidate`` on lot ``lot_id``, the name matched as a person types it (case,
    accents and spaces do not count); an unknown name raises :class:`ReferentError` listing the
    lot's candidates and the closest names, so that a typo is fixed in one go."""
    lot = _lot(evaluation, lot_id)
    wanted = normalise(candidate)
    matches = [
        r for r in lot.offers if r.offer.candidate and normalise(r.offer.candidate) == wanted
    ]
    if len(matches) == 1:
        return matches[0]
    where = evaluation.book.path
    if matches:
        rows = ", ".join(str(r.offer.row) for r in matches)
        raise ReferentError(
            AMBIGUOUS_CANDIDATE,
            params=(
                ("path", str(where)),
                ("candidate", repr(candidate)),
                ("count", str(len(matches))),
                ("lot", str(lot_id)),
                ("rows", rows),
            ),
        )
    raise ReferentError(UNKNOWN_CANDIDATE, params=_unknown_candidate(evaluation, lot, candidate))


def _lot(evaluation: Evaluation, lot_id: int) -> LotResult:
    lot = evaluation.lot(lot_id)
    if lot is None:
        known = ", ".join(str(result.lot.id) for result in evaluation.lots)
        path = evaluation.config.lots_path
        raise ReferentError(
            NO_LOT,
            params=(("path", str(path)), ("lot", str(lot_id)), ("known", known)),
        )
    return lot


def _unknown_candidate(
    evaluation: Evaluation, lot: LotResult, candidate: str
) -> tuple[tuple[str, str], ...]:
    """The parameters of the message for a name that matches no offer: the closest names, the
    lot's candidates, and the other lots the name has offers on (a wrong --lot is a common
    slip)."""
    names = [r.candidate for r in lot.offers]
    by_key = {normalise(r.offer.candidate): r.candidate for r in lot.offers if r.offer.candidate}
    wanted = normalise(candidate)
    close = difflib.get_close_matches(wanted, list(by_key), n=3, cutoff=0.6)
    params: list[tuple[str, str]] = [
        ("path", str(evaluation.book.path)),
        ("lot", str(lot.lot.id)),
        ("candidate", repr(candidate)),
        ("close_part", f"close.{len(close)}"),
        *((f"close{number}", repr(by_key[key])) for number, key in enumerate(close, 1)),
        ("listed", ", ".join(names)),
        ("listed_part", "candidates.some" if names else "candidates.none"),
        ("elsewhere_part", "elsewhere.none"),
    ]
    elsewhere = [
        str(other.lot.id)
        for other in evaluation.lots
        if other is not lot and wanted in {normalise(r.offer.candidate or "") for r in other.offers}
    ]
    if elsewhere:
        params[-1] = ("elsewhere_part", "elsewhere.some")
        params.append(("elsewhere", ", ".join(elsewhere)))
    return tuple(params)
