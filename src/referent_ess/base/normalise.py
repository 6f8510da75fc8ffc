"""Text normalisation shared by header matching, word matching in cells and candidate names.

Buyers type headers and words by hand: ``N° Lot``, ``numéro-de-lot``, ``OUI``. Two texts that
differ only by case, accents, compatibility forms (``ﬁ``, full-width letters), surrounding spaces,
the separators `` ``, ``_``, ``-``, ``'``, or characters nobody can see (a zero-width space, a soft
hyphen, a word joiner, a byte-order mark, a bidirectional control, a variation selector) are the
same word for the tool: otherwise one candidate pasted twice from different sources would count
as two, escaping the duplicate-offer check and the limit of lots per candidate.

The key is the text decomposed by compatibility (NFKD), without its combining marks, case-folded,
without any format (Cf) or default-ignorable character, every run of separators one space.
"""

import re
import unicodedata
from functools import lru_cache

_SEPARATORS = re.compile(r"[\s_\-'’]+")

# Unicode's Default_Ignorable_Code_Point ranges (DerivedCoreProperties.txt): characters that
# render as nothing. Format characters (Cf) are removed as a class besides: most of these are.
_DEFAULT_IGNORABLE = (
    (0x00AD, 0x00AD),  # soft hyphen
    (0x034F, 0x034F),  # combining grapheme joiner
    (0x061C, 0x061C),  # Arabic letter mark
    (0x115F, 0x1160),  # Hangul fillers
    (0x17B4, 0x17B5),  # Khmer inherent vowels
    (0x180B, 0x180F),  # Mongolian variation selectors and vowel separator
    (0x200B, 0x200F),  # zero-width space, joiners, direction marks
    (0x202A, 0x202E),  # bidirectional embeddings and overrides
    (0x2060, 0x206F),  # word joiner, invisible operators, bidirectional isolates
    (0x3164, 0x3164),  # Hangul filler
    (0xFE00, 0xFE0F),  # variation selectors
    (0xFEFF, 0xFEFF),  # byte-order mark (zero-width no-break space)
    (0xFFA0, 0xFFA0),  # half-width Hangul filler
    (0xFFF0, 0xFFF8),  # reserved
    (0x1BCA0, 0x1BCA3),  # shorthand format controls
    (0x1D173, 0x1D17A),  # musical format controls
    (0xE0000, 0xE0FFF),  # tags and variation selectors supplement
)


def _default_ignorable(char: str) -> bool:
    point = ord(char)
    return any(low <= point <= high for low, high in _DEFAULT_IGNORABLE)


def _invisible(char: str) -> bool:
    """A character that renders as nothing, or that only changes how the text around it is
    shown (a bidirectional control)."""
    return unicodedata.category(char) == "Cf" or _default_ignorable(char)


def _folded(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    # An ASCII character is never a combining mark nor invisible (none is Cf, the ignorable
    # ranges start at U+00AD): kept without the per-character checks, which made the header
    # keys of the configuration's ~300 accented aliases a sixth of a small run's own work.
    return "".join(
        c for c in decomposed if c < "\x80" or (not unicodedata.combining(c) and not _invisible(c))
    )


@lru_cache(maxsize=16384)  # candidate names come back row after row
def normalise(text: str) -> str:
    """Fold case, accents and compatibility forms, drop invisible characters, and turn every run
    of separators into one space."""
    if text.isascii():  # nothing to decompose, nothing invisible
        # the separators' runs as one space, by splitting on whitespace once the others are
        # spaces: in ASCII, the whitespace of ``split`` and of the pattern's ``\s`` are the same
        # characters (a test checks), and this is several times faster than the pattern
        folded = text.casefold().replace("_", " ").replace("-", " ").replace("'", " ")
        return " ".join(folded.split())
    # folded again after case folding, which can give a letter and a combining mark (İ → i̇)
    key = _folded(_folded(text).casefold())
    return _SEPARATORS.sub(" ", key).strip()


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


def invisible_names(text: str) -> tuple[str, ...]:
    """:func:`invisible_characters`, each with its Unicode name when it has one, as a person
    can look it up: ``RIGHT-TO-LEFT OVERRIDE (U+202E)``."""
    if text.isascii():
        return ()
    found = dict.fromkeys(c for c in text if _invisible(c))
    return tuple(_named(c) for c in found)


def without_invisible(text: str) -> str:
    """``text`` without its invisible characters: what a person sees of it."""
    return text if text.isascii() else "".join(c for c in text if not _invisible(c))


def _named(char: str) -> str:
    code = f"U+{ord(char):04X}"
    name = unicodedata.name(char, "")
    return f"{name} ({code})" if name else code


# What a cell may not hold: the control characters but tab and line breaks (which read as
# spaces), lone surrogates, and the noncharacters (U+FDD0..U+FDEF, U+FFFE and U+FFFF of every
# plane). XML 1.0 forbids most of them, so no workbook could be written with them; the others
# are never typed.
_UNSAFE = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufdd0-\ufdef"
    + "".join(f"{chr(plane << 16 | 0xFFFE)}{chr(plane << 16 | 0xFFFF)}" for plane in range(17))
    + "]"
)


def control_characters(text: str) -> tuple[str, ...]:
    """The code points of the control characters, lone surrogates and noncharacters in
    ``text`` (``U+0007``, ``U+FFFE``…), sorted: a cell holding one must be retyped."""
    if not _UNSAFE.search(text):
        return ()
    return tuple(f"U+{ord(c):04X}" for c in sorted(set(_UNSAFE.findall(text))))
