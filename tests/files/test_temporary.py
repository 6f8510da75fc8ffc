"""The hidden temporary files of a write: removed on an error, Ctrl-C, SIGTERM and SIGHUP, and,
when a run was killed outright (SIGKILL), by the next write of the same target only.

The signals are sent by the writing process to itself from inside the write (a renderer, or a
patched system call), never after a delay: each test is deterministic."""

import os
import signal
import subprocess
import sys
import textwrap
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from referent_ess.files import temporary
from referent_ess.files.atomic_write import write_atomically
from referent_ess.problems.errors import ReferentError

ROOT = Path(__file__).resolve().parents[2]
POSIX = pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")


def entries(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def run_python(script: str, folder: Path) -> subprocess.CompletedProcess[str]:
    """``script`` in a new Python process, in ``folder``, with this checkout's package."""
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "REFERENT_LANG": "en"}
    return subprocess.run(
        [sys.executable, "-c", textwrap.dedent(script)],
        cwd=folder,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


# ---- their names ---------------------------------------------------------------------------------


def test_the_name_of_a_temporary_file(tmp_path: Path) -> None:
    path, descriptor, _ = temporary.create(tmp_path / "rapport.html")
    os.close(descriptor)
    assert path.parent == tmp_path
    assert temporary.pattern("rapport.html").fullmatch(path.name)
    assert path.name.startswith(".rapport.html.")
    assert path.name.endswith(".tmp")
    assert len(path.name) == len(".rapport.html.") + 8 + len(".tmp")


@pytest.mark.parametrize("name", ["a" * 241, "a" * 255, "é" * 127, "x.json"])
def test_a_temporary_name_fits_in_255_bytes(name: str) -> None:
    full = temporary.prefix(name) + "0" * 8 + ".tmp"
    assert len(os.fsencode(full)) <= 255
    assert temporary.pattern(name).fullmatch(full)


# ---- left by a killed run: removed by the next write of the same target ------------------------


def stale(folder: Path, name: str, *, age: float = 3600) -> Path:
    path = folder / name
    path.write_text("half a report", encoding="utf-8")
    then = time.time() - age
    os.utime(path, (then, then))
    return path


def test_stale_temporary_files_of_the_target_are_removed(tmp_path: Path) -> None:
    stale(tmp_path, ".out.json.0123abcd.tmp")
    stale(tmp_path, ".out.json.ffffffff.tmp", age=1)
    write_atomically(tmp_path / "out.json", "{}\n", inputs=[])
    assert entries(tmp_path) == ["out.json"]


@pytest.mark.parametrize(
    "name",
    [
        ".other.json.0123abcd.tmp",  # another target's
        ".out.json.0123abcg.tmp",  # not 8 hexadecimal digits
        ".out.json.0123abc.tmp",
        ".out.json.0123abcde.tmp",
        ".out.json.0123ABCD.tmp",
        ".out.json.0123abcd.tmp.bak",
        "out.json.0123abcd.tmp",  # not hidden
        ".out.json.0123abcd.temp",
        "..out.json.0123abcd.tmp",
        ".xout.json.0123abcd.tmp",
    ],
)
def test_files_not_named_exactly_after_the_target_stay(tmp_path: Path, name: str) -> None:
    stale(tmp_path, name)
    write_atomically(tmp_path / "out.json", "{}\n", inputs=[])
    assert entries(tmp_path) == sorted([name, "out.json"])


def test_a_temporary_file_newer_than_the_run_stays(tmp_path: Path) -> None:
    stale(tmp_path, ".out.json.0123abcd.tmp", age=-3600)  # a run started after this one
    write_atomically(tmp_path / "out.json", "{}\n", inputs=[])
    assert entries(tmp_path) == [".out.json.0123abcd.tmp", "out.json"]


@POSIX
def test_a_temporary_file_a_live_write_holds_stays(tmp_path: Path) -> None:
    import fcntl

    held = stale(tmp_path, ".out.json.0123abcd.tmp")
    with held.open("rb") as stream:
        fcntl.flock(stream.fileno(), fcntl.LOCK_EX)  # as the running write holds its own
        write_atomically(tmp_path / "out.json", "{}\n", inputs=[], force=True)
    assert entries(tmp_path) == [".out.json.0123abcd.tmp", "out.json"]


def test_what_is_not_a_regular_file_stays(tmp_path: Path) -> None:
    (tmp_path / ".out.json.0123abcd.tmp").mkdir()
    os.symlink(tmp_path / "elsewhere", tmp_path / ".out.json.11111111.tmp")
    os.mkfifo(tmp_path / ".out.json.22222222.tmp")
    write_atomically(tmp_path / "out.json", "{}\n", inputs=[])
    assert entries(tmp_path) == [
        ".out.json.0123abcd.tmp",
        ".out.json.11111111.tmp",
        ".out.json.22222222.tmp",
        "out.json",
    ]


def test_a_long_target_name_finds_its_cut_temporary_files(tmp_path: Path) -> None:
    name = "r" * 250 + ".md"
    leftover = temporary.prefix(name) + "0123abcd.tmp"
    stale(tmp_path, leftover)
    write_atomically(tmp_path / name, "x\n", inputs=[])
    assert entries(tmp_path) == [name]


@POSIX
def test_sigkill_leaves_a_temporary_file_that_the_next_run_removes(tmp_path: Path) -> None:
    script = """
        import os, signal
        from pathlib import Path
        from referent_ess.files.atomic_write import write_atomically

        def pieces():
            yield "x" * 100_000
            os.kill(os.getpid(), signal.SIGKILL)  # nothing can clean up after this
            yield "never"

        write_atomically(Path("out.json"), pieces(), inputs=[])
    """
    killed = run_python(script, tmp_path)
    assert killed.returncode == -signal.SIGKILL
    (left,) = tmp_path.iterdir()
    assert temporary.pattern("out.json").fullmatch(left.name)
    then = time.time() - 60
    os.utime(left, (then, then))  # the killed run was before the next one
    write_atomically(tmp_path / "out.json", "{}\n", inputs=[])
    assert entries(tmp_path) == ["out.json"]


# ---- SIGTERM, SIGHUP and Ctrl-C while writing -------------------------------------------------


@POSIX
@pytest.mark.parametrize("name", ["SIGTERM", "SIGHUP"])
def test_a_signal_while_rendering_leaves_no_temporary_file(tmp_path: Path, name: str) -> None:
    script = f"""
        import os, signal
        from pathlib import Path
        from referent_ess.files.atomic_write import write_atomically

        def pieces():
            for _ in range(20):
                yield "x" * 1_000_000  # a large output...
            os.kill(os.getpid(), signal.{name})  # ...stopped in the middle
            yield "never"
            print("not stopped")

        write_atomically(Path("out.json"), pieces(), inputs=[])
        print("finished")
    """
    result = run_python(script, tmp_path)
    assert result.returncode == -getattr(signal, name)  # it ends as the signal would end it
    assert result.stdout == ""
    assert "Traceback" not in result.stderr
    assert entries(tmp_path) == []


@POSIX
def test_sigterm_while_syncing_a_cli_output_leaves_nothing(tmp_path: Path) -> None:
    script = f"""
        import os, signal, sys

        def fsync(descriptor):
            os.kill(os.getpid(), signal.SIGTERM)  # the disk sync of the written output

        os.fsync = fsync
        from referent_ess.cli import main

        sys.argv = ["referent", "score", "--format", "json", "--output", "out.json",
                    "--lots", {str(ROOT / "lots.yaml")!r}, "--criteria",
                    {str(ROOT / "criteria.yaml")!r}]
        main()
    """
    result = run_python(script, tmp_path)
    assert result.returncode == -signal.SIGTERM
    assert "Traceback" not in result.stderr
    assert entries(tmp_path) == []


@POSIX
@pytest.mark.parametrize("after", [1, 2, 3])
def test_sigterm_while_publishing_gives_every_old_letter_back(tmp_path: Path, after: int) -> None:
    folder = tmp_path / "letters"
    folder.mkdir()
    for name in ("a.md", "b.md", "c.md"):
        (folder / name).write_text(f"old {name}\n", encoding="utf-8")
    script = f"""
        import os, signal
        from pathlib import Path
        from referent_ess.files.atomic_write import write_files

        real_replace = os.replace
        calls = 0

        def replace(source, target):
            global calls
            real_replace(source, target)
            calls += 1
            if calls == {after}:
                os.kill(os.getpid(), signal.SIGTERM)  # right after a letter is published

        os.replace = replace
        letters = [(Path("letters") / n, "new " + n + "\\n") for n in ("a.md", "b.md", "c.md")]
        write_files(letters, inputs=[], force=True, folder=Path("letters"))
    """
    result = run_python(script, tmp_path)
    assert result.returncode == -signal.SIGTERM
    assert {p.name: p.read_text(encoding="utf-8") for p in folder.iterdir()} == {
        "a.md": "old a.md\n",
        "b.md": "old b.md\n",
        "c.md": "old c.md\n",
    }


@POSIX
def test_sigterm_while_linking_new_letters_leaves_none(tmp_path: Path) -> None:
    script = """
        import os, signal
        from pathlib import Path
        from referent_ess.files.atomic_write import write_files

        real_link = os.link
        calls = 0

        def link(source, target, **options):
            global calls
            real_link(source, target, **options)
            calls += 1
            if calls == 2:
                os.kill(os.getpid(), signal.SIGTERM)

        os.link = link
        letters = [(Path("new/letters") / n, "letter\\n") for n in ("a.md", "b.md", "c.md")]
        write_files(letters, inputs=[], folder=Path("new/letters"))
    """
    result = run_python(script, tmp_path)
    assert result.returncode == -signal.SIGTERM
    assert entries(tmp_path) == []  # the letters, and the folders made for them, removed


@POSIX
def test_an_ignored_sigterm_stays_ignored(tmp_path: Path) -> None:
    script = """
        import os, signal
        from pathlib import Path
        from referent_ess.files.atomic_write import write_atomically

        signal.signal(signal.SIGTERM, signal.SIG_IGN)

        def pieces():
            yield "a"
            os.kill(os.getpid(), signal.SIGTERM)
            yield "b"

        write_atomically(Path("out.txt"), pieces(), inputs=[])
        assert signal.getsignal(signal.SIGTERM) is signal.SIG_IGN
        print("finished")
    """
    result = run_python(script, tmp_path)
    assert (result.returncode, result.stdout) == (0, "finished\n")
    assert (tmp_path / "out.txt").read_text(encoding="utf-8") == "ab"


@POSIX
def test_the_program_s_own_sigterm_handler_is_left_alone(tmp_path: Path) -> None:
    received: list[int] = []
    previous = signal.signal(signal.SIGTERM, lambda signum, _frame: received.append(signum))
    try:

        def pieces() -> Iterator[str]:
            yield "a"
            os.kill(os.getpid(), signal.SIGTERM)
            yield "b"

        write_atomically(tmp_path / "out.txt", pieces(), inputs=[])
        handler = signal.getsignal(signal.SIGTERM)
    finally:
        signal.signal(signal.SIGTERM, previous)
    assert received == [signal.SIGTERM]
    assert callable(handler)  # the program's, still
    assert (tmp_path / "out.txt").read_text(encoding="utf-8") == "ab"


def test_the_default_handlers_are_back_after_a_write(tmp_path: Path) -> None:
    before = {s: signal.getsignal(s) for s in (signal.SIGINT, signal.SIGTERM)}
    write_atomically(tmp_path / "a.txt", "a", inputs=[])
    with pytest.raises(ReferentError):
        write_atomically(tmp_path / "a.txt", "a", inputs=[])
    assert {s: signal.getsignal(s) for s in (signal.SIGINT, signal.SIGTERM)} == before


@POSIX
def test_a_real_ctrl_c_while_rendering_leaves_no_temporary_file(tmp_path: Path) -> None:
    def pieces() -> Iterator[str]:
        yield "x" * 1000
        os.kill(os.getpid(), signal.SIGINT)
        yield "never"

    with pytest.raises(KeyboardInterrupt):
        write_atomically(tmp_path / "out.json", pieces(), inputs=[])
    assert entries(tmp_path) == []
    assert signal.getsignal(signal.SIGINT) is signal.default_int_handler


@POSIX
def test_a_signal_inside_a_step_waits_for_its_end() -> None:
    steps: list[str] = []

    def write() -> None:
        with temporary.SignalGuard() as guard:
            with guard.critical():
                os.kill(os.getpid(), signal.SIGINT)
                steps.append("the step ends")
            steps.append("never")

    with pytest.raises(KeyboardInterrupt):
        write()
    assert steps == ["the step ends"]
