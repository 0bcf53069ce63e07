"""Macro pages cannot reach the build: what the macro context holds, and attacks written as maintainer pages.

Maintainer pages (the macros plugin's `force_render_paths`) run Jinja, and any pull request may
edit them; the check builds it before anyone reviews. The corpus below puts one attack in each of
many maintainer pages of one copy of the project (the build reports every page's problem at once);
the walk below proves that, even with every underscore attribute open, nothing a macro page can
name leads to a module, a function of another module, a file or the environment.
"""

from __future__ import annotations

import contextlib
import io
import os
import sys
import types

import pytest

from conftest import assert_refused_at, cli_build_of, copy_project

SECRET_VARIABLE = "KDA_UJI_RAHASIA"
SECRET = "rahasia-4f1c9e"  # put in the build's environment: no output may show it
MACRO_DIR = "uji-makro"  # maintainer pages added to force_render_paths in the copy

# name -> the page's Jinja. Each must stop the build with an Indonesian message naming the page.
ATTACKS = {
    "config-hooks-environ": "{{ config.hooks['hooks/site_hooks.py'].os.environ['" + SECRET_VARIABLE + "'] }}",
    "config-hooks-popen": "{{ config.hooks['hooks/site_hooks.py'].os.popen('echo KDA-PWNED').read() }}",
    "theme-unsandboxed-jinja": ("{{ config.theme.get_env().from_string(\"{{ cycler.__init__.__globals__.os.environ['"
                                + SECRET_VARIABLE + "'] }}\").render() }}"),
    "plugin-unsandboxed-jinja": ("{{ config.plugins['macros'].conf.theme.get_env().from_string(\"{{ cycler.__init__."
                                 "__globals__.os.popen('echo KDA-PWNED').read() }}\").render() }}"),
    "config-item-route": "{{ config['hooks']['hooks/search_hooks.py'] }}",
    "config-plugins": "{{ config.plugins['macros'].env.globals }}",
    "config-extra": "{{ config.extra }}",
    "config-docs-dir": "{{ config.docs_dir }}",
    "environment-dict": "{{ environment }}",
    "plugin-variable": "{{ plugin }}",
    "git-variable": "{{ git }}",
    "navigation-file": "{{ navigation.pages[0].file.abs_src_path }}",
    "files-content": "{{ files.documentation_pages()[0].content_string }}",
    "page-file": "{{ page.file.abs_src_path }}",
    "page-config": "{{ page.config }}",
    "context-dump": "{{ context() | pretty }}",
    "macros-info": "{{ macros_info() }}",
    "macros-variable": "{{ macros.jadwal }}",
    "filters-variable": "{{ filters_builtin }}",
    "extra-variable": "{{ tanggapan }}",
    "now-macro": "{{ now().__class__ }}",
    "fix-url-macro": "{{ fix_url.__globals__ }}",
    "macro-globals": "{{ jadwal.__globals__ }}",
    "macro-closure": "{{ jadwal.__closure__ }}",
    "macro-attr-filter": "{{ jadwal | attr('__globals__') }}",
    "cycler": "{{ cycler.__init__.__globals__.os.popen('echo KDA-PWNED').read() }}",
    "lipsum": "{{ lipsum.__globals__['os'].environ }}",
    "namespace": "{{ namespace.__init__.__globals__ }}",
    "joiner": "{{ joiner() }}",
    "range-self": "{{ range.__self__ }}",
    "self-reference": "{{ self._TemplateReference__context }}",
    "string-subclasses": "{{ ''.__class__.__mro__[1].__subclasses__() }}",
    "format-string": "{{ '{0.__class__.__mro__}'.format('') }}",
    "method-call": "{{ 'x'.upper() }}",
    "values-class": "{{ situs.__class__.__init__.__globals__ }}",
    "include-config": "{% include 'mkdocs.yml' %}",
    "include-page": "{% include 'tor.md' %}",
    "import-template": "{% import '.templates/_bantu.md.j2' as b %}{{ b }}",
    "extends-template": "{% extends 'index.md' %}",
    "macro-wrong-arguments": "{{ unduh_pdf() }}",
    "undefined-name": "{{ os }}",
    "syntax-error": "{{ jadwal( }}",
    "title-in-front-matter": "---\ntitle: \"{{ config.site_dir }}\"\n---\n\nIsi.\n",
}


def add_maintainer_pages(project, pages: dict[str, str]) -> None:
    folder = project / "docs" / MACRO_DIR
    folder.mkdir()
    for name, text in pages.items():
        (folder / f"{name}.md").write_text(text if text.startswith("---") else f"# Uji\n\n{text}\n", encoding="utf-8")
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    for old, new in (("force_render_paths: |\n", f"force_render_paths: |\n        {MACRO_DIR}/*.md\n"),
                     ("not_in_nav: |\n", f"not_in_nav: |\n  /{MACRO_DIR}/*.md\n")):
        assert old in text
        text = text.replace(old, new)
    config.write_text(text, encoding="utf-8")


@pytest.fixture(scope="module")
def attacked(tmp_path_factory):
    project = copy_project(tmp_path_factory.mktemp("macros") / "project")
    add_maintainer_pages(project, ATTACKS)
    return cli_build_of(project, **{SECRET_VARIABLE: SECRET})


@pytest.mark.build
@pytest.mark.parametrize("name", ATTACKS)
def test_a_macro_attack_stops_the_build_with_an_indonesian_message(attacked, name):
    assert_refused_at(attacked, f"docs/{MACRO_DIR}/{name}.md", ["makro"])


@pytest.mark.build
def test_the_attacked_build_leaks_nothing_runs_nothing_writes_nothing(attacked):
    result, project = attacked
    output = result.stdout + result.stderr
    assert SECRET not in output and "KDA-PWNED" not in output
    assert "Traceback" not in output and "SecurityError" not in output  # an Indonesian message, not Jinja's
    assert "Di halaman pengelola hanya makro situs" in output
    site = project / "site"
    assert not any(SECRET in p.read_text(errors="ignore") for p in site.rglob("*") if p.is_file()) if site.exists() else True
    assert not (site / MACRO_DIR).exists()


# --- what the macro context holds ---------------------------------------------------------

def rendering_context(plugin, src_path: str = "tor.md", meta: dict | None = None) -> dict:
    """Everything a maintainer page's template can name: the plugin's real render path is taken
    with a probe page, and the context of the template it renders is recorded (globals included)."""
    import jinja2

    class File:
        pass

    class Page:
        pass

    page = Page()
    page.file = File()
    page.file.src_path = page.file.src_uri = src_path
    page.meta = meta or {"title": "Uji", "sembarang": "nilai"}
    page.title = "Uji"
    recorded: list[dict] = []
    original = jinja2.Template.render

    def record(self, *args, **kwargs):
        recorded.append(self.new_context(dict(*args, **kwargs)).get_all())
        return original(self, *args, **kwargs)

    plugin._page = page
    plugin.variables["page"] = page
    jinja2.Template.render = record
    try:
        assert plugin.render(markdown="{{ 1 + 1 }}", force_rendering=True).strip() == "2"
    finally:
        jinja2.Template.render = original
    (context,) = recorded
    return context


C_CALLABLES = (types.MethodWrapperType, types.BuiltinMethodType, types.WrapperDescriptorType,
               types.MethodDescriptorType, types.ClassMethodDescriptorType, types.GetSetDescriptorType,
               types.MemberDescriptorType)
ATOMS = (str, bytes, int, float, complex, bool, type(None), type(Ellipsis), type(NotImplemented))


def forbidden(value) -> str | None:
    """Why `value` must not be reachable from a macro page, or None."""
    if isinstance(value, types.ModuleType):
        return f"a module ({value.__name__})"
    if value is os.environ or isinstance(value, type(os.environ)):
        return "the environment"
    if isinstance(value, io.IOBase):
        return "a file"
    if isinstance(value, types.FunctionType):
        module = sys.modules.get(value.__globals__.get("__name__", ""))
        if module is not None and vars(module) is value.__globals__:
            return f"a function of module {module.__name__} ({value.__qualname__})"
    if isinstance(value, types.BuiltinFunctionType | types.BuiltinMethodType) and isinstance(
            getattr(value, "__self__", None), types.ModuleType):
        return f"a function of module {value.__self__.__name__} ({value.__name__})"
    if isinstance(value, type) and value.__module__ not in ("builtins", "types"):
        return f"a class of module {value.__module__} ({value.__qualname__})"
    return None


def children(value):
    """Every object one step from `value` without calling anything: attributes (underscore ones
    included), items, function globals, closures, defaults, code constants, `__self__`, the class."""
    yield "__class__", type(value)
    if isinstance(value, dict | types.MappingProxyType):
        for key, item in list(value.items()):
            yield f"[{key!r}]", key
            yield f"[{key!r}]", item
    elif isinstance(value, list | tuple | set | frozenset):
        for index, item in enumerate(value):
            yield f"[{index}]", item
    if isinstance(value, types.CellType):
        with contextlib.suppress(ValueError):  # an empty cell
            yield "cell_contents", value.cell_contents
    if isinstance(value, types.CodeType):
        yield "co_consts", value.co_consts
        return
    if isinstance(value, ATOMS):
        return  # their attributes are bound methods of a builtin type, on the value itself
    if isinstance(value, C_CALLABLES):  # each access makes a new one: follow only what it is bound to
        for name in ("__self__", "__objclass__"):
            if hasattr(value, name):
                yield f".{name}", getattr(value, name)
        return
    for name in dir(value):
        try:
            yield f".{name}", getattr(value, name)
        except Exception:  # an attribute that cannot be read leads nowhere
            continue


def walk(roots: dict, enough: int = 20) -> tuple[list[str], int]:
    """Breadth-first over everything reachable from `roots`; (problems with their paths, objects seen).
    Stops after `enough` problems (one is already a failure)."""
    seen: dict[int, object] = {}  # the objects are kept alive, so no id is reused during the walk
    queue = list(roots.items())
    problems = []
    while queue and len(problems) < enough:
        path, value = queue.pop(0)
        if id(value) in seen:
            continue
        seen[id(value)] = value
        reason = forbidden(value)
        if reason:
            problems.append(f"{path}: {reason}")
            continue
        queue += [(path + step, child) for step, child in children(value)]
    return problems, len(seen)


def test_the_walk_finds_a_module_behind_a_plain_closure():
    """The control: the walk does see what the old context exposed (a closure over the config)."""
    config = {"hooks": {"hooks/site_hooks.py": os}}
    sealed = types.FunctionType((lambda: None).__code__, {"__builtins__": {}}, "jadwal")
    closure = types.FunctionType((lambda: config).__code__, {"__builtins__": {}}, "jadwal", None,
                                 (types.CellType(config),))
    assert walk({"jadwal": sealed})[0] == []
    assert any("a module (os)" in p for p in walk({"jadwal": closure})[0])
    assert walk({"f": print})[0] and walk({"e": os.environ})[0] and walk({"d": {"x": sys.stdout}})[0]


def test_nothing_reachable_from_the_macro_context_leads_to_a_module_a_file_or_the_environment(macros):
    context = rendering_context(macros)
    assert {"jadwal", "unduh_pdf", "poster"} <= set(context)
    problems, seen = walk(context)
    assert problems == [], "\n".join(problems[:20])
    assert seen > 50  # the walk went through the functions, their code and their classes


def test_the_macro_context_is_the_site_macros_and_plain_values_only(macros):
    context = rendering_context(macros)
    for name in ("config", "environment", "plugin", "git", "page", "navigation", "files", "macros",
                 "filters", "filters_builtin", "extra", "tanggapan", "context", "macros_info", "now",
                 "fix_url", "cycler", "lipsum", "joiner", "namespace", "range", "dict", "sembarang", "title"):
        assert name not in context, name
    assert isinstance(context["situs"], dict)
    assert all(isinstance(v, str) for v in context["situs"].values())
