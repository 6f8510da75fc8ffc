"""Every command that writes, given an output it cannot or must not write: one line naming the
path and the reason, exit code 2, never a traceback, and nothing written. Expected lines are
written by hand."""

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from cli_helpers import CONFIG, CRITERIA, LOTS, ROOT, run
from typer.testing import CliRunner

# Each writing command of a file, with the output path last (its suffix chosen by the command).
COMMANDS = {
    "score": (["score", "-f", "json", *CONFIG, "-o"], ".json"),
    "rank": (["rank", "--lot", "3", *CONFIG, "-o"], ".txt"),
    "check-budget": (["check-budget", "-f", "csv", *CONFIG, "-o"], ".csv"),
    "validate": (["validate", *CONFIG, "-o"], ".txt"),
    "simulate": (["simulate", "--lot", "3", *CONFIG, "-o"], ".txt"),
    "sensitivity": (["sensitivity", "--lot", "3", *CONFIG, "-o"], ".txt"),
    "report": (["report", *CONFIG, "--out"], ".html"),
    "export": (["export", "--ocds", "--ocid-prefix", "ocds-a1b2c3", *CONFIG, "--out"], ".json"),
    "template": (["template", *CONFIG, "--out"], ".xlsx"),
}


def entries(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def refused(runner: CliRunner, command: str, target: str, *more: str) -> str:
    """The one error line of ``command`` writing to ``target``."""
    args, _ = COMMANDS[command]
    result = run(runner, [*args, target, *more], 2)
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    return lines[0]


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_a_path_ending_with_a_slash(runner: CliRunner, tmp_path: Path, command: str) -> None:
    given = f"{tmp_path}/rapport/"
    assert refused(runner, command, given, "--force") == (
        f"error: {given}: ends with /, so it names a folder, and there is no such folder; give "
        "the name of the file to write, without the final / [output-trailing-separator]"
    )
    assert entries(tmp_path) == []


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_a_fifo_even_with_force(runner: CliRunner, tmp_path: Path, command: str) -> None:
    fifo = tmp_path / f"out{COMMANDS[command][1]}"
    os.mkfifo(fifo)
    assert refused(runner, command, str(fifo), "--force") == (
        f"error: {fifo}: is a named pipe (FIFO), not a regular file; referent replaces only "
        "regular files, even with --force: give another file name [output-special-file]"
    )
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)
    assert entries(tmp_path) == [fifo.name]


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_a_parent_that_is_a_file(runner: CliRunner, tmp_path: Path, command: str) -> None:
    notes = tmp_path / "notes"
    notes.write_text("mine\n", encoding="utf-8")
    target = notes / f"out{COMMANDS[command][1]}"
    assert refused(runner, command, str(target)) == (
        f"error: {target}: cannot be written: {notes} is a file, not a folder; give a path in a "
        "folder [output-parent-not-folder]"
    )
    assert notes.read_text(encoding="utf-8") == "mine\n"


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_a_name_too_long(runner: CliRunner, tmp_path: Path, command: str) -> None:
    target = tmp_path / ("n" * 300 + COMMANDS[command][1])
    assert refused(runner, command, str(target), "--force") == (
        f"error: {target}: cannot be written (File name too long) [output-unwritable]"
    )
    assert entries(tmp_path) == []


@pytest.mark.skipif(not Path("/proc/self").is_dir(), reason="no /proc")
@pytest.mark.parametrize("command", ["score", "report", "template"])
def test_a_proc_path(runner: CliRunner, command: str) -> None:
    target = f"/proc/x{COMMANDS[command][1]}"
    assert refused(runner, command, target, "--force") == (
        f"error: {target}: cannot be written (No such file or directory) [output-unwritable]"
    )


def test_a_link_to_dev_null_is_refused_even_with_force(runner: CliRunner, tmp_path: Path) -> None:
    link = tmp_path / "null.json"
    os.symlink("/dev/null", link)
    assert refused(runner, "score", str(link), "--force") == (
        f"error: {link}: is a device, not a regular file; referent replaces only regular files, "
        "even with --force: give another file name [output-special-file]"
    )
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)


def test_refusals_in_french(runner: CliRunner, tmp_path: Path) -> None:
    fifo = tmp_path / "tube.json"
    os.mkfifo(fifo)
    args = ["--lang", "fr", "score", "-f", "json", *CONFIG, "--force", "-o"]
    result = run(runner, [*args, str(fifo)], 2)
    assert result.stderr == (
        f"erreur : {fifo} : c'est un tube nommé (FIFO), pas un fichier ordinaire ; referent ne "
        "remplace que des fichiers ordinaires, même avec --force : indiquez un autre nom de "
        "fichier [output-special-file]\n"
    )
    given = f"{tmp_path}/nouveau/"
    result = run(runner, [*args, given], 2)
    assert result.stderr == (
        f"erreur : {given} : le chemin se termine par / et désigne donc un dossier, mais ce "
        "dossier n'existe pas ; indiquez le nom du fichier à écrire, sans le / final "
        "[output-trailing-separator]\n"
    )


# ---- the letters: a folder of files, all written or none ---------------------------------------

LETTERS = [
    "lot-3-atelier-matieres-vives-scic.md",
    "lot-3-echelle-habitat-scop.md",
    "lot-3-habiter-autrement-44.md",
    "lot-3-les-batisseurs-solidaires-scop.md",
]


def test_letters_are_written_in_a_new_folder_given_with_a_slash(
    runner: CliRunner, tmp_path: Path
) -> None:
    folder = tmp_path / "lettres" / "lot3"
    result = run(
        runner, ["letters", "--lot", "3", "--format", "markdown", *CONFIG, "--out", f"{folder}/"], 0
    )
    assert result.stderr == f"written: 4 letters in {folder}\n"
    assert entries(folder) == LETTERS


def test_one_existing_letter_and_none_is_written(runner: CliRunner, tmp_path: Path) -> None:
    (tmp_path / LETTERS[2]).write_text("signed already\n", encoding="utf-8")
    result = run(
        runner,
        ["letters", "--lot", "3", "--format", "markdown", *CONFIG, "--out", str(tmp_path)],
        2,
    )
    assert result.stderr == (
        f"error: {tmp_path / LETTERS[2]}: already exists; pass --force to replace it "
        "[output-exists]\n"
    )
    assert entries(tmp_path) == [LETTERS[2]]
    assert (tmp_path / LETTERS[2]).read_text(encoding="utf-8") == "signed already\n"


def test_a_letter_that_is_a_fifo_and_none_is_written(runner: CliRunner, tmp_path: Path) -> None:
    os.mkfifo(tmp_path / LETTERS[0])
    args = [
        "letters",
        "--lot",
        "3",
        "--format",
        "markdown",
        *CONFIG,
        "--out",
        str(tmp_path),
        "--force",
    ]
    result = run(runner, args, 2)
    assert result.stderr == (
        f"error: {tmp_path / LETTERS[0]}: is a named pipe (FIFO), not a regular file; referent "
        "replaces only regular files, even with --force: give another file name "
        "[output-special-file]\n"
    )
    assert entries(tmp_path) == [LETTERS[0]]


def test_letters_in_a_folder_under_a_file(runner: CliRunner, tmp_path: Path) -> None:
    notes = tmp_path / "notes"
    notes.write_text("mine\n", encoding="utf-8")
    out = notes / "lettres"
    result = run(
        runner, ["letters", "--lot", "3", "--format", "markdown", *CONFIG, "--out", str(out)], 2
    )
    assert result.stderr == (
        f"error: {out}: cannot be written: {notes} is a file, not a folder; give a path in a "
        "folder [output-parent-not-folder]\n"
    )


def test_letters_in_a_folder_with_a_name_too_long(runner: CliRunner, tmp_path: Path) -> None:
    out = tmp_path / ("l" * 300)
    result = run(
        runner, ["letters", "--lot", "3", "--format", "markdown", *CONFIG, "--out", str(out)], 2
    )
    assert (
        result.stderr
        == f"error: {out}: cannot be written (File name too long) [output-unwritable]\n"
    )
    assert entries(tmp_path) == []


# ---- init: three files, all or none ------------------------------------------------------------


def test_init_in_a_folder_under_a_file(runner: CliRunner, tmp_path: Path) -> None:
    notes = tmp_path / "notes"
    notes.write_text("mine\n", encoding="utf-8")
    folder = notes / "demo" / "deeper"
    result = run(runner, ["init", str(folder)], 2)
    assert result.stderr == (
        f"error: {folder}: cannot be written: {notes} is a file, not a folder; give a path in a "
        "folder [output-parent-not-folder]\n"
    )


def test_init_with_a_fifo_for_a_file_writes_nothing(runner: CliRunner, tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "criteria.yaml")
    result = run(runner, ["init", str(tmp_path), "--force"], 2)
    assert result.stderr == (
        f"error: {tmp_path / 'criteria.yaml'}: is a named pipe (FIFO), not a regular file; "
        "referent replaces only regular files, even with --force: give another file name "
        "[output-special-file]\n"
    )
    assert entries(tmp_path) == ["criteria.yaml"]


def test_init_in_a_folder_with_a_name_too_long(runner: CliRunner, tmp_path: Path) -> None:
    folder = tmp_path / ("d" * 300)
    result = run(runner, ["init", str(folder)], 2)
    assert result.stderr == (
        f"error: {folder}: cannot be written (File name too long) [output-unwritable]\n"
    )
    assert entries(tmp_path) == []


# ---- the screen -------------------------------------------------------------------------------


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full")
@pytest.mark.parametrize(
    ("args", "line"),
    [
        (["score", "-f", "json"], "error: the standard output cannot be written "),
        (["rank", "--lot", "3"], "error: the standard output cannot be written "),
        (
            ["--lang", "fr", "check-budget", "-f", "csv"],
            "erreur : la sortie standard ne peut pas être écrite (plus de place sur le disque) ",
        ),
    ],
)
def test_a_full_standard_output_is_one_line(args: list[str], line: str) -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "REFERENT_LANG": "en", "COLUMNS": "120"}
    with open("/dev/full", "w", encoding="utf-8") as full:
        result = subprocess.run(
            [
                sys.executable,
                "-m",
                "referent_ess",
                *args,
                "--lots",
                str(LOTS),
                "--criteria",
                str(CRITERIA),
            ],
            stdout=full,
            stderr=subprocess.PIPE,
            env=env,
            text=True,
            timeout=120,
            check=False,
        )
    assert result.returncode == 2
    assert result.stderr.startswith(line)
    assert result.stderr.endswith("[stdout-unwritable]\n")
    assert len(result.stderr.splitlines()) == 1
