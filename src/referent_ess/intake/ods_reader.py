"""Reading the offers sheet of an OpenDocument spreadsheet (``.ods``, LibreOffice's format).

:mod:`.ods_scan` checks the file first (zip bombs, XML attacks, the size of the sheets, which
sheets are read) and notes what python-calamine does not say; python-calamine then reads the
values. Error cells and formulas without a value, which calamine reads as empty text, are put
back as markers, so that they are reported with their cell as in an ``.xlsx``.
"""

from pathlib import Path

from referent_ess.intake.ods_scan import scan_ods
from referent_ess.intake.sheet import Progress, RawSheet, with_markers
from referent_ess.intake.xlsx_reader import plain, raw_sheets
from referent_ess.problems.errors import ReferentError


def read_ods_offers(path: Path, progress: Progress | None = None) -> RawSheet:
    """The offers sheet of an ``.ods`` workbook (and its marks and prices sheets, when it has
    them)."""
    checked = scan_ods(path)
    scan = checked.scan
    wanted = [scan.offers, *(name for name in (scan.marks, scan.prices) if name)]
    try:
        values = _values(path, wanted, progress)
    except (ReferentError, KeyboardInterrupt, SystemExit, GeneratorExit):
        raise
    except BaseException as exc:  # a Rust panic in the reader is a BaseException, not Exception
        params = (("path", str(path)), ("detail", str(exc)))
        raise ReferentError("unreadable-workbook", params=params) from None
    for name in wanted:
        values[name] = with_markers(values[name], checked.markers.get(name, {}))
    return raw_sheets(
        path,
        scan,
        values[scan.offers],
        values[scan.marks] if scan.marks else [],
        values[scan.prices] if scan.prices else [],
    )


def _values(
    path: Path, names: list[str], progress: Progress | None
) -> dict[str, list[tuple[object, ...]]]:
    from python_calamine import CalamineWorkbook

    with path.open("rb") as stream:
        workbook: CalamineWorkbook = CalamineWorkbook.from_filelike(stream)
    try:
        values = {}
        for name in names:
            rows = workbook.get_sheet_by_name(name).to_python(skip_empty_area=False)
            if progress is not None:
                progress(len(rows))
            values[name] = [plain(row) for row in rows]
        return values
    finally:
        workbook.close()
