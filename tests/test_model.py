"""Rules of the data, on small inline examples (no MkDocs)."""

from __future__ import annotations

import datetime as dt
import textwrap
from pathlib import Path

import pytest

from kda.model.agenda import Agenda
from kda.model.data import DataError, load_site_data
from kda.model.datafile import DataFileError, load_data_file
from kda.model.kinds import Status
from kda.views.render import jam, tanggal

GROUP = """
nama: Kelompok Contoh
nama_pendek: Contoh
kota: Bandung
jumlah_anggota: 11
kuorum: 7
zona_waktu: Asia/Jakarta
singkatan_zona: WIB
lama_pertemuan: {paling_singkat: 2, paling_lama: 3}
"""
TOPICS = """
- {id: satu, nomor: 1, judul: Satu, ringkasan: Pertama.}
- {id: dua, nomor: 2, judul: Dua, ringkasan: Kedua.}
"""
MATERIALS = """
- {id: bahan, judul: Bahan, jenis: materi, ringkasan: Sebuah bahan.}
"""
PEOPLE = """
- {id: tim, nama: Tim, jenis: tim}
- {id: ani, nama: Ani, jenis: anggota, kluster: abh}
"""
MEETINGS = """
- nomor: 0
  tanggal: 2014-01-02
  mulai: "13.00"
  selesai: "15:30"
  pokok_bahasan: [satu]
  materi: [bahan]
- nomor: 1
  terlaksana: true
- nomor: 2
  tanggal: 2014-02-01
  pokok_bahasan: [dua]
- nomor: 3
  tanggal: 2014-03-01
  batal: true
- nomor: 4
"""


def write_data(tmp_path: Path, **overrides: str) -> Path:
    files = {"kelompok": GROUP, "pokok_bahasan": TOPICS, "materi": MATERIALS, "pertemuan": MEETINGS, "anggota": PEOPLE}
    files.update(overrides)
    (tmp_path / "data").mkdir(exist_ok=True)
    (tmp_path / "docs" / "materi").mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (tmp_path / "data" / f"{name}.yml").write_text(textwrap.dedent(text), encoding="utf-8")
    return tmp_path


def load(tmp_path: Path, **overrides: str):
    root = write_data(tmp_path, **overrides)
    return load_site_data(root / "data", root / "docs")


def problems(tmp_path: Path, **overrides: str) -> list[str]:
    with pytest.raises(DataError) as caught:
        load(tmp_path, **overrides)
    return caught.value.problems


def test_valid_data_loads_with_times_parsed_in_both_notations(tmp_path):
    data = load(tmp_path)
    first = data.meeting(0)
    assert (first.mulai, first.selesai) == (dt.time(13, 0), dt.time(15, 30))
    assert first.durasi_menit == 150
    assert data.meetings_for_topic("satu") == [first]
    assert [m.id for m in data.materials_for_topic("satu")] == ["bahan"]


def test_statuses_and_next_meeting_depend_on_the_given_day(tmp_path):
    data = load(tmp_path)
    agenda = Agenda(data, dt.date(2014, 1, 15))
    assert [agenda.status(m) for m in data.pertemuan] == [
        Status.SELESAI, Status.SELESAI, Status.TERJADWAL, Status.BATAL, Status.BELUM]
    assert agenda.next_meeting().nomor == 2
    assert Agenda(data, dt.date(2014, 2, 1)).next_meeting().nomor == 2  # on the day itself
    assert Agenda(data, dt.date(2014, 2, 2)).next_meeting() is None  # meeting 3 is cancelled
    assert agenda.next_unscheduled().nomor == 4
    assert [t.id for t in agenda.topics_covered()] == ["satu"]
    assert agenda.topic_status("dua") == Status.TERJADWAL


def test_a_meeting_recorded_as_held_is_held_only_from_its_day(tmp_path):
    """Seen from a day before it, a held meeting is still to come; one whose date was lost (meeting 1,
    held after meeting 0) is not scheduled yet while meeting 0 is still ahead or on its day."""
    data = load(tmp_path, pertemuan=MEETINGS.replace("  pokok_bahasan: [dua]\n", "  pokok_bahasan: [dua]\n  terlaksana: true\n"))
    before = Agenda(data, dt.date(2013, 6, 1))
    assert [before.status(m) for m in data.pertemuan] == [
        Status.TERJADWAL, Status.BELUM, Status.TERJADWAL, Status.BATAL, Status.BELUM]
    assert before.held() == [] and before.next_meeting().nomor == 0
    on_the_day = Agenda(data, dt.date(2014, 1, 2))
    assert [on_the_day.status(m) for m in data.pertemuan][:3] == [Status.TERJADWAL, Status.BELUM, Status.TERJADWAL]
    after = Agenda(data, dt.date(2014, 1, 3))
    assert [after.status(m) for m in data.pertemuan][:3] == [Status.SELESAI, Status.SELESAI, Status.TERJADWAL]
    assert Agenda(data, dt.date(2014, 2, 1)).status(data.meeting(2)) == Status.SELESAI  # held, on its own day


def test_indonesian_dates_and_times():
    assert tanggal(dt.date(2014, 1, 16)) == "Kamis, 16 Januari 2014"
    assert tanggal(dt.date(2013, 12, 6)) == "Jumat, 6 Desember 2013"
    assert jam(dt.time(16, 30)) == "16.30"


def test_unquoted_clock_time_is_not_read_as_a_number(tmp_path):
    path = tmp_path / "x.yml"
    path.write_text("mulai: 13:00\nselesai: 16.30\ntanggal: 2014-01-16\n", encoding="utf-8")
    assert load_data_file(path, "x.yml").content == {"mulai": "13:00", "selesai": "16.30", "tanggal": "2014-01-16"}


def test_duplicate_key_is_refused_with_both_lines(tmp_path):
    path = tmp_path / "x.yml"
    path.write_text("- nomor: 1\n  tema: A\n  tema: B\n", encoding="utf-8")
    with pytest.raises(DataFileError) as caught:
        load_data_file(path, "data/x.yml")
    assert caught.value.problems == [
        "data/x.yml, baris 3: kolom 'tema' ditulis dua kali dalam satu entri (pertama di baris 2). Hapus salah satunya."]


def test_every_problem_is_reported_at_once_with_file_line_entry_and_field(tmp_path):
    found = problems(tmp_path, pertemuan="""
        - nomor: 0
          tanggal: 16/1
        - nomor: 1
          tanggal: 2014-01-16
          mulai: "15.00"
          selesai: "13.00"
        - nomor: 2
          pokok_bahasan: [tiga]
          materi: [buku]
        - nomor: 2
        - nomor: 4
          temaa: Salah ketik
    """)
    assert found == [
        'data/pertemuan.yml, baris 3: pertemuan 0, tanggal: harus berupa tanggal berformat TTTT-BB-HH, '
        'misalnya 2014-01-16; tertulis "16/1".',
        'data/pertemuan.yml, baris 7: pertemuan 1, selesai: jam selesai (13.00) harus sesudah jam mulai (15.00), '
        'misalnya "16.30"; tertulis "13.00".',
        "data/pertemuan.yml, baris 13: pertemuan 4, temaa: kolom tidak dikenal. Mungkin maksudnya 'tema'? "
        "Kolom yang boleh: batal, catatan_sumber, dijadwalkan_ulang_dari, fasilitator, kehadiran, keterangan_kuorum, "
        "materi, mulai, mulai_nyata, narasumber, nomor, pokok_bahasan, post_test, pre_test, selesai, selesai_nyata, "
        "tafsiran_situs, tanggal, tema, tempat, tempat_lain, terlaksana.",
        'data/pertemuan.yml, baris 11: pertemuan 2, nomor: nomor "2" sudah dipakai entri lain (baris 8); '
        'setiap pertemuan harus punya nomor sendiri. Ganti salah satunya.',
        "data/pertemuan.yml, baris 12: pertemuan 4, nomor: nomor harus berurutan tanpa lompatan; sesudah 2 "
        "seharusnya 3. Tambahkan pertemuan 3 atau perbaiki nomornya.",
        'data/pertemuan.yml, baris 9: pertemuan 2, pokok_bahasan: id "tiga" tidak dikenal. '
        'Id yang terdaftar di data/pokok_bahasan.yml: satu, dua.',
        'data/pertemuan.yml, baris 10: pertemuan 2, materi: id "buku" tidak dikenal. '
        'Id yang terdaftar di data/materi.yml: bahan.',
    ]


@pytest.mark.parametrize("meetings, expected", [
    ("- nomor: 0\n  tanggal: 2014-02-30\n", "tanggal: bukan tanggal yang ada di kalender"),
    ("- nomor: 0\n  tanggal: 20140116\n", 'harus berupa tanggal berformat TTTT-BB-HH, misalnya 2014-01-16; tertulis "20140116"'),
    ("- nomor: 0\n  mulai: \"25.00\"\n  tanggal: 2014-01-01\n", "mulai: harus berupa jam berformat JJ.MM"),
    ("- nomor: 0\n  mulai: \"13.00\"\n", "jam diisi tetapi tanggal kosong"),
    ("- nomor: satu\n", 'nomor: harus berupa bilangan bulat, misalnya 3; tertulis "satu"'),
    ("- tema: Tanpa nomor\n", "pertemuan ke-1, nomor: wajib diisi, tetapi tidak ada, misalnya 3."),
    ("- nomor: 0\n  batal: true\n  terlaksana: true\n", "batal dan terlaksana tidak boleh sama-sama true"),
    ("- nomor: 2\n", "nomor pertemuan harus dimulai dari 0 atau 1; tertulis mulai dari 2"),
    ("- nomor: 0\n  pokok_bahasan: satu\n", "pokok_bahasan: harus berupa daftar"),
])
def test_meeting_rules(tmp_path, meetings, expected):
    assert any(expected in p for p in problems(tmp_path, pertemuan=meetings)), problems(tmp_path, pertemuan=meetings)


@pytest.mark.parametrize("overrides, expected", [
    ({"kelompok": GROUP.replace("kuorum: 7", "kuorum: 12")}, "kuorum (12) tidak boleh lebih besar dari jumlah_anggota (11)"),
    ({"kelompok": GROUP.replace("Asia/Jakarta", "Asia/Bandung")}, 'zona_waktu "Asia/Bandung" tidak dikenal'),
    ({"pokok_bahasan": TOPICS.replace("id: dua", "id: satu")}, 'id "satu" sudah dipakai entri lain'),
    ({"pokok_bahasan": TOPICS.replace("id: dua", "id: Dua Topik")}, "hanya boleh berisi huruf kecil, angka dan tanda minus"),
    ({"materi": MATERIALS.replace("jenis: materi", "jenis: buku")}, "jenis: harus salah satu dari: materi, dokumen"),
    ({"materi": MATERIALS.replace("jenis: materi", "jenis: materi, berkas: bahan.pdf")},
     'berkas "bahan.pdf" tidak ditemukan di docs/materi/'),
    ({"materi": MATERIALS.replace("jenis: materi", "jenis: materi, berkas: ../rahasia.txt")}, "tulis nama berkas saja"),
    ({"anggota": PEOPLE.replace("jenis: tim", "jenis: tim, kluster: adk")}, "kluster hanya untuk anggota, bukan tim"),
    ({"anggota": PEOPLE.replace("kluster: abh", "kluster: jalanan")}, "kluster: harus salah satu dari: anak-terlantar-jalanan, adk, ampk, abh, anak-balita"),
    ({"kelompok": GROUP.replace("jumlah_anggota: 11", "jumlah_anggota: 0").replace("kuorum: 7", "kuorum: 1")},
     "jumlah_anggota: harus paling kecil 1"),
    ({"materi": "id: bahan\n"}, "data/materi.yml: isi berkas harus berupa daftar entri"),
    ({"pokok_bahasan": "- {id: satu, nomor: 1, judul: Satu\n"}, "data/pokok_bahasan.yml, baris 2, kolom 1: penulisan berkas tidak sah"),
])
def test_group_topic_and_material_rules(tmp_path, overrides, expected):
    found = problems(tmp_path, **overrides)
    assert any(expected in p for p in found), found


def test_members_are_people_not_the_team(tmp_path):
    data = load(tmp_path)
    assert [p.id for p in data.members()] == ["ani"]
    assert data.person("ani").kluster_nama == "Anak yang berhadapan dengan hukum (ABH)"


def test_more_members_than_the_group_has_is_refused(tmp_path):
    people = "".join(f"- {{id: a{i}, nama: A{i}, jenis: anggota}}\n" for i in range(12))
    assert any("ada 12 entri berjenis anggota" in p for p in problems(tmp_path, anggota=people))


def test_uploaded_material_file_is_accepted(tmp_path):
    root = write_data(tmp_path, materi=MATERIALS.replace("jenis: materi", "jenis: materi, berkas: bahan.pdf"))
    (root / "docs" / "materi" / "bahan.pdf").write_bytes(b"%PDF-1.4\n")
    assert load_site_data(root / "data", root / "docs").material("bahan").berkas_path == "materi/bahan.pdf"


def test_missing_data_file_is_named(tmp_path):
    root = write_data(tmp_path)
    (root / "data" / "materi.yml").unlink()
    with pytest.raises(DataError) as caught:
        load_site_data(root / "data", root / "docs")
    assert caught.value.problems == [
        "data/materi.yml: berkas data tidak ditemukan. Pulihkan berkas ini; situs tidak dapat dibangun tanpanya."]
