"""The catalogues: the same keys in both languages; for every code of the registry (each form)
an English and a French template with the same placeholders; nothing in them the registry does
not list; and the typed parameters written the way each language writes them."""

import pytest

from referent_ess.i18n import CATALOGUES, en, fr
from referent_ess.i18n.templates import message, part, placeholders
from referent_ess.problems.codes import CODES

# A language may leave out a figure the other one needs: the English words of another program
# (PyYAML's problem, Python's date error, the system's reason, pydantic's wording of a model,
# a list, a pattern or the choices), which French words by case instead; the reason a sensitivity
# analysis does not apply, which French words by case; the field's id, which English already
# writes as its name.
LEFT_OUT: dict[str, set[str]] = {
    "msg:invalid-value.enum": {"expected", "choices"},
    "msg:invalid-value.model_type": {"class_name"},
    "msg:invalid-value.too_short_list_one": {"actual"},
    "msg:invalid-value.identifier": {"pattern"},
    "msg:missing-column.field": {"what_part"},
    **{f"part:yaml-problem.{k}": {"problem"} for k in ("colon", "tab", "end", "indentation")},
    **{f"part:yaml-problem.{k}": {"problem"} for k in ("bracket", "brace")},
    **{f"part:date-detail.{k}": {"detail"} for k in ("month", "day")},
    **{f"part:not-sensitive.{k}": {"why"} for k in ("hierarchy", "provisional", "no-winner")},
    **{f"part:os.{k}": {"reason"} for k in ("denied", "no-space", "name-too-long")},
    **{f"part:os.{k}": {"reason"} for k in ("not-a-folder", "read-only", "missing", "loop", "io")},
}


def test_both_catalogues_have_the_same_keys() -> None:
    # apart from what only French output reads: the offers workbook's texts
    assert set(en.MESSAGES) == set(fr.MESSAGES) - fr.FRENCH_ONLY
    assert fr.FRENCH_ONLY.issubset(fr.MESSAGES)


@pytest.mark.parametrize("key", sorted(CODES))
def test_every_code_has_an_english_and_a_french_template_with_the_same_placeholders(
    key: str,
) -> None:
    english, french = en.MESSAGES[f"msg:{key}"], fr.MESSAGES[f"msg:{key}"]
    assert english.strip()
    assert french.strip()
    different = placeholders(english) ^ placeholders(french)
    assert different <= LEFT_OUT.get(f"msg:{key}", set()), different


@pytest.mark.parametrize("key", sorted(k for k in en.MESSAGES if k.startswith("part:")))
def test_every_part_has_the_same_placeholders_in_both_languages(key: str) -> None:
    different = placeholders(en.MESSAGES[key]) ^ placeholders(fr.MESSAGES[key])
    assert different <= LEFT_OUT.get(key, set()), different


def test_every_message_template_is_a_code_of_the_registry() -> None:
    templates = {key.removeprefix("msg:") for key in en.MESSAGES if key.startswith("msg:")}
    assert templates == set(CODES)


def test_a_message_is_its_template_filled_in_the_language_asked() -> None:
    params = (("received_date", "2018-03-24"), ("deadline_date", "2018-03-23 12:00"))
    assert message("late", params, lang="en") == (
        "received 2018-03-24, after the deadline 2018-03-23 12:00"
    )
    assert message("late", params, lang="fr") == (
        "reçue le 24/03/2018, après la date limite du 23/03/2018 à 12:00"
    )


def test_the_form_picks_the_template() -> None:
    one = (("form", "one"), ("documents", "cv"))
    several = (("form", "several"), ("documents", "cv, kbis"))
    assert message("incomplete", one, lang="en") == "missing required document: cv"
    assert message("incomplete", several, lang="en") == "missing required documents: cv, kbis"
    # French agrees with the number too, never « pièce(s) exigée(s) »
    assert message("incomplete", one, lang="fr") == "pièce exigée manquante : cv"
    assert message("incomplete", several, lang="fr") == "pièces exigées manquantes : cv, kbis"


def test_money_and_figures_are_written_as_each_language_writes_them() -> None:
    params = (
        ("basis", "HT"),
        ("price_money", "12500.5"),
        ("cap_money", "10000"),
        ("excess_money", "2500.5"),
    )
    assert message("over_cap", params, lang="en") == (
        "price HT 12500.50 exceeds the lot's cap HT 10000.00 by 2500.50"
    )
    assert message("over_cap", params, lang="fr") == (
        "prix HT de 12\u202f500,50\u00a0€, supérieur de 2\u202f500,50\u00a0€ au montant maximum "
        "HT du lot (10\u202f000,00\u00a0€)"
    )
    assert message(
        "weights-sum", (("weights_num", "50.5 + 30"), ("total_num", "80.5")), lang="fr"
    ) == ("la somme des pondérations doit faire 100 ; elle fait 50,5 + 30 = 80,5")


def test_marks_are_listed_as_each_language_lists_them() -> None:
    params = (
        ("criterion", "quality"),
        ("spread_num", "2.5"),
        ("threshold_num", "2"),
        ("listed_marks", '[["Anne", "2"], ["Bruno", "4.5"]]'),
    )
    assert message("marks-divergence", params, lang="en") == (
        "the evaluators' marks on quality spread by 2.5 (more than 2): Anne 2, Bruno 4.5; the "
        "jury should discuss them before signing"
    )
    assert "Anne (2), Bruno (4,5)" in message("marks-divergence", params, lang="fr")


def test_a_part_names_a_clause_filled_with_the_same_parameters() -> None:
    params = (("key", "'titel'"), ("form", "close"), ("close", "'title'"))
    assert (
        message("unknown-key", params, lang="en") == "unknown key 'titel' (did you mean 'title'?)"
    )
    found = (("found_part", "found.value"), ("found", "-5"), ("limit_num", "0"))
    gt = (("form", "greater_than"), *found)
    assert message("invalid-value", gt, lang="en") == "Input should be greater than 0 (found -5)"
    assert part("found.value", found, lang="fr") == " (valeur trouvée : -5)"


def test_the_run_s_language_is_the_default() -> None:
    from referent_ess.i18n import language

    with language("fr"):
        assert message("nul-bytes", (("path", "a.csv"),)) == (
            "a.csv : le fichier contient des octets nuls : ce n'est pas un fichier CSV texte"
        )
    assert message("nul-bytes", (("path", "a.csv"),)) == (
        "a.csv: contains NUL bytes: not a text CSV file"
    )


def test_a_missing_template_or_parameter_is_a_bug_not_a_fallback() -> None:
    with pytest.raises(KeyError):
        message("no-such-code", (), lang="en")
    with pytest.raises(KeyError):
        message("nul-bytes", (), lang="en")  # {path} is not given


def test_the_catalogues_are_the_ones_the_language_reads() -> None:
    assert CATALOGUES == {"en": en.MESSAGES, "fr": fr.MESSAGES}
