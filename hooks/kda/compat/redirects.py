"""mkdocs-redirects 1.2.2 (pinned in requirements.txt): the internals `kda.views.redirects` uses.

The plugin keeps, between its `on_files` and its `on_post_build`, the pages a redirect may point to
(`doc_pages`) and writes a fixed English page at each old address; the site adds the blog's pages
to the first and rewrites the second in Indonesian (`kda.views.redirects`).
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterator

from mkdocs_redirects.plugin import get_html_path

PLUGIN = "redirects"  # the plugin's name in mkdocs.yml
# The plugin's page (its HTML_TEMPLATE) names its target in this one element.
CANONICAL = re.compile(r'<link rel="canonical" href="([^"]*)">')


def plugin(config):
    """The redirects plugin of this build, or None when mkdocs.yml does not list it."""
    return config.plugins.get(PLUGIN)


def know_pages(config, files) -> None:
    """Add the documentation pages of `files` to those a redirect may point to.

    The plugin lists them in its `on_files`, in the attribute `doc_pages` (a dict by source path),
    and reads that dict again in its `on_post_build`; pages added by a later `on_files` (the blog's)
    are otherwise unknown to it. The blog marks its pages excluded until its on_nav, hence every
    documentation file, not `files.documentation_pages()` (mkdocs-redirects 1.2.2)."""
    redirects = plugin(config)
    if redirects is not None and hasattr(redirects, "doc_pages"):
        for file in (f for f in files if f.is_documentation_page()):
            redirects.doc_pages.setdefault(file.src_uri, file)


def leave_out(config, targets: Collection[str]) -> list[str]:
    """Leave out of this build each redirect whose target (a page of docs/, without its #anchor) is
    one of `targets` and not among the pages the plugin knows; return the old pages left out.

    The plugin copies `redirect_maps` to the attribute `redirects` in its `on_files` and writes one
    page for each entry of that dict in its `on_post_build`, warning (so `--strict` fails) for a
    target missing from `doc_pages`; a new dict there leaves mkdocs.yml's own untouched
    (mkdocs-redirects 1.2.2)."""
    redirects = plugin(config)
    if redirects is None or not hasattr(redirects, "redirects") or not hasattr(redirects, "doc_pages"):
        return []
    kept, left_out = {}, []
    for old_page, new_page in redirects.redirects.items():
        target = str(new_page).partition("#")[0]
        if target in targets and target not in redirects.doc_pages:
            left_out.append(old_page)
        else:
            kept[old_page] = new_page
    redirects.redirects = kept
    return left_out


def written_pages(config) -> Iterator[str]:
    """The path in the site of each page the plugin writes (one per entry of `redirect_maps`).

    `get_html_path` is the plugin's own module function (not a documented API) that computes it
    (mkdocs-redirects 1.2.2)."""
    redirects = plugin(config)
    if redirects is None:
        return
    for old_page in redirects.config["redirect_maps"]:
        yield get_html_path(old_page, config.use_directory_urls)


def target_of(html: str) -> str | None:
    """The target address the plugin wrote into its page: the `<link rel="canonical" href="...">` of its
    `HTML_TEMPLATE` (mkdocs-redirects 1.2.2); None when the page has none."""
    match = CANONICAL.search(html)
    return match[1] if match else None
