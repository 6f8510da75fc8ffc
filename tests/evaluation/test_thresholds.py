"""Announced thresholds (``min_points``): an offer with fewer points on a criterion or
sub-criterion than the threshold the consultation rules announce is eliminated (status
below_threshold, reason below_threshold, the rules' own ground); at the threshold exactly it
passes; eliminated offers take no part in the price points of the others. Every figure by hand
(see tests/descriptor_consultation.py for the shared consultation)."""

from decimal import Decimal
from fractions import Fraction as F
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from descriptor_consultation import CRITERIA, LOTS, write_consultation
from referent_ess import api
from referent_ess.config.loader import load_config
from referent_ess.config.model import Config
from referent_ess.evaluation.engine import evaluate
from referent_ess.evaluation.results import Evaluation, Ground, Status
from referent_ess.intake.offers import Offer, OfferBook


def test_the_shared_consultation_by_hand(tmp_path: Path) -> None:
    lot = api.score(*write_consultation(tmp_path)).lots[0]
    by_name = {r.candidate: r for r in lot.offers}
    alpha, beta, gamma, delta = (by_name[n] for n in ("Alpha", "Beta", "Gamma", "Delta"))
    # Alpha: methode 8 × 5 = 40, moyens 4 × 3 = 12, technique 52; prix 40 × 9600/12000 = 32
    assert dict(alpha.points) == {
        "technique": 52,
        "methode": 40,
        "moyens": 12,
        "prix": 32,
    }
    assert (alpha.status, alpha.rank, alpha.total) == (Status.ADMISSIBLE, 1, 84)
    # Beta: methode 8 × 3 = 24, moyens 4 × 1.5 = 6: technique 30, exactly its threshold
    assert (beta.points["technique"], beta.points["methode"]) == (30, 24)
    assert (beta.status, beta.rank, beta.total) == (Status.ADMISSIBLE, 2, 70)  # 30 + 40
    assert beta.reasons == ()
    # Gamma: methode 8 × 1 = 8 < 16 and technique 8 + 20 = 28 < 30: two reasons, tree order
    assert gamma.status is Status.BELOW_THRESHOLD
    assert gamma.rank is None
    assert gamma.total is None
    assert "prix" not in gamma.points  # eliminated: no price points
    assert [(r.code, r.field, r.params) for r in gamma.reasons] == [
        (
            "below_threshold",
            "technique",
            (("criterion", "Valeur technique"), ("points_num", "28.00"), ("min_num", "30")),
        ),
        (
            "below_threshold",
            "methode",
            (("criterion", "Méthodologie"), ("points_num", "8.00"), ("min_num", "16")),
        ),
    ]
    assert [r.cell for r in gamma.reasons] == [None, "F4"]  # a leaf's own mark cell
    assert all(r.ground is Ground.THRESHOLD for r in gamma.reasons)
    # Delta: methode 24 (the mark 3 typed), moyens 4 × 1 = 4: technique 28 < 30 only
    assert delta.status is Status.BELOW_THRESHOLD
    assert [r.field for r in delta.reasons] == ["technique"]
    # Pmin is Beta's 9600: Gamma's 8400 TTC is not an admissible price
    assert lot.lowest_price == Decimal("9600.00")
    assert not lot.provisional  # an elimination is no data error
    assert lot.award is alpha


def test_the_ground_is_the_consultation_rules_own() -> None:
    # its own ground, none of the Code's (worded by the catalogues: tests/render)
    assert Ground.THRESHOLD not in (Ground.IRREGULAR, Ground.UNACCEPTABLE, Ground.INAPPROPRIATE)
    assert Status.BELOW_THRESHOLD is list(Status)[-2]  # after every other ground, before admissible


def offer(row: int, methode: Decimal | F, moyens: Decimal | F, day_rate: int = 400) -> Offer:
    return Offer(
        row=row,
        candidate=f"C{row}",
        lot=1,
        day_rate_ht=Decimal(day_rate),
        days=Decimal(20),
        vat_rate=None,
        price_ht_stated=None,
        received_at=None,
        documents={},
        marks={"methode": methode, "moyens": moyens},
        cells={},
    )


def config_of(tmp_path: Path, criteria: str = CRITERIA) -> Config:
    (tmp_path / "lots.yaml").write_text(LOTS, encoding="utf-8")
    (tmp_path / "criteria.yaml").write_text(criteria, encoding="utf-8")
    return load_config(tmp_path / "lots.yaml", tmp_path / "criteria.yaml")


def run(config: Config, offers: list[Offer]) -> Evaluation:
    return evaluate(config, OfferBook(Path("offers.xlsx"), "", "offers", (), tuple(offers)))


def test_exactly_at_a_sub_criterion_threshold_passes(tmp_path: Path) -> None:
    config = config_of(tmp_path)
    # methode 2: 8 × 2 = 16, its threshold exactly; moyens 5: 20; technique 36 ≥ 30
    # methode 1.99: 8 × 1.99 = 15.92 < 16
    offers = [offer(2, Decimal(2), Decimal(5)), offer(3, Decimal("1.99"), Decimal(5))]
    at, below = run(config, offers).lots[0].offers
    assert at.status is Status.ADMISSIBLE
    assert below.status is Status.BELOW_THRESHOLD
    assert below.reasons[0].params[1:] == (("points_num", "15.92"), ("min_num", "16"))


def test_rounding_never_hides_a_shortfall(tmp_path: Path) -> None:
    # the mean of three evaluators: methode (2 + 2 + 1.999) / 3 = 5.999/3; 8 × 5.999/3 =
    # 47.992/3 = 15.99733…, shown 16.00 but below 16: the exact figure is said
    config = config_of(tmp_path)
    mean = F(5999, 3000)
    (result,) = run(config, [offer(2, mean, Decimal(5))]).lots[0].offers
    assert result.status is Status.BELOW_THRESHOLD
    (reason,) = result.reasons
    assert reason.params == (
        ("form", "exact"),
        ("criterion", "Méthodologie"),
        ("points_num", "16.00"),
        ("min_num", "16"),
        ("exact", "5999/375"),  # 8 × 5999/3000 = 5999/375
    )
    assert reason.message == (
        '16.00 points on "Méthodologie" (exactly 5999/375), below the eliminatory threshold '
        "of 16 points announced in the consultation rules"
    )


def test_an_earlier_status_comes_first_and_the_threshold_is_still_listed(tmp_path: Path) -> None:
    lots = LOTS.replace("cap_ht: 100000", "cap_ht: 5000")
    (tmp_path / "lots.yaml").write_text(lots, encoding="utf-8")
    (tmp_path / "criteria.yaml").write_text(CRITERIA, encoding="utf-8")
    config = load_config(tmp_path / "lots.yaml", tmp_path / "criteria.yaml")
    # 400 × 20 = 8000 HT over the cap of 5000; methode 1 → 8 < 16
    (result,) = run(config, [offer(2, Decimal(1), Decimal(5))]).lots[0].offers
    assert result.status is Status.OVER_CAP
    assert [r.code for r in result.reasons] == ["over_cap", "below_threshold", "below_threshold"]


def test_a_missing_mark_of_an_eliminated_offer_is_not_asked_for(tmp_path: Path) -> None:
    # methode Insuffisant (0 < 16) and no moyens: the jury need not mark an eliminated offer;
    # technique cannot be summed, so only methode's threshold is judged
    config = config_of(tmp_path)
    eliminated = Offer(
        row=2,
        candidate="C2",
        lot=1,
        day_rate_ht=Decimal(400),
        days=Decimal(20),
        vat_rate=None,
        price_ht_stated=None,
        received_at=None,
        documents={},
        marks={"methode": Decimal(0)},
        cells={},
    )
    (result,) = run(config, [eliminated]).lots[0].offers
    assert result.status is Status.BELOW_THRESHOLD
    assert [(r.code, r.field) for r in result.reasons] == [("below_threshold", "methode")]


def test_a_threshold_on_a_top_level_criterion_of_a_flat_set(tmp_path: Path) -> None:
    criteria = """\
criteria:
  - {id: valeur, label: Valeur technique, weight: 60, min_points: 20}
  - {id: prix, label: Prix, weight: 40, price: {formula: proportional}}
"""
    config = config_of(tmp_path, criteria)
    # valeur = 60 × mark/5 = 12 × mark: 1.5 → 18 < 20; 2 → 24
    rows = [
        Offer(r, f"C{r}", 1, Decimal(400), Decimal(20), None, None, None, {}, {"valeur": m}, {})
        for r, m in ((2, Decimal("1.5")), (3, Decimal(2)))
    ]
    low, high = run(config, rows).lots[0].offers[::-1]  # ranked first, then the others
    assert low.status is Status.BELOW_THRESHOLD
    assert low.reasons[0].params == (
        ("criterion", "Valeur technique"),
        ("points_num", "18.00"),
        ("min_num", "20"),
    )
    assert (high.status, high.rank, high.total) == (Status.ADMISSIBLE, 1, 64)  # 24 + 40


MARKS = st.decimals(min_value=0, max_value=5, places=1)


@settings(deadline=None, max_examples=150, derandomize=True)
@given(marks=st.lists(st.tuples(MARKS, MARKS), min_size=1, max_size=6))
def test_an_offer_is_eliminated_exactly_when_a_threshold_is_missed(
    tmp_path_factory: pytest.TempPathFactory, marks: list[tuple[Decimal, Decimal]]
) -> None:
    folder = tmp_path_factory.mktemp("thresholds")
    config = config_of(folder)
    offers = [offer(row, a, b, 300 + row) for row, (a, b) in enumerate(marks, start=2)]
    for result in run(config, offers).lots[0].offers:
        methode = 8 * F(result.offer.marks["methode"])
        technique = methode + 4 * F(result.offer.marks["moyens"])
        missed = methode < 16 or technique < 30
        assert (result.status is Status.BELOW_THRESHOLD) == missed
        assert (result.rank is None) == missed
        expected = [
            f for f, low in (("technique", technique < 30), ("methode", methode < 16)) if low
        ]
        assert [r.field for r in result.reasons] == expected
