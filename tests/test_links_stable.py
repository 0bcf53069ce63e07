"""Stable links: every URL the site has published (tests/published-urls.txt, refreshed at each
release by scripts/release_urls.py) still opens a page, directly or through a redirect left
at the old address of a moved page (mkdocs.yml, redirects: redirect_maps)."""

from __future__ import annotations

import posixpath
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from conftest import ROOT, copy_project, run_cli_build, text_of

sys.path.insert(0, str(ROOT / "scripts"))
from release_urls import URL_LIST, read_list

MAX_HOPS = 3


def served_file(site: Path, url: str) -> Path:
    return site / url / "index.html" if url == "" or url.endswith("/") else site / url


def redirect_target(page: Path) -> str | None:
    if page.suffix != ".html":
        return None
    refresh = BeautifulSoup(page.read_bytes(), "lxml").find("meta", attrs={"http-equiv": "refresh"})
    if refresh is None:
        return None
    return refresh["content"].split("url=", 1)[1]


def resolve(site: Path, url: str) -> Path | None:
    """The file that finally serves `url` in the built site (following redirect pages), or None."""
    for _ in range(MAX_HOPS):
        page = served_file(site, url)
        if not page.is_file():
            return None
        target = redirect_target(page)
        if target is None:
            return page
        base = url if url == "" or url.endswith("/") else posixpath.dirname(url) + "/"
        url = posixpath.normpath(posixpath.join(base, target)) + ("/" if target.endswith("/") else "")
        url = "" if url == "./" else url
    return None


def test_the_list_of_published_urls_is_there():
    urls = read_list(URL_LIST)
    assert "" in urls and "jadwal/" in urls
    assert len(urls) == len(set(urls))


@pytest.mark.parametrize("url", read_list(URL_LIST))
def test_every_published_url_still_opens_a_page(site, url):
    assert resolve(site, url) is not None, (
        f"{url or '(beranda)'} was published and no longer resolves: add the moved page to "
        "redirect_maps in mkdocs.yml")


def test_a_url_that_was_never_redirected_is_reported(site):
    assert resolve(site, "halaman-lama/") is None
    assert resolve(site, "jadwal/") == site / "jadwal" / "index.html"


@pytest.mark.build
def test_a_moved_page_keeps_its_old_address_with_an_indonesian_redirect(tmp_path):
    project = copy_project(tmp_path / "project")
    notes = project / "docs" / "pertemuan"
    (notes / "02-perlindungan-anak.md").rename(notes / "02-sistem-perlindungan-anak.md")
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert "      redirect_maps:\n" in text
    config.write_text(text.replace(
        "      redirect_maps:\n",
        "      redirect_maps:\n        pertemuan/02-perlindungan-anak.md: pertemuan/02-sistem-perlindungan-anak.md\n"),
        encoding="utf-8")
    result = run_cli_build(project)
    assert result.returncode == 0, result.stderr
    site = project / "site"

    assert resolve(site, "pertemuan/02-perlindungan-anak/") == site / "pertemuan/02-sistem-perlindungan-anak/index.html"
    old = BeautifulSoup((site / "pertemuan/02-perlindungan-anak/index.html").read_bytes(), "lxml")
    assert old.html["lang"] == "id"
    assert old.title.string == "Halaman ini sudah pindah"
    assert "Halaman ini sudah pindah." in text_of(old.body)
    assert "redirected" not in str(old)
    assert old.body.a["href"] == "../02-sistem-perlindungan-anak/"
    new_url = "https://kelompok-diskusi-bandung.github.io/situs/pertemuan/02-sistem-perlindungan-anak/"
    assert old.find("link", rel="canonical")["href"] == new_url
    # A link shared before the move still previews (WhatsApp reads the old page, runs no script).
    new = BeautifulSoup((site / "pertemuan/02-sistem-perlindungan-anak/index.html").read_bytes(), "lxml")
    for key in ("og:title", "og:description", "og:image", "og:url"):
        assert old.find("meta", property=key)["content"] == new.find("meta", property=key)["content"], key
    assert old.find("meta", property="og:url")["content"] == new_url
    assert old.find("meta", attrs={"name": "robots"})["content"] == "noindex"
