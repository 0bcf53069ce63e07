"""Every word of the site's chrome is Indonesian, product names aside.

The chrome is what the theme and the site's own templates put around and under the writing: the
header, the navigation, the sidebars (table of contents, an article's details), the footer, the
search box, the edit and back-to-top buttons, and the blocks the site adds to pages (calendar and
feed links, PDF and chart downloads, share and response boxes). For every built page this lists
their visible text and their accessible text (aria-label, title, alt, placeholder, text only
screen readers get) and fails on an English word (tests/english_words.txt, kept by hand) or a file
format's name, outside the names a reader knows (Material, GitHub, WhatsApp, PDF...). Text that
comes from the pages themselves (page titles, the headings in a table of contents) is writing,
not chrome, and is left out: a writer may title a section "Burn out".
"""

from __future__ import annotations

import importlib.metadata
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from conftest import ROOT

WORDS_FILE = Path(__file__).with_name("english_words.txt")
ENGLISH = frozenset(w.strip() for w in WORDS_FILE.read_text(encoding="utf-8").splitlines()
                    if w.strip() and not w.startswith("#"))
# Names of file formats and of the web's machinery: a reader should be told what a link does.
TECHNICAL = frozenset({"rss", "svg", "ics", "url", "html", "css", "xml", "json", "yaml", "yml", "http",
                       "https", "www", "api", "js", "md", "repo"})
# Products and formats readers know by these names.
NAMES = frozenset({"material", "mkdocs", "github", "whatsapp", "pdf", "giscus", "google", "pagefind", "qr", "a4"})
# Whole names with an English word inside, and the loanword Indonesian writes as it is.
PHRASES = ("GitHub Discussions", "e-mail")

CHROME = ", ".join((
    "header.md-header", ".md-tabs", ".md-sidebar", "footer.md-footer", "a.md-skip", ".md-top",
    ".md-content__button", ".md-source-file", ".md-post__meta", ".md-post__action", ".md-pagination",
    "template#kda-search", ".md-dialog", ".md-banner",
    ".kda-langganan", ".kda-unduh", ".kda-unduh-pdf", ".kda-bagikan", ".kda-tanggapan", "a.headerlink",
))
# Writing shown inside the chrome: the page's title in the header, the headings of the table of
# contents, the titles of the previous and next pages.
WRITING = ", ".join((
    ".md-header__topic[data-md-component=header-topic]", ".md-nav--secondary .md-nav__link",
    ".md-sidebar--secondary .md-nav__link", ".md-footer__title .md-ellipsis",
))
ACCESSIBLE = ("aria-label", "title", "alt", "placeholder")
SCREEN_READER_ONLY = ".kda-visually-hidden, .md-visually-hidden"

# One page of each type, found by what the built site holds (paths relative to the site).
PAGE_TYPES = {
    "beranda": lambda site: [site / "index.html"],
    "jadwal": lambda site: [site / "jadwal/index.html"],
    "pokok bahasan": lambda site: [site / "topik/index.html"],
    "catatan": lambda site: sorted(site.glob("pertemuan/[0-9][0-9]-*/index.html")),
    "materi": lambda site: sorted(p for p in site.glob("materi/*/index.html")),
    "artikel": lambda site: sorted(p for p in site.glob("artikel/*/index.html")
                                   if 'property="og:type" content="article"' in p.read_text(encoding="utf-8")),
    "daftar tulisan": lambda site: [site / "artikel/index.html"],
    "arsip tulisan": lambda site: sorted(site.glob("artikel/archive/[0-9][0-9][0-9][0-9]/index.html")),
    "kategori tulisan": lambda site: sorted(site.glob("artikel/category/*/index.html")),
    "penulis": lambda site: sorted(site.glob("artikel/author/*/index.html")),
    "perjalanan belajar": lambda site: [site / "perjalanan/index.html"],
    "panduan menulis": lambda site: [site / "panduan-menulis/index.html"],
    "tidak ditemukan": lambda site: [site / "404.html"],
}


def chrome_texts(html: str) -> list[str]:
    """The visible and accessible text of a page's chrome, one string per element or attribute."""
    soup = BeautifulSoup(html, "lxml")
    for writing in soup.select(WRITING):
        writing.decompose()
    texts = [link["title"] for link in soup.select("head link[title]")]
    for region in soup.select(CHROME):
        texts.append(region.get_text(" "))
        for node in [region, *region.find_all(True)]:
            for attribute in ACCESSIBLE:
                value = node.get(attribute)
                if value and "md-footer__link" in node.get("class", []) and attribute == "aria-label":
                    value = value.split(":")[0]  # "Selanjutnya: <the next page's title>"
                if value:
                    texts.append(value)
    texts += [node.get_text(" ") for node in soup.select(SCREEN_READER_ONLY)]
    return [" ".join(t.split()) for t in texts if t.strip()]


def foreign_words(text: str) -> list[str]:
    text = re.sub(r"\S+://\S+", " ", text)  # an address shown as such ("Tautan halaman ini: https://...")
    for phrase in PHRASES:
        text = text.replace(phrase, " ")
    words = re.findall(r"[^\W\d_]+", text)
    return [w for w in words if w.lower() not in NAMES and (w.lower() in ENGLISH or w.lower() in TECHNICAL)]


def english_in_chrome(site: Path) -> dict[str, list[str]]:
    found = {}
    for path in sorted(site.rglob("*.html")):
        if "pagefind" in path.relative_to(site).parts:
            continue
        hits = [f"{word!r} in {text[:90]!r}" for text in chrome_texts(path.read_text(encoding="utf-8"))
                for word in foreign_words(text)]
        if hits:
            found[path.relative_to(site).as_posix()] = sorted(set(hits))
    return found


def test_the_word_list_finds_what_material_says_in_english():
    """The check itself: Material's English chrome and the words the site used to show are caught."""
    for text in ("Made with Material for MkDocs", "Metadata", "Header", "Footer", "Skip to content",
                 "Ke repositori jadwal.ics", "Dari URL", "umpan RSS tulisan anggota", "Unduh grafik ini (SVG)",
                 "Salin ke clipboard", "Back to top"):
        assert foreign_words(text), text
    for text in ("Sumber situs di GitHub", "Bagikan lewat WhatsApp", "Unduh Jadwal (PDF, A4)", "Kembali ke atas",
                 "Tanggapan pembaca disimpan di GitHub Discussions melalui Giscus", "atau e-mail kepada pengurus",
                 "Air, main, data, status, menu, media, program"):
        assert not foreign_words(text), text


@pytest.mark.build
@pytest.mark.parametrize("which", ["site", "example_site"])
def test_chrome_of_every_page_is_indonesian(request, which):
    """The real site, and the example project with a photo gallery and the response box switched on."""
    site = request.getfixturevalue(which)
    for kind, find in PAGE_TYPES.items():
        pages = [p for p in find(site) if p.is_file()]
        assert pages, f"{which}: no page of type {kind}"
        assert chrome_texts(pages[0].read_text(encoding="utf-8")), f"{kind}: no chrome found in {pages[0]}"
    found = english_in_chrome(site)
    assert not found, "English in the chrome:\n" + "\n".join(f"{p}: {', '.join(h)}" for p, h in found.items())


def test_article_details_heading_and_landmarks_are_indonesian(page, site):
    article = PAGE_TYPES["artikel"](site)[0]
    post = page(article.parent.relative_to(site).as_posix() + "/")
    meta = post.select_one(".md-sidebar--post .md-post__meta .md-post__title")
    assert meta is not None and " ".join(meta.get_text(" ").split()) == "Tentang tulisan ini"
    assert post.select_one("header nav")["aria-label"] == "Kepala halaman"
    home = page("")
    assert home.select_one("footer nav")["aria-label"] == "Halaman sebelumnya dan berikutnya"
    assert "Made with" not in home.select_one("footer").get_text()


def test_repository_link_is_named_for_readers_and_last_in_the_phone_menu(page, site):
    home = page("")
    links = home.select("a.md-source")
    assert links and all(" ".join(a.get_text(" ").split()) == "Sumber situs di GitHub" for a in links)
    drawer = home.select_one(".md-sidebar--primary nav.md-nav--primary")
    assert drawer.select_one(":scope > .md-nav__source")  # where Material puts it: the top of the menu...
    css = (site / "assets/kda.css").read_text(encoding="utf-8")
    # ...which the site's stylesheet moves below the pages on a phone (the browser check measures it).
    assert re.search(r"\.md-nav--primary > \.md-nav__source\s*{\s*order:\s*1;", css)


def test_language_override_is_materials_own_with_the_sites_words_first():
    """partials/language.html overrides a partial of Material that has no block: it must stay
    Material's own three lines (of the pinned version) with one lookup added before them."""
    import material

    theirs = (Path(material.__file__).parent / "templates/partials/language.html").read_text(encoding="utf-8")
    ours = (ROOT / "docs/.overrides/partials/language.html").read_text(encoding="utf-8")

    def code(text: str) -> list[str]:
        return [line for line in re.sub(r"{#.*?#}", "", text, flags=re.S).splitlines() if line.strip()]

    added = '{% import "partials/kda-bahasa.html" as site %}'
    assert added in code(ours)
    restored = [line.replace("site.t(key) or ", "") for line in code(ours) if line != added]
    assert restored == code(theirs), "Material's partials/language.html changed: compare and update the override"
    pinned = re.search(r"^mkdocs-material==(\S+)", (ROOT / "requirements.txt").read_text(encoding="utf-8"), re.M)[1]
    assert importlib.metadata.version("mkdocs-material") == pinned
    assert f"mkdocs-material {pinned}" in ours


def test_the_sites_words_are_keys_material_knows():
    import material

    english = (Path(material.__file__).parent / "templates/partials/languages/en.html").read_text(encoding="utf-8")
    ours = (ROOT / "docs/.overrides/partials/kda-bahasa.html").read_text(encoding="utf-8")
    keys = re.findall(r'^\s*"([\w.]+)":', ours, re.M)
    assert keys and set(keys) <= set(re.findall(r'^\s*"([\w.]+)":', english, re.M))
