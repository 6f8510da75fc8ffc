"""The cell parsers of :mod:`referent_ess.base.values`, against expectations written by hand.

Every expected value below is typed literally (never computed with the package). The property
tests at the end only check round trips through Python's own formatting of a Decimal.
"""

from collections.abc import Callable
from datetime import date, datetime
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from helpers import english
from referent_ess.base.values import (
    BadValue,
    parse_amount,
    parse_lot,
    parse_number,
    parse_rate,
    parse_when,
    parse_yes_no,
)

NBSP = "\u00a0"  # no-break space
NNBSP = "\u202f"  # narrow no-break space (what French locales put between thousands)


def refused(parser: Callable[[Any], object], value: object) -> BadValue:
    """The BadValue ``parser`` raises for ``value`` (the test fails if it returns instead)."""
    with pytest.raises(BadValue) as info:
        parser(value)
    return info.value


def same_decimal(found: object, expected: str) -> None:
    """``found`` is a Decimal equal to ``Decimal(expected)`` (not a float, not an int)."""
    assert type(found) is Decimal, repr(found)
    assert found == Decimal(expected), f"{found!r} != Decimal({expected!r})"


# ---- parse_number: accepted forms ------------------------------------------------------------


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("450", "450"),
        ("450.5", "450.5"),
        ("450,50", "450.50"),
        ("0,345", "0.345"),  # a leading 0 cannot be a thousands group
        ("1234,567", "1234.567"),  # four digits before the separator: not a thousands group
        ("1 234,50 €", "1234.50"),
        (f"1{NBSP}234,50{NBSP}€", "1234.50"),
        (f"1{NNBSP}234,50{NNBSP}€", "1234.50"),
        ("1\u2009234,50", "1234.50"),  # thin space
        (f"1{NNBSP}234{NNBSP}567,89", "1234567.89"),
        ("1 234.50", "1234.50"),  # grouped with spaces, so the point can only be decimal
        ("€ 12", "12"),
        ("€12", "12"),
        ("12€", "12"),
        ("12 EUR", "12"),
        ("EUR 12", "12"),
        ("12 euros", "12"),
        (f"{NBSP}450{NBSP}", "450"),
        (" 450,5\t", "450.5"),
        ("-5", "-5"),
        ("\u22125", "-5"),  # the minus sign of word processors
        ("- 5", "-5"),
        ("+5", "5"),
    ],
)
def test_number_texts_are_read_exactly(cell: str, expected: str) -> None:
    same_decimal(parse_number(cell), expected)


# Regression: the prefix pattern once tried 'eur' before 'euros?' and left 'os 450' behind.
@pytest.mark.parametrize(
    ("cell", "expected"), [("euros 450", "450"), ("euro 450", "450"), ("Euros 450,50", "450.50")]
)
def test_a_leading_euros_word_is_a_currency(cell: str, expected: str) -> None:
    same_decimal(parse_number(cell), expected)


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        (450, "450"),
        (0, "0"),
        (450.5, "450.5"),
        (0.1, "0.1"),  # the shortest decimal of the float, not 0.1000000000000000055511151231257827
        (450.1, "450.1"),
        # a spreadsheet works to 15 significant digits: the cached result of =0.1+0.2 or of
        # =450.1*3 carries binary noise that nobody sees in the cell, and is not kept
        (0.1 + 0.2, "0.3"),
        (450.1 * 3, "1350.3"),
        (Decimal("450.50"), "450.50"),
    ],
)
def test_numeric_cells_are_read_exactly(cell: object, expected: str) -> None:
    same_decimal(parse_number(cell), expected)


def test_a_float_is_read_as_its_shortest_decimal_not_its_binary_expansion() -> None:
    binary_expansion = Decimal("0.1000000000000000055511151231257827021181583404541015625")
    assert parse_number(0.1) != binary_expansion
    assert str(parse_number(450.1)) == "450.1"


# ---- parse_number: refused forms -------------------------------------------------------------


@pytest.mark.parametrize(
    "cell",
    ["1.234,50", "1,234.50", "12,345", "12.345", "1,000", "999,999", "1.234.567", "1,234,567"],
)
def test_numbers_whose_separators_could_mean_two_things_are_refused(cell: str) -> None:
    bad = refused(parse_number, cell)
    assert bad.code == "ambiguous-number"
    assert english(bad).startswith(f"'{cell}' is ambiguous")
    assert "1 234,50" in english(bad)  # says how to write it


@pytest.mark.parametrize(
    ("cell", "digits"),
    [
        ("٤٥٠", "٤٥٠"),  # Arabic-Indic
        ("۴۵۰", "۴۵۰"),  # Extended Arabic-Indic (Persian)
        ("４５０", "４５０"),  # fullwidth
        ("45٠", "٠"),  # one foreign digit among ASCII ones
        ("१२३", "१२३"),  # Devanagari
        ("1 ２34,50 €", "２"),
    ],
)
def test_non_ascii_digits_are_refused_and_named(cell: str, digits: str) -> None:
    bad = refused(parse_number, cell)
    assert bad.code == "bad-number"
    assert "non-ASCII digits" in english(bad)
    assert "0-9" in english(bad)
    for digit in digits:
        assert digit in english(bad)


@pytest.mark.parametrize(
    "cell",
    ["abc", "", "   ", "12,", ",5", ".5", "1e3", "0x10", "12 34", "4 50", "4 5 0", "-€12"],
)
def test_texts_that_are_not_numbers_are_refused(cell: str) -> None:
    bad = refused(parse_number, cell)
    assert bad.code == "bad-number"
    assert english(bad).startswith(f"'{cell}' is not a number")


@pytest.mark.parametrize(
    ("cell", "shown"),
    [
        (True, "found the boolean True"),
        (False, "found the boolean False"),
        (float("nan"), "found nan, expected a finite number"),
        (float("inf"), "found inf, expected a finite number"),
        (float("-inf"), "found -inf, expected a finite number"),
        (Decimal("NaN"), "found NaN, expected a finite number"),
        (Decimal("-Infinity"), "found -Infinity, expected a finite number"),
        (None, "found None, expected a number"),
        (date(2018, 3, 22), "found 2018-03-22, expected a number"),
    ],
)
def test_cells_that_are_not_finite_numbers_are_refused(cell: object, shown: str) -> None:
    bad = refused(parse_number, cell)
    assert bad.code == "bad-number"
    assert shown in english(bad)


# ---- parse_amount ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("450,50", "450.50"),
        (450.5, "450.5"),
        (0.01, "0.01"),
        ("0,01", "0.01"),
        (12, "12"),
        (f"8{NNBSP}333,33 €", "8333.33"),
    ],
)
def test_amounts_with_at_most_two_decimals_are_read(cell: object, expected: str) -> None:
    same_decimal(parse_amount(cell), expected)


@pytest.mark.parametrize(("cell", "shown"), [(0, "0"), ("0,00", "0.00"), (-1, "-1"), ("-5", "-5")])
def test_amounts_must_be_positive(cell: object, shown: str) -> None:
    bad = refused(parse_amount, cell)
    assert bad.code == "not-positive"
    assert english(bad) == f"found {shown}, expected an amount greater than 0"


@pytest.mark.parametrize(
    ("cell", "shown"),
    [
        (450.555, "450.555"),
        (0.001, "0.001"),
        ("1234,555", "1234.555"),
        ("1 234,555", "1234.555"),
    ],
)
def test_amounts_with_more_than_two_decimals_are_refused(cell: object, shown: str) -> None:
    bad = refused(parse_amount, cell)
    assert bad.code == "too-many-decimals"
    assert english(bad) == f"found {shown}, expected an amount with at most 2 decimals"


def test_amount_messages_name_what_is_expected() -> None:
    bad = refused(lambda v: parse_amount(v, what="day-rate"), 0)
    assert english(bad) == "found 0, expected a day rate greater than 0"


def test_amounts_pass_number_errors_through() -> None:
    assert refused(parse_amount, "1.234,50").code == "ambiguous-number"
    assert refused(parse_amount, "abc").code == "bad-number"
    assert refused(parse_amount, True).code == "bad-number"


# ---- parse_rate ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        (0.2, "0.2"),
        ("0.2", "0.2"),
        ("0,2", "0.2"),
        (20, "0.2"),
        ("20", "0.2"),
        ("20%", "0.2"),
        ("20 %", "0.2"),
        (f"20{NNBSP}%", "0.2"),
        (f"20{NBSP}%", "0.2"),
        ("5,5 %", "0.055"),
        ("5.5%", "0.055"),
        (5.5, "0.055"),
        (0.055, "0.055"),
        ("2,1 %", "0.021"),
        (10, "0.1"),
        ("8,5 %", "0.085"),
        (1, "0.01"),  # 1 or more is a percentage
        (0, "0"),
        ("0", "0"),
        ("0 %", "0"),
        ("exonéré", "0"),
        ("Exonérée", "0"),
        ("EXONERE", "0"),
        ("EXEMPT", "0"),
        ("non applicable", "0"),
        ("Non-applicable", "0"),
        ("sans TVA", "0"),
        ("N/A", "0"),
    ],
)
def test_rates_are_read_as_exact_fractions(cell: object, expected: str) -> None:
    same_decimal(parse_rate(cell), expected)


@pytest.mark.parametrize(
    ("cell", "shown"),
    [
        (150, "found 150, expected a VAT rate between 0 % and 100 %"),
        ("150 %", "found '150 %', expected a VAT rate between 0 % and 100 %"),
        (100, "found 100, expected a VAT rate between 0 % and 100 %"),
        (-5, "found -5, expected a VAT rate between 0 % and 100 %"),
        ("abc", "found 'abc', expected a VAT rate such as 20 %"),
        ("", "found '', expected a VAT rate such as 20 %"),
        ("%", "found '%', expected a VAT rate such as 20 %"),
        (True, "found True, expected a VAT rate such as 20 %"),
        (float("nan"), "found nan, expected a VAT rate such as 20 %"),
        ("12,345 %", "found '12,345 %', expected a VAT rate such as 20 %"),
    ],
)
def test_rates_out_of_range_or_unreadable_are_refused(cell: object, shown: str) -> None:
    bad = refused(parse_rate, cell)
    assert bad.code == "bad-rate"
    assert shown in english(bad)


# ---- parse_lot -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        (3, 3),
        (3.0, 3),
        (Decimal("3.00"), 3),
        ("3", 3),
        ("3,0", 3),
        ("Lot 3", 3),
        ("LOT 3", 3),
        ("lot3", 3),
        ("lot n°3", 3),
        ("Lot N° 12", 12),
        ("n° 3", 3),
        ("lot no 3", 3),
        (" Lot 3 ", 3),
    ],
)
def test_lot_numbers_are_read(cell: object, expected: int) -> None:
    lot = parse_lot(cell)
    assert type(lot) is int
    assert lot == expected


@pytest.mark.parametrize(
    ("cell", "shown"),
    [
        (0, "found 0,"),
        (-3, "found -3,"),
        (2.5, "found 2.5,"),
        ("3.5", "found '3.5',"),
        (True, "found True,"),
        (False, "found False,"),
        ("x", "found 'x',"),
        ("lot", "found 'lot',"),
        ("lot 0", "found 'lot 0',"),
        ("Lot 3 bis", "found 'Lot 3 bis',"),
        (None, "found None,"),
    ],
)
def test_values_that_are_not_lot_numbers_are_refused(cell: object, shown: str) -> None:
    bad = refused(parse_lot, cell)
    assert bad.code == "bad-lot"
    assert english(bad) == f"{shown} expected a lot number such as 3 or Lot 3"


# Regression: parse_lot once removed every space before matching and read '1 2' as lot 12.
@pytest.mark.parametrize("cell", ["1 2", "Lot 1 2", "lot 1, 2"])
def test_two_numbers_in_a_lot_cell_are_not_glued_together(cell: str) -> None:
    assert refused(parse_lot, cell).code == "bad-lot"


# Regression: a NaN/infinite float once escaped parse_lot with parse_number's bad-number code.
@pytest.mark.parametrize(
    ("cell", "shown"),
    [(float("nan"), "nan"), (float("inf"), "inf"), (Decimal("NaN"), "NaN")],
)
def test_a_non_finite_lot_cell_is_a_bad_lot(cell: object, shown: str) -> None:
    bad = refused(parse_lot, cell)
    assert bad.code == "bad-lot"
    assert english(bad) == f"found {shown}, expected a lot number such as 3 or Lot 3"


# ---- parse_yes_no ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("oui", True),
        ("OUI", True),
        (" Oui ", True),
        ("non", False),
        ("Non", False),
        ("yes", True),
        ("no", False),
        ("x", True),
        ("X", True),
        ("✓", True),
        ("✔", True),
        (1, True),
        (0, False),
        (1.0, True),
        ("1", True),
        ("0", False),
        ("TRUE", True),
        ("FALSE", False),
        ("vrai", True),
        ("faux", False),
        (True, True),
        (False, False),
        ("", False),
        ("   ", False),
        (None, False),
    ],
)
def test_yes_no_cells_are_read(cell: object, expected: bool) -> None:
    assert parse_yes_no(cell) is expected


@pytest.mark.parametrize(
    ("cell", "shown"),
    [("peut-être", "'peut-être'"), ("ouii", "'ouii'"), (2, "2"), (0.5, "0.5"), ("✗", "'✗'")],
)
def test_other_yes_no_cells_are_refused(cell: object, shown: str) -> None:
    bad = refused(parse_yes_no, cell)
    assert bad.code == "bad-yes-no"
    assert english(bad) == f"found {shown}, expected oui/non, yes/no, x, 1/0"


# ---- parse_when ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        (date(2018, 3, 22), date(2018, 3, 22)),
        (datetime(2018, 3, 22, 0, 0), date(2018, 3, 22)),  # a date-formatted cell
        (datetime(2018, 3, 22, 17, 30), datetime(2018, 3, 22, 17, 30)),
        (datetime(2018, 3, 22, 0, 0, 1), datetime(2018, 3, 22, 0, 0, 1)),
        ("22/03/2018", date(2018, 3, 22)),
        ("22/3/2018", date(2018, 3, 22)),
        (" 22/03/2018 ", date(2018, 3, 22)),
        ("22/03/2018 17:30", datetime(2018, 3, 22, 17, 30)),
        ("22/03/2018 17h30", datetime(2018, 3, 22, 17, 30)),
        ("22/03/2018 17:30:15", datetime(2018, 3, 22, 17, 30, 15)),
        ("22/03/2018 00:00", datetime(2018, 3, 22, 0, 0)),  # typed: the time was stated
        ("2018-03-22", date(2018, 3, 22)),
        ("2018-03-22 17:30", datetime(2018, 3, 22, 17, 30)),
        ("2018-03-22T17:30:00", datetime(2018, 3, 22, 17, 30)),
    ],
)
def test_reception_dates_are_read(cell: object, expected: date) -> None:
    found = parse_when(cell)
    assert type(found) is type(expected)  # a datetime is a date: check which one it is
    assert found == expected


@pytest.mark.parametrize(
    ("cell", "shown"),
    [
        (43181, "found the number 43181, expected a date"),
        (43181.5, "found the number 43181.5, expected a date"),
        ("31/02/2018", "'31/02/2018' is not a valid date"),
        ("2018-02-31", "'2018-02-31' is not a valid date"),
        ("22/03/2018 24:00", "'22/03/2018 24:00' is not a valid date"),
        ("22-03-2018", "found '22-03-2018', expected a date such as 22/03/2018"),
        ("demain", "found 'demain', expected a date such as 22/03/2018"),
        (True, "found True, expected a date such as 22/03/2018"),
        (None, "found None, expected a date such as 22/03/2018"),
    ],
)
def test_values_that_are_not_dates_are_refused(cell: object, shown: str) -> None:
    bad = refused(parse_when, cell)
    assert bad.code == "bad-date"
    assert english(bad).startswith(shown)


# ---- properties ------------------------------------------------------------------------------

AMOUNTS = st.decimals(
    min_value=Decimal("0.01"),
    max_value=Decimal("999999999.99"),
    places=2,
    allow_nan=False,
    allow_infinity=False,
)
GROUP_SPACES = st.sampled_from([NNBSP, NBSP, " "])
FOREIGN_DIGITS = st.characters(categories=["Nd"], exclude_characters="0123456789")


def french(amount: Decimal, space: str = NNBSP) -> str:
    """``1234567.8`` → ``1 234 567,80``: thousands separated by ``space``, decimal comma."""
    return f"{amount:,.2f}".translate(str.maketrans({",": space, ".": ","}))


def test_the_french_writer_of_the_properties_is_right() -> None:
    assert french(Decimal("1234567.8")) == f"1{NNBSP}234{NNBSP}567,80"
    assert french(Decimal("0.01"), " ") == "0,01"
    assert french(Decimal("1000"), NBSP) == f"1{NBSP}000,00"


@settings(derandomize=True, max_examples=200)
@given(amount=AMOUNTS, space=GROUP_SPACES)
@example(amount=Decimal("0.01"), space=NNBSP)
@example(amount=Decimal("999999999.99"), space=NNBSP)
@example(amount=Decimal("1000"), space=NNBSP)  # 1 000,00: one group, exactly like 12,345 + space
@example(amount=Decimal("100.5"), space=NBSP)  # 100,50: plain, no group
@example(amount=Decimal("1234.56"), space=" ")
@example(amount=Decimal("123456.78"), space=NNBSP)
def test_an_amount_written_the_french_way_reads_back_exactly(amount: Decimal, space: str) -> None:
    assert parse_number(french(amount, space)) == amount
    assert parse_amount(french(amount, space) + f"{space}€") == amount


@settings(derandomize=True, max_examples=200)
@given(amount=AMOUNTS)
@example(amount=Decimal("0.01"))
@example(amount=Decimal("999999999.99"))
@example(amount=Decimal("1234.5"))  # 1234.50: four digits before the point, not a group
@example(amount=Decimal("12.3"))  # 12.30: two decimals, not a group of three
def test_an_amount_written_plainly_reads_back_exactly(amount: Decimal) -> None:
    assert parse_number(f"{amount:.2f}") == amount
    assert parse_amount(f"{amount:.2f}") == amount


@settings(derandomize=True, max_examples=200)
@given(amount=AMOUNTS, digit=FOREIGN_DIGITS, where=st.integers(0, 20), as_french=st.booleans())
@example(amount=Decimal("450"), digit="٠", where=0, as_french=False)
@example(amount=Decimal("450"), digit="０", where=99, as_french=False)  # appended
@example(amount=Decimal("1234.5"), digit="٣", where=1, as_french=True)  # inside a group space
@example(amount=Decimal("1234.5"), digit="５", where=6, as_french=True)  # after the comma
def test_any_non_ascii_digit_makes_a_number_refused(
    amount: Decimal, digit: str, where: int, as_french: bool
) -> None:
    text = french(amount) if as_french else f"{amount:.2f}"
    where = min(where, len(text))
    tainted = text[:where] + digit + text[where:]
    bad = refused(parse_number, tainted)
    assert bad.code == "bad-number"
    assert digit in english(bad)
    assert "non-ASCII digits" in english(bad)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("22/03/18", "'22/03/18' has a two-digit year; write the year in full, e.g. 22/03/2018"),
        (
            "03/22/2018",
            "'03/22/2018' looks like month/day/year; write the day first, e.g. 22/03/2018",
        ),
    ],
)
def test_ambiguous_dates_are_refused(text: str, message: str) -> None:
    bad = refused(parse_when, text)
    assert (bad.code, english(bad)) == ("ambiguous-date", message)
