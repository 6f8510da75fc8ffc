"""``price_model: day_rate`` said explicitly is exactly the default: the same prices, statuses,
points, ranks and problems as a lots.yaml that says nothing, whatever the offers."""

import tempfile
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import openpyxl
from hypothesis import given, settings
from hypothesis import strategies as st

from consultation_text import CRITERIA_YAML, LOTS_YAML
from referent_ess import api
from referent_ess.evaluation.results import LotResult

money = st.integers(min_value=1, max_value=2_000_00).map(lambda n: Decimal(n).scaleb(-2))
days = st.integers(min_value=1, max_value=60_00).map(lambda n: Decimal(n).scaleb(-2))
stated = st.one_of(st.none(), money)
offer = st.tuples(money, days, stated, st.integers(min_value=0, max_value=5))


def _score(
    folder: Path, lots_text: str, rows: list[tuple[Decimal, Decimal, object, int]]
) -> LotResult:
    lots = folder / "lots.yaml"
    criteria = folder / "criteria.yaml"
    lots.write_text(lots_text, encoding="utf-8")
    criteria.write_text(CRITERIA_YAML.format(formula="linear", basis="ht"), encoding="utf-8")
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "offers"
    sheet.append(["candidate", "lot", "day_rate_ht", "days", "price_ht", "cv", "quality"])
    for index, (rate, number, total, mark) in enumerate(rows):
        sheet.append([f"C{index}", 1, str(rate), str(number), total and str(total), "oui", mark])
    path = folder / "offers.xlsx"
    book.save(path)
    return api.score(lots, criteria, path).lots[0]


@settings(deadline=None, max_examples=25)
@given(st.lists(offer, min_size=1, max_size=6))
def test_an_explicit_day_rate_gives_exactly_the_default(
    rows: list[tuple[Decimal, Decimal, object, int]],
) -> None:
    default = LOTS_YAML.format(cap_basis="ht")
    explicit = default.replace(
        "    cap_ht: 10000\n", "    cap_ht: 10000\n    price_model: day_rate\n"
    )
    assert explicit != default
    with tempfile.TemporaryDirectory() as one, tempfile.TemporaryDirectory() as two:
        before = _score(Path(one), default, rows)
        after = _score(Path(two), explicit, rows)
    seen = [
        [
            (r.candidate, r.status, r.price_ht, r.price_ttc, r.total, r.rank, dict(r.points))
            for r in lot.offers
        ]
        for lot in (before, after)
    ]
    assert seen[0] == seen[1]
    codes = [[(p.code, p.cell) for r in lot.offers for p in r.warnings] for lot in (before, after)]
    assert codes[0] == codes[1]
    # and the price is day rate × days to the cent, half up, whatever price_ht says
    for result, (rate, number, _, _) in zip(
        sorted(after.offers, key=lambda r: r.offer.row), rows, strict=True
    ):
        assert result.price_ht == (rate * number).quantize(Decimal("0.01"), ROUND_HALF_UP)
