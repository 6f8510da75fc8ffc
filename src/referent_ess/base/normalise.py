"""Text normalisation shared by header matching and word matching in cells.

Buyers type headers and words by hand: ``N° Lot``, ``numéro-de-lot``, ``OUI``. Two texts that
differ only by case, accents, surrounding spaces or the separators `` ``, ``_``, ``-``, ``'`` are
the same word for the tool.
"""

import re
import unicodedata
from functools import lru_cache

_SEPARATORS = re.compile(r"[\s_\-'’]+")


@lru_cache(maxsize=16384)  # candidate names come back row after row
def normalise(text: str) -> str:
    """Fold case and accents, and turn every run of separators into one space."""
    if text.isascii():  # nothing to decompose
        return _SEPARATORS.sub(" ", text.casefold()).strip()
    decomposed = unicodedata.normalize("NFKD", text)
    without_accents = "".join(c for c in decomposed if not unicodedata.combining(c))
    return _SEPARATORS.sub(" ", without_accents.casefold()).strip()
