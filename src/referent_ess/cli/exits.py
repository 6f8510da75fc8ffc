"""The exit codes of ``referent``, and the signal a command gives when it found something.

0 done; 1 findings (an offer over its cap, a workbook with errors, a provisional ranking);
2 unusable input or usage. A command raises :class:`Findings` after its output, and
:mod:`referent_ess.cli.application` turns it into exit code 1, as it turns a ``ReferentError``
into 2.
"""

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_UNUSABLE = 2


class Findings(Exception):
    """The command did its work, and what it shows needs a person's attention (exit code 1)."""
