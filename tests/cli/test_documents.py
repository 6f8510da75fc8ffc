"""``report``, ``letters`` and ``export``: what the command line says around the documents (the
documents themselves are tested in ``tests/render``). Every expected line is written by hand."""

from pathlib import Path

from cli_helpers import CONFIG, LOTS, ConfigMaker, WorkbookMaker, broken_workbook, run
from typer.testing import CliRunner

# ---- refused before anything is written ----------------------------------------------------------


def test_report_names_the_formats_it_writes(runner: CliRunner, tmp_path: Path) -> None:
    pdf = tmp_path / "rapport.pdf"
    result = run(runner, ["report", "--out", str(pdf), *CONFIG], 2)
    assert (result.stdout, result.stderr) == (
        "",
        f"error: {pdf}: the report is written as .xlsx, .html or .docx; give --out a name "
        "ending with one of them [unknown-report-format]\n",
    )
    assert list(tmp_path.iterdir()) == []


def test_report_of_an_unknown_lot(runner: CliRunner, tmp_path: Path) -> None:
    out = tmp_path / "rapport.html"
    result = run(runner, ["report", "--lot", "9", "--out", str(out), *CONFIG], 2)
    assert result.stderr == f"error: {LOTS}: there is no lot 9 (lots: 1, 2, 3, 4) [no-such-lot]\n"
    assert list(tmp_path.iterdir()) == []


def test_letters_of_an_unknown_lot(runner: CliRunner, tmp_path: Path) -> None:
    result = run(runner, ["letters", "--lot", "5", "--out", str(tmp_path / "l"), *CONFIG], 2)
    assert result.stderr == f"error: {LOTS}: there is no lot 5 (lots: 1, 2, 3, 4) [no-such-lot]\n"
    assert list(tmp_path.iterdir()) == []


def test_letters_want_a_folder(runner: CliRunner, tmp_path: Path) -> None:
    taken = tmp_path / "lettres.txt"
    taken.write_text("notes\n", encoding="utf-8")
    result = run(runner, ["letters", "--lot", "3", "--out", str(taken), *CONFIG], 2)
    assert result.stderr == (
        f"error: {taken}: is a file; give a folder for the letters [output-is-file]\n"
    )
    assert taken.read_text(encoding="utf-8") == "notes\n"


def test_export_asks_what_to_export(runner: CliRunner, tmp_path: Path) -> None:
    result = run(runner, ["export", "--out", str(tmp_path / "release.json"), *CONFIG], 2)
    assert result.stderr == "error: export: choose what to export: --ocds [no-export-format]\n"
    assert list(tmp_path.iterdir()) == []


# ---- written, then a warning ---------------------------------------------------------------------


def test_a_provisional_report_is_written_and_exits_1(
    runner: CliRunner, make_config: ConfigMaker, make_workbook: WorkbookMaker, tmp_path: Path
) -> None:
    broken = broken_workbook(make_config, make_workbook)
    out = tmp_path / "rapport.html"
    result = run(runner, ["report", "--out", str(out), *broken], 1)
    # Alpha (row 2) has a bad day rate, Beta (row 3) an unknown lot: lots 1 and 2 are provisional
    assert result.stderr == (
        f"written: {out}\n"
        f"warning: {broken[0]}: the ranking of lots 1 and 2 is provisional: 2 offers could not "
        "be evaluated because of data errors (rows 2, 3); correct them (see `referent validate`) "
        "before deciding\n"
    )
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_export_warns_of_the_placeholder_prefix(runner: CliRunner, tmp_path: Path) -> None:
    out = tmp_path / "release.json"
    placeholder = run(runner, ["export", "--ocds", "--out", str(out), *CONFIG], 0)
    assert placeholder.stderr == (
        "warning: the release uses the placeholder ocid prefix ocds-xxxxxx; pass your own with "
        "--ocid-prefix before publishing (the Open Contracting Partnership gives one)\n"
        f"written: {out}\n"
    )
    args = ["export", "--ocds", "--ocid-prefix", "ocds-abc123", "--out", str(out), "--force"]
    assert run(runner, [*args, *CONFIG], 0).stderr == f"written: {out}\n"
