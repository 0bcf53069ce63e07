"""The last look before publishing (kda.checks.published): every page as written, and the feeds.

The checks of each page's own content cannot see what the theme, the blog's list pages and the
RSS plugin make of it. These tests give the final check pages and feeds as a reader would get them,
including the list page two posts made on main (each passing the content checks, together a
script), and check that the real site and the corpus's inert site pass it.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import ROOT, load_site_config

THEME_HEAD = ('<!doctype html><html lang="id"><head><meta charset="utf-8">'
              '<link rel="stylesheet" href="../assets/stylesheets/main.css">'
              '<link rel="canonical" href="https://kelompok-diskusi-bandung.github.io/situs/artikel/">'
              '<script>__md_scope=new URL("..",location)</script></head><body><div class="md-container">'
              '<main class="md-main"><div class="md-content"><article class="md-content__inner md-typeset">')
THEME_TAIL = ('</article></div></main></div><script id="__config" type="application/json">{"base": ".."}</script>'
              '<script src="../assets/javascripts/bundle.a5f9d56c.min.js"></script></body></html>')


def excerpt(inner: str) -> str:
    return (f'<article class="md-post md-post--excerpt"><header class="md-post__header"></header>'
            f'<div class="md-post__content md-typeset">{inner}<nav class="md-post__action">'
            f'<a href="../artikel/x/">Lanjutkan membaca</a></nav></div></article>')


@pytest.fixture(scope="module")
def scripts():
    from kda.checks.published import site_scripts

    return site_scripts(load_site_config(ROOT))


# name -> the page's inner HTML (inside the theme's content area) and a fragment of the message
PAGES = {
    # what main published on /artikel/ from two posts that each passed: the first is cut inside an
    # attribute (its marker sat in it), which swallows the theme's markup up to a quote in the second
    # post's plain text, where the rest of that text becomes attributes
    "excerpts-combined": (excerpt("<p>Pembuka <abbr title='") + excerpt("<p>Kata x' onmouseover='alert(1)' y='z'>teks</p>"),
                          'atribut "onmouseover"'),
    "excerpt-form": (excerpt('<p>x</p><form action="https://evil.example"><input name="nik"></form>'),
                     "cuplikan tulisan di daftar tulisan"),
    "script-in-content": ("<p>x</p><script>alert(1)</script>", "elemen <script> di dalam isi halaman"),
    "theme-like-script-in-content": ('<script>__md_scope=new URL("..",location);alert(1)</script>',
                                     "elemen <script> di dalam isi halaman"),
    "handler-anywhere": ('<p><img src="../a.png" onload="alert(1)"></p>', 'atribut "onload"'),
    "javascript-link": ('<p><a href="jav&#x09;ascript:alert(1)">x</a></p>', 'berskema "javascript:"'),
    "data-link": ('<p><a href="data:text/html,<script>alert(1)</script>">x</a></p>', 'berskema "data:"'),
    "image-other-host": ('<p><img src="https://evil.example/p.png" alt=""></p>', "memuat berkas dari situs lain"),
    "image-protocol-relative": ('<p><img src="//evil.example/p.png" alt=""></p>', "memuat berkas dari situs lain"),
    "srcset-other-host": ('<p><img src="a.png" srcset="a.png 1x, https://evil.example/p.png 2x"></p>',
                          "memuat berkas dari situs lain"),
    "style-url": ('<p style="background:url(https://evil.example/p.png)">x</p>', "memuat berkas dari alamat lain"),
    "style-element-import": ("<style>@import 'https://evil.example/x.css';</style>", "memuat berkas dari alamat lain"),
    "iframe": ('<iframe src="../x/"></iframe>', "elemen <iframe>"),
    "object": ('<object data="x.swf"></object>', "elemen <object>"),
    "meta-refresh": ('<meta http-equiv="Refresh" content="0;url=https://evil.example">', 'http-equiv="refresh"'),
    "base": ('<base href="https://evil.example/">', "elemen <base>"),
    "svg-xlink": ('<svg><a xlink:href="javascript:alert(1)"><text>x</text></a></svg>', 'berskema "javascript:"'),
}


@pytest.mark.parametrize("name", PAGES)
def test_a_published_page_with_active_content_is_refused(scripts, name):
    from kda.checks.published import page_problems

    inner, fragment = PAGES[name]
    problems = page_problems(THEME_HEAD + inner + THEME_TAIL, "artikel/index.html", scripts)
    assert any(fragment in p for p in problems), problems


def test_scripts_outside_the_content_must_be_the_themes(scripts):
    from kda.checks.published import page_problems

    page = THEME_HEAD + "<p>x</p>" + THEME_TAIL
    assert page_problems(page, "artikel/index.html", scripts) == []
    foreign = page.replace("</body>", '<script src="https://evil.example/x.js"></script><script>fetch("/x")</script></body>')
    problems = page_problems(foreign, "artikel/index.html", scripts)
    assert any("https://evil.example/x.js bukan skrip tema atau proyek" in p for p in problems)
    assert any("yang tidak ditulis tema atau proyek: fetch" in p for p in problems)
    elsewhere = page.replace("bundle.a5f9d56c.min.js", "../../tmp/bundle.js")
    assert page_problems(elsewhere, "artikel/index.html", scripts)


FEED = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Uji</title>
<item><title>Baik</title><link>https://situs.example/artikel/baik/</link><description>Teks biasa, &amp; aman.</description></item>
<item><title>Jahat</title><link>https://situs.example/artikel/jahat/</link>
<description>&lt;p&gt;Pembuka&lt;/p&gt;&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;</description></item>
</channel></rss>"""


def test_feed_descriptions_hold_to_the_member_whitelist():
    from kda.checks.published import feed_problems

    problems = feed_problems(FEED.encode())
    assert problems and all(p.startswith("https://situs.example/artikel/jahat/: ") for p in problems)
    assert any("elemen <script>" in p for p in problems)
    assert feed_problems(FEED.split("<item><title>Jahat")[0].encode() + b"</channel></rss>") == []
    assert feed_problems(b"<rss><item>")[0].startswith("umpan RSS bukan XML yang sah")


def test_the_real_site_and_its_feeds_pass_the_final_check(site, scripts):
    from kda.checks.published import feed_problems, page_problems

    pages = sorted(site.rglob("*.html"))
    redirects = {p for p in pages if 'http-equiv="refresh"' in p.read_text(encoding="utf-8")}  # the redirects plugin's
    checked = [p for p in pages if p not in redirects and p.name != "404.html"]
    assert len(checked) > 20
    for page in checked:
        assert page_problems(page.read_text(encoding="utf-8"), page.relative_to(site).as_posix(), scripts) == [], page
    for feed in site.glob("feed_rss_*.xml"):
        assert feed_problems(feed.read_bytes()) == []
    assert Path(site / "artikel" / "index.html").is_file()  # a list page was among them
