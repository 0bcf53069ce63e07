"""Bad input: a copy of the project is broken on purpose; `mkdocs build --strict` must fail
with the expected Indonesian message, naming file, entry and field, and no traceback."""

from __future__ import annotations

import re

import pytest

from conftest import copy_project, run_cli_build


def edit(project, relative, old, new, count=1):
    path = project / relative
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {relative}"
    path.write_text(text.replace(old, new, count), encoding="utf-8")


def line_of_meeting(project, number):
    text = (project / "data" / "pertemuan.yml").read_text(encoding="utf-8").splitlines()
    return next(i for i, line in enumerate(text, 1) if line == f"- nomor: {number}")


CASES = {
    "missing field": (
        lambda p: edit(p, "data/pokok_bahasan.yml", "  nomor: 5\n  judul: Ekologi anak\n", "  nomor: 5\n"),
        ["data/pokok_bahasan.yml, baris", "pokok bahasan ekologi-anak, judul: wajib diisi, tetapi tidak ada, misalnya Ekologi anak."],
    ),
    "bad date": (
        lambda p: edit(p, "data/pertemuan.yml", "  tanggal: 2014-01-16\n", "  tanggal: 16/1/2014\n"),
        ['pertemuan 2, tanggal: harus berupa tanggal berformat TTTT-BB-HH, misalnya 2014-01-16; tertulis "16/1/2014".'],
    ),
    "unknown topic": (
        lambda p: edit(p, "data/pertemuan.yml", "pokok_bahasan: [sistem-perlindungan-anak]", "pokok_bahasan: [perlindungan-anak]"),
        ['pertemuan 2, pokok_bahasan: id "perlindungan-anak" tidak dikenal. Id yang terdaftar di data/pokok_bahasan.yml: '
         'konsep-diskusi-aktif, pre-test-post-test, sistem-perlindungan-anak,'],
    ),
    "duplicate meeting number": (
        lambda p: edit(p, "data/pertemuan.yml", "\n- nomor: 4\n", "\n- nomor: 3\n"),
        ['pertemuan 3, nomor: nomor "3" sudah dipakai entri lain', "sesudah 3 seharusnya 4"],
    ),
    "end before start": (
        lambda p: edit(p, "data/pertemuan.yml", '  selesai: "16.30"\n  tempat: FKPS', '  selesai: "12.00"\n  tempat: FKPS'),
        ["pertemuan 2, selesai: jam selesai (12.00) harus sesudah jam mulai (13.00)"],
    ),
    "missing material file": (
        lambda p: edit(p, "data/materi.yml", "\n- id: masalah-anak\n", "\n- id: masalah-anak\n  berkas: masalah-anak.pdf\n"),
        ['materi masalah-anak, berkas: berkas "masalah-anak.pdf" tidak ditemukan di docs/materi/. Unggah berkasnya'],
    ),
    "note for a meeting that does not exist": (
        lambda p: (p / "docs/pertemuan/16-tambahan.md").write_text("## Isi\n", encoding="utf-8"),
        ["docs/pertemuan/16-tambahan.md: tidak ada pertemuan 16 di data/pertemuan.yml."],
    ),
    "badly named note": (
        lambda p: (p / "docs/pertemuan/Pertemuan 3.md").write_text("## Isi\n", encoding="utf-8"),
        ["docs/pertemuan/Pertemuan 3.md: nama berkas catatan pertemuan harus berbentuk NN-judul-singkat.md"],
    ),
    "material without page": (
        lambda p: (p / "docs/materi/masalah-anak.md").unlink(),
        ["data/materi.yml: materi masalah-anak belum punya halaman. Buat docs/materi/masalah-anak.md"],
    ),
    "tab in data file": (
        lambda p: edit(p, "data/kelompok.yml", "  paling_lama: 3", "\tpaling_lama: 3"),
        ["data/kelompok.yml, baris", "penulisan berkas tidak sah", "Ada karakter tab: ganti dengan spasi."],
    ),
}


@pytest.mark.build
@pytest.mark.parametrize("name", CASES)
def test_broken_input_stops_the_build_with_an_indonesian_message(tmp_path, name):
    project = copy_project(tmp_path / "project")
    breaks, expected = CASES[name]
    breaks(project)
    result = run_cli_build(project)
    output = result.stdout + result.stderr
    assert result.returncode == 1, output
    for fragment in expected:
        assert fragment in output, output
    assert "Traceback" not in output
    assert not (project / "site" / "index.html").exists()  # no half-published site


@pytest.mark.build
def test_all_problems_are_reported_in_one_run(tmp_path):
    project = copy_project(tmp_path / "project")
    CASES["bad date"][0](project)
    CASES["unknown topic"][0](project)
    CASES["missing material file"][0](project)
    output = run_cli_build(project).stderr
    assert re.search(r"Data di folder data/ tidak sah \(\d+ masalah\)", output)
    for name in ("bad date", "missing material file"):
        assert CASES[name][1][0] in output


@pytest.mark.build
def test_line_numbers_point_at_the_field(tmp_path):
    project = copy_project(tmp_path / "project")
    CASES["bad date"][0](project)
    line = line_of_meeting(project, 2) + 1  # tanggal is the first field of meeting 2
    assert f"data/pertemuan.yml, baris {line}: pertemuan 2, tanggal:" in run_cli_build(project).stderr
