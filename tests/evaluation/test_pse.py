"""PSE in the evaluation: the compared price is the base price plus the retained PSE (HT and
TTC, exactly), and the price points, the ranking, the caps and the abnormally-low detection all
work on it. The figures are those of :mod:`pse_consultation`, worked out by hand there."""

from decimal import Decimal
from fractions import Fraction
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pse_consultation import CRITERIA, HEADER, LOTS, ROWS, consultation, write_csv
from referent_ess import api
from referent_ess.evaluation.engine import evaluate
from referent_ess.evaluation.pse import compared_price
from referent_ess.evaluation.results import PseAmount, Status
from referent_ess.problems.errors import ReferentError


def test_the_compared_price_is_base_plus_the_retained_pse_and_the_ranking_uses_it(
    tmp_path: Path,
) -> None:
    evaluation = api.score(*consultation(tmp_path))
    lot = evaluation.lot(1)
    assert lot is not None
    offers = {r.candidate: r for r in lot.offers}
    alpha, beta, gamma = offers["Alpha"], offers["Beta"], offers["Gamma"]
    assert (alpha.base_ht, alpha.price_ht) == (Decimal("10000.00"), Decimal("10500.00"))
    assert (beta.base_ht, beta.price_ht) == (Decimal("9800.00"), Decimal("10700.00"))
    assert (gamma.base_ht, gamma.price_ht) == (Decimal("9000.10"), Decimal("10200.20"))
    # TTC: each part to the cent, then added (12000.00 + 600.00; 11760.00 + 1080.00)
    assert alpha.price_ttc == Decimal("12600.00")
    assert beta.price_ttc == Decimal("12840.00")
    # 9495.1055 → 9495.11 and 1266.1055 → 1266.11: 10761.22, not 10200.20 × 1.055 → 10761.21
    assert (gamma.base_ttc, gamma.price_ttc) == (Decimal("9495.11"), Decimal("10761.22"))
    assert [p.amount_ttc for p in gamma.pse] == [Decimal("1266.11"), Decimal("211.00")]
    # Pmin = 10200.20: 40 × 10200.20 / 10500 = 102002/2625, / 10700 = 102002/2675
    assert lot.lowest_price == Decimal("10200.20")
    assert alpha.points["price"] == Fraction(102002, 2625)
    assert alpha.total == Fraction(228002, 2625)  # 48 + 102002/2625
    assert beta.total == Fraction(230402, 2675)  # 48 + 102002/2675
    assert gamma.total == Fraction(76)  # 36 + 40
    assert [r.candidate for r in lot.ranked] == ["Alpha", "Beta", "Gamma"]
    # every PSE of the lot with its amount, and whether it is retained
    assert [(p.id, p.retained, p.amount_ht) for p in alpha.pse] == [
        ("PSE1", True, Decimal("500.00")),
        ("PSE2", False, Decimal("300.00")),
    ]


def test_a_day_rate_lot_adds_its_pse_and_a_missing_amount_makes_the_offer_invalid(
    tmp_path: Path,
) -> None:
    lot = api.score(*consultation(tmp_path)).lot(2)
    assert lot is not None
    offers = {r.candidate: r for r in lot.offers}
    eps, zeta = offers["Eps"], offers["Zeta"]
    # 450 × 10 = 4500.00, + 250.50 = 4750.50; TTC 5400.00 + 300.60 = 5700.60
    assert (eps.base_ht, eps.price_ht, eps.price_ttc) == (
        Decimal("4500.00"),
        Decimal("4750.50"),
        Decimal("5700.60"),
    )
    assert eps.status is Status.ADMISSIBLE
    # Zeta priced no PSE3: an error on its cell, so the offer is not ranked on a wrong price
    assert zeta.status is Status.INVALID
    assert [(r.code, r.cell) for r in zeta.reasons] == [("pse-missing", "I6")]
    assert zeta.price_ht is None


def test_caps_include_the_retained_pse_unless_the_setting_says_otherwise(tmp_path: Path) -> None:
    # Delta: 10600.00 + 500.00 = 11100.00 > 11000.00, the base alone within (by 400.00)
    rows = (*ROWS[:3], ("Delta", 1, None, None, "0.2", "10600", "500", "50", None, 5))
    included = api.score(*consultation(tmp_path, rows=rows)).lot(1)
    assert included is not None
    delta = next(r for r in included.offers if r.candidate == "Delta")
    assert delta.status is Status.OVER_CAP
    assert [(c.price, c.cap) for c in delta.budget] == [(Decimal("11100.00"), Decimal("11000"))]
    assert [(r.code, r.cell) for r in delta.reasons] == [("over_cap", "F5")]

    base_only = LOTS.replace("  cap_basis: ht\n", "  cap_basis: ht\n  caps_include_pse: false\n")
    lot = api.score(*consultation(tmp_path, lots=base_only, rows=rows)).lot(1)
    assert lot is not None
    delta = next(r for r in lot.offers if r.candidate == "Delta")
    assert delta.status is Status.ADMISSIBLE
    assert [(c.price, c.within) for c in delta.budget] == [(Decimal("10600.00"), True)]
    # ranked on its compared price all the same: 11100.00, Pmin 10200.20
    assert delta.price_ht == Decimal("11100.00")
    assert delta.points["price"] == Fraction(408008, 11100)


def test_abnormally_low_is_judged_on_the_compared_price(tmp_path: Path) -> None:
    # mean-ratio 0.8: an offer below 80 % of the mean of the others' compared prices.
    # Cheap: base 5000.00 (far below), but PSE1 4000.00: compared 9000.00.
    # Others: 10500.00, 10700.00, 10200.20; mean 31400.20 / 3 = 10466.733…; 80 % = 8373.39 <
    # 9000.00: not flagged. On the base alone (5000.00 < 80 % of 9600.03) it would be.
    lots = LOTS.replace(
        "  cap_basis: ht\n", "  cap_basis: ht\n  abnormally_low: {method: mean-ratio}\n"
    )
    rows = (*ROWS[:3], ("Cheap", 1, None, None, "0.2", "5000", "4000", "50", None, 4))
    lot = api.score(*consultation(tmp_path, lots=lots, rows=rows)).lot(1)
    assert lot is not None
    cheap = next(r for r in lot.offers if r.candidate == "Cheap")
    assert cheap.price_ht == Decimal("9000.00")
    assert not any(w.code == "abnormally-low" for w in cheap.warnings)
    # and with the PSE not retained, the base prices are compared: 5000.00 is flagged
    # (others 10000.00, 9800.00, 9000.10: mean 9600.033…, 80 % = 7680.03 > 5000.00)
    none_retained = lots.replace(
        "Nettoyage des vitres, retained: true", "Nettoyage des vitres, retained: false"
    )
    lot = api.score(*consultation(tmp_path, lots=none_retained, rows=rows)).lot(1)
    assert lot is not None
    cheap = next(r for r in lot.offers if r.candidate == "Cheap")
    assert cheap.price_ht == Decimal("5000.00")
    assert any(w.code == "abnormally-low" for w in cheap.warnings)


def test_a_retained_pse_without_a_column_is_unusable_to_score_and_leaves_no_price(
    tmp_path: Path,
) -> None:
    header = [h for h in HEADER if h != "PSE 1 HT"]
    rows = [tuple(v for i, v in enumerate(row) if i != 6) for row in ROWS[:3]]
    paths = consultation(tmp_path, header=header, rows=rows)
    with pytest.raises(ReferentError) as caught:
        api.score(*paths)
    assert [(p.code, p.field) for p in caught.value.problems] == [("missing-column", "pse:PSE1")]
    # what validate evaluates all the same: no price, said with the PSE's label
    config, book = api.load(*paths)
    lot = evaluate(config, book).lot(1)
    assert lot is not None
    for result in lot.offers:
        assert result.status is Status.INVALID
        assert [(r.code, dict(r.params)["label"]) for r in result.reasons] == [
            ("no-price", "Nettoyage des vitres")
        ]


# ---- properties ------------------------------------------------------------------------------

cents = st.integers(min_value=1, max_value=10**9).map(lambda c: Decimal(c) / 100)
rates = st.sampled_from([Decimal("0"), Decimal("0.055"), Decimal("0.1"), Decimal("0.2")])


def _amount(pse_id: str, retained: bool, ht: Decimal, vat: Decimal) -> PseAmount:
    ttc = (ht * (1 + vat)).quantize(Decimal("0.01"), rounding="ROUND_HALF_UP")
    return PseAmount(pse_id, pse_id, retained, ht, ttc)


@settings(deadline=None)
@given(
    base=cents,
    vat=rates,
    others=st.lists(st.tuples(cents, st.booleans()), max_size=5),
    added=cents,
)
def test_adding_a_retained_pse_never_lowers_the_compared_price(
    base: Decimal, vat: Decimal, others: list[tuple[Decimal, bool]], added: Decimal
) -> None:
    base_ttc = (base * (1 + vat)).quantize(Decimal("0.01"), rounding="ROUND_HALF_UP")
    pse = tuple(_amount(f"P{i}", kept, ht, vat) for i, (ht, kept) in enumerate(others))
    before_ht, before_ttc = compared_price(base, base_ttc, pse)
    after_ht, after_ttc = compared_price(base, base_ttc, (*pse, _amount("NEW", True, added, vat)))
    assert before_ht is not None
    assert after_ht is not None
    assert before_ttc is not None
    assert after_ttc is not None
    assert after_ht == before_ht + added > before_ht
    assert after_ttc >= before_ttc
    # exactly base + the retained amounts, the others left out
    assert before_ht == base + sum((ht for ht, kept in others if kept), Decimal(0))


@settings(deadline=None, max_examples=15)
@given(
    offers=st.lists(
        st.tuples(
            st.integers(min_value=100, max_value=99999),  # day rate, in cents
            st.integers(min_value=1, max_value=40),  # days
            st.integers(min_value=0, max_value=5),  # mark
            st.integers(min_value=1, max_value=99999),  # a PSE amount, in cents
        ),
        min_size=1,
        max_size=6,
    )
)
def test_a_lot_whose_pse_are_not_retained_is_evaluated_as_a_lot_without_pse(
    tmp_path_factory: object, offers: list[tuple[int, int, int, int]]
) -> None:
    """The same day-rate offers evaluated twice: in a consultation without PSE (today's), and
    with a PSE declared but not retained (its amounts in their column): the same prices,
    points, totals, ranks and statuses."""
    folder = tmp_path_factory.mktemp("pse")  # type: ignore[attr-defined]
    plain_lots = (
        "consultation: {title: T, cap_basis: ht}\nlots:\n  - {id: 1, title: A, cap_ht: 999999}\n"
    )
    with_pse = plain_lots.rstrip("}\n") + ", pse: [{id: PSE1, label: Vitres, retained: false}]}\n"
    rows = [
        (f"C{i}", 1, f"{rate / 100:.2f}", days, mark, f"{amount / 100:.2f}")
        for i, (rate, days, mark, amount) in enumerate(offers)
    ]
    header = ("candidate", "lot", "day_rate_ht", "days", "quality", "PSE1")
    (folder / "criteria.yaml").write_text(CRITERIA, encoding="utf-8")
    results = []
    for name, lots in (("plain", plain_lots), ("pse", with_pse)):
        (folder / f"{name}.yaml").write_text(lots, encoding="utf-8")
        if name == "plain":
            offers_path = write_csv(folder / "plain.csv", header[:-1], [r[:-1] for r in rows])
        else:
            offers_path = write_csv(folder / "pse.csv", header, rows)
        evaluation = api.score(folder / f"{name}.yaml", folder / "criteria.yaml", offers_path)
        results.append(
            [
                (r.candidate, r.status, r.price_ht, r.price_ttc, r.total, r.rank)
                for r in evaluation.offers
            ]
        )
    assert results[0] == results[1]
