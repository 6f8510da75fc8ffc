"""French texts: simulate and sensitivity."""

MESSAGES: dict[str, str] = {
    # simulate : les méthodes de notation du prix côte à côte
    "pse.title": "Lot {id} — {title} : le classement selon les PSE retenues",
    "pse.col.retained": "PSE retenues",
    "pse.col.configured": "Choix actuel",
    "pse.col.winner": "Classé premier",
    "pse.col.price": "Son prix HT",
    "pse.col.ranking": "Classement",
    "pse.col.none": "aucune (offres de base seules)",
    "pse.configured": "◀ lots.yaml",
    "pse.aside": " ; non classées : {offers}",
    "pse.aside.offer": "{offer} ({status})",
    "pse.aside.over_cap": "{offer} (au-dessus du montant maximum, à {price} HT)",
    "pse.nobody": "aucune offre classée",
    "pse.changes": "Le premier classé CHANGE selon les PSE retenues.",
    "pse.same": "Le premier classé est le même quelles que soient les PSE retenues.",
    "pse.provisional": (
        "Provisoire : des offres du lot n'ont pas pu être évaluées (voir `referent validate`)."
    ),
    "sim.title": "Lot {id} — rangs et totaux selon chaque méthode de notation du prix",
    "sim.col.candidate": "Candidat",
    "sim.col.rank": "{formula}\nrang",
    "sim.col.total": "{formula}\ntotal",
    "sim.formula.proportional": "proportionnelle",
    "sim.formula.linear": "linéaire",
    "sim.formula.gap": "écart k={k}",
    "sim.changes": "L'offre classée première CHANGE selon la méthode de notation du prix.",
    "sim.same": "L'offre classée première est la même quelle que soit la méthode.",
    "sim.neutralised": (
        "{name} : les points prix ne s'étalent que sur {spread} points sur {maximum} (moins de "
        "25\u00a0%) alors que les prix s'écartent de {gap}\u00a0% (plus de 20\u00a0%) : cette "
        "méthode risque de neutraliser le critère prix (heuristique propre à l'outil, et non "
        "seuil fixé par le juge)"
    ),
    # sensibilité
    "sens.title": "Lot {id} — offre classée première : {name}",
    "sens.summary_any": (
        "{name} reste en tête quelle que soit la pondération transférée d'un critère à un autre."
    ),
    "sens.summary": (
        "{name} reste en tête tant qu'aucun transfert de pondération d'un critère à un "
        "autre ne dépasse {margin} points."
    ),
    "sens.transfers": (
        "Plus petit transfert de pondération qui permet à une autre offre de rejoindre la première"
    ),
    "sens.col.from": "Critère réduit",
    "sens.col.to": "Critère augmenté",
    "sens.col.points": "Points",
    "sens.col.then_first": "Alors en tête",
    "sens.loo": (
        "Retrait d'une offre : l'offre classée première sans chacune des autres offres admissibles"
    ),
    "sens.col.without": "Sans",
    "sens.col.winner": "Classée première",
    "sens.col.changes": "Change ?",
    "sens.no_single_winner": "(plusieurs offres ex æquo)",
    "sens.yes": "OUI",
    "sens.no": "non",
    "sens.draws": "Pondérations aléatoires : {n} tirages reproductibles",
    "sens.col.candidate": "Candidat",
    "sens.col.wins": "Tirages gagnés",
    "sens.col.share": "Part",
    "sens.share": "{share}\u00a0%",
}
