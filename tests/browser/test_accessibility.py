"""axe-core (bundled by the axe-playwright-python package, never a CDN) on every page type,
in light mode (every rule) and in dark mode (the rules that read colours), and with the search
open: no serious or critical violation."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe

from .conftest import DESKTOP, PAGE_TYPES, PHONE

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


def blocking_violations(axe, page, options=OPTIONS["light"], injected=False) -> list[str]:
    """The serious and critical violations axe finds on `page` (`injected`: its tab loads axe with
    every page, an init script, instead of sending the 500 KB script again for each run)."""
    response = page.evaluate("options => axe.run(document, options)", options) if injected else axe.run(page, options=options).response
    return [f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes']][:3]}"
            for v in response["violations"] if v["impact"] in BLOCKING]


@pytest.fixture(scope="module")
def tabs(browser, base_url, axe):
    """tabs(scheme) -> one phone tab in that colour scheme, kept for every page type, axe in each page."""
    opened = {}

    def tab(scheme):
        if scheme not in opened:
            context = browser.new_context(viewport=PHONE, base_url=base_url, color_scheme=scheme)
            context.add_init_script(script=axe.axe_script)
            opened[scheme] = context.new_page()
        return opened[scheme]

    yield tab
    for page in opened.values():
        page.context.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize(("name", "path"), list(PAGE_TYPES.items()), ids=list(PAGE_TYPES))
def test_no_serious_violations(tabs, axe, name, path, scheme):
    page = tabs(scheme)
    page.goto(path)
    found = blocking_violations(axe, page, OPTIONS[scheme], injected=True)
    assert not found, f"{name} ({scheme}): " + "; ".join(found)


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["ponsel", "desktop"])
def test_open_search_with_results_has_no_serious_violations(tabs, axe, viewport):
    page = tabs("light")  # the page types' tab, at this width (a new context cost 0.3 s of CPU and a cold cache)
    page.set_viewport_size(viewport)
    try:
        page.goto("tor/")
        page.keyboard.press("/")
        page.keyboard.type("perlindungan")
        page.wait_for_selector(".kda-search .md-search-result__item")
        page.wait_for_timeout(300)
        found = blocking_violations(axe, page, injected=True)
    finally:
        page.set_viewport_size(PHONE)
    assert not found, "; ".join(found)
