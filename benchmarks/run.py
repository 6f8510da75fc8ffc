"""Measure referent against the floors of its own stack, in one run, as ratios.

    python benchmarks/run.py [--quick] [--out benchmarks/results.json]

Floors: a bare python-calamine read of the same workbook (the cost of parsing the xlsx at
all), a bare openpyxl read-only iteration, a minimal one-command Typer app with the same help
settings (``--help`` and a no-op command), and ``python -c "import yaml, pydantic"`` (the
libraries every command that reads a consultation needs). Measured: ``referent --help``,
``referent score --format json`` on the bundled example and on generated workbooks of 1 000,
10 000 and 100 000 offers (``--quick``: up to 10 000), the growth from 10 000 to 100 000
offers, the table output of a lot of 10 000 offers against its JSON, and the peak resident
memory of each command. Times are medians of whole processes; the start-up commands and
their floors run in turns (the load of a shared machine weighs on all alike), and each time
is given with its CPU time (user + system), steadier than the wall time on a loaded machine.
Ratios, not seconds, are what can be compared between machines.
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

IMPORTS = "import yaml, pydantic"

# The targets of issue 17 (the README's Performance section shows them with the results).
TARGET_HELP = 1.3  # referent --help / a minimal Typer app's --help
TARGET_EXAMPLE = 1.2  # score --format json on the example / a no-op Typer command
TARGET_CALAMINE = 2.5  # 100 000 offers / a bare calamine read (the aim: 2.0)
AIM_CALAMINE = 2.0
TARGET_RSS_MB = 250  # peak memory at 100 000 offers
TARGET_GROWTH = 10.5  # 100 000 offers / 10 000 offers

BARE_OPENPYXL = """\
import sys
import openpyxl
book = openpyxl.load_workbook(sys.argv[1], read_only=True, data_only=True)
print(sum(1 for _ in book["offers"].iter_rows(values_only=True)))
"""


Timing = tuple[float, float, int]  # median wall time (s), median CPU time (s), peak RSS (MB)


def run_once(command: list[str], cwd: Path) -> tuple[float, float, int]:
    """Wall time (s), CPU time (user + system, s) and peak RSS (MB) of one run of ``command``."""
    start = time.perf_counter()
    child = subprocess.Popen(command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(child.pid, 0)
    wall = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) not in (0, 1):
        raise SystemExit(f"{' '.join(command)} failed ({status})")
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss // 1024


def measure(command: list[str], cwd: Path, runs: int = 1) -> Timing:
    """Median wall and CPU times over ``runs`` and the peak RSS of the child process."""
    return in_turns({"only": (command, cwd)}, runs)["only"]


def in_turns(commands: dict[str, tuple[list[str], Path]], runs: int) -> dict[str, Timing]:
    """Each command run ``runs`` times, in turns (a, b, c, a, b, c…), so that a change in the
    load of the machine weighs on all of them alike: their medians, and peak RSS."""
    times: dict[str, list[tuple[float, float, int]]] = {name: [] for name in commands}
    for _ in range(runs):
        for name, (command, cwd) in commands.items():
            times[name].append(run_once(command, cwd))
    return {
        name: (
            statistics.median(t[0] for t in runs_of),
            statistics.median(t[1] for t in runs_of),
            max(t[2] for t in runs_of),
        )
        for name, runs_of in times.items()
    }


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
        timed = in_turns(
            {
                "typer_help": ([python, "minimal.py", "--help"], work),
                "typer_noop": ([python, "minimal.py", "noop"], work),
                "imports": ([python, "-c", IMPORTS], work),
                "referent_help": ([*referent, "--help"], ROOT),
                "score_example": ([*referent, "score", "--format", "json"], ROOT),
            },
            runs=7,
        )
        results["startup"] = startup_results(timed)
        rows: dict[str, dict[str, float]] = {}
        for size in sizes:
            folder = work / f"n{size}"
            write(size, max(1, size // 500), folder)
            workbook = str(folder / "offers.xlsx")
            calamine, calamine_cpu, _ = measure(
                [python, str(work / "calamine.py"), workbook], folder
            )
            if size <= 10_000:
                openpyxl_read = [python, str(work / "openpyxl_read.py"), workbook]
                openpyxl_time = measure(openpyxl_read, folder)[0]
            else:
                openpyxl_time = float("nan")  # half a minute: not worth waiting for each run
            score, score_cpu, rss = measure([*referent, "score", "--format", "json"], folder)
            table = measure([*referent, "score"], folder)[0]
            rows[str(size)] = {
                "calamine_read_s": calamine,
                "calamine_read_cpu_s": calamine_cpu,
                "openpyxl_read_s": openpyxl_time,
                "score_json_s": score,
                "score_json_cpu_s": score_cpu,
                "score_table_s": table,
                "ratio_to_calamine": score / calamine,
                "peak_rss_mb": rss,
            }
        results["sizes"] = rows
        one_lot = work / "one-lot"
        write(10_000, 1, one_lot)
        lot = in_turns(
            {
                "table": ([*referent, "score"], one_lot),
                "json": ([*referent, "score", "--format", "json"], one_lot),
            },
            runs=3,
        )
        results["table_of_a_10000_offer_lot_s"] = lot["table"][0]
        results["json_of_a_10000_offer_lot_s"] = lot["json"][0]
        results["table_to_json_ratio"] = lot["table"][0] / lot["json"][0]
        results["wide_row"] = wide_row(work)
    if "10000" in rows and "100000" in rows:
        results["growth_10k_to_100k"] = (
            rows["100000"]["score_json_s"] / rows["10000"]["score_json_s"]
        )
    args.out.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    report(results)


def startup_results(timed: dict[str, Timing]) -> dict[str, float | int]:
    """The start-up times and their ratios to their floors (wall, and CPU in ``*_cpu``)."""
    wall = {name: t[0] for name, t in timed.items()}
    cpu = {name: t[1] for name, t in timed.items()}
    return {
        **{f"{name}_s": value for name, value in wall.items()},
        **{f"{name}_cpu_s": value for name, value in cpu.items()},
        "help_ratio": wall["referent_help"] / wall["typer_help"],
        "help_ratio_cpu": cpu["referent_help"] / cpu["typer_help"],
        "score_example_ratio": wall["score_example"] / wall["typer_noop"],
        "score_example_ratio_cpu": cpu["score_example"] / cpu["typer_noop"],
        "score_example_to_imports": wall["score_example"] / wall["imports"],
        "score_example_to_imports_cpu": cpu["score_example"] / cpu["imports"],
        "score_example_rss_mb": timed["score_example"][2],
    }


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
            plains.append(run_once([*referent, *command, str(narrow)], folder)[0])
            hostiles.append(run_once([*referent, *command, str(wide)], folder)[0])
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
        f"Typer app's ({startup['typer_help_s']:.3f} s; CPU {startup['help_ratio_cpu']:.2f} ×); "
        f"target ≤ {TARGET_HELP}"
    )
    print(
        f"score --format json, example: {startup['score_example_s']:.3f} s = "
        f"{startup['score_example_ratio']:.2f} × a no-op Typer command "
        f"({startup['typer_noop_s']:.3f} s; CPU {startup['score_example_ratio_cpu']:.2f} ×), "
        f"target ≤ {TARGET_EXAMPLE}; {startup['score_example_to_imports']:.2f} × "
        f'python -c "{IMPORTS}" ({startup["imports_s"]:.3f} s; '
        f"CPU {startup['score_example_to_imports_cpu']:.2f} ×)"
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
    if "100000" in sizes:
        big = sizes["100000"]
        print(
            f"100 000 offers: {big['ratio_to_calamine']:.2f} × a bare calamine read (CPU "
            f"{big['score_json_cpu_s'] / big['calamine_read_cpu_s']:.2f} ×), target ≤ "
            f"{TARGET_CALAMINE} (aim {AIM_CALAMINE}); peak RSS {big['peak_rss_mb']} MB, target < "
            f"{TARGET_RSS_MB} MB"
        )
    if "growth_10k_to_100k" in results:
        print(
            f"growth 10 000 → 100 000 offers: {results['growth_10k_to_100k']:.2f} × "
            f"(target ≤ {TARGET_GROWTH})"
        )
    print(
        f"table of one lot of 10 000 offers: {results['table_of_a_10000_offer_lot_s']:.2f} s = "
        f"{results['table_to_json_ratio']:.2f} × its JSON "
        f"({results['json_of_a_10000_offer_lot_s']:.2f} s)"
    )
    wide = results.get("wide_row")
    if isinstance(wide, dict):
        report_wide_row(wide)


if __name__ == "__main__":
    main()
