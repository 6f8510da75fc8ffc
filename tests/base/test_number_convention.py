"""The convention of the numbers typed as text (``numbers: fr | en``): never guessed.

Every expected value is written by hand: ``7,800.00`` under ``en`` is 7800.00, ``7 800,00``
under ``fr`` is 7800.00, and a text written the other way is an error of its own code.
"""

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from referent_ess.base.values import (
    BadValue,
    Numbers,
    number_convention,
    parse_amount,
    parse_number,
    parse_rate,
)

D = Decimal


def read(text: str, numbers: Numbers | None) -> Decimal | str:
    """The number, or the code and form of the refusal."""
    with number_convention(numbers):
        try:
            return parse_number(text)
        except BadValue as refused:
            form = dict(refused.params).get("form")
            return f"{refused.code}.{form}" if form else refused.code


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("7,800.00", D("7800.00")),
        ("1,234,567.5", D("1234567.5")),
        ("12,345", D("12345")),  # a thousands group, not a decimal part
        ("1 234.50", D("1234.50")),  # spaces between thousands are read too
        ("3.5", D("3.5")),
        ("-1,000", D("-1000")),
        ("487.50 €", D("487.50")),
        ("1234", D("1234")),
    ],
)
def test_under_en_a_comma_separates_thousands(text: str, value: Decimal) -> None:
    assert read(text, Numbers.EN) == value


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("7 800,00", D("7800.00")),
        ("7\u00a0800,00", D("7800.00")),  # a no-break space, as spreadsheets write it
        ("7\u202f800,00", D("7800.00")),  # a narrow no-break space
        ("12,345", D("12.345")),  # a decimal part, not a thousands group
        ("3,5", D("3.5")),
        ("487,50 €", D("487.50")),
        ("1 234 567", D("1234567")),
    ],
)
def test_under_fr_a_comma_is_the_decimal_separator(text: str, value: Decimal) -> None:
    assert read(text, Numbers.FR) == value


@pytest.mark.parametrize(
    ("text", "numbers"),
    [
        ("7 800,00", Numbers.EN),
        ("3,5", Numbers.EN),
        ("1.234,50", Numbers.EN),
        ("7,800.00", Numbers.FR),
        ("3.5", Numbers.FR),
        ("1.234,50", Numbers.FR),  # French thousands are spaces, never points
        ("1.2.3", Numbers.FR),
    ],
)
def test_a_text_under_the_wrong_convention_is_an_error(text: str, numbers: Numbers) -> None:
    assert read(text, numbers) == f"wrong-number-convention.{numbers.value}"


@pytest.mark.parametrize("numbers", [Numbers.FR, Numbers.EN])
@pytest.mark.parametrize("text", ["beaucoup", "12 34", "1e5", "€"])
def test_a_text_that_is_no_number_stays_bad_number(text: str, numbers: Numbers) -> None:
    assert read(text, numbers) == "bad-number"


@pytest.mark.parametrize("text", ["7,800.00", "1.234,50", "12,345"])
def test_without_a_convention_an_ambiguous_cell_says_how_to_set_it(text: str) -> None:
    assert read(text, None) == "ambiguous-number.cell"


def test_outside_the_offers_an_ambiguous_number_keeps_its_form() -> None:
    # lots.yaml's own numbers: the convention of the offers does not apply to them
    with pytest.raises(BadValue) as refused:
        parse_number("1.234,50")
    assert (refused.value.code, refused.value.params) == (
        "ambiguous-number",
        (("found", "'1.234,50'"),),
    )


def test_numeric_cells_never_depend_on_the_convention() -> None:
    for numbers in (Numbers.FR, Numbers.EN, None):
        with number_convention(numbers):
            assert parse_number(7800.5) == D("7800.5")
            assert parse_number(12) == D(12)


def test_rates_and_amounts_follow_the_convention() -> None:
    with number_convention(Numbers.EN):
        assert parse_amount("1,234.50") == D("1234.50")
        assert parse_rate("5.5 %") == D("0.055")
    with number_convention(Numbers.FR):
        assert parse_amount("1 234,50") == D("1234.50")
        assert parse_rate("5,5 %") == D("0.055")


def test_the_convention_ends_with_its_block() -> None:
    with number_convention(Numbers.EN):
        assert parse_number("3.5") == D("3.5")
    assert parse_number("3,5") == D("3.5")  # without one, an unambiguous text is read as before


cents = st.integers(min_value=0, max_value=10**13)


def _grouped(whole: int, separator: str) -> str:
    digits = str(whole)
    groups = [digits[max(i - 3, 0) : i] for i in range(len(digits), 0, -3)][::-1]
    return separator.join(groups)


@settings(deadline=None)
@given(cents)
def test_an_amount_written_each_way_is_read_back_under_its_convention(amount: int) -> None:
    whole, cents_part = divmod(amount, 100)
    english = f"{_grouped(whole, ',')}.{cents_part:02d}"
    french = f"{_grouped(whole, chr(0xA0))},{cents_part:02d}"
    expected = D(amount) / 100
    assert read(english, Numbers.EN) == expected
    assert read(french, Numbers.FR) == expected
    if whole >= 1000:  # with a thousands group, each is refused under the other convention
        assert read(english, Numbers.FR) == "wrong-number-convention.fr"
        assert read(french, Numbers.EN) == "wrong-number-convention.en"
