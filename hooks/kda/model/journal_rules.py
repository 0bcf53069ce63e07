"""The TOR's rules for the learning journal, checked across data files.

Called by `model.load_site_data` once each meeting is valid on its own. Returns the errors
(the build stops) and the warnings (the build warns; `--strict` fails) as Indonesian messages
naming file, line, meeting and field. No import of `model` (it imports this module): the
records are read by attribute.
"""

from __future__ import annotations

import re
from typing import Any

from babel.numbers import format_decimal

from kda.model.datafile import DataFile
from kda.model.kinds import JenisAnggota
from kda.model.messages import found_text, located

LOOKS_LIKE_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def check_journal(file: DataFile, meetings: list, group_file: DataFile, kelompok, people: list):
    """(errors, warnings) about attendance, facilitators, tests, real times and quorum."""
    errors: list[str] = []
    warnings: list[str] = []
    if kelompok is None:  # the group file is invalid: its own messages already say so
        return errors, warnings
    member_ids = [p.id for p in people if p.jenis == JenisAnggota.ANGGOTA]
    other_ids = [p.id for p in people if p.jenis != JenisAnggota.ANGGOTA]
    for meeting in meetings:
        at = _locator(file, meeting)
        errors += _check_attendance(at, meeting, kelompok, member_ids, other_ids)
        for field in ("fasilitator", "narasumber"):
            errors += _check_people(at, meeting, field, member_ids, other_ids)
        errors += _check_tests(at, meeting, kelompok, group_file)
        errors += _check_rescheduled(at, meeting)
        warnings += _check_quorum(at, meeting, kelompok)
    return errors, warnings


def _locator(file: DataFile, meeting):
    index = next((i for i, raw in enumerate(file.content or [])
                  if isinstance(raw, dict) and raw.get("nomor") == meeting.nomor), None)

    def at(path: tuple, field: str, text: str) -> str:
        return located(file, (index,) + path, f"pertemuan {meeting.nomor}, {field}: {text}")

    return at


def _registered(member_ids: list[str]) -> str:
    if not member_ids:
        return ("Belum ada anggota terdaftar di data/anggota.yml: daftarkan anggotanya dulu (dengan izinnya), "
                "atau catat jumlahnya saja, misalnya kehadiran: 8.")
    return f"Id anggota yang terdaftar di data/anggota.yml: {', '.join(member_ids)}."


def _check_attendance(at, meeting, kelompok, member_ids, other_ids) -> list[str]:
    attendance = meeting.kehadiran
    if attendance is None:
        return []
    problems = []
    for position, person in enumerate(attendance.anggota):
        if person in other_ids:
            problems.append(at(("kehadiran", position), "kehadiran",
                               f"{found_text(person)} bukan anggota (jenisnya tim); kehadiran hanya mencatat anggota. "
                               "Hapus id ini dari daftar."))
        elif person not in member_ids:
            problems.append(at(("kehadiran", position), "kehadiran",
                               f"id {found_text(person)} tidak dikenal. {_registered(member_ids)}"))
    if attendance.banyak > kelompok.jumlah_anggota:
        problems.append(at(("kehadiran",), "kehadiran",
                           f"{attendance.banyak} orang tercatat hadir, padahal kelompok hanya punya "
                           f"{kelompok.jumlah_anggota} anggota (data/kelompok.yml, jumlah_anggota). Perbaiki jumlahnya."))
    return problems


def _check_people(at, meeting, field: str, member_ids, other_ids) -> list[str]:
    """Facilitators and resource persons: a member's id, or an outside person's name as written."""
    problems = []
    for position, person in enumerate(getattr(meeting, field)):
        if not LOOKS_LIKE_ID.fullmatch(person) or person in member_ids:
            continue
        if person in other_ids:
            reason = f"{found_text(person)} bukan anggota (jenisnya tim)."
        else:
            reason = f"id {found_text(person)} tidak dikenal."
        problems.append(at((field, position), field,
                           f"{reason} Tulis id anggota yang terdaftar, atau nama lengkap orang dari luar "
                           f"seperti tertulis, misalnya Dr. Siti Aminah. {_registered(member_ids)}"))
    return problems


def _check_tests(at, meeting, kelompok, group_file: DataFile) -> list[str]:
    problems = []
    if meeting.post_test and not meeting.pre_test:
        problems.append(at(("post_test",), "post_test",
                           "post_test tercatat tanpa pre_test. Setiap sesi diawali pre-test (TOR): catat pre_test-nya "
                           "juga, misalnya pre_test: {rata_rata: 62.5, peserta: 8}, atau hapus post_test."))
    scale = kelompok.skala_tes
    for field in ("pre_test", "post_test"):
        result = getattr(meeting, field)
        if result is None:
            continue
        if scale is None:
            problems.append(at((field,), field,
                               f"nilai tes tercatat, tetapi {group_file.label} belum menyatakan skala nilainya. "
                               "Tambahkan skala_tes: {terendah: 0, tertinggi: 100} (sesuai skala yang dipakai)."))
        elif not scale.terendah <= result.rata_rata <= scale.tertinggi:
            problems.append(at((field, "rata_rata"), f"{field}.rata_rata",
                               f"nilai {_number(result.rata_rata)} di luar skala {_number(scale.terendah)}–"
                               f"{_number(scale.tertinggi)} ({group_file.label}, skala_tes). Periksa nilainya."))
        limit = meeting.kehadiran.banyak if meeting.kehadiran is not None else kelompok.jumlah_anggota
        whom = "yang tercatat hadir" if meeting.kehadiran is not None else "anggota kelompok"
        if result.peserta > limit:
            problems.append(at((field, "peserta"), f"{field}.peserta",
                               f"{result.peserta} peserta tes, lebih banyak dari {limit} {whom}. "
                               "Perbaiki jumlah peserta atau kehadirannya."))
    return problems


def _check_rescheduled(at, meeting) -> list[str]:
    moved_from = meeting.dijadwalkan_ulang_dari
    if moved_from is None:
        return []
    if meeting.tanggal is None:
        return [at(("dijadwalkan_ulang_dari",), "dijadwalkan_ulang_dari",
                   "tanggal semula diisi tetapi tanggal (hari pengganti) kosong. Isi tanggal dengan hari "
                   "pertemuan yang baru, misalnya 2014-02-20.")]
    if moved_from == meeting.tanggal:
        return [at(("dijadwalkan_ulang_dari",), "dijadwalkan_ulang_dari",
                   f"sama dengan tanggal ({moved_from.isoformat()}). Isi dengan tanggal semula, sebelum dipindah.")]
    return []


def _check_quorum(at, meeting, kelompok) -> list[str]:
    attendance = meeting.kehadiran
    if attendance is None or attendance.banyak >= kelompok.kuorum:
        return []
    if meeting.keterangan_kuorum or meeting.dijadwalkan_ulang_dari:
        return []
    return [at(("kehadiran",), "kehadiran",
               f"hanya {attendance.banyak} yang hadir, kurang dari kuorum {kelompok.kuorum} (TOR aturan 6): "
               "pertemuan ini tidak memenuhi kuorum. Bila diskusinya diganti ke hari lain, isi tanggal dengan hari "
               "pengganti dan dijadwalkan_ulang_dari dengan tanggal semula; bila tetap berlangsung atau belum "
               "ada hari pengganti, jelaskan di keterangan_kuorum.")]


def _number(value: Any) -> str:
    """A score as written in Indonesian: 72,5 or 80."""
    return format_decimal(value, "#,##0.##", locale="id")
