"""Indonesian pages at the old addresses of moved pages.

mkdocs-redirects writes, for each entry of `redirect_maps` (mkdocs.yml), a small page at the
old address that sends the reader on to the new one. Its text is English and fixed in the
plugin's code, so after it has run (`on_post_build`, the hooks run after the plugins) each
of those pages is written again from `docs/.templates/pengalihan.html.j2`, with the target
the plugin computed (read back from its canonical link) and the target page's own canonical
address and link-preview tags. The plugin keeps doing the rest: checking that each target
exists (a warning, so `--strict` fails) and computing the path. A redirect whose target is
published only after the build date (`KDA_TODAY`) is left out of that build.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

import lxml.html
from jinja2 import Environment

from kda.compat import redirects as redirects_plugin

TEMPLATE = "pengalihan.html.j2"
PREVIEW_PREFIXES = ("og:", "twitter:", "description")  # the target's head tags a redirect page repeats


def know_generated_pages(files, config) -> None:
    """Let redirects point at pages the blog plugin makes (its yearly archive, categories).

    mkdocs-redirects lists the pages a redirect may point to in its on_files, which runs before
    the blog plugin's (priority -50) has added those pages; called after it, this adds them.
    """
    redirects_plugin.know_pages(config, files)


def leave_out_redirects_to_later_pages(config, later_pages: frozenset[str]) -> list[str]:
    """Leave out of this build the redirects whose target is published only after the build date
    (a post dated later, or the archive, category or author page its publication makes): on that day
    the old address did not exist yet either. A target missing for any other reason still fails the
    build. Returns the old pages left out."""
    return redirects_plugin.leave_out(config, later_pages)


def rewrite_redirect_pages(config, env: Environment) -> list[str]:
    """Rewrite every redirect page the plugin wrote; return their paths (for tests)."""
    pages = list(redirects_plugin.written_pages(config))
    if not pages:
        return []
    template = env.get_template(TEMPLATE)
    site = Path(config.site_dir)
    written = []
    for page in pages:
        path = site / page
        if not path.is_file():  # the plugin skipped it (and warned: unknown target)
            continue
        url = redirects_plugin.target_of(path.read_text(encoding="utf-8"))
        if url is not None:
            canonical, previews = _target_head(path, url)
            path.write_text(template.render(url=url, canonical=canonical, previews=previews), encoding="utf-8")
            written.append(path.as_posix())
    return written


def _target_head(redirect_page: Path, url: str) -> tuple[str | None, list[str]]:
    """The target page's canonical address and link-preview tags (Open Graph, Twitter, description).

    A link shared before the page moved is still shared: WhatsApp's preview reads the old page
    and follows no script or refresh, so the old page carries the new page's preview.
    """
    target = (redirect_page.parent / urlsplit(url).path).resolve()
    if target.is_dir() or url.endswith("/"):
        target = target / "index.html"
    if not target.is_file():
        return None, []
    head = lxml.html.parse(str(target)).find("head")
    if head is None:
        return None, []
    canonical = head.find('link[@rel="canonical"]')
    previews = [lxml.html.tostring(tag, encoding="unicode").strip() for tag in head.iter("meta")
                if (tag.get("property") or tag.get("name") or "").startswith(PREVIEW_PREFIXES)]
    return (canonical.get("href") if canonical is not None else None), previews
