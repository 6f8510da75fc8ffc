"""What a command shows, and where: its result on stdout or in a file, the rest on stderr.

stdout holds the result only (a table, JSON, CSV, Markdown), so that it can be piped; warnings,
``written: PATH`` and the progress bar go to stderr. Heavy modules (rich, the renderers) are
imported when used, so that ``referent --help`` stays fast.
"""

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from referent_ess.cli.exits import Findings
from referent_ess.cli.options import Destination, OutputFormat

if TYPE_CHECKING:
    from rich.console import RenderableType

    from referent_ess.analysis.lint import Finding
    from referent_ess.evaluation.results import Evaluation
    from referent_ess.intake.sheet import Progress
    from referent_ess.problems.problem import Headings, Problem

LARGE_WORKBOOK_ROWS = 2000  # below this, reading is quick: no progress bar
MAX_WARNINGS = 20  # more would drown the output; validate lists every one


@contextmanager
def loading() -> "Iterator[Progress | None]":
    """A progress bar on stderr while a large workbook is read — only on a terminal."""
    import sys

    if not sys.stderr.isatty():
        yield None
        return
    from rich.console import Console
    from rich.progress import Progress as Bar
    from rich.progress import SpinnerColumn, TextColumn

    from referent_ess import i18n

    bar = Bar(
        SpinnerColumn(),
        TextColumn(i18n.tr("cli.reading")),  # rich fills in {task.completed}
        console=Console(stderr=True),
        transient=True,
    )
    task = bar.add_task("read", total=None)
    shown = False

    def advance(rows: int) -> None:
        nonlocal shown
        if rows < LARGE_WORKBOOK_ROWS:
            return
        if not shown:
            bar.start()
            shown = True
        bar.update(task, completed=rows)

    try:
        yield advance
    finally:
        if shown:
            bar.stop()


def emit(
    destination: Destination,
    renderers: Mapping[OutputFormat, Callable[[], str | Iterable[str]]],
    table: Callable[[], "RenderableType"],
    inputs: Sequence[Path],
) -> None:
    """Render in the chosen format, to the screen or (atomically) to the --output file. A
    renderer may give its text in pieces, written as they come (large JSON documents)."""
    text: str | Iterable[str]
    if destination.format in renderers:
        text = renderers[destination.format]()
    elif destination.path is not None:
        from referent_ess.render.terminal.printing import plain_parts

        text = plain_parts(table())
    else:
        from referent_ess.render.terminal.printing import print_wide

        with _screen():
            print_wide(table())
        return
    if destination.path is None:
        with _screen():
            for piece in [text] if isinstance(text, str) else text:
                typer.echo(piece, nl=False)
        return
    from referent_ess.files.atomic_write import write_atomically

    write_atomically(destination.path, text, inputs=inputs, force=destination.force)
    say_written(destination.path)


@contextmanager
def _screen() -> Iterator[None]:
    """The result goes to stdout: a full disk or a failing device behind it is one line (exit
    code 2), never a traceback. A pipe closed early (``| head``) is Typer's to end quietly."""
    import sys

    from referent_ess.problems.errors import ReferentError, os_reason

    try:
        yield
        sys.stdout.flush()
    except BrokenPipeError:
        raise
    except OSError as exc:
        raise ReferentError("stdout-unwritable", params=os_reason(exc)) from None


def read_files(evaluation: "Evaluation") -> list[Path]:
    """The files an evaluation was read from: no output may replace them."""
    config = evaluation.config
    return [config.lots_path, config.criteria_path, evaluation.book.path]


def offer_problems(
    evaluation: "Evaluation", lot_ids: Sequence[int] | None, *, errors: bool = True
) -> list["Problem"]:
    """The sheet's warnings, and the problems of the offers shown (errors only when asked:
    score and rank show them as reasons)."""
    from referent_ess.evaluation.lookup import chosen_lots
    from referent_ess.problems.problem import new_warnings

    found = [p for p in evaluation.book.sheet_problems if not p.is_error]
    results = [r for lot in chosen_lots(evaluation, lot_ids) for r in lot.offers]
    for result in [*results, *evaluation.unplaced]:
        found += [p for p in result.offer.problems if errors or not p.is_error]
        found += new_warnings(result.warnings, result.offer.problems)
    return found


def warn(problems: Sequence["Problem"], headings: "Headings | None" = None) -> None:
    """The problems on stderr, one a line in the run's language, the first :data:`MAX_WARNINGS`
    of them, each column named by its header in ``headings`` (the offers sheet's)."""
    from referent_ess import i18n

    for problem in problems[:MAX_WARNINGS]:
        prefix = i18n.tr(f"prefix.{problem.severity.value}")
        line = problem.line_in() if headings is None else problem.line_in(headings=headings)
        typer.echo(f"{prefix}{line}", err=True)
    if len(problems) > MAX_WARNINGS:
        more = len(problems) - MAX_WARNINGS
        say_warning(i18n.tr("cli.more_warnings", n=more))


def say_warning(text: str) -> None:
    """``warning: TEXT`` (``avertissement : TEXT`` in French) on stderr."""
    from referent_ess import i18n

    typer.echo(i18n.tr("prefix.warning") + text, err=True)


def say_written(path: Path) -> None:
    """``written: PATH`` (``écrit : PATH`` in French), on stderr after a file is written."""
    from referent_ess import i18n

    typer.echo(i18n.tr("cli.written", path=path), err=True)


def flag_provisional(evaluation: "Evaluation", lot_ids: Sequence[int]) -> None:
    """A ranking that data errors leave provisional is said on stderr, and is a finding."""
    from referent_ess.evaluation.lookup import chosen_lots
    from referent_ess.render import phrases

    provisional = [lot for lot in chosen_lots(evaluation, lot_ids) if lot.provisional]
    if provisional:
        say_warning(phrases.provisional_note(evaluation, provisional))
        raise Findings


def mention_legal_risks(findings: Sequence["Finding"]) -> None:
    """One line on stderr when ``referent lint`` would find legal risks (advice is left to it:
    every score would otherwise repeat it)."""
    from referent_ess import i18n

    risks = sum(1 for f in findings if f.severity.value == "risk")
    if risks:
        say_warning(i18n.tr("lint.mention.one" if risks == 1 else "lint.mention.many", n=risks))
