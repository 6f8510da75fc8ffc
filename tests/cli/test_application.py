"""A command line that names its command runs an application of that command alone (Typer
builds every command's parameters before running one): it must do exactly what the application
of every command does."""

from collections.abc import Sequence

import pytest
import typer
from cli_helpers import CONFIG
from typer.main import get_command
from typer.testing import CliRunner

from referent_ess.cli import app
from referent_ess.cli.application import _app_for


def _commands(application: typer.Typer) -> list[str]:
    group = get_command(application)
    assert isinstance(group, typer.core.TyperGroup)
    return list(group.commands)


def test_every_command_name_is_typer_s() -> None:
    every = _commands(app)
    assert len(every) == 14
    for name in every:
        assert _commands(_app_for([name], {})) == [name]


@pytest.mark.parametrize(
    ("args", "command"),
    [
        (["score", "--format", "json"], "score"),
        (["check-budget"], "check-budget"),
        (["--lang", "fr", "rank", "--lot", "3"], "rank"),
        (["--lang=fr", "validate"], "validate"),
        (["--lang", "fr", "--lang", "en", "lint"], "lint"),
        (["score", "--help"], "score"),
    ],
)
def test_a_named_command_runs_alone(args: list[str], command: str) -> None:
    assert _commands(_app_for(args, {})) == [command]


@pytest.mark.parametrize(
    "args",
    [
        [],
        ["--help"],
        ["--version"],
        ["--version", "score"],  # not what --lang takes: left to the whole application
        ["scor"],  # misspelt: the error lists the commands
        ["--lang", "score"],  # "score" is the value of --lang here
        ["--", "score"],
        ["--install-completion"],
    ],
)
def test_any_other_command_line_runs_every_command(args: list[str]) -> None:
    assert _app_for(args, {}) is app


def test_shell_completion_sees_every_command() -> None:
    assert _app_for(["score"], {"_REFERENT_COMPLETE": "bash_complete"}) is app


@pytest.mark.parametrize(
    "args",
    [
        ["score", "--format", "json", *CONFIG],
        ["--lang", "fr", "score", *CONFIG],
        ["rank", "--lot", "3", *CONFIG],
        ["check-budget", *CONFIG],  # exit 1
        ["score", "--lot", "abc", "--lang", "fr", *CONFIG],  # exit 2, in French
        ["score", "--lot", "7", *CONFIG],  # no such lot
        ["score", "--nope"],  # Click's usage error
        ["score", "--help"],
        ["--lang", "xx", "score"],  # the group's own option refused
        ["lint", "--format", "json", *CONFIG],
    ],
)
def test_a_command_alone_does_what_it_does_among_all(
    runner: CliRunner, args: Sequence[str]
) -> None:
    alone = _app_for(args, {})
    assert alone is not app
    among_all = runner.invoke(app, list(args))
    by_itself = runner.invoke(alone, list(args))
    assert by_itself.exit_code == among_all.exit_code
    assert by_itself.stdout == among_all.stdout
    assert by_itself.stderr == among_all.stderr
