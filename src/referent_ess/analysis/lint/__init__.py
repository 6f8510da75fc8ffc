"""``referent lint``: the legal risks of an evaluation model, before launch and before deciding.

Pure: each rule reads the configuration (and the evaluation, when offers are given) and gives
:class:`~.finding.Finding` values, codes and figures that the catalogues word.
"""

from referent_ess.analysis.lint.finding import Facts, Finding, Severity
from referent_ess.analysis.lint.rules import RULES, lint

__all__ = ["RULES", "Facts", "Finding", "Severity", "lint"]
