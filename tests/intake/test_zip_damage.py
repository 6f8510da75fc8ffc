"""Why a zip could not be read, as a coded reason (``part:zip.*``) and the member concerned:
never Python's English wording inside a French message."""

import zipfile
import zlib

import pytest

from referent_ess import i18n
from referent_ess.intake.zip_guard import ZipDamage, damage_of


@pytest.mark.parametrize(
    ("exc", "expected"),
    [
        (ZipDamage("cut-short", "xl/styles.xml"), ("cut-short", "xl/styles.xml")),
        (zipfile.BadZipFile("Bad CRC-32 for file 'xl/a.xml'"), ("crc", "xl/a.xml")),
        (zipfile.BadZipFile("File is not a zip file"), ("not-zip", "")),
        (zipfile.BadZipFile("Truncated file header"), ("structure", "")),
        (zipfile.BadZipFile("Overlapped entries: 'x' (possible zip bomb)"), ("structure", "")),
        (zlib.error("Error -3 while decompressing data: invalid block type"), ("inflate", "")),
        (NotImplementedError("That compression method is not supported"), ("compression", "")),
        (UnicodeDecodeError("utf-8", b"\xff", 0, 1, "invalid start byte"), ("names", "")),
        (OSError(5, "Input/output error"), ("unreadable", "")),
    ],
)
def test_each_failure_has_its_reason(exc: BaseException, expected: tuple[str, str]) -> None:
    assert damage_of(exc) == expected


def test_the_reason_is_worded_in_each_language() -> None:
    params = (("path", "offres.xlsx"), ("reason_part", "zip.crc"), ("part", "xl/a.xml"))
    assert i18n.message("damaged-zip", params, lang="fr") == (
        "offres.xlsx : le fichier est endommagé ou tronqué (la partie xl/a.xml ne correspond pas "
        "à sa somme de contrôle) ; téléchargez-le ou copiez-le à nouveau, ou enregistrez-le de "
        "nouveau depuis votre tableur"
    )
    params = (("path", "offres.xlsx"), ("reason_part", "zip.inflate"), ("part", ""))
    assert i18n.message("damaged-zip", params, lang="en") == (
        "offres.xlsx: is damaged or truncated (compressed data is corrupt); download or copy it "
        "again, or save it again from your spreadsheet"
    )
