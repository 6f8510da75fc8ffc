"""A lot's chart for the Word report, from the same figures as the HTML report's SVG chart
(:mod:`referent_ess.render.html.chart`): the points of each ranked offer by top-level
criterion, in the same colours and order."""

from fractions import Fraction

from referent_ess.config.model import Config
from referent_ess.evaluation.kernel import max_points
from referent_ess.evaluation.results import LotResult
from referent_ess.i18n import tr
from referent_ess.render.document_phrases import offer_name
from referent_ess.render.html.chart import DARK_FILLS, PALETTE
from referent_ess.render.html.markup import compact, figure, is_winner
from referent_ess.render.word.blocks import Bar, Chart


def word_chart(config: Config, lot: LotResult) -> Chart:
    """The chart of ``lot``'s ranked offers (call it with the French catalogue in force)."""
    criteria = config.criteria_for(lot.lot.id).criteria
    bars = []
    for result in lot.ranked:
        segments = []
        for criterion in criteria:
            value = Fraction(result.points.get(criterion.id, Fraction(0)))
            segments.append((value, figure(value)))
        bars.append(
            Bar(
                label=f"{result.rank}. {offer_name(result)}",
                segments=tuple(segments),
                total=figure(result.total or 0),
                winner=is_winner(lot, result),
            )
        )
    colours = tuple(PALETTE[i % len(PALETTE)].lstrip("#").upper() for i in range(len(criteria)))
    total = Fraction(config.total)
    return Chart(
        title=tr("doc.html.chart.title", lot=lot.lot.id),
        bars=tuple(bars),
        legend=tuple(
            tr(
                "doc.html.chart.legend",
                criterion=criterion.label,
                maximum=compact(max_points(config.total, criterion.weight)),
            )
            for criterion in criteria
        ),
        colours=colours,
        dark=frozenset(fill.lstrip("#").upper() for fill in DARK_FILLS),
        scale=total,
        caption=tr("doc.html.chart.caption", total=compact(total)),
    )
