"""The values of an explanation's steps, written: in words in each language, and raw for the JSON.

French amounts: narrow no-break space (U+202F) between thousands, no-break space (U+00A0)
before € and before %.
"""

from decimal import Decimal
from fractions import Fraction

import pytest

from referent_ess import i18n
from referent_ess.analysis.explain.terms import (
    ExactMoney,
    Joiner,
    Listed,
    MaxPoints,
    Money,
    Notation,
    Percent,
    Phrase,
    Points,
    Quantity,
    Rate,
    Sentence,
    Value,
)
from referent_ess.render.explain.words import raw, worded

NNBSP, NBSP = "\u202f", "\u00a0"
D = Decimal


@pytest.mark.parametrize(
    ("value", "english", "french"),
    [
        (Money(D("9000")), "9000.00", f"9{NNBSP}000,00{NBSP}€"),
        (ExactMoney(D("9613.725")), "9613.725", f"9{NNBSP}613,725{NBSP}€"),
        (Quantity(D("21.50")), "21.5", "21,5"),
        (Rate(D("0.2")), "0.20", "0,20"),
        (Rate(D("0.055")), "0.055", "0,055"),
        (Percent(D("0.055")), "5.5 %", f"5,5{NBSP}%"),
        (Points(Fraction(750, 49)), "15.31", "15,31"),  # 15.3061...
        (MaxPoints(Fraction(30)), "30", "30"),
        (MaxPoints(Fraction(100, 3)), "33.33", "33,33"),
        (Fraction(4327, 49), "4327/49", "4327/49"),  # an exact value has no language
        (Listed(("A", "B", "C"), Joiner.SERIES), "A, B and C", "A, B et C"),
        (Listed(("a", "b"), Joiner.SEMICOLON), "a; b", "a ; b"),
        (
            Listed((Points(Fraction(60)), Points(Fraction(1, 3))), Joiner.PLUS),
            "60.00 + 0.33",
            "60,00 + 0,33",
        ),
        (Sentence("fewer than 3 offers"), "Fewer than 3 offers.", "Fewer than 3 offers."),
        (
            Notation("{amount} HT", {"amount": Money(D("5000"))}),
            "5000.00 HT",
            f"5{NNBSP}000,00{NBSP}€ HT",
        ),
        (
            Phrase("ex.exactly", {"value": Fraction(750, 49)}),
            " (exactly 750/49)",
            " (exactement 750/49)",
        ),
    ],
)
def test_values_in_words(value: Value, english: str, french: str) -> None:
    with i18n.language("en"):
        assert worded(value) == english
    with i18n.language("fr"):
        assert worded(value) == french


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (Money(D("-600")), "-600.00"),
        (ExactMoney(D("9613.725")), "9613.725"),
        (Rate(D("0.2")), "0.20"),
        (Quantity(D("20.0")), "20"),
        (Points(Fraction(750, 49)), "15.31"),
        (Fraction(23, 6), "23/6"),
        (3, "3"),
        (
            Notation("{mark} / {scale}", {"mark": Quantity(D("4.5")), "scale": Quantity(D("5"))}),
            "4.5 / 5",
        ),
    ],
)
def test_figures_are_raw_in_every_language(value: Value, expected: str) -> None:
    with i18n.language("fr"):
        assert raw(value) == expected


def test_a_sentence_is_not_a_figure() -> None:
    with pytest.raises(TypeError):
        raw(Phrase("ex.exactly", {"value": Fraction(1, 3)}))
