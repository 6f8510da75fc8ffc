"""An offer the jury declared irrégulière, inacceptable or inappropriée: its status, its reason
(the jury's words), its ground of law, and the ranking of the others without it.

The test consultation (conftest.py): lot 1 capped at 10000 HT, quality 60 points (marks 0-5),
price 40 points proportional on HT (Pmin / P), deadline 2018-03-23, document ``cv`` required.
Every figure below is worked out by hand.
"""

import csv
import tempfile
from collections.abc import Callable, Sequence
from fractions import Fraction
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from referent_ess import api
from referent_ess.evaluation.results import GROUNDS, Ground, Status

HEADER = ["candidate", "lot", "day_rate_ht", "days", "vat_rate", "cv", "quality"]
JURY = [*HEADER, "received_at", "Décision du jury", "Motif de la décision"]
REASON = "Le mémoire technique décrit une prestation de nettoyage, sans rapport avec le besoin."

# Alpha 450 × 10 = 4500.00 HT, mark 4 → 60 × 4/5 = 48 points
# Beta 400 × 10 = 4000.00 HT, mark 3 → 36 points
# Gamma 300 × 10 = 3000.00 HT, mark 2 → 24 points, declared inappropriée by the jury (row 4)
ALPHA = ["Alpha", 1, 450, 10, 0.2, "oui", 4, "22/03/2018", None, None]
BETA = ["Beta", 1, 400, 10, 0.2, "oui", 3, "22/03/2018", None, None]
GAMMA = ["Gamma", 1, 300, 10, 0.2, "oui", 2, "22/03/2018", "inappropriée", REASON]


def scored(
    make_config: Callable[..., tuple[Path, Path]],
    make_workbook: Callable[..., Path],
    rows: Sequence[Sequence[Any]],
) -> Any:
    lots, criteria = make_config()
    return api.score(lots, criteria, make_workbook(rows, JURY))


def test_an_inappropriate_offer_is_not_ranked_and_keeps_the_jurys_reason(
    make_config: Callable[..., tuple[Path, Path]], make_workbook: Callable[..., Path]
) -> None:
    lot = scored(make_config, make_workbook, [ALPHA, BETA, GAMMA]).lots[0]
    gamma = next(r for r in lot.offers if r.candidate == "Gamma")
    assert gamma.status is Status.INAPPROPRIATE
    assert (gamma.rank, gamma.total) == (None, None)
    assert gamma.points == {"quality": Fraction(24)}  # for information; no price points
    (reason,) = gamma.reasons
    assert (reason.code, reason.status, reason.cell, reason.field) == (
        "jury-decision",
        Status.INAPPROPRIATE,
        "I4",
        "jury_decision",
    )
    assert reason.params == (("form", "inappropriate"), ("reason", REASON))
    assert reason.message == f"declared inappropriate by the jury: {REASON}"
    assert reason.ground is Ground.INAPPROPRIATE
    # Gamma's 3000.00 is not the lowest price any more: Pmin = 4000.00 (Beta)
    # Alpha: 48 + 40 × 4000/4500 = 48 + 320/9 = 752/9 (83.56); Beta: 36 + 40 = 76
    assert lot.lowest_price == 4000
    assert [(r.candidate, r.rank, r.total) for r in lot.ranked] == [
        ("Alpha", 1, Fraction(752, 9)),
        ("Beta", 2, Fraction(76)),
    ]
    assert not lot.provisional
    assert lot.award is not None
    assert lot.award.candidate == "Alpha"


@pytest.mark.parametrize(
    ("typed", "status", "ground"),
    [
        ("irrégulière", Status.IRREGULAR, Ground.IRREGULAR),
        ("Offre inacceptable", Status.UNACCEPTABLE, Ground.UNACCEPTABLE),
        ("inappropriee", Status.INAPPROPRIATE, Ground.INAPPROPRIATE),
    ],
)
def test_each_decision_gives_its_status_and_ground(
    make_config: Callable[..., tuple[Path, Path]],
    make_workbook: Callable[..., Path],
    typed: str,
    status: Status,
    ground: Ground,
) -> None:
    gamma = [*GAMMA[:8], typed, REASON]
    lot = scored(make_config, make_workbook, [ALPHA, gamma]).lots[0]
    declared = lot.offers[-1]
    assert (declared.candidate, declared.status) == ("Gamma", status)
    assert [r.ground for r in declared.reasons] == [ground]
    assert [r.candidate for r in lot.ranked] == ["Alpha"]


def test_the_grounds_of_the_statuses() -> None:
    assert dict(GROUNDS) == {
        Status.LATE: Ground.LATE,
        Status.INCOMPLETE: Ground.IRREGULAR,
        Status.IRREGULAR: Ground.IRREGULAR,
        Status.OVER_CAP: Ground.UNACCEPTABLE,
        Status.UNACCEPTABLE: Ground.UNACCEPTABLE,
        Status.INAPPROPRIATE: Ground.INAPPROPRIATE,
        Status.BELOW_THRESHOLD: Ground.THRESHOLD,  # the consultation rules' own, no article
    }  # invalid (a data error) and admissible have none


def test_an_offer_the_jury_declared_needs_no_marks(
    make_config: Callable[..., tuple[Path, Path]], make_workbook: Callable[..., Path]
) -> None:
    unmarked = [*GAMMA[:6], None, *GAMMA[7:]]
    gamma = scored(make_config, make_workbook, [ALPHA, unmarked]).lots[0].offers[-1]
    assert gamma.status is Status.INAPPROPRIATE
    assert [r.code for r in gamma.reasons] == ["jury-decision"]  # no missing-mark


def test_every_reason_is_kept_and_the_first_status_in_order_applies(
    make_config: Callable[..., tuple[Path, Path]], make_workbook: Callable[..., Path]
) -> None:
    late = ["Late", 1, 300, 10, 0.2, "oui", 2, "26/03/2018", "irrégulière", REASON]
    no_cv = ["NoCv", 1, 300, 10, 0.2, "non", 2, "22/03/2018", "irrégulière", REASON]
    # 1100 × 10 = 11000.00 HT > cap 10000.00 HT
    dear = ["Dear", 1, 1100, 10, 0.2, "oui", 2, "22/03/2018", "inappropriée", REASON]
    lot = scored(make_config, make_workbook, [ALPHA, late, no_cv, dear]).lots[0]
    by_name = {r.candidate: r for r in lot.offers}
    assert by_name["Late"].status is Status.LATE
    assert [r.code for r in by_name["Late"].reasons] == ["late", "jury-decision"]
    assert by_name["NoCv"].status is Status.INCOMPLETE  # incomplete comes before irregular
    assert [r.code for r in by_name["NoCv"].reasons] == ["jury-decision", "incomplete"]
    assert by_name["Dear"].status is Status.OVER_CAP  # over_cap comes before inappropriate
    assert [r.code for r in by_name["Dear"].reasons] == ["jury-decision", "over_cap"]
    assert [r.candidate for r in lot.ranked] == ["Alpha"]


def test_a_decision_without_its_reason_makes_the_offer_invalid_and_the_ranking_provisional(
    make_config: Callable[..., tuple[Path, Path]], make_workbook: Callable[..., Path]
) -> None:
    lot = scored(make_config, make_workbook, [ALPHA, [*GAMMA[:9], None]]).lots[0]
    gamma = lot.offers[-1]
    assert gamma.status is Status.INVALID
    assert [(r.code, r.cell) for r in gamma.reasons] == [("jury-reason-missing", "J3")]
    assert lot.provisional


def _write_csv(folder: Path, rows: Sequence[Sequence[Any]]) -> Path:
    path = folder / f"offers-{len(list(folder.iterdir()))}.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow([*HEADER, "jury_decision", "jury_reason"])
        writer.writerows(rows)
    return path


# the configuration files are written once and only read: sharing them between examples is safe
@settings(
    deadline=None, max_examples=25, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    offers=st.lists(
        st.tuples(
            st.integers(min_value=100, max_value=900),  # day rate
            st.integers(min_value=0, max_value=5),  # mark
            st.sampled_from([None, "irrégulière", "inacceptable", "inappropriée"]),
        ),
        min_size=1,
        max_size=6,
    )
)
def test_the_others_rank_as_if_the_declared_offers_were_not_there(
    offers: list[tuple[int, int, str | None]], make_config: Callable[..., tuple[Path, Path]]
) -> None:
    """Declaring an offer sets it aside: the other offers get exactly the totals and ranks they
    would have in a sheet without it."""
    lots, criteria = make_config()
    rows = [
        [f"C{n}", 1, rate, 10, 0.2, "oui", mark, decision, "motif" if decision else None]
        for n, (rate, mark, decision) in enumerate(offers)
    ]
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        declared = api.score(lots, criteria, _write_csv(folder, rows)).lots[0]
        kept = [r for r in rows if r[7] is None]
        alone = api.score(lots, criteria, _write_csv(folder, kept)).lots[0]
    assert [(r.candidate, r.rank, r.total) for r in declared.ranked] == [
        (r.candidate, r.rank, r.total) for r in alone.ranked
    ]
    assert {r.candidate for r in declared.excluded} == {r[0] for r in rows if r[7] is not None}
