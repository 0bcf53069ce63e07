"""The learning journal without MkDocs: its data rules, its figures and its charts.

Rules are checked on small inline examples (the helpers of test_model); figures and charts on
the example journal of fixture_jurnal, written into a temp copy of the project.
"""

from __future__ import annotations

import datetime as dt
import re

import pytest
from lxml import etree
from test_model import GROUP, MEETINGS, PEOPLE, load, problems

from kda.model.agenda import Agenda
from kda.model.data import load_site_data
from kda.model.journal import Journal
from kda.outputs.charts import build_charts, render

from fixture_jurnal import BUILD_DATE, make_journal_project

SVG = "{http://www.w3.org/2000/svg}"
SCALED_GROUP = GROUP + "skala_tes: {terendah: 0, tertinggi: 100}\n"
MORE_PEOPLE = PEOPLE + "- {id: budi, nama: Budi, jenis: anggota}\n"


def meeting_zero(extra: str) -> str:
    """The test_model meetings with `extra` fields added to meeting 0."""
    return MEETINGS.replace("  materi: [bahan]\n", "  materi: [bahan]\n" + extra, 1)


def journal_problems(tmp_path, extra: str, group: str = SCALED_GROUP) -> list[str]:
    return problems(tmp_path, kelompok=group, anggota=MORE_PEOPLE, pertemuan=meeting_zero(extra))


# --- rules ---------------------------------------------------------------------------------

@pytest.mark.parametrize("extra, expected", [
    ("  kehadiran: [ani, zaki]\n",
     'data/pertemuan.yml, baris 8: pertemuan 0, kehadiran: id "zaki" tidak dikenal. '
     "Id anggota yang terdaftar di data/anggota.yml: ani, budi."),
    ("  kehadiran: [ani, tim]\n",
     'data/pertemuan.yml, baris 8: pertemuan 0, kehadiran: "tim" bukan anggota (jenisnya tim); '
     "kehadiran hanya mencatat anggota. Hapus id ini dari daftar."),
    ("  kehadiran: 12\n",
     "data/pertemuan.yml, baris 8: pertemuan 0, kehadiran: 12 orang tercatat hadir, padahal kelompok hanya punya "
     "11 anggota (data/kelompok.yml, jumlah_anggota). Perbaiki jumlahnya."),
    ("  kehadiran: delapan\n",
     "pertemuan 0, kehadiran: harus berupa jumlah anggota yang hadir (bilangan bulat, misalnya 8) atau daftar id "
     "anggota yang hadir"),
    ("  kehadiran: [ani, ani]\n", "pertemuan 0, kehadiran: id ani ditulis lebih dari sekali"),
    ("  fasilitator: [ani, bdi]\n",
     'data/pertemuan.yml, baris 8: pertemuan 0, fasilitator: id "bdi" tidak dikenal. Tulis id anggota yang '
     "terdaftar, atau nama lengkap orang dari luar seperti tertulis, misalnya Dr. Siti Aminah."),
    ("  narasumber: [tim]\n", 'pertemuan 0, narasumber: "tim" bukan anggota (jenisnya tim).'),
    ("  post_test: {rata_rata: 70, peserta: 5}\n",
     "data/pertemuan.yml, baris 8: pertemuan 0, post_test: post_test tercatat tanpa pre_test. Setiap sesi diawali "
     "pre-test (TOR): catat pre_test-nya juga, misalnya pre_test: {rata_rata: 62.5, peserta: 8}, atau hapus post_test."),
    ("  pre_test: {rata_rata: 120, peserta: 5}\n",
     "data/pertemuan.yml, baris 8: pertemuan 0, pre_test.rata_rata: nilai 120 di luar skala 0–100 "
     "(data/kelompok.yml, skala_tes). Periksa nilainya."),
    ("  pre_test: {rata_rata: 50, peserta: 5}\n  post_test: {rata_rata: -2.5, peserta: 5}\n",
     "pertemuan 0, post_test.rata_rata: nilai -2,5 di luar skala 0–100"),
    ("  pre_test:\n    rata_rata: 62,5\n    peserta: 5\n", "baris 9: pertemuan 0, pre_test.rata_rata: harus berupa angka"),
    ("  kehadiran: 7\n  pre_test: {rata_rata: 50, peserta: 8}\n",
     "pertemuan 0, pre_test.peserta: 8 peserta tes, lebih banyak dari 7 yang tercatat hadir."),
    ("  mulai_nyata: \"15.00\"\n  selesai_nyata: \"14.00\"\n",
     "pertemuan 0, selesai_nyata: jam selesai_nyata (14.00) harus sesudah jam mulai_nyata (15.00)"),
    ("  dijadwalkan_ulang_dari: 2014-01-02\n",
     "pertemuan 0, dijadwalkan_ulang_dari: sama dengan tanggal (2014-01-02). Isi dengan tanggal semula"),
])
def test_each_journal_rule_names_file_line_meeting_and_field(tmp_path, extra, expected):
    found = journal_problems(tmp_path, extra)
    assert any(expected in p for p in found), found


def test_scores_need_a_declared_scale(tmp_path):
    found = journal_problems(tmp_path, "  pre_test: {rata_rata: 50, peserta: 5}\n", group=GROUP)
    assert found == ["data/pertemuan.yml, baris 8: pertemuan 0, pre_test: nilai tes tercatat, tetapi data/kelompok.yml "
                     "belum menyatakan skala nilainya. Tambahkan skala_tes: {terendah: 0, tertinggi: 100} "
                     "(sesuai skala yang dipakai)."]


def test_rescheduled_needs_the_new_date(tmp_path):
    found = problems(tmp_path, kelompok=SCALED_GROUP, pertemuan=MEETINGS.replace(
        "- nomor: 4\n", "- nomor: 4\n  dijadwalkan_ulang_dari: 2014-03-01\n"))
    assert any("pertemuan 4, dijadwalkan_ulang_dari: tanggal semula diisi tetapi tanggal (hari pengganti) kosong"
               in p for p in found), found


def test_every_journal_problem_is_reported_at_once(tmp_path):
    found = journal_problems(tmp_path, "  kehadiran: [zaki]\n  fasilitator: [bdi]\n  post_test: {rata_rata: 101, peserta: 1}\n")
    assert len(found) == 4, found  # unknown attendee, unknown facilitator, post without pre, out of scale


def test_a_meeting_below_quorum_warns_unless_rescheduled_or_explained(tmp_path):
    data = load(tmp_path, kelompok=SCALED_GROUP, anggota=MORE_PEOPLE, pertemuan=meeting_zero("  kehadiran: [ani, budi]\n"))
    assert data.peringatan == (
        "data/pertemuan.yml, baris 8: pertemuan 0, kehadiran: hanya 2 yang hadir, kurang dari kuorum 7 (TOR aturan 6): "
        "pertemuan ini tidak memenuhi kuorum. Bila diskusinya diganti ke hari lain, isi tanggal dengan hari pengganti "
        "dan dijadwalkan_ulang_dari dengan tanggal semula; bila tetap berlangsung atau belum ada hari pengganti, "
        "jelaskan di keterangan_kuorum.",)
    explained = load(tmp_path, kelompok=SCALED_GROUP, pertemuan=meeting_zero("  kehadiran: 3\n  keterangan_kuorum: Hujan.\n"))
    moved = load(tmp_path, kelompok=SCALED_GROUP, pertemuan=meeting_zero("  kehadiran: 3\n  dijadwalkan_ulang_dari: 2013-12-26\n"))
    assert explained.peringatan == moved.peringatan == ()


def test_outside_people_are_names_and_members_are_ids(tmp_path):
    data = load(tmp_path, kelompok=SCALED_GROUP, anggota=MORE_PEOPLE,
                pertemuan=meeting_zero('  fasilitator: [ani, "Dr. Contoh"]\n  narasumber: [Dinas Sosial]\n'))
    journal = Journal(Agenda(data, dt.date(2014, 1, 15)))
    assert [journal.is_member(p) for p in ("ani", "Dr. Contoh", "Dinas Sosial")] == [True, False, False]
    assert [m.nomor for m in journal.member("ani").memfasilitasi] == [0]


# --- figures of the example journal -----------------------------------------------------------

@pytest.fixture(scope="module")
def example(tmp_path_factory) -> Journal:
    project = make_journal_project(tmp_path_factory.mktemp("jurnal") / "project")
    data = load_site_data(project / "data", project / "docs", label_root=project)
    assert data.peringatan == ()
    return Journal(Agenda(data, dt.date.fromisoformat(BUILD_DATE)))


def test_summary_figures(example):
    s = example.summary()
    assert (s.topik_dibahas, s.topik_total, s.pertemuan_terlaksana) == (3, 19, 4)
    assert (s.kehadiran_tercatat, s.memenuhi_kuorum, s.tidak_kuorum) == (4, 3, 1)
    assert s.dengan_tes == 3
    assert s.rata_rata_kenaikan == pytest.approx(65 / 3)
    assert s.terlalu_lama == 1


def test_quorum_and_length_flags_per_meeting(example):
    records = {r.meeting.nomor: r for r in example.records()}
    assert [records[n].kuorum_terpenuhi for n in range(4)] == [True, True, False, True]
    assert records[4].kuorum_terpenuhi is None  # not recorded: unknown, not "not quorate"
    assert [records[n].durasi_menit for n in (0, 3)] == [210, 150]
    assert [records[n].terlalu_lama for n in range(4)] == [True, False, False, False]
    assert [records[n].kenaikan for n in range(4)] == [15, 20, None, 30]


def test_topic_averages_and_member_journal(example):
    scores = {s.topic.id: (s.pre, s.post, s.pertemuan) for s in example.topic_scores()}
    assert scores == {"konsep-diskusi-aktif": (55, 72.5, 2), "tahap-perkembangan-anak": (40, 70, 1)}
    ani, indra = example.member("ani"), example.member("indra")
    assert [m.nomor for m in ani.hadir] == [0, 3] and [m.nomor for m in ani.memfasilitasi] == [0]
    assert (indra.hadir, indra.memfasilitasi) == ((), ())


# --- charts -----------------------------------------------------------------------------------

def parse(chart) -> etree._Element:
    return etree.fromstring(chart.svg.encode("utf-8"))


def bars(root, prefix: str) -> list[str]:
    return [g.get("id") for g in root.iter(f"{SVG}g") if (g.get("id") or "").startswith(prefix)]


def test_charts_are_accessible_well_formed_svg_without_metadata(example):
    charts = build_charts(example)
    assert sorted(charts) == ["kehadiran", "nilai-tes"]  # the curriculum is a list on the page, not a chart
    for name, chart in charts.items():
        root = parse(chart)
        title, desc = root[0], root[1]
        assert (title.tag, desc.tag) == (f"{SVG}title", f"{SVG}desc")
        assert title.text == chart.judul and desc.text == chart.keterangan
        assert root.get("role") == "img"
        assert root.get("aria-labelledby") == f"{name}-judul {name}-keterangan"
        assert root.find(f"{SVG}metadata") is None and "dc:date" not in chart.svg
        assert "var(--kda-grafik-utama, #009485)" in chart.svg  # the palette, themeable by CSS
        assert "#040404" not in chart.svg  # no placeholder colour left


def test_chart_bars_reflect_the_data(example):
    charts = build_charts(example)
    attendance = parse(charts["kehadiran"])
    assert bars(attendance, "kda-hadir-") == ["kda-hadir-P", "kda-hadir-1", "kda-hadir-2", "kda-hadir-3"]
    assert len(bars(attendance, "kda-garis-kuorum")) == 1
    assert "Tidak memenuhi kuorum 7: pertemuan 2." in charts["kehadiran"].keterangan
    scores = parse(charts["nilai-tes"])
    assert len(bars(scores, "kda-pre-")) == 4  # 4 meetings with a pre-test
    assert len(bars(scores, "kda-post-")) == 3
    assert "pertemuan 3: pre-test 40, post-test 70 (naik 30)" in charts["nilai-tes"].keterangan
    assert "pertemuan 2: pre-test 65,5, post-test belum dicatat" in charts["nilai-tes"].keterangan
    assert "Per pokok bahasan: pokok bahasan 1. Pembahasan konsep kegiatan diskusi aktif: 55 menjadi 72,5" \
        in charts["nilai-tes"].keterangan  # full topic names


def test_chart_text_is_never_smaller_than_the_phone_minimum(example):
    """Every text is drawn at FONT_SIZE or more: >= 12 px on a 360 px phone (measured in the browser too)."""
    from kda.outputs.charts import FONT_SIZE, WIDTH

    assert FONT_SIZE * 328 / (WIDTH * 72) >= 12  # drawn WIDTH inches (72 units each), shown ~328 px wide
    for chart in build_charts(example).values():
        sizes = [float(size) for size in re.findall(r"font-size:\s*([\d.]+)px", chart.svg)]
        assert sizes and min(sizes) >= FONT_SIZE, chart.name


def test_charts_are_reproducible(example):
    first = {name: chart.svg for name, chart in build_charts(example).items()}
    render.cache_clear()
    assert {name: chart.svg for name, chart in build_charts(example).items()} == first


def test_no_chart_is_drawn_without_data(tmp_path):
    data = load(tmp_path, kelompok=SCALED_GROUP)
    assert build_charts(Journal(Agenda(data, dt.date(2014, 1, 15)))) == {}


def test_a_decimal_comma_is_explained(tmp_path):
    found = journal_problems(tmp_path, "  pre_test: {rata_rata: 62,5, peserta: 5}\n")
    assert found == ["data/pertemuan.yml, baris 8: pertemuan 0, pre_test: tulis angka desimal dengan titik, bukan koma "
                     "(di dalam { } koma memisahkan kolom), misalnya {rata_rata: 62.5, peserta: 8}; tertulis sekumpulan nilai."]


def test_per_meeting_charts_draw_only_the_latest_meetings(tmp_path):
    """A group that meets for years: the charts keep the latest RECENT_MEETINGS, and say so."""
    from kda.outputs.charts import RECENT_MEETINGS

    count = RECENT_MEETINGS + 8
    meetings = "".join(
        f"- nomor: {n}\n  tanggal: {dt.date(2014, 1, 2) + dt.timedelta(weeks=n)}\n  kehadiran: 8\n"
        f"  pre_test: {{rata_rata: 50, peserta: 8}}\n  post_test: {{rata_rata: 60, peserta: 8}}\n"
        for n in range(count))
    data = load(tmp_path, kelompok=SCALED_GROUP, pertemuan=meetings)
    charts = build_charts(Journal(Agenda(data, dt.date(2016, 1, 1))))
    attendance, scores = parse(charts["kehadiran"]), parse(charts["nilai-tes"])
    drawn = [f"kda-hadir-{n}" for n in range(count - RECENT_MEETINGS, count)]
    assert bars(attendance, "kda-hadir-") == drawn
    assert charts["kehadiran"].judul == (f"Kehadiran per pertemuan, {RECENT_MEETINGS} terakhir dari {count} "
                                        "(kuorum 7 dari 11 anggota)")
    assert charts["kehadiran"].keterangan.startswith(
        f"Grafik ini memuat {RECENT_MEETINGS} pertemuan terakhir; kehadiran setiap pertemuan ada di jadwal. "
        f"Kehadiran tercatat di {RECENT_MEETINGS} pertemuan: pertemuan {count - RECENT_MEETINGS}: 8 hadir;")
    assert bars(scores, "kda-pre-") == [f"kda-pre-{n}" for n in range(count - RECENT_MEETINGS, count)]
    assert f"Per pertemuan, {RECENT_MEETINGS} terakhir dari {count}: pertemuan {count - RECENT_MEETINGS}:" \
        in charts["nilai-tes"].keterangan
