"""Reading a YAML file safely, remembering the line of every node so errors can point at it.

Only the safe loader is used. Duplicate keys, which PyYAML silently resolves by keeping the last
one, are refused with both lines named.
"""

import hashlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from referent_ess.errors import ConfigError, ReferentError
from referent_ess.problems import Problem

Location = tuple[str | int, ...]


@dataclass(frozen=True)
class YamlDocument:
    """The data of a YAML file and, for each path into it, the 1-based line where it starts."""

    path: Path
    data: Any
    sha256: str
    lines: dict[Location, int] = field(default_factory=dict)

    def line_of(self, location: Location) -> int | None:
        """The line of the deepest node on ``location`` that exists in the file."""
        for end in range(len(location), -1, -1):
            line = self.lines.get(tuple(location[:end]))
            if line is not None:
                return line
        return None


def read_yaml(path: Path) -> YamlDocument:
    """Parse ``path``; raise :class:`ReferentError` naming the file and line when it cannot be."""
    try:
        content = path.read_bytes()
        text = content.decode("utf-8-sig")
    except FileNotFoundError:
        raise ReferentError(f"{path}: file not found") from None
    except IsADirectoryError:
        raise ReferentError(f"{path}: is a folder, expected a YAML file") from None
    except UnicodeDecodeError as exc:
        raise ReferentError(
            f"{path}: not UTF-8 text (byte {exc.start}); save it as UTF-8"
        ) from None
    except OSError as exc:
        raise ReferentError(f"{path}: cannot be read ({exc.strerror})") from None

    sha256 = hashlib.sha256(content).hexdigest()
    loader = yaml.SafeLoader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return YamlDocument(path, None, sha256)
        lines: dict[Location, int] = {}
        duplicates: list[tuple[int, str]] = []
        _index(node, (), lines, duplicates)
        if duplicates:
            raise ConfigError(
                [
                    Problem("duplicate-key", message, file=str(path), row=line)
                    for line, message in duplicates
                ]
            )
        data = loader.construct_document(node)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        problem = exc.problem or exc.context or "invalid YAML"
        column = f" (column {mark.column + 1})" if mark else ""
        raise ConfigError(
            [
                Problem(
                    "yaml-syntax",
                    f"YAML syntax error{column}: {problem}",
                    file=str(path),
                    row=mark.line + 1 if mark else None,
                )
            ]
        ) from None
    except yaml.YAMLError as exc:
        raise ReferentError(f"{path}: YAML error: {exc}") from None
    finally:
        loader.dispose()
    return YamlDocument(path, data, sha256, lines)


def _index(
    node: yaml.Node,
    location: Location,
    lines: dict[Location, int],
    duplicates: list[tuple[int, str]],
) -> None:
    lines[location] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        seen: dict[object, int] = {}
        for key_node, value_node in node.value:
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else None
            line = key_node.start_mark.line + 1
            if key is not None and key in seen:
                duplicates.append(
                    (line, f"duplicate key {key!r} (first at line {seen[key]}); keep only one")
                )
            elif key is not None:
                seen[key] = line
                _index(value_node, (*location, key), lines, duplicates)
                lines[(*location, key)] = line
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _index(item, (*location, index), lines, duplicates)
