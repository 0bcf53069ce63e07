"""The schedule page stays light as the schedule grows: split by year past ONE_PAGE_LIMIT meetings.

The real schedule (16 meetings) stays on one page; a copy with 100 meetings gets year pages,
and every link to a meeting "on the schedule" reaches a page that has its card."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
from bs4 import BeautifulSoup

from kda.model.data import load_site_data
from kda.views.schedule import ONE_PAGE_LIMIT, RECENT_PAST, SCHEDULE_PAGE, plan_schedule

from conftest import ROOT, build_site, copy_project, environment, text_of

MEETINGS = 100  # 0..99: over ONE_PAGE_LIMIT
FIRST_NEW_DATE = dt.date(2014, 1, 23)  # a week after meeting 2, the last dated real meeting
TODAY = "2015-06-01"  # meetings after this stay on the schedule page as upcoming


def write_long_schedule(project: Path) -> Path:
    """Date meetings 3..15 of the copy and add 16..99, a week apart, from FIRST_NEW_DATE."""
    path = project / "data" / "pertemuan.yml"
    text = re.sub(r"^- nomor: (?:[3-9]|1[0-5])\n", "", path.read_text(encoding="utf-8"), flags=re.M)
    for i, nomor in enumerate(range(3, MEETINGS)):
        day = FIRST_NEW_DATE + dt.timedelta(weeks=i)
        text += f"- nomor: {nomor}\n  tanggal: {day.isoformat()}\n  tempat: FKPS\n  tema: Diskusi ke-{nomor}\n"
    path.write_text(text, encoding="utf-8")
    return project


@pytest.fixture(scope="module")
def long_site(tmp_path_factory):
    project = write_long_schedule(copy_project(tmp_path_factory.mktemp("jadwal-panjang")))
    with environment(KDA_TANPA_PDF="1"):
        site = build_site(project, project / "site", today=TODAY)
    return project, site


def parse(site: Path, url: str) -> BeautifulSoup:
    return BeautifulSoup((site / url / "index.html").read_text(encoding="utf-8"), "lxml")


def cards(soup: BeautifulSoup) -> list[str]:
    """The anchors of the meetings a page lists: full cards, one-line entries, the undated line."""
    return [tag["id"] for tag in soup.select("article [id]") if re.fullmatch(r"pertemuan-\d+", tag["id"])]


def test_real_schedule_stays_on_one_page(page, site):
    data = load_site_data(ROOT / "data", ROOT / "docs")
    layout = plan_schedule(data, dt.date(2014, 1, 10))
    assert not layout.split and len(layout.on_schedule) == len(data.pertemuan) <= ONE_PAGE_LIMIT
    assert sorted(cards(page("jadwal/"))) == sorted(m.anchor for m in data.pertemuan)
    assert not (site / "jadwal" / "2014").exists()
    assert "menurut tahun" not in text_of(page("jadwal/"))


@pytest.mark.build
def test_long_schedule_keeps_upcoming_undated_and_recent_on_the_schedule_page(long_site):
    project, site = long_site
    data = load_site_data(project / "data", project / "docs")
    today = dt.date.fromisoformat(TODAY)
    dated = [m for m in data.pertemuan if m.tanggal]
    past = sorted((m for m in dated if m.tanggal < today), key=lambda m: m.tanggal)
    expected = {m.anchor for m in data.pertemuan if m.tanggal is None or m.tanggal >= today}
    expected |= {m.anchor for m in past[-RECENT_PAST:]}

    shown = cards(parse(site, "jadwal"))
    assert set(shown) == expected
    assert len(shown) < len(data.pertemuan)
    assert "pertemuan-1" in shown  # held, date not recorded: only the schedule page can list it
    assert past[0].anchor not in shown  # the introduction of 2013: on its year's page
    text = text_of(parse(site, "jadwal"))
    assert f"{RECENT_PAST} pertemuan terakhir" in text
    assert f"dalam {MEETINGS - 1} pertemuan" in text  # the summary still counts them all (0 is the introduction)


@pytest.mark.build
def test_every_dated_meeting_is_on_its_years_page(long_site):
    project, site = long_site
    data = load_site_data(project / "data", project / "docs")
    years = sorted({m.tanggal.year for m in data.pertemuan if m.tanggal})
    assert years == [2013, 2014, 2015]
    schedule = parse(site, "jadwal")
    year_links = {a.get_text(strip=True): a["href"] for a in schedule.select("a[href]")
                  if re.fullmatch(r"\d{4}", a.get_text(strip=True))}
    assert set(year_links) == {str(y) for y in years}
    for year in years:
        soup = parse(site, f"jadwal/{year}")
        assert text_of(soup.select_one("h1")) == f"Jadwal Pertemuan {year}"
        assert cards(soup) == [m.anchor for m in data.pertemuan if m.tanggal and m.tanggal.year == year]
        assert urljoin("/jadwal/", year_links[str(year)]) == f"/jadwal/{year}/"
        assert soup.select_one('meta[property="og:title"]')["content"].startswith(f"Jadwal Pertemuan {year}")


@pytest.mark.build
def test_links_to_a_meeting_on_the_schedule_reach_its_card(long_site):
    """The notes' "lihat di jadwal", the topic index and the material pages link to the card's page."""
    _, site = long_site
    checked = 0
    for url in ("pertemuan/00-pendahuluan", "pertemuan/02-perlindungan-anak", "topik", "materi/introduction"):
        soup = parse(site, url)
        base = f"/{url}/"
        for a in soup.select('a[href*="#pertemuan-"]'):
            target = urlsplit(urljoin(base, a["href"]))
            if not target.path.startswith("/jadwal/"):
                continue
            card_page = parse(site, target.path.strip("/"))
            assert card_page.find(id=target.fragment) is not None, (url, a["href"])
            checked += 1
    assert checked >= 4
    note = parse(site, "pertemuan/00-pendahuluan")
    link = next(a["href"] for a in note.select("a[href]") if a.get_text(strip=True) == "lihat di jadwal")
    assert urlsplit(urljoin("/pertemuan/00-pendahuluan/", link)).path == "/jadwal/2013/"


@pytest.mark.build
def test_year_pages_are_out_of_the_navigation_and_in_the_sitemap(long_site):
    _, site = long_site
    schedule = parse(site, "jadwal")
    nav_links = [a["href"] for a in schedule.select("nav.md-nav--primary a[href]")]
    assert not any(re.search(r"jadwal/\d{4}", href) for href in nav_links)
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    assert "/jadwal/2014/</loc>" in sitemap


def test_plan_is_stable_at_the_limit():
    data = load_site_data(ROOT / "data", ROOT / "docs")
    at_limit = plan_schedule(data, dt.date(2014, 1, 10), limit=len(data.pertemuan))
    over = plan_schedule(data, dt.date(2014, 1, 10), limit=len(data.pertemuan) - 1, recent=1)
    assert not at_limit.split
    assert over.split and list(over.years) == [2013, 2014]
    # 2014-01-10: meeting 0 (2013-12-06) is the only past dated meeting; meeting 2 is upcoming.
    assert [m.nomor for m in over.on_schedule] == [m.nomor for m in data.pertemuan]
    assert over.page_of(data.meeting(0)) == SCHEDULE_PAGE
    none_kept = plan_schedule(data, dt.date(2014, 1, 10), limit=1, recent=0)
    assert none_kept.page_of(data.meeting(0)) == "jadwal/2013.md"
    assert none_kept.page_of(data.meeting(1)) == SCHEDULE_PAGE
