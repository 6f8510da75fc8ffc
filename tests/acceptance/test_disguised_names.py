"""One candidate stays one candidate, however its name is disguised (issue: hostile inputs).

A zero-width space, a soft hyphen, a word joiner, a byte-order mark or a bidirectional control
inside a name used to make a second candidate: the duplicate-offer check missed it, and the
same company could win more lots than ``max_lots_per_candidate`` allows."""

import pytest

from referent_ess import api

DISGUISES = ["Al\u200bpha", "Al\u00adpha", "Al\u2060pha", "\ufeffAlpha", "\u202eAlpha", "ALPHA"]


@pytest.mark.parametrize("disguised", DISGUISES)
def test_a_disguised_second_offer_on_a_lot_is_a_duplicate(
    make_config, make_workbook, disguised: str
) -> None:
    lots, criteria = make_config()
    offers = make_workbook(
        [["Alpha", 1, 400, 10, None, "oui", 3], [disguised, 1, 390, 10, None, "oui", 3]]
    )
    report = api.validate(lots, criteria, offers)
    assert [(p.code, p.cell) for p in report.errors if p.code == "duplicate-offer"] == [
        ("duplicate-offer", "A2"),
        ("duplicate-offer", "A3"),
    ]


@pytest.mark.parametrize("disguised", DISGUISES)
def test_a_disguised_name_does_not_escape_the_lot_limit(
    make_config, make_workbook, disguised: str
) -> None:
    lots, criteria = make_config()
    lots.write_text(
        lots.read_text(encoding="utf-8").replace(
            "  required_documents: [cv]\n",
            "  required_documents: [cv]\n  max_lots_per_candidate: 1\n",
        ),
        encoding="utf-8",
    )
    offers = make_workbook(
        [
            # Alpha is first on both lots (best mark, cheapest); lot 2 must go to Other
            ["Alpha", 1, 400, 10, None, "oui", 5],
            ["Second", 1, 450, 10, None, "oui", 4],
            [disguised, 2, 400, 10, None, "oui", 5],
            ["Other", 2, 450, 10, None, "oui", 3],
        ]
    )
    lot1, lot2 = api.score(lots, criteria, offers).lots
    assert lot1.award is not None
    assert lot1.award.candidate == "Alpha"
    assert lot2.award is not None
    assert lot2.award.candidate == "Other"
