"""The offers template of a consultation whose PSE are priced by lines: the ``prix`` sheet
lists each lot's lines then its PSE's, and the offers sheet has no column for such a PSE."""

import io
from pathlib import Path

import openpyxl

from pse_lines_case import PSE_LOTS
from referent_ess.config.loader import load_config
from referent_ess.scaffold.offers_template import build_template
from schedule_case import CRITERIA


def test_the_prix_sheet_lists_the_pse_lines_after_the_lots_own(tmp_path: Path) -> None:
    (tmp_path / "lots.yaml").write_text(PSE_LOTS, encoding="utf-8")
    (tmp_path / "criteria.yaml").write_text(CRITERIA, encoding="utf-8")
    config = load_config(tmp_path / "lots.yaml", tmp_path / "criteria.yaml")
    book = openpyxl.load_workbook(io.BytesIO(build_template(config)))
    rows = [
        tuple(c.value for c in row)[1:6] for row in book["prix"].iter_rows(min_row=2, max_row=10)
    ]
    assert rows == [
        (1, "1.1", "Installation", "forfait", 1),
        (1, "1.2", "Heure de nettoyage", "h", 1.5),
        (1, "2", "Produits", "kg", 12),
        (1, "P1.1", "Vitres intérieures", "m2", 2.5),
        (1, "P1.2", "Vitres extérieures", "m2", 1.5),
        (2, "A", "Études", None, None),
        (2, "B", "Travaux", None, None),
        (2, "PA", "Option A", None, None),
        (2, "PB", "Option B", None, None),
    ]
    headers = [c.value for c in book["offers"][1]]
    assert not [h for h in headers if "PSE" in str(h)]
