"""What a reader's phone shows, measured in the browser: page height, where the first meeting
card starts, and the smallest rendered text of the content and of the inlined charts.

Shared by the browser tests (tests/browser/test_phone_reading.py) and the benchmark that prints
the figures (bench/phone_reading.py)."""

from __future__ import annotations

# Every visible text node inside `root`: its rendered font size in CSS px. Inside an inline SVG
# the computed font-size is in the SVG's user units, so it is scaled by the element's screen
# matrix (a chart drawn 302 units wide and shown 330 px wide renders its text 9% larger).
SMALLEST_TEXT_JS = """(rootSelector) => {
  const found = [];
  for (const root of document.querySelectorAll(rootSelector)) {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent.trim();
      const el = node.parentElement;
      if (!text || !el || !el.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true })) continue;
      const range = document.createRange();
      range.selectNodeContents(node);
      const rects = [...range.getClientRects()].filter(r => r.width > 1 && r.height > 1);
      if (!rects.length) continue;
      let size = parseFloat(getComputedStyle(el).fontSize);
      const svgText = el.closest('text');
      if (svgText && svgText.getScreenCTM) {
        const m = svgText.getScreenCTM();
        size *= Math.hypot(m.a, m.b);
      }
      found.push({ size: Math.round(size * 10) / 10, text: text.slice(0, 40), tag: el.tagName.toLowerCase(),
                   cls: String(el.className.baseVal ?? el.className).slice(0, 40), svg: !!svgText });
    }
  }
  found.sort((a, b) => a.size - b.size);
  return found;
}"""

HEIGHT_JS = "() => document.documentElement.scrollHeight"
FIRST_CARD_JS = """(selector) => { const el = document.querySelector(selector);
  return el ? el.getBoundingClientRect().top + scrollY : null; }"""

CONTENT = ".md-content__inner"
CHARTS = "figure.kda-grafik svg"
FIRST_MEETING_CARD = ".md-content .kda-pertemuan"


def smallest_text(tab, root: str = CONTENT) -> list[dict]:
    """Every visible text of `root` with its rendered size, smallest first."""
    return tab.evaluate(SMALLEST_TEXT_JS, root)


def height(tab) -> int:
    return tab.evaluate(HEIGHT_JS)


def first_card_top(tab, selector: str = FIRST_MEETING_CARD) -> float | None:
    return tab.evaluate(FIRST_CARD_JS, selector)
