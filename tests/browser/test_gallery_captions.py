"""In Chromium: opening a gallery photo shows its caption as text, on a desktop and on a phone.

GLightbox puts a photo's description into the page with innerHTML, and on phones shortens it by
reading it back as text and writing it again: a caption that is HTML (`<img onerror=...>`) or a
CSS selector (`.md-header`) must arrive as those very characters, run nothing and fetch nothing.
The project is the hostile-images copy of tests/test_safety_images.py.
"""

from __future__ import annotations

import pytest
from test_safety_images import HOSTILE_CAPTION, SELECTOR_CAPTION, hostile_images

from kda.tooling.server import served

from conftest import build_site, copy_project, environment

MOBILE = ("Mozilla/5.0 (Linux; Android 13; Pixel 7) AppleWebKit/537.36 (KHTML, like Gecko) "
          "Chrome/120.0 Mobile Safari/537.36")


@pytest.fixture(scope="module")
def gallery_url(tmp_path_factory):
    project = hostile_images(copy_project(tmp_path_factory.mktemp("keterangan") / "project"))
    with environment(KDA_TANPA_PDF="1"):
        site = build_site(project, project / "site")
    with served(site) as url:
        yield f"{url}pertemuan/02-perlindungan-anak/"


@pytest.mark.parametrize("device", ["desktop", "phone"])
def test_opening_a_photo_runs_no_caption_and_shows_it_as_text(browser, gallery_url, device):
    options = ({"user_agent": MOBILE, "is_mobile": True, "viewport": {"width": 360, "height": 800}}
               if device == "phone" else {"viewport": {"width": 1280, "height": 900}})
    context = browser.new_context(**options)
    dialogs, foreign = [], []
    context.route("**/*", lambda route: route.continue_() if route.request.url.startswith("http://127.0.0.1")
                  else (foreign.append(route.request.url), route.abort()))
    try:
        page = context.new_page()
        page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
        page.goto(gallery_url)
        title = page.title()
        descriptions = []
        for index in range(2):
            page.locator("a.glightbox").nth(index).click()
            page.wait_for_selector(".glightbox-container .gslide.current .gslide-desc", timeout=10_000)
            page.wait_for_timeout(500)
            current = page.locator(".glightbox-container .gslide.current .gslide-desc")
            descriptions.append(current.inner_text())
            assert current.locator("img, a.desc-more").count() == 0
            page.keyboard.press("Escape")
            page.wait_for_timeout(500)
        assert page.title() == title
    finally:
        context.close()
    assert dialogs == [] and foreign == []
    assert descriptions == [HOSTILE_CAPTION, SELECTOR_CAPTION]
