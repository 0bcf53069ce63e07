"""Build the real site once per session (offline, as the MkDocs CLI does) and parse its pages."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

# The engine the whole suite builds with: "mkdocs" (default) or "properdocs", the drop-in
# continuation of MkDocs 1.x. ProperDocs' replacement module redirects every `mkdocs.*`
# import (ours, Material's, the macros plugin's) to `properdocs.*`.
ENGINE = os.environ.get("KDA_ENGINE", "mkdocs")
if ENGINE == "properdocs":
    import properdocs.replacement  # noqa: F401  (imported for its effect)
elif ENGINE != "mkdocs":
    raise RuntimeError(f"KDA_ENGINE must be mkdocs or properdocs, not {ENGINE!r}")

from kda.tooling import project as tooling
from kda.tooling.project import (  # noqa: F401  (the tests import these from here)
    BUILD_DATE,
    FIXTURE,
    ROOT,
    SOURCE_DATE_EPOCH,
    copy_project,
    environment,
    load_site_config,
    real_content,
)

# The fixtures that build a site: a test using one is marked `build` (pytest.ini) by itself.
BUILD_FIXTURES = {"site", "page", "real_site", "real_page", "example_site", "example_page", "base_url", "browser", "new_page"}
_building_allowed = True  # False while a test without the `build` marker runs


def pytest_collection_modifyitems(config, items):
    """Mark `browser` every test under tests/browser/, and `build` every test that builds a site."""
    for item in items:
        if "browser" in Path(str(item.fspath)).relative_to(ROOT / "tests").parts[:1]:
            item.add_marker(pytest.mark.browser)
            item.add_marker(pytest.mark.build)
        elif BUILD_FIXTURES & set(item.fixturenames):
            item.add_marker(pytest.mark.build)


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item):
    global _building_allowed
    _building_allowed = item.get_closest_marker("build") is not None


def _check_building_allowed() -> None:
    """Keep the fast lane (-m "not build") fast and the marker true: a test that builds says so."""
    if not _building_allowed:
        pytest.fail("this test builds a site: mark it @pytest.mark.build (or its module: pytestmark)")


def build_site(project: Path, site_dir: Path, today: str = BUILD_DATE) -> Path:
    """Build `project` into `site_dir` in-process with --strict, like `mkdocs build`."""
    _check_building_allowed()
    return tooling.build_site(project, site_dir, today)


def run_cli_build(project: Path, today: str = BUILD_DATE, engine: str = ENGINE) -> subprocess.CompletedProcess:
    """`mkdocs build --strict` (or `properdocs build`) in a subprocess: what a writer sees in the terminal."""
    _check_building_allowed()
    return tooling.run_cli_build(project, today, engine)


@pytest.fixture(scope="session")
def real_site(tmp_path_factory) -> Path:
    """The real project built once: its tests assert only what follows from the data they read."""
    return build_site(ROOT, tmp_path_factory.mktemp("site"))


@pytest.fixture(scope="session")
def site(real_site) -> Path:
    """The real site (a module that tests machinery may override `site` with an example site)."""
    return real_site


def page_reader(site: Path):
    """reader('jadwal/') -> that built page of `site`, parsed once (tests must not change it)."""
    cache: dict[str, BeautifulSoup] = {}

    def parse(url: str) -> BeautifulSoup:
        if url not in cache:
            path = site / url
            if url.endswith("/") or url == "":
                path = path / "index.html"
            cache[url] = BeautifulSoup(path.read_text(encoding="utf-8"), "lxml")
        return cache[url]

    return parse


@pytest.fixture(scope="session")
def real_page(real_site):
    """real_page('jadwal/') -> the parsed built page of the real site."""
    return page_reader(real_site)


@pytest.fixture(scope="session")
def page(real_page):
    """page('jadwal/') -> the parsed built page (of the real site, unless the module overrides it)."""
    return real_page


def text_of(node) -> str:
    """Visible text with whitespace collapsed, without the headings' permalink signs."""
    return " ".join(node.get_text(" ").replace("¶", " ").split())


@pytest.fixture(scope="session")
def example_site(tmp_path_factory) -> Path:
    """A copy of the project with a test gallery, a material file and responses set (tests/contoh.py),
    built once without PDFs (the real site's build tests those)."""
    from contoh import make_example

    project = make_example(copy_project(tmp_path_factory.mktemp("contoh")))
    with environment(KDA_TANPA_PDF="1"):
        return build_site(project, project / "site")


@pytest.fixture(scope="session")
def example_page(example_site):
    """example_page('jadwal/') -> the parsed built page of the example group's site."""
    return page_reader(example_site)


@pytest.fixture(scope="module")
def macros():
    """The macros plugin as a build configures it (every on_config and our on_pre_build have run)."""
    with environment(KDA_TODAY=BUILD_DATE, NO_MKDOCS_2_WARNING="1"):
        config = load_site_config(ROOT)
        config.plugins.on_startup(command="build", dirty=False)
        try:
            config = config.plugins.on_config(config)
            config.plugins.on_pre_build(config=config)
            yield config.plugins["macros"]
        finally:
            config.plugins.on_shutdown()
