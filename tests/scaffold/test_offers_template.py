"""The offers workbook: validations read back, headers the tool recognises, a filled template
that scores, and a workbook holding offers never replaced.

Expected figures are computed by hand in each test.
"""

import io
import zipfile
from datetime import date, datetime, timedelta
from decimal import Decimal
from fractions import Fraction
from pathlib import Path

import openpyxl
import pytest
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from referent_ess import api, i18n
from referent_ess.base.normalise import normalise
from referent_ess.base.values import parse_rate
from referent_ess.config.columns import header_key, header_lookup
from referent_ess.config.loader import load_config
from referent_ess.config.model import Config
from referent_ess.evaluation.results import Status
from referent_ess.intake.marks_sheet import MARKS_COLUMNS
from referent_ess.problems.errors import ReferentError
from referent_ess.scaffold.offers_template import build_template, write_template
from referent_ess.scaffold.template_columns import LAST_MARK_ROW, LAST_ROW, VAT_CHOICES

ROOT = Path(__file__).resolve().parents[2]
LOTS = ROOT / "lots.yaml"
CRITERIA = ROOT / "criteria.yaml"

OFFER_HEADERS = [
    "Candidat",
    "N° lot",
    "Coût journalier HT",
    "Nombre de jours",
    "Taux de TVA",
    "Montant HT",
    "Date de réception",
    # the documents by their labels in lots.yaml, the criteria by their short labels
    "note de contexte",
    "chantiers",
    "présentation et CV de l'intervenant",
    "proposition financière",
]
MARK_HEADERS = [
    "Contexte",
    "Contexte commentaire",
    "Technique",
    "Technique commentaire",
    "Compétence",
    "Compétence commentaire",
]
JURY_HEADERS = ["Décision du jury", "Motif de la décision"]  # last, in the offers sheet only


def sheets(data: bytes) -> openpyxl.Workbook:
    return openpyxl.load_workbook(io.BytesIO(data))


def validations(ws: Worksheet) -> dict[str, DataValidation]:
    """Each validation by the range it covers."""
    return {str(dv.sqref): dv for dv in ws.data_validations.dataValidation}


def expect(
    dv: DataValidation,
    kind: str | None,
    formula1: str | None = None,
    formula2: str | None = None,
    operator: str | None = None,
) -> None:
    assert (dv.type, dv.formula1, dv.formula2, dv.operator) == (kind, formula1, formula2, operator)
    assert dv.allow_blank is True  # an empty cell is the tool's to judge
    assert dv.showInputMessage is True
    assert dv.promptTitle
    assert dv.prompt
    if kind is None:  # an input message only: any value goes
        assert not dv.showErrorMessage
    else:
        assert dv.showErrorMessage is True
        assert dv.errorStyle == "stop"
        assert dv.errorTitle == "Saisie refusée"
        assert dv.error
    # Excel refuses longer texts and "repairs" the file
    assert len(dv.promptTitle) <= 32
    assert len(dv.prompt) <= 255
    assert len(dv.errorTitle or "") <= 32
    assert len(dv.error or "") <= 255


def test_offers_sheet_validations_for_each_column(config: Config) -> None:
    book = sheets(build_template(config))
    assert book.sheetnames == ["offers", "lisez-moi", "listes"]
    ws = book["offers"]
    headers = [cell.value for cell in ws[1]]
    assert headers == OFFER_HEADERS + MARK_HEADERS + JURY_HEADERS
    assert ws.max_row == 1  # no data: the buyer's rows only
    assert ws.freeze_panes == "B2"
    found = validations(ws)
    assert sorted(found) == sorted(f"{c}2:{c}{LAST_ROW}" for c in "ABCDEFGHIJKLMNOPQRS")
    assert LAST_ROW == 1000

    def at(column: str) -> DataValidation:
        return found[f"{column}2:{column}1000"]

    expect(at("A"), None)  # Candidat: the input message only
    expect(at("B"), "list", '"1,2,3,4"')  # N° lot: the configured ids
    expect(at("C"), "decimal", "0", None, "greaterThan")  # Coût journalier HT > 0
    expect(at("D"), "decimal", "0", None, "greaterThan")  # Nombre de jours > 0
    expect(at("E"), "list", "listes!$A$1:$A$5")  # Taux de TVA: 5,5 % has a comma, so a range
    assert [cell.value for (cell,) in book["listes"]["A1:A5"]] == [
        "20 %", "10 %", "5,5 %", "0 %", "exonéré",
    ]  # fmt: skip
    assert book["listes"].sheet_state == "hidden"
    assert at("E").prompt == (
        "Choisissez le taux dans la liste : 20 %, 10 %, 5,5 %, 0 % ou exonéré. Laissez vide pour "
        "le taux de la consultation (20 %)."
    )
    assert at("E").error == (
        "Taux de TVA inconnu : choisissez 20 %, 10 %, 5,5 %, 0 % ou exonéré dans la liste."
    )
    expect(at("F"), "decimal", "0", None, "greaterThan")  # Montant HT > 0
    # Date de réception: 2000-01-01 (serial 36526) to 2100-12-31 (serial 73415)
    expect(at("G"), "date", "36526", "73415", "between")
    assert (date(1899, 12, 30) + timedelta(days=36526), date(1899, 12, 30) + timedelta(73415)) == (
        date(2000, 1, 1),
        date(2100, 12, 31),
    )
    for column in "HIJK":  # the four required documents
        expect(at(column), "list", '"oui,non"')
    for column in "LNP":  # the marks, 0 to the scale 5
        expect(at(column), "decimal", "0", "5", "between")
    for column in "MOQ":  # the marks' justifications
        expect(at(column), None)
    assert at("L").error == "Note hors barème : tapez un nombre de 0 à 5."
    # the jury's decision: a dropdown of the three words; its reason: free text
    expect(at("R"), "list", '"irrégulière,inacceptable,inappropriée"')
    assert at("R").error == "Choisissez irrégulière, inacceptable ou inappropriée dans la liste."
    expect(at("S"), None)


def test_every_header_is_recognised_and_explained(config: Config) -> None:
    ws = sheets(build_template(config))["offers"]
    lookup = config.column_names.lookup
    kinds = [lookup[header_key(str(cell.value))] for cell in ws[1]]  # a KeyError if unknown
    assert [name for _, name in kinds[7:-2]] == [
        "note_contexte", "chantiers", "presentation_cv", "proposition_financiere",
        "context", "context", "technical", "technical", "competence", "competence",
    ]  # fmt: skip
    # the ids only read the ids' headers: a label is no id
    ids = header_lookup(config.document_columns, tuple(c.id for c in config.mark_columns))
    assert header_key("présentation et CV de l'intervenant") not in ids
    assert [name for _, name in kinds[:7]] == [
        "candidate", "lot", "day_rate_ht", "days", "vat_rate", "price_ht", "received_at",
    ]  # fmt: skip
    assert [kind.value for kind, _ in kinds[7:-2]] == ["document"] * 4 + ["mark", "comment"] * 3
    assert kinds[-2:] == [("field", "jury_decision"), ("field", "jury_reason")]
    for cell in ws[1]:
        assert cell.comment is not None, cell.coordinate
        assert "Exemple" in cell.comment.text
        assert cell.font.bold
    formats = {letter: ws.column_dimensions[letter].number_format for letter in "CDEFG"}
    assert formats == {
        "C": '#,##0.00 "€"',
        "D": "0.00",
        "E": "@",  # VAT kept as typed text: the list items are texts
        "F": '#,##0.00 "€"',
        "G": "DD/MM/YYYY",
    }
    assert ws.column_dimensions["A"].width == 40


def test_every_vat_choice_is_read_by_the_tool() -> None:
    assert VAT_CHOICES == ("20 %", "10 %", "5,5 %", "0 %", "exonéré")  # French: 5,5 %
    rates = [parse_rate(choice) for choice in VAT_CHOICES]
    assert rates == [Decimal("0.2"), Decimal("0.1"), Decimal("0.055"), 0, 0]


def test_a_template_filled_with_each_vat_choice_validates(config: Config, tmp_path: Path) -> None:
    """Each item of the workbook's own VAT dropdown, typed in as the buyer picks it."""
    data = build_template(config)
    choices = [str(cell.value) for (cell,) in sheets(data)["listes"]["A1:A5"]]
    rows: list[list[object]] = [
        [f"Candidat {n}", 3, 500, 20, choice, None, date(2018, 3, 22), "oui", "oui", "oui", "oui",
         4, None, 4, None, 4, None]
        for n, choice in enumerate(choices, start=1)
    ]  # fmt: skip
    offers = fill(data, rows, tmp_path / "offers.xlsx")
    assert api.validate(LOTS, CRITERIA, offers).problems == ()
    lot3 = next(lot for lot in api.score(LOTS, CRITERIA, offers).lots if lot.lot.id == 3)
    # 500 × 20 = 10000.00 HT; TTC at 20 %, 10 %, 5,5 %, 0 % and exonéré
    assert [(r.candidate, r.price_ttc) for r in sorted(lot3.offers, key=lambda r: r.offer.row)] == [
        ("Candidat 1", Decimal("12000.00")),
        ("Candidat 2", Decimal("11000.00")),
        ("Candidat 3", Decimal("10550.00")),
        ("Candidat 4", Decimal("10000.00")),
        ("Candidat 5", Decimal("10000.00")),
    ]


def test_the_bytes_are_reproducible(config: Config) -> None:
    data = build_template(config)
    assert data == build_template(config)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert {info.date_time for info in archive.infolist()} == {(1980, 1, 1, 0, 0, 0)}
    properties = sheets(data).properties
    assert (properties.created, properties.modified) == (datetime(1980, 1, 1), datetime(1980, 1, 1))


# ---- a template filled as a buyer would fill it ---------------------------------------------

# Lot 3 of the example: candidate, lot, rate, days, VAT, Montant HT, received, 4 documents,
# then context / technical / competence marks and a comment.
ROWS: list[list[object]] = [
    ["Les Bâtisseurs Solidaires (SCOP)", 3, 560, 21, "20 %", 11760, date(2018, 3, 19),
     "oui", "oui", "oui", "oui", 5, "Excellente connaissance des acteurs.", 4.5, None, 4, None],
    ["Atelier Matières Vives (SCIC)", 3, 450, 20, "20 %", None, datetime(2018, 3, 23, 17, 30),
     "oui", "oui", "oui", "oui", 4, None, 3.5, None, 4, None],
    ["Échelle Habitat (SCOP)", 3, 500, 20, "5,5 %", None, date(2018, 3, 22),
     "oui", "oui", "oui", "oui", 4, None, 3.5, None, 4.5, None],
    ["Association Trame Solidaire", 1, 420, 18, "exonéré", None, date(2018, 3, 15),
     "oui", "oui", "oui", "non", 4, None, 3.5, None, 4, None],
]  # fmt: skip


def fill(
    data: bytes, rows: list[list[object]], path: Path, marks: list[list[object]] | None = None
) -> Path:
    """Type the rows into the template's sheets, as a buyer would, and save it."""
    book = sheets(data)
    for values in rows:
        book["offers"].append(values)
    for values in marks or []:
        book["marks"].append(values)
    book.save(path)
    return path


def test_a_filled_template_validates_and_scores(config: Config, tmp_path: Path) -> None:
    offers = fill(build_template(config), ROWS, tmp_path / "offers.xlsx")
    report = api.validate(LOTS, CRITERIA, offers)
    assert report.problems == ()
    evaluation = api.score(LOTS, CRITERIA, offers)
    lot3 = next(lot for lot in evaluation.lots if lot.lot.id == 3)
    # Prices are compared TTC (criteria.yaml): Échelle Habitat at 5,5 % is 10000 × 1.055 =
    # 10550.00 TTC, the lowest, against 450 × 20 × 1.2 = 10800.00 and 11760 × 1.2 = 14112.00.
    # Échelle 24 + 21 + 18 + 20 = 83; Atelier 24 + 21 + 16 + 20 × 10550/10800 = 61 + 1055/54
    # = 4349/54 (80.54): Échelle now comes before Atelier (HT, they tied at 81).
    assert [r.candidate for r in lot3.ranked] == [
        "Les Bâtisseurs Solidaires (SCOP)",
        "Échelle Habitat (SCOP)",
        "Atelier Matières Vives (SCIC)",
    ]
    first = lot3.ranked[0]
    # context 30 × 5/5 = 30; technical 30 × 4.5/5 = 27; competence 20 × 4/5 = 16;
    # price 20 × Pmin/P = 20 × 10550/14112 = 211000/14112 = 26375/1764 (14.95);
    # total 73 + 26375/1764 = 155147/1764 (87.95)
    assert first.price_ht == Decimal("11760.00")
    assert first.price_ttc == Decimal("14112.00")
    assert dict(first.points) == {
        "context": 30, "technical": 27, "competence": 16, "price": Fraction(26375, 1764),
    }  # fmt: skip
    assert first.total == Fraction(155147, 1764)
    assert first.offer.comments["context"] == "Excellente connaissance des acteurs."
    assert lot3.ranked[1].price_ttc == Decimal("10550.00")
    assert lot3.ranked[1].total == 83
    assert lot3.ranked[2].total == Fraction(4349, 54)
    lot1 = next(lot for lot in evaluation.lots if lot.lot.id == 1)
    # exonéré: TTC = HT; no proposition_financiere: incomplete (L2152-2)
    (trame,) = lot1.offers
    assert (trame.price_ht, trame.price_ttc, trame.status.value) == (
        Decimal("7560.00"),
        Decimal("7560.00"),
        "incomplete",
    )


def test_several_evaluators_fill_the_marks_sheet(config: Config, tmp_path: Path) -> None:
    data = build_template(config, ["Anne", "Bruno"])
    book = sheets(data)
    assert book.sheetnames == ["offers", "marks", "lisez-moi", "listes"]
    # no mark columns; the jury's decisions stay in the offers sheet
    assert [cell.value for cell in book["offers"][1]] == OFFER_HEADERS + JURY_HEADERS
    ws = book["marks"]
    headers = [str(cell.value) for cell in ws[1]]
    assert headers == ["Candidat", "N° lot", "Critère", "Évaluateur", "Note", "Commentaire"]
    names = {normalise(alias): name for name, aliases in MARKS_COLUMNS.items() for alias in aliases}
    assert [names[normalise(h)] for h in headers] == list(MARKS_COLUMNS)[:6]  # no variant, round
    assert ws.freeze_panes == "A2"
    found = validations(ws)
    last = LAST_MARK_ROW
    expect(found[f"A2:A{last}"], "list", f"offers!$A$2:$A${LAST_ROW}")  # offers' candidates
    expect(found[f"B2:B{last}"], "list", '"1,2,3,4"')
    # the criteria as the offers sheet heads them: their short labels
    expect(found[f"C2:C{last}"], "list", '"Contexte,Technique,Compétence"')
    expect(found[f"D2:D{last}"], "list", '"Anne,Bruno"')
    expect(found[f"E2:E{last}"], "decimal", "0", "5", "between")
    expect(found[f"F2:F{last}"], None)
    assert len(found) == 6
    lisez_moi = " ".join(str(c.value) for c in book["lisez-moi"]["A"] if c.value)
    assert "feuille marks" in lisez_moi
    assert "(Anne, Bruno)" in lisez_moi

    offers_rows = [row[:11] for row in ROWS[:3]]
    marks: list[list[object]] = []
    given = {  # (Anne, Bruno) for context, technical, competence
        "Les Bâtisseurs Solidaires (SCOP)": ((5, 4), (4.5, 4.5), (4, 3.5)),
        "Atelier Matières Vives (SCIC)": ((4, 4), (3.5, 3), (4, 4)),
        "Échelle Habitat (SCOP)": ((4, 3), (3.5, 4), (4.5, 4.5)),
    }
    for candidate, by_criterion in given.items():
        for criterion, pair in zip(  # as the list offers them
            ("Contexte", "Technique", "Compétence"), by_criterion, strict=True
        ):
            for evaluator, mark in zip(("Anne", "Bruno"), pair, strict=True):
                marks.append([candidate, 3, criterion, evaluator, mark, None])
    marks[0][5] = "Très solide"  # Anne on the Bâtisseurs' context
    offers = fill(data, offers_rows, tmp_path / "offers.xlsx", marks)
    assert api.validate(LOTS, CRITERIA, offers).problems == ()
    lot3 = next(lot for lot in api.score(LOTS, CRITERIA, offers).lots if lot.lot.id == 3)
    first = next(r for r in lot3.ranked if r.candidate.startswith("Les Bâtisseurs"))
    # context: mean(5, 4) = 9/2 → 30 × 9/2 / 5 = 27; technical 4.5 → 27;
    # competence mean(4, 3.5) = 15/4 → 20 × 15/4 / 5 = 15; price on TTC, Pmin the 5,5 % offer:
    # 20 × 10550/14112 = 26375/1764
    assert first.offer.marks["context"] == Fraction(9, 2)
    assert dict(first.offer.evaluator_marks["context"]) == {"Anne": 5, "Bruno": 4}
    assert first.points["context"] == 27
    assert first.points["competence"] == 15
    assert first.total == 27 + 27 + 15 + Fraction(26375, 1764)
    assert first.offer.comments["context"] == "Anne : Très solide"


def test_evaluator_names_must_be_distinct_and_present(config: Config) -> None:
    with pytest.raises(ReferentError) as empty:
        build_template(config, ["Anne", " "])
    assert empty.value.code == "bad-evaluators"
    for names in (["Chloé", "chloe"], ["Anne", "Anne"]):
        with pytest.raises(ReferentError) as twice:
            build_template(config, names)
        assert twice.value.code == "bad-evaluators"


def test_long_or_odd_lists_go_to_a_hidden_sheet(tmp_path: Path) -> None:
    lots = tmp_path / "lots.yaml"
    lots.write_text(
        "consultation: {title: '=HYPERLINK(\"x\")', deadline: 2018-03-23 12:00}\nlots:\n"
        + "".join(f"  - {{id: {n}, title: Lot {n}, cap_ht: 1000}}\n" for n in range(1, 121)),
        encoding="utf-8",
    )
    (tmp_path / "criteria.yaml").write_text(CRITERIA.read_text(encoding="utf-8"), "utf-8")
    config = load_config(lots, tmp_path / "criteria.yaml")
    data = build_template(config, ["Anne", 'Bruno "le juge"'])
    book = sheets(data)
    assert book.sheetnames == ["offers", "marks", "lisez-moi", "listes"]
    hidden = book["listes"]
    assert hidden.sheet_state == "hidden"
    # "1,2,...,120" is 371 characters, more than the 255 Excel allows inline
    assert validations(book["offers"])[f"B2:B{LAST_ROW}"].formula1 == "listes!$A$1:$A$120"
    assert [hidden.cell(row=n, column=1).value for n in (1, 120)] == ["1", "120"]
    # the same list serves the marks sheet; the VAT rates (5,5 % has a comma) come next; a
    # name with a quote cannot be inlined
    assert validations(book["marks"])[f"B2:B{LAST_MARK_ROW}"].formula1 == "listes!$A$1:$A$120"
    assert validations(book["offers"])[f"E2:E{LAST_ROW}"].formula1 == "listes!$B$1:$B$5"
    assert validations(book["marks"])[f"D2:D{LAST_MARK_ROW}"].formula1 == "listes!$C$1:$C$2"
    assert [hidden["C1"].value, hidden["C2"].value] == ["Anne", 'Bruno "le juge"']
    assert hidden.max_column == 3
    # the deadline has a time: the reception column shows it
    assert book["offers"].column_dimensions["G"].number_format == "DD/MM/YYYY HH:MM"
    # a title that looks like a formula stays text
    title = book["lisez-moi"]["A1"]
    assert (title.value, title.data_type) == ('Classeur des offres — =HYPERLINK("x")', "s")
    offers = tmp_path / "offers.xlsx"
    offers.write_bytes(data)
    assert [p.code for p in api.validate(lots, None, offers).problems] == ["no-offers"]


def test_the_workbook_is_french_whatever_the_language(config: Config) -> None:
    with i18n.language("en"):
        english_run = build_template(config)
    with i18n.language("fr"):
        french_run = build_template(config)
    assert english_run == french_run
    lot = validations(sheets(english_run)["offers"])[f"B2:B{LAST_ROW}"]
    assert (lot.promptTitle, lot.errorTitle) == ("N° du lot", "Saisie refusée")
    assert lot.error == (
        "Ce lot n'existe pas dans lots.yaml (lots 1 à 4) : choisissez-le dans la liste."
    )


# ---- referent template: writing the workbook -------------------------------------------------


def test_write_template_never_replaces_a_workbook_holding_offers(
    config: Config, tmp_path: Path
) -> None:
    path = tmp_path / "offers.xlsx"
    write_template(path, config)
    assert path.read_bytes() == build_template(config)
    with pytest.raises(ReferentError) as exists:  # an empty template: replaced only with force
        write_template(path, config, ["Anne"])
    assert exists.value.code == "output-exists"
    write_template(path, config, ["Anne"], force=True)
    assert sheets(path.read_bytes()).sheetnames == ["offers", "marks", "lisez-moi", "listes"]

    fill(path.read_bytes(), [row[:11] for row in ROWS[:2]], path)  # two offers typed in
    typed = path.read_bytes()
    with pytest.raises(ReferentError) as refused:
        write_template(path, config, force=True)
    assert refused.value.code == "output-holds-offers"
    assert refused.value.lines == (
        f"{path}: holds 2 offer rows; referent template --update regenerates it keeping every "
        "offer and mark typed (the previous file is kept beside it as a backup) "
        "[output-holds-offers]",
    )
    assert path.read_bytes() == typed  # nothing lost

    path.write_bytes(b"")  # an empty file holds no offers: --force rules
    write_template(path, config, force=True)
    assert path.read_bytes() == build_template(config)


def test_each_decision_of_the_dropdown_is_read_by_the_tool(config: Config, tmp_path: Path) -> None:
    """The jury picks each word of the template's list, and writes its reason beside it."""
    data = build_template(config)
    found = validations(sheets(data)["offers"])[f"R2:R{LAST_ROW}"]
    words = str(found.formula1).strip('"').split(",")
    assert words == ["irrégulière", "inacceptable", "inappropriée"]
    rows = [
        [*row, word, "Motif écrit par le jury."] for row, word in zip(ROWS[:3], words, strict=True)
    ]
    offers = fill(data, rows, tmp_path / "offers.xlsx")
    assert api.validate(LOTS, CRITERIA, offers).problems == ()
    lot3 = next(lot for lot in api.score(LOTS, CRITERIA, offers).lots if lot.lot.id == 3)
    assert {r.candidate: r.status for r in lot3.offers} == {
        "Les Bâtisseurs Solidaires (SCOP)": Status.IRREGULAR,
        "Atelier Matières Vives (SCIC)": Status.UNACCEPTABLE,
        "Échelle Habitat (SCOP)": Status.INAPPROPRIATE,
    }
    assert lot3.ranked == ()
    lisez_moi = " ".join(str(c.value) for c in sheets(data)["lisez-moi"]["A"] if c.value)
    assert "• Décision du jury et Motif de la décision (facultatifs)" in lisez_moi
    assert "referent enregistre la décision du jury, il ne la prend pas" in lisez_moi


# ---- characters an .xlsx cannot hold (issue 12) ------------------------------------------------

UNWRITABLE = ["\x01", "\x1b", "\ud800", "\ufffe", "\uffff"]


@pytest.mark.parametrize("character", UNWRITABLE, ids=lambda c: f"U+{ord(c):04X}")
def test_unwritable_characters_in_names_give_a_well_formed_workbook(
    tmp_path: Path, character: str
) -> None:
    """Evaluators' names (from the command line) and the texts of lots.yaml reach the cells,
    the comments and the data validations' lists: each part must still be well-formed XML."""
    from xml.dom import minidom

    escaped = f"\\u{ord(character):04X}"
    lots = tmp_path / "lots.yaml"
    lots.write_text(
        f'consultation: {{title: "T{escaped}"}}\n'
        f'lots: [{{id: 1, title: "Lot {escaped} un", cap_ht: 5}}]\n',
        encoding="utf-8",
    )
    criteria = tmp_path / "criteria.yaml"
    criteria.write_text(
        f'criteria:\n  - {{id: quality, label: "Q{escaped}", weight: 60}}\n'
        "  - {id: price, label: P, weight: 40, price: {formula: proportional}}\n",
        encoding="utf-8",
    )
    data = build_template(load_config(lots, criteria), [f"An{character}ne", "Bruno"])
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    for name, content in parts.items():
        if name.endswith((".xml", ".rels")):
            minidom.parseString(content)  # raises on a character XML forbids
            assert character.encode("utf-8", "surrogatepass") not in content
    text = b"".join(parts.values()).decode("utf-8")
    assert "An\ufffdne" in text  # replaced, not dropped: two names never become one
