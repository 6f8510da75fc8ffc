"""The fixed choices of the configuration, in a module light enough for the scoring kernel."""

from enum import StrEnum


class CapBasis(StrEnum):
    """Which of a lot's caps an offer's price is checked against."""

    HT = "ht"
    TTC = "ttc"
    BOTH = "both"


class PriceBasis(StrEnum):
    """Which amount of an offer the price criterion compares."""

    HT = "ht"
    TTC = "ttc"


class PriceModel(StrEnum):
    """How the offers of a lot state their price (``price_model`` of a lot in ``lots.yaml``)."""

    DAY_RATE = "day_rate"  # day rate HT × days: the price is their product, to the cent
    LUMP_SUM = "lump_sum"  # one amount HT per offer: the « Montant HT » column is the price
    # unit prices (a BPU) × the quantities of the lot's DQE, line by line (the ``prix`` sheet)
    SCHEDULE = "schedule"
    # a lump sum broken down into lines (a DPGF): each line's amount HT, in the ``prix`` sheet
    DPGF = "dpgf"

    @property
    def has_lines(self) -> bool:
        """Priced line by line in the workbook's ``prix`` sheet (schedule or DPGF)."""
        return self in (PriceModel.SCHEDULE, PriceModel.DPGF)


class Prevails(StrEnum):
    """What prevails when the total an offer states differs from the one its lines make (an
    arithmetic error): the unit prices (the usual rule of the consultation rules: the total is
    recomputed from them), or the total stated."""

    UNIT_PRICE = "unit_price"
    STATED_TOTAL = "stated_total"


class PriceFormula(StrEnum):
    PROPORTIONAL = "proportional"
    LINEAR = "linear"
    GAP = "gap"


class Ordering(StrEnum):
    """Weighted criteria (points and totals), or a hierarchy: criteria in decreasing order of
    importance, compared one after the other (French law allows both)."""

    WEIGHTED = "weighted"
    HIERARCHY = "hierarchy"


class MarksAggregate(StrEnum):
    """How several evaluators' marks for one offer and criterion become one mark."""

    MEAN = "mean"
    MEDIAN = "median"


class AbnormalMethod(StrEnum):
    """How abnormally low offers are flagged (see :mod:`referent_ess.evaluation.abnormally_low`)."""

    NONE = "none"
    MEAN_RATIO = "mean-ratio"
    MEAN_SIGMA = "mean-sigma"
    FFB = "ffb"


class Variants(StrEnum):
    """Whether a lot accepts variants (art. R2151-8: in a procédure adaptée they are allowed
    unless the consultation documents forbid them)."""

    ALLOWED = "allowed"
    FORBIDDEN = "forbidden"


class Sending(StrEnum):
    """How the letters are sent (``buyer.sending``): what a letter says under its reference."""

    ELECTRONIC = "electronic"  # « Envoyé par voie électronique » (via ``buyer.platform``)
    REGISTERED_MAIL = "registered-mail"  # « Lettre recommandée avec accusé de réception »
    HAND = "hand"  # « Remise en main propre contre récépissé »
