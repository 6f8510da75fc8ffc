"""The folder tree is the architecture: the import contracts of ``pyproject.toml`` hold, and they
really fail when someone adds an upward import or a cycle (so that CI's ``lint-imports`` is no
check that cannot fail)."""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
LINT = Path(sys.executable).with_name("lint-imports")

pytestmark = pytest.mark.skipif(not LINT.exists(), reason="import-linter is not installed")


def _lint(tree: Path) -> subprocess.CompletedProcess[str]:
    """``lint-imports`` on a copy of the package at ``tree`` (its ``src`` and ``pyproject``)."""
    return subprocess.run(
        [str(LINT), "--no-cache"],
        cwd=tree,
        env={"PYTHONPATH": str(tree / "src"), "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        check=False,
    )


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    shutil.copytree(ROOT / "src", tmp_path / "src", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    return tmp_path


def _add_import(tree: Path, module: str, statement: str) -> None:
    path = tree / "src" / Path(*module.split(".")).with_suffix(".py")
    path.write_text(path.read_text() + f"\n{statement}  # noqa\n")


def test_the_contracts_hold_on_the_package(tree: Path) -> None:
    result = _lint(tree)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Contracts: 3 kept, 0 broken." in result.stdout


@pytest.mark.parametrize(
    ("module", "statement", "broken"),
    [
        # the evaluation reaching up to a renderer
        ("referent_ess.evaluation.kernel", "import referent_ess.render.json_doc", "Layers"),
        # the configuration reaching up to the offers reader
        ("referent_ess.config.columns", "import referent_ess.intake.offers", "Layers"),
        # exact money wording itself
        ("referent_ess.base.exact", "import referent_ess.i18n", "Layers"),
        # two independent siblings of one layer
        ("referent_ess.scaffold.offers_template", "import referent_ess.render.json_doc", "Layers"),
        # the pure evaluation wording its own results
        ("referent_ess.evaluation.kernel", "import referent_ess.i18n", "pure"),
        ("referent_ess.analysis.simulate", "import rich", "pure"),
        # a cycle inside one layer: the raw sheet importing the reader that builds it
        ("referent_ess.intake.sheet", "import referent_ess.intake.read", "cycle"),
    ],
)
def test_an_upward_import_breaks_a_contract(
    tree: Path, module: str, statement: str, broken: str
) -> None:
    _add_import(tree, module, statement)
    result = _lint(tree)
    assert result.returncode == 1
    assert "BROKEN" in result.stdout
    assert broken in result.stdout.split("Broken contracts")[1]
