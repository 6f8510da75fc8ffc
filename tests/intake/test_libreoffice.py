"""A workbook saved by LibreOffice loads with the same results as the same data written by openpyxl.

``tests/data/libreoffice-offers.xlsx`` was made with LibreOffice 7.4.7.2 (``soffice --version``:
``LibreOffice 7.4.7.2 40(Build:2)``, Debian package libreoffice-calc) by this recipe::

    mkdir -p /tmp/lo && cd /tmp/lo
    cat > libreoffice-offers.csv <<'EOF'
    candidate,lot,day_rate_ht,days,vat_rate,cv,quality,received_at
    Atelier Cobalt,1,450,12.5,0.2,oui,4,2018-03-22
    Coopérative Lierre,1,520,15,0,oui,5,2018-03-20
    Bureau Sésame,1,412.25,12.5,0.2,non,3,2018-03-21
    SCOP Vergers,2,600,7.5,0.2,oui,4.5,2018-03-23
    Les Ateliers du Nord,2,480,10,0.2,oui,3.5,2018-03-19
    EOF
    soffice -env:UserInstallation=file:///tmp/lo-profile --headless \\
        --infilter=CSV:44,34,76,1 --convert-to xlsx --outdir out libreoffice-offers.csv
    cp out/libreoffice-offers.xlsx <repo>/tests/data/

(the heredoc lines without their indentation; the CSV is UTF-8, ``,``-separated, ``.`` decimals).
``--infilter=CSV:44,34,76,1`` is the default CSV import (separator ``,`` = 44, text quote ``"`` =
34, from line 1) with the character set made explicit: 76 is UTF-8. Without it, LibreOffice 7.4
headless reads the CSV as Latin-1 even under a UTF-8 locale and even with a UTF-8 BOM
(``Coopérative`` becomes ``CoopÃ©rative``, and a BOM becomes ``ï»¿`` glued to the first header).

What LibreOffice wrote, as openpyxl reads it: one visible sheet named after the file,
``libreoffice-offers`` (no ``offers`` sheet, so the tool reads the first visible one); whole
numbers as ints (``1``, ``450``, ``15``, the VAT-exempt ``0``), others as floats (``12.5``,
``0.2``, ``412.25``, ``4.5``); dates as numbers with the format ``yyyy\\-mm\\-dd``, which openpyxl
returns as ``datetime`` at midnight; ``oui``/``non`` and names as shared strings; no formulas.
"""

from collections.abc import Callable
from datetime import date, datetime
from decimal import Decimal
from fractions import Fraction
from pathlib import Path

import openpyxl

from referent_ess import api
from referent_ess.evaluation.results import Evaluation

LIBREOFFICE_WORKBOOK = Path(__file__).resolve().parents[1] / "data" / "libreoffice-offers.xlsx"

HEADER = ["candidate", "lot", "day_rate_ht", "days", "vat_rate", "cv", "quality", "received_at"]
# The same data as the CSV above, typed as a person types it in a spreadsheet.
ROWS = [
    ["Atelier Cobalt", 1, 450, 12.5, 0.2, "oui", 4, datetime(2018, 3, 22)],
    ["Coopérative Lierre", 1, 520, 15, 0, "oui", 5, datetime(2018, 3, 20)],
    ["Bureau Sésame", 1, 412.25, 12.5, 0.2, "non", 3, datetime(2018, 3, 21)],
    ["SCOP Vergers", 2, 600, 7.5, 0.2, "oui", 4.5, datetime(2018, 3, 23)],
    ["Les Ateliers du Nord", 2, 480, 10, 0.2, "oui", 3.5, datetime(2018, 3, 19)],
]

F = Fraction
D = Decimal
# (candidate, lot, status, price_ht, price_ttc, points, total), by hand, in sheet order. The test
# consultation: lots 1 (cap 10000 HT) and 2 (5000 HT), deadline 2018-03-23 inclusive, cv required,
# quality 60 points for a mark out of 5, price 40 points proportional on HT. Lot 1's Pmin is
# 5625.00: Bureau Sésame is cheaper but incomplete, so not among the admissible offers.
EXPECTED = [
    # 450 × 12.5 = 5625.00 HT; × 1.20 = 6750.00 TTC; quality 60 × 4/5 = 48;
    # price 40 × 5625.00/5625.00 = 40; total 88
    (
        "Atelier Cobalt",
        1,
        "admissible",
        D("5625.00"),
        D("6750.00"),
        {"quality": 48, "price": 40},
        88,
    ),
    # 520 × 15 = 7800.00 HT; VAT-exempt: 7800.00 TTC; quality 60 × 5/5 = 60;
    # price 40 × 5625.00/7800.00 = 375/13 (28.846...); total 60 + 375/13 = 1155/13 (88.846...)
    (
        "Coopérative Lierre",
        1,
        "admissible",
        D("7800.00"),
        D("7800.00"),
        {"quality": 60, "price": F(375, 13)},
        F(1155, 13),
    ),
    # 412.25 × 12.5 = 5153.125 → 5153.13 HT (half up; half-even would give 5153.12);
    # 5153.13 × 1.20 = 6183.756 → 6183.76 TTC; cv "non": incomplete, no price points, no total;
    # quality 60 × 3/5 = 36 (marks are scored for every offer)
    ("Bureau Sésame", 1, "incomplete", D("5153.13"), D("6183.76"), {"quality": 36}, None),
    # 600 × 7.5 = 4500.00 HT; × 1.20 = 5400.00 TTC (within the 6000 TTC cap);
    # quality 60 × 4.5/5 = 54; price 40 × 4500.00/4500.00 = 40; total 94
    ("SCOP Vergers", 2, "admissible", D("4500.00"), D("5400.00"), {"quality": 54, "price": 40}, 94),
    # 480 × 10 = 4800.00 HT; × 1.20 = 5760.00 TTC; quality 60 × 3.5/5 = 42;
    # price 40 × 4500.00/4800.00 = 37.5; total 79.5
    (
        "Les Ateliers du Nord",
        2,
        "admissible",
        D("4800.00"),
        D("5760.00"),
        {"quality": 42, "price": F(75, 2)},
        F(159, 2),
    ),
]

Summary = tuple[str, int | None, str, D | None, D | None, dict[str, Fraction], Fraction | None]


def summary(evaluation: Evaluation) -> list[Summary]:
    """Every offer's result, in sheet order."""
    results = [r for lot in evaluation.lots for r in lot.offers] + list(evaluation.unplaced)
    results.sort(key=lambda r: r.offer.row)
    return [
        (r.candidate, r.offer.lot, r.status.value, r.price_ht, r.price_ttc, dict(r.points), r.total)
        for r in results
    ]


def openpyxl_workbook(path: Path) -> Path:
    workbook = openpyxl.Workbook()
    worksheet = workbook.active
    assert worksheet is not None
    worksheet.title = "offers"
    worksheet.append(HEADER)
    for row in ROWS:
        worksheet.append(row)
    workbook.save(path)
    return path


def test_libreoffice_workbook_scores_like_openpyxl(
    make_config: Callable[..., tuple[Path, Path]], tmp_path: Path
) -> None:
    lots, criteria = make_config()
    written = openpyxl_workbook(tmp_path / "offers.xlsx")

    from_libreoffice = api.score(lots, criteria, LIBREOFFICE_WORKBOOK)
    from_openpyxl = api.score(lots, criteria, written)

    assert from_libreoffice.book.sheet == "libreoffice-offers"
    assert summary(from_libreoffice) == summary(from_openpyxl)
    assert summary(from_libreoffice) == EXPECTED
    assert [lot.provisional for lot in from_libreoffice.lots] == [False, False]
    # The values read are the same too: the VAT-exempt int 0, the float 0.2, and the midnight
    # datetimes read as plain dates (for the deadline check).
    for libreoffice, typed in zip(
        from_libreoffice.book.offers, from_openpyxl.book.offers, strict=True
    ):
        assert (libreoffice.row, libreoffice.day_rate_ht, libreoffice.days) == (
            typed.row,
            typed.day_rate_ht,
            typed.days,
        )
        assert (libreoffice.vat_rate, libreoffice.received_at, libreoffice.documents) == (
            typed.vat_rate,
            typed.received_at,
            typed.documents,
        )
    assert [o.vat_rate for o in from_libreoffice.book.offers] == [
        D("0.2"),
        D(0),
        D("0.2"),
        D("0.2"),
        D("0.2"),
    ]
    assert from_libreoffice.book.offers[0].received_at == date(2018, 3, 22)


def test_libreoffice_workbook_loads_without_problems(
    make_config: Callable[..., tuple[Path, Path]], tmp_path: Path
) -> None:
    """No problem of the workbook is expected, not even a warning: every header is known, every
    cell readable, every VAT rate usual, every offer received before or on the deadline day (a
    date, so no time to check), every price within both caps of its lot. The only warning is the
    consultation's own: lot 1 is compared HT (the test consultation) while its admissible offers
    are at 20 % and 0 %; compared TTC, Coopérative Lierre still ranks first (60 + 40 × 6750/7800
    = 94.6... against 48 + 40 = 88; HT, 1155/13 = 88.8... against 88)."""
    lots, criteria = make_config()
    written = openpyxl_workbook(tmp_path / "offers.xlsx")
    for workbook in (LIBREOFFICE_WORKBOOK, written):
        _, book = api.load(lots, criteria, workbook)
        assert [p.describe() for p in book.problems] == []
        assert [
            (p.code, dict(p.params)) for p in api.validate(lots, criteria, workbook).problems
        ] == [
            (
                "vat-basis",
                {
                    "form": "same",
                    "lot": "1",
                    "ht_first": "Coopérative Lierre",
                    "ttc_first": "Coopérative Lierre",
                },
            )
        ]
        evaluation = api.score(lots, criteria, workbook)
        warnings = [w for lot in evaluation.lots for r in lot.offers for w in r.warnings]
        assert [w.describe() for w in warnings] == []
