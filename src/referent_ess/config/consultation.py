"""Where the package has always imported the configuration from: its model (:mod:`.model`),
the specs of the two files (:mod:`.schema`) and :func:`load_config` (:mod:`.loader`).

TODO(wording): remove after merge, once every importer names the module it needs.
"""

from referent_ess.config.choices import (
    AbnormalMethod,
    CapBasis,
    MarksAggregate,
    Ordering,
    PriceBasis,
    PriceFormula,
)
from referent_ess.config.loader import load_config
from referent_ess.config.model import Config, Consultation, Criterion, Lot, PriceRule
from referent_ess.config.schema import Identifier, LotsFile

__all__ = [
    "AbnormalMethod",
    "CapBasis",
    "Config",
    "Consultation",
    "Criterion",
    "Identifier",
    "Lot",
    "LotsFile",
    "MarksAggregate",
    "Ordering",
    "PriceBasis",
    "PriceFormula",
    "PriceRule",
    "load_config",
]
