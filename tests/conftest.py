"""Build the real site once per session (offline, as the MkDocs CLI does) and parse its pages."""

from __future__ import annotations

import ast
import functools
import inspect
import os
import re
import subprocess
import textwrap
from dataclasses import dataclass
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


# The season lane (README, "Tests"; .ci/run): with KDA_MUSIM=1 the suite runs only the tests that
# can see the real project's content: those using the real site (or a case whose parameter names
# one of its fixtures, for `request.getfixturevalue`), and those whose code, decorators
# or fixtures read the real data, pages or configuration, directly or through a name (a constant,
# a helper, a parametrize list) of their module or of a test module they import. The others read
# the example group (tests/fixture/) and the machinery, which a season of routine edits does not
# touch: their result is the main lane's by construction. A test marked `artifacts` only leaves files
# for a person to look at, which nobody does in the season's copy (what it asserts, that each page
# type draws, the season lane's other browser tests assert too). Without KDA_MUSIM, a season copy
# runs everything.
SEASON_LANE = os.environ.get("KDA_MUSIM") == "1"
REAL_FIXTURES = {"real_site", "real_page", "site", "page", "base_url", "new_page"}
READS_REAL_PROJECT = re.compile(r'ROOT / "(data|docs)|ROOT\b\)|content=None|--semua|copy_checkout')


@dataclass(frozen=True)
class RealNames:
    """What of a test module can see the real project: its names, or (`whole`) all of it."""
    names: frozenset[str]
    modules: tuple[tuple[str, Path], ...]  # `import test_x [as y]`: the alias and the module's file
    whole: bool


def _test_module(name: str, level: int, here: Path) -> Path | None:
    """The file of an imported test module (tests/X.py, or .X beside `here`), if it is one."""
    folder = here.parent if level else ROOT / "tests"
    path = folder / (name.replace(".", "/") + ".py")
    return path if path.is_file() else None


def _bound(node: ast.stmt) -> set[str]:
    if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
        return {node.name}
    if not isinstance(node, (ast.Assign, ast.AnnAssign, ast.AugAssign)):
        return set()  # a loop, a condition, a call: what it does is not one name's (the whole module counts)
    targets = node.targets if isinstance(node, ast.Assign) else [node.target]
    return {n.id for t in targets for n in ast.walk(t) if isinstance(n, ast.Name)}


def _used(node: ast.AST, modules: dict[str, Path]) -> tuple[set[str], set[tuple[Path, str]]]:
    """The names `node` reads, and the `module.name` it reads of imported test modules."""
    names = {n.id for n in ast.walk(node) if isinstance(n, ast.Name)}
    attributes = {(modules[n.value.id], n.attr) for n in ast.walk(node)
                  if isinstance(n, ast.Attribute) and isinstance(n.value, ast.Name) and n.value.id in modules}
    return names, attributes


_reading: set[Path] = set()  # the modules whose names are being found (a cycle of imports reads nothing more)


@functools.cache
def real_names(path: Path) -> RealNames:
    """The module-level names of a test module that read the real project, to a fixed point: a
    name whose code reads it, or reads such a name here or in a test module imported. A statement
    that binds no name and reads it makes the whole module real (as a parametrize list would)."""
    if path in _reading:
        return RealNames(frozenset(), (), False)
    _reading.add(path)
    try:
        return _find_real_names(path)
    finally:
        _reading.discard(path)


def _find_real_names(path: Path) -> RealNames:
    source = path.read_text(encoding="utf-8")
    imported, modules, statements = {}, {}, []
    for node in ast.parse(source).body:
        if isinstance(node, ast.ImportFrom) and (module := _test_module(node.module or "", node.level, path)):
            imported.update({alias.asname or alias.name: (module, alias.name) for alias in node.names})
        elif isinstance(node, ast.Import):
            modules.update({alias.asname or alias.name: m for alias in node.names
                            if (m := _test_module(alias.name, 0, path))})
        elif not (isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant)):  # not the docstring
            statements.append((_bound(node), READS_REAL_PROJECT.search(ast.get_source_segment(source, node) or ""),
                               *_used(node, modules)))
    real = {name for name, (module, original) in imported.items() if original in real_names(module).names}
    whole, grew = False, True
    while grew:
        grew = False
        for bound, direct, names, attributes in statements:
            if direct or names & real or any(name in real_names(m).names for m, name in attributes):
                whole |= not bound
                grew |= not bound <= real
                real |= bound
    return RealNames(frozenset(real), tuple(modules.items()), whole)


@functools.cache  # per function: a fixture serves many tests, a parametrized test many items
def function_reads_real_project(function) -> bool:
    """Whether a test or fixture function (its decorators too) reads the real project or a name that does."""
    path = Path(inspect.getsourcefile(function) or "")
    source = textwrap.dedent(inspect.getsource(function))
    if READS_REAL_PROJECT.search(source):
        return True
    module = real_names(path)
    names, attributes = _used(ast.parse(source), dict(module.modules))
    return bool(names & module.names) or any(name in real_names(m).names for m, name in attributes)


def names_a_real_fixture(item, functions) -> bool:
    """A case whose parameter names a fixture of the real site, which the test or one of its fixtures
    fetches with `request.getfixturevalue` (a test over "site" and "example_site": only the first
    case is real)."""
    params = item.callspec.params if hasattr(item, "callspec") else {}
    return (any(isinstance(value, str) and value in REAL_FIXTURES for value in params.values())
            and any("getfixturevalue" in inspect.getsource(f) for f in functions))


def reads_real_project(item) -> bool:
    """A test can see the real content: through the real site, or in its code, its decorators, its fixtures."""
    if REAL_FIXTURES & set(item.fixturenames) or real_names(Path(str(item.fspath))).whole:
        return True
    functions = [item.function] + [d.func for defs in item._fixtureinfo.name2fixturedefs.values() for d in defs]
    own = [f for f in functions if Path(inspect.getsourcefile(f) or "").is_relative_to(ROOT / "tests")]
    return names_a_real_fixture(item, own) or any(function_reads_real_project(f) for f in own)


def pytest_collection_modifyitems(config, items):
    """Mark `browser` every test under tests/browser/, and `build` every test that builds a site;
    in the season lane, keep only the tests that can see the real content."""
    for item in items:
        if "browser" in Path(str(item.fspath)).relative_to(ROOT / "tests").parts[:1]:
            item.add_marker(pytest.mark.browser)
            item.add_marker(pytest.mark.build)
        elif BUILD_FIXTURES & set(item.fixturenames):
            item.add_marker(pytest.mark.build)
    if SEASON_LANE:
        kept = [item for item in items if reads_real_project(item) and not item.get_closest_marker("artifacts")]
        config.hook.pytest_deselected(items=[i for i in items if i not in kept])
        items[:] = kept


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item):
    global _building_allowed
    _building_allowed = item.get_closest_marker("build") is not None


def _check_building_allowed() -> None:
    """Keep the fast lane (-m "not build") fast and the marker true: a test that builds says so."""
    if not _building_allowed:
        pytest.fail("this test builds a site: mark it @pytest.mark.build (or its module: pytestmark)")


# The tests' builds leave out the PDFs (each build of a copy would start Chromium twice to print
# them) unless a test asks for them with pdf=True: the real site's build, and the tests of the PDFs.

def build_site(project: Path, site_dir: Path, today: str = BUILD_DATE, pdf: bool = False) -> Path:
    """Build `project` into `site_dir` in-process with --strict, like `mkdocs build`."""
    _check_building_allowed()
    return tooling.build_site(project, site_dir, today, pdf=pdf)


def run_cli_build(project: Path, today: str = BUILD_DATE, engine: str = ENGINE, pdf: bool = False) -> subprocess.CompletedProcess:
    """`mkdocs build --strict` (or `properdocs build`) in a subprocess: what a writer sees in the terminal."""
    _check_building_allowed()
    return tooling.run_cli_build(project, today, engine, pdf=pdf)


@pytest.fixture(scope="session", autouse=True)
def reused_build_work(tmp_path_factory) -> None:
    """Copies of the project start their first build with the caches of an untouched copy of the same
    content (kda.tooling.project.seed_caches): each card, chart and photo is drawn once per session.
    A test of the caches themselves makes its copy with warm=False. The `mkdocs build` commands are
    forked from a process that imported MkDocs, the plugins and the hooks once (kda.tooling.prestarted)."""
    tooling.seed_caches(tmp_path_factory.mktemp("cache-awal"))
    tooling.prestart_builds()
    yield
    tooling.stop_prestarted()


@pytest.fixture(scope="session")
def real_site(tmp_path_factory) -> Path:
    """The real project built once: its tests assert only what follows from the data they read."""
    return build_site(ROOT, tmp_path_factory.mktemp("site"), pdf=True)


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


# --- builds of an edited copy, and what a refused one printed ------------------------------------

def cli_build_of(project: Path, **variables: str) -> tuple[subprocess.CompletedProcess, Path]:
    """`project` (an edited copy) built with the CLI, without PDFs, under `variables`; and the copy."""
    with environment(KDA_TANPA_PDF="1", **variables):
        return run_cli_build(project), project


def refused_output(result: subprocess.CompletedProcess) -> str:
    """Everything a CLI build printed, once it is checked that the build was refused (exit 1)."""
    output = result.stdout + result.stderr
    assert result.returncode == 1, output[-3000:]
    return output


def assert_refused_without_trace(build: tuple[subprocess.CompletedProcess, Path], *absent: str) -> str:
    """A refused build (exit 1) of a copy that printed no traceback and published none of `absent`
    (paths in its site; the home page when none is given). Returns what it printed."""
    result, project = build
    output = refused_output(result)
    assert "Traceback" not in output
    for path in absent or ("index.html",):
        assert not (project / "site" / path).exists(), path
    return output


def assert_refused_at(build: tuple[subprocess.CompletedProcess, Path], where: str, fragments=(),
                      line: int | None = None) -> list[str]:
    """A copy's build (cli_build_of) was refused, and listed a problem at `where` with each fragment."""
    return assert_problems(refused_output(build[0]), where, fragments, line)


def assert_page_case_refused(build, folder: str, cases, name: str) -> list[str]:
    """Case `name` of `cases` (name -> (text, line, fragments)), the page docs/{folder}/{name}.md of a
    refused build: a problem listed at its line with each fragment."""
    _, line, fragments = cases[name]
    return assert_refused_at(build, f"docs/{folder}/{name}.md", fragments, line)


def problems_at(output: str, where: str) -> list[str]:
    """The listed problems ("- docs/x.md, baris 3: ...") whose place starts with `where`, stripped."""
    return [line.strip() for line in output.splitlines() if line.strip().startswith(f"- {where}")]


def assert_problems(output: str, where: str, fragments=(), line: int | None = None) -> list[str]:
    """A problem is listed at `where` (at `line` of it, when given), and each fragment is in one of them."""
    lines = problems_at(output, where)
    assert lines, (where, output[-3000:])
    if line:
        assert problems_at(output, f"{where}, baris {line}"), (line, lines)
    for fragment in fragments:
        assert any(fragment in entry for entry in lines), (fragment, lines)
    return lines
