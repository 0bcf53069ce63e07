"""Each page links only the stylesheets and scripts it uses (kda.views.assets): the print stylesheet
as media="print" (no screen waits for it), the gallery and response styles where a photo gallery or
a response box is shown, the script that loads Giscus where the response box has its button."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from kda.views import assets

from conftest import ROOT
from contoh import NOTE


def built_pages(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("*.html") if "pagefind" not in p.relative_to(site).parts)


def linked(soup: BeautifulSoup, path: str, tag: str = "link") -> list:
    if tag == "link":
        return [link for link in soup.select('link[rel="stylesheet"]') if link["href"].endswith(path)]
    return [script for script in soup.select("script[src]") if script["src"].endswith(path)]


def is_redirect(soup: BeautifulSoup) -> bool:
    return soup.select_one('meta[http-equiv="refresh"]') is not None


@pytest.mark.build
@pytest.mark.parametrize("which", ["site", "example_site"])
def test_each_page_links_what_it_uses_and_nothing_else(request, which):
    site = request.getfixturevalue(which)
    uses = {"gallery or responses": 0, "giscus": 0}
    for path in built_pages(site):
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "lxml")
        if is_redirect(soup) or path.name == "404.html":
            continue
        label = path.relative_to(site).as_posix()
        sheets = linked(soup, assets.PRINT_CSS)
        assert [s.get("media") for s in sheets] == ["print"], label
        shows = bool(soup.select(".kda-galeri, .kda-tanggapan"))
        assert bool(linked(soup, assets.GALLERY_RESPONSES_CSS)) == shows, label
        button = bool(soup.select(".kda-tanggapan__tombol"))
        assert bool(linked(soup, assets.RESPONSES_JS, "script")) == button, label
        uses["gallery or responses"] += shows
        uses["giscus"] += button
    if which == "example_site":  # the example project shows both, so the check above is not empty
        assert uses["gallery or responses"] and uses["giscus"]


def test_the_example_note_with_a_gallery_and_responses_links_both(example_page):
    note = example_page(f"{NOTE}/")
    assert note.select_one(".kda-galeri") and note.select_one(".kda-tanggapan__tombol")
    assert linked(note, assets.GALLERY_RESPONSES_CSS) and linked(note, assets.RESPONSES_JS, "script")


def test_mkdocs_yml_does_not_link_them_on_every_page():
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8").replace("!!python", "#"))
    every_page = [str(item) if isinstance(item, str) else item.get("path") for item in
                  config.get("extra_css", []) + config.get("extra_javascript", [])]
    assert not set(every_page) & set(assets.FILES)
    for name in assets.FILES:
        assert (ROOT / "docs" / name).is_file(), name


@pytest.mark.parametrize(("gallery", "responses", "sheets", "scripts"), [
    (False, None, [(assets.PRINT_CSS, "print")], []),
    (True, None, [(assets.PRINT_CSS, "print"), (assets.GALLERY_RESPONSES_CSS, "")], []),
    (False, {"giscus": None, "whatsapp": "https://wa.me/62", "email": ""},
     [(assets.PRINT_CSS, "print"), (assets.GALLERY_RESPONSES_CSS, "")], []),
    (False, {"giscus": {"repo": "a/b"}, "whatsapp": "", "email": ""},
     [(assets.PRINT_CSS, "print"), (assets.GALLERY_RESPONSES_CSS, "")], [assets.RESPONSES_JS]),
])
def test_for_page(gallery, responses, sheets, scripts):
    chosen = assets.for_page(gallery, responses)
    assert [(s.path, s.media) for s in chosen.stylesheets] == sheets
    assert list(chosen.scripts) == scripts
