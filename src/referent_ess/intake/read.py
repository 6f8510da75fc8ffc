"""Reading the offers file, whatever its kind: the one entry point of the readers."""

from pathlib import Path

from referent_ess.intake.csv_reader import read_offers_csv
from referent_ess.intake.sheet import Progress, RawSheet
from referent_ess.intake.xlsx_reader import read_xlsx_offers
from referent_ess.intake.zip_guard import check_readable
from referent_ess.problems.errors import ReferentError


def read_offers_sheet(path: Path, progress: Progress | None = None) -> RawSheet:
    """Read the offers of ``path``: a ``.csv`` file, or the sheet named ``offers`` (or
    ``offres``, any case) of a workbook, else its first visible sheet."""
    if path.suffix.lower() == ".csv":
        check_readable(path)
        return read_offers_csv(path)
    return read_xlsx_offers(path, progress)


def offer_rows(path: Path) -> int:
    """How many offer rows the workbook at ``path`` holds: 0 when there is none, or no file, or
    nothing readable. A file that holds offers is never replaced by a blank template."""
    if not path.is_file():
        return 0
    try:
        return len(read_offers_sheet(path).rows)
    except ReferentError:
        return 0
