"""Members' articles in the built site: blog, author pages, archive, categories, feed, topic links,
drafts and future posts, and the scaffold command."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from urllib.parse import urljoin

import feedparser
import pytest
import yaml
from bs4 import BeautifulSoup

from kda.settings import Settings

from conftest import BUILD_DATE, ROOT, build_site, copy_project, environment, text_of

POST_URL = "artikel/2013-12-22-mengapa-kami-berdiskusi/"
POST_TITLE = "Mengapa kami membentuk kelompok diskusi aktif"
SITE_URL = Settings.from_file(ROOT / "mkdocs.yml").site_url


# The blog's machinery is checked on the example group (tests/fixture/), whose articles do not
# change when members write; the real site's articles are checked against their files below.
@pytest.fixture(scope="module")
def site(example_site):
    return example_site


@pytest.fixture(scope="module")
def page(example_page):
    return example_page


def post_titles(soup) -> list[str]:
    return [text_of(h) for h in soup.select("article.md-post h2")]


# --- the blog -------------------------------------------------------------------------------

def test_blog_index_lists_the_article_with_excerpt_date_category_and_readtime(page):
    index = page("artikel/")
    assert post_titles(index) == [POST_TITLE]
    post = text_of(index.select_one("article.md-post"))
    assert "22 Desember 2013" in post
    assert "Tentang Kelompok" in post
    assert "menit baca" in post
    assert "Kami adalah pekerja sosial" in post  # the excerpt ...
    assert "Masalah yang kami rasakan" not in post  # ... stops at <!-- more -->
    assert index.select_one("article.md-post a[href]")


def test_article_page_shows_title_author_and_edit_button(page):
    post = page(POST_URL)
    assert text_of(post.find("h1")) == POST_TITLE
    assert post.title.string.startswith(POST_TITLE)
    assert "Tim Kelompok Diskusi" in text_of(post.select_one(".md-post__authors"))
    edit = post.select_one("a[rel=edit]")
    assert edit["href"].endswith("/edit/main/docs/artikel/posts/2013-12-22-mengapa-kami-berdiskusi.md")
    assert edit["title"] == "Ubah halaman ini"


def test_author_profile_lists_the_authors_articles(page):
    profile = page("artikel/author/tim/")
    assert text_of(profile.find("h1")) == "Tim Kelompok Diskusi"
    assert "Tulisan bersama Kelompok Diskusi Aktif" in text_of(profile.select_one(".md-content"))  # bio from the data
    assert post_titles(profile) == [POST_TITLE]


def test_authors_come_from_the_members_data(site):
    data = yaml.safe_load((ROOT / "data" / "anggota.yml").read_text(encoding="utf-8"))
    profiles = sorted(p.parent.name for p in (site / "artikel" / "author").glob("*/index.html"))
    authors_with_posts = ["tim"]  # Material makes a profile page for each author who has a post
    assert profiles == authors_with_posts
    assert {p["id"] for p in data} >= set(profiles)
    assert (site / "assets" / "penulis" / "tim.svg").read_text(encoding="utf-8").startswith("<svg")
    assert not (ROOT / "docs" / "artikel" / ".authors.yml").exists()  # no second, hand-kept copy


def test_archive_by_year_and_category_pages(page):
    archive = page("artikel/archive/2013/")
    assert text_of(archive.find("h1")) == "Tulisan tahun 2013"  # also its title in link previews
    assert post_titles(archive) == [POST_TITLE]
    category = page("artikel/category/tentang-kelompok/")
    assert text_of(category.find("h1")) == "Tentang Kelompok"
    assert post_titles(category) == [POST_TITLE]


def test_articles_are_not_listed_one_by_one_in_the_navigation(page):
    nav = page(POST_URL).select_one("nav.md-nav--primary")
    labels = [text_of(a) for a in nav.select("a")]
    assert "Tulisan Anggota" in labels and "Panduan Menulis" in labels
    assert POST_TITLE not in labels


def test_navigation_lists_one_authors_page_not_every_profile(page):
    """Every profile in every page's navigation grew each first view with the authors."""
    nav = page(POST_URL).select_one("nav.md-nav--primary")
    hrefs = [a["href"] for a in nav.select("a[href]")]
    assert not [h for h in hrefs if "/author/" in h]
    assert [text_of(a) for a in nav.select("a[href]")
            if urljoin("/" + POST_URL, a["href"]) == "/artikel/penulis/"] == ["Penulis"]
    authors = page("artikel/penulis/")
    assert text_of(authors.find("h1")) == "Penulis"
    entries = [" ".join(li.get_text().split()) for li in authors.select(".md-content li")]
    assert entries == ["Tim Kelompok Diskusi — 1 tulisan"]
    assert authors.select_one(".md-content li a[href='../author/tim/']")
    profile = page("artikel/author/tim/")  # still published, and its footer does not run into other pages
    assert not profile.select(".md-footer__link")


# --- topics link both ways -----------------------------------------------------------------

def test_topic_index_lists_the_article_under_its_topics(page):
    topics = page("topik/")
    for topic_id in ("konsep-diskusi-aktif", "sistem-perlindungan-anak", "pekerja-kemanusiaan"):
        card = topics.find(id=topic_id).parent
        links = [a for a in card.find_all("a") if text_of(a) == POST_TITLE]
        assert [a["href"] for a in links] == [f"../{POST_URL}"], topic_id
        assert "22 Desember 2013" in text_of(card)
    other = topics.find(id="ekologi-anak")  # no meeting, material or article: one line, no article listed
    assert other.name == "details" and POST_TITLE not in text_of(other)


def test_article_links_to_the_tor_and_topics(page):
    hrefs = {a["href"] for a in page(POST_URL).select("article a[href]")}
    assert "../../tor/" in hrefs
    assert "../../topik/" in hrefs


# --- feed ---------------------------------------------------------------------------------

def test_feed_holds_the_article_with_indonesian_title_date_author_and_categories(site):
    feed = feedparser.parse((site / "feed_rss_created.xml").read_bytes())
    assert not feed.bozo, feed.bozo_exception
    assert feed.version == "rss20"
    assert feed.feed.title == "Tulisan Anggota Kelompok Diskusi Bandung"
    assert feed.feed.language == "id"
    assert tuple(feed.feed.updated_parsed[:3]) == (2014, 1, 10)  # the build date (SOURCE_DATE_EPOCH in tests)
    [entry] = feed.entries
    assert entry.title == POST_TITLE
    assert entry.link == SITE_URL + POST_URL
    assert entry.published == "Sun, 22 Dec 2013 00:00:00 +0700"  # midnight in Bandung
    assert entry.author == "Tim Kelompok Diskusi"
    assert {t.term for t in entry.tags} >= {"Tentang Kelompok", "PKSA"}
    assert "Latar belakang Kelompok Diskusi Aktif" in entry.summary


def test_feed_is_advertised_in_every_pages_head(page):
    for url in ("", "jadwal/", "artikel/", POST_URL, "panduan-menulis/"):
        links = page(url).select('head link[rel~=alternate][type="application/rss+xml"]')
        assert any(link["href"].endswith("feed_rss_created.xml") for link in links), url
        # No exact rel="alternate": Material's script would fetch sitemap.xml for it (hooks/kda/compat/material.py).
        assert not page(url).select('head link[rel="alternate"]'), url


# --- the writing guide ---------------------------------------------------------------------

def test_writing_guide_shows_the_template_and_the_allowed_values(page):
    guide = page("panduan-menulis/")
    template = text_of(guide.select_one("article pre"))
    for line in ("title:", "date:", "authors:", "categories:", "pokok_bahasan:", "draft: true", "<!-- more -->"):
        assert line in template
    text = text_of(guide.find("article"))
    assert ".venv/bin/python scripts/artikel_baru.py" in text  # in the virtual environment of Cara 2
    assert "Tim Kelompok Diskusi" in text and "Catatan Belajar" in text and "sistem-perlindungan-anak" in text
    assert "Yang tidak boleh pernah diterbitkan" in text
    new_file = [a["href"] for a in guide.select("article a[href]") if "/new/main/docs/artikel/posts" in a["href"]]
    assert new_file


def test_guide_template_is_a_valid_article():
    import datetime as dt

    from kda.checks.frontmatter import Rules, check_article
    from kda.views.render import make_environment
    from kda.views.scaffold import NewArticle, render_article

    text = render_article(make_environment(ROOT / "docs" / ".templates"),
                          NewArticle(title="Judul", date=dt.date(2014, 1, 20), authors=("tim",)))
    rules = Rules(("tim",), ("ekologi-anak",), ("Catatan Belajar",))
    assert check_article("artikel/posts/2014-01-20-judul.md", text, rules) == (check_article(
        "artikel/posts/2014-01-20-judul.md", text, rules)[0], [])


# --- drafts, future posts and the scaffold, in a copy ----------------------------------------

def scaffold(project: Path, *args: str, today: str = BUILD_DATE) -> subprocess.CompletedProcess:
    with environment(KDA_TODAY=today):
        return subprocess.run([sys.executable, str(project / "scripts" / "artikel_baru.py"), *args],
                              capture_output=True, text=True, timeout=60, cwd=project)


@pytest.fixture(scope="module")
def copy_site(tmp_path_factory):
    """A copy with a scaffolded article, a draft and a post dated after the build date."""
    project = copy_project(tmp_path_factory.mktemp("artikel") / "project")
    (project / "scripts").mkdir()
    (project / "scripts" / "artikel_baru.py").write_text(
        (ROOT / "scripts" / "artikel_baru.py").read_text(encoding="utf-8"), encoding="utf-8")
    with open(project / "data" / "anggota.yml", "a", encoding="utf-8") as members:  # invented, temp copy only
        members.write("\n- id: contoh-anggota\n  nama: Contoh Anggota\n  jenis: anggota\n  peran: notulis\n"
                      "  kluster: abh\n  bio: Anggota contoh untuk pengujian.\n")
    made = scaffold(project, "Belajar bersama: catatan pertama", "--penulis", "tim", "--penulis", "contoh-anggota",
                    "--kategori", "Catatan Belajar",
                    "--pokok-bahasan", "ekologi-anak", "--tanggal", "2014-01-05", "--terbit")
    assert made.returncode == 0, made.stderr
    draft = scaffold(project, "Masih draf", "--penulis", "tim", "--pokok-bahasan", "ekologi-anak",
                     "--tanggal", "2014-01-06")
    assert draft.returncode == 0, draft.stderr
    future = scaffold(project, "Tulisan masa depan", "--penulis", "tim", "--pokok-bahasan", "ekologi-anak",
                      "--tanggal", "2014-01-11", "--terbit")
    assert future.returncode == 0, future.stderr
    config = project / "mkdocs.yml"  # one post per page, to see the pagination with two posts
    config.write_text(config.read_text(encoding="utf-8").replace("pagination_per_page: 10", "pagination_per_page: 1"),
                      encoding="utf-8")
    return project, build_site(project, project / "site")


@pytest.mark.build
def test_scaffolded_article_builds_and_is_published(copy_site):
    project, site = copy_site
    text = (project / "docs/artikel/posts/2014-01-05-belajar-bersama-catatan-pertama.md").read_text(encoding="utf-8")
    assert text.startswith('---\ntitle: "Belajar bersama: catatan pertama"\n')
    page = BeautifulSoup((site / "artikel/2014-01-05-belajar-bersama-catatan-pertama/index.html").read_text(encoding="utf-8"), "lxml")
    assert text_of(page.find("h1")) == "Belajar bersama: catatan pertama"
    index = BeautifulSoup((site / "artikel/index.html").read_text(encoding="utf-8"), "lxml")
    assert post_titles(index) == ["Belajar bersama: catatan pertama"]
    assert index.select_one(".md-pagination a[href='page/2/']")
    second = BeautifulSoup((site / "artikel/page/2/index.html").read_text(encoding="utf-8"), "lxml")
    assert post_titles(second) == [POST_TITLE]


@pytest.mark.build
def test_member_profile_shows_bio_role_and_cluster_and_lists_articles(copy_site):
    _, site = copy_site
    profile = BeautifulSoup((site / "artikel/author/contoh-anggota/index.html").read_text(encoding="utf-8"), "lxml")
    text = text_of(profile.select_one(".md-content"))
    assert text_of(profile.find("h1")) == "Contoh Anggota"
    assert "Anggota contoh untuk pengujian." in text
    assert "Peran: notulis" in text
    assert "Kluster: Anak yang berhadapan dengan hukum (ABH)" in text
    assert "Pertemuan yang dihadiri (0): belum dicatat" in text  # the learning journal, from the data
    assert profile.select_one(".md-content a[href='../../../anggota/#contoh-anggota']")
    assert post_titles(profile) == ["Belajar bersama: catatan pertama"]
    assert (site / "assets/penulis/anggota.svg").is_file()
    tim = BeautifulSoup((site / "artikel/author/tim/page/2/index.html").read_text(encoding="utf-8"), "lxml")
    assert post_titles(tim) == [POST_TITLE]  # a paginated profile (one post per page in this copy)
    footer = BeautifulSoup((site / "artikel/2014-01-05-belajar-bersama-catatan-pertama/index.html").read_text(
        encoding="utf-8"), "lxml").select_one(".kda-kaki-artikel")
    assert "Ditulis oleh: Tim Kelompok Diskusi, Contoh Anggota" in text_of(footer)
    authors = BeautifulSoup((site / "artikel/penulis/index.html").read_text(encoding="utf-8"), "lxml")
    assert [" ".join(li.get_text().split()) for li in authors.select(".md-content li")] == [
        "Contoh Anggota — 1 tulisan · notulis · Kluster Anak yang berhadapan dengan hukum (ABH)",
        "Tim Kelompok Diskusi — 2 tulisan",  # the draft and the future post are not counted
    ]


@pytest.mark.build
def test_draft_and_future_posts_are_absent_everywhere(copy_site):
    _, site = copy_site
    everything = "".join(p.read_text(encoding="utf-8", errors="replace")
                         for p in site.rglob("*") if p.suffix in (".html", ".xml", ".json"))
    for title in ("Masih draf", "Tulisan masa depan"):
        assert title not in everything
    assert not list(site.glob("artikel/2014-01-06-masih-draf"))
    assert not list(site.glob("artikel/2014-01-11-tulisan-masa-depan"))
    topics = BeautifulSoup((site / "topik/index.html").read_text(encoding="utf-8"), "lxml")
    card = text_of(topics.find(id="ekologi-anak").parent)
    assert "Belajar bersama: catatan pertama" in card
    feed = feedparser.parse((site / "feed_rss_created.xml").read_bytes())
    assert [e.title for e in feed.entries] == ["Belajar bersama: catatan pertama", POST_TITLE]


@pytest.mark.build
def test_future_post_is_published_on_its_date(copy_site, tmp_path):
    project, _ = copy_site
    site = build_site(project, tmp_path / "site", today="2014-01-11")
    assert (site / "artikel/2014-01-11-tulisan-masa-depan/index.html").is_file()
    assert not list(site.glob("artikel/2014-01-06-masih-draf"))


@pytest.mark.build
def test_scaffold_refuses_unknown_author_category_and_topic(copy_site):
    project, _ = copy_site
    result = scaffold(project, "Judul", "--penulis", "budi", "--kategori", "catatan", "--pokok-bahasan", "hak-anak")
    assert result.returncode == 1
    assert ('--penulis: penulis "budi" tidak dikenal. Penulis yang terdaftar di data/anggota.yml: tim, contoh-anggota.'
            in result.stderr)
    assert '--kategori: kategori "catatan" tidak dikenal. Mungkin maksudnya "Catatan Belajar"?' in result.stderr
    assert '--pokok-bahasan: pokok bahasan "hak-anak" tidak dikenal.' in result.stderr
    assert "Traceback" not in result.stderr
    assert not list((project / "docs/artikel/posts").glob("*-judul.md"))


@pytest.mark.build
def test_scaffold_does_not_overwrite(copy_site):
    project, _ = copy_site
    result = scaffold(project, "Belajar bersama: catatan pertama", "--penulis", "tim", "--tanggal", "2014-01-05")
    assert result.returncode == 1
    assert "sudah ada; tulisan lama tidak ditimpa" in result.stderr


def test_article_ends_with_its_authors_date_and_topic_links(page):
    footer = page(POST_URL).select_one("article .kda-kaki-artikel")
    text = text_of(footer)
    assert "Ditulis oleh: Tim Kelompok Diskusi" in text
    assert "Tanggal terbit: Minggu, 22 Desember 2013" in text
    assert [a["href"] for a in footer.find_all("a")] == [
        "../../topik/#konsep-diskusi-aktif", "../../topik/#sistem-perlindungan-anak",
        "../../topik/#pekerja-kemanusiaan"]
    assert not page("artikel/").select(".md-post .kda-kaki-artikel")  # not in the excerpt


def test_home_page_lists_the_latest_articles(page):
    heading = page("").find(id="tulisan-anggota-terbaru")
    first = heading.find_next("ul").find("a")
    assert text_of(first) == POST_TITLE
    assert first["href"] == POST_URL


@pytest.mark.parametrize("url", ["", "jadwal/"])
def test_home_and_schedule_link_the_feed_and_the_calendar(page, site, url):
    links = {a.get_text(" ", strip=True): a["href"] for a in page(url).select("article .kda-langganan a")}
    feed = links["ikuti tulisan baru anggota"]
    assert feed.endswith("/feed_rss_created.xml") and feed.startswith("https://")
    assert (site / "feed_rss_created.xml").exists()
    assert links["masukkan semua pertemuan ke kalender"].endswith("jadwal.ics")


# --- the real site: every published article, as its file says --------------------------------

def published_posts(today: str) -> list[dict]:
    """The real articles' front matter, of those published on `today` (not drafts, not future)."""
    posts = []
    for path in sorted((ROOT / "docs" / "artikel" / "posts").glob("*.md")):
        meta = yaml.safe_load(path.read_text(encoding="utf-8").split("---", 2)[1])
        if not meta.get("draft") and str(meta["date"]) <= today:
            posts.append({**meta, "slug": path.stem})
    return posts


def test_real_articles_are_each_on_their_page_the_index_and_the_feed(real_site, real_page):
    posts = published_posts(BUILD_DATE)
    feed = feedparser.parse((real_site / "feed_rss_created.xml").read_bytes())
    assert not feed.bozo, feed.bozo_exception
    assert sorted(e.title for e in feed.entries) == sorted(p["title"] for p in posts)
    for post in posts:
        assert text_of(real_page(f"artikel/{post['slug']}/").find("h1")) == post["title"], post["slug"]
        for author in post["authors"]:
            assert (real_site / "artikel" / "author" / author / "index.html").is_file(), author
    listed = post_titles(real_page("artikel/"))  # the first page of the index: the newest, newest first
    newest = sorted(posts, key=lambda p: str(p["date"]), reverse=True)
    assert listed == [p["title"] for p in newest][: len(listed)] and (listed or not posts)
