"""Personal identifiers of clients in a member page: refused, because children must stay unnamed.

The group works on child-protection cases. UU No. 23 Tahun 2002 (Perlindungan Anak,
Pasal 17 ayat 2) and UU No. 11 Tahun 2012 (Sistem Peradilan Pidana Anak, Pasal 19) require
a child's identity to stay confidential, so a page that gives a client's ID number,
phone, e-mail or street address must not be published. Names cannot be recognised by a
program: the writing guide asks for initials and age ranges instead.

What is scanned is the text a reader gets: prose, headings, tables, raw HTML, link
addresses and front-matter text. Code spans and fenced code are skipped (program samples
are full of long numbers and example addresses); the README names this limit.

The patterns are hand-written regular expressions: no maintained library knows
Indonesian identifiers (the general PII tools target US/EU formats and pull in NLP
models). Each pattern is narrow, and tests keep the TOR's own text and realistic
non-identifiers (years, "± 600", "UU 23 Tahun 2002", "anak jalanan") unflagged.
An exact string a maintainer has reviewed (the group's own public contact) is allowed in
one file, `data/privasi.yml`.

The data files are published too (members' bios, places, notes on the source, a material's
description), so every text in `data/*.yml` is scanned the same way (`data_findings`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from kda.model.datafile import DataFileError, load_data_file
from kda.problems import Problems

ALLOW_LIST = "privasi.yml"  # in data/

LAW = ("Identitas anak dan klien wajib dirahasiakan (UU No. 23 Tahun 2002 tentang Perlindungan Anak, "
       "Pasal 17 ayat 2; UU No. 11 Tahun 2012 tentang Sistem Peradilan Pidana Anak, Pasal 19).")
FIX = ("Hapus atau samarkan (huruf samaran seperti \"Anak A\", rentang umur, tanpa nama sekolah atau desa). Bila ini kontak resmi "
       "kelompok yang memang publik, minta pengelola menambahkannya persis ke data/privasi.yml.")

_SEP = r"[ .\-]?"
PATTERNS: tuple[tuple[str, re.Pattern], ...] = (
    ("nomor NIK atau KK (16 angka)",
     re.compile(r"(?<![\w.])(?:\d{16}|\d{2}[ .]?\d{2}[ .]?\d{2}[ .]?\d{6}[ .]?\d{4})(?![\w])")),
    ("nomor identitas (NIK, KK, NISN atau akta)",
     re.compile(r"\b(?:NIK|NISN|KK|No\.?\s*KK|[Kk]artu [Kk]eluarga|[Aa]kta [Kk]elahiran)\s*(?:[Nn]o(?:mor)?\.?\s*)?[:.]?\s*\d[\d .\-]{5,}")),
    ("nomor telepon",
     re.compile(r"(?<![\w+])(?:\+62|62|0)" + _SEP + r"8\d{1,3}(?:" + _SEP + r"\d{2,5}){2,3}(?!\d)")),
    ("nomor telepon",
     re.compile(r"\+62" + _SEP + r"\(?\d{1,4}\)?(?:" + _SEP + r"\d{2,5}){1,4}(?!\d)")),
    ("nomor telepon",
     re.compile(r"(?<![\w])\(0\d{2,3}\)" + _SEP + r"\d{3,4}" + _SEP + r"\d{3,5}(?!\d)")),
    ("nomor telepon",  # a landline with its area code: 022-7201234, 0231 123456
     re.compile(r"(?<![\w.,/])0(?:2\d|[3-9]\d{1,2})[ .\-]\d{3,4}[ .\-]?\d{3,4}(?![\d/])")),
    ("alamat surel (e-mail)",
     re.compile(r"[A-Za-z0-9._%+\-]+@(?!(?:[\w\-]+\.)*example\.(?:com|org|net)\b)"
                r"[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*\.(?!(?:example|test|invalid)\b)[A-Za-z]{2,}")),
    ("alamat jalan",
     re.compile(r"\b(?:Jl|Jln|JL|JLN)\.\s*[A-Z0-9]|\b(?:Jl|Jln)\s+[A-Z][a-z]|\bJalan\s+[A-Z][a-z]"
                r"|\b(?:Gg\.|Gang)\s*[A-Z0-9][a-z0-9]|\bKomplek\s+[A-Z]|\bBlok\s+[A-Z]\s*-?\s*\d")),
    ("alamat RT/RW",
     re.compile(r"\bRT\s*\.?\s*\d{1,3}\s*(?:/|\s)\s*(?:RW\s*\.?\s*)?\d{1,3}\b"
                r"|\bRT\s*/\s*RW\s*\.?\s*:?\s*\d{1,3}\s*/\s*\d{1,3}\b")),
)


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
        if path.name == ALLOW_LIST:
            continue
        label = path.relative_to(label_root).as_posix()
        try:
            document = load_data_file(path, label)
        except DataFileError:
            continue
        for key_path, text in _strings(document.content, ()):
            line = document.line_of(key_path)
            for finding in scan([(line, text)], allowed):
                messages.append(finding.message(f"{label}, baris {line}" if line else label))
    return messages


def _strings(value, path: tuple):
    """(path, text) of every string in parsed YAML: mapping keys are not published, values are."""
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _strings(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _strings(item, (*path, index))


def scan(units, allowed: tuple[str, ...]) -> list[Finding]:
    """Findings in (line, text) units; the allowed exact strings are blanked out first."""
    findings = []
    for line, text in units:
        for exact in allowed:
            text = text.replace(exact, " " * len(exact))
        for kind, pattern in PATTERNS:
            for match in pattern.finditer(text):
                findings.append(Finding(line, kind, mask(match[0])))
    return _dedupe(findings)


def _dedupe(findings: list[Finding]) -> list[Finding]:
    seen, kept = set(), []
    for finding in findings:
        key = (finding.line, finding.masked)
        if key not in seen and not any(f.line == finding.line and finding.masked in f.masked for f in kept):
            seen.add(key)
            kept.append(finding)
    return kept


def mask(value: str) -> str:
    """Enough to find it in the file, not enough to publish it in a CI log."""
    value = value.strip()
    if len(value) <= 8:  # the start of an address ("Jl. M"): identifies no one
        return value
    return value[:4] + "…" + value[-2:]


def text_units(tokens, first_line: int = 1):
    """(line, text) of what a reader gets from markdown-it tokens; code is skipped."""
    for token in tokens:
        line = token.map[0] + first_line if token.map else None
        if token.type == "html_block":
            for offset, text in enumerate(token.content.splitlines()):
                yield (line + offset if line else None), text
        elif token.type == "inline":
            yield from _inline_units(token.children or [], line)


def _inline_units(children, line):
    parts: list[str] = []
    for child in children:
        if child.type in ("softbreak", "hardbreak"):
            yield line, "".join(parts)
            parts = []
            line = line + 1 if line else line
        elif child.type in ("text", "html_inline"):
            parts.append(child.content)
        elif child.type == "link_open":
            parts.append(f' {child.attrGet("href") or ""} ')
        elif child.type == "image":
            parts.append(f' {child.attrGet("src") or ""} {child.content} ')
    yield line, "".join(parts)
