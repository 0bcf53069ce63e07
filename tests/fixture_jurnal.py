"""An example learning journal, written only into a temp copy of the project (never into data/).

Invented example members and figures, chosen so every rule shows once:
- pendahuluan (0): 8 named members present, quorate; tests 60 -> 75 (+15); actual 13.00-16.30
  = 3 h 30 min, longer than the 3-hour maximum; one member facilitates, one outside resource person.
- meeting 1: only a count (9), quorate; tests 50 -> 70 (+20).
- meeting 2: 5 present, not quorate, explained in keterangan_kuorum; pre-test only (65).
- meeting 3: moved from 2014-02-06 to 2014-02-13; exactly 7 named members (quorate); 40 -> 70 (+30).
So: 3 of 19 topics covered, 4 meetings held, attendance recorded at 4 (3 quorate, 1 not),
average gain (15 + 20 + 30) / 3 = 21.7 points over 3 meetings, 1 session too long.
"""

from __future__ import annotations

from pathlib import Path

from conftest import copy_project

BUILD_DATE = "2014-03-01"
MEMBERS = ["ani", "budi", "citra", "dedi", "eka", "fajar", "gita", "hana", "indra"]

PEOPLE = """
- {id: tim, nama: Tim Kelompok Diskusi, jenis: tim}
""" + "".join(f"- {{id: {m}, nama: {m.capitalize()} Contoh, jenis: anggota}}\n" for m in MEMBERS)

JOURNAL = {
    "- nomor: 0\n": """- nomor: 0
  kehadiran: [ani, budi, citra, dedi, eka, fajar, gita, hana]
  fasilitator: [ani]
  narasumber: ["Dr. Narasumber Contoh"]
  pre_test: {rata_rata: 60, peserta: 8}
  post_test: {rata_rata: 75, peserta: 8}
  mulai_nyata: "13.00"
  selesai_nyata: "16.30"
""",
    "- nomor: 1\n": """- nomor: 1
  kehadiran: 9
  pre_test: {rata_rata: 50, peserta: 9}
  post_test: {rata_rata: 70, peserta: 9}
""",
    "- nomor: 2\n": """- nomor: 2
  kehadiran: 5
  keterangan_kuorum: Contoh keterangan, diskusi tetap berlangsung.
  fasilitator: [budi]
  pre_test: {rata_rata: 65.5, peserta: 5}
""",
    "- nomor: 3\n": """- nomor: 3
  tanggal: 2014-02-13
  dijadwalkan_ulang_dari: 2014-02-06
  pokok_bahasan: [tahap-perkembangan-anak]
  kehadiran: [ani, budi, citra, dedi, eka, fajar, gita]
  fasilitator: [citra, "Pekerja Sosial Tamu"]
  pre_test: {rata_rata: 40, peserta: 7}
  post_test: {rata_rata: 70, peserta: 7}
  mulai_nyata: "13.00"
  selesai_nyata: "15.30"
""",
}


def with_members_and_scale(project: Path, people: str) -> Path:
    """The example members (`people`, YAML) and a test scale of 0-100, written into the copy."""
    group = project / "data" / "kelompok.yml"
    group.write_text(group.read_text(encoding="utf-8") + "skala_tes: {terendah: 0, tertinggi: 100}\n", encoding="utf-8")
    (project / "data" / "anggota.yml").write_text(people, encoding="utf-8")
    return project


def make_journal_project(destination: Path) -> Path:
    """A temp copy of the project with the example members and journal."""
    project = with_members_and_scale(copy_project(destination), PEOPLE)
    meetings = project / "data" / "pertemuan.yml"
    text = meetings.read_text(encoding="utf-8")
    for head, entry in JOURNAL.items():
        assert text.count("\n" + head) == 1, head
        text = text.replace("\n" + head, "\n" + entry)
    meetings.write_text(text, encoding="utf-8")
    (project / "docs" / "pertemuan" / "03-tahap-perkembangan-anak.md").write_text(
        "## Hasil diskusi\n\nContoh catatan.\n", encoding="utf-8")
    return project
