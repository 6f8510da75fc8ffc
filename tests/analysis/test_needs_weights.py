"""A hierarchy of criteria has no weights: the uses that need them refuse it, for a script as for
the command line, and ``simulate`` refuses what it cannot rank. Expected lines written by hand."""

import pytest

from referent_ess import api
from referent_ess.analysis.needs_weights import NEEDS_WEIGHTS, require_weights
from referent_ess.analysis.simulate import simulate
from referent_ess.problems.errors import ReferentError

HIERARCHY = """\
ordering: hierarchy
criteria:
  - {id: quality, label: Q}
  - {id: price, label: P, price: {formula: proportional}}
"""
ALPHA = ["Alpha", 1, 300, 10, 0.2, "oui", 4]


@pytest.mark.parametrize(
    ("use", "said"),
    [
        ("report", "the report"),
        ("letters", "letters"),
        ("simulate", "simulate (price formulas give points, which a hierarchy has not)"),
        ("sensitivity", "sensitivity (there are no weights to move in a hierarchy)"),
    ],
)
def test_every_use_that_needs_weights_refuses_a_hierarchy(
    make_config, make_workbook, use: str, said: str
) -> None:
    lots, criteria = make_config(criteria_text=HIERARCHY)
    evaluation = api.score(lots, criteria, make_workbook([ALPHA]))
    with pytest.raises(ReferentError) as caught:
        require_weights(evaluation, use)
    assert caught.value.lines == (
        f"{criteria}: {said} does not apply with ordering: hierarchy; use `referent score` or "
        "`rank` [not-applicable]",
    )
    assert dict(caught.value.params)["command_part"] == f"needs-weights.{use}"


def test_weights_serve_every_use(make_config, make_workbook) -> None:
    lots, criteria = make_config()  # quality 60, price 40
    evaluation = api.score(lots, criteria, make_workbook([ALPHA]))
    for use in NEEDS_WEIGHTS:
        require_weights(evaluation, use)  # raises nothing


def _refusal(evaluation, lot: int) -> tuple[str, ...]:
    with pytest.raises(ReferentError) as caught:
        simulate(evaluation, lot)
    return caught.value.lines


def test_simulate_refuses_what_it_cannot_rank(make_config, make_workbook) -> None:
    lots, criteria = make_config()  # lots 1 and 2
    evaluation = api.score(lots, criteria, make_workbook([["Alone", 2, 400, 10, None, "oui", 4]]))
    assert _refusal(evaluation, 3) == (f"{lots}: there is no lot 3 (lots: 1, 2) [no-such-lot]",)
    assert _refusal(evaluation, 1) == (
        "lot 1: simulate does not apply: the lot has no admissible offer to rank [not-applicable]",
    )
    assert [variant.lot.ranked[0].candidate for variant in simulate(evaluation, 2).variants] == [
        "Alone",
        "Alone",
        "Alone",
    ]  # proportional, linear and gap k=2: one offer wins under each


def test_simulate_says_hierarchy_before_the_lot(make_config, make_workbook) -> None:
    lots, criteria = make_config(criteria_text=HIERARCHY)
    evaluation = api.score(lots, criteria, make_workbook([ALPHA]))
    assert _refusal(evaluation, 9) == (
        f"{criteria}: simulate (price formulas give points, which a hierarchy has not) does "
        "not apply with ordering: hierarchy; use `referent score` or `rank` [not-applicable]",
    )
