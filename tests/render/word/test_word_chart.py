"""A chart written as a Word table: one bar per offer, its segments as wide as their points,
read back from the .docx's XML."""

import io
from fractions import Fraction

import docx
from docx.oxml.ns import qn

from referent_ess.render.word.blocks import Bar, Chart
from referent_ess.render.word.document import word_document

COLOURS = ("1D3557", "F6D68B")


def chart(*bars: Bar, scale: int = 100) -> Chart:
    return Chart(
        title="Lot 9 : total",
        bars=bars,
        legend=("Valeur technique (60 points)", "Prix (40 points)"),
        colours=COLOURS,
        dark=frozenset({"1D3557"}),
        scale=Fraction(scale),
        caption="Total des points (sur 100).",
    )


def bar(label: str, technical: Fraction, price: Fraction, total: str) -> Bar:
    return Bar(label, ((technical, "t"), (price, "p")), total)


def rows_of(block: Chart) -> tuple[list[list[tuple[str | None, int, str]]], list[int]]:
    """Each row's cells (fill, width in twips, text), and the grid."""
    document = docx.Document(io.BytesIO(word_document([block], title="t", author=None)))
    table = document.element.body.find(qn("w:tbl"))
    grid = [int(col.get(qn("w:w"))) for col in table.iter(qn("w:gridCol"))]
    rows = []
    for tr in table.iter(qn("w:tr")):
        cells = []
        for tc in tr.findall(qn("w:tc")):
            shading = tc.find(f"{qn('w:tcPr')}/{qn('w:shd')}")
            width = int(tc.find(f"{qn('w:tcPr')}/{qn('w:tcW')}").get(qn("w:w")))
            text = "".join(t.text or "" for t in tc.iter(qn("w:t")))
            cells.append((None if shading is None else shading.get(qn("w:fill")), width, text))
        rows.append(cells)
    return rows, grid


def bars_of(
    rows: list[list[tuple[str | None, int, str]]],
) -> list[list[tuple[str | None, int, str]]]:
    return [row for row in rows if any(fill for fill, _, _ in row)]


def test_segments_are_as_wide_as_their_points_and_the_widths_add_up() -> None:
    rows, grid = rows_of(
        chart(
            bar("1. A", Fraction(60), Fraction(40), "100,00"),
            bar("2. B", Fraction(30), Fraction(10), "40,00"),
        )
    )
    plot = sum(grid[1:-1])
    # the width between the margins, as Word stores them: A4's 21 cm is 11 906 twips, a 2,2 cm
    # margin 1 247 twips
    assert sum(grid) == 11906 - 2 * 1247
    first, second = bars_of(rows)
    assert [(fill, width) for fill, width, _ in first if fill] == [
        ("1D3557", round(plot * 60 / 100)),
        ("F6D68B", plot - round(plot * 60 / 100)),
    ]
    assert [(fill, width) for fill, width, _ in second if fill] == [
        ("1D3557", round(plot * 30 / 100)),
        ("F6D68B", round(plot * 40 / 100) - round(plot * 30 / 100)),
    ]
    # a full bar has its total in the last column; a shorter one in the blank after it
    assert first[-1][2] == "100,00"
    assert second[-2] == (None, plot - round(plot * 40 / 100), "40,00")
    assert second[-1][2] == ""
    assert len(rows) == 3  # a thin gap row between the two bars


def test_a_criterion_without_points_has_no_segment() -> None:
    rows, _ = rows_of(chart(bar("1. A", Fraction(0), Fraction(25), "25,00")))
    (only,) = bars_of(rows)
    assert [fill for fill, _, _ in only if fill] == ["F6D68B"]
    assert only[0][2] == "1. A"


def test_an_offer_without_any_point_has_an_empty_bar_and_its_total() -> None:
    rows, grid = rows_of(
        chart(
            bar("1. A", Fraction(50), Fraction(0), "50,00"),
            bar("2. B", Fraction(0), Fraction(0), "0,00"),
        )
    )
    assert len(rows) == 3
    last = rows[-1]
    assert all(fill is None for fill, _, _ in last)
    assert last[0][2] == "2. B"
    assert last[1] == (None, sum(grid[1:-1]), "0,00")


def test_thirds_are_rounded_to_the_twip_without_drift() -> None:
    third = Fraction(100, 3)
    rows, grid = rows_of(chart(bar("1. A", third, third, "66,67"), scale=100))
    plot = sum(grid[1:-1])
    (only,) = bars_of(rows)
    widths = [width for fill, width, _ in only if fill]
    assert widths == [round(plot / 3), round(plot * 2 / 3) - round(plot / 3)]
    assert all(abs(width - plot / 3) <= 1 for width in widths)


def test_the_legend_follows_with_each_criterion_and_its_colour() -> None:
    document = docx.Document(
        io.BytesIO(
            word_document(
                [chart(bar("1. A", Fraction(1), Fraction(1), "2,00"))], title="t", author=None
            )
        )
    )
    texts = [p.text for p in document.paragraphs]
    assert texts[0] == "Lot 9 : total"
    assert "■ Valeur technique (60 points)" in texts
    assert "■ Prix (40 points)" in texts
    squares = [p.runs[0].font.color.rgb for p in document.paragraphs if p.text.startswith("■")]
    assert [str(colour) for colour in squares] == list(COLOURS)
    assert texts[-1] == "Total des points (sur 100)."
