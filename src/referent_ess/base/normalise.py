"""Text normalisation shared by header matching, word matching in cells and candidate names.

Buyers type headers and words by hand: ``N° Lot``, ``numéro-de-lot``, ``OUI``. Two texts that
differ only by case, accents, compatibility forms (``ﬁ``, full-width letters), surrounding spaces,
the separators `` ``, ``_``, ``-``, ``'``, or characters nobody can see (a zero-width space, a soft
hyphen, a word joiner, a byte-order mark, a bidirectional control) are the same word for the
tool: otherwise one candidate pasted twice from different sources would count as two, escaping
the duplicate-offer check and the limit of lots per candidate.
"""

import re
import unicodedata
from functools import lru_cache

_SEPARATORS = re.compile(r"[\s_\-'’]+")

# Default-ignorable characters that are not format characters (category Cf, removed as a class):
# the Hangul fillers, which render as nothing.
_IGNORABLE_LETTERS = frozenset("\u115f\u1160\u3164\uffa0")


def _invisible(char: str) -> bool:
    return unicodedata.category(char) == "Cf" or char in _IGNORABLE_LETTERS


@lru_cache(maxsize=16384)  # candidate names come back row after row
def normalise(text: str) -> str:
    """Fold case, accents and compatibility forms, drop invisible characters, and turn every run
    of separators into one space."""
    if text.isascii():  # nothing to decompose, nothing invisible
        return _SEPARATORS.sub(" ", text.casefold()).strip()
    decomposed = unicodedata.normalize("NFKD", text)
    visible = "".join(c for c in decomposed if not unicodedata.combining(c) and not _invisible(c))
    return _SEPARATORS.sub(" ", visible.casefold()).strip()


@lru_cache(maxsize=4096)  # a column of marks holds a few words, row after row
def word_key(text: str) -> str:
    """The form under which a typed word is a word of a descriptor scale: :func:`normalise`, and
    punctuation set aside too (``TRÈS SATISFAISANT.``, ``« tres satisfaisant »`` and ``Très
    satisfaisant`` are one word). Symbols stay: ``A+`` is not ``A``."""
    folded = normalise(text)
    if folded.isalnum():
        return folded
    return " ".join(
        "".join(" " if unicodedata.category(c).startswith("P") else c for c in folded).split()
    )


def invisible_characters(text: str) -> tuple[str, ...]:
    """The code points of the invisible or bidirectional-control characters in ``text``
    (``U+200B``…), in order of first appearance: a name holding one looks like another."""
    if text.isascii():
        return ()
    found = dict.fromkeys(f"U+{ord(c):04X}" for c in text if _invisible(c))
    return tuple(found)
