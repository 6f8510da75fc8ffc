"""``explain`` on a criteria tree: each marked sub-criterion, then each criterion with
sub-criteria as the sum of theirs, then the total of the top-level criteria, by label; and a
lot with its own set explained on that set. Figures by hand."""

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from referent_ess.cli import app

LOTS = """\
consultation: {title: T, required_documents: [cv]}
lots:
  - {id: 1, title: Bureaux, cap_ht: 50000}
  - {id: 2, title: Travaux, cap_ht: 50000, criteria: travaux, required_documents: [kbis]}
"""
CRITERIA = """\
criteria:
  - id: technique
    label: Valeur technique
    weight: 60
    sub_criteria:
      - {id: methode, label: Méthodologie, weight: 24}
      - id: moyens
        label: Moyens
        weight: 36
        sub_criteria:
          - {id: equipe, label: Équipe, weight: 20, scale: 10}
          - {id: materiel, label: Matériel, weight: 16}
  - {id: prix, label: Prix, weight: 40, price: {formula: proportional, basis: ht}}
sets:
  travaux:
    criteria:
      - {id: technique, label: Valeur technique, weight: 70}
      - {id: prix, label: Prix, weight: 30, price: {formula: proportional, basis: ht}}
"""
# Beta (lot 1): 400 × 10 = 4000.00 HT; methode 24 × 5/5 = 24; equipe 20 × 10/10 = 20;
# materiel 16 × 2.5/5 = 8; moyens 28; technique 52; prix 40 × 3000/4000 = 30; total 82.
OFFERS = (
    "candidate;lot;day_rate_ht;days;cv;kbis;methode;equipe;materiel;technique\n"
    "Alpha;1;300;10;oui;;4;7;5;\n"
    "Beta;1;400;10;oui;;5;10;2,5;\n"
    "Gamma;2;500;10;;oui;;;;3\n"
)


@pytest.fixture
def args(tmp_path: Path) -> list[str]:
    (tmp_path / "lots.yaml").write_text(LOTS, encoding="utf-8")
    (tmp_path / "criteria.yaml").write_text(CRITERIA, encoding="utf-8")
    (tmp_path / "offers.csv").write_text(OFFERS, encoding="utf-8")
    return [
        str(tmp_path / "offers.csv"),
        "--lots",
        str(tmp_path / "lots.yaml"),
        "--criteria",
        str(tmp_path / "criteria.yaml"),
    ]


def lines(runner: CliRunner, *given: str) -> list[str]:
    result = runner.invoke(app, list(given))
    assert result.exit_code == 0, result.output
    return result.stdout.splitlines()


def test_each_node_is_explained_by_label(runner: CliRunner, args: list[str]) -> None:
    text = lines(runner, "explain", "--lot", "1", "Beta", *args)
    assert text[4:11] == [
        " 4. “Méthodologie”, sub-criterion of “Valeur technique” (weight 24 %, at most 24 "
        "points): mark 5 (cell G3) / 5 × 24 = 24.00.",
        " 5. “Équipe”, sub-criterion of “Moyens” (weight 20 %, at most 20 points): mark 10 "
        "(cell H3) / 10 × 20 = 20.00.",
        " 6. “Matériel”, sub-criterion of “Moyens” (weight 16 %, at most 16 points): mark 2.5 "
        "(cell I3) / 5 × 16 = 8.00.",
        " 7. “Moyens”, sub-criterion of “Valeur technique” (weight 36 %, at most 36 points) = "
        "the sum of its sub-criteria: Équipe 20.00 + Matériel 8.00 = 28.00.",
        " 8. “Valeur technique” (weight 60 %, at most 60 points) = the sum of its "
        "sub-criteria: Méthodologie 24.00 + Moyens 28.00 = 52.00.",
        " 9. “Prix” (weight 40 %, at most 40 points), proportional formula on the price HT: "
        "40 × Pmin / P = 40 × 3000.00 / 4000.00 = 30.00; Pmin = 3000.00 is the lowest price "
        "HT of the 2 admissible offers.",
        "10. Total = Valeur technique 52.00 + Prix 30.00 = 82.00.",
    ]
    french = lines(runner, "--lang", "fr", "explain", "--lot", "1", "Beta", *args)
    assert french[7] == (
        " 7. Critère « Moyens », sous-critère de « Valeur technique » (pondération 36\u00a0%, "
        "au plus 36 points) = la somme de ses sous-critères : Équipe 20,00 + Matériel 8,00 = "
        "28,00."
    )


def test_a_lot_is_explained_on_its_own_set(runner: CliRunner, args: list[str]) -> None:
    text = lines(runner, "explain", "--lot", "2", "Gamma", *args)
    # travaux is flat: named by id, as any flat set; 70 × 3/5 = 42; the only offer: 30 price
    # points; its own document (kbis), not the consultation's (cv)
    assert (
        text[4]
        == " 4. Valeur technique (weight 70 %, at most 70 points): mark 3 (cell J4) / 5 × 70 "
        "= 42.00."
    )
    assert "every required document provided (kbis)" in " ".join(text)


def test_the_json_steps_keep_every_node(runner: CliRunner, args: list[str]) -> None:
    data = json.loads(
        "\n".join(lines(runner, "explain", "--lot", "1", "Beta", *args, "-f", "json"))
    )
    parents = [s for s in data["steps"] if s["code"] == "parent-points"]
    assert [(s["figures"]["criterion"], s["figures"]["points"]) for s in parents] == [
        ("moyens", "28.00"),
        ("technique", "52.00"),
    ]
    assert parents[1]["figures"]["sub_criteria"] == "methode, moyens"
