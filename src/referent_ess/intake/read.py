"""Reading the offers file, whatever its kind: the one entry point of the readers."""

from pathlib import Path

from referent_ess.intake.csv_reader import read_offers_csv
from referent_ess.intake.file_status import regular_file
from referent_ess.intake.sheet import Progress, RawSheet
from referent_ess.intake.xlsx_reader import read_xlsx_offers
from referent_ess.problems.errors import ReferentError, os_reason


def read_offers_sheet(path: Path, progress: Progress | None = None) -> RawSheet:
    """Read the offers of ``path``: a ``.csv`` file, or the sheet named ``offers`` (or
    ``offres``, any case) of a workbook, else its first visible sheet.

    Only a regular file is opened (a named pipe would block, a device never end); any error of
    the system while reading it (a folder that cannot be searched, a file that cannot be read)
    is one clear error."""
    if regular_file(path).st_size == 0:
        raise ReferentError("empty-file", params=(("path", str(path)),))
    try:
        if path.suffix.lower() == ".csv":
            return read_offers_csv(path)
        return read_xlsx_offers(path, progress)
    except OSError as exc:
        params = (("path", str(path)), *os_reason(exc, str(exc.strerror or exc)))
        raise ReferentError("unreadable-file", params=params) from None
