"""The offer-analysis report as an editable Word document (``report --out rapport.docx``): the
HTML report (:mod:`referent_ess.render.html.report`) read as Word blocks, so that both say the
same thing by construction; its tables are Word tables (header rows repeated on each page),
each lot starts a page, and the page number is at the foot of each page. A report whose
tables are too wide for a portrait page (many criteria) is laid out in landscape."""

from collections.abc import Sequence

from referent_ess import i18n
from referent_ess.evaluation.results import Evaluation
from referent_ess.i18n import tr
from referent_ess.render.html.report import build_report_html
from referent_ess.render.run_info import RunInfo
from referent_ess.render.word.blocks import Table
from referent_ess.render.word.chart import word_chart
from referent_ess.render.word.document import column_weights, word_document
from referent_ess.render.word.from_html import blocks


def build_report_docx(
    evaluation: Evaluation, run: RunInfo, lot_ids: Sequence[int] | None = None
) -> bytes:
    """The .docx bytes of the report of ``lot_ids`` (every lot by default)."""
    html = build_report_html(evaluation, run, lot_ids)
    consultation = evaluation.config.consultation
    with i18n.language("fr"):
        charts = {
            f"lot-{lot.lot.id}": word_chart(evaluation.config, lot)
            for lot in evaluation.lots
            if lot.ranked
        }
        content = blocks(html, charts)
        title = tr("doc.report.of", title=consultation.title)
    wide = any(
        sum(column_weights(block)) > _PORTRAIT_CHARACTERS
        for block in content
        if isinstance(block, Table)
    )
    return word_document(
        content, title=title, author=consultation.buyer, landscape=wide, table_points=8
    )


# about how many characters of 8 pt fit across an A4 page in portrait, between the margins
_PORTRAIT_CHARACTERS = 100
