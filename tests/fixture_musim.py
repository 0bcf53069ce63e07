"""A full season recorded, written only into a temp copy of the project (never into data/).

Every meeting of the TOR (the introduction and meetings 1-15) is held and recorded: meetings
3-15 are dated a week apart from 30 January 2014 at FKPS, each covers the next topics of the
curriculum, and each has attendance (one below quorum, explained), facilitators, pre- and
post-test and a note. The members and figures are invented examples ("Contoh"), as in
fixture_jurnal.py. Used to measure the pages a member reads most once the season is over
(tests/browser/test_phone_reading.py, bench/phone_reading.py): long lists, drawn charts.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from conftest import copy_project
from fixture_jurnal import with_members_and_scale

SEASON_BUILD_DATE = "2014-05-01"  # after the last meeting (24 April 2014)
FIRST_DATE = dt.date(2014, 1, 30)
MEMBERS = ["ani", "budi", "citra", "dedi", "eka", "fajar", "gita", "hana", "indra", "joko", "kiki"]
# Meeting 3 onwards, in the TOR's order: topic 2 (pre- and post-test) runs in every session.
TOPICS = [
    ["tahap-perkembangan-anak"], ["ekologi-anak"], ["pengasuhan-anak"], ["disiplin-positif"],
    ["tahap-pertolongan"], ["public-speaking", "kepemimpinan"], ["recording"], ["pengubahan-perilaku"],
    ["praktikum"], ["persiapan-case-conference", "case-conference"], ["laporan-akhir"],
    ["pekerja-kemanusiaan", "kelompok-baru"], ["monitoring-evaluasi"],
]

PEOPLE = "- {id: tim, nama: Tim Kelompok Diskusi, jenis: tim}\n" + "".join(
    f"- {{id: {m}, nama: {m.capitalize()} Contoh, jenis: anggota}}\n" for m in MEMBERS)


def _journal(nomor: int) -> str:
    """The recorded journal of one meeting: attendance, facilitator, tests (invented, varied)."""
    present = MEMBERS[: 7 + nomor % 5] if nomor != 9 else MEMBERS[:6]
    lines = [f"  kehadiran: [{', '.join(present)}]", f"  fasilitator: [{MEMBERS[nomor % len(MEMBERS)]}]",
             f"  pre_test: {{rata_rata: {50 + nomor}, peserta: {len(present)}}}",
             f"  post_test: {{rata_rata: {62 + nomor * 2}, peserta: {len(present)}}}"]
    if nomor == 9:
        lines.append("  keterangan_kuorum: Contoh keterangan, narasumber dari luar sudah datang.")
    return "\n".join(lines) + "\n"


def _meeting(nomor: int) -> str:
    topics = TOPICS[nomor - 3]
    day = FIRST_DATE + dt.timedelta(weeks=nomor - 3)
    return (f"- nomor: {nomor}\n  tanggal: {day.isoformat()}\n  mulai: \"13.00\"\n  selesai: \"16.00\"\n"
            f"  tempat: FKPS\n  tema: Diskusi contoh ke-{nomor}\n  pokok_bahasan: [{', '.join(topics)}]\n"
            + _journal(nomor))


def make_season_project(destination: Path) -> Path:
    """A temp copy of the project where the whole season is dated, held and recorded."""
    project = with_members_and_scale(copy_project(destination), PEOPLE)
    path = project / "data" / "pertemuan.yml"
    text = re.sub(r"^- nomor: (?:[3-9]|1[0-5])\n", "", path.read_text(encoding="utf-8"), flags=re.M)
    for nomor in (0, 1, 2):  # the real entries, with their journal added
        head = f"\n- nomor: {nomor}\n"
        assert text.count(head) == 1, head
        text = text.replace(head, head + _journal(nomor))
    text += "".join(_meeting(nomor) for nomor in range(3, 16))
    path.write_text(text, encoding="utf-8")
    for nomor in range(3, 16):
        (project / "docs" / "pertemuan" / f"{nomor:02d}-diskusi-contoh.md").write_text(
            f"## Yang dibahas\n\nContoh catatan pertemuan {nomor}.\n", encoding="utf-8")
    return project
