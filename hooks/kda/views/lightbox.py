"""Gallery captions stay plain text inside the lightbox (GLightbox, from mkdocs-glightbox).

GLightbox writes a photo's `data-description` into the page with `innerHTML`, so the text of
that attribute is HTML source: the caption is escaped for it once more than anywhere else
(`as_html_text`), and a caption starting with "." (which GLightbox would take for a CSS selector
and replace with that element's HTML) starts with a character reference instead. On phones
GLightbox also shortens a long description by reading it back as text and writing that text
with `innerHTML` again, which would turn an escaped `<img onerror=...>` into markup: that path
is switched off with its own setting, `moreLength: 0` (`kda.compat.glightbox.without_short_descriptions`,
which depends on the plugin's start-up script).
"""

from __future__ import annotations

from markupsafe import escape


def as_html_text(caption: str) -> str:
    """`caption` as HTML source showing exactly its text (the template escapes it again for the attribute)."""
    text = str(escape(caption))
    return "&#46;" + text[1:] if text.startswith(".") else text
