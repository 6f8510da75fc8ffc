"""The English catalogue (the default, and the fallback of every other): one module per
domain, so that a translator finds a sentence near the ones used with it."""

from referent_ess.i18n.catalogues.en import analysis, explain, lint, messages, scaffold, ui

MESSAGES: dict[str, str] = {
    **analysis.MESSAGES,
    **explain.MESSAGES,
    **lint.MESSAGES,
    **messages.MESSAGES,
    **scaffold.MESSAGES,
    **ui.MESSAGES,
}
