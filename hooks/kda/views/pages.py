"""Which documentation page belongs to which meeting or material.

A meeting note is `pertemuan/NN-judul-singkat.md` (NN: the meeting's number, two digits, or
more without a leading zero from meeting 100 on: `100-...`);
a material page is `materi/<id>.md`. The number and the id live in the file name, so
the data file does not repeat them. Pure functions of the list of page paths.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property

from kda.model.data import SiteData
from kda.paths import MATERIALS_DIR, NOTES_DIR
from kda.problems import Problems

# Two digits (00-99), or three and more without a leading zero (100, 101...): one name per number.
NOTE_NAME = re.compile(r"^(\d{2}|[1-9]\d{2,})-[a-z0-9]+(?:-[a-z0-9]+)*\.md$")


@dataclass(frozen=True)
class PageMap:
    """src paths (relative to docs/, with '/') of the notes and material pages."""

    notes: dict[int, str] = field(default_factory=dict)
    materials: dict[str, str] = field(default_factory=dict)

    def note(self, nomor: int) -> str | None:
        return self.notes.get(nomor)

    def material(self, material_id: str) -> str:
        return self.materials[material_id]

    def meeting_of_note(self, src_path: str) -> int | None:
        return self._by_path[0].get(src_path)

    def material_of_page(self, src_path: str) -> str | None:
        return self._by_path[1].get(src_path)

    @cached_property  # asked for every page: one dict lookup, not a scan of every note
    def _by_path(self) -> tuple[dict[str, int], dict[str, str]]:
        return ({path: n for n, path in self.notes.items()}, {path: m for m, path in self.materials.items()})


class PageError(Problems):
    heading = "Halaman tidak cocok dengan data:"


def map_pages(page_paths: list[str], data: SiteData, docs_label: str = "docs") -> PageMap:
    """Match notes and material pages to the data; raise PageError listing every mismatch."""
    notes, note_problems = _map_notes(page_paths, data, docs_label)
    materials, material_problems = _map_materials(page_paths, data, docs_label)
    problems = note_problems + material_problems
    if problems:
        raise PageError(problems)
    return PageMap(notes, materials)


def _pages_in(page_paths: list[str], folder: str) -> list[str]:
    return sorted(p for p in page_paths if p.startswith(folder + "/") and p != f"{folder}/index.md")


def _map_notes(page_paths, data: SiteData, docs_label: str):
    known = {m.nomor for m in data.pertemuan}
    notes: dict[int, str] = {}
    problems = []
    for path in _pages_in(page_paths, NOTES_DIR):
        name = path[len(NOTES_DIR) + 1:]
        match = NOTE_NAME.match(name)
        if not match:
            problems.append(
                f"{docs_label}/{path}: nama berkas catatan pertemuan harus berbentuk NN-judul-singkat.md "
                f"(NN = nomor pertemuan dua angka, misalnya 02, atau nomornya saja mulai pertemuan 100; huruf kecil, angka dan tanda minus), misalnya "
                f"02-perlindungan-anak.md. Ganti nama berkasnya."
            )
            continue
        nomor = int(match[1])
        if nomor not in known:
            problems.append(
                f"{docs_label}/{path}: tidak ada pertemuan {nomor} di data/pertemuan.yml. "
                f"Perbaiki nomor di awal nama berkas, atau tambahkan pertemuan {nomor} ke data."
            )
        elif nomor in notes:
            problems.append(
                f"{docs_label}/{path}: pertemuan {nomor} sudah punya catatan ({docs_label}/{notes[nomor]}). "
                "Satu pertemuan satu catatan: gabungkan isinya ke berkas itu."
            )
        else:
            notes[nomor] = path
    return notes, problems


def _map_materials(page_paths, data: SiteData, docs_label: str):
    ids = {m.id for m in data.materi}
    pages = {p[len(MATERIALS_DIR) + 1:-3]: p for p in _pages_in(page_paths, MATERIALS_DIR)}
    problems = []
    for material_id, path in pages.items():
        if material_id not in ids:
            problems.append(
                f"{docs_label}/{path}: tidak ada materi dengan id \"{material_id}\" di data/materi.yml. "
                f"Tambahkan materinya ke data, atau ganti nama halaman menjadi salah satu id: {', '.join(sorted(ids))}."
            )
    for material in data.materi:
        if material.id not in pages:
            problems.append(
                f"data/materi.yml: materi {material.id} belum punya halaman. "
                f"Buat {docs_label}/{MATERIALS_DIR}/{material.id}.md berisi keterangan materi."
            )
    return {k: v for k, v in pages.items() if k in ids}, problems
