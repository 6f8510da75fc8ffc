"""The PSE (prestations supplémentaires éventuelles) of an offer: each one's amount HT and TTC
(at the offer's VAT rate), and the compared price, which is the base price plus the retained
PSE. The one place where the PSE enter the price, whatever the lot's price model.

A PSE priced by lines (a schedule or DPGF lot's ``pse: [{lines: ...}]``) is the sum of its
line amounts, each unit price × quantity to the cent half up, exactly as the lot's own lines
(:mod:`.schedule`); its amount in the offers sheet, if any, is not read (a warning).

TTC: each PSE's TTC is its amount HT × (1 + VAT) to the cent, half up, like the base price's,
and the compared price TTC is the base's TTC plus the retained PSE's TTC: every figure shown
adds up exactly to the total shown."""

from decimal import Decimal

from referent_ess.base.exact import price_ttc
from referent_ess.config.model import Lot
from referent_ess.evaluation.results import PseAmount
from referent_ess.evaluation.schedule import PricedLine, schedule_price
from referent_ess.intake.offer import Offer


def pse_amounts(offer: Offer, lot: Lot | None, vat: Decimal | None) -> tuple[PseAmount, ...]:
    """Every PSE of the lot, in the order of lots.yaml, with the offer's amount (None when it
    has none or it could not be read) and whether the buyer retained it."""
    if lot is None:
        return ()
    amounts = []
    stated = {line.id: line for line in offer.lines or ()}
    for pse in lot.pse:
        lines: tuple[PricedLine, ...] = ()
        if pse.lines:
            lines = tuple(
                PricedLine(
                    line.id,
                    stated[line.id].price,
                    line.quantity,
                    stated[line.id].stated_amount,
                    stated[line.id].cell,
                )
                for line in pse.lines
                if line.id in stated
            )
            # Σ its line amounts, each to the cent half up, like the base lines; unknown
            # unless the offer prices every line (a missing one is an error on its row)
            whole = len(lines) == len(pse.lines)
            ht = schedule_price(lines).recomputed if whole else None
        else:
            ht = offer.pse.get(pse.id)
        ttc = price_ttc(ht, vat) if ht is not None and vat is not None else None
        amounts.append(PseAmount(pse.id, pse.label, pse.retained, ht, ttc, lines))
    return tuple(amounts)


def compared_price(
    base_ht: Decimal | None, base_ttc: Decimal | None, pse: tuple[PseAmount, ...]
) -> tuple[Decimal | None, Decimal | None]:
    """Base + retained PSE, HT and TTC, exactly; unknown (None) when the base or a retained
    PSE's amount is. Without retained PSE, the base price itself."""
    retained = [p for p in pse if p.retained]
    if not retained:
        return base_ht, base_ttc
    if base_ht is None or any(p.amount_ht is None for p in retained):
        return None, None
    ht = base_ht + sum((p.amount_ht or Decimal(0) for p in retained), Decimal(0))
    if base_ttc is None or any(p.amount_ttc is None for p in retained):
        return ht, None
    ttc = base_ttc + sum((p.amount_ttc or Decimal(0) for p in retained), Decimal(0))
    return ht, ttc
