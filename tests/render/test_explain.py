"""`explain`: one offer step by step, with the same figures as `score --format json`.

The steps are read as ``--format json`` holds them (code, English text, figures as strings):
what a buyer reads and what a script gets are both checked.
"""

import json
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from typer.testing import CliRunner

from referent_ess import api
from referent_ess.cli import app
from referent_ess.problems.errors import ReferentError
from referent_ess.render.explain import (
    Explanation,
    explain,
    explanation_dict,
    explanation_text,
    find_offer,
)

ROOT = Path(__file__).resolve().parents[2]
LOTS = ROOT / "lots.yaml"
CRITERIA = ROOT / "criteria.yaml"

ATELIER = (3, "Atelier Matières Vives (SCIC)")
RECYCLERIE = (4, "Recyclerie Coopérative de l'Ouest (SCIC)")
PARENTHESE = (1, "Parenthèse Familles Conseil")


@pytest.fixture(scope="module")
def example() -> Any:
    return api.score(LOTS, CRITERIA)


@pytest.fixture(scope="module")
def score_json() -> dict[str, Any]:
    result = CliRunner().invoke(
        app, ["score", "--format", "json", "--lots", str(LOTS), "--criteria", str(CRITERIA)]
    )
    assert result.exit_code == 0, result.output
    data: dict[str, Any] = json.loads(result.stdout)
    return data


@dataclass(frozen=True)
class Worded:
    """One step as the JSON holds it."""

    code: str
    text: str
    figures: dict[str, str]


def worded(explanation: Explanation) -> list[Worded]:
    return [Worded(**step) for step in explanation_dict(explanation)["steps"]]


def steps(explanation: Explanation, code: str) -> list[Worded]:
    return [s for s in worded(explanation) if s.code == code]


def one(explanation: Explanation, code: str, criterion: str | None = None) -> Worded:
    found = [
        s
        for s in steps(explanation, code)
        if criterion is None or s.figures.get("criterion") == criterion
    ]
    assert len(found) == 1, [s.text for s in worded(explanation)]
    return found[0]


def figure(explanation: Explanation, code: str, key: str) -> str | None:
    found = steps(explanation, code)
    return found[0].figures.get(key) if found else None


@pytest.mark.parametrize("which", [ATELIER, RECYCLERIE, PARENTHESE])
def test_figures_equal_those_of_score_json(
    example: Any, score_json: dict[str, Any], which: tuple[int, str]
) -> None:
    lot_id, candidate = which
    explanation = explain(example, lot_id, candidate)
    lot = next(lot for lot in score_json["lots"] if lot["id"] == lot_id)
    offer = next(o for o in lot["offers"] if o["candidate"] == candidate)

    assert (explanation.row, explanation.status, explanation.rank) == (
        offer["row"],
        offer["status"],
        offer["rank"],
    )
    assert figure(explanation, "price-ht", "price_ht") == offer["price_ht"]
    assert figure(explanation, "price-ttc", "price_ttc") == offer["price_ttc"]
    assert figure(explanation, "price-ttc", "vat_rate") == offer["vat_rate"]
    points = {
        s.figures["criterion"]: float(s.figures["points"])
        for s in worded(explanation)
        if s.code in ("mark-points", "price-points") and "points" in s.figures
    }
    assert points == offer["points"]
    total = figure(explanation, "total", "total")
    assert (None if total is None else float(total)) == offer["total"]
    gap = figure(explanation, "gap-first", "gap")
    assert (None if gap is None else float(gap)) == offer["gap_to_first"]
    budget = [
        {
            "basis": s.figures["basis"],
            "cap": s.figures["cap"],
            "price": s.figures["price"],
            "margin": s.figures["margin"],
            "within": s.figures["within"] == "true",
        }
        for s in steps(explanation, "cap-check")
    ]
    assert budget == offer["budget"]
    reasons = [
        {k: s.figures.get(k) for k in ("code", "status", "message", "cell", "legal_basis")}
        for s in steps(explanation, "reason")
    ]
    assert reasons == [
        {k: r[k] for k in ("code", "status", "message", "cell", "legal_basis")}
        for r in offer["reasons"]
    ]


def test_atelier_every_step_in_words_and_numbers(example: Any) -> None:
    explanation = explain(example, *ATELIER)
    assert [s.code for s in explanation.steps] == [
        "price-ht",
        "price-ttc",
        "cap-check",
        "mark-points",
        "mark-points",
        "mark-points",
        "price-points",
        "total",
        "rank",
        "gap-first",  # the offer just above is the first: one gap, not the same one twice
        "tie",
        "award",
        "status",
    ]
    texts = {s.code: s.text for s in worded(explanation) if s.code != "mark-points"}
    assert texts["price-ht"] == "Price HT = day rate HT × days = 450.00 × 20 = 9000.00."
    assert texts["price-ttc"] == (
        "Price TTC = price HT × (1 + VAT) = 9000.00 × (1 + 0.20) = 10800.00; VAT 20 %, as stated "
        "in the offer (cell E14)."
    )
    assert texts["cap-check"] == (
        "Cap check on the price TTC (cap_basis: ttc) against the lot's cap TTC: 10800.00 ≤ "
        "15000.00: within the cap, with a margin of 4200.00."
    )
    assert one(explanation, "mark-points", "technical").text == (
        "Technique (weight 30 %, at most 30 points): mark 3.5 (cell M14) / 5 × 30 = 21.00."
    )
    assert texts["price-points"] == (
        # criteria.yaml compares TTC: 9000.00 HT × 1.2 = 10800.00, the lot's lowest TTC
        "Prix (weight 20 %, at most 20 points), proportional formula on the price TTC: "
        "20 × Pmin / P = 20 × 10800.00 / 10800.00 = 20.00; Pmin = 10800.00 is the lowest price "
        "TTC of the 4 admissible offers (Pmin is this offer's price)."
    )
    assert texts["total"] == (
        "Total = Contexte 24.00 + Technique 21.00 + Compétence 16.00 + Prix 20.00 = 81.00."
    )
    assert texts["rank"] == (
        "Rank 2 of 4 admissible offers of lot 3, by exact total, highest first."
    )
    assert texts["gap-first"] == (
        "Gap to Les Bâtisseurs Solidaires (SCOP), ranked first, just above (rank 1, total "
        "88.31): 88.31 − 81.00 = 7.31 points (exactly 358/49), the difference of the exact "
        "totals rounded half up."
    )
    assert texts["tie"] == (
        "Exact tie at 81.00 points with Échelle Habitat (SCOP); tie-break: Prix, Contexte: "
        "decided by Prix points (this offer 20.00, Échelle Habitat (SCOP) 18.00); ranks: this "
        "offer 2, Échelle Habitat (SCOP) 3."
    )
    assert texts["award"] == (
        "Lot 3 goes to Les Bâtisseurs Solidaires (SCOP) (rank 1), not to this offer."
    )
    assert texts["status"].startswith(
        "Status admissible: received 2018-03-23 23:10, by the deadline 2018-03-23 (the end of "
        "that day); every required document provided"
    )
    price = one(explanation, "price-points")
    assert price.figures == {
        "criterion": "price",
        "formula": "proportional",
        "basis": "ttc",
        "weight": "20",
        "max_points": "20.00",
        "max_points_exact": "20",
        "price": "10800.00",
        "pmin": "10800.00",
        "pmax": "14112.00",  # 11760.00 × 1.2
        "share": "1",
        "points": "20.00",
        "points_exact": "20",
    }
    assert one(explanation, "tie").figures["decided_by"] == "price"
    assert one(explanation, "gap-first").figures["gap_exact"] == "358/49"


def test_text_output_is_numbered_under_a_heading(example: Any) -> None:
    lines = explanation_text(explain(example, *ATELIER)).splitlines()
    assert lines[0] == (
        "Lot 3 — Habitat, Rénovation, Construire autrement: Atelier Matières Vives (SCIC) "
        "(row 14, rank 2)"
    )
    assert lines[1] == " 1. Price HT = day rate HT × days = 450.00 × 20 = 9000.00."
    assert lines[-1].startswith("13. Status admissible")


def test_the_winner_sees_its_exact_points_and_its_lead(example: Any) -> None:
    explanation = explain(example, 3, "Les Bâtisseurs Solidaires (SCOP)")
    price = one(explanation, "price-points")
    assert price.text.endswith(
        # 10800 / 14112 = 9000 / 11760 = 75/98: every offer of lot 3 is at 20 % VAT
        "20 × Pmin / P = 20 × 10800.00 / 14112.00 = 15.31 (exactly 750/49); Pmin = 10800.00 is "
        "the lowest price TTC of the 4 admissible offers."
    )
    assert (price.figures["share"], price.figures["points_exact"]) == ("75/98", "750/49")
    assert one(explanation, "total").text == (
        "Total = Contexte 30.00 + Technique 27.00 + Compétence 16.00 + Prix 15.31 = 88.31 "
        "(exactly 4327/49)."
    )
    assert one(explanation, "gap-first").text == "Ranked first: gap to the first 0.00."
    assert one(explanation, "gap-below").text == (
        "Lead over Atelier Matières Vives (SCIC), ranked just below (rank 2, total 81.00): "
        "88.31 − 81.00 = 7.31 points (exactly 358/49), the difference of the exact totals "
        "rounded half up."
    )
    assert one(explanation, "award").text == "Lot 3 goes to this offer (rank 1)."


def test_a_gap_is_rounded_from_the_exact_totals(example: Any) -> None:
    explanation = explain(example, 3, "Habiter Autrement 44")
    assert one(explanation, "gap-above").text == (
        "Gap to Échelle Habitat (SCOP), ranked just above (rank 3, total 81.00): 81.00 − 67.14 "
        "= 13.86 points (exactly 97/7), the difference of the exact totals rounded half up."
    )
    assert one(explanation, "gap-first").text == (
        "Gap to Les Bâtisseurs Solidaires (SCOP), ranked first (rank 1, total 88.31): "
        # 88.31 − 67.14 would read 21.17: the totals are given exactly too
        "88.31 (exactly 4327/49) − 67.14 (exactly 470/7) = 21.16 points (exactly 1037/49), the "
        "difference of the exact totals rounded half up (the difference of the rounded totals "
        "would give 21.17)."
    )


def test_over_cap_offer_gets_its_cap_check_and_reason(example: Any) -> None:
    explanation = explain(example, *RECYCLERIE)
    assert [s.code for s in explanation.steps] == [
        "price-ht",
        "price-ttc",
        "cap-check",
        "mark-points",
        "mark-points",
        "mark-points",
        "price-points",
        "award",
        "status",
        "reason",
    ]
    assert one(explanation, "cap-check").text == (
        "Cap check on the price TTC (cap_basis: ttc) against the lot's cap TTC: 15600.00 > "
        "15000.00: over the cap by 600.00."
    )
    assert one(explanation, "cap-check").figures["margin"] == "-600.00"
    assert one(explanation, "mark-points", "context").text == (
        "Contexte (weight 30 %, at most 30 points): mark 4.5 (cell L10) / 5 × 30 = 27.00; for "
        "information, since the offer is not ranked."
    )
    assert one(explanation, "price-points").text == (
        "Prix (weight 20 %, at most 20 points): no price points; only the admissible offers of "
        "lot 4 get price points, a total and a rank, and this offer is over the cap."
    )
    assert one(explanation, "reason").text == (
        "Reason over the cap: price TTC 15600.00 exceeds the lot's cap TTC 15000.00 by 600.00 "
        "(C10) "
        "— unacceptable offer: art. L2152-3 of the Code de la commande publique."
    )


def test_late_offer_gets_its_reason_with_the_cell_and_legal_basis(example: Any) -> None:
    explanation = explain(example, *PARENTHESE)
    assert explanation.status == "late"
    assert one(explanation, "status").figures == {"status": "late"}
    reason = one(explanation, "reason")
    assert reason.text == (
        "Reason late: received 2018-03-26, after the deadline 2018-03-23 (G15) — late offer, "
        "eliminated: art. R2143-2 and R2151-5 of the Code de la commande publique."
    )
    assert reason.figures["cell"] == "G15"
    # the figure is the Code's words, in French, as score's JSON holds them
    assert reason.figures["legal_basis"] == (
        "offre hors délai, éliminée : art. R2143-2 et R2151-5 du Code de la commande publique"
    )
    assert one(explanation, "award").text == (  # compared TTC: the VAT-exempt association
        "Lot 1 goes to Association Trame Solidaire (rank 1), not to this offer."
    )
    assert not steps(explanation, "total")
    assert not steps(explanation, "rank")


def test_rounding_of_the_price_and_the_default_vat_rate_are_said(example: Any) -> None:
    ressourceries = explain(example, 4, "Ressourceries en Réseau")
    step = one(ressourceries, "price-ht")
    assert step.text == (
        "Price HT = day rate HT × days = 447.15 × 21.5 = 9613.725, rounded to the cent half up: "
        "9613.73."
    )
    assert step.figures == {
        "day_rate_ht": "447.15",
        "days": "21.5",
        "product": "9613.725",
        "price_ht": "9613.73",
    }
    assert one(ressourceries, "abnormally-low-check").text.startswith(
        "Abnormally low offers: fewer than 3 admissible offers"
    )
    marion = one(explain(example, 2, "Marion Le Goff Conseil"), "price-ttc")
    assert marion.figures["vat_source"] == "consultation"
    assert marion.text.endswith(
        "VAT 20 %, the consultation's default rate (vat_rate in lots.yaml), the offer stating "
        "none (cell E12 empty)."
    )
    exempt = one(explain(example, 1, "Association Trame Solidaire"), "price-ttc")
    assert "VAT-exempt (0 %), as stated in the offer (cell E4)" in exempt.text


def test_a_name_is_found_however_it_is_typed(example: Any) -> None:
    found = find_offer(example, 3, "  atelier   matieres-vives (scic) ")
    assert (found.offer.row, found.candidate) == (14, "Atelier Matières Vives (SCIC)")
    assert explain(example, 3, "ATELIER MATIÈRES VIVES (SCIC)").row == 14


def test_an_unknown_name_suggests_the_closest(example: Any) -> None:
    with pytest.raises(ReferentError) as caught:
        find_offer(example, 3, "Atelier Matieres Vive")
    assert caught.value.code == "unknown-candidate"
    (line,) = caught.value.lines
    assert "lot 3 has no offer from 'Atelier Matieres Vive'" in line
    assert "did you mean 'Atelier Matières Vives (SCIC)'?" in line
    assert "Les Bâtisseurs Solidaires (SCOP), Atelier Matières Vives (SCIC)" in line
    assert line.endswith("[unknown-candidate]")


def test_a_name_on_another_lot_is_pointed_at(example: Any) -> None:
    with pytest.raises(ReferentError) as caught:
        explain(example, 3, "Recyclerie Coopérative de l'Ouest (SCIC)")
    assert caught.value.code == "unknown-candidate"
    assert "has an offer on lot 4" in caught.value.lines[0]


def test_an_unknown_lot_is_an_error(example: Any) -> None:
    with pytest.raises(ReferentError) as caught:
        explain(example, 9, "Atelier Matières Vives (SCIC)")
    assert caught.value.code == "no-such-lot"
    assert "there is no lot 9 (lots: 1, 2, 3, 4)" in caught.value.lines[0]


def test_json_shape(example: Any) -> None:
    data = explanation_dict(explain(example, *ATELIER))
    assert {k: data[k] for k in ("lot", "candidate", "row", "status", "rank")} == {
        "lot": 3,
        "candidate": "Atelier Matières Vives (SCIC)",
        "row": 14,
        "status": "admissible",
        "rank": 2,
    }
    assert all(set(step) == {"code", "text", "figures"} for step in data["steps"])
    assert all(isinstance(v, str) for step in data["steps"] for v in step["figures"].values())
    json.dumps(data)  # plain data


# ---- other configurations ---------------------------------------------------------------------


def test_linear_and_gap_formulas_are_written_with_their_figures(make_config, make_workbook) -> None:
    rows = [["Cheap", 1, 400, 10, None, "oui", 4], ["Dear", 1, 500, 10, None, "oui", 5]]
    lots, criteria = make_config(formula="linear")
    dear = explain(api.score(lots, criteria, make_workbook(rows)), 1, "Dear")
    step = one(dear, "price-points")
    assert step.text.endswith(
        "40 × (Pmax − P) / (Pmax − Pmin) = 40 × (5000.00 − 5000.00) / (5000.00 − 4000.00) = "
        "0.00; Pmin = 4000.00 is the lowest price HT of the 2 admissible offers, Pmax = "
        "5000.00 the highest."
    )
    assert (step.figures["pmin"], step.figures["pmax"]) == ("4000.00", "5000.00")

    lots, criteria = make_config(formula="gap")
    dear = explain(api.score(lots, criteria, make_workbook(rows)), 1, "Dear")
    step = one(dear, "price-points")
    assert (
        "40 × max(0, (k·Pmin − P) / ((k − 1)·Pmin)) = 40 × max(0, (2 × 4000.00 − 5000.00) "
        "/ ((2 − 1) × 4000.00)) = 30.00;"
    ) in step.text
    assert (step.figures["k"], step.figures["share"]) == ("2", "3/4")


def test_hierarchy_is_explained_criterion_by_criterion(make_config, make_workbook) -> None:
    lots, criteria = make_config(
        criteria_text=(
            "ordering: hierarchy\n"
            "criteria:\n"
            "  - {id: quality, label: Qualité}\n"
            "  - {id: price, label: Prix, price: {formula: proportional}}\n"
        )
    )
    rows = [
        ["Good but dear", 1, 900, 10, None, "oui", 5],
        ["Good and cheap", 1, 500, 10, None, "oui", 5],
        ["Cheapest", 1, 100, 10, None, "oui", "4,5"],
    ]
    evaluation = api.score(lots, criteria, make_workbook(rows))
    explanation = explain(evaluation, 1, "Good but dear")
    assert [s.code for s in explanation.steps] == [
        "price-ht",
        "price-ttc",
        "cap-check",
        "mark",
        "price-compared",
        "rank",
        "compare-above",
        "compare-below",
        "award",
        "status",
    ]
    assert one(explanation, "mark").text == (
        "Qualité (1st in the hierarchy): mark 5 (cell G2) / 5, the higher first."
    )
    assert one(explanation, "compare-above").text == (
        "Against Good and cheap, ranked just above (rank 1): equal on quality (5 / 5 each); on "
        # no basis in criteria.yaml: TTC, 900 × 10 × 1.2 = 10800.00 and 500 × 10 × 1.2 = 6000.00
        "price, 10800.00 TTC against 6000.00 TTC: Good and cheap comes first (lower price)."
    )
    assert one(explanation, "compare-below").text == (
        "Against Cheapest, ranked just below (rank 3): on quality, 5 / 5 against 4.5 / 5: this "
        "offer comes first."
    )
    assert not steps(explanation, "total")


def test_several_evaluators_and_warnings(make_config, tmp_path: Path) -> None:
    lots, criteria = make_config()
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "offers"
    sheet.append(["candidate", "lot", "day_rate_ht", "days", "vat_rate", "cv", "price_ht"])
    sheet.append(["Alpha", 1, 400, 10, None, "oui", 4100])
    sheet.append(["Beta", 1, 400, 10, None, "oui", None])
    notes = book.create_sheet("Notes")
    notes.append(["Candidat", "Lot", "Critère", "Évaluateur", "Note"])
    for who, mark in (("Anne", 3), ("Bruno", 4), ("Chloé", "4,5")):
        notes.append(["Alpha", 1, "quality", who, mark])
        notes.append(["Beta", 1, "quality", who, 3])
    path = tmp_path / "offers.xlsx"
    book.save(path)
    explanation = explain(api.score(lots, criteria, path), 1, "alpha")
    quality = one(explanation, "mark-points", "quality")
    assert quality.text == (
        "Quality (weight 60 %, at most 60 points): mark 23/6 ≈ 3.83 (mean of the evaluators' "
        "marks: Anne 3, Bruno 4, Chloé 4.5) / 5 × 60 = 46.00."
    )
    assert quality.figures["mark_exact"] == "23/6"
    assert quality.figures["evaluator_mark.Chloé"] == "4.5"
    warning = one(explanation, "warning")
    assert warning.figures["code"] == "price-mismatch"
    assert warning.text.startswith("Warning price-mismatch (G2): The stated price HT 4100.00")


def test_two_offers_of_one_candidate_on_a_lot_are_not_guessed(make_config, make_workbook) -> None:
    lots, criteria = make_config()
    rows = [["Alpha", 1, 400, 10, None, "oui", 4], ["alpha ", 1, 900, 10, None, "oui", 5]]
    evaluation = api.score(lots, criteria, make_workbook(rows))
    with pytest.raises(ReferentError) as caught:
        explain(evaluation, 1, "ALPHA")
    assert caught.value.code == "ambiguous-candidate"
    assert "'ALPHA' has 2 offers on lot 1 (rows 2, 3)" in caught.value.lines[0]


def test_points_are_never_floats(example: Any) -> None:
    """The exact values behind the rounded figures are those of the evaluation."""
    result = find_offer(example, 3, "Les Bâtisseurs Solidaires (SCOP)")
    explanation = explain(example, 3, "Les Bâtisseurs Solidaires (SCOP)")
    assert Fraction(one(explanation, "total").figures["total_exact"]) == result.total
    assert Decimal(one(explanation, "price-ttc").figures["price_ttc"]) == result.price_ttc
