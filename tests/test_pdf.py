"""On paper: the print stylesheet on every page, and the TOR and schedule PDFs (read back with pypdf)."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from pypdf import PdfReader

from kda.outputs import pdf

from conftest import build_site, environment, text_of
from fixture_jurnal import BUILD_DATE as JOURNAL_DATE
from fixture_jurnal import make_journal_project

A4 = (595, 842)  # points
PDFS = {"tor/": "kerangka-acuan-kelompok-diskusi-bandung.pdf", "jadwal/": "jadwal-kelompok-diskusi-bandung.pdf"}


def pdf_text(path: Path) -> str:
    return " ".join(" ".join(page.extract_text() for page in PdfReader(path).pages).split())


@pytest.mark.parametrize("url", ["tor/", "jadwal/", "pertemuan/02-perlindungan-anak/", "materi/masalah-anak/", ""])
def test_every_page_links_the_print_stylesheet(page, url):
    hrefs = [link["href"] for link in page(url).select('link[rel="stylesheet"]')]
    assert any(h.endswith("assets/cetak.css") for h in hrefs), hrefs


def test_print_stylesheet_sets_a4_and_hides_the_chrome(site):
    css = (site / "assets/cetak.css").read_text(encoding="utf-8")
    assert re.search(r"@page\s*{[^}]*size:\s*A4", css)
    print_rules = css[css.index("@media print"):]
    for selector in (".md-header", ".md-sidebar", ".md-footer", ".md-tabs", ".kda-tanggapan"):
        assert selector in print_rules.split("display: none")[0]
    assert 'a[href^="http"]:not([data-kda-situs])::after' in print_rules
    assert 'content: " (" attr(href) ")"' in print_rules  # links to other sites printed as text
    assert "break-before: page" in print_rules and "grayscale(100%)" in print_rules


@pytest.mark.parametrize("url, name", PDFS.items())
def test_pdf_is_linked_from_its_page(page, site, url, name):
    link = page(url).select_one("article .kda-unduh-pdf a")
    assert link["href"] == f"../unduh/{name}"
    assert text_of(link).endswith("(PDF, A4)")
    assert (site / "unduh" / name).read_bytes().startswith(b"%PDF")


def test_tor_pdf_holds_every_heading_of_the_tor_on_a4(page, site):
    path = site / "unduh" / PDFS["tor/"]
    reader = PdfReader(path)
    assert all((round(float(p.mediabox.width)), round(float(p.mediabox.height))) == A4 for p in reader.pages)
    text = pdf_text(path)
    headings = [text_of(h) for h in page("tor/").select("article h1, article h2, article h3")]
    assert len(headings) > 8
    for heading in headings:
        assert " ".join(heading.split()) in text, heading
    # No site chrome on paper: the navigation, search box and download link are not printed.
    assert "Unduh Kerangka Acuan" not in text and "Cari" not in text.split("Kerangka Acuan Kegiatan")[0]


def test_pdf_links_point_at_the_public_site_not_the_build_folder(site):
    from mkdocs.config import load_config

    from conftest import ROOT

    site_url = load_config(str(ROOT / "mkdocs.yml")).site_url
    for name in PDFS.values():
        reader = PdfReader(site / "unduh" / name)
        uris = [annot.get_object()["/A"]["/URI"] for page in reader.pages for annot in page.get("/Annots") or []
                if "/A" in annot.get_object() and "/URI" in annot.get_object()["/A"]]
        assert uris, name
        assert all(uri.startswith(site_url) or not uri.startswith("file:") for uri in uris), uris
        assert not [u for u in uris if u.startswith("file:")]
        assert not (site / "tor/.cetak-index.html").exists()
        assert "(https://" not in pdf_text(site / "unduh" / name)  # addresses of the site's own links not printed


def test_schedule_pdf_lists_the_meetings(page, site):
    text = pdf_text(site / "unduh" / PDFS["jadwal/"])
    assert "Jadwal Pertemuan" in text
    for heading in page("jadwal/").select("article h3"):
        assert text_of(heading) in text


def test_pdf_is_taken_from_the_cache_when_the_page_is_unchanged(tmp_path, monkeypatch):
    site = tmp_path / "site"
    (site / "tor").mkdir(parents=True)
    (site / "tor/index.html").write_text("<h1>TOR</h1>", encoding="utf-8")
    cache = tmp_path / "cache"
    cache.mkdir()
    (cache / f"{pdf.cache_key(site / 'tor/index.html', site, 'https://contoh.invalid/tor/')}.pdf").write_bytes(b"%PDF-cached")
    monkeypatch.setenv(pdf.CHROMIUM_VARIABLE, str(tmp_path / "tidak-ada"))  # Chromium would fail
    job = pdf.PdfJob("tor.md", "unduh/tor.pdf", site / "tor/index.html", site / "unduh/tor.pdf",
                       "https://contoh.invalid/tor/")
    pdf.make_pdfs([job], site, cache)
    assert (site / "unduh/tor.pdf").read_bytes() == b"%PDF-cached"
    # A changed page is printed again: here Chromium is missing, and the message says what to do.
    (site / "tor/index.html").write_text("<h1>TOR baru</h1>", encoding="utf-8")
    with pytest.raises(pdf.PdfError, match="program Chromium tidak ditemukan.*KDA_TANPA_PDF=1"):
        pdf.make_pdfs([job], site, cache)


TABLE_PAGE = ("<!doctype html><html lang=id><title>Tabel</title><h1>Tabel</h1><table><thead><tr>"
              "<th scope=col>Pertemuan</th><th scope=col>Tanggal</th><th scope=col>Hadir</th></tr></thead>"
              "<tbody><tr><td>1</td><td>7 Desember 2013</td><td>9</td></tr></tbody></table>")


@pytest.mark.skipif(not any(shutil.which(n) for n in pdf.CHROMIUM_NAMES), reason="Chromium is not installed")
def test_structure_ids_are_the_same_in_every_print_of_a_page(tmp_path):
    """A tagged PDF names its table's header cells after the page's DOM nodes, and two prints of one
    page were seen one apart (a build that was not byte-identical): the build numbers them 1, 2, 3..."""
    (tmp_path / "tabel.html").write_text(TABLE_PAGE, encoding="utf-8")
    job = pdf.PdfJob("tabel.md", "tabel.pdf", tmp_path / "tabel.html", tmp_path / "tabel.pdf", "")
    pdf.make_pdfs([job], tmp_path, tmp_path / "cache")
    printed = job.target.read_bytes()
    ids = sorted({int(n) for n in re.findall(rb"\(node(\d{8})\)", printed)})
    assert ids == [1, 2, 3]  # one for each header cell, from 1
    # Another print, its nodes numbered further on (424 further: two prints were seen one apart), made the same again.
    shifted = re.sub(rb"\(node(\d{8})\)", lambda m: b"(node%08d)" % (int(m[1]) + 424), printed)
    other = tmp_path / "lain.pdf"
    other.write_bytes(shifted)
    pdf._fix_node_ids(other)
    assert shifted != printed and other.read_bytes() == printed
    assert len(PdfReader(other).pages) == 1


@pytest.mark.build
@pytest.mark.skipif(not any(shutil.which(n) for n in pdf.CHROMIUM_NAMES), reason="Chromium is not installed")
def test_charts_print_in_black_and_white(tmp_path):
    """The learning journey's charts, printed the way the PDFs are. The print stylesheet's grey filter
    makes Chromium paint each chart as a grey picture (without it they stay coloured vectors). On the
    example journal: charts are drawn only from recorded figures."""
    project = make_journal_project(tmp_path / "project")
    with environment(KDA_TANPA_PDF="1"):
        site = build_site(project, project / "site", today=JOURNAL_DATE)
    html = site / "perjalanan/index.html"
    drawn = html.read_text(encoding="utf-8").count('<figure class="kda-grafik"')
    assert drawn >= 2
    job = pdf.PdfJob("perjalanan.md", "perjalanan.pdf", html, tmp_path / "perjalanan.pdf", "https://contoh.invalid/")
    pdf.make_pdfs([job], site, tmp_path / "cache")
    pictures = [image.image.convert("RGB") for page in PdfReader(job.target).pages for image in page.images]
    assert len(pictures) >= drawn  # each chart as a picture (the curriculum bar may add one)
    for picture in pictures:
        small = picture.resize((64, 64))
        assert all(max(pixel) - min(pixel) <= 2 for pixel in small.get_flattened_data()), "colour on paper"
