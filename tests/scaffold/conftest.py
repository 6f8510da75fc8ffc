"""The example consultation, which most template tests build the workbook of."""

from pathlib import Path

import pytest

from referent_ess.config.loader import load_config
from referent_ess.config.model import Config

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def config() -> Config:
    return load_config(ROOT / "lots.yaml", ROOT / "criteria.yaml")
