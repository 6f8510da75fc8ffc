"""Plain-text tables (a file or a pipe) are written in pieces: the same text as one table."""

import pytest
from rich.console import Console, Group
from rich.text import Text

from referent_ess.render.terminal import printing


def whole(renderable: object) -> str:
    """The renderable printed in one go by rich, trailing spaces stripped."""
    console = Console(width=10_000, color_system=None, markup=False, emoji=False)
    with console.capture() as capture:
        console.print(renderable)
    return "".join(line.rstrip() + "\n" for line in capture.get().splitlines())


def sample(rows: int) -> Group:
    table = printing.new_table("Lot 1", caption="Price points: proportional")
    table.add_column("Rank", justify="right")
    table.add_column("Candidate")
    table.add_column("Total\n/100", justify="right")
    for n in range(1, rows + 1):
        table.add_row(str(n), f"Candidate {'x' * (n % 7)}", f"{100 - n}.00", style="bold")
    return Group(Text("Inputs: …"), Group(Text("Lot 1 — title"), table, Text("")))


@pytest.mark.parametrize("rows", [1, 3, 4, 10])
def test_a_table_cut_into_pieces_prints_as_one_table(
    monkeypatch: pytest.MonkeyPatch, rows: int
) -> None:
    expected = whole(sample(rows))
    monkeypatch.setattr(printing, "ROWS_PER_PIECE", 3)
    parts = list(printing.plain_parts(sample(rows)))
    assert "".join(parts) == expected
    assert len(parts) == 3 + (rows + 2) // 3  # 3 texts, then one part per 3 rows
    lines = expected.splitlines()  # the sample has what a cut could break: a title,
    assert lines[2] == "Lot 1"  # a two-line header, a caption
    assert (lines[3].strip(), lines[4].split()) == ("Total", ["Rank", "Candidate", "/100"])
    assert lines[-2] == "Price points: proportional"


def test_short_names_keep_the_minimum_width_of_their_column() -> None:
    # keep_whole gives the candidate column a minimum width of 12: sizing the columns to their
    # content must not make it narrower than rich would print it.
    table = printing.new_table()
    table.add_column("Candidate")
    table.add_column("Total", justify="right")
    for name in ("Abc", "Bcd"):
        table.add_row(name, "81.00")
    printing.keep_whole(table)
    expected = whole(table)
    assert expected.splitlines()[0] == "Candidate      Total"  # 12 + 3 + 5
    assert printing.render_plain(table) == expected
