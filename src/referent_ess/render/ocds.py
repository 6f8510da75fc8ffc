"""The evaluation as one OCDS 1.1 release: open-contracting publication of bids and awards.

Why a release and not a release package: OCDS publishes releases inside a package, but the
package's required fields (``uri``, ``publisher``, ``publishedDate``, ``version``, and in
practice ``license`` and ``publicationPolicy``) describe the *publication* — who publishes, at
which address, under which licence — which only the buyer's publication system knows. The tool
knows the contracting process, so it writes the release, and the buyer's platform wraps it. (The
package schema also ``$ref``s the release schema by URL, so a package could not be validated
offline without more plumbing.)

What is written, and the choices made (the OCDS codelists quoted are those of 1.1):

- ``tag: ["award"]``: the release carries the tender section, the bids and the awards, and the
  releaseTag codelist says an award release may populate the tender section with the process
  that led to the award. ``tender`` would announce a new call to suppliers, which this is not.
  When no lot can be awarded (all provisional, tied or without admissible offers), the release
  only adds the bids to the tender: ``["tenderUpdate"]``.
- ``tender.procurementMethod``: the OCDS method says *who may bid*, not the French procedure's
  name. A procédure adaptée with a public notice that any operator may answer (the bundled 2018
  call) is ``open``; one where the buyer consults suppliers of its choice is ``limited``.
  ``lots.yaml`` does not say which, so ``open`` is the default and ``method`` can change it;
  ``method_details`` (e.g. ``"Procédure adaptée (art. R2123-1 du Code de la commande
  publique)"``) fills ``procurementMethodDetails``.
- Amounts are **HT** (without VAT): a lot's ``value`` is its cap HT, a bid's and an award's
  ``value`` the offer's price HT. French law (R2121-1) and the EU directives estimate values
  net of VAT, OCDS extensions use ``valueGross`` for amounts with taxes, and HT is the one basis
  on which every offer is comparable (some bidders are VAT-exempt). The TTC figures are kept in
  the namespaced fields below. All amounts are JSON numbers (OCDS ``amount`` is a number), the
  float of the amount rounded half up to the cent; the currency is EUR.
- ``awards[].status: "pending"``: the awardStatus codelist says "proposed, but not yet in
  force"; a ranking is the analysis, not the buyer's decision (nor its notification and the
  standstill before signing). ``active`` would claim an award in force.
- Bids (bid extension): ``status`` is ``valid`` for an admissible offer, ``disqualified`` for
  one eliminated by a ground of law (late, irregular, unacceptable), and ``pending`` ("submitted
  but not yet evaluated", bidStatus codelist) for an offer the tool could not evaluate because
  of a data error in the workbook: that is not a ground for rejection. ``rank``/``hasRank`` are
  the bid extension's own fields; awards point to the winning bid with ``relatedBids`` (the
  extension deprecates ``relatedBid``).
- Criteria and weights: the awardCriteriaBreakdown extension puts them on each lot, as
  ``lots[].awardCriteria.criteria[]`` with ``type`` (``quality``/``price``), ``name``,
  ``description`` and ``numbers: [{"number": 30, "weight": "percentageExact"}]``; it defines
  no field on the tender itself, so the same criteria are repeated on every lot, and
  ``tender.awardCriteriaDetails`` says it in words.
- Dates: ``date`` is the run's time, which must be timezone-aware. The deadline of
  ``lots.yaml`` is local time without a zone; it is read in ``local_zone`` (Europe/Paris unless
  given), and a deadline that is a date means the end of that day (23:59:59).
- Identifiers are deterministic: ``ocid`` is ``{prefix}-{slug of the title}``, the release
  ``id`` adds the run's UTC time, a party's ``id`` is the slug of its name (with a hash suffix
  when two different names give the same slug), a bid's ``id`` is ``lot-{lot}-row-{row}``.

Namespaced fields (OCDS has no place for them; every consumer may ignore them):

- ``bids.details[]["referent:evaluation"]``: what the tool computed for the offer, as in
  ``referent score --format json``: ``row`` (workbook row), ``status`` (``admissible``,
  ``late``, ``incomplete``, ``over_cap``, ``invalid``), ``rank`` and ``total`` (``null`` unless
  admissible), ``gapToFirst``, ``points`` (criterion id → points), ``priceTtc``, ``vatRate``,
  and ``reasons`` (``code``, ``status``, ``message`` — the tool's message, in English —
  ``legalBasis``, in French, ``null`` for a data error). Points, totals and gaps are numbers
  rounded half up to 2 decimals; amounts are numbers to the cent.
- ``tender.lots[]["referent:cap"]``: ``{"ht", "ttc", "checkedOn"}``: both caps, and the one the
  offers were checked against (``cap_basis``).
- ``tender.lots[].awardCriteria.criteria[]["referent:id"]``: the criterion id that keys
  ``points``.
- ``"referent:notes"`` (release): why a lot has no award (``provisional-ranking``,
  ``unbroken-tie``, ``no-admissible-offer``) and offers without a readable lot
  (``unplaced-offers``), each ``{"code", "relatedLots", "message"}`` in French.
- ``"referent:run"`` (release): the tool's name and version and each input file's name and
  SHA-256, so the release can be traced to its inputs. Only file *names*: a published release
  should not carry the buyer's folders or command line.

Before publishing: the release holds every bid's price and points, the rejected ones too, and
French access-to-documents doctrine generally keeps unsuccessful offers out of reach (business
secrecy). What to publish is the buyer's decision; this module writes everything it knows.
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

from referent_ess.base.exact import round_half_up
from referent_ess.config.consultation import Config, Criterion
from referent_ess.evaluation import kernel as scoring
from referent_ess.evaluation.results import Evaluation, LotResult, OfferResult, Status
from referent_ess.render import phrases
from referent_ess.render.cells import gap_to_first
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
                    "message": f"Lot {lot.lot.id} : aucune attribution ({_award_note(lot)}).",
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
                "message": (
                    f"Offres dont le lot n'a pas pu être lu (lignes {rows}) : publiées comme "
                    "offres sans lot, non évaluées."
                ),
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
        "awardCriteria": {"criteria": [_criterion(c, config) for c in config.criteria]},
        FIELD + "cap": {
            "ht": _amount(lot.cap_ht),
            "ttc": _amount(lot.cap_ttc),
            "checkedOn": config.consultation.cap_basis.value,
        },
    }


def _criterion(criterion: Criterion, config: Config) -> Json:
    """One criterion in the awardCriteriaBreakdown extension's shape."""
    maximum = round_half_up(scoring.max_points(config.total, criterion.weight), 2)
    if criterion.price is not None:
        rule = criterion.price
        formula = phrases.FORMULA[rule.formula.value]
        if rule.formula.value == "gap":
            formula += f", k = {_plain(rule.k)}"
        description = (
            f"Notation {formula} sur le prix {phrases.BASIS[rule.basis.value]} ; "
            f"{_plain(maximum)} points au plus"
        )
    else:
        description = (
            f"Note du jury de 0 à {_plain(criterion.scale)}, convertie en points ; "
            f"{_plain(maximum)} points au plus"
        )
    return {
        "type": "price" if criterion.is_price else "quality",
        "name": criterion.label,
        "description": description,
        "numbers": [{"number": float(criterion.weight), "weight": "percentageExact"}],
        FIELD + "id": criterion.id,
    }


def _criteria_details(config: Config) -> str:
    weights = " ; ".join(f"{c.label} : {_plain(c.weight)} %" for c in config.criteria)
    text = (
        f"Critères pondérés : {weights}. Total sur {_plain(config.total)} points. Classement "
        "sur les valeurs exactes ; points et totaux publiés arrondis au centième (au demi "
        "supérieur)."
    )
    if config.tie_break:
        names = {c.id: c.label for c in config.criteria}
        order = ", puis ".join(names.get(i, i) for i in config.tie_break)
        text += f" Égalité exacte départagée par les points du critère : {order}."
    return text


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
                "legalBasis": reason.legal_basis,
            }
            for reason in result.reasons
        ],
    }
    return bid


def _why_no_award(lot: LotResult) -> Json | None:
    """A note when the lot cannot be awarded from this evaluation, else None."""
    lot_id = str(lot.lot.id)
    if lot.provisional:
        code, message = (
            "provisional-ranking",
            f"Lot {lot_id} : classement provisoire (des offres n'ont pas pu être évaluées), "
            "aucune attribution publiée.",
        )
    elif not lot.winners:
        code, message = (
            "no-admissible-offer",
            f"Lot {lot_id} : aucune offre admissible, aucune attribution publiée.",
        )
    elif len(lot.winners) > 1:
        code, message = (
            "unbroken-tie",
            f"Lot {lot_id} : égalité exacte au premier rang que les critères de départage ne "
            "tranchent pas, aucune attribution publiée.",
        )
    else:
        return None
    return {"code": code, "relatedLots": [lot_id], "message": message}


def _award(lot: LotResult, winner: OfferResult, bid_id: str, ids: "_PartyIds") -> Json:
    award: Json = {
        "id": f"award-lot-{lot.lot.id}",
        "title": f"Lot {lot.lot.id} — {lot.lot.title}",
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


def _plain(value: Decimal) -> str:
    """A number for French text without useless zeros: 30, 2,5."""
    text = f"{value.normalize():f}"
    return text.replace(".", ",")


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
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
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
                digest = hashlib.sha256(name.encode("utf-8")).hexdigest()[:8]
                self._ids[name] = slug if len(same) == 1 else f"{slug}-{digest}"

    def __getitem__(self, name: str) -> str:
        return self._ids[name]


def _award_note(lot: LotResult) -> str:
    """The lot's award note, in French like the rest of the release."""
    return phrases.message_fr("award-note", lot.award_params, str(lot.award_note))
