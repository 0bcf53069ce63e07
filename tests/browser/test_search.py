"""The header search in a real browser: Pagefind answers, Material's look, Indonesian."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml

from .conftest import DESKTOP, PHONE, save_screenshot

QUERIES = yaml.safe_load((Path(__file__).resolve().parents[1] / "search_queries.yml").read_text(encoding="utf-8"))
RESULT_WORDS = ("ditemukan", "Tidak ada")


RESULT_LINKS = "() => [...document.querySelectorAll('.kda-search .md-search-result__item > a:first-child')].map(a => a.href)"


def wait_for_results(page, settle_ms: int = 300) -> None:
    page.wait_for_function(
        "words => words.some(w => (document.querySelector('.kda-search .md-search-result__meta')?.textContent || '').includes(w))",
        arg=list(RESULT_WORDS), timeout=10000)
    page.wait_for_timeout(settle_ms)  # the search is debounced: let the last keystroke's results land


def ask(page, query: str) -> list[str]:
    """`query` put into the header box at once (one input event, so one search and no results of
    a prefix on the way); the site paths of the result pages, best first. Typing key by key is
    the phone test's (below)."""
    box = page.locator(".kda-search .md-search__input")
    box.fill("")
    page.wait_for_function("() => !document.querySelector('.kda-search .md-search-result__item')")
    box.fill(query)
    wait_for_results(page, settle_ms=0)  # the one search has answered: meta and results are shown together
    return [urlsplit(h).path.lstrip("/") for h in page.evaluate(RESULT_LINKS)]


@pytest.fixture(scope="module")
def search_page(browser, example_base_url):
    """The query set asks the example group's site (tests/fixture/): its pages do not change when
    members write, so a new article cannot push an expected page out of the first ten."""
    context = browser.new_context(viewport=DESKTOP, base_url=example_base_url)
    page = context.new_page()
    page.goto("tor/")
    page.locator(".kda-search .md-search__input").click()
    yield page
    context.close()


def test_query_set_is_large_enough():
    assert len(QUERIES) >= 25
    abbreviations = {q["query"] for q in QUERIES}
    assert {"PKSA", "LKSA", "ABH", "ADK", "AMPK", "SAKTI PEKSOS", "anak-anak", "melindungi", "dilindungi"} <= abbreviations


@pytest.mark.parametrize("item", QUERIES, ids=[q["query"] for q in QUERIES])
def test_query_finds_its_pages(search_page, item):
    if item.get("limit"):
        pytest.xfail(item["limit"])
    found = ask(search_page, item["query"])[:10]
    missing = [p or "(beranda)" for p in item["pages"] if p not in found]
    assert not missing, f"{item['query']!r} ({item['why']}): not in the first 10 results {found}"


def test_typing_on_a_phone_finds_and_opens_the_page(new_page, artifacts):
    page = new_page(PHONE, has_touch=True, is_mobile=True)
    page.goto("")
    page.locator(".md-header__button[for='__search']").click()
    box = page.locator(".kda-search .md-search__input")
    assert box.is_visible() and box.evaluate("el => el === document.activeElement")
    box.press_sequentially("melindungi", delay=15)
    wait_for_results(page)
    meta = page.locator(".kda-search .md-search-result__meta").inner_text()
    assert "dokumen ditemukan" in meta
    result = page.locator(".kda-search .md-search-result__item > a:first-child[href$='/pertemuan/02-perlindungan-anak/']")
    assert result.locator("mark").first.inner_text().lower() == "perlindungan"  # the match is highlighted
    save_screenshot(page, artifacts / "pencarian-ponsel.png")
    for control in (page.locator(".kda-search button[type=reset]"), result):
        box = control.bounding_box()
        assert box["width"] >= 24 and box["height"] >= 24  # large enough for a finger
    result.click()
    page.wait_for_url("**/pertemuan/02-perlindungan-anak/")
    assert "Perlindungan" in page.locator("h1").first.inner_text()
    assert not page.locator("#__search").is_checked()  # the search closed on the way


def test_keyboard_shortcut_opens_search_and_escape_closes_it(new_page, artifacts):
    page = new_page(DESKTOP)
    page.goto("jadwal/")
    page.keyboard.press("/")
    assert page.locator("#__search").is_checked()
    page.keyboard.type("LKSA")
    wait_for_results(page)
    save_screenshot(page, artifacts / "pencarian-desktop.png")
    page.keyboard.press("ArrowDown")
    assert page.evaluate("document.activeElement.classList.contains('md-search-result__link')")
    page.keyboard.press("Escape")
    assert not page.locator("#__search").is_checked()


def test_no_result_says_so_in_indonesian(new_page):
    page = new_page(DESKTOP)
    page.goto("")
    page.keyboard.press("/")
    page.keyboard.type("zzzqqq")
    wait_for_results(page)
    assert page.locator(".kda-search .md-search-result__meta").inner_text() == "Tidak ada dokumen yang sesuai"


def test_only_pagefind_is_downloaded(site, page):
    assert (site / "pagefind" / "pagefind.js").is_file()
    assert not (Path.cwd() / "pagefind").exists()  # the index is written into the site only
    assert not (site / "search" / "search_index.json").exists()  # Material's search plugin is off
    entry = (site / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8")
    assert '"id"' in entry  # one index, stemmed as Indonesian
    html = page("tor/")
    assert html.select_one("template#kda-search") is not None
    assert html.select_one("form[name=search]") is None  # Material's own box would fetch its index


def test_index_holds_the_page_text_only(site):
    """What Pagefind stores for a note: its text, not the header, navigation or share block."""
    import gzip
    import json

    fragments = {}
    for path in (site / "pagefind" / "fragment").glob("*.pf_fragment"):
        data = json.loads(gzip.decompress(path.read_bytes()).removeprefix(b"pagefind_dcd"))
        fragments[data["url"]] = data
    assert "/404.html" not in fragments
    note = fragments["/pertemuan/02-perlindungan-anak/"]
    assert "Pertemuan 2 membahas perlindungan anak" in note["content"]
    for outside in ("Salin tautan", "Bagikan lewat WhatsApp", "Kembali ke atas", "Daftar isi"):
        assert outside not in note["content"]
