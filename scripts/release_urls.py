"""Add the URLs of a built site's sitemap to the list of published URLs (run at each release).

    mkdocs build && python3 scripts/release_urls.py [site]

The list (`tests/published-urls.txt`) holds every address the site has ever published,
relative to `site_url`, so changing `site_url` does not touch it. It only grows: a URL that
was shared once must keep working, through a redirect (mkdocs.yml, `redirect_maps`) if its
page moved; `tests/test_links_stable.py` checks each one against the current build.
"""

from __future__ import annotations

import sys
import xml.etree.ElementTree as ET
from pathlib import Path

from kda.settings import Settings

ROOT = Path(__file__).resolve().parent.parent
URL_LIST = ROOT / "tests" / "published-urls.txt"
SITEMAP_NS = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
HEADER = """\
# Every URL the site has published, relative to site_url ("" is the home page).
# Only grows: a moved page keeps its old URL through mkdocs.yml, redirects: redirect_maps.
# Refresh at each release: mkdocs build && python3 scripts/release_urls.py site
# Checked by tests/test_links_stable.py.
"""


def read_list(path: Path) -> list[str]:
    if not path.is_file():
        return []
    lines = (line.strip() for line in path.read_text(encoding="utf-8").splitlines())
    return ["" if line == '""' else line for line in lines if line and not line.startswith("#")]


def sitemap_paths(site_dir: Path, site_url: str) -> list[str]:
    tree = ET.parse(site_dir / "sitemap.xml")
    paths = []
    for loc in tree.iter(f"{SITEMAP_NS}loc"):
        url = loc.text.strip()
        if not url.startswith(site_url):
            raise SystemExit(f"{url} is not under site_url {site_url}: build the site with the current mkdocs.yml first")
        paths.append(url[len(site_url):])
    return paths


def write_list(path: Path, paths: set[str]) -> None:
    lines = ['""' if p == "" else p for p in sorted(paths)]
    path.write_text(HEADER + "\n".join(lines) + "\n", encoding="utf-8")


def main(argv: list[str]) -> int:
    site_dir = Path(argv[0]) if argv else ROOT / "site"
    site_url = Settings.of_project(ROOT).site_url.rstrip("/") + "/"
    known = set(read_list(URL_LIST))
    current = set(sitemap_paths(site_dir, site_url))
    write_list(URL_LIST, known | current)
    print(f"{URL_LIST.relative_to(ROOT)}: {len(known | current)} URLs, {len(current - known)} new")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
