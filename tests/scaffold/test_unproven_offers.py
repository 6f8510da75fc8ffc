"""``template --force`` and ``init --force`` replace an offers file only when they can prove it
holds no offer: nothing there, an empty file, or a file read without error with no offer row.
Anything they cannot read (a CSV under an .xlsx name, a password, an .ods, a damaged file) may
hold a buyer's offers: refused in one line, exit code 2, the file untouched, nothing written."""

import io
import os
import zipfile
from collections.abc import Callable
from pathlib import Path

import openpyxl
import pytest
from typer.testing import CliRunner

from helpers import zip_bytes
from referent_ess.cli import app
from referent_ess.config.model import Config
from referent_ess.problems.errors import ReferentError
from referent_ess.scaffold import build_template, init_consultation, write_template

ROOT = Path(__file__).resolve().parents[2]
CONFIG = ["--lots", str(ROOT / "lots.yaml"), "--criteria", str(ROOT / "criteria.yaml")]
OLE2 = bytes.fromhex("D0CF11E0A1B11AE1")


def encrypted_ole2() -> bytes:
    data = bytearray(OLE2 + bytes(4088))
    marker = "EncryptionInfo".encode("utf-16-le")
    data[700 : 700 + len(marker)] = marker
    return bytes(data)


def encrypted_zip(template: bytes) -> bytes:
    """The template, its members marked encrypted in the zip's directory."""
    data = bytearray(template)
    start = 0
    while (at := data.find(b"PK\x01\x02", start)) != -1:
        data[at + 8] |= 0x01
        start = at + 4
    return bytes(data)


def ods() -> bytes:
    return zip_bytes(
        {
            "mimetype": b"application/vnd.oasis.opendocument.spreadsheet",
            "content.xml": b'<?xml version="1.0" encoding="UTF-8"?><office:document-content/>',
        },
        stored=("mimetype",),
    )


def word() -> bytes:
    return zip_bytes({"[Content_Types].xml": b"<Types/>", "word/document.xml": b"<w:document/>"})


# name -> (bytes of the file, given the template's bytes; the English reason; the French one)
UNREADABLE: dict[str, tuple[Callable[[bytes], bytes], str, str]] = {
    "csv with offers": (
        lambda _: b"candidat;lot;prix\nAlpha;1;400\nBeta;2;500\n",
        "it is a CSV file under a workbook's name",
        "c'est un fichier CSV qui porte un nom de classeur",
    ),
    "csv header only": (
        lambda _: b"candidate,lot\n",
        "it is a CSV file under a workbook's name",
        "c'est un fichier CSV qui porte un nom de classeur",
    ),
    "password (OLE2)": (
        lambda _: encrypted_ole2(),
        "it is protected by a password",
        "le classeur est protégé par un mot de passe",
    ),
    "password (zip)": (
        encrypted_zip,
        "it is protected by a password",
        "le classeur est protégé par un mot de passe",
    ),
    "damaged ods": (
        lambda _: ods(),
        "it is damaged, or not a workbook referent can read",
        "le fichier est endommagé, ou n'est pas un classeur que referent sait lire",
    ),
    "damaged xls": (
        lambda _: OLE2 + bytes(4088),
        "it is damaged, or not a workbook referent can read",
        "le fichier est endommagé, ou n'est pas un classeur que referent sait lire",
    ),
    "truncated": (
        lambda template: template[: len(template) // 2],
        "it is damaged, or not a workbook referent can read",
        "le fichier est endommagé, ou n'est pas un classeur que referent sait lire",
    ),
    "random bytes": (
        lambda _: bytes(range(256)) * 4,
        "it is damaged, or not a workbook referent can read",
        "le fichier est endommagé, ou n'est pas un classeur que referent sait lire",
    ),
    "html": (
        lambda _: b"<html><body><table><tr><td>Alpha</td></tr></table></body></html>\n",
        "it is damaged, or not a workbook referent can read",
        "le fichier est endommagé, ou n'est pas un classeur que referent sait lire",
    ),
    "word": (
        lambda _: word(),
        "it is damaged, or not a workbook referent can read",
        "le fichier est endommagé, ou n'est pas un classeur que referent sait lire",
    ),
}


@pytest.fixture(scope="module")
def template(config: Config) -> bytes:
    return build_template(config)


def entries(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


@pytest.mark.parametrize("kind", sorted(UNREADABLE))
def test_template_force_never_replaces_an_unreadable_offers_file(
    tmp_path: Path, template: bytes, kind: str
) -> None:
    make, english, french = UNREADABLE[kind]
    offers = tmp_path / "offers.xlsx"
    offers.write_bytes(make(template))
    before = offers.read_bytes()
    runner = CliRunner()
    result = runner.invoke(app, ["template", *CONFIG, "--out", str(offers), "--force"])
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == (
        f"error: {offers}: {english}, so nothing proves it holds no offers; referent never "
        "replaces such a file, even with --force: move it away, or write the template to "
        "another file (--out new.xlsx) [offers-not-proven-empty]\n"
    )
    french_run = ["--lang", "fr", "template", *CONFIG, "--out", str(offers), "--force"]
    result = runner.invoke(app, french_run)
    assert result.stderr == (
        f"erreur : {offers} : {french}, donc rien ne prouve qu'il ne contient aucune offre ; "
        "referent ne remplace jamais un tel fichier, même avec --force : déplacez-le, ou "
        "écrivez le modèle dans un autre fichier (--out nouveau.xlsx) [offers-not-proven-empty]\n"
    )
    assert offers.read_bytes() == before
    assert entries(tmp_path) == ["offers.xlsx"]


@pytest.mark.parametrize("kind", sorted(UNREADABLE))
def test_init_force_never_replaces_an_unreadable_offers_file(
    tmp_path: Path, template: bytes, kind: str
) -> None:
    make, english, _ = UNREADABLE[kind]
    offers = tmp_path / "offers.xlsx"
    offers.write_bytes(make(template))
    before = offers.read_bytes()
    result = CliRunner().invoke(app, ["init", str(tmp_path), "--force"])
    assert result.exit_code == 2
    assert result.stderr == (
        f"error: {offers}: {english}, so nothing proves it holds no offers; init never replaces "
        "such a file, even with --force: move it away first, or choose another folder "
        "[offers-not-proven-empty]\n"
    )
    assert offers.read_bytes() == before
    assert entries(tmp_path) == ["offers.xlsx"]  # no lots.yaml, no criteria.yaml either


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads any file")
def test_a_file_that_cannot_be_opened_is_not_replaced(tmp_path: Path, config: Config) -> None:
    offers = tmp_path / "offers.xlsx"
    offers.write_bytes(b"PK\x03\x04 typed offers")
    offers.chmod(0o200)
    try:
        with pytest.raises(ReferentError) as caught:
            write_template(offers, config, force=True)
    finally:
        offers.chmod(0o600)
    assert caught.value.code == "offers-not-proven-empty"
    assert dict(caught.value.params)["why_part"] == "unproven.unreadable"


def test_a_system_error_while_reading_is_not_proof(
    tmp_path: Path, config: Config, template: bytes, monkeypatch: pytest.MonkeyPatch
) -> None:
    from referent_ess.scaffold import offers_template

    def denied(path: Path) -> None:
        raise PermissionError(13, "Permission denied", str(path))

    monkeypatch.setattr(offers_template, "read_offers_sheet", denied)
    offers = tmp_path / "offers.xlsx"
    offers.write_bytes(template)
    with pytest.raises(ReferentError) as caught:
        write_template(offers, config, force=True)
    assert caught.value.lines_in("fr") == (
        f"{offers} : le fichier ne peut pas être ouvert, donc rien ne prouve qu'il ne contient "
        "aucune offre ; referent ne remplace jamais un tel fichier, même avec --force : "
        "déplacez-le, ou écrivez le modèle dans un autre fichier (--out nouveau.xlsx) "
        "[offers-not-proven-empty]",
    )
    assert offers.read_bytes() == template


# ---- proven empty: replaced with --force -----------------------------------------------------


def blank_workbook() -> bytes:
    raw = io.BytesIO()
    openpyxl.Workbook().save(raw)
    return raw.getvalue()


def header_only() -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "offres"
    sheet.append(["Candidat", "Lot", "Taux journalier HT", "Jours"])
    raw = io.BytesIO()
    book.save(raw)
    return raw.getvalue()


@pytest.mark.parametrize(
    "make",
    [lambda _: b"", lambda t: t, lambda _: blank_workbook(), lambda _: header_only()],
    ids=["empty file", "the template", "a blank workbook", "headers only"],
)
def test_a_file_proven_empty_is_replaced_with_force(
    tmp_path: Path, config: Config, template: bytes, make: Callable[[bytes], bytes]
) -> None:
    offers = tmp_path / "offers.xlsx"
    offers.write_bytes(make(template))
    with pytest.raises(ReferentError) as caught:
        write_template(offers, config)
    assert caught.value.code == "output-exists"
    write_template(offers, config, force=True)
    assert offers.read_bytes() == template
    init_consultation(tmp_path, 1, force=True)
    assert entries(tmp_path) == ["criteria.yaml", "lots.yaml", "offers.xlsx"]


def test_a_csv_file_of_offers_is_never_replaced(tmp_path: Path, config: Config) -> None:
    offers = tmp_path / "offres.csv"
    offers.write_text("candidate;lot\nAlpha;1\n", encoding="utf-8")
    with pytest.raises(ReferentError) as caught:
        write_template(offers, config, force=True)
    assert caught.value.lines == (
        f"{offers}: holds an offer row; referent template --update regenerates it keeping every "
        "offer and mark typed (the previous file is kept beside it as a backup) "
        "[output-holds-offers]",
    )
    assert offers.read_text(encoding="utf-8") == "candidate;lot\nAlpha;1\n"


def test_an_input_is_said_to_be_one_before_it_is_read(tmp_path: Path, config: Config) -> None:
    lots = tmp_path / "lots.yaml"
    lots.write_text("consultation: {}\n", encoding="utf-8")
    with pytest.raises(ReferentError) as caught:
        write_template(lots, config, inputs=[lots], force=True)
    assert caught.value.code == "output-is-input"


def test_a_zip_workbook_is_read_not_guessed(tmp_path: Path, template: bytes) -> None:
    """The template with one offer typed in: read, so refused as holding an offer."""
    book = openpyxl.load_workbook(io.BytesIO(template))
    book["offers"].append(["Alpha", 1])
    offers = tmp_path / "offers.xlsx"
    book.save(offers)
    assert zipfile.is_zipfile(offers)
    with pytest.raises(ReferentError) as caught:
        init_consultation(tmp_path, 1, force=True)
    assert caught.value.lines == (
        f"{offers}: holds an offer row; init never replaces it, even with --force: choose "
        "another folder, or move the workbook away first [init-holds-offers]",
    )


# ---- data outside the sheets read: never proven empty ----------------------------------------


def with_sheets(template: bytes, sheets: dict[str, list[list[object]]], hidden: bool) -> bytes:
    """The template with more sheets, each holding ``rows`` (hidden sheets when ``hidden``)."""
    book = openpyxl.load_workbook(io.BytesIO(template))
    for name, rows in sheets.items():
        sheet = book.create_sheet(name)
        sheet.sheet_state = "hidden" if hidden else "visible"
        for row in rows:
            sheet.append(row)
    raw = io.BytesIO()
    book.save(raw)
    return raw.getvalue()


def offers_on_a_second_sheet() -> bytes:
    """An empty first sheet (the one the reader would take), the offers typed on another."""
    book = openpyxl.Workbook()
    first = book.active
    assert first is not None
    first.title = "Feuil1"
    data = book.create_sheet("Données")
    data.append(["Candidat", "N° lot", "Coût journalier HT", "Nombre de jours"])
    data.append(["Alpha", 1, 500, 10])
    raw = io.BytesIO()
    book.save(raw)
    return raw.getvalue()


@pytest.mark.parametrize(
    ("make", "sheets"),
    [
        (lambda t: with_sheets(t, {"archive": [["Alpha", 1, 500, 10]]}, True), "'archive'"),
        (
            lambda t: with_sheets(t, {"Notes": [], "Brouillon": [["x"]]}, False),
            "'Notes', 'Brouillon'",
        ),
        (lambda _: offers_on_a_second_sheet(), "'Données'"),
    ],
    ids=["hidden archive", "two more sheets, one empty", "offers on a second sheet"],
)
def test_a_workbook_with_sheets_a_template_never_writes_is_not_replaced(
    tmp_path: Path, template: bytes, make: Callable[[bytes], bytes], sheets: str
) -> None:
    """Only the offers and marks sheets are read: another sheet may hold anything, so the
    workbook is not proven empty, even when its offers sheet is."""
    offers = tmp_path / "offers.xlsx"
    offers.write_bytes(make(template))
    before = offers.read_bytes()
    result = CliRunner().invoke(app, ["template", *CONFIG, "--out", str(offers), "--force"])
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == (
        f"error: {offers}: it holds sheets a template never writes ({sheets}), which may hold "
        "offers or marks, so nothing proves it holds no offers; referent never replaces such a "
        "file, even with --force: move it away, or write the template to another file (--out "
        "new.xlsx) [offers-not-proven-empty]\n"
    )
    assert offers.read_bytes() == before


def test_marks_typed_in_the_marks_sheet_are_never_replaced(tmp_path: Path, config: Config) -> None:
    """The template with evaluators, one mark typed in its marks sheet (and no offer row): the
    jury's work would be lost."""
    book = openpyxl.load_workbook(io.BytesIO(build_template(config, ["Anne", "Bruno"])))
    book["marks"].append(["Alpha", 1, "context", "Anne", 4, "Solide"])
    offers = tmp_path / "offers.xlsx"
    book.save(offers)
    before = offers.read_bytes()
    with pytest.raises(ReferentError) as caught:
        write_template(offers, config, ["Anne", "Bruno"], force=True)
    assert (caught.value.code, dict(caught.value.params)["rows"]) == ("output-holds-offers", "1")
    assert offers.read_bytes() == before


def test_the_templates_own_sheets_are_replaced_with_force(tmp_path: Path, config: Config) -> None:
    """A blank template with evaluators (offers, marks, lisez-moi and maybe listes) is proven
    empty: re-running ``template --force`` on its own output works."""
    offers = tmp_path / "offers.xlsx"
    blank = build_template(config, ["Anne", "Bruno"])
    offers.write_bytes(blank)
    write_template(offers, config, force=True)
    assert offers.read_bytes() == build_template(config)
