"""Browser checks: the session-built site served on 127.0.0.1, one headless Debian Chromium.

Playwright drives Debian's Chromium, its headless shell when installed (kda.tooling.chromium;
.ci/run installs it with apt-get; Playwright's own browser download is never used). Screenshots
go to test-artifacts/screenshots/.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from playwright import sync_api as playwright_api

from kda.tooling import chromium
from kda.tooling.server import QuietHandler, served  # noqa: F401  (the browser tests import them from here)

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "screenshots"
PHONE = {"width": 360, "height": 800}
DESKTOP = {"width": 1280, "height": 900}

def first_of(folder: Path, pattern: str, site_folder: str) -> str:
    """The site path of the first page in `folder` (of the real project), to stand for its type."""
    return next((f"{site_folder}/{p.stem}/" for p in sorted(folder.glob(pattern)) if p.name != "index.md"), "")


ROOT = Path(__file__).resolve().parents[2]
NOTES, MATERIALS, POSTS = (ROOT / "docs" / name for name in ("pertemuan", "materi", "artikel/posts"))

# One page of each type, as site paths: a note, a material and an article of the real site, the
# first there are (a type with none yet is left out: it is checked on the example group).
PAGE_TYPES = {name: path for name, path in {
    "beranda": "",
    "kerangka-acuan": "tor/",
    "jadwal": "jadwal/",
    "topik": "topik/",
    "catatan": first_of(NOTES, "[0-9][0-9]-*.md", "pertemuan"),
    "daftar-catatan": "pertemuan/",
    "materi": first_of(MATERIALS, "*.md", "materi"),
    "artikel": first_of(POSTS, "*.md", "artikel"),
    "daftar-artikel": "artikel/",
    "perjalanan": "perjalanan/",
    "anggota": "anggota/",
    "panduan-menulis": "panduan-menulis/",
    "tulis-artikel": "tulis/",
    "tulis-catatan": "tulis-catatan/",
}.items() if path or name == "beranda"}


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


@pytest.fixture(scope="session")
def browser():
    executable = chromium.find()
    if executable is None:
        missing_tool("Chromium tidak terpasang (Debian: apt-get install chromium-headless-shell); jalankan .ci/run")
    with playwright_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=list(chromium.FLAGS))
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


@contextmanager
def tabs_by_scheme(browser, base_url: str, init_script: str | None = None) -> Iterator[Callable[[str], object]]:
    """tabs(scheme) -> one phone tab in that colour scheme ("light", "dark"), opened when first asked
    for and kept for a module's tests (a new context cost 0.3 s of CPU, its first page 0.5 s more);
    `init_script` runs in every page it loads."""
    opened = {}

    def tab(scheme: str):
        if scheme not in opened:
            context = browser.new_context(viewport=PHONE, base_url=base_url, color_scheme=scheme)
            if init_script:
                context.add_init_script(script=init_script)
            opened[scheme] = context.new_page()
        return opened[scheme]

    try:
        yield tab
    finally:
        for page in opened.values():
            page.context.close()


@pytest.fixture(scope="session")
def artifacts() -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return ARTIFACTS


# Chromium now and then refuses one capture with this message and takes the same picture when asked
# again (seen here once in about 700 captures, after a resize; MarketSquare/robotframework-browser#5237
# tells the same of other machines): a transient refusal, asked again, never a finding about the site.
CAPTURE_REFUSED = "Unable to capture screenshot"
CAPTURE_ATTEMPTS = 3


def save_screenshot(tab, target: Path, full_page: bool = False) -> Path:
    """The tab's picture in `target` (PNG), asked again when Chromium refuses a capture."""
    for attempt in range(1, CAPTURE_ATTEMPTS):
        try:
            tab.screenshot(path=str(target), full_page=full_page)
            return target
        except playwright_api.Error as error:
            if CAPTURE_REFUSED not in str(error):
                raise
            tab.wait_for_timeout(100 * attempt)
    tab.screenshot(path=str(target), full_page=full_page)  # the last time: a refusal now is the test's error
    return target
