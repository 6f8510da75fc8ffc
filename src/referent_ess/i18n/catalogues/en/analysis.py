"""English texts: simulate and sensitivity."""

MESSAGES: dict[str, str] = {
    # simulate: the price formulas side by side
    "pse.title": "Lot {id} — {title}: the ranking under each combination of PSE",
    "pse.col.retained": "PSE retained",
    "pse.col.configured": "Configured",
    "pse.col.winner": "First ranked",
    "pse.col.price": "Its price HT",
    "pse.col.ranking": "Ranking",
    "pse.col.none": "none (base offers only)",
    "pse.configured": "◀ lots.yaml",
    "pse.aside": "; not ranked: {offers}",
    "pse.aside.offer": "{offer} ({status})",
    "pse.aside.over_cap": "{offer} (over the cap at {price} HT)",
    "pse.nobody": "no offer ranked",
    "pse.changes": "The first ranked CHANGES with the PSE retained.",
    "pse.same": "The first ranked is the same whichever PSE are retained.",
    "pse.provisional": (
        "Provisional: some offers of the lot could not be evaluated (see `referent validate`)."
    ),
    "sim.title": "Lot {id} — ranks and totals under each price formula",
    "sim.col.candidate": "Candidate",
    "sim.col.rank": "{formula}\nrank",
    "sim.col.total": "{formula}\ntotal",
    "sim.formula.proportional": "proportional",
    "sim.formula.linear": "linear",
    "sim.formula.gap": "gap k={k}",
    "sim.changes": "The winner CHANGES with the price formula.",
    "sim.same": "The winner is the same under every formula.",
    "sim.neutralised": (
        "{name}: the price points spread over {spread} of {maximum} (less than 25 %) while the "
        "prices differ by {gap} % (more than 20 %): this formula may neutralise the price "
        "criterion (the tool's own heuristic, not a threshold set by a court)"
    ),
    # sensitivity
    "sens.title": "Lot {id} — winner: {name}",
    "sens.summary_any": "{name} stays first whatever weight moves from one criterion to another.",
    "sens.summary": (
        "{name} stays first as long as no weight moves by more than {margin} points from one "
        "criterion to another."
    ),
    "sens.transfers": "Smallest transfer of weight that lets another offer catch up",
    "sens.col.from": "From",
    "sens.col.to": "To",
    "sens.col.points": "Points",
    "sens.col.then_first": "Then first",
    "sens.loo": "Leave one out: the winner without each other admissible offer",
    "sens.col.without": "Without",
    "sens.col.winner": "Winner",
    "sens.col.changes": "Changes?",
    "sens.no_single_winner": "(no single winner)",
    "sens.yes": "YES",
    "sens.no": "no",
    "sens.draws": "Random weights: {n} seeded draws",
    "sens.col.candidate": "Candidate",
    "sens.col.wins": "Wins",
    "sens.col.share": "Share",
    "sens.share": "{share} %",
}
