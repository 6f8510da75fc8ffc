"""A maximum of lots per candidate without the rule that applies when it is reached.

Art. R2113-1 of the code de la commande publique: the consultation documents state the maximum
number of lots one tenderer may be awarded and, « dans ce cas, les documents de la consultation
précisent les règles applicables lorsque la mise en œuvre des critères d'attribution
conduirait à attribuer à un même soumissionnaire un nombre de lots supérieur au nombre
maximal ». lots.yaml says it with ``allocation_rule``.
"""

from collections.abc import Iterator

from referent_ess.analysis.lint.finding import Facts, Finding, Severity

CODE = "lint-allocation-rule"


def allocation_rule_missing(facts: Facts) -> Iterator[Finding]:
    consultation = facts.config.consultation
    maximum = consultation.max_lots_per_candidate
    if maximum is not None and consultation.allocation_rule is None:
        params = (("form", "one" if maximum == 1 else "many"), ("maximum", str(maximum)))
        yield Finding(CODE, Severity.RISK, None, params, "r2113-1")
