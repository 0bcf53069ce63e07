"""The site's own stylesheets and scripts that only some pages use, and which page links which.

mkdocs.yml's extra_css and extra_javascript are linked on every page, and extra_css cannot say
`media="print"`: these files are linked by docs/.overrides/main.html from the list this module
gives each page (`kda_aset`), so a reader downloads only what the page shows. The files live in
docs/assets/ beside the others; the content-safety check publishes them by these names.
"""

from __future__ import annotations

from dataclasses import dataclass

from kda.checks.page_assets import PageAssets as OwnAssets
from kda.paths import GALLERY_RESPONSES_CSS, PAGE_ASSET_FILES, PRINT_CSS, RESPONSES_JS

FILES = PAGE_ASSET_FILES
SCRIPTS = (RESPONSES_JS,)


@dataclass(frozen=True)
class Stylesheet:
    path: str
    media: str = ""  # "" for every medium


@dataclass(frozen=True)
class PageAssets:
    stylesheets: tuple[Stylesheet, ...]
    scripts: tuple[str, ...]


def for_page(has_gallery: bool, responses: dict | None, own: OwnAssets | None = None) -> PageAssets:
    """What one page links: the print stylesheet always (media="print": no screen waits for it),
    the gallery and response styles where either is shown, the Giscus loader where its button is,
    and a maintainer page's own styles and scripts (extra.aset_halaman, checked by kda.checks.page_assets)."""
    stylesheets = [Stylesheet(PRINT_CSS, "print")]
    if has_gallery or responses:
        stylesheets.append(Stylesheet(GALLERY_RESPONSES_CSS))
    scripts = [RESPONSES_JS] if responses and responses.get("giscus") else []
    if own:
        stylesheets += [Stylesheet(path) for path in own.styles]
        scripts += own.scripts
    return PageAssets(tuple(stylesheets), tuple(scripts))
