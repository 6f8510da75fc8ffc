"""Which sheets are read, and the workbooks refused before any reader touches them
(``intake/xlsx_scan.py``).

Workbooks are built byte by byte in tmp_path (:func:`helpers.xlsx_bytes`). The consultation is
the small one of ``conftest.py``: lot 1 (cap 10000 HT), required document ``cv``, criterion
``quality`` marked 0-5; Alpha offers 450 x 10 = 4500.00 HT marked 4. Expected codes, cells and
lines are typed by hand.
"""

import os
import subprocess
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

import pytest
from typer.testing import CliRunner

from helpers import SPREADSHEET_NS, worksheet_xml, xlsx_bytes, zip_bytes
from referent_ess.cli import app
from referent_ess.config.columns import column_letter
from referent_ess.config.loader import load_config
from referent_ess.config.model import Config
from referent_ess.intake.offers import load_offers
from referent_ess.intake.xlsx_scan import scan_xlsx
from referent_ess.problems.errors import ReferentError

HEADER = ["candidate", "lot", "day_rate_ht", "days", "vat_rate", "cv", "quality"]
ALPHA: list[object] = ["Alpha", 1, 450, 10, 0.2, "oui", 4]


def cells(number: int, values: Sequence[object], replace: dict[str, str] | None = None) -> str:
    """Row ``number`` of ``values`` as spreadsheet XML (texts inline), some cells replaced."""
    out = []
    for index, value in enumerate(values, start=1):
        ref = f"{column_letter(index)}{number}"
        if replace and ref in replace:
            out.append(replace[ref])
        elif isinstance(value, str):
            out.append(f'<c r="{ref}" t="inlineStr"><is><t>{value}</t></is></c>')
        else:
            out.append(f'<c r="{ref}"><v>{value}</v></c>')
    return f'<row r="{number}">{"".join(out)}</row>'


def offers_xml(replace: dict[str, str] | None = None, *, after: str = "", extra: str = "") -> bytes:
    """The offers sheet: the header, then Alpha in row 2 (some cells replaced)."""
    return worksheet_xml(cells(1, HEADER) + cells(2, ALPHA, replace) + extra, after=after)


@pytest.fixture
def config(make_config: Callable[..., tuple[Path, Path]]) -> Config:
    return load_config(*make_config())


@pytest.fixture
def config_args(make_config: Callable[..., tuple[Path, Path]]) -> list[str]:
    lots, criteria = make_config()
    return ["--lots", str(lots), "--criteria", str(criteria)]


def workbook(tmp_path: Path, sheets: dict[str, bytes], shared: list[str] | None = None) -> Path:
    path = tmp_path / "offers.xlsx"
    path.write_bytes(xlsx_bytes(sheets, shared))
    return path


def refused_line(runner: CliRunner, path: Path, config_args: list[str]) -> str:
    """The one ``error:`` line of ``score`` refusing the workbook (exit code 2)."""
    result = runner.invoke(app, ["score", str(path), *config_args])
    assert (result.exit_code, result.stdout) == (2, ""), result.output
    assert "Traceback" not in result.stderr
    (line,) = result.stderr.splitlines()
    return line


# ---- which sheets are read -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("first", "second"),
    [("Offres", "offers"), ("offers", "OFFRES"), ("Offers", " offres "), ("offres", "Offres")],
)
def test_two_offers_sheets_are_refused_naming_both(
    runner: CliRunner, tmp_path: Path, config_args: list[str], first: str, second: str
) -> None:
    path = workbook(
        tmp_path, {"Notes": worksheet_xml(""), first: offers_xml(), second: offers_xml()}
    )
    line = refused_line(runner, path, config_args)
    assert line == (
        f"error: {path}: the sheets {first!r} and {second!r} are both named as the offers sheet "
        "(offers or offres), and the tool reads only one: rename or delete the other "
        "[two-offers-sheets]"
    )


def evaluators_sheet(header: Sequence[object]) -> bytes:
    return worksheet_xml(cells(1, header))


MARKS_HEADER = ["Candidat", "Lot", "Critère", "Évaluateur", "Note"]


@pytest.mark.parametrize(
    ("names", "refused"),
    [
        (("marks", "Notes"), True),  # both evaluators' marks sheets
        (("Marks", "MARKS "), True),
        (("notes", "Notes du jury"), False),  # 'Notes du jury' is not a marks sheet name
    ],
)
def test_two_marks_sheets_are_refused_naming_both(
    tmp_path: Path, names: tuple[str, str], refused: bool
) -> None:
    path = workbook(
        tmp_path,
        {
            "offers": offers_xml(),
            names[0]: evaluators_sheet(MARKS_HEADER),
            names[1]: evaluators_sheet(MARKS_HEADER),
        },
    )
    if not refused:
        assert scan_xlsx(path).marks == names[0]
        return
    with pytest.raises(ReferentError) as caught:
        scan_xlsx(path)
    assert caught.value.code == "two-offers-sheets"
    assert dict(caught.value.params)["form"] == "marks"
    assert (dict(caught.value.params)["first"], dict(caught.value.params)["second"]) == (
        repr(names[0]),
        repr(names[1]),
    )


def test_a_notes_sheet_without_an_evaluator_column_is_not_a_second_marks_sheet(
    tmp_path: Path,
) -> None:
    path = workbook(
        tmp_path,
        {
            "offers": offers_xml(),
            "marks": evaluators_sheet(MARKS_HEADER),
            "Notes": evaluators_sheet(["Candidat", "Remarque"]),
        },
    )
    scan = scan_xlsx(path)
    assert (scan.offers, scan.marks) == ("offers", "marks")
    assert scan.other_headers == (("Notes", ("Candidat", "Remarque")),)


def test_the_other_sheets_give_their_first_row_only(tmp_path: Path) -> None:
    """The first row of another sheet, texts from the shared table or inline; what follows it
    is never parsed (a damaged row 2 there does not matter)."""
    other = worksheet_xml(
        '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="C1" t="inlineStr"><is><t>Lot</t></is></c>'
        "</row><row r='2'><c r='A2'><v>1</v><v>2</v></c></row><row r='2'/>"
    )
    path = workbook(tmp_path, {"Analyse": other, "offers": offers_xml()}, shared=["Candidat"])
    scan = scan_xlsx(path)
    assert scan.other_headers == (("Analyse", ("Candidat", "Lot")),)


# ---- bounds: nothing allocated for a far cell ----------------------------------------------

FAR_CELLS = ["XFD1048576", "XFD2000", "SG2", "T600000"]


def score_in_a_process(path: Path, config_args: list[str]) -> subprocess.CompletedProcess[str]:
    """``referent score`` in a process of its own: were a reader to allocate the used range of
    a far cell, it would be that process that dies (exit 134), not the tests."""
    return subprocess.run(
        [sys.executable, "-m", "referent_ess", "score", str(path), *config_args],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
        env={**os.environ, "PYTHONWARNINGS": ""},
    )


@pytest.mark.parametrize("far", FAR_CELLS)
def test_a_far_cell_on_another_sheet_is_never_read(
    tmp_path: Path, config_args: list[str], far: str
) -> None:
    number = far.lstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
    far_sheet = worksheet_xml(
        f'<row r="1"><c r="A1" t="inlineStr"><is><t>Remarque</t></is></c></row>'
        f'<row r="{number}"><c r="{far}"><v>1</v></c></row>'
    )
    path = workbook(tmp_path, {"Remarques": far_sheet, "offers": offers_xml()})
    done = score_in_a_process(path, config_args)
    assert (done.returncode, done.stderr) == (0, ""), done.stderr
    assert "Alpha" in done.stdout


@pytest.mark.parametrize("sheet", ["offers", "marks"])
@pytest.mark.parametrize("far", ["XFD1048576", "SG3"])
def test_a_far_cell_on_a_sheet_read_is_refused_with_its_cell(
    tmp_path: Path, config_args: list[str], sheet: str, far: str
) -> None:
    number = far.lstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
    extra = f'<row r="{number}"><c r="{far}"><v>1</v></c></row>'
    sheets = {"offers": offers_xml(extra=extra if sheet == "offers" else "")}
    if sheet == "marks":
        sheets["marks"] = worksheet_xml(cells(1, MARKS_HEADER) + extra)
    path = workbook(tmp_path, sheets)
    done = score_in_a_process(path, config_args)
    assert (done.returncode, done.stdout) == (2, "")
    assert done.stderr == (
        f"error: {path}: {sheet}!{far}: cell {far} is beyond column SF: the sheet {sheet} is read "
        "up to 500 columns; delete the columns beyond its data (an empty cell that has a "
        "format counts too) [sheet-too-large]\n"
    )


def test_a_sheet_of_too_many_cells_is_refused_with_the_first_cell_beyond(
    runner: CliRunner, tmp_path: Path, config_args: list[str]
) -> None:
    # 20 columns (T) x 500 001 rows = 10 000 020 cells > 10 000 000
    path = workbook(
        tmp_path, {"offers": offers_xml(extra='<row r="500001"><c r="T500001"/></row>')}
    )
    assert refused_line(runner, path, config_args) == (
        f"error: {path}: offers!T500001: with cell T500001, the sheet spans 500001 rows by 20 "
        "columns, more than the 10 000 000 cells the sheet offers is read up to; delete the rows "
        "and columns beyond its data (an empty cell that has a format counts too) "
        "[sheet-too-large]"
    )


# ---- every spelling of what is noted -------------------------------------------------------

ERROR_SPELLINGS = [
    '<c r="E2" t="e"><v>#DIV/0!</v></c>',
    "<c r='E2' t='e'><v>#DIV/0!</v></c>",
    '<c r="E2" t = "e"><v>#DIV/0!</v></c>',
    '<c t="e" r="E2"><v>#VALUE!</v></c>',
]


@pytest.mark.parametrize("spelling", ERROR_SPELLINGS)
def test_an_error_cell_in_the_vat_column_is_reported_in_every_spelling(
    tmp_path: Path, config: Config, spelling: str
) -> None:
    """Never read as an empty VAT cell, which would apply the default 20 % silently."""
    path = workbook(tmp_path, {"offers": offers_xml({"E2": spelling})})
    book = load_offers(path, config)
    assert book.sheet_problems == ()
    (offer,) = book.offers
    assert [(p.code, p.cell, p.field) for p in offer.problems] == [("error-cell", "E2", "vat_rate")]
    assert offer.vat_rate is None


def test_an_error_cell_in_a_prefixed_sheet_is_reported(tmp_path: Path, config: Config) -> None:
    xml = offers_xml({"E2": "<c r='E2' t='e'><v>#N/A</v></c>"}).replace(b"<", b"<x:")
    xml = xml.replace(b"<x:/", b"</x:").replace(b"<x:?xml", b"<?xml")
    xml = xml.replace(f'xmlns="{SPREADSHEET_NS}"'.encode(), f'xmlns:x="{SPREADSHEET_NS}"'.encode())
    path = workbook(tmp_path, {"offers": xml})
    (offer,) = load_offers(path, config).offers
    assert [(p.code, p.cell) for p in offer.problems] == [("error-cell", "E2")]


@pytest.mark.parametrize(
    "merge", ['<mergeCell ref="E2:F2"/>', "<mergeCell ref='E2:F2'/>", "<mergeCell ref = 'E2:F2'/>"]
)
def test_merged_cells_are_seen_in_every_spelling(
    tmp_path: Path, config: Config, merge: str
) -> None:
    path = workbook(tmp_path, {"offers": offers_xml(after=f"<mergeCells>{merge}</mergeCells>")})
    (offer,) = load_offers(path, config).offers
    assert [(p.code, p.cell) for p in offer.problems] == [("merged-cells", "E2")]


@pytest.mark.parametrize("hidden", ['hidden="1"', "hidden='true'", "hidden = 'true'"])
def test_hidden_rows_are_seen_in_every_spelling(
    tmp_path: Path, config: Config, hidden: str
) -> None:
    xml = offers_xml().replace(b'<row r="2">', f'<row r="2" {hidden}>'.encode())
    path = workbook(tmp_path, {"offers": xml})
    (offer,) = load_offers(path, config).offers
    assert [(p.code, p.cell) for p in offer.problems] == [("hidden-row", "A2")]


# ---- structural ambiguities, end to end ----------------------------------------------------


@pytest.mark.parametrize(
    ("replace", "extra", "expected"),
    [
        # Beta written again as row 2: calamine would keep Beta, openpyxl Alpha
        ({}, cells(2, ["Beta", 1, 400, 10, 0.2, "oui", 5]), "offers!A2: row 2 is written twice"),
        ({"C2": '<c r="C2"><v>450</v><v>45</v></c>'}, "", "offers!C2: the cell holds two values"),
        ({"E2": '<c r="E2" t="s"><v>-1</v></c>'}, "", "offers!E2: the cell holds shared text"),
        ({"D2": '<c r="D2"><v>1&#48;</v></c>'}, "", "offers!D2: the cell's value is written"),
    ],
    ids=["duplicate-row", "two-values", "shared-text-minus-one", "character-reference"],
)
def test_a_structural_ambiguity_is_refused_with_its_cell(
    runner: CliRunner,
    tmp_path: Path,
    config_args: list[str],
    replace: dict[str, str],
    extra: str,
    expected: str,
) -> None:
    path = workbook(tmp_path, {"offers": offers_xml(replace, extra=extra)}, shared=["oui"])
    line = refused_line(runner, path, config_args)
    assert line.startswith(f"error: {path}: {expected}"), line
    assert line.endswith(" [malformed-sheet]")


def test_every_problem_of_a_sheet_is_said_at_once(
    runner: CliRunner, tmp_path: Path, config_args: list[str]
) -> None:
    replace = {"B2": '<c r="B2"><v>1</v><v>2</v></c>', "E2": '<c r="E2" t="s"><v>7</v></c>'}
    path = workbook(tmp_path, {"offers": offers_xml(replace)}, shared=["oui"])
    result = runner.invoke(app, ["score", str(path), *config_args])
    assert result.exit_code == 2
    assert [line.split(": ")[2] for line in result.stderr.splitlines()] == [
        "offers!B2",
        "offers!E2",
    ]


# ---- the parts both readers must read alike ------------------------------------------------


def members_of(path: Path) -> dict[str, bytes]:
    import zipfile

    with zipfile.ZipFile(path) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


@pytest.mark.parametrize(
    "table",
    [
        f'<sst xmlns="{SPREADSHEET_NS}"><si><t>oui</t></si><o:si xmlns:o="urn:o"><o:t>x</o:t>'
        "</o:si></sst>",
        f'<sst xmlns="{SPREADSHEET_NS}"><si><t>oui</t><si><t>x</t></si></si></sst>',
        "<sst><si><t>oui</t></si></sst>",
    ],
    ids=["foreign-text", "nested-text", "no-namespace"],
)
def test_a_table_of_shared_texts_the_readers_count_differently_is_refused(
    tmp_path: Path, table: str
) -> None:
    path = workbook(tmp_path, {"offers": offers_xml()}, shared=["oui"])
    members = members_of(path)
    members["xl/sharedStrings.xml"] = table.encode()
    path.write_bytes(zip_bytes(members))
    with pytest.raises(ReferentError) as caught:
        scan_xlsx(path)
    assert (caught.value.code, dict(caught.value.params)["form"]) == (
        "malformed-workbook",
        "shared-strings",
    )


@pytest.mark.parametrize(
    ("member", "old", "new"),
    [
        ("xl/_rels/workbook.xml.rels", 'Target="worksheets/', 'Target="xl/worksheets/'),
        ("xl/_rels/workbook.xml.rels", 'Target="worksheets/', 'Target="../xl/worksheets/'),
        ("[Content_Types].xml", 'PartName="/xl/workbook.xml"', 'PartName="/xl/other.xml"'),
        ("[Content_Types].xml", 'PartName="/xl/sharedStrings.xml"', 'PartName="/xl/ss.xml"'),
        (
            "xl/_rels/workbook.xml.rels",
            'Target="worksheets/sheet2.xml"',
            'Target="worksheets/sheet1.xml"',
        ),
    ],
    ids=["rooted-target", "dot-dot-target", "workbook-elsewhere", "texts-elsewhere", "shared-part"],
)
def test_parts_the_readers_would_find_in_different_places_are_refused(
    tmp_path: Path, member: str, old: str, new: str
) -> None:
    path = workbook(tmp_path, {"offers": offers_xml(), "other": offers_xml()}, shared=["oui"])
    members = members_of(path)
    assert old.encode() in members[member]
    members[member] = members[member].replace(old.encode(), new.encode(), 1)
    path.write_bytes(zip_bytes(members))
    with pytest.raises(ReferentError) as caught:
        scan_xlsx(path)
    assert (caught.value.code, dict(caught.value.params)["form"]) == ("malformed-workbook", "parts")


def test_a_dtd_after_the_first_row_of_a_sheet_not_read_is_still_refused(tmp_path: Path) -> None:
    """Every XML part is streamed in full for a DTD, even where nothing else is looked at."""
    other = b'<?xml version="1.0"?>\n<!DOCTYPE w [<!ENTITY e "x">]>' + worksheet_xml("")[39:]
    path = workbook(tmp_path, {"offers": offers_xml(), "other": other})
    with pytest.raises(ReferentError) as caught:
        scan_xlsx(path)
    assert caught.value.code == "xml-entities"


def test_an_offers_sheet_whose_part_is_missing_is_refused_not_replaced_by_another(
    tmp_path: Path,
) -> None:
    """Reading the next sheet instead would score the wrong offers, silently."""
    path = workbook(tmp_path, {"Analyse": offers_xml(), "offers": offers_xml()})
    members = members_of(path)
    del members["xl/worksheets/sheet2.xml"]
    path.write_bytes(zip_bytes(members))
    with pytest.raises(ReferentError) as caught:
        scan_xlsx(path)
    assert (caught.value.code, dict(caught.value.params)["form"]) == ("malformed-workbook", "parts")
    assert "'offers'" in dict(caught.value.params)["detail"]


def test_a_missing_part_of_a_sheet_not_read_does_not_matter(tmp_path: Path) -> None:
    path = workbook(tmp_path, {"offers": offers_xml(), "Analyse": offers_xml()})
    members = members_of(path)
    del members["xl/worksheets/sheet2.xml"]
    path.write_bytes(zip_bytes(members))
    assert scan_xlsx(path).offers == "offers"


def test_two_sheets_of_the_same_name_are_refused(tmp_path: Path) -> None:
    path = workbook(tmp_path, {"offers": offers_xml(), "Data": offers_xml()})
    members = members_of(path)
    members["xl/workbook.xml"] = members["xl/workbook.xml"].replace(b'"Data"', b'"offers"')
    path.write_bytes(zip_bytes(members))
    with pytest.raises(ReferentError) as caught:
        scan_xlsx(path)
    assert dict(caught.value.params)["detail"] == "two sheets have the name 'offers'"


def test_the_refusals_in_french(runner: CliRunner, tmp_path: Path, config_args: list[str]) -> None:
    two = workbook(tmp_path, {"Offres": offers_xml(), "offers": offers_xml()})
    result = runner.invoke(app, ["--lang", "fr", "score", str(two), *config_args])
    assert result.exit_code == 2
    assert result.stderr == (
        f"erreur : {two} : les feuilles 'Offres' et 'offers' portent toutes deux le nom de la "
        "feuille des offres (« offers » ou « offres »), et l'outil n'en lit qu'une : renommez ou "
        "supprimez l'autre [two-offers-sheets]\n"
    )
    far = workbook(tmp_path, {"offers": offers_xml(extra='<row r="3"><c r="SG3"/></row>')})
    result = runner.invoke(app, ["--lang", "fr", "score", str(far), *config_args])
    assert result.exit_code == 2
    assert result.stderr == (
        f"erreur : {far} : offers!SG3 : la cellule SG3 est au-delà de la colonne SF : la feuille "
        "offers est lue jusqu'à 500 colonnes ; supprimez les colonnes au-delà de ses données "
        "(une cellule vide mais mise en forme compte aussi) [sheet-too-large]\n"
    )
