"""``template --update``: a filled workbook regenerated for a changed configuration keeps every
typed offer and mark; the columns the configuration no longer has are listed and kept in the
backup, which is the previous file byte for byte.

Every expected value below is the value typed in the test, written again by hand.
"""

from datetime import datetime
from pathlib import Path

import openpyxl
import pytest

from referent_ess import i18n
from referent_ess.config.loader import load_config
from referent_ess.problems.errors import ReferentError
from referent_ess.scaffold import update_template, write_template

LOTS = """\
consultation:
  title: Mise à jour
  deadline: 2026-03-23
  vat_rate: 0.20
  required_documents: [cv, kbis]
lots:
  - {id: 1, title: Un, cap_ht: 10000}
  - {id: 2, title: Deux, cap_ht: 5000}
"""
CRITERIA = """\
criteria:
  - {{id: {first}, label: {label}, weight: 60}}
  - {{id: price, label: Prix, weight: 40, price: {{formula: proportional}}}}
"""
NOW = datetime(2026, 12, 7, 21, 50, 1)


def _config(
    tmp_path: Path,
    *,
    first: str = "qualite",
    label: str = "Qualité",
    documents: str = "[cv, kbis]",
) -> object:
    lots = tmp_path / "lots.yaml"
    criteria = tmp_path / "criteria.yaml"
    lots.write_text(LOTS.replace("[cv, kbis]", documents), encoding="utf-8")
    criteria.write_text(CRITERIA.format(first=first, label=label), encoding="utf-8")
    return load_config(lots, criteria)


def _headers(path: Path, sheet: str = "offers") -> list[object]:
    ws = openpyxl.load_workbook(path)[sheet]
    return [c.value for c in ws[1] if c.value is not None]


def _fill(path: Path, rows: dict[int, dict[str, object]], sheet: str = "offers") -> None:
    """Type ``rows`` (row number → header → value) into the template, as a buyer would."""
    book = openpyxl.load_workbook(path)
    ws = book[sheet]
    index = {c.value: c.column for c in ws[1] if c.value is not None}
    for row, values in rows.items():
        for header, value in values.items():
            ws.cell(row=row, column=index[header], value=value)
    book.save(path)


def _read(path: Path, sheet: str = "offers") -> dict[int, dict[str, object]]:
    ws = openpyxl.load_workbook(path)[sheet]
    headers = [c.value for c in ws[1]]
    found: dict[int, dict[str, object]] = {}
    for row in ws.iter_rows(min_row=2):
        for header, cell in zip(headers, row, strict=False):
            if cell.value is not None:
                found.setdefault(cell.row, {})[str(header)] = cell.value
    return found


def test_a_filled_workbook_keeps_every_value_when_the_criteria_change(tmp_path: Path) -> None:
    book = tmp_path / "offers.xlsx"
    write_template(book, _config(tmp_path))
    assert _headers(book)[7:] == [
        "cv", "kbis", "Qualité", "Qualité commentaire", "Décision du jury", "Motif de la décision"
    ]  # fmt: skip
    typed = {
        2: {"Candidat": "Alpha", "N° lot": 1, "Coût journalier HT": 450.5, "Nombre de jours": 10,
            "Taux de TVA": "20 %", "Date de réception": datetime(2026, 3, 20, 17, 30),
            "cv": "oui", "kbis": "non", "Qualité": 4, "Qualité commentaire": "=bien"},
        3: {"Candidat": "Béta", "N° lot": 2, "Coût journalier HT": 300, "Nombre de jours": 7.5,
            "cv": "oui", "kbis": "oui", "Qualité": 3.5},
        7: {"Candidat": "Gamma", "N° lot": 1, "Montant HT": 4200, "cv": "non",
            "Décision du jury": "irrégulière", "Motif de la décision": "pièce manquante"},
    }  # fmt: skip
    _fill(book, typed)
    before = book.read_bytes()

    # the criterion « Qualité » becomes « Valeur technique », and kbis is no longer required
    config = _config(tmp_path, first="technique", label="Valeur technique", documents="[cv]")
    done = update_template(book, config, now=NOW)

    backup = tmp_path / "offers.sauvegarde-20261207-215001.xlsx"
    assert done.backup == backup
    assert backup.read_bytes() == before  # the previous file, untouched
    assert (done.offer_rows, done.mark_rows) == (3, 0)
    assert _headers(book)[7:] == [
        "cv", "Valeur technique", "Valeur technique commentaire", "Décision du jury",
        "Motif de la décision",
    ]  # fmt: skip
    kept = {
        2: {"Candidat": "Alpha", "N° lot": 1, "Coût journalier HT": 450.5, "Nombre de jours": 10,
            "Taux de TVA": "20 %", "Date de réception": datetime(2026, 3, 20, 17, 30),
            "cv": "oui"},
        3: {"Candidat": "Béta", "N° lot": 2, "Coût journalier HT": 300, "Nombre de jours": 7.5,
            "cv": "oui"},
        7: {"Candidat": "Gamma", "N° lot": 1, "Montant HT": 4200, "cv": "non",
            "Décision du jury": "irrégulière", "Motif de la décision": "pièce manquante"},
    }  # fmt: skip
    assert _read(book) == kept  # the new columns (technique) empty, every row on its row
    dropped = [(p.code, p.cell, dict(p.params)) for p in done.dropped]
    assert dropped == [
        ("update-column-dropped", "I1", {"form": "many", "header": "'kbis'", "cells": "2"}),
        ("update-column-dropped", "J1", {"form": "many", "header": "'Qualité'", "cells": "2"}),
        (
            "update-column-dropped",
            "K1",
            {"form": "one", "header": "'Qualité commentaire'", "cells": "1"},
        ),
    ]


def test_dropped_columns_are_said_in_words(tmp_path: Path) -> None:
    book = tmp_path / "offers.xlsx"
    write_template(book, _config(tmp_path))
    _fill(book, {2: {"Candidat": "Alpha", "N° lot": 1, "kbis": "oui"}, 3: {"kbis": "non"}})
    done = update_template(book, _config(tmp_path, documents="[cv]"), now=NOW)
    english = [i18n.message(p.code, p.params, lang="en") for p in done.dropped]
    assert english == [
        "the column 'kbis' is not in the new template (the configuration no longer has it); its "
        "2 filled cells are in the backup"
    ]
    french = [i18n.message(p.code, p.params, lang="fr") for p in done.dropped]
    assert french == [
        "la colonne 'kbis' ne figure plus dans le modèle (la configuration ne la prévoit plus) ; "
        "ses 2 cellules remplies sont conservées dans la sauvegarde"
    ]


def test_headers_spelled_otherwise_are_carried_to_their_column(tmp_path: Path) -> None:
    # a workbook typed by hand, its own spellings and column order, and a sheet of notes
    book = tmp_path / "offers.xlsx"
    workbook = openpyxl.Workbook()
    ws = workbook.active
    assert ws is not None
    ws.title = "Offres"
    ws.append(["QUALITE", "lot", "candidate", "day_rate_ht", "days", "CV", "Remarques"])
    ws.append([4, "Lot 2", "Delta", 500, 3, "x", "à revoir"])
    workbook.create_sheet("notes").append(["réunion du 3 mars"])
    workbook.save(book)
    done = update_template(book, _config(tmp_path), now=NOW)
    assert _read(book) == {
        2: {"Candidat": "Delta", "N° lot": "Lot 2", "Coût journalier HT": 500,
            "Nombre de jours": 3, "cv": "x", "Qualité": 4}
    }  # fmt: skip
    assert [(p.code, p.cell, dict(p.params).get("header")) for p in done.dropped] == [
        ("update-column-dropped", "G1", "'Remarques'"),
        ("update-sheet-dropped", None, None),
    ]
    assert dict(done.dropped[1].params) == {"name": "'notes'"}


def test_a_marks_sheet_keeps_its_marks_and_its_evaluators(tmp_path: Path) -> None:
    book = tmp_path / "offers.xlsx"
    write_template(book, _config(tmp_path), ["Anne", "Bruno"])
    _fill(book, {2: {"Candidat": "Alpha", "N° lot": 1, "cv": "oui"}})
    marks = {
        2: {"Candidat": "Alpha", "N° lot": 1, "Critère": "qualite", "Évaluateur": "Anne",
            "Note": 4, "Commentaire": "clair"},
        3: {"Candidat": "Alpha", "N° lot": 1, "Critère": "qualite", "Évaluateur": "Bruno",
            "Note": 3},
    }  # fmt: skip
    _fill(book, marks, "marks")
    done = update_template(book, _config(tmp_path, documents="[cv]"), now=NOW)
    assert (done.offer_rows, done.mark_rows) == (1, 2)
    assert _read(book, "marks") == marks
    # the evaluators' list of the marks sheet is the previous one
    validations = openpyxl.load_workbook(book)["marks"].data_validations.dataValidation
    assert any(v.formula1 == '"Anne,Bruno"' for v in validations)


@pytest.mark.parametrize("name", ["missing.xlsx", "folder"])
def test_nothing_to_update_is_one_error(tmp_path: Path, name: str) -> None:
    (tmp_path / "folder").mkdir()
    with pytest.raises(ReferentError) as caught:
        update_template(tmp_path / name, _config(tmp_path))
    expected = "update-no-workbook" if name == "missing.xlsx" else "output-is-folder"
    assert caught.value.code == expected


def test_a_hostile_workbook_is_refused_before_anything_is_written(tmp_path: Path) -> None:
    book = tmp_path / "offers.xlsx"
    book.write_bytes(b"PK\x03\x04 not really a zip")
    with pytest.raises(ReferentError):
        update_template(book, _config(tmp_path), now=NOW)
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "criteria.yaml",
        "lots.yaml",
        "offers.xlsx",
    ]


def test_a_second_update_in_the_same_second_never_replaces_a_backup(tmp_path: Path) -> None:
    book = tmp_path / "offers.xlsx"
    write_template(book, _config(tmp_path))
    _fill(book, {2: {"Candidat": "Alpha", "N° lot": 1}})
    first = update_template(book, _config(tmp_path), now=NOW)
    second = update_template(book, _config(tmp_path), now=NOW)
    assert first.backup.name == "offers.sauvegarde-20261207-215001.xlsx"
    assert second.backup.name == "offers.sauvegarde-20261207-215001-2.xlsx"
    assert _read(book) == {2: {"Candidat": "Alpha", "N° lot": 1}}


@pytest.mark.parametrize("name", ["offres.csv", "offres.CSV", "offres.txt"])
def test_a_csv_file_is_not_updated_into_a_workbook(tmp_path: Path, name: str) -> None:
    offers = tmp_path / name
    offers.write_text("candidate;lot\nAlpha;1\n", encoding="utf-8")
    with pytest.raises(ReferentError) as caught:
        update_template(offers, _config(tmp_path), now=NOW)
    assert caught.value.code == "update-not-xlsx"
    assert offers.read_text(encoding="utf-8") == "candidate;lot\nAlpha;1\n"
    assert len(list(tmp_path.iterdir())) == 3  # no backup either
