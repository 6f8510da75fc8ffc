"""Variants and negotiation rounds: which rows are the offers evaluated, and what a variant must
respect.

An offer is one candidate's base offer or one of its variants (a label) on one lot: its
identity (:attr:`~referent_ess.intake.offer.Offer.identity`). Each negotiation round may revise
it; the latest round is the offer evaluated, ranked and awarded (its status decided on that
round alone: art. R2152-1 lets an irregular or unacceptable offer become regular during a
negotiation), and the earlier rounds are its history (:class:`~.results.RoundStep`)."""

from referent_ess.config.choices import Variants
from referent_ess.config.model import Lot
from referent_ess.evaluation.results import Reason, Status
from referent_ess.intake.offer import Offer

Identity = tuple[str, int, str]


def latest_rounds(offers: tuple[Offer, ...]) -> tuple[list[Offer], dict[int, list[Offer]]]:
    """The offers evaluated, in sheet order: each identity's rows of its latest round (two only
    when that round is given twice, both then in error), and every row whose candidate or lot
    cannot be read; and, by the row of each offer evaluated, its earlier rounds in order.

    When every row is of the same round (no negotiation), that is every row and no history:
    said at once, without grouping the rows (which compares their candidates' names)."""
    if len({offer.round for offer in offers}) <= 1:
        return list(offers), {}
    groups: dict[Identity, list[Offer]] = {}
    for offer in offers:
        identity = offer.identity
        if identity is not None:
            groups.setdefault(identity, []).append(offer)
    earlier_of: dict[int, list[Offer]] = {}
    dropped: set[int] = set()
    for group in groups.values():
        last = max(offer.round for offer in group)
        earlier = sorted((o for o in group if o.round < last), key=_round_then_row)
        for offer in group:
            if offer.round < last:
                dropped.add(offer.row)
            elif earlier:
                earlier_of[offer.row] = earlier
    return [o for o in offers if o.row not in dropped], earlier_of


def with_base(offers: tuple[Offer, ...]) -> frozenset[tuple[str, int]]:
    """The (candidate, lot) pairs that have a base offer, in any round."""
    return frozenset(
        (identity[0], identity[1])
        for offer in offers
        if (identity := offer.identity) is not None and not identity[2]
    )


def variant_reasons(offer: Offer, lot: Lot | None, has_base: bool) -> list[Reason]:
    """Why a variant is irregular (art. L2152-2: it does not respect the consultation rules):
    its lot forbids variants, or it comes without its candidate's base offer when the rules
    require one."""
    if offer.variant is None or lot is None:
        return []
    cell = offer.cells.get("variant")
    params = (("variant", offer.variant), ("lot", str(lot.id)))
    if lot.variants is Variants.FORBIDDEN:
        return [
            Reason("variant-forbidden", Status.IRREGULAR, params=params, cell=cell, field="variant")
        ]
    if lot.variant_needs_base and not has_base:
        return [
            Reason(
                "variant-without-base", Status.IRREGULAR, params=params, cell=cell, field="variant"
            )
        ]
    return []


def _round_then_row(offer: Offer) -> tuple[int, int]:
    return offer.round, offer.row
