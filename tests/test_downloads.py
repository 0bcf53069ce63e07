"""Downloads tell what they are: type and size computed at build time."""

from __future__ import annotations

import pytest

from kda.outputs.downloads import label, size_text, type_name

from conftest import text_of


@pytest.mark.parametrize("size, text", [
    (900, "900 byte"), (12_345, "12 kB"), (240_000, "240 kB"), (999_999, "1 MB"),
    (1_234_567, "1,2 MB"), (12_345_678, "12 MB"), (2_500_000_000, "2,5 GB"),
])
def test_sizes_read_the_indonesian_way(size, text):
    assert size_text(size) == text


@pytest.mark.parametrize("name, kind", [("a.pdf", "PDF"), ("b.JPG", "JPEG"), ("c.pptx", "PowerPoint"), ("d.docx", "Word")])
def test_type_names(name, kind):
    assert type_name(name) == kind


def test_label_is_computed_from_the_file(tmp_path):
    path = tmp_path / "materi.pdf"
    path.write_bytes(b"0" * 1_234_567)
    assert label(path) == "PDF, 1,2 MB"


def test_material_page_and_index_label_the_file(example_page):
    header = example_page("materi/masalah-anak/").select_one("article .kda-kepala")
    link = header.find("a", string="Unduh masalah-anak.pdf")
    assert link["href"] == "../masalah-anak.pdf"
    assert text_of(link.find_next_sibling("span", class_="kda-ukuran")) == "(PDF, 1,2 MB)"
    index = example_page("materi/").select_one("article")
    assert "masalah-anak.pdf (PDF, 1,2 MB)" in text_of(index)


def test_materials_without_a_file_still_say_so(page):
    assert "Berkas belum diunggah." in text_of(page("materi/masalah-anak/").select_one("article"))
