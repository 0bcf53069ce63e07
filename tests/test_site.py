"""What a reader sees in the built site: schedule, topic index, notes, materials, home, TOR."""

from __future__ import annotations

import re
from urllib.parse import unquote, urlsplit

import pytest
from bs4 import BeautifulSoup

from conftest import ROOT, build_site, copy_project, text_of


def cards(page, url, kind="kda-pertemuan"):
    return page(url).select(f"article div.{kind}")


# --- schedule -----------------------------------------------------------------------------

def test_schedule_lists_the_introduction_and_fifteen_meetings(page):
    titles = [text_of(c.find("h3")) for c in cards(page, "jadwal/")]
    numbered = [t for t in titles if re.match(r"Pertemuan \d+\b", t)]
    assert len(numbered) == 15
    assert [int(re.match(r"Pertemuan (\d+)", t)[1]) for t in numbered] == list(range(1, 16))
    assert titles[0].startswith("Pendahuluan: Pembahasan Diskusi Aktif")


def test_schedule_dates_are_indonesian_with_wib(page):
    schedule = page("jadwal/")
    intro = text_of(schedule.find(id="pertemuan-0").parent)
    second = text_of(schedule.find(id="pertemuan-2").parent)
    assert "Jumat, 6 Desember 2013, pukul 13.00–16.30 WIB" in intro
    assert "Kamis, 16 Januari 2014, pukul 13.00–16.30 WIB" in second
    assert "FKPS" in second


def test_both_names_of_the_introduction_place_are_kept(page):
    intro = text_of(page("jadwal/").find(id="pertemuan-0").parent)
    assert "PSAA Muhammadiyah Bandung" in intro
    assert "LKSA Bayi Sehat Muhammadiyah Bandung" in intro


def test_lost_date_of_meeting_one_is_shown_as_not_recorded(page):
    first = text_of(page("jadwal/").find(id="pertemuan-1").parent)
    assert "Tanggal tidak tercatat" in first
    assert "Tempat tidak tercatat" in first
    assert "Selesai" in first
    assert not re.search(r"\b(19|20)\d\d\b", first.split("Tentang sumber")[0])  # no invented year


def test_undated_meetings_are_not_scheduled(page):
    for number in range(3, 16):
        card = text_of(page("jadwal/").find(id=f"pertemuan-{number}").parent)
        assert "Belum dijadwalkan" in card


def test_next_meeting_is_highlighted_for_the_build_date(page):
    schedule = page("jadwal/")
    highlighted = schedule.select("div.kda-pertemuan--berikutnya")
    assert [h.find("h3")["id"] for h in highlighted] == ["pertemuan-2"]
    assert "Pertemuan berikutnya" in text_of(schedule.select_one(".admonition"))


def test_schedule_statuses_follow_the_build_date(page):
    schedule = page("jadwal/")
    status = {c.find("h3")["id"]: text_of(c.select_one(".kda-status")) for c in cards(page, "jadwal/")}
    assert status["pertemuan-0"] == "Selesai"
    assert status["pertemuan-1"] == "Selesai"
    assert status["pertemuan-2"] == "Terjadwal"
    assert status["pertemuan-3"] == "Belum dijadwalkan"
    assert "2 pertemuan selesai, 1 terjadwal, 13 belum dijadwalkan" in text_of(schedule)


def test_schedule_links_topics_materials_and_notes(page):
    second = page("jadwal/").find(id="pertemuan-2").parent
    hrefs = [a["href"] for a in second.find_all("a")]
    assert "../topik/#sistem-perlindungan-anak" in hrefs
    assert "../materi/perlindungan-permasalahan-anak/" in hrefs
    assert "../pertemuan/02-perlindungan-anak/" in hrefs


# --- topic index ----------------------------------------------------------------------------

def test_topic_index_has_nineteen_topics_with_anchors(page):
    topics = cards(page, "topik/", "kda-topik")
    assert len(topics) == 19
    ids = [t.find("h3")["id"] for t in topics]
    assert ids[0] == "konsep-diskusi-aktif" and ids[-1] == "monitoring-evaluasi"
    assert [int(text_of(t.find("h3")).split(".")[0]) for t in topics] == list(range(1, 20))


def test_topic_index_shows_meetings_materials_and_progress(page):
    index = page("topik/")
    topic = text_of(index.find(id="sistem-perlindungan-anak").parent)
    assert "Pertemuan 2: Perlindungan anak dan permasalahan anak" in topic
    assert "Perlindungan dan Permasalahan Anak" in topic
    assert "Terjadwal" in topic
    progress = index.select_one(".kda-kemajuan progress")
    assert (progress["value"], progress["max"]) == ("1", "19")
    assert "1 dari 19 pokok bahasan telah dibahas" in text_of(index.select_one(".kda-kemajuan"))
    assert "Belum ada pertemuan yang membahasnya" in text_of(index.find(id="ekologi-anak").parent)


# --- meeting notes and materials -------------------------------------------------------------

def test_note_header_comes_from_the_data(page):
    note = page("pertemuan/02-perlindungan-anak/")
    assert text_of(note.find("h1")) == "Pertemuan 2: Perlindungan anak dan permasalahan anak"
    header = text_of(note.select_one(".kda-kepala"))
    assert "Kamis, 16 Januari 2014, pukul 13.00–16.30 WIB" in header
    assert "FKPS" in header and "Sistem perlindungan anak" in header
    assert note.find("title").get_text().startswith("Pertemuan 2")


def test_note_of_meeting_one_does_not_invent_a_date(page):
    header = text_of(page("pertemuan/01-kerangka-acuan/").select_one(".kda-kepala"))
    assert "Tanggal tidak tercatat" in header


@pytest.mark.parametrize("material", [
    "introduction", "masalah-anak", "uu-perlindungan-anak-2002", "kerangka-acuan", "perlindungan-permasalahan-anak",
])
def test_material_pages_say_the_file_is_not_uploaded_and_link_their_meetings(page, material):
    body = page(f"materi/{material}/").select_one(".kda-kepala")
    assert "Berkas belum diunggah" in text_of(body)
    assert any(a["href"].startswith("../../jadwal/#pertemuan-") for a in body.find_all("a"))
    assert not list((ROOT / "docs" / "materi").glob(f"{material}.*[!d]"))  # no placeholder file


def test_notes_index_lists_the_three_recorded_meetings(page):
    links = [a["href"] for a in page("pertemuan/").select("article li a")]
    assert links == ["02-perlindungan-anak/", "01-kerangka-acuan/", "00-pendahuluan/"]


# --- home and TOR --------------------------------------------------------------------------------

def test_home_shows_next_meeting_and_latest_notes(page):
    home = page("")
    tip = text_of(home.select_one(".admonition"))
    assert "Pertemuan berikutnya: Pertemuan 2" in tip and "Kamis, 16 Januari 2014" in tip
    assert "pertemuan/02-perlindungan-anak/" in [a["href"] for a in home.select("article a")]


def test_tor_has_its_sections_and_the_nineteen_topics(page):
    tor = page("tor/")
    headings = [text_of(h) for h in tor.select("article h2")]
    for expected in ["Latar belakang", "Tujuan kegiatan", "Schedule kegiatan", "Metode pembelajaran",
                     "Aturan dan kesepakatan dalam kelompok diskusi aktif", "Output yang diharapkan (mimpi indah)",
                     "Penutup", "Catatan penyuntingan"]:
        assert expected in headings
    topic_links = [a["href"] for a in tor.select("#jadwal ~ ol")[0].find_all("a")]
    assert len(topic_links) == 19 and topic_links[2] == "../topik/#sistem-perlindungan-anak"
    rules = tor.select("#aturan ~ ol")[0].find_all("li", recursive=False)
    assert len(rules) == 13
    assert "minimal 7 orang dari 11 anggota" in text_of(rules[5])


def test_every_page_is_in_indonesian(site):
    for html in site.rglob("*.html"):
        soup = BeautifulSoup(html.read_text(encoding="utf-8"), "lxml")
        assert soup.html.get("lang") == "id", html


# --- links ----------------------------------------------------------------------------------------

def test_every_internal_link_and_anchor_resolves(site):
    pages = {p: BeautifulSoup(p.read_text(encoding="utf-8"), "lxml") for p in site.rglob("*.html")}
    ids = {p: {tag["id"] for tag in soup.find_all(id=True)} for p, soup in pages.items()}
    broken = []
    for path, soup in pages.items():
        for a in soup.select("article a[href]"):
            href = a["href"]
            parts = urlsplit(href)
            if parts.scheme or parts.netloc or href.startswith("mailto:"):
                continue
            target = (path.parent / unquote(parts.path)).resolve() if parts.path else path
            if target.is_dir():
                target = target / "index.html"
            if not target.exists():
                broken.append(f"{path.relative_to(site)} -> {href}")
            elif parts.fragment and target.suffix == ".html" and parts.fragment not in ids.get(target, set()):
                broken.append(f"{path.relative_to(site)} -> {href} (anchor)")
    assert not broken


def test_no_external_font_host(site):
    for html in site.rglob("*.html"):
        text = html.read_text(encoding="utf-8")
        assert "fonts.googleapis.com" not in text and "fonts.gstatic.com" not in text


# --- the data drives the pages -----------------------------------------------------------------------

def test_changing_the_data_changes_schedule_topic_index_and_note_header(tmp_path):
    project = copy_project(tmp_path / "project")
    data = project / "data" / "pertemuan.yml"
    data.write_text(data.read_text(encoding="utf-8").replace(
        "\n- nomor: 3\n",
        "\n- nomor: 3\n  tanggal: 2014-02-13\n  mulai: \"09.00\"\n  selesai: \"11.30\"\n  tempat: Aula Dinas Sosial\n"
        "  tema: Tahap perkembangan anak\n  pokok_bahasan: [tahap-perkembangan-anak]\n",
    ).replace("  tanggal: 2014-01-16\n", "  tanggal: 2014-01-23\n"), encoding="utf-8")
    site = build_site(project, tmp_path / "site", today="2014-01-30")
    def soup(url):
        return BeautifulSoup((site / url / "index.html").read_text(encoding="utf-8"), "lxml")

    third = text_of(soup("jadwal").find(id="pertemuan-3").parent)
    assert "Kamis, 13 Februari 2014, pukul 09.00–11.30 WIB" in third and "Aula Dinas Sosial" in third
    assert [d.find("h3")["id"] for d in soup("jadwal").select(".kda-pertemuan--berikutnya")] == ["pertemuan-3"]
    assert "Kamis, 23 Januari 2014" in text_of(soup("pertemuan/02-perlindungan-anak").select_one(".kda-kepala"))
    assert "Pertemuan 3: Tahap perkembangan anak" in text_of(soup("topik").find(id="tahap-perkembangan-anak").parent)
    assert "2 dari 19" in text_of(soup("topik").select_one(".kda-kemajuan"))
