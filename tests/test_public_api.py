"""The public names of ``referent_ess`` stay what they are, whatever has been imported before:
``referent_ess.evaluate`` is the function, never a module of the same name that an import
would have set on the package (as happened when ``referent_ess/evaluate.py`` existed)."""

import importlib
import pkgutil
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import referent_ess
from referent_ess.evaluation.engine import evaluate

ROOT = Path(__file__).resolve().parent.parent


def test_evaluate_is_the_function_after_a_script_scored() -> None:
    """In a fresh interpreter, as a script does it: score first, then use ``evaluate``."""
    code = (
        "import referent_ess, referent_ess.api\n"
        f"evaluation = referent_ess.score({str(ROOT / 'lots.yaml')!r}, "
        f"{str(ROOT / 'criteria.yaml')!r})\n"
        "again = referent_ess.evaluate(evaluation.config, evaluation.book)\n"
        "print(type(referent_ess.evaluate).__name__, len(again.lots))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout == "function 4\n"  # the example has lots 1 to 4


def test_no_public_name_is_shadowed_once_every_module_is_imported() -> None:
    for module in pkgutil.walk_packages(referent_ess.__path__, "referent_ess."):
        importlib.import_module(module.name)
    assert referent_ess.evaluate is evaluate
    shadowed = [
        name for name in referent_ess.__all__ if isinstance(getattr(referent_ess, name), ModuleType)
    ]
    assert shadowed == []
