"""``writable``: every character XML 1.0 forbids becomes U+FFFD, and nothing else changes."""

import xml.etree.ElementTree as ET
from xml.sax.saxutils import escape

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from referent_ess.base.writable import REPLACEMENT, unwritable, writable

# every character XML 1.0 forbids (§2.2), by class, at both ends of each range
FORBIDDEN = [
    "\x00", "\x01", "\x08", "\x0b", "\x0c", "\x0e", "\x1b", "\x1f",  # C0 but tab, LF, CR
    "\ud800", "\udbff", "\udc00", "\udfff",  # lone surrogates
    "\ufffe", "\uffff",
]  # fmt: skip
# what XML allows, next to what it forbids, and what only looks odd
ALLOWED = [
    "\t", "\n", "\r", " ", "\x7f", "\x85", "\x9f", "\ud7ff", "\ue000", "\ufdd0", "\ufffd",
    "\U00010000", "\U0001fffe", "\U0010ffff", "\u202e", "\u200b", "é", "€",
]  # fmt: skip


@pytest.mark.parametrize("character", FORBIDDEN, ids=lambda c: f"U+{ord(c):04X}")
def test_a_forbidden_character_becomes_the_replacement_character(character: str) -> None:
    assert writable(f"Al{character}pha") == "Al\ufffdpha"
    assert unwritable(f"Al{character}pha{character}") == character * 2


@pytest.mark.parametrize("character", ALLOWED, ids=lambda c: f"U+{ord(c):04X}")
def test_an_allowed_character_stays(character: str) -> None:
    assert writable(f"Al{character}pha") == f"Al{character}pha"
    assert unwritable(f"Al{character}pha") == ""


def test_every_forbidden_character_at_once() -> None:
    text = "".join(FORBIDDEN)
    assert writable(text) == REPLACEMENT * len(FORBIDDEN)


@settings(max_examples=500, deadline=None)
@given(
    st.text(
        alphabet=st.one_of(
            st.characters(exclude_categories=()),  # surrogates included
            st.sampled_from(FORBIDDEN + ALLOWED),
        )
    )
)
def test_any_text_becomes_xml_that_parses_back(text: str) -> None:
    safe = writable(text)
    assert len(safe) == len(text)  # one character for one: positions and names keep their shape
    assert all(a == b or b == REPLACEMENT for a, b in zip(text, safe, strict=True))
    assert unwritable(safe) == ""
    element = ET.fromstring(f"<v>{escape(safe)}</v>".encode())  # UTF-8: no lone surrogate left
    # an XML parser reads CR and CR LF as LF: everything else comes back as written
    assert (element.text or "") == safe.replace("\r\n", "\n").replace("\r", "\n")
