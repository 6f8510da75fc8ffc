"""The OCDS export: a schema-valid OCDS 1.1 release whose bids and awards say what ``score`` says.

The release is validated offline against the core release schema 1.1.5 with the bid and lots
extensions applied as JSON Merge Patches (RFC 7386), all vendored under ``tests/data/ocds/``
(see its README for sources and licence). jsonschema's own ``date-time`` check needs an optional
package, so the test registers a strict RFC 3339 check of its own, and checks that it bites.
"""

import copy
import json
import re
import socket
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from referencing import Registry, Resource
from referencing.exceptions import NoSuchResource
from typer.testing import CliRunner

from descriptor_consultation import write_consultation
from referent_ess import api, i18n
from referent_ess.cli import app
from referent_ess.evaluation.results import Evaluation
from referent_ess.render.ocds import build_ocds_release
from referent_ess.render.run_info import RunInfo, run_info

ROOT = Path(__file__).resolve().parents[2]
LOTS = ROOT / "lots.yaml"
CRITERIA = ROOT / "criteria.yaml"
SCHEMAS = Path(__file__).resolve().parents[1] / "data" / "ocds"
CORE = "release-schema-1.1.5.json"
EXTENSIONS = ["bid-extension-release-schema.json", "lots-extension-release-schema.json"]
RUN_AT = datetime(2026, 11, 28, 10, 0, tzinfo=UTC)
ARGV = ["referent", "export", "--ocds"]
NAMESPACE = "referent:"

Json = dict[str, Any]
ConfigMaker = Callable[..., tuple[Path, Path]]
WorkbookMaker = Callable[..., Path]


# ---- the schema: core + extensions, offline ---------------------------------------------------


def merge_patch(target: Any, patch: Any) -> Any:
    """RFC 7386 JSON Merge Patch: objects merge key by key, ``null`` deletes, the rest replaces."""
    if not isinstance(patch, dict):
        return copy.deepcopy(patch)
    result = dict(target) if isinstance(target, dict) else {}
    for key, value in patch.items():
        if value is None:
            result.pop(key, None)
        else:
            result[key] = merge_patch(result.get(key), value)
    return result


def test_merge_patch_follows_rfc_7386() -> None:
    """The RFC's own example (appendix A is longer; this is the one in section 3)."""
    target = {"a": "b", "c": {"d": "e", "f": "g"}}
    patch = {"a": "z", "c": {"f": None}}
    assert merge_patch(target, patch) == {"a": "z", "c": {"d": "e"}}
    assert merge_patch({"a": [1, 2]}, {"a": [3]}) == {"a": [3]}  # arrays are replaced whole
    assert merge_patch({"a": "b"}, ["c"]) == ["c"]
    assert merge_patch({"a": {"b": "c"}}, {"a": {"b": "d", "c": None}}) == {"a": {"b": "d"}}


def load_schema() -> Json:
    schema: Json = json.loads((SCHEMAS / CORE).read_text(encoding="utf-8"))
    for name in EXTENSIONS:
        schema = merge_patch(schema, json.loads((SCHEMAS / name).read_text(encoding="utf-8")))
    return schema


def refs(node: Any) -> Iterator[str]:
    if isinstance(node, dict):
        if isinstance(node.get("$ref"), str):
            yield node["$ref"]
        for value in node.values():
            yield from refs(value)
    elif isinstance(node, list):
        for value in node:
            yield from refs(value)


_RFC3339 = re.compile(
    r"^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$", re.ASCII
)


def is_rfc3339(value: object) -> bool:
    """RFC 3339 date-time (what JSON Schema's ``date-time`` means): offset required."""
    if not isinstance(value, str):
        return True
    if not _RFC3339.match(value):
        return False
    datetime.fromisoformat(value.upper().replace("Z", "+00:00"))  # ValueError: 2018-02-30
    return True


class OfflineValidator:
    """Draft 4 validation of the merged schema; any remote reference is refused and recorded."""

    def __init__(self) -> None:
        self.schema = load_schema()
        jsonschema.Draft4Validator.check_schema(self.schema)
        self.fetched: list[str] = []
        checker = jsonschema.FormatChecker()
        checker.checks("date-time", raises=ValueError)(is_rfc3339)
        registry: Registry[Any] = Registry(retrieve=self._refuse)
        self.validator = jsonschema.Draft4Validator(
            self.schema, registry=registry, format_checker=checker
        )

    def _refuse(self, uri: str) -> Resource[Any]:
        self.fetched.append(uri)
        raise NoSuchResource(ref=uri)

    def errors(self, instance: Any) -> list[str]:
        found = sorted(self.validator.iter_errors(instance), key=lambda e: list(e.absolute_path))
        return [f"{'/'.join(map(str, e.absolute_path)) or '(root)'}: {e.message}" for e in found]


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    """Any connection or name lookup during the test fails it."""

    def refuse(*args: object, **_: object) -> None:
        raise AssertionError(f"network access attempted: {args!r}")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)


# ---- the bundled example ----------------------------------------------------------------------


def example() -> Evaluation:
    return api.score(LOTS, CRITERIA)


def run_of(evaluation: Evaluation) -> RunInfo:
    return run_info(evaluation, RUN_AT, ARGV)


def example_release() -> Json:
    evaluation = example()
    return build_ocds_release(evaluation, run_of(evaluation))


def exact(data: Json) -> Json:
    """Through JSON, floats read as exact decimals: 9613.73 compares equal to '9613.73'."""
    result: Json = json.loads(json.dumps(data), parse_float=Decimal)
    return result


def test_every_reference_of_the_schema_is_local() -> None:
    """No remote $ref at all; the only dangling one is the lots extension's SubmissionTerms
    (defined by the submissionTerms extension), which the export never uses."""
    schema = load_schema()
    all_refs = set(refs(schema))
    assert all(ref.startswith("#/definitions/") for ref in all_refs), sorted(all_refs)
    missing = {ref for ref in all_refs if ref.split("/")[-1] not in schema["definitions"]}
    assert missing == {"#/definitions/SubmissionTerms"}
    assert "submissionTerms" not in json.dumps(example_release())


@pytest.mark.usefixtures("no_network")
def test_release_is_valid_against_the_ocds_schema_with_extensions() -> None:
    validator = OfflineValidator()
    release = example_release()
    errors = validator.errors(release)
    print("\n".join(errors))
    assert errors == []
    assert validator.fetched == []
    # it is a release, not a package
    assert "releases" not in release
    assert {"ocid", "id", "date", "tag", "initiationType"} <= release.keys()


@pytest.mark.usefixtures("no_network")
def test_the_validation_would_catch_mistakes() -> None:
    """The checks bite: a bad date-time, a status outside the codelist, a number as a string."""
    validator = OfflineValidator()
    release = example_release()
    release["date"] = "2026-11-28 10:00"
    release["tender"]["tenderPeriod"]["endDate"] = "2018-03-23T23:59:59"  # no offset
    release["bids"]["details"][0]["status"] = "admissible"
    release["tender"]["lots"][0]["value"]["amount"] = "8333.00"
    errors = validator.errors(release)
    assert len(errors) == 4, errors
    assert any(e.startswith("date:") for e in errors)
    assert any(e.startswith("tender/tenderPeriod/endDate:") for e in errors)
    assert any(e.startswith("bids/details/0/status:") for e in errors)
    assert any(e.startswith("tender/lots/0/value/amount:") for e in errors)


def unknown_fields(instance: Any, schema: Json, root: Json, path: str = "") -> Iterator[str]:
    """Fields the schema does not define (OCDS allows them, so validation cannot see a typo)."""
    while "$ref" in schema:
        schema = root["definitions"][schema["$ref"].split("/")[-1]]
    if isinstance(instance, dict):
        properties = schema.get("properties", {})
        for key, value in instance.items():
            here = f"{path}.{key}" if path else key
            if key.startswith(NAMESPACE):
                continue
            if key not in properties:
                yield here
            else:
                yield from unknown_fields(value, properties[key], root, here)
    elif isinstance(instance, list) and isinstance(schema.get("items"), dict):
        for index, item in enumerate(instance):
            yield from unknown_fields(item, schema["items"], root, f"{path}[{index}]")


def test_every_field_is_defined_by_the_schema_or_namespaced() -> None:
    """Apart from ``referent:`` fields, only the awardCriteriaBreakdown extension's
    ``awardCriteria`` (its schema is not vendored) is outside the vendored schemas."""
    schema = load_schema()
    release = example_release()
    unknown = list(unknown_fields(release, schema, schema))
    lots = len(release["tender"]["lots"])
    assert unknown == [f"tender.lots[{i}].awardCriteria" for i in range(lots)]


def test_award_criteria_have_the_award_criteria_breakdown_shape() -> None:
    """``lots[].awardCriteria.criteria[]``: type from awardCriterionType, name, and numbers
    with a weight from the closed criterionWeight codelist; the weights are criteria.yaml's."""
    evaluation = example()
    release = build_ocds_release(evaluation, run_of(evaluation))
    expected = [
        ("quality", "context", 30.0),
        ("quality", "technical", 30.0),
        ("quality", "competence", 20.0),
        ("price", "price", 20.0),
    ]
    labels = [c.label for c in evaluation.config.criteria_for(1).criteria]
    for lot in release["tender"]["lots"]:
        criteria = lot["awardCriteria"]["criteria"]
        assert set(lot["awardCriteria"]) == {"criteria"}
        for criterion in criteria:
            assert set(criterion) <= {"type", "name", "description", "numbers", "referent:id"}
            for number in criterion["numbers"]:
                assert set(number) <= {"number", "weight", "fixed", "threshold"}
                assert isinstance(number["number"], float)
                assert number["weight"] == "percentageExact"
        found = [(c["type"], c["referent:id"], c["numbers"][0]["number"]) for c in criteria]
        assert found == expected
        assert [c["name"] for c in criteria] == labels
    assert release["tender"]["awardCriteria"] == "ratedCriteria"


# ---- agreement with `score --format json` ---------------------------------------------------


def test_bids_and_awards_agree_with_score_json(runner: CliRunner) -> None:
    args = ["score", "--format", "json", "--lots", str(LOTS), "--criteria", str(CRITERIA)]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    score = json.loads(result.stdout, parse_float=Decimal)
    release = exact(example_release())
    details = release["bids"]["details"]
    parties = {p["id"]: p for p in release["parties"]}

    offers: list[tuple[str | None, Json]] = [
        (str(lot["id"]), offer) for lot in score["lots"] for offer in lot["offers"]
    ]
    offers += [(None, offer) for offer in score["unplaced_offers"]]
    assert len(details) == len(offers)
    by_key = {
        (tuple(b.get("relatedLots", [])), b["referent:evaluation"]["row"]): b for b in details
    }
    assert len(by_key) == len(details)  # one bid per offer, no two for the same row
    assert len({b["id"] for b in details}) == len(details)

    for lot_id, offer in offers:
        bid = by_key[((lot_id,) if lot_id else (), offer["row"])]
        assert (bid["status"] == "valid") == (offer["status"] == "admissible")
        if offer["status"] in ("late", "incomplete", "over_cap"):
            assert bid["status"] == "disqualified"
        (tenderer,) = bid["tenderers"]
        assert tenderer["name"] == offer["candidate"]
        assert parties[tenderer["id"]]["name"] == offer["candidate"]
        assert "tenderer" in parties[tenderer["id"]]["roles"]
        assert bid["value"] == {"amount": Decimal(offer["price_ht"]), "currency": "EUR"}
        evaluation = bid["referent:evaluation"]
        assert evaluation["status"] == offer["status"]
        assert evaluation["rank"] == offer["rank"]
        assert bid.get("rank") == offer["rank"]
        assert bid["hasRank"] == (offer["rank"] is not None)
        assert evaluation["total"] == offer["total"]
        assert evaluation["gapToFirst"] == offer["gap_to_first"]
        assert evaluation["points"] == offer["points"]
        assert evaluation["priceTtc"] == Decimal(offer["price_ttc"])
        assert [
            (r["code"], r["status"], r["message"], r["legalBasis"]) for r in evaluation["reasons"]
        ] == [(r["code"], r["status"], r["message"], r["legal_basis"]) for r in offer["reasons"]]

    awards = {award["relatedLots"][0]: award for award in release["awards"]}
    assert len(awards) == len(release["awards"]) == len(score["lots"])
    for lot in score["lots"]:
        assert not lot["provisional"]
        (winner,) = [o for o in lot["offers"] if o["rank"] == 1]
        award = awards[str(lot["id"])]
        assert award["status"] == "pending"
        (supplier,) = award["suppliers"]
        assert supplier["name"] == winner["candidate"]
        assert parties[supplier["id"]]["roles"] == ["tenderer", "supplier"]
        assert award["value"] == {"amount": Decimal(winner["price_ht"]), "currency": "EUR"}
        (bid_id,) = award["relatedBids"]
        assert by_key[((str(lot["id"]),), winner["row"])]["id"] == bid_id

    lots = {lot["id"]: lot for lot in release["tender"]["lots"]}
    for lot in score["lots"]:
        released = lots[str(lot["id"])]
        assert released["title"] == lot["title"]
        assert released["value"] == {"amount": Decimal(lot["cap_ht"]), "currency": "EUR"}
        assert released["referent:cap"] == {
            "ht": Decimal(lot["cap_ht"]),
            "ttc": Decimal(lot["cap_ttc"]),
            "checkedOn": score["consultation"]["cap_basis"],
        }


def test_identifiers_dates_and_parties_of_the_example() -> None:
    release = example_release()
    slug = "referent-de-secteur-d-activite-de-l-ess-2018"
    assert release["ocid"] == f"ocds-xxxxxx-{slug}"
    assert release["id"] == f"ocds-xxxxxx-{slug}-20261128T100000Z"
    assert release["date"] == "2026-11-28T10:00:00+00:00"
    assert release["tag"] == ["award"]
    assert release["initiationType"] == "tender"
    assert release["language"] == "fr"
    tender = release["tender"]
    assert tender["procurementMethod"] == "open"
    # deadline 2018-03-23 (a date: the end of that day), Paris time, CET before March 25
    assert tender["tenderPeriod"] == {"endDate": "2018-03-23T23:59:59+01:00"}
    assert release["buyer"] == {"id": "les-ecossolies", "name": "Les Ecossolies"}

    parties = release["parties"]
    assert len({p["id"] for p in parties}) == len(parties)
    assert parties[0] == {"id": "les-ecossolies", "name": "Les Ecossolies", "roles": ["buyer"]}
    suppliers = sorted(p["name"] for p in parties if "supplier" in p["roles"])
    assert suppliers == [
        "Association Trame Solidaire",  # lot 1, compared TTC: VAT-exempt, 81 against 79.15
        "Les Bâtisseurs Solidaires (SCOP)",  # lots 3 and 4: one party, two awards
        "SCIC Nourrir l'Estuaire",
    ]
    bâtisseurs = [p for p in parties if p["name"] == "Les Bâtisseurs Solidaires (SCOP)"]
    assert [p["id"] for p in bâtisseurs] == ["les-batisseurs-solidaires-scop"]
    assert tender["numberOfTenderers"] == len(parties) - 1 == len(tender["tenderers"])
    assert "referent:notes" not in release
    assert [i["file"] for i in release["referent:run"]["inputs"]] == [
        "lots.yaml",
        "criteria.yaml",
        "offers-2018.xlsx",
    ]


def test_release_is_deterministic() -> None:
    """Two evaluations of the same files, the same run time: the same release, to the byte."""
    first, second = example_release(), example_release()
    assert first == second
    assert json.dumps(first, ensure_ascii=False) == json.dumps(second, ensure_ascii=False)


def test_the_release_is_french_whatever_the_language_of_the_run() -> None:
    french = example_release()
    with i18n.language("en"):
        assert example_release() == french
    assert french["tender"]["awardCriteriaDetails"].startswith("Critères pondérés : ")


def test_a_naive_run_time_is_refused() -> None:
    evaluation = example()
    naive = run_info(evaluation, datetime(2026, 11, 28, 10, 0), ARGV)
    with pytest.raises(ValueError, match="timezone-aware"):
        build_ocds_release(evaluation, naive)


# ---- lots that cannot be awarded --------------------------------------------------------------

SMALL_LOTS = """\
consultation:
  title: Petite consultation — test
  buyer: Ville d'Essai
  deadline: 2018-07-02T12:00
  vat_rate: 0.20
  cap_basis: ht
  required_documents: [cv]
lots:
  - id: 1
    title: Lot à égalité
    cap_ht: 10000
  - id: 2
    title: Lot provisoire
    cap_ht: 5000
  - id: 3
    title: Lot sans offre admissible
    cap_ht: 1000
"""

SMALL_ROWS = [
    ["Alpha", 1, 500, 10, 0.2, "oui", 4],  # lot 1: exactly the same offer twice: a tie
    ["Bêta", 1, 500, 10, 0.2, "oui", 4],
    ["Gamma", 2, 400, 10, 0.2, "oui", 3],  # lot 2: admissible…
    ["Delta", 2, 400, 10, 0.2, "oui", None],  # …and not marked: not evaluated, provisional
    ["Epsilon", 3, 500, 10, 0.2, "oui", 4],  # lot 3: 5000 HT over the 1000 HT cap
]


@pytest.mark.usefixtures("no_network")
def test_no_award_for_a_tie_a_provisional_ranking_or_no_admissible_offer(
    make_config: ConfigMaker, make_workbook: WorkbookMaker
) -> None:
    lots, criteria = make_config(lots_text=SMALL_LOTS)
    evaluation = api.score(lots, criteria, make_workbook(SMALL_ROWS))
    release = build_ocds_release(evaluation, run_of(evaluation), "ocds-abc123")

    assert OfflineValidator().errors(release) == []
    assert "awards" not in release
    assert release["tag"] == ["tenderUpdate"]
    notes = [(n["code"], n["relatedLots"]) for n in release["referent:notes"]]
    assert notes == [
        ("unbroken-tie", ["1"]),
        ("provisional-ranking", ["2"]),
        ("no-admissible-offer", ["3"]),
    ]
    statuses = {b["tenderers"][0]["name"]: b["status"] for b in release["bids"]["details"]}
    assert statuses == {
        "Alpha": "valid",
        "Bêta": "valid",
        "Gamma": "valid",
        "Delta": "pending",  # a data error to correct is not a ground for rejection
        "Epsilon": "disqualified",
    }
    assert all("supplier" not in p["roles"] for p in release["parties"])
    assert release["ocid"] == "ocds-abc123-petite-consultation-test"
    # a datetime deadline is exact local (Paris) time; July is CEST
    assert release["tender"]["tenderPeriod"]["endDate"] == "2018-07-02T12:00:00+02:00"


@pytest.mark.usefixtures("no_network")
def test_an_offer_without_a_readable_lot_is_a_bid_without_lot(
    make_config: ConfigMaker, make_workbook: WorkbookMaker
) -> None:
    lots, criteria = make_config(lots_text=SMALL_LOTS)
    rows = [*SMALL_ROWS[2:3], ["Zêta", "lot ?", 450, 10, 0.2, "oui", 4]]
    evaluation = api.score(lots, criteria, make_workbook(rows))
    assert len(evaluation.unplaced) == 1
    release = build_ocds_release(evaluation, run_of(evaluation))

    assert OfflineValidator().errors(release) == []
    (unplaced,) = [b for b in release["bids"]["details"] if "relatedLots" not in b]
    assert unplaced["id"] == "row-3"
    assert unplaced["tenderers"][0]["name"] == "Zêta"
    codes = [n["code"] for n in release["referent:notes"]]
    assert codes[-1] == "unplaced-offers"
    assert "awards" not in release  # every lot is provisional while an offer has no lot


def test_names_with_the_same_slug_are_different_parties(
    make_config: ConfigMaker, make_workbook: WorkbookMaker
) -> None:
    """'Échelle' and 'Echelle' are two spellings, so two parties (score treats them so too):
    both ids keep the slug and get a suffix from their own name, whatever the row order."""
    lots, criteria = make_config(lots_text=SMALL_LOTS)
    rows = [
        ["Échelle Habitat", 1, 500, 10, 0.2, "oui", 4],
        ["Echelle Habitat", 2, 400, 10, 0.2, "oui", 3],
    ]
    ids = []
    for ordered in (rows, rows[::-1]):
        evaluation = api.score(lots, criteria, make_workbook(ordered))
        release = build_ocds_release(evaluation, run_of(evaluation))
        tenderers = {p["name"]: p["id"] for p in release["parties"] if "tenderer" in p["roles"]}
        assert len(set(tenderers.values())) == 2
        assert all(i.startswith("echelle-habitat-") for i in tenderers.values())
        ids.append(tenderers)
    assert ids[0] == ids[1]


# ---- criteria trees and per-lot sets -----------------------------------------------------------

TREE_LOTS = """\
consultation: {title: Nettoyage 2026, buyer: Ville}
lots:
  - {id: 1, title: Bureaux, cap_ht: 50000}
  - {id: 2, title: Travaux, cap_ht: 50000, criteria: travaux}
"""
TREE_CRITERIA = """\
criteria:
  - id: technique
    label: Valeur technique
    weight: 60
    sub_criteria:
      - {id: methode, label: Méthodologie, weight: 24}
      - id: moyens
        label: Moyens
        weight: 36
        sub_criteria:
          - {id: equipe, label: Équipe, weight: 20}
          - {id: materiel, label: Matériel, weight: 16}
  - {id: prix, label: Prix, weight: 40, price: {formula: proportional}}
sets:
  travaux:
    criteria:
      - {id: technique, label: Valeur technique, weight: 70}
      - {id: prix, label: Prix, weight: 30, price: {formula: proportional}}
"""


@pytest.mark.usefixtures("no_network")
def test_a_tree_is_published_on_its_lot_with_its_sub_criteria(tmp_path: Path) -> None:
    """Each lot carries its own set; a criterion with sub-criteria names them in its
    description and gives them, in the same shape, in ``referent:subCriteria`` (the
    awardCriteriaBreakdown extension has no field for them)."""
    (tmp_path / "lots.yaml").write_text(TREE_LOTS, encoding="utf-8")
    (tmp_path / "criteria.yaml").write_text(TREE_CRITERIA, encoding="utf-8")
    offers = tmp_path / "offers.csv"
    offers.write_text(
        "candidate;lot;day_rate_ht;days;methode;equipe;materiel;technique\n"
        "Alpha;1;300;10;4;3;5;\nBeta;2;250;10;;;;2\n",
        encoding="utf-8",
    )
    evaluation = api.score(tmp_path / "lots.yaml", tmp_path / "criteria.yaml", offers)
    release = build_ocds_release(evaluation, run_of(evaluation))
    validator = OfflineValidator()
    assert validator.errors(release) == []
    lot_1, lot_2 = release["tender"]["lots"]
    technique = lot_1["awardCriteria"]["criteria"][0]
    assert technique["description"] == (
        "Sous-critères notés par le jury, dont les points s'additionnent : Méthodologie : 24 % ; "
        "Moyens : 36 % ; 60 points au plus"
    )

    def shape(criteria: list[Json]) -> list[Any]:
        return [
            (c["referent:id"], c["numbers"][0]["number"], shape(c.get("referent:subCriteria", [])))
            for c in criteria
        ]

    assert shape(lot_1["awardCriteria"]["criteria"]) == [
        ("technique", 60.0, [("methode", 24.0, []), ("moyens", 36.0, [
            ("equipe", 20.0, []), ("materiel", 16.0, [])
        ])]),
        ("prix", 40.0, []),
    ]  # fmt: skip
    assert shape(lot_2["awardCriteria"]["criteria"]) == [
        ("technique", 70.0, []),
        ("prix", 30.0, []),
    ]
    assert release["tender"]["awardCriteriaDetails"].startswith(
        "Lot 1 : Critères pondérés : Valeur technique : 60 % ; Prix : 40 %."
    )
    assert (
        "Lot 2 : Critères pondérés : Valeur technique : 70 % ; Prix : 30 %."
        in (release["tender"]["awardCriteriaDetails"])
    )
    # the bid keeps the points of every node: 24 × 4/5 = 19.2, 20 × 3/5 = 12, 16, moyens 28,
    # technique 47.2, prix 40
    (alpha,) = [b for b in release["bids"]["details"] if b["relatedLots"] == ["1"]]
    assert alpha["referent:evaluation"]["points"] == {
        "technique": 47.2,
        "methode": 19.2,
        "moyens": 28.0,
        "equipe": 12.0,
        "materiel": 16.0,
        "prix": 40.0,
    }


@pytest.mark.usefixtures("no_network")
def test_a_release_with_scales_of_words_and_thresholds_is_valid(tmp_path: Path) -> None:
    evaluation = api.score(*write_consultation(tmp_path))
    release = build_ocds_release(evaluation, run_of(evaluation))
    assert OfflineValidator().errors(release) == []
    statuses = [bid["status"] for bid in release["bids"]["details"]]
    assert statuses.count("disqualified") == 2  # Gamma and Delta, below a threshold
