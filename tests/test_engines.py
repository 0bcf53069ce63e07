"""The site builds the same with ProperDocs, the drop-in continuation of MkDocs 1.x, so the
group is never stranded if MkDocs breaks: same pages, same generated content, byte for byte
(apart from the generator tag)."""

from __future__ import annotations

import gzip
import re
from pathlib import Path

import pytest

from kda.model.data import load_site_data

from conftest import ENGINE, ROOT, run_cli_build

OTHER_ENGINE = "properdocs" if ENGINE == "mkdocs" else "mkdocs"
GENERATOR = re.compile(rb'<meta name="generator" content="[^"]*">')


@pytest.fixture(scope="module")
def other_site(tmp_path_factory) -> Path:
    """The same sources built by the other engine's CLI, with --strict."""
    project = tmp_path_factory.mktemp("engine")
    for part in ("mkdocs.yml", "data", "docs", "hooks"):
        (project / part).symlink_to(ROOT / part)
    result = run_cli_build(project, engine=OTHER_ENGINE, pdf=True)  # the real site's files, PDFs included
    assert result.returncode == 0, result.stderr
    return project / "site"


def files_of(site: Path) -> set[str]:
    return {p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file()}


def normalised(path: Path) -> bytes:
    data = path.read_bytes()
    if path.suffix == ".gz":
        data = gzip.decompress(data)
    return GENERATOR.sub(b"", data)


def test_both_engines_produce_the_same_set_of_files(site, other_site):
    assert files_of(site) == files_of(other_site)


def test_both_engines_produce_the_same_content(site, other_site):
    different = [name for name in sorted(files_of(site))
                 if normalised(site / name) != normalised(other_site / name)]
    assert different == []


def test_the_generated_parts_are_really_there_in_both(site, other_site):
    data = load_site_data(ROOT / "data", ROOT / "docs")
    for built in (site, other_site):
        schedule = (built / "jadwal" / "index.html").read_text(encoding="utf-8")
        assert sorted(re.findall(r'id="(pertemuan-\d+)"', schedule)) == sorted(m.anchor for m in data.pertemuan)
        assert "Kamis, 16 Januari 2014" in schedule
        note = (built / "pertemuan" / "02-perlindungan-anak" / "index.html").read_text(encoding="utf-8")
        assert 'class="kda-kepala"' in note
        topics = (built / "topik" / "index.html").read_text(encoding="utf-8")
        assert all(f'id="{t.id}"' in topics for t in data.pokok_bahasan)
