"""Links, anchors and images (hooks/kda/checks/links.py): each mistake a writer makes, as a test of the
pure check, then in the build (`mkdocs build --strict` in a subprocess, as a writer runs it) and in
scripts/periksa.py on the same files, with the same Indonesian text; and the real site, whose every
link must pass (no false positive)."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from markdown.extensions.toc import slugify
from mkdocs.utils.meta import get_data

from kda.checks import links
from kda.checks.guard import lines_before
from kda.settings import Settings
from kda.wiring.console import STOPPED, strict_text

from conftest import ROOT, copy_project, run_cli_build

sys.path.insert(0, str(ROOT / "scripts"))
import periksa

SETTINGS = Settings.from_file(ROOT / "mkdocs.yml")
POST = "artikel/posts/2014-01-20-contoh.md"
FRONT = "---\ntitle: Contoh\ndate: 2014-01-20\nauthors: [tim]\n---\n\n"


def anchors_of(markdown: str) -> tuple[str, ...]:
    return links.markdown_anchors(markdown, SETTINGS.markdown_extensions, SETTINGS.markdown_configs)


PAGES = {
    "index.md": "# Beranda\n",
    "jadwal.md": "# Jadwal\n\n## Akan datang\n\n## Sebelumnya\n",
    "tor.md": "# Kerangka Acuan\n\n## Latar belakang\n",
    "pertemuan/02-perlindungan-anak.md": "## Yang dibahas\n",
    POST: "## Bagian pertama\n",
}
TARGETS = links.Targets(
    pages=frozenset(PAGES) | {"jadwal/2014.md"},
    files=frozenset({"artikel/posts/papan-plano.jpg", "pertemuan/foto/kegiatan.jpg", "materi/uu.pdf", "jadwal.ics"}),
    anchors=lambda page: anchors_of(PAGES[page]) if page in PAGES else None,
    made_by_build=("grafik/",),
)


def problems(source: str, page: str = POST) -> list[str]:
    markdown = get_data(source)[0]
    return links.page_problems(f"docs/{page}", page, markdown, lambda: lines_before(source, markdown), TARGETS)


def line_of(source: str, text: str) -> int:
    return next(number for number, line in enumerate(source.splitlines(), 1) if text in line)


# --- the pure check ----------------------------------------------------------------------------

def test_a_mistyped_page_is_named_with_its_line_and_the_page_meant():
    source = FRONT + "Pembuka.\n\nLihat [jadwal](jadwl.md) minggu ini.\n"
    assert problems(source) == [f'docs/{POST}, baris {line_of(source, "jadwl")}: tautan "jadwl.md" tidak menuju '
                                'halaman mana pun. Mungkin maksudnya "../../jadwal.md"?']


def test_a_page_linked_from_the_wrong_folder_is_found_by_its_name():
    (problem,) = problems("[TOR](../tor.md)\n")
    assert problem.endswith('tautan "../tor.md" tidak menuju halaman mana pun. Mungkin maksudnya "../../tor.md"?')


def test_a_link_written_as_an_address_is_pointed_at_the_page_file():
    (problem,) = problems("[jadwal](../../jadwal/)\n")
    assert 'Mungkin maksudnya "../../jadwal.md"?' in problem
    (problem,) = problems("[jadwal](/jadwal/)\n")
    assert 'tautan "/jadwal/" diawali "/", sehingga tidak menuju halaman situs ini' in problem
    assert 'Mungkin maksudnya "../../jadwal.md"?' in problem


def test_a_page_with_no_close_name_says_where_links_start():
    (problem,) = problems("[x](sesuatu-yang-lain.md)\n")
    assert problem.endswith('tidak menuju halaman mana pun. Tautan dihitung dari folder halaman ini '
                            '(docs/artikel/posts/): periksa nama berkas dan foldernya, dan akhiri dengan .md, '
                            'misalnya "jadwal.md".')


def test_a_missing_anchor_on_the_same_page_names_the_close_one():
    source = FRONT + "## Bagian pertama\n\nKembali ke [atas](#bagian-pertamaa).\n"
    assert problems(source) == [f'docs/{POST}, baris {line_of(source, "atas")}: tautan "#bagian-pertamaa" tidak '
                                'menuju bagian mana pun di halaman ini. Bagian yang mirip: "#bagian-pertama".']


def test_a_missing_anchor_on_another_page_lists_the_anchors_it_has():
    (problem,) = problems("[jadwal](../../jadwal.md#akan-datangg)\n")
    assert problem.endswith('tautan "../../jadwal.md#akan-datangg": halaman docs/jadwal.md tidak punya bagian '
                            '"#akan-datangg". Bagian yang mirip: "#akan-datang".')
    (problem,) = problems("[jadwal](../../jadwal.md#tidak-ada)\n")
    assert ('halaman docs/jadwal.md tidak punya bagian "#tidak-ada". Bagian yang ada: "#jadwal", "#akan-datang", '
            '"#sebelumnya". Alamat bagian dibentuk dari judulnya: "## Yang Dibahas" menjadi "#yang-dibahas".') in problem


def test_an_anchor_only_a_build_knows_is_left_to_the_build():
    assert problems("[2014](../../jadwal/2014.md#pertemuan-20)\n") == []


def test_a_missing_image_names_its_folder():
    source = FRONT + "Foto:\n\n![papan](papan.jpg)\n\n![kegiatan](../../pertemuan/foto/kegiatan.JPG)\n"
    assert problems(source) == [
        f'docs/{POST}, baris {line_of(source, "papan.jpg")}: gambar "papan.jpg" tidak ada di folder '
        'docs/artikel/posts/; unggah berkasnya di samping halaman atau perbaiki namanya. '
        'Mungkin maksudnya "papan-plano.jpg"?',
        f'docs/{POST}, baris {line_of(source, "kegiatan.JPG")}: gambar "../../pertemuan/foto/kegiatan.JPG" tidak ada '
        'di folder docs/pertemuan/foto/; unggah berkasnya di samping halaman atau perbaiki namanya. '
        'Mungkin maksudnya "../../pertemuan/foto/kegiatan.jpg"?',
    ]


def test_a_missing_file_is_named():
    (problem,) = problems("[UU](../../materi/uu-2002.pdf)\n")
    assert problem.endswith('tautan "../../materi/uu-2002.pdf" tidak menuju berkas mana pun: '
                            'docs/materi/uu-2002.pdf tidak ada. Mungkin maksudnya "../../materi/uu.pdf"?')


def test_links_in_code_are_not_links():
    source = ("Tulis `[judul](tidak-ada.md)` begini.\n\n```markdown\n[judul](tidak-ada.md)\n![x](tidak-ada.jpg)\n```\n\n"
              "    [indentasi](tidak-ada.md)\n")
    assert problems(source) == []


def test_external_addresses_are_not_checked():
    source = ("[a](https://example.org/tidak-ada.md) [b](http://example.org/) [c](mailto:kelompok@example.org) "
              "[d](tel:+6222000000) <https://example.org/x.md> [e](//example.org/y.md)\n")
    assert problems(source) == []


def test_what_exists_passes():
    source = ("[j](../../jadwal.md) [b](../../jadwal.md#akan-datang) [s](#bagian-pertama) ![p](papan-plano.jpg) "
              "[k](../../jadwal.ics) [u](../../materi/uu.pdf) [t](2014-01-20-contoh.md) [g](../../grafik/kehadiran.svg) "
              "[kosong]() [x](#)\n\n## Bagian pertama\n")
    assert problems(source) == []


def test_line_numbers_count_the_front_matter():
    source = FRONT + "Satu.\n\nDua [a](a.md)\ntiga [b](b.md),\n| x | y |\n|---|---|\n| [c](c.md) | z |\n"
    found = problems(source)
    assert [int(re.search(r"baris (\d+)", p)[1]) for p in found] == [line_of(source, t) for t in ("(a.md)", "(b.md)", "(c.md)")]
    assert line_of(source, "(a.md)") == 9  # five lines of front matter and one blank line before the text


def test_anchors_are_made_by_the_slugify_mkdocs_yml_configures():
    """mkdocs.yml's toc sets no slugify: Python-Markdown's own, which the check runs (not a copy of it)."""
    assert "slugify" not in SETTINGS.markdown_configs.get("toc", {})
    heading = "Hak Anak & Keluarga (`PKSA`)"
    assert anchors_of(f"## {heading}\n\n## {heading}\n\n## Lain {{ #khusus }}\n\n<div id=\"mentah\"></div>\n") == (
        slugify("Hak Anak & Keluarga PKSA", "-"), slugify("Hak Anak & Keluarga PKSA", "-") + "_1", "khusus", "mentah")


def test_the_html_reading_resolves_against_the_published_addresses():
    html = ('<p><a href="../../jadwal/#akan-datang">a</a> <a href="../tor.md">raw</a> <img src="foto.jpg">'
            '<a href="#x">x</a> <a href="https://example.org/">e</a></p><h2 id="x">X</h2>')
    found, anchors = links.read_html(html)
    assert anchors == ("x",)
    urls = {links.url_key(url): src for url, src in
            (("", "index.md"), ("jadwal/", "jadwal.md"), ("tor/", "tor.md"), ("pertemuan/02-perlindungan-anak/", POST))}
    targets = links.Targets(TARGETS.pages, TARGETS.files, lambda page: anchors if page == POST else TARGETS.anchors(page))
    assert links.html_problems(POST, "pertemuan/02-perlindungan-anak/", found, urls, targets) == [
        ("../tor.md", 'tautan "../tor.md" tidak menuju halaman atau berkas mana pun di situs.'),
        ("foto.jpg", 'gambar "foto.jpg" tidak ada di situs; unggah berkasnya atau perbaiki namanya.'),
    ]
    flat = links.read_html('<a href="jadwal/">j</a> <a href="jadwal.html">x</a> <a href="tor/index.html">t</a>')[0]
    assert links.html_problems("index.md", "index.html", flat, urls, targets) == [  # use_directory_urls: false
        ("jadwal.html", 'tautan "jadwal.html" tidak menuju halaman atau berkas mana pun di situs.')]


# --- the build and periksa.py, on one broken copy ----------------------------------------------------

ARTICLE = "docs/artikel/posts/2014-01-08-contoh-tautan.md"
ARTICLE_TEXT = """---
title: Contoh tautan
date: 2014-01-08
authors: [tim]
categories: [Catatan Belajar]
---

Pembuka tulisan.

<!-- more -->

## Bagian pertama

Lihat [jadwal](jadwl.md) dan [bagian ini](#bagian-pertamaa).
Kode `[bukan](tidak-ada.md)` bukan tautan, [luar](https://example.org/x.md) juga bukan.

```
[juga bukan](tidak-ada.md)
```

![papan](papan-plano.jpg)

Baca juga [cara menyamarkan](../../kerahasiaan.md#cara-menyamarkan).

Yang dibuat atau disalin situs juga bisa ditautkan: [kalender](../../jadwal.ics),
[pertemuan 2](../../kalender/pertemuan-2.ics), [penulis](../penulis.md), [kategori](../category/catatan-belajar.md),
[arsip](../archive/2014.md), [tim](../author/tim.md), ![kode QR](../../assets/kode-qr.svg),
[materi](../../materi/masalah-anak.md), [catatan](../../pertemuan/02-perlindungan-anak.md#yang-dibahas),
[kartu](../../jadwal.md#pertemuan-2), [topik](../../topik.md#ekologi-anak), [beranda](../../index.md).
"""
NOTE = "docs/pertemuan/02-perlindungan-anak.md"
NOTE_ADDED = "\nLihat foto ![kegiatan](foto/tidak-ada.jpg) dan [kartunya](../jadwal.md#pertemuan-22).\n"
TOR_ADDED = "\nLihat [jadwal](jadwl.md).\n"


def expected(project: Path) -> dict[str, str]:
    """What a writer must read for each mistake (file, line in the file, message)."""
    article = (project / ARTICLE).read_text(encoding="utf-8")
    note = (project / NOTE).read_text(encoding="utf-8")
    tor = (project / "docs/tor.md").read_text(encoding="utf-8")
    at = f"{ARTICLE}, baris "
    return {
        "page": f'{at}{line_of(article, "jadwl")}: tautan "jadwl.md" tidak menuju halaman mana pun. '
                'Mungkin maksudnya "../../jadwal.md"?',
        "same-page anchor": f'{at}{line_of(article, "jadwl")}: tautan "#bagian-pertamaa" tidak menuju bagian mana pun '
                            'di halaman ini. Bagian yang mirip: "#bagian-pertama".',
        "image": f'{at}{line_of(article, "papan-plano")}: gambar "papan-plano.jpg" tidak ada di folder '
                 "docs/artikel/posts/; unggah berkasnya di samping halaman atau perbaiki namanya.",
        "anchor on another page": f'{at}{line_of(article, "kerahasiaan")}: tautan "../../kerahasiaan.md#cara-menyamarkan": '
                                  'halaman docs/kerahasiaan.md tidak punya bagian "#cara-menyamarkan". '
                                  'Bagian yang mirip: "#cara-menyamarkan-kasus".',
        "image in a note": f'{NOTE}, baris {line_of(note, "tidak-ada.jpg")}: gambar "foto/tidak-ada.jpg" tidak ada di '
                           "folder docs/pertemuan/foto/; unggah berkasnya di samping halaman atau perbaiki namanya.",
        "anchor the build makes": f'{NOTE}, baris {line_of(note, "tidak-ada.jpg")}: tautan "../jadwal.md#pertemuan-22": '
                                  'halaman docs/jadwal.md tidak punya bagian "#pertemuan-22". Bagian yang mirip: '
                                  '"#pertemuan-2"',
        "maintainer's page": f'docs/tor.md, baris {line_of(tor, "jadwl")}: tautan "jadwl.md" tidak menuju halaman atau '
                             "berkas mana pun di situs. (ditemukan pada HTML hasil)",
    }


MISTAKES = ("page", "same-page anchor", "image", "anchor on another page", "image in a note", "anchor the build makes",
            "maintainer's page")
# periksa.py reads the sources: what only a build knows (the schedule's anchors, a maintainer's page) is the build's
SEEN_BY_PERIKSA = ("page", "same-page anchor", "image", "anchor on another page", "image in a note")


@pytest.fixture(scope="module")
def broken(tmp_path_factory):
    project = copy_project(tmp_path_factory.mktemp("tautan") / "project")
    (project / ARTICLE).write_text(ARTICLE_TEXT, encoding="utf-8")
    for path, added in ((NOTE, NOTE_ADDED), ("docs/tor.md", TOR_ADDED)):
        with open(project / path, "a", encoding="utf-8") as page:
            page.write(added)
    return project


@pytest.fixture(scope="module")
def broken_build(broken):
    result = run_cli_build(broken)
    return result.returncode, result.stderr + result.stdout  # the log (stderr), then MkDocs' last line (stdout)


@pytest.mark.build
@pytest.mark.parametrize("mistake", MISTAKES)
def test_the_build_fails_with_the_message_naming_file_and_line(broken, broken_build, mistake):
    code, output = broken_build
    assert code == 1, output
    assert f"  - {expected(broken)[mistake]}" in output, output


@pytest.mark.build
def test_the_writer_reads_indonesian_from_first_line_to_last(broken_build):
    _, output = broken_build
    assert "Doc file" not in output and "Traceback" not in output  # MkDocs' English link warnings are off
    assert not re.search(r"^\S+ +- +(kda|hooks/site|mkdocs\.plugins)[.:\w]*:", output, re.M)  # no logger's name
    assert "Tautan atau gambar tidak menuju ke mana pun (7 masalah). Perbaiki lalu bangun ulang situs:" in output
    assert output.rstrip().endswith(f"Aborted with a BuildError!\n{STOPPED}")  # the last line a writer reads


@pytest.mark.parametrize("mistake", SEEN_BY_PERIKSA)
def test_periksa_refuses_the_same_files_with_the_same_text(broken, capsys, mistake):
    assert periksa.main([ARTICLE, NOTE], root=broken) == 1
    output = capsys.readouterr().out
    assert output.startswith("Ada 5 masalah. Perbaiki lalu commit lagi:")
    assert f"  - {expected(broken)[mistake]}" in output, output


def test_periksa_shows_a_broken_link_to_a_changed_page_in_a_page_that_did_not_change(broken, capsys):
    assert periksa.main(["docs/kerahasiaan.md"], root=broken) == 1
    output = capsys.readouterr().out
    assert f"  - {expected(broken)['anchor on another page']}" in output
    assert "jadwl.md" not in output  # the article's other problems concern files that did not change


# --- warnings: the strict build stops for them, and periksa.py first ----------------------------------------

@pytest.mark.build
def test_a_warning_stops_the_build_and_periksa_first_with_the_same_text(tmp_path, capsys):
    project = copy_project(tmp_path / "project")
    data = project / "data" / "pertemuan.yml"
    data.write_text(data.read_text(encoding="utf-8").replace("\n- nomor: 1\n", "\n- nomor: 1\n  kehadiran: 3\n", 1),
                    encoding="utf-8")
    article = next((project / "docs/artikel/posts").glob("*.md"))
    text = article.read_text(encoding="utf-8")
    article.write_text(text.replace("\n---\n", "\ntanggapan: 1\n---\n", 1), encoding="utf-8")
    result = run_cli_build(project)
    output = result.stderr + result.stdout
    assert result.returncode == 1, output
    assert periksa.main(["data/pertemuan.yml", f"docs/artikel/posts/{article.name}"], root=project) == 1
    checked = [line.removeprefix("  - ") for line in capsys.readouterr().out.splitlines()[1:]]
    assert len(checked) == 2 and "kurang dari kuorum" in checked[0] and "tanggapan" in checked[1]
    for message in checked:  # the same text, as the build's own warning line (no logger's name before it)
        assert re.search(rf"^WARNING +- +{re.escape(message)}$", output, re.M), output
    assert output.rstrip().endswith(f"Aborted with 2 warnings in strict mode!\n{strict_text('2 warnings')}")
    assert strict_text("2 warnings") == ("Pembangunan situs dihentikan: ada 2 peringatan di atas, dan situs hanya "
                                         "diterbitkan tanpa peringatan; perbaiki dulu, lalu bangun lagi.")


# --- the real site: every link passes ---------------------------------------------------------------------

def built_page(site: Path, src_uri: str) -> Path:
    """The HTML file of a page of the real site (use_directory_urls; posts at artikel/<name>/)."""
    if src_uri.startswith("artikel/posts/"):
        return site / "artikel" / Path(src_uri).stem / "index.html"
    if Path(src_uri).name == "index.md":
        return site / Path(src_uri).parent / "index.html"
    return site / src_uri.removesuffix(".md") / "index.html"


def built_anchors(site: Path, src_uri: str) -> tuple[str, ...]:
    article = BeautifulSoup(built_page(site, src_uri).read_text(encoding="utf-8"), "lxml").select_one("article")
    return tuple(dict.fromkeys([t["id"] for t in article.find_all(id=True)]
                               + [a["name"] for a in article.find_all("a", attrs={"name": True})]))


def test_periksa_knows_a_page_s_anchors_exactly_or_leaves_them_to_the_build(site):
    """The anchors periksa.py reads from a page's source are the anchors the built page has (so it refuses
    no real one and accepts no missing one); a page the build completes from the data is the build's."""
    project = periksa.Project.load(ROOT)
    known = {page: project.anchors(page) for page in project.pages()}
    assert any(anchors for anchors in known.values())
    for page, anchors in known.items():
        if anchors is not None:
            assert anchors == built_anchors(site, page), page


def test_every_link_of_the_real_site_passes_the_check(site):
    """Every member page's links checked against the real built site: every page and file, and the
    anchors every built page really has (the ones the build makes from the data too)."""
    project = periksa.Project.load(ROOT)
    pages = project.link_targets.pages
    targets = links.Targets(pages, project.link_targets.files, lambda page: built_anchors(site, page))
    checked = 0
    for page in project.pages():
        if project.maintainers.match_file(page):
            continue
        source = project.text(f"docs/{page}")
        markdown = get_data(source)[0]
        checked += len(links.links_in(markdown))
        assert links.page_problems(f"docs/{page}", page, markdown, lambda: 0, targets) == [], page
    assert checked
