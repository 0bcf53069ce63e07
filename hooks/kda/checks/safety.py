"""Active content in a member page: refused in its source, and again in its rendered HTML.

1. `SourceChecker.check(markdown)`: the Markdown structure comes from markdown-it-py (a
   CommonMark parser that keeps line numbers); raw HTML blocks and inline tags are parsed
   by the standard library's HTML tokenizer (`html.parser`, which decodes entities in
   attribute values as a browser does); link and image URLs come from the parser itself
   (entities and `<...>` destinations already resolved). Code spans and fenced code are
   text: never inspected. attr_list's `{ ... }` is found with Python-Markdown's own
   patterns and parsed with its own `get_attrs_and_remainder`.
2. `check_rendered(html)`: the HTML Python-Markdown really produced for the page, parsed
   with lxml and held to the same whitelist (`kda.checks.policy`). It catches what the first
   check cannot see because the two Markdown dialects differ in a corner case. Then nh3
   (ammonia, on html5ever: the browsers' HTML parsing algorithm) sanitises the HTML with
   the same whitelist; if that changes anything, the build fails and says what would
   have changed: nothing a member writes is altered silently.
3. `front_matter_problems(meta)`: the front matter's text is plain text (the theme puts
   `title` and `description` into <head> and the navigation without escaping), and
   `render_macros` is a maintainer's switch, refused on member pages.
4. Articles are published in three more shapes that the checks above do not see, and each is
   checked as the reader gets it: the blog's list pages (index, archive, categories, authors)
   show each post's HTML cut at the first `<!-- more -->` (`excerpt_problems`: the marker once,
   on a line of its own at the top level of the Markdown; `excerpt_cut_problem`: the cut leaves
   complete HTML, so two posts cannot combine into one element), and the RSS feed renders the
   part before the marker again with plain Python-Markdown, without the site's extensions
   (`feed_problems`: that HTML holds to the whitelist too; e.g. a fenced code block is code on
   the page and raw HTML in the feed).

Every function returns Indonesian problems as (line or None, text); `kda.checks.guard` names the file.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable
from html.parser import HTMLParser

import lxml.html
import markdown as python_markdown
import nh3
from markdown.extensions.attr_list import AttrListTreeprocessor, get_attrs_and_remainder
from markdown_it import MarkdownIt

from kda.checks import policy
from kda.checks.frontmatter import EXCERPT_SEPARATOR

Problem = tuple  # (line: int | None, message: str)

_INLINE_ATTRS = AttrListTreeprocessor.INLINE_RE
_HEADER_ATTRS = AttrListTreeprocessor.HEADER_RE
_OWN_LINE_ATTRS = re.compile(r"^[ ]*" + AttrListTreeprocessor.BASE_RE + r"[ ]*$")
_ELEMENT_ENDS = {"link_close", "image", "em_close", "strong_close", "s_close", "code_inline"}


# --- 1. the Markdown source ------------------------------------------------------------------

class SourceChecker:
    """One parser for a whole build (a markdown-it instance is reusable and holds no page state)."""

    def __init__(self) -> None:
        self.md = MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"])
        # markdown-it drops `javascript:` links to plain text by default; Python-Markdown does
        # not, so every URL must reach our own check.
        self.md.validateLink = lambda url: True

    def tokens(self, markdown: str):
        return self.md.parse(markdown)

    def check(self, tokens) -> list[Problem]:
        problems: list[Problem] = []
        blocks: list[str] = []  # open block types, to know where a heading or cell ends
        for token in tokens:
            if token.nesting == 1:
                blocks.append(token.type)
            elif token.nesting == -1 and blocks:
                blocks.pop()
            line = token.map[0] + 1 if token.map else None
            if token.type == "html_block":
                problems += html_fragment_problems(token.content, line)
            elif token.type == "fence" and "{" in token.info:
                problems += attr_list_problems(token.info[token.info.index("{"):], line, anchored=False)
            elif token.type == "inline":
                problems += self._inline(token, line, blocks[-1] if blocks else "")
        return problems

    def _inline(self, token, line: int | None, block: str) -> list[Problem]:
        problems: list[Problem] = []
        children = token.children or []
        previous = None
        for index, child in enumerate(children):
            last = index == len(children) - 1
            if child.type in ("softbreak", "hardbreak"):
                line = line + 1 if line else line
            elif child.type == "html_inline":
                problems += html_fragment_problems(child.content, line)
            elif child.type == "link_open":
                problems += _url(child.attrGet("href"), "a", "href", line)
            elif child.type == "image":
                problems += _url(child.attrGet("src"), "img", "src", line)
            elif child.type == "text":
                problems += _text_attrs(child.content, line, previous, last, block)
            previous = child.type
        return problems


def _url(value, element: str, attribute: str, line) -> list[Problem]:
    reason = policy.url_problem(element, attribute, str(value or ""))
    return [(line, reason)] if reason else []


def _text_attrs(text: str, line, previous: str | None, last: bool, block: str) -> list[Problem]:
    """attr_list's `{ ... }` where Python-Markdown applies it: right after an inline element,
    at the end of a heading, table cell or list item, or alone on a block's last line."""
    problems: list[Problem] = []
    if previous in _ELEMENT_ENDS:
        match = _INLINE_ATTRS.match(text)
        if match:
            problems += attr_list_problems(match[1], line, strict=False)
    if last:
        if block in ("heading_open", "th_open", "td_open"):
            match = _HEADER_ATTRS.search(text)  # "## Judul { ... }": after a space, at the end
        else:
            match = _OWN_LINE_ATTRS.match(text) if previous == "softbreak" else None  # a block's last line
        if match:
            problems += attr_list_problems(match[1], line)
    return problems


def attr_list_problems(inner: str, line, anchored: bool = True, strict: bool = True) -> list[Problem]:
    """As Python-Markdown's `assign_attrs`: at a block's end (strict) a `{ ... }` that does not
    parse whole is text, not attributes (so `## Judul {{ nama }}` stays a heading's text)."""
    if not anchored:
        inner = inner.strip().lstrip("{").rstrip("}")
    attrs, remainder = get_attrs_and_remainder(inner)
    if strict and remainder:
        return []
    problems = []
    for key, value in attrs:
        name = {"#": "id", ".": "class"}.get(key, key).lower()
        if name not in policy.ATTR_LIST_ATTRIBUTES:
            reason = policy.attribute_problem("*", name, value or "", rendered=False)
            if reason is None or "yang boleh" in reason:
                reason = (f'atribut "{name}" lewat {{ ... }} tidak diizinkan; yang boleh hanya '
                          + ", ".join(sorted(policy.ATTR_LIST_ATTRIBUTES)))
            problems.append((line, reason))
    return problems


class _FragmentParser(HTMLParser):
    """Collects the whitelist problems of one raw HTML fragment, with line offsets."""

    def __init__(self, first_line):
        super().__init__(convert_charrefs=True)
        self.first_line = first_line
        self.problems: list[Problem] = []

    def _line(self):
        return self.first_line + self.getpos()[0] - 1 if self.first_line else None

    def handle_starttag(self, tag, attrs):
        reason = policy.element_problem(tag)
        if reason:
            self.problems.append((self._line(), reason))
            return
        for name, value in attrs:
            reason = policy.attribute_problem(tag, name, value or "", rendered=False)
            if reason:
                self.problems.append((self._line(), reason))

    handle_startendtag = handle_starttag

    def handle_pi(self, data):
        self.problems.append((self._line(), f"instruksi pemrosesan <?{data[:30]}> tidak diizinkan"))

    def unknown_decl(self, data):
        self.problems.append((self._line(), f"deklarasi <![{data[:30]}> tidak diizinkan"))

    def handle_decl(self, decl):
        self.problems.append((self._line(), f"deklarasi <!{decl[:30]}> tidak diizinkan"))


def html_fragment_problems(fragment: str, line) -> list[Problem]:
    parser = _FragmentParser(line)
    parser.feed(fragment)
    parser.close()
    return parser.problems


# --- 2. the rendered HTML --------------------------------------------------------------------

def check_rendered(html: str) -> list[tuple[str | None, str]]:
    """Whitelist problems of the page's rendered HTML, then nh3's second opinion.

    Each problem is (what to look for in the source to find its line, or None; message)."""
    if not html.strip():
        return []
    root = lxml.html.fragment_fromstring(html, create_parent="div")
    problems = []
    for element in root.iterdescendants():
        if not isinstance(element.tag, str):  # comments
            continue
        reason = policy.element_problem(element.tag)
        if reason:
            problems.append((f"<{element.tag}", f"{reason}: {_snippet(element)}"))
            continue
        for name, value in element.attrib.items():
            reason = policy.attribute_problem(element.tag, name.lower(), value, rendered=True)
            if reason:
                problems.append((name.lower(), f"{reason}: {_snippet(element)}"))
    if problems:
        return problems
    return [(None, problem) for problem in _sanitizer_differences(html, root)]


def _sanitizer_differences(html: str, root) -> list[str]:
    cleaned = nh3.clean(
        html,
        tags=set(policy.ELEMENTS),
        attributes={"*": set(policy.GLOBAL_ATTRIBUTES),
                    **{tag: set(extra) | ({"style"} if tag in ("th", "td") else set())
                       for tag, extra in policy.ELEMENTS.items() if extra or tag in ("th", "td")}},
        url_schemes=set(policy.LINK_SCHEMES),
        filter_style_properties={"text-align"},
        link_rel=None,
        strip_comments=False,
    )
    before = list(_canonical(root))
    after = list(_canonical(lxml.html.fragment_fromstring(cleaned, create_parent="div")))
    for old, new in zip(before, after):
        if old != new:
            return [_REPARSED + old[:120]]
    if len(before) != len(after):
        extra = (before[len(after)] if len(before) > len(after) else after[len(before)])
        return [_REPARSED + extra[:120]]
    return []


_REPARSED = ("peramban akan membaca HTML ini berbeda dari yang tertulis, dan pembersih HTML (nh3) akan "
             "mengubahnya (misalnya <div> atau <table> di tengah paragraf); tulis bagian itu dengan Markdown "
             "biasa atau pisahkan dengan baris kosong. Bagian yang berbeda: ")


def _canonical(root) -> Iterable[str]:
    """The tree as comparable lines: tags with sorted attributes, and text (whitespace kept)."""
    for event, element in lxml.etree.iterwalk(root, events=("start", "end", "comment")):
        if event == "comment":
            yield f"<!--{element.text}-->"
            if element.tail:
                yield element.tail
            continue
        if event == "start":
            attrs = sorted((k, _style(v) if k == "style" else v) for k, v in element.attrib.items())
            yield f"<{element.tag} {attrs}>"
            if element.text:
                yield element.text
        else:
            yield f"</{element.tag}>"
            if element.tail and element is not root:
                yield element.tail


def _style(value: str) -> str:
    return ";".join(part.replace(" ", "") for part in value.split(";") if part.strip())


def _snippet(element) -> str:
    start = lxml.html.tostring(element, encoding="unicode").split(">", 1)[0] + ">"
    return start if len(start) <= 120 else start[:119] + "…"


# --- 3. front matter -------------------------------------------------------------------------

_MARKUP = re.compile(r"<[A-Za-z/!?]|&(?:#\d+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);")
MARKUP_IN_TEXT = _MARKUP  # also tested by the writers' forms (views/writing.py) before a file is made


def front_matter_problems(meta: dict) -> list[str]:
    problems = []
    if "render_macros" in meta:
        problems.append(
            "kolom 'render_macros' tidak boleh dipakai di halaman anggota: makro hanya dijalankan di halaman "
            "pengelola yang terdaftar di mkdocs.yml (force_render_paths). Hapus baris render_macros; tanda "
            "{{ dan {% di halaman ini tampil apa adanya."
        )
    for field, value in front_matter_strings(meta):
        if _MARKUP.search(value):
            problems.append(
                f"kolom '{field}' harus teks biasa, tanpa tag HTML atau kode entitas seperti &amp;lt; "
                f'(tema memasangnya di kepala halaman dan navigasi tanpa penyaringan); tertulis "{value[:80]}". '
                "Hapus tanda < > dan kode &...; dari kolom ini."
            )
    return problems


_TAG_LIKE = re.compile(r"<[A-Za-z/!?]")


def title_problem(title: str | None) -> str | None:
    """A title taken from the page's first `# heading`: the theme writes it unescaped, in `<title>`
    after `striptags` (which decodes character references): what must not be there is a tag once
    decoded. A reference to a harmless character (`&amp;`, `&quot;`, `&#95;` from a data value) is fine."""
    if title and _TAG_LIKE.search(html.unescape(title)):
        return (f'judul halaman (dari judul "# ..." pertama) harus teks biasa; tertulis "{title[:80]}". '
                "Hapus tanda < > dan kode &...; (juga di dalam `kode`) dari judul itu.")
    return None


def front_matter_strings(value, path: str = ""):
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from front_matter_strings(item, f"{path}.{key}" if path else str(key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from front_matter_strings(item, f"{path}[{index}]")


# --- 4. the articles' other shapes: list pages and feed ---------------------------------------

_VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"})


def excerpt_problems(tokens, markdown: str) -> list[Problem]:
    """The excerpt marker: at most once (the blog cuts at the first), and only as a line of its own
    at the top level of the Markdown, never inside a paragraph, list, quote, HTML or code."""
    count = markdown.count(EXCERPT_SEPARATOR)
    if count == 0:
        return []  # frontmatter.check_article asks for it
    lines = [number for number, line in enumerate(markdown.splitlines(), 1) if EXCERPT_SEPARATOR in line]
    if count > 1:
        return [(lines[0], f"baris {EXCERPT_SEPARATOR} hanya boleh ditulis sekali (daftar tulisan memotong tulisan "
                           "di tanda yang pertama); hapus yang lain, juga yang ada di dalam `kode`")]
    text = markdown.splitlines()
    index = lines[0] - 1
    blank_around = (index == 0 or not text[index - 1].strip()) and (index + 1 == len(text) or not text[index + 1].strip())
    alone = any(token.type == "html_block" and token.level == 0 and token.content.strip() == EXCERPT_SEPARATOR
                for token in tokens)
    if alone and blank_around and text[index] == EXCERPT_SEPARATOR:
        return []
    return [(lines[0], f"{EXCERPT_SEPARATOR} harus berdiri sendiri di satu baris, di luar paragraf, daftar, kutipan, "
                       "kode atau HTML, dengan baris kosong sebelum dan sesudahnya: daftar tulisan memotong tulisan "
                       "tepat di tanda itu, dan potongan di tengah kalimat atau atribut bisa bergabung dengan tulisan "
                       "lain menjadi kode yang berjalan")]


class _Balance(HTMLParser):
    """Open elements at the end of an HTML fragment (void elements never open)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.open: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag not in _VOID:
            self.open.append(tag)

    def handle_endtag(self, tag):
        if tag in self.open:
            del self.open[len(self.open) - 1 - self.open[::-1].index(tag):]


def excerpt_cut_problem(html: str) -> str | None:
    """Whether cutting the post's HTML at the first marker (as the blog's list pages do) leaves a
    complete fragment: no element left open, no tag, attribute or comment cut in two."""
    head, separator, _ = html.partition(EXCERPT_SEPARATOR)
    if not separator:
        return None
    parser = _Balance()
    parser.feed(head)
    if parser.rawdata or parser.open:  # rawdata: a tag, attribute or comment still unfinished
        inside = "sebuah tag, atribut atau komentar" if parser.rawdata else f"<{parser.open[-1]}>"
        return (f"{EXCERPT_SEPARATOR} berada di dalam {inside} pada HTML hasil, sehingga daftar tulisan akan "
                "memotong HTML di tengah; tulis tanda itu di luar blok <div> atau elemen lain, pada baris tersendiri")
    return None


def feed_problems(markdown: str, meta: dict) -> list[tuple[str | None, str]]:
    """The feed's description of an article, made as the RSS plugin makes it (the front matter's
    description, else the Markdown before the marker in plain Python-Markdown), checked as HTML."""
    if meta.get("description") or EXCERPT_SEPARATOR not in markdown:
        return []  # a description is plain text (checked with the front matter); no marker: check_article
    html = python_markdown.markdown(markdown[:markdown.find(EXCERPT_SEPARATOR)], output_format="html5")
    return check_rendered(_without_source_markers(html))


def _without_source_markers(html: str) -> str:
    """md_in_html's `markdown` marker stays in the feed's raw HTML, where it does nothing."""
    if "markdown" not in html or not html.strip():
        return html
    root = lxml.html.fragment_fromstring(html, create_parent="div")
    for element in root.iter():
        if isinstance(element.tag, str):
            for name in policy.SOURCE_ONLY_ATTRIBUTES & set(element.attrib):
                del element.attrib[name]
    return (root.text or "") + "".join(lxml.html.tostring(child, encoding="unicode") for child in root)
