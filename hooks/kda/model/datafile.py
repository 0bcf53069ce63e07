"""Read one YAML data file strictly, remembering the line of every entry and field.

PyYAML alone is too forgiving for files edited by hand: it turns ``13:00`` into the
number 780 (YAML 1.1 sexagesimal), ``16.30`` into 16.3, and a duplicated key silently
overwrites the first. This loader keeps only null, true/false and whole numbers as
implicit types (everything else stays text for the model to parse with a clear
message), refuses duplicate keys, and records line numbers so that every message
can point at the line to fix. No library does this for PyYAML, hence the small
hand-written loader.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from kda.problems import Problems

Path_ = tuple  # a path into the document: ("pertemuan", 2, "tanggal") or (2, "tanggal")


class _StrictLoader(yaml.SafeLoader):
    """SafeLoader with a small, predictable set of implicit types."""


_StrictLoader.yaml_implicit_resolvers = {}
_StrictLoader.add_implicit_resolver(
    "tag:yaml.org,2002:null", re.compile(r"^(?:~|null|Null|NULL|)$"), ["~", "n", "N", ""]
)
_StrictLoader.add_implicit_resolver(
    "tag:yaml.org,2002:bool",
    re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"),
    list("tTfF"),
)
_StrictLoader.add_implicit_resolver(
    "tag:yaml.org,2002:int", re.compile(r"^[-+]?[0-9]+$"), list("-+0123456789")
)


class _FastStrictLoader(getattr(yaml, "CSafeLoader", _StrictLoader)):
    """The same types through libyaml, when PyYAML was built with it."""


_FastStrictLoader.yaml_implicit_resolvers = _StrictLoader.yaml_implicit_resolvers


@dataclass
class DataFile:
    """A parsed data file: its content, and the line (1-based) of each path in it."""

    path: Path
    label: str  # how messages name the file, e.g. "data/pertemuan.yml"
    content: Any
    lines: dict[Path_, int] = field(default_factory=dict)

    def line_of(self, path: Path_) -> int | None:
        """The line of `path`, or of its nearest recorded parent."""
        path = tuple(path)
        while path:
            if path in self.lines:
                return self.lines[path]
            path = path[:-1]
        return None


class DataFileError(Problems):
    """The file cannot be read as YAML; `problems` holds Indonesian messages."""


def load_data_file(path: Path, label: str) -> DataFile:
    """Parse `path`; raise DataFileError with Indonesian messages on any syntax problem."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise DataFileError([f"{label}: berkas data tidak ditemukan. Pulihkan berkas ini; situs tidak dapat dibangun tanpanya."])
    except UnicodeDecodeError:
        raise DataFileError([f"{label}: berkas bukan teks UTF-8. Simpan ulang berkas dengan pengodean UTF-8."])
    return parse_data_text(text, path, label)


def parse_data_text(text: str, path: Path, label: str, first_line: int = 1) -> DataFile:
    """Parse YAML `text` (a file, or a page's front matter starting at line `first_line`).

    With libyaml (PyYAML's C parser, ~10x faster: the data and every article's front
    matter are read on each build); a text it refuses is parsed again by the pure-Python parser,
    whose error messages (and so ours) are the ones the tests and the writing guide know."""
    try:
        return _parse(text, path, label, first_line, _FastStrictLoader)
    except DataFileError:
        if _FastStrictLoader is _StrictLoader:
            raise
        return _parse(text, path, label, first_line, _StrictLoader)


def _parse(text: str, path: Path, label: str, first_line: int, loader_class) -> DataFile:
    loader = loader_class(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return DataFile(path, label, None, {})
        problems = _duplicate_keys(node, label, first_line - 1)
        if problems:
            raise DataFileError(problems)
        content = loader.construct_document(node)
    except yaml.YAMLError as error:
        raise DataFileError([_syntax_message(error, label, first_line - 1)])
    finally:
        loader.dispose()
    lines: dict[Path_, int] = {}
    _record_lines(node, (), lines, first_line - 1)
    return DataFile(path, label, content, lines)


def _record_lines(node: yaml.Node, path: Path_, lines: dict[Path_, int], offset: int = 0) -> None:
    lines[path] = node.start_mark.line + 1 + offset
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            child = path + (key_node.value,)
            _record_lines(value_node, child, lines, offset)
            lines[child] = key_node.start_mark.line + 1 + offset
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _record_lines(item, path + (index,), lines, offset)


def _duplicate_keys(node: yaml.Node, label: str, offset: int = 0) -> list[str]:
    problems = []
    if isinstance(node, yaml.MappingNode):
        seen: dict[str, int] = {}
        for key_node, value_node in node.value:
            line = key_node.start_mark.line + 1 + offset
            key = key_node.value
            if key in seen:
                problems.append(
                    f"{label}, baris {line}: kolom '{key}' ditulis dua kali dalam satu entri "
                    f"(pertama di baris {seen[key]}). Hapus salah satunya."
                )
            else:
                seen[key] = line
            problems.extend(_duplicate_keys(value_node, label, offset))
    elif isinstance(node, yaml.SequenceNode):
        for item in node.value:
            problems.extend(_duplicate_keys(item, label, offset))
    return problems


def _syntax_message(error: yaml.YAMLError, label: str, offset: int = 0) -> str:
    mark = getattr(error, "problem_mark", None)
    where = f", baris {mark.line + 1 + offset}, kolom {mark.column + 1}" if mark else ""
    detail = str(getattr(error, "problem", "") or "")
    hint = " Ada karakter tab: ganti dengan spasi." if "\\t" in detail or "tab" in detail else ""
    return (
        f"{label}{where}: penulisan berkas tidak sah di sekitar baris ini.{hint} "
        "Periksa indentasi (pakai spasi, bukan tab), tanda titik dua setelah nama kolom, "
        "dan tanda kutip yang berpasangan."
    )
