"""The chart of a lot: the totals of its ranked offers as horizontal bars stacked by criterion.

Inline SVG drawn here (no script, no font, nothing fetched), readable in greyscale and by a
screen reader (a title and a description that list every offer's total).
"""

from fractions import Fraction

from referent_ess.config.model import Config
from referent_ess.evaluation.kernel import max_points
from referent_ess.evaluation.results import LotResult
from referent_ess.i18n import tr
from referent_ess.render.document_phrases import offer_name
from referent_ess.render.html.markup import compact, escape, figure, is_winner

# Dark to light, with distinct hues: the segments stay apart in colour and in greyscale
# (relative luminance about 0.04, 0.18, 0.41, 0.70, 0.09, 0.27); white gaps separate them too.
PALETTE = ("#1d3557", "#3a7ca5", "#7cb992", "#f6d68b", "#9b2d20", "#bf812d")
DARK_FILLS = frozenset({"#1d3557", "#3a7ca5", "#9b2d20", "#bf812d"})
_CHAR_WIDTH = 6.6  # average width of a 12 px sans-serif character, in SVG units


def lot_chart(config: Config, lot: LotResult) -> str:
    """The totals of the ranked offers as horizontal bars stacked by the lot's top-level
    criteria (a criterion's sub-criteria are in its segment), inline SVG."""
    lot_id = lot.lot.id
    criteria = config.criteria_for(lot_id).criteria
    total = Fraction(config.total)
    width = 880.0
    names = [f"{r.rank}. {offer_name(r)}" for r in lot.ranked]
    longest = max(len(name) for name in names)
    label_width = min(max(longest * _CHAR_WIDTH + 16, 140.0), 340.0)
    max_chars = int((label_width - 16) / _CHAR_WIDTH)
    left, right, top = label_width, width - 56, 12.0
    bar, step = 24.0, 36.0
    plot_bottom = top + step * len(lot.ranked)
    ticks_y = plot_bottom + 18
    legend_top = ticks_y + 30
    height = legend_top + 20 * len(criteria) + 4

    def x(value: Fraction) -> float:
        return left + float(value / total) * (right - left)

    out = []
    for tick in ticks(total):
        out.append(
            f'<line class="grid{" axis" if tick == 0 else ""}" x1="{x(tick):.1f}" '
            f'y1="{top - 6:.1f}" x2="{x(tick):.1f}" y2="{plot_bottom:.1f}"/>'
            f'<text class="tick" x="{x(tick):.1f}" y="{ticks_y:.1f}" '
            f'text-anchor="middle">{compact(tick)}</text>'
        )
    out.append(
        f'<text class="axis-title" x="{right:.1f}" y="{ticks_y + 16:.1f}" text-anchor="end">'
        f"{tr('doc.html.chart.axis', total=compact(total))}</text>"
    )
    for index, result in enumerate(lot.ranked):
        y = top + step * index + (step - bar) / 2 - 6
        name = names[index]
        shown = name if len(name) <= max_chars else name[: max_chars - 1] + "…"
        css = "name winner" if is_winner(lot, result) else "name"
        out.append(
            f'<text class="{css}" x="{left - 10:.1f}" y="{y + bar / 2 + 4:.1f}" '
            f'text-anchor="end">{escape(shown)}<title>{escape(name)}</title></text>'
        )
        start = Fraction(0)
        for position, criterion in enumerate(criteria):
            value = result.points.get(criterion.id, Fraction(0))
            fill = PALETTE[position % len(PALETTE)]
            x0, x1 = x(start), x(start + value)
            tip = tr(
                "doc.html.chart.tip",
                candidate=offer_name(result),
                criterion=criterion.label,
                points=figure(value),
                maximum=compact(max_points(config.total, criterion.weight)),
            )
            out.append(
                f'<rect x="{x0:.1f}" y="{y:.1f}" width="{max(x1 - x0, 0):.1f}" '
                f'height="{bar:.1f}" fill="{fill}"><title>{escape(tip)}</title></rect>'
            )
            if x1 - x0 >= 38:
                ink = "on-dark" if fill in DARK_FILLS else "on-light"
                out.append(
                    f'<text class="seg {ink}" x="{(x0 + x1) / 2:.1f}" y="{y + bar / 2 + 4:.1f}" '
                    f'text-anchor="middle">{figure(value)}</text>'
                )
            start += value
        assert result.total is not None
        out.append(
            f'<text class="sum" x="{x(result.total) + 6:.1f}" y="{y + bar / 2 + 4:.1f}">'
            f"{figure(result.total)}</text>"
        )
    legend_chars = int((width - left - 22) / _CHAR_WIDTH)
    for position, criterion in enumerate(criteria):
        y = legend_top + 20 * position
        fill = PALETTE[position % len(PALETTE)]
        entry = tr(
            "doc.html.chart.legend",
            criterion=criterion.label,
            maximum=compact(max_points(config.total, criterion.weight)),
        )
        shown = entry if len(entry) <= legend_chars else entry[: legend_chars - 1] + "…"
        out.append(
            f'<rect x="{left:.1f}" y="{y:.1f}" width="14" height="14" fill="{fill}"/>'
            f'<text class="legend" x="{left + 22:.1f}" y="{y + 11:.1f}">'
            f"{escape(shown)}<title>{escape(entry)}</title></text>"
        )
    title = tr("doc.html.chart.title", lot=lot_id)
    description = tr("punct.semicolon").join(
        tr(
            "doc.html.chart.offer",
            rank=r.rank,
            candidate=offer_name(r),
            total=figure(r.total or 0),
        )
        for r in lot.ranked
    )
    caption = tr("doc.html.chart.caption", total=compact(total))
    return (
        f'<figure class="chart"><svg role="img" viewBox="0 0 {width:.0f} {height:.0f}" '
        f'width="100%" aria-labelledby="lot-{lot_id}-graphique-titre '
        f'lot-{lot_id}-graphique-desc" preserveAspectRatio="xMinYMin meet">'
        f'<title id="lot-{lot_id}-graphique-titre">{escape(title)}</title>'
        f'<desc id="lot-{lot_id}-graphique-desc">{escape(description)}</desc>'
        f"{''.join(out)}</svg>"
        f"<figcaption>{caption}</figcaption></figure>"
    )


def ticks(total: Fraction) -> list[Fraction]:
    """Gridlines at a round step (1, 2 or 5 × a power of ten) giving about ten intervals."""
    raw = total / 10
    magnitude = Fraction(1)
    while magnitude * 10 <= raw:
        magnitude *= 10
    while magnitude > raw:
        magnitude /= 10
    step = next(f * magnitude for f in (1, 2, 5, 10) if f * magnitude >= raw)
    found = []
    value = Fraction(0)
    while value < total - step / 2:  # no tick crowding the end of the axis
        found.append(value)
        value += step
    return [*found, total]
