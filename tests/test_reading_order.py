"""Pages lead with what their reader came for, show what is recorded and say once what is not;
what the site wrote or inferred is marked; the TOR's jargon is explained on *Istilah*.

The real site is asserted only as far as its data says (the marks follow `tafsiran_situs`, the
glossary follows data/istilah.yml); the states the real data does not have today (the meeting
day, a season over) are built from the full-season copy of tests/fixture_musim.py."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from bs4 import BeautifulSoup
from fixture_musim import make_season_project
from test_model import load, problems

from kda.model.agenda import Agenda
from kda.model.data import DataError, load_site_data
from kda.model.glossary import load_glossary
from kda.views.render import tanggal

from conftest import BUILD_DATE, ROOT, build_site, copy_project, environment, run_cli_build, text_of

DATA = load_site_data(ROOT / "data", ROOT / "docs")
GLOSSARY = load_glossary(ROOT / "data", ROOT)
NOTES = {int(p.name[:2]): p.stem for p in (ROOT / "docs" / "pertemuan").glob("[0-9][0-9]-*.md")}


def soup_of(site, url: str) -> BeautifulSoup:
    return BeautifulSoup((site / url / "index.html").read_text(encoding="utf-8"), "lxml")


# --- home: the next meeting, today, or the last one -------------------------------------------

@pytest.fixture(scope="module")
def season(tmp_path_factory):
    """The full-season copy, built on the day of its last meeting and the week after it."""
    project = make_season_project(tmp_path_factory.mktemp("musim-beranda") / "project")
    data = load_site_data(project / "data", project / "docs")
    last = max((m for m in data.pertemuan if m.tanggal), key=lambda m: m.tanggal)
    sites = {}
    with environment(KDA_TANPA_PDF="1"):
        for when, day in (("hari-ini", last.tanggal), ("sesudah", last.tanggal + dt.timedelta(days=7))):
            sites[when] = build_site(project, project / f"site-{when}", today=day.isoformat())
    return data, last, sites


@pytest.mark.build
def test_home_says_hari_ini_on_the_meeting_day(season):
    data, last, sites = season
    card = soup_of(sites["hari-ini"], "").select_one(".kda-sorotan")
    assert text_of(card.find("h2")) == f"Hari ini: {last.label}"
    assert tanggal(last.tanggal) in text_of(card)
    schedule = soup_of(sites["hari-ini"], "jadwal")
    assert text_of(schedule.find(id=last.anchor).parent.select_one(".kda-status--hari-ini")) == "Hari ini"


@pytest.mark.build
def test_home_shows_the_last_meeting_when_none_is_set(season):
    data, last, sites = season
    home = soup_of(sites["sesudah"], "")
    card = home.select_one(".kda-sorotan")
    assert text_of(card.find("h2")) == "Pertemuan terakhir"
    assert last.label in text_of(card) and "belum dijadwalkan" in text_of(card)
    notes = home.find(id="catatan-pertemuan-terbaru").find_next("ul")
    assert f"pertemuan/{last.nomor:02d}-" in notes.select_one("a")["href"]  # held now: its note is the latest


def test_latest_notes_on_the_home_page_are_of_meetings_held_as_of_the_build_date(page):
    agenda = Agenda(DATA, dt.date.fromisoformat(BUILD_DATE))
    listed = [a["href"] for a in page("").find(id="catatan-pertemuan-terbaru").find_next("ul").select("a")]
    held = {f"pertemuan/{slug}/" for nomor, slug in NOTES.items() if agenda.status(DATA.meeting(nomor)) == "selesai"}
    assert set(listed) <= held
    assert len(listed) == min(3, len(held))


@pytest.mark.build
def test_season_schedule_lists_each_group_in_its_order(season):
    data, last, sites = season
    schedule = soup_of(sites["sesudah"], "jadwal")
    assert [c.find("h3")["id"] for c in schedule.select("div.kda-pertemuan")] == [last.anchor]
    lines = [li["id"] for li in schedule.select("ul.kda-pertemuan-ringkas > li")]
    assert lines == [m.anchor for m in sorted(data.pertemuan, key=lambda m: -m.nomor)][1:]
    assert schedule.select_one(".kda-belum-dijadwalkan") is None  # nothing left undated


# --- notes: what is recorded, what is not, the source said once --------------------------------

@pytest.mark.parametrize("nomor", sorted(NOTES))
def test_a_notes_source_remarks_are_said_once_collapsed_at_the_end(page, nomor):
    m = DATA.meeting(nomor)
    note = page(f"pertemuan/{NOTES[nomor]}/")
    article = note.select_one("article")
    blocks = article.select("details")
    if not m.catatan_sumber:
        assert not [d for d in blocks if "Tentang sumber" in text_of(d.summary)]
        return
    sources = [d for d in blocks if text_of(d.summary) == "Tentang sumber catatan ini"]
    assert len(sources) == 1 and not sources[0].has_attr("open")
    first_words = " ".join(m.catatan_sumber.split()[:6])
    assert text_of(article).count(first_words) == 1  # said once: not in the header, not in the text
    later = [tag for tag in sources[0].find_all_next(["p", "h2", "ul"]) if tag.find_parent("article") is article
             and not tag.find_parent("details") and not tag.find_parent(class_="kda-bagikan")]
    assert not later, "the source block is the note's last content"


def test_schedule_says_the_source_remarks_once_collapsed(page):
    schedule = page("jadwal/")
    sources = [d for d in schedule.select("article details") if text_of(d.summary) == "Tentang sumber jadwal ini"]
    remarked = [m for m in DATA.pertemuan if m.catatan_sumber]
    assert len(sources) == (1 if remarked else 0)
    for m in remarked:
        words = " ".join(m.catatan_sumber.split()[:6])
        assert text_of(schedule.select_one("article")).count(words) == 1
        assert words in text_of(sources[0])


def test_penyunting_web_lama_is_explained_once_per_page(site):
    for html in site.rglob("*.html"):
        article = BeautifulSoup(html.read_text(encoding="utf-8"), "lxml").select_one("article")
        if article is not None:
            assert text_of(article).count("penyunting web") <= 1, html


# --- provenance: what the site wrote or inferred is marked, once, the same way ----------------

def marks(node) -> int:
    return len(node.select("a.kda-tafsiran[href$='#tafsiran-situs']"))


@pytest.mark.parametrize("material", [m.id for m in DATA.materi])
def test_material_descriptions_are_marked_as_the_data_says(page, material):
    mat = DATA.material(material)
    body = page(f"materi/{material}/").select_one("article")
    assert marks(body) == (1 if "ringkasan" in mat.tafsiran_situs else 0)
    assert mat.ringkasan in text_of(body)


def test_topic_summaries_and_inferred_assignments_are_marked_where_they_appear(page):
    index = page("topik/")
    for t in DATA.pokok_bahasan:
        card = index.find(id=t.id).parent
        if "kda-topik" not in (card.get("class") or []):  # a compact topic: its summary one tap away
            line = index.find(id=t.id)
            assert line.name == "details" and not line.has_attr("open")
            assert t.ringkasan in text_of(line) and marks(line) == ("ringkasan" in t.tafsiran_situs)
            continue
        expected = ("ringkasan" in t.tafsiran_situs) + DATA.topic_inferred(t.id)
        assert marks(card) == expected, t.id


@pytest.mark.parametrize("nomor", sorted(NOTES))
def test_inferred_topics_of_a_meeting_are_marked_in_its_header(page, nomor):
    m = DATA.meeting(nomor)
    header = page(f"pertemuan/{NOTES[nomor]}/").select_one(".kda-kepala")
    assert marks(header) == (1 if "pokok_bahasan" in m.tafsiran_situs else 0)


@pytest.mark.build
def test_clearing_the_marker_clears_the_mark(tmp_path):
    """The organiser removes `tafsiran_situs` once the group confirms: the pages then show no mark."""
    project = copy_project(tmp_path / "project")
    for name in ("pertemuan.yml", "pokok_bahasan.yml", "materi.yml", "istilah.yml"):
        path = project / "data" / name
        path.write_text(re.sub(r"^  tafsiran_situs: .*\n", "", path.read_text(encoding="utf-8"), flags=re.M),
                        encoding="utf-8")
    with environment(KDA_TANPA_PDF="1"):
        site = build_site(project, tmp_path / "site")
    for url in ("topik", "jadwal", "istilah", "perjalanan", "pertemuan/00-pendahuluan", "materi/masalah-anak"):
        assert marks(soup_of(site, url).select_one("article")) == 0, url


def test_a_marker_must_name_a_field_that_has_a_value(tmp_path):
    found = problems(tmp_path, pertemuan="- nomor: 0\n  tafsiran_situs: [pokok_bahasan]\n- nomor: 1\n  tafsiran_situs: [tema]\n")
    assert found == [
        "data/pertemuan.yml, baris 2: pertemuan 0, tafsiran_situs: pokok_bahasan ditandai sebagai tafsiran situs "
        "tetapi kosong; isi kolomnya atau hapus tandanya, misalnya [pokok_bahasan]; tertulis sekumpulan nilai.",
        'data/pertemuan.yml, baris 4: pertemuan 1, tafsiran_situs[1]: harus salah satu dari: pokok_bahasan, '
        'misalnya [pokok_bahasan]; tertulis "tema".',
    ]
    assert load(tmp_path)  # the inline examples without markers stay valid


# --- the glossary -------------------------------------------------------------------------------

REQUIRED_TERMS = ("case-record", "case-conference", "burn-out", "permanency-planning", "public-speaking", "kuota",
                  "pksa", "abh", "adk", "ampk", "lksa")


def tor_text(page) -> str:
    """The TOR as published (its Markdown calls the glossary's macro)."""
    text = text_of(page("tor/").select_one("article")).lower()
    return re.sub(r"\s+([).,:;/])", r"\1", re.sub(r"\(\s+", "(", text))  # no space the parser adds around a link


def test_istilah_is_in_the_navigation_and_explains_each_term(page):
    nav = [text_of(a) for a in page("").select("nav.md-nav--primary > ul > li > a")]
    assert "Istilah" in nav
    glossary = page("istilah/")
    for t in GLOSSARY:
        entry = text_of(glossary.find(id=t.id).parent)
        assert entry.startswith(t.istilah)
        for text in filter(None, (t.kepanjangan, t.arti)):
            assert " ".join(text.split()) in entry
        assert marks(glossary.find(id=t.id).parent) == (1 if "arti" in t.tafsiran_situs else 0)
    assert set(REQUIRED_TERMS) <= {t.id for t in GLOSSARY}


def test_expansions_and_quotations_come_from_the_tor_and_none_is_guessed(page):
    text = tor_text(page)
    for t in GLOSSARY:
        if t.kepanjangan:
            assert f"{t.kepanjangan} ({t.istilah})".lower() in text, t.id  # written so in the TOR
        elif t.istilah.isupper():
            assert f"({t.istilah.lower()})" not in text  # the TOR never expands it: neither does the site
        for quote in re.findall(r'"([^"]+)"', t.dari_sumber or ""):
            for part in filter(None, (p.strip(" .") for p in quote.split("..."))):
                assert " ".join(part.split()).lower() in text, (t.id, part)
    assert next(t for t in GLOSSARY if t.id == "fkps").kepanjangan is None


def test_tor_terms_link_to_their_explanation_with_searchable_plain_words(page):
    links = page("tor/").select("article a.kda-istilah")
    by_id = {t.id: t for t in GLOSSARY}
    assert {a["href"].split("#")[1] for a in links} >= {"burn-out", "kuota", "pksa", "lksa"}
    for a in links:
        term = by_id[a["href"].split("#")[1]]
        assert a["href"].startswith("../istilah/#") and a["data-pagefind-index-attrs"] == "title"
        assert all(word in a["title"] for word in term.kata_lain)


@pytest.mark.build
def test_an_unknown_glossary_term_in_the_tor_stops_the_build_with_a_message(tmp_path):
    project = copy_project(tmp_path / "project")
    tor = project / "docs" / "tor.md"
    tor.write_text(tor.read_text(encoding="utf-8").replace('istilah("burn-out")', 'istilah("burnout")'), encoding="utf-8")
    result = run_cli_build(project)
    assert result.returncode != 0
    assert 'docs/tor.md: istilah("burnout"): tidak ada di data/istilah.yml.' in result.stderr


def test_a_broken_glossary_is_reported_with_the_other_data(tmp_path):
    project = copy_project(tmp_path / "project")
    path = project / "data" / "istilah.yml"
    path.write_text(path.read_text(encoding="utf-8") + "- id: kosong\n  istilah: Kosong\n", encoding="utf-8")
    with pytest.raises(DataError) as caught:
        load_glossary(project / "data", project)
    assert caught.value.problems == [
        f"data/istilah.yml, baris {path.read_text(encoding='utf-8').count(chr(10)) - 1}: istilah kosong, (entri): "
        "isi paling sedikit salah satu: kepanjangan, dari_sumber atau arti."]


def test_the_calendar_marks_inferred_topics_as_the_pages_do(site):
    from icalendar import Calendar

    events = Calendar.from_ical((site / "jadwal.ics").read_bytes()).walk("VEVENT")
    assert events
    for event in events:
        nomor = int(str(event["uid"]).split("@")[0].removeprefix("pertemuan-"))
        m = DATA.meeting(nomor)
        description = str(event["description"])
        assert ("(tafsiran situs)" in description) == ("pokok_bahasan" in m.tafsiran_situs and bool(m.pokok_bahasan))
