"""The header vocabulary's look-ups (config/columns.py): typos found as difflib finds them."""

import difflib

from hypothesis import given, settings
from hypothesis import strategies as st

from referent_ess.config.columns import NearSpellings, header_key, header_lookup

LOOKUP = header_lookup(("cv", "note_contexte"), ("quality", "context"))
NEAR = NearSpellings(LOOKUP)


def reference(header: str) -> object:
    """What difflib.get_close_matches answers when it compares the header with every key."""
    close = difflib.get_close_matches(header_key(header), list(LOOKUP), n=1, cutoff=0.8)
    return LOOKUP[close[0]] if close else None


def test_typos_of_known_headers_are_found() -> None:
    assert NEAR.probable("Candidta") == ("field", "candidate")
    assert NEAR.probable("Date de recepton") == ("field", "received_at")
    assert NEAR.probable("cvv") == ("document", "cv")
    assert NEAR.probable("qualty") == ("mark", "quality")
    assert NEAR.probable("extra12345") is None
    assert NEAR.probable("") is None


@settings(deadline=None, max_examples=400)
@given(
    st.sampled_from(sorted(LOOKUP)),
    st.lists(
        st.tuples(st.sampled_from(["drop", "add", "swap"]), st.integers(0, 40), st.characters()),
        max_size=4,
    ),
)
def test_the_answer_is_difflib_s_for_any_misspelling(
    known: str, edits: list[tuple[str, int, str]]
) -> None:
    typed = list(known)
    for edit, where, char in edits:
        place = where % (len(typed) + 1)
        if edit == "add":
            typed.insert(place, char)
        elif typed and edit == "drop":
            typed.pop(place % len(typed))
        elif typed:
            typed[place % len(typed)] = char
    header = "".join(typed)
    assert NEAR.probable(header) == reference(header)


@settings(deadline=None, max_examples=200)
@given(st.text(max_size=40))
def test_the_answer_is_difflib_s_for_any_text(header: str) -> None:
    assert NEAR.probable(header) == reference(header)
