"""The jury's decision in the offers sheet: the words accepted, and every problem at its cell.

The test consultation (conftest.py) has lots 1 and 2, one required document ``cv`` and one
marked criterion ``quality``. The two jury columns come last: H « Décision du jury », I « Motif
de la décision ». Every expected word, cell and message is typed by hand.
"""

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from referent_ess import i18n
from referent_ess.base.values import BadValue
from referent_ess.config.loader import load_config
from referent_ess.config.model import Config
from referent_ess.intake.jury import Decision, parse_decision
from referent_ess.intake.offer import OfferBook
from referent_ess.intake.offers import load_offers
from referent_ess.problems.problem import Severity

HEADER = ["candidate", "lot", "day_rate_ht", "days", "vat_rate", "cv", "quality"]
JURY = [*HEADER, "Décision du jury", "Motif de la décision"]  # H and I
REASON = "Le mémoire technique décrit une autre prestation."

IRREGULAR, UNACCEPTABLE, INAPPROPRIATE = (
    Decision.IRREGULAR,
    Decision.UNACCEPTABLE,
    Decision.INAPPROPRIATE,
)


@pytest.fixture
def config(make_config: Callable[..., tuple[Path, Path]]) -> Config:
    return load_config(*make_config())


@pytest.fixture
def read(make_workbook: Callable[..., Path], config: Config) -> Callable[..., OfferBook]:
    def read_rows(rows: Sequence[Sequence[Any]], header: Sequence[Any] = JURY) -> OfferBook:
        return load_offers(make_workbook(rows, header), config)

    return read_rows


def row(decision: object = None, reason: object = None, name: str = "Alpha") -> list[object]:
    return [name, 1, 450, 10, 0.2, "oui", 4, decision, reason]


# ---- the words --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "decision"),
    [
        ("irrégulière", IRREGULAR),
        ("irreguliere", IRREGULAR),
        ("Irrégulier", IRREGULAR),
        ("IRRÉGULIÈRES", IRREGULAR),
        ("irréguliers", IRREGULAR),
        ("Offre irrégulière", IRREGULAR),
        ("  offre  irrégulière. ", IRREGULAR),
        ("irregular", IRREGULAR),
        ("inacceptable", UNACCEPTABLE),
        ("Offres inacceptables", UNACCEPTABLE),
        ("INACCEPTABLE", UNACCEPTABLE),
        ("unacceptable", UNACCEPTABLE),
        ("inappropriée", INAPPROPRIATE),
        ("Inapproprié", INAPPROPRIATE),
        ("inappropriees", INAPPROPRIATE),
        ("INAPPROPRIÉS", INAPPROPRIATE),
        ("Offre inappropriée", INAPPROPRIATE),
        ("offer inappropriate", INAPPROPRIATE),
        ("Inappropriate", INAPPROPRIATE),
    ],
)
def test_every_spelling_a_buyer_types_is_read(typed: str, decision: Decision) -> None:
    assert parse_decision(typed) is decision


@pytest.mark.parametrize(
    ("typed", "found"),
    [
        ("rejetée", "'rejetée'"),
        ("irrégulièrement", "'irrégulièrement'"),
        ("non conforme", "'non conforme'"),
        ("offre", "'offre'"),
        ("admissible", "'admissible'"),
        (3, "3"),
        (True, "True"),
    ],
)
def test_anything_else_is_refused_with_what_was_found(typed: object, found: str) -> None:
    with pytest.raises(BadValue) as refused:
        parse_decision(typed)
    assert (refused.value.code, refused.value.params) == ("bad-jury-decision", (("found", found),))


_WORDS = {
    IRREGULAR: ["irrégulière", "irrégulier", "irrégulières", "irréguliers", "irregular"],
    UNACCEPTABLE: ["inacceptable", "inacceptables", "unacceptable"],
    INAPPROPRIATE: [
        "inappropriée",
        "inapproprié",
        "inappropriées",
        "inappropriés",
        "inappropriate",
    ],
}


@settings(deadline=None)
@given(
    decision=st.sampled_from(list(Decision)),
    pick=st.integers(min_value=0, max_value=4),
    case=st.lists(st.booleans(), min_size=20, max_size=20),
    lead=st.sampled_from(["", "offre ", "Offre ", "OFFRE ", "offer "]),
    strip_accents=st.booleans(),
)
def test_case_accents_and_the_word_offre_never_change_the_decision(
    decision: Decision, pick: int, case: list[bool], lead: str, strip_accents: bool
) -> None:
    words = _WORDS[decision]
    word = words[pick % len(words)]
    if strip_accents:
        word = word.replace("é", "e").replace("è", "e")
    typed = "".join(c.upper() if up else c for c, up in zip(word, case, strict=False))
    typed += word[len(typed) :]
    assert parse_decision(lead + typed) is decision


# ---- in the sheet ---------------------------------------------------------------------------


def found(book: OfferBook) -> list[tuple[str, str | None, str | None, Severity]]:
    return [(p.code, p.cell, p.field, p.severity) for p in book.problems]


def test_a_decision_and_its_reason_are_read_from_their_columns(
    read: Callable[..., OfferBook],
) -> None:
    book = read([row("Offre inappropriée", f"  {REASON}  "), row(name="Beta")])
    first, second = book.offers
    assert (first.jury_decision, first.jury_reason) == (INAPPROPRIATE, REASON)
    assert (first.cells["jury_decision"], first.cells["jury_reason"]) == ("H2", "I2")
    assert (second.jury_decision, second.jury_reason) == (None, None)  # empty: no decision
    assert book.problems == ()


def test_the_headers_aliases_are_recognised(read: Callable[..., OfferBook]) -> None:
    book = read([row("inacceptable", REASON)], [*HEADER, "décision", "motif"])
    assert (book.offers[0].jury_decision, book.offers[0].jury_reason) == (UNACCEPTABLE, REASON)
    book = read([row("irregular", REASON)], [*HEADER, "jury_decision", "jury_reason"])
    assert (book.offers[0].jury_decision, book.offers[0].jury_reason) == (IRREGULAR, REASON)
    assert book.problems == ()


def test_an_unknown_word_is_an_error_at_its_cell_listing_the_words(
    read: Callable[..., OfferBook],
) -> None:
    book = read([row(name="Alpha"), row("rejetée", REASON, name="Beta")])
    assert found(book) == [("bad-jury-decision", "H3", "jury_decision", Severity.ERROR)]
    (problem,) = book.problems
    assert problem.message == (
        "found 'rejetée', expected the jury's decision: irrégulière, inacceptable or "
        "inappropriée (or irregular, unacceptable, inappropriate); leave the cell empty when the "
        "jury decided nothing"
    )
    assert i18n.message(problem.code, problem.params, lang="fr") == (
        "la cellule contient 'rejetée' : la décision du jury s'écrit irrégulière, inacceptable "
        "ou inappropriée ; laissez la cellule vide si le jury n'a rien décidé"
    )
    assert book.offers[1].jury_decision is None
    # the reason is kept, and no second problem says it has no decision: the cell above is wrong
    assert book.offers[1].jury_reason == REASON


def test_a_decision_without_its_reason_is_an_error_in_the_reasons_cell(
    read: Callable[..., OfferBook],
) -> None:
    book = read([row("irrégulière", None), row("inappropriée", "   ", name="Beta")])
    assert found(book) == [
        ("jury-reason-missing", "I2", "jury_reason", Severity.ERROR),
        ("jury-reason-missing", "I3", "jury_reason", Severity.ERROR),
    ]
    first = book.problems[0]
    assert first.message == (
        "the jury declared the offer irregular (H2) without a reason: write it in this cell; the "
        "letter to the candidate must state it"
    )
    assert i18n.message(first.code, first.params, lang="fr") == (
        "le jury a déclaré l'offre irrégulière (H2) sans en donner le motif : écrivez-le dans "
        "cette cellule ; la lettre au candidat doit l'indiquer"
    )
    assert (
        "offers.xlsx : offers!I3 : Motif de la décision : le jury a déclaré l'offre "
        "inappropriée (H3)" in (book.problems[1].line_in("fr", book.headings))
    )


def test_without_a_reason_column_the_error_is_at_the_decision(
    read: Callable[..., OfferBook],
) -> None:
    book = read([["Alpha", 1, 450, 10, 0.2, "oui", 4, "inacceptable"]], JURY[:-1])
    assert found(book) == [("jury-reason-missing", "H2", "jury_decision", Severity.ERROR)]
    (problem,) = book.problems
    assert problem.message == (
        "the jury declared the offer unacceptable without a reason: add a column 'Motif de la "
        "décision' and write the reason there; the letter to the candidate must state it"
    )
    assert i18n.message(problem.code, problem.params, lang="fr") == (
        "le jury a déclaré l'offre inacceptable sans en donner le motif : ajoutez une colonne "
        "« Motif de la décision » et écrivez-y le motif ; la lettre au candidat doit l'indiquer"
    )


def test_a_reason_without_a_decision_is_a_warning(read: Callable[..., OfferBook]) -> None:
    book = read([row(None, "régularisée le 12/04")])
    assert found(book) == [("jury-reason-alone", "I2", "jury_reason", Severity.WARNING)]
    assert book.offers[0].jury_decision is None
    assert book.errors == ()
    # a sheet with only a reason column: the same
    book = read([["Alpha", 1, 450, 10, 0.2, "oui", 4, "vu"]], [*HEADER, "Motif de la décision"])
    assert found(book) == [("jury-reason-alone", "H2", "jury_reason", Severity.WARNING)]


def test_every_problem_of_the_jury_columns_is_reported_at_once(
    read: Callable[..., OfferBook],
) -> None:
    book = read(
        [
            row("oui", REASON, name="Alpha"),
            row("inappropriée", None, name="Beta"),
            row(None, REASON, name="Gamma"),
            row("irrégulière", REASON, name="Delta"),
        ]
    )
    assert found(book) == [
        ("bad-jury-decision", "H2", "jury_decision", Severity.ERROR),
        ("jury-reason-missing", "I3", "jury_reason", Severity.ERROR),
        ("jury-reason-alone", "I4", "jury_reason", Severity.WARNING),
    ]


def test_a_decision_column_in_the_marks_sheet_is_a_warning_not_lost_silently(
    tmp_path: Path, config: Config
) -> None:
    workbook = openpyxl.Workbook()
    offers = workbook.active
    assert offers is not None
    offers.title = "offers"
    offers.append(HEADER[:-1])
    offers.append(["Alpha", 1, 450, 10, 0.2, "oui"])
    marks = workbook.create_sheet("marks")
    marks.append(["Candidat", "Lot", "Critère", "Évaluateur", "Note", "Décision du jury"])
    marks.append(["Alpha", 1, "quality", "Anne", 4, "inappropriée"])
    path = tmp_path / "offers.xlsx"
    workbook.save(path)
    book = load_offers(path, config)
    problems = [(p.code, p.sheet, p.cell, p.severity) for p in book.problems]
    assert problems == [("jury-column-in-marks", "marks", "F1", Severity.WARNING)]
    assert book.problems[0].message == (
        "the column 'Décision du jury' is ignored: the jury's decisions and their reasons are "
        "read from the offers sheet only; write them on the offer's row there"
    )
    assert book.offers[0].jury_decision is None
    assert book.offers[0].marks == {"quality": 4}
