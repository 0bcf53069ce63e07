"""In headless Chromium: no case of the safety corpus that is published runs script.

The corpus's inert cases (tests/test_safety.py: member pages; tests/test_safety_data.py: data
that look like Markdown) and articles that are safe but sit next to each other on the blog's list
pages (the second half of the combination attack, whose first half the build now refuses) are
built into one site. Every page of it is opened; while it loads and while every element gets the
pointer and the focus, the test records dialogs, navigations away from the page, and requests to
any other host (each refused); after it, the DOM the browser built must hold no event handler
attribute and no `javascript:` or `data:` address. The control page proves the recorder sees an
alert, a navigation and a foreign request.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import test_safety  # the corpus (tests/ is on the path, as for conftest)
import test_safety_data
from playwright import sync_api as playwright_api

from .conftest import served
from conftest import BUILD_DATE, copy_project, environment, run_cli_build

POSTS = {  # safe on their own page, on the list pages and in the feed
    "2014-01-03-kode-aman": ("---\ntitle: Kode aman\ndescription: Contoh kode.\ndate: 2014-01-03\nauthors: [tim]\n---\n\n"
                             "Pembuka dengan `<script>alert(1)</script>` sebagai kode.\n\n<!-- more -->\n\n"
                             "```html\n<script>alert(1)</script>\n<img src=x onerror=alert(1)>\n```\n"),
    "2014-01-04-kutip-biasa": ("---\ntitle: Kutip biasa\ndate: 2014-01-04\nauthors: [tim]\n---\n\n"
                               "Kata x' onmouseover='alert(1)' y='z' dan \" onfocus=\"alert(2)\" sebagai teks.\n\n"
                               "<!-- more -->\n\nIsi tulisan.\n"),
}

# The events go to every element except, unless asked, the search box in the page's header (put
# there from a template by docs/assets/kda-search.js). It is the project's own markup, the same on
# every page, and never holds a member's text at load: what a member writes is inside
# body > div.md-container, never inside body > header. Its focus starts the search, 0.18 s of CPU
# a page and most of this test's time, so only the first page's probe includes it.
SEARCH_FORM = "body > header .kda-search, body > header .kda-search *"
PROBE = """(withSearch) => {
  const hits = [];
  for (const el of document.querySelectorAll('*')) {
    if (withSearch || !el.matches('""" + SEARCH_FORM + """'))
      for (const type of ['mouseover', 'mouseenter', 'mousemove', 'focus', 'focusin', 'pointerover'])
        el.dispatchEvent(new Event(type, {bubbles: true}));
    for (const attr of el.getAttributeNames()) {
      const value = (el.getAttribute(attr) || '').replace(/[\\s\\u0000-\\u001f]/g, '').toLowerCase();
      if (attr.startsWith('on')) hits.push(el.tagName + ' ' + attr);
      if (['href', 'src', 'action', 'formaction', 'xlink:href', 'data', 'poster'].includes(attr)
          && (value.startsWith('javascript:') || value.startsWith('data:') || value.startsWith('vbscript:')))
        hits.push(el.tagName + ' ' + attr + '=' + value.slice(0, 40));
    }
  }
  return hits;
}"""


@pytest.fixture(scope="module")
def corpus_site(tmp_path_factory) -> Path:
    project = copy_project(tmp_path_factory.mktemp("browser-corpus") / "project")
    test_safety.add_member_pages(project, test_safety.INERT)
    for file, old, new in test_safety_data.TRICKS.values():
        test_safety_data.edit(project, file, old, new)
    for name, text in POSTS.items():
        (project / "docs" / "artikel" / "posts" / f"{name}.md").write_text(text, encoding="utf-8")
    with environment(KDA_TANPA_PDF="1"):
        result = run_cli_build(project, today=BUILD_DATE)
    assert result.returncode == 0, (result.stdout + result.stderr)[-3000:]
    return project / "site"


@pytest.fixture(scope="module")
def corpus_url(corpus_site):
    with served(corpus_site) as url:
        yield url


@pytest.fixture
def watched(browser, corpus_url):
    """open(path) -> (dialogs, foreign requests, navigations away, DOM findings) of that page.

    One tab opens page after page (a new tab for each took three times as long): leaving a page
    stops its scripts and timers, and what happens before is told with that page."""
    context = browser.new_context(service_workers="block")
    tab = context.new_page()
    events = {"dialogs": [], "foreign": [], "navigations": []}
    opened = {"address": ""}  # where the test sent the tab last; any other main-frame address is a navigation away

    def refuse(route):
        events["foreign"].append(route.request.url)
        route.abort()

    # Only the requests to another host come to Python (a regular expression is matched inside
    # Playwright, so the site's own files load without a round trip each).
    context.route(re.compile("^(?!" + re.escape(corpus_url) + ")"), refuse)
    tab.on("dialog", lambda dialog: (events["dialogs"].append(dialog.message), dialog.dismiss()))
    away = lambda url: url.split("#")[0] != opened["address"]  # noqa: E731
    # A navigation is seen when it starts (its request), not only when it commits: on a loaded
    # machine the new page may arrive after the window below has closed.
    tab.on("request", lambda request: request.is_navigation_request() and request.frame == tab.main_frame
           and away(request.url) and events["navigations"].append(request.url))
    tab.on("framenavigated", lambda frame: frame == tab.main_frame and away(frame.url)
           and frame.url not in events["navigations"] and events["navigations"].append(frame.url))

    def in_page(script: str, argument=None):
        """The result of `script` in the page, or [] if the page left meanwhile (a navigation, recorded above)."""
        try:
            return tab.evaluate(script, argument)
        except playwright_api.Error as error:
            if "context was destroyed" not in str(error):
                raise
            return []

    def open_page(path: str, with_search: bool = True):
        for found in events.values():
            found.clear()
        opened["address"] = (corpus_url + path).split("#")[0]
        tab.goto(corpus_url + path, wait_until="load")
        dom = in_page(PROBE, with_search)  # the page's own scripts have run by "load"; the probe's events now
        # What they, or a timer of the page, would do: 150 ms on the page's own clock, so that a
        # timer the page set on load (the control's, 50 ms) fires first however slow the machine.
        in_page("() => new Promise(done => setTimeout(done, 150))")
        return {**{k: list(v) for k, v in events.items()}, "dom": dom, "origin": corpus_url}

    yield open_page
    context.close()


def pages_of(site: Path) -> list[str]:
    return sorted(p.relative_to(site).as_posix() for p in site.rglob("index.html"))


def test_the_corpus_site_has_its_cases_and_list_pages(corpus_site):
    pages = pages_of(corpus_site)
    for name in test_safety.INERT:
        assert f"{test_safety.MEMBER_DIR}/{name}/index.html" in pages
    assert "artikel/index.html" in pages and "artikel/archive/2014/index.html" in pages
    assert "Kata x' onmouseover='alert(1)'" in (corpus_site / "artikel" / "index.html").read_text(encoding="utf-8")


def test_no_published_case_runs_script_navigates_or_asks_another_host(corpus_site, watched):
    findings = {}
    for index, path in enumerate(pages_of(corpus_site)):
        seen = watched(path, with_search=index == 0)
        if 'http-equiv="refresh"' in (corpus_site / path).read_text(encoding="utf-8"):  # a moved page (redirect_maps)
            seen["navigations"] = [url for url in seen["navigations"] if not url.startswith(seen["origin"])]
        bad = {k: v for k, v in seen.items() if v and k != "origin"}
        if bad:
            findings[path] = bad
    assert findings == {}
    assert len(pages_of(corpus_site)) >= 30  # every page of the site, the corpus cases among them


def test_the_recorder_sees_an_alert_a_navigation_and_a_foreign_request(corpus_site, watched):
    """The control: what the test above must never see, it does see (pages of the same site, not
    index.html, so the test above does not open them)."""
    (corpus_site / "kontrol-perekam.html").write_text(
        '<img src="https://evil.example/p.png" onerror="alert(1)"><a href="javascript:void(0)">x</a>', encoding="utf-8")
    (corpus_site / "kontrol-pindah.html").write_text(
        '<script>addEventListener("load", () => setTimeout(() => location.href = "lain/", 50))</script>', encoding="utf-8")
    seen = watched("kontrol-perekam.html")
    assert seen["dialogs"] == ["1"] and seen["foreign"] == ["https://evil.example/p.png"]
    assert seen["dom"] and any("onerror" in d for d in seen["dom"])
    assert watched("kontrol-pindah.html")["navigations"] == [seen["origin"] + "lain/"]
