"""Reading offers tables saved as CSV: files written byte by byte in tmp_path, expectations by hand.

Row numbers are the line where each record starts in the file (the header is line 1), so that a
message names a line a person can find in a text editor.
"""

import os
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import pytest

from referent_ess.config.loader import load_config
from referent_ess.intake.csv_reader import read_offers_csv
from referent_ess.intake.offers import parse_offers
from referent_ess.intake.sheet import RawSheet
from referent_ess.problems.errors import ReferentError
from referent_ess.problems.problem import Severity

BOM = b"\xef\xbb\xbf"
HEADER = ("candidate", "lot", "day_rate_ht", "days", "vat_rate", "cv", "quality")


def write(tmp_path: Path, data: bytes, name: str = "offers.csv") -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def error_of(path: Path) -> str:
    with pytest.raises(ReferentError) as caught:
        read_offers_csv(path)
    return str(caught.value)


def test_semicolon_file_with_french_numbers(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        b"candidate;lot;day_rate_ht;days;vat_rate;cv;quality\r\n"
        b"Alpha;1;1 234,50;10;20 %;oui;4\r\n"
        b'Beta;2;"450,50";12,5;5,5 %;non;3,5\r\n',
    )
    sheet = read_offers_csv(path)
    assert sheet == RawSheet(
        file=str(path),
        name="",
        header=HEADER,
        rows=(
            (2, ("Alpha", "1", "1 234,50", "10", "20 %", "oui", "4")),
            (3, ("Beta", "2", "450,50", "12,5", "5,5 %", "non", "3,5")),
        ),
        other_headers=(),
    )


def test_comma_file_without_final_newline(tmp_path: Path) -> None:
    path = write(tmp_path, b'candidate,lot,day_rate_ht\nAlpha,1,450.50\nBeta,2,"1,5"')
    sheet = read_offers_csv(path)
    assert sheet.header == ("candidate", "lot", "day_rate_ht")
    assert sheet.rows == ((2, ("Alpha", "1", "450.50")), (3, ("Beta", "2", "1,5")))


def test_bom_is_dropped_and_non_ascii_text_kept(tmp_path: Path) -> None:
    text = "candidat;prix\nÉlan coopératif;1\u202f234,50 €\n"
    with_bom = read_offers_csv(write(tmp_path, BOM + text.encode(), "bom.csv"))
    without = read_offers_csv(write(tmp_path, text.encode(), "plain.csv"))
    assert with_bom.header == without.header == ("candidat", "prix")
    assert with_bom.rows == without.rows == ((2, ("Élan coopératif", "1\u202f234,50 €")),)


def test_separator_is_taken_from_the_header_line_outside_quotes(tmp_path: Path) -> None:
    # The header's only ';' is quoted: this is a comma file, whatever the data lines hold.
    path = write(tmp_path, b'candidate,"price; HT",days\nAlpha;x,450;50,10\n')
    sheet = read_offers_csv(path)
    assert sheet.header == ("candidate", "price; HT", "days")
    assert sheet.rows == ((2, ("Alpha;x", "450;50", "10")),)


def test_both_separators_in_the_header_the_one_giving_more_columns_wins(tmp_path: Path) -> None:
    path = write(tmp_path, b"candidate;lot;prix jour, HT;jours\nAlpha;1;450,50;10\n")
    sheet = read_offers_csv(path)
    assert sheet.header == ("candidate", "lot", "prix jour, HT", "jours")
    assert sheet.rows == ((2, ("Alpha", "1", "450,50", "10")),)


def test_single_column_file_keeps_decimal_commas_whole(tmp_path: Path) -> None:
    path = write(tmp_path, b"amount\n450,50\n12\n")
    sheet = read_offers_csv(path)
    assert sheet.header == ("amount",)
    assert sheet.rows == ((2, ("450,50",)), (3, ("12",)))


def test_tab_is_not_a_separator(tmp_path: Path) -> None:
    path = write(tmp_path, b"candidate\tlot\nAlpha\t1\n")
    sheet = read_offers_csv(path)
    assert sheet.header == ("candidate\tlot",)
    assert sheet.rows == ((2, ("Alpha\t1",)),)


def test_quoted_fields_with_separator_quotes_and_newlines(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        b"candidate;note;days\n"  # line 1
        b'"Alpha; fils";"first line\n'  # line 2: the record starts here
        b'second ""quoted"" line\r\n'  # line 3
        b'third line";10\n'  # line 4
        b"Beta;plain;12\n"  # line 5
        b'Gamma;"one\n'  # line 6
        b'two";3\n'  # line 7
        b"Delta;;4\n",  # line 8
    )
    sheet = read_offers_csv(path)
    assert sheet.rows == (
        (2, ("Alpha; fils", 'first line\nsecond "quoted" line\r\nthird line', "10")),
        (5, ("Beta", "plain", "12")),
        (6, ("Gamma", "one\ntwo", "3")),
        (8, ("Delta", None, "4")),
    )


def test_quoted_newline_in_the_header_moves_the_rows_down(tmp_path: Path) -> None:
    path = write(tmp_path, b'candidate;"day rate\nHT"\nAlpha;450\n')
    sheet = read_offers_csv(path)
    assert sheet.header == ("candidate", "day rate\nHT")
    assert sheet.rows == ((3, ("Alpha", "450")),)


def test_blank_records_are_skipped_and_row_numbers_kept(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        b"candidate;lot\r\n"  # 1
        b"\r\n"  # 2: empty line
        b"Alpha;1\r\n"  # 3
        b";\r\n"  # 4: only separators
        b"  ; \t\r\n"  # 5: only spaces
        b'"";""\r\n'  # 6: only empty quoted fields
        b"Beta;2\r\n"  # 7
        b"\r\n",  # 8
    )
    sheet = read_offers_csv(path)
    assert sheet.rows == ((3, ("Alpha", "1")), (7, ("Beta", "2")))


def test_empty_fields_are_none_and_nothing_is_stripped(tmp_path: Path) -> None:
    path = write(tmp_path, b"candidate;lot;;days\n Alpha ;;x; 10 \n")
    sheet = read_offers_csv(path)
    assert sheet.header == ("candidate", "lot", None, "days")
    assert sheet.rows == ((2, (" Alpha ", None, "x", " 10 ")),)


def test_short_and_long_records_are_kept_as_they_are(tmp_path: Path) -> None:
    path = write(tmp_path, b"candidate;lot\nAlpha\nBeta;2;extra;\n")
    sheet = read_offers_csv(path)
    assert sheet.rows == ((2, ("Alpha",)), (3, ("Beta", "2", "extra", None)))


def test_header_only_file(tmp_path: Path) -> None:
    path = write(tmp_path, BOM + b"candidate;lot;day_rate_ht\r\n")
    assert read_offers_csv(path) == RawSheet(
        str(path), "", ("candidate", "lot", "day_rate_ht"), (), ()
    )


@pytest.mark.parametrize("data", [b"", BOM, b"\r\n\r\n", BOM + b"  \n\t\n"])
def test_empty_file_gives_an_empty_header(tmp_path: Path, data: bytes) -> None:
    path = write(tmp_path, data)
    assert read_offers_csv(path) == RawSheet(str(path), "", (), (), ())


def test_cp1252_file_is_refused_with_the_byte_offset(tmp_path: Path) -> None:
    path = write(tmp_path, b"candidat;lot\nCaf\xe9;1\n")  # é in cp1252 at byte 16
    assert error_of(path) == (
        f"{path}: not UTF-8 text (byte 16); in Excel or LibreOffice save it as « CSV UTF-8 » "
        "[not-utf8]"
    )


def test_byte_offset_counts_the_bom(tmp_path: Path) -> None:
    path = write(tmp_path, BOM + b"candidat;lot\nCaf\xe9;1\n")
    assert f"{path}: not UTF-8 text (byte 19);" in error_of(path)


def test_utf16_file_is_refused_as_not_utf8(tmp_path: Path) -> None:
    path = write(tmp_path, "candidat;lot\n".encode("utf-16"))  # starts with the BOM FF FE
    assert f"{path}: not UTF-8 text (byte 0);" in error_of(path)


def test_nul_byte_is_refused(tmp_path: Path) -> None:
    path = write(tmp_path, b"candidat;lot\nAlpha\x00;1\n")
    assert error_of(path) == f"{path}: contains NUL bytes: not a text CSV file [nul-bytes]"


def test_unclosed_quote_is_refused_with_the_line_where_the_record_starts(tmp_path: Path) -> None:
    path = write(tmp_path, b'candidate;lot\nAlpha;1\n"Beta;2\nGamma;3\n')
    message = error_of(path)
    assert message.startswith(f"{path}: line 3: cannot be read as CSV (")


def test_text_after_a_closing_quote_is_refused(tmp_path: Path) -> None:
    path = write(tmp_path, b'candidate;lot\n"Al"pha;1\n')
    assert error_of(path).startswith(f"{path}: line 2: cannot be read as CSV (")


def test_missing_file(tmp_path: Path) -> None:
    path = tmp_path / "absent.csv"
    assert error_of(path) == f"{path}: file not found [file-not-found]"


def test_folder(tmp_path: Path) -> None:
    assert error_of(tmp_path) == f"{tmp_path}: is a folder, expected a .csv file [is-a-folder]"


def test_unreadable_file(tmp_path: Path, deny_reading: Callable[[Path], None]) -> None:
    path = write(tmp_path, b"candidate;lot\n")
    deny_reading(path)
    assert error_of(path) == f"{path}: cannot be read ({os.strerror(13)}) [unreadable-file]"


def test_end_to_end_through_the_offers_parser(
    tmp_path: Path, make_config: Callable[..., tuple[Path, Path]]
) -> None:
    config = load_config(*make_config())
    path = write(
        tmp_path,
        BOM + b"candidate;lot;day_rate_ht;days;vat_rate;cv;quality\r\n"
        b"Alpha;1;1 234,50;10;20 %;oui;4\r\n"  # row 2
        b"Beta;2;douze;12,5;0,2;non;3,5\r\n",  # row 3: C3 is not a number
    )
    book = parse_offers(read_offers_csv(path), config, path)
    alpha, beta = book.offers
    assert (alpha.row, alpha.candidate, alpha.lot) == (2, "Alpha", 1)
    assert str(alpha.day_rate_ht) == "1234.50"
    assert alpha.days == Decimal(10)
    assert alpha.vat_rate == Decimal("0.2")
    assert alpha.documents == {"cv": True}
    assert alpha.marks == {"quality": Decimal(4)}
    assert alpha.problems == ()
    assert (beta.row, beta.candidate, beta.lot, beta.day_rate_ht) == (3, "Beta", 2, None)
    assert str(beta.days) == "12.5"
    assert beta.vat_rate == Decimal("0.2")
    assert beta.marks == {"quality": Decimal("3.5")}
    assert [(p.code, p.cell, p.row, p.field, p.severity) for p in book.problems] == [
        ("bad-number", "C3", 3, "day_rate_ht", Severity.ERROR)
    ]
    assert book.problems[0].file == str(path)
