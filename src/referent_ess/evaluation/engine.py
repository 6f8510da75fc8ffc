"""The evaluation of a consultation, start to end: judge every offer on its own, rank every
lot, then award the lots. Pure: takes the configuration and the offers read from the workbook,
returns immutable results (:mod:`~referent_ess.evaluation.results`).

Named ``engine``, not ``evaluate``: a module ``evaluate`` would shadow the function
``referent_ess.evaluate`` of the same name as soon as it is imported.
"""

from referent_ess.config.model import Config
from referent_ess.evaluation.award import allocate
from referent_ess.evaluation.judge import judge
from referent_ess.evaluation.ranking import rank_lot
from referent_ess.evaluation.results import Evaluation, OfferResult
from referent_ess.intake.offers import OfferBook


def evaluate(config: Config, book: OfferBook) -> Evaluation:
    """Give every offer its status, prices and points, then rank each lot's admissible offers."""
    by_lot: dict[int, list[OfferResult]] = {lot.id: [] for lot in config.lots}
    unplaced: list[OfferResult] = []
    source = (str(book.path), book.sheet or None)
    for offer in book.offers:
        lot = config.lot(offer.lot) if offer.lot is not None else None
        result = judge(offer, lot, config, source)
        (by_lot[lot.id] if lot is not None else unplaced).append(result)
    lots = tuple(
        rank_lot(lot, by_lot[lot.id], config, source, unsure=bool(unplaced)) for lot in config.lots
    )
    lots = allocate(lots, config.consultation.max_lots_per_candidate, source)
    return Evaluation(config, book, lots, tuple(unplaced))
