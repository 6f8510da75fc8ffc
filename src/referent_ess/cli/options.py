"""The options the commands share, written once: their types, their help, and their bundles.

Most commands read the same inputs (the offers workbook, ``--lots``, ``--criteria``) and send
their result the same way (``--format``, ``--output``, ``--force``). Rather than repeat these
parameters in every signature, a command takes one :class:`Inputs` and one :class:`Destination`
and is decorated with :func:`bundled`, which shows Typer each bundle's fields in its place.
"""

import functools
import inspect
import re
from collections.abc import Callable
from dataclasses import dataclass, fields
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

if TYPE_CHECKING:
    from referent_ess.base.values import Numbers
    from referent_ess.evaluation.results import Evaluation
    from referent_ess.intake.sheet import Progress


# The bounds of the numeric options. They mirror the library's (a test checks each), written
# here so that ``referent --help`` need not import pydantic and the analyses.
LARGEST_LOT = 1_000_000  # config.schema.LARGEST_SETTING: the largest lot id lots.yaml accepts
MAX_SPREAD = 100  # analysis.sensitivity.MAX_SPREAD: a weight cannot move by more than 100 points
MAX_SAMPLES = 100_000  # random weightings: about a minute on a lot of a few offers
MAX_SEED = 2**32 - 1
MAX_INIT_LOTS = 1000  # init writes every lot in lots.yaml and the offers template

_WHOLE = re.compile(r"[-+]?[0-9]{1,20}", re.ASCII)


def whole_number(option: str, low: int, high: int) -> Callable[[object], int]:
    """The parser of a numeric option: a whole number from ``low`` to ``high``, or the
    project's one-line error (exit code 2) in the run's language, for a value out of range as
    for one that is no number (``--spread abc``, ``--lot 1.5``)."""

    def parse(value: object) -> int:
        if isinstance(value, int) and not isinstance(value, bool):  # a default, or a script
            number: int | None = value
            text = str(value)
        else:
            text = str(value).strip()
            number = int(text) if _WHOLE.fullmatch(text) else None
        if number is not None and low <= number <= high:
            return number
        from referent_ess.problems.errors import ReferentError

        shown = text if len(text) <= 30 else text[:29] + "…"
        bounds = (("low", str(low)), ("high", str(high)), ("found", shown))
        raise ReferentError("bad-option", params=(("option", option), *bounds))

    return parse


def numeric_option(name: str, low: int, high: int, help: str, **settings: Any) -> Any:
    """A ``typer.Option`` holding a whole number from ``low`` to ``high`` (see
    :func:`whole_number`); ``--help`` shows the range."""
    return typer.Option(
        name, help=help, parser=whole_number(name, low, high), min=low, max=high, **settings
    )


class OutputFormat(StrEnum):
    TABLE = "table"
    JSON = "json"
    CSV = "csv"
    MARKDOWN = "markdown"


class AnalysisFormat(StrEnum):
    TABLE = "table"
    JSON = "json"


class Language(StrEnum):
    FR = "fr"
    EN = "en"


class NumberStyle(StrEnum):
    """The choices of ``--numbers``: those of :class:`referent_ess.base.values.Numbers`, written
    here so that ``referent --help`` need not import the library's number reading (a test
    checks they are the same); :attr:`Inputs.convention` gives the library's."""

    FR = "fr"
    EN = "en"


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
        help=(
            "The offers file (.xlsx, .ods, .xls or .csv). Default: consultation.offers in "
            "lots.yaml."
        ),
        show_default=False,
    ),
]
NumbersOption = Annotated[
    NumberStyle | None,
    typer.Option(
        "--numbers",
        help=(
            "How the offers write numbers typed as text: fr (7 800,00) or en (7,800.00). "
            "Default: numbers in lots.yaml; else an ambiguous number is an error."
        ),
        case_sensitive=False,
        show_default=False,
    ),
]
FormatOption = Annotated[
    OutputFormat, typer.Option("--format", "-f", help="Output format.", case_sensitive=False)
]
AnalysisFormatOption = Annotated[
    AnalysisFormat, typer.Option("--format", "-f", help="Output format.", case_sensitive=False)
]
LotOption = Annotated[
    int | None, numeric_option("--lot", 1, LARGEST_LOT, "Only this lot.", show_default=False)
]


def file_to_write(given: str | Path) -> Path:
    """The path of an ``--output`` file; one that ends with ``/`` is refused unless it is a
    folder (see :func:`referent_ess.files.targets.output_path`)."""
    from referent_ess.files.targets import output_path

    return output_path(given)


OutOption = Annotated[
    Path | None,
    typer.Option(
        "--output",
        "-o",
        help="Write to this file instead of the screen (never over an input file).",
        show_default=False,
        parser=file_to_write,
        metavar="<path>",
    ),
]
AllOption = Annotated[
    bool,
    typer.Option(
        "--all", help="Show every offer in the table (by default the first 50 of each lot)."
    ),
]
DetailOption = Annotated[
    bool,
    typer.Option(
        "--detail",
        help="Show the points of every sub-criterion in the table and the Markdown (by "
        "default each lot's top-level criteria; JSON and CSV always hold every one).",
    ),
]
ForceOption = Annotated[
    bool, typer.Option("--force", help="Replace the --output file if it already exists.")
]


def out_option(help: str, *, folder: bool = False) -> Any:
    """The required ``--out`` of a command that writes a document, or a ``folder`` of them:
    ``Annotated[Path, …]``."""
    if folder:
        return typer.Option("--out", "--output", "-o", help=help, show_default=False)
    return typer.Option(
        "--out",
        "--output",
        "-o",
        help=help,
        show_default=False,
        parser=file_to_write,
        metavar="<path>",
    )


@dataclass(frozen=True)
class Inputs:
    """The files a command reads: the offers workbook, lots.yaml and criteria.yaml."""

    offers: OffersArgument = None
    lots: LotsOption = None
    criteria: CriteriaOption = None
    numbers: NumbersOption = None

    @property
    def convention(self) -> "Numbers | None":
        """``--numbers`` as the library takes it."""
        if self.numbers is None:
            return None
        from referent_ess.base.values import Numbers

        return Numbers(self.numbers.value)

    def config_paths(self) -> tuple[Path, Path]:
        """The configuration files, with a hint when the default lots.yaml is not here."""
        from referent_ess.api import config_paths
        from referent_ess.problems.errors import ReferentError

        if self.lots is None and not Path("lots.yaml").exists():
            raise ReferentError(
                "file-not-found",
                params=(("folder", str(Path.cwd())), ("form", "lots")),
            )
        return config_paths(self.lots or "lots.yaml", self.criteria)

    def score(self, progress: "Progress | None" = None) -> "Evaluation":
        """Every offer evaluated (see :func:`referent_ess.api.score`)."""
        from referent_ess import api

        return api.score(*self.config_paths(), self.offers, progress, numbers=self.convention)


@dataclass(frozen=True)
class Destination:
    """Where and how a command's result goes: its format, the screen or a file."""

    format: FormatOption = OutputFormat.TABLE
    path: OutOption = None
    force: ForceOption = False


@dataclass(frozen=True)
class AnalysisDestination:
    """Where an analysis goes: a table or JSON, on the screen or in a file."""

    format: AnalysisFormatOption = AnalysisFormat.TABLE
    path: OutOption = None
    force: ForceOption = False

    def destination(self) -> Destination:
        """The same, as every other command's output is sent."""
        return Destination(OutputFormat(self.format.value), self.path, self.force)


BUNDLES = (Inputs, Destination, AnalysisDestination)


def bundled(command: Callable[..., None]) -> Callable[..., None]:
    """The command as Typer should see it: each parameter typed with a bundle of :data:`BUNDLES`
    becomes that bundle's fields, in its place (so ``--help`` lists them there), and the command
    receives the bundle built from them."""
    signature = inspect.signature(command)
    bundles = {
        p.name: p.annotation for p in signature.parameters.values() if p.annotation in BUNDLES
    }
    keyword = inspect.Parameter.KEYWORD_ONLY  # Typer passes every value by name
    parameters: list[inspect.Parameter] = []
    for parameter in signature.parameters.values():
        bundle = bundles.get(parameter.name)
        if bundle is None:
            parameters.append(parameter.replace(kind=keyword))
        else:
            parameters += [
                inspect.Parameter(f.name, keyword, default=f.default, annotation=f.type)
                for f in fields(bundle)
            ]

    @functools.wraps(command)
    def run(**given: Any) -> None:
        for name, bundle in bundles.items():
            given[name] = bundle(**{f.name: given.pop(f.name) for f in fields(bundle)})
        command(**given)

    run.__annotations__ = {p.name: p.annotation for p in parameters}
    vars(run)["__signature__"] = signature.replace(parameters=parameters)
    return run
