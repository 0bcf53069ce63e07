"""Site search: a Pagefind index of the built pages, written after the build.

Pagefind (the PyPI package ships its binary, so the build stays offline) stems Indonesian
with Snowball: "melindungi", "dilindungi" and "perlindungan" all meet at "lindung", which
Material's lunr search cannot do (it has no Indonesian stemmer). Its index is split into
chunks, so a reader downloads only the parts a query needs. The figures behind this choice
are in the README ("Search").

A reader may search the plain word for a term the TOR writes in English or with another word
("kelelahan" for "burn out", "kuorum" for "kuota"). The TOR links each such term to the Istilah
page with a title holding its expansion and plain words (data/istilah.yml, kata_lain), and marks
the link `data-pagefind-index-attrs="title"`: Pagefind indexes that title where the term stands,
so the query finds the TOR's own passage, not only the glossary. The words are the link's visible
tooltip and accessible description, not hidden text, and they live in one place, the data file.
"""

from __future__ import annotations

import asyncio
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from mkdocs.exceptions import PluginError
from pagefind.index import IndexConfig, PagefindIndex

from kda.paths import SEARCH_DIR

LANGUAGE = "id"  # every page is <html lang="id">; forcing it keeps one index if a page forgets

# Every page of the site is some/path/index.html (MkDocs' directory URLs); this leaves out
# 404.html, which is no search result.
PAGES = "{index.html,**/index.html}"

# What is not the page's own text: the header, the navigation, the table of contents, the
# footer, the headings' permalink signs and the "edit this page" button; the articles'
# excerpts on the blog's list pages (index, archive, category, author: the article itself is
# the result); the share block under notes and articles; the "tafsiran situs" marks (the same
# two words beside every text the site wrote: no page is about them); and whatever a template
# marks with Material's own `data-search-exclude` (the journey page's charts).
EXCLUDED = (
    ".md-header", ".md-tabs", ".md-sidebar", ".md-footer", ".md-skip", ".md-banner",
    ".headerlink", ".md-content__button", ".md-source-file", ".md-top", ".md-dialog",
    ".md-post--excerpt", ".kda-bagikan", ".kda-tafsiran", "[data-search-exclude]",
)


def index_config(site_dir: Path) -> IndexConfig:
    # An absolute output path: the index writes itself when the `async with` block ends, and a
    # relative one would land in the current directory, not in the site.
    return IndexConfig(root_selector="html", exclude_selectors=list(EXCLUDED),
                       force_language=LANGUAGE, output_path=str((site_dir / SEARCH_DIR).resolve()))


async def _write_index(site_dir: Path) -> int:
    async with PagefindIndex(config=index_config(site_dir)) as index:
        indexed = await index.add_directory(str(site_dir), glob=PAGES)
    return indexed["page_count"]


def write_index(site_dir: Path) -> int:
    """Index every page of the built site into site_dir/pagefind/; returns the page count."""
    try:
        # Pagefind's Python API is async. A thread of its own gives it a fresh event loop even
        # when the build runs inside one (a test session that drives a browser, for example).
        with ThreadPoolExecutor(max_workers=1) as pool:
            return pool.submit(asyncio.run, _write_index(site_dir)).result()
    except Exception as error:  # the binary failed: say so in Indonesian, stop the build
        raise PluginError(f"Indeks pencarian (Pagefind) gagal dibuat di {site_dir / SEARCH_DIR}: {error}") from None


def on_post_build(config):
    write_index(Path(config.site_dir))
