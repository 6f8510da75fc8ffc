"""The one exception of the project: input the tool cannot use at all (exit code 2).

Data problems that still let the tool produce a result are :class:`~referent_ess.problems.Problem`
values instead. A bug is neither: it stays an ordinary exception.
"""

from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from referent_ess.problems import Problem


class ReferentError(Exception):
    """Unusable input: each of ``lines`` is one complete message naming the file (and line).

    ``code`` is a stable name for the case (``file-not-found``, ``legacy-xls``...), shown after
    the message as ``[code]``, as for problems.
    """

    def __init__(self, lines: str | Sequence[str], code: str | None = None) -> None:
        self.code = code
        texts = (lines,) if isinstance(lines, str) else tuple(lines)
        texts = tuple(" ".join(text.splitlines()) for text in texts)  # one line each, always
        self.lines: tuple[str, ...] = tuple(f"{t} [{code}]" if code else t for t in texts)
        super().__init__("\n".join(self.lines))


class ConfigError(ReferentError):
    """``lots.yaml`` or ``criteria.yaml`` is readable but wrong: every problem, with its line."""

    def __init__(self, problems: Sequence["Problem"]) -> None:
        self.problems = tuple(problems)
        super().__init__([problem.describe() for problem in self.problems])
