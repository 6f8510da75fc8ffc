"""The shared sentences of :mod:`referent_ess.render.phrases`, in both languages, with figures
worked out by hand from the bundled example and from a small consultation ranked by hierarchy.

Example, lot 4: Recyclerie Coopérative de l'Ouest (SCIC) asks 650.00 × 20 days = 13 000.00 HT,
× 1.2 = 15 600.00 TTC, over the lot's TTC cap of 15 000.00 by 600.00.
"""

from datetime import date, datetime
from pathlib import Path

import pytest

from consultation_text import HIERARCHY_CRITERIA_YAML
from referent_ess import api
from referent_ess.evaluation.results import Status
from referent_ess.i18n import language
from referent_ess.render.phrases import (
    deadline_words,
    letter_reason,
    price_note,
    reason_text,
    status_label,
    vat_mix_note,
)

ROOT = Path(__file__).resolve().parents[2]
NNBSP, NBSP = "\u202f", "\u00a0"
OVER_CAP = "Recyclerie Coopérative de l'Ouest (SCIC)"


def test_one_label_per_status_in_tables_and_documents() -> None:
    with language("fr"):
        labels = {status: status_label(status) for status in Status}
    assert labels[Status.INVALID] == "à corriger"
    assert labels[Status.LATE] == "hors délai"
    # the documents word their statuses with status_label too: « à corriger » in the HTML and
    # xlsx reports (test_report_html.py, test_report_xlsx.py: test_provisional_*)


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("en", "price TTC of 15600.00 above the lot's maximum amount TTC (15000.00) by 600.00"),
        (
            "fr",
            f"prix TTC de 15{NNBSP}600,00{NBSP}€ supérieur au montant maximum TTC du lot "
            f"(15{NNBSP}000,00{NBSP}€) de 600,00{NBSP}€",
        ),
    ],
)
def test_an_offer_over_the_cap_in_the_reports_voice(lang: str, expected: str) -> None:
    evaluation = api.score(ROOT / "lots.yaml", ROOT / "criteria.yaml")
    lot = evaluation.lots[3]
    result = next(r for r in lot.offers if r.candidate == OVER_CAP)
    reason = next(r for r in result.reasons if r.code == "over_cap")
    check = next(c for c in result.budget if not c.within)
    with language(lang):
        assert reason_text(evaluation.config, result, reason, check) == expected


def test_a_deadline_in_a_sentence() -> None:
    with language("fr"):
        assert deadline_words(date(2018, 3, 23)) == ("23 mars 2018 (jusqu'à la fin de la journée)")
        assert deadline_words(datetime(2018, 3, 23, 12, 0)) == "23 mars 2018 à 12 h 00"
        assert deadline_words(None) == "non précisée"
    with language("en"):
        assert deadline_words(date(2018, 3, 23)) == "2018-03-23 (until the end of the day)"


def test_a_hierarchy_and_mixed_vat_rates_in_french(make_config, make_workbook) -> None:
    lots, criteria = make_config(criteria_text=HIERARCHY_CRITERIA_YAML)
    rows = [
        ["Chère", 1, 900, 10, None, "oui", 5],
        ["Réduite", 1, 500, 10, "5,5 %", "oui", 5],
    ]
    evaluation = api.score(lots, criteria, make_workbook(rows))
    lot = evaluation.lots[0]
    with language("fr"):
        assert price_note(evaluation, lot) == (
            "Classement par hiérarchie des critères (ordering: hierarchy, sans points ni total) : "
            "Qualité (note la plus haute d'abord), puis Prix (prix le plus bas d'abord) ; un "
            "critère n'est examiné que si les offres sont à égalité sur les précédents."
        )
        assert vat_mix_note(lot, "HT") == (
            " Les taux de TVA diffèrent (5,5 %, 20 %) : les prix sont comparés HT."
        )
    with language("en"):
        assert price_note(evaluation, lot) == (
            "Ranked by hierarchy (ordering: hierarchy, no points and no total): Qualité (higher "
            "mark first), then Prix (lower price first); the next criterion is looked at only "
            "when the previous ones are equal."
        )
        assert vat_mix_note(lot, "HT") == (
            " VAT rates differ among them (5.5 %, 20 %): prices are compared HT."
        )


@pytest.mark.parametrize(
    ("lang", "late", "incomplete"),
    [
        (
            "en",
            "Offer received on 2018-03-26, after the deadline for offers (2018-03-23)",
            "Document required by the consultation rules missing: [présentation et CV de "
            "l'intervenant]",
        ),
        (
            "fr",
            "Offre reçue le 26 mars 2018, après la date limite de réception des offres "
            "(23 mars 2018)",
            "Pièce exigée par le règlement de la consultation manquante : [présentation et CV "
            "de l'intervenant]",
        ),
    ],
)
def test_reasons_in_a_letters_voice(lang: str, late: str, incomplete: str) -> None:
    # lot 1: Parenthèse Familles Conseil's offer came on 26 March, the deadline was 23 March;
    # lot 4: Second Souffle Conseil's lacks presentation_cv
    evaluation = api.score(ROOT / "lots.yaml", ROOT / "criteria.yaml")
    config = evaluation.config
    texts = []
    for lot, status in ((0, Status.LATE), (3, Status.INCOMPLETE)):
        result = next(r for r in evaluation.lots[lot].offers if r.status is status)
        with language(lang):
            texts.append(letter_reason(config, result, result.reasons[0], None, lambda d: f"[{d}]"))
    assert texts == [late, incomplete]
