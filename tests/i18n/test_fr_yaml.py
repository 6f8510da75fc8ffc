"""``lots.yaml`` and ``criteria.yaml`` that YAML reads wrong or not at all: syntax errors,
impossible dates, aliases, duplicate keys, the YAML 1.1 traps, a file that is not UTF-8 text or
cannot be read; each in French and in English, written by hand."""

from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from helpers import ONE_LOT, french_errors, write_config
from referent_ess.config.loader import load_config
from referent_ess.config.yaml_reader import read_yaml
from referent_ess.problems.errors import ConfigError, ReferentError

# ---- YAML: syntax, impossible dates, aliases, duplicate keys, YAML 1.1 traps -------------------

SYNTAX_TAIL = (
    " ; vérifiez l'indentation (des espaces, pas de tabulations) et les guillemets de cette "
    "ligne et de la précédente [yaml-syntax]"
)


YAML_CASES: list[tuple[str, str, str]] = [
    (
        "consultation:\n  title: T\nlots:\n  - id: 1\n   title: A\n",
        "YAML syntax error (column 4): expected <block end>, but found '<block mapping "
        "start>'; check the indentation (spaces, not tabs) and the quotes on this line and "
        "the one before",
        ":5 : erreur de syntaxe YAML (colonne 4) : l'indentation ne correspond pas au bloc en "
        "cours" + SYNTAX_TAIL,
    ),
    (
        "consultation:\n\ttitle: T\n" + ONE_LOT,
        "YAML syntax error (column 1): found character '\\t' that cannot start any token; "
        "check the indentation (spaces, not tabs) and the quotes on this line and the one "
        "before",
        ":2 : erreur de syntaxe YAML (colonne 1) : une tabulation ne peut pas commencer un "
        "élément" + SYNTAX_TAIL,
    ),
    (
        "consultation:\n  title: a: b\n" + ONE_LOT,
        "YAML syntax error (column 11): mapping values are not allowed here; check the "
        "indentation (spaces, not tabs) and the quotes on this line and the one before",
        ":2 : erreur de syntaxe YAML (colonne 11) : « : » inattendu (un texte qui contient « : » "
        "doit être mis entre guillemets)" + SYNTAX_TAIL,
    ),
    (
        "consultation: {title: 'T}\n" + ONE_LOT,
        "YAML syntax error (column 1): found unexpected end of stream; check the indentation "
        "(spaces, not tabs) and the quotes on this line and the one before",
        ":3 : erreur de syntaxe YAML (colonne 1) : fin du fichier inattendue (un guillemet non "
        "refermé ?)" + SYNTAX_TAIL,
    ),
    (
        'consultation:\n  title: T\n  buyer: "A\x01B"\n' + ONE_LOT,
        "the file holds the control character U+0001, which YAML does not allow; retype the line",
        ":3 : le fichier contient le caractère de contrôle U+0001, que YAML n'accepte pas ; "
        "retapez la ligne [yaml-syntax]",
    ),
    (
        "consultation:\n  title: T\n  deadline: 2018-13-45\n" + ONE_LOT,
        "2018-13-45 is not a real date (month must be in 1..12); write it as YYYY-MM-DD, or "
        "quote it to keep it as text",
        ":3 : 2018-13-45 n'est pas une date réelle (le mois doit être entre 1 et 12) ; écrivez-la "
        "AAAA-MM-JJ, ou mettez-la entre guillemets pour la garder comme texte [invalid-date]",
    ),
    (
        "consultation:\n  title: T\n  deadline: 2018-02-30\n" + ONE_LOT,
        "2018-02-30 is not a real date (day is out of range for month); write it as "
        "YYYY-MM-DD, or quote it to keep it as text",
        ":3 : 2018-02-30 n'est pas une date réelle (ce jour n'existe pas dans ce mois) ; "
        "écrivez-la AAAA-MM-JJ, ou mettez-la entre guillemets pour la garder comme texte "
        "[invalid-date]",
    ),
    (
        "consultation: &c {title: T, x: *c}\n" + ONE_LOT,
        "YAML aliases (*name) are not allowed; write the value out",
        ":1 : consultation.x : les alias YAML (*nom) ne sont pas acceptés ; écrivez la valeur en "
        "entier [yaml-alias]",
    ),
    (
        "consultation:\n  title: T\n  vat_rate: 0.2\n  vat_rate: 0.055\n" + ONE_LOT,
        "duplicate key 'vat_rate' (first at line 3); keep only one",
        ":4 : consultation.vat_rate : clé 'vat_rate' en double (déjà à la ligne 3) ; n'en gardez "
        "qu'une [duplicate-key]",
    ),
    (
        "consultation: {title: T, buyer: yes}\n" + ONE_LOT,
        "yes is read by YAML as the boolean true; quote it: 'yes'",
        ":1 : consultation.buyer : yes est lu par YAML comme le booléen true ; mettez-le entre "
        "guillemets : 'yes' [yaml-trap]",
    ),
    (
        "consultation: {title: T, buyer: 0755}\n" + ONE_LOT,
        "0755 is read by YAML as an octal number; write it without the leading 0",
        ":1 : consultation.buyer : 0755 est lu par YAML comme un nombre octal ; écrivez-le sans le "
        "0 du début [yaml-trap]",
    ),
    (
        "consultation: {title: T, buyer: 1:30}\n" + ONE_LOT,
        "1:30 is read by YAML as a base-60 number; quote it: '1:30'",
        ":1 : consultation.buyer : 1:30 est lu par YAML comme un nombre en base 60 ; mettez-le "
        "entre guillemets : '1:30' [yaml-trap]",
    ),
    (
        "consultation: {title: T}\nlots: [{id: 1, title: A, cap_ttc: 1.500}]\n",
        "1.500 is read by YAML as the number 1.5: if you meant 1500, write it without the point",
        ":2 : lots.0.cap_ttc : 1.500 est lu par YAML comme le nombre 1,5 : si vous vouliez dire "
        "1500, écrivez-le sans le point [yaml-trap]",
    ),
    (
        "consultation: {title: T, deadline: demain}\n" + ONE_LOT,
        "'demain' is not a date; expected 2018-03-23 or 2018-03-23 12:00",
        ":1 : consultation.deadline : 'demain' n'est pas une date ; écrivez par exemple 2018-03-23 "
        "ou 2018-03-23 12:00 [invalid-value]",
    ),
    (
        "consultation: {title: T, deadline: 20180323}\n" + ONE_LOT,
        "found 20180323, expected a date such as 2018-03-23",
        ":1 : consultation.deadline : valeur trouvée : 20180323 ; il faut une date, par exemple "
        "2018-03-23 [invalid-value]",
    ),
    (
        "consultation: {title: T, deadline: 2018-03-23 12:00:00+02:00}\n" + ONE_LOT,
        "give the deadline in local time, without a time zone",
        ":1 : consultation.deadline : indiquez la date limite en heure locale, sans fuseau horaire "
        "[invalid-value]",
    ),
]


@pytest.mark.parametrize(("lots", "expected"), [(lots, french) for lots, _, french in YAML_CASES])
def test_yaml_problems_in_french(
    runner: CliRunner, tmp_path: Path, lots: str, expected: str
) -> None:
    lots_path, criteria = write_config(tmp_path, lots)
    assert french_errors(runner, lots_path, criteria) == [f"erreur : {lots_path}{expected}"]


@pytest.mark.parametrize(("lots", "english", "expected"), YAML_CASES)
def test_yaml_problems_in_english(tmp_path: Path, lots: str, english: str, expected: str) -> None:
    with pytest.raises(ConfigError) as caught:
        load_config(*write_config(tmp_path, lots))
    assert [p.message for p in caught.value.problems] == [english]
    assert caught.value.lines[0].endswith(f"{english}{expected[expected.rindex(' [') :]}")


def test_an_unlisted_yaml_syntax_problem_keeps_the_parser_s_words(
    runner: CliRunner, tmp_path: Path
) -> None:
    lots, criteria = write_config(tmp_path, "consultation: {title: *x}\n" + ONE_LOT)
    (line,) = french_errors(runner, lots, criteria)
    assert line.startswith(
        f"erreur : {lots}:1 : erreur de syntaxe YAML (colonne 23) : found undefined alias 'x' ; "
    )
    assert line.endswith(SYNTAX_TAIL)


def test_a_yaml_file_that_is_not_utf8_in_french(runner: CliRunner, tmp_path: Path) -> None:
    lots, criteria = write_config(tmp_path, ONE_LOT)
    lots.write_bytes("consultation: {title: Référents}\n".encode("cp1252") + ONE_LOT.encode())
    assert french_errors(runner, lots, criteria) == [
        f"erreur : {lots} : ce n'est pas du texte UTF-8 (octet 23) ; enregistrez-le en UTF-8 "
        "[not-utf8]"
    ]
    with pytest.raises(ReferentError) as caught:
        read_yaml(lots)
    assert caught.value.lines == (f"{lots}: not UTF-8 text (byte 23); save it as UTF-8 [not-utf8]",)


def test_an_unreadable_yaml_file_in_french(
    runner: CliRunner, tmp_path: Path, deny_reading: Callable[[Path], None]
) -> None:
    lots, criteria = write_config(tmp_path, "consultation: {title: T}\n" + ONE_LOT)
    deny_reading(lots)
    assert french_errors(runner, lots, criteria) == [
        f"erreur : {lots} : le fichier ne peut pas être lu (accès refusé) [unreadable-file]"
    ]
    with pytest.raises(ReferentError) as caught:
        read_yaml(lots)
    assert caught.value.lines == (f"{lots}: cannot be read (Permission denied) [unreadable-file]",)
