"""Labels in the configuration: ``required_documents`` items may be ``{id, label}`` (the label is
what a person reads), and a criterion may have a ``short_label`` (its name in tables)."""

import pytest

from consultation_text import CRITERIA_YAML, LOTS_YAML
from referent_ess.config.loader import load_config
from referent_ess.problems.errors import ReferentError

LOTS = LOTS_YAML.format(cap_basis="ht")
CRITERIA = CRITERIA_YAML.format(formula="proportional", basis="ht")


def test_a_document_with_a_label_is_named_by_it_and_kept_by_its_id(make_config) -> None:
    text = LOTS.replace(
        "required_documents: [cv]", "required_documents: [{id: cv, label: CV de l'équipe}, kbis]"
    )
    config = load_config(*make_config(lots_text=text))
    assert config.documents_for(1) == ("cv", "kbis")
    assert config.document_label("cv") == "CV de l'équipe"
    assert config.document_label("kbis") == "kbis"  # no label: its id, the column's name


def test_a_lot_may_label_its_own_documents(make_config) -> None:
    text = LOTS.replace(
        "    cap_ht: 5000\n",
        "    cap_ht: 5000\n    required_documents: [{id: plan, label: plan de prévention}]\n",
    )
    config = load_config(*make_config(lots_text=text))
    assert config.documents_for(2) == ("plan",)
    assert config.document_label("plan") == "plan de prévention"


@pytest.mark.parametrize(
    ("item", "code", "field"),
    [
        ("{id: cv}", "missing-key", "consultation.required_documents.0.label"),
        ('{id: cv, label: ""}', "invalid-value", "consultation.required_documents.0.label"),
        ('{id: cv, label: "   "}', "invalid-value", "consultation.required_documents.0.label"),
        ("{id: 1cv, label: CV}", "invalid-value", "consultation.required_documents.0.id"),
        ("{id: cv, label: CV, note: x}", "unknown-key", "consultation.required_documents.0.note"),
    ],
)
def test_a_bad_document_is_refused_at_its_key(
    make_config, item: str, code: str, field: str
) -> None:
    text = LOTS.replace("required_documents: [cv]", f"required_documents: [{item}]")
    with pytest.raises(ReferentError) as caught:
        load_config(*make_config(lots_text=text))
    codes = {(p.code, p.field) for p in caught.value.problems}
    assert (code, field) in codes
    assert all(p.row == 6 for p in caught.value.problems)  # the line of required_documents


def test_a_short_label_names_the_criterion_in_tables(make_config) -> None:
    text = CRITERIA.replace(
        "label: Quality", "label: Quality of the offer\n    short_label: Qualité", 1
    )
    assert text != CRITERIA
    config = load_config(*make_config(criteria_text=text))
    quality = config.default_set.node("quality")
    assert quality is not None
    assert quality.header == "Qualité"
    price = config.default_set.price_criterion
    assert price.header == price.label  # none: its label, never its id


def test_an_empty_short_label_is_refused(make_config) -> None:
    text = CRITERIA.replace("label: Quality", 'label: Quality\n    short_label: ""', 1)
    with pytest.raises(ReferentError) as caught:
        load_config(*make_config(criteria_text=text))
    (problem,) = caught.value.problems
    assert problem.code == "invalid-value"
    assert problem.field is not None
    assert problem.field.endswith("short_label")
