"""Plurals are made in one place (``i18n.language.fill``): ``{n:offre|offres}`` is the word that
agrees with ``n``. French takes the singular below 2 (0 and 1, and 1,50 point), English for
exactly 1; a text that is no figure takes the plural."""

import pytest

from referent_ess.i18n import CATALOGUES, language, tr
from referent_ess.i18n.language import agrees, fill


@pytest.mark.parametrize(
    ("count", "french", "english"),
    [
        (0, "0 offre admissible", "0 admissible offers"),
        (1, "1 offre admissible", "1 admissible offer"),
        (2, "2 offres admissibles", "2 admissible offers"),
        (4, "4 offres admissibles", "4 admissible offers"),
        ("1\u202f000", "1\u202f000 offres admissibles", "1\u202f000 admissible offers"),
    ],
)
def test_a_count_agrees(count: object, french: str, english: str) -> None:
    assert fill("{n} {n:offre admissible|offres admissibles}", {"n": count}, "fr") == french
    assert fill("{n} admissible {n:offer|offers}", {"n": count}, "en") == english


@pytest.mark.parametrize(
    ("shown", "word"),
    [
        ("+7,31", "points"),
        ("\u22127,31", "points"),  # a gap with a true minus sign
        ("1,00", "point"),
        ("+1,99", "point"),
        ("2,00", "points"),
        ("0,00", "point"),
        ("—", "points"),  # no figure
    ],
)
def test_points_agree_in_french(shown: str, word: str) -> None:
    assert agrees(shown, "point", "points", "fr") == word


def test_english_takes_the_singular_for_exactly_one() -> None:
    assert agrees("1.00", "point", "points", "en") == "point"
    assert agrees("1.50", "point", "points", "en") == "points"
    assert agrees("0", "point", "points", "en") == "points"


def test_a_figure_can_stand_inside_the_words() -> None:
    """``{n:de l'offre|des {n} offres}``: the count is written only in the plural form."""
    template = "le plus bas {n:de l'offre admissible|des {n} offres admissibles}"
    assert fill(template, {"n": 1}, "fr") == "le plus bas de l'offre admissible"
    assert fill(template, {"n": 3}, "fr") == "le plus bas des 3 offres admissibles"


def test_tr_makes_the_plural_in_the_language_of_the_run() -> None:
    with language("fr"):
        assert tr("valid", errors=1, warnings=2) == "valide : 1 erreur, 2 avertissements"
    with language("en"):
        assert tr("valid", errors=1, warnings=2) == "valid: 1 error, 2 warnings"


def test_no_template_writes_a_plural_mark() -> None:
    """No « (s) », « (e) » or « (es) » in any text a person reads, in either language."""
    for lang, catalogue in CATALOGUES.items():
        marked = [key for key, text in catalogue.items() if "(s)" in text or "(e)" in text]
        assert marked == [], lang
