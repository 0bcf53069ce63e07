"""Meeting photo galleries: find them beside the notes, read their list, check the rules.

A note `docs/pertemuan/NN-judul.md` may have a folder `docs/pertemuan/NN-judul/foto/` holding
the photos and one list, `galeri.yml`, that gives each photo a caption and the explicit
publication consent. The rules (a photo is published only with both) are checked here,
every problem collected and reported at once in Indonesian. Pure Python, no MkDocs, no
image work (that is `kda.outputs.photo`).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from pydantic import Field

from kda.model.datafile import DataFileError, load_data_file
from kda.model.fields import Strict
from kda.model.messages import collect_errors, found_text, located
from kda.paths import GALLERY_DIR
from kda.problems import Problems

GALLERY_LIST = "galeri.yml"
PHOTO_SUFFIXES = (".jpg", ".jpeg", ".png", ".webp")
LIST_EXAMPLE = (
    "- berkas: diskusi-kelompok.jpg\n"
    "  keterangan: Anggota kelompok membahas kasus di papan plano.\n"
    "  izin_publikasi: true"
)
CONSENT_RULE = (
    "Foto hanya terbit bila semua orang yang dapat dikenali di dalamnya (dan orang tua atau wali "
    "setiap anak) sudah setuju fotonya dimuat di situs; wajah anak yang dapat dikenali tanpa izin "
    "tidak boleh terbit."
)


class FotoEntri(Strict):
    berkas: str = Field(min_length=1, examples=["diskusi-kelompok.jpg"])
    keterangan: str | None = Field(default=None, examples=["Anggota kelompok membahas kasus di papan plano."])
    izin_publikasi: bool | None = Field(default=None, examples=["true"])


@dataclass(frozen=True)
class Photo:
    source: Path  # the original, never published as is
    name: str  # file name in the gallery folder
    caption: str

    @property
    def stem(self) -> str:
        return Path(self.name).stem


@dataclass(frozen=True)
class Gallery:
    note: str  # src path of the note, e.g. "pertemuan/02-perlindungan-anak.md"
    folder: str  # src path of the photo folder, e.g. "pertemuan/02-perlindungan-anak/foto"
    photos: tuple[Photo, ...]


class GalleryError(Problems):
    heading = "Foto pertemuan belum boleh terbit:"


def is_gallery_source(src_path: str, notes_dir: str) -> bool:
    """True for every file inside a `<notes_dir>/<note>/foto/` folder: none is published as is."""
    parts = src_path.split("/")
    return len(parts) >= 4 and parts[0] == notes_dir and parts[2] == GALLERY_DIR


def find_galleries(docs_dir: Path, notes_dir: str, note_paths: list[str], docs_label: str = "docs") -> list[Gallery]:
    """Every gallery folder under `notes_dir`, checked; raise GalleryError listing every problem."""
    galleries, problems = [], []
    notes = set(note_paths)
    for folder in sorted((docs_dir / notes_dir).glob(f"*/{GALLERY_DIR}")):
        if not folder.is_dir():
            continue
        rel = folder.relative_to(docs_dir).as_posix()
        note = f"{notes_dir}/{folder.parent.name}.md"
        if note not in notes:
            problems.append(
                f"{docs_label}/{rel}/: folder foto ini tidak punya catatan pertemuan {docs_label}/{note}. "
                f"Folder foto harus bernama sama dengan catatannya, misalnya {docs_label}/{notes_dir}/02-perlindungan-anak/{GALLERY_DIR}/ "
                f"untuk {docs_label}/{notes_dir}/02-perlindungan-anak.md."
            )
            continue
        gallery, found = read_gallery(folder, note, rel, f"{docs_label}/{rel}")
        problems += found
        if gallery:
            galleries.append(gallery)
    if problems:
        raise GalleryError(problems)
    return galleries


def read_gallery(folder: Path, note: str, rel: str, label: str) -> tuple[Gallery | None, list[str]]:
    """One gallery folder: its list and its photos, with every problem found."""
    list_label = f"{label}/{GALLERY_LIST}"
    try:
        file = load_data_file(folder / GALLERY_LIST, list_label)
    except DataFileError as error:
        hint = f" Buat berkas {list_label} yang mendaftar setiap foto, misalnya:\n{LIST_EXAMPLE}"
        return None, [p + (hint if "tidak ditemukan" in p else "") for p in error.problems]
    if not isinstance(file.content, list) or not file.content:
        return None, [f"{list_label}: isi berkas harus berupa daftar foto berawalan '- ', misalnya:\n{LIST_EXAMPLE}"]

    def entry_name(index, raw):
        name = raw.get("berkas") if isinstance(raw, dict) else None
        return f"foto {name}" if name else f"foto ke-{index + 1}"

    entries, problems = collect_errors(file, file.content, FotoEntri, entry_name)
    photos, listed = [], set()
    for index, entry in enumerate(entries):
        if entry is None:
            continue
        entry_problems = _check_entry(file, (index,), entry, folder, listed)
        problems += entry_problems
        listed.add(entry.berkas)
        if not entry_problems:
            photos.append(Photo(folder / entry.berkas, entry.berkas, entry.keterangan.strip()))
    for path in sorted(folder.iterdir()):
        if path.name != GALLERY_LIST and path.name not in listed and not path.name.startswith("."):
            problems.append(
                f"{label}/{path.name}: berkas ini ada di folder foto tetapi tidak tercantum di {list_label}. "
                f"Tambahkan entrinya dengan keterangan dan izin_publikasi: true, atau hapus berkasnya. {CONSENT_RULE}"
            )
    return Gallery(note, rel, tuple(photos)), problems


def _check_entry(file, where, entry: FotoEntri, folder: Path, listed: set[str]) -> list[str]:
    name, problems = entry.berkas, []

    def problem(text: str) -> None:
        problems.append(located(file, where, f"foto {name}, {text}"))

    if "/" in name or "\\" in name or name.startswith("."):
        problem(f"berkas: tulis nama berkas saja, tanpa folder, misalnya diskusi-kelompok.jpg; tertulis {found_text(name)}.")
        return problems
    if name in listed:
        problem("berkas: foto ini sudah tercantum di entri lain. Hapus salah satu entrinya.")
    elif Path(name).stem in {Path(n).stem for n in listed}:
        problem("berkas: ada foto lain bernama sama dengan akhiran berbeda. Ganti nama salah satu fotonya.")
    if Path(name).suffix.lower() not in PHOTO_SUFFIXES:
        problem(f"berkas: hanya foto {', '.join(s[1:].upper() for s in PHOTO_SUFFIXES)} yang dapat dimuat; "
                f"tertulis {found_text(name)}.")
    elif not (folder / name).is_file():
        problem(f"berkas: berkas {found_text(name)} tidak ditemukan di folder ini. Unggah fotonya, "
                "atau hapus entrinya.")
    if not (entry.keterangan or "").strip():
        problem("keterangan: setiap foto wajib punya keterangan (apa dan siapa yang tampak, tanpa nama anak); "
                "keterangan tampil di bawah foto dan dibacakan untuk pembaca tunanetra. "
                "Tambahkan baris keterangan: ..., misalnya keterangan: Anggota kelompok membahas kasus di papan plano.")
    if entry.izin_publikasi is not True:
        found = "tidak ada" if entry.izin_publikasi is None else f"tertulis {found_text(entry.izin_publikasi).lower()}"
        problem(f"izin_publikasi: foto belum boleh terbit ({found}). {CONSENT_RULE} "
                "Bila izin itu sudah ada, tulis izin_publikasi: true; bila belum, hapus fotonya dari folder.")
    return problems
