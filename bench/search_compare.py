"""Compare the site's search engines in a real browser: what they find, what they cost.

For each engine (Material's built-in lunr search as the theme sets it up, Material's search
tuned with lunr's English stemmer, and Pagefind as this site uses it), the script builds a
copy of the site, serves it on 127.0.0.1, and in headless Debian Chromium
  1. types every query of tests/search_queries.yml into the header search box and checks
     that the pages each must find are among the first 10 results (real site only);
  2. records every file the browser fetches for search, from opening the home page to the
     first results of "melindungi", on the real site and on a synthetic site of 1,000
     articles (bench/synthetic_site.py): bytes as stored, and gzip-compressed as a web
     server would send text files (Pagefind's index files are already compressed).

    python3 bench/search_compare.py            # real + 1,000 articles (a few minutes)
    python3 bench/search_compare.py --articles 0   # real site only
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import io
import sys
import tempfile
import threading
import time
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit

import yaml
from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "bench"))
from synthetic_site import make_synthetic_project

from kda.tooling import chromium
from kda.tooling.chromium import FLAGS as CHROMIUM_FLAGS
from kda.tooling.project import build_site, copy_project

FIRST_QUERY = "melindungi"
SEARCH_FILES = ("/search/search_index", "/workers/search", "/lunr/", "/pagefind/", "/kda-search.js")
RESULT_WORDS = ("ditemukan", "Tidak ada")

# Material's search plugin as the theme sets it up (language "id" falls back to lunr's
# English with the pipeline off, so "(PKSA)." stays one token), then tuned as far as its
# options go: Material's recommended separator (splits on punctuation) with lunr's trimmer,
# and the same with lunr's English stemmer and stop words (lunr has no Indonesian stemmer).
SEPARATOR = r"""'[\s\-,:!=\[\]()"`/]+|\.(?!\d)'"""
ENGINES = {
    "material": "  - search\n",
    "material-tuned": f"  - search:\n      separator: {SEPARATOR}\n      pipeline: [trimmer]\n",
    "material-tuned+en": f"  - search:\n      lang: en\n      separator: {SEPARATOR}\n"
                         "      pipeline: [stemmer, stopWordFilter, trimmer]\n",
    "pagefind": None,
}


def use_engine(project: Path, engine: str) -> None:
    plugin = ENGINES[engine]
    if plugin is None:
        return
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert "plugins:\n" in text and "  - hooks/search_hooks.py\n" in text, "mkdocs.yml: unexpected shape"
    text = text.replace("plugins:\n", "plugins:\n" + plugin, 1).replace("  - hooks/search_hooks.py\n", "")
    config.write_text(text, encoding="utf-8")


COMPRESSIBLE = (".html", ".css", ".js", ".json", ".xml", ".svg", ".txt")


class StaticHandler(http.server.SimpleHTTPRequestHandler):
    """Serves the site as a static host does (GitHub Pages): text files gzip-compressed when the
    browser accepts it, cached for 10 minutes. Python's own server sends neither."""

    def log_message(self, *args):
        pass

    def end_headers(self):
        self.send_header("Cache-Control", "max-age=600")
        super().end_headers()

    def send_head(self):
        url_path = self.path.split("?")[0].split("#")[0]
        path = Path(self.translate_path(self.path))
        if path.is_dir() and url_path.endswith("/"):
            path = path / "index.html"
        if (not path.is_file() or path.suffix not in COMPRESSIBLE
                or "gzip" not in self.headers.get("Accept-Encoding", "")):
            return super().send_head()  # binary files, folders without "/" (redirect), 404
        body = gzip.compress(path.read_bytes(), 6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)


@contextmanager
def serve(site: Path):
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(StaticHandler, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def wait_for_results(page) -> None:
    page.wait_for_function(
        "words => words.some(w => (document.querySelector('.md-search-result__meta')?.textContent || '').includes(w))",
        arg=list(RESULT_WORDS), timeout=15000)
    page.wait_for_timeout(350)  # let a debounced or batched render settle


def result_paths(page) -> list[str]:
    hrefs = page.eval_on_selector_all(".md-search-result__item > a:first-child", "links => links.map(a => a.href)")
    return [urlsplit(h).path.lstrip("/") for h in hrefs][:10]


def ask(page, query: str) -> list[str]:
    box = page.locator(".md-search__input")
    box.fill("")
    page.wait_for_timeout(150)
    box.press_sequentially(query, delay=20)
    wait_for_results(page)
    return result_paths(page)


def first_search(browser, base_url: str, site: Path) -> dict:
    """Open the home page, search FIRST_QUERY; sizes of the search files fetched."""
    context = browser.new_context(viewport={"width": 360, "height": 800})
    page = context.new_page()
    fetched: list[tuple[str, str]] = []
    page.on("requestfinished", lambda request: fetched.append((urlsplit(request.url).path, "load")))
    page.goto(base_url, wait_until="networkidle")
    on_load = len(fetched)
    page.keyboard.press("/")
    page.locator(".md-search__input").press_sequentially(FIRST_QUERY, delay=20)
    wait_for_results(page)
    context.close()
    files = [path for path, _ in fetched if any(part in path for part in SEARCH_FILES)]
    loaded = {path for path, _ in fetched[:on_load] if any(part in path for part in SEARCH_FILES)}
    raw = gz = 0
    for path in files:
        data = (site / path.lstrip("/")).read_bytes()
        raw += len(data)
        gz += min(len(data), len(gzip.compress(data, 6)))
    return {"files": len(files), "raw": raw, "gzip": gz, "on_page_load": len(loaded)}


def recall(browser, base_url: str, queries: list[dict]) -> list[tuple[str, list[str]]]:
    """Each query with the expected pages it did not find (empty: found them all)."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(base_url + "tor/", wait_until="networkidle")
    page.locator(".md-search__input").click()
    misses = []
    for item in queries:
        found = ask(page, item["query"])
        misses.append((item["query"], [p for p in item["pages"] if p not in found]))
    context.close()
    return misses


def build_variant(engine: str, articles: int, workdir: Path) -> Path:
    folder = workdir / f"{engine}-{articles}"
    project = make_synthetic_project(folder, articles) if articles else copy_project(folder, content=None)
    use_engine(project, engine)
    started = time.perf_counter()
    build_site(project, project / "site")
    print(f"  built {engine} ({articles} extra articles) in {time.perf_counter() - started:.1f} s", flush=True)
    return project / "site"


def kib(n: int) -> str:
    return f"{n / 1024:,.1f} KiB"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=1000, help="synthetic articles (0: real site only)")
    parser.add_argument("--engines", nargs="+", choices=list(ENGINES), default=list(ENGINES))
    args = parser.parse_args()
    queries = yaml.safe_load((ROOT / "tests" / "search_queries.yml").read_text(encoding="utf-8"))
    sizes: dict[tuple[str, int], dict] = {}
    scores: dict[str, list] = {}
    with tempfile.TemporaryDirectory(prefix="kda-search-bench-") as tmp, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium.find(), args=CHROMIUM_FLAGS)
        for engine in args.engines:
            for articles in sorted({0, args.articles}):
                site = build_variant(engine, articles, Path(tmp))
                with serve(site) as base_url:
                    sizes[engine, articles] = first_search(browser, base_url, site)
                    if articles == 0:
                        scores[engine] = recall(browser, base_url, queries)
        browser.close()

    print(f"\nQuery set: {len(queries)} queries (tests/search_queries.yml); found = every expected page in the first 10")
    for engine, misses in scores.items():
        ok = sum(1 for _, missing in misses if not missing)
        print(f"  {engine:22} {ok:2d}/{len(misses)} queries found")
        for query, missing in misses:
            if missing:
                print(f"      {query!r}: missing {', '.join(p or '(beranda)' for p in missing)}")
    print(f'\nFirst search ("{FIRST_QUERY}" from the home page): files and bytes fetched for search')
    print(f"  {'engine':22} {'site':>14} {'files':>5} {'stored':>12} {'gzip':>12}  on page load")
    for (engine, articles), s in sizes.items():
        label = "real" if articles == 0 else f"+{articles} articles"
        load = f"{s['on_page_load']} file(s) before any search" if s["on_page_load"] else "none"
        print(f"  {engine:22} {label:>14} {s['files']:5d} {kib(s['raw']):>12} {kib(s['gzip']):>12}  {load}")


if __name__ == "__main__":
    main()
