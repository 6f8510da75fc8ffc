"""The lot-level warning ``vat-basis``: prices compared HT while the VAT rates of the lot's
admissible offers differ.

HT hides what the buyer pays: a VAT-exempt association costs its HT price, a company 20 % more.
The DAJ's fiche on price scoring (2024) compares TTC amounts, which is the default; a buyer who
chose HT deliberately (one who recovers the VAT, say) is told, lot by lot, whether comparing TTC
would change who ranks first, and who that would be. The lot is evaluated again, the same way,
on TTC. Pure: a code and its figures, no wording (the catalogues word it).
"""

from collections.abc import Callable, Sequence
from dataclasses import replace

from referent_ess.config.choices import PriceBasis
from referent_ess.config.model import Config
from referent_ess.evaluation.offer_warning import Source
from referent_ess.evaluation.results import LotResult, OfferResult
from referent_ess.problems.problem import Problem

CODE = "vat-basis"


def vat_basis_warnings(
    lot: LotResult,
    rank_again: Callable[[Config], LotResult],
    config: Config,
    source: Source,
) -> tuple[Problem, ...]:
    """The warning ``vat-basis`` for ``lot``, or nothing: when prices are compared TTC, or its
    admissible offers share one rate. ``rank_again(config)`` ranks the lot's offers, as judged
    one by one, again on another configuration (its price criterion on TTC)."""
    criteria_set = config.criteria_for(lot.lot.id)
    rule = criteria_set.price_criterion.price
    assert rule is not None
    if rule.basis is not PriceBasis.HT:
        return ()
    rates = {r.vat_rate for r in lot.ranked if r.vat_rate is not None}
    if len(rates) < 2:
        return ()
    ttc = replace(rule, basis=PriceBasis.TTC)
    criteria = tuple(replace(c, price=ttc) if c.is_price else c for c in criteria_set.criteria)
    on_ttc = config.with_set(replace(criteria_set, criteria=criteria))
    again = rank_again(on_ttc)
    ht_first, ttc_first = lot.winners, again.winners
    same = _rows(ht_first) == _rows(ttc_first)
    form = "same" if same else "tie" if len(ttc_first) > 1 else "changes"
    params = (
        ("form", form),
        ("lot", str(lot.lot.id)),
        ("ht_first", _names(ht_first)),
        ("ttc_first", _names(ttc_first)),
    )
    return (Problem(CODE, params=params, file=source[0]),)


def _rows(results: Sequence[OfferResult]) -> list[int]:
    return sorted(r.offer.row for r in results)


def _names(results: Sequence[OfferResult]) -> str:
    """The offers ranked first, by name (several only when an exact tie survives)."""
    return ", ".join(r.candidate for r in results)
