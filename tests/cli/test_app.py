"""The application as a whole: exit codes, unusable input (exit 2, one `error:` line per
problem), help and version, environment variables, inputs never written, and as a real process."""

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from cli_helpers import (
    CONFIG,
    CRITERIA,
    LOTS,
    ROOT,
    WORKBOOK,
    ConfigMaker,
    D,
    WorkbookMaker,
    as_json,
    run,
)
from typer.testing import CliRunner

from referent_ess.cli import app

# ---- exit codes ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "code"),
    [
        (["score"], 0),
        (["rank", "--lot", "3"], 0),
        (["check-budget"], 1),  # row 10 of lot 4: 13000.00 HT > cap 12500.00 HT
        (["validate"], 0),
    ],
)
def test_example_exit_codes(runner: CliRunner, args: list[str], code: int) -> None:
    result = run(runner, [*args, *CONFIG], code)
    assert result.stdout
    assert result.stderr == ""  # the example has no warning


# ---- unusable input: exit 2 and one `error:` line per problem --------------------------------


def test_missing_offers_file(runner: CliRunner, tmp_path: Path) -> None:
    missing = tmp_path / "nope.xlsx"
    result = run(runner, ["score", str(missing), *CONFIG], 2)
    assert result.stdout == ""
    assert result.stderr == f"error: {missing}: file not found [file-not-found]\n"


def test_yaml_syntax_error_names_the_line(
    runner: CliRunner, make_config: ConfigMaker, make_workbook: WorkbookMaker
) -> None:
    lots, criteria = make_config(
        lots_text=(
            "consultation:\n"
            "  title: Test consultation\n"
            "  deadline: 2018-03-23\n"
            "  vat_rate: 0.20: oops\n"  # line 4: a second ':' in a plain value
            "lots:\n"
            "  - id: 1\n"
            "    title: Lot one\n"
            "    cap_ht: 10000\n"
        )
    )
    workbook = make_workbook([["Alpha", 1, 300, 10, 0.2, "oui", 4]])
    result = run(
        runner, ["score", str(workbook), "--lots", str(lots), "--criteria", str(criteria)], 2
    )
    assert result.stdout == ""
    assert result.stderr.splitlines() == [
        f"error: {lots}:4: YAML syntax error (column 17): mapping values are not allowed here; "
        "check the indentation (spaces, not tabs) and the quotes on this line and the one before "
        "[yaml-syntax]"
    ]


CRITERIA_TEXT = """\
total: 100
marks_scale: 5
criteria:
  - id: quality
    label: Quality
    weight: 60
  - id: price
    label: Price
    weight: 40
    price:
      formula: proportional
      basis: ht
tie_break: [price]
"""


def test_weights_must_sum_to_100(
    runner: CliRunner, make_config: ConfigMaker, make_workbook: WorkbookMaker
) -> None:
    lots, criteria = make_config(criteria_text=CRITERIA_TEXT.replace("weight: 40", "weight: 30"))
    workbook = make_workbook([["Alpha", 1, 300, 10, 0.2, "oui", 4]])
    result = run(
        runner, ["score", str(workbook), "--lots", str(lots), "--criteria", str(criteria)], 2
    )
    assert result.stdout == ""
    # line 3 of CRITERIA_TEXT is `criteria:`
    assert result.stderr.splitlines() == [
        f"error: {criteria}:3: criteria: weights must sum to 100, found 60 + 30 = 90 [weights-sum]"
    ]


def test_unknown_key_suggests_the_right_one(
    runner: CliRunner, make_config: ConfigMaker, make_workbook: WorkbookMaker
) -> None:
    lots, criteria = make_config(criteria_text=CRITERIA_TEXT.replace("weight: 40", "wieght: 40"))
    workbook = make_workbook([["Alpha", 1, 300, 10, 0.2, "oui", 4]])
    result = run(
        runner, ["score", str(workbook), "--lots", str(lots), "--criteria", str(criteria)], 2
    )
    # line 9 is the misspelt key (the weight it should have been is the same mistake)
    assert result.stderr.splitlines() == [
        f"error: {criteria}:9: criteria.1.wieght: unknown key 'wieght' (did you mean 'weight'?) "
        "[unknown-key]",
    ]


def test_no_offers_workbook_configured(
    runner: CliRunner, make_config: ConfigMaker, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    lots, criteria = make_config()  # conftest's lots.yaml has no consultation.offers
    monkeypatch.chdir(tmp_path)
    result = run(runner, ["score", "--lots", str(lots), "--criteria", str(criteria)], 2)
    assert result.stdout == ""
    assert result.stderr == (
        f"error: {lots}: no offers workbook given; pass it after the command "
        "(e.g. `referent score offers.xlsx`) or set consultation.offers in lots.yaml "
        "[no-offers-file]\n"
    )


# ---- version, help ---------------------------------------------------------------------------


def test_version(runner: CliRunner) -> None:
    assert run(runner, ["--version"], 0).stdout == "referent 0.1.0\n"


def test_app_help(runner: CliRunner) -> None:
    stdout = run(runner, ["--help"], 0).stdout
    assert "--version" in stdout
    for command in ("score", "rank", "check-budget", "validate"):
        assert f"  {command} " in stdout


@pytest.mark.parametrize(
    ("command", "example"),
    [
        ("score", "Example: referent score offers.xlsx --lot 3 --format json"),
        ("rank", "Example: referent rank --lot 3"),
        (
            "check-budget",
            "Example: referent check-budget offers.xlsx --format csv --output budget.csv",
        ),
        ("validate", "Example: referent validate offers.xlsx --format json"),
    ],
)
def test_command_help(runner: CliRunner, command: str, example: str) -> None:
    stdout = run(runner, [command, "--help"], 0).stdout
    assert f" {command} [OPTIONS]" in stdout.splitlines()[0]
    assert example in [line.strip() for line in stdout.splitlines()]
    assert "REFERENT_LOTS" in stdout
    assert "REFERENT_CRITERIA" in stdout


@pytest.mark.parametrize(
    ("command", "options"),
    [
        (
            "score",
            "--lot --lots --criteria --numbers --format --output --force --all --detail --lang "
            "--help",
        ),
        (
            "explain",
            "--lot --variant --lots --criteria --numbers --format --output --force --lang --help",
        ),
        (
            "sensitivity",
            "--lot --samples --spread --seed --lots --criteria --numbers --format --output "
            "--force --lang --help",
        ),
        (
            "letters",
            "--lot --output --candidate --format --base --template --lots --criteria --numbers "
            "--force --lang --help",
        ),
        ("template", "--output --evaluators --lots --criteria --force --update --lang --help"),
    ],
)
def test_shared_options_are_listed_in_place(runner: CliRunner, command: str, options: str) -> None:
    """The options every command shares (inputs, destination) come after its own, in one order;
    an option is named by the last long name of its column (``-o, --out, --output``)."""
    stdout = run(runner, [command, "--help"], 0).stdout
    listed = stdout.split("Options:\n")[1]
    columns = [
        line.strip().split("  ")[0] for line in listed.splitlines() if line.startswith("  -")
    ]
    names = [
        [w.rstrip(",") for w in column.split() if w.startswith("--")][-1] for column in columns
    ]
    assert names == options.split()


def test_every_command_has_help_with_an_example(runner: CliRunner) -> None:
    import typer.main

    commands = typer.main.get_command(app).commands  # type: ignore[attr-defined]
    assert set(commands) >= {
        "score", "rank", "check-budget", "validate", "report", "letters", "export",
        "init", "template", "explain", "simulate", "sensitivity",
    }  # fmt: skip
    for name in commands:
        result = run(runner, [name, "--help"], 0)
        assert "Example: referent " + name in result.stdout, name


# ---- environment variables -------------------------------------------------------------------


def test_env_vars_name_the_configuration(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)  # no lots.yaml here
    env = {"REFERENT_LOTS": str(LOTS), "REFERENT_CRITERIA": str(CRITERIA)}
    data = as_json(run(runner, ["score", "--format", "json"], 0, env=env))
    assert data["inputs"]["lots"]["path"] == str(LOTS)
    assert data["inputs"]["criteria"]["path"] == str(CRITERIA)
    assert data["inputs"]["offers"]["path"] == str(WORKBOOK)
    assert [lot["id"] for lot in data["lots"]] == [1, 2, 3, 4]
    # without them, the defaults in the current folder are used (and are missing here)
    assert run(runner, ["score"], 2).stderr == (
        f"error: lots.yaml: file not found in {tmp_path}; run referent in the consultation's "
        "folder, or pass --lots PATH (or set REFERENT_LOTS) [file-not-found]\n"
    )


def test_env_vars_with_the_small_consultation(
    runner: CliRunner,
    make_config: ConfigMaker,
    make_workbook: WorkbookMaker,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    lots, criteria = make_config()
    workbook = make_workbook(
        [["Alpha", 1, 300, 10, 0.2, "oui", 4], ["Beta", 1, 400, 10, 0.2, "oui", 5]]
    )
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    env = {"REFERENT_LOTS": str(lots), "REFERENT_CRITERIA": str(criteria)}
    data = as_json(run(runner, ["rank", "--lot", "1", "-f", "json", str(workbook)], 0, env=env))
    # Alpha: 60 x 4/5 = 48 + 40 (Pmin 3000.00) = 88; Beta: 60 + 40 x 3000/4000 = 30 -> 90
    got = [
        (o["candidate"], o["rank"], o["total"], o["gap_to_first"])
        for o in data["lots"][0]["offers"]
    ]
    assert got == [("Beta", 1, D("90"), D("0")), ("Alpha", 2, D("88"), D("2"))]


def test_options_override_env_vars(runner: CliRunner, tmp_path: Path) -> None:
    env = {
        "REFERENT_LOTS": str(tmp_path / "absent-lots.yaml"),
        "REFERENT_CRITERIA": str(tmp_path / "absent-criteria.yaml"),
    }
    run(runner, ["validate", *CONFIG], 0, env=env)
    criteria_only = run(runner, ["validate", "--lots", str(LOTS)], 2, env=env)
    assert (
        criteria_only.stderr
        == f"error: {tmp_path / 'absent-criteria.yaml'}: file not found [file-not-found]\n"
    )


# ---- the workbook is only read ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "code"),
    [
        (["score"], 0),
        (["score", "--format", "json"], 0),
        (["score", "--format", "csv"], 0),
        (["score", "--format", "markdown"], 0),
        (["rank", "--lot", "4"], 0),
        (["check-budget"], 1),
        (["check-budget", "--format", "json"], 1),
        (["validate"], 0),
        (["validate", "--format", "json"], 0),
    ],
)
def test_workbook_is_not_modified(
    runner: CliRunner, tmp_path: Path, args: list[str], code: int
) -> None:
    copy = tmp_path / "offers.xlsx"
    shutil.copyfile(WORKBOOK, copy)
    os.utime(copy, ns=(1_500_000_000_000_000_000, 1_500_000_000_000_000_000))
    before = (copy.read_bytes(), copy.stat().st_mtime_ns)
    run(runner, [*args, str(copy), *CONFIG], code)
    assert (copy.read_bytes(), copy.stat().st_mtime_ns) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["offers.xlsx"]  # nothing written


# ---- as a real process -----------------------------------------------------------------------


def python(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, *args], cwd=cwd, capture_output=True, text=True, check=False, timeout=120
    )


def test_module_help_and_version() -> None:
    helped = python("-m", "referent_ess", "--help")
    assert helped.returncode == 0, helped.stderr
    assert helped.stdout.startswith("Usage: referent [OPTIONS] COMMAND [ARGS]...")
    version = python("-m", "referent_ess", "--version")
    assert version.returncode == 0, version.stderr
    assert version.stdout == "referent 0.1.0\n"


LAZY_IMPORTS_CHECK = """
import contextlib, io, json, sys
from referent_ess.cli import app
with contextlib.redirect_stdout(io.StringIO()):
    try:
        app(sys.argv[1:], prog_name="referent")
    except SystemExit as exc:
        code = exc.code
heavy = [
    name
    for name in ("openpyxl", "yaml", "referent_ess.config.loader", "referent_ess.base.values")
    if name in sys.modules
]
print(json.dumps({"code": code, "heavy": heavy}))
"""


@pytest.mark.parametrize("args", [["--help"], ["--version"], ["score", "--help"]])
def test_help_and_version_stay_light(args: list[str]) -> None:
    child = python("-c", LAZY_IMPORTS_CHECK, *args)
    assert child.returncode == 0, child.stderr
    assert json.loads(child.stdout) == {"code": 0, "heavy": []}


def test_module_score_json_matches_runner(
    runner: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    child = python("-m", "referent_ess", "score", "--format", "json")
    assert child.returncode == 0, child.stderr
    assert child.stderr == ""
    monkeypatch.chdir(ROOT)
    in_process = run(runner, ["score", "--format", "json"], 0)
    assert json.loads(child.stdout) == json.loads(in_process.stdout)
    data = json.loads(child.stdout)
    assert data["inputs"]["lots"]["path"] == "lots.yaml"  # as given: relative to the folder
    assert data["inputs"]["offers"]["path"] == str(Path("examples") / "offers-2018.xlsx")


def test_the_core_never_imports_typer_or_rich() -> None:
    """Library first: a script importing the core gets no CLI framework with it."""
    package = ROOT / "src"
    modules = (
        ".".join(p.with_suffix("").relative_to(package).parts) for p in package.rglob("*.py")
    )
    core = sorted(m.removesuffix(".__init__") for m in modules if not m.startswith(CLI_MODULES))
    assert "referent_ess.evaluation.engine" in core
    code = (
        "import sys\n"
        + "".join(f"import {name}\n" for name in core)
        + "print(sorted(m for m in sys.modules if m.split('.')[0] in ('typer', 'rich', 'click')))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


CLI_MODULES = ("referent_ess.cli", "referent_ess.render.terminal", "referent_ess.__main__")


# ---- global options after the command ---------------------------------------------------------


@pytest.mark.parametrize(
    "command",
    [
        ["score"],
        ["rank", "--lot", "3"],
        ["validate"],
        ["explain", "--lot", "3", "no such candidate"],
    ],
)
def test_lang_after_the_command_is_the_lang_before_it(
    runner: CliRunner, command: list[str]
) -> None:
    code = 2 if command[0] == "explain" else 0
    before = runner.invoke(app, ["--lang", "fr", *command, *CONFIG])
    after = runner.invoke(app, [*command, "--lang", "fr", *CONFIG])
    assert before.exit_code == after.exit_code == code, after.output
    assert after.stdout == before.stdout
    assert after.stderr == before.stderr


def test_lang_after_the_command_overrides_the_one_before(runner: CliRunner) -> None:
    result = run(runner, ["--lang", "en", "check-budget", "--lang", "fr", *CONFIG], 1)
    assert result.stdout.startswith("Fichiers : ")
    english = run(runner, ["--lang", "fr", "check-budget", "--lang", "en", *CONFIG], 1)
    assert english.stdout.startswith("Inputs: ")


def test_lang_after_the_command_applies_to_its_option_errors(runner: CliRunner) -> None:
    # --lot is parsed before --lang here, yet its error is French: --lang is eager
    result = run(runner, ["score", "--lot", "abc", "--lang", "fr", *CONFIG], 2)
    assert result.stderr == (
        "erreur : --lot attend un nombre entier de 1 à 1000000 (valeur donnée : abc) [bad-option]\n"
    )


def test_lang_after_the_command_is_listed_in_its_help(runner: CliRunner) -> None:
    for command in ("score", "template", "init", "report"):
        assert "--lang" in run(runner, [command, "--help"], 0).stdout


# ---- what a command imports ------------------------------------------------------------------

IMPORTS_CHECK = """
import contextlib, io, json, sys
from referent_ess.cli import main
sys.argv = ["referent", *sys.argv[1:]]
with contextlib.redirect_stdout(io.StringIO()):
    try:
        main()
    except SystemExit as exc:
        code = exc.code
print(json.dumps({"code": code, "modules": sorted(sys.modules)}))
"""

# Imported by no run of score on an .xlsx of plain values: the other formats' renderers and
# readers, the Word and workbook writers, the analyses score does not run, and the entry points
# of the installed packages (read by pydantic's plugin loader, which the CLI stands in for).
NOT_FOR_SCORE = (
    "openpyxl",
    "docx",
    "lxml",
    "importlib.metadata",
    "email",
    "referent_ess.render.csv_doc",
    "referent_ess.render.markdown_doc",
    "referent_ess.intake.ods_reader",
    "referent_ess.intake.xls_reader",
    "referent_ess.intake.csv_reader",
    "referent_ess.analysis.sensitivity",
    "referent_ess.analysis.pse_combinations",
    # the readers of the marks and prices sheets, which the example's workbook does not have
    "referent_ess.intake.marks_sheet",
    "referent_ess.intake.marks_merge",
    "referent_ess.intake.prices_sheet",
    "statistics",
)


def test_the_objects_of_a_run_are_left_to_the_process_s_end() -> None:
    # frozen, the collector off: neither the run nor Python's exit walks them (a start-up cost)
    script = IMPORTS_CHECK.replace(
        "print(", "import gc; print(gc.get_freeze_count(), gc.isenabled(), "
    )
    child = python("-c", script, "score", "--format", "json")
    assert child.returncode == 0, child.stderr
    frozen, collecting, _ = child.stdout.split(" ", 2)
    assert int(frozen) > 1_000  # 0 when nothing is frozen
    assert collecting == "False"  # the collector stays off until the process ends


def test_score_json_imports_only_what_it_uses() -> None:
    child = python("-c", IMPORTS_CHECK, "score", "--format", "json")
    assert child.returncode == 0, child.stderr
    found = json.loads(child.stdout)
    assert found["code"] == 0
    modules = set(found["modules"])
    assert {"referent_ess.render.json_doc", "python_calamine", "yaml"} <= modules  # it looks
    assert sorted(modules & set(NOT_FOR_SCORE)) == []


@pytest.mark.parametrize(
    ("args", "used", "unused"),
    [
        (
            ["score", "--format", "csv"],
            "referent_ess.render.csv_doc",
            "referent_ess.render.json_doc",
        ),
        (
            ["score", "--format", "markdown"],
            "referent_ess.render.markdown_doc",
            "referent_ess.render.csv_doc",
        ),
    ],
)
def test_each_format_imports_its_renderer_only(args: list[str], used: str, unused: str) -> None:
    child = python("-c", IMPORTS_CHECK, *args)
    assert child.returncode == 0, child.stderr
    modules = set(json.loads(child.stdout)["modules"])
    assert used in modules
    assert unused not in modules


PLUGINS_CHECK = """
import json, sys
from referent_ess.cli import application
application._skip_plugin_discovery()
from pydantic import BaseModel
class Model(BaseModel):
    x: int
checked = Model.model_validate({"x": "7"}).x
loader = sys.modules.get("pydantic.plugin._loader")
print(json.dumps({
    "checked": checked,
    "stand_in": type(loader).__name__ if loader is not None else None,
    "metadata": "importlib.metadata" in sys.modules,
}))
"""


@pytest.mark.parametrize(
    ("setting", "stand_in", "metadata"),
    [
        (None, "_NoPluginLoader", False),  # referent's default: plugins off, loader stood in for
        ("__all__", "_NoPluginLoader", False),
        ("1", "_NoPluginLoader", False),
        ("true", "_NoPluginLoader", False),
        ("some_plugin", "module", True),  # a user's own setting: pydantic's real loader
        ("", "module", True),
    ],
)
def test_pydantic_plugin_loader_stood_in_for_only_while_plugins_are_off(
    setting: str | None, stand_in: str, metadata: bool
) -> None:
    env = {k: v for k, v in os.environ.items() if k != "PYDANTIC_DISABLE_PLUGINS"}
    if setting is not None:
        env["PYDANTIC_DISABLE_PLUGINS"] = setting
    child = subprocess.run(
        [sys.executable, "-c", PLUGINS_CHECK],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert child.returncode == 0, child.stderr
    assert json.loads(child.stdout) == {"checked": 7, "stand_in": stand_in, "metadata": metadata}


def test_the_plugin_loader_stand_in_loads_the_real_one_for_any_other_name() -> None:
    code = (
        "import sys\n"
        "from referent_ess.cli import application\n"
        "application._skip_plugin_discovery()\n"
        "loader = sys.modules['pydantic.plugin._loader']\n"
        "print(loader.get_plugins(), loader.PYDANTIC_ENTRY_POINT_GROUP,\n"
        "      type(sys.modules['pydantic.plugin._loader']).__name__)\n"
    )
    child = python("-c", code)
    assert child.returncode == 0, child.stderr
    assert child.stdout.split() == ["()", "pydantic", "module"]
