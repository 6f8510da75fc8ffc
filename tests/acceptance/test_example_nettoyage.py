"""Known answers for the second example consultation, ``examples/nettoyage-2026/``.

Every expected value below is computed by hand from the raw numbers typed in
``examples/nettoyage-2026/make_offers.py`` and the two YAML files beside it, never with the
package's own scoring code:

- price HT = day rate HT x days, to the cent ROUND_HALF_UP; price TTC = price HT x (1 + VAT), to
  the cent ROUND_HALF_UP; a VAT-exempt offer (``exonéré``, ``non applicable``) has TTC = HT;
- lots 1 and 2 (the default set): valeur technique 60 = méthodologie 30 + moyens humains 20 +
  environnement 10, marks from 0 to 5, so a sub-criterion's points are its weight x mark / 5:
  méthodologie 6 x mark, moyens humains 4 x mark, environnement 2 x mark; prix 40 points,
  40 x Pmin / P on the TTC prices;
- lot 3 (the set ``vitrerie``): valeur technique 50 = méthodologie 20 + sécurité 20 +
  environnement 10, so 4 x mark, 4 x mark, 2 x mark; prix 50 points, 50 x Pmin / P on TTC;
- the jury writes words of the scale « appreciation »: Excellent 5, Très satisfaisant 4,
  Satisfaisant 3, Peu satisfaisant 2, Insuffisant 1, Non traité 0 (the number 4 once);
- the RC's threshold (lots 1 and 2): valeur technique below 24 points eliminates the offer;
- Pmin is the lowest TTC price among the ADMISSIBLE offers of the lot; a parent's points are the
  sum of its children's; totals are exact fractions; the JSON shows points and totals rounded
  HALF_UP to 2 places.

Caps TTC (cap_basis ttc): 72000 (lot 1), 54000 (lot 2), 9000 (lot 3); HT = TTC / 1.2: 60000,
45000, 7500. Deadline: 2026-10-09 12:00.
"""

from __future__ import annotations

import json
import math
import subprocess
import sys
from dataclasses import dataclass, field
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from cli_helpers import as_json, run
from typer.testing import CliRunner

import referent_ess
from referent_ess.cli import app

ROOT = Path(__file__).resolve().parents[2]
FOLDER = ROOT / "examples" / "nettoyage-2026"
LOTS = FOLDER / "lots.yaml"
CRITERIA = FOLDER / "criteria.yaml"
WORKBOOK = FOLDER / "offres.xlsx"
SCRIPT = FOLDER / "make_offers.py"
CONFIG = ["--lots", str(LOTS)]  # criteria.yaml beside it, offres.xlsx from consultation.offers

F = Fraction

JURY_REASON = (
    "Le mémoire technique décrit le nettoyage industriel d'ateliers et d'entrepôts : il ne "
    "prévoit ni l'entretien des sanitaires ouverts au public ni d'intervention en dehors des "
    "heures d'ouverture, que le CCTP exige (articles 3.2 et 4.1)."
)


def r2(value: Fraction) -> Decimal:
    """Round a non-negative exact value HALF_UP to 2 decimals, without any float."""
    assert value >= 0
    return Decimal(math.floor(value * 100 + F(1, 2))).scaleb(-2)


def num(value: Any) -> Decimal:
    """A JSON number (int, or float parsed as Decimal) as a Decimal."""
    assert value is not None
    assert not isinstance(value, bool), value
    return Decimal(str(value))


@dataclass(frozen=True)
class Expected:
    """One offer, worked out by hand. ``leaves`` are the points of its marked sub-criteria;
    ``technical``, ``price`` and ``total`` are written out below as exact fractions."""

    row: int
    lot: int
    candidate: str
    day_rate_ht: str
    days: str
    vat_rate: str
    price_ht: str
    price_ttc: str
    status: str
    rank: int | None = None
    leaves: dict[str, Fraction] = field(default_factory=dict)
    technical: Fraction | None = None
    price: Fraction | None = None
    total: Fraction | None = None


OFFERS: tuple[Expected, ...] = (
    # ---- Lot 1, bureaux, cap 72000.00 TTC, every offer at 20 % and 250 days.
    # Admissible: rows 2, 7, 12. Pmin = 61200.00 TTC (row 2). The late row 15 (58800.00 TTC)
    # is cheaper, but not admissible: it must not set Pmin.
    Expected(
        row=12, lot=1, candidate="Clair Horizon Propreté (SCOP)",
        day_rate_ht="230.00", days="250", vat_rate="0.20",
        price_ht="57500.00", price_ttc="69000.00",  # 230 x 250 = 57500; x 1.2 = 69000
        status="admissible", rank=1,
        # marks 5, 4, 4: 6 x 5 = 30, 4 x 4 = 16, 2 x 4 = 8
        leaves={"methodologie": F(30), "moyens_humains": F(16), "environnement": F(8)},
        technical=F(54),  # 30 + 16 + 8
        # 40 x 61200 / 69000 = 40 x 102/115 = 816/23 = 35.478... -> 35.48
        price=F(816, 23),
        total=F(2058, 23),  # 54 + 816/23 = (1242 + 816)/23 = 89.478... -> 89.48
    ),
    Expected(
        row=7, lot=1, candidate="Hygie Services (SAS)",
        day_rate_ht="219.80", days="250", vat_rate="0.20",
        price_ht="54950.00", price_ttc="65940.00",  # 219.80 x 250 = 54950; x 1.2 = 65940
        status="admissible", rank=2,
        # marks 4, 4, 3: 24, 16, 6
        leaves={"methodologie": F(24), "moyens_humains": F(16), "environnement": F(6)},
        technical=F(46),
        # 40 x 61200 / 65940 = 40 x 1020/1099 = 40800/1099 = 37.124... -> 37.12
        price=F(40800, 1099),
        total=F(91354, 1099),  # 46 + 40800/1099 = (50554 + 40800)/1099 = 83.124... -> 83.12
    ),
    Expected(
        row=2, lot=1, candidate="Net et Net Services (SAS)",
        day_rate_ht="204.00", days="250", vat_rate="0.20",
        price_ht="51000.00", price_ttc="61200.00",  # 204 x 250 = 51000; x 1.2 = 61200
        status="admissible", rank=3,
        # marks 3, 3, 3: 18, 12, 6
        leaves={"methodologie": F(18), "moyens_humains": F(12), "environnement": F(6)},
        technical=F(36),
        price=F(40),  # Pmin itself
        total=F(76),
    ),
    Expected(
        row=10, lot=1, candidate="Propreté Atlantique (SARL)",
        day_rate_ht="246.00", days="250", vat_rate="0.20",
        # 246 x 250 = 61500; x 1.2 = 73800.00 > 72000.00 TTC by 1800.00
        price_ht="61500.00", price_ttc="73800.00",
        status="over_cap",
        # marked all the same (4, 3, 3: 24, 12, 6): its marked points are kept, never a price
        leaves={"methodologie": F(24), "moyens_humains": F(12), "environnement": F(6)},
        technical=F(42),
    ),
    Expected(
        row=15, lot=1, candidate="Hygiène Plus Ouest",
        day_rate_ht="196.00", days="250", vat_rate="0.20",
        price_ht="49000.00", price_ttc="58800.00",  # 196 x 250 = 49000; x 1.2 = 58800
        status="late",  # received 2026-10-09 14:32, after 12:00; not marked
    ),
    # ---- Lot 2, locaux recevant du public, cap 54000.00 TTC, 200 days. Admissible: rows 3,
    # 4, 11 (row 9 is below the technical threshold). Pmin = 43000.00 TTC (row 4, VAT-exempt:
    # TTC = HT). Row 8 (the jury's « inappropriée ») is cheaper HT (37000.00) but neither
    # admissible nor marked.
    Expected(
        row=4, lot=2, candidate="Association Tremplin Propreté",
        day_rate_ht="215.00", days="200", vat_rate="0.00",
        price_ht="43000.00", price_ttc="43000.00",  # 215 x 200 = 43000, "exonéré": TTC = HT
        status="admissible", rank=1,
        # marks 4, 3, 4: 24, 12, 8
        leaves={"methodologie": F(24), "moyens_humains": F(12), "environnement": F(8)},
        technical=F(44),
        price=F(40),  # Pmin itself
        total=F(84),
    ),
    Expected(
        row=3, lot=2, candidate="Net et Net Services (SAS)",
        day_rate_ht="190.00", days="200", vat_rate="0.20",
        price_ht="38000.00", price_ttc="45600.00",  # 190 x 200 = 38000; x 1.2 = 45600
        status="admissible", rank=2,
        # marks 3, 4, 3: 18, 16, 6
        leaves={"methodologie": F(18), "moyens_humains": F(16), "environnement": F(6)},
        technical=F(40),
        # 40 x 43000 / 45600 = 40 x 215/228 = 2150/57 = 37.719... -> 37.72
        price=F(2150, 57),
        total=F(4430, 57),  # 40 + 2150/57 = (2280 + 2150)/57 = 77.7192... -> 77.72
    ),
    Expected(
        row=11, lot=2, candidate="Alizé Propreté (SARL)",
        # VAT cell empty: the consultation's 0.20. 212.55 x 200 = 42510; x 1.2 = 51012
        day_rate_ht="212.55", days="200", vat_rate="0.20",
        price_ht="42510.00", price_ttc="51012.00",
        status="admissible", rank=3,
        # marks 4, 4, 2: 24, 16, 4
        leaves={"methodologie": F(24), "moyens_humains": F(16), "environnement": F(4)},
        technical=F(44),
        # 40 x 43000 / 51012 = 1720000/51012 = 430000/12753 = 33.717... -> 33.72
        # (12753 = 9 x 13 x 109, 430000 = 2^4 x 5^4 x 43: irreducible)
        price=F(430000, 12753),
        # 44 + 430000/12753 = (561132 + 430000)/12753 = 991132/12753 = 77.7175... -> 77.72
        total=F(991132, 12753),
    ),
    Expected(
        row=9, lot=2, candidate="Arc-en-Ciel Multiservices",
        day_rate_ht="195.00", days="200", vat_rate="0.20",
        price_ht="39000.00", price_ttc="46800.00",  # 195 x 200 = 39000; x 1.2 = 46800
        # Peu satisfaisant, Peu satisfaisant, "INSUFFISANT": 6 x 2 = 12, 4 x 2 = 8, 2 x 1 = 2
        leaves={"methodologie": F(12), "moyens_humains": F(8), "environnement": F(2)},
        # 12 + 8 + 2 = 22 < 24, the announced threshold: eliminated, no price points. It is
        # not the cheapest (46800 > 43000), so Pmin is the same with or without it.
        technical=F(22),
        status="below_threshold",
    ),
    Expected(
        row=8, lot=2, candidate="Brillance Industrie Services (SAS)",
        day_rate_ht="185.00", days="200", vat_rate="0.20",
        price_ht="37000.00", price_ttc="44400.00",  # 185 x 200 = 37000; x 1.2 = 44400
        status="inappropriate",  # the jury's decision, not marked
    ),
    # ---- Lot 3, vitrerie (set vitrerie), cap 9000.00 TTC. Admissible: rows 6, 13, 14.
    # Pmin = 7488.00 TTC (row 6). Row 5 (6400.00, VAT franchise) is cheaper but incomplete.
    Expected(
        row=6, lot=3, candidate="Vitres et Façades de l'Ouest",
        day_rate_ht="520.00", days="12", vat_rate="0.20",  # "20 %"
        price_ht="6240.00", price_ttc="7488.00",  # 520 x 12 = 6240; x 1.2 = 7488
        status="admissible", rank=1,
        # marks 3, 5, 3: 4 x 3 = 12, 4 x 5 = 20, 2 x 3 = 6
        leaves={"methodologie": F(12), "securite": F(20), "environnement": F(6)},
        technical=F(38),
        price=F(50),  # Pmin itself
        total=F(88),  # 38 + 50: tied with row 13, first on sécurité (20 against 12)
    ),
    Expected(
        row=13, lot=3, candidate="Clair Horizon Propreté (SCOP)",
        day_rate_ht="500.00", days="13", vat_rate="0.20",
        price_ht="6500.00", price_ttc="7800.00",  # 500 x 13 = 6500; x 1.2 = 7800
        status="admissible", rank=2,
        # marks 5, 3, 4: 20, 12, 8
        leaves={"methodologie": F(20), "securite": F(12), "environnement": F(8)},
        technical=F(40),
        price=F(48),  # 50 x 7488 / 7800 = 50 x 24/25 = 48
        total=F(88),  # 40 + 48
    ),
    Expected(
        row=14, lot=3, candidate="Atelier Transparence (entreprise adaptée)",
        # 433.35 x 15.5 = 6716.925 -> 6716.93 (HALF_UP; HALF_EVEN would give 6716.92);
        # 6716.93 x 1.2 = 8060.316 -> 8060.32
        day_rate_ht="433.35", days="15.5", vat_rate="0.20",
        price_ht="6716.93", price_ttc="8060.32",
        status="admissible", rank=3,
        # marks 3, 3, 3: 12, 12, 6
        leaves={"methodologie": F(12), "securite": F(12), "environnement": F(6)},
        technical=F(30),
        # 50 x 7488.00 / 8060.32 = 37440000/806032 = (/16) 2340000/50377 = 46.4498... -> 46.45
        price=F(2340000, 50377),
        # 30 + 2340000/50377 = (1511310 + 2340000)/50377 = 3851310/50377 = 76.4498... -> 76.45
        total=F(3851310, 50377),
    ),
    Expected(
        row=5, lot=3, candidate="Lucas Morel Vitrerie (EI)",
        day_rate_ht="400.00", days="16", vat_rate="0.00",  # "non applicable": VAT franchise
        price_ht="6400.00", price_ttc="6400.00",  # 400 x 16 = 6400 = TTC
        status="incomplete",  # Formation travail en hauteur: "non"
    ),
)  # fmt: skip

BY_ROW: dict[int, Expected] = {e.row: e for e in OFFERS}
ADMISSIBLE = [e for e in OFFERS if e.status == "admissible"]

# Output order of each lot: ranked offers by rank, then the others in workbook order.
EXPECTED_ORDER: dict[int, list[int]] = {
    1: [12, 7, 2, 10, 15],
    2: [4, 3, 11, 8, 9],
    3: [6, 13, 14, 5],
}


@pytest.fixture(scope="module")
def report() -> dict[str, Any]:
    result = CliRunner().invoke(app, ["score", "--format", "json", *CONFIG])
    assert result.exit_code == 0, result.output
    data: dict[str, Any] = json.loads(result.stdout, parse_float=Decimal)
    return data


def lot_of(report: dict[str, Any], lot_id: int) -> dict[str, Any]:
    (lot,) = [lot for lot in report["lots"] if lot["id"] == lot_id]
    return lot


def offers_by_row(report: dict[str, Any]) -> dict[int, tuple[int, dict[str, Any]]]:
    """row -> (lot id, offer) over the whole report."""
    found: dict[int, tuple[int, dict[str, Any]]] = {}
    for lot in report["lots"]:
        for offer in lot["offers"]:
            assert offer["row"] not in found, offer
            found[offer["row"]] = (lot["id"], offer)
    return found


def tree_points(nodes: list[dict[str, Any]]) -> dict[str, Decimal | None]:
    """Every node of an offer's JSON tree: id -> points shown (None where not computed)."""
    found: dict[str, Decimal | None] = {}
    for node in nodes:
        found[node["id"]] = None if node["points"] is None else num(node["points"])
        found.update(tree_points(node["children"]))
    return found


def test_hand_arithmetic_adds_up() -> None:
    """The figures written above agree with each other: a parent is the sum of its children,
    a total the sum of its two criteria, and the rounded values quoted in the comments."""
    for e in ADMISSIBLE:
        assert e.technical == sum(e.leaves.values()), e.row
        assert e.price is not None
        assert e.total is not None
        assert e.total == e.technical + e.price, e.row
    assert {e.row: str(r2(e.total)) for e in ADMISSIBLE if e.total is not None} == {
        12: "89.48", 7: "83.12", 2: "76.00",
        4: "84.00", 3: "77.72", 11: "77.72",
        6: "88.00", 13: "88.00", 14: "76.45",
    }  # fmt: skip
    # the prices as ratios, from the raw figures
    assert F(40) * F("61200") / F("69000") == BY_ROW[12].price
    assert F(40) * F("61200") / F("65940") == BY_ROW[7].price
    assert F(40) * F("43000") / F("45600") == BY_ROW[3].price
    assert F(40) * F("43000") / F("51012") == BY_ROW[11].price
    assert BY_ROW[9].technical == 12 + 8 + 2 < 24
    assert F(50) * F("7488") / F("7800") == BY_ROW[13].price
    assert F(50) * F("7488.00") / F("8060.32") == BY_ROW[14].price


def test_header_and_lots(report: dict[str, Any]) -> None:
    assert report["consultation"]["title"] == (
        "Prestations de nettoyage et d'entretien des locaux 2026"
    )
    assert report["consultation"]["buyer"] == "Ville de Rivebelle"
    assert report["consultation"]["deadline"] == "2026-10-09T12:00:00"
    assert Path(report["inputs"]["offers"]["path"]).name == "offres.xlsx"
    got = [
        (lot["id"], lot["cap_ht"], lot["cap_ttc"], lot["criteria_set"], lot["provisional"])
        for lot in report["lots"]
    ]
    assert got == [
        (1, "60000.00", "72000.00", None, False),  # 72000 / 1.2
        (2, "45000.00", "54000.00", None, False),  # 54000 / 1.2
        (3, "7500.00", "9000.00", "vitrerie", False),  # 9000 / 1.2
    ]
    # Pmin and Pmax among the admissible offers, TTC
    assert [(lot["lowest_price"], lot["highest_price"]) for lot in report["lots"]] == [
        ("61200.00", "69000.00"),
        ("43000.00", "51012.00"),
        ("7488.00", "8060.32"),
    ]
    # every offer is at 20 % but lot 2's association: TTC, the default basis, warns nothing
    assert [lot["warnings"] for lot in report["lots"]] == [[], [], []]
    assert report["problems"] == []
    assert report["unplaced_offers"] == []


def test_each_lot_has_its_own_criteria(report: dict[str, Any]) -> None:
    def shape(nodes: list[dict[str, Any]]) -> list[tuple[str, Decimal, list[Any]]]:
        return [(n["id"], num(n["max_points"]), shape(n["children"])) for n in nodes]

    default = [
        (
            "valeur_technique",
            Decimal(60),
            [
                ("methodologie", Decimal(30), []),
                ("moyens_humains", Decimal(20), []),
                ("environnement", Decimal(10), []),
            ],
        ),
        ("prix", Decimal(40), []),
    ]
    assert shape(lot_of(report, 1)["criteria"]) == default
    assert shape(lot_of(report, 2)["criteria"]) == default
    assert shape(lot_of(report, 3)["criteria"]) == [
        (
            "valeur_technique",
            Decimal(50),
            [
                ("methodologie", Decimal(20), []),
                ("securite", Decimal(20), []),
                ("environnement", Decimal(10), []),
            ],
        ),
        ("prix", Decimal(50), []),
    ]


def test_every_offer_reported_once(report: dict[str, Any]) -> None:
    assert sorted(offers_by_row(report)) == list(range(2, 16))  # 14 offers, rows 2-15


@pytest.mark.parametrize("lot_id", [1, 2, 3])
def test_order_status_rank(report: dict[str, Any], lot_id: int) -> None:
    lot = lot_of(report, lot_id)
    got = [(o["row"], o["candidate"], o["status"], o["rank"]) for o in lot["offers"]]
    expected = [BY_ROW[row] for row in EXPECTED_ORDER[lot_id]]
    assert got == [(e.row, e.candidate, e.status, e.rank) for e in expected]


@pytest.mark.parametrize("row", sorted(BY_ROW))
def test_amounts(report: dict[str, Any], row: int) -> None:
    expected = BY_ROW[row]
    lot_id, offer = offers_by_row(report)[row]
    assert lot_id == expected.lot
    assert offer["candidate"] == expected.candidate
    assert offer["day_rate_ht"] == expected.day_rate_ht
    assert Decimal(offer["days"]) == Decimal(expected.days)
    assert offer["vat_rate"] == expected.vat_rate
    assert offer["price_ht"] == expected.price_ht
    assert offer["price_ttc"] == expected.price_ttc


@pytest.mark.parametrize("row", sorted(BY_ROW))
def test_points_of_every_node_and_total(report: dict[str, Any], row: int) -> None:
    expected = BY_ROW[row]
    _, offer = offers_by_row(report)[row]
    shown = tree_points(offer["tree"])
    want: dict[str, Decimal | None] = {leaf: r2(points) for leaf, points in expected.leaves.items()}
    if not expected.leaves:  # not marked: no leaf of its lot's tree has points
        leaves = ("securite",) if expected.lot == 3 else ("moyens_humains",)
        want = dict.fromkeys(("methodologie", *leaves, "environnement"))
    want["valeur_technique"] = None if expected.technical is None else r2(expected.technical)
    want["prix"] = None if expected.price is None else r2(expected.price)
    assert shown == want
    top = {key: num(value) for key, value in offer["points"].items()}
    assert top == {k: v for k in ("valeur_technique", "prix") if (v := want[k]) is not None}
    if expected.total is None:
        assert offer["total"] is None
        assert offer["gap_to_first"] is None
    else:
        assert num(offer["total"]) == r2(expected.total)


def test_exact_totals_and_points_from_the_library() -> None:
    """The library holds the exact fractions written above, node by node."""
    evaluation = referent_ess.score(LOTS)
    seen = set()
    for lot in evaluation.lots:
        for result in lot.offers:
            expected = BY_ROW[result.offer.row]
            seen.add(result.offer.row)
            assert (lot.lot.id, result.offer.candidate) == (expected.lot, expected.candidate)
            assert str(result.status) == expected.status
            assert result.rank == expected.rank
            assert result.total == expected.total
            want = dict(expected.leaves)
            if expected.technical is not None:
                want["valeur_technique"] = expected.technical
            if expected.price is not None:
                want["prix"] = expected.price
            assert dict(result.points) == want
    assert seen == set(BY_ROW)


def test_gaps_to_the_first(report: dict[str, Any]) -> None:
    # gaps on the exact totals, rounded HALF_UP
    gaps = {
        12: F(0), 7: F(2058, 23) - F(91354, 1099), 2: F(2058, 23) - 76,
        4: F(0), 3: 84 - F(4430, 57), 11: 84 - F(991132, 12753),
        6: F(0), 13: F(0), 14: 88 - F(3851310, 50377),
    }  # fmt: skip
    # 2058/23 - 91354/1099 = (2261742 - 2101142)/25277 = 160600/25277 = 6.3536... -> 6.35
    assert gaps[7] == F(160600, 25277)
    # 84 - 4430/57 = 358/57 = 6.2807... -> 6.28; 84 - 991132/12753 = 80120/12753 = 6.2824...
    assert gaps[3] == F(358, 57)
    assert gaps[11] == F(80120, 12753)
    shown = {
        row: num(offer["gap_to_first"])
        for row, (_, offer) in offers_by_row(report).items()
        if offer["status"] == "admissible"
    }
    assert shown == {row: r2(gap) for row, gap in gaps.items()}
    assert shown[7] == Decimal("6.35")
    assert shown[2] == Decimal("13.48")  # 2058/23 - 76 = 310/23 = 13.478...
    assert shown[3] == shown[11] == Decimal("6.28")
    assert shown[14] == Decimal("11.55")  # 88 - 3851310/50377 = 581866/50377 = 11.550...


def test_exact_tie_in_lot_3_decided_by_the_securite_sub_criterion(report: dict[str, Any]) -> None:
    # Row 6: 12 + 20 + 6 + 50 = 88; row 13: 20 + 12 + 8 + 48 = 88. Exactly equal: the set's
    # tie_break [securite, prix] puts row 6 (20 sécurité points against 12) first.
    assert BY_ROW[6].total == BY_ROW[13].total == 88
    lot = lot_of(report, 3)
    assert lot["ties"] == [
        {"total": Decimal("88.0"), "rows": [6, 13], "decided_by": "securite", "shared_ranks": []}
    ]
    assert lot["award"] == {"candidate": "Vitres et Façades de l'Ouest", "row": 6}


def test_near_tie_in_lot_2_is_no_tie(report: dict[str, Any]) -> None:
    # Both totals are shown as 77.72, but 4430/57 - 991132/12753: with 242307 = 57 x 4251 =
    # 12753 x 19, 4430 x 4251 = 18831930 and 991132 x 19 = 18831508, a difference of
    # 422/242307 = 0.0017... of a point. Net et Net Services is second, exactly.
    difference = F(4430, 57) - F(991132, 12753)
    assert difference == F(422, 242307)
    lot = lot_of(report, 2)
    assert lot["ties"] == []
    second, third = lot["offers"][1], lot["offers"][2]
    assert (second["row"], second["rank"], third["row"], third["rank"]) == (3, 2, 11, 3)
    assert num(second["total"]) == num(third["total"]) == Decimal("77.72")


def test_vat_exempt_association_wins_lot_2_on_ttc(report: dict[str, Any]) -> None:
    _, offer = offers_by_row(report)[4]
    assert offer["candidate"] == "Association Tremplin Propreté"
    assert offer["price_ttc"] == offer["price_ht"] == "43000.00"
    assert lot_of(report, 2)["award"] == {"candidate": "Association Tremplin Propreté", "row": 4}


def test_compared_ht_lot_2_would_go_to_another_offer(tmp_path: Path) -> None:
    """Scored with basis: ht, lot 2's Pmin is 38000.00 HT (row 3; row 8, 37000.00, is not
    admissible):
    - row 3: 40 + 40 x 38000/38000 = 80 (first);
    - row 11: 44 + 40 x 38000/42510 = 44 + 152000/4251 = 339044/4251 = 79.756... -> 79.76;
    - row 4: 44 + 40 x 38000/43000 = 44 + 1520/43 = 3412/43 = 79.348... -> 79.35 (third);
    - row 9 stays below the technical threshold (22 < 24), whatever the price basis.
    The association's 43000.00 is what the town pays; Net et Net's 38000.00 HT costs it
    45600.00. Only lot 2 mixes VAT rates among its admissible offers, so only lot 2 warns."""
    assert 44 + F(40) * 38000 / 42510 == F(339044, 4251)
    assert 44 + F(40) * 38000 / 43000 == F(3412, 43)
    criteria = tmp_path / "criteria.yaml"
    text = CRITERIA.read_text(encoding="utf-8")
    assert text.count("basis: ttc") == 2
    criteria.write_text(text.replace("basis: ttc", "basis: ht"), encoding="utf-8")
    runner = CliRunner()
    result = run(runner, ["score", "--format", "json", *CONFIG, "--criteria", str(criteria)], 0)
    data = as_json(result)
    lot = lot_of(data, 2)
    shown = [(o["row"], o["rank"], o["total"] and num(o["total"])) for o in lot["offers"]]
    assert shown == [
        (3, 1, Decimal("80.00")),
        (11, 2, Decimal("79.76")),
        (4, 3, Decimal("79.35")),
        (8, None, None),
        (9, None, None),
    ]
    assert [w["code"] for w in lot["warnings"]] == ["vat-basis"]
    message = lot["warnings"][0]["message"]
    assert "Association Tremplin Propreté" in message
    assert "Net et Net Services (SAS)" in message
    assert [lot_of(data, n)["warnings"] for n in (1, 3)] == [[], []]


def test_offers_set_aside_and_their_reasons(report: dict[str, Any]) -> None:
    by_row = offers_by_row(report)
    codes = {
        row: [(r["code"], r["cell"]) for r in by_row[row][1]["reasons"]]
        for row in (10, 15, 8, 9, 5)
    }
    assert codes == {
        10: [("over_cap", "C10")],  # 73800.00 > 72000.00 TTC
        15: [("late", "G15")],  # 2026-10-09 14:32 > 12:00
        8: [("jury-decision", "P8")],
        9: [("below_threshold", None)],  # 22 < 24 on valeur technique
        5: [("incomplete", "K5")],  # Formation travail en hauteur: "non"
    }
    over = by_row[10][1]
    assert over["budget"] == [
        {"basis": "ttc", "cap": "72000.00", "price": "73800.00", "margin": "-1800.00",
         "within": False}
    ]  # fmt: skip
    jury = by_row[8][1]
    assert jury["jury_decision"] == {
        "decision": "inappropriate", "reason": JURY_REASON, "cell": "P8", "reason_cell": "Q8",
    }  # fmt: skip
    (reason,) = jury["reasons"]
    assert reason["status"] == "inappropriate"
    assert JURY_REASON in reason["message"]
    assert "L2152-4" in reason["legal_basis"]
    threshold = by_row[9][1]["reasons"][0]
    assert threshold["status"] == "below_threshold"
    assert threshold["message"] == (
        '22.00 points on "Valeur technique", below the eliminatory threshold of 24 points '
        "announced in the consultation rules"
    )
    assert "règlement de la consultation" in threshold["legal_basis"]
    for row in (10, 15, 8, 9, 5):
        assert by_row[row][1]["rank"] is None


WORDS = [
    ("Excellent", 5), ("Très satisfaisant", 4), ("Satisfaisant", 3), ("Peu satisfaisant", 2),
    ("Insuffisant", 1), ("Non traité", 0),
]  # fmt: skip


def test_the_jury_marks_with_words(report: dict[str, Any]) -> None:
    by_row = offers_by_row(report)
    words = {row: by_row[row][1]["mark_words"] for row in (7, 9, 10, 13)}
    assert words == {
        # "tres satisfaisant" typed without accent or capital is the scale's word
        7: {"methodologie": "Très satisfaisant", "moyens_humains": "Très satisfaisant",
            "environnement": "Satisfaisant"},
        # "INSUFFISANT" in capitals
        9: {"methodologie": "Peu satisfaisant", "moyens_humains": "Peu satisfaisant",
            "environnement": "Insuffisant"},
        # the number 4 is Très satisfaisant's mark
        10: {"methodologie": "Très satisfaisant", "moyens_humains": "Satisfaisant",
             "environnement": "Satisfaisant"},
        13: {"methodologie": "Excellent", "securite": "Satisfaisant",
             "environnement": "Très satisfaisant"},
    }  # fmt: skip
    assert by_row[10][1]["marks"] == {
        "methodologie": Decimal("4.0"), "moyens_humains": Decimal("3.0"),
        "environnement": Decimal("3.0"),
    }  # fmt: skip


def test_scale_and_threshold_in_each_lots_criteria(report: dict[str, Any]) -> None:
    for lot_id, threshold in ((1, Decimal("24.0")), (2, Decimal("24.0")), (3, None)):
        (technical, price) = lot_of(report, lot_id)["criteria"]
        assert technical["min_points"] == threshold
        assert price["min_points"] is None
        for leaf in technical["children"]:
            assert [(w["word"], num(w["mark"])) for w in leaf["scale_words"]] == [
                (word, Decimal(mark)) for word, mark in WORDS
            ]


def test_every_offer_is_on_time_but_one(report: dict[str, Any]) -> None:
    # row 14 was received at 11:47 on the deadline day, row 15 at 14:32
    statuses = {row: offer["status"] for row, (_, offer) in offers_by_row(report).items()}
    assert statuses[14] == "admissible"
    assert [row for row, status in statuses.items() if status == "late"] == [15]


# ---- every command, on the example ----------------------------------------------------------


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def test_validate_finds_nothing(runner: CliRunner) -> None:
    data = as_json(run(runner, ["validate", "--format", "json", *CONFIG], 0))
    assert data["valid"] is True
    assert data["errors"] == []
    assert data["warnings"] == []


def test_score_table_in_french(runner: CliRunner) -> None:
    out = run(runner, ["--lang", "fr", "score", *CONFIG], 0).stdout
    assert "Lot 2 — Nettoyage des locaux recevant du public" in out
    assert "inappropriée" in out
    assert JURY_REASON in out
    assert "09/10/2026 à 14:32" in out  # the late offer's reception, the French way
    for total in ("89,48", "84,00", "77,72", "88,00", "76,45"):
        assert total in out, total


@pytest.mark.parametrize(
    ("lot_id", "winner", "total"),
    [
        (1, "Clair Horizon Propreté (SCOP)", "89.48"),
        (2, "Association Tremplin Propreté", "84.00"),
        (3, "Vitres et Façades de l'Ouest", "88.00"),
    ],
)
def test_rank_each_lot(runner: CliRunner, lot_id: int, winner: str, total: str) -> None:
    out = run(runner, ["rank", "--lot", str(lot_id), *CONFIG], 0).stdout
    first = next(line for line in out.splitlines() if "★ 1" in line)
    assert winner in first
    assert total in first.split()


def test_rank_lot_3_says_how_the_tie_was_decided(runner: CliRunner) -> None:
    out = run(runner, ["rank", "--lot", "3", *CONFIG], 0).stdout
    assert "Exact tie at 88.00 between Vitres et Façades de l'Ouest and Clair Horizon" in out
    assert "(20.00, 12.00)" in out  # sécurité: 4 x 5 against 4 x 3


def test_check_budget_finds_the_offer_over_its_cap(runner: CliRunner) -> None:
    data = as_json(run(runner, ["check-budget", "--format", "json", *CONFIG], 1))
    verdicts = {
        offer["row"]: (offer["verdict"], offer["budget"][0]["margin"])
        for lot in data["lots"]
        for offer in lot["offers"]
    }
    assert verdicts == {
        # lot 1: 72000 - 61200, - 65940, - 73800, - 69000, - 58800
        2: ("ok", "10800.00"), 7: ("ok", "6060.00"), 10: ("over", "-1800.00"),
        12: ("ok", "3000.00"), 15: ("ok", "13200.00"),
        # lot 2: 54000 - 45600, - 43000, - 44400, - 46800, - 51012
        3: ("ok", "8400.00"), 4: ("ok", "11000.00"), 8: ("ok", "9600.00"),
        9: ("ok", "7200.00"), 11: ("ok", "2988.00"),
        # lot 3: 9000 - 6400, - 7488, - 7800, - 8060.32
        5: ("ok", "2600.00"), 6: ("ok", "1512.00"), 13: ("ok", "1200.00"),
        14: ("ok", "939.68"),
    }  # fmt: skip


def test_explain_the_half_up_offer(runner: CliRunner) -> None:
    args = ["explain", "--lot", "3", "Atelier Transparence (entreprise adaptée)", *CONFIG]
    out = run(runner, args, 0).stdout
    assert "433.35 × 15.5 = 6716.925, rounded to the cent half up: 6716.93" in out
    assert "6716.93 × (1 + 0.20) = 8060.316, rounded to the cent half up: 8060.32" in out
    assert "50 × 7488.00 / 8060.32 = 46.45 (exactly 2340000/50377)" in out
    assert "3851310/50377" in out


def test_explain_the_offer_below_the_threshold(runner: CliRunner) -> None:
    args = ["--lang", "fr", "explain", "--lot", "2", "Arc-en-Ciel Multiservices", *CONFIG]
    out = run(runner, args, 0).stdout
    # the word between guillemets and no-break spaces, as French writes them
    assert "«\u00a0Peu satisfaisant\u00a0» (2/5) (cellule L9), soit 2 / 5 × 30 = 12,00" in out
    assert "«\u00a0Insuffisant\u00a0» (1/5) (cellule O9), soit 1 / 5 × 10 = 2,00" in out
    assert "12,00 + Moyens humains (effectifs, encadrement, remplacements) 8,00" in out
    assert "22,00 < 24 : non atteint, l'offre est donc éliminée" in out


def test_explain_the_offer_the_jury_declared_inappropriate(runner: CliRunner) -> None:
    args = ["explain", "--lot", "2", "Brillance Industrie Services (SAS)", *CONFIG]
    out = run(runner, args, 0).stdout.replace("\n", " ")
    assert "185.00 × 200 = 37000.00" in out
    assert "CCTP exige (articles 3.2 et 4.1)" in out
    assert "L2152-4" in out


def test_simulate_lot_2(runner: CliRunner) -> None:
    """Lot 2 under each formula, Pmin 43000 and Pmax 51012 TTC:
    - linear, 40 x (Pmax - P)/(Pmax - Pmin), Pmax - Pmin = 8012: row 3 40 + 40 x 5412/8012
      = 40 + 54120/2003 = 134240/2003 = 67.019... -> 67.02; row 11 44 + 0 = 44;
    - gap k=2, 40 x (2 Pmin - P)/Pmin: row 3 40 + 40 x 40400/43000 = 40 + 1616/43 =
      3336/43 = 77.581... -> 77.58; row 11 44 + 40 x 34988/43000 = 44 + 34988/1075 =
      82288/1075 = 76.546... -> 76.55.
    Row 9, below the technical threshold, is not ranked under any formula. The association
    keeps 84 under every formula: the winner does not change."""
    assert 40 + F(40) * 5412 / 8012 == F(134240, 2003)
    assert 40 + F(40) * 40400 / 43000 == F(3336, 43)
    assert 44 + F(40) * 34988 / 43000 == F(82288, 1075)
    data = as_json(run(runner, ["simulate", "--lot", "2", "--format", "json", *CONFIG], 0))
    assert data["winner_changes"] is False
    totals = {
        variant["formula"]: {o["row"]: num(o["total"]) for o in variant["offers"]}
        for variant in data["variants"]
    }
    assert totals == {
        "proportional": {4: r2(F(84)), 3: r2(F(4430, 57)), 11: r2(F(991132, 12753))},
        "linear": {4: Decimal("84.00"), 3: Decimal("67.02"), 11: Decimal("44.00")},
        "gap k=2": {4: Decimal("84.00"), 3: Decimal("77.58"), 11: Decimal("76.55")},
    }


def test_sensitivity_lot_1(runner: CliRunner) -> None:
    """Moving t points of weight from valeur technique to prix: Clair Horizon's total changes
    by t x (102/115 - 54/60) = -3t/230, Net et Net's by t x (40/40 - 36/60) = 2t/5; its lead
    of 2058/23 - 76 = 310/23 closes by 2/5 + 3/230 = 19/46 a point, so at t = 310/23 x 46/19
    = 620/19 = 32.63 points. (Hygie Services would need more: 160600/25277 over
    1020/1099 - 23/30 + 3/230 a point, about 36.4.)"""
    assert F(310, 23) / (F(2, 5) + F(3, 230)) == F(620, 19)
    data = as_json(run(runner, ["sensitivity", "--lot", "1", "--format", "json", *CONFIG], 0))
    assert num(data["margin_points"]) == r2(F(620, 19)) == Decimal("32.63")
    (transfer,) = data["transfers"]
    assert (transfer["from"], transfer["to"], transfer["points_exact"]) == (
        "valeur_technique", "prix", "620/19",
    )  # fmt: skip
    assert transfer["new_winner"]["candidate"] == "Net et Net Services (SAS)"


def test_sensitivity_lot_2(runner: CliRunner) -> None:
    """Moving s points from méthodologie to moyens humains: the association (marks 4, 3)
    changes by s x (3 - 4)/5, Net et Net (3, 4) by s x (4 - 3)/5: its lead 84 - 4430/57 =
    358/57 closes by 2/5 a point, at s = 358/57 x 5/2 = 895/57 = 15.70 points. Moving t
    points from prix to valeur technique: the association changes by t x (44/60 - 1), Alizé
    by t x (44/60 - 43000/51012); its lead 80120/12753 closes by 1 - 10750/12753 =
    2003/12753 a point, at t = 80120/2003 = 40: all of prix (both then have 44/60 of 100)."""
    assert F(358, 57) / F(2, 5) == F(895, 57)
    assert F(80120, 12753) / (1 - F(10750, 12753)) == 40
    data = as_json(run(runner, ["sensitivity", "--lot", "2", "--format", "json", *CONFIG], 0))
    assert num(data["margin_points"]) == Decimal("15.70")
    transfers = {
        (t["from"], t["to"]): (t["points_exact"], t["new_winner"]["candidate"])
        for t in data["transfers"]
    }
    assert transfers == {
        ("methodologie", "moyens_humains"): ("895/57", "Net et Net Services (SAS)"),
        ("prix", "valeur_technique"): ("40/1", "Alizé Propreté (SARL)"),
    }


def test_sensitivity_lot_3_is_a_tie(runner: CliRunner) -> None:
    # tied at 88: any transfer towards what Clair Horizon does better makes it first
    data = as_json(run(runner, ["sensitivity", "--lot", "3", "--format", "json", *CONFIG], 0))
    assert num(data["margin_points"]) == 0
    assert data["winner"]["candidate"] == "Vitres et Façades de l'Ouest"


def test_report_html(runner: CliRunner, tmp_path: Path) -> None:
    out = tmp_path / "rapport.html"
    run(runner, ["report", "--out", str(out), *CONFIG], 0)
    html = out.read_text(encoding="utf-8")
    for text in (
        "Prestations de nettoyage et d",
        "Association Tremplin Propreté",
        "Sécurité du travail en hauteur",
        "inappropriée",
        "CCTP exige (articles 3.2 et 4.1)",
        "89,48",
        "76,45",
    ):
        assert text in html, text


def test_report_xlsx(runner: CliRunner, tmp_path: Path) -> None:
    out = tmp_path / "rapport.xlsx"
    run(runner, ["report", "--out", str(out), *CONFIG], 0)
    book = openpyxl.load_workbook(out)
    try:
        values = [
            value
            for sheet in book.worksheets
            for row in sheet.iter_rows(values_only=True)
            for value in row
            if value is not None
        ]
    finally:
        book.close()
    texts = " ".join(str(value) for value in values)
    assert "Vitres et Façades de l'Ouest" in texts
    assert "CCTP exige (articles 3.2 et 4.1)" in texts
    assert "Sécurité du travail en hauteur (matériel, protections collectives)" in texts


def test_letters_lot_2(runner: CliRunner, tmp_path: Path) -> None:
    folder = tmp_path / "lettres"
    run(runner, ["letters", "--lot", "2", "--format", "markdown", "--out", str(folder), *CONFIG], 0)
    letters = {path.name: path.read_text(encoding="utf-8") for path in folder.iterdir()}
    assert sorted(letters) == [
        "lot-2-alize-proprete-sarl.md",
        "lot-2-arc-en-ciel-multiservices.md",
        "lot-2-association-tremplin-proprete.md",
        "lot-2-brillance-industrie-services-sas.md",
        "lot-2-net-et-net-services-sas.md",
    ]
    award = letters["lot-2-association-tremplin-proprete.md"]
    assert "rejet" not in award.splitlines()[0].lower()
    rejected = letters["lot-2-brillance-industrie-services-sas.md"]
    assert "inappropriée" in rejected
    assert JURY_REASON in rejected.replace("\n", " ")
    below = letters["lot-2-arc-en-ciel-multiservices.md"]
    assert "Votre offre est **éliminée** par un seuil annoncé au règlement" in below
    assert "22,00 points au critère « Valeur technique », sous le seuil éliminatoire de 24" in below
    near = letters["lot-2-alize-proprete-sarl.md"]
    assert "77,72" in near
    assert "84,00" in near


def test_letters_lot_3_after_a_decided_tie(runner: CliRunner, tmp_path: Path) -> None:
    folder = tmp_path / "lettres"
    run(runner, ["letters", "--lot", "3", "--format", "markdown", "--out", str(folder), *CONFIG], 0)
    second = (folder / "lot-3-clair-horizon-proprete-scop.md").read_text(encoding="utf-8")
    assert "égalité exacte" in second
    # tied at 88 with the winner: the letter states no "+0,00" gap
    assert "elle a obtenu le même total que votre offre, 88,00 points" in second.replace("\n", " ")
    assert "au total" not in second
    assert "Sécurité du travail en hauteur" in second
    assert "Vitres et Façades de l'Ouest" in second


def test_export_ocds(runner: CliRunner, tmp_path: Path) -> None:
    out = tmp_path / "release.json"
    run(runner, ["export", "--ocds", "--out", str(out), *CONFIG], 0)
    release = json.loads(out.read_text(encoding="utf-8"))
    statuses = {
        bid["referent:evaluation"]["row"]: (bid["status"], bid["referent:evaluation"]["total"])
        for bid in release["bids"]["details"]
    }
    assert statuses == {
        12: ("valid", 89.48), 7: ("valid", 83.12), 2: ("valid", 76.0),
        10: ("disqualified", None), 15: ("disqualified", None),
        4: ("valid", 84.0), 3: ("valid", 77.72), 11: ("valid", 77.72),
        8: ("disqualified", None), 9: ("disqualified", None),
        6: ("valid", 88.0), 13: ("valid", 88.0), 14: ("valid", 76.45),
        5: ("disqualified", None),
    }  # fmt: skip
    winners = sorted(
        (award["relatedLots"][0], award["suppliers"][0]["name"]) for award in release["awards"]
    )
    assert winners == [
        ("1", "Clair Horizon Propreté (SCOP)"),
        ("2", "Association Tremplin Propreté"),
        ("3", "Vitres et Façades de l'Ouest"),
    ]


def test_template_for_the_example(runner: CliRunner, tmp_path: Path) -> None:
    out = tmp_path / "offres-vierge.xlsx"
    run(runner, ["template", "--out", str(out), *CONFIG], 0)
    book = openpyxl.load_workbook(out)
    try:
        header = [cell.value for cell in book.worksheets[0][1]]
    finally:
        book.close()
    # every lot's documents and marked sub-criteria by their labels (lots.yaml, criteria.yaml:
    # a sub-criterion of two sets by the first set's), and the jury's two columns
    methodologie = "Méthodologie et organisation des prestations"
    for column in (
        "attestation de visite", "attestation de formation au travail en hauteur", methodologie,
        "Moyens humains (effectifs, encadrement, remplacements)",
        "Sécurité du travail en hauteur (matériel, protections collectives)",
        "Performance environnementale (produits écolabellisés, dosage, déchets)",
        "Décision du jury", "Motif de la décision",
    ):  # fmt: skip
        assert column in header, column
    assert "Valeur technique" not in header  # a parent is never marked
    assert not {"methodologie", "securite", "attestation_de_visite"} & set(header)  # no id
    rules = {str(dv.sqref).split(":")[0][:-1]: dv for dv in sheet_validations(out)}
    column = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"[header.index(methodologie)]
    assert rules[column].formula1 == '"' + ",".join(word for word, _ in WORDS) + '"'


def sheet_validations(path: Path) -> list[Any]:
    book = openpyxl.load_workbook(path)
    try:
        return list(book.worksheets[0].data_validations.dataValidation)
    finally:
        book.close()


# ---- the workbook -----------------------------------------------------------------------------


def workbook_values(path: Path) -> dict[str, list[tuple[Any, ...]]]:
    wb = openpyxl.load_workbook(path)
    try:
        return {ws.title: list(ws.iter_rows(values_only=True)) for ws in wb.worksheets}
    finally:
        wb.close()


def test_example_workbook_is_reproducible(tmp_path: Path) -> None:
    first, second = tmp_path / "a.xlsx", tmp_path / "b.xlsx"
    for output in (first, second):
        subprocess.run([sys.executable, str(SCRIPT), str(output)], check=True, capture_output=True)
    assert first.read_bytes() == second.read_bytes()
    rebuilt = workbook_values(first)
    assert list(rebuilt) == ["offres"]
    assert rebuilt == workbook_values(WORKBOOK)
    assert len(rebuilt["offres"]) == 1 + 14


def test_readme_quotes_the_figures() -> None:
    """The example's README quotes the results worked out above."""
    text = (FOLDER / "README.md").read_text(encoding="utf-8")
    for figure in ("89,48", "84,00", "77,72", "88,00", "6 716,93", "8 060,32", "4430/57", "24/60"):
        assert figure in text, figure
    for reference in ("L2152-7", "L2152-4", "2021-1104", "2022-767"):
        assert reference in text, reference
