"""The language of a run: ``--lang``, else ``REFERENT_LANG``, else the locale, else English."""

import pytest

from referent_ess.i18n import default_language


@pytest.mark.parametrize(
    ("environ", "expected"),
    [
        ({"REFERENT_LANG": "fr"}, "fr"),
        ({"REFERENT_LANG": "en", "LANG": "fr_FR.UTF-8"}, "en"),
        ({"LANG": "fr_FR.UTF-8"}, "fr"),
        ({"LC_ALL": "fr_CA.UTF-8", "LANG": "en_US.UTF-8"}, "fr"),
        ({"LANG": "en_GB.UTF-8"}, "en"),
        ({}, "en"),
    ],
)
def test_the_default_language_comes_from_the_environment(environ, expected) -> None:
    assert default_language(environ) == expected
