"""``template --update`` turns a workbook headed by configuration ids (as every template was
before labels, and as the bundled example still is) into the label-headed template, and the
scores do not move: the same JSON, input digests aside."""

import json
import shutil
from pathlib import Path

import openpyxl
from cli_helpers import CONFIG, WORKBOOK, run
from typer.testing import CliRunner


def _headers(path: Path) -> list[object]:
    return [cell.value for cell in openpyxl.load_workbook(path)["offers"][1]]


def _score(runner: CliRunner, path: Path) -> dict[str, object]:
    found = json.loads(run(runner, ["score", str(path), *CONFIG, "--format", "json"], 0).stdout)
    del found["inputs"]  # the file's path and digest: the only thing that differs
    return dict(found)


def test_an_id_headed_workbook_updates_to_labels_and_scores_the_same(
    runner: CliRunner, tmp_path: Path
) -> None:
    book = tmp_path / "offers.xlsx"
    shutil.copyfile(WORKBOOK, book)
    assert _headers(book)[7:] == [
        "note_contexte", "chantiers", "presentation_cv", "proposition_financiere",
        "context", "technical", "competence", "context commentaire",
    ]  # fmt: skip
    before = _score(runner, book)

    run(runner, ["template", "--out", str(book), "--update", *CONFIG], 0)

    assert _headers(book)[7:] == [
        "note de contexte", "chantiers", "présentation et CV de l'intervenant",
        "proposition financière", "Contexte", "Contexte commentaire", "Technique",
        "Technique commentaire", "Compétence", "Compétence commentaire",
        "Décision du jury", "Motif de la décision",
    ]  # fmt: skip
    ws = openpyxl.load_workbook(book)["offers"]
    # row 4: Association Trame Solidaire (lot 1), context 4, its comment typed in the example
    assert ws["A4"].value == "Association Trame Solidaire"
    assert (ws["L4"].value, ws["N4"].value, ws["P4"].value) == (4, 3.5, 4)
    assert _score(runner, book) == before
    backups = [p.name for p in tmp_path.iterdir() if ".sauvegarde-" in p.name]
    assert len(backups) == 1
    assert _score(runner, tmp_path / backups[0]) == before  # the id-headed backup reads as ever
