#!/usr/bin/env python3
"""Prove that every output of the ``referent`` CLI is byte-identical between two versions.

Usage::

    python scripts/compare_outputs.py capture --src /path/to/checkout/src --out /tmp/outA
    python scripts/compare_outputs.py capture --src /other/checkout/src --out /tmp/outB
    python scripts/compare_outputs.py diff /tmp/outA /tmp/outB   # exit 0 identical, 1 otherwise

``capture`` runs every case of ``CASES`` in a subprocess, once with ``--lang en`` and once with
``--lang fr`` before the command (a few cases about the language chosen by the environment run
once, without ``--lang``). ``PYTHON -c BOOT`` puts ``--src`` first on ``sys.path`` and calls the
``referent`` entry point that the checkout's ``pyproject.toml`` declares (default
``referent_ess.cli:main``); the run stops if the package was imported from anywhere else.
``PYTHON`` is ``--python`` (default: this repository's ``.venv/bin/python``, else the running
interpreter). Each case runs in its own copy of a fixture folder (``build_fixture``), built from
``--inputs`` (default: the repository holding this script; lots.yaml, criteria.yaml,
examples/offers-2018.xlsx, tests/data/libreoffice-offers.xlsx) and from files this script
derives from them deterministically with openpyxl (a workbook full of errors, one with warnings
only, a marks sheet with three evaluators, a CSV, broken YAML files, unusable files…). Give both
captures the same ``--inputs``.

Kept per case and step: the command line, stdout, stderr, the exit code; and every file the
case created, changed or removed in its folder (``files.txt``). An ``.xlsx`` (any zip) is kept
unzipped: ``members.txt`` (member names in zip order) and each member's bytes; every other file
as written.

Environment of every run: no TTY (stdin /dev/null, stdout and stderr pipes), ``COLUMNS=100``,
``LANG=C.UTF-8``, ``TZ=Europe/Paris`` (UTC if the machine has no time-zone data), ``HOME`` an
empty temporary folder, ``PYTHONPYCACHEPREFIX`` a temporary folder (nothing is written into the
checkout), ``PATH``; nothing else is inherited (no REFERENT_*, NO_COLOR, LC_ALL). PYTHONHASHSEED
is left random on purpose: two captures of the same code then also show that no output depends
on hash order.

Fixed run date: the project has none (``runinfo.run_info`` takes the ``run_at`` it is given and
the CLI gives ``datetime.now().astimezone()``; ``letters`` uses ``date.today()``, ``init``
``date.today() + 30 days``; nothing reads SOURCE_DATE_EPOCH). So the run time is normalised,
and nothing else. NORMALISED, in stdout, stderr, every written file and every member of a zip,
by exact replacement of strings computed from the clock read just before the case's first step
and after its last (every second between, plus 1 s either side), longest first:

- the case's temporary folder (as given and resolved) → ``<CASEDIR>``; the capture's temporary
  root → ``<TMP>``; the ``--src`` folder → ``<SRC>`` (only a traceback would show it);
- the run time: ISO 8601 local time with its offset, ``T`` or space separated (xlsx Audit
  sheet, OCDS ``date``) → ``<RUN-TIME>``; UTC as ``YYYYMMDDTHHMMSSZ`` (OCDS release id) or
  ``YYYY-MM-DDTHH:MM:SSZ`` (xlsx docProps/core.xml) → ``<RUN-TIME-UTC>``; French words
  ``7 décembre 2026 à 15 h 46``, with spaces or no-break spaces (HTML report) → ``<RUN-TIME-FR>``;
- the run date: in French words (letters) → ``<RUN-DATE-FR>``; ISO → ``<RUN-DATE>``; the run date
  + 30 days, ISO or in words (``init``'s placeholder deadline) → ``<RUN-DATE+30>``,
  ``<RUN-DATE+30-FR>``;
- the SHA-256 (whole, and its first 12 hex digits) of a file of the case folder whose bytes
  (or a zip member's) hold one of those dates, e.g. the lots.yaml ``init`` wrote, which a later
  ``score -f json`` prints → ``<SHA256-OF-DATED-FILE>``.

Zip member timestamps are not compared (members are compared by name, order and content). The
fixture files are listed with their SHA-256 in ``fixture.txt``, compared like the rest, so a
``diff`` also shows whether both captures read the same inputs. ``capture.json`` (src, python,
time of the capture) is printed by ``diff``, never compared.

``diff A B`` compares the two trees file by file, prints a unified diff for each file that
differs (XML split at ``><`` for reading only: equality is on the stored bytes) and the files or
cases present on one side only, then the list of differing cases. Exit 0 when all is identical.

Standard library only, plus openpyxl to write the derived workbooks.
"""

import argparse
import csv
import difflib
import hashlib
import io
import json
import os
import shlex
import shutil
import subprocess
import sys
import tempfile
import time
import tomllib
import zipfile
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta, tzinfo
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
LANGS = ("en", "fr")
ZIP_TIME = (1980, 1, 1, 0, 0, 0)

# ---- the cases ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Case:
    """A fixture folder (``setup``: "consultation", see build_fixture, or "empty"), the command
    lines run in it one after the other (shell-quoted, without ``referent`` and ``--lang``), and
    variables added to the fixed environment. ``lang=False``: run once, without ``--lang``."""

    name: str
    commands: tuple[str, ...]
    setup: str = "consultation"
    env: dict[str, str] = field(default_factory=dict)
    lang: bool = True


def case(name: str, *commands: str, setup: str = "consultation", **kw: Any) -> Case:
    return Case(name, commands, setup, **kw)


def q(text: str) -> str:
    return shlex.quote(text)


FORMATS = ("table", "json", "csv", "markdown")
ANALYSIS_FORMATS = ("table", "json")  # simulate, sensitivity, explain
LOTS = (1, 2, 3, 4)
COMMANDS = (
    "score", "rank", "check-budget", "validate", "report", "letters", "export", "init",
    "template", "simulate", "sensitivity", "explain",
)  # fmt: skip
EXPLAINED = (  # (lot, candidate) of the example
    (3, "Les Bâtisseurs Solidaires (SCOP)"),  # the winner
    (3, "Atelier Matières Vives (SCIC)"),  # exact tie at 81, decided by price points
    (3, "Échelle Habitat (SCOP)"),
    (3, "Habiter Autrement 44"),
    (1, "Parenthèse Familles Conseil"),  # late
    (4, "Second Souffle Conseil"),  # incomplete (no CV)
    (4, "Recyclerie Coopérative de l'Ouest (SCIC)"),  # over the TTC cap
    (2, "Terres Communes Conseil"),
    (1, "Cap Services Coop (SCOP)"),  # typed as text: '487,50 €', '7 800,00'
)
LIBRE = "--lots libreoffice/lots.yaml libreoffice/libreoffice-offers.xlsx"
HIER = "--criteria criteria-hierarchy.yaml"


def _cases() -> list[Case]:
    c: list[Case] = []
    # -- help, version, usage errors
    c += [case("help", "--help"), case("version", "--version"), case("no-command", "")]
    c += [case(f"help-{command}", f"{command} --help") for command in COMMANDS]
    c += [
        case("usage-unknown-command", "frobnicate"),
        case("usage-bad-format", "score --format xml"),
        case("usage-unknown-option", "score --bogus"),
        case("usage-rank-without-lot", "rank"),
        case("usage-explain-without-candidate", "explain --lot 3"),
        case("usage-lot-not-a-number", "score --lot trois"),
    ]
    # -- the bundled example: every format of every command
    c += [case(f"score-{f}", f"score --format {f}") for f in FORMATS]
    c += [case(f"score-lot3-{f}", f"score --lot 3 --format {f}") for f in FORMATS]
    c += [
        case("score-all", "score --all"),
        case(
            "score-explicit-paths",
            "score examples/offers-2018.xlsx --lots lots.yaml --criteria criteria.yaml -f json",
        ),
        case("score-unknown-lot", "score --lot 9"),
    ]
    c += [case(f"rank-lot{n}-{f}", f"rank --lot {n} --format {f}") for n in LOTS for f in FORMATS]
    c += [case("rank-lot3-all", "rank --lot 3 --all")]
    c += [case(f"check-budget-{f}", f"check-budget --format {f}") for f in FORMATS]
    c += [case(f"validate-{f}", f"validate --format {f}") for f in FORMATS]
    # -- --output: every format to a file, refusals, --force
    c += [case(f"output-score-{f}", f"score -f {f} --output out-{f}.txt") for f in FORMATS]
    c += [
        case("output-check-budget-csv", "check-budget -f csv -o budget.csv"),
        case("output-validate-json", "validate -f json -o valid.json"),
        case("output-simulate-table", "simulate --lot 3 -o simulate.txt"),
        case("output-explain-json", "explain --lot 3 'Habiter Autrement 44' -f json -o e.json"),
        case("output-exists", "score -o out.txt", "score -f json -o out.txt"),
        case("output-force", "score -o out.txt", "score -f json -o out.txt --force"),
        case("output-over-input", "score -o lots.yaml --force"),
        case("output-missing-folder", "score -o nowhere/out.txt"),
    ]
    # -- report, letters, export
    c += [
        case("report-xlsx", "report --out rapport.xlsx"),
        case("report-html", "report --out rapport.html"),
        case("report-htm-lot3", "report --out rapport.htm --lot 3"),
        case("report-xlsx-lot4", "report --out rapport-lot4.xlsx --lot 4"),
        case("report-pdf", "report --out rapport.pdf"),
        case("report-exists", "report --out r.html", "report --out r.html"),
        case("report-over-workbook", "report --out examples/offers-2018.xlsx --force"),
    ]
    c += [case(f"letters-lot{n}", f"letters --lot {n} --out lettres") for n in LOTS]
    c += [
        case("letters-custom", "letters --lot 3 --out lettres --template letter-templates"),
        case("letters-bad-template", "letters --lot 3 --out l --template bad-letter-templates"),
        case("letters-out-is-file", "letters --lot 3 --out criteria-linear.yaml"),
        case("letters-unknown-lot", "letters --lot 7 --out lettres"),
        case("letters-twice", "letters --lot 1 --out l", "letters --lot 1 --out l"),
        case("export-ocds", "export --ocds --out release.json"),
        case("export-ocds-prefix", "export --ocds --out release.json --ocid-prefix ocds-abc123"),
        case("export-without-ocds", "export --out release.json"),
    ]
    # -- simulate, sensitivity, explain
    for n in LOTS:
        c += [case(f"simulate-lot{n}-{f}", f"simulate --lot {n} -f {f}") for f in ANALYSIS_FORMATS]
        c += [
            case(f"sensitivity-lot{n}-{f}", f"sensitivity --lot {n} -f {f}")
            for f in ANALYSIS_FORMATS
        ]
    samples = "sensitivity --lot 3 --samples 300 --spread 5 --seed 7"
    c += [case(f"sensitivity-samples-{f}", f"{samples} -f {f}") for f in ANALYSIS_FORMATS]
    for i, (n, who) in enumerate(EXPLAINED):
        c += [case(f"explain-{i}-lot{n}", f"explain --lot {n} {q(who)}")]
    c += [
        case(f"explain-{i}-lot{n}-json", f"explain --lot {n} {q(who)} -f json")
        for i, (n, who) in enumerate(EXPLAINED[:5])
    ]
    c += [
        case("explain-unknown-candidate", "explain --lot 3 Personne"),
        case("explain-wrong-lot", "explain --lot 1 'Habiter Autrement 44'"),
        case("explain-case-insensitive", "explain --lot 3 'habiter autrement 44'"),
    ]
    # -- template and init
    c += [
        case("template-out", "template --out modele.xlsx"),
        case("template-evaluators", "template --evaluators 'Anne, Bruno,Chloé' -o m.xlsx"),
        case("template-default", "template"),
        case("template-over-offers", "template --out examples/offers-2018.xlsx --force"),
        case("template-hierarchy", f"template {HIER} --out h.xlsx"),
        case("init-demo", "init demo --lots 3 --title 'Référents ESS 2027'", setup="empty"),
        case("init-here", "init", setup="empty"),
        case("init-one-lot", "init solo --lots 1", setup="empty"),
        case("init-twice", "init d", "init d", setup="empty"),
        case("init-force", "init d", "init d --force", setup="empty"),
        case("init-zero-lots", "init z --lots 0", setup="empty"),
        case(
            "init-then-use",
            "init d --lots 2",
            "template --lots d/lots.yaml --out d/offers.xlsx --force --evaluators Anne,Bruno",
            "validate --lots d/lots.yaml",
            "score --lots d/lots.yaml -f json",
            "check-budget --lots d/lots.yaml",
            setup="empty",
        ),
    ]
    # -- configuration variants of the example
    for variant in ("maxlots", "capht", "capboth", "meansigma", "ffb"):
        lots = f"--lots lots-{variant}.yaml"
        c += [
            case(f"{variant}-score-table", f"score {lots}"),
            case(f"{variant}-score-json", f"score {lots} -f json"),
            case(f"{variant}-check-budget", f"check-budget {lots}"),
        ]
    maxlots = "--lots lots-maxlots.yaml"
    c += [
        case("maxlots-report-html", f"report {maxlots} --out r.html"),
        case("maxlots-report-xlsx", f"report {maxlots} --out r.xlsx"),
        case("maxlots-letters-lot4", f"letters {maxlots} --lot 4 --out lettres"),
        case("maxlots-export", f"export --ocds {maxlots} -o r.json"),
        case("maxlots-explain", f"explain {maxlots} --lot 4 'Les Bâtisseurs Solidaires (SCOP)'"),
    ]
    for variant in ("linear", "gap", "median"):
        criteria = f"--criteria criteria-{variant}.yaml"
        c += [
            case(f"{variant}-score-table", f"score {criteria}"),
            case(f"{variant}-score-markdown", f"score {criteria} -f markdown"),
            case(f"{variant}-simulate-lot3", f"simulate {criteria} --lot 3"),
            case(f"{variant}-sensitivity-lot3-json", f"sensitivity {criteria} --lot 3 -f json"),
        ]
    # -- ordering: hierarchy
    c += [case(f"hierarchy-score-{f}", f"score {HIER} -f {f}") for f in FORMATS]
    c += [case(f"hierarchy-rank-lot{n}", f"rank {HIER} --lot {n}") for n in LOTS]
    c += [
        case("hierarchy-rank-lot3-json", f"rank {HIER} --lot 3 -f json"),
        case("hierarchy-check-budget", f"check-budget {HIER}"),
        case("hierarchy-validate", f"validate {HIER}"),
        case("hierarchy-explain", f"explain {HIER} --lot 3 'Échelle Habitat (SCOP)'"),
        case("hierarchy-explain-json", f"explain {HIER} --lot 3 'Habiter Autrement 44' -f json"),
        case("hierarchy-report", f"report {HIER} --out r.xlsx"),
        case("hierarchy-letters", f"letters {HIER} --lot 3 --out lettres"),
        case("hierarchy-simulate", f"simulate {HIER} --lot 3"),
        case("hierarchy-sensitivity", f"sensitivity {HIER} --lot 3"),
        case("hierarchy-export", f"export --ocds {HIER} --out release.json"),
        case("hierarchy-bad-validate", "validate --criteria criteria-hierarchy-bad.yaml"),
        case("hierarchy-bad-score", "score --criteria criteria-hierarchy-bad.yaml"),
    ]
    # -- the workbook saved by LibreOffice (tests/data), with the tests' small consultation
    c += [case(f"libreoffice-score-{f}", f"score {LIBRE} -f {f}") for f in FORMATS]
    c += [
        case("libreoffice-rank-lot1", f"rank --lot 1 {LIBRE}"),
        case("libreoffice-rank-lot2-json", f"rank --lot 2 {LIBRE} -f json"),
        case("libreoffice-check-budget", f"check-budget {LIBRE}"),
        case("libreoffice-validate", f"validate {LIBRE}"),
        case("libreoffice-report-xlsx", f"report {LIBRE} --out r.xlsx"),
        case("libreoffice-report-html", f"report {LIBRE} --out r.html"),
        case("libreoffice-letters", f"letters --lot 1 {LIBRE} --out lettres"),
        case("libreoffice-export", f"export --ocds {LIBRE} --out r.json"),
        case("libreoffice-explain", f"explain --lot 1 'Bureau Sésame' {LIBRE}"),
        case("libreoffice-simulate", f"simulate --lot 1 {LIBRE}"),
    ]
    # -- the example's offers as CSV
    c += [
        case("csv-score-table", "score offers.csv"),
        case("csv-score-json", "score offers.csv -f json"),
        case("csv-validate", "validate offers.csv"),
    ]
    # -- several evaluators: a marks sheet
    c += [
        case("marks-score-table", "score marks.xlsx"),
        case("marks-score-json", "score marks.xlsx -f json"),
        case("marks-score-csv", "score marks.xlsx -f csv"),
        case("marks-rank-lot3-markdown", "rank --lot 3 marks.xlsx -f markdown"),
        case("marks-validate-table", "validate marks.xlsx"),
        case("marks-validate-json", "validate marks.xlsx -f json"),
        case("marks-explain", "explain --lot 3 'Atelier Matières Vives (SCIC)' marks.xlsx"),
        case("marks-report-xlsx", "report marks.xlsx --out r.xlsx"),
        case("marks-report-html", "report marks.xlsx --out r.html"),
        case("marks-letters-lot3", "letters --lot 3 marks.xlsx --out lettres"),
        case("marks-median-json", "score marks.xlsx --criteria criteria-median.yaml -f json"),
        case("marks-missing-score", "score marks-missing.xlsx"),
        case("marks-missing-validate", "validate marks-missing.xlsx -f json"),
    ]
    # -- a workbook with errors, one with warnings only
    c += [case(f"errors-score-{f}", f"score errors.xlsx -f {f}") for f in FORMATS]
    c += [case(f"errors-validate-{f}", f"validate errors.xlsx -f {f}") for f in FORMATS]
    c += [
        case("errors-rank-lot3", "rank --lot 3 errors.xlsx"),
        case("errors-rank-lot1-json", "rank --lot 1 errors.xlsx -f json"),
        case("errors-check-budget", "check-budget errors.xlsx"),
        case("errors-check-budget-json", "check-budget errors.xlsx -f json"),
        case("errors-report-html", "report errors.xlsx --out r.html"),
        case("errors-report-xlsx", "report errors.xlsx --out r.xlsx"),
        case("errors-letters", "letters --lot 3 errors.xlsx --out lettres"),
        case("errors-export", "export --ocds errors.xlsx --out r.json"),
        case("errors-explain-invalid", "explain --lot 3 'Habiter Autrement 44' errors.xlsx"),
        case("errors-simulate-lot1", "simulate --lot 1 errors.xlsx"),
        case("warnings-score", "score warnings.xlsx"),
        case("warnings-validate", "validate warnings.xlsx"),
        case("warnings-validate-json", "validate warnings.xlsx -f json"),
        case("warnings-check-budget", "check-budget warnings.xlsx"),
    ]
    # -- broken configuration
    for broken in ("lots-unknown-key", "lots-syntax", "lots-yaml11"):
        c += [
            case(f"{broken}-score", f"score --lots {broken}.yaml"),
            case(f"{broken}-validate", f"validate --lots {broken}.yaml"),
            case(f"{broken}-validate-json", f"validate --lots {broken}.yaml -f json"),
        ]
    weights = "--criteria criteria-weights.yaml"
    c += [
        case("criteria-weights-score", f"score {weights}"),
        case("criteria-weights-validate", f"validate {weights}"),
        case("criteria-weights-validate-md", f"validate {weights} -f markdown"),
    ]
    # -- missing and unusable files
    c += [
        case("missing-offers", "score missing.xlsx"),
        case("missing-offers-validate", "validate missing.xlsx -f json"),
        case("missing-lots", "score --lots nope.yaml"),
        case("missing-criteria", "score --criteria nope.yaml"),
        case("no-lots-here", "score", setup="empty"),
        case("no-lots-here-validate", "validate", setup="empty"),
        case("missing-report", "report missing.xlsx --out r.html"),
        case("missing-template-lots", "template --lots nope.yaml"),
    ]
    bad_files = "not-a-workbook.xlsx csv-renamed.xlsx empty.xlsx folder.xlsx legacy.xls "
    bad_files += "damaged.xlsx offers.ods"
    c += [case(f"bad-file-{name}", f"score {name}") for name in bad_files.split()]
    # -- the language chosen by the environment (no --lang)
    c += [
        case("env-referent-lang-fr", "score", env={"REFERENT_LANG": "fr"}, lang=False),
        case("env-lang-fr-locale", "check-budget", env={"LANG": "fr_FR.UTF-8"}, lang=False),
        case("env-default-english", "validate errors.xlsx", lang=False),
        case(
            "env-referent-lots",
            "score -f markdown",
            env={"REFERENT_LOTS": "lots-maxlots.yaml", "REFERENT_LANG": "fr"},
            lang=False,
        ),
        case(
            "env-referent-criteria",
            "score",
            env={"REFERENT_CRITERIA": "criteria-linear.yaml"},
            lang=False,
        ),
    ]
    return c


CASES = _cases()


# ---- the fixture: the example, and inputs derived from it deterministically ---------------------


def build_fixture(inputs: Path, dest: Path) -> None:
    """The folder every case of setup "consultation" runs in (a fresh copy per case)."""
    dest.mkdir(parents=True)
    for name in ("lots.yaml", "criteria.yaml", "examples/offers-2018.xlsx"):
        (dest / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(inputs / name, dest / name)
    lots = (inputs / "lots.yaml").read_text(encoding="utf-8")
    criteria = (inputs / "criteria.yaml").read_text(encoding="utf-8")

    def variant(name: str, text: str, *edits: tuple[str, str]) -> None:
        for old, new in edits:
            if old not in text:
                raise SystemExit(f"{name}: the input no longer holds {old!r}; update the script")
            text = text.replace(old, new, 1)
        (dest / name).write_text(text, encoding="utf-8")

    low = "{method: mean-ratio, ratio: 0.8}"
    variant("lots-maxlots.yaml", lots, (low, low + "\n  max_lots_per_candidate: 1"))
    variant("lots-capht.yaml", lots, ("cap_basis: ttc", "cap_basis: ht"))
    variant("lots-capboth.yaml", lots, ("cap_basis: ttc", "cap_basis: both"))
    variant("lots-meansigma.yaml", lots, (low, "{method: mean-sigma}"))
    variant("lots-ffb.yaml", lots, (low, "{method: ffb}"))
    variant(
        "lots-unknown-key.yaml",
        lots,
        ("    title: Circuits courts", "    titel: Circuits courts"),
        ("    cap_ht: 8333", "    cap_ht: 8000"),
    )
    variant("lots-syntax.yaml", lots, ("  vat_rate: 0.20", "  vat_rate: [0.20"))
    variant(
        "lots-yaml11.yaml",
        lots,
        ("cap_basis: ttc", "cap_basis: on"),
        ("  buyer: Les Ecossolies", "  buyer: Les Ecossolies\n  buyer: Autre"),
        ("    cap_ht: 12500", "    cap_ht: 012500"),
    )
    variant("criteria-linear.yaml", criteria, ("formula: proportional", "formula: linear"))
    variant(
        "criteria-gap.yaml",
        criteria,
        ("formula: proportional", "formula: gap"),
        ("      basis: ttc", "      basis: ht\n      k: 1.5"),  # HT: lot 1 gets vat-basis
    )
    variant("criteria-median.yaml", criteria + "marks_aggregate: median\nmarks_divergence: 1\n")
    variant(
        "criteria-weights.yaml",
        criteria,
        ("weight: 20\n    price", "weight: 10\n    price"),
        ("    weight: 30\n  - id: competence", "    wieght: 30\n  - id: competence"),
    )
    hierarchy = (
        "# The same criteria, compared in this order, without weights.\n"
        "ordering: hierarchy\n"
        "marks_scale: 5\n"
        "criteria:\n"
        "  - {id: context, label: Note de contexte}\n"
        "  - {id: technical, label: Qualité technique de la proposition}\n"
        "  - {id: price, label: Prix de la prestation, price: {formula: proportional, basis: ht}}\n"
        "  - {id: competence, label: Compétence de l'intervenant}\n"
    )
    variant("criteria-hierarchy.yaml", hierarchy)
    variant(
        "criteria-hierarchy-bad.yaml",
        hierarchy,
        ("label: Note de contexte}", "label: Note de contexte, weight: 30}"),
        ("marks_scale: 5", "marks_scale: 5\ntie_break: [price]"),
    )

    (dest / "letter-templates").mkdir()
    (dest / "letter-templates" / "attribution.md").write_text(
        "# Lot $lot_id : attribution\n\n$buyer, le $date\n\n$candidate — $total / $max_total "
        "($rank sur $ranked_count)\n\n$points_table\n",
        encoding="utf-8",
    )
    (dest / "letter-templates" / "rejet.md").write_text(
        "# Lot $lot_id : rejet\n\n$candidate — $status ($status_explained)\n\n$reasons\n\n"
        "$ranking\n\nAttributaire : $winner ($winner_total, $winner_price_ht HT)\n\n$advantages\n",
        encoding="utf-8",
    )
    (dest / "bad-letter-templates").mkdir()
    (dest / "bad-letter-templates" / "rejet.md").write_text("Bonjour $candidat,\n$reasons\n")

    libre = dest / "libreoffice"  # the small consultation of tests/conftest.py
    libre.mkdir()
    shutil.copyfile(
        inputs / "tests/data/libreoffice-offers.xlsx", libre / "libreoffice-offers.xlsx"
    )
    (libre / "lots.yaml").write_text(
        "consultation:\n  title: Test consultation\n  deadline: 2018-03-23\n  vat_rate: 0.20\n"
        "  cap_basis: ht\n  required_documents: [cv]\nlots:\n  - id: 1\n    title: Lot one\n"
        "    cap_ht: 10000\n  - id: 2\n    title: Lot two\n    cap_ht: 5000\n    cap_ttc: 6000\n",
        encoding="utf-8",
    )
    (libre / "criteria.yaml").write_text(
        "total: 100\nmarks_scale: 5\ncriteria:\n  - id: quality\n    label: Quality\n"
        "    weight: 60\n  - id: price\n    label: Price\n    weight: 40\n    price:\n"
        "      formula: proportional\n      basis: ht\ntie_break: [price]\n",
        encoding="utf-8",
    )
    _derived_workbooks(dest / "examples/offers-2018.xlsx", dest)
    _unusable_files(dest)


def _save(book: Any, path: Path) -> None:
    """Bytes that depend on the workbook's content only (fixed properties, fixed zip dates):
    the outputs print the SHA-256 of the workbook, which must be the same in every capture."""
    from openpyxl.writer.excel import ExcelWriter

    book.properties.created = book.properties.modified = datetime(2018, 3, 1)
    book.properties.lastModifiedBy = None
    raw = io.BytesIO()
    with zipfile.ZipFile(raw, "w", zipfile.ZIP_DEFLATED) as archive:
        ExcelWriter(book, archive).write_data()
    out = io.BytesIO()
    with zipfile.ZipFile(raw) as source, zipfile.ZipFile(out, "w") as target:
        for name in source.namelist():
            entry = zipfile.ZipInfo(name, date_time=ZIP_TIME)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16
            target.writestr(entry, source.read(name))
    path.write_bytes(out.getvalue())


HEADER = (
    "Candidat", "N° lot", "Coût journalier HT", "Nombre de jours", "Taux TVA", "Montant HT",
    "Date de réception", "note_contexte", "chantiers", "presentation_cv",
    "proposition_financiere", "context", "technical", "competence", "context commentaire",
)  # fmt: skip


def _derived_workbooks(example: Path, dest: Path) -> None:
    import openpyxl

    def load() -> tuple[Any, Any]:
        book = openpyxl.load_workbook(example)
        return book, book["offers"]

    book, sheet = load()
    header = tuple(cell.value for cell in sheet[1])
    if header != HEADER:
        raise SystemExit(f"{example}: the header changed ({header}); update the script")
    rows = [list(row) for row in sheet.iter_rows(min_row=2, values_only=True)]

    # errors.xlsx: one of each typing error, on the example's rows (sheet row numbers)
    book, sheet = load()
    edits = {
        "C3": "environ 500",  # Habiter Autrement 44 (lot 3): bad-number
        "B2": 9,  # Terres Communes Conseil: unknown-lot
        "M8": None,  # SCIC Nourrir l'Estuaire: missing-mark
        "G4": datetime(2018, 4, 2, 9, 30),  # Association Trame Solidaire: late
        "E12": "beaucoup",  # Marion Le Goff Conseil: bad-rate
        "F9": 9000,  # Cap Services Coop: price-mismatch (487.50 × 16 = 7800)
        "L13": 7,  # Ressourceries en Réseau: mark-out-of-range
        "D11": "=10*2",  # Échelle Habitat: a formula never computed
        "H15": "peut-être",  # Parenthèse Familles Conseil: bad-yes-no
        "P1": "Remarques",  # unknown-column (warning)
        "P2": "à revoir",
    }
    for ref, value in edits.items():
        sheet[ref] = value
    sheet.append(rows[5])  # Les Bâtisseurs Solidaires, lot 4, again: duplicate-offer
    _save(book, dest / "errors.xlsx")

    # warnings.xlsx: warnings only (validate exits 0)
    book, sheet = load()
    sheet["E2"] = 0.19  # unusual-vat-rate
    sheet["F9"] = 9000  # price-mismatch
    sheet["P1"] = "Observations"  # unknown-column
    sheet["G13"] = date(2018, 3, 23)
    sheet.row_dimensions[5].hidden = True  # hidden-row
    sheet["A7"] = "les bâtisseurs solidaires (scop) "  # similar-candidates
    _save(book, dest / "warnings.xlsx")

    # marks.xlsx: three evaluators' marks in a marks sheet, instead of the mark columns
    def marks_book(skip: tuple[object, ...] = ()) -> Any:
        book, sheet = load()
        sheet.delete_cols(12, 4)  # context, technical, competence, context commentaire
        notes = book.create_sheet("Notes")
        notes.append(["Candidat", "Lot", "Critère", "Évaluateur", "Note", "Commentaire"])
        for row in rows:
            candidate, lot = row[0], row[1]
            for column, criterion in ((11, "context"), (12, "technical"), (13, "competence")):
                mark = float(str(row[column]).replace(",", "."))
                deltas = {"Anne": 0.0, "Bruno": -0.5, "Chloé": 0.5 if mark <= 4.5 else 0.0}
                for who, delta in deltas.items():
                    if (candidate, lot, criterion, who) == skip:
                        continue
                    value: object = mark + delta
                    if candidate == "Atelier Matières Vives (SCIC)" and criterion == "context":
                        value = {"Anne": 5, "Bruno": 2, "Chloé": "4,5"}[who]  # marks-divergence
                    comment = row[14] if criterion == "context" and who == "Anne" else None
                    if who == "Chloé" and criterion == "technical" and lot == 3:
                        comment = "Méthode claire, calendrier réaliste."
                    notes.append([candidate, lot, criterion, who, value, comment])
        return book

    _save(marks_book(), dest / "marks.xlsx")
    missing = ("Échelle Habitat (SCOP)", "Lot 3", "technical", "Bruno")  # missing-evaluator-mark
    _save(marks_book(missing), dest / "marks-missing.xlsx")

    # offers.csv: the example's rows, ';'-separated, decimal commas, as a spreadsheet exports
    def text(value: object) -> str:
        if value is None:
            return ""
        if isinstance(value, datetime):
            return f"{value:%d/%m/%Y %H:%M}" if value.hour or value.minute else f"{value:%d/%m/%Y}"
        if isinstance(value, float):
            return repr(value).replace(".", ",")
        return str(value)

    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow(HEADER)
    writer.writerows([[text(value) for value in row] for row in rows])
    (dest / "offers.csv").write_bytes(buffer.getvalue().encode("utf-8"))
    (dest / "csv-renamed.xlsx").write_bytes(buffer.getvalue().encode("utf-8"))


def _unusable_files(dest: Path) -> None:
    noise = b"".join(hashlib.sha256(bytes([i])).digest() for i in range(32))  # 1 KiB, fixed
    (dest / "not-a-workbook.xlsx").write_bytes(noise)
    (dest / "empty.xlsx").write_bytes(b"")
    (dest / "folder.xlsx").mkdir()
    (dest / "folder.xlsx" / "keep.txt").write_text("a folder named like a workbook\n")
    (dest / "legacy.xls").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504))
    example = (dest / "examples/offers-2018.xlsx").read_bytes()
    (dest / "damaged.xlsx").write_bytes(example[: len(example) // 2])
    ods = io.BytesIO()
    with zipfile.ZipFile(ods, "w") as archive:
        mimetype = "application/vnd.oasis.opendocument.spreadsheet"
        archive.writestr(zipfile.ZipInfo("mimetype", ZIP_TIME), mimetype)
        archive.writestr(zipfile.ZipInfo("content.xml", ZIP_TIME), "<office:document-content/>")
    (dest / "offers.ods").write_bytes(ods.getvalue())


# ---- normalisation ------------------------------------------------------------------------------

MONTHS = (
    "janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
    "octobre", "novembre", "décembre",
)  # fmt: skip


def _zone() -> tuple[str, tzinfo]:
    try:
        from zoneinfo import ZoneInfo

        return "Europe/Paris", ZoneInfo("Europe/Paris")
    except Exception:  # no time-zone data on this machine
        return "UTC", UTC


def _words(moment: date, space: str) -> str:
    """A date (and time) in French words, as the reports and letters write it."""
    day = "1er" if moment.day == 1 else str(moment.day)
    text = f"{day}{space}{MONTHS[moment.month - 1]}{space}{moment.year}"
    if isinstance(moment, datetime):
        text += f" à{space}{moment.hour}{space}h{space}{moment.minute:02d}"
    return text


def time_patterns(start: float, end: float, zone: tzinfo) -> dict[str, str]:
    """Every string the run time may have been written as, for each second around [start, end]."""
    found: dict[str, str] = {}
    days: set[date] = set()
    for second in range(int(start) - 1, int(end) + 2):
        local = datetime.fromtimestamp(second, zone)
        utc = local.astimezone(UTC)
        found[local.isoformat(timespec="seconds")] = "<RUN-TIME>"
        found[local.isoformat(sep=" ", timespec="seconds")] = "<RUN-TIME>"
        found[f"{utc:%Y%m%dT%H%M%SZ}"] = "<RUN-TIME-UTC>"
        found[f"{utc:%Y-%m-%dT%H:%M:%SZ}"] = "<RUN-TIME-UTC>"
        for space in (" ", "\u00a0"):
            found[_words(local.replace(tzinfo=None), space)] = "<RUN-TIME-FR>"
        days.add(local.date())
    for day in days:
        later = day + timedelta(days=30)
        found[day.isoformat()] = "<RUN-DATE>"
        found[later.isoformat()] = "<RUN-DATE+30>"
        for space in (" ", "\u00a0"):
            found[_words(day, space)] = "<RUN-DATE-FR>"
            found[_words(later, space)] = "<RUN-DATE+30-FR>"
    return found


def _zip_members(data: bytes) -> dict[str, bytes] | None:
    if data[:2] != b"PK":
        return None
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return {name: archive.read(name) for name in archive.namelist()}
    except (zipfile.BadZipFile, OSError, EOFError, ValueError):
        return None


def dated_file_hashes(folder: Path, times: dict[str, str]) -> dict[str, str]:
    """The SHA-256 of every file whose bytes, or a zip member's, hold the run date."""
    needles = [text.encode() for text, token in times.items() if token.startswith("<RUN-DATE")]
    found: dict[str, str] = {}
    for path in folder.rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            parts = [data, *(_zip_members(data) or {}).values()]
            if any(needle in part for part in parts for needle in needles):
                digest = hashlib.sha256(data).hexdigest()
                found[digest] = found[digest[:12]] = "<SHA256-OF-DATED-FILE>"
    return found


class Normaliser:
    def __init__(self, pairs: dict[str, str]) -> None:
        ordered = sorted(pairs.items(), key=lambda pair: -len(pair[0]))
        self.pairs = [(old.encode(), new.encode()) for old, new in ordered if old]

    def __call__(self, data: bytes) -> bytes:
        for old, new in self.pairs:
            data = data.replace(old, new)
        return data


# ---- capture ------------------------------------------------------------------------------------

BOOT = """\
import importlib, sys
src, module, function = sys.argv[1:4]
del sys.argv[1:4]
sys.path.insert(0, src)
loaded = importlib.import_module(module)
if not loaded.__file__.startswith(src):
    sys.exit(f"compare_outputs: {module} was imported from {loaded.__file__}, not from {src}")
getattr(loaded, function)()
"""


@dataclass(frozen=True)
class Run:
    python: str
    src: Path
    module: str
    function: str
    tmp: Path
    fixture: Path
    zone_name: str
    zone: tzinfo


def _snapshot(folder: Path) -> dict[str, str]:
    return {
        path.relative_to(folder).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def _keep(data: bytes, target: Path, normalise: Normaliser) -> str:
    """Store one written file, a zip unzipped; what files.txt says of it."""
    members = _zip_members(data)
    if members is None:
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(normalise(data))
        return ""
    target.mkdir(parents=True)
    (target / "members.txt").write_text("".join(f"{name}\n" for name in members))
    for name, content in members.items():
        (target / "members" / name).parent.mkdir(parents=True, exist_ok=True)
        (target / "members" / name).write_bytes(normalise(content))
    return f" (zip, {len(members)} members)"


def run_case(run: Run, name: str, spec: Case, lang: str | None, out: Path) -> str:
    """Run one case's commands in a fresh folder; store what they printed and wrote."""
    folder = run.tmp / "runs" / name
    if spec.setup == "empty":
        folder.mkdir(parents=True)
    else:
        shutil.copytree(run.fixture, folder)
    before = _snapshot(folder)
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": str(run.tmp / "home"),
        "LANG": "C.UTF-8",
        "TZ": run.zone_name,
        "COLUMNS": "100",
        "PYTHONPYCACHEPREFIX": str(run.tmp / "pycache"),
        **spec.env,
    }
    done = []
    start = time.time()
    for command in spec.commands:
        argv = [*(["--lang", lang] if lang else []), *shlex.split(command)]
        process = subprocess.run(
            [run.python, "-c", BOOT, str(run.src), run.module, run.function, *argv],
            cwd=folder,
            env=env,
            stdin=subprocess.DEVNULL,
            capture_output=True,
            timeout=600,
            check=False,
        )
        done.append((argv, process))
    end = time.time()

    times = time_patterns(start, end, run.zone)
    places = {folder: "<CASEDIR>", run.tmp: "<TMP>", run.src: "<SRC>"}
    pairs = {str(p): token for path, token in places.items() for p in (path, path.resolve())}
    normalise = Normaliser({**pairs, **times, **dated_file_hashes(folder, times)})

    target = out / "cases" / name
    target.mkdir(parents=True)
    for step, (argv, process) in enumerate(done, 1):
        (target / f"{step}.command").write_text(shlex.join(["referent", *argv]) + "\n")
        (target / f"{step}.stdout").write_bytes(normalise(process.stdout))
        (target / f"{step}.stderr").write_bytes(normalise(process.stderr))
        (target / f"{step}.exit").write_text(f"{process.returncode}\n")
    after = _snapshot(folder)
    listing = []
    for rel in sorted(set(before) | set(after)):
        if rel not in after:
            listing.append(f"removed {rel}")
        elif before.get(rel) != after[rel]:
            kept = _keep((folder / rel).read_bytes(), target / "files" / rel, normalise)
            listing.append(f"{'changed' if rel in before else 'new'} {rel}{kept}")
    (target / "files.txt").write_text("".join(f"{line}\n" for line in listing))
    shutil.rmtree(folder)
    codes = ",".join(str(process.returncode) for _, process in done)
    return f"{name}: exit {codes}, {len(listing)} file(s) written"


def _entry_point(src: Path) -> tuple[str, str]:
    """The ``referent`` script of the checkout's pyproject.toml, as (module, function)."""
    target = "referent_ess.cli:main"
    pyproject = src.parent / "pyproject.toml"
    if pyproject.exists():
        project = tomllib.loads(pyproject.read_text(encoding="utf-8")).get("project", {})
        target = project.get("scripts", {}).get("referent", target)
    module, _, function = target.partition(":")
    return module, function


def capture(src: Path, out: Path, inputs: Path, python: str, jobs: int, only: str | None) -> int:
    src = src.resolve()
    if not (src / "referent_ess").is_dir():
        raise SystemExit(f"{src}: no referent_ess package here; give the checkout's src folder")
    if out.exists() and any(out.iterdir()):
        raise SystemExit(f"{out}: exists and is not empty")
    out.mkdir(parents=True, exist_ok=True)
    module, function = _entry_point(src)
    zone_name, zone = _zone()
    todo = [
        (f"{spec.name}.{lang}" if lang else spec.name, spec, lang)
        for spec in CASES
        for lang in (LANGS if spec.lang else (None,))
        if only is None or only in spec.name
    ]
    if len({name for name, _, _ in todo}) != len(todo):
        raise SystemExit("two cases have the same name")
    tmp = Path(tempfile.mkdtemp(prefix="referent-compare-"))
    try:
        (tmp / "home").mkdir()
        build_fixture(inputs, tmp / "fixture")
        listing = _snapshot(tmp / "fixture").items()
        (out / "fixture.txt").write_text("".join(f"{sha}  {rel}\n" for rel, sha in listing))
        meta = {
            "src": str(src),
            "entry_point": f"{module}:{function}",
            "python": python,
            "inputs": str(inputs),
            "time_zone": zone_name,
            "cases": len(todo),
            "captured_at": datetime.now(UTC).isoformat(timespec="seconds"),
        }
        (out / "capture.json").write_text(json.dumps(meta, indent=1) + "\n")
        run = Run(python, src, module, function, tmp, tmp / "fixture", zone_name, zone)
        started = time.time()
        with ThreadPoolExecutor(max_workers=jobs) as pool:
            futures = [
                pool.submit(run_case, run, name, spec, lang, out) for name, spec, lang in todo
            ]
            for future in futures:
                print(future.result(), file=sys.stderr)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    seconds = time.time() - started
    print(f"{len(todo)} cases captured in {out} ({seconds:.0f} s; {src}, {module}:{function})")
    return 0


# ---- diff ---------------------------------------------------------------------------------------


def _lines(data: bytes, rel: str) -> list[str]:
    text = data.decode("utf-8", errors="replace")
    if rel.endswith((".xml", ".rels", ".vml")):
        text = text.replace("><", ">\n<")  # for reading only: equality is on the bytes
    return text.splitlines(keepends=True)


def diff(a: Path, b: Path) -> int:
    trees = []
    for side in (a, b):
        if not (side / "capture.json").exists():
            raise SystemExit(f"{side}: not a capture (no capture.json)")
        meta = json.loads((side / "capture.json").read_text())
        print(f"{side}: {meta['cases']} cases of {meta['src']}, captured {meta['captured_at']}")
        files = {p.relative_to(side).as_posix() for p in side.rglob("*") if p.is_file()}
        trees.append(files - {"capture.json"})
    files_a, files_b = trees
    differing: set[str] = set()
    for rel in sorted(files_a | files_b):
        name = rel.split("/")[1] if rel.startswith("cases/") else rel
        if rel not in files_a or rel not in files_b:
            print(f"only in {a if rel in files_a else b}: {rel}")
            differing.add(name)
            continue
        data_a, data_b = (a / rel).read_bytes(), (b / rel).read_bytes()
        if data_a != data_b:
            differing.add(name)
            lines_a, lines_b = _lines(data_a, rel), _lines(data_b, rel)
            sys.stdout.writelines(difflib.unified_diff(lines_a, lines_b, f"a/{rel}", f"b/{rel}"))
            print()
    cases = {rel.split("/")[1] for rel in files_a | files_b if rel.startswith("cases/")}
    if differing:
        print(f"DIFFERENT: {len(differing)} of {len(cases)} cases: {', '.join(sorted(differing))}")
        return 1
    print(f"IDENTICAL: {len(cases)} cases, {len(files_a)} files")
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    run = commands.add_parser("capture", help="run every case and store its outputs")
    run.add_argument("--src", type=Path, required=True, help="the checkout's src folder")
    run.add_argument("--out", type=Path, required=True, help="a new or empty folder")
    run.add_argument(
        "--inputs",
        type=Path,
        default=REPO,
        help="the folder holding lots.yaml, criteria.yaml, examples/ and tests/data/ "
        "(default: this script's repository); give both captures the same",
    )
    venv = REPO / ".venv" / "bin" / "python"
    run.add_argument("--python", default=str(venv) if venv.exists() else sys.executable)
    run.add_argument("--jobs", type=int, default=os.cpu_count() or 2, help="parallel runs")
    run.add_argument("--only", help="only the cases whose name contains this text")
    compare = commands.add_parser("diff", help="compare two captures (exit 1 if they differ)")
    compare.add_argument("a", type=Path)
    compare.add_argument("b", type=Path)
    args = parser.parse_args()
    if args.command == "capture":
        inputs = args.inputs.resolve()
        return capture(args.src, args.out, inputs, args.python, args.jobs, args.only)
    return diff(args.a, args.b)


if __name__ == "__main__":
    sys.exit(main())
