"""A small consultation with PSE (prestations supplémentaires éventuelles), shared by the tests of
config, intake, evaluation, analysis, render and scaffold (``tests`` is on pytest's python path).

Every figure below is worked out by hand.

Lot 1 « Nettoyage » is priced as a lump sum, cap 11000.00 HT, with two PSE: PSE1 « Nettoyage
des vitres » (retained) and PSE2 « Espaces verts » (not retained). Lot 2 « Conseil » is priced
by day rate × days, cap 5000.00 HT, with one PSE: PSE3 « Formation » (retained).
Criteria: quality 60 points (mark / 5 × 60), price 40 points, proportional on the price HT.

Lot 1 (compared price HT = base + PSE1):

| row | offer | base HT | PSE1 | PSE2 | VAT | compared HT | quality |
|---|---|---|---|---|---|---|---|
| 2 | Alpha | 10000.00 | 500.00 | 300.00 | 20 % | 10500.00 | 4 → 48 |
| 3 | Beta | 9800.00 | 900.00 | 100.00 | 20 % | 10700.00 | 4 → 48 |
| 4 | Gamma | 9000.10 | 1200.10 | 200.00 | 5.5 % | 10200.20 | 3 → 36 |

TTC, each part to the cent then added:
- Alpha: 10000.00 × 1.2 = 12000.00; 500.00 × 1.2 = 600.00; 12600.00.
- Beta: 9800.00 × 1.2 = 11760.00; 900.00 × 1.2 = 1080.00; 12840.00.
- Gamma: 9000.10 × 1.055 = 9495.1055 → 9495.11; 1200.10 × 1.055 = 1266.1055 → 1266.11;
  10761.22 (while 10200.20 × 1.055 = 10761.211 → 10761.21: the parts are what is added).

Pmin = 10200.20 (Gamma). Price points = 40 × 10200.20 / P:
- Alpha: 408008 / 10500 = 102002/2625 (38.857…); total 48 + 102002/2625 = 228002/2625 (86.86)
- Beta: 408008 / 10700 = 102002/2675 (38.131…); total 48 + 102002/2675 = 230402/2675 (86.13)
- Gamma: 40; total 76.
Ranking: Alpha, Beta, Gamma.

Lot 2: Eps 450 × 10 = 4500.00 + PSE3 250.50 = 4750.50 HT; TTC 5400.00 + 300.60 = 5700.60.
Zeta 400 × 10 = 4000.00 prices no PSE3: an error on its cell I6 naming Eps (I5).
Eps also fills PSE1 (G5), a PSE lot 2 does not declare: a warning, not read.
"""

from collections.abc import Sequence
from pathlib import Path

LOTS = """\
consultation:
  title: Nettoyage et conseil
  deadline: 2026-03-23
  vat_rate: 0.20
  cap_basis: ht
lots:
  - id: 1
    title: Nettoyage
    cap_ht: 11000
    price_model: lump_sum
    pse:
      - {id: PSE1, label: Nettoyage des vitres, retained: true}
      - {id: PSE2, label: Espaces verts, retained: false}
  - id: 2
    title: Conseil
    cap_ht: 5000
    pse:
      - {id: PSE3, label: Formation, retained: true}
"""

CRITERIA = """\
criteria:
  - {id: quality, label: Qualité, weight: 60}
  - {id: price, label: Prix, weight: 40, price: {formula: proportional, basis: ht}}
"""

# the PSE headed three ways: by id with a space and HT, by label, by id in lower case
HEADER = (
    "candidate",
    "lot",
    "day_rate_ht",
    "days",
    "vat_rate",
    "price_ht",
    "PSE 1 HT",
    "Espaces verts",
    "pse3",
    "quality",
)
ROWS: tuple[tuple[object, ...], ...] = (
    ("Alpha", 1, None, None, "0.2", "10000", "500", "300", None, 4),
    ("Beta", 1, None, None, "0.2", "9800", "900", "100", None, 4),
    ("Gamma", 1, None, None, "0.055", "9000.10", "1200.10", "200", None, 3),
    ("Eps", 2, "450", "10", "0.2", None, "12", None, "250.50", 4),
    ("Zeta", 2, "400", "10", "0.2", None, None, None, None, 4),
)


def write_csv(path: Path, header: Sequence[object], rows: Sequence[Sequence[object]]) -> Path:
    """A CSV offers sheet (empty cells for None), written as a buyer's spreadsheet saves it."""
    lines = [",".join(str(h) for h in header)]
    lines += [",".join("" if v is None else str(v) for v in row) for row in rows]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def consultation(
    tmp_path: Path,
    *,
    lots: str = LOTS,
    header: Sequence[object] = HEADER,
    rows: Sequence[Sequence[object]] = ROWS,
) -> tuple[Path, Path, Path]:
    """lots.yaml, criteria.yaml and offers.csv in ``tmp_path``."""
    lots_path, criteria_path = tmp_path / "lots.yaml", tmp_path / "criteria.yaml"
    lots_path.write_text(lots, encoding="utf-8")
    criteria_path.write_text(CRITERIA, encoding="utf-8")
    return lots_path, criteria_path, write_csv(tmp_path / "offers.csv", header, rows)
