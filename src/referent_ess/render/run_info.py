"""What a report says about the run that produced it: the audit trail a buyer can show."""

import shlex
import sys
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from referent_ess._version import __version__
from referent_ess.evaluation.results import Evaluation


@dataclass(frozen=True)
class InputFile:
    role: str  # lots, criteria or offers
    path: Path
    sha256: str


@dataclass(frozen=True)
class RunInfo:
    """The tool version, when it ran, how it was called, and the exact input files."""

    version: str
    run_at: datetime
    command_line: str
    inputs: tuple[InputFile, ...]


def run_info(evaluation: Evaluation, run_at: datetime, argv: list[str] | None = None) -> RunInfo:
    config = evaluation.config
    book = evaluation.book
    arguments = sys.argv if argv is None else argv
    return RunInfo(
        version=__version__,
        run_at=run_at,
        command_line=" ".join(shlex.quote(a) for a in ["referent", *arguments[1:]]),
        inputs=(
            InputFile("lots", config.lots_path, config.lots_sha256),
            InputFile("criteria", config.criteria_path, config.criteria_sha256),
            InputFile("offers", book.path, book.sha256),
        ),
    )
