"""What a hierarchy of criteria cannot serve: the uses that need weights.

Under ``ordering: hierarchy`` the criteria are compared one after the other, without weights:
there are no points to put in a report or a letter, no price points for other formulas to give
(simulate), no weights to move (sensitivity). Each of these refuses such a consultation the same
way, whoever calls it: the command line or a script.
"""

from referent_ess.config.choices import Ordering
from referent_ess.evaluation.results import Evaluation
from referent_ess.problems.errors import ReferentError

NEEDS_WEIGHTS = {  # the uses a hierarchy of criteria cannot serve, and why
    "report": "the report",
    "letters": "letters",
    "simulate": "simulate (price formulas give points, which a hierarchy has not)",
    "sensitivity": "sensitivity (there are no weights to move in a hierarchy)",
}


def require_weights(evaluation: Evaluation, use: str) -> None:
    """Raise :class:`ReferentError` when ``use`` (a key of :data:`NEEDS_WEIGHTS`) does not apply
    to ``evaluation``, ranked by a hierarchy of criteria."""
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
