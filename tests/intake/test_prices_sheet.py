"""The prices sheet (``prix``, ``bpu``, ``dqe``, ``dpgf``, « bordereau des prix »): the lines of
the offers of schedule and DPGF lots, matched to their offers by identity, and every bad row said
at its cell, all at once."""

import csv
from collections.abc import Sequence
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

from helpers import english
from referent_ess import api
from referent_ess.intake.offer import StatedLine
from referent_ess.problems.errors import ReferentError
from schedule_case import LOTS, OFFERS, OFFERS_HEADER, PRICES, PRICES_HEADER, write_case


def _problems(paths: Sequence[Path]) -> list[tuple[str, str | None, str | None, str]]:
    """(code, sheet, cell, English message) of every problem of the inputs, in order."""
    report = api.validate(*paths)
    return [(p.code, p.sheet, p.cell, english(p)) for p in report.problems]


def test_each_offer_gets_its_lines_in_the_order_of_lots_yaml(tmp_path: Path) -> None:
    # Beta's rows given in another order: the lines still come in the DQE's order
    prices = [*PRICES[:3], PRICES[5], PRICES[3], PRICES[4], *PRICES[6:]]
    _, book = api.load(*write_case(tmp_path, prices=prices))
    assert not book.errors
    offers = {o.candidate: o for o in book.offers}
    assert offers["Beta"].lines == (
        StatedLine("1.1", _d("450"), _d("450"), "prix!D6", 6),
        StatedLine("1.2", _d("20"), _d("20"), "prix!D7", 7),
        StatedLine("2", _d("4"), _d("48"), "prix!D5", 5),
    )
    # a DPGF line's amount is its price (column E), with no stated amount of its own
    assert offers["Eps"].lines == (
        StatedLine("A", _d("1200"), None, "prix!E13", 13),
        StatedLine("B", _d("2000"), None, "prix!E14", 14),
    )


def _d(text: str) -> Decimal:
    return Decimal(text)


@pytest.mark.parametrize("line", ["1.2", 1.2, " 1.2 "])
def test_a_line_priced_twice_is_an_error_naming_both_cells(tmp_path: Path, line: object) -> None:
    prices = [*PRICES, ["Alpha", 1, line, 11, None]]  # row 15: Alpha's 1.2 again
    found = _problems(write_case(tmp_path, prices=prices))
    assert (
        "line-priced-twice",
        "prix",
        "D15",
        "line 1.2 of the offer of 'Alpha' on lot 1 is priced twice: prix!D3 and prix!D15; keep "
        "one row",
    ) in found


@pytest.mark.parametrize(
    ("dropped", "row", "candidate", "line", "label"),
    [
        (2, 2, "Alpha", "2", "Produits"),  # Alpha's line 2 (prix row 4)
        (0, 2, "Alpha", "1.1", "Installation"),
        (11, 6, "Eps", "A", "Études"),  # a DPGF line
    ],
)
def test_a_missing_line_is_an_error_on_the_offers_row_naming_the_line(
    tmp_path: Path, dropped: int, row: int, candidate: str, line: str, label: str
) -> None:
    prices = [p for index, p in enumerate(PRICES) if index != dropped]
    paths = write_case(tmp_path, prices=prices)
    found = _problems(paths)
    lot = 2 if candidate == "Eps" else 1
    assert (
        "line-missing",
        "offers",
        f"A{row}",
        f"the offer of '{candidate}' on lot {lot} does not price line {line} ({label}): the "
        "prices sheet has no row for it, so the offer has no price",
    ) in found
    # the offer is not evaluated on the lines it has
    evaluation = api.score(*paths)
    result = next(r for lot in evaluation.lots for r in lot.offers if r.candidate == candidate)
    assert result.price_ht is None
    assert result.status.value == "invalid"


@pytest.mark.parametrize(
    ("value", "code"),
    [
        ("beaucoup", "bad-number"),
        (-5, "not-positive"),
        (10.255, "too-many-decimals"),
        ("1.234", "ambiguous-number"),
        (0, "not-positive"),
    ],
)
def test_an_unreadable_price_is_said_at_its_cell_with_the_number_readers_code(
    tmp_path: Path, value: object, code: str
) -> None:
    prices = [list(p) for p in PRICES]
    prices[1][3] = value  # Alpha's 1.2 unit price, prix!D3
    found = _problems(write_case(tmp_path, prices=prices))
    assert [(c, s, cell) for c, s, cell, _ in found if s == "prix"] == [(code, "prix", "D3")]
    # and the offer lacks the line
    assert ("line-missing", "offers", "A2") in [(c, s, cell) for c, s, cell, _ in found]


def test_an_unreadable_stated_line_amount_is_said_at_its_cell(tmp_path: Path) -> None:
    prices = [list(p) for p in PRICES]
    prices[4][4] = "vingt"  # Beta's 1.2 stated amount, prix!E6
    found = _problems(write_case(tmp_path, prices=prices))
    assert [(c, cell) for c, s, cell, _ in found if s == "prix"] == [("bad-number", "E6")]


@pytest.mark.parametrize(
    ("row", "said"),
    [
        (["Alfa", 1, "1.1", 5, None], "no offer of 'Alfa' on lot 1 (round 1)"),
        (["Alpha", 2, "A", None, 5], "no offer of 'Alpha' on lot 2 (round 1)"),
        (["Delta", 1, "1.1", 5, None], "no offer of 'Delta' on lot 1 (round 1)"),
    ],
)
def test_prices_for_no_offer_are_an_error_at_their_cell(
    tmp_path: Path, row: list[object], said: str
) -> None:
    found = _problems(write_case(tmp_path, prices=[*PRICES, row]))  # row 15
    hits = [f for f in found if f[0] == "no-such-offer"]
    assert len(hits) == 1
    _, sheet, cell, message = hits[0]
    assert (sheet, cell[1:]) == ("prix", "15")
    assert message.startswith(said)


def test_an_unknown_lot_and_a_lot_priced_otherwise_are_said(tmp_path: Path) -> None:
    lots = LOTS + "  - {id: 3, title: Lot three, cap_ht: 5000}\n"
    prices = [*PRICES, ["Alpha", 7, "1.1", 5, None], ["Alpha", 3, "1.1", 5, None]]
    found = _problems(write_case(tmp_path, prices=prices, lots=lots))
    assert ("unknown-lot", "prix", "B15", "lot 7 is not in lots.yaml") in found
    assert (
        "not-for-lot",
        "prix",
        "B16",
        "lot 3 is not priced line by line (price_model: day_rate): its rows of the prices sheet "
        "are not read",
    ) in found


def test_an_extra_line_is_a_warning_and_not_counted(tmp_path: Path) -> None:
    paths = write_case(tmp_path, prices=[*PRICES, ["Alpha", 1, "9.9", 1000, None]])
    report = api.validate(*paths)
    extra = [p for p in report.problems if p.code == "line-not-in-lot"]
    assert [(p.severity.value, p.sheet, p.cell, english(p)) for p in extra] == [
        (
            "warning",
            "prix",
            "D15",
            "line 9.9 is not a line of lot 1 in lots.yaml (1.1, 1.2, 2): it is not counted",
        )
    ]
    alpha = api.score(*paths).lots[0]
    # 500.00 + 15.38 + 39.96 = 555.34, without the 1000.00 of line 9.9
    assert next(r for r in alpha.offers if r.candidate == "Alpha").price_ht == _d("555.34")


@pytest.mark.parametrize("who", ["Gamma", "Delta"])
def test_an_offer_with_no_line_at_all_is_an_error(tmp_path: Path, who: str) -> None:
    prices = [p for p in PRICES if p[0] != who]
    found = _problems(write_case(tmp_path, prices=prices))
    row = {"Gamma": 4, "Delta": 5}[who]
    lot = {"Gamma": 1, "Delta": 2}[who]
    assert (
        "no-lines",
        "offers",
        f"A{row}",
        f"no price: lot {lot} is priced line by line and the prices sheet has no line for this "
        "offer",
    ) in found


def test_a_workbook_without_prices_sheet_is_refused(tmp_path: Path) -> None:
    paths = write_case(tmp_path, prices=None)
    with pytest.raises(ReferentError) as caught:
        api.score(*paths)
    assert [p.code for p in caught.value.problems] == ["prices-sheet-missing"]
    found = _problems(paths)
    assert [f[0] for f in found] == ["prices-sheet-missing"]
    assert found[0][3] == (
        "some offers are on lots priced line by line (price_model schedule or dpgf; lots: 1, 2) "
        "but the workbook has no prices sheet: add a sheet named prix (or bpu, dqe, dpgf) with "
        "one row per offer and line (referent template writes it)"
    )


def test_a_csv_file_cannot_hold_lines_and_says_so(tmp_path: Path) -> None:
    paths = write_case(tmp_path, prices=None)
    book = tmp_path / "offers.csv"
    with book.open("w", newline="", encoding="utf-8") as stream:
        writer = csv.writer(stream)
        writer.writerow(OFFERS_HEADER)
        writer.writerows(OFFERS)
    found = _problems([paths[0], paths[1], book])
    assert [f[0] for f in found] == ["prices-sheet-missing"]
    assert found[0][3].startswith(
        "some lots are priced line by line (price_model schedule or dpgf; lots: 1, 2), which a "
        "CSV file cannot hold: give the offers as an .xlsx workbook"
    )


def test_no_prices_sheet_is_asked_when_no_offer_is_on_a_lot_priced_by_lines(
    tmp_path: Path,
) -> None:
    lots = LOTS + "  - {id: 3, title: Lot three, cap_ht: 5000}\n"
    header = ["candidate", "lot", "day_rate_ht", "days", "vat_rate", "cv", "quality"]
    paths = write_case(
        tmp_path, [["Zeta", 3, 400, 10, 0.2, "oui", 4]], None, lots=lots, offers_header=header
    )
    assert _problems(paths) == []


@pytest.mark.parametrize("name", ["BPU", "Bordereau des prix", "DQE", "dpgf", "Prix"])
def test_the_prices_sheet_is_known_by_its_usual_names(tmp_path: Path, name: str) -> None:
    _, book = api.load(*write_case(tmp_path, prices_sheet=name))
    assert not book.errors
    assert all(o.lines is not None and len(o.lines) in (2, 3) for o in book.offers)


def test_two_prices_sheets_are_refused(tmp_path: Path) -> None:
    paths = write_case(tmp_path)
    workbook = openpyxl.load_workbook(paths[2])
    workbook.create_sheet("BPU").append(PRICES_HEADER)
    workbook.save(paths[2])
    with pytest.raises(ReferentError) as caught:
        api.load(*paths)
    assert caught.value.code == "two-offers-sheets"
    assert "the sheets 'prix' and 'BPU' are both prices sheets" in english(caught.value)


@pytest.mark.parametrize(
    ("header", "field"),
    [
        (["candidat", "lot", "désignation", "prix unitaire HT"], "line"),
        (["lot", "ligne", "prix unitaire HT"], "candidate"),
        (["candidat", "lot", "ligne", "quantité"], "unit_price"),
    ],
)
def test_a_missing_column_of_the_prices_sheet_is_said(
    tmp_path: Path, header: list[str], field: str
) -> None:
    found = _problems(write_case(tmp_path, prices=[], prices_header=header))
    assert ("missing-column", "prix") in [(f[0], f[1]) for f in found]
    message = next(f[3] for f in found if f[0] == "missing-column")
    assert message.startswith(f"the prices sheet has no column for {field}: add one headed")


def test_a_template_line_not_filled_in_is_not_read(tmp_path: Path) -> None:
    # the template's block of lines: lot, line, label, but no candidate and no price
    prices = [*PRICES, [None, 1, "1.1", None, None], [None, 2, "B", None, None]]
    # only the three arithmetic errors of the case (Beta, Gamma, Eps), as without the block
    found = _problems(write_case(tmp_path, prices=prices))
    assert [(f[0], f[2]) for f in found] == [
        ("arithmetic-error", "D3"),
        ("arithmetic-error", "D4"),
        ("arithmetic-error", "D6"),
    ]


def test_prices_are_matched_by_variant_and_round(tmp_path: Path) -> None:
    lots = LOTS.replace(
        "consultation:\n", "consultation:\n  rounds: [{number: 2, deadline: 2018-04-10}]\n"
    )
    header = [*OFFERS_HEADER, "variante", "tour"]
    offers = [
        ["Alpha", 1, 0.2, None, "oui", 4, None, 1],  # row 2: Alpha's base offer, round 1
        ["Alpha", 1, 0.2, None, "oui", 4, None, 2],  # row 3: round 2
        ["Alpha", 1, 0.2, None, "oui", 4, "Bio", 1],  # row 4: a variant
    ]
    prices_header = [*PRICES_HEADER, "variante", "tour"]
    prices = [
        ["Alpha", 1, "1.1", 500, None, None, 1],
        ["Alpha", 1, "1.2", 10, None, None, 1],
        ["Alpha", 1, "2", 3, None, None, 1],
        ["Alpha", 1, "1.1", 400, None, None, 2],
        ["Alpha", 1, "1.2", 10, None, None, 2],
        ["Alpha", 1, "2", 3, None, None, 2],
        ["alpha", 1, "1.1", 450, None, "bio", None],  # case aside; no round: round 1
        ["Alpha", 1, "1.2", 10, None, "Bio", 1],
        ["Alpha", 1, "2", 3, None, "Bio", 1],
    ]
    paths = write_case(
        tmp_path, offers, prices, lots=lots, offers_header=header, prices_header=prices_header
    )
    _, book = api.load(*paths)
    assert not book.errors
    first = {(o.variant, o.round): o.lines[0].price for o in book.offers if o.lines}
    assert first == {(None, 1): 500, (None, 2): 400, ("Bio", 1): 450}


def test_a_lot_cell_read_once_is_not_mistaken_for_an_equal_value_of_another_type(
    tmp_path: Path,
) -> None:
    # lot 1 is read on every row before; TRUE (== 1 in Python) must still be refused
    found = _problems(write_case(tmp_path, prices=[*PRICES, ["Alpha", True, "1.1", 5, None]]))
    assert [(c, cell) for c, s, cell, _ in found if s == "prix"] == [("bad-lot", "B15")]


def test_a_day_rate_on_a_lot_priced_by_lines_is_not_read_and_said(tmp_path: Path) -> None:
    header = [*OFFERS_HEADER, "day_rate_ht", "days"]
    offers = [[*row, None, None] for row in OFFERS]
    offers[0][6:8] = [450, 10]  # Alpha, lot 1 (schedule): G2 and H2
    found = _problems(write_case(tmp_path, offers, offers_header=header))
    said = [(c, cell, m) for c, s, cell, m in found if c == "not-for-lot"]
    assert said == [
        (
            "not-for-lot",
            "G2",
            "lot 1 is priced line by line (prices sheet): the day rate HT takes no "
            "part in its price and is not read; leave the cell empty",
        ),
        (
            "not-for-lot",
            "H2",
            "lot 1 is priced line by line (prices sheet): the number of days takes no part "
            "in its price and is not read; leave the cell empty",
        ),
    ]
