"""Members' articles: Material's blog plugin fed from the data, and the rules it lacks.

- Authors are written once, in `data/anggota.yml`. Each build writes them, in the blog's
  authors-file format, to a generated file outside docs/ and points the blog's
  `authors_file` at it: there is no second, hand-kept copy to drift.
- Avatars: no photos of people are published; each author shows the Material icon of its
  kind (a team or a member), served from the pinned theme package as a generated file.
- Front matter is checked (`kda.checks.frontmatter`) before the blog reads any post.
- Posts dated after the build date are held back (Material's own `draft_if_future_date`
  compares with the clock, not with the build date of `KDA_TODAY`).
- The navigation lists one "Penulis" page (`artikel/penulis/`, every author with articles),
  not every author's profile: Material's blog adds each profile to the navigation of every
  page, which grows each first view with the number of authors (`kda.compat.material` takes the
  profiles out, after the blog plugin has placed them).
"""

from __future__ import annotations

import datetime as dt
import html
from pathlib import Path

import yaml
from mkdocs.structure.files import File, Files, InclusionLevel

from kda.checks.frontmatter import Article, Rules, pages_problems
from kda.compat import material as theme
from kda.model.data import SiteData
from kda.model.kinds import JenisAnggota
from kda.outputs.cachefile import write_atomic
from kda.paths import AUTHORS_INDEX, AVATAR_DIR

AUTHORS_FILE = "penulis.yml"
AVATAR_ICONS = {JenisAnggota.TIM: "account-group.svg", JenisAnggota.ANGGOTA: "account-circle.svg"}


def authors_document(data: SiteData) -> dict:
    """data/anggota.yml in the format of Material's blog authors file. The theme writes a name and
    a description unescaped (the avatar's `alt="..."`, the post's sidebar): they go in as HTML text."""
    return {"authors": {
        person.id: {
            "name": html.escape(person.nama),
            "description": html.escape(_description(person)),
            "avatar": f"{AVATAR_DIR}/{person.jenis}.svg",
            "slug": person.id,
        }
        for person in data.anggota
    }}


def _description(person) -> str:
    if person.jenis == JenisAnggota.TIM:
        return "Tulisan bersama"
    parts = [p for p in (person.peran, person.kluster_nama) if p]
    return ", ".join(parts) if parts else "Anggota kelompok"


def configure_blog(config, data: SiteData, cache_dir: Path) -> None:
    """Write the authors file from the data (into the project's cache) and point the blog plugin at it."""
    path = cache_dir / AUTHORS_FILE
    write_atomic(path, "# Generated from data/anggota.yml at each build: edit that file, not this one.\n"
                 + yaml.safe_dump(authors_document(data), allow_unicode=True, sort_keys=False))
    theme.set_authors_file(config, path.resolve())


def blog_categories(config) -> tuple[str, ...]:
    return tuple(theme.blog_config(config).categories_allowed)


def blog_rules(config, data: SiteData) -> Rules:
    return Rules(
        authors=tuple(p.id for p in data.anggota),
        topics=tuple(t.id for t in data.pokok_bahasan),
        categories=blog_categories(config),
    )


def avatar_files(config) -> list[File]:
    icons = theme.icons_dir()
    return [File.generated(config, f"{AVATAR_DIR}/{kind}.svg", abs_src_path=str(icons / icon))
            for kind, icon in AVATAR_ICONS.items()]


def profile_files(config, data: SiteData, articles, render_profile, cache_dir: Path) -> list[File]:
    """The content of each author's profile page (bio, role, cluster), for authors with articles.

    The blog plugin uses an existing file at a profile's path as that page's content and lists
    the author's posts below it. The content is written to a file (not kept in memory) because
    the plugin copies that file for each further page when a profile is paginated.
    """
    folder = cache_dir / "profil"
    files = []
    for person_id in _authors(articles):
        person = data.person(person_id)
        src_uri = profile_src_uri(config, person)
        source = folder / f"{person_id}.md"
        write_atomic(source, render_profile(src_uri, person))  # another build may be reading it
        files.append(File.generated(config, src_uri, abs_src_path=str(source)))
    return files


def profile_src_uri(config, person) -> str:
    """Where the blog plugin puts an author's profile (authors_profiles_url_format)."""
    return theme.profile_src_uri(config, person.id, person.nama)


def authors_index_file(config, data: SiteData, articles, render_index) -> File:
    """The "Penulis" page: each author with published articles, their profile and how many they wrote."""
    src_uri = f"{theme.blog_config(config).blog_dir}/{AUTHORS_INDEX}"
    counts = _authors(articles)
    people = sorted((data.person(person_id) for person_id in counts), key=lambda p: p.nama.casefold())
    entries = [(person, profile_src_uri(config, person), counts[person.id]) for person in people]
    return File.generated(config, src_uri, content=render_index(src_uri, entries))


def _authors(articles) -> dict[str, int]:
    """Each author of the published articles, in order of first appearance, and their number of articles."""
    counts: dict[str, int] = {}
    for article in articles:
        for person_id in dict.fromkeys(article.authors):
            counts[person_id] = counts.get(person_id, 0) + 1
    return counts


def check_writers_pages(files: Files, config, data: SiteData) -> tuple[list[Article], dict[str, list[str]]]:
    """Check the front matter of every page of docs/ (articles as articles, every other page with
    the few keys the site uses): the valid articles, and the problems of each page that has any."""
    pages = {f.src_uri: f.content_string for f in files.documentation_pages() if not f.generated_by}
    return pages_problems(pages, blog_rules(config, data))


def hold_back_unpublished(files: Files, articles: list[Article], today: dt.date) -> tuple[Article, ...]:
    """Exclude posts dated after `today` from the build; return the published articles, newest first.

    Drafts are left to the blog plugin (excluded from `mkdocs build`, shown with a badge in
    `mkdocs serve`); they are not listed anywhere else.
    """
    for article in articles:
        if not article.draft and article.date > today:
            files.get_file_from_path(article.src_uri).inclusion = InclusionLevel.EXCLUDED
    published = [a for a in articles if a.published(today)]
    return tuple(sorted(published, key=lambda a: (a.date, a.src_uri), reverse=True))


def later_pages(config, data: SiteData, articles: list[Article], today: dt.date) -> frozenset[str]:
    """The pages (relative to docs/) that posts dated after `today` will add to the site once they are
    published: the posts themselves and the blog's pages made for them (archive, categories, authors).
    Some may exist already, made for an earlier post."""
    pages: set[str] = set()
    for article in articles:
        if not article.draft and article.date > today:
            authors = [(person_id, data.person(person_id).nama) for person_id in article.authors]
            pages |= theme.post_pages(config, article.src_uri, article.date, article.categories, authors)
    return frozenset(pages)
