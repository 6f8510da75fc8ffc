"""Letters to the candidates of a lot: award and rejection notices, file names, templates.

Expected figures are written by hand from tests/test_example_known_answers.py (weights 30 / 30 /
20 / 20, marks out of 5, price points 20 x Pmin / P), never computed with the package's code.
"""

import re
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from referent_ess import i18n
from referent_ess.api import score
from referent_ess.evaluation.results import Evaluation
from referent_ess.problems.errors import ReferentError
from referent_ess.render.letters.file_names import slug
from referent_ess.render.letters.letters import build_letters
from referent_ess.render.letters.templates import PLACEHOLDERS, default_template

ROOT = Path(__file__).resolve().parents[2]
TODAY = date(2018, 4, 5)
NNBSP = "\u202f"  # thousands separator of i18n.numbers.number
EURO = "\u00a0€"
MINUS = "\u2212"

LOT_3_FILES = [
    "lot-3-les-batisseurs-solidaires-scop.md",  # rank 1, 88.31
    "lot-3-atelier-matieres-vives-scic.md",  # rank 2, 81 (tie won on price points)
    "lot-3-echelle-habitat-scop.md",  # rank 3, 81
    "lot-3-habiter-autrement-44.md",  # rank 4, 67.14
]
LOT_4_FILES = [
    "lot-4-les-batisseurs-solidaires-scop.md",  # rank 1, 80.18
    "lot-4-ressourceries-en-reseau.md",  # rank 2, 77
    "lot-4-second-souffle-conseil.md",  # irregular: no presentation_cv
    "lot-4-recyclerie-cooperative-de-l-ouest-scic.md",  # over the cap: 15 600 TTC > 15 000
]
CONTEXT = "Note de contexte, connaissance du secteur et des acteurs, enjeux du territoire"
TECHNICAL = "Qualité technique de la proposition"
COMPETENCE = "Compétence de l'intervenant (animation de projets partenariaux)"
PRICE = "Prix de la prestation"

OffersFile = Callable[[list[str]], Evaluation]


@pytest.fixture(scope="module")
def example() -> Evaluation:
    return score(ROOT / "lots.yaml", ROOT / "criteria.yaml")


@pytest.fixture
def csv_offers(
    tmp_path: Path, make_config: Callable[..., tuple[Path, Path]]
) -> Callable[[list[str]], Evaluation]:
    """Score a .csv offers file (one line per offer) against the small test consultation."""

    def make(rows: list[str]) -> Evaluation:
        lots, criteria = make_config()
        offers = tmp_path / "offers.csv"
        header = "candidate;lot;day_rate_ht;days;vat_rate;cv;quality"
        offers.write_text("\n".join([header, *rows]) + "\n", encoding="utf-8")
        return score(lots, criteria, offers)

    return make


def advantages(letter: str) -> dict[str, str]:
    """Criterion label -> signed gap, from the list of criteria where the offers differ."""
    found = re.findall(r"^- « (.+) » : .*, soit (\S+) points?[ ;.]*$", letter, re.MULTILINE)
    return dict(found)


# ---- lot 3 ------------------------------------------------------------------------------------


def test_lot_3_one_letter_per_candidate(example: Evaluation) -> None:
    letters = build_letters(example, 3, today=TODAY)
    assert list(letters) == LOT_3_FILES


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_letters_are_french_whatever_the_language_of_the_run(
    example: Evaluation, lang: str
) -> None:
    french = build_letters(example, 3, today=TODAY)
    with i18n.language(lang):
        assert build_letters(example, 3, today=TODAY) == french
    assert "Madame, Monsieur," in french[LOT_3_FILES[1]]
    assert "Votre offre a obtenu 81,00 points sur 100" in french[LOT_3_FILES[1]]


def test_lot_3_award_letter(example: Evaluation) -> None:
    letter = build_letters(example, 3, today=TODAY)[LOT_3_FILES[0]]
    assert "\n# Information du candidat retenu — lot 3\n" in letter
    assert "\n> **Les Bâtisseurs Solidaires (SCOP)**" in letter
    assert "a été retenue" in letter
    assert "classée première sur 4" in letter
    assert "88,31 points sur 100" in letter
    assert f"11{NNBSP}760,00{EURO} HT (14{NNBSP}112,00{EURO} TTC)" in letter
    assert "\n> Fait le 5 avril 2018\\\n" in letter
    assert "rejet de votre offre" not in letter
    # its own marks only: 30 / 27 / 16 / 15.31
    assert f"| {CONTEXT} | 30,00 | 30,00 |" in letter
    assert f"| {PRICE} | 20,00 | 15,31 |" in letter
    assert "| **Total** | 100,00 | **88,31** |" in letter


def test_lot_3_rejection_of_the_second(example: Evaluation) -> None:
    letter = build_letters(example, 3, today=TODAY)[LOT_3_FILES[1]]
    assert "\n# Notification de rejet de votre offre — lot 3\n" in letter
    assert "\n> **Atelier Matières Vives (SCIC)**" in letter
    assert "R2181-1 et R2181-2" in letter
    assert (
        "Votre offre est **régulière, acceptable et appropriée** ; elle a été classée 2e sur 4 "
        "offres admissibles."
    ) in letter
    assert "L2152-7" in letter  # not the most advantageous offer
    assert "attribué à **Les Bâtisseurs Solidaires (SCOP)**" in letter
    assert "81,00 points sur 100" in letter
    assert "égalité exacte de points (81,00)" in letter  # the tie with Échelle Habitat
    # own points next to the winner's: 24 / 21 / 16 / 20 against 30 / 27 / 16 / 15.31
    assert f"| {CONTEXT} | 30,00 | 24,00 | 30,00 |" in letter
    assert f"| {TECHNICAL} | 30,00 | 21,00 | 27,00 |" in letter
    assert f"| {COMPETENCE} | 20,00 | 16,00 | 16,00 |" in letter
    assert f"| {PRICE} | 20,00 | 20,00 | 15,31 |" in letter
    assert "| **Total** | 100,00 | **81,00** | **88,31** |" in letter
    # relative advantages: +6 context, +6 technical, none on competence, 15.31 - 20 = -4.69
    assert advantages(letter) == {CONTEXT: "+6,00", TECHNICAL: "+6,00", PRICE: f"{MINUS}4,69"}
    assert f"autant de points sur « {COMPETENCE} » (16,00 points)" in letter
    assert "soit +7,31 points au total" in letter  # 4327/49 - 81 = 7.306...
    # what the candidate may do next, without a made-up standstill period
    assert "quinze jours" in letter
    assert "référé précontractuel" in letter
    assert "L551-1" in letter


def test_lot_3_rejection_of_the_third_and_fourth(example: Evaluation) -> None:
    letters = build_letters(example, 3, today=TODAY)
    third = letters[LOT_3_FILES[2]]
    assert "classée 3e sur 4" in third
    assert "| **Total** | 100,00 | **81,00** | **88,31** |" in third
    # 24 / 21 / 18 / 18 against 30 / 27 / 16 / 15.31
    assert advantages(third) == {
        CONTEXT: "+6,00",
        TECHNICAL: "+6,00",
        COMPETENCE: f"{MINUS}2,00",
        PRICE: f"{MINUS}2,69",  # 750/49 - 18 = -2.693...
    }
    fourth = letters[LOT_3_FILES[3]]
    assert "classée 4e sur 4" in fourth
    assert "67,14 points sur 100" in fourth
    # 18 / 18 / 14 / 17.14 against 30 / 27 / 16 / 15.31
    assert advantages(fourth) == {
        CONTEXT: "+12,00",
        TECHNICAL: "+9,00",
        COMPETENCE: "+2,00",
        PRICE: f"{MINUS}1,84",  # 750/49 - 120/7 = -1.836...
    }
    assert "soit +21,16 points au total" in fourth  # 4327/49 - 470/7 = 21.163...
    assert "égalité" not in fourth


def test_lot_3_jury_comments_of_the_own_offer_only(example: Evaluation) -> None:
    letter = build_letters(example, 3, today=TODAY)[LOT_3_FILES[3]]
    assert "peu d'acteurs du territoire cités" in letter  # its own comment
    assert "habitat nantais" not in letter  # the winner's comment stays out by default


# ---- lot 4 ------------------------------------------------------------------------------------


def test_lot_4_letters(example: Evaluation) -> None:
    letters = build_letters(example, 4, today=TODAY)
    assert list(letters) == LOT_4_FILES
    assert "\n# Information du candidat retenu — lot 4\n" in letters[LOT_4_FILES[0]]
    for name in LOT_4_FILES[1:]:
        assert "\n# Notification de rejet de votre offre — lot 4\n" in letters[name]
        assert "attribué à **Les Bâtisseurs Solidaires (SCOP)**" in letters[name]
        # compared TTC: 64 + 20 × 11536.48 / 14256 = 64 + 72103/4455 = 80.184...
        assert "80,18 points sur 100" in letters[name]


def test_lot_4_admissible_second(example: Evaluation) -> None:
    letter = build_letters(example, 4, today=TODAY)[LOT_4_FILES[1]]
    assert "classée 2e sur 2" in letter
    assert "| **Total** | 100,00 | **77,00** | **80,18** |" in letter
    # 21 / 24 / 12 / 20 against 24 / 24 / 16 / 16.18
    assert advantages(letter) == {
        CONTEXT: "+3,00",
        COMPETENCE: "+4,00",
        PRICE: f"{MINUS}3,82",  # 72103/4455 - 20 = -16997/4455 = -3.815...
    }
    assert f"autant de points sur « {TECHNICAL} »" in letter


def test_lot_4_over_cap(example: Evaluation) -> None:
    letter = build_letters(example, 4, today=TODAY)[LOT_4_FILES[3]]
    assert "\n> **Recyclerie Coopérative de l'Ouest (SCIC)**" in letter
    assert "**inacceptable**" in letter
    assert "L2152-3" in letter
    assert "L2152-1" in letter  # unacceptable offers are set aside
    # 650 x 20 = 13 000 HT, x 1.2 = 15 600 TTC, over the 15 000 TTC cap by 600
    assert f"15{NNBSP}600,00{EURO} TTC" in letter
    assert f"600,00{EURO}" in letter
    assert f"15{NNBSP}000,00{EURO} TTC" in letter
    # not ranked, so no points of its own and no comparison of advantages
    assert "ni notée ni classée" in letter
    assert "| **Total** | 100,00 | — | **80,18** |" in letter
    assert "avantages relatifs" not in letter
    assert advantages(letter) == {}


def test_lot_4_irregular(example: Evaluation) -> None:
    letter = build_letters(example, 4, today=TODAY)[LOT_4_FILES[2]]
    assert "**irrégulière**" in letter
    assert "« présentation et CV de l'intervenant »" in letter  # its label, not its id
    assert "presentation_cv" not in letter
    assert "L2152-2" in letter
    assert "régularisation" not in letter  # the buyer's option is not offered in a rejection
    assert "avantages relatifs" not in letter


def test_lot_1_late(example: Evaluation) -> None:
    letters = build_letters(example, 1, today=TODAY)
    letter = letters["lot-1-parenthese-familles-conseil.md"]
    assert "**hors délai**" in letter
    assert "reçue le 26 mars 2018" in letter
    assert "(23 mars 2018)" in letter
    assert "R2151-5" in letter


# ---- refused results --------------------------------------------------------------------------


def test_unknown_lot(example: Evaluation) -> None:
    with pytest.raises(
        ReferentError, match=r"there is no lot 9 \(lots: 1, 2, 3, 4\) \[no-such-lot\]"
    ):
        build_letters(example, 9)


def test_provisional_lot_is_refused(csv_offers: OffersFile) -> None:
    evaluation = csv_offers(
        [
            "Alpha;1;500;10;0.2;oui;4",
            "Beta;1;450;10;0.2;oui;9",  # mark out of the 0-5 scale: cannot be evaluated
        ]
    )
    lot = evaluation.lot(1)
    assert lot is not None
    assert lot.provisional
    with pytest.raises(ReferentError, match="provisional") as error:
        build_letters(evaluation, 1)
    assert error.value.code == "letters-provisional"


def test_tie_for_first_is_refused(csv_offers: OffersFile) -> None:
    evaluation = csv_offers(["Alpha;1;500;10;0.2;oui;4", "Beta;1;500;10;0.2;oui;4"])
    with pytest.raises(ReferentError, match="share rank 1") as error:
        build_letters(evaluation, 1)
    assert error.value.code == "letters-tie"


def test_rejection_after_a_tie_for_first_states_no_gap(csv_offers: OffersFile) -> None:
    # quality 60 x mark / 5, price 40 x Pmin / P (HT), tie_break [price]:
    # Bravo 60 x 4/5 + 40 x 700/700 = 48 + 40 = 88; Alpha 60 + 40 x 700/1000 = 60 + 28 = 88.
    # Exactly tied: Bravo is first on price points (40 against 28).
    evaluation = csv_offers(["Alpha;1;1000;1;0.2;oui;5", "Bravo;1;700;1;0.2;oui;4"])
    letter = build_letters(evaluation, 1, today=TODAY)["lot-1-alpha.md"]
    assert "égalité exacte de points (88,00)" in letter
    assert (
        "Caractéristiques et avantages relatifs de l'offre retenue : elle a obtenu le même total "
        "que votre offre, 88,00 points ; la règle de départage des ex æquo annoncée l'a placée "
        "devant la vôtre."
    ) in letter.replace("\n", " ")
    assert "au total" not in letter  # no "+0,00 point au total"
    assert advantages(letter) == {"Quality": f"{MINUS}12,00", "Price": "+12,00"}


def test_lot_without_admissible_offer_is_refused(csv_offers: OffersFile) -> None:
    evaluation = csv_offers(["Alpha;1;500;10;0.2;non;4"])  # missing CV: irregular
    with pytest.raises(ReferentError, match="no admissible offer") as error:
        build_letters(evaluation, 1)
    assert error.value.code == "letters-no-winner"


# ---- file names -------------------------------------------------------------------------------


def test_unsafe_names_give_safe_files(csv_offers: OffersFile, tmp_path: Path) -> None:
    evaluation = csv_offers(
        [
            "../../etc/passwd;1;400;10;0.2;oui;5",  # row 2, the winner
            "a/b/c;1;500;10;0.2;oui;4",
            "../;1;500;10;0.2;oui;3",  # nothing left of the name: its row
            "A B C;1;500;10;0.2;oui;2",  # another name, the same slug
            "$winner & Cie;1;500;10;0.2;oui;1",  # looks like a placeholder
        ]
    )
    letters = build_letters(evaluation, 1, today=TODAY)
    assert list(letters) == [
        "lot-1-etc-passwd.md",
        "lot-1-a-b-c.md",
        "lot-1-ligne-4.md",
        "lot-1-a-b-c-2.md",
        "lot-1-winner-cie.md",
    ]
    out = tmp_path / "lettres"
    out.mkdir()
    for name, text in letters.items():
        assert re.fullmatch(r"lot-1-[a-z0-9]+(-[a-z0-9]+)*\.md", name)
        path = out / name
        path.write_text(text, encoding="utf-8")
        assert path.resolve().parent == out.resolve()
    assert sorted(p.name for p in out.iterdir()) == sorted(letters)
    # the names themselves are kept in the letters, and never read as placeholders
    assert "\n> **../../etc/passwd**" in letters["lot-1-etc-passwd.md"]
    assert "\n> **$winner & Cie**" in letters["lot-1-winner-cie.md"]
    assert "\n> **A B C**" in letters["lot-1-a-b-c-2.md"]


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Les Bâtisseurs Solidaires (SCOP)", "les-batisseurs-solidaires-scop"),
        ("Cœur d'Œuvre — Économie", "coeur-d-oeuvre-economie"),
        ("  --Ünïcödé__  ", "unicode"),
        ("..", "ligne-7"),
        ("", "ligne-7"),
        ("日本語", "ligne-7"),
        ("x" * 59 + " y", "x" * 59),  # cut at 60, no dash left at the end
        ("a" * 80, "a" * 60),
    ],
)
def test_slug(name: str, expected: str) -> None:
    assert slug(name, 7) == expected


# ---- templates --------------------------------------------------------------------------------


def test_default_templates_ship_with_the_package() -> None:
    for name in ("attribution.md", "rejet.md"):
        text = default_template(name)
        assert "$recipient" in text
        assert "$letterhead" in text
        assert "$signature" in text
        assert "$points_table" in text
    assert "$advantages" in default_template("rejet.md")


def test_custom_template_overrides_one_and_keeps_the_other(
    example: Evaluation, tmp_path: Path
) -> None:
    templates = tmp_path / "modeles"
    templates.mkdir()
    (templates / "attribution.md").write_text(
        "Bravo $candidate : lot $lot_id, $total points, $${euros}.\n", encoding="utf-8"
    )
    letters = build_letters(example, 3, template_dir=templates, today=TODAY)
    assert letters[LOT_3_FILES[0]] == (
        "Bravo Les Bâtisseurs Solidaires (SCOP) : lot 3, 88,31 points, ${euros}.\n"
    )
    default = build_letters(example, 3, today=TODAY)
    for name in LOT_3_FILES[1:]:  # rejet.md missing from the folder: the default one
        assert letters[name] == default[name]


def test_unknown_placeholder_is_refused(example: Evaluation, tmp_path: Path) -> None:
    (tmp_path / "rejet.md").write_text("Madame, Monsieur,\n\n$candidat : $motifs\n")
    with pytest.raises(ReferentError) as error:
        build_letters(example, 3, template_dir=tmp_path)
    message = str(error.value)
    assert str(tmp_path / "rejet.md") in message
    assert "$candidat, $motifs" in message
    assert "known placeholders" in message
    assert all(f"${name}" in message for name in PLACEHOLDERS)
    assert error.value.code == "template-placeholder"


def test_stray_dollar_is_refused_with_its_line(example: Evaluation, tmp_path: Path) -> None:
    (tmp_path / "attribution.md").write_text("Bravo $candidate\n\nPrix en $ US\n")
    with pytest.raises(ReferentError, match=r"attribution\.md:3: .*\$\$") as error:
        build_letters(example, 3, template_dir=tmp_path)
    assert error.value.code == "template-syntax"


def test_missing_template_folder_is_refused(example: Evaluation, tmp_path: Path) -> None:
    with pytest.raises(ReferentError, match="template folder not found"):
        build_letters(example, 3, template_dir=tmp_path / "absent")


def test_every_placeholder_fits_an_award_letter(example: Evaluation, tmp_path: Path) -> None:
    """A buyer's award template may use any placeholder: none says the offer was rejected."""
    (tmp_path / "attribution.md").write_text(
        "\n\n".join(f"{name}=${name}" for name in PLACEHOLDERS), encoding="utf-8"
    )
    letter = build_letters(example, 3, template_dir=tmp_path, today=TODAY)[LOT_3_FILES[0]]
    assert "winner=Les Bâtisseurs Solidaires (SCOP)" in letter
    assert "rank=1re" in letter
    assert "reasons=\n" in letter
    assert "advantages=\n" in letter
    assert "pas été retenue" not in letter
