"""The offers workbook of a consultation whose lots have their own criteria and documents: a
column some lots do not fill is greyed on their rows and refuses a value there; and ``init``'s
commented examples of ``sub_criteria``, ``sets`` and a lot's own criteria load once
uncommented."""

import io
from datetime import date
from pathlib import Path

import openpyxl
from openpyxl.worksheet.worksheet import Worksheet

from referent_ess import api
from referent_ess.config.loader import load_config
from referent_ess.config.model import Config
from referent_ess.scaffold.init import criteria_yaml, lots_yaml
from referent_ess.scaffold.offers_template import build_template

LOTS = """\
consultation: {title: T, required_documents: [cv]}
lots:
  - {id: 1, title: Bureaux, cap_ht: 50000}
  - {id: 2, title: Travaux, cap_ht: 50000, criteria: travaux, required_documents: [cv, kbis]}
  - {id: 3, title: Vitres, cap_ht: 50000}
"""
CRITERIA = """\
criteria:
  - id: technique
    label: Valeur technique
    weight: 60
    sub_criteria:
      - {id: methode, label: Méthodologie, weight: 24}
      - {id: equipe, label: Équipe, weight: 36, scale: 10}
  - {id: prix, label: Prix, weight: 40, price: {formula: proportional}}
sets:
  travaux:
    criteria:
      - {id: equipe, label: Équipe, weight: 70, scale: 4}
      - {id: prix, label: Prix, weight: 30, price: {formula: proportional}}
"""


def config_of(tmp_path: Path) -> Config:
    (tmp_path / "lots.yaml").write_text(LOTS, encoding="utf-8")
    (tmp_path / "criteria.yaml").write_text(CRITERIA, encoding="utf-8")
    return load_config(tmp_path / "lots.yaml", tmp_path / "criteria.yaml")


def offers_sheet(config: Config) -> Worksheet:
    return openpyxl.load_workbook(io.BytesIO(build_template(config)))["offers"]


def test_columns_of_some_lots_refuse_the_others_and_are_greyed_there(tmp_path: Path) -> None:
    sheet = offers_sheet(config_of(tmp_path))
    headers = [cell.value for cell in sheet[1]]
    assert headers[7:] == [
        "cv",  # no label: its id
        "kbis",
        "Méthodologie",  # a criterion by its label (of the first set that marks it)
        "Méthodologie commentaire",
        "Équipe",
        "Équipe commentaire",
        "Décision du jury",  # the jury's decision and its reason: every lot
        "Motif de la décision",
    ]
    rules = {str(v.sqref): v for v in sheet.data_validations.dataValidation}
    # cv: every lot, the usual list; kbis: lot 2 only, oui or non
    assert (rules["H2:H1000"].type, rules["H2:H1000"].formula1) == ("list", '"oui,non"')
    assert (rules["I2:I1000"].type, rules["I2:I1000"].formula1) == (
        "custom",
        'AND(OR($B2="",$B2=2),OR(I2="oui",I2="non"))',
    )
    # methode: lots 1 and 3, out of 5; its comment: lots 1 and 3
    assert rules["J2:J1000"].formula1 == (
        'AND(ISNUMBER(J2),J2>=0,OR($B2="",AND(OR($B2=1,$B2=3),J2<=5)))'
    )
    assert rules["K2:K1000"].formula1 == 'OR($B2="",$B2=1,$B2=3)'
    assert rules["J2:J1000"].error.startswith(
        "Cette colonne ne concerne que les lots 1 et 3 : laissez-la vide pour les autres lots. "
        "Note hors barème"
    )
    # equipe: every lot, but out of 10 for lots 1 and 3 and out of 4 for lot 2
    assert rules["L2:L1000"].formula1 == (
        'AND(ISNUMBER(L2),J2>=0,OR($B2="",AND(OR($B2=1,$B2=3),L2<=10),AND(OR($B2=2),L2<=4)))'.replace(
            "J2>=0", "L2>=0"
        )
    )
    assert rules["M2:M1000"].type is None  # its comment: any lot
    greyed = {
        str(area.sqref): [rule.formula for rule in rules_of]
        for area, rules_of in sheet.conditional_formatting._cf_rules.items()
    }
    assert greyed == {
        "I2:I1000": [['AND($B2<>"",NOT(OR($B2="",$B2=2)))']],
        "J2:J1000": [['AND($B2<>"",NOT(OR($B2="",$B2=1,$B2=3)))']],
        "K2:K1000": [['AND($B2<>"",NOT(OR($B2="",$B2=1,$B2=3)))']],
    }
    assert sheet["I1"].comment.text.endswith(
        "Seulement pour les offres du lot 2 : pour les autres lots, la cellule est grisée et "
        "doit rester vide."
    )
    assert sheet["J1"].comment.text.startswith(
        "Note du jury pour le critère « Valeur technique — Méthodologie » (24 % des points)"
    )


def test_the_template_is_read_back_as_the_tool_expects(tmp_path: Path) -> None:
    config = config_of(tmp_path)
    (tmp_path / "offers.xlsx").write_bytes(build_template(config))
    report = api.validate(
        tmp_path / "lots.yaml", tmp_path / "criteria.yaml", tmp_path / "offers.xlsx"
    )
    assert [p.code for p in report.problems] == ["no-offers"]


def test_a_uniform_consultation_keeps_its_usual_rules(tmp_path: Path) -> None:
    lots = LOTS.replace(", criteria: travaux, required_documents: [cv, kbis]", "")
    (tmp_path / "lots.yaml").write_text(lots, encoding="utf-8")
    (tmp_path / "criteria.yaml").write_text(CRITERIA, encoding="utf-8")
    sheet = offers_sheet(load_config(tmp_path / "lots.yaml", tmp_path / "criteria.yaml"))
    assert [v.type for v in sheet.data_validations.dataValidation].count("custom") == 0
    assert not sheet.conditional_formatting._cf_rules


def _uncommented(block: str) -> str:
    return "\n".join(line.replace("# ", "", 1) for line in block.splitlines()) + "\n"


def test_inits_commented_examples_load_once_uncommented(tmp_path: Path) -> None:
    criteria = criteria_yaml()
    start = criteria.index("    # sub_criteria:")
    end = criteria.index("  - id: competence")
    tree = _uncommented(criteria[start:end])
    criteria = criteria[:start] + tree + criteria[end:]
    sets = criteria.index("# sets:")
    criteria = criteria[:sets] + _uncommented(criteria[sets:])
    scales = criteria.index("# scales:")
    end = criteria.index("# Jeux de critères")
    criteria = criteria[:scales] + _uncommented(criteria[scales:end]) + criteria[end:]
    lots = lots_yaml(2, "Essai", date(2026, 3, 23))
    start = lots.index("#   - id: 9")
    end = lots.index("lots:\n")
    lots = lots[:start] + lots[end:] + _uncommented(lots[start:end])
    (tmp_path / "lots.yaml").write_text(lots, encoding="utf-8")
    (tmp_path / "criteria.yaml").write_text(criteria, encoding="utf-8")
    config = load_config(tmp_path / "lots.yaml", tmp_path / "criteria.yaml")
    technical = config.criteria_for(1).node("technical")
    assert technical is not None
    assert [(c.id, c.weight, c.scale) for c in technical.sub_criteria] == [
        ("methode", 18, 5),  # the highest mark of the scale appreciation
        ("moyens", 12, 10),
    ]
    methode = technical.sub_criteria[0]
    assert methode.descriptors is not None
    assert methode.descriptors.mark_of("satisfaisant") == 3
    assert technical.min_points == 12
    assert config.criteria_for(9).name == "travaux"
    assert config.documents_for(9) == ("note_contexte", "attestation_visite")
