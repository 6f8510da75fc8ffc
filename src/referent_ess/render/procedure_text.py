"""What the reports say of the procedure (``procedure:`` of lots.yaml), the same in the HTML,
Word, xlsx and Markdown reports: its name and the articles under which the rejected candidates
are informed (those the letters cite, :mod:`referent_ess.render.letters.paragraphs`), and, in a
formalised procedure, that the contract is signed only after the standstill of R2182-1. No date:
the letters' sending date decides it, and the letters give it."""

from referent_ess.config.model import Config
from referent_ess.i18n import tr


def procedure_lines(config: Config) -> tuple[str, ...]:
    """The report's sentences on the procedure (in the documents' language: French)."""
    procedure = config.consultation.procedure
    key = (
        "doc.report.procedure.formalised"
        if procedure.formalised
        else "doc.report.procedure.adapted"
    )
    named = tr(key, procedure=tr(f"doc.procedure.{procedure.value}"))
    if procedure.formalised:
        return (named, tr("doc.report.standstill"))
    return (named,)
