"""A finding of ``referent lint``: a legal risk or a recommendation, as a stable code and its
figures, never a sentence (the catalogues word it: ``msg:<code>`` what was found, and the parts
``<code>.why``, ``<code>.action`` and ``lint-source.<source>``).

A rule is a small pure function of :class:`Facts` that yields findings; adding a rule is one
function (listed in :mod:`.rules`) and its catalogue texts.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from enum import StrEnum

from referent_ess.config.model import Config, CriteriaSet
from referent_ess.evaluation.results import Evaluation
from referent_ess.problems.codes import Params, kind_of


class Severity(StrEnum):
    """``risk``: a rule of law or a court's decision is likely broken (exit code 1);
    ``advice``: a recommendation of the DAJ, or the tool's own heuristic."""

    RISK = "risk"
    ADVICE = "advice"


@dataclass(frozen=True)
class Finding:
    code: str  # stable: a key of the registry (problems/codes.py), with its form if any
    severity: Severity
    lot: int | None  # None: the whole consultation (or every lot alike)
    params: Params  # the figures, named as the templates type them (``*_money``, ``*_num``)
    source: str  # the key of its source: the part ``lint-source.<source>`` writes it in full

    def __post_init__(self) -> None:
        kind_of(self.code, self.params)  # a code the registry does not list is a bug


@dataclass(frozen=True)
class Facts:
    """What a rule looks at: the configuration, and the evaluation when offers were given."""

    config: Config
    evaluation: Evaluation | None = None


Rule = Callable[[Facts], Iterable[Finding]]


def lots_of_sets(config: Config) -> list[tuple[CriteriaSet, tuple[int, ...]]]:
    """Each set of criteria in use with the ids of the lots evaluated on it."""
    return [
        (criteria, tuple(lot.id for lot in config.lots if config.criteria_for(lot.id) is criteria))
        for criteria in config.sets_in_use
    ]


def scope(config: Config, lot_ids: Iterable[int]) -> tuple[int | None, ...]:
    """The lots a finding is about: (None,) when it is every lot of the consultation."""
    chosen = tuple(lot_ids)
    return (None,) if set(chosen) == {lot.id for lot in config.lots} else chosen
