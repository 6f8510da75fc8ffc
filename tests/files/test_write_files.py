"""Several files written together (the letters, init's three files): all of them or none; and
no check-then-rename race: of two runs writing the same new file, one is refused."""

import errno
import os
import stat
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from referent_ess.files import atomic_write
from referent_ess.files.atomic_write import write_atomically, write_files
from referent_ess.problems.errors import ReferentError


def entries(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def texts(folder: Path) -> dict[str, str]:
    return {p.name: p.read_text(encoding="utf-8") for p in folder.iterdir() if p.is_file()}


def fail_on_call(
    monkeypatch: pytest.MonkeyPatch, name: str, call: int, number: int = errno.EIO
) -> None:
    """``os.<name>`` fails on its ``call``-th call (from 1), as a disk error would."""
    real: Callable[..., object] = getattr(os, name)
    count = 0

    def failing(*args: object, **kwargs: object) -> object:
        nonlocal count
        count += 1
        if count == call:
            raise OSError(number, os.strerror(number))
        return real(*args, **kwargs)

    monkeypatch.setattr(os, name, failing)


# ---- checked first: nothing is written when one target is refused -------------------------------


def test_one_existing_target_and_nothing_is_written(tmp_path: Path) -> None:
    (tmp_path / "b.md").write_text("old b\n", encoding="utf-8")
    outputs = [(tmp_path / n, f"new {n}\n") for n in ("a.md", "b.md", "c.md")]
    with pytest.raises(ReferentError) as caught:
        write_files(outputs, inputs=[])
    assert caught.value.code == "output-exists"
    assert texts(tmp_path) == {"b.md": "old b\n"}


def test_every_refused_target_is_said_at_once(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text("old a\n", encoding="utf-8")
    os.mkfifo(tmp_path / "b.md")
    (tmp_path / "c.md").mkdir()
    outputs = [(tmp_path / n, "new\n") for n in ("a.md", "b.md", "c.md", "d.md")]
    with pytest.raises(ReferentError) as caught:
        write_files(outputs, inputs=[])
    assert caught.value.lines == (
        f"{tmp_path / 'a.md'}: already exists; pass --force to replace it [output-exists]",
        f"{tmp_path / 'b.md'}: is a named pipe (FIFO), not a regular file; referent replaces "
        "only regular files, even with --force: give another file name [output-special-file]",
        f"{tmp_path / 'c.md'}: is a folder; give a file name to write to [output-is-folder]",
    )
    assert entries(tmp_path) == ["a.md", "b.md", "c.md"]


def test_a_new_folder_is_not_left_behind_when_a_target_is_refused(tmp_path: Path) -> None:
    source = tmp_path / "offers.xlsx"
    source.write_bytes(b"data")
    folder = tmp_path / "new" / "letters"
    outputs = [(folder / "a.md", "a\n"), (source, "b\n")]
    with pytest.raises(ReferentError) as caught:
        write_files(outputs, inputs=[source], force=True, folder=folder)
    assert caught.value.code == "output-is-input"
    assert entries(tmp_path) == ["offers.xlsx"]  # new/ and new/letters/ removed again
    assert source.read_bytes() == b"data"


# ---- a failure while publishing undoes what was published --------------------------------------


@pytest.mark.parametrize("failing", [1, 2, 3])
def test_a_failed_link_leaves_none_of_the_new_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, failing: int
) -> None:
    fail_on_call(monkeypatch, "link", failing)
    outputs = [(tmp_path / n, f"{n}\n") for n in ("a.md", "b.md", "c.md")]
    with pytest.raises(ReferentError) as caught:
        write_files(outputs, inputs=[])
    name = "abc"[failing - 1]
    assert caught.value.lines == (
        f"{tmp_path / f'{name}.md'}: cannot be written (Input/output error) [output-unwritable]",
    )
    assert entries(tmp_path) == []  # no letter, no temporary file


@pytest.mark.parametrize("failing", [1, 2, 3])
def test_a_failed_replace_gives_every_old_file_back(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, failing: int
) -> None:
    for name in ("a.md", "b.md", "c.md"):
        (tmp_path / name).write_text(f"old {name}\n", encoding="utf-8")
    before = texts(tmp_path)
    real_replace = os.replace
    calls = 0

    def replace(source: object, target: object) -> None:
        nonlocal calls
        calls += 1
        if calls == failing:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        real_replace(source, target)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "replace", replace)
    outputs = [(tmp_path / n, f"new {n}\n") for n in ("a.md", "b.md", "c.md")]
    with pytest.raises(ReferentError) as caught:
        write_files(outputs, inputs=[], force=True)
    assert dict(caught.value.params)["reason_part"] == "os.no-space"
    assert texts(tmp_path) == before
    assert entries(tmp_path) == ["a.md", "b.md", "c.md"]


def test_a_full_disk_while_writing_leaves_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "a.md").write_text("old\n", encoding="utf-8")
    fail_on_call(monkeypatch, "fsync", 2, errno.ENOSPC)
    outputs = [(tmp_path / n, f"new {n}\n") for n in ("a.md", "b.md")]
    with pytest.raises(ReferentError) as caught:
        write_files(outputs, inputs=[], force=True)
    assert caught.value.lines == (
        f"{tmp_path / 'b.md'}: cannot be written (No space left on device) [output-unwritable]",
    )
    assert texts(tmp_path) == {"a.md": "old\n"}


def test_ctrl_c_while_publishing_undoes_everything(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "a.md").write_text("old a\n", encoding="utf-8")
    real_replace = os.replace
    calls = 0

    def replace(source: object, target: object) -> None:
        nonlocal calls
        calls += 1
        real_replace(source, target)  # type: ignore[arg-type]
        if calls == 2:
            raise KeyboardInterrupt

    monkeypatch.setattr(os, "replace", replace)
    outputs = [(tmp_path / n, f"new {n}\n") for n in ("a.md", "b.md", "c.md")]
    with pytest.raises(KeyboardInterrupt):
        write_files(outputs, inputs=[], force=True)
    monkeypatch.undo()
    assert texts(tmp_path) == {"a.md": "old a\n"}


def test_an_error_while_rendering_the_second_file_leaves_nothing(tmp_path: Path) -> None:
    def pieces() -> Iterator[str]:
        yield "start"
        raise ValueError("a renderer's bug")

    with pytest.raises(ValueError, match="a renderer's bug"):
        write_files([(tmp_path / "a.md", "a\n"), (tmp_path / "b.md", pieces())], inputs=[])
    assert entries(tmp_path) == []


def test_a_folder_that_cannot_be_made_is_one_line(tmp_path: Path) -> None:
    blocking = tmp_path / "file"
    blocking.write_text("x\n", encoding="utf-8")
    folder = blocking / "letters"
    with pytest.raises(ReferentError) as caught:
        write_files([(folder / "a.md", "a\n")], inputs=[], folder=folder)
    assert caught.value.code == "output-parent-not-folder"
    assert dict(caught.value.params)["folder"] == str(blocking)


def test_a_folder_given_as_a_file_is_refused(tmp_path: Path) -> None:
    taken = tmp_path / "letters"
    taken.write_text("mine\n", encoding="utf-8")
    with pytest.raises(ReferentError) as caught:
        write_files([(taken / "a.md", "a\n")], inputs=[], folder=taken)
    assert caught.value.lines == (
        f"{taken}: is a file; give a folder for the letters [output-is-file]",
    )


def test_the_files_and_a_new_folder_are_written(tmp_path: Path) -> None:
    folder = tmp_path / "x" / "y"
    write_files([(folder / "a.md", "a\n"), (folder / "b.md", b"b\n")], inputs=[], folder=folder)
    assert texts(folder) == {"a.md": "a\n", "b.md": "b\n"}
    assert entries(tmp_path / "x") == ["y"]


# ---- no check-then-rename race ------------------------------------------------------------------


def test_of_two_runs_writing_the_same_new_file_only_one_writes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The second run starts and ends while the first is writing, after its checks: the first
    one must then be refused, not replace what the second wrote."""
    target = tmp_path / "out.json"
    real_fsync = os.fsync
    other_ran = False

    def fsync(descriptor: int) -> None:
        nonlocal other_ran
        real_fsync(descriptor)
        if not other_ran:
            other_ran = True
            write_atomically(target, "second\n", inputs=[])  # the other run, in between

    monkeypatch.setattr(os, "fsync", fsync)
    with pytest.raises(ReferentError) as caught:
        write_atomically(target, "first\n", inputs=[])
    assert caught.value.code == "output-exists"
    assert target.read_text(encoding="utf-8") == "second\n"
    assert entries(tmp_path) == ["out.json"]


@pytest.mark.parametrize("number", [errno.EPERM, errno.EOPNOTSUPP])
def test_without_hard_links_a_new_file_is_still_exclusive(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, number: int
) -> None:
    def no_links(*_args: object, **_kwargs: object) -> None:
        raise OSError(number, os.strerror(number))

    monkeypatch.setattr(os, "link", no_links)
    target = tmp_path / "out.json"
    write_atomically(target, "first\n", inputs=[])
    assert target.read_text(encoding="utf-8") == "first\n"
    real_fsync = os.fsync

    def fsync(descriptor: int) -> None:
        real_fsync(descriptor)
        target.write_text("someone else\n", encoding="utf-8")  # made after the checks

    other = tmp_path / "other.json"
    target = other
    monkeypatch.setattr(os, "fsync", fsync)
    with pytest.raises(ReferentError) as caught:
        write_atomically(other, "mine\n", inputs=[])
    assert caught.value.code == "output-exists"
    assert other.read_text(encoding="utf-8") == "someone else\n"
    assert entries(tmp_path) == ["other.json", "out.json"]


def test_with_force_a_file_made_meanwhile_is_replaced(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "out.json"
    real_fsync = os.fsync

    def fsync(descriptor: int) -> None:
        real_fsync(descriptor)
        if not target.exists():
            target.write_text("someone else\n", encoding="utf-8")

    monkeypatch.setattr(os, "fsync", fsync)
    write_atomically(target, "mine\n", inputs=[], force=True)
    assert target.read_text(encoding="utf-8") == "mine\n"
    assert entries(tmp_path) == ["out.json"]


def test_with_force_a_fifo_made_meanwhile_is_not_replaced(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "out.json"
    real_fsync = os.fsync

    def fsync(descriptor: int) -> None:
        real_fsync(descriptor)
        if not target.exists():
            os.mkfifo(target)

    monkeypatch.setattr(os, "fsync", fsync)
    with pytest.raises(ReferentError) as caught:
        write_atomically(target, "mine\n", inputs=[], force=True)
    assert caught.value.code == "output-special-file"
    assert entries(tmp_path) == ["out.json"]
    assert not target.is_file()


def test_the_old_file_is_not_kept_aside_once_all_is_written(tmp_path: Path) -> None:
    for name in ("a.md", "b.md"):
        (tmp_path / name).write_text("old\n", encoding="utf-8")
    write_files([(tmp_path / n, "new\n") for n in ("a.md", "b.md")], inputs=[], force=True)
    assert texts(tmp_path) == {"a.md": "new\n", "b.md": "new\n"}
    assert os.stat(tmp_path / "a.md").st_nlink == 1


def test_the_no_links_errors_are_those_of_file_systems_without_links() -> None:
    assert errno.EEXIST not in atomic_write._NO_LINKS
    assert errno.ENOSPC not in atomic_write._NO_LINKS


# ---- all or nothing, whatever the targets and wherever it fails --------------------------------


@st.composite
def targets(draw: st.DrawFn) -> tuple[list[str], bool]:
    """What is at each target (nothing, an old file, a FIFO), and --force: most draws can be
    written, so that the failures while writing are explored; some are refused."""
    force = draw(st.booleans())
    kinds = ["missing", "file"] if force else ["missing"]
    states = draw(st.lists(st.sampled_from(kinds), min_size=1, max_size=4))
    refusal = draw(st.sampled_from(["none", "none", "fifo", "exists"]))
    if refusal != "none":
        index = draw(st.integers(min_value=0, max_value=len(states) - 1))
        states[index] = "fifo" if refusal == "fifo" else "file"
    return states, force


@settings(
    deadline=None, max_examples=200, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    drawn=targets(),
    step=st.sampled_from(["none", "fsync", "publish"]),
    call=st.integers(min_value=1, max_value=4),
)
def test_all_or_nothing(
    monkeypatch: pytest.MonkeyPatch, drawn: tuple[list[str], bool], step: str, call: int
) -> None:
    states, force = drawn
    with tempfile.TemporaryDirectory() as scratch, monkeypatch.context() as patch:
        folder = Path(scratch)
        names = [f"f{i}.md" for i in range(len(states))]
        for name, state in zip(names, states, strict=True):
            if state == "file":
                (folder / name).write_text(f"old {name}\n", encoding="utf-8")
            elif state == "fifo":
                os.mkfifo(folder / name)
        before = _state(folder)
        if step == "fsync":
            fail_on_call(patch, "fsync", call)
        elif step == "publish":  # the one step that puts each file at its target
            fail_on_call(patch, "replace" if force else "link", call)
        refused = "fifo" in states or (not force and "file" in states)
        fails = step != "none" and call <= len(states)
        outputs = [(folder / name, f"new {name}\n") for name in names]
        if refused or fails:
            with pytest.raises(ReferentError):
                write_files(outputs, inputs=[], force=force)
            patch.undo()
            assert _state(folder) == before
        else:
            write_files(outputs, inputs=[], force=force)
            assert texts(folder) == {name: f"new {name}\n" for name in names}


def _state(folder: Path) -> dict[str, tuple[int, str | None]]:
    """Each entry's kind and, for a file, its text: temporary files would show here."""
    found = {}
    for path in folder.iterdir():
        mode = os.lstat(path).st_mode
        found[path.name] = (
            stat.S_IFMT(mode),
            path.read_text(encoding="utf-8") if stat.S_ISREG(mode) else None,
        )
    return found
