"""What the offers path is, asked once of the system before anything opens it.

``Path.exists()`` and ``Path.is_dir()`` raise ``PermissionError`` when a folder on the way cannot
be searched, and opening a named pipe waits for a writer forever: the status of the path is read
in one call, every failure of it is one clear error, and only a regular file is opened at all.
"""

import errno
import os
import stat
from pathlib import Path

from referent_ess.problems.errors import ReferentError, os_reason

_ABSENT = (errno.ENOENT, errno.ENOTDIR)  # nothing there; any other failure is said as it is


def regular_file(path: Path, form: str = "offers") -> os.stat_result:
    """The status of the regular file at ``path``; a :class:`ReferentError` when there is none,
    it cannot be looked at, or it is a folder (``is-a-folder`` of ``form``), a device, a pipe or
    a socket."""
    display = str(path)
    try:
        status = path.stat()
    except OSError as exc:
        if exc.errno in _ABSENT:
            raise ReferentError(
                "file-not-found", params=(("path", display), ("form", "offers"))
            ) from None
        reason = str(exc.strerror or exc)
        params = (("path", display), *os_reason(exc, reason))
        raise ReferentError("unreadable-file", params=params) from None
    if stat.S_ISDIR(status.st_mode):
        raise ReferentError("is-a-folder", params=(("path", display), ("form", form)))
    if not stat.S_ISREG(status.st_mode):
        raise ReferentError("unreadable-file", params=(("form", "not-regular"), ("path", display)))
    return status
