"""Gallery captions stay plain text inside the lightbox (GLightbox, from mkdocs-glightbox).

GLightbox writes a photo's `data-description` into the page with `innerHTML`, so the text of
that attribute is HTML source: the caption is escaped for it once more than anywhere else
(`as_html_text`), and a caption starting with "." (which GLightbox would take for a CSS selector
and replace with that element's HTML) starts with a character reference instead. On phones
GLightbox also shortens a long description by reading it back as text and writing that text
with `innerHTML` again, which would turn an escaped `<img onerror=...>` into markup: that path
is switched off with its own setting, `moreLength: 0` (`without_short_descriptions`).
"""

from __future__ import annotations

from markupsafe import escape

INIT_ID = 'id="init-glightbox"'  # the plugin's start-up script
INIT_CALL = "GLightbox({"
NO_SHORTENING = 'GLightbox({"moreLength": 0, '


class LightboxError(Exception):
    pass


def as_html_text(caption: str) -> str:
    """`caption` as HTML source showing exactly its text (the template escapes it again for the attribute)."""
    text = str(escape(caption))
    return "&#46;" + text[1:] if text.startswith(".") else text


def without_short_descriptions(output: str) -> str:
    """The page with GLightbox started with `moreLength: 0`; pages without the lightbox are unchanged."""
    if INIT_ID not in output:
        return output
    start = output.index(INIT_ID)
    if output.count(INIT_CALL, start) != 1:
        raise LightboxError(
            "mkdocs-glightbox memulai GLightbox dengan cara yang tidak dikenali situs ini (versi pluginnya berubah?): "
            "keterangan foto tidak bisa dipastikan tampil sebagai teks biasa. Sesuaikan kda/views/lightbox.py "
            "dengan versi plugin yang terpasang.")
    return output[:start] + output[start:].replace(INIT_CALL, NO_SHORTENING, 1)
