"""``buyer:`` in lots.yaml: a plain name as before, or the details the letters print."""

from pathlib import Path

import pytest

from consultation_text import CRITERIA_YAML
from referent_ess.config.choices import Sending
from referent_ess.config.loader import load_config
from referent_ess.config.model import BuyerDetails, Config
from referent_ess.problems.errors import ReferentError

LOTS = "consultation:\n  title: T\n{buyer}lots:\n  - {{id: 1, title: A, cap_ht: 100}}\n"


def load(tmp_path: Path, buyer: str) -> Config:
    lots, criteria = tmp_path / "lots.yaml", tmp_path / "criteria.yaml"
    lots.write_text(LOTS.format(buyer=buyer), encoding="utf-8")
    criteria.write_text(CRITERIA_YAML.format(formula="proportional", basis="ht"), "utf-8")
    return load_config(lots, criteria)


def test_a_plain_name_has_no_details(tmp_path: Path) -> None:
    consultation = load(tmp_path, "  buyer: Les Ecossolies\n").consultation
    assert consultation.buyer == "Les Ecossolies"
    assert consultation.buyer_details == BuyerDetails()


def test_every_detail(tmp_path: Path) -> None:
    buyer = (
        "  buyer:\n    name: Mairie de Test\n    address: |\n      1  place de la Mairie\n\n"
        "      44000 Nantes\n    signatory: Jean Dupont\n    signatory_title: Le maire\n"
        "    place: Nantes\n    reference: MAPA-7\n    sending: registered-mail\n"
        "    letter_base: modeles/entete.docx\n"
    )
    consultation = load(tmp_path, buyer).consultation
    assert consultation.buyer == "Mairie de Test"
    assert consultation.buyer_details == BuyerDetails(
        address=("1 place de la Mairie", "44000 Nantes"),
        signatory="Jean Dupont",
        signatory_title="Le maire",
        place="Nantes",
        reference="MAPA-7",
        sending=Sending.REGISTERED_MAIL,
        letter_base=tmp_path / "modeles" / "entete.docx",
    )


@pytest.mark.parametrize(
    ("buyer", "expected"),
    [
        (
            "  buyer:\n    name: X\n    sending: fax\n",
            "lots.yaml:5: consultation.buyer.sending: Input should be 'electronic', "
            "'registered-mail' or 'hand' (found 'fax') [invalid-value]",
        ),
        (
            "  buyer:\n    name: X\n    signatori: Y\n",
            "lots.yaml:5: consultation.buyer.signatori: unknown key 'signatori' (did you mean "
            "'signatory'?) [unknown-key]",
        ),
        (
            "  buyer:\n    place: Nantes\n",
            "lots.yaml:3: consultation.buyer.name: required key is missing [missing-key]",  # buyer:
        ),
    ],
)
def test_a_wrong_detail_is_refused_at_its_line(tmp_path: Path, buyer: str, expected: str) -> None:
    with pytest.raises(ReferentError) as refused:
        load(tmp_path, buyer)
    assert [line.removeprefix(f"{tmp_path}/") for line in refused.value.lines] == [expected]
