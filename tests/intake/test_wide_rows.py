"""Rows and headers far wider than an offers sheet needs (issue: hostile inputs, quadratic time).

A row of 20 000 cells right of the header used to take 52 s: one ``no-header`` warning per
cell, then each warning looked up in the offer's problems, one by one. Now the row's cells
under no header are one warning naming how many and the first and last, and every merge of
warnings is linear. The time itself is measured in benchmarks/run.py (``--only wide-row``);
here, what is reported, and that no step compares problems pairwise.

Columns: the 7 of the test consultation, A to G (candidate, lot, day_rate_ht, days, vat_rate,
cv, quality). Column 8 is H, 26 is Z, 27 AA, and 20 007 is ACOM (1 × 26³ + 3 × 26² + 15 × 26 +
13 = 17 576 + 2 028 + 390 + 13).
"""

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from referent_ess import api
from referent_ess.cli import app
from referent_ess.config.loader import load_config
from referent_ess.intake.offers import load_offers
from referent_ess.problems.problem import Problem, Severity, new_warnings

HEADER = "candidate;lot;day_rate_ht;days;vat_rate;cv;quality"
ALPHA = "Alpha;1;400;10;0,2;oui;4"
BETA = "Beta;1;300;10;0,2;oui;3"


def csv(tmp_path: Path, *lines: str) -> Path:
    path = tmp_path / "offers.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def strays(problems: Any) -> list[tuple[str | None, int | None, Severity, dict[str, str]]]:
    return [(p.cell, p.row, p.severity, dict(p.params)) for p in problems if p.code == "no-header"]


@pytest.fixture
def consultation(make_config: Callable[..., tuple[Path, Path]]) -> tuple[Path, Path]:
    return make_config()


def test_twenty_thousand_cells_right_of_the_header_are_one_warning(
    tmp_path: Path, consultation: tuple[Path, Path]
) -> None:
    path = csv(tmp_path, HEADER, ALPHA + ";x" * 20_000, BETA)
    book = load_offers(path, load_config(*consultation))
    assert strays(book.problems) == [
        (
            "H2",
            2,
            Severity.WARNING,
            {"form": "several", "count": "20000", "first": "H2", "last": "ACOM2"},
        )
    ]
    (problem,) = book.problems
    assert problem.message == (
        "20000 cells of this row, from H2 to ACOM2, have no header above them and are ignored"
    )
    alpha, beta = book.offers
    assert (alpha.candidate, alpha.day_rate_ht, beta.candidate) == ("Alpha", 400, "Beta")


def test_stray_cells_under_a_blank_header_and_right_of_it_are_counted_together(
    tmp_path: Path, consultation: tuple[Path, Path]
) -> None:
    header = "candidate;lot;;day_rate_ht;days;vat_rate;cv;quality"  # C has no header
    path = csv(
        tmp_path,
        header,
        "Alpha;1;note;400;10;0,2;oui;4;;x;;y",  # C2, J2 and L2: three cells, blanks not counted
        "Beta;1;;300;10;0,2;oui;3;z",  # I3 alone
        "Gamma;2;;350;10;0,2;oui;3;;;",  # nothing but empty cells
    )
    book = load_offers(path, load_config(*consultation))
    assert strays(book.problems) == [
        ("C2", 2, Severity.WARNING, {"form": "several", "count": "3", "first": "C2", "last": "L2"}),
        ("I3", 3, Severity.WARNING, {}),
    ]
    assert book.problems[-1].message == "this cell has no header above it and is ignored"


def test_a_long_blank_header_and_short_rows_look_only_at_the_rows_cells(
    tmp_path: Path, consultation: tuple[Path, Path]
) -> None:
    # 20 000 empty header cells after the last title, rows of 8 cells: the 8th (H) is stray
    path = csv(tmp_path, HEADER + ";" * 20_000, ALPHA + ";x", BETA)
    book = load_offers(path, load_config(*consultation))
    assert strays(book.problems) == [("H2", 2, Severity.WARNING, {})]


def test_score_and_validate_of_a_wide_row(
    runner: CliRunner, tmp_path: Path, consultation: tuple[Path, Path]
) -> None:
    lots, criteria = consultation
    path = csv(tmp_path, HEADER, ALPHA + ";x" * 20_000, BETA)
    config = ["--lots", str(lots), "--criteria", str(criteria)]
    scored = runner.invoke(app, ["score", str(path), *config])
    assert scored.exit_code == 0, scored.output
    assert scored.stderr == (
        f"warning: {path}: H2: 20000 cells of this row, from H2 to ACOM2, have no header above "
        "them and are ignored [no-header]\n"
    )
    report = api.validate(lots, criteria, path)
    assert report.valid
    assert [(p.code, p.cell) for p in report.warnings] == [("no-header", "H2")]


def test_warnings_are_merged_without_comparing_them_pairwise(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    known = [Problem("no-header", cell=f"H{row}", row=row) for row in range(2, 3002)]
    added = [Problem("other-cap", params=(("n", str(n)),)) for n in range(3000)]
    comparisons = 0
    equal = Problem.__eq__

    def counted(self: Problem, other: object) -> bool:
        nonlocal comparisons
        comparisons += 1
        return equal(self, other)

    monkeypatch.setattr(Problem, "__eq__", counted)
    merged = new_warnings([*known[:10], *added, known[-1]], known)
    assert merged == added  # the offer's own problems are not repeated; the order is kept
    # one look-up per warning (and a few hash collisions), never 3 000 × 3 000
    assert comparisons < 10 * (len(added) + 11)
