"""The commands of ``referent``, one module per group, listed in the order ``--help`` shows them.

Each command parses its options, calls the library, picks a renderer, and raises
:class:`~referent_ess.cli.exits.Findings` when what it shows needs attention; the rules (which lot,
what applies, what may be replaced) live in the library, so that a script gets them too.
"""

from referent_ess.cli.commands.analysis import explain, pse, sensitivity, simulate
from referent_ess.cli.commands.checks import check_budget, validate
from referent_ess.cli.commands.documents import export, letters, report
from referent_ess.cli.commands.lint import lint
from referent_ess.cli.commands.ranking import rank, score
from referent_ess.cli.commands.setup import init, template

COMMANDS = (
    score,
    rank,
    check_budget,
    validate,
    lint,
    report,
    letters,
    export,
    init,
    template,
    simulate,
    pse,
    sensitivity,
    explain,
)
