"""No English word in French output: every French table, Markdown document and analysis of the
bundled example and of a consultation ranked by hierarchy is scanned for the words of the English
catalogue.

The English words are those of the English templates (``CATALOGUES["en"]``) that the French
catalogue never uses, minus a few words both languages write alike. What comes from the buyer's
own files is not the tool's wording and is left out of the scan: candidates, criteria, lots,
documents, file paths, and the settings a French sentence quotes as they are typed
(``ordering: hierarchy``, ``--all``, ``referent validate``).
"""

import re
from collections.abc import Iterable, Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from consultation_text import HIERARCHY_CRITERIA_YAML
from referent_ess import api
from referent_ess.cli import app
from referent_ess.i18n import CATALOGUES

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ["--lots", str(ROOT / "lots.yaml"), "--criteria", str(ROOT / "criteria.yaml")]
ATELIER = "Atelier Matières Vives (SCIC)"

# words French writes as English does (or that the tool writes as symbols and units)
SHARED = {
    "admissible", "code", "lot", "lots", "message", "note", "ok", "total", "ht", "ttc", "sha",
    "csv", "json", "pmin", "pmax", "max", "k", "p", "ex", "a", "e", "s", "d", "l", "n",
}  # fmt: skip

# what a sentence quotes as typed: settings, options, commands, file names, a placeholder
QUOTED = re.compile(
    r"`[^`]*`"  # a command, e.g. `referent validate`
    r"|--[a-z-]+(?: [a-z]+/[a-z]+)?"  # an option, e.g. --all, --format csv/json
    r"|\b[a-z_]+: [a-z-]+\b"  # a setting, e.g. ordering: hierarchy
    r"|\S+\.(?:yaml|xlsx|csv)\b"  # a file
    r"|\{[^}]*\}"  # a template's placeholder
    r"|\b\w*_\w*\b|\b\w+\.\w+\b"  # an identifier, e.g. tie_break, consultation.offers
    r"|\b[A-Z]{1,3}[0-9]+\b|\S+!\S+"  # a cell, e.g. G2, offers!C2
    r"|\b[0-9a-f]{8,}\b"  # a digest, e.g. SHA-256 4f42af13b11b (its letters may spell "be")
    r"|\b\w+(?:-\w+)+\b"  # a code, e.g. bad-number (and French compounds: au-dessus)
    r"|« offers »|feuille '[^']*'|\b[Ff]euille (?:offers|marks)\b"  # a sheet's name
)
WORD = re.compile(r"[^\W\d_]+")


def words(text: str) -> set[str]:
    return {word.lower() for word in WORD.findall(QUOTED.sub(" ", text))}


def english_words() -> set[str]:
    """Words of the English catalogue that its French counterpart never writes."""
    english = set().union(*(words(text) for text in CATALOGUES["en"].values()))
    french = set().union(*(words(text) for text in CATALOGUES["fr"].values()))
    return english - french - SHARED


def test_the_list_of_english_words_holds_the_common_ones() -> None:
    """The scan would find nothing if the list were empty: it holds the words of the brief."""
    assert {"the", "and", "offers", "prices", "compared", "winner", "ranked"} <= english_words()
    assert not {"lot", "total", "note", "admissible"} & english_words()


def data_words(lots: Path, criteria: Path, offers: Path | None = None) -> set[str]:
    """The words of the buyer's own files: they are shown as typed, in whatever language."""
    evaluation = api.score(lots, criteria, offers)
    config = evaluation.config
    texts: list[str] = [config.consultation.title, config.consultation.buyer or ""]
    texts += config.consultation.required_documents
    texts += [config.consultation.abnormally_low.value]
    texts += [f"{c.id} {c.label}" for c in config.default_set.criteria]
    texts += [lot.title for lot in config.lots]
    texts += [r.offer.candidate or "" for r in evaluation.offers]
    texts += [who for r in evaluation.offers for m in r.offer.evaluator_marks.values() for who in m]
    return set().union(*(words(text.replace("_", " ")) for text in texts))


def french_outputs(
    runner: CliRunner, config: list[str], commands: Iterable[list[str]]
) -> Iterator[tuple[str, str]]:
    for command in commands:
        result = runner.invoke(app, ["--lang", "fr", *command, *config])
        assert result.exit_code in (0, 1), result.output
        assert result.exception is None or isinstance(result.exception, SystemExit)
        yield " ".join(command), result.output


def english_in(outputs: Iterable[tuple[str, str]], allowed: set[str]) -> dict[str, set[str]]:
    english = english_words() - allowed
    found = {name: words(text) & english for name, text in outputs}
    return {name: hits for name, hits in found.items() if hits}


@pytest.fixture(autouse=True)
def _wide(monkeypatch: pytest.MonkeyPatch) -> None:
    """Sentences on one line: a word is never cut by the terminal's width."""
    monkeypatch.setenv("COLUMNS", "1000")


RANKINGS = [
    [*command, *form]
    for command in (["score"], ["rank", "--lot", "1"], ["check-budget"], ["validate"])
    for form in ([], ["--format", "markdown"])
]


def test_the_bundled_example_in_french_has_no_english_word(runner: CliRunner) -> None:
    commands = [
        *RANKINGS,
        ["score", "--all"],
        ["simulate", "--lot", "3"],
        ["sensitivity", "--lot", "3", "--samples", "50", "--seed", "1"],
        ["explain", "--lot", "3", ATELIER],
        ["explain", "--lot", "1", "Parenthèse Familles Conseil"],  # late
        ["explain", "--lot", "4", "Second Souffle Conseil"],  # incomplete
        ["explain", "--lot", "4", "Recyclerie Coopérative de l'Ouest (SCIC)"],  # over the cap
    ]
    allowed = data_words(ROOT / "lots.yaml", ROOT / "criteria.yaml")
    assert english_in(french_outputs(runner, EXAMPLE, commands), allowed) == {}


def test_a_hierarchy_in_french_has_no_english_word(
    runner: CliRunner, make_config, make_workbook
) -> None:
    lots, criteria = make_config(criteria_text=HIERARCHY_CRITERIA_YAML)
    rows = [
        ["Bonne mais chère", 1, 900, 10, None, "oui", 5],
        ["Bonne et économe", 1, 500, 10, "5,5 %", "oui", 5],
        ["Moins chère", 1, 100, 10, None, "oui", "4,5"],
        ["Sans CV", 1, 300, 10, None, "non", 4],
        ["Trop chère", 1, 1500, 10, None, "oui", 3],
        ["Illisible", 1, "beaucoup", 10, None, "oui", 3],
        ["Second lot", 2, 400, 10, None, "oui", 2],
    ]
    offers = make_workbook(rows)
    config = ["--lots", str(lots), "--criteria", str(criteria), str(offers)]
    commands = [*RANKINGS, ["explain", "--lot", "1", "Bonne mais chère"]]
    allowed = data_words(lots, criteria, offers)
    assert english_in(french_outputs(runner, config, commands), allowed) == {}
