"""MkDocs wiring: each event hands off to a function of the modules beside this one.

State for one build lives on the config object (`config[STATE]`), never in module globals:
MkDocs keeps this module alive across rebuilds in `mkdocs serve`.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, replace
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File
from mkdocs.plugins import get_plugin_logger

import cetak
import media
import tanggapan
from charts import build_charts
from galeri import GalleryError
from journal import Journal
from model import Agenda, DataError, SiteData, load_site_data
from pages import PageError, PageMap, map_pages
from redirects import rewrite_redirect_pages
from render import Renderer, make_environment

log = get_plugin_logger(__name__)

STATE = "kda_build"
TODAY_VARIABLE = "KDA_TODAY"  # YYYY-MM-DD: the day the site is built "as of" (tests, previews)
TEMPLATES_DIR = ".templates"  # inside docs/


@dataclass(frozen=True)
class BuildState:
    data: SiteData
    responses: tanggapan.ResponseSettings
    renderer: Renderer | None = None
    pdf_jobs: tuple[cetak.PdfJob, ...] = ()


# --- events ------------------------------------------------------------------------------

def on_config(config):
    root = Path(config.config_file_path).parent
    docs_dir = Path(config.docs_dir)
    try:
        data = load_site_data(root / "data", docs_dir, label_root=root)
    except DataError as error:
        raise PluginError(str(error)) from None
    for warning in data.peringatan:
        log.warning(warning)
    try:
        responses = tanggapan.read_settings(config.extra)
    except tanggapan.ResponseConfigError as error:
        raise PluginError(_listed("Pengaturan tanggapan pembaca tidak sah:", error.problems)) from None
    config[STATE] = BuildState(data, responses)
    config.plugins["macros"].register_macros(_macros(config))
    return config


def on_files(files, config):
    state: BuildState = config[STATE]
    paths = [f.src_uri for f in files.documentation_pages()]
    try:
        page_map = map_pages(paths, state.data)
    except PageError as error:
        raise PluginError("Halaman tidak cocok dengan data:\n" + "\n".join(f"  - {p}" for p in error.problems)) from None
    try:
        build_media = media.prepare(Path(config.docs_dir), media.cache_dir(config), list(page_map.notes.values()))
    except GalleryError as error:
        raise PluginError(_listed("Foto pertemuan belum boleh terbit:", error.problems)) from None
    files = media.publish(files, config, build_media)
    pdf_jobs = cetak.register(files, config) if cetak.enabled() else ()
    agenda = Agenda(state.data, build_date(state.data))
    env = make_environment(Path(config.docs_dir) / TEMPLATES_DIR)
    journal = Journal(agenda)
    charts = build_charts(journal)
    for chart in charts.values():
        files.append(File.generated(config, chart.path, content=chart.svg))
    renderer = Renderer(env, state.data, agenda, page_map, media=build_media, pdfs=pdf_jobs, journal=journal, charts=charts)
    config[STATE] = replace(state, renderer=renderer, pdf_jobs=pdf_jobs)
    return files


def on_page_markdown(markdown, page, config, files):
    renderer: Renderer = config[STATE].renderer
    path = page.file.src_uri
    nomor = renderer.pages.meeting_of_note(path)
    problem = tanggapan.front_matter_problem(page.meta, f"docs/{path}")
    if problem:
        log.warning(problem)
    if nomor is not None:
        gallery = renderer.gallery(path, page.url)
        return renderer.note_header(path, renderer.data.meeting(nomor)) + "\n" + markdown + "\n" + gallery
    material_id = renderer.pages.material_of_page(path)
    if material_id is not None:
        return renderer.material_header(path, material_id) + "\n" + markdown
    return markdown


def on_page_context(context, page, config, nav):
    state: BuildState = config[STATE]
    context["kda_tanggapan"] = tanggapan.view(
        state.responses, page.meta, page.file.src_uri, page.title or config.site_name, page.canonical_url or page.url)
    return context


def on_post_build(config):
    state: BuildState = config[STATE]
    rewrite_redirect_pages(config, state.renderer.env)
    try:
        cetak.make_pdfs(list(state.pdf_jobs), Path(config.site_dir), media.cache_dir(config) / "pdf")
    except cetak.PdfError as error:
        raise PluginError(str(error)) from None


# --- helpers -------------------------------------------------------------------------------

def build_date(data: SiteData) -> dt.date:
    """Today in the group's time zone, or the date in KDA_TODAY (for tests and previews)."""
    value = os.environ.get(TODAY_VARIABLE)
    if not value:
        return dt.datetime.now(data.kelompok.tz).date()
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise PluginError(f"{TODAY_VARIABLE}: harus berformat TTTT-BB-HH, misalnya 2014-01-10; tertulis \"{value}\".") from None


def _listed(head: str, problems: list[str]) -> str:
    return "\n".join([head] + [f"  - {p}" for p in problems])


def _macros(config) -> dict:
    """The macros maintainer pages may call; each renders a template for the current page."""
    macros_plugin = config.plugins["macros"]

    def view(method: str):
        def macro(*args, **kwargs) -> str:
            renderer: Renderer = config[STATE].renderer
            return getattr(renderer, method)(macros_plugin.page.file.src_uri, *args, **kwargs)

        macro.__name__ = method
        return macro

    return {
        "jadwal": view("schedule"),
        "pokok_bahasan": view("topic_index"),
        "pokok_bahasan_tor": view("tor_topics"),
        "pertemuan_berikutnya": view("next_meeting"),
        "catatan_terbaru": view("latest_notes"),
        "daftar_catatan": view("notes_index"),
        "daftar_materi": view("materials_index"),
        "perjalanan_belajar": view("learning_journey"),
        "daftar_anggota": view("members_index"),
        "jurnal_anggota": view("member_journal"),
        "unduh_pdf": view("pdf_link"),
    }
