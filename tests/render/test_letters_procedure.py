"""What the letters say under each procedure: a formalised one (R2181-3, R2182-1) gives the
winner's name and advantages and the earliest signature date; a procédure adaptée claims no
standstill; every rejection states the appeal routes and their deadlines (R421-5 CJA).

Dates by hand: the standstill counts from date to date (CE, 2 August 2011, n° 347526), so 11
days after 5 April 2018 is 16 April 2018, 16 days is 21 April 2018; 11 days after 25 December
2018 is 5 January 2019.
"""

import dataclasses
from datetime import date
from pathlib import Path

import pytest

from referent_ess.api import score
from referent_ess.config.choices import Procedure, Sending
from referent_ess.evaluation.results import Evaluation
from referent_ess.render.letters.letters import build_letters

ROOT = Path(__file__).resolve().parents[2]
TODAY = date(2018, 4, 5)
WINNER = "lot-3-les-batisseurs-solidaires-scop.md"
SECOND = "lot-3-atelier-matieres-vives-scic.md"
IRREGULAR = "lot-4-second-souffle-conseil.md"
FORMALISED = [Procedure.OPEN, Procedure.RESTRICTED, Procedure.NEGOTIATED, Procedure.DIALOGUE]


@pytest.fixture(scope="module")
def example() -> Evaluation:
    return score(ROOT / "lots.yaml", ROOT / "criteria.yaml")


def under(
    evaluation: Evaluation,
    procedure: Procedure,
    *,
    sent: date | None = None,
    sending: Sending | None = None,
) -> Evaluation:
    config = evaluation.config
    consultation = dataclasses.replace(
        config.consultation,
        procedure=procedure,
        sending_date=sent,
        buyer_details=dataclasses.replace(config.consultation.buyer_details, sending=sending),
    )
    return dataclasses.replace(
        evaluation, config=dataclasses.replace(config, consultation=consultation)
    )


@pytest.mark.parametrize("procedure", FORMALISED)
def test_a_formalised_rejection_gives_the_winner_its_advantages_and_the_signature_date(
    example: Evaluation, procedure: Procedure
) -> None:
    letter = build_letters(under(example, procedure), 3, today=TODAY)[SECOND]
    assert "R2181-1 et R2181-3" in letter
    assert "R2181-2" not in letter
    assert "attribué à **Les Bâtisseurs Solidaires (SCOP)**" in letter
    assert "Caractéristiques et avantages relatifs de l'offre retenue" in letter
    assert "délai de 11 jours" in letter
    assert "envoyée par voie électronique le 5 avril 2018" in letter
    assert "susceptible d'être signé à compter du 16 avril 2018." in letter
    assert "R2181-4" in letter


def test_a_letter_not_sent_electronically_waits_16_days(example: Evaluation) -> None:
    evaluation = under(example, Procedure.OPEN, sending=Sending.REGISTERED_MAIL)
    letter = build_letters(evaluation, 3, today=TODAY)[SECOND]
    assert "délai de 16 jours" in letter
    assert "à compter du 21 avril 2018." in letter
    assert "11 jours" not in letter


def test_the_sending_date_is_the_setting_not_the_letter_date(example: Evaluation) -> None:
    evaluation = under(example, Procedure.RESTRICTED, sent=date(2018, 12, 25))
    letters = build_letters(evaluation, 3, today=TODAY)
    assert "Fait le 5 avril 2018" in letters[SECOND]
    assert (
        "le 25 décembre 2018 : il est susceptible d'être signé à compter du 5 janvier 2019."
        in (letters[SECOND])
    )
    assert "soit au plus tôt le 5 janvier 2019." in letters[WINNER]


@pytest.mark.parametrize("procedure", [Procedure.ADAPTED, Procedure.WITHOUT_COMPETITION])
def test_outside_a_formalised_procedure_no_standstill_is_claimed(
    example: Evaluation, procedure: Procedure
) -> None:
    letters = build_letters(under(example, procedure, sent=date(2018, 4, 6)), 3, today=TODAY)
    for letter in letters.values():
        assert "R2182-1" not in letter
        assert "susceptible d'être signé" not in letter
        assert "au plus tôt" not in letter
        assert " jours à compter de l'envoi" not in letter
    assert "R2181-1 et R2181-2" in letters[SECOND]
    assert "R2181-3" not in letters[SECOND]


@pytest.mark.parametrize("procedure", list(Procedure))
def test_every_rejection_states_the_appeal_routes_and_deadlines(
    example: Evaluation, procedure: Procedure
) -> None:
    letters = build_letters(under(example, procedure), 4, today=TODAY)
    for name in (IRREGULAR, "lot-4-ressourceries-en-reseau.md"):
        letter = letters[name]
        assert "R421-5 du code de justice administrative" in letter
        assert "référé précontractuel (articles L551-1 et suivants" in letter
        assert "jusqu'à la signature du marché" in letter
        assert "référé contractuel (articles L551-13 et suivants" in letter
        assert "trente et unième jour" in letter
        assert "six mois" in letter
        assert "Tarn-et-Garonne, n° 358994), dans un délai de deux mois" in letter
        assert "fondé(e)" not in letter
        assert "(s)" not in letter
    assert "R421-5" not in letters["lot-4-les-batisseurs-solidaires-scop.md"]


@pytest.mark.parametrize("procedure", list(Procedure))
def test_the_retained_candidate_is_informed_not_notified(
    example: Evaluation, procedure: Procedure
) -> None:
    letter = build_letters(under(example, procedure), 3, today=TODAY)[WINNER]
    assert "\n# Information du candidat retenu — lot 3\n" in letter
    assert "Notification de l'attribution" not in letter
    assert "ne vaut pas notification du marché" in letter
    assert "classée première sur 4 offres admissibles" in letter
    assert "(s)" not in letter


def test_each_letter_names_its_procedure(example: Evaluation) -> None:
    names = {
        Procedure.ADAPTED: "Procédure : procédure adaptée.",
        Procedure.OPEN: "Procédure : appel d'offres ouvert.",
        Procedure.RESTRICTED: "Procédure : appel d'offres restreint.",
        Procedure.NEGOTIATED: "Procédure : procédure avec négociation.",
        Procedure.DIALOGUE: "Procédure : dialogue compétitif.",
        Procedure.WITHOUT_COMPETITION: (
            "Procédure : marché sans publicité ni mise en concurrence préalables."
        ),
    }
    for procedure, line in names.items():
        letters = build_letters(under(example, procedure), 3, today=TODAY)
        assert all(line in letter for letter in letters.values())


def test_an_irregular_offer_in_a_formalised_procedure_gets_the_winner_and_the_date(
    example: Evaluation,
) -> None:
    """R2181-3: every rejection after the award gives the winner's name and the date; the
    advantages are not given (its offer was not ranked), the reasons are."""
    letter = build_letters(under(example, Procedure.OPEN), 4, today=TODAY)[IRREGULAR]
    assert "Votre offre est **irrégulière**" in letter
    assert "attribué à **Les Bâtisseurs Solidaires (SCOP)**" in letter
    assert "à compter du 16 avril 2018." in letter
    assert "Caractéristiques et avantages relatifs" not in letter
