"""Build ``examples/travaux-2027/offres.xlsx``, the offers of the third example consultation.

The consultation and its data are FICTIONAL: « Rénovation du groupe scolaire Jules-Ferry
2027 » of an imaginary town, the Commune de Lanvéac-sur-Orbe (procédure adaptée with
negotiation, five lots: see ``lots.yaml`` and ``criteria.yaml`` beside this script). Each lot
shows one way tenders state their price:

- lot 1, ``lump_sum``: one amount HT per offer (« Montant HT »);
- lot 2, ``schedule``: unit prices (sheet ``prix``) × the quantities of the DQE of
  ``lots.yaml`` (10 lines, one of 262.5 ml so that a line amount needs rounding to the cent);
  Atelier Peinture Lemoine miscomputes line 2.3 (30.00 × 380 stated as 11 600.00 instead of
  11 400.00) and states a total of 50 200.00 instead of 50 000.00: an arithmetic error, the
  unit prices prevail;
- lot 3, ``dpgf``: every line's amount (sheet ``prix``); Alu Concept Ouest's lines add up to
  36 000.00 and it states 36 500.00;
- lot 4, ``lump_sum`` with two PSE (PSE1 retained, PSE2 not) and variants allowed: Climat
  Énergie Ouest offers a variant « Pompe à chaleur » next to its base offer;
- lot 5, ``lump_sum`` negotiated in two rounds (column « Tour »): Élec Services Orbe's first
  offer lacks the attestation de visite (incomplete) and is complete in round 2 (regularised);
  Lumière et Réseaux lowers its price in round 2; Courant Fort Bretagne keeps its first offer.

Run ``python examples/travaux-2027/make_offers.py [OUTPUT]``; without OUTPUT it rewrites the
workbook next to this script. The output is byte-for-byte reproducible for a given openpyxl
version: document properties and zip entry timestamps are fixed.
"""

from __future__ import annotations

import io
import sys
import zipfile
from datetime import date, datetime
from pathlib import Path
from typing import Final

from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.worksheet.worksheet import Worksheet
from openpyxl.writer.excel import ExcelWriter

CellValue = str | int | float | date | datetime | None

FIXED_TIME: Final = datetime(2027, 4, 19, 9, 0, 0)
DEFAULT_OUTPUT: Final = Path(__file__).resolve().with_name("offres.xlsx")

HEADERS: Final[tuple[str, ...]] = (
    "Candidat",
    "N° lot",
    "Variante",
    "Tour",
    "Montant HT",
    "Taux TVA",
    "Date de réception",
    "Mémoire technique",
    "Attestation de visite",
    "PSE1",
    "PSE2",
    "Méthodologie",
    "Environnement",
)

R1: Final = date(2027, 3, 10)  # received before the deadline of round 1 (12 March, 12:00)

# One tuple per offer and round. Columns: candidate, lot, variant, round, stated Montant HT
# (the price of a lump-sum lot; the stated total of a schedule or DPGF lot), VAT, received,
# the two documents, PSE1 and PSE2 (lot 4 only), the jury's marks (0 to 5) of méthodologie and
# environnement.
OFFERS: Final[tuple[tuple[CellValue, ...], ...]] = (
    # rows 2-4: lot 1, lump sums
    ("Démolitions du Lièvre (SAS)", 1, None, None, 50000, 0.2, R1, "oui", "oui", None, None, 5, 4),
    ("Bâtir Sain (SARL)", 1, None, None, 40000, 0.2, R1, "oui", "oui", None, None, 4, 3),
    ("Désamiante Ouest (SAS)", 1, None, None, 32000, 0.2, R1, "oui", "oui", None, None, 3, 2),
    # rows 5-7: lot 2, unit prices in the sheet « prix »; the stated totals
    ("Couleurs d'Orbe (SARL)", 2, None, None, 51000, 0.2, R1, "oui", "oui", None, None, 4, 4),
    ("Atelier Peinture Lemoine", 2, None, None, 50200, 0.2, R1, "oui", "oui", None, None, 3, 3),
    ("Sols et Murs du Val (SAS)", 2, None, None, 60000, 0.2, R1, "oui", "oui", None, None, 5, 4),
    # rows 8-10: lot 3, line amounts in the sheet « prix »; the stated lump sums
    ("Menuiserie Garnier", 3, None, None, 40000, 0.2, R1, "oui", "oui", None, None, 4, 3),
    ("Alu Concept Ouest (SARL)", 3, None, None, 36500, 0.2, R1, "oui", "oui", None, None, 3, 2),
    ("Fenêtres du Bocage (SCOP)", 3, None, None, 45000, 0.2, R1, "oui", "oui", None, None, 5, 5),
    # rows 11-14: lot 4, base lump sum, PSE1 and PSE2; a variant next to its base offer
    ("Thermique Services (SAS)", 4, None, None, 50000, 0.2, R1, "oui", "oui", 2000, 8000, 4, 4),
    ("Climat Énergie Ouest (SARL)", 4, None, None, 45000, 0.2, R1, "oui", "oui", 5000, 5000, 3, 3),
    ("Climat Énergie Ouest (SARL)", 4, "Pompe à chaleur", None, 60000, 0.2, R1,
     "oui", "oui", 5000, 5000, 5, 5),
    ("Chauffage Breton (EURL)", 4, None, None, 48000, 0.2, R1, "oui", "oui", 4000, 12000, 4, 3),
    # rows 15-17: lot 5, round 1; Élec Services Orbe without the attestation de visite
    ("Élec Services Orbe (SARL)", 5, None, 1, 35000, 0.2, R1, "oui", "non", None, None, 5, 4),
    ("Lumière et Réseaux (SAS)", 5, None, 1, 36000, 0.2, R1, "oui", "oui", None, None, 3, 3),
    ("Courant Fort Bretagne (SARL)", 5, None, 1, 40000, 0.2, R1, "oui", "oui", None, None, 4, 4),
    # rows 18-19: lot 5, round 2 (deadline 16 April 2027, 12:00)
    ("Élec Services Orbe (SARL)", 5, None, 2, 34000, 0.2, datetime(2027, 4, 14, 10, 30),
     "oui", "oui", None, None, 5, 4),
    ("Lumière et Réseaux (SAS)", 5, None, 2, 32000, 0.2, datetime(2027, 4, 15, 16, 5),
     "oui", "oui", None, None, 3, 3),
)  # fmt: skip

PRICE_HEADERS: Final[tuple[str, ...]] = (
    "Candidat",
    "N° lot",
    "Variante",
    "Tour",
    "Ligne",
    "Désignation",
    "Prix unitaire HT",
    "Montant HT",
)

# Lot 2 (BPU × DQE): line, label, then per candidate (unit price, stated amount or None).
LOT2_LINES: Final[tuple[tuple[str, str], ...]] = (
    ("1.1", "Préparation des supports"),
    ("1.2", "Peinture des murs (deux couches)"),
    ("1.3", "Peinture des plafonds"),
    ("1.4", "Peinture des boiseries"),
    ("2.1", "Dépose des revêtements de sols existants"),
    ("2.2", "Ragréage"),
    ("2.3", "Sol PVC en lés"),
    ("2.4", "Plinthes"),
    ("3.1", "Nettoyage de fin de chantier"),
    ("3.2", "Installation de chantier"),
)
# Unit prices HT, in the order of LOT2_LINES.
LOT2_UNIT_PRICES: Final[dict[str, tuple[float, ...]]] = {
    "Couleurs d'Orbe (SARL)": (3.50, 12, 14, 9, 6, 11, 32, 8.15, 900, 1560.62),
    "Atelier Peinture Lemoine": (4, 11.50, 13, 10, 5.50, 10, 30, 8, 1000, 1960),
    "Sols et Murs du Val (SAS)": (4, 13, 15, 10, 7, 12, 35, 9, 1200, 5567.50),
}
# Line amounts the offers state (None: not stated). Lemoine's line 2.3 is wrong (30 × 380 is
# 11 400.00, not 11 600.00); Sols et Murs du Val's are right.
LOT2_STATED: Final[dict[str, tuple[float | None, ...]]] = {
    "Couleurs d'Orbe (SARL)": (None,) * 10,
    "Atelier Peinture Lemoine": (
        4800, 13800, 5850, 3200, 2090, 3800, 11600, 2100, 1000, 1960,
    ),
    "Sols et Murs du Val (SAS)": (
        4800, 15600, 6750, 3200, 2660, 4560, 13300, 2362.50, 1200, 5567.50,
    ),
}  # fmt: skip

# Lot 3 (DPGF): each line's amount HT.
LOT3_LINES: Final[tuple[tuple[str, str], ...]] = (
    ("A", "Dépose des menuiseries existantes"),
    ("B", "Fenêtres en aluminium"),
    ("C", "Porte d'entrée"),
    ("D", "Volets roulants"),
    ("E", "Habillages et finitions"),
)
LOT3_AMOUNTS: Final[dict[str, tuple[int, ...]]] = {
    "Menuiserie Garnier": (3000, 24000, 4500, 6000, 2500),
    "Alu Concept Ouest (SARL)": (2500, 22000, 4000, 5500, 2000),
    "Fenêtres du Bocage (SCOP)": (3500, 27000, 5000, 6500, 3000),
}


def price_rows() -> list[tuple[CellValue, ...]]:
    """The rows of the sheet « prix », one per offer and line, in long form."""
    rows: list[tuple[CellValue, ...]] = []
    for candidate, unit_prices in LOT2_UNIT_PRICES.items():
        stated = LOT2_STATED[candidate]
        for (line, label), unit_price, amount in zip(LOT2_LINES, unit_prices, stated, strict=True):
            rows.append((candidate, 2, None, None, line, label, unit_price, amount))
    for candidate, amounts in LOT3_AMOUNTS.items():
        for (line, label), amount in zip(LOT3_LINES, amounts, strict=True):
            rows.append((candidate, 3, None, None, line, label, None, amount))
    return rows


def _fill(ws: Worksheet, headers: tuple[str, ...], rows: list[tuple[CellValue, ...]]) -> None:
    ws.append(headers)
    for cell in ws[1]:
        cell.font = Font(bold=True)
    for row in rows:
        assert len(row) == len(headers), row
        ws.append(row)
    for cells in ws.iter_rows(min_row=2):
        for cell in cells:
            if isinstance(cell.value, datetime):
                cell.number_format = "DD/MM/YYYY HH:MM"
            elif isinstance(cell.value, date):
                cell.number_format = "DD/MM/YYYY"
    ws.column_dimensions["A"].width = 32
    ws.freeze_panes = "B2"


def build_workbook() -> Workbook:
    """Return the workbook of example offers, with fixed document properties."""
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "offres"
    _fill(ws, HEADERS, list(OFFERS))
    ws.column_dimensions["G"].width = 18
    _fill(wb.create_sheet("prix"), PRICE_HEADERS, price_rows())
    wb["prix"].column_dimensions["F"].width = 40
    wb.properties.creator = "referent examples"
    wb.properties.created = FIXED_TIME
    wb.properties.modified = FIXED_TIME
    return wb


def workbook_bytes(wb: Workbook) -> bytes:
    """Serialise ``wb`` without the timestamps that ``Workbook.save`` would add.

    ``Workbook.save`` stamps ``modified`` with the current time and zip entries get
    the current time too; write through ``ExcelWriter`` and then re-stamp every
    entry with ``FIXED_TIME``.
    """
    raw = io.BytesIO()
    with zipfile.ZipFile(raw, "w", zipfile.ZIP_DEFLATED) as archive:
        ExcelWriter(wb, archive).save()
    out = io.BytesIO()
    with (
        zipfile.ZipFile(raw) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for info in source.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=FIXED_TIME.timetuple()[:6])
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o600 << 16
            target.writestr(entry, source.read(info.filename))
    return out.getvalue()


def main(argv: list[str]) -> int:
    """Write the workbook to ``argv[0]`` if given, else next to this script."""
    if len(argv) > 1:
        print("usage: python examples/travaux-2027/make_offers.py [OUTPUT.xlsx]", file=sys.stderr)
        return 2
    output = Path(argv[0]) if argv else DEFAULT_OUTPUT
    output.write_bytes(workbook_bytes(build_workbook()))
    print(f"wrote {output} ({len(OFFERS)} offers)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
