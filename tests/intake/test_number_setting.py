"""``numbers: fr | en`` in lots.yaml and ``--numbers``: the convention of the numbers typed as text
in the offers, applied at every cell, never guessed.

The small consultation of ``conftest.py``: lot 1, cv required, quality out of 5. Alpha's day
rate is typed ``1,250.50`` (English) and Beta's ``1 250,50`` (French), each for 2 days; VAT
``20 %``, read alike under both conventions.
"""

from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

from typer.testing import CliRunner

from referent_ess import api
from referent_ess.cli import app

ConfigMaker = Callable[..., tuple[Path, Path]]
HEADER = "candidate;lot;day_rate_ht;days;vat_rate;cv;quality\n"


def offers(tmp_path: Path) -> Path:
    path = tmp_path / "offers.csv"
    path.write_text(
        HEADER + 'Alpha;1;"1,250.50";2;20 %;oui;4\nBeta;1;"1 250,50";2;20 %;oui;"3,5"\n',
        encoding="utf-8",
    )
    return path


def with_numbers(make_config: ConfigMaker, numbers: str | None) -> tuple[Path, Path]:
    lots, criteria = make_config()
    if numbers is not None:
        text = lots.read_text(encoding="utf-8")
        lots.write_text(
            text.replace("consultation:\n", f"consultation:\n  numbers: {numbers}\n"),
            encoding="utf-8",
        )
    return lots, criteria


def problems(report: api.ValidationReport) -> list[tuple[str, str | None]]:
    return [(p.code, p.cell) for p in report.errors]


def test_without_the_setting_the_english_amount_is_ambiguous(
    make_config: ConfigMaker, tmp_path: Path
) -> None:
    lots, criteria = with_numbers(make_config, None)
    report = api.validate(lots, criteria, offers(tmp_path))
    assert problems(report) == [("ambiguous-number", "C2")]
    (problem,) = report.errors
    assert "--numbers" in problem.message


def test_numbers_en_reads_the_english_amount_and_refuses_the_french_one(
    make_config: ConfigMaker, tmp_path: Path
) -> None:
    lots, criteria = with_numbers(make_config, "en")
    report = api.validate(lots, criteria, offers(tmp_path))
    # Beta: 1 250,50 and its mark 3,5 are French
    assert problems(report) == [
        ("wrong-number-convention", "C3"),
        ("wrong-number-convention", "G3"),
    ]
    book = api.load(lots, criteria, offers(tmp_path))[1]
    alpha = next(o for o in book.offers if o.candidate == "Alpha")
    assert alpha.day_rate_ht == Decimal("1250.50")


def test_numbers_fr_reads_the_french_amount_and_refuses_the_english_one(
    make_config: ConfigMaker, tmp_path: Path
) -> None:
    lots, criteria = with_numbers(make_config, "fr")
    report = api.validate(lots, criteria, offers(tmp_path))
    assert problems(report) == [("wrong-number-convention", "C2")]
    book = api.load(lots, criteria, offers(tmp_path))[1]
    beta = next(o for o in book.offers if o.candidate == "Beta")
    assert beta.day_rate_ht == Decimal("1250.50")
    assert beta.marks["quality"] == Decimal("3.5")


def test_the_option_prevails_over_lots_yaml(
    runner: CliRunner, make_config: ConfigMaker, tmp_path: Path
) -> None:
    lots, criteria = with_numbers(make_config, "fr")
    path = offers(tmp_path)
    args = ["validate", str(path), "--lots", str(lots), "--criteria", str(criteria)]
    result = runner.invoke(app, [*args, "--numbers", "en", "--format", "json"])
    assert result.exit_code == 1, result.output
    assert '"C3"' in result.stdout
    assert '"C2"' not in result.stdout


def test_an_unknown_convention_in_lots_yaml_is_a_configuration_error(
    runner: CliRunner, make_config: ConfigMaker, tmp_path: Path
) -> None:
    lots, criteria = with_numbers(make_config, "de")
    path = offers(tmp_path)
    result = runner.invoke(
        app, ["score", str(path), "--lots", str(lots), "--criteria", str(criteria)]
    )
    assert result.exit_code == 2
    assert "numbers" in result.stderr
