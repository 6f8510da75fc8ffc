"""The PSE columns of the offers sheet: matched by the PSE's id or label (with or without
spaces and « HT »), each amount read as any amount (same readers, same codes), an empty cell of
a PSE its lot declares located and naming the offers that priced it, an amount for a lot that
does not declare the PSE a warning, a missing column an error."""

from decimal import Decimal
from pathlib import Path

import pytest

from helpers import english
from pse_consultation import HEADER, LOTS, ROWS, consultation
from referent_ess import api


@pytest.mark.parametrize(
    "heading",
    ["PSE1", "PSE 1", "pse 1 HT", "PSE1 (HT)", "PSE 1 montant HT", "Nettoyage des vitres",
     "NETTOYAGE DES VITRES HT", "Nettoyage des vitres hors taxes"],
)  # fmt: skip
def test_a_pse_column_is_found_by_its_id_or_its_label(tmp_path: Path, heading: str) -> None:
    header = (*HEADER[:6], heading, *HEADER[7:])
    _, book = api.load(*consultation(tmp_path, header=header))
    column = next(c for c in book.columns if c.letter == "G")
    assert column.name == "pse:PSE1"
    alpha = book.offers[0]
    assert alpha.pse == {"PSE1": Decimal("500.00"), "PSE2": Decimal("300.00")}


def test_each_empty_cell_of_a_declared_pse_is_an_error_naming_who_priced_it(
    tmp_path: Path,
) -> None:
    # lot 1: Beta (row 3) leaves PSE2 empty, Alpha (H2) and Gamma (H4) price it
    rows = list(ROWS)
    rows[1] = ("Beta", 1, None, None, "0.2", "9800", "900", None, None, 4)
    _, book = api.load(*consultation(tmp_path, rows=rows))
    missing = [p for p in book.problems if p.code == "pse-missing"]
    assert [(p.cell, p.field, p.row) for p in missing] == [
        ("H3", "pse:PSE2", 3),
        ("I6", "pse:PSE3", 6),
    ]
    assert english(missing[0]) == (
        'no amount for the PSE PSE2 ("Espaces verts") of lot 1, priced in the lot by: Alpha (H2), '
        "Gamma (H4); give the amount HT the offer states"
    )
    assert english(missing[1]) == (
        'no amount for the PSE PSE3 ("Formation") of lot 2, priced in the lot by: Eps (I5); give '
        "the amount HT the offer states"
    )
    assert all(p.is_error for p in missing)


def test_a_pse_no_offer_prices_is_an_error_on_every_cell(tmp_path: Path) -> None:
    rows = [(*row[:7], None, *row[8:]) if row[1] == 1 else row for row in ROWS]
    _, book = api.load(*consultation(tmp_path, rows=rows))
    missing = [p for p in book.problems if p.code == "pse-missing" and p.field == "pse:PSE2"]
    assert [p.cell for p in missing] == ["H2", "H3", "H4"]
    assert english(missing[0]) == (
        'no amount for the PSE PSE2 ("Espaces verts") of lot 1, and no offer of the lot prices '
        "it; give the amount HT each offer states, or remove the PSE from lots.yaml"
    )


def test_an_amount_for_a_lot_that_does_not_declare_the_pse_is_a_warning(tmp_path: Path) -> None:
    _, book = api.load(*consultation(tmp_path))
    eps = book.offers[3]
    assert eps.pse == {"PSE3": Decimal("250.50")}  # its PSE1 amount (G5) is not read
    [warning] = [p for p in eps.problems if p.code == "not-for-lot"]
    assert (warning.cell, warning.is_error) == ("G5", False)
    assert english(warning) == (
        "lot 2 declares no PSE PSE1 (lots.yaml): the amount is not read; leave the cell empty"
    )


@pytest.mark.parametrize(
    ("typed", "code"),
    [
        ("abc", "bad-number"),
        ("-5", "not-positive"),
        ("0", "not-positive"),
        ("12.3456", "too-many-decimals"),
        ("1.234", "ambiguous-number"),
        ("1000000000000", "too-large"),
    ],
)
def test_an_unreadable_pse_amount_gets_the_amount_readers_code_on_its_cell(
    tmp_path: Path, typed: str, code: str
) -> None:
    rows = list(ROWS)
    rows[2] = ("Gamma", 1, None, None, "0.055", "9000.10", typed, "200", None, 3)
    _, book = api.load(*consultation(tmp_path, rows=rows))
    gamma = book.offers[2]
    assert [(p.code, p.cell, p.field) for p in gamma.errors] == [(code, "G4", "pse:PSE1")]
    assert "PSE1" not in gamma.pse
    # the unreadable cell is not also said to be missing
    assert not any(p.code == "pse-missing" for p in gamma.problems)


def test_a_missing_pse_column_is_named_with_its_label(tmp_path: Path) -> None:
    header = [h for h in HEADER if h != "pse3"]
    rows = [row[:8] + row[9:] for row in ROWS]
    _, book = api.load(*consultation(tmp_path, header=header, rows=rows))
    [missing] = [p for p in book.sheet_problems if p.code == "missing-column"]
    assert english(missing) == (
        'no column for the PSE PSE3 ("Formation", lots.yaml): add a column headed PSE3 with the '
        "amount HT each offer of its lot states"
    )


def test_a_consultation_without_pse_reads_no_pse_column(tmp_path: Path) -> None:
    """Without PSE in lots.yaml, the PSE headers are columns the tool does not know, as
    before: « PSE 1 HT » looks like an amount HT (an error: it could hold a price), the others
    are unknown (warnings)."""
    lots = LOTS.split("    pse:\n")[0].rstrip() + "\n  - {id: 2, title: Conseil, cap_ht: 5000}\n"
    _, book = api.load(*consultation(tmp_path, lots=lots))
    assert [(p.code, p.cell, p.severity.value) for p in book.sheet_problems] == [
        ("suspicious-column", "G1", "error"),
        ("unknown-column", "H1", "warning"),
        ("unknown-column", "I1", "warning"),
    ]
    assert all(not o.pse for o in book.offers)
