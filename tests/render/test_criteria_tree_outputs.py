"""Every output of a consultation whose lot 1 has a criteria tree and lot 2 its own flat set:
tables (top-level criteria, ``--detail`` for the sub-criteria), Markdown, JSON (the tree), CSV
(a column per node), the HTML and xlsx reports and the letters (each lot's own criteria, by
label). The figures are computed by hand below."""

import io
import json
from datetime import datetime
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
from typer.testing import CliRunner

from referent_ess import api, i18n
from referent_ess.cli import app
from referent_ess.evaluation.results import Evaluation
from referent_ess.render import run_info as runinfo
from referent_ess.render.html.report import build_report_html
from referent_ess.render.xlsx.report import build_report_xlsx

LOTS = """\
consultation: {title: Nettoyage 2026, buyer: Ville, required_documents: [cv]}
lots:
  - {id: 1, title: Bureaux, cap_ht: 50000}
  - {id: 2, title: Travaux, cap_ht: 50000, criteria: travaux}
"""

CRITERIA = """\
criteria:
  - id: technique
    label: Valeur technique
    weight: 60
    sub_criteria:
      - {id: methode, label: Méthodologie, weight: 24}
      - id: moyens
        label: Moyens humains et matériels
        weight: 36
        sub_criteria:
          - {id: equipe, label: Équipe, weight: 20, scale: 10}
          - {id: materiel, label: Matériel, weight: 16}
  - {id: prix, label: Prix, weight: 40, price: {formula: proportional}}
tie_break: [technique, prix]
sets:
  travaux:
    criteria:
      - {id: technique, label: Valeur technique, weight: 70}
      - {id: prix, label: Prix, weight: 30, price: {formula: proportional}}
"""

HEADER = ["candidate", "lot", "day_rate_ht", "days", "cv", "methode", "equipe", "materiel"]
HEADER += ["technique", "methode commentaire"]
# Lot 1 (the tree), prices 300 × 10 = 3000 and 400 × 10 = 4000, Pmin 3000:
#   Alpha: methode 24 × 4/5 = 19.2; equipe 20 × 7/10 = 14; materiel 16 × 5/5 = 16;
#          moyens 30; technique 49.2; prix 40 × 3000/3000 = 40; total 89.2
#   Beta:  methode 24; equipe 20; materiel 16 × 2.5/5 = 8; moyens 28; technique 52;
#          prix 40 × 3000/4000 = 30; total 82
# Lot 2 (travaux), prices 5000 and 2500, Pmin 2500:
#   Gamma: technique 70 × 3/5 = 42; prix 30 × 2500/5000 = 15; total 57
#   Delta: technique 70 × 2/5 = 28; prix 30; total 58: first
ROWS = [
    ["Alpha", 1, 300, 10, "oui", 4, 7, 5, None, "Méthode claire"],
    ["Beta", 1, 400, 10, "oui", 5, 10, 2.5, None, None],
    ["Gamma", 2, 500, 10, "oui", None, None, None, 3, None],
    ["Delta", 2, 250, 10, "oui", None, None, None, 2, None],
]
RUN_AT = datetime(2026, 11, 28, 10, 0)


@pytest.fixture
def files(tmp_path: Path) -> list[str]:
    (tmp_path / "lots.yaml").write_text(LOTS, encoding="utf-8")
    (tmp_path / "criteria.yaml").write_text(CRITERIA, encoding="utf-8")
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "offers"
    for row in [HEADER, *ROWS]:
        sheet.append(row)
    book.save(tmp_path / "offers.xlsx")
    return [
        str(tmp_path / "offers.xlsx"),
        "--lots",
        str(tmp_path / "lots.yaml"),
        "--criteria",
        str(tmp_path / "criteria.yaml"),
    ]


@pytest.fixture
def evaluation(files: list[str]) -> Evaluation:
    return api.score(Path(files[2]), Path(files[4]), Path(files[0]))


def output(runner: CliRunner, *args: str) -> str:
    result = runner.invoke(app, list(args))
    assert result.exit_code == 0, result.output
    return result.stdout


def squeezed(text: str) -> list[str]:
    return [" ".join(line.split()) for line in text.splitlines()]


def test_the_table_shows_each_lots_top_level_criteria(runner: CliRunner, files) -> None:
    lines = squeezed(output(runner, "score", *files))
    assert "Rank Candidate HT TTC /60 /40 /100" in lines  # technique /60, prix /40
    assert "★ 1 Alpha 3000.00 3600.00 49.20 40.00 89.20" in lines
    assert "2 Beta 4000.00 4800.00 52.00 30.00 82.00" in lines
    assert (
        "Sub-criteria of technique (Valeur technique, /60): methode (Méthodologie, /24), "
        "moyens (Moyens humains et matériels, /36)." in lines
    )
    assert (
        "Sub-criteria of moyens (Moyens humains et matériels, /36): equipe (Équipe, /20), "
        "materiel (Matériel, /16)." in lines
    )
    # lot 2: its own weights, and no note of sub-criteria
    assert "Rank Candidate HT TTC /70 /30 /100" in lines
    assert "★ 1 Delta 2500.00 3000.00 28.00 30.00 58.00" in lines
    assert sum(line.startswith("Sub-criteria of") for line in lines) == 2


def test_detail_adds_every_sub_criterion(runner: CliRunner, files) -> None:
    text = output(runner, "--lang", "fr", "rank", "--lot", "1", "--detail", *files)
    lines = squeezed(text)
    # each column by its label (no short label in this consultation), never by its id
    assert (
        "Valeur technique ·Méthodologie ·Moyens humains et matériels ··Équipe ··Matériel Prix"
    ) in " ".join(lines)
    assert not {"·methode", "·moyens", "··equipe", "··materiel"} & set(" ".join(lines).split())
    assert "★ 1 Alpha 3 000,00 € 3 600,00 € 49,20 19,20 30,00 14,00 16,00 40,00 89,20 0,00" in (
        lines
    )
    assert (
        "Sous-critères de « Valeur technique » (/60) : « Méthodologie » (/24), « Moyens humains "
        "et matériels » (/36)."
    ) in " ".join(lines)


def test_markdown_with_detail(runner: CliRunner, files) -> None:
    text = output(runner, "score", "--format", "markdown", "--detail", *files)
    assert (
        "| Rank | Candidate | Price HT | Price TTC | Valeur technique | ·Méthodologie | ·Moyens "
        "humains et matériels | ··Équipe | ··Matériel | Prix | Total |" in text
    )
    assert (
        "| 2 | Beta | 4000.00 | 4800.00 | 52.00 | 24.00 | 28.00 | 20.00 | 8.00 | 30.00 | 82.00 |"
        in (text)
    )
    assert "| Rank | Candidate | Price HT | Price TTC | Valeur technique | Prix | Total |" in text
    plain = output(runner, "score", "--format", "markdown", *files)
    assert "·methode" not in plain


def test_json_holds_the_tree_of_each_lot_and_of_each_offer(runner: CliRunner, files) -> None:
    data = json.loads(output(runner, "score", "--format", "json", *files), parse_float=Decimal)
    lot_1, lot_2 = data["lots"]
    assert (lot_1["criteria_set"], lot_2["criteria_set"]) == (None, "travaux")
    technique = lot_1["criteria"][0]
    assert (technique["id"], technique["weight"], technique["max_points"]) == ("technique", 60, 60)
    assert [(n["id"], n["weight"]) for n in technique["children"]] == [
        ("methode", 24),
        ("moyens", 36),
    ]
    assert [n["id"] for n in technique["children"][1]["children"]] == ["equipe", "materiel"]
    alpha = lot_1["offers"][0]
    assert alpha["candidate"] == "Alpha"
    # points keeps one figure per top-level criterion, which add up to the total
    assert alpha["points"] == {"technique": Decimal("49.2"), "prix": 40}
    tree = alpha["tree"]
    assert tree[0]["points"] == Decimal("49.2")
    assert tree[0]["label"] == "Valeur technique"
    methode, moyens = tree[0]["children"]
    assert (methode["points"], methode["max_points"]) == (Decimal("19.2"), 24)
    assert [(n["id"], n["points"]) for n in moyens["children"]] == [
        ("equipe", 14),
        ("materiel", 16),
    ]
    assert moyens["points"] == 30
    assert tree[1] == {
        "id": "prix",
        "label": "Prix",
        "weight": 40,
        "max_points": 40,
        "points": 40,
        "children": [],
    }
    assert [(n["id"], n["points"], n["children"]) for n in lot_2["offers"][0]["tree"]] == [
        ("technique", 28, []),
        ("prix", 30, []),
    ]


def test_csv_has_a_column_per_node(runner: CliRunner, files) -> None:
    lines = output(runner, "score", "--format", "csv", *files).splitlines()
    assert lines[0].endswith(
        "price_ttc,technique,methode,moyens,equipe,materiel,prix,total,gap_to_first,reasons,"
        "warnings"
    )
    assert lines[1] == (
        "1,1,Alpha,2,admissible,300.00,10,0.20,3000.00,3600.00,"
        "49.20,19.20,30.00,14.00,16.00,40.00,89.20,0.00,,"
    )
    # lot 2 has no sub-criteria: their cells are empty
    assert lines[3] == (
        "2,1,Delta,5,admissible,250.00,10,0.20,2500.00,3000.00,28.00,,,,,30.00,58.00,0.00,,"
    )


def test_the_html_report_shows_the_sub_criteria_by_label(evaluation: Evaluation) -> None:
    run = runinfo.run_info(evaluation, RUN_AT, ["referent", "report"])
    page = build_report_html(evaluation, run)
    lot_1 = page[page.index('id="lot-1"') : page.index('id="lot-2"')]
    lot_2 = page[page.index('id="lot-2"') : page.index('id="methode"')]
    assert "Points des sous-critères du lot 1" in lot_1
    assert 'title="Moyens humains et matériels — Équipe">— Équipe</span>' in lot_1
    assert (
        "de « Valeur technique » (60 points) : « Méthodologie » (24 points), « Moyens humains "
        "et matériels » (36 points)." in lot_1
    )
    assert "sous-critères" not in lot_2.lower()
    method = page[page.index('id="methode"') :]
    assert "<h4>Lot 1</h4>" in method
    assert "<h4>Lot 2</h4>" in method
    assert "— — Équipe" in method
    assert "somme des points de ses sous-critères" in method
    assert ">70 %<" in method  # travaux weighs technique 70


def test_the_xlsx_report_has_a_column_per_node_and_each_set_in_its_method(
    evaluation: Evaluation,
) -> None:
    run = runinfo.run_info(evaluation, RUN_AT, ["referent", "report"])
    book = openpyxl.load_workbook(io.BytesIO(build_report_xlsx(evaluation, run)))
    lot_1 = book.worksheets[1]
    headers = [lot_1.cell(4, col).value for col in range(1, 14)]
    assert headers[4:11] == [
        "Valeur technique (/60)",
        "— Méthodologie (/24)",
        "Commentaire du jury",
        "— Moyens humains et matériels (/36)",
        "— — Équipe (/20)",
        "— — Matériel (/16)",
        "Prix (/40)",
    ]
    assert [lot_1.cell(5, col).value for col in (5, 6, 7, 8, 9, 10, 11)] == [
        49.2,
        19.2,
        "Méthode claire",
        30,
        14,
        16,
        40,
    ]
    method = [[cell.value for cell in row] for row in book.worksheets[-2].iter_rows(max_col=5)]
    firsts = [row[0] for row in method]
    assert "Lot 1" in firsts
    assert "Lot 2" in firsts
    assert ["Équipe", "— — Équipe", 20, "note du jury de 0 à 10 ; points = 20 × note / 10", 20] in (
        method
    )


def test_a_letter_gives_every_sub_criterion(tmp_path: Path, runner: CliRunner, files) -> None:
    output(
        runner,
        "letters",
        "--lot",
        "1",
        "--format",
        "markdown",
        "--out",
        str(tmp_path / "letters"),
        *files,
    )
    letter = (tmp_path / "letters" / "lot-1-beta.md").read_text(encoding="utf-8")
    assert (
        "| Valeur technique | 60,00 | 52,00 | 49,20 |\n"
        "| — Méthodologie | 24,00 | 24,00 | 19,20 |\n"
        "| — Moyens humains et matériels | 36,00 | 28,00 | 30,00 |\n"
        "| — — Équipe | 20,00 | 20,00 | 14,00 |\n"
        "| — — Matériel | 16,00 | 8,00 | 16,00 |\n"
        "| Prix | 40,00 | 30,00 | 40,00 |\n"
        "| **Total** | 100,00 | **82,00** | **89,20** |"
    ) in letter
    # 16 − 8 = +8 on the sub-criterion Matériel
    assert (
        "- « Matériel » : 16,00 points contre 8,00 pour votre offre, soit +8,00 points ;" in letter
    )


def test_the_notes_of_a_tree_in_french(
    evaluation: Evaluation,
) -> None:
    from referent_ess.render.phrases import tree_notes

    with i18n.language("fr"):
        (first, second) = tree_notes(evaluation.config, 1)
    assert first.startswith("Sous-critères de « Valeur technique » (/60) : « Méthodologie » (/24)")
    assert second.endswith("« Équipe » (/20), « Matériel » (/16).")
