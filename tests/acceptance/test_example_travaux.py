"""Known answers for the third example consultation, ``examples/travaux-2027/``: one lot of each
price model (lump sum, BPU × DQE, DPGF, PSE with a variant, two negotiation rounds).

Every expected value below is computed by hand from the raw numbers typed in
``examples/travaux-2027/make_offers.py`` and the two YAML files beside it, never with the
package's own scoring code:

- every offer is at 20 % VAT, so price TTC = price HT x 1.2 exactly, and the price shares on TTC
  are the HT ones;
- valeur technique 60 = méthodologie 40 + environnement 20, marks 0 to 5: méthodologie 8 x mark,
  environnement 4 x mark; prix 40 points, 40 x Pmin / P on the TTC prices of the admissible
  offers; totals are exact fractions, shown rounded HALF_UP to 2 places;
- caps HT (cap_basis ht): lot 1 60000, lot 2 65000, lot 3 48000, lot 4 68000 (base + retained
  PSE), lot 5 40000; deadline 2027-03-12 12:00, round 2's 2027-04-16 12:00.
"""

from __future__ import annotations

import json
import math
import subprocess
import sys
import zipfile
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from cli_helpers import as_json, run
from typer.testing import CliRunner

from referent_ess.cli import app

ROOT = Path(__file__).resolve().parents[2]
FOLDER = ROOT / "examples" / "travaux-2027"
LOTS = FOLDER / "lots.yaml"
WORKBOOK = FOLDER / "offres.xlsx"
SCRIPT = FOLDER / "make_offers.py"
CONFIG = ["--lots", str(LOTS)]  # criteria.yaml beside it, offres.xlsx from consultation.offers

F = Fraction


def r2(value: Fraction) -> Decimal:
    """Round a non-negative exact value HALF_UP to 2 decimals, without any float."""
    assert value >= 0
    return Decimal(math.floor(value * 100 + F(1, 2))).scaleb(-2)


# (lot, row) -> (candidate, variant, price HT, price TTC, valeur technique, prix, total, rank)
# for every offer evaluated (the latest round of each), worked out by hand.
EXPECTED: dict[tuple[int, int], tuple[str, str | None, str, str, Fraction, Fraction, Fraction, int]]
EXPECTED = {
    # ---- Lot 1, lump sums. Pmin = 32000 x 1.2 = 38400.00 TTC (Désamiante Ouest).
    # Démolitions du Lièvre: marks 5, 4 -> 40 + 16 = 56; 40 x 38400/60000 = 25.6; total 81.6
    (1, 2): ("Démolitions du Lièvre (SAS)", None, "50000.00", "60000.00",
             F(56), F(128, 5), F(408, 5), 1),
    # Bâtir Sain: marks 4, 3 -> 32 + 12 = 44; 40 x 38400/48000 = 32; total 76
    (1, 3): ("Bâtir Sain (SARL)", None, "40000.00", "48000.00", F(44), F(32), F(76), 2),
    # Désamiante Ouest: marks 3, 2 -> 24 + 8 = 32; 40; total 72
    (1, 4): ("Désamiante Ouest (SAS)", None, "32000.00", "38400.00", F(32), F(40), F(72), 3),
    # ---- Lot 2, BPU x DQE (see LOT2_LINES below for each line). Pmin = 50000 x 1.2 = 60000.00
    # TTC (Lemoine, on its recomputed total).
    # Sols et Murs du Val: 60000.00; marks 5, 4 -> 56; 40 x 50000/60000 = 100/3; 56 + 100/3 = 268/3
    (2, 7): ("Sols et Murs du Val (SAS)", None, "60000.00", "72000.00",
             F(56), F(100, 3), F(268, 3), 1),
    # Couleurs d'Orbe: 51000.00; marks 4, 4 -> 48; 40 x 50000/51000 = 2000/51 = 39.2156...;
    # 48 + 2000/51 = (2448 + 2000)/51 = 4448/51 = 87.2156... -> 87.22
    (2, 5): ("Couleurs d'Orbe (SARL)", None, "51000.00", "61200.00",
             F(48), F(2000, 51), F(4448, 51), 2),
    # Lemoine: recomputed 50000.00 (stated 50200.00); marks 3, 3 -> 36; 40; total 76
    (2, 6): ("Atelier Peinture Lemoine", None, "50000.00", "60000.00", F(36), F(40), F(76), 3),
    # ---- Lot 3, DPGF. Pmin = 36000 x 1.2 = 43200.00 TTC (Alu Concept, on the sum of its lines).
    # Fenêtres du Bocage: 3500 + 27000 + 5000 + 6500 + 3000 = 45000; marks 5, 5 -> 60;
    # 40 x 36000/45000 = 32; total 92
    (3, 10): ("Fenêtres du Bocage (SCOP)", None, "45000.00", "54000.00",
              F(60), F(32), F(92), 1),
    # Menuiserie Garnier: 3000 + 24000 + 4500 + 6000 + 2500 = 40000; marks 4, 3 -> 44;
    # 40 x 36000/40000 = 36; total 80
    (3, 8): ("Menuiserie Garnier", None, "40000.00", "48000.00", F(44), F(36), F(80), 2),
    # Alu Concept Ouest: 2500 + 22000 + 4000 + 5500 + 2000 = 36000 (states 36500); marks 3, 2
    # -> 32; 40; total 72
    (3, 9): ("Alu Concept Ouest (SARL)", None, "36000.00", "43200.00", F(32), F(40), F(72), 3),
    # ---- Lot 4, base + PSE1 (retained; PSE2 not). Compared HT: Thermique 50000 + 2000 = 52000;
    # Climat 45000 + 5000 = 50000; its variant 60000 + 5000 = 65000; Chauffage Breton
    # 48000 + 4000 = 52000. Pmin = 50000 x 1.2 = 60000.00 TTC (Climat's base offer).
    # Variant « Pompe à chaleur »: marks 5, 5 -> 60; 40 x 50000/65000 = 400/13 = 30.769...;
    # 60 + 400/13 = 1180/13 = 90.769... -> 90.77
    (4, 13): ("Climat Énergie Ouest (SARL)", "Pompe à chaleur", "65000.00", "78000.00",
              F(60), F(400, 13), F(1180, 13), 1),
    # Thermique: marks 4, 4 -> 48; 40 x 50000/52000 = 500/13 = 38.4615...; 48 + 500/13 = 1124/13
    # = 86.4615... -> 86.46
    (4, 11): ("Thermique Services (SAS)", None, "52000.00", "62400.00",
              F(48), F(500, 13), F(1124, 13), 2),
    # Chauffage Breton: marks 4, 3 -> 44; 500/13; 44 + 500/13 = 1072/13 = 82.4615... -> 82.46
    (4, 14): ("Chauffage Breton (EURL)", None, "52000.00", "62400.00",
              F(44), F(500, 13), F(1072, 13), 3),
    # Climat's base offer: marks 3, 3 -> 36; 40; total 76
    (4, 12): ("Climat Énergie Ouest (SARL)", None, "50000.00", "60000.00",
              F(36), F(40), F(76), 4),
    # ---- Lot 5, round 2 (the offers evaluated: Élec Services' and Lumière's round 2, Courant
    # Fort's round 1). Pmin = 32000 x 1.2 = 38400.00 TTC (Lumière, round 2).
    # Élec Services Orbe: 34000; marks 5, 4 -> 56; 40 x 32000/34000 = 640/17 = 37.647...;
    # 56 + 640/17 = (952 + 640)/17 = 1592/17 = 93.647... -> 93.65
    (5, 18): ("Élec Services Orbe (SARL)", None, "34000.00", "40800.00",
              F(56), F(640, 17), F(1592, 17), 1),
    # Courant Fort Bretagne: 40000 (exactly the cap: within it); marks 4, 4 -> 48;
    # 40 x 32000/40000 = 32; total 80
    (5, 17): ("Courant Fort Bretagne (SARL)", None, "40000.00", "48000.00",
              F(48), F(32), F(80), 2),
    # Lumière et Réseaux: 32000; marks 3, 3 -> 36; 40; total 76
    (5, 19): ("Lumière et Réseaux (SAS)", None, "32000.00", "38400.00", F(36), F(40), F(76), 3),
}  # fmt: skip

# Lot 2's DQE: line -> quantity; and per offer the unit prices, each line's amount
# (unit price x quantity, HALF_UP to the cent) and the sum.
LOT2_QUANTITIES = {"1.1": "1200", "1.2": "1200", "1.3": "450", "1.4": "320", "2.1": "380",
                   "2.2": "380", "2.3": "380", "2.4": "262.5", "3.1": "1", "3.2": "1"}  # fmt: skip
LOT2_AMOUNTS = {
    # 3.50 x 1200 = 4200; 12 x 1200 = 14400; 14 x 450 = 6300; 9 x 320 = 2880; 6 x 380 = 2280;
    # 11 x 380 = 4180; 32 x 380 = 12160; 8.15 x 262.5 = 2139.375 -> 2139.38 (half up);
    # 900; 1560.62. Sum: 4200 + 14400 + 6300 + 2880 + 2280 + 4180 + 12160 = 46400;
    # + 2139.38 = 48539.38; + 900 = 49439.38; + 1560.62 = 51000.00
    "Couleurs d'Orbe (SARL)": ["4200.00", "14400.00", "6300.00", "2880.00", "2280.00",
                               "4180.00", "12160.00", "2139.38", "900.00", "1560.62"],
    # 4 x 1200 = 4800; 11.50 x 1200 = 13800; 13 x 450 = 5850; 10 x 320 = 3200; 5.50 x 380 = 2090;
    # 10 x 380 = 3800; 30 x 380 = 11400; 8 x 262.5 = 2100; 1000; 1960. Sum: 4800 + 13800 = 18600;
    # + 5850 = 24450; + 3200 = 27650; + 2090 = 29740; + 3800 = 33540; + 11400 = 44940;
    # + 2100 = 47040; + 1000 = 48040; + 1960 = 50000.00
    "Atelier Peinture Lemoine": ["4800.00", "13800.00", "5850.00", "3200.00", "2090.00",
                                 "3800.00", "11400.00", "2100.00", "1000.00", "1960.00"],
    # 4 x 1200 = 4800; 13 x 1200 = 15600; 15 x 450 = 6750; 10 x 320 = 3200; 7 x 380 = 2660;
    # 12 x 380 = 4560; 35 x 380 = 13300; 9 x 262.5 = 2362.50; 1200; 5567.50. Sum: 20400;
    # + 6750 = 27150; + 3200 = 30350; + 2660 = 33010; + 4560 = 37570; + 13300 = 50870;
    # + 2362.50 = 53232.50; + 1200 = 54432.50; + 5567.50 = 60000.00
    "Sols et Murs du Val (SAS)": ["4800.00", "15600.00", "6750.00", "3200.00", "2660.00",
                                  "4560.00", "13300.00", "2362.50", "1200.00", "5567.50"],
}  # fmt: skip


@pytest.fixture(scope="module")
def report() -> dict[str, Any]:
    result = CliRunner().invoke(app, ["score", "--format", "json", *CONFIG])
    assert result.exit_code == 0, result.output
    data: dict[str, Any] = json.loads(result.stdout, parse_float=Decimal)
    return data


def lot_of(report: dict[str, Any], lot_id: int) -> dict[str, Any]:
    (lot,) = [lot for lot in report["lots"] if lot["id"] == lot_id]
    return lot


def offer_at(report: dict[str, Any], lot_id: int, row: int) -> dict[str, Any]:
    (offer,) = [o for o in lot_of(report, lot_id)["offers"] if o["row"] == row]
    return offer


def test_hand_arithmetic_adds_up() -> None:
    """The fractions above are what the comments say (a check of the hand work itself)."""
    for (_, _), (_, _, ht, ttc, technical, price, total, _) in EXPECTED.items():
        assert Decimal(ht) * Decimal("1.2") == Decimal(ttc)
        assert technical + price == total
    for amounts in LOT2_AMOUNTS.values():
        assert len(amounts) == len(LOT2_QUANTITIES)
    assert sum(Decimal(a) for a in LOT2_AMOUNTS["Couleurs d'Orbe (SARL)"]) == 51000
    assert sum(Decimal(a) for a in LOT2_AMOUNTS["Atelier Peinture Lemoine"]) == 50000
    assert sum(Decimal(a) for a in LOT2_AMOUNTS["Sols et Murs du Val (SAS)"]) == 60000


def test_every_lot_has_its_price_model(report: dict[str, Any]) -> None:
    models = {lot["id"]: lot["price_model"] for lot in report["lots"]}
    assert models == {1: "lump_sum", 2: "schedule", 3: "dpgf", 4: "lump_sum", 5: "lump_sum"}
    assert [lot["award"]["row"] for lot in report["lots"]] == [2, 7, 10, 13, 18]


@pytest.mark.parametrize(("lot_id", "row"), sorted(EXPECTED))
def test_each_offer_prices_points_total_rank(report: dict[str, Any], lot_id: int, row: int) -> None:
    candidate, variant, ht, ttc, technical, price, total, rank = EXPECTED[(lot_id, row)]
    offer = offer_at(report, lot_id, row)
    assert (offer["candidate"], offer["variant"]) == (candidate, variant)
    assert (offer["price_ht"], offer["price_ttc"]) == (ht, ttc)
    assert offer["status"] == "admissible"
    assert offer["points"] == {"valeur_technique": r2(technical), "prix": r2(price)}
    assert offer["total"] == r2(total)
    assert offer["rank"] == rank


def test_every_offer_is_evaluated_once(report: dict[str, Any]) -> None:
    rows = sorted((lot["id"], o["row"]) for lot in report["lots"] for o in lot["offers"])
    assert rows == sorted(EXPECTED)  # rows 15 and 16 are round 1, history only
    assert report["problems"] == [] or all(p["severity"] == "warning" for p in report["problems"])


def test_lot_2_lines_and_the_arithmetic_error(report: dict[str, Any]) -> None:
    for row, candidate in ((5, "Couleurs d'Orbe (SARL)"), (6, "Atelier Peinture Lemoine"),
                           (7, "Sols et Murs du Val (SAS)")):  # fmt: skip
        offer = offer_at(report, 2, row)
        assert [line["id"] for line in offer["lines"]] == list(LOT2_QUANTITIES)
        assert [line["quantity"] for line in offer["lines"]] == list(LOT2_QUANTITIES.values())
        assert [line["amount"] for line in offer["lines"]] == LOT2_AMOUNTS[candidate]
    # Line 2.4 of Couleurs d'Orbe needs rounding: 8.15 x 262.5 = 2139.375 -> 2139.38
    plinthes = offer_at(report, 2, 5)["lines"][7]
    assert (plinthes["unit_price"], plinthes["amount"]) == ("8.15", "2139.38")
    # Lemoine states 11600.00 for line 2.3 (30 x 380 = 11400.00) and a total of 50200.00 =
    # 50000.00 + 200.00: the unit prices prevail, it is evaluated on 50000.00.
    lemoine = offer_at(report, 2, 6)
    assert lemoine["lines"][6]["stated_amount"] == "11600.00"
    assert lemoine["lines"][6]["amount"] == "11400.00"
    stated = [line["stated_amount"] for line in lemoine["lines"]]
    assert [s for s, a in zip(stated, LOT2_AMOUNTS["Atelier Peinture Lemoine"], strict=True)
            if s != a] == ["11600.00"]  # fmt: skip
    assert (lemoine["stated_price_ht"], lemoine["recomputed_price_ht"]) == ("50200.00", "50000.00")
    assert (lemoine["arithmetic_error"], lemoine["prevails"]) == (True, "unit_price")
    (warning,) = lemoine["warnings"]
    assert (warning["code"], warning["cell"]) == ("arithmetic-error", "E6")
    assert "50200.00" in warning["message"]
    assert "line 2.3" in warning["message"]
    for row in (5, 7):
        assert offer_at(report, 2, row)["arithmetic_error"] is False


def test_lot_3_dpgf_lines_that_do_not_add_up(report: dict[str, Any]) -> None:
    alu = offer_at(report, 3, 9)
    # 2500 + 22000 + 4000 + 5500 + 2000 = 36000.00; the offer states 36500.00
    assert [line["amount"] for line in alu["lines"]] == [
        "2500.00", "22000.00", "4000.00", "5500.00", "2000.00",
    ]  # fmt: skip
    assert (alu["stated_price_ht"], alu["recomputed_price_ht"], alu["price_ht"]) == (
        "36500.00",
        "36000.00",
        "36000.00",
    )
    assert alu["arithmetic_error"] is True
    (warning,) = alu["warnings"]
    assert (warning["code"], warning["cell"]) == ("arithmetic-error", "E9")
    for row in (8, 10):
        assert offer_at(report, 3, row)["arithmetic_error"] is False


def test_lot_4_pse_and_the_variant(report: dict[str, Any]) -> None:
    lot = lot_of(report, 4)
    assert lot["pse_retained"] == ["PSE1"]
    # base + PSE1, and PSE2 priced but not counted
    bases = {row: (o["base_price_ht"], [p["amount_ht"] for p in o["pse"]])
             for o in lot["offers"] for row in [o["row"]]}  # fmt: skip
    assert bases == {
        11: ("50000.00", ["2000.00", "8000.00"]),
        12: ("45000.00", ["5000.00", "5000.00"]),
        13: ("60000.00", ["5000.00", "5000.00"]),
        14: ("48000.00", ["4000.00", "12000.00"]),
    }
    # the variant ranks above its own base offer (allowed), named as a variant
    assert offer_at(report, 4, 13)["variant"] == "Pompe à chaleur"
    assert offer_at(report, 4, 12)["variant"] is None


def test_pse_combinations_of_lot_4(runner: CliRunner) -> None:
    """Every combination, by hand (TTC shares = HT shares):
    - none: Thermique 50000, Climat 45000, variant 60000, Breton 48000; Pmin 45000. Variant
      60 + 40 x 45/60 = 90; Thermique 48 + 36 = 84; Breton 44 + 40 x 45/48 = 44 + 37.5 = 81.5;
      Climat 36 + 40 = 76;
    - PSE1 (lots.yaml's): the ranking of the score (90.77, 86.46, 82.46, 76);
    - PSE2: 58000, 50000, 65000, 60000; Pmin 50000. Variant 60 + 400/13 = 90.77; Thermique
      48 + 40 x 50/58 = 48 + 1000/29 = 2392/29 = 82.48; Breton 44 + 40 x 50/60 = 232/3 = 77.33;
      Climat 76;
    - both: 60000, 55000, 70000, 64000; the variant is over the cap of 68000 HT (70000 > 68000):
      not ranked. Pmin 55000: Thermique 48 + 40 x 55/60 = 48 + 110/3 = 254/3 = 84.67, first;
      Breton 44 + 40 x 55/64 = 44 + 34.375 = 78.375 -> 78.38; Climat 76.
    The first ranked changes: with both PSE, Thermique Services wins."""
    data = as_json(run(runner, ["pse", "--lot", "4", "--format", "json", *CONFIG], 0))
    assert data["winner_changes"] is True
    got = [
        (
            c["retained"],
            c["configured"],
            [(o["row"], o["price_ht"], o["total"]) for o in c["offers"]],
        )
        for c in data["combinations"]
    ]
    assert got == [
        ([], False, [(13, "60000.00", 90), (11, "50000.00", 84), (14, "48000.00", Decimal("81.5")),
                     (12, "45000.00", 76)]),
        (["PSE1"], True, [(13, "65000.00", r2(F(1180, 13))), (11, "52000.00", r2(F(1124, 13))),
                          (14, "52000.00", r2(F(1072, 13))), (12, "50000.00", 76)]),
        (["PSE2"], False, [(13, "65000.00", r2(F(1180, 13))), (11, "58000.00", r2(F(2392, 29))),
                           (14, "60000.00", r2(F(232, 3))), (12, "50000.00", 76)]),
        (["PSE1", "PSE2"], False, [(11, "60000.00", r2(F(254, 3))),
                                   (14, "64000.00", Decimal("78.38")), (12, "55000.00", 76)]),
    ]  # fmt: skip
    assert [c["winner_rows"] for c in data["combinations"]] == [[13], [13], [13], [11]]
    # the variant is not silently dropped: 60000 + 5000 + 5000 = 70000.00 > 68000.00
    assert [c["set_aside"] for c in data["combinations"]] == [[], [], [], [
        {"candidate": "Climat Énergie Ouest (SARL)", "row": 13, "variant": "Pompe à chaleur",
         "status": "over_cap", "price_ht": "70000.00"},
    ]]  # fmt: skip


def test_lot_5_round_history_and_regularisation(report: dict[str, Any]) -> None:
    """Round 1 as it stood: Élec Services 35000 without its attestation de visite: incomplete,
    not ranked; Lumière 36000 (43200 TTC), Courant Fort 40000 (48000 TTC); Pmin 43200. Lumière
    36 + 40 = 76, rank 2; Courant Fort 48 + 40 x 43200/48000 = 48 + 36 = 84, rank 1.
    Round 2: Élec Services 34000, complete: regularised, first (1592/17 = 93.65); Lumière lowers
    its price to 32000 (76, rank 3)."""
    elec = offer_at(report, 5, 18)
    assert (elec["round"], elec["regularised"]) == (2, True)
    assert [(r["round"], r["row"], r["status"], r["price_ht"], r["total"], r["rank"])
            for r in elec["rounds"]] == [
        (1, 15, "incomplete", "35000.00", None, None),
        (2, 18, "admissible", "34000.00", r2(F(1592, 17)), 1),
    ]  # fmt: skip
    lumiere = offer_at(report, 5, 19)
    assert (lumiere["round"], lumiere["regularised"]) == (2, False)
    assert [(r["round"], r["row"], r["status"], r["price_ht"], r["total"], r["rank"])
            for r in lumiere["rounds"]] == [
        (1, 16, "admissible", "36000.00", 76, 2),
        (2, 19, "admissible", "32000.00", 76, 3),
    ]  # fmt: skip
    courant = offer_at(report, 5, 17)
    # its only round is its latest: the one evaluated in the final ranking (80, rank 2), not the
    # standing of round 1 (84, rank 1), which only the offers revised later keep as history
    assert [(r["round"], r["total"], r["rank"]) for r in courant["rounds"]] == [(1, 80, 2)]
    # exactly at the cap: within it, margin 0
    assert courant["budget"] == [
        {"basis": "ht", "cap": "40000.00", "price": "40000.00", "margin": "0.00", "within": True}
    ]


def test_explain_shows_the_lines_the_error_and_the_rounds(runner: CliRunner) -> None:
    out = run(runner, ["explain", "--lot", "2", "Atelier Peinture Lemoine", *CONFIG], 0).stdout
    text = " ".join(out.split())
    assert "30.00 × 380 m² = 11400.00 (the amount stated, 11600.00" in text
    assert "8.00 × 262.5 ml = 2100.00" in text
    assert "states a total HT of 50200.00, its lines make 50000.00" in text
    out = run(runner, ["explain", "--lot", "5", "Élec Services Orbe (SARL)", *CONFIG], 0).stdout
    text = " ".join(out.split())
    assert "Round 1 (row 15): incomplete, price 35000.00 € HT." in text
    assert "regularised during the negotiation" in text
    # received 14/04/2027 10:30, judged against round 2's deadline (16/04/2027 12:00)
    assert "by the deadline 2027-04-16 12:00 (the deadline of round 2)" in text
    out = run(
        runner,
        ["explain", "--lot", "4", "Climat Énergie Ouest (SARL)", "--variant", "pompe a chaleur",
         *CONFIG],
        0,
    ).stdout  # fmt: skip
    assert "variant “Pompe à chaleur” of Climat Énergie Ouest (SARL)" in out


@pytest.mark.parametrize(
    ("lot_id", "winner", "total"),
    [
        (1, "Démolitions du Lièvre (SAS)", "81.60"),
        (2, "Sols et Murs du Val (SAS)", "89.33"),
        (3, "Fenêtres du Bocage (SCOP)", "92.00"),
        (4, "Climat Énergie Ouest (SARL)", "90.77"),
        (5, "Élec Services Orbe (SARL)", "93.65"),
    ],
)
def test_rank_each_lot(runner: CliRunner, lot_id: int, winner: str, total: str) -> None:
    out = run(runner, ["rank", "--lot", str(lot_id), *CONFIG], 0).stdout
    first = next(line for line in out.splitlines() if "★" in line)
    assert winner in first
    assert total in first


def test_check_budget_finds_no_offer_over_its_cap(runner: CliRunner) -> None:
    data = as_json(run(runner, ["check-budget", "--format", "json", *CONFIG], 0))
    margins = {
        (lot["id"], o["row"]): o["budget"][0]["margin"]
        for lot in data["lots"]
        for o in lot["offers"]
    }
    # cap HT - compared price HT
    assert margins == {
        (1, 2): "10000.00", (1, 3): "20000.00", (1, 4): "28000.00",
        (2, 5): "14000.00", (2, 6): "15000.00", (2, 7): "5000.00",
        (3, 8): "8000.00", (3, 9): "12000.00", (3, 10): "3000.00",
        (4, 11): "16000.00", (4, 12): "18000.00", (4, 13): "3000.00", (4, 14): "16000.00",
        (5, 17): "0.00", (5, 18): "6000.00", (5, 19): "8000.00",
    }  # fmt: skip


def test_validate_and_lint(runner: CliRunner) -> None:
    data = as_json(run(runner, ["validate", "--format", "json", *CONFIG], 0))
    assert (data["valid"], data["errors"]) == (True, [])
    codes = sorted((p["code"], p["cell"]) for p in data["warnings"])
    assert codes == [("arithmetic-error", "E6"), ("arithmetic-error", "E9")]
    data = as_json(run(runner, ["lint", "--format", "json", *CONFIG], 0))
    # no risk (the environmental sub-criterion, announced sub-weights); advice only
    assert data["risks"] == 0
    assert {f["severity"] for f in data["findings"]} == {"advice"}


@pytest.mark.parametrize(
    "words",
    [
        ["score"],
        ["simulate", "--lot", "4"],
        ["sensitivity", "--lot", "4"],
        ["sensitivity", "--lot", "5"],
        ["explain", "--lot", "3", "Alu Concept Ouest (SARL)"],
        ["--lang", "fr", "score"],
    ],
)
def test_other_commands_run(runner: CliRunner, words: list[str]) -> None:
    run(runner, [*words, *CONFIG], 0)


def test_sensitivity_of_lot_4_keeps_the_variant_without_its_base_offer(runner: CliRunner) -> None:
    """Without Climat's base offer (Pmin 50000), Pmin becomes 52000 x 1.2: the variant has
    60 + 40 x 52000/65000 = 60 + 32 = 92, Thermique 48 + 40 = 88: the variant stays first."""
    data = as_json(run(runner, ["sensitivity", "--lot", "4", "--format", "json", *CONFIG], 0))
    changed = {(x["removed"]["row"], x["winner_changes"]) for x in data["leave_one_out"]}
    assert changed == {(11, False), (12, False), (14, False)}


@pytest.mark.parametrize("suffix", [".html", ".xlsx", ".docx"])
def test_report(runner: CliRunner, tmp_path: Path, suffix: str) -> None:
    out = tmp_path / f"rapport{suffix}"
    run(runner, ["--lang", "fr", "report", "--out", str(out), *CONFIG], 0)
    if suffix == ".html":
        text = out.read_text(encoding="utf-8")
    elif suffix == ".docx":
        with zipfile.ZipFile(out) as archive:
            text = archive.read("word/document.xml").decode("utf-8")
    else:
        wb = openpyxl.load_workbook(out)
        text = " ".join(
            str(v) for ws in wb.worksheets for row in ws.iter_rows(values_only=True) for v in row
        )
        wb.close()
    for name in ("Démolitions du Lièvre", "Sols et Murs du Val", "Fenêtres du Bocage",
                 "Pompe à chaleur", "Élec Services Orbe"):  # fmt: skip
        assert name in text, name


@pytest.mark.parametrize("fmt", ["docx", "markdown"])
def test_letters(runner: CliRunner, tmp_path: Path, fmt: str) -> None:
    folder = tmp_path / "lettres"
    run(runner, ["--lang", "fr", "letters", "--format", fmt, "--out", str(folder), *CONFIG], 0)
    # one letter per offer evaluated: 3 + 3 + 3 + 4 (the variant has its own) + 3
    assert len(list(folder.iterdir())) == 16
    if fmt == "markdown":
        winner = (folder / "lot-5-elec-services-orbe-sarl.md").read_text(encoding="utf-8")
        assert "93,65 points sur 100" in winner
        assert "remise au tour 2 de la négociation" in winner


def test_export_ocds(runner: CliRunner, tmp_path: Path) -> None:
    out = tmp_path / "ocds.json"
    run(runner, ["export", "--ocds", "--out", str(out), *CONFIG], 0)
    release = json.loads(out.read_text(encoding="utf-8"), parse_float=Decimal)
    # bids.details.value: the compared price HT of each offer evaluated (lot 4: base + PSE1)
    values = {bid["id"]: bid["value"]["amount"] for bid in release["bids"]["details"]}
    assert values == {f"lot-{lot}-row-{row}": Decimal(e[2]) for (lot, row), e in EXPECTED.items()}
    assert "Pompe à chaleur" in out.read_text(encoding="utf-8")


def test_template_has_the_sheets_the_models_need(runner: CliRunner, tmp_path: Path) -> None:
    out = tmp_path / "modele.xlsx"
    run(runner, ["template", "--out", str(out), *CONFIG], 0)
    wb = openpyxl.load_workbook(out)
    try:
        names = [name.lower() for name in wb.sheetnames]
        assert "prix" in names
        prix = wb[wb.sheetnames[names.index("prix")]]
        values = {str(v) for row in prix.iter_rows(values_only=True) for v in row if v is not None}
        # the lines of lots 2 and 3, once each
        assert {"1.1", "2.4", "3.2", "A", "E"} <= values
    finally:
        wb.close()


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
    assert list(rebuilt) == ["offres", "prix"]
    assert rebuilt == workbook_values(WORKBOOK)
    # 18 rows of offers (lot 5 twice for two candidates); 3 x 10 lines of lot 2 + 3 x 5 of lot 3
    assert (len(rebuilt["offres"]), len(rebuilt["prix"])) == (1 + 18, 1 + 30 + 15)


def test_readme_quotes_the_figures() -> None:
    text = (FOLDER / "README.md").read_text(encoding="utf-8")
    for figure in ("81,60", "89,33", "92,00", "90,77", "93,65", "50 200,00", "36 500,00",
                   "2 139,38", "1592/17", "84,67"):  # fmt: skip
        assert figure in text, figure
