"""The lisez-moi sheet: how to fill the workbook, and what to run next."""

import io

import openpyxl

from referent_ess.config.model import Config
from referent_ess.scaffold.offers_template import build_template


def test_readme_sheet_says_how_to_fill_and_what_to_run(config: Config) -> None:
    ws = openpyxl.load_workbook(io.BytesIO(build_template(config)))["lisez-moi"]
    text = "\n".join(str(cell.value) for cell in ws["A"] if cell.value is not None)
    assert "Référent de secteur d'activité de l'ESS 2018" in text
    assert "une ligne par offre et par lot" in text
    assert "oui si la pièce est dans l'offre, non sinon" in text
    # each column as the template heads it: a criterion by its short label, then its label
    assert "« Contexte » (Note de contexte, connaissance du secteur" in text
    assert (
        "Pièces exigées (« note de contexte », « chantiers », « présentation et CV de "
        "l'intervenant », « proposition financière »)"
    ) in text
    assert "Le critère « Prix de la prestation » n'est pas noté à la main" in text
    for identifier in ("context", "presentation_cv", "note_contexte", "price"):
        assert identifier not in text.split()
    assert "de 0 à 5" in text
    assert "exonéré" in text
    assert "Lot 3 — Habitat, Rénovation, Construire autrement" in text
    lines = [cell.value for cell in ws["A"]]
    assert lines.index("referent validate offers.xlsx") < lines.index("referent score offers.xlsx")
