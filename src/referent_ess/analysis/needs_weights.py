"""What a hierarchy of criteria cannot serve: the uses that need weights.

Under ``ordering: hierarchy`` the criteria are compared one after the other, without weights:
there are no points to put in a report or a letter, no price points for other formulas to give
(simulate), no weights to move (sensitivity). Each of these refuses such a consultation the same
way, whoever calls it: the command line or a script.
"""

from typing import Literal, get_args

from referent_ess.config.choices import Ordering
from referent_ess.evaluation.results import Evaluation
from referent_ess.problems.errors import ReferentError

Use = Literal["report", "letters", "simulate", "sensitivity"]
NEEDS_WEIGHTS: tuple[Use, ...] = get_args(Use)  # why each does: part:needs-weights.* (catalogues)


def require_weights(evaluation: Evaluation, use: Use) -> None:
    """Raise :class:`ReferentError` when ``use`` does not apply to ``evaluation`` because it is
    ranked by a hierarchy of criteria."""
    if evaluation.config.ordering is Ordering.HIERARCHY:
        path = evaluation.config.criteria_path
        raise ReferentError(
            "not-applicable",
            params=(
                ("form", "hierarchy"),
                ("path", str(path)),
                ("command_part", f"needs-weights.{use}"),
            ),
        )
