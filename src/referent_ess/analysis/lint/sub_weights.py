"""Sub-criteria whose weights are not said to be announced.

CE, 18 June 2010, Commune de Saint-Pal-de-Mons, n° 337377: a buyer who uses weighted
sub-criteria must announce their weights when, given their nature and the importance of their
weight, they may influence how the offers are presented and selected. criteria.yaml says the
weights were announced with ``sub_weights_announced: true`` (on a criterion, on a set, or at
the top of the file for the default set).
"""

from collections.abc import Iterator

from referent_ess.analysis.lint.finding import Facts, Finding, Severity, lots_of_sets, scope

CODE = "lint-sub-weights"


def sub_weights_not_announced(facts: Facts) -> Iterator[Finding]:
    config = facts.config
    seen: dict[tuple[str, int], list[int]] = {}  # (label, sub-criteria) → lots
    for criteria, lot_ids in lots_of_sets(config):
        for node in criteria.nodes:
            if node.sub_criteria and not node.sub_weights_announced:
                seen.setdefault((node.label, len(node.sub_criteria)), []).extend(lot_ids)
    for (label, count), lots in seen.items():
        for lot in scope(config, sorted(set(lots))):
            params = (("criterion", label), ("count", str(count)))
            yield Finding(CODE, Severity.RISK, lot, params, "ce-337377")
