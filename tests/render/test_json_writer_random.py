"""The fast JSON writer (:class:`~referent_ess.render.json_doc.OfferWriter`: figures and texts
remembered by identity, a marks object per combination of marks, a budget head per cap, the
usual case of each key inline) against the general path, ``to_json(evaluation_dict(…))``, on
random consultations (those of the evaluation's equivalence test: every price model, cap
basis, abnormally-low method, warnings, missing marks, variants, second rounds, offers of no
known lot), in English and in French: byte for byte."""

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from evaluation.test_fast_kernel_equivalence import Case, cases
from referent_ess import i18n
from referent_ess.config.loader import load_config
from referent_ess.evaluation.engine import evaluate
from referent_ess.intake.offers import OfferBook
from referent_ess.render import json_doc


@settings(deadline=None, max_examples=80, suppress_health_check=[HealthCheck.too_slow])
@given(cases(), st.sampled_from(("en", "fr")))
def test_the_fast_json_is_the_general_paths(
    tmp_path_factory: pytest.TempPathFactory, case: Case, lang: str
) -> None:
    folder = tmp_path_factory.mktemp("c")
    (folder / "lots.yaml").write_text(case.lots, encoding="utf-8")
    (folder / "criteria.yaml").write_text(case.criteria, encoding="utf-8")
    config = load_config(folder / "lots.yaml", folder / "criteria.yaml")
    evaluation = evaluate(config, OfferBook(Path("offers.xlsx"), "", "offers", (), case.offers))
    with i18n.language(lang):
        fast = json_doc.evaluation_json(evaluation)
        general = json_doc.to_json(json_doc.evaluation_dict(evaluation))
    assert fast == general
