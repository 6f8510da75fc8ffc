"""The schedule consultation of :mod:`schedule_case` with a PSE priced by lines on each lot:
lot 1 (schedule) has PSE1, retained, of two DQE lines; lot 2 (DPGF) has PSE2, not retained, of
two DPGF lines. Alpha and Beta price PSE1, Gamma does not; Delta prices PSE2, Eps one of its
two lines only. Shared by the intake, evaluation and render tests."""

from pathlib import Path

from schedule_case import LOTS, OFFERS, PRICES, write_case

PSE1 = """\
    pse:
      - id: PSE1
        label: Vitres
        retained: true
        lines:
          - {id: P1.1, label: Vitres intérieures, unit: m2, quantity: 2.5}
          - {id: P1.2, label: Vitres extérieures, unit: m2, quantity: 1.5}
"""
PSE2 = """\
    pse:
      - id: PSE2
        label: Option
        retained: false
        lines:
          - {id: PA, label: Option A}
          - {id: PB, label: Option B}
"""
_LOT1_END = '      - {id: "2", label: Produits, unit: kg, quantity: 12}\n'
_LOT2_END = "      - {id: B, label: Travaux}\n"
PSE_LOTS = LOTS.replace(_LOT1_END, _LOT1_END + PSE1).replace(_LOT2_END, _LOT2_END + PSE2)

PSE_PRICES = [
    *PRICES,  # rows 2 to 14
    ["Alpha", 1, "P1.1", 4.15, None],  # row 15: 4.15 × 2.5 = 10.375 → 10.38
    ["Alpha", 1, "P1.2", 0.25, None],  # row 16: 0.25 × 1.5 = 0.375 → 0.38
    ["Beta", 1, "P1.1", 10, 25],  # row 17: 10 × 2.5 = 25.00
    ["Beta", 1, "P1.2", 2, 3],  # row 18: 2 × 1.5 = 3.00
    ["Delta", 2, "PA", None, 100],  # row 19: a DPGF line's amount
    ["Delta", 2, "PB", None, 50.25],  # row 20
    ["Eps", 2, "PA", None, 80],  # row 21: Eps does not price PB
]


def write_pse_case(tmp_path: Path, **kwargs: object) -> list[Path]:
    """lots.yaml with the PSE, criteria.yaml and the workbook, in ``tmp_path``."""
    kwargs.setdefault("prices", PSE_PRICES)
    kwargs.setdefault("offers", OFFERS)
    return write_case(tmp_path, lots=PSE_LOTS, **kwargs)  # type: ignore[arg-type]
