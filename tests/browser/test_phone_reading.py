"""Each page leads with what its reader came for, measured on a 360 x 800 phone in Chromium:
the first meeting card of the schedule inside the first screen, the schedule and the topic index
short at the real size, no rendered text under 12 px in the content or in the charts, and the
charts as wide as the content column on a desktop. On the real site and on a copy with a whole
season recorded (tests/fixture_musim.py), where the lists are long and every chart is drawn.
"""

from __future__ import annotations

import pytest
from fixture_musim import SEASON_BUILD_DATE, make_season_project

from .conftest import DESKTOP, PHONE, save_screenshot, served
from .measure import CHARTS, first_card_top, height, smallest_text
from conftest import build_site, environment

MIN_TEXT = 12  # CSS px, as rendered (an SVG's text scaled by its viewBox too)
SCHEDULE_SCREENS = 3  # at the real size (the group's 16 meetings)
TOPICS_SCREENS = 5
# The pages of this measure: the ones a member opens most, and the pages that explain them.
READ_MOST = {
    "beranda": "", "kerangka-acuan": "tor/", "istilah": "istilah/", "jadwal": "jadwal/", "topik": "topik/",
    "catatan-0": "pertemuan/00-pendahuluan/", "catatan-1": "pertemuan/01-kerangka-acuan/",
    "catatan-2": "pertemuan/02-perlindungan-anak/", "materi": "materi/uu-perlindungan-anak-2002/",
    "perjalanan": "perjalanan/",
}


@pytest.fixture(scope="module")
def season_url(tmp_path_factory):
    """The full-season copy, built once for this module and served on 127.0.0.1."""
    project = make_season_project(tmp_path_factory.mktemp("musim") / "project")
    with environment(KDA_TANPA_PDF="1"):
        site = build_site(project, project / "site", today=SEASON_BUILD_DATE)
    with served(site) as url:
        yield url


@pytest.fixture(scope="module", params=["base_url", "season_url"], ids=["nyata", "musim"])
def site_url(request):
    """Each test runs on the real site and on the full-season copy (the example group's content:
    the season lane leaves this case out, conftest.names_a_real_fixture)."""
    return request.getfixturevalue(request.param)


@pytest.fixture(scope="module")
def phone(browser, site_url):
    """One phone tab per site, for every test of the module (a new tab each cost 0.3 s)."""
    context = browser.new_context(viewport=PHONE, base_url=site_url)
    yield context.new_page()
    context.close()


def test_first_meeting_card_of_the_schedule_starts_within_the_first_screen(phone):
    phone.goto("jadwal/")
    top = first_card_top(phone)
    assert top is not None and top < PHONE["height"], f"first meeting card at {top} px"


@pytest.mark.parametrize(("name", "path"), list(READ_MOST.items()), ids=list(READ_MOST))
def test_no_rendered_text_under_12_px(phone, name, path):
    phone.goto(path)
    small = [t for t in smallest_text(phone) if t["size"] < MIN_TEXT]
    assert not small, f"{name}: text under {MIN_TEXT} px: {small[:5]}"


def test_the_charts_that_are_drawn_are_readable_on_a_phone(phone):
    phone.goto("perjalanan/")
    texts = smallest_text(phone, CHARTS)
    drawn = phone.locator(CHARTS).count()
    assert (drawn == 0) == (not texts)
    small = [t for t in texts if t["size"] < MIN_TEXT]
    assert not small, f"chart text under {MIN_TEXT} px: {small[:5]}"


def test_charts_fill_the_content_column_on_a_desktop(browser, site_url):
    context = browser.new_context(viewport=DESKTOP, base_url=site_url)
    tab = context.new_page()
    tab.goto("perjalanan/")
    widths = tab.evaluate("""() => [...document.querySelectorAll('figure.kda-grafik svg')].map(svg =>
        [svg.getBoundingClientRect().width, svg.closest('.md-content__inner').getBoundingClientRect().width])""")
    context.close()
    for chart, column in widths:
        assert chart >= column - 2, f"a chart {chart:.0f} px wide in a {column:.0f} px column"


def test_schedule_and_topic_index_stay_short_at_the_real_size(browser, base_url, artifacts):
    context = browser.new_context(viewport=PHONE, base_url=base_url)
    tab = context.new_page()
    heights = {}
    for name, path in (("jadwal", "jadwal/"), ("topik", "topik/")):
        tab.goto(path)
        heights[name] = height(tab)
        save_screenshot(tab, artifacts / f"{name}-ponsel-tinggi.png", full_page=True)
    context.close()
    assert heights["jadwal"] <= SCHEDULE_SCREENS * PHONE["height"], heights
    assert heights["topik"] <= TOPICS_SCREENS * PHONE["height"], heights


def test_home_card_text_is_at_least_body_size(phone):
    phone.goto("")
    sizes = phone.evaluate("""() => [getComputedStyle(document.querySelector('.md-typeset > p')).fontSize,
        ...[...document.querySelectorAll('.kda-sorotan p, .kda-sorotan a')].map(e => getComputedStyle(e).fontSize)]""")
    body, *card = [float(s.removesuffix("px")) for s in sizes]
    assert card and min(card) >= body, (body, card)
