"""The French catalogue of the documents (``doc.*`` keys): the HTML and xlsx reports, the
letters and the OCDS release, French whatever ``--lang`` says.

The keys are checked against the code that asks for them, both ways: a key the code asks for
exists, and a key of the catalogue is asked for somewhere (no dead text for a translator to
keep up to date).
"""

import re
from pathlib import Path

import pytest

from referent_ess import i18n
from referent_ess.i18n.catalogues import en, fr
from referent_ess.i18n.catalogues.fr import documents

RENDER = Path(__file__).resolve().parents[2] / "src" / "referent_ess" / "render"
DOC_KEYS = set(documents.MESSAGES)
# keys the code builds from a code or a count: doc.html.warning.<warning code>, .one / .other…
FAMILIES = (
    "doc.html.warning.",
    "doc.ocds.note.",
    "doc.xlsx.abnormal.",
    "doc.role.",
    "doc.letter.reason.incomplete.",
    "doc.letter.others.",
)


def _source() -> str:
    return "\n".join(path.read_text(encoding="utf-8") for path in sorted(RENDER.rglob("*.py")))


def test_the_documents_keys_are_french_only() -> None:
    assert DOC_KEYS
    assert all(key.startswith("doc.") for key in DOC_KEYS)
    assert not [key for key in en.MESSAGES if key.startswith("doc.")]
    assert set(fr.MESSAGES) >= DOC_KEYS


def test_an_english_run_cannot_word_a_document_by_mistake() -> None:
    with i18n.language("en"), pytest.raises(KeyError):
        i18n.tr("doc.report")
    with i18n.language("fr"):
        assert i18n.tr("doc.report") == "Rapport d'analyse des offres"


def test_every_key_the_documents_ask_for_exists() -> None:
    asked = set(
        re.findall(r"""\btr\(\s*["']((?:doc|[a-z_]+)\.[a-z0-9_.\-]+|[a-z_]+)["']""", _source())
    )
    assert {key for key in asked if key.startswith("doc.")}
    assert not [key for key in asked if key not in fr.MESSAGES]


def test_every_key_of_the_documents_is_asked_for() -> None:
    source = _source()
    counted = set(re.findall(r"""counted\(\s*["'](doc\.[a-z0-9_.\-]+)["']""", source))
    unused = [
        key
        for key in DOC_KEYS
        if f'"{key}"' not in source
        and f"'{key}'" not in source
        and not key.startswith(FAMILIES)
        and key.rsplit(".", 1)[0] not in counted
    ]
    assert not unused


def test_the_html_texts_hold_no_markup() -> None:
    """The HTML report puts its catalogue texts in the page as they are."""
    html_keys = [key for key in DOC_KEYS if not key.startswith(("doc.xlsx.", "doc.letter."))]
    assert not [key for key in html_keys if "<" in fr.MESSAGES[key] or "&" in fr.MESSAGES[key]]


def test_agreeing_texts_come_in_pairs() -> None:
    """A ``.one`` text has its ``.other``, and both say ``{n}`` unless the words carry it."""
    ones = {key.removesuffix(".one") for key in DOC_KEYS if key.endswith(".one")}
    others = {key.removesuffix(".other") for key in DOC_KEYS if key.endswith(".other")}
    assert ones == others
    assert "doc.html.received" in ones
    assert "{n}" in fr.MESSAGES["doc.html.received.one"]
