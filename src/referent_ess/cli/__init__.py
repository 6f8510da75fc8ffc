"""The ``referent`` command: parse arguments, call the library, render, set the exit code.

Exit codes: 0 done; 1 findings (an offer over its cap, a workbook with errors); 2 unusable input
or usage (missing file, not a workbook, YAML or configuration error), printed as ``error: …``
lines on stderr. Heavy modules (openpyxl, pydantic, yaml, rich) are imported inside the commands,
so ``referent --help`` and ``--version`` stay fast.
"""

import os
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
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

    from referent_ess.evaluation.results import Evaluation
    from referent_ess.intake.sheet import Progress
    from referent_ess.problems.errors import ReferentError
    from referent_ess.problems.problem import Problem
    from referent_ess.render.run_info import RunInfo

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_UNUSABLE = 2


class OutputFormat(StrEnum):
    TABLE = "table"
    JSON = "json"
    CSV = "csv"
    MARKDOWN = "markdown"


class Language(StrEnum):
    FR = "fr"
    EN = "en"


class _Commands(TyperGroup):
    """Turns the project's one exception into ``error: …`` lines and exit code 2, in one place."""

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
            for line in _error_lines(exc):
                typer.echo(f"{i18n.tr('prefix.error')}{line}", err=True)
            raise typer.Exit(EXIT_UNUSABLE) from None
        finally:
            i18n.set_language(language)
            if collecting:
                gc.enable()


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
LotOption = Annotated[int | None, typer.Option("--lot", help="Only this lot.")]
OutOption = Annotated[
    Path | None,
    typer.Option(
        "--output",
        "-o",
        help="Write to this file instead of the screen (never over an input file).",
        show_default=False,
    ),
]
AllOption = Annotated[
    bool,
    typer.Option(
        "--all", help="Show every offer in the table (by default the first 50 of each lot)."
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
    lot: LotOption = None,
    lots: LotsOption = None,
    criteria: CriteriaOption = None,
    output_format: FormatOption = OutputFormat.TABLE,
    output: OutOption = None,
    force: ForceOption = False,
    every: AllOption = False,
) -> None:
    """Rank the offers of every lot: prices, points per criterion, total; then the offers not
    ranked, with their reasons. Exit 1 if an offer could not be evaluated (data errors).

    Example: referent score offers.xlsx --lot 3 --format json
    """
    destination = _Destination(output_format, output, force)
    _rank_and_show(offers, lot, lots, criteria, destination, gaps=False, every=every)


@app.command()
def rank(
    lot: Annotated[int, typer.Option("--lot", help="The lot to rank.", show_default=False)],
    offers: OffersArgument = None,
    lots: LotsOption = None,
    criteria: CriteriaOption = None,
    output_format: FormatOption = OutputFormat.TABLE,
    output: OutOption = None,
    force: ForceOption = False,
    every: AllOption = False,
) -> None:
    """Rank one lot's offers, with each offer's gap to the first.

    Example: referent rank --lot 3
    """
    destination = _Destination(output_format, output, force)
    _rank_and_show(offers, lot, lots, criteria, destination, gaps=True, every=every)


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
    from referent_ess import api
    from referent_ess.evaluation.budget import budget_report
    from referent_ess.render import csv_doc, json_doc, markdown_doc, phrases

    lots, criteria = _config_paths(lots, criteria)
    with _loading() as progress:
        evaluation = api.check_budget(lots, criteria, offers, progress)
    _warn(_offer_problems(evaluation, None))
    report = budget_report(evaluation)

    def table() -> "RenderableType":
        from rich.console import Group
        from rich.text import Text

        from referent_ess.render.terminal.tables import budget_tables, inputs_line

        lines = (Text(inputs_line(evaluation)), Text(phrases.budget_summary(report)))
        return Group(lines[0], budget_tables(evaluation), lines[1])

    _emit(
        _Destination(output_format, output, force),
        {
            OutputFormat.JSON: lambda: json_doc.budget_json(evaluation, report),
            OutputFormat.CSV: lambda: csv_doc.budget_csv(evaluation),
            OutputFormat.MARKDOWN: lambda: markdown_doc.budget_markdown(evaluation, report),
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
    from referent_ess import api
    from referent_ess.render import csv_doc, json_doc, markdown_doc, phrases

    lots, criteria = _config_paths(lots, criteria)
    report = api.validate(lots, criteria, offers)

    def table() -> "RenderableType":
        from rich.console import Group
        from rich.text import Text

        from referent_ess.render.terminal.tables import problems_table

        verdict = Text(phrases.validation_verdict(report))
        return Group(problems_table(report), verdict) if report.problems else verdict

    given = [lots, criteria, *([Path(offers)] if offers is not None else [])]
    _emit(
        _Destination(output_format, output, force),
        {
            OutputFormat.JSON: lambda: json_doc.to_json(json_doc.validation_dict(report)),
            OutputFormat.CSV: lambda: csv_doc.validation_csv(report),
            OutputFormat.MARKDOWN: lambda: markdown_doc.validation_markdown(report),
        },
        table,
        given,
    )
    if not report.valid:
        raise typer.Exit(EXIT_FINDINGS)


@app.command()
def report(
    out: Annotated[
        Path,
        typer.Option(
            "--out",
            "--output",
            "-o",
            help="The report to write: .xlsx (workbook with charts) or .html (one page).",
            show_default=False,
        ),
    ],
    offers: OffersArgument = None,
    lot: LotOption = None,
    lots: LotsOption = None,
    criteria: CriteriaOption = None,
    force: ForceOption = False,
) -> None:
    """Write the offer-analysis report (rapport d'analyse des offres), for a board or a file.

    Example: referent report --out rapport.xlsx
    """
    from referent_ess import api
    from referent_ess.files.atomic_write import write_atomically
    from referent_ess.problems.errors import ReferentError
    from referent_ess.render import phrases

    kind = out.suffix.lower()
    if kind not in (".xlsx", ".html", ".htm"):
        raise ReferentError(
            f"{out}: the report is written as .xlsx or .html; give --out a name ending "
            "with one of them",
            "unknown-report-format",
            params=(("path", str(out)),),
        )
    lots, criteria = _config_paths(lots, criteria)
    evaluation = api.score(lots, criteria, offers)
    _weighted_only(evaluation, "report")
    chosen = _lot_ids(evaluation, lot)
    run = _run_info(evaluation)
    content: str | bytes
    if kind == ".xlsx":
        from referent_ess.render.xlsx.report import build_report_xlsx

        content = build_report_xlsx(evaluation, run, chosen)
    else:
        from referent_ess.render.html.report import build_report_html

        content = build_report_html(evaluation, run, chosen)
    write_atomically(out, content, inputs=_inputs(evaluation), force=force)
    typer.echo(_written(out), err=True)
    provisional = [r for r in evaluation.lots if r.lot.id in chosen and r.provisional]
    if provisional:
        typer.echo(_warning_prefix() + phrases.provisional_note(evaluation, provisional), err=True)
        raise typer.Exit(EXIT_FINDINGS)


@app.command()
def letters(
    lot: Annotated[int, typer.Option("--lot", help="The lot whose candidates are written to.")],
    out: Annotated[
        Path,
        typer.Option(
            "--out",
            "--output",
            "-o",
            help="The folder to write the letters in.",
            show_default=False,
        ),
    ],
    offers: OffersArgument = None,
    template: Annotated[
        Path | None,
        typer.Option(
            "--template",
            help="A folder with your own attribution.md and/or rejet.md (string.Template).",
            show_default=False,
        ),
    ] = None,
    lots: LotsOption = None,
    criteria: CriteriaOption = None,
    force: ForceOption = False,
) -> None:
    """Write one letter per candidate of a lot: notice of award, or of rejection with its reasons.

    Example: referent letters --lot 3 --out lettres/
    """
    from referent_ess import i18n
    from referent_ess.files.atomic_write import write_atomically
    from referent_ess.problems.errors import ReferentError
    from referent_ess.render.letters.letters import build_letters

    evaluation, lot_id = _score_one_lot(offers, lots, criteria, lot, weighted_for="letters")
    written = build_letters(evaluation, lot_id, template)
    if out.exists() and not out.is_dir():
        raise ReferentError(
            f"{out}: is a file; give a folder for the letters",
            "output-is-file",
            params=(("path", str(out)),),
        )
    out.mkdir(parents=True, exist_ok=True)
    for name, text in written.items():
        write_atomically(out / name, text, inputs=_inputs(evaluation), force=force)
    typer.echo(i18n.tr("cli.written_letters", n=len(written), folder=out), err=True)


@app.command()
def export(
    out: Annotated[
        Path,
        typer.Option("--out", "--output", "-o", help="The file to write.", show_default=False),
    ],
    ocds: Annotated[
        bool, typer.Option("--ocds", help="An Open Contracting Data Standard 1.1 release.")
    ] = False,
    offers: OffersArgument = None,
    ocid_prefix: Annotated[
        str,
        typer.Option("--ocid-prefix", help="Your OCDS ocid prefix (register one with OCP)."),
    ] = "ocds-xxxxxx",
    lots: LotsOption = None,
    criteria: CriteriaOption = None,
    force: ForceOption = False,
) -> None:
    """Export the results for publication: --ocds writes an OCDS 1.1 release (JSON).

    Example: referent export --ocds --out release.json
    """
    from referent_ess import api, i18n
    from referent_ess.files.atomic_write import write_atomically
    from referent_ess.problems.errors import ReferentError
    from referent_ess.render import json_doc

    if not ocds:
        raise ReferentError(
            "export: choose what to export: --ocds",
            "no-export-format",
            params=(("command", "export"),),
        )
    lots, criteria = _config_paths(lots, criteria)
    evaluation = api.score(lots, criteria, offers)
    from referent_ess.render.ocds import build_ocds_release

    release = build_ocds_release(evaluation, _run_info(evaluation), ocid_prefix)
    if ocid_prefix == "ocds-xxxxxx":
        typer.echo(_warning_prefix() + i18n.tr("cli.placeholder_ocid"), err=True)
    write_atomically(out, json_doc.to_json(release), inputs=_inputs(evaluation), force=force)
    typer.echo(_written(out), err=True)


@app.command()
def init(
    folder: Annotated[
        Path, typer.Argument(help="The folder of the new consultation.", show_default=True)
    ] = Path("."),
    lots: Annotated[int, typer.Option("--lots", help="How many lots.")] = 4,
    title: Annotated[
        str, typer.Option("--title", help="The consultation's title.")
    ] = "Ma consultation",
    force: Annotated[
        bool,
        typer.Option(
            "--force",
            help="Replace the files if they exist (never an offers.xlsx that holds offers).",
        ),
    ] = False,
) -> None:
    """Start a consultation: a commented lots.yaml and criteria.yaml, and offers.xlsx to fill in.

    Example: referent init demo --lots 4 --title "Référents ESS 2027"
    """
    from referent_ess import i18n
    from referent_ess.scaffold.template import init_consultation

    written = init_consultation(folder, lots, title, force)
    for path in written:
        typer.echo(_written(path), err=True)
    where = "" if folder == Path(".") else f"cd {folder} && "
    typer.echo(i18n.tr("cli.next_steps", where=where))


@app.command()
def template(
    out: Annotated[
        Path, typer.Option("--out", "--output", "-o", help="The workbook to write.")
    ] = Path("offers.xlsx"),
    evaluators: Annotated[
        str | None,
        typer.Option(
            "--evaluators",
            help='Names of the evaluators, comma-separated ("Anne,Bruno"): adds a marks sheet.',
            show_default=False,
        ),
    ] = None,
    lots: LotsOption = None,
    criteria: CriteriaOption = None,
    force: ForceOption = False,
) -> None:
    """Write the offers workbook to fill in for this consultation, with typing checks built in.

    Example: referent template --out offers.xlsx --evaluators "Anne,Bruno"
    """
    from referent_ess.config.consultation import load_config
    from referent_ess.files.atomic_write import write_atomically
    from referent_ess.scaffold.template import build_template

    lots, criteria = _config_paths(lots, criteria)
    config = load_config(lots, criteria)
    _refuse_filled_workbook(out)
    names = [n.strip() for n in evaluators.split(",")] if evaluators else []
    write_atomically(out, build_template(config, names), inputs=[lots, criteria], force=force)
    typer.echo(_written(out), err=True)


class AnalysisFormat(StrEnum):
    TABLE = "table"
    JSON = "json"


AnalysisFormatOption = Annotated[
    AnalysisFormat, typer.Option("--format", "-f", help="Output format.", case_sensitive=False)
]


@app.command()
def simulate(
    lot: Annotated[int, typer.Option("--lot", help="The lot to simulate.", show_default=False)],
    offers: OffersArgument = None,
    lots: LotsOption = None,
    criteria: CriteriaOption = None,
    output_format: AnalysisFormatOption = AnalysisFormat.TABLE,
    output: OutOption = None,
    force: ForceOption = False,
) -> None:
    """Rank a lot under every price formula: does the winner change? is price neutralised?

    Example: referent simulate --lot 3
    """
    from referent_ess.analysis.simulate import simulate as run_simulation
    from referent_ess.render.json_doc import simulation_dict

    evaluation, lot_id = _score_one_lot(
        offers,
        lots,
        criteria,
        lot,
        weighted_for="simulate",
    )
    chosen = evaluation.lot(lot_id)
    if chosen is not None and not chosen.ranked:  # else every formula "keeps" a missing winner
        from referent_ess.problems.errors import ReferentError

        raise ReferentError(
            f"lot {lot_id}: simulate does not apply: the lot has no admissible offer to rank",
            "not-applicable",
            params=(("form", "simulate-empty"), ("lot", str(lot_id))),
        )
    simulation = run_simulation(evaluation, lot_id)

    def table() -> "RenderableType":
        from referent_ess.render.terminal.tables import simulation_table

        return simulation_table(simulation, evaluation)

    _emit_analysis(
        _Destination(OutputFormat(output_format.value), output, force),
        evaluation,
        lambda: simulation_dict(simulation, evaluation),
        table,
    )


@app.command()
def sensitivity(
    lot: Annotated[int, typer.Option("--lot", help="The lot to analyse.", show_default=False)],
    offers: OffersArgument = None,
    samples: Annotated[
        int, typer.Option("--samples", help="Also draw this many random weightings (seeded).")
    ] = 0,
    spread: Annotated[
        int, typer.Option("--spread", help="Random weights move by up to this many points.")
    ] = 10,
    seed: Annotated[int, typer.Option("--seed", help="Seed of the random draws.")] = 1,
    lots: LotsOption = None,
    criteria: CriteriaOption = None,
    output_format: AnalysisFormatOption = AnalysisFormat.TABLE,
    output: OutOption = None,
    force: ForceOption = False,
) -> None:
    """How solid a lot's winner is: weight transfers (solved exactly), leave-one-out, draws.

    Example: referent sensitivity --lot 3 --samples 1000
    """
    from referent_ess.analysis.sensitivity import NotApplicable, analyse
    from referent_ess.problems.errors import ReferentError
    from referent_ess.render.json_doc import sensitivity_dict

    evaluation, lot_id = _score_one_lot(
        offers,
        lots,
        criteria,
        lot,
        weighted_for="sensitivity",
    )
    try:
        analysis = analyse(evaluation, lot_id, samples=samples, spread=spread, seed=seed)
    except NotApplicable as exc:
        raise ReferentError(
            f"lot {lot_id}: sensitivity does not apply: {exc}",
            "not-applicable",
            params=(
                ("form", "sensitivity"),
                ("lot", str(lot_id)),
                ("why", str(exc)),
                ("why_part", f"not-sensitive.{exc.reason}"),
            ),
        ) from None

    def table() -> "RenderableType":
        from referent_ess.render.terminal.tables import sensitivity_tables

        return sensitivity_tables(analysis)

    _emit_analysis(
        _Destination(OutputFormat(output_format.value), output, force),
        evaluation,
        lambda: sensitivity_dict(analysis, evaluation),
        table,
    )


@app.command()
def explain(
    lot: Annotated[int, typer.Option("--lot", help="The lot of the offer.", show_default=False)],
    candidate: Annotated[str, typer.Argument(help="The candidate, as written in the workbook.")],
    offers: OffersArgument = None,
    lots: LotsOption = None,
    criteria: CriteriaOption = None,
    output_format: AnalysisFormatOption = AnalysisFormat.TABLE,
    output: OutOption = None,
    force: ForceOption = False,
) -> None:
    """Explain one offer step by step: prices, cap, each criterion's points, total, rank, gaps.

    Example: referent explain --lot 3 "Atelier Matières Vives (SCIC)"
    """
    from referent_ess.render import json_doc
    from referent_ess.render.explain import explain as run_explain
    from referent_ess.render.explain import explanation_dict, explanation_text

    evaluation, lot_id = _score_one_lot(offers, lots, criteria, lot)
    explanation = run_explain(evaluation, lot_id, candidate)
    data = {**json_doc.header(evaluation.config, evaluation), **explanation_dict(explanation)}
    text = explanation_text(explanation)

    def table() -> "RenderableType":
        from rich.text import Text

        return Text(text)

    _emit_analysis(
        _Destination(OutputFormat(output_format.value), output, force),
        evaluation,
        lambda: data,
        table,
    )


def _refuse_filled_workbook(path: Path) -> None:
    """A template never replaces a workbook that holds offers, even with --force."""
    from referent_ess.intake.read import offer_rows
    from referent_ess.problems.errors import ReferentError

    rows = offer_rows(path)  # 0 for a file that is not a readable workbook: --force rules
    if rows:
        raise ReferentError(
            f"{path}: holds {rows} offer row(s); write the template to another file (--out "
            "new.xlsx) and copy the offers across, so that nothing typed is lost",
            "output-holds-offers",
            params=(("path", str(path)), ("rows", str(rows))),
        )


LARGE_WORKBOOK_ROWS = 2000  # below this, reading is quick: no progress bar


@contextmanager
def _loading() -> "Iterator[Progress | None]":
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


def _score_one_lot(
    offers: Path | None,
    lots: Path | None,
    criteria: Path | None,
    lot: int,
    *,
    weighted_for: str | None = None,
) -> tuple["Evaluation", int]:
    """The evaluation and the one lot a per-lot command works on; ``weighted_for`` names a
    command that needs weights, which a hierarchy of criteria has not (see _NEEDS_WEIGHTS)."""
    from referent_ess import api

    lots, criteria = _config_paths(lots, criteria)
    evaluation = api.score(lots, criteria, offers)
    if weighted_for is not None:
        _weighted_only(evaluation, weighted_for)
    (lot_id,) = _lot_ids(evaluation, lot)
    return evaluation, lot_id


def _emit_analysis(
    destination: _Destination,
    evaluation: "Evaluation",
    data: Callable[[], dict[str, Any]],
    table: Callable[[], "RenderableType"],
) -> None:
    """An analysis command's output: its table, or its JSON document."""
    from referent_ess.render import json_doc

    renderers = {OutputFormat.JSON: lambda: json_doc.to_json(data())}
    _emit(destination, renderers, table, _inputs(evaluation))


_NEEDS_WEIGHTS = {  # the commands a hierarchy of criteria cannot serve, and why
    "report": "the report",
    "letters": "letters",
    "simulate": "simulate (price formulas give points, which a hierarchy has not)",
    "sensitivity": "sensitivity (there are no weights to move in a hierarchy)",
}


def _weighted_only(evaluation: "Evaluation", command: str) -> None:
    from referent_ess.config.choices import Ordering
    from referent_ess.problems.errors import ReferentError

    if evaluation.config.ordering is Ordering.HIERARCHY:
        path = evaluation.config.criteria_path
        raise ReferentError(
            f"{path}: {_NEEDS_WEIGHTS[command]} does not apply with ordering: hierarchy; use "
            "`referent score` or `rank`",
            "not-applicable",
            params=(
                ("form", "hierarchy"),
                ("path", str(path)),
                ("command_part", f"needs-weights.{command}"),
            ),
        )


def _run_info(evaluation: "Evaluation") -> "RunInfo":
    from datetime import datetime

    from referent_ess.render.run_info import run_info

    return run_info(evaluation, datetime.now().astimezone())


def _emit(
    destination: _Destination,
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

        print_wide(table())
        return
    if destination.path is None:
        for piece in [text] if isinstance(text, str) else text:
            typer.echo(piece, nl=False)
        return
    from referent_ess.files.atomic_write import write_atomically

    write_atomically(destination.path, text, inputs=inputs, force=destination.force)
    typer.echo(_written(destination.path), err=True)


def _inputs(evaluation: "Evaluation") -> list[Path]:
    config = evaluation.config
    return [config.lots_path, config.criteria_path, evaluation.book.path]


def _config_paths(lots: Path | None, criteria: Path | None) -> tuple[Path, Path]:
    """The configuration files, with a hint when the default lots.yaml is not here."""
    from referent_ess.api import config_paths
    from referent_ess.problems.errors import ReferentError

    if lots is None and not Path("lots.yaml").exists():
        raise ReferentError(
            f"lots.yaml: file not found in {Path.cwd()}; run referent in the consultation's "
            "folder, or pass --lots PATH (or set REFERENT_LOTS)",
            "file-not-found",
            params=(("folder", str(Path.cwd())), ("form", "lots")),
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
    every: bool = False,
) -> None:
    from referent_ess import api
    from referent_ess.render import csv_doc, json_doc, markdown_doc, phrases

    lots, criteria = _config_paths(lots, criteria)
    with _loading() as progress:
        evaluation = api.score(lots, criteria, offers, progress)
    chosen = _lot_ids(evaluation, lot)
    _warn(_offer_problems(evaluation, chosen, errors=False))

    def table() -> "RenderableType":
        from rich.console import Group
        from rich.text import Text

        from referent_ess.render.terminal.tables import TOP, inputs_line, score_tables

        shown = [result for result in evaluation.lots if result.lot.id in chosen]
        limit = None if every else TOP
        tables = score_tables(evaluation, shown, gaps=gaps, limit=limit)
        return Group(Text(inputs_line(evaluation)), tables)

    _emit(
        destination,
        {
            OutputFormat.JSON: lambda: json_doc.evaluation_json_parts(evaluation, chosen),
            OutputFormat.CSV: lambda: csv_doc.evaluation_csv(evaluation, chosen),
            OutputFormat.MARKDOWN: lambda: markdown_doc.evaluation_markdown(
                evaluation, chosen, gaps=gaps
            ),
        },
        table,
        _inputs(evaluation),
    )
    provisional = [r for r in evaluation.lots if r.lot.id in chosen and r.provisional]
    if provisional:
        typer.echo(_warning_prefix() + phrases.provisional_note(evaluation, provisional), err=True)
        raise typer.Exit(EXIT_FINDINGS)


def _lot_ids(evaluation: "Evaluation", lot: int | None) -> list[int]:
    from referent_ess.problems.errors import ReferentError

    known = [result.lot.id for result in evaluation.lots]
    if lot is None:
        return known
    if lot not in known:
        raise ReferentError(
            f"{evaluation.config.lots_path}: there is no lot {lot} "
            f"(lots: {', '.join(map(str, known))})",
            "no-such-lot",
            params=(
                ("path", str(evaluation.config.lots_path)),
                ("lot", str(lot)),
                ("known", ", ".join(map(str, known))),
            ),
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


MAX_WARNINGS = 20  # more would drown the output; validate lists every one


def _error_lines(error: "ReferentError") -> tuple[str, ...]:
    """The lines of an unusable-input error, in the user's language where the catalogue has
    their wording (the English text otherwise)."""
    from referent_ess import i18n
    from referent_ess.problems.errors import one_line

    if error.problems:
        lines = tuple(_describe(problem) for problem in error.problems)
    elif error.params and error.code:
        english = error.lines[0].removesuffix(f" [{error.code}]")
        lines = (f"{i18n.message(error.code, error.params, english)} [{error.code}]",)
    else:
        return error.lines
    return tuple(one_line(line) for line in lines)


def _describe(problem: "Problem") -> str:
    from referent_ess import i18n

    message = i18n.message(problem.code, problem.params, problem.message)
    return problem.describe(message, i18n.tr("word.sheet"), i18n.tr("punct.colon"))


def _warn(problems: Sequence["Problem"]) -> None:
    from referent_ess import i18n

    for problem in problems[:MAX_WARNINGS]:
        prefix = i18n.tr(f"prefix.{problem.severity.value}")
        typer.echo(f"{prefix}{_describe(problem)}", err=True)
    if len(problems) > MAX_WARNINGS:
        more = len(problems) - MAX_WARNINGS
        typer.echo(_warning_prefix() + i18n.tr("cli.more_warnings", n=more), err=True)


def _written(path: Path) -> str:
    """``written: PATH`` (``écrit : PATH`` in French), on stderr after a file is written."""
    from referent_ess import i18n

    return i18n.tr("cli.written", path=path)


def _warning_prefix() -> str:
    """``warning: `` (``avertissement : `` in French) before a line on stderr."""
    from referent_ess import i18n

    return i18n.tr("prefix.warning")


def main() -> None:
    """Entry point of the ``referent`` console script."""
    # When it builds the first model, pydantic looks for plugins (observability hooks) in the
    # entry points of every installed package. referent uses none; a user who does can still
    # set this variable to another value.
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    app(prog_name="referent")
