"""Reading the offers sheet of an Excel 97-2003 workbook (``.xls``).

:mod:`.xls_scan` checks the file first (its size, encryption, a truncated or damaged compound
file, the size of the sheets) and notes what python-calamine does not say (error cells, which
calamine reads as empty text, hidden rows and columns); python-calamine then reads the values.
"""

from dataclasses import replace
from pathlib import Path

from referent_ess.intake.sheet import Progress, RawSheet, with_markers
from referent_ess.intake.xls_scan import check_size, scan_xls
from referent_ess.intake.xlsx_reader import plain, raw_sheets
from referent_ess.intake.xlsx_scan import SheetScan, chosen_sheets
from referent_ess.intake.zip_guard import ole2_refusal
from referent_ess.problems.errors import ReferentError

WORKBOOK_PART = "Workbook"  # where every sheet's cells are (see xlsx_scan.CELL_PARTS)


def read_xls_offers(path: Path, progress: Progress | None = None) -> RawSheet:
    """The offers sheet of an ``.xls`` workbook (and its marks and prices sheets, when it has
    them)."""
    with path.open("rb") as stream:
        check_size(path, path.stat().st_size)
        data = stream.read()
    if "EncryptionInfo".encode("utf-16-le") in data[: 1 << 20]:
        raise ole2_refusal(path)  # a password-protected .xlsx, which is an OLE2 file
    sheets = scan_xls(path, data)
    worksheets = [s for s in sheets if s.worksheet]
    try:
        values = _values(data, [s.name for s in worksheets], progress)
    except (ReferentError, KeyboardInterrupt, SystemExit, GeneratorExit):
        raise
    except BaseException as exc:  # a Rust panic in the reader is a BaseException, not Exception
        if type(exc).__name__ == "PasswordError":
            raise ReferentError(
                "encrypted-workbook", params=(("form", "xls"), ("path", str(path)))
            ) from None
        params = (("path", str(path)), ("detail", str(exc)))
        raise ReferentError("unreadable-workbook", params=params) from None
    scans = [
        SheetScan(
            s.name,
            WORKBOOK_PART if s.worksheet else "",
            s.state,
            replace(s.facts(), first_row=_first_row(values.get(s.name, []))),
        )
        for s in sheets
    ]
    scan = chosen_sheets(path, scans)
    for sheet in worksheets:
        values[sheet.name] = with_markers(values[sheet.name], dict(sheet.errors))
    offers = values[scan.offers]
    marks = values[scan.marks] if scan.marks else []
    return raw_sheets(path, scan, offers, marks, values[scan.prices] if scan.prices else [])


def _values(
    data: bytes, names: list[str], progress: Progress | None
) -> dict[str, list[tuple[object, ...]]]:
    from io import BytesIO

    from python_calamine import CalamineWorkbook

    workbook = CalamineWorkbook.from_filelike(BytesIO(data))
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


def _first_row(values: list[tuple[object, ...]]) -> tuple[str, ...]:
    if not values:
        return ()
    return tuple(str(value) for value in values[0] if value is not None and str(value).strip())
