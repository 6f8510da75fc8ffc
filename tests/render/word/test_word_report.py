"""`report --out rapport.docx`: the HTML report's content as a Word document, read back with
python-docx; and, where LibreOffice is installed, a letter and the report converted to PDF."""

import re
import shutil
import subprocess
from fractions import Fraction
from pathlib import Path

import docx
import pytest
from cli_helpers import run
from consultation_docx import write_consultation
from docx.oxml.ns import qn
from typer.testing import CliRunner

from helpers import EXAMPLE_CONFIG


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("report") / "rapport.docx"
    run(CliRunner(), ["report", "--out", str(out), *EXAMPLE_CONFIG], 0)
    return out


def test_the_sections_are_word_headings(report: Path) -> None:
    document = docx.Document(str(report))
    headings = [p.text for p in document.paragraphs if p.style and p.style.name == "Heading 1"]
    assert headings == [
        "Synthèse",
        "Lot 1 — Services aux personnes et aux familles",
        "Lot 2 — Circuits courts et alimentation",
        "Lot 3 — Habitat, Rénovation, Construire autrement",
        "Lot 4 — Réemploi et ressources",
        "Proposition d'attribution et signatures",  # the commission's block, blank to fill in
        "Méthode d'analyse",
        "Traçabilité",
    ]
    lot_3 = next(p for p in document.paragraphs if p.text.startswith("Lot 3 — "))
    assert lot_3.paragraph_format.page_break_before  # each lot on its own page
    assert document.paragraphs[1].text == "Référent de secteur d'activité de l'ESS 2018"


def test_the_tables_are_word_tables(report: Path) -> None:
    document = docx.Document(str(report))
    summary = [[cell.text for cell in row.cells] for row in document.tables[0].rows]
    assert summary[0] == [
        "Lot",
        "Montant max. HT",
        "Montant max. TTC",
        "Offres reçues",
        "Admissibles",
        "Non classées",
        "Attributaire pressenti",
        "Total /100",
        "Prix",
    ]
    assert summary[3][0] == "Lot 3\nHabitat, Rénovation, Construire autrement"
    assert summary[3][6:8] == ["Les Bâtisseurs Solidaires (SCOP)", "88,31"]
    rankings = [
        [[cell.text for cell in row.cells] for row in table.rows]
        for table in document.tables
        if table.rows[0].cells[0].text == "Rang"
    ]
    assert len(rankings) == 4  # one per lot
    lot_1 = rankings[0]
    assert lot_1[1][:2] == ["1", "Association Trame Solidaire\nattributaire pressenti"]
    assert lot_1[1][-2:] == ["81,00", "0,00"]
    assert lot_1[2][-2:] == ["79,15", "1,85"]


def test_each_lot_has_a_native_chart(report: Path) -> None:
    document = docx.Document(str(report))
    texts = [p.text for p in document.paragraphs]
    assert not any(t.startswith("Le graphique des points de ce lot figure") for t in texts)
    titles = [
        t
        for t in texts
        if t.endswith("total des points de chaque offre classée, décomposé par critère")
    ]
    assert titles == [
        f"Lot {n} : total des points de chaque offre classée, décomposé par critère"
        for n in (1, 2, 3, 4)
    ]


def test_lot_3_bars_are_as_wide_as_their_points(report: Path) -> None:
    bars, plot = chart_after(report, "Lot 3 : total des points")
    # by hand from `referent --lang fr rank --lot 3`: context, technical, competence, price
    # (price: 20 × 10 800 / P TTC)
    expected = [
        ("1. Les Bâtisseurs Solidaires (SCOP)", [30, 27, 16, Fraction(20 * 10800, 14112)], "88,31"),
        ("2. Atelier Matières Vives (SCIC)", [24, 21, 16, 20], "81,00"),
        ("3. Échelle Habitat (SCOP)", [24, 21, 18, 18], "81,00"),
        ("4. Habiter Autrement 44", [18, 18, 14, Fraction(120, 7)], "67,14"),
    ]
    assert len(bars) == 4  # one bar per ranked offer
    for (label, points, total), (read_label, segments, texts) in zip(expected, bars, strict=True):
        assert read_label == label
        assert [fill for fill, _ in segments] == ["1D3557", "3A7CA5", "7CB992", "F6D68B"]
        for share, (_, width) in zip(points, segments, strict=True):
            assert abs(width - Fraction(share) / 100 * plot) <= 1  # twips, rounded ends
        assert total in texts


def chart_after(
    report: Path, title: str
) -> tuple[list[tuple[str, list[tuple[str, int]], list[str]]], int]:
    """The bars of the chart table after the paragraph starting with ``title``: each bar's
    label, its shaded segments (fill, width in twips) and its texts; and the plot's width (the
    grid but the label and total columns)."""
    body = docx.Document(str(report)).element.body
    children = list(body)
    start = next(
        i
        for i, child in enumerate(children)
        if child.tag == qn("w:p")
        and "".join(t.text or "" for t in child.iter(qn("w:t"))).startswith(title)
    )
    table = children[start + 1]
    assert table.tag == qn("w:tbl")
    grid = [int(col.get(qn("w:w"))) for col in table.iter(qn("w:gridCol"))]
    bars = []
    for tr in table.iter(qn("w:tr")):
        cells = tr.findall(qn("w:tc"))
        segments = []
        for tc in cells:
            shading = tc.find(f"{qn('w:tcPr')}/{qn('w:shd')}")
            if shading is not None:
                width = tc.find(f"{qn('w:tcPr')}/{qn('w:tcW')}")
                segments.append((shading.get(qn("w:fill")), int(width.get(qn("w:w")))))
        if segments:
            texts = ["".join(t.text or "" for t in tc.iter(qn("w:t"))) for tc in cells]
            bars.append((texts[0], segments, texts))
    return bars, sum(grid[1:-1])


def page_count(pdf: Path) -> int:
    """The page objects of a PDF (``/Type /Page``, not ``/Pages``)."""
    return len(re.findall(rb"/Type\s*/Page(?![a-z])", pdf.read_bytes()))


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) not installed")
def test_libreoffice_converts_a_letter_and_the_report(
    runner: CliRunner, tmp_path: Path, report: Path
) -> None:
    inputs = write_consultation(tmp_path)
    letters = tmp_path / "lettres"
    run(runner, ["letters", "--lot", "1", *inputs, "--out", str(letters)], 0)
    pdfs = tmp_path / "pdf"
    profile = (tmp_path / "profile").as_uri()
    command = ["soffice", f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf"]
    sources = [str(letters / "lot-1-beta.docx"), str(report)]
    done = subprocess.run(
        [*command, "--outdir", str(pdfs), *sources], capture_output=True, timeout=600, check=False
    )
    assert done.returncode == 0, done.stderr
    letter, whole = pdfs / "lot-1-beta.pdf", pdfs / "rapport.pdf"
    if not letter.exists():  # soffice without its Writer module cannot open a .docx
        pytest.skip("LibreOffice Writer is not installed: " + done.stderr.decode()[-200:])
    assert letter.read_bytes().startswith(b"%PDF")
    assert 1 <= page_count(letter) <= 3
    assert page_count(whole) >= 6  # cover and summary, four lots, method and audit
