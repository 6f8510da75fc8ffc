"""The headers buyers and purchasing platforms really write, and the ones that only look like a
column the evaluation uses (issue: hostile inputs, headers).

"Date de dépôt" used to be ignored with a warning: the deadline check was skipped and a late
offer ranked first. "TVA applicable" was ignored: the default 20 % applied and a 5.5 % offer was
excluded as over a TTC cap. Such headers are now known, and an unknown header whose words are
those of a value the evaluation uses (a date, VAT, a price, days, a lot, a candidate, a required
document, a criterion's marks) is the error ``suspicious-column``: it is never dropped silently.
Comments, identifiers and contact details stay unknown columns (a warning).

The consultation of conftest.py: deadline 2018-03-23, lots 1 (cap 10 000 HT) and 2 (caps 5 000
HT, 6 000 TTC), document ``cv``, criterion ``quality`` (60 points, marks 0-5), price 40 points.
"""

from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from referent_ess import api, i18n
from referent_ess.config.columns import ALIASES, OfferField, header_key
from referent_ess.config.loader import load_config
from referent_ess.config.model import Config
from referent_ess.evaluation.results import Status
from referent_ess.intake.offer import OfferBook
from referent_ess.intake.offers import load_offers
from referent_ess.problems.problem import Severity

HEADER = ["Candidat", "N° lot", "Coût journalier HT", "Nombre de jours", "cv", "quality"]
ROW = ["Alpha", 1, 400, 10, "oui", 4]


@pytest.fixture
def config(make_config: Callable[..., tuple[Path, Path]]) -> Config:
    return load_config(*make_config())


def xlsx(tmp_path: Path, header: list[Any], rows: list[list[Any]], sheets: int = 1) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "offers"
    for row in [header, *rows]:
        sheet.append(row)
    if sheets > 1:  # an evaluators' marks sheet
        notes = book.create_sheet("Notes")
        notes.append(["Candidat", "Lot", "Critère", "Évaluateur", "Note"])
        notes.append(["Alpha", 1, "quality", "Anne", 4])
    path = tmp_path / "offers.xlsx"
    book.save(path)
    return path


def with_column(tmp_path: Path, config: Config, title: str, value: Any) -> OfferBook:
    return load_offers(xlsx(tmp_path, [*HEADER, title], [[*ROW, value]]), config)


# ---- what platforms and buyers write ---------------------------------------------------------


@pytest.mark.parametrize(
    ("title", "field"),
    [
        ("Date de dépôt", "received_at"),
        ("Date et heure de dépôt", "received_at"),
        ("DATE ET HEURE DU DÉPÔT", "received_at"),
        ("Date de remise", "received_at"),
        ("Date de remise de l'offre", "received_at"),
        ("Horodatage", "received_at"),
        ("Horodatage du dépôt", "received_at"),
        ("Date d'arrivée", "received_at"),
        ("Date de réception du pli", "received_at"),
        ("Déposé le", "received_at"),
        ("TVA applicable", "vat_rate"),
        ("Taux de TVA appliqué", "vat_rate"),
        ("Taux de TVA applicable", "vat_rate"),
        ("vat", "vat_rate"),
        ("VAT rate", "vat_rate"),
        ("Montant hors taxes", "price_ht"),
        ("Montant total H.T.", "price_ht"),
        ("Total HT", "price_ht"),
        ("Prix global HT", "price_ht"),
        ("Montant de l'offre HT", "price_ht"),
    ],
)
def test_an_optional_field_s_usual_header_is_read(
    tmp_path: Path, config: Config, title: str, field: str
) -> None:
    value = {"received_at": "22/03/2018", "vat_rate": "5,5 %", "price_ht": 4000}[field]
    book = with_column(tmp_path, config, title, value)
    assert book.problems == ()
    assert [c.name for c in book.columns][-1] == field


@pytest.mark.parametrize(
    ("title", "field"),
    [
        ("Raison sociale", "candidate"),
        ("Nom de l'entreprise", "candidate"),
        ("Société", "candidate"),
        ("Dénomination sociale", "candidate"),
        ("Opérateur économique", "candidate"),
        ("Lot(s)", "lot"),
        ("Numéro du lot", "lot"),
        ("Lot n°", "lot"),
        ("Tarif journalier HT", "day_rate_ht"),
        ("Prix de journée H.T.", "day_rate_ht"),
        ("Coût journalier hors taxes", "day_rate_ht"),
        ("Nombre de journées", "days"),
        ("Jours-homme", "days"),
    ],
)
def test_a_required_field_s_usual_header_is_read(
    tmp_path: Path, config: Config, title: str, field: str
) -> None:
    index = {"candidate": 0, "lot": 1, "day_rate_ht": 2, "days": 3}[field]
    header = [*HEADER]
    header[index] = title
    book = load_offers(xlsx(tmp_path, header, [ROW]), config)
    assert book.problems == ()
    assert book.columns[index].name == field
    assert book.offers[0].price_ht_stated is None
    assert (book.offers[0].candidate, book.offers[0].lot) == ("Alpha", 1)


def test_a_late_offer_under_date_de_depot_is_late_not_first(
    make_config: Callable[..., tuple[Path, Path]], tmp_path: Path
) -> None:
    lots, criteria = make_config()
    offers = xlsx(
        tmp_path,
        [*HEADER, "Date et heure de dépôt"],
        [
            ["Alpha", 1, 300, 10, "oui", 5, "24/03/2018 09:00"],  # best and cheapest, but late
            ["Beta", 1, 400, 10, "oui", 3, "22/03/2018 17:30"],
        ],
    )
    (lot, _) = api.score(lots, criteria, offers).lots
    assert [r.candidate for r in lot.ranked] == ["Beta"]
    (alpha,) = [r for r in lot.offers if r.candidate == "Alpha"]
    assert alpha.status is Status.LATE


def test_a_vat_rate_under_tva_applicable_is_used_under_a_ttc_cap(
    make_config: Callable[..., tuple[Path, Path]], tmp_path: Path
) -> None:
    lots, criteria = make_config(cap_basis="ttc")
    offers = xlsx(tmp_path, [*HEADER, "TVA applicable"], [["Alpha", 2, 560, 10, "oui", 4, "5,5"]])
    (_, lot) = api.score(lots, criteria, offers).lots
    (alpha,) = lot.offers
    # 560 × 10 = 5600.00 HT; × 1.055 = 5908.00 TTC, within 6000 (at 20 %: 6720.00, over)
    assert alpha.status is Status.ADMISSIBLE
    assert alpha.offer.vat_rate == Decimal("0.055")
    assert str(alpha.price_ttc) == "5908.00"


# ---- headers about a value the evaluation uses: errors ------------------------------------------


@pytest.mark.parametrize(
    ("title", "field", "probable"),
    [
        ("Date", "received_at", "'Date de réception'"),
        ("Heure de dépôt", "received_at", "'Date de réception'"),
        ("Date/heure de réception électronique", "received_at", "'Date de réception'"),
        ("Reçu", "received_at", "'Date de réception'"),
        ("Prix TTC", "vat_rate", "'Taux de TVA'"),
        ("Montant TVA", "vat_rate", "'Taux de TVA'"),
        ("Exonération", "vat_rate", "'Taux de TVA'"),
        ("Coût journalier TTC", "vat_rate", "'Taux de TVA'"),
        ("Prix unitaire HT", "day_rate_ht", "'Coût journalier HT'"),
        ("TJM", "day_rate_ht", "'Coût journalier HT'"),
        ("Nombre de jours en option", "days", "'Nombre de jours'"),
        ("Durée", "days", "'Nombre de jours'"),
        ("Remise", "price_ht", "'Montant HT'"),
        ("Prix de la prestation", "price_ht", "'Montant HT'"),
        ("Lot concerné", "lot", "'N° lot'"),
        ("Raison sociale du mandataire", "candidate", "'Candidat'"),
        ("Soumissionnaire principal", "candidate", "'Candidat'"),
        ("CV fourni", "cv", "'cv'"),
        ("Note quality", "quality", "'Quality'"),  # a criterion by its label
    ],
)
def test_a_header_about_an_evaluated_value_is_an_error_naming_it(
    tmp_path: Path, config: Config, title: str, field: str, probable: str
) -> None:
    book = with_column(tmp_path, config, title, "x")
    assert [(p.code, p.cell, p.field, p.severity) for p in book.problems] == [
        ("suspicious-column", "G1", field, Severity.ERROR)
    ]
    params = dict(book.problems[0].params)
    assert (params["form"], params["header"]) == ("about", repr(title))
    assert params["probable"] == probable
    if title.endswith("TTC"):  # an amount TTC: the tool computes it from the VAT rate
        assert params["about_part"] == "about.ttc"


@pytest.mark.parametrize(
    "title",
    [
        "Commentaire prix",  # the jury's free text next to a criterion stays legal
        "Observations sur le délai",
        "Remarques",
        "Appréciation de la note de prix",
        "N° TVA intracommunautaire",
        "SIRET",
        "SIRET du candidat",
        "Courriel",
        "Mode de dépôt",  # électronique / papier, in the platforms' registers
        "Intitulé du lot",
        "Taille du fichier",
        "Date de retrait du dossier",
        "Type de structure",
        "Nombre de pages",
    ],
)
def test_comments_identifiers_and_labels_stay_unknown_columns(
    tmp_path: Path, config: Config, title: str
) -> None:
    book = with_column(tmp_path, config, title, "x")
    assert [(p.code, p.cell, p.severity) for p in book.problems] == [
        ("unknown-column", "G1", Severity.WARNING)
    ]


def test_with_a_marks_sheet_a_mark_look_alike_is_only_an_unknown_column(
    tmp_path: Path, config: Config
) -> None:
    path = xlsx(tmp_path, [*HEADER[:5], "Note quality"], [[*ROW[:5], 4]], sheets=2)
    book = load_offers(path, config)
    assert [(p.code, p.cell) for p in book.sheet_problems] == [("unknown-column", "F1")]


def test_the_message_says_what_the_column_is_about_and_how_to_fix_it(
    tmp_path: Path, config: Config
) -> None:
    (problem,) = with_column(tmp_path, config, "Horodatage électronique", "x").problems
    assert problem.message == (
        "column 'Horodatage électronique' is not one the tool reads, but its name is about when "
        "the offer was received, which the evaluation uses: ignoring it could change the result. "
        "If it holds that, head it 'Date de réception'; if not, remove the column or move it to "
        "another sheet"
    )
    assert i18n.message(problem.code, problem.params, lang="fr") == (
        "la colonne 'Horodatage électronique' n'est pas lue par l'outil, mais son nom porte sur "
        "la date de réception de l'offre, dont l'évaluation a besoin : l'ignorer pourrait "
        "changer le résultat. Si elle contient cette donnée, intitulez-la 'Date de réception' ; "
        "sinon, supprimez la colonne ou déplacez-la dans une autre feuille"
    )
    (document,) = with_column(tmp_path, config, "CV reçus", "x").problems
    assert "its name is about the required document 'cv'" in document.message
    (mark,) = with_column(tmp_path, config, "quality (note)", "x").problems
    assert "its name is about the jury's marks for 'Quality'" in mark.message  # the label


def test_in_a_csv_file_the_fix_is_to_remove_the_column(tmp_path: Path, config: Config) -> None:
    path = tmp_path / "offers.csv"
    path.write_text(
        "Candidat;N° lot;Coût journalier HT;Nombre de jours;cv;quality;Prix TTC\n"
        "Alpha;1;400;10;oui;4;4800\n",
        encoding="utf-8",
    )
    (problem,) = load_offers(path, config).problems
    assert problem.message == (
        "column 'Prix TTC' is not one the tool reads, but its name is about VAT (the tool "
        "computes prices TTC from the price HT and the VAT rate of each offer), which the "
        "evaluation uses: ignoring it could change the result. If it holds that, head it 'Taux "
        "de TVA'; if not, remove the column"
    )
    assert problem.cell == "G1"


def test_scoring_stops_on_a_look_alike_column_budget_checking_does_not(
    make_config: Callable[..., tuple[Path, Path]], tmp_path: Path
) -> None:
    from referent_ess.problems.errors import ReferentError

    lots, criteria = make_config()
    offers = xlsx(tmp_path, [*HEADER, "Date"], [[*ROW, "24/03/2018"]])
    with pytest.raises(ReferentError) as refused:
        api.score(lots, criteria, offers)
    assert [p.code for p in refused.value.problems] == ["suspicious-column"]
    assert api.check_budget(lots, criteria, offers).lots[0].offers[0].candidate == "Alpha"


# ---- any spelling of a known header is that header ----------------------------------------------


@settings(deadline=None, max_examples=200)
@given(
    st.sampled_from([(f, a) for f in OfferField for a in (f.value, *ALIASES[f])]),
    st.lists(st.sampled_from(["upper", "lower", "title", "_", "-", "  ", "'", ".", "(", ":"]),
             max_size=4),
)  # fmt: skip
def test_case_punctuation_and_separators_never_change_a_header(
    known: tuple[OfferField, str], changes: list[str]
) -> None:
    field, alias = known
    typed = alias
    for change in changes:
        if change in ("upper", "lower", "title"):
            typed = getattr(typed, change)()
        elif change in (".", "(", ":"):
            typed = f"{typed} {change}"  # punctuation after a word: H.T., TVA (%), Lot :
        else:
            typed = typed.replace(" ", change)
    keys = {header_key(a): f for f in OfferField for a in (f.value, *ALIASES[f])}
    assert keys[header_key(typed)] is field
