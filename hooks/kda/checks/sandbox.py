"""The macros plugin, sealed: maintainer pages see the site's macros and a few plain values, nothing else.

Maintainer pages (the plugin's `force_render_paths`) run Jinja, and a pull request may edit them;
the check builds it before anyone reviews. mkdocs-macros-plugin 1.5.0 renders them with a plain
`jinja2.Environment` and hands every template its variables: `config` (the whole MkDocs config,
whose `hooks` holds the hook modules and whose `theme` makes an unsandboxed Jinja), `plugin`,
`environment`, `git`, `navigation`, `files`, `page`, plus debugging macros (`context`,
`macros_info`) that print all of them. Three locks:

1. `seal(plugin, ...)` replaces the plugin's environment by a `SealedEnvironment` (an
   `ImmutableSandboxedEnvironment`, so no underscore attribute, no function internals, no mutation
   of built-in containers) with no loader (no `include`, `import`, `extends`), no globals of
   Jinja's (`cycler`, `lipsum`, `range`...) and none of the plugin's own variables, macros or filters.
   A page sees only the site's macros and plain values (`situs`: the site's addresses).
2. The macros in a page's context are inert stand-ins: functions made with no globals, no
   builtins and no closure, so nothing reachable from the context leads anywhere, even with
   every underscore attribute open. The sandbox's `call` (every call a template makes goes
   through it) maps a stand-in to the real macro, which the template never sees; every other
   call (`'x'.upper()`, `popen(...)`, a `{% macro %}`) is refused.
3. `restrict_rendering` (inside `seal`) wraps the plugin's `render` on this instance: a page
   outside `force_render_paths` is returned unchanged whatever its front matter says
   (`render_macros: true` would otherwise opt a member page in; the hook reports that key as a
   mistake, `safety.front_matter_problems`). A maintainer page is rendered by the sealed
   environment, and a failure becomes an Indonesian message for the build's report instead of
   Jinja's English (with the plugin's own traceback) or, worse, a half-rendered page.

The plugin's internals this relies on (its private environment and page, its `render` looked up
on the instance) are reached through `kda.compat.macros`; a test reads `plugin.env` back.
"""

from __future__ import annotations

import functools
import re
import traceback
import types
from collections.abc import Callable, Mapping

from jinja2 import StrictUndefined, TemplateError, TemplateSyntaxError, Undefined, UndefinedError
from jinja2.sandbox import ImmutableSandboxedEnvironment, SecurityError

from kda.compat import macros as macros_plugin

_SYNTAX = (
    "block_start_string", "block_end_string", "variable_start_string", "variable_end_string",
    "comment_start_string", "comment_end_string", "line_statement_prefix", "line_comment_prefix",
    "trim_blocks", "lstrip_blocks", "newline_sequence", "keep_trailing_newline",
)
PLAIN = (str, int, float, bool, type(None))

Macro = Callable[..., str]  # (page path relative to docs/, *the page's arguments) -> Markdown
Report = Callable[[str, int | None, str], None]  # (page path relative to docs/, line of its Markdown, problem)


def _stand_in(name: str) -> types.FunctionType:
    """A function that does nothing and reaches nothing: no globals, no builtins, no closure."""
    code = (lambda *args, **kwargs: None).__code__.replace(co_name=name, co_qualname=name)
    return types.FunctionType(code, {"__builtins__": {}}, name)


def plain_values(value, path: str = "situs"):
    """`value`, checked to hold only text, numbers, truth values and dicts or lists of them."""
    if isinstance(value, PLAIN):
        return value
    if isinstance(value, Mapping):
        return {str(k): plain_values(v, f"{path}.{k}") for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [plain_values(v, f"{path}[{i}]") for i, v in enumerate(value)]
    raise TypeError(f"{path}: only plain values may reach macro pages, not {type(value).__name__}")


class SealedEnvironment(ImmutableSandboxedEnvironment):
    """The Jinja of maintainer pages: the site's macros by name, plain values, nothing else."""

    def __init__(self, macros: Mapping[str, Macro], values: Mapping, **syntax) -> None:
        super().__init__(loader=None, undefined=StrictUndefined, autoescape=False, **syntax)
        self.globals.clear()  # Jinja's own (cycler, joiner, lipsum, namespace, dict, range)
        self.values = plain_values(dict(values))
        self._macros: dict[int, tuple[types.FunctionType, Macro]] = {}
        for name, macro in macros.items():
            stand_in = _stand_in(name)
            self._macros[id(stand_in)] = (stand_in, macro)
            self.globals[name] = stand_in
        self.page: str | None = None  # the page being rendered (relative to docs/)

    def call(__self, __context, __obj, *args, **kwargs):  # Jinja's own signature (double underscores)
        if isinstance(__obj, Undefined):
            __obj._fail_with_undefined_error()  # "'joiner' is undefined", not a refused call
        entry = __self._macros.get(id(__obj))
        if entry is None or entry[0] is not __obj:
            raise SecurityError(f"{getattr(__obj, '__name__', type(__obj).__name__)!r} bukan makro situs")
        return entry[1](__self.page, *args, **kwargs)

    def render_page(self, markdown: str, page: str) -> str:
        self.page = page
        try:
            return self.from_string(markdown).render(self.values)
        finally:
            self.page = None


def seal(plugin, macros: Mapping[str, Macro], values: Mapping, report: Report) -> SealedEnvironment:
    """Give the plugin the sealed environment, and render maintainer pages with it only."""
    env = SealedEnvironment(macros, values, **{name: getattr(plugin.env, name) for name in _SYNTAX})
    macros_plugin.replace_environment(plugin, env)
    restrict_rendering(plugin, env, report)
    return env


def is_maintainer_page(plugin, src_path: str) -> bool:
    """The one list of maintainer pages is the plugin's own `force_render_paths`."""
    return bool(plugin.force_page_rendering(src_path))


def restrict_rendering(plugin, env: SealedEnvironment, report: Report) -> None:
    def guarded_render(render):
        @functools.wraps(render)
        def guarded(markdown: str, force_rendering: bool = False) -> str:
            page = macros_plugin.current_page(plugin)
            if page is None or not is_maintainer_page(plugin, page.file.src_path):
                return markdown
            path = page.file.src_uri
            try:
                return env.render_page(markdown, path)
            except (TemplateError, TypeError) as error:  # a bug of a view itself (anything else) keeps its traceback
                report(path, *problem_of(error, env))
                return ""

        return guarded

    macros_plugin.replace_render(plugin, guarded_render)


def problem_of(error: Exception, env: SealedEnvironment) -> tuple[int | None, str]:
    """Where (the template's line) and what went wrong in a maintainer page's Jinja, in Indonesian."""
    values = ", ".join(f"{name}.{key}" for name, value in sorted(env.values.items()) for key in value)
    fix = (f"Di halaman pengelola hanya makro situs ({', '.join(f'{m}()' for m in sorted(env.globals))}) "
           f"dan nilai situs ({values}) yang tersedia; selain itu tidak ada yang bisa dibaca atau dijalankan.")
    text = str(getattr(error, "message", None) or error)
    if isinstance(error, TemplateSyntaxError):
        unknown = _first(r"No (?:filter|test) named '([^']+)'", text)
        what = (f"penyaring \"{unknown}\" tidak dikenal" if unknown
                else f"tanda {{{{ }}}} atau {{% %}} tidak lengkap atau salah tulis (pesan Jinja: {_quoted(text)})")
        return error.lineno, f"penulisan makro tidak sah: {what}. {fix}"
    if isinstance(error, SecurityError):
        name = _first(r"attribute '([^']+)'", text) or _first(r"^'([^']+)' bukan makro", text)
        what = (f"makro mencoba membuka \"{name}\", bagian dalam program" if name and name.startswith("_")
                else f"makro memanggil \"{name}\", yang bukan makro situs" if name
                else "makro mencoba membuka bagian dalam program")
    elif isinstance(error, UndefinedError):
        name = _first(r"'([^']+)' is undefined", text) or _first(r"has no attribute '([^']+)'", text)
        what = f"makro memakai nama \"{name}\" yang tidak dikenal" if name else "makro memakai nama yang tidak dikenal"
    elif isinstance(error, TypeError) and "loader" in text:
        what = "makro mencoba memuat berkas lain (include, import atau extends)"
    elif isinstance(error, TypeError):
        what = "makro dipanggil dengan isian yang salah (periksa isian di dalam tanda kurung)"
    else:
        what = "makro gagal dijalankan"
    return _template_line(error), f"{what}. {fix}"


def _first(pattern: str, text: str) -> str | None:
    match = re.search(pattern, text)
    return match[1] if match else None


def _quoted(text: str) -> str:
    return text.replace("\n", " ")[:100]


def _template_line(error: Exception) -> int | None:
    """The line of the page's Jinja where the error happened (Jinja names the frame "<template>")."""
    frames = [f for f in traceback.extract_tb(error.__traceback__) if f.filename == "<template>"]
    return frames[-1].lineno if frames else None
