"""No file from outside the repository is published: every symbolic link under docs/ and data/ is refused.

One copy of the project holds every kind of link at once (one build answers for all of them): to
the build's environment, to a system file, to another file of the repository, to a folder outside
the project, a dangling one, and links among the templates, the theme overrides and the data.
"""

from __future__ import annotations

import os
import sys

import pytest

from conftest import ROOT, assert_refused_at, cli_build_of, copy_project

SECRET_VARIABLE = "KDA_UJI_RAHASIA"
SECRET = "rahasia-symlink-73a1"

# path in the project -> what the link points to ("{outside}": a folder outside the project)
LINKS = {
    "docs/materi/lingkungan.pdf": "/proc/self/environ",
    "docs/uji/sandi.md": "/etc/passwd",
    "docs/uji/kode.png": "../../hooks/site_hooks.py",  # another file of the repository
    "docs/uji/data-anggota.pdf": "../../data/anggota.yml",
    "docs/uji/luar": "{outside}",  # a folder: its pages would be published (and scripted)
    "docs/uji/hilang.jpg": "/tidak/ada/berkas.jpg",  # dangling
    "docs/assets/gaya-lain.css": "/etc/hostname",
    "docs/.templates/_sisipan.md.j2": "/proc/self/environ",
    "docs/.overrides/partials/sisipan.html": "/proc/self/environ",
    "docs/pertemuan/02-perlindungan-anak/foto/papan.jpg": "/proc/self/environ",
    "data/privasi.yml": "/proc/self/environ",  # replaces a data file the build reads
}


def make_links(project, outside) -> None:
    (project / "docs" / "uji").mkdir(exist_ok=True)
    (outside / "index.md").write_text("# Dari luar\n\n<script>alert(1)</script>\n", encoding="utf-8")
    for path, target in LINKS.items():
        link = project / path
        link.parent.mkdir(parents=True, exist_ok=True)
        if link.exists() or link.is_symlink():
            link.unlink()
        link.symlink_to(str(outside) if target == "{outside}" else target)


@pytest.fixture(scope="module")
def linked(tmp_path_factory):
    base = tmp_path_factory.mktemp("symlinks")
    outside = base / "di-luar"
    outside.mkdir()
    project = copy_project(base / "project")
    make_links(project, outside)
    return cli_build_of(project, **{SECRET_VARIABLE: SECRET})


@pytest.mark.build
@pytest.mark.parametrize("path", LINKS)
def test_a_symlink_stops_the_build_with_its_path_and_an_indonesian_message(linked, path):
    assert_refused_at(linked, f"{path}: ini tautan simbolik (symlink) ke ")


@pytest.mark.build
def test_nothing_of_a_target_is_read_or_written(linked):
    result, project = linked
    output = result.stdout + result.stderr
    assert SECRET not in output and "root:x:0:0" not in output
    assert "Traceback" not in output
    assert not (project / "site").exists()


def test_a_project_without_links_has_none(tmp_path):
    from kda.checks.symlinks import symlink_problems

    assert symlink_problems(ROOT) == []
    assert symlink_problems(ROOT, ("docs", "data", "tidak-ada")) == []


def test_the_local_check_refuses_every_link_too(tmp_path, capsys):
    sys.path.insert(0, str(ROOT / "scripts"))
    import periksa

    outside = tmp_path / "di-luar"
    outside.mkdir()
    project = copy_project(tmp_path / "project")
    make_links(project, outside)
    assert periksa.main(["docs/materi/lingkungan.pdf"], root=project) == 1
    output = capsys.readouterr().out
    assert "  - docs/materi/lingkungan.pdf: ini tautan simbolik (symlink) ke \"/proc/self/environ\"" in output
    assert periksa.main(["--semua"], root=project) == 1
    output = capsys.readouterr().out
    for path in LINKS:
        assert f"  - {path}: ini tautan simbolik" in output, path
    assert SECRET not in output and "Traceback" not in output


def test_a_linked_top_folder_is_the_maintainers_setup_not_a_link_under_it(tmp_path):
    """docs/ and data/ themselves may be links (tests/test_engines.py builds through them)."""
    from kda.checks.symlinks import symlink_problems

    for part in ("docs", "data"):
        (tmp_path / part).symlink_to(ROOT / part)
    assert symlink_problems(tmp_path) == []
    assert os.path.islink(tmp_path / "docs")
