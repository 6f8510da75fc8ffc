"""The lot-level warning ``vat-basis``: prices compared HT while the VAT rates of a lot's
admissible offers differ. The lot is ranked again on TTC, and the warning says whether the first
rank would change and to whom.

The small consultation of ``conftest.py``: quality 60 points (marks out of 5), price 40 points,
proportional, lot 1 capped at 10000 HT (cap_basis ht). Every figure below is worked by hand:

- "Association": 400 × 10 = 4000.00 HT, VAT-exempt, so 4000.00 TTC;
- "Company": 380 × 10 = 3800.00 HT, 20 %, so 3800 × 1.2 = 4560.00 TTC.
"""

from collections.abc import Callable
from fractions import Fraction
from pathlib import Path

import pytest

from referent_ess import api
from referent_ess.evaluation.results import Evaluation, LotResult
from referent_ess.i18n import language, message
from referent_ess.problems.problem import Severity

HT_WORDS = "prices are compared HT although the VAT rates of its admissible offers differ"


def lot_one(evaluation: Evaluation) -> LotResult:
    lot = evaluation.lot(1)
    assert lot is not None
    return lot


@pytest.fixture
def score(make_config, make_workbook) -> Callable[..., Evaluation]:
    def run(rows: list[list[object]], *, basis: str = "ht") -> Evaluation:
        lots, criteria = make_config(basis=basis)
        return api.score(lots, criteria, make_workbook(rows))

    return run


def test_ttc_would_rank_the_vat_exempt_association_first(score: Callable[..., Evaluation]) -> None:
    # Equal marks 4: 60 × 4/5 = 48 each.
    # HT: Pmin 3800; Association 48 + 40 × 3800/4000 = 48 + 38 = 86, Company 48 + 40 = 88.
    # TTC: Pmin 4000; Association 48 + 40 = 88, Company 48 + 40 × 4000/4560 = 48 + 2000/57
    # = 4736/57 = 83.09...: the association would rank first.
    evaluation = score(
        [
            ["Association", 1, 400, 10, "exonéré", "oui", 4],
            ["Company", 1, 380, 10, "20 %", "oui", 4],
        ]
    )
    lot = lot_one(evaluation)
    # the ranking itself is the HT one the buyer chose: the warning changes nothing
    assert [(r.candidate, r.total) for r in lot.ranked] == [("Company", 88), ("Association", 86)]
    (warning,) = lot.warnings
    assert warning.code == "vat-basis"
    assert warning.severity is Severity.WARNING
    assert dict(warning.params) == {
        "form": "changes",
        "lot": "1",
        "ht_first": "Company",
        "ttc_first": "Association",
    }
    assert (warning.cell, warning.row, warning.sheet) == (None, None, None)
    assert Path(str(warning.file)).name == "offers.xlsx"
    assert warning.message == (
        f"lot 1: {HT_WORDS}; compared TTC, what the buyer pays, the first rank would go to "
        "Association instead of Company"
    )
    with language("fr"):
        assert message(warning.code, warning.params) == (
            "lot 1 : les prix sont comparés HT alors que les taux de TVA de ses offres "
            "admissibles diffèrent ; comparés TTC, ce que paie l'acheteur, le premier rang "
            "reviendrait à Association au lieu de Company"
        )


def test_ttc_would_keep_the_same_first(score: Callable[..., Evaluation]) -> None:
    # Association marked 5 (60 points), Company 3 (36 points).
    # HT: Association 60 + 38 = 98, Company 36 + 40 = 76. TTC: Association 60 + 40 = 100,
    # Company 36 + 2000/57 = 71.09...: the same first either way.
    evaluation = score(
        [
            ["Association", 1, 400, 10, "exonéré", "oui", 5],
            ["Company", 1, 380, 10, "20 %", "oui", 3],
        ]
    )
    lot = lot_one(evaluation)
    assert [(r.candidate, r.total) for r in lot.ranked] == [("Association", 98), ("Company", 76)]
    (warning,) = lot.warnings
    assert dict(warning.params)["form"] == "same"
    assert warning.message == (
        f"lot 1: {HT_WORDS}; compared TTC, what the buyer pays, the first rank would not "
        "change (Association)"
    )


def test_no_warning_when_prices_are_compared_ttc(score: Callable[..., Evaluation]) -> None:
    # The same offers compared TTC, as chosen: Association 88 first, Company 4736/57.
    evaluation = score(
        [
            ["Association", 1, 400, 10, "exonéré", "oui", 4],
            ["Company", 1, 380, 10, "20 %", "oui", 4],
        ],
        basis="ttc",
    )
    lot = lot_one(evaluation)
    assert [(r.candidate, r.total) for r in lot.ranked] == [
        ("Association", 88),
        ("Company", Fraction(4736, 57)),
    ]
    assert lot.warnings == ()


def test_no_warning_when_every_admissible_offer_has_the_same_rate(
    score: Callable[..., Evaluation],
) -> None:
    # Both at 20 % (one typed, one the consultation's default): HT and TTC rank alike.
    evaluation = score(
        [
            ["Association", 1, 400, 10, "20 %", "oui", 4],
            ["Company", 1, 380, 10, None, "oui", 4],
        ]
    )
    assert lot_one(evaluation).warnings == ()


def test_only_admissible_offers_count(score: Callable[..., Evaluation]) -> None:
    # The VAT-exempt offer has no CV: incomplete, not ranked; the two ranked offers are at 20 %.
    evaluation = score(
        [
            ["Association", 1, 400, 10, "exonéré", "non", 4],
            ["Company", 1, 380, 10, "20 %", "oui", 4],
            ["Other", 1, 390, 10, "20 %", "oui", 4],
        ]
    )
    lot = lot_one(evaluation)
    assert [r.candidate for r in lot.ranked] == ["Company", "Other"]
    assert lot.warnings == ()


def test_a_hierarchy_of_criteria_is_compared_again_on_ttc(make_config, make_workbook) -> None:
    # Equal quality marks, then price: HT, 3800.00 < 4000.00 puts Company first; TTC,
    # 4000.00 < 4560.00 puts the association first.
    lots, criteria = make_config(
        criteria_text=(
            "ordering: hierarchy\n"
            "criteria:\n"
            "  - {id: quality, label: Qualité}\n"
            "  - {id: price, label: Prix, price: {formula: proportional, basis: ht}}\n"
        )
    )
    rows = [
        ["Association", 1, 400, 10, "exonéré", "oui", 4],
        ["Company", 1, 380, 10, "20 %", "oui", 4],
    ]
    lot = lot_one(api.score(lots, criteria, make_workbook(rows)))
    assert [r.candidate for r in lot.ranked] == ["Company", "Association"]
    (warning,) = lot.warnings
    assert dict(warning.params)["form"] == "changes"
    assert dict(warning.params)["ttc_first"] == "Association"


def test_validate_lists_the_lot_warning(make_config, make_workbook) -> None:
    lots, criteria = make_config(basis="ht")
    rows = [
        ["Association", 1, 400, 10, "exonéré", "oui", 4],
        ["Company", 1, 380, 10, "20 %", "oui", 4],
    ]
    report = api.validate(lots, criteria, make_workbook(rows))
    assert report.valid  # a warning: nothing is blocked
    assert [p.code for p in report.warnings] == ["vat-basis"]
