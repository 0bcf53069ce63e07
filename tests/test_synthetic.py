"""The benchmarks' synthetic site (bench/synthetic.py): deterministic, valid, and built with --strict.
Also: meeting notes numbered from 100 on (the synthetic copy at N>=6 has them)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from kda.model.data import load_site_data
from kda.views.pages import NOTE_NAME, map_pages

from conftest import ROOT, run_cli_build

sys.path.insert(0, str(ROOT / "bench"))
from synthetic import generate


def files_of(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes()
            for part in ("data", "docs") for p in sorted((root / part).rglob("*")) if p.is_file()}


def test_same_seed_same_files_other_seed_other_files(tmp_path):
    first, second = generate(tmp_path / "a", 1), generate(tmp_path / "b", 1)
    assert first == second
    assert files_of(tmp_path / "a") == files_of(tmp_path / "b")
    generate(tmp_path / "c", 1, seed=7)
    assert files_of(tmp_path / "c") != files_of(tmp_path / "a")


def test_generator_never_writes_into_the_project(tmp_path):
    before = files_of(ROOT)
    generate(tmp_path / "copy", 1)
    assert files_of(ROOT) == before


@pytest.mark.build
def test_n1_copy_builds_strict_with_its_synthetic_pages(tmp_path, monkeypatch):
    size = generate(tmp_path / "n1", 1)
    assert (size.notes, size.articles, size.images) == (13, 11, 2)
    monkeypatch.setenv("KDA_TANPA_PDF", "1")  # the real site's build tests the PDFs
    result = run_cli_build(tmp_path / "n1", today=size.today)
    assert result.returncode == 0, result.stderr[-3000:]
    site = tmp_path / "n1" / "site"
    notes = sorted(p.parent.name for p in (site / "pertemuan").glob("*/index.html"))
    assert len(notes) == size.notes + len(list((ROOT / "docs" / "pertemuan").glob("[0-9][0-9]-*.md")))  # the real ones stay
    assert len(list((site / "artikel").glob("*/index.html"))) >= size.articles
    assert list((site / "assets" / "pratinjau").glob("*.png"))


@pytest.mark.parametrize("name, number", [("02-a.md", 2), ("99-a-b.md", 99), ("100-a.md", 100), ("1234-a.md", 1234)])
def test_note_names_two_digits_or_more_from_100(name, number):
    assert int(NOTE_NAME.match(name)[1]) == number


@pytest.mark.parametrize("name", ["2-a.md", "002-a.md", "0100-a.md", "100.md", "100-A.md"])
def test_note_names_refused(name):
    assert NOTE_NAME.match(name) is None


def test_notes_of_meetings_from_100_match_the_data(tmp_path):
    project = tmp_path / "n6"
    generate(project, 6)
    data = load_site_data(project / "data", project / "docs", label_root=project)
    paths = [p.relative_to(project / "docs").as_posix() for p in (project / "docs").rglob("*.md")]
    notes = map_pages(paths, data).notes
    assert max(notes) >= 100
    assert notes[100].startswith("pertemuan/100-")
