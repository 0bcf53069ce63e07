"""mkdocs-macros-plugin 1.5.0 (pinned in requirements.txt): the internals the macro sandbox uses.

`kda.checks.sandbox` seals the plugin: it gives the plugin another Jinja environment, reads the
page being rendered and wraps the plugin's `render`. The plugin offers none of these as an API.
"""

from __future__ import annotations

from collections.abc import Callable

from jinja2 import Environment

PLUGIN = "macros"  # the plugin's name in mkdocs.yml

Render = Callable[..., str]  # the plugin's `render(markdown, force_rendering=False)`


def plugin(config):
    """The macros plugin of this build (mkdocs.yml: plugins), by its entry-point name `macros`."""
    return config.plugins[PLUGIN]


def replace_environment(macros, env: Environment) -> None:
    """Make `env` the plugin's Jinja environment.

    The plugin keeps its environment in the private `_env` (set in its `on_config`) and exposes it
    only through the read-only property `env`: replacing the attribute is the only way in
    (mkdocs-macros-plugin 1.5.0)."""
    macros._env = env


def current_page(macros):
    """The page the plugin is rendering, or None before its first `on_page_markdown`.

    The plugin stores the page in the private `_page` at the start of `on_page_markdown`; its
    public property `page` raises AttributeError until then (mkdocs-macros-plugin 1.5.0)."""
    return getattr(macros, "_page", None)


def replace_render(macros, make_render: Callable[[Render], Render]) -> None:
    """Replace the plugin's `render` on this instance by `make_render(original)`.

    The plugin's `on_page_markdown` renders a page (and its title) with `self.render(...)`, looked
    up on the instance, so an instance attribute takes its place. A rebuild of `mkdocs serve` keeps
    the plugin and replaces it again: the original is kept on the replacement (`kda_original`),
    so replacements never stack (mkdocs-macros-plugin 1.5.0)."""
    original = getattr(macros.render, "kda_original", macros.render)
    render = make_render(original)
    render.kda_original = original
    macros.render = render
