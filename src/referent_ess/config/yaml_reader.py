"""Reading a YAML file safely, remembering the line of every node so errors can point at it.

Only the safe loader is used. Three things YAML allows are refused, each with its line: duplicate
keys (PyYAML silently keeps the last one), anchors and aliases (a configuration never needs them,
and nested aliases can make a tiny file expand without end), and unquoted YAML 1.1 values that do
not mean what they look like (``yes``/``no``/``on``/``off`` read as booleans, ``0755`` as the
octal 493, ``1:30`` as the number 90).

What a hostile file could use to exhaust the machine is bounded before it is built: a file larger
than :data:`MAX_BYTES` is not parsed, and a node nested deeper than :data:`MAX_DEPTH` stops the
reading at its line (PyYAML builds nodes recursively: 500 levels were a ``RecursionError``).
Numbers are read exactly: an unquoted ``0.055`` is the decimal 0.055, never a binary float, and
an integer of thousands of digits is a decimal too (Python refuses to convert more than 4300
digits), that the checks of each key then find too large.
"""

import hashlib
import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation, localcontext
from pathlib import Path
from typing import Any

import yaml

from referent_ess.problems.errors import ReferentError, os_reason
from referent_ess.problems.problem import Problem

Location = tuple[str | int, ...]
Params = tuple[tuple[str, str], ...]  # the figures of a message, for the catalogues

# PyYAML's most frequent problems (their text starts so), for the catalogues to word them
_SYNTAX_PROBLEMS = (
    ("mapping values are not allowed here", "colon"),
    ("found character '\\t' that cannot start any token", "tab"),
    ("found unexpected end of stream", "end"),
    ("expected <block end>", "indentation"),
    ("expected ',' or ']'", "bracket"),
    ("expected ',' or '}'", "brace"),
)
# what Python says of a date that does not exist, for the catalogues to word it
_DATE_REASONS = {
    "month must be in 1..12": "month",
    "day is out of range for month": "day",
}

MAX_BYTES = 1_000_000  # a lots.yaml is a few kilobytes; PyYAML reads about 200 KB a second
MAX_DEPTH = 50  # levels of nesting; a configuration uses 4

_BOOL_WORDS = re.compile(r"yes|no|on|off|y|n", re.IGNORECASE)
_OCTAL = re.compile(r"[-+]?0[0-7_]+")
_THOUSANDS_POINT = re.compile(r"[1-9][0-9]{0,2}\.[0-9]{3}")  # 10.000: ten, or ten thousand?
_SEXAGESIMAL = re.compile(r"[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?")


@dataclass(frozen=True)
class YamlDocument:
    """The data of a YAML file, the line where each path into it starts, and its problems."""

    path: Path
    data: Any
    sha256: str
    lines: dict[Location, int] = field(default_factory=dict)
    problems: tuple[Problem, ...] = ()

    def line_of(self, location: Location) -> int | None:
        """The line of the deepest node on ``location`` that exists in the file. A mapping key
        is recorded as written (``5``), which pydantic's location holds as read (the number
        5): either is found."""
        for end in range(len(location), -1, -1):
            line = self.lines.get(tuple(location[:end]))
            if line is None:
                line = self.lines.get(tuple(str(part) for part in location[:end]))
            if line is not None:
                return line
        return None


def read_yaml(path: Path) -> YamlDocument:
    """Parse ``path``. A missing or unreadable file raises :class:`ReferentError`; what is wrong
    inside the file is returned as problems, so that every file's problems can be reported."""
    content = _read(path)
    sha256 = hashlib.sha256(content).hexdigest()
    if len(content) > MAX_BYTES:
        limit: Params = (("limit_mb", str(MAX_BYTES // 1_000_000)),)
        too_large = Problem("yaml-too-large", params=limit, file=str(path))
        return YamlDocument(path, None, sha256, problems=(too_large,))
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ReferentError(
            "not-utf8", params=(("form", "yaml"), ("path", str(path)), ("byte", str(exc.start)))
        ) from None
    try:
        loader = _Loader(text)
    except yaml.reader.ReaderError as exc:
        return YamlDocument(path, None, sha256, problems=(_unprintable(path, text, exc),))
    node: yaml.Node | None = None
    try:
        node = loader.get_single_node()
        if node is None:
            return YamlDocument(path, None, sha256)
        walk = _Walk(str(path))
        walk.index(node, ())
        if any(p.code in ("yaml-alias",) for p in walk.problems):
            return YamlDocument(path, None, sha256, walk.lines, tuple(walk.problems))
        data = loader.construct_document(node)
    except _TooDeep as exc:
        deep = Problem(
            "yaml-too-deep", params=(("limit", str(MAX_DEPTH)),), file=str(path), row=exc.line
        )
        return YamlDocument(path, None, sha256, problems=(deep,))
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        problem = exc.problem or exc.context or "invalid YAML"
        line = mark.line + 1 if mark else None
        column_params: Params = (
            (("column_part", "column.at"), ("column", str(mark.column + 1)))
            if mark
            else (("column_part", "column.none"),)
        )
        kind = next((k for start, k in _SYNTAX_PROBLEMS if problem.startswith(start)), "other")
        params: Params = (
            ("form", "marked"),
            ("problem", problem),
            ("problem_part", f"yaml-problem.{kind}"),
            *column_params,
        )
        syntax = Problem("yaml-syntax", params=params, file=str(path), row=line)
        return YamlDocument(path, None, sha256, problems=(syntax,))
    except yaml.reader.ReaderError as exc:
        return YamlDocument(path, None, sha256, problems=(_unprintable(path, text, exc),))
    except yaml.YAMLError as exc:
        params = (("form", "other"), ("detail", str(exc)))
        unreadable = Problem("yaml-syntax", params=params, file=str(path))
        return YamlDocument(path, None, sha256, problems=(unreadable,))
    except ValueError as exc:  # an unquoted date that does not exist, such as 2018-13-45
        bad_date = _impossible_date(loader, node)
        row = bad_date[0] if bad_date else None
        found: Params = (
            (("found_part", "date.found"), ("found", bad_date[1]))
            if bad_date
            else (("found_part", "date.unknown"),)
        )
        reason = _DATE_REASONS.get(str(exc), "other")
        params = (*found, ("detail", str(exc)), ("detail_part", f"date-detail.{reason}"))
        bad = Problem("invalid-date", params=params, file=str(path), row=row)
        return YamlDocument(path, None, sha256, problems=(bad,))
    finally:
        loader.dispose()
    return YamlDocument(path, data, sha256, walk.lines, tuple(walk.problems))


class _TooDeep(Exception):
    """A node nested deeper than :data:`MAX_DEPTH`, at ``line``."""

    def __init__(self, line: int | None) -> None:
        super().__init__(line)
        self.line = line


class _Loader(yaml.SafeLoader):
    """PyYAML's safe loader, that stops at the first node nested deeper than :data:`MAX_DEPTH`
    and reads numbers exactly (:func:`_exact_int`, :func:`_exact_float`)."""

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self.depth = 0

    def compose_node(self, parent: yaml.Node | None, index: int) -> yaml.Node | None:
        if not self.check_event(yaml.CollectionStartEvent):
            return super().compose_node(parent, index)
        if self.depth >= MAX_DEPTH:
            event: yaml.Event = self.peek_event()  # type: ignore[no-untyped-call]
            raise _TooDeep(event.start_mark.line + 1 if event.start_mark else None)
        self.depth += 1
        try:
            return super().compose_node(parent, index)
        finally:
            self.depth -= 1


def _exact_int(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> int | Decimal:
    """An integer; one of more than 4300 digits (which Python refuses to read) as a decimal."""
    try:
        return loader.construct_yaml_int(node)
    except IndexError:  # an empty text tagged !!int
        raise _not_a_number(node) from None
    except ValueError:
        text = str(node.value).replace("_", "")
        with localcontext() as exact:
            exact.prec = len(text) + 1  # as many digits as written: nothing is rounded
            total = Decimal(0)
            try:
                for part in text.lstrip("+-").split(":"):  # base 60 (a trap said as such)
                    total = total * 60 + Decimal(part)
            except InvalidOperation:
                raise _not_a_number(node) from None
            return -total if text.startswith("-") else total


def _exact_float(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> float | Decimal:
    """A number with a decimal point, exactly as written (``0.1`` is not 0.1000000000000000055…);
    infinity, not-a-number and base 60 as PyYAML reads them (the checks refuse them)."""
    text = str(node.value).replace("_", "")
    if ":" in text or text.lstrip("+-").lower() in (".inf", ".nan"):
        return loader.construct_yaml_float(node)
    try:
        return Decimal(text)
    except InvalidOperation:  # an explicit !!float tag on a text
        raise _not_a_number(node) from None


def _not_a_number(node: yaml.ScalarNode) -> yaml.constructor.ConstructorError:
    problem = f"{node.value!r} is not a number"
    return yaml.constructor.ConstructorError(None, None, problem, node.start_mark)


_Loader.add_constructor("tag:yaml.org,2002:int", _exact_int)
_Loader.add_constructor("tag:yaml.org,2002:float", _exact_float)


def _read(path: Path) -> bytes:
    """The file's bytes, one more than :data:`MAX_BYTES` at most, whatever it holds."""
    try:
        with path.open("rb") as stream:
            return stream.read(MAX_BYTES + 1)
    except FileNotFoundError:
        looked: Params = (
            (("looked_part", "looked.none"),)
            if path.is_absolute()
            else (("looked_part", "looked.path"), ("looked", str(path.absolute())))
        )
        raise ReferentError(
            "file-not-found", params=(("form", "yaml"), ("path", str(path)), *looked)
        ) from None
    except IsADirectoryError:
        raise ReferentError("is-a-folder", params=(("form", "yaml"), ("path", str(path)))) from None
    except OSError as exc:
        raise ReferentError(
            "unreadable-file", params=(("path", str(path)), *os_reason(exc))
        ) from None


def _unprintable(path: Path, text: str, exc: yaml.reader.ReaderError) -> Problem:
    """A character YAML refuses (a control character): its line, and what to do."""
    line = text.count("\n", 0, exc.position) + 1
    params = (("form", "control"), ("character", _code_point(exc.character)))
    return Problem("yaml-syntax", params=params, file=str(path), row=line)


def _code_point(character: object) -> str:
    code = character if isinstance(character, int) else ord(str(character)[:1] or "\0")
    return f"U+{code:04X}"


def _impossible_date(loader: yaml.SafeLoader, node: yaml.Node | None) -> tuple[int, str] | None:
    """The line and text of the first unquoted date that names no real day."""
    if isinstance(node, yaml.ScalarNode):
        if node.tag == "tag:yaml.org,2002:timestamp":
            try:
                loader.construct_yaml_timestamp(node)
            except ValueError:
                return node.start_mark.line + 1, str(node.value)
        return None
    children: list[yaml.Node] = []
    if isinstance(node, yaml.SequenceNode):
        children = list(node.value)
    elif isinstance(node, yaml.MappingNode):
        children = [part for pair in node.value for part in pair]
    for child in children:
        found = _impossible_date(loader, child)
        if found:
            return found
    return None


class _Walk:
    """Records the line of every node and the problems of the tree, without building it."""

    def __init__(self, file: str) -> None:
        self.file = file
        self.lines: dict[Location, int] = {}
        self.problems: list[Problem] = []
        self.seen: set[int] = set()

    def problem(self, code: str, line: int, location: Location, params: Params = ()) -> None:
        field = ".".join(str(part) for part in location) or None
        self.problems.append(Problem(code, params=params, file=self.file, row=line, field=field))

    def index(self, node: yaml.Node, location: Location) -> None:
        line = node.start_mark.line + 1
        if id(node) in self.seen:
            self.problem("yaml-alias", line, location)
            return
        self.seen.add(id(node))
        self.lines[location] = line
        if isinstance(node, yaml.ScalarNode):
            self.check_scalar(node, line, location)
        elif isinstance(node, yaml.MappingNode):
            first_line: dict[object, int] = {}
            for key_node, value_node in node.value:
                key = key_node.value if isinstance(key_node, yaml.ScalarNode) else None
                key_line = key_node.start_mark.line + 1
                if key is not None and key in first_line:
                    params = (("key", repr(key)), ("first", str(first_line[key])))
                    self.problem("duplicate-key", key_line, (*location, key), params)
                    continue
                if key is not None:
                    first_line[key] = key_line
                    self.index(value_node, (*location, key))
                    self.lines[(*location, key)] = key_line
        elif isinstance(node, yaml.SequenceNode):
            for index, item in enumerate(node.value):
                self.index(item, (*location, index))

    def check_scalar(self, node: yaml.ScalarNode, line: int, location: Location) -> None:
        if node.style is not None:  # quoted: a string, whatever it looks like
            return
        text = str(node.value)
        params: Params
        if node.tag.endswith(":bool") and _BOOL_WORDS.fullmatch(text):
            meaning = "true" if text.lower() in ("yes", "on", "y") else "false"
            params = (("form", "boolean"), ("text", text), ("meaning", meaning))
        elif node.tag.endswith(":int") and _OCTAL.fullmatch(text):
            params = (("form", "octal"), ("text", text))
        elif node.tag.endswith((":int", ":float")) and _SEXAGESIMAL.fullmatch(text):
            params = (("form", "base-60"), ("text", text))
        elif node.tag.endswith(":float") and _THOUSANDS_POINT.fullmatch(text):
            read, meant = f"{float(text):g}", text.replace(".", "")
            params = (("form", "thousands"), ("text", text), ("read_num", read), ("meant", meant))
        else:
            return
        self.problem("yaml-trap", line, location, params)
