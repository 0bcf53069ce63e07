"""Resize and clean one photo with Pillow: a thumbnail and a large copy, metadata stripped.

The photos of a child-protection group can reveal where children live: every output is a
fresh image made from the pixels only (`images.pixels_only`, shared with every other image of
the site), so EXIF (GPS, camera, date), XMP, IPTC, colour profiles and comments of the original
are gone. The camera's orientation is applied to the pixels first, so the photo still stands the
right way up without its EXIF. A photo over `images.MAX_PIXELS` is refused before it is decoded.
Results are cached under a folder outside docs/, keyed by the original's content and the
settings, so a rebuild does no image work twice.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from PIL import ExifTags, Image, ImageOps

from kda.outputs.cachefile import atomic_path
from kda.outputs.images import UnreadableImage, open_checked, pixels_only, to_srgb

# Bump when the processing changes, so cached results are made again.
PROCESS_VERSION = "3"


# What is raised for a file that is not a readable photo (broken, truncated, not an image, or
# too large to decode: `images.UnreadableImage` says which, in Indonesian).
UNREADABLE = (UnreadableImage, OSError, SyntaxError, ValueError, Image.DecompressionBombError)


@dataclass(frozen=True)
class Size:
    name: str  # suffix of the output file: "kecil" (thumbnail) or "besar" (lightbox)
    box: int  # longest side, in pixels; smaller photos are not enlarged
    quality: int  # JPEG quality


THUMBNAIL = Size("kecil", 480, 70)
LARGE = Size("besar", 1600, 82)
SIZES = (THUMBNAIL, LARGE)


@dataclass(frozen=True)
class Rendition:
    path: Path  # the cached file
    width: int
    height: int


def has_location(source: Path) -> bool:
    """Whether the original's EXIF holds GPS data (its published copies never do)."""
    try:
        with Image.open(source) as image:
            return bool(image.getexif().get_ifd(ExifTags.IFD.GPSInfo))
    except UNREADABLE:
        return False  # not a readable photo: the build says so


def cache_key(source: Path) -> str:
    digest = hashlib.sha256(f"{PROCESS_VERSION}|{SIZES}".encode())
    digest.update(source.read_bytes())
    return digest.hexdigest()[:32]


def process(source: Path, cache_dir: Path) -> dict[str, Rendition]:
    """The thumbnail and the large copy of `source` (made once, then read from the cache)."""
    key = cache_key(source)
    targets = {size.name: cache_dir / f"{key}-{size.name}.jpg" for size in SIZES}
    if not all(path.is_file() for path in targets.values()):
        with open_checked(source.read_bytes()) as original:  # its size checked before decoding
            try:
                # JPEG: decode at the smallest scale still at least the large size (much faster, same result).
                original.draft("RGB", (LARGE.box, LARGE.box))
                upright = ImageOps.exif_transpose(original)
                pixels = pixels_only(to_srgb(upright))
            except Exception:  # Pillow raises many kinds of error on a malformed file
                raise UnreadableImage() from None
        for size in SIZES:
            _save(pixels, size, targets[size.name])
    return {name: _rendition(path) for name, path in targets.items()}


def _save(pixels: Image.Image, size: Size, target: Path) -> None:
    image = pixels.copy()
    image.thumbnail((size.box, size.box), Image.Resampling.LANCZOS)
    with atomic_path(target) as partial:  # no half-written file, even with two builds at once
        image.save(partial, "JPEG", quality=size.quality, optimize=True, progressive=True, exif=b"")


def _rendition(path: Path) -> Rendition:
    with Image.open(path) as image:
        return Rendition(path, image.width, image.height)
