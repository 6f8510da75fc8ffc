"""The evaluation as one OCDS 1.1 release: open-contracting publication of bids and awards.

A release, not a release package (the package describes the publication, which only the
buyer's platform knows); ``tag: ["award"]`` with ``pending`` awards (a ranking is not the
buyer's decision); amounts HT; criteria on each lot (awardCriteriaBreakdown); what OCDS has no
place for in ``referent:`` fields. Each choice, and what to check before publishing, is
explained in ``docs/ocds.md``. The release's texts are French whatever ``--lang`` says (the
catalogue's ``doc.ocds.*`` keys).
"""

import hashlib
import re
import unicodedata
from collections.abc import Iterable
from datetime import UTC, date, datetime, time, tzinfo
from decimal import Decimal
from fractions import Fraction
from typing import Any, Literal
from zoneinfo import ZoneInfo

from referent_ess import i18n
from referent_ess.base.exact import round_half_up
from referent_ess.config.model import Config, Criterion, Lot
from referent_ess.evaluation import kernel as scoring
from referent_ess.evaluation.results import Evaluation, LotResult, OfferResult, Status
from referent_ess.i18n import numbers, tr
from referent_ess.render.cells import gap_to_first
from referent_ess.render.document_phrases import lots_of
from referent_ess.render.phrases import award_note, basis_words, formula_described, legal_basis
from referent_ess.render.run_info import RunInfo

Json = dict[str, Any]
Method = Literal["open", "selective", "limited", "direct"]

CURRENCY = "EUR"
FIELD = "referent:"  # the prefix of every field this tool adds to OCDS
LOCAL_ZONE = "Europe/Paris"  # lots.yaml's deadline is French local time without a zone

_BID_STATUS: dict[Status, str] = {
    Status.ADMISSIBLE: "valid",
    Status.LATE: "disqualified",
    Status.INCOMPLETE: "disqualified",
    Status.OVER_CAP: "disqualified",
    # the jury's decisions: "did not meet the qualification criteria", the closest code
    Status.IRREGULAR: "disqualified",
    Status.UNACCEPTABLE: "disqualified",
    Status.INAPPROPRIATE: "disqualified",
    Status.BELOW_THRESHOLD: "disqualified",  # the consultation rules' announced threshold
    Status.INVALID: "pending",  # a data error to correct: not evaluated, not rejected
}


def build_ocds_release(
    evaluation: Evaluation,
    run: RunInfo,
    ocid_prefix: str = "ocds-xxxxxx",
    *,
    method: Method = "open",
    method_details: str | None = None,
    local_zone: tzinfo | None = None,
) -> dict[str, Any]:
    """One OCDS 1.1 release (with the lots and bid extensions) of the whole evaluation.

    Deterministic: the same evaluation and run give the same dict. ``run.run_at`` must be
    timezone-aware (a release date without a zone is ambiguous by hours).
    """
    if run.run_at.tzinfo is None or run.run_at.utcoffset() is None:
        raise ValueError("run.run_at must be timezone-aware, e.g. datetime.now().astimezone()")
    with i18n.language("fr"):  # the release's texts are French (``language: "fr"``)
        return _release(evaluation, run, ocid_prefix, method, method_details, local_zone)


def _release(
    evaluation: Evaluation,
    run: RunInfo,
    ocid_prefix: str,
    method: Method,
    method_details: str | None,
    local_zone: tzinfo | None,
) -> Json:
    config = evaluation.config
    consultation = config.consultation
    names = [r.offer.candidate for _, r in _all_offers(evaluation) if r.offer.candidate]
    ids = _PartyIds([consultation.buyer, *names] if consultation.buyer else names)
    slug = _slug(consultation.title)
    ocid = f"{ocid_prefix}-{slug}"

    bids: list[Json] = []
    bid_ids: dict[int, str] = {}  # id(OfferResult) → bid id
    tenderers: dict[str, Json] = {}  # party id → reference, in order of first bid
    for lot, result in _all_offers(evaluation):
        bid = _bid(lot, result, ids)
        bid_ids[id(result)] = bid["id"]
        for tenderer in bid.get("tenderers", []):
            tenderers.setdefault(tenderer["id"], dict(tenderer))
        bids.append(bid)

    awards: list[Json] = []
    notes: list[Json] = []
    suppliers: set[str] = set()
    for lot in evaluation.lots:
        note = _why_no_award(lot)
        if note is not None:
            notes.append(note)
            continue
        winner = lot.award
        if winner is None:
            notes.append(
                {
                    "code": "no-award",
                    "relatedLots": [str(lot.lot.id)],
                    "message": tr("doc.ocds.no_award", lot=lot.lot.id, note=award_note(lot)),
                }
            )
            continue
        award = _award(lot, winner, bid_ids[id(winner)], ids)
        suppliers.update(s["id"] for s in award.get("suppliers", []))
        awards.append(award)
    if evaluation.unplaced:
        rows = ", ".join(str(r.offer.row) for r in evaluation.unplaced)
        notes.append(
            {
                "code": "unplaced-offers",
                "relatedLots": [],
                "message": tr("doc.ocds.unplaced", rows=rows),
            }
        )

    release: Json = {
        "ocid": ocid,
        "id": f"{ocid}-{run.run_at.astimezone(UTC):%Y%m%dT%H%M%SZ}",
        "date": run.run_at.isoformat(timespec="seconds"),
        "tag": ["award"] if awards else ["tenderUpdate"],
        "initiationType": "tender",
        "language": "fr",
        "parties": _parties(consultation.buyer, ids, tenderers, suppliers),
    }
    if consultation.buyer:
        release["buyer"] = _reference(consultation.buyer, ids)
    release["tender"] = _tender(
        evaluation, slug, list(tenderers.values()), method, method_details, local_zone
    )
    if bids:
        release["bids"] = {"details": bids}
    if awards:
        release["awards"] = awards
    if notes:
        release[FIELD + "notes"] = notes
    release[FIELD + "run"] = {
        "tool": "referent",
        "version": run.version,
        "inputs": [
            {"role": item.role, "file": item.path.name, "sha256": item.sha256}
            for item in run.inputs
        ],
    }
    return release


# ---- sections ---------------------------------------------------------------------------------


def _tender(
    evaluation: Evaluation,
    slug: str,
    tenderers: list[Json],
    method: Method,
    method_details: str | None,
    local_zone: tzinfo | None,
) -> Json:
    config = evaluation.config
    consultation = config.consultation
    tender: Json = {
        "id": slug,
        "title": consultation.title,
        "procurementMethod": method,
    }
    if method_details:
        tender["procurementMethodDetails"] = method_details
    # Every offer is priced as a day rate × a number of days: the tool evaluates services.
    tender["mainProcurementCategory"] = "services"
    tender["awardCriteria"] = "ratedCriteria"  # weighted criteria, price among them
    tender["awardCriteriaDetails"] = _criteria_details(config)
    if consultation.deadline is not None:
        zone = local_zone if local_zone is not None else ZoneInfo(LOCAL_ZONE)
        tender["tenderPeriod"] = {"endDate": _deadline(consultation.deadline, zone)}
    if tenderers:
        tender["numberOfTenderers"] = len(tenderers)
        tender["tenderers"] = tenderers
    tender["lots"] = [_lot(lot, config) for lot in evaluation.lots]
    return tender


def _lot(result: LotResult, config: Config) -> Json:
    lot = result.lot
    return {
        "id": str(lot.id),
        "title": lot.title,
        "value": _value(lot.cap_ht),
        "awardCriteria": {
            "criteria": [_criterion(c, config) for c in config.criteria_for(lot.id).criteria]
        },
        FIELD + "cap": {
            "ht": _amount(lot.cap_ht),
            "ttc": _amount(lot.cap_ttc),
            "checkedOn": config.consultation.cap_basis.value,
        },
        **_lot_pse(lot, config),
    }


def _lot_pse(lot: Lot, config: Config) -> Json:
    """A lot with PSE: each one (id, title, retained) and whether the caps include them."""
    if not lot.pse:
        return {}
    return {
        FIELD + "pse": {
            "items": [{"id": p.id, "title": p.label, "retained": p.retained} for p in lot.pse],
            "capsIncludeRetained": config.consultation.caps_include_pse,
        }
    }


def _criterion(criterion: Criterion, config: Config) -> Json:
    """One criterion in the awardCriteriaBreakdown extension's shape. The extension has no
    sub-criteria: a criterion's are named in its description, and given in the same shape in
    ``referent:subCriteria`` (weights in % of the total, like the criterion's)."""
    maximum = round_half_up(scoring.max_points(config.total, criterion.weight), 2)
    if criterion.sub_criteria:
        items = tr("punct.semicolon").join(
            tr("doc.ocds.weight", criterion=c.label, weight=numbers.quantity(c.weight))
            for c in criterion.sub_criteria
        )
        description = tr(
            "doc.ocds.parent_criterion", items=items, maximum=numbers.quantity(maximum)
        )
    elif criterion.price is not None:
        rule = criterion.price
        formula = formula_described(rule.formula)
        if rule.formula.value == "gap":
            formula += f", k = {numbers.quantity(rule.k)}"
        description = tr(
            "doc.ocds.price_criterion",
            formula=formula,
            basis=basis_words(rule.basis),
            maximum=numbers.quantity(maximum),
        )
    elif criterion.descriptors is not None:
        words = numbers.listed(
            [
                tr("doc.scale_word", word=word, mark=numbers.quantity(mark))
                for word, mark in criterion.descriptors.words
            ]
        )
        description = tr("doc.ocds.words_criterion", words=words, maximum=numbers.quantity(maximum))
    else:
        description = tr(
            "doc.ocds.marks_criterion",
            scale=numbers.quantity(criterion.scale),
            maximum=numbers.quantity(maximum),
        )
    if criterion.min_points is not None:
        description += tr("doc.ocds.threshold", min_points=numbers.quantity(criterion.min_points))
    found: Json = {
        "type": "price" if criterion.is_price else "quality",
        "name": criterion.label,
        "description": description,
        "numbers": [{"number": float(criterion.weight), "weight": "percentageExact"}],
        FIELD + "id": criterion.id,
    }
    if criterion.min_points is not None:
        found[FIELD + "minPoints"] = float(criterion.min_points)
    if criterion.descriptors is not None:
        found[FIELD + "scaleWords"] = [
            {"word": word, "mark": float(mark)} for word, mark in criterion.descriptors.words
        ]
    if criterion.sub_criteria:
        found[FIELD + "subCriteria"] = [_criterion(c, config) for c in criterion.sub_criteria]
    return found


def _criteria_details(config: Config) -> str:
    """The criteria in words: the weights of each set in use (after its lots when the lots do
    not share one), and its tie-break."""
    sets = config.sets_in_use
    texts = []
    for criteria in sets:
        weights = tr("punct.semicolon").join(
            tr("doc.ocds.weight", criterion=c.label, weight=numbers.quantity(c.weight))
            for c in criteria.criteria
        )
        text = tr("doc.ocds.criteria", weights=weights, total=numbers.quantity(config.total))
        if criteria.tie_break:
            order = tr("note.hierarchy.then").join(
                node.label for i in criteria.tie_break if (node := criteria.node(i)) is not None
            )
            text += tr("doc.ocds.tie_break", criteria=order)
        texts.append(text if len(sets) == 1 else f"{lots_of(config, criteria)} : {text}")
    return " ".join(texts)


def _bid(lot: LotResult | None, result: OfferResult, ids: "_PartyIds") -> Json:
    row = result.offer.row
    bid: Json = {
        "id": f"lot-{lot.lot.id}-row-{row}" if lot is not None else f"row-{row}",
        "status": _BID_STATUS[result.status],
    }
    if result.offer.candidate:
        bid["tenderers"] = [_reference(result.offer.candidate, ids)]
    if result.price_ht is not None:
        bid["value"] = _value(result.price_ht)
    if lot is not None:
        bid["relatedLots"] = [str(lot.lot.id)]
    bid["hasRank"] = result.rank is not None
    if result.rank is not None:
        bid["rank"] = result.rank
    gap = gap_to_first(lot, result) if lot is not None else None
    bid[FIELD + "evaluation"] = {
        "row": row,
        "status": result.status.value,
        "rank": result.rank,
        "total": _points(result.total),
        "gapToFirst": _points(gap),
        "points": {name: _points(value) for name, value in result.points.items()},
        "priceTtc": _amount(result.price_ttc),
        "vatRate": float(result.vat_rate) if result.vat_rate is not None else None,
        "reasons": [
            {
                "code": reason.code,
                "status": reason.status.value,
                "message": reason.message,
                "legalBasis": legal_basis(reason, lang="fr"),
            }
            for reason in result.reasons
        ],
    }
    decision = result.offer.jury_decision
    if decision is not None:  # the jury's own decision, recorded in the offers sheet
        jury = {"decision": decision.value, "reason": result.offer.jury_reason}
        bid[FIELD + "evaluation"]["juryDecision"] = jury
    _variant_and_rounds(bid, result)
    if result.pse:  # the value is base + retained PSE; the parts in referent:evaluation
        bid[FIELD + "evaluation"]["basePrice"] = _amount(result.base_ht)
        bid[FIELD + "evaluation"]["pse"] = [
            {
                "id": p.id,
                "title": p.label,
                "retained": p.retained,
                "amountHt": _amount(p.amount_ht),
                "amountTtc": _amount(p.amount_ttc),
            }
            for p in result.pse
        ]
    return bid


def _variant_and_rounds(bid: Json, result: OfferResult) -> None:
    """A sheet with a ``variante`` column: the bid extension's ``variant`` (true for a
    variant) and its label in ``referent:variant``. A sheet with a ``tour`` column: the bid is
    the offer's last round (one bid per offer: a revised offer replaces the earlier one, which
    was neither withdrawn nor disqualified), its earlier rounds in ``referent:evaluation``'s
    ``rounds`` (row, status, value HT, total and rank as the lot stood then)."""
    offer = result.offer
    if "variant" in offer.cells:
        bid["variant"] = offer.variant is not None
        if offer.variant is not None:
            bid[FIELD + "variant"] = offer.variant
    if "round" in offer.cells:
        evaluation = bid[FIELD + "evaluation"]
        evaluation["round"] = offer.round
        evaluation["rounds"] = [
            {
                "round": step.round,
                "row": step.row,
                "status": step.status.value,
                "value": _value(step.price_ht) if step.price_ht is not None else None,
                "total": _points(step.total),
                "rank": step.rank,
            }
            for step in result.history
        ]
        evaluation["regularised"] = result.regularised


def _why_no_award(lot: LotResult) -> Json | None:
    """A note when the lot cannot be awarded from this evaluation, else None."""
    lot_id = str(lot.lot.id)
    if lot.provisional:
        code = "provisional-ranking"
    elif not lot.winners:
        code = "no-admissible-offer"
    elif len(lot.winners) > 1:
        code = "unbroken-tie"
    else:
        return None
    message = tr(f"doc.ocds.note.{code}", lot=lot_id)
    return {"code": code, "relatedLots": [lot_id], "message": message}


def _award(lot: LotResult, winner: OfferResult, bid_id: str, ids: "_PartyIds") -> Json:
    award: Json = {
        "id": f"award-lot-{lot.lot.id}",
        "title": tr("lot.title", id=lot.lot.id, title=lot.lot.title),
        "status": "pending",  # proposed, not yet in force: the buyer decides and notifies
        "relatedLots": [str(lot.lot.id)],
        "relatedBids": [bid_id],
    }
    if winner.offer.candidate:
        award["suppliers"] = [_reference(winner.offer.candidate, ids)]
    if winner.price_ht is not None:
        award["value"] = _value(winner.price_ht)
    return award


def _parties(
    buyer: str | None, ids: "_PartyIds", tenderers: dict[str, Json], suppliers: set[str]
) -> list[Json]:
    """The buyer, then each tenderer in order of its first bid (winners also suppliers)."""
    roles: dict[str, list[str]] = {}
    names: dict[str, str] = {}
    if buyer:
        roles[ids[buyer]] = ["buyer"]
        names[ids[buyer]] = buyer
    for party_id, reference in tenderers.items():
        names.setdefault(party_id, reference["name"])
        roles.setdefault(party_id, []).append("tenderer")
        if party_id in suppliers:
            roles[party_id].append("supplier")
    return [{"id": i, "name": names[i], "roles": roles[i]} for i in roles]


# ---- values -----------------------------------------------------------------------------------


def _all_offers(evaluation: Evaluation) -> Iterable[tuple[LotResult | None, OfferResult]]:
    """Every offer once: lot by lot in the order of ``score``, then those without a lot."""
    for lot in evaluation.lots:
        for result in lot.offers:
            yield lot, result
    for result in evaluation.unplaced:
        yield None, result


def _reference(name: str, ids: "_PartyIds") -> Json:
    return {"id": ids[name], "name": name}


def _value(amount: Decimal) -> Json:
    return {"amount": _amount(amount), "currency": CURRENCY}


def _amount(amount: Decimal | None) -> float | None:
    return None if amount is None else float(round_half_up(amount, 2))


def _points(value: Fraction | None) -> float | None:
    return None if value is None else float(round_half_up(value, 2))


def _deadline(deadline: date | datetime, zone: tzinfo) -> str:
    """The deadline as an RFC 3339 date-time; a date means the end of that day, local time."""
    if isinstance(deadline, datetime):
        moment = deadline if deadline.tzinfo is not None else deadline.replace(tzinfo=zone)
    else:
        moment = datetime.combine(deadline, time(23, 59, 59), tzinfo=zone)
    return moment.isoformat(timespec="seconds")


_NOT_ALNUM = re.compile(r"[^a-z0-9]+")
_SLUG_MAX = 60


def _slug(text: str) -> str:
    """Lowercase ASCII words joined by ``-``; never empty, never longer than 60 characters.

    Accents are dropped (``Référent`` → ``referent``). A long text is cut and given a hash of
    the whole so that two long titles sharing a beginning stay apart.
    """
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    ascii_text = "".join(c for c in decomposed if not unicodedata.combining(c))
    ascii_text = ascii_text.replace("œ", "oe").replace("æ", "ae")
    slug = _NOT_ALNUM.sub("-", ascii_text).strip("-")
    digest = hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()
    if not slug:
        return digest[:12]
    if len(slug) > _SLUG_MAX:
        return slug[: _SLUG_MAX - 9].rstrip("-") + "-" + digest[:8]
    return slug


class _PartyIds:
    """Party ids from name slugs, unique: names that share a slug each get a hash suffix.

    Two different names are two parties (the workbook's own spelling decides, as in
    ``score``). Every name is known before any id is given, and the suffix depends only on the
    name, so an id does not depend on the order of the rows.
    """

    def __init__(self, names: Iterable[str]) -> None:
        by_slug: dict[str, set[str]] = {}
        for name in names:
            by_slug.setdefault(_slug(name), set()).add(name)
        self._ids: dict[str, str] = {}
        for slug, same in by_slug.items():
            for name in same:
                digest = hashlib.sha256(name.encode("utf-8", "surrogatepass")).hexdigest()[:8]
                self._ids[name] = slug if len(same) == 1 else f"{slug}-{digest}"

    def __getitem__(self, name: str) -> str:
        return self._ids[name]
