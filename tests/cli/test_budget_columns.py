"""check-budget leaves out the day rate and days columns of a table when no lot of it is
priced by day rate (they would be empty): the travaux example prices its lots as a lump sum,
a DQE and a DPGF; the 2018 example by day rate."""

from pathlib import Path

from cli_helpers import CONFIG, WORKBOOK, run
from typer.testing import CliRunner

TRAVAUX = Path(__file__).resolve().parents[2] / "examples" / "travaux-2027"
TRAVAUX_ARGS = ["--lots", str(TRAVAUX / "lots.yaml"), str(TRAVAUX / "offres.xlsx")]


def test_no_day_rate_columns_when_no_lot_is_priced_by_day_rate(runner: CliRunner) -> None:
    env = {"COLUMNS": "200"}
    table = run(runner, ["--lang", "fr", "check-budget", *TRAVAUX_ARGS], 0, env).stdout
    assert "Contrôle" in table
    assert "Coût jour." not in table
    assert "Jours" not in table
    markdown = run(
        runner, ["--lang", "fr", "check-budget", *TRAVAUX_ARGS, "--format", "markdown"], 0
    ).stdout
    assert "| Lot | Candidat | Ligne | TVA | Prix HT | Prix TTC | Base |" in markdown
    assert "| 1 | Démolitions du Lièvre (SAS) | 2 | 20 % | 50 000,00 € | 60 000,00 € | HT |" in (
        markdown
    )


def test_day_rate_columns_stay_for_lots_priced_by_day_rate(runner: CliRunner) -> None:
    args = ["--lang", "fr", "check-budget", str(WORKBOOK), *CONFIG]
    table = run(runner, args, 1, {"COLUMNS": "200"}).stdout  # lot 4: an offer over its cap
    assert "Coût jour." in table
    markdown = run(runner, [*args, "--format", "markdown"], 1).stdout
    assert (
        "| Lot | Candidat | Ligne | Coût jour. HT | Jours | TVA |" in markdown.replace("\n", " ")
        or "| Lot | Candidat | Ligne | Coût jour.<br>HT | Jours | TVA |" in markdown
    )
