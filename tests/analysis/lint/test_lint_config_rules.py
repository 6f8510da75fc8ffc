"""The rules of ``referent lint`` that read the configuration alone: no environmental criterion,
sub-weights not announced, a maximum of lots without an allocation rule. Each with a
configuration that triggers it and one that does not."""

from pathlib import Path

import pytest

from helpers import write_config
from referent_ess.analysis.lint import Finding, Severity, lint
from referent_ess.config.loader import load_config


def findings(tmp_path: Path, lots: str, criteria: str, code: str) -> list[Finding]:
    config = load_config(*write_config(tmp_path, lots, criteria))
    return [f for f in lint(config) if f.code == code]


def lots_yaml(consultation: str = "", lots: str = "") -> str:
    return (
        f"consultation:\n  title: T\n{consultation}"
        "lots:\n  - {id: 1, title: A, cap_ht: 1000}\n  - {id: 2, title: B, cap_ht: 1000}\n"
        f"{lots}"
    )


FLAT = (
    "criteria:\n"
    "  - {id: quality, label: Qualité, weight: 60}\n"
    "  - {id: price, label: Prix, weight: 40, price: {formula: proportional}}\n"
)
GREEN = FLAT.replace("weight: 60}", "weight: 60, environmental: true}")
TREE = (
    "criteria:\n"
    "  - id: technique\n    label: Valeur technique\n    weight: 60\n    sub_criteria:\n"
    "      - {id: methode, label: Méthode, weight: 40}\n"
    "      - {id: environnement, label: Environnement, weight: 20, environmental: true}\n"
    "  - {id: price, label: Prix, weight: 40, price: {formula: proportional}}\n"
)
ENV = "lint-environmental-criterion"


# ---- no environmental criterion ----------------------------------------------------------------


def test_no_deadline_is_a_risk_for_the_whole_consultation(tmp_path: Path) -> None:
    [found] = findings(tmp_path, lots_yaml(), FLAT, ENV)
    assert found.severity is Severity.RISK
    assert found.lot is None  # both lots share the set: one finding
    assert found.params == (("form", "no-deadline"),)
    assert found.source == "l2152-7"


@pytest.mark.parametrize(
    ("deadline", "form", "severity"),
    [
        ("2026-08-21", "after", Severity.RISK),  # the first day in force
        ("2026-08-21 09:00:00", "after", Severity.RISK),
        ("2026-08-20", "before", Severity.ADVICE),  # necessarily launched before
        ("2018-03-23", "before", Severity.ADVICE),
    ],
)
def test_the_deadline_decides_risk_or_advice(
    tmp_path: Path, deadline: str, form: str, severity: Severity
) -> None:
    [found] = findings(tmp_path, lots_yaml(f"  deadline: {deadline}\n"), FLAT, ENV)
    assert found.severity is severity
    assert found.params == (("form", form), ("deadline_date", deadline[:10]))


def test_a_tagged_criterion_or_sub_criterion_is_enough(tmp_path: Path) -> None:
    assert findings(tmp_path, lots_yaml(), GREEN, ENV) == []
    assert findings(tmp_path, lots_yaml(), TREE, ENV) == []


def test_only_the_lots_whose_set_lacks_one(tmp_path: Path) -> None:
    plain = "".join("    " + line + "\n" for line in FLAT.splitlines())
    criteria = GREEN + "sets:\n  plain:\n" + plain
    lots = lots_yaml().replace("cap_ht: 1000}\n", "cap_ht: 1000, criteria: plain}\n", 2)
    lots = lots.replace(
        "{id: 1, title: A, cap_ht: 1000, criteria: plain}", "{id: 1, title: A, cap_ht: 1000}"
    )
    [found] = findings(tmp_path, lots, criteria, ENV)
    assert found.lot == 2


# ---- sub-weights not announced -----------------------------------------------------------------

SUB = "lint-sub-weights"


def test_sub_weights_not_said_announced(tmp_path: Path) -> None:
    [found] = findings(tmp_path, lots_yaml(), TREE, SUB)
    assert found.severity is Severity.RISK
    assert found.lot is None
    assert found.params == (("criterion", "Valeur technique"), ("count", "2"))
    assert found.source == "ce-337377"


@pytest.mark.parametrize(
    "criteria",
    [
        "sub_weights_announced: true\n" + TREE,  # the default set
        TREE.replace("    weight: 60\n", "    weight: 60\n    sub_weights_announced: true\n"),
    ],
)
def test_sub_weights_announced(tmp_path: Path, criteria: str) -> None:
    assert findings(tmp_path, lots_yaml(), criteria, SUB) == []


def test_flat_criteria_have_no_sub_weights(tmp_path: Path) -> None:
    assert findings(tmp_path, lots_yaml(), GREEN, SUB) == []


# ---- allocation across lots ---------------------------------------------------------------------

ALLOC = "lint-allocation-rule"


def test_a_maximum_without_its_rule(tmp_path: Path) -> None:
    lots = lots_yaml("  max_lots_per_candidate: 1\n")
    [found] = findings(tmp_path, lots, GREEN, ALLOC)
    assert (found.severity, found.lot, found.params) == (
        Severity.RISK,
        None,
        (("form", "one"), ("maximum", "1")),
    )
    assert found.source == "r2113-1"


@pytest.mark.parametrize(
    "consultation",
    [
        "  max_lots_per_candidate: 1\n  allocation_rule: le lot de plus forte valeur d'abord\n",
        "",  # no maximum: nothing to state
    ],
)
def test_a_maximum_with_its_rule_or_none(tmp_path: Path, consultation: str) -> None:
    assert findings(tmp_path, lots_yaml(consultation), GREEN, ALLOC) == []


def test_a_maximum_of_several_lots(tmp_path: Path) -> None:
    [found] = findings(tmp_path, lots_yaml("  max_lots_per_candidate: 2\n"), GREEN, ALLOC)
    assert found.params == (("form", "many"), ("maximum", "2"))


def test_a_blank_rule_is_no_rule(tmp_path: Path) -> None:
    lots = lots_yaml("  max_lots_per_candidate: 1\n  allocation_rule: '  '\n")
    assert len(findings(tmp_path, lots, GREEN, ALLOC)) == 1
