"""The offer-analysis workbook (``report_xlsx``), opened back with openpyxl.

Expected figures are written by hand from the hand computations of
``tests/test_example_known_answers.py`` (never taken from the package's own scoring), e.g. lot 3,
compared TTC: 30 + 27 + 16 + 20 × 10800 / 14112 = 4327/49 = 88.306… → 88.31.
"""

import hashlib
import io
import re
import zipfile
from collections.abc import Callable
from datetime import datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from openpyxl.chart import BarChart
from openpyxl.workbook.workbook import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from referent_ess import api, i18n
from referent_ess.evaluation.results import Evaluation
from referent_ess.render import run_info as runinfo
from referent_ess.render.xlsx.report import build_report_xlsx

ROOT = Path(__file__).resolve().parents[2]
RUN_AT = datetime(2026, 11, 28, 10, 0)
ARGV = ["referent", "report", "--out", "rapport.xlsx"]
MONEY = '[$-40C]#,##0.00 "€"'  # French separators wherever opened

# lot -> (winner, total, price HT, price TTC, number of ranked offers)
WINNERS: dict[int, tuple[str, str, str, str, int]] = {
    1: ("Association Trame Solidaire", "81.00", "7560.00", "7560.00", 2),  # 61 + 20, TTC = HT
    2: ("SCIC Nourrir l'Estuaire", "83.77", "8100.00", "9720.00", 3),  # 65 + 1520/81
    3: ("Les Bâtisseurs Solidaires (SCOP)", "88.31", "11760.00", "14112.00", 4),  # 4327/49
    4: ("Les Bâtisseurs Solidaires (SCOP)", "80.18", "11880.00", "14256.00", 2),  # 64 + 16.18…
}

# lot 3, in rank order: candidate, context, technical, competence, price, total, gap to first
LOT_3 = [
    ("Les Bâtisseurs Solidaires (SCOP)", "30", "27", "16", "15.31", "88.31", "0"),
    ("Atelier Matières Vives (SCIC)", "24", "21", "16", "20", "81", "7.31"),  # price 20: 2nd
    ("Échelle Habitat (SCOP)", "24", "21", "18", "18", "81", "7.31"),
    ("Habiter Autrement 44", "18", "18", "14", "17.14", "67.14", "21.16"),  # 4327/49 − 470/7
]

CRITERIA_LABELS = [
    "Note de contexte, connaissance du secteur et des acteurs, enjeux du territoire",
    "Qualité technique de la proposition",
    "Compétence de l'intervenant (animation de projets partenariaux)",
    "Prix de la prestation",
]


def report(evaluation: Evaluation, run_at: datetime = RUN_AT, **kwargs: Any) -> bytes:
    return build_report_xlsx(evaluation, runinfo.run_info(evaluation, run_at, ARGV), **kwargs)


def load(data: bytes) -> Workbook:
    return openpyxl.load_workbook(io.BytesIO(data))


def dec(value: object) -> Decimal:
    """A number read back from a cell, as an exact decimal (it was written with 2 places)."""
    assert isinstance(value, int | float), value
    return Decimal(str(value))


def columns(ws: Worksheet, row: int) -> dict[str, int]:
    """Header text -> column number of one header row."""
    return {str(c.value): c.column for c in ws[row] if c.value is not None}


def find_row(ws: Worksheet, col: int, value: object) -> int:
    rows = [int(c.row) for c in ws[openpyxl.utils.get_column_letter(col)] if c.value == value]
    assert len(rows) == 1, (value, rows)
    return rows[0]


def charts(ws: Worksheet) -> list[Any]:
    """The charts openpyxl read back from the sheet's drawing."""
    found: list[Any] = ws._charts  # type: ignore[attr-defined]  # not in the stubs
    return found


def sheet(wb: Workbook, title: str) -> Worksheet:
    ws = wb[title]
    assert isinstance(ws, Worksheet)
    return ws


def values(wb: Workbook) -> dict[str, list[tuple[object, ...]]]:
    return {ws.title: list(ws.iter_rows(values_only=True)) for ws in wb.worksheets}


@pytest.fixture(scope="module")
def example() -> Evaluation:
    return api.score(ROOT / "lots.yaml", ROOT / "criteria.yaml")


@pytest.fixture(scope="module")
def data(example: Evaluation) -> bytes:
    return report(example)


@pytest.fixture(scope="module")
def wb(data: bytes) -> Workbook:
    return load(data)


def test_sheet_names(wb: Workbook) -> None:
    assert wb.sheetnames == [
        "Synthèse",
        "Lot 1",
        "Lot 2",
        "Lot 3",
        "Lot 4",
        "Proposition",
        "Méthode",
        "Audit",
    ]


@pytest.mark.parametrize("lot_id", sorted(WINNERS))
def test_summary_names_each_lots_winner(wb: Workbook, lot_id: int) -> None:
    ws = sheet(wb, "Synthèse")
    header = find_row(ws, 1, "Lot")
    col = columns(ws, header)
    row = find_row(ws, 1, lot_id)
    name, total, price_ht, price_ttc, ranked = WINNERS[lot_id]
    assert ws.cell(row, col["Attributaire pressenti"]).value == name
    assert dec(ws.cell(row, col["Total (/100)"]).value) == Decimal(total)
    assert dec(ws.cell(row, col["Prix HT"]).value) == Decimal(price_ht)
    assert dec(ws.cell(row, col["Prix TTC"]).value) == Decimal(price_ttc)
    assert ws.cell(row, col["Offres admissibles"]).value == ranked
    assert ws.cell(row, col["Prix HT"]).number_format == MONEY


@pytest.mark.parametrize("lot_id", sorted(WINNERS))
def test_lot_sheet_winner_row(wb: Workbook, lot_id: int) -> None:
    ws = sheet(wb, f"Lot {lot_id}")
    col = columns(ws, 4)
    name, total, price_ht, price_ttc, _ = WINNERS[lot_id]
    assert ws.cell(5, col["Rang"]).value == 1
    assert ws.cell(5, col["Candidat"]).value == name
    assert dec(ws.cell(5, col["Total (/100)"]).value) == Decimal(total)
    assert dec(ws.cell(5, col["Prix HT"]).value) == Decimal(price_ht)
    assert dec(ws.cell(5, col["Prix TTC"]).value) == Decimal(price_ttc)
    assert ws.cell(5, col["Candidat"]).font.b  # the winner row is bold
    assert not ws.cell(6, col["Candidat"]).font.b
    assert ws.freeze_panes == "A5"


def test_lot_3_table_marks_and_formats(wb: Workbook) -> None:
    ws = sheet(wb, "Lot 3")
    col = columns(ws, 4)
    tops = [30, 30, 20, 20]
    headers = [f"{label} (/{top})" for label, top in zip(CRITERIA_LABELS, tops, strict=True)]
    assert all(h in col for h in headers), list(col)
    for offset, expected in enumerate(LOT_3):
        row = 5 + offset
        got = [ws.cell(row, col["Candidat"]).value]
        got += [dec(ws.cell(row, col[h]).value) for h in headers]
        got += [dec(ws.cell(row, col["Total (/100)"]).value)]
        got += [dec(ws.cell(row, col["Écart au premier"]).value)]
        assert got == [expected[0], *(Decimal(v) for v in expected[1:])]
        assert ws.cell(row, col["Rang"]).value == offset + 1
        assert ws.cell(row, col["Statut"]).value == "admissible"
        assert ws.cell(row, col["Prix HT"]).number_format == MONEY
        assert ws.cell(row, col["Total (/100)"]).number_format == "[$-40C]0.00"
        assert ws.cell(row, col[headers[0]]).number_format == "[$-40C]0.00"
    text = " ".join(str(c.value) for c in ws["A"] if isinstance(c.value, str))
    assert "Pmin = 10\u202f800,00\u00a0€" in text  # 9000.00 HT × 1.2
    assert "Égalité exacte à 81,00 points entre Atelier Matières Vives (SCIC)" in text
    # the columns fit their content: the candidate column is at least as wide as the names
    assert ws.column_dimensions["B"].width >= len("Les Bâtisseurs Solidaires (SCOP)") / 1.2


@pytest.mark.parametrize("lot_id", sorted(WINNERS))
def test_each_lot_sheet_has_a_stacked_bar_chart_of_the_criteria(wb: Workbook, lot_id: int) -> None:
    ws = sheet(wb, f"Lot {lot_id}")
    (chart,) = charts(ws)
    assert isinstance(chart, BarChart)
    assert (chart.type, chart.grouping, chart.overlap) == ("col", "stacked", 100)
    assert len(chart.series) == 4  # one per criterion
    assert [s.tx.v for s in chart.series] == CRITERIA_LABELS
    ranked = WINNERS[lot_id][4]
    col = columns(ws, 4)
    for series, label in zip(chart.series, CRITERIA_LABELS, strict=True):
        letter = openpyxl.utils.get_column_letter(next(v for k, v in col.items() if label in k))
        assert series.val.numRef.f == f"'Lot {lot_id}'!${letter}$5:${letter}${4 + ranked}"
        assert series.cat.strRef.f == f"'Lot {lot_id}'!$B$5:$B${4 + ranked}"
    # anchored below the tables, in column A, two rows after the last one written: beside
    # them, it would double the width a page must fit
    anchor: Any = chart.anchor
    assert anchor._from.col == 0
    assert anchor._from.row == ws.max_row + 1  # 0-based: row max_row + 2


@pytest.mark.parametrize(
    ("lot_id", "candidate", "status", "basis", "excluded"),
    [
        (1, "Parenthèse Familles Conseil", "hors délai", "R2143-2", 1),  # received 2018-03-26
        (4, "Second Souffle Conseil", "irrégulière", "L2152-2", 2),  # presentation_cv "non"
        (4, "Recyclerie Coopérative de l'Ouest (SCIC)", "inacceptable", "L2152-3", 2),
    ],
)
def test_offers_not_ranked_with_status_reason_and_legal_basis(
    wb: Workbook, lot_id: int, candidate: str, status: str, basis: str, excluded: int
) -> None:
    ws = sheet(wb, f"Lot {lot_id}")
    row = find_row(ws, 2, candidate)
    assert row > 4 + WINNERS[lot_id][4]  # below the ranking
    assert find_row(ws, 1, f"Offres non classées ({excluded})") < row
    assert ws.cell(row, 5).value == status
    texts = [str(c.value) for c in ws[row] if c.value is not None]
    assert any(basis in text for text in texts), texts


def test_over_cap_reason_in_french_with_the_figures(wb: Workbook) -> None:
    ws = sheet(wb, "Lot 4")
    row = find_row(ws, 2, "Recyclerie Coopérative de l'Ouest (SCIC)")
    text = " ".join(str(c.value) for c in ws[row] if c.value is not None)
    # 650 × 20 = 13000.00 HT, × 1.2 = 15600.00 TTC, 600.00 over the 15000 TTC cap
    assert "15\u202f600,00\u00a0€" in text
    assert "15\u202f000,00\u00a0€" in text
    assert "600,00\u00a0€" in text


def test_method_sheet_explains_the_rules(wb: Workbook) -> None:
    ws = sheet(wb, "Méthode")
    text = "\n".join(str(c.value) for row in ws.iter_rows() for c in row if c.value is not None)
    assert "20 × Pmin / P" in text
    assert "0,125 donne 0,13 ; 0,124 donne 0,12" in text  # the rounding, in words
    assert "ROUND_HALF_UP" not in text
    assert "« Prix de la prestation », puis « Note de contexte" in text  # as the HTML report
    for basis in ("R2143-2", "L2152-2", "L2152-3"):
        assert basis in text
    weights = {ws.cell(r, 1).value: ws.cell(r, 3).value for r in range(5, 9)}
    assert weights == {"Contexte": 30, "Technique": 30, "Compétence": 20, "Prix": 20}


def test_audit_sheet_gives_the_real_hashes(wb: Workbook, example: Evaluation) -> None:
    ws = sheet(wb, "Audit")
    facts = {ws.cell(r, 1).value: ws.cell(r, 2).value for r in range(3, 8)}
    assert facts["Date d'exécution"] == "2026-11-28 10:00:00"
    assert facts["Ligne de commande"] == "referent report --out rapport.xlsx"
    assert facts["Feuille des offres lue"] == "offers"
    header = find_row(ws, 1, "Fichier")
    rows = range(header + 1, header + 4)
    paths = [Path(str(ws.cell(r, 2).value)) for r in rows]
    assert [p.name for p in paths] == ["lots.yaml", "criteria.yaml", "offers-2018.xlsx"]
    for row, path in zip(rows, paths, strict=True):
        assert ws.cell(row, 3).value == hashlib.sha256(path.read_bytes()).hexdigest()
    assert paths[2].resolve() == (ROOT / "examples" / "offers-2018.xlsx").resolve()
    assert example.book.path.resolve() == paths[2].resolve()


def test_rebuild_gives_the_same_sheets_apart_from_the_run_date(
    example: Evaluation, data: bytes
) -> None:
    later = datetime(2027, 1, 2, 3, 4, 5)
    again = report(example, later)
    assert report(example) == data  # same inputs, same run date: the same bytes

    first, second = values(load(data)), values(load(again))
    assert first.keys() == second.keys()
    for title in first:
        if title != "Audit":
            assert first[title] == second[title], title
    differing = [
        (r, c)
        for r, (row_a, row_b) in enumerate(zip(first["Audit"], second["Audit"], strict=True))
        for c, (a, b) in enumerate(zip(row_a, row_b, strict=True))
        if a != b
    ]
    assert differing == [(4, 1)]  # B5, the run date
    assert second["Audit"][4][:2] == ("Date d'exécution", "2027-01-02 03:04:05")

    zip_a, zip_b = zipfile.ZipFile(io.BytesIO(data)), zipfile.ZipFile(io.BytesIO(again))
    assert zip_a.namelist() == zip_b.namelist()
    assert {i.date_time for i in zip_a.infolist()} == {(1980, 1, 1, 0, 0, 0)}
    audit = f"xl/worksheets/sheet{load(data).sheetnames.index('Audit') + 1}.xml"
    sheets = [n for n in zip_a.namelist() if re.fullmatch(r"xl/worksheets/sheet\d+\.xml", n)]
    assert len(sheets) == 8
    for name in zip_a.namelist():
        a, b = zip_a.read(name), zip_b.read(name)
        if name == audit:  # inline strings: the run date is in the sheet's XML
            assert a.replace(b"2026-11-28 10:00:00", b"2027-01-02 03:04:05") == b
        elif name == "docProps/core.xml":
            assert b"2026-11-28T10:00:00Z" in a
            assert b"2027-01-02T03:04:05Z" in b
        else:
            assert a == b, name
    properties = load(again).properties
    assert (properties.created, properties.modified) == (later, later)


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_french_whatever_the_language_of_the_run(
    example: Evaluation, data: bytes, lang: str
) -> None:
    with i18n.language(lang):
        assert report(example) == data
    assert load(data).sheetnames[0] == "Synthèse"


def test_lot_ids_restrict_the_report(example: Evaluation) -> None:
    wb = load(report(example, lot_ids=[3]))
    assert wb.sheetnames == ["Synthèse", "Lot 3", "Proposition", "Méthode", "Audit"]
    ws = sheet(wb, "Synthèse")
    header = find_row(ws, 1, "Lot")
    lots = [ws.cell(r, 1).value for r in range(header + 1, ws.max_row + 1)]
    assert [v for v in lots if isinstance(v, int)] == [3]


CSV_HEADER = "candidate;lot;day_rate_ht;days;vat_rate;cv;quality;quality_comment\n"


def test_candidate_text_is_never_a_formula(
    make_config: Callable[..., tuple[Path, Path]], tmp_path: Path
) -> None:
    # openpyxl would store "=1+1" in an .xlsx as a formula: a .csv keeps it as text, as a
    # purchasing platform's export would
    lots, criteria = make_config()
    offers = tmp_path / "offers.csv"
    offers.write_text(
        CSV_HEADER
        + "=1+1;1;400;10;20;oui;4;@SUM(A1:A9)\n"
        + "Honest Coop;1;500;10;20;oui;5;+33 6 00 00 00 00\n"
        + "-2+3;1;400;10;20;non;3;\n"
        + "Coop=Deux;2;100;10;20;oui;3;\n",
        encoding="utf-8",
    )
    evaluation = api.score(lots, criteria, offers)
    data = report(evaluation)
    wb = load(data)
    formulas = [
        (ws.title, c.coordinate, c.value)
        for ws in wb.worksheets
        for row in ws.iter_rows()
        for c in row
        if c.data_type == "f"
    ]
    assert formulas == []
    archive = zipfile.ZipFile(io.BytesIO(data))
    for name in archive.namelist():
        if name.startswith("xl/worksheets/sheet"):
            assert b"<f>" not in archive.read(name), name

    ws = sheet(wb, "Lot 1")
    col = columns(ws, 4)
    names = [ws.cell(r, col["Candidat"]).value for r in (5, 6)]
    assert names == ["Honest Coop", "'=1+1"]  # 5 marks beat 4
    comments = [ws.cell(r, col["Commentaire du jury"]).value for r in (5, 6)]
    assert comments == ["'+33 6 00 00 00 00", "'@SUM(A1:A9)"]
    assert col["Commentaire du jury"] == col["Quality (/60)"] + 1  # next to the marks
    excluded = find_row(ws, 2, "'-2+3")
    assert ws.cell(excluded, 5).value == "irrégulière"
    assert find_row(sheet(wb, "Synthèse"), 8, "Honest Coop")
    assert sheet(wb, "Lot 2").cell(5, 2).value == "Coop=Deux"  # "=" inside a name is harmless
    assert sheet(wb, "Audit")["B7"].value == "(fichier CSV : une seule feuille)"


def test_lot_without_admissible_offer(
    make_config: Callable[..., tuple[Path, Path]],
    make_workbook: Callable[..., Path],
) -> None:
    lots, criteria = make_config()
    offers = make_workbook([["Solo", 1, 400, 10, 0.2, "oui", 4]])
    wb = load(report(api.score(lots, criteria, offers)))
    ws = sheet(wb, "Synthèse")
    header = find_row(ws, 1, "Lot")
    col = columns(ws, header)
    assert ws.cell(find_row(ws, 1, 2), col["Attributaire pressenti"]).value == (
        "aucune offre admissible"
    )
    assert ws.cell(find_row(ws, 1, 1), col["Attributaire pressenti"]).value == "Solo"
    assert charts(sheet(wb, "Lot 2")) == []
    assert charts(sheet(wb, "Lot 1"))[0].series[0].tx.v == "Quality"
    assert "Commentaire du jury" not in columns(sheet(wb, "Lot 1"), 4)  # no comment, no column


def test_provisional_ranking_names_no_winner(
    make_config: Callable[..., tuple[Path, Path]],
    make_workbook: Callable[..., Path],
) -> None:
    lots, criteria = make_config()
    offers = make_workbook(
        [
            ["Leader", 1, 400, 10, 0.2, "oui", 5],
            ["Typo Coop", 1, "4OO", 10, 0.2, "oui", 5],  # letter O: not a number
        ]
    )
    wb = load(report(api.score(lots, criteria, offers)))
    ws = sheet(wb, "Synthèse")
    col = columns(ws, find_row(ws, 1, "Lot"))
    row = find_row(ws, 1, 1)
    assert ws.cell(row, col["Attributaire pressenti"]).value == "classement provisoire"
    assert "Leader" in str(ws.cell(row, col["Observation"]).value)
    lot = sheet(wb, "Lot 1")
    assert lot["A3"].value == "Classement provisoire : voir la note sous le tableau."
    assert lot.cell(5, 2).value == "Leader"
    assert not lot.cell(5, 2).font.b  # no winner in bold while the ranking is provisional
    typo = find_row(lot, 2, "Typo Coop")
    assert lot.cell(typo, 5).value == "à corriger"  # one label per status (issue 11)
    texts = " ".join(str(c.value) for c in lot[typo] if c.value is not None)
    assert "pas un motif de rejet" in texts


def test_a_lot_compared_ht_with_mixed_vat_rates_is_to_check(tmp_path: Path) -> None:
    """The example scored HT on purpose: lot 1's sheet says that compared TTC the association
    (81) would rank first instead of Cap Services (HT 82.38, TTC 63 + 20 × 7560/9360 = 79.15)."""
    text = (ROOT / "criteria.yaml").read_text(encoding="utf-8")
    criteria = tmp_path / "criteria.yaml"
    criteria.write_text(text.replace("      basis: ttc\n", "      basis: ht\n"), encoding="utf-8")
    book = load(report(api.score(ROOT / "lots.yaml", criteria)))
    notes = [str(c.value) for c in sheet(book, "Lot 1")["A"] if isinstance(c.value, str)]
    assert (
        "À vérifier — lot 1 : les prix sont comparés HT alors que les taux de TVA de ses offres "
        "admissibles diffèrent ; comparés TTC, ce que paie l'acheteur, le premier rang "
        "reviendrait à Association Trame Solidaire au lieu de Cap Services Coop (SCOP)."
    ) in notes
    lot_3 = [str(c.value) for c in sheet(book, "Lot 3")["A"] if isinstance(c.value, str)]
    assert not any("comparés TTC" in note for note in lot_3)  # every offer at 20 %


def test_every_sheet_prints_on_a4_fitted_to_its_width_with_header_and_footer(wb: Workbook) -> None:
    assert wb.sheetnames == [
        "Synthèse",
        "Lot 1",
        "Lot 2",
        "Lot 3",
        "Lot 4",
        "Proposition",
        "Méthode",
        "Audit",
    ]
    for ws in wb.worksheets:
        setup = ws.page_setup
        assert setup.paperSize == 9, ws.title  # A4
        # one page wide, as many pages high as needed (not the whole sheet on one page)
        assert (setup.fitToWidth, setup.fitToHeight) == (1, 0), ws.title
        assert ws.sheet_properties.pageSetUpPr.fitToPage, ws.title
        assert ws.oddHeader.center.text == "Référent de secteur d'activité de l'ESS 2018"
        assert ws.oddFooter.center.text == "Page &P / &N"
    orientations = {ws.title: ws.page_setup.orientation for ws in wb.worksheets}
    assert orientations == {
        "Synthèse": "landscape",
        "Lot 1": "landscape",
        "Lot 2": "landscape",
        "Lot 3": "landscape",
        "Lot 4": "landscape",
        "Proposition": "portrait",
        "Méthode": "portrait",
        "Audit": "landscape",
    }
    for lot_id in (1, 2, 3, 4):  # the header of the ranking repeats on every page
        assert wb[f"Lot {lot_id}"].print_title_rows == "$4:$4"


@pytest.mark.parametrize(
    ("title", "header"),
    [
        ("Travaux & entretien", "Travaux && entretien"),  # & starts a code in a header
        ("A" * 300, "A" * 251 + "…"),  # Excel allows 255 characters, its codes included
        ("&&&", "&&&&&&"),
    ],
)
def test_the_page_header_is_the_title_escaped_and_bounded(title: str, header: str) -> None:
    from referent_ess.render.xlsx.sheet_writer import header_footer

    ws = Workbook().create_sheet("x")
    header_footer(ws, title)
    assert ws.oddHeader.center.text == header
    assert len(header) + len("&10") <= 255


def test_the_spreadsheet_rows_are_in_the_audit_sheet_only(wb: Workbook) -> None:
    for name in ("Synthèse", "Lot 1", "Lot 2", "Lot 3", "Lot 4", "Proposition", "Méthode"):
        texts = [c.value for row in wb[name].iter_rows() for c in row]
        assert "Ligne" not in texts, name
    ws = wb["Audit"]
    cells = [[c.value for c in row] for row in ws.iter_rows()]
    start = next(i for i, row in enumerate(cells) if row[0] == "Offres et lignes du classeur")
    assert cells[start + 1][:3] == ["Ligne", "Lot", "Candidat"]
    listed = [tuple(row[:3]) for row in cells[start + 2 :]]
    # 14 offers on rows 2 to 15, in row order (examples/make_offers.py)
    assert [r[0] for r in listed] == list(range(2, 16))
    assert (4, 1, "Association Trame Solidaire") in listed
    assert (6, 3, "Les Bâtisseurs Solidaires (SCOP)") in listed


def test_method_sheet_lists_the_legal_checks(wb: Workbook, example: Evaluation) -> None:
    # the example's findings (tests/cli/test_lint_cli.py): no environmental criterion (the
    # whole consultation), the price criterion neutralised in lots 1, 3 and 4, and the marks
    # without appraisal of each lot: 8 recommendations, no risk
    ws = sheet(wb, "Méthode")
    heading = find_row(ws, 1, "Contrôle juridique de la méthode de notation (referent lint)")
    assert str(ws.cell(heading + 1, 1).value).endswith("Constats : 8 recommandations.")
    assert [ws.cell(heading + 2, c).value for c in range(1, 5)] == [
        "Gravité",
        "Portée",
        "Constat",
        "Que faire",
    ]
    rows = [
        (ws.cell(r, 1).value, ws.cell(r, 2).value, str(ws.cell(r, 3).value))
        for r in range(heading + 3, heading + 11)
    ]
    assert [(severity, where) for severity, where, _ in rows] == [
        ("recommandation", "toute la consultation"),
        ("recommandation", "lot 1"),
        ("recommandation", "lot 1"),
        ("recommandation", "lot 2"),
        ("recommandation", "lot 3"),
        ("recommandation", "lot 3"),
        ("recommandation", "lot 4"),
        ("recommandation", "lot 4"),
    ]
    assert "[lint-price-neutralised]" in rows[1][2]
    assert "heuristique propre à l'outil" in rows[1][2]
    assert "[lint-appraisal]" in rows[2][2]
    # a report of lot 3 lists the consultation's finding and lot 3's only
    ws = sheet(load(report(example, lot_ids=[3])), "Méthode")
    heading = find_row(ws, 1, "Contrôle juridique de la méthode de notation (referent lint)")
    assert str(ws.cell(heading + 1, 1).value).endswith("Constats : 3 recommandations.")
