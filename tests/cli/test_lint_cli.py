"""``referent lint``: the bundled example, a consultation built to be clean, one with legal
risks; table, Markdown and JSON; exit code 1 only when a legal risk is found."""

import csv
import io
import json
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

from cli_helpers import CRITERIA, LOTS, as_json, run
from typer.testing import CliRunner

from helpers import write_config
from referent_ess.cli import app

EXAMPLE = ["--lots", str(LOTS), "--criteria", str(CRITERIA)]

CLEAN_LOTS = """\
consultation:
  title: Consultation propre
  deadline: 2026-10-09 12:00:00
  max_lots_per_candidate: 1
  allocation_rule: le lot de plus forte valeur d'abord, les autres à l'offre suivante
lots:
  - {id: 1, title: A, cap_ht: 1000}
  - {id: 2, title: B, cap_ht: 1000}
"""
CLEAN_CRITERIA = """\
sub_weights_announced: true
criteria:
  - id: technique
    label: Valeur technique
    weight: 60
    sub_criteria:
      - {id: methode, label: Méthode, weight: 40}
      - {id: environnement, label: Environnement, weight: 20, environmental: true}
  - {id: price, label: Prix, weight: 40, price: {formula: proportional}}
"""


def test_the_bundled_example_reports_its_real_findings(runner: CliRunner) -> None:
    # 2018: no criterion is environmental, but the deadline (23 March 2018) is before 21 August
    # 2026, so the obligation did not apply: advice, not a legal risk, hence exit code 0; the
    # prices are compared TTC and no lot's highest price is twice its lowest. The workbook has
    # one comment column, "context commentaire", filled only for lot 3's four offers: lots 1
    # and 2 have 3 offers × 3 marks with no appraisal, lot 4 4 × 3, lot 3 12 − 4 = 8 of 12
    # Lots 1, 3 and 4 are compared with the proportional formula on prices more than 20 %
    # apart while their price points spread over less than 5 of 20 (simulate flags them too).
    data = as_json(run(runner, ["lint", "--format", "json", *EXAMPLE], 0))
    assert (data["risks"], data["advice"]) == (0, 8)
    neutralised = [f for f in data["findings"] if f["code"] == "lint-price-neutralised"]
    assert [f["lot"] for f in neutralised] == [1, 3, 4]
    for finding in neutralised:
        figures = finding["figures"]
        assert Decimal(figures["spread_num"]) < 5
        assert Decimal(figures["gap_num"]) > 20
        assert (finding["severity"], finding["source"]) == ("advice", "heuristic")
    found, *appraisals = [f for f in data["findings"] if f not in neutralised]
    assert [
        (f["code"], f["lot"], f["figures"]["count"], f["figures"]["total"]) for f in appraisals
    ] == [
        ("lint-appraisal", 1, "9", "9"),
        ("lint-appraisal", 2, "9", "9"),
        ("lint-appraisal", 3, "8", "12"),
        ("lint-appraisal", 4, "12", "12"),
    ]
    assert found["code"] == "lint-environmental-criterion"
    assert (found["form"], found["severity"], found["lot"]) == ("before", "advice", None)
    assert found["figures"] == {"deadline_date": "2018-03-23"}
    assert found["source"] == "l2152-7"
    assert "loi n° 2021-1104 of 22 August 2021" in found["source_text"]


def test_the_bundled_example_compared_ht(runner: CliRunner, tmp_path: Path) -> None:
    # lot 1 compared HT: Cap Services first; TTC: the VAT-exempt association (see
    # test_vat_basis_outputs.py for the figures)
    criteria = tmp_path / "criteria.yaml"
    text = CRITERIA.read_text(encoding="utf-8").replace("      basis: ttc\n", "      basis: ht\n")
    criteria.write_text(text, encoding="utf-8")
    args = ["lint", "--format", "json", "--lots", str(LOTS), "--criteria", str(criteria)]
    data = as_json(run(runner, args, 0))
    vat = [f for f in data["findings"] if f["code"] == "lint-vat-basis"]
    assert [(f["lot"], f["form"]) for f in vat] == [(1, "changes")]
    assert vat[0]["figures"] == {
        "ht_first": "Cap Services Coop (SCOP)",
        "ttc_first": "Association Trame Solidaire",
    }


def test_a_clean_consultation_reports_nothing(runner: CliRunner, tmp_path: Path) -> None:
    lots, criteria = write_config(tmp_path, CLEAN_LOTS, CLEAN_CRITERIA)
    args = ["lint", "--lots", str(lots), "--criteria", str(criteria)]
    out = run(runner, args, 0).stdout
    assert out.strip() == "No legal risk and no advice: nothing found."
    out = run(runner, ["--lang", "fr", *args, "--format", "json"], 0).stdout
    assert json.loads(out) == {"risks": 0, "advice": 0, "findings": []}


def test_a_clean_consultation_with_its_offers_reports_nothing(
    runner: CliRunner, tmp_path: Path, make_workbook: Callable[..., Path]
) -> None:
    # every mark appraised, one VAT rate, prices 3000 to 3200 (proportional, ratio < 2), none
    # below 80 % of the others' mean (no detection configured anyway), no received_at column
    lots, criteria = write_config(tmp_path, CLEAN_LOTS, CLEAN_CRITERIA)
    header = ["candidate", "lot", "day_rate_ht", "days", "vat_rate", "methode", "environnement"]
    header += ["methode_comment", "environnement_comment"]
    rows = [
        ["Alpha", 1, 300, 10, 0.2, 4, 3, "Planning détaillé", "Produits écolabellisés"],
        ["Beta", 1, 320, 10, 0.2, 3, 4, "Planning sommaire", "Dosage maîtrisé"],
        ["Gamma", 2, 310, 10, 0.2, 5, 2, "Méthode complète", "Peu d'engagements"],
    ]
    book = make_workbook(rows, header)
    args = ["lint", str(book), "--lots", str(lots), "--criteria", str(criteria)]
    data = as_json(run(runner, [*args, "--format", "json"], 0))
    assert data == {"risks": 0, "advice": 0, "findings": []}


def test_a_legal_risk_ends_in_exit_code_1(runner: CliRunner, tmp_path: Path) -> None:
    risky = CLEAN_LOTS.replace("  allocation_rule: le lot", "  # le lot")
    lots, criteria = write_config(tmp_path, risky, CLEAN_CRITERIA.replace("sub_weights", "#"))
    args = ["lint", "--lots", str(lots), "--criteria", str(criteria)]
    out = run(runner, args, 1).stdout
    assert "Found: 2 legal risks." in out
    assert "Found: a candidate may be awarded one lot at most, but no allocation rule" in out
    md = run(runner, ["--lang", "fr", *args, "--format", "markdown"], 1).stdout
    assert "Constats : 2 risques juridiques." in md
    assert "## 1. risque juridique — toute la consultation" in md
    assert (
        "- **Constat** : rien n'indique que la pondération des 2 sous-critères de « Valeur "
        "technique » est annoncée dans le règlement de la consultation"
    ) in md
    assert (
        "- **Source** : Conseil d'État, 18 juin 2010, Commune de Saint-Pal-de-Mons, n° 337377"
    ) in md
    assert "- **Constat** : un candidat ne peut se voir attribuer qu'un seul lot, mais" in md


def test_csv_one_row_per_finding(runner: CliRunner, tmp_path: Path) -> None:
    risky = CLEAN_LOTS.replace("  allocation_rule: le lot", "  # le lot")
    lots, criteria = write_config(tmp_path, risky, CLEAN_CRITERIA)
    args = ["--lang", "fr", "lint", "--lots", str(lots), "--criteria", str(criteria)]
    rows = list(csv.reader(io.StringIO(run(runner, [*args, "--format", "csv"], 1).stdout)))
    assert rows[0][:5] == ["severity", "lot", "code", "form", "source"]
    assert rows[1][:5] == ["risk", "", "lint-allocation-rule", "one", "r2113-1"]
    assert rows[1][5].startswith("a candidate may be awarded one lot at most")  # English
    assert len(rows) == 2


def test_score_and_validate_mention_the_legal_risks_in_one_line(
    runner: CliRunner, tmp_path: Path, make_workbook: Callable[..., Path]
) -> None:
    # the clean consultation without its allocation rule and sub-weights: 2 legal risks
    risky = CLEAN_LOTS.replace("  allocation_rule: le lot", "  # le lot")
    lots, criteria = write_config(tmp_path, risky, CLEAN_CRITERIA.replace("sub_weights", "#"))
    header = ["candidate", "lot", "day_rate_ht", "days", "vat_rate", "methode", "environnement"]
    book = make_workbook([["Alpha", 1, 300, 10, 0.2, 4, 3]], header)
    args = [str(book), "--lots", str(lots), "--criteria", str(criteria)]
    line = (
        "avertissement : 2 points de vigilance juridique dans la méthode de notation : voir "
        "referent lint"
    )
    for command in ("score", "validate"):
        result = runner.invoke(app, ["--lang", "fr", command, *args])
        assert line in result.stderr.splitlines(), result.stderr
    clean, criteria = write_config(tmp_path, CLEAN_LOTS, CLEAN_CRITERIA)
    args = [str(book), "--lots", str(clean), "--criteria", str(criteria)]
    for command in ("score", "validate"):
        assert "vigilance" not in runner.invoke(app, ["--lang", "fr", command, *args]).stderr


def test_one_legal_risk_in_english(
    runner: CliRunner, tmp_path: Path, make_workbook: Callable[..., Path]
) -> None:
    risky = CLEAN_LOTS.replace("  allocation_rule: le lot", "  # le lot")
    lots, criteria = write_config(tmp_path, risky, CLEAN_CRITERIA)
    header = ["candidate", "lot", "day_rate_ht", "days", "vat_rate", "methode", "environnement"]
    book = make_workbook([["Alpha", 1, 300, 10, 0.2, 4, 3]], header)
    args = ["validate", str(book), "--lots", str(lots), "--criteria", str(criteria)]
    result = runner.invoke(app, args)
    assert "warning: 1 legal risk in the evaluation model: see referent lint" in result.stderr


def test_the_cleaning_example_has_no_legal_risk(runner: CliRunner) -> None:
    # its environmental sub-criterion is tagged and its sub-weights announced, in both sets;
    # what is left is advice: marks without written appraisal (lots 1, 2 and 3)
    folder = LOTS.parent / "examples" / "nettoyage-2026"
    args = ["lint", "--format", "json", "--lots", str(folder / "lots.yaml")]
    data = as_json(run(runner, args, 0))
    assert data["risks"] == 0
    assert {f["code"] for f in data["findings"]} == {"lint-appraisal"}


def test_the_json_names_offers_in_english_whatever_the_language(
    runner: CliRunner,
    make_config: Callable[..., tuple[Path, Path]],
    make_workbook: Callable[..., Path],
) -> None:
    # row 3 has no candidate: « (row 3) » in the JSON, « (sans nom, ligne 3) » in French text
    lots, criteria = make_config()
    rows = [["Alpha", 1, 300, 10, 0.2, "oui", 4], [None, 1, 310, 10, 0.2, "oui", 3]]
    args = ["lint", str(make_workbook(rows)), "--lots", str(lots), "--criteria", str(criteria)]
    data = as_json(run(runner, ["--lang", "fr", *args, "--format", "json"], 0))
    [appraisal] = [f for f in data["findings"] if f["code"] == "lint-appraisal"]
    assert appraisal["figures"]["first"] == "Alpha — Quality ; (row 3) — Quality"
    markdown = run(runner, ["--lang", "fr", *args, "--format", "markdown"], 0).stdout
    assert "(sans nom, ligne 3) — Quality" in markdown
