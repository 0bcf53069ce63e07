"""The writers' local checks: scripts/periksa.py (the build's data and page checks on the changed
files) and the pre-commit configuration that runs it."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys

import pytest
import yaml

from conftest import ROOT, copy_project

sys.path.insert(0, str(ROOT / "scripts"))
import periksa

BAD_DATE = ("  tanggal: 2014-01-16\n", "  tanggal: 16/1/2014\n")
DATE_MESSAGE = 'pertemuan 2, tanggal: harus berupa tanggal berformat TTTT-BB-HH, misalnya 2014-01-16; tertulis "16/1/2014".'
EXTRA_NOTE = "docs/pertemuan/16-tambahan.md"
NOTE_MESSAGE = f"{EXTRA_NOTE}: tidak ada pertemuan 16 di data/pertemuan.yml."


def break_date(project):
    path = project / "data" / "pertemuan.yml"
    path.write_text(path.read_text(encoding="utf-8").replace(*BAD_DATE), encoding="utf-8")


def add_note_without_meeting(project):
    (project / EXTRA_NOTE).write_text("## Isi\n", encoding="utf-8")


def test_the_project_as_committed_passes(capsys):
    assert periksa.main(["--semua"]) == 0
    assert re.fullmatch(r"Semua baik: \d+ berkas diperiksa, tidak ada masalah\.\n", capsys.readouterr().out)


def test_a_broken_data_file_is_reported_with_file_and_line(tmp_path, capsys):
    project = copy_project(tmp_path / "project")
    break_date(project)
    assert periksa.main(["data/pertemuan.yml"], root=project) == 1
    output = capsys.readouterr().out
    assert output.startswith("Ada 2 masalah. Perbaiki lalu commit lagi:")
    assert re.search(r"  - data/pertemuan\.yml, baris \d+: " + re.escape(DATE_MESSAGE), output)
    assert "Traceback" not in output


def test_only_problems_of_the_changed_files_are_shown(tmp_path, capsys):
    project = copy_project(tmp_path / "project")
    add_note_without_meeting(project)
    assert periksa.main(["docs/tor.md"], root=project) == 0
    assert capsys.readouterr().out == ("Semua baik: 1 berkas diperiksa, tidak ada masalah. (Ada 1 masalah di berkas "
                                       "lain yang tidak diubah; lihat semuanya dengan: python3 scripts/periksa.py --semua)\n")
    assert periksa.main([EXTRA_NOTE, "docs/tor.md"], root=project) == 1
    assert NOTE_MESSAGE in capsys.readouterr().out


def test_problems_elsewhere_are_counted_when_a_changed_file_has_one_too(tmp_path, capsys):
    project = copy_project(tmp_path / "project")
    add_note_without_meeting(project)
    (project / "docs/materi/masalah-anak.md").unlink()
    assert periksa.main([EXTRA_NOTE], root=project) == 1
    output = capsys.readouterr().out
    assert "Ada 1 masalah." in output
    assert "(Ada juga 1 masalah di berkas lain yang tidak diubah; lihat semuanya dengan: " \
           "python3 scripts/periksa.py --semua)" in output
    assert periksa.main(["--semua"], root=project) == 1
    assert "Ada 2 masalah." in capsys.readouterr().out


def test_files_of_no_checked_kind_are_skipped(tmp_path, capsys):
    project = copy_project(tmp_path / "project")
    break_date(project)
    assert periksa.main(["README.md", "hooks/site_hooks.py"], root=project) == 0
    assert capsys.readouterr().out == "Semua baik: tidak ada berkas data atau halaman yang perlu diperiksa.\n"


def test_the_hook_runs_on_the_files_the_checks_read():
    config = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    (hook,) = [h for repo in config["repos"] for h in repo["hooks"] if h["id"] == "periksa"]
    assert hook["language"] == "system" and hook["entry"] == "python3 scripts/periksa.py"
    pattern = re.compile(hook["files"])
    for path in ("data/pertemuan.yml", "docs/pertemuan/02-perlindungan-anak.md", "docs/artikel/posts/2014-01-20-a.md"):
        assert pattern.search(path) and any(matches(path) for matches in periksa.KINDS.values())
    assert pattern.search("docs/assets/kda.css")  # every file under docs/ and data/: none may be a symlink
    for path in ("README.md", "hooks/kda/model/data.py", "scripts/periksa.py"):
        assert not pattern.search(path)
    assert set(hook["types_or"]) == {"file", "symlink"}  # pre-commit passes symlinks only when asked


@pytest.mark.skipif(shutil.which("git") is None, reason="pre-commit needs git")
def test_pre_commit_shows_the_indonesian_message(tmp_path):
    project = copy_project(tmp_path / "project")
    shutil.copytree(ROOT / "scripts", project / "scripts", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy2(ROOT / ".pre-commit-config.yaml", project / ".pre-commit-config.yaml")
    break_date(project)
    env = dict(os.environ, PRE_COMMIT_HOME=str(tmp_path / "cache"), PRE_COMMIT_COLOR="never")
    subprocess.run(["git", "init", "-q"], cwd=project, check=True)
    result = subprocess.run(
        [sys.executable, "-m", "pre_commit", "run", "--files", "data/pertemuan.yml", "docs/tor.md"],
        cwd=project, capture_output=True, text=True, env=env, timeout=300)
    assert result.returncode == 1, result.stdout + result.stderr
    assert re.search(r"Periksa data dan halaman\.+Failed", result.stdout)
    assert DATE_MESSAGE in result.stdout
    assert "Traceback" not in result.stdout + result.stderr


def test_an_identifier_in_a_changed_data_file_is_reported(tmp_path, capsys):
    project = copy_project(tmp_path / "project")
    with open(project / "data" / "anggota.yml", "a", encoding="utf-8") as members:  # invented, temp copy only
        members.write("\n- id: contoh-anggota\n  nama: Contoh Anggota\n  jenis: anggota\n"
                      "  bio: Surel pribadi contoh.anggota@gmail.com\n")
    assert periksa.main(["data/anggota.yml"], root=project) == 1
    output = capsys.readouterr().out
    assert re.search(r"  - data/anggota\.yml, baris \d+: tertulis alamat surel \(e-mail\)", output)
    assert "contoh.anggota@gmail.com" not in output
