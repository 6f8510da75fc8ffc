"""The winner's mark (★ in tables, bold in Markdown, the HTML report's and the xlsx report's
highlight) goes to the offer the lot is awarded to, and to no offer when there is no award: a
tie for first that the tie-break does not settle, or a ranking that is provisional. With a limit
of lots per candidate, it is the offer the lot goes to, which may be ranked below first."""

import pytest
from typer.testing import CliRunner

from referent_ess.cli import app

LIMIT = "  required_documents: [cv]\n  max_lots_per_candidate: 1\n"


@pytest.fixture(autouse=True)
def _wide(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "200")


def lines_with(text: str, name: str) -> list[str]:
    """The table rows (or Markdown rows) that name ``name``: not the notes under the table."""
    rows = (line for line in text.splitlines() if name in line)
    return [line for line in rows if line.lstrip()[:1] in ("★", "|", *"0123456789")]


def test_an_unsettled_tie_for_first_marks_nobody(
    runner: CliRunner, make_config, make_workbook
) -> None:
    """Alpha and Beta: same price (500 × 10), same mark, so the same points on every criterion;
    the tie-break (price points) cannot settle it: no award, so no ★ and no bold."""
    lots, criteria = make_config()
    offers = make_workbook(
        [["Alpha", 1, 500, 10, None, "oui", 4], ["Beta", 1, 500, 10, None, "oui", 4]]
    )
    config = ["--lots", str(lots), "--criteria", str(criteria)]
    table = runner.invoke(app, ["score", str(offers), *config, "--lot", "1"])
    assert table.exit_code == 0, table.output
    assert "★" not in table.stdout
    assert [line.split()[0] for line in lines_with(table.stdout, "Alpha")] == ["1"]
    markdown = runner.invoke(app, ["score", str(offers), *config, "--format", "markdown"])
    assert "**" not in "".join(
        lines_with(markdown.stdout, "Alpha") + lines_with(markdown.stdout, "Beta")
    )


def test_a_lot_passed_to_the_second_marks_the_second(
    runner: CliRunner, make_config, make_workbook
) -> None:
    """Alpha ranks first on both lots; with one lot per candidate, lot 2 goes to Beta (rank 2):
    Beta is the one marked on lot 2, not Alpha."""
    lots, criteria = make_config()
    lots.write_text(lots.read_text().replace("  required_documents: [cv]\n", LIMIT))
    offers = make_workbook(
        [
            ["Alpha", 1, 400, 10, None, "oui", 5],
            ["Alpha", 2, 400, 10, None, "oui", 5],
            ["Beta", 2, 450, 10, None, "oui", 4],
        ]
    )
    config = ["--lots", str(lots), "--criteria", str(criteria)]
    table = runner.invoke(app, ["score", str(offers), *config, "--lot", "2"])
    assert table.exit_code == 0, table.output
    assert [line.lstrip().startswith("★") for line in lines_with(table.stdout, "Alpha")] == [False]
    assert [line.lstrip().startswith("★") for line in lines_with(table.stdout, "Beta")] == [True]
    markdown = runner.invoke(
        app, ["score", str(offers), *config, "--lot", "2", "--format", "markdown"]
    )
    assert "**Beta**" in markdown.stdout
    assert "**Alpha**" not in markdown.stdout
