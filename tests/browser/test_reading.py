"""What a reader sees in a real browser: phone layout, tap targets, no-JavaScript reading,
dark mode, and a screenshot of each page type at phone and desktop width."""

from __future__ import annotations

import functools
from pathlib import Path

import pytest
from playwright import sync_api as playwright_api

from .conftest import CAPTURE_REFUSED, DESKTOP, PAGE_TYPES, PHONE, save_screenshot, tabs_by_scheme

PAGES = list(PAGE_TYPES.items())
IDS = list(PAGE_TYPES)
MIN_TARGET = 24  # CSS px: WCAG 2.2 "Target Size (Minimum)"; inline links in text are exempt

# Controls a finger must hit on a phone (inline links in running text are exempt).
TARGETS = ("header .md-header__button, header label, .md-search__icon, .md-footer__link, "
           ".md-top, .md-source, button, .md-nav__link, .md-typeset .md-button")

# Contrast of the body text and of links against the page background, as the browser paints them.
CONTRAST_JS = """() => {
  const rgb = c => c.match(/[\\d.]+/g).slice(0, 3).map(Number);
  const lum = c => { const [r, g, b] = rgb(c).map(v => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; });
                     return 0.2126 * r + 0.7152 * g + 0.0722 * b; };
  const ratio = (a, b) => { const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p); return (x + 0.05) / (y + 0.05); };
  const bg = getComputedStyle(document.body).backgroundColor;
  const text = getComputedStyle(document.querySelector('.md-typeset p, .md-typeset li')).color;
  const link = getComputedStyle(document.querySelector('.md-typeset a:not(.headerlink)') || document.body).color;
  return { scheme: document.body.dataset.mdColorScheme, bg, text: ratio(text, bg), link: ratio(link, bg) };
}"""


@pytest.fixture(scope="module")
def phone(browser, base_url):
    context = browser.new_context(viewport=PHONE, base_url=base_url, device_scale_factor=2, has_touch=True, is_mobile=True)
    page = context.new_page()
    yield page
    context.close()


# What a phone shows of a page, right after it loads: its width against the screen's, the content
# wider than the screen, and the tap targets of the first screen smaller than `min`.
PHONE_VIEW_JS = """([selector, min]) => ({
  widths: [document.documentElement.scrollWidth, document.documentElement.clientWidth],
  tooWide: [...document.querySelectorAll('.md-content *')]
    .filter(el => el.getBoundingClientRect().right > document.documentElement.clientWidth + 1
                  && !el.closest('.md-typeset__scrollwrap, pre, code'))
    .map(el => el.tagName + '.' + el.className).slice(0, 5),
  small: [...document.querySelectorAll(selector)]
    .filter(el => { const r = el.getBoundingClientRect();
                    return el.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true })
                           && getComputedStyle(el).pointerEvents !== 'none'
                           && r.width > 0 && r.height > 0 && r.bottom > 0 && r.top < innerHeight
                           && r.right > 0 && r.left < innerWidth; })
    .filter(el => { const r = el.getBoundingClientRect(); return r.width < min || r.height < min; })
    .map(el => `${el.tagName}.${el.className} ${Math.round(el.getBoundingClientRect().width)}x${Math.round(el.getBoundingClientRect().height)}`),
})"""


@pytest.fixture(scope="module")
def on_phone(phone):
    """on_phone(path) -> what the phone shows of the page (PHONE_VIEW_JS), measured on one visit for
    every test that asks (a visit for each test loaded every page twice)."""
    @functools.cache
    def view(path: str) -> dict:
        phone.goto(path)
        return phone.evaluate(PHONE_VIEW_JS, [TARGETS, MIN_TARGET])

    return view


@pytest.mark.parametrize(("name", "path"), PAGES, ids=IDS)
def test_no_horizontal_scroll_on_a_phone(on_phone, name, path):
    view = on_phone(path)
    assert view["widths"][0] <= view["widths"][1], f"{name}: the page is {view['widths'][0]} px wide on a {view['widths'][1]} px screen"
    assert not view["tooWide"], f"{name}: content wider than the screen: {view['tooWide']}"


def test_schedule_is_cards_and_lines_on_a_phone(phone):
    """The next and the latest meeting as cards, the others as lines: each inside the screen."""
    phone.goto("jadwal/")
    entries = phone.locator(".kda-pertemuan, .kda-pertemuan-ringkas > li, .kda-belum-dijadwalkan")
    assert entries.count() >= 1
    for i in range(entries.count()):
        box = entries.nth(i).bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"]
    assert phone.locator(".md-content table").count() == 0 or phone.evaluate(
        "() => [...document.querySelectorAll('.md-content table')].every(t => t.closest('.md-typeset__scrollwrap'))")


@pytest.mark.parametrize(("name", "path"), PAGES, ids=IDS)
def test_tap_targets_are_large_enough(on_phone, name, path):
    small = on_phone(path)["small"]
    assert not small, f"{name}: tap targets smaller than {MIN_TARGET} px: {small}"


@pytest.fixture(scope="module")
def without_javascript(browser, base_url):
    """One phone tab with JavaScript off, for every page type (a context each cost more than the check)."""
    context = browser.new_context(viewport=PHONE, base_url=base_url, java_script_enabled=False)
    yield context.new_page()
    context.close()


@pytest.fixture(scope="module")
def schemes(browser, base_url):
    """schemes(scheme) -> one phone tab in that colour scheme, for every page type and the screenshots."""
    with tabs_by_scheme(browser, base_url) as tab:
        yield tab


@pytest.fixture(scope="module")
def dark(schemes):
    """One phone tab in dark mode, for every page type."""
    return schemes("dark")


@pytest.mark.parametrize(("name", "path"), PAGES, ids=IDS)
def test_content_is_readable_without_javascript(without_javascript, page, name, path):
    tab = without_javascript
    tab.goto(path)
    shown = " ".join(tab.locator("article").first.inner_text().split())  # a list page has one per entry
    built = " ".join(page(path).select_one("article").get_text(" ").split())
    first_words = " ".join(built.replace("¶", "").split()[:6])
    assert len(shown) > 100 and first_words.split()[0] in shown, f"{name}: the article text is not in the HTML"
    assert page(path).select_one("nav.md-nav--primary a[href]") is not None  # navigation is plain links


@pytest.mark.parametrize(("name", "path"), PAGES, ids=IDS)
def test_dark_mode_is_readable(dark, name, path):
    dark.goto(path)
    measured = dark.evaluate(CONTRAST_JS)
    assert measured["scheme"] == "slate", f"{name}: the dark palette was not chosen"
    assert measured["text"] >= 4.5 and measured["link"] >= 4.5, f"{name}: contrast in dark mode {measured}"


class RefusingTab:
    """A tab whose Chromium refuses `refusals` captures with `message`, then writes the picture."""

    def __init__(self, refusals: int, message: str = CAPTURE_REFUSED):
        self.refusals, self.message, self.asked = refusals, message, 0

    def screenshot(self, path: str, full_page: bool) -> None:
        self.asked += 1
        if self.asked <= self.refusals:
            raise playwright_api.Error(f"Page.screenshot: Protocol error (Page.captureScreenshot): {self.message}")
        Path(path).write_bytes(b"PNG")

    def wait_for_timeout(self, milliseconds: int) -> None:
        pass


def test_a_refused_capture_is_asked_again_and_any_other_error_is_not(tmp_path):
    tab = RefusingTab(refusals=2)
    assert save_screenshot(tab, tmp_path / "a.png").read_bytes() == b"PNG" and tab.asked == 3
    with pytest.raises(playwright_api.Error, match=CAPTURE_REFUSED):
        save_screenshot(RefusingTab(refusals=3), tmp_path / "b.png")  # refused every time: the error
    other = RefusingTab(refusals=1, message="Target page, context or browser has been closed")
    with pytest.raises(playwright_api.Error, match="closed"):
        save_screenshot(other, tmp_path / "c.png")
    assert other.asked == 1


@pytest.mark.artifacts
@pytest.mark.parametrize(("width", "viewport"), [("ponsel", PHONE), ("desktop", DESKTOP)])
def test_screenshots_of_each_page_type(schemes, artifacts, width, viewport):
    """Saved for a person to look at: test-artifacts/screenshots/<type>-<width>[-gelap].png. The
    whole page on a phone in light mode (where readers are); the first screen otherwise."""
    for scheme in ("light", "dark"):
        tab = schemes(scheme)
        tab.set_viewport_size(viewport)
        try:
            for name, path in PAGES:
                tab.goto(path)
                suffix = "-gelap" if scheme == "dark" else ""
                target = artifacts / f"{name}-{width}{suffix}.png"
                save_screenshot(tab, target, full_page=(scheme == "light" and viewport == PHONE))
                assert target.stat().st_size > 5000
        finally:
            tab.set_viewport_size(PHONE)
