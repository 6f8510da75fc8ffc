"""Variants and negotiation rounds in the evaluation (evaluation/rounds.py, engine.py): a
variant ranked like any offer, a forbidden one or one without its base offer irregular, the lot
limit counting a candidate's variants as the candidate, the latest round evaluated with the
earlier ones as history, the deadline of each round.

The test consultation (conftest.py): lot 1 capped at 10000 HT, lot 2 at 5000 HT; quality 60
points (marks 0-5), price 40 points proportional on HT (40 × Pmin / P); deadline 2018-03-23;
document ``cv`` required. Every figure below is worked out by hand.
"""

import tempfile
from collections.abc import Callable
from fractions import Fraction
from pathlib import Path
from typing import Any

import openpyxl
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from referent_ess import api
from referent_ess.evaluation.results import Ground, Status

HEADER = ["candidate", "lot", "day_rate_ht", "days", "vat_rate", "cv", "quality", "received_at"]
VARIANTS = [*HEADER, "Variante"]
ROUNDS = [*HEADER, "Variante", "Tour"]

LOTS = """\
consultation:
  title: Test consultation
  deadline: 2018-03-23
  vat_rate: 0.20
  required_documents: [cv]
{extra}lots:
  - {{id: 1, title: Lot one, cap_ht: 10000{lot1}}}
  - {{id: 2, title: Lot two, cap_ht: 5000}}
"""


def scored(
    make_config: Callable[..., tuple[Path, Path]],
    make_workbook: Callable[..., Path],
    rows: list[list[Any]],
    header: list[str],
    *,
    extra: str = "",
    lot1: str = "",
) -> Any:
    lots, criteria = make_config(lots_text=LOTS.format(extra=extra, lot1=lot1))
    return api.score(lots, criteria, make_workbook(rows, header))


def by_row(evaluation: Any, row: int) -> Any:
    return next(r for r in evaluation.offers if r.offer.row == row)


# Alpha base 450 × 10 = 4500.00 HT, mark 4 → 60 × 4/5 = 48
# Alpha variant « Visio » 380 × 10 = 3800.00 HT, mark 3 → 36
# Beta 400 × 10 = 4000.00 HT, mark 3 → 36
ALPHA = ["Alpha", 1, 450, 10, 0.2, "oui", 4, "22/03/2018", None]
VISIO = ["Alpha", 1, 380, 10, 0.2, "oui", 3, "22/03/2018", "Visio"]
BETA = ["Beta", 1, 400, 10, 0.2, "oui", 3, "22/03/2018", None]


def test_an_allowed_variant_is_ranked_like_any_offer_and_named_as_its_candidates_variant(
    make_config: Callable[..., tuple[Path, Path]], make_workbook: Callable[..., Path]
) -> None:
    lot = scored(make_config, make_workbook, [ALPHA, VISIO, BETA], VARIANTS).lots[0]
    # Pmin = 3800.00; Alpha 40 × 3800/4500 = 304/9, Visio 40, Beta 40 × 3800/4000 = 38
    # totals: Alpha 48 + 304/9 = 736/9 (81.78), Visio 36 + 40 = 76, Beta 36 + 38 = 74
    assert [(r.offer.row, r.total, r.rank) for r in lot.ranked] == [
        (2, Fraction(736, 9), 1),
        (3, Fraction(76), 2),
        (4, Fraction(74), 3),
    ]
    visio = lot.ranked[1]
    assert (visio.offer.variant, visio.name, visio.candidate) == (
        "Visio",
        "Alpha",
        "variant “Visio” of Alpha",
    )


def test_a_variant_is_named_in_french_as_a_variante_de(
    make_config: Callable[..., tuple[Path, Path]], make_workbook: Callable[..., Path]
) -> None:
    from referent_ess import i18n

    lot = scored(make_config, make_workbook, [ALPHA, VISIO], VARIANTS).lots[0]
    with i18n.language("fr"):
        assert lot.offers[1].candidate == "variante « Visio » de Alpha"


def test_a_variant_on_a_lot_that_forbids_them_is_irregular_with_its_reason(
    make_config: Callable[..., tuple[Path, Path]], make_workbook: Callable[..., Path]
) -> None:
    evaluation = scored(
        make_config, make_workbook, [ALPHA, VISIO, BETA], VARIANTS, lot1=", variants: forbidden"
    )
    visio = by_row(evaluation, 3)
    assert visio.status is Status.IRREGULAR
    assert visio.rank is None
    (reason,) = visio.reasons
    assert (reason.code, reason.cell, reason.field, reason.ground) == (
        "variant-forbidden",
        "I3",
        "variant",
        Ground.IRREGULAR,
    )
    assert reason.message == (
        "variant “Visio”, but lot 1 does not allow variants (variants: forbidden in lots.yaml)"
    )
    # without it, Pmin = 4000.00: Alpha 48 + 40 × 4000/4500 = 48 + 320/9 = 752/9; Beta 36 + 40
    assert [(r.offer.row, r.total) for r in evaluation.lots[0].ranked] == [
        (2, Fraction(752, 9)),
        (4, Fraction(76)),
    ]


def test_a_variant_without_its_base_offer_is_irregular_unless_the_rules_allow_it(
    make_config: Callable[..., tuple[Path, Path]], make_workbook: Callable[..., Path]
) -> None:
    alone = ["Gamma", 1, 300, 10, 0.2, "oui", 2, "22/03/2018", "Eco"]
    required = scored(make_config, make_workbook, [BETA, alone], VARIANTS)
    gamma = by_row(required, 3)
    assert gamma.status is Status.IRREGULAR
    assert [(r.code, r.cell) for r in gamma.reasons] == [("variant-without-base", "I3")]
    free = scored(
        make_config, make_workbook, [BETA, alone], VARIANTS, lot1=", variant_needs_base: false"
    )
    # Gamma 3000.00 is Pmin: 24 + 40 = 64; Beta 36 + 40 × 3000/4000 = 36 + 30 = 66
    assert [(r.offer.row, r.total, r.rank) for r in free.lots[0].ranked] == [
        (2, Fraction(66), 1),
        (3, Fraction(64), 2),
    ]


def test_a_candidates_variants_count_as_the_candidate_for_the_lot_limit(
    make_config: Callable[..., tuple[Path, Path]], make_workbook: Callable[..., Path]
) -> None:
    # lot 1: Alpha base 500 × 10 = 5000, mark 2 → 24; Visio 380 × 10 = 3800, mark 4 → 48;
    # Beta 4000, mark 3 → 36. Pmin 3800: Visio 48 + 40 = 88 first.
    # lot 2: Alpha 200 × 10 = 2000 mark 4 → 48 + 40 = 88 first; Beta 250 × 10 = 2500 mark 4 →
    # 48 + 40 × 2000/2500 = 48 + 32 = 80 second.
    rows = [
        ["Alpha", 1, 500, 10, 0.2, "oui", 2, "22/03/2018", None],
        ["Alpha", 1, 380, 10, 0.2, "oui", 4, "22/03/2018", "Visio"],
        BETA,
        ["Alpha", 2, 200, 10, 0.2, "oui", 4, "22/03/2018", None],
        ["Beta", 2, 250, 10, 0.2, "oui", 4, "22/03/2018", None],
    ]
    evaluation = scored(
        make_config, make_workbook, rows, VARIANTS, extra="  max_lots_per_candidate: 1\n"
    )
    lot1, lot2 = evaluation.lots
    assert lot1.award is not None
    assert lot1.award.offer.row == 3
    # Alpha holds lot 1 through its variant: lot 2 goes to Beta, ranked second
    assert lot2.award is not None
    assert lot2.award.offer.row == 6
    assert [w.code for w in by_row(evaluation, 5).warnings] == ["lot-limit"]


# Negotiation: round 2's deadline is 2018-04-10.
ROUND_2 = "  rounds: [{number: 2, deadline: 2018-04-10}]\n"
# Alpha round 1: 450 × 10 = 4500.00, mark 4 (48); round 2: 400 × 10 = 4000.00, mark 4 (48)
# Beta round 1: 400 × 10 = 4000.00 without its cv (incomplete); round 2: 420 × 10 = 4200.00
# with it, mark 3 (36)
NEGOTIATION = [
    ["Alpha", 1, 450, 10, 0.2, "oui", 4, "22/03/2018", None, 1],
    ["Alpha", 1, 400, 10, 0.2, "oui", 4, "08/04/2018", None, 2],
    ["Beta", 1, 400, 10, 0.2, "non", 3, "22/03/2018", None, None],  # empty: round 1
    ["Beta", 1, 420, 10, 0.2, "oui", 3, "09/04/2018", None, 2],
]


def test_the_latest_round_is_evaluated_and_the_earlier_ones_are_its_history(
    make_config: Callable[..., tuple[Path, Path]], make_workbook: Callable[..., Path]
) -> None:
    evaluation = scored(make_config, make_workbook, NEGOTIATION, ROUNDS, extra=ROUND_2)
    lot = evaluation.lots[0]
    # final: Pmin = 4000.00; Alpha 48 + 40 = 88; Beta 36 + 40 × 4000/4200 = 36 + 800/21 =
    # 1556/21 (74.10)
    assert [(r.offer.row, r.offer.round, r.total, r.rank) for r in lot.offers] == [
        (3, 2, Fraction(88), 1),
        (5, 2, Fraction(1556, 21), 2),
    ]
    alpha, beta = lot.offers
    # round 1: Alpha alone admissible (Beta incomplete): 48 + 40 = 88, first
    (step,) = alpha.history
    assert (step.round, step.row, step.status, step.price_ht, step.total, step.rank) == (
        1,
        2,
        Status.ADMISSIBLE,
        4500,
        Fraction(88),
        1,
    )
    (step,) = beta.history
    assert (step.round, step.row, step.status, step.total, step.rank) == (
        1,
        4,
        Status.INCOMPLETE,
        None,
        None,
    )
    assert [r.code for r in step.reasons] == ["incomplete"]
    assert (alpha.regularised, beta.regularised) == (False, True)


def test_a_later_round_is_judged_against_its_own_deadline_not_the_first(
    make_config: Callable[..., tuple[Path, Path]], make_workbook: Callable[..., Path]
) -> None:
    late = [*NEGOTIATION[:3], ["Beta", 1, 420, 10, 0.2, "oui", 3, "11/04/2018", None, 2]]
    evaluation = scored(make_config, make_workbook, late, ROUNDS, extra=ROUND_2)
    beta = by_row(evaluation, 5)
    assert beta.status is Status.LATE
    (reason,) = beta.reasons
    assert (reason.code, reason.cell) == ("late", "H5")
    assert reason.message == (
        "received 2018-04-11, after the deadline of negotiation round 2 2018-04-10"
    )
    # no deadline given for round 2: an offer of round 2 is never late against round 1's
    evaluation = scored(make_config, make_workbook, late, ROUNDS)
    assert by_row(evaluation, 5).status is Status.ADMISSIBLE


def test_the_history_keeps_a_variants_rounds_apart_from_the_base_offers(
    make_config: Callable[..., tuple[Path, Path]], make_workbook: Callable[..., Path]
) -> None:
    rows = [
        ["Alpha", 1, 450, 10, 0.2, "oui", 4, "22/03/2018", None, 1],
        ["Alpha", 1, 380, 10, 0.2, "oui", 3, "22/03/2018", "Visio", 1],
        ["Alpha", 1, 360, 10, 0.2, "oui", 3, "08/04/2018", "Visio", 2],
    ]
    lot = scored(make_config, make_workbook, rows, ROUNDS, extra=ROUND_2).lots[0]
    assert sorted((r.offer.row, r.offer.round) for r in lot.offers) == [(2, 1), (4, 2)]
    visio = next(r for r in lot.offers if r.offer.row == 4)
    assert [s.row for s in visio.history] == [3]
    # round 1: Pmin 3800; Visio 36 + 40 = 76, Alpha 48 + 40 × 3800/4500 = 736/9 (81.78): 2nd
    assert (visio.history[0].total, visio.history[0].rank) == (Fraction(76), 2)


@settings(
    deadline=None, max_examples=25, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    prices=st.lists(st.integers(min_value=100, max_value=900), min_size=1, max_size=5),
    order=st.randoms(use_true_random=False),
)
def test_property_the_evaluated_offer_is_always_the_latest_rounds(
    make_config: Callable[..., tuple[Path, Path]], prices: list[int], order: Any
) -> None:
    """Whatever the order of the rows, the offer evaluated is the one of the highest round,
    with that round's price (day rate × 10 days)."""
    rounds = list(range(1, len(prices) + 1))
    order.shuffle(rounds)
    rows = [["Alpha", 1, prices[n - 1], 10, 0.2, "oui", 4, "22/03/2018", None, n] for n in rounds]
    lots, criteria = make_config(lots_text=LOTS.format(extra="", lot1=""))
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "offers.xlsx"
        workbook = openpyxl.Workbook()
        sheet = workbook.active
        assert sheet is not None
        sheet.append(ROUNDS)
        for row in rows:
            sheet.append(row)
        workbook.save(path)
        evaluation = api.score(lots, criteria, path)
    (result,) = evaluation.lots[0].offers
    assert result.offer.round == len(prices)
    assert result.price_ht == prices[-1] * 10
    assert [s.round for s in result.history] == list(range(1, len(prices)))
    assert [s.price_ht for s in result.history] == [p * 10 for p in prices[:-1]]
