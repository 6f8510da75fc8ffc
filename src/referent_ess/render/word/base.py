"""The buyer's own .docx (its letterhead, styles, header and footer), checked before python-docx
opens it: a base comes from outside like a workbook, so the zip guard of the offers workbook
(:mod:`referent_ess.intake.zip_guard`) bounds what is decompressed, and every XML part is parsed
with DTDs and entities forbidden. A Word template (.dotx) is accepted as a document; a document
with macros (.docm), a password-protected one, an old .doc or anything else is refused in one
line naming the file."""

import io
import zipfile
from pathlib import Path

import defusedxml.ElementTree as SafeET
from defusedxml import DefusedXmlException

from referent_ess.intake.zip_guard import MB, ZIP_MAGIC, decompressed
from referent_ess.problems.errors import ReferentError, os_reason

MAX_BASE_SIZE = 20 * MB  # a letterhead with a logo weighs a few hundred kB
MAX_UNCOMPRESSED = 100 * MB
MAX_MEMBERS = 1000
_DOCUMENT = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
_TEMPLATE = "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml"
_MACROS = "application/vnd.ms-word"


def refuse(path: Path, form: str, *params: tuple[str, str]) -> ReferentError:
    return ReferentError("letter-base", params=(("path", str(path)), ("form", form), *params))


def checked_base(path: Path) -> bytes:
    """The bytes of the base document at ``path``, safe for python-docx to open (a .dotx's
    content type made a document's); :class:`ReferentError` ``letter-base`` otherwise."""
    if not path.exists():
        raise refuse(path, "missing")
    if path.is_dir():
        raise refuse(path, "folder")
    try:
        size = path.stat().st_size
        if size > MAX_BASE_SIZE:
            raise refuse(
                path,
                "too-large",
                ("size", str(-(-size // MB))),
                ("limit", str(MAX_BASE_SIZE // MB)),
            )
        data = path.read_bytes()
    except OSError as exc:
        raise ReferentError(
            "unreadable-file", params=(("path", str(path)), *os_reason(exc))
        ) from None
    if data.startswith(bytes.fromhex("D0CF11E0A1B11AE1")):
        raise refuse(path, "ole2")  # an old .doc, or a password-protected .docx
    if not data.startswith(ZIP_MAGIC):
        raise refuse(path, "not-zip")
    try:
        return _checked_zip(path, data)
    except (zipfile.BadZipFile, EOFError, ValueError) as exc:
        raise refuse(path, "damaged", ("detail", str(exc) or type(exc).__name__)) from None


def _checked_zip(path: Path, data: bytes) -> bytes:
    stream = io.BytesIO(data)
    with zipfile.ZipFile(stream) as archive:
        infos = archive.infolist()
        if len(infos) > MAX_MEMBERS:
            raise refuse(path, "members", ("count", str(len(infos))), ("limit", str(MAX_MEMBERS)))
        names = [info.filename for info in infos]
        twice = sorted({name for name in names if names.count(name) > 1})
        if twice:
            raise refuse(path, "duplicate", ("member", repr(twice[0])))
        declared = sum(info.file_size for info in infos)
        if declared > MAX_UNCOMPRESSED:
            raise refuse(
                path,
                "bomb",
                ("size", str(-(-declared // MB))),
                ("limit", str(MAX_UNCOMPRESSED // MB)),
            )
        if any(info.flag_bits & 0x1 for info in infos):
            raise refuse(path, "encrypted")
        if "[Content_Types].xml" not in names or "word/document.xml" not in names:
            raise refuse(path, "not-word")
        parts: dict[str, bytes] = {}
        for info in infos:
            if info.is_dir():
                continue
            try:
                content = b"".join(decompressed(path, stream, info))
            except ReferentError:  # a size or a compression no Word document has
                raise refuse(path, "damaged", ("detail", info.filename)) from None
            if info.filename.endswith((".xml", ".rels")):
                _check_xml(path, info.filename, content)
            parts[info.filename] = content
    types = parts["[Content_Types].xml"].decode("utf-8", "replace")
    if _MACROS in types and "macroEnabled" in types:
        raise refuse(path, "macros")
    if _TEMPLATE in types:  # a .dotx: the same parts, a template's content type
        parts["[Content_Types].xml"] = parts["[Content_Types].xml"].replace(
            _TEMPLATE.encode(), _DOCUMENT.encode()
        )
        return _zipped(parts)
    if _DOCUMENT not in types:
        raise refuse(path, "not-word")
    return data


def _check_xml(path: Path, name: str, content: bytes) -> None:
    try:
        SafeET.fromstring(content, forbid_dtd=True)
    except DefusedXmlException:
        raise refuse(path, "entities", ("part", name)) from None
    except SafeET.ParseError as exc:
        raise refuse(path, "damaged", ("detail", f"{name}: {exc}")) from None


def _zipped(parts: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in parts.items():
            archive.writestr(name, content)
    return out.getvalue()
