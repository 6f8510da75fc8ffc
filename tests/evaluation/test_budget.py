"""The budget check as values: each offer's verdict, each cap's, why an offer could not be
checked, and the counts that decide the exit code of ``check-budget``."""

from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

from referent_ess import api
from referent_ess.evaluation.budget import (
    Unchecked,
    Verdict,
    budget_report,
    check_verdict,
    unchecked_because,
    verdict,
)

# Checked on TTC against lot 2's cap of 6000.00 TTC, VAT 20 % unless the offer says otherwise.
ROWS = [
    ["Within", 2, 450, 10, None, "oui", 4],  # 4500.00 HT, 5400.00 TTC: 600.00 under the cap
    ["Over", 2, 550, 10, None, "oui", 4],  # 5500.00 HT, 6600.00 TTC: 600.00 over
    ["No TTC", 2, 400, 10, "?", "oui", 4],  # VAT unreadable: no TTC price to check
    ["No price", 2, "abc", 10, None, "oui", 4],  # day rate unreadable: no price at all
    ["No lot", 7, 400, 10, None, "oui", 4],  # lot 7 does not exist: no cap
]


def test_every_offer_gets_a_verdict_and_the_counts_add_up(
    make_config: Callable[..., tuple[Path, Path]], make_workbook: Callable[..., Path]
) -> None:
    lots, criteria = make_config(cap_basis="ttc")
    evaluation = api.check_budget(lots, criteria, make_workbook(ROWS))
    offers = {result.candidate: result for result in evaluation.offers}
    # every offer once: lot 2's (ranked first, then the others in sheet order), then no lot's
    assert list(offers) == ["Within", "Over", "No TTC", "No price", "No lot"]

    assert [verdict(result) for result in offers.values()] == [
        Verdict.OK,
        Verdict.OVER,
        Verdict.UNCHECKED,
        Verdict.UNCHECKED,
        Verdict.UNCHECKED,
    ]
    (within,) = offers["Within"].budget
    (over,) = offers["Over"].budget
    assert (check_verdict(within), within.margin) == (Verdict.OK, Decimal("600.00"))
    assert (check_verdict(over), over.margin) == (Verdict.OVER, Decimal("-600.00"))
    assert [unchecked_because(offers[name]) for name in ("No TTC", "No price", "No lot")] == [
        Unchecked.NO_TTC,
        Unchecked.NO_PRICE,
        Unchecked.NO_LOT,
    ]

    report = budget_report(evaluation)
    assert report.checked == 2
    assert [r.candidate for r in report.over_cap] == ["Over"]
    assert [r.candidate for r in report.unchecked] == ["No TTC", "No price", "No lot"]


def test_the_codes_are_those_the_outputs_print() -> None:
    """JSON and CSV print the verdict's value; the catalogues word ``verdict.<value>`` and
    ``budget.<reason>``: the values are a contract."""
    assert [v.value for v in Verdict] == ["ok", "over", "unchecked"]
    assert [u.value for u in Unchecked] == ["no_lot", "no_price", "no_ttc", "no_amount", "no_lines"]
