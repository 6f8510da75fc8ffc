"""The ``referent`` command line: exit codes, every output format, errors, help, environment.

Every expected value is written by hand. For the bundled example (``lots.yaml``,
``criteria.yaml``, ``examples/offers-2018.xlsx``) the figures come from the raw numbers of
``examples/make_offers.py``, as worked out in ``test_example_known_answers.py``:

- points of a marked criterion = weight x mark / 5 (context 30, technical 30, competence 20);
  price points = 20 x Pmin / P on the HT price, Pmin the lowest admissible price of the lot;
- lot 3: Pmin 9000.00. Row 6 = 30 + 27 + 16 + 750/49 = 4327/49 (88.31); rows 14 and 11 both
  = 81 (tie broken by price points: 20 vs 18); row 3 = 50 + 120/7 = 470/7 (67.14).
  Gaps to the first: 4327/49 - 81 = 358/49 = 7.306... (7.31) and 4327/49 - 470/7 = 1037/49 =
  21.163... (21.16: the exact gap, not 88.31 - 67.14 = 21.17);
- lot 4: Pmin 9613.73 (447.15 x 21.5 = 9613.725, half up). Row 7 = 64 + 20 x 9613.73 / 11880
  = 80.1847... (80.18, price 16.18); row 13 = 77, gap 3.1847... (3.18). Row 5 has no CV
  (incomplete), row 10 is 650 x 20 = 13000.00 > cap 12500.00 HT (over_cap, margin -500.00).

The small consultation of ``conftest.py`` (lot 1 cap 10000 HT, lot 2 cap 5000 HT / 6000 TTC;
quality 60 points on a 0-5 scale, price 40 points, proportional on HT) is used for broken inputs.
"""

import csv
import hashlib
import io
import json
import os
import shutil
import subprocess
import sys
from collections.abc import Callable, Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner, Result

from referent_ess.cli import app

ROOT = Path(__file__).resolve().parents[2]
LOTS = ROOT / "lots.yaml"
CRITERIA = ROOT / "criteria.yaml"
WORKBOOK = ROOT / "examples" / "offers-2018.xlsx"
CONFIG = ["--lots", str(LOTS), "--criteria", str(CRITERIA)]

D = Decimal
ConfigMaker = Callable[..., tuple[Path, Path]]
WorkbookMaker = Callable[..., Path]

TITLE = "Référent de secteur d'activité de l'ESS 2018"
LEGAL_LATE = "offre hors délai, éliminée : art. R2143-2 et R2151-5 du Code de la commande publique"
LEGAL_INCOMPLETE = (
    "offre irrégulière : art. L2152-2 du Code de la commande publique "
    "(l'acheteur peut en autoriser la régularisation : art. R2152-2)"
)
LEGAL_OVER_CAP = "offre inacceptable : art. L2152-3 du Code de la commande publique"


def run(
    runner: CliRunner, args: Sequence[str], code: int, env: dict[str, str] | None = None
) -> Result:
    """Invoke the app and check its exit code; a bug (any other exception) fails the test."""
    result = runner.invoke(app, list(args), env=env)
    assert result.exit_code == code, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(
        result.exception
    )
    assert "Traceback" not in result.output
    return result


def as_json(result: Result) -> Any:
    """stdout as JSON, floats as exact decimals (so 16.18 compares equal to Decimal('16.18'))."""
    return json.loads(result.stdout, parse_float=Decimal)


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def lot_of(data: dict[str, Any], lot_id: int) -> dict[str, Any]:
    (lot,) = [lot for lot in data["lots"] if lot["id"] == lot_id]
    return lot


def ttc_check(cap: str, price: str, margin: str, *, within: bool = True) -> list[dict[str, Any]]:
    """The repository's lots.yaml checks prices TTC (the call states its caps TTC)."""
    return [{"basis": "ttc", "cap": cap, "price": price, "margin": margin, "within": within}]


# ---- the bundled example: exit codes ---------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "code"),
    [
        (["score"], 0),
        (["rank", "--lot", "3"], 0),
        (["check-budget"], 1),  # row 10 of lot 4: 13000.00 HT > cap 12500.00 HT
        (["validate"], 0),
    ],
)
def test_example_exit_codes(runner: CliRunner, args: list[str], code: int) -> None:
    result = run(runner, [*args, *CONFIG], code)
    assert result.stdout
    assert result.stderr == ""  # the example has no warning


def test_example_validate_and_budget_summaries(runner: CliRunner) -> None:
    validate = run(runner, ["validate", *CONFIG], 0)
    assert validate.stdout == "valid: 0 error(s), 0 warning(s)\n"
    budget = run(runner, ["check-budget", *CONFIG], 1)
    assert budget.stdout.splitlines()[-1] == "14 offer(s) checked; 1 over the cap"


# ---- score --format json ---------------------------------------------------------------------


def test_score_json_header(runner: CliRunner) -> None:
    data = as_json(run(runner, ["score", "--format", "json", *CONFIG], 0))
    assert data["tool"] == {"name": "referent", "version": "0.1.0"}
    assert data["inputs"] == {
        "lots": {"path": str(LOTS), "sha256": sha256(LOTS)},
        "criteria": {"path": str(CRITERIA), "sha256": sha256(CRITERIA)},
        # consultation.offers of lots.yaml, resolved against the folder of lots.yaml
        "offers": {"path": str(WORKBOOK), "sha256": sha256(WORKBOOK)},
    }
    assert data["consultation"] == {
        "title": TITLE,
        "buyer": "Les Ecossolies",
        "deadline": "2018-03-23",
        "cap_basis": "ttc",
        "abnormally_low_method": "mean-ratio",
    }
    assert [(lot["id"], lot["title"], lot["cap_ht"], lot["cap_ttc"]) for lot in data["lots"]] == [
        (1, "Services aux personnes et aux familles", "8333.00", "10000.00"),
        (2, "Circuits courts et alimentation", "8333.00", "10000.00"),
        (3, "Habitat, Rénovation, Construire autrement", "12500.00", "15000.00"),
        (4, "Réemploi et ressources", "12500.00", "15000.00"),
    ]
    assert data["unplaced_offers"] == []
    assert data["problems"] == []
    assert [[o["row"] for o in lot["offers"]] for lot in data["lots"]] == [
        [9, 4, 15],  # ranked by rank, then the late row 15
        [8, 2, 12],
        [6, 14, 11, 3],
        [7, 13, 5, 10],  # ranked, then incomplete row 5 and over-cap row 10 in sheet order
    ]


def test_score_json_lot_4_field_by_field(runner: CliRunner) -> None:
    data = as_json(run(runner, ["score", "--format", "json", *CONFIG], 0))
    lot = lot_of(data, 4)
    assert isinstance(lot["offers"][0]["total"], Decimal)  # a JSON number, not a string
    assert isinstance(lot["offers"][0]["points"]["price"], Decimal)
    assert lot == {
        "id": 4,
        "title": "Réemploi et ressources",
        "cap_ht": "12500.00",
        "cap_ttc": "15000.00",
        "provisional": False,
        "award": {"candidate": "Les Bâtisseurs Solidaires (SCOP)", "row": 7},
        "award_note": None,
        "abnormally_low_note": (
            "Abnormally low offers: fewer than 3 admissible offers, so the mean-ratio method "
            "does not apply; judge the prices case by case"
        ),
        "lowest_price": "9613.73",  # admissible only: not row 5's 8000.00
        "highest_price": "11880.00",
        "offers": [
            {
                "candidate": "Les Bâtisseurs Solidaires (SCOP)",
                "row": 7,
                "status": "admissible",
                "rank": 1,
                "day_rate_ht": "540.00",
                "days": "22",
                "vat_rate": "0.20",
                "price_ht": "11880.00",  # 540 x 22
                "price_ttc": "14256.00",  # x 1.2
                "points": {
                    "context": D("24"),  # 30 x 4 / 5
                    "technical": D("24"),
                    "competence": D("16"),  # 20 x 4 / 5
                    "price": D("16.18"),  # 20 x 9613.73 / 11880 = 16.1847...
                },
                "marks": {"context": D("4"), "technical": D("4"), "competence": D("4")},
                "evaluator_marks": {},
                "total": D("80.18"),
                "gap_to_first": D("0"),
                "budget": ttc_check("15000.00", "14256.00", "744.00"),
                "reasons": [],
                "warnings": [],
            },
            {
                "candidate": "Ressourceries en Réseau",
                "row": 13,
                "status": "admissible",
                "rank": 2,
                "day_rate_ht": "447.15",
                "days": "21.5",
                "vat_rate": "0.20",
                "price_ht": "9613.73",  # 9613.725 half up
                "price_ttc": "11536.48",  # 11536.476 half up
                "points": {
                    "context": D("21"),  # 30 x 3.5 / 5
                    "technical": D("24"),
                    "competence": D("12"),  # 20 x 3 / 5
                    "price": D("20"),  # Pmin itself
                },
                "marks": {"context": D("3.5"), "technical": D("4"), "competence": D("3")},
                "evaluator_marks": {},
                "total": D("77"),
                "gap_to_first": D("3.18"),
                "budget": ttc_check("15000.00", "11536.48", "3463.52"),
                "reasons": [],
                "warnings": [],
            },
            {
                "candidate": "Second Souffle Conseil",
                "row": 5,
                "status": "incomplete",
                "rank": None,
                "day_rate_ht": "400.00",
                "days": "20",
                "vat_rate": "0.20",
                "price_ht": "8000.00",
                "price_ttc": "9600.00",
                "points": {"context": D("24"), "technical": D("24"), "competence": D("16")},
                "marks": {"context": D("4"), "technical": D("4"), "competence": D("4")},
                "evaluator_marks": {},
                "total": None,
                "gap_to_first": None,
                "budget": ttc_check("15000.00", "9600.00", "5400.00"),
                "reasons": [
                    {
                        "code": "incomplete",
                        "status": "incomplete",
                        "message": "missing required document: presentation_cv",
                        "cell": "J5",
                        "legal_basis": LEGAL_INCOMPLETE,
                    }
                ],
                "warnings": [],
            },
            {
                "candidate": "Recyclerie Coopérative de l'Ouest (SCIC)",
                "row": 10,
                "status": "over_cap",
                "rank": None,
                "day_rate_ht": "650.00",
                "days": "20",
                "vat_rate": "0.20",
                "price_ht": "13000.00",
                "price_ttc": "15600.00",
                "points": {"context": D("27"), "technical": D("27"), "competence": D("16")},
                "marks": {"context": D("4.5"), "technical": D("4.5"), "competence": D("4")},
                "evaluator_marks": {},
                "total": None,
                "gap_to_first": None,
                "budget": ttc_check("15000.00", "15600.00", "-600.00", within=False),
                "reasons": [
                    {
                        "code": "over_cap",
                        "status": "over_cap",
                        "message": (
                            "price TTC 15600.00 exceeds the lot's cap TTC 15000.00 by 600.00"
                        ),
                        "cell": "C10",
                        "legal_basis": LEGAL_OVER_CAP,
                    }
                ],
                "warnings": [],
            },
        ],
        "ties": [],
    }


def test_score_json_records_the_tie_of_lot_3(runner: CliRunner) -> None:
    data = as_json(run(runner, ["score", "--format", "json", *CONFIG], 0))
    # rows 14 and 11 both total 24 + 21 + 16 + 20 = 24 + 21 + 18 + 18 = 81
    assert lot_of(data, 3)["ties"] == [
        {"total": D("81"), "rows": [14, 11], "decided_by": "price", "shared_ranks": []}
    ]


def test_score_json_late_offer_of_lot_1(runner: CliRunner) -> None:
    data = as_json(run(runner, ["score", "--format", "json", *CONFIG], 0))
    late = lot_of(data, 1)["offers"][2]
    assert (late["row"], late["candidate"], late["status"]) == (
        15,
        "Parenthèse Familles Conseil",
        "late",
    )
    assert (late["rank"], late["total"], late["gap_to_first"]) == (None, None, None)
    assert "price" not in late["points"]  # never priced: not admissible
    assert late["price_ht"] == "5700.00"  # 380 x 15
    assert late["reasons"] == [
        {
            "code": "late",
            "status": "late",
            "message": "received 2018-03-26, after the deadline 2018-03-23",
            "cell": "G15",
            "legal_basis": LEGAL_LATE,
        }
    ]


# ---- rank and --lot --------------------------------------------------------------------------


def test_rank_lot_3_json_gaps(runner: CliRunner) -> None:
    data = as_json(run(runner, ["rank", "--lot", "3", "--format", "json", *CONFIG], 0))
    assert [lot["id"] for lot in data["lots"]] == [3]
    got = [(o["row"], o["rank"], o["total"], o["gap_to_first"]) for o in data["lots"][0]["offers"]]
    assert got == [
        (6, 1, D("88.31"), D("0")),
        (14, 2, D("81"), D("7.31")),  # 358/49
        (11, 3, D("81"), D("7.31")),  # same total, fewer price points
        (3, 4, D("67.14"), D("21.16")),  # 1037/49, the exact gap
    ]


def test_rank_unknown_lot_is_an_error(runner: CliRunner) -> None:
    result = run(runner, ["rank", "--lot", "9", *CONFIG], 2)
    assert result.stdout == ""
    assert result.stderr == f"error: {LOTS}: there is no lot 9 (lots: 1, 2, 3, 4) [no-such-lot]\n"


def test_score_one_lot(runner: CliRunner) -> None:
    data = as_json(run(runner, ["score", "--lot", "3", "--format", "json", *CONFIG], 0))
    assert [lot["id"] for lot in data["lots"]] == [3]
    assert [o["row"] for o in data["lots"][0]["offers"]] == [6, 14, 11, 3]
    table = run(runner, ["score", "--lot", "3", *CONFIG], 0).stdout
    assert "Lot 3 — Habitat, Rénovation, Construire autrement" in table
    for other in ("Lot 1 —", "Lot 2 —", "Lot 4 —"):
        assert other not in table
    assert "Réemploi" not in table


def test_rank_lot_3_table(runner: CliRunner) -> None:
    stdout = run(runner, ["rank", "--lot", "3", *CONFIG], 0).stdout
    # Whole lines, compared without the table's outer padding (its edges are a layout choice).
    lines = [line.strip() for line in stdout.splitlines()]
    assert lines[:3] == [
        f"Inputs: {LOTS}, {CRITERIA}, {WORKBOOK} (sheet 'offers', SHA-256 "
        f"{hashlib.sha256(WORKBOOK.read_bytes()).hexdigest()[:12]}…)",
        "Lot 3 — Habitat, Rénovation, Construire autrement",
        "cap 12500.00 € HT / 15000.00 € TTC · 4 admissible offer(s) ranked",
    ]
    header = [
        "Price      Price   context   technical   competence   price   Total",
        "Rank   Candidate                                HT        TTC       /30         /30"
        "          /20     /20    /100     Gap",
    ]
    rows = [
        "★ 1   Les Bâtisseurs Solidaires (SCOP)   11760.00   14112.00     30.00       27.00"
        "        16.00   15.31   88.31    0.00",
        "2   Atelier Matières Vives (SCIC)       9000.00   10800.00     24.00       21.00"
        "        16.00   20.00   81.00    7.31",
        "3   Échelle Habitat (SCOP)             10000.00   12000.00     24.00       21.00"
        "        18.00   18.00   81.00    7.31",
        "4   Habiter Autrement 44               10500.00   12600.00     18.00       18.00"
        "        14.00   17.14   67.14   21.16",
    ]
    start = lines.index(header[0])
    assert lines[start : start + 2] == header
    assert set(lines[start + 2]) == {"─"}  # the rule under the header
    assert lines[start + 3 : start + 7] == rows
    assert lines[start + 7] == (
        "Price points (price): proportional on the price HT of the admissible offers, "
        "20 × Pmin / P, with Pmin = 9000.00."
    )
    # 24 + 21 + 16 + 20 = 81 = 24 + 21 + 18 + 18: the note says what decided
    assert lines[start + 8] == (
        "Exact tie at 81.00 between Atelier Matières Vives (SCIC) and Échelle Habitat (SCOP): "
        "decided by price points (20.00, 18.00)."
    )
    assert all(line == "" for line in lines[start + 9 :])  # lot 3 has no excluded offer
    assert "Not ranked" not in stdout


# ---- score: CSV and Markdown -----------------------------------------------------------------

CSV_HEADER = [
    "lot",
    "rank",
    "candidate",
    "row",
    "status",
    "day_rate_ht",
    "days",
    "vat_rate",
    "price_ht",
    "price_ttc",
    "context",
    "technical",
    "competence",
    "price",
    "total",
    "gap_to_first",
    "reasons",
]


def test_score_csv(runner: CliRunner) -> None:
    stdout = run(runner, ["score", "--format", "csv", *CONFIG], 0).stdout
    header, *rows = list(csv.reader(io.StringIO(stdout)))
    assert header == CSV_HEADER
    assert [(r[0], r[3]) for r in rows] == [
        ("1", "9"),
        ("1", "4"),
        ("1", "15"),
        ("2", "8"),
        ("2", "2"),
        ("2", "12"),
        ("3", "6"),
        ("3", "14"),
        ("3", "11"),
        ("3", "3"),
        ("4", "7"),
        ("4", "13"),
        ("4", "5"),
        ("4", "10"),
    ]
    by_row = {r[3]: r for r in rows}
    assert by_row["9"] == [
        "1", "1", "Cap Services Coop (SCOP)", "9", "admissible",
        "487.50", "16", "0.20", "7800.00", "9360.00",
        "21.00", "24.00", "18.00", "19.38", "82.38", "0.00", "",
    ]  # fmt: skip
    assert by_row["4"][6:10] == ["18", "0.00", "7560.00", "7560.00"]  # VAT-exempt
    assert by_row["4"][14:16] == ["81.00", "1.38"]  # 1071/13 - 81 = 18/13
    assert by_row["13"] == [
        "4", "2", "Ressourceries en Réseau", "13", "admissible",
        "447.15", "21.5", "0.20", "9613.73", "11536.48",
        "21.00", "24.00", "12.00", "20.00", "77.00", "3.18", "",
    ]  # fmt: skip
    assert by_row["10"] == [
        "4", "", "Recyclerie Coopérative de l'Ouest (SCIC)", "10", "over_cap",
        "650.00", "20", "0.20", "13000.00", "15600.00",
        "27.00", "27.00", "16.00", "", "", "",
        "over_cap: price TTC 15600.00 exceeds the lot's cap TTC 15000.00 by 600.00",
    ]  # fmt: skip
    assert by_row["15"][1] == ""
    assert by_row["15"][4] == "late"
    assert by_row["15"][-1] == "late: received 2018-03-26, after the deadline 2018-03-23"


def test_score_markdown(runner: CliRunner) -> None:
    stdout = run(runner, ["score", "--format", "markdown", *CONFIG], 0).stdout
    lines = stdout.splitlines()
    assert lines[0] == f"# {TITLE}"
    heading = lines.index("## Lot 3 — Habitat, Rénovation, Construire autrement")
    assert lines[heading + 2] == "Cap: 12500.00 € HT / 15000.00 € TTC"
    assert lines[heading + 4] == (
        "| Rank | Candidate | Price HT | Price TTC | context | technical | competence | price "
        "| Total |"
    )
    assert lines[heading + 6] == (
        "| **1** | **Les Bâtisseurs Solidaires (SCOP)** | **11760.00** | **14112.00** "
        "| **30.00** | **27.00** | **16.00** | **15.31** | **88.31** |"
    )
    assert lines[heading + 7] == (
        "| 2 | Atelier Matières Vives (SCIC) | 9000.00 | 10800.00 | 24.00 | 21.00 | 16.00 "
        "| 20.00 | 81.00 |"
    )
    # how the price points were computed, with the figure used: Pmin = 9000.00 (row 14)
    assert lines[heading + 11] == (
        "Price points (price): proportional on the price HT of the admissible offers, "
        "20 × Pmin / P, with Pmin = 9000.00."
    )
    excluded = (
        "- Second Souffle Conseil (row 5): incomplete — missing required document: "
        f"presentation_cv (J5) — {LEGAL_INCOMPLETE}"
    )
    assert excluded in lines
    assert [line for line in lines if line.startswith("## ")] == [
        "## Lot 1 — Services aux personnes et aux familles",
        "## Lot 2 — Circuits courts et alimentation",
        "## Lot 3 — Habitat, Rénovation, Construire autrement",
        "## Lot 4 — Réemploi et ressources",
    ]
    bold_rows = [line for line in lines if line.startswith("| **")]
    assert [row.split(" | ")[1] for row in bold_rows] == [
        "**Cap Services Coop (SCOP)**",
        "**SCIC Nourrir l'Estuaire**",
        "**Les Bâtisseurs Solidaires (SCOP)**",
        "**Les Bâtisseurs Solidaires (SCOP)**",
    ]


# ---- check-budget: JSON and CSV --------------------------------------------------------------


def test_check_budget_json(runner: CliRunner) -> None:
    data = as_json(run(runner, ["check-budget", "--format", "json", *CONFIG], 1))
    assert data["summary"] == {"checked": 14, "over_cap": 1, "unchecked": 0}
    assert data["tool"] == {"name": "referent", "version": "0.1.0"}
    lot = lot_of(data, 4)
    assert [o["row"] for o in lot["offers"]] == [5, 7, 10, 13]  # sheet order
    over = lot["offers"][2]
    assert over == {
        "candidate": "Recyclerie Coopérative de l'Ouest (SCIC)",
        "row": 10,
        "day_rate_ht": "650.00",
        "days": "20",
        "vat_rate": "0.20",
        "price_ht": "13000.00",
        "price_ttc": "15600.00",
        "budget": ttc_check("15000.00", "15600.00", "-600.00", within=False),
        "verdict": "over",
    }
    verdicts = [o["verdict"] for lot in data["lots"] for o in lot["offers"]]
    assert verdicts.count("ok") == 13
    # the late row 15 is checked too: 10000.00 - 6840.00
    late = lot_of(data, 1)["offers"][2]
    assert (late["row"], late["budget"][0]["margin"], late["verdict"]) == (15, "3160.00", "ok")


def test_check_budget_csv(runner: CliRunner) -> None:
    stdout = run(runner, ["check-budget", "--format", "csv", *CONFIG], 1).stdout
    header, *rows = list(csv.reader(io.StringIO(stdout)))
    assert header == [
        "lot",
        "candidate",
        "row",
        "day_rate_ht",
        "days",
        "vat_rate",
        "price_ht",
        "price_ttc",
        "basis",
        "cap",
        "margin",
        "verdict",
    ]
    assert len(rows) == 14  # one per offer: the basis is ttc only
    assert [r[2] for r in rows] == [
        "4", "9", "15", "2", "8", "12", "3", "6", "11", "14", "5", "7", "10", "13",
    ]  # fmt: skip
    by_row = {r[2]: r for r in rows}
    assert by_row["10"] == [
        "4", "Recyclerie Coopérative de l'Ouest (SCIC)", "10", "650.00", "20", "0.20",
        "13000.00", "15600.00", "ttc", "15000.00", "-600.00", "over",
    ]  # fmt: skip
    assert by_row["8"][-2:] == ["280.00", "ok"]  # 10000.00 - 9720.00
    assert by_row["13"][3:] == [
        "447.15", "21.5", "0.20", "9613.73", "11536.48", "ttc", "15000.00", "3463.52", "ok",
    ]  # fmt: skip
    assert [r[-1] for r in rows].count("over") == 1


# ---- validate on a broken workbook -----------------------------------------------------------


@pytest.fixture
def broken(make_config: ConfigMaker, make_workbook: WorkbookMaker) -> list[str]:
    """A bad day rate (C2), an unknown lot (B3) and a good offer; returns the CLI arguments."""
    lots, criteria = make_config()
    workbook = make_workbook(
        [
            ["Alpha", 1, "abc", 10, 0.2, "oui", 4],
            ["Beta", 7, 500, 10, 0.2, "oui", 3],
            ["Gamma", 2, 400, 10, 0.2, "oui", 3],
        ]
    )
    return [str(workbook), "--lots", str(lots), "--criteria", str(criteria)]


def test_validate_broken_workbook(runner: CliRunner, broken: list[str]) -> None:
    result = run(runner, ["validate", *broken], 1)
    lines = [line.rstrip() for line in result.stdout.splitlines()]
    assert lines[-1] == "not valid: 2 error(s), 0 warning(s)"
    assert any("offers!C2" in line and "bad-number" in line for line in lines)
    assert any("offers!B3" in line and "unknown-lot" in line for line in lines)


def test_score_says_on_stderr_which_offers_could_not_be_evaluated(
    runner: CliRunner, broken: list[str]
) -> None:
    result = run(runner, ["score", "--format", "json", *broken], 1)
    # Alpha (row 2, bad day rate) is invalid in lot 1; Beta (row 3, lot 7) has no lot, so it
    # could belong to any lot: every ranking is provisional, and the exit code says so
    assert result.stderr == (
        f"warning: {broken[0]}: the ranking of lots 1 and 2 is provisional: 2 offer(s) could not "
        "be evaluated because of data errors (rows 2, 3); correct them (see `referent validate`) "
        "before deciding\n"
    )
    data = json.loads(result.stdout)
    assert [o["row"] for o in data["unplaced_offers"]] == [3]
    assert data["lots"][0]["offers"][0]["status"] == "invalid"
    assert [lot["provisional"] for lot in data["lots"]] == [True, True]


def test_a_provisional_ranking_marks_no_winner(runner: CliRunner, broken: list[str]) -> None:
    result = run(runner, ["rank", "--lot", "2", *broken], 1)
    lines = [line.strip() for line in result.stdout.splitlines()]
    assert lines[3].startswith("PROVISIONAL: some offers could not be evaluated")
    assert "★" not in result.stdout
    # Gamma, alone in lot 2: 60 × 3/5 + 40 = 76
    assert ["1", "Gamma", "4000.00", "4800.00", "36.00", "40.00", "76.00", "0.00"] in [
        line.split() for line in lines
    ]


def test_validate_broken_workbook_json(runner: CliRunner, broken: list[str]) -> None:
    data = as_json(run(runner, ["validate", "--format", "json", *broken], 1))
    workbook = broken[0]
    assert data == {
        "valid": False,
        "errors": [
            {
                "file": workbook,
                "code": "bad-number",
                "severity": "error",
                "sheet": "offers",
                "cell": "C2",
                "row": 2,
                "field": "day_rate_ht",
                "message": "'abc' is not a number; expected e.g. 450, 450.50, 450,50 or 1 234,50 €",
            },
            {
                "file": workbook,
                "code": "unknown-lot",
                "severity": "error",
                "sheet": "offers",
                "cell": "B3",
                "row": 3,
                "field": "lot",
                "message": "lot 7 is not in lots.yaml (lots: 1, 2)",
            },
        ],
        "warnings": [],
    }


def test_validate_broken_workbook_csv(runner: CliRunner, broken: list[str]) -> None:
    stdout = run(runner, ["validate", "--format", "csv", *broken], 1).stdout
    assert list(csv.reader(io.StringIO(stdout))) == [
        ["severity", "file", "sheet", "cell", "row", "field", "code", "message"],
        ["error", broken[0], "offers", "C2", "2", "day_rate_ht", "bad-number",
         "'abc' is not a number; expected e.g. 450, 450.50, 450,50 or 1 234,50 €"],
        ["error", broken[0], "offers", "B3", "3", "lot", "unknown-lot",
         "lot 7 is not in lots.yaml (lots: 1, 2)"],
    ]  # fmt: skip


def test_check_budget_counts_offers_without_price(runner: CliRunner, broken: list[str]) -> None:
    # Gamma: 400 x 10 = 4000.00 <= 5000.00. Alpha has no day rate, Beta no lot: neither checked.
    data = as_json(run(runner, ["check-budget", "--format", "json", *broken], 1))
    assert data["summary"] == {"checked": 1, "over_cap": 0, "unchecked": 2}
    assert lot_of(data, 2)["offers"][0]["budget"][0]["margin"] == "1000.00"
    assert lot_of(data, 1)["offers"][0]["verdict"] == "unchecked"


def test_check_budget_csv_lists_offers_without_a_valid_lot(
    runner: CliRunner, broken: list[str]
) -> None:
    # Regression: at 9e215ab the budget CSV and table silently dropped such offers.
    stdout = run(runner, ["check-budget", "--format", "csv", *broken], 1).stdout
    rows = list(csv.reader(io.StringIO(stdout)))[1:]
    assert sorted(r[2] for r in rows) == ["2", "3", "4"]  # one row per offer, Beta (row 3) too
    (beta,) = [r for r in rows if r[2] == "3"]
    assert beta == [
        "",
        "Beta",
        "3",
        "500.00",
        "10",
        "0.20",
        "5000.00",
        "6000.00",
        "",
        "",
        "",
        "unchecked",
    ]
    table = run(runner, ["check-budget", *broken], 1).stdout
    assert "Beta" in table


# ---- warnings on stderr ----------------------------------------------------------------------


@pytest.fixture
def odd_vat(make_config: ConfigMaker, make_workbook: WorkbookMaker) -> list[str]:
    """Lot 1's offer states a 19 % VAT rate (a warning), lot 2's is clean."""
    lots, criteria = make_config()
    workbook = make_workbook(
        [["Alpha", 1, 300, 10, 0.19, "oui", 4], ["Beta", 2, 400, 10, 0.2, "oui", 3]]
    )
    return [str(workbook), "--lots", str(lots), "--criteria", str(criteria)]


def vat_warning(workbook: str) -> str:
    return (
        f"warning: {workbook}: offers!E2: vat_rate: VAT rate 19 % is not a French rate "
        "(20, 10, 5.5, 2.1, 0 %, or the overseas 8.5, 1.75, 1.05 %); check the cell "
        "[unusual-vat-rate]\n"
    )


def test_warnings_go_to_stderr(runner: CliRunner, odd_vat: list[str]) -> None:
    result = run(runner, ["score", "--format", "json", *odd_vat], 0)
    assert result.stderr == vat_warning(odd_vat[0])
    as_json(result)  # stdout stays pure JSON
    assert run(runner, ["rank", "--lot", "1", *odd_vat], 0).stderr == vat_warning(odd_vat[0])
    assert run(runner, ["rank", "--lot", "2", *odd_vat], 0).stderr == ""


def test_score_one_lot_warns_only_about_that_lot(runner: CliRunner, odd_vat: list[str]) -> None:
    # Regression: at 9e215ab `score --lot 2` repeated the warning about lot 1's offer.
    assert run(runner, ["score", "--lot", "2", *odd_vat], 0).stderr == ""
    assert run(runner, ["score", "--lot", "1", *odd_vat], 0).stderr == vat_warning(odd_vat[0])


# ---- unusable input: exit 2 and one `error:` line per problem ---------------------------------


def test_missing_offers_file(runner: CliRunner, tmp_path: Path) -> None:
    missing = tmp_path / "nope.xlsx"
    result = run(runner, ["score", str(missing), *CONFIG], 2)
    assert result.stdout == ""
    assert result.stderr == f"error: {missing}: file not found [file-not-found]\n"


def test_yaml_syntax_error_names_the_line(
    runner: CliRunner, make_config: ConfigMaker, make_workbook: WorkbookMaker
) -> None:
    lots, criteria = make_config(
        lots_text=(
            "consultation:\n"
            "  title: Test consultation\n"
            "  deadline: 2018-03-23\n"
            "  vat_rate: 0.20: oops\n"  # line 4: a second ':' in a plain value
            "lots:\n"
            "  - id: 1\n"
            "    title: Lot one\n"
            "    cap_ht: 10000\n"
        )
    )
    workbook = make_workbook([["Alpha", 1, 300, 10, 0.2, "oui", 4]])
    result = run(
        runner, ["score", str(workbook), "--lots", str(lots), "--criteria", str(criteria)], 2
    )
    assert result.stdout == ""
    assert result.stderr.splitlines() == [
        f"error: {lots}:4: YAML syntax error (column 17): mapping values are not allowed here; "
        "check the indentation (spaces, not tabs) and the quotes on this line and the one before "
        "[yaml-syntax]"
    ]


CRITERIA_TEXT = """\
total: 100
marks_scale: 5
criteria:
  - id: quality
    label: Quality
    weight: 60
  - id: price
    label: Price
    weight: 40
    price:
      formula: proportional
      basis: ht
tie_break: [price]
"""


def test_weights_must_sum_to_100(
    runner: CliRunner, make_config: ConfigMaker, make_workbook: WorkbookMaker
) -> None:
    lots, criteria = make_config(criteria_text=CRITERIA_TEXT.replace("weight: 40", "weight: 30"))
    workbook = make_workbook([["Alpha", 1, 300, 10, 0.2, "oui", 4]])
    result = run(
        runner, ["score", str(workbook), "--lots", str(lots), "--criteria", str(criteria)], 2
    )
    assert result.stdout == ""
    # line 3 of CRITERIA_TEXT is `criteria:`
    assert result.stderr.splitlines() == [
        f"error: {criteria}:3: criteria: weights must sum to 100, found 60 + 30 = 90 [weights-sum]"
    ]


def test_unknown_key_suggests_the_right_one(
    runner: CliRunner, make_config: ConfigMaker, make_workbook: WorkbookMaker
) -> None:
    lots, criteria = make_config(criteria_text=CRITERIA_TEXT.replace("weight: 40", "wieght: 40"))
    workbook = make_workbook([["Alpha", 1, 300, 10, 0.2, "oui", 4]])
    result = run(
        runner, ["score", str(workbook), "--lots", str(lots), "--criteria", str(criteria)], 2
    )
    # line 9 is the misspelt key (the weight it should have been is the same mistake)
    assert result.stderr.splitlines() == [
        f"error: {criteria}:9: criteria.1.wieght: unknown key 'wieght' (did you mean 'weight'?) "
        "[unknown-key]",
    ]


def test_no_offers_workbook_configured(
    runner: CliRunner, make_config: ConfigMaker, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    lots, criteria = make_config()  # conftest's lots.yaml has no consultation.offers
    monkeypatch.chdir(tmp_path)
    result = run(runner, ["score", "--lots", str(lots), "--criteria", str(criteria)], 2)
    assert result.stdout == ""
    assert result.stderr == (
        f"error: {lots}: no offers workbook given; pass it after the command "
        "(e.g. `referent score offers.xlsx`) or set consultation.offers in lots.yaml "
        "[no-offers-file]\n"
    )


@pytest.fixture
def no_days(make_config: ConfigMaker, make_workbook: WorkbookMaker) -> list[str]:
    """A workbook without the required `days` column; returns the CLI arguments."""
    lots, criteria = make_config()
    workbook = make_workbook(
        [["Alpha", 1, 300, 0.2, "oui", 4]],
        header=["candidate", "lot", "day_rate_ht", "vat_rate", "cv", "quality"],
    )
    return [str(workbook), "--lots", str(lots), "--criteria", str(criteria)]


NO_DAYS = (
    "no column for days: add a column headed one of 'days', 'jours', 'nombre de jours', "
    "'nb jours', 'nb de jours', 'durée en jours'"
)


@pytest.mark.parametrize("command", ["score", "check-budget"])
def test_missing_required_column_is_unusable(
    runner: CliRunner, no_days: list[str], command: str
) -> None:
    result = run(runner, [command, *no_days], 2)
    assert result.stdout == ""
    assert result.stderr == f"error: {no_days[0]}: sheet 'offers': {NO_DAYS} [missing-column]\n"


def test_missing_required_column_is_a_validation_error(
    runner: CliRunner, no_days: list[str]
) -> None:
    # Regression: at 9e215ab validate crashed (AssertionError in evaluate._basis_price, exit 1
    # by accident, with a traceback): an offer without a days column was taken as admissible.
    data = as_json(run(runner, ["validate", "--format", "json", *no_days], 1))
    assert data["valid"] is False
    assert data["errors"] == [
        {
            "file": no_days[0],
            "code": "missing-column",
            "severity": "error",
            "sheet": "offers",
            "cell": None,
            "row": 1,
            "field": "days",
            "message": NO_DAYS,
        }
    ]


def test_missing_marks_column_blocks_score_not_budget(
    runner: CliRunner, make_config: ConfigMaker, make_workbook: WorkbookMaker
) -> None:
    lots, criteria = make_config()
    workbook = make_workbook(
        [["Alpha", 1, 300, 10, 0.2, "oui"]],
        header=["candidate", "lot", "day_rate_ht", "days", "vat_rate", "cv"],  # no quality
    )
    args = [str(workbook), "--lots", str(lots), "--criteria", str(criteria)]
    assert "criterion 'quality'" in run(runner, ["score", *args], 2).stderr
    data = as_json(run(runner, ["check-budget", "--format", "json", *args], 0))
    assert data["summary"] == {"checked": 1, "over_cap": 0, "unchecked": 0}
    assert lot_of(data, 1)["offers"][0]["budget"][0]["margin"] == "7000.00"  # 10000 - 3000


# ---- version, help ---------------------------------------------------------------------------


def test_version(runner: CliRunner) -> None:
    assert run(runner, ["--version"], 0).stdout == "referent 0.1.0\n"


def test_app_help(runner: CliRunner) -> None:
    stdout = run(runner, ["--help"], 0).stdout
    assert "--version" in stdout
    for command in ("score", "rank", "check-budget", "validate"):
        assert f"  {command} " in stdout


@pytest.mark.parametrize(
    ("command", "example"),
    [
        ("score", "Example: referent score offers.xlsx --lot 3 --format json"),
        ("rank", "Example: referent rank --lot 3"),
        (
            "check-budget",
            "Example: referent check-budget offers.xlsx --format csv --output budget.csv",
        ),
        ("validate", "Example: referent validate offers.xlsx --format json"),
    ],
)
def test_command_help(runner: CliRunner, command: str, example: str) -> None:
    stdout = run(runner, [command, "--help"], 0).stdout
    assert f" {command} [OPTIONS]" in stdout.splitlines()[0]
    assert example in [line.strip() for line in stdout.splitlines()]
    assert "REFERENT_LOTS" in stdout
    assert "REFERENT_CRITERIA" in stdout


# ---- environment variables -------------------------------------------------------------------


def test_env_vars_name_the_configuration(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)  # no lots.yaml here
    env = {"REFERENT_LOTS": str(LOTS), "REFERENT_CRITERIA": str(CRITERIA)}
    data = as_json(run(runner, ["score", "--format", "json"], 0, env=env))
    assert data["inputs"]["lots"]["path"] == str(LOTS)
    assert data["inputs"]["criteria"]["path"] == str(CRITERIA)
    assert data["inputs"]["offers"]["path"] == str(WORKBOOK)
    assert [lot["id"] for lot in data["lots"]] == [1, 2, 3, 4]
    # without them, the defaults in the current folder are used (and are missing here)
    assert run(runner, ["score"], 2).stderr == (
        f"error: lots.yaml: file not found in {tmp_path}; run referent in the consultation's "
        "folder, or pass --lots PATH (or set REFERENT_LOTS) [file-not-found]\n"
    )


def test_env_vars_with_the_small_consultation(
    runner: CliRunner,
    make_config: ConfigMaker,
    make_workbook: WorkbookMaker,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    lots, criteria = make_config()
    workbook = make_workbook(
        [["Alpha", 1, 300, 10, 0.2, "oui", 4], ["Beta", 1, 400, 10, 0.2, "oui", 5]]
    )
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    env = {"REFERENT_LOTS": str(lots), "REFERENT_CRITERIA": str(criteria)}
    data = as_json(run(runner, ["rank", "--lot", "1", "-f", "json", str(workbook)], 0, env=env))
    # Alpha: 60 x 4/5 = 48 + 40 (Pmin 3000.00) = 88; Beta: 60 + 40 x 3000/4000 = 30 -> 90
    got = [
        (o["candidate"], o["rank"], o["total"], o["gap_to_first"])
        for o in data["lots"][0]["offers"]
    ]
    assert got == [("Beta", 1, D("90"), D("0")), ("Alpha", 2, D("88"), D("2"))]


def test_options_override_env_vars(runner: CliRunner, tmp_path: Path) -> None:
    env = {
        "REFERENT_LOTS": str(tmp_path / "absent-lots.yaml"),
        "REFERENT_CRITERIA": str(tmp_path / "absent-criteria.yaml"),
    }
    run(runner, ["validate", *CONFIG], 0, env=env)
    criteria_only = run(runner, ["validate", "--lots", str(LOTS)], 2, env=env)
    assert (
        criteria_only.stderr
        == f"error: {tmp_path / 'absent-criteria.yaml'}: file not found [file-not-found]\n"
    )


# ---- the workbook is only read ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "code"),
    [
        (["score"], 0),
        (["score", "--format", "json"], 0),
        (["score", "--format", "csv"], 0),
        (["score", "--format", "markdown"], 0),
        (["rank", "--lot", "4"], 0),
        (["check-budget"], 1),
        (["check-budget", "--format", "json"], 1),
        (["validate"], 0),
        (["validate", "--format", "json"], 0),
    ],
)
def test_workbook_is_not_modified(
    runner: CliRunner, tmp_path: Path, args: list[str], code: int
) -> None:
    copy = tmp_path / "offers.xlsx"
    shutil.copyfile(WORKBOOK, copy)
    os.utime(copy, ns=(1_500_000_000_000_000_000, 1_500_000_000_000_000_000))
    before = (copy.read_bytes(), copy.stat().st_mtime_ns)
    run(runner, [*args, str(copy), *CONFIG], code)
    assert (copy.read_bytes(), copy.stat().st_mtime_ns) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["offers.xlsx"]  # nothing written


# ---- as a real process ----------------------------------------------------------------------


def python(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, *args], cwd=cwd, capture_output=True, text=True, check=False, timeout=120
    )


def test_module_help_and_version() -> None:
    helped = python("-m", "referent_ess", "--help")
    assert helped.returncode == 0, helped.stderr
    assert helped.stdout.startswith("Usage: referent [OPTIONS] COMMAND [ARGS]...")
    version = python("-m", "referent_ess", "--version")
    assert version.returncode == 0, version.stderr
    assert version.stdout == "referent 0.1.0\n"


LAZY_IMPORTS_CHECK = """
import contextlib, io, json, sys
from referent_ess.cli import app
with contextlib.redirect_stdout(io.StringIO()):
    try:
        app(sys.argv[1:], prog_name="referent")
    except SystemExit as exc:
        code = exc.code
heavy = [
    name for name in ("openpyxl", "yaml", "referent_ess.config.consultation") if name in sys.modules
]
print(json.dumps({"code": code, "heavy": heavy}))
"""


@pytest.mark.parametrize("args", [["--help"], ["--version"], ["score", "--help"]])
def test_help_and_version_stay_light(args: list[str]) -> None:
    child = python("-c", LAZY_IMPORTS_CHECK, *args)
    assert child.returncode == 0, child.stderr
    assert json.loads(child.stdout) == {"code": 0, "heavy": []}


def test_module_score_json_matches_runner(
    runner: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    child = python("-m", "referent_ess", "score", "--format", "json")
    assert child.returncode == 0, child.stderr
    assert child.stderr == ""
    monkeypatch.chdir(ROOT)
    in_process = run(runner, ["score", "--format", "json"], 0)
    assert json.loads(child.stdout) == json.loads(in_process.stdout)
    data = json.loads(child.stdout)
    assert data["inputs"]["lots"]["path"] == "lots.yaml"  # as given: relative to the folder
    assert data["inputs"]["offers"]["path"] == str(Path("examples") / "offers-2018.xlsx")


def test_the_core_never_imports_typer_or_rich() -> None:
    """Library first: a script importing the core gets no CLI framework with it."""
    package = ROOT / "src"
    modules = (
        ".".join(p.with_suffix("").relative_to(package).parts) for p in package.rglob("*.py")
    )
    core = sorted(m.removesuffix(".__init__") for m in modules if not m.startswith(CLI_MODULES))
    assert "referent_ess.evaluation.engine" in core
    code = (
        "import sys\n"
        + "".join(f"import {name}\n" for name in core)
        + "print(sorted(m for m in sys.modules if m.split('.')[0] in ('typer', 'rich', 'click')))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


CLI_MODULES = ("referent_ess.cli", "referent_ess.render.terminal", "referent_ess.__main__")


def test_every_command_has_help_with_an_example(runner: CliRunner) -> None:
    import typer.main

    commands = typer.main.get_command(app).commands  # type: ignore[attr-defined]
    assert set(commands) >= {
        "score", "rank", "check-budget", "validate", "report", "letters", "export",
        "init", "template", "explain", "simulate", "sensitivity",
    }  # fmt: skip
    for name in commands:
        result = run(runner, [name, "--help"], 0)
        assert "Example: referent " + name in result.stdout, name


def test_init_then_validate_then_refuse_to_overwrite(runner: CliRunner, tmp_path: Path) -> None:
    folder = tmp_path / "demo"
    result = run(runner, ["init", str(folder), "--lots", "2", "--title", "Essai"], 0)
    assert result.stderr.splitlines()[:3] == [
        f"written: {folder / 'lots.yaml'}",
        f"written: {folder / 'criteria.yaml'}",
        f"written: {folder / 'offers.xlsx'}",
    ]
    assert result.stdout.startswith("Next: 1. in lots.yaml")
    before = (folder / "lots.yaml").read_bytes()
    # an empty offers sheet is valid: one warning, no error (exit 0)
    checked = run(runner, ["validate", "--lots", str(folder / "lots.yaml"), "--format", "json"], 0)
    data = json.loads(checked.stdout)
    assert (data["valid"], [w["code"] for w in data["warnings"]]) == (True, ["no-offers"])
    again = run(runner, ["init", str(folder)], 2)
    assert again.stderr.startswith("error: ")
    assert "[init-exists]" in again.stderr
    assert (folder / "lots.yaml").read_bytes() == before


def test_names_with_brackets_or_colons_are_printed_as_typed(
    runner: CliRunner, make_config, make_workbook
) -> None:
    # rich would read "[bold]…[/bold]" as markup, ":star:" as an emoji code, and crash on "[/]"
    names = ["[bold]Coop[/bold]", "A [/] B", "Les :star: du coin"]
    lots, criteria = make_config()
    offers = make_workbook(
        [[name, 1, 500 + 10 * i, 10, None, "oui", 4] for i, name in enumerate(names)]
    )
    config = ["--lots", str(lots), "--criteria", str(criteria)]
    result = runner.invoke(app, ["score", str(offers), *config])
    assert result.exit_code == 0, result.output
    for name in names:
        assert name in result.stdout


def test_budget_markdown_names_its_inputs_and_speaks_the_language(runner: CliRunner) -> None:
    # lot 4, row 10: 650 × 20 = 13 000 HT, × 1.2 = 15 600 TTC, over the 15 000 TTC cap by 600
    english = run(runner, ["check-budget", "--format", "markdown", *CONFIG], 1).stdout
    lines = english.splitlines()
    assert lines[0] == "# Budget check — Référent de secteur d'activité de l'ESS 2018"
    assert lines[2].startswith("Inputs: ")
    assert lines[4] == (
        "| Lot | Candidate | Row | Day rate HT | Days | VAT | Price HT | Price TTC | Basis | Cap "
        "| Margin | Check |"
    )
    assert (
        "| 4 | Recyclerie Coopérative de l'Ouest (SCIC) | 10 | 650.00 | 20 | 20 % | 13000.00 | "
        "15600.00 | TTC | 15000.00 | -600.00 | OVER |"
    ) in lines
    french = run(runner, ["--lang", "fr", "check-budget", "--format", "markdown", *CONFIG], 1)
    lines = french.stdout.replace("\u202f", " ").replace("\u00a0", " ").splitlines()
    assert lines[0] == "# Contrôle budgétaire — Référent de secteur d'activité de l'ESS 2018"
    assert lines[2].startswith("Fichiers : ")
    assert (
        "| 4 | Recyclerie Coopérative de l'Ouest (SCIC) | 10 | 650,00 € | 20 | 20 % | "
        "13 000,00 € | 15 600,00 € | TTC | 15 000,00 € | -600,00 € | DÉPASSE |"
    ) in lines
    assert (
        "| 4 | Ressourceries en Réseau | 13 | 447,15 € | 21,5 | 20 % | 9 613,73 € | 11 536,48 € | "
        "TTC | 15 000,00 € | 3 463,52 € | OK |"
    ) in lines  # 447.15 × 21.5 = 9613.725 → 9613.73; × 1.2 = 11536.476 → 11536.48


def test_validate_markdown_speaks_the_language(
    runner: CliRunner, make_config, make_workbook
) -> None:
    lots, criteria = make_config()
    offers = make_workbook([["Alpha", 1, "environ 500", 10, None, "oui", 4]])
    args = ["validate", str(offers), "--lots", str(lots), "--criteria", str(criteria)]
    french = run(runner, ["--lang", "fr", *args, "--format", "markdown"], 1).stdout.splitlines()
    assert french[2] == "| Gravité | Où | Champ | Code | Message |"
    assert french[4].startswith(f"| erreur | {offers} : offers!C2 | day_rate_ht | bad-number | ")
    assert "'environ 500' n'est pas un nombre" in french[4]
    english = run(runner, [*args, "--format", "markdown"], 1).stdout.splitlines()
    assert english[2] == "| Severity | Where | Field | Code | Message |"
    assert english[4].startswith(f"| error | {offers}: offers!C2 | day_rate_ht | bad-number | ")
    assert "'environ 500' is not a number" in english[4]


def test_simulate_refuses_a_lot_without_admissible_offer(
    runner: CliRunner, make_config, make_workbook
) -> None:
    lots, criteria = make_config()
    offers = make_workbook([["Alone", 2, 400, 10, None, "oui", 4]])  # nothing on lot 1
    args = ["simulate", "--lot", "1", str(offers), "--lots", str(lots), "--criteria", str(criteria)]
    english = run(runner, args, 2)
    assert english.stderr == (
        "error: lot 1: simulate does not apply: the lot has no admissible offer to rank "
        "[not-applicable]\n"
    )
    french = run(runner, ["--lang", "fr", *args], 2)
    assert french.stderr == (
        "erreur : lot 1 : la simulation ne s'applique pas : le lot n'a aucune offre admissible "
        "à classer [not-applicable]\n"
    )
    assert run(runner, [*args[:2], "2", *args[3:]], 0).stdout  # lot 2 has one: it runs
