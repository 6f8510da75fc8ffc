"""``report``, ``letters`` and ``export``: the documents written from an evaluation."""

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from referent_ess.cli.options import (
    ForceOption,
    Inputs,
    LotOption,
    bundled,
    out_option,
)
from referent_ess.cli.output import flag_provisional, read_files, say_warning, say_written

if TYPE_CHECKING:
    from referent_ess.evaluation.results import Evaluation
    from referent_ess.render.run_info import RunInfo


@bundled
def report(
    *,
    out: Annotated[
        Path,
        out_option(
            "The report to write: .xlsx (workbook with charts), .html (one page) or .docx (Word)."
        ),
    ],
    lot: LotOption = None,
    inputs: Inputs,
    force: ForceOption = False,
) -> None:
    """Write the offer-analysis report (rapport d'analyse des offres), for a board or a file.

    Example: referent report --out rapport.xlsx
    """
    from referent_ess.analysis.needs_weights import require_weights
    from referent_ess.evaluation.lookup import lot_ids_or_error
    from referent_ess.files.atomic_write import write_atomically
    from referent_ess.problems.errors import ReferentError

    kind = out.suffix.lower()
    if kind not in (".xlsx", ".html", ".htm", ".docx"):
        raise ReferentError(
            "unknown-report-format",
            params=(("path", str(out)),),
        )
    evaluation = inputs.score()
    require_weights(evaluation, "report")
    chosen = lot_ids_or_error(evaluation, lot)
    run = _run_info(evaluation)
    content: str | bytes
    if kind == ".xlsx":
        from referent_ess.render.xlsx.report import build_report_xlsx

        content = build_report_xlsx(evaluation, run, chosen)
    elif kind == ".docx":
        from referent_ess.render.word.report import build_report_docx

        content = build_report_docx(evaluation, run, chosen)
    else:
        from referent_ess.render.html.report import build_report_html

        content = build_report_html(evaluation, run, chosen)
    write_atomically(out, content, inputs=read_files(evaluation), force=force)
    say_written(out)
    flag_provisional(evaluation, chosen)


@bundled
def letters(
    *,
    lot: LotOption = None,
    out: Annotated[Path, out_option("The folder to write the letters in.", folder=True)],
    candidate: Annotated[
        str | None,
        typer.Option(
            "--candidate",
            help="Only this candidate's letters (its name as in the offers sheet).",
            show_default=False,
        ),
    ] = None,
    format: Annotated[
        str,
        typer.Option("--format", help="docx (Word letters, the default) or markdown."),
    ] = "docx",
    base: Annotated[
        Path | None,
        typer.Option(
            "--base",
            help="Your own .docx (letterhead, styles, header, footer) the letters are written on.",
            show_default=False,
        ),
    ] = None,
    template: Annotated[
        Path | None,
        typer.Option(
            "--template",
            help="A folder with your own attribution.md and/or rejet.md (string.Template).",
            show_default=False,
        ),
    ] = None,
    inputs: Inputs,
    force: ForceOption = False,
) -> None:
    """Write one letter per candidate: notice of award, or of rejection with its reasons.

    Every lot's letters without --lot. Example: referent letters --lot 3 --out lettres/
    """
    from referent_ess import i18n
    from referent_ess.analysis.needs_weights import require_weights
    from referent_ess.evaluation.lookup import lot_ids_or_error
    from referent_ess.files.atomic_write import write_files
    from referent_ess.problems.errors import ReferentError
    from referent_ess.render.letters.letters import build_all_letters

    kind = format.strip().lower()
    if kind not in ("docx", "markdown", "md"):
        raise ReferentError("letters-format", params=(("found", format),))
    evaluation = inputs.score()
    require_weights(evaluation, "letters")
    lot_ids = lot_ids_or_error(evaluation, lot)
    written = build_all_letters(evaluation, lot_ids, template, candidate=candidate)
    files: list[tuple[Path, str | bytes]]
    read = read_files(evaluation)
    if kind == "docx":
        from referent_ess.render.letters.word import letters_as_docx

        consultation = evaluation.config.consultation
        base = base if base is not None else consultation.buyer_details.letter_base
        documents = letters_as_docx(written, consultation, base)
        files = [(out / name, content) for name, content in documents.items()]
        read = [*read, base] if base is not None else read
    else:
        files = [(out / name, text) for name, text in written.items()]
    write_files(files, inputs=read, force=force, folder=out)  # all, or none
    count = "one" if len(files) == 1 else "many"
    typer.echo(i18n.tr(f"cli.written_letters.{count}", n=len(files), folder=out), err=True)


@bundled
def export(
    *,
    out: Annotated[Path, out_option("The file to write.")],
    ocds: Annotated[
        bool, typer.Option("--ocds", help="An Open Contracting Data Standard 1.1 release.")
    ] = False,
    ocid_prefix: Annotated[
        str,
        typer.Option("--ocid-prefix", help="Your OCDS ocid prefix (register one with OCP)."),
    ] = "ocds-xxxxxx",
    inputs: Inputs,
    force: ForceOption = False,
) -> None:
    """Export the results for publication: --ocds writes an OCDS 1.1 release (JSON).

    Example: referent export --ocds --out release.json
    """
    from referent_ess import i18n
    from referent_ess.files.atomic_write import write_atomically
    from referent_ess.problems.errors import ReferentError
    from referent_ess.render import json_doc
    from referent_ess.render.ocds import build_ocds_release

    if not ocds:
        raise ReferentError(
            "no-export-format",
            params=(("command", "export"),),
        )
    evaluation = inputs.score()
    release = build_ocds_release(evaluation, _run_info(evaluation), ocid_prefix)
    if ocid_prefix == "ocds-xxxxxx":
        say_warning(i18n.tr("cli.placeholder_ocid"))
    write_atomically(out, json_doc.to_json(release), inputs=read_files(evaluation), force=force)
    say_written(out)


def _run_info(evaluation: "Evaluation") -> "RunInfo":
    """What the documents say of this run: its inputs, and now."""
    from datetime import datetime

    from referent_ess.render.run_info import run_info

    return run_info(evaluation, datetime.now().astimezone())
