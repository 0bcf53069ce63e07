"""Nothing outside docs/ and data/ reaches the output through member content."""

from __future__ import annotations

import pytest
from mkdocs.config import load_config

from kda.checks import guard

from conftest import ROOT, copy_project, run_cli_build


def test_snippets_stay_disabled_or_locked_to_their_own_folder():
    config = load_config(str(ROOT / "mkdocs.yml"))
    assert guard.SNIPPETS not in config.markdown_extensions or guard.snippets_problems(config, ROOT) == []


def enable_snippets(project, options: str):
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace("  - pymdownx.superfences\n", "  - pymdownx.superfences\n  - pymdownx.snippets" + options + "\n"),
                      encoding="utf-8")


@pytest.mark.build
def test_snippets_without_check_paths_and_own_folder_stop_the_build(tmp_path):
    project = copy_project(tmp_path / "project")
    enable_snippets(project, "")
    result = run_cli_build(project)
    output = result.stdout + result.stderr
    assert result.returncode == 1
    assert "mkdocs.yml, pymdownx.snippets: check_paths harus true" in output
    assert "base_path harus folder khusus potongan di dalam proyek" in output
    assert "Traceback" not in output


@pytest.mark.build
def test_locked_snippets_cannot_paste_the_config_or_data_into_a_page(tmp_path):
    project = copy_project(tmp_path / "project")
    (project / "docs" / ".potongan").mkdir()
    enable_snippets(project, ":\n      check_paths: true\n      base_path: [docs/.potongan]")
    note = project / "docs" / "pertemuan" / "02-perlindungan-anak.md"
    note.write_text(note.read_text(encoding="utf-8") + '\n--8<-- "../../mkdocs.yml"\n', encoding="utf-8")
    result = run_cli_build(project)
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "site_url" not in output
    assert not (project / "site" / "pertemuan" / "02-perlindungan-anak" / "index.html").exists()
