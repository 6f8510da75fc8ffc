"""The library's front door: load the inputs, evaluate, check budgets, validate.

These functions are what the CLI calls; a script calling them gets exactly the same results.
Unusable input raises :class:`~referent_ess.problems.errors.ReferentError`; everything else is data.
"""

from os import PathLike
from pathlib import Path

from referent_ess.analysis.lint import Finding
from referent_ess.analysis.lint import lint as lint_model
from referent_ess.base.values import Numbers
from referent_ess.config.loader import load_config
from referent_ess.config.model import Config
from referent_ess.evaluation.engine import evaluate
from referent_ess.evaluation.results import Evaluation
from referent_ess.intake.offer import OfferBook
from referent_ess.intake.offers import load_offers
from referent_ess.intake.sheet import Progress
from referent_ess.problems.errors import ConfigError, ReferentError
from referent_ess.problems.problem import Problem, ValidationReport, new_warnings

PathArg = str | PathLike[str]


def offers_path(config: Config, offers: PathArg | None) -> Path:
    """The workbook to read: the one given, else ``consultation.offers`` of lots.yaml."""
    if offers is not None:
        return Path(offers)
    if config.consultation.offers is not None:
        return config.consultation.offers
    raise ReferentError("no-offers-file", params=(("path", str(config.lots_path)),))


def config_paths(lots: PathArg, criteria: PathArg | None) -> tuple[Path, Path]:
    """lots.yaml, and criteria.yaml as given or else beside lots.yaml: one consultation's files
    are never mixed with another's."""
    lots_path = Path(lots)
    return lots_path, Path(criteria) if criteria is not None else lots_path.parent / "criteria.yaml"


def load(
    lots: PathArg = "lots.yaml",
    criteria: PathArg | None = None,
    offers: PathArg | None = None,
    progress: Progress | None = None,
    *,
    numbers: Numbers | None = None,
) -> tuple[Config, OfferBook]:
    """Read and check the configuration and the offers workbook (its numbers typed as text
    written as ``numbers`` says, else as lots.yaml's ``numbers`` says)."""
    config = load_config(*config_paths(lots, criteria))
    return config, load_offers(offers_path(config, offers), config, progress, numbers=numbers)


def _usable(book: OfferBook, *, for_scoring: bool) -> OfferBook:
    blocking = book.blocking_problems(for_scoring=for_scoring)
    if blocking:
        raise ReferentError.from_problems(blocking)
    return book


def score(
    lots: PathArg = "lots.yaml",
    criteria: PathArg | None = None,
    offers: PathArg | None = None,
    progress: Progress | None = None,
    *,
    numbers: Numbers | None = None,
) -> Evaluation:
    """Evaluate every offer: status, prices, points, totals and ranks per lot."""
    config, book = load(lots, criteria, offers, progress, numbers=numbers)
    return evaluate(config, _usable(book, for_scoring=True))


def check_budget(
    lots: PathArg = "lots.yaml",
    criteria: PathArg | None = None,
    offers: PathArg | None = None,
    progress: Progress | None = None,
    *,
    numbers: Numbers | None = None,
) -> Evaluation:
    """Evaluate the offers for a budget check: marks need not be there yet."""
    config, book = load(lots, criteria, offers, progress, numbers=numbers)
    return evaluate(config, _usable(book, for_scoring=False))


def validate(
    lots: PathArg = "lots.yaml",
    criteria: PathArg | None = None,
    offers: PathArg | None = None,
    *,
    numbers: Numbers | None = None,
) -> ValidationReport:
    """Every problem of the inputs. A wrong configuration is reported, not raised; a missing or
    unreadable file still raises, since there is nothing to validate."""
    try:
        config = load_config(*config_paths(lots, criteria))
    except ConfigError as exc:
        not_checked = Problem("not-checked", file=None if offers is None else str(offers))
        return ValidationReport((*exc.problems, not_checked))
    book = load_offers(offers_path(config, offers), config, numbers=numbers)
    problems = list(book.problems)
    evaluation = evaluate(config, book)
    for lot in evaluation.lots:
        problems.extend(lot.warnings)  # vat-basis: the lot's own, of no row
        for result in lot.offers:
            problems.extend(
                Problem(
                    reason.code,
                    params=reason.params,
                    file=str(book.path),
                    sheet=book.sheet,
                    cell=reason.cell,
                    row=result.offer.row,
                    field=reason.field,
                )
                for reason in result.reasons
                if reason.code in ("missing-mark", "missing-evaluator-mark", "zero-price")
            )
            problems.extend(new_warnings(result.warnings, result.offer.problems))
    problems.sort(key=lambda p: (p.row is not None, p.row or 0))  # sheet-level first, then rows
    return ValidationReport(tuple(problems), book.headings)


def lint(
    lots: PathArg = "lots.yaml",
    criteria: PathArg | None = None,
    offers: PathArg | None = None,
    *,
    numbers: Numbers | None = None,
) -> tuple[Config, tuple[Finding, ...]]:
    """The legal risks and advice of the evaluation model (``referent lint``): of the
    configuration alone, and of the offers too when a workbook is given or lots.yaml names one.
    The offers are evaluated as they are (some may not be yet): the rules that need them look
    at what can be ranked."""
    config = load_config(*config_paths(lots, criteria))
    if offers is None and config.consultation.offers is None:
        return config, lint_model(config)
    book = load_offers(offers_path(config, offers), config, numbers=numbers)
    return config, lint_model(config, evaluate(config, book))
