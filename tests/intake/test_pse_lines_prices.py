"""A PSE priced by lines at intake: its lines are read from the prices sheet like the lot's own
(an unknown line's warning lists them all and points at its unit price), the offers sheet needs
no column for it, and an amount there is a warning, not read."""

from pathlib import Path

from pse_lines_case import PSE_PRICES, write_pse_case
from referent_ess import api
from schedule_case import OFFERS, OFFERS_HEADER


def test_the_offers_sheet_needs_no_column_and_an_amount_there_is_not_read(
    tmp_path: Path,
) -> None:
    header = [*OFFERS_HEADER, "PSE1"]
    offers = [[*row, 999 if row[0] == "Alpha" else None] for row in OFFERS]
    _, book = api.load(*write_pse_case(tmp_path, offers=offers, offers_header=header))
    alpha = next(o for o in book.offers if o.candidate == "Alpha")
    assert [(p.code, dict(p.params), p.cell) for p in alpha.problems] == [
        ("not-for-lot", {"form": "pse-lines", "lot": "1", "pse": "PSE1"}, "G2")
    ]
    assert alpha.pse == {}  # the 999 is not its PSE1
    # without the column: no missing-column (the case's own sheet has none)
    (tmp_path / "plain").mkdir()
    _, plain = api.load(*write_pse_case(tmp_path / "plain"))
    assert not [p for p in plain.problems if p.code == "missing-column"]


def test_pse_lines_come_with_the_offer_and_an_unknown_line_lists_them_all(
    tmp_path: Path,
) -> None:
    prices = [*PSE_PRICES, ["Alpha", 1, "P9", 1, None]]  # row 22
    _, book = api.load(*write_pse_case(tmp_path, prices=prices))
    alpha = next(o for o in book.offers if o.candidate == "Alpha")
    assert [line.id for line in alpha.lines or ()] == ["1.1", "1.2", "2", "P1.1", "P1.2"]
    unknown = [
        (p.code, dict(p.params), p.cell) for p in book.problems if p.code == "line-not-in-lot"
    ]
    assert unknown == [
        ("line-not-in-lot", {"line": "P9", "lot": "1", "known": "1.1, 1.2, 2, P1.1, P1.2"}, "D22")
    ]
