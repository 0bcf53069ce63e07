"""No script on any page of the built site but the theme's and the project's own files.

Every <script> of every HTML file (list pages and the 404 page included): a src must be one of
Material's bundled scripts, the lightbox's, or the project's extra_javascript and page assets; an
inline script must begin as one the theme's or the project's templates write. The content area
holds none.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup


def allowed_script_sources(config) -> set[str]:
    """The theme's own scripts (Material's bundled JavaScript), the project's extra_javascript,
    the scripts only some pages link (kda.views.assets) and the maintainer pages' own (extra.aset_halaman),
    and the script of the pinned lightbox
    plugin (mkdocs-glightbox, self-hosted)."""
    import material
    import mkdocs_glightbox

    from kda.checks.page_assets import own_files
    from kda.views import assets

    theme_js = Path(material.__file__).parent / "templates" / "assets" / "javascripts"
    allowed = {p.relative_to(theme_js.parent.parent).as_posix() for p in theme_js.rglob("*.js")}
    lightbox = {f"assets/javascripts/{p.name}" for p in (Path(mkdocs_glightbox.__file__).parent / "glightbox").glob("*.js")}
    page_scripts = {path for path in own_files(config.extra) if path.endswith(".js")}
    return allowed | lightbox | page_scripts | {str(item) for item in config.extra_javascript} | set(assets.SCRIPTS)


def theme_inline_scripts(overrides: Path, project_templates: Path) -> list[str]:
    """The beginnings of the inline scripts Material's templates, the project's own theme
    overrides and its page templates (the moved pages' redirect) write (up to their first Jinja tag)."""
    import material

    templates = [*(Path(material.__file__).parent / "templates").rglob("*.html"), *overrides.rglob("*.html"),
                 *project_templates.glob("*.html.j2")]
    starts = []
    for template in templates:
        for body in re.findall(r"<script(?:\s[^>]*)?>(.*?)</script>", template.read_text(encoding="utf-8"), re.S):
            start = re.split(r"\{[{%]", body.strip())[0].strip()
            if start:
                starts.append(start)
    return starts


def site_path_of(src: str, page_path: Path, site: Path, base_path: str) -> str:
    """The file a script's src names, relative to the site; external addresses stay as they are."""
    src = src.split("?")[0]
    if re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*:|^//", src):
        return src
    if src.startswith("/"):  # 404.html links from the site's root path
        return src[len(base_path):] if src.startswith(base_path) else src
    return (page_path.parent / src).resolve().relative_to(site.resolve()).as_posix()


def assert_only_theme_and_project_scripts(site: Path, project_root: Path) -> int:
    from urllib.parse import urlparse

    from mkdocs.config import load_config

    config = load_config(str(project_root / "mkdocs.yml"))
    sources = allowed_script_sources(config)
    base_path = urlparse(config.site_url).path
    inline = theme_inline_scripts(project_root / "docs" / ".overrides", project_root / "docs" / ".templates")
    pages = list(site.rglob("*.html"))
    assert pages
    for page_path in pages:
        soup = BeautifulSoup(page_path.read_text(encoding="utf-8"), "lxml")
        content = soup.select_one("article.md-content__inner")
        assert content is None or not content.find("script"), page_path
        for script in soup.find_all("script"):
            if script.get("src"):
                assert site_path_of(script["src"], page_path, site, base_path) in sources, (page_path, script["src"])
            elif script.get("type") == "application/json" and script.get("id") == "__config":
                continue
            elif script.get("id") == "init-glightbox":  # the lightbox plugin's own start-up call
                assert script.get_text().strip().startswith("const lightbox = GLightbox("), page_path
            else:
                text = script.get_text().strip()
                assert any(text.startswith(start) for start in inline), (page_path, text[:80])
    return len(pages)


def test_site_has_no_script_but_the_theme_and_the_project_files(site):
    from conftest import ROOT

    assert assert_only_theme_and_project_scripts(site, ROOT) > 10


def test_script_check_fails_on_a_foreign_script(tmp_path):
    from conftest import ROOT

    (tmp_path / "index.html").write_text("<html><body><script>fetch('/x')</script></body></html>", encoding="utf-8")
    with pytest.raises(AssertionError):
        assert_only_theme_and_project_scripts(tmp_path, ROOT)
