"""The consultation as the rest of the tool uses it: small frozen objects, every lot's two caps
and every criterion's scale already known (:mod:`.loader` builds them from the two files)."""

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from functools import cached_property
from pathlib import Path

from referent_ess.config.choices import (
    AbnormalMethod,
    CapBasis,
    MarksAggregate,
    Ordering,
    PriceBasis,
    PriceFormula,
)


@dataclass(frozen=True)
class Lot:
    id: int
    title: str
    cap_ht: Decimal
    cap_ttc: Decimal


@dataclass(frozen=True)
class PriceRule:
    formula: PriceFormula
    basis: PriceBasis
    k: Decimal  # only used by the gap formula


@dataclass(frozen=True)
class Criterion:
    id: str
    label: str
    weight: Decimal
    scale: Decimal  # marks go from 0 to scale (unused by the price criterion)
    price: PriceRule | None = None

    @property
    def is_price(self) -> bool:
        return self.price is not None


@dataclass(frozen=True)
class Consultation:
    title: str
    buyer: str | None
    deadline: date | datetime | None
    vat_rate: Decimal
    cap_basis: CapBasis
    required_documents: tuple[str, ...]
    offers: Path | None  # the default workbook, already resolved against lots.yaml's folder
    abnormally_low: AbnormalMethod = AbnormalMethod.NONE
    abnormally_low_ratio: Decimal = Decimal("0.8")
    max_lots_per_candidate: int | None = None


@dataclass(frozen=True)
class Config:
    """Everything the two YAML files say, checked and resolved."""

    consultation: Consultation
    lots: tuple[Lot, ...]
    total: Decimal
    criteria: tuple[Criterion, ...]
    tie_break: tuple[str, ...]
    lots_path: Path
    criteria_path: Path
    lots_sha256: str
    criteria_sha256: str
    marks_aggregate: MarksAggregate = MarksAggregate.MEAN
    marks_divergence: Decimal | None = None  # None: 40 % of each criterion's scale
    ordering: Ordering = Ordering.WEIGHTED

    @cached_property
    def price_criterion(self) -> Criterion:
        return next(c for c in self.criteria if c.is_price)

    @cached_property
    def marked_criteria(self) -> tuple[Criterion, ...]:
        return tuple(c for c in self.criteria if not c.is_price)

    def lot(self, lot_id: int) -> Lot | None:
        return self._lots_by_id.get(lot_id)

    @cached_property
    def _lots_by_id(self) -> dict[int, Lot]:
        return {lot.id: lot for lot in self.lots}
