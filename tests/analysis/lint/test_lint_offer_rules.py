"""The rules of ``referent lint`` on what the offers show: marks without a written appraisal,
offers flagged abnormally low, offers received on the deadline day with no time."""

from collections.abc import Callable
from pathlib import Path

from consultation_text import HEADER, LOTS_YAML
from helpers import ABNORMAL_LOTS, DOCUMENT_ROWS
from referent_ess import api, i18n
from referent_ess.analysis.lint import Finding, Severity
from referent_ess.i18n.templates import message

Config = Callable[..., tuple[Path, Path]]
Maker = Callable[..., Path]


def found(lots: Path, criteria: Path, book: Path, code: str) -> list[Finding]:
    return [f for f in api.lint(lots, criteria, book)[1] if f.code == code]


# ---- marks without a written appraisal ----------------------------------------------------------


def test_marks_without_appraisal(make_config: Config, make_workbook: Maker) -> None:
    rows = [
        ["Alpha", 1, 300, 10, 0.2, "oui", 4, "Méthode claire"],
        ["Beta", 1, 310, 10, 0.2, "oui", 3, None],
        ["Gamma", 1, 320, 10, 0.2, "oui", 2, "   "],  # blank: no appraisal
        ["Delta", 2, 320, 10, 0.2, "oui", 2, "Complet"],
    ]
    book = make_workbook(rows, [*HEADER, "quality_comment"])
    [finding] = found(*make_config(), book, "lint-appraisal")
    assert (finding.severity, finding.lot, finding.source) == (Severity.ADVICE, 1, "appraisal")
    assert finding.params == (
        ("form", "some"),
        ("count", "2"),
        ("total", "3"),
        ("first", "Beta — Quality ; Gamma — Quality"),
    )


def test_no_comment_column_at_all(make_config: Config, make_workbook: Maker) -> None:
    rows = [["Alpha", 1, 300, 10, 0.2, "oui", 4], ["Beta", 1, 310, 10, 0.2, "oui", 3]]
    [finding] = found(*make_config(), make_workbook(rows), "lint-appraisal")
    assert dict(finding.params)["form"] == "all"
    assert message(finding.code, finding.params, lang="fr") == (
        "aucune des 2 notes n'a d'appréciation écrite (les premières : Alpha — Quality ; "
        "Beta — Quality)"
    )


def test_every_mark_appraised(make_config: Config, make_workbook: Maker) -> None:
    rows = [["Alpha", 1, 300, 10, 0.2, "oui", 4, "Bien"], ["Beta", 1, 310, 10, 0.2, "oui", 3, "Ok"]]
    book = make_workbook(rows, [*HEADER, "quality_comment"])
    assert found(*make_config(), book, "lint-appraisal") == []


# ---- abnormally low ------------------------------------------------------------------------------


def test_an_abnormally_low_offer(make_config: Config, make_workbook: Maker) -> None:
    # Alpha 3000 < 0.8 × mean(5000, 5000) = 4000: flagged; Beta and Gamma are not
    lots, criteria = make_config(lots_text=ABNORMAL_LOTS)
    book = make_workbook(DOCUMENT_ROWS[:3])
    [finding] = found(lots, criteria, book, "lint-abnormally-low")
    assert (finding.severity, finding.lot, finding.source) == (Severity.ADVICE, 1, "l2152-6")
    assert finding.params == (("form", "one"), ("count", "1"), ("names", "Alpha"))


def test_no_detection_no_finding(make_config: Config, make_workbook: Maker) -> None:
    book = make_workbook(DOCUMENT_ROWS[:3])
    assert found(*make_config(), book, "lint-abnormally-low") == []


# ---- received on the deadline day with no time ------------------------------------------------


def test_received_on_the_deadline_day_with_no_time(
    make_config: Config, make_workbook: Maker
) -> None:
    lots_text = LOTS_YAML.format(cap_basis="ht").replace(
        "deadline: 2018-03-23", "deadline: 2018-03-23 12:00:00"
    )
    lots, criteria = make_config(lots_text=lots_text)
    rows = [
        ["Alpha", 1, 300, 10, 0.2, "oui", 4, "23/03/2018"],
        ["Beta", 1, 310, 10, 0.2, "oui", 4, "23/03/2018"],
        ["Gamma", 1, 320, 10, 0.2, "oui", 4, "22/03/2018"],  # the day before: in time
    ]
    book = make_workbook(rows, [*HEADER, "received_at"])
    [finding] = found(lots, criteria, book, "lint-received-time")
    assert (finding.severity, finding.lot, finding.source) == (Severity.ADVICE, 1, "r2151-5")
    assert finding.params == (("form", "many"), ("count", "2"), ("names", "Alpha, Beta"))


def test_a_deadline_without_a_time(make_config: Config, make_workbook: Maker) -> None:
    rows = [["Alpha", 1, 300, 10, 0.2, "oui", 4, "23/03/2018"]]
    book = make_workbook(rows, [*HEADER, "received_at"])
    assert found(*make_config(), book, "lint-received-time") == []


# ---- a tie the tie-break does not settle --------------------------------------------------------


def test_two_identical_offers_stay_first(make_config: Config, make_workbook: Maker) -> None:
    # same price (3000) and same mark (4): 40 + 60 × 4/5 = 88 each; no tie-break settles it
    rows = [["Alpha", 1, 300, 10, 0.2, "oui", 4], ["Beta", 1, 300, 10, 0.2, "oui", 4]]
    [finding] = found(*make_config(), make_workbook(rows), "lint-tie")
    assert (finding.severity, finding.lot, finding.source) == (Severity.ADVICE, 1, "l2152-7-award")
    assert finding.params == (("count", "2"), ("names", "Alpha, Beta"))
    assert message(finding.code, finding.params, lang="fr") == (
        "2 offres restent classées premières après le départage : Alpha, Beta"
    )


def test_a_tie_on_second_place_or_none(make_config: Config, make_workbook: Maker) -> None:
    # Gamma first (mark 5); Alpha and Beta tie second: the award is not at stake
    rows = [
        ["Alpha", 1, 300, 10, 0.2, "oui", 4],
        ["Beta", 1, 300, 10, 0.2, "oui", 4],
        ["Gamma", 1, 300, 10, 0.2, "oui", 5],
    ]
    assert found(*make_config(), make_workbook(rows), "lint-tie") == []


# ---- a nameless offer in French findings ------------------------------------------------------


def test_a_nameless_offer_is_named_in_french_in_french_findings(
    make_config: Config, make_workbook: Maker
) -> None:
    # row 3 has no candidate: in French it is « (sans nom, ligne 3) », never « (row 3) »
    rows = [["Alpha", 1, 300, 10, 0.2, "oui", 4], [None, 1, 310, 10, 0.2, "oui", 3]]
    with i18n.language("fr"):
        [finding] = found(*make_config(), make_workbook(rows), "lint-appraisal")
        text = message(finding.code, finding.params, lang="fr")
    assert "(sans nom, ligne 3)" in text
    assert "row" not in text
    with i18n.language("en"):
        [finding] = found(*make_config(), make_workbook(rows), "lint-appraisal")
    assert dict(finding.params)["first"] == "Alpha — Quality ; (row 3) — Quality"
