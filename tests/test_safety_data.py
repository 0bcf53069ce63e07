"""Data files are content too: `data/*.yml` values reach pages as plain text, never as markup.

The values are rendered into maintainer pages (schedule, topic index, members), into the headers of
notes and material pages, into the authors' profiles and, through the blog's authors file, into
Material's own templates. Two copies of the project:

- one whose data carry HTML (a tag, a character reference): the model refuses each value, naming
  file, line, entry and field, before anything is built;
- one whose data carry Markdown and attribute tricks that are not HTML (a `javascript:` link, an
  attribute list, an image of another host, emphasis, a table's pipe, line-start block syntax, a
  quote that would close an attribute): the site builds, and each value is shown as the text it is.
"""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from conftest import (
    assert_refused_at,
    assert_refused_without_trace,
    cli_build_of,
    copy_project,
    environment,
    run_cli_build,
)


def edit(project, relative: str, old: str, new: str) -> None:
    path = project / relative
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {relative}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


# name -> (file, old text, new text, fragments of its message)
REFUSED = {
    "tema-tag": ("data/pertemuan.yml", "  tema: Perlindungan anak dan permasalahan anak\n",
                 "  tema: Perlindungan <img src=x onerror=alert(1)>\n", ["pertemuan 2, tema: harus teks biasa"]),
    "tempat-entity": ("data/pertemuan.yml", "\n  tempat: FKPS\n", "\n  tempat: '&lt;script&gt;alert(1)&lt;/script&gt;'\n",
                      ["pertemuan 2, tempat: harus teks biasa"]),
    "tempat-lain-tag": ("data/pertemuan.yml", "    - LKSA Bayi Sehat Muhammadiyah Bandung\n",
                        "    - '<a href=\"javascript:alert(1)\">LKSA</a>'\n", ["pertemuan 0, tempat_lain[1]: harus teks biasa"]),
    "catatan-comment": ("data/pertemuan.yml", "  catatan_sumber: >-\n    Baris sumber",
                        "  catatan_sumber: >-\n    <!-- x --> Baris sumber", ["pertemuan 1, catatan_sumber: harus teks biasa"]),
    "nama-svg": ("data/anggota.yml", "  nama: Tim Kelompok Diskusi\n", "  nama: <svg onload=alert(1)>\n",
                 ["nama: harus teks biasa"]),
    "judul-title-breakout": ("data/materi.yml", "\n  judul: Masalah Anak\n", "\n  judul: </title><script>alert(1)</script>\n",
                             ["materi masalah-anak, judul: harus teks biasa"]),
    "berkas-markdown": ("data/materi.yml", "\n  ringkasan: Materi 1 pertemuan pendahuluan",
                        "\n  berkas: 'x.pdf){: onclick=alert(1) }'\n  ringkasan: Materi 1 pertemuan pendahuluan",
                        ["materi masalah-anak, berkas: tulis nama berkas saja, tanpa folder dan tanpa spasi"]),
    "zona-link": ("data/kelompok.yml", "singkatan_zona: WIB\n", "singkatan_zona: '[WIB](javascript:alert(1))'\n",
                  ["singkatan_zona: harus singkatan zona waktu"]),
    "ringkasan-tag": ("data/pokok_bahasan.yml", "  ringkasan: Apa itu diskusi aktif",
                      "  ringkasan: <b onmouseover=alert(1)>Apa</b> itu diskusi aktif",
                      ["pokok bahasan konsep-diskusi-aktif, ringkasan: harus teks biasa"]),
}


@pytest.fixture(scope="module")
def refused(tmp_path_factory):
    project = copy_project(tmp_path_factory.mktemp("data-refused") / "project")
    for file, old, new, _ in REFUSED.values():
        edit(project, file, old, new)
    return cli_build_of(project)


@pytest.mark.build
def test_refused_data_build_nothing_and_no_traceback(refused):
    assert_refused_without_trace(refused, "")


@pytest.mark.build
@pytest.mark.parametrize("name", REFUSED)
def test_html_in_a_data_value_is_refused_with_file_line_and_field(refused, name):
    file, _, _, fragments = REFUSED[name]
    assert_refused_at(refused, f"{file}, baris ", fragments)


# --- data that look like Markdown: published as the text they are ---------------------------

TRICKS = {
    "tempat": ("data/pertemuan.yml", "\n  tempat: FKPS\n", "\n  tempat: '[klik](javascript:alert(1)) di FKPS'\n"),
    "tema": ("data/pertemuan.yml", "  tema: Perlindungan anak dan permasalahan anak\n",
             "  tema: '![piksel](https://evil.example/p.png) Perlindungan *anak*'\n"),
    "catatan": ("data/pertemuan.yml", "  materi: [perlindungan-permasalahan-anak]\n",
                "  materi: [perlindungan-permasalahan-anak]\n  catatan_sumber: |\n    Catatan pertama.\n"
                "    {: onclick=\"alert(1)\" }\n\n    # Judul palsu\n    1. satu\n    - dua\n    > kutip\n"),
    "tempat-lain": ("data/pertemuan.yml", "    - LKSA Bayi Sehat Muhammadiyah Bandung\n",
                    "    - 'LKSA | sel | palsu {#x .y} `kode` _miring_ anak < 5 tahun & lainnya'\n"),
    "nama": ("data/anggota.yml", "  nama: Tim Kelompok Diskusi\n", "  nama: 'Tim\" onload=\"alert(1)'\n"),
    "bio": ("data/anggota.yml", "  bio: Tulisan bersama",
            "  bio: '- [tautan](javascript:alert(2)) {: onmouseover=alert(3) }' # "),
    "ringkasan": ("data/pokok_bahasan.yml", "  ringkasan: Apa itu diskusi aktif",
                  "  ringkasan: '!!! danger \"Palsu\"' #"),
    "materi": ("data/materi.yml", "  ringkasan: Materi 1 pertemuan pendahuluan",
               "  ringkasan: '<< x >> [a][b] **tebal** \\*' #"),
}

SHOWN = {  # page -> text a reader must see there, exactly
    "jadwal/index.html": ["[klik](javascript:alert(1)) di FKPS", "![piksel](https://evil.example/p.png) Perlindungan *anak*"],
    "pertemuan/02-perlindungan-anak/index.html": [
        'Catatan pertama. {: onclick="alert(1)" } # Judul palsu 1. satu - dua > kutip'],
    "pertemuan/00-pendahuluan/index.html": ["LKSA | sel | palsu {#x .y} `kode` _miring_ anak < 5 tahun & lainnya"],
    "artikel/author/tim/index.html": ["- [tautan](javascript:alert(2)) {: onmouseover=alert(3) }"],
    "topik/index.html": ['!!! danger "Palsu"'],
    "materi/masalah-anak/index.html": ["<< x >> [a][b] **tebal** \\*"],
}


@pytest.fixture(scope="module")
def tricked(tmp_path_factory):
    project = copy_project(tmp_path_factory.mktemp("data-tricks") / "project")
    for file, old, new in TRICKS.values():
        edit(project, file, old, new)
    with environment(KDA_TANPA_PDF="1"):
        result = run_cli_build(project)
    assert result.returncode == 0, (result.stdout + result.stderr)[-3000:]
    return project / "site"


def text_of(soup) -> str:
    return " ".join(soup.get_text(" ").split())


@pytest.mark.parametrize("page", SHOWN)
def test_markdown_in_data_is_shown_as_text(tricked, page):
    soup = BeautifulSoup((tricked / page).read_text(encoding="utf-8"), "lxml")
    content = soup.select_one("article.md-content__inner") or soup
    for text in SHOWN[page]:
        assert " ".join(text.split()) in text_of(content), (text, text_of(content)[:2000])


@pytest.mark.build
def test_no_data_value_became_a_link_an_image_an_attribute_or_a_block(tricked):
    for path in tricked.rglob("*.html"):
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "lxml")
        for element in soup.find_all(True):
            assert not [a for a in element.attrs if a.lower().startswith("on")], (path, element)
            for attribute in ("href", "src", "srcset"):
                value = str(element.get(attribute, "")).strip().lower()
                assert not value.startswith(("javascript:", "data:")), (path, element)
                assert attribute == "href" or "evil.example" not in value, (path, element)
        content = soup.select_one("article.md-content__inner")
        if content is not None:
            assert not content.select(".admonition.danger"), path
            assert not [h for h in content.find_all("h1") if "Judul palsu" in h.get_text()], path


@pytest.mark.build
def test_the_authors_name_stays_inside_its_attribute(tricked):
    post = BeautifulSoup((tricked / "artikel" / "2013-12-22-mengapa-kami-berdiskusi" / "index.html")
                         .read_text(encoding="utf-8"), "lxml")
    avatars = post.select(".md-author img")
    assert avatars and all(img["alt"] == 'Tim" onload="alert(1)' for img in avatars)
    assert all(set(img.attrs) <= {"src", "alt"} for img in avatars)
