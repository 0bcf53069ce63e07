"""The learning journal as a reader sees it: the real site (nothing recorded, so "belum dicatat")
and a site built from the example journal in a temp copy (fixture_jurnal)."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from bs4 import BeautifulSoup
from lxml import etree

from kda.model.agenda import Agenda
from kda.model.data import load_site_data
from kda.views.missing import list_text as missing_text

from conftest import BUILD_DATE as REAL_BUILD_DATE
from conftest import ROOT, build_site, run_cli_build, text_of
from fixture_jurnal import BUILD_DATE, make_journal_project

CHARTS = ("kehadiran", "nilai-tes")  # the charts the journal may draw, each once its figures are recorded


def plain(node) -> str:
    """Visible text, without the space the parser leaves before punctuation after a tag."""
    return re.sub(r"\s+([.,:;])", r"\1", text_of(node))


def header(soup: BeautifulSoup) -> str:
    return plain(soup.select_one(".kda-kepala"))


def chart_ids(soup: BeautifulSoup, prefix: str) -> list[str]:
    return [g["id"] for g in soup.select(f"figure.kda-grafik svg g[id^='{prefix}']")]


# --- the real site: nothing recorded -----------------------------------------------------------

JOURNAL_FIELDS = (  # (label in a note's header, its name in the one line of what is missing, recorded?)
    ("Kehadiran", "kehadiran", lambda m: m.kehadiran is not None),
    ("Fasilitator", "fasilitator", lambda m: bool(m.fasilitator)),
    ("Pre-test dan post-test", "nilai tes", lambda m: m.pre_test is not None),
)


def test_real_notes_show_what_is_recorded_and_say_once_what_is_not(page):
    """Each held meeting's note shows a journal field only once recorded; the others are named in one line."""
    data = load_site_data(ROOT / "data", ROOT / "docs")
    agenda = Agenda(data, dt.date.fromisoformat(REAL_BUILD_DATE))
    notes = {int(p.name[:2]): p.stem for p in (ROOT / "docs" / "pertemuan").glob("[0-9][0-9]-*.md")}
    for nomor, slug in notes.items():
        m = data.meeting(nomor)
        text = header(page(f"pertemuan/{slug}/"))
        missing = [name for label, name, recorded in JOURNAL_FIELDS if not recorded(m)]
        for label, _, recorded in JOURNAL_FIELDS:
            assert (f"{label}:" in text) == recorded(m), (slug, label)
        if agenda.status(m) == "selesai" and missing:
            assert f"{missing_text(missing)} belum dicatat" in text.lower().replace("pertemuan ini ", ""), slug
        assert "belum dicatat" not in text or text.count("belum dicatat") == 1, slug  # said once
        if agenda.status(m) != "selesai" and not any(is_recorded(m) for _, _, is_recorded in JOURNAL_FIELDS):
            assert "belum dicatat" not in text, slug  # nothing to record yet, so nothing is said


def test_real_journey_page_draws_only_what_is_recorded(page, site):
    soup = page("perjalanan/")
    data = load_site_data(ROOT / "data", ROOT / "docs")
    recorded = {"kehadiran": any(m.kehadiran is not None for m in data.pertemuan),
                "nilai-tes": any(m.pre_test is not None for m in data.pertemuan)}
    drawn = [svg.parent.find_previous("h2")["id"] for svg in soup.select("figure.kda-grafik svg")]
    assert drawn == [name for name in CHARTS if recorded[name]]
    for name in CHARTS:
        section = text_of(soup.find(id=name).find_next(["p", "figure"]))
        if not recorded[name]:
            assert "belum dicatat. Setelah dicatat, di sini tampil grafik" in section, name
            assert not (site / "grafik" / f"{name}.svg").exists()
        else:
            root = etree.parse(str(site / "grafik" / f"{name}.svg")).getroot()
            assert root[0].tag.endswith("title") and root[1].tag.endswith("desc")
    progress = soup.find(id="kemajuan-kurikulum").find_next("progress")
    agenda = Agenda(data, dt.date.fromisoformat(REAL_BUILD_DATE))
    assert progress["value"] == str(len(agenda.topics_covered()))
    listed = []  # the topics this section links, up to the next section
    for element in soup.find(id="kemajuan-kurikulum").find_next_siblings():
        if element.name == "h2":
            break
        listed += [a["href"].split("#")[1] for a in element.find_all("a", href=True) if "topik/#" in a["href"]]
    assert listed == [t.id for status in ("selesai", "terjadwal") for t in data.pokok_bahasan  # covered, then scheduled
                      if agenda.topic_status(t.id) == status]
    ids = [e["id"] for e in soup.select("[id]")]
    assert len(ids) == len(set(ids))


def test_real_members_page_lists_each_registered_member_or_says_there_is_none(page):
    text = text_of(page("anggota/").select_one("article"))
    members = [p for p in load_site_data(ROOT / "data", ROOT / "docs").anggota if p.jenis == "anggota"]
    assert ("Belum ada anggota yang terdaftar di situs ini." in text) == (not members)
    assert ("Pertemuan yang dihadiri" in text) == bool(members)
    assert all(m.nama in text for m in members)


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


@pytest.mark.build
def test_example_summary(example):
    summary = plain(example("perjalanan").select_one(".kda-ringkasan"))
    assert "3 dari 19 pokok bahasan telah dibahas." in summary
    assert "4 pertemuan telah terlaksana." in summary
    assert ("Kehadiran tercatat di 4 pertemuan: 3 memenuhi kuorum (paling sedikit 7 dari 11 anggota), "
            "1 tidak memenuhi kuorum.") in summary
    assert ("Rata-rata kenaikan nilai dari pre-test ke post-test: +21,7 poin (skala 0–100), "
            "dari 3 pertemuan yang mencatat kedua tes.") in summary
    assert "1 sesi melebihi batas 3 jam yang disepakati dalam Kerangka Acuan." in summary


@pytest.mark.build
def test_example_charts_count_the_recorded_meetings(example):
    soup = example("perjalanan")
    assert chart_ids(soup, "kda-hadir-") == ["kda-hadir-P", "kda-hadir-1", "kda-hadir-2", "kda-hadir-3"]
    assert len(chart_ids(soup, "kda-pre-")) == 4 and len(chart_ids(soup, "kda-post-")) == 3
    details = [text_of(d) for d in soup.select("details.kda-teks-grafik")]
    assert "Tidak memenuhi kuorum 7: pertemuan 2." in details[0]
    per_topic = plain(soup.find(id="nilai-tes").find_next("ul"))
    assert "1. Pembahasan konsep kegiatan diskusi aktif: 55 → 72,5 (+17,5)" in per_topic  # the full name, as a list


@pytest.mark.build
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
    assert "Narasumber" not in second  # none was recorded: nothing to show, and a meeting may have none

    third = header(example("pertemuan/03-tahap-perkembangan-anak"))
    assert "Dijadwalkan ulang dari Kamis, 6 Februari 2014" in third
    assert "Fasilitator: Citra Contoh, Pekerja Sosial Tamu" in third
    assert "(2 jam 30 menit)" in third and "melebihi" not in third


@pytest.mark.build
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


@pytest.mark.build
def test_unexplained_quorum_fails_the_strict_build_with_a_warning(tmp_path):
    project = make_journal_project(tmp_path / "project")
    edit(project, "  keterangan_kuorum: Contoh keterangan, diskusi tetap berlangsung.\n", "")
    result = run_cli_build(project, today=BUILD_DATE)
    assert result.returncode != 0 and "Traceback" not in result.stderr
    assert "WARNING" in result.stderr
    assert ("pertemuan 2, kehadiran: hanya 5 yang hadir, kurang dari kuorum 7 (TOR aturan 6): "
            "pertemuan ini tidak memenuhi kuorum.") in result.stderr


@pytest.mark.build
def test_journal_errors_stop_the_build_with_every_message(tmp_path):
    project = make_journal_project(tmp_path / "project")
    edit(project, "  pre_test: {rata_rata: 50, peserta: 9}\n", "")
    edit(project, "  fasilitator: [budi]\n", "  fasilitator: [bdi]\n")
    result = run_cli_build(project, today=BUILD_DATE)
    assert result.returncode != 0 and "Traceback" not in result.stderr
    assert "pertemuan 1, post_test: post_test tercatat tanpa pre_test." in result.stderr
    assert 'pertemuan 2, fasilitator: id "bdi" tidak dikenal.' in result.stderr


def test_schedule_shows_attendance_only_once_recorded(example, page):
    def entry(soup, number):
        found = soup.find(id=f"pertemuan-{number}")
        return plain(found.parent if found.name == "h3" else found)

    schedule = example("jadwal")
    assert "8 hadir, memenuhi kuorum · melebihi batas 3 jam" in entry(schedule, 0)
    assert "5 hadir, tidak memenuhi kuorum" in entry(schedule, 2)
    latest = entry(schedule, 3)  # the latest held meeting: its full card
    assert "Kehadiran: 7 dari 11 anggota, memenuhi kuorum" in latest
    assert "Dijadwalkan ulang dari Kamis, 6 Februari 2014" in latest
    real = page("jadwal/")
    for m in load_site_data(ROOT / "data", ROOT / "docs").pertemuan:  # the real site: as its data says
        if m.tanggal or m.terlaksana:
            assert (m.kehadiran is not None) == bool(re.search(r"\d+ (dari \d+ anggota|hadir)", entry(real, m.nomor)))
