"""Files the tool writes: atomically, never over an input, never over a file by surprise."""

import csv
import io
import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from referent_ess.cli import app
from referent_ess.files.atomic_write import write_atomically
from referent_ess.problems.errors import ReferentError

ROOT = Path(__file__).resolve().parents[2]
CONFIG = ["--lots", str(ROOT / "lots.yaml"), "--criteria", str(ROOT / "criteria.yaml")]
WORKBOOK = ROOT / "examples" / "offers-2018.xlsx"


def test_output_file_gets_the_same_text_as_the_screen(runner: CliRunner, tmp_path: Path) -> None:
    target = tmp_path / "score.json"
    on_screen = runner.invoke(app, ["score", "--format", "json", *CONFIG])
    written = runner.invoke(app, ["score", "--format", "json", "-o", str(target), *CONFIG])
    assert written.exit_code == 0, written.output
    assert written.stdout == ""
    assert written.stderr == f"written: {target}\n"
    assert target.read_text(encoding="utf-8") == on_screen.stdout
    assert [p.name for p in tmp_path.iterdir()] == ["score.json"]  # no temporary file left


def test_a_table_written_to_a_file_is_plain_text(runner: CliRunner, tmp_path: Path) -> None:
    target = tmp_path / "rank.txt"
    result = runner.invoke(app, ["rank", "--lot", "3", "-o", str(target), *CONFIG])
    assert result.exit_code == 0, result.output
    text = target.read_text(encoding="utf-8")
    assert "\x1b[" not in text
    assert " ★ 1   Les Bâtisseurs Solidaires (SCOP)" in text
    assert all(line == line.rstrip() for line in text.splitlines())


def test_an_existing_file_is_replaced_only_with_force(runner: CliRunner, tmp_path: Path) -> None:
    target = tmp_path / "budget.csv"
    target.write_text("keep me\n", encoding="utf-8")
    refused = runner.invoke(app, ["check-budget", "-f", "csv", "-o", str(target), *CONFIG])
    assert refused.exit_code == 2
    assert refused.stderr == (
        f"error: {target}: already exists; pass --force to replace it [output-exists]\n"
    )
    assert target.read_text(encoding="utf-8") == "keep me\n"
    forced = runner.invoke(
        app, ["check-budget", "-f", "csv", "-o", str(target), "--force", *CONFIG]
    )
    assert forced.exit_code == 1  # the example has an offer over its cap: a finding
    assert target.read_text(encoding="utf-8").startswith("lot,candidate,row,")


@pytest.mark.parametrize("which", ["offers", "lots", "criteria"])
def test_an_input_file_is_never_an_output(runner: CliRunner, tmp_path: Path, which: str) -> None:
    copies = {}
    for name, source in (
        ("offers", WORKBOOK),
        ("lots", ROOT / "lots.yaml"),
        ("criteria", ROOT / "criteria.yaml"),
    ):
        copies[name] = tmp_path / source.name
        copies[name].write_bytes(source.read_bytes())
    before = {name: (p.read_bytes(), p.stat().st_mtime_ns) for name, p in copies.items()}
    args = [
        "score",
        str(copies["offers"]),
        "--lots",
        str(copies["lots"]),
        "--criteria",
        str(copies["criteria"]),
        "-o",
        str(copies[which]),
        "--force",
    ]
    result = runner.invoke(app, args)
    assert result.exit_code == 2
    assert result.stderr.startswith(f"error: {copies[which]}: is an input of this run")
    assert result.stderr.endswith("refusing to write over it [output-is-input]\n")
    assert {n: (p.read_bytes(), p.stat().st_mtime_ns) for n, p in copies.items()} == before


def test_an_input_reached_through_another_path_is_recognised(tmp_path: Path) -> None:
    source = tmp_path / "offers.xlsx"
    source.write_bytes(b"data")
    (tmp_path / "sub").mkdir()
    alias = tmp_path / "sub" / ".." / "offers.xlsx"
    with pytest.raises(ReferentError) as caught:
        write_atomically(alias, "x", inputs=[source], force=True)
    assert caught.value.code == "output-is-input"
    link = tmp_path / "link.xlsx"
    os.symlink(source, link)
    with pytest.raises(ReferentError) as caught:
        write_atomically(link, "x", inputs=[source], force=True)
    assert caught.value.code == "output-is-input"
    assert source.read_bytes() == b"data"


def test_a_failed_write_leaves_the_old_file_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "out.txt"
    target.write_text("old\n", encoding="utf-8")

    def broken_replace(_src: str, _dst: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(ReferentError) as caught:
        write_atomically(target, "new\n", inputs=[], force=True)
    assert caught.value.code == "output-unwritable"
    assert target.read_text(encoding="utf-8") == "old\n"
    assert [p.name for p in tmp_path.iterdir()] == ["out.txt"]


def test_csv_output_neutralises_formulas_but_json_keeps_the_raw_name(
    runner: CliRunner, make_config, tmp_path: Path
) -> None:
    lots, criteria = make_config()
    offers = tmp_path / "offers.csv"  # text cells: a spreadsheet would take =... as a formula
    offers.write_text(
        "candidate;lot;day_rate_ht;days;vat_rate;cv;quality\n"
        '"=HYPERLINK(""http://x"")";1;400;10;;oui;4\n'
        "+33 Conseil;1;500;10;;oui;4\n"
        "@risk;1;450;10;;oui;4\n"
        "-minus;1;420;10;;oui;4\n",
        encoding="utf-8",
    )
    args = [str(offers), "--lots", str(lots), "--criteria", str(criteria)]
    out = runner.invoke(app, ["score", "-f", "csv", *args]).stdout
    names = [row[2] for row in list(csv.reader(io.StringIO(out)))[1:]]
    assert sorted(names) == ["'+33 Conseil", "'-minus", '\'=HYPERLINK("http://x")', "'@risk"]
    data = runner.invoke(app, ["score", "-f", "json", *args]).stdout
    assert '"candidate":"=HYPERLINK(\\"http://x\\")"' in data


def test_written_files_follow_the_umask(tmp_path: Path) -> None:
    previous = os.umask(0o022)
    try:
        write_atomically(tmp_path / "report.html", "<p>ok</p>", inputs=[])
    finally:
        os.umask(previous)
    assert (tmp_path / "report.html").stat().st_mode & 0o777 == 0o644


def test_template_never_replaces_a_workbook_holding_offers(
    runner: CliRunner, tmp_path: Path
) -> None:
    filled = tmp_path / "offers.xlsx"
    filled.write_bytes(WORKBOOK.read_bytes())
    result = runner.invoke(app, ["template", "-o", str(filled), "--force", *CONFIG])
    assert result.exit_code == 2
    assert result.stderr == (
        f"error: {filled}: holds 14 offer rows; referent template --update regenerates it "
        "keeping every offer and mark typed (the previous file is kept beside it as a backup) "
        "[output-holds-offers]\n"
    )
    assert filled.read_bytes() == WORKBOOK.read_bytes()


def test_text_given_in_pieces_is_written_whole(tmp_path: Path) -> None:
    target = tmp_path / "pieces.json"
    write_atomically(target, iter(['{"a":', "[1,", "2]}", "\n"]), inputs=[])
    assert target.read_text(encoding="utf-8") == '{"a":[1,2]}\n'


def test_score_json_written_lot_by_lot_is_the_json_of_the_whole_evaluation(
    runner: CliRunner,
) -> None:
    import json

    from referent_ess import api
    from referent_ess.render import json_doc

    evaluation = api.score(ROOT / "lots.yaml", ROOT / "criteria.yaml")
    on_screen = runner.invoke(app, ["score", "--format", "json", *CONFIG])
    whole = json_doc.to_json(json_doc.evaluation_dict(evaluation))
    assert on_screen.stdout == whole
    assert [lot["id"] for lot in json.loads(on_screen.stdout)["lots"]] == [1, 2, 3, 4]


def test_an_interrupted_write_leaves_no_temporary_file(tmp_path: Path) -> None:
    def pieces():
        yield '{"a":'
        raise KeyboardInterrupt  # Ctrl-C while a large document is being rendered

    target = tmp_path / "out.json"
    with pytest.raises(KeyboardInterrupt):
        write_atomically(target, pieces(), inputs=[])
    assert list(tmp_path.iterdir()) == []
