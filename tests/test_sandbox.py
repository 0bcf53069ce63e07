"""Macros: a sealed, sandboxed Jinja environment, and no rendering outside the maintainer pages.
(What the macro context can reach, and attacks as maintainer pages: tests/test_safety_macros.py.)"""

from __future__ import annotations

import pytest
from jinja2 import Environment
from jinja2.exceptions import UndefinedError
from jinja2.sandbox import ImmutableSandboxedEnvironment, SecurityError

from kda.settings import Settings

from conftest import ROOT, copy_project, run_cli_build

# Server-side template injection, by every route to Python internals we know of.
SSTI = {
    "cycler globals": "{{ cycler.__init__.__globals__.os.popen('id').read() }}",
    "joiner globals": "{{ joiner.__init__.__globals__['os'].environ }}",
    "namespace globals": "{{ namespace.__init__.__globals__ }}",
    "lipsum globals": "{{ lipsum.__globals__['os'].popen('id').read() }}",
    "range self": "{{ range.__self__ }}",
    "string subclasses": "{{ ''.__class__.__mro__[1].__subclasses__() }}",
    "attr filter": "{{ (''|attr('__class__')).__mro__ }}",
    "format string": "{{ '{0.__class__.__mro__}'.format('') }}",
    "format_map": "{{ '{x.__class__}'.format_map({'x': 1}) }}",
    "self reference": "{{ self.__init__.__globals__ }}",
    "macro function globals": "{{ jadwal.__globals__ }}",
    "config internals": "{{ config.__class__.__init__.__globals__ }}",
    "mutate a list": "{% set x = [] %}{{ x.append(1) }}",
    "mutate a dict": "{% set d = {} %}{{ d.update({'a': 1}) }}",
    "plugin private env": "{{ plugin._env }}",
}


def test_the_plugin_renders_with_an_immutable_sandbox(macros):
    assert isinstance(macros.env, ImmutableSandboxedEnvironment)
    # the site's macros and the plugin's strict undefined; none of the plugin's own filters, no loader
    assert {"jadwal", "pokok_bahasan", "daftar_materi"} <= set(macros.env.globals)
    assert "pretty" not in macros.env.filters and "relative_url" not in macros.env.filters
    assert macros.env.loader is None
    with pytest.raises(UndefinedError):
        macros.env.from_string("{{ tidak_ada }}").render()


@pytest.mark.parametrize("name", SSTI)
def test_template_injection_cannot_reach_python_internals(macros, name):
    with pytest.raises((SecurityError, UndefinedError)):
        macros.env.render_page(SSTI[name], "tor.md")


def test_the_same_payload_runs_without_the_sandbox():
    """The control: the attack is real on a plain environment, so the test above can fail."""
    assert Environment().from_string("{{ cycler.__init__.__globals__.os.getcwd() }}").render()


def test_member_pages_are_never_rendered_whatever_their_front_matter(macros):
    class File:
        src_path = src_uri = "artikel/posts/tulisan.md"

    class Page:
        file = File()
        meta = {"render_macros": True}

    macros._page = Page()
    macros.variables["page"] = Page()
    assert macros.render(markdown="{{ 7*7 }}", force_rendering=True) == "{{ 7*7 }}"
    File.src_path = File.src_uri = "jadwal.md"  # a maintainer page (force_render_paths)
    assert macros.render(markdown="{{ 7*7 }}", force_rendering=True) == "49"


@pytest.mark.build
def test_injection_in_a_maintainer_page_fails_the_build_without_running(tmp_path):
    project = copy_project(tmp_path / "project")
    tor = project / "docs" / "tor.md"
    tor.write_text(tor.read_text(encoding="utf-8") + "\n{{ cycler.__init__.__globals__.os.popen('expr 40000 + 2345').read() }}\n",
                   encoding="utf-8")
    result = run_cli_build(project)
    output = result.stdout + result.stderr
    assert result.returncode != 0, output
    assert "42345" not in output
    assert 'docs/tor.md, baris' in output and 'makro mencoba membuka "__init__", bagian dalam program' in output, output
    assert not (project / "site" / "tor" / "index.html").exists()


def test_the_local_check_reads_the_same_maintainer_pages_as_the_plugin(macros):
    from kda.checks import guard

    spec = guard.maintainer_pages_spec(Settings.from_file(ROOT / "mkdocs.yml").maintainer_pages)
    pages = [p.relative_to(ROOT / "docs").as_posix() for p in (ROOT / "docs").rglob("*.md")]
    pages += ["artikel/posts/2014-01-20-tulisan.md", "artikel/index.md", "baru/halaman.md"]
    assert [p for p in pages if spec.match_file(p)] == [p for p in pages if macros.force_page_rendering(p)]
    assert any(spec.match_file(p) for p in pages) and not all(spec.match_file(p) for p in pages)
