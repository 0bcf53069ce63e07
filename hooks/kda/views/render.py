"""Render the generated parts of pages from the templates in `docs/.templates/`.

Python hands data to Jinja; the layout lives in the templates. Every view is rendered for
one page (`page_path`, relative to docs/) so the Markdown links it emits are relative to
that page and checked by the site's link check (kda.checks.links) like any hand-written link.
"""

from __future__ import annotations

import datetime as dt
import posixpath
import re
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from babel.dates import format_date, format_time
from babel.numbers import format_decimal
from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape
from markupsafe import Markup
from mkdocs.exceptions import PluginError
from mkdocs.utils import get_relative_url

from kda.checks.frontmatter import Article
from kda.model.agenda import Agenda
from kda.model.data import SiteData
from kda.model.kinds import JenisAnggota, JenisMateri, Status
from kda.model.schema import Pertemuan
from kda.outputs.calendar import in_calendar, meeting_file
from kda.outputs.media import Media
from kda.paths import ARTICLES_FEED, CALENDAR_FEED, QR_FILE
from kda.views import compiled, writing
from kda.views.articles import article_footer
from kda.views.journey import learning_journey
from kda.views.lightbox import as_html_text
from kda.views.materials import material_view, material_views
from kda.views.meetings import MeetingViews, home_card
from kda.views.missing import list_text, runs_text
from kda.views.pages import PageMap
from kda.views.scaffold import NewArticle, render_article, render_note
from kda.views.schedule import SCHEDULE_PAGE, ScheduleLayout, schedule_view
from kda.views.topics import topic_index

# The RSS plugin's file (mkdocs.yml: rss), written after the pages are built: linked by its
# full address, since the link check only knows files that exist before the pages are written.

LOCALE = "id"


def tanggal(value: dt.date, pattern: str = "EEEE, d MMMM y") -> str:
    """An Indonesian date: 'Kamis, 16 Januari 2014'."""
    return format_date(value, pattern, locale=LOCALE)


def jam(value: dt.time) -> str:
    """An Indonesian clock time: '13.00'."""
    return format_time(value, "HH.mm", locale=LOCALE)


def angka(value: float) -> str:
    """An Indonesian number with at most one decimal: '72,5', '80'."""
    return format_decimal(value, "#,##0.#", locale=LOCALE)


def address_parts(address: str) -> list[str]:
    """A web address cut where a line may break when it is printed large: after the scheme's "//"
    and after each "." and "/" ("https://", "kelompok-diskusi-bandung.", "github.", "io/", "situs/").
    The poster keeps each part whole, so the address never breaks inside a word or at a hyphen."""
    return re.findall(r"^[a-z][a-z0-9+.-]*://|[^./]+[./]?|[./]", address, flags=re.IGNORECASE)


# What HTML or the site's Markdown (with its extensions: attr_list, tables, admonition, details)
# would read as syntax in a value, written as numeric character references: a browser shows each
# as the character itself, in text and in attribute values alike, and no Markdown rule matches it.
# Python-Markdown has no function that escapes text for Markdown, hence this table.
_TEXT = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;",
                       **{c: f"&#{ord(c)};" for c in "`*_[]{}|\\~"}})
# Block syntax only where a line starts (a value may be the first thing on a line): a heading,
# a list item, a quote, an admonition (!!!) or a collapsible block (???), an underline.
_LINE_START = re.compile(r"^(?:[#+=!?-]|\d+[.)](?=\s|$))")


def teks(value) -> Markup:
    """A value from data/ as plain text in a template: escaped for HTML and for Markdown alike,
    whitespace and line breaks collapsed into single spaces (the `e` filter of the templates)."""
    if isinstance(value, Markup):
        return value
    text = " ".join(str(value).split()).translate(_TEXT)
    text = _LINE_START.sub(lambda m: m[0][:-1] + f"&#{ord(m[0][-1])};", text, count=1)
    return Markup(text)


def make_environment(templates_dir: Path) -> Environment:
    env = Environment(
        loader=FileSystemLoader(str(templates_dir)),
        undefined=StrictUndefined,
        # HTML templates (*.html.j2) escape every value; the Markdown ones (*.md.j2) are escaped for
        # Markdown where they take text, and MkDocs then renders them.
        autoescape=select_autoescape(enabled_extensions=("html.j2",), default=False, default_for_string=False),
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        bytecode_cache=compiled.VIEWS,
    )
    env.filters.update(tanggal=tanggal, jam=jam, angka=angka, e=teks, daftar=list_text, rentang=runs_text,
                       teks_html=as_html_text)
    env.globals.update(kalender=meeting_file, ada_di_kalender=in_calendar,
                       Status=Status, JenisAnggota=JenisAnggota, JenisMateri=JenisMateri)  # compared with, never their words
    return env


@dataclass(frozen=True)
class Renderer:
    """Everything the views read, for one build; each view hands its template only what it shows."""

    env: Environment
    data: SiteData
    agenda: Agenda
    pages: PageMap
    articles: tuple[Article, ...] = ()  # published articles, newest first
    categories: tuple[str, ...] = ()  # the blog's categories_allowed
    media: Media = Media()
    pdfs: tuple = ()  # cetak.PdfJob of each page printed to PDF
    layout: ScheduleLayout = field(default_factory=lambda: ScheduleLayout(()))  # which page lists each meeting (plan_schedule)
    schedule_page: str = SCHEDULE_PAGE
    topics_page: str = "topik.md"
    journal: Any = None  # journal.Journal: the learning journal's figures
    charts: dict = field(default_factory=dict)  # charts.Chart by name, drawn once per build
    site_url: str = ""  # the public address (mkdocs.yml), for files written after the pages (the RSS feed)
    members_page: str = "anggota.md"
    repository: writing.Repository | None = None  # repo_url/edit_uri (mkdocs.yml): the writers' forms open its editor
    glossary_page: str = "istilah.md"
    glossary: tuple = ()  # glossary.Istilah of data/istilah.yml, in its order

    def render(self, template: str, page_path: str, **context) -> str:
        def link(target: str, anchor: str | None = None) -> str:
            rel = posixpath.relpath(target, posixpath.dirname(page_path) or ".")
            return f"{rel}#{anchor}" if anchor else rel

        # What every template and the macros they import may read: the group's facts, the pages
        # they link to, and helpers. The rest, each view below passes to its own template.
        return self.env.get_template(template).render(
            kelompok=self.data.kelompok,
            link=link,
            di_jadwal=lambda meeting: link(self.layout.page_of(meeting), meeting.anchor),  # a meeting's card
            schedule_page=self.schedule_page,
            topics_page=self.topics_page,
            members_page=self.members_page,
            glossary_page=self.glossary_page,
            ukuran=self.media.labels.__getitem__,  # "PDF, 1,2 MB" of a file in docs/
            **context,
        )

    @cached_property  # every meeting's view, made once per build
    def meetings(self) -> MeetingViews:
        return MeetingViews(self.agenda, self.pages, self.journal)

    # --- the views ---------------------------------------------------------------------

    def schedule(self, page_path: str) -> str:
        return self.render("jadwal.md.j2", page_path, schedule=schedule_view(self.meetings, self.layout),
                           subscribe=self.subscribe(page_path), pdf=self.pdf_link(page_path, "Jadwal"))

    def schedule_year_pages(self) -> dict[str, str]:
        """The Markdown of each year's schedule page (none while the schedule fits on one page)."""
        years = self.layout.year_links
        return {path: self.render("jadwal_tahun.md.j2", path, year=meetings[0].tanggal.year,
                                  meetings=self.meetings.each(meetings), years=years)
                for path, meetings in self.layout.year_pages().items()}

    def topic_index(self, page_path: str) -> str:
        return self.render("topik.md.j2", page_path, index=topic_index(self.meetings, self.articles_for_topic))

    def tor_topics(self, page_path: str) -> str:
        return self.render("tor_pokok_bahasan.md.j2", page_path, topics=self.data.pokok_bahasan)

    def next_meeting(self, page_path: str) -> str:
        return self.render("pertemuan_berikutnya.md.j2", page_path, card=home_card(self.meetings))

    def latest_notes(self, page_path: str, count: int = 3) -> str:
        """The notes of the latest meetings held as of the build date (a note written ahead waits)."""
        return self.render("catatan_terbaru.md.j2", page_path, meetings=self.meetings.latest_notes(count))

    def notes_index(self, page_path: str) -> str:
        return self.render("daftar_catatan.md.j2", page_path, meetings=self.meetings.with_notes())

    def materials_index(self, page_path: str) -> str:
        return self.render("daftar_materi.md.j2", page_path, entries=material_views(self.data, self.pages))

    def subscribe(self, page_path: str) -> str:
        return self.render("langganan.md.j2", page_path, calendar_feed=CALENDAR_FEED,
                           articles_feed=f"{self.site_url}{ARTICLES_FEED}")

    def poster(self, page_path: str, address: str) -> str:
        return self.render("poster.md.j2", page_path, address=address, address_parts=address_parts(address),
                           qr_file=QR_FILE)

    def note_header(self, page_path: str, meeting: Pertemuan) -> str:
        return self.render("kepala_catatan.md.j2", page_path, m=self.meetings.of(meeting))

    def note_footer(self, page_path: str, meeting: Pertemuan) -> str:
        """What the source says about the meeting, once, collapsed at the end of its note ("" if nothing)."""
        return self.render("kaki_catatan.md.j2", page_path, m=self.meetings.of(meeting))

    def material_header(self, page_path: str, material_id: str) -> str:
        view = material_view(self.data, self.pages, material_id)
        return self.render("kepala_materi.md.j2", page_path, materi=view.materi, meetings=view.meetings)

    def learning_journey(self, page_path: str) -> str:
        return self.render("perjalanan.md.j2", page_path, journey=learning_journey(self.journal, self.charts))

    def glossary_index(self, page_path: str) -> str:
        return self.render("daftar_istilah.md.j2", page_path, entries=self.glossary)

    def glossary_term(self, page_path: str, term_id: str, text: str | None = None) -> str:
        """A term where a page uses it (the TOR), linked to its explanation; its hint is searchable."""
        term = next((t for t in self.glossary if t.id == term_id), None)
        if term is None:
            known = ", ".join(t.id for t in self.glossary)
            raise PluginError(f"docs/{page_path}: istilah(\"{term_id}\"): tidak ada di data/istilah.yml. "
                              f"Id yang ada: {known}.")
        return self.render("istilah.md.j2", page_path, t=term, text=text or term.istilah)

    def members_index(self, page_path: str) -> str:
        return self.render("daftar_anggota.md.j2", page_path, members=self.meetings.members())

    def member_journal(self, page_path: str, person_id: str) -> str:
        """One member's attended and facilitated meetings (for the members page and author profiles)."""
        return self.render("jurnal_anggota.md.j2", page_path, mj=self.meetings.member(person_id))

    def writing_guide_lists(self, page_path: str) -> str:
        """Panduan Menulis: the authors, categories and topic ids a writer may use."""
        return self.render("panduan_daftar.md.j2", page_path, choices=writing.article_choices(self.data, self.categories))

    def new_article_example(self, page_path: str) -> str:
        """Panduan Menulis: the article template, exactly as scripts/artikel_baru.py writes it."""
        example = NewArticle(
            title="Judul tulisan Anda", date=self.agenda.today, authors=(self.data.anggota[0].id,),
            description="Satu kalimat tentang isi tulisan.", categories=self.categories[:1],
            tags=("PKSA",), topics=(self.data.pokok_bahasan[0].id,),
        )
        return self.render("contoh_artikel.md.j2", page_path, text=render_article(self.env, example))

    def new_note_example(self, page_path: str) -> str:
        """Panduan Menulis: a new meeting note, exactly as the note form begins it."""
        return self.render("contoh_artikel.md.j2", page_path, text=render_note(self.env))

    def article_form(self, page_path: str) -> str:
        """Tulis artikel: the form that opens the repository's editor on a new article."""
        settings = writing.article_settings(self.env, self.repository, self.data.kelompok.zona_waktu)
        return self.render("tulis_artikel.md.j2", page_path, choices=writing.article_choices(self.data, self.categories),
                           settings=settings)

    def note_form(self, page_path: str) -> str:
        """Tulis catatan pertemuan: the same for a note of a meeting that has none yet."""
        return self.render("tulis_catatan.md.j2", page_path, settings=writing.note_settings(self.env, self.repository),
                           choices=writing.meetings_without_note(self.data, self.pages, self.agenda))

    def repository_address(self, page_path: str, kind: str, folder: str) -> str:
        """A folder of docs/ in the repository: "baru" (a new file there) or "folder" (to upload a picture)."""
        return {"baru": self.repository.new_file, "folder": self.repository.folder}[kind](folder)

    def preview_address(self, page_path: str) -> str:
        """Where `mkdocs serve` shows the site (under site_url's path)."""
        return writing.preview_address(self.site_url)

    def authors_index(self, page_path: str, entries) -> str:
        """entries: (person, profile page, number of articles) of each author (blog.authors_index_file)."""
        return self.render("daftar_penulis.md.j2", page_path, entries=entries)

    def author_profile(self, page_path: str, person) -> str:
        """A member's profile shows the member's journal (`mj`); the team's shows none."""
        mj = self.meetings.member(person.id) if person.jenis == JenisAnggota.ANGGOTA else None
        return self.render("profil_penulis.md.j2", page_path, p=person, mj=mj)

    def article_footer(self, page_path: str, article: Article) -> str:
        return self.render("kaki_artikel.md.j2", page_path, footer=article_footer(self.data, article))

    def latest_articles(self, page_path: str, count: int = 3) -> str:
        return self.render("tulisan_terbaru.md.j2", page_path, articles=self.articles[:count])

    def article(self, src_path: str) -> Article | None:
        return self._articles_by_path.get(src_path)

    @cached_property  # asked for every page
    def _articles_by_path(self) -> dict[str, Article]:
        return {a.src_uri: a for a in self.articles}

    def articles_for_topic(self, topic_id: str) -> list[Article]:
        return list(self._articles_by_topic.get(topic_id, ()))

    @cached_property  # asked once per topic on the topic index
    def _articles_by_topic(self) -> dict[str, list[Article]]:
        found: dict[str, list[Article]] = {}
        for article in self.articles:
            for topic_id in dict.fromkeys(article.topics):
                found.setdefault(topic_id, []).append(article)
        return found
    def has_gallery(self, page_path: str) -> bool:
        """Whether this page shows a photo gallery (only notes have one)."""
        return bool(self.media.galleries.get(page_path))

    def gallery(self, page_path: str, page_url: str) -> str:
        """The photo gallery of a note, or "" when it has none."""
        photos = self.media.galleries.get(page_path)
        if not photos:
            return ""
        return self.render("galeri.md.j2", page_path, photos=photos, gallery_id=page_path[:-3].replace("/", "-"),
                           url=lambda target: get_relative_url(target, page_url))

    def pdf_link(self, page_path: str, judul: str) -> str:
        """The link to this page's PDF, or "" when the build makes none (KDA_TANPA_PDF)."""
        job = next((j for j in self.pdfs if j.page == page_path), None)
        return self.render("unduh_pdf.md.j2", page_path, pdf_path=job.site_path, judul=judul) if job else ""
