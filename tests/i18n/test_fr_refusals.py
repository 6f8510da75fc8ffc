"""Commands refused with exit code 2, each line as printed in English and in French, written by
hand: outputs that cannot be written, ``explain``, ``letters``, ``template`` and ``init``
refusals, and the commands that need weights or a single winner."""

import errno
import os
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from consultation_text import LOTS_YAML
from helpers import (
    config_args,
    refused,
)
from referent_ess import api
from referent_ess.analysis.sensitivity import NotApplicable, analyse
from referent_ess.cli import app
from referent_ess.problems.errors import ReferentError
from referent_ess.render.explain import find_offer
from referent_ess.render.letters.letters import build_letters


def test_output_paths_refused_in_french(
    runner: CliRunner, book: Path, config: list[str], tmp_path: Path
) -> None:
    score = ["score", str(book), *config, "-f", "markdown", "-o"]
    assert refused(runner, [*score, str(tmp_path)]) == (
        [f"{tmp_path}: is a folder; give a file name to write to [output-is-folder]"],
        [
            f"{tmp_path} : c'est un dossier ; indiquez un nom de fichier où écrire "
            "[output-is-folder]"
        ],
    )
    absent = tmp_path / "absent" / "classement.md"
    assert refused(runner, [*score, str(absent)]) == (
        [f"{absent}: the folder {absent.parent} does not exist [output-folder-missing]"],
        [f"{absent} : le dossier {absent.parent} n'existe pas [output-folder-missing]"],
    )
    assert refused(runner, [*score, str(book), "--force"]) == (
        [f"{book}: is an input of this run ({book}); refusing to write over it [output-is-input]"],
        [
            f"{book} : c'est un fichier d'entrée de cette commande ({book}) ; referent refuse "
            "d'écrire par-dessus [output-is-input]"
        ],
    )


def test_an_output_that_cannot_be_written_in_french(
    runner: CliRunner,
    monkeypatch: pytest.MonkeyPatch,
    book: Path,
    config: list[str],
    tmp_path: Path,
) -> None:
    def denied(_source: str, target: str) -> None:
        raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), target)

    monkeypatch.setattr(os, "link", denied)  # a new file is published by a link
    out = tmp_path / "classement.md"
    args = ["score", str(book), *config, "-f", "markdown", "-o", str(out)]
    assert refused(runner, args) == (
        [f"{out}: cannot be written (Permission denied) [output-unwritable]"],
        [f"{out} : le fichier ne peut pas être écrit (accès refusé) [output-unwritable]"],
    )


def test_command_outputs_refused_in_french(
    runner: CliRunner, book: Path, config: list[str], tmp_path: Path
) -> None:
    pdf = tmp_path / "rapport.pdf"
    assert refused(runner, ["report", str(book), *config, "--out", str(pdf)]) == (
        [
            f"{pdf}: the report is written as .xlsx, .html or .docx; give --out a name ending "
            "with one of them [unknown-report-format]"
        ],
        [
            f"{pdf} : le rapport s'écrit en .xlsx, en .html ou en .docx ; donnez à --out un nom "
            "qui finit par l'une de ces extensions [unknown-report-format]"
        ],
    )
    args = ["letters", "--lot", "1", str(book), *config, "--out", str(book)]
    assert refused(runner, args) == (
        [f"{book}: is a file; give a folder for the letters [output-is-file]"],
        [f"{book} : c'est un fichier ; indiquez un dossier pour les lettres [output-is-file]"],
    )
    out = tmp_path / "release.json"
    assert refused(runner, ["export", str(book), *config, "--out", str(out)]) == (
        ["export: choose what to export: --ocds [no-export-format]"],
        ["export : choisissez ce qu'il faut exporter : --ocds [no-export-format]"],
    )
    assert refused(runner, ["template", *config, "--out", str(book)]) == (
        [
            f"{book}: holds 2 offer rows; referent template --update regenerates it keeping every "
            "offer and mark typed (the previous file is kept beside it as a backup) "
            "[output-holds-offers]"
        ],
        [
            f"{book} : le classeur contient 2 lignes d'offres ; referent template --update le "
            "régénère en conservant toutes les offres et notes saisies (l'ancien fichier est "
            "gardé à côté, en sauvegarde) [output-holds-offers]"
        ],
    )


def _both(error: ReferentError) -> tuple[list[str], list[str]]:
    """An error only a script can meet (the CLI checks the lot first): its lines in English, and
    as ``--lang fr`` prints them."""
    return list(error.lines), list(error.lines_in("fr"))


def test_explain_refusals_in_french(
    runner: CliRunner,
    make_config: Callable[..., tuple[Path, Path]],
    make_workbook: Callable[..., Path],
) -> None:
    config = config_args(make_config)
    rows = [
        ["Alpha", 1, 400, 10, 0.2, "oui", 4],
        ["alpha ", 1, 900, 10, 0.2, "oui", 5],
        ["Beta", 1, 450, 10, 0.2, "oui", 3],
        ["Gamma", 2, 450, 10, 0.2, "oui", 3],
    ]
    book = make_workbook(rows)
    explain = ["explain", "--lot", "1", *config, "--"]
    assert refused(runner, [*explain, "ALPHA", str(book)]) == (
        [
            f"{book}: 'ALPHA' has 2 offers on lot 1 (rows 2, 3); a candidate may bid once per "
            "lot: correct the workbook (see `referent validate`) [ambiguous-candidate]"
        ],
        [
            f"{book} : 'ALPHA' a 2 offres sur le lot 1 (lignes 2, 3) ; un candidat ne peut "
            "remettre qu'une offre par lot : corrigez le classeur (voir `referent validate`) "
            "[ambiguous-candidate]"
        ],
    )
    assert refused(runner, [*explain, "Betta", str(book)]) == (
        [
            f"{book}: lot 1 has no offer from 'Betta'; did you mean 'Beta'? (candidates of lot "
            "1: Beta, Alpha, alpha) [unknown-candidate]"
        ],
        [
            f"{book} : le lot 1 n'a pas d'offre de 'Betta' ; vouliez-vous dire 'Beta' ? "
            "(candidats du lot 1 : Beta, Alpha, alpha) [unknown-candidate]"
        ],
    )
    assert refused(runner, [*explain, "Gamma", str(book)]) == (
        [
            f"{book}: lot 1 has no offer from 'Gamma' (candidates of lot 1: Beta, Alpha, alpha); "
            "'Gamma' has an offer on lot 2 [unknown-candidate]"
        ],
        [
            f"{book} : le lot 1 n'a pas d'offre de 'Gamma' (candidats du lot 1 : Beta, Alpha, "
            "alpha) ; 'Gamma' a une offre sur le lot 2 [unknown-candidate]"
        ],
    )
    evaluation = api.score(*(Path(p) for p in config[1::2]), book)
    with pytest.raises(ReferentError) as caught:
        find_offer(evaluation, 9, "Alpha")
    assert _both(caught.value) == (
        [f"{config[1]}: there is no lot 9 (lots: 1, 2) [no-such-lot]"],
        [f"{config[1]} : il n'y a pas de lot 9 (lots : 1, 2) [no-such-lot]"],
    )
    empty = api.score(*(Path(p) for p in config[1::2]), make_workbook([rows[3]]))
    with pytest.raises(ReferentError) as caught:
        find_offer(empty, 1, "Alpha")
    english, french = _both(caught.value)
    assert english == [
        f"{book}: lot 1 has no offer from 'Alpha' (candidates of lot 1: none) [unknown-candidate]"
    ]
    assert french[0].endswith("(candidats du lot 1 : aucun) [unknown-candidate]")


def test_several_close_names_in_french() -> None:
    error = ReferentError(
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
    assert _both(error) == (
        [
            "x.xlsx: lot 1 has no offer from 'Alph'; did you mean 'Alpha' or 'Alpho' or 'Alphi'? "
            "(candidates of lot 1: Alpha, Alpho, Alphi) [unknown-candidate]"
        ],
        [
            "x.xlsx : le lot 1 n'a pas d'offre de 'Alph' ; vouliez-vous dire 'Alpha', 'Alpho' ou "
            "'Alphi' ? (candidats du lot 1 : Alpha, Alpho, Alphi) [unknown-candidate]"
        ],
    )


LIMITED_LOTS = LOTS_YAML.format(cap_basis="ht").replace(
    "  required_documents: [cv]\n", "  required_documents: [cv]\n  max_lots_per_candidate: 1\n"
)


def test_letters_refused_in_french(
    runner: CliRunner,
    make_config: Callable[..., tuple[Path, Path]],
    make_workbook: Callable[..., Path],
    tmp_path: Path,
) -> None:
    config = config_args(make_config)
    out = str(tmp_path / "lettres")

    def letters(rows: list[list[object]], lot: int = 1, *extra: str) -> tuple[list[str], ...]:
        book = make_workbook(rows)
        args = ["letters", "--lot", str(lot), str(book), *config, "--out", out, *extra]
        return refused(runner, args)

    alpha = ["Alpha", 1, 450, 10, 0.2, "oui", 4]
    assert letters([alpha, ["Beta", 1, 450, 10, 0.2, "oui", 9]]) == (
        [
            "lot 1: the ranking is provisional (some offers could not be evaluated); correct the "
            "offers workbook (see `referent validate`) before writing letters: letters must not "
            "be sent on a provisional result [letters-provisional]"
        ],
        [
            "lot 1 : le classement est provisoire (des offres n'ont pas pu être évaluées) ; "
            "corrigez le classeur des offres (voir `referent validate`) avant d'écrire les "
            "lettres : aucune lettre ne doit partir sur un résultat provisoire "
            "[letters-provisional]"
        ],
    )
    assert letters([["Alpha", 1, 450, 10, 0.2, "non", 4]]) == (
        [
            "lot 1: no admissible offer, so no award to notify; letters are only written for a "
            "lot with a winner [letters-no-winner]"
        ],
        [
            "lot 1 : aucune offre admissible, donc aucune attribution à notifier ; les lettres ne "
            "s'écrivent que pour un lot qui a un attributaire [letters-no-winner]"
        ],
    )
    assert letters([alpha, ["Beta", 1, 450, 10, 0.2, "oui", 4]]) == (
        [
            "lot 1: 2 offers share rank 1 (Alpha, Beta) and the tie-break does not separate them; "
            "decide the tie before writing letters: letters must not be sent on a tied result "
            "[letters-tie]"
        ],
        [
            "lot 1 : 2 offres sont classées premières ex aequo (Alpha, Beta) et le départage ne "
            "les sépare pas ; tranchez l'égalité avant d'écrire les lettres : aucune lettre ne "
            "doit partir sur un résultat à égalité [letters-tie]"
        ],
    )
    templates = tmp_path / "modeles"
    assert letters([alpha], 1, "--template", str(templates)) == (
        [f"{templates}: template folder not found [template-dir]"],
        [f"{templates} : dossier de modèles introuvable [template-dir]"],
    )
    templates.mkdir()
    rejection = templates / "rejet.md"
    rejection.write_text("Madame,\n\nPrix en $ US\n", encoding="utf-8")
    assert letters([alpha], 1, "--template", str(templates)) == (
        [
            f"{rejection}:3: a '$' that starts no placeholder; write $$ for a dollar sign, or "
            "$name / ${name} for a placeholder [template-syntax]"
        ],
        [
            f"{rejection}:3: un « $ » qui ne commence aucun champ ; écrivez $$ pour le signe "
            "dollar, ou $nom / ${nom} pour un champ [template-syntax]"
        ],
    )
    rejection.write_text("$candidat\n", encoding="utf-8")
    (english,), (line,) = letters([alpha], 1, "--template", str(templates))
    assert english == (
        f"{rejection}: unknown placeholder $candidat; known placeholders: $buyer, $consultation, "
        "$deadline, $date, $lot_id, $lot_title, $cap_ht, $cap_ttc, $candidate, $row, $status, "
        "$status_explained, $rank, $ranked_count, $ranked_offers, $procedure, $procedure_line, "
        "$sending_date, $signature_date, $standstill, $information_request, $appeals, $price_ht, "
        "$price_ttc, $total, $max_total, $winner, $winner_total, $winner_price_ht, "
        "$winner_price_ttc, $legal_intro, $reasons, "
        "$ranking, $points_table, $comments, $winner_comments, $offer_note, $advantages, "
        "$letterhead, $recipient, $references, $signature [template-placeholder]"
    )
    assert line.startswith(f"{rejection} : champ inconnu $candidat ; champs possibles : $")
    assert line.endswith(" [template-placeholder]")
    rejection.write_bytes("Référent\n".encode("cp1252"))
    (english,), (line,) = letters([alpha], 1, "--template", str(templates))
    assert english == (
        f"{rejection}: cannot read the template ('utf-8' codec can't decode byte 0xe9 in position "
        "1: invalid continuation byte); save it as UTF-8 text [template-unreadable]"
    )
    assert line.startswith(f"{rejection} : le modèle ne peut pas être lu (")
    assert line.endswith(") ; enregistrez-le en texte UTF-8 [template-unreadable]")


def test_a_lot_no_candidate_may_take_refuses_letters_in_french(
    runner: CliRunner,
    make_config: Callable[..., tuple[Path, Path]],
    make_workbook: Callable[..., Path],
    tmp_path: Path,
) -> None:
    config = config_args(make_config, lots_text=LIMITED_LOTS)
    book = make_workbook(
        [["Alpha", 1, 450, 10, 0.2, "oui", 4], ["Alpha", 2, 400, 10, 0.2, "oui", 4]]
    )
    args = ["letters", "--lot", "2", str(book), *config, "--out", str(tmp_path / "lettres")]
    # the note after "no award" is the lot's award note, in the language of the run
    assert refused(runner, args) == (
        ["lot 2: no award: no candidate may take this lot [letters-no-award]"],
        ["lot 2 : aucune attribution : aucun candidat ne peut recevoir ce lot [letters-no-award]"],
    )
    evaluation = api.score(*(Path(p) for p in config[1::2]), book)
    with pytest.raises(ReferentError) as caught:
        build_letters(evaluation, 7)
    assert _both(caught.value) == (
        [f"{config[1]}: there is no lot 7 (lots: 1, 2) [no-such-lot]"],
        [f"{config[1]} : il n'y a pas de lot 7 (lots : 1, 2) [no-such-lot]"],
    )


def test_template_and_init_refusals_in_french(
    runner: CliRunner, config: list[str], tmp_path: Path
) -> None:
    out = str(tmp_path / "offres.xlsx")
    template = ["template", *config, "--out", out, "--evaluators"]
    assert refused(runner, [*template, "Anne,,Bruno"]) == (
        ["an evaluator's name is empty; give names such as Anne,Bruno [bad-evaluators]"],
        ["le nom d'un évaluateur est vide ; indiquez des noms comme Anne,Bruno [bad-evaluators]"],
    )
    assert refused(runner, [*template, "Anne,Chloé,anne"]) == (
        ["the evaluators 'Anne' and 'anne' are the same name; give each once [bad-evaluators]"],
        [
            "les évaluateurs 'Anne' et 'anne' portent le même nom ; indiquez chacun une seule "
            "fois [bad-evaluators]"
        ],
    )
    folder = tmp_path / "demo"
    assert refused(runner, ["init", str(folder), "--lots", "0"]) == (  # the command line says it
        ["--lots takes a whole number from 1 to 1000 (found 0) [bad-option]"],
        ["--lots attend un nombre entier de 1 à 1000 (valeur donnée : 0) [bad-option]"],
    )
    assert refused(runner, ["init", config[1]]) == (
        [f"{config[1]}: is a file, not a folder [init-not-a-folder]"],
        [f"{config[1]} : c'est un fichier, pas un dossier [init-not-a-folder]"],
    )
    assert runner.invoke(app, ["init", str(folder)]).exit_code == 0
    names = ("lots.yaml", "criteria.yaml", "offers.xlsx")
    assert refused(runner, ["init", str(folder)]) == (
        [
            f"{folder / name}: already exists; pass --force to replace it, or choose another "
            "folder [init-exists]"
            for name in names
        ],
        [
            f"{folder / name} : le fichier existe déjà ; ajoutez --force pour le remplacer, ou "
            "choisissez un autre dossier [init-exists]"
            for name in names
        ],
    )


# ---- hierarchy of criteria: the commands that need weights ------------------------------------

HIERARCHY_CRITERIA = """\
ordering: hierarchy
criteria:
  - {id: quality, label: Q}
  - {id: price, label: P, price: {formula: proportional}}
"""


@pytest.mark.parametrize(
    ("command", "english", "french"),
    [
        (
            ["report", "--out", "r.xlsx"],
            "the report",
            "la commande report (rapport d'analyse des offres)",
        ),
        (
            ["letters", "--lot", "1", "--out", "l"],
            "letters",
            "la commande letters (lettres aux candidats)",
        ),
        (
            ["simulate", "--lot", "1"],
            "simulate (price formulas give points, which a hierarchy has not)",
            "la commande simulate (les méthodes de notation du prix donnent des points, et une "
            "hiérarchie n'en a pas)",
        ),
        (
            ["sensitivity", "--lot", "1"],
            "sensitivity (there are no weights to move in a hierarchy)",
            "la commande sensitivity (une hiérarchie n'a pas de pondérations à déplacer)",
        ),
    ],
)
def test_commands_that_need_weights_in_french(
    runner: CliRunner,
    make_config: Callable[..., tuple[Path, Path]],
    make_workbook: Callable[..., Path],
    command: list[str],
    english: str,
    french: str,
) -> None:
    lots, criteria = make_config(criteria_text=HIERARCHY_CRITERIA)
    book = make_workbook([["Alpha", 1, 300, 10, 0.2, "oui", 4]])
    tail = [str(book), "--lots", str(lots), "--criteria", str(criteria)]
    assert refused(runner, [*command, *tail]) == (
        [
            f"{criteria}: {english} does not apply with ordering: hierarchy; use `referent "
            "score` or `rank` [not-applicable]"
        ],
        [
            f"{criteria} : {french} ne s'applique pas avec ordering: hierarchy ; utilisez "
            "`referent score` ou `rank` [not-applicable]"
        ],
    )


@pytest.mark.parametrize(
    ("rows", "english", "french", "reason"),
    [
        (
            [["Alpha", 1, 300, 10, 0.2, "oui", 4], ["Beta", 1, "abc", 10, 0.2, "oui", 4]],
            "the ranking is provisional: correct the workbook first",
            "le classement est provisoire : corrigez d'abord le classeur",
            "provisional",
        ),
        (
            [["Alpha", 1, 300, 10, 0.2, "oui", 4], ["Beta", 1, 300, 10, 0.2, "oui", 4]],
            "no single winner (no admissible offer, or a tie for first place)",
            "pas d'offre classée première seule (aucune offre admissible, ou une égalité à la "
            "première place)",
            "no-winner",
        ),
    ],
)
def test_sensitivity_without_a_single_winner_in_french(
    runner: CliRunner,
    make_config: Callable[..., tuple[Path, Path]],
    make_workbook: Callable[..., Path],
    rows: list[list[object]],
    english: str,
    french: str,
    reason: str,
) -> None:
    lots, criteria = make_config()
    book = make_workbook(rows)
    tail = ["sensitivity", "--lot", "1", str(book), "--lots", str(lots)]
    tail += ["--criteria", str(criteria)]
    assert refused(runner, tail) == (
        [f"lot 1: sensitivity does not apply: {english} [not-applicable]"],
        [f"lot 1 : l'analyse de sensibilité ne s'applique pas : {french} [not-applicable]"],
    )
    evaluation = api.score(lots, criteria, book)
    with pytest.raises(NotApplicable) as caught:
        analyse(evaluation, 1)
    assert caught.value.reason == reason
