"""MkDocs wiring: each event hands off to a function of the modules beside this one.

State for one build lives on the config object (`config[STATE]`), never in module globals:
MkDocs keeps this module alive across rebuilds in `mkdocs serve`.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, field, replace
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import CombinedEvent, event_priority
from mkdocs.structure.files import File, InclusionLevel
from mkdocs.utils.meta import get_data

from kda.checks import guard, limits
from kda.checks import page_assets as own_assets
from kda.checks.frontmatter import EXCERPT_SEPARATOR, FrontMatterError, is_article
from kda.checks.symlinks import symlink_problems
from kda.model.data import Agenda, DataError, SiteData, load_site_data
from kda.model.gallery import GalleryError
from kda.model.glossary import load_glossary
from kda.model.journal import Journal
from kda.outputs import media, pdf
from kda.outputs.cards import publish_all
from kda.outputs.charts import build_charts
from kda.outputs.images import UnreadableImage, clean_copy, is_content_image
from kda.paths import CARDS_CACHE_DIR, CHARTS_DIR, IMAGES_CACHE_DIR, TEMPLATES_DIR
from kda.problems import listed
from kda.settings import Settings, SettingsError
from kda.views import assets as page_assets
from kda.views import responses as reader_responses
from kda.views.attachments import hold_back_attachments
from kda.views.blog import (
    authors_index_file,
    avatar_files,
    blog_categories,
    check_writers_pages,
    configure_blog,
    hold_back_unpublished,
    keep_profiles_out_of_nav,
    profile_files,
)
from kda.views.feedlink import feed_links_without_sitemap_fetch
from kda.views.lightbox import LightboxError, without_short_descriptions
from kda.views.pages import PageError, PageMap, map_pages
from kda.views.preview import page_preview, plain_title
from kda.views.redirects import know_generated_pages, rewrite_redirect_pages
from kda.views.render import Renderer, make_environment
from kda.views.schedule import plan_schedule
from kda.views.share import is_post, share_block
from kda.views.writing import RepositoryError, repository
from kda.wiring.console import log, on_build_error  # noqa: F401  (on_build_error: an event, re-exported)
from kda.wiring.generated import SiteUrlError, generated_files

STATE = "kda_build"


@dataclass(frozen=True)
class BuildState:
    data: SiteData
    responses: reader_responses.ResponseSettings
    renderer: Renderer | None = None
    cards: dict = field(default_factory=dict)  # path in the site -> preview card, filled per page
    pdf_jobs: tuple[pdf.PdfJob, ...] = ()
    settings: Settings | None = None  # mkdocs.yml and the environment, read once
    glossary: tuple = ()  # glossary.Istilah of data/istilah.yml


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
    guard.configure(config, _macros(config), _page_values(config))  # content safety: sealed macros, checks of pages (kda.checks.guard)


@event_priority(100)  # before any plugin or check reads a page (the blog reads every post in its on_files)
def _on_files_first(files, config):
    _check_limits(files, config)
    return files


def _on_files(files, config):
    guard.check_sources(files, config)
    guard.check_names(files, config)
    state: BuildState = config[STATE]
    page_map, articles = _match_pages_to_data(files, config, state.data)
    build_media = _prepare_media(config, page_map)
    files = media.publish(files, config, build_media)
    guard.check_files(files, config)  # after the gallery's originals and galeri.yml are taken out
    pdf_jobs = pdf.register(files, config) if state.settings.environment.pdf else ()
    today = build_date(state.data, state.settings)
    hold_back_attachments(files, articles, today)  # before the posts themselves leave the files
    articles = hold_back_unpublished(files, articles, today)
    _clean_images(files, config)
    renderer = replace(_make_renderer(files, config, state.data, today, page_map, articles, build_media, pdf_jobs),
                       glossary=state.glossary)
    _add_pages(files, config, renderer)
    config[STATE] = replace(state, renderer=renderer, pdf_jobs=pdf_jobs)
    _add_generated(files, config)
    return files


def _match_pages_to_data(files, config, data: SiteData) -> tuple[PageMap, list]:
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


def _prepare_media(config, page_map: PageMap) -> media.Media:
    try:
        return media.prepare(Path(config.docs_dir), config[STATE].settings.cache_dir, list(page_map.notes.values()))
    except GalleryError as error:
        raise PluginError(str(error)) from None


def _make_renderer(files, config, data: SiteData, today: dt.date, page_map: PageMap, articles,
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


def _add_pages(files, config, renderer: Renderer) -> None:
    """Pages made from the data: authors' avatars, profiles and index, the schedule's year pages."""
    for avatar in avatar_files(config):
        files.append(avatar)
    for profile in profile_files(config, renderer.data, renderer.articles, renderer.author_profile,
                                 config[STATE].settings.cache_dir):
        files.append(profile)
    files.append(authors_index_file(config, renderer.data, renderer.articles, renderer.authors_index))
    for path, markdown in renderer.schedule_year_pages().items():
        files.append(File.generated(config, path, content=markdown, inclusion=InclusionLevel.NOT_IN_NAV))


@event_priority(-60)  # after the blog plugin's on_files (-50), which adds its archive and category pages
def _on_files_after_blog(files, config):
    know_generated_pages(files, config)
    return files


on_files = CombinedEvent(_on_files_first, _on_files, _on_files_after_blog)


@event_priority(-60)  # after the blog plugin's (-50), which adds every author's profile
def on_nav(nav, config, files):
    keep_profiles_out_of_nav(nav)
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
    if nomor is None and not is_post(page):
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
    guard.check_links(files, config)  # every page converted: links, anchors, images (kda.checks.links)
    guard.report(config)
    return env


def on_post_page(output, page, config):
    try:
        output = without_short_descriptions(output)  # captions stay text in the lightbox on phones too
    except LightboxError as error:
        raise PluginError(str(error)) from None
    output = feed_links_without_sitemap_fetch(output)
    guard.check_output(output, page, config)  # every page as written: list pages, theme, data (kda.checks.published)
    return output


def on_post_build(config):
    # Plugins' events run before hooks' at equal priority: the RSS plugin has written its feeds
    # (and the redirects plugin its pages); search_hooks (Pagefind) indexes after this.
    guard.check_published(config, _feeds(config))
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


def _feeds(config) -> list[Path]:
    """The feeds the RSS plugin wrote (mkdocs.yml: rss)."""
    rss = config.plugins.get("rss")
    names = rss.config.feeds_filenames if rss else {}
    return [Path(config.site_dir) / names[kind] for kind in ("rss_created", "rss_updated") if kind in names]


def _check_limits(files, config) -> None:
    """Every page, published now or later, within the limits that keep the build bounded (limits.py):
    refused here, before MkDocs, the blog or any check reads its front matter or converts it."""
    label = Path(os.path.relpath(config.docs_dir, config[STATE].settings.root)).as_posix()
    icons = [Path(folder) / ".icons" for folder in config.theme.dirs]
    problems = []
    for file in files.documentation_pages(inclusion=lambda level: True):
        if file.generated_by or not file.abs_src_path or any(part.startswith(".") for part in Path(file.src_uri).parts):
            continue
        separator = EXCERPT_SEPARATOR if is_article(file.src_uri) else None
        problems += limits.page_problems(f"{label}/{file.src_uri}", Path(file.abs_src_path).read_bytes(), icons, separator)
    if problems:
        raise PluginError(listed("Halaman ini tidak dapat dibangun dengan aman; perbaiki dulu:", problems))


def _clean_images(files, config) -> None:
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


def _add_generated(files, config) -> None:
    """Calendars, QR code and robots.txt, made from the data (see kda.wiring.generated)."""
    page_urls = {f.src_uri: f.url for f in files.documentation_pages()}
    stamp = config[STATE].settings.environment.stamp()
    try:
        made = generated_files(config[STATE].renderer, config["site_url"], page_urls, stamp)
    except SiteUrlError as error:
        raise PluginError(str(error)) from None
    for path, content in made.items():
        files.append(File.generated(config, path, content=content))


def build_date(data: SiteData, settings: Settings) -> dt.date:
    """Today in the group's time zone, or the date in KDA_TODAY (for tests and previews)."""
    return settings.environment.today or dt.datetime.now(data.kelompok.tz).date()


def _page_values(config) -> dict[str, dict[str, str]]:
    """The plain values maintainer pages may read: `situs.repo_url` and the site's other addresses."""
    return {"situs": {name: str(config[name] or "") for name in ("site_name", "site_url", "repo_url", "repo_name", "edit_uri")}}


def _macros(config) -> dict:
    """The macros maintainer pages may call; each renders a template for the page it is called from.
    The pages never see these functions (kda.checks.sandbox hands them stand-ins)."""

    def view(method: str):
        def macro(page: str, *args, **kwargs) -> str:
            renderer: Renderer = config[STATE].renderer
            return getattr(renderer, method)(page, *args, **kwargs)

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
        "contoh_artikel": view("new_article_example"),
        "contoh_catatan": view("new_note_example"),
        "tulis_artikel": view("article_form"),
        "tulis_catatan": view("note_form"),
        "alamat_repositori": view("repository_address"),
        "alamat_pratinjau": view("preview_address"),
        "tulisan_terbaru": view("latest_articles"),
        "daftar_panduan_menulis": view("writing_guide_lists"),
        "langganan": view("subscribe"),
        "poster": view("poster"),
        "unduh_pdf": view("pdf_link"),
        "daftar_istilah": view("glossary_index"),
        "istilah": view("glossary_term"),
    }
