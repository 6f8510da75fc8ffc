"""What is at the path of an output, and whether the tool may write there: the checks made before
anything is written, each an error naming the path.

Every question asked of the file system here (``stat``) may fail, for a name too long, a folder
without search permission or a part of the path that is a file: the answer is then a located
error, never an exception of the system.
"""

import os
import stat
from collections.abc import Iterable
from enum import Enum
from pathlib import Path

from referent_ess.problems.errors import ReferentError, os_reason
from referent_ess.problems.problem import Problem


class PathKind(Enum):
    """What a path names (symbolic links followed)."""

    MISSING = "missing"
    FILE = "file"  # a regular file: the only thing an output may replace
    FOLDER = "folder"
    FIFO = "fifo"
    DEVICE = "device"
    SOCKET = "socket"
    OTHER = "other"


def path_kind(path: Path) -> PathKind:
    """What ``path`` names; a located :class:`ReferentError` when the system cannot say."""
    try:
        return _kind(path)
    except OSError as exc:
        raise _refusal(_unusable(path, exc)) from None


def output_path(given: str | Path) -> Path:
    """The path of a file to write, as given on the command line. A path that ends with the
    separator names a folder: it is refused unless it is one (then :func:`check_target` says a
    file name is needed), never written as a file of that name."""
    if isinstance(given, Path):
        return given
    separators = tuple(s for s in (os.sep, os.altsep) if s)
    path = Path(given)
    if given.endswith(separators) and path_kind(path) is not PathKind.FOLDER:
        raise ReferentError(
            "output-trailing-separator",
            params=(("path", given), ("separator", given[-1])),
        )
    return path


def check_target(path: Path, *, inputs: Iterable[Path], force: bool) -> Problem | None:
    """Why ``path`` cannot be written (``None`` if it can): one of the inputs, a folder that is
    missing or is a file, something there that is not a regular file (never replaced, even with
    ``force``), a file there and no ``force``, or the system's refusal to tell."""
    for source in inputs:
        if _same_file(path, source):
            return Problem("output-is-input", params=(("path", str(path)), ("source", str(source))))
    folder = path.parent
    try:
        there = _kind(folder)
        if there is PathKind.MISSING:
            return Problem(
                "output-folder-missing", params=(("path", str(path)), ("folder", str(folder)))
            )
        if there is not PathKind.FOLDER:
            return _not_a_folder(path, folder)
        return _kind_problem(path, _kind(path), force=force)
    except OSError as exc:
        return _unusable(path, exc)


def require_writable(paths: Iterable[Path], *, inputs: Iterable[Path], force: bool) -> None:
    """Raise, with one line per path, when any of ``paths`` cannot be written."""
    sources = list(inputs)
    problems = [check_target(path, inputs=sources, force=force) for path in paths]
    found = [problem for problem in problems if problem is not None]
    if found:
        raise refusal(found)


def refusal(problems: list[Problem]) -> ReferentError:
    """One error for one problem (its code is the error's), one line each for several."""
    if len(problems) == 1:
        return _refusal(problems[0])
    return ReferentError(problems=problems)


def _refusal(problem: Problem) -> ReferentError:
    return ReferentError(problem.code, params=problem.params)


def _kind_problem(path: Path, kind: PathKind, *, force: bool) -> Problem | None:
    where = (("path", str(path)),)
    if kind is PathKind.MISSING:
        return None
    if kind is PathKind.FILE:
        return None if force else Problem("output-exists", params=where)
    if kind is PathKind.FOLDER:
        return Problem("output-is-folder", params=where)
    return Problem("output-special-file", params=(*where, ("kind_part", f"file.{kind.value}")))


def special_kind_problem(path: Path, kind: PathKind) -> Problem | None:
    """Why what is at ``path`` may not be replaced even with --force (``None``: it may)."""
    return _kind_problem(path, kind, force=True)


def _kind(path: Path) -> PathKind:
    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError:
        return PathKind.MISSING
    if stat.S_ISREG(mode):
        return PathKind.FILE
    if stat.S_ISDIR(mode):
        return PathKind.FOLDER
    if stat.S_ISFIFO(mode):
        return PathKind.FIFO
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return PathKind.DEVICE
    if stat.S_ISSOCK(mode):
        return PathKind.SOCKET
    return PathKind.OTHER


def _unusable(path: Path, exc: OSError) -> Problem:
    """The system refused to say what is at ``path``: a part of it that is a file is named,
    anything else is the system's reason."""
    if isinstance(exc, NotADirectoryError):
        blocking = _first_non_folder(path)
        if blocking is not None:
            return _not_a_folder(path, blocking)
    return Problem("output-unwritable", params=(("path", str(path)), *os_reason(exc)))


def _not_a_folder(path: Path, folder: Path) -> Problem:
    params = (("path", str(path)), ("folder", str(folder)))
    return Problem("output-parent-not-folder", params=params)


def _first_non_folder(path: Path) -> Path | None:
    """The first folder of ``path``, from its root, that is something else (a file)."""
    for folder in reversed(path.parents):
        try:
            if _kind(folder) not in (PathKind.FOLDER, PathKind.MISSING):
                return folder
        except OSError:
            return None
    return None


def _same_file(a: Path, b: Path) -> bool:
    try:
        if a.resolve() == b.resolve():
            return True
        return os.path.exists(a) and os.path.exists(b) and os.path.samefile(a, b)
    except (OSError, RuntimeError):  # RuntimeError: a loop of symbolic links
        return False
