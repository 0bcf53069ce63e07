"""The steps of the build's `on_files` (`kda.wiring.events`): the pages checked before any plugin
reads them, matched to the data, their images cleaned, the renderer made for this build, and
the pages and files made from the data added.
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, InclusionLevel
from mkdocs.utils.meta import get_data

from kda.checks import guard, limits
from kda.checks.frontmatter import EXCERPT_SEPARATOR, FrontMatterError, is_article
from kda.model.agenda import Agenda
from kda.model.data import SiteData
from kda.model.gallery import GalleryError
from kda.model.journal import Journal
from kda.outputs import media
from kda.outputs.charts import build_charts
from kda.outputs.images import UnreadableImage, clean_copy, is_content_image
from kda.paths import CHARTS_DIR, IMAGES_CACHE_DIR, TEMPLATES_DIR
from kda.problems import listed
from kda.settings import Settings
from kda.views.blog import authors_index_file, avatar_files, blog_categories, check_writers_pages, profile_files
from kda.views.pages import PageError, PageMap, map_pages
from kda.views.render import Renderer, make_environment
from kda.views.schedule import plan_schedule
from kda.views.writing import RepositoryError, repository
from kda.wiring.generated import SiteUrlError, generated_files
from kda.wiring.state import STATE


def check_limits(files, config) -> None:
    """Every page, published now or later, within the limits that keep the build bounded (limits.py):
    refused here, before MkDocs, the blog or any check reads its front matter or converts it."""
    label = Path(os.path.relpath(config.docs_dir, config[STATE].settings.root)).as_posix()
    icons = config[STATE].settings.icon_dirs
    problems = []
    for file in files.documentation_pages(inclusion=lambda level: True):
        if file.generated_by or not file.abs_src_path or any(part.startswith(".") for part in Path(file.src_uri).parts):
            continue
        separator = EXCERPT_SEPARATOR if is_article(file.src_uri) else None
        problems += limits.page_problems(f"{label}/{file.src_uri}", Path(file.abs_src_path).read_bytes(), icons, separator)
    if problems:
        raise PluginError(listed("Halaman ini tidak dapat dibangun dengan aman; perbaiki dulu:", problems))


def match_pages_to_data(files, config, data: SiteData) -> tuple[PageMap, list]:
    """Notes and materials matched to the data, every page's front matter checked: every problem at once.

    A mismatch with the data stops the build here (with the front matter's problems). Otherwise the
    front matter's problems join the report of on_env, with every other page's problems, and no
    plugin meets the invalid front matter (where some fail in English): an invalid article leaves
    the build, any other page is rendered without its front matter (its body is still checked)."""
    articles, front = check_writers_pages(files, config, data)
    front_problems = [problem for found in front.values() for problem in found]
    try:
        page_map = map_pages([f.src_uri for f in files.documentation_pages()], data)
    except PageError as error:
        problems = [str(error)] + ([str(FrontMatterError(front_problems))] if front_problems else [])
        raise PluginError("\n".join(problems)) from None
    for src_uri in front:
        file = files.get_file_from_path(src_uri)
        if is_article(src_uri):
            file.inclusion = InclusionLevel.EXCLUDED
        else:
            file.content_string = get_data(file.content_string)[0]
    guard.front_matter_refused(config, front_problems)
    return page_map, articles


def prepare_media(config, page_map: PageMap) -> media.Media:
    try:
        return media.prepare(Path(config.docs_dir), config[STATE].settings.cache_dir, list(page_map.notes.values()))
    except GalleryError as error:
        raise PluginError(str(error)) from None


def clean_images(files, config) -> None:
    """Every image of docs/ that will be published is replaced by its copy re-encoded from the pixels,
    without metadata (images.py): the site never copies an uploaded image as it is. Done here, before
    the blog plugin moves the posts' files to their addresses, so whatever path it gives them, the
    clean copy is what is published there. A file that cannot be cleaned stops the build."""
    docs = Path(config.docs_dir).resolve()
    settings: Settings = config[STATE].settings
    label = Path(os.path.relpath(config.docs_dir, settings.root)).as_posix()
    problems = []
    for file in list(files.media_files()):
        if (not is_content_image(file.src_uri) or file.generated_by or not file.abs_src_path
                or file.inclusion.is_excluded() or not Path(file.abs_src_path).resolve().is_relative_to(docs)):
            continue
        try:
            cached = clean_copy(Path(file.abs_src_path), settings.cache(IMAGES_CACHE_DIR))
        except UnreadableImage as error:
            problems.append(f"{label}/{file.src_uri}: {error.reason}")
            continue
        files.remove(file)
        files.append(File.generated(config, file.src_uri, abs_src_path=str(cached), inclusion=file.inclusion))
    if problems:
        raise PluginError(listed("Gambar belum boleh terbit:", problems))


def make_renderer(files, config, data: SiteData, today: dt.date, page_map: PageMap, articles,
                   build_media: media.Media, pdf_jobs) -> Renderer:
    """Everything the templates read, for this build; the journal's charts are added to the files."""
    agenda = Agenda(data, today)
    journal = Journal(agenda)
    charts = build_charts(journal, config[STATE].settings.cache_dir / CHARTS_DIR)  # drawn again only when the data change
    for chart in charts.values():
        files.append(File.generated(config, chart.path, content=chart.svg))
    return Renderer(make_environment(Path(config.docs_dir) / TEMPLATES_DIR), data, agenda, page_map,
                    layout=plan_schedule(data, today), articles=articles, categories=blog_categories(config),
                    media=build_media, pdfs=pdf_jobs, journal=journal, charts=charts, site_url=config.site_url or "",
                    repository=_repository(config))


def _repository(config):
    """repo_url and edit_uri, read once: the writers' forms open the editor of that repository and branch."""
    try:
        settings: Settings = config[STATE].settings
        return repository(settings.repo_url, settings.edit_uri)
    except RepositoryError as error:
        raise PluginError(str(error)) from None


def add_pages(files, config, renderer: Renderer) -> None:
    """Pages made from the data: authors' avatars, profiles and index, the schedule's year pages."""
    for avatar in avatar_files(config):
        files.append(avatar)
    for profile in profile_files(config, renderer.data, renderer.articles, renderer.author_profile,
                                 config[STATE].settings.cache_dir):
        files.append(profile)
    files.append(authors_index_file(config, renderer.data, renderer.articles, renderer.authors_index))
    for path, markdown in renderer.schedule_year_pages().items():
        files.append(File.generated(config, path, content=markdown, inclusion=InclusionLevel.NOT_IN_NAV))


def add_generated(files, config) -> None:
    """Calendars, QR code and robots.txt, made from the data (see kda.wiring.generated)."""
    page_urls = {f.src_uri: f.url for f in files.documentation_pages()}
    stamp = config[STATE].settings.environment.stamp()
    try:
        made = generated_files(config[STATE].renderer, config["site_url"], page_urls, stamp)
    except SiteUrlError as error:
        raise PluginError(str(error)) from None
    for path, content in made.items():
        files.append(File.generated(config, path, content=content))
