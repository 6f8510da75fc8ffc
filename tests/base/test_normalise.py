"""Two spellings of one name are one key: invisible characters, compatibility forms, case,
accents and separators never make one candidate two."""

import re
import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from referent_ess.base.normalise import (
    _DEFAULT_IGNORABLE,
    _folded,
    control_characters,
    invisible_characters,
    invisible_names,
    normalise,
    without_invisible,
)


@pytest.mark.parametrize(
    "disguised",
    [
        "Al\u200bpha",  # zero-width space
        "Al\u00adpha",  # soft hyphen
        "Al\u2060pha",  # word joiner
        "\ufeffAlpha",  # byte-order mark
        "Alpha\u200e",  # left-to-right mark
        "\u202eAlpha",  # right-to-left override
        "Alp\u200dha",  # zero-width joiner
        "Al\u3164pha",  # Hangul filler
        "ＡＬＰＨＡ",  # full-width letters (NFKC compatibility)
        "  alpha ",
        "ÀLPHA",
    ],
)
def test_a_disguised_name_has_the_plain_name_s_key(disguised: str) -> None:
    assert normalise(disguised) == "alpha"


def test_separators_fold_and_words_stay_apart() -> None:
    assert normalise("Cap_Services - Coop") == "cap services coop"
    assert normalise("Cap\u2028Services") == "cap services"  # a line separator is a space
    assert normalise("Alpha") != normalise("Alphb")


def test_invisible_characters_are_named_in_order() -> None:
    assert invisible_characters("\u202eAl\u200bpha\u200b") == ("U+202E", "U+200B")
    assert invisible_characters("Association Trame Solidaire") == ()
    assert invisible_characters("Échelle Habitat (SCOP)") == ()  # accents are visible


@given(st.text(max_size=30), st.sampled_from(["\u200b", "\u00ad", "\u2060", "\ufeff", "\u202e"]))
def test_inserting_an_invisible_character_never_changes_the_key(text: str, char: str) -> None:
    for cut in range(len(text) + 1):
        assert normalise(text[:cut] + char + text[cut:]) == normalise(text)


# every kind of character that renders as nothing: format characters (Cf), and the
# default-ignorable ones that are not Cf (variation selectors, the grapheme joiner, fillers)
INVISIBLE = [
    "\u200b",  # ZERO WIDTH SPACE (Cf)
    "\u00ad",  # SOFT HYPHEN (Cf)
    "\u2060",  # WORD JOINER (Cf)
    "\ufeff",  # ZERO WIDTH NO-BREAK SPACE, the byte-order mark (Cf)
    "\u202e",  # RIGHT-TO-LEFT OVERRIDE (Cf)
    "\u2066",  # LEFT-TO-RIGHT ISOLATE (Cf)
    "\u2069",  # POP DIRECTIONAL ISOLATE (Cf)
    "\u061c",  # ARABIC LETTER MARK (Cf)
    "\u180e",  # MONGOLIAN VOWEL SEPARATOR (Cf)
    "\U000e0041",  # TAG LATIN CAPITAL LETTER A (Cf)
    "\ufe0f",  # VARIATION SELECTOR-16 (Mn, default-ignorable)
    "\U000e0100",  # VARIATION SELECTOR-17 (Mn, default-ignorable)
    "\u034f",  # COMBINING GRAPHEME JOINER (Mn, default-ignorable)
    "\u17b4",  # KHMER VOWEL INHERENT AQ (Mn, default-ignorable)
    "\u180b",  # MONGOLIAN FREE VARIATION SELECTOR ONE (Mn, default-ignorable)
    "\u115f",  # HANGUL CHOSEONG FILLER (Lo, default-ignorable)
    "\uffa0",  # HALFWIDTH HANGUL FILLER (Lo, default-ignorable)
    "\u2065",  # unassigned, default-ignorable
]


@pytest.mark.parametrize("char", INVISIBLE)
def test_every_invisible_character_is_dropped_from_the_key_and_named(char: str) -> None:
    assert normalise(f"Al{char}pha") == "alpha"
    assert normalise(f"{char}Alpha{char}") == "alpha"
    assert invisible_characters(f"Al{char}pha") == (f"U+{ord(char):04X}",)


def test_the_key_folds_case_after_compatibility_forms() -> None:
    assert normalise("İSTANBUL") == normalise("istanbul") == "istanbul"  # İ is I + a dot above
    assert normalise("ℌamburg") == "hamburg"  # a black-letter H is an H
    assert normalise("Straße") == normalise("STRASSE") == "strasse"
    assert normalise("Ａｌｐｈａ\u3000Ｃｏｏｐ") == "alpha coop"  # full-width, ideographic space


def test_invisible_names_give_the_unicode_name_and_code_in_order_once() -> None:
    text = "\u202eAl\u200bpha\u200b\ufe0f\u2065"
    assert invisible_names(text) == (
        "RIGHT-TO-LEFT OVERRIDE (U+202E)",
        "ZERO WIDTH SPACE (U+200B)",
        "VARIATION SELECTOR-16 (U+FE0F)",
        "U+2065",  # unassigned: no name
    )
    assert invisible_names("Échelle Habitat (SCOP)") == ()
    assert without_invisible(text) == "Alpha"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Alpha\x07", ("U+0007",)),  # BEL, a C0 control
        ("\x1bAlpha\x00", ("U+0000", "U+001B")),  # sorted, each once
        ("Al\x7fpha\x85", ("U+007F", "U+0085")),  # DEL and a C1 control (NEXT LINE)
        ("Al\ufffepha", ("U+FFFE",)),  # a noncharacter XML 1.0 forbids
        ("Al\uffffpha\ufffe", ("U+FFFE", "U+FFFF")),
        ("Al\ufdd0pha", ("U+FDD0",)),  # the noncharacters of the Arabic block
        ("Al\U0001fffepha\U0010ffff", ("U+1FFFE", "U+10FFFF")),  # of the other planes
        ("Al\ud800pha", ("U+D800",)),  # a lone surrogate
        ("Alpha\tBeta\nGamma\r", ()),  # tab and line breaks read as spaces
        ("Échelle\u00a0Habitat €", ()),
    ],
)
def test_control_characters_are_those_no_workbook_can_hold(
    text: str, expected: tuple[str, ...]
) -> None:
    assert control_characters(text) == expected


@settings(deadline=None)
@given(st.text(max_size=30), st.sampled_from(INVISIBLE))
def test_inserting_any_invisible_character_never_changes_the_key(text: str, char: str) -> None:
    for cut in range(len(text) + 1):
        assert normalise(text[:cut] + char + text[cut:]) == normalise(text)


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("Structure 000123", "structure 000123"),
        ("  CAP_Services -- l'Atelier  ", "cap services l atelier"),
        ("a\t\x1c\x1fb", "a b"),  # tab and the information separators are spaces
        ("_-'", ""),
        ("", ""),
    ],
)
def test_an_ascii_name_folds_like_any_other(text: str, key: str) -> None:
    assert normalise(text) == key


_ASCII_SEPARATORS = re.compile(r"[\s_\-'’]+")


@settings(deadline=None)
@given(st.text(alphabet=st.characters(max_codepoint=127)))
def test_an_ascii_name_s_key_is_the_separators_pattern_s(text: str) -> None:
    # the ASCII path splits and joins instead of running the pattern: the same key
    assert normalise(text) == _ASCII_SEPARATORS.sub(" ", text.casefold()).strip()


@pytest.mark.parametrize("char", [chr(point) for point in range(128)])
def test_every_ascii_character_is_a_separator_for_both_or_for_neither(char: str) -> None:
    text = f"a{char}b{char}"
    assert normalise(text) == _ASCII_SEPARATORS.sub(" ", text.casefold()).strip()


def _folded_char_by_char(text: str) -> str:
    """The fold as the module's docstring defines it, every character checked."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(
        c
        for c in decomposed
        if not unicodedata.combining(c)
        and unicodedata.category(c) != "Cf"
        and not any(low <= ord(c) <= high for low, high in _DEFAULT_IGNORABLE)
    )


@settings(deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8")))
def test_the_fold_skips_no_check_that_could_drop_a_character(text: str) -> None:
    # ASCII characters are kept without checks (the fast part of the fold): the same text
    assert _folded(text) == _folded_char_by_char(text)


@pytest.mark.parametrize("char", [chr(point) for point in range(128)])
def test_no_ascii_character_is_dropped_from_a_key(char: str) -> None:
    assert _folded(f"é{char}") == f"e{char}"
