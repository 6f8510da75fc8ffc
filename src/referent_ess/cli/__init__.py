"""The ``referent`` command: parse arguments, call the library, render, set the exit code.

Exit codes: 0 done; 1 findings (an offer over its cap, a workbook with errors); 2 unusable input
or usage (missing file, not a workbook, YAML or configuration error), printed as ``error: …``
lines on stderr. Heavy modules (openpyxl, pydantic, yaml, rich) are imported inside the commands,
so ``referent --help`` and ``--version`` stay fast.

:mod:`~referent_ess.cli.application` is the application (a module named ``app`` would be
hidden by the Typer object of that name that this package exports),
:mod:`~referent_ess.cli.options` the options the commands share, :mod:`~referent_ess.cli.output`
what they print, and :mod:`~referent_ess.cli.commands` the commands, one module per group.
"""

from referent_ess.cli.application import app, main

__all__ = ["app", "main"]
