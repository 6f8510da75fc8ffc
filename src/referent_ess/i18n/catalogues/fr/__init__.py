"""The French catalogue: one module per
domain, so that a translator finds a sentence near the ones used with it."""

from referent_ess.i18n.catalogues.fr import (
    analysis,
    documents,
    explain,
    lint,
    messages,
    scaffold,
    ui,
)

MESSAGES: dict[str, str] = {
    **analysis.MESSAGES,
    **documents.MESSAGES,
    **explain.MESSAGES,
    **lint.MESSAGES,
    **messages.MESSAGES,
    **scaffold.MESSAGES,
    **scaffold.TEMPLATE,
    **ui.MESSAGES,
}

# What only French output reads: the offers workbook, the reports, the letters and the OCDS
# release are French whatever --lang is.
FRENCH_ONLY: frozenset[str] = frozenset(scaffold.TEMPLATE) | frozenset(documents.MESSAGES)
