"""``simulate``, ``sensitivity`` and ``explain``: one lot looked at closely, as a table or JSON."""

from collections.abc import Callable
from typing import TYPE_CHECKING, Annotated, Any

import typer

from referent_ess.cli.options import (
    LARGEST_LOT,
    MAX_SAMPLES,
    MAX_SEED,
    MAX_SPREAD,
    AnalysisDestination,
    Destination,
    Inputs,
    OutputFormat,
    bundled,
    numeric_option,
)
from referent_ess.cli.output import emit, read_files

if TYPE_CHECKING:
    from rich.console import RenderableType

    from referent_ess.evaluation.results import Evaluation


@bundled
def simulate(
    *,
    lot: Annotated[
        int, numeric_option("--lot", 1, LARGEST_LOT, "The lot to simulate.", show_default=False)
    ],
    inputs: Inputs,
    destination: AnalysisDestination,
) -> None:
    """Rank a lot under every price formula: does the winner change? is price neutralised?

    Example: referent simulate --lot 3
    """
    from referent_ess.analysis.simulate import simulate as run_simulation
    from referent_ess.render.json_doc import simulation_dict

    evaluation = inputs.score()
    simulation = run_simulation(evaluation, lot)

    def table() -> "RenderableType":
        from referent_ess.render.terminal.tables import simulation_table

        return simulation_table(simulation, evaluation)

    _emit_analysis(destination, evaluation, lambda: simulation_dict(simulation, evaluation), table)


@bundled
def pse(
    *,
    lot: Annotated[
        int, numeric_option("--lot", 1, LARGEST_LOT, "The lot to compare.", show_default=False)
    ],
    inputs: Inputs,
    destination: Destination,
) -> None:
    """Rank a lot under every combination of its PSE: does the winner depend on the choice?

    Example: referent pse --lot 2
    """
    from referent_ess.analysis.pse_combinations import pse_combinations
    from referent_ess.render import json_doc
    from referent_ess.render.pse_view import pse_csv, pse_markdown

    evaluation = inputs.score()
    comparison = pse_combinations(evaluation, lot)

    def table() -> "RenderableType":
        from referent_ess.render.terminal.tables import pse_table

        return pse_table(comparison, evaluation)

    renderers = {
        OutputFormat.JSON: lambda: json_doc.to_json(json_doc.pse_dict(comparison, evaluation)),
        OutputFormat.MARKDOWN: lambda: pse_markdown(comparison, evaluation),
        OutputFormat.CSV: lambda: pse_csv(comparison),
    }
    emit(destination, renderers, table, read_files(evaluation))


@bundled
def sensitivity(
    *,
    lot: Annotated[
        int, numeric_option("--lot", 1, LARGEST_LOT, "The lot to analyse.", show_default=False)
    ],
    samples: Annotated[
        int,
        numeric_option(
            "--samples", 0, MAX_SAMPLES, "Also draw this many random weightings (seeded)."
        ),
    ] = 0,
    spread: Annotated[
        int,
        numeric_option("--spread", 0, MAX_SPREAD, "Random weights move by up to this many points."),
    ] = 10,
    seed: Annotated[int, numeric_option("--seed", 0, MAX_SEED, "Seed of the random draws.")] = 1,
    inputs: Inputs,
    destination: AnalysisDestination,
) -> None:
    """How solid a lot's winner is: weight transfers (solved exactly), leave-one-out, draws.

    Example: referent sensitivity --lot 3 --samples 1000
    """
    from referent_ess.analysis.needs_weights import require_weights
    from referent_ess.analysis.sensitivity import NotApplicable, analyse
    from referent_ess.evaluation.lookup import lot_or_error
    from referent_ess.problems.errors import ReferentError
    from referent_ess.render.json_doc import sensitivity_dict

    evaluation = inputs.score()
    require_weights(evaluation, "sensitivity")
    lot_id = lot_or_error(evaluation, lot).lot.id
    try:
        analysis = analyse(evaluation, lot_id, samples=samples, spread=spread, seed=seed)
    except NotApplicable as exc:
        raise ReferentError(
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

        return sensitivity_tables(analysis, evaluation.config)

    _emit_analysis(destination, evaluation, lambda: sensitivity_dict(analysis, evaluation), table)


@bundled
def explain(
    *,
    lot: Annotated[
        int, numeric_option("--lot", 1, LARGEST_LOT, "The lot of the offer.", show_default=False)
    ],
    candidate: Annotated[str, typer.Argument(help="The candidate, as written in the workbook.")],
    variant: Annotated[
        str | None,
        typer.Option(
            "--variant", help="The label of the candidate's variant to explain (its Variante cell)."
        ),
    ] = None,
    inputs: Inputs,
    destination: AnalysisDestination,
) -> None:
    """Explain one offer step by step: prices, cap, each criterion's points, total, rank, gaps.

    Example: referent explain --lot 3 "Atelier Matières Vives (SCIC)"
    """
    from referent_ess.evaluation.lookup import lot_or_error
    from referent_ess.render import json_doc
    from referent_ess.render.explain import explain as run_explain
    from referent_ess.render.explain import explanation_dict, explanation_text

    evaluation = inputs.score()
    lot_or_error(evaluation, lot)  # before the candidate: a wrong --lot is said as such
    explanation = run_explain(evaluation, lot, candidate, variant)
    data = {**json_doc.header(evaluation.config, evaluation), **explanation_dict(explanation)}
    text = explanation_text(explanation)

    def table() -> "RenderableType":
        from rich.text import Text

        return Text(text)

    _emit_analysis(destination, evaluation, lambda: data, table)


def _emit_analysis(
    destination: AnalysisDestination,
    evaluation: "Evaluation",
    data: Callable[[], dict[str, Any]],
    table: Callable[[], "RenderableType"],
) -> None:
    """An analysis command's output: its table, or its JSON document."""
    from referent_ess.render import json_doc

    renderers = {OutputFormat.JSON: lambda: json_doc.to_json(data())}
    emit(destination.destination(), renderers, table, read_files(evaluation))
