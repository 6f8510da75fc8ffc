"""The fast path of the evaluation (clean offers judged by :mod:`.clean`, lots ranked in integers
by :mod:`.fast_rank`) against the reference, the exact Fraction path of ``judge`` and
``rank_lot`` (``evaluate(..., reference=True)``): on random consultations, the same results,
field by field, and the same JSON, byte for byte.

The consultations mix what the fast path takes (clean day-rate and lump-sum offers) with what
it leaves to the reference (an offer late, over a cap, without a document or a mark, below a
threshold, with a cell in error or a warning, a variant, a second round, an unknown lot), over
weights, scales, sub-criteria, the three price formulas, HT and TTC, VAT rates (exempt
included), caps on HT, TTC or both, the three abnormally-low methods, a limit of lots per
candidate, and prices and marks drawn from small sets so that exact ties are common."""

from dataclasses import dataclass, replace
from datetime import date, datetime
from decimal import Decimal
from fractions import Fraction
from itertools import pairwise
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from referent_ess.config.choices import AbnormalMethod
from referent_ess.config.loader import load_config
from referent_ess.evaluation.abnormally_low import detect_units, flagged_units
from referent_ess.evaluation.engine import evaluate
from referent_ess.evaluation.kernel import fraction
from referent_ess.intake.offers import Offer, OfferBook
from referent_ess.problems.problem import Problem
from referent_ess.render.json_doc import evaluation_json_parts


@dataclass(frozen=True)
class Case:
    """A random consultation: its two YAML files and its offers."""

    lots: str
    criteria: str
    offers: tuple[Offer, ...]


SCALES = (4, 5, 10, 20)
NAMES = ("Alpha", "Beta", "Gamma", "Delta", "Epsilon", "Zeta", "Eta")
# few prices, so that equal prices (hence exact ties) are common; 333.33 × 3 is not 1000
RATES = tuple(Decimal(v) for v in ("100", "250.5", "300", "333.33", "412.47", "999.99"))
DAYS = tuple(Decimal(v) for v in ("1", "2.5", "3", "10", "0.33"))
VAT = (None, Decimal(0), Decimal("0.055"), Decimal("0.1"), Decimal("0.2"))
RECEIVED = (None, date(2018, 3, 20), date(2018, 3, 23), date(2018, 3, 24), datetime(2018, 3, 23, 9))


@st.composite
def weights(draw: st.DrawFn, count: int, out_of: int) -> list[int]:
    """``count`` positive integer weights summing to ``out_of``."""
    cuts = sorted(draw(st.sets(st.integers(1, out_of - 1), min_size=count - 1, max_size=count - 1)))
    bounds = [0, *cuts, out_of]
    return [b - a for a, b in pairwise(bounds)]


@st.composite
def criteria_yaml(draw: st.DrawFn) -> tuple[str, list[tuple[str, int]]]:
    """criteria.yaml, and its marked leaves with their scales."""
    price_weight = draw(st.sampled_from((20, 30, 40, 60)))
    count = draw(st.integers(1, 3))
    marked = draw(weights(count, 100 - price_weight)) if count > 1 else [100 - price_weight]
    tree = count > 1 and draw(st.booleans())  # the first two leaves under one parent
    leaves = [(f"c{i}", draw(st.sampled_from(SCALES))) for i in range(count)]
    total = draw(st.sampled_from((100, 20)))
    lines = [f"total: {total}", "criteria:"]

    def leaf(index: int, indent: str) -> list[str]:
        name, scale = leaves[index]
        line = f"{indent}- {{id: {name}, label: L{name}, weight: {marked[index]}, scale: {scale}"
        if draw(st.integers(0, 5)) == 0:  # a threshold now and then: 30 % of its points
            threshold = Decimal(marked[index] * total) * Decimal("0.003")
            line += f", min_points: {threshold.normalize():f}"
        return [line + "}"]

    if tree:
        lines += [
            f"  - {{id: parent, label: Parent, weight: {marked[0] + marked[1]}, sub_criteria: ["
        ]
        lines += [line.replace("- ", "    ", 1) + "," for line in leaf(0, "  ")]
        lines += [line.replace("- ", "    ", 1) + "]}" for line in leaf(1, "  ")]
        rest = range(2, count)
    else:
        rest = range(count)
    for index in rest:
        lines += leaf(index, "  ")
    formula = draw(st.sampled_from(("proportional", "linear", "gap")))
    k = f", k: {draw(st.sampled_from(('1.5', '2', '3')))}" if formula == "gap" else ""
    basis = draw(st.sampled_from(("ht", "ttc")))
    lines.append(
        f"  - {{id: price, label: Prix, weight: {price_weight}, "
        f"price: {{formula: {formula}, basis: {basis}{k}}}}}"
    )
    top = ["price", "parent" if tree else "c0", *(name for name, _ in leaves[2 if tree else 1 :])]
    tie_break = draw(st.permutations(top))[: draw(st.integers(0, len(top)))]
    lines.append(f"tie_break: [{', '.join(tie_break)}]")
    return "\n".join(lines) + "\n", leaves


@st.composite
def lots_yaml(draw: st.DrawFn) -> tuple[str, list[tuple[int, bool]]]:
    """lots.yaml, and its lots: (id, priced as a lump sum)."""
    method = draw(st.sampled_from(("none", "mean-ratio", "mean-sigma", "ffb")))
    ratio = draw(st.sampled_from(("0.8", "0.7")))
    lines = [
        "consultation:",
        "  title: Random",
        "  deadline: 2018-03-23",
        "  vat_rate: 0.20",
        f"  cap_basis: {draw(st.sampled_from(('ht', 'ttc', 'both')))}",
        f"  required_documents: [{draw(st.sampled_from(('cv', '')))}]",
        f"  abnormally_low: {{method: {method}, ratio: {ratio}}}",
    ]
    if draw(st.booleans()):
        lines.append("  max_lots_per_candidate: 1")
    lines.append("lots:")
    lots = []
    for lot_id in range(1, draw(st.integers(1, 3)) + 1):
        lump = draw(st.booleans())
        cap = draw(st.sampled_from((2000, 5000, 1_000_000)))
        lines += [f"  - id: {lot_id}", f"    title: Lot {lot_id}"]
        caps = draw(st.sampled_from(("ht", "ttc", "both")))
        if caps != "ttc":
            lines.append(f"    cap_ht: {cap}")
        if caps != "ht":  # within a euro of HT × 1.2 when both are given, as lots.yaml requires
            lines.append(f"    cap_ttc: {cap * Decimal('1.2') + draw(st.sampled_from((0, 1)))}")
        if lump:
            lines.append("    price_model: lump_sum")
        lots.append((lot_id, lump))
    return "\n".join(lines) + "\n", lots


def _mark(draw: st.DrawFn, scale: int) -> Decimal:
    return Decimal(draw(st.integers(0, 2 * scale))) / 2


@st.composite
def offers(
    draw: st.DrawFn, lots: list[tuple[int, bool]], leaves: list[tuple[str, int]]
) -> tuple[Offer, ...]:
    """The offers of every lot (names unique within a lot), some unusual, and now and then a
    second round of one of them or an offer of no known lot."""
    rows: list[Offer] = []
    for lot_id, lump in lots:
        names = draw(st.lists(st.sampled_from(NAMES), unique=True, max_size=6))
        for name in names:
            rows.append(_offer(draw, len(rows) + 2, name, lot_id, lump, leaves))
    if rows and draw(st.booleans()):  # a negotiation: one offer's second round
        first = draw(st.sampled_from(rows))
        lump = dict(lots)[first.lot or 1]
        again = _offer(draw, len(rows) + 2, first.candidate or "", first.lot or 1, lump, leaves)
        rows.append(replace(again, round=2))
    if draw(st.integers(0, 4)) == 0:  # an offer of a lot the consultation does not have
        rows.append(_offer(draw, len(rows) + 2, "Nowhere", 9, False, leaves))
    return tuple(rows)


def _offer(
    draw: st.DrawFn, row: int, name: str, lot: int, lump: bool, leaves: list[tuple[str, int]]
) -> Offer:
    marks = {leaf: _mark(draw, scale) for leaf, scale in leaves}
    if draw(st.integers(0, 9)) == 0:  # a missing mark
        marks.pop(draw(st.sampled_from([leaf for leaf, _ in leaves])))
    rate, days = draw(st.sampled_from(RATES)), draw(st.sampled_from(DAYS))
    stated = None
    if lump:
        stated = draw(st.sampled_from(RATES)) * draw(st.sampled_from((1, 3, 10)))
    elif draw(st.integers(0, 5)) == 0:  # a stated total, right or a little off
        stated = (rate * days).quantize(Decimal("0.01")) + draw(st.sampled_from((0, 1)))
    problems: tuple[Problem, ...] = ()
    unusual = draw(st.integers(0, 11))
    if unusual == 0:  # a warning read from the workbook
        problems = (Problem("hidden-row", file="offers.xlsx", row=row),)
    elif unusual == 1:  # a cell in error: the days unreadable
        problems = (
            Problem(
                "bad-number",
                params=(("form", "days"), ("found", "'x'")),
                file="offers.xlsx",
                row=row,
                field="days",
            ),
        )
        days = None  # type: ignore[assignment]
    return Offer(
        row=row,
        candidate=name,
        lot=lot,
        day_rate_ht=None if lump else rate,
        days=None if lump else days,
        vat_rate=draw(st.sampled_from(VAT)),
        price_ht_stated=stated,
        received_at=draw(st.sampled_from(RECEIVED)),
        documents={"cv": draw(st.sampled_from((True, True, True, False)))},
        marks=marks,
        cells={},
        problems=problems,
        variant="V" if draw(st.integers(0, 14)) == 0 else None,
    )


@st.composite
def cases(draw: st.DrawFn) -> Case:
    criteria, leaves = draw(criteria_yaml())
    lots, lot_ids = draw(lots_yaml())
    return Case(lots, criteria, draw(offers(lot_ids, leaves)))


def _both(folder: Path, case: Case) -> tuple[object, object, str, str]:
    (folder / "lots.yaml").write_text(case.lots, encoding="utf-8")
    (folder / "criteria.yaml").write_text(case.criteria, encoding="utf-8")
    config = load_config(folder / "lots.yaml", folder / "criteria.yaml")
    book = OfferBook(Path("offers.xlsx"), "", "offers", (), case.offers)
    fast, reference = evaluate(config, book), evaluate(config, book, reference=True)
    fast_json = "".join(evaluation_json_parts(fast))
    reference_json = "".join(evaluation_json_parts(reference))
    return fast, reference, fast_json, reference_json


@settings(deadline=None, max_examples=120, suppress_health_check=[HealthCheck.too_slow])
@given(cases())
def test_the_fast_path_gives_exactly_the_reference(
    tmp_path_factory: pytest.TempPathFactory, case: Case
) -> None:
    fast, reference, fast_json, reference_json = _both(tmp_path_factory.mktemp("c"), case)
    assert fast == reference  # every lot, offer result, reason, warning, point, total, rank, tie
    assert fast_json == reference_json


@given(st.integers(-(10**40), 10**40), st.integers(-(10**40), 10**40))
def test_a_fraction_built_from_its_slots_is_the_one_fraction_builds(n: int, d: int) -> None:
    if d == 0:
        with pytest.raises(ZeroDivisionError):
            fraction(n, d)
        return
    built, expected = fraction(n, d), Fraction(n, d)
    assert type(built) is Fraction
    assert (built.numerator, built.denominator) == (expected.numerator, expected.denominator)
    assert built == expected
    assert hash(built) == hash(expected)


@given(
    st.lists(st.integers(1, 10**7), max_size=40),
    st.sampled_from(list(AbnormalMethod)),
    st.sampled_from((Decimal("0.8"), Decimal("0.7"), Decimal("0.75"))),
    st.integers(0, 3),
)
def test_the_flags_a_ranking_reads_are_detect_s(
    units: list[int], method: AbnormalMethod, ratio: Decimal, places: int
) -> None:
    expected = {s.index: s.params for s in detect_units(units, places, method, ratio)}
    assert flagged_units(units, places, method, ratio) == expected
