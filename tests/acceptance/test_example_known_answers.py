"""Known answers for the example workbook ``examples/offers-2018.xlsx``.

Every expected value below is computed by hand from the raw numbers typed in
``examples/make_offers.py`` (never with the package's own scoring code):

- price_ht = day rate HT x days, to the cent ROUND_HALF_UP; price_ttc = price_ht x (1 + VAT),
  to the cent ROUND_HALF_UP; a VAT-exempt offer has TTC = HT;
- points of a marked criterion = weight x mark / 5 (context 30, technical 30,
  competence 20); price points = 20 x Pmin / P on TTC (criteria.yaml: basis ttc), Pmin being
  the lowest price_ttc among the ADMISSIBLE offers of the lot;
- totals are exact fractions; the JSON shows points and totals rounded HALF_UP to 2 places.

Caps HT: 8333 (lots 1, 2), 12500 (lots 3, 4). Deadline: 2018-03-23 inclusive.
"""

from __future__ import annotations

import json
import math
import subprocess
import sys
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from typer.testing import CliRunner

from referent_ess.cli import app

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"
WORKBOOK = EXAMPLES / "offers-2018.xlsx"
SCRIPT = EXAMPLES / "make_offers.py"

F = Fraction


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
    """Hand-computed answer for one admissible offer."""

    row: int
    lot: int
    candidate: str
    day_rate_ht: str
    days: str
    vat_rate: str
    price_ht: str
    price_ttc: str
    context: Fraction
    technical: Fraction
    competence: Fraction
    price: Fraction

    @property
    def total(self) -> Fraction:
        return self.context + self.technical + self.competence + self.price


ADMISSIBLE: tuple[Expected, ...] = (
    # ---- Lot 1, cap 10000 TTC. Pmin = 7560.00 TTC (row 4: VAT-exempt, TTC = HT). The late
    # row 15 (380 x 15 = 5700.00 HT) is cheaper but not admissible, so it must not set Pmin.
    # Compared HT, row 9 would win (63 + 20 x 7560/7800 = 82.38 against 81); compared TTC,
    # its 20 % VAT costs it 20 x 7560/7800 - 20 x 7560/9360 = 252/13 - 210/13 = 42/13 points.
    Expected(
        row=9, lot=1, candidate="Cap Services Coop (SCOP)",
        # text cells "487,50 €" x "16" = 7800.00 (stated "7 800,00": no mismatch); x 1.2
        day_rate_ht="487.50", days="16", vat_rate="0.20",
        price_ht="7800.00", price_ttc="9360.00",
        context=F(30 * 35, 5 * 10),  # 30 x 3.5 / 5 = 21
        technical=F(30 * 4, 5),  # 24
        competence=F(20 * 45, 5 * 10),  # 20 x 4.5 / 5 = 18
        # 20 x 7560.00 / 9360.00 = 20 x 21/26 = 210/13 = 16.153846... -> 16.15
        price=F(20) * F("7560.00") / F("9360.00"),
    ),  # total 63 + 210/13 = 1029/13 = 79.153846... -> 79.15
    Expected(
        row=4, lot=1, candidate="Association Trame Solidaire",
        # 420 x 18 = 7560.00, VAT-exempt ("exonéré"): TTC = HT
        day_rate_ht="420.00", days="18", vat_rate="0.00",
        price_ht="7560.00", price_ttc="7560.00",
        context=F(30 * 4, 5),  # 24
        technical=F(30 * 35, 5 * 10),  # 30 x 3.5 / 5 = 21
        competence=F(20 * 4, 5),  # 16
        price=F(20) * F("7560.00") / F("7560.00"),  # Pmin itself (TTC = HT): 20
    ),  # total 81
    # ---- Lot 2, only regular offers, all at 20 %. Pmin = 9120.00 TTC (row 12). Every TTC
    # price is its HT price x 1.2 exactly, so the shares are those of the HT prices.
    Expected(
        row=8, lot=2, candidate="SCIC Nourrir l'Estuaire",
        day_rate_ht="450.00", days="18", vat_rate="0.20",  # 450 x 18 = 8100.00; x 1.2
        price_ht="8100.00", price_ttc="9720.00",
        context=F(30 * 45, 5 * 10),  # 30 x 4.5 / 5 = 27
        technical=F(30 * 4, 5),  # 24
        competence=F(20 * 35, 5 * 10),  # 20 x 3.5 / 5 = 14
        # 20 x 9120.00 / 9720.00 = 20 x 7600/8100 = 1520/81 = 18.765432... -> 18.77
        price=F(20) * F("9120.00") / F("9720.00"),
    ),  # total 65 + 1520/81 = 6785/81 = 83.765432... -> 83.77
    Expected(
        row=2, lot=2, candidate="Terres Communes Conseil",
        day_rate_ht="520.00", days="15", vat_rate="0.20",  # 520 x 15 = 7800.00 (= stated)
        price_ht="7800.00", price_ttc="9360.00",
        context=F(30 * 35, 5 * 10),  # 21
        technical=F(30 * 4, 5),  # 24
        competence=F(20 * 4, 5),  # 16
        # 20 x 9120.00 / 9360.00 = 20 x 7600/7800 = 760/39 = 19.487179... -> 19.49
        price=F(20) * F("9120.00") / F("9360.00"),
    ),  # total 61 + 760/39 = 3139/39 = 80.487179... -> 80.49
    Expected(
        row=12, lot=2, candidate="Marion Le Goff Conseil",
        # VAT cell empty: default 0.20. 400 x 19 = 7600.00; x 1.2 = 9120.00
        day_rate_ht="400.00", days="19", vat_rate="0.20",
        price_ht="7600.00", price_ttc="9120.00",
        context=F(30 * 3, 5),  # 18
        technical=F(30 * 35, 5 * 10),  # 21
        competence=F(20 * 3, 5),  # 12
        price=F(20) * F("9120.00") / F("9120.00"),  # Pmin itself: 20
    ),  # total 71
    # ---- Lot 3, all at 20 %. Pmin = 10800.00 TTC (row 14); TTC = HT x 1.2 exactly.
    Expected(
        row=6, lot=3, candidate="Les Bâtisseurs Solidaires (SCOP)",
        day_rate_ht="560.00", days="21", vat_rate="0.20",  # 560 x 21 = 11760.00 (= stated)
        price_ht="11760.00", price_ttc="14112.00",
        context=F(30 * 5, 5),  # 30
        technical=F(30 * 45, 5 * 10),  # 27
        competence=F(20 * 4, 5),  # 16
        # 20 x 10800.00 / 14112.00 = 20 x 9000/11760 = 750/49 = 15.306122... -> 15.31
        price=F(20) * F("10800.00") / F("14112.00"),
    ),  # total 73 + 750/49 = 4327/49 = 88.306122... -> 88.31
    Expected(
        row=14, lot=3, candidate="Atelier Matières Vives (SCIC)",
        # received 2018-03-23 23:10: deadline day, on time. 450 x 20 = 9000.00
        day_rate_ht="450.00", days="20", vat_rate="0.20",
        price_ht="9000.00", price_ttc="10800.00",
        context=F(30 * 4, 5),  # 24
        technical=F(30 * 35, 5 * 10),  # 21
        competence=F(20 * 4, 5),  # 16
        price=F(20) * F("10800.00") / F("10800.00"),  # Pmin itself: 20
    ),  # total 24 + 21 + 16 + 20 = 81 exactly
    Expected(
        row=11, lot=3, candidate="Échelle Habitat (SCOP)",
        day_rate_ht="500.00", days="20", vat_rate="0.20",  # 500 x 20 = 10000.00
        price_ht="10000.00", price_ttc="12000.00",
        context=F(30 * 4, 5),  # 24
        technical=F(30 * 35, 5 * 10),  # 21
        competence=F(20 * 45, 5 * 10),  # 18
        price=F(20) * F("10800.00") / F("12000.00"),  # 20 x 0.9 = 18
    ),  # total 24 + 21 + 18 + 18 = 81 exactly: tie with row 14
    Expected(
        row=3, lot=3, candidate="Habiter Autrement 44",
        day_rate_ht="375.00", days="28", vat_rate="0.20",  # "20 %"; 375 x 28 = 10500.00
        price_ht="10500.00", price_ttc="12600.00",
        context=F(30 * 3, 5),  # 18
        technical=F(30 * 3, 5),  # 18
        competence=F(20 * 35, 5 * 10),  # 14
        # 20 x 10800.00 / 12600.00 = 20 x 6/7 = 120/7 = 17.142857... -> 17.14
        price=F(20) * F("10800.00") / F("12600.00"),
    ),  # total 50 + 120/7 = 470/7 = 67.142857... -> 67.14
    # ---- Lot 4, cap 15000 TTC. Pmin = 11536.48 TTC (row 13). The incomplete row 5
    # (400 x 20 = 8000.00 HT) is cheaper but not admissible, so it must not set Pmin. Here
    # TTC is not exactly HT x 1.2 (11536.476 is rounded to the cent), so the exact share moves
    # a little from the HT one (961373/59400 = 16.184730...) while the rounded points stay.
    Expected(
        row=7, lot=4, candidate="Les Bâtisseurs Solidaires (SCOP)",
        day_rate_ht="540.00", days="22", vat_rate="0.20",  # 540 x 22 = 11880.00
        price_ht="11880.00", price_ttc="14256.00",
        context=F(30 * 4, 5),  # 24
        technical=F(30 * 4, 5),  # 24
        competence=F(20 * 4, 5),  # 16
        # 20 x 11536.48 / 14256.00 = 23072960/1425600 = 72103/4455 = 16.184736... -> 16.18
        price=F(20) * F("11536.48") / F("14256.00"),
    ),  # total 64 + 72103/4455 = 357223/4455 = 80.184736... -> 80.18
    Expected(
        row=13, lot=4, candidate="Ressourceries en Réseau",
        # 447.15 x 21.5 = 9613.725 -> 9613.73 (HALF_UP; HALF_EVEN or a binary float
        # would give 9613.72); 9613.73 x 1.2 = 11536.476 -> 11536.48
        day_rate_ht="447.15", days="21.5", vat_rate="0.20",
        price_ht="9613.73", price_ttc="11536.48",
        context=F(30 * 35, 5 * 10),  # 21
        technical=F(30 * 4, 5),  # 24
        competence=F(20 * 3, 5),  # 12
        price=F(20) * F("11536.48") / F("11536.48"),  # Pmin itself: 20
    ),  # total 77
)  # fmt: skip

BY_ROW: dict[int, Expected] = {e.row: e for e in ADMISSIBLE}

# Output order of each lot: ranked offers by rank, then the others in workbook order.
EXPECTED_ORDER: dict[int, list[tuple[int, str, str, int | None]]] = {
    1: [
        (4, "Association Trame Solidaire", "admissible", 1),  # 81 (VAT-exempt: TTC = HT)
        (9, "Cap Services Coop (SCOP)", "admissible", 2),  # 79.15
        (15, "Parenthèse Familles Conseil", "late", None),  # received 2018-03-26
    ],
    2: [
        (8, "SCIC Nourrir l'Estuaire", "admissible", 1),  # 83.77
        (2, "Terres Communes Conseil", "admissible", 2),  # 80.49
        (12, "Marion Le Goff Conseil", "admissible", 3),  # 71
    ],
    3: [
        (6, "Les Bâtisseurs Solidaires (SCOP)", "admissible", 1),  # 88.31
        (14, "Atelier Matières Vives (SCIC)", "admissible", 2),  # 81, price 20
        (11, "Échelle Habitat (SCOP)", "admissible", 3),  # 81, price 18
        (3, "Habiter Autrement 44", "admissible", 4),  # 67.14
    ],
    4: [
        (7, "Les Bâtisseurs Solidaires (SCOP)", "admissible", 1),  # 80.18
        (13, "Ressourceries en Réseau", "admissible", 2),  # 77
        (5, "Second Souffle Conseil", "incomplete", None),  # presentation_cv "non"
        (10, "Recyclerie Coopérative de l'Ouest (SCIC)", "over_cap", None),  # 13000 > 12500
    ],
}

# Not admissible: row -> (lot, status, reason code, price_ht)
REJECTED: dict[int, tuple[int, str, str, str]] = {
    15: (1, "late", "late", "5700.00"),  # 380 x 15
    5: (4, "incomplete", "incomplete", "8000.00"),  # 400 x 20
    10: (4, "over_cap", "over_cap", "13000.00"),  # 650 x 20 = 13000.00 > 12500
}


@pytest.fixture(scope="module")
def report() -> dict[str, Any]:
    result = CliRunner().invoke(
        app,
        [
            "score",
            "--format",
            "json",
            "--lots",
            str(ROOT / "lots.yaml"),
            "--criteria",
            str(ROOT / "criteria.yaml"),
        ],
    )
    assert result.exit_code == 0, result.output
    data: dict[str, Any] = json.loads(result.stdout, parse_float=Decimal)
    return data


def offers_by_row(report: dict[str, Any]) -> dict[int, tuple[int, dict[str, Any]]]:
    """row -> (lot id, offer) over the whole report."""
    found: dict[int, tuple[int, dict[str, Any]]] = {}
    for lot in report["lots"]:
        for offer in lot["offers"]:
            assert offer["row"] not in found, offer
            found[offer["row"]] = (lot["id"], offer)
    return found


def test_header_and_lots(report: dict[str, Any]) -> None:
    assert report["tool"]["name"] == "referent"
    assert report["consultation"]["deadline"] == "2018-03-23"
    assert Path(report["inputs"]["offers"]["path"]).name == "offers-2018.xlsx"
    caps = [(lot["id"], lot["cap_ht"], lot["cap_ttc"]) for lot in report["lots"]]
    assert caps == [
        (1, "8333.00", "10000.00"),
        (2, "8333.00", "10000.00"),
        (3, "12500.00", "15000.00"),
        (4, "12500.00", "15000.00"),
    ]


def test_every_offer_reported_once(report: dict[str, Any]) -> None:
    assert sorted(offers_by_row(report)) == list(range(2, 16))  # 14 offers, rows 2-15


@pytest.mark.parametrize("lot_id", [1, 2, 3, 4])
def test_order_status_rank(report: dict[str, Any], lot_id: int) -> None:
    (lot,) = [lot for lot in report["lots"] if lot["id"] == lot_id]
    got = [(o["candidate"], o["status"], o["rank"]) for o in lot["offers"]]
    assert got == [(c, s, r) for _, c, s, r in EXPECTED_ORDER[lot_id]]
    assert [o["row"] for o in lot["offers"]] == [row for row, *_ in EXPECTED_ORDER[lot_id]]


@pytest.mark.parametrize("row", sorted(BY_ROW))
def test_admissible_amounts(report: dict[str, Any], row: int) -> None:
    expected = BY_ROW[row]
    lot_id, offer = offers_by_row(report)[row]
    assert lot_id == expected.lot
    assert offer["candidate"] == expected.candidate
    assert offer["status"] == "admissible"
    assert offer["reasons"] == []
    assert offer["day_rate_ht"] == expected.day_rate_ht
    assert Decimal(offer["days"]) == Decimal(expected.days)
    assert offer["vat_rate"] == expected.vat_rate
    assert offer["price_ht"] == expected.price_ht
    assert offer["price_ttc"] == expected.price_ttc


@pytest.mark.parametrize("row", sorted(BY_ROW))
def test_admissible_points_and_total(report: dict[str, Any], row: int) -> None:
    expected = BY_ROW[row]
    _, offer = offers_by_row(report)[row]
    points = {key: num(value) for key, value in offer["points"].items()}
    assert points == {
        "context": r2(expected.context),
        "technical": r2(expected.technical),
        "competence": r2(expected.competence),
        "price": r2(expected.price),
    }
    assert num(offer["total"]) == r2(expected.total)


def test_hand_totals() -> None:
    """The rounded totals quoted in the comments above, from the exact fractions."""
    totals = {e.row: e.total for e in ADMISSIBLE}
    assert totals == {
        9: F(1029, 13), 4: F(81),
        8: F(6785, 81), 2: F(3139, 39), 12: F(71),
        6: F(4327, 49), 14: F(81), 11: F(81), 3: F(470, 7),
        7: F(357223, 4455), 13: F(77),
    }  # fmt: skip
    assert {row: str(r2(t)) for row, t in totals.items()} == {
        9: "79.15", 4: "81.00",
        8: "83.77", 2: "80.49", 12: "71.00",
        6: "88.31", 14: "81.00", 11: "81.00", 3: "67.14",
        7: "80.18", 13: "77.00",
    }  # fmt: skip


def test_vat_exempt_association(report: dict[str, Any]) -> None:
    _, offer = offers_by_row(report)[4]
    assert offer["candidate"] == "Association Trame Solidaire"
    assert offer["vat_rate"] == "0.00"
    assert offer["price_ttc"] == offer["price_ht"] == "7560.00"


@pytest.mark.parametrize("row", sorted(REJECTED))
def test_rejected_offers(report: dict[str, Any], row: int) -> None:
    lot_id, status, code, price_ht = REJECTED[row]
    got_lot, offer = offers_by_row(report)[row]
    assert got_lot == lot_id
    assert offer["status"] == status
    assert offer["rank"] is None
    assert offer["total"] is None
    assert code in [reason["code"] for reason in offer["reasons"]]
    assert offer["price_ht"] == price_ht


def test_tie_in_lot_3_broken_by_price_points(report: dict[str, Any]) -> None:
    # Row 14: 30x4/5 + 30x3.5/5 + 20x4/5 + 20x9000/9000   = 24 + 21 + 16 + 20 = 81
    # Row 11: 30x4/5 + 30x3.5/5 + 20x4.5/5 + 20x9000/10000 = 24 + 21 + 18 + 18 = 81
    # Exactly equal: tie_break [price, context] puts row 14 (20 price points) first.
    assert BY_ROW[14].total == BY_ROW[11].total == 81
    assert BY_ROW[14].price > BY_ROW[11].price
    (lot,) = [lot for lot in report["lots"] if lot["id"] == 3]
    tied = [o for o in lot["offers"] if o["row"] in (14, 11)]
    assert [(o["row"], o["rank"]) for o in tied] == [(14, 2), (11, 3)]
    assert num(tied[0]["total"]) == num(tied[1]["total"]) == Decimal(81)
    assert num(tied[0]["points"]["price"]) > num(tied[1]["points"]["price"])


@pytest.mark.parametrize("row", [2, 6, 9])
def test_stated_amount_matching_gives_no_warning(report: dict[str, Any], row: int) -> None:
    # Montant HT stated and equal to rate x days: 7800 (row 2), 11760 (row 6),
    # "7 800,00" with a no-break space (row 9).
    _, offer = offers_by_row(report)[row]
    assert offer["warnings"] == []


def workbook_values(path: Path) -> dict[str, list[tuple[Any, ...]]]:
    wb = openpyxl.load_workbook(path)
    try:
        return {ws.title: list(ws.iter_rows(values_only=True)) for ws in wb.worksheets}
    finally:
        wb.close()


def test_example_workbook_is_reproducible(tmp_path: Path) -> None:
    output = tmp_path / "offers.xlsx"
    subprocess.run([sys.executable, str(SCRIPT), str(output)], check=True, capture_output=True)
    rebuilt = workbook_values(output)
    assert list(rebuilt) == ["offers"]
    assert rebuilt == workbook_values(WORKBOOK)
    assert len(rebuilt["offers"]) == 1 + 14
