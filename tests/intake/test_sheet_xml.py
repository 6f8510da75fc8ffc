"""The XML of a worksheet, parsed before any reader touches it (``intake/sheet_xml.py``).

Each sheet below is written by hand as the bytes of a worksheet part and fed to
:class:`SheetParser` (in one piece, and in chunks of a few bytes: a value cut by a chunk is read
the same). The expected problems, their cells and figures are typed by hand: a sheet is refused
when python-calamine and openpyxl would read it differently, or when its used range (from A1 to
its last cell) is beyond 500 columns or 10 000 000 cells.
"""

import re
from collections.abc import Callable, Sequence
from xml.parsers.expat import ExpatError

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from referent_ess.config.columns import column_letter
from referent_ess.intake import sheet_xml
from referent_ess.intake.sheet_xml import (
    MAX_CELLS,
    MAX_COLUMNS,
    DoctypeFound,
    FirstRow,
    SharedStringsParser,
    SheetFacts,
    SheetParser,
)

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"

Found = tuple[str, str | None, str | None]  # code.form, cell, first figure


def sheet(rows: str, *, before: str = "", after: str = "") -> bytes:
    """A worksheet part whose sheetData holds ``rows``."""
    return (
        f'<?xml version="1.0" encoding="UTF-8"?>\n<worksheet xmlns="{MAIN}">'
        f"{before}<sheetData>{rows}</sheetData>{after}</worksheet>"
    ).encode()


def parse(
    xml: bytes,
    shared: Sequence[str] = (),
    full: bool | Callable[[FirstRow], bool] = True,
    chunk: int = 1 << 16,
) -> SheetFacts:
    parser = SheetParser("offers.xlsx", "offers", list(shared), full)
    for start in range(0, len(xml), chunk):
        if not parser.feed(xml[start : start + chunk]):
            break
    return parser.facts()


def found(facts: SheetFacts) -> list[Found]:
    """Each problem as (code.form, cell, the first figure of its message)."""
    result = []
    for problem in facts.problems:
        params = dict(problem.params)
        form = params.pop("form")
        first = next(iter(params.values()), None)
        result.append((f"{problem.code}.{form}", problem.cell, first))
    return result


def both_ways(xml: bytes, shared: Sequence[str] = ()) -> SheetFacts:
    """Parsed in one piece and in chunks of 7 bytes: the same facts either way."""
    whole, cut = parse(xml, shared), parse(xml, shared, chunk=7)
    assert whole == cut
    return whole


def test_the_limits_are_the_documented_ones() -> None:
    assert (MAX_COLUMNS, MAX_CELLS) == (500, 10_000_000)


# ---- bounds: the used range, from the cells themselves -------------------------------------


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        # the 512 GiB cell: column XFD (16 384) is beyond column SF (500)
        ('<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>', ("columns", "XFD1048576")),
        # column SG is the 501st
        ('<row r="2"><c r="A2"><v>1</v></c><c r="SG2"><v>1</v></c></row>', ("columns", "SG2")),
        # an empty cell that only has a format counts: openpyxl would make the row that wide
        ('<row r="5"><c r="XFD5" s="1"/></row>', ("columns", "XFD5")),
        # 20 columns (T) x 500 001 rows = 10 000 020 cells
        ('<row r="500001"><c r="T500001"><v>1</v></c></row>', ("cells", "T500001")),
        # 500 columns (SF) x 20 001 rows = 10 000 500 cells, the corner given by two cells
        (
            '<row r="1"><c r="SF1"><v>1</v></c></row>'
            '<row r="20001"><c r="A20001"><v>1</v></c></row>',
            ("cells", "A20001"),
        ),
        # 20 columns from row 1, then a run of rows no wider, the last one 500 001
        (
            '<row r="1">'
            + "".join(f'<c r="{column_letter(n)}1"><v>1</v></c>' for n in range(1, 21))
            + '</row><row r="2"><c r="A2"><v>1</v></c></row>'
            '<row r="500001"><c r="B500001"><v>1</v></c></row>',
            ("cells", "B500001"),
        ),
    ],
    ids=[
        "XFD1048576",
        "column-501",
        "formatted-empty-cell",
        "cells-by-rows",
        "cells-by-corner",
        "cells-by-run",
    ],
)
def test_a_used_range_beyond_the_limits_is_refused_at_its_first_cell_beyond(
    rows: str, expected: tuple[str, str]
) -> None:
    facts = both_ways(sheet(rows))
    ((code, cell, _),) = found(facts)
    assert (code, cell) == (f"sheet-too-large.{expected[0]}", expected[1])


@pytest.mark.parametrize(
    "rows",
    [
        '<row r="1"><c r="SF1"><v>1</v></c></row>',  # column 500
        '<row r="500000"><c r="T500000"><v>1</v></c></row>',  # 20 x 500 000 = 10 000 000
        '<row r="1"><c r="SF1"/></row><row r="20000"><c r="A20000"/></row>',  # 500 x 20 000
    ],
    ids=["column-500", "cells-by-rows", "cells-by-corner"],
)
def test_a_used_range_at_the_limits_is_read(rows: str) -> None:
    assert both_ways(sheet(rows)).problems == ()


def test_the_used_range_is_measured_on_cells_not_on_the_dimension_element() -> None:
    """The <dimension> element is never trusted: a huge one over small cells is harmless (no
    reader allocates from it), a small one over a far cell does not hide it."""
    small_cells = sheet(
        '<row r="2"><c r="C2"><v>1</v></c></row>', before='<dimension ref="A1:XFD1048576"/>'
    )
    facts = both_ways(small_cells)
    assert (facts.rows, facts.columns, facts.problems) == (2, 3, ())
    far_cell = sheet('<row r="3"><c r="ZZ3"><v>1</v></c></row>', before='<dimension ref="A1:B2"/>')
    ((code, cell, _),) = found(both_ways(far_cell))
    assert (code, cell) == ("sheet-too-large.columns", "ZZ3")  # ZZ is column 702


def test_cells_without_a_reference_count_from_the_last_one() -> None:
    """A cell may omit its reference: it is the next column. The 501st is beyond the limit."""
    xml = sheet('<row r="1"><c r="SE1"><v>1</v></c><c><v>2</v></c><c><v>3</v></c></row>')
    ((code, cell, _),) = found(both_ways(xml))
    assert (code, cell) == ("sheet-too-large.columns", "SG1")  # SE (499), then SF, SG (501)


# ---- structural ambiguities: each refused with its cell ------------------------------------


def row(number: int | str, cells: str) -> str:
    return f'<row r="{number}">{cells}</row>'


def cell(ref: str, value: str = "1", t: str | None = None) -> str:
    kind = f' t="{t}"' if t else ""
    return f'<c r="{ref}"{kind}><v>{value}</v></c>'


STRUCTURAL: dict[str, tuple[str, list[Found]]] = {
    # two <row r="2">: calamine keeps the last, openpyxl the first
    "duplicate-row": (
        row(1, cell("A1")) + row(2, cell("A2")) + row(2, cell("A2", "9")),
        [("malformed-sheet.duplicate-row", "A2", "2")],
    ),
    "rows-out-of-order": (
        row(1, cell("A1")) + row(3, cell("A3")) + row(2, cell("B2")),
        [("malformed-sheet.row-order", "A2", "2")],
    ),
    "duplicate-cell": (
        row(2, cell("B2") + cell("B2", "9")),
        [("malformed-sheet.duplicate-cell", "B2", "B2")],
    ),
    "cells-out-of-order": (
        row(2, cell("C2") + cell("B2")),
        [("malformed-sheet.cell-order", "B2", "B2")],
    ),
    "cell-outside-its-row": (
        row(2, cell("A2") + cell("C5")),
        [("malformed-sheet.cell-row", "C5", "C5")],
    ),
    "two-values": (
        row(2, '<c r="D2"><v>1</v><v>2</v></c>'),
        [("malformed-sheet.two-values", "D2", None)],
    ),
    "formula-after-value": (
        row(2, '<c r="D2"><v>1</v><f>A1</f></c>'),
        [("malformed-sheet.two-values", "D2", None)],
    ),
    "value-and-inline-text": (
        row(2, '<c r="D2" t="inlineStr"><is><t>a</t></is><v>1</v></c>'),
        [("malformed-sheet.two-values", "D2", None)],
    ),
    "shared-text-minus-one": (
        row(2, cell("E2", "-1", "s")),
        [("malformed-sheet.shared-string", "E2", "-1")],
    ),
    "shared-text-beyond-the-table": (
        row(2, cell("E2", "2", "s")),  # the table holds 2 texts: 0 and 1
        [("malformed-sheet.shared-string", "E2", "2")],
    ),
    "shared-text-with-spaces": (
        row(2, cell("E2", " 1", "s")),
        [("malformed-sheet.shared-string", "E2", " 1")],
    ),
    "unknown-cell-type": (
        row(2, cell("F2", "1", "x")),
        [("malformed-sheet.cell-type", "F2", "'x'")],
    ),
}


@pytest.mark.parametrize("case", list(STRUCTURAL))
def test_a_structural_ambiguity_is_refused_with_its_cell(case: str) -> None:
    rows, expected = STRUCTURAL[case]
    assert found(both_ways(sheet(rows), shared=["zero", "one"])) == expected


@pytest.mark.parametrize(
    ("reference", "expected"),
    [
        ("B2x", "'B2x'"),
        ("$B$2", "'$B$2'"),
        ("b2", "'b2'"),  # lower case: not a reference either reader reads alike
        ("B02", "'B02'"),
        ("XFE2", "'XFE2'"),  # column 16 385: beyond XFD
        ("AAAA2", "'AAAA2'"),
        ("", "''"),
    ],
)
def test_a_cell_reference_that_is_not_one_is_refused(reference: str, expected: str) -> None:
    facts = both_ways(sheet(row(2, cell("A2") + f'<c r="{reference}"><v>1</v></c>')))
    assert found(facts) == [("malformed-sheet.reference", None, expected)]
    assert facts.problems[0].row == 2


@pytest.mark.parametrize("number", ["0", "02", "two", "1048577", "-1", " 2"])
def test_a_row_number_that_is_not_one_is_refused(number: str) -> None:
    facts = both_ways(sheet(row(1, cell("A1")) + f'<row r="{number}"></row>'))
    assert found(facts) == [("malformed-sheet.row-reference", None, repr(number))]


@pytest.mark.parametrize(
    ("xml", "where"),
    [
        # a cell right in sheetData: calamine reads it, openpyxl does not
        (sheet(row(1, cell("A1")) + cell("B1")), None),
        # a value in a row, outside any cell: openpyxl makes a cell of it
        (sheet(row(1, cell("A1") + "<v>9</v>")), "A1"),
        # a row in a row
        (sheet(row(1, cell("A1") + row(2, cell("A2")))), "A1"),
        # a row from another namespace: calamine reads it (by its local name), openpyxl not
        (
            sheet(row(1, cell("A1")) + f'<o:row xmlns:o="urn:other" r="2">{cell("A2")}</o:row>'),
            None,
        ),
        # a row after sheetData: openpyxl reads every row of the spreadsheet namespace
        (sheet(row(1, cell("A1")), after=f"<extLst>{row(2, cell('A2'))}</extLst>"), None),
        # a second sheetData: calamine stops at the end of the first
        (sheet(row(1, cell("A1")), after=f"<sheetData>{row(2, cell('A2'))}</sheetData>"), None),
        # an element in a cell that is not a formula or a value
        (sheet(row(1, '<c r="A1"><v>1</v><extLst/></c>')), "A1"),
        # an element in a value
        (sheet(row(1, '<c r="A1"><v>1<b/></v></c>')), "A1"),
    ],
    ids=[
        "cell-in-sheetData",
        "value-in-row",
        "row-in-row",
        "foreign-row",
        "row-after-sheetData",
        "second-sheetData",
        "extLst-in-cell",
        "element-in-value",
    ],
)
def test_a_misplaced_element_is_refused(xml: bytes, where: str | None) -> None:
    problems = [(code, ref) for code, ref, _ in found(both_ways(xml))]
    assert ("malformed-sheet.misplaced", where) in problems


@pytest.mark.parametrize(
    "root",
    [
        "<worksheet>",  # no namespace: openpyxl reads nothing, calamine reads every cell
        '<worksheet xmlns="http://purl.oclc.org/ooxml/spreadsheetml/main">',  # strict OOXML
    ],
)
def test_a_sheet_outside_the_spreadsheet_namespace_is_refused(root: str) -> None:
    xml = f"{root}<sheetData>{row(1, cell('A1'))}</sheetData></worksheet>".encode()
    ((code, cell_ref, _),) = found(both_ways(xml))
    assert (code, cell_ref) == ("malformed-sheet.namespace", None)


@pytest.mark.parametrize(
    ("value", "kind"),
    [
        (" 12 ", None),  # calamine: the text ' 12 ', openpyxl: 12
        ("1_000", None),  # openpyxl: 1000, calamine: text
        ("12345678901234567890", None),  # openpyxl: that integer, calamine: a float near it
        ("&#49;2", None),  # calamine reads only the text before a character reference
        ("<![CDATA[3]]>", None),  # calamine: empty, openpyxl: 3
        ("1<!-- -->2", None),
        ("inf", None),
        ("0x10", "n"),
        ("2", "b"),
        ("true", "b"),
        ("&#49;", "s"),
    ],
)
def test_a_value_the_readers_read_differently_is_refused(value: str, kind: str | None) -> None:
    problems = found(both_ways(sheet(row(2, cell("C2", value, kind))), shared=["a", "b"]))
    assert [(code, ref) for code, ref, _ in problems] == [
        ("malformed-sheet.shared-string" if kind == "s" else "malformed-sheet.value", "C2")
    ]


@pytest.mark.parametrize(
    "value", ["12", "-3", "450.5", "1E3", "1.5E+300", "2.5e-3", ".5", "5.", "+5", "007", ""]
)
def test_numbers_both_readers_read_alike_are_accepted(value: str) -> None:
    assert both_ways(sheet(row(2, cell("C2", value)))).problems == ()


# the content of a cell: calamine joins every <t> of an inline text, openpyxl keeps one before
# the runs and one in each run; <is> is read by calamine in any cell, by openpyxl only in an
# inlineStr one; a t="d" value is a date to openpyxl, a number or an error to calamine
CONTENT: dict[str, tuple[str, str, str | None]] = {
    "two-texts": ('<c r="I2" t="inlineStr"><is><t>1</t><t>0</t></is></c>', "text", None),
    "a-text-and-an-empty-one": ('<c r="I2" t="inlineStr"><is><t>5</t><t/></is></c>', "text", None),
    "a-text-after-a-run": (
        '<c r="I2" t="inlineStr"><is><r><t>B</t></r><t>A</t></is></c>',
        "text",
        None,
    ),
    "a-run-of-two-texts": (
        '<c r="I2" t="inlineStr"><is><r><t>B</t><t>C</t></r></is></c>',
        "text",
        None,
    ),
    "a-run-without-text": ('<c r="I2" t="inlineStr"><is><r><rPr/></r></is></c>', "text", None),
    "a-text-in-run-properties": (
        '<c r="I2" t="inlineStr"><is><r><rPr><t>Z</t></rPr><t>A</t></r></is></c>',
        "text",
        None,
    ),
    "a-text-in-another-element": (
        '<c r="I2" t="inlineStr"><is><x><t>Q</t></x><t>A</t></is></c>',
        "text",
        None,
    ),
    "an-element-in-a-text": ('<c r="I2" t="inlineStr"><is><t>A<b/>B</t></is></c>', "text", None),
    "cdata-in-a-text-value": ('<c r="I2" t="str"><v><![CDATA[A]]>B</v></c>', "text", None),
    "inline-text-without-type": ('<c r="I2"><is><t>7</t></is></c>', "inline-text", "'n'"),
    "inline-text-of-type-str": ('<c r="I2" t="str"><is><t>A</t></is></c>', "inline-text", "'str'"),
    "inline-text-of-type-s": ('<c r="I2" t="s"><is><t>7</t></is></c>', "inline-text", "'s'"),
    "a-value-in-an-inline-cell": ('<c r="I2" t="inlineStr"><v>3</v></c>', "inline-value", None),
    "a-date-cell-of-a-number": ('<c r="I2" t="d"><v>5</v></c>', "date-cell", None),
    "a-date-cell-of-a-date": ('<c r="I2" t="d"><v>2024-01-02</v></c>', "date-cell", None),
}


@pytest.mark.parametrize("case", list(CONTENT))
def test_a_cell_content_the_readers_read_differently_is_refused_with_its_cell(case: str) -> None:
    """With the rows recognised whole (they are not: the handlers find the problem) or not."""
    content, form, first = CONTENT[case]
    xml = sheet(row(2, cell("A2") + content) + row(3, cell("A3")))
    for fast in (True, False):
        parser = SheetParser("offers.xlsx", "offers", [], True, fast=fast)
        parser.feed(xml)
        assert found(parser.facts()) == [(f"malformed-sheet.{form}", "I2", first)], fast
    assert found(both_ways(xml)) == [(f"malformed-sheet.{form}", "I2", first)]


@pytest.mark.parametrize(
    "content",
    [
        '<c r="I2" t="inlineStr"><is><t>Al</t><r><t>pha</t></r></is></c>',
        '<c r="I2" t="inlineStr"><is><r><t>Al</t></r><r><rPr><b/></rPr><t>pha</t></r></is></c>',
        '<c r="I2" t="inlineStr"><is><t xml:space="preserve"> A </t></is></c>',
        '<c r="I2" t="inlineStr"><is><t>A&#49;<!-- -->B</t></is></c>',
        '<c r="I2" t="inlineStr"><is><t><![CDATA[A]]>B</t></is></c>',
        '<c r="I2" t="inlineStr"><is><t/></is></c>',
        '<c r="I2" t="inlineStr"><is/></c>',
        '<c r="I2" t="str"><v>A&amp;B</v></c>',
        '<c r="I2" t="str"><f>"A"</f><v>A</v></c>',
    ],
)
def test_rich_text_and_text_spellings_both_readers_read_alike_are_accepted(content: str) -> None:
    assert both_ways(sheet(row(2, content))).problems == ()


def test_the_problems_beyond_twenty_are_counted() -> None:
    rows = "".join(row(2, cell("A2")) for _ in range(26))  # row 2, then 25 times again
    facts = both_ways(sheet(rows))
    assert len(facts.problems) == 21
    assert found(facts)[-1] == ("malformed-sheet.more", None, "5")


def test_damaged_xml_is_refused_at_the_last_cell_read() -> None:
    xml = sheet(row(1, cell("A1")) + row(2, cell("B2")))
    cut = xml[: xml.index(b"</c></row></sheetData>") - 2]  # inside the value of B2
    ((code, where, line),) = found(both_ways(cut))
    assert (code, where, line) == ("malformed-sheet.xml", "B2", "2")


def test_a_dtd_stops_the_parse() -> None:
    xml = b'<?xml version="1.0"?><!DOCTYPE w [<!ENTITY e "x">]>' + sheet("")[39:]
    with pytest.raises(DoctypeFound):
        parse(xml)


# ---- valid spellings: every one is understood ----------------------------------------------

SPELLINGS = {
    "double-quotes": '<c r="E2" t="e"><v>#DIV/0!</v></c>',
    "single-quotes": "<c r='E2' t='e'><v>#DIV/0!</v></c>",
    "spaces-around-equals": '<c r = "E2"  t =\n"e" ><v>#DIV/0!</v></c>',
    "attribute-order": '<c t="e" s="3" r="E2"><v>#DIV/0!</v></c>',
}


@pytest.mark.parametrize("spelling", list(SPELLINGS))
def test_an_error_cell_is_seen_in_every_spelling(spelling: str) -> None:
    facts = both_ways(sheet(row(2, cell("D2") + SPELLINGS[spelling])))
    assert (facts.has_error_cells, facts.problems, facts.columns) == (True, (), 5)


def test_a_sheet_with_namespace_prefixes_is_understood() -> None:
    xml = (
        f'<x:worksheet xmlns:x="{MAIN}"><x:sheetData><x:row r="2"><x:c r="B2" t=\'e\'>'
        "<x:v>#N/A</x:v></x:c><x:c r='C2'><x:f>1/0</x:f><x:v>1</x:v></x:c></x:row>"
        "</x:sheetData><x:mergeCells><x:mergeCell ref='A2:B2'/></x:mergeCells></x:worksheet>"
    ).encode()
    facts = both_ways(xml)
    assert (facts.has_error_cells, facts.has_formulas, facts.merged) == (True, True, ("A2:B2",))
    assert (facts.rows, facts.columns, facts.problems) == (2, 3, ())


@pytest.mark.parametrize(
    "hidden", ['hidden="1"', "hidden='1'", 'hidden="true"', "hidden = ' true '"]
)
def test_hidden_rows_and_columns_in_every_spelling(hidden: str) -> None:
    cols = f'<cols><col min="2" max="3" {hidden}/><col min="4" max="4" hidden="0"/></cols>'
    rows = f'<row r="2" {hidden}>{cell("A2")}</row><row r="3" hidden="false">{cell("A3")}</row>'
    facts = both_ways(sheet(rows, before=cols))
    assert (facts.hidden_rows, facts.hidden_columns) == ((2,), ("B", "C"))


@pytest.mark.parametrize(
    "merge",
    ['<mergeCell ref="A2:B2"/>', "<mergeCell ref='A2:B2'/>", "<mergeCell  ref = 'A2:B2' />"],
)
def test_merged_cells_in_every_spelling(merge: str) -> None:
    facts = both_ways(sheet(row(2, cell("A2")), after=f"<mergeCells>{merge}</mergeCells>"))
    assert facts.merged == ("A2:B2",)


def test_cells_and_rows_without_references_are_placed_as_both_readers_place_them() -> None:
    rows = (
        "<row><c><v>1</v></c><c><v>2</v></c></row><row><c r='C2'><v>3</v></c><c><v>4</v></c></row>"
    )
    facts = both_ways(sheet(rows))
    assert (facts.rows, facts.columns, facts.problems) == (2, 4, ())


# ---- the first row, and the sheets read only up to it --------------------------------------


def test_the_first_row_gives_its_texts_in_column_order() -> None:
    rows = (
        '<row r="1"><c r="A1" t="s"><v>1</v></c><c r="B1" t="inlineStr"><is><r><t>Éval</t></r>'
        '<r><t>uateur</t></r></is></c><c r="D1"><f>1+1</f><v>2</v></c><c r="E1" t="str">'
        "<v>Note &amp; commentaire</v></c></row>"
    )
    facts = parse(sheet(rows), shared=["Candidat", "Lot"], full=False)
    assert facts.first_row == ("Lot", "Évaluateur", "2", "Note & commentaire")


def test_a_sheet_not_read_stops_after_its_first_row() -> None:
    """What comes after row 1 of another sheet is never looked at: not even damaged XML, nor
    a cell at XFD1048576."""
    rows = row(1, cell("A1", "0", "s")) + row(1048576, cell("XFD1048576")) + "<oops"
    parser = SheetParser("offers.xlsx", "other", ["Candidat"], full=False)
    xml = sheet(rows)
    end_of_row_1 = xml.index(b"</row>") + len(b"</row>")
    assert parser.feed(xml[:end_of_row_1])  # row 1 may go on: nothing known yet
    assert not parser.feed(xml[end_of_row_1:])  # the next row: enough
    facts = parser.facts()
    assert (facts.first_row, facts.read_in_full, facts.problems) == (("Candidat",), False, ())


@pytest.mark.parametrize(
    ("header", "wanted"),
    [(["Candidat", "Évaluateur", "Note"], True), (["Candidat", "Commentaire"], False)],
)
def test_a_sheet_read_or_not_after_its_first_row(header: list[str], wanted: bool) -> None:
    cells = "".join(
        f'<c r="{chr(65 + i)}1" t="inlineStr"><is><t>{text}</t></is></c>'
        for i, text in enumerate(header)
    )
    rows = row(1, cells) + row(2, cell("A2")) + row(2, cell("A2"))  # row 2 twice
    facts = parse(sheet(rows), full=lambda first: "Évaluateur" in first)
    assert facts.read_in_full is wanted
    assert [code for code, _, _ in found(facts)] == (
        ["malformed-sheet.duplicate-row"] if wanted else []
    )


def test_a_sheet_without_row_1_has_an_empty_first_row() -> None:
    facts = parse(sheet(row(3, cell("A3", "0", "s"))), shared=["x"], full=False)
    assert facts.first_row == ()


# ---- the table of shared texts -------------------------------------------------------------


def shared_strings(body: str, root: str = f'<sst xmlns="{MAIN}">') -> SharedStringsParser:
    parser = SharedStringsParser()
    parser.feed(f"{root}{body}</sst>".encode(), final=True)
    return parser


def test_shared_texts_are_counted_and_read() -> None:
    parser = shared_strings(
        "<si><t>a</t></si><si/><si><r><t>b</t></r><r><rPr><b/></rPr><t>c</t></r>"
        "<rPh sb='0' eb='1'><t>ignored</t></rPh></si>"
    )
    assert (parser.strings, parser.problem) == (["a", "", "bc"], None)


@pytest.mark.parametrize(
    "body",
    [
        '<si><t>a</t></si><o:si xmlns:o="urn:o"><o:t>x</o:t></o:si>',  # calamine counts it
        '<si><t>a</t><o:t xmlns:o="urn:o">x</o:t></si>',  # calamine reads its text
        "<si><t>a</t><si><t>b</t></si></si>",  # openpyxl counts both
        "<extLst><si><t>x</t></si></extLst>",
    ],
)
def test_shared_texts_the_readers_count_differently_are_refused(body: str) -> None:
    assert shared_strings(body).problem is not None


@pytest.mark.parametrize(
    "body",
    [
        "<si><t>A</t><t>X</t></si>",  # calamine: "AX", openpyxl: "X"
        "<si><r><t>A</t></r><t>X</t></si>",  # a text after a run
        "<si><r><t>A</t><t>X</t></r></si>",  # a run of two texts
        "<si><r><rPr/></r></si>",  # a run without its text
        "<si><r><rPr><t>Z</t></rPr><t>A</t></r></si>",  # calamine reads every <t>
        "<si><x><t>Q</t></x><t>A</t></si>",
        "<si><t>A<b/>B</t></si>",  # an element in a text
    ],
)
def test_shared_texts_the_readers_join_differently_are_refused(body: str) -> None:
    assert shared_strings(body).problem is not None


def test_rich_shared_texts_are_accepted() -> None:
    parser = shared_strings(
        "<si><t>A</t><r><t>B</t></r><r><rPr><b/></rPr><t>C</t></r>"
        "<rPh sb='0' eb='1'><t>x</t></rPh></si><si><r><t>D</t></r></si>"
    )
    assert (parser.strings, parser.problem) == (["ABC", "D"], None)


def test_a_table_of_shared_texts_outside_the_namespace_is_refused() -> None:
    assert shared_strings("<si><t>a</t></si>", root="<sst>").problem is not None


WORDS = ["Alpha", " Coop ", "é", "Œuvre", '"', "'", ">", "&amp;", "&#233;", "\r\n", "\n", "\t"]
ODD_WORDS = ["]]>", "\x01", "&nbsp;", "<b/>", "&"]  # not well-formed, or an element in a text


@st.composite
def shared_tables(draw: st.DrawFn) -> tuple[bytes, int]:
    """A table of shared texts: most written as spreadsheets write them, some rich, odd,
    misplaced or not well-formed, under a root that may not declare the spreadsheet's
    namespace as its default one, in UTF-8 or not; and the size of the chunks it is fed in."""
    texts = []
    for _ in range(draw(st.integers(0, 30))):
        words = "".join(draw(st.lists(st.sampled_from(WORDS), max_size=4)))
        if draw(st.integers(0, 9)) == 0:
            words += draw(st.sampled_from(ODD_WORDS))
        space = draw(st.sampled_from(["", "", ' xml:space="preserve"']))
        texts.append(
            draw(
                st.sampled_from(
                    [f"<si><t{space}>{words}</t></si>"] * 6
                    + [
                        f"<si><r><t>{words}</t></r><r><rPr><b/></rPr><t>x</t></r></si>",
                        f"<si><t>{words}</t><rPh sb='0' eb='1'><t>y</t></rPh></si>",
                        f"<si><t>{words}</t><t>z</t></si>",
                        "<si/>",
                        "<si><t/></si>",
                        f'<si xmlns="urn:o"><t>{words}</t></si>',
                        f'<o:si xmlns:o="urn:o"><o:t>{words}</o:t></o:si>',
                        f"<si><t>{words}</t><si><t>b</t></si></si>",
                        f"<si>\n<t>{words}</t></si>",
                        "\n",
                    ]
                )
            )
        )
    root = draw(
        st.sampled_from(
            [
                (f'<sst xmlns="{MAIN}" count="9">', "</sst>"),
                (f'<sst xmlns:o="urn:o" xmlns="{MAIN}">', "</sst>"),
                (f'<x:sst xmlns:x="{MAIN}">', "</x:sst>"),
                (f'<x:sst xmlns:x="{MAIN}" xmlns="urn:o">', "</x:sst>"),
                ('<sst xmlns="urn:o">', "</sst>"),
                ("<sst>", "</sst>"),
            ]
        )
    )
    if root[0].startswith("<x:") and draw(st.booleans()):  # else its texts are no texts
        texts = [t.replace("<si>", "<x:si>").replace("</si>", "</x:si>") for t in texts]
    head = draw(
        st.sampled_from(
            [
                '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n',
                '<?xml version="1.0" encoding="utf-8"?>',
                "\ufeff",
                "",
                '<?xml version="1.0" encoding="ISO-8859-1"?>',  # its é is not UTF-8's
            ]
        )
    )
    xml = (head + root[0] + "".join(texts) + root[1]).encode()
    return xml, draw(st.sampled_from([1, 7, 61, 1 << 16]))


def read_shared(xml: bytes, chunk: int, *, fast: bool) -> tuple[object, ...]:
    parser = SharedStringsParser(fast=fast)
    try:
        for start in range(0, len(xml), chunk):
            parser.feed(xml[start : start + chunk])
        parser.feed(b"", final=True)
    except ExpatError as exc:
        return ("xml", exc.code, exc.lineno, exc.offset)
    return (parser.strings, parser.problem)


@settings(max_examples=300, deadline=None, derandomize=True)
@given(shared_tables())
def test_shared_texts_recognised_whole_are_read_as_the_handlers_read_them(
    table: tuple[bytes, int],
) -> None:
    xml, chunk = table
    assert read_shared(xml, chunk, fast=True) == read_shared(xml, chunk, fast=False)


def test_shared_texts_in_another_encoding_are_read_as_declared() -> None:
    head = '<?xml version="1.0" encoding="ISO-8859-1"?>'
    xml = f'{head}<sst xmlns="{MAIN}"><si><t>Coop</t></si><si><t>Régie</t></si></sst>'
    parser = SharedStringsParser()
    parser.feed(xml.encode("latin-1"), final=True)  # é is the one byte E9
    assert (parser.strings, parser.problem) == (["Coop", "Régie"], None)


def test_shared_texts_as_spreadsheets_write_them_are_read_whole() -> None:
    body = "".join(f"<si><t>Coop &#233; {n}</t></si><si><t>{n} \u00e9</t></si>" for n in range(50))
    xml = f'<sst xmlns="{MAIN}">{body}</sst>'.encode()
    fed: list[int] = []
    parser = SharedStringsParser()
    quiet = parser._quiet

    def counted(piece: bytes) -> None:
        fed.append(len(piece))
        quiet(piece)

    parser._quiet = counted  # type: ignore[method-assign]
    parser.feed(xml, final=True)
    assert parser.strings[:4] == ["Coop é 0", "0 é", "Coop é 1", "1 é"]
    assert (len(parser.strings), parser.problem) == (100, None)
    # the texts without a reference are recognised whole, each after one with a reference
    assert len(fed) == 50
    assert sum(fed) == len("".join(f"<si><t>{n} é</t></si>" for n in range(50)).encode())


# ---- rows as spreadsheets write them: recognised whole, the same facts ---------------------


def test_text_that_looks_like_rows_in_a_cdata_section_is_not_rows() -> None:
    """Both readers ignore text in sheetData: rows written in a CDATA section are no rows (were
    they taken for rows, row 3 after them would be a duplicate, and XFD3 too far)."""
    fake = '<row r="3"><c r="XFD3"><v>1</v></c></row>'
    xml = sheet(row(1, cell("A1")) + f"<![CDATA[{fake}]]>" + row(3, cell("B3")))
    for chunk in (7, 40, 1 << 16):
        facts = parse(xml, chunk=chunk)
        assert (facts.problems, facts.rows, facts.columns) == ((), 3, 2), chunk


EXCEL_ROW = '<row r="{r}" spans="1:3" x14ac:dyDescent="0.25"{hidden}>{cells}</row>'
LIBREOFFICE_ROW = (
    '<row r="{r}" customFormat="false" ht="12.8" hidden="{lo_hidden}" customHeight="false" '
    'outlineLevel="0" collapsed="false">{cells}</row>'
)


@st.composite
def written_rows(draw: st.DrawFn) -> str:
    """Rows as Excel, LibreOffice or openpyxl write them, some with a problem: a row or cell
    out of order or twice, a value that is not plain, a shared text beyond the table, a cell
    beyond the limits."""
    rows = []
    number = 0
    for _ in range(draw(st.integers(0, 6))):
        number = max(1, number + draw(st.sampled_from([1, 1, 1, 2, 0, -1])))
        column = 0
        cells = []
        for _ in range(draw(st.integers(0, 5))):
            column = max(1, column + draw(st.sampled_from([1, 1, 1, 2, 0, -1, 600])))
            ref = f"{column_letter(column)}{number}"
            style = draw(st.sampled_from(["", ' s="1"']))
            kind, value = draw(
                st.sampled_from(
                    [
                        ("", "450.5"),
                        (' t="n"', "12"),
                        ("", "1E3"),
                        ("", " 12"),
                        ("", "12345678901234567890"),
                        (' t="s"', "0"),
                        (' t="s"', "3"),
                        (' t="b"', "1"),
                        (' t="b"', "2"),
                        (' t="e"', "#N/A"),
                        (' t="str"', "x"),
                        (' t="inlineStr"', "Alpha"),
                        (' t="inlineStr"', "<t>Al</t><r><t>pha</t></r>"),
                        (' t="inlineStr"', "<t>1</t><t>0</t>"),
                        ("", "<t>7</t>"),  # inline text in a cell of type n
                        (' t="d"', "5"),
                    ]
                )
            )
            formula = draw(st.sampled_from(["", "<f>1+1</f>", '<f t="shared" si="0"/>']))
            if value.startswith("<t>"):
                body = f"<is>{value}</is>"
            elif kind == ' t="inlineStr"':
                body = f"<is><t>{value}</t></is>"
            else:
                body = f"{formula}<v>{value}</v>"
            cells.append(f'<c r="{ref}"{style}{kind}>{body}</c>')
        hidden = draw(st.sampled_from(["", ' hidden="1"', ' hidden="true"']))
        spelling = draw(
            st.sampled_from([EXCEL_ROW, LIBREOFFICE_ROW, '<row r="{r}"{hidden}>{cells}</row>'])
        )
        rows.append(
            spelling.format(
                r=number,
                hidden=hidden,
                lo_hidden="true" if hidden else "false",
                cells="".join(cells),
            )
        )
    return "".join(rows)


@settings(max_examples=150, deadline=None, derandomize=True)
@given(written_rows(), st.sampled_from([7, 61, 1 << 16]))
def test_rows_recognised_whole_give_the_same_facts_as_the_handlers(rows: str, chunk: int) -> None:
    xml = (
        f'<worksheet xmlns="{MAIN}" xmlns:x14ac="urn:x14ac"><sheetData>{rows}</sheetData>'
        "</worksheet>"
    ).encode()

    def facts(fast: bool) -> SheetFacts:
        parser = SheetParser("offers.xlsx", "offers", ["a", "b"], True, fast=fast)
        for start in range(0, len(xml), chunk):
            parser.feed(xml[start : start + chunk])
        return parser.facts()

    assert facts(fast=True) == facts(fast=False)


class CountingParser(SheetParser):
    """A parser that counts the bytes given to expat without its handlers."""

    quiet = 0

    def _give(self, piece: bytes, *, quiet: bool) -> None:
        self.quiet += len(piece) if quiet else 0
        super()._give(piece, quiet=quiet)


@pytest.mark.parametrize("spelling", [EXCEL_ROW, LIBREOFFICE_ROW])
def test_rows_as_spreadsheets_write_them_are_recognised_whole(spelling: str) -> None:
    rows = "".join(
        spelling.format(
            r=n,
            hidden="",
            lo_hidden="false",
            cells=f'<c r="A{n}" t="s"><v>0</v></c><c r="B{n}" s="2"><v>450.5</v></c>'
            f'<c r="C{n}" t="inlineStr"><is><t>oui</t></is></c>',
        )
        for n in range(1, 101)
    )
    xml = (
        f'<worksheet xmlns="{MAIN}" xmlns:x14ac="urn:x14ac"><sheetData>{rows}</sheetData>'
        "</worksheet>"
    ).encode()
    parser = CountingParser("offers.xlsx", "offers", ["Alpha"], True)
    parser.feed(xml)
    facts = parser.facts()
    assert (facts.rows, facts.columns, facts.problems) == (100, 3, ())
    assert parser.quiet == len(rows.encode())  # every row, and nothing else


def test_a_plain_row_of_more_cells_than_the_limit_is_refused_at_the_first_beyond() -> None:
    cells = "".join(f'<c r="{column_letter(n)}1"><v>1</v></c>' for n in range(1, 602))
    ((code, where, _),) = found(both_ways(sheet(row(1, cells))))
    assert (code, where) == ("sheet-too-large.columns", "SG1")  # the 501st column


# a cell of a sheet of offers, as spreadsheets write it, or with an oddity
ALIKE_CELLS = [
    ("", "<v>450.5</v>"),
    (' t="n"', "<v>12</v>"),
    (' s="1" t="n"', "<v>43182</v>"),
    (' t="s"', "<v>1</v>"),
    (' t="s"', "<v>2</v>"),  # beyond the table of two texts
    (' t="b"', "<v>0</v>"),
    (' t="inlineStr"', "<is><t>Structure 000001</t></is>"),
    (' t="inlineStr"', '<is><t>a t="e" hidden="1" &lt;f</t></is>'),  # looks like markup
    (' t="inlineStr"', "<is><t>Al</t><r><t>pha</t></r></is>"),  # rich: the handlers
    (' t="str"', "<f>A1</f><v>x</v>"),
    ("", '<f t="shared" si="0"/><v>2</v>'),
    (' t="e"', "<v>#N/A</v>"),
    ("", "<v> 12</v>"),  # not plain
    (' t="d"', "<v>5</v>"),
    ("", ""),  # written <c r="A2"/>
]


@st.composite
def rows_alike(draw: st.DrawFn) -> str:
    """A header and many rows of the same width, most of them plain, some with a cell left
    out, a formula, an error cell, a hidden or empty row, a row out of order or twice, a wider
    row, a value that is not plain, a shared text beyond the table, rows near the last row
    (beyond the cell limit when 10 columns wide)."""
    width = draw(st.sampled_from([1, 2, 3, 4, 10]))  # 10 columns: the cell limit at the last rows
    header = "".join(f'<c r="{column_letter(n)}1" t="s"><v>0</v></c>' for n in range(1, width + 1))
    rows = [f'<row r="1">{header}</row>']
    number = 1
    usual = draw(st.lists(st.sampled_from(ALIKE_CELLS[:4] + ALIKE_CELLS[6:7]), min_size=4))
    for _ in range(draw(st.integers(0, 40))):
        step = draw(st.sampled_from([1] * 12 + [2, 0, -1, 1_000_000]))
        number = max(1, number + step if step < 1_000_000 else draw(st.integers(999_998, 1 << 20)))
        odd = draw(st.integers(0, 5)) == 0
        cells = []
        for column in range(1, width + draw(st.sampled_from([1] * 15 + [2, 3])) if odd else 1):
            if column > width + 2:
                break
            if odd and draw(st.integers(0, 3)) == 0:
                continue  # a cell left out
            kind, body = draw(st.sampled_from(ALIKE_CELLS)) if odd else usual[column % len(usual)]
            ref = f"{column_letter(column)}{number}"
            cells.append(f'<c r="{ref}"{kind}/>' if not body else f'<c r="{ref}"{kind}>{body}</c>')
        hidden = draw(st.sampled_from(["", ' hidden="1"', ' hidden="false"'])) if odd else ""
        spelling = draw(st.sampled_from(["{start}>{cells}</row>", "{start}/>"])) if odd else ""
        start = f'<row r="{number}" spans="1:{width}"{hidden}'
        if spelling and not cells:
            rows.append(spelling.format(start=start, cells=""))
        else:
            rows.append(f"{start}>{''.join(cells)}</row>")
    return "".join(rows)


@settings(max_examples=200, deadline=None, derandomize=True)
@given(rows_alike(), st.sampled_from([7, 97, 1000, 1 << 16]), st.sampled_from([["a", "b"], []]))
def test_runs_of_rows_alike_give_the_same_facts_as_the_handlers(
    rows: str, chunk: int, shared: list[str]
) -> None:
    xml = sheet(rows)

    def facts(fast: bool) -> SheetFacts:
        parser = SheetParser("offers.xlsx", "offers", shared, True, fast=fast)
        for start in range(0, len(xml), chunk):
            parser.feed(xml[start : start + chunk])
        return parser.facts()

    assert facts(fast=True) == facts(fast=False)


def test_rows_as_wide_as_the_ones_before_are_recognised_a_run_at_a_time(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    runs: list[tuple[int, bool]] = []
    alike = sheet_xml._rows_alike

    def counted(columns: int, bare: bool, shared: bool = True) -> "re.Pattern[bytes]":
        runs.append((columns, bare))
        return alike(columns, bare, shared)

    monkeypatch.setattr(sheet_xml, "_rows_alike", counted)
    rows = "".join(
        row(n, f'<c r="A{n}" t="s"><v>0</v></c><c r="B{n}"><v>{n}.5</v></c>') for n in range(1, 201)
    )
    rows += row(201, '<c r="A201"><f>B200</f><v>1</v></c>')
    rows += '<row r="202" hidden="1"><c r="B202" t="e"><v>#N/A</v></c></row>'
    parser = CountingParser("offers.xlsx", "offers", ["Alpha"], True)
    parser.feed(sheet(rows))
    facts = parser.facts()
    assert (facts.rows, facts.columns, facts.problems) == (202, 2, ())
    assert (facts.has_formulas, facts.has_error_cells, facts.hidden_rows) == (True, True, (202,))
    assert parser.quiet == len(rows.encode())
    # row 1 widens the range from nothing, row by row; then rows 2 to 200 are one bare run,
    # and rows 201 and 202 (a formula, an error cell, a hidden row) one run that is not
    assert runs[:3] == [(2, True), (2, True), (2, False)]
