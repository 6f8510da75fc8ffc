"""The one exception of the project: input the tool cannot use at all (exit code 2).

Data problems that still let the tool produce a result are
:class:`~referent_ess.problems.problem.Problem` values instead. A bug is neither: it stays an
ordinary exception.
"""

import errno
from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from referent_ess.problems.problem import Problem


def os_reason(exc: OSError, text: str | None = None) -> tuple[tuple[str, str], ...]:
    """The parameters of "cannot be read (reason)": the system's words, and whether access was
    denied (which the catalogues word in the user's language)."""
    denied = exc.errno in (errno.EACCES, errno.EPERM)
    reason = text if text is not None else str(exc.strerror)
    return (("reason", reason), ("reason_part", "os.denied" if denied else "os.other"))


def one_line(text: str) -> str:
    """An error is one line, always: a line break in a quoted YAML key or a cell joins up."""
    return " ".join(text.splitlines())


class ReferentError(Exception):
    """Unusable input: each of ``lines`` is one complete message naming the file (and line).

    ``code`` is a stable name for the case (``file-not-found``, ``legacy-xls``...), shown after
    the message as ``[code]``, as for problems. ``params`` are the figures of a one-line message
    and ``problems`` the data problems behind the lines, so that the CLI can word them in the
    user's language; the lines themselves are the English text.
    """

    def __init__(
        self,
        lines: str | Sequence[str],
        code: str | None = None,
        *,
        params: tuple[tuple[str, str], ...] = (),
        problems: Sequence["Problem"] = (),
    ) -> None:
        self.code = code
        self.params = params
        self.problems = tuple(problems)
        texts = (lines,) if isinstance(lines, str) else tuple(lines)
        texts = tuple(one_line(text) for text in texts)
        self.lines: tuple[str, ...] = tuple(f"{t} [{code}]" if code else t for t in texts)
        super().__init__("\n".join(self.lines))

    @classmethod
    def from_problems(cls, problems: Sequence["Problem"]) -> "ReferentError":
        """Data problems that make the input unusable, one line each."""
        return cls([problem.describe() for problem in problems], problems=problems)


class ConfigError(ReferentError):
    """``lots.yaml`` or ``criteria.yaml`` is readable but wrong: every problem, with its line."""

    def __init__(self, problems: Sequence["Problem"]) -> None:
        super().__init__([problem.describe() for problem in problems], problems=problems)
