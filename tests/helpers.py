"""Helpers shared by tests of several folders (``tests`` is on pytest's python path)."""

from typing import Protocol

from referent_ess import i18n


class Worded(Protocol):
    """Anything with a message code and its parameters: a problem, an error, a reason, a bad
    value."""

    @property
    def code(self) -> str: ...

    @property
    def params(self) -> tuple[tuple[str, str], ...]: ...


def english(worded: Worded) -> str:
    """The English text of a message, as the English catalogue words it."""
    return i18n.message(worded.code, worded.params, lang="en")


def french(worded: Worded) -> str:
    """The French text of a message, as the French catalogue words it."""
    return i18n.message(worded.code, worded.params, lang="fr")
