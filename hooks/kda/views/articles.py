"""Members' articles as their templates read them: the end of an article, with its authors and
topics resolved from the data (docs/.templates/kaki_artikel.md.j2)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from kda.checks.frontmatter import Article
from kda.model.data import SiteData
from kda.model.schema import Anggota, PokokBahasan


@dataclass(frozen=True)
class ArticleFooter:
    date: dt.date
    authors: tuple[Anggota, ...]  # in the article's order
    topics: tuple[PokokBahasan, ...]  # its pokok_bahasan, in the article's order


def article_footer(data: SiteData, article: Article) -> ArticleFooter:
    return ArticleFooter(article.date, tuple(data.person(p) for p in article.authors),
                         tuple(data.topic(t) for t in article.topics))
