"""``lint``: the legal risks of the evaluation model (exit 1 when a risk is found)."""

from typing import TYPE_CHECKING

from referent_ess.cli.exits import Findings
from referent_ess.cli.options import Destination, Inputs, OutputFormat, bundled
from referent_ess.cli.output import emit

if TYPE_CHECKING:
    from rich.console import RenderableType

    from referent_ess.analysis.lint import Finding


@bundled
def lint(*, inputs: Inputs, destination: Destination) -> None:
    """Check the evaluation model against the law and the DAJ's advice (exit 1 if a legal risk).

    Reads the configuration and, when there are some, the offers (the workbook given, else
    lots.yaml's). Each finding says what was found, why it matters, its source and what to do.

    Example: referent lint --format markdown --output controle.md
    """
    from referent_ess import api, i18n
    from referent_ess.analysis.lint import Severity
    from referent_ess.render import lint_doc

    lots, criteria = inputs.config_paths()
    config, findings = api.lint(lots, criteria, inputs.offers, numbers=inputs.convention)
    title = config.consultation.title

    def english() -> "tuple[Finding, ...]":
        """The findings as the JSON and the CSV give them, in English whatever the run's
        language: the names in their figures too (« (row 3) », « variant “Visio” of Alpha »)."""
        if i18n.current() == "en":
            return findings
        with i18n.language("en"):
            return api.lint(lots, criteria, inputs.offers)[1]

    def table() -> "RenderableType":
        from referent_ess.render.terminal.lint_table import lint_table

        return lint_table(findings, title)

    read = [config.lots_path, config.criteria_path]
    emit(
        destination,
        {
            OutputFormat.JSON: lambda: lint_doc.lint_json(english()),
            OutputFormat.CSV: lambda: lint_doc.lint_csv(english()),
            OutputFormat.MARKDOWN: lambda: lint_doc.lint_markdown(findings, title),
        },
        table,
        read,
    )
    if any(f.severity is Severity.RISK for f in findings):
        raise Findings
