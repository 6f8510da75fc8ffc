"""Reading the offers file, whatever its kind: the one entry point of the readers."""

from pathlib import Path

from referent_ess.intake.file_status import regular_file
from referent_ess.intake.sheet import Progress, RawSheet
from referent_ess.intake.zip_guard import OLE2_MAGIC, ZIP_MAGIC, check_readable, opendocument_type
from referent_ess.problems.errors import ReferentError, os_reason

ODS_TYPES = frozenset(
    {
        b"application/vnd.oasis.opendocument.spreadsheet",
        b"application/vnd.oasis.opendocument.spreadsheet-template",
    }
)


def read_offers_sheet(path: Path, progress: Progress | None = None) -> RawSheet:
    """Read the offers of ``path``: a ``.csv`` file, or the sheet named ``offers`` (or
    ``offres``, any case) of a workbook (``.xlsx``, ``.xlsm``, ``.ods`` or ``.xls``, told apart
    by their content, never by their name), else its first visible sheet.

    Only a regular file is opened (a named pipe would block, a device never end); any error of
    the system while reading it (a folder that cannot be searched, a file that cannot be read)
    is one clear error.

    Each reader is imported only for its kind of file: a run reads one file, and the readers
    of the other kinds (their XML scanners, their tables of codes) would only lengthen the
    start of every command (see the README's Performance section)."""
    if regular_file(path).st_size == 0:
        raise ReferentError("empty-file", params=(("path", str(path)),))
    try:
        if path.suffix.lower() == ".csv":
            from referent_ess.intake.csv_reader import read_offers_csv

            return read_offers_csv(path)
        head = check_readable(path)
        if head.startswith(OLE2_MAGIC):
            from referent_ess.intake.xls_reader import read_xls_offers

            return read_xls_offers(path, progress)
        if head.startswith(ZIP_MAGIC) and opendocument_type(path) in ODS_TYPES:
            from referent_ess.intake.ods_reader import read_ods_offers

            return read_ods_offers(path, progress)
        from referent_ess.intake.xlsx_reader import read_xlsx_offers

        return read_xlsx_offers(path, progress)
    except OSError as exc:
        params = (("path", str(path)), *os_reason(exc, str(exc.strerror or exc)))
        raise ReferentError("unreadable-file", params=params) from None
