"""Personal identifiers of clients in a member page: refused, because children must stay unnamed.

The group works on child-protection cases. UU No. 23 Tahun 2002 (Perlindungan Anak,
Pasal 17 ayat 2) and UU No. 11 Tahun 2012 (Sistem Peradilan Pidana Anak, Pasal 19) require
a child's identity to stay confidential, so a page that gives a client's ID number,
phone, e-mail or street address must not be published. Names cannot be recognised by a
program: the writing guide asks for initials and age ranges instead.

What is scanned is the text a reader gets: prose, headings, tables, raw HTML, link
addresses and front-matter text. Code spans and fenced code are skipped (program samples
are full of long numbers and example addresses); the README names this limit.

What an identifier looks like is `kda.checks.identifiers`: hand-written patterns, each narrow,
and tests keep the TOR's own text and realistic non-identifiers (years, "± 600",
"UU 23 Tahun 2002", "anak jalanan") unflagged.
An exact string a maintainer has reviewed (the group's own public contact) is allowed in
one file, `data/privasi.yml`.

The data files are published too (members' bios, places, notes on the source, a material's
description), so every text in `data/*.yml` is scanned the same way (`data_findings`).
"""

from __future__ import annotations

import bisect
import html
import re
from dataclasses import dataclass
from pathlib import Path

from kda.checks import identifiers
from kda.checks.identifiers import normalise
from kda.model.datafile import DataFileError, load_data_file
from kda.problems import Problems

ALLOW_LIST = "privasi.yml"  # in data/

LAW = ("Identitas anak dan klien wajib dirahasiakan (UU No. 23 Tahun 2002 tentang Perlindungan Anak, "
       "Pasal 17 ayat 2; UU No. 11 Tahun 2012 tentang Sistem Peradilan Pidana Anak, Pasal 19).")
FIX = ("Hapus atau samarkan (huruf samaran seperti \"Anak A\", rentang umur, tanpa nama sekolah atau desa). Bila ini kontak resmi "
       "kelompok yang memang publik, minta pengelola menambahkannya persis ke data/privasi.yml.")
MAX_FINDINGS = 50  # reported per text: a page full of numbers is refused without listing each one


@dataclass(frozen=True)
class Finding:
    line: int | None
    kind: str
    masked: str

    def message(self, where: str) -> str:
        """`where`: the file (and line) as the reader of the message should see it."""
        return f'{where}: tertulis {self.kind} ("{self.masked}"). {LAW} {FIX}'


def load_allow_list(data_dir: Path, label_root: Path) -> tuple[str, ...]:
    """The exact strings `data/privasi.yml` allows, each with the reason it is public."""
    path = data_dir / ALLOW_LIST
    label = path.relative_to(label_root).as_posix()
    if not path.exists():
        return ()
    try:
        document = load_data_file(path, label)
    except DataFileError as error:
        raise AllowListError(error.problems) from None
    entries = (document.content or {}).get("izinkan") if isinstance(document.content, dict) else None
    if document.content is not None and not isinstance(entries, list):
        raise AllowListError([f"{label}: harus berisi kolom 'izinkan' berupa daftar, misalnya izinkan: []"])
    allowed, problems = [], []
    for index, entry in enumerate(entries or []):
        line = document.line_of(("izinkan", index))
        if not (isinstance(entry, dict) and set(entry) == {"teks", "alasan"}
                and all(isinstance(entry[k], str) and entry[k].strip() for k in entry)):
            problems.append(f"{label}, baris {line}: setiap entri harus punya tepat dua kolom teks, 'teks' "
                            "(persis seperti tertulis di halaman) dan 'alasan' (mengapa boleh publik).")
            continue
        allowed.append(entry["teks"])
    if problems:
        raise AllowListError(problems)
    return tuple(sorted(allowed, key=len, reverse=True))


class AllowListError(Problems):
    """data/privasi.yml is not valid."""


def data_findings(data_dir: Path, label_root: Path, allowed: tuple[str, ...]) -> list[str]:
    """Messages for identifiers in the texts of data/*.yml, with file and line.

    A file that is not valid YAML is skipped here: the data's own check reports it."""
    messages = []
    for path in sorted(data_dir.glob("*.yml")):
        if path.name != ALLOW_LIST:
            messages += yaml_findings(path, path.relative_to(label_root).as_posix(), allowed)
    return messages


def yaml_findings(path: Path, label: str, allowed: tuple[str, ...]) -> list[str]:
    """Messages for identifiers in every published value of one YAML file (a data file, a gallery list)."""
    try:
        document = load_data_file(path, label)
    except DataFileError:
        return []
    messages = []
    for key_path, text in _strings(document.content, ()):
        line = document.line_of(key_path)
        for finding in scan([(line, text)], allowed):
            messages.append(finding.message(f"{label}, baris {line}" if line else label))
    return messages


def _strings(value, path: tuple, keys: bool = False):
    """(path, text) of every string and number in parsed YAML; mapping keys too when `keys`."""
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, int) and not isinstance(value, bool):
        yield path, str(value)
    elif isinstance(value, dict):
        for key, item in value.items():
            if keys:
                yield from _strings(key, path, keys)
            yield from _strings(item, (*path, key), keys)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _strings(item, (*path, index), keys)


def meta_units(meta):
    """(None, text) of every key, string and number of a page's front matter: the theme shows values in
    <head>, the navigation and the feed, and some keys (`links`) as text too."""
    return ((None, text) for _, text in _strings(meta, (), keys=True))


def name_findings(path: str, allowed: tuple[str, ...]) -> list[Finding]:
    """Identifiers in a published file's path (a post's address, an image's or a photo's name):
    hyphens, underscores, dots and slashes read as spaces."""
    return scan([(None, path), (None, _NAME_SEPARATORS.sub(" ", path))], allowed)


_NAME_SEPARATORS = re.compile(r"[-_./\\]+")


# --- scanning ---------------------------------------------------------------------------------

def scan(units, allowed: tuple[str, ...]) -> list[Finding]:
    """Findings in units of (line, text) or (line, text, "html"); the allowed exact strings are blanked.

    An "html" unit is read twice: as the reader sees it (comments and tags removed, a number split
    by them joined again) and as its source shows it (attribute values and comments are published
    too). Both views are normalised first (`identifiers.normalise`). Every step is linear in the text."""
    findings = []
    blanks = tuple(dict.fromkeys((*allowed, *(normalise(a) for a in allowed))))
    for unit in units:
        line, text = unit[0], unit[1]
        views = identifiers.views(text) if len(unit) > 2 and unit[2] == "html" else [normalise(html.unescape(text))]
        for view in views:
            for exact in blanks:
                view = view.replace(exact, " " * len(exact))
            findings += _findings(view, line)
        if len(findings) >= MAX_FINDINGS:
            break  # the page is refused already; the writer sees the rest once these are fixed
    return _dedupe(findings)[:MAX_FINDINGS]


def _findings(text: str, line: int | None) -> list[Finding]:
    breaks = [index for index, char in enumerate(text) if char == "\n"] if "\n" in text else []

    def line_at(index: int) -> int | None:
        return line + bisect.bisect_right(breaks, index) if line else line

    found = []
    for start, kind, value in identifiers.identifiers(text):
        found.append(Finding(line_at(start), kind, mask(value)))
        if len(found) >= MAX_FINDINGS:
            break
    return found


def _dedupe(findings: list[Finding]) -> list[Finding]:
    """One finding per place: the same number seen in two views, or inside a longer finding, once."""
    kept: dict[int | None, list[Finding]] = {}
    for finding in findings:
        same_line = kept.setdefault(finding.line, [])
        if not any(finding.masked in other.masked for other in same_line):
            same_line[:] = [other for other in same_line if other.masked not in finding.masked]
            same_line.append(finding)
    return [finding for line in kept.values() for finding in line]


def mask(value: str) -> str:
    """Enough to find it in the file, not enough to publish it in a CI log."""
    value = value.strip()
    if len(value) <= 8:  # the start of an address ("Jl. M"): identifies no one
        return value
    return value[:4] + "…" + value[-2:]


# --- what a page publishes, from markdown-it's tokens ---------------------------------------

def text_units(tokens, first_line: int = 1):
    """The units of what a reader gets from markdown-it tokens: each paragraph, heading or cell as
    HTML source (its soft line breaks kept, so a number broken over two lines is one), each raw HTML
    block, and each link's and image's address, title and alternative text. Code is skipped, except a
    code span of digits only (a piece of a number, not a program)."""
    for token in tokens:
        line = token.map[0] + first_line if token.map else None
        if token.type == "html_block":
            yield line, token.content, "html"
        elif token.type == "inline":
            yield from _inline_units(token.children or [], line)


def _inline_units(children, line):
    parts: list[str] = []
    for index, child in enumerate(children):
        if child.type in ("softbreak", "hardbreak"):
            parts.append("\n")
        elif child.type == "text":
            parts.append(html.escape(child.content, quote=False))
        elif child.type == "html_inline":
            parts.append(child.content)
        elif child.type == "code_inline":
            parts.append(html.escape(child.content) if _piece_of_a_number(child, children, index, parts) else " ")
        elif child.type == "link_open":
            yield from _attribute_units(child, ("href", "title"), line + "".join(parts).count("\n") if line else line)
        elif child.type == "image":
            here = line + "".join(parts).count("\n") if line else line
            yield from _attribute_units(child, ("src", "title"), here)
            yield here, child.content
    yield line, "".join(parts), "html"


_DIGITS_ONLY = re.compile(r"[\d\s.\-]+")


def _piece_of_a_number(code, children, index: int, parts: list[str]) -> bool:
    """A code span of digits glued to digits before or after it ("3273`0101`01010001") is read as
    part of that number; any other code is a sample and is not scanned."""
    if not _DIGITS_ONLY.fullmatch(code.content):
        return False
    after = children[index + 1].content if index + 1 < len(children) else ""
    before = parts[-1] if parts else ""
    return (before[-1:].isdigit()) or (after[:1].isdigit())


def _attribute_units(token, names: tuple[str, ...], line):
    for name in names:
        value = token.attrGet(name)
        if value:
            yield line, str(value)
