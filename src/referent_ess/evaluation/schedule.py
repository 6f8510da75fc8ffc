"""The price of an offer stated as lines (a BPU × DQE, or the lines of a DPGF): each line's
amount is unit price HT × quantity rounded half up **to the cent, line by line**, and the price
is the sum of those amounts, exactly.

Line by line, because that is how a DQE is written and read: each line shows its amount to the
cent, and the total is their sum, so the buyer can add up the column and find the price. (On
the total instead, two lines of 10.25 × 1.5 = 15.375 would make 30.75, while the two amounts
shown, 15.38 and 15.38, add up to 30.76.)

A total the offer states that differs from that sum is an arithmetic error: the price is the
sum (the unit prices prevail, the usual rule of the consultation rules) unless the consultation
says the stated total prevails (:class:`~referent_ess.config.choices.Prevails`). The lines
whose stated amount differs from unit price × quantity are those that explain the error.
"""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal

from referent_ess.base.exact import round_half_up
from referent_ess.config.choices import Prevails
from referent_ess.config.model import ScheduleLine
from referent_ess.intake.offer import StatedLine


@dataclass(frozen=True)
class PricedLine:
    """One line of an offer's schedule: its id (``1.2``), unit price HT and quantity, and the
    amount the offer states for it, if any."""

    id: str
    unit_price: Decimal
    quantity: Decimal
    stated_amount: Decimal | None = None
    cell: str | None = None  # the unit price's cell, to point at

    @property
    def exact(self) -> Decimal:
        """Unit price × quantity, before rounding (exact: both are finite decimals)."""
        return self.unit_price * self.quantity

    @property
    def amount(self) -> Decimal:
        """Unit price × quantity to the cent, half up."""
        return round_half_up(self.exact)

    @property
    def miscomputed(self) -> bool:
        """The offer states an amount for the line that is not unit price × quantity."""
        return self.stated_amount is not None and self.stated_amount != self.amount


@dataclass(frozen=True)
class SchedulePrice:
    """The lines of one offer, the total they make, the total it states, and the price."""

    lines: tuple[PricedLine, ...]
    recomputed: Decimal  # Σ line amounts
    stated: Decimal | None  # the total the offer states, if any
    price: Decimal  # the recomputed total, or the stated one when it prevails

    @property
    def arithmetic_error(self) -> bool:
        return self.stated is not None and self.stated != self.recomputed

    @property
    def explaining(self) -> tuple[PricedLine, ...]:
        """The lines whose stated amount is not unit price × quantity: what explains an
        arithmetic error (none when only the total is wrong)."""
        return tuple(line for line in self.lines if line.miscomputed)


def schedule_price(
    lines: Iterable[PricedLine],
    stated: Decimal | None = None,
    prevails: Prevails = Prevails.UNIT_PRICE,
) -> SchedulePrice:
    """The price of ``lines``: Σ (unit price × quantity, to the cent, half up), or ``stated``
    when it is given and prevails."""
    priced = tuple(lines)
    recomputed = sum((line.amount for line in priced), Decimal("0.00"))
    price = stated if stated is not None and prevails is Prevails.STATED_TOTAL else recomputed
    return SchedulePrice(priced, recomputed, stated, price)


def priced_lines(
    lines: Iterable[ScheduleLine], stated: Mapping[str, StatedLine]
) -> tuple[PricedLine, ...]:
    """The lines of a DQE, DPGF or PSE that the offer prices (``stated``, by line id), each
    with the consultation's quantity and the offer's unit price, stated amount and cell."""
    return tuple(
        PricedLine(
            line.id,
            stated[line.id].price,
            line.quantity,
            stated[line.id].stated_amount,
            stated[line.id].cell,
        )
        for line in lines
        if line.id in stated
    )
