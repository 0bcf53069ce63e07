"""Writers' and maintainers' mistakes around previews and images: a clear Indonesian message,
no traceback, the build stops."""

from __future__ import annotations

import pytest

from conftest import copy_project, run_cli_build


@pytest.mark.build
def test_missing_site_url_stops_the_build_with_a_message(tmp_path):
    project = copy_project(tmp_path / "project")
    config = project / "mkdocs.yml"
    lines = [line for line in config.read_text(encoding="utf-8").splitlines() if not line.startswith("site_url:")]
    config.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = run_cli_build(project)
    assert result.returncode != 0
    assert "mkdocs.yml: site_url kosong" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.build
def test_broken_image_is_named_and_fails_the_strict_build(tmp_path):
    project = copy_project(tmp_path / "project")
    (project / "docs" / "pertemuan" / "foto-rusak.jpg").write_bytes(b"bukan gambar")
    note = project / "docs" / "pertemuan" / "02-perlindungan-anak.md"
    note.write_text(note.read_text(encoding="utf-8") + "\n![Foto](foto-rusak.jpg)\n", encoding="utf-8")
    result = run_cli_build(project)
    assert result.returncode != 0
    assert "docs/pertemuan/foto-rusak.jpg: berkas ini bukan gambar yang dapat dibaca" in result.stderr
    assert "Traceback" not in result.stderr
