"""``score`` and ``rank``: the ranking of every lot, or of one lot with each offer's gap."""

from typing import TYPE_CHECKING, Annotated

from referent_ess.cli.options import (
    LARGEST_LOT,
    AllOption,
    Destination,
    DetailOption,
    Inputs,
    LotOption,
    OutputFormat,
    bundled,
    numeric_option,
)
from referent_ess.cli.output import (
    emit,
    flag_provisional,
    loading,
    mention_legal_risks,
    offer_problems,
    read_files,
    warn,
)

if TYPE_CHECKING:
    from collections.abc import Iterable

    from rich.console import RenderableType


@bundled
def score(
    *,
    lot: LotOption = None,
    inputs: Inputs,
    destination: Destination,
    every: AllOption = False,
    detail: DetailOption = False,
) -> None:
    """Rank the offers of every lot: prices, points per criterion, total; then the offers not
    ranked, with their reasons. Exit 1 if an offer could not be evaluated (data errors).

    Example: referent score offers.xlsx --lot 3 --format json
    """
    _rank_and_show(inputs, lot, destination, gaps=False, every=every, detail=detail)


@bundled
def rank(
    *,
    lot: Annotated[
        int, numeric_option("--lot", 1, LARGEST_LOT, "The lot to rank.", show_default=False)
    ],
    inputs: Inputs,
    destination: Destination,
    every: AllOption = False,
    detail: DetailOption = False,
) -> None:
    """Rank one lot's offers, with each offer's gap to the first.

    Example: referent rank --lot 3
    """
    _rank_and_show(inputs, lot, destination, gaps=True, every=every, detail=detail)


def _rank_and_show(
    inputs: Inputs,
    lot: int | None,
    destination: Destination,
    *,
    gaps: bool,
    every: bool,
    detail: bool,
) -> None:
    from referent_ess.evaluation.lookup import chosen_lots, lot_ids_or_error

    with loading() as progress:
        evaluation = inputs.score(progress)
    chosen = lot_ids_or_error(evaluation, lot)
    warn(offer_problems(evaluation, chosen, errors=False), evaluation.book.headings)

    def table() -> "RenderableType":
        from rich.console import Group
        from rich.text import Text

        from referent_ess.render.terminal.tables import TOP, inputs_line, score_tables

        limit = None if every else TOP
        lots = chosen_lots(evaluation, chosen)
        tables = score_tables(evaluation, lots, gaps=gaps, limit=limit, detail=detail)
        return Group(Text(inputs_line(evaluation)), tables)

    def json() -> "str | Iterable[str]":
        from referent_ess.render.json_doc import evaluation_json_parts

        return evaluation_json_parts(evaluation, chosen)

    def csv() -> "str | Iterable[str]":
        from referent_ess.render.csv_doc import evaluation_csv

        return evaluation_csv(evaluation, chosen)

    def markdown() -> "str | Iterable[str]":
        from referent_ess.render.markdown_doc import evaluation_markdown

        return evaluation_markdown(evaluation, chosen, gaps=gaps, detail=detail)

    # Each renderer is imported only when its format is asked for (a start-up cost otherwise).
    emit(
        destination,
        {OutputFormat.JSON: json, OutputFormat.CSV: csv, OutputFormat.MARKDOWN: markdown},
        table,
        read_files(evaluation),
    )
    flag_provisional(evaluation, chosen)
    if not gaps:  # score: the legal risks of the model, in one line (rank shows one lot)
        from referent_ess.analysis.lint import lint

        mention_legal_risks(lint(evaluation.config, evaluation))
