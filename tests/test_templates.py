"""The renderer's templates: HTML ones escape every value they are given."""

from __future__ import annotations

from kda.paths import TEMPLATES_DIR
from kda.views.render import make_environment

from conftest import ROOT


def test_html_templates_escape_their_values():
    env = make_environment(ROOT / "docs" / TEMPLATES_DIR)
    html = env.get_template("bagikan.html.j2").render(title="<img src=x onerror=alert(1)>", tanggal=None,
                                                       url='https://contoh.invalid/"><script>alert(1)</script>')
    assert "<script>" not in html and "<img" not in html
    assert 'data-clipboard-text="https://contoh.invalid/&#34;&gt;&lt;script&gt;' in html


def test_markdown_templates_are_not_html_escaped():
    env = make_environment(ROOT / "docs" / TEMPLATES_DIR)
    assert env.from_string("{{ x }}").render(x="a & b") == "a & b"
    assert env.select_template(["robots.txt.j2"]).render(site_url="https://contoh.invalid/?a&b").count("&amp;") == 0


def test_a_compiled_template_is_reused_only_while_its_file_is_unchanged(tmp_path):
    """kda.views.compiled: a second environment (the next build) takes the compiled code; an edited
    template is compiled again, so a rebuild never shows the old text."""
    from jinja2 import Environment, FileSystemLoader

    from kda.views.compiled import MemoryBytecodeCache

    cache = MemoryBytecodeCache()
    template = tmp_path / "t.html"
    template.write_text("lama {{ x }}", encoding="utf-8")

    def render() -> str:
        return Environment(loader=FileSystemLoader(str(tmp_path)), bytecode_cache=cache).get_template("t.html").render(x=1)

    assert render() == "lama 1" and len(cache) == 1
    assert render() == "lama 1"
    template.write_text("baru {{ x }}", encoding="utf-8")
    assert render() == "baru 1"


def test_the_renderer_and_the_theme_keep_compiled_templates_in_memory_only():
    from kda.views import compiled

    assert make_environment(ROOT / "docs" / TEMPLATES_DIR).bytecode_cache is compiled.VIEWS
    assert type(compiled.THEME) is type(compiled.VIEWS) is compiled.MemoryBytecodeCache
