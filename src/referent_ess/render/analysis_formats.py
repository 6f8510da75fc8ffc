"""The price-formula simulation and the sensitivity analysis as data (JSON) and sentences."""

from fractions import Fraction
from typing import Any

from referent_ess import i18n
from referent_ess.analysis.sensitivity import Sensitivity
from referent_ess.analysis.simulate import Neutralisation, Simulation, Variant
from referent_ess.evaluation.results import Evaluation, OfferResult
from referent_ess.render.formats import header, money, points


def formula_label(name: str) -> str:
    """A variant's name as people read it here: ``gap k=2`` in English, ``écart k=2`` in French."""
    if name.startswith("gap k="):
        k = name.removeprefix("gap k=")
        return i18n.tr("sim.formula.gap", k=k.replace(".", ",") if i18n.current() == "fr" else k)
    key = f"sim.formula.{name}"
    return i18n.tr(key) if key in i18n.CATALOGUES["en"] else name


def neutralisation_text(neutralisation: Neutralisation) -> str:
    """The neutralisation warning in the current language."""
    return i18n.tr(
        "sim.neutralised",
        name=formula_label(neutralisation.name),
        spread=i18n.number(neutralisation.spread),
        maximum=i18n.number(neutralisation.maximum),
        gap=i18n.number(neutralisation.price_gap, 1),
    )


def neutralised_en(variant: Variant) -> str | None:
    """The warning in English (the JSON's text), when the price criterion is neutralised."""
    if variant.neutralisation is None:
        return None
    with i18n.language("en"):
        return neutralisation_text(variant.neutralisation)


def _number(value: Fraction | None) -> float | None:
    rounded = points(value)
    return None if rounded is None else float(rounded)


def _who(result: OfferResult) -> dict[str, Any]:
    return {"candidate": result.candidate, "row": result.offer.row}


def simulation_dict(simulation: Simulation, evaluation: Evaluation) -> dict[str, Any]:
    price_id = evaluation.config.price_criterion.id
    variants = [
        {
            "formula": variant.name,
            "basis": variant.rule.basis.value,
            "winner_rows": [r.offer.row for r in variant.lot.winners],
            "neutralised": neutralised_en(variant),
            "offers": [
                {
                    **_who(r),
                    "rank": r.rank,
                    "price_ht": money(r.price_ht),
                    "price_points": _number(r.points.get(price_id)),
                    "total": _number(r.total),
                }
                for r in variant.lot.ranked
            ],
        }
        for variant in simulation.variants
    ]
    return {
        **header(evaluation.config, evaluation),
        "lot": simulation.lot_id,
        "winner_changes": simulation.winner_changes,
        "variants": variants,
    }


def sensitivity_dict(analysis: Sensitivity, evaluation: Evaluation) -> dict[str, Any]:
    return {
        **header(evaluation.config, evaluation),
        "lot": analysis.lot.lot.id,
        "winner": _who(analysis.winner),
        "margin_points": _number(analysis.margin),
        "summary": _english_summary(analysis),
        "transfers": [
            {
                "from": t.source,
                "to": t.target,
                "points": _number(t.points),
                "points_exact": f"{t.points.numerator}/{t.points.denominator}",
                "new_winner": _who(t.challenger),
            }
            for t in analysis.transfers
        ],
        "leave_one_out": [
            {
                "removed": _who(loo.removed),
                "winner": None if loo.winner is None else _who(loo.winner),
                "winner_changes": loo.changed,
            }
            for loo in analysis.leave_one_out
        ],
        "samples": (
            {"draws": analysis.samples, "wins": {str(r): n for r, n in analysis.wins.items()}}
            if analysis.samples
            else None
        ),
    }


def _english_summary(analysis: Sensitivity) -> str:
    """The JSON's summary: English whatever the language, like every key and code."""
    with i18n.language("en"):
        return sensitivity_summary(analysis)


def sensitivity_summary(analysis: Sensitivity) -> str:
    """How far the weights can move before the winner changes, in the current language."""
    margin = analysis.margin
    name = analysis.winner.candidate
    if margin is None:
        return i18n.tr("sens.summary_any", name=name)
    return i18n.tr("sens.summary", name=name, margin=i18n.number(margin))
