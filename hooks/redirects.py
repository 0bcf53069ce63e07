"""Indonesian pages at the old addresses of moved pages.

mkdocs-redirects writes, for each entry of `redirect_maps` (mkdocs.yml), a small page at the
old address that sends the reader on to the new one. Its text is English and fixed in the
plugin's code, so after it has run (`on_post_build`, the hooks run after the plugins) each
of those pages is written again from `docs/.templates/pengalihan.html.j2`, with the target
the plugin computed (read back from its canonical link). The plugin keeps doing the rest:
checking that each target exists (a warning, so `--strict` fails) and computing the path.
"""

from __future__ import annotations

import re
from pathlib import Path

from jinja2 import Environment
from mkdocs_redirects.plugin import get_html_path

TEMPLATE = "pengalihan.html.j2"
# mkdocs-redirects' page (pinned version 1.2.3) names its target in this one element.
CANONICAL = re.compile(r'<link rel="canonical" href="([^"]*)">')


def rewrite_redirect_pages(config, env: Environment) -> list[str]:
    """Rewrite every redirect page the plugin wrote; return their paths (for tests)."""
    plugin = config.plugins.get("redirects")
    if plugin is None:
        return []
    template = env.get_template(TEMPLATE)
    written = []
    for old_page in plugin.config["redirect_maps"]:
        path = Path(config.site_dir) / get_html_path(old_page, config.use_directory_urls)
        if not path.is_file():  # the plugin skipped it (and warned: unknown target)
            continue
        match = CANONICAL.search(path.read_text(encoding="utf-8"))
        if match:
            path.write_text(template.render(url=match[1]), encoding="utf-8")
            written.append(path.as_posix())
    return written
