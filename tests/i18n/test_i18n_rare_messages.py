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
from datetime import datetime
from pathlib import Path

import openpyxl
import pytest
from test_bad_files import BILLION_LAUGHS, OLE2, ROWS, SHEET, declared_sizes, directory, zip_bytes
from test_bad_files import with_dtd as dtd_added
from test_i18n_messages import _check_error, _check_templates
from typer.testing import CliRunner

from conftest import HEADER, LOTS_YAML
from referent_ess import api
from referent_ess.analysis.sensitivity import NotApplicable, analyse
from referent_ess.cli import app
from referent_ess.config.consultation import load_config
from referent_ess.config.yaml_reader import read_yaml
from referent_ess.i18n import CATALOGUES
from referent_ess.intake.csv_reader import read_offers_csv
from referent_ess.intake.file_guard import scan_xlsx
from referent_ess.intake.offers import load_offers
from referent_ess.problems.errors import ConfigError, ReferentError

LOT = "lots: [{id: 1, title: A, cap_ht: 5}]\n"
LOTS_WITH_TIME = LOTS_YAML.format(cap_basis="ht")
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


# ---- YAML: syntax, impossible dates, aliases, duplicate keys, YAML 1.1 traps -------------------

SYNTAX_TAIL = (
    " ; vérifiez l'indentation (des espaces, pas de tabulations) et les guillemets de cette "
    "ligne et de la précédente [yaml-syntax]"
)

YAML_CASES: list[tuple[str, str]] = [
    (
        "consultation:\n  title: T\nlots:\n  - id: 1\n   title: A\n",
        ":5 : erreur de syntaxe YAML (colonne 4) : l'indentation ne correspond pas au bloc en "
        "cours" + SYNTAX_TAIL,
    ),
    (
        "consultation:\n\ttitle: T\n" + LOT,
        ":2 : erreur de syntaxe YAML (colonne 1) : une tabulation ne peut pas commencer un "
        "élément" + SYNTAX_TAIL,
    ),
    (
        "consultation:\n  title: a: b\n" + LOT,
        ":2 : erreur de syntaxe YAML (colonne 11) : « : » inattendu (un texte qui contient « : » "
        "doit être mis entre guillemets)" + SYNTAX_TAIL,
    ),
    (
        "consultation: {title: 'T}\n" + LOT,
        ":3 : erreur de syntaxe YAML (colonne 1) : fin du fichier inattendue (un guillemet non "
        "refermé ?)" + SYNTAX_TAIL,
    ),
    (
        'consultation:\n  title: T\n  buyer: "A\x01B"\n' + LOT,
        ":3 : le fichier contient le caractère de contrôle U+0001, que YAML n'accepte pas ; "
        "retapez la ligne [yaml-syntax]",
    ),
    (
        "consultation:\n  title: T\n  deadline: 2018-13-45\n" + LOT,
        ":3 : 2018-13-45 n'est pas une date réelle (le mois doit être entre 1 et 12) ; écrivez-la "
        "AAAA-MM-JJ, ou mettez-la entre guillemets pour la garder comme texte [invalid-date]",
    ),
    (
        "consultation:\n  title: T\n  deadline: 2018-02-30\n" + LOT,
        ":3 : 2018-02-30 n'est pas une date réelle (ce jour n'existe pas dans ce mois) ; "
        "écrivez-la AAAA-MM-JJ, ou mettez-la entre guillemets pour la garder comme texte "
        "[invalid-date]",
    ),
    (
        "consultation: &c {title: T, x: *c}\n" + LOT,
        ":1 : consultation.x : les alias YAML (*nom) ne sont pas acceptés ; écrivez la valeur en "
        "entier [yaml-alias]",
    ),
    (
        "consultation:\n  title: T\n  vat_rate: 0.2\n  vat_rate: 0.055\n" + LOT,
        ":4 : consultation.vat_rate : clé 'vat_rate' en double (déjà à la ligne 3) ; n'en gardez "
        "qu'une [duplicate-key]",
    ),
    (
        "consultation: {title: T, buyer: yes}\n" + LOT,
        ":1 : consultation.buyer : yes est lu par YAML comme le booléen true ; mettez-le entre "
        "guillemets : 'yes' [yaml-trap]",
    ),
    (
        "consultation: {title: T, buyer: 0755}\n" + LOT,
        ":1 : consultation.buyer : 0755 est lu par YAML comme un nombre octal ; écrivez-le sans le "
        "0 du début [yaml-trap]",
    ),
    (
        "consultation: {title: T, buyer: 1:30}\n" + LOT,
        ":1 : consultation.buyer : 1:30 est lu par YAML comme un nombre en base 60 ; mettez-le "
        "entre guillemets : '1:30' [yaml-trap]",
    ),
    (
        "consultation: {title: T}\nlots: [{id: 1, title: A, cap_ttc: 1.500}]\n",
        ":2 : lots.0.cap_ttc : 1.500 est lu par YAML comme le nombre 1,5 : si vous vouliez dire "
        "1500, écrivez-le sans le point [yaml-trap]",
    ),
    (
        "consultation: {title: T, deadline: demain}\n" + LOT,
        ":1 : consultation.deadline : 'demain' n'est pas une date ; écrivez par exemple 2018-03-23 "
        "ou 2018-03-23 12:00 [invalid-value]",
    ),
    (
        "consultation: {title: T, deadline: 20180323}\n" + LOT,
        ":1 : consultation.deadline : valeur trouvée : 20180323 ; il faut une date, par exemple "
        "2018-03-23 [invalid-value]",
    ),
    (
        "consultation: {title: T, deadline: 2018-03-23 12:00:00+02:00}\n" + LOT,
        ":1 : consultation.deadline : indiquez la date limite en heure locale, sans fuseau horaire "
        "[invalid-value]",
    ),
]


@pytest.mark.parametrize(("lots", "expected"), YAML_CASES)
def test_yaml_problems_in_french(
    runner: CliRunner, tmp_path: Path, lots: str, expected: str
) -> None:
    lots_path, criteria = _files(tmp_path, lots)
    assert _french_errors(runner, lots_path, criteria) == [f"erreur : {lots_path}{expected}"]


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
        f"erreur : {lots}:1 : erreur de syntaxe YAML (colonne 23) : found undefined alias 'x' ; "
    )
    assert line.endswith(SYNTAX_TAIL)


def test_a_yaml_file_that_is_not_utf8_in_french(runner: CliRunner, tmp_path: Path) -> None:
    lots, criteria = _files(tmp_path, LOT)
    lots.write_bytes("consultation: {title: Référents}\n".encode("cp1252") + LOT.encode())
    assert _french_errors(runner, lots, criteria) == [
        f"erreur : {lots} : ce n'est pas du texte UTF-8 (octet 23) ; enregistrez-le en UTF-8 "
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
        f"erreur : {lots} : le fichier ne peut pas être lu (accès refusé) [unreadable-file]"
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
        f"erreur : {criteria}:3 : criteria.0.weight : ordering: hierarchy compare les critères "
        "dans l'ordre de la liste, sans pondération : supprimez weight [hierarchy-weight]",
        f"erreur : {criteria}:5 : tie_break : ordering: hierarchy départage déjà les offres "
        "critère par critère : supprimez tie_break [hierarchy-tie-break]",
    ]
    criteria.write_text(PRICE_RULES, encoding="utf-8")
    assert _french_errors(runner, lots, criteria) == [
        f"erreur : {criteria}:3 : criteria.1.price.k : k ne sert qu'à la méthode de notation du "
        "prix gap (formula: gap) : supprimez-le [invalid-value]",
        f"erreur : {criteria}:3 : criteria.1.scale : le critère prix n'est pas noté par le jury : "
        "supprimez scale [invalid-value]",
        f"erreur : {criteria}:4 : tie_break.0 : critère inconnu 'qualite' ; critères possibles : "
        "quality, price [unknown-criterion]",
    ]


def test_column_clashes_in_french(runner: CliRunner, tmp_path: Path) -> None:
    lots, criteria = _files(tmp_path, LOTS_CLASH, CRITERIA_CLASH)
    assert _french_errors(runner, lots, criteria) == [
        f"erreur : {lots}:1 : consultation.required_documents.1 : la pièce exigée 'CV' occuperait "
        "la même colonne que la pièce exigée 'cv' : renommez-la [column-clash]",
        f"erreur : {lots}:1 : consultation.required_documents.2 : la pièce exigée 'tva' occuperait "
        "la même colonne que la colonne vat_rate : renommez-la [column-clash]",
        f"erreur : {criteria}:2 : criteria.0.id : l'identifiant de critère 'Lot' occuperait la "
        "même colonne que la colonne lot : renommez-le [column-clash]",
        f"erreur : {criteria}:4 : criteria.2.id : l'identifiant de critère 'Quality' occuperait la "
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
        lambda w, p: _written(p, declared_sizes(w.read_bytes(), {SHEET: 999_000_000})),
        "une fois décompressé, il occuperait 1000 Mo (plus que les 200 Mo acceptés ; une bombe "
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
    assert result.stderr == f"erreur : {path} : {french} [{code}]\n"


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
    deny_reading: Callable[[Path], None],
) -> None:
    lots, criteria = make_config()
    path = make_workbook(ROWS)
    deny_reading(path)
    args = ["--lang", "fr", "score", str(path), "--lots", str(lots), "--criteria", str(criteria)]
    result = runner.invoke(app, args)
    assert result.stderr == (
        f"erreur : {path} : le fichier ne peut pas être lu (accès refusé) [unreadable-file]\n"
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
    assert runner.invoke(app, args).stderr == f"erreur : {path} : {french} [{code}]\n"
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
    assert line.startswith(f"erreur : {path} : ligne 2 : illisible en CSV (")
    assert line.endswith(
        ') ; vérifiez les guillemets : un champ qui commence par " doit finir par ", et un " à '
        "l'intérieur s'écrit \"\" [bad-csv-quotes]\n"
    )
    with pytest.raises(ReferentError) as caught:
        read_offers_csv(path)
    _check_error(caught.value)


# ---- the jury's marks that diverge: marks written the French way ----------------------------


def _marks_book(tmp_path: Path, marks: list[list[object]]) -> Path:
    book = openpyxl.Workbook()
    offers = book.active
    assert offers is not None
    offers.title = "offers"
    offers.append(["candidate", "lot", "day_rate_ht", "days", "vat_rate", "cv"])
    offers.append(["Alpha", 1, 400, 10, None, "oui"])
    offers.append(["Beta", 1, 400, 10, None, "oui"])
    notes = book.create_sheet("Notes")
    notes.append(["Candidat", "Lot", "Critère", "Évaluateur", "Note"])
    for row in marks:
        notes.append(row)
    path = tmp_path / "offers.xlsx"
    book.save(path)
    return path


DIVERGING = [
    ["Alpha", 1, "quality", "Anne", 3],
    ["Alpha", 1, "quality", "Bruno", 3],
    ["Beta", 1, "quality", "Anne", 1],
    ["Beta", 1, "quality", "Bruno", "4,5"],  # spread 3.5 > 2 (40 % of the scale 5)
]


def test_diverging_marks_in_french(
    runner: CliRunner, make_config: Callable[..., tuple[Path, Path]], tmp_path: Path
) -> None:
    lots, criteria = make_config()
    book = _marks_book(tmp_path, DIVERGING)
    args = ["score", str(book), "--lots", str(lots), "--criteria", str(criteria)]
    french = runner.invoke(app, ["--lang", "fr", *args]).stderr.splitlines()
    assert (
        f"avertissement : {book} : Notes!E4 : quality : les notes des évaluateurs sur le critère "
        "quality s'écartent de 3,5 (plus de 2,0) : Anne (1), Bruno (4,5) ; le jury doit en "
        "débattre avant de signer [marks-divergence]"
    ) in french
    english = runner.invoke(app, ["--lang", "en", *args]).stderr.splitlines()
    assert (
        f"warning: {book}: Notes!E4: quality: the evaluators' marks on quality spread by 3.5 "
        "(more than 2.0): Anne 1, Bruno 4.5; the jury should discuss them before signing "
        "[marks-divergence]"
    ) in english


def test_english_template_renders_the_diverging_marks(
    make_config: Callable[..., tuple[Path, Path]], tmp_path: Path
) -> None:
    lots, criteria = make_config()
    offers = load_offers(_marks_book(tmp_path, DIVERGING), load_config(lots, criteria))
    flags = [p for o in offers.offers for p in o.problems if p.code == "marks-divergence"]
    assert len(flags) == 1
    assert _check_templates(flags) == 1


# ---- abnormally low prices: the figures of the detail the French way --------------------------

ABNORMAL_LOTS = """\
consultation:
  title: Test consultation
  vat_rate: 0.20
  required_documents: [cv]
  abnormally_low: {method: mean-ratio}
lots:
  - {id: 1, title: Lot one, cap_ht: 100000}
"""


def test_an_abnormally_low_price_in_french(
    runner: CliRunner,
    make_config: Callable[..., tuple[Path, Path]],
    make_workbook: Callable[..., Path],
) -> None:
    lots, criteria = make_config(lots_text=ABNORMAL_LOTS)
    book = make_workbook(
        [
            ["Alpha", 1, 300, 10, 0.2, "oui", 4],
            ["Beta", 1, 500, 10, 0.2, "oui", 4],
            ["Gamma", 1, 500, 10, 0.2, "oui", 4],
        ]
    )
    args = ["score", str(book), "--lots", str(lots), "--criteria", str(criteria)]
    (french,) = runner.invoke(app, ["--lang", "fr", *args]).stderr.splitlines()
    assert french.startswith("avertissement : ")
    assert french.endswith(
        ": le prix est peut-être anormalement bas (mean-ratio : 3\u202f000,00\xa0€ < 0,8 × "
        "5\u202f000,00\xa0€ (moyenne des 2 autres offres admissibles) = 4\u202f000,00\xa0€) ; "
        "avant tout rejet, la loi impose de demander au candidat de le justifier (art. L2152-5 "
        "et R2152-3 du Code de la commande publique) [abnormally-low]"
    )
    (english,) = runner.invoke(app, ["--lang", "en", *args]).stderr.splitlines()
    assert english.endswith(
        ": the price may be abnormally low (mean-ratio: 3000.00 < 0.8 × 5000.00 (mean of the "
        "other 2 admissible offers) = 4000.00); before any rejection the law requires asking "
        "the candidate to justify it (art. L2152-5 and R2152-3 of the Code de la commande "
        "publique) [abnormally-low]"
    )


@pytest.mark.parametrize(
    ("method", "prices", "french"),
    [
        (
            "mean-sigma",
            ["6000", "10000", "11000"],
            "mean-sigma : 6\u202f000,00\xa0€ < moyenne 9\u202f000,00\xa0€ − écart type "
            "2\u202f160,25\xa0€ = 6\u202f839,75\xa0€",
        ),
        (
            "ffb",
            ["5000", "10000", "11000", "12000"],
            "ffb : 5\u202f000,00\xa0€ ≤ 0,9 × 8\u202f666,67\xa0€ (moyenne des 3 offres qui ne "
            "dépassent pas de plus de 20\xa0% la moyenne 9\u202f500,00\xa0€) = "
            "7\u202f800,00\xa0€",
        ),
    ],
)
def test_the_other_abnormally_low_methods_in_french(
    runner: CliRunner,
    make_config: Callable[..., tuple[Path, Path]],
    make_workbook: Callable[..., Path],
    method: str,
    prices: list[str],
    french: str,
) -> None:
    lots, criteria = make_config(lots_text=ABNORMAL_LOTS.replace("mean-ratio", method))
    rows = [[name, 1, price, 1, 0.2, "oui", 4] for name, price in zip("ABCD", prices, strict=False)]
    book = make_workbook(rows)
    args = ["--lang", "fr", "score", str(book), "--lots", str(lots), "--criteria", str(criteria)]
    (line,) = runner.invoke(app, args).stderr.splitlines()
    assert f"le prix est peut-être anormalement bas ({french}) ; avant tout rejet" in line
    evaluation = api.score(lots, criteria, book)
    flags = [w for r in evaluation.lots[0].offers for w in r.warnings]
    assert [w.code for w in flags] == ["abnormally-low"]
    assert _check_templates(flags) == 1


# ---- hierarchy of criteria: the commands that need weights ------------------------------------

HIERARCHY_CRITERIA = """\
ordering: hierarchy
criteria:
  - {id: quality, label: Q}
  - {id: price, label: P, price: {formula: proportional}}
"""


@pytest.mark.parametrize(
    ("command", "french"),
    [
        (["report", "--out", "r.xlsx"], "la commande report (rapport d'analyse des offres)"),
        (["letters", "--lot", "1", "--out", "l"], "la commande letters (lettres aux candidats)"),
        (
            ["simulate", "--lot", "1"],
            "la commande simulate (les méthodes de notation du prix donnent des points, et une "
            "hiérarchie n'en a pas)",
        ),
        (
            ["sensitivity", "--lot", "1"],
            "la commande sensitivity (une hiérarchie n'a pas de pondérations à déplacer)",
        ),
    ],
)
def test_commands_that_need_weights_in_french(
    runner: CliRunner,
    make_config: Callable[..., tuple[Path, Path]],
    make_workbook: Callable[..., Path],
    command: list[str],
    french: str,
) -> None:
    lots, criteria = make_config(criteria_text=HIERARCHY_CRITERIA)
    book = make_workbook([["Alpha", 1, 300, 10, 0.2, "oui", 4]])
    tail = [str(book), "--lots", str(lots), "--criteria", str(criteria)]
    result = runner.invoke(app, ["--lang", "fr", *command, *tail])
    assert result.exit_code == 2
    assert result.stderr == (
        f"erreur : {criteria} : {french} ne s'applique pas avec ordering: hierarchy ; utilisez "
        "`referent score` ou `rank` [not-applicable]\n"
    )
    english = CATALOGUES["en"]
    part = english[f"part:needs-weights.{command[0]}"]
    line = english["msg:not-applicable.hierarchy"].format(path=criteria, command_part=part)
    result = runner.invoke(app, ["--lang", "en", *command, *tail])
    assert result.stderr == f"error: {line} [not-applicable]\n"


@pytest.mark.parametrize(
    ("rows", "french", "reason"),
    [
        (
            [["Alpha", 1, 300, 10, 0.2, "oui", 4], ["Beta", 1, "abc", 10, 0.2, "oui", 4]],
            "le classement est provisoire : corrigez d'abord le classeur",
            "provisional",
        ),
        (
            [["Alpha", 1, 300, 10, 0.2, "oui", 4], ["Beta", 1, 300, 10, 0.2, "oui", 4]],
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
    french: str,
    reason: str,
) -> None:
    lots, criteria = make_config()
    book = make_workbook(rows)
    tail = ["sensitivity", "--lot", "1", str(book), "--lots", str(lots)]
    tail += ["--criteria", str(criteria)]
    result = runner.invoke(app, ["--lang", "fr", *tail])
    assert result.stderr == (
        f"erreur : lot 1 : l'analyse de sensibilité ne s'applique pas : {french} [not-applicable]\n"
    )
    english = CATALOGUES["en"]
    evaluation = api.score(lots, criteria, book)
    with pytest.raises(NotApplicable) as caught:
        analyse(evaluation, 1)
    assert caught.value.reason == reason
    why = english[f"part:not-sensitive.{reason}"].format(why=str(caught.value))
    line = english["msg:not-applicable.sensitivity"].format(lot=1, why_part=why)
    assert runner.invoke(app, ["--lang", "en", *tail]).stderr == f"error: {line} [not-applicable]\n"


# ---- dates: 23/03/2018 in French tables and Markdown, ISO in JSON and CSV ----------------------


def test_dates_are_written_the_french_way_in_french(
    runner: CliRunner,
    make_config: Callable[..., tuple[Path, Path]],
    make_workbook: Callable[..., Path],
) -> None:
    lots, criteria = make_config()
    header = [*HEADER, "received_at"]
    book = make_workbook(
        [
            ["Alpha", 1, 300, 10, 0.2, "oui", 4, datetime(2018, 3, 22, 9, 0)],
            ["Late", 1, 300, 10, 0.2, "oui", 4, datetime(2018, 3, 26, 10, 5)],
        ],
        header,
    )
    tail = ["score", str(book), "--lots", str(lots), "--criteria", str(criteria)]
    late = "reçue le 26/03/2018 à 10:05, après la date limite du 23/03/2018"
    table = " ".join(runner.invoke(app, ["--lang", "fr", *tail]).stdout.split())
    assert late in table
    markdown = runner.invoke(app, ["--lang", "fr", *tail, "--format", "markdown"]).stdout
    assert late in markdown
    assert "2018-03" not in table + markdown
    for data_format in ("json", "csv"):
        french = runner.invoke(app, ["--lang", "fr", *tail, "--format", data_format]).stdout
        english = runner.invoke(app, ["--lang", "en", *tail, "--format", data_format]).stdout
        assert french == english
        assert "received 2018-03-26 10:05, after the deadline 2018-03-23" in french


def test_a_reception_on_the_deadline_day_without_a_time_in_french(
    runner: CliRunner,
    make_config: Callable[..., tuple[Path, Path]],
    make_workbook: Callable[..., Path],
) -> None:
    lots_text = LOTS_WITH_TIME.replace("deadline: 2018-03-23", "deadline: 2018-03-23 12:00:00")
    lots, criteria = make_config(lots_text=lots_text)
    row = ["Alpha", 1, 300, 10, 0.2, "oui", 4, "23/03/2018"]
    book = make_workbook([row], [*HEADER, "received_at"])
    args = ["--lang", "fr", "score", str(book), "--lots", str(lots), "--criteria", str(criteria)]
    (line,) = runner.invoke(app, args).stderr.splitlines()
    assert line.endswith(
        ": reçue le jour de la date limite, sans heure ; la date limite est 23/03/2018 à 12:00 : "
        "vérifiez qu'elle est arrivée à temps [received-time-unknown]"
    )
    evaluation = api.score(lots, criteria, book)
    warnings = [w for r in evaluation.lots[0].offers for w in r.warnings]
    assert _check_templates(warnings) == 1
    explained = runner.invoke(app, ["--lang", "fr", "explain", "--lot", "1", "Alpha", *args[3:]])
    assert "reçue le 23/03/2018 sans heure, la date limite étant le 23/03/2018 à 12:00" in (
        " ".join(explained.stdout.split())
    )


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
