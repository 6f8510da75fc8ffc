"""Every numeric option of every command is checked by the command line itself: a value out of
its range, or that is no whole number, is one line in the user's language and exit code 2,
before any file is read (``sensitivity --spread 61`` was a ZeroDivisionError, ``--spread -1`` a
ValueError from deep inside ``random``; issue 12)."""

import json
from pathlib import Path

import pytest
from cli_helpers import CONFIG, run
from typer.testing import CliRunner

from referent_ess.analysis import sensitivity
from referent_ess.cli import options
from referent_ess.config import schema

# the command (before the option), each numeric option with its range, as --help gives it
NUMERIC_OPTIONS = [
    (["score", *CONFIG], "--lot", 1, 1_000_000),
    (["rank", *CONFIG], "--lot", 1, 1_000_000),
    (["report", "--out", "r.xlsx", *CONFIG], "--lot", 1, 1_000_000),
    (["letters", "--out", "letters", *CONFIG], "--lot", 1, 1_000_000),
    (["simulate", *CONFIG], "--lot", 1, 1_000_000),
    (["sensitivity", *CONFIG], "--lot", 1, 1_000_000),
    (["sensitivity", "--lot", "3", *CONFIG], "--samples", 0, 100_000),
    (["sensitivity", "--lot", "3", *CONFIG], "--spread", 0, 100),
    (["sensitivity", "--lot", "3", *CONFIG], "--seed", 0, 4_294_967_295),
    (["explain", "Habiter Autrement 44", *CONFIG], "--lot", 1, 1_000_000),
    (["init", "new"], "--lots", 1, 1000),
]


def wrong_values(low: int, high: int) -> list[tuple[str, str]]:
    """Values an option refuses, and how its message shows each."""
    return [
        (str(low - 1), str(low - 1)),  # just below
        (str(high + 1), str(high + 1)),  # just above
        ("-5", "-5"),
        ("abc", "abc"),
        ("2.5", "2.5"),
        ("1e3", "1e3"),
        ("٣", "٣"),  # an Arabic-Indic three: int() would read it, the option does not
        ("9" * 5000, "9" * 29 + "…"),  # not written out whole
    ]


CASES = [
    pytest.param(command, option, value, shown, low, high, id=f"{command[0]}{option}={value[:6]}")
    for command, option, low, high in NUMERIC_OPTIONS
    for value, shown in wrong_values(low, high)
]


@pytest.mark.parametrize(("command", "option", "value", "shown", "low", "high"), CASES)
def test_a_numeric_option_out_of_its_range_is_refused_in_one_line(
    runner: CliRunner,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    command: list[str],
    option: str,
    value: str,
    shown: str,
    low: int,
    high: int,
) -> None:
    monkeypatch.chdir(tmp_path)  # nothing may be written, even by init
    result = run(runner, [*command, option, value], 2)
    assert (result.stdout, result.stderr) == (
        "",
        f"error: {option} takes a whole number from {low} to {high} (found {shown}) [bad-option]\n",
    )
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["sensitivity", "--lot", "3", "--spread", "101"],
            "--spread attend un nombre entier de 0 à 100 (valeur donnée : 101)",
        ),
        (
            ["sensitivity", "--lot", "3", "--samples", "-1"],
            "--samples attend un nombre entier de 0 à 100000 (valeur donnée : -1)",
        ),
        (
            ["rank", "--lot", "un"],
            "--lot attend un nombre entier de 1 à 1000000 (valeur donnée : un)",
        ),
    ],
)
def test_the_refusal_in_french(runner: CliRunner, args: list[str], message: str) -> None:
    result = run(runner, ["--lang", "fr", *args, *CONFIG], 2)
    assert result.stderr == f"erreur : {message} [bad-option]\n"


def test_init_s_refusal_in_french(runner: CliRunner, tmp_path: Path) -> None:
    result = run(runner, ["--lang", "fr", "init", str(tmp_path / "new"), "--lots", "0"], 2)
    message = "--lots attend un nombre entier de 1 à 1000 (valeur donnée : 0)"
    assert result.stderr == f"erreur : {message} [bad-option]\n"


@pytest.mark.parametrize(
    ("option", "value"),
    [("--spread", "0"), ("--spread", "100"), ("--seed", "0"), ("--seed", "4294967295")],
)
def test_the_bounds_themselves_are_accepted(runner: CliRunner, option: str, value: str) -> None:
    args = ["sensitivity", "--lot", "3", "--samples", "20", option, value, "-f", "json", *CONFIG]
    assert json.loads(run(runner, args, 0).stdout)["samples"]["draws"] == 20


@pytest.mark.parametrize(("spread", "samples"), [(50, 2000), (61, 500), (100, 300)])
def test_wide_spreads_that_crashed_now_count_every_draw(
    runner: CliRunner, spread: int, samples: int
) -> None:
    # at these spreads every weight of the example (30, 30, 20, 20) can fall to 0 in one draw:
    # at 100 points, about one draw in fifty (70/201 × 70/201 × 80/201 × 80/201)
    args = ["sensitivity", "--lot", "3", "--spread", str(spread), "--samples", str(samples)]
    data = json.loads(run(runner, [*args, "-f", "json", *CONFIG], 0).stdout)
    assert data["samples"]["draws"] == samples
    assert sum(data["samples"]["wins"].values()) >= samples  # each draw has a winner


def test_the_bounds_are_the_library_s() -> None:
    assert options.MAX_SPREAD == sensitivity.MAX_SPREAD
    assert options.LARGEST_LOT == schema.LARGEST_SETTING


def test_help_shows_each_range(runner: CliRunner) -> None:
    text = " ".join(run(runner, ["sensitivity", "--help"], 0).stdout.split())
    assert "[default: 10; 0<=x<=100]" in text
    assert "[default: 0; 0<=x<=100000]" in text
    assert "[1<=x<=1000000; required]" in text


def test_numbers_option_offers_the_library_choices() -> None:
    """``--numbers`` is written in the CLI (so that ``--help`` need not import the library's
    number reading): its choices must be the library's, and reach it as the library's type."""
    from referent_ess.base.values import Numbers

    assert [(c.name, c.value) for c in options.NumberStyle] == [(c.name, c.value) for c in Numbers]
    for style, expected in (
        (options.NumberStyle.FR, Numbers.FR),
        (options.NumberStyle.EN, Numbers.EN),
    ):
        convention = options.Inputs(numbers=style).convention
        assert type(convention) is Numbers
        assert convention is expected
    assert options.Inputs().convention is None
