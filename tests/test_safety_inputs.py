"""Inputs that would exhaust the build or end it in a traceback: refused first, in Indonesian.

Pages (kda/checks/limits.py) and YAML texts (kda/model/datafile.py) are checked in one linear
pass before anything parses them. Each case below is a variant of one class, written to get
around a naive check: aliases in front matter as well as in data files, an alias bomb, tags,
bytes that are not UTF-8, control characters, nesting by list markers on one line as well as by
indentation, brackets and unclosed tags past the budgets, a post whose opening is too long, an
icon that does not exist on a maintainer page and in MultiMarkdown-style metadata. One build
answers for all the pages (it stops before converting any), one for the data files, one for the
front-matter types Material reads itself.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from conftest import assert_page_case_refused, copy_project, run_cli_build

MEMBER_DIR = "uji"


def bomb(levels: int, width: int = 9) -> str:
    """A YAML 'billion laughs': each level repeats the one before `width` times."""
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x]"]
    for level in range(1, levels):
        lines.append(f"a{level}: &a{level} [" + ", ".join([f"*a{level - 1}"] * width) + "]")
    return "\n".join(lines) + "\n"


# name -> (file content (bytes or text), line the message must name or None, fragments of the message)
PAGES = {
    "latin1": (b"# Judul\n\nCatatan kafe caf\xe9 di sini.\n", 3, ["bukan teks UTF-8"]),
    "utf16": ("# Judul\n\nIsi.\n".encode("utf-16"), 1, ["bukan teks UTF-8"]),
    "control-body": ("# Judul\n\nTeks\x01 di sini.\n", 3, ["kolom 5: ada karakter kendali tak terlihat (U+0001)"]),
    "control-nul": ("Teks\x00\n", 1, ["karakter kendali tak terlihat (U+0000)"]),
    "control-placeholder": ("Teks \x02wzxhzdk:0\x03 lagi.\n", 1, ["(U+0002)"]),
    "control-front-matter": ('---\ntitle: "Uji\x01"\n---\n\nIsi.\n', 2, ["karakter kendali tak terlihat (U+0001)"]),
    "alias-front-matter": ("---\ntitle: &judul Catatan\ndescription: *judul\n---\n\nIsi.\n", 2,
                           ["jangkar (&nama) dan alias (*nama) YAML tidak boleh dipakai"]),
    "alias-bomb-front-matter": ("---\n" + bomb(7) + "title: Uji\n---\n\nIsi.\n", 2, ["jangkar (&nama) dan alias"]),
    "merge-key-front-matter": ("---\nx: {a: 1}\ny:\n  <<: *x\n---\n\nIsi.\n", 4, ["alias (*nama)"]),
    "tag-front-matter": ("---\ntitle: !!python/object/apply:os.system [echo KDA-PWNED]\n---\n\nIsi.\n", 2,
                         ["tanda jenis YAML (!!python/object/apply:os.system)"]),
    "deep-front-matter": ("---\nx: " + "[" * 40 + "]" * 40 + "\n---\n\nIsi.\n", 2, ["bersarang terlalu dalam"]),
    "too-long": (("Kata-kata yang panjang sekali. " * 20 + "\n\n") * 200, None, ["halaman ini terlalu panjang", "karakter"]),
    "too-many-lines": ("baris\n" * 2500, None, ["halaman ini terlalu panjang (2.500 baris"]),
    "long-line": ("# Judul\n\n" + "kata " * 4000 + "\n", 3, ["baris ini terlalu panjang (20.000 karakter"]),
    "brackets-nested": ("Teks.\n\n" + ("[" * 30 + "\n") * 20, 3, ["kurung siku [ ] bersarang terlalu dalam"]),
    "brackets-unclosed": ("Teks.\n\n" + "[a " * 9 + ("kata " * 20 + "\n") * 900, 3,
                          ["terlalu banyak tanda kurung [ ] atau ( )"]),
    "link-parens": ("Teks.\n\n" + ("[a](b " * 200 + "\n") * 20, 3, ["terlalu banyak tanda kurung"]),
    "images-nested": ("Teks.\n\n" + ("![" * 4 + "\n") * 400, 5, ["kurung siku [ ] bersarang terlalu dalam"]),
    "tags-unclosed": ("Teks.\n\n" + ("<a " * 900 + "\n") * 10, 3, ["terlalu banyak tanda < yang tidak ditutup"]),
    "cdata-unclosed": ("Teks.\n\n" + ("<![CDATA[ " * 500 + "\n") * 6, 3, ["terlalu banyak tanda <"]),
    "comments-unclosed": ("Teks.\n\n" + ("<!-- " * 900 + "\n") * 10, 3, ["komentar <!-- tanpa -->"]),
    "div-markdown-nested": ("Teks.\n\n" + "<div markdown>\n\n" * 300 + "x\n\n" + "</div>\n\n" * 300, None,
                            ["elemen HTML bersarang terlalu dalam"]),
    "div-nested-one-line": ("<div>" * 60 + "x" + "</div>" * 60 + "\n", 1, ["elemen HTML bersarang terlalu dalam"]),
    "list-nested": ("Daftar:\n\n" + "".join("  " * level + "- butir\n" for level in range(200)), 19,
                        ["daftar atau kutipan bersarang terlalu dalam"]),
    "list-one-line": ("1. " * 700 + "x\n", 1, ["bersarang terlalu dalam"]),
    "bullets-one-line": ("- " * 700 + "x\n", 1, ["bersarang terlalu dalam"]),
    "quote-nested": ("> " * 700 + "x\n", 1, ["bersarang terlalu dalam"]),
    "quote-list-mix": ("> - " * 300 + "x\n", 1, ["bersarang terlalu dalam"]),
    "headings": ("# a\n" * 300, 201, ["lebih dari 200 judul bagian"]),
    "setext-headings": ("a\n=\n" * 300, 402, ["judul bagian"]),
    "fences": ("```\n" * 400, 201, ["blok kode"]),
    "details": ("??? a\n" * 400, 201, ["kotak catatan"]),
    "table-wide": ("|" + " a |" * 1000 + "\n|" + "---|" * 1000 + "\n" + ("|" + " a |" * 1000 + "\n") * 3, None,
                   ["tabel di halaman ini terlalu besar"]),
    "icon": ("---\nicon: material/tidak-ada\n---\n\nIsi.\n", None,
             ['icon: tidak ada ikon bernama "material/tidak-ada" di tema']),
    "icon-multimarkdown": ("Icon: ../../partials/header\n\nIsi.\n", None, ['tidak ada ikon bernama "../../partials/header"']),
}
POST = ("---\ntitle: Pembuka panjang\ndate: 2014-01-05\nauthors: [tim]\ncategories: [Catatan Belajar]\n---\n\n"
        + "Kalimat pembuka yang panjang sekali. " * 200 + "\n\n<!-- more -->\n\nIsi.\n")
POST_PATH = "docs/artikel/posts/2014-01-05-pembuka-panjang.md"


@pytest.fixture(scope="module")
def pages_build(tmp_path_factory):
    project = copy_project(tmp_path_factory.mktemp("batas") / "project")
    folder = project / "docs" / MEMBER_DIR
    folder.mkdir()
    for name, (content, _, _) in PAGES.items():
        path = folder / f"{name}.md"
        path.write_bytes(content) if isinstance(content, bytes) else path.write_text(content, encoding="utf-8")
    (project / POST_PATH).write_text(POST, encoding="utf-8")
    tor = project / "docs" / "tor.md"  # a maintainer page: Material's icon include ended in a traceback
    tor.write_text("---\nicon: material/tidak-ada-juga\n---\n\n" + tor.read_text(encoding="utf-8"), encoding="utf-8")
    start = time.perf_counter()
    result = run_cli_build(project)
    return result, time.perf_counter() - start


@pytest.mark.build
@pytest.mark.parametrize("name", PAGES)
def test_a_page_past_a_limit_is_refused_with_file_line_and_fix(pages_build, name):
    assert_page_case_refused(pages_build, MEMBER_DIR, PAGES, name)


@pytest.mark.build
def test_the_pages_build_stops_quickly_without_a_traceback(pages_build):
    result, seconds = pages_build
    output = result.stdout + result.stderr
    assert result.returncode == 1
    assert "Traceback" not in output and "KDA-PWNED" not in output
    assert "- docs/tor.md (kepala berkas): icon: tidak ada ikon bernama \"material/tidak-ada-juga\"" in output
    assert f"- {POST_PATH}: pembuka tulisan (sebelum baris <!-- more -->) terlalu panjang" in output
    assert seconds < 60


def test_every_page_of_the_site_is_within_the_limits():
    import material

    from kda.checks import limits

    from conftest import ROOT

    icons = [ROOT / "docs" / ".overrides" / ".icons", Path(material.__file__).parent / "templates" / ".icons"]
    for path in sorted((ROOT / "docs").rglob("*.md")):
        if not any(part.startswith(".") for part in path.relative_to(ROOT / "docs").parts):
            assert limits.page_problems(str(path), path.read_bytes(), icons, "<!-- more -->") == [], path


def test_the_checks_are_linear_on_the_largest_page_allowed():
    from kda.checks import limits

    hostile = ("[a](<b " + "<a " * 30 + "*_`" * 10 + "\n") * 1000  # under every limit but the budgets
    start = time.perf_counter()
    limits.page_problems("x.md", hostile.encode())
    assert time.perf_counter() - start < 2


# --- data files ----------------------------------------------------------------------------

@pytest.fixture(scope="module")
def data_build(tmp_path_factory):
    project = copy_project(tmp_path_factory.mktemp("data-batas") / "project")
    data = project / "data"
    meetings = data / "pertemuan.yml"  # an anchor on one meeting's place, an alias on another's
    text = meetings.read_text(encoding="utf-8").replace("\n  tempat: ", "\n  tempat: &tempat ", 1)
    meetings.write_text(text.replace("\n- nomor: 1\n", "\n- nomor: 1\n  tempat: *tempat\n", 1), encoding="utf-8")
    members = data / "anggota.yml"
    members.write_text(members.read_text(encoding="utf-8") + "\n# catatan\x01\n", encoding="utf-8")
    materials = data / "materi.yml"
    text = materials.read_text(encoding="utf-8").splitlines()
    index = next(i for i, line in enumerate(text) if line.lstrip().startswith("judul:"))
    key, value = text[index].split(":", 1)
    text[index] = f'{key}: "{value.strip()}'  # the quote opens here and is never closed
    materials.write_text("\n".join(text) + "\n", encoding="utf-8")
    group = data / "kelompok.yml"
    group.write_text(group.read_text(encoding="utf-8") + "catatan: !!binary aGFp\n", encoding="utf-8")
    result = run_cli_build(project)
    return result, project, index + 1


@pytest.mark.build
def test_data_files_with_aliases_tags_controls_or_open_quotes_are_refused_at_their_line(data_build):
    result, project, quote_line = data_build
    output = result.stdout + result.stderr
    assert result.returncode == 1 and "Traceback" not in output
    meetings = (project / "data" / "pertemuan.yml").read_text(encoding="utf-8").splitlines()
    anchor_line = next(n for n, line in enumerate(meetings, 1) if "&tempat" in line)
    assert f"data/pertemuan.yml, baris {anchor_line}: jangkar (&nama) dan alias (*nama) YAML tidak boleh dipakai" in output
    members = (project / "data" / "anggota.yml").read_text(encoding="utf-8").splitlines()
    control_line = next(n for n, line in enumerate(members, 1) if "\x01" in line)
    assert f"data/anggota.yml, baris {control_line}, kolom 10: ada karakter kendali tak terlihat (U+0001)" in output
    assert f'data/materi.yml, baris {quote_line}: tanda kutip " di baris ini dibuka tetapi tidak ditutup' in output
    group = (project / "data" / "kelompok.yml").read_text(encoding="utf-8").splitlines()
    assert f"data/kelompok.yml, baris {len(group)}: tanda jenis YAML (!!binary) tidak boleh dipakai" in output


LOADER = textwrap.dedent("""
    import resource, sys, time
    resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30))  # 1 GB: an expanded bomb dies here
    from pathlib import Path
    from kda.model.datafile import DataFileError, parse_data_text
    text = sys.stdin.read()
    start = time.perf_counter()
    try:
        parse_data_text(text, Path("data/pertemuan.yml"), "data/pertemuan.yml")
        print("DIBACA")
    except DataFileError as error:
        print(error.problems[0])
    print(f"DETIK {time.perf_counter() - start:.3f}")
""")


@pytest.mark.parametrize("levels", [9, 20])
def test_an_alias_bomb_is_refused_in_milliseconds_and_little_memory(levels):
    """9 levels of 9 aliases expand to 387 million values; the loader must never build one."""
    from conftest import ROOT

    result = subprocess.run([sys.executable, "-c", LOADER], input=bomb(levels), capture_output=True, text=True,
                            timeout=60, env={"PYTHONPATH": str(ROOT / "hooks")})
    assert "data/pertemuan.yml, baris 1: jangkar (&nama) dan alias (*nama)" in result.stdout, result.stderr[-2000:]
    assert float(result.stdout.split("DETIK ")[1]) < 0.5


def test_yaml_nested_a_hundred_thousand_levels_is_refused_at_once():
    """Even past the size limit the depth is found at once (libyaml yields events lazily)."""
    from kda.model.datafile import DataFileError, parse_data_text

    start = time.perf_counter()
    with pytest.raises(DataFileError) as error:
        parse_data_text("x: " + "[\n" * 100_000 + "]\n" * 100_000, Path("x.yml"), "data/x.yml", max_chars=10**6)
    assert time.perf_counter() - start < 1
    assert error.value.problems == ["data/x.yml, baris 10: daftar atau kumpulan kolom bersarang terlalu dalam "
                                    "(lebih dari 10 tingkat). Tulis isinya lebih datar."]


@pytest.mark.parametrize("text, line", [
    ("a: &x 1\n", 1), ("a: 1\nb: *x\n", 2), ("- &x\n  b: 1\n- *x\n", 1), ("a: [&x 1, *x]\n", 1), ("a:\n  <<: *x\n", 2),
])
def test_every_form_of_anchor_and_alias_is_refused(text, line):
    from kda.model.datafile import DataFileError, parse_data_text

    with pytest.raises(DataFileError) as error:
        parse_data_text(text, Path("x.yml"), "data/x.yml")
    assert error.value.problems[0].startswith(f"data/x.yml, baris {line}: jangkar (&nama) dan alias (*nama)")


def test_the_projects_data_is_within_the_limits():
    from kda.model.datafile import limit_problems

    from conftest import ROOT

    for path in sorted((ROOT / "data").glob("*.yml")):
        assert limit_problems(path.read_text(encoding="utf-8"), path.name) == [], path


# --- front-matter values Material reads itself -------------------------------------------

TYPED = {
    "2014-01-06-draf-dikutip.md": ('draft: "true"\n', 'draft: tulis true atau false tanpa tanda kutip, misalnya true; '
                                   'tertulis "true".'),
    "2014-01-07-pin-dikutip.md": ("pin: 'false'\n", 'pin: tulis true atau false tanpa tanda kutip'),
    "2014-01-08-draf-angka.md": ("draft: 1\n", 'draft: harus true atau false, misalnya true; tertulis "1".'),
    "2014-01-09-waktu-baca.md": ('readtime: "5"\n', 'readtime: harus bilangan bulat tanpa tanda kutip, misalnya 5; '
                                'tertulis "5".'),
}


@pytest.mark.build
def test_front_matter_types_material_reads_get_an_indonesian_message(tmp_path):
    project = copy_project(tmp_path / "project")
    for name, (line, _) in TYPED.items():
        (project / "docs" / "artikel" / "posts" / name).write_text(
            f"---\ntitle: Uji\ndate: {name[:10]}\nauthors: [tim]\ncategories: [Catatan Belajar]\n{line}---\n\n"
            "Pembuka.\n\n<!-- more -->\n\nIsi.\n", encoding="utf-8")
    result = run_cli_build(project)
    output = result.stdout + result.stderr
    assert result.returncode == 1
    assert "Expected type" not in output and "Traceback" not in output
    for name, (_, message) in TYPED.items():
        assert f"docs/artikel/posts/{name}, baris 6: {message}" in output, output[-3000:]


def test_the_pre_commit_check_refuses_the_same_pages_with_the_same_messages(tmp_path):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))
    import periksa

    project = copy_project(tmp_path / "project")
    names = ("latin1", "alias-bomb-front-matter", "div-markdown-nested", "tags-unclosed", "icon")
    changed = []
    for name in names:
        content = PAGES[name][0]
        path = project / "docs" / "pertemuan" / f"09-{name}.md"
        path.write_bytes(content) if isinstance(content, bytes) else path.write_text(content, encoding="utf-8")
        changed.append(f"docs/pertemuan/09-{name}.md")
    start = time.perf_counter()
    problems = periksa.run_checks(periksa.Project.load(project), changed)
    assert time.perf_counter() - start < 20
    for name in names:
        _, line, fragments = PAGES[name]
        label = f"docs/pertemuan/09-{name}.md"
        mine = [p for p in problems if p.startswith(label)]
        assert mine, (name, problems)
        assert all(any(f in p for p in mine) for f in fragments), (name, mine)
