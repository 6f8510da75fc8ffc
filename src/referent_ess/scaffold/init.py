"""``referent init``: a working consultation in one command, so that a buyer starts from files
that validate instead of a blank page.

It writes a commented ``lots.yaml`` and ``criteria.yaml`` and, beside them, the offers workbook
of that very configuration. Those files are French whatever ``--lang`` is (a French buyer edits
them; only the errors follow the run's language): the YAML files are the package's
``lots.yaml.tmpl`` and ``criteria.yaml.tmpl`` (``string.Template`` files, read as the buyer will
read the result), the lots' placeholder titles come from the French catalogue, and the workbook
is :func:`~referent_ess.scaffold.offers_template.build_template`'s.
"""

import json
import re
import tempfile
from datetime import date, timedelta
from importlib import resources
from pathlib import Path
from string import Template
from typing import Final

from referent_ess import i18n
from referent_ess.config.loader import load_config
from referent_ess.files.atomic_write import write_files
from referent_ess.files.targets import PathKind, path_kind
from referent_ess.i18n import tr
from referent_ess.problems.errors import ReferentError, os_reason
from referent_ess.problems.problem import Problem
from referent_ess.scaffold.offers_template import build_template, refuse_filled_workbook

LOTS_FILE: Final = "lots.yaml"
CRITERIA_FILE: Final = "criteria.yaml"
OFFERS_FILE: Final = "offers.xlsx"
PLACEHOLDER_CAP_TTC: Final = 10000
DEFAULT_DEADLINE_DAYS: Final = 30

# Characters PyYAML refuses in a file, or reads as a line break inside a quoted string.
_YAML_UNSAFE = re.compile(
    "[^\t\n\r\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd\U00010000-\U0010ffff]"
)


def init_consultation(
    folder: Path,
    lots: int = 4,
    title: str = "Ma consultation",
    force: bool = False,
    *,
    deadline: date | None = None,
) -> list[Path]:
    """Write a working consultation into ``folder``: commented ``lots.yaml`` and
    ``criteria.yaml``, and the matching ``offers.xlsx`` template.

    Nothing is written unless all three can be (an existing file is replaced only with
    ``force``, and an ``offers.xlsx`` that holds offers, or cannot be read to prove it holds
    none, never). ``deadline`` defaults to 30 days from today: a placeholder to replace.
    """
    if lots < 1:
        raise ReferentError(
            "init-lots",
            params=(("lots", str(lots)),),
        )
    if path_kind(folder) not in (PathKind.FOLDER, PathKind.MISSING):
        raise ReferentError(
            "init-not-a-folder",
            params=(("path", str(folder)),),
        )
    targets = [folder / LOTS_FILE, folder / CRITERIA_FILE, folder / OFFERS_FILE]
    refuse_filled_workbook(folder / OFFERS_FILE, by_init=True)  # typed offers are never lost
    existing = [path for path in targets if path_kind(path) is PathKind.FILE]
    if existing and not force:
        raise ReferentError(
            "init-exists",
            problems=[  # one line per file, each worded in the user's language
                Problem("init-exists", params=(("path", str(path)),)) for path in existing
            ],
        )
    lots_text = lots_yaml(lots, title, deadline or date.today() + timedelta(DEFAULT_DEADLINE_DAYS))
    criteria_text = criteria_yaml()
    workbook = _checked_workbook(lots_text, criteria_text)
    contents: tuple[str | bytes, ...] = (lots_text, criteria_text, workbook)
    outputs = list(zip(targets, contents, strict=True))
    write_files(outputs, inputs=[], force=force, folder=folder)  # all three, or none
    return targets


def _checked_workbook(lots_text: str, criteria_text: str) -> bytes:
    """The offers workbook of the new files, once they are read back as the buyer's will be:
    nothing is written in the folder before they are known to load."""
    try:
        with tempfile.TemporaryDirectory() as scratch:
            lots_path = Path(scratch) / LOTS_FILE
            lots_path.write_text(lots_text, encoding="utf-8")
            (Path(scratch) / CRITERIA_FILE).write_text(criteria_text, encoding="utf-8")
            return build_template(load_config(lots_path, Path(scratch) / CRITERIA_FILE))
    except OSError as exc:  # no usable temporary folder
        where = str(exc.filename) if exc.filename is not None else "TMPDIR"
        params = (("path", where), *os_reason(exc))
        raise ReferentError("output-unwritable", params=params) from None


def lots_yaml(lots: int, title: str, deadline: date) -> str:
    """The commented ``lots.yaml`` of a new consultation: ``lots`` lots with placeholder titles
    and caps (the first lot's fields commented)."""
    with i18n.language("fr"):
        titles = [_yaml_string(tr("tpl.init.lot_title", number=n)) for n in range(1, lots + 1)]
    other_lots = "\n".join(
        f"  - id: {number}\n    title: {lot_title}\n    cap_ttc: {PLACEHOLDER_CAP_TTC}"
        for number, lot_title in enumerate(titles[1:], start=2)
    )
    text = Template(_package_text("lots.yaml.tmpl")).substitute(
        title=_yaml_string(title),
        deadline=deadline.isoformat(),
        offers=OFFERS_FILE,
        first_title=titles[0],
        cap_ttc=PLACEHOLDER_CAP_TTC,
        other_lots=other_lots,
    )
    return text.rstrip("\n") + "\n"  # one lot: no other lots, no blank line at the end


def criteria_yaml() -> str:
    """The commented ``criteria.yaml`` of a new consultation: an example's four criteria."""
    return _package_text("criteria.yaml.tmpl")


def _package_text(name: str) -> str:
    """A template shipped inside the package (``lots.yaml.tmpl`` or ``criteria.yaml.tmpl``)."""
    return resources.files("referent_ess.scaffold").joinpath(name).read_text(encoding="utf-8")


def _yaml_string(text: str) -> str:
    """A YAML double-quoted scalar: JSON's string syntax is valid YAML, kept readable."""
    return _YAML_UNSAFE.sub(_yaml_escape, json.dumps(text, ensure_ascii=False))


def _yaml_escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"
