"""What a reader sees in the built site: schedule, topic index, notes, materials, home, TOR."""

from __future__ import annotations

import datetime as dt
import re
from urllib.parse import unquote, urlsplit

import pytest
from bs4 import BeautifulSoup

from kda.model.agenda import Agenda
from kda.model.data import load_site_data
from kda.views.missing import runs_text
from kda.views.render import jam, tanggal
from kda.views.schedule import schedule_sections

from conftest import BUILD_DATE, ROOT, build_site, copy_project, text_of


def cards(page, url, kind="kda-pertemuan"):
    return page(url).select(f"article div.{kind}")


# --- schedule -----------------------------------------------------------------------------
# What the schedule shows follows from the data seen from the build date (conftest.BUILD_DATE):
# the expectations below are computed from the model, never frozen from today's content.

@pytest.fixture(scope="module")
def agenda():
    data = load_site_data(ROOT / "data", ROOT / "docs")
    return Agenda(data, dt.date.fromisoformat(BUILD_DATE))


def entry(page, anchor):
    """The schedule's card or one-line entry of a meeting (its anchor's element)."""
    found = page("jadwal/").find(id=anchor)
    return found.parent if found.name == "h3" else found


def test_schedule_has_every_meeting_in_the_order_a_reader_looks_for_them(page, agenda):
    sections = schedule_sections(tuple(agenda.data.pertemuan), agenda)
    schedule = page("jadwal/")
    order = [m.anchor for m in sections.upcoming + sections.past + sections.pending + sections.unscheduled]
    assert sorted(order) == sorted(m.anchor for m in agenda.data.pertemuan)
    shown = [tag["id"] for tag in schedule.select("article [id^=pertemuan-]")]
    assert shown == order
    full = [c.find("h3")["id"] for c in cards(page, "jadwal/")]
    assert full == [m.anchor for m in sections.upcoming[:1] + sections.past[:1] + sections.pending]


def test_schedule_dates_are_indonesian_with_wib(page, agenda):
    dated = [m for m in agenda.data.pertemuan if m.tanggal and m.mulai and m.selesai]
    assert dated
    for m in dated:
        expected = f"{tanggal(m.tanggal)}, pukul {jam(m.mulai)}–{jam(m.selesai)} {agenda.data.kelompok.singkatan_zona}"
        assert expected in text_of(entry(page, m.anchor)), m.label
        if m.tempat:
            assert m.tempat in text_of(entry(page, m.anchor))


def test_every_name_of_a_place_is_kept(page, agenda):
    for m in agenda.data.pertemuan:
        for name in ([m.tempat] if m.tempat else []) + m.tempat_lain:
            assert name in text_of(entry(page, m.anchor)), (m.label, name)


def test_a_held_meeting_without_a_date_says_so_and_invents_none(page, agenda):
    lost = [m for m in agenda.data.pertemuan if agenda.status(m) == "selesai" and m.tanggal is None]
    for m in lost:
        text = text_of(entry(page, m.anchor))
        assert "tidak tercatat" in text.lower()
        assert not re.search(r"\b(19|20)\d\d\b", text)  # no invented year


def test_undated_meetings_share_one_line_and_keep_their_anchors(page, agenda):
    sections = schedule_sections(tuple(agenda.data.pertemuan), agenda)
    if not sections.unscheduled:
        pytest.skip("every meeting has a date or something known")
    line = page("jadwal/").select_one(".kda-belum-dijadwalkan")
    assert [d["id"] for d in line.select("[id]")] == [m.anchor for m in sections.unscheduled]
    assert f"Pertemuan {runs_text(sections.unscheduled_runs)} belum dijadwalkan." in text_of(line)
    assert not line.select(".kda-pertemuan")


def test_next_meeting_is_highlighted_for_the_build_date(page, agenda):
    highlighted = page("jadwal/").select("div.kda-pertemuan--berikutnya")
    nxt = agenda.next_meeting()
    assert [h.find("h3")["id"] for h in highlighted] == ([nxt.anchor] if nxt else [])
    if nxt:
        assert "Berikutnya" in text_of(highlighted[0].select_one(".kda-status--berikutnya"))


def test_schedule_counts_follow_the_build_date(page, agenda):
    text = text_of(page("jadwal/"))
    counted = [s for s in ("selesai", "terjadwal", "belum dijadwalkan", "batal") if agenda.count(s)]
    for status in ("selesai", "terjadwal", "belum dijadwalkan", "batal"):
        count = agenda.count(status)
        said = f"{count} pertemuan {status}" if counted and status == counted[0] else f"{count} {status}"
        assert (said in text) == bool(count), status


def test_schedule_links_topics_materials_and_notes(page, agenda):
    full = {c.find("h3")["id"] for c in cards(page, "jadwal/")}
    for m in (m for m in agenda.data.pertemuan if m.anchor in full):
        hrefs = [a["href"] for a in entry(page, m.anchor).find_all("a")]
        for topic in m.pokok_bahasan:
            assert f"../topik/#{topic}" in hrefs
        for material in m.materi:
            assert f"../materi/{material}/" in hrefs
    for m in agenda.data.pertemuan:  # every note is linked from its meeting's card or line
        note = ROOT / "docs" / "pertemuan"
        if any(note.glob(f"{m.nomor:02d}-*.md")):
            assert any(a["href"].startswith(f"../pertemuan/{m.nomor:02d}-") for a in entry(page, m.anchor).find_all("a"))


# --- topic index ----------------------------------------------------------------------------

def test_topic_index_has_every_topic_with_its_anchor_in_the_tors_order(page, agenda):
    index = page("topik/")
    topics = agenda.data.pokok_bahasan
    anchors = [t.id for t in topics]
    shown = [tag["id"] for tag in index.select("article [id]") if tag["id"] in anchors]
    assert sorted(shown) == sorted(anchors)
    full = [c.find("h3")["id"] for c in cards(page, "topik/", "kda-topik")]
    assert full == [a for a in anchors if a in full]  # each group in the TOR's order
    assert shown[len(full):] == [a for a in anchors if a not in full]
    for t in topics:
        assert text_of(index.find(id=t.id)).startswith(f"{t.nomor}. {t.judul}")


def test_topics_with_meetings_or_articles_in_full_the_others_on_one_line(page, agenda):
    index = page("topik/")
    full = {c.find("h3")["id"] for c in cards(page, "topik/", "kda-topik")}
    compact = {d["id"] for d in index.select(".kda-topik-ringkas details[id]")}
    with_content = {t.id for t in agenda.data.pokok_bahasan if agenda.data.meetings_for_topic(t.id)}
    assert with_content <= full and not full & compact
    assert full | compact == {t.id for t in agenda.data.pokok_bahasan}
    for t in agenda.data.pokok_bahasan:
        card = text_of(index.find(id=t.id).parent) if t.id in full else ""
        for m in agenda.data.meetings_for_topic(t.id):
            assert m.label in card
        for mat in agenda.data.materials_for_topic(t.id):
            assert mat.judul in card
    progress = index.select_one(".kda-kemajuan progress")
    covered = len(agenda.topics_covered())
    assert (progress["value"], progress["max"]) == (str(covered), str(len(agenda.data.pokok_bahasan)))


# --- meeting notes and materials -------------------------------------------------------------

def test_note_header_comes_from_the_data(example_page):
    """On the example group (tests/fixture/): the header of meeting 2's note, exactly."""
    page = example_page
    note = page("pertemuan/02-perlindungan-anak/")
    assert text_of(note.find("h1")) == "Pertemuan 2: Perlindungan anak dan permasalahan anak"
    header = text_of(note.select_one(".kda-kepala"))
    assert "Kamis, 16 Januari 2014, pukul 13.00–16.30 WIB" in header
    assert "FKPS" in header and "Sistem perlindungan anak" in header
    assert note.find("title").get_text().startswith("Pertemuan 2")


def test_note_of_meeting_one_does_not_invent_a_date(example_page):
    page = example_page
    header = text_of(page("pertemuan/01-kerangka-acuan/").select_one(".kda-kepala"))
    assert "Tanggal dan tempat pertemuan ini tidak tercatat" in header
    assert not re.search(r"\b(19|20)\d\d\b", header)


def test_material_pages_say_whether_the_file_is_uploaded_and_link_their_meetings(page, agenda):
    for material in agenda.data.materi:
        body = page(f"materi/{material.id}/").select_one(".kda-kepala")
        if material.berkas:
            assert (ROOT / "docs" / "materi" / material.berkas).is_file(), material.id
            assert "Berkas belum diunggah" not in text_of(body), material.id
        else:
            assert "Berkas belum diunggah" in text_of(body), material.id
            assert not list((ROOT / "docs" / "materi").glob(f"{material.id}.*[!d]")), material.id  # no placeholder
        if any(material.id in m.materi for m in agenda.data.pertemuan):
            assert any(a["href"].startswith("../../jadwal/#pertemuan-") for a in body.find_all("a")), material.id


def test_notes_index_lists_every_note_newest_first(page):
    notes = sorted((p.stem for p in (ROOT / "docs" / "pertemuan").glob("[0-9][0-9]-*.md")), reverse=True)
    links = [a["href"] for a in page("pertemuan/").select("article li a")]
    assert links == [f"{note}/" for note in notes]


# --- home and TOR --------------------------------------------------------------------------------

def test_home_shows_next_meeting_and_latest_notes(page, agenda):
    home = page("")
    card = home.select_one(".kda-sorotan")
    nxt = agenda.next_meeting()
    if nxt:
        assert text_of(card.find("h2")) == "Pertemuan berikutnya"
        assert nxt.label in text_of(card) and tanggal(nxt.tanggal) in text_of(card)
    notes = [a["href"] for a in home.find(id="catatan-pertemuan-terbaru").find_next("ul").select("a")]
    held = [m for m in agenda.data.pertemuan if agenda.status(m) == "selesai"]
    assert notes and all(any(f"pertemuan/{m.nomor:02d}-" in href for m in held) for href in notes)


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

@pytest.mark.build
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
