"""The steps of an explanation as they are built: exact typed figures and catalogue keys, in no
language (the wording is tested in tests/render/test_explain.py).

Expected values are computed by hand. The small consultation: quality 60 points (marks out of
5), price 40 points, proportional on the price HT.
A: 700 × 10 = 7000.00 HT, mark 5 → 60; price 40 × 4000 / 7000 = 160/7 (22.86); total 580/7 (82.86).
B: 400 × 10 = 4000.00 HT, mark 4 → 48; price 40; total 88, ranked first.
A is 88 − 580/7 = 36/7 (5.14) behind B.
"""

from collections.abc import Iterator
from decimal import Decimal
from fractions import Fraction
from pathlib import Path

import pytest

from referent_ess import api, i18n
from referent_ess.analysis.explain import Explanation, Step, explain_offer
from referent_ess.analysis.explain.terms import (
    STOP,
    ExactMoney,
    Joiner,
    Listed,
    MaxPoints,
    Money,
    Notation,
    Phrase,
    Points,
    Quantity,
    Sentence,
    Value,
    together,
)
from referent_ess.evaluation.results import Evaluation
from referent_ess.i18n.catalogues import en, fr

ROOT = Path(__file__).resolve().parents[2]
F = Fraction
D = Decimal


def explained(evaluation: Evaluation, lot_id: int, candidate: str) -> Explanation:
    lot = evaluation.lot(lot_id)
    assert lot is not None
    result = next(r for r in lot.offers if r.candidate == candidate)
    return explain_offer(evaluation, lot, result)


def one(explanation: Explanation, code: str) -> Step:
    (found,) = [s for s in explanation.steps if s.code == code]
    return found


@pytest.fixture(scope="module")
def example() -> Evaluation:
    return api.score(ROOT / "lots.yaml", ROOT / "criteria.yaml")


@pytest.fixture
def two_offers(make_config, make_workbook) -> Evaluation:
    lots, criteria = make_config()
    rows = [["A", 1, 700, 10, None, "oui", 5], ["B", 1, 400, 10, None, "oui", 4]]
    return api.score(lots, criteria, make_workbook(rows))


def test_a_price_rounded_to_the_cent_keeps_its_exact_product(example: Evaluation) -> None:
    """447.15 × 21.5 = 9613.725, rounded half up to 9613.73."""
    step = one(explained(example, 4, "Ressourceries en Réseau"), "price-ht")
    rounded = Phrase(
        "ex.rounded", {"exact": ExactMoney(D("9613.725")), "rounded": Money(D("9613.73"))}
    )
    assert step.words == (
        Phrase(
            "ex.price_ht",
            {"rate": Money(D("447.15")), "days": Quantity(D("21.5")), "value": rounded},
        ),
        STOP,
    )
    assert step.figures == {
        "day_rate_ht": Money(D("447.15")),
        "days": Quantity(D("21.5")),
        "product": ExactMoney(D("9613.725")),
        "price_ht": Money(D("9613.73")),
    }


def test_price_points_are_exact_and_say_so_when_rounding_hides_it(two_offers: Evaluation) -> None:
    step = one(explained(two_offers, 1, "A"), "price-points")
    assert (step.figures["share"], step.figures["points_exact"]) == (F(4, 7), F(160, 7))
    assert step.figures["points"] == Points(F(160, 7))
    (words, stop) = step.words
    assert stop == STOP
    assert isinstance(words, Phrase)
    assert words.params["points"] == together(
        Points(F(160, 7)), Phrase("ex.exactly", {"value": F(160, 7)})
    )
    assert words.params["expression"] == Notation(
        "{top} × Pmin / P = {top} × {pmin} / {price}",
        {
            "top": MaxPoints(F(40)),
            "price": Money(D("7000.00")),
            "pmin": Money(D("4000.00")),
        },
    )


def test_the_total_is_the_sum_of_the_exact_points(two_offers: Evaluation) -> None:
    step = one(explained(two_offers, 1, "A"), "total")
    parts = (
        Notation("{id} {points}", {"id": "Quality", "points": Points(F(60))}),
        Notation("{id} {points}", {"id": "Price", "points": Points(F(160, 7))}),
    )
    assert step.words == (
        Phrase("ex.total", {"parts": Listed(parts, Joiner.PLUS), "total": Points(F(580, 7))}),
        Phrase("ex.exactly", {"value": F(580, 7)}),  # 82.86; the parts' own steps are exact
        STOP,
    )  # 60.00 + 22.86 = 82.86, the rounded total: no note that the sums differ
    assert step.figures == {"total": Points(F(580, 7)), "total_exact": F(580, 7)}


def test_a_gap_is_the_difference_of_the_exact_totals(two_offers: Evaluation) -> None:
    explanation = explained(two_offers, 1, "A")
    assert explanation.rank == 2
    step = one(explanation, "gap-first")
    (words, stop) = step.words
    assert stop == STOP
    assert words == Phrase(
        "ex.gap.behind",
        {
            "other": "B",
            "where": Phrase("ex.where.first_just_above"),
            "rank": "1",
            "total": Points(F(88)),
            # 88.00 − 82.86 = 5.14, the rounded gap: the totals need no fraction, the gap does
            "high": Points(F(88)),
            "low": Points(F(580, 7)),
            "gap": Points(F(36, 7)),
            "exact": Phrase("ex.exactly", {"value": F(36, 7)}),
        },
    )
    assert (step.figures["gap_exact"], step.figures["row"]) == (F(36, 7), 3)


def _values(value: Value) -> Iterator[Value]:
    """``value`` and every value inside it."""
    yield value
    if isinstance(value, Phrase | Notation):
        for inner in value.params.values():
            yield from _values(inner)
    elif isinstance(value, Listed):
        for inner in value.items:
            yield from _values(inner)
    elif isinstance(value, Sentence):
        yield from _values(value.value)


def _every_step(evaluation: Evaluation) -> Iterator[Step]:
    for lot in evaluation.lots:
        for result in lot.offers:
            yield from explain_offer(evaluation, lot, result).steps


def test_every_phrase_is_in_both_catalogues(example: Evaluation) -> None:
    keys = {
        value.key
        for step in _every_step(example)
        for word in step.words
        for value in _values(word)
        if isinstance(value, Phrase)
    }
    assert "ex.price_ht" in keys
    assert keys <= set(en.MESSAGES)
    assert keys <= set(fr.MESSAGES)


def test_the_steps_are_the_same_whatever_the_language(example: Evaluation) -> None:
    with i18n.language("fr"):
        french = list(_every_step(example))
    with i18n.language("en"):
        english = list(_every_step(example))
    assert french == english
    assert len(english) > 100  # every offer of the example, explained
