"""The site builds strictly as of any day (README: `KDA_TODAY` takes any YYYY-MM-DD) and shows
what follows from that day: months before the group's first meeting, on its eve and on its day,
the day after the last dated meeting, and years on. Five builds of one copy of the project,
without the PDFs; what each page must say is computed from the data seen from that day.
"""

from __future__ import annotations

import datetime as dt

import pytest
from bs4 import BeautifulSoup
from mkdocs.utils.meta import get_data
from mkdocs.utils.yaml import yaml_load

from kda.model.agenda import Agenda
from kda.model.data import load_site_data
from kda.model.kinds import Status

from conftest import ROOT, build_site, copy_project, environment, text_of

DATA = load_site_data(ROOT / "data", ROOT / "docs")
DATED = sorted(m.tanggal for m in DATA.pertemuan if m.tanggal)
DAYS = {
    "months-before-the-first-meeting": dt.date(2013, 6, 1),
    "the-day-before-the-first-meeting": DATED[0] - dt.timedelta(days=1),
    "the-day-of-the-first-meeting": DATED[0],
    "after-the-last-dated-meeting": DATED[-1] + dt.timedelta(days=1),
    "ten-years-on": dt.date(2036, 12, 31),
}
POSTS = sorted((ROOT / "docs" / "artikel" / "posts").glob("*.md"))


pytestmark = pytest.mark.build


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    """A copy of the real project: its own data and pages, read above."""
    return copy_project(tmp_path_factory.mktemp("tanggal"), content=None)


@pytest.fixture(scope="module", params=list(DAYS))
def day_site(request, project):
    """(the day, its site, its agenda): the project built with --strict as of that day."""
    day = DAYS[request.param]
    with environment(KDA_TANPA_PDF="1"):
        site = build_site(project, project / f"site-{day.isoformat()}", today=day.isoformat())
    return day, site, Agenda(DATA, day)


def parse(site, url: str) -> BeautifulSoup:
    return BeautifulSoup((site / url / "index.html").read_text(encoding="utf-8"), "lxml")


def published(day: dt.date) -> list[str]:
    """The file names (without .md) of the posts published as of `day`: not drafts, dated that day or earlier."""
    names = []
    for post in POSTS:
        meta = get_data(post.read_text(encoding="utf-8"))[1]
        date = meta["date"] if isinstance(meta["date"], dt.date) else dt.date.fromisoformat(str(meta["date"])[:10])
        if not meta.get("draft") and date <= day:
            names.append(post.stem)
    return names


def test_the_site_builds_and_lists_only_the_articles_published_by_that_day(day_site):
    day, site, _agenda = day_site
    assert (site / "index.html").is_file()  # build_site raises when --strict meets a warning
    expected = published(day)
    for post in POSTS:
        assert (site / "artikel" / post.stem / "index.html").is_file() == (post.stem in expected), post.name
    newest = max(expected, default=None)  # file names start with the date
    # The list's first page and the feed hold the newest posts (both are limited in length).
    listed = {a["href"].strip("/") for a in parse(site, "artikel").select("article.md-post h2 a, article.md-post a.toclink")}
    assert listed <= set(expected) and (newest in listed if newest else not listed)
    feed = BeautifulSoup((site / "feed_rss_created.xml").read_text(encoding="utf-8"), "xml")
    in_feed = {item.link.text.rstrip("/").rsplit("/", 1)[-1] for item in feed.find_all("item")}
    assert in_feed <= set(expected) and (newest in in_feed if newest else not in_feed)
    home = text_of(parse(site, "").select_one("article"))
    assert ("Belum ada tulisan." in home) == (not expected)


def test_the_next_meeting_is_the_one_that_day_has_ahead(day_site):
    day, site, agenda = day_site
    nxt = agenda.next_meeting()
    highlight = parse(site, "").select_one(".kda-sorotan")
    schedule = parse(site, "jadwal")
    marked = [card.find("h3")["id"] for card in schedule.select("div.kda-pertemuan--berikutnya")]
    if nxt is None:
        assert "kda-sorotan--berikutnya" not in highlight["class"]
        assert marked == []
        assert "Belum ada pertemuan berikutnya yang dijadwalkan" in text_of(schedule.select_one("article"))
        assert not schedule.select("div.kda-pertemuan--terjadwal")
    else:
        assert "kda-sorotan--berikutnya" in highlight["class"] and nxt.label in text_of(highlight)
        heading = highlight.find("h2").get_text(" ", strip=True)
        assert heading.startswith(f"Hari ini: {nxt.label}" if nxt.tanggal == day else "Pertemuan berikutnya")
        assert marked == [nxt.anchor]


def test_each_meeting_has_the_status_of_that_day(day_site):
    day, site, agenda = day_site
    schedule = parse(site, "jadwal")
    cards = schedule.select("article div.kda-pertemuan")
    assert cards
    for card in cards:
        meeting = next(m for m in DATA.pertemuan if m.anchor == card.find("h3")["id"])
        assert f"kda-pertemuan--{agenda.status(meeting).replace(' ', '-')}" in card["class"], meeting.label
    counts = text_of(schedule.select_one("article p"))
    for status in Status:
        assert (f" {status}" in f" {counts}".replace(" pertemuan ", " ")) == bool(agenda.count(status)), status
    if day < DATED[0]:
        assert agenda.held() == []
    journey = text_of(parse(site, "perjalanan").select_one("article"))
    assert f"{len(agenda.held())} pertemuan telah terlaksana." in journey


def test_a_moved_page_redirects_once_its_new_page_is_published(day_site):
    _day, site, _agenda = day_site
    with open(ROOT / "mkdocs.yml", encoding="utf-8") as stream:
        config = yaml_load(stream)
    maps = next(entry["redirects"] for entry in config["plugins"] if isinstance(entry, dict) and "redirects" in entry)
    for old, new in maps["redirect_maps"].items():
        old_page = site / old.removesuffix(".md") / "index.html"
        new_page = site / new.partition("#")[0].removesuffix(".md") / "index.html"
        assert old_page.is_file() == new_page.is_file(), (old, new)
        if old_page.is_file():
            assert "Halaman ini sudah pindah" in old_page.read_text(encoding="utf-8")
