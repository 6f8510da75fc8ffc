"""The fast texts of the JSON and CSV writers (issue 17): each is the exact equivalent of the
general function it stands for, on hand-computed values and on hypothesis-generated ones."""

import json
from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from referent_ess.base.exact import scaled_half_up
from referent_ess.base.writable import writable
from referent_ess.i18n.numbers import money_raw, points
from referent_ess.render.json_doc import _decimal_number, _number
from referent_ess.render.number_texts import (
    ByIdentity,
    Keys,
    Texts,
    fraction_json,
    hundredths,
    hundredths_json,
    hundredths_raw,
    json_string,
    money_json,
    money_text,
    points_raw,
    quantity_json,
    rate_json,
    string_json,
)

denominators = st.integers(min_value=1, max_value=10**12)
numerators = st.integers(min_value=-(10**15), max_value=10**15)


@pytest.mark.parametrize(
    ("numerator", "denominator", "expected"),
    [
        (88306, 1000, 8831),  # 88.306 → 88.31
        (1, 8, 13),  # 0.125 → 0.13: half up, not to even
        (-1, 8, -13),  # -0.125 → -0.13: half away from zero
        (1, 3, 33),
        (2, 3, 67),
        (1, 200, 1),  # 0.005 → 0.01
        (-1, 250, 0),  # -0.004 → 0
        (602, 100, 602),
        (1204, 200, 602),  # not reduced: the same value, the same rounding
        (0, 7, 0),
    ],
)
def test_hundredths_by_hand(numerator: int, denominator: int, expected: int) -> None:
    assert hundredths(numerator, denominator) == expected


@settings(deadline=None)
@given(numerators, denominators)
def test_hundredths_is_scaled_half_up(numerator: int, denominator: int) -> None:
    assert hundredths(numerator, denominator) == scaled_half_up(Fraction(numerator, denominator))


@pytest.mark.parametrize(
    ("whole", "expected"),
    [(602, "6.02"), (3000, "30.0"), (0, "0.0"), (1, "0.01"), (-150, "-1.5"), (10**20, "1e+18")],
)
def test_hundredths_json_by_hand(whole: int, expected: str) -> None:
    assert hundredths_json(whole) == expected


@settings(deadline=None)
@given(numerators, denominators)
def test_a_fraction_is_written_as_json_writes_its_number(numerator: int, denominator: int) -> None:
    value = Fraction(numerator, denominator)
    expected = json.dumps(_number(value))
    assert hundredths_json(hundredths(numerator, denominator)) == expected
    assert Texts(_decimal_number).points_json(value) == expected


@pytest.mark.parametrize(
    ("whole", "negative", "expected"),
    [
        (602, False, "6.02"),
        (602, True, "-6.02"),
        (0, True, "0.00"),  # -Decimal("0.00") is 0.00
        (5, False, "0.05"),
        (123456, False, "1234.56"),
    ],
)
def test_hundredths_raw_by_hand(whole: int, negative: bool, expected: str) -> None:
    assert hundredths_raw(whole, negative) == expected


@settings(deadline=None)
@given(numerators, denominators)
def test_a_csv_figure_is_str_of_points(numerator: int, denominator: int) -> None:
    value = Fraction(numerator, denominator)
    assert points_raw(value) == str(points(value))
    assert Texts(_decimal_number).points_csv(value) == str(points(value))


def test_a_tiny_negative_value_is_written_zero_in_csv() -> None:
    # points(-1/1000) negates Decimal("0.00"), which gives 0.00: the CSV has written 0.00
    assert points_raw(Fraction(-1, 1000)) == "0.00"
    assert points_raw(Fraction(-1, 200)) == "-0.01"
    assert points_raw(None) == ""
    assert points_raw(Decimal("4.125")) == "4.13"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('say "hi"', '"say \\"hi\\""'),
        ("a\\b", '"a\\\\b"'),
        ("\x01", '"\\u0001"'),
        ("tab\tnew\nline", '"tab\\tnew\\nline"'),
        ("Qualité", '"Qualité"'),  # not ASCII: written as it is (ensure_ascii=False)
        ("\u2028", '"\u2028"'),
        ("\ud800", '"\ufffd"'),  # a lone surrogate cannot be written: U+FFFD
        ("x\ufffey\uffff", '"x\ufffdy\ufffd"'),
        ("\x7f", '"\x7f"'),
        ("0.8 × 7616.17", '"0.8 × 7616.17"'),  # Latin-1 only: no writable() needed
        ("ÿ\x01é", '"ÿ\\u0001é"'),
        ("é\ud800", '"é\ufffd"'),  # beyond Latin-1: writable() still replaces
    ],
)
def test_json_string_by_hand(text: str, expected: str) -> None:
    assert json_string(text) == expected
    assert string_json(text) == expected


@settings(deadline=None)
@given(st.text())
def test_json_string_is_writable_json_dumps(text: str) -> None:
    assert json_string(text) == writable(json.dumps(text, ensure_ascii=False))
    assert Texts(_decimal_number).string(text) == json_string(text)


@settings(deadline=None)
@given(st.text(st.characters(max_codepoint=0x2FF)))
def test_json_string_of_latin1_text_is_writable_json_dumps(text: str) -> None:
    """Texts mostly of Latin-1 (the path without :func:`writable`), and a little beyond."""
    assert json_string(text) == writable(json.dumps(text, ensure_ascii=False))


@pytest.mark.parametrize(
    ("numerator", "denominator", "expected"),
    [
        (1376, 100, "13.76"),
        (3506500, 254813, "13.76"),
        (-1, 8, "-0.13"),
        (0, 3, "0.0"),
        (30, 1, "30.0"),
    ],
)
def test_fraction_json_by_hand(numerator: int, denominator: int, expected: str) -> None:
    assert fraction_json(numerator, denominator) == expected


@settings(deadline=None)
@given(numerators, denominators)
def test_fraction_json_is_hundredths_json(numerator: int, denominator: int) -> None:
    expected = json.dumps(_number(Fraction(numerator, denominator)))
    assert fraction_json(numerator, denominator) == expected


def test_by_identity_writes_each_object_once_and_keeps_it() -> None:
    written: list[object] = []

    def write(value: object) -> str:
        written.append(value)
        return f"<{value}>"

    memo = ByIdentity(write)
    one, other = Decimal("5"), Decimal("5.0")  # equal values, two objects
    assert (memo.known.get(id(one)) or memo.new(one)) == "<5>"
    assert (memo.known.get(id(one)) or memo.new(one)) == "<5>"
    assert (memo.known.get(id(other)) or memo.new(other)) == "<5.0>"  # by identity, not value
    assert written == [one, other]
    assert memo.alive == [one, other]  # kept alive: no other object can take their ids


def test_keys_are_encoded_once_each() -> None:
    keys = Keys()
    assert keys['a"b'] == '"a\\"b":'
    assert keys["prix"] == '"prix":'
    assert keys["prix"] is keys["prix"]


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (Decimal("5500.69"), "5500.69"),
        (Decimal("5500.6"), "5500.60"),
        (Decimal("1E+3"), "1000.00"),
        (Decimal("-0.00"), "-0.00"),
        (Decimal("0.005"), "0.01"),
        (Decimal("-2.345"), "-2.35"),
        (Decimal("1.2E-8"), "0.00"),
    ],
)
def test_money_text_by_hand(value: Decimal, expected: str) -> None:
    assert money_text(value) == expected
    assert money_json(value) == f'"{expected}"'


decimals = st.decimals(allow_nan=False, allow_infinity=False, places=None).filter(
    lambda d: abs(d) < Decimal("1E+20")
)


@settings(deadline=None)
@given(decimals)
def test_money_text_is_money_raw(value: Decimal) -> None:
    assert money_text(value) == money_raw(value)
    texts = Texts(_decimal_number)
    assert texts.money(value) == money_raw(value)
    assert texts.money(value) == money_raw(value)  # the remembered text
    assert texts.money_json(value) == json.dumps(money_raw(value))


def test_zero_and_minus_zero_are_never_confused() -> None:
    texts = Texts(_decimal_number)
    assert texts.money(Decimal("0")) == "0.00"
    assert texts.money(Decimal("-0")) == "-0.00"
    assert texts.money(Decimal("0.00")) == "0.00"
    assert texts.money(None) is None
    assert texts.money_json(None) == "null"


@pytest.mark.parametrize(
    ("mark", "expected"),
    [(Decimal("5"), "5.0"), (Decimal("4.125"), "4.13"), (Decimal("2.5"), "2.5"), (None, "null")],
)
def test_a_mark_is_written_as_json_writes_its_number(mark: Decimal | None, expected: str) -> None:
    texts = Texts(_decimal_number)
    assert texts.points_json(mark) == expected
    assert texts.points_json(mark) == expected  # remembered


def test_a_fraction_remembered_by_identity_is_its_own() -> None:
    texts = Texts(_decimal_number)
    first, second = Fraction(602, 100), Fraction(1, 3)
    assert texts.points_json(first) == "6.02"
    assert texts.points_json(second) == "0.33"
    assert texts.points_json(first) == "6.02"
    assert texts.points_json(Fraction(602, 100)) == "6.02"  # an equal, other object


def test_quantities_and_rates_are_their_raw_texts_in_quotes() -> None:
    assert quantity_json(Decimal("9.50")) == '"9.5"'
    assert quantity_json(None) == "null"
    assert rate_json(Decimal("0.2")) == '"0.20"'
    assert rate_json(Decimal("0.055")) == '"0.055"'
    assert rate_json(None) == "null"
