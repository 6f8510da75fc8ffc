"""`letters` as Word documents: read back with python-docx (headings, the table of points, the
buyer's and the candidate's blocks), on a base .docx whose header survives; every lot in one
run, one candidate, and Markdown on demand."""

import io
import zipfile
from datetime import date
from pathlib import Path

import docx
import pytest
from cli_helpers import run
from consultation_docx import write_consultation
from typer.testing import CliRunner

from referent_ess import api
from referent_ess.render.letters.letters import build_all_letters
from referent_ess.render.letters.word import letters_as_docx


def texts(path: Path) -> list[tuple[str, str]]:
    """(style, text) of each paragraph of the body, in order."""
    document = docx.Document(str(path))
    return [(p.style.name if p.style else "", p.text) for p in document.paragraphs if p.text]


def table_cells(path: Path, index: int = 0) -> list[list[str]]:
    table = docx.Document(str(path)).tables[index]
    return [[cell.text for cell in row.cells] for row in table.rows]


@pytest.fixture
def inputs(tmp_path: Path) -> list[str]:
    return write_consultation(tmp_path)


def test_a_rejection_letter_in_word(runner: CliRunner, tmp_path: Path, inputs: list[str]) -> None:
    out = tmp_path / "lettres"
    result = run(runner, ["letters", "--lot", "1", *inputs, "--out", str(out)], 0)
    assert result.stderr == f"written: 2 letters in {out}\n"
    assert sorted(p.name for p in out.iterdir()) == ["lot-1-alpha.docx", "lot-1-beta.docx"]
    paragraphs = texts(out / "lot-1-beta.docx")
    assert paragraphs[0] == ("Normal", "Mairie de Test\n1 place de la Mairie\n44000 Nantes")
    # the candidate's address as typed in its cell, spaces tidied and the empty line dropped
    assert paragraphs[1] == ("Normal", "Beta\n3 allée des Chênes\n49000 Angers")
    assert paragraphs[2] == (
        "Normal",
        "Réf. : MAPA-2026-07\nEnvoyé par voie électronique via la plateforme PLACE",
    )
    assert paragraphs[3] == ("Normal", "Objet : Entretien des espaces verts — lot 1 « Parcs »")
    headings = [text for style, text in paragraphs if style.startswith("Heading")]
    assert headings[0] == "Notification de rejet de votre offre — lot 1"
    assert "Motifs du rejet" in headings
    assert "Offre retenue" in headings
    assert paragraphs[-1][1].startswith("Fait à Nantes, le ")
    assert paragraphs[-1][1].endswith("\n\nLe maire\n\n\nJean Dupont")
    assert table_cells(out / "lot-1-beta.docx") == [
        ["Critère", "Points max", "Votre offre", "Offre retenue"],
        ["Quality", "60,00", "36,00", "48,00"],
        ["Price", "40,00", "32,00", "40,00"],
        ["Total", "100,00", "68,00", "88,00"],
    ]
    award = texts(out / "lot-1-alpha.docx")
    assert award[1] == ("Normal", "Alpha\n12 rue des Lilas\n44100 Nantes")
    assert ("Heading 1", "Information du candidat retenu — lot 1") in award


def test_the_signature_and_the_date(tmp_path: Path) -> None:
    inputs = write_consultation(tmp_path)
    evaluation = api.score(Path(inputs[2]), Path(inputs[4]), Path(inputs[0]))
    letters = build_all_letters(evaluation, [1], today=date(2027, 4, 12))
    assert letters["lot-1-alpha.md"].endswith(
        "> Fait à Nantes, le 12 avril 2027\\\n> \\\n> Le maire\\\n> \\\n> \\\n> Jean Dupont\n"
    )
    documents = letters_as_docx(letters, evaluation.config.consultation)
    last = docx.Document(io.BytesIO(documents["lot-1-alpha.docx"])).paragraphs[-1]
    assert last.text == "Fait à Nantes, le 12 avril 2027\n\nLe maire\n\n\nJean Dupont"
    assert last.paragraph_format.left_indent is not None  # on the right, as letters sign


def test_a_plain_buyer_name_and_no_address(tmp_path: Path) -> None:
    lots_text = (
        "consultation:\n  title: T\n  buyer: Les Ecossolies\n  required_documents: [cv]\n"
        "lots:\n  - {id: 1, title: Parcs, cap_ht: 10000}\n  - {id: 2, title: B, cap_ht: 5000}\n"
    )
    inputs = write_consultation(tmp_path, lots_text)
    evaluation = api.score(Path(inputs[2]), Path(inputs[4]), Path(inputs[0]))
    letter = build_all_letters(evaluation, [1], today=date(2027, 4, 1))["lot-1-beta.md"]
    assert letter.startswith("**Les Ecossolies**\n\n> **Beta**\\\n> 3 allée des Chênes\\\n")
    assert "Réf." not in letter  # no reference, no sending: no line for them
    assert letter.endswith("> Fait le 1er avril 2027\\\n> \\\n> Les Ecossolies\n")


def test_every_lot_in_one_run(runner: CliRunner, tmp_path: Path, inputs: list[str]) -> None:
    out = tmp_path / "lettres"
    run(runner, ["letters", *inputs, "--out", str(out)], 0)
    assert sorted(p.name for p in out.iterdir()) == [
        "lot-1-alpha.docx",
        "lot-1-beta.docx",
        "lot-2-alpha.docx",
        "lot-2-gamma.docx",
    ]
    award = texts(out / "lot-2-gamma.docx")
    assert ("Heading 1", "Information du candidat retenu — lot 2") in award
    assert table_cells(out / "lot-2-alpha.docx")[-1] == ["Total", "100,00", "70,29", "100,00"]


@pytest.mark.parametrize("name", ["alpha", "  ALPHA ", "Alphà"])
def test_one_candidate_on_every_lot(
    runner: CliRunner, tmp_path: Path, inputs: list[str], name: str
) -> None:
    out = tmp_path / "lettres"
    run(runner, ["letters", "--candidate", name, *inputs, "--out", str(out)], 0)
    assert sorted(p.name for p in out.iterdir()) == ["lot-1-alpha.docx", "lot-2-alpha.docx"]


def test_one_candidate_on_one_lot(runner: CliRunner, tmp_path: Path, inputs: list[str]) -> None:
    out = tmp_path / "lettres"
    result = run(
        runner, ["letters", "--lot", "2", "--candidate", "gamma", *inputs, "-o", str(out)], 0
    )
    assert result.stderr == f"written: 1 letter in {out}\n"
    assert [p.name for p in out.iterdir()] == ["lot-2-gamma.docx"]


def test_an_unknown_candidate_lists_the_candidates(
    runner: CliRunner, tmp_path: Path, inputs: list[str]
) -> None:
    out = tmp_path / "lettres"
    result = run(runner, ["letters", "--candidate", "Zed", *inputs, "--out", str(out)], 2)
    assert result.stderr == (
        "error: --candidate 'Zed': no candidate has this name in any lot; the candidates are: "
        "Alpha, Beta, Gamma [letters-unknown-candidate]\n"
    )
    result = run(
        runner, ["letters", "--lot", "1", "--candidate", "Gamma", *inputs, "-o", str(out)], 2
    )
    assert "[unknown-candidate]" in result.stderr
    assert "lot 2" in result.stderr  # where Gamma did make an offer
    assert not out.exists()


def test_markdown_on_demand(runner: CliRunner, tmp_path: Path, inputs: list[str]) -> None:
    out = tmp_path / "lettres"
    run(runner, ["letters", "--lot", "1", "--format", "markdown", *inputs, "--out", str(out)], 0)
    assert sorted(p.name for p in out.iterdir()) == ["lot-1-alpha.md", "lot-1-beta.md"]
    letter = (out / "lot-1-beta.md").read_text(encoding="utf-8")
    assert letter.startswith(
        "**Mairie de Test**\\\n1 place de la Mairie\\\n44000 Nantes\n\n"
        "> **Beta**\\\n> 3 allée des Chênes\\\n> 49000 Angers\n\n"
        "*Réf. : MAPA-2026-07*\\\n*Envoyé par voie électronique via la plateforme PLACE*\n\n"
    )


def test_an_unknown_format_is_refused(runner: CliRunner, tmp_path: Path, inputs: list[str]) -> None:
    out = tmp_path / "lettres"
    result = run(runner, ["letters", "--format", "pdf", *inputs, "--out", str(out)], 2)
    assert result.stderr == (
        "error: --format pdf: letters are written as docx (Word, the default) or markdown "
        "[letters-format]\n"
    )
    assert not out.exists()


# ---- the buyer's own .docx ------------------------------------------------------------------


def base_docx(path: Path) -> Path:
    """A letterhead made with python-docx: a header, a footer, and a body to be replaced."""
    document = docx.Document()
    document.sections[0].header.paragraphs[0].text = "MAIRIE DE TEST — papier à en-tête"
    document.sections[0].footer.paragraphs[0].text = "Hôtel de ville, 44000 Nantes"
    document.add_paragraph("ANCIEN CORPS DU MODÈLE")
    document.save(str(path))
    return path


def test_a_base_keeps_its_header_and_footer(
    runner: CliRunner, tmp_path: Path, inputs: list[str]
) -> None:
    base = base_docx(tmp_path / "entete.docx")
    out = tmp_path / "lettres"
    run(runner, ["letters", "--lot", "1", "--base", str(base), *inputs, "--out", str(out)], 0)
    document = docx.Document(str(out / "lot-1-beta.docx"))
    assert document.sections[0].header.paragraphs[0].text == "MAIRIE DE TEST — papier à en-tête"
    assert document.sections[0].footer.paragraphs[0].text == "Hôtel de ville, 44000 Nantes"
    body = [p.text for p in document.paragraphs]
    assert "ANCIEN CORPS DU MODÈLE" not in body
    assert "Notification de rejet de votre offre — lot 1" in body


def test_a_base_from_lots_yaml_and_a_word_template(tmp_path: Path) -> None:
    """``buyer.letter_base`` (relative to lots.yaml), and a .dotx is taken as a document."""
    template = tmp_path / "entete.dotx"
    with (
        zipfile.ZipFile(base_docx(tmp_path / "entete.docx")) as source,
        zipfile.ZipFile(template, "w") as target,
    ):
        for item in source.infolist():
            content = source.read(item)
            if item.filename == "[Content_Types].xml":
                content = content.replace(b"document.main+xml", b"template.main+xml")
            target.writestr(item, content)
    lots_text = write_consultation(tmp_path) and (tmp_path / "lots.yaml").read_text("utf-8")
    lots_text = lots_text.replace("    platform:", "    letter_base: entete.dotx\n    platform:")
    inputs = write_consultation(tmp_path, lots_text)
    evaluation = api.score(Path(inputs[2]), Path(inputs[4]), Path(inputs[0]))
    details = evaluation.config.consultation.buyer_details
    assert details.letter_base == tmp_path / "entete.dotx"
    letters = build_all_letters(evaluation, [1], today=date(2027, 4, 1))
    documents = letters_as_docx(letters, evaluation.config.consultation, details.letter_base)
    document = docx.Document(io.BytesIO(documents["lot-1-alpha.docx"]))
    assert document.sections[0].header.paragraphs[0].text == "MAIRIE DE TEST — papier à en-tête"


def test_a_tied_lot_stops_the_run_for_every_lot(runner: CliRunner, tmp_path: Path) -> None:
    inputs = write_consultation(tmp_path)
    offers = Path(inputs[0])
    # lot 2: Gamma and Delta offer the same price and get the same mark: an exact tie
    offers.write_text(
        offers.read_text(encoding="utf-8") + "Delta;2;300;10;0.2;oui;5;\n", encoding="utf-8"
    )
    out = tmp_path / "lettres"
    result = run(runner, ["letters", *inputs, "--out", str(out)], 2)
    assert result.stderr == (
        "error: lot 2: 2 offers share rank 1 (Gamma, Delta) and the tie-break does not separate "
        "them; decide the tie before writing letters: letters must not be sent on a tied result "
        "[letters-tie]\n"
    )
    assert not out.exists()
    run(runner, ["letters", "--lot", "1", *inputs, "--out", str(out)], 0)  # lot 1 is decided
    run(runner, ["letters", "--candidate", "Beta", *inputs, "--out", str(tmp_path / "b")], 0)
