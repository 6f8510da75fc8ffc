"""A lot ranked under every combination of its PSE (prestations supplémentaires éventuelles):
the buyer's choice of the PSE it retains changes the compared price (base + retained PSE), and
so may change the winner. The configured combination (``retained`` in ``lots.yaml``) is marked.

Each combination is the lot evaluated again on the same offers with only those PSE retained (the
other lots and the limit of lots per candidate play no part: the winner shown is the first
ranked). A lot of k PSE has 2^k combinations: beyond :data:`MAX_COMBINED` PSE (64
combinations), the comparison is refused rather than printed unreadably long."""

from dataclasses import dataclass, replace
from itertools import combinations

from referent_ess.config.model import Config, Lot, Pse
from referent_ess.evaluation.engine import evaluate
from referent_ess.evaluation.lookup import lot_or_error
from referent_ess.evaluation.results import Evaluation, LotResult
from referent_ess.problems.errors import ReferentError

MAX_COMBINED = 6  # PSE of one lot: 2^6 = 64 combinations, a table one can still read


@dataclass(frozen=True)
class Combination:
    """One choice of retained PSE and the lot ranked under it."""

    retained: tuple[Pse, ...]  # in the order of lots.yaml
    configured: bool  # the combination lots.yaml retains
    lot: LotResult

    @property
    def winner_rows(self) -> tuple[int, ...]:
        return tuple(r.offer.row for r in self.lot.winners)


@dataclass(frozen=True)
class PseComparison:
    lot_id: int
    pse: tuple[Pse, ...]
    combinations: tuple[Combination, ...]  # none retained first, then by size, in PSE order

    @property
    def configured(self) -> Combination:
        return next(c for c in self.combinations if c.configured)

    @property
    def winner_changes(self) -> bool:
        """Whether some combination has another first rank than another one."""
        return len({c.winner_rows for c in self.combinations}) > 1


def pse_combinations(evaluation: Evaluation, lot_id: int) -> PseComparison:
    """The lot ranked under each combination of its PSE. Raises :class:`ReferentError` for an
    unknown lot, a lot without PSE, or one with more than :data:`MAX_COMBINED` PSE."""
    lot = lot_or_error(evaluation, lot_id).lot
    count = len(lot.pse)
    if count == 0:
        raise ReferentError("not-applicable", params=(("form", "pse-none"), ("lot", str(lot_id))))
    if count > MAX_COMBINED:
        params = (
            ("form", "pse-too-many"),
            ("lot", str(lot_id)),
            ("count", str(count)),
            ("combinations", str(2**count)),
            ("most", str(MAX_COMBINED)),
            ("most_combinations", str(2**MAX_COMBINED)),
        )
        raise ReferentError("not-applicable", params=params)
    book = evaluation.book
    # only the lot's offers (and those of no lot, which make its ranking provisional)
    own = replace(book, offers=tuple(o for o in book.offers if o.lot in (lot_id, None)))
    configured = frozenset(p.id for p in lot.retained_pse)
    found = []
    for size in range(count + 1):
        for chosen in combinations(lot.pse, size):
            ids = frozenset(p.id for p in chosen)
            config = _with_retained(evaluation.config, lot, ids)
            again = evaluate(config, own).lot(lot_id)
            assert again is not None
            found.append(Combination(chosen, ids == configured, again))
    return PseComparison(lot_id, lot.pse, tuple(found))


def _with_retained(config: Config, lot: Lot, retained: frozenset[str]) -> Config:
    """The consultation with exactly ``retained`` among the lot's PSE retained."""
    pse = tuple(replace(p, retained=p.id in retained) for p in lot.pse)
    lots = tuple(replace(other, pse=pse) if other.id == lot.id else other for other in config.lots)
    return replace(config, lots=lots)  # a new instance: its cached lookups are computed again
