"""Writing a workbook to bytes that depend only on its content (reports, templates).

``Workbook.save`` stamps the modification date with the current time, and zip entries carry
the time they were written: both would make two runs on the same inputs differ. Here the
workbook is written with openpyxl's writer, then every zip entry is re-dated to 1980-01-01
(the earliest date a zip entry can hold), in the same order.
"""

import io
import zipfile
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from openpyxl import Workbook

ZIP_TIME = (1980, 1, 1, 0, 0, 0)


def workbook_bytes(book: "Workbook") -> bytes:
    from openpyxl.writer.excel import ExcelWriter

    raw = io.BytesIO()
    with zipfile.ZipFile(raw, "w", zipfile.ZIP_DEFLATED, allowZip64=True) as archive:
        ExcelWriter(book, archive).write_data()
    out = io.BytesIO()
    with (
        zipfile.ZipFile(raw) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for name in source.namelist():
            entry = zipfile.ZipInfo(name, date_time=ZIP_TIME)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16
            target.writestr(entry, source.read(name))
    return out.getvalue()
