"""On paper (docs/assets/cetak.css, kda.outputs.pdf), read back with pypdf: the schedule PDF starts
with the schedule, the TOR PDF's first sheet carries text, a link prints with its address or as plain
text, and what only works on a screen is not printed. The print stylesheet is linked as
media="print"; Chromium's printing uses print media, so these also show that it still applies."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from pypdf import PdfReader

from kda.outputs import pdf
from kda.views.render import address_parts

from conftest import text_of

PDFS = {"tor/": "kerangka-acuan-kelompok-diskusi-bandung.pdf", "jadwal/": "jadwal-kelompok-diskusi-bandung.pdf"}
needs_chromium = pytest.mark.skipif(not any(shutil.which(n) for n in pdf.CHROMIUM_NAMES),
                                    reason="Chromium is not installed")


def page_texts(path: Path) -> list[str]:
    return [" ".join(p.extract_text().split()) for p in PdfReader(path).pages]


def words(text: str) -> list[str]:
    return text.split()


def test_schedule_pdf_starts_with_the_schedule(page, site):
    schedule = page("jadwal/")
    first_page = page_texts(site / "unduh" / PDFS["jadwal/"])[0]
    first_card = schedule.select_one("article .kda-pertemuan h3")
    assert first_card is not None
    assert text_of(first_card) in first_page  # the first meeting's card is on the first sheet
    # The calendar and feed instructions only work on a screen: not on paper at all.
    for block in schedule.select("article .kda-langganan"):
        for link in block.select("a"):
            assert text_of(link) not in " ".join(page_texts(site / "unduh" / PDFS["jadwal/"])), text_of(link)
    for link in schedule.select("article a.kda-kalender"):
        assert text_of(link) not in first_page


def test_tor_pdf_first_sheet_carries_the_first_section(page, site):
    tor = page("tor/")
    first_page = page_texts(site / "unduh" / PDFS["tor/"])[0]
    first_section = tor.select_one("article h2")
    assert text_of(first_section) in first_page
    opening = first_section.find_next("p")
    assert " ".join(words(text_of(opening))[:8]) in first_page  # its text, not only its heading
    title_block = sum(len(words(text_of(n))) for n in first_section.find_all_previous(["h1", "p"])
                      if n.find_parent("article"))
    assert len(words(first_page)) > title_block + 40


PRINTED_PAGE = """<!doctype html>
<html lang="id"><head><meta charset="utf-8">
<link rel="stylesheet" href="../assets/cetak.css" media="print"></head>
<body><article class="md-content__inner md-typeset">
<h1>Uji cetak</h1>
<p>Baca <a href="https://contoh.invalid/bacaan">bacaan luar</a> dan <a href="../jadwal/">jadwal kelompok</a>,
atau tulis ke <a href="mailto:pengurus@contoh.invalid">pengurus</a>.</p>
<div class="kda-langganan"><p><a href="../jadwal.ics">masukkan ke kalender</a></p></div>
<ul><li><strong>Kalender:</strong> <a class="kda-kalender" href="../kalender/x.ics">Tambahkan ke kalender</a></li>
<li><strong>Tempat:</strong> Ruang uji</li></ul>
<aside class="kda-bagikan"><p class="kda-bagikan__judul"><strong>Bagikan</strong></p>
<p><a class="md-button" href="https://wa.me/?text=x">Bagikan lewat WhatsApp</a></p>
<p class="kda-bagikan__tautan">Tautan halaman ini: <code>https://contoh.invalid/uji/</code></p></aside>
</article></body></html>"""


@needs_chromium
def test_links_print_with_their_address_or_as_plain_text(site, tmp_path):
    (tmp_path / "assets").mkdir()
    shutil.copyfile(site / "assets/cetak.css", tmp_path / "assets/cetak.css")
    html = tmp_path / "uji" / "index.html"
    html.parent.mkdir()
    html.write_text(PRINTED_PAGE, encoding="utf-8")
    job = pdf.PdfJob("uji.md", "uji.pdf", html, tmp_path / "uji.pdf", "https://contoh.invalid/uji/")
    pdf.make_pdfs([job], tmp_path, tmp_path / "cache")
    text = " ".join(page_texts(job.target))
    assert "bacaan luar (https://contoh.invalid/bacaan)" in text  # leaves the site: its address
    assert "(mailto:pengurus@contoh.invalid)" in text
    assert "jadwal kelompok," in text and "contoh.invalid/jadwal" not in text  # within the site: plain text
    assert "masukkan ke kalender" not in text and "Tambahkan ke kalender" not in text  # screen only
    assert "Bagikan" not in text and "WhatsApp" not in text
    assert "Tautan halaman ini: https://contoh.invalid/uji/" in text and "Tempat: Ruang uji" in text


def test_poster_address_breaks_only_after_its_dots_and_slashes(page, site):
    from mkdocs.config import load_config

    from conftest import ROOT

    site_url = load_config(str(ROOT / "mkdocs.yml")).site_url
    address = page("poster/").select_one(".kda-poster__alamat")
    parts = [span.get_text() for span in address.select("span")]
    assert "".join(parts) == site_url == address.get_text()
    assert len(address.select("wbr")) == len(parts)  # a break opportunity after each part, none inside
    assert all(p.endswith(("//", ".", "/")) for p in parts[:-1])


@pytest.mark.parametrize(("address", "parts"), [
    ("https://kelompok-diskusi-bandung.github.io/situs/",
     ["https://", "kelompok-diskusi-bandung.", "github.", "io/", "situs/"]),
    ("http://127.0.0.1:8000/", ["http://", "127.", "0.", "0.", "1:8000/"]),
    ("https://contoh.invalid/a/b.html", ["https://", "contoh.", "invalid/", "a/", "b.", "html"]),
    ("", []),
])
def test_address_parts(address, parts):
    assert address_parts(address) == parts
    assert "".join(parts) == address
