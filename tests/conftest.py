"""Shared helpers: small consultations and workbooks built in tmp_path, and a CLI runner."""

import errno
import os
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from typer.testing import CliRunner

from consultation_text import (  # noqa: F401 (re-exported for the tests that import them here)
    CRITERIA_YAML,
    HEADER,
    HIERARCHY_CRITERIA_YAML,
    LOTS_YAML,
    WorkbookMaker,
)

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(autouse=True)
def _stable_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    """Tables are compared as text: a fixed width, no colour, whatever the machine."""
    monkeypatch.setenv("COLUMNS", "120")
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("REFERENT_LANG", "en")  # English output, whatever the machine's locale
    monkeypatch.delenv("REFERENT_LOTS", raising=False)
    monkeypatch.delenv("REFERENT_CRITERIA", raising=False)


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def make_config(tmp_path: Path) -> Callable[..., tuple[Path, Path]]:
    """Write lots.yaml and criteria.yaml (the small test consultation) and return their paths."""

    def make(
        *,
        cap_basis: str = "ht",
        formula: str = "proportional",
        basis: str = "ht",
        lots_text: str | None = None,
        criteria_text: str | None = None,
    ) -> tuple[Path, Path]:
        lots = tmp_path / "lots.yaml"
        criteria = tmp_path / "criteria.yaml"
        lots.write_text(lots_text or LOTS_YAML.format(cap_basis=cap_basis), encoding="utf-8")
        criteria.write_text(
            criteria_text or CRITERIA_YAML.format(formula=formula, basis=basis), encoding="utf-8"
        )
        return lots, criteria

    return make


@pytest.fixture
def make_workbook(tmp_path: Path) -> WorkbookMaker:
    """Write an .xlsx whose first sheet ('offers' by default) holds ``header`` then ``rows``."""

    def make(
        rows: Sequence[Sequence[Any]],
        header: Sequence[Any] = HEADER,
        *,
        name: str = "offers.xlsx",
        sheet: str = "offers",
    ) -> Path:
        workbook = openpyxl.Workbook()
        worksheet = workbook.active
        assert worksheet is not None
        worksheet.title = sheet
        worksheet.append(list(header))
        for row in rows:
            worksheet.append(list(row))
        path = tmp_path / name
        workbook.save(path)
        return path

    return make


@pytest.fixture
def deny_reading(monkeypatch: pytest.MonkeyPatch) -> Callable[[Path], None]:
    """Make ``path`` unreadable, as a file without read permission is (chmod is no use when the
    tests run as root): opening it raises PermissionError (EACCES)."""

    def deny(path: Path) -> None:
        real_open = Path.open

        def guarded_open(self: Path, *args: Any, **kwargs: Any) -> Any:
            if self == path:
                raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(self))
            return real_open(self, *args, **kwargs)

        monkeypatch.setattr(Path, "open", guarded_open)

    return deny


@pytest.fixture
def wide_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    """Long sentences on one line each, so that they are compared whole."""
    monkeypatch.setenv("COLUMNS", "1000")


@pytest.fixture
def book(make_workbook: WorkbookMaker) -> Path:
    """An offers workbook of two valid offers on lot 1: Alpha 450 x 10 marked 4, Beta 400 x 10
    marked 3."""
    return make_workbook(
        [["Alpha", 1, 450, 10, 0.2, "oui", 4], ["Beta", 1, 400, 10, 0.2, "oui", 3]]
    )


@pytest.fixture
def config(make_config: Callable[..., tuple[Path, Path]]) -> list[str]:
    """``--lots`` and ``--criteria`` of the small test consultation."""
    lots, criteria = make_config()
    return ["--lots", str(lots), "--criteria", str(criteria)]
