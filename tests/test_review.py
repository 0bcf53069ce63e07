"""Review where it matters: CODEOWNERS, the pull-request template and the contributor docs."""

from __future__ import annotations

import re

import pathspec
import pytest

from conftest import ROOT

GITHUB = ROOT / ".github"
GUIDE = "docs/panduan-menulis.md"  # Panduan Menulis, the writers' guide (published at panduan-menulis/)
MAINTAINERS = "@kelompok-diskusi-bandung/pengurus"


def owners(path: str) -> list[str]:
    """GitHub's rule: the last CODEOWNERS line whose pattern matches the path decides."""
    found: list[str] = []
    for line in (GITHUB / "CODEOWNERS").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        pattern, *names = line.split()
        if pathspec.PathSpec.from_lines("gitwildmatch", [pattern]).match_file(path):
            found = names
    return found


@pytest.mark.parametrize("path", [
    "mkdocs.yml", "hooks/site_hooks.py", "hooks/kda/model/data.py", "scripts/periksa.py", "tests/test_site.py",
    "docs/.overrides/main.html", "docs/.templates/jadwal.md.j2",
    ".github/workflows/terbitkan.yml", ".github/CODEOWNERS", ".github/kda-matcher.json", ".ci/run",
    "requirements.txt", "requirements-test.txt", ".pre-commit-config.yaml",
    "data/kelompok.yml", "data/pokok_bahasan.yml", "data/anggota.yml", "data/berkas-baru.yml",
])
def test_maintainers_review_how_the_site_is_built(path):
    assert owners(path) == [MAINTAINERS]


@pytest.mark.parametrize("path", [
    "docs/artikel/posts/2014-01-20-hak-anak.md", "docs/pertemuan/03-ekologi-anak.md",
    "docs/materi/masalah-anak.md", "data/pertemuan.yml", "data/materi.yml",
])
def test_writers_and_organisers_pages_need_no_code_owner(path):
    assert owners(path) == []


def test_the_pull_request_template_is_the_writers_checklist_in_indonesian():
    text = (GITHUB / "pull_request_template.md").read_text(encoding="utf-8")
    items = re.findall(r"^- \[ \] \*\*(.+?)\*\*", text, flags=re.M)
    assert items == ["Kepala tulisan", "Pokok bahasan", "Kasus disamarkan", "Foto", "Pemeriksaan otomatis"]
    assert "izin" in text.split("**Foto**")[1].split("\n")[0]
    assert f"(../blob/main/{GUIDE})" in text


def test_contributing_points_writers_to_the_guide_and_has_a_maintainers_section():
    text = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    assert f"]({GUIDE})" in text
    assert "## For maintainers" in text
    guide = (ROOT / "MAINTAINING.md").read_text(encoding="utf-8")
    assert "](MAINTAINING.md)" in text
    for heading in ("## How to release", "## How to change `site_url`", "## How to add a member",
                    "## How to preview a pull request locally"):
        assert heading in guide


def test_the_guide_the_template_links_to_exists():
    if not (ROOT / GUIDE).is_file():
        pytest.skip(f"{GUIDE} (Panduan Menulis) is not in this branch yet")
    assert (ROOT / GUIDE).read_text(encoding="utf-8").lstrip("-\n").count("Panduan Menulis") >= 1
