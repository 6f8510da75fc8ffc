"""What is wrong with the inputs, as data: :class:`Problem` values (reported all at once) and the
one exception, :class:`ReferentError` (unusable input, exit 2). Each has a stable code and typed
parameters; its text comes from the catalogue of the run's language (:mod:`referent_ess.i18n`)."""
