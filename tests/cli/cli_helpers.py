"""What the command-line tests share: the bundled example, its hand-worked figures, and ``run``.

Every expected value is written by hand. For the bundled example (``lots.yaml``,
``criteria.yaml``, ``examples/offers-2018.xlsx``) the figures come from the raw numbers of
``examples/make_offers.py``, as worked out in ``test_example_known_answers.py``:

- points of a marked criterion = weight x mark / 5 (context 30, technical 30, competence 20);
  price points = 20 x Pmin / P on the TTC price (criteria.yaml: basis ttc), Pmin the lowest
  admissible price of the lot;
- lot 1: Pmin 7560.00 TTC (row 4, VAT-exempt: TTC = HT), 81 points, first; row 9 = 63 +
  20 x 7560 / 9360 = 63 + 210/13 = 1029/13 (79.15). Compared HT it would be 63 + 20 x 7560 /
  7800 = 1071/13 (82.38), first;
- lot 3: every offer at 20 %, TTC = HT x 1.2 exactly, so the shares are the HT ones: Pmin
  10800.00 TTC. Row 6 = 30 + 27 + 16 + 750/49 = 4327/49 (88.31); rows 14 and 11 both
  = 81 (tie broken by price points: 20 vs 18); row 3 = 50 + 120/7 = 470/7 (67.14).
  Gaps to the first: 4327/49 - 81 = 358/49 = 7.306... (7.31) and 4327/49 - 470/7 = 1037/49 =
  21.163... (21.16: the exact gap, not 88.31 - 67.14 = 21.17);
- lot 4: Pmin 11536.48 TTC (447.15 x 21.5 = 9613.725 -> 9613.73 HT; x 1.2 = 11536.476 ->
  11536.48). Row 7 = 64 + 20 x 11536.48 / 14256 = 64 + 72103/4455 = 80.1847... (80.18, price
  16.18); row 13 = 77, gap 3.1847... (3.18). Row 5 has no CV (incomplete), row 10 is
  650 x 20 x 1.2 = 15600.00 > cap 15000.00 TTC (over_cap, margin -600.00).

The small consultation of ``conftest.py`` (lot 1 cap 10000 HT, lot 2 cap 5000 HT / 6000 TTC;
quality 60 points on a 0-5 scale, price 40 points, proportional on HT) is used for broken inputs.
"""

import hashlib
import json
from collections.abc import Callable, Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any

from typer.testing import CliRunner, Result

from referent_ess.cli import app

ROOT = Path(__file__).resolve().parents[2]
LOTS = ROOT / "lots.yaml"
CRITERIA = ROOT / "criteria.yaml"
WORKBOOK = ROOT / "examples" / "offers-2018.xlsx"
CONFIG = ["--lots", str(LOTS), "--criteria", str(CRITERIA)]

D = Decimal
ConfigMaker = Callable[..., tuple[Path, Path]]
WorkbookMaker = Callable[..., Path]

TITLE = "Référent de secteur d'activité de l'ESS 2018"
LEGAL_LATE = "offre hors délai, éliminée : art. R2143-2 et R2151-5 du Code de la commande publique"
LEGAL_INCOMPLETE = (
    "offre irrégulière : art. L2152-2 du Code de la commande publique "
    "(l'acheteur peut en autoriser la régularisation : art. R2152-2)"
)
LEGAL_OVER_CAP = "offre inacceptable : art. L2152-3 du Code de la commande publique"
# the same legal basis in an English table (JSON keeps the French above)
LEGAL_INCOMPLETE_EN = (
    "irregular offer: art. L2152-2 of the Code de la commande publique (the buyer may allow it "
    "to be regularised: art. R2152-2)"
)


def run(
    runner: CliRunner, args: Sequence[str], code: int, env: dict[str, str] | None = None
) -> Result:
    """Invoke the app and check its exit code; a bug (any other exception) fails the test."""
    result = runner.invoke(app, list(args), env=env)
    assert result.exit_code == code, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(
        result.exception
    )
    assert "Traceback" not in result.output
    return result


def as_json(result: Result) -> Any:
    """stdout as JSON, floats as exact decimals (so 16.18 compares equal to Decimal('16.18'))."""
    return json.loads(result.stdout, parse_float=Decimal)


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def lot_of(data: dict[str, Any], lot_id: int) -> dict[str, Any]:
    (lot,) = [lot for lot in data["lots"] if lot["id"] == lot_id]
    return lot


def ttc_check(cap: str, price: str, margin: str, *, within: bool = True) -> list[dict[str, Any]]:
    """The repository's lots.yaml checks prices TTC (the call states its caps TTC)."""
    return [{"basis": "ttc", "cap": cap, "price": price, "margin": margin, "within": within}]


def broken_workbook(make_config: ConfigMaker, make_workbook: WorkbookMaker) -> list[str]:
    """A bad day rate (C2), an unknown lot (B3) and a good offer; returns the CLI arguments."""
    lots, criteria = make_config()
    workbook = make_workbook(
        [
            ["Alpha", 1, "abc", 10, 0.2, "oui", 4],
            ["Beta", 7, 500, 10, 0.2, "oui", 3],
            ["Gamma", 2, 400, 10, 0.2, "oui", 3],
        ]
    )
    return [str(workbook), "--lots", str(lots), "--criteria", str(criteria)]
