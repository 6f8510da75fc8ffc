"""lots.yaml's ``price_model: schedule`` (a DQE under ``lines``: id, label, unit, quantity) and
``price_model: dpgf`` (lines without a quantity): read as written, and each bad DQE refused at
its line, all at once."""

from decimal import Decimal
from pathlib import Path

import pytest

from referent_ess.config.choices import Prevails, PriceModel
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


def test_a_dqe_and_a_dpgf_are_read_as_written(tmp_path: Path) -> None:
    config = loaded(
        tmp_path,
        "  - id: 1\n"
        "    title: A\n"
        "    cap_ht: 5000\n"
        "    price_model: schedule\n"
        "    lines:\n"
        "      - {id: 1.10, label: Tonte, unit: m², quantity: 2.5}\n"  # a number, kept as text
        "      - {id: A2, label: Taille, quantity: 3}\n"
        "  - id: 2\n"
        "    title: B\n"
        "    cap_ht: 5000\n"
        "    price_model: dpgf\n"
        "    prevails: stated_total\n"
        "    lines: [{id: 1, label: Études}, {id: 2, label: Travaux}]\n"
        "  - {id: 3, title: C, cap_ht: 5}\n",
    )
    one, two, three = config.lots
    assert one.price_model is PriceModel.SCHEDULE
    assert one.lines == (
        ScheduleLine("1.10", "Tonte", "m²", Decimal("2.5")),
        ScheduleLine("A2", "Taille", None, Decimal(3)),
    )
    assert one.prevails is Prevails.UNIT_PRICE  # the default
    assert two.price_model is PriceModel.DPGF
    assert two.prevails is Prevails.STATED_TOTAL
    # a DPGF line is a unit price of quantity 1: its amount
    assert two.lines == (ScheduleLine("1", "Études"), ScheduleLine("2", "Travaux"))
    assert (three.price_model, three.lines) == (PriceModel.DAY_RATE, ())
    assert one.line("A2") == ScheduleLine("A2", "Taille", None, Decimal(3))
    assert one.line("B") is None


@pytest.mark.parametrize("model", ["schedule", "dpgf"])
@pytest.mark.parametrize("lines", ["", "    lines: []\n"])
def test_a_lot_priced_by_lines_needs_some(tmp_path: Path, model: str, lines: str) -> None:
    lots = f"  - id: 4\n    title: A\n    cap_ht: 5\n    price_model: {model}\n{lines}"
    what = (
        "lot 4 is priced by a schedule (price_model: schedule): list its DQE under lines, each "
        "line with id, label, unit and quantity"
        if model == "schedule"
        else "lot 4 is priced by a DPGF (price_model: dpgf): list its lines under lines, each "
        "with id and label"
    )
    assert refused(tmp_path, lots) == [f"3: lots.0: {what} [lot-lines]"]


def test_every_bad_line_is_said_at_its_own_line(tmp_path: Path) -> None:
    lots = (
        "  - id: 1\n"  # line 3
        "    title: A\n"
        "    cap_ht: 5\n"
        "    price_model: schedule\n"
        "    lines:\n"
        "      - {id: '1', label: a, quantity: 2}\n"  # line 8
        "      - {id: '2', label: b}\n"  # line 9: no quantity
        "      - {id: '1', label: c, quantity: 1}\n"  # line 10: 1 twice
        "  - id: 2\n"  # line 11
        "    title: B\n"
        "    cap_ht: 5\n"
        "    price_model: dpgf\n"
        "    lines:\n"
        "      - {id: X, label: x, quantity: 4}\n"  # line 16: no quantity on a DPGF
        "  - id: 3\n"  # line 17
        "    title: C\n"
        "    cap_ht: 5\n"
        "    lines: [{id: Y, label: y}]\n"  # line 20: not priced by lines
    )
    assert refused(tmp_path, lots) == [
        "9: lots.0.lines.1: line 2 has no quantity: every line of a DQE (price_model: schedule) "
        "needs one [lot-lines]",
        "10: lots.0.lines.2.id: line id 1 is listed twice in the lot (also lots.0.lines.0) "
        "[lot-lines]",
        "16: lots.1.lines.0.quantity: line X has a quantity, but the lot is a DPGF (price_model: "
        "dpgf) whose offers state each line's amount: remove the quantity, or use price_model: "
        "schedule [lot-lines]",
        "20: lots.2.lines: lot 3 is priced by day_rate: lines are only read for price_model "
        "schedule or dpgf; remove them or change price_model [lot-lines]",
    ]


@pytest.mark.parametrize(
    ("quantity", "said"),
    [
        ("0", "Input should be greater than 0 (found 0)"),
        ("-2", "Input should be greater than 0 (found -2)"),
        ("1000000001", "Input should be less than or equal to 1000000000 (found 1000000001)"),
        ("beaucoup", "'beaucoup' is not a number; expected e.g. 450"),
        ("0.0000001", "should have no more than 6 decimal places (found 0.0000001)"),
    ],
)
def test_a_quantity_that_is_not_a_positive_number_is_refused_at_its_line(
    tmp_path: Path, quantity: str, said: str
) -> None:
    lots = (
        "  - id: 1\n"
        "    title: A\n"
        "    cap_ht: 5\n"
        "    price_model: schedule\n"
        "    lines:\n"
        "      - {id: '1', label: a, quantity: 2}\n"
        f"      - {{id: '2', label: b, quantity: {quantity}}}\n"  # line 9
    )
    found = refused(tmp_path, lots)
    assert len(found) == 1
    assert found[0].startswith("9: lots.0.lines.1.quantity: ")
    assert said in found[0]


def test_a_config_without_price_model_is_priced_by_day_rate_without_lines(tmp_path: Path) -> None:
    config = loaded(tmp_path, "  - {id: 1, title: A, cap_ht: 5}\n")
    assert config.lots[0].price_model is PriceModel.DAY_RATE
    assert config.lots[0].lines == ()
    assert config.lots[0].prevails is Prevails.UNIT_PRICE
