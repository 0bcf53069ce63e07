"""MkDocs wiring: each event hands off to a function of the modules beside this one.

State for one build lives on the config object (`config[STATE]`, `kda.wiring.state`), never in
module globals: MkDocs keeps this module alive across rebuilds in `mkdocs serve`. The steps of
`on_files` are `kda.wiring.files`; the macros maintainer pages call, `kda.wiring.macros`.
"""

from __future__ import annotations

import os
from dataclasses import replace
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import CombinedEvent, event_priority

from kda.checks import guard
from kda.checks import page_assets as own_assets
from kda.checks.symlinks import symlink_problems
from kda.compat import material as theme
from kda.compat import rss
from kda.compat.glightbox import LightboxError, without_short_descriptions
from kda.model.data import DataError, SiteData, load_site_data
from kda.model.glossary import load_glossary
from kda.outputs import media, pdf
from kda.outputs.cards import publish_all
from kda.paths import CARDS_CACHE_DIR
from kda.problems import listed
from kda.settings import Settings, SettingsError
from kda.views import assets as page_assets
from kda.views import compiled
from kda.views import responses as reader_responses
from kda.views.attachments import hold_back_attachments
from kda.views.blog import configure_blog, hold_back_unpublished, later_pages
from kda.views.preview import page_preview, plain_title
from kda.views.redirects import know_generated_pages, leave_out_redirects_to_later_pages, rewrite_redirect_pages
from kda.views.render import Renderer
from kda.views.share import share_block
from kda.wiring.console import log, on_build_error  # noqa: F401  (on_build_error: an event, re-exported)
from kda.wiring.files import (
    add_generated,
    add_pages,
    check_limits,
    clean_images,
    make_renderer,
    match_pages_to_data,
    prepare_media,
)
from kda.wiring.macros import macros, page_values
from kda.wiring.state import STATE, BuildState, build_date

# --- events ------------------------------------------------------------------------------

@event_priority(100)  # before the blog plugin's on_config, which reads the authors file written here
def on_config(config):
    try:
        settings = Settings.from_config(config)
    except SettingsError as error:
        raise PluginError(str(error)) from None
    root = settings.root
    docs_dir = Path(config.docs_dir)
    links = symlink_problems(root, (os.path.relpath(docs_dir, root), "data", ".cache"))
    if links:  # before anything under them is read (a linked data file would reach the messages)
        raise PluginError(listed("Tautan simbolik (symlink) tidak boleh ada di proyek:", links))
    data, glossary = _load_data(root, docs_dir)
    for warning in data.peringatan:
        log.warning(warning)
    try:
        responses = reader_responses.read_settings(config.extra)
    except reader_responses.ResponseConfigError as error:
        raise PluginError(str(error)) from None
    config[STATE] = BuildState(data, responses, settings=settings, glossary=glossary)
    configure_blog(config, data, settings.cache_dir)
    return config


def on_pre_build(config):
    # After every plugin's on_config (ours runs first, for the blog): the macros plugin's
    # Jinja environment exists only now.
    guard.configure(config, macros(config), page_values(config))  # content safety: sealed macros, checks of pages (kda.checks.guard)


@event_priority(100)  # before any plugin or check reads a page (the blog reads every post in its on_files)
def _on_files_first(files, config):
    check_limits(files, config)
    return files


def _on_files(files, config):
    guard.check_sources(files, config)
    guard.check_names(files, config)
    state: BuildState = config[STATE]
    page_map, articles = match_pages_to_data(files, config, state.data)
    build_media = prepare_media(config, page_map)
    files = media.publish(files, config, build_media)
    guard.check_files(files, config)  # after the gallery's originals and galeri.yml are taken out
    pdf_jobs = pdf.register(files, config) if state.settings.environment.pdf else ()
    today = build_date(state.data, state.settings)
    hold_back_attachments(files, articles, today)  # before the posts themselves leave the files
    later = later_pages(config, state.data, articles, today)
    articles = hold_back_unpublished(files, articles, today)
    clean_images(files, config)
    renderer = replace(make_renderer(files, config, state.data, today, page_map, articles, build_media, pdf_jobs),
                       glossary=state.glossary)
    add_pages(files, config, renderer)
    config[STATE] = replace(state, renderer=renderer, pdf_jobs=pdf_jobs, later_pages=later)
    add_generated(files, config)
    return files


@event_priority(-60)  # after the blog plugin's on_files (-50), which adds its archive and category pages
def _on_files_after_blog(files, config):
    know_generated_pages(files, config)
    for old_page in leave_out_redirects_to_later_pages(config, config[STATE].later_pages):
        log.info(f"Pengalihan dari {old_page} tidak dibuat: halaman tujuannya baru terbit sesudah tanggal situs ini.")
    return files


on_files = CombinedEvent(_on_files_first, _on_files, _on_files_after_blog)


@event_priority(-60)  # after the blog plugin's (-50), which adds every author's profile
def on_nav(nav, config, files):
    theme.keep_profiles_out_of_nav(nav)
    return nav


def on_page_markdown(markdown, page, config, files):
    renderer: Renderer = config[STATE].renderer
    path = page.file.src_uri
    if not renderer.has_gallery(path):
        page.meta["glightbox"] = False  # the lightbox plugin's script and styles (18 KB) only where a gallery is
    nomor = renderer.pages.meeting_of_note(path)
    problem = reader_responses.front_matter_problem(page.meta, f"docs/{path}")
    if problem:
        log.warning(problem)
    if nomor is not None:
        meeting = renderer.data.meeting(nomor)
        return "\n".join((renderer.note_header(path, meeting), markdown, renderer.note_footer(path, meeting)))
    material_id = renderer.pages.material_of_page(path)
    if material_id is not None:
        return renderer.material_header(path, material_id) + "\n" + markdown
    article = renderer.article(path)
    if article is not None:
        return markdown + "\n" + renderer.article_footer(path, article)
    return markdown


def on_page_content(html, page, config, files):
    html = guard.check_rendered(html, page, config)  # the member's HTML, before our own blocks are added
    renderer: Renderer = config[STATE].renderer
    nomor = renderer.pages.meeting_of_note(page.file.src_uri)
    if nomor is None and not theme.is_post(page):
        return html
    if nomor is not None:  # after the check: the lightbox's data-* attributes are ours, never a member's
        html += renderer.gallery(page.file.src_uri, page.url)
    meeting = renderer.data.meeting(nomor) if nomor is not None else None
    return html + share_block(renderer.env, plain_title(page), page.canonical_url, meeting)


def on_page_context(context, page, config, nav):
    state: BuildState = config[STATE]
    context["kda_meta"] = page_preview(page, config, state.renderer, state.cards)
    context["kda_tanggapan"] = reader_responses.view(
        state.responses, page.meta, page.file.src_uri, plain_title(page) or config.site_name, page.canonical_url or page.url)
    context["kda_aset"] = page_assets.for_page(  # the styles and scripts this page uses, and only those
        state.renderer.has_gallery(page.file.src_uri), context["kda_tanggapan"], own_assets.for_page(config.extra, page.file.src_uri))
    return context


def on_env(env, config, files):
    env.bytecode_cache = compiled.THEME  # the theme's templates compiled once per process (kda.views.compiled)
    guard.check_links(files, config)  # every page converted: links, anchors, images (kda.checks.links)
    guard.report(config)
    return env


def on_post_page(output, page, config):
    try:
        output = without_short_descriptions(output)  # captions stay text in the lightbox on phones too
    except LightboxError as error:
        raise PluginError(str(error)) from None
    output = theme.feed_links_without_sitemap_fetch(output)
    guard.check_output(output, page, config)  # every page as written: list pages, theme, data (kda.checks.published)
    return output


def on_post_build(config):
    # Plugins' events run before hooks' at equal priority: the RSS plugin has written its feeds
    # (and the redirects plugin its pages); search_hooks (Pagefind) indexes after this.
    guard.check_published(config, rss.feed_files(config))
    state: BuildState = config[STATE]
    rewrite_redirect_pages(config, state.renderer.env)
    publish_all(state.cards, Path(config.site_dir), state.settings.cache(CARDS_CACHE_DIR))
    try:
        pdf.make_pdfs(list(state.pdf_jobs), Path(config.site_dir), state.settings.cache_dir / "pdf", state.settings.environment)
    except pdf.PdfError as error:
        raise PluginError(str(error)) from None


# --- helpers -------------------------------------------------------------------------------

def _load_data(root: Path, docs_dir: Path) -> tuple[SiteData, tuple]:
    """Every data file, validated; the problems of all of them in one message."""
    problems, data, glossary = [], None, ()
    try:
        data = load_site_data(root / "data", docs_dir, label_root=root)
    except DataError as error:
        problems += error.problems
    try:
        glossary = load_glossary(root / "data", root)
    except DataError as error:
        problems += error.problems
    if problems:
        raise PluginError(str(DataError(problems))) from None
    return data, glossary
