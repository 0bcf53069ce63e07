"""The macros plugin, locked down: a sandboxed Jinja, and rendering only on maintainer pages.

mkdocs-macros-plugin 1.5.0 builds a plain `jinja2.Environment` and offers no sandbox
option: from any rendered page `{{ cycler.__init__.__globals__.os.popen('id').read() }}`
runs a shell command. Two locks:

1. `sandbox_macros(plugin)` replaces the plugin's environment by an
   `ImmutableSandboxedEnvironment` with the same loader, undefined policy, delimiters,
   globals (our macros), filters and tests. Underscore attributes, function internals and
   mutation of built-in containers are refused, on maintainer pages too.
2. `restrict_rendering(plugin)` wraps the plugin's `render` on this instance so it returns
   the Markdown unchanged for any page outside `force_render_paths`, whatever the page's
   front matter says (`render_macros: true` would otherwise opt a member page in). The
   hook then reports that key as a mistake (`safety.front_matter_problems`).

The plugin keeps its environment in `_env` and has no setter: replacing the attribute is
the only way in, checked by a test that reads `plugin.env` back.
"""

from __future__ import annotations

import functools

from jinja2 import Environment
from jinja2.sandbox import ImmutableSandboxedEnvironment

_SYNTAX = (
    "block_start_string", "block_end_string", "variable_start_string", "variable_end_string",
    "comment_start_string", "comment_end_string", "line_statement_prefix", "line_comment_prefix",
    "trim_blocks", "lstrip_blocks", "newline_sequence", "keep_trailing_newline", "autoescape",
)


def sandboxed_copy(env: Environment) -> ImmutableSandboxedEnvironment:
    if isinstance(env, ImmutableSandboxedEnvironment):
        return env
    sandboxed = ImmutableSandboxedEnvironment(
        loader=env.loader, undefined=env.undefined,
        extensions=[type(e) for e in env.extensions.values()],
        **{name: getattr(env, name) for name in _SYNTAX},
    )
    sandboxed.globals.update(env.globals)
    sandboxed.filters.update(env.filters)
    sandboxed.tests.update(env.tests)
    return sandboxed


def sandbox_macros(plugin) -> None:
    plugin._env = sandboxed_copy(plugin.env)


def is_maintainer_page(plugin, src_path: str) -> bool:
    """The one list of maintainer pages is the plugin's own `force_render_paths`."""
    return bool(plugin.force_page_rendering(src_path))


def restrict_rendering(plugin) -> None:
    render = plugin.render
    if getattr(render, "kda_restricted", False):
        return

    @functools.wraps(render)
    def guarded(markdown: str, force_rendering: bool = False) -> str:
        page = getattr(plugin, "_page", None)
        if page is None or not is_maintainer_page(plugin, page.file.src_path):
            return markdown
        return render(markdown=markdown, force_rendering=force_rendering)

    guarded.kda_restricted = True
    plugin.render = guarded
