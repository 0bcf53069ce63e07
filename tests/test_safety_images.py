"""Every published image is re-encoded from its pixels with no metadata; captions stay text.

One copy of the project holds images that try each way around the cleaning: an image beside an
article (Material's blog moves it to the article's address), in a folder beside the article, a
tiny image beside a note whose clean copy is larger than the original, every format the site
publishes (JPEG in both spellings and upper case, PNG with text and XMP chunks, WebP and AVIF
with EXIF and XMP, an animated GIF with a comment) and a gallery whose captions are HTML and a
CSS selector. Every image file of the built site is then read back: no EXIF, GPS, XMP, IPTC,
comment or text chunk, and none of the original's marker strings in its bytes.
"""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from PIL import ExifTags, Image, PngImagePlugin

from conftest import build_site, copy_project, environment, run_cli_build
from contoh import CAMERA, drawing, photo_with_gps

ARTICLE = "docs/artikel/posts/2013-12-22-mengapa-kami-berdiskusi.md"
NOTE = "docs/pertemuan/02-perlindungan-anak.md"
XMP = (b'<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?><x:xmpmeta xmlns:x="adobe:ns:meta/">'
       b'<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description '
       b'xmlns:exif="http://ns.adobe.com/exif/1.0/" exif:GPSLatitude="6,54.85S"/></rdf:RDF></x:xmpmeta>'
       b'<?xpacket end="w"?>')
MARKERS = (CAMERA.encode(), b"xmpmeta", b"GPSLatitude", b"Exif\x00\x00", b"KomentarUji", b"Photoshop 3.0")
HOSTILE_CAPTION = "<img src=x onerror=\"document.title='XSS'\"> Foto uji"
SELECTOR_CAPTION = ".md-header"
IMAGE_SUFFIXES = {".jpg", ".jpeg", ".png", ".gif", ".webp", ".avif"}


def gps_exif() -> Image.Exif:
    exif = Image.Exif()
    exif[ExifTags.Base.Make] = CAMERA
    exif[ExifTags.IFD.GPSInfo] = {ExifTags.GPS.GPSLatitudeRef: "S", ExifTags.GPS.GPSLatitude: (6.0, 54.0, 51.0)}
    return exif


def tiny_jpeg_with_gps(path: Path) -> Path:
    """A grainy photo compressed very hard, with a short GPS EXIF: its clean copy (quality 75) is larger."""
    Image.merge("RGB", [Image.effect_noise((480, 360), 80)] * 3).save(path, "JPEG", quality=2, exif=gps_exif())
    return path


def png_with_text(path: Path, palette: bool = False) -> Path:
    info = PngImagePlugin.PngInfo()
    info.add_text("Comment", "KomentarUji di sini")
    info.add_itxt("XML:com.adobe.xmp", XMP.decode())
    image = drawing((320, 200))
    (image.convert("P") if palette else image).save(path, "PNG", pnginfo=info, exif=gps_exif())
    return path


def append(project: Path, page: str, text: str) -> None:
    path = project / page
    path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")


def hostile_images(project: Path) -> Path:
    posts = project / "docs" / "artikel" / "posts"
    photo_with_gps(posts / "foto-artikel.jpg", size=(1600, 1200))
    (posts / "2013-12-22-lampiran").mkdir()
    png_with_text(posts / "2013-12-22-lampiran" / "peta.png")
    append(project, ARTICLE, "\n![Papan tulis](foto-artikel.jpg)\n\n![Peta](2013-12-22-lampiran/peta.png)\n")

    pertemuan = project / "docs" / "pertemuan"
    tiny_jpeg_with_gps(pertemuan / "kecil.jpg")
    append(project, NOTE, "\n![Kecil](kecil.jpg)\n")

    folder = project / "docs" / "uji"
    folder.mkdir()
    drawing((300, 200)).save(folder / "foto.webp", "WEBP", exif=gps_exif(), xmp=XMP)
    drawing((300, 200)).save(folder / "foto.avif", "AVIF", exif=gps_exif(), xmp=XMP)
    frames = [drawing((120, 80)).convert("P"), drawing((120, 80)).rotate(180).convert("P")]
    frames[0].save(folder / "gerak.gif", "GIF", save_all=True, append_images=frames[1:], duration=[100, 150], loop=0,
                   comment=b"KomentarUji " + CAMERA.encode())
    photo_with_gps(folder / "BESAR.JPG", size=(800, 600))
    photo_with_gps(folder / "lain.jpeg", size=(600, 400))
    png_with_text(folder / "palet.png", palette=True)
    (folder / "gambar.md").write_text(
        "# Gambar uji\n\n![a](foto.webp) ![b](foto.avif) ![c](gerak.gif) ![d](BESAR.JPG) ![e](lain.jpeg) "
        "![f](palet.png)\n", encoding="utf-8")

    gallery = pertemuan / "02-perlindungan-anak" / "foto"
    gallery.mkdir(parents=True)
    photo_with_gps(gallery / "satu.jpg")
    photo_with_gps(gallery / "dua.jpg")
    (gallery / "galeri.yml").write_text(
        f"- berkas: satu.jpg\n  keterangan: '{HOSTILE_CAPTION.replace(chr(39), chr(39) * 2)}'\n  izin_publikasi: true\n"
        f"- berkas: dua.jpg\n  keterangan: '{SELECTOR_CAPTION}'\n  izin_publikasi: true\n", encoding="utf-8")
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("not_in_nav: |\n", "not_in_nav: |\n  /uji/*.md\n"),
                      encoding="utf-8")
    return project


@pytest.fixture(scope="module")
def images_site(tmp_path_factory) -> Path:
    project = hostile_images(copy_project(tmp_path_factory.mktemp("gambar") / "project"))
    with environment(KDA_TANPA_PDF="1"):
        return build_site(project, project / "site")


def site_images(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("*") if p.suffix.lower() in IMAGE_SUFFIXES and p.is_file())


def metadata_of(path: Path) -> list[str]:
    """What the file says besides its pixels, read with Pillow and from its raw bytes."""
    data = path.read_bytes()
    found = [marker.decode("latin-1") for marker in MARKERS if marker in data]
    with Image.open(io.BytesIO(data)) as image:
        found += [key for key in image.info if key in ("exif", "xmp", "XML:com.adobe.xmp", "icc_profile", "comment",
                                                      "photoshop", "Comment")]
        if image.getexif():
            found.append("EXIF")
        found += [f"teks PNG {key}" for key in (getattr(image, "text", None) or {})]
        found += [name for name, _ in getattr(image, "applist", []) if name not in ("APP0", "APP14")]
    return found


@pytest.mark.build
def test_every_image_of_the_site_has_no_metadata(images_site):
    images = site_images(images_site)
    theirs = {p for p in images if "assets/" in p.relative_to(images_site).as_posix()}  # the theme's and ours (cards)
    assert len(images) - len(theirs) >= 11
    assert {p.relative_to(images_site).as_posix(): metadata_of(p) for p in images if metadata_of(p)} == {}


@pytest.mark.build
def test_the_article_links_to_its_clean_image_where_the_blog_moved_it(images_site):
    page = images_site / "artikel" / "2013-12-22-mengapa-kami-berdiskusi" / "index.html"
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "lxml")
    sources = [img["src"] for img in soup.select("article img") if "foto-artikel" in img["src"] or "peta" in img["src"]]
    assert len(sources) == 2
    for src in sources:
        target = (page.parent / src).resolve()
        assert target.is_file() and metadata_of(target) == []
        with Image.open(target) as image:
            assert image.width <= 1280
    assert not (images_site / "artikel" / "posts").exists()  # nothing left at the path before the move


@pytest.mark.build
def test_a_clean_copy_larger_than_the_original_is_still_the_one_published(images_site):
    original = images_site.parent / "docs" / "pertemuan" / "kecil.jpg"
    published = images_site / "pertemuan" / "kecil.jpg"
    assert published.stat().st_size > original.stat().st_size  # the case: re-encoding made it larger
    assert published.read_bytes() != original.read_bytes() and metadata_of(published) == []


@pytest.mark.build
def test_every_format_keeps_its_format_and_pixels(images_site):
    folder = images_site / "uji"
    expected = {"foto.webp": "WEBP", "foto.avif": "AVIF", "gerak.gif": "GIF", "BESAR.JPG": "JPEG", "lain.jpeg": "JPEG",
                "palet.png": "PNG"}
    for name, kind in expected.items():
        with Image.open(folder / name) as image:
            assert image.format == kind, name
            assert image.size[0] > 0
    with Image.open(folder / "gerak.gif") as animation:
        assert animation.n_frames == 2  # an animation stays one


@pytest.mark.build
def test_the_gallery_photos_have_no_metadata_and_captions_are_text(images_site):
    note = images_site / "pertemuan" / "02-perlindungan-anak" / "index.html"
    soup = BeautifulSoup(note.read_text(encoding="utf-8"), "lxml")
    links = soup.select("a.glightbox")
    assert [a["data-description"] for a in links] == [
        HOSTILE_CAPTION.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&#34;")
        .replace("'", "&#39;"), "&#46;md-header"]
    assert [c.get_text(" ", strip=True).split(" Unduh foto")[0] for c in soup.select(".kda-galeri figcaption")] == [
        HOSTILE_CAPTION, SELECTOR_CAPTION]
    assert not soup.select(".kda-galeri img[src='x']")
    assert 'GLightbox({"moreLength": 0, ' in soup.select_one("script#init-glightbox").get_text()
    for link in links:
        assert metadata_of((note.parent / link["href"]).resolve()) == []


@pytest.mark.build
def test_an_image_over_the_pixel_limit_or_unreadable_stops_the_build(tmp_path):
    project = copy_project(tmp_path / "project")
    folder = project / "docs" / "pertemuan"
    Image.new("1", (9000, 9000)).save(folder / "raksasa.png")  # 81 megapixels in a few kilobytes
    (folder / "rusak.webp").write_bytes(b"RIFF\x00\x00\x00\x00WEBPbukan gambar")
    append(project, NOTE, "\n![Raksasa](raksasa.png)\n\n![Rusak](rusak.webp)\n")
    result = run_cli_build(project)
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert ("docs/pertemuan/raksasa.png: gambar ini terlalu besar: 9.000 × 9.000 piksel (81 megapiksel); "
            "paling banyak 50 megapiksel") in output
    assert "docs/pertemuan/rusak.webp: berkas ini bukan gambar yang dapat dibaca" in output
    assert "Traceback" not in output
    assert not (project / "site" / "pertemuan" / "raksasa.png").exists()


def test_a_gallery_photo_over_the_pixel_limit_is_refused_before_it_is_decoded(tmp_path):
    from kda.model.gallery import GalleryError
    from kda.outputs import media

    docs = tmp_path / "docs"
    gallery = docs / "pertemuan" / "02-x" / "foto"
    gallery.mkdir(parents=True)
    (docs / "pertemuan" / "02-x.md").write_text("# x\n", encoding="utf-8")
    Image.new("1", (12000, 6000)).save(gallery / "besar.png")
    (gallery / "galeri.yml").write_text("- berkas: besar.png\n  keterangan: Foto uji\n  izin_publikasi: true\n",
                                        encoding="utf-8")
    with pytest.raises(GalleryError) as error:
        media.prepare(docs, tmp_path / "cache", ["pertemuan/02-x.md"])
    assert error.value.problems == [
        "docs/pertemuan/02-x/foto/besar.png: gambar ini terlalu besar: 12.000 × 6.000 piksel (72 megapiksel); "
        "paling banyak 50 megapiksel, misalnya 8.000 × 6.000 piksel. Perkecil gambarnya (misalnya simpan ulang "
        "dengan ukuran lebih kecil, atau kirim lewat aplikasi pesan yang memperkecilnya) lalu unggah lagi."]
