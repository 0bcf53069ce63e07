"""Content safety: a corpus of attacks written as member pages.

Refused cases all go into one copy of the project (the build reports every problem of
every page at once, so one `mkdocs build --strict` answers for all of them); each case
asserts its own file, line and Indonesian reason. Inert cases go into a second copy that
must build; the tests then read its HTML: the text is there, escaped, with no active element.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from PIL import Image
from test_safety_scripts import assert_only_theme_and_project_scripts

from conftest import (
    assert_page_case_refused,
    assert_refused_at,
    assert_refused_without_trace,
    build_site,
    cli_build_of,
    copy_project,
    run_cli_build,
)

MEMBER_DIR = "uji"  # a folder no rule knows: member pages are covered wherever they live

PRIVACY_LAW = "UU No. 23 Tahun 2002 tentang Perlindungan Anak"


def add_member_pages(project: Path, pages: dict[str, str]) -> None:
    folder = project / "docs" / MEMBER_DIR
    folder.mkdir()
    for name, text in pages.items():
        (folder / f"{name}.md").write_text(text, encoding="utf-8")
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert "not_in_nav: |\n" in text
    config.write_text(text.replace("not_in_nav: |\n", f"not_in_nav: |\n  /{MEMBER_DIR}/*.md\n"), encoding="utf-8")


# name -> (page text, line the message must name or None, fragments of the message)
REFUSED = {
    # raw HTML elements
    "after-front-matter": ("---\ntitle: Catatan kasus\n---\n\nTeks.\n\n<script>alert(1)</script>\n", 7, ["elemen <script>"]),
    "script": ("# Judul\n\n<script>alert(1)</script>\n", 3, ["elemen <script>"]),
    "script-upper": ("Teks.\n\n<SCRIPT SRC=//evil.example/x.js></SCRIPT>\n", 3, ["elemen <script>"]),
    "script-inline": ("Teks <script>alert(1)</script> di tengah.\n", 1, ["elemen <script>"]),
    "iframe": ('<iframe src="https://evil.example"></iframe>\n', 1, ["elemen <iframe>"]),
    "svg-onload": ("Teks\n\n<svg onload=alert(1)></svg>\n", 3, ["elemen <svg>"]),
    "object": ('<object data="x.swf"></object>\n', 1, ["elemen <object>"]),
    "embed": ('<embed src="x.swf">\n', 1, ["elemen <embed>"]),
    "form": ('<form action="https://evil.example"><input name="nik"></form>\n', 1, ["elemen <form>"]),
    "meta-refresh": ('<meta http-equiv="refresh" content="0;url=https://evil.example">\n', 1, ["elemen <meta>"]),
    "base": ('<base href="https://evil.example/">\n', 1, ["elemen <base>"]),
    "link-stylesheet": ('<link rel="stylesheet" href="https://evil.example/x.css">\n', 1, ["elemen <link>"]),
    "style-element": ("<style>body { display: none }</style>\n", 1, ["elemen <style>"]),
    "math-mutation": ("<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>\n", 1, ["elemen <math>"]),
    "noscript-mutation": ('<noscript><p title="</noscript><img src=x onerror=alert(1)>">\n', 1, ["elemen <noscript>"]),
    "inside-md-in-html": ("<div markdown>\n\n*teks*\n\n<script>alert(1)</script>\n\n</div>\n", 5, ["elemen <script>"]),
    # attributes
    "img-onerror": ('Foto:\n\n<img src="foto.png" onerror="alert(1)">\n', 3, ['atribut "onerror"']),
    "details-ontoggle": ("<details open ontoggle=alert(1)><summary>a</summary>b</details>\n", 1, ['atribut "ontoggle"']),
    "uppercase-handler": ('Teks <b ONMOUSEOVER="alert(1)">tebal</b>.\n', 1, ['atribut "onmouseover"']),
    "style-attribute": ('Teks <span style="position:fixed;top:0">palsu</span>.\n', 1, ['atribut "style"']),
    "target-blank": ('<a href="https://example.org" target="_blank">x</a>\n', 1, ['atribut "target" pada <a>']),
    # link and image schemes
    "md-javascript-link": ("Teks.\n\n[klik](javascript:alert(1))\n", 3, ['berskema "javascript:"']),
    "md-mixed-case": ("[klik](JaVaScRiPt:alert(1))\n", 1, ['berskema "javascript:"']),
    "md-entity": ("[klik](jav&#x61;script:alert(1))\n", 1, ['berskema "javascript:"']),
    "md-angle-destination": ("[klik](<javascript:alert(1)>)\n", 1, ['berskema "javascript:"']),
    "md-reference": ("[klik][r]\n\n[r]: javascript:alert(1)\n", 1, ['berskema "javascript:"']),
    "md-data-link": ("[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)\n", 1, ['berskema "data:"']),
    "raw-entity-tab": ('<a href="jav&#x09;ascript&colon;alert(1)">x</a>\n', 1, ['berskema "javascript:"']),
    "raw-leading-space": ('<a href=" javascript:alert(1)">x</a>\n', 1, ['berskema "javascript:"']),
    "raw-vbscript": ('<a href="VBScript:msgbox(1)">x</a>\n', 1, ['berskema "vbscript:"']),
    "angle-autolink": ("<javascript:alert(1)>\n", 1, ["tidak diizinkan"]),
    "image-external": ("![piksel](https://evil.example/p.png)\n", 1, ["alamat gambar", "bukan alamat di internet"]),
    "image-data": ("![x](data:image/svg+xml;base64,PHN2Zz4=)\n", 1, ["alamat gambar"]),
    # Python-Markdown does not treat `\<` as an escape (CommonMark does): the source check
    # cannot see this one, the check of the rendered HTML refuses it
    "backslash-lt": ("Teks.\n\nTag \\<script>alert(1)</script> di sini.\n", 3, ["(pada HTML hasil): elemen <script>"]),
    # attr_list
    "attr-paragraph": ('Paragraf.\n{: onclick="alert(1)" }\n', 2, ['atribut "onclick"']),
    "attr-heading": ("## Judul { onmouseover=alert(1) }\n", 1, ['atribut "onmouseover"']),
    "attr-link-href": ('[a](https://example.org){: href="javascript:alert(1)" }\n', 1, ['atribut "href" lewat { ... }']),
    "attr-image": ("![a](a.png){ onerror=alert(1) }\n", 1, ['atribut "onerror"']),
    "attr-style": ("Teks penting.\n{: style=\"display:none\" }\n", 2, ['atribut "style"']),
    "attr-fence": ("```{ .python onclick=alert(1) }\nx = 1\n```\n", 1, ['atribut "onclick"']),
    # macros and front matter
    "render-macros": ("---\nrender_macros: true\n---\n\n{{ cycler.__init__.__globals__.os.popen('echo KDA-PWNED').read() }}\n",
                      None, ["kolom 'render_macros' tidak boleh dipakai"]),
    "title-html": ("---\ntitle: <img src=x onerror=alert(1)>\n---\n\nIsi.\n", None, ["kolom 'title' harus teks biasa"]),
    "heading-title-entity": ("# Judul &lt;img src=x onerror=alert(1)&gt;\n\nIsi.\n", 1, ["judul halaman (dari judul \"# ...\" pertama) harus teks biasa"]),
    "heading-title-code": ("# Judul `<img src=x onerror=alert(1)>`\n\nIsi.\n", 1, ["judul halaman", "harus teks biasa"]),
    "description-entity": ('---\ndescription: "&lt;script&gt;alert(1)&lt;/script&gt;"\n---\n\nIsi.\n', None,
                           ["kolom 'description' harus teks biasa"]),
    # identifiers of clients (child protection)
    "nik": ("Anak berinisial R.\n\nNomor 3273012345670001 tercatat.\n", 3, ["nomor NIK atau KK (16 angka)", PRIVACY_LAW]),
    "nik-dotted": ("Data anak\n\nnomornya 32.73.01.120590.0001\n", 3, ["nomor NIK atau KK"]),
    "nik-in-metadata-line": ("Data: 3273012345670001\n\nIsi.\n", None, ["(kepala berkas): tertulis nomor NIK"]),
    "kk": ("No. KK: 3273-0112-3456\n", 1, ["nomor identitas (NIK, KK, NISN atau akta)"]),
    "phone-08": ("Hubungi ibunya di 0812-3456-7890.\n", 1, ["nomor telepon", "UU No. 11 Tahun 2012"]),
    "phone-62": ("Nomor walinya +62 812 3456 7890.\n", 1, ["nomor telepon"]),
    "phone-landline": ("Telepon rumahnya 022-7201234.\n", 1, ["nomor telepon"]),
    "phone-tel-link": ("[telepon](tel:+6281234567890)\n", 1, ["nomor telepon"]),
    "email": ("Surel keluarganya ibu.anak@gmail.com\n", 1, ["alamat surel"]),
    "email-mailto": ("[surel](mailto:wali.anak@yahoo.co.id)\n", 1, ["alamat surel"]),
    "street-jl": ("Tinggal di Jl. Merdeka No. 5.\n", 1, ["alamat jalan"]),
    "street-jalan": ("# Kasus\n\nRumahnya di Jalan Braga nomor 10.\n", 3, ["alamat jalan"]),
    "rt-rw": ("Rumahnya di RT 02/RW 05, Kelurahan X.\n", 1, ["alamat RT/RW"]),
    "rt-rw-combined": ("Domisili RT/RW 003/011 di kelurahan itu.\n", 1, ["alamat RT/RW"]),
    "identifier-in-table": ("| Anak | Telepon |\n| --- | --- |\n| R. | 081234567890 |\n", 3, ["nomor telepon"]),
    "identifier-in-comment": ("Teks.\n\n<!-- catatan: 081234567890 -->\n", 3, ["nomor telepon"]),
    "identifier-in-front-matter": ('---\ndescription: "Kasus anak, HP 081234567890"\n---\n\nIsi.\n', None,
                                   ["(kepala berkas): tertulis nomor telepon"]),
}


# Articles (docs/artikel/posts/), published in three more shapes: their own page, the blog's list
# pages (each excerpt cut at the first `<!-- more -->`, pasted beside the others) and the RSS feed
# (the part before the marker rendered again by plain Python-Markdown, without the site's
# extensions). Dated before the build date, so every shape is built and checked.
POST_HEAD = "---\ntitle: Uji\ndate: 2014-01-05\nauthors: [tim]\n---\n\n"  # 5 lines, then a blank one
DESCRIBED = POST_HEAD.replace("authors:", "description: Uji.\nauthors:")  # the feed shows this text instead
REFUSED_POSTS = {
    "penanda-di-atribut": ('Pembuka <abbr title="<!-- more -->">x</abbr> teks.\n', 7, ["<!-- more --> harus berdiri sendiri"]),
    "penanda-atribut-baris": ('Pembuka <abbr title="\n<!-- more -->\n">x</abbr> teks.\n', 8,
                              ["<!-- more --> harus berdiri sendiri"]),
    "penanda-dua-kali": ("Pembuka.\n\n<!-- more -->\n\nIsi.\n\n<!-- more -->\n", 9, ["hanya boleh ditulis sekali"]),
    "penanda-di-kode": ("Pembuka `<!-- more -->` teks.\n\n<!-- more -->\n", 7, ["hanya boleh ditulis sekali"]),
    "penanda-di-daftar": ("- butir\n\n    <!-- more -->\n\nIsi.\n", 9, ["<!-- more --> harus berdiri sendiri"]),
    "penanda-di-kutipan": ("> <!-- more -->\n\nIsi.\n", 7, ["<!-- more --> harus berdiri sendiri"]),
    "penanda-tanpa-baris-kosong": ("Pembuka.\n<!-- more -->\n\nIsi.\n", 8, ["<!-- more --> harus berdiri sendiri"]),
    # the source sees a top-level comment; md_in_html puts it inside the <div>: the cut check sees it
    "penanda-di-div": ("<div markdown>\n\nPembuka.\n\n<!-- more -->\n\n</div>\n", 12,
                       ["(pada HTML hasil): <!-- more --> berada di dalam <div>"]),
    # code on the page, raw HTML in the feed
    "umpan-pagar-skrip": ("```\n<script>alert(1)</script>\n```\n\n<!-- more -->\n\nIsi.\n", None,
                          ["(pada umpan RSS", "elemen <script>"]),
    "umpan-tilde-gambar": ("~~~\n<img src=x onerror=alert(1)>\n~~~\n\n<!-- more -->\n\nIsi.\n", None,
                           ["(pada umpan RSS", 'atribut "onerror"']),
    "umpan-pagar-iframe": ('```html\n<iframe src="https://evil.example"></iframe>\n```\n\n<!-- more -->\n', None,
                           ["(pada umpan RSS", "elemen <iframe>"]),
    "umpan-tilde-tautan": ('~~~\n<a href="javascript:alert(1)">x</a>\n~~~\n\n<!-- more -->\n', None,
                           ["(pada umpan RSS", 'berskema "javascript:"']),
}


def post_path(name: str) -> str:
    return f"docs/artikel/posts/2014-01-05-{name}.md"


# Files beside the pages that a browser would run if opened directly.
REFUSED_FILES = {
    "gambar.svg": '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>',
    "halaman.html": "<script>alert(1)</script>",
    "skrip.js": "alert(1)",
    "data.xml": '<?xml version="1.0"?><x:script xmlns:x="http://www.w3.org/1999/xhtml">alert(1)</x:script>',
}


@pytest.fixture(scope="module")
def refused_build(tmp_path_factory):
    project = copy_project(tmp_path_factory.mktemp("attacks") / "project")
    add_member_pages(project, {name: case[0] for name, case in REFUSED.items()})
    for name, content in REFUSED_FILES.items():
        (project / "docs" / MEMBER_DIR / name).write_text(content, encoding="utf-8")
    for name, (body, _, _) in REFUSED_POSTS.items():
        (project / post_path(name)).write_text((DESCRIBED if name == "penanda-di-div" else POST_HEAD) + body, encoding="utf-8")
    return cli_build_of(project)


@pytest.mark.build
@pytest.mark.parametrize("name", REFUSED)
def test_attack_is_refused_with_file_line_and_reason(refused_build, name):
    assert_page_case_refused(refused_build, MEMBER_DIR, REFUSED, name)


@pytest.mark.build
@pytest.mark.parametrize("name", REFUSED_POSTS)
def test_an_article_that_list_pages_or_the_feed_would_show_differently_is_refused(refused_build, name):
    _, line, fragments = REFUSED_POSTS[name]
    assert_refused_at(refused_build, post_path(name) + (f", baris {line}" if line else ""), fragments)


@pytest.mark.build
@pytest.mark.parametrize("name", REFUSED_FILES)
def test_a_file_a_browser_would_run_is_not_published(refused_build, name):
    result, _ = refused_build
    suffix = name.rsplit(".", 1)[1]
    assert f'- docs/{MEMBER_DIR}/{name}: berkas jenis ".{suffix}" tidak diterbitkan' in result.stdout + result.stderr


@pytest.mark.build
def test_refused_build_writes_nothing_runs_nothing_and_leaks_nothing(refused_build):
    output = assert_refused_without_trace(refused_build, MEMBER_DIR)
    assert "KDA-PWNED" not in output  # the command of the render_macros page never ran
    # identifiers are masked in the log (CI logs are public too)
    assert "3273012345670001" not in output and "0812-3456-7890" not in output
    assert "3273…01" in output


INERT = {
    "code-span": "Contohnya `<script>alert(1)</script>` dan `<img src=x onerror=alert(1)>`.\n",
    "fenced-code": ("```html\n<script>alert(1)</script>\n<iframe src=\"https://evil.example\"></iframe>\n"
                    "{{ cycler.__init__.__globals__.os.popen('id').read() }}\n```\n"),
    "jinja-literal": ("Hasil {{ 7*7 }} dan {% raw %} serta `{{ items | length }}` tetap tertulis.\n\n## Judul {{ nama }}\n\n"
                      "Himpunan {a, b}\n\n- butir {x}\n"),
    # Python-Markdown escapes this (no space after the tag name): a reader sees text, not an image
    "img-slash-separators": '<img/src="x.png"/onerror=alert(1)>\n',
    "escaped-html": "Tag &lt;script&gt; dan &lt;iframe&gt; hanya teks.\n",
    "snippet-literal": '--8<-- "mkdocs.yml"\n\n;--8<-- "../data/kelompok.yml"\n',
    "safe-inline-html": ('<abbr title="Lembaga Kesejahteraan Sosial Anak">LKSA</abbr>, tekan <kbd>Ctrl</kbd>'
                         "<br>H<sub>2</sub>O dan x<sup>2</sup>.\n\n"
                         '<div markdown>\n\n*Catatan* dalam blok.\n\n</div>\n'),
    "markdown-features": ("| Kiri | Tengah | Kanan |\n|:--|:-:|--:|\n| a | b | c |\n\n"
                          "!!! note \"Catatan\"\n    Isi catatan.\n\n"
                          "## Bagian { #bagian-khusus .penting }\n\n"
                          "[tautan](https://example.org) [surel](mailto:tim@example.org){ .tombol } [bagian](#bagian-khusus)\n"),
    "search-heading": "# Cari\n\n## Bagian &lt;img src=x onerror=alert(1)&gt;\n\nIsi.\n",
    "non-identifiers": ("Jumlah anak ± 600 orang pada tahun 2013-2014; UU 23 Tahun 2002 dan UU No. 11 Tahun 2012, "
                        "Pasal 64 ayat (2).\n\nPertemuan pukul 13.00–16.30 WIB, 11 anggota, kuorum 7; "
                        "anak jalanan dan anak terlantar; jalan keluar bersama.\n\n"
                        "Kode contoh `0812-3456-7890` dan `tim@example.org` di dalam kode.\n\n"
                        "Biaya Rp 1.500.000 untuk 120 peserta; nomor surat 460/1234/2013.\n"),
}


@pytest.fixture(scope="module")
def inert_site(tmp_path_factory):
    project = copy_project(tmp_path_factory.mktemp("inert") / "project")
    add_member_pages(project, INERT)
    Image.new("RGB", (4, 4), "white").save(project / "docs" / MEMBER_DIR / "foto.png")  # a file beside a page
    return build_site(project, tmp_path_factory.mktemp("inert-site"))


def article(site: Path, name: str):
    soup = BeautifulSoup((site / MEMBER_DIR / name / "index.html").read_text(encoding="utf-8"), "lxml")
    body = soup.select_one("article.md-content__inner")
    for theme_part in body.select(".md-content__button"):  # the theme's "edit this page" icon
        theme_part.decompose()
    return body


ACTIVE = "script, iframe, object, embed, form, svg, math, style, base, meta, link"


@pytest.mark.build
@pytest.mark.parametrize("name", INERT)
def test_inert_content_is_published_as_text_with_no_active_element(inert_site, name):
    body = article(inert_site, name)
    assert body is not None
    assert not body.select(ACTIVE)
    for element in body.find_all(True):
        assert not [a for a in element.attrs if a.lower().startswith("on") or a == "style" and element.name not in ("th", "td")]
        for attribute in ("href", "src"):
            value = str(element.get(attribute, "")).strip().lower()
            assert not value.startswith(("javascript:", "data:", "vbscript:")), element


@pytest.mark.build
def test_code_keeps_markup_as_escaped_text(inert_site):
    html = (inert_site / MEMBER_DIR / "code-span" / "index.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    fenced = article(inert_site, "fenced-code").get_text()
    assert "<iframe src=\"https://evil.example\"></iframe>" in fenced
    assert "{{ cycler.__init__.__globals__.os.popen('id').read() }}" in fenced


@pytest.mark.build
def test_jinja_syntax_in_member_pages_is_published_exactly_as_written(inert_site):
    body = article(inert_site, "jinja-literal")
    text = body.get_text()
    assert "Hasil {{ 7*7 }} dan {% raw %} serta" in text
    assert "49" not in text
    assert body.find("code").get_text() == "{{ items | length }}"
    assert body.find("h2").get_text().replace("¶", "").strip() == "Judul {{ nama }}"
    assert "Himpunan {a, b}" in text and "butir {x}" in text


@pytest.mark.build
def test_escaped_html_stays_text(inert_site):
    text = article(inert_site, "escaped-html").get_text()
    assert "Tag <script> dan <iframe> hanya teks." in text


@pytest.mark.build
def test_snippets_syntax_pulls_in_no_file(inert_site):
    body = article(inert_site, "snippet-literal")
    assert '--8<-- "mkdocs.yml"' in body.get_text()
    assert "site_name" not in body.get_text() and "anggota" not in body.get_text()


@pytest.mark.build
def test_safe_inline_html_and_markdown_features_stay(inert_site):
    body = article(inert_site, "safe-inline-html")
    assert body.find("abbr")["title"] == "Lembaga Kesejahteraan Sosial Anak"
    assert body.find("kbd").get_text() == "Ctrl" and body.find("br") and body.find("sub") and body.find("sup")
    assert body.select_one("div > p > em").get_text() == "Catatan"
    features = article(inert_site, "markdown-features")
    assert [th.get("style") for th in features.select("th")] == [
        "text-align: left;", "text-align: center;", "text-align: right;"]
    assert features.select_one(".admonition.note .admonition-title").get_text() == "Catatan"
    assert features.select_one("h2#bagian-khusus.penting")
    assert features.select_one('a.tombol[href="mailto:tim@example.org"]')


@pytest.mark.build
def test_search_index_keeps_headings_as_text(inert_site):
    # The site's search is Pagefind (hooks/kda/outputs/search.py). It stores a heading as the text a reader
    # saw; docs/assets/kda-search.js shows titles with textContent and keeps only <mark> of
    # an excerpt, so the text never becomes markup in the results.
    import gzip
    import json

    fragments = [json.loads(gzip.decompress(p.read_bytes()).removeprefix(b"pagefind_dcd"))
                 for p in (inert_site / "pagefind" / "fragment").glob("*.pf_fragment")]
    page = next(f for f in fragments if f["url"] == f"/{MEMBER_DIR}/search-heading/")
    titles = [a["text"] for a in page["anchors"] if a["element"] == "h2"]
    assert titles == ["Bagian <img src=x onerror=alert(1)>"]


@pytest.mark.build
def test_safe_files_beside_pages_are_published(inert_site):
    assert (inert_site / MEMBER_DIR / "foto.png").exists()


@pytest.mark.build
def test_non_identifiers_are_not_flagged(inert_site):
    text = article(inert_site, "non-identifiers").get_text()
    assert "± 600" in text and "0812-3456-7890" in text


# --- the whole built site (the check itself: tests/test_safety_scripts.py) ------------------------

@pytest.mark.build
def test_attack_corpus_site_has_no_foreign_script(inert_site, tmp_path):
    from conftest import ROOT

    assert_only_theme_and_project_scripts(inert_site, ROOT)


def test_rendered_check_refuses_html_a_browser_would_read_differently():
    from kda.checks.safety import check_rendered

    assert check_rendered("<p>Teks <b>tebal</b> dan <abbr title=\"x\">X</abbr>.</p>") == []
    (needle, message), = check_rendered("<p>Teks <div>blok</div> lagi</p>")
    assert needle is None and "peramban akan membaca HTML ini berbeda" in message
    assert check_rendered('<p><a href="JaVaScRiPt&#58;alert(1)">x</a></p>')[0][1].startswith('tautan berskema "javascript:"')


def test_local_check_gives_the_builds_messages_without_a_build(tmp_path):
    """scripts/periksa.py (pre-commit) runs the same source check on the changed member pages."""
    import sys

    from conftest import ROOT, copy_project

    sys.path.insert(0, str(ROOT / "scripts"))
    import periksa

    project = copy_project(tmp_path / "project")
    (project / "docs" / "pertemuan" / "03-uji.md").write_text(
        "---\ntitle: Uji\n---\n\nTeks.\n\n<script>alert(1)</script>\n\nHP walinya 0812-3456-7890.\n", encoding="utf-8")
    problems = periksa.run_checks(periksa.Project.load(project), ["docs/pertemuan/03-uji.md"])
    assert problems[0].startswith("docs/pertemuan/03-uji.md, baris 7: elemen <script> tidak diizinkan")
    assert problems[1].startswith('docs/pertemuan/03-uji.md, baris 9: tertulis nomor telepon ("0812…90")')
    # maintainer pages (force_render_paths) are not member pages
    (project / "docs" / "tor.md").write_text("<script>/* pengelola */</script>\n", encoding="utf-8")
    assert periksa.run_checks(periksa.Project.load(project), ["docs/tor.md"]) == []


@pytest.mark.build
def test_blog_articles_are_checked_like_every_member_page(tmp_path):
    """Articles (Material's blog) are member pages too, even before their date: a future post
    (2014-01-20, after the build date) is checked now, not published later unreviewed."""
    project = copy_project(tmp_path / "project")
    (project / "docs" / "artikel" / "posts" / "2014-01-20-hak-anak.md").write_text(
        "---\ndate: 2014-01-20\ntitle: Hak anak\nauthors: [tim]\ncategories: [Catatan Belajar]\n---\n\n"
        "Ringkasan `{{ x }}`.\n\n<!-- more -->\n\n\n\n"
        "<script>alert(1)</script>\n\nHP 0812-3456-7890\n", encoding="utf-8")
    result = run_cli_build(project)
    output = result.stdout + result.stderr
    assert result.returncode == 1
    assert "- docs/artikel/posts/2014-01-20-hak-anak.md, baris 14: elemen <script> tidak diizinkan" in output
    assert '- docs/artikel/posts/2014-01-20-hak-anak.md, baris 16: tertulis nomor telepon ("0812…90")' in output
