"""``simulate``, ``sensitivity`` and ``explain`` in French, and their JSON whatever the language.

Every expected figure is written by hand from the bundled example (see ``tests/cli``): lot 3,
Pmin 9000.00 HT (Atelier Matières Vives, row 14, 450.00 x 20 days); the first, Les Bâtisseurs
Solidaires (row 6), totals 4327/49 (88.31); Atelier totals 81 = 24 + 21 + 16 + 20, ties with
Échelle Habitat (81, price points 18) and is put second by the price points. Sensitivity: moving
16.81 points of weight from context (or technical) to price lets Atelier catch up.
French money: narrow no-break space (U+202F) between thousands, no-break space (U+00A0) before €.
"""

import pytest
from typer.testing import CliRunner

from helpers import NBSP, NNBSP, ROOT, run
from referent_ess import api, i18n
from referent_ess.analysis.simulate import simulate
from referent_ess.render.explain import explain, explanation_dict, explanation_text
from referent_ess.render.json_doc import neutralised_en
from referent_ess.render.phrases import neutralisation_text

pytestmark = pytest.mark.usefixtures("wide_terminal")  # long French sentences compared whole

ATELIER = "Atelier Matières Vives (SCIC)"


def test_simulate_in_french(runner: CliRunner) -> None:
    out = run(runner, "--lang", "fr", "simulate", "--lot", "3").stdout
    assert "Lot 3 — rangs et totaux selon chaque méthode de notation du prix" in out
    assert "proportionnelle" in out
    assert "linéaire" in out
    assert "écart k=2" in out
    assert "88,31" in out  # Les Bâtisseurs, proportional
    assert "88.31" not in out
    # linear: Atelier (the cheapest) is first, so the first changes with the formula
    assert "L'offre classée première CHANGE selon la méthode de notation du prix." in out
    # proportional: price points 20 - 20 x 9000/11760 = 4.69 of 20, prices 30.7 % apart
    assert (
        "proportionnelle : les points prix ne s'étalent que sur 4,69 points sur 20,00 (moins de "
        f"25{NBSP}%) alors que les prix s'écartent de 30,7{NBSP}% (plus de 20{NBSP}%) : cette "
        "méthode risque de neutraliser le critère prix (heuristique propre à l'outil, et non "
        "seuil fixé par le juge)"
    ) in out


def test_sensitivity_in_french(runner: CliRunner) -> None:
    out = run(runner, "--lang", "fr", "sensitivity", "--lot", "3", "--samples", "10").stdout
    assert "Lot 3 — offre classée première : Les Bâtisseurs Solidaires (SCOP)" in out
    assert (
        "Les Bâtisseurs Solidaires (SCOP) reste en tête tant qu'aucun transfert de pondération "
        "d'un critère à un autre ne dépasse 16,81 points."
    ) in out
    assert "Plus petit transfert de pondération" in out
    assert "Retrait d'une offre" in out
    assert "Pondérations aléatoires : 10 tirages reproductibles" in out
    assert "16.81" not in out


def test_explain_in_french(runner: CliRunner) -> None:
    out = run(runner, "--lang", "fr", "explain", "--lot", "3", ATELIER).stdout
    lines = out.splitlines()
    assert (
        "Lot 3 — Habitat, Rénovation, Construire autrement : Atelier Matières Vives (SCIC) "
        "(ligne 14, rang 2)"
    ) in lines
    assert (
        " 1. Prix HT = coût journalier HT × nombre de jours = "
        f"450,00{NBSP}€ × 20 = 9{NNBSP}000,00{NBSP}€."
    ) in lines
    assert (
        f"= 10{NNBSP}800,00{NBSP}€ ; TVA 20{NBSP}%, taux indiqué dans l'offre (cellule E14)."
    ) in out
    assert (
        f"10{NNBSP}800,00{NBSP}€ ≤ 15{NNBSP}000,00{NBSP}€ : dans la limite du montant maximum, "
        f"avec une marge de 4{NNBSP}200,00{NBSP}€."
    ) in out
    assert f"Critère « Contexte » (pondération 30{NBSP}%, au plus 30 points) : note 4" in out
    assert "note 3,5 (cellule M14) / 5 × 30 = 21,00." in out
    assert "méthode proportionnelle sur le prix TTC" in out  # criteria.yaml: basis ttc
    assert "(Pmin est le prix de cette offre)" in out
    assert (
        " 8. Total = Contexte 24,00 + Technique 21,00 + Compétence 16,00 + Prix 20,00 = 81,00."
    ) in lines
    assert " 9. Rang 2 sur 4 offres admissibles du lot 3, par total exact décroissant." in lines
    assert (
        "Écart avec Les Bâtisseurs Solidaires (SCOP), classée première, juste au-dessus (rang 1, "
        "total 88,31) : 88,31 − 81,00 = 7,31 points (exactement 358/49), écart des totaux exacts "
        "arrondi au centième."
    ) in out
    assert "4327/49 − 81" not in out  # decimals first, a fraction only beside them
    assert "Égalité exacte à 81,00 points avec Échelle Habitat (SCOP)" in out
    assert "départagées par les points du critère Prix (cette offre 20,00" in out
    assert "ex æquo" not in out  # the tie is broken
    assert "Attribution du lot 3 : Les Bâtisseurs Solidaires (SCOP) (rang 1), et non" in out
    assert "Offre admissible : reçue le 23/03/2018 à 23:10, dans le délai" in out
    assert "Price" not in out
    assert "Rank" not in out


def test_explain_an_excluded_offer_in_french(runner: CliRunner) -> None:
    out = run(
        runner, "--lang", "fr", "explain", "--lot", "4", "Recyclerie Coopérative de l'Ouest (SCIC)"
    ).stdout
    assert f"15{NNBSP}600,00{NBSP}€ > 15{NNBSP}000,00{NBSP}€ : dépasse le montant maximum" in out
    assert f"de 600,00{NBSP}€." in out
    assert "or cette offre a le statut «\u00a0inacceptable\u00a0»." in out
    assert (
        f"10. Motif inacceptable : prix TTC de 15{NNBSP}600,00{NBSP}€, supérieur de "
        f"600,00{NBSP}€ au montant maximum TTC du lot (15{NNBSP}000,00{NBSP}€) (C10) — offre "
        "inacceptable : art. L2152-3 du Code de la commande publique."
    ) in out.splitlines()


@pytest.mark.parametrize(
    "args",
    [
        ["simulate", "--lot", "3"],
        ["sensitivity", "--lot", "3", "--samples", "20"],
        ["explain", "--lot", "3", ATELIER],
        ["explain", "--lot", "4", "Ressourceries en Réseau"],
        ["explain", "--lot", "4", "Recyclerie Coopérative de l'Ouest (SCIC)"],
    ],
)
def test_json_does_not_change_with_the_language(runner: CliRunner, args: list[str]) -> None:
    french = run(runner, "--lang", "fr", *args, "--format", "json").stdout
    english = run(runner, "--lang", "en", *args, "--format", "json").stdout
    assert french == english
    assert "€" not in french


def test_the_english_steps_stay_in_the_data() -> None:
    """Explained in French, an explanation keeps its English steps (the JSON) and prints French:
    it is built once, in no language, and only worded in one."""
    evaluation = api.score(ROOT / "lots.yaml", ROOT / "criteria.yaml")
    with i18n.language("en"):
        english = explain(evaluation, 3, ATELIER)
    with i18n.language("fr"):
        french = explain(evaluation, 3, ATELIER)
        text = explanation_text(french)
        data = explanation_dict(french)
    assert data == explanation_dict(english)
    assert french == english
    assert len(data["steps"]) == len(french.steps) == len(text.splitlines()) - 1
    assert "Prix HT" in text
    assert "Price HT" in data["steps"][0]["text"]


def test_hierarchy_in_french(make_config, make_workbook) -> None:
    lots, criteria = make_config(
        criteria_text=(
            "ordering: hierarchy\n"
            "criteria:\n"
            "  - {id: quality, label: Qualité}\n"
            "  - {id: price, label: Prix, price: {formula: proportional}}\n"
        )
    )
    rows = [
        ["Good but dear", 1, 900, 10, None, "oui", 5],
        ["Good and cheap", 1, 500, 10, None, "oui", 5],
        ["Cheapest", 1, 100, 10, None, "oui", "4,5"],
    ]
    evaluation = api.score(lots, criteria, make_workbook(rows))
    with i18n.language("fr"):
        text = explanation_text(explain(evaluation, 1, "Good but dear"))
    assert "Critère « Qualité » (1er dans la hiérarchie) : note 5 (cellule G2) / 5" in text
    # no basis in criteria.yaml: TTC by default, 900 × 10 × 1.2 = 10 800 and 500 × 10 × 1.2 = 6 000
    assert (
        f"Critère « Prix » (2e dans la hiérarchie) : comparaison sur le prix TTC, 10{NNBSP}800"
        in text
    )
    assert (
        "Comparaison avec Good and cheap, classée juste au-dessus (rang 1) : égalité sur "
        f"quality (5 / 5 chacune) ; sur price, 10{NNBSP}800,00{NBSP}€ TTC contre "
        f"6{NNBSP}000,00{NBSP}€ TTC : Good and cheap passe en premier (prix plus bas)."
    ) in text


def test_neutralisation_in_french(make_config, make_workbook) -> None:
    lots, criteria = make_config()
    offers = make_workbook([["A", 1, 400, 10, None, "oui", 3], ["B", 1, 490, 10, None, "oui", 4]])
    simulation = simulate(api.score(lots, criteria, offers), 1)
    neutralisation = simulation.variants[0].neutralisation
    assert neutralisation is not None
    with i18n.language("fr"):
        assert neutralisation_text(neutralisation).startswith(
            "proportionnelle : les points prix ne s'étalent que sur 7,35 points sur 40,00"
        )
        # the data keeps English
        assert neutralised_en(simulation.variants[0]) is not None
        assert neutralised_en(simulation.variants[0]).startswith("proportional: the price points")
