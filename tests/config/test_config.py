"""lots.yaml and criteria.yaml: resolution of caps, and every problem reported with its line."""

from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from referent_ess.config.choices import CapBasis, PriceBasis, PriceFormula
from referent_ess.config.loader import load_config
from referent_ess.problems.errors import ConfigError, ReferentError

ROOT = Path(__file__).resolve().parents[2]

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
    assert config.consultation.cap_basis is CapBasis.TTC  # the call states its caps TTC
    assert config.consultation.vat_rate == Decimal("0.2")
    assert [(c.id, c.weight) for c in config.default_set.criteria] == [
        ("context", 30),
        ("technical", 30),
        ("competence", 20),
        ("price", 20),
    ]
    assert config.default_set.price_criterion.price is not None
    assert config.default_set.price_criterion.price.formula is PriceFormula.PROPORTIONAL
    assert config.default_set.price_criterion.price.basis is PriceBasis.TTC  # what the buyer pays
    assert config.consultation.offers == ROOT / "examples" / "offers-2018.xlsx"


def test_prices_are_compared_ttc_unless_the_buyer_says_ht(tmp_path: Path) -> None:
    """The DAJ's fiche on price scoring (2024) compares TTC amounts: the default; HT stays a
    choice."""
    lots = "consultation: {title: T}\nlots:\n  - {id: 1, title: One, cap_ht: 1000}\n"
    config = load_config(*write(tmp_path, lots))  # CRITERIA gives no basis
    assert config.default_set.price_criterion.price is not None
    assert config.default_set.price_criterion.price.basis is PriceBasis.TTC
    chosen = CRITERIA.replace("{formula: proportional}", "{formula: proportional, basis: ht}")
    config = load_config(*write(tmp_path, lots, chosen))
    assert config.default_set.price_criterion.price is not None
    assert config.default_set.price_criterion.price.basis is PriceBasis.HT


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
        f"{tmp_path / 'lots.yaml'}:4: lots.1.cap_ttc: cap_ht 8000.00 × (1 + 0.20) = 9600.00 "
        "differs from cap_ttc 10000.00 by 400.00 € (more than the 1.20 € that rounding to whole "
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
    # the missing weight is the same mistake: it is not reported a second time
    assert len(lines) == 1


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
        f"{tmp_path / 'lots.yaml'}:4: consultation.vat_rate: duplicate key 'vat_rate' (first at "
        "line 3); keep only one [duplicate-key]"
    ]


def test_yaml_syntax_error_names_line_and_column(tmp_path: Path) -> None:
    lots = "consultation:\n  title: T\nlots:\n  - id: 1\n   title: A\n"
    lines = problems(tmp_path, lots)
    assert len(lines) == 1
    assert lines[0].startswith(f"{tmp_path / 'lots.yaml'}:5: YAML syntax error (column 4)")
    assert lines[0].endswith("[yaml-syntax]")


def test_an_impossible_unquoted_date_names_its_line(tmp_path: Path) -> None:
    lots = "consultation:\n  title: T\n  deadline: 2018-13-45\nlots:\n  - {id: 1, cap_ht: 100}\n"
    assert problems(tmp_path, lots) == [
        f"{tmp_path / 'lots.yaml'}:3: 2018-13-45 is not a real date (month must be in 1..12); "
        "write it as YYYY-MM-DD, or quote it to keep it as text [invalid-date]"
    ]


def test_a_control_character_names_its_line(tmp_path: Path) -> None:
    lots = 'consultation:\n  title: T\n  buyer: "A\x01B"\nlots:\n  - {id: 1, cap_ht: 100}\n'
    assert problems(tmp_path, lots) == [
        f"{tmp_path / 'lots.yaml'}:3: the file holds the control character U+0001, which YAML "
        "does not allow; retype the line [yaml-syntax]"
    ]


def test_missing_file_is_unusable_input(tmp_path: Path) -> None:
    with pytest.raises(ReferentError) as caught:
        load_config(tmp_path / "nope.yaml", tmp_path / "criteria.yaml")
    assert not isinstance(caught.value, ConfigError)
    assert caught.value.lines == (f"{tmp_path / 'nope.yaml'}: file not found [file-not-found]",)


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


LOT = "lots: [{id: 1, title: A, cap_ht: 5}]\n"


def test_a_numeric_deadline_is_refused_not_read_as_a_timestamp(tmp_path: Path) -> None:
    lines = problems(tmp_path, "consultation: {title: T, deadline: 20180323}\n" + LOT)
    assert lines == [
        f"{tmp_path / 'lots.yaml'}:1: consultation.deadline: found 20180323, expected a date "
        "such as 2018-03-23 [invalid-value]"
    ]


def test_caps_are_to_the_cent(tmp_path: Path) -> None:
    lines = problems(
        tmp_path, "consultation: {title: T}\nlots: [{id: 1, title: A, cap_ht: 10000.125}]\n"
    )
    assert lines == [
        f"{tmp_path / 'lots.yaml'}:2: lots.0.cap_ht: found 10000.125, expected an amount with at "
        "most 2 decimals [too-many-decimals]"
    ]


def test_document_ids_cannot_repeat_or_take_a_standard_column(tmp_path: Path) -> None:
    lots = "consultation: {title: T, required_documents: [cv, CV, tva]}\n" + LOT
    path = tmp_path / "lots.yaml"
    assert problems(tmp_path, lots) == [
        f"{path}:1: consultation.required_documents.1: document 'CV' would be the same column as "
        "required document 'cv'; rename it [column-clash]",
        f"{path}:1: consultation.required_documents.2: document 'tva' would be the same column "
        "as the vat_rate column; rename it [column-clash]",
    ]


def test_criteria_differing_only_by_case_are_one_column(tmp_path: Path) -> None:
    criteria = """\
criteria:
  - {id: quality, label: Q, weight: 40}
  - {id: Quality, label: Q2, weight: 30}
  - {id: price, label: P, weight: 30, price: {formula: linear}}
"""
    assert problems(tmp_path, "consultation: {title: T}\n" + LOT, criteria) == [
        f"{tmp_path / 'criteria.yaml'}:3: criteria.1.id: criterion id 'Quality' would be the same "
        "column as criterion 'quality'; rename it [column-clash]"
    ]


def test_problems_of_both_files_are_reported_together(tmp_path: Path) -> None:
    lots = "consultation:\n  title: T\n  title: U\n" + LOT
    criteria = "criteria:\n  - {id: a, label: A, weight: 80, price: {formula: gap}}\n"
    assert problems(tmp_path, lots, criteria) == [
        f"{tmp_path / 'lots.yaml'}:3: consultation.title: duplicate key 'title' (first at line "
        "2); keep only one [duplicate-key]",
        f"{tmp_path / 'criteria.yaml'}:1: criteria: weights must sum to 100, found 80 = 80 "
        "[weights-sum]",
    ]


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("yes", "yes is read by YAML as the boolean true; quote it: 'yes'"),
        ("Off", "Off is read by YAML as the boolean false; quote it: 'Off'"),
        ("0755", "0755 is read by YAML as an octal number; write it without the leading 0"),
        ("1:30", "1:30 is read by YAML as a base-60 number; quote it: '1:30'"),
    ],
)
def test_yaml_1_1_traps_are_refused(tmp_path: Path, value: str, message: str) -> None:
    lots = f"consultation: {{title: T, buyer: {value}}}\n" + LOT
    assert problems(tmp_path, lots) == [
        f"{tmp_path / 'lots.yaml'}:1: consultation.buyer: {message} [yaml-trap]"
    ]


def test_quoted_yaml_1_1_lookalikes_are_plain_text(tmp_path: Path) -> None:
    config = load_config(*write(tmp_path, "consultation: {title: '0755', buyer: 'yes'}\n" + LOT))
    assert (config.consultation.title, config.consultation.buyer) == ("0755", "yes")


def test_an_unquoted_date_where_text_is_expected_says_to_quote_it(tmp_path: Path) -> None:
    lines = problems(tmp_path, "consultation: {title: 2018-03-23}\n" + LOT)
    assert lines == [
        f"{tmp_path / 'lots.yaml'}:1: consultation.title: Input should be a valid string (found "
        "the date 2018-03-23: quote it to keep it as text) [invalid-value]"
    ]


@pytest.mark.parametrize(
    "lots",
    [
        "consultation: &c {title: T, x: *c}\n" + LOT,  # an alias inside itself
        "a: &a [1, 1]\nb: &b [*a, *a]\nconsultation: {title: T}\n" + LOT,  # nested aliases
    ],
)
def test_yaml_aliases_are_refused(tmp_path: Path, lots: str) -> None:
    lines = problems(tmp_path, lots)
    assert lines
    assert all(line.endswith("[yaml-alias]") for line in lines)
    assert "YAML aliases (*name) are not allowed" in lines[0]


def test_a_thousands_point_in_an_unquoted_yaml_number_is_refused(tmp_path: Path) -> None:
    # French typing: 10.000 for ten thousand; YAML reads the number 10
    lines = problems(
        tmp_path, "consultation: {title: T}\nlots: [{id: 1, title: A, cap_ttc: 10.000}]\n"
    )
    assert lines == [
        f"{tmp_path / 'lots.yaml'}:2: lots.0.cap_ttc: 10.000 is read by YAML as the number 10: if "
        "you meant 10000, write it without the point [yaml-trap]"
    ]


YAML_PIECES = st.sampled_from(
    [
        "consultation:\n", "  title: T\n", "  deadline: 2018-02-30\n", "  vat_rate: 0.2\n",
        "lots:\n", "  - {id: 1, cap_ht: 100}\n", "  - id: x\n", "    cap_ttc: -1\n", "&a ", "*a",
        "\t", ": ", "- ", "[", "}", '"', "\x01", "\x85", "\ufeff", "2018-13-45", "0x1F", "1_000",
        "~", "!!python/object:os.system ", "? ", "%YAML 1.1\n", "---\n", "...\n", "é",
    ]
)  # fmt: skip


@settings(max_examples=300, derandomize=True, deadline=None)
@given(pieces=st.lists(YAML_PIECES, max_size=12), noise=st.text(max_size=20))
def test_any_lots_yaml_gives_a_config_or_problems_never_a_crash(
    tmp_path_factory: pytest.TempPathFactory, pieces: list[str], noise: str
) -> None:
    folder = tmp_path_factory.mktemp("yaml")
    lots, criteria = write(folder, "".join(pieces) + noise)
    lines: tuple[str, ...] = ("loaded",)
    try:
        load_config(lots, criteria)
    except ReferentError as error:  # every other exception is a bug
        lines = error.lines
    assert lines
    assert all(line and "\n" not in line for line in lines)
