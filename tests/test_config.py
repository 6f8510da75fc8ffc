"""lots.yaml and criteria.yaml: resolution of caps, and every problem reported with its line."""

from decimal import Decimal
from pathlib import Path

import pytest

from referent_ess.config import CapBasis, PriceFormula, load_config
from referent_ess.errors import ConfigError, ReferentError

ROOT = Path(__file__).resolve().parents[1]

CRITERIA = """\
criteria:
  - id: quality
    label: Quality
    weight: 70
  - id: price
    label: Price
    weight: 30
    price: {formula: proportional}
"""


def write(tmp_path: Path, lots: str, criteria: str = CRITERIA) -> tuple[Path, Path]:
    lots_path = tmp_path / "lots.yaml"
    criteria_path = tmp_path / "criteria.yaml"
    lots_path.write_text(lots, encoding="utf-8")
    criteria_path.write_text(criteria, encoding="utf-8")
    return lots_path, criteria_path


def problems(tmp_path: Path, lots: str, criteria: str = CRITERIA) -> list[str]:
    with pytest.raises(ConfigError) as caught:
        load_config(*write(tmp_path, lots, criteria))
    return list(caught.value.lines)


def test_the_repository_config_is_the_seed_consultation() -> None:
    config = load_config(ROOT / "lots.yaml", ROOT / "criteria.yaml")
    assert [(lot.id, lot.cap_ht, lot.cap_ttc) for lot in config.lots] == [
        (1, 8333, 10000),
        (2, 8333, 10000),
        (3, 12500, 15000),
        (4, 12500, 15000),
    ]
    assert config.consultation.cap_basis is CapBasis.HT
    assert config.consultation.vat_rate == Decimal("0.2")
    assert [(c.id, c.weight) for c in config.criteria] == [
        ("context", 30),
        ("technical", 30),
        ("competence", 20),
        ("price", 20),
    ]
    assert config.price_criterion.price is not None
    assert config.price_criterion.price.formula is PriceFormula.PROPORTIONAL
    assert config.consultation.offers == ROOT / "examples" / "offers-2018.xlsx"


def test_a_missing_cap_is_derived_to_the_cent(tmp_path: Path) -> None:
    lots = """\
consultation: {title: T, vat_rate: 0.2}
lots:
  - {id: 1, title: A, cap_ttc: 10000}
  - {id: 2, title: B, cap_ht: 12500}
  - {id: 3, title: C, cap_ttc: 100}
"""
    config = load_config(*write(tmp_path, lots))
    # 10000 / 1.2 = 8333.333… → 8333.33; 12500 × 1.2 = 15000; 100 / 1.2 = 83.333… → 83.33
    assert [(lot.cap_ht, lot.cap_ttc) for lot in config.lots] == [
        (Decimal("8333.33"), Decimal(10000)),
        (Decimal(12500), Decimal("15000.00")),
        (Decimal("83.33"), Decimal(100)),
    ]


def test_caps_rounded_to_whole_euros_are_accepted_but_not_inconsistent_ones(
    tmp_path: Path,
) -> None:
    lots = """\
consultation: {title: T}
lots:
  - {id: 1, title: A, cap_ht: 8333, cap_ttc: 10000}
  - {id: 2, title: B, cap_ht: 8000, cap_ttc: 10000}
"""
    # lot 1: 8333 × 1.2 = 9999.6, 0.4 € off: fine. lot 2: 8000 × 1.2 = 9600, 400 € off.
    assert problems(tmp_path, lots) == [
        f"{tmp_path / 'lots.yaml'}:4: lots.1.cap_ttc: cap_ht 8000 × (1 + 0.20) = 9600.00 "
        "differs from cap_ttc 10000 by 400.00 € (more than the 1.20 € that rounding to whole "
        "euros allows); correct one of them or give only one [cap-mismatch]"
    ]


def test_money_given_as_a_yaml_float_is_exactly_the_quoted_string(tmp_path: Path) -> None:
    as_float = load_config(
        *write(tmp_path, "consultation: {title: T}\nlots: [{id: 1, title: A, cap_ttc: 10000.10}]\n")
    )
    as_text = load_config(
        *write(
            tmp_path, "consultation: {title: T}\nlots: [{id: 1, title: A, cap_ttc: '10000.10'}]\n"
        )
    )
    assert as_float.lots == as_text.lots
    assert as_float.lots[0].cap_ttc == Decimal("10000.10")
    assert as_float.lots[0].cap_ht == Decimal("8333.42")  # 10000.10 / 1.2 = 8333.4166…


def test_every_problem_is_reported_with_its_line(tmp_path: Path) -> None:
    lots = """\
consultation:
  title: T
  cap_basis: net
lots:
  - id: 1
    title: A
  - id: 1
    title: B
    cap_ht: -5
"""
    path = tmp_path / "lots.yaml"
    assert problems(tmp_path, lots) == [
        f"{path}:3: consultation.cap_basis: Input should be 'ht', 'ttc' or 'both' "
        "(found 'net') [invalid-value]",
        f"{path}:9: lots.1.cap_ht: Input should be greater than 0 (found -5) [invalid-value]",
    ]


def test_cross_checks_name_their_lines(tmp_path: Path) -> None:
    lots = """\
consultation: {title: T}
lots:
  - id: 1
    title: A
  - id: 1
    title: B
    cap_ht: 10
"""
    path = tmp_path / "lots.yaml"
    assert problems(tmp_path, lots) == [
        f"{path}:3: lots.0: give cap_ht, cap_ttc or both [missing-cap]",
        f"{path}:5: lots.1.id: lot id 1 is used twice (also lots.0) [duplicate-id]",
    ]


def test_unknown_key_suggests_the_nearest_one(tmp_path: Path) -> None:
    criteria = CRITERIA.replace("    weight: 70", "    wieght: 70")
    lines = problems(
        tmp_path, "consultation: {title: T}\nlots: [{id: 1, title: A, cap_ht: 5}]\n", criteria
    )
    path = tmp_path / "criteria.yaml"
    assert (
        f"{path}:4: criteria.0.wieght: unknown key 'wieght' (did you mean 'weight'?) [unknown-key]"
        in lines
    )
    assert f"{path}:2: criteria.0.weight: required key is missing [missing-key]" in lines


def test_weights_must_sum_to_100_and_one_criterion_is_the_price(tmp_path: Path) -> None:
    criteria = """\
criteria:
  - {id: a, label: A, weight: 50}
  - {id: b, label: B, weight: 30}
tie_break: [c]
"""
    path = tmp_path / "criteria.yaml"
    assert problems(
        tmp_path, "consultation: {title: T}\nlots: [{id: 1, title: A, cap_ht: 5}]\n", criteria
    ) == [
        f"{path}:1: criteria: weights must sum to 100, found 50 + 30 = 80 [weights-sum]",
        f"{path}:1: criteria: exactly one criterion must have a price: block, found none "
        "[price-criterion]",
        f"{path}:4: tie_break.0: unknown criterion 'c'; expected one of a, b [unknown-criterion]",
    ]


def test_a_criterion_cannot_take_the_name_of_a_standard_column(tmp_path: Path) -> None:
    criteria = CRITERIA.replace("id: quality", "id: Lot").replace("weight: 70", "weight: 70")
    lines = problems(
        tmp_path, "consultation: {title: T}\nlots: [{id: 1, title: A, cap_ht: 5}]\n", criteria
    )
    assert lines == [
        f"{tmp_path / 'criteria.yaml'}:2: criteria.0.id: criterion id 'Lot' would be the same "
        "column as the lot column; rename it [column-clash]"
    ]


def test_duplicate_keys_are_refused_with_both_lines(tmp_path: Path) -> None:
    lots = """\
consultation:
  title: T
  vat_rate: 0.2
  vat_rate: 0.055
lots: [{id: 1, title: A, cap_ht: 5}]
"""
    assert problems(tmp_path, lots) == [
        f"{tmp_path / 'lots.yaml'}:4: duplicate key 'vat_rate' (first at line 3); keep only one "
        "[duplicate-key]"
    ]


def test_yaml_syntax_error_names_line_and_column(tmp_path: Path) -> None:
    lots = "consultation:\n  title: T\nlots:\n  - id: 1\n   title: A\n"
    lines = problems(tmp_path, lots)
    assert len(lines) == 1
    assert lines[0].startswith(f"{tmp_path / 'lots.yaml'}:5: YAML syntax error (column 4)")
    assert lines[0].endswith("[yaml-syntax]")


def test_missing_file_is_unusable_input(tmp_path: Path) -> None:
    with pytest.raises(ReferentError) as caught:
        load_config(tmp_path / "nope.yaml", tmp_path / "criteria.yaml")
    assert not isinstance(caught.value, ConfigError)
    assert caught.value.lines == (f"{tmp_path / 'nope.yaml'}: file not found",)


def test_an_empty_file_says_what_is_expected(tmp_path: Path) -> None:
    lines = problems(tmp_path, "")
    assert lines == [
        f"{tmp_path / 'lots.yaml'}: expected a mapping of keys (consultation, lots), "
        "found an empty file [not-a-mapping]"
    ]


def test_a_deadline_datetime_is_kept_exact(tmp_path: Path) -> None:
    config = load_config(
        *write(
            tmp_path,
            "consultation: {title: T, deadline: 2018-03-23 12:00:00}\n"
            "lots: [{id: 1, title: A, cap_ht: 5}]\n",
        )
    )
    assert str(config.consultation.deadline) == "2018-03-23 12:00:00"
