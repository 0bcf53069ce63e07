"""Member content (notes, materials, articles) uses only Markdown and the extensions the site
configures, so it survives a change of engine. Generated parts live in maintainer templates.
Checked on the built pages: any syntax left unprocessed outside code is a construct the site
does not support (Jinja, or an extension that is not configured)."""

from __future__ import annotations

import re

import pytest
from bs4 import BeautifulSoup
from mkdocs.config import load_config

from conftest import ROOT, build_site, copy_project

# Syntax of constructs that are not part of the site's Markdown: if it shows up as text in a
# member page, the page uses something the engine did not process.
FOREIGN = {
    "Jinja": re.compile(r"\{\{|\{%|\{#"),
    "pymdownx.tabbed (tidak dipakai situs ini)": re.compile(r'^=== "', re.M),
    "pymdownx.snippets (tidak dipakai situs ini)": re.compile(r"--8<--"),
    "pymdownx.blocks (tidak dipakai situs ini)": re.compile(r"^/// ", re.M),
    "admonition yang tidak terbaca": re.compile(r"^(!!!|\?\?\?\+?) ", re.M),
    "pymdownx.critic / mark (tidak dipakai situs ini)": re.compile(r"\{\+\+|\{--|==[^=\s][^=]*==(?!=)"),
    "pymdownx.emoji (tidak dipakai situs ini)": re.compile(r":material-[a-z-]+:|:octicons-[a-z0-9-]+:"),
}


def maintainer_pages(project) -> set[str]:
    """The pages the maintainers own: exactly those the macros plugin renders (mkdocs.yml)."""
    config = load_config(str(project / "mkdocs.yml"))
    return set(config.plugins["macros"].config["force_render_paths"].split())


def built_pages_by_source(site) -> dict[str, object]:
    """Each built page by the source file it came from, read from its "edit this page" link
    (Material writes edit_uri + the page's path in docs/): articles are published at addresses
    of the blog's own making, so the address cannot be derived from the file name."""
    pages = {}
    for html in site.rglob("*.html"):
        soup = BeautifulSoup(html.read_text(encoding="utf-8"), "lxml")
        edit = soup.select_one('a.md-content__button[rel="edit"]')
        if edit and "/docs/" in edit["href"]:
            pages[edit["href"].split("/docs/", 1)[1]] = soup
    return pages


def member_page_problems(site, project) -> list[str]:
    maintainers = maintainer_pages(project)
    built = built_pages_by_source(site)
    problems = []
    for md in sorted((project / "docs").rglob("*.md")):
        rel = md.relative_to(project / "docs").as_posix()
        if rel in maintainers or any(part.startswith(".") for part in md.relative_to(project).parts):
            continue
        if rel not in built:  # e.g. a draft the site does not publish
            continue
        article = built[rel].select_one("article")
        for code in article.select("pre, code"):
            code.decompose()
        text = article.get_text("\n")
        for name, pattern in FOREIGN.items():
            if pattern.search(text):
                problems.append(f"docs/{rel}: {name}")
    return problems


def test_every_published_member_page_is_checked(site):
    built = built_pages_by_source(site)
    assert "artikel/posts/2013-12-22-mengapa-kami-berdiskusi.md" in built
    assert "pertemuan/02-perlindungan-anak.md" in built


def test_member_content_uses_only_the_configured_markdown(site):
    assert member_page_problems(site, ROOT) == []


@pytest.mark.build
def test_the_check_catches_foreign_constructs(tmp_path):
    project = copy_project(tmp_path / "project")
    note = project / "docs" / "pertemuan" / "02-perlindungan-anak.md"
    note.write_text(note.read_text(encoding="utf-8")
                    + '\n=== "Tab"\n\n    isi\n\nHasil: {{ anggota | length }}\n\n`{{ ini kode }}`\n', encoding="utf-8")
    site = build_site(project, tmp_path / "site")
    problems = member_page_problems(site, project)
    assert problems == ["docs/pertemuan/02-perlindungan-anak.md: Jinja",
                        "docs/pertemuan/02-perlindungan-anak.md: pymdownx.tabbed (tidak dipakai situs ini)"]
