"""Files beside the articles are published with their article, never before it.

Drafts and posts dated after the build date are not published (the blog plugin and
`blog.hold_back_unpublished`), but MkDocs publishes every other file of docs/ as it is: the
photo or PDF of a draft would be online, at a guessable address, before the post is ready. So
each file a draft or future post links to or shows is held back until a published page links to
it too, and a file in the posts folder is published only when a published page uses it (an
attachment waiting for its post is not published). A file this holds back by mistake is simply
not published yet (a published page's link to it breaks until its post is out): the rule fails closed.

References are read from each page's Markdown with markdown-it-py (links, images, and `src`/`href`
of raw HTML), resolved as MkDocs resolves them (relative to the page, or to docs/ with a leading
`/`). No MkDocs import besides the inclusion level.
"""

from __future__ import annotations

import datetime as dt
import posixpath
import re
from urllib.parse import unquote, urlsplit

from markdown_it import MarkdownIt
from mkdocs.structure.files import Files, InclusionLevel

from kda.checks.frontmatter import POSTS_DIR, Article

_HTML_URL = re.compile(r"""\b(?:src|href)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))""", re.I)
_SCHEME = re.compile(r"^(?:[a-zA-Z][a-zA-Z0-9+.\-]*:|//)")


def hold_back_attachments(files: Files, articles: list[Article], today: dt.date) -> list[str]:
    """Exclude from the build the files only unpublished posts use; return their paths (relative to docs/)."""
    unpublished = {a.src_uri for a in articles if not a.published(today)}
    parser = MarkdownIt("commonmark", {"html": True})
    used_by_published: set[str] = set()
    used_by_unpublished: set[str] = set()
    for page in files.documentation_pages(inclusion=lambda level: True):
        if page.src_uri not in unpublished and page.inclusion.is_excluded():
            continue
        target = used_by_unpublished if page.src_uri in unpublished else used_by_published
        target.update(references(parser, page.src_uri, page.content_string))
    held = []
    for file in files.media_files():
        if file.generated_by or file.inclusion.is_excluded() or file.src_uri in used_by_published:
            continue
        if file.src_uri in used_by_unpublished or file.src_uri.startswith(POSTS_DIR + "/"):
            file.inclusion = InclusionLevel.EXCLUDED
            held.append(file.src_uri)
    return held


def references(parser: MarkdownIt, src_uri: str, markdown: str) -> set[str]:
    """The paths (relative to docs/) of the files a page links to or shows."""
    urls: list[str] = []
    for token in parser.parse(markdown):
        if token.type == "html_block":
            urls += _html_urls(token.content)
        for child in token.children or []:
            if child.type == "link_open":
                urls.append(str(child.attrGet("href") or ""))
            elif child.type == "image":
                urls.append(str(child.attrGet("src") or ""))
            elif child.type == "html_inline":
                urls += _html_urls(child.content)
    return {path for url in urls if (path := _resolve(src_uri, url))}


def _html_urls(html: str) -> list[str]:
    return [next(value for value in match.groups() if value is not None) for match in _HTML_URL.finditer(html)]


def _resolve(src_uri: str, url: str) -> str | None:
    url = url.strip()
    if not url or _SCHEME.match(url) or url.startswith("#"):
        return None
    path = unquote(urlsplit(url).path)
    if not path:
        return None
    joined = path.lstrip("/") if path.startswith("/") else posixpath.join(posixpath.dirname(src_uri), path)
    normal = posixpath.normpath(joined)
    return None if normal.startswith("..") else normal
