"""The findings of ``referent lint`` as a table: one row each (risks in red, advice in
yellow), its four texts one under the other in the last column."""

from collections.abc import Sequence

from rich.console import Group, RenderableType
from rich.text import Text

from referent_ess.analysis.lint import Finding, Severity
from referent_ess.i18n import tr
from referent_ess.render.lint_doc import summary, worded
from referent_ess.render.terminal.printing import keep_whole, new_table


def lint_table(findings: Sequence[Finding], title: str) -> RenderableType:
    verdict = Text(summary(findings))
    if not findings:
        return verdict
    table = new_table(tr("lint.title", title=title))
    for key in ("severity", "where", "finding"):
        table.add_column(tr(f"lint.col.{key}"))
    colon = tr("punct.colon")
    for finding in findings:
        w = worded(finding)
        texts = (("found", w.found), ("why", w.why), ("source", w.source), ("action", w.action))
        cell = "\n".join(f"{tr(f'lint.col.{key}')}{colon}{text}" for key, text in texts)
        table.add_row(
            w.severity,
            w.where,
            cell,
            style="red" if finding.severity is Severity.RISK else "yellow",
        )
    return Group(keep_whole(table, wrappable=(tr("lint.col.finding"),)), verdict)
