"""Each adaptation to a third-party internal (kda.compat) against the library it was written for.

For each library: the installed version is the one the adaptation was written for (and the one
requirements.txt pins), and, where it is cheap to see, the internal it relies on is still there.
When a library is upgraded, these fail first: re-check the functions of the named module against
the new version, then update the pin here, in the module's docstring and in requirements.txt.
"""

from __future__ import annotations

import importlib
import importlib.metadata
import inspect
import re

import pytest

from conftest import ROOT

# kda.compat module -> (distribution, the version its adaptations were written for)
WRITTEN_FOR = {
    "kda.compat.macros": ("mkdocs-macros-plugin", "1.5.0"),
    "kda.compat.redirects": ("mkdocs-redirects", "1.2.2"),
    "kda.compat.material": ("mkdocs-material", "9.8.1"),
    "kda.compat.glightbox": ("mkdocs-glightbox", "0.5.3"),
    "kda.compat.rss": ("mkdocs-rss-plugin", "1.19.0"),
}


def requirement_pin(distribution: str) -> str | None:
    text = (ROOT / "requirements.txt").read_text(encoding="utf-8")
    match = re.search(rf"^{re.escape(distribution)}(?:\[[^\]]*\])?==([^\s#]+)", text, flags=re.M | re.I)
    return match[1] if match else None


@pytest.mark.parametrize("module", sorted(WRITTEN_FOR))
def test_the_installed_version_is_the_one_the_adaptation_was_written_for(module):
    distribution, version = WRITTEN_FOR[module]
    installed = importlib.metadata.version(distribution)
    assert installed == version, (
        f"{distribution} {installed} is installed, but {module} was written for {version}. "
        f"When you upgrade {distribution}, re-check every function of {module} against the new "
        f"version (each docstring names the internal it relies on), then update the pin in "
        f"tests/test_compat.py and the version in the module's docstrings.")


@pytest.mark.parametrize("module", sorted(WRITTEN_FOR))
def test_requirements_and_docstrings_name_the_same_version(module):
    distribution, version = WRITTEN_FOR[module]
    assert requirement_pin(distribution) == version, f"requirements.txt pins another {distribution} than {module} names"
    source = inspect.getsource(importlib.import_module(module))
    assert version in source.split('"""')[1], f"{module}'s docstring should name {distribution} {version}"
    assert not set(re.findall(r"\b\d+\.\d+\.\d+\b", source)) - {version}, f"{module} names another version"


def test_every_compat_module_is_pinned():
    modules = {f"kda.compat.{p.stem}" for p in (ROOT / "hooks" / "kda" / "compat").glob("*.py") if p.stem != "__init__"}
    assert modules == set(WRITTEN_FOR)


# --- mkdocs-macros-plugin: the private environment, the private page, render on the instance --------

def test_macros_plugin_keeps_its_environment_and_page_in_private_attributes():
    from mkdocs_macros.plugin import MacrosPlugin

    assert isinstance(inspect.getattr_static(MacrosPlugin, "env"), property)
    assert "return self._env" in inspect.getsource(MacrosPlugin.env.fget)
    assert "self._env = " in inspect.getsource(MacrosPlugin)
    on_page_markdown = inspect.getsource(MacrosPlugin.on_page_markdown)
    assert "self._page = page" in on_page_markdown
    assert "self.render(" in on_page_markdown  # looked up on the instance: kda.compat.macros.replace_render


def test_the_sealed_environment_is_what_the_plugin_reads(macros):
    from jinja2.sandbox import ImmutableSandboxedEnvironment

    assert isinstance(macros.env, ImmutableSandboxedEnvironment)
    assert getattr(macros.render, "kda_original", None) is not None


def test_replacing_render_twice_keeps_one_original():
    from kda.compat.macros import replace_render

    class Plugin:
        def render(self, markdown, force_rendering=False):
            return markdown

    plugin = Plugin()
    original = plugin.render
    replace_render(plugin, lambda render: lambda markdown, force_rendering=False: "1" + render(markdown))
    replace_render(plugin, lambda render: lambda markdown, force_rendering=False: "2" + render(markdown))
    assert plugin.render("x") == "2x"
    assert plugin.render.kda_original == original


# --- mkdocs-redirects: doc_pages, get_html_path, the canonical link of its page ----------------

def test_redirects_plugin_lists_its_pages_in_doc_pages_and_names_its_target():
    from mkdocs_redirects import plugin

    from kda.compat.redirects import target_of

    assert "self.doc_pages = {}" in inspect.getsource(plugin.RedirectPlugin.on_files)
    assert "self.doc_pages" in inspect.getsource(plugin.RedirectPlugin.on_post_build)
    assert "self.redirects = " in inspect.getsource(plugin.RedirectPlugin.on_files)
    assert "self.redirects.items()" in inspect.getsource(plugin.RedirectPlugin.on_post_build)
    assert "page_new_without_hash in self.doc_pages" in inspect.getsource(plugin.RedirectPlugin.on_post_build)
    assert plugin.get_html_path("artikel/lama.md", True) == "artikel/lama/index.html"
    assert target_of(plugin.HTML_TEMPLATE.format(url="../baru/")) == "../baru/"


def test_leaving_out_a_redirect_keeps_mkdocs_yml_and_every_other_redirect():
    from kda.compat.redirects import leave_out

    redirect_maps = {"lama.md": "baru.md", "arsip.md": "nanti.md#bagian", "lain.md": "ada.md"}

    class Plugin:
        redirects = redirect_maps
        doc_pages = {"ada.md": object()}

    class Config:
        plugins = {"redirects": Plugin()}

    config = Config()
    assert leave_out(config, {"nanti.md", "ada.md"}) == ["arsip.md"]  # ada.md is known: kept
    assert config.plugins["redirects"].redirects == {"lama.md": "baru.md", "lain.md": "ada.md"}
    assert len(redirect_maps) == 3


# --- Material: the blog's classes and authors file, the feed links, the package's folders ---------

def test_material_blog_structure_and_when_it_reads_the_authors_file():
    from material.plugins.blog import plugin, structure

    assert issubclass(structure.Post, structure.Page) and issubclass(structure.Profile, structure.View)
    assert "_resolve_authors(config)" in inspect.getsource(plugin.BlogPlugin.on_config)
    assert "self.config.authors_file" in inspect.getsource(plugin.BlogPlugin._resolve_authors)
    profile_path = inspect.getsource(plugin.BlogPlugin._format_path_for_profile)
    assert "authors_profiles_url_format.format(" in profile_path and "self.config.blog_dir" in profile_path
    assert "Section(title, views)" in inspect.getsource(plugin.BlogPlugin.on_nav)
    archive_path = inspect.getsource(plugin.BlogPlugin._format_path_for_archive)
    assert "archive_url_format.format(" in archive_path and "_format_date_for_archive_url" in archive_path
    assert "archive_url_date_format" in inspect.getsource(plugin.BlogPlugin._format_date_for_archive_url)
    date_format = inspect.getsource(plugin.BlogPlugin._format_date)
    assert "format_date(" in date_format and "format_datetime(" in date_format and 'theme["language"]' in date_format
    category_path = inspect.getsource(plugin.BlogPlugin._format_path_for_category)
    assert "categories_url_format.format(" in category_path and "_slugify_category" in category_path
    assert "categories_slugify(" in inspect.getsource(plugin.BlogPlugin._slugify_category)


def test_material_writes_the_feed_links_the_rewrite_expects():
    from kda.compat.material import feed_links_without_sitemap_fetch, templates_dir

    base = (templates_dir() / "base.html").read_text(encoding="utf-8")
    links = re.findall(r'<link rel="alternate" type="application/rss\+xml"[^>]*>', base)
    assert len(links) == 2
    assert all('rel="alternate feed"' in feed_links_without_sitemap_fetch(link) for link in links)


def test_material_package_folders():
    from kda.compat.material import icons_dir, scripts_dir
    from kda.views.blog import AVATAR_ICONS

    assert all((icons_dir() / icon).is_file() for icon in AVATAR_ICONS.values())
    assert list(scripts_dir().glob("bundle.*.min.js"))


# --- mkdocs-glightbox: its start-up script and its files -------------------------------------

def test_glightbox_start_up_script():
    from mkdocs_glightbox import plugin

    from kda.compat import glightbox

    source = inspect.getsource(plugin)
    assert 'attrs["id"] = "init-glightbox"' in source
    assert f'"{glightbox.INLINE_SCRIPT_START}" + json.dumps(' in source
    assert glightbox.script_files()


# --- mkdocs-rss-plugin: the feeds' file names ----------------------------------------------------

def test_rss_plugin_names_its_feeds():
    from mkdocs_rss_plugin.config import RssPluginConfig

    from kda.compat.rss import RSS_FEEDS

    config = RssPluginConfig()
    config.load_dict({})
    assert config.validate() == ([], [])
    assert set(RSS_FEEDS) <= set(dict(config.feeds_filenames))
