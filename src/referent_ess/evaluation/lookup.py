"""Finding in an evaluation what a command or a document asks for: a lot by its number, the lots
chosen (every lot, or one), a candidate's offer on a lot. One lookup of each, so that a wrong
``--lot`` or a mistyped name is refused the same way everywhere, with what exists instead.
"""

import difflib
from collections.abc import Collection

from referent_ess.base.normalise import normalise
from referent_ess.evaluation.results import Evaluation, LotResult, OfferResult
from referent_ess.problems.codes import Params
from referent_ess.problems.errors import ReferentError


def lot_or_error(evaluation: Evaluation, lot_id: int) -> LotResult:
    """The lot numbered ``lot_id``; an unknown number raises :class:`ReferentError` listing the
    consultation's lots."""
    lot = evaluation.lot(lot_id)
    if lot is not None:
        return lot
    known = ", ".join(str(result.lot.id) for result in evaluation.lots)
    path = str(evaluation.config.lots_path)
    raise ReferentError(
        "no-such-lot", params=(("path", path), ("lot", str(lot_id)), ("known", known))
    )


def lot_ids_or_error(evaluation: Evaluation, lot_id: int | None) -> list[int]:
    """The ids of the lots a command works on: every lot's without ``--lot``, else that lot's
    (checked with :func:`lot_or_error`)."""
    if lot_id is None:
        return [result.lot.id for result in evaluation.lots]
    return [lot_or_error(evaluation, lot_id).lot.id]


def chosen_lots(evaluation: Evaluation, lot_ids: Collection[int] | None) -> list[LotResult]:
    """The lots whose id is in ``lot_ids`` (every lot when ``None``), in the consultation's
    order."""
    return [lot for lot in evaluation.lots if lot_ids is None or lot.lot.id in lot_ids]


def offer_or_error(
    evaluation: Evaluation, lot: LotResult, candidate: str, variant: str | None = None
) -> OfferResult:
    """The offer of ``candidate`` on ``lot``, the name matched as a person types it (case,
    accents and spaces do not count); an unknown name raises :class:`ReferentError` listing the
    lot's candidates and the closest names, so that a typo is fixed in one go. A candidate with
    variants: its base offer, or the variant labelled ``variant``."""
    wanted = normalise(candidate)
    matches = [
        r for r in lot.offers if r.offer.candidate and normalise(r.offer.candidate) == wanted
    ]
    if len(matches) > 1 or variant is not None:
        label = normalise(variant or "")
        matches = [r for r in matches if normalise(r.offer.variant or "") == label] or matches
    if len(matches) == 1:
        return matches[0]
    where = evaluation.book.path
    if matches:
        rows = ", ".join(str(r.offer.row) for r in matches)
        raise ReferentError(
            "ambiguous-candidate",
            params=(
                ("path", str(where)),
                ("candidate", repr(candidate)),
                ("count", str(len(matches))),
                ("lot", str(lot.lot.id)),
                ("rows", rows),
            ),
        )
    raise ReferentError("unknown-candidate", params=_unknown_candidate(evaluation, lot, candidate))


def _unknown_candidate(evaluation: Evaluation, lot: LotResult, candidate: str) -> Params:
    """The parameters of ``unknown-candidate``: the closest names, the lot's candidates, and the
    other lots the name has offers on (a wrong --lot is a common slip)."""
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
