"""The letters' templates: ``attribution.md`` and ``rejet.md``, shipped in the package, or the
buyer's own from a folder; both checked before any letter is written.

Values are Markdown-escaped before they are substituted, and a value is never read as a
template, so a candidate name cannot inject a placeholder.
"""

import string
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from referent_ess.problems.errors import ReferentError

AWARD_TEMPLATE = "attribution.md"
REJECTION_TEMPLATE = "rejet.md"
TEMPLATE_NAMES = (AWARD_TEMPLATE, REJECTION_TEMPLATE)

# Every placeholder a template may use, with what it holds. Both templates get all of them (the
# ones that make no sense in an award letter hold an empty text or the winner's own figures).
PLACEHOLDERS: dict[str, str] = {
    "buyer": "the buyer (consultation.buyer), else « L'acheteur »",
    "consultation": "the consultation's title",
    "deadline": "the deadline for offers, in words (« 23 mars 2018 »)",
    "date": "the date of the letter (« 5 avril 2018 »)",
    "lot_id": "the lot's number",
    "lot_title": "the lot's title",
    "cap_ht": "the lot's cap HT (« 12 500,00 € »)",
    "cap_ttc": "the lot's cap TTC",
    "candidate": "the candidate this letter is for",
    "row": "the candidate's row in the offers workbook",
    "status": "the French status of its offer (admissible, hors délai, irrégulière…)",
    "status_explained": "that status in one sentence",
    "rank": "its rank (« 2e », « 1re »), or « non classée »",
    "ranked_count": "the number of offers ranked in the lot",
    "ranked_offers": "that number with its words (« 1 offre admissible », « 4 offres "
    "admissibles »)",
    "procedure": "the procedure in words (« procédure adaptée », « appel d'offres ouvert »)",
    "procedure_line": "« Procédure : appel d'offres ouvert. »",
    "sending_date": "the date the letters are sent (consultation.sending_date, else the letter's "
    "date), in words",
    "signature_date": "formalised procedure: the first day the contract may be signed after "
    "the standstill of R2182-1 (11 days from the sending, 16 when not sent electronically); "
    "empty otherwise",
    "standstill": "formalised procedure: the sentence giving that date under R2182-1; empty "
    "otherwise (a procédure adaptée has no legal standstill)",
    "information_request": "rejection: what the candidate may ask for and within which delay "
    "(R2181-2 in a procédure adaptée, R2181-4 in a formalised one)",
    "appeals": "rejection: the appeal routes and their deadlines (référé précontractuel, "
    "référé contractuel, recours « Tarn-et-Garonne »), as art. R421-5 CJA requires",
    "price_ht": "the price of its offer HT (« 9 000,00 € »), or « — »",
    "price_ttc": "the price of its offer TTC, or « — »",
    "total": "its total points (« 81,00 »), or « — » when not ranked",
    "max_total": "the points of a perfect offer (« 100,00 »)",
    "winner": "the name of the candidate whose offer is retained",
    "winner_total": "the winner's total points",
    "winner_price_ht": "the winner's price HT",
    "winner_price_ttc": "the winner's price TTC",
    "legal_intro": "rejection: the sentence saying what the letter contains and under which "
    "articles; empty in an award",
    "reasons": "rejection: the status and reasons, with their legal basis (a Markdown block); "
    "empty in an award",
    "ranking": "its rank in one sentence (and how an exact tie was broken)",
    "points_table": "a Markdown table: criterion, points max, its points (and the winner's)",
    "comments": "the jury's comments on its own offer, if the workbook has any",
    "winner_comments": "the jury's comments on the winning offer (not in the default "
    "templates: they may describe the winner's offer)",
    "offer_note": "which offer the letter is about, when it is not plain: « Cette lettre porte "
    "sur votre variante « Visio ». », « Cette lettre porte sur votre offre finale, remise au "
    "tour 2 de la négociation. » (each with a space before it), then for a lot with PSE the ones "
    "the compared prices include; empty otherwise",
    "advantages": "rejection of an admissible offer: on which criteria the winning offer "
    "scored higher or lower, by how many points; empty otherwise",
    "letterhead": "the buyer's name in bold and its address, one line each (buyer.address)",
    "recipient": "the candidate's name in bold and its address (the offers sheet's address "
    "column), as a block on the right (Markdown: a quote)",
    "references": "« Réf. : … » (buyer.reference) and how the letter is sent (buyer.sending), "
    "one line each; empty when neither is set",
    "signature": "« Fait à <place>, le <date> » (buyer.place), then the signatory's title and "
    "name (buyer.signatory_title, buyer.signatory), else the buyer's name",
}


@dataclass(frozen=True)
class LetterTemplates:
    award: string.Template
    rejection: string.Template


def load_templates(template_dir: Path | None) -> LetterTemplates:
    """The buyer's templates where they exist, the packaged ones otherwise; both checked now,
    so that a wrong template is reported before any letter is written."""
    if template_dir is not None and not template_dir.is_dir():
        raise ReferentError(
            "template-dir",
            params=(("path", str(template_dir)),),
        )
    loaded = [_load_template(name, template_dir) for name in TEMPLATE_NAMES]
    return LetterTemplates(award=loaded[0], rejection=loaded[1])


def _load_template(name: str, template_dir: Path | None) -> string.Template:
    path = template_dir / name if template_dir is not None else None
    if path is not None and path.is_file():
        source = str(path)
        try:
            text = path.read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError) as exc:
            raise ReferentError(
                "template-unreadable",
                params=(("path", source), ("detail", str(exc))),
            ) from None
    else:
        source = f"{name} (default template)"
        text = default_template(name)
    template = string.Template(text)
    _check_template(template, source)
    return template


def default_template(name: str) -> str:
    """The text of a template shipped inside the package (``attribution.md`` or ``rejet.md``)."""
    resource = resources.files("referent_ess.render.letters").joinpath(name)
    return resource.read_text(encoding="utf-8")


def _check_template(template: string.Template, source: str) -> None:
    """Refuse what ``substitute`` would choke on, naming the file, the line and the fix."""
    for match in template.pattern.finditer(template.template):
        if match.group("invalid") is not None:
            line = template.template.count("\n", 0, match.start()) + 1
            raise ReferentError(
                "template-syntax",
                params=(("path", source), ("line", str(line))),
            )
    unknown = [name for name in template.get_identifiers() if name not in PLACEHOLDERS]
    if unknown:
        known = ", ".join(f"${name}" for name in PLACEHOLDERS)
        listed = ", ".join(f"${name}" for name in unknown)
        raise ReferentError(
            "template-placeholder",
            params=(("path", source), ("listed", listed), ("known", known)),
        )
