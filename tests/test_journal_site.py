"""The learning journal as a reader sees it: the real site (nothing recorded, so "belum dicatat")
and a site built from the example journal in a temp copy (fixture_jurnal)."""

from __future__ import annotations

import re

import pytest
from bs4 import BeautifulSoup
from lxml import etree

from conftest import build_site, run_cli_build, text_of
from fixture_jurnal import BUILD_DATE, make_journal_project

CHARTS = ("kemajuan-kurikulum", "kehadiran", "nilai-tes")


def plain(node) -> str:
    """Visible text, without the space the parser leaves before punctuation after a tag."""
    return re.sub(r"\s+([.,:;])", r"\1", text_of(node))


def header(soup: BeautifulSoup) -> str:
    return plain(soup.select_one(".kda-kepala"))


def chart_ids(soup: BeautifulSoup, prefix: str) -> list[str]:
    return [g["id"] for g in soup.select(f"figure.kda-grafik svg g[id^='{prefix}']")]


# --- the real site: nothing recorded -----------------------------------------------------------

def test_real_notes_say_not_recorded(page):
    text = header(page("pertemuan/00-pendahuluan/"))
    for label in ("Kehadiran", "Fasilitator", "Narasumber", "Pre-test dan post-test"):
        assert f"{label}: belum dicatat" in text
    assert "kuorum" not in text and "Waktu sebenarnya" not in text
    # As of 2014-01-10 meeting 2 is still to come: nothing to record yet, so nothing is said.
    assert "Kehadiran" not in header(page("pertemuan/02-perlindungan-anak/"))


def test_real_journey_page_is_honest_and_has_the_three_charts(page, site):
    soup = page("perjalanan/")
    summary = plain(soup.select_one(".kda-ringkasan"))
    assert "1 dari 19 pokok bahasan telah dibahas, 1 lagi sudah terjadwal." in summary
    assert "2 pertemuan telah terlaksana. Kehadiran belum dicatat untuk pertemuan mana pun." in summary
    assert "Nilai pre-test dan post-test belum dicatat." in summary
    svgs = soup.select("figure.kda-grafik svg")
    assert [svg.title.get_text() for svg in svgs] == [
        "Kemajuan kurikulum: 1 dari 19 pokok bahasan telah dibahas",
        "Kehadiran per pertemuan (kuorum 7 dari 11 anggota)",
        "Nilai rata-rata pre-test dan post-test"]
    assert len(chart_ids(soup, "kda-topik-")) == 19
    assert chart_ids(soup, "kda-hadir-") == [] and chart_ids(soup, "kda-pre-") == []
    assert [text_of(g) for g in soup.select("figure.kda-grafik g[id^='kda-kosong-']")] == [
        "Kehadiran belum dicatat", "Nilai tes belum dicatat", "Belum ada pokok bahasan dengan kedua tes"]
    ids = [e["id"] for e in soup.select("[id]")]
    assert len(ids) == len(set(ids))  # three inlined charts, no id twice on the page
    for name in CHARTS:  # the same drawing, as a file to download, well-formed on its own
        root = etree.parse(str(site / "grafik" / f"{name}.svg")).getroot()
        assert root[0].tag.endswith("title") and root[1].tag.endswith("desc")
        assert soup.select_one(f'a[href="../grafik/{name}.svg"]') is not None


def test_real_members_page_says_none_are_registered(page):
    text = text_of(page("anggota/").select_one("article"))
    assert "Belum ada anggota yang terdaftar di situs ini." in text
    assert "Pertemuan yang dihadiri" not in text


def test_journey_and_members_pages_are_in_the_navigation(page):
    nav = [text_of(a) for a in page("").select("nav.md-nav--primary > ul > li > a")]
    assert "Perjalanan Belajar" in nav and "Anggota" in nav


# --- the example journal -----------------------------------------------------------------------

@pytest.fixture(scope="module")
def example(tmp_path_factory):
    project = make_journal_project(tmp_path_factory.mktemp("jurnal-situs") / "project")
    site = build_site(project, project / "site", today=BUILD_DATE)
    cache = {}

    def parse(url: str) -> BeautifulSoup:
        if url not in cache:
            cache[url] = BeautifulSoup((site / url / "index.html").read_text(encoding="utf-8"), "lxml")
        return cache[url]

    return parse


def test_example_summary(example):
    summary = plain(example("perjalanan").select_one(".kda-ringkasan"))
    assert "3 dari 19 pokok bahasan telah dibahas." in summary
    assert "4 pertemuan telah terlaksana." in summary
    assert ("Kehadiran tercatat di 4 pertemuan: 3 memenuhi kuorum (paling sedikit 7 dari 11 anggota), "
            "1 tidak memenuhi kuorum.") in summary
    assert ("Rata-rata kenaikan nilai dari pre-test ke post-test: +21,7 poin (skala 0–100), "
            "dari 3 pertemuan yang mencatat kedua tes.") in summary
    assert "1 sesi melebihi batas 3 jam yang disepakati dalam Kerangka Acuan." in summary


def test_example_charts_count_the_recorded_meetings(example):
    soup = example("perjalanan")
    assert chart_ids(soup, "kda-hadir-") == ["kda-hadir-P", "kda-hadir-1", "kda-hadir-2", "kda-hadir-3"]
    assert len(chart_ids(soup, "kda-pre-")) == 6 and len(chart_ids(soup, "kda-post-")) == 5
    assert len(chart_ids(soup, "kda-topik-")) == 19
    details = [text_of(d) for d in soup.select("details.kda-teks-grafik")]
    assert "Tidak memenuhi kuorum 7: pertemuan 2." in details[1]


def test_example_note_headers_show_the_journal_and_the_flags(example):
    first = header(example("pertemuan/00-pendahuluan"))
    assert ("Kehadiran: 8 dari 11 anggota, memenuhi kuorum: Ani Contoh, Budi Contoh, Citra Contoh, Dedi Contoh, "
            "Eka Contoh, Fajar Contoh, Gita Contoh, Hana Contoh") in first
    assert "Fasilitator: Ani Contoh Narasumber: Dr. Narasumber Contoh" in first
    assert "Pre-test dan post-test: pre-test 60 (8 peserta), post-test 75 (8 peserta): naik 15 poin; skala 0–100" in first
    assert "Waktu sebenarnya: 13.00–16.30 WIB (3 jam 30 menit), melebihi batas 3 jam" in first
    links = example("pertemuan/00-pendahuluan").select(".kda-kepala a[href^='../../anggota/#']")
    assert [a["href"] for a in links][:2] == ["../../anggota/#ani", "../../anggota/#budi"]

    second = header(example("pertemuan/02-perlindungan-anak"))
    assert ("Kehadiran: 5 dari 11 anggota, tidak memenuhi kuorum (kuorum 7). "
            "Contoh keterangan, diskusi tetap berlangsung.") in second
    assert "pre-test 65,5 (5 peserta), post-test belum dicatat" in second
    assert "Narasumber: belum dicatat" in second

    third = header(example("pertemuan/03-tahap-perkembangan-anak"))
    assert "Dijadwalkan ulang dari Kamis, 6 Februari 2014" in third
    assert "Fasilitator: Citra Contoh, Pekerja Sosial Tamu" in third
    assert "(2 jam 30 menit)" in third and "melebihi" not in third


def test_example_members_page_lists_each_members_meetings(example):
    soup = example("anggota")
    ani = soup.find(id="ani").find_next("ul")
    assert plain(ani) == ("Pertemuan yang dihadiri (2): Pendahuluan, Pertemuan 3 "
                            "Pertemuan yang difasilitasi atau menjadi narasumber (1): Pendahuluan")
    indra = soup.find(id="indra").find_next("ul")
    assert "Pertemuan yang dihadiri (0): belum dicatat" in plain(indra)


# --- what a writer sees -------------------------------------------------------------------------

def edit(project, old, new):
    path = project / "data" / "pertemuan.yml"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_unexplained_quorum_fails_the_strict_build_with_a_warning(tmp_path):
    project = make_journal_project(tmp_path / "project")
    edit(project, "  keterangan_kuorum: Contoh keterangan, diskusi tetap berlangsung.\n", "")
    result = run_cli_build(project, today=BUILD_DATE)
    assert result.returncode != 0 and "Traceback" not in result.stderr
    assert "WARNING" in result.stderr
    assert ("pertemuan 2, kehadiran: hanya 5 yang hadir, kurang dari kuorum 7 (TOR aturan 6): "
            "pertemuan ini tidak memenuhi kuorum.") in result.stderr


def test_journal_errors_stop_the_build_with_every_message(tmp_path):
    project = make_journal_project(tmp_path / "project")
    edit(project, "  pre_test: {rata_rata: 50, peserta: 9}\n", "")
    edit(project, "  fasilitator: [budi]\n", "  fasilitator: [bdi]\n")
    result = run_cli_build(project, today=BUILD_DATE)
    assert result.returncode != 0 and "Traceback" not in result.stderr
    assert "pertemuan 1, post_test: post_test tercatat tanpa pre_test." in result.stderr
    assert 'pertemuan 2, fasilitator: id "bdi" tidak dikenal.' in result.stderr


def test_schedule_cards_show_attendance_only_once_recorded(example, page):
    def items(soup, number):
        return [plain(li) for li in soup.find(id=f"pertemuan-{number}").parent.select("li")]

    assert items(example("jadwal"), 0)[-2:] == ["Kehadiran: 8 dari 11 anggota, memenuhi kuorum",
                                                "Lama sesi: 3 jam 30 menit, melebihi batas 3 jam"]
    assert items(example("jadwal"), 2)[-1] == "Kehadiran: 5 dari 11 anggota, tidak memenuhi kuorum"
    assert items(example("jadwal"), 3)[-2:] == ["Kehadiran: 7 dari 11 anggota, memenuhi kuorum",
                                                "Dijadwalkan ulang dari Kamis, 6 Februari 2014"]
    assert not any("Kehadiran" in item for n in range(16) for item in items(page("jadwal/"), n))
