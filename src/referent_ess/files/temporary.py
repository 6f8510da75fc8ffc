"""The temporary files of a write: hidden ``.NAME.XXXXXXXX.tmp`` files next to their target.

- Each is created exclusively, and locked (``flock``) for as long as its writer lives: a run that
  finds one can tell a live write from a dead one.
- A write removes them on every way out it can see: an error, Ctrl-C, and ``SIGTERM`` or
  ``SIGHUP`` (:class:`SignalGuard` turns them into an exception while it writes, then lets the
  signal end the process as it would have).
- ``SIGKILL`` cannot be seen: the next write of the same target removes the temporary files a
  dead write left (:func:`remove_stale`): older than that write, not locked, and named exactly
  after that target.
"""

import contextlib
import errno
import os
import re
import secrets
import signal
import stat
import threading
from collections.abc import Iterable, Iterator
from pathlib import Path
from types import FrameType, TracebackType
from typing import Any, Final

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows has no flock: stale files are judged by age
    fcntl = None  # type: ignore[assignment]

SUFFIX: Final = ".tmp"
RANDOM_DIGITS: Final = 8  # hexadecimal
NAME_MAX: Final = 255  # bytes of a file name, on the usual file systems
# Room for the target's name: NAME_MAX minus the two dots, the random digits and the suffix.
NAME_ROOM: Final = NAME_MAX - 2 - RANDOM_DIGITS - len(SUFFIX)

# Added to every open: never through a symbolic link, never inherited, never newline-translated.
OPEN_FLAGS: Final = (
    getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0)
)


def prefix(name: str) -> str:
    """``.NAME.``: the start of the temporary files of the target ``name`` (its name cut to
    :data:`NAME_ROOM` bytes, so that the temporary name stays within :data:`NAME_MAX`)."""
    return "." + os.fsdecode(os.fsencode(name)[:NAME_ROOM]) + "."


def pattern(name: str) -> "re.Pattern[str]":
    """Exactly the names of the temporary files of the target ``name``."""
    digits = f"[0-9a-f]{{{RANDOM_DIGITS}}}"
    return re.compile(re.escape(prefix(name)) + digits + re.escape(SUFFIX), re.DOTALL)


def create(target: Path) -> tuple[Path, int, tuple[int, int]]:
    """A new temporary file for ``target``, open for writing and locked: its path, its
    descriptor, and its device and inode. Its mode is the user's (0666 less the umask), as the
    output's will be."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | OPEN_FLAGS
    for _ in range(100):
        path = fresh_name(target)
        try:
            descriptor = os.open(path, flags, 0o666)
        except FileExistsError:
            continue
        try:
            lock(descriptor)
            seen = os.fstat(descriptor)
        except BaseException:
            os.close(descriptor)
            os.unlink(path)
            raise
        return path, descriptor, (seen.st_dev, seen.st_ino)
    raise FileExistsError(errno.EEXIST, os.strerror(errno.EEXIST), str(target.parent))


def fresh_name(target: Path) -> Path:
    """A temporary name for ``target`` (not created)."""
    return target.parent / f"{prefix(target.name)}{secrets.token_hex(RANDOM_DIGITS // 2)}{SUFFIX}"


def lock(descriptor: int) -> None:
    """Mark the temporary file as in use for as long as it is open (nothing where the file
    system cannot lock)."""
    if fcntl is None:  # pragma: no cover
        return
    with contextlib.suppress(OSError):  # a file system without locks: judged by age only
        fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)


def remove_stale(targets: Iterable[Path], before: float) -> None:
    """Remove the temporary files that a write of one of ``targets`` left when it was killed:
    named after that target exactly, a regular file, last changed before ``before`` (a time
    from :func:`time.time`), and locked by no running write. Best effort: whatever cannot be
    looked at or removed stays."""
    by_folder: dict[Path, list[re.Pattern[str]]] = {}
    for target in targets:
        by_folder.setdefault(target.parent, []).append(pattern(target.name))
    for folder, patterns in by_folder.items():
        try:
            names = [e.name for e in os.scandir(folder) if e.name.startswith(".")]
        except OSError:
            continue
        for name in names:
            if any(p.fullmatch(name) for p in patterns):
                try:
                    _remove_if_dead(folder / name, before)
                except OSError:
                    continue


def _remove_if_dead(path: Path, before: float) -> None:
    seen = os.lstat(path)
    if not stat.S_ISREG(seen.st_mode) or seen.st_mtime >= before:
        return
    if fcntl is None:  # pragma: no cover
        os.unlink(path)
        return
    descriptor = os.open(path, os.O_RDONLY | os.O_NONBLOCK | OPEN_FLAGS)
    try:
        fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)  # raises if a write holds it
        now = os.fstat(descriptor)
        if (now.st_dev, now.st_ino) == (seen.st_dev, seen.st_ino):
            os.unlink(path)
    finally:
        os.close(descriptor)


class Terminated(BaseException):
    """A signal that would have ended the process arrived while a write was under way."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


_ENDING: Final = tuple(
    getattr(signal, name) for name in ("SIGTERM", "SIGHUP") if hasattr(signal, name)
)


class SignalGuard:
    """``with SignalGuard() as guard:`` while files are written.

    ``SIGTERM`` and ``SIGHUP``, whose default action ends the process at once, raise
    :class:`Terminated` instead, so that the writer removes its temporary files; on leaving,
    the default action is back and the signal is given again: the process ends as it would
    have. Ctrl-C still raises ``KeyboardInterrupt``. Inside :meth:`critical`, a signal waits
    for the end of the block (a step and its record are one); after :meth:`hold` (the writer
    is cleaning up), it waits for the end. A signal whose handler is the program's own, or
    ignored, is left alone, as is everything outside the main thread.
    """

    def __init__(self) -> None:
        self.pending: int | None = None
        self.holding = False
        self._depth = 0
        self._installed: dict[int, Any] = {}

    def __enter__(self) -> "SignalGuard":
        if threading.current_thread() is not threading.main_thread():
            return self
        defaults: dict[int, Any] = dict.fromkeys(_ENDING, signal.SIG_DFL)
        defaults[signal.SIGINT] = signal.default_int_handler
        for signum, default in defaults.items():
            try:
                if signal.getsignal(signum) is default:
                    signal.signal(signum, self._handle)
                    self._installed[signum] = default
            except (OSError, ValueError):  # pragma: no cover - a platform without it
                continue
        return self

    def hold(self) -> None:
        """From now on, a signal only waits for the end (the writer is cleaning up)."""
        self.holding = True

    @contextlib.contextmanager
    def critical(self) -> Iterator[None]:
        """A step that a signal must not cut in two: it waits for the end of the block."""
        self._depth += 1
        try:
            yield
        finally:
            self._depth -= 1
        if self.pending is not None and not self.holding and self._depth == 0:
            self._raise()

    def _handle(self, signum: int, _frame: FrameType | None) -> None:
        if self.pending is not None:
            return
        self.pending = signum
        if not self.holding and self._depth == 0:
            self._raise()

    def _raise(self) -> None:
        signum = self.pending
        assert signum is not None
        if signum == signal.SIGINT:
            self.pending = None  # Ctrl-C is the exception, nothing more
            raise KeyboardInterrupt
        raise Terminated(signum)

    def __exit__(
        self,
        kind: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        for signum, default in self._installed.items():
            signal.signal(signum, default)
        self._installed.clear()
        if self.pending == signal.SIGINT:
            raise KeyboardInterrupt  # Ctrl-C while cleaning up: said now
        if self.pending is not None:
            signal.raise_signal(self.pending)  # the default action: the process ends here
            raise SystemExit(128 + self.pending)  # pragma: no cover - where it did not
