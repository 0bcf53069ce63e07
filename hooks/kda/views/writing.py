"""The writers' forms: "Tulis artikel" (docs/tulis.md) and "Tulis catatan pertemuan" (docs/tulis-catatan.md).

A form composes a new file exactly as the project's scaffold does (scaffold.py: one template
for the article, one for the note) and, when the writer presses its button, opens the
repository's web editor on it: GitHub's `/new/BRANCH/FOLDER?filename=NAME&value=TEXT`. The
writer writes the body there and proposes the change; the pull request's check does the rest.

The choices (authors, categories, topics, meetings without a note) are written into the page
at build time from the data, and everything the script (docs/assets/kda-tulis.js) needs comes
in one JSON attribute of the form (`settings`): the template cut at its fields, the editor's
address, the slug and text rules. The script sends nothing; without JavaScript the page says
how to do the same by hand.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from urllib.parse import urlparse

from jinja2 import Environment

from kda.checks import frontmatter, safety
from kda.checks.frontmatter import POSTS_DIR
from kda.model.agenda import Agenda
from kda.model.data import SiteData
from kda.model.kinds import Status
from kda.model.schema import Anggota, Pertemuan, PokokBahasan
from kda.problems import Collector, Problems
from kda.views import scaffold
from kda.views.pages import NOTES_DIR, PageMap

PREVIEW_HOST = "http://127.0.0.1:8000"  # where `mkdocs serve` listens by default
_GITHUB_REPO = re.compile(r"^https://github\.com/[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+$")
_GITHUB_EDIT = re.compile(r"^(?:edit|blob)/(?P<branch>[^/]+)/(?P<docs>[^?#]*?)/?$")


class RepositoryError(Problems):
    heading = ("mkdocs.yml: repo_url dan edit_uri menentukan repositori dan cabang tempat halaman Tulis artikel "
               "dan Tulis catatan pertemuan membuka penyunting GitHub ({count} masalah):")


@dataclass(frozen=True)
class Repository:
    """The repository and branch of repo_url/edit_uri (mkdocs.yml), and its docs/ folder."""

    url: str  # https://github.com/OWNER/REPO
    branch: str
    docs: str  # the docs/ folder's path in the repository, e.g. "docs"

    def new_file(self, folder: str) -> str:
        """GitHub's editor for a new file in `folder` (relative to docs/)."""
        return self._address("new", folder)

    def folder(self, folder: str) -> str:
        """The folder as GitHub shows it (where "Add file" uploads a picture)."""
        return self._address("tree", folder)

    def _address(self, verb: str, folder: str) -> str:
        return "/".join(part for part in (self.url, verb, self.branch, self.docs, folder) if part)


def repository(repo_url: str | None, edit_uri: str | None) -> Repository:
    """Read repo_url and edit_uri as the site's "edit this page" button uses them; a clear message otherwise."""
    url = (repo_url or "").rstrip("/")
    edit = _GITHUB_EDIT.match(edit_uri or "")
    problems = Collector()
    if not _GITHUB_REPO.match(url):
        problems.append(f'repo_url harus alamat repositori GitHub, misalnya https://github.com/kelompok-diskusi-bandung/situs; '
                        f'tertulis "{repo_url or ""}"')
    if not edit:
        problems.append(f'edit_uri harus berbentuk edit/CABANG/FOLDER-DOCS/, misalnya edit/main/docs/; tertulis "{edit_uri or ""}"')
    problems.raise_as(RepositoryError)
    return Repository(url, edit["branch"], edit["docs"].strip("/"))


def preview_address(site_url: str) -> str:
    """The address `mkdocs serve` answers: it serves the site under site_url's path (`/situs/`)."""
    return PREVIEW_HOST + (urlparse(site_url).path or "/")


def _rules() -> dict[str, str]:
    """The build's own rules for text in front matter, as patterns the page's script can test."""
    return {"polos": frontmatter.PLAIN_TEXT.pattern, "tanpa-kode": safety.MARKUP_IN_TEXT.pattern}


def _text_rules() -> dict[str, str]:
    return {"space": scaffold.SPACE, "control": scaffold.CONTROL, "slugWords": scaffold.SLUG_WORDS}


def article_settings(env: Environment, repo: Repository, time_zone: str) -> str:
    """What the article form's script needs, as JSON (written into the page, escaped)."""
    return json.dumps({
        "kind": "artikel",
        "editor": repo.new_file(POSTS_DIR),
        "pieces": scaffold.template_pieces(env),
        "fallback": scaffold.ARTICLE_FALLBACK,
        "timeZone": time_zone,
        "rules": _rules(),
        **_text_rules(),
    }, ensure_ascii=False, sort_keys=True)


def note_settings(env: Environment, repo: Repository) -> str:
    return json.dumps({
        "kind": "catatan",
        "editor": repo.new_file(NOTES_DIR),
        "text": scaffold.render_note(env),
        "fallback": scaffold.NOTE_FALLBACK,
        **_text_rules(),
    }, ensure_ascii=False, sort_keys=True)


@dataclass(frozen=True)
class ArticleChoices:
    """What an article's front matter may name: the guide lists them, the article form offers them."""

    authors: tuple[Anggota, ...]  # everyone in data/anggota.yml, the team included
    categories: tuple[str, ...]  # the blog's categories_allowed
    topics: tuple[PokokBahasan, ...]  # in the TOR's order


def article_choices(data: SiteData, categories: tuple[str, ...]) -> ArticleChoices:
    return ArticleChoices(data.anggota, categories, data.pokok_bahasan)


@dataclass(frozen=True)
class NoteChoice:
    meeting: Pertemuan
    status: Status
    prefix: str  # the file name's NN
    chosen: bool


def meetings_without_note(data: SiteData, pages: PageMap, agenda: Agenda) -> list[NoteChoice]:
    """The meetings a note can still be written for (none yet, not cancelled), by number.

    The one chosen at first is the latest meeting held, else the first one."""
    open_meetings = [m for m in data.pertemuan if pages.note(m.nomor) is None and agenda.status(m) != Status.BATAL]
    held = [m for m in open_meetings if agenda.status(m) == Status.SELESAI]
    chosen = held[-1] if held else next(iter(open_meetings), None)
    return [NoteChoice(m, agenda.status(m), scaffold.NewNote(m.nomor).prefix, m is chosen) for m in open_meetings]
