"""Letters to the candidates of one lot: the notice of award and the notices of rejection.

Why: French public procurement law asks the buyer to notify every rejected candidate without
delay (art. R2181-1 of the Code de la commande publique) with the reasons of the rejection and,
when its offer was admissible, the name of the winner and the characteristics and advantages of
the winning offer (art. R2181-2 for a procédure adaptée). The letters are built from the
evaluation only, so that they say exactly what the ranking says, and they are refused while the
ranking is provisional or has no single winner: such letters could not be taken back.

The text comes from two ``string.Template`` files, ``attribution.md`` and ``rejet.md``, shipped
in the package; a buyer may supply their own in a folder. Values are Markdown-escaped before
they are substituted, and a value is never read as a template, so a candidate name cannot
inject a placeholder.
"""

import re
import string
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from fractions import Fraction
from importlib import resources
from pathlib import Path

from referent_ess.config.consultation import Config
from referent_ess.evaluation import kernel as scoring
from referent_ess.evaluation.results import (
    BudgetCheck,
    Evaluation,
    LotResult,
    OfferResult,
    Reason,
    Status,
)
from referent_ess.i18n.numbers import date_words
from referent_ess.problems.errors import ReferentError
from referent_ess.render.phrases import (
    STATUS,
    STATUS_EXPLAINED,
    award_note,
    euros,
    letter_reason_fr,
    message_fr,
    number,
)

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
    "advantages": "rejection of an admissible offer: on which criteria the winning offer "
    "scored higher or lower, by how many points; empty otherwise",
}

_NOT_APPLICABLE = "—"
_MINUS = "\u2212"
_SLUG_LENGTH = 60
_LIGATURES = str.maketrans({"œ": "oe", "Œ": "OE", "æ": "ae", "Æ": "AE", "ß": "ss"})
# `_` only at a word's edge: snake_case ids stay readable, `_emphasis_` stays inert
_MARKDOWN_SPECIAL = re.compile(r"([\\`*\[\]<>|#]|(?<!\w)_|_(?!\w))")


@dataclass(frozen=True)
class _Templates:
    award: string.Template
    rejection: string.Template


def build_letters(
    evaluation: Evaluation,
    lot_id: int,
    template_dir: Path | None = None,
    today: date | None = None,
) -> dict[str, str]:
    """One Markdown letter per candidate of the lot, keyed by a file name that is safe to join
    to any output folder: an award letter for the winner, a rejection letter for the others.

    Raises :class:`ReferentError` for an unknown lot, a provisional ranking, a lot without a
    single winner, or a template that cannot be used."""
    lot = evaluation.lot(lot_id)
    if lot is None:
        known = ", ".join(str(result.lot.id) for result in evaluation.lots)
        raise ReferentError(  # TODO(wording): the code and params only, after the merge
            f"lot {lot_id} is not in the consultation (lots: {known})",
            "no-such-lot",
            params=(
                ("path", str(evaluation.config.lots_path)),
                ("lot", str(lot_id)),
                ("known", known),
            ),
        )
    winner = _single_winner(lot)
    templates = _load_templates(template_dir)
    when = today if today is not None else date.today()
    names = file_names(lot)
    letters: dict[str, str] = {}
    for result, name in zip(lot.offers, names, strict=True):
        values = _values(evaluation.config, lot, result, winner, when)
        template = templates.award if result is winner else templates.rejection
        letters[name] = _tidy(template.substitute(values))
    return letters


def _single_winner(lot: LotResult) -> OfferResult:
    """The one offer ranked first; letters are final, so anything less certain is refused."""
    where = f"lot {lot.lot.id}"
    params = (("lot", str(lot.lot.id)),)
    if lot.provisional:
        raise ReferentError(
            f"{where}: the ranking is provisional (some offers could not be evaluated); "
            "correct the offers workbook (see `referent validate`) before writing letters: "
            "letters must not be sent on a provisional result",
            "letters-provisional",
            params=params,
        )
    if lot.award is not None:  # the first ranked, or the next one under max_lots_per_candidate
        return lot.award
    winners = lot.winners
    if not winners:
        raise ReferentError(
            f"{where}: no admissible offer, so no award to notify; letters are only written "
            "for a lot with a winner",
            "letters-no-winner",
            params=params,
        )
    if len(winners) > 1:
        names = ", ".join(result.candidate for result in winners)
        raise ReferentError(
            f"{where}: {len(winners)} offers share rank 1 ({names}) and the tie-break does not "
            "separate them; decide the tie before writing letters: letters must not be sent "
            "on a tied result",
            "letters-tie",
            params=(*params, ("count", str(len(winners))), ("names", names)),
        )
    raise ReferentError(
        f"{where}: no award: {lot.award_note}",
        "letters-no-award",
        params=(*params, ("note", str(award_note(lot)))),  # in the language of the run
    )


# ---- templates --------------------------------------------------------------------------------


def _load_templates(template_dir: Path | None) -> _Templates:
    """The buyer's templates where they exist, the packaged ones otherwise; both checked now,
    so that a wrong template is reported before any letter is written."""
    if template_dir is not None and not template_dir.is_dir():
        raise ReferentError(
            f"{template_dir}: template folder not found",
            "template-dir",
            params=(("path", str(template_dir)),),
        )
    loaded = [_load_template(name, template_dir) for name in TEMPLATE_NAMES]
    return _Templates(award=loaded[0], rejection=loaded[1])


def _load_template(name: str, template_dir: Path | None) -> string.Template:
    path = template_dir / name if template_dir is not None else None
    if path is not None and path.is_file():
        source = str(path)
        try:
            text = path.read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError) as exc:
            raise ReferentError(
                f"{source}: cannot read the template ({exc}); save it as UTF-8 text",
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
                f"{source}:{line}: a '$' that starts no placeholder; write $$ for a dollar sign, "
                "or $name / ${name} for a placeholder",
                "template-syntax",
                params=(("path", source), ("line", str(line))),
            )
    unknown = [name for name in template.get_identifiers() if name not in PLACEHOLDERS]
    if unknown:
        known = ", ".join(f"${name}" for name in PLACEHOLDERS)
        listed = ", ".join(f"${name}" for name in unknown)
        raise ReferentError(
            f"{source}: unknown placeholder {listed}; known placeholders: {known}",
            "template-placeholder",
            params=(("path", source), ("listed", listed), ("known", known)),
        )


# ---- file names -------------------------------------------------------------------------------


def file_names(lot: LotResult) -> list[str]:
    """``lot-<id>-<slug>.md`` for each offer of the lot, in order, all different."""
    taken: set[str] = set()
    names = []
    for result in lot.offers:
        base = slug(result.offer.candidate or "", result.offer.row)
        candidate = base
        counter = 1
        while candidate in taken:
            counter += 1
            suffix = f"-{counter}"
            candidate = base[: _SLUG_LENGTH - len(suffix)].rstrip("-") + suffix
        taken.add(candidate)
        names.append(f"lot-{lot.lot.id}-{candidate}.md")
    return names


def slug(name: str, row: int) -> str:
    """Lowercase ASCII letters, digits and single dashes, at most 60 characters, never empty:
    no dot, no slash, so a name such as ``../x`` can never leave the output folder."""
    text = unicodedata.normalize("NFKD", name.translate(_LIGATURES))
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    text = re.sub(r"[^a-z0-9]+", "-", text).strip("-")
    text = text[:_SLUG_LENGTH].rstrip("-")
    return text or f"ligne-{row}"


# ---- values -----------------------------------------------------------------------------------


def _values(
    config: Config, lot: LotResult, result: OfferResult, winner: OfferResult, today: date
) -> dict[str, str]:
    consultation = config.consultation
    ranked = result.rank is not None
    rejected = result is not winner
    return {
        "buyer": _md(consultation.buyer or "L'acheteur"),
        "consultation": _md(consultation.title),
        "deadline": _when(consultation.deadline) if consultation.deadline else "non précisée",
        "date": _when(today),
        "lot_id": str(lot.lot.id),
        "lot_title": _md(lot.lot.title),
        "cap_ht": euros(lot.lot.cap_ht),
        "cap_ttc": euros(lot.lot.cap_ttc),
        "candidate": _md(result.candidate),
        "row": str(result.offer.row),
        "status": STATUS[result.status],
        "status_explained": STATUS_EXPLAINED[result.status],
        "rank": _ordinal(result.rank) if result.rank is not None else "non classée",
        "ranked_count": str(len(lot.ranked)),
        "price_ht": _euros(result.price_ht),
        "price_ttc": _euros(result.price_ttc),
        "total": _points(result.total),
        "max_total": _plain(config.total),
        "winner": _md(winner.candidate),
        "winner_total": _points(winner.total),
        "winner_price_ht": _euros(winner.price_ht),
        "winner_price_ttc": _euros(winner.price_ttc),
        "legal_intro": _legal_intro(ranked) if rejected else "",
        "reasons": _reasons(config, lot, result) if rejected else "",
        "ranking": _ranking(config, lot, result),
        "points_table": _points_table(config, result, None if result is winner else winner),
        "comments": _comments(config, result, "votre offre"),
        "winner_comments": _comments(config, winner, "l'offre retenue"),
        "advantages": _advantages(config, result, winner) if ranked and rejected else "",
    }


def _legal_intro(ranked: bool) -> str:
    if ranked:
        return (
            "Conformément aux articles R2181-1 et R2181-2 du code de la commande publique, vous "
            "trouverez ci-dessous les motifs du rejet de votre offre, ses notes et son "
            "classement, le nom de l'attributaire ainsi que les caractéristiques et les "
            "avantages relatifs de l'offre retenue."
        )
    return (
        "Conformément aux articles R2181-1 et R2181-2 du code de la commande publique, vous "
        "trouverez ci-dessous les motifs du rejet de votre offre."
    )


def _reasons(config: Config, lot: LotResult, result: OfferResult) -> str:
    """Status, then each reason with its legal basis; for a ranked offer, why it lost."""
    status = f"Statut de votre offre : **{STATUS[result.status]}**"
    if result.status is Status.ADMISSIBLE:
        where = (
            f"classée {_ordinal(result.rank)} sur {len(lot.ranked)}"
            if result.rank is not None
            else "non classée"
        )
        return (
            f"{status} ({where}).\n\n"
            "Votre offre n'a pas été retenue car elle n'est pas l'offre économiquement la plus "
            "avantageuse au regard des critères d'attribution annoncés dans les documents de la "
            "consultation (article L2152-7 du code de la commande publique)."
        )
    lines = [f"{status} — {STATUS_EXPLAINED[result.status]}.", ""]
    over_cap = iter([check for check in result.budget if not check.within])
    for reason in result.reasons:
        text = _reason_text(config, result, reason, over_cap)
        basis = _legal_basis(reason)
        lines.append(f"- {text}" + (f" — {basis}." if basis else "."))
    lines += ["", _consequence(result.status)]
    return "\n".join(lines).rstrip()


def _reason_text(
    config: Config, result: OfferResult, reason: Reason, over_cap: Iterator[BudgetCheck]
) -> str:
    """A reason in French from the figures of the offer (the reason messages are English)."""
    check = next(over_cap, None) if reason.code == "over_cap" else None
    text = letter_reason_fr(config, result, reason, check, lambda name: f"« {_md(name)} »")
    return text or _md(message_fr(reason.code, reason.params, reason.message))


def _legal_basis(reason: Reason) -> str | None:
    """The project's legal basis, without the note meant for the buyer (the possibility to
    allow a regularisation is the buyer's choice, not something to offer in a rejection)."""
    basis = reason.legal_basis
    return None if basis is None else re.sub(r"\s*\([^)]*\)\s*$", "", basis)


def _consequence(status: Status) -> str:
    if status is Status.LATE:
        return (
            "Les offres reçues hors délai sont éliminées : votre offre n'a donc été ni notée ni "
            "classée."
        )
    if status in (Status.INCOMPLETE, Status.OVER_CAP):
        return (
            "Les offres irrégulières ou inacceptables sont écartées (article L2152-1 du code de "
            "la commande publique) : votre offre n'a donc pas été classée."
        )
    return "Votre offre n'a donc pas été classée."


def _ranking(config: Config, lot: LotResult, result: OfferResult) -> str:
    if result.rank is None:
        return (
            "Votre offre ayant été écartée, elle n'a été ni notée ni classée. Les notes de "
            "l'offre retenue sont indiquées pour information."
        )
    shared = sum(1 for other in lot.ranked if other.rank == result.rank) > 1
    text = (
        f"Votre offre a obtenu {_points(result.total)} points sur {_plain(config.total)} et a été "
        f"classée {_ordinal(result.rank)}{' ex æquo' if shared else ''} sur {len(lot.ranked)} "
        "offre(s) admissible(s)."
    )
    for tie in lot.ties:
        if any(other is result for other in tie.offers) and tie.decided_by is not None:
            criterion = next(c for c in config.criteria if c.id == tie.decided_by)
            others = len(tie.offers) - 1
            with_whom = "une autre offre" if others == 1 else f"{others} autres offres"
            text += (
                f" Elle était à égalité exacte de points ({_points(tie.total)}) avec {with_whom} ; "
                "selon la règle de départage des ex æquo, l'ordre a été fixé par les points "
                f"obtenus sur le critère « {_md(criterion.label)} »."
            )
    return text


def _points_table(config: Config, result: OfferResult, winner: OfferResult | None) -> str:
    """Criterion, points max, this offer's points and, in a rejection, the winner's."""
    header = ["Critère", "Points max", "Votre offre"]
    if winner is not None:
        header.append("Offre retenue")
    ranked = result.rank is not None
    rows = ["| " + " | ".join(header) + " |", "|---|" + "---:|" * (len(header) - 1)]
    for criterion in config.criteria:
        maximum = scoring.max_points(config.total, criterion.weight)
        cells = [
            _md(criterion.label),
            number(maximum),
            _points(result.points.get(criterion.id)) if ranked else _NOT_APPLICABLE,
        ]
        if winner is not None:
            cells.append(_points(winner.points.get(criterion.id)))
        rows.append("| " + " | ".join(cells) + " |")
    total = ["**Total**", number(config.total), f"**{_points(result.total)}**" if ranked else "—"]
    if winner is not None:
        total.append(f"**{_points(winner.total)}**")
    rows.append("| " + " | ".join(total) + " |")
    return "\n".join(rows)


def _comments(config: Config, result: OfferResult, whose: str) -> str:
    """The jury's written justification of the marks, when the workbook has some."""
    comments = result.offer.comments
    if result.rank is None or not comments:
        return ""
    lines = [f"Appréciation du jury sur {whose} :", ""]
    for criterion in config.criteria:
        comment = comments.get(criterion.id)
        if comment:
            lines.append(f"- {_md(criterion.label)} : {_md(comment)}")
    return "\n".join(lines) if len(lines) > 2 else ""


def _advantages(config: Config, result: OfferResult, winner: OfferResult) -> str:
    """Criterion by criterion, where the winning offer scored more or less than this one.

    Differences are computed on the exact points, then rounded, like every gap of the tool."""
    assert result.total is not None
    assert winner.total is not None
    ahead: list[str] = []
    behind: list[str] = []
    level: list[str] = []
    for criterion in config.criteria:
        theirs = winner.points.get(criterion.id, Fraction(0))
        ours = result.points.get(criterion.id, Fraction(0))
        label = f"« {_md(criterion.label)} »"
        if theirs == ours:
            level.append(f"{label} ({_points(ours)} points)")
            continue
        line = (
            f"- {label} : {_points(theirs)} points contre {_points(ours)} pour votre offre, "
            f"soit {_signed(theirs - ours)} point(s)"
        )
        (ahead if theirs > ours else behind).append(line)
    lines = [
        "Caractéristiques et avantages relatifs de l'offre retenue : elle a obtenu "
        f"{_points(winner.total)} points contre {_points(result.total)} pour votre offre, soit "
        f"{_signed(winner.total - result.total)} point(s) au total.",
    ]
    if ahead:
        lines += ["", "L'offre retenue a obtenu plus de points que la vôtre sur :", ""]
        lines += _listed(ahead)
    if behind:
        lines += ["", "Votre offre a obtenu plus de points que l'offre retenue sur :", ""]
        lines += _listed(behind)
    if level:
        lines += ["", "Les deux offres ont obtenu autant de points sur " + ", ".join(level) + "."]
    lines += [
        "",
        "Les écarts sont calculés sur les points exacts, puis arrondis au centième.",
    ]
    return "\n".join(lines)


def _listed(items: list[str]) -> list[str]:
    """List items the French way: « ; » after each, a full stop after the last."""
    return [item + (" ;" if index < len(items) - 1 else ".") for index, item in enumerate(items)]


# ---- formatting -------------------------------------------------------------------------------


def _md(text: str) -> str:
    """Text from the inputs, inert in Markdown: no table break, no emphasis, no link, no HTML."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", " ".join(text.split()))


def _points(value: Fraction | None) -> str:
    return _NOT_APPLICABLE if value is None else number(value)


def _signed(value: Fraction) -> str:
    """A difference with its sign, the French way: +6,00 or −4,69 (a true minus sign)."""
    sign = "+" if value >= 0 else _MINUS
    return sign + number(abs(value))


def _plain(value: Decimal) -> str:
    """A whole number without decimals (« sur 100 »), any other the French way (« 20,5 »)."""
    return str(int(value)) if value == int(value) else number(value, 2)


def _euros(value: Decimal | None) -> str:
    return _NOT_APPLICABLE if value is None else euros(value)


def _ordinal(rank: int | None) -> str:
    """A rank as French writes it for « une offre classée … »: 1re, 2e, 3e."""
    if rank is None:
        return "non classée"
    return "1re" if rank == 1 else f"{rank}e"


def _when(moment: date | datetime) -> str:
    """A date in words, as French documents write it."""
    return date_words(moment, " ")


def _tidy(text: str) -> str:
    """No run of blank lines where an optional block was empty; one final newline."""
    return re.sub(r"\n{3,}", "\n\n", text).strip() + "\n"
