"""The formatters of :mod:`referent_ess.i18n.numbers`, each in both languages, with values
written by hand. French: narrow no-break space (U+202F) between thousands, no-break space
(U+00A0) before €; every rounding half up."""

from datetime import date, datetime
from decimal import Decimal
from fractions import Fraction

import pytest

from referent_ess.i18n import language
from referent_ess.i18n.numbers import (
    date_words,
    decimal_raw,
    exact_money,
    listed,
    money,
    money_raw,
    number,
    ordinal,
    percent,
    percent_raw,
    plural,
    points,
    quantity,
    quantity_raw,
    short,
    short_raw,
    when,
)

NNBSP, NBSP = "\u202f", "\u00a0"


def test_raw_forms_are_the_same_in_every_language() -> None:
    with language("fr"):
        assert money_raw(Decimal("8333")) == "8333.00"
        assert money_raw(Decimal("0.125")) == "0.13"  # half up, not to even
        assert money_raw(Fraction(1, 8)) == "0.13"
        assert decimal_raw(Decimal("0.2")) == "0.20"
        assert decimal_raw(Decimal("0.055")) == "0.055"
        assert decimal_raw(Decimal("9613.725")) == "9613.725"
        assert quantity_raw(Decimal("21.50")) == "21.5"
        assert quantity_raw(Decimal("20")) == "20"
        assert percent_raw(Decimal("0.055")) == "5.5 %"
        assert points(Fraction(4327, 49)) == Decimal("88.31")  # 88.3061…
        assert short_raw(Decimal("30.00")) == "30"
        assert short_raw(Decimal("33.33")) == "33.33"
    assert money_raw(None) is None
    assert decimal_raw(None) is None
    assert quantity_raw(None) is None
    assert points(None) is None


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("en", ["8333.00", "88.31", "21.5", "5.5 %", "9613.725", "30", "17.50"]),
        (
            "fr",
            [
                f"8{NNBSP}333,00{NBSP}€",
                "88,31",
                "21,5",
                "5,5 %",
                f"9{NNBSP}613,725{NBSP}€",
                "30",
                "17,50",
            ],
        ),
    ],
)
def test_figures_for_people_follow_the_language(lang: str, expected: list[str]) -> None:
    with language(lang):
        shown = [
            money(Decimal("8333")),
            number(Fraction(4327, 49)),
            quantity(Decimal("21.50")),
            percent(Decimal("0.055")),
            exact_money(Decimal("9613.725")),
            short(Decimal("30")),
            short(Decimal("17.5")),
        ]
    assert shown == expected


def test_an_explicit_language_wins_over_the_runs() -> None:
    with language("en"):
        assert money(Decimal("8333"), lang="fr") == f"8{NNBSP}333,00{NBSP}€"
        assert number(Decimal("8333"), grouped=True, lang="fr") == f"8{NNBSP}333,00"
        assert percent(Decimal("0.2"), lang="fr") == "20 %"
    with language("fr"):
        assert money(Decimal("0.5"), lang="en") == "0.50"
    assert money(None) is None
    assert number(None) is None
    assert percent(None) is None


def test_dates_in_figures_and_in_words() -> None:
    moment = datetime(2018, 3, 23, 17, 30)
    with language("en"):
        assert when(moment) == "2018-03-23 17:30"
        assert when(date(2018, 3, 23)) == "2018-03-23"
    with language("fr"):
        assert when(moment) == "23/03/2018 à 17:30"
        assert when(date(2018, 3, 23)) == "23/03/2018"
    assert date_words(date(2018, 4, 1)) == "1er avril 2018"
    assert date_words(moment) == "23 mars 2018 à 17 h 30"
    assert date_words(date(2018, 8, 5), NBSP) == f"5{NBSP}août{NBSP}2018"


def test_ordinals() -> None:
    with language("en"):
        assert [ordinal(n) for n in (1, 2, 3, 4, 11, 12, 13, 21, 22, 111)] == [
            "1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "21st", "22nd", "111th",
        ]  # fmt: skip
    with language("fr"):
        assert [ordinal(1), ordinal(1, feminine=True), ordinal(2), ordinal(11)] == [
            "1er", "1re", "2e", "11e",
        ]  # fmt: skip


def test_lists_and_plurals() -> None:
    with language("en"):
        assert [listed([]), listed(["A"]), listed(["A", "B"]), listed(["A", "B", "C"])] == [
            "", "A", "A and B", "A, B and C",
        ]  # fmt: skip
        assert [plural(n, "offer", "offers") for n in (0, 1, 2)] == ["offers", "offer", "offers"]
    with language("fr"):
        assert listed(["1", "2", "3"]) == "1, 2 et 3"
        assert [plural(n, "offre", "offres") for n in (0, 1, 2)] == ["offre", "offre", "offres"]


def test_a_quantity_groups_its_thousands_in_each_language() -> None:
    # a DQE's quantities in explain: « 1 200 m² » in French, "1,200 m²" in English
    assert quantity(Decimal("1200"), lang="fr") == "1\u202f200"
    assert quantity(Decimal("1200"), lang="en") == "1,200"
    assert quantity(Decimal("1234567.125"), lang="fr") == "1\u202f234\u202f567,125"
    assert quantity(Decimal("1234567.125"), lang="en") == "1,234,567.125"
    assert quantity(Decimal("262.50"), lang="fr") == "262,5"  # below 1000: as before
    assert quantity(Decimal("999"), lang="en") == "999"
    assert quantity(Decimal("-1500.5"), lang="fr") == "-1\u202f500,5"
    assert quantity(Decimal("1E+3"), lang="en") == "1,000"  # an exponent written out
