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


class Procedure(StrEnum):
    """The kind of procedure (``procedure`` in ``lots.yaml``): what the letters must say depends
    on it. A procédure adaptée by default: the tool was first written for one, and it is the
    procedure of most consultations below the European thresholds (in a formalised procedure the
    letters must add the winner's advantages and the standstill date, art. R2181-3, R2182-1)."""

    ADAPTED = "procedure-adaptee"
    OPEN = "appel-offres-ouvert"
    RESTRICTED = "appel-offres-restreint"
    NEGOTIATED = "procedure-avec-negociation"
    DIALOGUE = "dialogue-competitif"
    WITHOUT_COMPETITION = "sans-publicite-ni-mise-en-concurrence"

    @property
    def formalised(self) -> bool:
        """A formalised procedure: rejection letters give the winner's advantages and the date
        from which the contract may be signed (art. R2181-3), after the standstill of R2182-1."""
        return self in (
            Procedure.OPEN,
            Procedure.RESTRICTED,
            Procedure.NEGOTIATED,
            Procedure.DIALOGUE,
        )


# the spellings a buyer may type, once accents, case, spaces and apostrophes are set aside
PROCEDURE_ALIASES: dict[str, Procedure] = {
    "adaptee": Procedure.ADAPTED,
    "procedure-adaptee": Procedure.ADAPTED,
    "mapa": Procedure.ADAPTED,
    "appel-offres-ouvert": Procedure.OPEN,
    "appel-d-offres-ouvert": Procedure.OPEN,
    "aoo": Procedure.OPEN,
    "appel-offres-restreint": Procedure.RESTRICTED,
    "appel-d-offres-restreint": Procedure.RESTRICTED,
    "aor": Procedure.RESTRICTED,
    "procedure-avec-negociation": Procedure.NEGOTIATED,
    "negociation": Procedure.NEGOTIATED,
    "procedure-concurrentielle-avec-negociation": Procedure.NEGOTIATED,
    "dialogue-competitif": Procedure.DIALOGUE,
    "sans-publicite-ni-mise-en-concurrence": Procedure.WITHOUT_COMPETITION,
    "marche-sans-publicite-ni-mise-en-concurrence": Procedure.WITHOUT_COMPETITION,
    "sans-publicite": Procedure.WITHOUT_COMPETITION,
}


class Sending(StrEnum):
    """How the letters are sent (``buyer.sending``): what a letter says under its reference."""

    ELECTRONIC = "electronic"  # « Envoyé par voie électronique » (via ``buyer.platform``)
    REGISTERED_MAIL = "registered-mail"  # « Lettre recommandée avec accusé de réception »
    HAND = "hand"  # « Remise en main propre contre récépissé »
