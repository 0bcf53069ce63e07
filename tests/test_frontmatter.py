"""Front-matter checks: one test per rule, asserting the Indonesian message a writer reads;
then the real build, broken in a copy, failing with every problem at once and no traceback."""

from __future__ import annotations

import sys

import pytest

from kda.checks.frontmatter import FrontMatterError, Rules, check_article, check_page, check_pages, read_front_matter

from conftest import ROOT, copy_project, run_cli_build

sys.path.insert(0, str(ROOT / "scripts"))

RULES = Rules(authors=("tim",), topics=("sistem-perlindungan-anak", "ekologi-anak"),
              categories=("Tentang Kelompok", "Catatan Belajar"))
POST = "artikel/posts/2014-01-20-hak-anak.md"
LABEL = "docs/" + POST
VALID = """---
title: Hak anak
description: Catatan tentang hak anak.
date: 2014-01-20
authors: [tim]
categories: [Catatan Belajar]
tags: [PKSA]
pokok_bahasan: [sistem-perlindungan-anak]
---

Pembuka.

<!-- more -->

Isi.
"""


def problems_of(text: str, path: str = POST) -> list[str]:
    article, problems = check_article(path, text, RULES)
    assert article is None
    return problems


def replaced(old: str, new: str) -> str:
    assert old in VALID
    return VALID.replace(old, new)


def test_a_valid_article_passes():
    article, problems = check_article(POST, VALID, RULES)
    assert problems == []
    assert article.title == "Hak anak" and article.authors == ("tim",)
    assert article.topics == ("sistem-perlindungan-anak",) and str(article.date) == "2014-01-20"


# --- one test per rule ---------------------------------------------------------------------

RULE_CASES = {
    "no front matter": (
        "Isi tanpa kepala.\n",
        [f"{LABEL}, baris 1: tulisan harus diawali kepala (front matter) di antara dua baris '---', berisi title, "
         "date dan authors. Salin contoh dari Panduan Menulis"],
    ),
    "front matter not closed": (
        "---\ntitle: Hak anak\n\nIsi.\n",
        [f"{LABEL}, baris 1: kepala halaman dibuka dengan '---' tetapi tidak ditutup. Tambahkan satu baris '---'"],
    ),
    "invalid YAML (colon in a title)": (
        replaced("title: Hak anak", "title: Hak anak: apa itu?"),
        [f"{LABEL}, baris 2, kolom 16: penulisan kepala halaman tidak sah di sekitar baris ini.",
         'apit nilainya dengan tanda kutip, misalnya title: "Hak anak: apa itu?".'],
    ),
    "not a mapping": (
        "---\n- title\n- date\n---\n\nIsi.\n",
        [f"{LABEL}, baris 2: kepala halaman harus berupa baris-baris nama: nilai, misalnya title: Judul tulisan;"],
    ),
    "duplicate key": (
        replaced("tags: [PKSA]", "tags: [PKSA]\ntitle: Lagi"),
        [f"{LABEL}, baris 8: kolom 'title' ditulis dua kali dalam satu entri (pertama di baris 2). Hapus salah satunya."],
    ),
    "misspelled key": (
        replaced("categories:", "categoris:"),
        [f"{LABEL}, baris 6: 'categoris' bukan nama kolom yang dikenal. Mungkin maksudnya 'categories'? "
         "Kolom yang boleh: title, description, date, authors, categories, tags, pokok_bahasan, draft,"],
    ),
    "singular key": (
        replaced("authors: [tim]", "authors: [tim]\nauthor: tim"),
        [f"{LABEL}, baris 6: 'author' bukan nama kolom yang dikenal. Mungkin maksudnya 'authors'?"],
    ),
    "Indonesian key": (
        replaced("authors: [tim]", "penulis: [tim]"),
        [f"{LABEL}, baris 5: 'penulis' bukan nama kolom yang dikenal. Mungkin maksudnya 'authors'?",
         f"{LABEL}: authors: wajib diisi, tetapi tidak ada, misalnya [tim]."],
    ),
    "title missing": (
        replaced("title: Hak anak\n", ""),
        [f'{LABEL}: title: wajib diisi, tetapi tidak ada, misalnya "Mengapa kami berdiskusi".'],
    ),
    "title with markup": (
        replaced("title: Hak anak", "title: Hak <em>anak</em>"),
        [f"{LABEL}, baris 2: title: harus teks biasa dalam satu baris, tanpa tanda < > \" (pakai “ ” atau ' untuk "
         "kutipan), tanpa kode &...; dan tanpa tanda Markdown (*, `, [ ], # di awal), misalnya \"Mengapa kami "
         'berdiskusi"; tertulis "Hak <em>anak</em>".'],
    ),
    "description with markup": (
        replaced("description: Catatan tentang hak anak.", "description: Catatan tentang **hak anak**."),
        [f"{LABEL}, baris 3: description: harus teks biasa dalam satu baris"],
    ),
    "date in another format": (
        replaced("date: 2014-01-20", "date: 20/1/2014"),
        [f'{LABEL}, baris 4: date: harus berupa tanggal berformat TTTT-BB-HH, misalnya 2014-01-20; tertulis "20/1/2014".'],
    ),
    "date not in the calendar": (
        replaced("date: 2014-01-20", "date: 2014-02-30"),
        [f"{LABEL}, baris 4: date: bukan tanggal yang ada di kalender (periksa bulan dan hari)"],
    ),
    "date in quotes": (
        replaced("date: 2014-01-20", 'date: "2014-01-20"'),
        [f'{LABEL}, baris 4: date: tulis tanggal tanpa tanda kutip, misalnya date: 2014-01-20; tertulis "2014-01-20" '
         "dengan tanda kutip."],
    ),
    "date missing": (
        replaced("date: 2014-01-20\n", ""),
        [f"{LABEL}: date: wajib diisi, tetapi tidak ada, misalnya 2014-01-20."],
    ),
    "authors not a list": (
        replaced("authors: [tim]", "authors: tim"),
        [f"{LABEL}, baris 5: authors: harus berupa daftar, misalnya [a, b] atau baris-baris berawalan '- ', "
         'misalnya [tim]; tertulis "tim".'],
    ),
    "authors empty": (
        replaced("authors: [tim]", "authors: []"),
        [f"{LABEL}, baris 5: authors:"],
    ),
    "unknown author": (
        replaced("authors: [tim]", "authors: [budi]"),
        [f'{LABEL}, baris 5: authors: penulis "budi" tidak dikenal. Penulis yang terdaftar di data/anggota.yml: tim. '
         "Tulis salah satu id itu; penulis baru didaftarkan pengurus di data/anggota.yml (dengan izinnya)."],
    ),
    "unknown category": (
        replaced("categories: [Catatan Belajar]", "categories: [catatan]"),
        [f'{LABEL}, baris 6: categories: kategori "catatan" tidak dikenal. Mungkin maksudnya "Catatan Belajar"? '
         "Kategori yang terdaftar di mkdocs.yml (categories_allowed): Tentang Kelompok, Catatan Belajar."],
    ),
    "unknown topic": (
        replaced("pokok_bahasan: [sistem-perlindungan-anak]", "pokok_bahasan: [perlindungan-anak]"),
        [f'{LABEL}, baris 8: pokok_bahasan: pokok bahasan "perlindungan-anak" tidak dikenal. '
         'Mungkin maksudnya "sistem-perlindungan-anak"? '
         "Pokok bahasan yang terdaftar di data/pokok_bahasan.yml: sistem-perlindungan-anak, ekologi-anak."],
    ),
    "draft not true or false": (
        replaced("tags: [PKSA]", "tags: [PKSA]\ndraft: ya"),
        [f'{LABEL}, baris 8: draft: harus true atau false, misalnya true; tertulis "ya".'],
    ),
    "excerpt separator missing": (
        VALID.replace("<!-- more -->\n", ""),
        [f"{LABEL}: baris <!-- more --> belum ada. Tulis baris itu sesudah paragraf pembuka"],
    ),
    "tab in the front matter": (
        replaced("date: 2014-01-20", "date: 2014-01-20\n\tdraft: true"),
        [f"{LABEL}, baris 5, kolom 1: penulisan kepala halaman tidak sah", "Ada karakter tab: ganti dengan spasi."],
    ),
}


@pytest.mark.parametrize("name", RULE_CASES)
def test_each_rule_has_an_indonesian_message(name):
    text, expected = RULE_CASES[name]
    problems = problems_of(text)
    joined = "\n".join(problems)
    for fragment in expected:
        assert fragment in joined, joined


@pytest.mark.parametrize("path", ["artikel/posts/Hak Anak.md", "artikel/posts/hak-anak.md",
                                  "artikel/posts/2014-13-01-hak-anak.md", "artikel/posts/2014/hak-anak.md"])
def test_post_file_name_must_start_with_its_date(path):
    problems = problems_of(VALID, path)
    assert problems == [f"docs/{path}: nama berkas tulisan harus berbentuk TTTT-BB-HH-judul-singkat.md (tanggal terbit, "
                        "lalu judul singkat dengan huruf kecil, angka dan tanda minus), langsung di folder "
                        "docs/artikel/posts/, misalnya 2014-01-20-hak-anak.md. Ganti nama berkasnya."]


def test_every_problem_of_a_file_is_reported():
    text = replaced("authors: [tim]", "authors: [budi]").replace("date: 2014-01-20", "date: kemarin")
    text = text.replace("categories:", "kategori:")
    problems = problems_of(text)
    assert len(problems) == 3
    assert any("'kategori' bukan nama kolom yang dikenal. Mungkin maksudnya 'categories'?" in p for p in problems)


# --- other writers' pages --------------------------------------------------------------------

def test_notes_and_material_pages_have_few_keys():
    assert check_page("pertemuan/02-x.md", "---\ntitle: Catatan\ndescription: Ringkas.\n---\nIsi\n") == []
    assert check_page("pertemuan/02-x.md", "Isi tanpa kepala\n") == []
    [problem] = check_page("pertemuan/02-x.md", "---\njudul: Catatan\n---\nIsi\n")
    assert problem == ("docs/pertemuan/02-x.md, baris 2: 'judul' bukan nama kolom yang dikenal. "
                       "Mungkin maksudnya 'title'? Kolom yang boleh: title, description, hide, tanggapan.")
    [problem] = check_page("materi/x.md", "---\ntitle: [Materi\n---\nIsi\n")
    assert problem.startswith("docs/materi/x.md, baris 3, kolom 1: penulisan kepala halaman tidak sah")


def test_reader_is_reusable_with_line_numbers():
    data, problems = read_front_matter("---\ntitle: A\ndescription: B\n---\nIsi\n", "docs/x.md")
    assert problems == []
    assert data.content == {"title": "A", "description": "B"}
    assert data.line_of(("description",)) == 3


def test_all_files_are_checked_before_failing():
    pages = {
        POST: replaced("authors: [tim]", "authors: [budi]"),
        "artikel/posts/2014-01-21-lain.md": "Tanpa kepala\n",
        "pertemuan/02-x.md": "---\njudul: x\n---\n",
        "jadwal.md": "---\napa_saja: boleh\n---\n",  # maintainers' pages too: a pull request may edit them
        "artikel/tulisan-saya.md": VALID,
    }
    with pytest.raises(FrontMatterError) as error:
        check_pages(pages, RULES)
    assert len(error.value.problems) == 5
    assert str(error.value).startswith("Kepala (front matter) halaman tidak sah (5 masalah).")
    assert "docs/jadwal.md, baris 2: 'apa_saja' bukan nama kolom yang dikenal." in str(error.value)
    assert ("docs/artikel/tulisan-saya.md: tulisan anggota harus berada langsung di folder docs/artikel/posts/. "
            "Pindahkan berkasnya ke sana") in str(error.value)


# --- the real build ------------------------------------------------------------------------

ARTICLE = "docs/artikel/posts/2013-12-22-mengapa-kami-berdiskusi.md"


def edit(project, relative, old, new):
    path = project / relative
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {relative}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.mark.build
def test_build_stops_with_every_front_matter_problem_and_no_traceback(tmp_path):
    project = copy_project(tmp_path / "project")
    edit(project, ARTICLE, "title: Mengapa kami membentuk kelompok diskusi aktif", "title: Mengapa: kami")
    (project / "docs/artikel/posts/2014-01-20-hak-anak.md").write_text(
        "---\ntitle: Hak anak\nauthors: [budi]\ndate: 2014-01-20\n---\n\nPembuka.\n\n<!-- more -->\n\nIsi.\n", encoding="utf-8")
    edit(project, "docs/pertemuan/02-perlindungan-anak.md", "", "---\njudul: Catatan\n---\n")
    (project / "docs/pertemuan/16-tambahan.md").write_text("## Isi\n", encoding="utf-8")  # and a page problem
    result = run_cli_build(project)
    output = result.stdout + result.stderr
    assert result.returncode == 1, output
    assert "Kepala (front matter) halaman tidak sah (3 masalah)." in output
    assert f"{ARTICLE}, baris 2, kolom 15: penulisan kepala halaman tidak sah" in output
    assert ('docs/artikel/posts/2014-01-20-hak-anak.md, baris 3: authors: penulis "budi" tidak dikenal. '
            "Penulis yang terdaftar di data/anggota.yml: tim.") in output
    assert "docs/pertemuan/02-perlindungan-anak.md, baris 2: 'judul' bukan nama kolom yang dikenal." in output
    assert "docs/pertemuan/16-tambahan.md: tidak ada pertemuan 16 di data/pertemuan.yml." in output  # same run
    assert "Traceback" not in output
    assert not (project / "site" / "index.html").exists()


@pytest.mark.build
def test_unknown_category_fails_before_the_blog_plugin_english_error(tmp_path):
    project = copy_project(tmp_path / "project")
    edit(project, ARTICLE, "  - Tentang Kelompok", "  - Opini")
    output = run_cli_build(project).stderr
    assert f'{ARTICLE}, baris 8: categories: kategori "Opini" tidak dikenal.' in output
    assert "Traceback" not in output


def test_the_pre_commit_check_reports_front_matter_problems_of_changed_files(tmp_path, capsys):
    import periksa

    project = copy_project(tmp_path / "project")
    edit(project, ARTICLE, "  - tim", "  - budi")
    assert periksa.main(["docs/pertemuan/02-perlindungan-anak.md"], root=project) == 0  # not a changed file
    assert periksa.main([ARTICLE], root=project) == 1
    assert f'{ARTICLE}, baris 6: authors: penulis "budi" tidak dikenal.' in capsys.readouterr().out
