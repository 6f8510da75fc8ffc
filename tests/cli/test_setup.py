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
