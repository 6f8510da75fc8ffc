"""The ``referent`` command: parse arguments, call the library, render, set the exit code.

Exit codes: 0 done; 1 findings (an offer over its cap, a workbook with errors); 2 unusable input
or usage (missing file, not a workbook, YAML or configuration error), printed as ``error: …``
lines on stderr. Heavy modules (openpyxl, pydantic, yaml, rich) are imported inside the commands,
so ``referent --help`` and ``--version`` stay fast.
"""

from collections.abc import Callable, Sequence
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from typer.core import TyperGroup

from referent_ess._version import __version__

if TYPE_CHECKING:
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
    Path,
    typer.Option(
        "--lots", envvar="REFERENT_LOTS", help="The consultation and its lots.", show_default=True
    ),
]
CriteriaOption = Annotated[
    Path,
    typer.Option(
        "--criteria",
        envvar="REFERENT_CRITERIA",
        help="The award criteria and their weights.",
        show_default=True,
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


@app.command()
def score(
    offers: OffersArgument = None,
    lot: Annotated[int | None, typer.Option("--lot", help="Only this lot.")] = None,
    lots: LotsOption = Path("lots.yaml"),
    criteria: CriteriaOption = Path("criteria.yaml"),
    output: FormatOption = OutputFormat.TABLE,
) -> None:
    """Rank the offers of every lot: status, prices, points per criterion, total.

    Example: referent score offers.xlsx --lot 3 --format json
    """
    from referent_ess import api

    evaluation = api.score(lots, criteria, offers)
    chosen = _lot_ids(evaluation, lot)
    _warn(_sheet_and_offer_warnings(evaluation, chosen))
    _warn_invalid(evaluation, chosen)
    _render(evaluation, chosen, output, gaps=False)


@app.command()
def rank(
    lot: Annotated[int, typer.Option("--lot", help="The lot to rank.", show_default=False)],
    offers: OffersArgument = None,
    lots: LotsOption = Path("lots.yaml"),
    criteria: CriteriaOption = Path("criteria.yaml"),
    output: FormatOption = OutputFormat.TABLE,
) -> None:
    """Rank one lot's offers, with each offer's gap to the first.

    Example: referent rank --lot 3
    """
    from referent_ess import api

    evaluation = api.score(lots, criteria, offers)
    chosen = _lot_ids(evaluation, lot)
    _warn(_sheet_and_offer_warnings(evaluation, chosen))
    _warn_invalid(evaluation, chosen)
    _render(evaluation, chosen, output, gaps=True)


@app.command("check-budget")
def check_budget(
    offers: OffersArgument = None,
    lots: LotsOption = Path("lots.yaml"),
    criteria: CriteriaOption = Path("criteria.yaml"),
    output: FormatOption = OutputFormat.TABLE,
) -> None:
    """Check every offer's price against its lot's cap (exit 1 if any is over or unknown).

    Example: referent check-budget offers.xlsx --format csv
    """
    from referent_ess import api, budget

    evaluation = api.check_budget(lots, criteria, offers)
    report = budget.budget_report(evaluation)
    if output is OutputFormat.TABLE:
        from referent_ess.tables import budget_tables, print_wide

        print_wide(budget_tables(evaluation))
        typer.echo(budget.summary(report))
    elif output is OutputFormat.JSON:
        _write(budget.budget_json(evaluation, report))
    elif output is OutputFormat.CSV:
        _write(budget.budget_csv(evaluation))
    else:
        _write(budget.budget_markdown(evaluation, report))
    if report.over_cap or report.unchecked:
        raise typer.Exit(EXIT_FINDINGS)


@app.command()
def validate(
    offers: OffersArgument = None,
    lots: LotsOption = Path("lots.yaml"),
    criteria: CriteriaOption = Path("criteria.yaml"),
    output: FormatOption = OutputFormat.TABLE,
) -> None:
    """List every problem of the configuration and the workbook (exit 1 if any error).

    Example: referent validate offers.xlsx --format json
    """
    from referent_ess import api, formats

    report = api.validate(lots, criteria, offers)
    if output is OutputFormat.JSON:
        _write(formats.to_json(formats.validation_dict(report)))
    elif output is OutputFormat.CSV:
        _write(formats.validation_csv(report))
    elif output is OutputFormat.MARKDOWN:
        _write(formats.validation_markdown(report))
    else:
        from referent_ess.tables import print_wide, problems_table

        if report.problems:
            print_wide(problems_table(report))
        verdict = "valid" if report.valid else "not valid"
        typer.echo(f"{verdict}: {len(report.errors)} error(s), {len(report.warnings)} warning(s)")
    if not report.valid:
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


def _sheet_and_offer_warnings(
    evaluation: "Evaluation", lot_ids: Sequence[int] | None = None
) -> list["Problem"]:
    found = [p for p in evaluation.book.sheet_problems if not p.is_error]
    for lot in evaluation.lots:
        if lot_ids is None or lot.lot.id in lot_ids:
            found += [w for result in lot.offers for w in result.warnings]
    return found


def _warn(problems: Sequence["Problem"]) -> None:
    for problem in problems:
        typer.echo(f"{problem.severity.value}: {problem.describe()}", err=True)


def _warn_invalid(evaluation: "Evaluation", lot_ids: Sequence[int]) -> None:
    """Offers that could not be evaluated are in the output, but must not go unnoticed."""
    from referent_ess.evaluate import Status

    rows = [
        result.offer.row
        for lot in evaluation.lots
        if lot.lot.id in lot_ids
        for result in lot.offers
        if result.status is Status.INVALID
    ] + [result.offer.row for result in evaluation.unplaced]
    if rows:
        typer.echo(
            f"warning: {evaluation.book.path}: {len(rows)} offer(s) could not be evaluated "
            f"because of data errors (rows {', '.join(map(str, sorted(rows)))}); "
            "see their reasons, or run `referent validate`",
            err=True,
        )


def _render(
    evaluation: "Evaluation", lot_ids: list[int], output: OutputFormat, *, gaps: bool
) -> None:
    from referent_ess import formats

    renderers: dict[OutputFormat, Callable[[], str]] = {
        OutputFormat.JSON: lambda: formats.to_json(formats.evaluation_dict(evaluation, lot_ids)),
        OutputFormat.CSV: lambda: formats.evaluation_csv(evaluation, lot_ids),
        OutputFormat.MARKDOWN: lambda: formats.evaluation_markdown(evaluation, lot_ids),
    }
    if output in renderers:
        _write(renderers[output]())
        return
    from referent_ess.tables import print_wide, score_tables

    chosen = [lot for lot in evaluation.lots if lot.lot.id in lot_ids]
    print_wide(score_tables(evaluation, chosen, gaps=gaps))


def _write(text: str) -> None:
    typer.echo(text, nl=False)


def main() -> None:
    """Entry point of the ``referent`` console script."""
    app(prog_name="referent")
