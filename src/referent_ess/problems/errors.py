"""The one exception of the project: input the tool cannot use at all (exit code 2).

Data problems that still let the tool produce a result are
:class:`~referent_ess.problems.problem.Problem` values instead. A bug is neither: it stays an
ordinary exception.
"""

import errno
from collections.abc import Sequence

from referent_ess.i18n import message
from referent_ess.problems.codes import Params, kind_of
from referent_ess.problems.problem import Problem, english

# The system errors the catalogues word in the user's language; any other keeps the system's
# words (``os.other``).
_OS_PARTS = {
    errno.EACCES: "os.denied",
    errno.EPERM: "os.denied",
    errno.ENOSPC: "os.no-space",
    getattr(errno, "EDQUOT", errno.ENOSPC): "os.no-space",  # no EDQUOT on Windows
    errno.ENAMETOOLONG: "os.name-too-long",
    errno.ENOTDIR: "os.not-a-folder",
    errno.EROFS: "os.read-only",
    errno.ENOENT: "os.missing",
    errno.ELOOP: "os.loop",
    errno.EIO: "os.io",
}


def os_reason(exc: OSError, text: str | None = None) -> Params:
    """The parameters of "cannot be read (reason)": the system's words, and what happened when
    the catalogues word it in the user's language (access denied, no space left…)."""
    reason = text if text is not None else str(exc.strerror or exc)
    return (("reason", reason), ("reason_part", _OS_PARTS.get(exc.errno or 0, "os.other")))


def one_line(text: str) -> str:
    """An error is one line, always: a line break in a quoted YAML key or a cell joins up."""
    return " ".join(text.splitlines())


class ReferentError(Exception):
    """Unusable input: ``ReferentError("file-not-found", params=(("form", "offers"), ("path",
    "offers.xlsx")))``, or data problems that make the input unusable (:meth:`from_problems`).

    ``code`` is a stable name for the case, shown after the message as ``[code]``, as for
    problems; ``params`` are the figures of its message, which the catalogue of each language
    words (:func:`referent_ess.i18n.message`); :attr:`lines` are the English text.
    """

    def __init__(
        self,
        code: str | None = None,
        *,
        params: Params = (),
        problems: Sequence[Problem] = (),
    ) -> None:
        self.code = code
        self.params = params
        self.problems = tuple(problems)
        if code is not None and not problems:
            kind_of(code, params)  # a code the registry does not list is a bug
        super().__init__("\n".join(self.lines))

    @classmethod
    def from_problems(cls, problems: Sequence[Problem]) -> "ReferentError":
        """Data problems that make the input unusable, one line each."""
        return cls(problems=problems)

    @property
    def message(self) -> str:
        """The English text of a one-message error (without its code)."""
        assert self.code is not None
        return english(self.code, self.params)

    @property
    def lines(self) -> tuple[str, ...]:
        """The English lines, each a complete message naming the file (and line), with its
        code: one per problem, or the error's own."""
        if self.problems:
            return tuple(one_line(problem.describe()) for problem in self.problems)
        if self.code is None:
            return ()
        return (f"{one_line(self.message)} [{self.code}]",)

    def lines_in(self, lang: str | None = None) -> tuple[str, ...]:
        """:attr:`lines` in ``lang`` (default: the run's language), as the CLI prints them."""
        if self.problems:
            return tuple(one_line(problem.line_in(lang)) for problem in self.problems)
        if self.code is None:
            return ()
        text = message(self.code, self.params, lang=lang)
        return (f"{one_line(text)} [{self.code}]",)


class ConfigError(ReferentError):
    """``lots.yaml`` or ``criteria.yaml`` is readable but wrong: every problem, with its line."""

    def __init__(self, problems: Sequence[Problem]) -> None:
        super().__init__(problems=problems)
