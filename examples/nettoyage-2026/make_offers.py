"""Build ``examples/nettoyage-2026/offres.xlsx``, the offers of the second example consultation.

The consultation and its data are FICTIONAL: « Prestations de nettoyage et d'entretien des
locaux 2026 » of an imaginary town, the Ville de Rivebelle (procédure adaptée, three lots: see
``lots.yaml`` and ``criteria.yaml`` beside this script). The 14 offers come from invented
companies, a SCOP, an association running an integration project (chantier d'insertion), an
entreprise adaptée and a sole trader; the jury's marks are invented too.

The workbook is typed the way a buyer would type it, and exercises:

- a two-level criteria tree: the jury marks the sub-criteria (méthodologie, moyens humains,
  environnement; for the window-cleaning lot, sécurité instead of moyens humains), never
  « valeur technique » itself;
- a descriptor scale: the jury writes « Excellent », « Très satisfaisant », « Satisfaisant »…
  (once « tres satisfaisant », once « INSUFFISANT », once the number 4, a mark of the scale);
- an announced threshold: an offer below 24/60 in valeur technique is eliminated (lot 2);
- lot 3 (vitrerie) on its own criteria set and its own required documents: its rows leave the
  columns of lots 1 and 2 (moyens humains, attestation de visite) empty, and theirs leave
  lot 3's (sécurité, formation au travail en hauteur) empty;
- a VAT-exempt association (lot 2, ``exonéré``) that wins on TTC and would lose on HT, and a
  sole trader under the VAT franchise (lot 3, ``non applicable``);
- VAT as ``0.2``, ``"20 %"`` or empty (the consultation's 20 %);
- a day rate whose total needs ROUND_HALF_UP to the cent: 433.35 × 15.5 = 6716.925 → 6716.93
  (lot 3), and its TTC 8060.316 → 8060.32;
- an offer received on the deadline day at 11:47, on time, and one at 14:32, late (lot 1,
  deadline 12:00; the late one is the cheapest of its lot, so it must not set the lowest price);
- an offer over its lot's TTC cap (lot 1), an offer without the training certificates its lot
  requires (lot 3, the cheapest of its lot too);
- an offer the jury declared « inappropriée » (art. L2152-4), with its reason (lot 2);
- an exact tie (lot 3, 88 points each, decided by the sécurité sub-criterion) and a near tie
  (lot 2: two totals both shown as 77.72 that differ by 422/242307 of a point);
- two candidates bidding on two lots (lots 1 and 2, lots 1 and 3).

Run ``python examples/nettoyage-2026/make_offers.py [OUTPUT]``; without OUTPUT it rewrites the
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
from openpyxl.writer.excel import ExcelWriter

CellValue = str | int | float | date | datetime | None

FIXED_TIME: Final = datetime(2026, 10, 16, 9, 0, 0)
DEFAULT_OUTPUT: Final = Path(__file__).resolve().with_name("offres.xlsx")

HEADERS: Final[tuple[str, ...]] = (
    "Candidat",
    "N° lot",
    "Prix par jour HT",
    "Nombre de jours",
    "Taux TVA",
    "Montant HT",
    "Date de réception",
    "Mémoire technique",
    "Bordereau de prix",
    "Attestation de visite",
    "Formation travail en hauteur",
    "Méthodologie",
    "Moyens humains",
    "Sécurité",
    "Environnement",
    "Décision du jury",
    "Motif de la décision",
    "Méthodologie commentaire",
)

INAPPROPRIATE: Final = (
    "Le mémoire technique décrit le nettoyage industriel d'ateliers et d'entrepôts : il ne "
    "prévoit ni l'entretien des sanitaires ouverts au public ni d'intervention en dehors des "
    "heures d'ouverture, que le CCTP exige (articles 3.2 et 4.1)."
)

# The words of the scale « appreciation » of criteria.yaml, as the jury types them.
EXC, TRES, SAT, PEU, INS = (
    "Excellent",
    "Très satisfaisant",
    "Satisfaisant",
    "Peu satisfaisant",
    "Insuffisant",
)

# One tuple per offer, in the order the buyer logged them (by date of receipt). Columns:
# candidate, lot, day rate HT, days, VAT, stated Montant HT, received, the 4 documents
# (mémoire, bordereau, visite, formation hauteur), the jury's appreciations of méthodologie,
# moyens humains, sécurité and environnement (words of the scale, matched ignoring case and
# accents, or a number that is one of its marks), the jury's decision and reason, the
# méthodologie comment.
OFFERS: Final[tuple[tuple[CellValue, ...], ...]] = (
    # row 2: lot 1, 204 × 250 = 51000.00 HT, the lowest admissible price of lot 1
    ("Net et Net Services (SAS)", 1, 204, 250, 0.2, 51000, date(2026, 10, 1),
     "oui", "oui", "oui", None, SAT, SAT, None, SAT, None, None,
     "Organisation décrite, mais planning des interventions peu détaillé."),
    # row 3: the same company on lot 2
    ("Net et Net Services (SAS)", 2, 190, 200, 0.2, 38000, date(2026, 10, 1),
     "oui", "oui", "oui", None, SAT, TRES, None, SAT, None, None, None),
    # row 4: lot 2, an association running a chantier d'insertion, VAT-exempt: TTC = HT
    ("Association Tremplin Propreté", "Lot 2", 215, 200, "exonéré", None, date(2026, 10, 2),
     "oui", "oui", "oui", None, TRES, SAT, None, TRES, None, None, None),
    # row 5: lot 3, a sole trader under the VAT franchise, without the training certificates
    # for work at height: incomplete (and the cheapest offer of lot 3)
    ("Lucas Morel Vitrerie (EI)", 3, 400, 16, "non applicable", None, date(2026, 10, 5),
     "oui", "oui", None, "non", None, None, None, None, None, None, None),
    # row 6: lot 3, the lowest admissible price of lot 3
    ("Vitres et Façades de l'Ouest", 3, 520, 12, "20 %", 6240, date(2026, 10, 6),
     "oui", "oui", None, "oui", SAT, None, EXC, SAT, None, None,
     "Trois passages annuels bien répartis ; méthode pour les verrières à préciser."),
    # row 7: lot 1, one word typed without its accent or capital
    ("Hygie Services (SAS)", 1, 219.80, 250, 0.2, None, date(2026, 10, 6),
     "oui", "oui", "oui", None, TRES, "tres satisfaisant", None, SAT, None, None,
     "Méthode claire, fiches de poste par bâtiment."),
    # row 8: lot 2, declared « inappropriée » by the jury (not marked)
    ("Brillance Industrie Services (SAS)", 2, 185, 200, 0.2, None, date(2026, 10, 7),
     "oui", "oui", "oui", None, None, None, None, None, "inappropriée", INAPPROPRIATE, None),
    # row 9: lot 2, a weak technical offer: 12 + 8 + 2 = 22 points of valeur technique, below
    # the announced threshold of 24/60: eliminated (and not the cheapest, so Pmin stays)
    ("Arc-en-Ciel Multiservices", 2, 195, 200, 0.2, None, date(2026, 10, 7),
     "oui", "oui", "oui", None, PEU, PEU, None, "INSUFFISANT", None, None, None),
    # row 10: lot 1, 246 × 250 × 1.2 = 73800.00 TTC, over the cap of 72000.00 TTC; its
    # méthodologie typed as the number 4, which is Très satisfaisant's mark
    ("Propreté Atlantique (SARL)", 1, 246, 250, 0.2, None, date(2026, 10, 8),
     "oui", "oui", "oui", None, 4, SAT, None, SAT, None, None, None),
    # row 11: lot 2, a near tie with row 3 (both 77.72 once rounded)
    ("Alizé Propreté (SARL)", 2, 212.55, 200, None, 42510, date(2026, 10, 8),
     "oui", "oui", "oui", None, TRES, TRES, None, PEU, None, None, None),
    # rows 12 and 13: a SCOP on lots 1 and 3, received on the deadline day at 9:15
    ("Clair Horizon Propreté (SCOP)", 1, 230, 250, 0.2, 57500, datetime(2026, 10, 9, 9, 15),
     "oui", "oui", "oui", None, EXC, TRES, None, TRES, None, None,
     "Excellente méthodologie : protocoles par type de local, contrôle qualité contradictoire."),
    ("Clair Horizon Propreté (SCOP)", 3, 500, 13, 0.2, 6500, datetime(2026, 10, 9, 9, 15),
     "oui", "oui", None, "oui", EXC, None, SAT, TRES, None, None,
     "Planning des passages détaillé bâtiment par bâtiment ; nacelle prévue pour le gymnase."),
    # row 14: lot 3, received at 11:47 on the deadline day: on time; 433.35 × 15.5
    ("Atelier Transparence (entreprise adaptée)", 3, 433.35, 15.5, 0.2, None,
     datetime(2026, 10, 9, 11, 47),
     "oui", "oui", None, "oui", SAT, None, SAT, SAT, None, None,
     "Méthode correcte, sans planning précis des passages."),
    # row 15: lot 1, received at 14:32, after the deadline of 12:00: late (and the cheapest)
    ("Hygiène Plus Ouest", 1, 196, 250, 0.2, None, datetime(2026, 10, 9, 14, 32),
     "oui", "oui", "oui", None, None, None, None, None, None, None, None),
)  # fmt: skip

COLUMN_WIDTHS: Final[dict[str, float]] = {
    "A": 40, "B": 7, "C": 16, "D": 15, "E": 14, "F": 12, "G": 18, "H": 11, "I": 11,
    "J": 12, "K": 14, "L": 13, "M": 10, "N": 9, "O": 13, "P": 15, "Q": 60, "R": 60,
}  # fmt: skip


def build_workbook() -> Workbook:
    """Return the workbook of example offers, with fixed document properties."""
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "offres"
    ws.append(HEADERS)
    for cell in ws[1]:
        cell.font = Font(bold=True)
    for offer in OFFERS:
        assert len(offer) == len(HEADERS), offer
        ws.append(offer)
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
        print("usage: python examples/nettoyage-2026/make_offers.py [OUTPUT.xlsx]", file=sys.stderr)
        return 2
    output = Path(argv[0]) if argv else DEFAULT_OUTPUT
    output.write_bytes(workbook_bytes(build_workbook()))
    print(f"wrote {output} ({len(OFFERS)} offers)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
