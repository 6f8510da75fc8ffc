"""The offers file as the system gives it (issue: hostile inputs, reading): a folder that cannot
be searched, a pipe or a device, a CSV file too large to read.

Each case is one ``error: <file>: … [code]`` line and exit 2, never a traceback nor a process
that waits forever. The tests run as root, for whom no folder is closed: a folder without search
permission is played by making every look at a path inside it fail as the system fails it
(``PermissionError``, EACCES).
"""

import errno
import os
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner, Result

from helpers import VALID_ROWS
from referent_ess.cli import app
from referent_ess.intake import csv_reader
from referent_ess.intake.csv_reader import read_offers_csv
from referent_ess.problems.errors import ReferentError

CSV = (
    "candidate;lot;day_rate_ht;days;vat_rate;cv;quality\n"
    "Alpha;1;300;10;0,2;oui;4\n"
    "Beta;1;400;10;0,2;oui;5\n"
)


@pytest.fixture
def config(make_config: Callable[..., tuple[Path, Path]]) -> list[str]:
    lots, criteria = make_config()
    return ["--lots", str(lots), "--criteria", str(criteria)]


def refused(result: Result, path: Path, code: str) -> str:
    """Exit 2, nothing on stdout, one line ``error: <path>: … [code]``; returns it."""
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(
        result.exception
    )
    assert (result.exit_code, result.stdout) == (2, ""), result.output
    (line,) = result.stderr.splitlines()
    assert line.startswith(f"error: {path}: "), line
    assert line.endswith(f" [{code}]"), line
    return line


@pytest.fixture
def closed_folder(monkeypatch: pytest.MonkeyPatch) -> Callable[[Path], None]:
    """Play a folder without search (x) permission: looking at, or opening, anything inside it
    raises PermissionError, as ``stat()`` and ``open()`` do for everybody but root."""

    def close(folder: Path) -> None:
        def inside(path: Any) -> bool:
            return Path(os.fspath(path)).parent == folder

        def denied(path: Any) -> PermissionError:
            return PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(path))

        real_stat, real_open, real_io_open = Path.stat, Path.open, open

        def stat(self: Path, **kwargs: Any) -> os.stat_result:
            if inside(self):
                raise denied(self)
            return real_stat(self, **kwargs)

        def path_open(self: Path, *args: Any, **kwargs: Any) -> Any:
            if inside(self):
                raise denied(self)
            return real_open(self, *args, **kwargs)

        def io_open(file: Any, *args: Any, **kwargs: Any) -> Any:
            if isinstance(file, str | Path) and inside(file):
                raise denied(file)
            return real_io_open(file, *args, **kwargs)

        monkeypatch.setattr(Path, "stat", stat)
        monkeypatch.setattr(Path, "open", path_open)
        monkeypatch.setattr("builtins.open", io_open)

    return close


@pytest.mark.parametrize("command", ["score", "validate", "check-budget"])
@pytest.mark.parametrize("name", ["offers.xlsx", "offers.csv", "offers"])
def test_an_offers_file_in_a_folder_that_cannot_be_searched_is_one_line(
    runner: CliRunner,
    config: list[str],
    make_workbook: Callable[..., Path],
    closed_folder: Callable[[Path], None],
    tmp_path: Path,
    command: str,
    name: str,
) -> None:
    folder = tmp_path / "closed"
    folder.mkdir()
    if name.endswith(".csv"):
        path = folder / name
        path.write_text(CSV, encoding="utf-8")
    else:
        path = make_workbook(VALID_ROWS, name=f"closed/{name}")
    closed_folder(folder)
    result = runner.invoke(app, [command, str(path), *config])
    line = refused(result, path, "unreadable-file")
    assert line == f"error: {path}: cannot be read ({os.strerror(errno.EACCES)}) [unreadable-file]"


def test_in_french_access_is_denied(
    runner: CliRunner, config: list[str], closed_folder: Callable[[Path], None], tmp_path: Path
) -> None:
    folder = tmp_path / "fermé"
    folder.mkdir()
    path = folder / "offres.csv"
    path.write_text(CSV, encoding="utf-8")
    closed_folder(folder)
    result = runner.invoke(app, ["--lang", "fr", "score", str(path), *config])
    assert result.exit_code == 2
    assert result.stderr == (
        f"erreur : {path} : le fichier ne peut pas être lu (accès refusé) [unreadable-file]\n"
    )


@pytest.mark.parametrize("name", ["offers.csv", "offers.xlsx", "offers"])
def test_a_named_pipe_is_refused_without_waiting_for_a_writer(
    config: list[str], tmp_path: Path, name: str
) -> None:
    fifo = tmp_path / name
    os.mkfifo(fifo)
    # in a process of its own: opening a pipe would block this one forever
    done = subprocess.run(
        [sys.executable, "-m", "referent_ess", "--lang", "en", "score", str(fifo), *config],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 2, done.stderr
    assert done.stderr == (
        f"error: {fifo}: not a regular file (a device, a pipe or a socket): give the offers file "
        "itself [unreadable-file]\n"
    )


def test_a_device_is_refused(runner: CliRunner, config: list[str]) -> None:
    device = Path("/dev/null")
    refused(runner.invoke(app, ["score", str(device), *config]), device, "unreadable-file")


# ---- the size of a CSV file --------------------------------------------------------------------


def sparse(path: Path, size: int) -> Path:
    """A file of ``size`` bytes that takes no room on disk (it is never read)."""
    with path.open("wb") as stream:
        stream.truncate(size)
    return path


@pytest.mark.parametrize(
    ("size", "shown"),
    [(200_000_001, "201"), (523_456_789, "524"), (5_000_000_000, "5000")],
)
def test_a_csv_file_over_200_mb_is_refused_before_reading_with_its_size(
    runner: CliRunner,
    config: list[str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    size: int,
    shown: str,
) -> None:
    path = sparse(tmp_path / "offers.csv", size)
    real_open = Path.open

    def never_for_it(self: Path, *args: Any, **kwargs: Any) -> Any:
        assert self != path, "the file was opened"
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", never_for_it)
    line = refused(runner.invoke(app, ["score", str(path), *config]), path, "file-too-large")
    assert line == (
        f"error: {path}: {shown} MB, more than the 200 MB an offers file may have: refused "
        "before reading it [file-too-large]"
    )
    french = runner.invoke(app, ["--lang", "fr", "score", str(path), *config]).stderr
    assert f" : {shown} Mo, plus que les 200 Mo qu'un fichier d'offres peut occuper" in french


def test_the_limit_itself_is_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(csv_reader, "MAX_CSV_BYTES", len(CSV.encode()))
    path = tmp_path / "offers.csv"
    path.write_text(CSV, encoding="utf-8")
    assert len(read_offers_csv(path).rows) == 2  # exactly the limit: read
    path.write_text(CSV + "\n", encoding="utf-8")
    with pytest.raises(ReferentError) as caught:
        read_offers_csv(path)  # one byte more: refused
    assert caught.value.code == "file-too-large"


def test_a_csv_file_is_read_line_by_line_never_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "offers.csv"
    path.write_text(CSV + "Gamma;2;500;10;0,2;oui;3\n" * 5000, encoding="utf-8")

    def whole(*_: Any, **__: Any) -> bytes:
        raise AssertionError("read whole")

    monkeypatch.setattr(Path, "read_bytes", whole)
    monkeypatch.setattr(Path, "read_text", whole)
    served: list[int] = []
    real_open = Path.open

    class Counting:
        """The file, counting how much each read asked for."""

        def __init__(self, stream: Any) -> None:
            self.stream = stream

        def __getattr__(self, name: str) -> Any:
            return getattr(self.stream, name)

        def read(self, size: int = -1) -> bytes:
            served.append(size)
            return bytes(self.stream.read(size))

        def read1(self, size: int = -1) -> bytes:
            served.append(size)
            return bytes(self.stream.read1(size))

        def readinto(self, buffer: Any) -> int:
            served.append(len(buffer))
            return int(self.stream.readinto(buffer))

        def __iter__(self) -> Iterator[bytes]:
            return iter(self.stream)

        def __enter__(self) -> "Counting":
            return self

        def __exit__(self, *exc: object) -> None:
            self.stream.close()

    monkeypatch.setattr(Path, "open", lambda self, *a, **k: Counting(real_open(self, *a, **k)))
    sheet = read_offers_csv(path)
    assert len(sheet.rows) == 5002
    assert served
    assert all(0 < size < path.stat().st_size // 2 for size in served), served


# ---- bytes that are no UTF-8, found while streaming ------------------------------------------


@pytest.mark.parametrize("where", [10, 65_535, 65_536, 65_537, 200_000])
def test_the_first_byte_that_is_no_utf8_is_named_wherever_it_is(tmp_path: Path, where: int) -> None:
    head = b"candidate;lot\n"
    # 'é' is two bytes; the filler is cut so that the bad byte lands at offset `where`
    filler = (b"\xc3\xa9;1\n" * where)[: where - len(head)] if where > len(head) else b""
    while filler and (filler[-1] & 0xC0) == 0xC0:  # never leave half a character before it
        filler = filler[:-1] + b"x"
    data = head[:where] + filler + b"\xff" + b";1\nBeta;2\n"
    assert data.index(b"\xff") == where
    path = tmp_path / "offers.csv"
    path.write_bytes(data)
    with pytest.raises(ReferentError) as caught:
        read_offers_csv(path)
    assert (caught.value.code, dict(caught.value.params)["byte"]) == ("not-utf8", str(where))


def test_a_character_cut_by_the_end_of_the_file_is_named(tmp_path: Path) -> None:
    path = tmp_path / "offers.csv"
    path.write_bytes(b"candidate;lot\nAlpha;1\n\xc3")  # half of an 'é': byte 22
    with pytest.raises(ReferentError) as caught:
        read_offers_csv(path)
    assert dict(caught.value.params)["byte"] == "22"


def test_a_byte_that_is_no_utf8_is_said_before_a_nul_byte(tmp_path: Path) -> None:
    path = tmp_path / "offers.csv"
    path.write_bytes(b"candidate;lot\nAl\x00pha;1\n" + b"x;1\n" * 30_000 + b"Be\xe9ta;2\n")
    with pytest.raises(ReferentError) as caught:
        read_offers_csv(path)
    assert caught.value.code == "not-utf8"
    # 14 bytes of header, 9 of the first row, 4 of each filler row, then "Be"
    assert dict(caught.value.params)["byte"] == str(14 + 9 + 4 * 30_000 + 2)
    path.write_bytes(b"candidate;lot\nAl\x00pha;1\n" + b"x;1\n" * 30_000)
    with pytest.raises(ReferentError) as caught:
        read_offers_csv(path)
    assert caught.value.code == "nul-bytes"
