"""Links, anchors and images: each must lead to a page, a section of a page or a file of the site.

Writers mistype a page's name (`jadwl.md`), a section (`#yang-dibahs`) or an image's file
(`foto/Papan.JPG`); MkDocs' own check says so in English, without the line. Here every such
problem is an Indonesian message naming the file and the line, with the nearest real name
(difflib) when there is one. Two readings of a page, both from plain data (no MkDocs here):

- `page_problems(markdown)`: the page's source. Links and images come from markdown-it-py (the
  CommonMark parser `kda.checks.safety` reads member pages with, which keeps line numbers): code
  spans and fenced code hold no links. Each is resolved as MkDocs resolves it, relative to the
  page's file in docs/. The build and `scripts/periksa.py` both run it on the members' pages.
- `html_problems(html)`: the page as the build converted it, every `a[href]` and `img[src]`
  resolved against the published addresses. The build runs it on every page: the maintainers'
  pages and the pages made from the data (their links come from the templates), and, as a second
  look, the members' pages, where Python-Markdown may read a link the CommonMark parser did not
  (inside an admonition, in raw HTML).

External addresses (any scheme: http, https, mailto, tel...) are not checked. `Targets` says what
exists: every page and its anchors (the `id`s of its HTML, as the toc extension of mkdocs.yml
makes them from headings, attr_list's `{#id}`, raw HTML; None when only a build knows them), and
every other file the site publishes.
"""

from __future__ import annotations

import difflib
import posixpath
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from urllib.parse import unquote, urlsplit

import lxml.etree
import lxml.html
import markdown as python_markdown
from markdown_it import MarkdownIt

from kda.problems import Problems

PAGE = "tautan"
IMAGE = "gambar"
LISTED_ANCHORS = 8  # a page's anchors named in a message when none is close to the one written
SLUG_EXAMPLE = '"## Yang Dibahas" menjadi "#yang-dibahas"'  # what the toc extension makes of a heading


class LinkError(Problems):
    heading = "Tautan atau gambar tidak menuju ke mana pun ({count} masalah). Perbaiki lalu bangun ulang situs:"


@dataclass(frozen=True)
class Link:
    kind: str  # PAGE (a link) or IMAGE
    url: str  # as the parser read it
    line: int | None = None  # in the Markdown given, from 1


@dataclass(frozen=True)
class Targets:
    """What a link may lead to. Paths are relative to docs/, as MkDocs names files (src_uri)."""

    pages: frozenset[str]  # every page, published now or later, and the pages the build makes
    files: frozenset[str]  # every other file the site publishes
    anchors: Callable[[str], Sequence[str] | None]  # a page's anchors in its order; None: not known here
    made_by_build: tuple[str, ...] = ()  # folders only a build fills: a link into one is the build's to check
    docs_label: str = "docs"  # how messages name the docs folder


# --- reading links ------------------------------------------------------------------------

def _parser() -> MarkdownIt:
    """The dialect of `kda.checks.safety.SourceChecker`: CommonMark with raw HTML, tables, strikethrough."""
    parser = MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"])
    parser.validateLink = lambda url: True  # every URL reaches the check, whatever its scheme
    return parser


_PARSER = _parser()


def links_in(markdown: str) -> list[Link]:
    """The links and images of a page's Markdown, each with its line (code holds none)."""
    found: list[Link] = []
    for token in _PARSER.parse(markdown):
        if token.type != "inline" or not token.children:
            continue
        line = token.map[0] + 1 if token.map else None
        for child in token.children:
            if child.type in ("softbreak", "hardbreak"):
                line = line + 1 if line else line
            elif child.type == "link_open":
                found.append(Link(PAGE, str(child.attrGet("href") or ""), line))
            elif child.type == "image":
                found.append(Link(IMAGE, str(child.attrGet("src") or ""), line))
    return found


def read_html(html: str) -> tuple[list[Link], tuple[str, ...]]:
    """The links and images of a converted page, and its anchors (every `id`, and `name` of `a`)."""
    if not html.strip():
        return [], ()
    root = lxml.html.fragment_fromstring(html, create_parent="div")
    links, anchors = [], []
    for element in root.iter(lxml.etree.Element):
        if element.get("id"):
            anchors.append(element.get("id"))
        if element.tag == "a":
            if element.get("name"):
                anchors.append(element.get("name"))
            if element.get("href") is not None:
                links.append(Link(PAGE, element.get("href")))
        elif element.tag == "img" and element.get("src") is not None:
            links.append(Link(IMAGE, element.get("src")))
    return links, tuple(dict.fromkeys(anchors))


def markdown_anchors(markdown: str, extensions: Sequence[str], configs: Mapping[str, dict]) -> tuple[str, ...]:
    """The anchors of a page converted by Python-Markdown with the site's extensions (mkdocs.yml's
    markdown_extensions: the toc extension's own slugify, attr_list's ids), as MkDocs converts it."""
    converter = python_markdown.Markdown(extensions=list(extensions), extension_configs=dict(configs))
    return read_html(converter.convert(markdown))[1]


def targets_of(src_uri: str, markdown: str) -> set[str]:
    """The paths (in docs/) of the pages and files a page's Markdown links to or shows, itself included
    when it links to one of its own sections."""
    return {target for link in links_in(markdown) if (target := _target(src_uri, link.url))}


def _target(src_uri: str, url: str) -> str | None:
    """The path in docs/ a link of the page leads to, as MkDocs resolves it; None: external, absolute or empty."""
    local = _local(url)
    if local is None or not (local[0] or local[1]) or local[0].startswith(("/", "\\")):
        return None
    return posixpath.normpath(posixpath.join(posixpath.dirname(src_uri), local[0])) if local[0] else src_uri


def _local(url: str) -> tuple[str, str] | None:
    """(path, anchor) of a link inside the site, decoded; None for an external address."""
    parts = urlsplit(url.strip())
    if parts.scheme or parts.netloc:
        return None
    return unquote(parts.path), unquote(parts.fragment)


def _shown(url: str) -> str:
    return unquote(url.strip())


# --- the source of a page -----------------------------------------------------------------

def page_problems(label: str, src_uri: str, markdown: str, offset: Callable[[], int], targets: Targets,
                  into: frozenset[str] | None = None) -> list[str]:
    """Every link, anchor and image of one page's Markdown that leads nowhere, as messages.

    `label` names the file (docs/...), `src_uri` is its path in docs/; `offset()` gives the
    number of file lines before `markdown` (the front matter), called only when something is wrong.
    With `into`, only the links to those paths are checked."""
    found = [(link.line, reason) for link in links_in(markdown)
             if (into is None or _target(src_uri, link.url) in into) and (reason := link_problem(link, src_uri, targets))]
    if not found:
        return []
    before = offset()
    return [f"{label}, baris {line + before}: {reason}" if line else f"{label}: {reason}" for line, reason in found]


def link_problem(link: Link, src_uri: str, targets: Targets) -> str | None:
    """Why one link or image of the page `src_uri` leads nowhere, or None."""
    local = _local(link.url)
    if local is None:
        return None
    path, anchor = local
    if not path:
        return _anchor_problem(link, src_uri, src_uri, anchor, targets) if anchor else None
    if path.startswith(("/", "\\")):
        return _absolute(link, src_uri, path, anchor, targets)
    target = posixpath.normpath(posixpath.join(posixpath.dirname(src_uri), path))
    if target in targets.pages:
        return _anchor_problem(link, src_uri, target, anchor, targets) if anchor else None
    if target in targets.files or any(target.startswith(folder) for folder in targets.made_by_build):
        return None
    return _missing(link, src_uri, path, target, anchor, targets)


def _is_page_path(path: str) -> bool:
    return path.endswith("/") or posixpath.splitext(path)[1] in ("", ".md", ".html")


def _missing(link: Link, src_uri: str, path: str, target: str, anchor: str, targets: Targets) -> str:
    shown, docs = _shown(link.url), targets.docs_label
    if link.kind == IMAGE:
        hint = _suggestion(src_uri, target, targets.files, anchor, pages=False)
        return (f'gambar "{shown}" tidak ada di folder {_folder(docs, target)}; unggah berkasnya di samping '
                f"halaman atau perbaiki namanya.{hint}")
    if _is_page_path(path):
        hint = _suggestion(src_uri, target, targets.pages, anchor, pages=True)
        return (f'tautan "{shown}" tidak menuju halaman mana pun.'
                + (hint or f" Tautan dihitung dari folder halaman ini ({_folder(docs, src_uri)}): periksa nama "
                           "berkas dan foldernya, dan akhiri dengan .md, misalnya \"jadwal.md\"."))
    hint = _suggestion(src_uri, target, targets.files, anchor, pages=False)
    return (f'tautan "{shown}" tidak menuju berkas mana pun: {docs}/{target} tidak ada.'
            + (hint or " Unggah berkasnya atau perbaiki namanya."))


def _absolute(link: Link, src_uri: str, path: str, anchor: str, targets: Targets) -> str:
    """A path from the root of the web server: the site lives under a folder of it (site_url), so it breaks."""
    stripped = path.lstrip("/\\")
    hint = ""
    for candidate in (stripped, stripped.partition("/")[2]):  # the path in docs/, or under the site's folder
        hint = hint or _suggestion(src_uri, candidate, targets.pages if _is_page_path(candidate) else targets.files,
                                   anchor, pages=_is_page_path(candidate), closest=False)
    example = hint or ' Misalnya "../jadwal.md" dari halaman di satu folder, "jadwal.md" dari halaman di docs/.'
    return (f'tautan "{_shown(link.url)}" diawali "/", sehingga tidak menuju halaman situs ini. Tulis tautan ke '
            f"berkasnya, dihitung dari folder halaman ini.{example}")


def _anchor_problem(link: Link, src_uri: str, target: str, anchor: str, targets: Targets) -> str | None:
    anchors = targets.anchors(target)
    if anchors is None or anchor in anchors:
        return None
    if target == src_uri and link.url.lstrip().startswith("#"):
        text = f'tautan "{_shown(link.url)}" tidak menuju bagian mana pun di halaman ini.'
    else:
        page = "halaman ini" if target == src_uri else f"halaman {targets.docs_label}/{target}"
        text = f'tautan "{_shown(link.url)}": {page} tidak punya bagian "#{anchor}".'
    close = difflib.get_close_matches(anchor, list(anchors), n=3, cutoff=0.6)
    if close:
        return text + " Bagian yang mirip: " + ", ".join(f'"#{a}"' for a in close) + "."
    hint = f" Alamat bagian dibentuk dari judulnya: {SLUG_EXAMPLE}."
    if not anchors:
        return text + " Halaman itu tidak punya bagian berjudul." + hint
    shown = ", ".join(f'"#{a}"' for a in anchors[:LISTED_ANCHORS])
    count = f" ({LISTED_ANCHORS} dari {len(anchors)})" if len(anchors) > LISTED_ANCHORS else ""
    return text + f" Bagian yang ada{count}: {shown}." + hint


def _folder(docs: str, path: str) -> str:
    folder = posixpath.dirname(path)
    return f"{docs}/{folder}/" if folder else f"{docs}/"


def _name(path: str, pages: bool) -> str:
    """What a writer means by a path: a file's name; for a page, without .md (a folder's index: the folder)."""
    path = path.rstrip("/")
    if not pages:
        return posixpath.basename(path)
    stem = posixpath.splitext(path)[0] if posixpath.splitext(path)[1] in (".md", ".html") else path
    if posixpath.basename(stem) == "index" and "/" in stem:
        stem = posixpath.dirname(stem)
    return posixpath.basename(stem)


def _suggestion(src_uri: str, target: str, candidates, anchor: str, pages: bool, closest: bool = True) -> str:
    """' Mungkin maksudnya "..."?' with the existing page or file nearest to what was written, or ""."""
    by_name: dict[str, list[str]] = {}
    for candidate in sorted(candidates):
        by_name.setdefault(_name(candidate, pages), []).append(candidate)
    name = _name(target, pages)
    same = [n for n in by_name if n.lower() == name.lower()]  # a phone's "Foto.JPG" for "foto.jpg"
    names = same or (difflib.get_close_matches(name, list(by_name), n=1, cutoff=0.6) if closest else [])
    if not names:
        return ""
    best = max(by_name[names[0]], key=lambda c: len(posixpath.commonprefix([c, target])))  # the nearest folder
    written = posixpath.relpath(best, posixpath.dirname(src_uri) or ".") + (f"#{anchor}" if anchor else "")
    return f' Mungkin maksudnya "{written}"?'


# --- the converted page -----------------------------------------------------------------------

def line_of(lines: Sequence[str], needle: str) -> int | None:
    """The line of a page's source (from 1) that most likely holds `needle`, a URL or "#anchor" from its HTML:
    first where raw HTML writes it (`href="..."`: MkDocs rewrites the Markdown links it resolves, so a URL
    left as written in the HTML is more likely raw HTML's), then a Markdown link (`](...`), else anywhere."""
    forms = [f'="{needle}"', f"='{needle}'", f"]({needle}", needle]
    return next((number for form in forms for number, text in enumerate(lines, 1) if form in text), None)


def url_key(url: str) -> str:
    """A published address as the site serves it: "jadwal/", "jadwal/index.html" and "jadwal" alike."""
    path = posixpath.normpath(unquote(url) or ".")
    if posixpath.basename(path) == "index.html":
        path = posixpath.dirname(path) or "."
    return "" if path == "." else path


def html_problems(src_uri: str, page_url: str, links: list[Link], urls: Mapping[str, str],
                  targets: Targets) -> list[tuple[str, str]]:
    """(what to look for in the source, why) for each link or image of a converted page that leads nowhere.

    `page_url` is the page's published address, `urls` maps each published address (`url_key`)
    to its file's path in docs/."""
    base = page_url if page_url.endswith("/") else posixpath.dirname(page_url)  # "" at the site's root
    found = []
    for link in links:
        local = _local(link.url)
        if local is None or not (local[0] or local[1]):
            continue
        path, anchor = local
        if path.startswith(("/", "\\")):
            found.append((link.url, _absolute(link, src_uri, path, anchor, targets)))
            continue
        target = urls.get(url_key(posixpath.join(base, path))) if path else src_uri
        if target is None:
            shown = _shown(link.url)
            found.append((link.url, f'gambar "{shown}" tidak ada di situs; unggah berkasnya atau perbaiki namanya.'
                          if link.kind == IMAGE else f'tautan "{shown}" tidak menuju halaman atau berkas mana pun di situs.'))
        elif anchor and target in targets.pages:
            reason = _anchor_problem(link, src_uri, target, anchor, targets)
            if reason:
                found.append((f"#{anchor}", reason))
    return found
