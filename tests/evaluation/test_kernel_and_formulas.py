"""Known answers for prices, VAT, caps, price formulas and ranking, computed by hand."""

from decimal import ROUND_HALF_EVEN, Decimal
from fractions import Fraction
from pathlib import Path

import openpyxl
import pytest

from referent_ess import api
from referent_ess.base.exact import price_ht, price_ttc, round_half_up
from referent_ess.config.choices import PriceFormula
from referent_ess.evaluation import kernel as scoring
from referent_ess.evaluation.results import Ground, Status

D = Decimal
F = Fraction


# ---- price formulas: P in {8000, 10000, 12500, 16000}, Pmin 8000, Pmax 16000 -----------------


@pytest.mark.parametrize(
    ("price", "share"),
    [
        (D(8000), F(1)),  # 8000 / 8000
        (D(10000), F(4, 5)),  # 8000 / 10000
        (D(12500), F(16, 25)),  # 8000 / 12500 = 0.64
        (D(16000), F(1, 2)),  # 8000 / 16000
    ],
)
def test_proportional_share_is_lowest_over_price(price: Decimal, share: Fraction) -> None:
    got = scoring.price_share(PriceFormula.PROPORTIONAL, price, D(8000), D(16000), D(2))
    assert got == share


@pytest.mark.parametrize(
    ("price", "share"),
    [
        (D(8000), F(1)),  # (16000 - 8000) / 8000
        (D(10000), F(3, 4)),  # 6000 / 8000
        (D(12500), F(7, 16)),  # 3500 / 8000 = 0.4375
        (D(16000), F(0)),  # 0 / 8000
    ],
)
def test_linear_share_goes_from_one_to_zero(price: Decimal, share: Fraction) -> None:
    got = scoring.price_share(PriceFormula.LINEAR, price, D(8000), D(16000), D(2))
    assert got == share


def test_linear_share_is_one_for_everyone_when_all_prices_are_equal() -> None:
    assert scoring.price_share(PriceFormula.LINEAR, D(9000), D(9000), D(9000), D(2)) == 1


@pytest.mark.parametrize(
    ("price", "k", "share"),
    [
        (D(8000), D(2), F(1)),  # (16000 - 8000) / 8000
        (D(10000), D(2), F(3, 4)),  # (16000 - 10000) / 8000
        (D(12500), D(2), F(7, 16)),  # 3500 / 8000
        (D(16000), D(2), F(0)),  # k·Pmin = P: no points
        (D(10000), D("1.5"), F(1, 2)),  # (12000 - 10000) / (0.5 · 8000)
        (D(12500), D("1.5"), F(0)),  # (12000 - 12500) / 4000 < 0 → 0
    ],
)
def test_gap_share(price: Decimal, k: Decimal, share: Fraction) -> None:
    assert scoring.price_share(PriceFormula.GAP, price, D(8000), D(16000), k) == share


def test_points_of_a_marked_criterion() -> None:
    # total 100, weight 30, mark 3.5 / 5 → 30 × 0.7 = 21
    maximum = scoring.max_points(D(100), D(30))
    assert maximum == 30
    assert scoring.mark_points(D("3.5"), D(5), maximum) == 21
    # total 20, weight 25, mark 7 / 10 → 5 × 0.7 = 3.5
    assert scoring.mark_points(D(7), D(10), scoring.max_points(D(20), D(25))) == F(7, 2)


def test_competition_ranks_share_places_and_skip() -> None:
    keys = [(F(80),), (F(90),), (F(80),), (F(70),)]
    assert scoring.competition_ranks(keys) == [2, 1, 2, 4]


# ---- money: ROUND_HALF_UP, where it differs from banker's rounding -----------------------------


def test_price_ht_rounds_half_up() -> None:
    # 447.15 × 21.5 = 9613.725: half up gives .73, banker's rounding would give .72
    assert price_ht(D("447.15"), D("21.5")) == D("9613.73")
    assert D("9613.725").quantize(D("0.01"), ROUND_HALF_EVEN) == D("9613.72")


@pytest.mark.parametrize(
    ("ht", "rate", "ttc"),
    [
        # 20 %: HT × 1.2 of a cent amount never ends in half a cent (12 × cents is even),
        # so the rounding rule shows in the HT product above; here the plain values.
        (D("8333.00"), D("0.20"), D("9999.60")),
        (D("10.01"), D("0.20"), D("12.01")),  # 12.012
        (D("1000.15"), D("0.10"), D("1100.17")),  # 1100.165: banker's → 1100.16
        (D("1003.00"), D("0.055"), D("1058.17")),  # 1003 + 55.165 = 1058.165: banker's → .16
        (D("1005.00"), D("0.021"), D("1026.11")),  # 1005 + 21.105 = 1026.105: banker's → .10
        (D("7560.00"), D("0"), D("7560.00")),  # VAT-exempt: TTC = HT
    ],
)
def test_price_ttc_rounds_half_up(ht: Decimal, rate: Decimal, ttc: Decimal) -> None:
    assert price_ttc(ht, rate) == ttc


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        (F(1, 8), D("0.13")),  # 0.125
        (F(-1, 8), D("-0.13")),  # away from zero
        (F(2, 3), D("0.67")),
        (F(1, 3), D("0.33")),
        (F(4327, 49), D("88.31")),  # 88.306…
        (D("2.675"), D("2.68")),  # float(2.675) is 2.67499…: no float on the way
    ],
)
def test_round_half_up_for_display(value: Fraction | Decimal, shown: Decimal) -> None:
    assert round_half_up(value) == shown


# ---- caps on HT, TTC or both, with a VAT-exempt bidder ------------------------------------------
# Lot 2 of the test consultation: cap 5000.00 HT / 6000.00 TTC.
#   exempt association: 55 × 100 = 5500.00 HT = 5500.00 TTC → over HT, within TTC
#   20 % bidder: 50 × 100 = 5000.00 HT, 6000.00 TTC → exactly at both caps: within
#   20 % bidder: 49 × 102.05 = 5000.45 HT, 6000.54 TTC → over both


@pytest.mark.parametrize(
    ("cap_basis", "statuses"),
    [
        ("ht", ["over_cap", "admissible", "over_cap"]),
        ("ttc", ["admissible", "admissible", "over_cap"]),
        ("both", ["over_cap", "admissible", "over_cap"]),
    ],
)
def test_cap_basis_with_a_vat_exempt_bidder(
    make_config, make_workbook, cap_basis: str, statuses: list[str]
) -> None:
    lots, criteria = make_config(cap_basis=cap_basis)
    offers = make_workbook(
        [
            ["Asso exonérée", 2, 55, 100, "exonéré", "oui", 4],
            ["Bureau juste", 2, 50, 100, "20 %", "oui", 4],
            ["Bureau cher", 2, "102,05", 49, "20 %", "oui", 4],
        ]
    )
    evaluation = api.score(lots, criteria, offers)
    by_row = {r.offer.row: r for r in evaluation.lots[1].offers}
    assert [by_row[row].status.value for row in (2, 3, 4)] == statuses
    assert by_row[2].price_ht == by_row[2].price_ttc == D("5500.00")
    assert (by_row[3].price_ht, by_row[3].price_ttc) == (D("5000.00"), D("6000.00"))
    assert (by_row[4].price_ht, by_row[4].price_ttc) == (D("5000.45"), D("6000.54"))


def test_over_cap_reason_states_the_figures_and_the_legal_basis(make_config, make_workbook):
    lots, criteria = make_config(cap_basis="both")
    offers = make_workbook([["Bureau cher", 2, "102,05", 49, "20 %", "oui", 4]])
    result = api.score(lots, criteria, offers).lots[1].offers[0]
    assert [(r.code, r.message) for r in result.reasons] == [
        ("over_cap", "price HT 5000.45 exceeds the lot's cap HT 5000.00 by 0.45"),
        ("over_cap", "price TTC 6000.54 exceeds the lot's cap TTC 6000.00 by 0.54"),
    ]
    # an unacceptable offer (art. L2152-3), which the catalogues word
    assert [r.ground for r in result.reasons] == [Ground.UNACCEPTABLE, Ground.UNACCEPTABLE]


# ---- statuses and ranking end to end ----------------------------------------------------------


def test_status_order_and_price_points_among_admissible_offers_only(
    make_config, make_workbook
) -> None:
    lots, criteria = make_config()
    offers = make_workbook(
        [
            # candidate, lot, rate, days, vat, cv, quality
            ["Late but cheap", 1, 100, 10, None, "oui", 5],  # 1000 HT, late
            ["Irregular", 1, 200, 10, None, "non", 5],  # 2000 HT, no CV
            ["Too dear", 1, 1100, 10, None, "oui", 5],  # 11000 HT > 10000
            ["Alpha", 1, 400, 10, None, "oui", 4],  # 4000 HT
            ["Beta", 1, 500, 10, None, "oui", 5],  # 5000 HT
        ],
        header=["candidate", "lot", "day_rate_ht", "days", "vat_rate", "cv", "quality"],
    )
    # reception dates, deadline 2018-03-23 inclusive: only the first offer is late
    workbook = openpyxl.load_workbook(offers)
    sheet = workbook["offers"]
    sheet["H1"] = "Reçu le"
    sheet["H2"] = "24/03/2018"
    for row in range(3, 7):
        sheet[f"H{row}"] = "23/03/2018 18:00"
    workbook.save(offers)

    lot = api.score(lots, criteria, offers).lots[0]
    statuses = {r.candidate: r.status for r in lot.offers}
    assert statuses == {
        "Late but cheap": Status.LATE,
        "Irregular": Status.INCOMPLETE,
        "Too dear": Status.OVER_CAP,
        "Alpha": Status.ADMISSIBLE,
        "Beta": Status.ADMISSIBLE,
    }
    # Pmin = 4000 (Alpha), not 1000 (late) nor 2000 (irregular)
    # Alpha: quality 60 × 4/5 = 48, price 40 × 4000/4000 = 40 → 88
    # Beta:  quality 60 × 5/5 = 60, price 40 × 4000/5000 = 32 → 92
    ranked = [(r.candidate, r.rank, r.total, r.points["price"]) for r in lot.ranked]
    assert ranked == [("Beta", 1, F(92), F(32)), ("Alpha", 2, F(88), F(40))]
    assert lot.lowest_price == D("4000.00")
    assert [r.candidate for r in lot.offers] == [
        "Beta",
        "Alpha",
        "Late but cheap",
        "Irregular",
        "Too dear",
    ]


def test_exact_tie_broken_by_price_points_then_shared(make_config, make_workbook, tmp_path):
    lots, _ = make_config()
    criteria = tmp_path / "criteria-tie.yaml"
    criteria.write_text(
        "criteria:\n"
        "  - {id: quality, label: Q, weight: 60}\n"
        "  - {id: price, label: P, weight: 40, price: {formula: linear}}\n"
        "tie_break: [price]\n",
        encoding="utf-8",
    )
    offers = make_workbook(
        [
            # linear on 4000..6000: price points 40 × (6000 − P) / 2000
            ["A", 1, 400, 10, None, "oui", 3],  # 4000: 36 + 40 = 76
            ["B", 1, 600, 10, None, "oui", "4,5"],  # 6000: 54 + 0 = 54
            ["C", 1, 500, 10, None, "oui", 4],  # 5000: 48 + 20 = 68
            ["D", 1, 500, 10, None, "oui", 4],  # 5000: 68, same price points as C
            ["E", 1, 550, 10, None, "oui", "4,5"],  # 5500: 54 + 10 = 64
            ["F", 1, 450, 10, None, "oui", "3,5"],  # 4500: 42 + 30 = 72
            ["G", 1, 550, 10, None, "oui", "5"],  # 5500: 60 + 10 = 70
        ]
    )
    lot = api.score(lots, criteria, offers).lots[0]
    got = [(r.candidate, r.rank, r.total) for r in lot.ranked]
    assert got == [
        ("A", 1, 76),
        ("F", 2, 72),
        ("G", 3, 70),
        ("C", 4, 68),  # C and D tie on total and on price points: they share rank 4
        ("D", 4, 68),
        ("E", 6, 64),
        ("B", 7, 54),
    ]
    assert [(t.total, [r.candidate for r in t.offers], t.decided_by) for t in lot.ties] == [
        (68, ["C", "D"], None)
    ]


def test_exact_tie_on_total_goes_to_more_price_points(make_config, make_workbook) -> None:
    lots, criteria = make_config()
    offers = make_workbook(
        [
            # proportional, Pmin 2000: price points 40 × 2000 / P
            ["Dear but good", 1, 800, 10, None, "oui", 5],  # 60 + 40 × 2000/8000 = 60 + 10
            ["Cheap", 1, 200, 10, None, "oui", "2,5"],  # 30 + 40 = 70
        ]
    )
    lot = api.score(lots, criteria, offers).lots[0]
    # both total exactly 70; tie_break [price]: 40 price points beat 10
    assert [(r.candidate, r.rank, r.total) for r in lot.ranked] == [
        ("Cheap", 1, 70),
        ("Dear but good", 2, 70),
    ]


def test_missing_mark_makes_an_otherwise_admissible_offer_invalid(make_config, make_workbook):
    lots, criteria = make_config()
    offers = make_workbook(
        [
            ["Unmarked", 1, 400, 10, None, "oui", None],
            ["Unmarked but irregular", 1, 400, 10, None, "non", None],
            ["Marked", 1, 500, 10, None, "oui", 3],
        ]
    )
    lot = api.score(lots, criteria, offers).lots[0]
    by_name = {r.candidate: r for r in lot.offers}
    assert by_name["Unmarked"].status is Status.INVALID
    assert [r.code for r in by_name["Unmarked"].reasons] == ["missing-mark"]
    assert by_name["Unmarked"].reasons[0].cell == "G2"
    # an offer already eliminated is not required to be marked
    assert by_name["Unmarked but irregular"].status is Status.INCOMPLETE
    # the only admissible offer gets all the price points: 36 + 40
    assert by_name["Marked"].total == 76


def test_library_gives_the_same_numbers_as_a_script_would() -> None:
    """`import referent_ess` exposes the API lazily and it works on the bundled example."""
    import referent_ess

    root = Path(__file__).resolve().parents[2]
    evaluation = referent_ess.score(root / "lots.yaml", root / "criteria.yaml")
    lot3 = evaluation.lot(3)
    assert lot3 is not None
    assert lot3.winners[0].candidate == "Les Bâtisseurs Solidaires (SCOP)"
    # 30 + 27 + 16 + 20 × 9000 / 11760 = 73 + 750/49 = 4327/49
    assert lot3.winners[0].total == F(4327, 49)


def test_an_unreadable_vat_rate_leaves_the_ttc_price_unknown(make_config, make_workbook):
    lots, criteria = make_config(cap_basis="ttc")
    offers = make_workbook([["Bureau", 1, 400, 10, "?", "oui", 4]])
    result = api.check_budget(lots, criteria, offers).lots[0].offers[0]
    # never the default 20 % in place of what the bidder wrote
    assert (result.price_ht, result.vat_rate, result.price_ttc) == (D("4000.00"), None, None)
    assert result.budget == ()
    assert result.status is Status.INVALID


def test_a_three_way_tie_partly_decided_says_who_still_shares(make_config, make_workbook):
    lots, _ = make_config()
    criteria = Path(lots).parent / "criteria-3.yaml"
    criteria.write_text(
        "criteria:\n"
        "  - {id: quality, label: Q, weight: 60}\n"
        "  - {id: price, label: P, weight: 40, price: {formula: linear}}\n"
        "tie_break: [price]\n",
        encoding="utf-8",
    )
    offers = make_workbook(
        [
            # linear on 4000..6000: price points 40 × (6000 − P) / 2000; quality 60 × mark / 5
            ["A", 1, 400, 10, None, "oui", 0],  # 0 + 40 = 40
            ["B", 1, 500, 10, None, "oui", "0,5"],  # 6 + 20 = 26
            ["C", 1, 600, 10, None, "oui", "2,5"],  # 30 + 0 = 30
            ["D", 1, 400, 10, None, "oui", "0,5"],  # 6 + 40 = 46
            ["E", 1, 450, 10, None, "oui", 0],  # 0 + 30 = 30
            ["F", 1, 600, 10, None, "oui", "2,5"],  # 30 + 0 = 30, same price points as C
        ]
    )
    lot = api.score(lots, criteria, offers).lots[0]
    assert [(r.candidate, r.rank) for r in lot.ranked] == [
        ("D", 1),
        ("A", 2),
        ("E", 3),  # 30 with 30 price points
        ("C", 4),  # 30 with 0 price points, still tied with F
        ("F", 4),
        ("B", 6),
    ]
    (tie,) = lot.ties
    assert tie.total == 30
    assert tie.decided_by == "price"
    assert [[r.candidate for r in same] for same in tie.shared] == [["C", "F"]]


def test_each_missing_mark_is_its_own_reason_with_its_cell(make_config, make_workbook, tmp_path):
    lots, _ = make_config()
    criteria = tmp_path / "criteria-2.yaml"
    criteria.write_text(
        "criteria:\n"
        "  - {id: quality, label: Q, weight: 30}\n"
        "  - {id: team, label: T, weight: 30}\n"
        "  - {id: price, label: P, weight: 40, price: {formula: proportional}}\n",
        encoding="utf-8",
    )
    offers = make_workbook(
        [["Unmarked", 1, 400, 10, None, "oui", None, None]],
        header=["candidate", "lot", "day_rate_ht", "days", "vat_rate", "cv", "quality", "team"],
    )
    result = api.score(lots, criteria, offers).lots[0].offers[0]
    assert [(r.code, r.cell, r.field) for r in result.reasons] == [
        ("missing-mark", "G2", "quality"),
        ("missing-mark", "H2", "team"),
    ]


def test_an_offer_on_each_side_of_the_two_caps_is_flagged(make_config, make_workbook):
    # lot 2: cap 5000.00 HT / 6000.00 TTC, checked TTC; an exempt association at 5500.00
    # is within the TTC cap but over the HT one: a warning, not an exclusion
    lots, criteria = make_config(cap_basis="ttc")
    offers = make_workbook([["Asso", 2, 55, 100, "exonéré", "oui", 4]])
    result = api.score(lots, criteria, offers).lots[1].offers[0]
    assert result.status is Status.ADMISSIBLE
    assert [(w.code, w.message) for w in result.warnings] == [
        (
            "other-cap",
            "over the lot's HT cap (5500.00 against 5000.00), while the cap checked, TTC, says "
            "within",
        )
    ]
