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

import bisect
import html
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from kda.model.datafile import DataFileError, load_data_file
from kda.problems import Problems

ALLOW_LIST = "privasi.yml"  # in data/

LAW = ("Identitas anak dan klien wajib dirahasiakan (UU No. 23 Tahun 2002 tentang Perlindungan Anak, "
       "Pasal 17 ayat 2; UU No. 11 Tahun 2012 tentang Sistem Peradilan Pidana Anak, Pasal 19).")
FIX = ("Hapus atau samarkan (huruf samaran seperti \"Anak A\", rentang umur, tanpa nama sekolah atau desa). Bila ini kontak resmi "
       "kelompok yang memang publik, minta pengelola menambahkannya persis ke data/privasi.yml.")

# --- what an identifier looks like, once the text is normalised (see `_views`) -------------

# Numbers are read as runs of digits with separators between them (spaces of every kind, dots,
# dashes, underscores, brackets, line breaks), because that is how a reader reads them: the run's
# groups are then judged as an NIK/KK (16 digits), a mobile or a landline number. Patterns with
# separators inside a regular expression miss the usual "3273 0101 0101 0001" and are easily
# made quadratic; this is one linear pass.
_RUN = re.compile(r"\d++(?:[ .\-_()\n]{1,3}+\d++)*+")
_GROUP = re.compile(r"\d+")
# NIK and KK are 16 digits: a two-digit province code, regency, district, a date (day + 40 for
# women), a serial. Written in groups, they are flagged when the groups have a shape people use
# for them, or when the digits read as a real NIK (a known province and a valid day and month);
# a list of years ("2014 2015 2016 2017") is neither.
_NIK_SHAPES = {(4, 4, 4, 4), (2, 2, 2, 6, 4), (6, 6, 4), (2, 2, 2, 2, 2, 2, 4), (6, 10), (6, 2, 2, 2, 4), (2, 4, 6, 4)}
_PROVINCES = {11, 12, 13, 14, 15, 16, 17, 18, 19, 21, 31, 32, 33, 34, 35, 36, 51, 52, 53, 61, 62, 63, 64, 65, 71, 72,
              73, 74, 75, 76, 81, 82, 91, 92, 93, 94, 95, 96, 97}

PATTERNS: tuple[tuple[str, re.Pattern], ...] = (
    ("nomor identitas (NIK, KK, NISN atau akta)",
     re.compile(r"(?i)\b(?:NIK|NISN|NKK|KK|No\.?\s*KK|kartu\s+keluarga|akta\s+kelahiran|nomor\s+induk(?:\s+\w+)?)\b"
                r"\s*+(?:no(?:mor)?\.?\s*+)?[:.]?\s*+\d[\d .\-/]{5,}+")),
    ("alamat surel (e-mail)",
     re.compile(r"(?<![\w.%+\-])[\w.%+\-]++@[A-Za-z0-9\-]++(?:\.[A-Za-z0-9\-]++)++")),
    ("alamat jalan",
     re.compile(r"(?i:\bjln?\.\s*+[a-z0-9])|\b[Jj]ln?\s++[A-Za-z]{2}|\bJalan\s++[A-Z][a-z]"
                r"|(?i:\b(?:jalan|gang)\s++[a-z]++(?:\s++[a-z]++){0,2}\s++(?:no\.?|nomor)\s*+\d)"
                r"|\b(?:Gg\.|Gang)\s*+[A-Z0-9][a-z0-9]|(?i:\bgg\.\s*+[a-z0-9])|\bKompleks?\s++[A-Z]"
                r"|(?i:\bblok\s++[a-z]{1,2}\s*+-?\s*+\d)")),
    ("alamat RT/RW",
     re.compile(r"(?i:\brt\s*+[.:]?\s*+\d{1,3}+\s*+(?:[/,\-]\s*+)?rw\s*+[.:]?\s*+\d{1,3}+\b)"
                r"|(?i:\brt\s*+[.:]?\s*+\d{1,3}+\s*+/\s*+\d{1,3}+\b)|\bRT\s*+\.?\s*+\d{1,3}+\s++\d{1,3}+\b"
                r"|(?i:\brt\s*+/\s*+rw\s*+[.:]?\s*+\d{1,3}+\s*+/\s*+\d{1,3}+\b)"
                r"|(?i:\brw\s*+[.:]?\s*+\d{1,3}+\s*+(?:[/,\-]\s*+)?rt\s*+[.:]?\s*+\d{1,3}+\b)"
                r"|(?i:\brukun\s++tetangga\s*+(?:no(?:mor)?\.?\s*+)?\d)")),
)
MAX_FINDINGS = 50  # reported per text: a page full of numbers is refused without listing each one
NIK_KIND = "nomor NIK atau KK (16 angka)"
PHONE_KIND = "nomor telepon"
EMAIL_KIND = "alamat surel (e-mail)"
_RESERVED_DOMAINS = re.compile(r"(?:^|\.)(?:example\.(?:com|org|net)|[^.]+\.(?:example|test|invalid|localhost))$", re.I)


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


def _strings(value, path: tuple):
    """(path, text) of every string and number in parsed YAML: mapping keys are not published, values are."""
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, int) and not isinstance(value, bool):
        yield path, str(value)
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _strings(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _strings(item, (*path, index))


def meta_units(meta):
    """(None, text) of every key, string and number of a page's front matter: the theme shows values in
    <head>, the navigation and the feed, and some keys (`links`) as text too."""
    if isinstance(meta, str):
        yield None, meta
    elif isinstance(meta, int) and not isinstance(meta, bool):
        yield None, str(meta)
    elif isinstance(meta, dict):
        for key, item in meta.items():
            yield from meta_units(key)
            yield from meta_units(item)
    elif isinstance(meta, list):
        for item in meta:
            yield from meta_units(item)


def name_findings(path: str, allowed: tuple[str, ...]) -> list[Finding]:
    """Identifiers in a published file's path (a post's address, an image's or a photo's name):
    hyphens, underscores, dots and slashes read as spaces."""
    return scan([(None, path), (None, _NAME_SEPARATORS.sub(" ", path))], allowed)


_NAME_SEPARATORS = re.compile(r"[-_./\\]+")


# --- normalising: the text as a reader gets it ---------------------------------------------

def scan(units, allowed: tuple[str, ...]) -> list[Finding]:
    """Findings in units of (line, text) or (line, text, "html"); the allowed exact strings are blanked.

    An "html" unit is read twice: as the reader sees it (comments and tags removed, a number split
    by them joined again) and as its source shows it (attribute values and comments are published
    too). Both views are normalised first (`_normalise`). Every step is linear in the text."""
    findings = []
    blanks = tuple(dict.fromkeys((*allowed, *(_normalise(a) for a in allowed))))
    for unit in units:
        line, text = unit[0], unit[1]
        views = _views(text) if len(unit) > 2 and unit[2] == "html" else [_normalise(html.unescape(text))]
        for view in views:
            for exact in blanks:
                view = view.replace(exact, " " * len(exact))
            findings += _findings(view, line)
        if len(findings) >= MAX_FINDINGS:
            break  # the page is refused already; the writer sees the rest once these are fixed
    return _dedupe(findings)[:MAX_FINDINGS]


def _views(source: str) -> list[str]:
    if "<" not in source:
        return [_normalise(html.unescape(source))]
    reader = _MARKUP.sub(_as_read, source)
    shown = _MARKUP.sub(_as_source, source)
    return [_normalise(html.unescape(reader)), _normalise(html.unescape(shown))]


# A comment (closed or running to the end), a tag, or a declaration. `[^<>]` keeps each attempt
# from passing the next `<`, so matching stays linear.
_MARKUP = re.compile(r"<!--(.*?)(?:-->|\Z)|<(/?)([A-Za-z][A-Za-z0-9:-]*+)([^<>]*+)>|<[!?][^<>]*+>", re.S)
INLINE_ELEMENTS = frozenset({
    "a", "abbr", "b", "bdi", "bdo", "cite", "code", "data", "del", "dfn", "em", "font", "i", "ins", "kbd", "mark",
    "q", "s", "samp", "small", "span", "strong", "sub", "sup", "time", "u", "var", "wbr",
})


def _as_read(match: re.Match) -> str:
    """What a reader sees of a comment or tag: nothing (an inline tag), or a space (a block or a break);
    its line breaks are kept so that findings keep their line."""
    breaks = "\n" * match[0].count("\n")
    if match[3] and match[3].lower() in INLINE_ELEMENTS:
        return breaks
    return breaks if match[0].startswith("<!--") else " " + breaks


def _as_source(match: re.Match) -> str:
    """What the page's source shows: a comment's text and a tag's attributes, between spaces."""
    inside = match[1] if match[1] is not None else (match[4] or "")
    return f" {inside} " + "\n" * (match[0].count("\n") - inside.count("\n"))


class _Characters(dict):
    """str.translate table, filled on first use of each character: invisible characters (format,
    control and combining characters: zero-width spaces, joiners, soft hyphens, byte-order marks)
    are removed, every space becomes " ", every dash "-", every middle dot ".", and the digits of
    other scripts their ASCII digit."""

    def __missing__(self, code: int):
        char = chr(code)
        category = unicodedata.category(char)
        if char in "\n\t":
            value = " " if char == "\t" else char
        elif category in ("Cf", "Cc", "Mn", "Me", "Cs", "Co", "Cn"):
            value = None
        elif category in ("Zs", "Zl", "Zp"):
            value = " "
        elif category == "Pd" or char in "\u2212\u2043\ufe63":
            value = "-"
        elif char in "\u00b7\u2022\u2027\u2219\u22c5\u30fb":
            value = "."
        elif category == "Nd" and not char.isascii():
            value = str(unicodedata.digit(char))
        else:
            value = char
        self[code] = value
        return value


_CHARACTERS = _Characters()


def _normalise(text: str) -> str:
    """Compatibility forms folded (fullwidth and styled digits become ASCII), then `_Characters`."""
    return unicodedata.normalize("NFKC", text).translate(_CHARACTERS)


# --- finding --------------------------------------------------------------------------------

def _findings(text: str, line: int | None) -> list[Finding]:
    breaks = [index for index, char in enumerate(text) if char == "\n"] if "\n" in text else []

    def line_at(index: int) -> int | None:
        return line + bisect.bisect_right(breaks, index) if line else line

    found = []
    for start, kind, value in _numbers(text):
        found.append(Finding(line_at(start), kind, mask(value)))
        if len(found) >= MAX_FINDINGS:
            return found
    for kind, pattern in PATTERNS:
        for match in pattern.finditer(_EMAIL_DOT.sub(".", _EMAIL_AT.sub("@", text)) if kind == EMAIL_KIND else text):
            if kind == EMAIL_KIND and not _public_mail(match[0]):
                continue
            found.append(Finding(line_at(match.start()), kind, mask(match[0])))
            if len(found) >= MAX_FINDINGS:
                return found
    return found


# "nama [at] gmail [dot] com", "nama(at)gmail(dot)com", "nama @ gmail . com": the same address.
_EMAIL_AT = re.compile(r"\s*+[\[({]\s*+(?:at|et)\s*+[\])}]\s*+|(?<=\w) @ ?(?=\w)|(?<=\w)@ (?=\w)", re.I)
_EMAIL_DOT = re.compile(r"\s*+[\[({]\s*+(?:dot|titik)\s*+[\])}]\s*+", re.I)


def _public_mail(address: str) -> bool:
    """An address a reader could write to: a real top-level domain, not a reserved example one."""
    domain = address.rsplit("@", 1)[1].rstrip(".-")
    top = domain.rsplit(".", 1)[-1]
    return top.isalpha() and len(top) >= 2 and not _RESERVED_DOMAINS.search(domain)


def _numbers(text: str):
    """(start, kind, text) of each NIK/KK and phone number among the runs of digits of `text`.

    A run's groups are read from left to right: from each group, the window of groups holding exactly
    16 digits (found with a pointer that only moves forward) is judged as an NIK, and, when the group
    starts like a phone number, the windows of up to 14 digits as one. After a finding the reading
    goes on after it. Linear in the run."""
    for run in _RUN.finditer(text):
        value = run[0]
        if len(value) < 9:
            continue  # shorter than any identifier
        groups = [match.span() for match in _GROUP.finditer(value)]
        digits = [value[a:b] for a, b in groups]
        plus = run.start() > 0 and text[run.start() - 1] == "+"
        sums = [0]
        for part in digits:
            sums.append(sums[-1] + len(part))
        nik_possible = max(map(len, digits)) >= 3  # 16 digits in at most 7 groups
        first, last16 = 0, 0
        while first < len(digits):
            if not nik_possible and not (digits[first][0] in "06" or (plus and first == 0)):
                first += 1
                continue
            found = None
            last16 = max(last16, first)
            while last16 < len(digits) and sums[last16 + 1] - sums[first] < 16:
                last16 += 1
            if (last16 < len(digits) and last16 - first < 7 and sums[last16 + 1] - sums[first] == 16
                    and _is_nik(digits[first:last16 + 1])):
                found = last16, NIK_KIND
            elif digits[first][0] in "06" or (plus and first == 0):
                found = _phone_window(digits, sums, first, plus and first == 0)
            if found:
                start, end = run.start() + groups[first][0], run.start() + groups[found[0]][1]
                yield start, found[1], text[start:end]
                first = found[0] + 1
            else:
                first += 1


def _phone_window(digits: list[str], sums: list[int], first: int, plus: bool) -> tuple[int, str] | None:
    for last in range(first, len(digits)):
        total = sums[last + 1] - sums[first]
        if total > 14:
            return None
        if total >= 9 and _is_phone(digits[first:last + 1], plus):
            return last, PHONE_KIND
    return None


def _is_nik(groups: list[str]) -> bool:
    if len(groups) > 7:
        return False  # nobody writes an NIK in eight or more pieces; "1 2 3 4 5 6 7 8" is a list
    lengths = tuple(len(g) for g in groups)
    return len(groups) == 1 or _nik_shaped(groups, lengths) or _reads_as_nik("".join(groups))


def _is_phone(groups: list[str], plus: bool) -> bool:
    digits = "".join(groups)
    if _MOBILE.fullmatch(digits) or (plus and digits.startswith("62") and len(digits) <= 14):
        return True
    lengths = [len(g) for g in groups]
    return bool(_LANDLINE.fullmatch(digits)) and (len(groups) == 1 or (3 <= lengths[0] <= 4 and min(lengths[1:]) >= 3))


_MOBILE = re.compile(r"08[1-9]\d{7,10}|628[1-9]\d{7,10}")
_LANDLINE = re.compile(r"0[2-79]\d{7,10}")  # a landline with its area code: 0227201234, (022) 720 1234


def _nik_shaped(groups: list[str], lengths: tuple[int, ...]) -> bool:
    years = all(len(g) == 4 and g[:2] in ("19", "20") for g in groups)
    return lengths in _NIK_SHAPES and not years


def _reads_as_nik(digits: str) -> bool:
    day, month = int(digits[6:8]), int(digits[8:10])
    return int(digits[:2]) in _PROVINCES and (1 <= day <= 31 or 41 <= day <= 71) and 1 <= month <= 12


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
