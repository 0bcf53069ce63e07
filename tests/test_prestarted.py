"""The tests' `mkdocs build` commands forked from a prestarted process (kda.tooling.prestarted):
what they print and their exit status are those of `python -m mkdocs build` started anew."""

from __future__ import annotations

import os
import re
import subprocess
import sys

import pytest

from kda.tooling import project as tooling
from kda.tooling.prestarted import Prestarted

from conftest import ROOT, copy_project, environment


def timings_out(text: str) -> str:
    return re.sub(r"built in [\d.]+ seconds", "built in X seconds", text)


def started_anew(project) -> subprocess.CompletedProcess:
    env = dict(os.environ, **tooling.build_variables(tooling.BUILD_DATE, pdf=False))
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(project / "mkdocs.yml"),
                           "-d", str(project / "site")], capture_output=True, text=True, env=env, timeout=300)


@pytest.fixture(scope="module")
def projects(tmp_path_factory):
    folder = tmp_path_factory.mktemp("prestarted")
    good = copy_project(folder / "baik")
    bad = copy_project(folder / "rusak")
    data = bad / "data" / "pertemuan.yml"
    data.write_text(data.read_text(encoding="utf-8").replace("  tanggal: 2014-01-16\n", "  tanggal: 16/1/2014\n", 1),
                    encoding="utf-8")
    return good, bad


@pytest.mark.build
def test_a_forked_build_prints_and_exits_as_a_new_process(projects):
    assert tooling._prestarted, "the tests' builds are not forked (tests/conftest.py: reused_build_work)"
    with environment(KDA_TANPA_PDF="1"):
        first = [tooling.run_cli_build(project) for project in projects]  # the first builds start the copies' caches
        fresh = [started_anew(project) for project in projects]
        # again after the others, a refused one among them: what one build leaves must not reach the next
        again = [tooling.run_cli_build(project) for project in projects]
        for anew, *builds in zip(fresh, first, again, strict=True):
            for forked in builds:
                assert forked.returncode == anew.returncode
                assert timings_out(forked.stdout) == timings_out(anew.stdout)
                assert timings_out(forked.stderr) == timings_out(anew.stderr)
    assert not (projects[1] / "site" / "index.html").exists()


def test_a_new_hash_seed_or_another_engine_needs_a_new_interpreter():
    prestarted = Prestarted(ROOT / "hooks")
    assert prestarted.usable("mkdocs", {})
    assert not prestarted.usable("mkdocs", {"PYTHONHASHSEED": "1"})
    assert not prestarted.usable("properdocs", {})
