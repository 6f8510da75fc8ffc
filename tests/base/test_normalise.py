"""Two spellings of one name are one key: invisible characters, compatibility forms, case,
accents and separators never make one candidate two."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from referent_ess.base.normalise import invisible_characters, normalise


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
