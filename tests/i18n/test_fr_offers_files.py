"""Offers files refused (exit code 2): missing, a folder, unreadable, not what they claim to
be (an old .xls, a password, a zip bomb, an XML attack...), a CSV that is not UTF-8 text; each
line in French and in English, written by hand."""

import re
import struct
import zipfile
from collections.abc import Callable
from pathlib import Path

import openpyxl
import pytest
from typer.testing import CliRunner

from helpers import (
    BILLION_LAUGHS,
    OLE2,
    SHEET,
    VALID_ROWS,
    declared_sizes,
    directory,
    refused,
    with_dtd,
    zip_bytes,
)
from referent_ess.cli import app
from referent_ess.config.yaml_reader import read_yaml
from referent_ess.files.atomic_write import write_atomically
from referent_ess.intake.csv_reader import read_offers_csv
from referent_ess.intake.read import read_offers_sheet
from referent_ess.intake.xlsx_scan import scan_xlsx
from referent_ess.intake.zip_guard import check_readable
from referent_ess.problems.errors import ReferentError


def test_unusable_input_errors_in_french(
    runner: CliRunner,
    make_config: Callable[..., tuple[Path, Path]],
    make_workbook: Callable[..., Path],
    tmp_path: Path,
) -> None:
    lots, criteria = make_config()
    config = ["--lots", str(lots), "--criteria", str(criteria)]
    missing = tmp_path / "absent.xlsx"
    result = runner.invoke(app, ["--lang", "fr", "score", str(missing), *config])
    assert result.exit_code == 2
    assert result.stderr == f"erreur : {missing} : fichier introuvable [file-not-found]\n"

    absent_lots = tmp_path / "absent-lots.yaml"
    result = runner.invoke(app, ["--lang", "fr", "score", "--lots", str(absent_lots)])
    assert result.stderr == f"erreur : {absent_lots} : fichier introuvable [file-not-found]\n"

    result = runner.invoke(app, ["--lang", "fr", "score", str(tmp_path), *config])
    assert result.stderr == (
        f"erreur : {tmp_path} : c'est un dossier ; il faut le classeur des offres (.xlsx) ou un "
        "fichier .csv [is-a-folder]\n"
    )

    book = make_workbook([["Alpha", 1, 450, 10, 0.2, "oui", 4]])
    result = runner.invoke(app, ["--lang", "fr", "rank", "--lot", "9", str(book), *config])
    assert result.stderr == f"erreur : {lots} : il n'y a pas de lot 9 (lots : 1, 2) [no-such-lot]\n"

    taken = tmp_path / "taken.md"
    taken.write_text("keep me", encoding="utf-8")
    args = ["--lang", "fr", "score", str(book), *config, "-f", "markdown", "-o", str(taken)]
    result = runner.invoke(app, args)
    assert result.stderr == (
        f"erreur : {taken} : le fichier existe déjà ; ajoutez --force pour le remplacer "
        "[output-exists]\n"
    )
    assert taken.read_text(encoding="utf-8") == "keep me"


def test_a_missing_column_is_reported_in_french_with_exit_2(
    runner: CliRunner, make_config: Callable[..., tuple[Path, Path]], tmp_path: Path
) -> None:
    lots, criteria = make_config()
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["candidate", "lot", "days", "vat_rate", "cv", "quality"])
    sheet.append(["Alpha", 1, 10, 0.2, "oui", 4])
    path = tmp_path / "offers.xlsx"
    book.save(path)
    args = ["--lang", "fr", "score", str(path), "--lots", str(lots), "--criteria", str(criteria)]
    result = runner.invoke(app, args)
    assert result.exit_code == 2
    assert result.stderr.startswith(
        f"erreur : {path} : feuille 'Sheet' : aucune colonne pour le coût journalier HT "
        "(day_rate_ht) : ajoutez une colonne intitulée l'une de : 'day_rate_ht'"
    )
    assert result.stderr.endswith("[missing-column]\n")


def test_unusable_input_errors_in_english(tmp_path: Path) -> None:
    taken = tmp_path / "taken.txt"
    taken.write_text("", encoding="utf-8")
    raising: list[tuple[Callable[[], object], str]] = [
        (lambda: check_readable(tmp_path / "absent.xlsx"), "absent.xlsx: file not found"),
        (
            lambda: check_readable(tmp_path),
            ": is a folder, expected an offers workbook (.xlsx) or .csv",
        ),
        (lambda: read_offers_csv(tmp_path / "absent.csv"), "absent.csv: file not found"),
        (lambda: read_offers_csv(tmp_path), ": is a folder, expected a .csv file"),
        (
            lambda: write_atomically(taken, "x", inputs=()),
            "taken.txt: already exists; pass --force to replace it",
        ),
        (lambda: read_yaml(tmp_path / "absent.yaml"), "absent.yaml: file not found"),
        (lambda: read_yaml(tmp_path), ": is a folder, expected a YAML file"),
    ]
    for call, english in raising:
        with pytest.raises(ReferentError) as caught:
            call()
        (line,) = caught.value.lines
        assert line == f"{tmp_path}{'' if english.startswith(':') else '/'}{english} " + (
            f"[{caught.value.code}]"
        )
    with pytest.raises(ReferentError) as caught:
        read_yaml(Path("absent-here.yaml"))
    assert caught.value.lines == (
        f"absent-here.yaml: file not found (looked for {Path.cwd() / 'absent-here.yaml'}) "
        "[file-not-found]",
    )


def test_offers_workbooks_refused_in_french(
    runner: CliRunner, book: Path, config: list[str], tmp_path: Path
) -> None:
    lots = Path(config[1])
    assert refused(runner, ["score", *config]) == (
        [
            f"{lots}: no offers workbook given; pass it after the command (e.g. `referent score "
            "offers.xlsx`) or set consultation.offers in lots.yaml [no-offers-file]"
        ],
        [
            f"{lots} : aucun classeur des offres n'est indiqué ; donnez-le après la commande (par "
            "exemple `referent score offers.xlsx`) ou renseignez consultation.offers dans "
            "lots.yaml [no-offers-file]"
        ],
    )
    hidden = openpyxl.Workbook()
    sheet = hidden.active
    assert sheet is not None
    sheet.title = "data"
    sheet.sheet_state = "hidden"
    hidden.create_chartsheet("chart")
    path = tmp_path / "hidden.xlsx"
    hidden.save(path)
    assert refused(runner, ["score", str(path), *config]) == (
        [f"{path}: the workbook has no visible worksheet [no-worksheet]"],
        [f"{path} : le classeur n'a aucune feuille de calcul visible [no-worksheet]"],
    )
    broken = tmp_path / "broken.xlsx"
    with zipfile.ZipFile(book) as source, zipfile.ZipFile(broken, "w") as target:
        for info in source.infolist():
            data = source.read(info)
            target.writestr(info, data[: len(data) // 2] if info.filename == SHEET else data)
    (english,), (line,) = refused(runner, ["score", str(broken), *config])
    # cut in the middle of the sheet's XML: refused at the last cell read before the cut
    assert re.fullmatch(
        rf"{re.escape(str(broken))}: offers![A-Z]+[0-9]+: the sheet's XML is damaged at line 1, "
        r"column [0-9]+: save the workbook again with Excel or LibreOffice \[malformed-sheet\]",
        english,
    ), english
    assert re.fullmatch(
        rf"{re.escape(str(broken))} : offers![A-Z]+[0-9]+ : le XML de la feuille est endommagé à "
        r"la ligne 1, colonne [0-9]+ : enregistrez de nouveau le classeur avec Excel ou "
        r"LibreOffice \[malformed-sheet\]",
        line,
    ), line


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
    members[SHEET] = with_dtd(members[SHEET], BILLION_LAUGHS)
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
        "le classeur Excel 97-2003 (.xls) est endommagé ou tronqué (son en-tête n'est pas celui "
        "d'un fichier composé) ; téléchargez-le ou copiez-le à nouveau, ou enregistrez-le de "
        "nouveau depuis votre tableur",
        "damaged-xls",
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
        "sa partie content.xml n'est pas un XML bien formé (ligne 1, colonne 39) : enregistrez "
        "de nouveau le classeur avec Excel ou LibreOffice",
        "malformed-workbook",
    ),
    "plain-zip": (
        lambda _w, p: _written(p, zip_bytes({"hello.txt": b"hello\n"})),
        "c'est une archive zip, mais pas un classeur (pas de [Content_Types].xml)",
        "not-a-workbook",
    ),
    "word": (
        lambda _w, p: _written(p, _office("word")),
        "c'est un document Word, pas un classeur",
        "not-a-workbook",
    ),
    "powerpoint": (
        lambda _w, p: _written(p, _office("ppt")),
        "c'est une présentation PowerPoint, pas un classeur",
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
        "le fichier est endommagé ou tronqué (la partie xl/worksheets/sheet1.xml ne correspond "
        "pas à sa somme de contrôle) ; "
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
    workbook = make_workbook(VALID_ROWS)
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


BAD_FILES_ENGLISH = {
    "empty": "is empty (0 bytes): it holds no workbook",
    "xls": (
        "is an Excel 97-2003 workbook (.xls) that is damaged or truncated (its header is not "
        "that of a compound file); download or copy it again, or save it again from your "
        "spreadsheet"
    ),
    "password": (
        "is a password-protected workbook; open it and save a copy as .xlsx without a password "
        "(File > Info > Protect workbook > Encrypt with password: leave it empty)"
    ),
    "csv": (
        "is a CSV text file with a workbook's name; rename it to .csv (referent reads CSV offers "
        "too)"
    ),
    "html": (
        "is an HTML or XML file with a workbook's name (some web exports do this), not an .xlsx; "
        "open it in your spreadsheet and save it as .xlsx"
    ),
    "noise": (
        "is not a workbook (its content starts with 00 01 02 03 04 05 06 07); save the offers "
        "from your spreadsheet as .xlsx"
    ),
    "ods": (
        "its part content.xml is not well-formed XML (line 1, column 39): save the workbook "
        "again with Excel or LibreOffice"
    ),
    "plain-zip": "is a zip archive, but not a workbook (no [Content_Types].xml)",
    "word": "is a Word document, not a workbook",
    "powerpoint": "is a PowerPoint file, not a workbook",
    "duplicate-member": (
        "its zip holds the member 'xl/workbook.xml' more than once, which a spreadsheet never "
        "writes (a crafted file?): refused"
    ),
    "zip-bomb": (
        "would expand to 1000 MB (more than the 200 MB accepted; a zip bomb?): refused before "
        "decompressing anything"
    ),
    "too-many-members": (
        "holds 10001 zip members (a workbook has a few dozen, at most 10000 are accepted): refused"
    ),
    "size-mismatch": (
        "its part xl/worksheets/sheet1.xml does not have the size its zip directory declares "
        "({size} bytes): a damaged or crafted file, refused"
    ),
    "crc": (
        "is damaged or truncated (part xl/worksheets/sheet1.xml does not match its checksum); "
        "download or copy it again, or save it again from your spreadsheet"
    ),
    "entities": (
        "its part xl/worksheets/sheet1.xml declares an XML DTD or entities, which workbooks never "
        "need and which entity-expansion attacks use: refused"
    ),
}


@pytest.mark.parametrize("name", list(BAD_FILES))
def test_bad_offers_files_in_english(
    make_workbook: Callable[..., Path], tmp_path: Path, name: str
) -> None:
    path, _, code = _bad_file(name, make_workbook, tmp_path)
    with pytest.raises(ReferentError) as caught:
        read_offers_sheet(path)
    size = str(_sheet_size(make_workbook(VALID_ROWS)) + 1)
    english = BAD_FILES_ENGLISH[name].replace("{size}", size)
    assert caught.value.lines == (f"{path}: {english} [{code}]",)


def test_an_unreadable_offers_file_in_french(
    runner: CliRunner,
    make_config: Callable[..., tuple[Path, Path]],
    make_workbook: Callable[..., Path],
    deny_reading: Callable[[Path], None],
) -> None:
    lots, criteria = make_config()
    path = make_workbook(VALID_ROWS)
    deny_reading(path)
    args = ["--lang", "fr", "score", str(path), "--lots", str(lots), "--criteria", str(criteria)]
    result = runner.invoke(app, args)
    assert result.stderr == (
        f"erreur : {path} : le fichier ne peut pas être lu (accès refusé) [unreadable-file]\n"
    )
    with pytest.raises(ReferentError) as caught:
        scan_xlsx(path)
    assert caught.value.lines == (f"{path}: cannot be read (Permission denied) [unreadable-file]",)


CSV_CASES: list[tuple[bytes, str, str, str]] = [
    (
        "candidate;lot\nRéférent;1\n".encode("cp1252"),
        "not UTF-8 text (byte 15); in Excel or LibreOffice save it as « CSV UTF-8 »",
        "ce n'est pas du texte UTF-8 (octet 15) ; dans Excel ou LibreOffice, enregistrez-le au "
        "format « CSV UTF-8 »",
        "not-utf8",
    ),
    (
        b"candidate;lot\nA\x00;1\n",
        "contains NUL bytes: not a text CSV file",
        "le fichier contient des octets nuls : ce n'est pas un fichier CSV texte",
        "nul-bytes",
    ),
]


@pytest.mark.parametrize(("data", "english", "french", "code"), CSV_CASES)
def test_bad_csv_files_in_french(
    runner: CliRunner,
    make_config: Callable[..., tuple[Path, Path]],
    tmp_path: Path,
    data: bytes,
    english: str,
    french: str,
    code: str,
) -> None:
    lots, criteria = make_config()
    path = _written(tmp_path / "offers.csv", data)
    args = ["--lang", "fr", "score", str(path), "--lots", str(lots), "--criteria", str(criteria)]
    assert runner.invoke(app, args).stderr == f"erreur : {path} : {french} [{code}]\n"
    with pytest.raises(ReferentError) as caught:
        read_offers_csv(path)
    assert caught.value.lines == (f"{path}: {english} [{code}]",)


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
    assert caught.value.lines == (
        f"{path}: line 2: cannot be read as CSV (unexpected end of data); check the quotes: a "
        'field that starts with " must end with ", and a " inside it is written "" '
        "[bad-csv-quotes]",
    )
