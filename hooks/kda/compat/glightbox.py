"""mkdocs-glightbox 0.5.3 (pinned in requirements.txt): the markup of its start-up script and where
it keeps the GLightbox files it publishes.

The plugin writes its start-up script into each page with a gallery, from Python (`on_post_page`):
`<script id="init-glightbox">const lightbox = GLightbox({...});...</script>`. The site changes one
option in it (`kda.views.lightbox`) and allows exactly that script on a written page
(`kda.checks.published`).
"""

from __future__ import annotations

from pathlib import Path

import mkdocs_glightbox

INIT_ID = 'id="init-glightbox"'  # the plugin's start-up script
INIT_CALL = "GLightbox({"
INLINE_SCRIPT_START = "const lightbox = GLightbox("  # how the start-up script's text begins
NO_SHORTENING = 'GLightbox({"moreLength": 0, '


class LightboxError(Exception):
    pass


def without_short_descriptions(output: str) -> str:
    """The page with GLightbox started with `moreLength: 0`; pages without the lightbox are unchanged.

    Relies on the plugin's start-up script: one `<script id="init-glightbox">` calling `GLightbox({`
    once with its options as a JSON object. Anything else stops the build (LightboxError), since the
    option could then not be set (mkdocs-glightbox 0.5.3)."""
    if INIT_ID not in output:
        return output
    start = output.index(INIT_ID)
    if output.count(INIT_CALL, start) != 1:
        raise LightboxError(
            "mkdocs-glightbox memulai GLightbox dengan cara yang tidak dikenali situs ini (versi pluginnya berubah?): "
            "keterangan foto tidak bisa dipastikan tampil sebagai teks biasa. Sesuaikan kda/compat/glightbox.py "
            "dengan versi plugin yang terpasang.")
    return output[:start] + output[start:].replace(INIT_CALL, NO_SHORTENING, 1)


def script_files() -> list[str]:
    """The paths in the site of the GLightbox scripts the plugin publishes: the files of its package
    folder `glightbox/`, copied to `assets/javascripts/` by its `on_post_build` (mkdocs-glightbox 0.5.3)."""
    folder = Path(mkdocs_glightbox.__file__).parent / "glightbox"
    return [f"assets/javascripts/{p.name}" for p in folder.glob("*.js")]
