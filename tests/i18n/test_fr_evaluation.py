"""What the evaluation says of an offer, in French and in English, written by hand: abnormally
low prices (each method's figures), late offers and their dates, a reception on the deadline day
without a time."""

from collections.abc import Callable
from datetime import datetime
from pathlib import Path

import pytest
from typer.testing import CliRunner

from consultation_text import HEADER, LOTS_YAML
from helpers import (
    ABNORMAL_LOTS,
)
from referent_ess import api
from referent_ess.cli import app

LOTS_WITH_TIME = LOTS_YAML.format(cap_basis="ht")


def test_an_abnormally_low_price_in_french(
    runner: CliRunner,
    make_config: Callable[..., tuple[Path, Path]],
    make_workbook: Callable[..., Path],
) -> None:
    lots, criteria = make_config(lots_text=ABNORMAL_LOTS)
    book = make_workbook(
        [
            ["Alpha", 1, 300, 10, 0.2, "oui", 4],
            ["Beta", 1, 500, 10, 0.2, "oui", 4],
            ["Gamma", 1, 500, 10, 0.2, "oui", 4],
        ]
    )
    args = ["score", str(book), "--lots", str(lots), "--criteria", str(criteria)]
    # then the one line of `referent lint` (ABNORMAL_LOTS states no deadline and no criterion
    # is environmental: a legal risk)
    french, mention = runner.invoke(app, ["--lang", "fr", *args]).stderr.splitlines()
    assert mention == (
        "avertissement : 1 point de vigilance juridique dans la méthode de notation : voir "
        "referent lint"
    )
    assert french.startswith("avertissement : ")
    assert french.endswith(
        ": le prix est peut-être anormalement bas (comparaison à la moyenne des autres offres : "
        "3\u202f000,00\xa0€ < 0,8 × 5\u202f000,00\xa0€ (moyenne des 2 autres offres admissibles) "
        "= 4\u202f000,00\xa0€) ; "
        "avant tout rejet, la loi impose de demander au candidat de le justifier (art. L2152-5 "
        "et R2152-3 du Code de la commande publique) [abnormally-low]"
    )
    english, _ = runner.invoke(app, ["--lang", "en", *args]).stderr.splitlines()
    assert english.endswith(
        ": the price may be abnormally low (comparison with the mean of the other offers: 3000.00 "
        "< 0.8 × 5000.00 (mean of the other 2 admissible offers) = 4000.00); before any "
        "rejection the law requires asking "
        "the candidate to justify it (art. L2152-5 and R2152-3 of the Code de la commande "
        "publique) [abnormally-low]"
    )


@pytest.mark.parametrize(
    ("method", "prices", "english", "french"),
    [
        (
            "mean-sigma",
            ["6000", "10000", "11000"],
            "mean minus one standard deviation: 6000.00 < mean 9000.00 − standard deviation "
            "2160.25 = 6839.75",
            "moyenne moins un écart type : 6\u202f000,00\xa0€ < moyenne 9\u202f000,00\xa0€ − "
            "écart type "
            "2\u202f160,25\xa0€ = 6\u202f839,75\xa0€",
        ),
        (
            "ffb",
            ["5000", "10000", "11000", "12000"],
            "double mean, the FFB method: 5000.00 ≤ 0.9 × 8666.67 (mean of the 3 offers not "
            "more than 20 % above the mean 9500.00) = 7800.00",
            "double moyenne, dite méthode de la FFB : 5\u202f000,00\xa0€ ≤ 0,9 × "
            "8\u202f666,67\xa0€ (moyenne des 3 offres qui ne "
            "dépassent pas de plus de 20\xa0% la moyenne 9\u202f500,00\xa0€) = "
            "7\u202f800,00\xa0€",
        ),
    ],
)
def test_the_other_abnormally_low_methods_in_french(
    runner: CliRunner,
    make_config: Callable[..., tuple[Path, Path]],
    make_workbook: Callable[..., Path],
    method: str,
    prices: list[str],
    english: str,
    french: str,
) -> None:
    lots, criteria = make_config(lots_text=ABNORMAL_LOTS.replace("mean-ratio", method))
    rows = [[name, 1, price, 1, 0.2, "oui", 4] for name, price in zip("ABCD", prices, strict=False)]
    book = make_workbook(rows)
    args = ["--lang", "fr", "score", str(book), "--lots", str(lots), "--criteria", str(criteria)]
    line, _ = runner.invoke(app, args).stderr.splitlines()  # then referent lint's line
    assert f"le prix est peut-être anormalement bas ({french}) ; avant tout rejet" in line
    evaluation = api.score(lots, criteria, book)
    flags = [w for r in evaluation.lots[0].offers for w in r.warnings]
    assert [w.code for w in flags] == ["abnormally-low"]
    assert [w.message for w in flags] == [
        f"the price may be abnormally low ({english}); before any rejection the law requires "
        "asking the candidate to justify it (art. L2152-5 and R2152-3 of the Code de la commande "
        "publique)"
    ]


# ---- dates: 23/03/2018 in French tables and Markdown, ISO in JSON and CSV ----------------------


def test_dates_are_written_the_french_way_in_french(
    runner: CliRunner,
    make_config: Callable[..., tuple[Path, Path]],
    make_workbook: Callable[..., Path],
) -> None:
    lots, criteria = make_config()
    header = [*HEADER, "received_at"]
    book = make_workbook(
        [
            ["Alpha", 1, 300, 10, 0.2, "oui", 4, datetime(2018, 3, 22, 9, 0)],
            ["Late", 1, 300, 10, 0.2, "oui", 4, datetime(2018, 3, 26, 10, 5)],
        ],
        header,
    )
    tail = ["score", str(book), "--lots", str(lots), "--criteria", str(criteria)]
    late = "reçue le 26/03/2018 à 10:05, après la date limite du 23/03/2018"
    table = " ".join(runner.invoke(app, ["--lang", "fr", *tail]).stdout.split())
    assert late in table
    markdown = runner.invoke(app, ["--lang", "fr", *tail, "--format", "markdown"]).stdout
    assert late in markdown
    assert "2018-03" not in table + markdown
    for data_format in ("json", "csv"):
        french = runner.invoke(app, ["--lang", "fr", *tail, "--format", data_format]).stdout
        english = runner.invoke(app, ["--lang", "en", *tail, "--format", data_format]).stdout
        assert french == english
        assert "received 2018-03-26 10:05, after the deadline 2018-03-23" in french


def test_a_reception_on_the_deadline_day_without_a_time_in_french(
    runner: CliRunner,
    make_config: Callable[..., tuple[Path, Path]],
    make_workbook: Callable[..., Path],
) -> None:
    lots_text = LOTS_WITH_TIME.replace("deadline: 2018-03-23", "deadline: 2018-03-23 12:00:00")
    lots, criteria = make_config(lots_text=lots_text)
    row = ["Alpha", 1, 300, 10, 0.2, "oui", 4, "23/03/2018"]
    book = make_workbook([row], [*HEADER, "received_at"])
    args = ["--lang", "fr", "score", str(book), "--lots", str(lots), "--criteria", str(criteria)]
    (line,) = runner.invoke(app, args).stderr.splitlines()
    assert line.endswith(
        ": reçue le jour de la date limite, sans heure ; la date limite est 23/03/2018 à 12:00 : "
        "vérifiez qu'elle est arrivée à temps [received-time-unknown]"
    )
    evaluation = api.score(lots, criteria, book)
    warnings = [w for r in evaluation.lots[0].offers for w in r.warnings]
    assert [w.message for w in warnings] == [
        "received on the deadline day without a time; the deadline is 2018-03-23 12:00: check "
        "that it was on time"
    ]
    explained = runner.invoke(app, ["--lang", "fr", "explain", "--lot", "1", "Alpha", *args[3:]])
    assert "reçue le 23/03/2018 sans heure, la date limite étant le 23/03/2018 à 12:00" in (
        " ".join(explained.stdout.split())
    )
