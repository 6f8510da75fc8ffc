"""``referent init``: a consultation that validates, written whole or not at all, and typed offers
never replaced."""

from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from referent_ess import api, i18n
from referent_ess.config.loader import load_config
from referent_ess.problems.errors import ReferentError
from referent_ess.scaffold.init import criteria_yaml, init_consultation, lots_yaml
from referent_ess.scaffold.offers_template import build_template

TITLE = 'Étude "test": 2026 # essai'


def test_init_writes_a_consultation_that_validates(tmp_path: Path) -> None:
    folder = tmp_path / "demo"
    before = date.today()
    written = init_consultation(folder, lots=3, title=TITLE)
    after = date.today()
    assert written == [folder / "lots.yaml", folder / "criteria.yaml", folder / "offers.xlsx"]
    config = load_config(folder / "lots.yaml", folder / "criteria.yaml")
    assert config.consultation.title == TITLE
    assert config.consultation.deadline in (before + timedelta(30), after + timedelta(30))
    assert config.consultation.vat_rate == Decimal("0.20")
    assert config.consultation.cap_basis.value == "ttc"
    assert config.consultation.required_documents == (
        "note_contexte", "chantiers", "presentation_cv", "proposition_financiere",
    )  # fmt: skip
    assert config.consultation.offers == folder / "offers.xlsx"
    assert config.consultation.abnormally_low.value == "mean-ratio"
    assert config.consultation.abnormally_low_ratio == Decimal("0.8")
    assert [(lot.id, lot.title, lot.cap_ttc, lot.cap_ht) for lot in config.lots] == [
        (n, f"Titre du lot {n} (à renommer)", Decimal(10000), Decimal("8333.33")) for n in (1, 2, 3)
    ]
    assert [(c.id, c.weight) for c in config.default_set.criteria] == [
        ("context", 30), ("technical", 30), ("competence", 20), ("price", 20),
    ]  # fmt: skip
    assert config.default_set.price_criterion.price is not None
    assert config.default_set.price_criterion.price.formula.value == "proportional"
    assert (
        config.default_set.price_criterion.price.basis.value == "ttc"
    )  # written out, and the default
    assert "      basis: ttc\n" in (folder / "criteria.yaml").read_text(encoding="utf-8")
    assert config.default_set.tie_break == ("price", "context")
    # every comment is French, and the criteria are said to be an example
    criteria_text = (folder / "criteria.yaml").read_text(encoding="utf-8")
    assert "EXEMPLE" in criteria_text
    lots_text = (folder / "lots.yaml").read_text(encoding="utf-8")
    assert "# ttc : le budget" in lots_text
    # the workbook is the template of this very configuration
    assert (folder / "offers.xlsx").read_bytes() == build_template(config)

    # Decided: a template with no offers yet is valid, with the warning no-offers (exit 0).
    report = api.validate(folder / "lots.yaml")
    assert report.errors == ()
    assert [p.code for p in report.warnings] == ["no-offers"]

    contents = {path: path.read_bytes() for path in written}
    with pytest.raises(ReferentError) as refused:
        init_consultation(folder, lots=3, title=TITLE)
    assert refused.value.code == "init-exists"
    assert len(refused.value.lines) == 3  # each existing file named
    assert {path: path.read_bytes() for path in written} == contents

    for path in written[:2]:  # the YAML files; the workbook stays a template (no offers)
        path.write_bytes(b"edited")
    deadline = config.consultation.deadline
    assert isinstance(deadline, date)
    assert init_consultation(folder, 3, TITLE, force=True, deadline=deadline) == written
    assert {path: path.read_bytes() for path in written} == contents


def test_init_refuses_when_any_one_file_exists(tmp_path: Path) -> None:
    (tmp_path / "criteria.yaml").write_bytes(b"mine")
    with pytest.raises(ReferentError) as refused:
        init_consultation(tmp_path)
    assert refused.value.code == "init-exists"
    assert refused.value.lines == (
        f"{tmp_path / 'criteria.yaml'}: already exists; pass --force to replace it, or choose "
        "another folder [init-exists]",
    )
    assert sorted(p.name for p in tmp_path.iterdir()) == ["criteria.yaml"]  # nothing else
    assert (tmp_path / "criteria.yaml").read_bytes() == b"mine"


@pytest.mark.parametrize(
    "title",
    [
        TITLE,
        "Ma consultation",
        "yes",
        "- 2018: lot # 1 'quoted' & {braces} [list] *star !tag %pct @at `tick`",
        'back\\slash "double"',
        "ligne 1\nligne 2\ttab",
        "contrôle \x01 \x7f \x85 \u2028 \ufeff fin",
        "emoji 🎉 et espace\u00a0insécable",
        "  espaces autour  ",
        "",
    ],
)
def test_init_title_round_trips_exactly(tmp_path: Path, title: str) -> None:
    init_consultation(tmp_path, lots=1, title=title, deadline=date(2026, 6, 30))
    assert (
        load_config(tmp_path / "lots.yaml", tmp_path / "criteria.yaml").consultation.title == title
    )


def test_init_needs_at_least_one_lot(tmp_path: Path) -> None:
    with pytest.raises(ReferentError) as refused:
        init_consultation(tmp_path / "demo", lots=0)
    assert refused.value.code == "init-lots"
    assert not (tmp_path / "demo").exists()


def test_init_never_replaces_a_workbook_holding_offers_even_with_force(tmp_path: Path) -> None:
    init_consultation(tmp_path, 2)
    offers = tmp_path / "offers.xlsx"
    workbook = openpyxl.load_workbook(offers)
    sheet = workbook["offers"]
    sheet.append(["Atelier", 1, 450, 20])
    sheet.append(["Coop", 2, 500, 10])
    workbook.save(offers)
    typed = offers.read_bytes()
    lots_before = (tmp_path / "lots.yaml").read_bytes()
    with pytest.raises(ReferentError) as refused:
        init_consultation(tmp_path, 2, force=True)
    assert refused.value.code == "init-holds-offers"
    assert refused.value.lines == (
        f"{offers}: holds 2 offer rows; init never replaces it, even with --force: choose "
        "another folder, or move the workbook away first [init-holds-offers]",
    )
    assert offers.read_bytes() == typed  # nothing lost
    assert (tmp_path / "lots.yaml").read_bytes() == lots_before  # nor anything else written


def test_the_refusal_to_replace_offers_reads_in_french(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from referent_ess.cli import app
    from referent_ess.i18n import CATALOGUES

    init_consultation(tmp_path, 1)
    offers = tmp_path / "offers.xlsx"
    workbook = openpyxl.load_workbook(offers)
    workbook["offers"].append(["Atelier", 1, 450, 20])
    workbook.save(offers)
    result = CliRunner().invoke(app, ["--lang", "fr", "init", str(tmp_path), "--force"])
    assert result.exit_code == 2
    assert result.stderr == (
        f"erreur : {offers} : le classeur contient une ligne d'offre ; init ne le remplace "
        "jamais, même avec --force : choisissez un autre dossier, ou déplacez d'abord le "
        "classeur [init-holds-offers]\n"
    )
    english = CATALOGUES["en"]["msg:init-holds-offers.one"].format(path=offers)
    with pytest.raises(ReferentError) as refused:
        init_consultation(tmp_path, 1, force=True)
    assert refused.value.lines == (f"{english} [init-holds-offers]",)


def test_the_lots_of_a_new_consultation_are_placeholders_to_rename() -> None:
    text = lots_yaml(2, "Essai", date(2026, 6, 30))
    assert '\n  title: "Essai"   # intitulé de la consultation\n' in text
    assert "\n  deadline: 2026-06-30   # date limite de réception des offres" in text
    assert "\n  offers: offers.xlsx   # le classeur des offres" in text
    assert text.endswith(
        "\nlots:\n"
        "  - id: 1   # numéro du lot : un entier positif, unique\n"
        '    title: "Titre du lot 1 (à renommer)"   # intitulé du lot\n'
        "    cap_ttc: 10000   # montant maximum TTC du lot (à remplacer) ; cap_ht pour le HT, "
        "ou les deux\n"
        "  - id: 2\n"
        '    title: "Titre du lot 2 (à renommer)"\n'
        "    cap_ttc: 10000\n"
    )
    assert lots_yaml(1, "Essai", date(2026, 6, 30)).endswith(", ou les deux\n")  # one lot
    with i18n.language("en"):  # French files whatever the language of the run
        assert lots_yaml(2, "Essai", date(2026, 6, 30)) == text
        assert criteria_yaml().startswith("# Critères d'attribution et pondération. EXEMPLE")


@pytest.mark.parametrize("failing", [1, 2, 3])
def test_init_writes_its_three_files_or_none(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, failing: int
) -> None:
    import errno
    import os

    real_link = os.link
    calls = 0

    def link(*args: Any, **kwargs: Any) -> None:
        nonlocal calls
        calls += 1
        if calls == failing:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        real_link(*args, **kwargs)

    monkeypatch.setattr(os, "link", link)
    folder = tmp_path / "new" / "demo"
    with pytest.raises(ReferentError) as refused:
        init_consultation(folder, 2)
    name = ("lots.yaml", "criteria.yaml", "offers.xlsx")[failing - 1]
    assert refused.value.lines == (
        f"{folder / name}: cannot be written (No space left on device) [output-unwritable]",
    )
    assert list(tmp_path.iterdir()) == []  # not a file, not even the folders made for them
