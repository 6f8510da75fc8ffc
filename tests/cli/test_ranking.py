"""``score`` and ``rank``: every output format on the bundled example, one lot, provisional
rankings and warnings. The figures are worked out by hand in ``cli_helpers.py``."""

import csv
import hashlib
import io
import json
from decimal import Decimal
from pathlib import Path

import pytest
from cli_helpers import (
    CONFIG,
    CRITERIA,
    LEGAL_INCOMPLETE,
    LEGAL_INCOMPLETE_EN,
    LEGAL_LATE,
    LEGAL_OVER_CAP,
    LOTS,
    TITLE,
    WORKBOOK,
    ConfigMaker,
    D,
    WorkbookMaker,
    as_json,
    broken_workbook,
    lot_of,
    run,
    sha256,
    ttc_check,
)
from typer.testing import CliRunner

from referent_ess.cli import app

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
        [4, 9, 15],  # ranked by rank (TTC: the VAT-exempt row 4 first), then the late row 15
        [8, 2, 12],
        [6, 14, 11, 3],
        [7, 13, 5, 10],  # ranked, then incomplete row 5 and over-cap row 10 in sheet order
    ]


def test_score_json_lot_4_field_by_field(runner: CliRunner) -> None:
    data = as_json(run(runner, ["score", "--format", "json", *CONFIG], 0))
    lot = lot_of(data, 4)
    assert isinstance(lot["offers"][0]["total"], Decimal)  # a JSON number, not a string
    assert isinstance(lot["offers"][0]["points"]["price"], Decimal)
    # added with criteria trees: the lot's set (the default one) and its tree, and each offer's
    # points on that tree; a flat set is a tree of leaves
    assert lot.pop("criteria_set") is None
    assert [
        (n["id"], n["weight"], n["max_points"], n["children"]) for n in lot.pop("criteria")
    ] == [
        ("context", 30, 30, []),
        ("technical", 30, 30, []),
        ("competence", 20, 20, []),
        ("price", 20, 20, []),
    ]
    trees = [offer.pop("tree") for offer in lot["offers"]]
    # added with descriptor scales: each mark's word (none on numeric scales)
    assert [offer.pop("mark_words") for offer in lot["offers"]] == [{}, {}, {}, {}]
    assert trees[0][0] == {
        "id": "context",
        "label": "Note de contexte, connaissance du secteur et des acteurs, enjeux du territoire",
        "weight": 30,
        "max_points": 30,
        "points": 24,
        "children": [],
    }
    assert [[node["points"] for node in tree] for tree in trees] == [
        [24, 24, 16, D("16.18")],
        [21, 24, 12, 20],
        [24, 24, 16, None],  # not admissible: no price points
        [27, 27, 16, None],
    ]
    assert lot == {
        "id": 4,
        "title": "Réemploi et ressources",
        "cap_ht": "12500.00",
        "cap_ttc": "15000.00",
        "provisional": False,
        "award": {"candidate": "Les Bâtisseurs Solidaires (SCOP)", "row": 7},
        "award_note": None,
        "abnormally_low_note": (
            "Abnormally low offers: fewer than 3 admissible offers, so the method chosen "
            "(comparison with the mean of the other offers) does not apply; judge the prices "
            "case by case"
        ),
        "warnings": [],  # every admissible offer at 20 %: no vat-basis, nor on HT
        # on the TTC basis, admissible only: not row 5's 8000.00 HT (9600.00 TTC)
        "lowest_price": "11536.48",
        "highest_price": "14256.00",
        "offers": [
            {
                "candidate": "Les Bâtisseurs Solidaires (SCOP)",
                "row": 7,
                "status": "admissible",
                "jury_decision": None,
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
                    "price": D("16.18"),  # 20 x 11536.48 / 14256 = 72103/4455 = 16.1847...
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
                "jury_decision": None,
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
                "jury_decision": None,
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
                        "message": "missing required document: présentation et CV de l'intervenant",
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
                "jury_decision": None,
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
        "cap 12500.00 € HT / 15000.00 € TTC · 4 admissible offers ranked",
    ]
    header = [
        "Price      Price   Contexte   Technique   Compétence    Prix   Total",
        "Rank   Candidate                                HT        TTC        /30         /30"
        "          /20     /20    /100     Gap",
    ]
    rows = [
        "★ 1   Les Bâtisseurs Solidaires (SCOP)   11760.00   14112.00      30.00       27.00"
        "        16.00   15.31   88.31    0.00",
        "2   Atelier Matières Vives (SCIC)       9000.00   10800.00      24.00       21.00"
        "        16.00   20.00   81.00    7.31",
        "3   Échelle Habitat (SCOP)             10000.00   12000.00      24.00       21.00"
        "        18.00   18.00   81.00    7.31",
        "4   Habiter Autrement 44               10500.00   12600.00      18.00       18.00"
        "        14.00   17.14   67.14   21.16",
    ]
    start = lines.index(header[0])
    assert lines[start : start + 2] == header
    assert set(lines[start + 2]) == {"─"}  # the rule under the header
    assert lines[start + 3 : start + 7] == rows
    assert lines[start + 7] == (
        "Price points (Prix): proportional on the price TTC of the admissible offers, "
        "20 × Pmin / P, with Pmin = 10800.00."
    )
    # 24 + 21 + 16 + 20 = 81 = 24 + 21 + 18 + 18: the note says what decided
    assert lines[start + 8] == (
        "Exact tie at 81.00 between Atelier Matières Vives (SCIC) and Échelle Habitat (SCOP): "
        "decided by Prix points (20.00, 18.00)."
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
    "warnings",
]


def test_score_csv(runner: CliRunner) -> None:
    stdout = run(runner, ["score", "--format", "csv", *CONFIG], 0).stdout
    header, *rows = list(csv.reader(io.StringIO(stdout)))
    assert header == CSV_HEADER
    assert [(r[0], r[3]) for r in rows] == [
        ("1", "4"),
        ("1", "9"),
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
        "1", "2", "Cap Services Coop (SCOP)", "9", "admissible",
        "487.50", "16", "0.20", "7800.00", "9360.00",
        # price 20 x 7560 / 9360 = 210/13 (16.15); total 63 + 210/13 = 1029/13 (79.15);
        # gap 81 - 1029/13 = 24/13 = 1.846... (1.85)
        "21.00", "24.00", "18.00", "16.15", "79.15", "1.85", "", "",
    ]  # fmt: skip
    assert by_row["4"][1] == "1"  # VAT-exempt: TTC = HT = Pmin, 81 points
    assert by_row["4"][6:10] == ["18", "0.00", "7560.00", "7560.00"]
    assert by_row["4"][14:16] == ["81.00", "0.00"]
    assert by_row["13"] == [
        "4", "2", "Ressourceries en Réseau", "13", "admissible",
        "447.15", "21.5", "0.20", "9613.73", "11536.48",
        "21.00", "24.00", "12.00", "20.00", "77.00", "3.18", "", "",
    ]  # fmt: skip
    assert by_row["10"] == [
        "4", "", "Recyclerie Coopérative de l'Ouest (SCIC)", "10", "over_cap",
        "650.00", "20", "0.20", "13000.00", "15600.00",
        "27.00", "27.00", "16.00", "", "", "",
        "over_cap: price TTC 15600.00 exceeds the lot's cap TTC 15000.00 by 600.00", "",
    ]  # fmt: skip
    assert by_row["15"][1] == ""
    assert by_row["15"][4] == "late"
    assert by_row["15"][-2] == "late: received 2018-03-26, after the deadline 2018-03-23"
    assert by_row["15"][-1] == ""  # no warning (vat-basis only when prices are compared HT)


def test_score_markdown(runner: CliRunner) -> None:
    stdout = run(runner, ["score", "--format", "markdown", *CONFIG], 0).stdout
    lines = stdout.splitlines()
    assert lines[0] == f"# {TITLE}"
    heading = lines.index("## Lot 3 — Habitat, Rénovation, Construire autrement")
    assert lines[heading + 2] == "Cap: 12500.00 € HT / 15000.00 € TTC"
    assert lines[heading + 4] == (
        "| Rank | Candidate | Price HT | Price TTC | Contexte | Technique | Compétence | Prix "
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
    # how the price points were computed, with the figure used: Pmin = 10800.00 TTC (row 14)
    assert lines[heading + 11] == (
        "Price points (Prix): proportional on the price TTC of the admissible offers, "
        "20 × Pmin / P, with Pmin = 10800.00."
    )
    excluded = (
        "- Second Souffle Conseil (row 5): incomplete — missing required document: "
        f"présentation et CV de l'intervenant (J5) — {LEGAL_INCOMPLETE_EN}"
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
        "**Association Trame Solidaire**",  # compared TTC: VAT-exempt, 81 against 79.15
        "**SCIC Nourrir l'Estuaire**",
        "**Les Bâtisseurs Solidaires (SCOP)**",
        "**Les Bâtisseurs Solidaires (SCOP)**",
    ]


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


# ---- a broken workbook: a provisional ranking ------------------------------------------------


@pytest.fixture
def broken(make_config: ConfigMaker, make_workbook: WorkbookMaker) -> list[str]:
    """A bad day rate (C2), an unknown lot (B3) and a good offer; returns the CLI arguments."""
    return broken_workbook(make_config, make_workbook)


def test_score_says_on_stderr_which_offers_could_not_be_evaluated(
    runner: CliRunner, broken: list[str]
) -> None:
    result = run(runner, ["score", "--format", "json", *broken], 1)
    # Alpha (row 2, bad day rate) is invalid in lot 1; Beta (row 3, lot 7) has no lot, so it
    # could belong to any lot: every ranking is provisional, and the exit code says so
    assert result.stderr == (
        f"warning: {broken[0]}: the ranking of lots 1 and 2 is provisional: 2 offers could not "
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


@pytest.mark.parametrize(
    ("lang", "first_line"),
    [
        ("en", "Inputs: {lots}, {criteria}, {csv} (SHA-256 "),
        ("fr", "Fichiers : {lots}, {criteria}, {csv} (SHA-256 "),
    ],
)
def test_a_csv_input_is_shown_without_a_sheet(
    runner: CliRunner, tmp_path: Path, make_config: ConfigMaker, lang: str, first_line: str
) -> None:
    lots, criteria = make_config()
    offers = tmp_path / "offres.csv"
    offers.write_text(
        "candidate,lot,day_rate_ht,days,vat_rate,cv,quality\nAlpha,1,400,10,0.2,oui,4\n",
        encoding="utf-8",
    )
    args = ["--lang", lang, "score", str(offers), "--lots", str(lots), "--criteria", str(criteria)]
    stdout = run(runner, args, 0).stdout
    first = stdout.splitlines()[0]
    assert first.startswith(first_line.format(lots=lots, criteria=criteria, csv=offers))
    assert "sheet" not in first
    assert "feuille" not in first
    assert "''" not in first
    markdown = run(runner, [*args, "--format", "markdown"], 0).stdout
    assert "''" not in markdown
