"""Front-matter keys the theme renders but nobody checked: every kind of page gets the same whitelist.

Material reads many keys a site may never use: `links` (raw HTML keys and unchecked URLs in the
sidebar), `template` with `location` (a redirect to any scheme, fired on load), `author` (raw into
`<meta>`), `icon`, `subtitle`, `status`... and writes `title`, `description` and tags unescaped
into `<head>`, attributes and the navigation. Each case below is written on a different kind of
page (article, note, material page, a guide like kerahasiaan.md, the blog's index, a maintainer's
macro page, a page in a new folder); one copy of the project holds them all, one build reports them.
"""

from __future__ import annotations

import pytest

from conftest import assert_refused_at, assert_refused_without_trace, cli_build_of, copy_project

ARTICLE_HEAD = "title: Uji\ndate: 2014-01-05\nauthors: [tim]\n"
ARTICLE_BODY = "\n\nPembuka.\n\n<!-- more -->\n\nIsi.\n"
PAGE_KEYS = "Kolom yang boleh: title, description, hide, tanggapan."
ARTICLE_KEYS = "Kolom yang boleh: title, description, date, authors, categories, tags, pokok_bahasan, draft, pin, readtime, tanggapan."
PLAIN = "harus teks biasa dalam satu baris"


def article(extra: str) -> str:
    return f"---\n{ARTICLE_HEAD}{extra}---{ARTICLE_BODY}"


def prepend(head: str):
    """A front matter put before the page's own text (the page had none)."""
    return lambda text: f"---\n{head}---\n\n{text}"


def add_keys(keys: str):
    """Keys added to the page's own front matter, after its first line."""
    return lambda text: text.replace("---\n", "---\n" + keys, 1)


# name -> (page, its new text or a function of its old text, line the message names, fragments)
CASES = {
    "article-links": ("artikel/posts/2014-01-05-tautan.md",
                      article("links:\n  - '<img src=x onerror=alert(1)>': javascript:alert(1)\n"),
                      5, ["'links' bukan nama kolom yang dikenal.", ARTICLE_KEYS]),
    "article-links-nested": ("artikel/posts/2014-01-06-tautan-bersarang.md",
                             article("links:\n  - Bagian:\n      - Tautan: 'jAvAsCrIpT:alert(1)'\n"),
                             5, ["'links' bukan nama kolom yang dikenal."]),
    "article-title-quote": ("artikel/posts/2014-01-07-kutip.md",
                            article("").replace("title: Uji", "title: 'Uji\" onmouseover=\"alert(1)'"),
                            2, ["title: " + PLAIN]),
    "article-description-refresh": ("artikel/posts/2014-01-08-segar.md",
                                    article("description: 'x\" http-equiv=\"refresh\" content=\"0;url=https://evil.example'\n"),
                                    5, ["description: " + PLAIN]),
    "article-tag-html": ("artikel/posts/2014-01-09-tag.md", article("tags: ['<b onmouseover=alert(1)>x</b>']\n"),
                         5, ["tags: " + PLAIN]),
    "article-author-meta": ("artikel/posts/2014-01-02-penulis.md", article("author: 'x\" onload=\"alert(1)'\n"),
                            5, ["'author' bukan nama kolom yang dikenal. Mungkin maksudnya 'authors'?"]),
    "guide-redirect": ("kerahasiaan.md", add_keys("template: redirect.html\nlocation: javascript:alert(1)\n"),
                       2, ["'template' bukan nama kolom yang dikenal.", PAGE_KEYS]),
    "guide-redirect-location": ("kerahasiaan.md", None, 3, ["'location' bukan nama kolom yang dikenal."]),
    "guide-description-refresh": ("panduan-foto-tanggapan.md",
                                  lambda text: text.replace("description: Cara memuat foto",
                                                            "description: 'Cara\" http-equiv=\"refresh\" content=\"0;url=https://evil.example' #"),
                                  3, ["description: " + PLAIN]),
    "note-icon-subtitle": ("pertemuan/02-perlindungan-anak.md",
                           prepend("icon: material/alert\nsubtitle: <img src=x onerror=alert(1)>\n"),
                           2, ["'icon' bukan nama kolom yang dikenal.", PAGE_KEYS]),
    "note-subtitle": ("pertemuan/02-perlindungan-anak.md", None, 3, ["'subtitle' bukan nama kolom yang dikenal."]),
    "material-search-status": ("materi/masalah-anak.md", prepend("search: {exclude: true}\nstatus: new\n"),
                               2, ["'search' bukan nama kolom yang dikenal."]),
    "material-status": ("materi/masalah-anak.md", None, 3, ["'status' bukan nama kolom yang dikenal."]),
    "blog-index-author": ("artikel/index.md", add_keys("author: 'x\" content=\"0;url=https://evil.example'\n"),
                          2, ["'author' bukan nama kolom yang dikenal."]),
    "macro-page-redirect": ("tor.md", add_keys("template: redirect.html\nlocation: 'https://evil.example/'\n"),
                            2, ["'template' bukan nama kolom yang dikenal."]),
    "new-folder-title-entity": ("uji-kepala/entitas.md",
                                "---\ntitle: '&lt;img src=x onerror=alert(1)&gt;'\nhide: [semua]\n---\n\nIsi.\n",
                                2, ["title: " + PLAIN]),
    "new-folder-hide": ("uji-kepala/entitas.md", None, 3, ["hide: "]),
    "new-folder-meta": ("uji-kepala/meta.md", "---\nmeta:\n  - http-equiv: refresh\n    content: 0;url=https://evil.example\n---\n\nIsi.\n",
                        2, ["'meta' bukan nama kolom yang dikenal.", PAGE_KEYS]),
    "new-folder-description-gt": ("uji-kepala/lebih.md", "---\ndescription: 'a > b dan < c'\n---\n\nIsi.\n",
                                  2, ["description: " + PLAIN]),
}


@pytest.fixture(scope="module")
def refused(tmp_path_factory):
    project = copy_project(tmp_path_factory.mktemp("frontmatter") / "project")
    (project / "docs" / "uji-kepala").mkdir()
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("not_in_nav: |\n", "not_in_nav: |\n  /uji-kepala/*.md\n"),
                      encoding="utf-8")
    for page, change, _, _ in CASES.values():
        if change is None:
            continue  # a second key of the page above
        path = project / "docs" / page
        path.write_text(change(path.read_text(encoding="utf-8")) if callable(change) else change, encoding="utf-8")
    return cli_build_of(project)


@pytest.mark.build
@pytest.mark.parametrize("name", CASES)
def test_a_key_or_value_the_site_does_not_use_is_refused(refused, name):
    page, _, line, fragments = CASES[name]
    assert_refused_at(refused, f"docs/{page}, baris {line}", fragments)


@pytest.mark.build
def test_the_refused_build_publishes_nothing_and_shows_no_traceback(refused):
    assert "Kepala (front matter) halaman tidak sah" in assert_refused_without_trace(refused)


def test_the_local_check_refuses_the_same_keys_on_every_kind_of_page(tmp_path, capsys):
    import sys

    from conftest import ROOT

    sys.path.insert(0, str(ROOT / "scripts"))
    import periksa

    project = copy_project(tmp_path / "project")
    for page, change, _, _ in (CASES["guide-redirect"], CASES["macro-page-redirect"]):
        path = project / "docs" / page
        path.write_text(change(path.read_text(encoding="utf-8")), encoding="utf-8")
    assert periksa.main(["docs/kerahasiaan.md", "docs/tor.md"], root=project) == 1
    output = capsys.readouterr().out
    assert "  - docs/kerahasiaan.md, baris 2: 'template' bukan nama kolom yang dikenal." in output
    assert "  - docs/tor.md, baris 3: 'location' bukan nama kolom yang dikenal." in output
