"""Members' articles: Material's blog plugin fed from the data, and the rules it lacks.

- Authors are written once, in `data/anggota.yml`. Each build writes them, in the blog's
  authors-file format, to a generated file outside docs/ and points the blog's
  `authors_file` at it: there is no second, hand-kept copy to drift.
- Avatars: no photos of people are published; each author shows the Material icon of its
  kind (a team or a member), served from the pinned theme package as a generated file.
- Front matter is checked (`frontmatter.py`) before the blog reads any post.
- Posts dated after the build date are held back (Material's own `draft_if_future_date`
  compares with the clock, not with the build date of `KDA_TODAY`).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import material
import yaml
from mkdocs.structure.files import File, Files, InclusionLevel

from frontmatter import WRITER_DIRS, Article, Rules, check_pages
from model import SiteData

BLOG_PLUGIN = "material/blog"
CACHE_DIR = ".cache/kda"  # inside the project; git-ignored
AUTHORS_FILE = "penulis.yml"
AVATAR_DIR = "assets/penulis"
AVATAR_ICONS = {"tim": "account-group.svg", "anggota": "account-circle.svg"}


def authors_document(data: SiteData) -> dict:
    """data/anggota.yml in the format of Material's blog authors file."""
    return {"authors": {
        person.id: {
            "name": person.nama,
            "description": _description(person),
            "avatar": f"{AVATAR_DIR}/{person.jenis}.svg",
            "slug": person.id,
        }
        for person in data.anggota
    }}


def _description(person) -> str:
    if person.jenis == "tim":
        return "Tulisan bersama"
    parts = [p for p in (person.peran, person.kluster_nama) if p]
    return ", ".join(parts) if parts else "Anggota kelompok"


def configure_blog(config, data: SiteData, root: Path) -> None:
    """Write the authors file from the data and point the blog plugin at it."""
    path = root / CACHE_DIR / AUTHORS_FILE
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(
        "# Generated from data/anggota.yml at each build: edit that file, not this one.\n"
        + yaml.safe_dump(authors_document(data), allow_unicode=True, sort_keys=False),
        encoding="utf-8",
    )
    config.plugins[BLOG_PLUGIN].config.authors_file = str(path.resolve())


def blog_categories(config) -> tuple[str, ...]:
    return tuple(config.plugins[BLOG_PLUGIN].config.categories_allowed)


def blog_rules(config, data: SiteData) -> Rules:
    return Rules(
        authors=tuple(p.id for p in data.anggota),
        topics=tuple(t.id for t in data.pokok_bahasan),
        categories=blog_categories(config),
    )


def avatar_files(config) -> list[File]:
    icons = Path(material.__file__).parent / "templates" / ".icons" / "material"
    return [File.generated(config, f"{AVATAR_DIR}/{kind}.svg", abs_src_path=str(icons / icon))
            for kind, icon in AVATAR_ICONS.items()]


def profile_files(config, data: SiteData, articles, render_profile) -> list[File]:
    """The content of each author's profile page (bio, role, cluster), for authors with articles.

    The blog plugin uses an existing file at a profile's path as that page's content and lists
    the author's posts below it. The content is written to a file (not kept in memory) because
    the plugin copies that file for each further page when a profile is paginated.
    """
    blog = config.plugins[BLOG_PLUGIN].config
    folder = Path(config.config_file_path).parent / CACHE_DIR / "profil"
    authors = dict.fromkeys(author for article in articles for author in article.authors)
    files = []
    for person_id in authors:
        person = data.person(person_id)
        path = blog.authors_profiles_url_format.format(slug=person_id, name=person.nama).strip("/")
        src_uri = f"{blog.blog_dir}/{path}.md"
        source = folder / f"{person_id}.md"
        source.parent.mkdir(parents=True, exist_ok=True)
        source.write_text(render_profile(src_uri, person), encoding="utf-8")
        files.append(File.generated(config, src_uri, abs_src_path=str(source)))
    return files


def check_writers_pages(files: Files, config, data: SiteData) -> list[Article]:
    """Check the front matter of every article and writer's page; raise FrontMatterError listing every problem."""
    pages = {f.src_uri: f.content_string for f in files.documentation_pages()
             if f.src_uri.startswith("artikel/") or f.src_uri.split("/")[0] in WRITER_DIRS}
    return check_pages(pages, blog_rules(config, data), WRITER_DIRS)


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
