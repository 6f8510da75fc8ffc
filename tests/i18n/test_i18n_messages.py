"""French messages of the data problems, and the English templates matching the core's text."""

import json
from collections.abc import Callable, Iterable
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Annotated

import openpyxl
import pytest
from pydantic import BaseModel, Field, ValidationError
from typer.testing import CliRunner

from referent_ess.cli import app
from referent_ess.config.choices import CapBasis
from referent_ess.config.consultation import Identifier, LotsFile, _code_and_message, load_config
from referent_ess.config.yaml_reader import read_yaml
from referent_ess.files.atomic_write import write_atomically
from referent_ess.i18n import CATALOGUES, marks, money
from referent_ess.intake.csv_reader import read_offers_csv
from referent_ess.intake.file_guard import check_readable
from referent_ess.intake.offers import load_offers
from referent_ess.problems.errors import ConfigError, ReferentError
from referent_ess.problems.problem import Problem

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
    assert _check_templates(load_offers(book, load_config(lots, criteria)).problems) >= 10


def test_english_templates_render_the_marks_sheet_messages(
    make_config: Callable[..., tuple[Path, Path]], tmp_path: Path
) -> None:
    lots, criteria = make_config()
    offers = load_offers(_marks_workbook(tmp_path), load_config(lots, criteria))
    codes = {p.code for p in offers.problems} | {p.code for o in offers.offers for p in o.problems}
    assert {"marks-column-ignored", "mark-given-twice", "duplicate-mark", "no-such-offer"} <= codes
    every = [*offers.problems, *(p for o in offers.offers for p in o.problems)]
    assert _check_templates(every) == len(every)


def _check_templates(problems: Iterable[Problem]) -> int:
    """Renders each problem's English template and compares it with the core's message."""
    english = CATALOGUES["en"]
    checked = 0
    for problem in problems:
        given = dict(problem.params)
        form = given.pop("form", None)
        key = f"msg:{problem.code}.{form}" if form else f"msg:{problem.code}"
        assert key in english, key
        assert key in CATALOGUES["fr"], key
        values: dict[str, object] = dict(given)
        for name, value in given.items():
            if name.endswith("_money"):
                values[name] = money(Decimal(value))
            elif name.endswith("_marks"):
                values[name] = marks(value)
        for name, value in given.items():
            if name.endswith("_part"):
                values[name] = english[f"part:{value}"].format(**values)
        assert english[key].format(**values) == problem.message
        checked += 1
    return checked


def _check_error(error: ReferentError) -> None:
    """The error's English template(s), filled with its parameters, give back its English
    line(s): the catalogue cannot drift from the core."""
    if error.problems:
        assert _check_templates(error.problems) == len(error.problems)
        assert [p.describe() for p in error.problems] == list(error.lines)
        return
    english = CATALOGUES["en"]
    assert error.code is not None
    given = dict(error.params)
    form = given.pop("form", None)
    key = f"msg:{error.code}.{form}" if form else f"msg:{error.code}"
    assert key in english, key
    assert key in CATALOGUES["fr"], key
    values = {
        name: english[f"part:{value}"].format(**given) if name.endswith("_part") else value
        for name, value in given.items()
    }
    assert [f"{english[key].format(**values)} [{error.code}]"] == list(error.lines)


def _marks_workbook(tmp_path: Path) -> Path:
    """An offers sheet with a mark column, and a marks sheet with every kind of mistake."""
    book = openpyxl.Workbook()
    offers = book.active
    assert offers is not None
    offers.title = "offers"
    offers.append(["candidate", "lot", "day_rate_ht", "days", "vat_rate", "cv", "quality"])
    offers.append(["Alpha", 1, 400, 10, None, "oui", 4])
    offers.append(["Beta", 1, 400, 10, None, "oui", None])
    notes = book.create_sheet("Notes")
    notes.append(["Candidat", "Lot", "Critère", "Évaluateur", "Note"])
    notes.append(["Alpha", 1, "quality", "Anne", 3])  # also in the offers sheet
    notes.append(["Beta", 1, "quality", "Anne", 3])
    notes.append(["Beta", 1, "quality", "Anne", 4])  # twice
    notes.append(["Gamma", 1, "quality", "Anne", 3])  # no such offer
    path = tmp_path / "offers.xlsx"
    book.save(path)
    return path


def test_marks_sheet_messages_in_french_and_english(
    runner: CliRunner, make_config: Callable[..., tuple[Path, Path]], tmp_path: Path
) -> None:
    lots, criteria = make_config()
    book = _marks_workbook(tmp_path)
    args = ["validate", str(book), "--lots", str(lots), "--criteria", str(criteria)]
    french = " ".join(runner.invoke(app, ["--lang", "fr", *args]).output.split())
    for expected in (
        "la feuille de notes 'Notes' remplace les colonnes de notes : la colonne 'quality' de la "
        "feuille des offres n'est pas utilisée",
        "la note du critère quality est donnée ici et dans la feuille de notes (Notes!E2) : n'en "
        "gardez qu'une",
        "Anne note deux fois 'Beta' sur le critère quality (aussi E3) ; n'en gardez qu'une ligne",
        "aucune offre de 'Gamma' sur le lot 1 dans la feuille des offres ; vérifiez le nom et le "
        "lot",
    ):
        assert expected in french, expected
    english = " ".join(runner.invoke(app, ["--lang", "en", *args]).output.split())
    for expected in (
        "the marks sheet 'Notes' replaces the mark columns: column 'quality' of the offers sheet "
        "is not used",
        "the mark of quality is given both here and in the marks sheet (Notes!E2); keep one of "
        "them",
        "Anne marks 'Beta' on quality twice (also E3); keep one row",
        "no offer of 'Gamma' on lot 1 in the offers sheet; check the name and the lot",
    ):
        assert expected in english, expected


def test_unusable_input_errors_in_french(
    runner: CliRunner,
    make_config: Callable[..., tuple[Path, Path]],
    make_workbook: Callable[..., Path],
    tmp_path: Path,
) -> None:
    lots, criteria = make_config()
    config = ["--lots", str(lots), "--criteria", str(criteria)]
    missing = tmp_path / "absent.xlsx"
    result = runner.invoke(app, ["--lang", "fr", "score", str(missing), *config])
    assert result.exit_code == 2
    assert result.stderr == f"erreur : {missing} : fichier introuvable [file-not-found]\n"

    absent_lots = tmp_path / "absent-lots.yaml"
    result = runner.invoke(app, ["--lang", "fr", "score", "--lots", str(absent_lots)])
    assert result.stderr == f"erreur : {absent_lots} : fichier introuvable [file-not-found]\n"

    result = runner.invoke(app, ["--lang", "fr", "score", str(tmp_path), *config])
    assert result.stderr == (
        f"erreur : {tmp_path} : c'est un dossier ; il faut le classeur des offres (.xlsx) ou un "
        "fichier .csv [is-a-folder]\n"
    )

    book = make_workbook([["Alpha", 1, 450, 10, 0.2, "oui", 4]])
    result = runner.invoke(app, ["--lang", "fr", "rank", "--lot", "9", str(book), *config])
    assert result.stderr == f"erreur : {lots} : il n'y a pas de lot 9 (lots : 1, 2) [no-such-lot]\n"

    taken = tmp_path / "taken.md"
    taken.write_text("keep me", encoding="utf-8")
    args = ["--lang", "fr", "score", str(book), *config, "-f", "markdown", "-o", str(taken)]
    result = runner.invoke(app, args)
    assert result.stderr == (
        f"erreur : {taken} : le fichier existe déjà ; ajoutez --force pour le remplacer "
        "[output-exists]\n"
    )
    assert taken.read_text(encoding="utf-8") == "keep me"


def test_a_missing_column_is_reported_in_french_with_exit_2(
    runner: CliRunner, make_config: Callable[..., tuple[Path, Path]], tmp_path: Path
) -> None:
    lots, criteria = make_config()
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["candidate", "lot", "days", "vat_rate", "cv", "quality"])
    sheet.append(["Alpha", 1, 10, 0.2, "oui", 4])
    path = tmp_path / "offers.xlsx"
    book.save(path)
    args = ["--lang", "fr", "score", str(path), "--lots", str(lots), "--criteria", str(criteria)]
    result = runner.invoke(app, args)
    assert result.exit_code == 2
    assert result.stderr.startswith(
        f"erreur : {path} : feuille 'Sheet' : aucune colonne pour le coût journalier HT "
        "(day_rate_ht) : ajoutez une colonne intitulée l'une de : 'day_rate_ht'"
    )
    assert result.stderr.endswith("[missing-column]\n")


def test_english_templates_render_the_unusable_input_errors(tmp_path: Path) -> None:
    """Each translated exit-2 error: its English template gives back the core's own line."""
    taken = tmp_path / "taken.txt"
    taken.write_text("", encoding="utf-8")
    raising: list[Callable[[], object]] = [
        lambda: check_readable(tmp_path / "absent.xlsx"),
        lambda: check_readable(tmp_path),
        lambda: read_offers_csv(tmp_path / "absent.csv"),
        lambda: read_offers_csv(tmp_path),
        lambda: write_atomically(taken, "x", inputs=()),
        lambda: read_yaml(tmp_path / "absent.yaml"),
        lambda: read_yaml(Path("absent-here.yaml")),
        lambda: read_yaml(tmp_path),
    ]
    english = CATALOGUES["en"]
    for call in raising:
        with pytest.raises(ReferentError) as caught:
            call()
        error = caught.value
        assert error.code is not None
        given = dict(error.params)
        form = given.pop("form", None)
        key = f"msg:{error.code}.{form}" if form else f"msg:{error.code}"
        assert key in CATALOGUES["fr"], key
        values = {
            name: english[f"part:{value}"].format(**given) if name.endswith("_part") else value
            for name, value in given.items()
        }
        assert f"{english[key].format(**values)} [{error.code}]" == error.lines[0]


def test_configuration_problems_in_french(runner: CliRunner, tmp_path: Path) -> None:
    lots = tmp_path / "lots.yaml"
    lots.write_text(
        "consultation:\n"
        "  titel: Référents 2027\n"
        "  cap_basis: brut\n"
        "lots:\n"
        "  - {id: 1, title: Lot un, cap_ttc: -5}\n",
        encoding="utf-8",
    )
    criteria = tmp_path / "criteria.yaml"
    criteria.write_text("", encoding="utf-8")
    args = ["--lang", "fr", "validate", "--lots", str(lots), "--criteria", str(criteria)]
    result = runner.invoke(app, args)
    text = " ".join(result.output.split())
    for expected in (
        "consultation.titel unknown-key clé inconnue 'titel' (vouliez-vous dire 'title' ?)",
        "consultation.cap_basis invalid-value la valeur doit être l'une de : 'ht', 'ttc', 'both' "
        "(valeur trouvée : 'brut')",
        "lots.0.cap_ttc invalid-value la valeur doit être supérieure à 0 (valeur trouvée : -5)",
        "not-a-mapping il faut des paires clé : valeur (",
        ") ; le fichier est vide",
        "not-checked le classeur des offres n'a pas été vérifié, car la configuration a des "
        "erreurs",
    ):
        assert expected in text, expected


class _Inner(BaseModel):
    x: int = 0


class _Sample(BaseModel):
    """One field per kind of pydantic error the catalogues word."""

    amount: Decimal = Field(gt=0, decimal_places=2)
    share: Decimal = Field(ge=0, lt=1, decimal_places=1)
    count: int = Field(le=5)
    basis: CapBasis
    day: date
    name: str
    flag: bool
    items: list[int]
    table: dict[str, int]
    strict_count: Annotated[int, Field(strict=True)] = 1
    pair: tuple[int, int] = (1, 2)
    inner: _Inner = _Inner()
    some: Annotated[list[int], Field(min_length=1)] = [1]
    ident: Identifier = "quality"


SAMPLES: list[dict[str, object]] = [
    {
        "amount": "abc",
        "share": Decimal("1.25"),
        "count": "x",
        "basis": "brut",
        "day": "2027-01-02",
        "name": 3,
        "flag": "peut-être",
        "items": 5,
        "table": 5,
        "strict_count": "1",
        "pair": 3,
        "inner": "hi",
        "some": [],
        "ident": "1x",
    },
    {
        "amount": Decimal("-1"),
        "share": Decimal("-0.5"),
        "count": 9,
        "basis": "ht",
        "day": datetime(2027, 1, 2, 10, 30),
        "name": "x",
        "flag": True,
        "items": [],
        "table": {},
    },
    {
        "amount": [1],
        "share": Decimal("1.5"),
        "count": 2.5,
        "basis": "ht",
        "day": date(2027, 1, 2),
        "name": date(2027, 1, 2),
        "flag": True,
        "items": [],
        "table": {},
    },
]


SAMPLES.append({**SAMPLES[2], "amount": Decimal("1.234")})


def test_english_templates_render_the_pydantic_messages() -> None:
    """Every kind worded by the catalogues: the English template gives back the core's text,
    and the French catalogue has the same template."""
    english = CATALOGUES["en"]
    worded: set[str] = set()
    for sample in SAMPLES:
        with pytest.raises(ValidationError) as caught:
            _Sample.model_validate(sample)
        for err in caught.value.errors():
            code, message, params = _code_and_message(err, LotsFile)
            if not params:
                continue
            given = dict(params)
            form = given.pop("form", None)
            key = f"msg:{code}.{form}" if form else f"msg:{code}"
            assert key in CATALOGUES["fr"], key
            values: dict[str, object] = dict(given)
            for name, value in given.items():
                if name.endswith("_part"):
                    values[name] = english[f"part:{value}"].format(**given)
            assert english[key].format(**values) == message
            worded.add(str(form))
    assert worded >= {
        "greater_than", "greater_than_equal", "less_than", "less_than_equal",
        "decimal_max_places", "decimal_max_places_one", "enum", "decimal_parsing",
        "int_parsing", "int_from_float", "string_type", "bool_parsing", "list_type",
        "dict_type", "date_from_datetime_inexact", "int_type", "decimal_type", "tuple_type",
        "model_type", "too_short_list_one", "identifier",
    }  # fmt: skip


LOTS_CROSS_CHECKS = """\
consultation:
  title: Référents 2027
  vat_rate: 0.2
lots:
  - {id: 1, title: Lot un, cap_ttc: 10000, cap_ht: 9000}
  - {id: 1, title: Lot deux}
"""
CRITERIA_CROSS_CHECKS = """\
criteria:
  - {id: quality, label: Qualité, weight: 50.5}
  - {id: quality, label: Qualité bis, weight: 30}
"""


def _cross_checked(tmp_path: Path) -> tuple[Path, Path]:
    lots = tmp_path / "lots.yaml"
    lots.write_text(LOTS_CROSS_CHECKS, encoding="utf-8")
    criteria = tmp_path / "criteria.yaml"
    criteria.write_text(CRITERIA_CROSS_CHECKS, encoding="utf-8")
    return lots, criteria


def test_configuration_cross_checks_in_french(runner: CliRunner, tmp_path: Path) -> None:
    lots, criteria = _cross_checked(tmp_path)
    args = ["--lang", "fr", "score", "x.xlsx", "--lots", str(lots), "--criteria", str(criteria)]
    result = runner.invoke(app, args)
    assert result.exit_code == 2
    assert result.stderr == (
        f"erreur : {lots}:5 : lots.0.cap_ttc : cap_ht 9\u202f000,00\xa0€ × (1 + 0,2) = "
        "10\u202f800,00\xa0€ s'écarte de cap_ttc 10\u202f000,00\xa0€ de 800,00\xa0€ (plus que "
        "les 1,20\xa0€ qu'autorise un arrondi à l'euro) ; corrigez l'un des deux ou n'en donnez "
        "qu'un [cap-mismatch]\n"
        f"erreur : {lots}:6 : lots.1.id : le numéro de lot 1 est utilisé deux fois (aussi lots.0) "
        "[duplicate-id]\n"
        f"erreur : {lots}:6 : lots.1 : indiquez cap_ht, cap_ttc ou les deux (le montant maximum du "
        "lot) [missing-cap]\n"
        f"erreur : {criteria}:1 : criteria : la somme des pondérations doit faire 100 ; elle fait "
        "50,5 + 30 = 80,5 [weights-sum]\n"
        f"erreur : {criteria}:1 : criteria : exactement un critère doit avoir un bloc price: ; "
        "aucun n'en a [price-criterion]\n"
        f"erreur : {criteria}:3 : criteria.1.id : l'identifiant de critère 'quality' est utilisé "
        "deux fois [duplicate-id]\n"
    )


def test_english_templates_render_the_configuration_cross_checks(tmp_path: Path) -> None:
    with pytest.raises(ConfigError) as caught:
        load_config(*_cross_checked(tmp_path))
    problems = caught.value.problems
    assert len(problems) == 6
    assert _check_templates(problems) == 6


def test_a_list_instead_of_a_mapping_is_named_in_french(runner: CliRunner, tmp_path: Path) -> None:
    lots, criteria = _cross_checked(tmp_path)
    criteria.write_text("- quality\n- price\n", encoding="utf-8")
    args = ["--lang", "fr", "score", "x.xlsx", "--lots", str(lots), "--criteria", str(criteria)]
    last = runner.invoke(app, args).stderr.splitlines()[-1]
    assert last.endswith(") ; trouvé : une liste [not-a-mapping]")
    english = runner.invoke(app, ["--lang", "en", *args[2:]]).stderr.splitlines()[-1]
    assert english.endswith("), found a list [not-a-mapping]")


def test_yaml_numbers_are_read_and_worded_as_in_the_workbook(
    runner: CliRunner, tmp_path: Path
) -> None:
    lots, criteria = _cross_checked(tmp_path)
    lots.write_text(
        "consultation: {title: T}\n"
        "lots:\n"
        "  - {id: 1, title: A, cap_ht: 10000.125}\n"
        "  - {id: 2, title: B, cap_ht: '1.234,50'}\n"
        "  - {id: 3, title: C, cap_ht: 'beaucoup'}\n",
        encoding="utf-8",
    )
    criteria.write_text(
        "criteria:\n  - {id: quality, label: Q, weight: 60}\n"
        "  - {id: price, label: P, weight: 40, price: {formula: proportional}}\n",
        encoding="utf-8",
    )
    tail = ["validate", "--lots", str(lots), "--criteria", str(criteria), "--format", "json"]
    english = json.loads(runner.invoke(app, ["--lang", "en", *tail]).stdout)
    assert [(p["row"], p["code"]) for p in english["errors"]] == [
        (3, "too-many-decimals"),
        (4, "ambiguous-number"),
        (5, "bad-number"),
    ]
    args = ["--lang", "fr", "score", "x.xlsx", "--lots", str(lots), "--criteria", str(criteria)]
    french = runner.invoke(app, args).stderr
    assert french == (
        f"erreur : {lots}:3 : lots.0.cap_ht : valeur trouvée : 10000,125 ; il faut un montant "
        "avec au plus 2 décimales [too-many-decimals]\n"
        f"erreur : {lots}:4 : lots.1.cap_ht : '1.234,50' est ambigu (le point ou la virgule "
        "sépare-t-il les milliers ou les décimales ?) ; écrivez 1234,50 ou 1 234,50 "
        "[ambiguous-number]\n"
        f"erreur : {lots}:5 : lots.2.cap_ht : 'beaucoup' n'est pas un nombre ; écrivez par exemple "
        "450, 450,50 ou 1 234,50 € [bad-number]\n"
    )
    with pytest.raises(ConfigError) as caught:
        load_config(lots, criteria)
    assert _check_templates(caught.value.problems) == 3


@pytest.mark.parametrize("language", ["en", "fr"])
def test_a_line_break_in_a_yaml_key_never_splits_an_error_line(
    runner: CliRunner, tmp_path: Path, language: str
) -> None:
    lots, criteria = _cross_checked(tmp_path)
    lots.write_text(
        'consultation:\n  title: T\n  "bad\\nkey": 1\nlots:\n  - {id: 1, title: A, cap_ht: 100}\n',
        encoding="utf-8",
    )
    criteria.write_text(
        "criteria:\n  - {id: quality, label: Q, weight: 60}\n"
        "  - {id: price, label: P, weight: 40, price: {formula: proportional}}\n",
        encoding="utf-8",
    )
    args = ["--lang", language, "score", "x.xlsx", "--lots", str(lots), "--criteria", str(criteria)]
    lines = runner.invoke(app, args).stderr.splitlines()
    assert len(lines) == 1
    prefix, colon = ("erreur : ", " : ") if language == "fr" else ("error: ", ": ")
    assert lines[0].startswith(f"{prefix}{lots}:3{colon}consultation.bad key{colon}")
    assert lines[0].endswith("[unknown-key]")
