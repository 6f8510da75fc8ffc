"""The two readers of a workbook, python-calamine and openpyxl, read every accepted file alike.

Worksheets are written by hand (and, for the property, drawn by hypothesis) as XML bytes with
every valid spelling: quotes, spaces around ``=``, namespace prefixes, attribute order, cells and
rows without references. A file the scan accepts must give, with either reader, exactly the
values its author meant; any other file must be refused with problems that say where (the
sheet, and the cell or the row). Error cells and formulas without a cached value are the one
thing calamine reads as empty: the tool reads such sheets with openpyxl, so they are compared
with what was meant only.
"""

import itertools
import zipfile
from collections.abc import Sequence
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from python_calamine import CalamineWorkbook

from helpers import SPREADSHEET_NS, worksheet_xml, xlsx_bytes
from referent_ess.config.columns import column_letter
from referent_ess.intake.sheet import ErrorCell
from referent_ess.intake.xlsx_reader import (
    _calamine_values,
    _openpyxl_values,
    read_xlsx_offers,
)
from referent_ess.problems.errors import ReferentError

Grid = list[tuple[object, ...]]


def plain(values: Sequence[tuple[object, ...]]) -> Grid:
    """Values as the tool reads them: "" is empty (as None), texts without their outer spaces
    (every field is read stripped), no empty cell at the end of a row, no empty row at the end
    of the sheet."""
    rows: Grid = []
    for row in values:
        cells = [None if v == "" else v.strip() if isinstance(v, str) else v for v in row]
        while cells and cells[-1] is None:
            cells.pop()
        rows.append(tuple(cells))
    while rows and not rows[-1]:
        rows.pop()
    return rows


def both_readers(path: Path) -> tuple[Grid, Grid]:
    calamine = CalamineWorkbook.from_path(str(path))
    try:
        first = _calamine_values(calamine, "offers", None)
    finally:
        calamine.close()
    second = _openpyxl_values(path, ["offers"], None)["offers"]
    return plain(first), plain(second)


def write(tmp_path: Path, xml: bytes, shared: list[str] | None = None) -> Path:
    path = tmp_path / "crafted.xlsx"
    path.write_bytes(xlsx_bytes({"offers": xml}, shared))
    return path


# ---- accepted crafted files: both readers, the same values ---------------------------------

PREFIXED = (
    f"<x:worksheet xmlns:x='{SPREADSHEET_NS}'><x:sheetData>"
    "<x:row r='1'><x:c r='A1' t='s'><x:v>0</x:v></x:c><x:c r = 'B1' t = 'inlineStr'>"
    "<x:is><x:t>Lot</x:t></x:is></x:c></x:row>"
    '<x:row r="3" hidden=\'true\'><x:c t="n" r="A3"><x:v>450.5</x:v></x:c>'
    "<x:c r='C3' t='b'><x:v>1</x:v></x:c></x:row>"
    "</x:sheetData><x:mergeCells><x:mergeCell ref='A3:B3'/></x:mergeCells></x:worksheet>"
).encode()

ACCEPTED: dict[str, tuple[bytes, list[str] | None, Grid]] = {
    "prefixes-and-single-quotes": (
        PREFIXED,
        ["Candidat"],
        [("Candidat", "Lot"), (), (450.5, None, True)],
    ),
    "spaces-and-attribute-order": (
        worksheet_xml(
            '<row r = "1"><c t = "s"\n r = "A1"><v>1</v></c><c\tr="C1" t="str"><v>x</v></c></row>'
            '<row r="2"><c r="B2" t="inlineStr"><is><r><t>Al</t></r><r><t>pha</t></r></is></c>'
            "</row>"
        ),
        ["zero", "one"],
        [("one", None, "x"), (None, "Alpha")],
    ),
    "cells-and-rows-without-references": (
        worksheet_xml(
            "<row><c><v>1</v></c><c><v>2</v></c></row>"
            '<row><c r="C2"><v>3</v></c><c><v>4</v></c></row><row r="5"><c><v>5</v></c></row>'
            "<row><c/><c><v>6</v></c></row>"
        ),
        None,
        [(1, 2), (None, None, 3, 4), (), (), (5,), (None, 6)],
    ),
    "number-spellings": (
        worksheet_xml(
            '<row r="1"><c r="A1"><v>1E3</v></c><c r="B1"><v>.5</v></c><c r="C1"><v>5.</v></c>'
            '<c r="D1"><v>+5</v></c><c r="E1"><v>007</v></c><c r="F1"><v>-3</v></c>'
            '<c r="G1"><v>2.5e-3</v></c><c r="H1"><v></v></c><c r="I1"><v/></c>'
            '<c r="J1" t="n"><v>123456789012345</v></c></row>'
        ),
        None,
        [(1000, 0.5, 5, 5, 7, -3, 0.0025, None, None, 123456789012345)],
    ),
    "a-formula-with-its-cached-value": (
        worksheet_xml('<row r="1"><c r="A1"><f>1+1</f><v>2</v></c><c r="B1"><v>3</v></c></row>'),
        None,
        [(2, 3)],
    ),
    "rich-text-and-text-spellings": (
        worksheet_xml(
            '<row r="1"><c r="A1" t="inlineStr"><is><t>Al</t><r><t>pha</t></r></is></c>'
            '<c r="B1" t="inlineStr"><is><r><t>l</t></r><r><rPr><b/></rPr><t>ot</t></r></is></c>'
            '<c r="C1" t="inlineStr"><is><t xml:space="preserve">o u</t></is></c>'
            '<c r="D1" t="inlineStr"><is><t>A&#49;<!-- -->B</t></is></c>'
            '<c r="E1" t="inlineStr"><is><t><![CDATA[A]]>B</t></is></c>'
            '<c r="F1" t="str"><v>A&amp;B</v></c><c r="G1" t="s"><v>0</v></c>'
            '<c r="H1" t="s"><v>1</v></c></row>'
        ),
        ["Candidat", "Lot 2"],
        [("Alpha", "lot", "o u", "A1B", "AB", "A&B", "Candidat", "Lot 2")],
    ),
    "dimension-far-beyond-the-cells": (
        worksheet_xml(
            '<row r="2"><c r="B2"><v>1</v></c></row>', before='<dimension ref="A1:XFD1048576"/>'
        ),
        None,
        [(), (None, 1)],
    ),
}


@pytest.mark.parametrize("case", list(ACCEPTED))
def test_an_accepted_crafted_file_reads_the_same_with_both_readers(
    tmp_path: Path, case: str
) -> None:
    xml, shared, meant = ACCEPTED[case]
    path = write(tmp_path, xml, shared)
    read_xlsx_offers(path)  # accepted
    first, second = both_readers(path)
    assert first == second == meant


def test_rich_shared_texts_read_the_same_with_both_readers(tmp_path: Path) -> None:
    """A table of shared texts with runs (rich text) and phonetic text, as Excel writes it."""
    path = write(tmp_path, worksheet_xml('<row r="1"><c r="A1" t="s"><v>0</v></c></row>'), ["x"])
    with zipfile.ZipFile(path) as source:
        members = {name: source.read(name) for name in source.namelist()}
    members["xl/sharedStrings.xml"] = (
        f'<sst xmlns="{SPREADSHEET_NS}" count="1" uniqueCount="1"><si><t>Can</t><r><t>di</t></r>'
        "<r><rPr><b/></rPr><t>dat</t></r><rPh sb='0' eb='1'><t>x</t></rPh></si></sst>"
    ).encode()
    with zipfile.ZipFile(path, "w") as target:
        for name, data in members.items():
            target.writestr(name, data)
    read_xlsx_offers(path)  # accepted
    assert both_readers(path) == ([("Candidat",)], [("Candidat",)])


# ---- the property: a correct reading, or a located error -----------------------------------

QUOTES = st.sampled_from(['"', "'"])
SPACES = st.sampled_from(["", "", " ", "\n", "\t "])
# how a row's number, or a cell's column, follows the previous one
ROW_STEPS = ["next", "next", "next", "gap", "omitted", "same", "back", "bad"]
CELL_STEPS = ["next", "next", "next", "next", "gap", "omitted", "same", "back", "bad", "huge"]
CELL_STEPS += ["other-row"]
BAD_ROWS = ["0", "02", "x", "1048577", "-1"]
BAD_CELLS = ["{c}{r}x", "{c}0{r}", "${c}${r}", "{lower}{r}", "{r}{c}", "XFE{r}", ""]
HUGE = ["XFD{r}", "SG{r}", "AAA{r}"]


# the content of a cell: its type, its XML, the value meant, whether both readers read it alike
CONTENTS: list[tuple[str | None, str, object, bool]] = [
    ("inlineStr", "<is><t>Al</t><r><t>pha</t></r></is>", "Alpha", True),
    ("inlineStr", "<is><r><t>lo</t></r><r><rPr><b/></rPr><t>t</t></r></is>", "lot", True),
    ("str", "<v>oui</v>", "oui", True),
    ("inlineStr", "<is><t>1</t><t>0</t></is>", "10", False),  # calamine 10, openpyxl 0
    ("inlineStr", "<is><r><t>1</t></r><t>0</t></is>", "10", False),
    (None, "<is><t>7</t></is>", 7, False),  # calamine 7, openpyxl empty
    ("str", "<is><t>A</t></is>", "A", False),
    ("d", "<v>5</v>", 5, False),  # calamine 5, openpyxl fails
    ("inlineStr", "<v>3</v>", 3, False),
]


@st.composite
def crafted(draw: st.DrawFn) -> tuple[bytes, bool, dict[int, dict[int, object]]]:
    """A worksheet drawn with random references and spellings; whether both readers read it
    alike (as the generator meant it); and the values meant, by row and column."""
    prefix = draw(st.sampled_from(["", "x:"]))
    ns = f"xmlns:x='{SPREADSHEET_NS}'" if prefix else f'xmlns="{SPREADSHEET_NS}"'

    def attributes(pairs: list[tuple[str, str]]) -> str:
        order = draw(st.permutations(pairs))
        return "".join(
            f" {name}{draw(SPACES)}={draw(SPACES)}{(q := draw(QUOTES))}{value}{q}"
            for name, value in order
        )

    valid = True
    meant: dict[int, dict[int, object]] = {}
    rows_xml = []
    row = 0
    for _ in range(draw(st.integers(1, 5))):
        step = draw(st.sampled_from(ROW_STEPS))
        written: str | None = None
        if step == "bad":
            valid = False
            written, number = draw(st.sampled_from(BAD_ROWS)), row + 1
        elif step in ("same", "back") and row >= 2:
            valid = False
            number = row if step == "same" else row - 1
            written = str(number)
        else:
            number = row + (draw(st.integers(2, 3)) if step == "gap" else 1)
            written = None if step == "omitted" else str(number)
        row = number
        column = 0
        cells_xml = []
        for _ in range(draw(st.integers(0, 4))):
            step = draw(st.sampled_from(CELL_STEPS))
            letters = column_letter(column + 1)
            reference: str | None
            if step == "bad":
                valid = False
                pattern = draw(st.sampled_from(BAD_CELLS))
                reference = pattern.format(c=letters, r=row, lower=letters.lower())
            elif step == "huge":
                valid = False
                reference = draw(st.sampled_from(HUGE)).format(r=row)
            elif step == "other-row":
                valid = False
                reference = f"{letters}{row + 1}"
            elif step in ("same", "back") and column >= 1 + (step == "back"):
                valid = False
                column = column if step == "same" else column - 1
                reference = f"{column_letter(column)}{row}"
            else:
                column += draw(st.integers(2, 3)) if step == "gap" else 1
                reference = None if step == "omitted" else f"{column_letter(column)}{row}"
            kind = draw(st.sampled_from(["number", "number", "text", "error", "content"]))
            pairs = [] if reference is None else [("r", reference)]
            if kind == "number":
                value: object = draw(st.integers(0, 999))
                pairs += draw(st.sampled_from([[], [("t", "n")]]))
                body = f"<{prefix}v>{value}</{prefix}v>"
            elif kind == "text":
                value = draw(st.sampled_from(["Alpha", "lot", "oui"]))
                pairs.append(("t", "inlineStr"))
                body = f"<{prefix}is><{prefix}t>{value}</{prefix}t></{prefix}is>"
            elif kind == "content":  # rich text is read alike; the other spellings are not
                cell_type, content, value, alike = draw(st.sampled_from(CONTENTS))
                valid = valid and alike
                if cell_type is not None:
                    pairs.append(("t", cell_type))
                body = content.replace("<", f"<{prefix}").replace(f"<{prefix}/", f"</{prefix}")
            else:
                value = ErrorCell("#N/A")
                pairs.append(("t", "e"))
                body = f"<{prefix}v>#N/A</{prefix}v>"
            meant.setdefault(row, {})[column] = value
            cells_xml.append(f"<{prefix}c{attributes(pairs)}>{body}</{prefix}c>")
        row_pairs = [] if written is None else [("r", written)]
        rows_xml.append(f"<{prefix}row{attributes(row_pairs)}>{''.join(cells_xml)}</{prefix}row>")
    xml = (
        f"<{prefix}worksheet {ns}><{prefix}sheetData>{''.join(rows_xml)}</{prefix}sheetData>"
        f"</{prefix}worksheet>"
    )
    return xml.encode(), valid, meant


def grid(meant: dict[int, dict[int, object]]) -> Grid:
    last = max(meant, default=0)
    return plain(
        [
            tuple(meant.get(r, {}).get(c) for c in range(1, max(meant.get(r, {0: 0})) + 1))
            for r in range(1, last + 1)
        ]
    )


@settings(
    max_examples=120,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(crafted())
def test_random_references_and_spellings_give_the_meant_values_or_a_located_error(
    tmp_path: Path, drawn: tuple[bytes, bool, dict[int, dict[int, object]]]
) -> None:
    xml, valid, meant = drawn
    path = write(tmp_path, xml)
    refused: ReferentError | None = None
    try:
        raw = read_xlsx_offers(path)
    except ReferentError as error:
        refused = error
    if refused is not None:
        assert not valid, [p.describe() for p in refused.problems]
        assert refused.problems, refused.lines
        for problem in refused.problems:
            assert (problem.file, problem.sheet) == (str(path), "offers")
            located = problem.cell is not None or problem.row is not None
            assert located or dict(problem.params)["form"] == "more", problem.describe()
        return
    assert valid, xml
    expected = grid(meant)
    header = expected[0] if expected else ()
    rows = [(n, r) for n, r in enumerate(expected[1:], start=2) if r]
    assert (plain([raw.header]) or [()])[0] == header
    assert [(n, plain([r])[0]) for n, r in raw.rows] == rows
    has_errors = any(isinstance(v, ErrorCell) for r in meant.values() for v in r.values())
    if not has_errors:  # then calamine read it: openpyxl must read the same
        assert both_readers(path) == (expected, expected)


def test_the_generator_draws_every_kind_of_step() -> None:
    """The property is only as good as its generator: every row and cell step is in it."""
    assert set(ROW_STEPS) == {"next", "gap", "omitted", "same", "back", "bad"}
    assert set(CELL_STEPS) == {"next", "gap", "omitted", "same", "back", "bad", "huge", "other-row"}
    assert len(list(itertools.product(BAD_CELLS, HUGE))) == 21
