"""Layer 4: every output a person or a program reads: tables, JSON, CSV, Markdown, reports,
letters, OCDS. Renderers word everything through :mod:`referent_ess.i18n`."""
