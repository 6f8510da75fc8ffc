"""criteria.yaml's criteria trees (``sub_criteria``) and named sets (``sets``), and the lots that
use them (``criteria``, ``required_documents``): what loads, and each mistake located."""

from decimal import Decimal
from pathlib import Path

import pytest

from helpers import CRITERIA_TREE_YAML
from referent_ess.config.loader import load_config
from referent_ess.config.model import MAX_DEPTH
from referent_ess.problems.errors import ConfigError

LOTS = """\
consultation: {title: T, required_documents: [cv, kbis]}
lots:
  - {id: 1, title: A, cap_ht: 5000}
  - {id: 2, title: B, cap_ht: 5000, criteria: travaux, required_documents: [cv, attestation]}
"""

TREE = CRITERIA_TREE_YAML


def write(tmp_path: Path, lots: str, criteria: str) -> tuple[Path, Path]:
    lots_path, criteria_path = tmp_path / "lots.yaml", tmp_path / "criteria.yaml"
    lots_path.write_text(lots, encoding="utf-8")
    criteria_path.write_text(criteria, encoding="utf-8")
    return lots_path, criteria_path


def problems(tmp_path: Path, criteria: str, lots: str = LOTS, lang: str = "en") -> list[str]:
    with pytest.raises(ConfigError) as caught:
        load_config(*write(tmp_path, lots, criteria))
    return [p.line_in(lang) for p in caught.value.problems]


def test_a_tree_and_a_named_set_load_as_written(tmp_path: Path) -> None:
    config = load_config(*write(tmp_path, LOTS, TREE))
    default = config.criteria_for(1)
    assert default.name is None
    assert [c.id for c in default.criteria] == ["technique", "prix"]
    assert [c.id for c in default.nodes] == [
        "technique",
        "methode",
        "moyens",
        "equipe",
        "materiel",
        "prix",
    ]
    assert [c.id for c in default.leaves] == ["methode", "equipe", "materiel", "prix"]
    assert [(c.id, c.weight, c.scale) for c in default.marked] == [
        ("methode", 24, 5),
        ("equipe", 20, 10),  # its own scale
        ("materiel", 16, 5),
    ]
    assert default.price_criterion.id == "prix"
    assert default.parent_of("equipe") == default.node("moyens")
    assert default.parent_of("technique") is None
    assert [default.depth_of(i) for i in ("technique", "moyens", "equipe")] == [1, 2, 3]
    assert default.tie_break == ("technique", "moyens", "prix")
    assert not default.is_flat

    works = config.criteria_for(2)
    assert works.name == "travaux"
    assert [(c.id, c.weight) for c in works.criteria] == [("technique", 70), ("prix", 30)]
    assert works.is_flat
    assert works.price_criterion.price is not None
    assert works.price_criterion.price.formula.value == "linear"
    assert config.criteria_for(None) is default  # no lot (unreadable): the default set
    assert config.criteria_for(99) is default

    assert config.documents_for(1) == ("cv", "kbis")
    assert config.documents_for(2) == ("cv", "attestation")
    assert config.document_columns == ("cv", "kbis", "attestation")
    # the default set's leaves, then the set travaux's own: "technique" is a parent in the
    # first and a marked leaf in the second, so it is a column (of lot 2 only)
    assert [c.id for c in config.mark_columns] == ["methode", "equipe", "materiel", "technique"]
    assert config.lots_marking("technique") == (2,)
    assert config.lots_marking("methode") == (1,)
    assert not config.uniform


def test_a_set_no_lot_uses_adds_no_column(tmp_path: Path) -> None:
    lots = "consultation: {title: T}\nlots: [{id: 1, title: A, cap_ht: 5}]\n"
    config = load_config(*write(tmp_path, lots, TREE))
    assert [s.name for s in config.sets_in_use] == [None]
    assert [c.id for c in config.mark_columns] == ["methode", "equipe", "materiel"]
    assert config.uniform


def test_sub_weights_that_do_not_add_up_give_the_sum_found(tmp_path: Path) -> None:
    criteria = TREE.replace("weight: 16}", "weight: 14}")
    path = tmp_path / "criteria.yaml"
    # moyens weighs 36; its children 20 + 14 = 34
    assert problems(tmp_path, criteria) == [
        f"{path}:10: criteria.0.sub_criteria.1.sub_criteria: the weights of the sub-criteria of "
        "'moyens' must add up to its weight 36, found 20 + 14 = 34 [sub-weights-sum]"
    ]


def test_sub_weights_written_as_percentages_say_how_to_convert(tmp_path: Path) -> None:
    criteria = """\
criteria:
  - id: technique
    label: Valeur technique
    weight: 60
    sub_criteria:
      - {id: methode, label: Méthodologie, weight: 40}
      - {id: moyens, label: Moyens, weight: 60}
  - {id: prix, label: Prix, weight: 40, price: {formula: proportional}}
"""
    lots = "consultation: {title: T}\nlots: [{id: 1, title: A, cap_ht: 5}]\n"
    path = tmp_path / "criteria.yaml"
    # 60 × 40 / 100 = 24 and 60 × 60 / 100 = 36
    assert problems(tmp_path, criteria, lots) == [
        f"{path}:5: criteria.0.sub_criteria: the weights of the sub-criteria of 'technique' add "
        "up to 100 (40 + 60), like percentages of it; a sub-criterion's weight is a share of the "
        "total, like a criterion's: with 'technique' weighing 60, write 24 + 36 (each "
        "percentage × 60 / 100) [sub-weights-percent]"
    ]
    assert problems(
        tmp_path,
        criteria.replace("weight: 60\n    sub", "weight: 55\n    sub").replace(
            "weight: 40, price", "weight: 45, price"
        ),
        lots,
        "fr",
    ) == [
        # 55 × 40 / 100 = 22 and 55 × 60 / 100 = 33
        f"{path}:5 : criteria.0.sub_criteria : les pondérations des sous-critères de "
        "'technique' font 100 (40 + 60), comme des pourcentages du critère ; or la pondération "
        "d'un sous-critère est une part du total, comme celle d'un critère : 'technique' pesant "
        "55, écrivez 22 + 33 (chaque pourcentage × 55 / 100) [sub-weights-percent]"
    ]


def test_percentages_with_decimals_convert_exactly(tmp_path: Path) -> None:
    criteria = """\
criteria:
  - id: technique
    label: Valeur technique
    weight: 45
    sub_criteria:
      - {id: methode, label: Méthodologie, weight: 50}
      - {id: moyens, label: Moyens, weight: 50}
  - {id: prix, label: Prix, weight: 55, price: {formula: proportional}}
"""
    lots = "consultation: {title: T}\nlots: [{id: 1, title: A, cap_ht: 5}]\n"
    (line,) = problems(tmp_path, criteria, lots, "fr")
    assert "écrivez 22,5 + 22,5 (chaque pourcentage × 45 / 100)" in line  # 45 × 50 / 100


def test_a_lot_naming_an_unknown_set_is_located(tmp_path: Path) -> None:
    lots = LOTS.replace("criteria: travaux", "criteria: travail")
    path = tmp_path / "lots.yaml"
    assert problems(tmp_path, TREE, lots) == [
        f"{path}:4: lots.1.criteria: unknown criteria set 'travail'; criteria.yaml defines "
        "these sets: travaux [unknown-criteria-set]"
    ]
    no_sets = TREE[: TREE.index("sets:")]
    assert problems(tmp_path, no_sets, lots, "fr") == [
        f"{path}:4 : lots.1.criteria : jeu de critères inconnu 'travail' : criteria.yaml ne "
        "définit aucun jeu (ajoutez-le sous sets:, ou supprimez criteria pour appliquer les "
        "critères par défaut) [unknown-criteria-set]"
    ]


def test_an_id_is_unique_across_the_whole_tree(tmp_path: Path) -> None:
    criteria = TREE.replace("{id: materiel,", "{id: methode,")
    path = tmp_path / "criteria.yaml"
    assert problems(tmp_path, criteria) == [
        f"{path}:12: criteria.0.sub_criteria.1.sub_criteria.1.id: criterion id 'methode' is "
        "used twice [duplicate-id]"
    ]


def test_the_price_criterion_has_no_sub_criteria_and_stays_at_the_top(tmp_path: Path) -> None:
    criteria = """\
criteria:
  - id: technique
    label: Valeur technique
    weight: 60
    sub_criteria:
      - {id: methode, label: Méthodologie, weight: 30}
      - {id: cout, label: Coût, weight: 30, price: {formula: proportional}}
  - id: prix
    label: Prix
    weight: 40
    price: {formula: proportional}
    sub_criteria:
      - {id: unitaire, label: Prix unitaires, weight: 40}
"""
    lots = "consultation: {title: T}\nlots: [{id: 1, title: A, cap_ht: 5}]\n"
    path = tmp_path / "criteria.yaml"
    assert problems(tmp_path, criteria, lots) == [
        f"{path}:7: criteria.0.sub_criteria.1.price: the price criterion 'cout' must be a "
        "top-level criterion, not a sub-criterion [price-criterion]",
        f"{path}:12: criteria.1.sub_criteria: the price criterion 'prix' cannot have "
        "sub-criteria (a price schedule is not supported yet): remove sub_criteria "
        "[price-sub-criteria]",
    ]


def test_a_tree_deeper_than_the_limit_is_refused(tmp_path: Path) -> None:
    criteria = TREE.replace(
        "{id: materiel, label: Matériel, weight: 16}",
        "id: materiel\n            label: Matériel\n            weight: 16\n"
        "            sub_criteria:\n              - {id: outils, label: Outils, weight: 16}",
    )
    path = tmp_path / "criteria.yaml"
    assert MAX_DEPTH == 3
    assert problems(tmp_path, criteria) == [
        f"{path}:15: criteria.0.sub_criteria.1.sub_criteria.1.sub_criteria: 'materiel' is at "
        "level 3, the deepest a criteria tree goes (criterion, sub-criterion, and one level "
        "below): its sub-criteria would be one level too deep [too-deep]"
    ]


def test_a_parent_takes_no_scale_and_a_hierarchy_no_sub_criteria(tmp_path: Path) -> None:
    criteria = TREE.replace("weight: 36\n", "weight: 36\n        scale: 10\n")
    path = tmp_path / "criteria.yaml"
    assert problems(tmp_path, criteria) == [
        f"{path}:10: criteria.0.sub_criteria.1.scale: 'moyens' is not marked, its sub-criteria "
        "are: give scale to them, not to it [invalid-value]"
    ]
    hierarchy = """\
ordering: hierarchy
criteria:
  - id: technique
    label: Valeur technique
    sub_criteria:
      - {id: methode, label: Méthodologie}
  - {id: prix, label: Prix, price: {formula: proportional}}
"""
    lots = "consultation: {title: T}\nlots: [{id: 1, title: A, cap_ht: 5}]\n"
    assert problems(tmp_path, hierarchy, lots) == [
        f"{path}:5: criteria.0.sub_criteria: ordering: hierarchy compares whole criteria one "
        "after the other, without weights, so 'technique' cannot have sub-criteria: remove "
        "sub_criteria, or weight the criteria [hierarchy-sub-criteria]"
    ]


def test_a_named_set_is_checked_like_the_default_one(tmp_path: Path) -> None:
    criteria = TREE.replace("weight: 70}", "weight: 60}").replace(
        "    tie_break: [prix]", "    tie_break: [methode]"
    )
    path = tmp_path / "criteria.yaml"
    # the set travaux: 60 + 30 = 90, and methode is a node of the default set only
    assert problems(tmp_path, criteria) == [
        f"{path}:17: sets.travaux.criteria: weights must sum to 100, found 60 + 30 = 90 "
        "[weights-sum]",
        f"{path}:20: sets.travaux.tie_break.0: unknown criterion 'methode'; expected one of "
        "technique, prix [unknown-criterion]",
    ]


def test_a_missing_sub_weight_is_a_missing_key(tmp_path: Path) -> None:
    criteria = TREE.replace(
        "{id: methode, label: Méthodologie, weight: 24}", "{id: methode, label: M}"
    )
    path = tmp_path / "criteria.yaml"
    assert problems(tmp_path, criteria) == [
        f"{path}:6: criteria.0.sub_criteria.0.weight: required key is missing [missing-key]"
    ]


def test_columns_of_every_set_and_every_list_of_documents_may_not_clash(tmp_path: Path) -> None:
    criteria = TREE.replace(
        "- {id: technique, label: Valeur technique, weight: 70}",
        "- {id: Methode, label: Méthode, weight: 70}",
    )
    lots = LOTS.replace("[cv, attestation]", "[cv, TVA]")
    assert problems(tmp_path, criteria, lots) == [
        f"{tmp_path / 'lots.yaml'}:4: lots.1.required_documents.1: document 'TVA' would be the "
        "same column as the vat_rate column; rename it [column-clash]",
        f"{tmp_path / 'criteria.yaml'}:18: sets.travaux.criteria.0.id: criterion id 'Methode' "
        "would be the same column as criterion 'methode'; rename it [column-clash]",
    ]


def test_the_same_leaf_in_two_sets_is_one_column(tmp_path: Path) -> None:
    criteria = TREE.replace(
        "- {id: technique, label: Valeur technique, weight: 70}",
        "- {id: methode, label: Méthodologie, weight: 70}",
    )
    config = load_config(*write(tmp_path, LOTS, criteria))
    assert [c.id for c in config.mark_columns] == ["methode", "equipe", "materiel"]
    assert config.lots_marking("methode") == (1, 2)
    assert config.criteria_for(2).node("methode") is not None
    assert config.criteria_for(2).marked[0].weight == Decimal(70)
