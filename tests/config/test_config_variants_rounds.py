"""lots.yaml's variants (per lot) and negotiation rounds (per consultation): their defaults,
and each bad value refused at its line."""

from datetime import date
from pathlib import Path

import pytest

from referent_ess.config.choices import Variants
from referent_ess.config.loader import load_config
from referent_ess.problems.errors import ConfigError

CRITERIA = """\
criteria:
  - {id: quality, label: Q, weight: 60}
  - {id: price, label: P, weight: 40, price: {formula: proportional}}
"""


def loaded(tmp_path: Path, lots: str) -> object:
    (tmp_path / "lots.yaml").write_text(lots, encoding="utf-8")
    (tmp_path / "criteria.yaml").write_text(CRITERIA, encoding="utf-8")
    return load_config(tmp_path / "lots.yaml", tmp_path / "criteria.yaml")


def refused(tmp_path: Path, lots: str) -> list[str]:
    with pytest.raises(ConfigError) as caught:
        loaded(tmp_path, lots)
    return list(caught.value.lines)


def test_variants_are_allowed_unless_forbidden_and_need_a_base_offer_by_default(
    tmp_path: Path,
) -> None:
    config = loaded(
        tmp_path,
        "consultation: {title: T, deadline: 2018-03-23}\n"
        "lots:\n"
        "  - {id: 1, title: A, cap_ht: 5}\n"
        "  - {id: 2, title: B, cap_ht: 5, variants: forbidden, variant_needs_base: false}\n",
    )
    one, two = config.lots  # type: ignore[attr-defined]
    assert (one.variants, one.variant_needs_base) == (None, True)
    assert (two.variants, two.variant_needs_base) == (Variants.FORBIDDEN, False)
    consultation = config.consultation  # type: ignore[attr-defined]
    assert consultation.deadline_of(1) == date(2018, 3, 23)
    assert consultation.deadline_of(2) is None  # no deadline given for round 2


def test_each_rounds_deadline_is_its_own(tmp_path: Path) -> None:
    config = loaded(
        tmp_path,
        "consultation:\n"
        "  title: T\n"
        "  deadline: 2018-03-23\n"
        "  rounds: [{number: 3, deadline: 2018-05-02}, {number: 2, deadline: 2018-04-10}]\n"
        "lots: [{id: 1, title: A, cap_ht: 5}]\n",
    )
    consultation = config.consultation  # type: ignore[attr-defined]
    assert consultation.deadline_of(2) == date(2018, 4, 10)
    assert consultation.deadline_of(3) == date(2018, 5, 2)


def test_bad_variants_and_rounds_are_refused_at_their_lines(tmp_path: Path) -> None:
    lots = """\
consultation:
  title: T
  rounds:
    - {number: 1, deadline: 2018-04-10}
    - {number: 2, deadline: demain}
lots:
  - id: 1
    title: A
    cap_ht: 5
    variants: oui
"""
    found = refused(tmp_path, lots)
    path = tmp_path / "lots.yaml"
    assert found[:2] == [
        f"{path}:4: consultation.rounds.0.number: Input should be greater than or equal to 2 "
        "(found 1) [invalid-value]",  # round 1's deadline is the consultation's
        f"{path}:5: consultation.rounds.1.deadline: 'demain' is not a date; expected 2018-03-23 "
        "or 2018-03-23 12:00 [invalid-value]",
    ]
    assert found[2:] == [
        f"{path}:10: lots.0.variants: Input should be 'allowed' or 'forbidden' (found 'oui') "
        "[invalid-value]"
    ]


def test_a_round_given_twice_is_refused_at_its_second_line(tmp_path: Path) -> None:
    lots = """\
consultation:
  title: T
  deadline: 2018-03-23
  rounds:
    - {number: 2, deadline: 2018-04-10}
    - {number: 3, deadline: 2018-05-02}
    - {number: 2, deadline: 2018-04-12}
lots: [{id: 1, title: A, cap_ht: 5}]
"""
    path = tmp_path / "lots.yaml"
    assert refused(tmp_path, lots) == [
        f"{path}:7: consultation.rounds.2.number: round 2 is given twice (also "
        "consultation.rounds.0) [duplicate-id]"
    ]


def test_a_round_closing_before_the_previous_one_is_refused(tmp_path: Path) -> None:
    # round 2 (2018-03-20) closes before round 1 (the consultation's deadline, 2018-03-23);
    # round 4 (listed first) closes before round 3 (2018-05-02 12:00 > 2018-05-01)
    lots = """\
consultation:
  title: T
  deadline: 2018-03-23
  rounds:
    - {number: 4, deadline: 2018-05-01}
    - {number: 2, deadline: 2018-03-20}
    - {number: 3, deadline: "2018-05-02 12:00"}
lots: [{id: 1, title: A, cap_ht: 5}]
"""
    path = tmp_path / "lots.yaml"
    assert refused(tmp_path, lots) == [
        f"{path}:5: consultation.rounds.0.deadline: round 4's deadline 2018-05-01 is earlier "
        "than round 3's (2018-05-02 12:00): a round cannot close before the round before it "
        "[round-deadline-order]",
        f"{path}:6: consultation.rounds.1.deadline: round 2's deadline 2018-03-20 is earlier "
        "than round 1's (2018-03-23): a round cannot close before the round before it "
        "[round-deadline-order]",
    ]


def test_rounds_in_order_or_on_the_same_day_are_accepted(tmp_path: Path) -> None:
    # round 2 on the consultation's day (a time then) is not earlier; round 3 on round 2's day
    config = loaded(
        tmp_path,
        "consultation:\n"
        "  title: T\n"
        "  deadline: 2018-03-23\n"
        '  rounds: [{number: 2, deadline: "2018-03-23 18:00"}, {number: 3, deadline: 2018-03-23}]\n'
        "lots: [{id: 1, title: A, cap_ht: 5}]\n",
    )
    assert config.consultation.deadline_of(3) == date(2018, 3, 23)  # type: ignore[attr-defined]
