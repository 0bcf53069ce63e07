"""Browser checks: the session-built site served on 127.0.0.1, one headless Debian Chromium.

Playwright drives /usr/bin/chromium (installed by .ci/run with apt-get; Playwright's own
browser download is never used). Screenshots go to test-artifacts/screenshots/.
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import os
import shutil
import threading
from pathlib import Path

import pytest
from playwright import sync_api as playwright_api

# Debian's Chromium (installed by .ci/run); elsewhere (a laptop, GitHub's runner) the first of
# these that exists.
BROWSERS = ("/usr/bin/chromium", "chromium", "chromium-browser", "google-chrome")
CHROMIUM_FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--no-first-run", "--disable-sync",
]
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "screenshots"
PHONE = {"width": 360, "height": 800}
DESKTOP = {"width": 1280, "height": 900}

ARTICLE = "artikel/2013-12-22-mengapa-kami-berdiskusi/"

# One page of each type, as site paths.
PAGE_TYPES = {
    "beranda": "",
    "kerangka-acuan": "tor/",
    "jadwal": "jadwal/",
    "topik": "topik/",
    "catatan": "pertemuan/02-perlindungan-anak/",
    "daftar-catatan": "pertemuan/",
    "materi": "materi/uu-perlindungan-anak-2002/",
    "artikel": ARTICLE,
    "daftar-artikel": "artikel/",
    "perjalanan": "perjalanan/",
    "anggota": "anggota/",
    "panduan-menulis": "panduan-menulis/",
    "tulis-artikel": "tulis/",
    "tulis-catatan": "tulis-catatan/",
}


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):  # keep pytest's output clean
        pass


@contextlib.contextmanager
def served(directory: Path):
    """`directory` served on 127.0.0.1 (any free port): yields its address."""
    handler = functools.partial(QuietHandler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="session")
def base_url(site):
    """The built site, served for the whole session."""
    with served(site) as url:
        yield url


@pytest.fixture(scope="session")
def example_base_url(example_site):
    """The example group's site (tests/fixture/), served for the whole session."""
    with served(example_site) as url:
        yield url


REQUIRED = "KDA_BROWSER_TESTS"  # "wajib" (set by .ci/run): a missing tool fails instead of skipping


def missing_tool(message: str) -> None:
    """Under .ci/run a missing tool fails the run (it installs them); elsewhere the test skips."""
    if os.environ.get(REQUIRED) == "wajib":
        pytest.fail(message)
    pytest.skip(message)


def find_browser() -> str | None:
    return next((found for name in BROWSERS if (found := shutil.which(name))), None)


@pytest.fixture(scope="session")
def browser():
    executable = find_browser()
    if executable is None:
        missing_tool("Chromium tidak terpasang (Debian: apt-get install chromium); jalankan .ci/run")
    with playwright_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_FLAGS)
        yield browser
        browser.close()


@pytest.fixture
def new_page(browser, base_url):
    """new_page(viewport=PHONE, **context options) -> a fresh tab; closed after the test."""
    contexts = []

    def make(viewport=PHONE, **options):
        context = browser.new_context(viewport=viewport, base_url=base_url, **options)
        contexts.append(context)
        return context.new_page()

    yield make
    for context in contexts:
        context.close()


@pytest.fixture(scope="session")
def artifacts() -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return ARTIFACTS
