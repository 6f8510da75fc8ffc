"""The rules of ``referent lint`` that need the offers: HT basis with mixed VAT rates, linear
formula with few offers, proportional formula on heterogeneous prices. Prices are day rate ×
10 days HT; every offer is marked 4 on quality, so price alone decides."""

from collections.abc import Callable
from pathlib import Path

from referent_ess import api
from referent_ess.analysis.lint import Finding, Severity
from referent_ess.i18n.templates import message

Maker = Callable[..., Path]


def findings(
    make_config: Callable[..., tuple[Path, Path]],
    make_workbook: Maker,
    rows: list[list[object]],
    code: str,
    **config: str,
) -> list[Finding]:
    lots, criteria = make_config(**config)
    _, found = api.lint(lots, criteria, make_workbook(rows))
    return [f for f in found if f.code == code]


def offer(name: str, day_rate: int, vat: float = 0.2) -> list[object]:
    return [name, 1, day_rate, 10, vat, "oui", 4]


# ---- HT basis, mixed VAT rates -------------------------------------------------------------------


def test_ht_with_mixed_rates_names_the_first_under_each_basis(
    make_config: Callable[..., tuple[Path, Path]], make_workbook: Maker
) -> None:
    # HT: Beta 2800 < Alpha 3000, Beta first; TTC: Alpha 3000 (exempt) < Beta 3360, Alpha first
    rows = [offer("Alpha", 300, 0), offer("Beta", 280)]
    [found] = findings(make_config, make_workbook, rows, "lint-vat-basis", basis="ht")
    assert (found.severity, found.lot, found.source) == (Severity.ADVICE, 1, "daj-price-2024")
    assert found.params == (("form", "changes"), ("ht_first", "Beta"), ("ttc_first", "Alpha"))
    assert message(found.code, found.params, lang="fr") == (
        "les prix sont comparés HT alors que les offres admissibles ont des taux de TVA "
        "différents ; en HT, Beta est classé premier, en TTC ce serait Alpha"
    )


def test_ttc_or_one_rate_is_not_flagged(
    make_config: Callable[..., tuple[Path, Path]], make_workbook: Maker
) -> None:
    mixed = [offer("Alpha", 300, 0), offer("Beta", 280)]
    assert findings(make_config, make_workbook, mixed, "lint-vat-basis", basis="ttc") == []
    same = [offer("Alpha", 300), offer("Beta", 280)]
    assert findings(make_config, make_workbook, same, "lint-vat-basis", basis="ht") == []


# ---- linear formula, few offers ------------------------------------------------------------------


def test_linear_with_three_offers(
    make_config: Callable[..., tuple[Path, Path]], make_workbook: Maker
) -> None:
    rows = [offer("Alpha", 300), offer("Beta", 310), offer("Gamma", 320)]
    [found] = findings(make_config, make_workbook, rows, "lint-linear-few", formula="linear")
    assert (found.severity, found.lot) == (Severity.ADVICE, 1)
    assert found.params == (("count", "3"), ("few", "4"))


def test_linear_with_four_offers_or_another_formula(
    make_config: Callable[..., tuple[Path, Path]], make_workbook: Maker
) -> None:
    four = [offer(name, 300 + 10 * i) for i, name in enumerate(["A", "B", "C", "D"])]
    assert findings(make_config, make_workbook, four, "lint-linear-few", formula="linear") == []
    three = four[:3]
    assert findings(make_config, make_workbook, three, "lint-linear-few", formula="gap") == []


# ---- proportional formula, heterogeneous prices ------------------------------------------------


def test_proportional_with_the_highest_twice_the_lowest(
    make_config: Callable[..., tuple[Path, Path]], make_workbook: Maker
) -> None:
    # 6000 / 3000 = 2: the highest price still gets 3000/6000 = 50 % of the price points
    rows = [offer("Alpha", 300), offer("Beta", 600)]
    [found] = findings(make_config, make_workbook, rows, "lint-proportional-spread")
    assert (found.severity, found.lot) == (Severity.ADVICE, 1)
    figures = dict(found.params)
    assert (figures["ratio_num"], figures["share_num"], figures["heuristic_num"]) == (
        "2.00",
        "50.0",
        "2",
    )
    assert message(found.code, found.params, lang="en") == (
        "the proportional formula compares prices HT from 3000.00 to 6000.00: the highest is "
        "2.00 times the lowest (the tool's heuristic: 2 times or more) and still gets 50.0 % of "
        "the price points"
    )


def test_proportional_on_close_prices_or_without_offers(
    make_config: Callable[..., tuple[Path, Path]], make_workbook: Maker
) -> None:
    # 5990 / 3000 < 2
    rows = [offer("Alpha", 300), offer("Beta", 599)]
    assert findings(make_config, make_workbook, rows, "lint-proportional-spread") == []
    lots, criteria = make_config()
    config, found = api.lint(lots, criteria)  # no workbook: the configuration alone
    assert config.consultation.offers is None
    assert [f.code for f in found] == ["lint-environmental-criterion"]
