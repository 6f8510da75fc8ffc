"""Abnormally low offers: each method on small hand-computed sets, with its boundary."""

from decimal import Decimal

from referent_ess import api
from referent_ess.config.choices import AbnormalMethod
from referent_ess.evaluation.abnormally_low import detect
from referent_ess.evaluation.results import Status

D = Decimal


def flagged(prices: list[str], method: AbnormalMethod, ratio: str = "0.8") -> list[int]:
    return [s.index for s in detect([D(p) for p in prices], method, D(ratio))]


def test_mean_ratio_compares_with_the_mean_of_the_other_offers() -> None:
    # 8000 against 0.8 × mean(10000, 10000) = 8000: not below, so not flagged (the boundary)
    assert flagged(["8000", "10000", "10000"], AbnormalMethod.MEAN_RATIO) == []
    # 7999.99 < 8000: flagged
    assert flagged(["7999.99", "10000", "10000"], AbnormalMethod.MEAN_RATIO) == [0]
    # ratio 0.7: 0.7 × 10000 = 7000
    assert flagged(["7000", "10000", "10000"], AbnormalMethod.MEAN_RATIO, "0.7") == []
    assert flagged(["6999", "10000", "10000"], AbnormalMethod.MEAN_RATIO, "0.7") == [0]


def test_mean_sigma_is_exact_at_its_boundary() -> None:
    # mean 10000, population variance ((2000² × 4) / 4) = 2000²: 8000 is exactly one standard
    # deviation below the mean, not below it: not flagged
    assert flagged(["8000", "12000", "8000", "12000"], AbnormalMethod.MEAN_SIGMA) == []
    # mean 9000, variance (3000² + 1000² + 2000²) / 3 = 14 000 000 / 3, σ ≈ 2160.25:
    # 6000 is 3000 below the mean, more than σ
    found = detect([D(6000), D(10000), D(11000)], AbnormalMethod.MEAN_SIGMA)
    assert [s.index for s in found] == [0]
    assert found[0].explanation == (
        "mean minus one standard deviation: 6000.00 < mean 9000.00 − standard deviation "
        "2160.25 = 6839.75"
    )


def test_ffb_sets_aside_the_dearest_then_compares_with_the_new_mean() -> None:
    # mean 9500; 12000 > 1.2 × 9500 = 11400 is set aside; new mean (5000 + 10000 + 11000) / 3
    # = 8666.67; suspect at or below 0.9 × 8666.67 = 7800
    found = detect([D(5000), D(10000), D(11000), D(12000)], AbnormalMethod.FFB)
    assert [s.index for s in found] == [0]
    assert "7800.00" in found[0].explanation
    # boundary: mean 10000, nothing set aside, 9000 is exactly 10 % below: suspect
    assert flagged(["9000", "10000", "11000"], AbnormalMethod.FFB) == [0]
    assert flagged(["9000.01", "10000", "11000"], AbnormalMethod.FFB) == []


def test_no_method_applies_below_three_offers() -> None:
    for method in AbnormalMethod:
        assert flagged(["100", "10000"], method) == []


def test_a_flagged_offer_stays_admissible_and_ranked(make_config, make_workbook):
    lots, criteria = make_config()
    lots_text = lots.read_text(encoding="utf-8").replace(
        "  required_documents: [cv]\n",
        "  required_documents: [cv]\n  abnormally_low: {method: mean-ratio}\n",
    )
    lots.write_text(lots_text, encoding="utf-8")
    offers = make_workbook(
        [
            ["Cheap", 1, 300, 10, None, "oui", 3],  # 3000 < 0.8 × 7000 = 5600
            ["Normal", 1, 700, 10, None, "oui", 4],
            ["Other", 1, 700, 10, None, "oui", 5],
            ["Alone", 2, 400, 10, None, "oui", 4],
        ]
    )
    evaluation = api.score(lots, criteria, offers)
    lot1, lot2 = evaluation.lots
    cheap = next(r for r in lot1.offers if r.candidate == "Cheap")
    assert cheap.status is Status.ADMISSIBLE
    assert cheap.rank is not None
    (warning,) = [w for w in cheap.warnings if w.code == "abnormally-low"]
    assert warning.cell == "C2"
    assert "3000.00 < 0.8 × 7000.00" in warning.message
    assert "L2152-5" in warning.message
    assert lot1.abnormal_note is None
    assert lot2.abnormal_note == (
        "Abnormally low offers: fewer than 3 admissible offers, so the method chosen "
        "(comparison with the mean of the other offers) does not apply; judge the prices case "
        "by case"
    )
