"""A column of the offers sheet read at once (:mod:`referent_ess.intake.column_readings`) and
the offers made from their columns (:func:`referent_ess.intake.offer.offers_of`): each distinct
value read once, the cells with a problem marked, values Python calls equal but a sheet reads
differently kept apart, one mapping shared by the rows that give the same outcomes.

Expected values are typed by hand."""

import dataclasses
from datetime import date, datetime
from decimal import Decimal
from types import MappingProxyType

import pytest

from referent_ess.intake.column_readings import (
    BAD,
    EMPTY,
    column_cells,
    memo_outcomes,
    shared_mappings,
)
from referent_ess.intake.offer import SLOTS, CellRefs, Offer, offers_of

Reading = tuple[object, tuple[object, ...]]


def reader(readings: dict[object, Reading]) -> tuple[list[object], object]:
    """A column's reading that says what it read, by the repr of each value (so that 0.0 and
    -0.0, 1 and 1.0 are told apart)."""
    asked: list[object] = []

    def read(value: object) -> Reading:
        asked.append(value)
        return readings[repr(value)]

    return asked, read


def test_each_distinct_value_is_read_once() -> None:
    asked, read = reader({"450.5": ("a", ()), "12.0": ("b", ())})
    outcomes, bad = memo_outcomes([450.5, 12.0, 450.5, 450.5, 12.0], read)  # type: ignore[arg-type]
    assert outcomes == ["a", "b", "a", "a", "b"]
    assert bad == []
    assert sorted(asked) == [12.0, 450.5]  # type: ignore[type-var]


def test_a_cell_with_a_problem_is_marked_and_its_position_given() -> None:
    _, read = reader({"'oui'": (True, ()), "'peut-être'": (None, ("bad-yes-no",))})
    outcomes, bad = memo_outcomes(["oui", "peut-être", "oui", "peut-être"], read)  # type: ignore[arg-type]
    assert outcomes == [True, BAD, True, BAD]
    assert bad == [1, 3]


@pytest.mark.parametrize(
    "cells",
    [
        [0.0, -0.0, 0.0],  # equal in Python; « -0 » in a sheet
        [1.0, 1, True],  # equal in Python: a float, an integer, a boolean
        [1.0, float("nan"), float("nan")],  # a NaN equals nothing, itself included
        [Decimal("2.5"), Decimal("2.50")],
        [date(2018, 3, 22), datetime(2018, 3, 22, 0, 0)],
        [float("inf"), float("-inf")],  # their sum is NaN: the column is keyed cell by cell
    ],
)
def test_values_python_calls_equal_are_read_apart(cells: list[object]) -> None:
    readings = {repr(value): (repr(value), ()) for value in cells}
    _, read = reader(readings)
    outcomes, _ = memo_outcomes(cells, read)  # type: ignore[arg-type]
    assert outcomes == [repr(value) for value in cells]


def test_an_unhashable_value_is_read_on_its_own() -> None:
    _, read = reader({"['oui']": (None, ("bad-yes-no",)), "'oui'": (True, ())})
    outcomes, bad = memo_outcomes(["oui", ["oui"], "oui"], read)  # type: ignore[arg-type]
    assert outcomes == [True, BAD, True]
    assert bad == [1]


def test_a_shorter_row_has_no_cell_in_the_column() -> None:
    assert column_cells([(1, 2, 3), (4,), (5, 6)], 1) == [2, None, 6]
    assert column_cells([(1, 2), (3, 4)], 0) == [1, 3]


def test_rows_of_the_same_outcomes_share_one_read_only_mapping() -> None:
    # as a column's outcomes are: one object for each distinct value read
    four, other_four, three = Decimal("4"), Decimal("4.0"), Decimal("3")  # 4 and 4.0: equal
    marks = shared_mappings(
        ["quality", "price"],
        [[four, four, other_four, None], [three, three, three, None]],
        lambda outcome: outcome,
    )
    first, second, third, fourth = marks  # type: ignore[misc]
    assert first is second
    assert first == {"quality": Decimal("4"), "price": Decimal("3")}
    assert isinstance(first, MappingProxyType)
    assert third is not first
    assert str(third["quality"]) == "4.0"
    assert fourth is EMPTY
    assert fourth == {}


def test_documents_are_told_apart_by_their_values() -> None:
    documents = shared_mappings(
        ["cv", "note"], [[True, False, True], [True, True, True]], bool, singletons=True
    )
    first, second, third = documents  # type: ignore[misc]
    assert first is third
    assert first == {"cv": True, "note": True}
    assert second == {"cv": False, "note": True}


def test_no_column_is_one_empty_mapping_for_every_row() -> None:
    assert list(zip(range(3), shared_mappings([], [], bool), strict=False)) == [
        (0, EMPTY),
        (1, EMPTY),
        (2, EMPTY),
    ]


def test_an_offer_made_from_its_columns_is_the_offer_of_its_fields() -> None:
    # a distinct value for each attribute: each must land in its own slot
    values = tuple(object() for _ in SLOTS)
    [offer] = offers_of([values])
    assert type(offer) is Offer
    assert [getattr(offer, name) for name in SLOTS] == list(values)
    assert SLOTS[-1] == "_identity"


def test_an_offer_made_from_its_columns_equals_the_dataclasss_and_is_frozen() -> None:
    fields = {
        "row": 2,
        "candidate": "Alpha",
        "lot": 1,
        "day_rate_ht": Decimal("450.5"),
        "days": Decimal(10),
        "vat_rate": Decimal("0.2"),
        "price_ht_stated": None,
        "received_at": date(2018, 3, 22),
        "documents": {"cv": True},
        "marks": {"quality": Decimal(4)},
        "cells": CellRefs({"candidate": "A"}, 2),
        "comments": {},
        "evaluator_marks": {},
        "missing_evaluators": {},
        "problems": (),
        "jury_decision": None,
        "jury_reason": None,
        "variant": None,
        "round": 1,
        "pse": {},
        "address": (),
        "lines": None,
    }
    [offer] = offers_of([(*fields.values(), ("alpha", 1, ""))])
    expected = Offer(**fields)  # type: ignore[arg-type]
    assert offer == expected
    assert hash(offer.row) == hash(expected.row)
    assert offer.identity == expected.identity == ("alpha", 1, "")
    with pytest.raises(dataclasses.FrozenInstanceError):
        offer.candidate = "Beta"  # type: ignore[misc]
    assert dataclasses.replace(offer, candidate="Beta").candidate == "Beta"
