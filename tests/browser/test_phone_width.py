"""Every page fits a 360 × 800 phone, on the real site and on the example project (photo gallery,
response box): the page never scrolls sideways; only a code block or a table frame that scrolls on
its own may be wider than the screen. Code in tables wraps between words, never inside one; the
poster's address breaks only after "//", "." and "/"; the repository link is not the first item of
the phone menu."""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from .conftest import PHONE

WIDTH = PHONE["width"]

# Elements wider than the screen, outside a box that scrolls sideways on its own.
OVERFLOW_JS = """(width) => {
  const scrolls = el => ['auto', 'scroll'].includes(getComputedStyle(el).overflowX);
  const insideScroller = el => { for (let p = el.parentElement; p && p !== document.body; p = p.parentElement)
                                   if (scrolls(p) && p.getBoundingClientRect().right <= width + 0.5) return true;
                                 return false; };
  return [...document.querySelectorAll('.md-container *')]
    .filter(el => el.getClientRects().length && !el.closest('.md-sidebar, .md-search'))
    .filter(el => el.getBoundingClientRect().right > width + 0.5 && !insideScroller(el))
    .map(el => `${el.tagName}.${el.className.baseVal ?? el.className} right=${Math.round(el.getBoundingClientRect().right)}`)
    .slice(0, 5);
}"""

# Words of code in table cells that the browser split over two lines.
SPLIT_WORDS_JS = """() => {
  const split = [];
  for (const code of document.querySelectorAll('.md-typeset table code')) {
    const node = code.firstChild;
    if (!node || node.nodeType !== Node.TEXT_NODE) continue;
    for (const m of node.textContent.matchAll(/[^\\s-]+/g)) {
      const range = document.createRange();
      range.setStart(node, m.index); range.setEnd(node, m.index + m[0].length);
      const lines = new Set([...range.getClientRects()].map(r => Math.round(r.top)));
      if (lines.size > 1) split.push(m[0]);
    }
  }
  return split.slice(0, 5);
}"""


def site_pages(site: Path) -> list[str]:
    """Every page of the built site as a URL path (moved pages' forwarding pages aside)."""
    paths = []
    for path in sorted(site.rglob("*.html")):
        relative = path.relative_to(site)
        if "pagefind" in relative.parts:
            continue
        if BeautifulSoup(path.read_text(encoding="utf-8"), "lxml").select_one('meta[http-equiv="refresh"]'):
            continue
        paths.append(relative.as_posix()[: -len("index.html")] if path.name == "index.html" else relative.as_posix())
    return paths


@pytest.fixture(scope="module")
def phone_tab(browser):
    context = browser.new_context(viewport=PHONE, device_scale_factor=2, has_touch=True, is_mobile=True)
    yield context.new_page()
    context.close()


@pytest.mark.parametrize("which", ["site", "example_site"])
def test_every_page_fits_a_phone(request, phone_tab, which):
    site = request.getfixturevalue(which)
    base = request.getfixturevalue("base_url" if which == "site" else "example_base_url")
    pages = site_pages(site)
    assert len(pages) > 10
    problems = []
    for path in pages:
        phone_tab.goto(base + path)
        width = phone_tab.evaluate("document.documentElement.scrollWidth")
        if width > WIDTH:
            problems.append(f"/{path}: the page is {width} px wide")
        if wide := phone_tab.evaluate(OVERFLOW_JS, WIDTH):
            problems.append(f"/{path}: wider than the screen, not in a box that scrolls: {wide}")
        if split := phone_tab.evaluate(SPLIT_WORDS_JS):
            problems.append(f"/{path}: code in a table split inside a word: {split}")
    assert not problems, "\n".join(problems)


def test_poster_address_lines_break_between_its_parts(phone_tab, base_url):
    phone_tab.goto(base_url + "poster/")
    lines = phone_tab.evaluate("""() => [...document.querySelectorAll('.kda-poster__alamat span')]
        .map(span => [span.textContent, span.getClientRects().length, Math.round(span.getBoundingClientRect().top),
                      span.getBoundingClientRect().right <= innerWidth])""")
    assert lines and all(rects == 1 and fits for _, rects, _, fits in lines), lines  # no part is cut or overflows
    assert len({top for _, _, top, _ in lines}) > 1  # at 360 px it takes more than one line: only between parts


def test_repository_link_comes_after_the_pages_in_the_phone_menu(phone_tab, base_url):
    phone_tab.goto(base_url + "jadwal/")
    phone_tab.click("label.md-header__button[for=__drawer]")
    phone_tab.wait_for_timeout(400)
    source, last_page = phone_tab.evaluate("""() => {
        const nav = document.querySelector('.md-sidebar--primary nav.md-nav--primary');
        const items = nav.querySelectorAll(':scope > .md-nav__list > .md-nav__item');
        return [nav.querySelector(':scope > .md-nav__source').getBoundingClientRect().top,
                items[items.length - 1].getBoundingClientRect().bottom]; }""")
    assert source >= last_page - 1
