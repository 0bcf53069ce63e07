"""Meeting photo galleries: markup, sizes, weight, metadata stripped, originals kept out, the rules."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from PIL import ExifTags, Image

from kda.outputs import photo
from kda.outputs.downloads import label

from conftest import copy_project, run_cli_build, text_of
from contoh import CAMERA, GALLERY, NOTE, make_example, photo_with_gps, replace

NOTE_URL = f"{NOTE}/"
FOTO = f"{NOTE}/foto"


def gallery_of(example_page):
    return example_page(NOTE_URL).select_one("article .kda-galeri")


def test_the_note_shows_its_gallery_with_captions_lazy_thumbnails_and_lightbox_links(example_page, example_site):
    page = example_page(NOTE_URL)
    assert page.select_one("article h2#foto-pertemuan").get_text(strip=True).startswith("Foto pertemuan")
    figures = gallery_of(example_page).select("figure.kda-galeri__foto")
    assert [text_of(f.figcaption).split(" Unduh foto")[0] for f in figures] == [
        "Papan plano berisi hasil diskusi (foto uji).",
        "Ruang diskusi sebelum pertemuan (foto uji).",
    ]
    for figure, stem in zip(figures, ("papan-plano", "ruang-diskusi")):
        link, img = figure.select_one("a.glightbox"), figure.select_one("a.glightbox > img")
        assert link["href"] == f"foto/{stem}-besar.jpg"
        assert link["data-gallery"] and link["data-description"] == img["alt"]
        assert img["src"] == f"foto/{stem}-kecil.jpg"
        assert img["loading"] == "lazy"
        with Image.open(example_site / FOTO / f"{stem}-kecil.jpg") as thumb:
            assert (int(img["width"]), int(img["height"])) == thumb.size
    # The page loads only thumbnails: no <img> points at a large copy.
    assert not [i for i in page.select("article img") if "besar" in i["src"]]


def lightbox_files(page) -> list[str]:
    return [tag.get("src") or tag.get("href") for tag in page.select("script[src], link[href]")
            if "glightbox" in (tag.get("src") or tag.get("href"))]


def test_lightbox_is_self_hosted(example_page, example_site):
    page = example_page(NOTE_URL)
    assert lightbox_files(page) == ["../../assets/stylesheets/glightbox.min.css",
                                    "../../assets/javascripts/glightbox.min.js"]
    assert page.select_one("script#init-glightbox")
    assert (example_site / "assets/javascripts/glightbox.min.js").stat().st_size > 0
    assert (example_site / "assets/stylesheets/glightbox.min.css").stat().st_size > 0


def test_lightbox_loads_only_on_pages_with_a_gallery(example_page):
    """Its script and styles weigh 18 KB compressed: pages without photos don't fetch them."""
    for url in ("", "jadwal/", "pertemuan/00-pendahuluan/", "artikel/2013-12-22-mengapa-kami-berdiskusi/"):
        page = example_page(url)
        assert lightbox_files(page) == [] and page.select_one("script#init-glightbox") is None, url


def test_thumbnail_and_large_copy_sizes_and_weight(example_site):
    # The original is 2400x1600 with EXIF orientation 6 (turned): it must stand upright, 2:3.
    with Image.open(example_site / FOTO / "papan-plano-kecil.jpg") as thumb:
        assert thumb.size == (320, 480)
    with Image.open(example_site / FOTO / "papan-plano-besar.jpg") as large:
        assert large.size == (1067, 1600)
    thumb_bytes = (example_site / FOTO / "papan-plano-kecil.jpg").stat().st_size
    large_bytes = (example_site / FOTO / "papan-plano-besar.jpg").stat().st_size
    assert thumb_bytes < 30_000, thumb_bytes
    assert thumb_bytes < large_bytes < 250_000
    # A small photo is not enlarged.
    with Image.open(example_site / FOTO / "ruang-diskusi-kecil.jpg") as small:
        assert small.size == (300, 200)


def test_gps_and_camera_metadata_are_gone(example_site, tmp_path):
    original = Path(tmp_path) / "asli.jpg"
    photo_with_gps(original)
    with Image.open(original) as source:  # the test image really carries GPS and a camera name
        assert source.getexif().get_ifd(ExifTags.IFD.GPSInfo)
    for path in sorted((example_site / FOTO).glob("*.jpg")):
        raw = path.read_bytes()
        with Image.open(io.BytesIO(raw)) as image:
            assert not image.getexif(), path.name
            assert not image.getexif().get_ifd(ExifTags.IFD.GPSInfo)
            assert not {"exif", "xmp", "XML:com.adobe.xmp", "icc_profile", "comment"} & set(image.info), path.name
        assert b"Exif" not in raw and CAMERA.encode() not in raw, path.name


def test_originals_and_the_gallery_list_are_not_published(example_site):
    published = sorted(p.name for p in (example_site / FOTO).iterdir())
    assert published == ["papan-plano-besar.jpg", "papan-plano-kecil.jpg",
                         "ruang-diskusi-besar.jpg", "ruang-diskusi-kecil.jpg"]


def test_photo_download_label_tells_type_and_size(example_page, example_site):
    for link in gallery_of(example_page).select("figcaption a.kda-unduh"):
        expected = label(example_site / NOTE / link["href"])
        assert text_of(link) == f"Unduh foto ({expected})"
        assert re.fullmatch(r"JPEG, \d+(,\d)? kB", expected)


def test_notes_without_photos_have_no_gallery(example_page, page):
    assert example_page("pertemuan/01-kerangka-acuan/").select_one(".kda-galeri") is None
    assert page("pertemuan/02-perlindungan-anak/").select_one(".kda-galeri") is None


def test_processing_is_cached_by_content(tmp_path):
    source = photo_with_gps(tmp_path / "a.jpg", size=(800, 600), orientation=1)
    first = photo.process(source, tmp_path / "cache")
    stamps = {name: r.path.stat().st_mtime_ns for name, r in first.items()}
    second = photo.process(source, tmp_path / "cache")
    assert {name: r.path.stat().st_mtime_ns for name, r in second.items()} == stamps
    assert second["kecil"].width == 480 and second["kecil"].height == 360
    photo_with_gps(source, size=(600, 800), orientation=1)  # new content: new cache entry
    assert photo.process(source, tmp_path / "cache")["kecil"].path != first["kecil"].path


@pytest.mark.build
def test_every_gallery_problem_is_reported_at_once(tmp_path):
    project = make_example(copy_project(tmp_path / "proyek"))
    gallery = project / GALLERY
    photo_with_gps(gallery / "tanpa-daftar.jpg", size=(40, 30))
    photo_with_gps(gallery / "anak-bermain.jpg", size=(40, 30))
    photo_with_gps(gallery / "tanpa-keterangan.jpg", size=(40, 30))
    (gallery / "galeri.yml").write_text(
        "- berkas: papan-plano.jpg\n  keterangan: Papan plano.\n  izin_publikasi: true\n"
        "- berkas: ruang-diskusi.png\n  keterangan: Ruang diskusi.\n"
        "- berkas: anak-bermain.jpg\n  keterangan: Anak bermain.\n  izin_publikasi: false\n"
        "- berkas: tanpa-keterangan.jpg\n  izin_publikasi: true\n"
        "- berkas: hilang.jpg\n  keterangan: Foto yang belum diunggah.\n  izin_publikasi: true\n"
        "- berkas: papan-plano.jpg\n  keterangan: Lagi.\n  izin_publikasi: true\n"
        "- berkas: tanpa-keterangan.jpg\n  keterangan: Ejaan kolom salah.\n  izin_publikasi: true\n  izin_publkasi: ya\n",
        encoding="utf-8",
    )
    orphan = project / "docs/pertemuan/09-belum-ada/foto"
    orphan.mkdir(parents=True)
    result = run_cli_build(project)
    assert result.returncode != 0
    output = result.stdout + result.stderr
    assert "Traceback" not in output
    listed = f"docs/{NOTE}/foto/galeri.yml"
    for expected in (
        "Foto pertemuan belum boleh terbit:",
        f"{listed}, baris 4: foto ruang-diskusi.png, izin_publikasi: foto belum boleh terbit (tidak ada). "
        "Foto hanya terbit bila semua orang yang dapat dikenali di dalamnya",
        "wajah anak yang dapat dikenali tanpa izin tidak boleh terbit",
        f"{listed}, baris 6: foto anak-bermain.jpg, izin_publikasi: foto belum boleh terbit (tertulis \"false\").",
        f"{listed}, baris 9: foto tanpa-keterangan.jpg, keterangan: setiap foto wajib punya keterangan",
        f"{listed}, baris 11: foto hilang.jpg, berkas: berkas \"hilang.jpg\" tidak ditemukan di folder ini.",
        f"{listed}, baris 14: foto papan-plano.jpg, berkas: foto ini sudah tercantum di entri lain.",
        f"{listed}, baris 20: foto tanpa-keterangan.jpg, izin_publkasi: kolom tidak dikenal. Mungkin maksudnya 'izin_publikasi'?",
        f"docs/{NOTE}/foto/tanpa-daftar.jpg: berkas ini ada di folder foto tetapi tidak tercantum di {listed}.",
        "docs/pertemuan/09-belum-ada/foto/: folder foto ini tidak punya catatan pertemuan docs/pertemuan/09-belum-ada.md.",
    ):
        assert expected in output, f"{expected!r} not in:\n{output}"


@pytest.mark.build
def test_a_broken_photo_is_named_without_a_traceback(tmp_path):
    project = make_example(copy_project(tmp_path / "proyek"))
    (project / GALLERY / "ruang-diskusi.png").write_bytes(b"\x89PNG\r\n\x1a\n terpotong")
    result = run_cli_build(project)
    output = result.stdout + result.stderr
    assert result.returncode != 0 and "Traceback" not in output
    assert f"{GALLERY}/ruang-diskusi.png: berkas ini tidak dapat dibaca sebagai foto" in output


@pytest.mark.build
def test_a_gallery_folder_without_its_list_says_how_to_write_it(tmp_path):
    project = make_example(copy_project(tmp_path / "proyek"))
    (project / GALLERY / "galeri.yml").unlink()
    result = run_cli_build(project)
    output = result.stdout + result.stderr
    assert result.returncode != 0 and "Traceback" not in output
    assert f"docs/{GALLERY[5:]}/galeri.yml: berkas data tidak ditemukan." in output
    assert "izin_publikasi: true" in output


def test_pre_commit_check_refuses_an_original_with_its_gps_location(tmp_path, capsys):
    import sys

    from conftest import ROOT

    sys.path.insert(0, str(ROOT / "scripts"))
    import periksa
    project = make_example(copy_project(tmp_path / "proyek"))
    photo = f"{GALLERY}/papan-plano.jpg"
    assert periksa.main([photo], root=project) == 1
    output = capsys.readouterr().out
    assert f"{photo}: foto ini masih menyimpan lokasi GPS tempat foto diambil." in output
    assert "ruang-diskusi.png" not in output  # a PNG drawn without EXIF carries no location
    replace(project / GALLERY / "galeri.yml", "  izin_publikasi: true\n- berkas: ruang", "- berkas: ruang")
    assert periksa.main([f"{GALLERY}/galeri.yml"], root=project) == 1
    assert "foto papan-plano.jpg, izin_publikasi: foto belum boleh terbit (tidak ada)." in capsys.readouterr().out
