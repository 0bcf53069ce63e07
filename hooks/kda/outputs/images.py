"""Content images, resized and compressed at build time with Pillow (offline).

A photo straight from a phone (4000×3000, several MB) would cost a reader on a metered
connection more than the whole rest of the page. Each JPEG/PNG/WebP under docs/ is written
to the built site at most MAX_WIDTH wide and recompressed, only when that makes it smaller.
Material's `optimize` plugin compresses but does not resize, and needs the `pngquant`
program installed; this module needs only Pillow. Results are cached by the file's content
hash, so an unchanged photo is not processed again. No MkDocs import.
"""

from __future__ import annotations

import hashlib
import io
import shutil
from pathlib import Path

from PIL import Image, ImageOps

MAX_WIDTH = 1280  # wider than any phone screen at 2× density of a 640 px column
JPEG_QUALITY = 75
SUFFIXES = {".jpg", ".jpeg", ".png", ".webp"}
VERSION = "1"  # bump when the settings above change: every cached image is redone


def is_content_image(path: str) -> bool:
    return Path(path).suffix.lower() in SUFFIXES


class UnreadableImage(Exception):
    pass


def optimise(source: Path, destination: Path, cache_dir: Path) -> None:
    """Write the optimised `source` to `destination` (the site), through the cache.

    Raises UnreadableImage when the file is not an image Pillow can read (the original is
    still published, so the page does not lose it while the writer fixes it)."""
    data = source.read_bytes()
    key = hashlib.sha256(VERSION.encode() + data).hexdigest()[:20]
    cached = cache_dir / f"{key}{source.suffix.lower()}"
    destination.parent.mkdir(parents=True, exist_ok=True)
    if not cached.exists():
        try:
            smaller = shrink(data, source.suffix.lower())
        except UnreadableImage:
            shutil.copyfile(source, destination)
            raise
        cache_dir.mkdir(parents=True, exist_ok=True)
        partial = cached.with_suffix(".tmp")
        partial.write_bytes(smaller if len(smaller) < len(data) else data)
        partial.replace(cached)
    shutil.copyfile(cached, destination)


def shrink(data: bytes, suffix: str) -> bytes:
    """The image at most MAX_WIDTH wide, recompressed."""
    try:
        image = Image.open(io.BytesIO(data))
        image.load()
    except (OSError, Image.DecompressionBombError) as error:
        raise UnreadableImage(str(error)) from None
    image = ImageOps.exif_transpose(image)  # phones store rotation in EXIF: apply it before stripping
    if image.width > MAX_WIDTH:
        image = image.resize((MAX_WIDTH, round(image.height * MAX_WIDTH / image.width)), Image.Resampling.LANCZOS)
    out = io.BytesIO()
    if suffix in (".jpg", ".jpeg"):
        image.convert("RGB").save(out, "JPEG", quality=JPEG_QUALITY, optimize=True, progressive=True)
    elif suffix == ".png":
        image.save(out, "PNG", optimize=True)
    else:
        image.save(out, "WEBP", quality=JPEG_QUALITY, method=6)
    return out.getvalue()
