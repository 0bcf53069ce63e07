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

import guard
from charts import build_charts
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
    renderer: Renderer | None = None


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
    config[STATE] = BuildState(data)
    config.plugins["macros"].register_macros(_macros(config))
    guard.configure(config)  # content safety: sandboxed macros, checks of member pages (guard.py)
    return config


def on_files(files, config):
    guard.check_files(files, config)
    state: BuildState = config[STATE]
    paths = [f.src_uri for f in files.documentation_pages()]
    try:
        page_map = map_pages(paths, state.data)
    except PageError as error:
        raise PluginError("Halaman tidak cocok dengan data:\n" + "\n".join(f"  - {p}" for p in error.problems)) from None
    agenda = Agenda(state.data, build_date(state.data))
    env = make_environment(Path(config.docs_dir) / TEMPLATES_DIR)
    journal = Journal(agenda)
    charts = build_charts(journal)
    for chart in charts.values():
        files.append(File.generated(config, chart.path, content=chart.svg))
    config[STATE] = replace(state, renderer=Renderer(env, state.data, agenda, page_map, journal=journal, charts=charts))
    return files


def on_page_markdown(markdown, page, config, files):
    guard.check_source(markdown, page, config)
    renderer: Renderer = config[STATE].renderer
    path = page.file.src_uri
    nomor = renderer.pages.meeting_of_note(path)
    if nomor is not None:
        return renderer.note_header(path, renderer.data.meeting(nomor)) + "\n" + markdown
    material_id = renderer.pages.material_of_page(path)
    if material_id is not None:
        return renderer.material_header(path, material_id) + "\n" + markdown
    return markdown


def on_page_content(html, page, config, files):
    return guard.check_rendered(html, page, config)


def on_env(env, config, files):
    guard.report(config)
    return env


def on_post_build(config):
    rewrite_redirect_pages(config, config[STATE].renderer.env)


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
    }
