"""The project as `scripts/periksa.py` (the pre-commit check) sees it, without a build.

The settings and the data are read once for every check; the pages, their anchors and what a link
may lead to are known here as far as they can be without building the site.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from kda.checks import guard, limits, links, privacy
from kda.checks.frontmatter import EXCERPT_SEPARATOR, is_article
from kda.model.data import DataError, SiteData, load_site_data
from kda.model.gallery import is_gallery_source
from kda.outputs import calendar
from kda.paths import (
    AUTHORS_INDEX,
    AVATAR_DIR,
    BLOG_DIR,
    CALENDAR_DIR,
    CALENDAR_FEED,
    CHARTS_DIR,
    MATERIALS_DIR,
    NOTES_DIR,
    PDF_DIR,
    QR_FILE,
    SCHEDULE_YEAR_PAGE,
)
from kda.settings import Settings
from kda.views.schedule import plan_schedule

DOCS = "docs"
# Folders whose files only a build knows (hooks/kda/checks/links.py, Targets.made_by_build): the blog's own
# pages (archive, categories, authors, later pages of the list), and what the build draws, prints or copies.
BLOG_MADE = ("archive", "category", "author", "page")
BUILD_MADE = (CHARTS_DIR, PDF_DIR, AVATAR_DIR, "assets/images", "assets/javascripts", "assets/stylesheets")


@dataclass
class Project:
    """The project as the build sees it; the data is loaded once for every check."""

    root: Path
    settings: Settings  # mkdocs.yml, read once
    data: SiteData | None = None  # None when data/ is invalid: check_data reports why
    data_problems: list[str] = field(default_factory=list)
    anchors_read: dict[str, tuple[str, ...] | None] = field(default_factory=dict)  # anchors(), each page once

    @classmethod
    def load(cls, root: Path) -> Project:
        settings = Settings.of_project(root)
        try:
            return cls(root, settings, load_site_data(root / "data", root / DOCS, label_root=root))
        except DataError as error:
            return cls(root, settings, None, error.problems)

    def pages(self) -> list[str]:
        """Every documentation page, relative to docs/ (MkDocs skips folders starting with a dot)."""
        docs = self.root / DOCS
        paths = (p.relative_to(docs) for p in docs.rglob("*.md"))
        return sorted(p.as_posix() for p in paths if not any(part.startswith(".") for part in p.parts))

    def text(self, path: str) -> str:
        # A page that is not UTF-8 is reported by check_limits; the other checks read what they can.
        return (self.root / path).read_text(encoding="utf-8", errors="replace")

    @cached_property
    def link_targets(self) -> links.Targets:
        """What a link may lead to, as far as it is known without a build (hooks/kda/checks/links.py): the
        pages and files of docs/, what the build makes from the data, and the folders only a build fills."""
        docs = self.root / DOCS
        pages = set(self.pages())
        files = {path for path in (p.relative_to(docs).as_posix() for p in docs.rglob("*") if p.is_file())
                 if not path.endswith(".md") and not any(part.startswith(".") for part in path.split("/"))}
        made = {f.rsplit("/", 1)[0] + "/" for f in files if is_gallery_source(f, NOTES_DIR)}  # photos in web sizes
        files = {f for f in files if not is_gallery_source(f, NOTES_DIR)}  # the originals are not published
        files |= {CALENDAR_FEED, QR_FILE, "robots.txt"}
        pages.add(f"{BLOG_DIR}/{AUTHORS_INDEX}")
        made |= {f"{BLOG_DIR}/{folder}/" for folder in BLOG_MADE} | {f"{folder}/" for folder in BUILD_MADE}
        if self.data is None:  # its own messages say why; what it would make is not known
            made |= {f"{CALENDAR_DIR}/", SCHEDULE_YEAR_PAGE.split("/")[0] + "/"}
        else:
            today = self.settings.environment.today or dt.datetime.now(self.data.kelompok.tz).date()
            pages |= set(plan_schedule(self.data, today).year_pages())
            files |= {calendar.meeting_file(m) for m in self.data.pertemuan if calendar.in_calendar(m)}
        return links.Targets(frozenset(pages), frozenset(files), self.anchors, tuple(sorted(made)), docs_label=DOCS)

    def anchors(self, page: str) -> tuple[str, ...] | None:
        """A page's anchors, from its Markdown converted as MkDocs converts it; None for the pages the build
        completes from the data (the maintainers' macro pages, a note's or a material's header, the
        pages the build makes): only a build knows theirs."""
        if page not in self.anchors_read:
            self.anchors_read[page] = self._anchors(page)
        return self.anchors_read[page]

    def _anchors(self, page: str) -> tuple[str, ...] | None:
        from mkdocs.utils.meta import get_data

        if (not (self.root / DOCS / page).is_file() or self.maintainers.match_file(page)
                or page.startswith((f"{NOTES_DIR}/", f"{MATERIALS_DIR}/"))):
            return None
        markdown = get_data(self.text(f"{DOCS}/{page}"))[0]
        return links.markdown_anchors(markdown, self.settings.markdown_extensions, self.settings.markdown_configs)

    @cached_property
    def allow_list(self) -> tuple[tuple[str, ...], list[str]]:
        """data/privasi.yml's allowed texts, read once for every check; or, when it is invalid, why."""
        try:
            return privacy.load_allow_list(self.root / "data", self.root), []
        except privacy.AllowListError as error:
            return (), error.problems

    @cached_property
    def maintainers(self):
        """The maintainers' pages (the macros plugin's force_render_paths), matched as the plugin matches them."""
        return guard.maintainer_pages_spec(self.settings.maintainer_pages)

    def beyond_limits(self, path: str) -> list[str]:
        """What keeps a page from being read safely (hooks/limits.py): such a page is not read further."""
        separator = EXCERPT_SEPARATOR if is_article(path.removeprefix(f"{DOCS}/")) else None
        return limits.page_problems(path, (self.root / path).read_bytes(), self.settings.icon_dirs, separator)


Check = Callable[[Project, list[str]], list[str]]


