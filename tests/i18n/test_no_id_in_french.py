"""No configuration id, no English word and no « (s) » in what a French reader gets: every French
output (terminal tables, Markdown, explain, lint, simulate, sensitivity, check-budget, validate,
the HTML and xlsx reports, the letters under every procedure) of the bundled example and of the
cleaning example (sub-criteria, criteria sets, a descriptor scale, thresholds, the jury's
decisions) is scanned.

An id is what only the configuration says: a criterion's or a document's id that no label, title
or name of the buyer's files writes as a word. English words: the machinery of
``test_no_english_in_french``.
"""

import dataclasses
import re
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook
from test_no_english_in_french import data_words, english_in, words
from typer.testing import CliRunner

from referent_ess import api
from referent_ess.cli import app
from referent_ess.config.choices import Procedure
from referent_ess.render.letters.letters import build_letters

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = (ROOT / "lots.yaml", ROOT / "criteria.yaml")
CLEANING = (
    ROOT / "examples/nettoyage-2026/lots.yaml",
    ROOT / "examples/nettoyage-2026/criteria.yaml",
)
PLURAL_MARK = re.compile(r"\w\((?:s|e|es|x)\)")  # offre(s), fondé(e), classée(s)


@pytest.fixture(autouse=True)
def _wide(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "1000")


def config_ids(lots: Path, criteria: Path) -> set[str]:
    """The ids of criteria and documents that no text of the buyer's files writes as a word."""
    config = api.score(lots, criteria).config
    sets = (config.default_set, *config.named_sets)
    ids = {node.id for criteria_set in sets for node in criteria_set.nodes}
    ids |= {d for lot in config.lots for d in config.documents_for(lot.id)}
    labels = {node.label for s in sets for node in s.nodes}
    labels |= {node.header for s in sets for node in s.nodes}
    labels |= {label for _, label in config.consultation.document_labels}
    spoken = set().union(*(words(label) for label in labels)) | {
        w.lower() for label in labels for w in re.findall(r"[^\W\d]+", label)
    }
    return {identifier for identifier in ids if identifier.lower() not in spoken}


def ids_in(text: str, ids: set[str]) -> set[str]:
    return {i for i in ids if re.search(rf"(?<![\w/.-]){re.escape(i)}(?![\w.-])", text)}


def cli_outputs(
    runner: CliRunner, lots: Path, criteria: Path, tmp: Path
) -> Iterator[tuple[str, str]]:
    config = ["--lots", str(lots), "--criteria", str(criteria)]
    evaluation = api.score(lots, criteria)
    lot = evaluation.lots[0].lot.id
    candidate = evaluation.lots[0].ranked[0].candidate if evaluation.lots[0].ranked else ""
    commands: list[list[str]] = [
        ["score"],
        ["score", "--format", "markdown"],
        ["score", "--all", "--detail"],
        ["rank", "--lot", str(lot)],
        ["check-budget"],
        ["validate"],
        ["lint"],
        ["simulate", "--lot", str(lot)],
        ["sensitivity", "--lot", str(lot), "--samples", "20", "--seed", "1"],
    ]
    for result in evaluation.lots[0].offers:
        commands.append(["explain", "--lot", str(lot), result.candidate])
    del candidate
    for command in commands:
        result = runner.invoke(app, ["--lang", "fr", *command, *config])
        assert result.exit_code in (0, 1), (command, result.output)
        yield " ".join(command), result.output
    html, xlsx = tmp / "rapport.html", tmp / "rapport.xlsx"
    for out in (html, xlsx):
        result = runner.invoke(app, ["--lang", "fr", "report", "--out", str(out), *config])
        assert result.exit_code in (0, 1), result.output
    yield "report html", re.sub(r"<[^>]+>", " ", html.read_text(encoding="utf-8"))
    book = load_workbook(xlsx, read_only=True)
    cells = [
        str(c)
        for ws in book.worksheets
        for row in ws.iter_rows(values_only=True)
        for c in row
        if c is not None
    ]
    yield "report xlsx", "\n".join(cells)


def letter_outputs(lots: Path, criteria: Path) -> Iterator[tuple[str, str]]:
    evaluation = api.score(lots, criteria)
    for procedure in Procedure:
        config = evaluation.config
        consultation = dataclasses.replace(config.consultation, procedure=procedure)
        changed = dataclasses.replace(
            evaluation, config=dataclasses.replace(config, consultation=consultation)
        )
        for lot in changed.lots:
            if lot.award is None or lot.provisional:
                continue
            for name, text in build_letters(changed, lot.lot.id, today=date(2026, 12, 1)).items():
                yield f"{procedure.value} {name}", text


@pytest.mark.parametrize("files", [EXAMPLE, CLEANING], ids=["example", "cleaning"])
def test_no_id_no_english_word_and_no_plural_mark_in_french(
    runner: CliRunner, tmp_path: Path, files: tuple[Path, Path]
) -> None:
    lots, criteria = files
    outputs = [*cli_outputs(runner, lots, criteria, tmp_path), *letter_outputs(lots, criteria)]
    assert len(outputs) > 20
    ids = config_ids(lots, criteria)
    assert ids  # the scan has something to look for
    found_ids = {name: ids_in(text, ids) for name, text in outputs}
    assert {name: hits for name, hits in found_ids.items() if hits} == {}
    marks = {name: PLURAL_MARK.findall(text) for name, text in outputs}
    assert {name: hits for name, hits in marks.items() if hits} == {}
    letters = [(name, text) for name, text in outputs if name.endswith(".md")]
    assert english_in(letters, data_words(lots, criteria) | jury_words(lots, criteria)) == {}


def jury_words(lots: Path, criteria: Path) -> set[str]:
    """The words of the jury's comments and reasons: the buyer's text, quoted in the letters."""
    texts = [
        text
        for result in api.score(lots, criteria).offers
        for text in (*result.offer.comments.values(), result.offer.jury_reason or "")
    ]
    return set().union(set(), *(words(text) for text in texts))
