"""A small consultation with a descriptor scale and announced thresholds, shared by the tests of
intake, evaluation, render, cli and scaffold (``tests`` is on pytest's python path).

Every figure below is worked out by hand:

- methode (Méthodologie, 40 points, on the scale appreciation: Très satisfaisant 5,
  Satisfaisant 3, Peu satisfaisant 1, Insuffisant 0): points = 100 × 40/100 × mark/5 = 8 × mark,
  so 40, 24, 8, 0; its threshold is 16 points;
- moyens (Moyens humains, 20 points, marked 0 to 5): points = 20 × mark/5 = 4 × mark;
- technique (Valeur technique, 60 points) = methode + moyens; its threshold is 30 points;
- prix (40 points): 40 × Pmin / P on the TTC prices of the admissible offers (all at 20 % VAT).

The offers (day rate × days = price HT; TTC = HT × 1.2):

| offer | methode typed | methode | moyens | technique | HT | status |
|---|---|---|---|---|---|---|
| Alpha | Très satisfaisant | 40 | 3 → 12 | 52 | 500 × 20 = 10000 | 1st |
| Beta | satisfaisant | 24 | 1.5 → 6 | 30 (= threshold) | 400 × 20 = 8000 | 2nd |
| Gamma | PEU SATISFAISANT. | 8 < 16 | 5 → 20 | 28 < 30 | 350 × 20 = 7000 | below both |
| Delta | 3 (Satisfaisant's mark) | 24 | 1 → 4 | 28 < 30 | 450 × 20 = 9000 | below technique's |

Pmin = 8000 × 1.2 = 9600 (Beta; Gamma, cheaper, is eliminated); Alpha's TTC is 12000.
Price points: Beta 40; Alpha 40 × 9600/12000 = 32. Totals: Alpha 52 + 32 = 84, Beta 30 + 40 = 70.
"""

from collections.abc import Sequence
from pathlib import Path

import openpyxl

LOTS = """\
consultation: {title: Nettoyage des locaux, vat_rate: 0.20}
lots:
  - {id: 1, title: Bureaux, cap_ht: 100000}
"""

CRITERIA = """\
scales:
  appreciation:
    Très satisfaisant: 5
    Satisfaisant: 3
    Peu satisfaisant: 1
    Insuffisant: 0
criteria:
  - id: technique
    label: Valeur technique
    weight: 60
    min_points: 30
    sub_criteria:
      - {id: methode, label: Méthodologie, weight: 40, scale: appreciation, min_points: 16}
      - {id: moyens, label: Moyens humains, weight: 20}
  - {id: prix, label: Prix, weight: 40, price: {formula: proportional}}
"""

HEADER = ["candidate", "lot", "day_rate_ht", "days", "vat_rate", "methode", "moyens"]
ROWS: list[list[object]] = [
    ["Alpha", 1, 500, 20, 0.2, "Très satisfaisant", 3],
    ["Beta", 1, 400, 20, 0.2, "satisfaisant", 1.5],
    ["Gamma", 1, 350, 20, 0.2, "PEU SATISFAISANT.", 5],
    ["Delta", 1, 450, 20, 0.2, 3, 1],
]


def write_consultation(
    folder: Path,
    rows: Sequence[Sequence[object]] = ROWS,
    *,
    criteria: str = CRITERIA,
    header: Sequence[str] = HEADER,
    marks: Sequence[Sequence[object]] | None = None,
) -> tuple[Path, Path, Path]:
    """lots.yaml, criteria.yaml and offers.xlsx in ``folder`` (with ``marks``, a marks sheet
    Candidat, Lot, Critère, Évaluateur, Note)."""
    lots_path, criteria_path = folder / "lots.yaml", folder / "criteria.yaml"
    lots_path.write_text(LOTS, encoding="utf-8")
    criteria_path.write_text(criteria, encoding="utf-8")
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "offers"
    sheet.append(list(header))
    for row in rows:
        sheet.append(list(row))
    if marks is not None:
        notes = book.create_sheet("notes")
        notes.append(["Candidat", "Lot", "Critère", "Évaluateur", "Note"])
        for row in marks:
            notes.append(list(row))
    offers = folder / "offers.xlsx"
    book.save(offers)
    return lots_path, criteria_path, offers


def arguments(folder: Path) -> list[str]:
    """``--lots`` and ``--criteria`` of the consultation written in ``folder``, then its
    workbook."""
    return [
        "--lots",
        str(folder / "lots.yaml"),
        "--criteria",
        str(folder / "criteria.yaml"),
        str(folder / "offers.xlsx"),
    ]
