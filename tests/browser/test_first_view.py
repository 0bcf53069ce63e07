"""What only a browser shows, in headless Chromium on a 360 px phone: the first view asks no
other host and skips the search index; search still works once opened; the copy-link button
copies the page's address."""

from __future__ import annotations

import re

import pytest

PAGES = ["", "jadwal/", "pertemuan/02-perlindungan-anak/", "poster/", "tor/", "artikel/2013-12-22-mengapa-kami-berdiskusi/"]


@pytest.fixture
def base(base_url):
    """The session's server (tests/browser/conftest.py): one server and one browser per session."""
    return base_url


@pytest.fixture
def phone(browser, base):
    """A fresh phone-sized tab with an empty cache; records every request, refuses other hosts."""
    context = browser.new_context(viewport={"width": 360, "height": 740}, service_workers="block")
    requests, foreign = [], []

    def refuse(route):
        foreign.append(route.request.url)
        route.abort()

    # Only the requests to another host come to Python (the expression is matched inside Playwright).
    context.route(re.compile("^(?!" + re.escape(base) + ")"), refuse)
    tab = context.new_page()
    tab.on("request", lambda r: requests.append(r.url))
    yield tab, requests, foreign
    context.close()


@pytest.mark.parametrize("path", PAGES)
def test_first_view_asks_no_other_host_and_skips_the_search_index(phone, base, path):
    tab, requests, foreign = phone
    tab.goto(base + path, wait_until="load")
    tab.wait_for_timeout(800)
    assert foreign == []
    assert not [u for u in requests if "search_index" in u or "/pagefind/" in u]  # search loads on demand
    assert not [u for u in requests if u.endswith("sitemap.xml")]  # grows with the site (hooks/kda/compat/material.py)
    assert not [u for u in requests if "glightbox" in u]  # the lightbox loads only with a photo gallery
    assert any(u.endswith(".js") for u in requests)  # Material's scripts did run


def test_search_loads_its_index_when_opened_and_finds_pages(phone, base):
    tab, requests, foreign = phone
    tab.goto(base + "jadwal/", wait_until="load")
    tab.click("label.md-header__button[for=__search]")  # the search button on a phone
    # Typed at once, before the index has arrived: the query must still be searched.
    tab.locator(".kda-search .md-search__input").press_sequentially("perlindungan")
    tab.wait_for_function("document.querySelectorAll('.md-search-result__item').length > 0", timeout=15_000)
    assert [u for u in requests if u.endswith("pagefind/pagefind.js")]  # the search (Pagefind) loads on opening
    links = tab.eval_on_selector_all(".md-search-result__item a", "links => links.map(a => a.href)")
    assert any("/pertemuan/02-perlindungan-anak/" in link for link in links), links
    assert foreign == []


def test_copy_link_button_copies_the_page_address(browser, base):
    context = browser.new_context(viewport={"width": 360, "height": 740})
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=base.rstrip("/"))
    try:
        tab = context.new_page()
        tab.goto(base + "pertemuan/02-perlindungan-anak/", wait_until="load")
        button = tab.locator(".kda-bagikan button[data-clipboard-text]")
        button.click()
        copied = tab.evaluate("navigator.clipboard.readText()")
        assert copied == button.get_attribute("data-clipboard-text")
        assert copied.endswith("/pertemuan/02-perlindungan-anak/")
    finally:
        context.close()

