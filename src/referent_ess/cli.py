"""The ``referent`` command: parse arguments, call the library, render, set the exit code.

Exit codes: 0 done; 1 findings (an offer over its cap, a workbook with errors); 2 unusable input
or usage (missing file, not a workbook, YAML or configuration error), printed as ``error: …``
lines on stderr. Heavy modules (openpyxl, pydantic, yaml, rich) are imported inside the commands,
so ``referent --help`` and ``--version`` stay fast.
"""

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from typer.core import TyperGroup

from referent_ess._version import __version__

if TYPE_CHECKING:
    from rich.console import RenderableType
    from typer._click import Context

    from referent_ess.evaluate import Evaluation
    from referent_ess.problems import Problem

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_UNUSABLE = 2


class OutputFormat(StrEnum):
    TABLE = "table"
    JSON = "json"
    CSV = "csv"
    MARKDOWN = "markdown"


class _Commands(TyperGroup):
    """Turns the project's one exception into ``error: …`` lines and exit code 2, in one place."""

    def invoke(self, ctx: "Context") -> Any:
        from referent_ess.errors import ReferentError

        try:
            return super().invoke(ctx)
        except ReferentError as exc:
            for line in exc.lines:
                typer.echo(f"error: {line}", err=True)
            raise typer.Exit(EXIT_UNUSABLE) from None


app = typer.Typer(
    cls=_Commands,
    name="referent",
    help="Score, rank and budget-check the offers of a call for tenders split into lots.",
    no_args_is_help=True,
    add_completion=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)


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
) -> None:
    """Score, rank and budget-check the offers of a call for tenders split into lots.

    Reads lots.yaml and criteria.yaml in the current folder (or --lots/--criteria) and an offers
    workbook (.xlsx). Exit codes: 0 done, 1 findings, 2 unusable input.
    """


LotsOption = Annotated[
    Path | None,
    typer.Option(
        "--lots",
        envvar="REFERENT_LOTS",
        help="The consultation and its lots. Default: ./lots.yaml.",
        show_default=False,
    ),
]
CriteriaOption = Annotated[
    Path | None,
    typer.Option(
        "--criteria",
        envvar="REFERENT_CRITERIA",
        help="The award criteria and their weights. Default: criteria.yaml next to lots.yaml.",
        show_default=False,
    ),
]
OffersArgument = Annotated[
    Path | None,
    typer.Argument(
        help="The offers workbook (.xlsx). Default: consultation.offers in lots.yaml.",
        show_default=False,
    ),
]
FormatOption = Annotated[
    OutputFormat, typer.Option("--format", "-f", help="Output format.", case_sensitive=False)
]
OutOption = Annotated[
    Path | None,
    typer.Option(
        "--output",
        "-o",
        help="Write to this file instead of the screen (never over an input file).",
        show_default=False,
    ),
]
ForceOption = Annotated[
    bool, typer.Option("--force", help="Replace the --output file if it already exists.")
]


@dataclass(frozen=True)
class _Destination:
    """Where and how a command's result goes."""

    format: OutputFormat
    path: Path | None
    force: bool


@app.command()
def score(
    offers: OffersArgument = None,
    lot: Annotated[int | None, typer.Option("--lot", help="Only this lot.")] = None,
    lots: LotsOption = None,
    criteria: CriteriaOption = None,
    output_format: FormatOption = OutputFormat.TABLE,
    output: OutOption = None,
    force: ForceOption = False,
) -> None:
    """Rank the offers of every lot: prices, points per criterion, total; then the offers not
    ranked, with their reasons. Exit 1 if an offer could not be evaluated (data errors).

    Example: referent score offers.xlsx --lot 3 --format json
    """
    destination = _Destination(output_format, output, force)
    _rank_and_show(offers, lot, lots, criteria, destination, gaps=False)


@app.command()
def rank(
    lot: Annotated[int, typer.Option("--lot", help="The lot to rank.", show_default=False)],
    offers: OffersArgument = None,
    lots: LotsOption = None,
    criteria: CriteriaOption = None,
    output_format: FormatOption = OutputFormat.TABLE,
    output: OutOption = None,
    force: ForceOption = False,
) -> None:
    """Rank one lot's offers, with each offer's gap to the first.

    Example: referent rank --lot 3
    """
    destination = _Destination(output_format, output, force)
    _rank_and_show(offers, lot, lots, criteria, destination, gaps=True)


@app.command("check-budget")
def check_budget(
    offers: OffersArgument = None,
    lots: LotsOption = None,
    criteria: CriteriaOption = None,
    output_format: FormatOption = OutputFormat.TABLE,
    output: OutOption = None,
    force: ForceOption = False,
) -> None:
    """Check every offer's price against its lot's cap (exit 1 if any is over or unknown).

    Example: referent check-budget offers.xlsx --format csv --output budget.csv
    """
    from referent_ess import api, budget

    lots, criteria = _config_paths(lots, criteria)
    evaluation = api.check_budget(lots, criteria, offers)
    _warn(_offer_problems(evaluation, None))
    report = budget.budget_report(evaluation)

    def table() -> "RenderableType":
        from rich.console import Group
        from rich.text import Text

        from referent_ess.tables import budget_tables, inputs_line

        lines = (Text(inputs_line(evaluation)), Text(budget.summary(report)))
        return Group(lines[0], budget_tables(evaluation), lines[1])

    _emit(
        _Destination(output_format, output, force),
        {
            OutputFormat.JSON: lambda: budget.budget_json(evaluation, report),
            OutputFormat.CSV: lambda: budget.budget_csv(evaluation),
            OutputFormat.MARKDOWN: lambda: budget.budget_markdown(evaluation, report),
        },
        table,
        _inputs(evaluation),
    )
    if report.over_cap or report.unchecked:
        raise typer.Exit(EXIT_FINDINGS)


@app.command()
def validate(
    offers: OffersArgument = None,
    lots: LotsOption = None,
    criteria: CriteriaOption = None,
    output_format: FormatOption = OutputFormat.TABLE,
    output: OutOption = None,
    force: ForceOption = False,
) -> None:
    """List every problem of the configuration and the workbook (exit 1 if any error).

    Example: referent validate offers.xlsx --format json
    """
    from referent_ess import api, formats

    lots, criteria = _config_paths(lots, criteria)
    report = api.validate(lots, criteria, offers)

    def table() -> "RenderableType":
        from rich.console import Group
        from rich.text import Text

        from referent_ess.tables import problems_table

        verdict = Text(formats.validation_verdict(report))
        return Group(problems_table(report), verdict) if report.problems else verdict

    given = [lots, criteria, *([Path(offers)] if offers is not None else [])]
    _emit(
        _Destination(output_format, output, force),
        {
            OutputFormat.JSON: lambda: formats.to_json(formats.validation_dict(report)),
            OutputFormat.CSV: lambda: formats.validation_csv(report),
            OutputFormat.MARKDOWN: lambda: formats.validation_markdown(report),
        },
        table,
        given,
    )
    if not report.valid:
        raise typer.Exit(EXIT_FINDINGS)


def _emit(
    destination: _Destination,
    renderers: dict[OutputFormat, Callable[[], str]],
    table: Callable[[], "RenderableType"],
    inputs: Sequence[Path],
) -> None:
    """Render in the chosen format, to the screen or (atomically) to the --output file."""
    if destination.format in renderers:
        text = renderers[destination.format]()
    elif destination.path is not None:
        from referent_ess.tables import render_plain

        text = render_plain(table())
    else:
        from referent_ess.tables import print_wide

        print_wide(table())
        return
    if destination.path is None:
        typer.echo(text, nl=False)
        return
    from referent_ess.outputs import write_atomically

    write_atomically(destination.path, text, inputs=inputs, force=destination.force)
    typer.echo(f"written: {destination.path}", err=True)


def _inputs(evaluation: "Evaluation") -> list[Path]:
    config = evaluation.config
    return [config.lots_path, config.criteria_path, evaluation.book.path]


def _config_paths(lots: Path | None, criteria: Path | None) -> tuple[Path, Path]:
    """The configuration files, with a hint when the default lots.yaml is not here."""
    from referent_ess.api import config_paths
    from referent_ess.errors import ReferentError

    if lots is None and not Path("lots.yaml").exists():
        raise ReferentError(
            f"lots.yaml: file not found in {Path.cwd()}; run referent in the consultation's "
            "folder, or pass --lots PATH (or set REFERENT_LOTS)"
        )
    return config_paths(lots or "lots.yaml", criteria)


def _rank_and_show(
    offers: Path | None,
    lot: int | None,
    lots: Path | None,
    criteria: Path | None,
    destination: _Destination,
    *,
    gaps: bool,
) -> None:
    from referent_ess import api, formats

    lots, criteria = _config_paths(lots, criteria)
    evaluation = api.score(lots, criteria, offers)
    chosen = _lot_ids(evaluation, lot)
    _warn(_offer_problems(evaluation, chosen, errors=False))

    def table() -> "RenderableType":
        from rich.console import Group
        from rich.text import Text

        from referent_ess.tables import inputs_line, score_tables

        shown = [result for result in evaluation.lots if result.lot.id in chosen]
        return Group(Text(inputs_line(evaluation)), score_tables(evaluation, shown, gaps=gaps))

    _emit(
        destination,
        {
            OutputFormat.JSON: lambda: formats.to_json(formats.evaluation_dict(evaluation, chosen)),
            OutputFormat.CSV: lambda: formats.evaluation_csv(evaluation, chosen),
            OutputFormat.MARKDOWN: lambda: formats.evaluation_markdown(
                evaluation, chosen, gaps=gaps
            ),
        },
        table,
        _inputs(evaluation),
    )
    provisional = [r for r in evaluation.lots if r.lot.id in chosen and r.provisional]
    if provisional:
        typer.echo(f"warning: {formats.provisional_note(evaluation, provisional)}", err=True)
        raise typer.Exit(EXIT_FINDINGS)


def _lot_ids(evaluation: "Evaluation", lot: int | None) -> list[int]:
    from referent_ess.errors import ReferentError

    known = [result.lot.id for result in evaluation.lots]
    if lot is None:
        return known
    if lot not in known:
        raise ReferentError(
            f"{evaluation.config.lots_path}: there is no lot {lot} "
            f"(lots: {', '.join(map(str, known))})"
        )
    return [lot]


def _offer_problems(
    evaluation: "Evaluation", lot_ids: Sequence[int] | None, *, errors: bool = True
) -> list["Problem"]:
    """The sheet's warnings, and the problems of the offers shown (errors only when asked:
    score and rank show them as reasons)."""
    found = [p for p in evaluation.book.sheet_problems if not p.is_error]
    results = [
        r for lot in evaluation.lots if lot_ids is None or lot.lot.id in lot_ids for r in lot.offers
    ]
    for result in [*results, *evaluation.unplaced]:
        found += [p for p in result.offer.problems if errors or not p.is_error]
        found += [w for w in result.warnings if w not in result.offer.problems]
    return found


def _warn(problems: Sequence["Problem"]) -> None:
    for problem in problems:
        typer.echo(f"{problem.severity.value}: {problem.describe()}", err=True)


def main() -> None:
    """Entry point of the ``referent`` console script."""
    app(prog_name="referent")
