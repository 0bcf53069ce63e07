"""A copy of the project and its builds, for the tests and the benchmarks.

`copy_project` copies the machinery (mkdocs.yml, hooks/, the generic pages, templates and assets)
and, by default, puts the example group's content (tests/fixture/) in place of the real one, so a
test that builds or breaks a copy sees the same content whatever the group has written since.
`build_site` builds in this process, as `mkdocs build --strict` does; `run_cli_build` runs the
command in a subprocess, to read what a writer sees in the terminal.

`seed_caches(folder)` (the tests turn it on) starts the first build of every copy with the caches
a build of an untouched copy of the same content left: preview cards, charts and photos are then
drawn once per content, not once per copy. A cache entry's name is a digest of what it was made
from, so a warm entry is only used where the copy would have made the same one.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from kda.settings import NO_PDF_VARIABLE
from kda.tooling.prestarted import Prestarted

# The repository this package was loaded from (hooks/kda/tooling/ -> the project).
ROOT = Path(__file__).resolve().parents[3]
FIXTURE = ROOT / "tests" / "fixture"  # the example group's content (tests/fixture/README.md)
PROJECT_PARTS = ("mkdocs.yml", "data", "docs", "hooks")
IGNORED = shutil.ignore_patterns("__pycache__", ".cache")

# The day test builds are "as of": between meeting 1 and meeting 2 of the example group
# (16 January 2014). No test depends on the real date.
BUILD_DATE = "2014-01-10"
# Dates MkDocs writes (the sitemap's lastmod): 2014-01-10 00:00 UTC, as CI sets it from the last
# commit, so the output does not depend on the real date.
SOURCE_DATE_EPOCH = "1389312000"


@contextmanager
def environment(**values: str) -> Iterator[None]:
    """Set environment variables for the block, then restore them."""
    old = {k: os.environ.get(k) for k in values}
    os.environ.update(values)
    try:
        yield
    finally:
        for key, value in old.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value


def real_content(project: Path) -> list[Path]:
    """The group's own content in `project`: what the example group replaces in a copy."""
    docs = project / "docs"
    data = [p for p in (project / "data").glob("*.yml") if p.name != "privasi.yml"]
    notes = [p for p in (docs / "pertemuan").iterdir() if p.name[:2].isdigit()]
    materials = [p for p in (docs / "materi").iterdir() if p.name != "index.md"]
    return data + [docs / "tor.md", *notes, *materials, *(docs / "artikel" / "posts").iterdir()]


def copy_project(destination: Path, content: Path | None = FIXTURE, root: Path = ROOT, warm: bool = True) -> Path:
    """A copy of the project's machinery with the example group's content (`content=None`: the real one);
    `warm=False`: its first build starts with no cache even under seed_caches."""
    if warm:
        _copied_from[destination.resolve()] = (content, root)
    destination.mkdir(parents=True, exist_ok=True)
    for part in PROJECT_PARTS:
        source = root / part
        if source.is_dir():
            shutil.copytree(source, destination / part, ignore=IGNORED, dirs_exist_ok=True)
        else:
            shutil.copy2(source, destination / part)
    if content is not None:
        for path in real_content(destination):
            shutil.rmtree(path) if path.is_dir() else path.unlink()
        shutil.copytree(content / "data", destination / "data", dirs_exist_ok=True)
        shutil.copytree(content / "docs", destination / "docs", dirs_exist_ok=True)
    return destination


# Warm caches for the copies (seed_caches): what each copy was made from, and where the caches of
# an untouched copy of that content are.
_copied_from: dict[Path, tuple[Path | None, Path]] = {}
_seeds: dict[tuple[Path | None, Path], Path] = {}
_seed_folder: list[Path] = []  # empty: copies start with no cache, as a fresh checkout does


_prestarted: list[Prestarted] = []  # empty: each command build starts Python anew


def prestart_builds(root: Path = ROOT) -> None:
    """From now on in this process, `run_cli_build` forks its builds from a process that has imported
    MkDocs, the theme, the plugins and the hooks of `root` once (kda.tooling.prestarted)."""
    if not _prestarted:
        _prestarted.append(Prestarted(root / "hooks"))


def stop_prestarted() -> None:
    while _prestarted:
        _prestarted.pop().close()


def seed_caches(folder: Path) -> None:
    """From now on in this process, a copy's first build starts with warm caches, made in `folder`."""
    _seed_folder[:] = [folder]


def _warm_caches(project: Path) -> None:
    """Copy the seed's caches into a copy that has none yet (its first build)."""
    source = _copied_from.get(project.resolve())
    if not _seed_folder or source is None or (project / ".cache").exists():
        return
    if source not in _seeds:
        pristine = _seed_folder[0] / f"salinan-{len(_seeds)}"
        copy_project(pristine, *source, warm=False)  # the seed's own build starts cold
        build_site(pristine, pristine / "site", pdf=False)
        _seeds[source] = pristine / ".cache"
    shutil.copytree(_seeds[source], project / ".cache")


def load_site_config(project: Path, **options):
    """load_config, for a build in this process.

    MkDocs keeps plugin instances for the whole process (for `mkdocs serve`), so every
    in-process build of the same project shares one Material blog plugin, whose temp folder
    the previous build's on_shutdown removed: make it again."""
    from mkdocs.config import load_config

    config = load_config(str(project / "mkdocs.yml"), **options)
    for plugin in config.plugins.values():
        if isinstance(getattr(plugin, "temp_dir", None), str):
            os.makedirs(plugin.temp_dir, exist_ok=True)
    return config


def build_variables(today: str, pdf: bool) -> dict[str, str]:
    """The environment of a reproducible build as of `today`; without the PDFs when not `pdf`
    (printing them starts Chromium twice: a test about something else need not pay for it)."""
    variables = {"KDA_TODAY": today, "SOURCE_DATE_EPOCH": SOURCE_DATE_EPOCH, "NO_MKDOCS_2_WARNING": "1"}
    return variables if pdf else {**variables, NO_PDF_VARIABLE: "1"}


def build_site(project: Path, site_dir: Path, today: str = BUILD_DATE, pdf: bool = True) -> Path:
    """Build `project` into `site_dir` in this process with --strict, like `mkdocs build`."""
    from mkdocs.commands.build import build

    _warm_caches(project)
    with environment(**build_variables(today, pdf)):
        config = load_site_config(project, site_dir=str(site_dir), strict=True)
        config.plugins.on_startup(command="build", dirty=False)
        try:
            build(config)
        finally:
            config.plugins.on_shutdown()
    return site_dir


def run_cli_build(project: Path, today: str = BUILD_DATE, engine: str = "mkdocs",
                  pdf: bool = True) -> subprocess.CompletedProcess:
    """`mkdocs build --strict` (or `properdocs build`) in a subprocess: what a writer sees in the terminal."""
    _warm_caches(project)
    env = dict(os.environ, **build_variables(today, pdf))
    args = ["-m", engine, "build", "--strict", "-f", str(project / "mkdocs.yml"), "-d", str(project / "site")]
    if _prestarted and _prestarted[0].usable(engine, env):
        return _prestarted[0].run(args, env, timeout=300)
    return subprocess.run([sys.executable, *args], capture_output=True, text=True, env=env, timeout=300)
