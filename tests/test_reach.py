"""Reaching readers, on the session-built site: link previews, calendar, share block, QR poster,
robots.txt, sitemap, 404, and no request to another host."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from urllib.parse import parse_qs, urljoin, urlsplit

import yaml
import zxingcpp
from bs4 import BeautifulSoup
from icalendar import Calendar
from PIL import Image

from kda.model.data import load_site_data

from conftest import ROOT, text_of

SITE_URL = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8").split("\ntheme:")[0])["site_url"]
HOST = urlsplit(SITE_URL).hostname
JAKARTA = dt.timezone(dt.timedelta(hours=7))


def html_pages(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("*.html") if p.name != "404.html")


def url_of(site: Path, path: Path) -> str:
    rel = path.relative_to(site).as_posix()
    return urljoin(SITE_URL, rel.removesuffix("index.html"))


def meta(soup: BeautifulSoup, key: str) -> str | None:
    tag = soup.find("meta", attrs={"property": key}) or soup.find("meta", attrs={"name": key})
    return tag["content"] if tag else None


# --- link previews --------------------------------------------------------------------------

def test_every_page_has_open_graph_twitter_and_canonical_tags(site):
    pages = html_pages(site)
    assert len(pages) >= 15
    for path in pages:
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "lxml")
        url = url_of(site, path)
        refresh = soup.find("meta", attrs={"http-equiv": "refresh"})
        if refresh:  # a moved page's old address: it previews as the page it leads to
            url = urljoin(url, refresh["content"].split("url=", 1)[1])
        assert soup.find("link", rel="canonical")["href"] == url, path
        assert meta(soup, "og:url") == url, path
        assert meta(soup, "og:locale") == "id_ID", path
        assert meta(soup, "og:type") in ("website", "article"), path
        assert meta(soup, "og:title") and meta(soup, "og:description"), path
        assert meta(soup, "og:image").startswith(SITE_URL + "assets/pratinjau/"), path
        assert (meta(soup, "og:image:width"), meta(soup, "og:image:height")) == ("1200", "630"), path
        assert meta(soup, "og:image:alt"), path
        assert meta(soup, "twitter:card") == "summary_large_image", path
        assert meta(soup, "twitter:image") == meta(soup, "og:image"), path


def test_preview_facts_of_each_page_type(page):
    home, schedule, note = page(""), page("jadwal/"), page("pertemuan/02-perlindungan-anak/")
    assert meta(home, "og:title") == "Kelompok Diskusi Bandung"
    assert meta(home, "og:type") == "website"
    assert meta(schedule, "og:title") == "Jadwal Pertemuan"
    assert meta(schedule, "og:description").startswith("Jadwal 15 pertemuan")  # the page's own description
    assert meta(note, "og:type") == "article"
    assert meta(note, "og:title") == "Pertemuan 2: Perlindungan anak dan permasalahan anak"
    assert "Kamis, 16 Januari 2014" in meta(note, "og:description")
    assert "FKPS" in meta(note, "og:description")


def test_preview_images_are_1200_by_630_under_300_kb(site):
    images = {meta(BeautifulSoup(p.read_text(encoding="utf-8"), "lxml"), "og:image") for p in html_pages(site)}
    assert len(images) >= 15  # one card per page
    for url in images:
        file = site / url.removeprefix(SITE_URL)
        assert file.stat().st_size < 300 * 1024, file
        with Image.open(file) as image:
            assert image.format == "PNG"
            assert image.size == (1200, 630)


def test_preview_cards_are_cached_by_content(site):
    cache = ROOT / ".cache" / "pratinjau"
    published = list((site / "assets" / "pratinjau").glob("*.png"))
    for card in published:
        digest = card.name.split(".")[-2]
        assert (cache / f"{digest}.png").read_bytes() == card.read_bytes()


def test_card_shows_the_meeting_date_and_place(tmp_path):
    from kda.model.data import load_site_data
    from kda.outputs.cards import Card, draw
    from kda.views.preview import meeting_details

    data = load_site_data(ROOT / "data", ROOT / "docs", label_root=ROOT)
    details = meeting_details(data.meeting(2), data.kelompok)
    assert details == ("Kamis, 16 Januari 2014, 13.00–16.30 WIB", "FKPS")
    assert meeting_details(data.meeting(1), data.kelompok) == ()  # nothing recorded, nothing invented
    long = Card("Kelompok Diskusi Bandung", "Sangat panjang " * 30, details, "contoh.test/situs")
    (tmp_path / "long.png").write_bytes(draw(long))
    with Image.open(tmp_path / "long.png") as image:
        assert image.size == (1200, 630)


def test_card_digest_changes_only_with_what_it_shows():
    from kda.outputs.cards import Card

    card = Card("Situs", "Judul", ("Kamis, 16 Januari 2014",), "contoh.test")
    assert card.digest() == Card("Situs", "Judul", ("Kamis, 16 Januari 2014",), "contoh.test").digest()
    assert card.digest() != Card("Situs", "Judul baru", ("Kamis, 16 Januari 2014",), "contoh.test").digest()
    assert card.digest() != Card("Situs", "Judul", ("Jumat, 17 Januari 2014",), "contoh.test").digest()


# --- calendar -------------------------------------------------------------------------------

def calendar(site: Path, path: str = "jadwal.ics") -> Calendar:
    return Calendar.from_ical((site / path).read_bytes())


def dated_meetings(project: Path) -> list[int]:
    return [m.nomor for m in load_site_data(project / "data", project / "docs").pertemuan if m.tanggal]


def test_calendar_feed_has_every_dated_meeting_and_only_those(site):
    events = {str(e["uid"]) for e in calendar(site).walk("VEVENT")}
    assert events == {f"pertemuan-{n}@{HOST}" for n in dated_meetings(ROOT)}  # undated meetings left out


def test_calendar_feed_has_the_dated_meetings_in_jakarta_time(example_site):
    """On the example group (tests/fixture/): meetings 0 and 2 are dated, meeting 2 exactly."""
    site = example_site
    cal = calendar(site)
    events = {str(e["uid"]): e for e in cal.walk("VEVENT")}
    assert set(events) == {f"pertemuan-0@{HOST}", f"pertemuan-2@{HOST}"}  # undated meetings left out
    second = events[f"pertemuan-2@{HOST}"]
    start, end = second.decoded("dtstart"), second.decoded("dtend")
    assert str(start.tzinfo) == "Asia/Jakarta"
    assert start == dt.datetime(2014, 1, 16, 13, 0, tzinfo=JAKARTA)
    assert end == dt.datetime(2014, 1, 16, 16, 30, tzinfo=JAKARTA)
    assert str(second["summary"]) == "Pertemuan 2: Perlindungan anak dan permasalahan anak"
    assert str(second["location"]) == "FKPS"
    description = str(second["description"])
    assert "Tema: Perlindungan anak dan permasalahan anak" in description
    assert "Pokok bahasan: 3. Sistem perlindungan anak" in description
    assert f"Catatan: {SITE_URL}pertemuan/02-perlindungan-anak/" in description
    assert str(second["url"]) == f"{SITE_URL}pertemuan/02-perlindungan-anak/"


def test_calendar_has_a_vtimezone_for_jakarta(site):
    zones = calendar(site).walk("VTIMEZONE")
    assert [str(z["tzid"]) for z in zones] == ["Asia/Jakarta"]
    standard = zones[0].walk("STANDARD")[0]
    assert standard.decoded("tzoffsetto") == dt.timedelta(hours=7)


def test_calendar_is_rfc5545_text(site):
    raw = (site / "jadwal.ics").read_bytes()
    lines = raw.split(b"\r\n")
    assert lines[0] == b"BEGIN:VCALENDAR" and lines[-2] == b"END:VCALENDAR" and lines[-1] == b""
    assert b"\n" not in raw.replace(b"\r\n", b"")  # CRLF only
    assert all(len(line) <= 75 for line in lines)  # folded
    assert b"Kelompok Diskusi Aktif Para Pekerja Sosial Kemsos RI\\, " in raw  # commas escaped
    for key in (b"VERSION:2.0", b"PRODID:", b"DTSTAMP:"):
        assert key in raw
    cal = calendar(site)
    assert all(e.get("dtstamp") and e.get("uid") for e in cal.walk("VEVENT"))


def test_each_dated_meeting_has_its_own_calendar_file(site):
    dated = dated_meetings(ROOT)
    for number in dated:
        events = calendar(site, f"kalender/pertemuan-{number}.ics").walk("VEVENT")
        assert [str(e["uid"]) for e in events] == [f"pertemuan-{number}@{HOST}"]
    undated = set(range(16)) - set(dated)  # a date lost or not yet set: no event invented
    assert not [n for n in undated if (site / "kalender" / f"pertemuan-{n}.ics").exists()]


def test_add_to_calendar_links_on_the_schedule_and_the_notes(example_page):
    """On the example group: meeting 2 dated, meeting 1's date lost, meeting 5 not yet dated."""
    page = example_page
    def downloads(soup):
        return [(a["href"], a.get("download")) for a in soup.select("a.kda-kalender")]

    schedule = page("jadwal/")
    assert downloads(schedule.find(id="pertemuan-2").parent) == [("../kalender/pertemuan-2.ics", "pertemuan-2.ics")]
    assert downloads(schedule.find(id="pertemuan-1").parent) == []
    assert downloads(schedule.find(id="pertemuan-5").parent) == []
    assert text_of(schedule.select_one("a.kda-kalender")) == "Tambahkan ke kalender"
    assert downloads(page("pertemuan/02-perlindungan-anak/")) == [("../../kalender/pertemuan-2.ics", "pertemuan-2.ics")]
    assert downloads(page("pertemuan/00-pendahuluan/")) == [("../../kalender/pertemuan-0.ics", "pertemuan-0.ics")]
    assert downloads(page("pertemuan/01-kerangka-acuan/")) == []


def test_feed_is_linked_from_home_and_schedule(page):
    assert page("").select_one('.kda-langganan a[href="jadwal.ics"]')
    assert page("jadwal/").select_one('.kda-langganan a[href="../jadwal.ics"]')


# --- share block ----------------------------------------------------------------------------

def share_text(soup: BeautifulSoup) -> str:
    link = soup.select_one(".kda-bagikan a[href^='https://wa.me/']")
    return parse_qs(urlsplit(link["href"]).query)["text"][0]


def test_meeting_notes_have_a_share_block_with_the_date(page):
    note = page("pertemuan/02-perlindungan-anak/")
    url = f"{SITE_URL}pertemuan/02-perlindungan-anak/"
    assert share_text(note) == f"Pertemuan 2: Perlindungan anak dan permasalahan anak — Kamis, 16 Januari 2014\n{url}"
    assert note.select_one(".kda-bagikan button[data-clipboard-text]")["data-clipboard-text"] == url
    assert "Salin tautan" in text_of(note.select_one(".kda-bagikan"))
    lost = page("pertemuan/01-kerangka-acuan/")
    assert share_text(lost) == f"Pertemuan 1: Kerangka Kegiatan secara lengkap\n{SITE_URL}pertemuan/01-kerangka-acuan/"


ARTICLE = "artikel/2013-12-22-mengapa-kami-berdiskusi/"


def test_articles_are_typed_article_and_have_a_share_block(page):
    post = page(ARTICLE)
    url = SITE_URL + ARTICLE
    title = meta(post, "og:title")
    assert meta(post, "og:type") == "article"
    assert meta(post, "article:published_time") == "2013-12-22"
    assert title == text_of(post.select_one("article h1"))
    assert share_text(post) == f"{title}\n{url}"  # not a meeting: no date in the message
    assert post.select_one(".kda-bagikan button")["data-clipboard-text"] == url
    assert meta(page("artikel/"), "og:type") == "website"


def test_only_notes_and_articles_have_a_share_block(page):
    for url in ("", "jadwal/", "topik/", "tor/", "materi/masalah-anak/", "artikel/"):
        assert page(url).select_one(".kda-bagikan") is None, url


# --- findable -------------------------------------------------------------------------------

def test_robots_txt_points_to_the_sitemap(site):
    robots = (site / "robots.txt").read_text(encoding="utf-8")
    assert "User-agent: *" in robots
    assert f"Sitemap: {SITE_URL}sitemap.xml" in robots


def test_sitemap_lists_the_pages_with_absolute_urls(site):
    soup = BeautifulSoup((site / "sitemap.xml").read_text(encoding="utf-8"), "xml")
    locs = {loc.text for loc in soup.find_all("loc")}
    assert {SITE_URL, f"{SITE_URL}jadwal/", f"{SITE_URL}pertemuan/02-perlindungan-anak/", f"{SITE_URL}poster/"} <= locs


def test_not_found_page_is_indonesian(site):
    soup = BeautifulSoup((site / "404.html").read_text(encoding="utf-8"), "lxml")
    assert text_of(soup.find("h1")) == "Halaman tidak ditemukan"
    assert "Not found" not in text_of(soup.select_one("article"))
    assert soup.select_one(f'article a[href="{SITE_URL}"]')


# --- no other host --------------------------------------------------------------------------

FETCHED = [("script", "src"), ("img", "src"), ("iframe", "src"), ("source", "src"), ("source", "srcset"),
           ("audio", "src"), ("video", "src"), ("video", "poster"), ("embed", "src"), ("object", "data")]


def test_no_page_loads_anything_from_another_host(site):
    for path in [*html_pages(site), site / "404.html"]:
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "lxml")
        urls = [tag.get(attr) for name, attr in FETCHED for tag in soup.find_all(name) if tag.get(attr)]
        urls += [link["href"] for link in soup.find_all("link", href=True)
                 if {"stylesheet", "preload", "modulepreload", "icon", "manifest", "prefetch"} & set(link.get("rel", []))]
        urls += re.findall(r"url\(\s*['\"]?(https?://[^)'\"]+)", str(soup.find_all("style")))
        foreign = [u for u in urls if urlsplit(u).scheme in ("http", "https") or u.startswith("//")]
        assert foreign == [], path
        assert not soup.select("[data-md-component=source]"), path  # the GitHub stars/forks fetch


def test_no_stylesheet_or_script_names_another_host(site):
    for path in [*site.rglob("*.css")]:
        text = path.read_text(encoding="utf-8")
        assert not re.findall(r"url\(\s*['\"]?(?:https?:)?//", text), path
        assert not re.findall(r"@import\s+(?:url\()?['\"]?(?:https?:)?//", text), path


# --- poster and QR code ---------------------------------------------------------------------

def qr_modules(svg: bytes) -> list[list[bool]]:
    """The dark modules of segno's SVG: one stroked path of horizontal runs (M/m moves, h runs)."""
    soup = BeautifulSoup(svg, "xml")
    d = soup.find("path", attrs={"stroke": True})["d"]
    size = int(float(soup.find("svg")["width"])) // 10  # scale(10), border included
    grid = [[False] * size for _ in range(size)]
    x = y = 0.0
    for command, args in re.findall(r"([MmHh])([-\d. ]+)", d):
        numbers = [float(n) for n in args.split()]
        if command == "M":
            x, y = numbers
        elif command == "m":
            x, y = x + numbers[0], y + numbers[1]
        else:
            for column in range(int(x), int(x + numbers[0])):
                grid[int(y)][column] = True
            x += numbers[0]
    return grid


def test_poster_qr_code_decodes_to_the_site_url(site, page):
    poster = page("poster/")
    image = poster.select_one("article img.kda-poster__qr")
    assert image["src"] == "../assets/kode-qr.svg"
    assert poster.select_one(".kda-poster__alamat").get_text() == SITE_URL  # its parts, joined by <wbr> only
    grid = qr_modules((site / "assets" / "kode-qr.svg").read_bytes())
    scale = 8
    picture = Image.new("L", (len(grid) * scale, len(grid) * scale), 255)
    for row, cells in enumerate(grid):
        for column, dark in enumerate(cells):
            if dark:
                picture.paste(0, (column * scale, row * scale, (column + 1) * scale, (row + 1) * scale))
    decoded = zxingcpp.read_barcodes(picture)
    assert [d.text for d in decoded] == [SITE_URL]


def test_poster_is_linked_from_home(page):
    assert page("").select_one('article a[href="poster/"]')
