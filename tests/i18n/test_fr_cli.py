"""The run in French: the same numbers as in English, translated words, French money and
punctuation; the lines on stderr (provisional rankings, written files, ``init``'s next steps,
the placeholder ocid, the warnings cut short); JSON the same in every language."""

import json
import re
from collections.abc import Callable
from pathlib import Path
from types import SimpleNamespace

from typer.testing import CliRunner

from consultation_text import HEADER
from helpers import (
    ABNORMAL_LOTS,
    DOCUMENT_ROWS,
    EXAMPLE_CONFIG,
    NBSP,
    NNBSP,
    config_args,
)
from referent_ess import i18n
from referent_ess.cli import app


def test_json_never_changes_with_the_language(runner: CliRunner) -> None:
    english = runner.invoke(app, ["--lang", "en", "score", "--format", "json", *EXAMPLE_CONFIG])
    french = runner.invoke(app, ["--lang", "fr", "score", "--format", "json", *EXAMPLE_CONFIG])
    assert english.exit_code == french.exit_code == 0
    assert json.loads(english.stdout) == json.loads(french.stdout)


def test_the_same_ranking_in_french_and_in_english(runner: CliRunner) -> None:
    english = runner.invoke(app, ["--lang", "en", "rank", "--lot", "4", *EXAMPLE_CONFIG]).stdout
    french = runner.invoke(app, ["--lang", "fr", "rank", "--lot", "4", *EXAMPLE_CONFIG]).stdout
    # the winner's row: 540 × 22 = 11 880.00 HT, × 1.2 = 14 256.00 TTC, total 80.18
    assert "11880.00   14256.00" in english
    assert f"11{NNBSP}880,00{NBSP}€   14{NNBSP}256,00{NBSP}€" in french
    assert "80.18" in english
    assert "80,18" in french
    for word_en, word_fr in (
        ("Rank", "Rang"),
        ("Candidate", "Candidat"),
        ("Not ranked", "Offres non classées"),
        ("over the cap", "inacceptable"),
        ("incomplete", "irrégulière"),
    ):
        assert word_en in english
        assert word_fr in french
    assert (
        f"prix TTC de 15{NNBSP}600,00{NBSP}€, supérieur de 600,00{NBSP}€ au montant maximum TTC "
        f"du lot (15{NNBSP}000,00{NBSP}€)"
    ) in french


def test_referent_lang_selects_french(runner: CliRunner) -> None:
    result = runner.invoke(app, ["validate", *EXAMPLE_CONFIG], env={"REFERENT_LANG": "fr"})
    assert result.stdout.strip() == "valide : 0 erreur, 0 avertissement"


# ---- French Markdown: a space before the colon ------------------------------------------------


def test_french_markdown_puts_a_space_before_the_colon(
    runner: CliRunner,
    make_config: Callable[..., tuple[Path, Path]],
    make_workbook: Callable[..., Path],
) -> None:
    book = make_workbook(
        [["Alpha", 1, 450, 10, 0.2, "non", 4], ["Beta", 1, 400, 10, 0.2, "oui", 3]]
    )
    args = ["score", str(book), *config_args(make_config), "--format", "markdown"]
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
    args = ["score", str(book), *config_args(make_config, lots_text=ABNORMAL_LOTS)]
    french = runner.invoke(app, ["--lang", "fr", *args])
    assert french.exit_code == 1
    assert french.stderr.splitlines()[-1] == (
        f"avertissement : {book} : le classement du lot 1 est provisoire : 1 offre non "
        "évaluée à cause d'erreurs de saisie (ligne 5) ; corrigez-les (voir `referent "
        "validate`) avant de décider"
    )
    english = runner.invoke(app, ["--lang", "en", *args])
    assert english.stderr.splitlines()[-1] == (
        f"warning: {book}: the ranking of lot 1 is provisional: 1 offer could not be "
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
    args = ["score", str(book), *config_args(make_config)]
    assert runner.invoke(app, ["--lang", "fr", *args]).stderr.splitlines()[-1] == (
        f"avertissement : {book} : le classement des lots 1 et 2 est provisoire : 2 offres non "
        "évaluées à cause d'erreurs de saisie (lignes 2, 3) ; corrigez-les (voir `referent "
        "validate`) avant de décider"
    )
    assert runner.invoke(app, ["--lang", "en", *args]).stderr.splitlines()[-1] == (
        f"warning: {book}: the ranking of lots 1 and 2 is provisional: 2 offers could not be "
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
    config = config_args(make_config)
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
    assert (result.exit_code, result.stderr) == (0, f"écrit : 2 lettres dans {folder}\n")
    result = runner.invoke(app, ["--lang", "en", *args, "--force"])
    assert result.stderr == f"written: 2 letters in {folder}\n"


def test_the_placeholder_ocid_warning_in_french(
    runner: CliRunner,
    make_config: Callable[..., tuple[Path, Path]],
    make_workbook: Callable[..., Path],
    tmp_path: Path,
) -> None:
    book = make_workbook([["Alpha", 1, 450, 10, 0.2, "oui", 4]])
    out = tmp_path / "release.json"
    args = ["export", "--ocds", str(book), *config_args(make_config), "--out", str(out)]
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
        f"cd {folder} && referent template --update (offers.xlsx leur correspond alors, sans "
        "rien perdre de ce qui est saisi) ; 4. saisissez les offres, les notes du jury et ses "
        "décisions (offre irrégulière, inacceptable ou inappropriée, avec leur motif) dans "
        "offers.xlsx ; "
        f"5. cd {folder} && referent validate, puis referent score.\n"
    )


def test_the_progress_bar_of_a_large_workbook_in_french() -> None:
    """Shown on a terminal only; rich fills in ``{task.completed}``, which tr leaves alone."""
    task = SimpleNamespace(completed=2500)
    with i18n.language("fr"):
        assert i18n.tr("cli.reading").format(task=task) == "lecture des offres : 2500 lignes"
    with i18n.language("en"):
        assert i18n.tr("cli.reading").format(task=task) == "reading the offers: 2500 rows"


# ---- the start of each line on stderr ---------------------------------------------------------


def test_more_warnings_than_shown_in_french(
    runner: CliRunner,
    make_config: Callable[..., tuple[Path, Path]],
    make_workbook: Callable[..., Path],
) -> None:
    lots, criteria = make_config()
    extra = [f"extra{number}" for number in range(25)]
    book = make_workbook([["Alpha", 1, 300, 10, 0.2, "oui", 4]], [*HEADER, *extra])
    args = ["score", str(book), "--lots", str(lots), "--criteria", str(criteria)]
    french = runner.invoke(app, ["--lang", "fr", *args]).stderr.splitlines()
    assert len(french) == 21
    assert french[0] == (
        f"avertissement : {book} : offers!H1 : la colonne 'extra0' n'est pas utilisée par l'outil "
        "; elle est ignorée [unknown-column]"
    )
    assert french[-1] == "avertissement : … et 5 de plus : `referent validate` les liste tous"
    english = runner.invoke(app, ["--lang", "en", *args]).stderr.splitlines()
    assert english[-1] == "warning: … and 5 more: `referent validate` lists every one"
