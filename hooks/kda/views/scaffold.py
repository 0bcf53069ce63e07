"""The text and file name of a new article, for scripts/artikel_baru.py and Panduan Menulis.

Both render `docs/.templates/artikel_baru.md.j2`, so the template a writer copies from the
guide is exactly what the script writes.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import unicodedata
from dataclasses import dataclass, field

from jinja2 import Environment

from kda.checks.frontmatter import POSTS_DIR

TEMPLATE = "artikel_baru.md.j2"


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
        """The file name's slug: the given one, or the title's first words in a-z, 0-9 and '-'."""
        if self.slug:
            return self.slug
        # pymdownx.slugs keeps non-ASCII letters; file names must be plain a-z0-9, so the few
        # lines here fold accents and cut to a readable length.
        ascii_title = unicodedata.normalize("NFKD", self.title).encode("ascii", "ignore").decode()
        words = re.findall(r"[a-z0-9]+", ascii_title.lower())
        return "-".join(words[:6]) or "tulisan"

    @property
    def src_uri(self) -> str:
        return f"{POSTS_DIR}/{self.date.isoformat()}-{self.short_name}.md"


def render_article(env: Environment, article: NewArticle) -> str:
    # JSON strings are valid YAML double-quoted strings: any title is written safely.
    def quote(text):
        return json.dumps(text, ensure_ascii=False)
    return env.get_template(TEMPLATE).render(
        title=quote(article.title), description=quote(article.description) if article.description else "", date=article.date.isoformat(),
        authors=article.authors, categories=article.categories, tags=article.tags, topics=article.topics,
        draft=article.draft,
    )
