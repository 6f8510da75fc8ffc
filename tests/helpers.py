"""Helpers shared by tests of several folders (``tests`` is on pytest's python path)."""

import io
import struct
import zipfile
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import Protocol

from typer.testing import CliRunner, Result

from referent_ess import i18n
from referent_ess.cli import app

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE_CONFIG = ["--lots", str(ROOT / "lots.yaml"), "--criteria", str(ROOT / "criteria.yaml")]
NNBSP, NBSP = "\u202f", "\u00a0"  # French money: between thousands, and before €

# lots.yaml of one lot that flags abnormally low prices (mean-ratio)
ABNORMAL_LOTS = """\
consultation:
  title: Test consultation
  vat_rate: 0.20
  required_documents: [cv]
  abnormally_low: {method: mean-ratio}
lots:
  - {id: 1, title: Lot one, cap_ht: 100000}
"""
# a flagged price (Alpha), an unusual VAT rate (Beta) and a day rate that is not a number (Delta)
DOCUMENT_ROWS = [
    ["Alpha", 1, 300, 10, 0.2, "oui", 4],
    ["Beta", 1, 500, 10, 0.07, "oui", 4],
    ["Gamma", 1, 500, 10, 0.2, "oui", 4],
    ["Delta", 1, "beaucoup", 10, 0.2, "oui", 4],
]


class Worded(Protocol):
    """Anything with a message code and its parameters: a problem, an error, a reason, a bad
    value."""

    @property
    def code(self) -> str: ...

    @property
    def params(self) -> tuple[tuple[str, str], ...]: ...


def english(worded: Worded) -> str:
    """The English text of a message, as the English catalogue words it."""
    return i18n.message(worded.code, worded.params, lang="en")


# a consultation's files for tests of lots.yaml: one lot, and two weighted criteria
ONE_LOT = "lots: [{id: 1, title: A, cap_ht: 5}]\n"
WEIGHTED_CRITERIA = (
    "criteria:\n"
    "  - {id: quality, label: Q, weight: 60}\n"
    "  - {id: price, label: P, weight: 40, price: {formula: proportional}}\n"
)


def write_config(tmp_path: Path, lots: str, criteria: str = WEIGHTED_CRITERIA) -> tuple[Path, Path]:
    """lots.yaml and criteria.yaml holding ``lots`` and ``criteria``, in ``tmp_path``."""
    lots_path, criteria_path = tmp_path / "lots.yaml", tmp_path / "criteria.yaml"
    lots_path.write_text(lots, encoding="utf-8")
    criteria_path.write_text(criteria, encoding="utf-8")
    return lots_path, criteria_path


def french_errors(runner: CliRunner, lots: Path, criteria: Path) -> list[str]:
    """The ``erreur : …`` lines of ``score`` refusing a configuration (exit code 2)."""
    args = ["--lang", "fr", "score", "x.xlsx", "--lots", str(lots), "--criteria", str(criteria)]
    result = runner.invoke(app, args)
    assert result.exit_code == 2, result.output
    return result.stderr.splitlines()


def run(runner: CliRunner, *args: str) -> Result:
    """A command on the bundled example (its lots.yaml and criteria.yaml), which must succeed."""
    result = runner.invoke(app, [*args, *EXAMPLE_CONFIG])
    assert result.exit_code == 0, result.output
    return result


def config_args(make_config: Callable[..., tuple[Path, Path]], **kwargs: str) -> list[str]:
    """``--lots`` and ``--criteria`` of the small test consultation (see ``make_config``)."""
    lots, criteria = make_config(**kwargs)
    return ["--lots", str(lots), "--criteria", str(criteria)]


def refused(runner: CliRunner, args: list[str]) -> tuple[list[str], list[str]]:
    """The lines of a command refused with exit code 2, in English and in French, without their
    ``error: `` / ``erreur : `` prefix."""
    lines = []
    for lang, prefix in (("en", "error: "), ("fr", "erreur : ")):
        result = runner.invoke(app, ["--lang", lang, *args])
        assert result.exit_code == 2, result.output
        printed = result.stderr.splitlines()
        assert all(line.startswith(prefix) for line in printed), printed
        lines.append([line.removeprefix(prefix) for line in printed])
    return lines[0], lines[1]


# ---- crafted offers files: zips built byte by byte ------------------------------------------

# a valid sheet: Alpha 300 x 10 = 3000.00 HT marked 4, Beta 400 x 10 = 4000.00 HT marked 5
VALID_ROWS = [["Alpha", 1, 300, 10, 0.2, "oui", 4], ["Beta", 1, 400, 10, 0.2, "oui", 5]]
SHEET = "xl/worksheets/sheet1.xml"
OLE2 = bytes.fromhex("D0CF11E0A1B11AE1")
XML_DECLARATION = b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'

BILLION_LAUGHS = (
    b'<!DOCTYPE lolz [<!ENTITY lol "lol">'
    b'<!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">'
    b'<!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">'
    b'<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">'
    b'<!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">'
    b'<!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">'
    b'<!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">'
    b'<!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">'
    b'<!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">'
    b'<!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">'
    b"]>\n"
)


def zip_bytes(members: Mapping[str, bytes], stored: tuple[str, ...] = ()) -> bytes:
    """A zip of ``members`` in order: deflated, except the ``stored`` ones."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in members.items():
            method = zipfile.ZIP_STORED if name in stored else zipfile.ZIP_DEFLATED
            archive.writestr(name, data, compress_type=method)
    return buffer.getvalue()


def with_dtd(xml: bytes, dtd: bytes) -> bytes:
    """``xml`` with ``dtd`` right after its XML declaration (added if it has none)."""
    if xml.startswith(b"<?xml"):
        end = xml.index(b"?>") + 2
        return xml[:end] + b"\n" + dtd + xml[end:].lstrip()
    return XML_DECLARATION + dtd + xml


def directory(data: bytes) -> Iterator[tuple[bytes, int, int]]:
    """Each central directory record of the zip ``data``: (raw name, record offset, local file
    header offset), read from the end of central directory record."""
    eocd = data.rindex(b"PK\x05\x06")
    count, _, position = struct.unpack_from("<HII", data, eocd + 10)
    for _ in range(count):
        assert data[position : position + 4] == b"PK\x01\x02"
        name_length, extra_length, comment_length = struct.unpack_from("<HHH", data, position + 28)
        (local,) = struct.unpack_from("<I", data, position + 42)
        assert data[local : local + 4] == b"PK\x03\x04"
        yield data[position + 46 : position + 46 + name_length], position, local
        position += 46 + name_length + extra_length + comment_length


def declared_sizes(data: bytes, sizes: Mapping[str, int]) -> bytes:
    """``data`` (a zip) with the uncompressed size of some members rewritten, in both the local
    file header (offset 22) and the central directory record (offset 24): the content is not
    touched, so the zip now lies about what it holds."""
    out = bytearray(data)
    patched = set()
    for raw_name, record, local in directory(data):
        name = raw_name.decode()
        if name in sizes:
            struct.pack_into("<I", out, record + 24, sizes[name])
            struct.pack_into("<I", out, local + 22, sizes[name])
            patched.add(name)
    assert patched == set(sizes)
    return bytes(out)


SPREADSHEET_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_PACKAGE_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
_DOCUMENT_RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_TYPES = "http://schemas.openxmlformats.org/package/2006/content-types"
_MAIN_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml"


def worksheet_xml(rows: str, *, before: str = "", after: str = "") -> bytes:
    """A worksheet part whose sheetData holds ``rows`` (raw XML)."""
    return (
        f'<?xml version="1.0" encoding="UTF-8"?>\n<worksheet xmlns="{SPREADSHEET_NS}">'
        f"{before}<sheetData>{rows}</sheetData>{after}</worksheet>"
    ).encode()


def xlsx_bytes(sheets: Mapping[str, bytes], shared: list[str] | None = None) -> bytes:
    """A minimal workbook, byte by byte: the sheets (name → worksheet XML) in order, and a table
    of shared texts when ``shared`` is given: what Excel writes, without styles or themes."""
    overrides = "".join(
        f'<Override PartName="/xl/worksheets/sheet{i}.xml" '
        f'ContentType="{_MAIN_TYPE}.worksheet+xml"/>'
        for i in range(1, len(sheets) + 1)
    )
    if shared is not None:
        overrides += (
            f'<Override PartName="/xl/sharedStrings.xml" '
            f'ContentType="{_MAIN_TYPE}.sharedStrings+xml"/>'
        )
    types = (
        f'<Types xmlns="{_TYPES}"><Default Extension="rels" '
        'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        f'<Override PartName="/xl/workbook.xml" ContentType="{_MAIN_TYPE}.sheet.main+xml"/>'
        f"{overrides}</Types>"
    )
    listed = "".join(
        f'<sheet name="{name}" sheetId="{i}" r:id="rId{i}"/>'
        for i, name in enumerate(sheets, start=1)
    )
    workbook = (
        f'<workbook xmlns="{SPREADSHEET_NS}" xmlns:r="{_DOCUMENT_RELS}"><sheets>{listed}</sheets>'
        "</workbook>"
    )
    relations = "".join(
        f'<Relationship Id="rId{i}" Type="{_DOCUMENT_RELS}/worksheet" '
        f'Target="worksheets/sheet{i}.xml"/>'
        for i in range(1, len(sheets) + 1)
    )
    if shared is not None:
        relations += (
            f'<Relationship Id="rId{len(sheets) + 1}" Type="{_DOCUMENT_RELS}/sharedStrings" '
            'Target="sharedStrings.xml"/>'
        )
    members = {
        "[Content_Types].xml": types.encode(),
        "_rels/.rels": (
            f'<Relationships xmlns="{_PACKAGE_RELS}"><Relationship Id="rId1" '
            f'Type="{_DOCUMENT_RELS}/officeDocument" Target="xl/workbook.xml"/></Relationships>'
        ).encode(),
        "xl/workbook.xml": workbook.encode(),
        "xl/_rels/workbook.xml.rels": (
            f'<Relationships xmlns="{_PACKAGE_RELS}">{relations}</Relationships>'
        ).encode(),
    }
    for i, xml in enumerate(sheets.values(), start=1):
        members[f"xl/worksheets/sheet{i}.xml"] = xml
    if shared is not None:
        texts = "".join(f"<si><t>{text}</t></si>" for text in shared)
        members["xl/sharedStrings.xml"] = (
            f'<sst xmlns="{SPREADSHEET_NS}" count="{len(shared)}" uniqueCount="{len(shared)}">'
            f"{texts}</sst>"
        ).encode()
    return zip_bytes(members)


# A two-level criteria tree and a named set ("travaux"): the consultation the tests of the tree
# share (tests/config, tests/evaluation); its figures are worked out by hand in each test.
CRITERIA_TREE_YAML = """\
criteria:
  - id: technique
    label: Valeur technique
    weight: 60
    sub_criteria:
      - {id: methode, label: Méthodologie, weight: 24}
      - id: moyens
        label: Moyens humains et matériels
        weight: 36
        sub_criteria:
          - {id: equipe, label: Équipe, weight: 20, scale: 10}
          - {id: materiel, label: Matériel, weight: 16}
  - {id: prix, label: Prix, weight: 40, price: {formula: proportional}}
tie_break: [technique, moyens, prix]
sets:
  travaux:
    criteria:
      - {id: technique, label: Valeur technique, weight: 70}
      - {id: prix, label: Prix, weight: 30, price: {formula: linear}}
    tie_break: [prix]
"""
