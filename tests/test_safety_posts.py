"""Articles not yet published publish nothing of theirs; every date in the feed is a valid RFC 822 date.

A draft and a post dated after the build date each link to files beside them, in a folder of
their own and elsewhere under docs/; a file waits in the posts folder for a post not yet written;
a published post and a page share a file with the draft. The built site must hold only what
published pages use. A post dated in year 1 (which the feed wrote with the zone's historical
offset, +070712) is refused with a message.
"""

from __future__ import annotations

import email.utils
import re
from pathlib import Path

import pytest
from PIL import Image

from conftest import build_site, copy_project, environment, run_cli_build

POSTS = "docs/artikel/posts"
FRONT = "---\ntitle: {title}\ndate: {date}\nauthors: [tim]\ncategories: [Catatan Belajar]\n{extra}---\n\n"


def post(project: Path, name: str, title: str, date: str, body: str, extra: str = "") -> None:
    (project / POSTS / name).write_text(FRONT.format(title=title, date=date, extra=extra)
                                        + "Pembuka.\n\n<!-- more -->\n\n" + body, encoding="utf-8")


def image(path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    Image.new("RGB", (16, 12), "teal").save(path)


def pdf(path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"%PDF-1.4\n% lampiran uji\n")


HELD = ("draf-lampiran.pdf", "draf-foto.png", "nanti-foto.jpg", "lampiran-nanti.pdf", "menunggu.png", "peta-draf.png")
PUBLISHED = ("terbit-foto.png", "bersama.pdf")


@pytest.fixture(scope="module")
def posts_site(tmp_path_factory) -> Path:
    project = copy_project(tmp_path_factory.mktemp("lampiran") / "project")
    posts = project / POSTS
    pdf(posts / "draf-lampiran.pdf")
    image(posts / "2014-01-06-draf" / "draf-foto.png")
    image(posts / "nanti-foto.jpg")
    pdf(project / "docs" / "uji" / "lampiran-nanti.pdf")
    image(posts / "menunggu.png")  # no post uses it yet
    image(posts / "terbit-foto.png")
    pdf(project / "docs" / "uji" / "bersama.pdf")
    image(project / "docs" / "uji" / "peta-draf.png")
    post(project, "2014-01-06-draf.md", "Masih draf", "2014-01-06",
         "[Lampiran](draf-lampiran.pdf)\n\n![Foto](2014-01-06-draf/draf-foto.png)\n\n[Bersama](../../uji/bersama.pdf)\n\n"
         '<img src="/uji/peta-draf.png" alt="Peta">\n', extra="draft: true\n")
    post(project, "2014-02-01-nanti.md", "Belum waktunya", "2014-02-01",
         "![Foto](nanti-foto.jpg)\n\n[Lampiran](<../../uji/lampiran-nanti.pdf>)\n")
    post(project, "2014-01-05-terbit.md", "Sudah terbit", "2014-01-05", "![Foto](terbit-foto.png)\n")
    (project / "docs" / "uji" / "halaman.md").write_text("# Halaman\n\n[Unduh](bersama.pdf)\n", encoding="utf-8")
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("not_in_nav: |\n", "not_in_nav: |\n  /uji/*.md\n"),
                      encoding="utf-8")
    with environment(KDA_TANPA_PDF="1"):
        return build_site(project, project / "site")


def published_names(site: Path) -> set[str]:
    return {p.name for p in site.rglob("*") if p.is_file()}


@pytest.mark.build
@pytest.mark.parametrize("name", HELD)
def test_a_file_of_an_unpublished_post_is_not_published(posts_site, name):
    assert name not in published_names(posts_site)


@pytest.mark.build
@pytest.mark.parametrize("name", PUBLISHED)
def test_a_file_a_published_page_uses_is_published(posts_site, name):
    assert name in published_names(posts_site)


@pytest.mark.build
def test_the_published_post_shows_its_image_and_the_unpublished_ones_are_absent(posts_site):
    page = posts_site / "artikel" / "2014-01-05-terbit" / "index.html"
    assert 'src="../terbit-foto.png"' in page.read_text(encoding="utf-8")
    assert not (posts_site / "artikel" / "2014-01-06-draf").exists()
    assert not (posts_site / "artikel" / "2014-02-01-nanti").exists()


RFC822 = re.compile(r"^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) "
                    r"(19|20)\d{2} \d{2}:\d{2}:\d{2} ([+-]\d{4}|GMT|UT)$")


@pytest.mark.build
def test_every_date_in_the_feeds_is_a_valid_rfc_822_date(posts_site):
    for feed in ("feed_rss_created.xml", "feed_rss_updated.xml"):
        dates = re.findall(r"<(?:pubDate|lastBuildDate)>([^<]*)</", (posts_site / feed).read_text(encoding="utf-8"))
        assert dates
        for value in dates:
            assert RFC822.match(value), value
            assert email.utils.parsedate_to_datetime(value).year >= 2000  # parses; "-0000" is UTC of unknown zone


@pytest.mark.parametrize("date", ["0001-01-01", "1899-12-31", "2100-01-01", "9999-12-31"])
def test_a_post_dated_outside_the_years_the_feed_can_carry_is_refused(date):
    from kda.checks.frontmatter import Rules, check_article

    text = FRONT.format(title="Uji", date=date, extra="") + "Pembuka.\n\n<!-- more -->\n\nIsi.\n"
    article, problems = check_article("artikel/posts/2014-01-05-uji.md", text, Rules(("tim",), (), ("Catatan Belajar",)))
    assert article is None
    assert problems == [f"docs/artikel/posts/2014-01-05-uji.md, baris 3: date: harus tanggal terbit tulisan antara "
                        f'tahun 2000 dan 2099, misalnya 2014-01-20; tertulis "{date}".']


@pytest.mark.build
def test_a_year_one_post_stops_the_build_with_the_message(tmp_path):
    project = copy_project(tmp_path / "project")
    post(project, "2014-01-05-tahun-satu.md", "Tahun satu", "0001-01-01", "Isi.\n")
    result = run_cli_build(project)
    output = result.stdout + result.stderr
    assert result.returncode == 1 and "Traceback" not in output
    assert "docs/artikel/posts/2014-01-05-tahun-satu.md, baris 3: date: harus tanggal terbit tulisan antara tahun 2000" in output
    assert not (project / "site" / "feed_rss_created.xml").exists()
