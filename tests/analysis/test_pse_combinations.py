"""``pse_combinations``: the lot ranked under each combination of its PSE, the configured one
marked, since the buyer's choice can change the winner. Lot 1 of :mod:`pse_consultation`, whose
figures are worked out there; per combination (quality: Alpha 48, Beta 48, Gamma 36):

- none: 10000.00, 9800.00, 9000.10; Pmin 9000.10: Alpha 48 + 40 × 9000.10/10000 = 84.0004,
  Beta 48 + 40 × 9000.10/9800 = 84.735…, Gamma 76: **Beta** first;
- PSE1 (configured): 10500.00, 10700.00, 10200.20: **Alpha** (86.86), Beta (86.13), Gamma;
- PSE2: 10300.00, 9900.00, 9200.10; Pmin 9200.10: Alpha 48 + 40 × 9200.10/10300 = 83.729…,
  Beta 48 + 40 × 9200.10/9900 = 85.172…: **Beta** first;
- PSE1 + PSE2: 10800.00, 10800.00, 10400.20: Alpha and Beta tie exactly for first
  (48 + 40 × 10400.20/10800 each), Gamma 76.
"""

from decimal import Decimal
from fractions import Fraction
from pathlib import Path

import pytest

from pse_consultation import LOTS, ROWS, consultation
from referent_ess import api
from referent_ess.analysis.pse_combinations import MAX_COMBINED, pse_combinations
from referent_ess.problems.errors import ReferentError


def test_every_combination_is_ranked_and_the_configured_one_is_marked(tmp_path: Path) -> None:
    evaluation = api.score(*consultation(tmp_path, rows=ROWS[:3]))
    comparison = pse_combinations(evaluation, 1)
    assert [[p.id for p in c.retained] for c in comparison.combinations] == [
        [],
        ["PSE1"],
        ["PSE2"],
        ["PSE1", "PSE2"],
    ]
    assert [c.configured for c in comparison.combinations] == [False, True, False, False]
    # rows: Alpha 2, Beta 3, Gamma 4
    assert [c.winner_rows for c in comparison.combinations] == [(3,), (2,), (3,), (2, 3)]
    assert comparison.winner_changes
    none, _, pse2, both = comparison.combinations
    assert [r.candidate for r in none.lot.ranked] == ["Beta", "Alpha", "Gamma"]
    beta = none.lot.ranked[0]
    assert beta.price_ht == Decimal("9800.00")
    assert beta.total == 48 + Fraction(40) * Fraction("9000.10") / Fraction(9800)
    assert [r.price_ht for r in pse2.lot.ranked] == [
        Decimal("9900.00"),
        Decimal("10300.00"),
        Decimal("9200.10"),
    ]
    assert [r.rank for r in both.lot.ranked] == [1, 1, 3]
    assert both.lot.ranked[0].total == 48 + Fraction(40) * Fraction("10400.20") / Fraction(10800)
    # the configured combination is the evaluation's own ranking
    configured = evaluation.lot(1)
    assert configured is not None
    assert [(r.offer.row, r.total) for r in comparison.configured.lot.ranked] == [
        (r.offer.row, r.total) for r in configured.ranked
    ]


def test_the_winner_that_does_not_depend_on_the_pse_is_said(tmp_path: Path) -> None:
    # Gamma marked 5 (60 points) wins whatever is retained: its compared price is the lowest in
    # every combination (9000.10, 10200.20, 9200.10, 10400.20), so it has the 40 price points too
    rows = (*ROWS[:2], (*ROWS[2][:9], 5))
    comparison = pse_combinations(api.score(*consultation(tmp_path, rows=rows)), 1)
    assert {c.winner_rows for c in comparison.combinations} == {(4,)}
    assert not comparison.winner_changes


def test_a_lot_without_pse_or_with_too_many_is_refused(tmp_path: Path) -> None:
    evaluation = api.score(*consultation(tmp_path, rows=ROWS[:3]))
    with pytest.raises(ReferentError) as caught:
        pse_combinations(evaluation, 9)
    assert caught.value.code == "no-such-lot"

    no_pse = LOTS.replace("    pse:\n      - {id: PSE3, label: Formation, retained: true}\n", "")
    evaluation = api.score(*consultation(tmp_path, lots=no_pse, rows=ROWS[:3]))
    with pytest.raises(ReferentError) as caught:
        pse_combinations(evaluation, 2)
    assert caught.value.lines == (
        "lot 2: pse does not apply: the lot declares no PSE [not-applicable]",
    )

    count = MAX_COMBINED + 1  # 7 PSE: 128 combinations
    many = "".join(f"      - {{id: X{i}, label: L{i}, retained: false}}\n" for i in range(count))
    lots = (
        "consultation: {title: T}\nlots:\n  - id: 2\n    title: B\n    cap_ht: 9000\n    pse:\n"
        + many
    )
    evaluation = api.score(
        *consultation(
            tmp_path,
            lots=lots,
            header=(
                "candidate",
                "lot",
                "day_rate_ht",
                "days",
                "quality",
                *(f"X{i}" for i in range(count)),
            ),
            rows=[("Eps", 2, "450", "10", 4, *(["1"] * count))],
        )
    )
    with pytest.raises(ReferentError) as caught:
        pse_combinations(evaluation, 2)
    assert caught.value.lines == (
        "lot 2: pse does not apply: the lot declares 7 PSE, which make 128 combinations; it "
        "compares at most 6 PSE (64 combinations) [not-applicable]",
    )
