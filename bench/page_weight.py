"""Page weight of a first view: every resource the browser fetches, raw and compressed.

Serves a built site on 127.0.0.1 (a random free port), opens each page in headless Chromium
(through Playwright, with a fresh, empty cache) and lists every request the page makes:
HTML, CSS, JS, fonts, images, and what scripts fetch afterwards (the search index).
Sizes are the files' own sizes ("raw") and gzip -9 ("compressed", what a static host such as
GitHub Pages sends). Requests to any other host are blocked and reported.

    mkdocs build && python3 bench/page_weight.py            # site/, the default pages
    python3 bench/page_weight.py --site /tmp/site jadwal/    # other site, other pages
    python3 bench/page_weight.py --site /tmp/kda-100/site --baseline site   # growth against the real site

Needs `python3 -m pip install -r bench/requirements.txt` and Chromium (Debian's headless shell or /usr/bin/chromium,
or --chromium PATH). Prints a table per page; exits 1 when a page is over the budget or asks
another host. A benchmark, not a test: the figures go to bench/README.md.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import shutil
import sys
import threading
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

BUDGET_KB = 100
# Debian's headless shell when installed (as the tests), else the full browser.
CHROMIUM = shutil.which("chromium-headless-shell") or "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run", "--disable-sync"]
WIDTH, HEIGHT = 360, 740  # a phone
SETTLE_MS = 1500  # after "load": let scripts fetch what they fetch on their own (search index)


@dataclass(frozen=True)
class Resource:
    path: str  # URL path on the site
    kind: str  # Playwright's resource type: document, stylesheet, script, font, image, fetch...
    raw: int
    compressed: int


@dataclass(frozen=True)
class FirstView:
    page: str
    resources: list[Resource]
    external: list[str]
    missing: list[str]

    @property
    def raw(self) -> int:
        return sum(r.raw for r in self.resources)

    @property
    def compressed(self) -> int:
        return sum(r.compressed for r in self.resources)


def default_pages(site: Path) -> list[str]:
    """Home, schedule, the first meeting note, the first article (when the blog exists)."""
    pages = ["", "jadwal/"]
    notes = sorted(p.parent for p in (site / "pertemuan").glob("[0-9][0-9]-*/index.html"))
    if notes:
        pages.append(notes[0].relative_to(site).as_posix() + "/")
    # A blog post: the site's own preview tags say which pages are articles.
    posts = sorted(p for p in (site / "artikel").rglob("index.html")
                   if 'property="og:type" content="article"' in p.read_text(encoding="utf-8"))
    if posts:
        pages.append(posts[0].parent.relative_to(site).as_posix() + "/")
    return pages


def file_for(site: Path, url_path: str) -> Path | None:
    path = site / unquote(url_path).lstrip("/")
    if path.is_dir():
        path = path / "index.html"
    return path if path.is_file() else None


@functools.cache
def sizes(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    return len(data), len(gzip.compress(data, compresslevel=9, mtime=0))


def serve(site: Path) -> http.server.ThreadingHTTPServer:
    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def measure(browser, base: str, site: Path, page_path: str) -> FirstView:
    context = browser.new_context(viewport={"width": WIDTH, "height": HEIGHT}, service_workers="block")
    requests: list[tuple[str, str]] = []
    external: list[str] = []

    def route(route):
        url = route.request.url
        if url.startswith(base):
            route.continue_()
        else:
            external.append(url)
            route.abort()

    context.route("**/*", route)
    tab = context.new_page()
    tab.on("request", lambda r: requests.append((r.url, r.resource_type)))
    tab.goto(base + page_path, wait_until="load")
    tab.wait_for_timeout(SETTLE_MS)
    context.close()

    resources, missing, seen = [], [], set()
    for url, kind in requests:
        if not url.startswith(base):
            continue
        path = urlsplit(url).path
        if path in seen:
            continue
        seen.add(path)
        file = file_for(site, path)
        if file is None:
            missing.append(path)
            continue
        raw, compressed = sizes(file)
        resources.append(Resource(path, kind, raw, compressed))
    return FirstView("/" + page_path, resources, sorted(set(external)), missing)


def report(view: FirstView, budget_kb: int) -> bool:
    print(f"\n== {view.page}")
    print(f"{'resource':60} {'type':11} {'raw B':>9} {'gzip B':>9}")
    for r in sorted(view.resources, key=lambda r: -r.compressed):
        print(f"{r.path[:60]:60} {r.kind:11} {r.raw:9,} {r.compressed:9,}")
    ok = view.compressed <= budget_kb * 1024 and not view.external
    print(f"{'TOTAL (' + str(len(view.resources)) + ' requests)':60} {'':11} {view.raw:9,} {view.compressed:9,}"
          f"   {view.compressed / 1024:.1f} KB of {budget_kb} KB: {'OK' if ok else 'OVER'}")
    for url in view.external:
        print(f"   EXTERNAL (blocked): {url}")
    for path in view.missing:
        print(f"   not found on the site: {path}")
    return ok


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("pages", nargs="*", help="page paths such as jadwal/ (default: home, schedule, a note, an article)")
    parser.add_argument("--site", type=Path, default=Path("site"), help="the built site (default: site/)")
    parser.add_argument("--budget", type=int, default=BUDGET_KB, help="KB compressed per first view")
    parser.add_argument("--chromium", default=CHROMIUM)
    parser.add_argument("--baseline", type=Path, help="another built site (the real one): the same pages measured "
                        "there too, and how much heavier each first view is here (bench/synthetic.py's copies)")
    args = parser.parse_args(argv)
    if not (args.site / "index.html").is_file():
        parser.error(f"no built site in {args.site}: run `mkdocs build` first")
    from playwright.sync_api import sync_playwright

    pages = args.pages or default_pages(args.site)
    if not any(p.startswith("artikel/") for p in pages):
        print("note: no article in this site yet: the article figure is pending")
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=args.chromium, args=CHROMIUM_ARGS)
        try:
            views = measure_site(browser, args.site, pages)
            baseline = measure_site(browser, args.baseline, pages) if args.baseline else None
        finally:
            browser.close()
    results = [report(view, args.budget) for view in views]
    if baseline:
        report_growth(baseline, views, args.baseline, args.site)
    return 0 if all(results) else 1


def measure_site(browser, site: Path, pages: list[str]) -> list[FirstView]:
    server = serve(site)
    try:
        return [measure(browser, f"http://127.0.0.1:{server.server_address[1]}/", site, p) for p in pages]
    finally:
        server.shutdown()


def report_growth(baseline: list[FirstView], views: list[FirstView], baseline_site: Path, site: Path) -> None:
    """Each first view here against the same page of the baseline site, measured in this run."""
    print(f"\n== growth: {site} against {baseline_site} (compressed)")
    print(f"{'page':50} {'baseline KB':>12} {'this KB':>9} {'ratio':>7}")
    for before, after in zip(baseline, views):
        print(f"{after.page[:50]:50} {before.compressed / 1024:12.1f} {after.compressed / 1024:9.1f} "
              f"{after.compressed / before.compressed:7.3f}")


if __name__ == "__main__":
    sys.exit(main())
