"""Every rule of ``referent lint``, in the order findings are listed, and the entry point."""

from referent_ess.analysis.lint.allocation import allocation_rule_missing
from referent_ess.analysis.lint.environment import no_environmental_criterion
from referent_ess.analysis.lint.finding import Facts, Finding, Rule, Severity
from referent_ess.analysis.lint.offers import (
    abnormally_low,
    marks_without_appraisal,
    received_time_unknown,
    tie_not_settled,
)
from referent_ess.analysis.lint.price import (
    linear_with_few_offers,
    lowest_price_not_best_mark,
    price_neutralised,
    proportional_on_spread_prices,
    vat_basis,
)
from referent_ess.analysis.lint.sub_weights import sub_weights_not_announced
from referent_ess.config.model import Config
from referent_ess.evaluation.results import Evaluation

RULES: tuple[Rule, ...] = (
    no_environmental_criterion,
    sub_weights_not_announced,
    allocation_rule_missing,
    vat_basis,
    lowest_price_not_best_mark,
    linear_with_few_offers,
    proportional_on_spread_prices,
    price_neutralised,
    marks_without_appraisal,
    tie_not_settled,
    received_time_unknown,
    abnormally_low,
)


def lint(config: Config, evaluation: Evaluation | None = None) -> tuple[Finding, ...]:
    """Every finding of every rule: risks first, then advice, each in the rules' order, the
    whole consultation before its lots."""
    facts = Facts(config, evaluation)
    found = [finding for rule in RULES for finding in rule(facts)]
    order = {Severity.RISK: 0, Severity.ADVICE: 1}
    return tuple(sorted(found, key=lambda f: (order[f.severity], f.lot is not None, f.lot or 0)))
