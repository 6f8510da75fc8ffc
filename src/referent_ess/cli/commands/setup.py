"""``init`` and ``template``: a new consultation, and the offers workbook to fill in."""

from pathlib import Path
from typing import Annotated

import typer

from referent_ess.cli.options import (
    MAX_INIT_LOTS,
    CriteriaOption,
    ForceOption,
    Inputs,
    LotsOption,
    file_to_write,
    numeric_option,
)
from referent_ess.cli.output import say_written, warn


def init(
    folder: Annotated[
        Path, typer.Argument(help="The folder of the new consultation.", show_default=True)
    ] = Path("."),
    lots: Annotated[int, numeric_option("--lots", 1, MAX_INIT_LOTS, "How many lots.")] = 4,
    title: Annotated[
        str, typer.Option("--title", help="The consultation's title.")
    ] = "Ma consultation",
    force: Annotated[
        bool,
        typer.Option(
            "--force",
            help="Replace the files if they exist (never an offers.xlsx that holds offers, or "
            "that cannot be read to check it holds none).",
        ),
    ] = False,
) -> None:
    """Start a consultation: a commented lots.yaml and criteria.yaml, and offers.xlsx to fill in.

    Example: referent init demo --lots 4 --title "Référents ESS 2027"
    """
    from referent_ess import i18n
    from referent_ess.scaffold import init_consultation

    written = init_consultation(folder, lots, title, force)
    for path in written:
        say_written(path)
    where = "" if folder == Path(".") else f"cd {folder} && "
    typer.echo(i18n.tr("cli.next_steps", where=where))


def template(
    out: Annotated[
        Path,
        typer.Option(
            "--out",
            "--output",
            "-o",
            help="The workbook to write.",
            parser=file_to_write,
            metavar="<path>",
        ),
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
    update: Annotated[
        bool,
        typer.Option(
            "--update",
            help="Regenerate the --out workbook for the current configuration, keeping every "
            "offer and mark typed (the previous file is kept beside it as a backup).",
        ),
    ] = False,
) -> None:
    """Write the offers workbook to fill in for this consultation, with typing checks built in.

    Example: referent template --out offers.xlsx --evaluators "Anne,Bruno"
    """
    from referent_ess import i18n
    from referent_ess.config.loader import load_config
    from referent_ess.scaffold import update_template, write_template

    lots, criteria = Inputs(lots=lots, criteria=criteria).config_paths()
    config = load_config(lots, criteria)
    names = [n.strip() for n in evaluators.split(",")] if evaluators else []
    if not update:
        write_template(out, config, names, inputs=[lots, criteria], force=force)
        say_written(out)
        return
    done = update_template(out, config, names, inputs=[lots, criteria])
    warn(done.dropped)
    typer.echo(
        i18n.tr(
            "cli.updated",
            path=done.path,
            offers=done.offer_rows,
            marks=done.mark_rows,
            backup=done.backup.name,
        ),
        err=True,
    )
