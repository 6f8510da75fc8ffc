"""The wording of a message, made cheap for a hundred thousand offers (issue 17): the writer
of each parameter chosen once per name, an English amount already to the cent kept as given.
The text stays exactly the catalogue's, in every language."""

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from referent_ess.i18n import message
from referent_ess.i18n.numbers import money
from referent_ess.i18n.templates import _money, message_key

ABNORMAL = (
    ("explanation_part", "abnormal.mean-ratio"),
    ("price_money", "2548.13"),
    ("ratio_num", "0.8"),
    ("others_money", "7616.17"),
    ("count", "23744"),
    ("threshold_money", "6092.94"),
)


def test_an_abnormally_low_price_in_english() -> None:
    assert message("abnormally-low", ABNORMAL, lang="en") == (
        "the price may be abnormally low (comparison with the mean of the other offers: "
        "2548.13 < 0.8 × 7616.17 (mean of the other 23744 admissible offers) = 6092.94); "
        "before any rejection the law requires asking the candidate to justify it "
        "(art. L2152-5 and R2152-3 of the Code de la commande publique)"
    )


def test_an_abnormally_low_price_in_french() -> None:
    text = message("abnormally-low", ABNORMAL, lang="fr")
    assert "2\u202f548,13\u00a0€ < 0,8 × 7\u202f616,17\u00a0€" in text
    assert "= 6\u202f092,94\u00a0€" in text


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2548.13", "2548.13"),  # already to the cent: as given
        ("-0.00", "-0.00"),
        ("0.00", "0.00"),
        ("007.50", "7.50"),  # leading zeros: through Decimal
        ("2548.125", "2548.13"),  # half up
        ("2548.1", "2548.10"),
        ("1E+3", "1000.00"),
        ("12", "12.00"),
    ],
)
def test_an_amount_in_english(value: str, expected: str) -> None:
    assert _money(value, "en") == expected


def test_an_amount_in_french() -> None:
    assert _money("2548.13", "fr") == "2\u202f548,13\u00a0€"


BOUND = 10**18
cents = st.decimals(
    allow_nan=False, allow_infinity=False, places=2, max_value=BOUND, min_value=-BOUND
)
amounts = cents | st.decimals(
    allow_nan=False, allow_infinity=False, max_value=10**9, min_value=-(10**9)
)


@settings(deadline=None)
@given(amounts, st.sampled_from(("en", "fr")))
def test_an_amount_is_money_of_its_decimal(value: Decimal, lang: str) -> None:
    text = str(value)
    assert _money(text, lang) == money(Decimal(text), lang=lang)


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ((), "msg:x"),
        ((("form", "days"), ("found", "'x'")), "msg:x.days"),
        ((("found", "'x'"), ("form", "")), "msg:x"),  # an empty form: the plain key
        ((("form", "a"), ("form", "b")), "msg:x.a"),  # the first form
    ],
)
def test_message_key(params: tuple[tuple[str, str], ...], expected: str) -> None:
    assert message_key("x", params) == expected
