"""Columns headed by labels (config/columns.py ``ColumnNames``): a document's or criterion's
column is read by its id forever, and by its labels when nothing else is read under them; the
template heads it with its first usable name. A ``short_label`` that cannot head its column is
refused at load (config/checks.py)."""

from pathlib import Path

import pytest

from referent_ess.config.columns import ColumnKind, ColumnNames, Named, header_key
from referent_ess.config.loader import ConfigError, load_config

DOC = ColumnKind.DOCUMENT
MARK = ColumnKind.MARK
COMMENT = ColumnKind.COMMENT


def read(names: ColumnNames, header: str) -> tuple[ColumnKind, str] | None:
    return names.lookup.get(header_key(header))


def test_a_column_is_read_by_its_id_and_its_labels_and_headed_by_the_first() -> None:
    names = ColumnNames(
        [
            Named(DOC, "presentation_cv", ("présentation et CV",)),
            Named(MARK, "context", ("Contexte", "Note de contexte et enjeux")),
        ]
    )
    assert names.header(DOC, "presentation_cv") == "présentation et CV"
    assert names.header(MARK, "context") == "Contexte"
    assert names.comment_header("context") == "Contexte commentaire"
    for header, expected in [
        ("presentation_cv", (DOC, "presentation_cv")),
        ("Présentation et CV", (DOC, "presentation_cv")),
        ("context", (MARK, "context")),
        ("CONTEXTE", (MARK, "context")),
        ("Note de contexte et enjeux", (MARK, "context")),
        ("context commentaire", (COMMENT, "context")),
        ("Contexte commentaire", (COMMENT, "context")),
        ("Contexte — commentaire", (COMMENT, "context")),
        ("Note de contexte et enjeux comment", (COMMENT, "context")),
    ]:
        assert read(names, header) == expected, header


def test_a_label_read_as_a_field_is_not_read_and_the_column_is_headed_by_its_id() -> None:
    names = ColumnNames([Named(DOC, "identite", ("Candidat",)), Named(DOC, "cv", ("Adresse",))])
    assert read(names, "Candidat") == (ColumnKind.FIELD, "candidate")
    assert read(names, "adresse") == (ColumnKind.FIELD, "address")
    assert names.header(DOC, "identite") == "identite"
    assert names.header(DOC, "cv") == "cv"
    assert names.others((DOC, "cv"), "Adresse") == ((ColumnKind.FIELD, "address"),)


def test_a_label_that_is_another_column_s_id_leaves_that_id_its_column() -> None:
    names = ColumnNames([Named(DOC, "cv", ()), Named(MARK, "quality", ("CV", "Qualité"))])
    assert read(names, "CV") == (DOC, "cv")
    assert names.header(MARK, "quality") == "Qualité"  # the next usable name
    assert read(names, "Qualité") == (MARK, "quality")


def test_a_label_two_columns_share_is_read_as_neither() -> None:
    names = ColumnNames(
        [
            Named(MARK, "methode_a", ("Méthodologie",)),
            Named(MARK, "methode_b", ("methodologie",)),
            Named(DOC, "memoire", ("Mémoire",)),
        ]
    )
    assert read(names, "Méthodologie") is None
    assert read(names, "Méthodologie commentaire") is None
    assert names.header(MARK, "methode_a") == "methode_a"
    assert names.header(MARK, "methode_b") == "methode_b"
    assert names.comment_header("methode_b") == "methode_b commentaire"
    assert names.header(DOC, "memoire") == "Mémoire"


def test_a_label_whose_comment_header_is_another_column_s_is_not_used() -> None:
    names = ColumnNames([Named(MARK, "delais", ("Délais",)), Named(DOC, "dc", ("Délais comment",))])
    assert names.header(MARK, "delais") == "delais"
    assert names.header(DOC, "dc") == "dc"
    assert read(names, "delais commentaire") == (COMMENT, "delais")


def test_a_label_equal_to_its_own_id_is_its_header() -> None:
    names = ColumnNames([Named(DOC, "chantiers", ("Chantiers",))])
    assert names.header(DOC, "chantiers") == "Chantiers"
    assert read(names, "chantiers") == (DOC, "chantiers")


LOTS = """\
consultation:
  title: T
  required_documents: [{id: cv, label: CV de l'équipe}, kbis]
lots: [{id: 1, title: A, cap_ht: 5000}]
"""


def load(tmp_path: Path, criteria: str, lots: str = LOTS) -> list[str]:
    (tmp_path / "lots.yaml").write_text(lots, encoding="utf-8")
    (tmp_path / "criteria.yaml").write_text(criteria, encoding="utf-8")
    try:
        load_config(tmp_path / "lots.yaml", tmp_path / "criteria.yaml")
    except ConfigError as error:
        return list(error.lines)
    return []


def criteria(*leaves: str) -> str:
    listed = "".join(f"  - {leaf}\n" for leaf in leaves)
    price = "{id: price, label: Prix, weight: 40, price: {formula: linear}}"
    return f"criteria:\n{listed}  - {price}\n"


@pytest.mark.parametrize(
    ("leaf", "owner"),
    [
        ("{id: quality, label: Qualité, short_label: N° lot, weight: 60}", "the 'N° lot' column"),
        (
            "{id: quality, label: Qualité, short_label: Taux TVA, weight: 60}",
            "the 'Taux de TVA' column",
        ),
        (
            "{id: quality, label: Qualité, short_label: kbis, weight: 60}",
            "required document 'kbis'",
        ),
        (
            "{id: quality, label: Qualité, short_label: CV de l'equipe, weight: 60}",
            'required document "CV de l\'équipe"',
        ),
    ],
)
def test_a_short_label_read_as_something_else_is_refused_where_it_is_written(
    tmp_path: Path, leaf: str, owner: str
) -> None:
    assert load(tmp_path, criteria(leaf)) == [
        f"{tmp_path / 'criteria.yaml'}:2: criteria.0.short_label: the short label "
        f"{leaf.split('short_label: ')[1].split(',')[0]!r} cannot head this criterion's column: "
        f"the offers workbook reads {owner} under the same header; give the criterion another "
        "short_label [column-clash]"
    ]


def test_a_short_label_another_criterion_is_labelled_with_is_refused(tmp_path: Path) -> None:
    text = criteria(
        "{id: tech, label: Technique, short_label: Tech, weight: 30}",
        "{id: method, label: Méthode, short_label: technique, weight: 30}",
    )
    assert load(tmp_path, text) == [
        f"{tmp_path / 'criteria.yaml'}:3: criteria.1.short_label: the short label 'technique' "
        "cannot head this criterion's column: the offers workbook reads criterion 'Tech' under "
        "the same header; give the criterion another short_label [column-clash]"
    ]


def test_two_criteria_sharing_a_label_load_and_are_headed_by_their_ids(tmp_path: Path) -> None:
    text = criteria(
        "{id: tech, label: Méthodologie, weight: 30}",
        "{id: method, label: Méthodologie, weight: 30}",
    )
    assert load(tmp_path, text) == []
    config = load_config(tmp_path / "lots.yaml", tmp_path / "criteria.yaml")
    names = config.column_names
    assert [names.header(MARK, c.id) for c in config.mark_columns] == ["tech", "method"]
    assert names.header(DOC, "cv") == "CV de l'équipe"
    assert names.header(DOC, "kbis") == "kbis"


def test_one_criterion_of_two_sets_keeps_its_short_label(tmp_path: Path) -> None:
    text = (
        criteria("{id: quality, label: Qualité, short_label: Qual, weight: 60}")
        + "sets:\n  b:\n    criteria:\n"
        "      - {id: quality, label: Qualité du lot B, short_label: Qual, weight: 50}\n"
        "      - {id: price, label: Prix, weight: 50, price: {formula: linear}}\n"
    )
    lots = LOTS.replace(
        "cap_ht: 5000}]", "cap_ht: 5000}, {id: 2, title: B, cap_ht: 1, criteria: b}]"
    )
    assert load(tmp_path, text, lots) == []
    config = load_config(tmp_path / "lots.yaml", tmp_path / "criteria.yaml")
    names = config.column_names
    assert names.header(MARK, "quality") == "Qual"
    assert names.lookup[header_key("Qualité du lot B")] == (MARK, "quality")  # any set's label
