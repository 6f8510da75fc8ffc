"""Evaluation on criteria trees and per-lot criteria sets: points of every node, computed by
hand; totals, ranks, tie-breaks on a node; each lot on its own criteria and documents; and the
properties of a tree (bounds at every node, a parent is the sum of its children, the order of
the rows does not matter, a flat tree is today's evaluation)."""

from decimal import Decimal
from fractions import Fraction as F
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from helpers import CRITERIA_TREE_YAML
from referent_ess.config.choices import CapBasis, PriceBasis, PriceFormula
from referent_ess.config.loader import load_config
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

LOTS = """\
consultation: {title: T, required_documents: [cv, kbis]}
lots:
  - {id: 1, title: A, cap_ht: 50000}
  - {id: 2, title: B, cap_ht: 50000, criteria: travaux, required_documents: [cv, attestation]}
"""

TREE = CRITERIA_TREE_YAML


def config_of(tmp_path: Path) -> Config:
    lots, criteria = tmp_path / "lots.yaml", tmp_path / "criteria.yaml"
    lots.write_text(LOTS, encoding="utf-8")
    criteria.write_text(TREE, encoding="utf-8")
    return load_config(lots, criteria)


def offer(
    row: int,
    lot: int,
    day_rate: int,
    marks: dict[str, Decimal | int],
    documents: dict[str, bool] | None = None,
) -> Offer:
    return Offer(
        row=row,
        candidate=f"Candidate {row}",
        lot=lot,
        day_rate_ht=Decimal(day_rate),
        days=Decimal(10),
        vat_rate=None,
        price_ht_stated=None,
        received_at=None,
        documents=documents or {},
        marks={k: Decimal(v) for k, v in marks.items()},
        cells={},
    )


def run(config: Config, offers: list[Offer]) -> Evaluation:
    return evaluate(config, OfferBook(Path("offers.xlsx"), "", "offers", (), tuple(offers)))


def test_every_node_gets_its_points_and_the_total_is_the_top_level_sum(tmp_path: Path) -> None:
    config = config_of(tmp_path)
    a = offer(2, 1, 300, {"methode": 4, "equipe": 7, "materiel": 5})
    b = offer(3, 1, 400, {"methode": 5, "equipe": 10, "materiel": Decimal("2.5")})
    lot = run(config, [a, b]).lots[0]
    first, second = lot.ranked
    # A: methode 24 × 4/5 = 19.2; equipe 20 × 7/10 = 14; materiel 16 × 5/5 = 16;
    #    moyens 14 + 16 = 30; technique 19.2 + 30 = 49.2; prix 40 × 3000/3000 = 40; total 89.2
    assert first.offer.row == 2
    assert dict(first.points) == {
        "technique": F(246, 5),
        "methode": F(96, 5),
        "moyens": F(30),
        "equipe": F(14),
        "materiel": F(16),
        "prix": F(40),
    }
    assert first.total == F(446, 5)
    # B: methode 24; equipe 20; materiel 16 × 2.5/5 = 8; moyens 28; technique 52;
    #    prix 40 × 3000/4000 = 30; total 82
    assert second.offer.row == 3
    assert (second.points["technique"], second.points["moyens"]) == (F(52), F(28))
    assert second.points["prix"] == F(30)
    assert second.total == F(82)
    assert [first.rank, second.rank] == [1, 2]


def test_each_lot_is_evaluated_on_its_own_set(tmp_path: Path) -> None:
    config = config_of(tmp_path)
    c = offer(2, 2, 500, {"technique": 3})
    d = offer(3, 2, 250, {"technique": 2})
    lot = run(config, [c, d]).lots[1]
    # travaux: technique 70 × 3/5 = 42 and 70 × 2/5 = 28; linear price on 30 points:
    # C (5000, the highest) 30 × (5000 − 5000)/(5000 − 2500) = 0, D (the lowest) 30
    assert [(r.offer.row, dict(r.points), r.total) for r in lot.ranked] == [
        (3, {"technique": F(28), "prix": F(30)}, F(58)),
        (2, {"technique": F(42), "prix": F(0)}, F(42)),
    ]


def test_a_tie_is_broken_on_a_sub_criterion(tmp_path: Path) -> None:
    config = config_of(tmp_path)
    # same price, hence 40 price points each
    # E: methode 24 × 5/5 = 24; equipe 20 × 6/10 = 12, materiel 16 → moyens 28; technique 52
    # F: methode 24 × 4/5 = 19.2; equipe 20, materiel 16 × 4/5 = 12.8 → moyens 32.8; technique 52
    e = offer(2, 1, 300, {"methode": 5, "equipe": 6, "materiel": 5})
    f = offer(3, 1, 300, {"methode": 4, "equipe": 10, "materiel": 4})
    lot = run(config, [e, f]).lots[0]
    assert [(r.offer.row, r.total, r.rank) for r in lot.ranked] == [(3, 92, 1), (2, 92, 2)]
    (tie,) = lot.ties
    assert tie.decided_by == "moyens"  # technique is equal: the next tie-break node decides


def test_a_lot_needs_the_marks_and_documents_of_its_own_set_only(tmp_path: Path) -> None:
    config = config_of(tmp_path)
    documents_1 = {"cv": True, "kbis": True}
    documents_2 = {"cv": True, "attestation": True}
    no_materiel = offer(2, 1, 300, {"methode": 4, "equipe": 7}, documents_1)
    works = offer(3, 2, 300, {"technique": 4}, documents_2)  # no methode, equipe, materiel
    no_attestation = offer(4, 2, 300, {"technique": 4}, {"cv": True, "attestation": False})
    evaluation = run(config, [no_materiel, works, no_attestation])
    lot_1, lot_2 = evaluation.lots
    (invalid,) = lot_1.offers
    assert invalid.status is Status.INVALID
    assert [(r.code, r.params) for r in invalid.reasons] == [
        ("missing-mark", (("criterion", "Matériel"),))  # named as the workbook heads it
    ]
    # the points that could be computed: the marked leaves, and a parent whose leaves all are
    assert dict(invalid.points) == {"methode": F(96, 5), "equipe": F(14)}
    assert lot_2.ranked[0].offer.row == 3
    incomplete = lot_2.excluded[0]
    assert incomplete.status is Status.INCOMPLETE
    assert incomplete.reasons[0].params == (("form", "one"), ("documents", "attestation"))


# ---- properties -------------------------------------------------------------------------------

PROPERTY = settings(deadline=None, max_examples=60)
formulas = st.sampled_from(list(PriceFormula))
money = st.integers(min_value=100, max_value=1_000_000).map(lambda cents: Decimal(cents) / 100)
halves = st.integers(min_value=0, max_value=10).map(lambda n: Decimal(n) / 2)
tenths = st.integers(min_value=0, max_value=100).map(lambda n: Decimal(n) / 10)
bids = st.lists(st.tuples(money, halves, tenths, halves, halves), min_size=1, max_size=8)
WEIGHTS = {"technique": 55, "methode": 15, "moyens": 40, "equipe": 25, "materiel": 15}
MAXIMA = {**{k: F(v) for k, v in WEIGHTS.items()}, "qualite": F(10), "prix": F(35)}


def tree_config(formula: PriceFormula) -> Config:
    """technique 55 = methode 15 + moyens 40 (= equipe 25 + materiel 15), qualite 10, prix 35."""

    def leaf(name: str, scale: int = 5) -> Criterion:
        return Criterion(name, name.title(), Decimal(WEIGHTS.get(name, 10)), Decimal(scale))

    moyens = Criterion(
        "moyens", "Moyens", Decimal(40), Decimal(5), None, (leaf("equipe", 10), leaf("materiel"))
    )
    technique = Criterion(
        "technique", "Technique", Decimal(55), Decimal(5), None, (leaf("methode"), moyens)
    )
    price = Criterion(
        "prix", "Prix", Decimal(35), Decimal(5), PriceRule(formula, PriceBasis.HT, Decimal(2))
    )
    return Config(
        consultation=Consultation("T", None, None, Decimal("0.2"), CapBasis.HT, (), None),
        lots=(Lot(1, "Lot", Decimal(10**9), Decimal(12 * 10**8)),),
        total=Decimal(100),
        default_set=CriteriaSet(None, (technique, leaf("qualite"), price), ("moyens", "prix")),
        lots_path=Path("lots.yaml"),
        criteria_path=Path("criteria.yaml"),
        lots_sha256="",
        criteria_sha256="",
    )


def tree_offers(rows: list[tuple[Decimal, ...]]) -> list[Offer]:
    names = ("methode", "equipe", "materiel", "qualite")
    return [
        Offer(
            row=index + 2,
            candidate=f"C{index}",
            lot=1,
            day_rate_ht=price,
            days=Decimal(1),
            vat_rate=None,
            price_ht_stated=None,
            received_at=None,
            documents={},
            marks=dict(zip(names, marks, strict=True)),
            cells={},
        )
        for index, (price, *marks) in enumerate(rows)
    ]


@PROPERTY
@given(formula=formulas, rows=bids)
def test_every_node_stays_within_its_bounds_and_a_parent_is_its_children_sum(formula, rows) -> None:
    config = tree_config(formula)
    criteria = config.criteria_for(1)
    for result in run(config, tree_offers(rows)).lots[0].offers:
        assert result.status is Status.ADMISSIBLE
        assert set(result.points) == {node.id for node in criteria.nodes}
        for node in criteria.nodes:
            assert 0 <= result.points[node.id] <= MAXIMA[node.id]
            if node.sub_criteria:
                children = sum((result.points[c.id] for c in node.sub_criteria), F(0))
                assert result.points[node.id] == children  # exactly
        top = sum((result.points[c.id] for c in criteria.criteria), F(0))
        assert result.total == top


@PROPERTY
@given(formula=formulas, rows=bids, data=st.data())
def test_a_tree_ranking_does_not_depend_on_the_order_of_the_rows(formula, rows, data) -> None:
    config = tree_config(formula)
    offers = tree_offers(rows)
    shuffled = data.draw(st.permutations(offers))

    def outcome(evaluation: Evaluation) -> dict[int, tuple[int | None, F | None]]:
        return {r.offer.row: (r.rank, r.total) for r in evaluation.lots[0].offers}

    assert outcome(run(config, shuffled)) == outcome(run(config, offers))


@PROPERTY
@given(formula=formulas, rows=bids)
def test_a_tree_ranks_as_its_leaves_would_flat(formula, rows) -> None:
    """The same leaves and weights without their parents: the same totals and ranks (the
    tie-break aside: a flat set has no parent to break a tie on, so none is given to either)."""
    tree = tree_config(formula)
    tree = tree.with_set(CriteriaSet(None, tree.default_set.criteria, ()))
    leaves = tree.default_set.leaves
    flat = tree.with_set(CriteriaSet(None, leaves, ()))
    by_tree = run(tree, tree_offers(rows)).lots[0]
    by_leaves = run(flat, tree_offers(rows)).lots[0]
    assert [(r.offer.row, r.total, r.rank) for r in by_tree.offers] == [
        (r.offer.row, r.total, r.rank) for r in by_leaves.offers
    ]
    for mine, theirs in zip(by_tree.offers, by_leaves.offers, strict=True):
        assert {k: v for k, v in mine.points.items() if k in theirs.points} == dict(theirs.points)
