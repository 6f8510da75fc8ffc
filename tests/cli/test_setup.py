"""``init`` and ``template``: a new consultation, and the files they refuse to replace."""

import json
from pathlib import Path

from cli_helpers import run
from typer.testing import CliRunner

# ---- init ------------------------------------------------------------------------------------


def test_init_then_validate_then_refuse_to_overwrite(runner: CliRunner, tmp_path: Path) -> None:
    folder = tmp_path / "demo"
    result = run(runner, ["init", str(folder), "--lots", "2", "--title", "Essai"], 0)
    assert result.stderr.splitlines()[:3] == [
        f"written: {folder / 'lots.yaml'}",
        f"written: {folder / 'criteria.yaml'}",
        f"written: {folder / 'offers.xlsx'}",
    ]
    assert result.stdout.startswith("Next: 1. in lots.yaml")
    before = (folder / "lots.yaml").read_bytes()
    # an empty offers sheet is valid: one warning, no error (exit 0)
    checked = run(runner, ["validate", "--lots", str(folder / "lots.yaml"), "--format", "json"], 0)
    data = json.loads(checked.stdout)
    assert (data["valid"], [w["code"] for w in data["warnings"]]) == (True, ["no-offers"])
    again = run(runner, ["init", str(folder)], 2)
    assert again.stderr.startswith("error: ")
    assert "[init-exists]" in again.stderr
    assert (folder / "lots.yaml").read_bytes() == before


# ---- template ------------------------------------------------------------------------------------


def test_template_is_written_once_then_replaced_with_force(
    runner: CliRunner, tmp_path: Path
) -> None:
    folder = tmp_path / "demo"
    run(runner, ["init", str(folder), "--lots", "2"], 0)
    config = ["--lots", str(folder / "lots.yaml")]
    out = tmp_path / "modele.xlsx"
    assert run(runner, ["template", "--out", str(out), *config], 0).stderr == f"written: {out}\n"
    again = run(runner, ["template", "--out", str(out), *config], 2)
    assert (
        again.stderr
        == f"error: {out}: already exists; pass --force to replace it [output-exists]\n"
    )
    # a template holds no offer: --force may replace it (init's offers.xlsx too)
    for target in (out, folder / "offers.xlsx"):
        replaced = run(runner, ["template", "--out", str(target), "--force", *config], 0)
        assert replaced.stderr == f"written: {target}\n"


def test_init_next_steps_in_french_with_lang_after_the_command(
    runner: CliRunner, tmp_path: Path
) -> None:
    result = run(runner, ["init", str(tmp_path / "c"), "--lots", "1", "--lang", "fr"], 0)
    lines = result.stderr.splitlines()
    assert lines[0] == f"écrit : {tmp_path / 'c' / 'lots.yaml'}"
    assert result.stdout.startswith("Ensuite : 1. dans lots.yaml, donnez à chaque lot son intitulé")
    assert "Next" not in result.output


def test_template_update_from_the_command_line(runner: CliRunner, tmp_path: Path) -> None:
    folder = tmp_path / "c"
    run(runner, ["init", str(folder), "--lots", "2"], 0)
    lots, criteria, book = folder / "lots.yaml", folder / "criteria.yaml", folder / "offers.xlsx"
    import openpyxl

    workbook = openpyxl.load_workbook(book)
    workbook["offers"].append(["Alpha", 1])
    workbook.save(book)
    config = ["--lots", str(lots), "--criteria", str(criteria)]
    refused = run(runner, ["template", "--out", str(book), "--force", *config], 2)
    assert "referent template --update" in refused.stderr
    assert "[output-holds-offers]" in refused.stderr
    updated = run(runner, ["template", "--update", "--out", str(book), *config, "--lang", "fr"], 0)
    (line,) = updated.stderr.splitlines()
    assert line.startswith(
        f"mis à jour : {book} (lignes d'offres conservées : 1 ; lignes de notes conservées : 0) ; "
        "l'ancien fichier est gardé sous le nom offers.sauvegarde-"
    )
    backups = [p.name for p in folder.iterdir() if ".sauvegarde-" in p.name]
    assert len(backups) == 1
    assert line.endswith(backups[0])
    ws = openpyxl.load_workbook(book)["offers"]
    assert [ws["A2"].value, ws["B2"].value] == ["Alpha", 1]


def test_validate_suggests_template_update_when_columns_are_missing(
    runner: CliRunner, tmp_path: Path
) -> None:
    folder = tmp_path / "c"
    run(runner, ["init", str(folder), "--lots", "1"], 0)
    import openpyxl

    book = tmp_path / "old.xlsx"
    workbook = openpyxl.Workbook()
    ws = workbook.active
    assert ws is not None
    ws.title = "offers"
    ws.append(["candidate", "lot", "day_rate_ht", "days"])
    workbook.save(book)
    config = ["--lots", str(folder / "lots.yaml"), "--criteria", str(folder / "criteria.yaml")]
    english = run(runner, ["validate", str(book), *config], 1).stderr.splitlines()
    hint = [line for line in english if "template --update" in line]
    assert len(hint) == 1
    assert hint[0].endswith(
        f"columns the configuration needs are missing: referent template --update --out {book} "
        "adds them, keeping every offer and mark typed (the previous file is kept as a backup)"
    )
    french = run(runner, ["validate", str(book), *config, "--lang", "fr"], 1).stderr
    assert f"referent template --update --out {book} les ajoute" in french
    # a complete workbook gets no such hint
    complete = run(runner, ["validate", str(folder / "offers.xlsx"), *config], 0)
    assert "--update" not in complete.stderr
