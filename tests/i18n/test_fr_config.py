"""``lots.yaml`` and ``criteria.yaml`` wrong: each problem in French and in English, written by
hand: YAML syntax and traps, unknown or missing keys, values pydantic refuses, the checks across
keys, and files that cannot be read."""

import json
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Annotated, Literal

import pytest
from pydantic import BaseModel, Field, ValidationError
from typer.testing import CliRunner

from helpers import ONE_LOT, french_errors, write_config
from referent_ess import i18n
from referent_ess.cli import app
from referent_ess.config.choices import CapBasis
from referent_ess.config.loader import code_and_params, load_config
from referent_ess.config.schema import Identifier, LotsFile
from referent_ess.problems.errors import ConfigError


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


def test_every_kind_of_pydantic_error_is_worded_in_english() -> None:
    """Each kind the catalogues word (a form of ``invalid-value``), in the English of the
    catalogue: pydantic's own words, with what the file holds."""
    worded: list[tuple[str, str]] = []
    for sample in SAMPLES:
        with pytest.raises(ValidationError) as caught:
            _Sample.model_validate(sample)
        for err in caught.value.errors():
            code, params = code_and_params(err, LotsFile)
            assert code == "invalid-value"
            worded.append((dict(params)["form"], i18n.message(code, params, lang="en")))
    assert worded == [
        ("decimal_parsing", "Input should be a valid decimal (found 'abc')"),
        (
            "decimal_max_places_one",
            "Decimal input should have no more than 1 decimal place (found 1.25)",
        ),
        (
            "int_parsing",
            "Input should be a valid integer, unable to parse string as an integer (found 'x')",
        ),
        ("enum", "Input should be 'ht', 'ttc' or 'both' (found 'brut')"),
        ("string_type", "Input should be a valid string (found 3)"),
        (
            "bool_parsing",
            "Input should be a valid boolean, unable to interpret input (found 'peut-être')",
        ),
        ("list_type", "Input should be a valid list (found 5)"),
        ("dict_type", "Input should be a valid dictionary (found 5)"),
        ("int_type", "Input should be a valid integer (found '1')"),
        ("tuple_type", "Input should be a valid tuple (found 3)"),
        ("model_type", "Input should be a valid dictionary or instance of _Inner (found 'hi')"),
        ("too_short_list_one", "List should have at least 1 item after validation, not 0"),
        ("identifier", "String should match pattern '^[A-Za-z][A-Za-z0-9_]*$' (found '1x')"),
        ("greater_than", "Input should be greater than 0 (found -1)"),
        (
            "greater_than_equal",
            "Input should be greater than or equal to 0 (found -0.5)",
        ),
        ("less_than_equal", "Input should be less than or equal to 5 (found 9)"),
        (
            "date_from_datetime_inexact",
            "Datetimes provided to dates should have zero time - e.g. be exact dates (found the "
            "date 2027-01-02T10:30:00: quote it to keep it as text)",
        ),
        ("decimal_type", "Decimal input should be an integer, float, string or Decimal object"),
        ("less_than", "Input should be less than 1 (found 1.5)"),
        (
            "int_from_float",
            "Input should be a valid integer, got a number with a fractional part (found 2.5)",
        ),
        (
            "string_type",
            "Input should be a valid string (found the date 2027-01-02: quote it to keep it as "
            "text)",
        ),
        (
            "decimal_max_places",
            "Decimal input should have no more than 2 decimal places (found 1.234)",
        ),
        ("less_than", "Input should be less than 1 (found 1.5)"),
        (
            "int_from_float",
            "Input should be a valid integer, got a number with a fractional part (found 2.5)",
        ),
        (
            "string_type",
            "Input should be a valid string (found the date 2027-01-02: quote it to keep it as "
            "text)",
        ),
    ]


class _Unworded(BaseModel):
    choice: Literal["a"]


def test_a_kind_of_pydantic_error_the_catalogues_do_not_word_keeps_pydantic_s_words() -> None:
    with pytest.raises(ValidationError) as caught:
        _Unworded.model_validate({"choice": "b"})
    (err,) = caught.value.errors()
    code, params = code_and_params(err, LotsFile)
    assert (code, dict(params)["form"]) == ("invalid-value", "other")
    assert i18n.message(code, params, lang="en") == "Input should be 'a' (found 'b')"
    assert i18n.message(code, params, lang="fr") == "Input should be 'a' (valeur trouvée : 'b')"


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


def test_configuration_cross_checks_in_english(tmp_path: Path) -> None:
    with pytest.raises(ConfigError) as caught:
        load_config(*_cross_checked(tmp_path))
    problems = caught.value.problems
    assert len(problems) == 6
    assert [p.message for p in problems] == [
        "cap_ht 9000.00 × (1 + 0.2) = 10800.00 differs from cap_ttc 10000.00 by 800.00 € (more "
        "than the 1.20 € that rounding to whole euros allows); correct one of them or give only "
        "one",
        "lot id 1 is used twice (also lots.0)",
        "give cap_ht, cap_ttc or both",
        "weights must sum to 100, found 50.5 + 30 = 80.5",
        "exactly one criterion must have a price: block, found none",
        "criterion id 'quality' is used twice",
    ]


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
    assert [p.message for p in caught.value.problems] == [
        "found 10000.125, expected an amount with at most 2 decimals",
        "'1.234,50' is ambiguous (is '.' or ',' a thousands or a decimal separator?); write it "
        "without thousands separator, e.g. 1234,50 or 1234.50, or with spaces: 1 234,50",
        "'beaucoup' is not a number; expected e.g. 450, 450.50, 450,50 or 1 234,50 €",
    ]


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


# ---- the rarer configuration checks ---------------------------------------------------------

HIERARCHY = """\
ordering: hierarchy
criteria:
  - {id: quality, label: Q, weight: 60}
  - {id: price, label: P, price: {formula: proportional}}
tie_break: [price]
"""


PRICE_RULES = """\
criteria:
  - {id: quality, label: Q, weight: 60}
  - {id: price, label: P, weight: 40, scale: 10, price: {formula: linear, k: 3}}
tie_break: [qualite]
"""


LOTS_CLASH = "consultation: {title: T, required_documents: [cv, CV, tva]}\n" + ONE_LOT


CRITERIA_CLASH = """\
criteria:
  - {id: Lot, label: L, weight: 30}
  - {id: quality, label: Q, weight: 30}
  - {id: Quality, label: Q2, weight: 10}
  - {id: price, label: P, weight: 30, price: {formula: linear}}
"""


def test_rarer_configuration_checks_in_french(runner: CliRunner, tmp_path: Path) -> None:
    lots, criteria = write_config(tmp_path, "consultation: {title: T}\n" + ONE_LOT, HIERARCHY)
    assert french_errors(runner, lots, criteria) == [
        f"erreur : {criteria}:3 : criteria.0.weight : ordering: hierarchy compare les critères "
        "dans l'ordre de la liste, sans pondération : supprimez weight [hierarchy-weight]",
        f"erreur : {criteria}:5 : tie_break : ordering: hierarchy départage déjà les offres "
        "critère par critère : supprimez tie_break [hierarchy-tie-break]",
    ]
    criteria.write_text(PRICE_RULES, encoding="utf-8")
    assert french_errors(runner, lots, criteria) == [
        f"erreur : {criteria}:3 : criteria.1.price.k : k ne sert qu'à la méthode de notation du "
        "prix gap (formula: gap) : supprimez-le [invalid-value]",
        f"erreur : {criteria}:3 : criteria.1.scale : le critère prix n'est pas noté par le jury : "
        "supprimez scale [invalid-value]",
        f"erreur : {criteria}:4 : tie_break.0 : critère inconnu 'qualite' ; critères possibles : "
        "quality, price [unknown-criterion]",
    ]


def test_column_clashes_in_french(runner: CliRunner, tmp_path: Path) -> None:
    lots, criteria = write_config(tmp_path, LOTS_CLASH, CRITERIA_CLASH)
    assert french_errors(runner, lots, criteria) == [
        f"erreur : {lots}:1 : consultation.required_documents.1 : la pièce exigée 'CV' occuperait "
        "la même colonne que la pièce exigée 'cv' : renommez-la [column-clash]",
        f"erreur : {lots}:1 : consultation.required_documents.2 : la pièce exigée 'tva' occuperait "
        "la même colonne que la colonne vat_rate : renommez-la [column-clash]",
        f"erreur : {criteria}:2 : criteria.0.id : l'identifiant de critère 'Lot' occuperait la "
        "même colonne que la colonne lot : renommez-le [column-clash]",
        f"erreur : {criteria}:4 : criteria.2.id : l'identifiant de critère 'Quality' occuperait la "
        "même colonne que le critère 'quality' : renommez-le [column-clash]",
    ]


@pytest.mark.parametrize(
    ("lots", "criteria", "english"),
    [
        (
            "consultation: {title: T}\n" + ONE_LOT,
            HIERARCHY,
            [
                "ordering: hierarchy compares the criteria in the order listed, without weights: "
                "remove weight",
                "ordering: hierarchy already breaks ties criterion by criterion: remove tie_break",
            ],
        ),
        (
            "consultation: {title: T}\n" + ONE_LOT,
            PRICE_RULES,
            [
                "k is only used by the gap formula",
                "the price criterion is not marked: remove scale",
                "unknown criterion 'qualite'; expected one of quality, price",
            ],
        ),
        (
            LOTS_CLASH,
            CRITERIA_CLASH,
            [
                "document 'CV' would be the same column as required document 'cv'; rename it",
                "document 'tva' would be the same column as the vat_rate column; rename it",
                "criterion id 'Lot' would be the same column as the lot column; rename it",
                "criterion id 'Quality' would be the same column as criterion 'quality'; rename it",
            ],
        ),
    ],
)
def test_the_rarer_configuration_checks_in_english(
    tmp_path: Path, lots: str, criteria: str, english: list[str]
) -> None:
    with pytest.raises(ConfigError) as caught:
        load_config(*write_config(tmp_path, lots, criteria))
    assert [p.message for p in caught.value.problems] == english
