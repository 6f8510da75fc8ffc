"""Sensitivity and simulation on a criteria tree: weight moves between sub-criteria of one
criterion and between top-level criteria, checked by hand and by evaluating again with the
moved weights."""

from decimal import Decimal
from fractions import Fraction as F
from pathlib import Path

from referent_ess.analysis.sensitivity import analyse
from referent_ess.analysis.simulate import simulate
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
from referent_ess.evaluation.results import Evaluation
from referent_ess.intake.offers import Offer, OfferBook


def config_of(methode: int, moyens: int, prix: int) -> Config:
    """technique = methode + moyens (two leaves), and prix; weights as given."""
    leaves = (
        Criterion("methode", "Méthodologie", Decimal(methode), Decimal(5)),
        Criterion("moyens", "Moyens", Decimal(moyens), Decimal(5)),
    )
    technique = Criterion(
        "technique", "Valeur technique", Decimal(methode + moyens), Decimal(5), None, leaves
    )
    rule = PriceRule(PriceFormula.PROPORTIONAL, PriceBasis.HT, Decimal(2))
    price = Criterion("prix", "Prix", Decimal(prix), Decimal(5), rule)
    return Config(
        consultation=Consultation("T", None, None, Decimal("0.2"), CapBasis.HT, (), None),
        lots=(Lot(1, "Lot", Decimal(10**6), Decimal(12 * 10**5)),),
        total=Decimal(100),
        default_set=CriteriaSet(None, (technique, price)),
        lots_path=Path("lots.yaml"),
        criteria_path=Path("criteria.yaml"),
        lots_sha256="",
        criteria_sha256="",
    )


def offer(row: int, name: str, methode: int, moyens: int) -> Offer:
    marks = {"methode": Decimal(methode), "moyens": Decimal(moyens)}
    return Offer(row, name, 1, Decimal(100), Decimal(10), None, None, None, {}, marks, {})


OFFERS = (offer(2, "A", 5, 3), offer(3, "B", 2, 5))  # same price: 40 price points each


def run(config: Config) -> Evaluation:
    return evaluate(config, OfferBook(Path("x.xlsx"), "", "offers", (), OFFERS))


def test_transfers_between_sub_criteria_and_between_criteria() -> None:
    evaluation = run(config_of(30, 30, 40))
    # A: methode 30 × 5/5 = 30, moyens 30 × 3/5 = 18, technique 48, prix 40: 88
    # B: methode 30 × 2/5 = 12, moyens 30, technique 42, prix 40: 82; A wins by 6
    assert [(r.candidate, r.total) for r in evaluation.lots[0].ranked] == [("A", 88), ("B", 82)]
    analysis = analyse(evaluation, 1)
    found = {(t.source, t.target): (t.points, t.challenger.candidate) for t in analysis.transfers}
    # methode → moyens, t points: A changes by t × (3/5 − 1) = −2t/5, B by t × (1 − 2/5) = 3t/5;
    # the gap of 6 closes at t = 6.
    # technique → prix: shares technique A 48/60 = 4/5, B 42/60 = 7/10, prix 1 for both:
    # A gains t/5, B 3t/10; the gap closes at t/10 = 6, t = 60 (all of technique's weight).
    # The other directions widen the gap.
    assert found == {("methode", "moyens"): (F(6), "B"), ("technique", "prix"): (F(60), "B")}
    assert analysis.margin == 6


def test_the_flip_points_are_ties_when_evaluated_again() -> None:
    # methode 30 − 6 = 24, moyens 30 + 6 = 36: A 24 + 21.6 + 40 = 85.6, B 9.6 + 36 + 40 = 85.6
    moved = run(config_of(24, 36, 40)).lots[0]
    assert [r.total for r in moved.ranked] == [F(428, 5), F(428, 5)]
    # technique 60 → 0 (its sub-criteria scaled alike, to 0), prix 100: both 100
    assert [r.total for r in run(config_of(0, 0, 100)).lots[0].ranked] == [100, 100]


def test_simulate_ranks_a_tree_under_every_formula() -> None:
    simulation = simulate(run(config_of(30, 30, 40)), 1)
    # one price: every formula gives both offers the full 40 points (linear: Pmax = Pmin)
    for variant in simulation.variants:
        assert [(r.candidate, r.total) for r in variant.lot.ranked] == [("A", 88), ("B", 82)]
        assert variant.lot.ranked[0].points["technique"] == 48
    assert not simulation.winner_changes
