"""Each function of the evaluation's fast path against figures worked out by hand: the clean
offer's judgement (:mod:`referent_ess.evaluation.clean`), prices as cents, a lot ranked in
integers (:mod:`referent_ess.evaluation.fast_rank`), ranks from floats then exact keys, the
abnormally-low figures worded in integers."""

from dataclasses import FrozenInstanceError, fields
from datetime import date
from decimal import Decimal
from fractions import Fraction as F
from pathlib import Path

import pytest

from referent_ess.config.choices import AbnormalMethod, PriceBasis, PriceModel
from referent_ess.config.loader import load_config
from referent_ess.config.model import Config
from referent_ess.evaluation.abnormally_low import _shown_terms, detect, flagged_units
from referent_ess.evaluation.clean import Clean, LotRules, _budget_check, judge_clean
from referent_ess.evaluation.fast_rank import _new_result, cents, rank_judged
from referent_ess.evaluation.kernel import ranked_order, ranks_by
from referent_ess.evaluation.results import BudgetCheck, OfferResult, Status
from referent_ess.evaluation.rounds import latest_rounds
from referent_ess.intake.offers import Offer
from referent_ess.problems.problem import Problem

LOTS = """\
consultation:
  title: T
  deadline: 2018-03-23
  vat_rate: 0.20
  cap_basis: {basis}
  required_documents: [cv]
  abnormally_low: {{method: mean-ratio, ratio: 0.8}}
lots:
  - {{id: 1, title: Un, cap_ht: 2000, cap_ttc: 2400}}
"""

CRITERIA = """\
criteria:
  - {id: quality, label: Q, weight: 60, min_points: 12}
  - {id: price, label: P, weight: 40, price: {formula: proportional, basis: ttc}}
tie_break: [price]
"""


def config(tmp_path: Path, basis: str = "ht") -> Config:
    (tmp_path / "lots.yaml").write_text(LOTS.format(basis=basis), encoding="utf-8")
    (tmp_path / "criteria.yaml").write_text(CRITERIA, encoding="utf-8")
    return load_config(tmp_path / "lots.yaml", tmp_path / "criteria.yaml")


def offer(row: int = 2, rate: str = "412.47", days: str = "2.5", **changes: object) -> Offer:
    values: dict[str, object] = {
        "row": row,
        "candidate": f"C{row}",
        "lot": 1,
        "day_rate_ht": Decimal(rate),
        "days": Decimal(days),
        "vat_rate": None,
        "price_ht_stated": None,
        "received_at": date(2018, 3, 22),
        "documents": {"cv": True},
        "marks": {"quality": Decimal(4)},
        "cells": {},
    }
    values.update(changes)
    return Offer(**values)  # type: ignore[arg-type]


def test_a_clean_offer_judged_by_hand(tmp_path: Path) -> None:
    rules = LotRules(config(tmp_path).lots[0], config(tmp_path))
    clean = judge_clean(offer(), rules)
    assert clean is not None
    # 412.47 × 2.5 = 1031.175 → 1031.18 HT (half up); × 1.2 = 1237.416 → 1237.42 TTC
    assert (clean.price_ht, clean.price_ttc) == (Decimal("1031.18"), Decimal("1237.42"))
    assert clean.vat_rate == Decimal("0.20")  # the consultation's, the cell being empty
    # cap_basis ht: one check, HT against 2000
    assert clean.budget == (BudgetCheck(PriceBasis.HT, Decimal("1031.18"), Decimal(2000)),)
    # quality 60 × 4 / 5 = 48 points, and their sum 48 as an integer pair
    assert clean.points == {"quality": 48}
    assert F(*clean.marks_sum) == 48
    assert clean.price_model is PriceModel.DAY_RATE


def test_both_caps_make_two_checks_ht_first(tmp_path: Path) -> None:
    both = config(tmp_path, "both")
    clean = judge_clean(offer(), LotRules(both.lots[0], both))
    assert clean is not None
    assert [(c.basis, c.cap) for c in clean.budget] == [
        (PriceBasis.HT, Decimal(2000)),
        (PriceBasis.TTC, Decimal(2400)),
    ]


@pytest.mark.parametrize(
    "changes",
    [
        {"received_at": date(2018, 3, 24)},  # late
        {"documents": {"cv": False}},  # a document absent
        {"marks": {}},  # no mark
        {"marks": {"quality": Decimal("0.5")}},  # 60 × 0.5 / 5 = 6 < its threshold 12
        {"day_rate_ht": Decimal(900)},  # 900 × 2.5 = 2250 HT, over the cap of 2000
        {"day_rate_ht": Decimal(780)},  # 1950 HT within, 2340 TTC within: clean (control)
        {"day_rate_ht": Decimal(790)},  # 1975 HT within 2000, 2370 TTC within 2400: clean
        {"price_ht_stated": Decimal("1031.20")},  # 2 cents off day rate × days: a warning
        {"variant": "B"},
        {"round": 2},
        {"problems": (Problem("hidden-row", row=2),)},
        {"day_rate_ht": None},
        {"days": Decimal(0)},  # a price of 0.00: no formula can score it
    ],
)
def test_what_the_fast_path_leaves_to_judge(tmp_path: Path, changes: dict[str, object]) -> None:
    cfg = config(tmp_path)
    clean = judge_clean(offer(**changes), LotRules(cfg.lots[0], cfg))
    rate = changes.get("day_rate_ht")
    if rate in (Decimal(780), Decimal(790)):
        assert clean is not None
    else:
        assert clean is None


def test_a_price_over_the_cap_not_checked_is_left_to_judge(tmp_path: Path) -> None:
    # 999.80 × 2 = 1999.60 HT within 2000 (checked), × 1.2 = 2399.52 TTC within 2400: clean
    cfg = config(tmp_path)
    rules = LotRules(cfg.lots[0], cfg)
    assert judge_clean(offer(rate="999.80", days="2"), rules) is not None
    # a VAT of 0.25 (unusual but read): 1999.60 × 1.25 = 2499.50 TTC over 2400, HT within
    assert judge_clean(offer(rate="999.80", days="2", vat_rate=Decimal("0.25")), rules) is None


def test_prices_as_cents() -> None:
    assert cents([Decimal("2237.40"), Decimal(1000), Decimal("0.5")]) == ([223740, 100000, 50], 2)
    # a third decimal: the general way, in tenths of a cent
    assert cents([Decimal("1.005"), Decimal(2)]) == ([1005, 2000], 3)
    assert cents([]) == ([], 2)


@pytest.mark.parametrize(
    ("numerator", "denominator", "shown"),
    [
        (1, 8, "0.13"),  # 0.125: half up
        (5, 1000, "0.01"),  # 0.005: half up
        (4, 1000, "0.00"),
        (123456, 100, "1234.56"),
        (100, 100, "1.00"),  # the first amount whose digits are cut
        (99, 100, "0.99"),
        (7, 100, "0.07"),
        (2, 3, "0.67"),
        (0, 7, "0.00"),
        (-1, 8, "-0.13"),  # never a price, said the general way
    ],
)
def test_figures_worded_in_integers(numerator: int, denominator: int, shown: str) -> None:
    assert _shown_terms(numerator, denominator) == shown


def test_ranks_from_floats_then_exact_keys_only_where_floats_are_equal() -> None:
    third = F(1, 3)
    keys = [(F(2),), (third,), (third + F(1, 10**30),), (third,), (F(1, 10),)]
    asked: list[int] = []

    def key(index: int) -> tuple[F, ...]:
        asked.append(index)
        return keys[index]

    approx = [float(k[0]) for k in keys]
    assert approx[1] == approx[2] == approx[3]  # floats cannot tell them apart
    # 2 first; 1/3 + 10^-30 second; the two 1/3 share third place; 1/10 fifth
    assert ranks_by(approx, key) == [1, 3, 2, 3, 5]
    assert set(asked) == {1, 2, 3}  # only the offers whose floats are equal


def test_a_result_built_through_its_slots_is_the_dataclass_one(tmp_path: Path) -> None:
    cfg = config(tmp_path)
    clean = judge_clean(offer(), LotRules(cfg.lots[0], cfg))
    assert clean is not None
    warnings = (Problem("hidden-row", row=2),)
    points = {"quality": F(48), "price": F(40)}
    built = _new_result(clean, warnings, points, F(88), 1)
    expected = OfferResult(
        clean.offer,
        Status.ADMISSIBLE,
        (),
        warnings,
        Decimal("0.20"),
        Decimal("1031.18"),
        Decimal("1237.42"),
        clean.budget,
        points,
        F(88),
        1,
    )
    assert built == expected
    assert type(built) is OfferResult
    assert [getattr(built, f.name) for f in fields(OfferResult)] == [
        getattr(expected, f.name) for f in fields(OfferResult)
    ]
    assert not hasattr(OfferResult, "__post_init__")
    with pytest.raises(FrozenInstanceError):  # as frozen as any other
        built.rank = 2  # type: ignore[misc]


def test_a_budget_check_built_through_its_slots_is_the_dataclass_one() -> None:
    built = _budget_check(PriceBasis.TTC, Decimal("1237.42"), Decimal(2400))
    assert type(built) is BudgetCheck
    assert built == BudgetCheck(PriceBasis.TTC, Decimal("1237.42"), Decimal(2400))
    assert built.margin == Decimal("1162.58")


def test_ranked_order_keeps_the_given_order_within_a_rank_and_names_the_runs() -> None:
    # floats 1, 2, 1, 1, 3: keys of offers 0 and 3 equal (1), offer 2 a hair above them
    keys = [(F(1),), (F(2),), (F(1) + F(1, 10**30),), (F(1),), (F(3),)]
    approx = [float(k[0]) for k in keys]
    order, ranks, runs = ranked_order(approx, keys.__getitem__)
    assert order == [4, 1, 2, 0, 3]  # 0 before 3: equal keys stay in the order given
    assert ranks == [4, 2, 3, 4, 1]
    assert runs == [(2, 5)]  # order[2:5], the three offers whose float is 1.0


def test_abnormally_low_flags_as_a_ranking_needs_them() -> None:
    # 720, 960, 1200 in cents; mean-ratio 0.8: 720 < 0.8 × (960 + 1200) / 2 = 864, flagged;
    # 960 < 0.8 × (720 + 1200) / 2 = 768? no; 1200 no
    flags = flagged_units([72000, 96000, 120000], 2, AbnormalMethod.MEAN_RATIO, Decimal("0.8"))
    assert flags == {
        0: (
            ("explanation_part", "abnormal.mean-ratio"),
            ("price_money", "720.00"),
            ("ratio_num", "0.8"),
            ("others_money", "1080.00"),
            ("count", "2"),
            ("threshold_money", "864.00"),
        )
    }
    # fewer than three prices: none; another method: detect's figures
    assert flagged_units([100, 50000], 2, AbnormalMethod.MEAN_RATIO) == {}
    ffb = flagged_units([72000, 96000, 120000], 2, AbnormalMethod.FFB)
    suspicions = detect([Decimal(720), Decimal(960), Decimal(1200)], AbnormalMethod.FFB)
    assert ffb == {s.index: s.params for s in suspicions}


def test_a_lot_ranked_in_integers_by_hand(tmp_path: Path) -> None:
    cfg = config(tmp_path)
    rules = LotRules(cfg.lots[0], cfg)
    # TTC (basis of the price criterion): A 500 × 2 = 1000 HT → 1200; B 400 × 2 = 800 → 960;
    # C 300 × 2 = 600 → 720; D same as B. Price points 40 × 720 / P: A 24, B and D 30, C 40.
    # Marks 4, 4, 3, 4 → 48, 48, 36, 48. Totals: A 72, B 78, C 76, D 78.
    rows = [
        offer(2, "500", "2"),
        offer(3, "400", "2"),
        offer(4, "300", "2", marks={"quality": Decimal(3)}),
        offer(5, "400", "2"),
    ]
    judged = [judge_clean(row, rules) for row in rows]
    assert all(isinstance(j, Clean) for j in judged)
    lot = rank_judged(
        cfg.lots[0], [j for j in judged if j is not None], cfg, ("o", None), unsure=False
    )
    by_row = {r.offer.row: r for r in lot.offers}
    assert [(r.offer.row, r.rank, r.total) for r in lot.offers] == [
        (3, 1, 78),
        (5, 1, 78),  # B and D tie exactly: same price, same marks
        (4, 3, 76),
        (2, 4, 72),
    ]
    assert dict(by_row[2].points) == {"quality": 48, "price": 24}
    assert list(by_row[4].points) == ["quality", "price"]  # the price's points last
    assert (lot.lowest_price, lot.highest_price) == (Decimal("720.00"), Decimal("1200.00"))
    (tie,) = lot.ties
    assert (tie.total, tie.decided_by) == (78, None)
    # mean-ratio 0.8: C 720 < 0.8 × (1200 + 960 + 960) / 3 = 832: flagged; no other is
    flagged = [r.offer.row for r in lot.offers if r.warnings]
    assert flagged == [4]
    (warning,) = by_row[4].warnings
    assert dict(warning.params)["threshold_money"] == "832.00"
    assert all(r.status is Status.ADMISSIBLE for r in lot.offers)


def test_rows_of_one_round_are_all_evaluated_without_history() -> None:
    rows = (offer(2), offer(3), offer(4, candidate="C2"))  # two rows of C2, both of round 1
    assert latest_rounds(rows) == (list(rows), {})
