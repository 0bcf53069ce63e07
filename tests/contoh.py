"""An example project for the tests of galleries, responses and download labels.

Everything here is invented test data, written only into a temporary copy of the project:
photos drawn by Pillow (one with GPS coordinates and a camera name in its EXIF), a material
file of a known size, example response settings. Nothing of it is ever in data/ or docs/.
"""

from __future__ import annotations

from pathlib import Path

from PIL import ExifTags, Image, ImageDraw

NOTE = "pertemuan/02-perlindungan-anak"
GALLERY = f"docs/{NOTE}/foto"
CAMERA = "KameraContohUji"
GPS = {
    ExifTags.GPS.GPSLatitudeRef: "S",
    ExifTags.GPS.GPSLatitude: (6.0, 54.0, 51.0),
    ExifTags.GPS.GPSLongitudeRef: "E",
    ExifTags.GPS.GPSLongitude: (107.0, 36.0, 35.0),
}
MATERIAL_SIZE = 1_234_567  # bytes: "PDF, 1,2 MB"
GISCUS = {"repo": "contoh-uji/situs-uji", "repo_id": "R_contohuji", "category": "Tanggapan",
          "category_id": "DIC_contohuji"}
WHATSAPP = "620000000000"  # not a real number: the test only checks the link is built
EMAIL = "pengurus@contoh.invalid"

GALLERY_LIST = """\
- berkas: papan-plano.jpg
  keterangan: Papan plano berisi hasil diskusi (foto uji).
  izin_publikasi: true
- berkas: ruang-diskusi.png
  keterangan: Ruang diskusi sebelum pertemuan (foto uji).
  izin_publikasi: true
"""

RESPONSES = f"""\
  tanggapan:
    giscus:
      repo: "{GISCUS['repo']}"
      repo_id: "{GISCUS['repo_id']}"
      category: "{GISCUS['category']}"
      category_id: "{GISCUS['category_id']}"
    kontak:
      whatsapp: "{WHATSAPP}"
      email: "{EMAIL}"
"""


def drawing(size: tuple[int, int]) -> Image.Image:
    """A photo-like test picture: a gradient with a few shapes (compresses like a photo, not like noise)."""
    image = Image.linear_gradient("L").resize(size).convert("RGB")
    draw = ImageDraw.Draw(image)
    w, h = size
    draw.ellipse((w // 8, h // 8, w // 2, h // 2), fill=(200, 80, 40))
    draw.rectangle((w // 2, h // 3, w - w // 10, h - h // 10), fill=(30, 120, 160))
    return image


def photo_with_gps(path: Path, size=(2400, 1600), orientation: int = 6) -> Path:
    """A JPEG whose EXIF holds a camera name, GPS coordinates and an orientation (6: turned 90°)."""
    exif = Image.Exif()
    exif[ExifTags.Base.Make] = CAMERA
    exif[ExifTags.Base.Orientation] = orientation
    exif[ExifTags.IFD.GPSInfo] = GPS
    drawing(size).save(path, "JPEG", quality=95, exif=exif)
    return path


def make_example(project: Path) -> Path:
    """Add the gallery, the material file, the response settings and the front-matter switch."""
    gallery = project / GALLERY
    gallery.mkdir(parents=True)
    photo_with_gps(gallery / "papan-plano.jpg")
    drawing((300, 200)).save(gallery / "ruang-diskusi.png")
    (gallery / "galeri.yml").write_text(GALLERY_LIST, encoding="utf-8")

    (project / "docs/materi/masalah-anak.pdf").write_bytes(b"%PDF-1.4\n" + b"0" * (MATERIAL_SIZE - 9))
    replace(project / "data/materi.yml", "\n- id: masalah-anak\n", "\n- id: masalah-anak\n  berkas: masalah-anak.pdf\n")

    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    start = text.index("  tanggapan:\n")
    end = text.index("\n\n", start)
    config.write_text(text[:start] + RESPONSES.rstrip("\n") + text[end:], encoding="utf-8")

    note = project / f"docs/{NOTE}.md"
    note.write_text("---\ntanggapan: true\n---\n\n" + note.read_text(encoding="utf-8"), encoding="utf-8")
    return project


def replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
