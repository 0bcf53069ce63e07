"""The build's media: gallery photos made into web sizes, and the label of every download.

Runs in `on_files`: finds the galleries beside the notes (`kda.model.gallery`), makes each photo's
thumbnail and large copy (`photo.py`, cached outside docs/), takes the originals out of the
site (they keep their metadata, so they are never published) and adds the clean copies as
generated files. Computes once the "PDF, 1,2 MB" label of every material file and photo.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from mkdocs.structure.files import File, Files

from kda.model.gallery import Gallery, GalleryError, find_galleries, is_gallery_source
from kda.outputs import downloads as download_labels
from kda.outputs import photo as photo_files
from kda.outputs.images import UNREADABLE_TEXT, UnreadableImage
from kda.paths import MATERIALS_DIR, NOTES_DIR


@dataclass(frozen=True)
class GalleryPhoto:
    caption: str
    thumbnail: str  # site path of the thumbnail
    large: str  # site path of the large copy
    width: int  # the thumbnail's size in pixels
    height: int
    label: str  # the large copy's type and size: "JPEG, 240 kB"


@dataclass(frozen=True)
class Media:
    galleries: dict[str, tuple[GalleryPhoto, ...]] = field(default_factory=dict)  # note src path -> photos
    outputs: dict[str, Path] = field(default_factory=dict)  # site path -> cached file
    labels: dict[str, str] = field(default_factory=dict)  # site path -> "PDF, 1,2 MB"


def prepare(docs_dir: Path, cache: Path, note_paths: list[str]) -> Media:
    """Check and process every gallery; label every download. Raises galeri.GalleryError."""
    galleries = find_galleries(docs_dir, NOTES_DIR, note_paths)
    photos, outputs, problems = {}, {}, []
    for gallery in galleries:
        photos[gallery.note] = tuple(_process(gallery, cache / "foto", outputs, problems))
    if problems:
        raise GalleryError(problems)
    downloads = {p.relative_to(docs_dir).as_posix(): p for p in _material_files(docs_dir)}
    labels = download_labels.labels({**downloads, **outputs})
    photos = {note: tuple(_with_label(p, labels) for p in items) for note, items in photos.items()}
    return Media(photos, outputs, labels)


def publish(files: Files, config, media: Media) -> Files:
    """Take the original photos and gallery lists out of the site; add the processed copies."""
    for file in [f for f in files if is_gallery_source(f.src_uri, NOTES_DIR)]:
        files.remove(file)
    for site_path, cached in media.outputs.items():
        files.append(File.generated(config, site_path, abs_src_path=str(cached)))
    return files


def _process(gallery: Gallery, cache: Path, outputs: dict[str, Path], problems: list[str]):
    for photo in gallery.photos:
        try:
            renditions = photo_files.process(photo.source, cache)
        except photo_files.UNREADABLE as error:
            too_large = isinstance(error, UnreadableImage) and error.reason != UNREADABLE_TEXT
            problems.append(f"docs/{gallery.folder}/{photo.name}: " + (error.reason if too_large else
                            "berkas ini tidak dapat dibaca sebagai foto (rusak, terpotong saat diunggah, atau bukan "
                            "foto meski berakhiran gambar). Unggah ulang fotonya dari kamera atau ponsel."))
            continue
        thumb, large = renditions[photo_files.THUMBNAIL.name], renditions[photo_files.LARGE.name]
        thumb_path = f"{gallery.folder}/{photo.stem}-{photo_files.THUMBNAIL.name}.jpg"
        large_path = f"{gallery.folder}/{photo.stem}-{photo_files.LARGE.name}.jpg"
        outputs[thumb_path], outputs[large_path] = thumb.path, large.path
        yield GalleryPhoto(photo.caption, thumb_path, large_path, thumb.width, thumb.height, "")


def _with_label(photo: GalleryPhoto, labels: dict[str, str]) -> GalleryPhoto:
    return GalleryPhoto(photo.caption, photo.thumbnail, photo.large, photo.width, photo.height, labels[photo.large])


def _material_files(docs_dir: Path) -> list[Path]:
    folder = docs_dir / MATERIALS_DIR
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir() if p.is_file() and p.suffix != ".md" and not p.name.startswith("."))
