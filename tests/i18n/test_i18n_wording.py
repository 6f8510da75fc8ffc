"""Wording found unclear by a newcomer: each French (and English) line as printed, written by
hand.

Figures come from the bundled example (``lots.yaml``, ``criteria.yaml``, the offers workbook it
names) or from small workbooks built in ``tmp_path``. French money: narrow no-break space (U+202F)
between thousands, no-break space (U+00A0) before €.
"""

from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from consultation_text import HEADER
from helpers import ROOT, run  # the example's folder
from referent_ess import api
from referent_ess.cli import app
from referent_ess.i18n import CATALOGUES

pytestmark = pytest.mark.usefixtures("wide_terminal")  # long lines kept whole

# ---- explain: a reason is named by its status's label, not by its code ----------------------


def test_explain_names_a_late_offers_reason_in_french(runner: CliRunner) -> None:
    out = run(runner, "--lang", "fr", "explain", "--lot", "1", "Parenthèse Familles Conseil")
    assert out.stdout.rstrip().splitlines()[-1] == (
        "10. Motif hors délai : reçue le 26/03/2018, après la date limite du 23/03/2018 (G15) — "
        "offre hors délai, éliminée : art. R2143-2 et R2151-5 du Code de la commande publique."
    )


def test_explain_names_an_incomplete_offers_reason_in_french(runner: CliRunner) -> None:
    out = run(runner, "--lang", "fr", "explain", "--lot", "4", "Second Souffle Conseil")
    assert out.stdout.rstrip().splitlines()[-1] == (
        "10. Motif irrégulière : pièce exigée manquante : présentation et CV de l'intervenant "
        "(J5) — offre "
        "irrégulière : art. L2152-2 du Code de la commande publique (l'acheteur peut en "
        "autoriser la régularisation : art. R2152-2)."
    )


def test_explain_keeps_the_reason_codes_in_english(runner: CliRunner) -> None:
    out = run(runner, "--lang", "en", "explain", "--lot", "1", "Parenthèse Familles Conseil")
    assert out.stdout.rstrip().splitlines()[-1] == (
        "10. Reason late: received 2018-03-26, after the deadline 2018-03-23 (G15) — late offer, "
        "eliminated: art. R2143-2 and R2151-5 of the Code de la commande publique."
    )


# ---- French typography: a space before ":" and ";", English unchanged -----------------------


def test_a_problems_location_puts_a_space_before_the_colon_in_french(
    runner: CliRunner,
    make_config: Callable[..., tuple[Path, Path]],
    make_workbook: Callable[..., Path],
) -> None:
    """No day_rate_ht column: a problem of the whole sheet, on stderr and in validate's table."""
    book = make_workbook([["Alpha", 1, 10, 0.2, "oui", 4]], [*HEADER[:2], *HEADER[3:]])
    lots, criteria = make_config()
    config = ["--lots", str(lots), "--criteria", str(criteria)]
    french = runner.invoke(app, ["--lang", "fr", "score", str(book), *config])
    assert french.stderr.startswith(
        f"erreur : {book} : feuille 'offers' : aucune colonne pour le coût journalier HT "
        "(day_rate_ht) : ajoutez une colonne intitulée l'une de : 'day_rate_ht', "
    )
    english = runner.invoke(app, ["--lang", "en", "score", str(book), *config])
    assert english.stderr.startswith(
        f"error: {book}: sheet 'offers': no column for the day rate HT (day_rate_ht): add a "
        "column headed one of "
    )
    table = runner.invoke(app, ["--lang", "fr", "validate", str(book), *config]).stdout
    (line,) = [line for line in table.splitlines() if "missing-column" in line]
    # a problem of the whole sheet: its Field cell is empty (the message names the column)
    assert line.split()[1:6] == [str(book), ":", "feuille", "'offers'", "missing-column"]


def test_the_budget_summary_puts_a_space_before_the_colon_and_semicolon_in_french(
    runner: CliRunner,
    make_config: Callable[..., tuple[Path, Path]],
    make_workbook: Callable[..., Path],
) -> None:
    book = make_workbook(
        [["Alpha", 1, 450, 10, 0.2, "oui", 4], ["Beta", 1, 400, "18 jours", 0.2, "oui", 3]]
    )
    lots, criteria = make_config()
    args = ["check-budget", str(book), "--lots", str(lots), "--criteria", str(criteria)]
    french = runner.invoke(app, ["--lang", "fr", *args]).stdout.splitlines()
    assert (
        "1 offre contrôlée ; 0 au-dessus du montant maximum ; 1 impossible à "
        "contrôler : Beta (ligne 3 : pas de prix : coût journalier ou nombre de jours illisible)"
    ) in french
    english = runner.invoke(app, ["--lang", "en", *args]).stdout.splitlines()
    assert (
        "1 offer checked; 0 over the cap; 1 that cannot be checked: Beta (row 3: no price: "
        "day rate or days unreadable)"
    ) in english


def test_french_markdown_lists_the_offers_not_ranked_with_french_punctuation(
    runner: CliRunner,
    make_config: Callable[..., tuple[Path, Path]],
    make_workbook: Callable[..., Path],
) -> None:
    """The heading of the offers not ranked, and two reasons of one offer (joined by ";")."""
    book = make_workbook(
        [["Alpha", 1, 450, 10, 0.2, "oui", 4], ["Beta", 1, "x", "y", 0.2, "oui", 3]]
    )
    lots, criteria = make_config()
    args = ["score", str(book), "--lots", str(lots), "--criteria", str(criteria), "-f", "markdown"]
    french = runner.invoke(app, ["--lang", "fr", *args]).stdout.splitlines()
    assert "Offres non classées :" in french
    day_rate = "'x' n'est pas un nombre ; écrivez par exemple 450, 450,50 ou 1 234,50 €"
    days = "'y' n'est pas un nombre ; écrivez par exemple 20 ou 21,5"
    no_ground = "donnée à corriger dans le classeur, pas un motif de rejet"
    assert (
        f"- Beta (ligne 3) : à corriger — {day_rate} (C3) — {no_ground} ; {days} (D3) — {no_ground}"
    ) in french
    english = runner.invoke(app, ["--lang", "en", *args]).stdout.splitlines()
    assert "Not ranked:" in english
    day_rate = "'x' is not a number; expected e.g. 450, 450.50, 450,50 or 1 234,50 €"
    days = "'y' is not a number; expected e.g. 20, 21.5 or 21,5"
    no_ground = "data to correct in the workbook, not a ground for rejection"
    assert (
        f"- Beta (row 3): invalid — {day_rate} (C3) — {no_ground}; {days} (D3) — {no_ground}"
    ) in english


def test_the_html_report_gives_the_sheets_remarks_in_french(
    runner: CliRunner,
    make_config: Callable[..., tuple[Path, Path]],
    make_workbook: Callable[..., Path],
    tmp_path: Path,
) -> None:
    book = make_workbook([["Alpha", 1, 450, 10, 0.2, "oui", 4, "x"]], [*HEADER, "remarque"])
    lots, criteria = make_config()
    out = tmp_path / "rapport.html"
    args = ["report", str(book), "--lots", str(lots), "--criteria", str(criteria), "-o", str(out)]
    assert runner.invoke(app, ["--lang", "en", *args]).exit_code == 0
    page = out.read_text(encoding="utf-8").replace("&#x27;", "'")
    assert (
        f"<li>{book} : offers!H1 : la colonne 'remarque' n'est pas utilisée par l'outil ; elle "
        "est ignorée [unknown-column]</li>"
    ) in page


# ---- the abnormally-low note of a lot: a sentence, with its capital -------------------------

ABNORMAL_EN = (
    "Abnormally low offers: fewer than 3 admissible offers, so the method chosen (comparison "
    "with the mean of the other offers) does not apply; judge the prices case by case"
)
ABNORMAL_FR = (
    "Offres anormalement basses : moins de 3 offres admissibles, la méthode retenue "
    "(comparaison à la moyenne des autres offres) ne s'applique pas ; apprécier les prix au "
    "cas par cas"
)


@pytest.mark.parametrize(("language", "note"), [("en", ABNORMAL_EN), ("fr", ABNORMAL_FR)])
def test_the_abnormally_low_note_is_a_sentence_in_tables_and_markdown(
    runner: CliRunner, language: str, note: str
) -> None:
    """Lot 1 of the example has fewer than 3 admissible offers."""
    table = run(runner, "--lang", language, "score", "--lot", "1").stdout.splitlines()
    assert note in table
    rank = run(runner, "--lang", language, "rank", "--lot", "1").stdout.splitlines()
    assert note in rank
    markdown = run(runner, "--lang", language, "score", "-f", "markdown").stdout.splitlines()
    assert note in markdown
    explained = run(runner, "--lang", language, "explain", "--lot", "4", "Ressourceries en Réseau")
    assert f"13. {note}." in explained.stdout.splitlines()


def test_the_abnormally_low_note_in_json_is_the_same_sentence() -> None:
    evaluation = api.score(ROOT / "lots.yaml", ROOT / "criteria.yaml")
    assert evaluation.lots[0].abnormal_note == ABNORMAL_EN
    method = CATALOGUES["en"]["abnormal.method.mean-ratio"]
    assert CATALOGUES["en"]["lot.abnormal"].format(n=3, method=method) == ABNORMAL_EN


# ---- a number of days that is not a number: examples of days, not of money -----------------


def test_a_bad_number_of_days_gets_examples_of_days(
    runner: CliRunner,
    make_config: Callable[..., tuple[Path, Path]],
    make_workbook: Callable[..., Path],
) -> None:
    """Each line names the cell's column by its header as typed in the sheet, never by the
    tool's internal name of the column (``day_rate_ht``)."""
    french_header = ["Candidat", "N° lot", "Coût journalier  HT", "Nombre de jours", *HEADER[4:]]
    book = make_workbook([["Alpha", 1, "450 euros HT", "18 jours", 0.2, "oui", 4]], french_header)
    lots, criteria = make_config()
    report = api.validate(lots, criteria, book)
    assert [p.message for p in report.problems] == [
        "'450 euros HT' is not a number; expected e.g. 450, 450.50, 450,50 or 1 234,50 €",
        "'18 jours' is not a number; expected e.g. 20, 21.5 or 21,5",
    ]
    args = ["check-budget", str(book), "--lots", str(lots), "--criteria", str(criteria)]
    assert runner.invoke(app, ["--lang", "fr", *args]).stderr.splitlines() == [
        f"erreur : {book} : offers!C2 : Coût journalier HT : '450 euros HT' n'est pas un nombre ; "
        "écrivez par exemple 450, 450,50 ou 1 234,50 € [bad-number]",
        f"erreur : {book} : offers!D2 : Nombre de jours : '18 jours' n'est pas un nombre ; "
        "écrivez par "
        "exemple 20 ou 21,5 [bad-number]",
    ]
    assert runner.invoke(app, ["--lang", "en", *args]).stderr.splitlines() == [
        f"error: {book}: offers!C2: Coût journalier HT: '450 euros HT' is not a number; expected "
        "e.g. 450, 450.50, 450,50 or 1 234,50 € [bad-number]",
        f"error: {book}: offers!D2: Nombre de jours: '18 jours' is not a number; expected e.g. "
        "20, 21.5 or 21,5 [bad-number]",
    ]


def test_score_names_a_warnings_column_by_its_header_as_typed(
    runner: CliRunner,
    make_config: Callable[..., tuple[Path, Path]],
    make_workbook: Callable[..., Path],
) -> None:
    header = ["Candidat", "N° lot", "Coût journalier HT", "Nombre de jours", *HEADER[4:]]
    rows = [["Al\u200bpha", 1, 450, 10, 0.2, "oui", 4], ["Beta", 1, 500, 10, 0.2, "oui", 3]]
    book = make_workbook(rows, header)
    lots, criteria = make_config()
    args = ["score", str(book), "--lots", str(lots), "--criteria", str(criteria)]
    (english,) = runner.invoke(app, ["--lang", "en", *args]).stderr.splitlines()
    assert english.startswith(f"warning: {book}: offers!A2: Candidat: the cell holds ")
    (french,) = runner.invoke(app, ["--lang", "fr", *args]).stderr.splitlines()
    assert french.startswith(f"avertissement : {book} : offers!A2 : Candidat : la cellule ")


# ---- a provisional ranking of several lots: "lots 1, 2 and 3" --------------------------------

THREE_LOTS = """\
consultation:
  title: Test consultation
  vat_rate: 0.20
  required_documents: [cv]
lots:
  - {id: 1, title: Lot one, cap_ht: 10000}
  - {id: 2, title: Lot two, cap_ht: 10000}
  - {id: 3, title: Lot three, cap_ht: 10000}
"""


def test_the_provisional_ranking_of_three_lots_says_lots(
    runner: CliRunner,
    make_config: Callable[..., tuple[Path, Path]],
    make_workbook: Callable[..., Path],
) -> None:
    book = make_workbook(
        [
            ["Alpha", 1, "x", 10, 0.2, "oui", 4],
            ["Beta", 2, 400, "y", 0.2, "oui", 4],
            ["Gamma", 3, "z", 10, 0.2, "oui", 4],
        ]
    )
    lots, criteria = make_config(lots_text=THREE_LOTS)
    args = ["score", str(book), "--lots", str(lots), "--criteria", str(criteria)]
    assert runner.invoke(app, ["--lang", "en", *args]).stderr.splitlines()[-1] == (
        f"warning: {book}: the ranking of lots 1, 2 and 3 is provisional: 3 offers could not "
        "be evaluated because of data errors (rows 2, 3, 4); correct them (see `referent "
        "validate`) before deciding"
    )
    assert runner.invoke(app, ["--lang", "fr", *args]).stderr.splitlines()[-1] == (
        f"avertissement : {book} : le classement des lots 1, 2 et 3 est provisoire : 3 offres "
        "non évaluées à cause d'erreurs de saisie (lignes 2, 3, 4) ; corrigez-les (voir "
        "`referent validate`) avant de décider"
    )


# ---- a header typo: the column as the template heads it, and what to do --------------------


def test_a_header_typo_names_the_templates_header_and_says_what_to_do(
    runner: CliRunner,
    make_config: Callable[..., tuple[Path, Path]],
    make_workbook: Callable[..., Path],
) -> None:
    book = make_workbook(
        [["Alpha", 1, 450, 10, 0.2, "oui", 4, "2018-03-22"]],
        [*HEADER[:5], "cvv", "quality", "Date de recepton"],
    )
    lots, criteria = make_config()
    report = api.validate(lots, criteria, book)
    suspicious = [p for p in report.problems if p.code == "suspicious-column"]
    assert [(p.cell, p.field) for p in suspicious] == [("F1", "cv"), ("H1", "received_at")]
    assert [p.message for p in suspicious] == [
        "column 'cvv' is not a known column; did you mean 'cv'? If so, correct the header; if "
        "not, rename it to a header the tool does not use",
        "column 'Date de recepton' is not a known column; did you mean 'Date de réception' "
        "(received_at)? If so, correct the header; if not, rename it to a header the tool does "
        "not use",
    ]
    args = ["score", str(book), "--lots", str(lots), "--criteria", str(criteria)]
    french = runner.invoke(app, ["--lang", "fr", *args]).stderr.splitlines()
    assert french[:2] == [
        f"erreur : {book} : offers!F1 : la colonne 'cvv' n'est pas une colonne connue ; "
        "vouliez-vous dire 'cv' ? Si oui, corrigez l'en-tête ; sinon, donnez-lui un en-tête "
        "que l'outil n'utilise pas [suspicious-column]",
        f"erreur : {book} : offers!H1 : la colonne 'Date de recepton' n'est pas "
        "une colonne connue ; vouliez-vous dire 'Date de réception' (received_at) ? Si oui, "
        "corrigez l'en-tête ; sinon, donnez-lui un en-tête que l'outil n'utilise pas "
        "[suspicious-column]",
    ]
    english = runner.invoke(app, ["--lang", "en", *args]).stderr.splitlines()
    assert english[:2] == [
        f"error: {book}: offers!F1: column 'cvv' is not a known column; did you mean 'cv'? "
        "If so, correct the header; if not, rename it to a header the tool does not use "
        "[suspicious-column]",
        f"error: {book}: offers!H1: column 'Date de recepton' is not a known "
        "column; did you mean 'Date de réception' (received_at)? If so, correct the header; if "
        "not, rename it to a header the tool does not use [suspicious-column]",
    ]


def test_a_bad_mark_gets_mark_examples(
    make_config: Callable[..., tuple[Path, Path]], make_workbook: Callable[..., Path]
) -> None:
    from referent_ess import api
    from referent_ess.i18n import language, message

    book = make_workbook([["Alpha", 1, 450, 10, 0.2, "oui", "quatre"]])
    lots, criteria = make_config()
    report = api.validate(lots, criteria, book)
    (problem,) = [p for p in report.problems if p.cell == "G2"]
    assert problem.message == "'quatre' is not a number; expected e.g. 3, 3.5 or 3,5"
    with language("fr"):
        assert message(problem.code, problem.params) == (
            "'quatre' n'est pas un nombre ; écrivez par exemple 3 ou 3,5"
        )


def test_a_vat_rate_is_written_the_french_way_in_every_french_budget_output(
    runner: CliRunner,
    make_config: Callable[..., tuple[Path, Path]],
    make_workbook: Callable[..., Path],
) -> None:
    # Alpha states 5.5 % VAT; the table, like the Markdown, writes it 5,5 % in French (issue 11:
    # the table wrote 5.5 %).
    book = make_workbook([["Alpha", 1, 450, 10, "5,5 %", "oui", 4]])
    lots, criteria = make_config()
    args = ["check-budget", str(book), "--lots", str(lots), "--criteria", str(criteria)]
    table = runner.invoke(app, ["--lang", "fr", *args]).stdout
    markdown = runner.invoke(app, ["--lang", "fr", *args, "--format", "markdown"]).stdout
    alpha = next(line for line in table.splitlines() if line.startswith("Alpha"))
    assert "   5,5 %   " in alpha
    assert "5.5" not in table
    assert "| 5,5 % |" in markdown
    english = runner.invoke(app, ["--lang", "en", *args]).stdout
    assert "   5.5 %   " in english
