"""Writing an output file safely: never over an input, never half-written, never by surprise.

The rule, for every file the tool writes: the text goes to a temporary file in the same folder,
which then replaces the target in one step (a reader never sees half a file, and a crash leaves the
old file whole); a path that is one of the inputs is refused; an existing file is replaced only
when the user asked for it (``--force``).
"""

import os
import tempfile
from collections.abc import Iterable
from pathlib import Path

from referent_ess.problems.errors import ReferentError, os_reason


def write_atomically(
    path: Path,
    content: str | bytes | Iterable[str],
    *,
    inputs: Iterable[Path],
    force: bool = False,
) -> None:
    """Write ``content`` (text, bytes, or text in pieces) to ``path`` under the rule above."""
    for source in inputs:
        if _same_file(path, source):
            raise ReferentError(
                "output-is-input", params=(("path", str(path)), ("source", str(source)))
            )
    if path.is_dir():
        raise ReferentError("output-is-folder", params=(("path", str(path)),))
    if path.exists() and not force:
        raise ReferentError("output-exists", params=(("path", str(path)),))
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise ReferentError(
            "output-folder-missing", params=(("path", str(path)), ("folder", str(folder)))
        )
    pieces = [content] if isinstance(content, str | bytes) else content
    handle, temporary = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as stream:
            for piece in pieces:
                stream.write(piece.encode("utf-8") if isinstance(piece, str) else piece)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, 0o666 & ~_umask())  # mkstemp makes it private; a report is shared
        os.replace(temporary, path)
    except BaseException as exc:  # an error while writing, or while rendering the pieces
        Path(temporary).unlink(missing_ok=True)
        if not isinstance(exc, OSError):
            raise
        params = (("path", str(path)), *os_reason(exc))
        raise ReferentError("output-unwritable", params=params) from None


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve() or (a.exists() and b.exists() and os.path.samefile(a, b))
    except OSError:
        return False
