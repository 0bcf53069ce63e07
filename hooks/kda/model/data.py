"""The group's data: load `data/*.yml`, validate it, check it across entries and files, and
return typed objects (`SiteData`).

Pure Python, no MkDocs: the hooks call `load_site_data`, the tests call it directly.
Every problem in every file is collected, then reported at once (`DataError`), each
message in Indonesian naming the file, line, entry, field, expectation and finding.
The entries' schema is `kda.model.schema`; what the data says on a given day, `kda.model.agenda`.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

from kda.model.datafile import DataFile, DataFileError, load_data_file
from kda.model.journal_rules import check_journal
from kda.model.kinds import JenisAnggota
from kda.model.messages import collect_errors, found_text, located
from kda.model.schema import Anggota, Kelompok, Materi, Pertemuan, PokokBahasan
from kda.paths import MATERIALS_DIR
from kda.problems import Problems

DATA_FILES = {
    "kelompok": "kelompok.yml",
    "pokok_bahasan": "pokok_bahasan.yml",
    "pertemuan": "pertemuan.yml",
    "materi": "materi.yml",
    "anggota": "anggota.yml",
}


class DataError(Problems):
    """The data is invalid. `problems` is the list of Indonesian messages, one per problem."""

    heading = "Data di folder data/ tidak sah ({count} masalah). Perbaiki lalu bangun ulang situs:"


# --- the whole data set ------------------------------------------------------------------

@dataclass(frozen=True)
class SiteData:
    """All validated facts, with the relations between them."""

    kelompok: Kelompok
    pokok_bahasan: tuple[PokokBahasan, ...]
    pertemuan: tuple[Pertemuan, ...]
    materi: tuple[Materi, ...]
    anggota: tuple[Anggota, ...]
    peringatan: tuple[str, ...] = ()  # warnings (not errors) about the data, logged by the build

    # Lookups by id through dicts made once (templates and pages look entries up per
    # page and per row; a scan of the whole tuple each time grew with the square of the site).
    @cached_property
    def _index(self) -> dict[str, dict]:
        by_topic: dict[str, list[Pertemuan]] = {}
        by_material: dict[str, list[Pertemuan]] = {}
        for meeting in self.pertemuan:  # in the meetings' order, each meeting once per id
            for topic_id in dict.fromkeys(meeting.pokok_bahasan):
                by_topic.setdefault(topic_id, []).append(meeting)
            for material_id in dict.fromkeys(meeting.materi):
                by_material.setdefault(material_id, []).append(meeting)
        return {"anggota": {p.id: p for p in self.anggota}, "pokok_bahasan": {t.id: t for t in self.pokok_bahasan},
                "materi": {m.id: m for m in self.materi}, "pertemuan": {m.nomor: m for m in self.pertemuan},
                "topic_meetings": by_topic, "material_meetings": by_material,
                "members": [p for p in self.anggota if p.jenis == JenisAnggota.ANGGOTA]}

    def person(self, person_id: str) -> Anggota:
        return self._index["anggota"][person_id]

    def members(self) -> list[Anggota]:
        """The group's members (people), not the team author."""
        return list(self._index["members"])

    def topic(self, topic_id: str) -> PokokBahasan:
        return self._index["pokok_bahasan"][topic_id]

    def material(self, material_id: str) -> Materi:
        return self._index["materi"][material_id]

    def meeting(self, nomor: int) -> Pertemuan:
        return self._index["pertemuan"][nomor]

    def meetings_for_topic(self, topic_id: str) -> list[Pertemuan]:
        return list(self._index["topic_meetings"].get(topic_id, ()))

    def meetings_for_material(self, material_id: str) -> list[Pertemuan]:
        return list(self._index["material_meetings"].get(material_id, ()))

    def topic_inferred(self, topic_id: str) -> bool:
        """Whether a meeting's assignment to this topic was inferred by the site (tafsiran_situs)."""
        return any("pokok_bahasan" in m.tafsiran_situs for m in self.meetings_for_topic(topic_id))

    def materials_for_topic(self, topic_id: str) -> list[Materi]:
        ids = dict.fromkeys(mid for m in self.meetings_for_topic(topic_id) for mid in m.materi)
        return [self.material(mid) for mid in ids]


# --- loading -------------------------------------------------------------------------------

def load_site_data(data_dir: Path, docs_dir: Path, label_root: Path | None = None) -> SiteData:
    """Read and validate every data file; raise DataError listing every problem found."""
    label_root = label_root or data_dir.parent
    files, problems = _read_files(data_dir, label_root)
    if problems:
        raise DataError(problems)

    kelompok, group_problems = _validate_group(files["kelompok"])
    topics, topic_problems = _validate_list(files["pokok_bahasan"], PokokBahasan, "pokok bahasan")
    meetings, meeting_problems = _validate_list(files["pertemuan"], Pertemuan, "pertemuan")
    materials, material_problems = _validate_list(files["materi"], Materi, "materi")
    people, people_problems = _validate_list(files["anggota"], Anggota, "anggota")
    problems = group_problems + topic_problems + meeting_problems + material_problems + people_problems

    problems += _check_unique(files["pokok_bahasan"], "id", "pokok bahasan")
    problems += _check_sequence(files["pokok_bahasan"], "pokok bahasan", first=(1,))
    problems += _check_unique(files["pertemuan"], "nomor", "pertemuan")
    problems += _check_sequence(files["pertemuan"], "pertemuan", first=(0, 1))
    problems += _check_unique(files["materi"], "id", "materi")
    problems += _check_references(files["pertemuan"], meetings, "pokok_bahasan", files["pokok_bahasan"])
    problems += _check_references(files["pertemuan"], meetings, "materi", files["materi"])
    problems += _check_unique(files["anggota"], "id", "anggota")
    problems += _check_member_count(files["anggota"], people, kelompok)
    problems += _check_material_files(files["materi"], materials, docs_dir, label_root)
    journal_problems, warnings = check_journal(files["pertemuan"], meetings, files["kelompok"], kelompok, people)
    problems += journal_problems
    if problems:
        raise DataError(problems)
    return SiteData(kelompok, tuple(topics), tuple(meetings), tuple(materials), tuple(people), tuple(warnings))


def _read_files(data_dir: Path, label_root: Path) -> tuple[dict[str, DataFile], list[str]]:
    files, problems = {}, []
    for key, name in DATA_FILES.items():
        path = data_dir / name
        label = _label(path, label_root)
        try:
            files[key] = load_data_file(path, label)
        except DataFileError as error:
            problems.extend(error.problems)
            continue
        expected = dict if key == "kelompok" else list
        if not isinstance(files[key].content, expected):
            shape = "kumpulan kolom (nama: nilai)" if expected is dict else "daftar entri berawalan '- '"
            problems.append(f"{label}: isi berkas harus berupa {shape}; lihat contoh di komentar awal berkas.")
    return files, problems


def _label(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()


def _validate_group(file: DataFile) -> tuple[Kelompok | None, list[str]]:
    objects, problems = collect_errors(file, [file.content], Kelompok, lambda i, raw: "kelompok", indexed=False)
    return objects[0], problems


def _validate_list(file: DataFile, model, noun: str):
    def entry_name(index: int, raw: Any) -> str:
        key = "nomor" if model is Pertemuan else "id"  # how an entry is named in messages
        if isinstance(raw, dict) and raw.get(key) not in (None, ""):
            return f"{noun} {raw[key]}"
        return f"{noun} ke-{index + 1}"

    objects, problems = collect_errors(file, file.content, model, entry_name)
    return [o for o in objects if o is not None], problems


def _raw_values(file: DataFile, key: str) -> list[tuple[int, Any]]:
    """(index, value) of `key` in each raw entry, valid or not, so one bad entry hides no other problem."""
    return [(i, raw.get(key)) for i, raw in enumerate(file.content or [])
            if isinstance(raw, dict) and isinstance(raw.get(key), (int, str)) and not isinstance(raw.get(key), bool)]


def _check_unique(file: DataFile, key: str, noun: str) -> list[str]:
    problems, seen = [], {}
    for index, value in _raw_values(file, key):
        if value in seen:
            problems.append(located(
                file, (index, key),
                f"{noun} {value}, {key}: {key} {found_text(value)} sudah dipakai entri lain "
                f"(baris {file.line_of((seen[value], key))}); setiap {noun} harus punya {key} sendiri. "
                "Ganti salah satunya.",
            ))
        else:
            seen[value] = index
    return problems


def _check_sequence(file: DataFile, noun: str, first: tuple[int, ...]) -> list[str]:
    where = {value: index for index, value in reversed(_raw_values(file, "nomor")) if isinstance(value, int)}
    numbers = sorted(where)
    if not numbers:
        return [f"{file.label}: belum ada {noun} bernomor; tambahkan paling sedikit satu entri."]
    problems = []
    if numbers[0] not in first:
        allowed = " atau ".join(str(n) for n in first)
        problems.append(f"{file.label}: nomor {noun} harus dimulai dari {allowed}; tertulis mulai dari {numbers[0]}.")
    for previous, current in zip(numbers, numbers[1:]):
        if current != previous + 1:
            problems.append(located(
                file, (where[current], "nomor"),
                f"{noun} {current}, nomor: nomor harus berurutan tanpa lompatan; sesudah {previous} "
                f"seharusnya {previous + 1}. Tambahkan {noun} {previous + 1} atau perbaiki nomornya.",
            ))
    return problems


def _check_references(file: DataFile, meetings: list[Pertemuan], field: str, target_file: DataFile) -> list[str]:
    known = [str(value) for _, value in _raw_values(target_file, "id")]
    problems = []
    for meeting in meetings:
        for position, ref in enumerate(getattr(meeting, field)):
            if ref not in known:
                problems.append(located(
                    file, (_index_of(file, "nomor", meeting.nomor), field, position),
                    f"pertemuan {meeting.nomor}, {field}: id {found_text(ref)} tidak dikenal. "
                    f"Id yang terdaftar di {target_file.label}: {', '.join(known)}.",
                ))
    return problems


def _check_member_count(file: DataFile, people: list[Anggota], kelompok: Kelompok | None) -> list[str]:
    members = [p for p in people if p.jenis == JenisAnggota.ANGGOTA]
    if kelompok and len(members) > kelompok.jumlah_anggota:
        return [f"{file.label}: ada {len(members)} entri berjenis anggota, padahal data/kelompok.yml mencatat "
                f"jumlah_anggota {kelompok.jumlah_anggota}. Hapus entri yang bukan anggota, atau perbarui jumlah_anggota."]
    return []


def _check_material_files(file: DataFile, materials: list[Materi], docs_dir: Path, label_root: Path) -> list[str]:
    problems = []
    folder = docs_dir / MATERIALS_DIR
    for material in materials:
        if not material.berkas:
            continue
        path = (folder / material.berkas)
        where = (_index_of(file, "id", material.id), "berkas")
        if "/" in material.berkas or "\\" in material.berkas or material.berkas.startswith("."):
            problems.append(located(file, where, (
                f"materi {material.id}, berkas: tulis nama berkas saja, tanpa folder, "
                f"misalnya {material.id}.pdf; tertulis {found_text(material.berkas)}.")))
        elif not path.is_file():
            problems.append(located(file, where, (
                f"materi {material.id}, berkas: berkas {found_text(material.berkas)} tidak ditemukan di "
                f"{_label(folder, label_root)}/. Unggah berkasnya ke folder itu, atau kosongkan kolom berkas "
                f"bila berkas belum ada.")))
    return problems


def _index_of(file: DataFile, key: str, value: Any, nth: int = 0) -> int | None:
    """The list index of the nth entry whose `key` equals `value` in the raw file."""
    hits = [i for i, raw in enumerate(file.content or []) if isinstance(raw, dict) and raw.get(key) == value]
    return hits[nth] if len(hits) > nth else None
