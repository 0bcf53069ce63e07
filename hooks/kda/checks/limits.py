"""What a page may be before anything else reads it: linear checks that keep the build bounded.

Every later step (MkDocs reading the front matter, Python-Markdown, the blog converting each
post's excerpt again for every list page, the safety checks, the feed) assumes a page of
reasonable shape. Some inputs break that assumption: Python-Markdown's link scanner walks from
every `[` to its `]`, so 40 KB of nested brackets took minutes; the standard library's HTML
parser (used by Python-Markdown and by our checks) walks from every `<` that is never closed to
the end of the page; lists, quotes and `<div markdown>` nested a few hundred deep exhaust
Python's recursion (a traceback); a page that is not UTF-8, or holds a control character, stops
MkDocs with a traceback too; a YAML alias in front matter is expanded by MkDocs' own reader.

So each page is first checked here, in one pass each, without parsing it: it is UTF-8, at most
MAX_PAGE_CHARS long with lines of at most MAX_LINE_CHARS, has no control character, its front
matter passes `datafile.limit_problems` (no anchor, alias or tag; bounded depth and size), its
`icon` names an icon that exists, its block nesting and HTML nesting stay under their limits,
the work the HTML parser does to find the end of each `<` stays under TAG_SCAN_BUDGET, and the
work of matching its brackets under LINK_SCAN_BUDGET. A page that fails is refused, with the file, the
line and the fix in Indonesian, before any other reader sees it. The limits are far above what
writing needs (the site's longest page, the TOR, is 16 KB with four levels of nesting).

No library measures these shapes; the scans below are small and each is linear in the page.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

from mkdocs.utils.meta import YAML_RE, get_data

from kda.model.datafile import CONTROL, limit_problems

MAX_PAGE_CHARS = 100_000  # about 15,000 words; the TOR, the longest page, is 16,000 characters
MAX_LINES = 2_000  # the TOR has 127 lines
MAX_LINE_CHARS = 10_000  # a long paragraph written on one line is 2,000
# Blocks whose cost grows faster than their number in Python-Markdown and its extensions (the
# table of contents makes each heading's id unique by trying id_1, id_2...; fences, admonitions
# and details are searched again for each one): at most MAX_BLOCKS of each kind in a page.
MAX_BLOCKS = 200
MAX_TABLE_CELLS = 3_000  # `|` in a page; tables are converted cell by cell by two parsers
MAX_EXCERPT_CHARS = 5_000  # a post's opening, converted again for every list page that shows it
MAX_FRONT_MATTER_CHARS = 20_000
MAX_NESTING = 16  # lists and quotes inside each other, counting 2 columns of indentation as a level
MAX_HTML_DEPTH = 24  # HTML elements inside each other (`<div markdown>` is converted recursively)
MAX_BRACKET_DEPTH = 10
LINK_SCAN_BUDGET = 500_000  # characters Python-Markdown's link scanner may walk in a page (~0.2 s)
TAG_SCAN_BUDGET = 1_000_000  # characters the HTML parser may walk looking for closers (~0.6 s)

VOID_ELEMENTS = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
                           "track", "wbr"})
_BLOCKS = {  # the Indonesian name of each kind, for the message
    "judul bagian": re.compile(r"[ \t>]*(?:#{1,6}(?:[ \t]|$)|=+[ \t]*$|-+[ \t]*$)"),  # ATX, or a setext underline
    "baris ``` atau ~~~ (blok kode)": re.compile(r"[ \t>]*(?:[-*+][ \t]+|\d{1,9}[.)][ \t]+)*(?:`{3,}|~{3,})"),
    "kotak catatan (!!! atau ???)": re.compile(r"[ \t>]*(?:!!!|\?\?\?)"),
}
_MARKER = re.compile(r"(?:>|[-*+]|\d{1,9}[.)])(?:[ \t]+|$)")
_OPENER = re.compile(r"<(?:!--|!\[CDATA\[|[!?/A-Za-z])")
_BLOCK = re.compile(r"[^\n](?:[^\n]|\n(?![ \t]*(?:\n|$)))*")  # text between blank lines
_BRACKET = re.compile(r"[\[\]()]")
_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9-]*)(?:\s[^<>]*?)?(/?)>")


def page_problems(label: str, raw: bytes, icon_dirs: Iterable[Path] = (), excerpt_separator: str | None = None) -> list[str]:
    """Every limit the page `raw` (the file's bytes) breaks, as Indonesian messages naming `label`.

    `excerpt_separator`: for a blog post, the line that ends its opening (the excerpt)."""
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        return [f"{label}, baris {line}: berkas ini bukan teks UTF-8 (ada byte {raw[error.start]:#04x} yang tidak "
                "terbaca). Simpan ulang berkasnya dengan pengodean UTF-8 (di editor: Simpan sebagai, pilih UTF-8)."]
    if len(text) > MAX_PAGE_CHARS:
        return [f"{label}: halaman ini terlalu panjang ({_count(len(text))} karakter; paling banyak "
                f"{_count(MAX_PAGE_CHARS)}). Bagi isinya menjadi beberapa halaman."]
    problems = _control_and_lines(text, label)
    if problems:
        return problems  # the scans below assume printable text and bounded lines
    match = YAML_RE.match(text)
    body_start = 1
    if match:
        problems += limit_problems(match.group(1), label, first_line=2, max_chars=MAX_FRONT_MATTER_CHARS)
        body_start = text.count("\n", 0, match.end()) + 1
    if not problems:  # now MkDocs' own reader is safe to run on this page
        problems += _icon_problems(get_data(text)[1], label, icon_dirs)
    body = text[match.end():] if match else text
    problems += structure_problems(body, label, body_start)
    if excerpt_separator and len(body.split(excerpt_separator, 1)[0]) > MAX_EXCERPT_CHARS and excerpt_separator in body:
        problems.append(f"{label}: pembuka tulisan (sebelum baris {excerpt_separator}) terlalu panjang, lebih dari "
                        f"{_count(MAX_EXCERPT_CHARS)} karakter; pembuka tampil di setiap daftar tulisan. Pindahkan "
                        f"baris {excerpt_separator} ke sesudah paragraf pembuka.")
    return problems


def _control_and_lines(text: str, label: str) -> list[str]:
    problems = []
    found = CONTROL.search(text)
    if found:
        line, column = _position(text, found.start())
        problems.append(f"{label}, baris {line}, kolom {column}: ada karakter kendali tak terlihat "
                        f"(U+{ord(found[0]):04X}). Hapus karakter itu (biasanya terbawa saat menyalin dari aplikasi "
                        "lain): hapus dan ketik ulang bagian itu, lalu simpan berkasnya.")
    lines = text.splitlines()
    if len(lines) > MAX_LINES:
        problems.append(f"{label}: halaman ini terlalu panjang ({_count(len(lines))} baris; paling banyak "
                        f"{_count(MAX_LINES)}). Bagi isinya menjadi beberapa halaman.")
    for number, line in enumerate(lines, 1):
        if len(line) > MAX_LINE_CHARS:
            problems.append(f"{label}, baris {number}: baris ini terlalu panjang ({_count(len(line))} karakter; "
                            f"paling banyak {_count(MAX_LINE_CHARS)}). Pecah menjadi beberapa baris atau paragraf.")
            break
    return problems


def _icon_problems(meta: dict, label: str, icon_dirs: Iterable[Path]) -> list[str]:
    """`icon:` names a file Material includes as a template: a missing one stops the theme with a traceback."""
    if "icon" not in meta:
        return []
    icon = meta["icon"]
    dirs = list(icon_dirs)
    if (isinstance(icon, str) and re.fullmatch(r"[a-z0-9-]+(?:/[a-z0-9-]+)+", icon)
            and any((folder / f"{icon}.svg").is_file() for folder in dirs)):
        return []
    example = "material/account-group"
    return [f"{label} (kepala berkas): icon: tidak ada ikon bernama \"{str(icon)[:60]}\" di tema. Tulis nama ikon "
            f"Material yang ada, misalnya icon: {example}, atau hapus baris icon."]


def structure_problems(body: str, label: str, first_line: int = 1) -> list[str]:
    """Nesting, unclosed tags and the bracket work of the Markdown `body` (line numbers from `first_line`).

    Code blocks are measured too: telling them apart would need the Markdown parser these checks
    protect, and real code stays far below every limit."""
    problems: list[str] = []
    counts = dict.fromkeys(_BLOCKS, 0)
    for number, line in enumerate(body.split("\n"), first_line):
        if _nesting(line) > MAX_NESTING:
            problems.append(f"{label}, baris {number}: daftar atau kutipan bersarang terlalu dalam (lebih dari "
                            f"{MAX_NESTING} tingkat, atau indentasi lebih dari {2 * MAX_NESTING} spasi). Tulis isinya "
                            "lebih datar.")
            break
        kind = next((name for name, pattern in _BLOCKS.items() if pattern.match(line)), None)
        if kind:
            counts[kind] += 1
            if counts[kind] > MAX_BLOCKS:
                problems.append(f"{label}, baris {number}: halaman ini punya lebih dari {MAX_BLOCKS} {kind}. "
                                "Bagi isinya menjadi beberapa halaman.")
                break
    if body.count("|") > MAX_TABLE_CELLS:
        problems.append(f"{label}: tabel di halaman ini terlalu besar (lebih dari {_count(MAX_TABLE_CELLS)} tanda |). "
                        "Bagi tabelnya, atau bagi halamannya.")
    problems += _tag_problems(body, label, first_line)
    problems += _bracket_problems(body, label, first_line)
    return problems


def _nesting(line: str) -> int:
    """Levels of a line: its list and quote markers, and every 2 columns of indentation."""
    expanded = line.expandtabs(4)
    rest = expanded.lstrip(" ")
    depth = (len(expanded) - len(rest)) // 2
    position = 0
    while depth <= MAX_NESTING and (marker := _MARKER.match(rest, position)):
        depth += 1
        position = marker.end()
    return depth


def _tag_problems(text: str, label: str, first_line: int) -> list[str]:
    """The HTML parser's work on every `<` that opens a tag, comment or declaration (it walks to the
    closer, or to the end of the page when there is none), and how deep elements nest.

    The next closer after a position is searched once and reused for every `<` before it, so this
    scan is linear however many `<` there are."""
    closers = {"<!--": "-->", "<![CDATA[": "]]>"}
    following: dict[str, int] = {}
    work = 0
    for opener in _OPENER.finditer(text):
        closer = closers.get(opener[0], ">")
        found = following.get(closer, -2)
        if found < opener.start():
            found = text.find(closer, opener.start())
            following[closer] = found if found >= 0 else len(text)
            found = following[closer]
        work += found - opener.start()
        if work > TAG_SCAN_BUDGET:
            line = first_line + text.count("\n", 0, opener.start())
            return [f"{label}, baris {line}: terlalu banyak tanda < yang tidak ditutup dengan > (atau komentar <!-- "
                    "tanpa -->) di halaman ini; memeriksanya akan sangat lama. Tutup setiap tag dan komentar; bila "
                    "maksudnya tanda kurang dari, beri spasi sesudahnya (a < b) atau tulis &lt;."]
    depth = 0
    for tag in _TAG.finditer(text):
        if tag[1]:
            depth = max(0, depth - 1)
        elif tag[2].lower() not in VOID_ELEMENTS and not tag[3]:
            depth += 1
            if depth > MAX_HTML_DEPTH:
                line = first_line + text.count("\n", 0, tag.start())
                return [f"{label}, baris {line}: elemen HTML bersarang terlalu dalam (lebih dari {MAX_HTML_DEPTH} "
                        "tingkat, misalnya <div markdown> di dalam <div markdown>). Tulis isinya lebih datar, dan "
                        "tutup setiap elemen yang dibuka."]
    return []


def _bracket_problems(text: str, label: str, first_line: int) -> list[str]:
    """What Python-Markdown's link scanner would walk: from each `[` to its `]` (or to the end of its
    paragraph when it has none), and from each `(` after a `]` to its `)`; and how deep brackets nest."""
    work = 0
    for block in _BLOCK.finditer(text):
        squares: list[int] = []
        rounds: list[int] = []
        previous = -1
        for bracket in _BRACKET.finditer(text, block.start(), block.end()):
            char, position = bracket[0], bracket.start()
            if char == "[":
                squares.append(position)
                if len(squares) > MAX_BRACKET_DEPTH:
                    return [f"{label}, baris {first_line + text.count(chr(10), 0, position)}: tanda kurung siku [ ] "
                            f"bersarang terlalu dalam (lebih dari {MAX_BRACKET_DEPTH} tingkat). Tulis isinya tanpa "
                            "kurung bertumpuk."]
            elif char == "]" and squares:
                work += position - squares.pop()
            elif char == "(" and previous == position - 1:
                rounds.append(position)
            elif char == ")" and rounds:
                work += position - rounds.pop()
            if char == "]":
                previous = position
        work += sum(block.end() - start for start in squares + rounds)
        if work > LINK_SCAN_BUDGET:
            return [f"{label}, baris {first_line + text.count(chr(10), 0, block.start())}: terlalu banyak tanda kurung "
                    "[ ] atau ( ) yang tidak berpasangan di halaman ini (sampai paragraf yang mulai di baris ini); "
                    "memeriksanya akan sangat lama. Pasangkan setiap [ dengan ] dan ( dengan ), atau tulis \\[ "
                    "untuk kurung siku biasa."]
    return []


def _position(text: str, index: int) -> tuple[int, int]:
    line = text.count("\n", 0, index) + 1
    return line, index - (text.rfind("\n", 0, index) + 1) + 1


def _count(value: int) -> str:
    return f"{value:,}".replace(",", ".")
