"""The French catalogue: one module per
domain, so that a translator finds a sentence near the ones used with it."""

from referent_ess.i18n.catalogues.fr import analysis, documents, explain, messages, ui

MESSAGES: dict[str, str] = {
    **analysis.MESSAGES,
    **documents.MESSAGES,
    **explain.MESSAGES,
    **messages.MESSAGES,
    **ui.MESSAGES,
}
