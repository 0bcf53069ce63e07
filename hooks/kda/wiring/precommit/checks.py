"""The checks of `scripts/periksa.py` (the pre-commit check): the build's own functions, run on
the changed files without a build, with the build's Indonesian messages.

Adding a check: write `def check_x(project: Project, changed: list[str]) -> list[str]`
(the Indonesian messages, each starting with the file's path) and add one line to CHECKS
with the kinds of file it reads.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from kda.checks import guard, links, policy, privacy
from kda.checks.frontmatter import Rules, check_pages, is_article
from kda.checks.safety import SourceChecker
from kda.model.glossary import load_glossary
from kda.problems import Problems
from kda.views.pages import map_pages
from kda.wiring.precommit.project import DOCS, Check, Project

# --- the checks ----------------------------------------------------------------------------

def problems_of(check: Callable[[], object]) -> list[str]:
    """The messages a check raises (each kind of problem is a kda.problems.Problems), or none."""
    try:
        check()
    except Problems as error:
        return error.problems
    return []


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
    return problems_of(lambda: load_glossary(project.root / "data", project.root))


def check_page_mapping(project: Project, changed: list[str]) -> list[str]:
    """Meeting notes and material pages match the data (hooks/kda/views/pages.py)."""
    if project.data is None:
        return []
    return problems_of(lambda: map_pages(project.pages(), project.data, docs_label=DOCS))


def check_front_matter(project: Project, changed: list[str]) -> list[str]:
    """The front matter of articles, meeting notes and material pages (hooks/kda/checks/frontmatter.py)."""
    if project.data is None:
        return []
    rules = Rules(tuple(p.id for p in project.data.anggota), tuple(t.id for t in project.data.pokok_bahasan),
                  project.settings.categories_allowed)
    pages = {p: project.text(f"{DOCS}/{p}") for p in project.pages()}
    return problems_of(lambda: check_pages(pages, rules, docs_label=DOCS))


def check_limits(project: Project, changed: list[str]) -> list[str]:
    """Pages the build could not read safely: not UTF-8, too long, nested too deep, YAML aliases in
    the front matter... (hooks/limits.py, the build's first check)."""
    return [problem for page in project.pages() if f"{DOCS}/{page}" in changed
            for problem in project.beyond_limits(f"{DOCS}/{page}")]


def check_safety(project: Project, changed: list[str]) -> list[str]:
    """Member pages: raw HTML, links, front matter and identifiers of children and clients
    (hooks/kda/checks/guard.py: the build's source check; the check of the rendered HTML needs a build)."""
    from mkdocs.utils.meta import get_data

    allowed, invalid = project.allow_list
    if invalid:
        return invalid
    maintainers = project.maintainers
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
    allowed, invalid = project.allow_list
    if invalid:
        return invalid
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

    allowed, invalid = project.allow_list
    if invalid:
        return invalid
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


