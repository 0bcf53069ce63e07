"""axe-core (bundled by the axe-playwright-python package, never a CDN) on every page type,
in light mode (every rule) and in dark mode (the rules that read colours), and with the search
open: no serious or critical violation."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe

from .conftest import DESKTOP, PAGE_TYPES, PHONE, tabs_by_scheme

BLOCKING = {"serious", "critical"}
# axe's rules that read colours, the only thing the dark palette changes (Material swaps CSS
# custom properties; the HTML, its roles and names are the light page's): in dark mode axe runs
# these alone, the light page runs every rule.
COLOUR_RULES = ["color-contrast", "link-in-text-block"]
OPTIONS = {
    "light": {"resultTypes": ["violations"]},
    "dark": {"resultTypes": ["violations"], "runOnly": {"type": "rule", "values": COLOUR_RULES}},
}


@pytest.fixture(scope="module")
def axe():
    return Axe()


def blocking_violations(page, options=OPTIONS["light"]) -> list[str]:
    """The serious and critical violations axe finds on `page`, whose tab loads axe with every page
    (an init script: sending its 500 KB script again for each run cost 0.1 s a page)."""
    response = page.evaluate("options => axe.run(document, options)", options)
    return [f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes']][:3]}"
            for v in response["violations"] if v["impact"] in BLOCKING]


@pytest.fixture(scope="module")
def tabs(browser, base_url, axe):
    """tabs(scheme) -> one phone tab in that colour scheme, kept for every page type, axe in each page."""
    with tabs_by_scheme(browser, base_url, init_script=axe.axe_script) as tab:
        yield tab


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize(("name", "path"), list(PAGE_TYPES.items()), ids=list(PAGE_TYPES))
def test_no_serious_violations(tabs, name, path, scheme):
    page = tabs(scheme)
    page.goto(path)
    found = blocking_violations(page, OPTIONS[scheme])
    assert not found, f"{name} ({scheme}): " + "; ".join(found)


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["ponsel", "desktop"])
def test_open_search_with_results_has_no_serious_violations(tabs, viewport):
    page = tabs("light")  # the page types' tab, at this width (a new context cost 0.3 s of CPU and a cold cache)
    page.set_viewport_size(viewport)
    try:
        page.goto("tor/")
        page.keyboard.press("/")
        page.keyboard.type("perlindungan")
        page.wait_for_selector(".kda-search .md-search-result__item")
        page.wait_for_timeout(300)
        found = blocking_violations(page)
    finally:
        page.set_viewport_size(PHONE)
    assert not found, "; ".join(found)
