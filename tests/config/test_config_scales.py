"""criteria.yaml's descriptor scales (``scales:``, ``scale: <name>``) and announced thresholds
(``min_points``): what loads, and each mistake refused with its line, in both languages."""

from decimal import Decimal
from pathlib import Path

import pytest

from referent_ess.base.normalise import word_key
from referent_ess.config.loader import load_config
from referent_ess.problems.errors import ConfigError

LOTS = "consultation: {title: T}\nlots: [{id: 1, title: A, cap_ht: 5000}]\n"

CRITERIA = """\
scales:
  appreciation:
    Très satisfaisant: 5
    Satisfaisant: 3
    Peu satisfaisant: 1
    Insuffisant: 0
criteria:
  - id: technique
    label: Valeur technique
    weight: 60
    min_points: 20
    sub_criteria:
      - {id: methode, label: Méthodologie, weight: 24, scale: appreciation}
      - {id: moyens, label: Moyens, weight: 36, scale: 10, min_points: 9}
  - {id: prix, label: Prix, weight: 40, price: {formula: proportional}}
"""


def write(tmp_path: Path, criteria: str, lots: str = LOTS) -> tuple[Path, Path]:
    lots_path, criteria_path = tmp_path / "lots.yaml", tmp_path / "criteria.yaml"
    lots_path.write_text(lots, encoding="utf-8")
    criteria_path.write_text(criteria, encoding="utf-8")
    return lots_path, criteria_path


def problems(tmp_path: Path, criteria: str, lots: str = LOTS, lang: str = "en") -> list[str]:
    with pytest.raises(ConfigError) as caught:
        load_config(*write(tmp_path, criteria, lots))
    return [p.line_in(lang) for p in caught.value.problems]


def test_a_descriptor_scale_and_thresholds_load_as_written(tmp_path: Path) -> None:
    config = load_config(*write(tmp_path, CRITERIA))
    criteria = config.criteria_for(1)
    methode, moyens = criteria.marked
    assert methode.descriptors is not None
    assert methode.descriptors.name == "appreciation"
    assert methode.descriptors.words == (
        ("Très satisfaisant", 5),
        ("Satisfaisant", 3),
        ("Peu satisfaisant", 1),
        ("Insuffisant", 0),
    )
    assert methode.scale == 5  # the highest mark of its words
    assert moyens.descriptors is None  # a number: as before
    assert moyens.scale == 10
    assert [(c.id, c.min_points) for c in criteria.thresholds] == [("technique", 20), ("moyens", 9)]
    assert criteria.node("prix").min_points is None  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("typed", "mark"),
    [
        ("Très satisfaisant", 5),
        ("tres satisfaisant", 5),
        ("TRÈS SATISFAISANT.", 5),
        ("  « Très-satisfaisant » ! ", 5),
        ("peu  satisfaisant…", 1),
        ("insuffisant", 0),
        ("satisfaisante", None),  # not a word of the scale
        ("très", None),
        ("", None),
    ],
)
def test_a_word_is_matched_ignoring_case_accents_spaces_and_punctuation(
    tmp_path: Path, typed: str, mark: int | None
) -> None:
    methode = load_config(*write(tmp_path, CRITERIA)).criteria_for(1).marked[0]
    assert methode.descriptors is not None
    assert methode.descriptors.mark_of(typed) == mark


def test_each_mark_has_its_word(tmp_path: Path) -> None:
    methode, moyens = load_config(*write(tmp_path, CRITERIA)).criteria_for(1).marked
    assert methode.word_for(Decimal(3)) == "Satisfaisant"
    assert methode.word_for(Decimal("3.0")) == "Satisfaisant"
    assert methode.word_for(Decimal(4)) is None  # the mean of 5 and 3, say: no word
    assert moyens.word_for(Decimal(3)) is None  # a numeric scale has no words


def test_symbols_are_kept_in_a_word() -> None:
    assert word_key("A+") == "a+"
    assert word_key("A") == "a"
    assert word_key("B.") == "b"


def test_the_buyers_own_words_work(tmp_path: Path) -> None:
    criteria = CRITERIA.replace(
        "    Très satisfaisant: 5\n    Satisfaisant: 3\n    Peu satisfaisant: 1\n"
        "    Insuffisant: 0\n",
        "    Excellent: 4\n    Correct: 2.5\n    Absent: 0\n",
    )
    methode = load_config(*write(tmp_path, criteria)).criteria_for(1).marked[0]
    assert methode.scale == 4
    assert methode.descriptors is not None
    assert methode.descriptors.mark_of("correct") == Decimal("2.5")


# ---- a bad scale, each refused at its line ------------------------------------------------------

BAD_SCALES = """\
scales:
  appreciation:
    Très satisfaisant: 5
    Satisfaisant: 3
    très satisfaisant!: 1
    "3": 0
    "...": 2
    Nul: -1
    Moyen: 3
  vide: {}
  rien:
  zeros: {A: 0, B: 0}
criteria:
  - {id: technique, label: Valeur technique, weight: 60, scale: appreciation}
  - {id: prix, label: Prix, weight: 40, price: {formula: proportional}}
"""


def test_every_bad_scale_is_one_located_message(tmp_path: Path) -> None:
    path = tmp_path / "criteria.yaml"
    assert problems(tmp_path, BAD_SCALES) == [
        f"{path}:5: scales.appreciation.très satisfaisant!: 'très satisfaisant!' is the same "
        "word as 'Très satisfaisant' once case, accents and punctuation are set aside (a mark "
        "cell reads both alike): keep one [scale-word]",
        f"{path}:6: scales.appreciation.3: '3' is a number, which a mark cell reads as a mark: "
        "give the scale words [scale-word]",
        f"{path}:7: scales.appreciation....: '...' is no word once its punctuation and spaces "
        "are set aside: write a word [scale-word]",
        f"{path}:8: scales.appreciation.Nul: the word 'Nul' gives the mark -1; a mark is 0 or "
        "more [scale-mark]",
        f"{path}:9: scales.appreciation.Moyen: the words 'Moyen' and 'Satisfaisant' both give "
        "the mark 3: one word per mark, so that every output can say which word a mark stands "
        "for; keep one, or merge them into one word [scale-mark]",
        f"{path}:10: scales.vide: the scale 'vide' has no words: give each word its mark, e.g. "
        "Bon: 3 [scale-empty]",
        f"{path}:11: scales.rien: the scale 'rien' has no words: give each word its mark, e.g. "
        "Bon: 3 [scale-empty]",
        f"{path}:12: scales.zeros.B: the words 'B' and 'A' both give the mark 0: one word per "
        "mark, so that every output can say which word a mark stands for; keep one, or merge "
        "them into one word [scale-mark]",
        f"{path}:12: scales.zeros: every word of the scale 'zeros' gives 0: its best word must "
        "give a mark above 0 (the highest mark of a scale gives a criterion its full points) "
        "[scale-mark]",
    ]


def test_bad_scales_in_french(tmp_path: Path) -> None:
    path = tmp_path / "criteria.yaml"
    lines = problems(tmp_path, BAD_SCALES, lang="fr")
    assert lines[0] == (
        f"{path}:5 : scales.appreciation.très satisfaisant! : 'très satisfaisant!' est la même "
        "appréciation que 'Très satisfaisant' aux majuscules, accents et ponctuation près (une "
        "cellule de note les lit de la même façon) : n'en gardez qu'une [scale-word]"
    )
    assert lines[3] == (
        f"{path}:8 : scales.appreciation.Nul : l'appréciation 'Nul' vaut la note -1 ; une note "
        "est positive ou nulle [scale-mark]"
    )
    assert lines[5] == (
        f"{path}:10 : scales.vide : l'échelle 'vide' ne contient aucune appréciation : donnez à "
        "chacune sa note, par exemple Bien: 3 [scale-empty]"
    )


def test_a_mark_too_large_or_with_too_many_decimals_is_refused_as_any_figure(
    tmp_path: Path,
) -> None:
    criteria = CRITERIA.replace("Satisfaisant: 3", "Satisfaisant: 3.1234567").replace(
        "Insuffisant: 0", "Insuffisant: 2000000"
    )
    path = tmp_path / "criteria.yaml"
    assert problems(tmp_path, criteria) == [
        f"{path}:4: scales.appreciation.Satisfaisant: Decimal input should have no more than 6 "
        "decimal places (found 3.1234567) [invalid-value]",
        f"{path}:6: scales.appreciation.Insuffisant: Input should be less than or equal to "
        "1000000 (found 2000000) [invalid-value]",
    ]


# ---- a criterion's scale ------------------------------------------------------------------------


def test_an_unknown_scale_lists_the_known_ones(tmp_path: Path) -> None:
    criteria = CRITERIA.replace("scale: appreciation", "scale: appreciations")
    path = tmp_path / "criteria.yaml"
    assert problems(tmp_path, criteria) == [
        f"{path}:13: criteria.0.sub_criteria.0.scale: unknown scale 'appreciations'; "
        "criteria.yaml defines these scales: appreciation [unknown-scale]"
    ]
    no_scales = criteria[criteria.index("criteria:") :]
    assert problems(tmp_path, no_scales, lang="fr") == [
        f"{tmp_path / 'criteria.yaml'}:7 : criteria.0.sub_criteria.0.scale : échelle inconnue "
        "'appreciations' : criteria.yaml ne définit aucune échelle (ajoutez-la sous scales:, "
        "ou donnez à scale un nombre) [unknown-scale]"
    ]


def test_a_scale_that_is_neither_a_number_nor_a_name_is_an_unknown_scale(tmp_path: Path) -> None:
    criteria = CRITERIA.replace("scale: appreciation", "scale: très bien")
    (line,) = problems(tmp_path, criteria)
    assert line.endswith(
        "criteria.0.sub_criteria.0.scale: unknown scale 'très bien'; criteria.yaml defines "
        "these scales: appreciation [unknown-scale]"
    )


def test_a_scale_on_the_price_criterion_or_on_a_parent_is_refused(tmp_path: Path) -> None:
    criteria = CRITERIA.replace(
        "price: {formula: proportional}}", "price: {formula: proportional}, scale: appreciation}"
    ).replace("    min_points: 20\n", "    min_points: 20\n    scale: appreciation\n")
    path = tmp_path / "criteria.yaml"
    assert problems(tmp_path, criteria) == [
        f"{path}:12: criteria.0.scale: 'technique' is not marked, its sub-criteria are: give "
        "scale to them, not to it [invalid-value]",
        f"{path}:16: criteria.1.scale: the price criterion is not marked: remove scale "
        "[invalid-value]",
    ]


SETS = """\
sets:
  travaux:
    criteria:
      - {id: methode, label: Méthodologie, weight: 60, scale: 4}
      - {id: prix, label: Prix, weight: 40, price: {formula: linear}}
"""


def test_a_criterion_marked_with_words_has_its_scale_in_every_set(tmp_path: Path) -> None:
    lots = LOTS.replace("cap_ht: 5000}]", "cap_ht: 5000}, {id: 2, title: B, cap_ht: 9, "
                        "criteria: travaux}]")  # fmt: skip
    path = tmp_path / "criteria.yaml"
    assert problems(tmp_path, CRITERIA + SETS, lots) == [
        f"{path}:19: sets.travaux.criteria.0.scale: 'methode' is marked with numbers here and "
        "with the words of the scale 'appreciation' in the default criteria; it is one column "
        "of the offers workbook, which holds one kind of mark: give it the same scale in every "
        "set, or another id [scale-differs]"
    ]
    same = SETS.replace("scale: 4", "scale: appreciation")
    config = load_config(*write(tmp_path, CRITERIA + same, lots))
    assert (
        config.criteria_for(2).marked[0].descriptors == config.criteria_for(1).marked[0].descriptors
    )


# ---- announced thresholds -----------------------------------------------------------------------


def test_a_threshold_above_the_criterion_maximum_gives_both_figures(tmp_path: Path) -> None:
    # technique can give 100 × 60 / 100 = 60 points, moyens 100 × 36 / 100 = 36
    criteria = CRITERIA.replace("min_points: 20", "min_points: 60.5").replace(
        "min_points: 9", "min_points: 36"
    )
    path = tmp_path / "criteria.yaml"
    assert problems(tmp_path, criteria) == [
        f"{path}:11: criteria.0.min_points: min_points 60.5 is above the 60 points 'technique' "
        "can give (100 × 60 / 100): no offer could reach it; give a threshold above 0 and at "
        "most 60 [threshold-above-max]"
    ]
    # out of 20: technique gives 20 × 60 / 100 = 12 points, so 12.5 is too much
    on_twenty = "total: 20\n" + CRITERIA.replace("min_points: 20", "min_points: 12.5").replace(
        "min_points: 9",
        "min_points: 7.2",  # moyens: 20 × 36 / 100 = 7.2, exactly reachable
    )
    assert problems(tmp_path, on_twenty, lang="fr") == [
        f"{path}:12 : criteria.0.min_points : min_points 12,5 dépasse les 12 points que "
        "'technique' peut donner (20 × 60 / 100) : aucune offre ne pourrait l'atteindre ; "
        "donnez un seuil supérieur à 0 et d'au plus 12 [threshold-above-max]"
    ]


def test_a_threshold_at_the_maximum_is_allowed(tmp_path: Path) -> None:
    criteria = CRITERIA.replace("min_points: 20", "min_points: 60")
    assert load_config(*write(tmp_path, criteria)).criteria_for(1).criteria[0].min_points == 60


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("-9", "Input should be greater than 0 (found -9)"),
        ("0", "Input should be greater than 0 (found 0)"),
        ("nine", "nine' is not a number"),
    ],
)
def test_a_threshold_is_a_positive_number(tmp_path: Path, value: str, message: str) -> None:
    criteria = CRITERIA.replace("min_points: 9", f"min_points: {value}")
    (line,) = problems(tmp_path, criteria)
    assert line.startswith(
        f"{tmp_path / 'criteria.yaml'}:14: criteria.0.sub_criteria.1.min_points: "
    )
    assert message in line


def test_a_threshold_on_the_price_criterion_is_refused(tmp_path: Path) -> None:
    criteria = CRITERIA.replace(
        "price: {formula: proportional}}", "price: {formula: proportional}, min_points: 10}"
    )
    path = tmp_path / "criteria.yaml"
    assert problems(tmp_path, criteria) == [
        f"{path}:15: criteria.1.min_points: the price criterion 'prix' takes no min_points: its "
        "points depend on the other offers' prices, and a price is judged against the lot's "
        "cap; remove min_points [threshold-price]"
    ]
    assert problems(tmp_path, criteria, lang="fr") == [
        f"{path}:15 : criteria.1.min_points : le critère prix 'prix' ne prend pas de "
        "min_points : ses points dépendent des prix des autres offres, et un prix se juge au "
        "regard du montant maximum du lot ; supprimez min_points [threshold-price]"
    ]


def test_a_hierarchy_takes_no_threshold(tmp_path: Path) -> None:
    criteria = """\
ordering: hierarchy
criteria:
  - {id: technique, label: Valeur technique, min_points: 3}
  - {id: prix, label: Prix, price: {formula: proportional}}
"""
    assert problems(tmp_path, criteria) == [
        f"{tmp_path / 'criteria.yaml'}:3: criteria.0.min_points: ordering: hierarchy gives no "
        "points, so 'technique' cannot have a threshold of points: remove min_points "
        "[hierarchy-threshold]"
    ]


def test_a_word_yaml_reads_as_a_number_is_located_at_its_line(tmp_path: Path) -> None:
    criteria = CRITERIA.replace("    Peu satisfaisant: 1\n", "    1: 1\n")
    assert problems(tmp_path, criteria) == [
        f"{tmp_path / 'criteria.yaml'}:5: scales.appreciation.1.[key]: Input should be a valid "
        "string (found 1) [invalid-value]"
    ]


def test_a_criterion_marked_otherwise_in_a_named_set_in_french(tmp_path: Path) -> None:
    # the default set marks methode with numbers; the set travaux, with words
    criteria = CRITERIA.replace(", scale: appreciation", "") + SETS.replace(
        "scale: 4", "scale: appreciation"
    )
    lots = LOTS.replace("cap_ht: 5000}]", "cap_ht: 5000}, {id: 2, title: B, cap_ht: 9, "
                        "criteria: travaux}]")  # fmt: skip
    assert problems(tmp_path, criteria, lots, "fr") == [
        f"{tmp_path / 'criteria.yaml'}:19 : sets.travaux.criteria.0.scale : 'methode' est noté "
        "avec les appréciations de l'échelle 'appreciation' ici et par des nombres dans les "
        "critères par défaut ; or il correspond à une seule colonne du classeur des offres, qui "
        "ne contient qu'une sorte de note : donnez-lui la même échelle dans chaque jeu, ou un "
        "autre identifiant [scale-differs]"
    ]
