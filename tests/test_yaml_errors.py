"""A quote that is not closed is reported at the line where it opens, with what to write.

PyYAML notices an unclosed quote where the text ends (the closing `---` of a page's header, the
end of a data file) or at the next quote, lines later; the message names the line the writer
has to fix. Each case: the text, the line the message must name, a fragment of the message.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from kda.checks.frontmatter import Rules, check_article
from kda.model.datafile import DataFileError, parse_data_text

from conftest import copy_project, run_cli_build

HEADER = "---\n{fields}date: 2014-01-20\nauthors: [tim]\ncategories: [Catatan Belajar]\ntags: [PKSA]\n---\n\nPembuka.\n\n<!-- more -->\n\nIsi.\n"
OPEN = "di baris ini dibuka tetapi tidak ditutup"
INSIDE = "ditutup tanda kutip"

FRONT_MATTER = {
    "double": ('title: "Hak anak\ndescription: Satu kalimat.\n', 2, [f'tanda kutip " {OPEN}', 'misalnya "teks nilainya"']),
    "single": ("title: Hak anak\ndescription: 'Satu kalimat.\n", 3, [f"tanda kutip ' {OPEN}"]),
    "then-another-quote": ('title: "Hak anak\ndescription: "Satu kalimat."\n', 2, [f'tanda kutip " {OPEN}']),
    "quote-inside": ('title: "Hak "anak" kita"\n', 2, [INSIDE, "apit seluruh nilai dengan tanda kutip '"]),
    "apostrophe": ("title: 'Jum'at bersama'\n", 2, [INSIDE, "apostrof", 'tanda kutip "']),
    "in-a-list": ('title: Hak anak\ntags:\n  - "PKSA\n  - kluster\n', 4, [f'tanda kutip " {OPEN}']),
}


@pytest.mark.parametrize("name", FRONT_MATTER)
def test_a_broken_quote_in_front_matter_names_its_own_line(name):
    fields, line, fragments = FRONT_MATTER[name]
    text = HEADER.format(fields=fields).replace("tags: [PKSA]\n", "") if "tags:" in fields else HEADER.format(fields=fields)
    _, problems = check_article("artikel/posts/2014-01-20-hak-anak.md", text,
                                Rules(("tim",), (), ("Catatan Belajar",)))
    assert len(problems) == 1, problems
    assert problems[0].startswith(f"docs/artikel/posts/2014-01-20-hak-anak.md, baris {line}: "), problems
    for fragment in fragments:
        assert fragment in problems[0], problems[0]
    assert "titik dua" not in problems[0]  # the hint about colons belongs to other syntax errors


DATA = {
    "list-entry": ('- id: a\n  nama: "Ani\n- id: b\n  nama: Budi\n', 2),
    "then-another-quote": ('- id: a\n  nama: "Ani\n- id: b\n  nama: "Budi"\n- id: c\n', 2),
    "last-line": ("- id: a\n  nama: Ani\n  bio: 'Pekerja sosial\n", 3),
    "flow-list": ('- id: a\n  materi: ["uu-perlindungan-anak-2002, masalah-anak]\n- id: b\n', 2),
}


@pytest.mark.parametrize("name", DATA)
def test_a_broken_quote_in_a_data_file_names_its_own_line(name):
    text, line = DATA[name]
    with pytest.raises(DataFileError) as error:
        parse_data_text(text, Path("data/anggota.yml"), "data/anggota.yml")
    assert error.value.problems[0].startswith(f"data/anggota.yml, baris {line}: tanda kutip"), error.value.problems


def test_other_syntax_errors_keep_their_line_and_column():
    with pytest.raises(DataFileError) as error:
        parse_data_text("a: 1\nb: [x, y\nc: 2\n", Path("x"), "data/x.yml")
    assert error.value.problems[0].startswith("data/x.yml, baris 3, kolom 2: penulisan berkas tidak sah")


@pytest.mark.build
def test_the_build_names_the_line_of_the_quote_not_the_end_of_the_header(tmp_path):
    project = copy_project(tmp_path / "project")
    post = project / "docs" / "artikel" / "posts" / "2014-01-05-kutip.md"
    post.write_text("---\ntitle: \"Kutipan yang terbuka\ndescription: Satu kalimat.\ndate: 2014-01-05\nauthors: [tim]\n"
                    "categories: [Catatan Belajar]\n---\n\nPembuka.\n\n<!-- more -->\n\nIsi.\n", encoding="utf-8")
    result = run_cli_build(project)
    output = result.stdout + result.stderr
    assert result.returncode == 1 and "Traceback" not in output
    assert f'docs/artikel/posts/2014-01-05-kutip.md, baris 2: tanda kutip " {OPEN}' in output
    assert "baris 7" not in output
