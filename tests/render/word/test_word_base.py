"""A base .docx comes from outside: each unusable or hostile one is refused in one line naming
the file (exit 2), and no letter is written."""

import warnings
import zipfile
from pathlib import Path

import docx
import pytest
from cli_helpers import run
from consultation_docx import write_consultation
from typer.testing import CliRunner

from referent_ess.problems.errors import ReferentError
from referent_ess.render.word import base as base_module
from referent_ess.render.word.base import checked_base


def real_docx(path: Path) -> Path:
    document = docx.Document()
    document.add_paragraph("corps")
    document.save(str(path))
    return path


def rewritten(source: Path, target: Path, change: dict[str, bytes], twice: str = "") -> Path:
    """``source``'s zip with some members' bytes changed, and one member written twice."""
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w") as new:
        for name in old.namelist():
            new.writestr(name, change.get(name, old.read(name)))
        if twice:
            with warnings.catch_warnings():  # the duplicate is the point
                warnings.simplefilter("ignore", UserWarning)
                new.writestr(twice, old.read(twice))
    return target


ENTITY = (
    b'<?xml version="1.0"?><!DOCTYPE w [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;">]>'
    b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
    b"<w:body><w:p><w:r><w:t>&b;</w:t></w:r></w:p></w:body></w:document>"
)


def test_hostile_bases_are_refused_and_nothing_is_written(
    runner: CliRunner, tmp_path: Path
) -> None:
    inputs = write_consultation(tmp_path)
    good = real_docx(tmp_path / "good.docx")
    notes = tmp_path / "notes.docx"
    notes.write_text("pas un document Word\n", encoding="utf-8")
    old = tmp_path / "ancien.doc"
    old.write_bytes(bytes.fromhex("D0CF11E0A1B11AE1") + bytes(600))
    twice = rewritten(good, tmp_path / "twice.docx", {}, twice="word/document.xml")
    entities = rewritten(good, tmp_path / "entities.docx", {"word/document.xml": ENTITY})
    sheet = tmp_path / "sheet.docx"
    with zipfile.ZipFile(sheet, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/workbook.xml", "<workbook/>")
    cases = [
        (tmp_path / "absent.docx", "{path}: the letter base (a Word .docx) is not found"),
        (tmp_path, "{path}: is a folder; the letter base is a Word document (.docx)"),
        (notes, "{path}: is not a Word document (.docx); open it in Word or LibreOffice and "
         "save it as .docx"),
        (old, "{path}: is an old Word document (.doc) or a password-protected one; open it in "
         "Word or LibreOffice and save it as .docx without a password"),
        (twice, "{path}: its zip holds the member 'word/document.xml' more than once, which "
         "Word never writes (a crafted file?): refused"),
        (entities, "{path}: its part word/document.xml declares an XML DTD or entities, which "
         "Word documents never need and which entity-expansion attacks use: refused"),
        (sheet, "{path}: is an Office or zip file but not a Word document; save your "
         "letterhead as .docx"),
    ]  # fmt: skip
    out = tmp_path / "lettres"
    for path, expected in cases:
        result = run(runner, ["letters", "--base", str(path), *inputs, "--out", str(out)], 2)
        assert result.stderr == "error: " + expected.format(path=path) + " [letter-base]\n"
        assert not out.exists()


def test_a_zip_bomb_is_refused_before_decompressing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    good = real_docx(tmp_path / "good.docx")
    with zipfile.ZipFile(good) as archive:
        declared = sum(info.file_size for info in archive.infolist())
    monkeypatch.setattr(base_module, "MAX_UNCOMPRESSED", declared - 1)
    with pytest.raises(ReferentError) as refused:
        checked_base(good)
    assert refused.value.code == "letter-base"
    assert ("form", "bomb") in refused.value.params
    monkeypatch.setattr(base_module, "MAX_UNCOMPRESSED", declared)
    assert checked_base(good) == good.read_bytes()  # at the limit: accepted as it is


def test_a_document_with_macros_is_refused(tmp_path: Path) -> None:
    good = real_docx(tmp_path / "good.docx")
    with zipfile.ZipFile(good) as archive:
        types = archive.read("[Content_Types].xml")
    macros = types.replace(
        b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
        b"application/vnd.ms-word.document.macroEnabled.main+xml",
    )
    path = rewritten(good, tmp_path / "macros.docm", {"[Content_Types].xml": macros})
    with pytest.raises(ReferentError) as refused:
        checked_base(path)
    assert ("form", "macros") in refused.value.params
