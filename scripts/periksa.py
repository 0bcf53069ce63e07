"""Check the changed files before a commit, with the build's own checks, in Indonesian.

    python3 scripts/periksa.py FILE...     the files given (what pre-commit passes: the changed ones)
    python3 scripts/periksa.py --semua     every file

Run by pre-commit (.pre-commit-config.yaml) for writers who use git on their own computer:
fast (no site build), the same rules and the same messages as `mkdocs build --strict`,
because it calls the same functions (hooks/kda/model/data.py, hooks/kda/views/pages.py...). Only problems in
the changed files are shown; the data files refer to each other, so a change to any of them
shows every problem of data/, and a page that links to a changed page or file is shown with its
links to it. What the strict build stops for stops this first, warnings included (a meeting below
quorum). Without a build, some links are the build's alone to check (hooks/kda/checks/links.py):
those of the maintainers' macro pages and of raw HTML, and links to the anchors the build adds to a
page from the data (a note's title, the schedule's meetings). Exit status 1 when there is a problem;
otherwise one line, "Semua baik: ...".

Adding a check: write `def check_x(project: Project, changed: list[str]) -> list[str]`
(the Indonesian messages, each starting with the file's path) and add one line to CHECKS
with the kinds of file it reads.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from importlib.util import find_spec
from pathlib import Path

# pre-commit runs `python3` from PATH: outside the project's .venv that Python lacks the site's
# packages. Say how to fix it rather than show a traceback.
if find_spec("kda") is None:
    sys.exit(f"Pemeriksaan tidak bisa berjalan: Python ini ({sys.executable}) belum memuat paket situs. "
             "Aktifkan dulu .venv di terminal ini (. .venv/bin/activate; Windows: .venv\\Scripts\\Activate.ps1), "
             "lalu ulangi. Belum ada .venv? Caranya di CONTRIBUTING.md.")

from kda.checks import (
    guard,
    limits,
    links,
    policy,
    privacy,
)
from kda.checks.frontmatter import EXCERPT_SEPARATOR, FrontMatterError, Rules, check_pages, is_article
from kda.checks.safety import SourceChecker
from kda.checks.symlinks import symlink_problems
from kda.model.data import DataError, SiteData, load_site_data
from kda.model.gallery import is_gallery_source
from kda.model.glossary import load_glossary
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
from kda.problems import listed
from kda.settings import Settings
from kda.views.pages import PageError, map_pages
from kda.views.schedule import plan_schedule

ROOT = Path(__file__).resolve().parent.parent


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
        settings = Settings.from_file(root / "mkdocs.yml")
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
    def icon_dirs(self) -> list[Path]:
        """Where the theme finds `icon:` files: the project's custom_dir and Material's own."""
        import material
        from mkdocs.utils.yaml import yaml_load

        with open(self.root / "mkdocs.yml", encoding="utf-8") as stream:
            custom = ((yaml_load(stream) or {}).get("theme") or {}).get("custom_dir")
        dirs = [self.root / custom / ".icons"] if custom else []
        return dirs + [Path(material.__file__).parent / "templates" / ".icons"]

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
    def maintainers(self):
        """The maintainers' pages (the macros plugin's force_render_paths), matched as the plugin matches them."""
        return guard.maintainer_pages_spec(self.settings.maintainer_pages)

    def beyond_limits(self, path: str) -> list[str]:
        """What keeps a page from being read safely (hooks/limits.py): such a page is not read further."""
        separator = EXCERPT_SEPARATOR if is_article(path.removeprefix(f"{DOCS}/")) else None
        return limits.page_problems(path, (self.root / path).read_bytes(), self.icon_dirs, separator)


Check = Callable[[Project, list[str]], list[str]]


# --- the checks ----------------------------------------------------------------------------

def check_data(project: Project, changed: list[str]) -> list[str]:
    """data/*.yml against the model (hooks/kda/model/data.py): fields, formats, relations, files; and, once
    the data are valid, its warnings (a meeting below quorum...), which stop the build too: it is strict."""
    return project.data_problems or list(project.data.peringatan)


def check_page_warnings(project: Project, changed: list[str]) -> list[str]:
    """What the build warns about a page (and, strict, stops for): `tanggapan` that is not true or false
    (hooks/kda/views/responses.py, the function the build calls)."""
    from mkdocs.utils.meta import get_data

    from kda.views.responses import front_matter_problem

    problems = []
    for page in project.pages():
        path = f"{DOCS}/{page}"
        if path in changed and not project.beyond_limits(path):
            problem = front_matter_problem(get_data(project.text(path))[1], path)
            problems += [problem] if problem else []
    return problems


def check_glossary(project: Project, changed: list[str]) -> list[str]:
    """data/istilah.yml against its model (hooks/kda/model/glossary.py)."""
    try:
        load_glossary(project.root / "data", project.root)
    except DataError as error:
        return error.problems
    return []


def check_page_mapping(project: Project, changed: list[str]) -> list[str]:
    """Meeting notes and material pages match the data (hooks/kda/views/pages.py)."""
    if project.data is None:
        return []
    try:
        map_pages(project.pages(), project.data, docs_label=DOCS)
    except PageError as error:
        return error.problems
    return []


def check_front_matter(project: Project, changed: list[str]) -> list[str]:
    """The front matter of articles, meeting notes and material pages (hooks/kda/checks/frontmatter.py)."""
    if project.data is None:
        return []
    rules = Rules(tuple(p.id for p in project.data.anggota), tuple(t.id for t in project.data.pokok_bahasan),
                  project.settings.categories_allowed)
    pages = {p: project.text(f"{DOCS}/{p}") for p in project.pages()}
    try:
        check_pages(pages, rules, docs_label=DOCS)
    except FrontMatterError as error:
        return error.problems
    return []


def check_limits(project: Project, changed: list[str]) -> list[str]:
    """Pages the build could not read safely: not UTF-8, too long, nested too deep, YAML aliases in
    the front matter... (hooks/limits.py, the build's first check)."""
    return [problem for page in project.pages() if f"{DOCS}/{page}" in changed
            for problem in project.beyond_limits(f"{DOCS}/{page}")]


def check_safety(project: Project, changed: list[str]) -> list[str]:
    """Member pages: raw HTML, links, front matter and identifiers of children and clients
    (hooks/kda/checks/guard.py: the build's source check; the check of the rendered HTML needs a build)."""
    from mkdocs.utils.meta import get_data

    try:
        allowed = privacy.load_allow_list(project.root / "data", project.root)
    except privacy.AllowListError as error:
        return error.problems
    maintainers = guard.maintainer_pages_spec(project.settings.maintainer_pages)
    checker = SourceChecker()
    problems: list[str] = []
    for page in project.pages():
        path = f"{DOCS}/{page}"
        if path not in changed or maintainers.match_file(page) or project.beyond_limits(path):
            continue
        source = project.text(path)
        markdown, meta = get_data(source)
        problems += guard.source_problems(checker, allowed, path, markdown, meta,
                                          lambda: guard.lines_before(source, markdown), article=is_article(page))[0]
    return problems


def check_links(project: Project, changed: list[str]) -> list[str]:
    """Links, anchors and images of the members' pages (hooks/kda/checks/links.py, as the build reads their
    source): of the changed pages, and of the pages that link to a changed page or file (a renamed heading
    or image breaks their links too). The anchors the build adds to a page from the data (a note's title,
    the schedule's meetings) are known only in a build, which checks a link to them."""
    from mkdocs.utils.meta import get_data

    in_docs = {path.removeprefix(f"{DOCS}/") for path in changed if path.startswith(f"{DOCS}/")}
    problems: list[str] = []
    for page in project.pages():
        path = f"{DOCS}/{page}"
        if project.maintainers.match_file(page):
            continue
        source = project.text(path)
        markdown = get_data(source)[0]
        if page not in in_docs and not links.targets_of(page, markdown) & in_docs:
            continue
        if project.beyond_limits(path):
            continue
        if page in in_docs:
            problems += links.page_problems(path, page, markdown, lambda: guard.lines_before(source, markdown),
                                            project.link_targets)
        else:  # only its links to the changed files: its other problems are the build's (and --semua's) to show
            problems += [ByChange(problem) for problem in links.page_problems(
                path, page, markdown, lambda: guard.lines_before(source, markdown), project.link_targets,
                into=frozenset(in_docs))]
    return problems


def check_data_privacy(project: Project, changed: list[str]) -> list[str]:
    """Identifiers of children and clients in the texts of data/*.yml, which are published too
    (hooks/kda/checks/privacy.py, as the build checks them)."""
    try:
        allowed = privacy.load_allow_list(project.root / "data", project.root)
    except privacy.AllowListError as error:
        return error.problems
    return privacy.data_findings(project.root / "data", project.root, allowed)


def check_galleries(project: Project, changed: list[str]) -> list[str]:
    """Meeting photos (hooks/kda/model/gallery.py): caption and consent for each; and, because the
    repository is public, no original may carry its GPS location into git (the site strips it,
    the repository keeps the original as committed)."""
    from kda.model.gallery import GalleryError, find_galleries
    from kda.outputs.photo import has_location
    from kda.views.pages import NOTES_DIR

    notes = [p for p in project.pages() if p.startswith(f"{NOTES_DIR}/") and p.count("/") == 1]
    try:
        galleries = find_galleries(project.root / DOCS, NOTES_DIR, notes, docs_label=DOCS)
    except GalleryError as error:
        return error.problems
    return [f"{DOCS}/{g.folder}/{photo.name}: foto ini masih menyimpan lokasi GPS tempat foto diambil. "
            "Situs menghapusnya, tetapi repositori menyimpan berkas aslinya. Hapus lokasinya sebelum commit "
            "(misalnya kirim ulang foto lewat aplikasi yang membuang data lokasi, atau matikan lokasi di kamera) "
            "lalu ganti berkasnya."
            for g in galleries for photo in g.photos if has_location(photo.source)]


def check_names(project: Project, changed: list[str]) -> list[str]:
    """Identifiers in the names of changed files under docs/ (a post's address, an image's name) and in
    the captions of changed galleries (hooks/guard.py, as the build checks them); images the build
    refuses (unreadable, over the pixel limit: hooks/images.py); and, the repository being public, no
    image may carry its GPS location into git (the site re-encodes every image)."""
    from kda.model.gallery import GALLERY_LIST
    from kda.outputs.images import UnreadableImage, is_content_image, open_checked
    from kda.outputs.photo import has_location

    try:
        allowed = privacy.load_allow_list(project.root / "data", project.root)
    except privacy.AllowListError as error:
        return error.problems
    problems = []
    for path in changed:
        if not path.startswith(f"{DOCS}/") or not (project.root / path).is_file():
            continue
        problems += guard.name_problems(path, path.removeprefix(f"{DOCS}/"), allowed)
        if path.endswith(f"/{GALLERY_LIST}"):
            problems += privacy.yaml_findings(project.root / path, path, allowed)
        if is_content_image(path):
            try:
                open_checked((project.root / path).read_bytes()).close()  # its size, before the build decodes it
            except UnreadableImage as error:
                problems.append(f"{path}: {error.reason}")
        if is_content_image(path) and not is_photo(path) and has_location(project.root / path):
            problems.append(f"{path}: gambar ini masih menyimpan lokasi GPS tempat foto diambil. Situs menghapusnya, "
                            "tetapi repositori menyimpan berkas aslinya. Hapus lokasinya sebelum commit (misalnya kirim "
                            "ulang foto lewat aplikasi yang membuang data lokasi) lalu ganti berkasnya.")
    return problems


def is_photo(path: str) -> bool:
    parts = path.split("/")
    return len(parts) >= 5 and parts[:2] == [DOCS, "pertemuan"] and parts[3] == "foto"


def is_data(path: str) -> bool:
    return path.startswith("data/") and path.endswith((".yml", ".yaml"))


def is_page(path: str) -> bool:
    return path.startswith(f"{DOCS}/") and path.endswith(".md")


def is_published_file(path: str) -> bool:
    """A page or a file beside the pages that the site publishes (its name is published too)."""
    return path.startswith(f"{DOCS}/") and (is_page(path) or Path(path).suffix.lower() in policy.STATIC_EXTENSIONS)


KINDS: dict[str, Callable[[str], bool]] = {"data": is_data, "halaman": is_page, "foto": is_photo,
                                           "berkas": is_published_file}

# (kinds of file the check reads, the check). A check runs when a changed file is of its kind.
# Other checks plug in here with one line each, e.g. the front matter of articles and notes
# (hooks/kda/checks/frontmatter.py) and the safety and privacy checks (hooks/kda/checks/safety.py, hooks/kda/checks/privacy.py).
CHECKS: tuple[tuple[frozenset[str], Check], ...] = (
    (frozenset({"halaman"}), check_limits),
    (frozenset({"data"}), check_data),
    (frozenset({"data"}), check_glossary),
    (frozenset({"data", "halaman"}), check_page_mapping),
    (frozenset({"data", "halaman"}), check_front_matter),
    (frozenset({"halaman"}), check_safety),
    (frozenset({"halaman"}), check_page_warnings),
    (frozenset({"berkas"}), check_links),
    (frozenset({"data"}), check_data_privacy),
    (frozenset({"foto", "halaman"}), check_galleries),
    (frozenset({"berkas"}), check_names),
)


# --- running them --------------------------------------------------------------------------

def run_checks(project: Project, changed: list[str]) -> list[str]:
    kinds = {kind for kind, matches in KINDS.items() for path in changed if matches(path)}
    problems: list[str] = []
    for check_kinds, check in CHECKS:
        if check_kinds & kinds:
            problems += [p for p in check(project, changed) if p not in problems]
    return problems


class ByChange(str):
    """A problem in a file that did not change, caused by one that did (a link to a changed page)."""


def concerns(problem: str, changed: list[str]) -> bool:
    """Whether a problem is in a changed file (any data problem, once data/ has changed), or caused by one."""
    if isinstance(problem, ByChange):
        return True
    if any(is_data(path) for path in changed) and problem.startswith("data/"):
        return True
    return any(problem.startswith((f"{path}:", f"{path},")) for path in changed)


def report(shown: list[str], hidden: int) -> str:
    lines = [listed(f"Ada {len(shown)} masalah. Perbaiki lalu commit lagi:", shown)]
    if hidden:
        lines.append(f"(Ada juga {hidden} masalah di berkas lain yang tidak diubah; "
                     "lihat semuanya dengan: python3 scripts/periksa.py --semua)")
    return "\n".join(lines)


def every_file(root: Path) -> list[str]:
    """Every file and link under data/ and docs/ (linked folders are listed, not entered)."""
    found = []
    for folder in ("data", DOCS):
        for directory, subfolders, files in os.walk(root / folder):
            found += [(Path(directory) / name).relative_to(root).as_posix() for name in subfolders + files
                      if name in files or (Path(directory) / name).is_symlink()]
    return sorted(found)


def main(argv: list[str], root: Path = ROOT) -> int:
    symlinks = symlink_problems(root)  # first, before any file is read: a link's target is no file of ours
    if symlinks:
        print(report(symlinks, 0))
        return 1
    project = Project.load(root)
    if argv == ["--semua"]:
        changed = [f"data/{p.name}" for p in sorted((root / "data").glob("*.y*ml"))]
        changed += [f"{DOCS}/{p}" for p in project.pages()]
        changed += [p.relative_to(root).as_posix() for p in sorted((root / DOCS).rglob("*")) if p.is_file()
                    and p.suffix != ".md" and is_published_file(p.relative_to(root).as_posix())
                    and not any(part.startswith(".") for part in p.relative_to(root / DOCS).parts)]
    else:
        changed = [Path(a).as_posix() for a in argv]
    problems = run_checks(project, changed)
    shown = [p for p in problems if concerns(p, changed)]
    if shown:
        print(report(shown, len(problems) - len(shown)))
        return 1
    print(all_good(sum(1 for path in changed if any(matches(path) for matches in KINDS.values())),
                   len(problems)))
    return 0


def all_good(checked: int, hidden: int) -> str:
    """The line when the changed files have no problem."""
    if not checked:
        return "Semua baik: tidak ada berkas data atau halaman yang perlu diperiksa."
    line = f"Semua baik: {checked} berkas diperiksa, tidak ada masalah."
    if hidden:
        line += (f" (Ada {hidden} masalah di berkas lain yang tidak diubah; lihat semuanya dengan: "
                 "python3 scripts/periksa.py --semua)")
    return line


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
