"""``procedure`` and ``sending_date`` in lots.yaml: the spellings a buyer types, the
default (a procédure adaptée), and a refusal that lists the accepted values."""

from datetime import date
from pathlib import Path

import pytest

from consultation_text import LOTS_YAML
from referent_ess.config.choices import Procedure
from referent_ess.config.loader import load_config
from referent_ess.problems.errors import ReferentError


def _lots(extra: str) -> str:
    text = LOTS_YAML.format(cap_basis="ht")
    return text.replace("  cap_basis: ht\n", f"  cap_basis: ht\n{extra}")


def _load(make_config, extra: str):  # type: ignore[no-untyped-def]
    lots, criteria = make_config(lots_text=_lots(extra))
    return load_config(lots, criteria).consultation


def test_a_consultation_that_says_nothing_is_a_procedure_adaptee_sent_electronically(
    make_config,
) -> None:
    consultation = _load(make_config, "")
    assert consultation.procedure is Procedure.ADAPTED
    assert not consultation.procedure.formalised
    assert consultation.sending_date is None


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("appel-offres-ouvert", Procedure.OPEN),
        ("Appel d'offres ouvert", Procedure.OPEN),
        ("APPEL D’OFFRES RESTREINT", Procedure.RESTRICTED),
        ("procédure adaptée", Procedure.ADAPTED),
        ("MAPA", Procedure.ADAPTED),
        ("Procédure avec négociation", Procedure.NEGOTIATED),
        ("dialogue_compétitif", Procedure.DIALOGUE),
        ("Marché sans publicité ni mise en concurrence", Procedure.WITHOUT_COMPETITION),
    ],
)
def test_the_french_spellings_of_a_procedure_are_read(
    make_config, typed: str, expected: Procedure
) -> None:
    consultation = _load(make_config, f'  procedure: "{typed}"\n')
    assert consultation.procedure is expected


@pytest.mark.parametrize(
    ("procedure", "formalised"),
    [
        (Procedure.ADAPTED, False),
        (Procedure.OPEN, True),
        (Procedure.RESTRICTED, True),
        (Procedure.NEGOTIATED, True),
        (Procedure.DIALOGUE, True),
        (Procedure.WITHOUT_COMPETITION, False),
    ],
)
def test_which_procedures_are_formalised(procedure: Procedure, formalised: bool) -> None:
    assert procedure.formalised is formalised


@pytest.mark.parametrize("typed", ["appel d'offres", "concours", "42", "[ouvert]"])
def test_an_unknown_procedure_is_refused_with_the_accepted_values(make_config, typed: str) -> None:
    with pytest.raises(ReferentError) as caught:
        _load(make_config, f'  procedure: "{typed}"\n' if typed[0] != "[" else "  procedure: [a]\n")
    problems = caught.value.problems
    assert len(problems) == 1
    assert problems[0].code == "invalid-value"
    assert problems[0].field == "consultation.procedure"
    assert problems[0].row == 6  # the line after cap_basis (line 5) in lots.yaml
    if typed != "[ouvert]":
        assert "appel-offres-ouvert" in dict(problems[0].params)["choices"]


def test_the_sending_date_and_method_are_read(make_config) -> None:
    consultation = _load(make_config, "  sending_date: 2018-04-06\n")
    assert consultation.sending_date == date(2018, 4, 6)


@pytest.mark.parametrize(
    ("extra", "field"),
    [
        ("  sending_date: le 6 avril\n", "consultation.sending_date"),
        ("  sending_date: 12\n", "consultation.sending_date"),
        ("  sending_date: [2018-04-06]\n", "consultation.sending_date"),
    ],
)
def test_a_bad_sending_setting_is_refused_at_its_line(make_config, extra: str, field: str) -> None:
    with pytest.raises(ReferentError) as caught:
        _load(make_config, extra)
    (problem,) = caught.value.problems
    assert problem.field == field
    assert problem.row == 6


def test_the_example_says_its_procedure() -> None:
    root = Path(__file__).resolve().parents[2]
    config = load_config(root / "lots.yaml", root / "criteria.yaml")
    assert config.consultation.procedure is Procedure.ADAPTED
