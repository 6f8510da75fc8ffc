"""Properties of the evaluation that must hold for any offers (hypothesis, seeded)."""

from dataclasses import replace
from decimal import Decimal
from fractions import Fraction
from itertools import pairwise
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from referent_ess.config.choices import CapBasis, PriceBasis, PriceFormula
from referent_ess.config.model import (
    Config,
    Consultation,
    CriteriaSet,
    Criterion,
    Lot,
    PriceRule,
)
from referent_ess.evaluation.engine import evaluate
from referent_ess.evaluation.results import Evaluation, Status
from referent_ess.intake.offers import Offer, OfferBook

PROPERTY = settings(max_examples=150, derandomize=True, deadline=None)

formulas = st.sampled_from(list(PriceFormula))
money = st.integers(min_value=100, max_value=1_000_000).map(lambda cents: Decimal(cents) / 100)
marks = st.integers(min_value=0, max_value=10).map(lambda halves: Decimal(halves) / 2)
bids = st.lists(st.tuples(money, marks, marks), min_size=1, max_size=8)


def make_config(formula: PriceFormula, k: Decimal = Decimal(2)) -> Config:
    return Config(
        consultation=Consultation(
            title="T",
            buyer=None,
            deadline=None,
            vat_rate=Decimal("0.2"),
            cap_basis=CapBasis.HT,
            required_documents=(),
            offers=None,
        ),
        lots=(Lot(1, "Lot", Decimal(10_000_000), Decimal(12_000_000)),),
        total=Decimal(100),
        default_set=CriteriaSet(
            None,
            (
                Criterion("quality", "Q", Decimal(45), Decimal(5)),
                Criterion("team", "T", Decimal(25), Decimal(5)),
                Criterion(
                    "price", "P", Decimal(30), Decimal(5), PriceRule(formula, PriceBasis.HT, k)
                ),
            ),
            ("price",),
        ),
        lots_path=Path("lots.yaml"),
        criteria_path=Path("criteria.yaml"),
        lots_sha256="",
        criteria_sha256="",
    )


def make_offer(row: int, price: Decimal, quality: Decimal, team: Decimal) -> Offer:
    return Offer(
        row=row,
        candidate=f"Candidate {row}",
        lot=1,
        day_rate_ht=price,
        days=Decimal(1),
        vat_rate=None,
        price_ht_stated=None,
        received_at=None,
        documents={},
        marks={"quality": quality, "team": team},
        cells={},
    )


def run(config: Config, offers: list[Offer]) -> Evaluation:
    book = OfferBook(Path("offers.xlsx"), "", "offers", (), tuple(offers))
    return evaluate(config, book)


def offers_of(rows: list[tuple[Decimal, Decimal, Decimal]]) -> list[Offer]:
    return [make_offer(index + 2, *row) for index, row in enumerate(rows)]


@PROPERTY
@given(formula=formulas, rows=bids)
def test_points_stay_within_zero_and_the_criterion_maximum(formula, rows) -> None:
    config = make_config(formula)
    maxima = {"quality": Fraction(45), "team": Fraction(25), "price": Fraction(30)}
    for result in run(config, offers_of(rows)).lots[0].offers:
        assert result.status is Status.ADMISSIBLE
        for criterion, value in result.points.items():
            assert 0 <= value <= maxima[criterion]
        assert result.total is not None
        assert 0 <= result.total <= 100


@PROPERTY
@given(
    formula=formulas,
    rows=bids,
    which=st.integers(min_value=0, max_value=7),
    cut=st.integers(min_value=1, max_value=100_000).map(lambda c: Decimal(c) / 100),
)
def test_lowering_a_price_never_lowers_its_price_points(formula, rows, which, cut) -> None:
    config = make_config(formula)
    which %= len(rows)
    price, quality, team = rows[which]
    cheaper = max(Decimal("0.01"), price - cut)
    before = run(config, offers_of(rows)).lots[0]
    after_rows = [*rows[:which], (cheaper, quality, team), *rows[which + 1 :]]
    after = run(config, offers_of(after_rows)).lots[0]

    def price_points(lot) -> Fraction:
        return next(r.points["price"] for r in lot.offers if r.offer.row == which + 2)

    assert price_points(after) >= price_points(before)


@PROPERTY
@given(formula=formulas, rows=bids, data=st.data())
def test_ranking_does_not_depend_on_the_order_of_the_rows(formula, rows, data) -> None:
    config = make_config(formula)
    offers = offers_of(rows)
    shuffled = data.draw(st.permutations(offers))

    def outcome(evaluation: Evaluation) -> dict[int, tuple[int | None, Fraction | None]]:
        return {r.offer.row: (r.rank, r.total) for r in evaluation.lots[0].offers}

    assert outcome(run(config, shuffled)) == outcome(run(config, offers))


@PROPERTY
@given(formula=formulas, rows=bids)
def test_ranks_follow_totals(formula, rows) -> None:
    """A better exact total never has a worse rank; equal keys share a rank."""
    ranked = run(make_config(formula), offers_of(rows)).lots[0].ranked
    for better, worse in pairwise(ranked):
        assert better.total is not None
        assert worse.total is not None
        assert better.total >= worse.total
        assert better.rank is not None
        assert worse.rank is not None
        assert better.rank <= worse.rank
    assert ranked[0].rank == 1


# from a thousandth to 3 000: rate × days stays under the lot's cap of 10 000 000
small_or_large = st.decimals(min_value=Decimal("0.001"), max_value=Decimal(3_000), places=3)


@PROPERTY
@given(
    formula=formulas,
    rows=st.lists(st.tuples(small_or_large, small_or_large), min_size=1, max_size=8),
)
def test_any_positive_rate_and_days_are_evaluated_without_error(formula, rows) -> None:
    # A rate × days below half a cent rounds to 0.00: that offer alone is invalid (zero-price);
    # every other offer is ranked, whatever the formula.
    offers = [
        replace(make_offer(index + 2, rate, Decimal(3), Decimal(4)), days=days)
        for index, (rate, days) in enumerate(rows)
    ]
    for result in run(make_config(formula), offers).lots[0].offers:
        if result.price_ht == 0:
            assert [r.code for r in result.reasons] == ["zero-price"]
        else:
            assert result.status is Status.ADMISSIBLE
            assert result.rank is not None


def with_basis(config: Config, basis: PriceBasis) -> Config:
    """The same configuration, its price criterion compared on ``basis``."""
    criteria = tuple(
        replace(c, price=replace(c.price, basis=basis)) if c.price is not None else c
        for c in config.default_set.criteria
    )
    return config.with_set(replace(config.default_set, criteria=criteria))


vat_rates = st.sampled_from([Decimal(0), Decimal("0.055"), Decimal("0.1"), Decimal("0.2")])


@PROPERTY
@given(formula=formulas, rows=bids, data=st.data())
def test_vat_basis_names_the_first_of_the_same_lot_ranked_ttc(formula, rows, data) -> None:
    """Compared HT, a lot warns (vat-basis) exactly when its admissible offers' VAT rates
    differ, naming who ranks first HT and who ranks first TTC; compared TTC, it never warns."""
    rates = data.draw(st.lists(vat_rates, min_size=len(rows), max_size=len(rows)))
    offers = [
        replace(offer, vat_rate=rate) for offer, rate in zip(offers_of(rows), rates, strict=True)
    ]
    ht = run(make_config(formula), offers).lots[0]
    ttc = run(with_basis(make_config(formula), PriceBasis.TTC), offers).lots[0]
    assert ttc.warnings == ()
    if len(set(rates)) < 2:
        assert ht.warnings == ()
        return
    (warning,) = ht.warnings
    params = dict(warning.params)
    names = {
        "ht_first": ", ".join(r.candidate for r in ht.winners),
        "ttc_first": ", ".join(r.candidate for r in ttc.winners),
    }
    assert (params["ht_first"], params["ttc_first"]) == (names["ht_first"], names["ttc_first"])
    same = {r.offer.row for r in ht.winners} == {r.offer.row for r in ttc.winners}
    # a different first place TTC is a tie when several offers share it (the tie-break left it)
    assert params["form"] == ("same" if same else "tie" if len(ttc.winners) > 1 else "changes")
