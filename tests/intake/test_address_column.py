"""The candidate's address (an optional column, for its letter): each line of the cell, spaces
tidied and empty lines dropped, under any of its header names."""

from collections.abc import Callable
from pathlib import Path

import pytest

from consultation_text import HEADER, WorkbookMaker
from referent_ess.config.loader import load_config
from referent_ess.intake.offers import load_offers


@pytest.mark.parametrize("title", ["Adresse", "Adresse du candidat", "ADRESSE POSTALE", "address"])
def test_an_address_column_gives_each_line(
    make_config: Callable[..., tuple[Path, Path]], make_workbook: WorkbookMaker, title: str
) -> None:
    config = load_config(*make_config())
    rows = [
        ["Alpha", 1, 400, 10, 0.2, "oui", 4, "12 rue des Lilas\n44100 Nantes"],
        ["Beta", 1, 500, 10, 0.2, "oui", 3, "  3  allée des Chênes \r\n\r\n 49000   Angers "],
        ["Gamma", 1, 450, 10, 0.2, "oui", 3, None],
    ]
    book = load_offers(make_workbook(rows, [*HEADER, title]), config)
    assert [offer.address for offer in book.offers] == [
        ("12 rue des Lilas", "44100 Nantes"),
        ("3 allée des Chênes", "49000 Angers"),
        (),
    ]
    assert [p.code for p in book.problems] == []  # an empty address is no problem


def test_no_address_column(
    make_config: Callable[..., tuple[Path, Path]], make_workbook: WorkbookMaker
) -> None:
    config = load_config(*make_config())
    book = load_offers(make_workbook([["Alpha", 1, 400, 10, 0.2, "oui", 4]]), config)
    assert book.offers[0].address == ()
