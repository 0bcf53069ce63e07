"""The identifier scan against a writer who reads its patterns: every published string, normalised.

Each case hides a child's or client's identifier another way (how an NIK is usually written,
separators, HTML comments and tags inside a number, zero-width characters, character
references, other digit forms, lowercase addresses, link and image titles, front-matter values,
file names and gallery captions) and must still be found; the non-identifiers a writer really
uses (years, dates, times, money, list numbers) must still pass. One build proves the file names,
the gallery and the data files end to end.
"""

from __future__ import annotations

import time

import pytest

from kda.checks import privacy
from kda.checks.safety import SourceChecker

from conftest import copy_project, run_cli_build

NIK = "nomor NIK atau KK (16 angka)"
ID = "nomor identitas (NIK, KK, NISN atau akta)"
PHONE = "nomor telepon"
EMAIL = "alamat surel (e-mail)"
STREET = "alamat jalan"
RTRW = "alamat RT/RW"


def kinds(markdown: str, allowed: tuple[str, ...] = ()) -> set[str]:
    tokens = SourceChecker().tokens(markdown)
    return {finding.kind for finding in privacy.scan(privacy.text_units(tokens), allowed)}


FOUND = {
    # how an NIK is written, and ways to split it
    "nik-grouped": ("Anak R., NIK 3273 0101 0101 0001.", NIK),
    "nik-grouped-no-label": ("Datanya 3273 0101 0101 0001 sudah ada.", NIK),
    "nik-dashes": ("Nomornya 3273-0101-0101-0001.", NIK),
    "nik-dots": ("Nomornya 3273.0101.0101.0001.", NIK),
    "nik-6-6-4": ("Nomornya 327301 010101 0001.", NIK),
    "nik-spaced-dash": ("Nomornya 3273 - 0101 - 0101 - 0001.", NIK),
    "nik-nbsp": ("Nomornya 3273\u00a00101\u00a00101\u00a00001.", NIK),
    "nik-thin-space": ("Nomornya 3273\u20090101\u20090101\u20090001.", NIK),
    "nik-en-dash": ("Nomornya 3273–0101–0101–0001.", NIK),
    "nik-zero-width": ("Nomornya 3273\u200b0101\u200c0101\u200d0001.", NIK),
    "nik-soft-hyphen": ("Nomornya 32730101\u00ad01010001.", NIK),
    "nik-word-joiner": ("Nomornya 3273\u206001010101\ufeff0001.", NIK),
    "nik-entity-zero-width": ("Nomornya 3273&#8203;010101010001.", NIK),
    "nik-entity-digits": ("Nomornya &#51;&#50;&#55;&#51;010101010001.", NIK),
    "nik-comment": ("Nomornya 3273<!-- -->010101010001.", NIK),
    "nik-comment-lines": ("Nomornya 3273<!--\n-->010101010001.", NIK),
    "nik-empty-tags": ("Nomornya 3273<b></b>0101<i></i>01010001.", NIK),
    "nik-spans": ("Nomornya <span>3273</span><span>0101</span><span>0101</span><span>0001</span>.", NIK),
    "nik-html-block": ("<div>\n3273<span>0101</span>01010001\n</div>", NIK),
    "nik-cells": ("<table><tr><td>3273</td><td>0101</td><td>0101</td><td>0001</td></tr></table>", NIK),
    "nik-soft-break": ("Nomornya 3273 0101\n0101 0001 tercatat.", NIK),
    "nik-br": ("Nomornya 3273 0101<br>0101 0001.", NIK),
    "nik-fullwidth": ("Nomornya ３２７３０１０１０１０１０００１.", NIK),
    "nik-arabic-indic": ("Nomornya ٣٢٧٣٠١٠١٠١٠١٠٠٠١.", NIK),
    "nik-math-digits": ("Nomornya 𝟑𝟐𝟕𝟑𝟎𝟏𝟎𝟏𝟎𝟏𝟎𝟏𝟎𝟎𝟎𝟏.", NIK),
    "nik-code-piece": ("Nomornya 3273`0101`01010001.", NIK),
    "nik-emphasis": ("Nomornya 3273*0101*01010001.", NIK),
    "nik-escaped": ("Nomornya 3273\\-0101\\-0101\\-0001.", NIK),
    "nik-after-letters": ("Kode anak-3273010101010001.", NIK),
    "nik-then-more-digits": ("Nomornya 3273 0101 0101 0001 2014.", NIK),
    "nik-lowercase-label": ("nik: 3273-0101-0101", ID),
    "nisn": ("NISN 0012345678 di sekolahnya.", ID),
    # in attributes, titles and alternative texts
    "link-title": ('[data](https://example.org "NIK 3273010101010001")', NIK),
    "image-title": ('![foto](foto.png "HP ibu 0812-3456-7890")', PHONE),
    "image-alt": ("![anak di Jl. Merdeka No. 5](foto.png)", STREET),
    "reference-title": ('[data][r]\n\n[r]: https://example.org "3273 0101 0101 0001"', NIK),
    "abbr-title": ('<abbr title="0812 3456 7890">HP</abbr>', PHONE),
    "link-href-digits": ("[profil](https://example.org/anak/3273010101010001)", NIK),
    # phones
    "phone-spaces": ("HP walinya 0812 3456 7890.", PHONE),
    "phone-dots": ("HP walinya 0812.3456.7890.", PHONE),
    "phone-en-dash": ("HP walinya 0812–3456–7890.", PHONE),
    "phone-zero-width": ("HP walinya 0812\u200b3456\u200b7890.", PHONE),
    "phone-comment": ("HP walinya 0812<!-- x -->34567890.", PHONE),
    "phone-plus-paren": ("HP walinya +62 (812) 3456-7890.", PHONE),
    "phone-62": ("HP walinya 62 812 3456 7890.", PHONE),
    "phone-fullwidth": ("HP walinya ０８１２３４５６７８９０.", PHONE),
    "landline-spaces": ("Telepon rumah (022) 720 1234.", PHONE),
    "landline-plain": ("Telepon rumah 0227201234.", PHONE),
    # e-mail
    "email-upper": ("Surel IBU.ANAK@GMAIL.COM", EMAIL),
    "email-at-words": ("Surel ibu.anak [at] gmail [dot] com", EMAIL),
    "email-paren": ("Surel ibu.anak(at)gmail(dot)com", EMAIL),
    "email-spaced": ("Surel ibu.anak @ gmail.com", EMAIL),
    "email-entity": ("Surel <span>ibu.anak&#64;gmail.com</span>", EMAIL),
    "email-zero-width": ("Surel ibu.anak@gm\u200bail.com", EMAIL),
    "email-comment": ("Surel ibu.anak@<!-- -->gmail.com", EMAIL),
    # streets and RT/RW
    "street-lower-jl": ("tinggal di jl. merdeka no. 5", STREET),
    "street-lower-jln": ("tinggal di jln braga 10", STREET),
    "street-upper": ("TINGGAL DI JL. MERDEKA", STREET),
    "street-jalan-no": ("tinggal di jalan braga no 10", STREET),
    "street-gg": ("rumahnya di gg. mawar", STREET),
    "street-blok": ("komplek itu blok c-12", STREET),
    "street-split": ("tinggal di Jl.<b></b> Merdeka", STREET),
    "rt-lower": ("di rt 02/rw 05 kelurahan itu", RTRW),
    "rt-dots": ("di rt.02 rw.05 kelurahan itu", RTRW),
    "rt-glued": ("di RT02RW05 kelurahan itu", RTRW),
    "rt-combined-lower": ("domisili rt/rw 003/011", RTRW),
    "rw-first": ("di RW 05 RT 02 kelurahan itu", RTRW),
    "rukun-tetangga": ("di rukun tetangga 02 kelurahan itu", RTRW),
    "rt-zero-width": ("di RT\u200b 02/RW\u200b 05", RTRW),
}

PASSES = [
    "Tahun 2012, 2013, 2014 dan 2015.", "Pertemuan 2014-01-16 dan 2014-01-23.", "Pukul 08.00 10.00 12.00 WIB.",
    "Angkatan 2014 2015 2016 2017.", "Biaya Rp 2.500.000.000 setahun.", "ISBN 978-602-1234-56-7.",
    "Kami berjalan kaki 5 km.", "Berjalan di gang sempit bersama.", "KK dan NIK anak wajib dirahasiakan.",
    "Pertemuan 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15.", "Tanggal 16-01-2014 s.d. 23-01-2014.",
    "Skor 12 13 14 15 16 17 18 19.", "Jam 13.00–16.30 WIB, 11 anggota, kuorum 7.", "Versi 1.6.1 dan 9.8.1.",
    "Nomor surat 460/1234/2013.", "jalan keluar bersama; jalan tengah.", "RT dan RW setempat.",
    "UU No. 35 Tahun 2014 tentang Perubahan atas UU No. 23 Tahun 2002.", "Kode `3273010101010001` dalam kode.",
    "Usia 12-15 tahun, 3 anak, 2 keluarga.", "Pukul 08.00-12.00 dan 13.00-16.30.", "Sesi 1 2 3 4 5 6 7 8.",
]


@pytest.mark.parametrize("name", FOUND)
def test_a_hidden_identifier_is_found(name):
    text, kind = FOUND[name]
    assert kind in kinds(text), (text, kinds(text))


@pytest.mark.parametrize("text", PASSES)
def test_what_writers_really_write_passes(text):
    assert kinds(text) == set()


def test_the_finding_names_the_line_where_the_number_starts():
    tokens = SourceChecker().tokens("Judul\n\nSatu baris.\nNomornya 3273 0101\n0101 0001.\n")
    findings = privacy.scan(privacy.text_units(tokens), ())
    assert [(f.line, f.kind) for f in findings] == [(4, NIK)]


def test_an_allowed_public_number_passes_however_it_is_spaced():
    allowed = ("022-7201234",)
    assert kinds("Kantor dinas 022-7201234.", allowed) == set()
    assert kinds("Kantor dinas 022-7201234, HP 0812 3456 7890.", allowed) == {PHONE}


@pytest.mark.parametrize("meta, kind", [
    ({"description": "3273 0101 0101 0001"}, NIK),
    ({"title": "Kasus", "extra": {"catatan": ["HP 0812\u200b3456\u200b7890"]}}, PHONE),
    ({"kode": 3273010101010001}, NIK),
    ({"tags": ["jl. merdeka no. 5"]}, STREET),
    ({"3273010101010001": "kunci"}, NIK),
])
def test_front_matter_values_keys_and_numbers_are_scanned(meta, kind):
    assert kind in {f.kind for f in privacy.scan(privacy.meta_units(meta), ())}


@pytest.mark.parametrize("path, kind", [
    ("artikel/posts/2014-01-20-anak-3273010101010001.md", NIK),
    ("artikel/posts/2014-01-20-nik-3273-0101-0101-0001.md", NIK),
    ("uji/foto-0812-3456-7890.jpg", PHONE),
    ("pertemuan/02-x/foto/rumah-jl-merdeka-no-5.jpg", STREET),
    ("materi/peta_rt_02_rw_05.pdf", RTRW),
    ("uji/ibu.anak@gmail.com.pdf", EMAIL),
])
def test_file_names_are_scanned(path, kind):
    assert kind in {f.kind for f in privacy.name_findings(path, ())}


def test_the_sites_own_file_names_have_no_finding():
    from conftest import ROOT

    for path in sorted((ROOT / "docs").rglob("*")):
        name = path.relative_to(ROOT / "docs").as_posix()
        assert privacy.name_findings(name, ()) == [], name


@pytest.mark.parametrize("text", ["a" * 300_000, "1" * 300_000, "a." * 150_000, "a@" * 150_000, "0 8" * 100_000,
                                  "RT 1 " * 60_000, "Jl " * 100_000, "<!--" * 75_000, "&#" * 150_000, "<a " * 100_000,
                                  "3273 " * 60_000, "+62 " * 75_000], ids=lambda text: f"{text[:4]!r}x{len(text)}")
def test_the_scan_is_linear_on_a_300000_character_line(text):
    start = time.perf_counter()
    privacy.scan([(1, text, "html")], ())
    assert time.perf_counter() - start < 10  # quadratic patterns took minutes here


# --- end to end: names of files, gallery captions, data -------------------------------------

@pytest.mark.build
def test_identifiers_in_file_names_captions_and_data_stop_the_build(tmp_path):
    from PIL import Image

    project = copy_project(tmp_path / "project")
    posts = project / "docs" / "artikel" / "posts"
    (posts / "2014-01-05-anak-3273-0101-0101-0001.md").write_text(
        "---\ntitle: Uji\ndate: 2014-01-05\nauthors: [tim]\ncategories: [Catatan Belajar]\n---\n\n"
        "Pembuka.\n\n<!-- more -->\n\nIsi.\n", encoding="utf-8")
    note = project / "docs" / "pertemuan" / "02-perlindungan-anak.md"
    Image.new("RGB", (8, 8)).save(project / "docs" / "pertemuan" / "foto-0812-3456-7890.png")
    note.write_text(note.read_text(encoding="utf-8") + "\n![Foto](foto-0812-3456-7890.png)\n", encoding="utf-8")
    gallery = project / "docs" / "pertemuan" / "02-perlindungan-anak" / "foto"
    gallery.mkdir(parents=True)
    Image.new("RGB", (8, 8)).save(gallery / "rumah-rt-02-rw-05.jpg")
    (gallery / "galeri.yml").write_text(
        "- berkas: rumah-rt-02-rw-05.jpg\n  keterangan: Rumah anak di jl. merdeka no. 5\n  izin_publikasi: true\n",
        encoding="utf-8")
    with open(project / "data" / "anggota.yml", "a", encoding="utf-8") as members:
        members.write("\n- id: contoh-uji\n  nama: Contoh Uji\n  jenis: anggota\n  bio: NIK 3273\u200b0101\u200b0101\u200b0001\n")
    result = run_cli_build(project)
    output = result.stdout + result.stderr
    assert result.returncode == 1 and "Traceback" not in output
    assert '- docs/artikel/posts/2014-01-05-anak-3273-0101-0101-0001.md: nama berkas memuat nomor NIK' in output
    assert '- docs/pertemuan/foto-0812-3456-7890.png: nama berkas memuat nomor telepon' in output
    assert '- docs/pertemuan/02-perlindungan-anak/foto/rumah-rt-02-rw-05.jpg: nama berkas memuat alamat RT/RW' in output
    assert ('- docs/pertemuan/02-perlindungan-anak/foto/galeri.yml, baris 2: tertulis alamat jalan' in output)
    assert "data/anggota.yml, baris" in output and "tertulis nomor NIK atau KK (16 angka)" in output
    assert "3273\u200b0101" not in output  # the data's value is masked in the log


def test_the_pre_commit_check_finds_names_captions_and_located_images(tmp_path):
    import sys
    from pathlib import Path

    from PIL import Image

    from contoh import photo_with_gps

    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))
    import periksa

    project = copy_project(tmp_path / "project")
    folder = project / "docs" / "materi"
    photo_with_gps(folder / "peta-rumah.jpg", size=(64, 48))
    Image.new("RGB", (8, 8)).save(folder / "wali-0812-3456-7890.png")
    gallery = project / "docs" / "pertemuan" / "02-perlindungan-anak" / "foto"
    gallery.mkdir(parents=True)
    Image.new("RGB", (8, 8)).save(gallery / "satu.jpg")
    (gallery / "galeri.yml").write_text(
        "- berkas: satu.jpg\n  keterangan: HP ibu 0812 3456 7890\n  izin_publikasi: true\n", encoding="utf-8")
    changed = ["docs/materi/peta-rumah.jpg", "docs/materi/wali-0812-3456-7890.png",
               "docs/pertemuan/02-perlindungan-anak/foto/galeri.yml"]
    problems = periksa.run_checks(periksa.Project.load(project), changed)
    assert any(p.startswith("docs/materi/wali-0812-3456-7890.png: nama berkas memuat nomor telepon") for p in problems)
    assert any(p.startswith("docs/materi/peta-rumah.jpg: gambar ini masih menyimpan lokasi GPS") for p in problems)
    assert any(p.startswith("docs/pertemuan/02-perlindungan-anak/foto/galeri.yml, baris 2: tertulis nomor telepon")
               for p in problems), problems
