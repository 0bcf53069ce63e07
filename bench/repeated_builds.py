"""Builds in one process, as `mkdocs serve` and the tests make them: with and without what they reuse.

    python3 bench/repeated_builds.py [--pairs 4]

Each pair builds two fresh copies of the project (the example group's content, then the real
one), in alternating order:
- "cold": every template compiled again (kda.views.compiled emptied first) and the copy's caches
  empty: what every build in the process paid before the compiled templates were kept;
- "reused": the templates compiled by earlier builds, and the copy's first build started with
  the caches of an untouched copy of the same content (kda.tooling.project.seed_caches, as the
  tests do).
Then `mkdocs serve`'s case: the same copy built again after one article changed, with its disk
caches either way, its templates compiled again ("cold") or kept ("reused").
Prints each median and the ratio reused/cold; no target is asserted.
"""

from __future__ import annotations

import argparse
import itertools
import statistics
import tempfile
import time
from pathlib import Path

from kda.tooling import project as tooling
from kda.views import compiled


def forget_compiled() -> None:
    compiled.THEME.clear()
    compiled.VIEWS.clear()


def timed(project: Path, site: Path) -> float:
    start = time.perf_counter()
    tooling.build_site(project, site, pdf=False)
    return time.perf_counter() - start


def first_build(work: Path, content: Path | None, reused: bool, number: int) -> float:
    """A fresh copy's first build."""
    if not reused:
        forget_compiled()
    copy = tooling.copy_project(work / f"salinan-{number}", content=content, warm=reused)
    return timed(copy, copy / "site")


def edited_rebuild(work: Path, reused: bool, number: int) -> float:
    """A copy built once, one article edited, built again (the rebuild `mkdocs serve` makes)."""
    copy = tooling.copy_project(work / f"serve-{number}", warm=False)
    timed(copy, copy / "site")
    post = next((copy / "docs" / "artikel" / "posts").glob("*.md"))
    post.write_text(post.read_text(encoding="utf-8") + "\nSatu kalimat baru.\n", encoding="utf-8")
    if not reused:
        forget_compiled()  # its disk caches stay: serve had them before too
    return timed(copy, copy / "site")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pairs", type=int, default=4)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        tooling.seed_caches(work / "benih")
        timed(tooling.copy_project(work / "pemanasan", warm=False), work / "pemanasan" / "site")  # imports, first compile
        for content in (tooling.FIXTURE, None):  # the seeds' own builds, outside the figures
            first_build(work, content, True, -1 - (content is None))
        cases = {"example group, first build": lambda reused, n: first_build(work, tooling.FIXTURE, reused, n),
                 "real content, first build": lambda reused, n: first_build(work, None, reused, n),
                 "one article edited, rebuild": lambda reused, n: edited_rebuild(work, reused, n)}
        numbers = itertools.count()  # each build its own copy
        for name, case in cases.items():
            times = {False: [], True: []}
            for pair in range(args.pairs):
                order = (False, True) if pair % 2 == 0 else (True, False)
                for reused in order:
                    times[reused].append(case(reused, next(numbers)))
            cold, warm = statistics.median(times[False]), statistics.median(times[True])
            print(f"{name}: cold {cold:.2f} s, reused {warm:.2f} s, ratio {warm / cold:.2f} ({args.pairs} pairs)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
