"""Text every output can hold, whatever a name from the inputs holds.

A workbook's XML parts, an HTML page and a terminal cannot hold every character a CSV cell or a
YAML escape can give: XML 1.0 forbids the C0 control characters but tab, line feed and carriage
return, the UTF-16 surrogates (a lone one cannot even be written as UTF-8) and U+FFFE and
U+FFFF. Excel refuses a workbook that holds one ("we found a problem with some content"), and
writing a lone surrogate raises :class:`UnicodeEncodeError`. Every document the tool writes
passes through :func:`writable` as its last step, so that each such character becomes U+FFFD,
the replacement character, in every output alike (xlsx, HTML, Markdown, CSV, JSON, letters,
tables): visible, never silently dropped (two names differing by one would become one).
"""

import re

REPLACEMENT = "\ufffd"

# what XML 1.0 forbids (§2.2 Char): #x0-#x8, #xB, #xC, #xE-#x1F, #xD800-#xDFFF, #xFFFE, #xFFFF
_UNWRITABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def writable(text: str) -> str:
    """``text`` with every character XML 1.0 forbids replaced by U+FFFD (tab, line feed and
    carriage return stay)."""
    return _UNWRITABLE.sub(REPLACEMENT, text)


def unwritable(text: str) -> str:
    """The characters of ``text`` that :func:`writable` replaces, in order of appearance."""
    return "".join(_UNWRITABLE.findall(text))
