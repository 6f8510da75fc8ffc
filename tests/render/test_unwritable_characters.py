"""A character XML 1.0 forbids in a name never makes a corrupt document (issue 12, class 9).

A workbook whose XML holds U+FFFE is refused by Excel, and a lone surrogate cannot be written as
UTF-8 at all. Each such character reaches the writers here through the texts of lots.yaml and
criteria.yaml (YAML's ``"\\uFFFE"`` escapes give any of them, lone surrogates included): every
document must parse (each XML part of the .xlsx with an XML parser, the HTML, the JSON, the CSV),
hold none of them, and show U+FFFD in their place.
"""

import csv
import io
import json
import re
import zipfile
from datetime import UTC, date, datetime
from html.parser import HTMLParser
from pathlib import Path
from xml.dom import minidom

import pytest
from typer.testing import CliRunner

from referent_ess import api
from referent_ess.cli import app
from referent_ess.evaluation.budget import budget_report
from referent_ess.evaluation.results import Evaluation
from referent_ess.problems.problem import Problem, ValidationReport
from referent_ess.render import csv_doc, json_doc, markdown_doc
from referent_ess.render.html.report import build_report_html
from referent_ess.render.letters.letters import build_letters
from referent_ess.render.ocds import build_ocds_release
from referent_ess.render.run_info import RunInfo, run_info
from referent_ess.render.terminal.printing import render_plain
from referent_ess.render.terminal.tables import budget_tables, score_tables
from referent_ess.render.xlsx.report import build_report_xlsx

FORBIDDEN = [
    "\x00", "\x01", "\x08", "\x0b", "\x0c", "\x1b", "\x1f", "\ud800", "\udfff", "\ufffe", "\uffff",
]  # fmt: skip
UNWRITABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")

LOTS = """\
consultation:
  title: "Consultation {c} 2027"
  buyer: "Mairie {c} de Nantes"
  deadline: 2027-03-23
  vat_rate: 0.20
  required_documents: [cv]
lots:
  - {{id: 1, title: "Lot {c} un", cap_ht: 10000}}
"""
CRITERIA = """\
criteria:
  - {{id: quality, label: "Qualité {c} technique", weight: 60}}
  - {{id: price, label: Prix, weight: 40, price: {{formula: proportional}}}}
"""
OFFERS = (
    "candidate;lot;day_rate_ht;days;vat_rate;cv;quality\n"
    "Alpha;1;400;10;0.2;oui;4\n"
    "Beta;1;500;10;0.2;oui;3\n"
)


@pytest.fixture(scope="module", params=FORBIDDEN, ids=lambda c: f"U+{ord(c):04X}")
def evaluation(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Evaluation:
    folder = tmp_path_factory.mktemp("unwritable")
    escaped = f"\\u{ord(request.param):04X}"  # as YAML writes it in double quotes
    (folder / "lots.yaml").write_text(LOTS.format(c=escaped), encoding="utf-8")
    (folder / "criteria.yaml").write_text(CRITERIA.format(c=escaped), encoding="utf-8")
    (folder / "offers.csv").write_text(OFFERS, encoding="utf-8")
    evaluation = api.score(folder / "lots.yaml", folder / "criteria.yaml", folder / "offers.csv")
    assert request.param in evaluation.config.consultation.title  # the hostile text is there
    return evaluation


def hostile(evaluation: Evaluation) -> str:
    """The forbidden character the consultation's texts hold."""
    return evaluation.config.consultation.title[len("Consultation ")]


def spaced(character: str) -> bool:
    """Markdown joins white space (\\x0b, \\x0c and \\x1f are white space to Python) into one
    space: no U+FFFD there."""
    return character.isspace()


def dropped(character: str) -> bool:
    """The terminal tables drop the control characters rich removes: no U+FFFD there."""
    return character in "\x07\x08\x0b\x0c"


def run(evaluation: Evaluation) -> RunInfo:
    return run_info(evaluation, datetime(2027, 4, 1, 10, 0, tzinfo=UTC), ["referent", "report"])


def clean_text(text: str, *, shown: bool = True) -> str:
    """The document holds no forbidden character, can be written as UTF-8, and (unless the
    character was white space on the way) shows U+FFFD in its place."""
    assert UNWRITABLE.findall(text) == []
    text.encode("utf-8")  # strict: a lone surrogate would raise
    assert "\ufffd" in text or not shown
    return text


def test_the_xlsx_report_is_well_formed_xml(evaluation: Evaluation) -> None:
    content = build_report_xlsx(evaluation, run(evaluation))
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    for name, data in parts.items():
        if name.endswith((".xml", ".rels")):
            minidom.parseString(data)  # raises on a character XML forbids
    text = "".join(data.decode("utf-8") for data in parts.values())
    clean_text(text)
    assert "Qualité \ufffd technique" in text  # the chart's series title, and the cells


def test_the_html_report_parses_and_holds_no_forbidden_character(evaluation: Evaluation) -> None:
    page = clean_text(build_report_html(evaluation, run(evaluation)))
    seen: list[str] = []

    class Collect(HTMLParser):
        def handle_data(self, data: str) -> None:
            seen.append(data)

    parser = Collect()
    parser.feed(page)
    parser.close()
    assert any("Lot \ufffd un" in data for data in seen)


def test_markdown_documents(evaluation: Evaluation) -> None:
    shown = not spaced(hostile(evaluation))
    title = "Consultation \ufffd 2027" if shown else "Consultation 2027"
    assert f"# {title}\n" in clean_text(markdown_doc.evaluation_markdown(evaluation), shown=shown)
    budget = markdown_doc.budget_markdown(evaluation, budget_report(evaluation))
    assert title in clean_text(budget, shown=shown)


def test_letters(evaluation: Evaluation) -> None:
    shown = not spaced(hostile(evaluation))
    buyer = "Mairie \ufffd de Nantes" if shown else "Mairie de Nantes"
    letters = build_letters(evaluation, 1, today=date(2027, 4, 1))
    assert len(letters) == 2
    for letter in letters.values():
        assert buyer in clean_text(letter, shown=shown)


def test_json_and_ocds(evaluation: Evaluation) -> None:
    character = hostile(evaluation)
    for text in (
        json_doc.evaluation_json(evaluation),
        json_doc.budget_json(evaluation, budget_report(evaluation)),
        json_doc.to_json(build_ocds_release(evaluation, run(evaluation))),
    ):
        assert UNWRITABLE.findall(text) == []
        text.encode("utf-8")
        json.loads(text)
    title = json.loads(json_doc.evaluation_json(evaluation))["consultation"]["title"]
    # JSON escapes a control character (\u0001), which reads back exactly; a lone surrogate,
    # U+FFFE and U+FFFF are replaced, as everywhere
    control = ord(character) < 0x20
    assert title == (f"Consultation {character} 2027" if control else "Consultation \ufffd 2027")


def test_validation_documents(evaluation: Evaluation) -> None:
    """A problem naming a column and a file that hold the character (a file name read with
    Python's surrogateescape holds lone surrogates): CSV, Markdown and JSON."""
    character = hostile(evaluation)
    problem = Problem(
        "unknown-column", params=(("header", f"Not{character}e"),), file=f"off{character}ers.csv"
    )
    report = ValidationReport((problem,))
    table = clean_text(csv_doc.validation_csv(report))
    assert list(csv.reader(io.StringIO(table)))[1][:2] == ["warning", "off\ufffders.csv"]
    shown = not spaced(character)
    wrote = "Not\ufffde" if shown else "Not e"
    assert wrote in clean_text(markdown_doc.validation_markdown(report), shown=shown)
    document = json_doc.to_json(json_doc.validation_dict(report))
    assert UNWRITABLE.findall(document) == []
    json.loads(document)


def test_csv_of_an_evaluation(evaluation: Evaluation) -> None:
    for text in (csv_doc.evaluation_csv(evaluation), csv_doc.budget_csv(evaluation)):
        assert UNWRITABLE.findall(text) == []
        assert len(list(csv.reader(io.StringIO(text)))) == 3  # header, Alpha, Beta


def test_plain_tables(evaluation: Evaluation) -> None:
    text = render_plain(score_tables(evaluation, list(evaluation.lots), gaps=False, limit=None))
    shown = not dropped(hostile(evaluation))
    assert ("Lot \ufffd un" if shown else "Lot  un") in clean_text(text, shown=shown)
    assert UNWRITABLE.findall(render_plain(budget_tables(evaluation))) == []


# ---- the names of a CSV, through the command line --------------------------------------------


@pytest.mark.parametrize("character", ["\ufffe", "\uffff"], ids=["U+FFFE", "U+FFFF"])
@pytest.mark.parametrize("suffix", [".xlsx", ".html"])
def test_report_of_a_csv_name_holding_a_noncharacter(
    runner: CliRunner, tmp_path: Path, make_config, character: str, suffix: str
) -> None:
    """The issue's case: U+FFFE in a name from a CSV gave an .xlsx that Excel refuses."""
    lots, criteria = make_config()
    offers = tmp_path / "offers.csv"
    rows = [
        "candidate;lot;day_rate_ht;days;vat_rate;cv;quality",
        f"Al{character}pha;1;400;10;0.2;oui;4",
        "Beta;1;500;10;0.2;oui;3",
    ]
    offers.write_text("\n".join(rows) + "\n", encoding="utf-8")
    out = tmp_path / f"r{suffix}"
    config = ["--lots", str(lots), "--criteria", str(criteria)]
    result = runner.invoke(app, ["report", str(offers), "--out", str(out), *config])
    assert result.exit_code in (0, 1), result.output  # 1 if the input side flags the name
    assert "Traceback" not in result.output
    if suffix == ".xlsx":
        with zipfile.ZipFile(out) as archive:
            for name in archive.namelist():
                if name.endswith((".xml", ".rels")):
                    minidom.parseString(archive.read(name))
                    assert character not in archive.read(name).decode("utf-8")
    else:
        page = out.read_text(encoding="utf-8")
        assert character not in page
        HTMLParser().feed(page)
