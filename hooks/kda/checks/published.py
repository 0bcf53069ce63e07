"""The last look before publishing: every HTML page as written to the site, and the feeds.

The checks of `safety.py` read each page's own content. What a reader gets is more: the theme
around it, the blog's list pages (index, archive, categories, authors, where each post's excerpt is
pasted next to the others), pages made from the data, and the RSS feed, which the RSS plugin
renders again by itself. Here every page MkDocs writes is parsed once (lxml) and must hold:

- no element that runs or embeds another document: `iframe`, `frame`, `object`, `embed`, `applet`,
  `base`, `portal`, and no `<meta http-equiv="refresh">`;
- no `on*` attribute anywhere, no URL with a scheme other than http, https, mailto or tel, no
  address of another host in anything the browser fetches by itself (images, media, stylesheets,
  icons, fonts through CSS `url()`): the site is read offline and tells no other host who reads it;
- scripts only where the theme and the project put them: files of Material's bundle, the
  lightbox plugin or the project's `extra_javascript`, and inline scripts that begin as one of the
  theme's or the project's templates writes it (`inline_script_starts`); none inside a page's
  content or an excerpt;
- on the blog's list pages, each excerpt held to the member whitelist (`safety.check_rendered`).

And each feed's item descriptions, as a feed reader renders them, to the same whitelist.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlparse

import lxml.etree
import lxml.html

from kda.checks import page_assets, policy, safety
from kda.compat import glightbox
from kda.compat import material as theme
from kda.paths import PAGE_ASSET_FILES

NEVER = frozenset({"iframe", "frame", "frameset", "object", "embed", "applet", "base", "portal", "fencedframe"})
URL_ATTRIBUTES = frozenset({"href", "src", "action", "formaction", "data", "poster", "background", "cite",
                            "xlink:href", "ping", "manifest", "codebase", "longdesc", "lowsrc", "dynsrc"})
FETCHED = frozenset({"src", "data", "poster", "background", "lowsrc", "dynsrc", "srcset", "imagesrcset", "codebase"})
FETCHED_LINKS = frozenset({"stylesheet", "icon", "shortcut", "apple-touch-icon", "preload", "modulepreload",
                           "prefetch", "prerender", "manifest", "dns-prefetch", "preconnect", "mask-icon"})
JAVASCRIPT_TYPES = frozenset({"", "text/javascript", "application/javascript", "module", "text/ecmascript"})
CONTENT = ("article.md-content__inner", "div.md-post__content")  # a page's own text; an excerpt
_CSS_URL = re.compile(r"url\(\s*['\"]?\s*([^'\")\s]+)|@import\s+['\"]([^'\"]+)", re.I)
_INLINE_SCRIPT = re.compile(r"<script(?:\s[^>]*)?>(.*?)</script>", re.S)
# The lightbox plugin writes its start-up call from Python, not from a template.
PLUGIN_INLINE_SCRIPTS = (glightbox.INLINE_SCRIPT_START,)


@dataclass(frozen=True)
class Scripts:
    """The scripts a page may have: files of the site (paths in the site) and inline beginnings."""

    files: frozenset[str]
    inline: tuple[str, ...]
    base_path: str = "/"  # the site's path on its host, e.g. /situs/ (absolute script paths start with it)


def script_files(config) -> frozenset[str]:
    """Material's bundled JavaScript, the lightbox plugin's script, the project's extra_javascript,
    the scripts only some pages link (kda.paths.PAGE_ASSET_FILES, extra.aset_halaman)."""
    theme_js = theme.scripts_dir()
    found = {p.relative_to(theme_js.parent.parent).as_posix() for p in theme_js.rglob("*.js")}
    found |= set(glightbox.script_files())
    found |= {path for path in (*PAGE_ASSET_FILES, *page_assets.own_files(config.extra)) if path.endswith(".js")}
    return frozenset(found | {str(item) for item in config.extra_javascript})


def inline_script_starts(*folders: Path) -> tuple[str, ...]:
    """The beginnings (up to the first Jinja tag) of the inline scripts the templates in `folders` write."""
    starts = set(PLUGIN_INLINE_SCRIPTS)
    for folder in folders:
        for template in sorted([*folder.rglob("*.html"), *folder.rglob("*.html.j2")]):
            for body in _INLINE_SCRIPT.findall(template.read_text(encoding="utf-8")):
                start = re.split(r"\{[{%]", body.strip())[0].strip()
                if start:
                    starts.add(start)
    return tuple(sorted(starts))


def site_scripts(config) -> Scripts:
    """The scripts of this site: the theme's templates, its overrides and the project's templates."""
    folders = [theme.templates_dir(), Path(config.docs_dir) / ".overrides",
               Path(config.docs_dir) / ".templates"]
    return Scripts(script_files(config), inline_script_starts(*[f for f in folders if f.is_dir()]),
                   urlparse(config.site_url or "").path or "/")


def page_problems(html: str, page_path: str, scripts: Scripts) -> list[str]:
    """Why the page written at `page_path` (in the site, e.g. artikel/index.html) may not be published."""
    if not html.strip():
        return []
    root = lxml.html.document_fromstring(html)
    content = {element for selector in CONTENT for container in _select(root, selector)
               for element in container.iter()}  # the elements themselves: an lxml proxy's id lasts as long as it
    problems = []
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        tag = element.tag.lower()
        problems += _element_problems(element, tag, page_path, scripts, element in content)
    problems += [f"{problem} (cuplikan tulisan di daftar tulisan)"
                 for excerpt in _select(root, "div.md-post__content") for _, problem in _excerpt(excerpt)]
    return list(dict.fromkeys(problems))


def _element_problems(element, tag: str, page_path: str, scripts: Scripts, in_content: bool) -> list[str]:
    problems = []
    if tag in NEVER:
        problems.append(f"elemen <{tag}> tidak boleh ada di halaman terbitan")
    if tag == "meta" and element.get("http-equiv", "").strip().lower() == "refresh":
        problems.append('<meta http-equiv="refresh"> (pengalihan otomatis) tidak boleh ada di halaman terbitan')
    if tag == "script":
        problems += _script_problems(element, page_path, scripts, in_content)
    if tag == "style":
        problems += _css_problems(element.text or "", "elemen <style>")
    rel = set((element.get("rel") or "").lower().split())
    for name, value in element.attrib.items():
        name = name.lower()
        if name.startswith("on"):
            problems.append(f'atribut "{name}" pada <{tag}> (penangan kejadian yang menjalankan skrip)')
        elif name in URL_ATTRIBUTES | {"srcset", "imagesrcset"}:
            problems += _url_problems(tag, name, value, fetched=name in FETCHED or (tag == "link" and rel & FETCHED_LINKS))
        elif name == "style":
            problems += _css_problems(value, f'atribut style pada <{tag}>')
    return problems


def _url_problems(tag: str, name: str, value: str, fetched: bool) -> list[str]:
    urls = [part.strip().split()[0] for part in value.split(",") if part.strip()] if "srcset" in name else [value]
    problems = []
    for url in urls:
        scheme = policy.url_scheme(url)
        if scheme is not None and scheme not in policy.LINK_SCHEMES:
            problems.append(f'{name} pada <{tag}> berskema "{scheme}:" ({_short(url)})')
        elif fetched and (scheme is not None or url.strip().startswith(("//", "\\\\", "/\\"))):
            problems.append(f"{name} pada <{tag}> memuat berkas dari situs lain ({_short(url)}); "
                            "situs ini tidak meminta apa pun dari alamat lain")
    return problems


def _css_problems(css: str, where: str) -> list[str]:
    found = []
    for match in _CSS_URL.finditer(css):
        url = match[1] or match[2]
        if policy.url_scheme(url) is not None or url.startswith("//"):
            found.append(f"{where} memuat berkas dari alamat lain ({_short(url)})")
    if "expression(" in css.lower():
        found.append(f"{where} memakai expression()")
    return found


def _script_problems(element, page_path: str, scripts: Scripts, in_content: bool) -> list[str]:
    kind = (element.get("type") or "").strip().lower()
    if kind not in JAVASCRIPT_TYPES:
        return []  # data (the theme's __config JSON): a browser does not run it
    if in_content:
        return ["elemen <script> di dalam isi halaman"]
    source = element.get("src")
    if source is not None:
        path = _site_path(source, page_path, scripts.base_path)
        return [] if path in scripts.files else [f"skrip {_short(source)} bukan skrip tema atau proyek"]
    text = (element.text or "").strip()
    if any(text.startswith(start) for start in scripts.inline):
        return []
    return [f"skrip di dalam halaman yang tidak ditulis tema atau proyek: {_short(text)}"]


def _site_path(source: str, page_path: str, base_path: str) -> str | None:
    """The file a script's src names, relative to the site; None for another host."""
    source = source.split("?")[0].split("#")[0]
    if policy.url_scheme(source) is not None or source.startswith("//"):
        return None
    if source.startswith("/"):
        return source[len(base_path):] if source.startswith(base_path) else None
    joined = posixpath.normpath(posixpath.join(posixpath.dirname(page_path), source))
    return None if joined.startswith("..") else joined


def _excerpt(container) -> list[tuple[str | None, str]]:
    """An excerpt of a list page without the theme's own parts, to the member whitelist."""
    for theme_part in container.xpath("./nav[contains(@class, 'md-post__action')] | ./hr"):
        theme_part.drop_tree()
    html = (container.text or "") + "".join(lxml.html.tostring(child, encoding="unicode") for child in container)
    return safety.check_rendered(html)


def _select(root, selector: str):
    tag, _, css_class = selector.partition(".")
    return root.xpath(f"//{tag}[contains(concat(' ', normalize-space(@class), ' '), ' {css_class} ')]")


def _short(value: str, limit: int = 80) -> str:
    value = " ".join(value.split())
    return value if len(value) <= limit else value[: limit - 1] + "…"


# --- the feeds --------------------------------------------------------------------------------

def feed_problems(xml: bytes) -> list[str]:
    """Each item description of an RSS feed, as a feed reader renders it, to the member whitelist."""
    try:
        root = lxml.etree.fromstring(xml, lxml.etree.XMLParser(resolve_entities=False, no_network=True))
    except lxml.etree.XMLSyntaxError as error:
        return [f"umpan RSS bukan XML yang sah ({error})"]
    problems = []
    for item in root.iter("item"):
        where = (item.findtext("link") or item.findtext("title") or "").strip()
        description = item.findtext("description") or ""
        problems += [f"{where}: {problem}" for _, problem in safety.check_rendered(description)]
    return problems
