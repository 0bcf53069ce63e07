"""Material for MkDocs 9.8.1 (pinned in requirements.txt): the internals of its blog plugin and of
its theme that the site relies on.

- The blog plugin: its structure classes (`Post`, `Profile`), when it reads the authors file, where
  it puts an author's profile, how it places the profiles in the navigation.
- The theme: the exact markup of the feed links in `base.html`, and where the package keeps its
  icons and its bundled scripts.
"""

from __future__ import annotations

import datetime as dt
import posixpath
import re
from collections.abc import Iterable
from pathlib import Path

import material
from babel.dates import format_date, format_datetime
from material.plugins.blog.structure import Post, Profile
from mkdocs.structure.nav import Navigation, Section

BLOG_PLUGIN = "material/blog"  # the plugin's name in mkdocs.yml


# --- the blog plugin ---------------------------------------------------------------------

def blog_config(config):
    """The blog plugin's validated settings (mkdocs.yml: plugins, `material/blog`)."""
    return config.plugins[BLOG_PLUGIN].config


def set_authors_file(config, path: Path) -> None:
    """Point the blog at another authors file, after MkDocs has validated its settings.

    The plugin reads `authors_file` in its own `on_config` (`_resolve_authors`), so a change made
    in an `on_config` that runs before it (priority above its default 0) is the file it loads
    (Material 9.8.1)."""
    blog_config(config).authors_file = str(path)


def profile_src_uri(config, slug: str, name: str) -> str:
    """Where the blog plugin puts an author's profile page, relative to docs/.

    The same path as the plugin's private `_format_path_for_profile` (its `authors_profiles_url_format`
    with the author's slug and name, inside `blog_dir`); the plugin uses an existing file at that path
    as the profile's content (Material 9.8.1)."""
    blog = blog_config(config)
    path = blog.authors_profiles_url_format.format(slug=slug, name=name).strip("/")
    return f"{blog.blog_dir}/{path}.md"


def post_pages(config, src_uri: str, date: dt.date, categories: Iterable[str],
               authors: Iterable[tuple[str, str]]) -> set[str]:
    """The pages (paths relative to docs/) the blog plugin makes for one post, when it is published:
    the post itself, its archive page, its category pages and its authors' profiles (`authors`:
    (slug, name) of each), as far as mkdocs.yml turns them on. Pagination pages are not included.

    The paths are those of the plugin's private `_format_path_for_archive` (its
    `archive_url_format` with the date written in `archive_url_date_format` by Babel, in the
    theme's language), `_format_path_for_category` (`categories_url_format` with the category
    slugified by `categories_slugify`) and `_format_path_for_profile` (Material 9.8.1)."""
    blog = blog_config(config)
    pages = {src_uri}
    if blog.archive:
        pages.add(_blog_page(blog, blog.archive_url_format.format(date=_archive_date(config, date))))
    if blog.categories:
        for name in categories:
            slug = blog.categories_slugify(name, blog.categories_slugify_separator)
            pages.add(_blog_page(blog, blog.categories_url_format.format(slug=slug)))
    if blog.authors_profiles:
        pages.update(profile_src_uri(config, slug, name) for slug, name in authors)
    return pages


def _archive_date(config, date: dt.date) -> str:
    """The date as the blog writes it in an archive page's path (its private `_format_date`)."""
    locale = config.theme["language"].replace("-", "_")
    pattern = blog_config(config).archive_url_date_format
    if pattern in ("full", "long", "medium", "short"):
        return format_date(date, format=pattern, locale=locale)
    return format_datetime(dt.datetime.combine(date, dt.time()), format=pattern, locale=locale)


def _blog_page(blog, path: str) -> str:
    return posixpath.join(blog.blog_dir, f"{posixpath.normpath(path.strip('/'))}.md")


def is_post(page) -> bool:
    """Whether `page` is one of the blog's posts: its class `Post`, in `material.plugins.blog.structure`
    (Material 9.8.1; not a documented API)."""
    return isinstance(page, Post)


def keep_profiles_out_of_nav(nav: Navigation) -> None:
    """Take the blog's section of author profiles out of the navigation (the pages stay).

    Run after the blog plugin's on_nav: it attaches a section whose children are all `Profile`
    views, last among its siblings, and links its pages after the page before it (its private
    `_attach_to`); the pages before and after are linked again here (Material 9.8.1).
    """
    for items in list(_item_lists(nav.items)):  # listed first: the loop below changes them
        for section in [i for i in items if isinstance(i, Section) and i.children
                        and all(isinstance(c, Profile) for c in i.children)]:
            items.remove(section)
            profiles = section.children
            before, after = profiles[0].previous_page, profiles[-1].next_page
            if before is not None:
                before.next_page = after
            if after is not None:
                after.previous_page = before
            for profile in profiles:
                profile.parent, profile.previous_page, profile.next_page = section.parent, None, None
            gone = {id(p) for p in profiles}
            nav.pages[:] = [p for p in nav.pages if id(p) not in gone]


def _item_lists(items: list):
    yield items
    for item in items:
        if isinstance(item, Section):
            yield from _item_lists(item.children)


# --- the theme -----------------------------------------------------------------------------

def templates_dir() -> Path:
    """The theme's templates: the folder `templates/` of the package `material` (Material 9.8.1)."""
    return Path(material.__file__).parent / "templates"


def icons_dir() -> Path:
    """The Material Design icons the theme ships: `templates/.icons/material/*.svg` (Material 9.8.1)."""
    return templates_dir() / ".icons" / "material"


def scripts_dir() -> Path:
    """The theme's bundled JavaScript, `templates/assets/javascripts/`, published under
    `assets/javascripts/` (Material 9.8.1)."""
    return templates_dir() / "assets" / "javascripts"


# The RSS autodiscovery links in every page's head, written so Material does not fetch the sitemap.
#
# Material's bundle treats every `<link rel="alternate">` as a language alternate and fetches
# `sitemap.xml` relative to it on every first view (`link[rel=alternate]`, an exact match): with the
# feed links Material writes for the RSS plugin, each reader downloads the whole sitemap, which grows
# with the site (22.6 KB compressed at 3,119 pages). `rel="alternate feed"` keeps the `alternate`
# token feed readers look for (rel is a token list in HTML) and adds the `feed` keyword, but no
# longer matches Material's exact selector. Feed readers split `rel` into tokens: SimplePie's locator
# (used by WordPress and many self-hosted readers) accepts a link whose tokens include `feed`, or
# `alternate` with an RSS or Atom type; this link has both. Material writes these links inside its
# `site_meta` block, which cannot be extended without copying it whole, hence this small rewrite of
# the two exact tags of `base.html` of Material 9.8.1 (tests/test_articles.py checks the result).
_FEED_LINK = re.compile(r'<link rel="alternate" (type="application/rss\+xml")')


def feed_links_without_sitemap_fetch(html: str) -> str:
    """The page with the theme's two feed links (`<link rel="alternate" type="application/rss+xml" ...>`
    of `base.html`) written as `rel="alternate feed"`."""
    return _FEED_LINK.sub(r'<link rel="alternate feed" \1', html)
