"""The library's front door: load the inputs, evaluate, check budgets, validate.

These functions are what the CLI calls; a script calling them gets exactly the same results.
Unusable input raises :class:`~referent_ess.errors.ReferentError`; everything else is data.
"""

from dataclasses import dataclass
from os import PathLike
from pathlib import Path

from referent_ess.config import Config, load_config
from referent_ess.errors import ConfigError, ReferentError
from referent_ess.evaluate import Evaluation, evaluate
from referent_ess.offers import OfferBook, load_offers
from referent_ess.problems import Problem

PathArg = str | PathLike[str]


def offers_path(config: Config, offers: PathArg | None) -> Path:
    """The workbook to read: the one given, else ``consultation.offers`` of lots.yaml."""
    if offers is not None:
        return Path(offers)
    if config.consultation.offers is not None:
        return config.consultation.offers
    raise ReferentError(
        f"{config.lots_path}: no offers workbook given; pass it after the command "
        "(e.g. `referent score offers.xlsx`) or set consultation.offers in lots.yaml"
    )


def load(
    lots: PathArg = "lots.yaml",
    criteria: PathArg = "criteria.yaml",
    offers: PathArg | None = None,
) -> tuple[Config, OfferBook]:
    """Read and check the configuration and the offers workbook."""
    config = load_config(Path(lots), Path(criteria))
    return config, load_offers(offers_path(config, offers), config)


def _usable(book: OfferBook, *, for_scoring: bool) -> OfferBook:
    blocking = book.blocking_problems(for_scoring=for_scoring)
    if blocking:
        raise ReferentError([problem.describe() for problem in blocking])
    return book


def score(
    lots: PathArg = "lots.yaml",
    criteria: PathArg = "criteria.yaml",
    offers: PathArg | None = None,
) -> Evaluation:
    """Evaluate every offer: status, prices, points, totals and ranks per lot."""
    config, book = load(lots, criteria, offers)
    return evaluate(config, _usable(book, for_scoring=True))


def check_budget(
    lots: PathArg = "lots.yaml",
    criteria: PathArg = "criteria.yaml",
    offers: PathArg | None = None,
) -> Evaluation:
    """Evaluate the offers for a budget check: marks need not be there yet."""
    config, book = load(lots, criteria, offers)
    return evaluate(config, _usable(book, for_scoring=False))


@dataclass(frozen=True)
class ValidationReport:
    """Every problem of the configuration and the workbook, errors and warnings."""

    problems: tuple[Problem, ...]

    @property
    def errors(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.is_error)

    @property
    def warnings(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if not p.is_error)

    @property
    def valid(self) -> bool:
        return not self.errors


def validate(
    lots: PathArg = "lots.yaml",
    criteria: PathArg = "criteria.yaml",
    offers: PathArg | None = None,
) -> ValidationReport:
    """Every problem of the inputs. A wrong configuration is reported, not raised; a missing or
    unreadable file still raises, since there is nothing to validate."""
    try:
        config = load_config(Path(lots), Path(criteria))
    except ConfigError as exc:
        return ValidationReport(exc.problems)
    book = load_offers(offers_path(config, offers), config)
    problems = list(book.problems)
    evaluation = evaluate(config, book)
    for lot in evaluation.lots:
        for result in lot.offers:
            problems.extend(
                Problem(
                    reason.code,
                    reason.message,
                    file=str(book.path),
                    sheet=book.sheet,
                    cell=reason.cell,
                    row=result.offer.row,
                    field=None,
                )
                for reason in result.reasons
                if reason.code == "missing-mark"
            )
            problems.extend(w for w in result.warnings if w not in result.offer.problems)
    problems.sort(key=lambda p: (p.row is not None, p.row or 0))  # sheet-level first, then rows
    return ValidationReport(tuple(problems))
