"""The id / English / « (s) » scan on every French output a person reads, of every kind of
consultation: the bundled example, the cleaning example, the works example (lump sum, schedule,
DPGF, variants, PSE, rounds), a consultation with PSE (lump sum and day rate), one priced by
schedule (BPU × DQE, with an arithmetic error) and DPGF, and one with variants and negotiation
rounds (with a regularisation), a commission and the buyer's details.

Scanned: every command's table and Markdown (score, rank, check-budget, validate, lint, simulate,
sensitivity, explain, pse), the HTML, xlsx and Word reports, the letters as Word documents and as
Markdown under every procedure, the template's workbook (its lisez-moi sheet and headers; not
for ids: its headers are the ids the reader matches) and init's files. JSON and CSV are a
contract (keys, codes and texts are English whatever the language, README « JSON output »): they
are not French outputs and are not scanned.

An id is what only the configuration says (see ``config_ids``); an English word is a word of the
English catalogue that the French one never writes (``test_no_english_in_french``); a plural mark
is « offre(s) », « fondé(e) ».
"""

import re
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import openpyxl
import pytest
from docx import Document
from test_no_english_in_french import data_words, english_in, words
from test_no_id_in_french import CLEANING, EXAMPLE, PLURAL_MARK, ROOT, ids_in
from typer.testing import CliRunner

import pse_consultation
import schedule_case
from referent_ess import api
from referent_ess.cli import app
from referent_ess.config.choices import Procedure

Output = tuple[str, str]
MARKDOWN = {"score", "rank", "check-budget", "validate", "lint", "pse"}  # simulate, explain and
# sensitivity have no Markdown

ROUNDS_LOTS = """\
consultation:
  title: Consultation à tours
  buyer:
    name: Ville de Test
    address: |
      Hôtel de ville
      44000 Test
    signatory: Anne Martin
    signatory_title: La présidente
    place: Test
    reference: AO 2018-01
    sending: registered-mail
  commission:
    name: Commission d'appel d'offres
    meeting_date: 2018-04-20
    place: Test
    members:
      - {name: Anne Martin, role: présidente}
      - {name: Bruno Petit, role: membre}
  deadline: 2018-03-23
  vat_rate: 0.20
  required_documents: [{id: cv, label: curriculum vitæ}]
  rounds: [{number: 2, deadline: 2018-04-10}]
lots:
  - {id: 1, title: Lot unique, cap_ht: 10000}
"""
ROUNDS_HEADER = [
    "candidate", "lot", "day_rate_ht", "days", "vat_rate", "cv", "quality", "received_at",
    "Variante", "Tour",
]  # fmt: skip
ROUNDS_ROWS = [
    ["Alpha", 1, 450, 10, 0.2, "oui", 4, "22/03/2018", None, 1],
    ["Alpha", 1, 400, 10, 0.2, "oui", 4, "08/04/2018", None, 2],
    ["Alpha", 1, 380, 10, 0.2, "oui", 3, "22/03/2018", "Visio", 1],
    ["Beta", 1, 400, 10, 0.2, "non", 3, "22/03/2018", None, 1],
    ["Beta", 1, 420, 10, 0.2, "oui", 3, "09/04/2018", None, 2],  # regularised
]


@pytest.fixture(autouse=True)
def _wide(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "1000")
    # the reports record the command line: referent's, not pytest's (« -p no:cacheprovider »)
    monkeypatch.setattr(sys, "argv", ["referent"])


def docx_text(path: Path) -> str:
    """A Word document's text: paragraphs, tables, headers and footers."""
    document = Document(str(path))
    parts = [p.text for p in document.paragraphs]
    parts += [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    for section in document.sections:
        parts += [p.text for p in section.header.paragraphs]
        parts += [p.text for p in section.footer.paragraphs]
    return "\n".join(parts)


def html_text(path: Path) -> str:
    """What a browser shows: no tag, no style sheet, no script."""
    html = re.sub(r"<(style|script)\b.*?</\1>", " ", path.read_text("utf-8"), flags=re.S)
    return re.sub(r"<[^>]+>", " ", html)


def xlsx_text(path: Path) -> str:
    book = openpyxl.load_workbook(path, read_only=True)
    return "\n".join(
        str(c)
        for ws in book.worksheets
        for row in ws.iter_rows(values_only=True)
        for c in row
        if c is not None
    )


def invoke(runner: CliRunner, *arguments: str) -> str:
    result = runner.invoke(app, ["--lang", "fr", *arguments])
    assert result.exit_code in (0, 1), (arguments, result.output)
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    return result.output


def french_outputs(runner: CliRunner, files: list[Path], tmp: Path) -> Iterator[Output]:
    """Every French output of one consultation (``files``: lots, criteria and maybe offers)."""
    lots, criteria, *offers = files
    config = [*map(str, offers), "--lots", str(lots), "--criteria", str(criteria)]
    evaluation = api.score(lots, criteria, offers[0] if offers else None)
    commands: list[list[str]] = [["check-budget"], ["validate"], ["score"], ["score", "--all"]]
    for lot in evaluation.lots:
        lot_id = str(lot.lot.id)
        commands += [["rank", "--lot", lot_id], ["simulate", "--lot", lot_id]]
        if lot.ranked and not lot.provisional:
            commands.append(["sensitivity", "--lot", lot_id, "--samples", "10", "--seed", "1"])
        if evaluation.config.lot(lot.lot.id).pse:
            commands.append(["pse", "--lot", lot_id])
        for r in lot.offers:
            variant = ["--variant", r.offer.variant] if r.offer.variant else []
            commands.append(["explain", "--lot", lot_id, r.offer.candidate or "", *variant])
    for command in commands:
        yield " ".join(command), invoke(runner, *command, *config)
        if command[0] in MARKDOWN:
            markdown = invoke(runner, *command, *config, "-f", "markdown")
            yield " ".join(command) + " markdown", markdown
    yield "lint", invoke(runner, "lint", "--lots", str(lots), "--criteria", str(criteria))
    yield (
        "lint markdown",
        invoke(runner, "lint", "--lots", str(lots), "--criteria", str(criteria), "-f", "markdown"),
    )
    for suffix in ("html", "xlsx", "docx"):
        out = tmp / f"rapport.{suffix}"
        invoke(runner, "report", "--out", str(out), *config)
        if suffix == "html":
            yield "report html", html_text(out)
        else:
            yield f"report {suffix}", xlsx_text(out) if suffix == "xlsx" else docx_text(out)
    template = tmp / "modele.xlsx"
    invoke(runner, "template", "--out", str(template), "--evaluators", "Anne,Bruno", *config[-4:])
    yield "template", xlsx_text(template)
    awarded = [
        str(lot.lot.id) for lot in evaluation.lots if lot.award is not None and not lot.provisional
    ]
    assert awarded
    yield from letters(runner, config, lots, tmp, awarded)


def letters(
    runner: CliRunner, config: list[str], lots: Path, tmp: Path, awarded: list[str]
) -> Iterator[Output]:
    """The letters as Word documents and as Markdown, under every procedure, of every lot that
    has a final result."""
    text = lots.read_text(encoding="utf-8")
    for procedure in Procedure:
        lots.write_text(
            text.replace("consultation:\n", f"consultation:\n  procedure: {procedure.value}\n", 1),
            encoding="utf-8",
        )
        for form, lot in ((form, lot) for form in ("docx", "markdown") for lot in awarded):
            folder = tmp / f"lettres-{procedure.value}-{form}-{lot}"
            invoke(runner, "letters", "--out", str(folder), "--format", form, "--lot", lot, *config)
            for path in sorted(folder.rglob("*.*")):
                name = f"{procedure.value} {path.name}"
                yield name, docx_text(path) if form == "docx" else path.read_text(encoding="utf-8")
    lots.write_text(text, encoding="utf-8")


def config_ids(lots: Path, criteria: Path, offers: Path | None) -> set[str]:
    """The ids of criteria and labelled documents that no label of the buyer's files writes as a
    word."""
    config = api.score(lots, criteria, offers).config
    sets = (config.default_set, *config.named_sets)
    ids = {node.id for criteria_set in sets for node in criteria_set.nodes}
    # a document without a label is named by its id, the only name the buyer gave it
    labelled = dict(config.consultation.document_labels)
    ids |= {d for lot in config.lots for d in config.documents_for(lot.id) if d in labelled}
    labels = {node.label for s in sets for node in s.nodes}
    labels |= {node.header for s in sets for node in s.nodes}
    labels |= {label for _, label in config.consultation.document_labels}
    spoken = set().union(*(words(label) for label in labels)) | {
        w.lower() for label in labels for w in re.findall(r"[^\W\d]+", label)
    }
    return {identifier for identifier in ids if identifier.lower() not in spoken}


def plural_marks(outputs: list[Output]) -> dict[str, list[str]]:
    found = {name: PLURAL_MARK.findall(text) for name, text in outputs}
    return {name: hits for name, hits in found.items() if hits}


def ids_found(outputs: list[Output], ids: set[str]) -> dict[str, set[str]]:
    found = {name: ids_in(text, ids) for name, text in outputs}
    return {name: hits for name, hits in found.items() if hits}


def scan(outputs: list[Output], files: list[Path]) -> dict[str, object]:
    """What the scan finds: ids, plural marks and English words (empty when all is French)."""
    lots, criteria, *offers = files
    offer = offers[0] if offers else None
    allowed = data_words(lots, criteria, offer) | jury_words(lots, criteria, offer)
    allowed |= {w for path in offers for w in _sheet_words(path)}
    findings: dict[str, object] = {}
    # the template's headers are the columns the reader matches (ids, like YAML keys) and its
    # lisez-moi names them so: only its words and plural marks are scanned
    read = [(name, text) for name, text in outputs if name != "template"]
    if hits := ids_found(read, config_ids(lots, criteria, offer)):
        findings["ids"] = hits
    if marks := plural_marks(outputs):
        findings["plural marks"] = marks
    if english := english_in(outputs, allowed):
        findings["english"] = english
    return findings


def jury_words(lots: Path, criteria: Path, offers: Path | None) -> set[str]:
    """The words of the jury's comments and reasons: the buyer's text, quoted in the letters."""
    texts = [
        text
        for result in api.score(lots, criteria, offers).offers
        for text in (*result.offer.comments.values(), result.offer.jury_reason or "")
    ]
    return set().union(set(), *(words(text) for text in texts))


def _sheet_words(path: Path) -> set[str]:
    """The words the buyer typed in the offers file (variant names, line labels…)."""
    if path.suffix == ".csv":
        return words(path.read_text(encoding="utf-8").replace("_", " "))
    names = " ".join(openpyxl.load_workbook(path, read_only=True).sheetnames)
    return words(f"{names}\n{xlsx_text(path)}".replace("_", " "))


def _copy(files: tuple[Path, Path], tmp: Path) -> list[Path]:
    """The configuration in ``tmp`` (the letters change its procedure), its workbook where it
    was."""
    lots, criteria = tmp / "lots.yaml", tmp / "criteria.yaml"
    text = files[0].read_text(encoding="utf-8")
    here = files[0].parent
    text = re.sub(r"(\n  offers: )(\S+)", lambda m: m[1] + str(here / m[2]), text)
    lots.write_text(text, encoding="utf-8")
    criteria.write_text(files[1].read_text(encoding="utf-8"), encoding="utf-8")
    return [lots, criteria]


def _example(tmp: Path) -> list[Path]:
    return [*_copy(EXAMPLE, tmp), EXAMPLE[0].parent / "examples/offers-2018.xlsx"]


def _cleaning(tmp: Path) -> list[Path]:
    return [*_copy(CLEANING, tmp), CLEANING[0].parent / "offres.xlsx"]


def _works(tmp: Path) -> list[Path]:
    folder = ROOT / "examples/travaux-2027"
    files = (folder / "lots.yaml", folder / "criteria.yaml")
    return [*_copy(files, tmp), folder / "offres.xlsx"]


def _pse(tmp: Path) -> list[Path]:
    return list(pse_consultation.consultation(tmp))


def _schedule(tmp: Path) -> list[Path]:
    return schedule_case.write_case(tmp)


def _rounds(tmp: Path) -> list[Path]:
    (tmp / "lots.yaml").write_text(ROUNDS_LOTS, encoding="utf-8")
    criteria = (tmp / "criteria.yaml").write_text(
        "criteria:\n  - {id: quality, label: Qualité, weight: 60}\n"
        "  - {id: price, label: Prix, weight: 40, price: {formula: proportional, basis: ht}}\n",
        encoding="utf-8",
    )
    del criteria
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "offers"
    for row in (ROUNDS_HEADER, *ROUNDS_ROWS):
        sheet.append(row)
    book.save(tmp / "offers.xlsx")
    return [tmp / "lots.yaml", tmp / "criteria.yaml", tmp / "offers.xlsx"]


CASES: dict[str, Callable[[Path], list[Path]]] = {
    "example": _example,
    "cleaning": _cleaning,
    "works": _works,
    "pse": _pse,
    "schedule": _schedule,
    "rounds": _rounds,
}


@pytest.mark.parametrize("case", list(CASES))
def test_every_french_output_is_free_of_ids_english_and_plural_marks(
    runner: CliRunner, tmp_path: Path, case: str
) -> None:
    files = CASES[case](tmp_path)
    outputs = list(french_outputs(runner, files, tmp_path))
    assert len(outputs) > 30
    assert scan(outputs, files) == {}


def test_init_files_in_french_are_free_of_plural_marks_and_english(
    runner: CliRunner, tmp_path: Path
) -> None:
    result = runner.invoke(app, ["--lang", "fr", "init", str(tmp_path / "c"), "--lots", "2"])
    assert result.exit_code == 0, result.output
    outputs = [("init", result.output)]
    outputs += [
        (path.name, xlsx_text(path) if path.suffix == ".xlsx" else yaml_prose(path))
        for path in sorted((tmp_path / "c").iterdir())
    ]
    assert len(outputs) == 4
    assert all(text.strip() for _, text in outputs)
    assert plural_marks(outputs) == {}
    settings = {"proportional", "linear", "gap"}  # `formula:`'s values, quoted as typed
    assert english_in(outputs, settings) == {}


YAML_LINE = re.compile(r"^\s*(?:- )?[{\w]+ ?:")  # a key, commented out or explained


def yaml_prose(path: Path) -> str:
    """The French sentences of a YAML file: its comments, without the keys (a contract, like
    JSON's) and the commented-out examples of settings."""
    comments = [line.partition("#")[2] for line in path.read_text("utf-8").splitlines()]
    return "\n".join(c for c in comments if c.strip() and not YAML_LINE.match(c))


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Critère technical : 12 points", "ids"),
        ("4 offre(s) admissible(s)", "plural marks"),
        ("L'offre est classée, the winner is Alpha", "english"),
        ("Vos pièces : presentation_cv manquante", "ids"),
    ],
)
def test_the_scan_finds_a_known_bad_text(text: str, kind: str) -> None:
    """The scan can fail: a known-bad French text is caught, a good one is not."""
    files = [EXAMPLE[0], EXAMPLE[1], EXAMPLE[0].parent / "examples/offers-2018.xlsx"]
    good = ("lettre", "Votre offre est classée première : 4 offres admissibles.")
    assert scan([good], files) == {}
    assert kind in scan([good, ("lettre fautive", text)], files)
