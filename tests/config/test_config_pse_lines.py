"""lots.yaml's PSE priced by lines (``pse: [{id, label, retained, lines: [...]}]`` on a schedule
or DPGF lot): read as written, and each bad PSE line refused at its own line, all at once, with
the same rules as the lot's own lines (one id across the lot's and its PSE's lines)."""

from decimal import Decimal
from pathlib import Path

import pytest

from referent_ess.config.loader import load_config
from referent_ess.config.model import Config, ScheduleLine
from referent_ess.problems.errors import ConfigError

CRITERIA = """\
criteria:
  - {id: quality, label: Q, weight: 60}
  - {id: price, label: P, weight: 40, price: {formula: proportional}}
"""
HEAD = "consultation: {title: T}\nlots:\n"


def loaded(tmp_path: Path, lots: str) -> Config:
    (tmp_path / "lots.yaml").write_text(HEAD + lots, encoding="utf-8")
    (tmp_path / "criteria.yaml").write_text(CRITERIA, encoding="utf-8")
    return load_config(tmp_path / "lots.yaml", tmp_path / "criteria.yaml")


def refused(tmp_path: Path, lots: str) -> list[str]:
    with pytest.raises(ConfigError) as caught:
        loaded(tmp_path, lots)
    path = tmp_path / "lots.yaml"
    return [line.replace(f"{path}:", "") for line in caught.value.lines]


def test_pse_lines_are_read_as_written_and_a_lump_sum_pse_keeps_its_column(
    tmp_path: Path,
) -> None:
    config = loaded(
        tmp_path,
        "  - id: 1\n"
        "    title: A\n"
        "    cap_ht: 5000\n"
        "    price_model: schedule\n"
        "    lines: [{id: '1', label: a, unit: h, quantity: 2}]\n"
        "    pse:\n"
        "      - id: PSE1\n"
        "        label: Vitres\n"
        "        retained: true\n"
        "        lines: [{id: P1.1, label: Intérieur, unit: m2, quantity: 2.5}]\n"
        "      - {id: PSE2, label: Sols, retained: false}\n",
    )
    lot = config.lots[0]
    assert lot.pse[0].lines == (ScheduleLine("P1.1", "Intérieur", "m2", Decimal("2.5")),)
    assert lot.pse[1].lines == ()
    assert [p.id for p in lot.lump_sum_pse] == ["PSE2"]
    assert [line.id for line in lot.all_lines] == ["1", "P1.1"]
    # only the lump-sum PSE needs an offers-sheet column
    assert config.lump_sum_pse_ids == frozenset({"PSE2"})


def test_a_dpgf_pse_line_has_no_quantity_and_counts_one(tmp_path: Path) -> None:
    config = loaded(
        tmp_path,
        "  - id: 2\n"
        "    title: B\n"
        "    cap_ht: 5000\n"
        "    price_model: dpgf\n"
        "    lines: [{id: A, label: a}]\n"
        "    pse: [{id: PSE1, label: V, retained: false, lines: [{id: PA, label: pa}]}]\n",
    )
    assert config.lots[0].pse[0].lines == (ScheduleLine("PA", "pa", None, Decimal(1)),)


def test_every_bad_pse_line_is_said_at_its_own_line(tmp_path: Path) -> None:
    lots = (
        "  - id: 1\n"  # line 3
        "    title: A\n"
        "    cap_ht: 5\n"
        "    price_model: schedule\n"
        "    lines:\n"
        "      - {id: '1', label: a, quantity: 2}\n"  # line 8
        "    pse:\n"
        "      - id: PSE1\n"  # line 10
        "        label: V\n"
        "        retained: true\n"
        "        lines:\n"
        "          - {id: '1', label: clash, quantity: 1}\n"  # line 14: the base line's id
        "          - {id: P2, label: b}\n"  # line 15: no quantity on a DQE
        "      - {id: PSE2, label: W, retained: true, lines: []}\n"  # line 16: empty
        "  - id: 2\n"  # line 17
        "    title: B\n"
        "    cap_ht: 5\n"
        "    price_model: dpgf\n"
        "    lines: [{id: X, label: x}]\n"
        "    pse:\n"
        "      - {id: PSE1, label: V, retained: true, lines: [{id: X1, label: y, quantity: 3}]}\n"
        "  - id: 3\n"  # line 24
        "    title: C\n"
        "    cap_ht: 5\n"
        "    pse:\n"
        "      - {id: PSE1, label: V, retained: true, lines: [{id: Z, label: z}]}\n"  # line 28
    )
    assert refused(tmp_path, lots) == [
        "14: lots.0.pse.0.lines.0.id: line id 1 is listed twice in the lot (also lots.0.lines.0) "
        "[lot-lines]",
        "15: lots.0.pse.0.lines.1: line P2 has no quantity: every line of a DQE (price_model: "
        "schedule) needs one [lot-lines]",
        "16: lots.0.pse.1.lines: the PSE PSE2 has an empty list of lines: list its lines, or "
        "remove lines to price it as a lump sum in the offers sheet [lot-lines]",
        "23: lots.1.pse.0.lines.0.quantity: line X1 has a quantity, but the lot is a DPGF "
        "(price_model: dpgf) whose offers state each line's amount: remove the quantity, or use "
        "price_model: schedule [lot-lines]",
        "28: lots.2.pse.0.lines: lot 3 is priced by day_rate: lines are only read for "
        "price_model schedule or dpgf; remove them or change price_model [lot-lines]",
    ]


def test_two_pse_of_one_lot_may_not_share_a_line_id(tmp_path: Path) -> None:
    lots = (
        "  - id: 1\n"  # line 3
        "    title: A\n"
        "    cap_ht: 5\n"
        "    price_model: dpgf\n"
        "    lines: [{id: A, label: a}]\n"
        "    pse:\n"
        "      - {id: PSE1, label: V, retained: true, lines: [{id: P, label: p}]}\n"  # line 9
        "      - {id: PSE2, label: W, retained: true, lines: [{id: P, label: q}]}\n"  # line 10
    )
    assert refused(tmp_path, lots) == [
        "10: lots.0.pse.1.lines.0.id: line id P is listed twice in the lot (also "
        "lots.0.pse.0.lines.0) [lot-lines]"
    ]
