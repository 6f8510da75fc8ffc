"""explain writes a DQE line's quantity with its thousands grouped, in each language: the
travaux example's lot 2, line 1.1, 1200 m² at 4.00 = 4800.00."""

from pathlib import Path

from cli_helpers import run
from typer.testing import CliRunner

TRAVAUX = Path(__file__).resolve().parents[2] / "examples" / "travaux-2027"
ARGS = ["explain", "--lot", "2", "Atelier Peinture Lemoine", "--lots", str(TRAVAUX / "lots.yaml")]


def test_explain_groups_the_thousands_of_a_quantity(runner: CliRunner) -> None:
    args = [*ARGS, str(TRAVAUX / "offres.xlsx")]
    french = run(runner, ["--lang", "fr", *args], 0).stdout
    assert "4,00\u00a0€ × 1\u202f200 m² = 4\u202f800,00\u00a0€" in french
    english = run(runner, ["--lang", "en", *args], 0).stdout
    assert "4.00 × 1,200 m² = 4800.00" in english
    assert "× 450 m²" in english  # below a thousand: as it was
