"""Site search: a Pagefind index of the built pages, written after the build.

Pagefind (the PyPI package ships its binary, so the build stays offline) stems Indonesian
with Snowball: "melindungi", "dilindungi" and "perlindungan" all meet at "lindung", which
Material's lunr search cannot do (it has no Indonesian stemmer). Its index is split into
chunks, so a reader downloads only the parts a query needs. The figures behind this choice
are in ARCHITECTURE.md ("Search") and bench/README.md.

A reader may search the plain word for a term the TOR writes in English or with another word
("kelelahan" for "burn out", "kuorum" for "kuota"). The TOR links each such term to the Istilah
page with a title holding its expansion and plain words (data/istilah.yml, kata_lain), and marks
the link `data-pagefind-index-attrs="title"`: Pagefind indexes that title where the term stands,
so the query finds the TOR's own passage, not only the glossary. The words are the link's visible
tooltip and accessible description, not hidden text, and they live in one place, the data file.
"""

from __future__ import annotations

import json
import subprocess
import tempfile
from pathlib import Path

import pagefind_bin
from mkdocs.exceptions import PluginError

from kda.paths import SEARCH_DIR
from kda.settings import environment_without

LANGUAGE = "id"  # every page is <html lang="id">; forcing it keeps one index if a page forgets

# Every page of the site is some/path/index.html (MkDocs' directory URLs); this leaves out
# 404.html, which is no search result.
PAGES = "{index.html,**/index.html}"

# Pagefind also reads its settings from PAGEFIND_* variables and from a pagefind.json, .yml,
# .yaml or .toml in its working directory. The build's settings are the ones above: the command
# runs with neither (in an empty folder of its own), so nothing a member places in docs/ or the
# shell can move the index elsewhere or change what it reads.
PAGEFIND_VARIABLES = "PAGEFIND_"
INDEX_TIMEOUT_S = 600  # the real site takes a few seconds; this only stops a hung binary

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


def index_command(site_dir: Path) -> list[str]:
    """The Pagefind command that indexes site_dir's pages into site_dir/pagefind/."""
    command = [str(pagefind_bin.get_executable()), "--site", str(site_dir.resolve()),
               "--output-path", str((site_dir / SEARCH_DIR).resolve()), "--glob", PAGES,
               "--root-selector", "html", "--force-language", LANGUAGE, "--quiet"]
    for selector in EXCLUDED:
        command += ["--exclude-selectors", selector]
    return command


def _page_count(site_dir: Path) -> int:
    entry_file = site_dir / SEARCH_DIR / "pagefind-entry.json"
    try:
        entry = json.loads(entry_file.read_text(encoding="utf-8"))
        return sum(language["page_count"] for language in entry["languages"].values())
    except (OSError, ValueError, KeyError, TypeError) as error:
        raise PluginError(f"Indeks pencarian (Pagefind) tidak lengkap: {entry_file} tidak terbaca ({error}). "
                          "Bangun ulang situsnya; bila terulang, laporkan ke pengelola situs.") from None


def write_index(site_dir: Path) -> int:
    """Index every page of the built site into site_dir/pagefind/; returns the page count.

    Pagefind's own command, not its Python API: the API's service process is stopped with
    SIGTERM as soon as it answers "written", and Pagefind 1.5 answers before its asynchronous
    file writes have finished, so under load the last file (pagefind-entry.json) was left empty.
    The command finishes its writes before it exits, and its exit status says whether it worked.
    """
    with tempfile.TemporaryDirectory(prefix="kda-pagefind-") as workdir:
        try:
            result = subprocess.run(index_command(site_dir), cwd=workdir, env=environment_without(PAGEFIND_VARIABLES),
                                    capture_output=True, text=True, timeout=INDEX_TIMEOUT_S, check=False)
        except (OSError, subprocess.SubprocessError) as error:
            raise PluginError(f"Indeks pencarian (Pagefind) gagal dibuat di {site_dir / SEARCH_DIR}: {error}") from None
    if result.returncode != 0:
        output = (result.stderr or result.stdout).strip()
        raise PluginError(f"Indeks pencarian (Pagefind) gagal dibuat di {site_dir / SEARCH_DIR} "
                          f"(kode keluar {result.returncode}): {output}")
    return _page_count(site_dir)


def on_post_build(config):
    write_index(Path(config.site_dir))
