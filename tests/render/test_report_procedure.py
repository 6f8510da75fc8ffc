"""The reports name the procedure (``procedure:`` of lots.yaml) and the articles under which the
rejected candidates are informed, the ones the letters cite (R2181-1 and R2181-2 in a procédure
adaptée; R2181-1, R2181-3 and R2181-4 in a formalised one), and, in a formalised procedure
only, that the contract is signed after the standstill of R2182-1 — with no date: the letters'
sending date decides it."""

import dataclasses
import html
import io
import re
from datetime import UTC, datetime
from pathlib import Path

import docx
import openpyxl
import pytest

from referent_ess import api, i18n
from referent_ess.config.choices import Procedure
from referent_ess.evaluation.results import Evaluation
from referent_ess.render.html.report import build_report_html
from referent_ess.render.markdown_doc import evaluation_markdown
from referent_ess.render.run_info import run_info
from referent_ess.render.word.report import build_report_docx
from referent_ess.render.xlsx.report import build_report_xlsx

ROOT = Path(__file__).resolve().parents[2]
RUN_AT = datetime(2026, 12, 7, 22, 0, tzinfo=UTC)
FORMALISED = {
    Procedure.OPEN: "appel d'offres ouvert",
    Procedure.RESTRICTED: "appel d'offres restreint",
    Procedure.NEGOTIATED: "procédure avec négociation",
    Procedure.DIALOGUE: "dialogue compétitif",
}
ADAPTED = {
    Procedure.ADAPTED: "procédure adaptée",
    Procedure.WITHOUT_COMPETITION: "marché sans publicité ni mise en concurrence préalables",
}


@pytest.fixture(scope="module")
def example() -> Evaluation:
    return api.score(ROOT / "lots.yaml", ROOT / "criteria.yaml")


def under(evaluation: Evaluation, procedure: Procedure) -> Evaluation:
    config = evaluation.config
    consultation = dataclasses.replace(config.consultation, procedure=procedure)
    return dataclasses.replace(
        evaluation, config=dataclasses.replace(config, consultation=consultation)
    )


def texts(evaluation: Evaluation) -> dict[str, str]:
    """The whole text of each report, spaces collapsed."""
    run = run_info(evaluation, RUN_AT, ["referent", "report"])
    page = re.sub(r"<[^>]+>", " ", build_report_html(evaluation, run))
    with i18n.language("en"):  # the Markdown of an English session: the procedure in French
        markdown = evaluation_markdown(evaluation)
    book = openpyxl.load_workbook(io.BytesIO(build_report_xlsx(evaluation, run)))
    sheet = "\n".join(
        str(cell) for row in book["Méthode"].iter_rows(values_only=True) for cell in row if cell
    )
    word = docx.Document(io.BytesIO(build_report_docx(evaluation, run)))
    document = "\n".join(p.text for p in word.paragraphs)
    raw = {"html": html.unescape(page), "md": markdown, "xlsx": sheet, "docx": document}
    return {name: " ".join(text.replace("\\", "").split()) for name, text in raw.items()}


@pytest.mark.parametrize("procedure", list(FORMALISED))
def test_a_formalised_procedure_is_named_with_its_articles_and_its_standstill(
    example: Evaluation, procedure: Procedure
) -> None:
    for name, text in texts(under(example, procedure)).items():
        assert f"Procédure : {FORMALISED[procedure]}." in text, name
        assert "articles R2181-1, R2181-3 et R2181-4 du code de la commande publique" in text
        assert "délai de suspension de l'article R2182-1" in text, name
        assert "11 jours à compter de l'envoi des lettres de rejet" in text, name
        assert "R2181-2" not in text, name


@pytest.mark.parametrize("procedure", list(ADAPTED))
def test_an_adapted_procedure_claims_no_standstill(
    example: Evaluation, procedure: Procedure
) -> None:
    for name, text in texts(under(example, procedure)).items():
        assert f"Procédure : {ADAPTED[procedure]}." in text, name
        assert "articles R2181-1 et R2181-2 du code de la commande publique" in text, name
        assert "R2182-1" not in text, name
        assert "délai de suspension" not in text, name
