"""What HTML a member page may contain: one whitelist, read by both checks in `kda.checks.safety`.

A whitelist, not a blacklist: an element or attribute not named here is refused, so a
new trick (an unknown tag, a new event handler) fails closed. The list is what
Python-Markdown and the site's extensions produce from plain Markdown (paragraphs,
headings, lists, tables, code, admonitions, details, footnote-like links), plus a few
inline elements a writer may type by hand (`<abbr>`, `<kbd>`, `<br>`, `<sub>`, `<sup>`,
`<mark>`, `<small>`...). Everything that can run script, load a page or a style, submit
data or change the page around it is absent: script, style, iframe, object, embed, form
and its fields, meta, base, link, svg, math, audio, video, template, and every `on*` or
`style` attribute.
"""

from __future__ import annotations

import re

GLOBAL_ATTRIBUTES = frozenset({"id", "class", "title"})

# element -> attributes allowed on it besides GLOBAL_ATTRIBUTES
ELEMENTS: dict[str, frozenset[str]] = {
    name: frozenset(extra)
    for name, extra in {
        # text and phrasing
        "p": (), "br": (), "hr": (), "span": (), "div": (),
        "em": (), "strong": (), "b": (), "i": (), "u": (), "s": (), "del": (), "ins": (),
        "mark": (), "small": (), "sub": (), "sup": (), "abbr": (), "kbd": (), "samp": (),
        "var": (), "dfn": (), "cite": (), "q": (), "code": (), "pre": (),
        "time": ("datetime",),
        # headings, quotes, lists
        "h1": (), "h2": (), "h3": (), "h4": (), "h5": (), "h6": (),
        "blockquote": (),
        "ul": (), "ol": ("start", "reversed"), "li": ("value",),
        "dl": (), "dt": (), "dd": (),
        # tables
        "table": (), "caption": (), "thead": (), "tbody": (), "tfoot": (), "tr": (),
        "th": ("colspan", "rowspan", "scope"), "td": ("colspan", "rowspan"),
        "colgroup": ("span",), "col": ("span",),
        # admonitions, collapsible blocks, figures
        "details": ("open",), "summary": (), "figure": (), "figcaption": (),
        # links and images
        "a": ("href", "download"),  # download: save a site file (calendar, material) instead of opening it
        "img": ("src", "alt", "width", "height", "loading"),
    }.items()
}

# Attributes attr_list (`{ ... }` after a heading, paragraph, link or image) may set.
ATTR_LIST_ATTRIBUTES = GLOBAL_ATTRIBUTES | {"alt", "width", "height", "loading"}

# md_in_html's marker (`<div markdown>`): Python-Markdown consumes it, it never reaches a reader.
SOURCE_ONLY_ATTRIBUTES = frozenset({"markdown"})

URL_ATTRIBUTES = frozenset({"href", "src"})
LINK_SCHEMES = frozenset({"http", "https", "mailto", "tel"})  # plus relative links and #anchors

# Python-Markdown's tables extension aligns columns with exactly this style (`|:-:|`):
# allowed on th/td of the rendered page only, never typed by a writer.
TABLE_ALIGN = re.compile(r"text-align: (?:left|center|right);")

_SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.\-]*):")
# What a browser ignores in a URL: C0 controls and spaces around it, tabs and newlines inside.
_URL_STRIP = "".join(chr(c) for c in range(0x21))
_URL_INSIDE = re.compile(r"[\t\n\r]")


def url_scheme(value: str) -> str | None:
    """The scheme a browser would see in an attribute value (entities already decoded)."""
    cleaned = _URL_INSIDE.sub("", value.strip(_URL_STRIP))
    match = _SCHEME.match(cleaned)
    return match[1].lower() if match else None


def url_problem(element: str, attribute: str, value: str) -> str | None:
    """Why a URL in `element.attribute` is refused, or None (in Indonesian)."""
    scheme = url_scheme(value)
    cleaned = value.strip(_URL_STRIP)
    if attribute == "src":
        # The site is read offline and references no other host: images live beside the page.
        if scheme is not None or cleaned.startswith(("//", "\\\\", "/\\")):
            return (f'alamat gambar "{_short(value)}" harus berkas di dalam situs (alamat relatif, '
                    "misalnya gambar/foto.jpg), bukan alamat di internet atau skema data:/javascript:")
        return None
    if scheme is not None and scheme not in LINK_SCHEMES:
        return (f'tautan berskema "{scheme}:" tidak diizinkan; yang boleh hanya http, https, mailto, tel '
                "atau tautan relatif ke halaman situs")
    return None


def attribute_problem(element: str, attribute: str, value: str, *, rendered: bool) -> str | None:
    """Why `attribute` on `element` is refused, or None."""
    if attribute.startswith("on"):
        return f'atribut "{attribute}" (penangan kejadian yang menjalankan skrip) tidak diizinkan'
    if attribute == "style":
        if rendered and element in ("th", "td") and TABLE_ALIGN.fullmatch(value or ""):
            return None
        return 'atribut "style" tidak diizinkan; tampilan diatur oleh tema situs'
    allowed = GLOBAL_ATTRIBUTES | ELEMENTS.get(element, frozenset())
    if not rendered:
        allowed = allowed | SOURCE_ONLY_ATTRIBUTES
    if attribute not in allowed:
        return f'atribut "{attribute}" pada <{element}> tidak diizinkan; yang boleh: {", ".join(sorted(allowed))}'
    if attribute in URL_ATTRIBUTES:
        return url_problem(element, attribute, value or "")
    return None


def element_problem(element: str) -> str | None:
    if element in ELEMENTS:
        return None
    return (f"elemen <{element}> tidak diizinkan di tulisan anggota (bisa menjalankan skrip, memuat halaman "
            "lain atau mengubah tampilan); tulis dengan Markdown biasa, atau pakai elemen yang diizinkan "
            "seperti <abbr>, <kbd>, <br>, <sub>, <sup>")


def _short(value: str, limit: int = 60) -> str:
    value = value.replace("\n", " ")
    return value if len(value) <= limit else value[: limit - 1] + "…"


# Files beside the pages (images, materials) that MkDocs copies as they are. A browser opening
# one directly runs what it holds if it is HTML, SVG, XML or JavaScript, on the site's own
# address: only formats that cannot script the site are published. The project's own
# extra_css/extra_javascript files and the pages' own assets (kda.views.assets) are allowed by name
# (kda.checks.guard).
STATIC_EXTENSIONS = frozenset({
    ".png", ".jpg", ".jpeg", ".gif", ".webp", ".avif",
    ".pdf", ".doc", ".docx", ".ppt", ".pptx", ".xls", ".xlsx", ".odt", ".odp", ".ods",
})
