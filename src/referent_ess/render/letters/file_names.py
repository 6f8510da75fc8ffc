"""The file names of the letters: ``lot-<id>-<slug>.md``, safe to join to any output folder."""

import re
import unicodedata

from referent_ess.evaluation.results import LotResult

_SLUG_LENGTH = 60
_LIGATURES = str.maketrans({"œ": "oe", "Œ": "OE", "æ": "ae", "Æ": "AE", "ß": "ss"})


def file_names(lot: LotResult) -> list[str]:
    """``lot-<id>-<slug>.md`` for each offer of the lot, in order, all different."""
    taken: set[str] = set()
    names = []
    for result in lot.offers:
        name = result.offer.candidate or ""
        if result.offer.variant is not None:  # a variant's letter: lot-1-alpha-variante-visio.md
            name = f"{name} variante {result.offer.variant}"
        base = slug(name, result.offer.row)
        candidate = base
        counter = 1
        while candidate in taken:
            counter += 1
            suffix = f"-{counter}"
            candidate = base[: _SLUG_LENGTH - len(suffix)].rstrip("-") + suffix
        taken.add(candidate)
        names.append(f"lot-{lot.lot.id}-{candidate}.md")
    return names


def slug(name: str, row: int) -> str:
    """Lowercase ASCII letters, digits and single dashes, at most 60 characters, never empty:
    no dot, no slash, so a name such as ``../x`` can never leave the output folder."""
    text = unicodedata.normalize("NFKD", name.translate(_LIGATURES))
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    text = re.sub(r"[^a-z0-9]+", "-", text).strip("-")
    text = text[:_SLUG_LENGTH].rstrip("-")
    return text or f"ligne-{row}"
