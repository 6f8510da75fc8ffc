"""No criterion takes the offer's environmental characteristics into account.

Art. L2152-7 of the code de la commande publique, as amended by art. 35 of loi n° 2021-1104 of
22 August 2021 « Climat et résilience », and art. R2152-7 as amended by décret n° 2022-767 of
2 May 2022: « Au moins un de ces critères prend en compte les caractéristiques
environnementales de l'offre », for the consultations launched from 21 August 2026 (defence
and security contracts excepted). The tool does not know when the consultation was launched,
only its deadline: a deadline before 21 August 2026 means a launch before it (advice: the
model cannot be reused as it is); a later deadline, or none, may mean a launch after (risk).
"""

from collections.abc import Iterator
from datetime import date, datetime

from referent_ess.analysis.lint.finding import Facts, Finding, Severity, lots_of_sets, scope
from referent_ess.problems.codes import Params

CODE = "lint-environmental-criterion"
IN_FORCE = date(2026, 8, 21)


def no_environmental_criterion(facts: Facts) -> Iterator[Finding]:
    config = facts.config
    lacking = [
        lot_id
        for criteria, lot_ids in lots_of_sets(config)
        if not any(node.environmental for node in criteria.nodes)
        for lot_id in lot_ids
    ]
    if not lacking:
        return
    deadline = config.consultation.deadline
    day = deadline.date() if isinstance(deadline, datetime) else deadline
    params: Params = ()
    if day is None:
        form, severity, params = "no-deadline", Severity.RISK, ()
    elif day < IN_FORCE:
        form, severity, params = "before", Severity.ADVICE, (("deadline_date", day.isoformat()),)
    else:
        form, severity, params = "after", Severity.RISK, (("deadline_date", day.isoformat()),)
    for lot in scope(config, sorted(lacking)):
        yield Finding(CODE, severity, lot, (("form", form), *params), "l2152-7")
