"""Text from the inputs is inert in every Markdown the tool writes (issue 12, class 12).

``score --format markdown`` kept ``<img onerror>`` and ``[x](javascript:)`` from names while the
letters escaped them: both now use :func:`~referent_ess.render.markdown_text.md`. Each document
is rendered back with markdown-it (CommonMark, tables, raw HTML allowed so that a tag left raw
would show as one), and each hostile name must come back as text, whole, in its cell.
"""

import csv
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt
from markdown_it.token import Token
from typer.testing import CliRunner

from referent_ess import api
from referent_ess.cli import app
from referent_ess.evaluation.budget import budget_report
from referent_ess.render import markdown_doc
from referent_ess.render.letters.letters import build_letters
from referent_ess.render.markdown_text import md

PARSER = MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"])
# what no text from the inputs may ever become
MARKUP = {
    "html_inline", "html_block", "link_open", "image", "code_inline", "code_block", "fence",
    "em_open", "s_open", "blockquote_open", "hr", "ordered_list_open", "heading_open",
    "bullet_list_open", "table_open", "strong_open", "softbreak", "hardbreak", "entity",
}  # fmt: skip

PAYLOADS = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "[x](javascript:alert(1))",
    "![logo](http://evil.example/x.png)",
    "Alpha | Beta | Gamma",
    "**Gras** et *italique* et _souligné_",
    "# Titre",
    "## Sous-titre",
    "`rm -rf /`",
    "```bloc```",
    "Ligne un\nligne deux",
    "1. Premier",
    "2) Second",
    "- Tiret",
    "+ Plus",
    "> Citation",
    "---",
    "===",
    "~~barré~~",
    "&lt;b&gt; &#60;i&#62; &amp;",
    "Dupont & Cie \\ fin",
    "<!-- commentaire -->",
    "<https://evil.example>",
    "Coop [SCIC]",
]


def walk(tokens: list[Token]) -> Iterator[Token]:
    for token in tokens:
        yield token
        yield from walk(token.children or [])


def plain(tokens: list[Token]) -> str:
    return "".join(t.content for t in walk(tokens) if t.type == "text")


@pytest.mark.parametrize("payload", PAYLOADS)
def test_a_payload_renders_as_its_own_text(payload: str) -> None:
    tokens = PARSER.parse(md(payload))
    assert {t.type for t in walk(tokens)} & MARKUP == set()
    assert plain(tokens) == " ".join(payload.split())  # whole, on one line


@pytest.mark.parametrize("payload", PAYLOADS)
def test_a_payload_in_a_table_cell_stays_in_its_cell(payload: str) -> None:
    table = f"| a | b | c |\n|---|---|---|\n| 1 | {md(payload)} | 3 |\n"
    tokens = PARSER.parse(table)
    cells = [t for t in tokens if t.type == "inline"]
    assert [plain([cell]) for cell in cells] == ["a", "b", "c", "1", " ".join(payload.split()), "3"]


def test_figures_and_ids_are_left_as_they_are() -> None:
    assert md("-600.00") == "-600.00"  # a negative margin is no list item
    assert md("1.5") == "1.5"
    assert md("tie_break") == "tie_break"
    assert md("Dupont & Cie") == "Dupont & Cie"


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=st.sampled_from("<>[]()!*_`#|\\-+=~&;:.1 \nabx/"), max_size=30))
def test_any_text_renders_back_as_itself(text: str) -> None:
    line = md(text)
    assert "\n" not in line
    tokens = PARSER.parse(f"| a |\n|---|\n| {line} |\n")
    assert {t.type for t in walk(tokens)} & (MARKUP - {"table_open"}) == set()
    cells = [t for t in tokens if t.type == "inline"]
    # a table cell is trimmed: the text comes back whole but for its outer spaces
    assert plain(cells[1:]) == " ".join(text.split())


# ---- the documents ---------------------------------------------------------------------------


@pytest.fixture
def hostile_offers(tmp_path: Path, make_config) -> list[str]:
    """A consultation whose two offers on lot 1 are named with payloads; the CLI arguments."""
    lots, criteria = make_config()
    offers = tmp_path / "offers.csv"
    with offers.open("w", encoding="utf-8", newline="") as stream:
        writer = csv.writer(stream, delimiter=";")
        writer.writerow(["candidate", "lot", "day_rate_ht", "days", "vat_rate", "cv", "quality"])
        for index, payload in enumerate(PAYLOADS):
            writer.writerow([payload, 1, 400 + index, 10, 0.2, "oui", 4])
    return [str(offers), "--lots", str(lots), "--criteria", str(criteria)]


def candidate_cells(document: str) -> list[str]:
    """The candidate column (the second) of every table of a Markdown document."""
    tokens = PARSER.parse(document)
    found, row, column = [], -1, 0
    for token in tokens:
        if token.type == "tr_open":
            row, column = row + 1, 0
        elif token.type == "inline" and token.level >= 4:  # a cell's text
            if column == 1:
                found.append(plain([token]))
            column += 1
    return found


def no_markup_from_names(document: str, own: frozenset[str] = frozenset()) -> None:
    """No markup a name could have made (``own``: what the document itself uses)."""
    kinds = {t.type for t in walk(PARSER.parse(document))} - own
    assert kinds & {"html_inline", "html_block", "link_open", "image", "code_inline"} == set()
    assert kinds & {"em_open", "s_open", "blockquote_open", "ordered_list_open", "hr"} == set()


@pytest.mark.parametrize(
    "command", [["score"], ["rank", "--lot", "1"], ["check-budget"]], ids=lambda c: c[0]
)
def test_score_rank_and_budget_markdown_keep_names_inert(
    runner: CliRunner, hostile_offers: list[str], command: list[str]
) -> None:
    result = runner.invoke(app, [*command, *hostile_offers, "--format", "markdown"])
    assert result.exit_code in (0, 1), result.output
    document = result.stdout
    no_markup_from_names(document)
    names = candidate_cells(document)
    expected = [" ".join(payload.split()) for payload in PAYLOADS]
    assert sorted(name for name in names if name != "Candidate") == sorted(expected)


def test_validate_markdown_keeps_a_hostile_header_inert(
    runner: CliRunner, tmp_path: Path, make_config
) -> None:
    lots, criteria = make_config()
    offers = tmp_path / "offers.csv"
    header = "candidate;lot;day_rate_ht;days;vat_rate;cv;quality;<img src=x onerror=alert(1)>"
    offers.write_text(header + "\nAlpha;1;400;10;0.2;oui;4;x\n", encoding="utf-8")
    args = ["validate", str(offers), "--lots", str(lots), "--criteria", str(criteria)]
    result = runner.invoke(app, [*args, "--format", "markdown"])
    assert result.exit_code in (0, 1), result.output
    no_markup_from_names(result.stdout)
    assert "<img src=x onerror=alert(1)>" in plain(PARSER.parse(result.stdout))


def test_the_titles_of_lots_yaml_are_inert_too(tmp_path: Path, make_config) -> None:
    lots_text = (
        'consultation: {title: "# <script>x</script>", required_documents: [cv]}\n'
        'lots: [{id: 1, title: "[a](javascript:alert(1)) | b", cap_ht: 10000}]\n'
    )
    lots, criteria = make_config(lots_text=lots_text)
    offers = tmp_path / "offers.csv"
    offers.write_text(
        "candidate;lot;day_rate_ht;days;vat_rate;cv;quality\nAlpha;1;400;10;0.2;oui;4\n",
        encoding="utf-8",
    )
    evaluation = api.score(lots, criteria, offers)
    ranking = markdown_doc.evaluation_markdown(evaluation)
    budget = markdown_doc.budget_markdown(evaluation, budget_report(evaluation))
    for document in (ranking, budget):
        no_markup_from_names(document)
        assert "# <script>x</script>" in plain(PARSER.parse(document))  # in the own heading
    assert "[a](javascript:alert(1)) | b" in plain(PARSER.parse(ranking))  # the lot's heading


def test_letters_use_the_same_escaping(tmp_path: Path, make_config) -> None:
    lots, criteria = make_config()
    offers = tmp_path / "offers.csv"
    offers.write_text(
        "candidate;lot;day_rate_ht;days;vat_rate;cv;quality\n"
        "<img src=x onerror=alert(1)>;1;400;10;0.2;oui;4\n"
        "[x](javascript:alert(1));1;500;10;0.2;oui;3\n",
        encoding="utf-8",
    )
    letters = build_letters(api.score(lots, criteria, offers), 1, today=date(2027, 4, 1))
    assert len(letters) == 2
    for letter in letters.values():
        # a letter's own quotes: the recipient's block and the signature, on the right
        no_markup_from_names(letter, own=frozenset({"blockquote_open"}))
        quotes = [t for t in walk(PARSER.parse(letter)) if t.type == "blockquote_open"]
        assert len(quotes) == 2
        assert "<img src=x onerror=alert(1)>" in plain(PARSER.parse(letter))
