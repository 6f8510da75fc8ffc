"""The commission's block (``consultation.commission`` of lots.yaml) in every report: the
meeting, the members, a formal proposed award per lot, and the signatures.

The winners and totals are the example's, worked out by hand in tests/cli/cli_helpers.py:
lot 1 Association Trame Solidaire 81.00; lot 2 SCIC Nourrir l'Estuaire 65 + 1520/81 = 83.77;
lot 3 Les Bâtisseurs Solidaires (SCOP) 4327/49 = 88.31; lot 4 the same 80.18.
"""

import io
from datetime import UTC, datetime
from pathlib import Path

import openpyxl
import pytest

from referent_ess import api, i18n
from referent_ess.config.loader import load_config
from referent_ess.evaluation.results import Evaluation
from referent_ess.problems.errors import ConfigError
from referent_ess.render.commission import commission_block
from referent_ess.render.html.report import build_report_html
from referent_ess.render.markdown_doc import evaluation_markdown
from referent_ess.render.run_info import run_info
from referent_ess.render.xlsx.report import build_report_xlsx

ROOT = Path(__file__).resolve().parents[2]
RUN_AT = datetime(2026, 12, 7, 22, 0, tzinfo=UTC)
COMMISSION = """\
  commission:
    name: Commission d'analyse des offres
    meeting_date: 2018-04-05
    place: Nantes
    members:
      - {name: Anne Martin, role: présidente}
      - {name: "  Bruno   Lefèvre ", role: membre}
      - {name: Chloé Dubois}
"""
NBSP = "\u00a0"
PROPOSALS = [
    "La commission propose d'attribuer le lot 1 (Services aux personnes et aux familles) à "
    f"«{NBSP}Association Trame Solidaire{NBSP}», dont l'offre est classée 1re avec 81,00 points "
    "sur 100.",
    "La commission propose d'attribuer le lot 2 (Circuits courts et alimentation) à "
    f"«{NBSP}SCIC Nourrir l'Estuaire{NBSP}», dont l'offre est classée 1re avec 83,77 points sur "
    "100.",
    "La commission propose d'attribuer le lot 3 (Habitat, Rénovation, Construire autrement) à "
    f"«{NBSP}Les Bâtisseurs Solidaires (SCOP){NBSP}», dont l'offre est classée 1re avec 88,31 "
    "points sur 100.",
    "La commission propose d'attribuer le lot 4 (Réemploi et ressources) à "
    f"«{NBSP}Les Bâtisseurs Solidaires (SCOP){NBSP}», dont l'offre est classée 1re avec 80,18 "
    "points sur 100.",
]


def _lots(tmp_path: Path, commission: str = COMMISSION) -> Path:
    text = (ROOT / "lots.yaml").read_text(encoding="utf-8")
    text = text.replace("consultation:\n", "consultation:\n" + commission, 1)
    text = text.replace("examples/offers-2018.xlsx", str(ROOT / "examples" / "offers-2018.xlsx"))
    lots = tmp_path / "lots.yaml"
    lots.write_text(text, encoding="utf-8")
    return lots


@pytest.fixture
def evaluation(tmp_path: Path) -> Evaluation:
    return api.score(_lots(tmp_path), ROOT / "criteria.yaml")


def test_the_commission_is_read_from_lots_yaml(tmp_path: Path) -> None:
    config = load_config(_lots(tmp_path), ROOT / "criteria.yaml")
    commission = config.consultation.commission
    assert commission is not None
    assert commission.name == "Commission d'analyse des offres"
    assert commission.meeting_date == datetime(2018, 4, 5).date()
    assert commission.place == "Nantes"
    assert [(m.name, m.role) for m in commission.members] == [
        ("Anne Martin", "présidente"),
        ("Bruno Lefèvre", "membre"),  # spaces tidied
        ("Chloé Dubois", None),
    ]


@pytest.mark.parametrize(
    ("commission", "code"),
    [
        ("  commission:\n    meeting_date: demain\n", "invalid-value"),
        ("  commission:\n    members: [{role: membre}]\n", "missing-key"),
        ("  commission:\n    members: [{name: Anne, qualite: membre}]\n", "unknown-key"),
        ("  commission:\n    lieu: Nantes\n", "unknown-key"),
    ],
)
def test_a_bad_commission_is_a_located_configuration_error(
    tmp_path: Path, commission: str, code: str
) -> None:
    with pytest.raises(ConfigError) as caught:
        load_config(_lots(tmp_path, commission), ROOT / "criteria.yaml")
    codes = [p.code for p in caught.value.problems]
    assert code in codes, codes
    assert all(p.file and p.file.endswith("lots.yaml") for p in caught.value.problems)


def test_the_block_names_the_meeting_the_members_and_a_proposal_per_lot(
    evaluation: Evaluation,
) -> None:
    with i18n.language("fr"):
        block = commission_block(evaluation, evaluation.lots)
    assert block.meeting == "Commission d'analyse des offres — séance du 5 avril 2018, à Nantes."
    assert block.members == (
        ("Anne Martin", "présidente"),
        ("Bruno Lefèvre", "membre"),
        ("Chloé Dubois", ""),
    )
    assert list(block.proposals) == PROPOSALS
    assert block.signature_place == "Fait à Nantes, le 5 avril 2018"
    assert block.signatories == ("Anne Martin", "Bruno Lefèvre", "Chloé Dubois")


def test_without_a_commission_the_block_leaves_blanks_to_fill_in(tmp_path: Path) -> None:
    evaluation = api.score(_lots(tmp_path, ""), ROOT / "criteria.yaml")
    with i18n.language("fr"):
        block = commission_block(evaluation, evaluation.lots[:1])
    assert block.meeting == "La commission — séance du ………………."
    assert block.members == ()
    assert block.proposals == (PROPOSALS[0],)
    assert block.signature_place == "Fait à ………………, le ………………"
    assert block.signatories == ("", "")  # two blank boxes


def test_no_proposal_while_a_ranking_is_provisional_or_empty(tmp_path: Path) -> None:
    lots = tmp_path / "lots.yaml"
    lots.write_text(
        "consultation: {title: T, deadline: 2026-03-23}\n"
        "lots:\n  - {id: 1, title: Un, cap_ht: 10000}\n  - {id: 2, title: Deux, cap_ht: 5000}\n",
        encoding="utf-8",
    )
    criteria = tmp_path / "criteria.yaml"
    criteria.write_text(
        "criteria:\n  - {id: quality, label: Qualité, weight: 60}\n"
        "  - {id: price, label: Prix, weight: 40, price: {formula: proportional}}\n",
        encoding="utf-8",
    )
    offers = tmp_path / "offers.csv"
    # lot 1: a day rate that is no number makes its ranking provisional; lot 2: no offer
    offers.write_text(
        "candidate,lot,day_rate_ht,days,vat_rate,quality\nAlpha,1,abc,10,0.2,4\n"
        "Beta,1,400,10,0.2,3\n",
        encoding="utf-8",
    )
    evaluation = api.score(lots, criteria, offers)
    with i18n.language("fr"):
        block = commission_block(evaluation, evaluation.lots)
    assert block.proposals == (
        "La commission ne peut pas encore proposer d'attributaire pour le lot 1 (Un) : le "
        "classement est provisoire.",
        "Aucune offre n'est classée pour le lot 2 (Deux) : la commission ne propose pas "
        "d'attributaire.",
    )


def test_every_report_carries_the_block(evaluation: Evaluation) -> None:
    run = run_info(evaluation, RUN_AT, ["referent", "report"])
    html = build_report_html(evaluation, run)
    assert '<section class="commission" id="commission"' in html
    assert html.count('<div class="signature">') == 3
    assert '<th scope="row">Anne Martin</th><td>présidente</td>' in html
    for text in PROPOSALS:
        assert text.replace("'", "&#x27;") in html or text in html

    book = openpyxl.load_workbook(io.BytesIO(build_report_xlsx(evaluation, run)))
    ws = book["Proposition"]
    values = [c.value for row in ws.iter_rows() for c in row if c.value is not None]
    assert values[:2] == [
        "Proposition d'attribution et signatures",
        "Commission d'analyse des offres — séance du 5 avril 2018, à Nantes.",
    ]
    for text in PROPOSALS:
        assert text in values
    assert values[-4:] == ["Fait à Nantes, le 5 avril 2018", "Anne Martin", "Bruno Lefèvre",
                           "Chloé Dubois"]  # fmt: skip
    assert ws.page_setup.orientation == "portrait"

    with i18n.language("en"):  # the block is French whatever the run's language
        markdown = evaluation_markdown(evaluation)
    assert "## Proposition d'attribution et signatures" in markdown
    assert "| Anne Martin | présidente |" in markdown
    assert "- Chloé Dubois — Signature : ………………" in markdown


def test_the_markdown_has_no_block_without_a_commission(tmp_path: Path) -> None:
    evaluation = api.score(_lots(tmp_path, ""), ROOT / "criteria.yaml")
    assert "Signature" not in evaluation_markdown(evaluation)
