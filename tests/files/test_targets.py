"""Where an output may go: every path the system refuses, or that names something other than a
regular file, is one located error (exit code 2), never a traceback, and nothing is written."""

import errno
import os
import socket
import stat
import sys
from pathlib import Path

import pytest

from referent_ess.files.atomic_write import write_atomically
from referent_ess.files.targets import PathKind, output_path, path_kind
from referent_ess.problems.errors import ReferentError

ROOT_USER = hasattr(os, "geteuid") and os.geteuid() == 0


def refusal(path: str | Path, *, force: bool = False) -> ReferentError:
    with pytest.raises(ReferentError) as caught:
        write_atomically(path, "text\n", inputs=[], force=force)
    return caught.value


def entries(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


# ---- a path that ends with the separator names a folder ----------------------------------------


@pytest.mark.parametrize("name", ["newdir/", "a/b/", "report.html/"])
def test_a_path_ending_with_a_slash_is_refused_unless_a_folder(tmp_path: Path, name: str) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "report.html").write_text("old\n", encoding="utf-8")
    given = f"{tmp_path}/{name}"
    error = refusal(given, force=True)
    assert error.code == "output-trailing-separator"
    assert error.lines == (
        f"{given}: ends with /, so it names a folder, and there is no such folder; give the name "
        "of the file to write, without the final / [output-trailing-separator]",
    )
    assert entries(tmp_path) == ["a", "report.html"]
    assert entries(tmp_path / "a") == []
    assert (tmp_path / "report.html").read_text(encoding="utf-8") == "old\n"


def test_an_existing_folder_given_with_a_slash_is_said_to_be_a_folder(tmp_path: Path) -> None:
    given = f"{tmp_path}/"
    assert output_path(given) == tmp_path
    error = refusal(given)
    assert error.code == "output-is-folder"
    assert entries(tmp_path) == []


def test_a_path_object_has_no_final_slash_to_judge(tmp_path: Path) -> None:
    assert output_path(tmp_path / "x.json") == tmp_path / "x.json"
    write_atomically(f"{tmp_path}/x.json", "ok\n", inputs=[])  # the same path as text
    assert (tmp_path / "x.json").read_text(encoding="utf-8") == "ok\n"


# ---- a part of the path that is a file ---------------------------------------------------------


@pytest.mark.parametrize("inside", ["x.json", "x/y.json", "x/y/z/w.json"])
def test_a_parent_that_is_a_file_is_named(tmp_path: Path, inside: str) -> None:
    blocking = tmp_path / "notes.txt"
    blocking.write_text("mine\n", encoding="utf-8")
    target = blocking / inside
    error = refusal(target, force=True)
    assert error.code == "output-parent-not-folder"
    assert error.lines == (
        f"{target}: cannot be written: {blocking} is a file, not a folder; give a path in a "
        "folder [output-parent-not-folder]",
    )
    assert blocking.read_text(encoding="utf-8") == "mine\n"


def test_a_missing_folder_is_named(tmp_path: Path) -> None:
    target = tmp_path / "absent" / "deeper" / "x.json"
    error = refusal(target)
    assert error.code == "output-folder-missing"
    assert error.params == (("path", str(target)), ("folder", str(target.parent)))
    assert entries(tmp_path) == []


# ---- names the system refuses ------------------------------------------------------------------


@pytest.mark.parametrize("name", ["a" * 256, "a" * 300, "é" * 128, "€" * 100])
def test_a_name_longer_than_255_bytes(tmp_path: Path, name: str) -> None:
    assert len(name.encode("utf-8")) > 255
    error = refusal(tmp_path / name, force=True)
    assert error.code == "output-unwritable"
    assert dict(error.params)["reason_part"] == "os.name-too-long"
    assert error.lines_in("fr") == (
        f"{tmp_path / name} : le fichier ne peut pas être écrit (nom de fichier trop long) "
        "[output-unwritable]",
    )
    assert entries(tmp_path) == []


@pytest.mark.parametrize("length", [241, 242, 250, 255])
def test_a_long_name_that_the_system_accepts_is_written(tmp_path: Path, length: int) -> None:
    # The temporary file's name is the target's plus 14 bytes: it is cut to fit, not refused.
    target = tmp_path / ("b" * length)
    write_atomically(target, "ok\n", inputs=[])
    assert target.read_text(encoding="utf-8") == "ok\n"
    assert entries(tmp_path) == [target.name]


@pytest.mark.skipif(not Path("/proc/self").is_dir(), reason="no /proc")
@pytest.mark.parametrize("name", ["/proc/x", "/proc/self/x", "/proc/self/status"])
def test_proc_paths(name: str) -> None:
    error = refusal(name, force=True)
    assert error.code == "output-unwritable"
    assert error.lines[0].startswith(f"{name}: cannot be written (")
    assert not Path(name).exists() or name == "/proc/self/status"


@pytest.mark.skipif(not Path("/sys/kernel").is_dir(), reason="no /sys")
def test_a_folder_nobody_may_write_in_even_root() -> None:
    error = refusal("/sys/x.json")
    assert error.code == "output-unwritable"
    assert error.lines == (
        "/sys/x.json: cannot be written (Permission denied) [output-unwritable]",
    )


@pytest.mark.skipif(ROOT_USER or sys.platform == "win32", reason="root writes anywhere")
@pytest.mark.parametrize("mode", [0o500, 0o000, 0o100])
def test_a_folder_without_write_permission(tmp_path: Path, mode: int) -> None:
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(mode)
    try:
        error = refusal(folder / "x.json")
    finally:
        folder.chmod(0o700)
    assert error.code == "output-unwritable"
    assert dict(error.params)["reason_part"] == "os.denied"
    assert entries(folder) == []


@pytest.mark.parametrize(
    ("number", "part", "french"),
    [
        (errno.EACCES, "os.denied", "accès refusé"),
        (errno.ENOSPC, "os.no-space", "plus de place sur le disque"),
        (errno.EROFS, "os.read-only", "disque en lecture seule"),
        (errno.EIO, "os.io", "erreur de lecture ou d'écriture du disque"),
        (errno.ELOOP, "os.loop", "trop de liens symboliques"),
    ],
)
def test_stat_raising_is_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, number: int, part: str, french: str
) -> None:
    target = tmp_path / "x.json"
    real_stat = os.stat

    def failing(path: object, *args: object, **kwargs: object) -> os.stat_result:
        if Path(str(path)) == target:
            raise OSError(number, os.strerror(number), str(path))
        return real_stat(path, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "stat", failing)
    error = refusal(target)
    assert error.code == "output-unwritable"
    assert dict(error.params)["reason_part"] == part
    assert error.lines_in("fr") == (
        f"{target} : le fichier ne peut pas être écrit ({french}) [output-unwritable]",
    )
    assert entries(tmp_path) == []


# ---- nothing but a regular file is replaced, even with --force ---------------------------------


@pytest.mark.parametrize("force", [False, True])
def test_a_fifo_is_never_replaced(tmp_path: Path, force: bool) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    error = refusal(fifo, force=force)
    assert error.code == "output-special-file"
    assert error.lines == (
        f"{fifo}: is a named pipe (FIFO), not a regular file; referent replaces only regular "
        "files, even with --force: give another file name [output-special-file]",
    )
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)
    assert entries(tmp_path) == ["pipe"]


def test_a_socket_is_never_replaced(tmp_path: Path) -> None:
    path = tmp_path / "s"
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as server:
        server.bind(str(path))
        error = refusal(path, force=True)
    assert error.code == "output-special-file"
    assert dict(error.params)["kind_part"] == "file.socket"
    assert error.lines_in("fr")[0].startswith(f"{path} : c'est un socket, pas un fichier ordinaire")
    assert stat.S_ISSOCK(os.lstat(path).st_mode)


def test_a_link_to_dev_null_is_never_followed_to_replace_it(tmp_path: Path) -> None:
    # Safe even if this failed: only the link, never /dev/null, could be replaced.
    link = tmp_path / "null.json"
    os.symlink("/dev/null", link)
    before = os.stat("/dev/null")
    error = refusal(link, force=True)
    assert error.code == "output-special-file"
    assert error.lines == (
        f"{link}: is a device, not a regular file; referent replaces only regular files, even "
        "with --force: give another file name [output-special-file]",
    )
    assert os.readlink(link) == "/dev/null"
    after = os.stat("/dev/null")
    assert stat.S_ISCHR(after.st_mode)
    assert after.st_rdev == before.st_rdev


@pytest.mark.skipif(not ROOT_USER, reason="only root makes device nodes")
def test_a_device_node_is_never_replaced_as_root(tmp_path: Path) -> None:
    node = tmp_path / "mynull"
    os.mknod(node, 0o666 | stat.S_IFCHR, os.makedev(1, 3))
    error = refusal(node, force=True)
    assert error.code == "output-special-file"
    assert dict(error.params)["kind_part"] == "file.device"
    assert stat.S_ISCHR(os.lstat(node).st_mode)


@pytest.mark.parametrize("force", [False, True])
def test_a_folder_is_never_replaced(tmp_path: Path, force: bool) -> None:
    folder = tmp_path / "out.json"
    folder.mkdir()
    (folder / "inside.txt").write_text("kept\n", encoding="utf-8")
    assert refusal(folder, force=force).code == "output-is-folder"
    assert (folder / "inside.txt").read_text(encoding="utf-8") == "kept\n"


def test_a_link_to_a_regular_file_is_replaced_only_with_force(tmp_path: Path) -> None:
    real = tmp_path / "real.txt"
    real.write_text("old\n", encoding="utf-8")
    link = tmp_path / "link.txt"
    os.symlink(real, link)
    assert refusal(link).code == "output-exists"
    write_atomically(link, "new\n", inputs=[], force=True)
    assert link.read_text(encoding="utf-8") == "new\n"
    assert not link.is_symlink()  # the link is replaced by the new file...
    assert real.read_text(encoding="utf-8") == "old\n"  # ...the file it named is untouched


def test_what_a_path_names(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "p")
    (tmp_path / "f").write_bytes(b"")
    assert path_kind(tmp_path / "p") is PathKind.FIFO
    assert path_kind(tmp_path / "f") is PathKind.FILE
    assert path_kind(tmp_path) is PathKind.FOLDER
    assert path_kind(tmp_path / "none") is PathKind.MISSING
    with pytest.raises(ReferentError) as caught:
        path_kind(tmp_path / "f" / "g")
    assert caught.value.code == "output-parent-not-folder"
