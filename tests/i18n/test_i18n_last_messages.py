"""French for the last English texts of issue 6: the lines on stderr (provisional ranking,
``written: …``, ``init``'s next steps, the placeholder ocid), the remaining exit-2 errors, and
the data-error messages inside the French documents (report, letters) and French Markdown.

Each message has two tests, as in ``test_i18n_messages.py``: its English template gives back the
core's own English text (so that the catalogues cannot drift from the code), and the French line
printed for a real bad input, written by hand.
"""

import errno
import os
import re
import zipfile
from collections.abc import Callable
from pathlib import Path
from types import SimpleNamespace

import openpyxl
import pytest
from test_bad_files import SHEET
from test_i18n_messages import _check_error
from typer.testing import CliRunner

from conftest import LOTS_YAML
from referent_ess import api, cli, i18n
from referent_ess.cli import app
from referent_ess.evaluation.results import Reason, Status
from referent_ess.problems.errors import ReferentError
from referent_ess.render.explain import find_offer
from referent_ess.render.letters.letters import build_letters
from referent_ess.render.letters.paragraphs import reason_text

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
    assert f"à corriger (bad-number) : {BAD_NUMBER_FR}" in page  # as the xlsx report says
    assert "not a number" not in page


def test_a_letter_gives_a_data_error_reason_in_french(
    make_config: Callable[..., tuple[Path, Path]], make_workbook: Callable[..., Path]
) -> None:
    """Letters refuse a provisional lot, so a data error reaches a letter only through the
    library; it is worded in French all the same (a letter is written in French: the
    paragraphs word in the language build_letters sets)."""
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
    with i18n.language("fr"):
        text = reason_text(evaluation.config, result, reason, None)
    assert text == ("pas de note pour le critère quality : le jury doit noter chaque critère")


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
        f"avertissement : {book} : le classement des lots 1 et 2 est provisoire : 2 offre(s) non "
        "évaluée(s) à cause d'erreurs de saisie (lignes 2, 3) ; corrigez-les (voir `referent "
        "validate`) avant de décider"
    )
    assert runner.invoke(app, ["--lang", "en", *args]).stderr.splitlines()[-1] == (
        f"warning: {book}: the ranking of lots 1 and 2 is provisional: 2 offer(s) could not be "
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
        "votre consultation ; 3. si vous avez changé les lots, les pièces ou les critères, "
        f"cd {folder} && referent template --force (offers.xlsx leur correspond alors) ; "
        "4. saisissez les offres et les notes du jury dans offers.xlsx ; "
        f"5. cd {folder} && referent validate, puis referent score.\n"
    )


# ---- the last exit-2 errors: each French line, and its English template -----------------------


def _refused(runner: CliRunner, monkeypatch: pytest.MonkeyPatch, args: list[str]) -> list[str]:
    """The French ``erreur : …`` lines of a command refused with exit 2; the same command in
    English prints the core's own lines, and the error's English templates give them back."""
    caught: list[ReferentError] = []
    original = cli._error_lines

    def recording(error: ReferentError) -> tuple[str, ...]:
        caught.append(error)
        return original(error)

    with monkeypatch.context() as patched:
        patched.setattr(cli, "_error_lines", recording)
        english = runner.invoke(app, ["--lang", "en", *args])
    assert english.exit_code == 2, english.output
    (error,) = caught
    assert english.stderr == "".join(f"error: {line}\n" for line in error.lines)
    _check_error(error)
    french = runner.invoke(app, ["--lang", "fr", *args])
    assert french.exit_code == 2, french.output
    lines = french.stderr.splitlines()
    assert all(line.startswith("erreur : ") for line in lines), lines
    return [line.removeprefix("erreur : ") for line in lines]


def _in_french(error: ReferentError) -> list[str]:
    """An error only a script can meet (the CLI checks the lot first), as --lang fr prints it."""
    _check_error(error)
    with i18n.language("fr"):
        return list(cli._error_lines(error))


@pytest.fixture
def book(make_workbook: Callable[..., Path]) -> Path:
    return make_workbook(
        [["Alpha", 1, 450, 10, 0.2, "oui", 4], ["Beta", 1, 400, 10, 0.2, "oui", 3]]
    )


@pytest.fixture
def config(make_config: Callable[..., tuple[Path, Path]]) -> list[str]:
    return _config_args(make_config)


def test_output_paths_refused_in_french(
    runner: CliRunner,
    monkeypatch: pytest.MonkeyPatch,
    book: Path,
    config: list[str],
    tmp_path: Path,
) -> None:
    score = ["score", str(book), *config, "-f", "markdown", "-o"]
    assert _refused(runner, monkeypatch, [*score, str(tmp_path)]) == [
        f"{tmp_path} : c'est un dossier ; indiquez un nom de fichier où écrire [output-is-folder]"
    ]
    absent = tmp_path / "absent" / "classement.md"
    assert _refused(runner, monkeypatch, [*score, str(absent)]) == [
        f"{absent} : le dossier {absent.parent} n'existe pas [output-folder-missing]"
    ]
    assert _refused(runner, monkeypatch, [*score, str(book), "--force"]) == [
        f"{book} : c'est un fichier d'entrée de cette commande ({book}) ; referent refuse "
        "d'écrire par-dessus [output-is-input]"
    ]


def test_an_output_that_cannot_be_written_in_french(
    runner: CliRunner,
    monkeypatch: pytest.MonkeyPatch,
    book: Path,
    config: list[str],
    tmp_path: Path,
) -> None:
    def denied(_source: str, target: str) -> None:
        raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), target)

    monkeypatch.setattr(os, "replace", denied)
    out = tmp_path / "classement.md"
    args = ["score", str(book), *config, "-f", "markdown", "-o", str(out)]
    assert _refused(runner, monkeypatch, args) == [
        f"{out} : le fichier ne peut pas être écrit (accès refusé) [output-unwritable]"
    ]


def test_command_outputs_refused_in_french(
    runner: CliRunner,
    monkeypatch: pytest.MonkeyPatch,
    book: Path,
    config: list[str],
    tmp_path: Path,
) -> None:
    pdf = tmp_path / "rapport.pdf"
    assert _refused(runner, monkeypatch, ["report", str(book), *config, "--out", str(pdf)]) == [
        f"{pdf} : le rapport s'écrit en .xlsx ou en .html ; donnez à --out un nom qui finit par "
        "l'une de ces extensions [unknown-report-format]"
    ]
    args = ["letters", "--lot", "1", str(book), *config, "--out", str(book)]
    assert _refused(runner, monkeypatch, args) == [
        f"{book} : c'est un fichier ; indiquez un dossier pour les lettres [output-is-file]"
    ]
    out = tmp_path / "release.json"
    assert _refused(runner, monkeypatch, ["export", str(book), *config, "--out", str(out)]) == [
        "export : choisissez ce qu'il faut exporter : --ocds [no-export-format]"
    ]
    assert _refused(runner, monkeypatch, ["template", *config, "--out", str(book)]) == [
        f"{book} : le classeur contient 2 ligne(s) d'offres ; écrivez le modèle dans un autre "
        "fichier (--out nouveau.xlsx) et recopiez-y les offres, pour ne rien perdre de ce qui a "
        "été saisi [output-holds-offers]"
    ]


def test_offers_workbooks_refused_in_french(
    runner: CliRunner,
    monkeypatch: pytest.MonkeyPatch,
    book: Path,
    config: list[str],
    tmp_path: Path,
) -> None:
    lots = Path(config[1])
    assert _refused(runner, monkeypatch, ["score", *config]) == [
        f"{lots} : aucun classeur des offres n'est indiqué ; donnez-le après la commande (par "
        "exemple `referent score offers.xlsx`) ou renseignez consultation.offers dans lots.yaml "
        "[no-offers-file]"
    ]
    hidden = openpyxl.Workbook()
    sheet = hidden.active
    assert sheet is not None
    sheet.title = "data"
    sheet.sheet_state = "hidden"
    hidden.create_chartsheet("chart")
    path = tmp_path / "hidden.xlsx"
    hidden.save(path)
    assert _refused(runner, monkeypatch, ["score", str(path), *config]) == [
        f"{path} : le classeur n'a aucune feuille de calcul visible [no-worksheet]"
    ]
    broken = tmp_path / "broken.xlsx"
    with zipfile.ZipFile(book) as source, zipfile.ZipFile(broken, "w") as target:
        for info in source.infolist():
            data = source.read(info)
            target.writestr(info, data[: len(data) // 2] if info.filename == SHEET else data)
    (line,) = _refused(runner, monkeypatch, ["score", str(broken), *config])
    assert line.startswith(f"{broken} : le fichier ne peut pas être lu comme un classeur .xlsx (")
    assert line.endswith(") [unreadable-workbook]")


def test_explain_refusals_in_french(
    runner: CliRunner,
    monkeypatch: pytest.MonkeyPatch,
    make_config: Callable[..., tuple[Path, Path]],
    make_workbook: Callable[..., Path],
) -> None:
    config = _config_args(make_config)
    rows = [
        ["Alpha", 1, 400, 10, 0.2, "oui", 4],
        ["alpha ", 1, 900, 10, 0.2, "oui", 5],
        ["Beta", 1, 450, 10, 0.2, "oui", 3],
        ["Gamma", 2, 450, 10, 0.2, "oui", 3],
    ]
    book = make_workbook(rows)
    explain = ["explain", "--lot", "1", *config, "--"]
    assert _refused(runner, monkeypatch, [*explain, "ALPHA", str(book)]) == [
        f"{book} : 'ALPHA' a 2 offres sur le lot 1 (lignes 2, 3) ; un candidat ne peut remettre "
        "qu'une offre par lot : corrigez le classeur (voir `referent validate`) "
        "[ambiguous-candidate]"
    ]
    assert _refused(runner, monkeypatch, [*explain, "Betta", str(book)]) == [
        f"{book} : le lot 1 n'a pas d'offre de 'Betta' ; vouliez-vous dire 'Beta' ? (candidats "
        "du lot 1 : Beta, Alpha, alpha) [unknown-candidate]"
    ]
    assert _refused(runner, monkeypatch, [*explain, "Gamma", str(book)]) == [
        f"{book} : le lot 1 n'a pas d'offre de 'Gamma' (candidats du lot 1 : Beta, Alpha, alpha) "
        "; 'Gamma' a une offre sur le lot 2 [unknown-candidate]"
    ]
    evaluation = api.score(*(Path(p) for p in config[1::2]), book)
    with pytest.raises(ReferentError) as caught:
        find_offer(evaluation, 9, "Alpha")
    assert _in_french(caught.value) == [
        f"{config[1]} : il n'y a pas de lot 9 (lots : 1, 2) [no-lot]"
    ]
    empty = api.score(*(Path(p) for p in config[1::2]), make_workbook([rows[3]]))
    with pytest.raises(ReferentError) as caught:
        find_offer(empty, 1, "Alpha")
    assert _in_french(caught.value)[0].endswith("(candidats du lot 1 : aucun) [unknown-candidate]")


def test_several_close_names_in_french() -> None:
    error = ReferentError(
        "x.xlsx: lot 1 has no offer from 'Alph'; did you mean 'Alpha' or 'Alpho' or 'Alphi'? "
        "(candidates of lot 1: Alpha, Alpho, Alphi)",
        "unknown-candidate",
        params=(
            ("path", "x.xlsx"),
            ("lot", "1"),
            ("candidate", "'Alph'"),
            ("close_part", "close.3"),
            ("close1", "'Alpha'"),
            ("close2", "'Alpho'"),
            ("close3", "'Alphi'"),
            ("listed", "Alpha, Alpho, Alphi"),
            ("listed_part", "candidates.some"),
            ("elsewhere_part", "elsewhere.none"),
        ),
    )
    assert _in_french(error) == [
        "x.xlsx : le lot 1 n'a pas d'offre de 'Alph' ; vouliez-vous dire 'Alpha', 'Alpho' ou "
        "'Alphi' ? (candidats du lot 1 : Alpha, Alpho, Alphi) [unknown-candidate]"
    ]


LIMITED_LOTS = LOTS_YAML.format(cap_basis="ht").replace(
    "  required_documents: [cv]\n", "  required_documents: [cv]\n  max_lots_per_candidate: 1\n"
)


def test_letters_refused_in_french(
    runner: CliRunner,
    monkeypatch: pytest.MonkeyPatch,
    make_config: Callable[..., tuple[Path, Path]],
    make_workbook: Callable[..., Path],
    tmp_path: Path,
) -> None:
    config = _config_args(make_config)
    out = str(tmp_path / "lettres")

    def letters(rows: list[list[object]], lot: int = 1, *extra: str) -> list[str]:
        book = make_workbook(rows)
        args = ["letters", "--lot", str(lot), str(book), *config, "--out", out, *extra]
        return _refused(runner, monkeypatch, args)

    alpha = ["Alpha", 1, 450, 10, 0.2, "oui", 4]
    assert letters([alpha, ["Beta", 1, 450, 10, 0.2, "oui", 9]]) == [
        "lot 1 : le classement est provisoire (des offres n'ont pas pu être évaluées) ; corrigez "
        "le classeur des offres (voir `referent validate`) avant d'écrire les lettres : aucune "
        "lettre ne doit partir sur un résultat provisoire [letters-provisional]"
    ]
    assert letters([["Alpha", 1, 450, 10, 0.2, "non", 4]]) == [
        "lot 1 : aucune offre admissible, donc aucune attribution à notifier ; les lettres ne "
        "s'écrivent que pour un lot qui a un attributaire [letters-no-winner]"
    ]
    assert letters([alpha, ["Beta", 1, 450, 10, 0.2, "oui", 4]]) == [
        "lot 1 : 2 offres sont classées premières ex aequo (Alpha, Beta) et le départage ne les "
        "sépare pas ; tranchez l'égalité avant d'écrire les lettres : aucune lettre ne doit "
        "partir sur un résultat à égalité [letters-tie]"
    ]
    templates = tmp_path / "modeles"
    assert letters([alpha], 1, "--template", str(templates)) == [
        f"{templates} : dossier de modèles introuvable [template-dir]"
    ]
    templates.mkdir()
    (templates / "rejet.md").write_text("Madame,\n\nPrix en $ US\n", encoding="utf-8")
    assert letters([alpha], 1, "--template", str(templates)) == [
        f"{templates / 'rejet.md'}:3: un « $ » qui ne commence aucun champ ; écrivez $$ pour le "
        "signe dollar, ou $nom / ${nom} pour un champ [template-syntax]"
    ]
    (templates / "rejet.md").write_text("$candidat\n", encoding="utf-8")
    (line,) = letters([alpha], 1, "--template", str(templates))
    assert line.startswith(
        f"{templates / 'rejet.md'} : champ inconnu $candidat ; champs possibles : $"
    )
    assert line.endswith(" [template-placeholder]")
    (templates / "rejet.md").write_bytes("Référent\n".encode("cp1252"))
    (line,) = letters([alpha], 1, "--template", str(templates))
    assert line.startswith(f"{templates / 'rejet.md'} : le modèle ne peut pas être lu (")
    assert line.endswith(") ; enregistrez-le en texte UTF-8 [template-unreadable]")


def test_a_lot_no_candidate_may_take_refuses_letters_in_french(
    runner: CliRunner,
    monkeypatch: pytest.MonkeyPatch,
    make_config: Callable[..., tuple[Path, Path]],
    make_workbook: Callable[..., Path],
    tmp_path: Path,
) -> None:
    config = _config_args(make_config, lots_text=LIMITED_LOTS)
    book = make_workbook(
        [["Alpha", 1, 450, 10, 0.2, "oui", 4], ["Alpha", 2, 400, 10, 0.2, "oui", 4]]
    )
    args = ["letters", "--lot", "2", str(book), *config, "--out", str(tmp_path / "lettres")]
    # the note after "aucune attribution" is the evaluation's own (award_note), in English
    assert _refused(runner, monkeypatch, args) == [
        "lot 2 : aucune attribution : aucun candidat ne peut recevoir ce lot [letters-no-award]"
    ]
    evaluation = api.score(*(Path(p) for p in config[1::2]), book)
    with pytest.raises(ReferentError) as caught:
        build_letters(evaluation, 7)
    assert _in_french(caught.value) == [
        "le lot 7 n'est pas dans la consultation (lots : 1, 2) [no-lot]"
    ]


def test_template_and_init_refusals_in_french(
    runner: CliRunner,
    monkeypatch: pytest.MonkeyPatch,
    config: list[str],
    tmp_path: Path,
) -> None:
    out = str(tmp_path / "offres.xlsx")
    template = ["template", *config, "--out", out, "--evaluators"]
    assert _refused(runner, monkeypatch, [*template, "Anne,,Bruno"]) == [
        "le nom d'un évaluateur est vide ; indiquez des noms comme Anne,Bruno [bad-evaluators]"
    ]
    assert _refused(runner, monkeypatch, [*template, "Anne,Chloé,anne"]) == [
        "les évaluateurs 'Anne' et 'anne' portent le même nom ; indiquez chacun une seule fois "
        "[bad-evaluators]"
    ]
    folder = tmp_path / "demo"
    assert _refused(runner, monkeypatch, ["init", str(folder), "--lots", "0"]) == [
        "--lots 0 : une consultation a au moins un lot [init-lots]"
    ]
    assert _refused(runner, monkeypatch, ["init", config[1]]) == [
        f"{config[1]} : c'est un fichier, pas un dossier [init-not-a-folder]"
    ]
    assert runner.invoke(app, ["init", str(folder)]).exit_code == 0
    assert _refused(runner, monkeypatch, ["init", str(folder)]) == [
        f"{folder / name} : le fichier existe déjà ; ajoutez --force pour le remplacer, ou "
        "choisissez un autre dossier [init-exists]"
        for name in ("lots.yaml", "criteria.yaml", "offers.xlsx")
    ]


def test_the_progress_bar_of_a_large_workbook_in_french() -> None:
    """Shown on a terminal only; rich fills in ``{task.completed}``, which tr leaves alone."""
    task = SimpleNamespace(completed=2500)
    with i18n.language("fr"):
        assert i18n.tr("cli.reading").format(task=task) == "lecture des offres : 2500 lignes"
    with i18n.language("en"):
        assert i18n.tr("cli.reading").format(task=task) == "reading the offers: 2500 rows"
