"""``check-budget`` and ``validate``: the checks that end in exit code 1 when they find anything."""

from pathlib import Path
from typing import TYPE_CHECKING

import typer

from referent_ess.cli.exits import Findings
from referent_ess.cli.options import Destination, Inputs, OutputFormat, bundled
from referent_ess.cli.output import (
    emit,
    loading,
    mention_legal_risks,
    offer_problems,
    read_files,
    warn,
)

if TYPE_CHECKING:
    from rich.console import RenderableType

    from referent_ess.problems.problem import ValidationReport


@bundled
def check_budget(*, inputs: Inputs, destination: Destination) -> None:
    """Check every offer's price against its lot's cap (exit 1 if any is over or unknown).

    Example: referent check-budget offers.xlsx --format csv --output budget.csv
    """
    from referent_ess import api
    from referent_ess.evaluation.budget import budget_report
    from referent_ess.render import csv_doc, json_doc, markdown_doc, phrases

    lots, criteria = inputs.config_paths()
    with loading() as progress:
        evaluation = api.check_budget(
            lots, criteria, inputs.offers, progress, numbers=inputs.convention
        )
    warn(offer_problems(evaluation, None), evaluation.book.headings)
    report = budget_report(evaluation)

    def table() -> "RenderableType":
        from rich.console import Group
        from rich.text import Text

        from referent_ess.render.terminal.tables import budget_tables, inputs_line

        lines = (Text(inputs_line(evaluation)), Text(phrases.budget_summary(report)))
        return Group(lines[0], budget_tables(evaluation), lines[1])

    emit(
        destination,
        {
            OutputFormat.JSON: lambda: json_doc.budget_json(evaluation, report),
            OutputFormat.CSV: lambda: csv_doc.budget_csv(evaluation),
            OutputFormat.MARKDOWN: lambda: markdown_doc.budget_markdown(evaluation, report),
        },
        table,
        read_files(evaluation),
    )
    if report.over_cap or report.unchecked:
        raise Findings


@bundled
def validate(*, inputs: Inputs, destination: Destination) -> None:
    """List every problem of the configuration and the workbook (exit 1 if any error).

    Example: referent validate offers.xlsx --format json
    """
    from referent_ess import api
    from referent_ess.render import csv_doc, json_doc, markdown_doc, phrases

    lots, criteria = inputs.config_paths()
    report = api.validate(lots, criteria, inputs.offers, numbers=inputs.convention)

    def table() -> "RenderableType":
        from rich.console import Group
        from rich.text import Text

        from referent_ess.render.terminal.tables import problems_table

        verdict = Text(phrases.validation_verdict(report))
        return Group(problems_table(report), verdict) if report.problems else verdict

    given = [lots, criteria, *([Path(inputs.offers)] if inputs.offers is not None else [])]
    emit(
        destination,
        {
            OutputFormat.JSON: lambda: json_doc.to_json(json_doc.validation_dict(report)),
            OutputFormat.CSV: lambda: csv_doc.validation_csv(report),
            OutputFormat.MARKDOWN: lambda: markdown_doc.validation_markdown(report),
        },
        table,
        given,
    )
    _mention_legal_risks(lots, criteria)
    _suggest_update(report)
    if not report.valid:
        raise Findings


def _suggest_update(report: "ValidationReport") -> None:
    """When the workbook lacks columns the configuration needs (a template older than the
    configuration, or none), say how to regenerate it without retyping anything."""
    from referent_ess import i18n

    missing = [p for p in report.problems if p.code.startswith("missing-column")]
    if missing:
        path = next((p.file for p in missing if p.file), None) or "offers.xlsx"
        form = "cli.update_hint.one" if len(missing) == 1 else "cli.update_hint.many"
        typer.echo(i18n.tr(form, n=len(missing), path=path), err=True)


def _mention_legal_risks(lots: Path, criteria: Path) -> None:
    """The legal risks of the configuration alone, in one line (``referent lint`` says more,
    with the offers): nothing when the configuration cannot be read, which the report says."""
    from referent_ess.analysis.lint import lint
    from referent_ess.config.loader import load_config
    from referent_ess.problems.errors import ReferentError

    try:
        config = load_config(lots, criteria)
    except ReferentError:
        return
    mention_legal_risks(lint(config))
