"""What a client's personal identifier looks like in a text, once the text reads as a reader reads it.

`kda.checks.privacy` decides what is scanned and what the writer is told; this module finds the
identifiers: the text is normalised first (invisible characters removed, every space, dash and
digit folded to one form; HTML read both as shown and as its source), then numbers are read as runs
of digit groups and judged as an NIK/KK or a phone number, and e-mail and street addresses are
matched by narrow patterns. Every step is linear in the text.

The patterns are hand-written regular expressions: no maintained library knows Indonesian
identifiers (the general PII tools target US/EU formats and pull in NLP models).
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Iterator

# --- what an identifier looks like, once the text is normalised (see `views`) --------------

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
NIK_KIND = "nomor NIK atau KK (16 angka)"
PHONE_KIND = "nomor telepon"
EMAIL_KIND = "alamat surel (e-mail)"
_RESERVED_DOMAINS = re.compile(r"(?:^|\.)(?:example\.(?:com|org|net)|[^.]+\.(?:example|test|invalid|localhost))$", re.I)


# --- normalising: the text as a reader gets it ---------------------------------------------

def views(source: str) -> list[str]:
    """An HTML source as a reader sees it (comments and tags removed, a number split by them joined
    again) and as the source shows it (attribute values and comments are published too), each
    normalised (`normalise`); a source without markup once."""
    if "<" not in source:
        return [normalise(html.unescape(source))]
    reader = _MARKUP.sub(_as_read, source)
    shown = _MARKUP.sub(_as_source, source)
    return [normalise(html.unescape(reader)), normalise(html.unescape(shown))]


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


def normalise(text: str) -> str:
    """Compatibility forms folded (fullwidth and styled digits become ASCII), then `_Characters`."""
    return unicodedata.normalize("NFKC", text).translate(_CHARACTERS)


# --- finding --------------------------------------------------------------------------------

def identifiers(text: str) -> Iterator[tuple[int, str, str]]:
    """(start, kind, text) of each identifier in a normalised `text`: numbers first (NIK/KK, phones),
    then each pattern in the order of PATTERNS. Lazy, so a caller that has enough stops the search."""
    yield from _numbers(text)
    for kind, pattern in PATTERNS:
        for match in pattern.finditer(_EMAIL_DOT.sub(".", _EMAIL_AT.sub("@", text)) if kind == EMAIL_KIND else text):
            if kind == EMAIL_KIND and not _public_mail(match[0]):
                continue
            yield match.start(), kind, match[0]


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
