"""The fast reading of the offers sheet: the memo's keys, the clean path of rows without
problems read column by column (the same offer as the full path, for any row), every distinct
value remembered, the identity computed once, the offers grouped once by identity, and the cycle
collector paused while reading.

The test consultation (conftest.py) has lots 1 and 2, one required document ``cv`` and one marked
criterion ``quality`` with marks from 0 to 5. Expected values are typed by hand."""

import gc
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta, timezone
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from referent_ess.config.columns import OfferField
from referent_ess.config.loader import load_config
from referent_ess.config.model import Config
from referent_ess.intake import rows as rows_module
from referent_ess.intake.column_readings import memo_key as _memo_key
from referent_ess.intake.column_readings import text_outcomes
from referent_ess.intake.header import Header
from referent_ess.intake.offer import UNSET, Offer
from referent_ess.intake.offers import parse_offers, without_cycle_collection
from referent_ess.intake.rows import RowReader
from referent_ess.intake.sheet import ErrorCell, RawSheet, UncomputedFormula
from referent_ess.intake.sheet_notes import versions

HEADER = ("candidate", "lot", "day_rate_ht", "days", "vat_rate", "cv", "quality", "received_at")
GOOD = ("Alpha", 1.0, 450.5, 10.0, 0.2, "oui", 4.0, date(2018, 3, 22))


@pytest.fixture
def config(make_config: Callable[..., tuple[Path, Path]]) -> Config:
    return load_config(*make_config())


def sheet(*rows: tuple[object, ...], header: tuple[object, ...] = HEADER) -> RawSheet:
    """A raw offers sheet of ``rows`` from row 2, as a reader hands it over."""
    numbered = tuple((number, row) for number, row in enumerate(rows, start=2))
    return RawSheet("offers.xlsx", "offers", header, numbered)


def reader(raw: RawSheet, config: Config) -> RowReader:
    return RowReader(raw, config, Header(raw, config).columns)


# ---- the memo's keys -------------------------------------------------------------------------


def test_a_text_and_an_ordinary_float_are_their_own_keys() -> None:
    assert _memo_key("oui") == "oui"
    assert _memo_key(450.5) == 450.5
    assert _memo_key(450.5).__class__ is float


@pytest.mark.parametrize(
    ("one", "other"),
    [
        (1, 1.0),  # equal in Python, an integer and a float in a sheet
        (True, 1),
        (True, 1.0),
        (0.0, -0.0),  # equal, but -0 is read as « -0 »
        (Decimal("2.50"), Decimal("2.5")),  # equal, written differently
        (1.0, Decimal(1)),
        (
            datetime(2018, 3, 22, 12, 0, tzinfo=UTC),
            datetime(2018, 3, 22, 13, 0, tzinfo=timezone(timedelta(hours=1))),
        ),  # one instant in two time zones
        (date(2018, 3, 22), datetime(2018, 3, 22)),
        ("1", 1),
        (1.5, "1.5"),
    ],
)
def test_values_that_read_differently_have_different_keys(one: object, other: object) -> None:
    assert _memo_key(one) != _memo_key(other)


def test_every_nan_has_one_key_and_zeros_are_keyed_by_their_repr() -> None:
    assert _memo_key(float("nan")) == _memo_key(float("nan")) == (float, "nan")
    assert _memo_key(0.0) == (float, "0.0")
    assert _memo_key(-0.0) == (float, "-0.0")
    assert _memo_key(float("inf")) == float("inf")


def test_a_marker_is_keyed_with_its_type() -> None:
    assert _memo_key(ErrorCell("#DIV/0!")) == (ErrorCell, ErrorCell("#DIV/0!"))
    assert _memo_key(ErrorCell("#DIV/0!")) != _memo_key(UncomputedFormula("#DIV/0!"))


# ---- free text ----------------------------------------------------------------------------


def _no_full_reading(value: object) -> tuple[object, tuple[object, ...]]:
    raise AssertionError(f"{value!r} read in full")


@pytest.mark.parametrize(
    ("value", "outcome"),
    [
        ("Alpha", "Alpha"),
        ("  Alpha   Conseil ", "Alpha Conseil"),
        ("SARL O'Neil & fils (75)", "SARL O'Neil & fils (75)"),
    ],
)
def test_printable_ascii_text_is_its_words(value: str, outcome: str) -> None:
    # an empty cell's reading is asked once per column: here, an empty name is fine
    def read(cell: object) -> tuple[object, tuple[object, ...]]:
        return (None, ()) if cell is None else _no_full_reading(cell)

    assert text_outcomes([value], read) == ([outcome], [])


@pytest.mark.parametrize(
    "value",
    [
        "",
        "   ",
        "Alpha\tBeta",
        "Alpha\nBeta",
        "Alpha\x07",
        "Alpha\x7f",
        "Élan",
        "A\u200bB",
        12,
    ],
)
def test_other_free_text_is_left_to_the_full_reading(value: object) -> None:
    # blank, a tab or line break, a control character, beyond ASCII, not a text
    asked = []

    def read(cell: object) -> tuple[object, tuple[object, ...]]:
        asked.append(cell)
        return ("read", ()) if cell is not None else (None, ())

    assert text_outcomes(["Alpha", value], read) == (["Alpha", "read"], [])
    assert asked == [None, value]


# ---- every distinct value read once, however many ------------------------------------------


def test_every_distinct_day_rate_is_read_once_however_many(
    config: Config, monkeypatch: pytest.MonkeyPatch
) -> None:
    # 5 000 distinct day rates, 100.01 to 150.00 €, each in two rows (a memo once stopped at
    # 4 096 values)
    rates = [Decimal(10_001 + i) / 100 for i in range(5000)]
    rows = [("Alpha", 1, float(rate), 10.0, 0.2, "oui", 4.0, date(2018, 3, 22)) for rate in rates]
    raw = sheet(*rows, *rows)
    parsed: list[object] = []
    parse = rows_module._AMOUNT_PARSERS[OfferField.DAY_RATE_HT]

    def counted(value: object) -> object:
        parsed.append(value)
        return parse(value)

    monkeypatch.setitem(rows_module._AMOUNT_PARSERS, OfferField.DAY_RATE_HT, counted)
    offers = reader(raw, config).read_all(raw.rows)
    assert [o.day_rate_ht for o in offers] == rates + rates
    assert str(offers[4999].day_rate_ht) == "150"  # 150.0 in the cell: read as 15 digits show it
    assert len(parsed) == 5000


def test_the_full_path_remembers_every_distinct_value(config: Config) -> None:
    rates = [Decimal(10_001 + i) / 100 for i in range(5000)]
    rows = [("Alpha", 1, float(rate), 10.0, 0.2, "oui", 4.0, date(2018, 3, 22)) for rate in rates]
    raw = sheet(*rows)
    row_reader = reader(raw, config)
    offers = [row_reader._read(number, values) for number, values in raw.rows]
    assert [o.day_rate_ht for o in offers] == rates
    day_rates = next(m for c, m in row_reader.plan if c.name == "day_rate_ht")
    assert day_rates is not None
    assert len(day_rates) == 5000


def test_a_float_with_binary_noise_reads_as_it_shows(config: Config) -> None:
    # =C2*D2 cached as 1350.3000000000002: the value anybody sees is 1350.3
    raw = sheet(("Alpha", 1, 1350.3000000000002, 10.0, 0.2, "oui", 4.0, date(2018, 3, 22)))
    offer = reader(raw, config).read(2, raw.rows[0][1])
    assert offer.day_rate_ht == Decimal("1350.3")
    assert str(offer.day_rate_ht) == "1350.3"
    assert offer.problems == ()


# ---- the clean path gives the full path's offer ----------------------------------------------


def test_a_clean_row_is_read_by_the_clean_path(config: Config) -> None:
    raw = sheet(GOOD)
    row_reader = reader(raw, config)
    assert row_reader.clean_plan is not None
    [offer] = row_reader.read_all(raw.rows)
    # made by the clean path: its identity comes with it, its mappings are shared
    assert offer._identity == ("alpha", 1, "")
    assert (offer.candidate, offer.lot, offer.day_rate_ht, offer.days) == (
        "Alpha",
        1,
        Decimal("450.5"),
        Decimal(10),
    )
    assert offer.vat_rate == Decimal("0.2")
    assert offer.documents == {"cv": True}
    assert offer.marks == {"quality": Decimal(4)}
    assert offer.received_at == date(2018, 3, 22)
    assert offer.cells["days"] == "D2"
    assert offer.round == 1
    assert offer.comments == offer.evaluator_marks == offer.pse == {}
    assert offer == row_reader._read(2, GOOD)


@pytest.mark.parametrize(
    "row",
    [
        ("Alpha", 1, "abc", 10.0, 0.2, "oui", 4.0, date(2018, 3, 22)),  # no number
        ("Alpha", 1, 450.555, 10.0, 0.2, "oui", 4.0, date(2018, 3, 22)),  # 3 decimals
        ("Alpha", 3, 450.0, 10.0, 0.2, "oui", 4.0, date(2018, 3, 22)),  # no lot 3
        ("Alpha", 1, 450.0, 10.0, 0.07, "oui", 4.0, date(2018, 3, 22)),  # unusual VAT rate
        ("Alpha", 1, 450.0, 10.0, 0.2, "oui", 9.0, date(2018, 3, 22)),  # mark above 5
        (None, 1, 450.0, 10.0, 0.2, "oui", 4.0, date(2018, 3, 22)),  # no candidate
        ("Alpha", 1, ErrorCell("#DIV/0!"), 10.0, 0.2, "oui", 4.0, date(2018, 3, 22)),
    ],
)
def test_a_row_with_a_problem_is_left_to_the_full_path(
    config: Config, row: tuple[object, ...]
) -> None:
    # between two clean rows, which the clean path makes
    raw = sheet(GOOD, row, GOOD)
    row_reader = reader(raw, config)
    first, offer, last = row_reader.read_all(raw.rows)
    assert offer.problems  # said by the full path, with its cell
    assert offer._identity is UNSET  # the full path's offer: its identity computed when asked
    assert first._identity == last._identity == ("alpha", 1, "")
    assert [o.row for o in (first, offer, last)] == [2, 3, 4]
    assert offer == row_reader._read(3, row)


def test_a_value_under_no_header_is_said_on_the_clean_path(config: Config) -> None:
    row = (*GOOD, "stray")
    raw = sheet(row)
    offer = reader(raw, config).read(2, row)
    assert [(p.code, p.cell) for p in offer.problems] == [("no-header", "I2")]


_CELLS = st.one_of(
    st.none(),
    st.sampled_from(["", " ", "oui", "non", "x", "Lot 2", "1", "3,5", "20 %", "abc", "N/A"]),
    st.sampled_from([0.0, -0.0, 1.0, 2.0, 3.0, 0.2, 0.055, 450.5, 450.555, 1e13, float("nan")]),
    st.integers(min_value=-2, max_value=7),
    st.booleans(),
    st.sampled_from([date(2018, 3, 22), datetime(2018, 3, 22, 17, 30), ErrorCell("#REF!")]),
    st.sampled_from([Decimal("2.50"), Decimal("-1"), UncomputedFormula("=A1")]),
    st.text(max_size=6),
)


# values each column reads without a problem (most cells of a sheet), then anything
_GOOD = (
    ["Alpha", " Beta ", "Société  Élan", "ALPHA"],
    [1, 1.0, 2.0, "Lot 2"],
    [450.5, 450.0, 1350.3000000000002, "500,50"],
    [10.0, 12.5, "12,5"],
    [0.2, "20 %", 0.055, "exonéré"],
    ["oui", "non", "x", None],
    [4.0, 3.5, "3,5", None],
    [date(2018, 3, 22), datetime(2018, 3, 21, 17, 30), "22/03/2018"],
    [None],
)


def _mostly(good: list[object]) -> st.SearchStrategy[object]:
    """A good value nine times in ten, anything the tenth: a third of the rows are clean."""
    return st.integers(0, 9).flatmap(lambda k: _CELLS if k == 0 else st.sampled_from(good))


# the consultation is only read, never changed: one for every example
@settings(
    deadline=None, max_examples=200, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    rows=st.lists(
        st.tuples(*(_mostly(good) for good in _GOOD)),
        min_size=1,
        max_size=6,
    )
)
def test_read_gives_the_full_paths_offer_for_any_row(
    config: Config, rows: list[tuple[object, ...]]
) -> None:
    # the memo is shared by the rows, as in a sheet: a value read once is read again from it;
    # a ninth cell stands under no header
    raw = sheet(*rows)
    fast, full = reader(raw, config), reader(raw, config)
    whole = reader(raw, config).read_all(raw.rows)
    assert whole == [full._read(number, values) for number, values in raw.rows]
    for number, values in raw.rows:
        offer = fast.read(number, values)
        assert offer == full._read(number, values)
        assert [p.code for p in offer.problems] == [
            p.code for p in full._read(number, values).problems
        ]


WIDE = (*HEADER, "quality commentaire", "", "variant", "round", "jury_decision", "jury_reason")
_WIDE_GOOD = (
    *_GOOD[:-1],
    ["Très bien", "  bien  ", None, "Élan\tvif"],  # the comment
    [None, None, "stray"],  # a cell under a blank header
    [None, "Option A", " option  a"],
    [None, 1.0, 2.0, "2"],
    [None, "irrégulière", "offre inacceptable"],
    [None, "hors délai", "pièce manquante"],
)


@settings(
    deadline=None, max_examples=200, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    rows=st.lists(
        st.tuples(st.tuples(*(_mostly(good) for good in _WIDE_GOOD)), st.integers(0, 3)),
        min_size=1,
        max_size=8,
    )
)
def test_read_all_gives_the_full_paths_offers_with_every_kind_of_column(
    config: Config, rows: list[tuple[tuple[object, ...], int]]
) -> None:
    # comments, a blank header, variants, rounds, jury decisions and reasons; some rows shorter
    # than the header (a reader gives a row up to its last value)
    raw = sheet(*(values[: len(values) - cut] for values, cut in rows), header=WIDE)
    whole = reader(raw, config).read_all(raw.rows)
    full = reader(raw, config)
    expected = [full._read(number, values) for number, values in raw.rows]
    assert whole == expected
    for offer, other in zip(whole, expected, strict=True):
        assert offer.problems == other.problems
        assert offer.identity == other.identity
        assert [str(m) for m in offer.marks.values()] == [str(m) for m in other.marks.values()]


# ---- the identity, computed once -------------------------------------------------------------


def test_the_identity_is_computed_once_and_recomputed_for_a_changed_offer(config: Config) -> None:
    raw = sheet(("  Société  ÉLAN ", 2, 450.0, 10.0, 0.2, "oui", 4.0, date(2018, 3, 22)))
    offer = reader(raw, config).read(2, raw.rows[0][1])
    assert offer.identity == ("societe elan", 2, "")
    assert offer._identity == ("societe elan", 2, "")  # kept for the next question
    assert offer.identity is offer.identity
    other = replace(offer, candidate="Bêta", variant="Option A")
    assert other.identity == ("beta", 2, "option a")
    assert replace(offer, lot=None).identity is None
    assert offer == replace(offer)  # the cache is no part of the offer


# ---- the offers grouped once by identity -----------------------------------------------------


def test_versions_groups_the_offers_of_one_identity_in_sheet_order(config: Config) -> None:
    raw = sheet(
        ("Alpha", 1, 450.0, 10.0, 0.2, "oui", 4.0, date(2018, 3, 22)),
        ("Beta", 1, 450.0, 10.0, 0.2, "oui", 4.0, date(2018, 3, 22)),
        ("ALPHA", 1, 440.0, 10.0, 0.2, "oui", 4.0, date(2018, 3, 22)),
        ("Alpha", 2, 450.0, 10.0, 0.2, "oui", 4.0, date(2018, 3, 22)),
        ("Gamma", "lot ?", 450.0, 10.0, 0.2, "oui", 4.0, date(2018, 3, 22)),  # no identity
    )
    row_reader = reader(raw, config)
    offers = tuple(row_reader.read(number, values) for number, values in raw.rows)
    groups = versions(offers)
    assert {key: [o.row for o in group] for key, group in groups.items()} == {
        ("alpha", 1, ""): [2, 4],
        ("beta", 1, ""): [3],
        ("alpha", 2, ""): [5],
    }


def test_duplicates_and_similar_names_found_from_the_groups(config: Config) -> None:
    raw = sheet(
        ("Alpha", 1, 450.0, 10.0, 0.2, "oui", 4.0, date(2018, 3, 22)),
        ("Beta", 1, 450.0, 10.0, 0.2, "oui", 4.0, date(2018, 3, 22)),
        ("ALPHA", 1, 440.0, 10.0, 0.2, "oui", 4.0, date(2018, 3, 22)),
        ("béta", 2, 450.0, 10.0, 0.2, "oui", 4.0, date(2018, 3, 22)),
    )
    book = parse_offers(raw, config, Path("offers.xlsx"))
    found = [(p.code, p.cell) for p in book.problems]
    # rows 2 and 4: one offer twice on lot 1; rows 3 and 5: one name spelt two ways
    assert found == [
        ("duplicate-offer", "A2"),
        ("similar-candidates", "A3"),
        ("duplicate-offer", "A4"),
        ("similar-candidates", "A5"),
    ]


# ---- the cycle collector, paused while reading -----------------------------------------------


def test_the_collector_is_paused_while_reading_then_restored() -> None:
    assert gc.isenabled()
    with without_cycle_collection():
        assert not gc.isenabled()
    assert gc.isenabled()


def test_the_collector_is_restored_after_an_error() -> None:
    with pytest.raises(ZeroDivisionError), without_cycle_collection():
        1 / 0  # noqa: B018
    assert gc.isenabled()


def test_a_collector_already_paused_stays_paused() -> None:
    gc.disable()
    try:
        with without_cycle_collection():
            assert not gc.isenabled()
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_the_offers_are_the_same_with_or_without_the_collector(config: Config) -> None:
    raw = sheet(GOOD, ("Beta", 2, "500,50", "12,5", "20 %", "non", "3,5", "21/03/2018 17:30"))
    book = parse_offers(raw, config, Path("offers.xlsx"))
    assert gc.isenabled()
    assert [(o.candidate, o.day_rate_ht, o.days, o.vat_rate) for o in book.offers] == [
        ("Alpha", Decimal("450.5"), Decimal(10), Decimal("0.2")),
        ("Beta", Decimal("500.50"), Decimal("12.5"), Decimal("0.2")),
    ]
    assert book.problems == ()
    assert isinstance(book.offers[0], Offer)


def test_read_all_reads_an_unhashable_value_on_its_own(config: Config) -> None:
    # no reader gives one; were it to, the column's memo is not asked for it
    odd = ("Alpha", 1, 450.0, 10.0, 0.2, ["oui"], 4.0, date(2018, 3, 22))
    raw = sheet(GOOD, odd, GOOD)
    offers = reader(raw, config).read_all(raw.rows)
    assert [o.row for o in offers] == [2, 3, 4]
    assert [(p.code, p.cell) for p in offers[1].problems] == [("bad-yes-no", "F3")]
    assert offers[0].problems == offers[2].problems == ()
    assert offers == [reader(raw, config)._read(number, values) for number, values in raw.rows]


def test_a_sheet_without_any_known_column_still_gives_its_rows(config: Config) -> None:
    raw = sheet(("x", "y"), ("z", "t"), header=("Remarques", "Divers"))
    book = parse_offers(raw, config, Path("offers.xlsx"))
    assert [o.row for o in book.offers] == [2, 3]
    assert [o.candidate for o in book.offers] == [None, None]
    assert book.errors  # the header says which columns are missing
