"""French for the rarer messages: YAML syntax and traps, the rarer configuration checks, and the
exit-2 errors about damaged or mistyped offers files.

Each message has two tests, as in ``test_i18n_messages.py``: its English template gives back the
core's own English text (so that the catalogues cannot drift from the code), and the French line
printed for a real bad input, written by hand.
"""

import errno
import os
import struct
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from referent_ess.cli import app
from referent_ess.config import load_config
from referent_ess.csvsheet import read_offers_csv
from referent_ess.errors import ConfigError, ReferentError
from referent_ess.filecheck import scan_xlsx
from referent_ess.i18n import CATALOGUES
from referent_ess.yamlfile import read_yaml
from test_bad_files import BILLION_LAUGHS, OLE2, ROWS, SHEET, declared_sizes, directory, zip_bytes
from test_bad_files import with_dtd as dtd_added
from test_i18n_messages import _check_templates

LOT = "lots: [{id: 1, title: A, cap_ht: 5}]\n"
CRITERIA = (
    "criteria:\n"
    "  - {id: quality, label: Q, weight: 60}\n"
    "  - {id: price, label: P, weight: 40, price: {formula: proportional}}\n"
)


def _files(tmp_path: Path, lots: str, criteria: str = CRITERIA) -> tuple[Path, Path]:
    lots_path, criteria_path = tmp_path / "lots.yaml", tmp_path / "criteria.yaml"
    lots_path.write_text(lots, encoding="utf-8")
    criteria_path.write_text(criteria, encoding="utf-8")
    return lots_path, criteria_path


def _french_errors(runner: CliRunner, lots: Path, criteria: Path) -> list[str]:
    args = ["--lang", "fr", "score", "x.xlsx", "--lots", str(lots), "--criteria", str(criteria)]
    result = runner.invoke(app, args)
    assert result.exit_code == 2, result.output
    return result.stderr.splitlines()


def _check_error(error: ReferentError) -> None:
    """An exit-2 error's English template, filled with its parameters, is its English line."""
    english = CATALOGUES["en"]
    assert error.code is not None
    given = dict(error.params)
    form = given.pop("form", None)
    key = f"msg:{error.code}.{form}" if form else f"msg:{error.code}"
    assert key in english, key
    assert key in CATALOGUES["fr"], key
    values = {
        name: english[f"part:{value}"].format(**given) if name.endswith("_part") else value
        for name, value in given.items()
    }
    assert f"{english[key].format(**values)} [{error.code}]" == error.lines[0]


# ---- YAML: syntax, impossible dates, aliases, duplicate keys, YAML 1.1 traps -------------------

SYNTAX_TAIL = (
    " ; vérifiez l'indentation (des espaces, pas de tabulations) et les guillemets de cette "
    "ligne et de la précédente [yaml-syntax]"
)

YAML_CASES: list[tuple[str, str]] = [
    (
        "consultation:\n  title: T\nlots:\n  - id: 1\n   title: A\n",
        ":5: erreur de syntaxe YAML (colonne 4) : l'indentation ne correspond pas au bloc en "
        "cours" + SYNTAX_TAIL,
    ),
    (
        "consultation:\n\ttitle: T\n" + LOT,
        ":2: erreur de syntaxe YAML (colonne 1) : une tabulation ne peut pas commencer un "
        "élément" + SYNTAX_TAIL,
    ),
    (
        "consultation:\n  title: a: b\n" + LOT,
        ":2: erreur de syntaxe YAML (colonne 11) : « : » inattendu (un texte qui contient « : » "
        "doit être mis entre guillemets)" + SYNTAX_TAIL,
    ),
    (
        "consultation: {title: 'T}\n" + LOT,
        ":3: erreur de syntaxe YAML (colonne 1) : fin du fichier inattendue (un guillemet non "
        "refermé ?)" + SYNTAX_TAIL,
    ),
    (
        'consultation:\n  title: T\n  buyer: "A\x01B"\n' + LOT,
        ":3: le fichier contient le caractère de contrôle U+0001, que YAML n'accepte pas ; "
        "retapez la ligne [yaml-syntax]",
    ),
    (
        "consultation:\n  title: T\n  deadline: 2018-13-45\n" + LOT,
        ":3: 2018-13-45 n'est pas une date réelle (le mois doit être entre 1 et 12) ; écrivez-la "
        "AAAA-MM-JJ, ou mettez-la entre guillemets pour la garder comme texte [invalid-date]",
    ),
    (
        "consultation:\n  title: T\n  deadline: 2018-02-30\n" + LOT,
        ":3: 2018-02-30 n'est pas une date réelle (ce jour n'existe pas dans ce mois) ; "
        "écrivez-la AAAA-MM-JJ, ou mettez-la entre guillemets pour la garder comme texte "
        "[invalid-date]",
    ),
    (
        "consultation: &c {title: T, x: *c}\n" + LOT,
        ":1: consultation.x: les alias YAML (*nom) ne sont pas acceptés ; écrivez la valeur en "
        "entier [yaml-alias]",
    ),
    (
        "consultation:\n  title: T\n  vat_rate: 0.2\n  vat_rate: 0.055\n" + LOT,
        ":4: consultation.vat_rate: clé 'vat_rate' en double (déjà à la ligne 3) ; n'en gardez "
        "qu'une [duplicate-key]",
    ),
    (
        "consultation: {title: T, buyer: yes}\n" + LOT,
        ":1: consultation.buyer: yes est lu par YAML comme le booléen true ; mettez-le entre "
        "guillemets : 'yes' [yaml-trap]",
    ),
    (
        "consultation: {title: T, buyer: 0755}\n" + LOT,
        ":1: consultation.buyer: 0755 est lu par YAML comme un nombre octal ; écrivez-le sans le "
        "0 du début [yaml-trap]",
    ),
    (
        "consultation: {title: T, buyer: 1:30}\n" + LOT,
        ":1: consultation.buyer: 1:30 est lu par YAML comme un nombre en base 60 ; mettez-le "
        "entre guillemets : '1:30' [yaml-trap]",
    ),
    (
        "consultation: {title: T}\nlots: [{id: 1, title: A, cap_ttc: 1.500}]\n",
        ":2: lots.0.cap_ttc: 1.500 est lu par YAML comme le nombre 1,5 : si vous vouliez dire "
        "1500, écrivez-le sans le point [yaml-trap]",
    ),
    (
        "consultation: {title: T, deadline: demain}\n" + LOT,
        ":1: consultation.deadline: 'demain' n'est pas une date ; écrivez par exemple 2018-03-23 "
        "ou 2018-03-23 12:00 [invalid-value]",
    ),
    (
        "consultation: {title: T, deadline: 20180323}\n" + LOT,
        ":1: consultation.deadline: valeur trouvée : 20180323 ; il faut une date, par exemple "
        "2018-03-23 [invalid-value]",
    ),
    (
        "consultation: {title: T, deadline: 2018-03-23 12:00:00+02:00}\n" + LOT,
        ":1: consultation.deadline: indiquez la date limite en heure locale, sans fuseau horaire "
        "[invalid-value]",
    ),
]


@pytest.mark.parametrize(("lots", "expected"), YAML_CASES)
def test_yaml_problems_in_french(
    runner: CliRunner, tmp_path: Path, lots: str, expected: str
) -> None:
    lots_path, criteria = _files(tmp_path, lots)
    assert _french_errors(runner, lots_path, criteria) == [f"error: {lots_path}{expected}"]


@pytest.mark.parametrize(("lots", "expected"), YAML_CASES)
def test_english_templates_render_the_yaml_problems(
    tmp_path: Path, lots: str, expected: str
) -> None:
    with pytest.raises(ConfigError) as caught:
        load_config(*_files(tmp_path, lots))
    assert _check_templates(caught.value.problems) == 1
    assert caught.value.lines[0].endswith(expected[expected.rindex(" [") :])


def test_an_unlisted_yaml_syntax_problem_keeps_the_parser_s_words(
    runner: CliRunner, tmp_path: Path
) -> None:
    lots, criteria = _files(tmp_path, "consultation: {title: *x}\n" + LOT)
    (line,) = _french_errors(runner, lots, criteria)
    assert line.startswith(
        f"error: {lots}:1: erreur de syntaxe YAML (colonne 23) : found undefined alias 'x' ; "
    )
    assert line.endswith(SYNTAX_TAIL)


def test_a_yaml_file_that_is_not_utf8_in_french(runner: CliRunner, tmp_path: Path) -> None:
    lots, criteria = _files(tmp_path, LOT)
    lots.write_bytes("consultation: {title: Référents}\n".encode("cp1252") + LOT.encode())
    assert _french_errors(runner, lots, criteria) == [
        f"error: {lots} : ce n'est pas du texte UTF-8 (octet 23) ; enregistrez-le en UTF-8 "
        "[not-utf8]"
    ]
    with pytest.raises(ReferentError) as caught:
        read_yaml(lots)
    _check_error(caught.value)


def test_an_unreadable_yaml_file_in_french(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    lots, criteria = _files(tmp_path, "consultation: {title: T}\n" + LOT)
    real_read_bytes = Path.read_bytes

    def guarded(self: Path) -> bytes:
        if self == lots:
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(self))
        return real_read_bytes(self)

    monkeypatch.setattr(Path, "read_bytes", guarded)
    assert _french_errors(runner, lots, criteria) == [
        f"error: {lots} : le fichier ne peut pas être lu (accès refusé) [unreadable-file]"
    ]
    with pytest.raises(ReferentError) as caught:
        read_yaml(lots)
    _check_error(caught.value)


# ---- the rarer configuration checks ---------------------------------------------------------

HIERARCHY = """\
ordering: hierarchy
criteria:
  - {id: quality, label: Q, weight: 60}
  - {id: price, label: P, price: {formula: proportional}}
tie_break: [price]
"""
PRICE_RULES = """\
criteria:
  - {id: quality, label: Q, weight: 60}
  - {id: price, label: P, weight: 40, scale: 10, price: {formula: linear, k: 3}}
tie_break: [qualite]
"""
LOTS_CLASH = "consultation: {title: T, required_documents: [cv, CV, tva]}\n" + LOT
CRITERIA_CLASH = """\
criteria:
  - {id: Lot, label: L, weight: 30}
  - {id: quality, label: Q, weight: 30}
  - {id: Quality, label: Q2, weight: 10}
  - {id: price, label: P, weight: 30, price: {formula: linear}}
"""


def test_rarer_configuration_checks_in_french(runner: CliRunner, tmp_path: Path) -> None:
    lots, criteria = _files(tmp_path, "consultation: {title: T}\n" + LOT, HIERARCHY)
    assert _french_errors(runner, lots, criteria) == [
        f"error: {criteria}:3: criteria.0.weight: ordering: hierarchy compare les critères dans "
        "l'ordre de la liste, sans pondération : supprimez weight [hierarchy-weight]",
        f"error: {criteria}:5: tie_break: ordering: hierarchy départage déjà les offres critère "
        "par critère : supprimez tie_break [hierarchy-tie-break]",
    ]
    criteria.write_text(PRICE_RULES, encoding="utf-8")
    assert _french_errors(runner, lots, criteria) == [
        f"error: {criteria}:3: criteria.1.price.k: k ne sert qu'à la méthode de notation du prix "
        "gap (formula: gap) : supprimez-le [invalid-value]",
        f"error: {criteria}:3: criteria.1.scale: le critère prix n'est pas noté par le jury : "
        "supprimez scale [invalid-value]",
        f"error: {criteria}:4: tie_break.0: critère inconnu 'qualite' ; critères possibles : "
        "quality, price [unknown-criterion]",
    ]


def test_column_clashes_in_french(runner: CliRunner, tmp_path: Path) -> None:
    lots, criteria = _files(tmp_path, LOTS_CLASH, CRITERIA_CLASH)
    assert _french_errors(runner, lots, criteria) == [
        f"error: {lots}:1: consultation.required_documents.1: la pièce exigée 'CV' occuperait la "
        "même colonne que la pièce exigée 'cv' : renommez-la [column-clash]",
        f"error: {lots}:1: consultation.required_documents.2: la pièce exigée 'tva' occuperait "
        "la même colonne que la colonne vat_rate : renommez-la [column-clash]",
        f"error: {criteria}:2: criteria.0.id: l'identifiant de critère 'Lot' occuperait la même "
        "colonne que la colonne lot : renommez-le [column-clash]",
        f"error: {criteria}:4: criteria.2.id: l'identifiant de critère 'Quality' occuperait la "
        "même colonne que le critère 'quality' : renommez-le [column-clash]",
    ]


@pytest.mark.parametrize(
    ("lots", "criteria", "count"),
    [
        ("consultation: {title: T}\n" + LOT, HIERARCHY, 2),
        ("consultation: {title: T}\n" + LOT, PRICE_RULES, 3),
        (LOTS_CLASH, CRITERIA_CLASH, 4),
    ],
)
def test_english_templates_render_the_rarer_configuration_checks(
    tmp_path: Path, lots: str, criteria: str, count: int
) -> None:
    with pytest.raises(ConfigError) as caught:
        load_config(*_files(tmp_path, lots, criteria))
    assert _check_templates(caught.value.problems) == count


# ---- offers files that are not what they claim to be (exit 2) --------------------------------


def _encrypted(path: Path) -> Path:
    data = bytearray(OLE2 + bytes(4088))
    marker = "EncryptionInfo".encode("utf-16-le")
    data[600 : 600 + len(marker)] = marker
    path.write_bytes(bytes(data))
    return path


def _office(folder: str) -> bytes:
    return zip_bytes(
        {
            "[Content_Types].xml": b'<Types xmlns="http://schemas.openxmlformats.org/'
            b'package/2006/content-types"/>',
            f"{folder}/document.xml": b"<document/>",
        }
    )


def _ods() -> bytes:
    return zip_bytes(
        {
            "mimetype": b"application/vnd.oasis.opendocument.spreadsheet",
            "content.xml": b'<?xml version="1.0" encoding="UTF-8"?><office:document-content/>',
        },
        stored=("mimetype",),
    )


def _duplicate_member(workbook: Path, path: Path) -> Path:
    path.write_bytes(workbook.read_bytes())
    with zipfile.ZipFile(workbook) as archive:
        second = archive.read("xl/workbook.xml")
    with (
        pytest.warns(UserWarning, match="Duplicate name"),
        zipfile.ZipFile(path, "a") as archive,
    ):
        archive.writestr("xl/workbook.xml", second)
    return path


def _too_many_members(workbook: Path, path: Path) -> Path:
    path.write_bytes(workbook.read_bytes())
    with zipfile.ZipFile(path) as archive:
        count = len(archive.infolist())
    with zipfile.ZipFile(path, "a", zipfile.ZIP_STORED) as archive:
        for number in range(10_001 - count):
            archive.writestr(f"customXml/item{number}.bin", b"")
    return path


def _bad_crc(workbook: Path, path: Path) -> Path:
    data = bytearray(workbook.read_bytes())
    for raw_name, record, local in directory(bytes(data)):
        if raw_name == SHEET.encode():
            (crc,) = struct.unpack_from("<I", data, record + 16)
            struct.pack_into("<I", data, record + 16, crc ^ 1)
            struct.pack_into("<I", data, local + 14, crc ^ 1)
    path.write_bytes(bytes(data))
    return path


def _with_entities(workbook: Path, path: Path) -> Path:
    with zipfile.ZipFile(workbook) as archive:
        members = {info.filename: archive.read(info) for info in archive.infolist()}
    members[SHEET] = dtd_added(members[SHEET], BILLION_LAUGHS)
    path.write_bytes(zip_bytes(members))
    return path


def _sheet_size(workbook: Path) -> int:
    with zipfile.ZipFile(workbook) as archive:
        return archive.getinfo(SHEET).file_size


# name: (how the file is made from a valid workbook and a path, its French message after
# "<path> : ", and its code)
BAD_FILES: dict[str, tuple[Callable[[Path, Path], Path], str, str]] = {
    "empty": (
        lambda _w, p: _written(p, b""),
        "le fichier est vide (0 octet) : il ne contient aucun classeur",
        "empty-file",
    ),
    "xls": (
        lambda _w, p: _written(p.with_suffix(".xls"), OLE2 + bytes(4088)),
        "c'est un ancien classeur Excel 97-2003 (.xls) ; ouvrez-le et enregistrez-le au format "
        "Classeur Excel (.xlsx)",
        "legacy-xls",
    ),
    "password": (
        lambda _w, p: _encrypted(p),
        "le classeur est protégé par un mot de passe ; ouvrez-le et enregistrez-en une copie en "
        ".xlsx sans mot de passe (Fichier > Informations > Protéger le classeur > Chiffrer avec "
        "mot de passe : laissez-le vide)",
        "encrypted-workbook",
    ),
    "csv": (
        lambda _w, p: _written(p, b"candidate;lot\nA;1\n"),
        "c'est un fichier texte CSV qui porte un nom de classeur ; renommez-le en .csv (referent "
        "lit aussi les offres en CSV)",
        "csv-renamed",
    ),
    "html": (
        lambda _w, p: _written(p, b"<!DOCTYPE html>\n<html><body><table></table></body></html>"),
        "c'est un fichier HTML ou XML qui porte un nom de classeur (certains exports web font "
        "cela), pas un .xlsx ; ouvrez-le dans votre tableur et enregistrez-le en .xlsx",
        "html-file",
    ),
    "noise": (
        lambda _w, p: _written(p, bytes(range(256)) * 10),
        "ce n'est pas un classeur (son contenu commence par 00 01 02 03 04 05 06 07) ; "
        "enregistrez les offres en .xlsx depuis votre tableur",
        "not-a-workbook",
    ),
    "ods": (
        lambda _w, p: _written(p.with_suffix(".ods"), _ods()),
        "c'est un classeur OpenDocument (.ods) ; enregistrez-le en .xlsx, ou exportez la feuille "
        "des offres en .csv",
        "ods-file",
    ),
    "plain-zip": (
        lambda _w, p: _written(p, zip_bytes({"hello.txt": b"hello\n"})),
        "c'est une archive zip, mais pas un classeur (pas de [Content_Types].xml)",
        "not-a-workbook",
    ),
    "word": (
        lambda _w, p: _written(p, _office("word")),
        "c'est un document Word, pas un classeur Excel",
        "not-a-workbook",
    ),
    "powerpoint": (
        lambda _w, p: _written(p, _office("ppt")),
        "c'est une présentation PowerPoint, pas un classeur Excel",
        "not-a-workbook",
    ),
    "duplicate-member": (
        _duplicate_member,
        "l'archive zip contient plusieurs fois l'élément 'xl/workbook.xml', ce qu'un tableur "
        "n'écrit jamais (un fichier forgé ?) : fichier refusé",
        "duplicate-zip-member",
    ),
    "zip-bomb": (
        lambda w, p: _written(p, declared_sizes(w.read_bytes(), {SHEET: 1000 * 1000 * 1000})),
        "une fois décompressé, il occuperait 1000 Mo (plus que les 210 Mo acceptés ; une bombe "
        "de décompression ?) : fichier refusé avant toute décompression",
        "zip-bomb",
    ),
    "too-many-members": (
        _too_many_members,
        "l'archive zip contient 10001 éléments (un classeur en a quelques dizaines, 10000 au plus "
        "sont acceptés) : fichier refusé",
        "too-many-members",
    ),
    "size-mismatch": (
        lambda w, p: _written(p, declared_sizes(w.read_bytes(), {SHEET: _sheet_size(w) + 1})),
        "sa partie xl/worksheets/sheet1.xml n'a pas la taille que déclare le répertoire de "
        "l'archive zip ({size} octets) : fichier endommagé ou forgé, refusé",
        "zip-size-mismatch",
    ),
    "crc": (
        _bad_crc,
        "le fichier est endommagé ou tronqué (bad CRC-32 for xl/worksheets/sheet1.xml) ; "
        "téléchargez-le ou copiez-le à nouveau, ou enregistrez-le de nouveau depuis votre tableur",
        "damaged-zip",
    ),
    "entities": (
        _with_entities,
        "sa partie xl/worksheets/sheet1.xml déclare une DTD ou des entités XML, dont un classeur "
        "n'a jamais besoin et dont se servent les attaques par expansion d'entités : fichier "
        "refusé",
        "xml-entities",
    ),
}


def _written(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def _bad_file(
    name: str, make_workbook: Callable[..., Path], tmp_path: Path
) -> tuple[Path, str, str]:
    workbook = make_workbook(ROWS)
    make, french, code = BAD_FILES[name]
    path = make(workbook, tmp_path / "bad.xlsx")
    return path, french.replace("{size}", str(_sheet_size(workbook) + 1)), code


@pytest.mark.parametrize("name", list(BAD_FILES))
def test_bad_offers_files_in_french(
    runner: CliRunner,
    make_config: Callable[..., tuple[Path, Path]],
    make_workbook: Callable[..., Path],
    tmp_path: Path,
    name: str,
) -> None:
    lots, criteria = make_config()
    path, french, code = _bad_file(name, make_workbook, tmp_path)
    args = ["--lang", "fr", "score", str(path), "--lots", str(lots), "--criteria", str(criteria)]
    result = runner.invoke(app, args)
    assert result.exit_code == 2
    assert result.stderr == f"error: {path} : {french} [{code}]\n"


@pytest.mark.parametrize("name", list(BAD_FILES))
def test_english_templates_render_the_bad_offers_files(
    make_workbook: Callable[..., Path], tmp_path: Path, name: str
) -> None:
    path, _, code = _bad_file(name, make_workbook, tmp_path)
    with pytest.raises(ReferentError) as caught:
        scan_xlsx(path)
    assert caught.value.code == code
    _check_error(caught.value)


def test_an_unreadable_offers_file_in_french(
    runner: CliRunner,
    make_config: Callable[..., tuple[Path, Path]],
    make_workbook: Callable[..., Path],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    lots, criteria = make_config()
    path = make_workbook(ROWS)
    real_open = Path.open

    def guarded_open(self: Path, *args: Any, **kwargs: Any) -> Any:
        if self == path:
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(self))
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", guarded_open)
    args = ["--lang", "fr", "score", str(path), "--lots", str(lots), "--criteria", str(criteria)]
    result = runner.invoke(app, args)
    assert result.stderr == (
        f"error: {path} : le fichier ne peut pas être lu (accès refusé) [unreadable-file]\n"
    )
    with pytest.raises(ReferentError) as caught:
        scan_xlsx(path)
    _check_error(caught.value)


CSV_CASES: list[tuple[bytes, str, str]] = [
    (
        "candidate;lot\nRéférent;1\n".encode("cp1252"),
        "ce n'est pas du texte UTF-8 (octet 15) ; dans Excel ou LibreOffice, enregistrez-le au "
        "format « CSV UTF-8 »",
        "not-utf8",
    ),
    (
        b"candidate;lot\nA\x00;1\n",
        "le fichier contient des octets nuls : ce n'est pas un fichier CSV texte",
        "nul-bytes",
    ),
]


@pytest.mark.parametrize(("data", "french", "code"), CSV_CASES)
def test_bad_csv_files_in_french(
    runner: CliRunner,
    make_config: Callable[..., tuple[Path, Path]],
    tmp_path: Path,
    data: bytes,
    french: str,
    code: str,
) -> None:
    lots, criteria = make_config()
    path = _written(tmp_path / "offers.csv", data)
    args = ["--lang", "fr", "score", str(path), "--lots", str(lots), "--criteria", str(criteria)]
    assert runner.invoke(app, args).stderr == f"error: {path} : {french} [{code}]\n"
    with pytest.raises(ReferentError) as caught:
        read_offers_csv(path)
    _check_error(caught.value)


def test_a_csv_with_broken_quotes_in_french(
    runner: CliRunner, make_config: Callable[..., tuple[Path, Path]], tmp_path: Path
) -> None:
    lots, criteria = make_config()
    path = _written(tmp_path / "offers.csv", b'candidate;lot\n"A;1\nB;2\n')
    args = ["--lang", "fr", "score", str(path), "--lots", str(lots), "--criteria", str(criteria)]
    line = runner.invoke(app, args).stderr
    assert line.startswith(f"error: {path} : ligne 2 : illisible en CSV (")
    assert line.endswith(
        ') ; vérifiez les guillemets : un champ qui commence par " doit finir par ", et un " à '
        "l'intérieur s'écrit \"\" [bad-csv-quotes]\n"
    )
    with pytest.raises(ReferentError) as caught:
        read_offers_csv(path)
    _check_error(caught.value)
