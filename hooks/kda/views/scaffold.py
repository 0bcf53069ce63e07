"""The text and file name of a new article or meeting note: one template each, several users.

An article is written from `docs/.templates/artikel_baru.md.j2` by scripts/artikel_baru.py,
by Panduan Menulis (its example) and by the "Tulis artikel" page. That page's script
(docs/assets/kda-tulis.js) cannot run Jinja, so the build hands it the same template cut at
its fields (`template_pieces`), and the script fills each field exactly as `article_fields`
does here: a JSON string, or a list of JSON strings in brackets (both valid YAML, whatever
the writer typed). A meeting note is `docs/.templates/catatan_baru.md.j2`, used by the guide
and the "Tulis catatan pertemuan" page. tests/browser/test_tulis.py checks that the page and
this module write the same files.
"""

from __future__ import annotations

import datetime as dt
import itertools
import json
import re
import unicodedata
from dataclasses import dataclass, field

from jinja2 import Environment

from kda.checks.frontmatter import POSTS_DIR
from kda.views.pages import NOTES_DIR

TEMPLATE = "artikel_baru.md.j2"
NOTE_TEMPLATE = "catatan_baru.md.j2"
ARTICLE_FIELDS = ("title", "description", "date", "authors", "categories", "tags", "topics", "draft")

SLUG_WORDS = 6  # the file name keeps the title's first words: readable, and short enough to share
ARTICLE_FALLBACK = "tulisan"  # the short name of a title with no letter or digit a-z/0-9 (emoji only)
NOTE_FALLBACK = "catatan"

# Typed text becomes one line that YAML can hold. Written as patterns both Python's `re` and
# JavaScript's RegExp read the same way (the page's script gets them from the build):
# runs of any space or line break become one space; control characters and the two
# non-characters YAML refuses are dropped. Lone surrogates (only possible in JavaScript
# strings, or in Python from undecodable bytes) are dropped by each side its own way.
SPACE = r"[\t\n\u000b\u000c\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]+"
CONTROL = r"[\u0000-\u0008\u000e-\u001f\u007f-\u0084\u0086-\u009f\ufffe\uffff]"
_SPACE, _CONTROL, _SURROGATE = re.compile(SPACE), re.compile(CONTROL), re.compile("[\ud800-\udfff]")

_MARK = "\x00"  # cuts the rendered template at its fields; no template contains it


def clean_text(text: str) -> str:
    """One line of text as a writer meant it, safe for YAML: see SPACE and CONTROL. Straight double
    quotes become typographic ones (“kita”): the build refuses `"` in a value that reaches <head>."""
    text = _SURROGATE.sub("", _CONTROL.sub("", text))
    quotes = itertools.cycle("\u201c\u201d")
    return _SPACE.sub(" ", re.sub('"', lambda _: next(quotes), text)).strip()


def slug(text: str, fallback: str) -> str:
    """The first SLUG_WORDS words of `text` in a-z, 0-9 and '-', accents folded ("Anak-anak & é" -> "anak-anak-e")."""
    # pymdownx.slugs keeps non-ASCII letters; file names must be plain a-z0-9 (POST_NAME, NOTE_NAME).
    ascii_text = unicodedata.normalize("NFKD", clean_text(text)).encode("ascii", "ignore").decode()
    words = re.findall(r"[a-z0-9]+", ascii_text.lower())
    return "-".join(words[:SLUG_WORDS]) or fallback


def yaml_string(text: str) -> str:
    # A JSON string is a valid YAML double-quoted string: quotes, colons, '#' and emoji are safe.
    return json.dumps(text, ensure_ascii=False)


def yaml_list(values) -> str:
    return "[" + ", ".join(yaml_string(v) for v in values) + "]"


@dataclass(frozen=True)
class NewArticle:
    title: str
    date: dt.date
    authors: tuple[str, ...]
    description: str = ""
    categories: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    topics: tuple[str, ...] = ()
    draft: bool = True
    slug: str = field(default="")

    @property
    def short_name(self) -> str:
        """The file name's slug: the given one, or the title's first words."""
        return self.slug or slug(self.title, ARTICLE_FALLBACK)

    @property
    def src_uri(self) -> str:
        return f"{POSTS_DIR}/{self.date.isoformat()}-{self.short_name}.md"


def article_fields(article: NewArticle) -> dict[str, str]:
    """Each field of the template as YAML text (the page's script writes them the same way)."""
    description = clean_text(article.description)
    return {
        "title": yaml_string(clean_text(article.title)),
        "description": yaml_string(description) if description else "",
        "date": article.date.isoformat(),
        "authors": yaml_list(article.authors),
        "categories": yaml_list(article.categories),
        "tags": yaml_list(clean_text(t) for t in article.tags),
        "topics": yaml_list(article.topics),
        "draft": "true" if article.draft else "false",
    }


def render_article(env: Environment, article: NewArticle) -> str:
    return env.get_template(TEMPLATE).render(**article_fields(article))


def template_pieces(env: Environment, template: str = TEMPLATE, fields: tuple[str, ...] = ARTICLE_FIELDS) -> list[str]:
    """The template rendered around its fields: [text, field, text, field, ..., text].

    Joining the pieces with each field's value gives what `render_article` writes, as long as
    the template only places its fields (no test or filter on them): checked here."""
    pieces = env.get_template(template).render(**{name: f"{_MARK}{name}{_MARK}" for name in fields}).split(_MARK)
    if any(p not in fields for p in pieces[1::2]) or len(pieces) % 2 == 0:
        raise ValueError(f"{template}: the fields must be placed as they are, without filters or tests")
    return pieces


@dataclass(frozen=True)
class NewNote:
    """A meeting's note: `pertemuan/NN-judul-singkat.md` (NN: the number, at least two digits)."""

    nomor: int
    short_title: str = ""

    @property
    def prefix(self) -> str:
        return f"{self.nomor:02d}"

    @property
    def src_uri(self) -> str:
        return f"{NOTES_DIR}/{self.prefix}-{slug(self.short_title, NOTE_FALLBACK)}.md"


def render_note(env: Environment) -> str:
    """The sections of a new note (its header comes from data/pertemuan.yml at build time)."""
    return env.get_template(NOTE_TEMPLATE).render()
