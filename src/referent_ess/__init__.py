"""referent: score, rank and budget-check the offers of a call for tenders split into lots.

The library is what the ``referent`` command uses; a script gets the same results::

    import referent_ess

    evaluation = referent_ess.score("lots.yaml", "criteria.yaml", "offers.xlsx")
    for lot in evaluation.lots:
        for offer in lot.ranked:
            print(lot.lot.id, offer.rank, offer.candidate, offer.total)

Names are imported on first use, so that ``referent --help`` stays fast.
"""

from importlib import import_module
from typing import TYPE_CHECKING, Any

from referent_ess._version import __version__

if TYPE_CHECKING:
    from referent_ess.api import check_budget, load, score, validate
    from referent_ess.config.loader import load_config
    from referent_ess.config.model import Config
    from referent_ess.evaluation.engine import evaluate
    from referent_ess.evaluation.results import Evaluation, LotResult, OfferResult, Status
    from referent_ess.intake.offer import OfferBook
    from referent_ess.intake.offers import load_offers
    from referent_ess.problems.errors import ConfigError, ReferentError
    from referent_ess.problems.problem import Problem, Severity

_EXPORTS = {
    "check_budget": "referent_ess.api",
    "load": "referent_ess.api",
    "score": "referent_ess.api",
    "validate": "referent_ess.api",
    "Config": "referent_ess.config.model",
    "load_config": "referent_ess.config.loader",
    "ConfigError": "referent_ess.problems.errors",
    "ReferentError": "referent_ess.problems.errors",
    "Evaluation": "referent_ess.evaluation.results",
    "LotResult": "referent_ess.evaluation.results",
    "OfferResult": "referent_ess.evaluation.results",
    "Status": "referent_ess.evaluation.results",
    "evaluate": "referent_ess.evaluation.engine",
    "OfferBook": "referent_ess.intake.offer",
    "load_offers": "referent_ess.intake.offers",
    "Problem": "referent_ess.problems.problem",
    "Severity": "referent_ess.problems.problem",
}

__all__ = [
    "Config",
    "ConfigError",
    "Evaluation",
    "LotResult",
    "OfferBook",
    "OfferResult",
    "Problem",
    "ReferentError",
    "Severity",
    "Status",
    "__version__",
    "check_budget",
    "evaluate",
    "load",
    "load_config",
    "load_offers",
    "score",
    "validate",
]


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'referent_ess' has no attribute {name!r}")
    return getattr(import_module(module), name)
