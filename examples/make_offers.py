"""Build ``examples/offers-2018.xlsx``, the example workbook of offers for ``referent``.

The data is FICTIONAL: 14 offers from invented ESS structures (associations, SCOP,
SCIC, independent consultants) answering the real 2018 call "Référent de secteur
d'activité de l'ESS" of Les Ecossolies (see ``lots.yaml``). Jury marks are invented too.

The workbook is typed the way a buyer would type it, and exercises:

- French headers, matched case/accent-insensitively; lot cells as ``3`` or ``"Lot 3"``;
- VAT as ``0.2``, ``"20 %"``, ``"exonéré"`` (a VAT-exempt association, lot 1) or empty
  (the default 20 %);
- an offer typed as French-formatted text (``"487,50 €"``, ``"16"``, ``"7 800,00"`` with a
  no-break space, marks ``"3,5"``), whose stated Montant HT matches rate × days (lot 1);
- half a day and a rate whose total needs ROUND_HALF_UP to the cent:
  447.15 × 21.5 = 9613.725 → 9613.73 (lot 4);
- an offer received on the deadline day at 23:10, still on time (lot 3);
- a late offer (received 2018-03-26, lot 1), an offer missing its CV (lot 4) and an offer
  over its lot's HT cap (lot 4); the late and incomplete ones are the cheapest of their
  lot, so they must not set the lowest price used for price points;
- an exact tie on total in lot 3, broken by price points;
- one candidate bidding on two lots (lots 3 and 4);
- lot 2 only has regular offers, so its ranking is the plain one.

Run ``python examples/make_offers.py [OUTPUT]``; without OUTPUT it rewrites the workbook
next to this script. The output is byte-for-byte reproducible for a given openpyxl version:
document properties and zip entry timestamps are fixed.
"""

from __future__ import annotations

import io
import sys
import zipfile
from datetime import date, datetime
from pathlib import Path
from typing import Final

from openpyxl import Workbook
from openpyxl.writer.excel import ExcelWriter

CellValue = str | int | float | date | datetime | None

FIXED_TIME: Final = datetime(2018, 3, 30, 9, 0, 0)
NBSP: Final = "\u00a0"
DEFAULT_OUTPUT: Final = Path(__file__).resolve().with_name("offers-2018.xlsx")

HEADERS: Final[tuple[str, ...]] = (
    "Candidat",
    "N° lot",
    "Coût journalier HT",
    "Nombre de jours",
    "Taux TVA",
    "Montant HT",
    "Date de réception",
    "note_contexte",
    "chantiers",
    "presentation_cv",
    "proposition_financiere",
    "context",
    "technical",
    "competence",
    "context commentaire",
)

# The jury's justification of its "context" marks for lot 3, by worksheet row: it appears next
# to the marks in the report, as French practice asks marks to be justified.
CONTEXT_COMMENTS: Final[dict[int, str]] = {
    3: "Contexte décrit de façon générale ; peu d'acteurs du territoire cités.",
    6: "Excellente connaissance des acteurs de l'habitat nantais et des enjeux de la filière.",
    11: "Bonne note de contexte, enjeux identifiés ; partenariats à préciser.",
    14: "Bonne note de contexte ; repérage des projets émergents convaincant.",
}

# One tuple per offer, in the order the buyer logged them (by date of receipt).
# Columns: candidate, lot, day rate HT, days, VAT, stated Montant HT, received,
# 4 required documents, marks context / technical / competence (0-5).
OFFERS: Final[tuple[tuple[CellValue, ...], ...]] = (
    # row 2: lot 2, stated total equal to 520 × 15
    ("Terres Communes Conseil", 2, 520, 15, 0.2, 7800, date(2018, 3, 12),
     "oui", "oui", "oui", "oui", 3.5, 4, 4),
    # row 3: lot 3, association subject to VAT
    ("Habiter Autrement 44", "Lot 3", 375, 28, "20 %", None, date(2018, 3, 14),
     "oui", "oui", "oui", "oui", 3, 3, 3.5),
    # row 4: lot 1, VAT-exempt association (TTC = HT)
    ("Association Trame Solidaire", 1, 420, 18, "exonéré", None, date(2018, 3, 15),
     "oui", "oui", "oui", "oui", 4, 3.5, 4),
    # row 5: lot 4, no CV: incomplete (and the cheapest offer of lot 4)
    ("Second Souffle Conseil", 4, 400, 20, 0.2, None, date(2018, 3, 16),
     "oui", "oui", "non", "oui", 4, 4, 4),
    # rows 6 and 7: the same SCOP on lots 3 and 4, documents ticked with "x"
    ("Les Bâtisseurs Solidaires (SCOP)", 3, 560, 21, 0.2, 11760, date(2018, 3, 19),
     "x", "x", "x", "x", 5, 4.5, 4),
    ("Les Bâtisseurs Solidaires (SCOP)", 4, 540, 22, 0.2, None, date(2018, 3, 19),
     "x", "x", "x", "x", 4, 4, 4),
    # row 8: lot 2
    ("SCIC Nourrir l'Estuaire", 2, 450, 18, 0.2, None, date(2018, 3, 20),
     "oui", "oui", "oui", "oui", 4.5, 4, 3.5),
    # row 9: lot 1, every number typed as French-formatted text
    ("Cap Services Coop (SCOP)", "Lot 1", "487,50 €", "16", "20 %", f"7{NBSP}800,00",
     date(2018, 3, 21), "oui", "oui", "oui", "oui", "3,5", "4", "4,5"),
    # row 10: lot 4, 650 × 20 = 13000 > cap 12500 HT: over_cap
    ("Recyclerie Coopérative de l'Ouest (SCIC)", 4, 650, 20, 0.2, 13000, date(2018, 3, 21),
     "oui", "oui", "oui", "oui", 4.5, 4.5, 4),
    # row 11: lot 3, ties on total with row 14 (fewer price points, so ranked after it)
    ("Échelle Habitat (SCOP)", "Lot 3", 500, 20, 0.2, None, date(2018, 3, 22),
     "oui", "oui", "oui", "oui", 4, 3.5, 4.5),
    # row 12: lot 2, VAT left empty: default rate (20 %)
    ("Marion Le Goff Conseil", 2, 400, 19, None, None, date(2018, 3, 22),
     "x", "x", "x", "x", 3, 3.5, 3),
    # row 13: lot 4, half a day; 447.15 × 21.5 = 9613.725 → 9613.73 HT
    ("Ressourceries en Réseau", "Lot 4", 447.15, 21.5, 0.2, None, date(2018, 3, 23),
     "oui", "oui", "oui", "oui", 3.5, 4, 3),
    # row 14: lot 3, received on the deadline day late in the evening: on time
    ("Atelier Matières Vives (SCIC)", 3, 450, 20, 0.2, None, datetime(2018, 3, 23, 23, 10),
     "oui", "oui", "oui", "oui", 4, 3.5, 4),
    # row 15: lot 1, received after the deadline: late (and the cheapest offer of lot 1)
    ("Parenthèse Familles Conseil", 1, 380, 15, 0.2, None, date(2018, 3, 26),
     "oui", "oui", "oui", "oui", 4, 4, 4),
)  # fmt: skip

COLUMN_WIDTHS: Final[dict[str, float]] = {
    "A": 40, "B": 8, "C": 18, "D": 16, "E": 10, "F": 14, "G": 18,
    "H": 14, "I": 11, "J": 16, "K": 22, "L": 9, "M": 10, "N": 12, "O": 60,
}  # fmt: skip


def build_workbook() -> Workbook:
    """Return the workbook of example offers, with fixed document properties."""
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "offers"
    ws.append(HEADERS)
    for row, offer in enumerate(OFFERS, start=2):
        assert len(offer) == len(HEADERS) - 1, offer
        ws.append((*offer, CONTEXT_COMMENTS.get(row)))
    for row in ws.iter_rows(min_row=2):
        for cell in row:
            if isinstance(cell.value, datetime):
                cell.number_format = "DD/MM/YYYY HH:MM"
            elif isinstance(cell.value, date):
                cell.number_format = "DD/MM/YYYY"
            elif isinstance(cell.value, int | float) and cell.column_letter in "CF":
                cell.number_format = "#,##0.00"
    for letter, width in COLUMN_WIDTHS.items():
        ws.column_dimensions[letter].width = width
    ws.freeze_panes = "B2"
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
        print("usage: python examples/make_offers.py [OUTPUT.xlsx]", file=sys.stderr)
        return 2
    output = Path(argv[0]) if argv else DEFAULT_OUTPUT
    output.write_bytes(workbook_bytes(build_workbook()))
    print(f"wrote {output} ({len(OFFERS)} offers)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
