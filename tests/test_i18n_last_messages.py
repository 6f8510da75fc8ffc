"""French for the last English texts of issue 6: the lines on stderr (provisional ranking,
``written: …``, ``init``'s next steps, the placeholder ocid), the remaining exit-2 errors, and
the data-error messages inside the French documents (report, letters) and French Markdown.

Each message has two tests, as in ``test_i18n_messages.py``: its English template gives back the
core's own English text (so that the catalogues cannot drift from the code), and the French line
printed for a real bad input, written by hand.
"""

import re
from collections.abc import Callable
from pathlib import Path

import openpyxl
from typer.testing import CliRunner

from referent_ess import api
from referent_ess.cli import app
from referent_ess.evaluate import Reason, Status
from referent_ess.letters import _reason_text

ABNORMAL_LOTS = """\
consultation:
  title: Test consultation
  vat_rate: 0.20
  required_documents: [cv]
  abnormally_low: {method: mean-ratio}
lots:
  - {id: 1, title: Lot one, cap_ht: 100000}
"""
NNBSP, NBSP = "\u202f", "\xa0"

# a flagged price (Alpha), an unusual VAT rate (Beta) and a day rate that is not a number (Delta)
DOCUMENT_ROWS = [
    ["Alpha", 1, 300, 10, 0.2, "oui", 4],
    ["Beta", 1, 500, 10, 0.07, "oui", 4],
    ["Gamma", 1, 500, 10, 0.2, "oui", 4],
    ["Delta", 1, "beaucoup", 10, 0.2, "oui", 4],
]
ABNORMAL_FR = (
    f"le prix est peut-être anormalement bas (mean-ratio : 3{NNBSP}000,00{NBSP}€ < 0,8 × "
    f"5{NNBSP}000,00{NBSP}€ (moyenne des 2 autres offres admissibles) = 4{NNBSP}000,00{NBSP}€) ; "
    "avant tout rejet, la loi impose de demander au candidat de le justifier (art. L2152-5 et "
    "R2152-3 du Code de la commande publique)"
)
VAT_FR = (
    "le taux de TVA 7 % n'est pas un taux français (20, 10, 5,5, 2,1 ou 0 %, ou en outre-mer "
    "8,5, 1,75 ou 1,05 %) ; vérifiez la cellule"
)
BAD_NUMBER_FR = "'beaucoup' n'est pas un nombre ; écrivez par exemple 450, 450,50 ou 1 234,50 €"


def _config_args(make_config: Callable[..., tuple[Path, Path]], **kwargs: str) -> list[str]:
    lots, criteria = make_config(**kwargs)
    return ["--lots", str(lots), "--criteria", str(criteria)]


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
    config = _config_args(make_config, lots_text=ABNORMAL_LOTS)
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
    config = _config_args(make_config, lots_text=ABNORMAL_LOTS)
    result = runner.invoke(app, ["--lang", "en", "report", str(book), *config, "--out", str(out)])
    assert result.exit_code == 1, result.output
    page = out.read_text(encoding="utf-8").replace("&#x27;", "'").replace("&lt;", "<")
    assert f"({ABNORMAL_FR}, cellule C2)" in page
    assert f"({VAT_FR}, cellule E3)" in page
    assert f"erreur de saisie : {BAD_NUMBER_FR} [bad-number]" in page
    assert "not a number" not in page


def test_a_letter_gives_a_data_error_reason_in_french(
    make_config: Callable[..., tuple[Path, Path]], make_workbook: Callable[..., Path]
) -> None:
    """Letters refuse a provisional lot, so a data error reaches a letter only through the
    library; it is worded in French all the same."""
    lots, criteria = make_config()
    evaluation = api.score(lots, criteria, make_workbook([["Alpha", 1, 450, 10, 0.2, "oui", 4]]))
    result = evaluation.lots[0].offers[0]
    reason = Reason(
        "missing-mark",
        Status.INVALID,
        "no mark for quality; the jury must mark every criterion",
        "G2",
        "quality",
        (("criterion", "quality"),),
    )
    assert _reason_text(evaluation.config, result, reason, iter(())) == (
        "pas de note pour le critère quality : le jury doit noter chaque critère"
    )


# ---- French Markdown: a space before the colon ------------------------------------------------


def test_french_markdown_puts_a_space_before_the_colon(
    runner: CliRunner,
    make_config: Callable[..., tuple[Path, Path]],
    make_workbook: Callable[..., Path],
) -> None:
    book = make_workbook(
        [["Alpha", 1, 450, 10, 0.2, "non", 4], ["Beta", 1, 400, 10, 0.2, "oui", 3]]
    )
    args = ["score", str(book), *_config_args(make_config), "--format", "markdown"]
    french = runner.invoke(app, ["--lang", "fr", *args]).stdout
    assert re.search(r"^- Alpha \(ligne 2\) : irrégulière — ", french, re.MULTILINE), french
    english = runner.invoke(app, ["--lang", "en", *args]).stdout
    assert re.search(r"^- Alpha \(row 2\): incomplete — ", english, re.MULTILINE), english


# ---- lines on stderr: provisional ranking, written files, init's next steps, ocid -----------


def test_the_provisional_ranking_warning_in_french_and_in_english(
    runner: CliRunner,
    make_config: Callable[..., tuple[Path, Path]],
    make_workbook: Callable[..., Path],
) -> None:
    book = make_workbook(DOCUMENT_ROWS)
    args = ["score", str(book), *_config_args(make_config, lots_text=ABNORMAL_LOTS)]
    french = runner.invoke(app, ["--lang", "fr", *args])
    assert french.exit_code == 1
    assert french.stderr.splitlines()[-1] == (
        f"avertissement : {book} : le classement du lot 1 est provisoire : 1 offre(s) non "
        "évaluée(s) à cause d'erreurs de saisie (ligne 5) ; corrigez-les (voir `referent "
        "validate`) avant de décider"
    )
    english = runner.invoke(app, ["--lang", "en", *args])
    assert english.stderr.splitlines()[-1] == (
        f"warning: {book}: the ranking of lot 1 is provisional: 1 offer(s) could not be "
        "evaluated because of data errors (row 5); correct them (see `referent validate`) "
        "before deciding"
    )


def test_the_provisional_ranking_of_several_lots_in_french(
    runner: CliRunner,
    make_config: Callable[..., tuple[Path, Path]],
    make_workbook: Callable[..., Path],
) -> None:
    book = make_workbook(
        [["Alpha", 1, "x", 10, 0.2, "oui", 4], ["Beta", 2, 400, "y", 0.2, "oui", 4]]
    )
    args = ["score", str(book), *_config_args(make_config)]
    assert runner.invoke(app, ["--lang", "fr", *args]).stderr.splitlines()[-1] == (
        f"avertissement : {book} : le classement des lots 1, 2 est provisoire : 2 offre(s) non "
        "évaluée(s) à cause d'erreurs de saisie (lignes 2, 3) ; corrigez-les (voir `referent "
        "validate`) avant de décider"
    )
    assert runner.invoke(app, ["--lang", "en", *args]).stderr.splitlines()[-1] == (
        f"warning: {book}: the ranking of lot 1, 2 is provisional: 2 offer(s) could not be "
        "evaluated because of data errors (rows 2, 3); correct them (see `referent validate`) "
        "before deciding"
    )


def test_written_lines_in_french(
    runner: CliRunner,
    make_config: Callable[..., tuple[Path, Path]],
    make_workbook: Callable[..., Path],
    tmp_path: Path,
) -> None:
    book = make_workbook(
        [["Alpha", 1, 450, 10, 0.2, "oui", 4], ["Beta", 1, 400, 10, 0.2, "oui", 3]]
    )
    config = _config_args(make_config)
    out = tmp_path / "classement.md"
    result = runner.invoke(
        app, ["--lang", "fr", "score", str(book), *config, "-f", "markdown", "-o", str(out)]
    )
    assert (result.exit_code, result.stderr) == (0, f"écrit : {out}\n")
    report = tmp_path / "rapport.html"
    result = runner.invoke(app, ["--lang", "fr", "report", str(book), *config, "-o", str(report)])
    assert (result.exit_code, result.stderr) == (0, f"écrit : {report}\n")
    folder = tmp_path / "lettres"
    args = ["letters", "--lot", "1", str(book), *config, "--out", str(folder)]
    result = runner.invoke(app, ["--lang", "fr", *args])
    assert (result.exit_code, result.stderr) == (0, f"écrit : 2 lettre(s) dans {folder}\n")
    result = runner.invoke(app, ["--lang", "en", *args, "--force"])
    assert result.stderr == f"written: 2 letter(s) in {folder}\n"


def test_the_placeholder_ocid_warning_in_french(
    runner: CliRunner,
    make_config: Callable[..., tuple[Path, Path]],
    make_workbook: Callable[..., Path],
    tmp_path: Path,
) -> None:
    book = make_workbook([["Alpha", 1, 450, 10, 0.2, "oui", 4]])
    out = tmp_path / "release.json"
    args = ["export", "--ocds", str(book), *_config_args(make_config), "--out", str(out)]
    assert runner.invoke(app, ["--lang", "fr", *args]).stderr.splitlines() == [
        "avertissement : le fichier OCDS utilise le préfixe d'ocid provisoire ocds-xxxxxx ; "
        "indiquez le vôtre avec --ocid-prefix avant de publier (l'Open Contracting Partnership "
        "en attribue un)",
        f"écrit : {out}",
    ]
    assert runner.invoke(app, ["--lang", "en", *args, "--force"]).stderr.splitlines() == [
        "warning: the release uses the placeholder ocid prefix ocds-xxxxxx; pass your own with "
        "--ocid-prefix before publishing (the Open Contracting Partnership gives one)",
        f"written: {out}",
    ]


def test_init_in_french(runner: CliRunner, tmp_path: Path) -> None:
    folder = tmp_path / "demo"
    result = runner.invoke(app, ["--lang", "fr", "init", str(folder), "--lots", "2"])
    assert result.exit_code == 0, result.output
    assert result.stderr.splitlines() == [
        f"écrit : {folder / name}" for name in ("lots.yaml", "criteria.yaml", "offers.xlsx")
    ]
    assert result.stdout == (
        "Ensuite : 1. dans lots.yaml, donnez à chaque lot son intitulé et son montant maximum "
        "(cap_ht ou cap_ttc), et la date limite ; 2. dans criteria.yaml, les pondérations de "
        "votre consultation ; 3. saisissez les offres et les notes du jury dans offers.xlsx ; "
        f"4. cd {folder} && referent validate, puis referent score.\n"
    )
