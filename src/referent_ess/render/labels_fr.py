"""French words for reports, letters and exports: the buyer's own procurement vocabulary."""

from datetime import date, datetime
from decimal import Decimal
from fractions import Fraction

from referent_ess import i18n
from referent_ess.base.exact import round_half_up
from referent_ess.config.consultation import Config
from referent_ess.evaluation.results import BudgetCheck, OfferResult, Reason, Status


def message_fr(code: str, params: tuple[tuple[str, str], ...], english: str) -> str:
    """A reason's or a problem's message in French, whatever ``--lang`` says (the documents are
    French): the French catalogue's template filled with its figures, else the tool's own
    (English) message."""
    with i18n.language("fr"):
        return i18n.message(code, params, english)


STATUS: dict[Status, str] = {
    Status.ADMISSIBLE: "admissible",
    Status.LATE: "hors délai",
    Status.INCOMPLETE: "irrégulière",
    Status.OVER_CAP: "inacceptable",
    Status.INVALID: "données à corriger",
}

STATUS_EXPLAINED: dict[Status, str] = {
    Status.ADMISSIBLE: "offre admissible, classée",
    Status.LATE: "offre reçue après la date limite de réception des offres",
    Status.INCOMPLETE: (
        "offre irrégulière : une pièce exigée par le règlement de la consultation manque"
    ),
    Status.OVER_CAP: "offre inacceptable : son prix dépasse les crédits budgétaires alloués au lot",
    Status.INVALID: "offre non évaluée : le classeur contient une erreur de saisie à corriger",
}

FORMULA: dict[str, str] = {
    "proportional": "proportionnelle (Pmin / P)",
    "linear": "linéaire ((Pmax − P) / (Pmax − Pmin))",
    "gap": "par écart ((k·Pmin − P) / ((k − 1)·Pmin))",
}

BASIS = {"ht": "HT", "ttc": "TTC", "both": "HT et TTC"}


def euros(amount: Decimal | Fraction | int) -> str:
    """An amount the French way, rounded half up: 8 333,00 € (narrow no-break spaces)."""
    return number(amount) + "\u00a0€"


def number(value: Decimal | Fraction | int, places: int = 2) -> str:
    """A number the French way, rounded half up: 88,31."""
    return f"{round_half_up(value, places):,.{places}f}".replace(",", "\u202f").replace(".", ",")


MONTHS = (
    "janvier", "février", "mars", "avril", "mai", "juin",
    "juillet", "août", "septembre", "octobre", "novembre", "décembre",
)  # fmt: skip


def date_words(moment: date | datetime, space: str = " ") -> str:
    """A date in words: 1er avril 2018, 23 mars 2018 à 17 h 30 (``space``: a no-break space
    in HTML, so that a date never breaks across lines)."""
    day = "1er" if moment.day == 1 else str(moment.day)
    text = f"{day}{space}{MONTHS[moment.month - 1]}{space}{moment.year}"
    if isinstance(moment, datetime):
        text += f" à{space}{moment.hour}{space}h{space}{moment.minute:02d}"
    return text


def deadline_words(deadline: date | datetime | None, space: str = " ") -> str:
    """The deadline in words; a date alone runs to the end of that day."""
    if deadline is None:
        return "non précisée"
    if isinstance(deadline, datetime):
        return date_words(deadline, space)
    return f"{date_words(deadline, space)} (jusqu'à la fin de la journée)"


def missing_documents(config: Config, result: OfferResult) -> list[str]:
    """The required documents the offer lacks, in the order lots.yaml lists them."""
    required = config.consultation.required_documents
    return [document for document in required if result.offer.documents.get(document) is False]


def criterion_label(config: Config, criterion_id: str) -> str:
    return next((c.label for c in config.criteria if c.id == criterion_id), criterion_id)


def reason_fr(
    config: Config,
    result: OfferResult,
    reason: Reason,
    check: BudgetCheck | None,
    space: str = " ",
) -> str | None:
    """A reason as the French reports word it, from the offer's own figures (``check``: the cap
    it is over, for ``over_cap``); None for a data error, which each document words with its
    code. Plain text: the HTML report escapes it; ``space`` keeps its dates on one line."""
    offer = result.offer
    deadline = config.consultation.deadline
    if reason.code == "late" and offer.received_at is not None and deadline is not None:
        return (
            f"reçue le {date_words(offer.received_at, space)}, après la date limite du "
            f"{deadline_words(deadline, space)}"
        )
    if reason.code == "incomplete":
        missing = missing_documents(config, result)
        if missing:
            lead = "pièce exigée manquante" if len(missing) == 1 else "pièces exigées manquantes"
            return f"{lead} : {', '.join(missing)}"
    if reason.code == "over_cap" and check is not None:
        basis = check.basis.value.upper()
        return (
            f"prix {basis} de {euros(check.price)} supérieur au montant maximum {basis} du lot "
            f"({euros(check.cap)}) de {euros(-check.margin)}"
        )
    if reason.code == "missing-mark" and reason.field is not None:
        return f"pas de note pour le critère « {criterion_label(config, reason.field)} »"
    if reason.code == "no-price":
        return "le prix ne peut pas être calculé : le coût journalier ou le nombre de jours manque"
    return None
