"""Every image published from docs/, re-encoded from its pixels alone, resized, with no metadata.

A photo straight from a phone carries where it was taken (EXIF GPS), the camera, the time and
often a caption or an editor's history (XMP, IPTC, comments); for a child-protection group the
location alone can show where a child lives. So no image of a writer is ever published as it
was uploaded: each JPEG, PNG, WebP, GIF or AVIF under docs/, wherever it lies (beside an
article, a note, a material), is decoded, turned upright by its EXIF orientation, converted to
sRGB, copied pixel by pixel into a fresh image (which has no metadata to carry over) and encoded
again in its own format, at most MAX_WIDTH wide. The result is used even when it is larger than
the original: the original is never the fallback. `metadata_left` checks the encoded file
again, and a file that still shows metadata is refused rather than published.

Images over MAX_PIXELS are refused with a message before they are decoded: decoding a
165-megapixel photo takes several gigabytes of memory. Results are cached by the original's
content (`.cache/gambar/`), written atomically (`cachefile.py`). The gallery photos of meeting
notes (`photo.py`) use the same pixel copy and limit. No MkDocs import.

Pillow does the decoding and encoding; no library offers "re-encode without metadata" as one
call, hence the small functions below.
"""

from __future__ import annotations

import hashlib
import io
import re
import warnings
from pathlib import Path

from PIL import Image, ImageCms, ImageOps, ImageSequence, features

from kda.outputs.cachefile import write_atomic

MAX_WIDTH = 1280  # wider than any phone screen at 2× density of a 640 px column
JPEG_QUALITY = 75
MAX_PIXELS = 50_000_000  # 50 megapixels (8,000 × 6,000): more than phones save by default
MAX_FRAMES = 300  # an animation's frames, each counted against MAX_PIXELS too
SUFFIXES = {".jpg", ".jpeg", ".png", ".webp", ".gif", ".avif"}  # every image format policy.py publishes
FORMATS = {".jpg": "JPEG", ".jpeg": "JPEG", ".png": "PNG", ".webp": "WEBP", ".gif": "GIF", ".avif": "AVIF"}
ORIENTATION = 0x0112  # the EXIF tag of the camera's rotation
VERSION = "2"  # bump when the processing below changes: every cached image is redone

# What Pillow may report about an image it encoded itself: the encoding, never a description of
# the picture, its place, camera or author. Anything else found in an output refuses it.
_NEUTRAL_INFO = frozenset({
    "jfif", "jfif_version", "jfif_unit", "jfif_density", "dpi", "progressive", "progression",
    "adobe", "adobe_transform", "version", "background", "duration", "loop", "transparency",
    "extension", "gamma", "aspect", "bbox", "blend", "disposal", "default_image",
})
_SRGB = ImageCms.createProfile("sRGB")

UNREADABLE_TEXT = ("berkas ini bukan gambar yang dapat dibaca (rusak, atau isinya bukan JPEG/PNG/WebP/GIF/AVIF "
                   "seperti akhiran namanya). Simpan ulang gambarnya dari aplikasi foto, atau ganti dengan berkas yang benar.")


class UnreadableImage(Exception):
    """The file cannot be published as an image; `reason` says why and what to do, in Indonesian."""

    def __init__(self, reason: str = UNREADABLE_TEXT):
        super().__init__(reason)
        self.reason = reason


def is_content_image(path: str) -> bool:
    return Path(path).suffix.lower() in SUFFIXES


def too_large_text(width: int | None, height: int | None, frames: int = 1, pixels: int | None = None) -> str:
    if width and height:
        size = f"{_number(width)} × {_number(height)} piksel ({_number(round(width * height * frames / 1_000_000))} megapiksel"
        size += f", {frames} bingkai)" if frames > 1 else ")"
    else:
        size = f"{_number(round(pixels / 1_000_000))} megapiksel" if pixels else "terlalu banyak piksel"
    return (f"gambar ini terlalu besar: {size}; paling banyak {MAX_PIXELS // 1_000_000} megapiksel, misalnya "
            "8.000 × 6.000 piksel. Perkecil gambarnya (misalnya simpan ulang dengan ukuran lebih kecil, atau kirim "
            "lewat aplikasi pesan yang memperkecilnya) lalu unggah lagi.")


def open_checked(data: bytes) -> Image.Image:
    """The image in `data`, its header read and its size checked, not yet decoded."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)  # check_size decides, with the size
            image = Image.open(io.BytesIO(data))
    except Image.DecompressionBombError as error:  # over twice Pillow's own limit: refused before its size is kept
        pixels = re.search(r"\((\d+) pixels\)", str(error))
        raise UnreadableImage(too_large_text(None, None, pixels=int(pixels[1]) if pixels else None)) from None
    except Exception:  # Pillow raises many kinds of error (struct.error, IndexError...) on a malformed file
        raise UnreadableImage() from None
    try:
        check_size(image)  # reading the number of frames walks the file: it can fail too
    except UnreadableImage:
        raise
    except Exception:
        raise UnreadableImage() from None
    return image


def check_size(image: Image.Image) -> None:
    """Refuse, before decoding, an image whose pixels (all frames together) exceed MAX_PIXELS."""
    frames = getattr(image, "n_frames", 1)
    if image.width * image.height * min(frames, MAX_FRAMES + 1) > MAX_PIXELS or frames > MAX_FRAMES:
        raise UnreadableImage(too_large_text(image.width, image.height, frames))


def clean_copy(source: Path, cache_dir: Path) -> Path:
    """The cached clean copy of `source` (made once per content). Raises UnreadableImage."""
    data = source.read_bytes()
    suffix = source.suffix.lower()
    key = hashlib.sha256(f"{VERSION}|{suffix}|".encode() + data).hexdigest()[:24]
    cached = cache_dir / f"{key}{suffix}"
    if not cached.is_file():
        write_atomic(cached, clean(data, suffix))
    return cached


def clean(data: bytes, suffix: str) -> bytes:
    """`data` re-encoded from its pixels, upright, in sRGB, at most MAX_WIDTH wide, without metadata."""
    image = open_checked(data)
    if FORMATS[suffix] == "AVIF" and not features.check("avif"):
        raise UnreadableImage("gambar AVIF tidak dapat diolah di komputer ini. Simpan gambarnya sebagai JPG atau PNG.")
    frames, durations = [], []
    try:
        with image:
            if image.format == "JPEG" and image.mode in ("RGB", "L"):
                image.draft(image.mode, (MAX_WIDTH, MAX_WIDTH))  # decode at a smaller scale when that is enough
            turned = bool(image.getexif().get(ORIENTATION))
            for frame in ImageSequence.Iterator(image):
                frames.append(_frame(frame, turned))
                durations.append(frame.info.get("duration", 100))
            loop = image.info.get("loop", 0)
    except Exception:  # as in open_checked: any error of a malformed file is an unreadable image
        raise UnreadableImage() from None
    encoded = _encode(frames, durations, loop, FORMATS[suffix])
    left = metadata_left(encoded)
    if left:  # fail closed: never publish what still describes the photo
        raise UnreadableImage(f"gambar ini masih memuat metadata ({', '.join(left)}) setelah diolah ulang. "
                              "Simpan ulang gambarnya sebagai JPG atau PNG dari aplikasi lain, lalu unggah lagi.")
    return encoded


def _frame(frame: Image.Image, turned: bool) -> Image.Image:
    upright = ImageOps.exif_transpose(frame.copy()) if turned else frame.copy()  # phones store rotation in EXIF
    alpha = _has_alpha(upright)
    pixels = pixels_only(to_srgb(upright), alpha)
    if pixels.width > MAX_WIDTH:
        height = max(1, round(pixels.height * MAX_WIDTH / pixels.width))
        pixels = pixels.resize((MAX_WIDTH, height), Image.Resampling.LANCZOS)
    return pixels


def _has_alpha(image: Image.Image) -> bool:
    return image.mode in ("RGBA", "LA", "PA", "La", "RGBa") or "transparency" in image.info


def to_srgb(image: Image.Image) -> Image.Image:
    """The picture in sRGB: an embedded colour profile (a phone's Display P3) is applied, then dropped."""
    profile = image.info.get("icc_profile")
    if not profile:
        return image
    mode = "RGBA" if _has_alpha(image) else "RGB"
    try:
        source = ImageCms.ImageCmsProfile(io.BytesIO(profile))
        if image.mode not in ("RGB", "RGBA", "CMYK", "L"):
            image = image.convert(mode)
        return ImageCms.profileToProfile(image, source, _SRGB, outputMode=mode if image.mode != "L" else "L")
    except (ImageCms.PyCMSError, OSError, ValueError):
        return image  # a broken profile: the pixels as they are


def pixels_only(image: Image.Image, alpha: bool = False) -> Image.Image:
    """A new image holding the pixels and nothing else (no EXIF, XMP, ICC, IPTC or comments):
    RGBA when `alpha`, otherwise RGB (transparent parts on white)."""
    rgba = image.convert("RGBA")
    if alpha:
        clean = Image.new("RGBA", rgba.size)
        clean.paste(rgba)
        return clean
    clean = Image.new("RGB", rgba.size, "white")
    clean.paste(rgba, mask=rgba.getchannel("A"))
    return clean


def _encode(frames: list[Image.Image], durations: list[int], loop: int, kind: str) -> bytes:
    out = io.BytesIO()
    first, rest = frames[0], frames[1:]
    animation = {"save_all": True, "append_images": rest, "duration": durations, "loop": loop} if rest else {}
    if kind == "JPEG":
        first.convert("RGB").save(out, "JPEG", quality=JPEG_QUALITY, optimize=True, progressive=True)
    elif kind == "PNG":
        first.save(out, "PNG", optimize=True, **animation)  # an animated PNG stays animated
    elif kind == "GIF":
        first.save(out, "GIF", optimize=True, **animation)
    elif kind == "WEBP":
        first.save(out, "WEBP", quality=JPEG_QUALITY, method=6, **animation)
    else:
        first.save(out, "AVIF", quality=JPEG_QUALITY, **animation)
    return out.getvalue()


def metadata_left(data: bytes) -> list[str]:
    """What an encoded image still says beyond its pixels (EXIF, XMP, ICC, comments, text chunks...)."""
    with Image.open(io.BytesIO(data)) as image:
        found = sorted(key for key in image.info if key not in _NEUTRAL_INFO)
        if image.getexif():
            found.append("EXIF")
        found += [f"PNG {key}" for key in getattr(image, "text", {}) or {}]
        found += [name for name, _ in getattr(image, "applist", []) if name not in ("APP0", "APP14")]
    return found


def _number(value: int | None) -> str:
    return f"{value:,}".replace(",", ".") if value is not None else "?"
