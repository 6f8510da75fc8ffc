"""Reading offers workbooks built in tmp_path: headers, cell values, located problems, bad files.

The test consultation (conftest.py) has lots 1 and 2, one required document ``cv`` and one marked
criterion ``quality`` with marks from 0 to 5. Every expected cell, code and value is typed by hand.
"""

import re
import zipfile
from collections.abc import Callable, Sequence
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import openpyxl
import openpyxl.chart
import openpyxl.xml
import pytest

from referent_ess.config.loader import load_config
from referent_ess.config.model import Config
from referent_ess.intake.offer import OfferBook
from referent_ess.intake.offers import load_offers
from referent_ess.problems.problem import Severity

NNBSP = "\u202f"
HEADER = ["candidate", "lot", "day_rate_ht", "days", "vat_rate", "cv", "quality"]
HEADER_WITH_DATE = [*HEADER, "received_at"]
# candidate, lot, day_rate_ht, days, vat_rate, cv, quality, received_at
#     A       B       C         D      E       F     G          H
GOOD = ["Alpha", 1, 450, 10, 0.2, "oui", 4, "22/03/2018"]
OTHER = ["Beta", 2, "500,50", "12,5", "20 %", "non", "3,5", "21/03/2018 17:30"]

Found = tuple[str, str | None, int | None, str | None, Severity]  # code, cell, row, field, severity


def found(book: OfferBook) -> list[Found]:
    """Every problem of the book as (code, cell, row, field, severity), in the book's order."""
    return [(p.code, p.cell, p.row, p.field, p.severity) for p in book.problems]


@pytest.fixture
def config(make_config: Callable[..., tuple[Path, Path]]) -> Config:
    return load_config(*make_config())


@pytest.fixture
def read(make_workbook: Callable[..., Path], config: Config) -> Callable[..., OfferBook]:
    """Write a workbook with ``make_workbook`` and load it."""

    def read_rows(
        rows: Sequence[Sequence[Any]], header: Sequence[Any] = HEADER_WITH_DATE
    ) -> OfferBook:
        return load_offers(make_workbook(rows, header), config)

    return read_rows


def rewrite_sheet_xml(path: Path, edit: Callable[[str], str]) -> None:
    """Rewrite ``xl/worksheets/sheet1.xml`` inside the .xlsx at ``path`` with ``edit``."""
    with zipfile.ZipFile(path) as archive:
        members = [(info, archive.read(info.filename)) for info in archive.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for info, data in members:
            if info.filename == "xl/worksheets/sheet1.xml":
                data = edit(data.decode("utf-8")).encode("utf-8")
            archive.writestr(info, data)


def replace_cell(xml: str, ref: str, new_cell: str) -> str:
    """Replace the ``<c r="ref">...</c>`` element of a sheet XML, which must be there once."""
    pattern = re.compile(rf'<c r="{ref}"[^>]*?(?:/>|>.*?</c>)')
    assert len(pattern.findall(xml)) == 1, f"cell {ref} not found once in the sheet"
    return pattern.sub(new_cell, xml)


# ---- headers ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "header",
    [
        [
            "Candidat",
            "N° lot",
            "Coût journalier HT",
            "Nombre de jours",
            "Taux de TVA",
            "cv",
            "quality",
            "Date de réception",
        ],
        [
            "CANDIDAT",
            "n° LOT",
            "COUT JOURNALIER HT",
            "nombre_de_jours",
            "taux-de-tva",
            "CV",
            "Quality",
            "DATE DE RECEPTION",
        ],
        [
            "  candidat ",
            "Numéro de lot",
            "coût journalier ht",
            "Jours",
            "TVA",
            " Cv",
            "QUALITY ",
            "date de Réception",
        ],
    ],
    ids=["as-typed", "upper-no-accents", "other-aliases"],
)
def test_french_headers_in_any_case_and_accents_are_recognised(
    read: Callable[..., OfferBook], header: list[str]
) -> None:
    row = ["Atelier Ébène", "Lot 2", f"1{NNBSP}234,50 €", "12,5", "5,5 %", "x", "4,5", "2018-03-22"]
    book = read([row], header)
    assert found(book) == []
    assert [(c.name, c.letter) for c in book.columns] == [
        ("candidate", "A"),
        ("lot", "B"),
        ("day_rate_ht", "C"),
        ("days", "D"),
        ("vat_rate", "E"),
        ("cv", "F"),
        ("quality", "G"),
        ("received_at", "H"),
    ]
    assert [c.header for c in book.columns] == [h.strip() for h in header]
    (offer,) = book.offers
    assert offer.row == 2
    assert offer.candidate == "Atelier Ébène"
    assert offer.lot == 2
    assert offer.day_rate_ht == Decimal("1234.50")
    assert offer.days == Decimal("12.5")
    assert offer.vat_rate == Decimal("0.055")
    assert offer.received_at == date(2018, 3, 22)
    assert dict(offer.documents) == {"cv": True}
    assert dict(offer.marks) == {"quality": Decimal("4.5")}
    assert offer.cells["day_rate_ht"] == "C2"
    assert offer.cells["received_at"] == "H2"


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("450,50", "450.50"),
        ("450.5", "450.5"),
        (f"1{NNBSP}234,56", "1234.56"),
        ("1\u00a0234,56 €", "1234.56"),
        ("1 234,56 €", "1234.56"),
        ("€ 12", "12"),
        (f"12{NNBSP}345{NNBSP}678,90", "12345678.90"),
        (450.1, "450.1"),  # a float cell: its shortest decimal, not 450.10000000000002
        (0.07, "0.07"),
    ],
)
def test_french_formatted_numbers_give_exact_decimals(
    read: Callable[..., OfferBook], cell: object, expected: str
) -> None:
    book = read([["Alpha", 1, cell, "2,5", "20%", "oui", 4, "22/03/2018 17:30"]])
    assert found(book) == []
    (offer,) = book.offers
    assert type(offer.day_rate_ht) is Decimal
    assert offer.day_rate_ht == Decimal(expected)
    assert str(offer.day_rate_ht) == expected
    assert offer.days == Decimal("2.5")
    assert offer.vat_rate == Decimal("0.2")
    assert offer.received_at == datetime(2018, 3, 22, 17, 30)


def test_an_unknown_column_is_a_warning_naming_its_cell(read: Callable[..., OfferBook]) -> None:
    book = read([GOOD], [*HEADER_WITH_DATE, "Remarques"])
    assert found(book) == [("unknown-column", "I1", 1, None, Severity.WARNING)]
    (problem,) = book.problems
    assert "'Remarques'" in problem.message
    assert problem.sheet == "offers"
    assert book.errors == ()
    assert book.offers[0].candidate == "Alpha"


def test_an_unknown_column_in_h_is_named_h1(read: Callable[..., OfferBook]) -> None:
    book = read([[*GOOD[:7], "sans objet"]], [*HEADER, "Observations"])
    assert found(book) == [("unknown-column", "H1", 1, None, Severity.WARNING)]
    assert "'Observations'" in book.problems[0].message


def test_the_same_column_twice_is_an_error(read: Callable[..., OfferBook]) -> None:
    book = read([[*GOOD, "Gamma"]], [*HEADER_WITH_DATE, "Candidat"])
    assert found(book) == [("duplicate-column", "I1", 1, "candidate", Severity.ERROR)]
    (problem,) = book.problems
    assert "'Candidat'" in problem.message
    assert "A1" in problem.message  # the first column of that name
    assert book.blocking_problems(for_scoring=False) == (problem,)
    assert book.offers[0].candidate == "Alpha"  # the first column is the one read


@pytest.mark.parametrize(
    ("missing", "message_part"),
    [
        ("candidate", "no column for the candidate's name (candidate)"),
        ("lot", "no column for the lot number (lot)"),
        ("day_rate_ht", "no column for the day rate HT (day_rate_ht)"),
        ("days", "no column for the number of days (days)"),
        ("cv", "the required document 'cv'"),
        ("quality", "the marks of criterion 'Quality'"),  # by its label
    ],
)
def test_a_missing_column_names_its_field(
    read: Callable[..., OfferBook], missing: str, message_part: str
) -> None:
    index = HEADER_WITH_DATE.index(missing)
    header = HEADER_WITH_DATE[:index] + HEADER_WITH_DATE[index + 1 :]
    row = GOOD[:index] + GOOD[index + 1 :]
    book = read([row], header)
    assert found(book) == [("missing-column", None, 1, missing, Severity.ERROR)]
    assert message_part in book.problems[0].message


def test_a_missing_column_message_lists_the_french_names(read: Callable[..., OfferBook]) -> None:
    header = [h for h in HEADER_WITH_DATE if h != "days"]
    book = read([], header)
    (problem,) = book.problems
    assert problem.code == "missing-column"
    for name in ("'days'", "'jours'", "'nombre de jours'", "'nb jours'"):
        assert name in problem.message


# ---- cell problems ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("column", "value", "code", "cell", "severity"),
    [
        ("day_rate_ht", "abc", "bad-number", "C3", Severity.ERROR),
        ("day_rate_ht", "٤٥٠", "bad-number", "C3", Severity.ERROR),
        ("day_rate_ht", "1.234,50", "ambiguous-number", "C3", Severity.ERROR),
        ("day_rate_ht", "12,345", "ambiguous-number", "C3", Severity.ERROR),
        ("day_rate_ht", -450, "not-positive", "C3", Severity.ERROR),
        ("days", 0, "not-positive", "D3", Severity.ERROR),
        ("day_rate_ht", 450.555, "too-many-decimals", "C3", Severity.ERROR),
        ("days", "0,125", "too-many-decimals", "D3", Severity.ERROR),
        ("lot", "x", "bad-lot", "B3", Severity.ERROR),
        ("lot", 2.5, "bad-lot", "B3", Severity.ERROR),
        ("lot", 3, "unknown-lot", "B3", Severity.ERROR),
        ("lot", "Lot 7", "unknown-lot", "B3", Severity.ERROR),
        ("vat_rate", "abc", "bad-rate", "E3", Severity.ERROR),
        ("vat_rate", 150, "bad-rate", "E3", Severity.ERROR),
        ("vat_rate", "7 %", "unusual-vat-rate", "E3", Severity.WARNING),
        ("cv", "peut-être", "bad-yes-no", "F3", Severity.ERROR),
        ("quality", 6, "mark-out-of-range", "G3", Severity.ERROR),
        ("quality", -1, "mark-out-of-range", "G3", Severity.ERROR),
        ("quality", "bien", "bad-number", "G3", Severity.ERROR),
        ("received_at", "31/02/2018", "bad-date", "H3", Severity.ERROR),
        ("received_at", 43181, "bad-date", "H3", Severity.ERROR),
        ("received_at", "demain", "bad-date", "H3", Severity.ERROR),
        ("candidate", None, "missing-value", "A3", Severity.ERROR),
        ("candidate", "   ", "missing-value", "A3", Severity.ERROR),
        ("lot", None, "missing-value", "B3", Severity.ERROR),
        ("day_rate_ht", None, "missing-value", "C3", Severity.ERROR),
        ("days", None, "missing-value", "D3", Severity.ERROR),
        ("received_at", None, "missing-value", "H3", Severity.WARNING),
    ],
)
def test_each_bad_cell_gives_its_code_at_its_cell(
    read: Callable[..., OfferBook],
    column: str,
    value: object,
    code: str,
    cell: str,
    severity: Severity,
) -> None:
    bad = list(OTHER)
    bad[HEADER_WITH_DATE.index(column)] = value
    book = read([GOOD, bad])
    assert found(book) == [(code, cell, 3, column, severity)]
    (problem,) = book.problems
    assert problem.file == str(book.path)
    assert problem.sheet == "offers"
    assert problem.location == f"{book.path}: offers!{cell}"
    assert [o.row for o in book.offers] == [2, 3]
    assert book.offers[0].problems == ()


def test_an_empty_mark_is_no_problem(read: Callable[..., OfferBook]) -> None:
    book = read([[*GOOD[:6], None, GOOD[7]]])
    assert found(book) == []
    assert dict(book.offers[0].marks) == {}


def test_an_empty_document_cell_means_no(read: Callable[..., OfferBook]) -> None:
    book = read([[*GOOD[:5], None, *GOOD[6:]]])
    assert found(book) == []
    assert dict(book.offers[0].documents) == {"cv": False}


def test_the_same_candidate_twice_on_a_lot_names_both_rows(read: Callable[..., OfferBook]) -> None:
    book = read(
        [
            GOOD,  # row 2: Alpha, lot 1
            ["Beta", 1, 460, 10, 0.2, "oui", 3, "22/03/2018"],  # row 3
            ["  ALPHA ", "Lot 1", 470, 10, 0.2, "oui", 3, "22/03/2018"],  # row 4: same as row 2
            ["Alpha", 2, 480, 10, 0.2, "oui", 3, "22/03/2018"],  # row 5: another lot, fine
        ]
    )
    assert found(book) == [
        ("duplicate-offer", "A2", 2, "candidate", Severity.ERROR),
        ("duplicate-offer", "A4", 4, "candidate", Severity.ERROR),
    ]
    first, second = book.problems
    assert "(also A4)" in first.message
    assert "lot 1" in first.message
    assert "(also A2)" in second.message
    assert book.offers[1].problems == ()
    assert book.offers[3].problems == ()


def test_all_the_problems_of_a_workbook_are_reported_at_once(
    read: Callable[..., OfferBook],
) -> None:
    book = read(
        [
            ["Alpha", "x", "1.234,50", 10, 0.2, "oui", 4, "22/03/2018"],
            ["Beta", 1, 450, 10, 0.2, "peut-être", 4, "22/03/2018"],
        ]
    )
    assert found(book) == [
        ("bad-lot", "B2", 2, "lot", Severity.ERROR),
        ("ambiguous-number", "C2", 2, "day_rate_ht", Severity.ERROR),
        ("bad-yes-no", "F3", 3, "cv", Severity.ERROR),
    ]


# ---- formulas and error cells ----------------------------------------------------------------


def test_a_formula_without_cached_value_is_not_read_as_empty(
    read: Callable[..., OfferBook],
) -> None:
    book = read([GOOD, ["Beta", 1, "=400+50", 10, 0.2, "oui", 4, "22/03/2018"]])
    assert found(book) == [("formula-not-computed", "C3", 3, "day_rate_ht", Severity.ERROR)]
    assert "=400+50" in book.problems[0].message
    assert book.offers[1].day_rate_ht is None


def test_a_formula_with_a_cached_value_gives_that_value(
    make_workbook: Callable[..., Path], config: Config
) -> None:
    path = make_workbook([GOOD], HEADER_WITH_DATE)
    rewrite_sheet_xml(
        path, lambda xml: replace_cell(xml, "C2", '<c r="C2"><f>400+51</f><v>451</v></c>')
    )
    book = load_offers(path, config)
    assert found(book) == []
    assert book.offers[0].day_rate_ht == Decimal("451")


def test_a_formula_computed_to_an_empty_text_is_an_empty_cell(
    make_workbook: Callable[..., Path], config: Config
) -> None:
    path = make_workbook([GOOD], HEADER_WITH_DATE)
    rewrite_sheet_xml(
        path,
        lambda xml: replace_cell(xml, "F2", '<c r="F2" t="str"><f>IF(1,"","oui")</f><v></v></c>'),
    )
    book = load_offers(path, config)
    assert found(book) == []
    assert dict(book.offers[0].documents) == {"cv": False}


@pytest.mark.parametrize("error", ["#DIV/0!", "#REF!", "#N/A", "#VALUE!"])
def test_an_error_cell_is_reported_at_its_cell(
    make_workbook: Callable[..., Path], config: Config, error: str
) -> None:
    path = make_workbook([GOOD, OTHER], HEADER_WITH_DATE)
    rewrite_sheet_xml(
        path, lambda xml: replace_cell(xml, "C3", f'<c r="C3" t="e"><v>{error}</v></c>')
    )
    book = load_offers(path, config)
    assert found(book) == [("error-cell", "C3", 3, "day_rate_ht", Severity.ERROR)]
    assert error in book.problems[0].message
    assert book.offers[1].day_rate_ht is None


def test_an_error_cell_from_a_formula_is_an_error_cell(
    make_workbook: Callable[..., Path], config: Config
) -> None:
    path = make_workbook([GOOD], HEADER_WITH_DATE)
    rewrite_sheet_xml(
        path,
        lambda xml: replace_cell(xml, "G2", '<c r="G2" t="e"><f>1/0</f><v>#DIV/0!</v></c>'),
    )
    book = load_offers(path, config)
    assert found(book) == [("error-cell", "G2", 2, "quality", Severity.ERROR)]
    assert "#DIV/0!" in book.problems[0].message


# ---- rows and sheets -------------------------------------------------------------------------


def test_empty_rows_are_skipped_and_rows_keep_their_sheet_numbers(
    read: Callable[..., OfferBook],
) -> None:
    blank = [None] * len(HEADER_WITH_DATE)
    spaces = ["  ", None, " ", None, None, None, None, None]
    book = read([GOOD, blank, spaces, ["Beta", 1, "abc", 10, 0.2, "oui", 4, "22/03/2018"], blank])
    assert [(o.row, o.candidate) for o in book.offers] == [(2, "Alpha"), (5, "Beta")]
    assert found(book) == [("bad-number", "C5", 5, "day_rate_ht", Severity.ERROR)]
    assert book.offers[1].cells["day_rate_ht"] == "C5"


def test_a_sheet_with_only_a_header_has_no_offers(read: Callable[..., OfferBook]) -> None:
    book = read([])
    assert book.offers == ()
    assert found(book) == [("no-offers", None, None, None, Severity.WARNING)]


@pytest.mark.parametrize("name", ["Offres", "OFFRES", "offers", "Offers"])
def test_a_sheet_named_offres_is_preferred_to_the_first_sheet(
    tmp_path: Path, config: Config, name: str
) -> None:
    workbook = openpyxl.Workbook()
    notes = workbook.active
    assert notes is not None
    notes.title = "Notes"
    notes.append(["Ceci n'est pas le tableau des offres"])
    notes.append(["Candidat", "Remarque"])
    offers = workbook.create_sheet(name)
    offers.append(HEADER_WITH_DATE)
    offers.append(GOOD)
    offers.append(["Beta", "x", 450, 10, 0.2, "oui", 4, "22/03/2018"])
    path = tmp_path / "offers.xlsx"
    workbook.save(path)
    book = load_offers(path, config)
    assert book.sheet == name
    assert [o.candidate for o in book.offers] == ["Alpha", "Beta"]
    assert found(book) == [("bad-lot", "B3", 3, "lot", Severity.ERROR)]
    assert book.problems[0].sheet == name
    assert book.problems[0].location == f"{path}: {name}!B3"


def test_without_an_offers_sheet_the_first_sheet_is_read(
    make_workbook: Callable[..., Path], config: Config
) -> None:
    path = make_workbook([GOOD], HEADER_WITH_DATE, sheet="Feuil1")
    book = load_offers(path, config)
    assert book.sheet == "Feuil1"
    assert [o.candidate for o in book.offers] == ["Alpha"]
    assert found(book) == []


# ---- files that cannot be read ---------------------------------------------------------------


def test_openpyxl_parses_xml_with_defusedxml() -> None:
    assert openpyxl.xml.DEFUSEDXML is True


# ---- headers as people really type them, and the hints when they do not match -----------------


def test_punctuation_in_headers_is_ignored(read: Callable[..., OfferBook]) -> None:
    header = [
        "Candidat",
        "N° lot",
        "Coût journalier H.T.",
        "Nb de jours",
        "TVA (%)",
        "cv",
        "quality",
    ]
    book = read([["Asso", 1, 400, 10, "exonéré", "oui", 4]], header)
    assert [c.name for c in book.columns] == [
        "candidate", "lot", "day_rate_ht", "days", "vat_rate", "cv", "quality",
    ]  # fmt: skip
    assert book.offers[0].vat_rate == 0


def test_a_header_typo_is_an_error_that_says_what_it_probably_means(
    read: Callable[..., OfferBook],
) -> None:
    book = read([GOOD[:7]], ["Candidta", *HEADER[1:]])
    assert found(book) == [
        ("suspicious-column", "A1", 1, "candidate", Severity.ERROR),
        ("missing-column", None, 1, "candidate", Severity.ERROR),
    ]
    assert book.sheet_problems[0].message == (
        "column 'Candidta' is not a known column; did you mean 'Candidat' (candidate)? If so, "
        "correct the header; if not, rename it to a header the tool does not use"
    )
    assert book.sheet_problems[1].message.endswith("(A1 'Candidta' looks like it)")


def test_a_missing_column_points_at_the_sheet_that_has_it(tmp_path: Path, config: Config) -> None:
    workbook = openpyxl.Workbook()
    notes = workbook.active
    assert notes is not None
    notes.title = "Notes du jury"
    notes.append(["Remarque"])
    analysis = workbook.create_sheet("Analyse")
    analysis.append(HEADER)
    path = tmp_path / "two-sheets.xlsx"
    workbook.save(path)
    book = load_offers(path, config)
    assert book.sheet == "Notes du jury"
    missing = [p for p in book.problems if p.code == "missing-column"]
    assert len(missing) == 6
    assert missing[0].message.endswith(
        "(sheet 'Analyse' has one: name the offers sheet 'offers' so that it is the one read)"
    )


def test_a_chartsheet_named_offres_is_not_taken_for_the_offers(
    tmp_path: Path, config: Config
) -> None:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = "Data"
    sheet.append(HEADER)
    sheet.append(GOOD[:7])
    chart = openpyxl.chart.BarChart()
    chart.add_data(openpyxl.chart.Reference(sheet, min_col=3, min_row=1, max_row=2))
    workbook.create_chartsheet("Offres").add_chart(chart)
    path = tmp_path / "chart.xlsx"
    workbook.save(path)
    book = load_offers(path, config)
    assert (book.sheet, [o.candidate for o in book.offers]) == ("Data", ["Alpha"])


def test_an_absurdly_large_amount_is_refused_not_a_crash(read: Callable[..., OfferBook]) -> None:
    book = read([["Alpha", 1, "1e26", 10, 0.2, "oui", 4, None]])
    assert found(book)[0][:3] == ("bad-number", "C2", 2)
    book = read([["Alpha", 1, 10**20, 10**12, 0.2, "oui", 4, "22/03/2018"]])
    assert [(code, cell) for code, cell, *_ in found(book)] == [
        ("too-large", "C2"),
        ("too-large", "D2"),
    ]


def test_a_formula_result_with_binary_noise_is_read_as_the_spreadsheet_shows_it(
    make_workbook: Callable[..., Path], config: Config
) -> None:
    path = make_workbook([GOOD[:7]], HEADER)
    # what Excel caches for =AVERAGE(3.7,3.9,3.8) and =450.1*3
    rewrite_sheet_xml(
        path,
        lambda xml: replace_cell(
            xml, "G2", '<c r="G2"><f>AVERAGE(3.7,3.9,3.8)</f><v>3.7999999999999994</v></c>'
        ),
    )
    rewrite_sheet_xml(
        path,
        lambda xml: replace_cell(
            xml, "C2", '<c r="C2"><f>450.1*3</f><v>1350.3000000000002</v></c>'
        ),
    )
    book = load_offers(path, config)
    assert found(book) == []
    assert (book.offers[0].marks["quality"], book.offers[0].day_rate_ht) == (
        Decimal("3.8"),
        Decimal("1350.3"),
    )


# ---- what openpyxl's read-only mode hides: hidden and merged cells ---------------------------


def test_hidden_sheet_rows_and_columns_are_read_and_said(tmp_path: Path, config: Config) -> None:
    workbook = openpyxl.Workbook()
    cover = workbook.active
    assert cover is not None
    cover.title = "Couverture"
    sheet = workbook.create_sheet("offers")
    sheet.append([*HEADER_WITH_DATE[:4], "Taux de  TVA", *HEADER_WITH_DATE[5:]])
    sheet.append(GOOD)
    sheet.append(OTHER)
    sheet.sheet_state = "hidden"
    sheet.row_dimensions[3].hidden = True
    sheet.column_dimensions["E"].hidden = True
    path = tmp_path / "hidden.xlsx"
    workbook.save(path)
    book = load_offers(path, config)
    assert [o.candidate for o in book.offers] == ["Alpha", "Beta"]  # hidden content is read
    assert found(book) == [
        ("hidden-sheet", None, None, None, Severity.WARNING),
        ("hidden-column", "E1", 1, "vat_rate", Severity.WARNING),
        ("hidden-row", "A3", 3, None, Severity.WARNING),
    ]
    # named by its header as typed (its spaces tidied), never as the tool names it (vat_rate)
    hidden_column = book.problems[1]
    assert hidden_column.line_in("fr", book.headings) == (
        f"{path} : offers!E1 : Taux de TVA : la colonne E (Taux de TVA) est masquée dans la "
        "feuille ; elle est lue quand même [hidden-column]"
    )


def test_merged_cells_are_errors_in_the_header_and_in_rows(tmp_path: Path, config: Config) -> None:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = "offers"
    sheet.append([*HEADER_WITH_DATE, "notes"])
    sheet.append(GOOD)
    sheet.append(OTHER)
    sheet.merge_cells("H1:I1")  # header: received_at over the notes column
    sheet.merge_cells("F2:F3")  # the cv answer of row 2 spread over row 3
    path = tmp_path / "merged.xlsx"
    workbook.save(path)
    book = load_offers(path, config)
    merged = [
        (p.code, p.cell, p.row, p.severity) for p in book.problems if p.code == "merged-cells"
    ]
    assert merged == [
        ("merged-cells", "H1", 1, Severity.ERROR),
        ("merged-cells", "F2", 2, Severity.ERROR),
        ("merged-cells", "F2", 3, Severity.ERROR),
    ]
    assert book.problems[0].message == (
        "header cells H1:I1 are merged: unmerge them, one header per column"
    )


def test_names_differing_only_by_case_or_accents_are_flagged(read: Callable[..., OfferBook]):
    book = read(
        [
            ["Échelle Habitat", 1, 450, 10, 0.2, "oui", 4, "22/03/2018"],
            ["echelle  habitat", 2, 450, 10, 0.2, "oui", 4, "22/03/2018"],
            ["Autre", 2, 450, 10, 0.2, "oui", 4, "22/03/2018"],
        ]
    )
    assert found(book) == [
        ("similar-candidates", "A2", 2, "candidate", Severity.WARNING),
        ("similar-candidates", "A3", 3, "candidate", Severity.WARNING),
    ]
    assert book.problems[0].message == (
        "'Échelle Habitat' differs from 'echelle habitat' (A3) only by case, spaces or accents: "
        "if they are the same candidate, write the name the same way"
    )


def test_control_characters_are_refused(tmp_path: Path, config: Config) -> None:
    # openpyxl will not write a control character, but other tools and CSV exports do
    path = tmp_path / "offers.csv"
    path.write_text(
        "candidate;lot;day_rate_ht;days;vat_rate;cv;quality\n"
        "Alpha\x07;1;450;10;0,2;oui;4\n"
        '"Beta\nConseil";1;450;10;0,2;oui;4\n',
        encoding="utf-8",
    )
    book = load_offers(path, config)
    assert found(book) == [("control-character", "A2", 2, "candidate", Severity.ERROR)]
    assert "U+0007" in book.problems[0].message
    assert book.problems[0].location == f"{path}: A2"  # a CSV file has no sheet
    # a line break typed in a cell (Alt+Enter) is only a space
    assert book.offers[1].candidate == "Beta Conseil"


def test_comment_columns_hold_the_jurys_justification(read: Callable[..., OfferBook]) -> None:
    book = read(
        [[*GOOD[:7], "Très bonne connaissance des acteurs"]],
        [*HEADER, "Quality commentaire"],
    )
    assert found(book) == []
    assert dict(book.offers[0].comments) == {"quality": "Très bonne connaissance des acteurs"}
    book = read([[*GOOD[:7], "ok"]], [*HEADER, "quality_comment"])
    assert dict(book.offers[0].comments) == {"quality": "ok"}


def test_equal_python_values_of_different_cell_types_are_read_each_by_its_own_rule(
    read: Callable[..., OfferBook],
) -> None:
    # A column remembers the reading of each value it has seen. In Python TRUE == 1 == 1.0 and
    # they hash alike, but in a sheet the number 1 is lot 1 and the boolean TRUE is no lot.
    rows = [
        ["Alpha", 1, 450, 10, 0.2, "oui", 4, "22/03/2018"],
        ["Beta", True, 450, 10, 0.2, "oui", 4, "22/03/2018"],
        ["Gamma", 1.0, 450, 10, 0.2, "oui", 4, "22/03/2018"],
        ["Delta", True, 450, 10, 0.2, "oui", 4, "22/03/2018"],
    ]
    book = read(rows)
    assert [o.lot for o in book.offers] == [1, None, 1, None]
    assert [(p.code, p.cell) for p in book.problems] == [("bad-lot", "B3"), ("bad-lot", "B5")]


def test_a_value_seen_again_reports_its_problem_at_each_of_its_cells(
    read: Callable[..., OfferBook],
) -> None:
    rows = [["Alpha", 1, 450, 10, 0.2, "peut-être", 4, "22/03/2018"]] * 3
    book = read([[f"Cand {i}", *row[1:]] for i, row in enumerate(rows)])
    assert [(p.code, p.cell, p.row) for p in book.problems] == [
        ("bad-yes-no", "F2", 2),
        ("bad-yes-no", "F3", 3),
        ("bad-yes-no", "F4", 4),
    ]


def test_values_python_calls_equal_keep_their_own_reading(make_config) -> None:
    # -0.0 == 0.0 and Decimal("2.50") == Decimal("2.5") in Python, with the same hash: the
    # memo of a column must not give the second one the first one's reading.
    from decimal import Decimal

    from referent_ess.config.loader import load_config
    from referent_ess.intake.offers import parse_offers
    from referent_ess.intake.sheet import RawSheet

    config = load_config(*make_config())
    header = ("candidate", "lot", "day_rate_ht", "days", "vat_rate", "cv", "quality")
    rows = (
        (2, ("Alpha", 1, 450.0, 0.0, None, "oui", 4)),
        (3, ("Beta", 1, 450.0, -0.0, None, "oui", 4)),
        (4, ("Gamma", 1, Decimal("2.50"), 10, None, "oui", 4)),
        (5, ("Delta", 1, Decimal("2.5"), 10, None, "oui", 4)),
    )
    book = parse_offers(RawSheet("offers.xlsx", "offers", header, rows), config, Path("x"))
    assert [(p.cell, p.message) for p in book.problems] == [
        ("D2", "found 0, expected a number of days greater than 0"),
        ("D3", "found -0, expected a number of days greater than 0"),
    ]
    assert [str(o.day_rate_ht) for o in book.offers[2:]] == ["2.50", "2.5"]
