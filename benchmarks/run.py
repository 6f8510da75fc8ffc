"""Measure referent against the floors of its own stack, in one run, as ratios.

    python benchmarks/run.py [--quick] [--out benchmarks/results.json]

Floors: a bare python-calamine read of the same workbook (the cost of parsing the xlsx at
all), a bare openpyxl read-only iteration, and a minimal one-command Typer app with the same
help settings (``--help`` and a no-op command). Measured: ``referent --help``,
``referent score --format json`` on the bundled example and on generated workbooks of 1 000,
10 000 and 100 000 offers (``--quick``: up to 10 000), the table output of a lot of 10 000
offers, and the peak resident memory of each command. Times are medians of a few runs of
whole processes; ratios, not seconds, are what can be compared between machines.
"""

import argparse
import compileall
import importlib.util
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

from generate import write, write_wide  # noqa: E402

MINIMAL_APP = """\
import typer

app = typer.Typer(rich_markup_mode=None, pretty_exceptions_enable=False)


@app.command()
def noop() -> None:
    \"\"\"Do nothing.\"\"\"


@app.callback()
def main() -> None:
    \"\"\"A minimal app.\"\"\"


app()
"""

BARE_CALAMINE = """\
import sys
from python_calamine import CalamineWorkbook
book = CalamineWorkbook.from_path(sys.argv[1])
rows = book.get_sheet_by_name("offers").to_python(skip_empty_area=False)
print(len(rows))
"""

BARE_OPENPYXL = """\
import sys
import openpyxl
book = openpyxl.load_workbook(sys.argv[1], read_only=True, data_only=True)
print(sum(1 for _ in book["offers"].iter_rows(values_only=True)))
"""


def measure(command: list[str], cwd: Path, runs: int = 1) -> tuple[float, int]:
    """Median wall time (s) over ``runs`` and the peak RSS (MB) of the child process."""
    times: list[float] = []
    peak = 0
    for _ in range(runs):
        start = time.perf_counter()
        child = subprocess.Popen(
            command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        _, status, usage = os.wait4(child.pid, 0)
        times.append(time.perf_counter() - start)
        if os.waitstatus_to_exitcode(status) not in (0, 1):
            raise SystemExit(f"{' '.join(command)} failed ({status})")
        peak = max(peak, usage.ru_maxrss // 1024)
    return statistics.median(times), peak


def compile_bytecode() -> None:
    """Write the package's .pyc files, as ``pip install .`` does: an editable install under
    PYTHONDONTWRITEBYTECODE would otherwise compile every module on every run (~35 ms)."""
    spec = importlib.util.find_spec("referent_ess")
    assert spec is not None
    for folder in spec.submodule_search_locations or ():
        compileall.compile_dir(folder, quiet=1)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="up to 10 000 offers (< 1 min)")
    parser.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "results.json")
    parser.add_argument(
        "--only",
        choices=["wide-row"],
        help="measure only this row, and update only its entry of --out",
    )
    args = parser.parse_args()
    if args.only == "wide-row":
        compile_bytecode()
        results = json.loads(args.out.read_text(encoding="utf-8")) if args.out.exists() else {}
        with tempfile.TemporaryDirectory() as scratch:
            results["wide_row"] = wide_row(Path(scratch))
        args.out.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
        report_wide_row(results["wide_row"])
        return
    sizes = [1_000, 10_000] if args.quick else [1_000, 10_000, 100_000]
    compile_bytecode()
    python = sys.executable
    referent = [python, "-m", "referent_ess"]
    results: dict[str, object] = {
        "machine": (
            f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"
        ),
        "quick": args.quick,
    }
    with tempfile.TemporaryDirectory() as scratch:
        work = Path(scratch)
        (work / "minimal.py").write_text(MINIMAL_APP, encoding="utf-8")
        (work / "calamine.py").write_text(BARE_CALAMINE, encoding="utf-8")
        (work / "openpyxl_read.py").write_text(BARE_OPENPYXL, encoding="utf-8")
        floor_help, _ = measure([python, "minimal.py", "--help"], work, runs=5)
        floor_noop, _ = measure([python, "minimal.py", "noop"], work, runs=5)
        help_time, _ = measure([*referent, "--help"], ROOT, runs=5)
        example, example_rss = measure([*referent, "score", "--format", "json"], ROOT, runs=5)
        results["startup"] = {
            "typer_help_s": floor_help,
            "typer_noop_s": floor_noop,
            "referent_help_s": help_time,
            "help_ratio": help_time / floor_help,
            "score_example_s": example,
            "score_example_ratio": example / floor_noop,
            "score_example_rss_mb": example_rss,
        }
        rows: dict[str, dict[str, float]] = {}
        for size in sizes:
            folder = work / f"n{size}"
            write(size, max(1, size // 500), folder)
            workbook = str(folder / "offers.xlsx")
            calamine, _ = measure([python, str(work / "calamine.py"), workbook], folder)
            if size <= 10_000:
                openpyxl_time, _ = measure(
                    [python, str(work / "openpyxl_read.py"), workbook], folder
                )
            else:
                openpyxl_time = float("nan")  # half a minute: not worth waiting for each run
            score, rss = measure([*referent, "score", "--format", "json"], folder)
            table, _ = measure([*referent, "score"], folder)
            rows[str(size)] = {
                "calamine_read_s": calamine,
                "openpyxl_read_s": openpyxl_time,
                "score_json_s": score,
                "score_table_s": table,
                "ratio_to_calamine": score / calamine,
                "peak_rss_mb": rss,
            }
        results["sizes"] = rows
        one_lot = work / "one-lot"
        write(10_000, 1, one_lot)
        big_table, _ = measure([*referent, "score"], one_lot)
        results["table_of_a_10000_offer_lot_s"] = big_table
        results["wide_row"] = wide_row(work)
    if "10000" in rows and "100000" in rows:
        results["growth_10k_to_100k"] = (
            rows["100000"]["score_json_s"] / rows["10000"]["score_json_s"]
        )
    args.out.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    report(results)


def wide_row(work: Path) -> dict[str, float]:
    """A row of 20 000 cells right of the header (issue 12: 52 s, quadratic), against the same
    offers without them: ``validate`` and ``score --format json``, as ratios."""
    folder = work / "wide-row"
    narrow, wide = write_wide(folder)
    referent = [sys.executable, "-m", "referent_ess"]
    row: dict[str, float] = {}
    for command in (["validate"], ["score", "--format", "json"]):
        name = command[0]
        plains, hostiles = [], []
        for _ in range(5):  # in turns, so that the load of the machine weighs on both alike
            plains.append(measure([*referent, *command, str(narrow)], folder)[0])
            hostiles.append(measure([*referent, *command, str(wide)], folder)[0])
        plain, hostile = statistics.median(plains), statistics.median(hostiles)
        row[f"{name}_narrow_s"] = plain
        row[f"{name}_wide_s"] = hostile
        row[f"{name}_ratio"] = hostile / plain
    return row


def report_wide_row(row: dict[str, float]) -> None:
    for name in ("validate", "score"):
        print(
            f"a row of 20 000 cells right of the header, {name}: {row[f'{name}_wide_s']:.2f} s = "
            f"{row[f'{name}_ratio']:.2f} × the same offers without them "
            f"({row[f'{name}_narrow_s']:.2f} s)"
        )


def report(results: dict[str, object]) -> None:
    startup = results["startup"]
    assert isinstance(startup, dict)
    print(f"machine: {results['machine']}")
    print(
        f"--help: {startup['referent_help_s']:.3f} s = {startup['help_ratio']:.2f} × a minimal "
        f"Typer app's ({startup['typer_help_s']:.3f} s); target ≤ 1.3"
    )
    print(
        f"score --format json, example: {startup['score_example_s']:.3f} s = "
        f"{startup['score_example_ratio']:.2f} × a no-op Typer command "
        f"({startup['typer_noop_s']:.3f} s); target ≤ 1.5"
    )
    sizes = results["sizes"]
    assert isinstance(sizes, dict)
    print(
        f"{'offers':>8} {'calamine':>9} {'openpyxl':>9} {'json':>8} {'table':>8} "
        f"{'×calamine':>10} {'RSS MB':>7}"
    )
    for size, row in sizes.items():
        print(
            f"{size:>8} {row['calamine_read_s']:>9.2f} {row['openpyxl_read_s']:>9.2f} "
            f"{row['score_json_s']:>8.2f} {row['score_table_s']:>8.2f} "
            f"{row['ratio_to_calamine']:>10.2f} {row['peak_rss_mb']:>7}"
        )
    if "growth_10k_to_100k" in results:
        print(
            f"growth 10 000 → 100 000 offers: {results['growth_10k_to_100k']:.2f} × (target ≤ 11)"
        )
    print(
        f"table of one lot of 10 000 offers: {results['table_of_a_10000_offer_lot_s']:.2f} s "
        "(target ≤ 1 s)"
    )
    wide = results.get("wide_row")
    if isinstance(wide, dict):
        report_wide_row(wide)


if __name__ == "__main__":
    main()
