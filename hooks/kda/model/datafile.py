"""Read one YAML data file strictly, remembering the line of every entry and field.

PyYAML alone is too forgiving for files edited by hand: it turns ``13:00`` into the
number 780 (YAML 1.1 sexagesimal), ``16.30`` into 16.3, and a duplicated key silently
overwrites the first. This loader keeps only null, true/false and whole numbers as
implicit types (everything else stays text for the model to parse with a clear
message), refuses duplicate keys, and records line numbers so that every message
can point at the line to fix. No library does this for PyYAML, hence the small
hand-written loader.

The data needs none of YAML's power features, and each of them is a way to exhaust the
build: an alias repeats a node, so ten lines of anchors and aliases expand to billions of
values (5.7 KB took 245 s and 20.8 GB). Before anything is built from a text, `limit_problems`
reads only its events, stopping at the first anchor (`&name`), alias (`*name`), explicit tag
(`!!type`) or nesting deeper than MAX_DEPTH, and refuses them, together with invisible control
characters (which PyYAML refuses with a traceback), a text over MAX_CHARS and a line over
MAX_LINE_CHARS. That check is linear: libyaml yields events lazily, and it is left at the first
refusal. A syntax error names the line where the problem starts: for an unclosed quote, the
line where the quote opens, not the end of the file where PyYAML notices it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from kda.problems import Problems

Path_ = tuple  # a path into the document: ("pertemuan", 2, "tanggal") or (2, "tanggal")

MAX_CHARS = 300_000  # a data file; today's largest is 5 KB (a thousand meetings fit)
MAX_LINE_CHARS = 10_000
MAX_DEPTH = 10  # lists and mappings inside each other; the data uses 4
# What YAML's reader refuses: control characters other than tab and line ends, and non-characters.
CONTROL = re.compile("[^\x09\x0A\x0D\x20-\x7E\x85\xA0-\uD7FF\uE000-\uFFFD\U00010000-\U0010FFFF]")


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


def parse_data_text(text: str, path: Path, label: str, first_line: int = 1, max_chars: int = MAX_CHARS) -> DataFile:
    """Parse YAML `text` (a file, or a page's front matter starting at line `first_line`).

    With libyaml (PyYAML's C parser, ~10x faster: the data and every article's front
    matter are read on each build); a text it refuses is parsed again by the pure-Python parser,
    whose error messages (and so ours) are the ones the tests and the writing guide know."""
    problems = limit_problems(text, label, first_line, max_chars)
    if problems:
        raise DataFileError(problems)
    try:
        return _parse(text, path, label, first_line, _FastStrictLoader)
    except DataFileError:
        if _FastStrictLoader is _StrictLoader:
            raise
        return _parse(text, path, label, first_line, _StrictLoader)


def limit_problems(text: str, label: str, first_line: int = 1, max_chars: int = MAX_CHARS) -> list[str]:
    """What makes a YAML text unsafe to build from, found without building anything (linear)."""
    offset = first_line - 1
    problems = control_problems(text, label, first_line)
    if len(text) > max_chars:
        problems.append(f"{label}: teks ini terlalu panjang ({_count(len(text))} karakter; paling banyak "
                        f"{_count(max_chars)}). Pendekkan isinya.")
    long_line = next((n for n, line in enumerate(text.splitlines(), 1) if len(line) > MAX_LINE_CHARS), None)
    if long_line:
        problems.append(f"{label}, baris {long_line + offset}: baris ini terlalu panjang (paling banyak "
                        f"{_count(MAX_LINE_CHARS)} karakter). Pecah isinya menjadi beberapa baris.")
    if problems:
        return problems
    return _event_problems(text, label, offset)


def control_problems(text: str, label: str, first_line: int = 1) -> list[str]:
    """The first invisible control character of `text`, with its line and column."""
    found = CONTROL.search(text)
    if not found:
        return []
    line = text.count("\n", 0, found.start()) + first_line
    column = found.start() - (text.rfind("\n", 0, found.start()) + 1) + 1
    return [f"{label}, baris {line}, kolom {column}: ada karakter kendali tak terlihat (U+{ord(found[0]):04X}) "
            "yang tidak boleh ada di berkas teks. Hapus karakter itu (biasanya terbawa saat menyalin dari aplikasi "
            "lain): hapus dan ketik ulang bagian itu, lalu simpan berkasnya."]


_OPEN = (yaml.SequenceStartEvent, yaml.MappingStartEvent)
_CLOSE = (yaml.SequenceEndEvent, yaml.MappingEndEvent)


def _event_problems(text: str, label: str, offset: int) -> list[str]:
    """Anchors, aliases, explicit tags and deep nesting: the first one found (events only, no values built).

    A syntax error is left to the parser, which reports it with its line."""
    depth = 0
    try:
        for event in yaml.parse(text, Loader=_FastStrictLoader):
            line = event.start_mark.line + 1 + offset
            if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
                return [f"{label}, baris {line}: jangkar (&nama) dan alias (*nama) YAML tidak boleh dipakai di sini "
                        "(satu alias dapat mengulang isi berjuta kali dan menghentikan pembangunan situs). "
                        "Tulis nilainya lengkap di setiap tempat ia diperlukan."]
            if getattr(event, "tag", None):
                written = text[event.start_mark.index:].split(maxsplit=1)[0][:40]
                return [f"{label}, baris {line}: tanda jenis YAML ({written}) tidak boleh dipakai di sini. "
                        "Hapus tanda yang diawali ! itu; tulis nilainya biasa saja."]
            if isinstance(event, _OPEN):
                depth += 1
                if depth > MAX_DEPTH:
                    return [f"{label}, baris {line}: daftar atau kumpulan kolom bersarang terlalu dalam (lebih dari "
                            f"{MAX_DEPTH} tingkat). Tulis isinya lebih datar."]
            elif isinstance(event, _CLOSE):
                depth -= 1
    except yaml.YAMLError:
        return []
    return []


def _count(value: int) -> str:
    return f"{value:,}".replace(",", ".")


def _parse(text: str, path: Path, label: str, first_line: int, loader_class) -> DataFile:
    loader = None
    try:
        loader = loader_class(text)  # PyYAML's reader checks the characters here already
        node = loader.get_single_node()
        if node is None:
            return DataFile(path, label, None, {})
        problems = _duplicate_keys(node, label, first_line - 1)
        if problems:
            raise DataFileError(problems)
        content = loader.construct_document(node)
    except yaml.YAMLError as error:
        raise DataFileError([_syntax_message(error, text, label, first_line - 1)]) from None
    finally:
        if loader is not None:
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


def _syntax_message(error: yaml.YAMLError, text: str, label: str, offset: int = 0) -> str:
    if isinstance(error, yaml.reader.ReaderError):  # a character YAML refuses (control_problems finds it first)
        return f"{label}: ada karakter kendali tak terlihat (U+{error.character:04X}). Hapus karakter itu."
    quote = _quote_problem(error, text)
    if quote:
        return _quote_message(label, quote[0] + 1 + offset, *quote[1:])
    mark = getattr(error, "problem_mark", None)
    where = f", baris {mark.line + 1 + offset}, kolom {mark.column + 1}" if mark else ""
    detail = str(getattr(error, "problem", "") or "")
    hint = " Ada karakter tab: ganti dengan spasi." if "\\t" in detail or "tab" in detail else ""
    return (
        f"{label}{where}: penulisan berkas tidak sah di sekitar baris ini.{hint} "
        "Periksa indentasi (pakai spasi, bukan tab), tanda titik dua setelah nama kolom, "
        "dan tanda kutip yang berpasangan."
    )


# --- quotes: the line where the problem starts -------------------------------------------------
# PyYAML notices an unclosed quote only where the text ends (the closing `---` of a page's
# header) or at the next quote, lines later; the writer needs the line where the quote opens.

_KEY = re.compile(r"^(?:-\s+)*[^\s#'\"\-][^:#]*:\s+(?=\S)|^(?:-\s+)+(?=\S)")


def _quote_problem(error: yaml.YAMLError, text: str) -> tuple[int, str, str] | None:
    """(0-based line, "unclosed" or "trailing", quote character) of the value that broke the file."""
    lines = text.splitlines()
    context = getattr(error, "context_mark", None)
    if getattr(error, "context", "") == "while scanning a quoted scalar" and context is not None:
        line = lines[context.line] if context.line < len(lines) else ""
        return context.line, "unclosed", line[context.column:context.column + 1] or '"'
    problem = getattr(error, "problem_mark", None)
    last = problem.line if problem is not None else len(lines) - 1
    for number, line in enumerate(lines[: last + 1]):
        state = _quote_state(line)
        if state:
            return number, *state
    return None


def _quote_state(line: str) -> tuple[str, str] | None:
    """Whether the value of this `key: value` (or `- value`) line opens a quote it does not close,
    or closes it and goes on with more text."""
    stripped = line.lstrip()
    prefix = _KEY.match(stripped)
    value = stripped[prefix.end():] if prefix else stripped if stripped[:1] in "'\"" else ""
    if value[:1] not in ("'", '"'):
        return None
    quote, position = value[0], 1
    while position < len(value):
        char = value[position]
        if quote == '"' and char == "\\":
            position += 2
            continue
        if char == quote:
            if quote == "'" and value[position + 1:position + 2] == "'":  # '' is an apostrophe
                position += 2
                continue
            rest = value[position + 1:].strip()
            return ("trailing", quote) if rest and not rest.startswith("#") else None
        position += 1
    return "unclosed", quote


def _quote_message(label: str, line: int, state: str, quote: str) -> str:
    other = "'" if quote == '"' else '"'
    if state == "unclosed":
        return (f"{label}, baris {line}: tanda kutip {quote} di baris ini dibuka tetapi tidak ditutup. Tutup nilainya "
                f"dengan {quote} di akhir baris yang sama, misalnya {quote}teks nilainya{quote}.")
    inside = "tanda kutip ganda" if quote == '"' else "apostrof atau tanda kutip tunggal"
    return (f"{label}, baris {line}: nilai di baris ini ditutup tanda kutip {quote} di tengah, lalu masih ada teks "
            f"sesudahnya. Bila nilainya memuat {inside}, apit seluruh nilai dengan tanda kutip {other}, misalnya "
            + ("'Judul \"besar\" lain'." if quote == '"' else "\"Jum'at bersih\"."))
