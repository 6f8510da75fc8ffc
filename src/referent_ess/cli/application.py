"""The ``referent`` application: its global options, its commands, and how a run ends.

The one place that turns a run's end into an exit code: a ``ReferentError`` (unusable input or
usage) becomes ``error: …`` lines on stderr and exit code 2; :class:`~referent_ess.cli.exits.
Findings` becomes exit code 1. A bug is neither: it stays a traceback.
"""

import os
from typing import TYPE_CHECKING, Annotated, Any

import typer
from typer.core import TyperGroup

from referent_ess._version import __version__
from referent_ess.cli.commands import COMMANDS
from referent_ess.cli.exits import EXIT_FINDINGS, EXIT_UNUSABLE, Findings
from referent_ess.cli.options import Language
from referent_ess.cli.output import describe

if TYPE_CHECKING:
    from typer._click import Context

    from referent_ess.problems.errors import ReferentError


class _Commands(TyperGroup):
    """Turns the project's one exception into ``error: …`` lines and exit code 2, and findings
    into exit code 1, in one place."""

    def invoke(self, ctx: "Context") -> Any:
        import gc

        from referent_ess import i18n
        from referent_ess.problems.errors import ReferentError

        # A command is short-lived and its data holds no reference cycles: the cyclic garbage
        # collector would only walk hundreds of thousands of objects for nothing (a third of
        # the time on a large workbook). Reference counting still frees memory.
        collecting = gc.isenabled()
        gc.disable()
        language = i18n.current()  # the --lang of this run must not outlive it (scripts, tests)
        try:
            return super().invoke(ctx)
        except ReferentError as exc:
            for line in error_lines(exc):
                typer.echo(f"{i18n.tr('prefix.error')}{line}", err=True)
            raise typer.Exit(EXIT_UNUSABLE) from None
        except Findings:
            raise typer.Exit(EXIT_FINDINGS) from None
        finally:
            i18n.set_language(language)
            if collecting:
                gc.enable()


def error_lines(error: "ReferentError") -> tuple[str, ...]:
    """The lines of an unusable-input error, in the user's language where the catalogue has
    their wording (the English text otherwise), without their ``error: `` prefix."""
    from referent_ess import i18n
    from referent_ess.problems.errors import one_line

    if error.problems:
        lines = tuple(describe(problem) for problem in error.problems)
    elif error.params and error.code:
        lines = (f"{i18n.message(error.code, error.params)} [{error.code}]",)
    else:
        return error.lines
    return tuple(one_line(line) for line in lines)


app = typer.Typer(
    cls=_Commands,
    name="referent",
    help="Score, rank and budget-check the offers of a call for tenders split into lots.",
    no_args_is_help=True,
    add_completion=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)
for command in COMMANDS:
    app.command()(command)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"referent {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_version, is_eager=True, help="Show the version and exit."
        ),
    ] = False,
    lang: Annotated[
        Language | None,
        typer.Option(
            "--lang",
            help="Language of tables and documents: fr or en (default: REFERENT_LANG, "
            "else the locale). JSON and CSV never change.",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Score, rank and budget-check the offers of a call for tenders split into lots.

    Reads lots.yaml and criteria.yaml in the current folder (or --lots/--criteria) and an offers
    workbook (.xlsx). Exit codes: 0 done, 1 findings, 2 unusable input.
    """
    from referent_ess import i18n

    del version  # handled by its eager callback
    i18n.set_language(lang.value if lang is not None else i18n.default_language())


def main() -> None:
    """Entry point of the ``referent`` console script."""
    # When it builds the first model, pydantic looks for plugins (observability hooks) in the
    # entry points of every installed package. referent uses none; a user who does can still
    # set this variable to another value.
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    app(prog_name="referent")
