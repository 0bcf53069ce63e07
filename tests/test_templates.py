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
