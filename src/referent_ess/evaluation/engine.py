"""The evaluation of a consultation, start to end: judge every offer on its own, rank every
lot, then award the lots. Pure: takes the configuration and the offers read from the workbook,
returns immutable results (:mod:`~referent_ess.evaluation.results`).

Named ``engine``, not ``evaluate``: a module ``evaluate`` would shadow the function
``referent_ess.evaluate`` of the same name as soon as it is imported.
"""

from dataclasses import replace

from referent_ess.config.model import Config
from referent_ess.evaluation.award import allocate
from referent_ess.evaluation.judge import judge
from referent_ess.evaluation.ranking import rank_lot
from referent_ess.evaluation.results import Evaluation, OfferResult
from referent_ess.evaluation.vat_basis import vat_basis_warnings
from referent_ess.intake.offers import OfferBook


def evaluate(config: Config, book: OfferBook) -> Evaluation:
    """Give every offer its status, prices and points, then rank each lot's admissible offers
    (and say when comparing HT hides a different first rank: :mod:`.vat_basis`)."""
    by_lot: dict[int, list[OfferResult]] = {lot.id: [] for lot in config.lots}
    unplaced: list[OfferResult] = []
    source = (str(book.path), book.sheet or None)
    for offer in book.offers:
        lot = config.lot(offer.lot) if offer.lot is not None else None
        result = judge(offer, lot, config, source)
        (by_lot[lot.id] if lot is not None else unplaced).append(result)
    ranked = []
    for lot in config.lots:
        judged, unsure = by_lot[lot.id], bool(unplaced)
        lot_result = rank_lot(lot, judged, config, source, unsure=unsure)
        warnings = vat_basis_warnings(lot_result, judged, config, source, unsure=unsure)
        ranked.append(replace(lot_result, warnings=warnings) if warnings else lot_result)
    lots = allocate(tuple(ranked), config.consultation.max_lots_per_candidate, source)
    return Evaluation(config, book, lots, tuple(unplaced))
