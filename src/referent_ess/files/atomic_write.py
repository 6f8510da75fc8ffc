"""Writing output files safely: never over an input, never half-written, never by surprise, all
or nothing. Every file the tool writes goes through :func:`write_files`.

1. Every target is checked before anything is written (:mod:`.targets`): not an input, in a
   folder that exists, and nothing there but a regular file, replaced only with ``force``
   (never a folder, a FIFO, a device or a socket, even with ``force``). All the refusals are
   said at once, one line each.
2. Each text goes to a hidden temporary file beside its target (:mod:`.temporary`), written and
   synced to disk; the temporary files a killed run left for these targets are removed first.
3. Then each is published in one step: without ``force`` by an exclusive link (two runs cannot
   both write the same new file: the second is told it exists), with ``force`` by a rename over
   the old file, kept aside until every file is published.
4. If anything fails, or the run is interrupted (Ctrl-C, ``SIGTERM``), everything is undone:
   the temporary files removed, the files published so far removed or given back their old
   text, the folders created removed. A system error becomes one line naming the path and the
   reason (exit code 2), never a traceback.
"""

import contextlib
import errno
import os
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from referent_ess.files import temporary
from referent_ess.files.targets import (
    PathKind,
    output_path,
    path_kind,
    refusal,
    require_writable,
    special_kind_problem,
)
from referent_ess.problems.errors import ReferentError, os_reason

Content = str | bytes | Iterable[str]

# A file system that cannot make a second link to a file (FAT, some network shares) says so
# with one of these: a new file is then published by an exclusive create, then a rename.
_NO_LINKS = {errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.ENOSYS, errno.EINVAL, errno.EMLINK}


def write_atomically(
    path: str | Path,
    content: Content,
    *,
    inputs: Iterable[Path],
    force: bool = False,
) -> None:
    """Write ``content`` (text, bytes, or text in pieces) to ``path``: :func:`write_files` with
    one file."""
    write_files([(path, content)], inputs=inputs, force=force)


def write_files(
    outputs: Sequence[tuple[str | Path, Content]],
    *,
    inputs: Iterable[Path],
    force: bool = False,
    folder: Path | None = None,
) -> None:
    """Write every ``(path, content)`` of ``outputs``, all or nothing, under the rules above.
    ``folder``, if given, is where they go: it is created when missing (and removed again if
    the write fails), and must not be a file. ``inputs`` are the files this run read."""
    started = time.time()
    sources = list(inputs)
    targets = [output_path(path) for path, _ in outputs]
    if folder is not None and path_kind(folder) not in (PathKind.FOLDER, PathKind.MISSING):
        raise ReferentError("output-is-file", params=(("path", str(folder)),))
    if folder is None:
        require_writable(targets, inputs=sources, force=force)
    with temporary.SignalGuard() as guard:
        _Write(guard, started).run(targets, [c for _, c in outputs], sources, force, folder)


@dataclass
class _Temporary:
    """A temporary file written for ``target``, and what publishing it changed so far."""

    path: Path
    descriptor: int
    identity: tuple[int, int]  # its device and inode: the target is ours when it has them
    target: Path
    kept: Path | None = None  # the old file's second name (with force), until all is written
    claim: tuple[int, int] | None = None  # the empty file claiming a name, without hard links


class _Write:
    """One run of :func:`write_files`: what it made so far, to undo it if needed. Each step
    that changes the disk is recorded before a signal can cut in (``guard.critical``), and an
    interrupted publication is recognised by the inode at the target."""

    def __init__(self, guard: temporary.SignalGuard, started: float) -> None:
        self.guard = guard
        self.started = started
        self.folders: list[Path] = []  # created, outermost first
        self.temporaries: list[_Temporary] = []
        self.current: Path | None = None  # what an error of the system is about

    def run(
        self,
        targets: list[Path],
        contents: list[Content],
        sources: list[Path],
        force: bool,
        folder: Path | None,
    ) -> None:
        try:
            if folder is not None:
                self._make_folder(folder)
                require_writable(targets, inputs=sources, force=force)
            temporary.remove_stale(targets, self.started)
            for target, content in zip(targets, contents, strict=True):
                self.current = target
                self._write_temporary(target, content)
            for written in self.temporaries:
                self.current = written.target
                self._publish(written, force=force)
        except BaseException as exc:  # an error, Ctrl-C, SIGTERM, or a renderer's exception
            self.guard.hold()
            self._undo()
            if isinstance(exc, OSError):
                where = self.current if self.current is not None else targets[0]
                params = (("path", str(where)), *os_reason(exc))
                raise ReferentError("output-unwritable", params=params) from None
            raise
        self.guard.hold()
        self._finish()

    def _make_folder(self, folder: Path) -> None:
        """``folder`` and its missing parents, noted to be removed if the write fails."""
        missing = [p for p in (folder, *folder.parents) if path_kind(p) is PathKind.MISSING]
        for path in reversed(missing):
            self.current = path
            with self.guard.critical():
                try:
                    os.mkdir(path)
                except FileExistsError:  # made meanwhile by another run: a folder will do
                    if path_kind(path) is not PathKind.FOLDER:
                        raise
                    continue
                self.folders.append(path)

    def _write_temporary(self, target: Path, content: Content) -> None:
        with self.guard.critical():
            path, descriptor, identity = temporary.create(target)
            self.temporaries.append(_Temporary(path, descriptor, identity, target))
        pieces = [content] if isinstance(content, str | bytes) else content
        with open(descriptor, "wb", closefd=False) as stream:
            for piece in pieces:
                stream.write(piece.encode("utf-8") if isinstance(piece, str) else piece)
            stream.flush()
            os.fsync(stream.fileno())

    def _publish(self, written: _Temporary, *, force: bool) -> None:
        """Put the written temporary file at its target, in one step."""
        target = written.target
        if not force:
            self._link_exclusively(written)
            return
        kind = path_kind(target)  # checked before writing; looked at again just before replacing
        problem = special_kind_problem(target, kind)
        if problem is not None:
            raise refusal([problem])
        if kind is PathKind.FILE:
            with self.guard.critical():
                written.kept = _keep_aside(target)
        os.replace(written.path, target)

    def _link_exclusively(self, written: _Temporary) -> None:
        """The target becomes the written file only if nothing is there: of two runs writing
        the same new file, the second is refused."""
        target = written.target
        try:
            os.link(written.path, target)
            return
        except FileExistsError:
            raise ReferentError("output-exists", params=(("path", str(target)),)) from None
        except OSError as exc:
            if exc.errno not in _NO_LINKS:
                raise
        flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | temporary.OPEN_FLAGS
        with self.guard.critical():  # no hard links here: claim the name, then rename over it
            try:
                claim = os.open(target, flags, 0o666)
            except FileExistsError:
                raise ReferentError("output-exists", params=(("path", str(target)),)) from None
            seen = os.fstat(claim)
            os.close(claim)
            written.claim = (seen.st_dev, seen.st_ino)
        os.replace(written.path, target)

    def _undo(self) -> None:
        for written in reversed(self.temporaries):
            at_target = _identity(written.target)
            with contextlib.suppress(OSError):
                if written.kept is not None:
                    if at_target == written.identity:
                        os.replace(written.kept, written.target)  # the old file is back
                    else:
                        os.unlink(written.kept)  # the old file never left
                elif at_target is not None and at_target in (written.identity, written.claim):
                    os.unlink(written.target)
        self._close_temporaries()
        for folder in reversed(self.folders):
            with contextlib.suppress(OSError):
                os.rmdir(folder)

    def _finish(self) -> None:
        for written in self.temporaries:
            if written.kept is not None:
                with contextlib.suppress(OSError):
                    os.unlink(written.kept)
        folders = {written.target.parent for written in self.temporaries}
        self._close_temporaries()
        for folder in folders:
            _sync_folder(folder)

    def _close_temporaries(self) -> None:
        for written in self.temporaries:
            with contextlib.suppress(OSError):
                if _identity(written.path) == written.identity:
                    os.unlink(written.path)
            with contextlib.suppress(OSError):
                os.close(written.descriptor)
        self.temporaries.clear()


def _identity(path: Path) -> tuple[int, int] | None:
    """The device and inode at ``path`` (the link itself), ``None`` if nothing is there."""
    try:
        seen = os.lstat(path)
    except OSError:
        return None
    return (seen.st_dev, seen.st_ino)


def _keep_aside(target: Path) -> Path | None:
    """A second name for the file at ``target``, to give it back if the write fails (``None``
    where the file system makes no second link: the old file then cannot be given back)."""
    for _ in range(100):
        kept = temporary.fresh_name(target)
        try:
            os.link(target, kept, follow_symlinks=False)
            return kept
        except FileExistsError:
            continue
        except (OSError, NotImplementedError):
            return None
    return None


def _sync_folder(folder: Path) -> None:
    """The new names on disk too (best effort: not every system opens a folder)."""
    try:
        descriptor = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    with contextlib.suppress(OSError):
        os.fsync(descriptor)
    os.close(descriptor)
