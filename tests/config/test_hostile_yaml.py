"""Hostile lots.yaml and criteria.yaml: nesting, size, aliases and absurd numbers are refused
with the file, the line and the key, before anything recursive or costly sees them (issue 12).

Every expected line is written by hand from the file the test builds.
"""

import re
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from referent_ess.cli import app
from referent_ess.config import yaml_reader
from referent_ess.config.loader import load_config
from referent_ess.config.model import Config
from referent_ess.config.yaml_reader import MAX_BYTES, MAX_DEPTH, read_yaml
from referent_ess.problems.errors import ConfigError, ReferentError

LOT = "lots: [{id: 1, title: A, cap_ht: 5}]\n"
CRITERIA = (
    "criteria:\n"
    "  - {id: quality, label: Q, weight: 60}\n"
    "  - {id: price, label: P, weight: 40, price: {formula: proportional}}\n"
)


def write(folder: Path, lots: str, criteria: str = CRITERIA) -> tuple[Path, Path]:
    lots_path, criteria_path = folder / "lots.yaml", folder / "criteria.yaml"
    lots_path.write_text(lots, encoding="utf-8")
    criteria_path.write_text(criteria, encoding="utf-8")
    return lots_path, criteria_path


def problems(folder: Path, lots: str, criteria: str = CRITERIA) -> list[str]:
    with pytest.raises(ConfigError) as caught:
        load_config(*write(folder, lots, criteria))
    return list(caught.value.lines)


def block_nesting(levels: int) -> str:
    """``levels`` block mappings, one in the other: the mapping of depth d starts on line d."""
    return "".join(f"{' ' * d}k{d}:\n" for d in range(levels - 1)) + f"{' ' * levels}k: x\n"


# ---- nesting ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lots", "line"),
    [
        # a flow list 500 deep as the buyer, on line 2: mapping, mapping, then 49 lists fit
        ("consultation:\n  buyer: " + "[" * 500 + "]" * 500 + "\n  title: T\n" + LOT, 2),
        # the same in flow mappings, on line 3
        ("consultation:\n  title: T\n  buyer: " + "{a: " * 300 + "1" + "}" * 300 + "\n" + LOT, 3),
        (block_nesting(60), MAX_DEPTH + 1),  # block mappings: depth 51 starts on line 51
        (block_nesting(MAX_DEPTH + 1), MAX_DEPTH + 1),  # one level too many
        # block sequences: the top mapping, 40 lists on line 2 (depths 2 to 41), 20 on line 3
        ("a:\n" + "- " * 40 + "\n" + "  " * 40 + "- " * 20 + "x\n", 3),
    ],
)
def test_a_node_nested_too_deep_is_refused_at_its_line(
    tmp_path: Path, lots: str, line: int
) -> None:
    path = tmp_path / "lots.yaml"
    assert problems(tmp_path, lots) == [
        f"{path}:{line}: the data is nested more than 50 levels deep here; a configuration needs "
        "only a few [yaml-too-deep]"
    ]


def test_fifty_levels_are_read_and_checked_as_usual(tmp_path: Path) -> None:
    # 50 levels is the limit, not beyond it: the file is read, and what is wrong is its keys
    lines = problems(tmp_path, block_nesting(MAX_DEPTH))
    assert lines
    assert not any("yaml-too-deep" in line for line in lines)
    assert all(line.endswith(("[missing-key]", "[unknown-key]")) for line in lines)


def test_both_files_nested_too_deep_are_reported_together(tmp_path: Path) -> None:
    lots, criteria = tmp_path / "lots.yaml", tmp_path / "criteria.yaml"
    deep = "x: " + "[" * 100 + "]" * 100 + "\n"
    assert problems(tmp_path, "consultation: {title: T}\n" + deep, "total: 100\n" + deep) == [
        f"{lots}:2: the data is nested more than 50 levels deep here; a configuration needs only "
        "a few [yaml-too-deep]",
        f"{criteria}:2: the data is nested more than 50 levels deep here; a configuration needs "
        "only a few [yaml-too-deep]",
    ]


def test_a_deep_file_on_the_command_line_is_one_line_in_each_language(
    runner: CliRunner, tmp_path: Path
) -> None:
    lots, criteria = write(tmp_path, "consultation:\n  title: " + "[" * 5000 + "\n" + LOT)
    args = ["score", "x.xlsx", "--lots", str(lots), "--criteria", str(criteria)]
    english = runner.invoke(app, args)
    assert (english.exit_code, english.stdout) == (2, "")
    assert english.stderr == (
        f"error: {lots}:2: the data is nested more than 50 levels deep here; a configuration "
        "needs only a few [yaml-too-deep]\n"
    )
    french = runner.invoke(app, ["--lang", "fr", *args])
    assert french.exit_code == 2
    assert french.stderr == (
        f"erreur : {lots}:2 : les données sont imbriquées ici sur plus de 50 niveaux ; une "
        "configuration n'en demande que quelques-uns [yaml-too-deep]\n"
    )


# ---- size and aliases ------------------------------------------------------------------------


def test_a_file_over_the_size_limit_is_not_parsed(tmp_path: Path) -> None:
    # a valid consultation padded with a comment to one byte over 1 000 000
    text = "consultation: {title: T}\n" + LOT
    padded = text + "#" * (MAX_BYTES - len(text)) + "\n"
    assert len(padded.encode()) == 1_000_001
    assert problems(tmp_path, padded) == [
        f"{tmp_path / 'lots.yaml'}: the file is larger than 1 MB, far more than a configuration "
        "needs (a few kilobytes): check that this is the right file [yaml-too-large]"
    ]


def test_a_huge_file_is_not_read_whole(tmp_path: Path) -> None:
    # 5 GB of zero bytes (a sparse file: nothing is written to the disk); reading it whole
    # would take the memory of the machine
    path = tmp_path / "lots.yaml"
    with path.open("wb") as stream:
        stream.truncate(5_000_000_000)
    document = read_yaml(path)
    assert [problem.code for problem in document.problems] == ["yaml-too-large"]
    assert document.data is None


@pytest.mark.parametrize("size", [200, 201])
def test_the_size_limit_is_exact(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, size: int
) -> None:
    monkeypatch.setattr(yaml_reader, "MAX_BYTES", 200)
    path = tmp_path / "lots.yaml"
    text = "consultation: {title: T}\n" + LOT
    path.write_text(text + "#" * (size - len(text) - 1) + "\n", encoding="utf-8")
    codes = [problem.code for problem in read_yaml(path).problems]
    assert codes == ([] if size == 200 else ["yaml-too-large"])


BILLION_LAUGHS = """\
a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]
b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]
c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]
d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]
e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]
f: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e]
g: &g [*f, *f, *f, *f, *f, *f, *f, *f, *f]
h: &h [*g, *g, *g, *g, *g, *g, *g, *g, *g]
i: &i [*h, *h, *h, *h, *h, *h, *h, *h, *h]
"""


def test_billion_laughs_is_refused_without_being_expanded(tmp_path: Path) -> None:
    # expanded, the last list would hold 9**9 = 387 420 489 strings
    lines = problems(tmp_path, BILLION_LAUGHS + "consultation: {title: T}\n" + LOT)
    path = tmp_path / "lots.yaml"
    alias = "YAML aliases (*name) are not allowed; write the value out [yaml-alias]"
    assert len(lines) == 8 * 9  # every alias once, each list expanded never
    assert lines[0] == f"{path}:1: b.0: {alias}"  # the line of the list it names
    assert lines[-1] == f"{path}:8: i.8: {alias}"


# ---- absurd numbers --------------------------------------------------------------------------

LOTS = """\
consultation:
  title: {title}
  deadline: {deadline}
  vat_rate: {vat_rate}
  abnormally_low: {{method: mean-ratio, ratio: {ratio}}}
  max_lots_per_candidate: {max_lots}
lots:
  - id: {lot_id}
    title: A
    cap_ht: {cap_ht}
"""
LOTS_VALUES = {
    "title": "T", "deadline": "2018-03-23", "vat_rate": "0.2", "ratio": "0.8", "max_lots": "1",
    "lot_id": "1", "cap_ht": "5",
}  # fmt: skip
LOTS_PLACES = {
    "title": ("consultation.title", 2), "deadline": ("consultation.deadline", 3),
    "vat_rate": ("consultation.vat_rate", 4), "ratio": ("consultation.abnormally_low.ratio", 5),
    "max_lots": ("consultation.max_lots_per_candidate", 6), "lot_id": ("lots.0.id", 8),
    "cap_ht": ("lots.0.cap_ht", 10),
}  # fmt: skip

CRITERIA_FILE = """\
total: {total}
marks_scale: {marks_scale}
marks_divergence: {divergence}
criteria:
  - id: quality
    label: Q
    weight: {weight}
    scale: {scale}
  - id: price
    label: P
    weight: 40
    price: {{formula: gap, k: {k}}}
"""
CRITERIA_VALUES = {
    "total": "100", "marks_scale": "5", "divergence": "2", "weight": "60", "scale": "10",
    "k": "2",
}  # fmt: skip
CRITERIA_PLACES = {
    "total": ("total", 1), "marks_scale": ("marks_scale", 2),
    "divergence": ("marks_divergence", 3), "weight": ("criteria.0.weight", 7),
    "scale": ("criteria.0.scale", 8), "k": ("criteria.1.price.k", 12),
}  # fmt: skip

HUGE_NUMBERS = [
    "9" * 5000,  # more digits than Python turns into an integer: was "not a real date"
    "-" + "9" * 5000,
    "1" + "0" * 25,
    "9" * 5000 + ".5",  # was the float inf: "expected a finite number"
    "1.5e+30",
    "0x" + "f" * 4000,  # an integer of 4817 digits, that Python cannot write in decimal
]


def one_wrong(key: str, value: str, tmp_path: Path) -> list[str]:
    """The problems of the consultation with ``key`` set to ``value``, everything else right."""
    if key in LOTS_PLACES:
        return problems(tmp_path, LOTS.format(**{**LOTS_VALUES, key: value}))
    lots = LOTS.format(**LOTS_VALUES)
    return problems(tmp_path, lots, CRITERIA_FILE.format(**{**CRITERIA_VALUES, key: value}))


def where(key: str, tmp_path: Path) -> str:
    field, line = {**LOTS_PLACES, **CRITERIA_PLACES}[key]
    name = "lots.yaml" if key in LOTS_PLACES else "criteria.yaml"
    return f"{tmp_path / name}:{line}: {field}"


def test_the_right_values_load(tmp_path: Path) -> None:
    lots = LOTS.format(**LOTS_VALUES)
    config = load_config(*write(tmp_path, lots, CRITERIA_FILE.format(**CRITERIA_VALUES)))
    assert config.consultation.vat_rate == Decimal("0.2")
    assert config.lots[0].cap_ht == 5


@pytest.mark.parametrize("huge", HUGE_NUMBERS, ids=lambda text: text[:12])
@pytest.mark.parametrize(
    "key",
    ["vat_rate", "ratio", "max_lots", "lot_id", "cap_ht", "total", "marks_scale", "divergence",
     "weight", "scale", "k"],
)  # fmt: skip
def test_a_huge_number_is_too_large_for_any_numeric_key(
    tmp_path: Path, key: str, huge: str
) -> None:
    assert one_wrong(key, huge, tmp_path) == [
        f"{where(key, tmp_path)}: a number of more than 20 digits is far too large here "
        "[invalid-value]"
    ]


@pytest.mark.parametrize("huge", HUGE_NUMBERS, ids=lambda text: text[:12])
def test_a_huge_number_as_the_deadline_says_a_date_is_expected(tmp_path: Path, huge: str) -> None:
    assert one_wrong("deadline", huge, tmp_path) == [
        f"{where('deadline', tmp_path)}: found a number of more than 20 digits, expected a date "
        "such as 2018-03-23 [invalid-value]"
    ]


@pytest.mark.parametrize("huge", HUGE_NUMBERS, ids=lambda text: text[:12])
def test_a_huge_number_as_a_text_is_not_written_out(tmp_path: Path, huge: str) -> None:
    assert one_wrong("title", huge, tmp_path) == [
        f"{where('title', tmp_path)}: Input should be a valid string (found a number of more "
        "than 20 digits) [invalid-value]"
    ]


def test_a_huge_number_in_french(runner: CliRunner, tmp_path: Path) -> None:
    lots, criteria = write(tmp_path, LOTS.format(**{**LOTS_VALUES, "deadline": "2" * 5000}))
    lots.write_text(LOTS.format(**{**LOTS_VALUES, "cap_ht": "9" * 5000}), encoding="utf-8")
    args = ["--lang", "fr", "score", "x.xlsx", "--lots", str(lots), "--criteria", str(criteria)]
    result = runner.invoke(app, args)
    assert result.exit_code == 2
    assert result.stderr == (
        f"erreur : {lots}:10 : lots.0.cap_ht : un nombre de plus de 20 chiffres est bien trop "
        "grand ici [invalid-value]\n"
    )


@pytest.mark.parametrize(
    ("key", "value", "message"),
    [
        ("lot_id", "1000001", "Input should be less than or equal to 1000000 (found 1000001)"),
        ("max_lots", "1000001", "Input should be less than or equal to 1000000 (found 1000001)"),
        ("total", "1000000.5", "Input should be less than or equal to 1000000 (found 1000000.5)"),
        ("marks_scale", "2.0e+6", "Input should be less than or equal to 1000000 (found 2000000)"),
        ("scale", "5000000", "Input should be less than or equal to 1000000 (found 5000000)"),
        ("k", "1000001", "Input should be less than or equal to 1000000 (found 1000001)"),
        ("divergence", "9999999", "Input should be less than or equal to 1000000 (found 9999999)"),
        ("vat_rate", "12345678", "Input should be less than 1 (found 12345678)"),
        ("cap_ht", "1.0e+12", "Input should be less than 1000000000000 (found 1000000000000)"),
        ("weight", "101", "Input should be less than or equal to 100 (found 101)"),
        ("ratio", "1.0", "Input should be less than 1 (found 1.0)"),
    ],
)  # fmt: skip
def test_every_number_has_an_upper_bound(
    tmp_path: Path, key: str, value: str, message: str
) -> None:
    assert one_wrong(key, value, tmp_path) == [f"{where(key, tmp_path)}: {message} [invalid-value]"]


@pytest.mark.parametrize(
    ("key", "value", "found"),
    [
        ("weight", "33.3333333", "33.3333333"),
        ("weight", "1.0e-999999999", "1.0E-999999999"),  # exact fractions of a billion digits
        ("vat_rate", "0.0000001", "0.0000001"),
        ("ratio", "0.12345678", "0.12345678"),
        ("k", "'2.0000001'", "'2.0000001'"),  # quoted: read as a number all the same
    ],
)
def test_no_number_has_more_than_six_decimals(
    tmp_path: Path, key: str, value: str, found: str
) -> None:
    assert one_wrong(key, value, tmp_path) == [
        f"{where(key, tmp_path)}: Decimal input should have no more than 6 decimal places "
        f"(found {found}) [invalid-value]"
    ]


def test_an_amount_far_below_the_cent_is_refused_as_such(tmp_path: Path) -> None:
    assert one_wrong("cap_ht", "1.0e-999999999", tmp_path) == [
        f"{where('cap_ht', tmp_path)}: found 1.0E-999999999, expected an amount with at most 2 "
        "decimals [too-many-decimals]"
    ]


@pytest.mark.parametrize(
    ("value", "shown"),
    [("!!float abc", "'abc'"), ("!!int abc", "'abc'"), ("!!int ''", "''"), ("!!int 0x", "'0x'")],
)
def test_a_text_tagged_as_a_number_is_a_located_error(
    tmp_path: Path, value: str, shown: str
) -> None:
    lines = problems(tmp_path, LOTS.format(**{**LOTS_VALUES, "vat_rate": value}))
    assert lines == [
        f"{tmp_path / 'lots.yaml'}:4: YAML syntax error (column 13): {shown} is not a number; "
        "check the indentation (spaces, not tabs) and the quotes on this line and the one before "
        "[yaml-syntax]"
    ]


def test_unquoted_numbers_are_exact_decimals(tmp_path: Path) -> None:
    values = {**LOTS_VALUES, "vat_rate": "0.055", "cap_ht": "999999999999.99", "ratio": "0.85"}
    criteria = CRITERIA_FILE.format(**{**CRITERIA_VALUES, "weight": "59.999999", "total": "100"})
    criteria = criteria.replace("weight: 40", "weight: 40.000001")
    config = load_config(*write(tmp_path, LOTS.format(**values), criteria))
    assert config.consultation.vat_rate == Decimal("0.055")
    assert config.consultation.abnormally_low_ratio == Decimal("0.85")
    assert config.lots[0].cap_ht == Decimal("999999999999.99")
    weights = [c.weight for c in config.criteria_for(None).criteria]
    assert weights == [Decimal("59.999999"), Decimal("40.000001")]


NUMBER_TEXT = st.one_of(
    st.from_regex(r"[-+]?[0-9_]{0,40}(\.[0-9_]{0,40})?([eE][-+]?[0-9]{1,12})?", fullmatch=True),
    st.from_regex(r"0x[0-9a-f]{1,60}|0b[01]{1,90}|0o?[0-7]{1,40}", fullmatch=True),
    st.sampled_from([".inf", "-.inf", ".nan", "1:30", "190:20:30.15", "1e400", "-0.0", "1_0"]),
)
READ: dict[str, Callable[[Config], object]] = {
    "vat_rate": lambda c: c.consultation.vat_rate,
    "ratio": lambda c: c.consultation.abnormally_low_ratio,
    "max_lots": lambda c: c.consultation.max_lots_per_candidate,
    "lot_id": lambda c: c.lots[0].id,
    "cap_ht": lambda c: c.lots[0].cap_ht,
    "total": lambda c: c.total,
    # the price criterion has no scale of its own: the marked one takes marks_scale
    "marks_scale": lambda c: c.criteria_for(None).criteria[1].scale,
    "divergence": lambda c: c.marks_divergence,
    "weight": lambda c: c.criteria_for(None).criteria[0].weight,
    "scale": lambda c: c.criteria_for(None).criteria[0].scale,
    "k": lambda c: p.k if (p := c.criteria_for(None).price_criterion.price) else None,
}


def meant(text: str) -> int | Decimal:
    """What a number written so means, worked out without YAML."""
    if text.startswith(("0x", "0b")):
        return int(text[2:], 16 if text[1] == "x" else 2)
    return Decimal(text.replace("_", ""))


@settings(max_examples=300, derandomize=True, deadline=None)
@given(key=st.sampled_from(sorted(READ)), text=NUMBER_TEXT)
def test_any_spelling_of_a_number_is_read_exactly_or_refused_at_its_line(
    tmp_path_factory: pytest.TempPathFactory, key: str, text: str
) -> None:
    folder = tmp_path_factory.mktemp("numbers")
    lots, criteria = LOTS_VALUES, CRITERIA_VALUES
    if key in LOTS_PLACES:
        lots = {**lots, key: text}
    else:
        criteria = {**criteria, key: text}
    try:
        config = load_config(*write(folder, LOTS.format(**lots), CRITERIA_FILE.format(**criteria)))
    except ConfigError as error:  # refused: one line, located, short (never 5000 digits)
        (line,) = error.lines
        name = "lots.yaml" if key in LOTS_PLACES else "criteria.yaml"
        assert re.match(re.escape(f"{folder / name}:") + r"[0-9]+: ", line)
        assert len(line) < 400
        return
    if text:  # an empty value is YAML's null: the key's default
        assert READ[key](config) == meant(text)


def test_a_bare_huge_number_as_the_whole_file(tmp_path: Path) -> None:
    lots = tmp_path / "lots.yaml"
    assert problems(tmp_path, "9" * 5000 + "\n") == [
        f"{lots}:1: expected a mapping of keys (consultation, lots), found a number [not-a-mapping]"
    ]


def test_read_errors_still_raise(tmp_path: Path) -> None:
    with pytest.raises(ReferentError):
        read_yaml(tmp_path / "missing.yaml")
