"""The findings of ``referent lint`` in words: each one's four texts (what was found, why it
matters, its source written out in full, what to do), as Markdown and as JSON.

JSON and CSV never change with the language (their texts are English, like every JSON and CSV
of the tool); the Markdown and the table are in the run's language.
"""

import csv
import io
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from typing import Any

from referent_ess import i18n
from referent_ess.analysis.lint import Finding, lint
from referent_ess.base.writable import writable
from referent_ess.evaluation.results import Evaluation
from referent_ess.i18n.templates import message, part
from referent_ess.render.csv_doc import safe_text
from referent_ess.render.json_doc import to_json
from referent_ess.render.markdown_text import md


@dataclass(frozen=True)
class Worded:
    finding: Finding
    severity: str
    where: str
    found: str
    why: str
    source: str
    action: str


def worded(finding: Finding, lang: str | None = None) -> Worded:
    """The finding's texts in ``lang`` (default: the run's language)."""
    params = finding.params
    chosen = i18n.current() if lang is None else lang
    where = (
        i18n.CATALOGUES[chosen]["lint.consultation"]
        if finding.lot is None
        else i18n.CATALOGUES[chosen]["lint.lot"].format(id=finding.lot)
    )
    return Worded(
        finding,
        i18n.CATALOGUES[chosen][f"lint.severity.{finding.severity.value}"],
        where,
        message(finding.code, params, lang=chosen),
        part(f"{finding.code}.why", params, lang=chosen),
        part(f"lint-source.{finding.source}", params, lang=chosen),
        part(f"{finding.code}.action", params, lang=chosen),
    )


def report_findings(
    evaluation: Evaluation, lot_ids: Collection[int] | None = None
) -> tuple[list[Finding], list[Worded]]:
    """What ``referent lint`` finds on the evaluation, for the reports' method section: the
    findings of the whole consultation and of the lots reported (``lot_ids``, default all),
    and their texts in the run's language."""
    found = [
        finding
        for finding in lint(evaluation.config, evaluation)
        if finding.lot is None or lot_ids is None or finding.lot in lot_ids
    ]
    return found, [worded(finding) for finding in found]


def summary(findings: Sequence[Finding]) -> str:
    """« 2 legal risks and 1 piece of advice » or « no finding », in the run's language."""
    risks = sum(1 for f in findings if f.severity.value == "risk")
    advice = len(findings) - risks
    if not findings:
        return i18n.tr("lint.none")
    parts = []
    if risks:
        parts.append(i18n.tr("lint.risks.one" if risks == 1 else "lint.risks.many", n=risks))
    if advice:
        parts.append(i18n.tr("lint.advice.one" if advice == 1 else "lint.advice.many", n=advice))
    return i18n.tr("lint.summary", found=i18n.tr("lint.and").join(parts))


def lint_markdown(findings: Sequence[Finding], title: str) -> str:
    lines = [f"# {i18n.tr('lint.title', title=md(title))}", "", summary(findings), ""]
    for number, finding in enumerate(findings, start=1):
        w = worded(finding)
        lines += [
            f"## {number}. {w.severity} — {w.where}",
            "",
        ]
        colon = i18n.tr("punct.colon")
        lines += [
            f"- **{i18n.tr('lint.col.found')}**{colon}{md(w.found)}",
            f"- **{i18n.tr('lint.col.why')}**{colon}{md(w.why)}",
            f"- **{i18n.tr('lint.col.source')}**{colon}{md(w.source)}",
            f"- **{i18n.tr('lint.col.action')}**{colon}{md(w.action)}",
            "",
        ]
    return "\n".join(lines)


def lint_dict(findings: Sequence[Finding]) -> dict[str, Any]:
    risks = sum(1 for f in findings if f.severity.value == "risk")
    return {
        "risks": risks,
        "advice": len(findings) - risks,
        "findings": [_finding_dict(f) for f in findings],
    }


def _finding_dict(finding: Finding) -> dict[str, Any]:
    w = worded(finding, "en")
    return {
        "code": finding.code,
        "form": dict(finding.params).get("form"),
        "severity": finding.severity.value,
        "lot": finding.lot,
        "figures": {k: v for k, v in finding.params if k != "form"},
        "source": finding.source,
        "found": w.found,
        "why": w.why,
        "source_text": w.source,
        "action": w.action,
    }


def lint_json(findings: Sequence[Finding]) -> str:
    return to_json(lint_dict(findings))


_CSV_COLUMNS = [
    "severity",
    "lot",
    "code",
    "form",
    "source",
    "found",
    "why",
    "source_text",
    "action",
]


def lint_csv(findings: Sequence[Finding]) -> str:
    """One row per finding, its texts in English; a text that would start a formula is
    neutralised, as in every CSV of the tool."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(_CSV_COLUMNS)
    for finding in findings:
        row = _finding_dict(finding)
        cells = [row[key] for key in _CSV_COLUMNS]
        writer.writerow(["" if c is None else safe_text(str(c)) for c in cells])
    return writable(buffer.getvalue())
