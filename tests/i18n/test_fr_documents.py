"""The French documents (the xlsx and HTML reports, the letters, the OCDS release): the data
errors and warnings they quote are worded in French, whatever ``--lang`` says; and their
catalogue (``doc.*`` keys), checked against the code that asks for it, both ways: a key the code
asks for exists, and a key of the catalogue is asked for somewhere (no dead text for a
translator to keep up to date)."""

import re
from collections.abc import Callable
from pathlib import Path

import openpyxl
import pytest
from typer.testing import CliRunner

from helpers import (
    ABNORMAL_LOTS,
    DOCUMENT_ROWS,
    NBSP,
    NNBSP,
    config_args,
    english,
)
from referent_ess import api, i18n
from referent_ess.cli import app
from referent_ess.evaluation.results import Reason, Status
from referent_ess.i18n.catalogues import en, fr
from referent_ess.i18n.catalogues.fr import documents
from referent_ess.render.letters.paragraphs import reason_text

ABNORMAL_FR = (
    "le prix est peut-être anormalement bas (comparaison à la moyenne des autres offres : "
    f"3{NNBSP}000,00{NBSP}€ < 0,8 × 5{NNBSP}000,00{NBSP}€ (moyenne des 2 autres offres "
    f"admissibles) = 4{NNBSP}000,00{NBSP}€) ; "
    "avant tout rejet, la loi impose de demander au candidat de le justifier (art. L2152-5 et "
    "R2152-3 du Code de la commande publique)"
)


VAT_FR = (
    "le taux de TVA 7 % n'est pas un taux français (20, 10, 5,5, 2,1 ou 0 %, ou en outre-mer "
    "8,5, 1,75 ou 1,05 %) ; vérifiez la cellule"
)


BAD_NUMBER_FR = "'beaucoup' n'est pas un nombre ; écrivez par exemple 450, 450,50 ou 1 234,50 €"


# ---- the French documents: data-error messages and warnings in French ------------------------


def _texts(path: Path) -> list[str]:
    book = openpyxl.load_workbook(path)
    return [
        value
        for sheet in book.worksheets
        for row in sheet.iter_rows(values_only=True)
        for value in row
        if isinstance(value, str)
    ]


def test_the_xlsx_report_gives_warnings_and_data_errors_in_french(
    runner: CliRunner,
    make_config: Callable[..., tuple[Path, Path]],
    make_workbook: Callable[..., Path],
    tmp_path: Path,
) -> None:
    book = make_workbook(DOCUMENT_ROWS)
    out = tmp_path / "rapport.xlsx"
    config = config_args(make_config, lots_text=ABNORMAL_LOTS)
    result = runner.invoke(app, ["--lang", "en", "report", str(book), *config, "--out", str(out)])
    assert result.exit_code == 1, result.output  # provisional: Delta could not be evaluated
    texts = _texts(out)
    assert any(text.endswith(f"Détail : {ABNORMAL_FR}") for text in texts)
    assert f"À vérifier — Beta : {VAT_FR}" in texts
    assert any(f"à corriger (bad-number) : {BAD_NUMBER_FR} (cellule C5)" in t for t in texts)
    assert not any("not a number" in text or "may be abnormally" in text for text in texts)


def test_the_html_report_gives_warnings_and_data_errors_in_french(
    runner: CliRunner,
    make_config: Callable[..., tuple[Path, Path]],
    make_workbook: Callable[..., Path],
    tmp_path: Path,
) -> None:
    book = make_workbook(DOCUMENT_ROWS)
    out = tmp_path / "rapport.html"
    config = config_args(make_config, lots_text=ABNORMAL_LOTS)
    result = runner.invoke(app, ["--lang", "en", "report", str(book), *config, "--out", str(out)])
    assert result.exit_code == 1, result.output
    page = out.read_text(encoding="utf-8").replace("&#x27;", "'").replace("&lt;", "<")
    assert f"({ABNORMAL_FR}, cellule C2)" in page
    assert f"({VAT_FR}, cellule E3)" in page
    assert f"à corriger (bad-number) : {BAD_NUMBER_FR}" in page  # as the xlsx report says
    assert "not a number" not in page


def test_a_data_error_reason_of_a_document_is_worded_in_french(
    make_config: Callable[..., tuple[Path, Path]], make_workbook: Callable[..., Path]
) -> None:
    """Letters refuse a provisional lot, so a data error reaches a letter only through the
    library: its reason is the French catalogue's, as every document words it (a letter is
    written in French: its paragraphs word in the language build_letters sets)."""
    reason = Reason("missing-mark", Status.INVALID, params=(("criterion", "quality"),), cell="G2")
    assert english(reason) == "no mark for quality; the jury must mark every criterion"
    with i18n.language("en"):  # the documents are French whatever the language of the run
        assert i18n.message(reason.code, reason.params, lang="fr") == (
            "pas de note pour le critère quality : le jury doit noter chaque critère"
        )
    lots, criteria = make_config()
    evaluation = api.score(lots, criteria, make_workbook([["Alpha", 1, 450, 10, 0.2, "oui", 4]]))
    result = evaluation.lots[0].offers[0]
    with i18n.language("fr"):  # the letters' own voice
        text = reason_text(evaluation.config, result, reason, None)
    assert text == "pas de note pour le critère quality : le jury doit noter chaque critère"


# ---- the catalogue of the documents ---------------------------------------------------------

RENDER = Path(__file__).resolve().parents[2] / "src" / "referent_ess" / "render"
DOC_KEYS = set(documents.MESSAGES)
# keys the code builds from a code or a count: doc.html.warning.<warning code>, .one / .other…
FAMILIES = (
    "doc.html.warning.",
    "doc.ocds.note.",
    "doc.xlsx.abnormal.",
    "doc.role.",
    "doc.letter.reason.incomplete.",
    "doc.letter.others.",
    "doc.letter.status.",  # by the offer's status
    "doc.letter.sent_by.",  # by buyer.sending
    "doc.procedure.",  # by consultation.procedure
)


def _source() -> str:
    return "\n".join(path.read_text(encoding="utf-8") for path in sorted(RENDER.rglob("*.py")))


def test_the_documents_keys_are_french_only() -> None:
    assert DOC_KEYS
    assert all(key.startswith("doc.") for key in DOC_KEYS)
    assert not [key for key in en.MESSAGES if key.startswith("doc.")]
    assert set(fr.MESSAGES) >= DOC_KEYS
    assert fr.FRENCH_ONLY >= DOC_KEYS  # the catalogue test leaves them out of the comparison


def test_an_english_run_cannot_word_a_document_by_mistake() -> None:
    with i18n.language("en"), pytest.raises(KeyError):
        i18n.tr("doc.report")
    with i18n.language("fr"):
        assert i18n.tr("doc.report") == "Rapport d'analyse des offres"


def test_every_key_the_documents_ask_for_exists() -> None:
    asked = set(
        re.findall(r"""\btr\(\s*["']((?:doc|[a-z_]+)\.[a-z0-9_.\-]+|[a-z_]+)["']""", _source())
    )
    assert {key for key in asked if key.startswith("doc.")}
    assert not [key for key in asked if key not in fr.MESSAGES]


def test_every_key_of_the_documents_is_asked_for() -> None:
    source = _source()
    counted = set(re.findall(r"""counted\(\s*["'](doc\.[a-z0-9_.\-]+)["']""", source))
    unused = [
        key
        for key in DOC_KEYS
        if f'"{key}"' not in source
        and f"'{key}'" not in source
        and not key.startswith(FAMILIES)
        and key.rsplit(".", 1)[0] not in counted
    ]
    assert not unused


def test_the_html_texts_hold_no_markup() -> None:
    """The HTML report puts its catalogue texts in the page as they are."""
    html_keys = [key for key in DOC_KEYS if not key.startswith(("doc.xlsx.", "doc.letter."))]
    assert not [key for key in html_keys if "<" in fr.MESSAGES[key] or "&" in fr.MESSAGES[key]]


def test_agreeing_texts_come_in_pairs() -> None:
    """A ``.one`` text has its ``.other``, and both say ``{n}`` unless the words carry it."""
    ones = {key.removesuffix(".one") for key in DOC_KEYS if key.endswith(".one")}
    others = {key.removesuffix(".other") for key in DOC_KEYS if key.endswith(".other")}
    assert ones == others
    assert "doc.html.received" in ones
    assert "{n}" in fr.MESSAGES["doc.html.received.one"]
