"""French messages of the data problems, and the English templates matching the core's text."""

from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

from typer.testing import CliRunner

from referent_ess.cli import app
from referent_ess.config import load_config
from referent_ess.i18n import CATALOGUES, money
from referent_ess.offers import load_offers

ROWS = [
    [None, 1, 450, 10, 0.2, "oui", 4],  # missing candidate
    ["Alpha", 1, "1.234,50", 10, 0.2, "oui", 4],  # ambiguous number
    ["Beta", 1, -450, 10, 0.2, "oui", 4],  # not positive
    ["Gamma", 1, 450.123, 10, 0.2, "oui", 4],  # too many decimals
    ["Delta", "premier", 450, 10, 0.2, "oui", 4],  # bad lot
    ["Epsilon", 7, 450, 10, 0.2, "oui", 4],  # unknown lot
    ["Zeta", 1, 450, 10, 0.2, "peut-être", 4],  # bad yes/no
    ["Eta", 1, 450, 10, 0.2, "oui", 9],  # mark out of range
    ["Theta", 1, "abc", 10, 0.2, "oui", 4],  # bad number
    ["Iota", 2, 450, 10, 0.2, "oui", 4],
    ["Iota", 2, 460, 10, 0.2, "oui", 4],  # duplicate offer
]
HEADER = ["candidate", "lot", "day_rate_ht", "days", "vat_rate", "cv", "quality", "remarks"]


def _workbook(make_config: Callable[..., tuple[Path, Path]], make_workbook: Callable[..., Path]):
    lots, criteria = make_config()
    return lots, criteria, make_workbook(ROWS, HEADER)


def test_french_validate_messages(
    runner: CliRunner,
    make_config: Callable[..., tuple[Path, Path]],
    make_workbook: Callable[..., Path],
) -> None:
    lots, criteria, book = _workbook(make_config, make_workbook)
    args = ["--lang", "fr", "validate", str(book), "--lots", str(lots), "--criteria", str(criteria)]
    result = runner.invoke(app, args)
    text = " ".join(result.output.split())
    for expected in (
        "cellule vide : le nom du candidat est obligatoire",
        "'1.234,50' est ambigu (le point ou la virgule sépare-t-il les milliers ou les "
        "décimales ?) ; écrivez 1234,50 ou 1 234,50",
        "la cellule contient -450 : il faut un coût journalier supérieur à 0",
        "la cellule contient 450,123 : il faut un coût journalier avec au plus 2 décimales",
        "la cellule contient 'premier' : il faut un numéro de lot, par exemple 3 ou Lot 3",
        "le lot 7 n'existe pas dans lots.yaml (lots : 1, 2)",
        "la cellule contient 'peut-être' : écrivez oui ou non (ou x, 1/0)",
        "la note 9 n'est pas entre 0 et 5",
        "'abc' n'est pas un nombre ; écrivez par exemple 450, 450,50 ou 1 234,50 €",
        "'Iota' a plusieurs offres sur le lot 2",
        "la colonne 'remarks' n'est pas utilisée par l'outil ; elle est ignorée",
    ):
        assert expected in text, expected


def test_json_is_the_same_in_every_language(
    runner: CliRunner,
    make_config: Callable[..., tuple[Path, Path]],
    make_workbook: Callable[..., Path],
) -> None:
    lots, criteria, book = _workbook(make_config, make_workbook)
    tail = ["validate", "--format", "json", str(book), "--lots", str(lots)]
    tail += ["--criteria", str(criteria)]
    english = runner.invoke(app, ["--lang", "en", *tail])
    french = runner.invoke(app, ["--lang", "fr", *tail])
    assert english.output == french.output
    assert "is ambiguous" in english.output


def test_english_templates_render_the_core_messages(
    make_config: Callable[..., tuple[Path, Path]], make_workbook: Callable[..., Path]
) -> None:
    lots, criteria, book = _workbook(make_config, make_workbook)
    offers = load_offers(book, load_config(lots, criteria))
    english = CATALOGUES["en"]
    checked = 0
    for problem in offers.problems:
        given = dict(problem.params)
        form = given.pop("form", None)
        key = f"msg:{problem.code}.{form}" if form else f"msg:{problem.code}"
        assert key in english, key
        assert key in CATALOGUES["fr"], key
        values: dict[str, object] = {
            n: money(Decimal(v)) if n.endswith("_money") else v for n, v in given.items()
        }
        for name, value in given.items():
            if name.endswith("_part"):
                values[name] = english[f"part:{value}"].format(**values)
        assert english[key].format(**values) == problem.message
        checked += 1
    assert checked >= 10
