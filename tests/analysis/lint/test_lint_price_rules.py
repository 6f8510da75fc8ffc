"""The rules of ``referent lint`` that need the offers: HT basis with mixed VAT rates, linear
formula with few offers, proportional formula on heterogeneous prices. Prices are day rate ×
10 days HT; every offer is marked 4 on quality, so price alone decides."""

from collections.abc import Callable
from dataclasses import replace
from fractions import Fraction
from pathlib import Path

from consultation_text import HIERARCHY_CRITERIA_YAML
from referent_ess import api
from referent_ess.analysis.lint import Facts, Finding, Severity
from referent_ess.analysis.lint.price import lowest_price_not_best_mark
from referent_ess.config.loader import load_config
from referent_ess.evaluation.engine import evaluate
from referent_ess.i18n.templates import message
from referent_ess.intake.offers import load_offers

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


# ---- the neutralisation heuristic, on the configured formula ------------------------------------


def test_proportional_points_spread_little_while_prices_differ(
    make_config: Callable[..., tuple[Path, Path]], make_workbook: Maker
) -> None:
    # proportional, 40 price points: Alpha 3000 gets 40, Beta 3700 gets 40 × 3000/3700 =
    # 32.4324…; spread 280/37 = 7.5675… → 7.57 < 10 (25 % of 40); prices differ by 700/3000 =
    # 23.33… % → 23.3 > 20 %
    rows = [offer("Alpha", 300), offer("Beta", 370)]
    [found] = findings(make_config, make_workbook, rows, "lint-price-neutralised")
    assert (found.severity, found.lot, found.source) == (Severity.ADVICE, 1, "heuristic")
    assert found.params == (
        ("spread_num", "7.57"),
        ("maximum_num", "40.00"),
        ("gap_num", "23.3"),
        ("points_num", "25"),
        ("prices_num", "20"),
    )
    assert message(found.code, found.params, lang="fr") == (
        "avec la méthode de notation du prix configurée, les points prix ne s'étalent que sur "
        "7,57 des 40,00 points (moins de 25\u00a0%) alors que les prix s'écartent de "
        "23,3\u00a0% (plus de 20\u00a0%)"
    )


def test_no_neutralisation_on_close_prices_or_under_the_linear_formula(
    make_config: Callable[..., tuple[Path, Path]], make_workbook: Maker
) -> None:
    # 3500 / 3000: prices differ by 16.7 % only
    close = [offer("Alpha", 300), offer("Beta", 350)]
    assert findings(make_config, make_workbook, close, "lint-price-neutralised") == []
    # linear: 40 and 0 points, a spread of the whole 40
    apart = [offer("Alpha", 300), offer("Beta", 370)]
    linear = findings(make_config, make_workbook, apart, "lint-price-neutralised", formula="linear")
    assert linear == []


# ---- a lower price with fewer price points (CE, 29 October 2013, n° 370789) ----------------------


def _evaluated(
    make_config: Callable[..., tuple[Path, Path]], make_workbook: Maker, rows: list[list[object]]
) -> Facts:
    lots, criteria = make_config()
    config = load_config(lots, criteria)
    return Facts(config, evaluate(config, load_offers(make_workbook(rows), config)))


def _with_price_points(facts: Facts, points: dict[str, Fraction]) -> Facts:
    """The evaluation with other price points: what a formula that does not give the lowest
    price the best mark would compute (the tool's three formulas never do)."""
    assert facts.evaluation is not None
    lot = facts.evaluation.lots[0]
    offers = tuple(
        replace(r, points={**r.points, "price": points[r.candidate]})
        if r.candidate in points
        else r
        for r in lot.offers
    )
    lots = (replace(lot, offers=offers), *facts.evaluation.lots[1:])
    return Facts(facts.config, replace(facts.evaluation, lots=lots))


def test_the_lowest_price_without_the_best_price_mark_is_a_risk(
    make_config: Callable[..., tuple[Path, Path]], make_workbook: Maker
) -> None:
    # HT: Alpha 3000, Beta 3100, Gamma 3200; Alpha given 30 points, Beta 35, Gamma 20
    facts = _evaluated(
        make_config, make_workbook, [offer("Alpha", 300), offer("Beta", 310), offer("Gamma", 320)]
    )
    changed = _with_price_points(
        facts, {"Alpha": Fraction(30), "Beta": Fraction(35), "Gamma": Fraction(20)}
    )
    [found] = lowest_price_not_best_mark(changed)
    assert (found.severity, found.lot, found.source) == (Severity.RISK, 1, "ce-370789")
    assert found.params == (
        ("form", "lowest"),
        ("basis", "HT"),
        ("low", "Alpha"),
        ("low_money", "3000.00"),
        ("low_points_num", "30.00"),
        ("high", "Beta"),
        ("high_money", "3100.00"),
        ("high_points_num", "35.00"),
    )
    assert message(found.code, found.params, lang="en") == (
        "the lowest price HT, 3000.00 (Alpha), gets 30.00 price points, fewer than the 35.00 "
        "of Beta at 3100.00"
    )
    # the lowest keeps the best mark, but Beta (3100) gets fewer than Gamma (3200)
    middle = _with_price_points(
        facts, {"Alpha": Fraction(40), "Beta": Fraction(20), "Gamma": Fraction(25)}
    )
    [found] = lowest_price_not_best_mark(middle)
    figures = dict(found.params)
    assert (figures["form"], figures["low"], figures["high"]) == ("lower", "Beta", "Gamma")


def test_the_tools_formulas_give_the_lowest_price_the_best_mark(
    make_config: Callable[..., tuple[Path, Path]], make_workbook: Maker
) -> None:
    rows = [offer("Alpha", 300), offer("Beta", 310), offer("Gamma", 900)]
    for formula in ("proportional", "linear", "gap"):
        assert (
            findings(make_config, make_workbook, rows, "lint-lowest-price-mark", formula=formula)
            == []
        )
    # equal prices with equal points are no inversion
    facts = _evaluated(make_config, make_workbook, [offer("Alpha", 300), offer("Beta", 300)])
    assert list(lowest_price_not_best_mark(facts)) == []


def test_a_hierarchy_of_criteria_gives_no_price_points_to_check(
    make_config: Callable[..., tuple[Path, Path]], make_workbook: Maker
) -> None:
    # ordering: hierarchy: offers are compared mark by mark, then on the price: no points
    lots, criteria = make_config(criteria_text=HIERARCHY_CRITERIA_YAML)
    rows = [offer("Alpha", 300), offer("Beta", 370)]  # neutralised, had there been points
    _, found = api.lint(lots, criteria, make_workbook(rows))
    codes = {f.code for f in found}
    assert "lint-lowest-price-mark" not in codes
    assert "lint-price-neutralised" not in codes
