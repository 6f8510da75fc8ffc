"""The ``referent`` application: its global options, its commands, and how a run ends.

The one place that turns a run's end into an exit code: a ``ReferentError`` (unusable input or
usage) becomes ``error: …`` lines on stderr and exit code 2; :class:`~referent_ess.cli.exits.
Findings` becomes exit code 1. A bug is neither: it stays a traceback.
"""

import functools
import gc
import importlib
import inspect
import os
import sys
import types
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Annotated, Any

import typer
from typer.core import TyperGroup

from referent_ess._version import __version__
from referent_ess.cli.commands import COMMANDS
from referent_ess.cli.exits import EXIT_FINDINGS, EXIT_UNUSABLE, Findings
from referent_ess.cli.options import Language

if TYPE_CHECKING:
    from typer._click import Context


class _Commands(TyperGroup):
    """Turns the project's one exception into ``error: …`` lines and exit code 2, and findings
    into exit code 1, in one place."""

    def invoke(self, ctx: "Context") -> Any:
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
            for line in exc.lines_in():  # in the run's language
                typer.echo(f"{i18n.tr('prefix.error')}{line}", err=True)
            raise typer.Exit(EXIT_UNUSABLE) from None
        except Findings:
            raise typer.Exit(EXIT_FINDINGS) from None
        finally:
            i18n.set_language(language)
            if collecting:
                gc.enable()


def _language_given(value: "Language | None") -> None:
    """``--lang`` after the command: set at once (the option is eager), so that even an error
    in the command's other options is in that language."""
    if value is not None:
        from referent_ess import i18n

        i18n.set_language(value.value)


_LANG_HELP = (
    "Language of tables and documents: fr or en (default: REFERENT_LANG, else the locale). "
    "JSON and CSV never change."
)


def _with_global_options(command: Callable[..., None]) -> Callable[..., None]:
    """The command as Typer should see it: its own options, and the global options that also
    make sense after the command's name (``referent score --lang fr`` as ``referent --lang fr
    score``). The one place that adds them."""
    signature = inspect.signature(command)
    lang = inspect.Parameter(
        "lang",
        inspect.Parameter.KEYWORD_ONLY,
        default=None,
        annotation=Annotated[
            Language | None,
            typer.Option(
                "--lang",
                help=_LANG_HELP,
                show_default=False,
                is_eager=True,
                callback=_language_given,
            ),
        ],
    )

    @functools.wraps(command)
    def run(**given: Any) -> None:
        given.pop("lang", None)  # already set by its callback
        command(**given)

    parameters = [*signature.parameters.values(), lang]
    run.__annotations__ = {**command.__annotations__, "lang": lang.annotation}
    vars(run)["__signature__"] = signature.replace(parameters=parameters)
    return run


def _version(value: bool) -> None:
    if value:
        typer.echo(f"referent {__version__}")
        raise typer.Exit()


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
            help=_LANG_HELP,
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


def _application(commands: Iterable[Callable[..., None]]) -> typer.Typer:
    """The ``referent`` application with these commands: its settings, global options and
    callback written once, for :data:`app` and for :func:`_app_for`."""
    built = typer.Typer(
        cls=_Commands,
        name="referent",
        help="Score, rank and budget-check the offers of a call for tenders split into lots.",
        no_args_is_help=True,
        add_completion=True,
        pretty_exceptions_enable=False,
        rich_markup_mode=None,
    )
    for command in commands:
        built.command()(_with_global_options(command))
    built.callback()(_main)
    return built


app = _application(COMMANDS)

# Each command under the name Typer gives it (``check_budget`` is ``check-budget``).
_BY_NAME = {command.__name__.replace("_", "-"): command for command in COMMANDS}
_COMPLETION = "_REFERENT_COMPLETE"  # set by the shell while it completes a command line


def _app_for(args: Sequence[str], environ: Mapping[str, str]) -> typer.Typer:
    """The application that runs the command line ``args``: with only the command it names
    when nothing but ``--lang`` comes before that name, else (``--help``, ``--version``, no
    command, a misspelt one, shell completion) with every command.

    Typer builds the parameters of every command of an application before running one (their
    signatures and type hints, 14 commands): about 2 % of ``referent score`` on the example,
    which an application of one command, such as the no-op of ``benchmarks/run.py``, does not
    pay. What the group does with its options and the named command is the same either way (a
    test compares the outputs)."""
    index = 0
    while index < len(args) and (args[index] == "--lang" or args[index].startswith("--lang=")):
        index += 2 if args[index] == "--lang" else 1
    name = args[index] if index < len(args) else None
    if name in _BY_NAME and _COMPLETION not in environ:
        return _application([_BY_NAME[name]])
    return app


_PLUGIN_LOADER = "pydantic.plugin._loader"
_PLUGINS_OFF = ("__all__", "1", "true")  # the values that pydantic reads as "no plugins"


class _NoPluginLoader(types.ModuleType):
    """What pydantic's plugin loader answers when plugins are disabled (no plugins), without
    importing it.

    When it builds its first validator, pydantic imports ``pydantic.plugin._loader``, whose
    first line imports :mod:`importlib.metadata` (with email, zipfile, csv, socket…) to read
    the entry points of every installed package; the documented switch
    ``PYDANTIC_DISABLE_PLUGINS`` only skips the reading, not that import, which is about a
    sixth of ``referent score``'s start (see the README's Performance section). pydantic
    (2.x) takes one function from that module, ``get_plugins``, and with plugins disabled the
    real one returns no plugins: so does this one. Any other name asked for loads the real
    module in its place, so that a pydantic that would use more of it still works."""

    @staticmethod
    def get_plugins() -> tuple[()]:
        """No plugins, as the real ``get_plugins`` answers when they are disabled."""
        return ()

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__"):  # what the import system asks of any module (__path__…)
            raise AttributeError(name)
        del sys.modules[_PLUGIN_LOADER]
        return getattr(importlib.import_module(_PLUGIN_LOADER), name)


def _skip_plugin_discovery() -> None:
    """Disable pydantic's plugins (referent uses none; a user who does can set
    ``PYDANTIC_DISABLE_PLUGINS`` to another value) and, while they are disabled, stand in for
    their loader (see :class:`_NoPluginLoader`)."""
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    if os.environ["PYDANTIC_DISABLE_PLUGINS"] in _PLUGINS_OFF:
        sys.modules.setdefault(_PLUGIN_LOADER, _NoPluginLoader(_PLUGIN_LOADER))


def main() -> None:
    """Entry point of the ``referent`` console script: the process ends with the command.

    The cyclic garbage collector is off for the whole run, not only the command's own work
    (see :class:`_Commands`): building the application and parsing the command line (pydantic
    is imported then) would run it for nothing, 17 M of the 1 200 M instructions of
    ``referent score`` on the example (callgrind). Python's exit runs it once more over every
    object still alive, to free what only reference cycles hold: the process's memory is the
    system's to take back at that point, and Python does not promise to finalise objects alive
    at exit. So the objects of the run are frozen (:func:`gc.freeze`) once the command is done,
    and that collection leaves them out: 70 M of 1 270 M instructions. A program that calls
    this function and goes on finds the collector off and those objects kept."""
    _skip_plugin_discovery()
    gc.disable()
    try:
        _app_for(sys.argv[1:], os.environ)(prog_name="referent")
    finally:
        gc.freeze()
