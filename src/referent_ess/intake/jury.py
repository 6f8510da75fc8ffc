"""The jury's own decision on an offer, as typed in the offers sheet: « irrégulière »,
« inacceptable » or « inappropriée » (art. L2152-2, L2152-3 and L2152-4 of the Code de la
commande publique), with its reason in the next column.

The tool records the decision; it never takes it. What the words mean is the Code's (the
legal bases are worded in the catalogues): the jury judges that an offer does not meet the
consultation documents, exceeds the budget, or is unrelated to the need, for reasons the tool
cannot compute (a technical memo that does not answer the need, say).
"""

from enum import StrEnum

from referent_ess.base.normalise import normalise
from referent_ess.base.values import SPACES, BadValue


class Decision(StrEnum):
    """What the jury declared the offer: the value is the status the offer gets."""

    IRREGULAR = "irregular"  # art. L2152-2
    UNACCEPTABLE = "unacceptable"  # art. L2152-3
    INAPPROPRIATE = "inappropriate"  # art. L2152-4


# Every form a buyer types: French in any gender and number, with or without accents, case or
# the word « offre » before it; and the English words.
_WORDS: dict[str, Decision] = {
    **dict.fromkeys(
        ("irrégulière", "irrégulier", "irrégulières", "irréguliers", "irregular"),
        Decision.IRREGULAR,
    ),
    **dict.fromkeys(("inacceptable", "inacceptables", "unacceptable"), Decision.UNACCEPTABLE),
    **dict.fromkeys(
        ("inappropriée", "inapproprié", "inappropriées", "inappropriés", "inappropriate"),
        Decision.INAPPROPRIATE,
    ),
}
_FORMS: dict[str, Decision] = {normalise(word): decision for word, decision in _WORDS.items()}
_LEADS = ("offre ", "offres ", "offer ")  # « Offre irrégulière », "offer irregular"
_PUNCTUATION = SPACES + '\t\r\n.;:!«»"“”'


def parse_decision(value: object) -> Decision:
    """The jury's decision in a cell: ``irrégulière``, ``Offre inappropriée``, ``INACCEPTABLE``,
    ``irreguliere``, ``unacceptable``...; anything else is :class:`BadValue`
    ``bad-jury-decision``."""
    if isinstance(value, str):
        word = normalise(value.strip(_PUNCTUATION))
        for lead in _LEADS:
            word = word.removeprefix(lead)
        decision = _FORMS.get(word)
        if decision is not None:
            return decision
    shown = repr(value) if isinstance(value, str) else str(value)
    raise BadValue("bad-jury-decision", (("found", shown),))
