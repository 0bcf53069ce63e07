"""The writers' pages on a 360 px phone: how wide, how tall, what scrolls sideways.

Serves a built site on 127.0.0.1 and opens Panduan Menulis, Tulis Artikel and Tulis Catatan
Pertemuan in headless Chromium at 360 x 800. For each page: the document's width and height
(in screens of 800 px), the widest code block's content against its box (a block wider than
its box scrolls sideways), how many tables it has, and how many field names or messages at
the start of a list item are broken over lines ("descripti/on").

    mkdocs build && python3 bench/writing_phone.py             # site/
    python3 bench/writing_phone.py --site /tmp/site-of-main     # the same on another build

A benchmark, not a test (tests/browser/test_tulis.py asserts the rules); the figures go to the
README.
"""

from __future__ import annotations

import argparse
import functools
import http.server
import shutil
import threading
from pathlib import Path

from playwright.sync_api import sync_playwright

PAGES = ("panduan-menulis/", "tulis/", "tulis-catatan/")
WIDTH, HEIGHT = 360, 800

MEASURE = """() => {
  const codes = [...document.querySelectorAll('article pre > code')];
  const widest = codes.reduce((w, c) => Math.max(w, c.scrollWidth), 0);
  const box = codes.length ? codes[0].clientWidth : 0;
  const split = [...document.querySelectorAll('article li > code:first-child, article td:first-child > code:first-child')]
    .filter(c => c.parentNode.firstChild === c && !c.textContent.includes(' ') && c.getClientRects().length > 1);
  const first = document.querySelector('article h2');
  return { width: document.documentElement.scrollWidth, height: document.documentElement.scrollHeight,
           widest, box, tables: document.querySelectorAll('article table').length, split: split.length,
           first: first ? first.textContent.replace('¶', '').trim() : '' };
}"""


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def serve(site: Path) -> tuple[http.server.ThreadingHTTPServer, str]:
    handler = functools.partial(QuietHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, default=Path("site"))
    parser.add_argument("--chromium", default=shutil.which("chromium-headless-shell") or "/usr/bin/chromium")
    args = parser.parse_args()
    server, base = serve(args.site)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=args.chromium, args=["--no-sandbox", "--disable-gpu"])
        page = browser.new_page(viewport={"width": WIDTH, "height": HEIGHT})
        print(f"{'page':<18} {'width':>5} {'height':>7} {'screens':>7} {'code content/box':>16} {'tables':>6} "
              f"{'split':>5}  first section")
        for path in PAGES:
            response = page.goto(base + path)
            if not response or not response.ok:
                print(f"{path:<18} (not in this site)")
                continue
            m = page.evaluate(MEASURE)
            print(f"{path:<18} {m['width']:>5} {m['height']:>7} {m['height'] / HEIGHT:>7.1f} "
                  f"{str(m['widest']) + '/' + str(m['box']):>16} {m['tables']:>6} {m['split']:>5}  {m['first']}")
        browser.close()
    server.shutdown()


if __name__ == "__main__":
    main()
