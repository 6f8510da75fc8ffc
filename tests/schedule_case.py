"""A consultation with a schedule lot (BPU × DQE) and a DPGF lot, its workbook (an offers sheet
and a ``prix`` sheet) built in tmp_path: shared by the intake, evaluation and render tests."""

from collections.abc import Sequence
from pathlib import Path

import openpyxl

# Lot 1: a DQE of three lines (cap 10000 HT); lot 2: a DPGF of two lines (cap 5000 HT).
LOTS = """\
consultation:
  title: Test consultation
  deadline: 2018-03-23
  vat_rate: 0.20
  cap_basis: ht
  required_documents: [cv]
lots:
  - id: 1
    title: Lot one
    cap_ht: 10000
    price_model: schedule
    lines:
      - {id: "1.1", label: Installation, unit: forfait, quantity: 1}
      - {id: "1.2", label: Heure de nettoyage, unit: h, quantity: 1.5}
      - {id: "2", label: Produits, unit: kg, quantity: 12}
  - id: 2
    title: Lot two
    cap_ht: 5000
    price_model: dpgf
    lines:
      - {id: A, label: Études}
      - {id: B, label: Travaux}
"""

CRITERIA = """\
total: 100
marks_scale: 5
criteria:
  - {id: quality, label: Quality, weight: 60}
  - {id: price, label: Price, weight: 40, price: {formula: proportional, basis: ht}}
tie_break: [price]
"""

OFFERS_HEADER = ["candidate", "lot", "vat_rate", "price_ht", "cv", "quality"]
OFFERS = [
    ["Alpha", 1, 0.2, 555.34, "oui", 4],  # row 2: its stated total is right
    ["Beta", 1, 0.2, 518, "oui", 4],  # row 3: line 1.2's amount stated 20.00, not 30.00
    ["Gamma", 1, 0.2, 600, "oui", 5],  # row 4: the total alone is wrong
    ["Delta", 2, 0.2, 3500.50, "oui", 3],  # row 5
    ["Eps", 2, 0.2, 3300, "oui", 5],  # row 6: its lines make 3200.00
]
PRICES_HEADER = ["candidat", "lot", "ligne", "prix unitaire HT", "montant HT"]
PRICES = [
    ["Alpha", 1, "1.1", 500, None],  # row 2: 500.00 × 1 = 500.00
    ["Alpha", 1, "1.2", 10.25, None],  # row 3: 10.25 × 1.5 = 15.375 → 15.38
    ["Alpha", 1, "2", 3.33, None],  # row 4: 3.33 × 12 = 39.96
    ["Beta", 1, "1.1", 450, 450],  # row 5
    ["Beta", 1, "1.2", 20, 20],  # row 6: 20 × 1.5 = 30.00, stated 20.00
    ["Beta", 1, "2", 4, 48],  # row 7: 4 × 12 = 48.00
    ["Gamma", 1, "1.1", 520, None],  # row 8
    ["Gamma", 1, "1.2", 12.10, None],  # row 9: 12.10 × 1.5 = 18.15
    ["Gamma", 1, "2", 5.05, None],  # row 10: 5.05 × 12 = 60.60
    ["Delta", 2, "A", None, 1000],  # row 11: a DPGF line's amount
    ["Delta", 2, "B", None, 2500.50],  # row 12
    ["Eps", 2, "A", None, 1200],  # row 13
    ["Eps", 2, "B", None, 2000],  # row 14
]


def write_workbook(
    path: Path,
    offers: Sequence[Sequence[object]] = OFFERS,
    prices: Sequence[Sequence[object]] | None = PRICES,
    *,
    offers_header: Sequence[object] = OFFERS_HEADER,
    prices_header: Sequence[object] = PRICES_HEADER,
    prices_sheet: str = "prix",
) -> Path:
    """An offers sheet and (unless ``prices`` is None) a prices sheet."""
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = "offers"
    sheet.append(list(offers_header))
    for row in offers:
        sheet.append(list(row))
    if prices is not None:
        lines = workbook.create_sheet(prices_sheet)
        lines.append(list(prices_header))
        for row in prices:
            lines.append(list(row))
    workbook.save(path)
    return path


def write_case(
    tmp_path: Path,
    offers: Sequence[Sequence[object]] = OFFERS,
    prices: Sequence[Sequence[object]] | None = PRICES,
    *,
    lots: str = LOTS,
    **kwargs: object,
) -> list[Path]:
    """lots.yaml, criteria.yaml and the workbook, in ``tmp_path``."""
    (tmp_path / "lots.yaml").write_text(lots, encoding="utf-8")
    (tmp_path / "criteria.yaml").write_text(CRITERIA, encoding="utf-8")
    book = write_workbook(tmp_path / "offers.xlsx", offers, prices, **kwargs)  # type: ignore[arg-type]
    return [tmp_path / "lots.yaml", tmp_path / "criteria.yaml", book]
