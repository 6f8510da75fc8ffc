"""``write_template``: the offers template written to a file, never over a workbook that holds
offers (even with ``force``: typed offers are never lost)."""

import shutil
from pathlib import Path

import pytest

from referent_ess.config.consultation import load_config
from referent_ess.problems.errors import ReferentError
from referent_ess.scaffold.template import build_template, write_template

ROOT = Path(__file__).resolve().parents[2]
LOTS = ROOT / "lots.yaml"
CRITERIA = ROOT / "criteria.yaml"
WORKBOOK = ROOT / "examples" / "offers-2018.xlsx"  # 14 offer rows


def test_the_written_file_is_the_built_template(tmp_path: Path) -> None:
    config = load_config(LOTS, CRITERIA)
    out = tmp_path / "offers.xlsx"
    write_template(out, config, ["Anne", "Bruno"], inputs=[LOTS, CRITERIA])
    assert out.read_bytes() == build_template(config, ["Anne", "Bruno"])
    with pytest.raises(ReferentError) as caught:
        write_template(out, config)
    assert caught.value.lines == (
        f"{out}: already exists; pass --force to replace it [output-exists]",
    )
    write_template(out, config, force=True)  # a template holds no offer: force replaces it
    assert out.read_bytes() == build_template(config)


def test_a_workbook_holding_offers_is_never_replaced(tmp_path: Path) -> None:
    filled = tmp_path / "offers.xlsx"
    shutil.copyfile(WORKBOOK, filled)
    with pytest.raises(ReferentError) as caught:
        write_template(filled, load_config(LOTS, CRITERIA), force=True)
    assert caught.value.lines == (
        f"{filled}: holds 14 offer row(s); write the template to another file (--out new.xlsx) "
        "and copy the offers across, so that nothing typed is lost [output-holds-offers]",
    )
    assert filled.read_bytes() == WORKBOOK.read_bytes()


def test_the_configuration_files_are_never_replaced(tmp_path: Path) -> None:
    lots = tmp_path / "lots.yaml"
    shutil.copyfile(LOTS, lots)
    shutil.copyfile(CRITERIA, tmp_path / "criteria.yaml")
    config = load_config(lots, tmp_path / "criteria.yaml")
    with pytest.raises(ReferentError) as caught:
        write_template(lots, config, inputs=[lots, tmp_path / "criteria.yaml"], force=True)
    assert caught.value.lines == (
        f"{lots}: is an input of this run ({lots}); refusing to write over it [output-is-input]",
    )
    assert lots.read_bytes() == LOTS.read_bytes()
